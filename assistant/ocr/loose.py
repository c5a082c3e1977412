"""Lines an engine read twice or boxed loosely, put right before layout (:mod:`assistant.ocr.layout`).

Engines that read a screen in overlapping passes, and second readings of what the first left
unsure, hand back the same words twice ("17 anna", then "17" and "anna" again) and boxes far
taller than the text they hold (a second reading's "Connect", boxed over both lines of a two-line
message). Read as they come, a word is said twice, and a loose box makes a heading of a word, puts
it in the wrong block or reads it first. Here each word is kept once and a loose box is moved
onto the one row it belongs to; and short unsure words (icons and edges read as letters) are
dropped (:func:`drop_unsure`).
"""

from __future__ import annotations

import statistics

import numpy as np

from assistant.ocr.boxes import Box, OcrLine, OcrWord, box_middle, inside


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def _bands(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """``lines`` grouped into rows by their middles, top to bottom."""
    bands: list[list[OcrLine]] = []
    for o in sorted(lines, key=lambda o: box_middle(o.box)):
        if bands and box_middle(o.box) - box_middle(bands[-1][-1].box) < 0.5 * o.height:
            bands[-1].append(o)
        else:
            bands.append([o])
    return bands


def moved(line: OcrLine, y0: int, y1: int) -> OcrLine:
    """``line`` boxed from ``y0`` to ``y1`` (the row it goes onto), its words too."""
    words = [OcrWord(w.text, (w.box[0], y0, w.box[2], y1), w.confidence) for w in line.words]
    return OcrLine(line.text, (line.box[0], y0, line.box[2], y1), line.confidence, words)


def _snapped(line: OcrLine, lines: list[OcrLine]) -> OcrLine:
    """``line`` moved onto the one row it belongs to, when an engine boxed it loosely (a second
    reading's box, twice its text's height) and so made it a heading, joined to the wrong block
    or read first. Either its box spans several rows of smaller text and covers some ("Connect",
    boxed over both lines of "Battery low: 9 percent left. / Connect the charger soon."): it goes
    to the row with room for it; or it spans one row of two other cells or more, beside it (a
    table's header "Size" between "Name" and "Type"): it goes to that row. Else as it was."""
    small = [o for o in lines if o is not line and o.height <= 0.7 * line.height]

    def spanned(near: float) -> list[OcrLine]:
        return [
            o
            for o in small
            if line.box[1] <= box_middle(o.box) <= line.box[3]
            and o.box[0] - line.box[2] < near
            and line.box[0] - o.box[2] < near
        ]

    def under(o: OcrLine) -> bool:
        return _overlap(o.box[0], o.box[2], line.box[0], line.box[2]) > 0

    # The rows it spans as far as a table's cells beside it (so too when it covers text: a tree's
    # "garden-planner", boxed over its own row and the next, where only the next row's name lay under it)
    bands = _bands(spanned(6 * line.height))
    if any(under(o) for o in spanned(2 * line.height)):  # its box covers other text
        free = [b for b in bands if not any(under(o) for o in b)]
        row = free[0] if len(bands) >= 2 and len(free) == 1 else None
    else:
        row = bands[0] if len(bands) == 1 and len(bands[0]) >= 2 and not any(map(under, bands[0])) else None
    if row is None:
        return line
    y0 = int(statistics.median(o.box[1] for o in row))
    y1 = int(statistics.median(o.box[3] for o in row))
    return moved(line, y0, y1)


def _words_in(text: str) -> list[str]:
    return [w.strip(".,:;") for w in text.split()]


def _same_place(a: Box, b: Box) -> bool:
    """Boxes sharing at least half of the smaller one."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w > 0 and h > 0 and w * h >= 0.5 * smaller


def _key(word: OcrWord) -> str:
    return word.text.strip(".,:;").casefold()


def _each_word_kept(line: OcrLine, seen: dict[str, list[Box]]) -> bool:
    """Whether every word of ``line`` is among the words kept (``seen``: their boxes by text), the
    same word at the same place (a dialog's "Save" read again over its button row: "Buttons:
    Discard, Cancel, Save, Save")."""
    return bool(line.words) and all(
        any(_same_place(box, w.box) for box in seen.get(_key(w), ())) for w in line.words
    )


def _part_of(line: OcrLine, other: OcrLine, usual: float) -> bool:
    """Whether ``line`` is a piece of ``other`` read again: one word within the width of one of
    ``other``'s words on its row and part of it ("-rw" over "-rw-------"), or within ``other``'s box
    and either as wide (the same span read again, less surely: "Uak Cnalr" inside "Oak chair") or
    far lower than it, along its top or foot, where a line of ``usual`` height or less holds no
    other text (the tops of a dialog's message read as "ehanaac ta natac tvt hafara" over "changes
    to notes.txt before closing?")."""
    piece = _key(OcrWord(line.text, line.box, line.confidence))
    if " " not in line.text and len(piece) >= 2 and other.box[1] <= box_middle(line.box) <= other.box[3]:
        # one word within another's width on its row, and part of it ("-r", "r--r--" by
        # "-rw-r--r--", each boxed taller than the word they were read from)
        slack = max(3, line.height // 4)  # (a loose box reaches a little past the word's ends)
        within = [
            w for w in other.words if w.box[0] - slack <= line.box[0] and line.box[2] <= w.box[2] + slack
        ]
        if len(within) == 1 and piece in _key(within[0]):
            return True
    if not inside(line.box, other.box, slack=3):
        return False
    if abs(line.box[0] - other.box[0]) <= 3 and abs(line.box[2] - other.box[2]) <= 3:
        return line.confidence <= other.confidence  # the same span read again, less surely ("Uak Cnalr")
    if _over_words(line, other):  # (a piece of a few letters or more, less sure than the line)
        return line.confidence < other.confidence and sum(ch.isalnum() for ch in line.text) >= 3
    low = line.height <= 0.7 * other.height and other.height <= usual
    edge = min(abs(line.box[1] - other.box[1]), abs(line.box[3] - other.box[3])) <= 2
    # (not one lying clear of ``other``'s words, between two of them: a listing's "1%" between
    # "931G" and "/srv/backup", read as one line over it, is no top of theirs read again)
    between = bool(other.words) and not any(
        _overlap(w.box[0], w.box[2], line.box[0], line.box[2]) > 0 for w in other.words
    )
    return low and edge and not between


def _over_words(line: OcrLine, other: OcrLine) -> bool:
    """Whether ``line``, within ``other``'s box and as tall (within a third), lies over ``other``'s
    words, not in a gap between them: each of its columns under one of ``other``'s words or the
    space beside one. The same ink read twice, the second time in pieces ("ednesday se!", "ninf"
    over "Wednesday selected: ... (van in for repair)."); a lost word an engine's line skipped
    lies in a gap of its own and stays, and so does a lone figure or two (a date's lost "4")."""
    if not other.words or abs(line.height - other.height) > other.height / 3:
        return False
    space = max(2, other.height // 3)
    x0, x1 = line.box[0], line.box[2]
    covered = np.zeros(max(0, x1 - x0), dtype=bool)
    for w in other.words:
        a, b = max(x0, w.box[0] - space), min(x1, w.box[2] + space)
        if a < b:
            covered[a - x0 : b - x0] = True
    return bool(covered.size) and bool(covered.all())


def _read_again(line: OcrLine, words: list[str], other: OcrLine) -> bool:
    """Whether ``line`` (its ``words``) lies within ``other``'s box and ``other`` has its words, in
    order, at its place: a listing's row holds "root root", and a second reading of its unsure
    second "root" is no copy of the first (half A term-ls-reports lost it so). Where ``other``'s
    words are not known one by one, its text is enough."""
    if not inside(line.box, other.box, slack=3):
        return False
    theirs = _words_in(other.text)
    placed = len(other.words) == len(theirs)
    for i in range(len(theirs)):
        if theirs[i : i + len(words)] != words:
            continue
        if not placed:
            return True
        run = other.words[i : i + len(words)]
        if _overlap(min(w.box[0] for w in run), max(w.box[2] for w in run), line.box[0], line.box[2]) > 0:
            return True
    return False


def _folded(line: OcrLine) -> list[str]:
    return [w.casefold() for w in _words_in(line.text)]


def _loose_copies(lines: list[OcrLine], usual: float) -> dict[int, list[OcrLine]]:
    """Each loose line (taller than ``usual``) that holds, within its box, readings of the same
    words (case aside) no taller than ``usual``, by its id: those readings. The same ink read
    twice, once boxed over its neighbours' rows."""
    out = {}
    tight = [o for o in lines if o.height <= usual]
    for line in lines:
        if line.height <= usual or not (words := _folded(line)):
            continue
        copies = [o for o in tight if inside(o.box, line.box, slack=3) and _folded(o) == words]
        if copies:
            out[id(line)] = copies
    return out


def deduplicated(lines: list[OcrLine]) -> list[OcrLine]:
    """``lines`` without those read twice: a line within another's box whose words that line has
    too, in order, at its place (:func:`_read_again`; an engine's overlapping passes gave "17
    anna", then "17" and "anna" again, and "render" twice: "17 17 anna ... render render"), or
    whose every word another line has at the same place, or a piece of another read again
    (:func:`_part_of`). Of two the same, the longer, then the surer, stays. A loose box holding a
    tight reading of its own words is weighed last, however sure, and goes where that reading
    stayed ("2024" boxed over three rows of a listing's dates is one row's year read again: weighed
    first, it dropped each row's own; :func:`_loose_copies`); where each such reading went, it is
    weighed as any line, so that its words are not lost."""
    usual = 1.4 * statistics.median(ln.height for ln in lines) if lines else 0.0  # a loose box is taller
    copies = _loose_copies(lines, usual)
    kept: list[OcrLine] = []
    seen: dict[str, list[Box]] = {}

    def weigh(line: OcrLine) -> None:
        words = _words_in(line.text)
        if not words:
            kept.append(line)
            return
        twice = any(_read_again(line, words, other) or _part_of(line, other, usual) for other in kept)
        if not twice and not _each_word_kept(line, seen):
            kept.append(line)
            for w in line.words:
                seen.setdefault(_key(w), []).append(w.box)

    def order(some: list[OcrLine]) -> list[OcrLine]:
        return sorted(some, key=lambda ln: (-len(ln.text), -ln.confidence))

    for line in order([ln for ln in lines if id(ln) not in copies]):
        weigh(line)
    stayed = {id(ln) for ln in kept}
    for line in order([ln for ln in lines if id(ln) in copies]):
        if not any(id(o) in stayed for o in copies[id(line)]):
            weigh(line)
    ids = {id(ln) for ln in kept}
    return [ln for ln in lines if id(ln) in ids]


def tidied(lines: list[OcrLine]) -> list[OcrLine]:
    """``lines`` each read once (:func:`deduplicated`), loose boxes on their rows (:func:`_snapped`)."""
    lines = deduplicated(lines)
    if not lines:
        return lines
    tall = 1.4 * statistics.median(ln.height for ln in lines)  # only a tall line can be loose
    return [_snapped(ln, lines) if ln.height > tall else ln for ln in lines]


#: Words an engine is this unsure of, with two letters or digits or fewer, are not read: on real
#: screens two of three such words are icons and edges read as "iN", "v", "BEE", "fF" (half A of
#: datasets/screens: 26 of 34 wrong below 0.6; longer unsure words are right as often as not).
UNSURE = 0.6


def drop_unsure(lines: list[OcrLine], below: float = UNSURE, *, figures: bool = False) -> list[OcrLine]:
    """``lines`` without their short unsure words (lines left empty go too). ``figures``: one that
    holds a digit stays (a terminal has no icons: its unsure short words with a digit, half A,
    were 12 of 14 right, "1", "13", "0.0", "2%"; those of letters alone 7 of 27, "fj", "iN").
    Marks read with confidence (an icon, vim's "~" as "2") are left to :mod:`assistant.ocr.marks`,
    which judges them by their pixels at the reading's last step."""

    def kept_word(text: str, confidence: float) -> bool:
        short = sum(ch.isalnum() for ch in text) <= 2
        return confidence >= below or not short or (figures and any(ch.isdigit() for ch in text))

    kept = []
    for line in lines:
        words = [w for w in line.words if kept_word(w.text, w.confidence)]
        if len(words) == len(line.words):
            if line.words or kept_word(line.text, line.confidence):
                kept.append(line)
        elif words:
            kept.append(OcrLine.of(words, line.confidence))
    return kept
