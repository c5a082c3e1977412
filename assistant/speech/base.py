"""The :class:`Speaker` interface every speech backend implements, and its shared machinery.

The app and the CLI only ever hold a ``Speaker``: they call :meth:`Speaker.say` (never blocks),
:meth:`Speaker.stop` (silence now) and listen for *started* / *finished*. Which engine sits behind
it (a screen reader, speech-dispatcher, espeak-ng, pyttsx3, a WAV file, nothing) is decided once by
:func:`assistant.speech.create_speaker`.

:class:`ThreadedSpeaker` is the common base of the engines that speak chunk by chunk on a worker
thread: it owns the queue, the utterance ids, interruption and the events, so a backend only has
to say one chunk (blocking) and abort it on request.
"""

from __future__ import annotations

import itertools
import logging
import threading
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Self

from assistant.catalog import SPEECH_BACKENDS as BACKENDS  # declared once (issue #14)
from assistant.speech.text import split_sentences, spoken_keys

log = logging.getLogger("assistant.speech")

DEFAULT_RATE = 175


@dataclass
class SpeechOptions:
    """How to speak: which backend and with what voice. ``rate`` is in words per minute."""

    backend: str = "auto"
    wav_path: Path | None = None
    rate: int = DEFAULT_RATE
    volume: float = 1.0
    voice: str | None = None
    language: str | None = None
    earcons: bool = True

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ValueError(f"unknown speech backend {self.backend!r}; choose one of {', '.join(BACKENDS)}")
        self.rate = max(80, min(500, int(self.rate)))
        self.volume = max(0.0, min(1.0, float(self.volume)))
        if self.wav_path is not None:
            self.wav_path = Path(self.wav_path)


EventKind = Literal["started", "finished"]


@dataclass(frozen=True)
class SpeechEvent:
    """One utterance began to sound (``started``) or ended (``finished``; ``interrupted`` if cut)."""

    kind: EventKind
    utterance_id: int
    text: str
    interrupted: bool = False


Listener = Callable[[SpeechEvent], None]


class Speaker(ABC):
    """Speaks text without blocking the caller; can be silenced at once.

    ``on_started`` / ``on_finished`` may be set to a callable taking a :class:`SpeechEvent`;
    :meth:`add_listener` registers more. Callbacks run on the backend's thread — a Qt caller must
    hand them to the GUI thread itself (e.g. through a queued signal).
    """

    name: str = "speaker"

    def __init__(self, options: SpeechOptions | None = None) -> None:
        self.options = options or SpeechOptions()
        self.on_started: Listener | None = None
        self.on_finished: Listener | None = None
        self._listeners: list[Listener] = []
        self._ids = itertools.count(1)

    # -- the interface -------------------------------------------------------------------------
    @abstractmethod
    def say(self, text: str, interrupt: bool = True) -> int:
        """Queue ``text`` (or replace what is being said when ``interrupt``); returns its utterance id."""

    @abstractmethod
    def stop(self) -> None:
        """Silence the current utterance and drop the queued ones."""

    @property
    @abstractmethod
    def is_speaking(self) -> bool:
        """True while an utterance sounds or waits in the queue."""

    @abstractmethod
    def wait(self, timeout: float | None = None) -> bool:
        """Block until everything queued has been spoken; False if ``timeout`` ran out first.

        Never call it from a listener: listeners run on the speech thread that ``wait`` waits for.
        """

    def close(self) -> None:
        """Stop and release processes, threads and sockets. The speaker cannot be used afterwards."""
        self.stop()

    def voices(self) -> list[str]:
        """Voice names this backend offers (empty when it cannot tell)."""
        return []

    def describe(self) -> str:
        """One line for ``assistant doctor`` and Settings."""
        return self.name

    @property
    def backend_name(self) -> str:
        """The backend's name as Settings and ``doctor`` show it (same as :attr:`name`)."""
        return self.name

    def play_earcon(self, kind: str) -> None:
        """Play the *working* / *done* / *error* sound unless earcons are switched off."""
        from assistant.speech.earcons import EARCONS, play_earcon

        if kind not in EARCONS:
            raise ValueError(f"unknown earcon {kind!r}")
        play_earcon(kind, enabled=self.options.earcons)

    # -- events --------------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: SpeechEvent) -> None:
        callbacks: list[Listener | None] = [self.on_started if event.kind == "started" else self.on_finished]
        for callback in [*callbacks, *self._listeners]:
            if callback is None:
                continue
            try:
                callback(event)
            except Exception:  # a broken listener must not kill the speech thread
                log.exception("speech listener failed on %s", event.kind)

    def _next_id(self) -> int:
        return next(self._ids)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Utterance:
    """Text split into chunks, spoken in order by a :class:`ThreadedSpeaker` worker."""

    id: int
    text: str
    chunks: list[str]
    cancelled: bool = False
    started: bool = False
    done: threading.Event = field(default_factory=threading.Event)


class ThreadedSpeaker(Speaker):
    """A speaker whose engine speaks one chunk at a time, blocking, on a worker thread.

    Subclasses implement :meth:`_speak_chunk` (blocking until the chunk has sounded or was aborted;
    it calls :meth:`_mark_started` when sound begins) and :meth:`_abort_chunk` (called from any
    thread; makes a running ``_speak_chunk`` return at once).
    """

    split_text = True

    def __init__(self, options: SpeechOptions | None = None) -> None:
        super().__init__(options)
        self._cond = threading.Condition()
        self._queue: deque[Utterance] = deque()
        self._current: Utterance | None = None
        self._closed = False
        self._emitting = False
        self.last_error: Exception | None = None  # the last backend failure (e.g. a WAV not written)
        self._thread = threading.Thread(target=self._run, name=f"speech-{self.name}", daemon=True)
        self._thread.start()

    # -- to implement --------------------------------------------------------------------------
    @abstractmethod
    def _speak_chunk(self, chunk: str, utterance: Utterance) -> None: ...

    @abstractmethod
    def _abort_chunk(self) -> None: ...

    def _utterance_done(self, utterance: Utterance) -> None:
        """Hook after the last chunk of an utterance that was not cut (the WAV backend writes its file)."""

    def _end_utterance(self, utterance: Utterance) -> None:
        """Hook run after every utterance, cut or not, before *finished* is emitted (release players)."""

    # -- Speaker -------------------------------------------------------------------------------
    def say(self, text: str, interrupt: bool = True) -> int:
        if self._closed:
            raise RuntimeError("this speaker has been closed")
        whole = [" ".join(text.split())] if text.strip() else []
        chunks = [spoken_keys(chunk) for chunk in (split_sentences(text) if self.split_text else whole)]
        utterance = Utterance(self._next_id(), text, chunks)
        if interrupt:
            self.stop()
        with self._cond:
            self._queue.append(utterance)
            self._cond.notify_all()
        return utterance.id

    def stop(self) -> None:
        with self._cond:
            for queued in self._queue:
                queued.cancelled = True
            dropped = list(self._queue)
            self._queue.clear()
            current = self._current
            if current is not None:
                current.cancelled = True
        if current is not None:
            self._abort_chunk()
        for utterance in dropped:  # never started: no sound, but listeners learn it will not come
            utterance.done.set()
            self._emit(SpeechEvent("finished", utterance.id, utterance.text, interrupted=True))

    @property
    def is_speaking(self) -> bool:
        with self._cond:
            return self._current is not None or bool(self._queue)

    def wait(self, timeout: float | None = None) -> bool:
        with self._cond:
            return self._cond.wait_for(
                lambda: self._current is None and not self._queue and not self._emitting, timeout
            )

    def close(self) -> None:
        self.stop()
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=2)

    # -- worker --------------------------------------------------------------------------------
    def _mark_started(self, utterance: Utterance) -> None:
        if not utterance.started:
            utterance.started = True
            self._emit(SpeechEvent("started", utterance.id, utterance.text))

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._closed or bool(self._queue))
                if self._closed:
                    return
                utterance = self._queue.popleft()
                self._current = utterance
            try:
                for chunk in utterance.chunks:
                    if utterance.cancelled:
                        break
                    self._speak_chunk(chunk, utterance)
                if not utterance.cancelled:
                    self._utterance_done(utterance)
            except Exception as exc:
                log.exception("speech backend %s failed", self.name)
                self.last_error = exc
                utterance.cancelled = True
            finally:
                try:
                    self._end_utterance(utterance)
                except Exception:
                    log.exception("speech backend %s failed to end an utterance", self.name)
                with self._cond:  # not speaking any more when *finished* listeners run ...
                    self._current = None
                    self._emitting = True
                utterance.done.set()
                self._emit(
                    SpeechEvent("finished", utterance.id, utterance.text, interrupted=utterance.cancelled)
                )
                with self._cond:  # ... and wait() returns only after they ran
                    self._emitting = False
                    self._cond.notify_all()
