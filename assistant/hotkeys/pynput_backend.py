"""Global hotkeys with pynput: X11 (through the RECORD extension) and macOS.

pynput is imported only on start, because on Linux its import itself needs an X display.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Mapping
from typing import Any

from assistant.hotkeys.base import HotkeyCallback, HotkeyError, HotkeySource
from assistant.hotkeys.chords import to_pynput

log = logging.getLogger(__name__)

START_TIMEOUT_S = 5.0


def _check_x_display() -> None:
    """Fail fast, with a clear message, when the X display cannot be opened."""
    try:
        from Xlib import display as xdisplay

        xdisplay.Display(os.environ.get("DISPLAY")).close()
    except Exception as exc:
        raise HotkeyError("Global hotkeys need an X display, and none could be opened.") from exc


class PynputHotkeySource(HotkeySource):
    name = "pynput"

    def __init__(self) -> None:
        super().__init__()
        self._listener: Any = None

    def start(self, bindings: Mapping[str, str], callback: HotkeyCallback) -> None:
        self.stop()
        try:
            from pynput import keyboard
        except Exception as exc:  # pynput raises ImportError or Xlib errors without a display
            raise HotkeyError("Global hotkeys are not available on this desktop.") from exc

        def make_handler(action: str) -> Any:
            def handler() -> None:
                try:
                    callback(action)
                except Exception:  # a failing callback must not kill the listener thread
                    log.exception("hotkey callback for %s failed", action)

            return handler

        mapping = {to_pynput(chord): make_handler(action) for action, chord in bindings.items() if chord}
        if sys.platform.startswith("linux"):
            _check_x_display()
        try:
            listener = keyboard.GlobalHotKeys(mapping)
            listener.daemon = True
            listener.start()
        except Exception as exc:
            raise HotkeyError("Global hotkeys could not be registered.") from exc
        # pynput's wait() has no timeout and never returns if the listener thread dies early.
        waiter = threading.Thread(target=listener.wait, daemon=True)
        waiter.start()
        waiter.join(START_TIMEOUT_S)
        if waiter.is_alive() or not listener.is_alive():
            listener.stop()
            raise HotkeyError("Global hotkeys could not be registered.")
        self._listener = listener
        self.bindings = {a: c for a, c in bindings.items() if c}
        log.info("pynput hotkeys active: %s", self.bindings)

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()
            # On X11 the record thread only notices the stop at the next key event; it is a
            # daemon thread and no longer delivers chords, so do not hold the GUI up for it.
            listener.join(timeout=0.3)
        self.bindings = {}

    @property
    def active(self) -> bool:
        return self._listener is not None and self._listener.is_alive()
