"""The character grid of fixed-width text, from word boxes and ink alone.

A terminal draws every character in a cell of one integer width, and all its cells on one grid:
a word of ``n`` characters starts on a cell boundary (plus its first character's left bearing,
under half a cell) and its ink ends in its ``n``-th cell. So the pitch is the width most words'
ink fits, ``n`` cells less their side bearings, and the phase where the least ink lies between
two columns (a fixed-width font keeps its letters apart). A proportional font's words fit no
common pitch and phase (or fit by chance, and then their cuts have no twins: see
:mod:`assistant.ocr.glyph_vote`); a word
the engine misread by a character (one dropped, two run together) fits none either, and is left
out. Used by :mod:`assistant.ocr.glyph_vote` to cut characters out of their words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine


@dataclass(frozen=True)
class GridConfig:
    min_pitch: int = 4  # pixels per cell
    max_pitch: int = 40
    min_contrast: float = 40  # grey levels between a word's ink and its ground
    ground_margin: int = 2  # pixels round a word's box whose median is its ground
    # A grid is believed when this many characters lie in words of three or more that fit it.
    min_grid_chars: int = 24
    max_grids: int = 3  # terminals (or fonts) on one screen
    # A word's box this full of ink is a block of colour, not letters (bold 6x10, struck twice as
    # xterm does, fills 0.70 of its box: man pages' NAME, BUGS; a reverse-video bar 0.8 and more).
    most_ink: float = 0.75
    tall: float = 1.6  # a word taller than this many times the usual is skipped (a box round two rows)


@dataclass
class GridWord:
    line: int  # where in the lines the word came from
    index: int
    text: str
    box: Box  # ink-tight
    ink: np.ndarray = field(repr=False)  # (h, w) 0..1 over ``box``: how far each pixel is from ground
    ground: float = 0.0  # the grey round the word
    contrast: float = 1.0  # the word's greatest distance from it

    def ink_over(self, gray: np.ndarray, x0: int, x1: int) -> np.ndarray:
        """The word's ink ``(h, x1 - x0)`` (0..1) over columns ``x0:x1`` of its rows: its cells,
        with what an engine's box cut off at either end (a 7x13 "l" boxed without its foot's
        first pixel)."""
        part = gray[self.box[1] : self.box[3], max(0, x0) : x1].astype(np.float32)
        ink = np.minimum(np.abs(part - self.ground) / self.contrast, 1.0)
        if x0 < 0 or x1 > gray.shape[1]:
            ink = np.pad(ink, ((0, 0), (max(0, -x0), max(0, x1 - gray.shape[1]))))  # off the picture
        return ink

    def cut_off(self, gray: np.ndarray, x0: int, x1: int) -> bool:
        """Whether the word's letters go on above or below its rows in columns ``x0:x1`` (its
        cells): a box that cut an "h" under its ascender leaves an "n"."""
        y0, y1 = self.box[1], self.box[3]
        x0, x1 = max(0, x0), min(gray.shape[1], x1)
        for inside, outside in ((y0, y0 - 1), (y1 - 1, y1)):
            if 0 <= outside < gray.shape[0]:
                rows = (
                    np.abs(gray[[inside, outside], x0:x1].astype(np.float32) - self.ground)
                    > 0.5 * self.contrast
                )
                if (rows[0] & rows[1]).any():
                    return True
        return False


def _main_rows(solid: np.ndarray) -> tuple[int, int]:
    """The rows of the line a box holds ``(h, w)``: the run of inked rows (a one-row gap, as
    under an "i"'s dot, bridged) with the most ink. The recogniser's boxes are loose and take in
    the edges of the rows above and below."""
    inked = np.asarray(solid.any(axis=1))
    rows = np.flatnonzero(inked)
    if inked[rows[0] : rows[-1]].all():
        return int(rows[0]), int(rows[-1]) + 1  # one run (a tight box): nothing to choose
    bridged = inked.copy()
    bridged[1:-1] |= inked[:-2] & inked[2:]
    per_row = solid.sum(axis=1)
    runs = true_runs(bridged)
    return max(runs, key=lambda r: int(per_row[r[0] : r[1]].sum()))


def _ink(word_box: Box, gray: np.ndarray, cfg: GridConfig) -> tuple[Box, np.ndarray, float, float] | None:
    """The ink-tight box inside ``word_box`` and its ink (0..1 of the word's greatest contrast
    with the ground round it); None for too faint a word."""
    h, w = gray.shape
    m = cfg.ground_margin
    x0, y0, x1, y1 = max(0, word_box[0]), max(0, word_box[1]), min(w, word_box[2]), min(h, word_box[3])
    if y1 - y0 < 3 or x1 - x0 < 2:
        return None
    gx0, gy0, gx1, gy1 = max(0, x0 - m), max(0, y0 - m), min(w, x1 + m), min(h, y1 + m)
    grown = gray[gy0:gy1, gx0:gx1]
    edge = np.concatenate([grown[0], grown[-1], grown[:, 0], grown[:, -1]])
    ground = int(np.searchsorted(np.cumsum(np.bincount(edge, minlength=256)), (len(edge) + 1) // 2))
    off = np.abs(gray[y0:y1, x0:x1].astype(np.float32) - ground)
    top = float(off.max())
    if top < cfg.min_contrast:
        return None
    ink = np.minimum(off / top, 1.0)
    solid = ink > 0.5
    ty0, ty1 = _main_rows(solid)
    cols = np.flatnonzero(solid[ty0:ty1].any(axis=0))
    tx0, tx1 = int(cols[0]), int(cols[-1]) + 1
    tight = solid[ty0:ty1, tx0:tx1]
    # A block, not letters (so full of ink, or with rows of ink from end to end above and below):
    # the ground was misjudged (a box half over a status bar); letters on the bar (reverse video:
    # less's prompt under a man page) are ink against the bar's colour.
    if tight.mean() > cfg.most_ink or (tight.mean(axis=1) > 0.95).sum() >= 2:
        bar = _on_bar((x0, y0, x1, y1), gray, cfg, float(ground))
        if bar is not None or tight.mean() > cfg.most_ink:
            return bar
    return (x0 + tx0, y0 + ty0, x0 + tx1, y0 + ty1), ink[ty0:ty1, tx0:tx1], float(ground), top


def _on_bar(
    box: Box, gray: np.ndarray, cfg: GridConfig, ground: float
) -> tuple[Box, np.ndarray, float, float] | None:
    """Letters on a bar of colour that fills most of ``box`` (the median grey of what differs from
    the ``ground`` round it): the ink-tight box of what differs from the bar within its tallest run
    of rows, as :func:`_ink` gives it; None where that is no word either."""
    x0, y0, x1, y1 = box
    part = gray[y0:y1, x0:x1].astype(np.float32)
    off = np.abs(part - ground)
    bar = float(np.median(part[off > 0.5 * off.max()]))
    # (the bar's rows: a third of each is the bar at least, whatever letters fill the rest)
    runs = true_runs((np.abs(part - bar) < cfg.min_contrast).mean(axis=1) >= 0.3)
    if not runs:
        return None
    a, b = max(runs, key=lambda r: r[1] - r[0])
    off = np.abs(part[a:b] - bar)
    top = float(off.max()) if b - a >= 3 else 0.0
    if top < cfg.min_contrast:
        return None
    ink = np.minimum(off / top, 1.0)
    solid = ink > 0.5
    rows, cols = np.flatnonzero(solid.any(axis=1)), np.flatnonzero(solid.any(axis=0))
    ty0, ty1, tx0, tx1 = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    if solid[ty0:ty1, tx0:tx1].mean() > cfg.most_ink:
        return None
    return (x0 + tx0, y0 + a + ty0, x0 + tx1, y0 + a + ty1), ink[ty0:ty1, tx0:tx1], bar, top


class Inks:
    """The words' ink in one picture ``gray`` (:func:`_ink`), by box, measured once: the font's
    looks (:mod:`assistant.ocr.font_first`) and the vote (:mod:`assistant.ocr.glyph_vote`) each
    measure the words of one reading, most of them the same words in the same boxes. What is kept
    is only read after (each :func:`measured` makes its own :class:`GridWord`)."""

    def __init__(self, gray: np.ndarray) -> None:
        self.gray = gray
        self._found: dict[tuple[Box, GridConfig], tuple[Box, np.ndarray, float, float] | None] = {}

    def of(self, box: Box, cfg: GridConfig) -> tuple[Box, np.ndarray, float, float] | None:
        key = (box, cfg)
        if key not in self._found:
            self._found[key] = _ink(box, self.gray, cfg)
        return self._found[key]


def measured(
    lines: list[OcrLine],
    gray: np.ndarray,
    cfg: GridConfig,
    spaced: bool = False,
    only: set[int] | None = None,
    inks: Inks | None = None,
) -> list[GridWord]:
    """Each word of ``lines`` without a space (with one, if ``spaced``: a recogniser's reading of a
    whole line is one "word") with its ink-tight box and ink, too faint ones left out; of the lines
    numbered ``only``, when given. ``inks``: the ink measured before in ``gray`` (:class:`Inks`)."""
    out = []
    known = inks if inks is not None and inks.gray is gray else None
    for li, line in enumerate(lines):
        if only is not None and li not in only:
            continue
        for wi, word in enumerate(line.words):
            if not word.text or (" " in word.text) != spaced:
                continue
            found = _ink(word.box, gray, cfg) if known is None else known.of(word.box, cfg)
            if found is not None:
                out.append(GridWord(li, wi, word.text, *found))
    return out


def _fitting(n: np.ndarray, width: np.ndarray, cfg: GridConfig) -> np.ndarray:
    """``(pitches, words)`` bool: ``n`` characters whose ink is ``width`` wide fill ``n`` cells of
    the pitch (the side bearings of the first and last together under 0.9 of a cell)."""
    p = np.arange(cfg.min_pitch, cfg.max_pitch + 1)[:, None]
    return np.asarray((n * p - 0.9 * p - 1 <= width) & (width <= n * p + 1))


def _phase(words: list[GridWord], pitch: int) -> int:
    """Where the grid's cells begin (modulo ``pitch``): between the two columns of the cell that
    hold the least ink of all ``words`` together (a fixed-width font leaves a column or two of
    each cell bare, so that letters do not touch). From the words' first ink alone it was a
    pixel off where the engine's boxes were (a 7x13 "backup" boxed without the stem of its b)."""
    ink = np.zeros(pitch)
    for word in words:
        cols = np.arange(word.box[0], word.box[2]) % pitch
        ink += np.bincount(cols, weights=word.ink.sum(axis=0), minlength=pitch)
    return int(np.argmin(ink + np.roll(ink, 1)))  # [k]: ink in the columns either side of a cut at k


def _start(word: GridWord, pitch: int, phase: int) -> int | None:
    """Where ``word``'s first cell begins on the grid, when its ink fits its cells there."""
    x0, x1 = word.box[0], word.box[2]
    if (x0 - phase) % pitch >= (pitch + 1) // 2:
        return None
    start = x0 - (x0 - phase) % pitch
    n = len(word.text)
    if x1 > start + n * pitch + 1 or x1 <= start + (n - 1) * pitch + 1:
        return None
    return start


def grids(words: list[GridWord], cfg: GridConfig) -> list[tuple[list[tuple[GridWord, int]], int]]:
    """Words on a common character grid, grid by grid: ([(word, its first cell's x)], pitch)."""
    if not words:
        return []
    heights = np.array([w.box[3] - w.box[1] for w in words])
    most = cfg.tall * float(np.median(heights))
    left = [w for w, h in zip(words, heights.tolist(), strict=True) if h <= most]
    found = []
    for _ in range(cfg.max_grids):
        if not left:
            break
        n = np.array([len(w.text) for w in left])
        width = np.array([w.box[2] - w.box[0] for w in left])
        fits = _fitting(n, width, cfg)  # (pitches, words)
        chars = (fits * np.where(n >= 3, n, 0)).sum(axis=1)
        best = int(np.argmax(chars))
        if chars[best] < cfg.min_grid_chars:
            break
        pitch = cfg.min_pitch + best
        phase = _phase([w for w, f, k in zip(left, fits[best], n, strict=True) if f and k >= 2], pitch)
        placed = [(w, s) for w in left if (s := _start(w, pitch, phase)) is not None]
        if sum(len(w.text) for w, _ in placed if len(w.text) >= 3) < cfg.min_grid_chars:
            break
        found.append((placed, pitch))
        taken = {id(w) for w, _ in placed}
        left = [w for w in left if id(w) not in taken]
    return found


def lost_spaces(
    words: list[GridWord], found: list[tuple[list[tuple[GridWord, int]], int]], gray: np.ndarray
) -> dict[tuple[int, int], list[tuple[str, Box]]]:
    """Words an engine ran over a space, cut where the grid shows it: (line, word) -> the pieces,
    (text, box). A word of ``n`` characters that fits no grid but whose ink, on a grid of its
    height, fills ``n`` cells of ``n + k`` with ``k`` bare cells inside (a 9x15 top's "2872 S" read
    "28725") is ``n`` characters with spaces where the bare cells are: a fixed-width font leaves no
    cell bare inside a word."""
    placed = {id(w) for grid, _ in found for w, _ in grid}
    out: dict[tuple[int, int], list[tuple[str, Box]]] = {}
    for grid, pitch in found:
        phase = grid[0][1] % pitch
        height = float(np.median([w.box[3] - w.box[1] for w, _ in grid]))
        for word in words:
            n = len(word.text)
            if id(word) in placed or n < 2 or word.box[3] - word.box[1] > 1.6 * height:
                continue
            key = (word.line, word.index)
            if key not in out and (pieces := _spaced(word, gray, pitch, phase)) is not None:
                out[key] = pieces
    return out


def _spaced(word: GridWord, gray: np.ndarray, pitch: int, phase: int) -> list[tuple[str, Box]] | None:
    """``word`` cut at the bare cells inside its ink on the grid of ``pitch`` and ``phase``, when
    its characters fill the other cells one each (None otherwise)."""
    x0, y0, x1, y1 = word.box
    if (x0 - phase) % pitch >= (pitch + 1) // 2:
        return None
    start, n = x0 - (x0 - phase) % pitch, len(word.text)
    cells = max(1, -(-(x1 - start - 1) // pitch))  # the cells its ink reaches into
    if not n < cells <= n + 3 or word.cut_off(gray, start, start + cells * pitch):
        return None
    band = word.ink_over(gray, start, start + cells * pitch)  # (h, cells * pitch)
    inked = np.asarray((band.reshape(band.shape[0], cells, pitch) > 0.5).any(axis=(0, 2)))  # (cells,)
    if int(inked.sum()) != n:
        return None
    pieces: list[tuple[str, Box]] = []
    k = 0
    for a, b in true_runs(inked):
        pieces.append((word.text[k : k + b - a], (start + a * pitch, y0, start + b * pitch, y1)))
        k += b - a
    return pieces if len(pieces) > 1 else None
