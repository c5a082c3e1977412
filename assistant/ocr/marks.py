"""Marks read as words: an icon's picture or a terminal's filler column is not text.

A blind user hears every word the reader finds, so a mark read as a word is worse than silence
there: "2" for a message box's question icon, "2" on each of vim's "~" lines past the end of its
text. The engines read such marks with high confidence (to them a tilde is a fine "2"), so they
are judged here by their pixels, shape and place, never by what was read:

- an icon: a short "word" far taller than the text around it, its box mostly filled with ink
  (a disc or a square of colour; a large glyph, such as a calculator's display figure, leaves
  most of its box ground);
- a filler column: the same single character read alone on each of several lines in a row, at
  one left edge and an even pitch, with nothing beside it (vim's "~", an editor's empty lines;
  a list or a table puts other words on its rows, or other characters in its column);
- a box's corner: a single character from which two thin rules run on, one across and one up
  or down (a curses dialog's corner where its top rule breaks for the title, a frame's corner);
- a drop-down's arrow or a check box's tick read as a letter ("Priority v", "v Show recent
  files"): a single look-alike of a tick whose ink is one shape narrowing from its top to a point
  and far wider than tall (an arrow; a letter "v" is about as wide as tall), or whose right arm
  rises well above its left (a tick; a letter's arms end at one height). Only the look-alikes'
  words are looked at, so that no other letter is judged by a shape it was never confused with.

Two earlier steps drop marks by other evidence and stay where they are, as each needs what only
its step has: :func:`assistant.ocr.loose.drop_unsure` drops short words the engine itself was
unsure of (its confidence, before the layout), and :mod:`assistant.ocr.gaps` keeps a grid's
short ink out of its empty cells (a grid's rows). This module is the last step, by pixels alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine, OcrWord


@dataclass(frozen=True)
class MarksConfig:
    # Icons: a word of this many characters at most (a question icon read "2)", an information
    # icon "ii)"); real words that tall are headings, long enough to be left alone.
    icon_chars: int = 3
    # Its box this many times as tall as the picture's usual word (a 32-48 px icon beside text of
    # 12-16 px), with at least ``icon_peers`` words of two or more characters to tell the usual.
    icon_tall: float = 2.2
    icon_peers: int = 3
    # The share of its box off the ground round it: a filled disc covers most of its box, a large
    # glyph's strokes (or a table's rules through a swollen box) leave most of it ground.
    icon_filled: float = 0.4
    # ... and at most this share: a box all of one colour off its surround is a field or a key's
    # face, read for its label.
    icon_solid: float = 0.85
    # A word beside it this share of its height at least: a heading's, not an icon.
    icon_beside: float = 0.6
    ring: int = 2  # px: the ring round an icon, that far out, of its ground
    plain: float = 0.9  # the share of that ring within half the contrast of its median at least
    contrast: int = 48  # grey levels (any channel) off the ground: ink
    # Filler columns: this many lone single characters in a column at least (fewer could be a
    # short list of marks the user should hear).
    column_least: int = 4
    column_slack: int = 2  # px their left edges and pitches may differ
    # Nothing else on their rows within this many of their widths either side (a table's column
    # of the same figure has its row's other cells beside it).
    column_clear: int = 40
    # Box corners: the rules on from a single character's ink this many of its sizes at least.
    corner_reach: int = 3
    corner_ink: float = 0.4  # the share of the ground beside the character a rule may cover at most
    corner_thick: int = 3  # px: a rule this thick at most
    corner_margin: int = 2  # px of ground looked at either side of the character's box
    # Arrows and ticks: what the engines read them as.
    tick_like: frozenset[str] = frozenset("vV")  # a tick read as "√" or "✓" is read right
    arrow_wide: float = 1.5  # an arrow's ink this many times as wide as tall at least
    tick_rise: float = 0.3  # a tick's right arm's top above its left arm's by this share of its height


def _filled(rgb: np.ndarray, box: Box, cfg: MarksConfig) -> float | None:
    """The share of ``box``'s pixels off its ground (by the contrast, in any channel), its ground
    the median of a ring round it (``ring`` px wide, ``ring`` px out); None where that ring is no
    plain ground (an icon stands clear on its dialog's ground, where a word's box swollen over a
    selected row's bar crosses the bar's edge) or the picture ends within it."""
    ink = _ink(rgb, box, cfg)
    return None if ink is None else float(ink.mean())


def _ink(rgb: np.ndarray, box: Box, cfg: MarksConfig) -> np.ndarray | None:
    """``box``'s pixels off its ground, as :func:`_filled` tells them (None where it cannot)."""
    h, w = rgb.shape[:2]
    r = cfg.ring
    x0, y0, x1, y1 = box[0] - 2 * r, box[1] - 2 * r, box[2] + 2 * r, box[3] + 2 * r
    if x0 < 0 or y0 < 0 or x1 > w or y1 > h or box[2] <= box[0] or box[3] <= box[1]:
        return None
    part = rgb[y0:y1, x0:x1].astype(np.int16)
    ring = np.concatenate(
        [s.reshape(-1, part.shape[-1]) for s in (part[:r], part[-r:], part[:, :r], part[:, -r:])]
    )
    ground = np.median(ring, axis=0)
    if (np.abs(ring - ground) >= cfg.contrast // 2).any(axis=-1).mean() > 1 - cfg.plain:
        return None
    return _off(part[2 * r : -2 * r, 2 * r : -2 * r], ground, cfg.contrast)


def _off(pixels: np.ndarray, ground: np.ndarray, contrast: int) -> np.ndarray:
    """(h, w) bool: which of ``pixels`` (h, w, 3) lie ``contrast`` levels or more off ``ground``
    (3,) in some channel."""
    return np.asarray((np.abs(pixels.astype(np.int16) - ground) >= contrast).any(axis=-1))


def _icons(lines: list[OcrLine], rgb: np.ndarray, cfg: MarksConfig) -> set[int]:
    """ids of the words that are icons (see the module docstring)."""
    heights = [w.box[3] - w.box[1] for ln in lines for w in ln.words if len(w.text) >= 2]
    if len(heights) < cfg.icon_peers:
        return set()
    usual = float(np.median(heights))
    words = [w for ln in lines for w in ln.words]
    found = set()
    for w in words:
        if len(w.text) > cfg.icon_chars or w.box[3] - w.box[1] < cfg.icon_tall * usual:
            continue
        if _tall_beside(w, words, cfg):
            continue
        filled = _filled(rgb, w.box, cfg)
        if filled is not None and cfg.icon_filled <= filled <= cfg.icon_solid:
            found.add(id(w))
    return found


def _tall_beside(word: OcrWord, words: list[OcrWord], cfg: MarksConfig) -> bool:
    """Whether a word nearly as tall shares ``word``'s row within three of its widths: a heading's
    other words (a large title split in two), where an icon stands alone beside smaller text."""
    x0, y0, x1, y1 = word.box
    tall, reach = y1 - y0, 3 * (x1 - x0)
    return any(
        o is not word
        and o.box[3] - o.box[1] >= cfg.icon_beside * tall
        and min(y1, o.box[3]) - max(y0, o.box[1]) > tall / 2
        and o.box[2] > x0 - reach
        and o.box[0] < x1 + reach
        for o in words
    )


def _even(tops: list[int], slack: int) -> bool:
    steps = np.diff(tops)
    return bool(steps.min() > 0 and steps.max() - steps.min() <= slack)


def _fillers(lines: list[OcrLine], cfg: MarksConfig) -> set[int]:
    """ids of the words in filler columns (see the module docstring)."""
    lone = [ln.words[0] for ln in lines if len(ln.words) == 1 and len(ln.words[0].text) == 1]
    others = [w for ln in lines for w in ln.words]
    found: set[int] = set()
    for text in {w.text for w in lone}:
        same = sorted((w for w in lone if w.text == text), key=lambda w: w.box[0])
        while same:  # one column at a time: those whose left edge is within the slack of the first
            x = same[0].box[0]
            column = sorted(
                (w for w in same if abs(w.box[0] - x) <= cfg.column_slack), key=lambda w: w.box[1]
            )
            same = [w for w in same if abs(w.box[0] - x) > cfg.column_slack]
            for run in _runs(column, cfg):
                if all(_clear(w, others, cfg) for w in run):
                    found |= {id(w) for w in run}
    return found


def _runs(column: list[OcrWord], cfg: MarksConfig) -> list[list[OcrWord]]:
    """Runs of at least ``column_least`` words of ``column`` (top to bottom) at an even pitch, no
    more than three of their heights apart (a line skipped breaks the run)."""
    runs: list[list[OcrWord]] = []
    run: list[OcrWord] = []
    for w in column:
        if run:
            step = w.box[1] - run[-1].box[1]
            tall = max(1, run[-1].box[3] - run[-1].box[1])
            first = run[1].box[1] - run[0].box[1] if len(run) > 1 else step
            if step <= 0 or step > 3 * tall or abs(step - first) > cfg.column_slack:
                runs.append(run)
                run = []
        run.append(w)
    runs.append(run)
    return [r for r in runs if len(r) >= cfg.column_least and _even([w.box[1] for w in r], cfg.column_slack)]


def _clear(word: OcrWord, others: list[OcrWord], cfg: MarksConfig) -> bool:
    """Whether no other word shares ``word``'s row within ``column_clear`` of its widths on either
    side (a table's last column of the same figure has its row's cells to its left)."""
    x0, y0, x1, y1 = word.box
    reach = cfg.column_clear * max(1, x1 - x0)
    return not any(
        o is not word and o.box[1] < y1 and o.box[3] > y0 and o.box[2] > x0 - reach and o.box[0] < x1 + reach
        for o in others
    )


def _rule_in(part: np.ndarray, axis: int, cfg: MarksConfig) -> bool:
    """Whether the grey ``part`` holds a thin rule along its rows (``axis`` 1) or columns (``axis``
    0): a line or two inked (off its median by the contrast) almost all along, with ground on both
    sides of it, on a ``part`` mostly ground (the edge of a dark block, a neighbouring key's face,
    a coloured bar is no rule)."""
    ink = np.abs(part - np.median(part)) >= cfg.contrast
    if not ink.size or ink.mean() > cfg.corner_ink:
        return False
    share = ink.mean(axis=axis)
    for start, end in true_runs(share >= 0.95):
        before, after = start - 1, end
        thin = end - start <= cfg.corner_thick
        if thin and before >= 0 and after < len(share) and share[before] <= 0.5 and share[after] <= 0.5:
            return True
    return False


def _corners(lines: list[OcrLine], rgb: np.ndarray, cfg: MarksConfig) -> set[int]:
    """ids of single characters that are a box's corner: thin rules running on from the word's
    rows to one side and from its columns up or down, both for ``corner_reach`` of its sizes (a
    curses dialog's top-left corner read "r", a window frame's bottom-right corner read "4"; a
    glyph's strokes end within its own cell)."""
    h, w = rgb.shape[:2]

    def gray(ys: slice, xs: slice) -> np.ndarray:  # only the strips looked at are made grey
        return np.asarray(rgb[ys, xs].mean(axis=-1))

    found = set()
    for word in (w for ln in lines for w in ln.words if len(w.text) == 1):
        x0, y0, x1, y1 = word.box
        reach_x, reach_y = cfg.corner_reach * max(1, x1 - x0), cfg.corner_reach * max(1, y1 - y0)
        # Its rows left and right of it, its columns above and below it (where the picture reaches),
        # with a margin either side for the ground round a rule along the box's edge.
        m = cfg.corner_margin
        ys, xs = slice(max(0, y0 - m), y1 + m), slice(max(0, x0 - m), x1 + m)
        across = [gray(ys, slice(x0 - reach_x, x0))] if x0 >= reach_x else []
        across += [gray(ys, slice(x1, x1 + reach_x))] if x1 + reach_x <= w else []
        along = [gray(slice(y0 - reach_y, y0), xs)] if y0 >= reach_y else []
        along += [gray(slice(y1, y1 + reach_y), xs)] if y1 + reach_y <= h else []
        if any(_rule_in(a, 1, cfg) for a in across) and any(_rule_in(a, 0, cfg) for a in along):
            found.add(id(word))
    return found


def _ink_on_face(rgb: np.ndarray, box: Box, cfg: MarksConfig) -> np.ndarray | None:
    """``box``'s pixels off the median colour of the box grown by ``ring`` px (a tick fills
    little of a check box's face); None where the box is empty, runs off the picture, or is mostly
    off that colour."""
    h, w = rgb.shape[:2]
    r = cfg.ring
    x0, y0, x1, y1 = box
    if x0 - r < 0 or y0 - r < 0 or x1 + r > w or y1 + r > h or x1 <= x0 or y1 <= y0:
        return None
    face = rgb[y0 - r : y1 + r, x0 - r : x1 + r].astype(np.int16)
    ground = np.median(face.reshape(-1, face.shape[-1]), axis=0)
    ink = _off(rgb[y0:y1, x0:x1], ground, cfg.contrast)
    return None if ink.mean() > 0.5 else ink  # (mostly "ink": the median was the mark's own colour)


def _arrow_or_tick(ink: np.ndarray, cfg: MarksConfig) -> bool:
    """Whether the ink ``(h, w)`` of a box is a drop-down's arrow or a tick (see the module
    docstring): one run of ink or two on each row of its span and no row left empty, and either
    far wider than tall, its top row spanning most of its width, no row wider than the one above
    (a pixel's slack) and its foot at most half as wide, or its right arm's top above its left
    arm's."""
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if len(rows) < 3 or len(cols) < 3:
        return False
    ink = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    h, w = ink.shape
    runs = [true_runs(row) for row in ink]
    if any(not 1 <= len(r) <= 2 for r in runs):
        return False
    left = np.array([r[0][0] for r in runs])
    right = np.array([r[-1][1] for r in runs])
    if w >= cfg.arrow_wide * h:  # an arrow: its sides close in (a pixel's slack) to a point
        # A chevron's arms meet once and are cut on the slant, its top row no thicker than the
        # next (a filled arrow's rows are one run each); a serifed "v"'s top is one run with its
        # arms two below it, or two runs, its serifs, thicker than the arms.
        top, next_ = (max(b - a for a, b in r) for r in runs[:2])
        return bool(
            (np.diff([len(r) for r in runs]) <= 0).all()
            and (len(runs[0]) == 1 or top <= next_)
            and (np.diff(left) >= -1).all()
            and (np.diff(right) <= 1).all()
            and right[-1] - left[-1] <= w // 2
            and right[0] - left[0] >= 0.75 * w
        )
    quarter = max(1, w // 4)
    ends = (slice(0, quarter), slice(w - quarter, w))  # (each holds ink: the crop above keeps its ends)
    tops = [int(np.flatnonzero(ink[:, part].any(axis=1))[0]) for part in ends]
    return tops[0] - tops[1] >= cfg.tick_rise * h


def _arrows(lines: list[OcrLine], rgb: np.ndarray, cfg: MarksConfig) -> set[int]:
    """ids of single characters read as a tick's look-alike that are a drop-down's arrow or a tick."""
    found: set[int] = set()
    for word in (w for ln in lines for w in ln.words if w.text in cfg.tick_like):
        ink = _ink(rgb, word.box, cfg)
        if ink is None:  # a tick on a check box's own face: the face round it, the box's median colour
            ink = _ink_on_face(rgb, word.box, cfg)
        if ink is not None and _arrow_or_tick(ink, cfg):
            found.add(id(word))
    return found


def without_marks(lines: list[OcrLine], rgb: np.ndarray, cfg: MarksConfig | None = None) -> list[OcrLine]:
    """``lines`` without the words that are marks (icons, filler columns, corners, arrows and
    ticks), read from the picture ``rgb`` ``(h, w, 3)`` they were read in; a line left with no
    word goes."""
    cfg = cfg or MarksConfig()
    marks = _icons(lines, rgb, cfg) | _fillers(lines, cfg) | _corners(lines, rgb, cfg)
    marks |= _arrows(lines, rgb, cfg)
    if not marks:
        return lines
    out = []
    for ln in lines:
        kept = [w for w in ln.words if id(w) not in marks]
        if len(kept) == len(ln.words):
            out.append(ln)
        elif kept:
            out.append(OcrLine.of(kept, ln.confidence))
    return out
