"""pyttsx3 (SAPI5 on Windows, NSSpeechSynthesizer on macOS): the design card's engine.

pyttsx3 engines are not thread-safe and ``runAndWait`` blocks, so the engine is created and driven
only on this speaker's worker thread; :meth:`stop` calls ``engine.stop()``, which SAPI5 and NSSS
honour at once. On Linux pyttsx3 2.99 wraps espeak and returns from ``runAndWait`` before speech
ends and cannot be interrupted, so there it is only a last resort behind espeak-ng.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from assistant.errors import SpeechError
from assistant.speech.base import SpeechOptions, ThreadedSpeaker, Utterance


def pyttsx3_importable() -> bool:
    try:
        import pyttsx3  # noqa: F401
    except Exception:
        return False
    return True


class Pyttsx3Speaker(ThreadedSpeaker):
    name = "pyttsx3"

    def __init__(self, options: SpeechOptions | None = None) -> None:
        if not pyttsx3_importable():
            raise SpeechError("pyttsx3 is not installed.")
        self._engine: Any = None
        self._engine_error: BaseException | None = None
        self._ready = threading.Event()
        self._voices: list[str] = []
        super().__init__(options)

    def _ensure_engine(self) -> Any:
        if self._engine is None:
            from pyttsx3.engine import Engine

            # a private engine (pyttsx3.init() would share a cached one across threads, which
            # SAPI's COM apartments and the espeak driver's callbacks do not survive)
            engine = Engine()
            engine.setProperty("rate", self.options.rate)
            engine.setProperty("volume", self.options.volume)
            voices = engine.getProperty("voices") or []
            self._voices = [getattr(v, "name", "") or getattr(v, "id", "") for v in voices]
            wanted = self.options.voice or self.options.language
            if wanted:
                for voice in voices:
                    fields = (getattr(voice, key, "") for key in ("id", "name", "languages"))
                    haystack = " ".join(str(field) for field in fields)
                    if wanted.lower() in haystack.lower():
                        engine.setProperty("voice", voice.id)
                        break
            self._engine = engine
        return self._engine

    def _speak_chunk(self, chunk: str, utterance: Utterance) -> None:
        if utterance.cancelled:
            return
        engine = self._ensure_engine()
        self._mark_started(utterance)
        engine.say(chunk)
        engine.runAndWait()

    def _abort_chunk(self) -> None:
        engine = self._engine
        if engine is not None:
            with contextlib.suppress(Exception):  # engines differ in what stop() tolerates mid-utterance
                engine.stop()

    def voices(self) -> list[str]:
        return list(self._voices)
