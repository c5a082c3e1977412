"""The describe worker: one thread owns the model; the GUI thread only hands it requests.

Requests are bounded so a burst of hotkey presses never piles up work:

* at most one request is *in flight* (running in the worker) and at most one is *pending*;
* a new request replaces the pending one (the older is dropped) and marks the one in flight as
  cancelled — its capture or sentences stop at the next check and its result is never spoken;
* the first request after a quiet spell starts at once (no added latency); later ones inside the
  ``debounce_ms`` window wait, so a key held down or hammered costs one description, the last.

Results, sentences and errors come back by queued signals and are matched by request id.

The worker is a plain Python thread, not a QThread: PySide runs each slot of a QThread under a
fresh Python thread state, so ``threading.local`` data (mss keeps one grabber per thread, torch
keeps per-thread settings) would be rebuilt and leaked on every request — measured as one X
connection and ~8 MB per screen description before this was changed.
"""

from __future__ import annotations

import functools
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from assistant.app.process_memory import return_freed_memory
from assistant.app.seams import DescriberLike, ScreenFactory
from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.capture.screen import ScreenSource
    from assistant.describe import ImageInput

log = logging.getLogger(__name__)

KINDS = ("screen", "window", "pointer", "image", "file")


def _single_shot(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


class Cancelled(Exception):
    """Raised inside the worker when a newer request has superseded the running one."""


_ids = itertools.count(1)


@dataclass
class DescribeRequest:
    """One thing to describe. ``payload``: a PIL image (kind "image") or a path (kind "file")."""

    kind: str
    payload: ImageInput | None = None
    label: str = ""
    pointer_size: int = 480
    id: int = field(default_factory=lambda: next(_ids))
    created: float = field(default_factory=time.perf_counter)
    cancel: threading.Event = field(default_factory=threading.Event, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown request kind {self.kind!r}")
        if not self.label:
            self.label = {
                "screen": "screen",
                "window": "active window",
                "pointer": "around the pointer",
                "image": "image",
                "file": Path(str(self.payload)).name if self.payload is not None else "file",
            }[self.kind]


class DescribeWorker(QObject):
    """Does the work; its methods run on the worker thread, its signals reach the GUI queued."""

    loaded = Signal(bool, str)  # ok, message
    warmed_up = Signal(object)  # milliseconds per part that warmed ({} when none or it failed)
    started = Signal(int)
    sentence = Signal(int, str)
    finished = Signal(int, object, str)  # id, Description, label
    failed = Signal(int, str)
    cancelled = Signal(int)

    def __init__(
        self,
        describer_factory: Callable[[], DescriberLike],
        screen_factory: ScreenFactory | None = None,
    ) -> None:
        super().__init__()
        self._describer_factory = describer_factory
        self._screen_factory = screen_factory
        self._describer: DescriberLike | None = None
        self._screen: ScreenSource | None = None
        #: Whether a request waits for the worker (DescribeQueue sets it): the warm-up then stops.
        self.request_waiting: Callable[[], bool] = lambda: False

    def set_describer_factory(self, factory: Callable[[], DescriberLike]) -> None:
        self._describer_factory = factory
        self._describer = None
        self.load()

    def load(self) -> None:
        try:
            self._ensure_describer()
        except AssistantError as exc:
            self.loaded.emit(False, str(exc))
        except Exception as exc:
            log.exception("loading the describer failed")
            self.loaded.emit(False, f"The model could not be loaded: {exc}.")
        else:
            self.loaded.emit(True, "")
            self._warm_up()

    def _warm_up(self) -> None:
        """After "ready" is reported: set up what the first describe would (OCR engines, re-ranking
        models; issue #17), so the first description is as fast as the second. A request that comes
        meanwhile stops it after the step running. Describers without ``warm_up`` (doubles) are skipped."""
        warm_up = getattr(self._describer, "warm_up", None)
        if warm_up is None:
            return
        timings: dict[str, float] = {}
        try:
            timings = dict(warm_up(stop=self.request_waiting))
            log.info("describer warmed up (ms per part): %s", timings)
        except Exception:  # Describer.warm_up logs its own failures; this guards other describers
            log.warning("warming up the describer failed", exc_info=True)
        return_freed_memory()
        self.warmed_up.emit(timings)

    def release(self) -> None:
        """Idle a while: the describer lets go of what it reopens on its next need (issue #19)."""
        release = getattr(self._describer, "release", None)  # doubles have none
        try:
            log.info("idle: let go of %s", release() if release is not None else "nothing")
        except Exception:
            log.warning("letting go of the idle describer's parts failed", exc_info=True)
        return_freed_memory()

    def _ensure_describer(self) -> DescriberLike:
        if self._describer is None:
            describer = self._describer_factory()
            describer.load()
            return_freed_memory()
            self._describer = describer
        return self._describer

    def _capture(self, request: DescribeRequest) -> tuple[ImageInput, str]:
        if request.kind in ("image", "file"):
            if request.payload is None:
                raise AssistantError("There is nothing to describe.")
            return request.payload, request.label
        if self._screen is None:
            if self._screen_factory is None:
                from assistant.capture.screen import create_screen_source

                self._screen = create_screen_source()
            else:
                self._screen = self._screen_factory()
        if request.kind == "screen":
            captured = self._screen.grab_screen(monitor="pointer")
        elif request.kind == "window":
            captured = self._screen.grab_active_window()
        else:
            captured = self._screen.grab_around_pointer(size=request.pointer_size)
        label = request.label
        window = getattr(captured, "window", None)
        title = getattr(window, "title", "") if window is not None else ""
        if request.kind == "window" and title:
            label = f"window {title}"
        return captured, label

    def run(self, request: DescribeRequest) -> None:
        rid = request.id
        if request.cancel.is_set():
            self.cancelled.emit(rid)
            return
        self.started.emit(rid)

        def on_sentence(text: str) -> None:
            if request.cancel.is_set():
                raise Cancelled
            self.sentence.emit(rid, text)

        try:
            describer = self._ensure_describer()
            image, label = self._capture(request)
            if request.cancel.is_set():
                raise Cancelled
            description = describer.describe(image, on_sentence=on_sentence)
            if request.cancel.is_set():
                raise Cancelled
        except Cancelled:
            self.cancelled.emit(rid)
        except AssistantError as exc:
            self.failed.emit(rid, str(exc))
        except Exception:
            log.exception("describing %s failed", request.label)
            self.failed.emit(rid, "Something went wrong while describing.")
        else:
            self.finished.emit(rid, description, label)


class DescribeQueue(QObject):
    """GUI-side owner of the worker thread: bounded, newest-wins request handling."""

    #: Idle this long after a description, the worker trims (return_freed_memory; not at once: ~0.1-0.2 s).
    TRIM_AFTER_MS = 3000
    #: Idle this long (after the warm-up or a description), the worker releases (DescribeWorker.release).
    RELEASE_AFTER_MS = 60_000

    model_loaded = Signal(bool, str)
    #: The warm-up is over (done, stopped by a request or failed) and trimmed: the app is idle (benchmarks).
    warmed_up = Signal(object)
    request_started = Signal(object)  # DescribeRequest
    sentence_ready = Signal(object, str)  # request, sentence
    result_ready = Signal(object, object, str)  # request, Description, label
    error = Signal(object, str)  # request, message
    idle = Signal()

    def __init__(
        self,
        describer_factory: Callable[[], DescriberLike],
        screen_factory: ScreenFactory | None = None,
        debounce_ms: int = 120,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._worker = worker = DescribeWorker(describer_factory, screen_factory)
        self._worker.request_waiting = lambda: not self._jobs.empty()  # a run (or quit) is queued
        self._thread = threading.Thread(target=self._work, name="describe-worker", daemon=True)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.warmed_up.connect(self.warmed_up)
        self._worker.started.connect(self._on_started)
        self._worker.sentence.connect(self._on_sentence)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self._cooldown = _single_shot(self, max(0, debounce_ms), self._pump)
        idle = self._when_idle
        self._trim = _single_shot(self, self.TRIM_AFTER_MS, lambda: idle("trims", return_freed_memory))
        self._release = _single_shot(self, self.RELEASE_AFTER_MS, lambda: idle("releases", worker.release))
        self.warmed_up.connect(lambda _timings: self._release.start())
        self.in_flight: DescribeRequest | None = None
        self.pending: DescribeRequest | None = None
        self.model_ready = False
        self.model_state = "loading"  # loading | ready | failed
        self.model_message = "The model is loading."
        # Counters for tests and benchmarks: they show the bound held.
        self.submitted = 0
        self.dispatched = 0
        self.superseded = 0
        self.max_outstanding = 0
        self.trims = self.releases = 0
        self._thread.start()

    # -- public API (GUI thread) -------------------------------------------------------------
    def load_model(self) -> None:
        """Start loading the model in the worker; ``model_loaded`` says how it went."""
        self._jobs.put(self._worker.load)

    def reload(self, describer_factory: Callable[[], DescriberLike]) -> None:
        self.model_ready = False
        self.model_state = "loading"
        self._jobs.put(functools.partial(self._worker.set_describer_factory, describer_factory))

    def set_debounce(self, ms: int) -> None:
        self._cooldown.setInterval(max(0, ms))

    def submit(self, request: DescribeRequest) -> DescribeRequest:
        self.submitted += 1
        self._trim.stop()
        self._release.stop()
        if self.pending is not None:
            self.superseded += 1
            self.pending.cancel.set()
        if self.in_flight is not None and not self.in_flight.cancel.is_set():
            self.in_flight.cancel.set()
            self.superseded += 1
        self.pending = request
        self._pump()
        return request

    def cancel_all(self) -> None:
        """Stop speaking / quit: drop the pending request and cancel the running one."""
        if self.pending is not None:
            self.pending.cancel.set()
            self.pending = None
        if self.in_flight is not None:
            self.in_flight.cancel.set()

    @property
    def busy(self) -> bool:
        return self.in_flight is not None or self.pending is not None

    def shutdown(self, timeout_ms: int = 10000) -> None:
        self.cancel_all()
        self._cooldown.stop()
        self._trim.stop()
        self._release.stop()
        self._jobs.put(None)
        self._thread.join(timeout_ms / 1000.0)
        if self._thread.is_alive():
            log.warning("the describe worker did not stop within %d ms", timeout_ms)

    def _work(self) -> None:
        """The worker thread: one job at a time, in order (a load always precedes later runs)."""
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                job()
            except Exception:  # the worker reports its own errors; this is a last guard for the thread
                log.exception("describe worker job %r failed", job)

    # -- internals -----------------------------------------------------------------------------
    def _outstanding(self) -> int:
        return (self.in_flight is not None) + (self.pending is not None)

    def _pump(self) -> None:
        self.max_outstanding = max(self.max_outstanding, self._outstanding())
        if self.in_flight is not None or self.pending is None or self._cooldown.isActive():
            return
        request, self.pending = self.pending, None
        self.in_flight = request
        self.dispatched += 1
        self._cooldown.start()
        self._jobs.put(functools.partial(self._worker.run, request))

    def _done(self, rid: int) -> DescribeRequest | None:
        request = self.in_flight
        if request is None or request.id != rid:
            return None
        self.in_flight = None
        QTimer.singleShot(0, self._after_done)
        return request

    def _after_done(self) -> None:
        self._pump()
        if not self.busy:
            self._trim.start()
            self._release.start()
            self.idle.emit()

    def _when_idle(self, counter: str, job: Callable[[], None]) -> None:
        """Still idle: the worker runs ``job`` (a trim, a release: a job, so never mid-run), counted."""
        if not self.busy:
            setattr(self, counter, getattr(self, counter) + 1)
            self._jobs.put(job)

    @Slot(bool, str)
    def _on_loaded(self, ok: bool, message: str) -> None:
        self.model_ready = ok
        self.model_state = "ready" if ok else "failed"
        self.model_message = message
        self.model_loaded.emit(ok, message)

    @Slot(int)
    def _on_started(self, rid: int) -> None:
        if self.in_flight is not None and self.in_flight.id == rid and not self.in_flight.cancel.is_set():
            self.request_started.emit(self.in_flight)

    @Slot(int, str)
    def _on_sentence(self, rid: int, text: str) -> None:
        request = self.in_flight
        if request is not None and request.id == rid and not request.cancel.is_set():
            self.sentence_ready.emit(request, text)

    @Slot(int, object, str)
    def _on_finished(self, rid: int, description: object, label: str) -> None:
        request = self._done(rid)
        if request is not None and not request.cancel.is_set():
            if not self.model_ready:
                self.model_ready, self.model_state, self.model_message = True, "ready", ""
            self.result_ready.emit(request, description, label)

    @Slot(int, str)
    def _on_failed(self, rid: int, message: str) -> None:
        request = self._done(rid)
        if request is not None and not request.cancel.is_set():
            self.error.emit(request, message)

    @Slot(int)
    def _on_cancelled(self, rid: int) -> None:
        self._done(rid)
