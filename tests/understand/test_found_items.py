"""Explore mode's items (assistant.understand.found) from the layout a real screenshot was read with."""

from __future__ import annotations

import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import TextBlock
from assistant.understand.found import FoundItem, find, found_items, on_screen
from tests.support.screens import SCREEN_PNG


def _line(*words: tuple[str, int, int]) -> OcrLine:
    """A 20-pixel-high line of words given as (text, x0, x1)."""
    ows = [OcrWord(text, (x0, 100, x1, 120), 0.9) for text, x0, x1 in words]
    return OcrLine(" ".join(w.text for w in ows), (ows[0].box[0], 100, ows[-1].box[2], 120), 0.9, ows)


def test_buttons_read_as_one_line_become_separate_items() -> None:
    line = _line(("Cancel", 100, 160), ("Send", 260, 300), ("report", 306, 360))
    items = found_items([TextBlock([line])])
    assert [(i.text, i.box[0], i.box[2]) for i in items] == [("Cancel", 100, 160), ("Send report", 260, 360)]
    close = _line(("Send", 100, 140), ("report", 146, 200))
    assert [i.text for i in found_items([TextBlock([close])])] == ["Send report"]


def test_a_row_of_buttons_told_by_the_accessibility_tree_gives_each_button() -> None:
    cancel, save = OcrWord("Cancel", (300, 200, 380, 230), 1.0), OcrWord("Save", (384, 200, 460, 230), 1.0)
    line = OcrLine("Buttons: Cancel, Save", (300, 200, 460, 230), 1.0, [cancel, save])
    items = found_items([TextBlock([line])])
    assert [(i.text, i.kind) for i in items] == [
        ("Buttons: Cancel, Save", "line"),
        ("Cancel", "button"),
        ("Save", "button"),
    ]
    assert items[find(items, "save")].box == save.box  # its own place, not the gap between the two


def test_find_prefers_the_exact_item_and_wraps_round() -> None:
    items = [
        FoundItem("Cancel, Send report", "row", (0, 0, 10, 10), 1),
        FoundItem("Send report", "button", (0, 0, 10, 10), 2),
        FoundItem("Report", "heading", (0, 0, 10, 10), 0),
    ]
    assert find(items, "  send REPORT ") == 1
    assert find(items, "report", start=2) == 2
    assert find(items, "cancel", start=2) == 0  # wraps round
    assert find(items, "nowhere") is None and find(items, " ") is None


def test_points_are_placed_on_the_screen_of_a_scaled_capture() -> None:
    item = FoundItem("OK", "button", (100, 40, 140, 60), 2)
    placed = on_screen([item], origin=(1000, 200), scale=2.0)[0]
    assert placed.point == (1000 + 240, 200 + 100) and item.point is None


@pytest.mark.timeout(120)
def test_a_real_table_screen_gives_rows_and_cells_in_reading_order() -> None:
    from assistant.ocr.tesseract import TesseractEngine, tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    image = Image.open(SCREEN_PNG / "table-chromium-trains.png").convert("RGB")
    blocks = TesseractEngine().recognize(image).blocks()
    items = found_items(blocks)
    rows = [i for i in items if i.kind == "row"]
    assert len(rows) >= 4
    first_row = items.index(rows[0])
    cells = [i for i in items[first_row + 1 :] if i.level == 2][:2]
    assert cells and all(c.text in rows[0].text for c in cells)  # a row's cells follow it
    row_tops = [r.box[1] for r in rows]
    assert row_tops == sorted(row_tops)  # a table's rows top to bottom
