"""Text drawn in an X core bitmap font read from the font's own glyphs, before any engine.

xterm, man pages in it, xmessage and xcalc draw with the X server's bitmap fonts (xfonts-base's
``fixed``, 6x10, 7x13, 9x15, ...): every character is, pixel for pixel, the font's glyph, on a grid
of cells as wide as the font's pitch and as tall as its ascent and descent. Such text needs no
engine: a cell whose ink (the pixels not of the cell's ground) is exactly one glyph *is* that
character. Tesseract read these screens slowly (their small text is scaled up two or three times
before reading) and with the look-alikes of small bitmap letters ("w" for "u", "5" for "S"),
which the glyph vote (:mod:`assistant.ocr.glyph_vote`) and the font checks afterwards
(:mod:`assistant.ocr.font_first`, :mod:`assistant.ocr.bitmap_fonts`) then put right one by one.

Here the grid is found first, from a few sample lines: the font, and where its rows and columns
start (each terminal on the screen has its own). Then every cell of the picture on that grid is
matched against the font's glyphs at once (a hash of each cell's packed ink), and the rows of
matched cells become words and lines, as an engine would give them. The words are painted out with
their cells' ground, and the engine reads what is left (title bars, other windows, anything not in
the font), usually little or nothing. A word with a cell that is no glyph (an antialiased font, an
icon, a box-drawing character, a cell two windows share) is left to the engine, whole.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

import numpy as np
from PIL import Image

from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.bitmap_fonts import BitmapFont, core_fonts
from assistant.ocr.boxes import Box, OcrLine, OcrWord, union_box
from assistant.ocr.ink import colour_codes
from assistant.ocr.tesseract import content_span, split_at_gutters
from assistant.ocr.text_height import row_runs, stroke_rows

# Random odd 64-bit weights: a cell's packed ink (bytes) hashed as their weighted sum (mod 2**64),
# so that a whole picture's cells are looked up among a font's glyphs with one searchsorted.
# (Bytes enough for the largest cell xfonts-base has, 10x20: 25.)
_WEIGHTS = np.random.default_rng(20261206).integers(1, 2**63, size=128, dtype=np.uint64) | np.uint64(1)


@dataclass(frozen=True)
class GlyphConfig:
    slab: int = 192  # pixels: lines are found in vertical slabs (columns of text apart)
    step: int = 24  # grey levels: a stroke's edge (as text_height)
    samples: int = 24  # sample lines the grids are looked for on
    # Sample lines on no font that end the search, none found before: this many, and half of them.
    give_up: int = 4
    # A sample line is tried only where its ink is nearly all of a few colours (a bitmap font has
    # no antialiasing): the share of its ink pixels in its three commonest ink colours.
    flat_ink: float = 0.9
    min_cells: int = 12  # matched cells, over the samples, that make a grid
    min_share: float = 0.85  # of the samples' inked cells on that grid, the share that match
    # Rows a grid must fill: a terminal fills many, and a lone line read from glyphs among lines
    # the engine reads (xmessage spaces its lines as it likes: each line a grid of its own) was
    # put in order with them worse than all read by the engine. A picture fewer rows tall (a band
    # of changed rows read again, assistant.ocr.incremental) need be filled only as far as it goes.
    min_rows: int = 3
    min_word_cells: int = 3  # matched cells a row needs, one of them a letter or digit
    confidence: float = 0.95  # of a word read from glyphs: sure, but a look-alike glyph may be shared


@dataclass(frozen=True)
class Grid:
    """Where a font's cells lie: rows start at ``top`` + k * height, columns at ``left`` + j * pitch."""

    font: BitmapFont
    top: int
    left: int

    @property
    def height(self) -> int:
        return self.font.ascent + self.font.descent


@dataclass
class GlyphReading:
    lines: list[OcrLine]
    painted: np.ndarray  # (h, w, 3) the picture with the words read painted out in their ground


@dataclass(frozen=True)
class _Table:
    hashes: np.ndarray  # (G,) uint64 sorted
    chars: np.ndarray  # (G,) <U1, the character of each hash


_TABLES: dict[str, _Table] = {}


def _table(font: BitmapFont) -> _Table:
    """``font``'s glyphs as sorted hashes (built once per font)."""
    if font.name in _TABLES:
        return _TABLES[font.name]
    keys = list(font.glyphs)
    packed = np.zeros((len(keys), (font.ascent + font.descent) * font.pitch // 8 + 1), dtype=np.uint8)
    for i, key in enumerate(keys):
        packed[i, : len(key)] = np.frombuffer(key, dtype=np.uint8)
    hashes = _hash(packed)
    order = np.argsort(hashes)
    _TABLES[font.name] = _Table(hashes[order], np.array([font.glyphs[keys[i]] for i in order]))
    return _TABLES[font.name]


def _hash(packed: np.ndarray) -> np.ndarray:
    """(N, B) uint8 -> (N,) uint64; trailing zero bytes do not change it."""
    weights = _WEIGHTS[: packed.shape[1]]
    with np.errstate(over="ignore"):
        return (packed.astype(np.uint64) * weights).sum(axis=1, dtype=np.uint64)


def _cells(colours: np.ndarray, grid: Grid, rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
    """The ink of ``rows`` x ``cols`` cells of ``grid`` from its origin: (rows, cols, h, w) bool, and
    each cell's ground colour (rows, cols): the colour three of its four corners share (a reversed
    cell, a coloured bar: glyphs hardly reach a cell's corners), or else the colour its top corners
    share (an underlined cell: the underline runs through its bottom corners), or its bottom ones,
    or else the commonest corner colour of its row of cells."""
    h, w = grid.height, grid.font.pitch
    part = colours[grid.top : grid.top + rows * h, grid.left : grid.left + cols * w]
    cells = part.reshape(rows, h, cols, w).transpose(0, 2, 1, 3)  # (rows, cols, h, w)
    corners = np.stack(
        [cells[..., 0, 0], cells[..., 0, -1], cells[..., -1, 0], cells[..., -1, -1]]
    )  # (4, rows, cols)
    shared = (corners[:, None] == corners[None, :]).sum(axis=1)  # (4, rows, cols): corners like each
    row_ground = np.array([_commonest(c) for c in corners.transpose(1, 0, 2).reshape(rows, -1)])  # (rows,)
    top = np.where(
        corners[0] == corners[1],
        corners[0],
        np.where(corners[2] == corners[3], corners[2], row_ground[:, None]),
    )
    ground = np.where(shared[0] >= 3, corners[0], np.where(shared[3] >= 3, corners[3], top))
    ink = cells != ground[..., None, None]
    return ink, ground


def _commonest(values: np.ndarray) -> int:
    found, counts = np.unique(values, return_counts=True)
    return int(found[np.argmax(counts)])


def _lookup(ink: np.ndarray, font: BitmapFont) -> np.ndarray:
    """(..., h, w) bool -> (...) str: each cell's character; " " for a bare cell, one all ink (a
    block cursor) or a rule's (a column or a row of the cell all ink: a window's border, a
    scroll bar, a box-drawing line) that is no glyph; "" for any other cell that is no glyph."""
    shape = ink.shape[:-2]
    flat = ink.reshape(-1, ink.shape[-2] * ink.shape[-1])
    table = _table(font)
    hashes = _hash(np.packbits(flat, axis=1))
    at = np.clip(np.searchsorted(table.hashes, hashes), 0, len(table.hashes) - 1)
    found = table.hashes[at] == hashes
    cells = ink.reshape(-1, ink.shape[-2], ink.shape[-1])[~found]  # (cells no glyph, h, w): rules?
    rule = np.any(np.all(cells, axis=1), axis=1) | np.any(np.all(cells, axis=2), axis=1)
    bare = np.asarray(~np.any(flat, axis=1))
    bare[np.flatnonzero(~found)] |= rule
    out = np.where(found, table.chars[at], "")
    out[bare] = " "
    return out.reshape(shape)


def _sample_lines(gray: np.ndarray, rgb: np.ndarray, cfg: GlyphConfig) -> list[tuple[int, int, int, int]]:
    """Lines (x0, y0, x1, y1) of flat-coloured ink: where a bitmap font may be, a few spread over
    the picture."""
    width = gray.shape[1]
    strokes = stroke_rows(gray, cfg.slab, cfg.step)  # (h, slabs)
    found = [
        (k * cfg.slab, y0, min((k + 1) * cfg.slab, width), y1)
        for k in range(strokes.shape[1])
        for y0, y1 in row_runs(strokes[:, k])
        if 5 <= y1 - y0 <= 24
    ]
    if len(found) > 3 * cfg.samples:
        found = found[:: len(found) // (3 * cfg.samples)]
    flat = []
    for x0, y0, x1, y1 in found:
        _, counts = np.unique(colour_codes(rgb[y0:y1, x0:x1]), return_counts=True)
        counts = np.sort(counts)[::-1]
        ink = counts[1:].sum()
        if ink and counts[1:4].sum() >= cfg.flat_ink * ink:
            flat.append((x0, y0, x1, y1))
    if len(flat) > cfg.samples:  # spread evenly: a terminal on the right is sampled too
        flat = [flat[i] for i in np.linspace(0, len(flat) - 1, cfg.samples).round().astype(int)]
    return flat


def _match(rows: np.ndarray, font: BitmapFont, phases: list[int]) -> tuple[int, int, int] | None:
    """The cells of one row of ``font`` over ``rows`` (h, width bool ink) that are its glyphs, at
    the best of the column ``phases``: (cells matched, cells inked, phase); None when too narrow."""
    best = _best_match(rows, font, [0], phases)
    return None if best is None else (best[0], best[1], best[3])


def _best_match(
    band: np.ndarray, font: BitmapFont, tops: list[int], phases: list[int]
) -> tuple[int, int, int, int] | None:
    """:func:`_match` at each of ``tops`` (rows of ``band``, (H, width) bool ink) at once: the row
    and phase where most cells are glyphs, the first such in (top, phase) order: (cells matched,
    cells inked, top, phase); None when too narrow. One lookup for them all: a sample line is tried
    at every top and phase of every font, and a lookup per top cost most of a flat web page's
    search for a grid that is not there."""
    h, w = font.ascent + font.descent, font.pitch
    cols = (band.shape[1] - max(phases)) // w
    if cols < 2:
        return None
    cells = np.stack(
        [band[t : t + h, p : p + cols * w] for t in tops for p in phases]
    )  # (tops * phases, h, cols * w)
    said = _lookup(cells.reshape(len(cells), h, cols, w).transpose(0, 2, 1, 3), font)  # (tops * phases, cols)
    inked = (said != " ").sum(axis=1)
    matched = ((said != " ") & (said != "")).sum(axis=1)
    best = int(np.argmax(matched))
    return int(matched[best]), int(inked[best]), tops[best // len(phases)], phases[best % len(phases)]


def find_grids(rgb: np.ndarray, cfg: GlyphConfig | None = None) -> list[Grid]:
    """The core-font grids in ``rgb`` (h, w, 3): for each font and phase that the sample lines
    agree on, most matched first; none for a picture without a core font (the usual case: told
    from the colours of its lines of ink, or from the first few lines tried matching nothing)."""
    return _grids(rgb, cfg or GlyphConfig())[0]


def _grids(rgb: np.ndarray, cfg: GlyphConfig) -> tuple[list[Grid], np.ndarray | None]:
    """:func:`find_grids`, and the picture's colours (:func:`.colour_codes`) where they were needed."""
    fonts = core_fonts()
    if not fonts:
        return [], None
    gray = np.asarray(Image.fromarray(rgb).convert("L"))
    samples = _sample_lines(gray, rgb, cfg)
    if len(samples) < 2:
        return [], None
    colours = colour_codes(rgb)
    votes: dict[tuple[str, int, int], list[int]] = {}  # (font, top mod h, left mod w) -> [matched, inked]
    byname = {f.name: f for f in fonts}
    reach = max(f.ascent + f.descent for f in fonts)
    misses = 0
    for x0, y0, x1, y1 in samples:
        ry0, ry1 = max(0, y1 - reach), min(colours.shape[0], y0 + reach)
        # A line's ground is its commonest colour (the cells' own corners are for the reading).
        ink = colours[ry0:ry1, x0:x1] != _commonest(colours[y0:y1, x0:x1])  # (rows, x1 - x0)
        # Most lines lie on a grid found already (one terminal, many lines): tried first, alone.
        for key in sorted(votes, key=lambda k: -votes[k][0]):
            font = byname[key[0]]
            h = font.ascent + font.descent
            top = y0 - (y0 - key[1]) % h
            if top + h < y1 or top < ry0 or top + h > ry1:
                continue
            said = _match(ink[top - ry0 : top - ry0 + h], font, [(key[2] - x0) % font.pitch])
            if said is not None and said[0] >= cfg.min_share * said[1]:
                votes[key][0] += said[0]
                votes[key][1] += said[1]
                break
            if said is not None and said[0] >= 0.5 * said[1]:
                break  # this grid with a few cells no glyph (an icon, a cursor): no other grid
        else:
            best: tuple[int, tuple[str, int, int], int] | None = None
            for font in fonts:
                h, w = font.ascent + font.descent, font.pitch
                if y1 - y0 > h:
                    continue
                tops = list(range(max(ry0, y1 - h), min(y0, ry1 - h) + 1))
                found = _best_match(ink, font, [t - ry0 for t in tops], list(range(w))) if tops else None
                if found is not None and found[1] and (best is None or found[0] > best[0]):
                    top = found[2] + ry0
                    best = (found[0], (font.name, top % h, (x0 + found[3]) % w), found[1])
                if best is not None and best[0] >= 3 and best[0] == best[2]:
                    break  # every inked cell a glyph of this font: no other is looked at
            if best is not None and best[0] > 0:
                vote = votes.setdefault(best[1], [0, 0])
                vote[0] += best[0]
                vote[1] += best[2]
            else:
                misses += 1
                if misses >= max(cfg.give_up, len(samples) // 2) and not votes:
                    return [], colours  # lines of flat ink, but in no core font (a web page's)
    grids = [
        (m, Grid(byname[name], top, left))
        for (name, top, left), (m, inked) in votes.items()
        if m >= cfg.min_cells and m >= cfg.min_share * inked
    ]
    return [g for _, g in sorted(grids, key=lambda mg: -mg[0])], colours


def _ink_box(ink: np.ndarray, x: int, y: int) -> Box:
    """The box round the ink of a run of cells (h, n * w) whose top left pixel is (x, y)."""
    ys, xs = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return (x + int(xs[0]), y + int(ys[0]), x + int(xs[-1]) + 1, y + int(ys[-1]) + 1)


def _words(said: np.ndarray, ground: np.ndarray) -> list[tuple[int, int]]:
    """The cell spans [a, b) of one row's words: runs of inked cells, cut where the cells' ground
    changes (a key bar's "F1" on black beside "Help" on cyan are two words to the eye); a cell
    whose ground no other cell of the row has is a block cursor on a word, and cuts nothing."""
    colours, counts = np.unique(ground, return_counts=True)
    lone = set(colours[counts == 1].tolist())  # a ground of one cell in the row: a block cursor
    shown = np.array([g if g not in lone else -1 for g in ground.tolist()])
    out = []
    for run in np.ma.clump_unmasked(np.ma.masked_equal(said, " ")):
        cuts = [
            j
            for j in range(run.start + 1, run.stop)
            if shown[j] != shown[j - 1] and shown[j] != -1 and shown[j - 1] != -1
        ]
        out += list(itertools.pairwise([run.start, *cuts, run.stop]))
    return out


def _row_lines(
    said: np.ndarray, ink: np.ndarray, ground: np.ndarray, grid: Grid, y: int, cfg: GlyphConfig
) -> list[tuple[OcrLine, list[tuple[int, int]]]]:
    """One row of cells' lines, each with the cell spans [a, b) of its words (:func:`_words`),
    every cell of them a glyph; a line ends at a word with a cell that is no glyph, and at a
    gutter as tesseract's lines do (:func:`~assistant.ocr.tesseract.split_at_gutters`), so that
    what follows (tables, terminals) sees lines as it always has."""
    w = grid.font.pitch
    runs: list[list[tuple[OcrWord, tuple[int, int]]]] = [[]]
    for j, k in _words(said, ground):
        if (said[j:k] == "").any():  # no glyph: the line ends (the engine reads that word)
            runs.append([])
            continue
        box = _ink_box(ink[j:k].transpose(1, 0, 2).reshape(grid.height, -1), grid.left + j * w, y)
        runs[-1].append((OcrWord("".join(said[j:k]), box, cfg.confidence), (j, k)))
    words = [wd for run in runs for wd, _ in run]
    text = "".join(wd.text for wd in words)
    if sum(len(wd.text) for wd in words) < cfg.min_word_cells or not any(ch.isalnum() for ch in text):
        return []  # a few stray cells in step with the grid (a rule's end, a dot): no text
    out = []
    for run in runs:
        spans = {wd.box: span for wd, span in run}
        for line_words in split_at_gutters([wd for wd, _ in run]) if run else []:
            out.append((OcrLine.of(line_words, cfg.confidence), [spans[wd.box] for wd in line_words]))
    return out


@dataclass
class GridReading:
    """The lines read on one grid, and which of its cells (rows, cols) their words fill."""

    lines: list[OcrLine]
    grid: Grid  # the grid moved to its first whole cell in the picture
    filled: np.ndarray  # (rows, cols) bool
    ground: np.ndarray  # (rows, cols) each cell's ground colour (packed)

    @property
    def rows(self) -> int:
        return int(self.filled.any(axis=1).sum())


def read_grid(colours: np.ndarray, grid: Grid, cfg: GlyphConfig, taken: np.ndarray) -> GridReading:
    """Every line on ``grid`` in the picture of ``colours`` (:func:`.colour_codes`); cells already
    ``taken`` (h, w bool: by another grid) are left out."""
    h, w = grid.height, grid.font.pitch
    top, left = grid.top % h, grid.left % w
    rows, cols = max(0, (colours.shape[0] - top) // h), max(0, (colours.shape[1] - left) // w)
    at = Grid(grid.font, top, left)
    filled = np.zeros((rows, cols), dtype=bool)
    if rows < 1 or cols < 1:
        return GridReading([], at, filled, np.zeros((rows, cols), dtype=np.int32))
    ink, ground = _cells(colours, at, rows, cols)
    said = _lookup(ink, grid.font)
    free = ~taken[top : top + rows * h, left : left + cols * w].reshape(rows, h, cols, w).any(axis=(1, 3))
    said = np.where(free, said, "")
    lines = []
    for r in np.flatnonzero((said != " ").any(axis=1)):
        for line, spans in _row_lines(said[r], ink[r], ground[r], at, top + int(r) * h, cfg):
            lines.append(line)
            for a, b in spans:
                filled[r, a:b] = True
    return GridReading(lines, at, filled, ground)


def _paint(painted: np.ndarray, taken: np.ndarray, read: GridReading) -> None:
    """The cells ``read`` filled painted in their ground, and marked ``taken``."""
    h, w = read.grid.height, read.grid.font.pitch
    rows, cols = read.filled.shape
    y0, x0 = read.grid.top, read.grid.left
    region = painted[y0 : y0 + rows * h, x0 : x0 + cols * w].reshape(rows, h, cols, w, 3)
    ground = np.stack([(read.ground >> s) & 255 for s in (16, 8, 0)], axis=-1).astype(
        np.uint8
    )  # (rows, cols, 3)
    for r in np.flatnonzero(read.filled.any(axis=1)):
        keep = read.filled[r][None, :, None, None]  # (1, cols, 1, 1)
        region[r] = np.where(keep, ground[r][None, :, None, :], region[r])
    taken[y0 : y0 + rows * h, x0 : x0 + cols * w] |= np.repeat(np.repeat(read.filled, h, axis=0), w, axis=1)


def read_glyphs(rgb: np.ndarray, cfg: GlyphConfig | None = None) -> GlyphReading:
    """The lines of ``rgb`` (h, w, 3) drawn in core fonts, and the picture with them painted out."""
    cfg = cfg or GlyphConfig()
    painted = rgb.copy()
    lines: list[OcrLine] = []
    taken = np.zeros(rgb.shape[:2], dtype=bool)
    grids, colours = _grids(rgb, cfg)
    if colours is None:  # (no sample line to look at: no grid either)
        return GlyphReading(lines, painted)
    for grid in grids:
        read = read_grid(colours, grid, cfg, taken)
        if read.rows < min(cfg.min_rows, read.filled.shape[0]):
            continue  # a line or two in step with a font: left to the engine with the lines round it
        lines += read.lines
        _paint(painted, taken, read)
    return GlyphReading(lines, painted)


class GlyphFirstOcr(OcrEngine):
    """Core-font text read from its glyphs (:func:`read_glyphs`); ``engine`` reads the rest."""

    def __init__(self, engine: OcrEngine, config: GlyphConfig | None = None) -> None:
        self.engine = engine
        self.cfg = config or GlyphConfig()
        self.name = engine.name

    def read_sheet(self, sheet: Image.Image) -> OcrResult:
        return self.engine.read_sheet(sheet)

    def recognize(self, image: Image.Image) -> OcrResult:
        start = time.perf_counter()
        rgb = np.asarray(image.convert("RGB"))
        reading = read_glyphs(rgb, self.cfg)
        if not reading.lines:
            return self.engine.recognize(image)
        rest = reading.painted
        lines = list(reading.lines)
        if content_span(np.asarray(Image.fromarray(rest).convert("L"))) is not None:
            lines += self.engine.recognize(Image.fromarray(rest)).lines
        elapsed = (time.perf_counter() - start) * 1000
        exact = frozenset(w for line in reading.lines for w in line.words)
        return OcrResult(
            lines=lines, engine=self.name, elapsed_ms=elapsed, image_size=image.size, exact=exact
        )


@dataclass(frozen=True)
class LabelConfig:
    edge: int = 2  # pixels: a face's outline lies within this of its box's sides
    rim: int = 3  # pixels inside that: a bevel, left out where the rest of a label's rows is looked at
    flat_ink: float = 0.95  # share of a label's ink pixels in its commonest colour (no antialiasing)
    give_up: int = 3  # labels no core font reads, none read before: the rest are not tried
    trusted: int = 3  # labels read in one font that make it the program's (marks then read in it)
    confidence: float = 0.95  # as GlyphConfig's


def _row_grounds(colours: np.ndarray) -> np.ndarray:
    """(n, m) -> (n,): each row's commonest colour (a shaded face: each row a colour of its own)."""
    return np.array([_commonest(row) for row in colours])


def _label_text(
    ink: np.ndarray, face: Box, label: Box, fonts: list[BitmapFont], rim: int
) -> tuple[str, BitmapFont] | None:
    """The text of ``label`` (the box of the ink inside ``face``, an inner face flat or shaded row
    by row, both boxes in one picture's pixels; ``ink``: the face's, (face rows, face cols) bool)
    where a run of one core font's cells holds all the ink of its rows (``rim`` pixels from the
    face's sides aside), every inked cell exactly a glyph, and that font: the first of ``fonts``
    that reads it. None where none does, or where one font reads it two ways (a "-" is "_" a few
    rows lower)."""
    fx0, fy0, fx1, fy1 = face
    lx0, ly0, lx1, ly1 = label
    # Ink beside the cells in their rows, clear of the face's sides (a bevel): a letter left out.
    beside = np.cumsum(np.pad(ink[:, rim : ink.shape[1] - rim].sum(axis=1), (1, 0)))  # (rows + 1,)
    for font in fonts:
        h, w = font.ascent + font.descent, font.pitch
        tops = range(max(ly1 - h, fy0), min(ly0, fy1 - h) + 1)
        found: set[str] = set()
        for cells in sorted({-(-(lx1 - lx0 + p) // w) for p in range(w)}):
            phases = [
                p
                for p in range(w)
                if -(-(lx1 - lx0 + p) // w) == cells and lx0 - p >= fx0 and lx0 - p + cells * w <= fx1
            ]
            if not tops or not phases:
                continue
            stack = np.stack(
                [
                    ink[t - fy0 : t - fy0 + h, lx0 - p - fx0 : lx0 - p - fx0 + cells * w]
                    for t in tops
                    for p in phases
                ]
            )  # (tops * phases, h, cells * w)
            shaped = stack.reshape(len(stack), h, cells, w).transpose(0, 2, 1, 3)  # (K, cells, h, w)
            said = _lookup(shaped, font)  # (K, cells)
            bare = np.logical_not(shaped.any(axis=(2, 3)))  # (K, cells)
            rows = np.array([beside[t - fy0 + h] - beside[t - fy0] for t in tops for p in phases])  # (K,)
            mid = np.array(
                [
                    ink[
                        t - fy0 : t - fy0 + h,
                        max(lx0 - p - fx0, rim) : min(lx0 - p - fx0 + cells * w, ink.shape[1] - rim),
                    ].sum()
                    for t in tops
                    for p in phases
                ]
            )  # (K,): the cells' own ink clear of the sides
            exact = (
                (said != "").all(axis=1)
                & ((said != " ") | bare).all(axis=1)
                & np.logical_not(bare).any(axis=1)
                & (mid == rows)  # nothing else on the cells' rows: no letter left out
            )
            found |= {"".join(row).strip() for row in said[exact]}
        if len(found) == 1:
            return found.pop(), font
        if found:
            return None
    return None


@dataclass
class LabelReading:
    lines: list[OcrLine | None]  # each place's label, or None
    font: BitmapFont | None  # the program's font: ``LabelConfig.trusted`` labels or more read in it


def read_labels(
    rgb: np.ndarray,
    places: list[tuple[Box, Box]],
    cfg: LabelConfig | None = None,
) -> LabelReading:
    """For each (face, label) of ``places`` (a key's face and the box of the ink on it), its label
    read from a core font's glyphs, or None. xcalc draws its keys' labels in a core font: each key
    is a grid of its own, on a face shaded from top to bottom, too short for :func:`read_glyphs`,
    and the recogniser read them one by one, for most of such a screen's time. Labels in no core
    font (a Qt or Tk keypad's antialiased text) are told from their ink's colours and cost little;
    after ``give_up`` labels read by no font, none read, the rest are not tried.

    A label needs a letter or a digit: a lone bar or dot of flat ink is some font's "-", "__" or
    "." (a truetype minus on a Tk key matched two underscores). A program draws all its keys in
    one font, so once ``cfg.trusted`` labels have been read in one font, the keys left (``*``,
    ``+/-``, ``=``) are read in that font alone, marks and all."""
    cfg = cfg or LabelConfig()
    fonts = list(core_fonts())
    out: list[OcrLine | None] = [None] * len(places)
    if not fonts or not places:
        return LabelReading(out, None)
    ox0, oy0, ox1, oy1 = union_box([face for face, _ in places])
    colours = colour_codes(rgb[oy0:oy1, ox0:ox1])  # the keys' area only
    # Each face's ink (its rows' own grounds), its inner box and its label's, in the area's pixels.
    boxes: list[tuple[np.ndarray, Box, Box] | None] = []
    for face, label in places:
        ix0, iy0 = face[0] - ox0 + cfg.edge, face[1] - oy0 + cfg.edge
        inner = (ix0, iy0, face[2] - ox0 - cfg.edge, face[3] - oy0 - cfg.edge)
        lx0, ly0, lx1, ly1 = (label[0] - ox0, label[1] - oy0, label[2] - ox0, label[3] - oy0)
        if not (inner[0] <= lx0 < lx1 <= inner[2] and inner[1] <= ly0 < ly1 <= inner[3]):
            boxes.append(None)
            continue
        part = colours[inner[1] : inner[3], inner[0] : inner[2]]
        ink = part != _row_grounds(part)[:, None]  # (face rows, face cols)
        inked = part[ly0 - iy0 : ly1 - iy0, lx0 - ix0 : lx1 - ix0][
            ink[ly0 - iy0 : ly1 - iy0, lx0 - ix0 : lx1 - ix0]
        ]
        # Flat ink only: an antialiased label is in no core font.
        flat = inked.size and np.unique(inked, return_counts=True)[1].max() >= cfg.flat_ink * inked.size
        boxes.append((ink, inner, (lx0, ly0, lx1, ly1)) if flat else None)
    used: dict[str, int] = {}
    misses = 0
    for i, (place, (_, label)) in enumerate(zip(boxes, places, strict=True)):
        if place is None:
            continue
        read = _label_text(*place, fonts, cfg.rim)
        if read is not None and any(ch.isalnum() for ch in read[0]) and " " not in read[0]:
            out[i] = OcrLine.of([OcrWord(read[0], label, cfg.confidence)], cfg.confidence)
            used[read[1].name] = used.get(read[1].name, 0) + 1
            fonts.remove(read[1])
            fonts.insert(0, read[1])  # the program's font: tried first for the next key
        elif not used:
            misses += 1
            if misses >= cfg.give_up:
                return LabelReading(out, None)
    name, count = max(used.items(), key=lambda kv: kv[1], default=("", 0))
    font = next((f for f in fonts if f.name == name), None) if count >= cfg.trusted else None
    if font is not None:
        for i, (place, (_, label)) in enumerate(zip(boxes, places, strict=True)):
            if out[i] is None and place is not None:
                read = _label_text(*place, [font], cfg.rim)
                if read is not None and read[0] and " " not in read[0]:
                    out[i] = OcrLine.of([OcrWord(read[0], label, cfg.confidence)], cfg.confidence)
    return LabelReading(out, font)
