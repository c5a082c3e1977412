"""Outlines drawn round text (a key's rounded border, a field's box, a clock's dial) and stippled
ground, found in a tangle of ink so that the labels inside can be read one by one.

:mod:`assistant.ocr.second_look` finds text-like ink per cell of 8 pixels. On a keypad the keys'
borders are ink too, and with a few pixels between keys every key joins its neighbours: the whole
keypad is one place, too tall to be a line of text, and none of its labels was read (xcalc: 2 of
55 keys). Athena's stippled ground (one dark pixel in four, xcalc in colour) makes every cell ink.
Here a stipple dot is a pixel darker (or lighter) than all eight neighbours; an outline is a thin
connected line of dark pixels whose box is bigger than a letter and holds something else inside
(its label, the dial's numbers): a letter "O" holds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.masks import Box, label, regions

Tidied = tuple[Box, np.ndarray]  # a part of the picture (image pixels) and its grey pixels tidied


@dataclass(frozen=True)
class FrameConfig:
    step: int = 24  # grey levels: a dot or a line this much darker than its ground
    reach: int = 2  # pixels: a line's ground is the lightest pixel this far away (lines up to 4 wide)
    min_side: int = 12  # pixels: an outline's box is at least this wide and tall
    thickness: float = 3.0  # pixels: the most an outline's pixels per pixel of its box's perimeter
    # A letter in a line of text, not an outline: a part of its height (within ``same_height`` of
    # it, its top as near) stands within ``beside`` of its height to its side.
    beside: float = 1.2
    same_height: float = 0.2
    letter_width: float = 0.9  # (both no wider than this share of their height)


def _neighbours(gray: np.ndarray) -> np.ndarray:
    """(8, h, w): each pixel's eight neighbours (mirrored at the edges)."""
    p = np.pad(gray, 1, mode="reflect")
    h, w = gray.shape
    shifts = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx]
    return np.stack([p[1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w] for dy, dx in shifts])


def despeckled(gray: np.ndarray, step: int = 24) -> np.ndarray:
    """``gray`` with every pixel darker than all eight neighbours by more than ``step`` (a stipple
    dot) set to the darkest of them, and every one lighter than all set to the lightest. Strokes of
    letters, even one pixel wide, have a neighbour of their own colour and stay."""
    g = gray.astype(np.int16)
    near = _neighbours(g)
    lo, hi = near.min(axis=0), near.max(axis=0)
    out = np.where(g < lo - step, lo, g)
    out = np.where(g > hi + step, hi, out)
    return out.astype(np.uint8)


def lightest(gray: np.ndarray, reach: int) -> np.ndarray:
    """The lightest pixel within ``reach`` pixels (a square) of each pixel."""
    out = gray
    for axis in (0, 1):
        padded = np.pad(out, [(reach, reach) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
        n = out.shape[axis]
        out = np.max([np.take(padded, range(k, k + n), axis=axis) for k in range(2 * reach + 1)], axis=0)
    return out


def frame_mask(gray: np.ndarray, cfg: FrameConfig | None = None) -> np.ndarray:
    """(h, w) bool: the pixels of outlines round text in ``gray`` (dark lines on light ground;
    light lines on a dark ground when most of it is dark)."""
    labels, outlines, _ = _rings(gray, cfg or FrameConfig())
    return np.isin(labels, outlines)


def ring_letters(gray: np.ndarray, cfg: FrameConfig | None = None) -> np.ndarray:
    """(h, w) bool: the pixels of letters that hold something, as an outline does (a dotted zero),
    told from outlines by the letters beside them (:func:`_in_a_line`)."""
    labels, _, letters = _rings(gray, cfg or FrameConfig())
    return np.isin(labels, letters)


def _rings(gray: np.ndarray, cfg: FrameConfig) -> tuple[np.ndarray, list[int], list[int]]:
    """The thin dark parts of ``gray`` labelled, and the labels of those holding something: the
    outlines, and the letters in a line of text (:func:`_in_a_line`)."""
    g = gray.astype(np.int16)
    if float(np.median(g)) < 128:
        g = 255 - g
    lines = (lightest(g, cfg.reach) - g) > cfg.step  # thin dark structures: strokes and outlines
    labels, count = label(lines)
    if count == 0:
        return labels, [], []
    areas, boxes = regions(labels, count)  # (n,), (n, 4): x0, y0, x1, y1 exclusive
    w, h = boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]
    thin = (w >= cfg.min_side) & (h >= cfg.min_side) & (areas <= cfg.thickness * 2 * (w + h))
    outlines: list[int] = []
    letters: list[int] = []
    for i in np.flatnonzero(thin):
        if _within(boxes, boxes[i]).any():  # (labels count from 1)
            (letters if _in_a_line(boxes, int(i), cfg) else outlines).append(int(i) + 1)
    return labels, outlines, letters


def _in_a_line(boxes: np.ndarray, i: int, cfg: FrameConfig) -> bool:
    """Whether part ``i`` (of ``boxes`` ``(n, 4)``) is a letter in a line of text: a character of
    its height stands beside it (rows shared, within ``beside`` of its height), holding nothing. A
    display's "0.5" in DejaVu Sans Mono draws its zero with a dot inside, which is an outline with
    something in it to the test above; a key's border has no such neighbour (the keys beside it
    hold their labels)."""
    x0, y0, x1, y1 = boxes[i]
    h = y1 - y0
    if x1 - x0 > cfg.letter_width * h:
        return False  # wider than a letter: a key, a field
    bw, bh = boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]
    gap = np.maximum(boxes[:, 0] - x1, x0 - boxes[:, 2])  # (n,) columns between, negative: overlap
    near = (gap >= 0) & (gap <= cfg.beside * h)
    near &= (np.abs(bh - h) <= cfg.same_height * h) & (np.abs(boxes[:, 1] - y0) <= cfg.same_height * h)
    near &= bw <= cfg.letter_width * bh  # a character, not a rule or a key (cut off its label)
    return any(not _within(boxes, boxes[k]).any() for k in np.flatnonzero(near))


def _within(boxes: np.ndarray, box: np.ndarray | Box) -> np.ndarray:
    """(n,) bool: which of ``boxes`` ``(n, 4)`` lie inside ``box``, clear of all its sides."""
    x0, y0, x1, y1 = box
    return (boxes[:, 0] > x0) & (boxes[:, 1] > y0) & (boxes[:, 2] < x1) & (boxes[:, 3] < y1)


def filled_faces(
    gray: np.ndarray, cfg: FrameConfig | None = None, flat: int = 10
) -> list[tuple[Box, np.ndarray]]:
    """Keys drawn as faces of their own colour (xcalc's coloured HP keys, white labels on steel
    blue or peru, a 1-pixel dark rim): no thin outline stands out from them (the fill round a light
    label is as dark as the rim), so :func:`frame_mask` finds none. A face is a region of even grey
    (each pixel within ``flat`` levels of its four neighbours: a gradient's steps pass) of a key's
    size, mostly filled (its label's strokes are holes in it) and of another grey than the ground
    round it (a table's cells are not: the cells beside them are theirs). Returns each face's box
    and, within it, the pixels outside the face (its rounded corners, the rim): no label there."""
    cfg = cfg or FrameConfig()
    g = gray.astype(np.int16)
    # Judged at half size (2x2 means: a key's face is 6 pixels or more; a 1-pixel stroke still
    # breaks the evenness), a quarter of the pixels to label. A face's box then stops a pixel or
    # two short of its rim: its ground is looked at 5 pixels out.
    h2, w2 = g.shape[0] // 2, g.shape[1] // 2
    half = g[: 2 * h2, : 2 * w2].reshape(h2, 2, w2, 2).sum(axis=(1, 3)) // 4
    even = np.ones(half.shape, dtype=bool)
    dx, dy = np.abs(np.diff(half, axis=1)) <= flat, np.abs(np.diff(half, axis=0)) <= flat
    even[:, 1:] &= dx
    even[:, :-1] &= dx
    even[1:] &= dy
    even[:-1] &= dy
    labels, count = label(even, diagonal=False)
    if count == 0:
        return []
    # Boxes only for regions of a key's area (the ground round the keys is most of the pixels).
    side = cfg.min_side // 2
    areas = np.bincount(labels.ravel(), minlength=count + 1)
    sized = (areas >= side * side // 2) & (areas <= 0.5 * half.size)
    sized[0] = False
    keep = np.flatnonzero(sized)
    if keep.size == 0:
        return []
    index = np.zeros(count + 1, dtype=np.int64)
    index[keep] = np.arange(1, keep.size + 1)
    _, boxes = regions(index[labels], keep.size)
    areas = areas[keep]
    w, h = boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]
    keyish = (w >= side) & (h >= side) & (areas >= 0.35 * w * h)
    # Whole within the part: one cut at its edge is no key's face (a button running out of a
    # keypad's area, read "Cont" for "Continue to payment").
    keyish &= _within(boxes, (0, 0, half.shape[1], half.shape[0]))
    out = []
    for i in np.flatnonzero(keyish):
        x0, y0, x1, y1 = boxes[i].tolist()
        face = np.repeat(np.repeat(labels[y0:y1, x0:x1] == keep[i], 2, axis=0), 2, axis=1)
        box = (2 * x0, 2 * y0, 2 * x1, 2 * y1)
        pixels = g[box[1] : box[3], box[0] : box[2]]
        ground = float(np.median(pixels[face]))
        if abs(ground - _around(g, box, 5)) > cfg.step:
            # At full size, the face is its own grey (a bevel line along its edge is not).
            out.append((box, _outside(face & (np.abs(pixels - ground) <= flat))))
    return out


def _around(g: np.ndarray, box: Box, d: int) -> float:
    """The median grey ``d`` pixels outside ``box``'s sides (where they lie in ``g``): a key's
    face stands out from its ground; a table's cell is the grey of the cells beside it."""
    x0, y0, x1, y1 = box
    h, w = g.shape
    strips = [g[y, x0:x1] for y in (y0 - d, y1 - 1 + d) if 0 <= y < h]
    strips += [g[y0:y1, x] for x in (x0 - d, x1 - 1 + d) if 0 <= x < w]
    return float(np.median(np.concatenate(strips))) if strips else float(np.median(g))


def _outside(face: np.ndarray) -> np.ndarray:
    """(h, w) bool: the pixels of a face's box beyond the face along their row and their column
    (its rounded corners, its rim), not its holes (the label: face on both sides of it one way,
    even where a gap in the face's edge opens its row to the side)."""
    out = np.ones(face.shape, dtype=bool)
    for f, o in ((face, out), (face.T, out.T)):
        before = np.maximum.accumulate(f, axis=1)  # a face pixel at or left of here
        after = np.maximum.accumulate(f[:, ::-1], axis=1)[:, ::-1]
        o &= ~(before & after)
    return out


def tidied_box(gray: np.ndarray, box: Box, grow: int = 2) -> Tidied | None:
    """The part ``box`` of ``gray`` with the outlines in it painted in their ground (an Athena
    button's rounded border read as "(" and ")", running "Okay" and "Later" together); None when
    it holds no outline."""
    x0, y0, x1, y1 = box
    part = gray[y0:y1, x0:x1]
    mask = frame_mask(part)
    if mask.any():
        # Letters told with the ink beside the box in sight (its height either way): a place cut
        # round "0." of a display's "0.5" would make the dotted zero an outline, the "5" out of sight.
        reach = y1 - y0
        left, right = max(0, x0 - reach), min(gray.shape[1], x1 + reach)
        mask &= ~ring_letters(gray[y0:y1, left:right])[:, x0 - left : x1 - left]
    if not mask.any():
        return None
    for _ in range(grow):
        mask = np.asarray(mask | lightest(mask.view(np.uint8), 1).astype(bool))
    return box, np.where(mask, lightest(part, grow + 1), part)


def tidy(rgb: np.ndarray, tidied: list[Tidied]) -> np.ndarray:
    """``rgb`` with the tidied parts (grey) put in."""
    out = rgb.copy()
    for (x0, y0, x1, y1), patch in tidied:
        out[y0:y1, x0:x1] = patch[..., None]
    return out


def placed(mask: np.ndarray, shape: tuple[int, ...], at: tuple[int, int]) -> np.ndarray:
    """``mask`` set into an all-False array of ``shape`` with its corner at ``at`` (x, y)."""
    out = np.zeros(shape, dtype=bool)
    out[at[1] : at[1] + mask.shape[0], at[0] : at[0] + mask.shape[1]] = mask
    return out
