"""Screen capture on a real Xvfb: known colours painted by real X clients must come back pixel for pixel."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import numpy as np
import pytest
from capture_x11_support import Painter, XClients, need, wait_for
from PIL import Image

from assistant.capture.screen import MssScreenSource, ScreenSource, create_screen_source
from assistant.errors import CaptureError
from tests.support.xvfb import XvfbServer

pytestmark = [pytest.mark.x11, pytest.mark.timeout(60)]

ROOT = (0x33, 0x66, 0x99)
RED, GREEN, BLUE, YELLOW = (220, 20, 30), (20, 200, 40), (30, 40, 210), (240, 220, 10)


def _pixels(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("RGB"))


def _all(image: Image.Image, colour: tuple[int, int, int]) -> bool:
    return bool((_pixels(image) == np.array(colour, dtype=np.uint8)).all())


@pytest.fixture
def source(xvfb_display: str) -> Iterator[ScreenSource]:
    with create_screen_source() as screen:
        yield screen


@pytest.fixture
def painted(xvfb_display: str, x_clients: XClients, painter: Painter) -> Painter:
    """Root in one colour (``xsetroot``); four coloured 200x100 windows in a 2x2 block at (100, 100)."""
    need("xsetroot", "x11-xserver-utils")
    x_clients.run("xsetroot", "-solid", "#336699")
    for (dx, dy), colour in zip(
        [(0, 0), (200, 0), (0, 100), (200, 100)], [RED, GREEN, BLUE, YELLOW], strict=True
    ):
        painter.window((100 + dx, 100 + dy, 200, 100), colour, managed=False)
    return painter


def test_whole_screen_matches_what_was_painted(painted: Painter, source: ScreenSource) -> None:
    shot = source.grab_screen("all")
    assert shot.source == "screen" and shot.rect == (0, 0, 1280, 800)
    assert shot.image.mode == "RGB" and shot.image.size == (1280, 800)
    image = shot.image
    assert image.getpixel((5, 5)) == ROOT and image.getpixel((1270, 790)) == ROOT
    assert image.getpixel((150, 150)) == RED and image.getpixel((350, 150)) == GREEN
    assert image.getpixel((150, 150 + 100)) == BLUE and image.getpixel((350, 250)) == YELLOW
    assert _all(image.crop((100, 100, 300, 200)), RED)  # whole window, exact edges
    assert _all(image.crop((300, 200, 500, 300)), YELLOW)
    assert image.getpixel((99, 150)) == ROOT and image.getpixel((500, 150)) == ROOT
    # the default (monitor under the pointer) is the single monitor here
    assert source.grab_screen().rect == (0, 0, 1280, 800)
    assert source.grab_screen(1).rect == (0, 0, 1280, 800)


def test_rect_across_window_edges(painted: Painter, source: ScreenSource) -> None:
    shot = source.grab_rect(250, 150, 100, 100)  # centred on the point where all four windows meet
    assert shot.source == "rect" and shot.rect == (250, 150, 100, 100) and shot.image.size == (100, 100)
    image = shot.image
    assert _all(image.crop((0, 0, 50, 50)), RED) and _all(image.crop((50, 0, 100, 50)), GREEN)
    assert _all(image.crop((0, 50, 50, 100)), BLUE) and _all(image.crop((50, 50, 100, 100)), YELLOW)


def test_rect_is_clipped_to_the_screen(painted: Painter, source: ScreenSource) -> None:
    shot = source.grab_rect(1200, 750, 500, 500)
    assert shot.rect == (1200, 750, 80, 50) and shot.image.size == (80, 50)
    assert _all(shot.image, ROOT)
    with pytest.raises(CaptureError, match="outside the screen"):
        source.grab_rect(2000, 2000, 10, 10)
    with pytest.raises(CaptureError, match="has no size"):
        source.grab_rect(10, 10, 0, 10)


def test_square_around_the_pointer(painted: Painter, source: ScreenSource, x_clients: XClients) -> None:
    x_clients.run("xdotool", "mousemove", "--sync", "300", "200")
    assert source.pointer_position() == (300, 200)
    shot = source.grab_around_pointer(100)
    assert shot.source == "pointer" and shot.rect == (250, 150, 100, 100)
    assert _all(shot.image.crop((0, 0, 50, 50)), RED) and _all(shot.image.crop((50, 50, 100, 100)), YELLOW)

    x_clients.run("xdotool", "mousemove", "--sync", "1270", "5")  # top-right corner: the square slides inside
    shot = source.grab_around_pointer(480)
    assert shot.rect == (800, 0, 480, 480) and shot.image.size == (480, 480)
    assert _all(shot.image, ROOT)


def test_monitor_under_the_pointer(xvfb_display: str, x_clients: XClients, painter: Painter) -> None:
    """Two RandR monitors side by side (``xrandr --setmonitor``): the grab follows the pointer."""
    need("xrandr", "x11-xserver-utils")
    x_clients.run("xrandr", "--setmonitor", "LEFT", "640/170x800/210+0+0", "none")
    x_clients.run("xrandr", "--setmonitor", "RIGHT", "640/170x800/210+640+0", "none")
    painter.window((0, 0, 640, 800), RED, managed=False)
    painter.window((640, 0, 640, 800), GREEN, managed=False)
    with create_screen_source() as source:
        assert (0, 0, 640, 800) in source.monitors() and (640, 0, 640, 800) in source.monitors()
        x_clients.run("xdotool", "mousemove", "--sync", "900", "300")
        right = source.grab_screen()
        assert right.rect == (640, 0, 640, 800) and _all(right.image, GREEN)
        x_clients.run("xdotool", "mousemove", "--sync", "100", "300")
        left = source.grab_screen("pointer")
        assert left.rect == (0, 0, 640, 800) and _all(left.image, RED)
        # the pointer square stays on the pointer's monitor
        x_clients.run("xdotool", "mousemove", "--sync", "630", "400")
        assert source.grab_around_pointer(200).rect == (440, 300, 200, 200)
        whole = source.grab_screen("all")
        assert whole.rect == (0, 0, 1280, 800)
        with pytest.raises(CaptureError, match="There is no monitor 9"):
            source.grab_screen(9)


def test_active_window_without_a_window_manager(
    xvfb_display: str, painter: Painter, x_clients: XClients
) -> None:
    """No EWMH window manager: the window holding the keyboard focus is the active one."""
    painter.window((50, 60, 300, 200), BLUE, title="Plain Window", wm_class=("plain", "PlainApp"))
    target = painter.window((400, 300, 320, 240), RED, title="Focus Me", wm_class=("focusme", "FocusApp"))
    x_clients.run("xdotool", "windowfocus", "--sync", str(target.id))
    with create_screen_source() as source:
        window = source.active_window()
        assert window is not None
        assert window.title == "Focus Me" and window.app_name == "FocusApp"
        assert window.rect == (400, 300, 320, 240)
        shot = source.grab_active_window()
        assert shot.source == "window" and shot.window == window and shot.rect == (400, 300, 320, 240)
        assert _all(shot.image, RED)


def test_stale_ewmh_property_falls_back_to_focus(
    xvfb_display: str, painter: Painter, x_clients: XClients
) -> None:
    """A window manager that died leaves _NET_ACTIVE_WINDOW naming a window that no longer exists."""
    from Xlib import Xatom

    target = painter.window((200, 100, 240, 120), YELLOW, title="Still Here", wm_class=("here", "HereApp"))
    root = painter.screen.root
    root.change_property(painter.display.intern_atom("_NET_ACTIVE_WINDOW"), Xatom.WINDOW, 32, [0x3FFFFF])
    painter.display.sync()
    x_clients.run("xdotool", "windowfocus", "--sync", str(target.id))
    with create_screen_source() as source:
        window = source.active_window()
        assert window is not None and window.title == "Still Here" and window.rect == (200, 100, 240, 120)


def test_no_focus_means_no_active_window(xvfb_display: str) -> None:
    with create_screen_source() as source:
        assert source.active_window() is None  # fresh server: focus is PointerRoot
        with pytest.raises(CaptureError, match="cannot tell which window is active"):
            source.grab_active_window()


def test_active_window_with_ewmh_window_manager(
    xvfb_display: str, openbox: XClients, painter: Painter
) -> None:
    """openbox frames the window; the rectangle includes its title bar and borders (_NET_FRAME_EXTENTS)."""
    need("xmessage", "x11-utils")
    openbox.start("xmessage", "-title", "Hello Test", "-geometry", "300x100+200+150", "hello")
    # Activated through the WM (_NET_ACTIVE_WINDOW): whether openbox focuses a new window by
    # itself depends on its focus-stealing guard's clock, which a busy machine moves.
    openbox.run("xdotool", "search", "--sync", "--name", "^Hello Test$", "windowactivate", "--sync")
    with create_screen_source() as source:
        window = wait_for(
            lambda: (w := source.active_window()) and w.title == "Hello Test" and w, what="xmessage"
        )
        assert window.app_name == "Xmessage"
        client = openbox.run("xdotool", "search", "--sync", "--name", "^Hello Test$").split()[0]
        extents = openbox.run("xprop", "-id", client, "_NET_FRAME_EXTENTS")
        left, right, top, bottom = (int(v) for v in extents.split("=")[1].split(","))
        assert top > 0  # openbox really decorated it
        info = openbox.run("xwininfo", "-id", client)  # (xdotool getwindowgeometry double-counts frames)
        values = dict(line.strip().split(": ", 1) for line in info.splitlines() if ": " in line)
        keys = ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        x, y, width, height = (int(values[k]) for k in keys)
        assert (width, height) == (300, 100)
        assert window.rect == (x - left, y - top, width + left + right, height + top + bottom)

        # a UTF-8 title, painted in a known colour; activating it through the WM makes it the active one
        title = "Café — ünïcode ✓"
        other = painter.window((600, 300, 240, 160), GREEN, title=title, wm_class=("cafe", "CafeApp"))
        openbox.run("xdotool", "windowactivate", "--sync", str(other.id))
        window = wait_for(lambda: (w := source.active_window()) and w.title == title and w, what="activation")
        assert window.app_name == "CafeApp"
        shot = source.grab_active_window()
        assert shot.rect == window.rect and shot.image.size == window.rect[2:]
        # the client area (inside the frame) is our green
        inner = _pixels(shot.image)[top + 5 : -bottom - 5, left + 5 : -right - 5]
        assert inner.size and (inner == np.array(GREEN, dtype=np.uint8)).all()


def test_grabs_from_several_threads(painted: Painter, source: ScreenSource) -> None:
    """The Qt app grabs from a worker thread; each thread gets its own mss object."""
    results: dict[str, object] = {}

    def worker(name: str) -> None:
        try:
            results[name] = source.grab_rect(100, 100, 200, 100).image.getpixel((10, 10))
        except Exception as exc:
            results[name] = exc

    threads = [threading.Thread(target=worker, args=(f"t{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert results == {f"t{i}": RED for i in range(4)}
    assert source.grab_rect(100, 100, 10, 10).image.getpixel((1, 1)) == RED
    assert isinstance(source, MssScreenSource) and len(source._instances) == 5


def test_closed_source_refuses(xvfb_display: str) -> None:
    source = create_screen_source()
    source.close()
    source.close()  # twice is harmless
    worker_error: list[BaseException] = []
    thread = threading.Thread(target=lambda: _capture_error(source, worker_error))
    thread.start()
    thread.join(timeout=30)
    assert worker_error and "closed" in str(worker_error[0])


def _capture_error(source: ScreenSource, sink: list[BaseException]) -> None:
    try:
        source.grab_screen()
    except CaptureError as exc:
        sink.append(exc)


def test_explicit_display_argument(xvfb: XvfbServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")  # an explicit X display overrides the Wayland refusal
    with create_screen_source(xvfb.display) as source:
        assert source.grab_screen().image.size == (1280, 800)


def test_bigger_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    with XvfbServer(1920, 1080) as server:
        monkeypatch.setenv("DISPLAY", server.display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        with create_screen_source() as source:
            shot = source.grab_screen()
            assert shot.image.size == (1920, 1080) and shot.rect == (0, 0, 1920, 1080)


def test_server_going_away_is_a_capture_error(monkeypatch: pytest.MonkeyPatch) -> None:
    server = XvfbServer().start()
    try:
        monkeypatch.setenv("DISPLAY", server.display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        source = create_screen_source()
        assert source.grab_screen().image.size == (1280, 800)
    finally:
        server.stop()
    with pytest.raises(CaptureError):
        source.grab_screen()
    assert source.active_window() is None
    source.close()


def test_without_python_xlib_capture_still_works(painted: Painter, monkeypatch: pytest.MonkeyPatch) -> None:
    """python-xlib is optional at run time: screens and rectangles still come, window lookup says why not."""
    monkeypatch.setitem(sys.modules, "Xlib", None)  # makes "import Xlib" fail
    monkeypatch.delitem(sys.modules, "assistant.capture.desktop_x11", raising=False)
    with create_screen_source() as source:
        assert isinstance(source, MssScreenSource) and source.desktop is None
        shot = source.grab_screen()  # pointer unknown: the primary monitor
        assert shot.rect == (0, 0, 1280, 800) and shot.image.getpixel((150, 150)) == RED
        with pytest.raises(CaptureError, match="not supported on this system"):
            source.grab_active_window()
        with pytest.raises(CaptureError, match="cannot find the mouse pointer"):
            source.grab_around_pointer()
