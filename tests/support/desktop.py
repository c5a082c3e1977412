"""A window manager's desktop on a test X server: programs started in it, found by their window
titles, activated, and stopped together.

Live-screen tests and benchmarks need the same few steps (openbox up and managing, a program's
window mapped, one window active), each with a timeout so that a program that never comes up fails
the run instead of hanging it.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from types import TracebackType

from tests.support.processes import stop_process, wait_until


class OpenboxDesktop:
    """openbox on the X server ``env`` points at (``env``: a whole environment, DISPLAY set), and
    every program started through :meth:`start`; all stopped, last first, on leaving."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, *command: str) -> None:
        self.procs.append(
            subprocess.Popen(command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )

    def run(self, *command: str) -> str:
        """The command's output; empty when it fails (xdotool finding nothing)."""
        return subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=20).stdout

    def window(self, title: str) -> str:
        """The id of the first window whose title starts with ``title``, once it is mapped (a
        program names its window before mapping it, and a window manager ignores requests for a
        window it does not manage yet)."""
        search = ("xdotool", "search", "--onlyvisible", "--name", f"^{title}")
        wait_until(lambda: self.run(*search).strip(), title)
        return self.run(*search).split()[0]

    def activate(self, title: str) -> None:
        """Make the window titled ``title`` the active one through the window manager
        (_NET_ACTIVE_WINDOW), asking again until it is: on a busy machine a request can come
        before the manager has framed the window, and ``windowactivate --sync`` then gives up
        silently."""
        window = self.window(title)

        def active() -> bool:
            if self.run("xdotool", "getactivewindow").strip() == window:
                return True
            self.run("xdotool", "windowactivate", window)
            time.sleep(0.2)
            return self.run("xdotool", "getactivewindow").strip() == window

        wait_until(active, f"{title} active")

    def __enter__(self) -> OpenboxDesktop:
        self.start("openbox", "--sm-disable")
        try:
            wait_until(
                lambda: "window id" in self.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK"), "openbox"
            )
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        for proc in reversed(self.procs):
            stop_process(proc)
        self.procs.clear()


def described_live_and_as_file(active: str, folder: Path) -> tuple[str, str]:
    """What a *describe screen* says of the test X server's screen (``DISPLAY``) once the window
    titled ``active`` is the active one: live (the grab with its window stack), then the same grab
    saved in ``folder`` as a PNG and described as a file (no stack: windows found by their title
    bars). The app's own text reader (tesseract, then PP-OCR's second look), every part said."""
    from assistant.capture.screen import create_screen_source
    from assistant.describe import Describer, DescriberOptions

    describer = Describer(DescriberOptions(photo_ocr="none", verbosity="full"))
    with create_screen_source() as source:

        def ready() -> bool:
            stack = source.window_stack()
            return stack is not None and stack.active is not None and stack.active.title == active

        wait_until(ready, f"{active} active")
        time.sleep(0.5)  # let the programs draw their lines
        shot = source.grab_screen()
    live = describer.describe(shot).text
    path = folder / "screen.png"
    shot.image.save(path)
    return live, describer.describe(path).text
