"""What kind of image is this: a screen, a document, a photo, or a screen with photos in it?

Cheap pixel statistics decide, not a model. Screens are drawn by programs: large areas where
neighbouring pixels are exactly equal (flat fills, and gradients along one axis). Cameras never
produce that: sensor noise and texture make almost every neighbour differ. So the image is cut
into tiles, each tile that is "busy everywhere" is a photo tile, and connected photo tiles become
photo regions. Photo regions with text around them make a mixed page; without text, a photo
(its dark or blown-out parts are flat too). Document versus screen is read from the OCR blocks:
prose paragraphs on a light page and hardly any lone short labels (menus, buttons) make a document,
unless a window's title bar shows (:mod:`assistant.ocr.frames`): a man page in a terminal is a screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from assistant.ocr.base import OcrResult
from assistant.ocr.boxes import Box

KINDS = ("screen", "document", "photo", "mixed")


@dataclass
class KindResult:
    kind: str  # one of KINDS
    photo_regions: list[Box] = field(default_factory=list)  # in the image's own pixels, largest first
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ClassifierConfig:
    analysis_side: int = 960  # sample the image on a grid so its longer side is about this
    tile: int = 16  # tile side in sampled pixels
    photo_tile_equal: float = 0.25  # a tile whose share of equal-neighbour pixels is below this is photo-like
    min_tile_contrast: float = 3.0  # ...and whose pixels are not all one colour (std of luminance)
    photo_fraction: float = 0.85  # photo tiles over this share of the image: a photo, whatever the text
    largest_region_photo: float = 0.85  # or one region covering this share of the image
    textless_photo_fraction: float = 0.2  # no text read at all and this many photo tiles: a photo
    mixed_min_words: int = 6  # photo regions plus this many words of text around them: a mixed page
    min_region_share: float = 0.012  # smaller groups of photo tiles are icons or noise, not pictures
    min_region_tiles: int = 12
    prose_fraction: float = 0.75  # documents: share of words in lines of 5+ words
    max_short_blocks: int = 3  # documents: at most this many lone lines of 1-4 words besides headings
    min_document_words: int = 80
    min_text_coverage: float = 0.14  # documents: text boxes cover this share of the page (a page, not a UI)
    light_page: float = 150.0  # documents are dark text on a light page


def _tile_stats(gray: np.ndarray, rgb: np.ndarray, tile: int) -> tuple[np.ndarray, np.ndarray]:
    """Per tile: share of pixels equal to their right or lower neighbour, and luminance std."""
    eq_x = np.all(rgb[:, 1:] == rgb[:, :-1], axis=2)[:-1, :]
    eq_y = np.all(rgb[1:, :] == rgb[:-1, :], axis=2)[:, :-1]
    equal = (eq_x | eq_y).astype(np.float32)
    h, w = equal.shape
    th, tw = h // tile, w // tile
    equal = equal[: th * tile, : tw * tile].reshape(th, tile, tw, tile).mean(axis=(1, 3))
    g = gray[: th * tile, : tw * tile].astype(np.float32).reshape(th, tile, tw, tile)
    std = g.std(axis=(1, 3))
    return equal, std


def _components(mask: np.ndarray) -> list[list[tuple[int, int]]]:
    """4-connected components of a boolean tile mask (small masks: a plain flood fill is enough)."""
    seen = np.zeros_like(mask, dtype=bool)
    comps = []
    for y, x in zip(*np.nonzero(mask), strict=True):
        if seen[y, x]:
            continue
        stack, comp = [(int(y), int(x))], []
        seen[y, x] = True
        while stack:
            cy, cx = stack.pop()
            comp.append((cy, cx))
            for ny, nx in ((cy + 1, cx), (cy - 1, cx), (cy, cx + 1), (cy, cx - 1)):
                if 0 <= ny < mask.shape[0] and 0 <= nx < mask.shape[1] and mask[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
        comps.append(comp)
    return comps


def _close(mask: np.ndarray) -> np.ndarray:
    """Fills one-tile holes and gaps (a smooth sky tile inside a photo) by a 3x3 closing."""
    padded = np.pad(mask, 1)
    dil = np.zeros_like(padded)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            dil |= np.roll(np.roll(padded, dy, 0), dx, 1)
    ero = np.ones_like(dil)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            ero &= np.roll(np.roll(dil, dy, 0), dx, 1)
    return ero[1:-1, 1:-1] | mask


def _text_stats(ocr: OcrResult | None, regions: list[Box]) -> dict[str, float]:
    if ocr is None or not ocr.lines:
        return {
            "words": 0.0,
            "words_outside_photos": 0.0,
            "prose_fraction": 0.0,
            "short_blocks": 0.0,
            "text_coverage": 0.0,
        }
    counts = [len(line.text.split()) for line in ocr.lines]
    words = sum(counts)
    outside = 0
    for line, count in zip(ocr.lines, counts, strict=True):
        cx, cy = (line.box[0] + line.box[2]) / 2, (line.box[1] + line.box[3]) / 2
        if not any(r[0] <= cx < r[2] and r[1] <= cy < r[3] for r in regions):
            outside += count
    blocks = ocr.blocks()
    prose = sum(
        len(ln.text.split())
        for b in blocks
        if b.grid is None
        for ln in b.lines
        if len(b.lines) >= 2 or len(ln.text.split()) >= 5
    )
    short = sum(
        1 for b in blocks if len(b.lines) == 1 and not b.is_heading and len(b.lines[0].text.split()) <= 4
    )
    short += sum(
        len(row.cells) for b in blocks if b.grid is not None for row in b.grid.rows
    )  # a table's cells
    area = ocr.image_size[0] * ocr.image_size[1]
    covered = sum(line.width * line.height for line in ocr.lines)
    return {
        "words": float(words),
        "words_outside_photos": float(outside),
        "prose_fraction": prose / words if words else 0.0,
        "short_blocks": float(short),
        "text_coverage": covered / area if area else 0.0,
    }


def classify_kind(
    image: Image.Image, ocr_result: OcrResult | None = None, config: ClassifierConfig | None = None
) -> KindResult:
    """Screen, document, photo or mixed, with the photo regions found (see the module docstring)."""
    cfg = config or ClassifierConfig()
    rgb_img = image.convert("RGB")
    step = max(1, int(np.ceil(max(rgb_img.size) / cfg.analysis_side)))
    rgb = np.asarray(rgb_img)[::step, ::step]
    gray = (rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114).astype(np.float32)
    tile = cfg.tile if min(rgb.shape[:2]) >= 4 * cfg.tile else max(2, min(rgb.shape[:2]) // 4)
    equal, std = _tile_stats(gray, rgb, tile)
    if equal.size == 0:
        return KindResult("screen", [], {"tiles": 0.0})
    photo = (equal < cfg.photo_tile_equal) & (std > cfg.min_tile_contrast)
    closed = _close(photo)
    total_tiles = equal.size
    regions: list[tuple[int, Box]] = []
    scale = tile * step
    for comp in _components(closed):
        if len(comp) < cfg.min_region_tiles or len(comp) < cfg.min_region_share * total_tiles:
            continue
        ys = [c[0] for c in comp]
        xs = [c[1] for c in comp]
        box = (
            min(xs) * scale,
            min(ys) * scale,
            min(image.width, (max(xs) + 1) * scale),
            min(image.height, (max(ys) + 1) * scale),
        )
        bbox_tiles = (max(ys) - min(ys) + 1) * (max(xs) - min(xs) + 1)
        if len(comp) / bbox_tiles < 0.5:  # a scatter of busy tiles (dense text, a chart), not one picture
            continue
        regions.append((len(comp), box))
    regions.sort(key=lambda r: -r[0])
    photo_fraction = float(photo.mean())
    largest = regions[0][0] / total_tiles if regions else 0.0
    boxes = [box for _, box in regions]
    text = _text_stats(ocr_result, boxes)
    scores = {
        "photo_fraction": photo_fraction,
        "largest_region": largest,
        "equal_fraction": float(equal.mean()),
        "luminance": float(np.median(gray)),
        **text,
    }
    if photo_fraction >= cfg.photo_fraction or largest >= cfg.largest_region_photo:
        return KindResult("photo", boxes, scores)
    if ocr_result is not None and text["words"] == 0 and photo_fraction >= cfg.textless_photo_fraction:
        return KindResult("photo", boxes, scores)  # no text at all, busy patches: a dark or hazy photo
    if boxes:
        # Dark or blown-out parts of a photo are flat too; only text around the pictures makes a page.
        # Without OCR (a first guess before the text is read) pictures in a page mean a mixed page.
        if ocr_result is None or text["words_outside_photos"] >= cfg.mixed_min_words:
            return KindResult("mixed", boxes, scores)
        return KindResult("photo", boxes, scores)
    windowed = ocr_result is not None and any(p.bar is not None for p in ocr_result.panels)
    if (
        not windowed  # a window's title bar in the picture: a screenshot, however much prose it shows
        and text["words"] >= cfg.min_document_words
        and text["prose_fraction"] >= cfg.prose_fraction
        and text["short_blocks"] <= cfg.max_short_blocks
        and scores["luminance"] >= cfg.light_page
        and text["text_coverage"] >= cfg.min_text_coverage
    ):
        return KindResult("document", [], scores)
    return KindResult("screen", [], scores)
