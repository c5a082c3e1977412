"""Putting changed settings into effect in the running app (hotkeys, voice, describer, history), and
reporting its state (``assistant trigger status``).

Only what changed is rebuilt: new chords rebind the hotkeys, a new voice replaces the speaker, a
changed model setting (``describer=True`` in assistant.catalog) reloads the describer in the worker.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.app import autostart
from assistant.app.seams import DescriberLike
from assistant.app.speaking import make_speaker
from assistant.catalog import SETTINGS, SPEECH_GROUP
from assistant.config import Settings, describer_options
from assistant.errors import ModelError

if TYPE_CHECKING:
    from assistant.app.controller import AppController

log = logging.getLogger(__name__)

#: Settings whose change rebuilds the describer, or the voice (from the catalog).
MODEL_FIELDS = tuple(spec.name for spec in SETTINGS if spec.describer)
SPEECH_FIELDS = tuple(spec.name for spec in SETTINGS if spec.group == SPEECH_GROUP)


def describer_factory_for(settings: Settings) -> Callable[[], DescriberLike]:
    """A factory the worker calls (in its thread) to build the project's Describer from ``settings``."""
    options = describer_options(settings)

    def factory() -> DescriberLike:
        try:
            from assistant.describe import Describer
        except ImportError as exc:
            raise ModelError("The describer is not installed.") from exc
        return Describer(options)

    return factory


def changed(old: Settings, new: Settings, names: tuple[str, ...]) -> bool:
    return any(getattr(new, name) != getattr(old, name) for name in names)


def reconfigure(app: AppController, old: Settings, new: Settings) -> None:
    if new.hotkeys != old.hotkeys or new.hotkey_backend != old.hotkey_backend:
        app.hotkeys.stop()
        if new.hotkey_backend != old.hotkey_backend:
            app.hotkeys = app.make_hotkeys(new.hotkey_backend)
        app.start_hotkeys()
    app.tray.set_hotkeys(new.hotkeys)
    if changed(old, new, SPEECH_FIELDS):
        speaker, warning = make_speaker(new, app.speech_override, app.wav_override, app.announcer)
        app.speech.replace_speaker(speaker)
        if warning:
            app.say_error(warning)
    app.speech.earcons = new.earcons
    if app.fixed_describer is None and changed(old, new, MODEL_FIELDS):
        app.queue.reload(describer_factory_for(new))
    app.history.configure(new.history_size, new.history_on_disk)
    if new.start_at_login != old.start_at_login:
        try:
            autostart.set_start_at_login(new.start_at_login)
        except OSError as exc:
            log.warning("start at login: %s", exc)
            app.say_error("Start at login could not be changed.")
    app.queue.set_debounce(new.debounce_ms)


def status_json(app: AppController) -> str:
    """One JSON object: model state, queue counters and the last description (for tests, bug reports)."""
    queue = app.queue
    return json.dumps(
        {
            "model": queue.model_state,
            "model_message": queue.model_message,
            "busy": queue.busy,
            "described": app.described_count,
            "errors": app.error_count,
            "last_error": app.last_error,
            "submitted": queue.submitted,
            "dispatched": queue.dispatched,
            "max_outstanding": queue.max_outstanding,
            "hotkeys": app.hotkeys.name,
            "hotkeys_active": app.hotkeys.active,
            "speech": app.speech.speaker.name,
            "last": app.last_text,
            "latency_ms": app.latencies_ms[-1] if app.latencies_ms else None,
        }
    )
