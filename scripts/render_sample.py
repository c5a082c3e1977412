"""Render the demo picture (drawn by the project itself: no photo from any data set).

A simple outdoor scene — sky, grass, a child's ball and a dog-like shape — enough for the captioner
to say something about a picture, and for the demo to exercise the whole path.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def render(path: Path, size: int = 480) -> Path:
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
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path


if __name__ == "__main__":
    print(render(Path(sys.argv[1] if len(sys.argv) > 1 else "sample.png")))
