"""A table's empty cells get a second look: the lone digit on a dark badge that tesseract dropped."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.gap_reading import fill_gaps
from assistant.ocr.gaps import GridsOnce, gap_boxes
from assistant.ocr.grid import find_grids
from assistant.ocr.layout import layout_blocks
from assistant.ocr.tesseract import TesseractEngine

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
ROWS = [
    ("08:02", "Edinburgh", "4", "On time"),
    ("08:15", "Cambridge", "9", "Delayed"),
    ("08:21", "Leeds", "2", "On time"),
]
ROWS += [("08:30", "Peterborough", "7", "Cancelled"), ("08:36", "Brighton", "3", "On time")]


def _departures() -> Image.Image:
    """A departures board: platform numbers white on small navy badges, as web pages draw them."""
    image = Image.new("RGB", (760, 60 + 40 * len(ROWS)), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 16)
    for r, (time, place, platform, status) in enumerate(ROWS):
        y = 30 + 40 * r
        draw.text((30, y), time, font=font, fill="black")
        draw.text((150, y), place, font=font, fill="black")
        draw.rectangle((340, y - 3, 400, y + 20), fill="#1f2f5a")
        draw.text((364, y), platform, font=font, fill="white")
        draw.text((460, y), status, font=font, fill="black")
    return image


@pytest.mark.timeout(60)
def test_badged_digits_missed_by_the_engine_are_read_in_a_second_look() -> None:
    image = _departures()
    engine = TesseractEngine()
    lines = engine.recognize(image).lines
    first = " ".join(ln.text for ln in lines).split()
    missed = [p for _, _, p, _ in ROWS if p not in first]
    assert missed, "the engine read every badge; this test no longer shows a second look"
    assert len(gap_boxes(np.asarray(image.convert("L")), lines)) >= len(missed)
    (table,) = [b for b in layout_blocks(fill_gaps(image, lines, engine)) if b.grid is not None]
    for row, (time, place, platform, status) in zip(table.lines, ROWS, strict=True):
        assert row.text.replace(",", "").split() == f"{time} {place} {platform} {status}".split()


def _keypad() -> tuple[Image.Image, list[OcrLine]]:
    """Outlined keys in rows, as xcalc draws them, one key of the middle row blank; and each
    label's line as an engine boxes it (the font's own box for it)."""
    keys = [["SIN", "COS", "TAN"], ["STO", "", "EXP"], ["RCL", "ABS", "MOD"], ["SUM", "INV", "LOG"]]
    image = Image.new("RGB", (330, 40 + 36 * len(keys)), (235, 235, 235))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 18)
    lines = []
    for r, row in enumerate(keys):
        for c, label in enumerate(row):
            x, y = 20 + 92 * c, 20 + 36 * r
            draw.rounded_rectangle((x, y, x + 84, y + 30), radius=8, outline="black", width=2, fill="white")
            if label:
                left = x + 42 - draw.textlength(label, font=font) / 2
                draw.text((left, y + 5), label, font=font, fill="black")
                x0, y0, x1, y1 = draw.textbbox((left, y + 5), label, font=font)
                box = (int(x0), int(y0), int(x1), int(y1))
                lines.append(OcrLine(label, box, 0.95, [OcrWord(label, box, 0.95)]))
    return image, lines


@pytest.mark.timeout(60)
def test_a_keys_outline_is_not_read_as_a_letter_in_a_second_look() -> None:
    """Between a row's labels the second look finds ink where other rows have words; a key's
    outline runs from the top of the row's band to its bottom, and is no character (xcalc's
    outlines were read "l, D, l, E, l")."""
    image, lines = _keypad()
    gray = np.asarray(image.convert("L"))
    assert not gap_boxes(gray, lines)
    assert fill_gaps(image, lines, TesseractEngine()) == lines


def test_the_gaps_stage_finds_a_groups_grids_once() -> None:
    """The gaps stage's steps ask for the grids of the same lines in turn (:class:`GridsOnce`):
    they are found once, as :func:`find_grids` finds them, and found again for lines a step
    changed."""
    _, lines = _keypad()
    grids = GridsOnce()
    found = grids(lines)
    assert found[0] and found == find_grids(lines)
    assert grids(list(lines)) is found  # (the same lines, handed on in a new list)
    changed = [OcrLine.of([OcrWord("STO", lines[0].box, 0.95)]), *lines[1:]]
    assert grids(changed) is not found and grids(changed) == find_grids(changed)
