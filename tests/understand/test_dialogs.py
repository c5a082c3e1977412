"""Dialogs read from their pixels (assistant.understand.dialogs) on real screenshots of half A."""

from __future__ import annotations

import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import TextBlock
from assistant.understand.dialogs import by_window, read_dialog
from tests.support.screens import SCREEN_PNG


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


def test_a_keypad_is_no_dialog_and_keeps_its_lone_letters() -> None:
    """xcalc's HP mode: rows of keys above a lowest row of short capitalised labels ("ON DRG INV
    STO RCL") were read as a dialog, and the keys' lone letters above it ("E" ... "R" of an upright
    ENTER, "π") dropped as stray marks."""
    rows = ["e^x_10^x y^x 1/x CHS", "x! π sin cos tan", "Rv x:y EEX", "ON DRG_INV STO RCL"]

    def keys(text: str, y: int) -> OcrLine:  # labels a key's width apart ("_": two read as one)
        at = [(100 + 60 * i, w.replace("_", " ")) for i, w in enumerate(text.split())]
        return OcrLine.of([OcrWord(w, (x, y, x + 8 * len(w), y + 14), 0.9) for x, w in at])

    blocks = [TextBlock([keys(text, 100 + 30 * k)]) for k, text in enumerate(rows)]
    blocks += [TextBlock([_line(letter, 300, 160 + 12 * k)]) for k, letter in enumerate("ENTER")]
    assert read_dialog(blocks) is None
    assert [b.text for b in by_window(blocks)] == [b.text for b in blocks]
    # A message over one row of short labels is still a dialog.
    message = TextBlock([_line("Delete 3 files permanently?", 100, 100)])
    assert read_dialog([message, TextBlock([keys("Yes No Cancel", 140)])]) is not None


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


def test_a_label_may_name_a_thing_by_letters_and_figures() -> None:
    """moreA3's dlg-jwm-tk-dark-night: "Not Tonight" and "Send T-402" are its buttons (a name of
    letters and figures after a word); an editor's status bar ("Col 4", "UTF-8", "Line 1") under
    a short text is no row of buttons."""
    message = TextBlock([_line("Send the spare tram to line 9 tonight?", 100, 100)])
    reading = read_dialog(
        [message, TextBlock([_line("Not Tonight", 100, 150)]), TextBlock([_line("Send T-402", 260, 150)])]
    )
    assert reading is not None and reading.buttons == ["Not Tonight", "Send T-402"]
    for status in (["Line 1", "Col 4"], ["UTF-8", "Unix"], ["Spaces 4", "Plain Text"]):
        row = [TextBlock([_line(label, 100 + 160 * k, 150)]) for k, label in enumerate(status)]
        assert read_dialog([message, *row]) is None


def test_text_outside_the_window_is_no_row_of_its_dialog() -> None:
    """moreA3's dlg-icewm-tk-ferry: a dialog found by its title bar, and under it, outside every
    window, the panel's task button "Rebook Crossing" at the screen's foot. The buttons are the
    window's lowest row, not the screen's: the dialog is read as one, the panel's text kept. Among
    windows, a window not found (a notification: all its text outside) is read apart from the
    window before it, each with its own buttons (half A's multi-three-small-apart: the timer's
    "Pause, Reset" had been taken as text and the notification's buttons as the timer's)."""
    message = TextBlock([_line("Move your crossing to the 10:45 ferry?", 100, 100)])
    buttons = TextBlock([_line("Keep Booking", 100, 150)]), TextBlock([_line("Refund", 260, 150)])
    panel = TextBlock([_line("Rebook Crossing", 20, 780)], outside=True)
    reading = read_dialog([message, *buttons, panel])
    assert reading is not None and reading.buttons == ["Keep Booking", "Refund"]
    assert panel in reading.blocks
    assert read_dialog([message, *buttons, TextBlock([_line("Rebook Crossing", 20, 780)])]) is None
    timer = TextBlock([_line("Kitchen Timer window", 100, 60)], is_heading=True)
    notice = [
        TextBlock([_line("Battery at 14 percent.", 900, 600)], outside=True),
        TextBlock([_line("Power Settings", 900, 640)], outside=True),
        TextBlock([_line("Dismiss", 1060, 640)], outside=True),
    ]
    said = [b.text for b in by_window([timer, message, *buttons, *notice])]
    assert said == [
        timer.text,
        message.text,
        "Buttons: Keep Booking, Refund",
        notice[0].text,
        "Buttons: Power Settings, Dismiss",
    ]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("screen", "buttons"),
    [("dlg-tk-save-changes", ["Discard", "Cancel", "Save"]), ("dlg-qt-connect", ["Cancel", "Connect"])],
)
def test_real_dialogs_say_their_buttons_last(screen: str, buttons: list[str]) -> None:
    from assistant.ocr.tesseract import TesseractEngine, tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    blocks = TesseractEngine().recognize(Image.open(SCREEN_PNG / f"{screen}.png").convert("RGB")).blocks()
    reading = read_dialog(blocks)
    assert reading is not None and reading.buttons == buttons


@pytest.mark.timeout(120)
@pytest.mark.parametrize("screen", ["man-ls", "article-chromium-birds", "table-chromium-trains"])
def test_real_pages_are_not_dialogs(screen: str) -> None:
    from assistant.ocr.tesseract import TesseractEngine, tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    blocks = TesseractEngine().recognize(Image.open(SCREEN_PNG / f"{screen}.png").convert("RGB")).blocks()
    assert read_dialog(blocks) is None


@pytest.mark.timeout(120)
def test_a_picture_of_two_windows_is_read_window_by_window() -> None:
    """A screenshot file (no window stack): the windows found by their title bars are counted, the
    dialog on top is read first, its buttons last in it, then the editor under it."""
    from assistant.ocr.tesseract import TesseractEngine
    from assistant.understand.compose import understand

    image = Image.open(SCREEN_PNG / "multi-editor-zenity.png").convert("RGB")
    said = understand(image, captioner=None, ocr=TesseractEngine(), verbosity="full").text
    assert said.startswith("Screen, 2 windows. Unsaved Letter window. Close the letter without saving?")
    assert (
        said.index("Buttons: Go Back, Close Anyway.")
        < said.index("Writer window")
        < said.index("Dear neighbours")
    )


def _box_plot() -> Image.Image:
    """A box plot as plotting libraries draw it: a title, a value axis at the left (right-aligned,
    evenly stepped), three boxes with whiskers, a category label under each."""
    from PIL import ImageDraw, ImageFont

    image = Image.new("RGB", (640, 440), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 13)
    draw.text((200, 12), "Parcel Weights by Depot", font=font.font_variant(size=17), fill="black")
    for i, tick in enumerate(["100", "80", "60", "40", "20"]):
        y = 60 + 70 * i
        draw.line((70, y, 620, y), fill=(210, 210, 210))
        draw.text((60 - draw.textlength(tick, font=font), y - 8), tick, font=font, fill="black")
    boxes = [
        (160, (330, 270, 230, 200, 120)),
        (345, (300, 220, 180, 150, 80)),
        (530, (360, 320, 300, 260, 210)),
    ]
    for (x, (low, q1, median, q3, high)), name in zip(
        boxes, ["Northgate", "Riverside", "Hillcrest"], strict=True
    ):
        draw.line((x, high, x, low), fill="black")
        draw.line((x - 15, high, x + 15, high), fill="black")
        draw.line((x - 15, low, x + 15, low), fill="black")
        draw.rectangle((x - 28, q3, x + 28, q1), fill="white", outline="black")
        draw.line((x - 28, median, x + 28, median), fill=(255, 127, 14), width=2)
        draw.text((x - draw.textlength(name, font=font) / 2, 410), name, font=font, fill="black")
    return image


@pytest.mark.timeout(60)
def test_a_charts_category_labels_are_no_buttons() -> None:
    """A box plot has no bars the chart finder names it by; its labels under the plot are one row
    of short capitalised words below everything else, as a dialog's buttons are. Its value axis (an
    evenly stepped column of numbers) says it is a chart (it was read "Dialog. ... Buttons:
    Northgate, Riverside, Hillcrest.")."""
    from assistant.ocr.tesseract import TesseractEngine, tesseract_available
    from assistant.understand.compose import understand

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    said = understand(_box_plot(), captioner=None, ocr=TesseractEngine(), verbosity="full").text
    assert "Parcel Weights by Depot" in said and "Northgate" in said
    assert "Buttons" not in said and not said.startswith("Dialog")


@pytest.mark.timeout(60)
def test_a_tables_last_row_taken_for_the_buttons_leaves_a_table() -> None:
    """A file list over a row of buttons lined up with its columns: the engine's lines make the
    buttons the table's last row. Said as the buttons, they leave the table, which stays a table
    (it became plain text: its rows run together, no "Table, 4 rows")."""
    from PIL import ImageDraw, ImageFont

    from assistant.ocr.layout import layout_blocks
    from assistant.ocr.tesseract import TesseractEngine, tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    rows = [("Name", "Size", "Kind"), ("notes.txt", "2 KB", "Text"), ("photo.jpg", "3 MB", "Image")]
    rows += [("song.ogg", "5 MB", "Audio"), ("Open", "Copy", "Close")]
    image = Image.new("RGB", (520, 70 + 34 * len(rows)), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 18)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            draw.text(
                (30 + 160 * c, 20 + 34 * r + (8 if r == len(rows) - 1 else 0)), text, font=font, fill="black"
            )
    blocks = layout_blocks(TesseractEngine().recognize(image).lines)
    assert any(
        b.grid is not None and b.lines[-1].text.startswith("Open") for b in blocks
    )  # as engines read it
    reading = read_dialog(blocks)
    assert reading is not None and reading.buttons == ["Open", "Copy", "Close"]
    (table,) = reading.blocks
    assert table.grid is not None and len(table.grid.rows) == 4 and table.lines[0].text == "Name, Size, Kind"


def test_outlined_buttons_close_together_are_cut_at_their_marks_and_gaps() -> None:
    """xmessage's buttons stand a few pixels apart, each in a rounded outline OCR reads as "(" or
    ")": the row is cut there, and where words stand wider apart than a label's spaces."""
    message = TextBlock([_line("Printer Office-2 is out of paper.", 100, 100)])
    row = _line("Retry Skip Page) (Cancel Job) Help)", 100, 140)
    shift = [0] + [20] * (len(row.words) - 1)  # between "Retry" and "Skip": no mark read, a wide gap
    spaced = [
        OcrWord(w.text, (w.box[0] + d, w.box[1], w.box[2] + d, w.box[3]), 0.9)
        for w, d in zip(row.words, shift, strict=True)
    ]
    reading = read_dialog([message, TextBlock([OcrLine.of(spaced)])])
    assert reading is not None and reading.buttons == ["Retry", "Skip Page", "Cancel Job", "Help"]
    # One label read twice at one place (an unsure "Cee)" over "Stop"): said once, the surer
    twice = [OcrWord("Restart", (100, 140, 150, 154), 0.9), OcrWord("Cee)", (170, 140, 200, 154), 0.4)]
    twice.append(OcrWord("Stop", (172, 140, 198, 154), 0.95))
    reading = read_dialog([message, TextBlock([OcrLine.of(twice)])])
    assert reading is not None and reading.buttons == ["Restart", "Stop"]
    # Words a normal space apart with no marks stay one line of text: no dialog
    assert read_dialog([message, TextBlock([_line("Read the notes below now", 100, 140)])]) is None


@pytest.mark.timeout(120)
def test_a_real_xmessages_outlined_buttons_are_its_buttons() -> None:
    from assistant.ocr import create_ocr_engine
    from assistant.ocr.tesseract import tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    picture = Image.open(SCREEN_PNG / "dlg-xmessage-6x10-printer.png").convert("RGB")  # half A
    reading = read_dialog(create_ocr_engine("auto").recognize(picture).blocks())
    assert reading is not None and reading.buttons == ["Retry", "Skip Page", "Cancel Job", "Help"]
