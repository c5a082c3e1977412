"""Second look at a grid's empty cells: words the engine missed where every other row has one.

Tesseract drops what it takes for noise: a lone digit in a table column ("Platform 4"), white text
on a small dark badge, a day of the month between two wide gaps in a terminal listing. Within a
grid (:mod:`assistant.ocr.grid`) such a miss is visible: other rows have a word at that place and
this row has ink there but no word. Those snippets, made dark on light, are read together in one
small picture (one engine call, not one per snippet) and put back where they were: the reading is
:mod:`assistant.ocr.gap_reading`'s, the finding this module's.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from typing import NamedTuple

import numpy as np
from PIL import Image

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine, OcrWord, box_middle, inside
from assistant.ocr.grid import Grid, Row, find_grids, rows_of, words_of
from assistant.ocr.panels import Panel, panel_of
from assistant.ocr.rule_cuts import runs_down

PAD = 4  # pixels of its own ground put around a snippet (tesseract misses text touching an edge)
INK = 40  # grey levels from the ground: ink


def _row_gaps(row: Row, others: list[OcrWord]) -> list[tuple[int, int]]:
    """x-ranges where other rows have words and ``row`` has none, and wide spaces between the row's
    own words (a column every row lost); overlapping ranges merged."""
    own = sorted(
        [w for c in row.cells for w in c.words] or [OcrWord(c.text, c.box, c.confidence) for c in row.cells],
        key=lambda w: w.box[0],
    )
    spans = [
        (w.box[0], w.box[2])
        for w in others
        if not any(min(w.box[2], v.box[2]) - max(w.box[0], v.box[0]) > 0 for v in own)
    ]
    wide = 1.5 * row.tall
    spans += [(a.box[2] + 2, b.box[0] - 2) for a, b in pairwise(own) if b.box[0] - a.box[2] > wide]
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


FAR = 60  # grey levels from a cell's ground (its median): ink


def _ink(crop: np.ndarray) -> np.ndarray:
    """Where ``crop`` ``(h, w)`` holds ink: far from its median grey."""
    return np.abs(crop - np.median(crop)) > FAR


def _own_ground(
    gray: np.ndarray, band: tuple[int, int], middle: int, across: tuple[int, int]
) -> tuple[int, int]:
    """``band`` (top, bottom) cut to the rows of pixels on the row's own ground: those round its
    ``middle`` whose ground (their median ``across`` the grid: text covers a small part of any
    row of pixels) is the middle's, up to a row of pixels of another ground all the way across (a
    stripe's edge, a selection's). A band reaches past its row, and a selected row's blue or a
    stripe's grey is not the next row's: in a terminal's table with rows 15 pixels apart, the
    selected row's band reached the row above, and its cells came back with that row's ink ("12
    May" read "1s May" and again "12 May")."""
    top, bottom = band
    part = gray[top:bottom, max(0, across[0]) : across[1]].astype(np.int16)
    if part.size == 0:
        return band
    ground = np.median(part, axis=1)
    at = min(max(middle - top, 0), len(ground) - 1)
    # (a key's face, a button's, a textured ground make no such row: the band is not cut there)
    even = (np.abs(part - ground[:, None]) <= INK).mean(axis=1) >= 0.95
    same = (np.abs(ground - ground[at]) <= INK) | ~even
    start, end = at, at + 1
    while start > 0 and same[start - 1]:
        start -= 1
    while end < len(same) and same[end]:
        end += 1
    return top + start, top + end


def colour_ink(picture: Image.Image, box: Box) -> np.ndarray:
    """Where ``box`` of the ``picture`` holds ink by its colour: a pixel far (:data:`FAR`) from the
    box's ground (its median, channel by channel) in some channel, however near in grey. Coloured
    text on a coloured ground may be as light as it is: top's red rows on navy differ from it by
    about 20 grey levels and 150 of red, and the lone "0"s of its NI column, lost by the engine,
    looked like empty ground."""
    part = np.asarray(picture.crop(box).convert("RGB"), dtype=np.int16)  # (h, w, 3)
    if part.size == 0:
        return np.zeros((max(0, box[3] - box[1]), max(0, box[2] - box[0])), dtype=bool)
    ground = np.median(part.reshape(-1, 3), axis=0)
    return np.asarray(np.abs(part - ground).max(axis=2) > FAR)


def _edges_off(ink: np.ndarray) -> np.ndarray:
    """``ink`` without the rows of pixels at its top and bottom that are ink all the way across:
    the ground of the row above or below (a selected row's blue ends, and the band round it reaches
    the white of the next; that strip, two pixels tall and the whole gap wide, outweighed the
    lone "2" in the gap, which was lost). Text never fills a row of pixels across a gap wider
    than itself, nor reaches past the band's margin."""
    full = [bool(ink.shape[1]) and bool(row.all()) for row in ink]
    top = 0
    while top < len(full) and full[top]:
        top += 1
    bottom = len(full)
    while bottom > top and full[bottom - 1]:
        bottom -= 1
    if top == 0 and bottom == len(full):
        return ink
    out = np.zeros_like(ink)
    out[top:bottom] = ink[top:bottom]
    return out


#: Grey levels from the ground: faint ink, a greyed-out cell (GTK's calendar draws the days of the
#: months either side 25 levels off white; a person still reads them, as part of the grid).
FAINT = 8


def _faint_ink(ink: np.ndarray, tall: int) -> np.ndarray:
    """Where a gap with no ink (:func:`_ink`) holds faint ink (``ink`` ``(h, w)``: its pixels
    :data:`FAINT` or more off its median): text-like, the height of the row's text or near it (0.6
    to 1.4 times ``tall``) and clear of the band's top and bottom (a neighbouring row's stripe of
    ground, a rule, reaches them); none otherwise."""
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0 or rows[0] == 0 or rows[-1] == len(ink) - 1:
        return np.zeros_like(ink)
    if not 0.6 * tall <= rows[-1] + 1 - rows[0] <= 1.4 * tall:
        return np.zeros_like(ink)
    return ink


def is_faint(gray: np.ndarray, box: Box) -> bool:
    """``box`` holds ink fainter than :func:`_ink`'s (:func:`_faint_ink`)."""
    part = gray[box[1] : box[3], box[0] : box[2]].astype(np.int16)
    return part.size > 0 and not bool(_ink(part).any())


def _column_runs(ink: np.ndarray, space: int) -> list[tuple[int, int]]:
    """Column ranges of the mask ``ink`` ``(h, w)`` holding ink, split at ``space`` empty columns."""
    columns = np.flatnonzero(ink.any(axis=0))
    runs: list[tuple[int, int]] = []
    for x in columns:
        if runs and x - runs[-1][1] <= space:
            runs[-1] = (runs[-1][0], int(x) + 1)
        else:
            runs.append((int(x), int(x) + 1))
    return runs


def _column_words(words: list[OcrWord], a: int, b: int) -> list[OcrWord]:
    """The other rows' words in the column at ``a..b`` (their middles within it, widened by its
    width: not a prompt running across the columns)."""
    reach = max(6, b - a)
    return [w for w in words if a - reach <= (w.box[0] + w.box[2]) / 2 <= b + reach]


def _column(words: list[OcrWord], a: int, b: int) -> list[str]:
    """The texts of :func:`_column_words`."""
    return [w.text for w in _column_words(words, a, b)]


def _figures(words: list[OcrWord], a: int, b: int) -> bool:
    """Whether the other rows' words in the column at ``a..b`` are figures (at least two, each all
    digits, under the column's top word, which may be its name): a link count, a day of the month,
    a size. (A column's name made every headed column of figures one of words: lone "0"s an engine
    read as nothing among a table's hours, under "Mon", were never read again as figures.)"""
    over = sorted(_column_words(words, a, b), key=lambda w: w.box[1])
    if over and not over[0].text.isdigit():
        over = over[1:]
    return len(over) >= 2 and all(w.text.isdigit() for w in over)


def _bands(rows: list[Row], height: int) -> list[tuple[int, int]]:
    """Each row's band for its snippets: its box and a margin, but where a cell reaches out of the
    row (an engine boxed it taller), never past the middle band (cells' median top and bottom) of
    the row above or below: that row's ink in this row's snippets had "12" read as "1"."""
    middles = [
        (int(statistics.median(c.box[1] for c in r.cells)), int(statistics.median(c.box[3] for c in r.cells)))
        for r in rows
    ]
    bands = []
    for i, row in enumerate(rows):
        top, bottom = max(0, row.box[1] - PAD), min(height, row.box[3] + PAD)
        y0, y1 = middles[i]
        if row.box[3] - row.box[1] <= 4 * (y1 - y0) / 3:  # no cell reaches out of the row
            bands.append((top, bottom))
            continue
        if i > 0:
            top = max(top, middles[i - 1][1])
        if i + 1 < len(rows):
            bottom = min(bottom, middles[i + 1][0])
        bands.append(
            (top, bottom) if top < bottom else (max(0, row.box[1] - PAD), min(height, row.box[3] + PAD))
        )
    return bands


def _main_run(per_row: np.ndarray, tall: int = 0) -> tuple[int, int]:
    """(start, end) of the run of rows with ink (``per_row``: ink pixels per row; gaps of one row
    bridged, an "i"'s dot) that holds the most ink; (0, 0) when there is none. A run under half the
    words' height (``tall``) takes in the runs near it (a quarter of that height apart) that reach
    neither end of the band: a sign's strokes, an "="'s bars 3 rows apart at a 14-pixel label, which
    alone were too short to be read again. (A sliver of the row above or below starts at the band's
    edge; a whole glyph's run, a figure's, takes in nothing: a table's rule under it stays out.)"""
    runs: list[list[int]] = []
    for y in np.flatnonzero(per_row).tolist():
        if runs and y - runs[-1][1] <= 1:
            runs[-1][1] = y + 1
        else:
            runs.append([y, y + 1])
    if not runs:
        return 0, 0
    i = max(range(len(runs)), key=lambda k: int(per_row[runs[k][0] : runs[k][1]].sum()))
    a, b = runs[i]
    if b - a < tall / 2 and a > 0 and b < len(per_row):
        near = max(1, tall // 4)
        inner = [r for r in runs if r[0] > 0 and r[1] < len(per_row)]
        for r in sorted(inner, key=lambda r: r[0]):  # downwards from the main run
            if r[0] >= b and r[0] - b <= near:
                b = r[1]
        for r in sorted(inner, key=lambda r: -r[0]):  # and upwards
            if r[1] <= a and a - r[1] <= near:
                a = r[0]
    return a, b


def by_pane(lines: list[OcrLine], panels: list[Panel] | None) -> dict[int | None, list[OcrLine]]:
    """``lines`` grouped by the pane each is written on (:func:`~assistant.ocr.panels.panel_of`);
    one group (None) when no panes are known. Two terminals side by side put their lines on the same
    rows: taken together, the left one's "listen 8080;" made a row with the right one's listing,
    and the space between them was read as one cell, two rows tall ("-rw------- 41"), while the
    listing's own lost column was never looked at (half A multi-dark-terminals-dialog)."""
    if not panels or len(panels) < 2:
        return {None: lines}
    groups: dict[int | None, list[OcrLine]] = {}
    for line in lines:
        groups.setdefault(panel_of(line, panels), []).append(line)
    return groups


class GridsOnce:
    """:func:`~assistant.ocr.grid.find_grids` of each group of lines, found once and kept: the gaps
    stage asks for a group's grids at each of its steps (words cut at a gutter, figures read a digit
    short, short words vouched for, the empty cells), and a step that changes no line hands on the
    same line objects, whose grids are those found before (lines are not changed in place: a step
    that changes a line makes a new one). The lines are held with their grids, so that their ids
    stay theirs while this lives."""

    def __init__(self) -> None:
        self._found: dict[tuple[int, ...], tuple[list[OcrLine], tuple[list[Grid], list[OcrLine]]]] = {}

    def __call__(self, lines: list[OcrLine]) -> tuple[list[Grid], list[OcrLine]]:
        key = tuple(map(id, lines))
        if key not in self._found:
            self._found[key] = (list(lines), find_grids(lines))
        return self._found[key][1]


def _on_pane(box: Box, pane: int | None, panels: list[Panel] | None, others: list[OcrLine]) -> bool:
    """``box`` is on the grid's pane (a dialog over a listing cuts its rows short, and its text was
    read as the listing's lost cells, "Discard", "mac ta natac"), and no line outside the grid
    holds it (a listing's "/dev/mmcblk0p1" boxed over two rows was in no row, and was read again
    from the gap: "fdev/mmeblkopt", half A multi-terminals-overlap)."""
    if pane is None or not panels:
        return True
    # (the whole gap inside the line's box: a loose box reaching into the next row leaves its gaps)
    read = any(inside(box, ln.box) for ln in others)
    return not read and panel_of(OcrLine("", box, 0.0), panels) == pane


#: Ink under this share of its grid's usual word height is a mark, not a lost cell's text, where a
#: mark stands: in the grid's top row or in a column no other row has a word in (a header's sort
#: arrow, 10 by 5 pixels among words 11 tall, read "a» 4" or "v" beside "Name", in the header's
#: wide space between two names), or at the top or foot of a row's band (a sliver of the row above
#: or below). (A figure or a capital is three quarters of that height or more, a small letter's
#: body two thirds.) Elsewhere short ink is a cell's own: a lone "=" or "÷" in a table's cell (or
#: on a keypad not found as one: a grid found as keys is not looked at here) measures 0.35-0.6 of
#: the words round it. A mark's snippet stays on the sheet (what else a sheet holds changes the
#: engine's reading of the rest: left off, an xcalc's key outlines came back "i", "J"); its reading
#: is not taken.
MARK = 0.6


def _mark(box: Box, words: list[OcrWord], column: frozenset[str], *, head: bool, edge: bool) -> bool:
    """Ink in ``box`` is a mark (:data:`MARK`), by its grid's ``words``: short, and in the grid's
    top row (``head``), in no ``column`` of the other rows, or reaching its row band's top or foot
    (``edge``)."""
    short = bool(words) and box[3] - box[1] < MARK * statistics.median(w.box[3] - w.box[1] for w in words)
    return short and (head or edge or not column)


#: A row whose text is under this share of its grid's usual height is a fragment of one (the top
#: of a terminal's "2024" boxed alone), not a row whose cells were lost: its band is the next row's
#: text, read again as lost cells ("12" read "19", "Aug 21" read "Ais 71").
FRAGMENT = 0.6


class Cell(NamedTuple):
    """A gap's box, whether it sits in a column of figures, the words other rows hold in its
    column, the words of its grid, and whether its ink is a mark (:func:`_mark`)."""

    box: Box
    figures: bool
    column: frozenset[str]
    words: list[OcrWord]
    mark: bool = False
    coloured: bool = False  # its ink is told from its ground by colour alone (:func:`colour_ink`)


def gap_cells(
    gray: np.ndarray, lines: list[OcrLine], panels: list[Panel] | None = None
) -> list[tuple[Box, bool, frozenset[str]]]:
    """Boxes of ink in a grid's empty cells (text the engine did not return), each cut to its ink,
    whether it sits in a column of figures (:func:`_figures`), and the words other rows hold in
    its column (:func:`_column`). With the picture's ``panels``, each pane's grids apart."""
    return [(c.box, c.figures, c.column) for c in empty_cells(gray, lines, panels)]


def empty_cells(
    gray: np.ndarray,
    lines: list[OcrLine],
    panels: list[Panel] | None,
    picture: Image.Image | None = None,
    grids: GridsOnce | None = None,
) -> list[Cell]:
    """The ink in the grids' empty cells (:class:`Cell`); with the ``picture`` (the colours of
    ``gray``), a gap with no ink in grey is looked at in colour too (:func:`colour_ink`).
    ``grids``: the grids the gaps stage found before (:class:`GridsOnce`)."""
    cells: list[Cell] = []
    height = gray.shape[0]
    groups = by_pane(lines, panels)
    grids_of = grids or GridsOnce()
    found = [(pane, found) for pane, group in groups.items() for found in [grids_of(group)]]
    for pane, grid, rest in [(pane, g, rest) for pane, (in_pane, rest) in found for g in in_pane]:
        # A keypad's keys are read one by one (:mod:`assistant.ocr.keys`); its empty places are
        # key faces, whose symbols and shading came back as "v", "x", "Vv".
        if grid.kind == "keys":
            continue
        words = [w for r in grid.rows for c in r.cells for w in c.words]
        across = min(w.box[0] for w in words), max(w.box[2] for w in words)
        heading = _heading_over(gray, grid.rows, rest, across)
        rows = grid.rows if heading is None else [heading, *grid.rows]
        held = {id(c) for r in rows for c in r.cells}
        others = [ln for ln in lines if id(ln) not in held]
        usual = statistics.median(r.tall for r in grid.rows)
        # (a terminal draws no rules, only characters: an xcalc's key outlines in its core font
        # run down like rules, and with them left out their corners were read "i", "J")
        ruled = not grid.monospace
        # (nor does a fragment bound its neighbours' bands: a stray box no pixel high, between a
        # header and the first row, cut that row's band at its middle, and its lost time, read
        # from the band's top down to half its height, was taken for a mark)
        rows = [r for r in rows if r.tall >= FRAGMENT * usual]
        for i, (row, band) in enumerate(zip(rows, _bands(rows, height), strict=True)):
            top, bottom = _own_ground(gray, band, int(box_middle(row.box)), across)
            head = i == 0  # (a header's names stand over figures, and are none)
            keep = partial(_on_pane, pane=pane, panels=panels, others=others)
            spans = _row_gaps(row, words)
            for a, b in spans:
                reach = _reach((a, b), spans, row, (across[0] - row.tall, across[1] + row.tall))
                cells += _ink_cells(
                    gray,
                    (a, top, b, bottom),
                    row.tall,
                    words,
                    keep,
                    head=head,
                    ruled=ruled,
                    bounds=reach,
                    picture=picture,
                )
        below = _row_below(gray, grid.rows, words, lines)
        if below is not None:
            cells += below
    return cells


def _heading_over(
    gray: np.ndarray, rows: list[Row], rest: list[OcrLine], across: tuple[int, int]
) -> Row | None:
    """The row of names right over a grid whose top row is figures (no header of its own), on a
    bar of its own ground (a heading's colour, unlike the rows': the grey of the text's ground
    differs by :data:`INK` or more), each of its cells words over the grid; None where there is
    none. An engine loses white names on a heading's blue, and a row that left out two names or
    more was not taken into the grid (:func:`~assistant.ocr.grid.find_grids`: it may be a prompt
    read in fragments); its lost names are looked for here, and with them found it heads the grid."""
    top = rows[0]
    if not any(ch.isdigit() for c in top.cells for ch in c.text) or len(rows) < 2:
        return None
    pitch = box_middle(rows[1].box) - box_middle(top.box)
    near = [
        ln
        for ln in rest
        if 0 < box_middle(top.box) - box_middle(ln.box) <= 1.5 * pitch
        and across[0] <= ln.box[0]
        and ln.box[2] <= across[1]
    ]
    over = rows_of(near)
    if not over:
        return None
    row = over[-1]
    if len(row.cells) < 2 or any(not any(ch.isalpha() for ch in c.text) for c in row.cells):
        return None
    if row.box[3] > top.box[1] + 2:  # (over the grid, not beside its top row)
        return None

    def ground(r: Row) -> float:
        return float(np.median(gray[r.box[1] : r.box[3], across[0] : across[1]]))

    return row if abs(ground(row) - ground(top)) > INK else None


def _reach(
    gap: tuple[int, int], spans: list[tuple[int, int]], row: Row, across: tuple[int, int]
) -> tuple[int, int]:
    """How far the ink of ``gap`` (one of the row's ``spans``) may run on past its ends: up to the
    row's own words and the next gaps on either side, within ``across`` (the grid's words' reach, and
    a row's height past it: a name may stand out past the column under it). A gap is where
    other rows have words, and a column's name is often wider than what stands under it ("Total"
    over two figures): cut to the figures' place, it was read "ta"."""
    own = [w for c in row.cells for w in words_of(c)]
    a, b = gap
    lo = max([w.box[2] + 1 for w in own if w.box[2] <= a] + [s[1] for s in spans if s[1] <= a] + [across[0]])
    hi = min([w.box[0] - 1 for w in own if w.box[0] >= b] + [s[0] for s in spans if s[0] >= b] + [across[1]])
    return min(lo, a), max(hi, b)


#: Rows of ink down a column of pixels, in the words' usual height, over which it is a rule, not a
#: letter's stroke (:func:`_run_on`).
RULE_TALL = 1.2
#: Empty columns of pixels, in the row's text height, that a word's letters stand apart at most: ink
#: running on past a gap's end this close together is the same word's (:func:`_run_on`).
LETTER_SPACE = 0.2


def _run_on(
    gray: np.ndarray,
    band: Box,
    rows: tuple[int, int],
    run: tuple[int, int],
    reach: tuple[int, int],
    ground: float,
    tall: int,
) -> tuple[int, int]:
    """``run`` (image x0, x1 of ink in a gap) taken on past the gap's ends while its ink goes on
    with no more than a letter's space (:data:`LETTER_SPACE`, of the words' usual height ``tall``)
    between. ``band``: the gap's (image coordinates); ``rows``: the text's rows, where ink is
    looked for (not the rows above and below that the band reaches: a rule across there is ink all
    the way); ``reach``: how far (:func:`_reach`); ``ground``: the gap's ground grey. A rule drawn
    down the band ends it: a heading's divider beside the name, inked over more rows than a letter
    is tall (:data:`RULE_TALL`), is no letter of it."""
    a, top, b, bottom = band
    lo, hi = reach
    part = np.abs(gray[top:bottom, lo:hi].astype(np.int16) - ground) > FAR  # (h, w)
    if part.size == 0:
        return run
    ruled = part.sum(axis=0) > RULE_TALL * tall
    inked = part[max(0, rows[0] - top) : rows[1] - top].any(axis=0) & ~ruled
    step = max(2, round(LETTER_SPACE * tall))
    x0, x1 = run[0] - lo, run[1] - lo
    if run[0] - a <= step and (j := _last_inked(inked, ruled, x0 - 1, -1, step)) is not None:
        x0 = j
    if b - run[1] <= step and (j := _last_inked(inked, ruled, x1, 1, step)) is not None:
        x1 = j + 1
    return lo + x0, lo + x1


def _last_inked(inked: np.ndarray, ruled: np.ndarray, j: int, way: int, step: int) -> int | None:
    """The last inked column met going from column ``j`` one ``way`` (-1 or 1) along ``inked``
    (w,) bool, until a rule (``ruled``), the end, or more than ``step`` empty columns in a row; None
    when none is."""
    last, empty = None, 0
    while 0 <= j < len(inked) and not ruled[j] and empty <= step:
        last, empty = (j, 0) if inked[j] else (last, empty + 1)
        j += way
    return last


#: A column of pixels inked over this share of a gap's band or more is a rule drawn down the table
#: (no glyph reaches past the row's text into the band's margins): left out of the gap's ink. Kept in,
#: it joined the cell beside it into one run of ink from the band's top to its bottom, taken for a
#: border, and the cell was lost (a bordered Qt table's date beside its row numbers).
RULE = 0.9
RULE_WIDTH = 2  # pixels a rule is wide at most


def _ink_cells(
    gray: np.ndarray,
    band: Box,
    tall: int,
    words: list[OcrWord],
    keep: Callable[[Box], bool],
    *,
    head: bool = False,
    ruled: bool = False,
    bounds: tuple[int, int] | None = None,
    picture: Image.Image | None = None,
) -> list[Cell]:
    """The boxes of ink in ``band`` (a gap in a row whose text is ``tall`` pixels), each a cell to
    read, when ``keep`` takes it; ``words``: the grid's; ``head``: the row is the grid's top row,
    whose cells are in no column of figures; ``ruled``: a table's rules may run down the gap
    (:data:`RULE`); ``bounds``: how far ink cut by the gap's ends may run on (:func:`_run_on`);
    ``picture``: the colours of ``gray``, where a gap with no ink in grey is looked at again."""
    a, top, b, bottom = band
    crop = gray[top:bottom, a:b].astype(np.int16)
    if crop.size == 0:
        return []
    room = crop.shape[0] > tall + PAD  # ground above and below the row's text
    ink = _unruled(gray, band, _edges_off(_ink(crop)), room and ruled)  # (h, w)
    coloured = False
    if not ink.any():  # greyed-out text, then
        faint = np.abs(crop - np.median(crop)) > FAINT
        ink = _faint_ink(faint, tall)
        # (or coloured text as light as its ground)
        if not ink.any() and picture is not None and _tinged(faint):
            ink = _unruled(gray, band, _edges_off(colour_ink(picture, band)), room and ruled)
            coloured = bool(ink.any())
    cells: list[Cell] = []
    # (the grid's words' height: a row's may be a loose box's, three times its text)
    usual = round(statistics.median(w.box[3] - w.box[1] for w in words)) if words else tall
    step = max(2, round(LETTER_SPACE * usual))
    for r0, r1 in _column_runs(ink, tall):
        x0, x1, run = a + r0, a + r1, ink[:, r0:r1]
        if bounds is not None and (r0 <= step or r1 >= b - a - step):  # a word the gap's end cuts, whole
            ground = float(np.median(crop))
            y0, y1 = _main_run(run.sum(axis=1), usual)
            mid, half = top + (y0 + y1) // 2, round(0.6 * usual)  # (the text's rows: its ascenders)
            x0, x1 = _run_on(
                gray, (a, top, b, bottom), (mid - half, mid + half), (x0, x1), bounds, ground, usual
            )
            if (x0, x1) != (a + r0, a + r1):  # (what it ran on to, on the text's rows)
                wide = np.zeros((bottom - top, x1 - x0), dtype=bool)
                t0, t1 = max(0, mid - half - top), min(bottom - top, max(0, mid + half - top))
                wide[t0:t1] = np.abs(gray[top + t0 : top + t1, x0:x1].astype(np.int16) - ground) > FAR
                wide[:, a + r0 - x0 : a + r1 - x0] = ink[:, r0:r1]  # (the gap's own part as it was)
                run = wide
        # The main run of the ink's rows: a band reaching the rows above and below (a
        # terminal's rows 13 pixels apart) holds slivers of their ink, which were read
        # with it ("28" over the top of a "1": lost) or made it look like a border.
        per_row = run.sum(axis=1)  # (h,)
        y0, y1 = _main_run(per_row, usual)
        # (thin ink from the band's top to its bottom is a key's or a cell's border, not
        # text: xcalc's key outlines were read as "l, D, l, E, l"; a filled badge is ground;
        # its main run reaches an end of the band, where slivers of other rows do not. But ink
        # no taller than text that reaches one end only, where the ground turns just past it, is
        # text: a row's own "May", its "y" down to where a selected row's bar begins. A plain
        # terminal's glyphs reach its rows' ends too, over the same ground: a border there.)
        ends = y0 == 0 or y1 == len(per_row)
        one_end = ends and not (y0 == 0 and y1 == len(per_row)) and y1 - y0 <= RULE_TALL * usual
        to_a_turn = one_end and _ground_turns(gray, band, foot=y1 == len(per_row))
        through = room and bool(per_row[0] and per_row[-1]) and ends and not to_a_turn
        through &= bool(run.mean() < 0.5)  # no badge
        box = (x0, top + y0, x1, top + y1)
        if x1 - x0 >= 3 and y1 - y0 >= 5 and not through and keep(box):
            column = frozenset(_column(words, x0, x1))
            figures = not head and _figures(words, x0, x1)
            mark = _mark(box, words, column, head=head, edge=y0 == 0 or y1 == len(per_row))
            cells.append(Cell(box, figures, column, words, mark, coloured))
    return cells


def _tinged(faint: np.ndarray) -> bool:
    """Whether a gap with no ink in grey may hold coloured text as light as its ground
    (:func:`colour_ink`), by its pixels a few grey levels off the ground (``faint`` ``(h, w)``,
    :data:`FAINT`): the edges of a glyph are, somewhere but in rows of pixels off it all the way
    across and columns off it from top to foot (a bordered table's rules round the gap). An empty
    cell is flat, and is not looked at again."""
    if not faint.any():
        return False
    return bool((faint & ~faint.all(axis=1, keepdims=True) & (faint.mean(axis=0) < RULE)).any())


def _unruled(gray: np.ndarray, band: Box, ink: np.ndarray, ruled: bool) -> np.ndarray:
    """``ink`` (of ``band``) without a table's rule down the gap, which is no ink of a cell
    (:data:`RULE`), where the band may hold one (``ruled``: a table's, with ground above and below
    its text)."""
    if not ruled:
        return ink
    a, top, _, bottom = band
    reach = (bottom - top) // 2
    for x0, x1 in true_runs(ink.mean(axis=0) >= RULE):
        # (not a badge's face, all of it from top to bottom; nor a field's border, which ends
        # round its text: a table's rule runs on over the rows above or below)
        above = runs_down(gray, a + x0, a + x1, top - reach, top)
        if x1 - x0 <= RULE_WIDTH and (above or runs_down(gray, a + x0, a + x1, bottom, bottom + reach)):
            ink[:, x0:x1] = False
    return ink


def _ground_turns(gray: np.ndarray, band: Box, *, foot: bool) -> bool:
    """Whether the ground changes just past ``band``'s foot (else its top): the row there is
    another ground (a selected row's bar), not the band's own (:data:`FAR` grey levels apart)."""
    a, top, b, bottom = band
    y = bottom if foot else top - 1
    if not 0 <= y < gray.shape[0] or bottom <= top or b <= a:
        return False
    past = float(np.median(gray[y, a:b]))
    return abs(past - float(np.median(gray[top:bottom, a:b]))) > FAR


def _row_below(
    gray: np.ndarray, rows: list[Row], words: list[OcrWord], lines: list[OcrLine]
) -> list[Cell] | None:
    """The cells of a row the engine lost whole, right under the grid: one row's pitch (the median
    step between its rows) below its last, where no line was read, with ink under half its
    columns or more (GTK's calendar greys the days of the next month, and its last week, all of
    them such days, was not read at all); or between two of its rows a pitch apart from each (a
    striped terminal table's grey row, not one word of it read). None when there is no such row."""
    if len(rows) < 3:
        return None
    middles = [box_middle(r.box) for r in rows]
    pitch = statistics.median(b - a for a, b in pairwise(middles))
    if pitch < rows[-1].tall:
        return None
    found: list[Cell] = []
    # (a step of two pitches, give or take a quarter: a row between, lost)
    lost = [(a + b) / 2 for a, b in pairwise(middles) if abs(b - a - 2 * pitch) <= pitch / 4]
    for middle, like in [*((m, rows[0]) for m in lost), (middles[-1] + pitch, rows[-1])]:
        found += _row_at(gray, rows, middle, like, words, lines) or []
    return found or None


def _row_at(
    gray: np.ndarray,
    rows: list[Row],
    middle: float,
    like: Row,
    words: list[OcrWord],
    lines: list[OcrLine],
) -> list[Cell] | None:
    """The cells of a row lost whole round ``middle`` (:func:`_row_below`), as tall as ``like``."""
    half = (like.box[3] - like.box[1]) / 2 + PAD
    top, bottom = int(middle - half), int(middle + half)
    left, right = min(w.box[0] for w in words), max(w.box[2] for w in words)
    if bottom > gray.shape[0] or top < 0:
        return None
    if any(ln.box[1] < bottom and top < ln.box[3] and ln.box[0] < right and left < ln.box[2] for ln in lines):
        return None
    spans: list[list[int]] = []
    for w in sorted(words, key=lambda w: w.box[0]):  # the columns: the words' spans, merged
        if spans and w.box[0] <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], w.box[2])
        else:
            spans.append([w.box[0], w.box[2]])
    # (as tall as the rows' text: the foot of a keypad's key outlines under its last row is no row)
    found = [
        c
        for a, b in spans
        for c in _ink_cells(gray, (a, top, b, bottom), like.tall, words, lambda _: True)
        if c[0][3] - c[0][1] >= 0.6 * like.height
    ]
    columns = max(len(r.cells) for r in rows)
    return found if len(found) >= columns / 2 else None


def gap_boxes(gray: np.ndarray, lines: list[OcrLine]) -> list[Box]:
    """Boxes of ink in a grid's empty cells (text the engine did not return), each cut to its ink."""
    return [box for box, _, _ in gap_cells(gray, lines)]
