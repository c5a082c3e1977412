"""Settings: round trip, validation, broken files, and hotkey chords/conflicts."""

from __future__ import annotations

import json
import logging

import pytest

from assistant.config import (
    DEFAULT_HOTKEYS,
    SETTINGS_VERSION,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)
from assistant.hotkeys import FakeHotkeySource, find_conflicts, parse_chord
from assistant.hotkeys.chords import to_keyboard, to_pynput


def test_round_trip_keeps_every_field(tmp_path) -> None:
    settings = Settings(
        rate=220,
        volume=0.5,
        voice="en-gb",
        beam_size=5,
        verbosity="detailed",
        auto_copy=True,
        history_on_disk=True,
        history_size=7,
        speech_backend="espeak",
    )
    settings.hotkeys["stop"] = "ctrl+alt+shift+q"
    path = save_settings(settings, tmp_path)
    assert path == settings_path(tmp_path)
    loaded, warnings = load_settings(tmp_path)
    assert warnings == []
    assert loaded == settings
    assert json.loads(path.read_text())["version"] == SETTINGS_VERSION


def test_default_location_is_the_user_config_dir(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ASSISTANT_CONFIG_DIR", str(tmp_path / "cfg"))
    save_settings(Settings(rate=300))
    assert (tmp_path / "cfg" / "settings.json").is_file()
    assert load_settings()[0].rate == 300


def test_missing_file_gives_defaults_silently(tmp_path) -> None:
    assert load_settings(tmp_path) == (Settings(), [])


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b"[1, 2, 3]", b""])
def test_broken_file_gives_defaults_and_a_warning(tmp_path, caplog, content) -> None:
    settings_path(tmp_path).parent.mkdir(parents=True, exist_ok=True)
    settings_path(tmp_path).write_bytes(content)
    with caplog.at_level(logging.WARNING):
        settings, warnings = load_settings(tmp_path)
    assert settings == Settings()
    assert len(warnings) == 1 and warnings[0].endswith("defaults are used.")
    assert caplog.records or "not a settings object" in warnings[0]


def test_bad_values_fall_back_one_by_one(tmp_path) -> None:
    data = {
        "rate": "fast",
        "volume": 3,
        "beam_size": 4,
        "device": "tpu",
        "auto_copy": "yes",
        "hotkeys": {"describe-screen": "ctrl+alt+banana"},
        "colour": "blue",
    }
    settings_path(tmp_path).parent.mkdir(parents=True, exist_ok=True)
    settings_path(tmp_path).write_text(json.dumps(data))
    settings, warnings = load_settings(tmp_path)
    assert settings.beam_size == 4  # the one good value is kept
    assert settings.rate == Settings().rate and settings.volume == 1.0 and settings.device == "auto"
    assert settings.auto_copy is False and settings.hotkeys == DEFAULT_HOTKEYS
    assert len(warnings) == 6
    assert any("'colour'" in w for w in warnings)


def test_partial_hotkeys_are_merged_with_defaults() -> None:
    settings, warnings = Settings.from_json({"hotkeys": {"repeat": "Ctrl+Shift+F9"}})
    assert warnings == []
    assert settings.hotkeys["repeat"] == "ctrl+shift+f9"
    assert settings.hotkeys["describe-screen"] == DEFAULT_HOTKEYS["describe-screen"]


def test_save_refuses_invalid_settings(tmp_path) -> None:
    with pytest.raises(ValueError, match="beam_size"):
        save_settings(Settings(beam_size=0), tmp_path)
    assert not settings_path(tmp_path).exists()


def test_chords_parse_in_every_style() -> None:
    for text in (
        "Ctrl+Alt+Shift+S",
        "<ctrl>+<alt>+<shift>+s",
        "shift+ALT+control+s",
        "ctrl + alt + shift + s",
    ):
        assert str(parse_chord(text)) == "ctrl+alt+shift+s"
    assert parse_chord("Meta+F5").label() == "Super+F5"
    assert to_pynput("ctrl+alt+shift+s") == "<ctrl>+<alt>+<shift>+s"
    assert to_pynput("super+f5") == "<cmd>+<f5>"
    assert to_keyboard("super+pageup") == "windows+page up"


def test_defaults_have_no_conflicts_and_avoid_screen_reader_keys() -> None:
    assert find_conflicts(DEFAULT_HOTKEYS) == []
    for chord in DEFAULT_HOTKEYS.values():
        parsed = parse_chord(chord)
        assert {"ctrl", "alt", "shift"} <= parsed.modifiers  # NVDA/Orca use Insert/CapsLock, not these
    assert "ctrl+alt+shift+r" not in DEFAULT_HOTKEYS.values()  # GNOME's screencast recorder


def test_conflicts_are_named() -> None:
    problems = find_conflicts(
        {"describe-screen": "ctrl+alt+t", "repeat": "shift+q", "stop": "ctrl+alt+f1", "show": "Alt+Ctrl+F1"}
    )
    assert any("opens a terminal" in p for p in problems)
    assert any("steal typing" in p for p in problems)
    assert any("already used by stop" in p for p in problems)
    assert any("text console" in p for p in find_conflicts({"repeat": "ctrl+alt+shift+f3"}))
    assert find_conflicts({"repeat": "ctrl+shift+f3", "stop": "super+alt+f3"}) == []


def test_fake_hotkey_source_fires_bound_actions() -> None:
    fired: list[str] = []
    source = FakeHotkeySource()
    source.start(DEFAULT_HOTKEYS, fired.append)
    assert source.press("Ctrl+Alt+Shift+W")
    assert not source.press("ctrl+alt+shift+z")
    source.stop()
    assert not source.press("ctrl+alt+shift+s")
    assert fired == ["describe-window"]


def test_pick_backend_by_platform(monkeypatch) -> None:
    from assistant.hotkeys import create_hotkey_source, pick_backend

    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    assert pick_backend()[0] == "none"
    assert create_hotkey_source().name == "none"
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.setenv("DISPLAY", ":99")
    assert pick_backend()[0] == "pynput"
    monkeypatch.delenv("DISPLAY")
    assert pick_backend()[0] == "none"
    assert pick_backend("keyboard") == ("keyboard", "chosen in settings")


def test_keyboard_backend_reports_a_clear_error_on_linux() -> None:
    import sys

    from assistant.hotkeys import HotkeyError
    from assistant.hotkeys.keyboard_backend import KeyboardHotkeySource

    if sys.platform == "win32":
        pytest.skip("on Windows the keyboard backend works; this checks the Linux failure path")
    with pytest.raises(HotkeyError):
        KeyboardHotkeySource().start(DEFAULT_HOTKEYS, lambda action: None)
