"""Tesseract's words put right after its page layout: a word cut in two down a false column; a sheet
read by the process left waiting for it."""

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


@pytest.mark.skipif(not tesseract_available(), reason="needs tesseract")
@pytest.mark.timeout(60)
def test_a_sheet_read_by_the_waiting_process_reads_as_a_fresh_one() -> None:
    """After a page, a process waits for the next sheet (its model loaded while other work runs):
    it reads the sheet as a process started for it does, then ends; close() stops one unused."""
    page = Image.open(SCREENS / "dlg-tk-save-changes.png")
    engine = TesseractEngine(in_process=False)  # the program's path (the models' own: test_ocr_tess_api)
    box = max(engine.recognize(page).lines, key=lambda ln: len(ln.text)).box
    sheet = page.crop((box[0] - 10, box[1] - 10, box[2] + 10, box[3] + 10))  # its longest line
    waiting = engine._spare
    assert waiting is not None and waiting.poll() is None
    warm = [(ln.text, ln.box) for ln in engine.read_sheet(sheet).lines]
    assert waiting.wait(timeout=5) == 0 and engine._spare is None
    cold = TesseractEngine(in_process=False)
    assert warm and warm == [(ln.text, ln.box) for ln in cold.read_sheet(sheet).lines]
    engine.recognize(page)
    unused = engine._spare
    engine.close()
    assert unused is not None and unused.poll() is not None
    cold.close()
