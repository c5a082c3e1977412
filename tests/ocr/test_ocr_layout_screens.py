"""Reading order and windows on real screenshots of half A (datasets/screens), with real OCR: what
an engine's loose boxes do to the order, and what a window's corner holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import layout_blocks
from assistant.ocr.tesseract import TesseractEngine, tesseract_available

SCREENS = Path(__file__).resolve().parents[2] / "datasets" / "screens" / "png"

pytestmark = pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")


def _line(text: str, box: tuple[int, int, int, int]) -> OcrLine:
    return OcrLine(text, box, 0.9, [OcrWord(text, box, 0.9)])


@pytest.mark.timeout(60)
def test_a_dialogs_ok_in_its_frames_corner_is_read() -> None:
    """zenity's list dialog: "OK" sits in the frame's bottom right corner, 19 pixels above its
    foot; the handle's grips ("iN", "v") lie on the foot itself. "OK" was dropped as a grip."""
    from assistant.understand.compose import understand

    image = Image.open(SCREENS / "dark-zenity-list.png").convert("RGB")
    said = understand(image, captioner=None, ocr=TesseractEngine(), verbosity="full").text
    assert said.endswith("Buttons: Cancel, OK.")


@pytest.mark.timeout(60)
def test_a_second_readings_loose_boxes_stay_in_their_rows() -> None:
    """xmessage's "Battery" window read with the second look: "left." is read again with a box
    taller than its row, and must join its row; a word boxed over both rows of the message (as the
    second look boxed "Connect" on the whole screen) goes to the row with room for it; "OK",
    under the message and ending where it starts, comes after it."""
    from assistant.ocr import create_ocr_engine

    image = Image.open(SCREENS / "multi-four-windows.png").convert("RGB").crop((700, 660, 1050, 820))
    lines = create_ocr_engine("auto").recognize(image).lines
    text = " ".join(b.text for b in layout_blocks(lines)).replace("\n", " ")
    assert text.index("Battery low") < text.index("eft") < text.index("Connect the charger")
    # The whole screen's reading, boxes as the engine gave them (crop coordinates).
    loose = [
        _line("Battery low: 9 percent left.", (83, 71, 277, 82)),
        _line("the charger soon.", (139, 85, 256, 96)),
        _line("Connect", (78, 66, 135, 100)),  # over both rows, 34 pixels tall
        _line("OK", (72, 107, 82, 122)),
    ]
    said = [b.text.replace("\n", " / ") for b in layout_blocks(loose)]
    assert said == ["Battery low: 9 percent left. / Connect the charger soon. / OK"]


def test_a_title_boxed_a_little_taller_than_its_bar_is_read() -> None:
    """The second reading of the "Battery" title (multi-four-windows, whole screen) came back 28
    pixels tall on a 21-pixel bar and was left out: 'Screen, 3 windows.' for four."""
    from assistant.ocr.layout import title_block

    bar = (760, 700, 990, 721)
    title = title_block([_line("Battery", (851, 697, 906, 725))], bar, named=True)
    assert title is not None and title.text == "Battery window"
    # A neighbour's word boxed from beside the bar to far under it is still no title.
    assert title_block([_line("9120", (770, 690, 800, 740))], bar, named=True) is None


def test_a_header_row_boxed_loosely_stays_the_tables_first_row() -> None:
    """The Tk treeview's header as the second look boxed it (table-tk-archive, whole screen): "Name"
    tight, "Size", "Type" and "Modified" read again with boxes twice as tall. The row stays one
    row of the table (it was split: "7 items in /home/lee/archive Size. Name. Type. Modified.")."""
    lines = [
        _line("7 items in", (237, 193, 310, 205)),
        _line("/home/lee/archive", (315, 190, 452, 209)),
        _line("Name", (241, 229, 289, 241)),
        _line("Size", (411, 222, 452, 248)),
        _line("Type", (498, 222, 545, 248)),
        _line("Modified", (640, 219, 717, 251)),
    ]
    rows = [
        ("contracts-2022.zip", "14.2 MB", "ZIP archive", "Jan 9, 2023"),
        ("site-backup.tar.gz", "1.1 GB", "Tar archive", "Mar 30, 2024"),
        ("logos", "", "Folder", "Feb 2, 2024"),
    ]
    for r, row in enumerate(rows):
        y = 256 + 25 * r
        for x, text in zip((240, 418, 504, 640), row, strict=True):
            if text:
                lines.append(_line(text, (x, y, x + 9 * len(text), y + 12)))
    (table,) = [b for b in layout_blocks(lines) if b.grid is not None]
    said = [ln.text for ln in table.lines]
    assert "Name, Size, Type, Modified" in said
    assert (
        said.index("Name, Size, Type, Modified")
        == said.index("contracts-2022.zip, 14.2 MB, ZIP archive, Jan 9, 2023") - 1
    )
