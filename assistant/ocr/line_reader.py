"""PP-OCR's recogniser alone: the text of line pictures that the caller has already cut out.

RapidOCR's detector costs more than tesseract's whole reading of a screen (a 736 x 736 sheet: 1.1 to
1.8 s on the shared 2-core machine, tesseract 1.0 to 1.2 s on a calculator), while its recogniser
reads a short line in a few milliseconds. :mod:`assistant.ocr.second_look` finds where text is
left unread from the pixels and needs only the recogniser; this runs it, with the model and the
decoding of :mod:`assistant.ocr.rapid` (:mod:`assistant.ocr.ppocr_recognize`).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from assistant.errors import AssistantError
from assistant.ocr.ppocr_recognize import RECOGNIZER_THREADS, LineText, RecognizeConfig, characters_of
from assistant.onnx_sessions import runs_at_once

STRIP_WORKERS = 4  # strips read side by side at most
# A picture's info key: where its windows lie (a live screen's view, assistant.understand.windows),
# per window its parts (x0, y0, x1, y1); the second look reads each window's places on strips of
# their own (LineReader.read's groups).
WINDOW_AREAS = "window_areas"


@dataclass
class ReadWord:
    text: str
    start: float  # 0..1 of the line picture's width
    end: float
    confidence: float


@dataclass
class ReadLine:
    text: str
    confidence: float
    words: list[ReadWord]


def line_reader_available() -> bool:
    """The recogniser runs where the PP-OCR reader runs: onnxruntime and the model files are there
    (found, not imported: onnxruntime is loaded through assistant.privacy, telemetry off)."""
    from assistant.ocr.rapid import rapidocr_available

    return rapidocr_available()


class LineReader:
    """Reads line pictures ((H, W, 3) uint8, one line of text each) with PP-OCR's recogniser.

    ``threads``: onnxruntime's per run (None: the cores; by default
    :data:`~assistant.ocr.ppocr_recognize.RECOGNIZER_THREADS`, which says why). The strips of a
    picture run side by side where the cores hold more than one run (:meth:`_read_strips`).
    RapidOcrEngine's recogniser runs with as many threads, so that both share one session."""

    def __init__(
        self,
        threads: int | None = RECOGNIZER_THREADS,
        remember: int = 1024,
        config: RecognizeConfig | None = None,
        layout: StripLayout | None = None,
    ) -> None:
        from assistant.ocr.ppocr_models import require_model_files

        self.files = require_model_files()
        self.threads = threads
        self.config = config or RecognizeConfig(cjk_alone=False)
        self.layout = layout or LAYOUT
        self._session: Any = None
        self._run_options: Any = None
        self._characters: list[str] = []
        self._lock = threading.Lock()
        # Readings of whole strips, kept by the strip's pixels: the same picture read again (a
        # screen described twice) costs no run. Not by each picture's ink: the recogniser reads a
        # short picture by what shares its strip ("0" at 1.0 among a keypad's labels, at 0.91
        # among marks), so a reading remembered from another strip was one a fresh reading need
        # not give, and what a screen was read as depended on the screens read before it.
        self._memory: OrderedDict[bytes, LineText] = OrderedDict()
        self.remember = remember

    def _load(self) -> Any:
        if self._session is None:
            from assistant.onnx_sessions import SessionSettings, open_session, run_options

            settings = SessionSettings(threads=self.threads, arena_per_run=True)  # as RapidOcr's
            try:
                rec = open_session(self.files.recognizer, settings)
                characters = characters_of(rec)
            except Exception as exc:  # a damaged or foreign model file
                raise AssistantError("The RapidOCR text reader could not be loaded.") from exc
            self._characters = characters
            self._session = rec
            self._run_options = run_options(settings)
        return self._session

    def release(self) -> bool:
        """Let go of the recogniser's session (it reopens on the next read); whether one was held."""
        with self._lock:
            held, self._session = self._session is not None, None
            self._characters = []  # ~18 k strings (issue #19): read again with the session
        return held

    def _recall(self, key: bytes | None) -> LineText | None:
        """The reading of the strip with this ``key`` made before (None: not read yet; the lock held)."""
        if key is None:
            return None
        line = self._memory.get(key)
        if line is not None:
            self._memory.move_to_end(key)
        return line

    def _keep(self, key: bytes | None, line: LineText) -> None:
        """``line`` remembered as the reading of the strip ``key`` (the oldest forgotten beyond
        ``remember``; the lock held)."""
        if key is None or self.remember <= 0:
            return
        self._memory[key] = line
        while len(self._memory) > self.remember:
            self._memory.popitem(last=False)

    def read(self, crops: list[np.ndarray], groups: list[int] | None = None) -> list[ReadLine]:
        """Each picture's text, in the order given.

        The recogniser pads every line to 320 x 48 at least, so a key's "7" costs as much as a
        whole line: short pictures are set side by side into strips (:func:`strips`), read in one
        go, and the words handed back to the picture they lie on. A picture read as CJK or other
        marks no screen's text is made of (an icon, a corner, a window's buttons: "回", "□") comes
        back empty; the others on its strip keep their words, boxed as words (``cjk_alone`` off:
        RapidOCR's decoder boxes every character of a line holding CJK alone). They were read
        again without it once, which on a dialog's one strip doubled the recogniser's time, for
        the same words nearly always.

        ``groups``: which group each picture belongs to (a window of a screen): strips never mix
        groups, so that what one group's pictures are read as does not hang on another's (the
        recogniser reads a picture by its strip-mates). None: one group."""
        if not crops:
            return []
        cfg = self.config
        pictures = [_upright(c, cfg.height) for c in crops]
        out = [ReadLine("", 0.0, []) for _ in crops]
        for strip, words in self._read_strips(pictures, list(range(len(crops))), cfg, groups):
            for index, found in zip(strip.indices, words, strict=True):
                if all(_latin(w.text) for w in found):
                    out[index] = ReadLine("", 0.0, found)
        for line in out:
            line.words = _rejoined(line.words)
            line.text = " ".join(w.text for w in line.words)
            line.confidence = min((w.confidence for w in line.words), default=0.0)
        return out

    def _read_strips(
        self, pictures: list[np.ndarray], indices: list[int], cfg: Any, groups: list[int] | None = None
    ) -> list[tuple[Strip, list[list[ReadWord]]]]:
        """The pictures ``indices`` laid on strips (a group's apart from the others': ``groups``)
        and read; per strip, each picture's words."""
        from assistant.ocr.ppocr_recognize import recognize_lines

        if groups is None:
            laid = strips(pictures, indices, self.layout)
        else:
            laid = [
                strip
                for group in sorted({groups[i] for i in indices})
                for strip in strips(pictures, [i for i in indices if groups[i] == group], self.layout)
            ]
        half_gap = self.layout.gap // 2
        # (In a batch of several, a strip would be padded to the widest: kept only when read alone.)
        keys = [_strip_key(s.pixels) if cfg.batch == 1 else None for s in laid]
        with self._lock:
            found: list[LineText | None] = [self._recall(k) for k in keys]
            todo = [n for n, line in enumerate(found) if line is None]
            if todo:
                rec = self._load()
                name = rec.get_inputs()[0].name
                # Strips read side by side where the cores hold more than one run's threads (a
                # run's steps wait for all its threads: with more threads than cores, each step
                # waited for one put aside). Each strip is a run of its own: the same readings
                # either way. (At most STRIP_WORKERS: a many-core desktop's strips side by side
                # would only wait on each other.)
                workers = min(runs_at_once(self.threads), len(todo), STRIP_WORKERS)
                with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="strips") as pool:
                    read = recognize_lines(
                        [laid[n].pixels for n in todo],
                        lambda batch: rec.run(None, {name: batch}, self._run_options)[0],
                        self._characters,
                        cfg,
                        pool.map if workers > 1 else map,
                    )
                for n, fresh in zip(todo, read, strict=True):
                    found[n] = fresh
                    self._keep(keys[n], fresh)
        out = []
        for strip, line in zip(laid, found, strict=True):
            width = strip.pixels.shape[1]
            words: list[list[ReadWord]] = [[] for _ in strip.indices]
            for word in line.words if line is not None else []:  # (every strip read by now)
                middle = (word.start + word.end) / 2 * width
                for k, (a, b) in enumerate(strip.spans):
                    if a - half_gap <= middle < b + half_gap:
                        start, end = (word.start * width - a) / (b - a), (word.end * width - a) / (b - a)
                        words[k].append(
                            ReadWord(word.text, max(0.0, start), min(1.0, end), float(word.confidence))
                        )
                        break
            out.append((strip, words))
        return out


def _strip_key(pixels: np.ndarray) -> bytes:
    """A strip's pixels, hashed with their shape."""
    shape = np.asarray(pixels.shape, dtype=np.int32).tobytes()
    return hashlib.blake2b(shape + np.ascontiguousarray(pixels).tobytes(), digest_size=16).digest()


def _latin(text: str) -> bool:
    """No character from U+2460 up (enclosed numbers, CJK, full-width forms)."""
    return all(ord(ch) < 0x2460 for ch in text)


def _rejoined(words: list[ReadWord]) -> list[ReadWord]:
    """Single characters that touch joined into words again: where a line holds a CJK character
    the decoder boxes every character alone (as RapidOCR), and on a strip one key's stray "回"
    split another picture's "Field Notes" into ten words."""
    out: list[ReadWord] = []
    for word in words:
        prev = out[-1] if out else None
        if prev is not None and len(word.text) == 1 and len(prev.text) >= 1:
            width = (word.end - word.start) / len(word.text)
            if word.start - prev.end < 0.3 * width:
                confidence = min(prev.confidence, word.confidence)
                out[-1] = ReadWord(prev.text + word.text, prev.start, word.end, confidence)
                continue
        out.append(word)
    return out


@dataclass
class Strip:
    pixels: np.ndarray  # (height, W, 3) uint8
    indices: list[int]  # which pictures are on it, left to right
    spans: list[tuple[int, int]]  # and where each lies (x0, x1 on the strip)


@dataclass(frozen=True)
class StripLayout:
    gap: int = 48  # white pixels between two pictures on a strip: wider than a space, so words stay apart
    width: int = 1600  # pixels: the longest strip (the recogniser's cost grows with its width)


LAYOUT = StripLayout()


def light_text(gray: np.ndarray, ground: float) -> bool:
    """Whether the text in ``gray`` (one line, float) is lighter than its ``ground``: its lightest
    pixels stand further above the ground than its darkest below it. Decided per line, not by the
    ground's darkness alone: white on a title bar's mid blue (grey 150) is light text on a ground
    lighter than half, and was made white on white (a window's title read as nothing)."""
    low, high = np.percentile(gray, [2, 98])
    return bool(high - ground > ground - low)


def _upright(crop: np.ndarray, height: int) -> np.ndarray:
    """A line picture at the recogniser's height, dark text on a light ground (light text on a dark
    badge, a title bar or a dark theme turned over: on a strip its ground would meet the white gap
    in an edge that reads as "l")."""
    from assistant.ocr.ppocr_detect import resize_linear

    rows, cols = crop.shape[:2]
    width = max(1, round(cols * height / rows))
    out = resize_linear(np.ascontiguousarray(crop), width, height)
    edge = np.concatenate([out[0], out[-1], out[:, 0], out[:, -1]])  # (n, 3)
    if light_text(out.mean(axis=2), float(np.median(edge.mean(axis=1)))):
        out = 255 - out
        edge = 255 - edge
    # Its ground made white like the strip's, so that no edge where it meets the gap reads as "l"
    # (a key's "4" on Tk's grey, next to white: 0.67 sure; on white: 1.0).
    ground = np.median(edge, axis=0).astype(np.float32)  # (3,)
    return np.clip(out.astype(np.float32) * (255.0 / np.maximum(ground, 1.0)), 0, 255).astype(np.uint8)


def strips(
    pictures: list[np.ndarray], indices: list[int] | None = None, layout: StripLayout = LAYOUT
) -> list[Strip]:
    """Pictures of one height (those of ``indices``; None: all) set side by side, ``layout.gap``
    apart, into strips up to ``layout.width`` wide (a wider picture on a strip of its own)."""
    height = pictures[0].shape[0]
    laid: list[Strip] = []
    current: list[int] = []
    gap = layout.gap
    width = gap
    chosen = range(len(pictures)) if indices is None else indices
    for i in sorted(chosen, key=lambda k: pictures[k].shape[1]):
        w = pictures[i].shape[1] + gap
        if current and width + w > layout.width:
            laid.append(_strip(pictures, current, height, gap))
            current, width = [], gap
        current.append(i)
        width += w
    if current:
        laid.append(_strip(pictures, current, height, gap))
    return laid


def _strip(pictures: list[np.ndarray], indices: list[int], height: int, gap: int) -> Strip:
    width = gap + sum(pictures[i].shape[1] + gap for i in indices)
    pixels = np.full((height, width, 3), 255, dtype=np.uint8)
    spans = []
    x = gap
    for i in indices:
        w = pictures[i].shape[1]
        pixels[:, x : x + w] = pictures[i]
        spans.append((x, x + w))
        x += w + gap
    return Strip(pixels, list(indices), spans)
