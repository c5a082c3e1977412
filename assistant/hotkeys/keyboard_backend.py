"""Global hotkeys with the `keyboard` package (Windows; on Linux it needs root and /dev/input)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Mapping
from typing import Any

from assistant.hotkeys.base import HotkeyCallback, HotkeyError, HotkeySource
from assistant.hotkeys.chords import to_keyboard

log = logging.getLogger(__name__)


class KeyboardHotkeySource(HotkeySource):
    name = "keyboard"

    def __init__(self) -> None:
        super().__init__()
        self._handles: list[Any] = []
        self._module: Any = None

    def start(self, bindings: Mapping[str, str], callback: HotkeyCallback) -> None:
        self.stop()
        try:
            import keyboard  # type: ignore[import-not-found, unused-ignore]
        except Exception as exc:
            raise HotkeyError("The keyboard hotkey library is not installed.") from exc
        self._module = keyboard
        try:
            for action, chord in bindings.items():
                if chord:
                    handle = keyboard.add_hotkey(to_keyboard(chord), callback, args=(action,), suppress=False)
                    self._handles.append(handle)
        except Exception as exc:  # ImportError("You must be root...") on Linux, OSError elsewhere
            self.stop()
            raise HotkeyError("Global hotkeys could not be registered.") from exc
        self.bindings = {a: c for a, c in bindings.items() if c}

    def stop(self) -> None:
        if self._module is not None:
            for handle in self._handles:
                with contextlib.suppress(KeyError, ValueError):
                    self._module.remove_hotkey(handle)
        self._handles = []
        self.bindings = {}

    @property
    def active(self) -> bool:
        return bool(self._handles)
