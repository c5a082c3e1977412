"""A real X server for tests: Xvfb on a free display, found with ``-displayfd``.

Tests that need a display (capture, tray, hotkeys, AT-SPI) start their own server through
:class:`XvfbServer` so they never depend on the developer's desktop, and so two test runs (or two
helpers) never share one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType

from tests.support.processes import stop_process


class XvfbServer:
    """Starts ``Xvfb`` with the given screen size; ``display`` is e.g. ``":57"``."""

    def __init__(self, width: int = 1280, height: int = 800, depth: int = 24, timeout: float = 15.0) -> None:
        if shutil.which("Xvfb") is None:
            raise RuntimeError("Xvfb is not installed (apt-get install xvfb)")
        self.width, self.height, self.depth = width, height, depth
        self.timeout = timeout
        self.display = ""
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> XvfbServer:
        read_fd, write_fd = os.pipe()
        self._proc = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{self.width}x{self.height}x{self.depth}",
                "-nolisten",
                "tcp",
                # Without -noreset the server resets whenever its last client disconnects, and a
                # client connecting during that reset gets "Can't open display" (seen in CI).
                "-noreset",
                "+extension",
                "RANDR",
            ],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        deadline = time.monotonic() + self.timeout
        data = b""
        with os.fdopen(read_fd, "rb", buffering=0) as pipe:
            os.set_blocking(pipe.fileno(), False)
            while b"\n" not in data:
                if time.monotonic() > deadline or self._proc.poll() is not None:
                    self.stop()
                    raise RuntimeError("Xvfb did not start")
                try:
                    chunk = pipe.read(64)
                except BlockingIOError:
                    chunk = None
                if chunk:
                    data += chunk
                else:
                    time.sleep(0.02)
        self.display = ":" + data.decode().strip()
        self._wait_until_accepting(deadline)
        return self

    def _wait_until_accepting(self, deadline: float) -> None:
        """``-displayfd`` reports the number once the socket exists; also prove a client can connect."""
        from Xlib import display as xdisplay
        from Xlib.error import DisplayError

        while True:
            try:
                xdisplay.Display(self.display).close()
                return
            except DisplayError:
                if time.monotonic() > deadline or (self._proc is not None and self._proc.poll() is not None):
                    self.stop()
                    raise RuntimeError(f"Xvfb on {self.display} does not accept connections") from None
                time.sleep(0.02)

    def env(self) -> dict[str, str]:
        """A copy of ``os.environ`` pointing at this server (for subprocesses)."""
        env = dict(os.environ)
        env["DISPLAY"] = self.display
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def stop(self) -> None:
        stop_process(self._proc)
        self._proc = None

    def screenshot(self, path: Path) -> Path:
        """Save the whole screen as PNG with ``xwd``-free means: Pillow's ImageGrab over this display."""
        from PIL import ImageGrab

        ImageGrab.grab(xdisplay=self.display).save(path)
        return path

    def __enter__(self) -> XvfbServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
