"""How grids are spoken: a table's size and header once, then its rows; a terminal's lines as they are."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import layout_blocks
from assistant.ocr.tesseract import TesseractEngine
from assistant.understand.reading import block_pieces, select_text

SANS = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 14)


def _grid(rows: list[list[str]], xs: tuple[int, ...], char_widths: str = "proportional") -> list[OcrLine]:
    lines = []
    for r, row in enumerate(rows):
        for x, text in zip(xs, row, strict=True):
            width = 10 * len(text) if char_widths == "fixed" else round(SANS.getlength(text))
            box = (x, 20 + 24 * r, x + width, 34 + 24 * r)
            lines.append(OcrLine(text, box, 0.9, [OcrWord(text, box, 0.9)]))
    return lines


@pytest.mark.timeout(60)
def test_a_table_says_its_size_and_names_its_header_once() -> None:
    """Rendered in a proportional font and read by tesseract, which returns it column by column."""
    rows = [["Time", "Destination", "Status"], ["08:02", "Edinburgh", "On time"]]
    rows += [["08:15", "Cambridge", "Late"], ["08:21", "Leeds", "Cancelled"]]
    image = Image.new("RGB", (700, 220), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 18)
    for r, row in enumerate(rows):
        for x, text in zip((40, 220, 470), row, strict=True):
            draw.text((x, 30 + 40 * r), text, font=font, fill="black")
    (block,) = TesseractEngine().recognize(image).blocks()
    assert block.grid is not None and not block.grid.monospace
    assert block_pieces(block) == [
        "Table, 3 rows. Columns: Time, Destination, Status",
        "08:02, Edinburgh, On time",
        "08:15, Cambridge, Late",
        "08:21, Leeds, Cancelled",
    ]
    sentences, more = select_text([block], None)
    assert not more and sentences[0].startswith("Table, 3 rows. Columns: Time, Destination, Status.")


def test_a_terminal_listing_is_read_line_by_line() -> None:
    rows = [["-rw-r--r--", "117304", "notes.txt"], ["-rw-r--r--", "2483911", "report.pdf"]]
    rows += [["drwxr-xr-x", "4096", "charts"]]
    (block,) = layout_blocks(_grid(rows, (10, 130, 220), "fixed"))
    assert block_pieces(block) == [" ".join(r) for r in rows]


def test_a_keypad_and_a_tool_palette_are_read_as_controls_row_by_row() -> None:
    keys = [["7", "8", "9"], ["4", "5", "6"], ["1", "2", "3"], ["0", ".", "="]]
    (block,) = layout_blocks(_grid(keys, (40, 100, 160)))
    rows = [", ".join(r) for r in keys]
    assert block_pieces(block) == [f"Keys: {rows[0]}", *rows[1:]]
    tools = [["Pencil", "Brush", "Eraser"], ["Fill", "Text", "Line"], ["Picker", "Zoom", "Select"]]
    (block,) = layout_blocks(_grid(tools, (40, 140, 240)))
    rows = [", ".join(r) for r in tools]
    assert block_pieces(block) == [f"9 buttons: {rows[0]}", *rows[1:]]


def test_a_table_of_one_row_says_row_not_rows() -> None:
    """The short-table rule (a header over one row, ocr/grid.py) makes one-row tables: "Table, 1 row"."""
    rows = [["Time", "Place", "Day"], ["19:30", "Town Hall", "Friday"]]
    (block,) = layout_blocks(_grid(rows, (40, 200, 420)))
    assert block_pieces(block) == ["Table, 1 row. Columns: Time, Place, Day", "19:30, Town Hall, Friday"]


def test_each_row_of_a_table_ends_as_a_sentence_whatever_its_last_cell() -> None:
    """A row ending in "17%" ran on into the next ("17% Family, 2 TB"), and speech, which counts a
    table's rows by its sentences, took two rows for one."""
    rows = [["Plan", "TB", "Off"], ["Starter", "1", "17%"], ["Family", "2", "(none)"]]
    (block,) = layout_blocks(_grid(rows, (40, 200, 420)))
    assert block.grid is not None and block.grid.kind == "table"
    sentences, _ = select_text([block], None)
    assert sentences == ["Table, 2 rows. Columns: Plan, TB, Off. Starter, 1, 17%. Family, 2, (none)."]


def test_a_lists_items_are_pieces_of_their_own_however_wide() -> None:
    """A terminal dialog's menu (half A dlg-dialog-menu-9x15), boxed apart from the wider text over
    it, is a block of entries of about its own width: they ran on as one sentence ("1 Add a user
    account 2 Change the time zone 3 ..."). A paragraph's wrapped lines are still one piece, also
    where two of them begin with a figure."""
    from assistant.ocr.layout import TextBlock

    entries = [
        "1 Add a user account",
        "2 Change the time zone",
        "3 Set up the printer",
        "- Back up home folders",
    ]
    menu = TextBlock([OcrLine(t, (100, 20 * i, 300, 20 * i + 14), 0.9) for i, t in enumerate(entries)])
    assert block_pieces(menu) == entries
    prose = ["The count starts two hours", "before high water, when 12 of", "the waders come in to feed."]
    para = TextBlock([OcrLine(t, (100, 20 * i, 300, 20 * i + 14), 0.9) for i, t in enumerate(prose)])
    assert block_pieces(para) == [" ".join(prose)]
    # Prose whose wrapped lines happen to begin with figures that do not count on is no list.
    prose = [
        "The valley was warm on Monday and rose to",
        "25 degrees by noon; overnight it fell to",
        "12 degrees.",
    ]
    para = TextBlock([OcrLine(t, (100, 20 * i, 300, 20 * i + 14), 0.9) for i, t in enumerate(prose)])
    assert block_pieces(para) == [" ".join(prose)]
