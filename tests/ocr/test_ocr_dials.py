"""A dial's numbers read round the dial (assistant.ocr.dials), with real OCR on rendered faces (the
default reader: tesseract's page layout drops lone figures, its second look reads them)."""

from __future__ import annotations

import math

import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr import create_ocr_engine
from assistant.ocr.layout import layout_blocks
from assistant.ocr.tesseract import tesseract_available
from assistant.understand.reading import block_text

pytestmark = pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _face() -> Image.Image:
    """A clock face as a toolkit draws it: twelve numbers round a circle, hands, a label under it."""
    image = Image.new("RGB", (420, 460), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 20)
    cx, cy, r = 210, 200, 150
    draw.ellipse((cx - r - 30, cy - r - 30, cx + r + 30, cy + r + 30), outline="black", width=2)
    for n in range(1, 13):
        a = math.radians(30 * n)
        x, y = cx + r * math.sin(a), cy - r * math.cos(a)
        w = draw.textlength(str(n), font=font)
        draw.text((x - w / 2, y - 12), str(n), font=font, fill="black")
    draw.line((cx, cy, cx + 60, cy - 80), fill="black", width=4)
    draw.text((150, 410), "London 10:10", font=font, fill="black")
    return image


@pytest.mark.timeout(60)
def test_a_clock_faces_numbers_are_read_clockwise_from_the_top() -> None:
    blocks = layout_blocks(create_ocr_engine("auto").recognize(_face()).lines)
    (dial,) = [b for b in blocks if b.grid is not None and b.grid.kind == "dial"]
    said = block_text(dial)
    assert said.startswith("Dial: ")
    numbers = [int(n) for n in said.removeprefix("Dial: ").rstrip(".").split(", ")]
    assert len(numbers) >= 9
    hours = [n % 12 for n in numbers]  # 12 first, then round: 0, 1, 2, ...
    assert hours == sorted(hours) and numbers[0] in (12, 1)
    assert any("London 10:10" in b.text for b in blocks)


@pytest.mark.timeout(60)
def test_a_keypads_digits_are_no_dial() -> None:
    """Digits in rows and columns fit a circle too (1 4 7 and 3 6 9); they are keys, not a dial."""
    image = Image.new("RGB", (320, 300), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 22)
    for i, key in enumerate("789456123"):
        draw.text((40 + 100 * (i % 3), 30 + 80 * (i // 3)), key, font=font, fill="black")
    blocks = layout_blocks(create_ocr_engine("auto").recognize(image).lines)
    assert blocks and not any(b.grid is not None and b.grid.kind == "dial" for b in blocks)
