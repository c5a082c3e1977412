"""PP-OCR text recognition around the ONNX model: line pictures in, text and word spans out.

Each line picture is resized to the recogniser's height (48 px) keeping its shape, lines are run in
batches of similar width (padded to the widest), and the per-column character scores are decoded
greedily (CTC: best class per column, repeats merged, blanks dropped). The character list is the
one stored in the model file; class 0 is the blank and the last class a space, as RapidOCR adds
them. Word spans (which columns each word came from) place the words inside the line's box, as
RapidOCR's word boxes do. Constants are RapidOCR's (its config.yaml, Rec).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.ocr.ppocr_detect import resize_linear

# onnxruntime threads per recogniser run, for every reader of the model (LineReader, RapidOcrEngine:
# the same settings, so one session serves both). One: split between two threads, a lone strip's
# run holds both cores, but each run costs more CPU (its steps wait on each other, most on a busy
# machine) and on the file path it waits beside tesseract's stripes, which use the other core; side
# by side on half A the two gave no wall-time gain (OCR time against raw tesseract's, per screen and
# as a ratio of medians, no better and in most runs worse), for the same outputs bit for bit.
# Strips of a picture run side by side where the cores hold more than one run's threads
# (onnx_sessions.runs_at_once).
RECOGNIZER_THREADS = 1


@dataclass(frozen=True)
class RecognizeConfig:
    height: int = 48  # the recogniser's input height
    min_width: int = 320  # a batch is at least this wide (RapidOCR's rec_img_shape)
    # Lines run together (sorted by width, so that little padding is run). One at a time: on a
    # CPU the recogniser's cost per column grows with the batch (its activations outgrow the
    # caches), so RapidOCR's batch of 6 cost about a fifth more than six runs of one
    # (benchmarks/ocr_backends.py), for the same readings.
    batch: int = 1
    word_gap: int = 5  # columns between two characters that start a new word even without a space
    # In a line that holds a CJK character every character is boxed alone, as RapidOCR's word boxes
    # are (a line of Chinese has no spaces). False: words as in any line (a strip of several
    # pictures, where one icon read as CJK must not split the others' words into letters).
    cjk_alone: bool = True


@dataclass
class Word:
    text: str
    start: float  # 0..1 of the line picture's width
    end: float
    confidence: float


@dataclass
class LineText:
    text: str
    confidence: float  # mean of its characters' probabilities (0 when empty)
    words: list[Word] = field(default_factory=list)


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def batch_input(crops: list[np.ndarray], cfg: RecognizeConfig) -> tuple[np.ndarray, float]:
    """Line pictures -> (N, 3, height, W) float32 in -1..1, each left-aligned and zero-padded to the
    widest; and the batch's width / height ratio."""
    ratio = max([cfg.min_width / cfg.height] + [c.shape[1] / c.shape[0] for c in crops])
    width = int(cfg.height * ratio)
    batch = np.zeros((len(crops), 3, cfg.height, width), dtype=np.float32)
    for i, crop in enumerate(crops):
        w = min(width, math.ceil(cfg.height * crop.shape[1] / crop.shape[0]))
        resized = resize_linear(crop, w, cfg.height).astype(np.float32)  # (height, w, 3)
        batch[i, :, :, :w] = (resized.transpose(2, 0, 1) / 255 - 0.5) / 0.5
    return batch, ratio


def characters_of(session: Any) -> list[str]:
    """The recogniser ``session``'s alphabet, indexed as its outputs are: the characters its model
    file lists, after CTC's blank and before a space (as RapidOCR reads them)."""
    listed = session.get_modelmeta().custom_metadata_map["character"].splitlines()
    return ["blank", *listed, " "]


def decode(
    scores: np.ndarray, characters: list[str], fill: list[float], cfg: RecognizeConfig
) -> list[LineText]:
    """(N, T, C) class scores -> each line's text; ``fill``: the share of the T columns that show the
    line (the rest is padding), so that word spans are fractions of the line itself."""
    best = scores.argmax(axis=2)  # (N, T)
    prob = scores.max(axis=2)
    out = []
    for n in range(best.shape[0]):
        idx = best[n]
        keep = np.ones(len(idx), dtype=bool)
        keep[1:] = idx[1:] != idx[:-1]
        keep &= idx != 0
        cols = np.flatnonzero(keep)
        chars = [characters[i] for i in idx[cols]]
        confs = [round(float(c), 5) for c in prob[n][cols]]
        text = "".join(chars)
        mean = float(np.mean(confs)) if confs else 0.0
        span = max(fill[n] * len(idx), 1e-6)
        out.append(LineText(text, round(mean, 5), _words(chars, cols, confs, span, cfg)))
    return out


def _words(
    chars: list[str], cols: np.ndarray, confs: list[float], span: float, cfg: RecognizeConfig
) -> list[Word]:
    """Characters grouped into words (a space, a switch between CJK and other script, or a gap of
    more than ``word_gap`` columns ends one) placed by their columns, as RapidOCR's word boxes."""
    groups: list[list[int]] = [[]]
    for i, char in enumerate(chars):
        if char.isspace():
            groups.append([])
            continue
        current = groups[-1]
        if current and (_is_cjk(char) != _is_cjk(chars[current[-1]]) or cols[i] - cols[i - 1] > cfg.word_gap):
            current = []
            groups.append(current)
        current.append(i)
    groups = [g for g in groups if g]
    if not groups:
        return []
    widths = [(cols[g[-1]] - cols[g[0]]) / (len(g) - 1) for g in groups if len(g) > 1]
    if cfg.cjk_alone and any(_is_cjk(chars[g[0]]) for g in groups):  # one box per character, as RapidOCR
        groups = [[i] for g in groups for i in g]
    char_w = float(np.mean(widths)) if widths else span / max(len(chars), 1)
    words = []
    for g in groups:
        start = max((cols[g[0]] + 0.5) - char_w / 2, 0.0)
        end = min((cols[g[-1]] + 0.5) + char_w / 2, span)
        text = "".join(chars[i] for i in g)
        words.append(Word(text, start / span, end / span, float(np.mean([confs[i] for i in g]))))
    for a, b in itertools.pairwise(words):  # overlapping neighbours meet half-way
        if a.end > b.start:
            mid = (a.end + b.start) / 2
            a.end, b.start = mid, mid
    return words


def recognize_lines(
    crops: list[np.ndarray],
    run: Callable[[np.ndarray], np.ndarray],
    characters: list[str],
    cfg: RecognizeConfig,
    runs: Callable[..., Iterable[tuple[np.ndarray, float]]] = map,
) -> list[LineText]:
    """Every line picture's text, in the order given; ``run`` runs the model on one batch, and
    ``runs`` maps a batch's own work over the batches (``map``: one after another; a thread pool's
    ``map``: several at once, where ``run`` leaves the GIL). Each batch is read on its own, so the
    readings are the same however they are run. The widest batches are started first: a run's
    cost grows with its width, and side by side the last one started is what the others wait
    for (three strips on two cores: the narrow one after the first to finish, not a full one
    after two)."""
    results: list[LineText | None] = [None] * len(crops)
    order = np.argsort([c.shape[1] / c.shape[0] for c in crops], kind="stable")
    chunks = [[int(i) for i in order[start : start + cfg.batch]] for start in range(0, len(crops), cfg.batch)]
    chunks.reverse()

    def scored(chunk: list[int]) -> tuple[np.ndarray, float]:
        batch, ratio = batch_input([crops[i] for i in chunk], cfg)
        return run(batch), ratio  # (n, T, C)

    for chunk, (scores, ratio) in zip(chunks, runs(scored, chunks), strict=True):
        fill = [crops[i].shape[1] / crops[i].shape[0] / ratio for i in chunk]
        for i, line in zip(chunk, decode(scores, characters, fill, cfg), strict=True):
            results[i] = line
    return [r if r is not None else LineText("", 0.0) for r in results]
