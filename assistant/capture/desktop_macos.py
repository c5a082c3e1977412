"""macOS: the pointer and the frontmost window through Quartz (pyobjc), when pyobjc is installed.

Untested on this project's Linux machines. Window titles need the Screen Recording permission (the
same one ``mss`` needs to see other apps' windows); without it the title is empty and the owner's
name still identifies the application. Coordinates are points, like ``mss``'s monitor rectangles.

The window stack is ``CGWindowListCopyWindowInfo``'s on-screen list, front to back, normal windows
only (layer 0: no menu bar, Dock or overlays); the frontmost application's first window is the
active one, and windows of this process are the assistant's own.
"""

from __future__ import annotations

import os
from typing import Any

import Quartz  # from pyobjc-framework-Quartz; ImportError here means "no desktop support"

from assistant.capture.models import Rect, WindowInfo
from assistant.capture.window_stack import DesktopWindow, WindowStack


class MacDesktop:
    name = "macos"

    def pointer_position(self) -> tuple[int, int] | None:
        event = Quartz.CGEventCreate(None)
        if event is None:
            return None
        location = Quartz.CGEventGetLocation(event)
        return int(location.x), int(location.y)

    def active_window(self) -> WindowInfo | None:
        front_pid = _frontmost_pid()
        for info, rect in _normal_windows():  # front to back
            if front_pid is not None and info.get("kCGWindowOwnerPID") != front_pid:
                continue
            return WindowInfo(str(info.get("kCGWindowName") or ""), info.get("kCGWindowOwnerName"), rect)
        return None

    def window_stack(self) -> WindowStack | None:
        front_pid, own_pid = _frontmost_pid(), os.getpid()
        found, active_seen = [], False
        for info, rect in _normal_windows():
            pid = info.get("kCGWindowOwnerPID")
            active = not active_seen and front_pid is not None and pid == front_pid
            active_seen = active_seen or active
            found.append(
                DesktopWindow(
                    title=str(info.get("kCGWindowName") or ""),
                    rect=rect,
                    active=active,
                    is_own=pid == own_pid,
                    app_name=info.get("kCGWindowOwnerName"),
                    pid=int(pid) if pid is not None else None,
                    handle=info.get("kCGWindowNumber"),
                )
            )
        return WindowStack(tuple(found))

    def close(self) -> None:
        pass


def _normal_windows() -> list[tuple[Any, Rect]]:
    """On-screen normal windows (layer 0) with a size, front to back, with their rectangles."""
    options = Quartz.kCGWindowListOptionOnScreenOnly | Quartz.kCGWindowListExcludeDesktopElements
    out = []
    for info in Quartz.CGWindowListCopyWindowInfo(options, Quartz.kCGNullWindowID) or []:
        if info.get("kCGWindowLayer", 1) != 0:
            continue  # menu bar, dock, overlays
        bounds = info.get("kCGWindowBounds") or {}
        rect = (
            int(bounds.get("X", 0)),
            int(bounds.get("Y", 0)),
            int(bounds.get("Width", 0)),
            int(bounds.get("Height", 0)),
        )
        if rect[2] > 0 and rect[3] > 0:
            out.append((info, rect))
    return out


def _frontmost_pid() -> int | None:
    try:
        from AppKit import NSWorkspace
    except ImportError:
        return None
    app = NSWorkspace.sharedWorkspace().frontmostApplication()
    return int(app.processIdentifier()) if app is not None else None
