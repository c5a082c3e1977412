"""Words that run across a table's gutter: cells an engine read as one word.

An engine may read a row's cells as one word when it loses the spaces between them: a Qt table's
selected row, white on blue, came back "T-3124AHeating" for "T-312", "4A" and "Heating", and the
row's cells were then one cell, out of their columns. The other rows show where the table's
gutters are (:func:`~assistant.ocr.grid.find_grids`); a word that runs across one with no ink
there for a word space or more holds two cells. Where its characters part cannot be told from
its ink (glyphs touch, and a proportional font's figures are narrower than its letters: the
ink's share put "T-312" at four characters), so the pieces are read again
(:func:`~assistant.ocr.gap_reading.fill_gaps`) and taken when their readings make the word.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import numpy as np

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.grid import Grid, GridConfig, column_ranges, find_grids
from assistant.ocr.rule_cuts import ink_of, ink_width

#: Empty columns of pixels, in the word's height, that make a space between two cells (a word
#: space is about a third of the height; letters stand a pixel or two apart).
SPACE = 0.5


def pieces(gray: np.ndarray, word: OcrWord, gutters: list[tuple[int, int]], tall: float) -> list[Box]:
    """The boxes of ``word``'s pieces either side of each of ``gutters`` (x-ranges where the other
    rows have no word) that it runs across with no ink over :data:`SPACE` of the words' usual
    height ``tall`` or more (not its own: the word was boxed loosely, twice its text's height), ink
    on both sides; [] when there is no such gutter."""
    x0, y0, x1, y1 = word.box
    if len(word.text) < 2 or y1 <= y0:
        return []
    ink = ink_of(gray[y0:y1, x0:x1])  # (h, w)
    empty = np.asarray(~ink.any(axis=0), dtype=bool)
    space = max(3, round(SPACE * tall))
    cuts = []
    for a, b in gutters:
        if not (x0 < a and b < x1):
            continue
        if not any(e - s >= space for s, e in true_runs(empty[a - x0 : b - x0])):
            continue
        if ink_width(ink[:, : a - x0]) and ink_width(ink[:, b - x0 :]):
            cuts.append((a, b))
    if not cuts:
        return []
    edges = [x0, *[v for cut in cuts for v in cut], x1]
    return [(left, y0, right, y1) for left, right in zip(edges[::2], edges[1::2], strict=True)]


def across_gutters(
    gray: np.ndarray,
    lines: list[OcrLine],
    grids: Callable[[list[OcrLine]], tuple[list[Grid], list[OcrLine]]] = find_grids,
) -> dict[int, tuple[OcrWord, list[Box]]]:
    """The words of ``lines`` in a table's rows that run across its gutters, by their ids, each with
    its pieces' boxes (:func:`pieces`). A terminal's fixed-width grid is not looked at (its columns
    are its characters'). ``grids``: how the grids of ``lines`` are found (the gaps stage's, found
    once for all its steps: :class:`~assistant.ocr.gaps.GridsOnce`)."""
    cfg = GridConfig()
    found: dict[int, tuple[OcrWord, list[Box]]] = {}
    for grid in grids(lines)[0]:
        if grid.kind != "table":
            continue
        columns = column_ranges(grid.rows, cfg)
        gutters = [(a[1], b[0]) for a, b in pairwise(columns)]
        words = [w for row in grid.rows for cell in row.cells for w in cell.words]
        tall = float(np.median([w.box[3] - w.box[1] for w in words]))
        for word in words:
            boxes = pieces(gray, word, gutters, tall)
            if boxes:
                found[id(word)] = (word, boxes)
    return found


def cut_words(lines: list[OcrLine], cut: dict[int, list[OcrWord]]) -> list[OcrLine]:
    """``lines`` with each word whose id is in ``cut`` put as the words it holds."""
    if not cut:
        return lines
    out = []
    for line in lines:
        if any(id(w) in cut for w in line.words):
            line = OcrLine.of([p for w in line.words for p in cut.get(id(w), [w])], line.confidence)
        out.append(line)
    return out
