"""The app's voice: the speech package's Speaker plus earcons and screen-reader announcements.

Everything the app says goes through :class:`SpeechOutput`, so a new description (or *Stop
speaking*) interrupts the old one, earcons follow the user's setting, and the benchmark can see
when the first words were handed to the speech backend.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from assistant.app.seams import Speaker
from assistant.config import Settings

log = logging.getLogger(__name__)


class _LoggingSpeaker:
    """Used only when no speech backend could be made, not even "auto": the text is still shown and logged."""

    is_speaking = False
    name = "none"

    def say(self, text: str, interrupt: bool = True) -> None:
        log.info("speech unavailable; would say: %s", text)

    def stop(self) -> None:
        pass

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def close(self) -> None:
        pass


def make_speaker(
    settings: Settings,
    backend: str | None = None,
    wav_path: Path | None = None,
    announcer: Callable[[str, bool], None] | None = None,
) -> tuple[Speaker, str]:
    """Create the configured Speaker; returns it and a warning ('' when all went well).

    ``backend``/``wav_path`` are command-line overrides; a WAV path alone means the WAV backend.
    ``announcer(text, assertive)`` lets the screen-reader backend reach Qt's accessibility bus.
    """
    from assistant.speech import SpeechOptions, create_speaker

    chosen = backend or settings.speech_backend
    if wav_path is not None and backend is None:
        chosen = "wav"
    options = SpeechOptions(
        backend=chosen,
        wav_path=wav_path,
        rate=settings.rate,
        volume=settings.volume,
        voice=settings.voice or None,
        earcons=settings.earcons,
    )
    try:
        return create_speaker(options, announcer=announcer), ""
    except Exception as exc:  # SpeechError (a WAV file that cannot be written), or a backend that broke
        log.warning("speech backend %s failed: %s", chosen, exc)
        warning = str(exc) or "Speech fell back to another voice."
        try:
            return create_speaker(SpeechOptions(backend="auto"), announcer=announcer), warning
        except Exception:
            return _LoggingSpeaker(), warning


class SpeechOutput:
    """Speaks, interrupts, plays earcons; remembers when it last handed text to the backend."""

    def __init__(self, speaker: Speaker, earcons: bool = True) -> None:
        self.speaker = speaker
        self.earcons = earcons
        self.last_said_at: float | None = None
        self.spoken: list[str] = []  # the last few texts, for tests and "repeat"

    def say(self, text: str, interrupt: bool = True) -> None:
        text = text.strip()
        if not text:
            return
        self.last_said_at = time.perf_counter()
        self.spoken = [*self.spoken[-19:], text]
        _guarded(lambda: self.speaker.say(text, interrupt=interrupt), "speaking failed")

    def stop(self) -> None:
        _guarded(self.speaker.stop, "stopping speech failed")

    def earcon(self, name: Literal["working", "done", "error"]) -> None:
        if not self.earcons:
            return
        try:
            from assistant.speech.earcons import play_earcon

            play_earcon(name)
        except Exception as exc:  # no audio device, or the earcon module is missing
            log.debug("earcon %s not played: %s", name, exc)

    def replace_speaker(self, speaker: Speaker) -> None:
        old, self.speaker = self.speaker, speaker
        _guarded(old.close, "closing the old speaker failed")

    def close(self) -> None:
        _guarded(self.speaker.close, "closing the speaker failed")


def _guarded(action: Callable[[], object], failure: str) -> None:
    """Run a call into the speech backend; a backend that breaks is logged, never takes the app down."""
    try:
        action()
    except Exception:
        log.exception(failure)
