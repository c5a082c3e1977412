"""The window stack from EWMH on a real Xvfb with openbox and real programs (xmessage, xterm, a Tk
window): exact titles, stacking order as the window manager keeps it, the active window, frames,
minimised windows left out, and the assistant's own window (by its process id) marked and painted
out of screen grabs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import numpy as np
import pytest
from capture_x11_support import Painter, XClients, need, wait_for

from assistant.capture.screen import ScreenSource, create_screen_source
from assistant.capture.window_stack import WindowStack

pytestmark = [pytest.mark.x11, pytest.mark.timeout(90)]

GREEN = (20, 200, 40)
GREY = (0x80, 0x80, 0x80)
TK_WINDOW = """
import tkinter as tk
root = tk.Tk()
root.title("Mail – 3 unread")
root.geometry("320x180+700+80")
tk.Label(root, text="Inbox").pack()
root.mainloop()
"""
TITLES = ["Reminder", "notes - xterm", "Mail – 3 unread"]


@pytest.fixture
def source(xvfb_display: str) -> Iterator[ScreenSource]:
    with create_screen_source() as screen:
        yield screen


def _titles(stack: WindowStack | None) -> list[str]:
    return [w.title for w in stack.windows] if stack is not None else []


Rect = tuple[int, int, int, int]


def _frame(openbox: XClients, title: str) -> tuple[int, Rect, Rect]:
    """The window's id, outer frame and client area as xwininfo and xprop see them (not through our code);
    found by the title's first word (xdotool's regex does not take every UTF-8 title)."""
    xid = openbox.run("xdotool", "search", "--sync", "--name", f"^{title.split()[0]}").split()[0]
    extents = openbox.run("xprop", "-id", xid, "_NET_FRAME_EXTENTS")
    left, right, top, bottom = (int(v) for v in extents.split("=")[1].split(","))
    info = openbox.run("xwininfo", "-id", xid)
    values = dict(line.strip().split(": ", 1) for line in info.splitlines() if ": " in line)
    keys = ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
    x, y, width, height = (int(values[k]) for k in keys)
    return int(xid), (x - left, y - top, width + left + right, height + top + bottom), (x, y, width, height)


def _activate(openbox: XClients, xid: int) -> None:
    openbox.run("xdotool", "windowactivate", "--sync", str(xid))


def test_window_stack_from_ewmh(
    xvfb_display: str, openbox: XClients, painter: Painter, source: ScreenSource
) -> None:
    need("xmessage", "x11-utils")
    need("xterm", "xterm")
    need("xdotool", "xdotool")
    tk_python = "/usr/bin/python3"
    assert os.path.exists(tk_python), "Debian's python3 is missing"
    openbox.start("xmessage", "-title", "Reminder", "-geometry", "+40+40", "Team meeting at 14:30")
    openbox.start("xterm", "-T", "notes - xterm", "-geometry", "60x12+300+260", "-e", "sleep", "600")
    openbox.start(tk_python, "-c", TK_WINDOW)
    # the assistant's own window: made by this very process, which says so in _NET_WM_PID (as Qt does)
    own = painter.window((120, 420, 260, 160), GREEN, title="Assistant", wm_class=("assistant", "Assistant"))
    own.change_property(painter.display.intern_atom("_NET_WM_PID"), 6, 32, [os.getpid()])  # 6 = CARDINAL
    painter.display.sync()

    wait_for(lambda: set(TITLES) < set(_titles(source.window_stack())), timeout=30, what="all windows")
    frames = {title: _frame(openbox, title) for title in [*TITLES, "Assistant"]}
    for title in ["Assistant", "Mail – 3 unread", "notes - xterm", "Reminder"]:  # the last one on top
        _activate(openbox, frames[title][0])
    want = ["Reminder", "notes - xterm", "Mail – 3 unread", "Assistant"]
    stack = wait_for(
        lambda: (s := source.window_stack()) and _titles(s) == want and s.active and s, what="stacking"
    )

    # titles exact (UTF-8 included), top first, the active one marked, frames as xwininfo sees them
    assert stack.active.title == "Reminder"
    assert [w.active for w in stack.windows] == [True, False, False, False]
    for window in stack.windows:
        xid, rect, client = frames[window.title]
        assert (window.handle, window.rect, window.client) == (xid, rect, client), window.title
        assert client[1] > rect[1]  # below the title bar
    by_title = {w.title: w for w in stack.windows}
    assert by_title["Reminder"].app_name == "Xmessage"
    assert by_title["notes - xterm"].app_name == "XTerm"
    assert by_title["notes - xterm"].pid is not None and by_title["notes - xterm"].pid != os.getpid()
    # the assistant's own window is known by its process id, and never read
    assert [w.title for w in stack.own] == ["Assistant"]
    assert [w.title for w in stack.reading_order()] == ["Reminder", "notes - xterm", "Mail – 3 unread"]
    assert [w.title for w in stack.others()] == ["notes - xterm", "Mail – 3 unread"]

    # raising a window changes the order; a minimised window is no longer on the screen
    _activate(openbox, frames["Mail – 3 unread"][0])
    openbox.run("xdotool", "windowminimize", "--sync", str(frames["notes - xterm"][0]))
    want = ["Mail – 3 unread", "Reminder", "Assistant"]
    stack = wait_for(lambda: (s := source.window_stack()) and _titles(s) == want and s, what="restacking")
    assert stack.active is not None and stack.active.title == "Mail – 3 unread"

    # a screen grab carries the stack, and the own window's client area is painted out
    shot = source.grab_screen()
    assert shot.windows is not None and _titles(shot.windows) == want
    pixels = np.asarray(shot.image)
    x, y, w, h = frames["Assistant"][1]
    assert tuple(pixels[y + h // 2, x + w // 2]) == GREY
    assert (pixels[y + h // 2 - 20 : y + h // 2 + 20, x + 30 : x + w - 30] == np.array(GREY, np.uint8)).all()
    from PIL import ImageGrab  # the real screen still shows it: only the grab hides it

    real = np.asarray(ImageGrab.grab(xdisplay=xvfb_display).convert("RGB"))
    assert tuple(real[y + h // 2, x + w // 2]) == GREEN


def test_stacking_as_the_server_keeps_it_under_another_window_manager(
    xvfb_display: str, jwm: XClients, source: ScreenSource
) -> None:
    """jwm 2.4 lists ``_NET_CLIENT_LIST_STACKING`` top first (EWMH says bottom to top), fluxbox 1.3 in
    the order of mapping: the stack must follow what the X server draws on top, as ``xdotool`` raises."""
    need("xmessage", "x11-utils")
    need("xdotool", "xdotool")
    titles = ["Alder", "Birch", "Cedar"]
    for i, title in enumerate(titles):  # mapped in this order, each over the one before
        jwm.start("xmessage", "-title", title, "-geometry", f"+{60 + 90 * i}+{60 + 70 * i}", f"{title} notes")
    ids = {t: jwm.run("xdotool", "search", "--sync", "--name", f"^{t}$").split()[0] for t in titles}
    for title in ["Cedar", "Alder", "Birch"]:  # raised in turn: Birch on top, then Alder, Cedar below
        _activate(jwm, int(ids[title]))
    want = ["Birch", "Alder", "Cedar"]
    stack = wait_for(lambda: (s := source.window_stack()) and _titles(s) == want and s, what="jwm's stacking")
    assert stack.active is not None and stack.active.title == "Birch"
    _activate(jwm, int(ids["Cedar"]))
    want = ["Cedar", "Birch", "Alder"]
    wait_for(lambda: _titles(source.window_stack()) == want, what="restacking under jwm")


def test_no_window_manager_means_no_stack(xvfb_display: str, painter: Painter, source: ScreenSource) -> None:
    painter.window((10, 10, 100, 100), GREEN, title="Lonely")
    assert source.window_stack() is None  # nothing says which window covers which
    assert source.grab_screen().windows is None


QT_APP_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
app.setApplicationName("assistant")  # as assistant/app/main.py names the tray app
label = QLabel("The previous description")
label.setWindowTitle("Assistant")
label.setGeometry(300, 200, 300, 120)
label.show()
app.exec()
"""


def test_own_windows_of_another_process_by_window_class(
    xvfb_display: str, openbox: XClients, source: ScreenSource
) -> None:
    """The describe command runs apart from the tray app: the app's Qt windows are still its own
    (WM_CLASS class "assistant"); a program that merely has the same title is not."""
    need("xmessage", "x11-utils")
    openbox.start("xmessage", "-title", "Assistant", "-geometry", "+40+40", "same title, other program")
    openbox.start("env", "QT_QPA_PLATFORM=xcb", sys.executable, "-c", QT_APP_WINDOW)
    stack = wait_for(
        lambda: (s := source.window_stack()) and _titles(s) == ["Assistant", "Assistant"] and s,
        timeout=30,
        what="both windows",
    )
    own = [w for w in stack.windows if w.is_own]
    assert [w.app_name for w in own] == ["assistant"]
    assert own[0].pid is not None and own[0].pid != os.getpid()
    assert [w.app_name for w in stack.reading_order()] == ["Xmessage"]
