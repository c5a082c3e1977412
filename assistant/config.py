"""The user's settings: one dataclass, declared once, validated, stored as JSON.

Every setting has a type, a default and a one-line description in :data:`FIELD_HELP`; the
settings window and ``assistant doctor`` read them from here. A missing, unreadable or broken
settings file never stops the app: the bad parts fall back to their defaults and the reasons
come back as short warnings (logged, and spoken by the app).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from assistant import paths

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1

#: Actions a hotkey (or the IPC ``trigger`` command) can start, in menu order.
HOTKEY_ACTIONS: tuple[str, ...] = (
    "describe-screen",
    "describe-window",
    "describe-pointer",
    "clipboard",
    "repeat",
    "stop",
    "show",
)

#: Default global hotkeys. Ctrl+Alt+Shift+letter is free in NVDA (whose commands use the NVDA key,
#: Insert/CapsLock), in Orca (Orca key = Insert/CapsLock), in JAWS, in Narrator (Caps/Insert) and in
#: the GNOME/KDE/Windows default shortcuts we know of — except Ctrl+Alt+Shift+R, which is GNOME's
#: screencast recorder, so *repeat* uses L ("last") instead.
DEFAULT_HOTKEYS: dict[str, str] = {
    "describe-screen": "ctrl+alt+shift+s",
    "describe-window": "ctrl+alt+shift+w",
    "describe-pointer": "ctrl+alt+shift+p",
    "clipboard": "ctrl+alt+shift+c",
    "repeat": "ctrl+alt+shift+l",
    "stop": "ctrl+alt+shift+x",
    "show": "ctrl+alt+shift+a",
}

SPEECH_BACKENDS = ("auto", "screenreader", "speechd", "espeak", "pyttsx3", "wav", "silent")
DEVICES = ("auto", "cpu", "cuda")
VERBOSITIES = ("brief", "normal", "detailed")
HOTKEY_BACKENDS = ("auto", "pynput", "keyboard", "none")


@dataclass
class Settings:
    """Everything the user can change. Defaults are what a new user gets."""

    hotkeys: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_HOTKEYS))
    hotkey_backend: str = "auto"
    speech_backend: str = "auto"
    voice: str = ""
    rate: int = 175
    volume: float = 1.0
    earcons: bool = True
    model_dir: str = ""
    device: str = "auto"
    beam_size: int = 3
    verbosity: str = "normal"
    auto_copy: bool = False
    start_at_login: bool = False
    history_on_disk: bool = False
    history_size: int = 50
    pointer_region: int = 480
    debounce_ms: int = 120

    def copy(self) -> Settings:
        return Settings(**{**asdict(self), "hotkeys": dict(self.hotkeys)})

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["version"] = SETTINGS_VERSION
        return data

    @classmethod
    def from_json(cls, data: object) -> tuple[Settings, list[str]]:
        """Build settings from parsed JSON; bad values become defaults, each with a warning."""
        settings = cls()
        warnings: list[str] = []
        if not isinstance(data, dict):
            return settings, ["The settings file is not a settings object, so defaults are used."]
        known = {f.name for f in fields(cls)}
        for key, value in data.items():
            if key == "version":
                continue
            if key not in known:
                warnings.append(f"Unknown setting {key!r} was ignored.")
                continue
            problem = _check(key, value)
            if problem:
                warnings.append(f"Setting {key!r} {problem}, so its default is used.")
                continue
            if key == "hotkeys":
                merged = dict(DEFAULT_HOTKEYS)
                merged.update({k: str(v).strip().lower() for k, v in value.items()})
                value = merged
            elif key == "volume":
                value = float(value)
            setattr(settings, key, value)
        return settings, warnings

    def validate(self) -> list[str]:
        """Problems with the current values (empty when all is well)."""
        problems = []
        for f in fields(self):
            problem = _check(f.name, getattr(self, f.name))
            if problem:
                problems.append(f"Setting {f.name!r} {problem}.")
        return problems


FIELD_HELP: dict[str, str] = {
    "hotkeys": "Global key chords for each action, like ctrl+alt+shift+s.",
    "hotkey_backend": "How global hotkeys are caught: auto, pynput (X11, macOS), keyboard (Windows) or none.",
    "speech_backend": "Where speech goes: auto, screenreader, speechd, espeak, pyttsx3, wav or silent.",
    "voice": "Voice name for the speech backend; empty for its default.",
    "rate": "Speaking rate in words per minute.",
    "volume": "Speech volume from 0 to 1.",
    "earcons": "Play short sounds for working, done and error.",
    "model_dir": "Folder of the captioning model; empty for the shipped one.",
    "device": "Where the model runs: auto, cpu or cuda.",
    "beam_size": "Beam width of the caption search (1 to 10); larger is slower and a little better.",
    "verbosity": "How much is said: brief, normal or detailed.",
    "auto_copy": "Copy each description to the clipboard.",
    "start_at_login": "Start the assistant when you log in.",
    "history_on_disk": "Keep the history of descriptions on disk (text only, never screenshots).",
    "history_size": "How many descriptions the history keeps.",
    "pointer_region": "Side of the square described around the pointer, in pixels.",
    "debounce_ms": "Quiet time before a burst of triggers is acted on, in milliseconds.",
}


def _check(name: str, value: object) -> str | None:
    """Why ``value`` is not valid for setting ``name`` (``None`` when it is)."""

    def is_int(v: object) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    if name == "hotkeys":
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            return "must map action names to key chords"
        unknown = sorted(set(value) - set(HOTKEY_ACTIONS))
        if unknown:
            return f"names unknown actions ({', '.join(unknown)})"
        from assistant.hotkeys.chords import ChordError, parse_chord

        for chord in value.values():
            if not chord.strip():
                continue  # an empty chord means "no hotkey for this action"
            try:
                parse_chord(chord)
            except ChordError as exc:
                return f"has a bad key chord ({exc})"
        return None
    choices = {
        "hotkey_backend": HOTKEY_BACKENDS,
        "speech_backend": SPEECH_BACKENDS,
        "device": DEVICES,
        "verbosity": VERBOSITIES,
    }
    if name in choices:
        return None if value in choices[name] else f"must be one of {', '.join(choices[name])}"
    if name in ("voice", "model_dir"):
        return None if isinstance(value, str) else "must be text"
    if name in ("earcons", "auto_copy", "start_at_login", "history_on_disk"):
        return None if isinstance(value, bool) else "must be true or false"
    ranges = {
        "rate": (50, 500),
        "beam_size": (1, 10),
        "history_size": (1, 1000),
        "pointer_region": (64, 4096),
        "debounce_ms": (0, 2000),
    }
    if name in ranges:
        lo, hi = ranges[name]
        return None if is_int(value) and lo <= value <= hi else f"must be a whole number from {lo} to {hi}"  # type: ignore[operator]
    if name == "volume":
        ok = isinstance(value, int | float) and not isinstance(value, bool) and 0.0 <= float(value) <= 1.0
        return None if ok else "must be a number from 0 to 1"
    return "is not a known setting"


def settings_path(directory: Path | None = None) -> Path:
    return (directory or paths.config_dir()) / SETTINGS_FILE


def load_settings(directory: Path | None = None) -> tuple[Settings, list[str]]:
    """Read the settings file; never raises. Returns the settings and warnings to tell the user."""
    path = settings_path(directory)
    if not path.exists():
        return Settings(), []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        log.warning("settings file %s is unreadable (%s); using defaults", path, exc)
        return Settings(), ["The settings file could not be read, so defaults are used."]
    settings, warnings = Settings.from_json(data)
    for warning in warnings:
        log.warning("%s (%s)", warning, path)
    return settings, warnings


def save_settings(settings: Settings, directory: Path | None = None) -> Path:
    """Write the settings atomically (a crash mid-write never leaves a half file)."""
    problems = settings.validate()
    if problems:
        raise ValueError(" ".join(problems))
    path = settings_path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(settings.to_json(), handle, indent=2, sort_keys=True)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
