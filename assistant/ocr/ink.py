"""Text-like ink in a picture, from the pixels alone: where letters are, whatever the engine read.

Ink is judged per cell of ``cell`` pixels: a cell where some row of pixels goes from light to
dark and back (or dark to light and back), with some column doing the same in the cell or next
to it. The edge between two flat areas (a window's border on the desktop, a button's face)
changes only once along any row or column, and a straight rule only across it, so neither
counts; the strokes of letters do. Used by :mod:`assistant.ocr.second_look`.
"""

from __future__ import annotations

import numpy as np

from assistant.masks import dilate
from assistant.ocr.boxes import Box


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


def crossed(gray: np.ndarray, box: Box, step: int, rules: np.ndarray) -> bool:
    """Lines (other than ``rules``) run out of ``box`` across its edge at two places or more: the
    corner where four keys or cells meet, not a letter on its own ground."""
    x0, y0, x1, y1 = box

    def ring(a: np.ndarray) -> np.ndarray:
        part = a[y0:y1, x0:x1]
        return np.concatenate([part[0], part[1:, -1], part[-1, ::-1][1:], part[::-1, 0][1:]])

    grey = ring(gray).astype(np.int16)
    off = (np.abs(grey - np.median(grey)) > step) & ~ring(rules)
    starts = np.flatnonzero(off & ~np.roll(off, 1))
    return len(starts) >= 2
