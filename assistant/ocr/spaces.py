"""Spaces the engines ran over: a word whose ink has a gap as wide as a space where digits meet
letters is two words.

Tesseract reads a dial pad's "2 ABC" as "2ABC" (0.91 sure), and PP-OCR's recogniser drops the
space in a table's "1.1 GB" ("1.1GB", 1.0 sure): a listener hears neither the key's digit nor
the unit. Between the letters of one word the ink stands a pixel or two apart (a terminal's
"468G", "5d", "1.8T": 1 to 2 pixels at a height of 12); a space leaves 5 or more. Only where a
digit meets a letter is a word split, so that a proportional font's wide "r v" or "1 1" never
cuts a word in the middle; or where a gap is as wide as the spaces between the line's own words
(:func:`split_spaced`: tesseract's "Anew" for a tight dialog font's "A new").

An initial's dot before a name leaves as much room after it as a space in a tight proportional
font, and the engines ran it over ("D.Petrakis"): cut where the gap after the dot is clearly wider
than the one before it (:func:`split_initial`).

A terminal's key bar draws a key's name and its label on grounds of their own with no space
between (htop's "F1" on black, "Help" on cyan): there the ground, not a gap, parts the words
(:func:`key_and_label`).

The other way round, a space read where the ink shows a mark: an underscore under the gap
(:func:`underscored`), a decimal point between figures read as pieces (:func:`figures_joined`);
and an underscore read where the ink shows none (:func:`bare_underscores`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from assistant.masks import label, true_runs
from assistant.ocr.boxes import OcrLine, OcrWord, union_box
from assistant.ocr.ink import off_ground


@dataclass(frozen=True)
class SpaceConfig:
    contrast: int = 48  # grey levels from the ground: ink
    least: float = 0.3  # a space is at least this share of the ink's height ...
    over_others: float = 2.0  # ... and this many times the word's other gaps (median)
    reach: float = 1.5  # characters (the word's mean width) from where the split is expected
    # A gap the recogniser ran over between letters: this share of the ink's height at least,
    # and this many times the word's other gaps (median).
    clear_height: float = 0.35
    clear_over: float = 2.5
    run_reach: float = 0.5  # ... falling within this share of a character of a letter boundary
    # A space between digit groups falls this close (in digits) to a digit boundary.
    figure_slack: float = 0.35
    # A gap inside a word as wide as this share of the median space between its line's words
    # (a line of ``line_spaces`` spaces at least) is a space (:func:`split_spaced`).
    line_space: float = 0.8
    line_spaces: int = 3
    # A line with fewer spaces is measured by the spaces of the picture's lines of its height
    # (within ``like_height`` of it), so many at least: a table's cells, a button's label.
    pooled_spaces: int = 6
    like_height: float = 0.2
    line_least: float = 3.0  # pixels, at least (small text's "M IT" stands 2 apart, its spaces 3)
    line_over: float = 2.0  # ... and this many times the word's other gaps (median),
    # falling within this share of a character of where rough letter widths put a boundary (a
    # word boxed over a neighbour's ink, "0" of "08:00" in "daily"'s box, is no word to cut).
    line_reach: float = 0.2
    # An underscore read as a space: ink in the gap between two words no taller than this share of
    # the line's height, in its lowest ``low`` share or under it (to ``under`` below the boxes),
    # across ``across`` of the gap, and not running on under the words (an underline, a field's edge).
    bar: float = 0.2
    low: float = 0.3
    under: float = 0.3
    across: float = 0.6
    beside: float = 0.15  # (this share of a word's columns at the bar's rows at most)
    # Figures read apart at their decimal point or separator: on one row, of one height (within
    # ``figure_height``), at most ``figure_reach`` of it apart, the mark between them no taller
    # or wider than ``mark`` of it, in its lower half.
    figure_height: float = 0.2
    figure_reach: float = 1.3
    mark: float = 0.4
    # An underscore read over a gap of empty columns this share of a character wide at least is a
    # space (:func:`bare_underscores`).
    bare: float = 0.6
    # A key's name and its label on grounds this many levels apart are two words (:func:`key_and_label`).
    key_ground: float = 60.0
    # The gap after an initial's dot is a space where it is this many pixels wider than the one
    # before the dot (and ``over_others`` times the name's gaps; :func:`split_initial`); the dot is
    # a patch of ink this share of the word's height wide at most.
    after_dot: int = 2
    dot: float = 0.4


def _kind(ch: str) -> str:
    return "digit" if ch.isdigit() else "letter" if ch.isalpha() else "mark"


def _splits(text: str) -> list[int]:
    """Where in ``text`` a digit meets a letter (indices of the second)."""
    kinds = [_kind(ch) for ch in text]
    return [k for k in range(1, len(text)) if {kinds[k - 1], kinds[k]} == {"digit", "letter"}]


def _empty_runs(cols: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of the runs of False in ``cols`` between its first and last True."""
    return [(a, b) for a, b in true_runs(~cols) if a > 0 and b < len(cols)]


RING = 2  # pixels round a word's box where its ground is read (:func:`_ink`)


@dataclass(frozen=True)
class _Ink:
    """A word's ink seen column by column: where its empty columns run, between its first and last
    inked ones (the three splitters below measure a gap against these)."""

    runs: list[tuple[int, int]]  # (start, end) of each run of empty columns, in the word's box
    first: int  # the first inked column
    last: int  # the last inked column
    height: int  # rows from the first inked row to the last

    @property
    def widths(self) -> list[int]:
        return [b - a for a, b in self.runs]


def _ink(
    word: OcrWord, gray: np.ndarray, contrast: int, least_width: int, relative: bool = False
) -> _Ink | None:
    """``word``'s ink, or None when its box is under 4 x ``least_width`` pixels or holds no ink.
    Ink is ``contrast`` grey levels off the ground; ``relative``: or 0.4 of the word's own darkest
    (at least 16), for small pale text enlarged. The ground is read on a ring ``RING`` pixels round
    the box: a box drawn tight round its ink has ink on its own border, and a Qt table's "9 KB",
    boxed so, took a grey between ink and paper for its ground and its space for ink ("9KB")."""
    x0, y0, x1, y1 = (max(0, v) for v in word.box)
    part = gray[y0:y1, x0:x1].astype(np.int16)  # (h, w)
    if part.shape[0] < 4 or part.shape[1] < least_width:
        return None
    top, left = max(0, y0 - RING), max(0, x0 - RING)
    off = off_ground(gray[top : y1 + RING, left : x1 + RING].astype(np.int16))
    off = off[y0 - top : y0 - top + part.shape[0], x0 - left : x0 - left + part.shape[1]]
    ink = off > (min(contrast, max(16, 0.4 * float(off.max()))) if relative else contrast)  # (h, w)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.asarray(ink.any(axis=0))  # (w,)
    if rows.size == 0:
        return None
    first, last = (int(v) for v in np.flatnonzero(cols)[[0, -1]])
    return _Ink(_empty_runs(cols), first, last, int(rows[-1] + 1 - rows[0]))


def split_word(word: OcrWord, gray: np.ndarray, cfg: SpaceConfig | None = None) -> list[OcrWord]:
    """``word`` cut at the spaces its ink shows where a digit meets a letter, or between groups of
    digits (:func:`split_figures`); [word] when none."""
    cfg = cfg or SpaceConfig()
    if word.text.isdigit():
        return split_figures(word, gray, cfg)
    if _INITIAL.match(word.text):
        return split_initial(word, gray, cfg)
    cuts = _splits(word.text)
    if cuts and (keyed := key_and_label(word, gray, cfg)) is not None:
        return keyed
    x0, y0, x1, y1 = word.box
    ink = _ink(word, gray, cfg.contrast, 4) if cuts else None
    if ink is None or not ink.runs:
        return [word]
    runs, first, last = ink.runs, ink.first, ink.last
    per_char = (last + 1 - first) / len(word.text)
    widths = ink.widths
    starts = rough_starts(word.text)
    # The gap where the two characters meet must be the wide one: a fixed-width font's "." stands
    # alone in its cell, and the gap beside it is no space ("app-v0.4" was cut "app-v 0.4" at the
    # dot, its "v0" a pixel apart). With one patch of ink per character that gap is known; else it
    # is the one nearest where rough widths put it.
    at: list[tuple[int, float]] = []  # (the run, its distance from where it is expected) per cut
    for k in cuts:
        if len(runs) == len(word.text) - 1:
            at.append((k - 1, 0.0))
        else:
            expected = first + (last + 1 - first) * starts[k - 1]
            dist, i = min((abs((a + b) / 2 - expected), i) for i, (a, b) in enumerate(runs))
            at.append((i, dist))
    met = {i for i, _ in at}
    pieces: list[OcrWord] = []
    start_k, start_x = 0, max(0, x0)
    for k, (i, dist) in zip(cuts, at, strict=True):
        a, b = runs[i]
        # Against the word's other gaps (with one letter gap and the space, a median of both is
        # half a space), not those where a digit meets a letter elsewhere in it, each perhaps a
        # space too ("3 h 40" read "3h40").
        others = [w for j, w in enumerate(widths) if j != i and j not in met]
        least = max(cfg.least * ink.height, cfg.over_others * (float(np.median(others)) if others else 0.0))
        if b - a < least or dist > cfg.reach * per_char:
            continue
        pieces.append(OcrWord(word.text[start_k:k], (start_x, y0, max(0, x0) + a, y1), word.confidence))
        start_k, start_x = k, max(0, x0) + b
    if not pieces:
        return [word]
    pieces.append(OcrWord(word.text[start_k:], (start_x, y0, x1, y1), word.confidence))
    return [p for p in pieces if p.text.strip()]


# An initial and a name read as one word: "D.Petrakis", "A.Mensah" (a list's or a table's names).
_INITIAL = re.compile(r"[A-Z]\.[A-Z][a-z]+[,;:]?$")


def split_initial(word: OcrWord, gray: np.ndarray, cfg: SpaceConfig | None = None) -> list[OcrWord]:
    """An initial and a name read as one word ("D.Petrakis") cut after the initial's dot where the
    ink leaves a space there: a proportional font set tight (Cabin in a Tk table) leaves 3 or 4
    pixels after the dot, and both engines ran the space over. A dot with no space after it
    ("J.Smith") stands as far from the next letter as from the initial, give or take a pixel; a
    space leaves two pixels more after it at least (three in all, and twice the name's letters'
    gaps)."""
    cfg = cfg or SpaceConfig()
    ink = _ink(word, gray, cfg.contrast, 4, relative=True)
    if ink is None or not ink.runs:
        return [word]
    runs, widths = ink.runs, ink.widths
    # The dot: the narrow patch of ink after the first gap; else the dot touches its initial and
    # the first gap is after it.
    dot = runs[1][0] - runs[0][1] if len(runs) >= 2 else ink.last + 1 - runs[0][1]
    i, before = (1, widths[0]) if len(runs) >= 2 and dot <= cfg.dot * ink.height else (0, 0)
    a, b = runs[i]
    name = widths[i + 1 :]  # (the gaps between the name's letters)
    usual = float(np.median(name)) if name else 0.0
    least = max(cfg.line_least, before + cfg.after_dot, cfg.over_others * usual)
    if b - a < least:
        return [word]
    x0, y0, x1, y1 = word.box
    left = max(0, x0)
    return [
        OcrWord(word.text[:2], (left, y0, left + a, y1), word.confidence),
        OcrWord(word.text[2:], (left + b, y0, x1, y1), word.confidence),
    ]


def narrow_slack(gaps: list[tuple[int, int]], first: int, last: int) -> list[float]:
    """For each of ``gaps`` (runs of empty columns between a word's ``first`` and ``last`` inked
    ones), the room the patches of ink beside it leave by being narrower than the word's usual
    patch (half of each one's shortfall, a glyph standing in the middle of its cell): a
    fixed-width font's "1" is a thin stroke in a whole figure's cell, and the gap beside it is as
    wide as a space between figures of a proportional font ("1756" in a terminal was cut "1 756");
    a proportional title's "I" of "Invoice" stood 3 pixels from its "n" among letters 1 apart."""
    edges = [first, *(v for run in gaps for v in run), last + 1]
    patches = [b - a for a, b in zip(edges[0::2], edges[1::2], strict=True)]
    usual = float(np.median(patches))
    short = [max(0.0, usual - w) / 2 for w in patches]
    return [short[i] + short[i + 1] for i in range(len(gaps))]


# A key bar read as one word: keys' names ("F1", "10") each before its label ("Help", "SortBy"),
# perhaps after the end of the label before them ("SearchF4Filter": htop's "Search" fills its
# cell, so the next key's name follows it with no space; "+F9Kill" after "Nice").
_KEY_BAR = re.compile(r"(?:[A-Z][A-Za-z]*?|[-+])?(?:F?\d{1,2}[A-Za-z][A-Za-z]*?(?=F?\d|$))+")
_KEY_PIECE = re.compile(r"F?\d{1,2}|[A-Za-z]+?(?=F?\d|$)|^[-+]")


def _ground_step(
    expected: float, counts: np.ndarray, ground: np.ndarray, per_char: float, cfg: SpaceConfig
) -> int | None:
    """The column near ``expected`` where a key bar's ground steps (each column's commonest grey
    ``ground``, its counts of each grey ``counts``) by ``key_ground`` levels or more, the cells
    either side on grounds as far apart; None where there is none."""
    width = counts.shape[1]
    half = max(2, round(0.5 * per_char))
    lo = max(half, round(expected - cfg.run_reach * per_char))
    hi = min(width - half, round(expected + cfg.run_reach * per_char))
    left = counts[:, max(0, round(expected - per_char)) : max(1, round(expected - 0.3 * per_char))].sum(
        axis=1
    )
    right = counts[:, round(expected + 0.3 * per_char) : round(expected + per_char)].sum(axis=1)
    if not right.any() or abs(int(np.argmax(left)) - int(np.argmax(right))) * 16 < cfg.key_ground:
        return None  # (one ground both sides: mc's red key number on its label's grey)
    steps = [
        (abs(float(np.median(ground[c - half : c])) - float(np.median(ground[c : c + half]))), c)
        for c in range(lo, hi + 1)
    ]
    return max(steps)[1] if steps and max(steps)[0] >= cfg.key_ground else None


def key_and_label(word: OcrWord, gray: np.ndarray, cfg: SpaceConfig | None = None) -> list[OcrWord] | None:
    """``word`` cut where a key's name meets its label on a terminal's key bar, the two on grounds
    of their own and no space between (htop's "F1Help", mc's "1Help": black, then cyan; "F3Search"
    "F4Filter" read as one word): None when it is no such word, or its ground changes at none of
    those places. Tesseract's words are cut so where their stripe's grounds are found
    (:func:`assistant.ocr.bands.split_words`); PP-OCR's recogniser reads the bar again, a word a
    key. The ground of a column is its commonest grey (strokes are thin, and antialiased); it
    steps by ``key_ground`` levels or more within ``run_reach`` of a character of where rough
    widths put the place, or else where the cells of a fixed-width font put it."""
    cfg = cfg or SpaceConfig()
    text = word.text
    pieces = [m.group() for m in _KEY_PIECE.finditer(text)]
    # (a label is a word: "0B", "2B", "14A" are sizes and cells, one glyph perhaps filling its box;
    # a label begins with a capital, but for a function key's, its capital perhaps read small:
    # htop's "F9kill")
    if (
        not _KEY_BAR.fullmatch(text)
        or any(p[0].isupper() and len(p) < 2 for p in pieces)
        or any(p[0].islower() and not q.startswith("F") for q, p in pairwise(pieces))
    ):
        return None
    x0, y0, x1, y1 = (max(0, v) for v in word.box)
    part = gray[y0:y1, x0:x1]
    if part.shape[0] < 4 or part.shape[1] < 2 * len(text):
        return None
    # Each column's commonest grey (in steps of 16), and each side's: a ground, whatever strokes
    # cross it (a digit's strokes can fill most of a column, never most of its cell).
    levels = part // 16  # (h, w)
    counts = (levels[None, :, :] == np.arange(16)[:, None, None]).sum(axis=1)  # (16, w)
    ground = np.argmax(counts, axis=0) * 16.0  # (w,)
    per_char = part.shape[1] / len(text)
    starts = rough_starts(text)
    places = [m.start() for m in _KEY_PIECE.finditer(text)][1:]
    cuts: list[tuple[int, int]] = []
    for k in places:
        # (a key bar is a terminal's, its characters a cell wide each, where rough widths put the
        # place half a character or more off after "Search" or "Filter": the cells' place is
        # tried where the rough one finds no step)
        tries = (part.shape[1] * starts[k - 1], k * per_char)
        found = (_ground_step(e, counts, ground, per_char, cfg) for e in tries)
        at = next((c for c in found if c is not None), None)
        # (the two tries can put a later place left of an earlier one's cut: no word of no width;
        # a step is looked for inside the word, half a character off either end at least)
        if at is not None and at > (cuts[-1][1] if cuts else 0):
            cuts.append((k, at))
    if not cuts:
        return None
    edges = [(0, 0), *cuts, (len(text), part.shape[1])]
    return [
        OcrWord(text[a:b], (x0 + xa, y0, x0 + xb, y1), word.confidence)
        for (a, xa), (b, xb) in pairwise(edges)
    ]


def split_figures(word: OcrWord, gray: np.ndarray, cfg: SpaceConfig | None = None) -> list[OcrWord]:
    """A number whose groups of digits the engine ran together, cut at the spaces its ink shows: a
    Tk table's phone number "0131 496 0184" was read "01314960184" (half A table-tk-contacts).
    A space is as clear as one between a digit and a letter (``least`` of the ink's height and
    ``over_others`` times the word's other gaps: a "1"'s side bearings leave less); it falls at the
    digit boundary where the widths of the digits before it put it, figures being as wide as each
    other in nearly every font (tabular figures), the spaces' own widths taken out."""
    cfg = cfg or SpaceConfig()
    text = word.text
    x0, y0, x1, y1 = word.box
    ink = _ink(word, gray, cfg.contrast, 8) if len(text) >= 4 and text.isdigit() else None
    if ink is None or len(ink.runs) < 3:
        return [word]
    first, last, widths = ink.first, ink.last, ink.widths
    slack = narrow_slack(ink.runs, ink.first, ink.last)
    spaces = [
        (a, b)
        for i, (a, b) in enumerate(ink.runs)
        if b - a - slack[i] >= max(cfg.least * ink.height, cfg.over_others * _median_others(widths, i))
    ]
    digits = last + 1 - first - sum(b - a for a, b in spaces)  # the ink's width without the spaces
    pieces: list[OcrWord] = []
    start_k, start_x, before = 0, max(0, x0), 0
    for a, b in spaces:
        where = (a - first - before) / digits * len(text)  # digits before the space
        before += b - a
        k = round(where)
        if abs(where - k) > cfg.figure_slack or not start_k < k < len(text):
            return [word]  # a gap inside a digit's place: no space (a broken glyph, a stray mark)
        pieces.append(OcrWord(text[start_k:k], (start_x, y0, max(0, x0) + a, y1), word.confidence))
        start_k, start_x = k, max(0, x0) + b
    if not pieces:
        return [word]
    return [*pieces, OcrWord(text[start_k:], (start_x, y0, x1, y1), word.confidence)]


def bare_underscores(word: OcrWord, gray: np.ndarray, cfg: SpaceConfig | None = None) -> list[OcrWord]:
    """``word`` cut where an engine read an underscore over bare ground: tesseract read a nano
    title bar's "GNU nano" as "GNU_nano", the columns between the two words empty from the
    letters' top to below their foot. An underscore fills its own character's width at the foot,
    so a gap of empty columns ``bare`` of a character wide where the underscore should be (rough
    letter widths, :func:`rough_starts`, within ``run_reach`` of a character) is a space."""
    cfg = cfg or SpaceConfig()
    text = word.text
    inner = [k for k in range(1, len(text) - 1) if text[k] == "_"]
    if not inner:
        return [word]
    x0, y0, x1, y1 = word.box
    below = max(2, round(cfg.under * (y1 - y0)))  # (a pale underscore can lie under the box)
    deep = OcrWord(text, (x0, y0, x1, min(gray.shape[0], y1 + below)), word.confidence)
    ink = _ink(deep, gray, cfg.contrast, 4)
    if ink is None or not ink.runs:
        return [word]
    width = ink.last + 1 - ink.first
    per_char = width / len(text)
    starts = [0.0, *rough_starts(text), 1.0]
    pieces: list[OcrWord] = []
    start_k, start_x = 0, max(0, x0)
    for k in inner:
        lo, hi = ink.first + width * starts[k], ink.first + width * starts[k + 1]
        bare = [
            (a, b)
            for a, b in ink.runs
            if b - a >= cfg.bare * per_char
            and a < hi + cfg.run_reach * per_char
            and b > lo - cfg.run_reach * per_char
        ]
        if not bare or k == start_k:
            continue
        a, b = bare[0]
        pieces.append(OcrWord(text[start_k:k], (start_x, y0, max(0, x0) + a, y1), word.confidence))
        start_k, start_x = k + 1, max(0, x0) + b
    if not pieces or start_k >= len(text):
        return [word]
    return [*pieces, OcrWord(text[start_k:], (start_x, y0, x1, y1), word.confidence)]


def split_lines(
    lines: list[OcrLine], gray: np.ndarray, cfg: SpaceConfig | None = None, letters: bool = False
) -> list[OcrLine]:
    """``lines`` with every word cut at the spaces :func:`split_word` and :func:`split_spaced` find,
    and words an underscore joins made one (:func:`underscored`); ``letters``: cut at the spaces
    :func:`split_run_together` finds. Lines without such a word are handed back as they are."""
    cfg = cfg or SpaceConfig()
    cut = split_run_together if letters else split_word
    out = []
    pool = [] if letters else _pool(lines)
    for line in lines:
        words = [
            piece
            for w in line.words
            for part in bare_underscores(w, gray, cfg)
            for piece in cut(part, gray, cfg)
        ]
        if len(words) != len(line.words):
            line = OcrLine.of(words, line.confidence)
        out.append(line if letters else split_spaced(underscored(line, gray, cfg), gray, cfg, pool))
    return out if letters else figures_joined(out, gray, cfg)


def _height(line: OcrLine) -> float:
    """A line's text height: its words' median box height."""
    return float(np.median([w.box[3] - w.box[1] for w in line.words])) if line.words else 0.0


def _pool(lines: list[OcrLine]) -> list[tuple[float, int]]:
    """(text height, space) of every gap between the words of ``lines`` whose boxes keep apart."""
    out: list[tuple[float, int]] = []
    for line in lines:
        spaces = _spaces(line)
        if spaces and min(spaces) >= 2:
            h = _height(line)
            out += [(h, s) for s in spaces]
    return out


NARROW, WIDE = set("iljtfrI1|!.,:;'`()[]{}"), set("mwMW@%")


def rough_starts(text: str, narrow: set[str] = NARROW, slim: frozenset[str] = frozenset()) -> list[float]:
    """Where each character after the first begins, as a share of the word's width, from rough
    widths (``narrow`` "i", "l", "." a half; ``slim`` three quarters; wide "m", "w" one and a half;
    capitals; the rest one)."""
    widths = [
        0.5 if c in narrow else 0.75 if c in slim else 1.5 if c in WIDE else 1.25 if c.isupper() else 1.0
        for c in text
    ]
    total = sum(widths)
    return [sum(widths[:k]) / total for k in range(1, len(text))]


def _may_part(text: str, k: int) -> bool:
    """A space may fall between ``text[k - 1]`` and ``text[k]``: not inside a number, nor beside a
    "1" or a mark whose own sides leave a wide gap ("2011", "Ltd.", "it's")."""
    before, after = text[k - 1], text[k]
    return not (before.isdigit() and after.isdigit()) and not ({before, after} & set("1.,:;'`()[]{}"))


def split_run_together(word: OcrWord, gray: np.ndarray, cfg: SpaceConfig | None = None) -> list[OcrWord]:
    """A word of the recogniser cut where its ink shows a clear space (far wider than its other
    gaps): small text enlarged to its height of 48 lost its spaces ("fromthe", "beopened"). The
    letter the space falls after is told from the gap's place among rough letter widths; [word]
    when no gap is that clear, or the place falls between two letters' bounds."""
    cfg = cfg or SpaceConfig()
    ink = _ink(word, gray, cfg.contrast, 8, relative=True) if len(word.text) >= 4 else None
    if ink is None or len(ink.runs) < 3:
        return [word]
    widths = ink.widths
    least = [
        max(2.0, cfg.clear_height * ink.height, cfg.clear_over * _median_others(widths, i))
        for i in range(len(widths))
    ]
    return _cut_runs(word, ink, least, cfg.run_reach)


def _spaces(line: OcrLine) -> list[int]:
    """The gaps between ``line``'s words, in pixels (their boxes', left to right)."""
    boxes = sorted(w.box for w in line.words)
    return [b[0] - a[2] for a, b in pairwise(boxes)]


def split_spaced(
    line: OcrLine,
    gray: np.ndarray,
    cfg: SpaceConfig | None = None,
    pool: list[tuple[float, int]] | None = None,
) -> OcrLine:
    """``line`` with each word cut where its ink leaves a gap as wide as the line's own spaces: a
    proportional font set tight at a small size (a Qt dialog's "A new version", a zenity prompt's
    "Type a new name") leaves as few pixels after "A" as between words, and tesseract reads
    "Anew". The gap must be ``line_space`` of the median space between the line's words (three
    spaces at least, so that there is a measure), and ``line_over`` times the word's other gaps;
    the letter it follows is placed as :func:`split_run_together` places it. A fixed-width font's
    narrow letters ("l", "i") leave gaps of a few pixels, but its spaces are a whole cell wide.
    A line of fewer spaces (a table's cell, a button's label: a Qt heading "In stock" read
    "Instock") is measured by the spaces in ``pool`` (:func:`_pool`) between the words of the
    picture's lines of its height, and only its words of letters and figures are cut, into pieces
    of two characters or more."""
    cfg = cfg or SpaceConfig()
    spaces = _spaces(line)
    if spaces and min(spaces) < 2:
        return line
    pooled = len(spaces) < cfg.line_spaces
    if pooled:
        h = _height(line)
        spaces = [s for sh, s in pool or [] if abs(sh - h) <= cfg.like_height * h]
        if len(spaces) < cfg.pooled_spaces:
            return line
    space = max(cfg.line_least, cfg.line_space * float(np.median(spaces)))
    # Words with no such gap told at once from the line's columns of ink at full contrast (the
    # most gaps any word's own measure can find): one crop per line, not one per word.
    x0, y0, x1, y1 = (max(0, v) for v in line.box)
    part = gray[y0:y1, x0:x1].astype(np.int16)
    if part.shape[0] < 4 or part.shape[1] < 4:
        return line
    inked = np.asarray((off_ground(part) > cfg.contrast).any(axis=0))  # (w,)
    gaps = [(x0 + a, x0 + b) for a, b in true_runs(~inked) if b - a >= space]  # in the picture
    words: list[OcrWord] = []
    for word in line.words:
        wide = len(word.text) >= 2 and any(word.box[0] < a and b < word.box[2] for a, b in gaps)
        # Measured on other lines, only a word of letters and figures is cut (a fixed-width
        # font's marks stand far apart: a man page's "[={name|descriptor}]").
        wide = wide and (not pooled or word.text.replace("'", "").isalnum())
        pieces = _cut_at(word, gray, space, cfg) if wide else [word]
        if pooled and len(pieces) > 1 and min(len(p.text) for p in pieces) < 2:
            pieces = [word]  # (a lone letter cut off: a box's border taken in, "RenewAl" "l"; "H P")
        words += pieces
    return line if len(words) == len(line.words) else OcrLine.of(words, line.confidence)


def _cut_at(word: OcrWord, gray: np.ndarray, space: float, cfg: SpaceConfig) -> list[OcrWord]:
    """``word`` cut at the gaps in its ink at least ``space`` wide (see :func:`split_spaced`)."""
    if word.box[2] - word.box[0] < space + 4:
        return [word]
    ink = _ink(word, gray, cfg.contrast, 4, relative=True)
    if ink is None or not ink.runs or max(ink.widths) < space:
        return [word]
    widths = ink.widths
    least = [
        max(cfg.line_least, space, cfg.line_over * _median_others(widths, i)) for i in range(len(widths))
    ]
    return _cut_runs(word, ink, least, cfg.line_reach)


def _median_others(widths: list[int], i: int) -> float:
    """The median of ``widths`` but the ``i``-th (0 when there are no others)."""
    others = widths[:i] + widths[i + 1 :]
    return float(np.median(others)) if others else 0.0


def _cut_runs(word: OcrWord, ink: _Ink, least: list[float], reach: float) -> list[OcrWord]:
    """``word`` cut at each run of empty columns of its ``ink`` at least ``least[i]`` wide, the letter
    it follows told from the gap's place among rough letter widths (:func:`rough_starts`), within
    ``reach`` of a character; [word] when no gap is cut."""
    x0, y0, x1, y1 = word.box
    first, last = ink.first, ink.last
    starts = rough_starts(word.text)
    per_char = 1.0 / len(word.text)
    pieces: list[OcrWord] = []
    start_k, start_x = 0, max(0, x0)
    for (a, b), wide in zip(ink.runs, least, strict=True):
        if b - a < wide:
            continue
        where = ((a + b) / 2 - first) / (last + 1 - first)
        k = min(range(len(starts)), key=lambda j: abs(starts[j] - where)) + 1
        if abs(starts[k - 1] - where) > reach * per_char or k <= start_k or not _may_part(word.text, k):
            continue
        piece = word.text[start_k:k]
        if not any(ch.isalnum() for ch in piece):
            continue
        pieces.append(OcrWord(piece, (start_x, y0, max(0, x0) + a, y1), word.confidence))
        start_k, start_x = k, max(0, x0) + b
    rest = word.text[start_k:]
    if not pieces or not any(ch.isalnum() for ch in rest):
        return [word]
    return [*pieces, OcrWord(rest, (start_x, y0, x1, y1), word.confidence)]


def underscored(line: OcrLine, gray: np.ndarray, cfg: SpaceConfig | None = None) -> OcrLine:
    """``line`` with two words made one where the gap between them holds an underscore: tesseract
    reads a DejaVu Sans Mono 8 terminal's "IMG_20240612_101533.jpg" as "IMG 20240612 101533.jpg",
    its pale underscore lying a row below the letters' boxes. The gap's ink must be a bar at the
    bottom of the line or under it (``bar``, ``low``, ``under``), across most of the gap
    (``across``), with none under the words beside it at those rows: an underlined link or a text
    field's edge runs on under its words."""
    cfg = cfg or SpaceConfig()
    words = sorted(line.words, key=lambda w: w.box[0])
    if len(words) < 2:
        return line
    x0, y0, x1, y1 = line.box
    height = y1 - y0
    extra = max(3, round(cfg.under * height))
    part = gray[max(0, y0) : y1 + extra, max(0, x0) : x1].astype(np.int16)  # (h, w)
    if part.shape[0] < 4 or part.shape[1] < 4:
        return line
    ink = off_ground(part) > cfg.contrast  # (h, w)
    left = max(0, x0)  # the line box's first column, in ``part``
    out, last = [words[0]], words[0]  # (``last``: the word read last, before any join)
    for b in words[1:]:
        a, prev, last = out[-1], last, b
        ga, gb = a.box[2] - left + 1, b.box[0] - left - 1  # (a pixel in: a box can miss its word's edge)
        if gb - ga < 2 or gb - ga > height or a.text[-1:] == "_" or b.text[:1] == "_":
            out.append(b)
            continue
        rows = np.flatnonzero(ink[:, ga:gb].any(axis=1))
        # Measured by the two words' own boxes, not the line's (a loose box of a word beside them
        # took the line's foot down to the next line's letters: "Volunteer_as").
        foot = max(prev.box[3], b.box[3]) - max(0, y0)
        tall = max(prev.box[3] - prev.box[1], b.box[3] - b.box[1])
        if (
            rows.size == 0
            or rows[0] < foot - cfg.low * tall
            or rows[0] > foot + cfg.under * tall
            or rows[-1] + 1 - rows[0] > max(2.0, cfg.bar * height)
            or rows[-1] + 1 >= ink.shape[0]  # (no clear row under it: the next line's letters)
            or ink[rows[0] : rows[-1] + 1, ga:gb].any(axis=0).mean() < cfg.across
        ):
            out.append(b)
            continue
        band = ink[rows[0] : rows[-1] + 1]
        if max(_share(band[:, w.box[0] - left + 1 : w.box[2] - left - 1]) for w in (prev, b)) > cfg.beside:
            out.append(b)  # ink under the words too: an underline, a field's edge, the next line's letters
            continue
        if _descends(ink, rows[0], ga, gb, foot - cfg.low * tall):
            out.append(b)  # a letter's tail curling under the gap ("J" of "21 Jun"), no underscore
            continue
        out[-1] = OcrWord(a.text + "_" + b.text, union_box([a.box, b.box]), min(a.confidence, b.confidence))
    return line if len(out) == len(words) else OcrLine.of(out, line.confidence)


def _descends(ink: np.ndarray, row: int, ga: int, gb: int, body: float) -> bool:
    """The ink at ``row`` in the gap's columns ``ga:gb`` is a stroke that rises into the letters'
    body (rows above ``body``) beside the gap: a descender's tail, not a bar of its own."""
    labels, _ = label(ink)
    at = set(np.unique(labels[row, ga:gb])) - {0}
    top = max(0, int(body))
    return bool(at & set(np.unique(labels[:top])))


def _share(ink: np.ndarray) -> float:
    """The share of ``ink``'s ``(h, w)`` columns that hold ink (0 for none)."""
    return float(ink.any(axis=0).mean()) if ink.shape[1] else 0.0


def _mark_between(a: OcrWord, b: OcrWord, gray: np.ndarray, cfg: SpaceConfig) -> str | None:
    """The mark that joins figures ``a`` and ``b`` read apart ("0" and "5" of a display's "0.5"):
    "" where one of them holds it already ("234." and "5") and nothing lies between, "." or ","
    for a dot or comma between them (a comma reaches under the figures); None: no join."""
    ha, hb = a.box[3] - a.box[1], b.box[3] - b.box[1]
    h = max(ha, hb)
    gap = b.box[0] - a.box[2]
    if not (a.text[-1:].isdigit() or a.text[-1:] in ".,") or not (b.text[:1].isdigit() or b.text[:1] == "."):
        return None
    if not any(ch.isdigit() for ch in a.text) or not any(ch.isdigit() for ch in b.text):
        return None
    if (
        gap < 0
        or gap > cfg.figure_reach * h
        or abs(ha - hb) > cfg.figure_height * h
        or abs(a.box[1] - b.box[1]) > cfg.figure_height * h
    ):
        return None
    y0, y1 = min(a.box[1], b.box[1]), max(a.box[3], b.box[3])
    part = gray[y0 : y1 + max(2, h // 4), max(0, a.box[0]) : b.box[2]].astype(np.int16)
    if part.size == 0:
        return None
    at = max(0, a.box[0])
    ink = off_ground(part)[:, a.box[2] - at : b.box[0] - at] > cfg.contrast  # (h, gap)
    # Ink running in from either side is the figures' own (a box can leave a serif out).
    runs = [(c0, c1) for c0, c1 in true_runs(np.asarray(ink.any(axis=0))) if c0 > 0 and c1 < ink.shape[1]]
    held = a.text[-1:] in ".," or b.text[:1] == "."
    if not runs:
        return "" if held and gap <= 0.5 * h else None
    if held or len(runs) > 1:
        return None
    c0, c1 = runs[0]
    rows = np.flatnonzero(ink[:, c0:c1].any(axis=1))
    if rows[-1] + 1 - rows[0] > cfg.mark * h or c1 - c0 > cfg.mark * h:
        return None
    if rows[0] < (y1 - y0) / 2:
        return None  # ink high up: a dash, a letter, no decimal point
    return "," if rows[-1] >= y1 - y0 + 1 else "."


def figures_joined(lines: list[OcrLine], gray: np.ndarray, cfg: SpaceConfig | None = None) -> list[OcrLine]:
    """``lines`` with figures read apart at their decimal point or separator made one: a
    calculator's display "0.5" or "1,234.5" in a large font was read as places of its own, cut
    where the small mark left a gap ("0" and "5"; "1", "234." and "5"), and a listener heard
    two numbers. The mark must be seen between them (:func:`_mark_between`)."""
    cfg = cfg or SpaceConfig()
    ends = [k for k, ln in enumerate(lines) if ln.words and ln.words[-1].text[-1:] in "0123456789.,"]
    starts = [k for k, ln in enumerate(lines) if ln.words and ln.words[0].text[:1] in "0123456789."]
    if not ends or not starts:
        return lines
    out = list(lines)
    starts.sort(key=lambda k: lines[k].box[0])
    for i in sorted(ends, key=lambda k: lines[k].box[0]):
        for j in starts:
            if i == j or not out[i].words or not out[j].words:
                continue
            a, b = out[i].words[-1], out[j].words[0]
            if not 0 <= b.box[0] - a.box[2] <= cfg.figure_reach * (a.box[3] - a.box[1]):
                continue  # (the cheap test first: most pairs lie far apart)
            mark = _mark_between(a, b, gray, cfg)
            if mark is None:
                continue
            word = OcrWord(a.text + mark + b.text, union_box([a.box, b.box]), min(a.confidence, b.confidence))
            out[i] = OcrLine.of(
                [*out[i].words[:-1], word, *out[j].words[1:]], min(out[i].confidence, out[j].confidence)
            )
            out[j] = OcrLine("", out[j].box, 0.0, [])
    return [ln for ln in out if ln.words] if any(not ln.words for ln in out) else lines
