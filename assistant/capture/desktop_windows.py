"""Windows: the pointer and the foreground window through user32 / dwmapi with ctypes.

Untested on this project's Linux machines; kept small and close to the documented Win32 calls.
``DWMWA_EXTENDED_FRAME_BOUNDS`` gives the visible frame (``GetWindowRect`` includes the invisible
resize borders of Windows 10 and later). ``mss`` makes the process DPI-aware, so the coordinates are
physical pixels like the grabs.
"""

from __future__ import annotations

import sys

if sys.platform != "win32":  # pragma: no cover - imported only on Windows
    raise ImportError("desktop_windows is for Windows only")

import ctypes
from ctypes import wintypes
from pathlib import PureWindowsPath
from typing import Any

from assistant.capture.models import WindowInfo

_DWMWA_EXTENDED_FRAME_BOUNDS = 9
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
        length = self._user32.GetWindowTextLengthW(hwnd)
        buffer = ctypes.create_unicode_buffer(length + 1)
        self._user32.GetWindowTextW(hwnd, buffer, length + 1)
        rect = wintypes.RECT()
        got_frame = self._dwmapi is not None and (
            self._dwmapi.DwmGetWindowAttribute(
                hwnd, _DWMWA_EXTENDED_FRAME_BOUNDS, ctypes.byref(rect), ctypes.sizeof(rect)
            )
            == 0
        )
        if not got_frame and not self._user32.GetWindowRect(hwnd, ctypes.byref(rect)):
            return None
        width, height = rect.right - rect.left, rect.bottom - rect.top
        return WindowInfo(buffer.value, self._process_name(hwnd), (rect.left, rect.top, width, height))

    def _process_name(self, hwnd: int) -> str | None:
        pid = wintypes.DWORD()
        self._user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
        handle = self._kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid.value)
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
