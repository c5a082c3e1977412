"""The shared ScreenSource logic (monitor choice, clipping, pointer square) through FakeScreenSource.

FakeScreenSource is what other layers' tests use, so it must behave exactly like the real backend:
it runs the same base-class code, only its pixels come from memory.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from assistant.capture import CapturedImage, FakeScreenSource, ScreenSource, WindowInfo
from assistant.capture.geometry import intersect, square_around, union
from assistant.errors import CaptureError


def _desktop() -> Image.Image:
    """Two 800x600 monitors side by side: left half red, right half blue, a white box at (900, 100)."""
    image = Image.new("RGB", (1600, 600), (200, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle((800, 0, 1599, 599), fill=(0, 0, 200))
    draw.rectangle((900, 100, 999, 149), fill=(255, 255, 255))
    return image


MONITORS = [(0, 0, 800, 600), (800, 0, 800, 600)]


@pytest.fixture
def fake() -> FakeScreenSource:
    window = WindowInfo("Editor — notes.txt", "Editor", (880, 80, 200, 100))
    return FakeScreenSource(_desktop(), window, monitors=MONITORS, pointer=(1000, 300))


def test_is_a_screen_source(fake: FakeScreenSource) -> None:
    assert isinstance(fake, ScreenSource)
    assert fake.virtual_screen() == (0, 0, 1600, 600)


def test_monitor_under_pointer_and_by_number(fake: FakeScreenSource) -> None:
    shot = fake.grab_screen()
    assert isinstance(shot, CapturedImage) and shot.source == "screen"
    assert shot.rect == (800, 0, 800, 600) and shot.image.getpixel((0, 0)) == (0, 0, 200)
    fake.move_pointer((10, 10))
    assert fake.grab_screen("pointer").rect == (0, 0, 800, 600)
    assert fake.grab_screen(2).image.getpixel((150, 120)) == (255, 255, 255)
    assert fake.grab_screen("all").image.size == (1600, 600)
    assert fake.grab_screen(0).rect == (0, 0, 1600, 600)
    with pytest.raises(CaptureError) as excinfo:
        fake.grab_screen(3)
    assert str(excinfo.value) == "There is no monitor 3; this computer has 2."


def test_unknown_pointer_falls_back_to_primary(fake: FakeScreenSource) -> None:
    fake.move_pointer(None)
    assert fake.grab_screen().rect == (0, 0, 800, 600)
    with pytest.raises(CaptureError, match="cannot find the mouse pointer"):
        fake.grab_around_pointer()


def test_square_slides_inside_the_pointer_monitor(fake: FakeScreenSource) -> None:
    fake.move_pointer((1590, 590))
    shot = fake.grab_around_pointer(480)
    assert shot.source == "pointer" and shot.rect == (1120, 120, 480, 480)
    fake.move_pointer((790, 300))  # near the edge between monitors: stays on the left one
    assert fake.grab_around_pointer(200).rect == (600, 200, 200, 200)
    assert fake.grab_around_pointer(1000).rect == (0, 0, 800, 600)  # bigger than the monitor
    with pytest.raises(ValueError, match="positive"):
        fake.grab_around_pointer(0)


def test_active_window_is_cropped_from_the_screen(fake: FakeScreenSource) -> None:
    shot = fake.grab_active_window()
    assert shot.source == "window" and shot.window is not None and shot.window.title == "Editor — notes.txt"
    assert shot.rect == (880, 80, 200, 100) and shot.image.size == (200, 100)
    assert shot.image.getpixel((30, 30)) == (255, 255, 255)  # the white box at (910, 110)
    assert shot.image.getpixel((5, 5)) == (0, 0, 200)


def test_window_partly_off_screen_is_clipped_and_fully_off_is_an_error() -> None:
    partly = FakeScreenSource(_desktop(), WindowInfo("Half", None, (1500, 500, 300, 300)), monitors=MONITORS)
    assert partly.grab_active_window().rect == (1500, 500, 100, 100)
    gone = FakeScreenSource(_desktop(), WindowInfo("Gone", None, (5000, 0, 300, 300)))
    with pytest.raises(CaptureError, match="not on the screen"):
        gone.grab_active_window()
    none = FakeScreenSource(_desktop())
    with pytest.raises(CaptureError, match="cannot tell which window is active"):
        none.grab_active_window()


def test_records_grabs_and_closes(fake: FakeScreenSource) -> None:
    with fake:
        fake.grab_rect(-50, -50, 100, 100)
    assert fake.grabs == [(0, 0, 50, 50)]
    with pytest.raises(CaptureError, match="closed"):
        fake.grab_screen()


def test_geometry_helpers() -> None:
    assert intersect((0, 0, 10, 10), (5, 5, 10, 10)) == (5, 5, 5, 5)
    assert intersect((0, 0, 10, 10), (10, 0, 5, 5)) is None
    assert union([(0, 0, 10, 10), (-5, 20, 5, 5)]) == (-5, 0, 15, 25)
    assert square_around(0, 0, 100, (-1920, 0, 1920, 1080)) == (-100, 0, 100, 100)  # monitor left of primary
    with pytest.raises(ValueError, match="no rectangles"):
        union([])
