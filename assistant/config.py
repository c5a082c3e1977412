"""The user's settings: one dataclass, validated, stored as JSON.

Each field's default, choices or range and one-line help are declared once, in
:data:`assistant.catalog.SETTINGS`; the dataclass takes them from there (:func:`_setting`), and
validation, the Settings window and ``assistant doctor`` read the same entries. A missing,
unreadable or broken settings file never stops the app: the bad parts fall back to their defaults
and the reasons come back as short warnings (logged, and spoken by the app). Old spellings of a
choice (``verbosity: full`` from before it became ``detailed``) are migrated silently on load.
"""

# ruff: noqa: RUF009  (the dataclass fields come from _setting, which returns dataclasses.field)

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import paths, safe_json
from assistant.catalog import (
    DEFAULT_HOTKEYS,
    DEVICES,
    HOTKEY_ACTIONS,
    HOTKEY_BACKENDS,
    SETTING_BY_NAME,
    SPEECH_BACKENDS,
    VERBOSITIES,
    SettingSpec,
    canonical,
)

if TYPE_CHECKING:
    from assistant.describe import DescriberOptions

log = logging.getLogger(__name__)

__all__ = [  # the vocabularies are re-exported for older imports; they live in assistant.catalog
    "DEFAULT_HOTKEYS",
    "DEVICES",
    "FIELD_HELP",
    "HOTKEY_ACTIONS",
    "HOTKEY_BACKENDS",
    "SPEECH_BACKENDS",
    "VERBOSITIES",
    "Settings",
    "describer_options",
    "load_settings",
    "save_settings",
    "settings_path",
]

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 2  # 2: verbosity "full" became "detailed"; runtime added


def _setting(name: str) -> Any:
    """The dataclass field for catalog setting ``name``: its default, with the spec as metadata."""
    spec = SETTING_BY_NAME[name]
    if isinstance(spec.default, dict):
        default = spec.default
        return field(default_factory=lambda: dict(default), metadata={"spec": spec})
    return field(default=spec.default, metadata={"spec": spec})


@dataclass
class Settings:
    """Everything the user can change. Defaults are what a new user gets (see assistant.catalog)."""

    hotkeys: dict[str, str] = _setting("hotkeys")
    hotkey_backend: str = _setting("hotkey_backend")
    speech_backend: str = _setting("speech_backend")
    voice: str = _setting("voice")
    rate: int = _setting("rate")
    volume: float = _setting("volume")
    earcons: bool = _setting("earcons")
    model_dir: str = _setting("model_dir")
    runtime: str = _setting("runtime")
    device: str = _setting("device")
    beam_size: int = _setting("beam_size")
    verbosity: str = _setting("verbosity")
    auto_copy: bool = _setting("auto_copy")
    start_at_login: bool = _setting("start_at_login")
    history_on_disk: bool = _setting("history_on_disk")
    history_size: int = _setting("history_size")
    pointer_region: int = _setting("pointer_region")
    debounce_ms: int = _setting("debounce_ms")

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
        for key, value in data.items():
            if key == "version":
                continue
            if key not in SETTING_BY_NAME:
                warnings.append(f"Unknown setting {key!r} was ignored.")
                continue
            if isinstance(value, str):
                value = canonical(key, value)  # an older spelling, migrated
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


#: One line of help per setting (the Settings window's tooltips, ``assistant doctor``).
FIELD_HELP: dict[str, str] = {name: spec.help for name, spec in SETTING_BY_NAME.items()}


def describer_options(settings: Settings) -> DescriberOptions:
    """What the describe pipeline is built from: the settings that feed it (``describer=True`` in the
    catalog). Imports the pipeline lazily, so reading settings stays light."""
    from assistant.describe import DescriberOptions

    model_dir = Path(settings.model_dir).expanduser() if settings.model_dir else None
    return DescriberOptions(
        model_dir=model_dir,
        device=settings.device,
        beam_size=settings.beam_size,
        verbosity=settings.verbosity,
        runtime=settings.runtime,
    )


def _check_hotkeys(value: object) -> str | None:
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


def _check_spec(spec: SettingSpec, value: object) -> str | None:
    """Why ``value`` does not fit ``spec`` (its choices, range or kind); ``None`` when it does."""
    if spec.choices:
        return None if value in spec.choices else f"must be one of {', '.join(spec.choices)}"
    if spec.kind is bool:
        return None if isinstance(value, bool) else "must be true or false"
    if spec.kind is str:
        return None if isinstance(value, str) else "must be text"
    lo, hi = spec.range or (float("-inf"), float("inf"))
    if spec.kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi
        return None if ok else f"must be a whole number from {lo:g} to {hi:g}"
    ok = isinstance(value, int | float) and not isinstance(value, bool) and lo <= float(value) <= hi
    return None if ok else f"must be a number from {lo:g} to {hi:g}"


def _check(name: str, value: object) -> str | None:
    """Why ``value`` is not valid for setting ``name`` (``None`` when it is)."""
    if name == "hotkeys":
        return _check_hotkeys(value)
    spec = SETTING_BY_NAME.get(name)
    return "is not a known setting" if spec is None else _check_spec(spec, value)


def settings_path(directory: Path | None = None) -> Path:
    return (directory or paths.config_dir()) / SETTINGS_FILE


def load_settings(directory: Path | None = None) -> tuple[Settings, list[str]]:
    """Read the settings file; never raises. Returns the settings and warnings to tell the user."""
    path = settings_path(directory)
    if not path.exists():
        return Settings(), []
    try:  # size- and depth-limited, regular files only: 100,000 "[" once crashed the app at start
        data = safe_json.read_file(path, max_bytes=1_000_000)
    except safe_json.JsonLimitError as exc:
        log.warning("settings file %s is unusable (%s); using defaults", path, exc)
        return Settings(), [f"The settings file could not be used because {exc}, so defaults are used."]
    except OSError as exc:
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
