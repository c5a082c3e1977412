"""Dialogs read from their pixels (assistant.understand.dialogs) on real screenshots of half A."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import TextBlock
from assistant.understand.dialogs import by_window, read_dialog

REPO = Path(__file__).resolve().parents[2]
SCREENS = REPO / "datasets" / "screens" / "png"


def _line(text: str, x: int, y: int) -> OcrLine:
    words, left = [], x
    for word in text.split():
        words.append(OcrWord(word, (left, y, left + 10 * len(word), y + 14), 0.9))
        left += 10 * len(word) + 6
    return OcrLine(text, (x, y, left - 6, y + 14), 0.9, words)


def test_the_lowest_row_of_short_labels_is_the_buttons() -> None:
    message = TextBlock(
        [_line("Delete 3 files permanently?", 100, 100), _line("This cannot be undone.", 100, 120)]
    )
    buttons = TextBlock([_line("Delete", 300, 170)]), TextBlock([_line("Cancel", 400, 170)], is_heading=True)
    reading = read_dialog([message, *buttons])
    assert reading is not None and reading.sentence == "Buttons: Delete, Cancel."
    assert reading.blocks == [message]
    # A page whose last line is short is not a dialog: one label alone, or text below the labels.
    assert read_dialog([message, TextBlock([_line("Next", 300, 170)])]) is None
    below = TextBlock([_line("Terms of use and privacy notice", 100, 220)])
    assert read_dialog([message, *buttons, below]) is None


def test_among_windows_a_dialogs_buttons_stay_last_in_its_window() -> None:
    """A dialog on top of an editor: its buttons are said after its message and before the editor
    (named by its heading) starts; the editor, no dialog, is left as it was."""
    message = TextBlock([_line("Close the letter without saving?", 100, 100)])
    buttons = (
        TextBlock([_line("Go Back", 120, 150)]),
        TextBlock([_line("Close Anyway", 260, 150)], is_heading=True),
    )
    editor = TextBlock([_line("letter.txt Writer window", 50, 20)], is_heading=True)
    letter = TextBlock([_line("Dear neighbours, the street party is on Saturday.", 60, 300)])
    toolbar = TextBlock([_line("New Open Save", 60, 260)])
    said = [b.text for b in by_window([message, *buttons, editor, toolbar, letter])]
    assert said == [message.text, "Buttons: Go Back, Close Anyway", editor.text, toolbar.text, letter.text]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("screen", "buttons"),
    [("dlg-tk-save-changes", ["Discard", "Cancel", "Save"]), ("dlg-qt-connect", ["Cancel", "Connect"])],
)
def test_real_dialogs_say_their_buttons_last(screen: str, buttons: list[str]) -> None:
    from assistant.ocr.tesseract import TesseractEngine, tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    blocks = TesseractEngine().recognize(Image.open(SCREENS / f"{screen}.png").convert("RGB")).blocks()
    reading = read_dialog(blocks)
    assert reading is not None and reading.buttons == buttons


@pytest.mark.timeout(120)
@pytest.mark.parametrize("screen", ["man-ls", "article-chromium-birds", "table-chromium-trains"])
def test_real_pages_are_not_dialogs(screen: str) -> None:
    from assistant.ocr.tesseract import TesseractEngine, tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    blocks = TesseractEngine().recognize(Image.open(SCREENS / f"{screen}.png").convert("RGB")).blocks()
    assert read_dialog(blocks) is None


@pytest.mark.timeout(120)
def test_a_picture_of_two_windows_is_read_window_by_window() -> None:
    """A screenshot file (no window stack): the windows found by their title bars are counted, the
    dialog on top is read first, its buttons last in it, then the editor under it."""
    from assistant.ocr.tesseract import TesseractEngine
    from assistant.understand.compose import understand

    image = Image.open(SCREENS / "multi-editor-zenity.png").convert("RGB")
    said = understand(image, captioner=None, ocr=TesseractEngine(), verbosity="full").text
    assert said.startswith("Screen, 2 windows. Unsaved Letter window. Close the letter without saving?")
    assert (
        said.index("Buttons: Go Back, Close Anyway.")
        < said.index("Writer window")
        < said.index("Dear neighbours")
    )
