"""One home for how the project opens onnxruntime sessions (captioner, image-text model, OCR).

Why (issue #19, "start fast and light"): every session the app keeps open holds memory for as long as
the app runs. onnxruntime's defaults suit a server: a CPU memory arena that grows to the largest run
and never shrinks, and memory patterns planned per input shape. In a tray app that waits most of the
time, those held the peak of the warm-up's runs (the idle app measured 457 MB with them, 186 MB before
the warm-up). The settings below are the measured trade (benchmarks/startup_bench.py,
benchmarks/first_describe.py); change them here, once, not in each loader.

Use :func:`open_session` (or :func:`session_options` to build your own); both import onnxruntime
through :func:`assistant.privacy.import_onnxruntime`, so telemetry stays off. Two readers of the same
graph with the same settings share one session instead of holding the weights twice.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CPU = ("CPUExecutionProvider",)


@dataclass(frozen=True)
class SessionSettings:
    """How a session runs. ``threads`` None: the cores this process may use."""

    threads: int | None = 1
    # Worker threads do not busy-wait: on a 2-core machine shared with other programs spinning made
    # captions several times slower (benchmarks/onnx_bench.py).
    allow_spinning: bool = False
    # The arena keeps the largest run's buffers for the life of the session: off, freed memory goes
    # back to malloc (and, trimmed, to the system) between descriptions.
    cpu_mem_arena: bool = False
    # Memory patterns pre-plan one block per input shape; our inputs change shape (OCR, beams).
    mem_pattern: bool = False
    # An arena that each run's end gives back (run with :func:`run_options`): within a run the steps
    # reuse each other's blocks, where from malloc each step's buffers were fresh pages to map and
    # clear (PP-OCR's recogniser on a long strip: thousands of page faults a run, a tenth of its
    # CPU), and between runs nothing is held. The same results: where buffers come from, not how
    # they are computed.
    arena_per_run: bool = False
    log_severity: int = 3  # errors only: no warnings on stderr during speech


def available_cores() -> int:
    """The cores this process may use (its affinity on Linux)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def runs_at_once(threads: int | None) -> int:
    """How many model runs of ``threads`` threads each (None: all the cores) fit side by side on the
    cores: a run's steps wait for all its threads, so with more threads than cores each step waits
    for the one put aside."""
    cores = available_cores()
    return max(1, cores // (threads or cores))


def session_options(settings: SessionSettings | None = None) -> Any:
    """An ``onnxruntime.SessionOptions`` with the project's settings (see :class:`SessionSettings`)."""
    from assistant.privacy import import_onnxruntime

    ort = import_onnxruntime()  # telemetry off before it loads
    settings = settings or SessionSettings()
    options = ort.SessionOptions()
    options.intra_op_num_threads = settings.threads or available_cores()
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.enable_cpu_mem_arena = settings.cpu_mem_arena or settings.arena_per_run
    options.enable_mem_pattern = settings.mem_pattern
    options.log_severity_level = settings.log_severity
    if not settings.allow_spinning:
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    return options


def run_options(settings: SessionSettings | None = None) -> Any:
    """The ``onnxruntime.RunOptions`` to run a session opened with ``settings`` with (None: the
    defaults): with ``arena_per_run``, the arena shrunk back at each run's end."""
    if settings is None or not settings.arena_per_run:
        return None
    from assistant.privacy import import_onnxruntime

    options = import_onnxruntime().RunOptions()
    options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
    return options


def open_session(
    path: str | Path, settings: SessionSettings | None = None, providers: Sequence[str] = CPU
) -> Any:
    """``onnxruntime.InferenceSession`` for the graph at ``path`` with the project's settings.

    Shared: while anyone holds a session, the same file with the same settings and providers gives
    that session again, so two readers of one graph hold its weights once (the photo text reader and
    the screen reader's second look both run PP-OCR's recogniser: 26 MB more otherwise, measured).
    onnxruntime's ``run`` may be called from several threads at once; do not change a session you
    were given. Raises what onnxruntime raises for a missing or damaged file; callers turn that into
    their own one-sentence ModelError / AssistantError.
    """
    from assistant.privacy import import_onnxruntime

    ort = import_onnxruntime()
    try:  # the file as it is now: a file rewritten since (a new export) gets a new session
        found = Path(path).resolve().stat()
    except OSError:  # missing: onnxruntime says so in its own words
        return ort.InferenceSession(str(path), session_options(settings), providers=list(providers))
    key = (
        str(Path(path).resolve()),
        (found.st_ino, found.st_size, found.st_mtime_ns),
        settings or SessionSettings(),
        tuple(providers),
    )
    with _open_lock:
        session = _open.get(key)
        if session is None:
            session = ort.InferenceSession(str(path), session_options(settings), providers=list(providers))
            _open[key] = session
        return session


#: The name this was first given out under (/work/notes/onnx-sessions.md); every session is shared.
shared_session = open_session

#: Sessions in use, by file, settings and providers: weak, so one nobody holds any more is freed.
_open: weakref.WeakValueDictionary[
    tuple[str, tuple[int, int, int], SessionSettings, tuple[str, ...]], Any
] = weakref.WeakValueDictionary()
_open_lock = threading.Lock()
