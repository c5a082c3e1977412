"""Spaces a title bar's second reading ran over: "pat@market:~/jams" for "pat@market: ~/jams".

A title read again alone (:mod:`assistant.ocr.titles`) is one line with few spaces, in the window
manager's font, and tesseract runs words together beside a mark there: a terminal's usual title
"user@host: ~/dir" came back without its space after the colon, and "plants - xterm" as
"plants-xterm", so the title's words were not the title's. The bar's ink shows the space: its
letters stand a pixel or two apart, the space several times that. The cut is made where a gap is
clearly a space (as tall a share of the letters' height as a space is, and several times the
word's other gaps), beside a mark too: a mark's own sides leave no more than a letter's do in the
proportional fonts title bars are written in. The character the space follows is told from the
gap's place among rough character widths, as :mod:`assistant.ocr.spaces` tells it. A space after
a colon is told from the colon's other side (a colon's two sides are alike without one). The
other way too: words an engine parted where the ink shows no space ("mira@" "pool:") are joined.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine, OcrWord, centre_in, union_box
from assistant.ocr.spaces import narrow_slack, rough_starts


@dataclass(frozen=True)
class TitleSpaceConfig:
    height: float = 1 / 3  # a space is at least this share of the letters' height ...
    over: float = 2.0  # ... and this many times the word's other gaps (median) ...
    least: float = 2.5  # ... and this many pixels, ...
    # ... less this share of the room narrow glyphs beside it leave (spaces.narrow_slack; half: a
    # narrow glyph stands near the middle of its advance, not always in it).
    bearing: float = 0.5
    solid: float = 0.7  # ink filling this share of its box is a block, no letter
    # The word's columns that hold ink, this share at least: a faint title on a shaded bar (fluxbox)
    # keeps only its letters' darkest strokes as ink, and between them every gap looks a space.
    covered: float = 0.6
    reach: float = 1.0  # of a character: how near rough widths must put a boundary to the gap
    least_gaps: int = 3  # gaps of ink a word needs (a measure of its letters' own)


SLACK = 1  # pixels an engine's word box may miss of its own letters, or take of its neighbour's

# Title bars' proportional fonts: "t", "r", "/" and "-" stand between "i" and "n" in width.
NARROW, SLIM = set("ilI1|!.,:;'`"), frozenset("tfrj/()[]{}-")


def spaced(
    word: OcrWord, ink: np.ndarray, origin: tuple[int, int], cfg: TitleSpaceConfig | None = None
) -> list[OcrWord]:
    """``word`` (a title's, in the picture's pixels) cut at the clear spaces of ``ink`` (bool
    ``(h, w)``: the bar's ink, its pixel (0, 0) at ``origin`` in the picture); [word] when none."""
    cfg = cfg or TitleSpaceConfig()
    text = word.text
    x0, _, x1, _ = word.box
    a, b = max(0, x0 - origin[0]), min(ink.shape[1], x1 - origin[0])
    if len(text) < 3 or b - a < 4:
        return [word]
    part = ink[:, a:b]  # (h, w)
    rows = np.flatnonzero(part.any(axis=1))
    cols = np.asarray(part.any(axis=0))
    if rows.size == 0:
        return [word]
    height = int(rows[-1] + 1 - rows[0])
    inked = np.flatnonzero(cols)
    first, last = int(inked[0]), int(inked[-1])
    gaps = [(s, e) for s, e in true_runs(~cols) if s > first and e <= last]
    if len(gaps) < cfg.least_gaps or float(cols[first : last + 1].mean()) < cfg.covered:
        return [word]  # (too few gaps to measure, or letters the bar's ink holds only in part)
    widths = [e - s for s, e in gaps]
    slack = narrow_slack(gaps, first, last)
    clear = [
        (s, e)
        for i, (s, e) in enumerate(gaps)
        if e - s - cfg.bearing * slack[i]
        >= max(cfg.least, cfg.height * height, cfg.over * float(np.median(widths[:i] + widths[i + 1 :])))
    ]
    colons = _after_colons(text, gaps, first, last, cfg)  # gap -> the index after its colon
    clear = sorted({*clear, *colons})
    # Placed by the ink: each patch of ink between gaps holds a character at least (two touching
    # ones make one patch; a glyph may hold a gap of its own, so one less), so the characters
    # before the space number at least the patches before it, and those after it at least the
    # patches after; within that, where the characters' rough widths put the space (the spaces'
    # own widths left out).
    letters = last + 1 - first - sum(e - s for s, e in clear)
    starts = rough_starts(text, NARROW, SLIM)
    pieces: list[OcrWord] = []
    start_k, start_x, before = 0, x0, 0
    for s, e in clear:
        where = (s - first - before) / letters
        before += e - s
        if start_k == 0 and _solid(part[:, first:s], cfg):
            continue  # an icon before the title (a block of ink), not a letter cut off
        if (s, e) in colons:  # the colon's index is known: nothing to place by rough widths
            k = colons[(s, e)]
            if k <= start_k:
                continue
        else:
            patches_before = sum(1 for g in gaps if g[1] <= s)
            patches_after = sum(1 for g in gaps if g[0] >= e)
            ks = range(max(start_k + 1, patches_before), len(text) - max(1, patches_after) + 1)
            if not ks:
                continue
            k = min(ks, key=lambda j: abs(starts[j - 1] - where))
            if abs(starts[k - 1] - where) > cfg.reach / len(text):
                continue
        if not (_has_word(text[start_k:k]) and _has_word(text[k:])):
            continue  # (a mark standing apart, "root@router:~"'s "~", is no word of its own)
        pieces.append(OcrWord(text[start_k:k], _box(word.box, start_x, origin[0] + a + s), word.confidence))
        start_k, start_x = k, origin[0] + a + e
    if not pieces:
        return [word]
    return [*pieces, OcrWord(text[start_k:], _box(word.box, start_x, x1), word.confidence)]


def _after_colons(
    text: str, gaps: list[tuple[int, int]], first: int, last: int, cfg: TitleSpaceConfig
) -> dict[tuple[int, int], int]:
    """The gaps of ``gaps`` after a colon inside ``text`` that are a space (wider than the gap
    before the colon by a space's least width), each with the index in ``text`` after its colon:
    the word is cut there, at the colon's known place, so a slim letter after the gap cannot pull
    the cut one character late ("root@nas:/" "srv/share"). A colon stands in the middle of its advance, so
    its two sides leave gaps alike when a letter or figure follows it ("10:30"); a space after it
    widens the one after only. A terminal's title "root@nas: /srv/share" read run together
    (bold letters, the space 4 pixels among letters 1 apart) is short of the clear space's height
    share once the colon's narrow sides are allowed for, but not of this."""
    out: dict[tuple[int, int], int] = {}
    starts = rough_starts(text, NARROW, SLIM)
    span = last + 1 - first
    for j, ch in enumerate(text[:-1]):
        if ch != ":" or j == 0:
            continue
        at = min(range(len(gaps)), key=lambda g: abs((gaps[g][0] - first) / span - starts[j]), default=None)
        if at is None or abs((gaps[at][0] - first) / span - starts[j]) > cfg.reach / len(text):
            continue
        s, e = gaps[at]
        # The gap before it: the colon's other side (or, where the colon touches its letter, the
        # gap between two letters before it, narrower still).
        before = gaps[at - 1][1] - gaps[at - 1][0] if at > 0 else 0
        if at > 0 and e - s >= before + cfg.least:
            out[(s, e)] = j + 1
    return out


def _has_word(text: str) -> bool:
    """Whether ``text`` holds a letter or a figure: a piece of marks only (the "~" of a terminal's
    "root@router:~", set apart by its own sides' bearing) is said as no word, so a cut leaving one
    would lose it."""
    return any(c.isalnum() for c in text)


def _solid(ink: np.ndarray, cfg: TitleSpaceConfig) -> bool:
    """``ink`` (what lies before a space) is one patch filled as no letter is: an icon drawn
    before the title, which an engine's box took in with the word ("Seed" boxed with the block
    before it came back cut "S eed")."""
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0 or not ink.any(axis=0).all():
        return False
    return float(ink[rows[0] : rows[-1] + 1].mean()) >= cfg.solid


def _box(box: Box, left: int, right: int) -> Box:
    return (left, box[1], right, box[3])


def spaced_titles(
    gray: np.ndarray,
    lines: list[OcrLine],
    bars: Sequence[Box],
    ink_of: Callable[[np.ndarray], np.ndarray],
    cfg: TitleSpaceConfig | None = None,
) -> list[OcrLine]:
    """``lines`` with the words on each of ``bars`` (title bars' insides) cut at the clear spaces
    of the bar's ink (``ink_of``: a bar's crop to its ink), and words an engine parted where the
    ink leaves no space joined again (the bar's lines then become one); lines on no bar as they
    are."""
    inks: dict[int, tuple[np.ndarray, tuple[int, int]]] = {}
    out = []
    on_bar: dict[int, list[int]] = {}  # each bar's lines (indices into ``out``)
    for line in lines:
        k = next((i for i, bar in enumerate(bars) if centre_in(line.box, bar)), None)
        if k is None or not line.words:
            out.append(line)
            continue
        if k not in inks:
            x0, y0, x1, y1 = bars[k]
            inks[k] = ink_of(gray[y0:y1, x0:x1]), (x0, y0)
        ink, origin = inks[k]
        words = [piece for w in line.words for piece in spaced(w, ink, origin, cfg)]
        on_bar.setdefault(k, []).append(len(out))
        out.append(line if len(words) == len(line.words) else OcrLine.of(words, line.confidence))
    drop: set[int] = set()
    added: list[OcrLine] = []
    for k, at in on_bar.items():  # (``at`` indexes ``out`` as built above: ``out`` is rebuilt once, after)
        joined = _joined([w for i in at for w in out[i].words], *inks[k])
        if joined is not None:  # the bar's lines made one, its words joined where no space parts them
            # (boxed within the bar's rows: "aiko@" boxed down to the window's first row, run on
            # along "office: ~/plants", lay over that row, and the layout took it for the title's)
            top, foot = bars[k][1], bars[k][3]
            drop.update(at)
            added.append(OcrLine.of([_within_rows(w, top, foot) for w in joined]))
    return [ln for i, ln in enumerate(out) if i not in drop] + added if drop else out


def _within_rows(word: OcrWord, top: int, foot: int) -> OcrWord:
    """``word`` with its box cut to the rows ``top``..``foot`` (a bar's); as it is where it lies
    wholly outside them (no box turned inside out)."""
    y0, y1 = max(word.box[1], top), min(word.box[3], foot)
    if y1 <= y0:
        return word
    return OcrWord(word.text, (word.box[0], y0, word.box[2], y1), word.confidence)


def _joined(words: list[OcrWord], ink: np.ndarray, origin: tuple[int, int]) -> list[OcrWord] | None:
    """A title's ``words`` (on one bar, its ink ``ink`` at ``origin``) in their order along it,
    two neighbours made one word where the ink between them is no wider apart than their own
    letters stand (the median of the gaps inside the two words): an engine parted
    "mira@pool:" into "mira@" and "pool:" two pixels apart, as its letters are, and the title's
    words were not the title's. None: no two joined."""
    cols = np.asarray(ink.any(axis=0))
    words = sorted(words, key=lambda w: w.box[0])

    def inner(word: OcrWord) -> list[int]:
        a, b = max(0, word.box[0] - origin[0]), min(cols.size, word.box[2] - origin[0])
        inked = np.flatnonzero(cols[a:b])
        if inked.size == 0:
            return []
        return [e - s for s, e in true_runs(~cols[a + inked[0] : a + inked[-1] + 1])]

    out = words[:1]
    for word in words[1:]:
        last = out[-1]
        # The empty columns where one word's box ends and the next one's begins (none: ink touches).
        a, b = sorted((last.box[2] - origin[0], word.box[0] - origin[0]))
        gap = max((e - s for s, e in true_runs(~cols) if s <= b + SLACK and e >= a - SLACK), default=0)
        own = inner(last) + inner(word)
        if len(own) >= 2 and gap <= float(np.median(own)):
            out[-1] = OcrWord(
                last.text + word.text, union_box([last.box, word.box]), min(last.confidence, word.confidence)
            )
        else:
            out.append(word)
    return out if len(out) < len(words) else None
