"""Second look at a grid's empty cells: words the engine missed where every other row has one.

Tesseract drops what it takes for noise: a lone digit in a table column ("Platform 4"), white text
on a small dark badge, a day of the month between two wide gaps in a terminal listing. Within a
grid (:mod:`assistant.ocr.grid`) such a miss is visible: other rows have a word at that place and
this row has ink there but no word. Those snippets, made dark on light, are read together in one
small picture (one engine call, not one per snippet) and put back where they were.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from functools import partial
from itertools import pairwise
from typing import NamedTuple

import numpy as np
from PIL import Image, ImageOps

from assistant.masks import true_runs
from assistant.ocr.base import OcrEngine
from assistant.ocr.boxes import Box, OcrLine, OcrWord, box_middle, inside, overlap_share, union_box
from assistant.ocr.grid import Row, find_grids, rows_of, shape_of, words_of
from assistant.ocr.gutter_cuts import across_gutters, cut_words
from assistant.ocr.panels import Panel, panel_of
from assistant.ocr.rule_cuts import cut_at_rules, ink_of, rule_through, runs_down

PAD = 4  # pixels of its own ground put around a snippet (tesseract misses text touching an edge)
ZOOM = 2  # snippets are enlarged: a lone digit is small
# ... a gap's snippet to this many pixels of ink at least: a terminal's lone "3" 9 pixels tall,
# enlarged twice, was read "Bi" (0.34); four times, "3" (0.86; half A multi-terminals-overlap's PIDs)
SNIPPET_HEIGHT = 36
MIN_CONFIDENCE = 0.6  # a second look finds ink, and ink is not always text (a button's face, an icon)
GAP = 20  # white space between snippets on the sheet
MAX_SNIPPETS = 80  # one engine call (a ps aux listing's 51 empty cells: about 0.3 s); beyond, no table
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


def _faint_ink(crop: np.ndarray, tall: int) -> np.ndarray:
    """Where ``crop`` ``(h, w)``, a gap with no ink (:func:`_ink`), holds faint ink: text-like, the
    height of the row's text or near it (0.6 to 1.4 times ``tall``) and clear of the band's top
    and bottom (a neighbouring row's stripe of ground, a rule, reaches them); none otherwise."""
    ink = np.abs(crop - np.median(crop)) > FAINT
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0 or rows[0] == 0 or rows[-1] == len(crop) - 1:
        return np.zeros_like(ink)
    if not 0.6 * tall <= rows[-1] + 1 - rows[0] <= 1.4 * tall:
        return np.zeros_like(ink)
    return ink


def _faint(gray: np.ndarray, box: Box) -> bool:
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


def gap_cells(
    gray: np.ndarray, lines: list[OcrLine], panels: list[Panel] | None = None
) -> list[tuple[Box, bool, frozenset[str]]]:
    """Boxes of ink in a grid's empty cells (text the engine did not return), each cut to its ink,
    whether it sits in a column of figures (:func:`_figures`), and the words other rows hold in
    its column (:func:`_column`). With the picture's ``panels``, each pane's grids apart."""
    return [(box, figures, column) for box, figures, column, _, _ in _gap_cells(gray, lines, panels)]


def _gap_cells(gray: np.ndarray, lines: list[OcrLine], panels: list[Panel] | None) -> list[Cell]:
    cells: list[Cell] = []
    height = gray.shape[0]
    groups = by_pane(lines, panels)
    found = [(pane, found) for pane, group in groups.items() for found in [find_grids(group)]]
    for pane, grid, rest in [(pane, g, rest) for pane, (grids, rest) in found for g in grids]:
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
                    gray, (a, top, b, bottom), row.tall, words, keep, head=head, ruled=ruled, bounds=reach
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
) -> list[Cell]:
    """The boxes of ink in ``band`` (a gap in a row whose text is ``tall`` pixels), each a cell to
    read, when ``keep`` takes it; ``words``: the grid's; ``head``: the row is the grid's top row,
    whose cells are in no column of figures; ``ruled``: a table's rules may run down the gap
    (:data:`RULE`); ``bounds``: how far ink cut by the gap's ends may run on (:func:`_run_on`)."""
    a, top, b, bottom = band
    crop = gray[top:bottom, a:b].astype(np.int16)
    if crop.size == 0:
        return []
    room = crop.shape[0] > tall + PAD  # ground above and below the row's text
    ink = _edges_off(_ink(crop))  # (h, w)
    if room and ruled:  # a table's rule down the gap is no ink of a cell (:data:`RULE`)
        reach = (bottom - top) // 2
        for x0, x1 in true_runs(ink.mean(axis=0) >= RULE):
            # (not a badge's face, all of it from top to bottom; nor a field's border, which ends
            # round its text: a table's rule runs on over the rows above or below)
            above = runs_down(gray, a + x0, a + x1, top - reach, top)
            if x1 - x0 <= RULE_WIDTH and (above or runs_down(gray, a + x0, a + x1, bottom, bottom + reach)):
                ink[:, x0:x1] = False
    if not ink.any():  # greyed-out text, then
        ink = _faint_ink(crop, tall)
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
            cells.append(Cell(box, figures, column, words, mark))
    return cells


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


#: What an engine makes of a lone upright stroke: in a column of figures it can only be a one.
STROKES = frozenset("1lI|!i")
STROKE_WIDTH = 0.6  # a one's ink is at most this wide for its height (a "4" or "8" is wider)
STROKE_CONFIDENCE = 0.3  # engines are unsure of a lone stroke out of context (tesseract: 0.47)
THIN = 0.35  # ink this narrow for its height is one upright stroke (a "0" or "4" is half as wide as tall)


def _accepted(
    text: str, confidence: float, box: Box, figures: bool, column: frozenset[str] = frozenset()
) -> str | None:
    """The snippet's text as read, a stroke in a column of figures as "1", or None (too unsure).
    A reading that another row holds in the same column is vouched for by it (ps's STAT column:
    a lone "S" read at 0.57 under the "S" of the row above). Ink no wider than a stroke
    (``THIN``) read as anything but a stroke is no reading: xcalc's key outlines between two
    labels came back "0". A number is vouched for by a number of as many digits in its column (a
    tram's line "7" read at 0.59 under a "3", the other rows' lines lost too)."""
    if box[2] - box[0] <= THIN * (box[3] - box[1]) and not set(text.strip()) <= STROKES:
        return None
    if confidence >= MIN_CONFIDENCE or (_vouched(text.strip(), column) and confidence >= STROKE_CONFIDENCE):
        return text
    narrow = box[2] - box[0] <= STROKE_WIDTH * (box[3] - box[1])
    if figures and narrow and text.strip() in STROKES and confidence >= STROKE_CONFIDENCE:
        return "1"
    return None


#: Characters a code needs (at least) for its column's codes of its shape to vouch for it.
CODE = 3


def _vouched(text: str, column: frozenset[str]) -> bool:
    """``text`` is a word its column holds, a number as long as a number there, or a code of
    :data:`CODE` characters or more shaped as two of the column's are (:func:`~assistant.ocr.grid.
    shape_of`: letters, figures and marks in the same places): the selected row's "K-04", white on
    blue, read at 0.49 under "K-01", "K-07", "K-09"."""
    if text in column or (text.isdigit() and any(w.isdigit() and len(w) == len(text) for w in column)):
        return True
    shape = shape_of(text)
    return len(text) >= CODE and sum(shape_of(w) == shape for w in column) >= 2


def _snippet(gray: np.ndarray, box: Box, *, binary: bool = False, height: int = 0) -> Image.Image:
    """``box`` of ``gray`` on its own ground, enlarged (``ZOOM`` times, or to ``height`` pixels of
    ink when that is more), dark on white: its ground made white, its ink (lighter or darker than
    the ground) as far from it as it was. The ground is the grey most of its pixels share, not the
    median: in a box cut to a lone digit's ink the median is a mix of ground and ink (a white "2"
    on a selected row's blue, median 150, was put on grey and kept light on dark; the engine read
    nothing there, and "2" at 0.97 so). (Not stretched to full contrast: a calculator key's faint
    ridge so stretched was read as letters.) ``binary``: black on white, cut halfway between the
    ground and the ink, the ink's side found from the ink itself (a white title on a mid-blue bar
    is lighter than its ground, though the ground is not dark; as they were, a title bar's
    gradient and shading left the engine reading nothing on a grey Onyx bar)."""
    part = gray[box[1] : box[3], box[0] : box[2]]
    if not binary:
        common = int(np.bincount(part.ravel()).argmax()) if part.size else 255
        part = (255 - np.abs(part.astype(np.int16) - common)).astype(np.uint8)
    # Its own ground around it (a badge's navy, not the page's white, which would frame it).
    snippet = ImageOps.expand(Image.fromarray(part), border=PAD, fill=int(np.median(part)) if binary else 255)
    zoom = max(ZOOM, -(-height // max(1, box[3] - box[1])))
    snippet = snippet.resize((snippet.width * zoom, snippet.height * zoom), Image.Resampling.LANCZOS)
    if not binary:
        return snippet
    px = np.asarray(snippet, dtype=np.int16)
    ground = float(np.median(px))
    off = px - ground
    if (off > INK).sum() > (off < -INK).sum():  # more ink lighter than the ground: light text
        px, ground = 255 - px, 255 - ground
    ink = px[px < ground - INK]
    cut = (ground + float(np.median(ink))) / 2 if ink.size else ground - INK
    return Image.fromarray(np.where(px > cut, 255, 0).astype(np.uint8))


def read_snippets(
    engine: OcrEngine, gray: np.ndarray, boxes: Sequence[Box], *, binary: bool = False, height: int = 0
) -> list[tuple[int, OcrLine, int]]:
    """``boxes`` of ``gray`` read together on one sheet, one under another (one engine call): for
    each line read, the index of its box, the line (sheet coordinates) and its snippet's top.
    ``height``: each snippet enlarged to at least this many pixels (:func:`_snippet`)."""
    snippets = [_snippet(gray, box, binary=binary, height=height) for box in boxes]
    width = max(snippet.width for snippet in snippets) + 2 * GAP
    sheet = Image.new("L", (width, sum(snippet.height + GAP for snippet in snippets) + GAP), 255)
    slots = []
    y = GAP
    for snippet in snippets:
        sheet.paste(snippet, (GAP, y))
        slots.append((y, y + snippet.height))
        y += snippet.height + GAP
    out = []
    for line in engine.read_sheet(sheet.convert("RGB")).lines:
        middle = (line.box[1] + line.box[3]) / 2
        for i, (top, bottom) in enumerate(slots):
            if top - GAP / 2 <= middle <= bottom + GAP / 2:
                out.append((i, line, top))
                break
    return out


def fill_gaps(
    image: Image.Image, lines: list[OcrLine], engine: OcrEngine, panels: list[Panel] | None = None
) -> list[OcrLine]:
    """``lines`` and the words read in their grids' empty cells (unchanged when there are none);
    ``panels``: the picture's panes, when known (:func:`by_pane`). Words read across a table's
    rule are cut there first (:mod:`assistant.ocr.rule_cuts`): fused, a row's number and its date
    were in no column, and the date's cell in the rows read right looked empty."""
    gray = np.asarray(image.convert("L"))
    lines = _cut_at_gutters(engine, gray, _rule_cuts_read(engine, gray, lines, cut_at_rules(gray, lines)))
    lines = _figures_read_short(engine, gray, lines, panels)
    cells = _gap_cells(gray, lines, panels)
    if not cells or len(cells) > MAX_SNIPPETS:
        return lines
    return _abutting(gray, lines, _filled(engine, gray, cells))


#: Empty columns of pixels at most between a gap's ink and a word read beside it for the two to be
#: one word (letters stand a pixel apart or touch; a word space is three pixels or more).
ABUT = 1


def _abutting(gray: np.ndarray, lines: list[OcrLine], found: list[OcrLine]) -> list[OcrLine]:
    """``lines`` and the words ``found`` in their gaps, each found word whose ink touches a word's
    read on its row (:data:`ABUT`; the word's ink, not its box: an engine's box may take in the
    spaces before a word) put on that word's start or end: the engine read part of a word and
    lost the rest, which the gap's ink holds ("e" read, "Cod" found: a column's name "Code",
    not "Cod e"; "blem" read, "Pro" found)."""
    joined: dict[int, tuple[OcrWord, OcrWord | None, OcrWord | None]] = {}
    rest = []
    for line in found:
        box = line.box
        near = [
            w
            for ln in lines
            for w in ln.words
            if id(w) not in joined and _same_row(w.box, box) and _touching(gray, box, w.box)
        ]
        if len(near) != 1 or " " in line.text:
            rest.append(line)
            continue
        word = near[0]
        before = box[2] <= word.box[0]
        # (letters or figures meeting: a tree's mark read "J." beside "/backups" is no part of it)
        meet = line.text[-1:] + word.text[:1] if before else word.text[-1:] + line.text[:1]
        if len(meet) < 2 or not meet.isalnum():
            rest.append(line)
            continue
        gap = OcrWord(line.text, box, line.confidence)
        joined[id(word)] = (word, gap, None) if before else (word, None, gap)
    if not joined:
        return lines + found

    def put(word: OcrWord) -> OcrWord:
        if id(word) not in joined:
            return word
        _, before, after = joined[id(word)]
        parts = [p for p in (before, word, after) if p is not None]
        return OcrWord("".join(p.text for p in parts), union_box([p.box for p in parts]), word.confidence)

    touched = [any(id(w) in joined for w in ln.words) for ln in lines]
    out = [
        OcrLine.of([put(w) for w in ln.words], ln.confidence) if t else ln
        for ln, t in zip(lines, touched, strict=True)
    ]
    return out + rest


def _same_row(a: Box, b: Box) -> bool:
    """``a`` and ``b`` overlap over half the shorter one's height."""
    return min(a[3], b[3]) - max(a[1], b[1]) >= 0.5 * min(a[3] - a[1], b[3] - b[1])


def _touching(gray: np.ndarray, gap: Box, word: Box) -> bool:
    """Whether the ink of ``gap`` and of ``word``, each on its own ground (the commonest grey of
    its box: a gap may hold a selected row's bar, and an engine's box the spaces before a word),
    stand :data:`ABUT` empty columns apart or less, side by side, on one ground (a word beside
    a selected item's bar is no part of what the bar holds)."""
    a, b = _ink_extent(gray, gap), _ink_extent(gray, word)
    if a is None or b is None or abs(a[2] - b[2]) > INK:
        return False
    return 0 <= b[0] - a[1] <= ABUT or 0 <= a[0] - b[1] <= ABUT


def _ink_extent(gray: np.ndarray, box: Box) -> tuple[int, int, int] | None:
    """The x of the first inked column of ``box`` (:func:`ink_of`), one past its last, and its
    ground (the commonest grey); None when it has no ink."""
    part = gray[box[1] : box[3], box[0] : box[2]]
    if part.size == 0:
        return None
    cols = np.flatnonzero(ink_of(part).any(axis=0))
    ground = int(np.bincount(part.ravel()).argmax())
    return (box[0] + int(cols[0]), box[0] + int(cols[-1]) + 1, ground) if cols.size else None


def _figures_read_short(
    engine: OcrEngine, gray: np.ndarray, lines: list[OcrLine], panels: list[Panel] | None
) -> list[OcrLine]:
    """``lines`` with each number in a grid whose box holds one glyph more than it has digits
    (:func:`_glyphs`) read again, on one sheet, and taken as read there when that is a number of
    as many digits as glyphs that holds the first reading at its start or end, read surely: an
    engine drops a lone digit's neighbour, "14" read "4" in a box round both (a table's first
    column, a "1" close to its border), and no gap is left for a second look to find."""
    short = [
        w
        for group in by_pane(lines, panels).values()
        for grid in find_grids(group)[0]
        if grid.kind != "keys"
        for row in grid.rows
        for cell in row.cells
        for w in words_of(cell)
        if w.text.isdigit() and _glyphs(gray, w.box) == len(w.text) + 1
    ]
    if not short:
        return lines
    again: dict[int, list[OcrWord]] = {}
    for k, line, _ in read_snippets(engine, gray, [w.box for w in short], height=SNIPPET_HEIGHT):
        word, text = short[k], line.text.strip()
        if (
            line.confidence >= MIN_CONFIDENCE
            and text.isdigit()
            and len(text) == len(word.text) + 1
            and (text.startswith(word.text) or text.endswith(word.text))
        ):
            again[id(word)] = [OcrWord(text, word.box, word.confidence)]
    return cut_words(lines, again)


def _glyphs(gray: np.ndarray, box: Box) -> int:
    """Runs of inked columns (glyphs, where they stand apart) in ``box``, without a rule's (ink
    running down past the box's top and bottom: a table's border beside its first column)."""
    x0, y0, x1, y1 = box
    top, bottom = max(0, y0 - 3), min(gray.shape[0], y1 + 3)
    ink = ink_of(gray[top:bottom, x0:x1])
    if ink.size == 0:
        return 0
    a, b = y0 - top, y1 - top
    down = ink[:a].any(axis=0) & ink[b:].any(axis=0) & (ink.mean(axis=0) >= 0.8)
    return len(true_runs(ink[a:b].any(axis=0) & ~down))


def _rule_cuts_read(
    engine: OcrEngine, gray: np.ndarray, before: list[OcrLine], lines: list[OcrLine]
) -> list[OcrLine]:
    """``lines`` (``before`` with words cut at a table's rule, :func:`~assistant.ocr.rule_cuts.
    cut_at_rules`) with each piece of a cut word read again on one sheet: read across the rule,
    the glyphs beside it were read with the rule's stroke in them (a Qt table's row number "9" and
    its first cell "T-25" came back "97-25"). A piece's reading is taken where it is one word read
    surely, as many characters as the cut gave it. A lone character is not read again: alone, with
    nothing beside it, an engine reads a glyph worse (a row number's "8" came back "3", surely).
    A word a rule runs through that was left whole (its ink's share of the characters put the cut
    between two: the row header's frame beside a row number) is cut where one side, read alone,
    is read surely as the word's start or end ("715/05": "15/05" on the right, so "7" and "15/05")."""
    old = {id(w) for line in before for w in line.words}
    pieces = [w for line in lines for w in line.words if id(w) not in old and len(w.text) > 1]
    whole = [
        (w, rule) for line in lines for w in line.words if id(w) in old and (rule := rule_through(gray, w))
    ]
    if not pieces and not whole:
        return lines
    sides = [
        box for w, (a, b) in whole for box in [(w.box[0], w.box[1], a, w.box[3]), (b, w.box[1], *w.box[2:])]
    ]
    read: dict[int, list[OcrLine]] = {}
    for k, line, _ in read_snippets(engine, gray, [w.box for w in pieces] + sides, height=SNIPPET_HEIGHT):
        read.setdefault(k, []).append(line)

    def sure(k: int) -> str:
        got = read.get(k, [])
        text = got[0].text.strip() if len(got) == 1 and got[0].confidence >= MIN_CONFIDENCE else ""
        return "" if " " in text else text

    again: dict[int, list[OcrWord]] = {}
    for k, word in enumerate(pieces):
        text = sure(k)
        if text and len(text) == len(word.text):
            again[id(word)] = [OcrWord(text, word.box, word.confidence)]
    for k, (word, (a, b)) in enumerate(whole):
        left, right, text = sure(len(pieces) + 2 * k), sure(len(pieces) + 2 * k + 1), word.text
        if 0 < len(right) < len(text) and text.endswith(right):
            left = text[: -len(right)].removesuffix("|")
        elif 0 < len(left) < len(text) and text.startswith(left):
            right = text[len(left) :].removeprefix("|")
        else:
            continue
        if left and right:
            x0, y0, x1, y1 = word.box
            cut = [
                OcrWord(left, (x0, y0, a, y1), word.confidence),
                OcrWord(right, (b, y0, x1, y1), word.confidence),
            ]
            again[id(word)] = cut
    return cut_words(lines, again)


def _cut_at_gutters(engine: OcrEngine, gray: np.ndarray, lines: list[OcrLine]) -> list[OcrLine]:
    """``lines`` with each word that runs across a table's gutter (cells read as one word,
    :mod:`assistant.ocr.gutter_cuts`) put as its pieces, read again on one sheet, where each piece
    is read surely as one word and together they spell the word as it was read."""
    found = across_gutters(gray, lines)
    if not found:
        return lines
    boxes = [box for _, parts in found.values() for box in parts]
    read: dict[int, list[OcrLine]] = {}
    for k, line, _ in read_snippets(engine, gray, boxes, height=SNIPPET_HEIGHT):
        read.setdefault(k, []).append(line)
    cut: dict[int, list[OcrWord]] = {}
    at = 0
    for key, (word, parts) in found.items():
        got = [read.get(at + i, []) for i in range(len(parts))]
        at += len(parts)
        if any(len(g) != 1 or g[0].confidence < MIN_CONFIDENCE for g in got):
            continue
        texts = [g[0].text.strip() for g in got]
        if "".join(texts).replace(" ", "") != word.text:
            continue
        cut[key] = [OcrWord(t, box, word.confidence) for t, box in zip(texts, parts, strict=True)]
    return cut_words(lines, cut)


def _filled(engine: OcrEngine, gray: np.ndarray, cells: list[Cell]) -> list[OcrLine]:
    """The words read in ``cells`` (a grid's empty cells, :func:`_gap_cells`)."""
    # A cell whose ink is a word read elsewhere in its grid is that word (:func:`same_ink`); the
    # rest are read on one sheet, all the cells on it as before (what else a sheet holds changes
    # an engine's reading of a snippet: xcalc's key borders alone on it came back "ll").
    copies = [same_ink(gray, cell.box, cell.words) for cell in cells]
    found = [OcrLine(w.text, w.box, w.confidence, [w]) for w in copies if w is not None]
    # Faint cells (greyed-out text) are read apart (:func:`_read_faint`).
    faint = [i for i, copy in enumerate(copies) if copy is None and _faint(gray, cells[i][0])]
    # A mark (:func:`_mark`) stays on the sheet, but its reading is not taken.
    todo = [i for i, copy in enumerate(copies) if copy is None and i not in faint and not cells[i].mark]
    sheet = [i for i in range(len(cells)) if i not in faint]
    read = _read_cells(engine, gray, cells, todo, sheet) if todo else []
    if faint:
        read += _read_faint(engine, gray, cells, faint)
    # A lone figure the sheet left unread is read again on a sheet of such figures alone: among a
    # calculator's keys a table's "1" came back as nothing and "ol" (half A multi-calc-term-rooms),
    # and alone as "1" (0.96).
    taken = {i for i, _ in read}
    again = [i for i in todo if cells[i][1] and i not in taken]
    if again and len(again) < len(todo):
        read += _read_cells(engine, gray, cells, again, again)
    return found + [line for _, line in read]


def _stretched(gray: np.ndarray, boxes: list[Box]) -> np.ndarray:
    """``gray`` with each of ``boxes`` stretched to full contrast: its ground (median) white or
    black as it is nearer, its ink the other. Greyed-out text 25 levels off white was left blank
    by the engine."""
    out = gray.copy()
    for x0, y0, x1, y1 in boxes:
        part = gray[y0:y1, x0:x1].astype(np.float32)
        ground = float(np.median(part))
        off = np.abs(part - ground)
        reach = float(off.max())
        if reach == 0:
            continue
        # (ink from half its reach on: a greyed "5"'s upright is drawn lighter than its bars)
        level = np.clip(off * (2 * 255 / reach), 0, 255)
        out[y0:y1, x0:x1] = (255 - level if ground >= 128 else level).astype(np.uint8)
    return out


def _faint_runs(cells: list[Cell], faint: list[int]) -> list[list[int]]:
    """The faint cells (numbers into ``cells``) in runs along their rows, left to right: side by
    side on one row band, with no word of the grid between them."""
    runs: list[list[int]] = []
    for i in sorted(faint, key=lambda i: (cells[i][0][1], cells[i][0][0])):
        box, words = cells[i][0], cells[i][3]
        if runs:
            prev = cells[runs[-1][-1]][0]
            same_row = prev[1] <= box_middle(box) <= prev[3] and box[1] <= box_middle(prev) <= box[3]
            between = any(
                prev[2] <= w.box[0] and w.box[2] <= box[0] and w.box[1] < box[3] and box[1] < w.box[3]
                for w in words
            )
            if same_row and not between:
                runs[-1].append(i)
                continue
        runs.append([i])
    return runs


def _read_faint(
    engine: OcrEngine, gray: np.ndarray, cells: list[Cell], faint: list[int]
) -> list[tuple[int, OcrLine]]:
    """Faint cells (greyed-out text) read at full contrast (:func:`_stretched`), each run of them
    along a row (:func:`_faint_runs`) as one line, the way it is written: a sheet of a dozen lone
    greyed digits one under another came back with three read; "2 3 4 5 6 7 8" in a row, whole.
    Each word read goes to the cell under its middle."""
    runs = _faint_runs(cells, faint)
    boxes = [union_box([cells[i][0] for i in run]) for run in runs]
    out = []
    for k, line, _ in read_snippets(engine, _stretched(gray, boxes), boxes, height=SNIPPET_HEIGHT):
        box = boxes[k]
        zoom = max(ZOOM, -(-SNIPPET_HEIGHT // max(1, box[3] - box[1])))
        for word in line.words or [OcrWord(line.text, line.box, line.confidence)]:
            x = box[0] - PAD + ((word.box[0] + word.box[2]) / 2 - GAP) / zoom
            at = [i for i in runs[k] if cells[i][0][0] - 2 <= x <= cells[i][0][2] + 2]
            if len(at) != 1:
                continue
            cell, figures, column = cells[at[0]][:3]
            text = _accepted(word.text, word.confidence, cell, figures, column)
            if text is not None:
                sure = max(word.confidence, MIN_CONFIDENCE)
                out.append((at[0], OcrLine(text, cell, sure, [OcrWord(text, cell, sure)])))
    return out


def _read_cells(
    engine: OcrEngine, gray: np.ndarray, cells: list[Cell], wanted: list[int], sheet: list[int]
) -> list[tuple[int, OcrLine]]:
    """The cells numbered ``sheet`` read on one sheet: of them, those numbered ``wanted`` whose
    reading is taken (:func:`_accepted`), each with its number."""
    out = []
    boxes = [cells[i][0] for i in sheet]
    for k, line, _ in read_snippets(engine, gray, boxes, height=SNIPPET_HEIGHT):
        i = sheet[k]
        box, figures, column = cells[i][:3]
        text = _accepted(line.text, line.confidence, box, figures, column) if i in wanted else None
        if text is not None:
            # a stroke the column vouches for is as sure as the rest (layout drops unsure marks)
            sure = max(line.confidence, MIN_CONFIDENCE)
            out.append((i, OcrLine(text, box, sure, [OcrWord(text, box, sure)])))
    return out


SAME_INK = 0.08  # ink pixels that may differ between two copies of one word, as a share of its ink
SAME_SLACK = 3  # pixels a word's box may be wider or taller than its ink (engines box loosely)
SAME_SURE = 0.8  # only a word read this surely is copied (a key's border read "ll" at 0.65 is not)
REACH = 1  # pixels round a read word's box looked at for its ink (engines' boxes may cut it)


#: Pixels a box is widened by, at most, on each side while its ink runs on past it (:func:`_ink_mask`).
GROW = 3


def _ink_mask(gray: np.ndarray, box: Box, level: float = INK) -> np.ndarray | None:
    """``box``'s ink (pixels ``level`` or more from the ground round it), out past the box's sides while
    the ink runs on (``GROW`` pixels at most: an engine's box may cut a glyph's soft edge, a "0"
    boxed 6 pixels wide on 8 pixels of ink, and a gap's copy of it, boxed round all its ink, did
    not match it), trimmed to the ink; None without ink."""
    bx0, by0, bx1, by1 = (max(0, v) for v in box)
    around = gray[max(0, by0 - PAD) : by1 + PAD, max(0, bx0 - PAD) : bx1 + PAD]
    # (the box and GROW pixels round it, the box's place in that: x0, y0, x1, y1)
    ox, oy = max(0, bx0 - GROW), max(0, by0 - GROW)
    far = np.abs(gray[oy : by1 + GROW, ox : bx1 + GROW].astype(np.int16) - int(np.median(around))) > level
    x0, y0, x1, y1 = bx0 - ox, by0 - oy, bx1 - ox, by1 - oy
    for _ in range(GROW):
        left = x0 > 0 and bool(far[y0:y1, x0 - 1].any())
        right = x1 < far.shape[1] and bool(far[y0:y1, x1].any())
        top = y0 > 0 and bool(far[y0 - 1, x0:x1].any())
        bottom = y1 < far.shape[0] and bool(far[y1, x0:x1].any())
        if not (left or right or top or bottom):
            break
        x0, x1, y0, y1 = x0 - left, x1 + right, y0 - top, y1 + bottom
    ink = far[y0:y1, x0:x1]  # (h, w)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return None
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _faint_level(gray: np.ndarray, box: Box) -> float | None:
    """Half the greatest distance of the grey in ``box`` from its ground (the median round it), where
    that is over :data:`FAINT` and under :data:`INK`: where faint ink (or coloured ink whose grey is
    near its ground's) is told from ground; None otherwise."""
    x0, y0, x1, y1 = (max(0, v) for v in box)
    around = gray[max(0, y0 - PAD) : y1 + PAD, max(0, x0 - PAD) : x1 + PAD]
    part = gray[y0:y1, x0:x1].astype(np.int16)
    if part.size == 0:
        return None
    reach = int(np.abs(part - int(np.median(around))).max())
    return reach / 2 if FAINT < reach <= INK else None


def _around(box: Box) -> Box:
    """``box`` and ``REACH`` pixels round it: both inks are taken from a little round their boxes
    (an engine boxed a lone "0" a pixel right of its ink, and the gap's box, cut where the ink is
    darker than the faintest edge :func:`_ink_mask` takes, left the faint edge out: the two
    masks of one "0" differed, and the gap's "0" was lost)."""
    return (box[0] - REACH, box[1] - REACH, box[2] + REACH, box[3] + REACH)


def same_ink(gray: np.ndarray, box: Box, words: list[OcrWord]) -> OcrWord | None:
    """The word of ``words`` (a grid's, read) whose ink is the gap's ink at ``box``, pixel for
    pixel, when exactly one text matches; else None. A listing repeats its cells ("1", "root",
    "-rw-------") in one font on one pixel grid, so a cell the engine skipped is often drawn
    elsewhere and read there; read alone, its lone "1" came back as "4" (half A
    multi-dark-terminals-dialog, green on black). No engine call. Ink of little contrast in grey
    (:func:`_faint_level`) is compared at its own level: a terminal's red "0" on dark blue, 24
    grey levels off, lost in four rows of ``top`` and read "or" alone, is the "0" read in the
    others."""
    level: float = INK
    mask = _ink_mask(gray, _around(box))
    if mask is None and (faint := _faint_level(gray, box)) is not None:
        level, mask = faint, _ink_mask(gray, _around(box), faint)
    if mask is None:
        return None
    h, w = mask.shape
    texts: dict[str, OcrWord] = {}
    for word in words:
        bw, bh = word.box[2] - word.box[0], word.box[3] - word.box[1]
        # (a box may be cut inside its ink by up to GROW pixels a side, :func:`_ink_mask`)
        fits = -2 * GROW <= bw - w <= SAME_SLACK and -2 * GROW <= bh - h <= 2 * SAME_SLACK
        # A word read in the gap's own column is vouched for by it, as a reading is (:func:`_accepted`):
        # a terminal's column of "0"s read at 0.61 where one was left unread, the same ink.
        column = min(box[2], word.box[2]) > max(box[0], word.box[0])
        sure = word.confidence >= (STROKE_CONFIDENCE if column else SAME_SURE)
        if not fits or not sure or not any(ch.isalnum() for ch in word.text):
            continue
        if overlap_share(box, word.box) > 0:
            continue  # the word itself, a row's band reaching it: no copy
        other = _ink_mask(gray, _around(word.box), level)
        same = other is not None and other.shape == mask.shape
        if same and int((other ^ mask).sum()) <= SAME_INK * max(int(mask.sum()), 1):
            texts.setdefault(word.text, word)
    if len(texts) != 1:
        return None
    (word,) = texts.values()
    return OcrWord(word.text, box, max(word.confidence, MIN_CONFIDENCE))
