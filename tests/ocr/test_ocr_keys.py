"""A keypad's keys read one by one (assistant.ocr.keys): each label inside its outline read as one
short line, the first engine's words over the keys giving way."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.ink import ink_cells
from assistant.ocr.key_labels import key_text
from assistant.ocr.keys import Key, given_way, key_faces, keyed, keypad_areas, keypad_keys
from assistant.ocr.line_reader import LineReader, line_reader_available
from assistant.ocr.second_look import SecondLookOcr
from assistant.ocr.tesseract import TesseractEngine, tesseract_available

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
KEYS = [
    ["1/x", "sin", "cos", "tan", "DRG"],
    ["e", "EE", "log", "ln", "y^x"],
    ["not", "and", "or", "xor", "shl"],
    ["STO", "7", "8", "9", "mod"],
    ["RCL", "4", "5", "6", "SUM"],
]
PITCH, KEY_W, KEY_H, LEFT, TOP = (44, 30), 40, 26, 110, 90

needs_engines = pytest.mark.skipif(
    not (tesseract_available() and line_reader_available()), reason="needs tesseract and the PP-OCR models"
)


def _keypad() -> Image.Image:
    """Athena-like keys: rounded outlines with a light bevel inside, labels in a small font drawn
    without smoothing (as xcalc's bitmap font), in a window on a dark desktop."""
    image = Image.new("RGB", (480, 360), "#2e3440")
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"
    draw.rectangle((LEFT - 10, TOP - 40, LEFT + 5 * PITCH[0] + 6, TOP + 5 * PITCH[1] + 10), fill="#d9d9d9")
    for y in range(TOP - 40, TOP + 5 * PITCH[1] + 10, 2):  # Athena's stipple: one dark dot in four
        for x in range(LEFT - 10 + y % 4, LEFT + 5 * PITCH[0] + 6, 4):
            image.putpixel((x, y), (176, 176, 176))
    font = ImageFont.truetype(FONT, 11)
    for r, row in enumerate(KEYS):
        for c, key in enumerate(row):
            x, y = LEFT + PITCH[0] * c, TOP + PITCH[1] * r
            draw.rounded_rectangle((x, y, x + KEY_W, y + KEY_H), radius=4, fill="#cfdcec", outline="#7f8fa6")
            draw.line((x + 4, y + KEY_H - 3, x + KEY_W - 3, y + KEY_H - 3), fill="#a8b8cc")  # bevel
            left, top, right, bottom = draw.textbbox((0, 0), key, font=font)
            draw.text(
                (x + (KEY_W - right - left) // 2, y + (KEY_H - bottom - top) // 2),
                key,
                font=font,
                fill="black",
            )
    return image


def test_each_key_is_found_with_its_label_and_not_its_bevel() -> None:
    gray = np.asarray(_keypad().convert("L"))
    keys = key_faces(gray, (LEFT - 10, TOP - 10, LEFT + 5 * PITCH[0] + 6, TOP + 5 * PITCH[1] + 10))
    assert len(keys) == 25
    for k in keys:
        x0, y0, x1, y1 = k.face
        assert x1 - x0 in range(KEY_W - 1, KEY_W + 3) and y1 - y0 in range(KEY_H - 1, KEY_H + 3)
        assert k.label[3] < y1 - 3  # the bevel's line under the label is left out
        assert x0 < k.label[0] < k.label[2] < x1


def test_no_keypad_without_several_keys() -> None:
    image = Image.new("L", (200, 80), 217)
    ImageDraw.Draw(image).rounded_rectangle((20, 20, 60, 46), radius=4, outline=120)
    ImageDraw.Draw(image).text((30, 26), "OK", fill=0)
    assert key_faces(np.asarray(image), (0, 0, 200, 80)) == []


def test_look_alikes_put_right_only_where_the_label_leaves_no_doubt() -> None:
    assert [key_text(t) for t in ["1n", "sh1", "1og", "ST0", "Rν", "π"]] == [
        "ln",
        "shl",
        "log",
        "STO",
        "Rv",
        "π",
    ]
    assert [key_text(t) for t in ["1/x", "10", "1", "x2", "F10", "E0"]] == [
        "1/x",
        "10",
        "1",
        "x2",
        "F10",
        "E0",
    ]


def test_first_engines_words_over_keys_give_way() -> None:
    gray = np.asarray(_keypad().convert("L"))
    keys = key_faces(gray, (LEFT - 10, TOP - 10, LEFT + 5 * PITCH[0] + 6, TOP + 5 * PITCH[1] + 10))

    def key_at(r: int, c: int) -> Key:
        x, y = LEFT + PITCH[0] * c + KEY_W // 2, TOP + PITCH[1] * r + KEY_H // 2
        return next(k for k in keys if k.face[0] <= x < k.face[2] and k.face[1] <= y < k.face[3])

    ln, sin = key_at(1, 3), key_at(0, 1)
    across = (LEFT, TOP + PITCH[1], LEFT + 2 * PITCH[0] + 20, TOP + PITCH[1] + KEY_H)  # three keys
    lines = [
        OcrLine.of([OcrWord("sin", sin.label, 0.95)]),  # clear of the outline: the key's label
        OcrLine.of([OcrWord("(an", ln.face, 0.87), OcrWord("Qoeaack", across, 0.9)]),  # over outlines
        OcrLine.of([OcrWord("Calculator", (LEFT, TOP - 35, LEFT + 70, TOP - 20), 0.96)]),
    ]
    judged, to_read = keyed(lines, keys, 0.8)
    words = [w for ln_ in judged for w in ln_.words]
    assert [(w.text, w.confidence) for w in words] == [("sin", 0.95), ("(an", 0.79), ("Calculator", 0.96)]
    assert ln in to_read and sin not in to_read and len(to_read) == len(keys) - 1
    read = [OcrLine.of([OcrWord("ln", ln.label, 0.99)])]
    assert [ln_.text for ln_ in given_way(judged, read, keys)] == ["sin", "Calculator"]


@needs_engines
def test_a_keypads_short_labels_are_read_key_by_key() -> None:
    engine = TesseractEngine()
    engine.min_confidence = 0.0
    reader = SecondLookOcr(engine, LineReader())
    words = {w.text for line in reader.recognize(_keypad()).lines for w in line.words}
    labels = {k for row in KEYS for k in row}
    assert len(words & labels) >= len(labels) - 3, sorted(words)
    assert {"ln", "shl", "log", "STO"} <= words


def test_a_keypad_of_keys_well_apart_is_found_from_its_labels() -> None:
    """Keys a label's width apart (xcalc's HP mode): no tangle of ink, yet rows of short labels."""
    image = Image.new("L", (520, 300), 230)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 11)
    for r, row in enumerate(KEYS):
        for c, key in enumerate(row):
            x, y = 40 + 90 * c, 40 + 48 * r
            draw.rounded_rectangle((x, y, x + 60, y + 30), radius=5, outline=60)
            draw.text((x + 14, y + 8), key, font=font, fill=0)
    gray = np.asarray(image)
    areas = keypad_areas(ink_cells(gray, 8, 24), 8)
    assert len(areas) == 1
    x0, y0, x1, y1 = areas[0]
    assert x0 <= 60 and y0 <= 50 and x1 >= 40 + 90 * 4 + 30 and y1 >= 40 + 48 * 4 + 20
    assert len(keypad_keys(gray, areas)) == 25
    # A paragraph's lines are no keypad.
    text = Image.new("L", (520, 300), 255)
    for k in range(10):
        ImageDraw.Draw(text).text(
            (10, 10 + 18 * k), "a line of ordinary text runs on " * 2, font=font, fill=0
        )
    assert keypad_areas(ink_cells(np.asarray(text), 8, 24), 8) == []


def test_keys_of_their_own_colour_are_found_whole_only() -> None:
    """Keys drawn as faces of their own colour with light labels and a thin dark rim (xcalc's
    colour HP keys): found though no outline stands out; a face cut by the area's edge (a button
    running out of it) is no key."""
    image = Image.new("L", (400, 160), 226)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"
    font = ImageFont.truetype(FONT, 11)
    for r, row in enumerate(KEYS[:3]):
        for c, key in enumerate(row):
            x, y = 20 + 44 * c, 20 + 36 * r
            draw.rounded_rectangle((x, y, x + 36, y + 28), radius=4, fill=95, outline=30)
            draw.text((x + 8, y + 8), key, font=font, fill=255)
    gray = np.asarray(image)
    keys = key_faces(gray, (0, 0, 400, 160))
    assert len(keys) == 15
    for k in keys:  # each face holds its label, clear of the rim
        assert k.face[0] < k.label[0] and k.label[2] < k.face[2] and k.face[2] - k.face[0] <= 36
    cut = key_faces(gray, (0, 0, 20 + 44 * 4 + 18, 160))  # the last column cut in half
    assert len(cut) == 12 and all(k.face[2] <= 20 + 44 * 4 for k in cut)
