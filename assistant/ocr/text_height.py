"""How tall the text in a picture is, measured from the pixels, and the scale that suits the reader.

Tesseract reads best when capital letters are some 20 to 30 pixels tall: a terminal's 6x10 font
(capitals 7 pixels) is misread at the 1.5x that suits 9-point dialog text, and a web page's
16-pixel body text is read as well at 1x as at 1.5x, at less than half the pixels. The height of
a line is judged from its rows: a run of pixel rows in which some row goes from light to dark and
back (the strokes of letters), in vertical slabs so that side-by-side columns of text at other
baselines do not run together. Lines taller than a line of text (pictures, panes of keys) and
slivers (rules, underlines) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ScaleConfig:
    slab: int = 192  # pixels: the width of the vertical slabs lines are measured in
    step: int = 24  # grey levels between neighbouring pixels that make a stroke's edge
    min_line: int = 5  # pixels: shorter runs of rows are rules, underlines, the bars of "="
    max_line: int = 48  # pixels: taller runs are pictures or keypads, not one line of text
    # The ink height of a line (ascenders to descenders) the reader is given where the text is
    # small. A dialog's 9-point line (14 pixels) keeps the engine's own 1.5x: tesseract's words on
    # half A change from screen to screen with the exact scale, and not for the better on the
    # whole (fitting all text to 21: 0.886 of the words, 1.5x everywhere: 0.891). Lines of 12
    # pixels or less (terminals' bitmap fonts, 9-pixel labels) are scaled up: on screens of
    # xterm's 6x10 and 6x13 fonts captured for the check (not in the screen set) 0.78 -> 0.81.
    target: float = 18.0
    # Never below the engine's own scale (1.5: at 1x tesseract drops small UI text; half A: 1x read
    # 0.838 of the words, 1.5x 0.891, for 84 % of the time), nor past ``highest``.
    highest: float = 3.0


def row_runs(strokes: np.ndarray, gap: int = 0) -> list[tuple[int, int]]:
    """Runs [y0, y1) of True in a 1-D bool array, bridging gaps of up to ``gap`` rows (none by
    default: a 6x10 font leaves a single empty row between lines)."""
    ys = np.flatnonzero(strokes)
    if ys.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(ys) > gap + 1)
    starts = np.concatenate([[ys[0]], ys[breaks + 1]])
    ends = np.concatenate([ys[breaks], [ys[-1]]]) + 1
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def stroke_rows(gray: np.ndarray, slab: int, step: int) -> np.ndarray:
    """(h, slabs) bool: the rows of each vertical slab ``slab`` pixels wide (the last one narrower)
    in which some pixel goes from light to dark and some from dark to light, by more than ``step``
    grey levels: the rows letters' strokes cross."""
    height = gray.shape[0]
    diff = np.diff(gray.astype(np.int16), axis=1)  # (h, w - 1)
    slabs = -(-diff.shape[1] // slab)
    padded = np.pad(diff, ((0, 0), (0, slabs * slab - diff.shape[1]))).reshape(height, slabs, slab)
    return np.any(padded > step, axis=2) & np.any(padded < -step, axis=2)


def line_heights(gray: np.ndarray, cfg: ScaleConfig | None = None) -> np.ndarray:
    """Heights in pixels of the lines of text in ``gray`` (2-D uint8), one per line per slab."""
    cfg = cfg or ScaleConfig()
    strokes = stroke_rows(gray, cfg.slab, cfg.step)
    heights = [
        y1 - y0
        for k in range(strokes.shape[1])
        for y0, y1 in row_runs(strokes[:, k])
        if cfg.min_line <= y1 - y0 <= cfg.max_line
    ]
    return np.asarray(heights, dtype=np.int32)


def text_height(gray: np.ndarray, cfg: ScaleConfig | None = None) -> float | None:
    """The typical height of a line of text in ``gray``: the median over its lines; None when no
    line of text is found."""
    heights = line_heights(gray, cfg)
    return float(np.median(heights)) if heights.size else None


def reading_scale(gray: np.ndarray, lowest: float, cfg: ScaleConfig | None = None) -> float:
    """The factor to resize ``gray`` by before reading: its text brought to ``cfg.target``
    pixels, within ``lowest``..``cfg.highest``; ``lowest`` where no text is measured."""
    cfg = cfg or ScaleConfig()
    height = text_height(gray, cfg)
    if height is None:
        return lowest
    return float(np.clip(cfg.target / height, lowest, max(lowest, cfg.highest)))
