"""Tesseract backend: libtesseract in this process (:mod:`assistant.ocr.tess_api`), or else the
``tesseract`` program (Debian ``tesseract-ocr``); TSV output either way.

Tesseract's own OpenMP threading is slower than one thread on a 2-core machine, so a tall image is
instead cut into horizontal stripes at empty rows, each read by its own model (or process, each
with ``OMP_THREAD_LIMIT=1``), all at once.

A process's start and its model's load take about 80 ms, more than a small picture's reading, and
happen before it reads its picture: so where the program is run, each stripe's process is started
before its picture is prepared, and one process for the next sheet of snippets (read after the
page, ``--psm 6``) is started when a page has been read and kept waiting, its load done while other
work runs. In this process the models are loaded once and kept, and none of that is needed: the
stripes are prepared one after another instead, each read as soon as it is ready
(:meth:`TesseractEngine._stripes_in_turn`).
"""

from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
import threading
import time
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
from PIL import Image, ImageOps

from assistant.errors import AssistantError
from assistant.ocr.bands import Cut, Piece, clipped, for_inversion, plain_rows, split_words
from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import OcrLine, OcrWord, scale_box, union_box
from assistant.ocr.carets import carets
from assistant.ocr.rejoin import rejoined
from assistant.ocr.tess_api import TessModels, in_process_available, list_langs
from assistant.ocr.text_height import ScaleConfig, reading_scale


def tesseract_available(lang: str = "eng") -> bool:
    out = list_langs()
    return out is not None and lang in out.split()


def stripe_cuts(gray: np.ndarray, parts: int, step: int = 24, slack: int = 2) -> list[int]:
    """Row indices that cut ``gray`` into ``parts`` stripes, each cut on the quietest nearby row:
    of those whose grey spreads least (lightest against darkest pixel), one that steps of ``step``
    grey levels cross no more than twice as often as the fewest, or ``slack`` more (a letter's
    stroke makes two; a rule's own row, or one between a dashed line's dashes, has fewer than the
    rows beside it, but is no emptier). A window's frame or
    a pane's side crosses every row of the window alike, and its rows' spread of grey is then as
    wide between lines as on them: the cut went through a line of a terminal's text, each stripe
    read half of it ("Tact Catiundau af tha manth")."""
    height = gray.shape[0]
    if parts <= 1 or height < 200:
        return [0, height]
    activity = gray.max(axis=1).astype(int) - gray.min(axis=1).astype(int)
    cuts = [0]
    for k in range(1, parts):
        target = height * k // parts
        lo, hi = max(cuts[-1] + 50, target - height // 8), min(height - 50, target + height // 8)
        if hi <= lo:
            continue
        window = activity[lo:hi]
        quiet = np.flatnonzero(window == window.min())
        steps = np.count_nonzero(np.abs(np.diff(gray[lo + quiet].astype(np.int16), axis=1)) > step, axis=1)
        quiet = quiet[steps <= steps.min() + max(slack, steps.min())]
        best = lo + int(quiet[np.argmin(np.abs(quiet + lo - target))])
        cuts.append(best)
    cuts.append(height)
    return cuts


def cell_extremes(values: np.ndarray, cell: int) -> tuple[np.ndarray, np.ndarray]:
    """The least and the greatest of ``values`` (2-D, both sides multiples of ``cell``) in each
    ``cell`` x ``cell`` square, (rows, cols) each. Taken a row and a column of the square at a time
    (``cell`` steps over slices, each pass over fewer values): numpy's reduction over a reshaped
    array's two inner axes cost twenty times as much, and a screen's span is found several times."""
    rows = values.reshape(values.shape[0] // cell, cell, values.shape[1])
    lo, hi = rows[:, 0].copy(), rows[:, 0].copy()
    for k in range(1, cell):
        np.minimum(lo, rows[:, k], out=lo)
        np.maximum(hi, rows[:, k], out=hi)
    low, high = lo[:, 0::cell].copy(), hi[:, 0::cell].copy()
    for k in range(1, cell):
        np.minimum(low, lo[:, k::cell], out=low)
        np.maximum(high, hi[:, k::cell], out=high)
    return low, high


def content_span(
    gray: np.ndarray, cell: int = 8, flat: int = 24, margin: int = 4
) -> tuple[int, int, int, int] | None:
    """The part of ``gray`` worth reading, (x0, y0, x1, y1): the cells of ``cell`` pixels whose grey
    varies by more than ``flat``, ``margin`` cells around (ground enough for the dark-area inversion
    to see a dark desktop as ground); None when all of it is flat.

    A dialog or a calculator on a 1920x1080 desktop is a tenth of the picture; the desktop costs
    tesseract and the preparation here (scaled 1.5x, 4.7 MP) more than the window does.
    """
    h, w = gray.shape
    rows, cols = -(-h // cell), -(-w // cell)
    padded = np.pad(gray, ((0, rows * cell - h), (0, cols * cell - w)), mode="edge")
    lo, hi = cell_extremes(padded, cell)
    busy = hi.astype(np.int16) - lo > flat  # (rows, cols): the cells' spread of grey
    if not busy.any():
        return None
    ys, xs = np.flatnonzero(busy.any(axis=1)), np.flatnonzero(busy.any(axis=0))
    return (
        max(0, (int(xs[0]) - margin) * cell),
        max(0, (int(ys[0]) - margin) * cell),
        min(w, (int(xs[-1]) + 1 + margin) * cell),
        min(h, (int(ys[-1]) + 1 + margin) * cell),
    )


def box_mean(values: np.ndarray, size: int, width: int | None = None) -> np.ndarray:
    """Mean of ``values`` (2-D) over the ``size`` tall, ``width`` (default ``size``) wide window
    centred on each pixel (edges repeated outwards); two running sums, so O(pixels) whatever the size."""
    r, c = size // 2, (size if width is None else width) // 2
    if values.dtype == bool or values.dtype in (np.uint8, np.uint16):
        sums = _box_sums(values, r, c)
        if sums is not None:
            return sums.astype(np.float32) / float((2 * r + 1) * (2 * c + 1))
    padded = np.pad(values.astype(np.float32, copy=False), ((r + 1, r + 1), (c + 1, c + 1)), mode="edge")
    rows = np.cumsum(padded, axis=0)
    rows = rows[2 * r + 1 :] - rows[: -2 * r - 1]  # (h + 1, w + 2c + 2): sums over 2r+1 rows
    both = np.cumsum(rows, axis=1)
    both = both[:, 2 * c + 1 :] - both[:, : -2 * c - 1]
    return both[: values.shape[0], : values.shape[1]] / float((2 * r + 1) * (2 * c + 1))


def _box_sums(values: np.ndarray, r: int, c: int) -> np.ndarray | None:
    """The sums of ``values`` (2-D bool or small unsigned integers) over the 2r+1 tall, 2c+1 wide
    window round each pixel (edges repeated), as uint16; None where they could pass 65535.

    Running sums in 16 bits wrap round, but a window's sum is their difference, which is right
    whenever the sum itself fits: half the memory of 32-bit floats, and on a stripe's 2x2 cells a
    third of :func:`box_mean`'s time. Taken only where the floats' running sums are whole numbers
    below 2**24 too, so both give the same means, to the last bit."""
    top = 1 if values.dtype == bool else int(values.max(initial=0))
    h, w = values.shape
    exact = top * (h + 2 * r + 2) < 2**24 and top * (2 * r + 1) * (w + 2 * c + 2) < 2**24
    if top * (2 * r + 1) * (2 * c + 1) >= 2**16 or not exact:
        return None
    small = values.view(np.uint8) if values.dtype == bool else values
    padded = np.pad(small, ((r + 1, r + 1), (c + 1, c + 1)), mode="edge")
    rows = np.cumsum(padded, axis=0, dtype=np.uint16)
    rows = rows[2 * r + 1 :] - rows[: -2 * r - 1]
    both = np.cumsum(rows, axis=1, dtype=np.uint16)
    return (both[:, 2 * c + 1 :] - both[:, : -2 * c - 1])[:h, :w]


def invert_dark_areas(gray: np.ndarray, tile: int = 24, threshold: float = 110.0) -> np.ndarray:
    """Light-on-dark text (title bars, dark themes, nav bars) turned into dark-on-light.

    Tesseract binarises the page with one global threshold and reads dark text on light ground. A
    pixel is inverted when most of the ``tile``-wide window centred on it is dark, and most of the
    window three times as wide too (so a big bold heading on a light page is not mistaken for dark
    ground). Centred windows put the border of a dark area where it really is: a grid of fixed
    tiles inverted a strip of a light window next to a dark desktop, and with it each line's first
    letter (a terminal's "root@nas" read as "loot@nas").
    """
    h, w = gray.shape
    # (Whole grey levels: below 110.0 is below 110, and numpy compares with a whole number ten
    # times as fast.)
    below = gray < (math.ceil(threshold) if gray.dtype == np.uint8 and 0 <= threshold <= 255 else threshold)
    # Decided on 2x2 cells (a quarter of the work; borders still land within a pixel).
    dark = (np.pad(below, ((0, h % 2), (0, w % 2)), mode="edge") if h % 2 or w % 2 else below).view(np.uint8)
    cells = dark[0::2, 0::2] + dark[1::2, 0::2] + dark[0::2, 1::2] + dark[1::2, 1::2]  # 0..4 dark pixels
    half = tile // 2
    mask = (box_mean(cells, half) > 2.0) & (box_mean(cells, 3 * half) >= 2.0)
    # A band of one line (a man page's reverse-video status line, a selected row) is too thin for
    # the square windows, and with dark ground on one side only they invert half its height: a
    # window half the tile tall and four tiles wide, mostly dark and dark along three times as far,
    # marks the band's middle away from what the square windows took (never the desktop round
    # windows), grown by as far as such a window's middle stays inside the band's ends.
    flat = half // 4 * 2 + 1, 4 * half
    grow = flat[0], flat[1] // 3
    middle = (box_mean(cells, *flat) > 2.6) & (box_mean(cells, flat[0], 3 * flat[1]) > 2.4)
    middle &= box_mean(mask, *grow) == 0
    mask |= box_mean(middle, *grow) > 0
    full = mask.repeat(2, axis=0).repeat(2, axis=1)[:h, :w]
    if not full.any():
        return gray
    # The cells put the border within a pixel; a light pixel on the border belongs to the light side
    # (inverted it would draw a black line against the first letter of each line).
    inner = full.copy()
    inner[1:] &= full[:-1]
    inner[:-1] &= full[1:]
    inner[:, 1:] &= full[:, :-1]
    inner[:, :-1] &= full[:, 1:]
    full &= inner | below
    # The dark ground becomes white, not a light grey: a grey desktop beside a light grey dialog
    # can split tesseract's global threshold between the two greys and lose the dialog's text.
    ground = float(np.median(gray[full]))
    lut = np.clip((255.0 - np.arange(256)) * 255.0 / max(1.0, 255.0 - ground), 0, 255).astype(np.uint8)
    out = np.take(lut, gray)
    np.copyto(out, gray, where=~full)
    return out


@dataclass(frozen=True)
class InkConfig:
    """:func:`ink_grey`'s settings."""

    chroma: int = 40  # levels between a pixel's brightest and darkest channel: a colour, not a grey
    # Coloured patches this many pixels square and all coloured are a coloured ground's (a band, a
    # cell, a panel; letters' strokes are thinner), and so is what lies within ``margin`` of them.
    solid: int = 5
    margin: int = 2
    # A coloured pixel is a letter's where no more than this share of the window round it is
    # coloured (``near`` pixels square): not the ground inside a letter on a coloured ground.
    thin: float = 0.5
    near: int = 15
    # Letters come in words: a row of coloured marks at least ``word`` pixels long, gaps of up to
    # ``gap`` pixels (a space) closed, and what lies a line's height above or below it; a smaller
    # patch is an icon's (a window's icon in its title bar), left as it is.
    word: int = 24
    gap: int = 10
    letter: int = 4  # (a mark shorter than this on a word's rows is none: a dot, a speck)
    # An unbroken coloured line this long (a frame's edge or handle, an underline) is no letter.
    rule: int = 72
    tall: int = 5
    # Only a pixel this much lighter in its brightest channel than in grey is changed: a letter's
    # colour, not the edge of a white letter on a coloured ground (a title bar's), whose grey is
    # nearly its brightest channel already.
    lift: int = 40
    # The ground round a pixel (``around`` pixels square, mean grey) is dark below this.
    around: int = 31
    dark: float = 100.0
    # Light letters on a coloured ground (a selection or a search hit of a few characters, too small
    # for a solid patch): a grey pixel of at least ``light`` with dark coloured pixels within
    # ``stroke`` of it on all four sides lies inside a coloured ground, which is the coloured
    # cells reached from it through mostly coloured cells in ``spread`` steps of a cell.
    light: int = 150
    stroke: int = 3
    spread: int = 7


def ink_grey(rgb: np.ndarray, gray: np.ndarray, cfg: InkConfig | None = None) -> np.ndarray:
    """``gray`` (h, w uint8; the grey of ``rgb``, h, w, 3) with coloured letters on a dark ground
    as light as their brightest channel.

    A picture's grey weighs the three colours unevenly: red letters on a dark terminal (a diff's
    removed lines) are nearly as dark as the ground in grey, blue ones darker still, green ones
    half as light as white, and the inversion of dark areas and one threshold lose them, though a
    person sees them plainly: ink is what differs from its ground, whatever its hue. Only thin
    coloured marks that stand up in words are letters: a coloured ground (a prompt's band, a
    selected row or a few selected characters, mc's blue panel) has its letters read against it
    in grey as before (white on blue would be lost against the blue's brightest channel); a
    window's coloured edges and handle are lines, not letters (lifted, they changed tesseract's
    reading of the window: two tmux panes read as one); grey pixels (the ground, white or grey
    letters) keep their grey."""
    cfg = cfg or InkConfig()
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    top = np.maximum(np.maximum(red, green), blue)
    coloured = (top - np.minimum(np.minimum(red, green), blue)) >= cfg.chroma
    # Only these pixels can change (a letter's colour, much lighter than its grey): where none lies
    # in a cell that every test below leaves standing, the work stops there, with the same answer.
    lift = coloured & (top.astype(np.int16) - gray >= cfg.lift)
    if not lift.any():
        return gray
    # Decided on 2x2 cells, as the inversion's dark areas are (a quarter of the work).
    h, w = gray.shape
    liftable = _any_cells(lift)
    seen = _any_cells(coloured)
    seen &= box_mean(_cells(gray), cfg.around // 2) < 4.0 * cfg.dark  # (on a dark ground)
    if not (seen & liftable).any():
        return gray
    # Only the cells round those coloured on a dark ground are looked at (further than any window
    # below reaches from them: the same cells, less work on a page with a dark title bar's icon).
    rows, cols = np.flatnonzero(seen.any(axis=1)), np.flatnonzero(seen.any(axis=0))
    reach = cfg.near + cfg.gap
    r0, r1 = max(0, int(rows[0]) - reach), int(rows[-1]) + 1 + reach
    c0, c1 = max(0, int(cols[0]) - reach), int(cols[-1]) + 1 + reach
    share, seen = _cells(coloured[2 * r0 : 2 * r1, 2 * c0 : 2 * c1]) / 4.0, seen[r0:r1, c0:c1]
    liftable = liftable[r0:r1, c0:c1]
    solid = box_mean(share, cfg.solid // 2 + 1) > 0.999
    ground = box_mean(solid, cfg.solid // 2 + 1 + cfg.margin) > 0
    thin = box_mean(share, cfg.near // 2) <= cfg.thin
    if not (seen & thin & ~ground & liftable).any():
        return gray
    ground |= _holding(share, coloured, gray, (r0, r1, c0, c1), cfg)
    if not (seen & thin & ~ground & liftable).any():
        return gray
    # An unbroken coloured line (a frame's edge or handle, an underline, a rule) is no letter, and
    # no word: a window's handle on a dark desktop made one.
    marks = coloured[2 * r0 : 2 * r1, 2 * c0 : 2 * c1]
    lines = _lines(marks, cfg.rule)
    cells = seen & thin & ~ground & ~_any_cells(lines, 2)[: seen.shape[0], : seen.shape[1]]
    # Letters stand up: a word holds a stroke at least ``tall`` high (a handle's 4-px pieces none).
    upright = marks & ~lines & cells.repeat(2, axis=0).repeat(2, axis=1)[: marks.shape[0], : marks.shape[1]]
    starts = upright.copy()  # (where a stroke that tall starts)
    for k in range(1, cfg.tall):
        starts[:-k] &= upright[k:]
    starts[-cfg.tall + 1 :] = False
    stems = _any_cells(starts)[: seen.shape[0], : seen.shape[1]]
    cells &= box_mean(stems, cfg.near, cfg.word) > 0
    if not (cells & liftable).any():
        return gray
    if cfg.word:
        # A shorter word (a figure, "0", "us,") on the rows of such words is a letter too: a
        # column of small numbers in top's red table; a window's icon has no coloured word beside.
        words = _words(cells, cfg.word // 2, cfg.gap // 2)
        rows = np.flatnonzero(words.any(axis=1))
        if rows.size:
            words[rows] |= _words(cells[rows], cfg.letter // 2, cfg.gap // 2)
        cells &= box_mean(words, cfg.near, 1) > 0
    letters = np.zeros(gray.shape, dtype=bool)
    part = cells.repeat(2, axis=0).repeat(2, axis=1)[: h - 2 * r0, : w - 2 * c0]
    letters[2 * r0 : 2 * r0 + part.shape[0], 2 * c0 : 2 * c0 + part.shape[1]] = part
    letters[2 * r0 : 2 * r1, 2 * c0 : 2 * c1] &= ~lines
    letters &= lift
    if not letters.any():
        return gray
    out = gray.copy()
    out[letters] = top[letters]
    return out


def _holding(
    share: np.ndarray, coloured: np.ndarray, gray: np.ndarray, crop: tuple[int, int, int, int], cfg: InkConfig
) -> np.ndarray:
    """The cells (of ``share``, the coloured share of 2x2 cells cropped to ``crop``, rows r0:r1 and
    columns c0:c1) of a coloured ground that holds light letters: from each light pixel with dark
    coloured pixels on all four sides within a stroke, through mostly coloured cells. A selected
    word's blue is a ground, though too small for a solid patch; a red letter beside it is not."""
    r0, r1, c0, c1 = crop
    g = gray[2 * r0 : 2 * r1, 2 * c0 : 2 * c1]
    walls = coloured[2 * r0 : 2 * r1, 2 * c0 : 2 * c1] & (g < cfg.dark)
    inside = (g >= cfg.light) & ~coloured[2 * r0 : 2 * r1, 2 * c0 : 2 * c1]
    if not (inside.any() and walls.any()):
        return np.zeros(share.shape, dtype=bool)
    for axis in (0, 1):
        inside &= _near(walls, cfg.stroke, axis, before=True) & _near(walls, cfg.stroke, axis, before=False)
        if not inside.any():
            return np.zeros(share.shape, dtype=bool)
    seeds = _any_cells(inside)[: share.shape[0], : share.shape[1]]
    # Grown only in the box round the seeds that ``spread`` steps can reach.
    rows, cols = np.flatnonzero(seeds.any(axis=1)), np.flatnonzero(seeds.any(axis=0))
    y0, y1 = max(0, int(rows[0]) - cfg.spread - 1), int(rows[-1]) + cfg.spread + 2
    x0, x1 = max(0, int(cols[0]) - cfg.spread - 1), int(cols[-1]) + cfg.spread + 2
    held, path = seeds[y0:y1, x0:x1], share[y0:y1, x0:x1] >= 0.75
    for _ in range(cfg.spread):
        grown = (box_mean(held, 3) > 0) & path | held
        if (grown == held).all():
            break
        held = grown
    out = np.zeros(share.shape, dtype=bool)
    out[y0:y1, x0:x1] = (box_mean(held, 3) > 0) & (share[y0:y1, x0:x1] > 0)  # and the ground's edge
    return out


def _lines(marks: np.ndarray, length: int) -> np.ndarray:
    """Pixels of ``marks`` (2-D bool) in an unbroken row or column of at least ``length``: longer
    than a tall letter's stroke or a bold word's foot, whose touching serifs run on for a few
    letters."""
    return np.asarray(_long_runs(marks, length) | _long_runs(marks, length, axis=0))


def _near(marks: np.ndarray, reach: int, axis: int, before: bool) -> np.ndarray:
    """(h, w) bool: a mark (``marks``, h, w bool) lies within ``reach`` pixels before (above or left
    of) or after each pixel along ``axis`` (0: upright, 1: across), the pixel itself not counted."""
    m = np.moveaxis(marks, axis, 0)
    found = np.zeros_like(m)
    for k in range(1, min(reach, m.shape[0] - 1) + 1):
        if before:
            found[k:] |= m[:-k]
        else:
            found[:-k] |= m[k:]
    return np.moveaxis(found, 0, axis)


def _words(marks: np.ndarray, least: int, gap: int) -> np.ndarray:
    """(h, w) bool: the runs of ``marks`` (h, w bool) along each row, gaps of up to ``gap`` closed,
    at least ``least`` long: a word's strokes, not an icon's."""
    w = marks.shape[1]
    filled = box_mean(marks, 1, 2 * gap + 1) > 0  # (a gap up to 2 * gap wide closed, then opened)
    closed = box_mean(filled, 1, 2 * gap + 1) > 0.999
    closed |= marks
    idx = np.arange(w, dtype=np.int32)[None, :]
    start = np.maximum.accumulate(np.where(closed, -1, idx), axis=1)
    end = np.minimum.accumulate(np.where(closed, w, idx)[:, ::-1], axis=1)[:, ::-1]
    return np.asarray(closed & (end - start - 1 >= least))


def _cells(values: np.ndarray) -> np.ndarray:
    """The sums of ``values`` (h, w) over 2x2 cells, (ceil(h / 2), ceil(w / 2)), edges repeated."""
    h, w = values.shape
    v = np.pad(values, ((0, h % 2), (0, w % 2)), mode="edge").astype(np.uint16)  # (bool or uint8)
    return np.asarray(v[0::2, 0::2] + v[1::2, 0::2] + v[0::2, 1::2] + v[1::2, 1::2])


def _any_cells(marks: np.ndarray, least: int = 1) -> np.ndarray:
    """The 2x2 cells (as :func:`_cells`) holding at least ``least`` of ``marks`` (2-D bool)."""
    h, w = marks.shape
    m = np.pad(marks, ((0, h % 2), (0, w % 2)), mode="edge").view(np.uint8)
    return np.asarray(m[0::2, 0::2] + m[1::2, 0::2] + m[0::2, 1::2] + m[1::2, 1::2] >= least)


BAR = "|"


def capital_i(words: list[OcrWord]) -> list[OcrWord]:
    """A line's words (left to right) with its lone bars dropped, but the first word's bar read as
    "I" where a word of small letters follows at its height and no other bar is on the line: in a
    sans-serif font the capital I is a bare stroke, and tesseract read "I have read the agreement"
    beside a tick box as "| have read ...", the bar then dropped as a border. A bar between words
    or cells (a table's rule, a shell's pipe) stays a border."""
    bars = [w for w in words if w.text == BAR]
    if not bars:
        return words
    first, rest = words[0], [w for w in words[1:] if w.text != BAR]
    if len(bars) == 1 and first.text == BAR and rest:
        after = rest[0]
        tall = first.box[3] - first.box[1] >= 0.8 * (after.box[3] - after.box[1])
        near = after.box[0] - first.box[2] <= after.box[3] - after.box[1]
        if tall and near and after.text.isalpha() and after.text.islower():
            return [OcrWord("I", first.box, first.confidence), *rest]
    return [w for w in words if w.text != BAR]


def split_at_gutters(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Tesseract sometimes runs one line across a column gutter; a gap of 2.5 heights splits it."""
    height = float(np.median([w.box[3] - w.box[1] for w in words]))
    parts = [[words[0]]]
    for prev, word in pairwise(words):
        if word.box[0] - prev.box[2] > 2.5 * height:
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def _long_runs(ink: np.ndarray, length: int, axis: int = 1) -> np.ndarray:
    """Pixels of ``ink`` (2-D bool) lying in a run of at least ``length`` pixels along ``axis`` (1:
    across, 0: upright), by :func:`_covered_runs`; across, only the rows that can hold a run are
    looked at, and upright, whole rows at a time (no transposed copy)."""
    if axis == 0:
        return _long_runs(ink.T, length).T if ink.shape[0] < length else _covered_runs(ink, length, 0)
    out = np.zeros(ink.shape, dtype=bool)
    rows = np.flatnonzero(np.count_nonzero(ink, axis=1) >= length)  # (only these can hold one)
    if ink.shape[1] < length or not rows.size:
        return out
    out[rows] = _covered_runs(ink[rows], length, 1)
    return out


def _covered_runs(ink: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels of ``ink`` (2-D bool, at least ``length`` long along ``axis``) in a run of ``length``
    or more along ``axis``. Windows all of ink found by doubling spans (x to x + 2s is all ink where
    x to x + s and x + s to x + 2s are), and the pixels they cover likewise: a dozen passes of
    boolean ands and ors, where running sums in 32 bits took three times as long."""

    def part(a: np.ndarray, start: int | None, stop: int | None) -> np.ndarray:
        return a[(slice(None),) * axis + (slice(start, stop),)]  # a view: ``a`` cut along ``axis``

    full = ink  # then: full[x] where ink[x : x + span] (along ``axis``) is all ink
    span = 1
    while span < length:
        step = min(span, length - span)
        full = part(full, None, -step) & part(full, step, None)
        span += step
    # Pixel x is covered when a full window starts in [x - length + 1, x].
    covered = np.zeros(ink.shape, dtype=bool)
    part(covered, None, full.shape[axis])[...] = full
    span = 1
    while span < length:
        step = min(span, length - span)
        later = part(covered, step, None)
        later |= part(covered, None, -step).copy()
        span += step
    return covered


def _thin(ink: np.ndarray, reach: int, axis: int = 0) -> np.ndarray:
    """Ink with background ``reach`` pixels before or after it along ``axis`` (0: above or below,
    1: left or right): lines, not filled bars."""
    both = np.zeros_like(ink)  # ink ``reach`` before and after
    if axis == 0:
        both[reach:-reach] = ink[: -2 * reach] & ink[2 * reach :]
    else:
        both[:, reach:-reach] = ink[:, : -2 * reach] & ink[:, 2 * reach :]
    return ink & ~both


def remove_rules(gray: np.ndarray, length: int = 60, ink_below: int = 215, upright: int = 30) -> np.ndarray:
    """Table grid lines, borders and underlines painted white: tesseract drops text touching them.
    Upright lines from ``upright`` pixels: the sides of a keypad's buttons (36 px on a Qt dial pad)
    hid the digits between them."""
    out = gray.astype(np.uint8)  # (a copy)
    out[rule_mask(gray, length, ink_below, upright)] = 255
    return out


def rule_mask(gray: np.ndarray, length: int = 60, ink_below: int = 215, upright: int = 30) -> np.ndarray:
    """The pixels of :func:`remove_rules`' lines (2-D bool)."""
    ink = gray < ink_below
    return np.asarray(_long_runs(_thin(ink, 3), length) | _long_runs(_thin(ink, 3, axis=1), upright, axis=0))


def lighten_ground(gray: np.ndarray, knee: int = 185, white: int = 222) -> np.ndarray:
    """Every light ground made white, text left as it is: levels ``knee``..``white`` stretched to
    ``knee``..255, darker kept, lighter white.

    Tesseract binarises with one global (Otsu) threshold. A screen of light panels in different
    greys (a 203 desktop, a 217 dialog) can put that threshold between the greys: the desktop turns
    black and the dialog's text is lost (form-tk-preferences: 3 of 14 lines read). Faint grey text
    (about 150 on white) keeps its strokes below the knee.
    """
    levels = np.arange(256, dtype=np.float32)
    stretched = knee + (levels - knee) * (255 - knee) / (white - knee)
    lut = np.clip(np.where(levels < knee, levels, stretched), 0, 255).astype(np.uint8)
    return np.take(lut, gray)


FIT_TEXT = ScaleConfig()
STROKE_STEP = 24  # grey levels between neighbours that make a stroke (stripe_cuts' step)
PAD = 8  # pixels of the edge's colour put around a stripe
SHEET_PSM = 6  # a sheet of snippets is one uniform block: page layout analysis drops lone digits
# A page is read as this many stripes at once, whatever the machine's cores: where the stripes are
# cut decides what tesseract reads (a cut near a line changes its words), and the readings were
# tuned and measured with two. Taken from the core count, a 4-core desktop heard other words than
# the ones measured, and a 1-core one others again.
STRIPES = 2


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    """Ends ``proc`` (a process waiting for its picture, or one that took too long)."""
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.communicate()


def _word_rows(tsv: str) -> list[dict[str, Any]]:
    """The word rows (level 5) of tesseract's TSV, each a dict by the header's names, as
    ``csv.DictReader`` (tab-separated, no quoting) gives them (a missing field None): the other
    levels' rows, half of them, are skipped before they are split."""
    lines = tsv.split("\n")
    names = lines[0].rstrip("\r").split("\t") if lines else []
    rows: list[dict[str, Any]] = []
    for line in lines[1:]:
        if not line.startswith("5\t"):
            continue
        fields: list[str | None] = list(line.rstrip("\r").split("\t"))
        fields += [None] * (len(names) - len(fields))
        rows.append(dict(zip(names, fields, strict=False)))
    return rows


@dataclass(frozen=True)
class _Stripe:
    """A stripe's picture as tesseract is given it, and where its pixels lie in the page's."""

    image: Image.Image
    scale: float
    dy: int  # the page's row of the picture's first (its padding included)
    dx: int
    cuts: list[Cut]


class TesseractEngine(OcrEngine):
    """``scale``: resize factor before OCR (the least: ``fit_text`` scales a stripe of small text
    more, :mod:`assistant.ocr.text_height`; None: ``scale`` everywhere); ``processes``: stripes
    OCR'd at once (:data:`STRIPES`); ``in_process``: read by the system's libtesseract in this
    process (None: where it loads with OpenMP held to one thread,
    :func:`~assistant.ocr.tess_api.in_process_available`),
    not by the ``tesseract`` program. A colour picture's coloured letters are read by their colour's
    contrast with their ground (:func:`ink_grey`), not their grey's.

    The 1.5x default was measured on the rendered screen set (benchmarks/ocr_engines.py): at 1x
    tesseract drops small UI text (buttons, tab names) and recall falls to about 0.9.
    """

    name = "tesseract"

    def __init__(
        self,
        lang: str = "eng",
        scale: float = 1.5,
        processes: int | None = None,
        invert_dark: bool = True,
        min_confidence: float = 0.3,
        psm: int = 3,
        timeout_s: float = 60.0,
        fit_text: ScaleConfig | None = FIT_TEXT,
        in_process: bool | None = None,
    ) -> None:
        exe = shutil.which("tesseract")
        if exe is None or not tesseract_available(lang):
            raise AssistantError("Tesseract is not installed, so text cannot be read with it.")
        self.exe = exe
        self.lang = lang
        self.scale = scale
        self.invert_dark = invert_dark
        self.processes = processes or STRIPES
        self.min_confidence = min_confidence
        self.psm = psm
        self.timeout_s = timeout_s
        self.fit_text = fit_text
        if in_process is None:
            in_process = in_process_available(lang)
        self._models = TessModels(lang, timeout_s) if in_process else None
        self._spare: subprocess.Popen[bytes] | None = None  # the next sheet's process, waiting
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _stop, None)

    def close(self) -> None:
        """Stops the process waiting for a sheet, if any (also done when the engine is collected)."""
        self.release()

    def release(self) -> bool:
        """Lets go of the models kept loaded (about 6 MB each), or stops the process waiting for a
        sheet (about 30 MB); the next reading loads them again. Whether any was held: the app's
        quiet-minute release logs what went."""
        held = self._models.release() > 0 if self._models is not None else False
        with self._lock:
            spare, self._spare = self._spare, None
        _stop(spare)
        return held or spare is not None

    def _start(self, psm: int) -> subprocess.Popen[bytes]:
        """A tesseract process that loads its model at once, then waits for its picture on stdin."""
        return subprocess.Popen(
            [self.exe, "stdin", "stdout", "-l", self.lang, "--psm", str(psm), "tsv"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(os.environ, OMP_THREAD_LIMIT="1"),
        )

    def _finish(self, proc: subprocess.Popen[bytes], image: Image.Image) -> str:
        """The TSV ``proc`` (:meth:`_start`) makes of ``image``."""
        buf = io.BytesIO()
        image.save(buf, format="PPM")  # raw grey levels: no compressing (PNG took 10-20 ms), same reading
        try:
            out, _ = proc.communicate(buf.getvalue(), timeout=self.timeout_s)
        except subprocess.TimeoutExpired as exc:
            _stop(proc)
            raise AssistantError("Reading the text took too long and was stopped.") from exc
        except OSError as exc:  # it had gone (a broken pipe)
            _stop(proc)
            raise AssistantError("Tesseract could not read this image.") from exc
        if proc.returncode != 0:
            raise AssistantError("Tesseract could not read this image.")
        return out.decode("utf-8", errors="replace")

    def _warm_sheet(self) -> None:
        """Starts the process for the next sheet (:meth:`read_sheet`), unless one is waiting. In this
        process: a model for every stripe, loaded once (after a small picture, such as the app's
        warm-up, read by one), so that the next page's stripes all start at once."""
        if self._models is not None:
            self._models.warm(self.processes)
            return
        with self._lock:
            if self._spare is None or self._spare.poll() is not None:
                self._spare = self._start(SHEET_PSM)
                self._finalizer.detach()
                self._finalizer = weakref.finalize(self, _stop, self._spare)

    def _run(self, image: Image.Image, psm: int | None = None) -> str:
        psm = psm or self.psm
        if self._models is not None:
            return self._models.read_tsv(image, psm)
        spare = None
        if psm == SHEET_PSM:
            with self._lock:
                spare, self._spare = self._spare, None
        if spare is None or spare.poll() is not None:  # none waiting, or it had ended: a fresh one
            spare = self._start(psm)
        return self._finish(spare, image)

    def _parse(
        self, tsv: str, factor: float, dy: int, dx: int = 0, cuts: list[Cut] | None = None
    ) -> list[OcrLine]:
        grouped: dict[tuple[str, str, str], list[OcrWord]] = {}
        for row in _word_rows(tsv):
            said = (row.get("text") or "").strip()
            text = BAR if said == BAR else said.strip("|{}[]")  # a lone bar: perhaps an "I" (capital_i)
            conf = float(row.get("conf") or -1) / 100.0
            if conf < self.min_confidence or not (text == BAR or any(ch.isalnum() for ch in text)):
                continue  # borders and rules read as "|" or "_" are not text
            x, y, w, h = (int(row[k]) for k in ("left", "top", "width", "height"))
            word = OcrWord(text, scale_box((x, y, x + w, y + h), factor, dx, dy), conf)
            grouped.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(word)
        lines = []
        for line_words in grouped.values():
            kept = split_words(capital_i(sorted(line_words, key=lambda w: w.box[0])), cuts or [])
            for words in split_at_gutters(kept) if kept else []:
                lines.append(
                    OcrLine(
                        text=" ".join(w.text for w in words),
                        box=union_box([w.box for w in words]),
                        confidence=float(np.mean([w.confidence for w in words])),
                        words=words,
                    )
                )
        return lines

    def _prepared(self, part: np.ndarray, plain: list[Piece] | None = None) -> tuple[Image.Image, float]:
        """The stripe's content ``part`` as tesseract reads it best, and its scale; ``plain``: its
        lines made plain (:mod:`assistant.ocr.bands`), in its pixels."""
        if self.invert_dark:
            if plain:
                # Made plain before the dark areas are found (a light row between a band's dark
                # cells and the window's edge is no dark area's) and after (a band one line
                # high in a dark terminal is none either).
                shown = invert_dark_areas(for_inversion(part, plain))
                for x0, y0, x1, y1, grey in plain:
                    shown[y0:y1, x0:x1] = grey
                    # A light rule along the band (mc's white rows under its key bar) stays light:
                    # inverted with the dark beyond it, it underlined the band's words.
                    for y in (*range(max(0, y0 - 3), y0), *range(y1, min(part.shape[0], y1 + 3))):
                        if (part[y, x0:x1] >= 170).mean() > 0.9:
                            shown[y, x0:x1] = part[y, x0:x1]
            else:
                shown = invert_dark_areas(part)
            part = lighten_ground(remove_rules(shown))
        # A border of the edge colour: tesseract misses text touching the image edge.
        edge = int(np.median(part[[0, -1], :]))
        img = ImageOps.expand(Image.fromarray(part), border=PAD, fill=edge)
        scale = self.scale if self.fit_text is None else reading_scale(part, self.scale, self.fit_text)
        if scale != 1.0:
            img = img.resize((round(img.width * scale), round(img.height * scale)), Image.Resampling.LANCZOS)
        return img, scale

    def _stripe(
        self,
        gray: np.ndarray,
        y0: int,
        y1: int,
        psm: int | None = None,
        rgb: np.ndarray | None = None,
    ) -> list[OcrLine]:
        """Prepares and reads one horizontal stripe (:meth:`_stripe_picture`); where tesseract is
        run as a program, in a worker thread with its process started first (numpy and the
        process both leave the GIL, so stripes really run side by side)."""
        if self._models is not None or (psm or self.psm) == SHEET_PSM:  # no process to start first
            stripe = self._stripe_picture(gray, y0, y1, rgb)
            return self._stripe_lines(stripe, self._run(stripe.image, psm), gray) if stripe else []
        if content_span(gray[y0:y1]) is None:
            return []  # nothing but flat ground (an empty desktop)
        proc = self._start(psm or self.psm)  # started now, its model loads while the stripe is prepared
        try:
            stripe = self._stripe_picture(gray, y0, y1, rgb)
        except BaseException:
            _stop(proc)  # not left waiting
            raise
        if stripe is None:  # (not after the span above)
            _stop(proc)
            return []
        return self._stripe_lines(stripe, self._finish(proc, stripe.image), gray)

    def _stripe_picture(
        self, gray: np.ndarray, y0: int, y1: int, rgb: np.ndarray | None = None
    ) -> _Stripe | None:
        """The stripe's content as tesseract reads it best, or None when it is flat ground (an empty
        desktop): from the picture's colours ``rgb`` when given, its lines on bands made plain and
        words cut where their ground changes (:func:`~assistant.ocr.bands.plain_rows`: with the
        rows round the stripe, whose edge would cut a band off from what lies above and below it)."""
        span = content_span(gray[y0:y1])
        if span is None:
            return None
        cx0, cy0, cx1, cy1 = span
        pieces, cuts = plain_rows(rgb, gray, y0, y1) if rgb is not None else ([], [])
        here = clipped(pieces, cx0, y0 + cy0, cx1, y0 + cy1)
        part = gray[y0 + cy0 : y0 + cy1, cx0:cx1]
        if rgb is not None:
            part = ink_grey(rgb[y0 + cy0 : y0 + cy1, cx0:cx1], part)
        img, scale = self._prepared(part, here)
        return _Stripe(img, scale, y0 + cy0 - PAD, cx0 - PAD, cuts)

    def _stripe_lines(self, stripe: _Stripe, tsv: str, gray: np.ndarray) -> list[OcrLine]:
        """The lines of a stripe's TSV, in the picture's pixels."""
        return carets(self._parse(tsv, 1.0 / stripe.scale, stripe.dy, stripe.dx, stripe.cuts), gray)

    def _stripes_in_turn(
        self, gray: np.ndarray, cuts: list[tuple[int, int]], rgb: np.ndarray | None
    ) -> list[list[OcrLine]]:
        """The stripes (models in this process) prepared here one after another, the one with the
        most strokes first, each read by a model in a worker as soon as it is ready.

        Prepared side by side, as the program's stripes are, the preparations (much of it Python,
        holding the GIL; 10-25 ms a stripe of a screen) waited on each other, and neither stripe's
        reading started before both were ready: the stripe with the most text, which the page
        waits for, started late. The readings are the same (each stripe's picture is)."""
        strokes = [
            np.count_nonzero(np.abs(np.diff(gray[y0:y1:4].astype(np.int16), axis=1)) > STROKE_STEP)
            for y0, y1 in cuts
        ]
        pending: list[Future[list[OcrLine]] | None] = [None] * len(cuts)
        with ThreadPoolExecutor(max_workers=len(cuts)) as pool:
            for k in sorted(range(len(cuts)), key=lambda k: -strokes[k]):  # the most text first
                stripe = self._stripe_picture(gray, cuts[k][0], cuts[k][1], rgb)
                if stripe is not None:
                    pending[k] = pool.submit(self._read_stripe, stripe, gray)
            return [f.result() if f is not None else [] for f in pending]

    def _read_stripe(self, stripe: _Stripe, gray: np.ndarray) -> list[OcrLine]:
        """A prepared stripe read by a model of this process (in a worker: the call leaves the GIL)."""
        return self._stripe_lines(stripe, self._run(stripe.image), gray)

    def read_sheet(self, sheet: Image.Image) -> OcrResult:
        """One process, as one uniform block (--psm 6): page layout analysis drops lone digits."""
        start = time.perf_counter()
        lines = self._stripe(np.asarray(sheet.convert("L")), 0, sheet.height, psm=SHEET_PSM)
        elapsed = (time.perf_counter() - start) * 1000
        return OcrResult(lines=lines, engine=self.name, elapsed_ms=elapsed, image_size=sheet.size)

    def recognize(self, image: Image.Image) -> OcrResult:
        start = time.perf_counter()
        gray = np.asarray(image.convert("L"))
        coloured = self.invert_dark and image.mode not in ("L", "1")
        rgb = np.asarray(image if image.mode == "RGB" else image.convert("RGB")) if coloured else None
        cuts = list(pairwise(stripe_cuts(gray, self.processes)))
        if len(cuts) == 1:
            parts = [self._stripe(gray, cuts[0][0], cuts[0][1], rgb=rgb)]
        elif self._models is not None:
            parts = self._stripes_in_turn(gray, cuts, rgb)
        else:
            with ThreadPoolExecutor(max_workers=len(cuts)) as pool:
                parts = list(pool.map(lambda c: self._stripe(gray, c[0], c[1], rgb=rgb), cuts))
        self._warm_sheet()  # a sheet of snippets often follows (assistant.ocr.gaps, .titles)
        lines = rejoined([line for part in parts for line in part])
        elapsed = (time.perf_counter() - start) * 1000
        return OcrResult(lines=lines, engine=self.name, elapsed_ms=elapsed, image_size=image.size)
