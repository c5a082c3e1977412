"""The second look: PP-OCR's recogniser reads what tesseract left unread or was unsure of."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.line_reader import LAYOUT, LineReader, line_reader_available, strips
from assistant.ocr.second_look import (
    SecondLookConfig,
    SecondLookOcr,
    ink_cells,
    merge,
    plausible,
    unread_places,
)
from assistant.ocr.tesseract import TesseractEngine, rule_mask, tesseract_available
from tests.support.screens import SCREEN_PNG

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
KEYS = [
    ["MC", "MR", "M+", "C"],
    ["7", "8", "9", "÷"],
    ["4", "5", "6", "×"],
    ["1", "2", "3", "−"],
    ["0", ".", "=", "+"],
]

needs_engines = pytest.mark.skipif(
    not (tesseract_available() and line_reader_available()), reason="needs tesseract and the PP-OCR models"
)


def _keypad() -> Image.Image:
    """A calculator's keys on a grey window over a dark desktop, as Tk draws them (bevelled)."""
    image = Image.new("RGB", (640, 480), "#2e3440")
    draw = ImageDraw.Draw(image)
    draw.rectangle((180, 60, 460, 400), fill="#dcdcdc")
    font = ImageFont.truetype(FONT, 18)
    for r, row in enumerate(KEYS):
        for c, key in enumerate(row):
            x, y = 195 + 66 * c, 80 + 62 * r
            draw.rectangle((x, y, x + 60, y + 36), fill="#d9d9d9", outline="#8a8a8a")
            draw.line((x + 1, y + 1, x + 59, y + 1), fill="white")
            draw.line((x + 1, y + 1, x + 1, y + 35), fill="white")
            left, top, right, bottom = draw.textbbox((0, 0), key, font=font)
            draw.text(
                (x + 30 - (right - left) / 2, y + 18 - (bottom + top) / 2), key, font=font, fill="black"
            )
    return image


def test_ink_is_letters_not_edges_or_rules() -> None:
    image = Image.new("L", (400, 200), 230)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 100, 399, 199), fill=60)  # a dark area: one edge along its top
    draw.rectangle((20, 20, 380, 80), outline=90)  # a frame of rules
    draw.text((150, 40), "Save", font=ImageFont.truetype(FONT, 16), fill=0)
    gray = np.asarray(image)
    ink = ink_cells(gray, 8, 24, rule_mask(gray))  # as unread_places does
    rows, cols = np.nonzero(ink)
    assert ink.any()
    assert rows.min() >= 40 // 8 - 1 and rows.max() <= 60 // 8 + 1  # only the word's cells
    assert cols.min() >= 150 // 8 - 1 and cols.max() <= 200 // 8 + 1


def test_a_word_too_narrow_for_its_letters_is_implausible() -> None:
    assert not plausible(OcrWord("or", (543, 313, 554, 453), 0.92))  # a column of keys read as "or"
    assert plausible(OcrWord("1", (540, 311, 546, 327), 0.9))
    assert plausible(OcrWord("Calculator", (643, 165, 713, 175), 0.9))


def test_merge_replaces_unsure_words_and_keeps_sure_ones() -> None:
    cfg = SecondLookConfig()
    sure = OcrWord("Pocket", (10, 10, 60, 24), 0.97)
    unsure = OcrWord("Cc", (70, 10, 82, 24), 0.67)
    first = [OcrLine("Pocket Cc", (10, 10, 82, 24), 0.8, [sure, unsure])]
    again = OcrWord("Pocket", (12, 10, 58, 24), 0.99)  # read again beside the place: not said twice
    second = [OcrLine("C", (70, 10, 82, 24), 0.99, [OcrWord("C", (70, 10, 82, 24), 0.99)])]
    second.append(OcrLine("Pocket", again.box, 0.99, [again]))
    merged = merge(first, second, cfg)
    assert sorted(w.text for ln in merged for w in ln.words) == ["C", "Pocket"]


def test_strips_keep_pictures_apart_and_within_width() -> None:
    pictures = [np.full((48, w, 3), 200, np.uint8) for w in (30, 900, 700, 40, 1700)]
    laid = strips(pictures)
    assert sorted(i for s in laid for i in s.indices) == list(range(5))
    for s in laid:
        assert s.pixels.shape[1] <= LAYOUT.width + 2 * LAYOUT.gap or len(s.indices) == 1
        for (_, a1), (b0, _) in zip(s.spans, s.spans[1:], strict=False):
            assert b0 - a1 >= LAYOUT.gap


@needs_engines
@pytest.mark.timeout(120)
def test_keys_tesseract_misses_are_read_in_a_second_look() -> None:
    image = _keypad()
    keys = [k for row in KEYS for k in row if any(ch.isalnum() for ch in k)]
    plain = TesseractEngine().recognize(image)
    assert len(unread_places(np.asarray(image.convert("L")), plain.lines, SecondLookConfig())) >= 3
    first = [w.text for ln in plain.lines for w in ln.words]
    assert sum(k in first for k in keys) < len(keys), "tesseract read every key; no second look shown"
    read = [
        w.text
        for ln in SecondLookOcr(TesseractEngine(min_confidence=0.0), LineReader()).recognize(image).lines
        for w in ln.words
    ]
    assert all(k in read for k in keys), (keys, read)
    assert all(any(ch.isalnum() for ch in w) for w in read)
    assert len([w for w in read if w not in keys]) <= 1  # at most one stray reading (an operator key)


def test_light_text_is_told_by_the_text_not_by_the_ground() -> None:
    from assistant.ocr.line_reader import light_text

    def line(ground: int, ink: int) -> np.ndarray:
        gray = np.full((20, 80), float(ground))
        gray[6:14, 10:70:4] = ink  # strokes
        return gray

    assert light_text(line(150, 255), 150.0)  # white on a title bar's mid blue
    assert light_text(line(30, 200), 30.0)  # a dark theme
    assert not light_text(line(220, 30), 220.0)  # dark on light
    assert not light_text(line(110, 10), 110.0)  # black on a darker grey than half


def test_an_unsure_word_taller_than_two_lines_is_cut_into_lines() -> None:
    from assistant.ocr.second_look import _by_height

    sure = [OcrLine("Only 3 GB left", (10, 10, 200, 24), 0.95, [OcrWord("Only", (10, 10, 50, 24), 0.95)])]
    row, tall = (10, 40, 120, 58), (10, 60, 160, 130)  # one line; a row of buttons and the field above
    lines, places = _by_height([row, tall], sure, SecondLookConfig())
    assert lines == [row] and places == [tall]
    assert _by_height([tall], [], SecondLookConfig()) == ([tall], [])  # no sure word to compare with


@needs_engines
@pytest.mark.timeout(120)
def test_a_calculators_display_labels_are_read_inside_its_keypad() -> None:
    """xcalc in colour (datasets/screens, half A): the display's "DEG" and "DEC" sit just above its
    bottom border, darker than the window below it; inside the keypad's tangle the ring round
    them crossed that border onto the window and was taken for a corner where keys meet."""

    png = SCREEN_PNG / "calc-xcalc-color.png"
    image = Image.open(png).crop((830, 280, 1100, 745))  # the calculator's window
    look = SecondLookOcr(TesseractEngine(min_confidence=0.0), LineReader())
    read = [w.text for ln in look.recognize(image).lines for w in ln.words]
    assert "DEG" in read and "DEC" in read, read


def _dial(touched: int) -> Image.Image:
    """A clock's dial in bold numbers, the minute hand's tip touching the number ``touched``."""
    import math

    image = Image.new("RGB", (420, 420), "#efefef")
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 380, 380), fill="white")
    centre, radius = 210, 150
    draw.ellipse((60, 60, 360, 360), outline="black", width=3)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 17)

    def at(n: int, share: float) -> tuple[float, float]:
        angle = math.radians(90 - 30 * n)
        return centre + share * radius * math.cos(angle), centre - share * radius * math.sin(angle)

    for n in range(1, 13):
        x, y = at(n, 0.8)
        left, top, right, bottom = draw.textbbox((0, 0), str(n), font=font)
        draw.text((x - (right - left) / 2, y - (bottom + top) / 2), str(n), font=font, fill="black")
    draw.line((centre, centre, *at(touched, 0.74)), fill="black", width=3)
    draw.line((centre, centre, *at(4, 0.5)), fill="black", width=5)
    return image


@needs_engines
@pytest.mark.timeout(120)
def test_a_dial_number_touching_a_clocks_hand_is_read() -> None:
    """The hand and the "8" at its tip are one thin, sparse run of ink cells (too sparse to be
    text, it was left unread); where the cells crowd, as a letter's do, is a place of its own."""
    look = SecondLookOcr(TesseractEngine(min_confidence=0.0), LineReader())
    read = [w.text for ln in look.recognize(_dial(8)).lines for w in ln.words]
    assert "8" in read and {"2", "3", "4", "5", "6", "9", "12"} <= set(read), read


@needs_engines
@pytest.mark.timeout(120)
def test_an_unsure_words_ink_is_read_once_not_again_as_a_place() -> None:
    """A short word tesseract is unsure of ("-l" read "-1" at 0.64 on a terminal's prompt) is read
    again as one line; its ink, found unread too, is not read a second time as a place (the
    place's margin made it twice the line's box, so the line covered under half of it)."""
    from assistant.ocr.base import OcrEngine, OcrResult
    from assistant.ocr.line_reader import ReadLine

    image = Image.new("RGB", (360, 40), "white")
    mono = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 13)
    ImageDraw.Draw(image).text((10, 12), "sam@desk:~/reports$ ls -l", font=mono, fill="black")
    read = TesseractEngine(min_confidence=0.0).recognize(image)
    option = next(w for ln in read.lines for w in ln.words if w.text in ("-l", "-1", "-I"))
    for ln in read.lines:  # the option made unsure, as tesseract was of it on the real screen
        ln.words = [OcrWord(w.text, w.box, 0.64) if w is option else w for w in ln.words]

    class Read(OcrEngine):
        name = "tesseract"

        def recognize(self, image: Image.Image) -> OcrResult:
            return read

    class Counted(LineReader):
        def __init__(self) -> None:
            super().__init__()
            self.crops: list[np.ndarray] = []

        def read(self, crops: list[np.ndarray]) -> list[ReadLine]:
            self.crops += crops
            return super().read(crops)

    reader = Counted()
    result = SecondLookOcr(Read(), reader).recognize(image)
    crops = reader.crops
    assert "-l" in [w.text for ln in result.lines for w in ln.words]
    assert len(crops) == 1, [c.shape for c in crops]
