"""The pynput hotkey backend against a real X server, driven by xdotool key chords."""

from __future__ import annotations

import subprocess
import threading

import pytest

from assistant.config import DEFAULT_HOTKEYS
from assistant.hotkeys import HotkeyError, create_hotkey_source
from assistant.hotkeys.pynput_backend import PynputHotkeySource

pytestmark = [pytest.mark.x11]


@pytest.mark.timeout(60)
def test_pynput_backend_fires_on_real_chords_and_rebinds(xvfb_display: str) -> None:
    fired: list[str] = []
    event = threading.Event()

    def callback(action: str) -> None:
        fired.append(action)
        event.set()

    source = create_hotkey_source("auto")
    assert isinstance(source, PynputHotkeySource)
    source.start(DEFAULT_HOTKEYS, callback)
    try:
        assert source.active
        env = {"DISPLAY": xvfb_display, "PATH": "/usr/bin:/bin"}
        subprocess.run(["xdotool", "key", "ctrl+alt+shift+w"], env=env, check=True, timeout=20)
        assert event.wait(10), "the chord was not seen"
        assert fired == ["describe-window"]
        # A plain letter, or the chord without Alt, must not fire anything.
        event.clear()
        subprocess.run(["xdotool", "key", "w", "ctrl+shift+w"], env=env, check=True, timeout=20)
        assert not event.wait(1.0)
        # Rebinding takes effect at once; the old chord stops working.
        source.rebind({**DEFAULT_HOTKEYS, "describe-window": "ctrl+shift+f9"}, callback)
        subprocess.run(["xdotool", "key", "ctrl+alt+shift+w"], env=env, check=True, timeout=20)
        assert not event.wait(1.0)
        subprocess.run(["xdotool", "key", "ctrl+shift+F9"], env=env, check=True, timeout=20)
        assert event.wait(10)
        assert fired == ["describe-window", "describe-window"]
    finally:
        listener = source._listener
        source.stop()
    assert not source.active
    # The stopped X11 record thread ends at the next key event; let one come so it exits cleanly.
    subprocess.run(["xdotool", "key", "shift"], env=env, check=True, timeout=20)
    listener.join(5)
    assert not listener.is_alive()


@pytest.mark.timeout(30)
def test_pynput_backend_without_a_display_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setenv("DISPLAY", ":98765")
    with pytest.raises(HotkeyError):
        PynputHotkeySource().start(DEFAULT_HOTKEYS, lambda action: None)
