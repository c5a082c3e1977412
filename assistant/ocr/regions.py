"""Connected regions of a binary mask and their smallest rotated rectangles, in numpy.

Why here: the text detector's output (a text-probability map, :mod:`assistant.ocr.ppocr_detect`)
and the chart finder (:mod:`assistant.understand.pictures`) need each region as its runs and its
smallest rotated rectangle, as OpenCV's contours and ``minAreaRect`` gave (OpenCV alone was 173 MB of
the installed app, issue #19). The labelling itself (8-connected, as OpenCV's
``connectedComponentsWithStats(connectivity=8)``) is :func:`assistant.masks.label`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.masks import label


@dataclass(frozen=True)
class Region:
    """One 8-connected region: its runs (row, first column, end column exclusive)."""

    rows: np.ndarray  # (R,) int
    starts: np.ndarray  # (R,) int
    ends: np.ndarray  # (R,) int, exclusive

    @property
    def area(self) -> int:
        return int((self.ends - self.starts).sum())

    @property
    def box(self) -> tuple[int, int, int, int]:
        """x0, y0, x1, y1 with x1/y1 exclusive."""
        return (
            int(self.starts.min()),
            int(self.rows.min()),
            int(self.ends.max()),
            int(self.rows.max()) + 1,
        )

    def outline_points(self) -> np.ndarray:
        """(2R, 2) float: the first and last pixel centre of every run; their convex hull is the
        region's (what OpenCV's contour points span)."""
        left = np.stack([self.starts, self.rows], axis=1)
        right = np.stack([self.ends - 1, self.rows], axis=1)
        return np.concatenate([left, right]).astype(np.float64)


def regions(mask: np.ndarray) -> list[Region]:
    """The 8-connected regions of a (H, W) boolean mask, ordered by their first run (top, then left)."""
    mask = np.asarray(mask, dtype=bool)
    labels, count = label(mask, diagonal=True)
    if count == 0:
        return []
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    step = np.diff(padded, axis=1)  # (H, W + 1): +1 where a run starts, -1 after it ends
    rows, starts = np.nonzero(step == 1)
    _, ends = np.nonzero(step == -1)
    owner = labels[rows, starts]  # 1..count, numbered in the order of each region's first run
    order = np.argsort(owner, kind="stable")
    bounds = np.flatnonzero(np.diff(owner[order])) + 1
    return [Region(rows[group], starts[group], ends[group]) for group in np.split(order, bounds)]


def convex_hull(points: np.ndarray) -> np.ndarray:
    """(K, 2) hull of (N, 2) points, counter-clockwise in image coordinates (monotone chain)."""
    pts = np.unique(points, axis=0)  # sorted by x, then y
    if len(pts) <= 2:
        return pts

    def chain(seq: np.ndarray) -> list[np.ndarray]:
        out: list[np.ndarray] = []
        for p in seq:
            while len(out) >= 2:
                o, a = out[-2], out[-1]
                if (a[0] - o[0]) * (p[1] - o[1]) - (a[1] - o[1]) * (p[0] - o[0]) > 0:
                    break
                out.pop()
            out.append(p)
        return out

    lower, upper = chain(pts), chain(pts[::-1])
    return np.array(lower[:-1] + upper[:-1])


@dataclass(frozen=True)
class RotatedRect:
    """A rectangle at any angle: its centre, unit axis ``u`` (the one nearer the x axis), ``v`` at a
    right angle, and its half sizes along each."""

    centre: np.ndarray  # (2,)
    u: np.ndarray  # (2,)
    v: np.ndarray  # (2,)
    half_u: float
    half_v: float

    @property
    def short_side(self) -> float:
        return 2 * min(self.half_u, self.half_v)

    def grown(self, distance: float) -> RotatedRect:
        """The rectangle with every side moved out by ``distance`` (a rounded offset's bounding
        rectangle: what the detector's "unclip" gives for a rectangle)."""
        return RotatedRect(self.centre, self.u, self.v, self.half_u + distance, self.half_v + distance)

    def corners(self) -> np.ndarray:
        """(4, 2) corners: top-left, top-right, bottom-right, bottom-left (y down)."""
        du, dv = self.u * self.half_u, self.v * self.half_v
        c = self.centre
        pts = np.array([c - du - dv, c + du - dv, c + du + dv, c - du + dv])
        return order_corners(pts)


def order_corners(pts: np.ndarray) -> np.ndarray:
    """Four points as top-left, top-right, bottom-right, bottom-left: the two leftmost are the left
    side, each side's upper one first (as PP-OCR orders its boxes)."""
    by_x = pts[np.argsort(pts[:, 0], kind="stable")]
    left, right = by_x[:2], by_x[2:]
    tl, bl = left[np.argsort(left[:, 1], kind="stable")]
    tr, br = right[np.argsort(right[:, 1], kind="stable")]
    return np.array([tl, tr, br, bl], dtype=np.float64)


def min_area_rect(points: np.ndarray) -> RotatedRect:
    """The smallest rectangle holding (N, 2) points (rotating calipers over the convex hull)."""
    hull = convex_hull(np.asarray(points, dtype=np.float64))
    if len(hull) == 1:
        return RotatedRect(hull[0], np.array([1.0, 0.0]), np.array([0.0, 1.0]), 0.0, 0.0)
    edges = np.roll(hull, -1, axis=0) - hull  # (K, 2)
    lengths = np.hypot(edges[:, 0], edges[:, 1])
    keep = lengths > 0
    u = edges[keep] / lengths[keep, None]  # (E, 2) candidate axes, one per hull edge
    v = np.stack([-u[:, 1], u[:, 0]], axis=1)
    pu, pv = u @ hull.T, v @ hull.T  # (E, K) projections
    areas = (pu.max(1) - pu.min(1)) * (pv.max(1) - pv.min(1))
    best = int(np.argmin(areas))
    bu, bv = u[best], v[best]
    if abs(bu[0]) < abs(bu[1]):  # u: the axis nearer horizontal
        bu, bv = bv, bu
    if bu[0] < 0:
        bu = -bu
    if bv[1] < 0:
        bv = -bv
    su, sv = bu @ hull.T, bv @ hull.T
    centre = bu * (su.max() + su.min()) / 2 + bv * (sv.max() + sv.min()) / 2
    return RotatedRect(centre, bu, bv, (su.max() - su.min()) / 2, (sv.max() - sv.min()) / 2)
