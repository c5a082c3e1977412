"""Text-like ink in a picture, from the pixels alone: where letters are, whatever the engine read.

Ink is judged per cell of ``cell`` pixels: a cell where some row of pixels goes from light to
dark and back (or dark to light and back), with some column doing the same in the cell or next
to it. The edge between two flat areas (a window's border on the desktop, a button's face)
changes only once along any row or column, and a straight rule only across it, so neither
counts; the strokes of letters do. Also the rows of a place that hold one line each
(:func:`line_bands`) and a picture with words already read painted out (:func:`masked`). Used by
:mod:`assistant.ocr.second_look`.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from assistant.masks import dilate
from assistant.ocr.boxes import Box


def colour_codes(rgb: np.ndarray) -> np.ndarray:
    """(h, w, 3) uint8 -> (h, w) int32, one number per colour (a colour's runs and counts found with
    integer comparisons: :mod:`assistant.ocr.glyph_reading`'s cells, :mod:`assistant.ocr.bar_cells`'
    grounds)."""
    c = rgb.astype(np.int32)
    return (c[..., 0] << 16) | (c[..., 1] << 8) | c[..., 2]


def off_ground(part: np.ndarray) -> np.ndarray:
    """How far each pixel of ``part`` ``(h, w)`` lies from its ground, the median of its border: a
    word's or a line's ink stands out from it."""
    edge = np.concatenate([part[0], part[-1], part[:, 0], part[:, -1]])
    return np.abs(part - np.median(edge))


def _strokes(diff: np.ndarray, step: int) -> np.ndarray:
    """(n, m, k) differences along the last axis -> (n, m) whether both a rise and a fall occur."""
    return np.asarray((diff > step).any(axis=-1) & (diff < -step).any(axis=-1))


def ink_cells(gray: np.ndarray, cell: int, step: int, rules: np.ndarray | None = None) -> np.ndarray:
    """(rows, cols) bool over the cell grid: cells holding strokes (see the module docstring). A
    change next to a pixel of ``rules`` (2-D bool: table rules, key borders) is no stroke."""
    c = cell
    rows, cols = gray.shape[0] // c, gray.shape[1] // c
    g = gray[: rows * c, : cols * c].astype(np.int16).reshape(rows, c, cols, c)  # (rows, c, cols, c)
    dx, dy = np.diff(g, axis=3), np.diff(g, axis=1)
    if rules is not None:
        r = rules[: rows * c, : cols * c].reshape(rows, c, cols, c)
        dx = np.where(r[..., 1:] | r[..., :-1], 0, dx)
        dy = np.where(r[:, 1:] | r[:, :-1], 0, dy)
    across = np.asarray(_strokes(dx, step).any(axis=1))  # (rows, cols): some pixel row crosses a stroke
    down = np.asarray(_strokes(dy.transpose(0, 2, 3, 1), step).any(axis=2))  # (rows, cols): a column does
    # Either kind with the other in the cell or next to it: a small digit's stem and its foot or
    # flag often fall in neighbouring cells.
    return np.asarray((across & dilate(down, 1)) | (down & dilate(across, 1)))


def grown(mask: np.ndarray, reach: int) -> np.ndarray:
    """``mask`` (2-D bool) grown by ``reach`` pixels up, down, left and right."""
    out = mask.copy()
    for d in range(1, reach + 1):
        out[d:] |= mask[:-d]
        out[:-d] |= mask[d:]
        out[:, d:] |= mask[:, :-d]
        out[:, :-d] |= mask[:, d:]
    return out


def crossed(gray: np.ndarray, box: Box, step: int, rules: np.ndarray, bridge: bool = False) -> bool:
    """Lines (other than ``rules``) run out of ``box`` across its edge at two places or more: the
    corner where four keys or cells meet, not a letter on its own ground. ``bridge``: the ground
    on either side of a rule taken as one (inside a keypad; elsewhere a window's corner beside
    its title bar's icon still counts as crossed, and the icon is not read)."""
    x0, y0, x1, y1 = box

    def ring(a: np.ndarray) -> np.ndarray:
        part = a[y0:y1, x0:x1]
        return np.concatenate([part[0], part[1:, -1], part[-1, ::-1][1:], part[::-1, 0][1:]])

    grey = ring(gray).astype(np.int16)
    if bridge:
        # The rules on the ring left out, not counted as ground: where a rule changes the ground
        # (a calculator's display, darker than the window round it, ends under its "DEG") the
        # ring goes from the display over its border onto the window, and the border must not
        # cut that in two.
        grey = grey[~ring(rules)]
        off = np.abs(grey - np.median(grey)) > step if grey.size else np.zeros(0, dtype=bool)
    else:
        off = (np.abs(grey - np.median(grey)) > step) & ~ring(rules)
    starts = np.flatnonzero(off & ~np.roll(off, 1))
    return len(starts) >= 2


def line_bands(gray: np.ndarray, box: Box, step: int) -> list[tuple[int, int]]:
    """The rows of ``box`` (y0, y1 in image pixels) that hold one line of text each: runs of pixel
    rows with strokes, split at every row without any (a 6x10 terminal font leaves one or two
    between lines: split only at three, a place of six lines was read as one); slivers under 5
    pixels (the dot of an "i", the bars of "=", an underline) joined to the nearest run. A run
    with a bar of strokes down its whole height (:func:`_bar_columns`) is split again without it."""
    x0, y0, x1, y1 = box
    part = gray[y0:y1, x0:x1].astype(np.int16)
    diff = np.diff(part, axis=1)
    rows = _stroke_rows(diff, step)
    out: list[tuple[int, int]] = []
    for a, b in _runs(rows):
        bars = _bar_columns(diff[a:b], step)
        inner = _runs(_stroke_rows(diff[a:b, ~bars], step)) if bars.any() else []
        if inner:  # its rows judged without the bars, then grown back over letters they left out
            out += [(a + c, a + d) for c, d in _grown(inner, rows[a:b])]
        else:
            out.append((a, b))
    return [(y0 + a, y0 + b) for a, b in out if b - a >= 4]


def line_places(
    gray: np.ndarray, cells: np.ndarray, origin: tuple[int, int], cell: int, step: int, most: int
) -> list[Box]:
    """A part of ink too tall for one line (``cells``: its cells, (rows, cols) bool, its cell (0, 0)
    at ``origin`` on the picture's cell grid) cut into its lines (:func:`line_bands`), each as wide
    as the part's cells on its rows; a band taller than ``most`` (a picture's, no line's) is left
    out. A column of words the first engine left unread, one under another (a terminal's git log
    hashes in yellow beside their black subjects), joins from row to row into one part taller than
    a line: whole, it was taken for a keypad or a picture and never read."""
    c, (ox, oy) = cell, origin
    rows, cols = cells.shape
    out = []
    for a, b in line_bands(gray, (ox * c, oy * c, (ox + cols) * c, (oy + rows) * c), step):
        xs = np.flatnonzero(cells[max(0, a // c - oy) : max(0, -(-b // c) - oy)].any(axis=0))
        if xs.size and b - a <= most:
            out.append(((ox + int(xs[0])) * c, a, (ox + int(xs[-1]) + 1) * c, b))
    return out


def _stroke_rows(diff: np.ndarray, step: int) -> np.ndarray:
    """(h, w) horizontal differences -> (h,) whether each row crosses a stroke (a rise and a fall)."""
    return np.asarray((diff > step).any(axis=1) & (diff < -step).any(axis=1))


def _runs(rows: np.ndarray) -> list[tuple[int, int]]:
    """Runs of inked ``rows``, slivers joined to the nearest (see :func:`line_bands`)."""
    runs: list[list[int]] = []
    for y in np.flatnonzero(rows):
        if runs and y - runs[-1][1] < 1:
            runs[-1][1] = int(y) + 1
        else:
            runs.append([int(y), int(y) + 1])
    merged: list[list[int]] = []
    for k, run in enumerate(runs):
        gap = run[0] - merged[-1][1] if merged else 6
        # A sliver nearer the run below (an "i"'s dot) waits for it, and that run joins it.
        later = k + 1 < len(runs) and runs[k + 1][0] - run[1] < gap
        sliver, last_sliver = run[1] - run[0] < 5, bool(merged) and merged[-1][1] - merged[-1][0] < 5
        if gap < 6 and (last_sliver or (sliver and not later)):
            merged[-1][1] = run[1]
        else:
            merged.append(run)
    return [(a, b) for a, b in merged]


def _bar_columns(diff: np.ndarray, step: int, least: int = 20, share: float = 0.9) -> np.ndarray:
    """Columns of a place ``least`` rows tall or more with a stroke in nearly every row: a stippled
    strip or a rule beside the text (xmessage's scroll strip at the left of its lines), never a
    column of letters, whose lines leave gaps between them. Judged with them, the rows between
    the lines had ink and two light lines of an xmessage were read as one ("he emest is in he")."""
    if diff.shape[0] < least:
        return np.zeros(diff.shape[1], dtype=bool)
    strokes = np.abs(diff) > step  # (h, w - 1)
    pairs = strokes[:-1] | strokes[1:]  # a stipple's checkerboard changes every other row
    return np.asarray(pairs.mean(axis=0) >= share)


def _grown(runs: list[tuple[int, int]], every: np.ndarray) -> list[tuple[int, int]]:
    """``runs`` (of rows judged without bar columns) grown over the adjacent rows ``every`` marks
    inked, at most half way to the next run: a line whose ascenders lie only on full-height stems
    keeps them."""
    limits = [0, *((a[1] + b[0]) // 2 for a, b in pairwise(runs)), len(every)]
    out = []
    for k, (a, b) in enumerate(runs):
        while a > limits[k] and every[a - 1]:
            a -= 1
        while b < limits[k + 1] and every[b]:
            b += 1
        out.append((a, b))
    return out


def masked(rgb: np.ndarray, boxes: list[Box]) -> np.ndarray:
    """``rgb`` with each of ``boxes`` painted in the colour around it: a place cut next to a word
    already read does not read that word, or half of it, again."""
    out = rgb.copy()
    h, w = rgb.shape[:2]
    for x0, y0, x1, y1 in boxes:
        a0, b0, a1, b1 = max(0, x0 - 2), max(0, y0 - 2), min(w, x1 + 2), min(h, y1 + 2)
        ring = np.concatenate([rgb[b0, a0:a1], rgb[b1 - 1, a0:a1], rgb[b0:b1, a0], rgb[b0:b1, a1 - 1]])
        out[max(0, y0) : y1, max(0, x0) : x1] = np.median(ring, axis=0).astype(np.uint8)
    return out
