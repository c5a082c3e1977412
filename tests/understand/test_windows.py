"""A live screen read window by window from the desktop's window stack (assistant.understand.windows):
what is said before OCR, what OCR is shown, and which window each word belongs to. Pure geometry
through the real FakeScreenSource; real OCR is in test_windows_ocr.py."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from assistant.capture.models import CapturedImage
from assistant.capture.screen import FakeScreenSource
from assistant.capture.window_stack import DesktopWindow, WindowStack
from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.line_reader import WINDOW_AREAS
from assistant.ocr.panels import panel_of
from assistant.understand.reading import select_text
from assistant.understand.windows import ScreenWindows, WindowOcr, WindowReadingConfig, screen_windows

SIZE = (400, 300)
# Frames with a 20 px title bar above the client area (x, y, w, h on the screen).
MAIL = DesktopWindow("Mail", (0, 0, 200, 150), client=(0, 20, 200, 130), app_name="Thunderbird")
CALC = DesktopWindow("Calculator", (150, 100, 100, 100), active=True, client=(150, 120, 100, 80))
OWN = DesktopWindow("Assistant", (220, 180, 120, 100), is_own=True, client=(220, 200, 120, 80))
# A window almost wholly under CALC: a 4 px strip of it shows.
HIDDEN = DesktopWindow("Notes", (154, 104, 100, 100), client=(154, 124, 100, 80))
STACK = WindowStack((OWN, CALC, HIDDEN, MAIL))  # top first


def windows(stack: WindowStack = STACK, origin: tuple[int, int] = (0, 0)) -> ScreenWindows:
    return ScreenWindows(stack, origin, SIZE)


def line(*words: tuple[str, tuple[int, int, int, int]]) -> OcrLine:
    ws = [OcrWord(text, box, 0.9) for text, box in words]
    box = (min(b[0] for _, b in words), min(b[1] for _, b in words), max(b[2] for _, b in words))
    return OcrLine(" ".join(t for t, _ in words), (*box, max(b[3] for _, b in words)), 0.9, ws)


def test_the_active_window_is_named_first_and_the_others_counted_before_any_ocr() -> None:
    sw = windows()
    assert [w.title for w in sw.read] == ["Calculator", "Mail"]  # own window never, Notes hardly visible
    assert [w.title for w in sw.named] == ["Notes"]
    assert sw.opening() == "Calculator window. Two other windows; hardly visible: Notes."
    assert windows(WindowStack((CALC, MAIL))).opening() == "Calculator window. One other window."
    assert windows(WindowStack((CALC,))).opening() == "Calculator window."


def test_no_active_window_names_none() -> None:
    mail = DesktopWindow("Mail", MAIL.rect, client=MAIL.client)
    calc = DesktopWindow("Calculator", CALC.rect, client=CALC.client)
    assert windows(WindowStack((calc, mail))).opening() == "Two windows."
    assert windows(WindowStack((mail,))).opening() is None  # its name heads its text instead
    own_active = DesktopWindow("Assistant", OWN.rect, active=True, is_own=True, client=OWN.client)
    stack = WindowStack((own_active, mail))
    assert windows(stack).active is None and windows(stack).active_info() is None
    assert windows(stack).opening() is None  # never "Assistant window."
    untitled = DesktopWindow("  ", CALC.rect, active=True, client=CALC.client)
    assert windows(WindowStack((untitled,))).opening() is None
    xterm = DesktopWindow("", CALC.rect, active=True, client=CALC.client, app_name="XTerm")
    assert windows(WindowStack((xterm,))).opening() == "XTerm window."


def _desktop() -> Image.Image:
    """STACK drawn: a red desktop, blue frames and title bars, dark client areas with one white
    dot of "ink" in each of Mail and Calculator."""
    image = Image.new("RGB", SIZE, (200, 0, 0))
    draw = ImageDraw.Draw(image)
    for window in reversed(STACK.windows):  # bottom first
        x, y, w, h = window.rect
        draw.rectangle((x, y, x + w - 1, y + h - 1), fill=(0, 0, 200))
        cx, cy, cw, ch = window.client or window.rect
        draw.rectangle((cx, cy, cx + cw - 1, cy + ch - 1), fill=(10, 20, 30))
    image.putpixel((100, 60), (255, 255, 255))
    image.putpixel((240, 170), (255, 255, 255))
    return image


def test_ocr_sees_only_the_visible_client_areas_of_the_windows_to_read() -> None:
    view, (dx, dy) = windows().ocr_view(_desktop())
    # The union of MAIL's client (0,20)-(200,150) and CALC's (150,120)-(250,200), plus 8 px margin.
    assert (dx, dy) == (0, 12) and view.size == (258, 196)
    px = np.asarray(view)

    def at(x: int, y: int) -> tuple[int, ...]:
        return tuple(int(v) for v in px[y - dy, x - dx])

    ground = (10, 20, 30)  # what is not read is painted with the windows' own ground
    assert at(100, 60) == (255, 255, 255)  # Mail's text
    assert at(240, 170) == (255, 255, 255)  # Calculator's text
    assert at(200, 150) == ground  # Calculator's client area
    assert at(100, 15) == ground  # Mail's title bar: its title is known exactly
    assert at(200, 110) == ground  # Calculator's title bar, over Mail
    assert at(240, 190) == ground  # the assistant's own window, on top of Calculator
    assert at(170, 100) == ground  # Notes' title bar, a strip under Calculator's frame
    assert at(254, 150) == ground  # the desktop beside Calculator
    white = ScreenWindows(STACK, (0, 0), SIZE, WindowReadingConfig(fill=(255, 255, 255)))
    assert white.ocr_view(_desktop())[0].getpixel((100, 15 - 12)) == (255, 255, 255)

    # Where each window read lies in the view, for the second look's strips (one window: no need).
    calc, mail = view.info[WINDOW_AREAS]

    def holds(parts: list, x: int, y: int) -> bool:
        return any(x0 <= x - dx < x1 and y0 <= y - dy < y1 for x0, y0, x1, y1 in parts)

    assert holds(mail, 100, 60) and not holds(calc, 100, 60)
    assert holds(calc, 240, 170) and not holds(mail, 240, 170)
    assert WINDOW_AREAS not in windows(WindowStack((CALC,))).ocr_view(_desktop())[0].info

    own_over = DesktopWindow("Assistant", CALC.rect, is_own=True)
    nothing = windows(WindowStack((own_over, HIDDEN)))  # only a hardly visible window: nothing to read
    assert nothing.opening() == "One window, hardly visible: Notes."
    assert nothing.read == [] and nothing.ocr_view(_desktop())[0].size == (1, 1)


def test_the_windows_read_are_panes_where_each_shows() -> None:
    """Panes for what groups lines by window (a grid's gaps looked for window by window): one per
    window read, each only where it shows, so a line goes to the window it is written in."""
    panes = windows().panes()
    assert len(panes) == 2
    mail_line, calc_line = line(("Inbox", (100, 130, 130, 140))), line(("7", (160, 130, 170, 140)))
    assert panel_of(calc_line, panes) == 0 and panel_of(mail_line, panes) == 1  # Calculator over Mail
    assert panes[1].box == (0, 20, 200, 150)  # Mail's client, part of it under Calculator
    assert not panes[1].mask[130 // 8, 180 // 8]  # there Calculator shows, not Mail


def test_each_word_goes_to_the_window_under_it_and_title_bars_are_not_read_twice() -> None:
    sw = windows()
    across = line(("Inbox", (100, 130, 130, 140)), ("7", (160, 130, 170, 140)), ("8", (180, 130, 190, 140)))
    title = line(("Calculator", (160, 105, 230, 115)))
    mail_only = line(("Subject:", (10, 40, 60, 50)), ("Lunch", (65, 40, 100, 50)))
    per_window = sw.split_lines([across, title, mail_only])
    calc_lines, mail_lines = per_window
    assert [ln.text for ln in calc_lines] == ["7 8"]
    assert calc_lines[0].box == (160, 130, 190, 140)
    assert [ln.text for ln in mail_lines] == ["Inbox", "Subject: Lunch"]

    pieces, more = select_text(sw.blocks([across, title, mail_only]), None)
    assert not more
    assert pieces == ["7 8.", "Mail window.", "Subject: Lunch.", "Inbox."]


def test_a_word_cut_by_a_window_over_it_is_not_read() -> None:
    """Mail's line runs under the calculator: the letter left of its last word, up against the
    calculator's frame ("A" of "Apr"), is no word; a word clear of the frame stays."""
    sw = windows()
    cut = line(("Inbox", (100, 130, 130, 140)), ("A", (141, 130, 149, 140)))
    (_, mail_lines) = sw.split_lines([cut])
    assert [ln.text for ln in mail_lines] == ["Inbox"]
    edge = line(("Total", (150, 185, 200, 195)))  # at the calculator's own left edge, in view: kept
    (calc_lines, _) = sw.split_lines([edge])
    assert [ln.text for ln in calc_lines] == ["Total"]


class _Recording(OcrEngine):
    """Reads a fixed line at a fixed place of whatever it is shown, and keeps what it was shown."""

    name = "recording"

    def __init__(self) -> None:
        self.seen: list[Image.Image] = []

    def recognize(self, image: Image.Image) -> OcrResult:
        self.seen.append(image)
        found = line(("hello", (10, 10, 40, 20)))
        return OcrResult([found], self.name, 1.0, image.size)


def test_a_grab_of_the_second_monitor_reads_in_its_own_coordinates() -> None:
    # Two monitors side by side; the windows sit on the second one (screen x 400..800).
    desktop = Image.new("RGB", (800, 300), (255, 255, 255))
    calc = DesktopWindow("Calculator", (550, 100, 100, 100), active=True, client=(550, 120, 100, 80))
    source = FakeScreenSource(
        desktop, monitors=[(0, 0, 400, 300), (400, 0, 400, 300)], stack=WindowStack((calc,))
    )
    captured = source.grab_screen(2)
    sw = screen_windows(captured)
    assert sw is not None and sw.origin == (400, 0)
    assert sw.areas == [[(150, 120, 100, 80)]]
    engine = _Recording()
    result = WindowOcr(engine, sw).recognize(captured.image)
    assert engine.seen[0].size == (116, 96)  # the client area and the margin, not the monitor
    assert result.image_size == captured.image.size
    assert result.lines[0].box == (152, 122, 182, 132)  # back in the grab's coordinates
    assert [b.text for b in result.blocks()] == ["hello"]


@pytest.mark.parametrize("source", ["file", "clipboard", "window", "rect", "pointer"])
def test_only_a_whole_screen_with_a_window_stack_is_read_by_windows(source: str) -> None:
    image = Image.new("RGB", SIZE, "white")
    assert screen_windows(CapturedImage(image, source, (0, 0, *SIZE), windows=STACK)) is None  # type: ignore[arg-type]
    assert screen_windows(CapturedImage(image, "screen", (0, 0, *SIZE), windows=None)) is None
    assert screen_windows(CapturedImage(image, "screen", (0, 0, *SIZE), windows=WindowStack())) is None
    assert screen_windows(CapturedImage(image, "screen", (0, 0, *SIZE), windows=STACK)) is not None


def test_without_a_client_area_the_title_read_by_ocr_is_not_said_again() -> None:
    # macOS gives only the frame: the title bar is read with the window.
    notes = DesktopWindow("Notes", (0, 0, 300, 200), active=True)
    sw = windows(WindowStack((notes,)))
    title = line(("Notes", (130, 4, 170, 16)))
    first = line(("Notes", (10, 40, 50, 52)), ("for", (55, 40, 75, 52)), ("Monday", (80, 40, 130, 52)))
    body = line(("notes", (10, 60, 50, 72)))  # the word itself, lower down, is text
    pieces, _ = select_text(sw.blocks([title, first, body]), None)
    assert pieces == ["Notes for Monday notes."]
    ocr_misread = line(("Notcs", (130, 4, 170, 16)))  # close enough to the known title
    assert select_text(sw.blocks([ocr_misread, body]), None)[0] == ["notes."]
    with_client = windows(
        WindowStack((DesktopWindow("Notes", (0, 0, 300, 200), active=True, client=(0, 0, 300, 200)),))
    )
    assert select_text(with_client.blocks([title]), None)[0] == ["Notes."]  # a client area: all of it is text


def test_brief_reads_the_active_window_and_names_the_others() -> None:
    sw = ScreenWindows(STACK, (0, 0), SIZE, active_only=True)
    assert [w.title for w in sw.read] == ["Calculator"]
    assert sw.opening() == "Calculator window. Two other windows: Notes, Mail."
    view, (dx, dy) = sw.ocr_view(_desktop())
    assert (dx, dy) == (142, 112) and view.size == (116, 96)  # only Calculator's client area
    no_active = WindowStack((DesktopWindow("Mail", MAIL.rect, client=MAIL.client),))
    assert [w.title for w in ScreenWindows(no_active, (0, 0), SIZE, active_only=True).read] == ["Mail"]
