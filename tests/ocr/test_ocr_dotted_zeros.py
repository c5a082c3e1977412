"""Zeros drawn with a dot inside (a programmer's terminal font) read as zeros, not "@"."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.dotted_zeros import struck_read, struck_zeros, zeros
from tests.support.screens import SCREEN_PNG, SCREEN_TRUTH


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("353.@", "353.0"),  # after a figure's point
        ("@8:12", "08:12"),  # before a figure, nothing before it
        ("5@", "50"),  # after a figure
        ("dbe@@d5", "dbe00d5"),  # two inside a word (a hash)
        ("07:@5", "07:05"),
        ("2@24-@2-22", "2024-02-22"),  # a date (Hermit's slashed zero)
        ("2@24-€2-09", "2024-02-09"),  # ... read "€" between figures
        ("+€2¢3", "+0203"),  # a time zone
        ("@:00.00", "0:00.00"),  # htop's time, first before its colon (3270's dotted zero)
        ("©:00.00", "0:00.00"),  # ... read "©" (Hack)
        ("@.0%", "0.0%"),
    ],
)
def test_an_at_sign_among_figures_is_a_zero(read: str, meant: str) -> None:
    assert zeros(read) == meant


@pytest.mark.parametrize(
    "word",
    [
        "root@192.168.1.1",
        "lee@attic:~$",
        "morgan@example.org",
        "@@",
        "@user",
        "a@b",
        "@",
        "user1@host:~$",  # a name ending in a figure
        "alice42@example.com",
        "1920x1080@60Hz",  # a display mode
        "@2x",
        "€20",  # a price
        "20€",
        "-€5",
        "2€50",  # a price the French way (two euros fifty)
        "9¢90",
        "©2024",  # a copyright's year
        "@:",
        "€.99",  # a price before its point keeps its sign (only "@" and "©" start a time)
        "¢.5",
    ],
)
def test_an_at_sign_between_a_name_and_a_host_or_alone_stays(word: str) -> None:
    """A real "@" after or before a figure stays: the word would be no number and no hash."""
    assert zeros(word) == word


def test_a_terminal_in_a_dotted_zero_font_is_read_with_zeros() -> None:
    """urxvt in mononoki (a real capture): its times and sizes come out with zeros, as the truth
    has them, and no word of the reading holds an "@" next to a figure."""
    from assistant.ocr import create_ocr_engine
    from assistant.ocr.line_reader import line_reader_available
    from assistant.ocr.tesseract import tesseract_available

    if not (tesseract_available() and line_reader_available()):
        pytest.skip("needs tesseract and the PP-OCR models")
    name = "multi-four-page-st-urxvt-tk"
    truth = set(json.loads((SCREEN_TRUTH / f"{name}.json").read_text())["words"])
    crop = Image.open(SCREEN_PNG / f"{name}.png").convert("RGB").crop((540, 540, 740, 620))
    words = [w.text for line in create_ocr_engine().recognize(crop).lines for w in line.words]
    figures = [w for w in words if re.fullmatch(r"\d\d:\d\d", w)]
    assert len(figures) >= 3 and set(figures) <= truth, figures
    assert not [w for w in words if re.search(r"\d@|@\d", w)], words


def _part(name: str, box: tuple[int, int, int, int]) -> np.ndarray:
    """The grey of ``box`` in a half-A screen and a pixel round it, as ``struck_read`` crops it."""
    x0, y0, x1, y1 = box
    with Image.open(SCREEN_PNG / f"{name}.png") as image:
        return np.asarray(image.convert("L").crop((x0 - 1, y0 - 1, x1 + 1, y1 + 1)))


def test_a_slashed_zero_read_as_an_eight_is_a_zero() -> None:
    """tig in Hermit (faint grey on black) and ls in Spleen 6x12 (half A): their slashed zeros
    were read "8", "6" and "2" ("2824-02-19", "2224-02-06", "2216934"). A struck zero is a ring
    closed at both sides with a stroke between them; no figure of the screens' own is changed."""
    assert struck_zeros("2824-02-19", _part("term-tig-st-hermit", (265, 211, 353, 223))) == "2024-02-19"
    assert struck_zeros("2224-02-06", _part("term-tig-st-hermit", (265, 275, 353, 287))) == "2024-02-06"
    assert struck_zeros("18:38", _part("term-tig-st-hermit", (365, 275, 407, 287))) == "18:30"
    assert struck_zeros("2216934", _part("term-metacity-ls-spleen6", (294, 162, 335, 171))) == "2210934"
    assert struck_zeros("28410", _part("term-metacity-ls-spleen6", (306, 204, 335, 213))) == "28410"
    # IBM 3270's "9" has a stroke inside its bowl, but no closed ring: "2920" stays
    assert struck_zeros("2920", _part("term-fvwm-htop-3270", (300, 285, 335, 297))) == "2920"


def test_a_box_off_the_picture_is_left_as_read() -> None:
    """A word boxed beyond the picture's edge (a stray padded box) is kept as read, not a crash."""
    lines = [OcrLine.of([OcrWord("2@24", (60, 5, 80, 15), 0.9)])]
    assert [ln.text for ln in struck_read(lines, Image.new("RGB", (50, 30)))] == ["2@24"]
