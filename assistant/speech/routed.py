"""The speaker ``auto`` returns: the route for the running screen reader, re-chosen when one starts or stops.

:class:`RoutedSpeaker` holds one inner speaker, built for the :class:`~assistant.speech.routes.RouteChoice`
of what runs now. A watcher thread polls a cheap fingerprint (AT-SPI's ScreenReaderEnabled, Orca's D-Bus
name, Orca's processes) and, when it changes, detects again and swaps the inner speaker — so starting
Orca after the assistant moves our speech onto Orca's terms, and quitting Orca brings our own voice back.

**Never silence**: when a route cannot be built or a message is refused, the text is spoken directly
(speech-dispatcher, espeak-ng or pyttsx3), and the user hears once why the voice changed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from assistant.speech.base import Speaker, SpeechEvent, SpeechOptions
from assistant.speech.detect import ScreenReaderInfo, detect_screen_reader, fingerprint
from assistant.speech.routes import ROUTES, RouteChoice

log = logging.getLogger("assistant.speech")

FALLBACK_NOTICE = (
    "The screen reader did not take the assistant's speech, so the assistant speaks with its own voice."
)

Chooser = Callable[[ScreenReaderInfo], RouteChoice]
RouteBuilder = Callable[[RouteChoice], Speaker]


class RoutedSpeaker(Speaker):
    """A :class:`Speaker` that forwards to the route's speaker and falls back to direct speech.

    ``choose`` maps detection to a route, ``build_route`` builds its speaker (raising when it cannot),
    ``build_direct`` builds the assistant's own voice (never raises). ``poll_seconds`` = 0 turns the
    watcher off (tests, or a screen reader given by the caller).
    """

    def __init__(
        self,
        options: SpeechOptions,
        choose: Chooser,
        build_route: RouteBuilder,
        build_direct: Callable[[], Speaker],
        screen_reader: ScreenReaderInfo | None = None,
        *,
        detect: Callable[[], ScreenReaderInfo] = detect_screen_reader,
        poll: Callable[[], object] = fingerprint,
        poll_seconds: float = 3.0,
    ) -> None:
        super().__init__(options)
        self._choose, self._build_route, self._build_direct = choose, build_route, build_direct
        self._detect, self._poll = detect, poll
        self._lock = threading.RLock()
        self._closed = threading.Event()
        self._inner: Speaker | None = None
        self._direct: Speaker | None = None
        self.info = screen_reader or detect()
        self.choice = choose(self.info)
        self.fallback: str | None = None  # why the route's own speaker is not used
        self._notice_due = False
        self._switch(self.choice)
        self._watcher: threading.Thread | None = None
        if poll_seconds > 0:
            self._last_print = poll()
            self._watcher = threading.Thread(
                target=self._watch, args=(poll_seconds,), name="speech-route-watch", daemon=True
            )
            self._watcher.start()

    # -- route handling ------------------------------------------------------------------------
    def _attach(self, speaker: Speaker) -> Speaker:
        speaker.add_listener(self._forward)
        self.name = speaker.name
        return speaker

    def _forward(self, event: SpeechEvent) -> None:
        self._emit(event)

    def _direct_speaker(self) -> Speaker:
        if self._direct is None:
            self._direct = self._attach(self._build_direct())
        return self._direct

    def _switch(self, choice: RouteChoice) -> None:
        """Build ``choice``'s speaker (the lock is held or we are in ``__init__``).

        The speaker is built before ``choice`` is published, so a reader without the lock (a
        test polling the route) finds the new route's speaker ready once it sees the route;
        :meth:`describe` takes the lock."""
        old = self._inner
        failure: Exception | None = None
        if choice.route is ROUTES["direct"]:
            built = self._direct_speaker()
        else:
            try:
                built = self._attach(self._build_route(choice))
            except Exception as exc:
                failure = exc
        if failure is None:
            self.name = built.name  # (the direct voice, attached once, names itself once only)
        self.choice, self.fallback, self._notice_due = choice, None, False
        if failure is None:
            self._inner = built
        else:
            self._fall_back(failure)
        if old is not None and old is not self._inner and old is not self._direct:
            old.remove_listener(self._forward)
            old.close()
        log.info("Speech route: %s; speaking with %s", choice.describe(), self.name)

    def _fall_back(self, exc: Exception) -> Speaker:
        """Use the direct voice from now on; the next ``say`` first tells the user, once."""
        self.fallback = f"{self.choice.route.name} failed: {exc}"
        log.warning("Speech: %s; speaking directly instead", self.fallback)
        failed, self._inner = self._inner, self._direct_speaker()
        self.name = self._inner.name
        if failed is not None and failed is not self._direct:
            failed.remove_listener(self._forward)
            try:
                failed.close()
            except Exception:
                log.debug("closing the failed route's speaker failed", exc_info=True)
        self._notice_due = True
        return self._inner

    def _watch(self, seconds: float) -> None:
        while not self._closed.wait(seconds):
            try:
                current = self._poll()
                if current == self._last_print:
                    continue
                self._last_print = current
                self.recheck()
            except Exception:
                log.exception("re-checking the screen reader failed")

    def recheck(self) -> RouteChoice:
        """Detect again and change route if the screen reader changed (the watcher calls this)."""
        info = self._detect()
        choice = self._choose(info)
        with self._lock:
            if self._closed.is_set():
                return self.choice
            self.info = info
            if choice != self.choice:
                if self._inner is not None:
                    self._inner.stop()
                self._switch(choice)
        return choice

    # -- Speaker -------------------------------------------------------------------------------
    def say(self, text: str, interrupt: bool = True) -> int:
        with self._lock:
            inner = self._inner
            assert inner is not None
            if not self._notice_due:
                try:
                    return inner.say(text, interrupt)
                except Exception as exc:
                    inner = self._fall_back(exc)
            self._notice_due = False
            inner.say(FALLBACK_NOTICE, interrupt)
            return inner.say(text, interrupt=False)

    def stop(self) -> None:
        with self._lock:
            speakers = [s for s in (self._inner, self._direct) if s is not None]
        for speaker in dict.fromkeys(speakers):
            try:
                speaker.stop()
            except Exception:
                log.exception("stopping %s failed", speaker.name)

    @property
    def is_speaking(self) -> bool:
        inner = self._inner
        return inner is not None and inner.is_speaking

    def wait(self, timeout: float | None = None) -> bool:
        inner = self._inner
        return inner is None or inner.wait(timeout)

    def voices(self) -> list[str]:
        return self._inner.voices() if self._inner is not None else []

    def describe(self) -> str:
        with self._lock:  # the route, its speaker and the fallback note of one moment
            inner = self._inner.describe() if self._inner is not None else "nothing"
            note = f"; {self.fallback}, speaking directly" if self.fallback else ""
            return f"route {self.choice.describe()}: {inner}{note}"

    def close(self) -> None:
        self._closed.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)
        with self._lock:
            for speaker in dict.fromkeys(s for s in (self._inner, self._direct) if s is not None):
                try:
                    speaker.close()
                except Exception:
                    log.exception("closing %s failed", speaker.name)
