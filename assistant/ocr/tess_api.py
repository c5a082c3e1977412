"""Tesseract inside this process: the system's libtesseract through its C API, models loaded once.

A ``tesseract`` process pays its start and its model's load on every picture it reads (about 100 ms
of one core, as much as a dialog's whole reading), and a screen is read by three or four of them:
the stripes of the page, then sheets of snippets (:mod:`assistant.ocr.gaps`,
:mod:`assistant.ocr.titles`). Loaded once and kept, a model reads the next picture at once; a
foreign call leaves the GIL, so stripes still run side by side, one model per thread.

Why the C API (tesseract's own ``capi.h``, a dozen calls) and not a binding from PyPI: it is the very
library the ``tesseract`` program runs, so a picture reads exactly as the program reads it (checked
TSV for TSV; every rule of this package was measured against that program). tesserocr's wheels carry
a newer tesseract of their own, which read 24 fewer words of half A's screens (datasets/screens).

Debian builds libtesseract with OpenMP, whose threads cost more than they save on a 2-core machine
(the program is run with ``OMP_THREAD_LIMIT=1`` for that reason). OpenMP reads that limit once, when
its library loads, so it is set only while libtesseract (and with it libgomp) loads. Where libgomp
was loaded before with no limit (torch's, when torch came first), the program is run instead
(:func:`in_process_available`). torch loaded after shares this libgomp; its threaded element-wise
work ran no slower for it (40 M ``exp``: 1.04 s with, 1.17 s without, on this machine).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import functools
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from assistant.errors import AssistantError

# The header the ``tesseract`` program writes before its TSV rows (the library writes the rows only).
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
_LOAD_LOCK = threading.Lock()
_LIVE: set[int] = set()  # handles not yet deleted (deleted at exit: tesseract warns of leaks otherwise)


def list_langs() -> str | None:
    """What ``tesseract --list-langs`` prints: the models' folder on its first line, then one
    language a line (None: no program, or it failed)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        return subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None


@functools.lru_cache(maxsize=1)
def tessdata_dir() -> Path | None:
    """The folder of the system's model files, as the ``tesseract`` program reports it (None: none)."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix and Path(prefix).is_dir():
        return Path(prefix)
    out = list_langs()
    found = re.search(r'"([^"]+)"', out.splitlines()[0] if out else "")
    return Path(found.group(1)) if found and Path(found.group(1)).is_dir() else None


def _declare(lib: ctypes.CDLL) -> None:
    p, i, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    for name, args, result in [
        ("TessVersion", [], s),
        ("TessBaseAPICreate", [], p),
        ("TessBaseAPIInit3", [p, s, s], i),
        ("TessBaseAPISetVariable", [p, s, s], i),
        ("TessBaseAPISetPageSegMode", [p, i], None),
        ("TessBaseAPISetImage", [p, p, i, i, i, i], None),
        ("TessBaseAPISetSourceResolution", [p, i], None),
        ("TessBaseAPIRecognize", [p, p], i),
        ("TessBaseAPIGetTsvText", [p, i], p),
        ("TessDeleteText", [p], None),
        ("TessBaseAPIClear", [p], None),
        ("TessBaseAPIEnd", [p], None),
        ("TessBaseAPIDelete", [p], None),
        ("TessMonitorCreate", [], p),
        ("TessMonitorSetDeadlineMSecs", [p, i], None),
        ("TessMonitorDelete", [p], None),
    ]:
        func = getattr(lib, name)
        func.argtypes, func.restype = args, result


@functools.lru_cache(maxsize=1)
def _library() -> ctypes.CDLL | None:
    """libtesseract with OpenMP held to one thread, or None (not installed, or OpenMP already
    running unlimited)."""
    name = "libtesseract.so.5" if os.name == "posix" else None
    name = ctypes.util.find_library("tesseract") or name
    if name is None:
        return None
    with _LOAD_LOCK:
        before = os.environ.get("OMP_THREAD_LIMIT")
        os.environ["OMP_THREAD_LIMIT"] = "1"
        try:
            lib = ctypes.CDLL(name)
            _declare(lib)
        except (OSError, AttributeError):
            return None
        finally:
            if before is None:
                del os.environ["OMP_THREAD_LIMIT"]
            else:
                os.environ["OMP_THREAD_LIMIT"] = before
    if _openmp_threads() > 1:
        return None  # libgomp was there before us, unlimited: the program is cheaper
    return lib


def _openmp_threads() -> int:
    """The thread limit of the OpenMP library loaded in this process (1 when none is loaded)."""
    gomp, noload = ctypes.util.find_library("gomp"), getattr(os, "RTLD_NOLOAD", None)
    if gomp is None or noload is None:
        return 1
    try:
        loaded = ctypes.CDLL(gomp, mode=noload)  # only if already loaded (by libtesseract)
    except OSError:
        return 1
    return int(loaded.omp_get_thread_limit())


def in_process_available(lang: str = "eng") -> bool:
    """The library loads (held to one thread) and the system has the model for ``lang``."""
    folder = tessdata_dir()
    return folder is not None and (folder / f"{lang}.traineddata").is_file() and _library() is not None


def library_version() -> str:
    """The library's version, as ``tesseract --version`` says it ("tesseract 5.3.0")."""
    lib = _library()
    return f"tesseract {lib.TessVersion().decode()}" if lib is not None else "no libtesseract"


@atexit.register
def _delete_all() -> None:
    lib = _library() if _LIVE else None
    for handle in list(_LIVE):
        _delete(lib, handle)


def _delete(lib: Any, handle: int) -> None:
    _LIVE.discard(handle)
    lib.TessBaseAPIEnd(handle)
    lib.TessBaseAPIDelete(handle)


class TessModels:
    """Loaded models of one language, each read by one thread at a time; made on first need and
    kept until :meth:`release` (each holds about 6 MB, the library about 30 MB more)."""

    def __init__(self, lang: str = "eng", timeout_s: float = 60.0) -> None:
        folder, lib = tessdata_dir(), _library()
        if folder is None or lib is None:
            raise AssistantError("Tesseract's library or language files were not found.")
        self.lib = lib
        self.path = (str(folder) + os.sep).encode()
        self.lang = lang
        self.timeout_ms = int(timeout_s * 1000)
        self._free: list[int] = []
        self._lock = threading.Lock()

    def _take(self) -> int:
        """A free model, or a new one loaded."""
        with self._lock:
            if self._free:
                return self._free.pop()
        return self._load()

    def _load(self) -> int:
        handle = self.lib.TessBaseAPICreate()
        _LIVE.add(handle)
        if self.lib.TessBaseAPIInit3(handle, self.path, self.lang.encode()) != 0:
            _delete(self.lib, handle)
            raise AssistantError("Tesseract could not load its language file.")
        # Its messages ("Empty page!!", "Estimating resolution as ...") went to the program's
        # stderr, which was read and dropped; in this process they would reach the user's terminal.
        self.lib.TessBaseAPISetVariable(handle, b"debug_file", os.devnull.encode())
        return int(handle)

    def read_tsv(self, image: Image.Image, psm: int) -> str:
        """The TSV the ``tesseract`` program writes for ``image`` at page segmentation mode ``psm``."""
        pixels = np.ascontiguousarray(np.asarray(image if image.mode == "L" else image.convert("L")))
        handle = self._take()
        monitor = self.lib.TessMonitorCreate()
        kept = False
        try:
            self.lib.TessBaseAPISetPageSegMode(handle, psm)
            height, width = pixels.shape
            self.lib.TessBaseAPISetImage(handle, pixels.ctypes.data, width, height, 1, pixels.strides[0])
            # No resolution, as the program gets none from a picture on stdin: estimated from the text.
            self.lib.TessBaseAPISetSourceResolution(handle, 0)
            self.lib.TessMonitorSetDeadlineMSecs(monitor, self.timeout_ms)
            if self.lib.TessBaseAPIRecognize(handle, monitor) != 0:
                raise AssistantError("Reading the text took too long and was stopped.")
            text = self.lib.TessBaseAPIGetTsvText(handle, 0)
            tsv = ctypes.string_at(text).decode("utf-8", errors="replace") if text else ""
            if text:
                self.lib.TessDeleteText(text)
            self.lib.TessBaseAPIClear(handle)
            kept = True
        finally:
            self.lib.TessMonitorDelete(monitor)
            if kept:
                with self._lock:
                    self._free.append(handle)
            else:  # in an unknown state: not read with again
                _delete(self.lib, handle)
        return TSV_HEADER + tsv

    def warm(self, count: int) -> None:
        """Loads models until ``count`` are free (the next readings start at once)."""
        while True:
            with self._lock:
                if len(self._free) >= count:
                    return
            handle = self._load()
            with self._lock:
                self._free.append(handle)

    def release(self) -> int:
        """Lets go of the free models; how many were held."""
        with self._lock:
            held, self._free = self._free, []
        for handle in held:
            _delete(self.lib, handle)
        return len(held)
