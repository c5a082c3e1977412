"""Moving the pointer and clicking, for explore mode's *go there* and *click* (issue #15).

A blind user who hears "Send report, button" in a description needs to press it without seeing
where it is; OCRdesktop and NVDA's OCR result view do this by moving the mouse to the recognised
text and clicking. Here each platform does it behind :class:`PointerControl`:

- X11: the XTest extension through python-xlib (the same synthetic input ``xdotool`` uses), on a
  connection of its own so it never waits on the capture's.
- Windows: ``SetCursorPos`` and ``mouse_event`` through ctypes (written from the Win32 documentation,
  not run here: no Windows machine).
- Elsewhere (Wayland, macOS): ``None``; explore mode then lists and speaks but says it cannot click.

:class:`RecordingPointer` is the fake for tests above this layer.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass, field
from typing import Any, Protocol

from assistant.errors import CaptureError

log = logging.getLogger(__name__)


class PointerControl(Protocol):
    name: str

    def move_to(self, x: int, y: int) -> None:
        """Put the pointer at ``(x, y)`` in virtual-desktop coordinates."""

    def click(self, x: int, y: int) -> None:
        """Move there and click the primary button."""

    def close(self) -> None: ...


class XTestPointer:
    """Synthetic pointer input on an X server through the XTest extension."""

    name = "x11-xtest"

    def __init__(self, display_name: str | None = None) -> None:
        from Xlib import X, error
        from Xlib import display as xdisplay
        from Xlib.ext import xtest

        try:
            self._display = xdisplay.Display(display_name)
        except (error.DisplayError, error.ConnectionClosedError, OSError, EOFError) as exc:
            raise CaptureError(f"I cannot reach the display to move the pointer: {exc}") from None
        if not self._display.has_extension("XTEST"):
            self._display.close()
            raise CaptureError("This X server cannot move the pointer for me (no XTEST extension).")
        self._x, self._xtest, self._lock = X, xtest, threading.Lock()

    def _motion(self, x: int, y: int) -> None:
        self._xtest.fake_input(self._display, self._x.MotionNotify, x=int(x), y=int(y))

    def move_to(self, x: int, y: int) -> None:
        with self._lock:
            self._motion(x, y)
            self._display.sync()

    def click(self, x: int, y: int) -> None:
        with self._lock:
            self._motion(x, y)
            self._display.sync()
            self._xtest.fake_input(self._display, self._x.ButtonPress, 1)
            self._xtest.fake_input(self._display, self._x.ButtonRelease, 1)
            self._display.sync()

    def close(self) -> None:
        with self._lock:
            self._display.close()


class WindowsPointer:  # pragma: no cover - needs Windows; written from the Win32 API documentation
    """``SetCursorPos`` + ``mouse_event`` (left button down, up) through ctypes."""

    name = "windows-sendinput"
    _LEFTDOWN, _LEFTUP = 0x0002, 0x0004

    def __init__(self) -> None:
        import ctypes

        self._user32: Any = ctypes.windll.user32  # type: ignore[attr-defined]

    def move_to(self, x: int, y: int) -> None:
        if not self._user32.SetCursorPos(int(x), int(y)):
            raise CaptureError("Windows did not let me move the pointer.")

    def click(self, x: int, y: int) -> None:
        self.move_to(x, y)
        self._user32.mouse_event(self._LEFTDOWN, 0, 0, 0, 0)
        self._user32.mouse_event(self._LEFTUP, 0, 0, 0, 0)

    def close(self) -> None:
        pass


@dataclass
class RecordingPointer:
    """A fake that records what it was asked to do."""

    name: str = "recording"
    moves: list[tuple[int, int]] = field(default_factory=list)
    clicks: list[tuple[int, int]] = field(default_factory=list)

    def move_to(self, x: int, y: int) -> None:
        self.moves.append((x, y))

    def click(self, x: int, y: int) -> None:
        self.clicks.append((x, y))

    def close(self) -> None:
        pass


def create_pointer_control() -> PointerControl | None:
    """This platform's pointer control, or ``None`` where the assistant cannot move the pointer
    (Wayland, macOS, an X server without XTEST); the reason is logged."""
    try:
        if sys.platform == "win32":
            return WindowsPointer()
        if sys.platform.startswith("linux") and os.environ.get("DISPLAY"):
            return XTestPointer()
    except (CaptureError, ImportError, OSError) as exc:
        log.info("no pointer control: %s", exc)
        return None
    log.info("no pointer control on this platform (%s)", sys.platform)
    return None
