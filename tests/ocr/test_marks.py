"""Marks read as words are left out: a message box's icon, vim's "~" filler lines, a dialog's
corner, a drop-down's arrow and a check box's tick (real screenshots of datasets/screens, half A,
read by the app's own text reader or boxed as it boxes them)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from assistant.ocr import create_ocr_engine
from assistant.ocr.boxes import Box, OcrLine, OcrWord, overlaps
from assistant.ocr.line_reader import line_reader_available
from assistant.ocr.marks import without_marks
from assistant.ocr.tesseract import tesseract_available
from tests.support.screens import SCREEN_PNG

needs_reader = pytest.mark.skipif(
    not (tesseract_available() and line_reader_available()), reason="needs tesseract and the recogniser"
)


def _words(lines: list[OcrLine]) -> list[OcrWord]:
    return [w for ln in lines for w in ln.words]


def _on(words: list[OcrWord], box: Box) -> list[str]:
    return [w.text for w in words if overlaps(w.box, box)]


@needs_reader
@pytest.mark.timeout(180)
def test_a_question_icon_is_not_read_and_its_message_is() -> None:
    """Qt's question icon (a blue disc with a "?", 32 px beside 12 px text) was read "2)" before
    the message; the message's words stay, the icon's go."""
    image = Image.open(SCREEN_PNG / "dlg-qt-question-cabin-daloa.png").convert("RGB")
    words = _words(create_ocr_engine("auto").recognize(image).lines)
    assert _on(words, (384, 262, 418, 298)) == []  # the icon
    said = " ".join(w.text for w in words)
    assert "The squash court is already booked" in said
    assert "Replace" in said and "Cancel" in said


@needs_reader
@pytest.mark.timeout(180)
def test_vims_filler_lines_are_not_read() -> None:
    """vim's left pane past the end of its file: each "~" line was read "2" (a column of the same
    lone character at one left edge, an even pitch apart); the file's lines stay, numbers and all."""
    image = Image.open(SCREEN_PNG / "term-vim-split-hack-dark.png").convert("RGB")
    words = _words(create_ocr_engine("auto").recognize(image).lines)
    assert _on(words, (200, 520, 215, 640)) == []  # six of the "~" lines
    said = " ".join(w.text for w in words)
    for real in ("csv", "def due_today(rows, today):", "for row in rows:", "12 13 14 15"):
        assert real in said


@needs_reader
@pytest.mark.timeout(180)
def test_a_dialogs_corner_is_not_read() -> None:
    """whiptail's box: its top-left corner, where the top rule breaks for the title, was read "r"
    (two thin rules run on from it); the title and the list's words stay."""
    image = Image.open(SCREEN_PNG / "dlg-whiptail-checklist-noto.png").convert("RGB")
    words = _words(create_ocr_engine("auto").recognize(image).lines)
    assert _on(words, (330, 264, 341, 287)) == []
    said = [w.text for w in words]
    for real in ("Services", "Choose", "openssh-server", "minidlna"):
        assert real in said


@needs_reader
@pytest.mark.timeout(180)
def test_a_calculators_large_figures_are_kept() -> None:
    """A calculator's display figure and its keys' labels are far taller than the menu's words,
    but strokes on a ground, not a filled shape: nothing of galculator's reading is a mark."""
    image = Image.open(SCREEN_PNG / "calc-galculator.png").convert("RGB")
    lines = create_ocr_engine("auto").recognize(image).lines
    kept = without_marks(lines, np.asarray(image))
    assert _words(kept) == _words(lines)
    assert "0" in [w.text for w in _words(kept)]


@needs_reader
@pytest.mark.timeout(180)
def test_a_figure_whose_box_swells_over_a_tables_rules_is_kept() -> None:
    """w3m's bordered timetable: the first "10" of "10 min" was read with its cell's corner of
    rules in its box, twice the height of the text round it; a box crossed by rules is mostly
    ground round those thin lines, not a filled icon, and the figure stays."""
    image = Image.open(SCREEN_PNG / "term-w3m-buses-noto.png").convert("RGB")
    words = _words(create_ocr_engine("auto").recognize(image).lines)
    assert any(t.strip("‘'") == "10" for t in _on(words, (741, 290, 768, 311)))


def _boxed(name: str, words: list[tuple[str, Box]]) -> tuple[list[OcrLine], np.ndarray]:
    """One line of ``words`` boxed on the screenshot ``name`` (the boxes the reader gave them)."""
    rgb = np.asarray(Image.open(SCREEN_PNG / f"{name}.png").convert("RGB"))
    return [OcrLine.of([OcrWord(t, b, 0.9) for t, b in words], 0.9)], rgb


def test_a_drop_downs_arrow_and_a_ticked_box_are_not_read_and_a_letter_is() -> None:
    """zenity's file chooser sorts by name under a small filled arrow, read "v" ("Name v Size");
    a Qt check box's black tick on its white face, inside a grey outline (no plain ring round it),
    was read "v"; a keyboard's "V" key is a letter (as wide as tall, its arms ending at one
    height) and stays, as does the word beside the arrow."""
    lines, rgb = _boxed(
        "dlg-zenity-file-chooser", [("v", (1380, 297, 1390, 302)), ("Size", (1407, 294, 1437, 304))]
    )
    assert [w.text for w in _words(without_marks(lines, rgb))] == ["Size"]
    lines, rgb = _boxed("form-qt-tabs-settings", [("v", (289, 320, 297, 329))])
    assert without_marks(lines, rgb) == []
    lines, rgb = _boxed("keys-tk-keyboard", [("V", (496, 361, 519, 385))])
    assert [w.text for w in _words(without_marks(lines, rgb))] == ["V"]
