"""macOS: the pointer and the frontmost window through Quartz (pyobjc), when pyobjc is installed.

Untested on this project's Linux machines. Window titles need the Screen Recording permission (the
same one ``mss`` needs to see other apps' windows); without it the title is empty and the owner's
name still identifies the application. Coordinates are points, like ``mss``'s monitor rectangles.
"""

from __future__ import annotations

import Quartz  # from pyobjc-framework-Quartz; ImportError here means "no desktop support"

from assistant.capture.models import WindowInfo


class MacDesktop:
    name = "macos"

    def pointer_position(self) -> tuple[int, int] | None:
        event = Quartz.CGEventCreate(None)
        if event is None:
            return None
        location = Quartz.CGEventGetLocation(event)
        return int(location.x), int(location.y)

    def active_window(self) -> WindowInfo | None:
        options = Quartz.kCGWindowListOptionOnScreenOnly | Quartz.kCGWindowListExcludeDesktopElements
        windows = Quartz.CGWindowListCopyWindowInfo(options, Quartz.kCGNullWindowID) or []
        front_pid = _frontmost_pid()
        for info in windows:  # front to back
            if info.get("kCGWindowLayer", 1) != 0:
                continue  # menu bar, dock, overlays
            if front_pid is not None and info.get("kCGWindowOwnerPID") != front_pid:
                continue
            bounds = info.get("kCGWindowBounds") or {}
            rect = (
                int(bounds.get("X", 0)),
                int(bounds.get("Y", 0)),
                int(bounds.get("Width", 0)),
                int(bounds.get("Height", 0)),
            )
            if rect[2] <= 0 or rect[3] <= 0:
                continue
            return WindowInfo(str(info.get("kCGWindowName") or ""), info.get("kCGWindowOwnerName"), rect)
        return None

    def close(self) -> None:
        pass


def _frontmost_pid() -> int | None:
    try:
        from AppKit import NSWorkspace
    except ImportError:
        return None
    app = NSWorkspace.sharedWorkspace().frontmostApplication()
    return int(app.processIdentifier()) if app is not None else None
