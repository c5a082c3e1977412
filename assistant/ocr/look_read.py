"""The second look's reading: the places and lines cut out of the picture, read by PP-OCR's
recogniser within a budget of pixels of line, and the words put back where they lie
(:mod:`assistant.ocr.second_look`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from assistant.ocr.boxes import Box, OcrLine, OcrWord, union_box
from assistant.ocr.ink import line_bands
from assistant.ocr.line_reader import GAP, LineReader

if TYPE_CHECKING:
    from assistant.ocr.second_look import SecondLookConfig


def line_cost(box: Box) -> int:
    """Pixels of line the recogniser reads for ``box``: its width at the height of 48, and a gap."""
    return round((box[2] - box[0]) * 48 / max(1, box[3] - box[1])) + GAP


def _crop(rgb: np.ndarray, box: Box, pad: int) -> tuple[np.ndarray, Box]:
    """``box`` grown by ``pad`` (within the picture) and its pixels."""
    h, w = rgb.shape[:2]
    x0, y0, x1, y1 = max(0, box[0] - pad), max(0, box[1] - pad), min(w, box[2] + pad), min(h, box[3] + pad)
    return rgb[y0:y1, x0:x1], (x0, y0, x1, y1)


def _accepted(text: str, score: float, cfg: SecondLookConfig) -> bool:
    letters = sum(ch.isalnum() for ch in text)
    return letters > 0 and score >= (cfg.min_score_single if letters == 1 else cfg.min_score)


def read_places(
    rgb: np.ndarray,
    gray: np.ndarray,
    places: list[Box],
    reader: LineReader,
    cfg: SecondLookConfig,
    lines: list[Box] | None = None,
    budget: tuple[int, list[Box]] | None = None,
) -> tuple[list[OcrLine], list[Box]]:
    """Each place cut into its lines, and ``lines`` (boxes of one line each) as they are, read in
    one go; the words put where they are, and the boxes that were read. ``budget``: the pixels of
    line to read, and the keypads whose lines are counted apart, against ``cfg.keypad_budget``
    (None: ``cfg.budget`` for all)."""
    h, reach = gray.shape[0], cfg.cell // 2  # more room above and below: ink cells miss a stem's end
    cuts = [
        (place[0] + cfg.margin, top, place[2] - cfg.margin, bottom)
        for place in places
        for top, bottom in line_bands(
            gray, (place[0], max(0, place[1] - reach), place[2], min(h, place[3] + reach)), cfg.step
        )
    ]
    most, keypads = budget or (cfg.budget, [])
    crops, boxes = [], []
    spent, keys = 0, 0
    for cut in [_crop(rgb, c, 3)[1] for c in cuts] + list(lines or []):
        crop = rgb[cut[1] : cut[3], cut[0] : cut[2]]
        if crop.shape[0] < 6 or crop.shape[1] < 4:
            continue
        if within(cut, keypads):
            if keys + line_cost(cut) > cfg.keypad_budget:
                continue
            keys += line_cost(cut)
        elif spent + line_cost(cut) > most:
            continue  # a shorter one further on may still fit
        else:
            spent += line_cost(cut)
        crops.append(np.ascontiguousarray(crop))
        boxes.append(cut)
    out: list[OcrLine] = []
    for read, (x0, y0, x1, y1) in zip(reader.read(crops), boxes, strict=True):
        span = x1 - x0
        words = [
            OcrWord(
                _latin_x(w.text.strip()),
                (x0 + round(w.start * span), y0, x0 + round(w.end * span), y1),
                w.confidence,
            )
            for w in read.words
            if _accepted(w.text, w.confidence, cfg)
        ]
        if words:
            text = " ".join(w.text for w in words)
            out.append(
                OcrLine(text, union_box([w.box for w in words]), min(w.confidence for w in words), words)
            )
    return out, boxes


def overlap_share(a: Box, b: Box) -> float:
    """How much of ``a``'s area ``b`` covers."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = max(1, (a[2] - a[0]) * (a[3] - a[1]))
    return max(0, w) * max(0, h) / area


def _latin_x(text: str) -> str:
    """The recogniser's "×" in a word ("1/×", "y^×", "×or" on calculator keys) is the letter x."""
    return text.replace("×", "x") if len(text) > 1 else text


def within(box: Box, areas: list[Box]) -> bool:
    """``box`` lies mostly (over half of it) in one of ``areas``."""
    return any(overlap_share(box, a) > 0.5 for a in areas)
