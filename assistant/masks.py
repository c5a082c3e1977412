"""Connected regions of a binary mask, in numpy alone (no OpenCV, no SciPy), their boxes, and dilation.

One home for "which pixels hang together", used by the text detector's post-processing
(:mod:`assistant.ocr.regions`, :mod:`assistant.ocr.ppocr_detect`), the chart finder
(:mod:`assistant.understand.pictures`) and diagrams (:mod:`assistant.understand.diagrams`): the
regions between outlines (a flowchart's boxes), the strokes that join them (arrows), the rows of ink
(a receipt's lines), a text-probability map's blobs. OpenCV left the runtime dependencies (173 MB,
issue #19), so labelling is done here on runs: each row's runs of set pixels are found at once with
numpy, runs of neighbouring rows that touch are paired with ``searchsorted``, and the pairs are
merged by pointer jumping. A 640-pixel picture takes a few milliseconds.
"""

from __future__ import annotations

import numpy as np

Box = tuple[int, int, int, int]  # x0, y0, x1, y1, x1/y1 exclusive


def runs_by_row(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each row's runs of one non-zero value: (row, start, end, value) arrays, end exclusive, sorted
    by row and start. The 2-D twin of :func:`true_runs`, all rows at once (a bool mask's runs of
    True: a picture's title-bar edges, row by row)."""
    height, width = values.shape
    padded = np.zeros((height, width + 2), dtype=np.int64)
    padded[:, 1:-1] = values
    change = padded[:, 1:] != padded[:, :-1]  # (H, W + 1): a run of some value starts or ends here
    rows, cuts = np.nonzero(change)
    # Between consecutive cuts of one row lies a run (of zero or of a value); keep the non-zero ones.
    same_row = rows[:-1] == rows[1:]
    starts, ends, at = cuts[:-1][same_row], cuts[1:][same_row], rows[:-1][same_row]
    value = values[at, starts] if len(at) else np.zeros(0, dtype=np.int64)
    keep = value != 0
    return at[keep], starts[keep], ends[keep], value[keep]


def true_runs(mask: np.ndarray, min_len: int = 1) -> list[tuple[int, int]]:
    """(start, end) of the runs of True in the 1-D ``mask``, end exclusive, at least ``min_len``
    long: a title bar's edge in a row of steps, a table's columns in its rows' cover."""
    d = np.diff(np.concatenate(([0], np.asarray(mask, dtype=np.int8), [0])))
    starts, ends = np.flatnonzero(d == 1), np.flatnonzero(d == -1)
    keep = ends - starts >= min_len
    return list(zip(starts[keep].tolist(), ends[keep].tolist(), strict=True))


def _touching_pairs(
    rows: np.ndarray, starts: np.ndarray, ends: np.ndarray, width: int, diagonal: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (a, b) of runs in consecutive rows that touch (8- or 4-connected)."""
    span = width + 2
    reach = 1 if diagonal else 0
    key_start = rows * span + starts
    key_end = rows * span + ends
    above = rows - 1  # the row each run looks up into
    lo = np.searchsorted(key_end, above * span + starts - reach, side="right")  # ends > start - reach
    hi = np.searchsorted(key_start, above * span + ends + reach, side="left")  # starts < end + reach
    valid = (rows > 0) & (hi > lo)
    counts = np.where(valid, hi - lo, 0)
    if counts.sum() == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    b = np.repeat(np.arange(len(rows)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    a = np.repeat(lo, counts) + offsets
    keep = rows[a] == above[b]  # the search ranges can only hold the row above, but be sure
    return a[keep], b[keep]


def label(mask: np.ndarray, diagonal: bool = True) -> tuple[np.ndarray, int]:
    """Labels (H, W) int32, 0 for unset pixels and 1..count for each connected region, and count.

    ``mask``: booleans, or integers where neighbours join only when equal (0: unset), so that flat
    colour regions of many colours are labelled in one pass. ``diagonal``: 8-connected (strokes,
    ink); otherwise 4-connected (regions between outlines, which must not leak through a one-pixel
    diagonal gap)."""
    values = np.asarray(mask)
    height, width = values.shape
    labels = np.zeros((height, width), dtype=np.int32)
    rows, starts, ends, value = runs_by_row(values.astype(np.int64))
    if len(rows) == 0:
        return labels, 0
    a, b = _touching_pairs(rows, starts, ends, width, diagonal)
    same = value[a] == value[b]
    a, b = a[same], b[same]
    parent = np.arange(len(rows))
    while True:  # pointer jumping: every run ends up pointing at the smallest run of its region
        low = np.minimum(parent[a], parent[b])
        before = parent.copy()
        np.minimum.at(parent, parent[a], low)
        np.minimum.at(parent, parent[b], low)
        parent = parent[parent]
        parent = parent[parent]
        if np.array_equal(parent, before):
            break
    roots, region = np.unique(parent, return_inverse=True)
    lengths = ends - starts
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    labels.reshape(-1)[np.repeat(rows * width + starts, lengths) + offsets] = np.repeat(region + 1, lengths)
    return labels, len(roots)


def regions(labels: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Per label 1..count: pixel counts (count,) and boxes (count, 4) as x0, y0, x1, y1."""
    ys, xs = np.nonzero(labels)
    ids = labels[ys, xs] - 1
    areas = np.bincount(ids, minlength=count)
    boxes = np.zeros((count, 4), dtype=np.int64)
    boxes[:, 0] = boxes[:, 1] = np.iinfo(np.int64).max
    np.minimum.at(boxes[:, 0], ids, xs)
    np.minimum.at(boxes[:, 1], ids, ys)
    np.maximum.at(boxes[:, 2], ids, xs + 1)
    np.maximum.at(boxes[:, 3], ids, ys + 1)
    return areas, boxes


def dilate(mask: np.ndarray, radius: int) -> np.ndarray:
    """A binary mask grown by ``radius`` pixels (a square)."""
    grown = _max_shift(_max_shift(np.asarray(mask, dtype=np.uint8), radius, 0), radius, 1)
    return grown.astype(bool)


def _max_shift(out: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """The maximum over a window of 2 * radius + 1 along ``axis``, in log2(radius) doubling steps."""
    reach = 0
    while reach < radius:
        step = min(reach + 1, radius - reach)  # the window grows by 2 * step
        grown = out.copy()
        if axis == 0:
            np.maximum(grown[step:], out[:-step], out=grown[step:])
            np.maximum(grown[:-step], out[step:], out=grown[:-step])
        else:
            np.maximum(grown[:, step:], out[:, :-step], out=grown[:, step:])
            np.maximum(grown[:, :-step], out[:, step:], out=grown[:, :-step])
        out, reach = grown, reach + step
    return out


def grow_labels(labels: np.ndarray, radius: int) -> np.ndarray:
    """A label map whose regions are grown by ``radius`` pixels (a square) into unlabelled ground;
    where two grow into the same pixel the larger label wins (diagram shapes stand far apart)."""
    grown = _max_shift(_max_shift(labels, radius, 0), radius, 1)
    return np.where(labels > 0, labels, grown)
