"""The hotkey interface: a source of global key chords, one backend per platform, plus fakes.

Backends call ``callback(action)`` from their own thread; the Qt app turns that into a queued
signal, so nothing here knows about Qt.
"""

from __future__ import annotations

import abc
import logging
from collections.abc import Callable, Mapping

from assistant.errors import AssistantError

log = logging.getLogger(__name__)

HotkeyCallback = Callable[[str], None]


class HotkeyError(AssistantError):
    """Global hotkeys could not be registered (no X display, no permission, a clash)."""


class HotkeySource(abc.ABC):
    """Listens for global chords and reports the bound action names."""

    name = "abstract"

    def __init__(self) -> None:
        self.bindings: dict[str, str] = {}

    @abc.abstractmethod
    def start(self, bindings: Mapping[str, str], callback: HotkeyCallback) -> None:
        """Begin listening; ``bindings`` maps action → chord text (empty chords are skipped)."""

    @abc.abstractmethod
    def stop(self) -> None:
        """Stop listening; safe to call twice."""

    def rebind(self, bindings: Mapping[str, str], callback: HotkeyCallback) -> None:
        self.stop()
        self.start(bindings, callback)

    @property
    def active(self) -> bool:
        return False


class NoHotkeySource(HotkeySource):
    """No global hotkeys (Wayland, or turned off): bind `assistant trigger ...` in the desktop instead."""

    name = "none"

    def __init__(self, reason: str = "Global hotkeys are off.") -> None:
        super().__init__()
        self.reason = reason

    def start(self, bindings: Mapping[str, str], callback: HotkeyCallback) -> None:
        self.bindings = {a: c for a, c in bindings.items() if c}
        log.info("no global hotkeys: %s", self.reason)

    def stop(self) -> None:
        self.bindings = {}


class FakeHotkeySource(HotkeySource):
    """Test double: ``press(chord_or_action)`` fires the callback as a real backend would."""

    name = "fake"

    def __init__(self) -> None:
        super().__init__()
        self._callback: HotkeyCallback | None = None

    def start(self, bindings: Mapping[str, str], callback: HotkeyCallback) -> None:
        from assistant.hotkeys.chords import canonical

        self.bindings = {a: canonical(c) for a, c in bindings.items() if c}
        self._callback = callback

    def stop(self) -> None:
        self._callback = None
        self.bindings = {}

    @property
    def active(self) -> bool:
        return self._callback is not None

    def press(self, chord_or_action: str) -> bool:
        """Fire the action bound to a chord (or named directly); False when nothing is bound."""
        from assistant.hotkeys.chords import ChordError, canonical

        if self._callback is None:
            return False
        if chord_or_action in self.bindings:
            self._callback(chord_or_action)
            return True
        try:
            wanted = canonical(chord_or_action)
        except ChordError:
            return False
        for action, chord in self.bindings.items():
            if chord == wanted:
                self._callback(action)
                return True
        return False
