"""The window stack as plain data: reading order, what is visible, and the assistant's own windows
painted out of grabs (through FakeScreenSource, the same code the real sources run)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from assistant.capture.models import WindowInfo
from assistant.capture.screen import FakeScreenSource
from assistant.capture.window_stack import DesktopWindow, WindowStack, hide_own_windows

GREY = (0x80, 0x80, 0x80)
SCREEN = (0, 0, 400, 300)

MAIL = DesktopWindow("Mail", (0, 0, 200, 150), app_name="Thunderbird", pid=11)
CALC = DesktopWindow("Calculator", (150, 100, 100, 100), active=True, app_name="XCalc", pid=12)
OWN = DesktopWindow("Assistant", (220, 50, 120, 120), is_own=True, pid=99)
NOTES = DesktopWindow("notes - xterm", (300, 0, 100, 100), app_name="XTerm", pid=13)
# top first: NOTES covers OWN's top-right corner; OWN covers part of CALC; CALC covers part of MAIL
STACK = WindowStack((NOTES, OWN, CALC, MAIL))


def test_reading_order_is_active_first_then_down_the_stack_without_own_windows() -> None:
    assert STACK.active is CALC
    assert [w.title for w in STACK.reading_order()] == ["Calculator", "notes - xterm", "Mail"]
    assert [w.title for w in STACK.others()] == ["notes - xterm", "Mail"]
    assert STACK.own == (OWN,)


def test_an_active_own_window_is_not_the_window_to_read() -> None:
    own_active = DesktopWindow("Assistant", (0, 0, 10, 10), active=True, is_own=True)
    stack = WindowStack((own_active, MAIL))
    assert stack.active is None
    assert stack.reading_order() == [MAIL]
    assert stack.others() == [MAIL]


def test_visible_parts_leave_out_what_windows_above_cover() -> None:
    assert STACK.visible_rects(NOTES, SCREEN) == [NOTES.rect]
    own_parts = STACK.visible_rects(OWN, SCREEN)
    assert sum(w * h for *_, w, h in own_parts) == 120 * 120 - 40 * 50  # NOTES covers 40x50 of it
    # OWN covers CALC's x 220..250, y 100..170
    assert STACK.visible_fraction(CALC, SCREEN) == (100 * 100 - 30 * 70) / (100 * 100)
    assert STACK.visible_fraction(MAIL, SCREEN) == (200 * 150 - 50 * 50) / (200 * 150)
    hidden = DesktopWindow("under", (160, 110, 20, 20))
    assert WindowStack((CALC, hidden)).visible_rects(hidden, SCREEN) == []
    off_screen = DesktopWindow("away", (500, 500, 50, 50))
    assert WindowStack((off_screen,)).visible_fraction(off_screen, SCREEN) == 0.0


def test_window_at_a_point_is_the_topmost_there() -> None:
    assert STACK.window_at(230, 120) is OWN
    assert STACK.window_at(160, 110) is CALC
    assert STACK.window_at(10, 10) is MAIL
    assert STACK.window_at(350, 250) is None


def test_hide_own_windows_paints_only_their_visible_part() -> None:
    image = Image.new("RGB", (400, 300), (255, 255, 255))
    painted = hide_own_windows(image, (0, 0), STACK)
    assert painted == 120 * 120 - 40 * 50
    pixels = np.asarray(image)
    assert tuple(pixels[100, 260]) == GREY  # inside OWN, uncovered
    assert tuple(pixels[20, 320]) == (255, 255, 255)  # inside OWN but under NOTES: NOTES shows there
    assert tuple(pixels[120, 200]) == (255, 255, 255)  # CALC, left of OWN
    assert (pixels == np.array(GREY, dtype=np.uint8)).all(axis=2).sum() == painted


def _desktop() -> Image.Image:
    return Image.new("RGB", (400, 300), (10, 120, 200))


def test_grabs_carry_the_stack_and_never_show_own_windows() -> None:
    source = FakeScreenSource(_desktop(), stack=STACK)
    shot = source.grab_screen()
    assert shot.windows is STACK
    assert tuple(np.asarray(shot.image)[100, 260]) == GREY
    # a rectangle starting inside the own window: painted in the rectangle's own coordinates
    part = source.grab_rect(250, 60, 100, 100)
    pixels = np.asarray(part.image)
    assert tuple(pixels[40, 10]) == GREY  # screen (260, 100)
    assert tuple(pixels[40, 95]) == (10, 120, 200)  # screen (345, 100): right of OWN
    assert part.windows is STACK
    assert source.grab_around_pointer(100).windows is STACK


def test_describing_the_own_window_itself_keeps_it() -> None:
    own_active = DesktopWindow("Assistant", (220, 50, 120, 120), active=True, is_own=True)
    window = WindowInfo("Assistant", "assistant", own_active.rect)
    source = FakeScreenSource(_desktop(), window=window, stack=WindowStack((own_active, MAIL)))
    shot = source.grab_active_window()
    assert (np.asarray(shot.image) == np.array((10, 120, 200), dtype=np.uint8)).all()
    # describing another window still hides the own window where it lies over that one
    source = FakeScreenSource(_desktop(), window=WindowInfo("Calculator", "XCalc", CALC.rect), stack=STACK)
    pixels = np.asarray(source.grab_active_window().image)  # CALC's rect starts at (150, 100)
    assert tuple(pixels[10, 80]) == GREY  # screen (230, 110): OWN over CALC
    assert tuple(pixels[10, 10]) == (10, 120, 200)


def test_without_a_stack_nothing_is_painted() -> None:
    shot = FakeScreenSource(_desktop()).grab_screen()
    assert shot.windows is None
    assert (np.asarray(shot.image) == np.array((10, 120, 200), dtype=np.uint8)).all()
