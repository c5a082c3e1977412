"""Tesseract's words put right after its page layout: a word cut in two down a false column."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from assistant.ocr.tesseract import TesseractEngine, tesseract_available

SCREENS = Path(__file__).resolve().parents[2] / "datasets" / "screens" / "png"


@pytest.mark.skipif(not tesseract_available(), reason="needs tesseract")
@pytest.mark.timeout(120)
def test_words_cut_down_a_false_column_are_joined_again() -> None:
    """Four windows on a 1920x1080 screen (datasets/screens, half A): tesseract's page layout took
    the man page's justified double spaces for a gutter and cut "entries", "with" and "first" in
    two, "ent" | "ries", each half sure (0.96) and on a line of its own."""
    result = TesseractEngine(min_confidence=0.0).recognize(Image.open(SCREENS / "multi-four-windows.png"))
    words = [w.text for ln in result.lines for w in ln.words]
    assert not {"ent", "ries", "irst"} & set(words), [w for w in words if w in {"ent", "ries", "irst"}]
    line = next(ln for ln in result.lines if "implied entries" in ln.text)
    assert line.text.endswith("implied entries ending with"), line.text
    assert [w.text for w in line.words] == line.text.split()
