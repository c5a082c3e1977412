"""The second look's reading (assistant.ocr.look_read): what is taken from the recogniser, and where."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.line_reader import LineReader, line_reader_available
from assistant.ocr.look_read import read_places
from assistant.ocr.second_look import SecondLookConfig

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"

needs_reader = pytest.mark.skipif(not line_reader_available(), reason="needs the PP-OCR models")


def _line(text: str, word: str, size: int = 13) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """``text`` in a terminal's font on white, and the box (6 px around) of ``word`` in it."""
    image = Image.new("RGB", (320, 40), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(MONO, size)
    draw.text((10, 12), text, font=font, fill="black")
    x0 = 10 + draw.textlength(text[: text.index(word)], font=font)
    x1 = x0 + draw.textlength(word, font=font)
    return image, (int(x0) - 6, 8, int(x1) + 6, 30)


@needs_reader
@pytest.mark.timeout(60)
def test_an_option_read_again_where_tesseract_was_unsure_is_taken() -> None:
    """A man page's "-l:" (one letter among marks; tesseract: "-1:" at 0.42) read again as an
    unsure word's line is taken at the usual score; the same ink found as a place of its own
    needs the lone letter's higher score (icons read as "1")."""
    image, box = _line("with -l: show", "-l:")
    rgb, gray = np.asarray(image), np.asarray(image.convert("L"))
    cfg, reader = SecondLookConfig(), LineReader()
    again, _, _ = read_places(rgb, gray, [], reader, cfg, [box])
    assert [w.text for ln in again for w in ln.words] == ["-l:"]
    assert min(w.confidence for ln in again for w in ln.words) < cfg.min_score_single  # so the rule matters
    alone, _, _ = read_places(rgb, gray, [box], reader, cfg, [])
    assert [w.text for ln in alone for w in ln.words if w.confidence < cfg.min_score_single] == []
