"""Pictures that are not photos, in their own words: QR codes, charts, and lone drawn pictures (issue #16).

A picture file the pixel classifier calls a "screen" (flat colours, sharp edges) and that holds
little text is no screen: it is a chart, a QR code, an icon, a drawing or a cut-out photo on a plain
backdrop. Before this module it was said as "Screen. No text found." or its axis numbers. Now:

- a QR code or barcode is decoded (zxing-cpp, :mod:`assistant.understand.codes`): "QR code: a link
  to example.org/menu.", "Barcode EAN-13: 5901234123457.";
- a chart is named by its marks (:func:`chart_kind`: pie, bar, line or scatter, from the coloured
  pixels' shapes), or "A table." when most of its words stand in rows and columns; then its text is
  read as before: "A bar chart. Rainfall by Month. …";
- a picture with almost no text goes to the captioner, and only a sure ImageNet label is said
  ("A picture of a zebra."); never the Flickr8k caption, which knows nothing of drawn pictures.

Pure pixel statistics, numpy only; ~5-30 ms on a 640-pixel picture, paid only for non-photos.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from assistant.errors import AssistantError
from assistant.ocr.layout import TextBlock
from assistant.ocr.regions import regions
from assistant.understand.codes import codes_sentence, read_codes
from assistant.understand.codes import qr_sentence as qr_sentence  # said here before codes.py
from assistant.understand.graphics import (
    cut_out_sentence,
    drawn_statistics,
    graphic_sentence,
    looks_drawn,
    unnamed_sentence,
)
from assistant.understand.trust import CUT_OUT_KIND, Assessment, with_colours

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PictureConfig:
    side: int = 400  # pictures are analysed at most this large
    lone_words: int = 3  # at most this many words of text: a lone picture (icon, drawing, cut-out)
    chart_words: int = 3  # a chart has at least this many words (title, labels, numbers)
    saturation: float = 0.28  # a "coloured" pixel: HSV saturation above this (marks, not paper or ink)
    flat_share: float = 0.6  # a drawn chart: at least this share of pixels equal their right neighbour
    min_mark_share: float = 0.004  # coloured pixels covering less than this share: no chart marks
    label_sure: float = 0.5  # a lone picture is named only when ImageNet is this sure


def _small(rgb: Image.Image, side: int) -> np.ndarray:
    image = rgb.convert("RGB")
    scale = min(1.0, side / max(image.size))
    if scale < 1.0:
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
    return np.asarray(image, dtype=np.float32) / 255.0  # (H, W, 3)


def _components(mask: np.ndarray) -> list[tuple[int, tuple[int, int, int, int]]]:
    """(pixel count, (x0, y0, x1, y1)) of each 8-connected component of ``mask``."""
    return [(region.area, region.box) for region in regions(mask)]


def _ground(flat: np.ndarray, share: float = 0.5, tolerance: int = 6) -> np.ndarray:
    """The pixels of the colour the picture stands on: the one colour that holds most of its border.

    A desktop's coloured wallpaper around a window, or a chart's tinted backdrop, is no data mark,
    however saturated: a chart draws its marks inside its axes, off the picture's edges.
    ``flat``: (H, W, 3) integer RGB. Returns an (H, W) mask, all False when no colour holds ``share``
    of the border.
    """
    border = np.concatenate([flat[0], flat[-1], flat[1:-1, 0], flat[1:-1, -1]])  # (n, 3)
    colours, counts = np.unique(border, axis=0, return_counts=True)
    if not len(counts) or counts.max() < share * len(border):
        return np.zeros(flat.shape[:2], dtype=bool)
    colour = colours[counts.argmax()]
    return np.abs(flat - colour).max(axis=2) <= tolerance


def _under_a_curve(region: np.ndarray, solid: float = 0.9) -> bool:
    """Whether a region is filled the way an area chart's is: each column one solid run from a curve
    down to a common baseline. A text panel's colour (a TUI's blue ground, a title bar) is as wide,
    but its letters and lines leave holes in every column. ``region``: (h, w) bool."""
    height = region.shape[0]
    if height < 8:
        return False
    filled = region.any(axis=0)  # (w,)
    if filled.mean() < 0.8:
        return False
    tops = region.argmax(axis=0)  # (w,) the first marked row of each column
    bottoms = height - region[::-1].argmax(axis=0)  # (w,) one past the last marked row
    runs = region.sum(axis=0) / np.maximum(1, height - tops)  # (w,) share of the column below its top
    on_base = bottoms >= height - 2
    return bool(runs[filled].mean() >= solid and on_base[filled].mean() >= solid)


def _bars(aligned: np.ndarray, lengths: np.ndarray, thickness: np.ndarray) -> bool:
    """Three or more rectangles on one baseline, of one thickness, that differ in length: bars carry
    their values in their lengths; a row of like coloured boxes (buttons, tabs, a TUI's key bar)
    carries none, and a table's stripes of several heights are no bars. Values a few per cent
    apart (pass rates, yearly counts) still differ by more than a pixel's rounding."""
    if aligned.sum() < 3:
        return False
    picked, thick = lengths[aligned], thickness[aligned]
    return bool(picked.max() >= 1.08 * max(1, picked.min()) and thick.max() <= 1.5 * max(1, thick.min()))


def _dot(pixels: int, box: tuple[int, int, int, int]) -> bool:
    """A scatter plot's dot: a small filled round or square mark, not a coloured letter's strokes."""
    w, h = box[2] - box[0], box[3] - box[1]
    return 0.6 <= w / max(1, h) <= 1.6 and pixels >= 0.55 * w * h


def _one_stroke(region: np.ndarray) -> bool:
    """Whether a region is a stroke across that rises and falls: most of its columns cross it at most
    three times (a chart's few series, touching where they cross) and not all at one height. A block
    of coloured text crosses each column many times, and a window's outline or a frame's straight
    edges stay at one height (the outline's middle)."""
    edges = np.diff(region.astype(np.int8), axis=0, prepend=0) > 0  # (h, w) where a run starts
    crossings = edges.sum(axis=0)  # (w,)
    marked = region.any(axis=0)
    if not marked.any() or (crossings[marked] <= 3).mean() < 0.8:
        return False
    rows = np.arange(region.shape[0])[:, None]
    centres = (region * rows).sum(axis=0)[marked] / region.sum(axis=0)[marked]  # (n,) the stroke's height
    low, high = np.percentile(centres, [5, 95])
    return bool(high - low >= 0.2 * region.shape[0])


def _scattered(boxes: list[tuple[int, int, int, int]]) -> bool:
    """Whether dots lie scattered, not in the rows *and* columns of a grid (a keypad's coloured keys);
    a strip plot's dots over whole-number x values share columns but not rows."""
    xs = {round((b[0] + b[2]) / 2 / 3) for b in boxes}  # centres to the nearest 3 pixels
    ys = {round((b[1] + b[3]) / 2 / 3) for b in boxes}
    return len(xs) >= 0.5 * len(boxes) or len(ys) >= 0.5 * len(boxes)


def chart_kind(rgb: Image.Image, cfg: PictureConfig | None = None) -> str | None:
    """The chart's kind (pie, bar, area, line, scatter) from the shapes of its coloured marks, or None.

    Charts draw their data in saturated colours on paper-like ground, text in black or grey: a pie
    is one round coloured blob (its slices touch); bars are several filled axis-aligned rectangles
    standing on one baseline (or starting at one left edge); an area chart is one wide coloured region;
    a line is a long thin coloured stroke; a scatter is many small dots.
    """
    cfg = cfg or PictureConfig()
    a = _small(rgb, cfg.side)
    height, width = a.shape[:2]
    flat = np.asarray(rgb.convert("RGB").resize((width, height), Image.Resampling.NEAREST), dtype=np.int16)
    if (np.abs(np.diff(flat, axis=1)).max(axis=2) <= 2).mean() < cfg.flat_share:
        return None  # a photo (or a photo of a page): charts are drawn in flat colours
    high, low = a.max(axis=2), a.min(axis=2)
    saturation = (high - low) / np.maximum(high, 1e-6)
    mask = (saturation > cfg.saturation) & (high > 0.2) & ~_ground(flat)  # (H, W)
    if mask.mean() < cfg.min_mark_share or mask.mean() > 0.6:
        return None
    parts = [(n, box) for n, box in _components(mask) if n >= 6]
    if not parts:
        return None
    area, (x0, y0, x1, y1) = max(parts)
    bw, bh = x1 - x0, y1 - y0
    fill = area / max(1, bw * bh)
    round_blob = 0.45 <= fill <= 0.85 and 0.8 <= bw / max(1, bh) <= 1.25  # a disc fills pi/4, a ring less
    if round_blob and min(bw, bh) >= 0.35 * min(width, height) and area >= 0.6 * mask.sum():
        return "pie"  # one round blob holds (nearly) all the colour
    big = 0.005 * width * height
    boxes = [box for n, box in parts if n >= big and n / max(1, (box[2] - box[0]) * (box[3] - box[1])) >= 0.8]
    if len(boxes) >= 3:
        bottoms, tops = np.array([b[3] for b in boxes]), np.array([b[1] for b in boxes])
        lefts, rights = np.array([b[0] for b in boxes]), np.array([b[2] for b in boxes])
        on_base = np.abs(bottoms - np.median(bottoms)) <= 3
        at_left = np.abs(lefts - np.median(lefts)) <= 3
        if _bars(on_base, bottoms - tops, rights - lefts) or _bars(at_left, rights - lefts, bottoms - tops):
            return "bar"  # three or more filled rectangles on one baseline (stacked ones merge into one)
    if (
        bw >= 0.5 * width
        and 0.3 <= fill <= 0.8
        and bw >= 1.2 * bh
        and area >= 0.5 * mask.sum()
        and _under_a_curve(mask[y0:y1, x0:x1])
    ):
        return "area"  # one wide coloured region under a curve
    if bw >= 0.4 * width and bh >= 0.1 * height and fill <= 0.2 and _one_stroke(mask[y0:y1, x0:x1]):
        return "line"  # a long thin stroke that rises and falls (a straight rule or a frame is no line)
    small = [(n, box) for n, box in parts if n <= 0.002 * width * height and _dot(n, box)]
    dots = np.array([n for n, _ in small])
    if (
        len(dots) >= 15
        and len(dots) >= 0.8 * len(parts)
        and dots.std() <= 0.6 * dots.mean()
        and _scattered([box for _, box in small])
    ):
        return "scatter"  # many dots of one size, and little else in colour
    return None


def qr_text(rgb: Image.Image) -> str | None:
    """The text of a QR code in the picture, or None (assistant.understand.codes reads it)."""
    return next((code.text for code in read_codes(rgb) if code.is_qr), None)


def _words(blocks: Sequence[TextBlock]) -> int:
    return sum(len(line.text.split()) for block in blocks for line in block.lines)


def _mostly_table(blocks: Sequence[TextBlock], words: int, max_words: int = 120) -> bool:
    """A picture that is mostly one table: most of its words sit in rows and columns (the OCR layout's
    grid), and it is short enough to be a table rather than a screen of listings."""
    tables = [b for b in blocks if b.grid is not None and b.grid.kind == "table" and len(b.lines) >= 3]
    gridded = sum(len(ln.text.split()) for b in tables for ln in b.lines)  # a keypad is no table
    return words <= max_words and gridded >= 0.5 * words


def lone_picture_sentence(captioner: Any, rgb: Image.Image, cfg: PictureConfig) -> str:
    """A drawn picture or cut-out: an icon or drawing the graphics head is sure of ("An icon: a
    folder."; understand/graphics.py), else a sure ImageNet label ("A picture of a zebra."), else a
    cut-out's probable name, else a drawn picture said as one ("A drawing I can't name."), else
    can't tell (and its main colours)."""
    if captioner is None:
        return with_colours(rgb)
    try:
        result = captioner.caption(rgb)
    except AssistantError as error:
        log.warning("captioning failed: %s", error)
        return with_colours(rgb)
    stats = drawn_statistics(rgb)  # taken once: drawn? cut out? (graphics.py)
    pooled, encoder = getattr(result, "pooled", None), getattr(captioner, "encoder_name", None)
    drawn = graphic_sentence(pooled, rgb, encoder, stats=stats)
    if drawn is not None:
        return drawn
    trust = getattr(result, "trust", None)
    label = trust.label if isinstance(trust, Assessment) else None
    # ImageNet is confidently wrong on drawn pictures ("spatula" for a trash-can icon): photos only.
    if label is not None and label.probability >= cfg.label_sure and not looks_drawn(stats):
        return f"A picture of {label.words.phrase()}."
    cut_out = cut_out_sentence(pooled, rgb, encoder, label, stats=stats)  # "Probably a kettle."
    if cut_out:
        return cut_out
    if isinstance(trust, Assessment) and trust.reason == CUT_OUT_KIND and trust.sentence:
        return trust.sentence  # "Possibly an aircraft." (trust.possibly_cut_out)
    unnamed = unnamed_sentence(pooled, rgb, encoder, stats=stats)  # "An icon I can't name. Mostly blue."
    return with_colours(rgb, unnamed) if unnamed else with_colours(rgb)


def picture_lead(
    rgb: Image.Image, blocks: Sequence[TextBlock], captioner: Any, cfg: PictureConfig | None = None
) -> str | None:
    """What a non-photo picture file is, said first (None: a real screen or page, said as before)."""
    cfg = cfg or PictureConfig()
    code = codes_sentence(rgb) if _words(blocks) <= 12 else None
    if code:
        return code
    words = _words(blocks)
    if words >= cfg.chart_words:
        kind = chart_kind(rgb, cfg)
        if kind:
            return f"{'An' if kind == 'area' else 'A'} {kind} chart."
        return "A table." if _mostly_table(blocks, words) else None
    if words <= cfg.lone_words:
        return lone_picture_sentence(captioner, rgb, cfg)
    return None
