"""Text on coloured bands, in reverse video and under a block cursor, made plain dark-on-light.

Tesseract reads grey levels with one threshold, and the page is prepared for it by inverting
large dark areas (:func:`assistant.ocr.tesseract.invert_dark_areas`) and whitening light grounds.
A terminal program draws words on grounds of every colour, cell by cell: a key bar's "1" on black
beside "Help" on cyan, a header row on a mid-grey or green bar, a selected row in white on blue,
the character under the block cursor in the ground's colour on the cursor's. In grey a cyan ground
is a middle grey that one threshold turns black, and a dark cell one character wide is too small
for the inversion's windows: such words were lost, or read as blotches.

A person reads each word against its own ground. So does this: each line of text is looked at
on its own (a run of pixel rows that letters' strokes cross, in slabs as in
:mod:`assistant.ocr.text_height`), and its ground found column by column from the columns that
are one flat grey from top to bottom (the gaps between letters, the spaces); a column with ink
takes the ground of its flat neighbours (the one of the two its own pixels show more of, where
the ground changes there). A line whose grounds are all light, or all dark, is left to the usual
preparation, which reads it well (nearly every line of a page, a dialog, a terminal in its own
colours); so is a ground that goes on far above or below the line (a window beside the desktop,
a pane's divider, a chart's bar, a grey panel). So are light letters on a middle grey (a
selected row or entry in a toolkit: one threshold parts them, and a row made plain was run into
the row above by tesseract), and a ground shaded from its top row to its bottom one (a window
manager's title bar: no row of cells; its icon was read as a letter). Any other (a band of
middle grey of the line's own, or a short run of dark ground between light, or light between
dark: a key in reverse video, a cursor's cell) has every pixel made as dark as it is far from
its column's ground, in colour, on white, across the whole row of cells its ground fills, and
on into the slabs beside as far as a middle grey goes on. Ink is what differs from the ground,
whichever is lighter: reverse video and the cursor's character are ink like any other. The
whole picture is looked at at once (a stripe's edge would cut a band off from what lies round
it), but not the lines in tiles whose ground patches are all one light or dark grey: nearly every
line of a terminal in its own colours or of a page, where looking line by line found nothing and
cost more than the rest of the stripe's preparation.

A word also ends where its ground changes (a key bar's "1" and "Help" are two words to the eye,
as :mod:`assistant.ocr.glyph_reading` cuts them), on any line with flat grounds, made plain or
not (mc's keys on two dark greys): a word read across such a place is cut there
(:func:`split_words`). A ground one cell wide that no other run of the line has is a block cursor
on a word, and cuts nothing; nor does a place where both grounds go on above or below the line
(a window's edge: no word goes across).

An unfocused terminal's cursor is a one-pixel box round its character instead: the line is made
plain with the box taken away (:func:`_hollow`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from assistant.ocr.boxes import OcrWord
from assistant.ocr.text_height import row_runs


@dataclass(frozen=True)
class BandConfig:
    slab: int = 192  # pixels: lines are found in vertical slabs (as text_height)
    step: int = 24  # grey levels: a stroke's edge
    stroke: int = 4  # pixels: a stroke's edges are this close (a cell's sides are further apart)
    min_line: int = 6  # pixel rows: shorter runs are rules and underlines
    max_line: int = 40  # taller runs are pictures, not a line of text
    # A line is looked at only where this share of its columns are flat (one colour top to
    # bottom): a terminal's or a flat toolkit's line; a picture, a gradient button, a photo has few.
    # A dense fixed-width font leaves little between its letters (htop's labels on cyan in Hack:
    # under a fifth of the columns flat).
    flat_share: float = 0.1
    # Grounds this light (grey) are the page's usual ground, and a line on such grounds only is
    # left as it is; so is a line on one ground this dark or darker (the inversion reads it).
    light: int = 170
    dark: int = 100
    # Grounds whose colours differ by no more than this (per channel) are one ground.
    same: int = 12
    # A ground in one place of the line no wider than this many line heights (a cell) is a block
    # cursor's.
    cursor: float = 0.75
    # Runs of ground narrower than this many line heights are edges (antialiased, a border), no
    # ground.
    least: float = 0.3
    # A run of dark ground between light, or of light between dark, no wider than this many line
    # heights is a band of the line's own (reverse video, a cursor), not a window beside another.
    short: float = 12.0
    # A line of strokes is two where from one row to the next this share of its columns change:
    # two rows of cells on different grounds (a key bar under a command line); the rows inside a
    # line of text change in the columns its strokes cross only.
    row_change: float = 0.9
    # Lines in tiles of ``tile`` rows (a slab wide) whose ground is one light or dark grey are not
    # looked at (:func:`_one_ground`: most of a terminal's or a page's lines; looking cost more than
    # the rest of the reading's preparation on a dense terminal).
    gate: bool = True
    tile: int = 48


# A line made plain: x0, y0, x1, y1, and its grey (y1 - y0, x1 - x0) uint8.
Piece = tuple[int, int, int, int, np.ndarray]


@dataclass(frozen=True)
class Cut:
    """Where the ground changes on a line made plain: x, between rows y0 and y1 (pixels)."""

    x: int
    y0: int
    y1: int


def line_ground(
    grey: np.ndarray, own: bool = False, beyond: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """The ground of one line ``grey`` (h, w): for each column, the column of the top row whose
    pixel is its ground (w,), and whether the column is flat (w,) bool; None when no column is
    flat. A column takes the ground of the flat columns nearest it, or where they differ (the
    ground changes under it), the one of the two it shows more of; with ``own`` (the top and
    bottom rows are ground rows, above and below the letters), a column whose top and bottom
    pixels are alike has their ground: its cell's own (a lone dark cell, a cursor's). ``beyond``
    (w,) bool: the flat columns that may be ground; a letter's stem from the line's top to its
    bottom is flat too, but the ground goes on above or below the letters, and a stem does not."""
    flat = _flat(grey)
    if beyond is not None:
        flat &= beyond
    if not flat.any():
        return None
    w = grey.shape[1]
    idx = np.arange(w)
    left = np.maximum.accumulate(np.where(flat, idx, -1))
    right = np.minimum.accumulate(np.where(flat, idx, w)[::-1])[::-1]
    left = np.where(left < 0, right, left)
    right = np.where(right >= w, left, right)
    lg, rg = grey[0, left], grey[0, right]
    more_left = (grey == lg).sum(axis=0) >= (grey == rg).sum(axis=0)
    cols = np.where((lg == rg) | more_left, left, right)
    if own:
        cols = np.where((grey[0] == grey[-1]) & ~flat, idx, cols)
    return cols, flat


def _flat(grey: np.ndarray, tol: int = 6) -> np.ndarray:
    """(w,) bool: the columns of ``grey`` (h, w) of one grey from top to bottom, give or take
    ``tol`` (an antialiased letter leaves a level or two of its edge in the ground beside it)."""
    return np.asarray(grey.max(axis=0).astype(np.int16) - grey.min(axis=0) <= tol)


def _runs(values: np.ndarray) -> list[tuple[int, int]]:
    """Spans [a, b) of equal values."""
    cuts = np.flatnonzero(values[1:] != values[:-1]) + 1
    edges = [0, *cuts.tolist(), len(values)]
    return list(itertools.pairwise(edges))


def ground_runs(
    grey: np.ndarray, flat: np.ndarray, height: int, cfg: BandConfig
) -> list[tuple[int, int, int]]:
    """The runs of one ground along a line, from its flat columns: (grey level, from, to) in
    columns, left to right; a run narrower than a stroke (``cfg.least`` line heights: a letter's
    stem, a window's antialiased edge) is none."""
    at = np.flatnonzero(flat)
    if at.size == 0:
        return []
    levels = grey[0, at].astype(np.int32)
    breaks = np.flatnonzero(np.abs(np.diff(levels)) > cfg.same) + 1
    out: list[tuple[int, int, int]] = []
    for i, j in zip([0, *breaks.tolist()], [*breaks.tolist(), len(at)], strict=True):
        a, b = int(at[i]), int(at[j - 1]) + 1
        if b - a < cfg.least * height:
            continue
        level = int(np.median(levels[i:j]))
        if out and abs(out[-1][0] - level) <= cfg.same:
            out[-1] = (out[-1][0], out[-1][1], b)
        else:
            out.append((level, a, b))
    return out


def _goes_on(
    gray: np.ndarray, x0: int, x1: int, y0: int, y1: int, run: tuple[int, int, int], cfg: BandConfig
) -> bool:
    """Whether a dark ground run between light ones (:func:`ground_runs`, columns from ``x0``; the
    slab ends at ``x1``) of the line on rows ``y0``..``y1`` is dark still in the nearest row above
    or below the line that is clear of letters elsewhere on it: a cell's ground, a bar's or a
    cursor's block is taller than its letters; a bold heading's "M" is no taller than the
    heading's letters, and its stems, flat columns of the ink's colour, were made plain and cut
    ("W inutes"). A row of cells stacked on another (a key bar's second row) is clear on one side
    at most, and is taken as it is."""
    level, a, b = run
    if _kind(level, cfg) != 0:
        return True
    height = y1 - y0
    rest = np.ones(x1 - x0, dtype=bool)
    rest[a:b] = False
    seen = []
    for rows in (range(y0 - 1, max(-1, y0 - 1 - height), -1), range(y1, min(gray.shape[0], y1 + height))):
        for y in rows:
            row = gray[y, x0:x1].astype(np.int16)
            others = row[rest]
            if others.size and float((np.abs(others - int(np.median(others))) <= cfg.same).mean()) < 0.97:
                continue  # letters or marks beside: not clear of the line yet
            seen.append(float((np.abs(row[a:b] - level) <= cfg.same).mean()) >= 0.5)
            break
    # (no ground beyond on either side, each side clear: letters' strokes; a row of cells stacked
    # on another, a key bar's second row, is clear on one side at most)
    return len(seen) < 2 or any(seen)


def _kind(level: int, cfg: BandConfig) -> int:
    return 2 if level >= cfg.light else 0 if level <= cfg.dark else 1


def _light_ink(part: np.ndarray, cfg: BandConfig) -> bool:
    """Whether the letters on a ground of middle grey ``part`` (h, w) are lighter than it (a
    selected row or entry, white on blue): one threshold between the two reads them, as the
    usual preparation does; dark letters on it (a terminal's key bar, black on cyan) are lost
    when the threshold takes the ground for ink."""
    level = float(np.median(part[0]))
    ink = part[np.abs(part.astype(np.int16) - level) > cfg.step]
    return bool(ink.size) and float(np.median(ink)) > level


def _needs(
    runs: list[tuple[int, int, int]], height: int, strip: np.ndarray, cfg: BandConfig, line: np.ndarray
) -> bool:
    """Whether a line (``line``, its grey) on these ground runs (:func:`ground_runs`) needs making
    plain: a ground of middle grey carrying dark letters (light ones, a selection, are left to the
    usual preparation: :func:`_light_ink`), or a short run of dark ground between light (a cursor's
    cell, a key in reverse video) or of light between dark (not light between dark and a middle
    grey: a dialog's margin between the desktop and a selected entry). A light ground beside a dark
    one that runs on to the slab's side is a window's edge on the desktop, no band: the usual
    preparation reads it; and a run that ``strip`` (w,) bool marks (most of it) goes on far above
    or below the line, an upright strip (a pane's divider, a scroll bar, a chart's bar, a grey panel
    of several lines), no band of the line's own either."""
    kinds: list[tuple[int, int, int]] = []
    for level, a, b in runs:
        k = _kind(level, cfg)
        if kinds and kinds[-1][0] == k:
            kinds[-1] = (k, kinds[-1][1], b)
        else:
            kinds.append((k, a, b))
    own = [strip[a:b].mean() < 0.6 for _, a, b in kinds]
    if any(
        k == 1 and mine and not _light_ink(line[:, a:b], cfg)
        for (k, a, b), mine in zip(kinds, own, strict=True)
    ):
        return True
    return any(
        0 < j < len(kinds) - 1
        and kinds[j - 1][0] == kinds[j + 1][0] == 2 - k != k
        and b - a <= cfg.short * height
        and own[j]
        for j, (k, a, b) in enumerate(kinds)
    )


def _own_cell(line: np.ndarray, flat: np.ndarray, strip: np.ndarray, cfg: BandConfig) -> bool:
    """Whether the line ``line`` (h, w grey; ``flat`` its flat columns, ``strip`` its upright
    ones: :func:`_strip`) holds a dark block cursor's cell that its flat columns do not show: a
    bold or wide letter fills its cell from side to side ("A", "C", "#" under nano's, w3m's or
    vim's cursor), leaving a flat column or two, too few for a run of ground
    (:func:`ground_runs`), so the cell was taken for letters on the light ground beside it and
    stayed a black block: the word lost its first letter ("llotment", "Gity"). The cell's ground
    shows in its top and bottom rows, above and below the letter: a block of dark ground there,
    a cell wide, its letter light, with the line's light ground beside it; on one side it may end
    at a window's edge instead (a ground of another grey going on above or below): the cursor on
    a window's first column. (A light cell in a dark terminal is left as it was: made plain, it
    changed how tesseract laid out the rest of IBM 3270's nano, on the live path.)"""
    top, foot = line[0].astype(np.int16), line[-1].astype(np.int16)
    own = flat | (np.abs(top - foot) <= cfg.same)
    cuts = np.flatnonzero((np.abs(np.diff(top)) > cfg.same) | (own[1:] != own[:-1])) + 1
    spans = [(a, b) for a, b in itertools.pairwise([0, *cuts.tolist(), len(top)]) if own[a]]
    tall = line.shape[0]
    wide = [(a, b) for a, b in spans if b - a >= 0.35 * tall and strip[a:b].mean() < 0.6]
    for j in range(1, len(spans) - 1):
        a, b = spans[j]
        level = int(top[a])
        if level > cfg.dark or not max(5.0, 0.35 * tall) <= b - a <= cfg.cursor * tall or (a, b) not in wide:
            continue
        # One cell of a ground no other place of the line has (a calculator's keys, letters'
        # stems in a small font come several to a line), its letter on less than half of it.
        if any((s, e) != (a, b) and abs(int(top[s]) - level) <= cfg.same for s, e in wide):
            continue
        block = line[:, a:b]
        if float((np.abs(block.astype(np.int16) - level) <= cfg.same).mean()) < 0.5:
            continue
        letter = block >= cfg.light
        if float(letter.mean()) < 0.08:
            continue  # (no letter in it: a frame's thick side, an empty cell, nothing to read)
        if b - a > 2 and float(letter[1, 1:-1].mean()) >= 0.6:
            continue  # (light ground right inside its top row: a hollow cursor's outline)
        sides = []
        for s, e in (spans[j - 1], spans[j + 1]):
            beside = int(top[s])
            near = e == a or s == b  # (touching: no letter's edge between)
            if near and beside >= cfg.light:
                sides.append(2 if e - s >= 0.35 * tall else 1)  # (the line's ground: wide)
            elif near and strip[s:e].mean() >= 0.6 and abs(beside - level) > cfg.same:
                sides.append(1)  # (a window's edge)
            else:
                sides.append(0)
        if min(sides) >= 1 and max(sides) == 2:
            return True
    return False


def _hollow(
    gray: np.ndarray, x0: int, y0: int, y1: int, runs: list[tuple[int, int, int]], cfg: BandConfig
) -> tuple[tuple[np.ndarray, np.ndarray], int] | None:
    """A hollow block cursor on the line on rows [y0, y1) of the slab from ``x0`` (its ground
    ``runs``): the line's rows with the cursor's outline painted in the ground inside it, as
    (rgb, grey) from the row the second item names; None where it has none.

    A terminal whose window is not focused draws its cursor as a one-pixel box round the
    character under it (xterm, urxvt), and nano, vim and w3m leave it on a line's first letter:
    its sides, as tall as the line and hard against the letter, and its bars over and under it
    cost the letter ("hoir" for "Choir") or were read as a "1" ("1 8:02"). Its sides are flat
    columns of one dark grey a cell apart (a run of that ground, :func:`ground_runs`, a third to
    three quarters of the line's height wide) with light ground between them and beside them,
    and the row just above and just below the line or its own first and last rows (within two
    rows) are that grey from side to side; the cell holds a letter (a bitmap font's "0" drawn as
    a rectangle is empty inside)."""
    tall = y1 - y0
    for level, a, b in runs:
        if level > cfg.dark or not 0.35 * tall <= b - a <= 0.75 * tall + 2:
            continue
        xa, xb = x0 + a, x0 + b - 1  # (the sides)
        if xa < 1 or xb + 1 >= gray.shape[1]:
            continue
        g = gray[:, xa : xb + 1].astype(np.int16)
        near = np.abs(g[max(0, y0 - 3) : y1 + 3] - level) <= cfg.same
        across = np.flatnonzero(near.all(axis=1)) + max(0, y0 - 3)  # (rows of that grey across)
        tops, feet = across[across <= y0 + 1], across[across >= y1 - 2]
        if not tops.size or not feet.size:
            continue
        top, foot = int(tops[-1]), int(feet[0])
        first = max(0, y0 - 3)
        if foot - top < 0.8 * tall or not near[top - first : foot - first + 1][:, [0, -1]].all():
            continue  # (sides from bar to bar)
        inside = gray[top + 1 : foot, xa + 1 : xb]
        if inside.size == 0:
            continue
        cell = int(np.argmax(np.bincount(inside.ravel(), minlength=256)))
        if (
            cell < cfg.light
            or not 0.08 <= float((np.abs(inside.astype(np.int16) - cell) > cfg.step).mean()) <= 0.6
        ):
            continue
        beside = gray[top + 1 : foot, [xa - 1, xb + 1]]
        if float((np.abs(beside.astype(np.int16) - cell) <= cfg.same).mean()) < 0.6:
            continue  # (no light ground beside: not a box on the line's ground)
        r0, r1 = min(top, y0), max(foot + 1, y1)
        rows = gray[r0:r1].copy()
        outline = np.zeros(rows.shape, dtype=bool)
        outline[top - r0, xa : xb + 1] = outline[foot - r0, xa : xb + 1] = True
        outline[top - r0 : foot - r0 + 1, [xa, xb]] = True
        rows[outline] = cell
        return (np.repeat(rows[:, :, None], 3, axis=2), rows), r0
    return None


# A line made plain: its ground runs, its text's height, x0, y0, y1, its top row of grey, and
# which of its columns an upright strip crosses (:func:`_strip`).
_Grounds = tuple[list[tuple[int, int, int]], int, int, int, int, np.ndarray, np.ndarray]


def _joined(lines: list[_Grounds], cfg: BandConfig) -> list[_Grounds]:
    """The lines of neighbouring slabs on the same rows made one (their runs, one ground running
    on from one slab into the next made one run), so that a ground changing where one slab ends
    and the next begins is seen to change."""
    out: list[_Grounds] = []
    for runs, height, x0, y0, y1, top, strip in sorted(lines, key=lambda g: (g[3], g[4], g[2])):
        if out and out[-1][3:5] == (y0, y1) and out[-1][2] + len(out[-1][5]) == x0:
            prev, h, px0, _, _, ptop, pstrip = out[-1]
            shift = [(level, a + len(ptop), b + len(ptop)) for level, a, b in runs]
            if prev and shift and abs(prev[-1][0] - shift[0][0]) <= cfg.same:
                shift[0] = (prev[-1][0], prev[-1][1], shift[0][2])
                prev = prev[:-1]
            both = np.concatenate([ptop, top]), np.concatenate([pstrip, strip])
            out[-1] = ([*prev, *shift], max(h, height), px0, y0, y1, *both)
        else:
            out.append((runs, height, x0, y0, y1, top, strip))
    return out


def _cuts(lines: list[_Grounds], cfg: BandConfig) -> list[Cut]:
    """Where words must end on the lines (:data:`_Grounds`): between two runs of different
    grounds, where the top row (ground, above the letters) turns from one to the other; unless one
    is a block cursor's cell (:func:`_cursor`), or both go on above or below the line (a window's
    edge on the desktop, a divider between panes: no word goes across those)."""
    out = []
    for runs, height, x0, y0, y1, top, strip in lines:
        for k in range(1, len(runs)):
            upright = [strip[a:b].mean() >= 0.6 for _, a, b in runs[k - 1 : k + 1]]
            if all(upright) or abs(runs[k - 1][0] - runs[k][0]) <= cfg.same:
                continue  # (a window's edge on the desktop, a divider: no word goes across)
            if not _cursor(runs, k, height, strip, top, cfg) and not _cursor(
                runs, k - 1, height, strip, top, cfg
            ):
                (la, _, ea), (lb, sb, _) = runs[k - 1], runs[k]
                between = top[ea : sb + 1].astype(np.int32)
                turn = np.flatnonzero(np.abs(between - lb) < np.abs(between - la))
                if turn.size:  # (else the row above the letters does not show where: no cut)
                    out.append(Cut(x0 + ea + int(turn[0]), y0, y1))
    return out


def _cursor(
    runs: list[tuple[int, int, int]], k: int, height: int, strip: np.ndarray, top: np.ndarray, cfg: BandConfig
) -> bool:
    """Whether run ``k`` of a line's ground runs is a block cursor's cell: one cell wide, of a
    ground no other run of the line has (but an upright strip's: a column of line numbers in
    reverse video). A key in reverse video is two cells or more ("^G", "F1"), and keys come
    several to a line."""
    level, a, b = runs[k]
    # (wide as its ground in the row above the letters, ``top``, between the grounds beside it:
    # its own flat columns are only the gaps beside its letters, a key's "F6" in a tight font
    # as narrow as a cell)
    lo = runs[k - 1][2] if k > 0 else a
    hi = runs[k + 1][1] if k + 1 < len(runs) else b
    wide = max(b - a, int((np.abs(top[lo:hi].astype(np.int32) - level) <= cfg.same).sum()))
    if wide > cfg.cursor * height:
        return False
    return not any(
        j != k and abs(other - level) <= cfg.same and not strip[s:e].all()
        for j, (other, s, e) in enumerate(runs)
    )


def _strokes(gray: np.ndarray, cfg: BandConfig, rgb: np.ndarray | None = None) -> np.ndarray:
    """(h, slabs) bool: the rows of each slab that letters' strokes cross: a pixel row goes from
    light to dark and back (or dark to light and back) within ``cfg.stroke`` pixels, as a
    letter's stroke does, and the side of a cell in reverse video (a cell wide) does not, which
    would run two rows of keys in reverse video into one line; and leaving out upright rules: a
    stroke found in its column as far above and below as a line is tall (a box's side, a
    divider beside every row) crosses no letter, and would make one line of a terminal's whole
    height. With ``rgb`` (h, w, 3), a stroke is also one of colour: grey letters on cyan (a
    terminal table's header) are as light as their ground in grey, apart only in colour."""
    k = cfg.max_line // 2
    steps = np.diff(gray.astype(np.int16), axis=1)  # (h, w - 1)
    pair = _paired(steps, cfg)
    if rgb is not None and _colourful(rgb, cfg):  # (edges of colour alone, where the grey stays)
        # (elementwise: a reduction over 3 is slow; each channel made contiguous first, as it is
        # read three times)
        r, g, b = (np.ascontiguousarray(rgb[..., c]) for c in range(3))
        chroma = (np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b)).astype(np.int16)
        tints = np.diff(chroma, axis=1)  # (h, w - 1)
        only = (np.abs(tints) > cfg.step) & (np.abs(steps) <= cfg.step)
        rows = np.flatnonzero(only.any(axis=1))
        if rows.size:
            pair[rows] |= _paired(tints[rows], cfg, only[rows])
    pair[k:-k] &= ~(pair[: -2 * k] & pair[2 * k :])
    return _slabbed(pair, cfg.slab) > 0


def _colourful(rgb: np.ndarray, cfg: BandConfig) -> bool:
    """Whether some of ``rgb`` (h, w, 3) is far from a grey, looked at in every fourth pixel of
    every fourth row (a grey screen, a man page or a terminal in its own greys, has no edge of
    colour alone to look for)."""
    r, g, b = (rgb[::4, ::4, c].astype(np.int16) for c in range(3))
    return bool((np.maximum(np.abs(r - g), np.abs(g - b)) > cfg.step).any())


def _paired(steps: np.ndarray, cfg: BandConfig, only: np.ndarray | None = None) -> np.ndarray:
    """(h, w - 1) bool: where a row of values rises and falls back (or falls and rises) by more
    than ``cfg.step`` within ``cfg.stroke`` pixels, from the ``steps`` (h, w - 1) between its
    pixels (taken once: the grey's are looked at twice); the steps only where ``only`` bool."""
    rise, fall = steps > cfg.step, steps < -cfg.step
    if only is not None:
        rise &= only
        fall &= only
    # A rise and a fall as bits 1 and 2 of one code: a pair where two codes' XOR is 3 (one test
    # per distance, not four)
    code = rise.view(np.uint8) | (fall.view(np.uint8) << 1)
    pair = np.zeros_like(rise)
    for j in range(1, cfg.stroke + 1):
        pair[:, :-j] |= (code[:, :-j] ^ code[:, j:]) == 3
    return pair


def _slabbed(values: np.ndarray, slab: int) -> np.ndarray:
    """(h, w) bool -> (h, slabs) share of True in each slab ``slab`` pixels wide."""
    h, w = values.shape
    slabs = -(-w // slab)
    padded = np.pad(values, ((0, 0), (0, slabs * slab - w))).reshape(h, slabs, slab)
    widths = np.full(slabs, slab, dtype=np.float32)
    widths[-1] = w - (slabs - 1) * slab
    return padded.sum(axis=2) / widths


def _lines(gray: np.ndarray, strokes: np.ndarray, cfg: BandConfig) -> list[tuple[int, int]]:
    """Runs of stroked rows [y0, y1) of one slab ``gray`` (h, slab), cut where from one row to
    the next nearly every column that is not one grey all along the run changes, by more than a
    shade, into or out of a row of plain ground (a key bar right under a command line is a line
    of its own; a letter's rows change only where its strokes are, a gradient's by a shade)."""
    out = []
    for y0, y1 in row_runs(strokes):
        block = gray[y0:y1]
        varying = ~np.all(block == block[:1], axis=0)
        inner: list[int] = []
        if varying.any() and y1 - y0 > cfg.min_line:
            part = block[:, varying]
            share = (part[1:] != part[:-1]).mean(axis=1)
            # (the median step only of the rows that change nearly all through: few or none)
            near = np.flatnonzero(share > cfg.row_change)
            step = np.median(np.abs(part[near + 1].astype(np.int16) - part[near]), axis=1)
            for y in near[step > cfg.same].tolist():
                if min(len(np.unique(part[y])), len(np.unique(part[y + 1]))) <= 3:
                    inner.append(y0 + y + 1)
        for a, b in zip([y0, *inner], [*inner, y1], strict=True):
            if cfg.min_line <= b - a <= cfg.max_line:
                out.append((a, b))
    return out


def _beyond(gray: np.ndarray, x0: int, x1: int, y0: int, y1: int, cfg: BandConfig) -> np.ndarray:
    """(x1 - x0,) bool: the columns of the line [y0, y1) whose top pixel goes on above it or
    bottom pixel below it; or all, where the line is a row of cells of its own ground: from the row
    outside to the line's edge row nearly every column changes (of those not flat ground going on
    beyond the line: the desktop beside a window)."""
    line = gray[y0:y1, x0:x1]
    flat = _flat(line)
    out = np.zeros(x1 - x0, dtype=bool)
    for edge, there in ((y0 - 1, line[0]), (y1, line[-1])):
        if not 0 <= edge < gray.shape[0]:
            continue
        same = gray[edge, x0:x1] == there
        counted = ~(flat & same)
        if counted.any() and (~same).sum() >= cfg.row_change * counted.sum():
            return np.ones(x1 - x0, dtype=bool)
        out |= same
    return out


def _strip(gray: np.ndarray, x0: int, x1: int, y0: int, y1: int, both: bool = True) -> np.ndarray:
    """(x1 - x0,) bool: the columns where the line's top grey is also found two line heights above
    it and two below (an upright strip through the line: a divider, a scroll bar); or, not
    ``both``, above or below (a column of line numbers, which ends)."""
    reach = 2 * (y1 - y0)
    there = gray[y0, x0:x1]
    up = gray[y0 - reach, x0:x1] == there if y0 - reach >= 0 else np.zeros(x1 - x0, dtype=bool)
    down = (
        gray[y1 + reach - 1, x0:x1] == there if y1 + reach <= gray.shape[0] else np.zeros(x1 - x0, dtype=bool)
    )
    return np.asarray(up & down if both else up | down)


def _shaded(rgb: np.ndarray, x0: int, x1: int, y0: int, y1: int, flat: np.ndarray) -> bool:
    """Whether the ground of the rows [y0, y1) changes colour from its top row to its bottom one
    in its flat columns ``flat`` (x1 - x0,): a window manager's title bar shaded top to bottom,
    not a row of a terminal's cells, which are of one colour."""
    if not flat.any():
        return False
    top, bottom = rgb[y0, x0:x1][flat].astype(np.int16), rgb[y1 - 1, x0:x1][flat].astype(np.int16)
    return float(np.median(np.abs(top - bottom).max(axis=1))) > 2


def _one_ground(gray: np.ndarray, cfg: BandConfig) -> tuple[np.ndarray, np.ndarray]:
    """The lightest and darkest ground of each tile (``cfg.tile`` rows of a slab, ``cfg.slab``
    wide): of its patches of 3 x 3 pixels of one grey (ground; a letter's strokes and a rule are
    thinner, a cursor's or a key's cell and a band are not); (tiles, slabs) uint8 each, 255 and 0
    where a tile has no such patch. A line in tiles of one light or dark ground has no band and no
    two grounds (a dense terminal in its own colours, a page), and is not looked at."""
    h, w = gray.shape
    rows, slabs = -(-h // cfg.tile), -(-w // cfg.slab)
    lo = np.full((rows * cfg.tile, slabs * cfg.slab), 255, dtype=np.uint8)
    hi = np.zeros_like(lo)
    if h >= 3 and w >= 3:
        mid = gray[1:-1, 1:-1]
        # A pixel's 3 x 3 patch is of one grey where each of its three rows is (a pixel as both its
        # neighbours in the row) and the middle column is: five tests, not eight of the whole picture.
        across = gray[:, 1:] == gray[:, :-1]  # (h, w - 1): a pixel as the one left of it
        row = across[:, :-1] & across[:, 1:]  # (h, w - 2)
        down = gray[1:, 1:-1] == gray[:-1, 1:-1]  # (h - 1, w - 2): as the one above it
        flat = row[:-2] & row[1:-1] & row[2:] & down[:-1] & down[1:]  # (h - 2, w - 2)
        np.copyto(lo[1 : h - 1, 1 : w - 1], mid, where=flat)
        np.copyto(hi[1 : h - 1, 1 : w - 1], mid, where=flat)
    shape = (rows, cfg.tile, slabs, cfg.slab)
    return lo.reshape(shape).min(axis=(1, 3)), hi.reshape(shape).max(axis=(1, 3))


def _plainly_one(grounds: tuple[np.ndarray, np.ndarray], k: int, y0: int, y1: int, cfg: BandConfig) -> bool:
    """Whether the rows [y0, y1) of slab ``k`` lie in tiles of one light or dark ground
    (:func:`_one_ground`)."""
    a, b = y0 // cfg.tile, (y1 - 1) // cfg.tile + 1
    lo, hi = int(grounds[0][a:b, k].min()), int(grounds[1][a:b, k].max())
    if (grounds[0][a:b, k] > grounds[1][a:b, k]).any():
        return False  # (a tile with no patch of ground: looked at)
    return hi - lo <= cfg.same and _kind(lo, cfg) == _kind(hi, cfg) != 1


def _leading(values: np.ndarray) -> int:
    """How many of ``values`` (1-D bool) are True before the first False."""
    false = np.flatnonzero(~values)
    return int(false[0]) if false.size else len(values)


def plain_lines(
    rgb: np.ndarray, gray: np.ndarray, cfg: BandConfig | None = None
) -> tuple[list[Piece], list[Cut]]:
    """The lines of ``rgb`` (h, w, 3; ``gray`` its grey) that need making plain, each as (x0, y0,
    x1, y1, plain grey (y1 - y0, x1 - x0) uint8), and where their grounds cut words."""
    cfg = cfg or BandConfig()
    if rgb.ndim != 3 or rgb.shape[:2] != gray.shape or min(gray.shape) < 2:
        return [], []  # (a picture a pixel wide or tall holds no line: nothing to look at)
    width = gray.shape[1]
    strokes = _strokes(gray, cfg, rgb)
    tall = [b - a for k in range(strokes.shape[1]) for a, b in row_runs(strokes[:, k])]
    heights = [h for h in tall if cfg.min_line <= h <= cfg.max_line]
    usual = int(np.median(heights)) if heights else cfg.max_line
    out: list[Piece] = []
    grounds: list[_Grounds] = []
    plainly = _one_ground(gray, cfg)
    for k in range(strokes.shape[1]):
        x0, x1 = k * cfg.slab, min(width, (k + 1) * cfg.slab)
        if cfg.gate and _plainly_one(plainly, k, 0, gray.shape[0], cfg):
            continue  # (one light or dark ground only: nothing to make plain, no word to cut)
        for y0, y1 in _lines(gray[:, x0:x1], strokes[:, k], cfg):
            if cfg.gate and _plainly_one(plainly, k, y0, y1, cfg):
                continue
            line = gray[y0:y1, x0:x1]
            found = line_ground(line, beyond=_beyond(gray, x0, x1, y0, y1, cfg))
            if found is None or found[1].mean() < cfg.flat_share:
                continue
            strip = _strip(gray, x0, x1, y0, y1, both=False)
            size = min(y1 - y0, usual)  # (a run of two rows of cells: one row's height)
            runs = ground_runs(line, found[1], size, cfg)
            first = [
                r
                for j, r in enumerate(runs)
                if not (
                    0 < j < len(runs) - 1 and _kind(runs[j - 1][0], cfg) == _kind(runs[j + 1][0], cfg) == 2
                )
                or _goes_on(gray, x0, x1, y0, y1, r, cfg)
            ]
            ground = line[0, found[0]]
            hollow = _hollow(gray, x0, y0, y1, runs, cfg)
            if hollow is not None:
                made = _plain(*hollow[0], x0, x1, 0, hollow[0][1].shape[0], False)
                if made is not None:
                    out.append((x0, hollow[1], x1, hollow[1] + hollow[0][1].shape[0], made[0]))
                continue
            needs = _needs(first, size, strip, cfg, line)
            # (a cursor's cell that its letter fills: made plain from the cell's own ground)
            cell = not needs and _own_cell(line, found[1], strip, cfg)
            needs = needs or cell
            # (a light band's ground: looked for only where the line shows enough of a light one,
            # and a line's height beyond it, above and below, is dark: :func:`_light_band`)
            light = not needs and _dark_beyond(
                gray, x0, x1, y0, y1, found[1] & (line[0] >= cfg.light), size, cfg
            )
            if needs or light:
                # (a cursor's cell: its own rows, whose top and bottom show its ground)
                top, bottom = (y0, y1) if cell else _row_of_cells(gray, x0, x1, y0, y1, ground, found[1])
                light = light and _light_band(rgb, gray, x0, x1, top, bottom, found[1], size, cfg)
            if not (needs or light):
                # (two dark grounds: read as it is, but cut where it changes; not on a title bar)
                if len(first) > 1 and not _shaded(rgb, x0, x1, y0, y1, found[1]):
                    grounds.append((first, size, x0, y0, y1, gray[max(0, y0 - 1), x0:x1], strip))
                continue
            if _shaded(rgb, x0, x1, top, bottom, found[1]):
                continue  # (no row of cells of one colour: a title bar's gradient, no band)
            made = _plain(rgb, gray, x0, x1, top, bottom, cell or (top < y0 and bottom > y1))
            if made is not None:
                out.append((x0, top, x1, bottom, made[0]))
                runs = ground_runs(
                    gray[top:bottom, x0:x1],
                    _cell_ground(gray, x0, x1, top, bottom, y0, y1, made[1]),
                    size,
                    cfg,
                )
                column = _strip(gray, x0, x1, top, bottom, both=False)
                grounds.append((runs, size, x0, top, bottom, gray[top, x0:x1], column))
    # A band of middle grey runs on into the slabs beside (a menu bar's empty end, a key bar's
    # next keys): made plain there too on the same rows, as far as its ground goes on across a
    # slab's side; so does a light band with dark ground above and below (:func:`_light_band`).
    queue = list(range(len(out)))
    while queue:
        x0, top, x1, bottom, _ = out[queue.pop()]
        for nx0, nx1, edge, inner in ((x0 - cfg.slab, x0, x0 - 1, x0), (x1, x1 + cfg.slab, x1, x1 - 1)):
            nx0, nx1 = max(0, nx0), min(width, nx1)
            if nx1 - nx0 < 2 or any(o[0] == nx0 and o[1] < bottom and top < o[3] for o in out):
                continue
            level = int(gray[top, inner])
            if abs(int(gray[top, edge]) - level) > cfg.same:
                continue
            if _kind(level, cfg) != 1 and not (
                _kind(level, cfg) == 2
                and _light_band(
                    rgb,
                    gray,
                    nx0,
                    nx1,
                    top,
                    bottom,
                    _flat(gray[top:bottom, nx0:nx1]),
                    bottom - top,
                    cfg,
                    least=1,
                )
            ):
                continue  # (a light or dark ground going on, a desktop's: the usual reads it)
            made = _plain(rgb, gray, nx0, nx1, top, bottom, False)
            if made is not None:
                out.append((nx0, top, nx1, bottom, made[0]))
                size = min(bottom - top, usual)
                runs = ground_runs(gray[top:bottom, nx0:nx1], made[1], size, cfg)
                strip = _strip(gray, nx0, nx1, top, bottom, both=False)
                grounds.append((runs, size, nx0, top, bottom, gray[top, nx0:nx1], strip))
                queue.append(len(out) - 1)
    return out, _cuts(_joined(grounds, cfg), cfg)


def _cell_ground(
    gray: np.ndarray, x0: int, x1: int, top: int, bottom: int, y0: int, y1: int, flat: np.ndarray
) -> np.ndarray:
    """(x1 - x0,) bool: the columns of a row of cells [top, bottom) whose ground is known: its flat
    columns ``flat``, and, where the row of cells reaches above and below its letters' rows
    [y0, y1), the columns whose top and bottom pixels are alike: a cell's ground shows above and
    below its letter. A key's "F6" in a tight font fills its cells from side to side, leaving no
    flat column between its letters, and was taken for no ground (its cut lost: "F6SortBy")."""
    if not (top < y0 and bottom > y1):
        return flat
    return np.asarray(flat | (gray[top, x0:x1] == gray[bottom - 1, x0:x1]))


def _row_of_cells(
    gray: np.ndarray, x0: int, x1: int, y0: int, y1: int, ground: np.ndarray, flat: np.ndarray
) -> tuple[int, int]:
    """The rows [top, bottom) of the row of cells that the line on rows [y0, y1) of the slab
    [x0, x1) lies in: it and the rows above and below it (up to half its height) that are its
    columns' ground ``ground`` (x1 - x0,) nearly all across; or, where a band's ground ends
    (the row beyond is another ground), its rows of that ground in nearly all of the flat columns
    ``flat`` (x1 - x0,) bool of its usual ground: a letter's descender ("p", "]") below the
    strokes' rows is no ground, and the band's last rows under it were left out of the band,
    then dark lines against the letters."""
    reach = (y1 - y0) // 2
    cols = flat.copy()
    if cols.any():  # (of those, the ones of the usual ground: a stem from top to bottom is flat too)
        cols &= ground == np.argmax(np.bincount(ground[cols], minlength=256))
    else:
        cols[:] = True
    above = gray[max(0, y0 - reach) : y0, x0:x1] == ground
    below = gray[y1 : y1 + reach, x0:x1] == ground
    top = y0 - _leading(above.mean(axis=1)[::-1] > 0.97)
    bottom = y1 + _leading(below.mean(axis=1) > 0.97)
    # In the usual ground's flat columns, up to where the ground changes (a band's edge); where it
    # goes on (a line on the terminal's own ground) the rows all ground, as above.
    far_top = y0 - _leading(above[:, cols].mean(axis=1)[::-1] > 0.97)
    far_bottom = y1 + _leading(below[:, cols].mean(axis=1) > 0.97)
    h = gray.shape[0]
    if far_top > 0 and (gray[far_top - 1, x0:x1][cols] != ground[cols]).mean() > 0.5:
        top = min(top, far_top)
    if far_bottom < h and (gray[far_bottom, x0:x1][cols] != ground[cols]).mean() > 0.5:
        bottom = max(bottom, far_bottom)
    return top, bottom


def _dark_beyond(
    gray: np.ndarray, x0: int, x1: int, y0: int, y1: int, light: np.ndarray, size: int, cfg: BandConfig
) -> bool:
    """Whether the line on rows [y0, y1) of the slab [x0, x1) may be a light band (a quick look
    before :func:`_light_band`): two line heights of its columns ``light`` (x1 - x0,) bool are
    light ground, and the rows a line's height above and below it, beyond any band it is in,
    are dark there."""
    if int(light.sum()) < 2 * size:
        return False
    far = y1 - y0 + 1
    if y0 - far < 0 or y1 + far >= gray.shape[0]:
        return False
    return bool(
        np.median(gray[y0 - far, x0:x1][light]) <= cfg.dark
        and np.median(gray[y1 + far, x0:x1][light]) <= cfg.dark
    )


def _light_band(
    rgb: np.ndarray,
    gray: np.ndarray,
    x0: int,
    x1: int,
    top: int,
    bottom: int,
    flat: np.ndarray,
    size: int,
    cfg: BandConfig,
    least: int | None = None,
) -> bool:
    """Whether the row of cells [top, bottom) of the slab [x0, x1) is a light band one line tall
    in one dark ground: a header row, a menu or status bar, a selected row in a dark terminal
    (top's yellow header, emacs's grey menu, man's status line). The dark areas' inversion finds
    the dark ground above and below, and its windows reach a few rows into such a band, inverting
    its light ground there into dark lines along the letters (and the first letter where dark lies
    beside its end). The rows right above and below it are dark along nearly all of its light flat
    columns ``flat`` (x1 - x0,) bool, of one colour (``rgb``), and so is most of each row for two of
    its heights: not a window's light title bar between the desktop and a dark terminal (two
    grounds), nor the last line of a message over its box's border (letters above it), nor vim's
    command line between its dark status line and the window's edge (a light terminal beyond).
    ``least``: the light flat columns it needs (two line heights: a band, not a key's cell; a band
    running on from the slab beside needs fewer)."""
    if bottom - top > 2 * size or top < 1 or bottom >= gray.shape[0]:
        return False
    light = flat & (gray[top, x0:x1] >= cfg.light)
    if int(light.sum()) < (2 * size if least is None else least):
        return False
    up, down = gray[top - 1, x0:x1][light], gray[bottom, x0:x1][light]
    if not ((up <= cfg.dark).mean() >= 0.9 and (down <= cfg.dark).mean() >= 0.9):
        return False
    # In a dark area, not between two dark bands of a light one: dark for two heights each side.
    reach = 2 * (bottom - top)
    near = gray[max(0, top - reach) : top, x0:x1][:, light], gray[bottom : bottom + reach, x0:x1][:, light]
    if any((np.median(rows, axis=1) > cfg.dark).any() for rows in near):
        return False
    # One ground: the same colour above and below (a desktop and a terminal differ, if only by a
    # few levels in one channel).
    above = np.median(rgb[top - 1, x0:x1][light], axis=0)
    below = np.median(rgb[bottom, x0:x1][light], axis=0)
    return float(np.abs(above - below).max()) <= 2


def _plain(
    rgb: np.ndarray, gray: np.ndarray, x0: int, x1: int, y0: int, y1: int, own: bool
) -> tuple[np.ndarray, np.ndarray] | None:
    """The rows [y0, y1) of a slab made plain: each pixel as dark as it is far from its column's
    ground (:func:`line_ground`, looked for a little beyond the slab's sides: a cell the side
    cuts takes its own ground, not the next cell's), in colour, on white; and which columns are
    flat."""
    a, b = max(0, x0 - 2 * (y1 - y0)), min(gray.shape[1], x1 + 2 * (y1 - y0))
    found = line_ground(gray[y0:y1, a:b], own=own)
    if found is None:
        return None
    cols, flat = found[0][x0 - a : x1 - a], found[1][x0 - a : x1 - a]
    part = rgb[y0:y1, a:b].astype(np.int16)
    far = np.abs(part[:, x0 - a : x1 - a] - part[:1, cols]).max(axis=2)  # (h, w): how far from the ground
    strong = max(0.75 * float(far.max()), 48.0)
    return np.clip(255.0 - far * (255.0 / strong), 0, 255).astype(np.uint8), flat


def plain_rows(
    rgb: np.ndarray, gray: np.ndarray, y0: int, y1: int, cfg: BandConfig | None = None
) -> tuple[list[Piece], list[Cut]]:
    """:func:`plain_lines` of the rows [y0, y1) of the picture (a stripe read on its own core), in
    the picture's pixels: looked for with what lies above and below them (a few lines' height),
    the lines that begin in those rows kept."""
    cfg = cfg or BandConfig()
    a, b = max(0, y0 - 3 * cfg.max_line), min(gray.shape[0], y1 + 3 * cfg.max_line)
    pieces, cuts = plain_lines(rgb[a:b], gray[a:b], cfg)
    kept = [(x0, py0 + a, x1, py1 + a, grey) for x0, py0, x1, py1, grey in pieces if y0 <= py0 + a < y1]
    return kept, [Cut(c.x, c.y0 + a, c.y1 + a) for c in cuts if y0 <= c.y0 + a < y1]


def for_inversion(part: np.ndarray, pieces: list[Piece], dark: int = 100, light: int = 170) -> np.ndarray:
    """``part`` (a stripe's grey) as the dark areas' inversion should see it, with its lines made
    plain ``pieces`` (in its pixels): each piece's plain grey (light: a band's dark cells are no
    dark area, nor is a light row between them and the window's edge), but a light band (its
    ground ``light`` or lighter) with dark ground right above and below it (a header row, a menu
    or status bar in a dark terminal: :func:`_light_band`) filled with that dark ground. Light
    there, it left the dark rows beside it too little dark in the inversion's windows, and the
    letters right under the band were not inverted (their tops lost)."""
    out = part.copy()
    h = part.shape[0]
    for x0, y0, x1, y1, grey in pieces:
        if y0 >= 1 and y1 < h and float(np.median(part[y0, x0:x1])) >= light:
            edges = np.concatenate([part[y0 - 1, x0:x1], part[y1, x0:x1]])
            level = int(np.median(edges))
            if level <= dark and float((edges <= dark).mean()) >= 0.9:
                out[y0:y1, x0:x1] = level
                continue
        out[y0:y1, x0:x1] = grey
    return out


def clipped(pieces: list[Piece], x0: int, y0: int, x1: int, y1: int) -> list[Piece]:
    """``pieces`` (in a picture's pixels) as they lie in its part [x0, x1) x [y0, y1), in the
    part's pixels."""
    out = []
    for px0, py0, px1, py1, grey in pieces:
        a, b, c, d = max(px0, x0), max(py0, y0), min(px1, x1), min(py1, y1)
        if a < c and b < d:
            out.append((a - x0, b - y0, c - x0, d - y0, grey[b - py0 : d - py0, a - px0 : c - px0]))
    return out


def _key_name(text: str) -> bool:
    """Whether ``text``, the part of a word before its ground changes, names a key: a key bar's
    "1", "F10" or "^G" on its own ground before the key's label ("1Help", "F1Help"). Only there
    is a word cut: a search match or a selection colours part of a word ("Re|plant|ing"), and a
    heading's bold stems are no ground."""
    return 0 < len(text) <= 3 and not text.isalpha()  # (a digit read as "__l" too)


def _f_one(text: str) -> str | None:
    """``text`` as the function key "F1" (or "F10" to "F19") it was read for, its "1" taken for a
    letter ("Fi", "Fl", "FI"); None if it is none. Taken for one only on its own ground before a
    key's label, which begins with a capital ("FiHelp"; "Fi|nder" with "Fi" selected is a word)."""
    if (
        len(text) in (2, 3)
        and text[0] == "F"
        and text[1] in "ilI|!"
        and (len(text) == 2 or text[2].isdigit())
    ):
        return "F1" + text[2:]
    return None


def split_words(words: list[OcrWord], cuts: list[Cut]) -> list[OcrWord]:
    """``words`` (one line's, left to right) cut where their ground changes (:class:`Cut`) next to
    a key's name (:func:`_key_name`, the piece before or after the place): the characters each side
    of the place, the word's width shared evenly among its characters (a fixed-width font's
    cells)."""
    if not cuts:
        return words
    out: list[OcrWord] = []
    for word in words:
        x0, y0, x1, y1 = word.box
        mid = (y0 + y1) / 2
        n = len(word.text)
        pitch = (x1 - x0) / max(1, n)
        places: dict[int, int] = {}  # character index -> the cut's x
        for cut in (c for c in cuts if c.y0 <= mid < c.y1 and x0 < c.x < x1):
            at = round((cut.x - x0) / pitch) if pitch > 0 else 0
            if 0 < at < n:
                places.setdefault(at, cut.x)
        bounds = [0, *sorted(places), n]
        kept = [
            b
            for a, b, c in zip(bounds, bounds[1:], bounds[2:], strict=False)
            if _key_name(word.text[a:b])
            or _key_name(word.text[b:c])
            or (_f_one(word.text[a:b]) is not None and word.text[b:c][:1].isupper())
        ]
        if not kept:
            out.append(word)
            continue
        edges = [0, *kept, n]
        xs = [x0, *(places[b] for b in kept), x1]
        out += [
            OcrWord(_f_one(word.text[a:b]) or word.text[a:b], (xa, y0, xb, y1), word.confidence)
            for (a, b), (xa, xb) in zip(itertools.pairwise(edges), itertools.pairwise(xs), strict=True)
        ]
    return out
