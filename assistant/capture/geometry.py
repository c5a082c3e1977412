"""Rectangle arithmetic for captures: clipping to the screen and placing the square around the pointer."""

from __future__ import annotations

from collections.abc import Iterable

#: ``(x, y, width, height)`` in screen coordinates (the virtual desktop spanning all monitors).
Rect = tuple[int, int, int, int]


def intersect(a: Rect, b: Rect) -> Rect | None:
    """The overlap of two rectangles, or ``None`` when they do not overlap."""
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if right <= left or bottom <= top:
        return None
    return (left, top, right - left, bottom - top)


def union(rects: Iterable[Rect]) -> Rect:
    """The bounding box of several rectangles (the virtual desktop of several monitors)."""
    boxes = list(rects)
    if not boxes:
        raise ValueError("union() of no rectangles")
    left = min(r[0] for r in boxes)
    top = min(r[1] for r in boxes)
    right = max(r[0] + r[2] for r in boxes)
    bottom = max(r[1] + r[3] for r in boxes)
    return (left, top, right - left, bottom - top)


def contains(rect: Rect, x: int, y: int) -> bool:
    return rect[0] <= x < rect[0] + rect[2] and rect[1] <= y < rect[1] + rect[3]


def area(rect: Rect) -> int:
    return rect[2] * rect[3]


def square_around(x: int, y: int, size: int, bounds: Rect) -> Rect:
    """A ``size`` x ``size`` square centred on ``(x, y)``, slid (not cut) to stay inside ``bounds``.

    Near an edge the square keeps its full size and the pointer moves off-centre, so the model always
    sees the same amount of context; only a monitor smaller than ``size`` makes it smaller.
    """
    width, height = min(size, bounds[2]), min(size, bounds[3])
    left = min(max(x - width // 2, bounds[0]), bounds[0] + bounds[2] - width)
    top = min(max(y - height // 2, bounds[1]), bounds[1] + bounds[3] - height)
    return (left, top, width, height)
