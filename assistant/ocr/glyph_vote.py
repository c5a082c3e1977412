"""Look-alike characters put right by the screen's own glyphs: a fixed-width font draws each
character with the same pixels wherever it stands.

OCR reads each word apart, and its guess for a look-alike ("1" or "l", "0" or "O", "c" or "e")
leans on the letters round it: on half A's terminals tesseract read "/dev/sda1" as "/dev/sdal",
"expenses-q1.csv" as "expenses-ql.csv" and "wc" as "we", while it read the same "1" right in
"1.8T" and "144G" a few rows away. In a terminal or a man page every character fills a cell of
one width on one grid, so the cells can be cut out without knowing the text: words whose ink
fits ``len(text)`` cells of an integer pitch, starting on a common phase, make a grid
(:mod:`assistant.ocr.cell_grid`). Cells whose ink is the same (against their word's own ground,
placed by the word's baseline) are one glyph; a grid is believed only where most of its cells
have a twin of the same reading (a proportional font cut at a pitch it does not have has few).
A cell whose reading differs from its glyph's clear majority takes the majority's reading, but
only where the font is seen to draw the reading it had differently (a glyph of its own on the
screen, read so) or where that reading had no support from its context. A font that draws "0"
and "O" alike gives both readings support in one glyph, and then nothing changes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from assistant.masks import true_runs
from assistant.ocr.bitmap_fonts import read_cells
from assistant.ocr.boxes import Box, OcrLine, OcrWord, overlaps
from assistant.ocr.cell_grid import GridConfig, GridWord, Inks, grids, lost_spaces, measured
from assistant.ocr.cell_reading import glyph_readings, unread_words

# Characters that stand on the baseline (no descender): a word's baseline is read from these.
_ON_BASELINE = frozenset("abcdefhiklmnorstuvwxzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789!?#%&*<>")
_NUMBER_MARKS = frozenset(".,:")  # between digits these keep a number one number: 1.8, 11:05


@dataclass(frozen=True)
class GlyphConfig:
    grid: GridConfig = field(default_factory=GridConfig)
    # Two groups of cells are one glyph when the squared difference of their mean ink (0..1 a
    # pixel) is under this share of their ink's squares together: a pixel of antialiasing either
    # side of the threshold. Half A's believed grids: groups of different readings 0.043 apart at
    # least (a 6x10 "c" and "o"; 2 pairs in 10,000 under 0.06); 0.02 joins the same ones.
    same: float = 0.025
    # A grid is believed when this share of its cells whose reading occurs in two places or more
    # has a twin, the same ink read alike elsewhere (half A, 39 screens: terminals, man pages and
    # core-font windows such as xcalc's keys and an xmessage 0.83 and more; proportional text cut
    # at a pitch it does not have 0.65 at most, a clock face's tabular digits).
    twins: float = 0.75
    # A glyph's winning reading needs this much say (a reading its context agrees with counts 1,
    # an unclear one 0.5, one its context contradicts 0.25) ...
    min_votes: float = 1.5
    margin: float = 2.0  # ... and this many times the say of all its other readings together
    own_votes: float = 2.0  # a reading's own glyph elsewhere needs this much say (or places) to count


@dataclass(slots=True)
class _Cell:
    line: int  # where its word is in the lines
    word: int
    pos: int  # which character of the word
    text: str  # the word's reading: a twin is the same glyph read alike in another word or place
    reading: str  # the character's: ``text[pos]``
    ink: int = -1  # its exact group: cells of the same ink, pixel for pixel (:func:`_exact`)


# A grid's frames, cells and exact groups, and its rows read: (word, first cell's x, baseline y).
_Grid = tuple[np.ndarray, list[_Cell], np.ndarray, list[tuple[GridWord, int, int]]]


def _say(text: str, pos: int) -> float:
    """How much the context backs the reading at ``pos``: 1 where the nearest letters or digits on
    each side (marks between digits skipped) are of its kind, 0.25 where they are all of the
    other kind, 0.5 otherwise (a mixed or a bare context); 1 for a mark."""
    ch = text[pos]
    if not ch.isalnum():
        return 1.0  # a mark is read by its shape, whatever stands round it
    kinds = set()
    for step in (-1, 1):
        k = pos + step
        while 0 <= k < len(text) and text[k] in _NUMBER_MARKS and ch.isdigit():
            k += step
        if 0 <= k < len(text) and text[k].isalnum():
            kinds.add(text[k].isdigit())
    if not kinds or len(kinds) == 2:
        return 0.5
    return 1.0 if kinds == {ch.isdigit()} else 0.25


def _bracketed(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` is a figure alone in brackets: a number, a man page's section
    ("uniq(1)", "UNIQ(1" with its bracket read apart) or a footnote ("[2]"). Courier-like fonts
    (Tlwg Mono) draw "1" and "l" with the same pixels, and a screen's many "l"s must not outvote
    the engine's "(1)"; no vote changes such a figure."""
    after = text[pos + 1 : pos + 2]
    return text[pos].isdigit() and pos > 0 and text[pos - 1] in "([" and after in ("", ")", "]")


def _shape(placed: list[tuple[GridWord, int]]) -> tuple[int, int]:
    """Rows of a cell's frame kept over and under the baseline."""
    height = int(np.median([w.box[3] - w.box[1] for w, _ in placed]))
    return height + 2, height // 2 + 2


def _frames(
    placed: list[tuple[GridWord, int]], pitch: int, gray: np.ndarray
) -> tuple[np.ndarray, list[_Cell], list[tuple[GridWord, int, int]]]:
    """Every inked cell of the grid's words as a frame ``(n, rows * pitch)`` of ink (0..1), rows
    counted from the word's baseline, what each cell was read as, and the words framed with their
    first cells' x and baselines (the first row under the letters, in the picture)."""
    above, below = _shape(placed)
    frames, cells, rows_read = [], [], []
    for word, start in placed:
        n = len(word.text)
        if word.cut_off(gray, start, start + n * pitch):
            continue
        band = word.ink_over(gray, start, start + n * pitch)  # (h, n * pitch)
        cut = band.reshape(band.shape[0], n, pitch).transpose(1, 0, 2)  # (n, h, pitch)
        rows = np.asarray((cut > 0.5).any(axis=2))  # (n, h)
        inked = np.asarray(rows.any(axis=1))  # (n,)
        bottoms = rows.shape[1] - 1 - np.argmax(rows[:, ::-1], axis=1)
        on_base = sorted(
            int(b) for ch, b, i in zip(word.text, bottoms, inked, strict=True) if i and ch in _ON_BASELINE
        )
        if not on_base:
            continue
        base = on_base[len(on_base) // 2]
        # (n, above + below, pitch): the cells with the baseline at row ``above``.
        frame = np.zeros((n, above + below, pitch), dtype=np.float32)
        top, bottom = max(0, base + 1 - above), min(cut.shape[1], base + 1 + below)
        frame[:, above - (base + 1 - top) : above + (bottom - base - 1), :] = cut[:, top:bottom]
        frames.append(frame.reshape(n, -1)[inked])
        rows_read.append((word, start, word.box[1] + base + 1))
        cells += [
            _Cell(word.line, word.index, k, word.text, word.text[k]) for k in np.flatnonzero(inked).tolist()
        ]
    return (np.concatenate(frames) if frames else np.zeros((0, 1), np.float32)), cells, rows_read


def _exact(frames: np.ndarray) -> np.ndarray:
    """A group number per cell: cells of the same ink, binarised at half the word's contrast."""
    index: dict[bytes, int] = {}
    return np.array([index.setdefault(k.tobytes(), len(index)) for k in np.packbits(frames > 0.5, axis=1)])


def _clusters(frames: np.ndarray, label: np.ndarray, cfg: GlyphConfig) -> np.ndarray:
    """A glyph number per cell: the :func:`_exact` groups ``label`` joined where their mean ink
    differs by under ``same`` (a pixel of antialiasing either side of the threshold is no other
    glyph)."""
    order = np.argsort(label, kind="stable")
    counts = np.bincount(label)
    means = (
        np.add.reduceat(frames[order], np.concatenate(([0], np.cumsum(counts)[:-1])), axis=0)
        / counts[:, None]
    )
    count = len(counts)
    sq = (means * means).sum(axis=1)
    # ||a - b||^2 < same * (||a||^2 + ||b||^2), every pair of groups at once; einsum, not BLAS's
    # matmul: on a busy 2-core machine OpenBLAS's threads made this 87 x 112 product 48 ms, not 0.3.
    dots = np.einsum("if,jf->ij", means, means)
    close = sq[:, None] + sq[None, :] - 2 * dots < cfg.same * (sq[:, None] + sq[None, :])
    parent = np.arange(count)
    for a, b in zip(*np.nonzero(np.triu(close, 1)), strict=True):
        ra, rb = _root(parent, int(a)), _root(parent, int(b))
        parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([_root(parent, k) for k in range(count)])
    return np.asarray(roots[label])


def _root(parent: np.ndarray, k: int) -> int:
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = int(parent[k])
    return k


def _twins(cells: list[_Cell], glyph: np.ndarray) -> list[bool]:
    """Whether each cell has a twin: a cell of its glyph read alike in another word, or at another
    place of the same word (the same word repeated at the same place on the grid, as a table's
    column repeats it, is no evidence: it is cut the same way whatever the font)."""
    places: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for cell, g in zip(cells, glyph.tolist(), strict=True):
        places[(cell.reading, g)].add((cell.text, cell.pos))
    return [len(places[(c.reading, g)]) > 1 for c, g in zip(cells, glyph.tolist(), strict=True)]


def _twinned(cells: list[_Cell], twins: list[bool]) -> float:
    """The share of cells whose reading occurs in two places or more that have a twin."""
    seen: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for cell in cells:
        seen[cell.reading].add((cell.text, cell.pos))
    judged = [t for c, t in zip(cells, twins, strict=True) if len(seen[c.reading]) > 1]
    return sum(judged) / len(judged) if judged else 0.0


def _backed(cells: list[_Cell], twins: list[bool]) -> set[tuple[int, int]]:
    """Words (line, word) cut right, in a fixed-width font: half their cells or more have twins
    (a proportional word that happened to fit the grid has next to none). A word of one cell is
    its own evidence: its ink is a glyph's, pixel for pixel, or it has no glyph to vote in (a
    table's PID "1" read "4" in a 9x15 top)."""
    words: dict[tuple[int, int], list[bool]] = defaultdict(list)
    for cell, twin in zip(cells, twins, strict=True):
        words[(cell.line, cell.word)].append(twin)
    return {k for k, t in words.items() if len(t) == 1 or sum(t) >= 0.5 * len(t)}


def _changes(
    groups: list[list[_Cell]], backed: set[tuple[int, int]], cfg: GlyphConfig
) -> dict[tuple[int, int, int], str]:
    """(line, word, position) -> the character its glyph says it is, where the evidence is clear
    and the cell's word is ``backed``."""
    tallies = []
    for group in groups:
        tally: Counter[str] = Counter()  # say per reading
        if len({c.reading for c in group}) > 1:
            # Each word and place once: an engine reads the same pixels in the same context the
            # same way, so a listing's ten "pts/S" are one misreading, not ten.
            for text, pos in {(c.text, c.pos) for c in group}:
                tally[text[pos]] += _say(text, pos)  # type: ignore[assignment]
        tallies.append(tally)
    # (Ties broken by the reading, not by the order of a set: the same screen, the same vote.)
    winners = [
        max(sorted(t.items()), key=lambda rv: rv[1])
        if t
        else (g[0].reading, float(len({(c.text, c.pos) for c in g})))
        for t, g in zip(tallies, groups, strict=True)
    ]
    tied = [sum(v == say for v in t.values()) > 1 for t, (_, say) in zip(tallies, winners, strict=True)]
    drawn: dict[str, set[int]] = defaultdict(set)  # reading -> the glyphs it is drawn with
    for k, (r, v) in enumerate(winners):
        if v >= cfg.own_votes and not tied[k]:
            drawn[r].add(k)
    own = set(drawn)  # readings the font draws a glyph of their own for
    out = {}
    for k, (group, tally, (best, say)) in enumerate(zip(groups, tallies, winners, strict=True)):
        if say < cfg.min_votes or len(tally) < 2:
            continue
        if tied[k]:  # read as often one way as another: the reading with no glyph elsewhere, if one
            best = next(iter(sorted(r for r, v in tally.items() if v == say and not drawn[r] - {k})), best)
        # A fixed-width font draws each character with one glyph: a letter or figure the font is
        # seen to draw with another glyph of its own is no rival here (Spleen's slashed zero read
        # "8" and "9" beside Spleen's own "8" and "9"), where the winner, a letter or figure too,
        # has no glyph elsewhere (else this "glyph" may be a variant of either: bold, another
        # colour's antialiasing). Marks are left out: cells of several glyphs lumped with a mark
        # (htop's "[" of "Mem[" with a "0" and a "c", Terminus) are no one character's.
        alone = best.isalnum() and not drawn[best] - {k}
        others = sum(
            v for r, v in tally.items() if r != best and not (alone and r.isalnum() and drawn[r] - {k})
        )
        # The winner read in another word, or in a cell of the very same ink: cells of one word
        # alone that are only alike are no vote of the screen (tig's highlighted "Prepare" made
        # its "a" and its two "e"s one glyph, and the "e"s won).
        read_best = [c for c in group if c.reading == best]
        # The engine read the glyph as ``best`` where its context pulled the other way ("0"
        # between letters in "/dev/nvme0n1p2"): it is ``best`` by its shape, whatever the context
        # of another reading says ("nvmeOn1p1", half A term-df).
        shaped = any(_say(c.text, c.pos) < 0.5 for c in group if c.reading == best)
        for cell in group:
            r = cell.reading
            if r == best or say < cfg.margin * others or (cell.line, cell.word) not in backed:
                continue
            if all((c.line, c.word) == (cell.line, cell.word) and c.ink != cell.ink for c in read_best):
                continue
            if _bracketed(cell.text, cell.pos):
                continue
            if r in own or shaped or all(_say(c.text, c.pos) < 1 for c in group if c.reading == r):
                out[(cell.line, cell.word, cell.pos)] = best
    return out


def _rewritten(lines: list[OcrLine], changes: dict[tuple[int, int, int], str]) -> list[OcrLine]:
    by_word: dict[tuple[int, int], dict[int, str]] = defaultdict(dict)
    for (li, wi, pos), ch in changes.items():
        by_word[(li, wi)][pos] = ch
    touched = {li for li, _ in by_word}
    out = []
    for li, line in enumerate(lines):
        if li not in touched:
            out.append(line)
            continue
        words = []
        for wi, word in enumerate(line.words):
            if fix := by_word.get((li, wi)):
                word = OcrWord(
                    "".join(fix.get(k, ch) for k, ch in enumerate(word.text)), word.box, word.confidence
                )
            words.append(word)
        out.append(OcrLine.of(words, line.confidence))
    return out


def _cut(placed: list[tuple[GridWord, int]], pitch: int, gray: np.ndarray) -> _Grid:
    """A grid's cells: their frames of ink, what each was read as, and their exact groups."""
    frames, cells, rows = _frames(placed, pitch, gray)
    return frames, cells, _exact(frames), rows


def _believed(cut: _Grid, cfg: GlyphConfig) -> bool:
    """Whether a grid is a fixed-width font's: enough cells, most of them with a twin (proportional
    text cut at a pitch it does not have has few)."""
    _, cells, exact, _ = cut
    return len(cells) >= cfg.grid.min_grid_chars and _twinned(cells, _twins(cells, exact)) >= cfg.twins


def _split(lines: list[OcrLine], pieces: dict[tuple[int, int], list[tuple[str, Box]]]) -> list[OcrLine]:
    """``lines`` with the words of ``pieces`` ((line, word) -> (text, box) each) cut into them (no
    pieces: the word dropped, read with another)."""
    out = []
    for li, line in enumerate(lines):
        if not any((li, wi) in pieces for wi in range(len(line.words))):
            out.append(line)
            continue
        words = []
        for wi, word in enumerate(line.words):
            cut = pieces.get((li, wi))
            words += [word] if cut is None else [OcrWord(text, box, word.confidence) for text, box in cut]
        if words:  # (none: each was joined to a word of another line)
            out.append(OcrLine.of(words, line.confidence))
    return out


def vote_glyphs(
    lines: list[OcrLine], gray: np.ndarray, cfg: GlyphConfig | None = None, inks: Inks | None = None
) -> list[OcrLine]:
    """``lines`` with look-alike characters set in a fixed-width font read as the screen's other
    cells of the same glyph are (see the module docstring); ``gray`` ``(h, w)`` the picture read;
    ``inks``: the words' ink measured before (:class:`~assistant.ocr.cell_grid.Inks`)."""
    cfg = cfg or GlyphConfig()
    changes: dict[tuple[int, int, int], str] = {}
    words = measured(lines, gray, cfg.grid, inks=inks)
    found = grids(words, cfg.grid)
    cuts = [_cut(placed, pitch, gray) for placed, pitch in found]
    believed = [grid for grid, cut in zip(found, cuts, strict=True) if _believed(cut, cfg)]
    if believed and (pieces := lost_spaces(words, believed, gray)):
        # Words run over a space cut on the grid first: their pieces fit it, and are voted on.
        lines = _split(lines, pieces)
        cut_lines = {li for li, _ in pieces}  # measured again; the other lines' words kept
        words = [w for w in words if w.line not in cut_lines] + measured(
            lines, gray, cfg.grid, only=cut_lines, inks=inks
        )
        found = grids(words, cfg.grid)
        cuts = [_cut(placed, pitch, gray) for placed, pitch in found]
    unread: dict[int, list[OcrLine]] = {}  # words found between others, by grid
    taken = [w.box for line in lines for w in line.words]
    # Words whose ink fills more or fewer cells than they have characters are read again from the
    # grid's glyphs (:func:`_misfits`): their cells count as unread.
    misfits = _misfits(words, [g for g, cut in zip(found, cuts, strict=True) if _believed(cut, cfg)], gray)
    open_boxes = {id(lines[w.line].words[w.index]) for w in misfits}
    free = [w.box for line in lines for w in line.words if id(w) not in open_boxes]
    for k, cut in enumerate(cuts):
        if not _believed(cut, cfg):
            continue  # no fixed-width font: proportional text cut at a pitch it does not have
        frames, cells, exact, rows = cut
        glyph = _clusters(frames, exact, cfg)
        readings = glyph_readings(frames, glyph, [c.reading for c in cells])
        unread[k] = unread_words(rows, found[k][1], gray, readings, _shape(found[k][0]), free, cfg.same)
        twins = _twins(cells, glyph)
        groups: dict[int, list[_Cell]] = defaultdict(list)
        for cell, g, e in zip(cells, glyph.tolist(), exact.tolist(), strict=True):
            cell.ink = e
            groups[g].append(cell)
        changes.update(_changes(list(groups.values()), _backed(cells, twins), cfg))
    if changes:
        lines = _rewritten(lines, changes)
        for w in words:  # the font's readings are weighed against the vote's (a bold "m" voted "n")
            w.text = lines[w.line].words[w.index].text
    # A core bitmap font's cells read from the font itself (assistant.ocr.bitmap_fonts).
    glyphs: dict[tuple[int, int], list[tuple[str, Box]]] = {}
    if unread:
        words += measured(lines, gray, cfg.grid, spaced=True, inks=inks)
    between: list[OcrLine] = []
    for k, found_here in unread.items():
        read = read_cells(words, *found[k], gray, taken)
        if read is None:  # no core font: the cells between matched to the screen's own glyphs
            kept, replaced = _reread(found_here, misfits, lines)
            between += kept
            glyphs.update({(w.line, w.index): [] for w in replaced})  # (read again: dropped)
            continue
        glyphs.update(read[0])
        between += [ln for ln in read[1] if not any(overlaps(ln.box, w.box) for w in misfits)]
    return (_split(lines, glyphs) if glyphs else lines) + between


def _misfits(
    words: list[GridWord], found: list[tuple[list[tuple[GridWord, int]], int]], gray: np.ndarray
) -> list[GridWord]:
    """``words`` on a grid's rows (of its height) that fit none of ``found``'s grids because their
    ink fills more or fewer cells than they have characters, with no bare cell inside: a character
    read twice or one too many ("881014" over the five cells of "88101", Liberation Mono 9, half A
    term-liberation9-ls-versions), standing alone (bare cells before and after it). (Bare cells
    inside are spaces run over: :func:`lost_spaces`.)"""
    placed = {id(w) for grid, _ in found for w, _ in grid}
    out: list[GridWord] = []
    for grid, pitch in found:
        phase = grid[0][1] % pitch
        height = float(np.median([w.box[3] - w.box[1] for w, _ in grid]))
        for word in words:
            x0, _, x1, _ = word.box
            n = len(word.text)
            if id(word) in placed or n < 2 or word.box[3] - word.box[1] > 1.6 * height:
                continue
            if (x0 - phase) % pitch >= (pitch + 1) // 2:
                continue
            start = x0 - (x0 - phase) % pitch
            cells = max(1, -(-(x1 - start - 1) // pitch))  # the cells its ink reaches into
            inked = np.asarray((word.ink > 0.5).any(axis=0))  # (w,) columns with ink
            spaced = any(b - a >= pitch for a, b in true_runs(~inked))
            # (ink in the cell before or after: the word goes on past its box, and the box, not
            # the reading, is short: '"shared_with"' read '"shar' over four cells)
            beside = [
                word.ink_over(gray, start - pitch, start),
                word.ink_over(gray, x1, start + (cells + 1) * pitch),
            ]
            alone = not any((b > 0.5).any() for b in beside)
            if cells != n and not spaced and alone and all(w is not word for w in out):
                out.append(word)
    return out


def _reread(
    found: list[OcrLine], misfits: list[GridWord], lines: list[OcrLine]
) -> tuple[list[OcrLine], list[GridWord]]:
    """Words found between a grid's words (``found``), less those lying over a misfit word
    (:func:`_misfits`) that they do not cover from end to end, its ink and the box the engine
    read it in (a box reaching past the ink holds a letter the ink-tight box left out); and the
    misfits covered so, which the words found replace."""
    kept, replaced = [], []
    for line in found:
        under = [w for w in misfits if overlaps(line.box, w.box)]
        whole = [
            w
            for w in under
            if line.box[0] <= min(w.box[0], lines[w.line].words[w.index].box[0]) + 1
            and max(w.box[2], lines[w.line].words[w.index].box[2]) - 1 <= line.box[2]
        ]
        if len(whole) == len(under):
            kept.append(line)
            replaced += whole
    return kept, replaced
