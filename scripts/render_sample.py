"""Pictures the project draws itself (no photo from any data set): the demo's, and a photo-like scene.

- :func:`render_demo` draws the README demo's pictures (``./dev demo``): a bar chart with a title and
  labelled axes, and a notes window with a short list. They show what the assistant says well and
  truly — the chart's kind and its words, the window's text. The demo once showed a drawn dog and a
  red ball, and the captioner (trained on Flickr8k photos) could not say what that drawing was.
- :func:`render` draws a photo-like outdoor scene (sky, grass, a brown dog-like shape and a red ball,
  blurred, with camera-like grain). Tests and benchmarks use it to exercise the photo path (the
  captioner); what the captioner says about it is not checked for truth.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core (.ci/apt-packages.txt)

CHART_TITLE = "Rainfall by Month"
CHART_AXES = ("Month", "Rain in mm")  # (x, y)
CHART_BARS = (("Jan", 80), ("Feb", 65), ("Mar", 50), ("Apr", 40), ("May", 30), ("Jun", 20))
NOTE_TITLE = "Shopping list - Notes"
NOTE_LINES = ("Milk", "Bread", "Six eggs", "Apples", "Coffee beans")


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans when installed (the same glyphs on every Debian machine), else Pillow's own font."""
    try:
        return ImageFont.truetype(str(FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)
    except OSError:
        return ImageFont.load_default(size=size)


def render_chart(path: Path, width: int = 640, height: int = 480) -> Path:
    """A bar chart as a spreadsheet draws it: title, six blue bars on a baseline, both axes labelled.

    No tick numbers: OCR merges a y-axis label with the tick beside it and drops some short numbers,
    and a demo should not read out a garbled scale.
    """
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    small = _font(18)
    draw.text((width / 2, 28), CHART_TITLE, fill="black", font=_font(28), anchor="mm")
    left, right, top, base = 90, width - 30, 100, height - 80  # the plot area, in pixels
    top_value = 100
    slot = (right - left) / len(CHART_BARS)
    for i, (label, value) in enumerate(CHART_BARS):
        x0, x1 = left + (i + 0.2) * slot, left + (i + 0.8) * slot
        draw.rectangle([x0, base - (base - top) * value / top_value, x1, base], fill=(31, 119, 180))
        draw.text(((x0 + x1) / 2, base + 16), label, fill="black", font=small, anchor="mm")
    draw.line([(left, base), (right, base)], fill="black", width=2)
    draw.line([(left, top), (left, base)], fill="black", width=2)
    draw.text(((left + right) / 2, height - 28), CHART_AXES[0], fill="black", font=small, anchor="mm")
    draw.text((left - 40, top - 22), CHART_AXES[1], fill="black", font=small, anchor="lm")
    return _save(image, path)


def render_note(path: Path, width: int = 640, height: int = 400) -> Path:
    """A notes app's window: a dark title bar and a white page holding a short shopping list."""
    image = Image.new("RGB", (width, height), (236, 236, 236))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 44], fill=(48, 48, 56))
    draw.text((width / 2, 22), NOTE_TITLE, fill="white", font=_font(18, bold=True), anchor="mm")
    draw.rectangle([20, 64, width - 20, height - 20], fill="white", outline=(200, 200, 200))
    body = _font(22)
    for i, line in enumerate(NOTE_LINES):
        draw.text((44, 84 + i * 54), line, fill="black", font=body)
    return _save(image, path)


def render_demo(out_dir: Path) -> list[Path]:
    """The demo's pictures, in the order the demo describes them."""
    return [render_chart(out_dir / "chart.png"), render_note(out_dir / "note.png")]


def render(path: Path, size: int = 480) -> Path:
    """The photo-like outdoor scene (see the module's docstring): for tests of the photo path."""
    image = Image.new("RGB", (size, size), (120, 170, 230))
    draw = ImageDraw.Draw(image)
    horizon = int(size * 0.55)
    for y in range(horizon):  # sky gradient
        shade = int(200 - 80 * y / horizon)
        draw.line([(0, y), (size, y)], fill=(shade - 60, shade, 240))
    draw.rectangle([0, horizon, size, size], fill=(70, 150, 60))
    draw.ellipse([size * 0.70, size * 0.08, size * 0.85, size * 0.23], fill=(250, 230, 120))  # sun
    body = [size * 0.25, size * 0.55, size * 0.55, size * 0.70]
    draw.ellipse(body, fill=(120, 80, 40))  # dog body
    draw.ellipse([size * 0.50, size * 0.47, size * 0.63, size * 0.60], fill=(120, 80, 40))  # head
    for x in (0.29, 0.36, 0.44, 0.50):  # legs
        draw.rectangle([size * x, size * 0.66, size * (x + 0.03), size * 0.80], fill=(100, 65, 30))
    draw.ellipse([size * 0.70, size * 0.70, size * 0.80, size * 0.80], fill=(220, 30, 40))  # ball
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    # Camera-like grain: a photo has no large perfectly flat areas, and the assistant tells photos from
    # screens partly by that.
    rng = np.random.default_rng(7)
    pixels = np.asarray(image, dtype=np.float32) + rng.normal(0.0, 9.0, (size, size, 3))
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return _save(image, path)


def _save(image: Image.Image, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path


if __name__ == "__main__":
    # render_sample.py [FOLDER]: draw the demo's pictures there; render_sample.py FILE.png: the scene.
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "demo-output")
    for picture in [render(target)] if target.suffix == ".png" else render_demo(target):
        print(picture)
