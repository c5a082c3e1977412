"""Cells left unread between the words of a fixed-width row, read as the screen's own glyphs.

Tesseract's page layout drops lone figures in a listing's columns: the PIDs and "0.0" columns of
``ps aux``, the day of the month in ``ls -l`` (half A: a DejaVu Sans Mono ``ps`` lost its PID,
%CPU, %MEM, STAT and START columns). On a character grid whose glyphs the vote has grouped
(:mod:`assistant.ocr.glyph_vote`), every other cell of the row is the same few glyphs the screen
shows, read right, elsewhere: so a cell of ink between two words read is the glyph whose ink it
matches (within the vote's own ``same`` tolerance) when that glyph's reading is clear. A run of such
cells between bare cells is a word; a cell of ink that matches no glyph (or two) stops the search
on that stretch, so nothing is guessed. Core bitmap fonts are read from the font files instead
(:mod:`assistant.ocr.bitmap_fonts`).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import numpy as np

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.cell_grid import GridWord

FOUND = 0.85  # the confidence of a word found so: each cell matched a glyph of clear reading
CLEAR = 0.8  # a glyph's reading is clear when this share of its cells (two places or more) read it


def glyph_readings(
    frames: np.ndarray, glyph: np.ndarray, readings: list[str]
) -> tuple[np.ndarray, list[str | None]]:
    """Each glyph's mean frame ``(glyphs, features)`` and its clear reading (None where unclear)."""
    count = int(glyph.max()) + 1 if glyph.size else 0
    means = np.zeros((count, frames.shape[1]), np.float32)
    np.add.at(means, glyph, frames)
    sizes = np.bincount(glyph, minlength=count).astype(np.float32)
    means /= np.maximum(sizes, 1)[:, None]
    tallies: list[Counter[str]] = [Counter() for _ in range(count)]
    for g, r in zip(glyph.tolist(), readings, strict=True):
        tallies[g][r] += 1
    clear: list[str | None] = []
    for tally in tallies:
        best = tally.most_common(1)
        clear.append(
            best[0][0] if best and best[0][1] >= 2 and best[0][1] >= CLEAR * sum(tally.values()) else None
        )
    return means, clear


def _match(cell: np.ndarray, means: np.ndarray, clear: list[str | None], same: float) -> str | None:
    """The reading of the one glyph ``cell`` (a frame, flat) is; None for none, two, or an unclear one."""
    sq_cell = float((cell * cell).sum())
    sq = (means * means).sum(axis=1)
    dist = sq_cell + sq - 2 * means @ cell
    near = np.flatnonzero(dist < same * (sq_cell + sq))
    if len(near) != 1:
        return None
    return clear[int(near[0])]


def unread_words(
    rows: list[tuple[GridWord, int, int]],
    pitch: int,
    gray: np.ndarray,
    glyphs: tuple[np.ndarray, list[str | None]],
    shape: tuple[int, int],
    taken: list[Box],
    same: float,
) -> list[OcrLine]:
    """Words found between the words read on each row of a grid (``rows``: a word, its first
    cell's x, its baseline), clear of the boxes ``taken``; ``glyphs``: the grid's glyph frames and
    readings (:func:`glyph_readings`); ``shape``: rows of a frame above and below the baseline."""
    means, clear = glyphs
    above, below = shape
    by_row: dict[int, list[tuple[GridWord, int]]] = {}
    for word, start, base in rows:
        key = next((b for b in by_row if abs(b - base) <= 1), base)
        by_row.setdefault(key, []).append((word, start))
    # The grid's left edge: a row whose first word the vote did not take (an ``ls -l`` mode read
    # "·rwxr-xr-x", or nothing read at all) has its first cells between that edge and its first word.
    left = min(start for _, start, _ in rows) if rows else 0
    out = []
    for base, words in by_row.items():
        words.sort(key=lambda ws: ws[1])
        top, bottom = min(w.box[1] for w, _ in words), max(w.box[3] for w, _ in words)
        near = [b for b in taken if min(bottom, b[3]) - max(top, b[1]) > 0]
        edge = [(words[0][0], left - len(words[0][0].text) * pitch)] if words[0][1] > left else []
        for (a, sa), (_, sb) in pairwise(edge + words):
            first = sa + len(a.text) * pitch
            count = (sb - first) // pitch
            if count < 2 or base - above < 0 or base + below > gray.shape[0]:
                continue
            band = np.zeros((above + below, count * pitch), np.float32)
            part = gray[top:bottom, first : first + count * pitch].astype(np.float32)
            ink = np.minimum(np.abs(part - a.ground) / a.contrast, 1.0)  # (bottom - top, count * pitch)
            # ink's rows where they fall in the band (a word boxed beyond it is cut there, not
            # wrapped round by a negative index), as wide as the picture lets it be
            at = np.arange(top, bottom) - (base - above)  # (bottom - top,) the band's row of each
            inside = (at >= 0) & (at < above + below)
            band[at[inside], : ink.shape[1]] = ink[inside]
            cells = band.reshape(above + below, count, pitch).transpose(1, 0, 2).reshape(count, -1)
            run: list[str] = []
            for k, cell in enumerate([*cells, None]):
                if cell is not None and (cell > 0.5).any():
                    if (ch := _match(cell, means, clear, same)) is None:
                        break  # ink of no glyph read clearly: nothing more is guessed here
                    run.append(ch)
                    continue
                if any(ch.isalnum() for ch in run):
                    x1 = first + k * pitch
                    box = (x1 - len(run) * pitch, top, x1, bottom)
                    if not any(min(box[2], t[2]) - max(box[0], t[0]) > 0 for t in near):
                        out.append(OcrLine.of([OcrWord("".join(run), box, FOUND)]))
                run = []
    return out
