"""Windows found from the pixels read one by one, each alone, side by side on the cores.

A picture of a screen with several windows (a file, the clipboard: no window stack) was read as
one page. Tesseract's page layout then ran a window's lines on into the window beside or under it
("Backup" of a message box read with the terminal line next to it, cut to "kup"), and its
stripes, cut by rows, mostly held one window each way: one core read nearly everything. Here each
window found by its title bar (:func:`assistant.ocr.panels.find_panels`) is read on its own
picture, what other windows cover of it painted with its own ground, and the rest of the screen
(the desktop, its icons) with every window painted out: pieces no line crosses, read at once.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PIL import Image

from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import shifted
from assistant.ocr.panels import Panel
from assistant.ocr.tesseract import content_span
from assistant.onnx_sessions import available_cores


def _shown(panel: Panel, size: tuple[int, int]) -> np.ndarray:
    """(h, w) bool: the pixels of the picture ``size`` (w, h) where ``panel`` shows."""
    rows = np.repeat(np.repeat(panel.mask, panel.cell, axis=0), panel.cell, axis=1)  # (rows*c, cols*c)
    shown = np.zeros((size[1], size[0]), dtype=bool)
    h, w = min(size[1], rows.shape[0]), min(size[0], rows.shape[1])
    shown[:h, :w] = rows[:h, :w]
    return shown


def _ground(pixels: np.ndarray, where: np.ndarray) -> np.ndarray:
    """The median colour (3,) of ``pixels`` (h, w, 3) where ``where`` holds (white when nowhere),
    each channel's as ``np.median(...).astype(np.uint8)`` gives it (the two middle values'
    mean, rounded down), found by counting the 256 levels: sorting a whole window's pixels to
    find it cost more than the rest of this module's work."""
    if not where.any():
        return np.array([255, 255, 255], dtype=np.uint8)
    count = int(where.sum())
    out = np.empty(pixels.shape[-1], dtype=np.uint8)
    for channel in range(pixels.shape[-1]):
        below = np.cumsum(np.bincount(pixels[..., channel][where], minlength=256))  # levels <= v
        low, high = np.searchsorted(below, [(count - 1) // 2, count // 2], side="right")
        out[channel] = (int(low) + int(high)) // 2
    return out


def pane_pictures(
    image: Image.Image, panels: list[Panel], margin: int = 16
) -> list[tuple[Image.Image, int, int]]:
    """The pictures to read, each with its place (x, y) in ``image``: every framed pane's box and
    ``margin`` pixels round it, what another window covers of it painted with its own ground (the
    median colour of what shows) and the margin with the desktop's; then the whole picture with
    the panes painted out with the desktop's colour (only when something is left there)."""
    rgb = np.asarray(image.convert("RGB"))  # (h, w, 3)
    height, width = rgb.shape[:2]
    shown = [_shown(panel, image.size) for panel in panels]
    anywhere = np.logical_or.reduce(shown) if shown else np.zeros((height, width), dtype=bool)
    desktop = _ground(rgb[::4, ::4], ~anywhere[::4, ::4])
    out: list[tuple[Image.Image, int, int]] = []
    for panel, where in zip(panels, shown, strict=True):
        bx0, by0, bx1, by1 = panel.box
        if bx1 - bx0 < 16 or by1 - by0 < 16:
            continue
        # A margin of desktop round the window: tesseract misses text at a picture's edge.
        x0, y0 = max(0, bx0 - margin), max(0, by0 - margin)
        x1, y1 = min(width, bx1 + margin), min(height, by1 + margin)
        part = rgb[y0:y1, x0:x1].copy()
        inside = where[y0:y1, x0:x1]
        in_box = np.zeros_like(inside)
        in_box[max(0, by0 - y0) : by1 - y0, max(0, bx0 - x0) : bx1 - x0] = True
        part[in_box & ~inside] = _ground(part, inside)  # covered by a window above: its own ground
        part[~in_box] = desktop
        out.append((Image.fromarray(part), x0, y0))
    rest = rgb.copy()
    for x0, y0, x1, y1 in (p.box for p in panels):  # every window whole, its border and shadow too
        rest[max(0, y0 - 4) : y1 + 4, max(0, x0 - 4) : x1 + 4] = desktop
    span = content_span(np.asarray(Image.fromarray(rest).convert("L")))
    if span is not None:  # icons, a panel, a wallpaper: only the part of it that holds anything
        x0, y0, x1, y1 = span
        out.append((Image.fromarray(rest[y0:y1, x0:x1]), x0, y0))
    return out


def read_panes(engine: OcrEngine, image: Image.Image, panels: list[Panel]) -> OcrResult:
    """``image`` read by ``engine`` pane by pane (:func:`pane_pictures`), the biggest first, as
    many at once as there are cores; the lines in ``image``'s pixels."""
    pictures = sorted(pane_pictures(image, panels), key=lambda p: -p[0].width * p[0].height)
    with ThreadPoolExecutor(max_workers=max(1, min(available_cores(), len(pictures)))) as pool:
        read = list(pool.map(lambda p: (engine.recognize(p[0]), p[1], p[2]), pictures))
    lines = [shifted(line, dx, dy) for result, dx, dy in read for line in result.lines]
    return OcrResult(lines=lines, engine=engine.name, elapsed_ms=0.0, image_size=image.size)
