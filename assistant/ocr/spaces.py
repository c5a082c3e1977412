"""Spaces the engines ran over: a word whose ink has a gap as wide as a space where digits meet
letters is two words.

Tesseract reads a dial pad's "2 ABC" as "2ABC" (0.91 sure), and PP-OCR's recogniser drops the
space in a table's "1.1 GB" ("1.1GB", 1.0 sure): a listener hears neither the key's digit nor
the unit. Between the letters of one word the ink stands a pixel or two apart (a terminal's
"468G", "5d", "1.8T": 1 to 2 pixels at a height of 12); a space leaves 5 or more. Only where a
digit meets a letter is a word split, so that a proportional font's wide "r v" or "1 1" never
cuts a word in the middle.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from assistant.ocr.boxes import OcrLine, OcrWord, union_box


@dataclass(frozen=True)
class SpaceConfig:
    contrast: int = 48  # grey levels from the ground: ink
    least: float = 0.3  # a space is at least this share of the ink's height ...
    over_others: float = 2.0  # ... and this many times the word's other gaps (median)
    reach: float = 1.5  # characters (the word's mean width) from where the split is expected


def _kind(ch: str) -> str:
    return "digit" if ch.isdigit() else "letter" if ch.isalpha() else "mark"


def _splits(text: str) -> list[int]:
    """Where in ``text`` a digit meets a letter (indices of the second)."""
    kinds = [_kind(ch) for ch in text]
    return [k for k in range(1, len(text)) if {kinds[k - 1], kinds[k]} == {"digit", "letter"}]


def _empty_runs(cols: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of the runs of False in ``cols`` between its first and last True."""
    ink = np.flatnonzero(cols)
    runs = []
    for a, b in pairwise(ink):
        if b - a > 1:
            runs.append((int(a) + 1, int(b)))
    return runs


def split_word(word: OcrWord, gray: np.ndarray, cfg: SpaceConfig | None = None) -> list[OcrWord]:
    """``word`` cut at the spaces its ink shows where a digit meets a letter; [word] when none."""
    cfg = cfg or SpaceConfig()
    cuts = _splits(word.text)
    x0, y0, x1, y1 = word.box
    part = gray[max(0, y0) : y1, max(0, x0) : x1].astype(np.int16)
    if not cuts or part.shape[0] < 4 or part.shape[1] < 4:
        return [word]
    edge = np.concatenate([part[0], part[-1], part[:, 0], part[:, -1]])
    ink = np.abs(part - np.median(edge)) > cfg.contrast  # (h, w)
    rows, cols = np.flatnonzero(ink.any(axis=1)), ink.any(axis=0)
    runs = _empty_runs(cols)
    if rows.size == 0 or not runs:
        return [word]
    first, last = np.flatnonzero(cols)[[0, -1]]
    per_char = (last + 1 - first) / len(word.text)
    widths = [b - a for a, b in runs]
    least = max(cfg.least * (rows[-1] + 1 - rows[0]), cfg.over_others * float(np.median(widths)))
    pieces: list[OcrWord] = []
    start_k, start_x = 0, max(0, x0)
    for k in cuts:
        expected = first + per_char * k
        near = [(abs((a + b) / 2 - expected), a, b) for a, b in runs if b - a >= least]
        near = [n for n in near if n[0] <= cfg.reach * per_char]
        if not near:
            continue
        _, a, b = min(near)
        pieces.append(OcrWord(word.text[start_k:k], (start_x, y0, max(0, x0) + a, y1), word.confidence))
        start_k, start_x = k, max(0, x0) + b
    if not pieces:
        return [word]
    pieces.append(OcrWord(word.text[start_k:], (start_x, y0, x1, y1), word.confidence))
    return [p for p in pieces if p.text.strip()]


def split_lines(lines: list[OcrLine], gray: np.ndarray, cfg: SpaceConfig | None = None) -> list[OcrLine]:
    """``lines`` with every word cut at the spaces :func:`split_word` finds (lines without such a
    word are handed back as they are)."""
    out = []
    for line in lines:
        words = [piece for w in line.words for piece in split_word(w, gray, cfg)]
        if len(words) == len(line.words):
            out.append(line)
        else:
            text = " ".join(w.text for w in words)
            out.append(OcrLine(text, union_box([w.box for w in words]), line.confidence, words))
    return out
