"""Re-read only what changed since the last capture.

Pressing "describe screen" twice on a mostly unchanged screen should not pay for a full OCR
again. :class:`ChangeAwareOcr` keeps the previous frame and its lines, finds the horizontal bands
whose pixels changed, OCRs only those bands (full width, so no line is cut sideways) and keeps
the old lines everywhere else. A sheet of snippets (a grid's lost cells, read after the screen) is
the same sheet again when the screen is: it is answered from memory.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import replace

import numpy as np
from PIL import Image

from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import OcrLine, shifted
from assistant.ocr.line_reader import WINDOW_AREAS


def changed_bands(before: np.ndarray, after: np.ndarray, margin: int = 6) -> list[tuple[int, int]]:
    """Row ranges [y0, y1) where two same-sized frames differ, widened by ``margin`` and merged."""
    diff_rows = np.flatnonzero(np.any(before != after, axis=tuple(range(1, before.ndim))))
    if diff_rows.size == 0:
        return []
    height = before.shape[0]
    bands: list[tuple[int, int]] = []
    for row in diff_rows:
        y0, y1 = max(0, int(row) - margin), min(height, int(row) + 1 + margin)
        if bands and y0 <= bands[-1][1]:
            bands[-1] = (bands[-1][0], max(bands[-1][1], y1))
        else:
            bands.append((y0, y1))
    return bands


def _grow_to_lines(bands: list[tuple[int, int]], lines: list[OcrLine], height: int) -> list[tuple[int, int]]:
    """Widens bands until no old line is cut by a band edge, then merges overlapping bands."""
    changed = True
    while changed:
        changed = False
        grown = []
        for y0, y1 in bands:
            for line in lines:
                ly0, ly1 = line.box[1] - 2, line.box[3] + 2
                if ly0 < y1 and ly1 > y0 and (ly0 < y0 or ly1 > y1):
                    y0, y1 = max(0, min(y0, ly0)), min(height, max(y1, ly1))
                    changed = True
            grown.append((y0, y1))
        grown.sort()
        merged: list[tuple[int, int]] = []
        for y0, y1 in grown:
            if merged and y0 <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], y1))
            else:
                merged.append((y0, y1))
        bands = merged
    return bands


class ChangeAwareOcr(OcrEngine):
    """Wraps an engine; falls back to a full OCR when the size changed or most rows changed."""

    def __init__(self, engine: OcrEngine, full_fraction: float = 0.5) -> None:
        self.engine = engine
        self.name = engine.name
        self.full_fraction = full_fraction
        self._previous: np.ndarray | None = None
        self._lines: list[OcrLine] = []
        self._lock = threading.Lock()
        self.last_mode = "full"
        self._sheets: OrderedDict[bytes, OcrResult] = OrderedDict()  # the last few sheets' readings

    def read_sheet(self, sheet: Image.Image, remembered: int = 4) -> OcrResult:
        """The wrapped engine's reading of a sheet of snippets; a sheet with the very same pixels as
        one of the last ``remembered`` is answered from memory (a sheet has no bands to compare, but
        an unchanged screen makes the same sheet: its lost cells, read again, cost a tesseract call)."""
        pixels = np.asarray(sheet.convert("RGB"))
        key = hashlib.blake2b(pixels.tobytes(), digest_size=16, key=repr(pixels.shape).encode()).digest()
        with self._lock:
            known = self._sheets.get(key)
        if known is not None:
            return replace(known, lines=list(known.lines), elapsed_ms=0.0)
        result = self.engine.read_sheet(sheet)
        with self._lock:
            self._sheets[key] = replace(result, lines=list(result.lines))
            while len(self._sheets) > remembered:
                self._sheets.popitem(last=False)
        return result

    def recognize(self, image: Image.Image) -> OcrResult:
        start = time.perf_counter()
        frame = np.asarray(image.convert("RGB"))
        with self._lock:
            previous, old_lines = self._previous, self._lines
            if previous is None or previous.shape != frame.shape:
                return self._full(image, frame, start)
            bands = _grow_to_lines(changed_bands(previous, frame), old_lines, frame.shape[0])
            if sum(y1 - y0 for y0, y1 in bands) > self.full_fraction * frame.shape[0]:
                return self._full(image, frame, start)
            kept = [ln for ln in old_lines if not any(ln.box[1] < y1 and ln.box[3] > y0 for y0, y1 in bands)]
            fresh: list[OcrLine] = []
            for y0, y1 in bands:
                part = self.engine.recognize(_band(image, y0, y1))
                fresh += [shifted(line, 0, y0) for line in part.lines]
            self._previous, self._lines = frame, kept + fresh
            self.last_mode = "incremental" if bands else "unchanged"
            return OcrResult(
                lines=list(self._lines),
                engine=self.name,
                elapsed_ms=(time.perf_counter() - start) * 1000,
                image_size=image.size,
            )

    def _full(self, image: Image.Image, frame: np.ndarray, start: float) -> OcrResult:
        result = self.engine.recognize(image)
        self._previous, self._lines = frame, list(result.lines)
        self.last_mode = "full"
        result.elapsed_ms = (time.perf_counter() - start) * 1000
        return result


def _band(image: Image.Image, y0: int, y1: int) -> Image.Image:
    """Rows ``y0``..``y1`` of ``image``, the windows' areas it carries (a live view's, for the
    second look) moved with them: ``crop`` copies ``info`` as it is, and areas left in the whole
    view's rows would hand each cut to the wrong window."""
    band = image.crop((0, y0, image.width, y1))
    areas = image.info.get(WINDOW_AREAS)
    if areas is not None:
        band.info[WINDOW_AREAS] = [[(a, b - y0, c, d - y0) for a, b, c, d in parts] for parts in areas]
    return band
