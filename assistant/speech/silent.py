"""The speaker that makes no sound but keeps a record: for tests, ``--no-speak`` and audio-less machines.

It is a complete backend, not a mock: utterances go through the same queue, interruption and events
as the audible ones. With ``simulate_duration`` each chunk lasts as long as it would take to say at
``options.rate`` words per minute, so the app's "stop speaking" and "newest wins" logic can be
exercised on a machine without audio.
"""

from __future__ import annotations

import threading

from assistant.speech.base import SpeechOptions, ThreadedSpeaker, Utterance


class SilentSpeaker(ThreadedSpeaker):
    name = "silent"

    def __init__(self, options: SpeechOptions | None = None, simulate_duration: bool = False) -> None:
        self.simulate_duration = simulate_duration
        self.spoken: list[str] = []  # every chunk that would have been said, in order
        self.utterances: list[str] = []  # every text passed to say()
        self._abort = threading.Event()
        super().__init__(options)

    def say(self, text: str, interrupt: bool = True) -> int:
        self.utterances.append(text)
        return super().say(text, interrupt)

    @property
    def last_text(self) -> str | None:
        return self.utterances[-1] if self.utterances else None

    def _speak_chunk(self, chunk: str, utterance: Utterance) -> None:
        self._abort.clear()
        if utterance.cancelled:
            return
        self._mark_started(utterance)
        self.spoken.append(chunk)
        if self.simulate_duration:
            seconds = len(chunk.split()) * 60.0 / self.options.rate
            self._abort.wait(seconds)

    def _abort_chunk(self) -> None:
        self._abort.set()
