"""RapidOCR backend: PP-OCR detection + recognition through onnxruntime, models inside the wheel.

It reads scene text in photos as well as screen text, needs no system package, and is the
fallback whenever tesseract is missing. The text direction classifier is off: screens are upright
and it costs time on every line.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import numpy as np
from PIL import Image

from assistant.errors import AssistantError
from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import Box, OcrLine, OcrWord, scale_box


def _quad_to_box(quad: Any) -> Box:
    pts = np.asarray(quad, dtype=float).reshape(-1, 2)
    return (
        int(pts[:, 0].min()),
        int(pts[:, 1].min()),
        int(np.ceil(pts[:, 0].max())),
        int(np.ceil(pts[:, 1].max())),
    )


def _shift(box: Box, d: int) -> Box:
    return (max(0, box[0] + d), max(0, box[1] + d), max(0, box[2] + d), max(0, box[3] + d))


def rapidocr_available() -> bool:
    from assistant.privacy import import_onnxruntime

    try:
        import_onnxruntime()  # telemetry off before it loads
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return True


class RapidOcrEngine(OcrEngine):
    """``max_side``: images larger than this are downscaled before OCR (None: never)."""

    name = "rapidocr"

    def __init__(
        self, max_side: int | None = None, min_score: float = 0.5, threads: int | None = None
    ) -> None:
        if not rapidocr_available():
            raise AssistantError("RapidOCR is not installed, so text cannot be read.")
        self.max_side = max_side
        self.min_score = min_score
        self.threads = threads
        self._engine: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._engine is None:
            from rapidocr import RapidOCR

            logging.getLogger("RapidOCR").setLevel(logging.ERROR)
            params: dict[str, Any] = {
                "Global.log_level": "error",
                "Global.use_cls": False,
                "Global.text_score": self.min_score,
            }
            if self.threads:
                params["EngineConfig.onnxruntime.intra_op_num_threads"] = self.threads
            try:
                self._engine = RapidOCR(params=params)
            except Exception as exc:  # broken wheel, missing model file
                raise AssistantError("The RapidOCR text reader could not be loaded.") from exc
        return self._engine

    def recognize(self, image: Image.Image) -> OcrResult:
        start = time.perf_counter()
        with self._lock:
            engine = self._load()
            rgb = image.convert("RGB")
            factor = 1.0
            if self.max_side and max(rgb.size) > self.max_side:
                factor = max(rgb.size) / self.max_side
                rgb = rgb.resize(
                    (round(rgb.width / factor), round(rgb.height / factor)), Image.Resampling.LANCZOS
                )
            # A margin of background colour: the detector splits lines that touch the image edge.
            pad = 16
            arr = np.asarray(rgb)
            edge = np.median(np.concatenate([arr[0], arr[-1], arr[:, 0], arr[:, -1]]), axis=0)
            padded = np.empty((arr.shape[0] + 2 * pad, arr.shape[1] + 2 * pad, 3), dtype=np.uint8)
            padded[:] = edge.astype(np.uint8)
            padded[pad:-pad, pad:-pad] = arr
            output = engine(padded, return_word_box=True)
        lines: list[OcrLine] = []
        txts = output.txts or ()
        boxes = output.boxes if output.boxes is not None else ()
        scores = output.scores or ()
        word_results = getattr(output, "word_results", None) or ()
        for i, (text, quad, score) in enumerate(zip(txts, boxes, scores, strict=False)):
            text = str(text).strip()
            if not text:
                continue
            words = []
            if i < len(word_results):
                for item in word_results[i]:
                    w_text, w_score, w_quad = item[0], item[1], item[2]
                    if str(w_text).strip():
                        w_box = scale_box(_shift(_quad_to_box(w_quad), -pad), factor)
                        words.append(OcrWord(str(w_text).strip(), w_box, float(w_score)))
            box = scale_box(_shift(_quad_to_box(quad), -pad), factor)
            lines.append(OcrLine(text, box, float(score), words))
        elapsed = (time.perf_counter() - start) * 1000
        return OcrResult(lines=lines, engine=self.name, elapsed_ms=elapsed, image_size=image.size)
