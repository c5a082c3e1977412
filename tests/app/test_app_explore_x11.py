"""Explore mode on a real X server with a real window manager (issue #15): a real Tk window is
described by the real describer (tesseract), *find text* moves the real pointer onto its button,
arrow keys move and speak, and Enter clicks: the Tk program itself reports the click."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.capture.capture_x11_support import need, wait_for
from tests.support.desktop import OpenboxDesktop
from tests.support.processes import wait_until
from tests.support.xvfb import XvfbServer

pytestmark = [pytest.mark.x11, pytest.mark.gui, pytest.mark.timeout(240)]

TK_WINDOW = textwrap.dedent(
    """
    import sys, tkinter as tk
    root = tk.Tk()
    root.title("Monthly Report")
    root.geometry("520x260+200+150")
    font = ("DejaVu Sans", 16)
    tk.Label(root, text="The report for March is ready to send.", font=font).pack(pady=24)
    def clicked(name):
        print("clicked " + name, flush=True)
    bar = tk.Frame(root)
    bar.pack(pady=10)
    for name in ("Cancel", "Send report"):
        button = tk.Button(bar, text=name, font=font, command=lambda name=name: clicked(name))
        button.pack(side="left", padx=30)
    root.after(200, lambda: print("ready", flush=True))
    root.mainloop()
    """
)


class Lines:
    """A child's stdout lines, read in a thread (so a test can wait for one with a timeout)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        assert proc.stdout is not None
        stream = proc.stdout
        threading.Thread(
            target=lambda: self.lines.extend(line.strip() for line in stream), daemon=True
        ).start()


@pytest.fixture
def desktop(xvfb_display: str, xvfb: XvfbServer) -> Iterator[tuple[XvfbServer, Lines]]:
    """openbox on the test's Xvfb, and the Tk window on it, active."""
    need("openbox", "openbox")
    with OpenboxDesktop(xvfb.env()) as wm:
        tk = subprocess.Popen(
            [sys.executable, "-c", TK_WINDOW],
            env=xvfb.env(),
            stdout=subprocess.PIPE,
            text=True,
            stderr=subprocess.DEVNULL,
        )
        wm.procs.append(tk)  # type: ignore[arg-type]  # stopped with openbox on leaving
        lines = Lines(tk)
        wait_for(lambda: "ready" in lines.lines, timeout=30, what="the Tk window")
        wait_until(lambda: "Monthly Report" in wm.run("xdotool", "getactivewindow", "getwindowname"),
                   "the Tk window to be active")  # fmt: skip
        yield xvfb, lines


def _pointer(xvfb: XvfbServer) -> tuple[int, int]:
    out = subprocess.run(
        ["xdotool", "getmouselocation", "--shell"], env=xvfb.env(), capture_output=True, text=True, timeout=10
    ).stdout
    values = dict(line.split("=", 1) for line in out.split())
    return int(values["X"]), int(values["Y"])


def test_find_moves_the_pointer_to_a_real_button_and_enter_clicks_it(
    desktop, qapp, qtbot, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    from assistant.app.controller import AppController
    from assistant.capture.screen import create_screen_source
    from assistant.config import Settings
    from assistant.describe import Describer, DescriberOptions
    from assistant.hotkeys import FakeHotkeySource
    from assistant.ocr.tesseract import tesseract_available
    from tests.app.app_testkit import RecordingSpeaker

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    need("xdotool", "xdotool")
    xvfb, tk_lines = desktop
    describer = Describer(DescriberOptions(ocr="tesseract", photo_ocr="none", verbosity="normal"))
    describer.load()  # here, so that the app's worker does not still load it when the test ends
    speaker = RecordingSpeaker()
    controller = AppController(
        Settings(),
        tmp_path / "settings",
        speaker=speaker,
        describer_factory=lambda: describer,
        screen_factory=create_screen_source,
        hotkey_source=FakeHotkeySource(),
    )
    try:
        assert controller.start()
        assert controller.handle_command("find-text", {"text": "Send"})[0] is False  # nothing read yet
        with qtbot.waitSignal(controller.described, timeout=120_000) as sig:
            controller.handle_command("describe-window", {})
        assert "Monthly Report" in sig.args[1].text  # the window's title, from the desktop
        assert any(item.text == "Send report" for item in sig.args[1].items)  # apart from "Cancel"

        ok, message = controller.handle_command("find-text", {"text": "send report"})
        assert ok and message.endswith("Press Enter to click it."), message
        window = controller.explorer.window
        assert window is not None and window.isVisible()
        found = window.current()
        assert found is not None and "Send report" in found.text and found.point is not None
        x, y = _pointer(xvfb)
        assert abs(x - found.point[0]) <= 2 and abs(y - found.point[1]) <= 2  # the real pointer is there

        # Arrow keys move through the items and say each one.
        before = len(speaker.said)
        qtbot.keyClick(window.list, Qt.Key.Key_Up)
        assert speaker.said[before:] and speaker.said[-1][0] == window.current().spoken  # type: ignore[union-attr]
        qtbot.keyClick(window.list, Qt.Key.Key_Down)
        assert window.current() == found

        qtbot.keyClick(window.list, Qt.Key.Key_Return)  # Enter: hide, then click where the button is
        qtbot.waitUntil(lambda: "clicked Send report" in tk_lines.lines, timeout=10_000)  # Tk saw the click
        assert "clicked Cancel" not in tk_lines.lines
        assert not window.isVisible()
    finally:
        controller.shutdown()
