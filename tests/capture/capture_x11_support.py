"""Helpers for capture tests on a real X server: X clients, painted windows, polling.

A uniquely named module (not ``conftest``) so test files can import it without clashing with other areas."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from typing import Any

from tests.support.processes import stop_process
from tests.support.xvfb import XvfbServer


def wait_for(predicate: Callable[[], Any], timeout: float = 10.0, what: str = "condition") -> Any:
    """Poll ``predicate`` until it returns something truthy; X clients start asynchronously."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def need(program: str, package: str) -> None:
    hint = f"apt-get install {package} (listed in .ci/apt-packages.txt)"
    assert shutil.which(program), f"{program} is missing: {hint}"


class XClients:
    """Starts X client programs on the test's server and stops them all afterwards."""

    def __init__(self, server: XvfbServer) -> None:
        self.server = server
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, *command: str) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            command, env=self.server.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.procs.append(proc)
        return proc

    def run(self, *command: str, timeout: float = 20.0) -> str:
        result = subprocess.run(
            command, env=self.server.env(), capture_output=True, text=True, timeout=timeout, check=True
        )
        return result.stdout

    def stop(self) -> None:
        for proc in reversed(self.procs):
            stop_process(proc)


class Painter:
    """Real X windows of a known colour, made with python-xlib on the test's own connection."""

    def __init__(self, display_name: str) -> None:
        from Xlib import display as xdisplay

        self.display = xdisplay.Display(display_name)
        self.screen = self.display.screen()

    def window(
        self,
        rect: tuple[int, int, int, int],
        colour: tuple[int, int, int],
        *,
        title: str | None = None,
        wm_class: tuple[str, str] | None = None,
        managed: bool = True,
    ) -> Any:
        """Map a window filled with ``colour``; ``managed=False`` keeps the window manager's hands off it."""
        from Xlib import X, Xatom

        x, y, width, height = rect
        pixel = (colour[0] << 16) | (colour[1] << 8) | colour[2]  # TrueColor 24-bit visual on Xvfb
        window = self.screen.root.create_window(
            x, y, width, height, 0, self.screen.root_depth,
            background_pixel=pixel,
            override_redirect=not managed,
            event_mask=X.ExposureMask | X.StructureNotifyMask,
        )  # fmt: skip
        if title is not None:
            window.set_wm_name(title.encode("latin-1", "replace"))
            utf8 = self.display.intern_atom("UTF8_STRING")
            window.change_property(self.display.intern_atom("_NET_WM_NAME"), utf8, 8, title.encode())
        if wm_class is not None:
            window.set_wm_class(*wm_class)
        window.set_wm_normal_hints(flags=1 | 4, min_width=width, min_height=height)  # USPosition, USSize
        window.change_property(self.display.intern_atom("WM_PROTOCOLS"), Xatom.ATOM, 32, [])
        window.map()
        self.display.sync()
        wait_for(lambda: window.get_attributes().map_state == X.IsViewable, what="window to be mapped")
        self.display.sync()
        return window

    def close(self) -> None:
        self.display.close()
