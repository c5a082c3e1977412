"""Side panes: two panes of a window, each on a ground of its own, side by side, read one after the other.

A mail program's folder list ("Inbox 4", "Starred", "Sent", ...) stands on a grey pane beside the
white pane of its messages. Its entries drift only a few pixels against the messages' rows and the
gap between them is no wider than the table's own column gaps, so from the lines alone the folders
are the table's first column. What a reader sees is the ground: the folder list is one pane and the
messages another. So the lines are sorted by the colour they stand on (a ring of pixels just round
each line). Where, on the rows they share, the lines of one ground all lie left of those of
another, and each ground runs on unbroken down the side of its lines (a pane; not a dialog's entry
fields, which the dialog's ground parts), the two are laid out apart, left first, like columns. A
striped table's rows share their columns, so they are never two panes.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine

SAME = 12  # two grounds this close (sum over R, G, B) are one
MIN_LINES = 2  # lines of a ground on the rows the two panes share, for it to be a pane
UNBROKEN = 0.9  # a pane's ground shows beside its lines on at least this share of their rows
RULE = 3  # px: a break in a pane's ground this short is a rule across it (a table's row lines)
RING = 2  # px: how far outside a line's box its ground is sampled


def _ground(picture: Image.Image, box: Box) -> np.ndarray:
    """The colour ``box`` stands on: the median of a ring of pixels just outside it ((3,) int)."""
    x0 = min(picture.width - 2, max(0, box[0] - RING))
    y0 = min(picture.height - 2, max(0, box[1] - RING))
    x1 = max(x0 + 1, min(picture.width - 1, box[2] + RING))
    y1 = max(y0 + 1, min(picture.height - 1, box[3] + RING))
    px = np.asarray(picture.crop((x0, y0, x1 + 1, y1 + 1)))  # (h, w, 3), at least 2 x 2
    ring = np.concatenate([px[0, :-1], px[-1, :-1], px[:-1, 0], px[:-1, -1]])
    return np.median(ring, axis=0).astype(np.int32)


def _groups(grounds: list[np.ndarray]) -> list[list[int]]:
    """Indices of the lines on each ground (a line joins the first group whose first line's
    ground is within :data:`SAME` of its own)."""
    groups: list[list[int]] = []
    for i, g in enumerate(grounds):
        home = next((s for s in groups if int(np.abs(grounds[s[0]] - g).sum()) <= SAME), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


def _span(lines: list[OcrLine]) -> Box:
    return (
        min(ln.box[0] for ln in lines),
        min(ln.box[1] for ln in lines),
        max(ln.box[2] for ln in lines),
        max(ln.box[3] for ln in lines),
    )


def _rows(picture: Image.Image, span: Box, ground: np.ndarray) -> tuple[int, int] | None:
    """The rows a pane's ``ground`` runs down, in the column just left of its lines' ``span``: None
    when it does not show there on most of the span's rows; else from the span as far up and down
    as it runs on, over breaks as short as a rule."""
    x = span[0] - 2 * RING
    if x < 0:
        return None
    column = np.asarray(picture.crop((x, 0, x + 1, picture.height)))[:, 0].astype(np.int32)  # (H, 3)
    on = np.abs(column - ground).sum(axis=1) <= SAME  # (H,)
    top, foot = span[1], span[3]
    if on[top:foot].mean() < UNBROKEN:
        return None
    for start, end in true_runs(~on):
        if end - start <= RULE:
            on[start:end] = True
    off = np.flatnonzero(~on)
    above, below = off[off < top], off[off >= foot]
    return (int(above[-1]) + 1 if len(above) else 0), (int(below[0]) if len(below) else len(on))


def side_panes(lines: list[OcrLine], picture: Image.Image) -> tuple[list[OcrLine], list[OcrLine]] | None:
    """The lines of two side panes (left, right), or None when ``lines`` hold none (see the module
    docstring). ``picture``: the screen they were read from (only pixels round the lines are looked
    at). A line on neither ground (a highlighted entry) goes with the pane whose sides it lies
    within, on the panes' rows; a line there that lies within neither means there are no two panes."""
    if len(lines) < 2 * MIN_LINES:
        return None
    picture = picture if picture.mode == "RGB" else picture.convert("RGB")
    grounds = [_ground(picture, ln.box) for ln in lines]
    groups = [[lines[i] for i in g] for g in _groups(grounds)]
    colours = [grounds[g[0]] for g in _groups(grounds)]
    for a, (left_lines, left_ground) in enumerate(zip(groups, colours, strict=True)):
        for b, (right_lines, right_ground) in enumerate(zip(groups, colours, strict=True)):
            if a == b or len(left_lines) < MIN_LINES or len(right_lines) < MIN_LINES:
                continue
            shared = _shared(left_lines, right_lines)
            if shared is None:
                continue
            left, right = _span(shared[0]), _span(shared[1])
            if left[2] >= right[0]:
                continue
            left_rows, right_rows = _rows(picture, left, left_ground), _rows(picture, right, right_ground)
            if left_rows is None or right_rows is None:
                continue
            rows = (min(left_rows[0], right_rows[0]), max(left_rows[1], right_rows[1]))
            split = _split(lines, left, right, rows)
            if split is not None:
                return split
    return None


def _shared(a: list[OcrLine], b: list[OcrLine]) -> tuple[list[OcrLine], list[OcrLine]] | None:
    """Of lines ``a`` and ``b``, those on the rows both hold lines on (None: fewer than
    :data:`MIN_LINES` of either): a pane's lines, without the like-grounded buttons of a toolbar
    above it."""
    top = max(min(ln.box[1] for ln in a), min(ln.box[1] for ln in b))
    foot = min(max(ln.box[3] for ln in a), max(ln.box[3] for ln in b))
    on_a = [ln for ln in a if top <= (ln.box[1] + ln.box[3]) / 2 <= foot]
    on_b = [ln for ln in b if top <= (ln.box[1] + ln.box[3]) / 2 <= foot]
    return (on_a, on_b) if len(on_a) >= MIN_LINES and len(on_b) >= MIN_LINES else None


def _split(
    lines: list[OcrLine], left: Box, right: Box, rows: tuple[int, int]
) -> tuple[list[OcrLine], list[OcrLine]] | None:
    """``lines`` on the panes' ``rows``, each given to the pane whose sides (``left``, ``right``:
    the spans of its lines) it lies within, a line's height of slack; None when one lies within
    neither: it runs across both, or the panes' rows hold more than the two (a boxed note in a
    page's column beside the other column, with the rest of its column above it, is no pane)."""
    border = (left[2] + right[0]) / 2
    out: tuple[list[OcrLine], list[OcrLine]] = ([], [])
    for line in lines:
        x0, y0, x1, y1 = line.box
        if not rows[0] <= (y0 + y1) / 2 <= rows[1]:
            continue
        high = y1 - y0
        if left[0] - high <= x0 and x1 <= border:
            out[0].append(line)
        elif border <= x0 and x1 <= right[2] + high:
            out[1].append(line)
        else:
            return None
    return out
