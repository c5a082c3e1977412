"""PP-OCR text detection around the ONNX model: the picture in, text-line boxes out.

The detector (a DB network) gives a text-probability map; its post-processing, as RapidOCR 3 does it
with OpenCV, is done here with numpy (issue #19: no OpenCV in the installed app): the map is
thresholded and dilated, each connected region's smallest rotated rectangle is kept when the mean
probability inside it is high enough, and is grown ("unclipped") by area * ratio / perimeter, since
the network marks a shrunk core of each line. Constants are RapidOCR's (its config.yaml, Det).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image

from assistant.ocr.regions import RotatedRect, min_area_rect, order_corners, regions


@dataclass(frozen=True)
class DetectConfig:
    limit_side_len: int = 736  # the shorter side is brought up to this (limit_type "min")
    thresh: float = 0.3  # a pixel is text when its probability is above this
    box_thresh: float = 0.5  # a region is kept when its box's mean probability is at least this
    max_candidates: int = 1000
    unclip_ratio: float = 1.6
    min_size: int = 3  # regions whose short side is below this are dropped
    line_rows: int = 10  # boxes whose tops differ by less than this are one row when sorting


def _axis_weights(src: int, dst: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each output index: the two source indices and their fixed-point weights (x 2048), as
    OpenCV's INTER_LINEAR computes them (pixel centres aligned, edges clamped, no anti-aliasing)."""
    pos = ((np.arange(dst, dtype=np.float64) + 0.5) * (src / dst) - 0.5).astype(np.float32)
    lo = np.floor(pos)
    frac = (pos - lo).astype(np.float32)
    lo = lo.astype(np.int64)
    frac[lo < 0] = 0.0
    lo = np.clip(lo, 0, src - 1)
    frac[lo >= src - 1] = 0.0
    hi = np.minimum(lo + 1, src - 1)
    return lo, hi, np.rint((1 - frac) * 2048).astype(np.int32), np.rint(frac * 2048).astype(np.int32)


def resize_linear(img: np.ndarray, width: int, height: int) -> np.ndarray:
    """(H, W, C) uint8 -> (height, width, C) uint8, bilinear with OpenCV's fixed-point arithmetic
    (``cv2.resize``: rows first, then columns), so the models see what RapidOCR gave them (within
    one grey level on a few pixels in a hundred)."""
    if (height, width) == img.shape[:2]:
        return img
    if width == img.shape[1]:
        rows = (img.astype(np.int32) << 11) >> 4  # (H, W, C): the weights' 2048 in, 4 bits out
    else:
        lo, hi, a0, a1 = _axis_weights(img.shape[1], width)
        rows = (img[:, lo].astype(np.int32) * a0[None, :, None] + img[:, hi] * a1[None, :, None]) >> 4
    lo, hi, b0, b1 = _axis_weights(img.shape[0], height)
    out = ((rows[lo] * b0[:, None, None]) >> 16) + ((rows[hi] * b1[:, None, None]) >> 16)
    out += 2
    out >>= 2
    return np.clip(out, 0, 255).astype(np.uint8)


def detector_input(img: np.ndarray, cfg: DetectConfig) -> np.ndarray | None:
    """(H, W, 3) uint8 -> (1, 3, H', W') float32, sides multiples of 32, values in -1..1; None when
    the picture is too small to detect in."""
    h, w = img.shape[:2]
    ratio = cfg.limit_side_len / min(h, w) if min(h, w) < cfg.limit_side_len else 1.0
    rh = round(int(h * ratio) / 32) * 32
    rw = round(int(w * ratio) / 32) * 32
    if rh <= 0 or rw <= 0:
        return None
    resized = resize_linear(img, rw, rh).astype(np.float32)
    x = (resized * (1 / 255.0) - 0.5) / 0.5
    return x.transpose(2, 0, 1)[None].astype(np.float32)


def _box_score(prob: np.ndarray, corners: np.ndarray) -> float:
    """Mean probability inside the box (corners clockwise on screen), over the pixels of its
    bounding rectangle that lie inside it (borders included)."""
    h, w = prob.shape
    x0 = int(np.clip(np.floor(corners[:, 0].min()), 0, w - 1))
    x1 = int(np.clip(np.ceil(corners[:, 0].max()), 0, w - 1))
    y0 = int(np.clip(np.floor(corners[:, 1].min()), 0, h - 1))
    y1 = int(np.clip(np.ceil(corners[:, 1].max()), 0, h - 1))
    patch = prob[y0 : y1 + 1, x0 : x1 + 1]
    pts = np.trunc(corners - [x0, y0])
    ys, xs = np.mgrid[0 : patch.shape[0], 0 : patch.shape[1]]
    inside = np.ones(patch.shape, dtype=bool)
    for i in range(4):
        (ax, ay), (bx, by) = pts[i], pts[(i + 1) % 4]
        length = math.hypot(bx - ax, by - ay)
        if length == 0:
            continue
        # Clockwise on screen (y down): inside is where the cross product is >= 0, half a pixel of slack.
        inside &= ((bx - ax) * (ys - ay) - (by - ay) * (xs - ax)) / length >= -0.5
    return float(patch[inside].mean()) if inside.any() else 0.0


def _rect_corners(rect: RotatedRect, src: tuple[int, int], dest: tuple[int, int]) -> np.ndarray:
    """The rectangle's corners moved from the probability map to the picture (rounded, clipped)."""
    (w, h), (dw, dh) = src, dest
    pts = rect.corners()
    pts[:, 0] = np.clip(np.round(pts[:, 0] / w * dw), 0, dw)
    pts[:, 1] = np.clip(np.round(pts[:, 1] / h * dh), 0, dh)
    return pts.astype(np.int32)


def text_boxes(
    pred: np.ndarray, dest_w: int, dest_h: int, cfg: DetectConfig
) -> tuple[np.ndarray, list[float]]:
    """The detector's (1, 1, H', W') probability map -> (N, 4, 2) float32 boxes on a dest_w x dest_h
    picture (top-left, top-right, bottom-right, bottom-left), in reading order, and their scores."""
    prob = pred[0, 0]  # (H', W')
    h, w = prob.shape
    mask = prob > cfg.thresh
    mask[1:] |= mask[:-1].copy()  # OpenCV's dilation by a 2x2 kernel (anchor at its centre)
    mask[:, 1:] |= mask[:, :-1].copy()
    boxes, scores = [], []
    for region in regions(mask)[: cfg.max_candidates]:
        rect = min_area_rect(region.outline_points())
        if rect.short_side < cfg.min_size:
            continue
        score = _box_score(prob, rect.corners())
        if score < cfg.box_thresh:
            continue
        # Unclip: the offset's distance is area * ratio / perimeter of the box.
        side_u, side_v = 2 * rect.half_u, 2 * rect.half_v
        grown = rect.grown(side_u * side_v * cfg.unclip_ratio / max(2 * (side_u + side_v), 1e-6))
        if grown.short_side < cfg.min_size + 2:
            continue
        pts = order_corners(_rect_corners(grown, (w, h), (dest_w, dest_h)).astype(np.float64))
        pts[:, 0] = np.clip(pts[:, 0], 0, dest_w - 1).astype(int)
        pts[:, 1] = np.clip(pts[:, 1], 0, dest_h - 1).astype(int)
        if int(np.linalg.norm(pts[0] - pts[1])) <= 3 or int(np.linalg.norm(pts[0] - pts[3])) <= 3:
            continue
        boxes.append(pts.astype(np.float32))
        scores.append(score)
    if not boxes:
        return np.zeros((0, 4, 2), dtype=np.float32), []
    order = reading_order(np.array(boxes), cfg.line_rows)
    return np.array(boxes)[order], [scores[i] for i in order]


def reading_order(boxes: np.ndarray, line_rows: int) -> np.ndarray:
    """Indices of (N, 4, 2) boxes top to bottom, then left to right within a row (a new row starts
    where the next top-left corner is ``line_rows`` or more lower), as RapidOCR sorts them."""
    by_y = np.argsort(boxes[:, 0, 1], kind="stable")
    ys = boxes[by_y, 0, 1]
    row = np.concatenate([[0], np.cumsum(np.diff(ys) >= line_rows)])
    return by_y[np.lexsort((boxes[by_y, 0, 0], row))]


def crop_line(img: np.ndarray, box: np.ndarray) -> np.ndarray:
    """The (h, w, 3) picture of one text line: the box cut out and straightened; a tall narrow one
    is turned a quarter left, as RapidOCR does (vertical text)."""
    width = int(max(np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[2] - box[3])))
    height = int(max(np.linalg.norm(box[0] - box[3]), np.linalg.norm(box[1] - box[2])))
    width, height = max(width, 1), max(height, 1)
    x0, y0 = int(box[0, 0]), int(box[0, 1])
    upright = box[0, 1] == box[1, 1] and box[0, 0] == box[3, 0] and box[1, 0] - box[0, 0] == width
    if upright and box[3, 1] - box[0, 1] == height:
        crop = img[y0 : y0 + height, x0 : x0 + width]
        if crop.shape[:2] != (height, width):  # at the picture's edge: the border repeated
            short = ((0, height - crop.shape[0]), (0, width - crop.shape[1]), (0, 0))
            crop = np.pad(crop, short, mode="edge")
    else:
        crop = _warp(img, box, width, height)
    if crop.shape[0] / crop.shape[1] >= 1.5:
        crop = np.rot90(crop)
    return crop


def _warp(img: np.ndarray, box: np.ndarray, width: int, height: int) -> np.ndarray:
    """A tilted box straightened by the perspective map that takes its corners to the output's."""
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)
    rows = []
    rhs = []
    for (x, y), (u, v) in zip(target, box.astype(np.float64), strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.extend([u, v])
    try:
        coeffs = np.linalg.solve(np.array(rows), np.array(rhs))
    except np.linalg.LinAlgError:
        x0, y0 = np.floor(box.min(axis=0)).astype(int)
        return img[y0 : y0 + height, x0 : x0 + width]
    out = Image.fromarray(np.ascontiguousarray(img)).transform(
        (width, height), Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BICUBIC
    )
    return np.asarray(out)
