"""Faint text (assistant.ocr.faint): light grey lines' words are judged again, whatever tesseract's
confidence; dark text is left as read."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.faint import contrast, doubted, faint_read
from assistant.ocr.look_budget import text_pixels

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _dialog() -> tuple[np.ndarray, list[OcrLine]]:
    """A dark line and a light grey one (as a Qt dialog's 8 pt notes) on a light ground, with the
    words an engine would return for them, all sure."""
    image = Image.new("L", (400, 80), 239)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 11)
    lines = []
    for (y, grey), text in zip(
        [(10, 40), (40, 190)], ["A new version is available", "Would you like it now?"], strict=True
    ):
        draw.text((10, y), text, font=font, fill=grey)
        words, x = [], 10
        for word in text.split():
            w = int(draw.textlength(word, font=font))
            words.append(OcrWord(word, (x, y, x + w, y + 13), 0.95))
            x += w + int(draw.textlength(" ", font=font))
        lines.append(OcrLine.of(words))
    return np.asarray(image), lines


def test_light_grey_lines_are_made_unsure_and_dark_ones_are_not() -> None:
    gray, lines = _dialog()
    assert contrast(gray, lines[0].box) > 150 and contrast(gray, lines[1].box) < 60
    dark, light = doubted(lines, gray, sure=0.8)
    assert dark is lines[0]
    assert [w.text for w in light.words] == [w.text for w in lines[1].words]
    assert all(w.confidence == 0.79 for w in light.words)
    # a line without words, or a sliver, is left as it is
    sliver = OcrLine("-", (10, 70, 60, 72), 0.9, [OcrWord("-", (10, 70, 60, 72), 0.9)])
    assert doubted([sliver], gray, 0.8) == [sliver]


def test_light_text_on_a_darker_ground_is_left_as_read() -> None:
    """A title bar's white on mid blue (grey 140) stands as little from its ground as a light note,
    but is no faint note: left to the reading it has."""
    image = Image.new("L", (300, 30), 140)
    ImageDraw.Draw(image).text((10, 8), "Unsaved Letter", font=ImageFont.truetype(FONT, 12), fill=225)
    line = OcrLine.of([OcrWord("Unsaved", (10, 8, 70, 22), 0.95), OcrWord("Letter", (76, 8, 120, 22), 0.95)])
    assert contrast(np.asarray(image), line.box) == 255.0
    assert doubted([line], np.asarray(image), 0.8) == [line]


def test_faint_lines_are_read_again_on_top_of_the_budget() -> None:
    """What reading the faint lines again costs is counted apart (a light xmessage's two lines used
    up the second look's floor, and its buttons were left unread): the light line's pixels only."""
    gray, lines = _dialog()
    assert faint_read(lines, gray, 0.8)[1] == text_pixels([lines[1]]) > 0
    assert faint_read(lines[:1], gray, 0.8)[1] == 0
