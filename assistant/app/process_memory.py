"""How the long-running app process keeps its memory small (issue #19): glibc's malloc, tuned once,
and PySide6 kept from filling pymalloc's arenas with source lines.

The tray app runs for days and mostly waits, with the captioning model loaded. What it holds while
waiting is the measure (benchmarks/startup_bench.py: idle RSS, target 200 MB). Two glibc settings
matter, both measured there and here; on other C libraries and systems these do nothing.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


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


def check_pyside_use_without_linecache() -> bool:
    """Have PySide6 (call it after importing PySide6) tell whether a module uses it by reading the
    module's file, not through :mod:`linecache`. Whether its check was replaced.

    Why (issue #19): PySide6 (6.11, ``shibokensupport/feature.py``) asks ``inspect.getsource`` of every
    module imported after it whether it says "PySide6", and :mod:`linecache` keeps each file as a list
    of line strings: ~10 MB of small objects made between the modules' own, in ~240 files. Dropping
    them later (:func:`return_freed_memory`) leaves pymalloc's 1 MB arenas holed, and an arena goes
    back to the system only when all of it is free. Measured (the app's imports and the captioner
    loaded): 28 arenas with 5.2 MB of empty pools, against 18 with 1.1 MB; anonymous memory 106 -> 96
    MB for the same live objects, and the imports no slower. The answer is the same: the whole
    file's text searched for the same word (a module's source is its file; one that is not a
    readable ``.py`` file goes to PySide6's own check, as before).
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "reads_files", False):
        return False

    def uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            with contextlib.suppress(OSError):
                return b"PySide6" in Path(path).read_bytes()  # source is ASCII-compatible (PEP 263)
        return bool(original(module))

    uses_pyside.reads_files = True  # type: ignore[attr-defined]
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 (a module mypy does not know)
    log.debug("PySide6's module check reads files directly")
    return True
