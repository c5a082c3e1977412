"""Keypads of other programs and looks (datasets/screens, half A, added for issue #15: real
screenshots of xcalc with other X resources, Tk and Qt keypads of flat, ridged and round keys,
galculator, an on-screen keyboard): found from their labels, each key's label read alone on its
bare face, and a misread label put right to the key word it can only be."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.ink import ink_cells
from assistant.ocr.key_labels import key_text
from assistant.ocr.keys import bare_keys, keypad_areas, keypad_keys
from assistant.ocr.line_reader import LineReader, line_reader_available
from assistant.ocr.outlines import frame_mask
from assistant.ocr.second_look import SecondLookOcr
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG, SCREEN_TRUTH

needs_engines = pytest.mark.skipif(
    not (tesseract_available() and line_reader_available()), reason="needs tesseract and the PP-OCR models"
)


def _window(name: str) -> tuple[Image.Image, dict]:
    """The screenshot cut to its one window's frame, and that window's truth."""
    truth = json.loads((SCREEN_TRUTH / f"{name}.json").read_text(encoding="utf-8"))
    win = truth["windows"][0]
    x, y, w, h = win["frame"]
    return Image.open(SCREEN_PNG / f"{name}.png").convert("RGB").crop((x, y, x + w, y + h)), win


def _keys(image: Image.Image) -> list:
    gray = np.asarray(image.convert("L"))
    return keypad_keys(gray, keypad_areas(ink_cells(gray, 8, 24), 8))


@pytest.mark.parametrize(
    ("name", "least"),
    [
        ("calc-tk-dark-flat", 24),  # flat keys, no outline, labels 50 px apart: no tangle
        ("calc-tk-hex-ridge", 24),  # "A" and "B" 78 px apart
        ("calc-qt-round-dark", 20),  # round keys (a "," or "×" too small a speck to tell from one)
        ("keys-tk-keyboard", 29),  # single letters
    ],
)
def test_a_keypad_of_keys_a_keys_width_apart_is_found(name: str, least: int) -> None:
    image, win = _window(name)
    keys = _keys(image)
    assert len(keys) >= least
    # Every key found is one key: no face holds two labels' places of the truth.
    boxes = [b for item in win["items"] if item["role"] == "button" for b in item["boxes"]]
    x0, y0 = win["frame"][0], win["frame"][1]
    for k in keys:
        inside = [b for b in boxes if k.face[0] <= b[0] - x0 and b[0] - x0 + b[2] <= k.face[2] + 1]
        inside = [b for b in inside if k.face[1] <= b[1] - y0 and b[1] - y0 + b[3] <= k.face[3] + 1]
        assert len(inside) <= 2, (k.face, inside)  # "M+" and the like are two words at most


def test_each_keys_label_is_left_alone_on_its_bare_face() -> None:
    """A dark xcalc: the light outline round each key is painted in the key's ground, so that the
    recogniser reads "tan", not "Itan"; the label's own pixels are kept."""
    image, _ = _window("calc-xcalc-dark-9x15")
    gray = np.asarray(image.convert("L"))
    keys = keypad_keys(gray, [(0, 80, image.width, image.height)])  # its keys touch: a tangle, looked into
    assert len(keys) >= 50
    for (x0, y0, x1, y1), patch in bare_keys(gray, keys):
        assert patch.shape == (y1 - y0, x1 - x0)
        assert not frame_mask(patch).any()  # no outline left
    key = keys[len(keys) // 2]
    (x0, y0, x1, y1), patch = next(p for p in bare_keys(gray, [key]))
    lx0, ly0, lx1, ly1 = key.label
    assert np.array_equal(patch[ly0 - y0 : ly1 - y0, lx0 - x0 : lx1 - x0], gray[ly0:ly1, lx0:lx1])
    # Where the outline ran (the patch's edge rows and columns): the face's ground alone.
    edge = np.concatenate(
        [patch[:3].ravel(), patch[-3:].ravel(), patch[:, :3].ravel(), patch[:, -3:].ravel()]
    )
    assert len(np.unique(edge)) == 1


def test_a_label_touching_its_keys_side_is_the_labels_to_its_end() -> None:
    """xcalc's "trunc" fills its key, its "c" touching the key's right side (half A
    calc-xcalc-ti-mono-natura, calc-xcalc-color): the "c" is the label's, not the outline's (it was
    read "trun"); and
    a display's big "0" (a ring round a dot, like an outline) is its text's ("0.5", not "5")."""
    image, _ = _window("calc-xcalc-ti-mono-natura")
    gray = np.asarray(image.convert("L"))
    keys = keypad_keys(gray, [(0, 80, image.width, image.height)])  # its keys touch: a tangle
    widest = max(keys, key=lambda k: (k.label[2] - k.label[0]) if k.face[3] - k.face[1] < 40 else 0)
    assert widest.label[2] - widest.label[0] >= 32  # t r u n c, 6 pixels a letter
    assert widest.face[2] - widest.label[2] <= 5
    # In colour a light bevel line runs down beside the "c" (4 pixels in): painted out with the
    # rest of the key, the label's black alone left on the ground ("trund" read with it).
    image, _ = _window("calc-xcalc-color")
    gray = np.asarray(image.convert("L"))
    keys = keypad_keys(gray, [(0, 80, image.width, image.height)])
    widest = max(keys, key=lambda k: (k.label[2] - k.label[0]) if k.face[3] - k.face[1] < 40 else 0)
    assert widest.label[2] - widest.label[0] >= 32
    _, patch = bare_keys(gray, [widest])[0]
    assert len(np.unique(patch)) == 2  # the ground and the label's ink
    image, win = _window("calc-qt-fusion-wide")
    display = next(item for item in win["items"] if item["role"] == "display")["boxes"][0]
    found = [k for k in _keys(image) if k.face[2] - k.face[0] > 4 * (k.face[3] - k.face[1])]
    assert len(found) == 1 and found[0].label[0] <= display[0] - win["frame"][0] + 3


def test_a_paragraph_or_listing_is_no_keypad() -> None:
    """Rows and columns of short words are no keypad unless most of the ink is short labels: a man
    page and an ls -l listing of half A give no keypad area or no keys."""
    for name in ("man-ls", "term-ls-reports"):
        gray = np.asarray(Image.open(SCREEN_PNG / f"{name}.png").convert("L"))
        assert keypad_keys(gray, keypad_areas(ink_cells(gray, 8, 24), 8)) == []


def test_a_misread_label_is_put_right_only_to_the_one_key_word_it_can_be() -> None:
    assert [key_text(t) for t in ["s1n", "In", "0N", "coS", "1og", "sh1", "ST0", "INY", "xl"]] == [
        "sin",
        "ln",
        "ON",
        "cos",
        "log",
        "shl",
        "STO",
        "INV",
        "x!",
    ]
    # Right already, or no key word (or more than one) to be: left as read.
    assert [key_text(t) for t in ["Inv", "INV", "On", "x!", "1/x", "10", "E0", "M+", "Rad"]] == [
        "Inv",
        "INV",
        "On",
        "x!",
        "1/x",
        "10",
        "E0",
        "M+",
        "Rad",
    ]


def test_a_functions_label_with_a_mark_misread_is_put_right_where_one_mark_makes_it_one() -> None:
    """xcalc's HP keys in colour: "10^x" read "10^>"; a mark misread on a key is put right where
    changing that one mark makes one known function's label, and only then."""
    assert [key_text(t) for t in ["10^>", "e^>", "+/="]] == ["10^x", "e^x", "+/-"]
    # A letter or digit misread is no mark; two labels one mark away ("x^y", "x:y"): left as read.
    assert [key_text(t) for t in ["1/y", "9^x", "x+y", "M+", "y^x"]] == ["1/y", "9^x", "x+y", "M+", "y^x"]


@needs_engines
@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("name", "must"),
    [
        ("calc-xcalc-dark-9x15", {"tan", "and", "ln", "shl", "y^x", "x!"}),  # read "Itan", "land", ...
        ("calc-qt-round-dark", {"mc", "mr", "AC", "Rad"}),  # round keys, light on dark
        ("calc-qt-windows-small", {"ln", "Inv", "sin", "Frac"}),  # 9 pt; "ln" read "In"
    ],
)
def test_a_keypads_labels_are_read_key_by_key(name: str, must: set[str]) -> None:
    image, win = _window(name)
    look = SecondLookOcr(TesseractEngine(min_confidence=0.0), LineReader())
    read = [w.text.lower() for ln in look.recognize(image).lines for w in ln.words]  # "Ac": "AC" heard
    assert {m.lower() for m in must} <= set(read), read
    labels = [b.lower() for b in win["buttons"] if any(ch.isalnum() for ch in b)]
    found = sum(1 for b in labels if b in read)
    assert found >= 0.85 * len(labels), (found, len(labels), read)


def test_keys_of_their_own_colour_are_found_and_a_tables_cells_are_not() -> None:
    """xcalc -rpn in colour at 440x230 (half A calc-xcalc-rpn-steel): its keys touch, so the keypad
    is one part of ink too short for a tangle, found as a block; its steel-blue keys with white
    labels have no outline that stands out (only its ten white keys have), and are found as faces
    of their own grey. A Qt table's cells (multi-calc-invoice-print) are even faces too, but of
    the grey round them: no keys."""
    image, win = _window("calc-xcalc-rpn-steel")
    keys = _keys(image)
    labels = [b for b in win["buttons"] if any(ch.isalnum() for ch in b)]
    assert len(keys) >= 0.9 * len(labels)  # white and steel keys alike (the outlines alone: 10)
    gray = np.asarray(image.convert("L"))
    dark = [k for k in keys if np.median(gray[k.face[1] : k.face[3], k.face[0] : k.face[2]]) < 128]
    assert len(dark) >= 20
    for k in keys:  # one key each (or the display): its label inside, narrower than a key's pitch
        assert k.face[0] <= k.label[0] and k.label[2] <= k.face[2]
        assert k.face[2] - k.face[0] < 50 or k.face[3] < 100
    shot = Image.open(SCREEN_PNG / "multi-calc-invoice-print.png").convert("L")
    table = np.asarray(shot.crop((330, 80, 892, 527)))  # the invoice window, its table of 4 rows
    found = keypad_keys(table, [(0, 40, table.shape[1], 240)])  # (the title bar's buttons are keys)
    assert not [k for k in found if k.face[1] >= 40 and k.face[3] <= 200], found
