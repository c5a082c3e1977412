"""How the long-running app process keeps its memory small (issue #19): glibc's malloc, tuned once.

The tray app runs for days and mostly waits, with the captioning model loaded. What it holds while
waiting is the measure (benchmarks/startup_bench.py: idle RSS, target 200 MB). Two glibc settings
matter, both measured there and here; on other C libraries and systems these do nothing.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any


def _libc() -> Any | None:
    """glibc, or None (another system or C library)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def limit_malloc_arenas(arenas: int = 1) -> bool:
    """Cap glibc's malloc arenas for this long-running, many-threaded process (call it first).

    Every thread that allocates (Qt, the describe worker, OCR and onnxruntime pools) may get its own
    arena, and each keeps the pages its freed blocks lie between. Measured: RSS grew 33 MB over 500
    describe cycles with glibc's default and 2 MB with two arenas (benchmarks/app_bench.py); the idle
    app with the model loaded held 302 MB with two arenas and 271 MB with one (startup_bench.py, same
    caption), and describing a photo was no slower with one (CPU time per description the same).
    """
    libc = _libc()
    if libc is None:
        return False
    m_arena_max = -8  # from <malloc.h>
    try:
        return bool(libc.mallopt(m_arena_max, arenas))
    except AttributeError:  # not glibc (musl, ...)
        return False


def return_freed_memory() -> None:
    """Give the memory freed while loading back to the system (Linux, glibc's ``malloc_trim``), and
    drop the copies of Python source files that PySide6 left in :mod:`linecache`.

    Why: building the ONNX sessions parses the model files into buffers that are freed afterwards,
    but glibc keeps them, so the idle app's RSS stayed ~45 MB higher (164 -> 119 MB for the describer
    alone after a trim, measured on the wheel install). A description frees its buffers too (a
    photo's peak is ~100-250 MB above idle), so the describe queue trims once it has been idle for a
    while (:attr:`assistant.app.worker.DescribeQueue.TRIM_AFTER_MS`). A trim takes ~0.1-0.2 s here.
    PySide6 (6.11) reads the source of every module imported after it (``inspect.getsource``, to see
    whether the module uses PySide6), and :mod:`linecache` keeps them: 260 files, ~10 MB in the app.
    Nothing else needs them (a traceback reads its few lines again).
    """
    import linecache

    linecache.clearcache()
    libc = _libc()
    if libc is None:
        return
    with contextlib.suppress(AttributeError):  # not glibc (musl has no malloc_trim)
        libc.malloc_trim(0)
