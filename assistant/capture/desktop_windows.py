"""Windows: the pointer and the foreground window through user32 / dwmapi with ctypes.

Untested on this project's Linux machines; kept small and close to the documented Win32 calls.
``DWMWA_EXTENDED_FRAME_BOUNDS`` gives the visible frame (``GetWindowRect`` includes the invisible
resize borders of Windows 10 and later). ``mss`` makes the process DPI-aware, so the coordinates are
physical pixels like the grabs.

The window stack comes from ``EnumWindows``, which lists top-level windows in Z order, topmost
first; hidden, minimised and cloaked windows (another virtual desktop, suspended store apps) and
tool windows are left out, and the assistant's own are marked by ``GetWindowThreadProcessId``.
"""

from __future__ import annotations

import sys

if sys.platform != "win32":  # pragma: no cover - imported only on Windows
    raise ImportError("desktop_windows is for Windows only")

import ctypes
import os
from ctypes import wintypes
from pathlib import PureWindowsPath
from typing import Any

from assistant.capture.models import Rect, WindowInfo
from assistant.capture.window_stack import DesktopWindow, WindowStack

_DWMWA_EXTENDED_FRAME_BOUNDS = 9
_DWMWA_CLOAKED = 14
_GWL_EXSTYLE = -20
_WS_EX_TOOLWINDOW = 0x00000080
_ENUM_PROC = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000


class WindowsDesktop:
    name = "windows"

    def __init__(self) -> None:
        self._user32 = ctypes.WinDLL("user32", use_last_error=True)
        self._kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        try:
            self._dwmapi: Any = ctypes.WinDLL("dwmapi")
        except OSError:
            self._dwmapi = None
        self._user32.GetForegroundWindow.restype = wintypes.HWND

    def pointer_position(self) -> tuple[int, int] | None:
        point = wintypes.POINT()
        if not self._user32.GetCursorPos(ctypes.byref(point)):
            return None
        return point.x, point.y

    def active_window(self) -> WindowInfo | None:
        hwnd = self._user32.GetForegroundWindow()
        if not hwnd:
            return None
        rect = self._rect(hwnd)
        if rect is None:
            return None
        return WindowInfo(self._title(hwnd), self._process_name(self._pid(hwnd)), rect)

    def window_stack(self) -> WindowStack | None:
        handles: list[int] = []

        def collect(hwnd: int, _: int) -> bool:
            handles.append(hwnd)
            return True

        if not self._user32.EnumWindows(_ENUM_PROC(collect), 0):
            return None
        foreground = self._user32.GetForegroundWindow()
        own_pid = os.getpid()
        found = []
        for hwnd in handles:  # topmost first
            if not self._shown(hwnd):
                continue
            rect = self._rect(hwnd)
            if rect is None or rect[2] <= 0 or rect[3] <= 0:
                continue
            pid = self._pid(hwnd)
            found.append(
                DesktopWindow(
                    title=self._title(hwnd),
                    rect=rect,
                    active=hwnd == foreground,
                    is_own=pid == own_pid,
                    client=self._client(hwnd),
                    app_name=self._process_name(pid),
                    pid=pid,
                    handle=hwnd,
                )
            )
        return WindowStack(tuple(found))

    def _shown(self, hwnd: int) -> bool:
        """Visible, not minimised, not cloaked, not a tool window: what a person sees as a window."""
        if not self._user32.IsWindowVisible(hwnd) or self._user32.IsIconic(hwnd):
            return False
        if self._user32.GetWindowLongW(hwnd, _GWL_EXSTYLE) & _WS_EX_TOOLWINDOW:
            return False
        if self._dwmapi is not None:
            cloaked = wintypes.DWORD()
            size = ctypes.sizeof(cloaked)
            if self._dwmapi.DwmGetWindowAttribute(hwnd, _DWMWA_CLOAKED, ctypes.byref(cloaked), size) == 0:
                return cloaked.value == 0
        return True

    def _title(self, hwnd: int) -> str:
        length = self._user32.GetWindowTextLengthW(hwnd)
        buffer = ctypes.create_unicode_buffer(length + 1)
        self._user32.GetWindowTextW(hwnd, buffer, length + 1)
        return str(buffer.value)

    def _rect(self, hwnd: int) -> Rect | None:
        rect = wintypes.RECT()
        got_frame = self._dwmapi is not None and (
            self._dwmapi.DwmGetWindowAttribute(
                hwnd, _DWMWA_EXTENDED_FRAME_BOUNDS, ctypes.byref(rect), ctypes.sizeof(rect)
            )
            == 0
        )
        if not got_frame and not self._user32.GetWindowRect(hwnd, ctypes.byref(rect)):
            return None
        return (rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top)

    def _client(self, hwnd: int) -> Rect | None:
        """The client area (inside the title bar and borders) on the screen."""
        rect, origin = wintypes.RECT(), wintypes.POINT(0, 0)
        if not self._user32.GetClientRect(hwnd, ctypes.byref(rect)):
            return None
        if not self._user32.ClientToScreen(hwnd, ctypes.byref(origin)):
            return None
        return (origin.x, origin.y, rect.right - rect.left, rect.bottom - rect.top)

    def _pid(self, hwnd: int) -> int:
        pid = wintypes.DWORD()
        self._user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
        return int(pid.value)

    def _process_name(self, pid: int) -> str | None:
        handle = self._kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return None
        try:
            size = wintypes.DWORD(1024)
            buffer = ctypes.create_unicode_buffer(size.value)
            if not self._kernel32.QueryFullProcessImageNameW(handle, 0, buffer, ctypes.byref(size)):
                return None
            return PureWindowsPath(buffer.value).stem or None
        finally:
            self._kernel32.CloseHandle(handle)

    def close(self) -> None:
        pass
