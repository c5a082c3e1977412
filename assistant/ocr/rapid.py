"""The "rapidocr" text reader: PP-OCR detection + recognition run directly through onnxruntime.

It reads scene text in photos as well as screen text, needs no system package, and is the fallback
whenever tesseract is missing. It runs the models RapidOCR ships, with RapidOCR's pre- and
post-processing redone in numpy (:mod:`assistant.ocr.ppocr_detect`, :mod:`assistant.ocr.ppocr_recognize`),
so the installed app needs neither RapidOCR nor OpenCV (issue #19); the model files come from the
wheel or from an installed RapidOCR (:mod:`assistant.ocr.ppocr_models`). The text direction
classifier is not used: screens are upright and it costs time on every line.
"""

from __future__ import annotations

import importlib.util
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
from PIL import Image

from assistant.errors import AssistantError
from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import Box, OcrLine, OcrWord, scale_box
from assistant.ocr.ppocr_detect import DetectConfig, crop_line, detector_input, resize_linear, text_boxes
from assistant.ocr.ppocr_models import find_model_files, require_model_files
from assistant.ocr.ppocr_recognize import (
    RECOGNIZER_THREADS,
    LineText,
    RecognizeConfig,
    characters_of,
    recognize_lines,
)
from assistant.onnx_sessions import runs_at_once

PAD = 16  # a margin of background colour: the detector splits lines that touch the image edge
MAX_SIDE = 2000  # RapidOCR's max_side_len: larger pictures are brought down to this first
MIN_SIDE = 30  # ... and smaller ones up to this
WIDE = 8  # a picture wider than WIDE x its height (or lower than MIN_HEIGHT) is padded above and below
MIN_HEIGHT = 30


def rapidocr_available() -> bool:
    """True when onnxruntime and the PP-OCR model files are there (nothing is imported: onnxruntime
    is loaded later, through assistant.privacy, with telemetry off)."""
    if importlib.util.find_spec("onnxruntime") is None:
        return False
    return find_model_files() is not None


def _quad_box(quad: np.ndarray) -> Box:
    return (
        int(quad[:, 0].min()),
        int(quad[:, 1].min()),
        int(np.ceil(quad[:, 0].max())),
        int(np.ceil(quad[:, 1].max())),
    )


def _within_bounds(img: np.ndarray) -> tuple[np.ndarray, float, float]:
    """The picture brought within MIN_SIDE..MAX_SIDE (sides multiples of 32 when resized, as RapidOCR),
    and the factors that map its coordinates back."""
    ratio_h = ratio_w = 1.0
    for limit in (MAX_SIDE, MIN_SIDE):
        h, w = img.shape[:2]
        if (limit == MAX_SIDE and max(h, w) <= MAX_SIDE) or (limit == MIN_SIDE and min(h, w) >= MIN_SIDE):
            continue
        side = max(h, w) if limit == MAX_SIDE else min(h, w)
        rh = round(int(h * limit / side) / 32) * 32
        rw = round(int(w * limit / side) / 32) * 32
        if rh <= 0 or rw <= 0:
            raise AssistantError("The picture is too small to read text in.")
        img = resize_linear(img, rw, rh)
        ratio_h, ratio_w = h / rh, w / rw
    return img, ratio_h, ratio_w


def _letterbox(img: np.ndarray) -> tuple[np.ndarray, int]:
    """A very wide or very low picture padded with black above and below (RapidOCR's vertical
    padding: the detector misses text in thin strips); returns the padding's height."""
    h, w = img.shape[:2]
    if h > MIN_HEIGHT and w / h <= WIDE:
        return img, 0
    pad = int(abs(max(int(w / WIDE), MIN_HEIGHT) * 2 - h) / 2)
    return np.pad(img, ((pad, pad), (0, 0), (0, 0))), pad


class RapidOcrEngine(OcrEngine):
    """``max_side``: images larger than this are downscaled before OCR (None: never); ``min_score``:
    lines read with a lower mean character probability are dropped; ``threads``: onnxruntime's for
    the detector (None: the cores this process may use). The recogniser runs lines side by
    side where the cores hold more than one run (ppocr_recognize.RECOGNIZER_THREADS a run; its
    session is the one the screen reader's second look holds)."""

    name = "rapidocr"

    def __init__(
        self, max_side: int | None = None, min_score: float = 0.5, threads: int | None = None
    ) -> None:
        self.files = require_model_files()
        self.max_side = max_side
        self.min_score = min_score
        self.threads = threads
        self.detect_cfg = DetectConfig()
        self.recognize_cfg = RecognizeConfig()
        self._sessions: tuple[Any, Any] | None = None
        self._run_options: Any = None
        self._characters: list[str] = []
        self._lock = threading.Lock()

    def _load(self) -> tuple[Any, Any]:
        if self._sessions is None:
            from assistant.onnx_sessions import SessionSettings, run_options, shared_session

            settings = SessionSettings(threads=self.threads, arena_per_run=True)
            lines = SessionSettings(threads=RECOGNIZER_THREADS, arena_per_run=True)  # as LineReader's
            try:
                # Shared: another reader of the same model file in this process holds it once.
                det = shared_session(self.files.detector, settings)
                rec = shared_session(self.files.recognizer, lines)
                characters = characters_of(rec)
            except Exception as exc:  # a damaged or foreign model file
                raise AssistantError("The RapidOCR text reader could not be loaded.") from exc
            self._characters = characters
            self._sessions = (det, rec)
            self._run_options = run_options(settings)
        return self._sessions

    def release(self) -> bool:
        """Let go of the model sessions (they reopen on the next read, ~0.25 s): an app that waits holds
        ~35 MB less (issue #19). Whether any were held."""
        with self._lock:
            held, self._sessions = self._sessions is not None, None
            self._characters = []  # ~18 k strings (issue #19): read again with the session
        return held

    def _read(self, arr: np.ndarray) -> list[tuple[np.ndarray, LineText]]:
        """(H, W, 3) uint8 -> each line's box (4 corners, this array's pixels) and text."""
        det, rec = self._load()
        img, ratio_h, ratio_w = _within_bounds(arr)
        img, top = _letterbox(img)
        x = detector_input(img, self.detect_cfg)
        if x is None:
            return []
        pred = det.run(None, {det.get_inputs()[0].name: x}, self._run_options)[0]  # (1, 1, H', W')
        boxes, _ = text_boxes(pred, img.shape[1], img.shape[0], self.detect_cfg)
        if not len(boxes):
            return []
        crops = [crop_line(img, box) for box in boxes]
        rec_input = rec.get_inputs()[0].name
        workers = min(runs_at_once(RECOGNIZER_THREADS), len(crops))  # its session's threads a run
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="lines") as pool:
            texts = recognize_lines(
                crops,
                lambda batch: rec.run(None, {rec_input: batch}, self._run_options)[0],
                self._characters,
                self.recognize_cfg,
                pool.map if workers > 1 else map,
            )
        boxes = boxes.astype(np.float64)
        boxes[:, :, 1] -= top
        boxes[:, :, 0] *= ratio_w
        boxes[:, :, 1] *= ratio_h
        boxes[:, :, 0] = np.clip(boxes[:, :, 0], 0, arr.shape[1])
        boxes[:, :, 1] = np.clip(boxes[:, :, 1], 0, arr.shape[0])
        return [(box, text) for box, text in zip(boxes, texts, strict=True)]

    def recognize(self, image: Image.Image) -> OcrResult:
        start = time.perf_counter()
        with self._lock:
            rgb = image.convert("RGB")
            factor = 1.0
            if self.max_side and max(rgb.size) > self.max_side:
                factor = max(rgb.size) / self.max_side
                size = (round(rgb.width / factor), round(rgb.height / factor))
                rgb = rgb.resize(size, Image.Resampling.LANCZOS)
            arr = np.asarray(rgb)
            edge = np.median(np.concatenate([arr[0], arr[-1], arr[:, 0], arr[:, -1]]), axis=0)
            padded = np.empty((arr.shape[0] + 2 * PAD, arr.shape[1] + 2 * PAD, 3), dtype=np.uint8)
            padded[:] = edge.astype(np.uint8)
            padded[PAD:-PAD, PAD:-PAD] = arr
            found = self._read(padded)
        inside = np.array([arr.shape[1], arr.shape[0]], dtype=np.float64)  # the padding cut off again
        lines = [self._line(np.clip(quad - PAD, 0, inside), text, factor) for quad, text in found]
        kept = [line for line in lines if line is not None]
        elapsed = (time.perf_counter() - start) * 1000
        return OcrResult(lines=kept, engine=self.name, elapsed_ms=elapsed, image_size=image.size)

    def _line(self, quad: np.ndarray, read: LineText, factor: float) -> OcrLine | None:
        """One OcrLine in the caller's pixels; None when empty or below ``min_score``."""
        text = read.text.strip()
        if not text or read.confidence < self.min_score:
            return None
        words = []
        for word in read.words:
            # The word's share of the line, on the box's top and bottom edges.
            pts = np.array(
                [
                    quad[0] + word.start * (quad[1] - quad[0]),
                    quad[0] + word.end * (quad[1] - quad[0]),
                    quad[3] + word.start * (quad[2] - quad[3]),
                    quad[3] + word.end * (quad[2] - quad[3]),
                ]
            )
            if word.text.strip():
                words.append(OcrWord(word.text.strip(), scale_box(_quad_box(pts), factor), word.confidence))
        return OcrLine(text, scale_box(_quad_box(quad), factor), read.confidence, words)
