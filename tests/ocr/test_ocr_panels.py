"""Overlapping windows found from the pixels, read one at a time, the one on top first."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import layout_blocks
from assistant.ocr.panels import Panel, find_panels, unframed
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG


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


def _outline(panel: Panel, above: list[Panel]) -> set[tuple[int, int]]:
    """The (row, column) pixels of a window's sides and foot below its bar, less those under the
    windows ``above`` it."""
    x0, _, x1, y1 = panel.box
    assert panel.bar is not None
    pixels = {(y, x) for y in range(panel.bar[3], y1) for x in (x0, x1 - 1)}
    pixels |= {(y1 - 1, x) for x in range(x0, x1)}
    return {
        (y, x)
        for y, x in pixels
        if not any(a.box[0] <= x < a.box[2] and a.box[1] <= y < a.box[3] for a in above)
    }


def test_frames_are_painted_out_where_they_show_and_nowhere_else() -> None:
    """Real screenshot (half A, multi-terminals-overlap: an xterm lying over another): only the
    found windows' sides and feet below their title bars change, the lower window's only where the
    upper one does not cover it, to the ground along the inside of each."""
    image = Image.open(SCREEN_PNG / "multi-terminals-overlap.png").convert("RGB")
    panels = find_panels(image)
    assert [p.bar is not None for p in panels] == [True, True]
    before, after = np.asarray(image), np.asarray(unframed(image, panels))
    changed = {(int(y), int(x)) for y, x in np.argwhere((before != after).any(axis=2))}
    allowed = _outline(panels[0], []) | _outline(panels[1], panels[:1])
    assert changed and changed <= allowed
    x0 = panels[1].box[0]  # the lower window's left side, wholly in view: now the ground inside it
    rows = slice(panels[1].bar[3], panels[1].box[3])  # type: ignore[index]
    assert (after[rows, x0] == np.median(before[rows, x0 + 1], axis=0).astype(np.uint8)).all()
    assert unframed(image, []) is image


@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
@pytest.mark.timeout(60)
def test_a_terminals_first_row_beside_its_frame_is_read() -> None:
    """Real screenshot (half A, multi-terminal-dialog): a 7x13 xterm's first row starts 3 pixels
    right of the frame's side, under the title bar. Read with the frame, tesseract ran the side and
    the row into "jpnaGnas:"/diskss", boxed from the bar's foot across two rows; without it, the
    prompt is read."""
    image = Image.open(SCREEN_PNG / "multi-terminal-dialog.png").convert("RGB")
    engine = TesseractEngine()
    engine.min_confidence = 0.0
    lines = engine.recognize(unframed(image, find_panels(image))).lines
    first = " ".join(ln.text for ln in lines if ln.box[1] >= 62 and ln.box[3] <= 80)
    assert "ana@nas:" in first and "disks" in first, first


def test_a_message_box_over_a_terminal_is_a_window_of_its_own() -> None:
    """Real screenshot (half A, multi-xmessage-over-notes, Natura theme): xmessage's "Reminder" over
    an xterm's lines is found by its title bar, on top, and not taken for a panel inside the xterm
    (its bar was once found 25 pixels tall, down to the message's own border, against 21)."""
    image = Image.open(SCREEN_PNG / "multi-xmessage-over-notes.png").convert("RGB")
    boxes = [p.box for p in find_panels(image)]
    frames = [(230, 140, 523, 232), (50, 50, 812, 498)]  # the window stack's frames, top first
    assert len(boxes) == 2
    assert all(
        abs(a - b) <= 3
        for box, frame in zip(boxes, frames, strict=True)
        for a, b in zip(box, frame, strict=True)
    ), boxes


SERIF = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", 17)


def _read(text: str, box: tuple[int, int, int, int]) -> OcrLine:
    """A line as an engine reads it: each word boxed where the page's font (Liberation Serif, 17
    px) puts it, from the line's left edge."""
    words, x = [], float(box[0])
    for word in text.split():
        width = SERIF.getlength(word)
        words.append(OcrWord(word, (round(x), box[1], round(x + width), box[3]), 0.95))
        x += width + SERIF.getlength(" ")
    return OcrLine(text, box, 0.95, words)


def test_columns_a_dialog_interrupts_are_read_as_columns_not_a_table() -> None:
    """Real screenshot (half A, multi-page-dialog-columns): a Tk dialog over the right column of a
    two-column article cuts its lines into pieces ("Volunte", "drains.", "fences and clear"); with
    the lines as the whole screen's reading boxed them, the article is read column by column, no
    table of rows across, and the dialog first."""
    image = Image.open(SCREEN_PNG / "multi-page-dialog-columns.png").convert("RGB")
    lines = [
        _read("Ridge path open again", (55, 79, 315, 104)),
        _read(
            "The ridge path above the lake was reopened last week after the winter storms.",
            (55, 125, 583, 141),
        ),
        _read(
            "The car park at the visitor centre fills early on sunny weekends. A shuttle bus",
            (643, 125, 1166, 141),
        ),
        _read(
            "Rangers cleared fallen pines along the northern section and rebuilt two wooden",
            (56, 149, 593, 165),
        ),
        _read("runs", (644, 151, 673, 163)),
        _read(
            "from the railway station every forty minutes and stops at the northern", (677, 149, 1147, 165)
        ),
        _read("footbridges.", (56, 173, 136, 189)),
        _read("trailhead.", (643, 173, 706, 185)),
        _read("Volunte", (646, 206, 696, 222)),
        _read(
            "Walkers should still expect mud near the old quarry, where the stream crosses",
            (55, 208, 582, 224),
        ),
        _read("fences and clear", (1073, 208, 1182, 220)),
        _read("the track. Sturdy boots are recommended, and dogs must stay on a lead", (55, 232, 538, 248)),
        _read("drains.", (643, 232, 694, 248)),
        _read("shelter near", (1090, 232, 1173, 248)),
        _read("between March and July.", (55, 256, 224, 272)),
        _read("the", (643, 256, 663, 268)),
        _read("Leave this page with a form half filled?", (717, 233, 1048, 248)),
    ]
    blocks = layout_blocks(lines, find_panels(image))
    assert not any(b.grid is not None for b in blocks)
    said = " ".join(b.text for b in blocks).replace("\n", " ")
    order = ["Leave this page", "Ridge path", "The ridge path", "Walkers should", "The car park", "runs from"]
    assert [said.index(p) for p in order] == sorted(said.index(p) for p in order), said


def test_windows_whose_sides_run_in_line_are_told_apart() -> None:
    """Real screenshot (half A, multi-four-tiled): four windows in a two-by-two mosaic, each lower
    one's sides in line with the one above. A window's side ran on down the one below it, and the
    upper window took the lower in (two windows found of four, the active one read last); each
    ends where the bar of the window under it begins, and the active one is read first."""
    image = Image.open(SCREEN_PNG / "multi-four-tiled.png").convert("RGB")
    panels = find_panels(image)
    assert len(panels) == 4 and panels[0].box[:2] == (352, 253)  # Porch, the active window, first
    kitchen = next(p for p in panels if p.box[:2] == (60, 81))
    assert kitchen.box[3] == 252  # Garage's bar begins there


def test_a_line_a_dialog_lies_across_is_read_as_one_line() -> None:
    """Real screenshot (half A, multi-modal-over-page): a dialog lies across a page's long lines;
    each line's pieces left and right of it (boxes as the whole screen's reading gave them; the
    cut "he" of "the" dropped) are read as one line, in the paragraph, on both paths: windows found
    from the pixels, and the window stack's frame of the dialog (``covers``)."""
    image = Image.open(SCREEN_PNG / "multi-modal-over-page.png").convert("RGB")
    lines = [
        _read("and the letters of the harbour master, which were stored in the attic", (46, 137, 560, 155)),
        _read("and for residents of the valley, and the cafe on th", (46, 161, 466, 179)),
        _read("fore the galleries. Guided tours in", (782, 161, 1067, 179)),
        _read("English and Welsh leave from the front desk every", (47, 184, 470, 202)),
        _read("garden behind the museum is", (803, 184, 1056, 202)),
        _read("open to everyone until sunset.", (46, 208, 303, 226)),
    ]
    want = "cafe on th fore the galleries. Guided tours in English and Welsh leave from the front desk"
    for blocks in (
        layout_blocks(lines, find_panels(image)),
        layout_blocks(lines, covers=[(470, 170, 775, 291)]),  # the dialog's frame, as the stack says
    ):
        said = " ".join(b.text for b in blocks).replace("\n", " ")
        assert want in said and said.endswith("until sunset."), said
