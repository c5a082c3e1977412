"""Text in an X core bitmap font read cell by cell against the font's own glyphs.

xterm, xmessage and xcalc draw with the X server's bitmap fonts (``fixed``, 6x10, 7x13, 9x15,
10x20, ...): every character is the same few pixels wherever it stands, and exactly the pixels of
the font file (xfonts-base's PCF files). An engine reads them by shape and context and misreads the
ones it cannot tell apart at that size consistently, all over the screen ("w" read "u" in 7x13,
"S" read "5" after digits, 6x10's ":" read "t"), which no vote among the screen's own cells can put
right. Where a character grid (:mod:`assistant.ocr.cell_grid`) is drawn in one of these fonts, its
cells match the font's glyphs pixel for pixel: a word whose every cell is exactly one glyph (a bare
cell a space) is that text, whatever the engine read. Anything else (an antialiased font, bold,
a cursor over a cell, a glyph two characters share) leaves the word as the engine read it.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
from PIL import PcfFontFile

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.cell_grid import GridWord

FONT_DIR = Path("/usr/share/fonts/X11/misc")
# The core fonts terminals and X's own programs use (xfonts-base), by cell width.
FONTS = ("6x9", "6x10", "6x12", "6x13", "7x13", "7x14", "8x13", "9x15", "9x18", "10x20")
MORE = 24  # cells looked at past either end of a word's box
# Rows a word's box may reach below its cells: a bar of another colour under its row (less's
# reverse-video prompt under the last line, the light rows under that prompt) measured as its ink.
SLACK = 2
FOUND = 0.9  # the confidence given a word found between others: its every cell is a glyph
LIKE = 0.5  # the least likeness (difflib's ratio) of the font's reading and the engine's to take it
PRINTABLE = "".join(chr(c) for c in range(33, 127))


@dataclass(frozen=True)
class BitmapFont:
    name: str
    pitch: int
    ascent: int  # rows of a cell above the baseline
    descent: int
    # A cell's packed ink (ascent + descent rows, pitch columns) -> its character.
    glyphs: dict[bytes, str] = field(repr=False)


def _font_cells(path: Path) -> tuple[tuple[int, int, int], dict[str, np.ndarray]] | None:
    """A PCF font's (pitch, ascent, descent) and each printable character's cell ``(ascent +
    descent, pitch)``; None for a font that cannot be read or is no character-cell font."""
    try:
        with gzip.open(path) as fp:
            font = PcfFontFile.PcfFontFile(fp)  # type: ignore[arg-type]
    except (OSError, SyntaxError, ValueError):
        return None
    size, cells = None, {}
    for ch in PRINTABLE:
        glyph = font.glyph[ord(ch)]
        if glyph is None:
            continue
        (advance, _), (_, top, _, bottom), _, image = glyph
        cell = np.asarray(image, dtype=bool)  # (ascent + descent, pitch)
        if size is None:
            size = (advance, -top, bottom)
        if (advance, -top, bottom) != size or cell.shape != (bottom - top, advance):
            continue  # not a character-cell font after all
        cells[ch] = cell
    return (size, cells) if size is not None else None


def _styled(
    cells: dict[str, np.ndarray], bold: dict[str, np.ndarray], descent: int
) -> list[tuple[str, np.ndarray]]:
    """Each character's cell as a terminal also draws it: bold (the font's bold twin, or the
    glyph struck twice a pixel apart, as xterm does where it has none; man pages set their names
    and options in bold) and underlined (a row of ink in a row below the baseline; man pages
    underline what the user puts in), each of these underlined too."""
    out = []
    for ch, cell in cells.items():
        struck = cell.copy()
        struck[:, 1:] |= cell[:, :-1]
        faces = [struck] + ([bold[ch]] if ch in bold and bold[ch].shape == cell.shape else [])
        out += [(ch, face) for face in faces]
        for face in [cell, *faces]:
            for row in range(face.shape[0] - descent, face.shape[0]):
                under = face.copy()
                under[row] = True
                out.append((ch, under))
    return out


def core_fonts(folder: Path = FONT_DIR, pitch: int = 0) -> tuple[BitmapFont, ...]:
    """The core fonts found in ``folder`` (none where xfonts-base is not installed), of cells
    ``pitch`` wide (0: any), each read once, when first asked for."""
    names = (n for n in FONTS if pitch in (0, int(n.split("x")[0])))
    return tuple(f for f in (_core_font(folder, name) for name in names) if f is not None)


@lru_cache(maxsize=len(FONTS))
def _core_font(folder: Path, name: str) -> BitmapFont | None:
    """The core font ``name`` with its bold and underlined cells. Glyphs two characters share are
    left out: such a cell says nothing; a bold or underlined cell that is another character's
    plain glyph is that one."""
    read = _font_cells(folder / f"{name}-ISO8859-1.pcf.gz")
    if read is None:
        return None
    size, cells = read
    twin = _font_cells(folder / f"{name}B-ISO8859-1.pcf.gz")
    bold = twin[1] if twin is not None and twin[0] == size else {}
    plain: dict[bytes, set[str]] = {}
    for ch, cell in cells.items():
        plain.setdefault(np.packbits(cell).tobytes(), set()).add(ch)
    styled: dict[bytes, set[str]] = {}
    for ch, cell in _styled(cells, bold, size[2]):
        key = np.packbits(cell).tobytes()
        if key not in plain:
            styled.setdefault(key, set()).add(ch)
    glyphs = {k: next(iter(v)) for k, v in (styled | plain).items() if len(v) == 1}
    return BitmapFont(name, size[0], size[1], size[2], glyphs)


def _cells(
    word: GridWord, gray: np.ndarray, start: int, count: int, font: BitmapFont, base: int
) -> list[bytes]:
    """The packed ink of ``count`` cells from x ``start`` on the row whose baseline is ``base``
    (its first row below the letters), as the font's glyphs are packed."""
    y0, y1 = base - font.ascent, base + font.descent
    x1 = start + count * font.pitch
    if count <= 0 or y0 < 0 or start < 0 or y1 > gray.shape[0] or x1 > gray.shape[1]:
        return []  # (no cell: a start at or past the box's end; live multi-three-core-fonts raised)
    part = np.abs(gray[y0:y1, start:x1].astype(np.float32) - word.ground) > 0.5 * word.contrast
    cells = part.reshape(y1 - y0, count, font.pitch).transpose(1, 0, 2)  # (count, rows, pitch)
    cut = cells.reshape(count, -1)
    packed = np.packbits(cut, axis=1)  # each cell as the font's glyphs are packed
    return [row.tobytes() for row in packed]


def read_word(
    word: GridWord,
    gray: np.ndarray,
    start: int,
    font: BitmapFont,
    room: tuple[int, int] = (0, 0),
    least: float = 0.0,
) -> tuple[str, int, int] | None:
    """``word`` (on a grid of the font's pitch, its first cell at ``start``) read from the font's
    glyphs: each cell the one glyph its ink is, a bare cell a space; None unless every cell of
    its box is a glyph of the font on one baseline. A box taller than a cell (a recogniser's
    loose box, an engine's round a row and a half) is read on the row of it whose reading is
    most like the engine's. None too where the reading of its own cells is less like the engine's
    than ``least`` (difflib's ratio), before it grows into the ``room`` either side."""
    count = -(-(word.box[2] - start) // font.pitch)
    blank = bytes(len(next(iter(font.glyphs))))
    tall = word.box[3] - word.box[1] > font.ascent + font.descent
    # The baseline: under its lowest ink, or as far up as a descender goes; in a tall box, any.
    lowest = word.box[1] if tall else word.box[3] - font.descent - SLACK - 1
    best: tuple[float, str, int, int, int] | None = None
    for base in range(word.box[3], lowest, -1):
        cells = _cells(word, gray, start, count, font, base)
        if not cells or not all(c in font.glyphs or c == blank for c in cells):
            continue
        first, n = 0, len(cells)
        if tall:  # its ink-tight box is the rows' together: this row's may end short of it
            while first < n and cells[first] == blank:
                first += 1
            while n > first and cells[n - 1] == blank:
                n -= 1
        # Its box is tight round its ink: a bare cell at either end is another row's or window's.
        if first == n or cells[first] == blank or cells[n - 1] == blank:
            continue
        text = "".join(font.glyphs.get(c, " ") for c in cells[first:n])
        like = SequenceMatcher(None, text, word.text).ratio() if tall or least else 1.0
        if best is None or like > best[0]:
            best = (like, text, start + first * font.pitch, n - first, base)
        if not tall:
            break
    if best is None or best[0] < least:
        return None
    _, text, x, n, base = best
    left, right = _grown(word, gray, (x, n, base), font, room)
    return left + text + right, x - len(left) * font.pitch, base


def glyph_at(word: GridWord, gray: np.ndarray, start: int, font: BitmapFont) -> bool:
    """The cell at x ``start`` is a glyph of ``font`` on one of the baselines :func:`read_word`
    tries for ``word`` (a quick test before the whole word is read)."""
    return any(
        (cell := _cells(word, gray, start, 1, font, base)) and cell[0] in font.glyphs
        for base in range(word.box[3], word.box[3] - font.descent - SLACK - 1, -1)
    )


def _grown(
    word: GridWord,
    gray: np.ndarray,
    cells: tuple[int, int, int],
    font: BitmapFont,
    room: tuple[int, int],
) -> tuple[str, str]:
    """The glyphs that go on either side of ``cells`` (the first's x, how many, the baseline) up to
    a bare cell, within ``room``: an engine's box may end a letter or two short of its word's ink."""
    start, count, base = cells
    left, right = "", ""
    for step in range(1, room[1] + 1):
        cell = _cells(word, gray, start + (count + step - 1) * font.pitch, 1, font, base)
        if not cell or cell[0] not in font.glyphs:
            break
        right += font.glyphs[cell[0]]
    for step in range(1, room[0] + 1):
        cell = _cells(word, gray, start - step * font.pitch, 1, font, base)
        if not cell or cell[0] not in font.glyphs:
            break
        left = font.glyphs[cell[0]] + left
    return left, right


def grid_font(
    words: list[tuple[GridWord, int]], pitch: int, gray: np.ndarray, least: int = 6
) -> tuple[BitmapFont, int] | None:
    """The core font a grid's words (with their first cells' x) are drawn in, and how many pixels
    its cells begin after the grid's (the grid's phase is put where the least ink lies between
    columns, and a font whose glyphs leave a column bare on both sides puts it a pixel off): the
    one that reads the most of 40 of them, spread over the grid, and at least ``least`` (every cell
    of a word read is a glyph of the font, pixel for pixel: a few are proof enough; a grid may
    also take in a window in another font of the same width). None for none."""
    sample = words[:: max(1, len(words) // 40)][:40]
    best, score = None, 0
    for font in core_fonts(pitch=pitch):
        if font.pitch != pitch or not font.glyphs:
            continue
        for shift in (0, -1, 1):
            read = 0
            for k, (w, s) in enumerate(sample):
                if read + len(sample) - k <= max(score, least - 1):
                    break  # it cannot read more than the best so far (most fonts read none)
                read += read_word(w, gray, s + shift, font) is not None
            if read > score:
                best, score = (font, shift), read
    return best if score >= least else None


def read_cells(
    words: list[GridWord],
    placed: list[tuple[GridWord, int]],
    pitch: int,
    gray: np.ndarray,
    taken: list[Box] | None = None,
) -> tuple[dict[tuple[int, int], list[tuple[str, Box]]], list[OcrLine]] | None:
    """Where a grid is drawn in a core font: (line, word) -> the word's pieces as the font's glyphs
    read them, (text, box), for each of ``words`` on the grid's rows whose reading differs from the
    engine's (a grid's own words, and words that fit it no more: a space run over, a mark read
    twice); and the words between them on their rows that the engine left unread, clear of the
    boxes ``taken`` (:func:`_between`). None where the grid is in no core font."""
    found = grid_font(placed, pitch, gray)
    if found is None:
        return None
    font, shift = found
    phase = (placed[0][1] + shift) % pitch
    out = {}
    boxes = np.array([w.box for w in words], dtype=np.int32).reshape(-1, 4)
    rows: dict[int, tuple[GridWord, list[tuple[int, int]]]] = {}  # baseline -> a word, the spans read
    reads: dict[int, list[tuple[int, str, GridWord]]] = {}  # baseline -> (first cell's x, reading, word)
    for word in words:
        # Its first cell: where its box begins, or the next one (a box a pixel wider than its ink);
        # a box that begins in mid-cell cut the first glyph ("--" boxed from the second "-").
        start = word.box[0] - (word.box[0] - phase) % pitch
        starts = [start] if word.box[0] - start < (pitch + 1) // 2 else [start, start + pitch]
        # A reading unlike the engine's is of other ink than the engine read (a box it put round a
        # row and a half, cut to the wrong row): the engine's words say which row it read. A cell
        # or two in a box no taller than a cell is that ink ("l" read "1").
        short = len(word.text) <= 2 and word.box[3] - word.box[1] <= font.ascent + font.descent
        least = 0.0 if short else LIKE
        read = next(
            (r for x in starts if (r := read_word(word, gray, x, font, _room(word, boxes, x, pitch), least))),
            None,
        )
        if read is None:
            continue
        text, x, base = read
        rows.setdefault(base, (word, []))[1].append((x, x + len(text) * pitch))
        reads.setdefault(base, []).append((x, text, word))
    for base, row in reads.items():
        y0, y1 = base - font.ascent, base + font.descent
        for chain in _chains(sorted(row, key=lambda r: r[0]), pitch):
            x, _, word = chain[0]
            text = _joined(chain, pitch)
            # (fewer letters, with ink past them: a word cut by a window over it, its cut glyph no
            # font's; with none, letters the engine saw twice: a 7x13 ps's STAT "S" read "Ss",
            # boxed over two rows)
            inked = x - 1 <= word.box[0] and word.box[2] <= x + len(text) * pitch + 1
            if len(chain) == 1 and (
                text == word.text or (not inked and (word.text.startswith(text) or word.text.endswith(text)))
            ):
                continue  # as the engine read it, or fewer letters of a cut word
            pieces = []
            for piece in text.split(" "):
                if piece:
                    pieces.append(
                        (piece, (x, max(y0, word.box[1]), x + len(piece) * pitch, min(y1, word.box[3])))
                    )
                x += (len(piece) + 1) * pitch
            out[(word.line, word.index)] = pieces
            out.update({(w.line, w.index): [] for _, _, w in chain[1:]})  # one word with the first
    edges = (
        min(s for _, s in placed) + shift,
        max(s + len(w.text) * pitch for w, s in placed) + shift,
    )
    return out, _between(rows, gray, font, taken or [], edges)


def _chains(row: list[tuple[int, str, GridWord]], pitch: int) -> list[list[tuple[int, str, GridWord]]]:
    """A row's readings (first cell's x, text, word; left to right) in runs whose cells follow on
    with no bare cell between, or overlap: one word an engine read in pieces ("fe80:" ":b002:7eff"),
    as a fixed-width font leaves a whole bare cell for a space, or twice over in part (the second
    look's "ops@jobs:/opt/j" and tesseract's "jobs$")."""
    chains: list[list[tuple[int, str, GridWord]]] = []
    end = 0  # where the last chain's cells end
    for x, text, word in row:
        if not chains or x > end:
            chains.append([])
        chains[-1].append((x, text, word))
        end = max(end if len(chains[-1]) > 1 else 0, x + len(text) * pitch)
    return chains


def _joined(chain: list[tuple[int, str, GridWord]], pitch: int) -> str:
    """A chain's text: each reading's cells past the end of those before it (the same cells read
    twice are one glyph each time)."""
    text, end = "", chain[0][0]
    for x, t, _ in chain:
        text += t[max(0, (end - x) // pitch) :]
        end = max(end, x + len(t) * pitch)
    return text


def _between(
    rows: dict[int, tuple[GridWord, list[tuple[int, int]]]],
    gray: np.ndarray,
    font: BitmapFont,
    taken: list[Box],
    edges: tuple[int, int],
) -> list[OcrLine]:
    """Words of the font between the words read on each row (baseline -> a word of it for its
    ground, the x spans read), and between them and the grid's ``edges`` (its first cell's x and
    its last's end), clear of ``taken``: a listing's column of lone digits that the engine's page
    layout dropped (the day of the month in ``ls -l``, ``ps``'s PID), or its first column (``ls
    -l``'s modes in 6x10, read as one block of nonsense). A run of glyph cells between bare ones
    is a word when it holds a letter or a digit; a cell of ink that is no glyph ends the search
    there (another window, a cursor), looking away from the words read. The words found are added
    to ``taken``."""
    out = []
    boxes = np.array(taken, dtype=np.int32).reshape(-1, 4)
    found: list[Box] = []
    for base, (ref, spans) in rows.items():
        y0, y1 = base - font.ascent, base + font.descent
        # (a box round two rows and more, an engine's line run into the next, says not which it read)
        over = np.minimum(y1, boxes[:, 3]) - np.maximum(y0, boxes[:, 1])
        near = boxes[(over > (y1 - y0) // 2) & (boxes[:, 3] - boxes[:, 1] <= 2 * (y1 - y0))].tolist()
        near += [f for f in found if min(y1, f[3]) - max(y0, f[1]) > (y1 - y0) // 2]
        spans.sort()
        gaps = [(edges[0], spans[0][0], True), *((a, b, False) for (_, a), (b, _) in pairwise(spans))]
        gaps.append((spans[-1][1], edges[1], False))
        for a, b, leftwards in gaps:
            count = (b - a) // font.pitch
            if count < 1:
                continue
            if leftwards:  # from the first word read back to the grid's edge
                a = b - count * font.pitch
            for text, x0 in _runs(_cells(ref, gray, a, count, font, base), a, font, leftwards):
                box = (x0, y0, x0 + len(text) * font.pitch, y1)
                if not any(min(box[2], t[2]) - max(box[0], t[0]) > 0 for t in near):
                    out.append(OcrLine.of([OcrWord(text, box, FOUND)]))
                    found.append(box)
    taken += found  # found once: another grid of the font reads them no more
    return out


def _runs(cells: list[bytes], a: int, font: BitmapFont, leftwards: bool) -> list[tuple[str, int]]:
    """The words (text, first cell's x) among ``cells`` (the first at x ``a``): runs of glyphs
    between bare cells, each with a letter or a digit, up to the first cell of ink that is no glyph
    (from the right end back, ``leftwards``)."""
    blank = bytes(len(next(iter(font.glyphs))))
    odd = [k for k, c in enumerate(cells) if c != blank and c not in font.glyphs]
    if odd:
        cells, a = (
            (cells[odd[-1] + 1 :], a + (odd[-1] + 1) * font.pitch) if leftwards else (cells[: odd[0]], a)
        )
    out, run = [], ""
    for k, cell in enumerate([*cells, blank]):
        if cell != blank:
            run += font.glyphs[cell]
            continue
        if any(ch.isalnum() for ch in run):
            out.append((run, a + (k - len(run)) * font.pitch))
        run = ""
    return out


def _room(word: GridWord, boxes: np.ndarray, start: int, pitch: int) -> tuple[int, int]:
    """Whole cells free of other words' boxes (``boxes``: ``(n, 4)``, all words') on ``word``'s
    row, left of its first cell and right of its box (at most ``MORE`` each way)."""
    _, y0, x1, y1 = word.box
    end = start + -(-(x1 - start) // pitch) * pitch
    overlap = np.minimum(y1, boxes[:, 3]) - np.maximum(y0, boxes[:, 1])
    row = boxes[overlap >= 0.5 * (y1 - y0)]
    before, after = row[row[:, 2] <= start, 2], row[row[:, 0] >= x1, 0]
    left = max([start - MORE * pitch, *before.tolist()])
    right = min([end + MORE * pitch, *after.tolist()])
    return max(0, (start - left) // pitch), max(0, (right - end) // pitch)
