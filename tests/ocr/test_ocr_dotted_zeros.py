"""Zeros drawn with a dot inside (a programmer's terminal font) read as zeros, not "@"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image

from assistant.ocr.dotted_zeros import zeros

SCREENS = Path(__file__).resolve().parents[2] / "datasets" / "screens"


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
    truth = set(json.loads((SCREENS / "truth" / f"{name}.json").read_text())["words"])
    crop = Image.open(SCREENS / "png" / f"{name}.png").convert("RGB").crop((540, 540, 740, 620))
    words = [w.text for line in create_ocr_engine().recognize(crop).lines for w in line.words]
    figures = [w for w in words if re.fullmatch(r"\d\d:\d\d", w)]
    assert len(figures) >= 3 and set(figures) <= truth, figures
    assert not [w for w in words if re.search(r"\d@|@\d", w)], words
