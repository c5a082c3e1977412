"""Tesseract's words put right after its page layout: a word cut in two down a false column; a sheet
read by the process left waiting for it."""

from __future__ import annotations

import pytest
from PIL import Image

from assistant.ocr.boxes import OcrWord
from assistant.ocr.tesseract import TesseractEngine, capital_i, tesseract_available
from tests.support.screens import SCREEN_PNG


@pytest.mark.skipif(not tesseract_available(), reason="needs tesseract")
@pytest.mark.timeout(120)
def test_words_cut_down_a_false_column_are_joined_again() -> None:
    """Four windows on a 1920x1080 screen (datasets/screens, half A): tesseract's page layout took
    the man page's justified double spaces for a gutter and cut "entries", "with" and "first" in
    two, "ent" | "ries", each half sure (0.96) and on a line of its own."""
    result = TesseractEngine(min_confidence=0.0).recognize(Image.open(SCREEN_PNG / "multi-four-windows.png"))
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
    page = Image.open(SCREEN_PNG / "dlg-tk-save-changes.png")
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


@pytest.mark.skipif(not tesseract_available(), reason="needs tesseract")
@pytest.mark.timeout(120)
def test_a_bar_opening_a_line_of_small_words_is_a_capital_i() -> None:
    """GTK's tick box beside "I have read the agreement and accept it" (datasets/screens, half A):
    tesseract read the sans-serif I as "|", and a bar alone was dropped as a border."""
    image = Image.open(SCREEN_PNG / "dlg-zenity-text-info-terms.png").crop((280, 480, 620, 540))
    lines = TesseractEngine(min_confidence=0.0).recognize(image).lines
    assert [ln.text for ln in lines] == ["I have read the agreement and accept it"]


def test_a_bar_between_words_or_cells_stays_a_border() -> None:
    def word(text: str, x: int) -> OcrWord:
        return OcrWord(text, (x, 10, x + 8 * len(text), 24), 0.9)

    pipe = [word("ls", 0), word("|", 24), word("grep", 36), word("log", 76)]
    assert [w.text for w in capital_i(pipe)] == ["ls", "grep", "log"]
    table = [word("|", 0), word("name", 12), word("|", 60), word("size", 72)]
    assert [w.text for w in capital_i(table)] == ["name", "size"]
    capital = [word("|", 0), word("Agree", 12)]  # not a word of small letters after it
    assert [w.text for w in capital_i(capital)] == ["Agree"]
    assert [w.text for w in capital_i([word("|", 0), word("have", 12)])] == ["I", "have"]
