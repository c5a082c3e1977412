"""Words cut where a table's rule runs down through them.

A bordered table draws a thin rule between its columns, a pixel or two from the text on either
side. An engine may read across it: a Qt table's row number and date came back as one word,
"509/05" for "5" and "09/05", and the row's date was then in no column. A rule is told from a
glyph's stroke by running on past the word's top and bottom (a glyph stays within the word's box)
and by differing from the ground a few pixels either side of it (the edge of a coloured band does
not). A rule may be crossed by another (a header cell's border meeting the rule between the row
numbers and the first column): there it differs from one side only. The word's characters are
shared between the two sides as its ink is (glyphs touch, so they cannot be counted); it is cut
only where that share falls near a whole character, or at a "|" the engine read for the rule
itself ("Packets|Sown"), which is dropped. A column's sort arrow read as a letter inside a header's
word parts it too (:func:`cut_at_arrow`): it is told from the letter by its ink, as a rule is.
"""

from __future__ import annotations

import numpy as np

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine, OcrWord, inside

INK = 40  # grey levels from the ground: ink
SIDE = 3  # pixels either side of a rule where the ground is looked at
REACH = 3  # pixels a rule runs on above and below the word's box at least
EDGE = 2  # pixels of the word's box at either end where no rule is looked for
WIDE = 3  # pixels a rule is wide at most
DOWN = 0.8  # share of the rows a rule runs down (:func:`runs_down`)
#: Characters a "|" read for the rule may lie from where the ink's share puts the cut.
BAR_SLACK = 1.5

#: For each pixel, on how many of its two sides (``SIDE`` pixels left and right) the picture differs
#: from it (2: a thin upright stroke; 1 where a line across meets it), over a band of the picture,
#: with the band's top and left: looked at once per line, not once per word.
Band = tuple[np.ndarray, int, int]


def _band(gray: np.ndarray, box: Box) -> Band:
    """:data:`Band` over ``box`` (widened by ``REACH`` rows above and below)."""
    x0, y0, x1, y1 = box
    top, bottom = max(0, y0 - REACH), min(gray.shape[0], y1 + REACH)
    left, right = max(0, x0 - SIDE), min(gray.shape[1], x1 + SIDE)
    part = gray[top:bottom, left:right].astype(np.int16)  # (h, w)
    sides = np.zeros(part.shape, dtype=np.uint8)
    middle = part[:, SIDE:-SIDE]
    sides[:, SIDE:-SIDE] = (np.abs(middle - part[:, : -2 * SIDE]) > INK).astype(np.uint8) + (
        np.abs(middle - part[:, 2 * SIDE :]) > INK
    )
    return sides, top, left


#: Rows of pixels in a row a rule may break for (:func:`_rules`): a terminal draws a table's rules
#: as box-drawing characters, one per line of text, and a font's "│" may stop a pixel short of
#: its character cell's top or foot.
BREAK = 1


def _rules(band: Band, box: Box) -> list[int]:
    """x of the rules running down through ``box`` (past its top and bottom by ``REACH``): apart
    from both sides on most rows (:data:`DOWN`), from one side at least on every row but for breaks
    of :data:`BREAK` rows (:func:`_unbroken`), where one line's box-drawing "│" ends and the next
    one's begins (w3m's timetable, "31.50|6.20" read across its rule). Where a rule across meets
    it, it is like that rule on one side; a glyph's stroke ends within the word's box, where it
    is like the ground on both."""
    sides, top, left = band
    x0, y0, x1, y1 = box
    a, b = y0 - REACH - top, y1 + REACH - top
    if a < 0 or b > sides.shape[0]:
        return []
    cols = sides[a:b, x0 + EDGE - left : x1 - EDGE - left]
    if not cols.size:
        return []
    rule = _unbroken(cols >= 1) & ((cols == 2).mean(axis=0) >= DOWN)
    return [x0 + EDGE + int(i) for i in np.flatnonzero(rule)]


def _unbroken(marked: np.ndarray) -> np.ndarray:
    """Per column of ``marked`` ``(h, w)``, a word's box and ``REACH`` rows above and below it:
    marked on its first and last rows, and on every row between but for breaks of :data:`BREAK`
    rows (one line's "│" ends, the next one's begins). (A rule that only starts at the box's top,
    a header's under a table's top border, is not told from a letter's stem with the line above's
    ink over it: "Lunch" was cut at its "h".)"""
    whole = np.asarray(marked.all(axis=0), dtype=bool)
    for j in np.flatnonzero(~whole & marked[0] & marked[-1]):
        whole[j] = all(end - start <= BREAK for start, end in true_runs(~marked[:, j]))
    return whole


def runs_down(gray: np.ndarray, x0: int, x1: int, top: int, bottom: int) -> bool:
    """Whether a rule (:func:`_band`'s thin upright stroke) runs down a column of ``x0..x1`` over
    the rows ``top..bottom`` (most of them: a table's rules across cross it)."""
    if top < 0 or bottom > gray.shape[0] or bottom <= top:
        return False
    sides, _, left = _band(gray, (x0, top + REACH, x1, bottom - REACH))
    return bool(((sides[:, x0 - left : x1 - left] == 2).mean(axis=0) >= DOWN).any())


def _ink(part: np.ndarray) -> np.ndarray:
    """Where ``part`` ``(h, w)`` is ink: far from its commonest grey (its ground)."""
    if part.size == 0:
        return np.zeros(part.shape, dtype=bool)
    ground = int(np.bincount(part.ravel()).argmax())
    return np.abs(part.astype(np.int16) - ground) > INK


def _width(ink: np.ndarray) -> int:
    """Columns from the first inked one of ``ink`` ``(h, w)`` to the last (0 when none is)."""
    start, end = _extent(ink)
    return end - start


def _extent(ink: np.ndarray) -> tuple[int, int]:
    """The first inked column of ``ink`` ``(h, w)`` and one past the last ((0, 0) when none is)."""
    cols = np.flatnonzero(ink.any(axis=0))
    return (int(cols[0]), int(cols[-1] + 1)) if cols.size else (0, 0)


def _glyphs_width(gray: np.ndarray, box: Box) -> int:
    """:func:`_width` of the glyphs' ink in ``box`` (:func:`_glyphs_extent`)."""
    start, end = _glyphs_extent(gray, box)
    return end - start


def _glyphs_extent(gray: np.ndarray, box: Box) -> tuple[int, int]:
    """:func:`_extent` of the glyphs' ink in ``box`` (from its left), without the rules' (a header
    cell's border across the word's side, the row header's frame beside a row number): lines
    inked all across the box, or down it (:func:`glyph_ink`)."""
    ink, across = glyph_ink(gray, box)
    return _extent(ink[~across])


def glyph_ink(gray: np.ndarray, box: Box) -> tuple[np.ndarray, np.ndarray]:
    """The ink of ``box`` ``(h, w)`` without the columns a rule runs down (inked down most of the
    box, :data:`DOWN`, and on past its top and bottom: a glyph stays within the word's box, a
    table's border beside its first column does not), and which of its rows ``(h,)`` were inked
    all across it (a rule across, where a caller leaves those rows out too)."""
    x0, y0, x1, y1 = box
    top, bottom = max(0, y0 - REACH), min(gray.shape[0], y1 + REACH)
    ink = _ink(gray[top:bottom, x0:x1])
    a, b = y0 - top, y1 - top
    down = ink[:a].any(axis=0) & ink[b:].any(axis=0) & (ink.mean(axis=0) >= DOWN)
    across = np.asarray(ink.all(axis=1), dtype=bool)
    ink[:, down] = False
    return ink[a:b], across[a:b]


#: How far (in characters) the share of the ink left of a rule may lie from a whole number of the
#: word's characters for the word to be cut there.
SURE = 0.3


def rule_through(gray: np.ndarray, word: OcrWord, band: Band | None = None) -> tuple[int, int] | None:
    """The x-range of a rule running down through ``word`` (:func:`_rules`) with glyphs on either
    side of it, or None. ``band``: :data:`Band` over the word's line, when already looked at."""
    found = _rule_and_sides(gray, word, band)
    return None if found is None else found[:2]


def _rule_and_sides(gray: np.ndarray, word: OcrWord, band: Band | None) -> tuple[int, int, int, int] | None:
    """:func:`rule_through`'s x-range and the widths of the glyphs left and right of it (both
    more than none), or None. (:func:`cut_word` boxes each side to its glyphs: :func:`_sides`.)"""
    if len(word.text) < 2 or " " in word.text:
        return None
    rules = _rules(band or _band(gray, word.box), word.box)
    if not rules:
        return None
    x0, y0, x1, y1 = word.box
    a, b = rules[0], rules[-1] + 1  # (a rule two pixels wide)
    if b - a > WIDE:
        return None
    # (each side on its own ground: a table's row numbers are on its header's grey, the selected
    # row's date beside them on blue)
    left = _glyphs_width(gray, (x0, y0, a, y1))
    right = _glyphs_width(gray, (b, y0, x1, y1)) if left else 0
    return (a, b, left, right) if right else None


def cut_word(gray: np.ndarray, word: OcrWord, band: Band | None = None) -> list[OcrWord]:
    """``word`` cut at a rule running down through it (:func:`rule_through`), or as it is: where the
    share of its ink falls near a whole character (:func:`_where`). ``band``: :data:`Band` over the
    word's line, when already looked at."""
    return _cut(gray, word, _rule_and_sides(gray, word, band))


def _cut(gray: np.ndarray, word: OcrWord, found: tuple[int, int, int, int] | None) -> list[OcrWord]:
    """:func:`cut_word` with the rule through ``word`` and its sides' widths already looked for
    (``found``, :func:`_rule_and_sides`)."""
    if found is None:
        return [word]
    a, b, left, right = found
    text = word.text
    x0, y0, x1, y1 = word.box
    # (a pixel of space after each side's last glyph)
    k, dropped = _where(text, len(text) * (left + 1) / (left + right + 2))
    if k is None:
        return [word]
    left_end, right_start = _sides(gray, word.box, (a, b))
    return [
        OcrWord(text[:k], (x0, y0, left_end, y1), word.confidence),
        OcrWord(text[k + dropped :], (right_start, y0, x1, y1), word.confidence),
    ]


def _sides(gray: np.ndarray, box: Box, rule: tuple[int, int]) -> tuple[int, int]:
    """Where the glyphs left of ``rule`` (in ``box``) end and those right of it begin: the pieces
    of a word cut there are boxed to their ink, not to the rule. In a terminal a rule is a
    character of its own ("│" between "31.50" and "6.20"), so the pieces stand a character apart,
    a space; boxed up to the rule, a pixel or two apart, they were read on as one word again."""
    x0, y0, x1, y1 = box
    a, b = rule
    left_end = x0 + _glyphs_extent(gray, (x0, y0, a, y1))[1]
    right_start = b + _glyphs_extent(gray, (b, y0, x1, y1))[0]
    return (left_end if left_end > x0 else a), right_start


def _where(text: str, share: float) -> tuple[int | None, int]:
    """Where ``text`` is cut, ``share`` of its characters lying left of the rule,
    and how many characters are dropped there: a rule read as "|" is dropped wherever it lies
    near the share (glyphs differ in width: "Packets" is seven characters in 59 pixels, "Sown"
    four in 41); else the share must lie near a whole number (``SURE``)."""
    n = len(text)
    bars = [i for i, ch in enumerate(text) if ch == "|" and 0 < i < n - 1]
    if bars:
        near = min(bars, key=lambda i: abs(i - share))
        return (near, 1) if abs(near - share) <= BAR_SLACK else (None, 0)
    k = round(share)
    return (k, 0) if abs(share - k) <= SURE and 0 < k < n else (None, 0)


#: What :func:`cut_at_rules` found through the words it left whole, by the word's id: the rule's
#: x-range (:func:`rule_through`), or None for none. Good only while the lines given to
#: :func:`cut_at_rules` live (an id is reused once its word is gone).
Found = dict[int, tuple[int, int] | None]


def cut_at_rules(gray: np.ndarray, lines: list[OcrLine], found: Found | None = None) -> list[OcrLine]:
    """``lines`` with each word cut at a rule running down through it (:func:`cut_word`), and
    parted at a column's sort arrow read inside it (:func:`cut_at_arrow`). ``found``, when given,
    gets what :func:`rule_through` would say of each word left whole, so that a caller need not
    look again: a word's rules over its line's band are those over its own wherever the word's box
    lies within the line's (the band's differences run across, pixel by pixel)."""
    out = []
    for line in lines:
        if not any(len(w.text) >= 2 for w in line.words):
            if found is not None:  # (no word of two characters: none has a rule through it)
                found.update((id(w), None) for w in line.words)
            out.append(line)
            continue
        band = _band(gray, line.box)
        words = []
        for word in line.words:
            rule = _rule_and_sides(gray, word, band)
            pieces = _cut(gray, word, rule)
            if found is not None and len(pieces) == 1 and inside(word.box, line.box):
                found[id(word)] = None if rule is None else rule[:2]
            words += [part for piece in pieces for part in cut_at_arrow(gray, piece)]
        out.append(OcrLine.of(words, line.confidence) if len(words) != len(line.words) else line)
    return out


#: The helpers :mod:`assistant.ocr.gutter_cuts` shares: a part's ink and its width.
ink_of, ink_width = _ink, _width


#: What an engine reads a column's sort arrow as (htop's "CPU%▽MEM%" read "CPU%VMEM%"); read as
#: "∇" it is :data:`assistant.ocr.grid.ARROWS`' to part the names.
ARROW_READS = "Vv"
ARROW_TALL = 4  # rows of ink an arrow has at least (a dot or a dash is no arrow)
#: Share of the glyph's width an arrow's flat top spans at least, inked all along (a "V" has two
#: strokes there, a serif "v" two serifs with a pixel between).
FLAT = 0.8
TIP = 0.4  # the arrow's last row is at most this share of its top's width
#: The arrow's middle row is this share of its top's width, give or take: a "T" or a "7" drops to
#: its stem's width at once, an arrow narrows row by row.
HALF = (0.3, 0.8)
STEP = 3  # pixels an arrow's width narrows by at most from one row to the next
CENTRED = 1.5  # pixels each of the arrow's rows' middles lies from its top's middle at most


def _pointing_down(glyph: np.ndarray) -> bool:
    """Whether ``glyph`` ``(h, w)`` (one run of inked columns) is a down-pointing triangle, outlined
    or filled: a flat top inked all across (:data:`FLAT`), rows narrowing a little at a time
    (:data:`STEP`, :data:`HALF`) to a tip (:data:`TIP`), each row centred under the top."""
    rows = np.flatnonzero(glyph.any(axis=1))
    if rows.size < ARROW_TALL or rows[-1] - rows[0] + 1 != rows.size:
        return False
    firsts = np.array([np.flatnonzero(glyph[r])[0] for r in rows])
    lasts = np.array([np.flatnonzero(glyph[r])[-1] for r in rows])
    widths = lasts - firsts + 1
    top = widths[0]
    if top < ARROW_TALL or glyph[rows[0]].sum() < top or top < FLAT * glyph.shape[1]:
        return False
    middles = (firsts + lasts) / 2
    half = widths[len(widths) // 2] / top
    return bool(
        widths[-1] <= TIP * top
        and HALF[0] <= half <= HALF[1]
        and (np.diff(widths) <= 1).all()
        and (-np.diff(widths) <= STEP).all()
        and (np.abs(middles - middles[0]) <= CENTRED).all()
    )


#: An arrow's run of ink is this many of the word's characters wide at most.
CELL = 1.3


def _lower_beside(text: str, k: int) -> bool:
    """Whether a small letter stands beside ``text[k]``: a "v" there is a letter of the word
    ("/srv", "average:"; htop's names are capitals, "CPU%", "MEM%")."""
    return text[k - 1].islower() or text[k + 1 : k + 2].islower()


def cut_at_arrow(gray: np.ndarray, word: OcrWord) -> list[OcrWord]:
    """``word`` parted where a column's sort arrow stands inside it, read as a letter
    (:data:`ARROW_READS`), the arrow left out; else as it is. htop marks the sorted column with a
    triangle between its name and the next one's, and an engine read the two names and the arrow
    as one word ("CPU%VMEM%"), no word of either. The arrow is told from a "V" by its ink
    (:func:`_pointing_down`: a flat top, where a "V" has two strokes), found as a run of inked
    columns of the word's box; the character it stands for is the arrow-like one nearest its
    place among the word's characters (as many to a width in a fixed-width font)."""
    text = word.text
    if len(text) < 3 or " " in text or not any(ch in ARROW_READS for ch in text[1:]):
        return [word]
    if not any(ch in ARROW_READS and not _lower_beside(text, i) for i, ch in enumerate(text) if i):
        return [word]
    x0, y0, x1, y1 = word.box
    ink = _ink(gray[y0:y1, x0:x1])
    if not ink.any():
        return [word]
    per = (x1 - x0) / len(text)
    for a, b in true_runs(np.asarray(ink.any(axis=0), dtype=bool)):
        # (one character's cell at most: a "v" run on to the "r" before it, "/srv", is no arrow)
        if b - a > CELL * per or not _pointing_down(ink[:, a:b]):
            continue
        near = [
            i for i, ch in enumerate(text) if ch in ARROW_READS and abs((i + 0.5) * per - (a + b) / 2) <= per
        ]
        if len(near) != 1 or near[0] == 0 or _lower_beside(text, near[0]):
            continue
        k = near[0]
        pieces = [(text[:k], (x0, y0, x0 + a, y1)), (text[k + 1 :], (x0 + b, y0, x1, y1))]
        return [OcrWord(t, box, word.confidence) for t, box in pieces if t]
    return [word]
