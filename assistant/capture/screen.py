"""Screen capture: the whole screen, the monitor under the pointer, a rectangle, the active window.

:class:`ScreenSource` holds the logic every backend shares (which monitor, clipping to the screen,
the square around the pointer); a backend only supplies monitors, raw grabs, the pointer and the
active window. :class:`MssScreenSource` grabs pixels with ``mss`` (X11, Windows, macOS) and asks a
small per-platform *desktop* module for the pointer, the active window and the window stack.
:class:`FakeScreenSource` serves an in-memory picture through the very same code, for tests.
Every grab carries the window stack read just before it (:class:`WindowStack`), with the
assistant's own windows painted out of the picture, so it never reads its own words back.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from abc import ABC, abstractmethod
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Protocol

from PIL import Image

from assistant.capture.geometry import area, contains, intersect, square_around, union
from assistant.capture.models import CapturedImage, Rect, SourceKind, WindowInfo
from assistant.capture.window_stack import WindowStack, hide_own_windows
from assistant.errors import CaptureError

if TYPE_CHECKING:
    import mss as mss_module

__all__ = [
    "CapturedImage",
    "Desktop",
    "FakeScreenSource",
    "MssScreenSource",
    "ScreenSource",
    "WindowInfo",
    "WindowStack",
    "create_screen_source",
]

log = logging.getLogger(__name__)

MonitorChoice = int | Literal["pointer", "all"]

WAYLAND_MESSAGE = (
    "No display to capture: screen capture on Wayland needs the desktop's screenshot portal, "
    "so save a screenshot and run: assistant describe FILE."
)


class Desktop(Protocol):
    """The platform pieces ``mss`` does not cover: where the pointer is, which window is active,
    and the stack of windows (``None`` when the platform cannot say)."""

    name: str

    def pointer_position(self) -> tuple[int, int] | None: ...

    def active_window(self) -> WindowInfo | None: ...

    def window_stack(self) -> WindowStack | None: ...

    def close(self) -> None: ...


class ScreenSource(ABC):
    """Where screen pictures come from. Coordinates are those of the virtual desktop (all monitors).

    Monitors are numbered from 1 as people count them; ``0`` and ``"all"`` mean every monitor
    together (the ``mss`` convention) and ``"pointer"`` the monitor under the mouse pointer.
    """

    name = "screen"

    # --- what a backend supplies -------------------------------------------------------------------

    @abstractmethod
    def monitors(self) -> list[Rect]:
        """The physical monitors, in the platform's order (monitor 1 first)."""

    @abstractmethod
    def _grab(self, rect: Rect) -> Image.Image:
        """Grab ``rect`` (already clipped to the virtual desktop) as an RGB image."""

    @abstractmethod
    def _pointer(self) -> tuple[int, int] | None:
        """The pointer position, or ``None`` when the platform cannot say."""

    @abstractmethod
    def active_window(self) -> WindowInfo | None:
        """The focused top-level window, or ``None`` when there is none or it cannot be found."""

    def window_stack(self) -> WindowStack | None:
        """The windows on the screen, top first, or ``None`` when the platform cannot say."""
        return None

    def primary_monitor(self) -> int:
        """The number of the primary monitor (used when the pointer cannot be found)."""
        return 1

    def close(self) -> None:  # noqa: B027 - backends without resources need nothing here
        """Release connections; the source cannot be used afterwards."""

    # --- shared behaviour ------------------------------------------------------------------------

    def virtual_screen(self) -> Rect:
        """The bounding box of all monitors."""
        return union(self.monitors())

    def pointer_position(self) -> tuple[int, int]:
        """Where the mouse pointer is, in virtual-desktop coordinates."""
        position = self._pointer()
        if position is None:
            raise CaptureError("I cannot find the mouse pointer on this system.")
        return position

    def monitor_at(self, x: int, y: int) -> int:
        """The number of the monitor showing ``(x, y)``; the smallest one when monitors overlap."""
        candidates = [
            (area(rect), number) for number, rect in enumerate(self.monitors(), 1) if contains(rect, x, y)
        ]
        return min(candidates)[1] if candidates else self.primary_monitor()

    def grab_screen(self, monitor: MonitorChoice = "pointer") -> CapturedImage:
        """One monitor (by number, or the one under the pointer), or ``"all"`` of them as one picture."""
        return self._captured(self._monitor_rect(monitor), "screen")

    def grab_rect(self, x: int, y: int, width: int, height: int) -> CapturedImage:
        """A rectangle of the desktop; the part outside every monitor is cut off."""
        if width <= 0 or height <= 0:
            raise CaptureError("The area to capture has no size.")
        rect = intersect((x, y, width, height), self.virtual_screen())
        if rect is None:
            raise CaptureError("The area to capture is outside the screen.")
        return self._captured(rect, "rect")

    def grab_active_window(self) -> CapturedImage:
        """The active window's visible part (title bar and frame included when the platform says so)."""
        window = self.active_window()
        if window is None:
            raise CaptureError("I cannot tell which window is active.")
        rect = intersect(window.rect, self.virtual_screen())
        if rect is None:
            raise CaptureError("The active window is not on the screen.")
        return self._captured(rect, "window", window)

    def grab_around_pointer(self, size: int = 480) -> CapturedImage:
        """A ``size`` x ``size`` square around the pointer, kept inside the pointer's monitor.

        Near a screen edge the square slides to stay whole; only a monitor smaller than ``size``
        makes it smaller.
        """
        if size <= 0:
            raise ValueError("size must be positive")
        x, y = self.pointer_position()
        monitor = self.monitors()[self.monitor_at(x, y) - 1]
        return self._captured(square_around(x, y, size, monitor), "pointer")

    def _captured(self, rect: Rect, source: SourceKind, window: WindowInfo | None = None) -> CapturedImage:
        """Grab ``rect`` with the window stack of that moment, the assistant's own windows painted
        out (unless it is the assistant's own window that is being described)."""
        stack = self.window_stack()
        image = self._grab(rect)
        describing_own = (
            source == "window" and stack is not None and any(w.active and w.is_own for w in stack.own)
        )
        if stack is not None and not describing_own:
            hide_own_windows(image, (rect[0], rect[1]), stack)
        return CapturedImage(image, source, rect, window, windows=stack)

    def _monitor_rect(self, monitor: MonitorChoice) -> Rect:
        monitors = self.monitors()
        if monitor == "all" or monitor == 0:
            return self.virtual_screen()
        if monitor == "pointer":
            position = self._pointer()
            number = self.monitor_at(*position) if position is not None else self.primary_monitor()
            return monitors[number - 1]
        if isinstance(monitor, int) and not isinstance(monitor, bool) and 1 <= monitor <= len(monitors):
            return monitors[monitor - 1]
        count = len(monitors)
        raise CaptureError(f"There is no monitor {monitor}; this computer has {count}.")

    def __enter__(self) -> ScreenSource:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class FakeScreenSource(ScreenSource):
    """A real :class:`ScreenSource` over an in-memory picture, for testing the layers above capture.

    ``image`` is the whole virtual desktop with its origin at (0, 0); ``monitors`` splits it (one
    monitor by default); ``window`` is reported as the active window and ``stack`` as the window
    stack; the pointer starts in the middle and moves with :meth:`move_pointer` (``None`` simulates
    a platform that cannot say).
    """

    name = "fake"

    def __init__(
        self,
        image: Image.Image,
        window: WindowInfo | None = None,
        *,
        pointer: tuple[int, int] | None = None,
        monitors: list[Rect] | None = None,
        stack: WindowStack | None = None,
    ) -> None:
        self.image = image.convert("RGB") if image.mode != "RGB" else image
        self.window = window
        self.stack = stack
        self._monitors = list(monitors) if monitors else [(0, 0, *self.image.size)]
        width, height = self.image.size
        self._position: tuple[int, int] | None = pointer if pointer is not None else (width // 2, height // 2)
        self.grabs: list[Rect] = []
        self.closed = False

    def move_pointer(self, position: tuple[int, int] | None) -> None:
        self._position = position

    def monitors(self) -> list[Rect]:
        return list(self._monitors)

    def _pointer(self) -> tuple[int, int] | None:
        return self._position

    def active_window(self) -> WindowInfo | None:
        return self.window

    def window_stack(self) -> WindowStack | None:
        return self.stack

    def _grab(self, rect: Rect) -> Image.Image:
        if self.closed:
            raise CaptureError("The screen capture has been closed.")
        self.grabs.append(rect)
        x, y, width, height = rect
        return self.image.crop((x, y, x + width, y + height))

    def close(self) -> None:
        self.closed = True


class MssScreenSource(ScreenSource):
    """Pixels from ``mss``; pointer and active window from the platform's :class:`Desktop`.

    ``mss`` objects hold per-thread resources on some platforms (GDI device contexts on Windows), so
    each thread that grabs gets its own; the Qt app grabs from its worker thread. Monitors are read
    when a thread's ``mss`` object is created.
    """

    name = "mss"

    def __init__(self, display: str | None = None, desktop: Desktop | None = None) -> None:
        import mss

        self._mss_module = mss
        self._display = display
        self.desktop = desktop
        self._local = threading.local()
        self._lock = threading.Lock()
        self._instances: list[mss_module.MSS] = []
        self._closed = False
        self._sct()  # connect now, so a broken display fails at start-up rather than on first use

    def _sct(self) -> mss_module.MSS:
        sct: mss_module.MSS | None = getattr(self._local, "sct", None)
        if sct is not None:
            return sct
        with self._lock:
            if self._closed:
                raise CaptureError("The screen capture has been closed.")
            factory = getattr(self._mss_module, "MSS", None) or self._mss_module.mss  # MSS since mss 10.2
            kwargs = {"display": self._display} if self._display and sys.platform.startswith("linux") else {}
            sct = None
            try:
                sct = factory(**kwargs)
                sct.monitors  # noqa: B018 - query now: a dead X server shows up here, not mid-grab
            except Exception as exc:  # ScreenShotError, or lower-level errors from the XCB bindings
                log.warning("mss could not connect: %s", exc)
                if sct is not None:
                    with contextlib.suppress(Exception):
                        sct.close()
                where = f" {self._display}" if self._display else ""
                raise CaptureError(
                    f"No display to capture: I cannot connect to the display{where}."
                ) from None
            self._instances.append(sct)
        self._local.sct = sct
        return sct

    def _forget(self, sct: mss_module.MSS) -> None:
        with self._lock:
            if sct in self._instances:
                self._instances.remove(sct)
        if getattr(self._local, "sct", None) is sct:
            self._local.sct = None
        try:
            sct.close()
        except Exception:
            log.debug("closing a broken mss object failed", exc_info=True)

    def monitors(self) -> list[Rect]:
        found = self._sct().monitors
        physical = found[1:] or found[:1]
        return [(m["left"], m["top"], m["width"], m["height"]) for m in physical]

    def primary_monitor(self) -> int:
        found = self._sct().monitors[1:]
        return next((number for number, m in enumerate(found, 1) if m.get("is_primary")), 1)

    def _grab(self, rect: Rect) -> Image.Image:
        x, y, width, height = rect
        sct = self._sct()
        try:
            shot = sct.grab({"left": x, "top": y, "width": width, "height": height})
        except Exception:  # mss raises ScreenShotError, but also AssertionError on a dead X connection
            log.warning("mss grab of %s failed", rect, exc_info=True)
            self._forget(sct)  # the next grab on this thread reconnects (an X server may come back)
            raise CaptureError("The screen could not be captured.") from None
        # BGRA from the platform; "BGRX" drops the alpha byte while unpacking. ``raw`` is mss's own
        # bytearray: ``bgra`` would first copy it into bytes (about 5 ms for a 1920x1080 screen).
        pixels = getattr(shot, "raw", None) or shot.bgra
        return Image.frombytes("RGB", shot.size, pixels, "raw", "BGRX")

    def _pointer(self) -> tuple[int, int] | None:
        return self.desktop.pointer_position() if self.desktop is not None else None

    def active_window(self) -> WindowInfo | None:
        if self.desktop is None:
            raise CaptureError("Finding the active window is not supported on this system.")
        return self.desktop.active_window()

    def window_stack(self) -> WindowStack | None:
        return self.desktop.window_stack() if self.desktop is not None else None

    def close(self) -> None:
        with self._lock:
            already, self._closed = self._closed, True
            instances, self._instances = self._instances, []
        for sct in instances:
            sct.close()
        if self.desktop is not None and not already:
            self.desktop.close()


def create_screen_source(display: str | None = None) -> ScreenSource:
    """The screen source for this platform; raises :class:`CaptureError` when there is nothing to capture.

    On Linux ``display`` (default: ``$DISPLAY``) names the X server. A Wayland session is refused with a
    clear sentence unless ``display`` is given: through XWayland ``mss`` would only see black where the
    native Wayland windows are.
    """
    if sys.platform == "win32":
        return MssScreenSource(None, _platform_desktop("windows"))
    if sys.platform == "darwin":
        return MssScreenSource(None, _platform_desktop("macos"))
    if display is None:
        if os.environ.get("WAYLAND_DISPLAY") or os.environ.get("XDG_SESSION_TYPE", "").lower() == "wayland":
            raise CaptureError(WAYLAND_MESSAGE)
        display = os.environ.get("DISPLAY") or None
        if display is None:
            raise CaptureError("No display to capture: there is no graphical session, DISPLAY is not set.")
    source = MssScreenSource(display, None)
    try:
        source.desktop = _platform_desktop("x11", display)
    except CaptureError:
        source.close()
        raise
    return source


def _platform_desktop(kind: str, display: str | None = None) -> Desktop | None:
    """Load the platform module lazily; a missing optional library costs the feature, not the app."""
    try:
        if kind == "x11":
            from assistant.capture.desktop_x11 import X11Desktop
            from assistant.paths import APP_NAME

            return X11Desktop(display, own_classes=(APP_NAME,))  # the Qt app's WM_CLASS class
        if kind == "windows":
            from assistant.capture.desktop_windows import WindowsDesktop

            return WindowsDesktop()
        from assistant.capture.desktop_macos import MacDesktop

        return MacDesktop()
    except ImportError as exc:
        log.warning("no %s desktop support (pointer, active window): %s", kind, exc)
        return None
