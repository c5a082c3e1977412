"""Orca's stop key (Control) and the user's typing stop our description on the shared speech-dispatcher route.

Orca 43's stop key sends ``CANCEL self`` on *its own* speech-dispatcher connection, which cannot touch
another client's message (measured: docs/orca43-speech.md). With Orca's key echo on, the echo itself
("left control", each typed letter) cuts our 'text'-priority message; with key echo off nothing would.
So on that route the assistant watches the keyboard itself, passively (X RECORD through pynput, which
never takes a key away from Orca or the focused app): Control, or any key that is not a bare modifier,
pressed while our description sounds, cancels it — as a screen reader's own speech is cancelled.

Where pynput cannot listen (Wayland without XWayland, no display) the watcher is off, ``doctor`` says
so, and the assistant's stop hotkey remains the way to silence a description.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from assistant.speech.speechd import SpeechdSpeaker

log = logging.getLogger("assistant.speech")

# pynput's names of keys that only modify others (Insert and Caps Lock are Orca's own modifier keys)
MODIFIERS = frozenset(
    {"shift", "shift_l", "shift_r", "alt", "alt_l", "alt_r", "alt_gr", "cmd", "cmd_l", "cmd_r"}
    | {"caps_lock", "insert", "num_lock", "scroll_lock"}
)

# A key pressed this soon after our text was handed over is the one that asked for it (a hotkey's last
# key reaches this watcher and the app's own hotkey listener at the same moment), not a stop.
GRACE_SECONDS = 0.3

# How long closing waits for pynput's listener thread to stop.
STOP_WAIT_SECONDS = 2.0

Listen = Callable[[Callable[[str], None]], Callable[[], None]]
"""``listen(on_press)`` starts watching key presses (``on_press(key_name)``) and returns a stop function."""


def key_name(key: Any) -> str:
    """pynput key -> a name: ``ctrl_l``, ``a``, ``space``; ``?`` for a key without one."""
    name = getattr(key, "name", None)
    if name:
        return str(name)
    char = getattr(key, "char", None)
    return str(char) if char else "?"


def stops_speech(name: str) -> bool:
    """Control (Orca's stop key) and every key that is not a bare modifier."""
    return name not in MODIFIERS


def pynput_listen(on_press: Callable[[str], None]) -> Callable[[], None]:
    """Watch the keyboard with pynput (raises ImportError/OSError where it cannot)."""
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        # pynput's X listener would die in its thread ("Bad display name") and never report it.
        raise OSError("no X display (DISPLAY is not set)")
    from pynput import keyboard

    listener = keyboard.Listener(on_press=lambda key: on_press(key_name(key)))
    listener.daemon = True
    listener.start()

    def stop() -> None:
        # pynput's X backend waits, without a timeout, for a listener that never got going (its display
        # went away, X RECORD refused it): stop from a daemon thread and give up after STOP_WAIT_SECONDS.
        stopper = threading.Thread(target=listener.stop, name="stop-key-watcher-close", daemon=True)
        stopper.start()
        stopper.join(STOP_WAIT_SECONDS)
        if stopper.is_alive():
            log.info(
                "Speech: the key watcher did not stop within %.0f s; left to exit with the app",
                STOP_WAIT_SECONDS,
            )

    return stop


class StopKeyWatcher:
    """Calls ``stop()`` when a stopping key is pressed while ``is_speaking()``; ``active``: it watches."""

    def __init__(
        self,
        stop: Callable[[], None],
        is_speaking: Callable[[], bool],
        listen: Listen = pynput_listen,
        said_at: Callable[[], float] = lambda: 0.0,
    ) -> None:
        """``said_at()``: ``time.monotonic()`` of the last text handed over (see GRACE_SECONDS)."""
        self._stop, self._is_speaking, self._said_at = stop, is_speaking, said_at
        self.presses = 0  # stopping key presses that cancelled something (for tests and doctor)
        self._close: Callable[[], None] | None = None
        try:
            self._close = listen(self.on_press)
            self.why = "Control and typing stop a description"
        except Exception as exc:  # no X display, Wayland, pynput missing
            self.why = f"keys not watched ({type(exc).__name__}: {exc}); use the stop hotkey"
            log.info("Speech: %s", self.why)

    @property
    def active(self) -> bool:
        return self._close is not None

    def on_press(self, name: str) -> None:
        recent = time.monotonic() - self._said_at() < GRACE_SECONDS
        if stops_speech(name) and not recent and self._is_speaking():
            self.presses += 1
            self._stop()

    def close(self) -> None:
        if self._close is not None:
            close, self._close = self._close, None
            try:
                close()
            except Exception:
                log.debug("stopping the key watcher failed", exc_info=True)


def with_stop_keys(speaker: SpeechdSpeaker, listen: Listen = pynput_listen) -> SpeechdSpeaker:
    """Give ``speaker`` a :class:`StopKeyWatcher` (closed with it)."""
    speaker.stop_keys = StopKeyWatcher(
        speaker.stop, lambda: speaker.is_speaking, listen, said_at=lambda: speaker.last_said_at
    )
    return speaker
