"""Global hotkeys behind one small interface (:class:`HotkeySource`), chosen once at start-up.

``create_hotkey_source("auto")`` picks: Windows → `keyboard`; X11 and macOS → pynput; Wayland or
no display → none (there, bind ``assistant trigger describe-screen`` in the desktop's own
keyboard settings; the running app receives it over its local socket).
"""

from __future__ import annotations

import os
import sys

from assistant.hotkeys.base import FakeHotkeySource, HotkeyError, HotkeySource, NoHotkeySource
from assistant.hotkeys.chords import Chord, ChordError, canonical, find_conflicts, parse_chord

__all__ = [
    "Chord",
    "ChordError",
    "FakeHotkeySource",
    "HotkeyError",
    "HotkeySource",
    "NoHotkeySource",
    "canonical",
    "create_hotkey_source",
    "find_conflicts",
    "parse_chord",
    "pick_backend",
]


def pick_backend(requested: str = "auto") -> tuple[str, str]:
    """The backend name for this platform and why (the reason is shown by `assistant doctor`)."""
    if requested != "auto":
        return requested, "chosen in settings"
    if sys.platform == "win32":
        return "keyboard", "Windows"
    if sys.platform == "darwin":
        return "pynput", "macOS"
    if os.environ.get("WAYLAND_DISPLAY") and os.environ.get("XDG_SESSION_TYPE", "") == "wayland":
        return "none", "Wayland has no global key grabs; bind `assistant trigger ...` in the desktop settings"
    if os.environ.get("DISPLAY"):
        return "pynput", "X11"
    return "none", "no display"


def create_hotkey_source(requested: str = "auto") -> HotkeySource:
    name, reason = pick_backend(requested)
    if name == "pynput":
        from assistant.hotkeys.pynput_backend import PynputHotkeySource

        return PynputHotkeySource()
    if name == "keyboard":
        from assistant.hotkeys.keyboard_backend import KeyboardHotkeySource

        return KeyboardHotkeySource()
    if name == "none":
        return NoHotkeySource(reason)
    raise HotkeyError(f"Unknown hotkey backend {name}.")
