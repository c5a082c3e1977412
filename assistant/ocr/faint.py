"""Faint text: light grey on white, where tesseract's confidence is no guide to its words.

On a light Qt dialog (8 pt grey, datasets/screens half A) tesseract read "Would you like to" as
"Id you like to" at 0.90 to 0.96 and "Notes 2.10.1 is now" as "0.1 is now" at 0.86 to 0.90: sure
words, so the second look left them, and painted them out of the line it read around them
(:mod:`assistant.ocr.second_look`). Where a line's dark ink stands little below its light ground
(grey 190 on 239: some 50 levels, where black text stands 200 and more), its words are judged
again like unsure ones: the line is read by the recogniser as a whole, and its words replace the
first engine's. Reading them again is paid for on top of the second look's floor
(:mod:`assistant.ocr.look_budget`, :func:`faint_read`'s pixels): a light xmessage's two lines used up
the floor and the buttons below them were left unread. A screen of text whose budget is above
that sum keeps its budget as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.look_budget import text_pixels


@dataclass(frozen=True)
class FaintConfig:
    # Grey levels between a line's ground and its darkest ink below which it is faint. Black or
    # dark grey text stands 150 and more, the light notes of a Qt dialog 55 to 75; an inactive
    # window's title (dark grey on light grey, 85) is left alone: read again, "Writer" was split.
    contrast: float = 80.0
    min_height: int = 6  # pixels: a line's box at least this tall (smaller: a speck, a rule)
    light_ground: float = 160.0  # grey level: a lighter ground is a light one (dark text on it)


def contrast(gray: np.ndarray, box: Box, cfg: FaintConfig | None = None) -> float:
    """How far the darkest ink in ``box`` of ``gray`` stands below its ground (the median: text
    covers less than half of a line's box); 255 where the ground is not light or the ink is
    lighter than it. Light text on a darker ground is left to the reading it has: a title bar's
    white on blue stands only some 80 levels above its ground, and read again its title was no
    longer found ("Unsaved Letter"); a dark theme's muted notes lost words read again."""
    cfg = cfg or FaintConfig()
    x0, y0, x1, y1 = box
    part = gray[max(0, y0) : y1, max(0, x0) : x1].astype(np.float32)
    if part.size == 0:
        return 255.0
    ground = float(np.median(part))
    low, high = np.percentile(part, [1, 99])
    if ground < cfg.light_ground or high - ground > ground - low:
        return 255.0
    return ground - float(low)


def _faint(line: OcrLine, gray: np.ndarray, cfg: FaintConfig) -> bool:
    return bool(line.words) and line.height >= cfg.min_height and contrast(gray, line.box, cfg) < cfg.contrast


def doubted(
    lines: list[OcrLine], gray: np.ndarray, sure: float, cfg: FaintConfig | None = None
) -> list[OcrLine]:
    """``lines`` with the words of faint lines made unsure (just under ``sure``: kept where the
    second look reads nothing there, replaced where it reads)."""
    return faint_read(lines, gray, sure, cfg)[0]


def faint_read(
    lines: list[OcrLine], gray: np.ndarray, sure: float, cfg: FaintConfig | None = None
) -> tuple[list[OcrLine], int]:
    """:func:`doubted`'s lines, and the pixels of line (:func:`assistant.ocr.look_budget.text_pixels`)
    of the faint ones among ``lines``: what reading them again costs, on top of the second look's
    floor. One pass: each line's contrast (a percentile over its box, some 10 ms a screen in all)
    judged once, not once for each."""
    cfg = cfg or FaintConfig()
    out, faint = [], []
    for line in lines:
        if not _faint(line, gray, cfg):
            out.append(line)
            continue
        faint.append(line)
        words = [OcrWord(w.text, w.box, min(w.confidence, sure - 0.01)) for w in line.words]
        out.append(OcrLine.of(words))
    return out, text_pixels(faint)
