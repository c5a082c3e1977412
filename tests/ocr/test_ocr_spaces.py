"""Spaces the engines ran over (assistant.ocr.spaces), on lines read by the real recogniser."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.line_reader import LineReader, line_reader_available
from assistant.ocr.look_read import read_places
from assistant.ocr.second_look import SecondLookConfig
from assistant.ocr.spaces import split_lines

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


def _read(text: str, font: str, size: int) -> tuple[list[str], list[str]]:
    """``text`` drawn on a key's light grey, read by the recogniser as one line: its words as read,
    and after :func:`split_lines`."""
    image = Image.new("RGB", (200, 40), (239, 239, 239))
    ImageDraw.Draw(image).text((20, 10), text, font=ImageFont.truetype(font, size), fill="black")
    rgb, gray = np.asarray(image), np.asarray(image.convert("L"))
    lines, _, _ = read_places(rgb, gray, [], LineReader(), SecondLookConfig(), [(12, 4, 190, 36)])
    after = split_lines(lines, gray)
    return [w.text for ln in lines for w in ln.words], [w.text for ln in after for w in ln.words]


@pytest.mark.skipif(not line_reader_available(), reason="needs the PP-OCR models")
@pytest.mark.timeout(60)
def test_a_space_where_a_digit_meets_letters_splits_the_word() -> None:
    read, split = _read("2 ABC", SANS, 16)  # a dial pad's key
    assert read == ["2ABC"], "the recogniser kept the space; nothing to show"
    assert split == ["2", "ABC"]
    read, split = _read("1.8T 468G 5d", MONO, 13)  # a terminal's sizes: letters a pixel or two apart
    assert split == read == ["1.8T", "468G", "5d"]
