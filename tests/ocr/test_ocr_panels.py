"""Overlapping windows found from the pixels, read one at a time, the one on top first."""

from __future__ import annotations

from PIL import Image, ImageDraw

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import layout_blocks
from assistant.ocr.panels import find_panels


def _line(text: str, x: int, y: int) -> OcrLine:
    words, pos = [], x
    for word in text.split():
        box = (pos, y, pos + 9 * len(word), y + 14)
        words.append(OcrWord(word, box, 0.9))
        pos = box[2] + 6
    return OcrLine(text, (x, y, pos - 6, y + 14), 0.9, words)


def _screen() -> tuple[Image.Image, list[OcrLine], list[OcrLine]]:
    """A white editor window, and a grey dialog lying across its right edge."""
    image = Image.new("RGB", (1280, 800), "#2e3440")  # the desktop
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 80, 700, 500), fill="white", outline="black")
    draw.rectangle((500, 200, 900, 360), fill="#d6d6d6", outline="black")
    editor = [_line(f"editor line {i} of the letter", 100, 100 + 30 * i) for i in range(10)]
    dialog = [_line("Close the letter without saving?", 520, 220), _line("Go Back Close Anyway", 600, 320)]
    return image, editor, dialog


def test_the_window_on_top_is_found_first() -> None:
    image, _, _ = _screen()
    panels = find_panels(image)
    drawn = [(500, 200, 900, 360), (80, 80, 700, 500)]  # the dialog, then the editor under it
    for panel, box in zip(panels[:2], drawn, strict=True):
        assert all(abs(a - b) <= 8 for a, b in zip(panel.box, box, strict=True))  # within a cell
    assert len(panels) == 3 and panels[-1].box == (0, 0, 1280, 800)  # the desktop, last


def test_overlapping_windows_are_read_one_at_a_time_top_first() -> None:
    image, editor, dialog = _screen()
    # Interleaved by height, as an engine returns them: editor, dialog, editor, ...
    lines = sorted(editor + dialog, key=lambda ln: ln.box[1])
    text = [b.text for b in layout_blocks(lines, find_panels(image))]
    said = "\n".join(text)
    assert said.index("Close the letter") < said.index("Go Back") < said.index("editor line 0")
    assert said.index("editor line 0") < said.index("editor line 9")


def test_a_dialog_inside_its_window_or_a_striped_table_needs_no_panes() -> None:
    image = Image.new("RGB", (800, 600), "#2e3440")
    draw = ImageDraw.Draw(image)
    draw.rectangle((50, 50, 750, 550), fill="white", outline="black")
    for row in range(10):  # zebra stripes: each row its own flat pane, all inside the window
        draw.rectangle((80, 80 + 40 * row, 720, 100 + 40 * row), fill="#eef2f7")
    assert find_panels(image) == []
