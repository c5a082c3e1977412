"""Lone figures the recogniser was unsure of, taken where tesseract, reading each alone, reads
the same.

A lone character gives the recogniser no word to go by: it reads a calculator's display "0" as
"0" but splits its belief among "0", "O" and "o" (0.49 to 0.95, on another strip another score),
and so the second look wants near certainty of a lone character (icons and window corners are
read as "1", "x" or "I" as often as real characters are). Two engines that go wrong in different
ways seldom agree on an icon: tesseract reads nothing on a calculator's title-bar icon that the
recogniser read "1". Where the recogniser found a lone
figure (:func:`assistant.ocr.look_read.read_places` hands them over), the ink there is read by
tesseract alone (all such places on one sheet: one engine call), and the figure is taken where
both read it alike and tesseract is sure of it. Letters are left out: a title bar's close
button is an "x" to both engines.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.ocr.base import OcrEngine
from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.gap_reading import SNIPPET_HEIGHT, read_snippets
from assistant.ocr.ink import off_ground

# A lone upright stroke: a "1" alone is as like a bracket, a bar or a rule's end as a one, and no
# engine tells them apart without a word round it (nano's "[ Read 12 lines ]": its "]" read "1"
# by both).
STROKES = frozenset("1")


@dataclass(frozen=True)
class VouchConfig:
    # The recogniser's reading at least this sure to be checked (below, it is guessing: no
    # engine call is spent on it).
    least: float = 0.4
    sure: float = 0.7  # tesseract's reading of the character alone at least this sure
    most: int = 12  # characters checked per picture at most (an icon-strewn screen costs no more)
    contrast: int = 48  # grey levels off the ground: the figure's ink (its box is cut to it)


def vouched(
    engine: OcrEngine, gray: np.ndarray, words: list[OcrWord], cfg: VouchConfig | None = None
) -> list[OcrLine]:
    """Lines of one word each: those of ``words`` (lone figures the recogniser read unsurely, at
    their places in ``gray``) that ``engine`` reads the same on a sheet of their snippets, at its
    own confidence (:func:`assistant.ocr.gap_reading.read_snippets`, enlarged as a lone digit must be)."""
    cfg = cfg or VouchConfig()
    doubtful = sorted(
        (w for w in words if w.confidence >= cfg.least and w.text not in STROKES), key=lambda w: -w.confidence
    )
    doubtful = [w for w in doubtful if w.box[2] > w.box[0] and w.box[3] > w.box[1]][: cfg.most]
    if not doubtful:
        return []
    h, w = gray.shape
    boxes = [
        (max(0, b[0] - 1), max(0, b[1] - 1), min(w, b[2] + 1), min(h, b[3] + 1))
        for b in (d.box for d in doubtful)
    ]
    read: dict[int, list[OcrWord]] = {}
    for i, line, _ in read_snippets(engine, gray, boxes, height=SNIPPET_HEIGHT):
        read.setdefault(i, []).extend(line.words or [OcrWord(line.text, line.box, line.confidence)])
    out = []
    for i, word in enumerate(doubtful):
        again = read.get(i, [])
        if len(again) == 1 and again[0].text.strip() == word.text and again[0].confidence >= cfg.sure:
            taken = OcrWord(word.text, _to_ink(gray, word.box, cfg), again[0].confidence)
            out.append(OcrLine.of([taken]))
    return out


def _to_ink(gray: np.ndarray, box: Box, cfg: VouchConfig) -> Box:
    """``box`` narrowed to the columns that hold its ink: the recogniser places a character by its
    reading's share of the cut, loosely (a table cell's "0" boxed 26 pixels wide took in its
    column's edge, and the table's columns were told otherwise)."""
    x0, y0, x1, y1 = box
    part = gray[y0:y1, x0:x1].astype(np.int16)
    if part.shape[0] < 2 or part.shape[1] < 2:
        return box
    cols = np.flatnonzero((off_ground(part) > cfg.contrast).any(axis=0))
    if cols.size == 0:
        return box
    return (x0 + int(cols[0]), y0, x0 + int(cols[-1]) + 1, y1)
