"""Terminals: a window in a fixed-width font is a grid of characters, read line by line.

A terminal's listing (``ls -l``, ``ps``, ``df``) is a table to an engine, which reads its columns
as blocks, drops a cell here and there, boxes a second reading over a row and a half, and splits
"0.0" into "0" and ".0". A person reads a terminal line by line. So a pane (or window) whose
words are nearly all as wide per character as each other (:func:`fixed_width`) is laid out as its
rows: every line put on the row of the character grid it lies on (:func:`on_rows`), pieces an
engine read in two put together (:func:`closed_up`), and whatever no grid took made one line per
row (:func:`terminal_lines`), read top to bottom (:func:`assistant.ocr.layout._layout_pane`).
A shell prompt's line is never a table's row (:func:`assistant.ocr.grid.is_prompt`).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine, OcrWord, line_middle, union_box
from assistant.ocr.dotted_zeros import struck_read
from assistant.ocr.grid import LOOSE, PROMPT, is_prompt, rows_of, words_of
from assistant.ocr.loose import moved

if TYPE_CHECKING:
    from assistant.ocr.layout import TextBlock


@dataclass(frozen=True)
class TerminalConfig:
    # A whole pane is a terminal (:func:`fixed_width`) when, of its words of three characters or
    # more (two of them letters; at least ``pane_words``), this share are within ``pane_slack`` of
    # the median width per character; or, a word's box a few pixels off ("root" boxed 27 and 31
    # pixels wide in one listing), this share are within ``box_slack`` characters of it, ``long``
    # of them six characters or more (a keypad's three-letter labels in a bitmap font are no
    # terminal). Half A: terminals and man pages 0.91-1.0 (0.79 and 0.94 in one noisy reading),
    # every other window 0.45-0.86 and 0.46-0.89 (xcalc's keys 0.96-1.0, with no long words).
    pane_share: float = 0.88
    pane_slack: float = 0.12
    box_share: float = 0.92
    box_slack: float = 0.7
    long: float = 0.2
    pane_words: int = 10
    # Pieces of one terminal row further apart than this many characters are not joined: two
    # programs side by side in one pane (a ``ps`` listing's widest gaps are a dozen characters).
    row_reach: float = 24.0
    # In a terminal, words closer than this many characters that meet at a mark inside a word
    # (:func:`_glued`) are one word an engine read in two ("0" ".0" for "0.0", "annual-"
    # "report-2023.pdf"): a space is a whole character wide (half A's closest real spaces: 0.39
    # characters, in less's status line; such pieces: 0.11-0.52; a loosely boxed "-rw-r--r--"
    # came within 0.45 of the "1" after it, which the mark rule keeps apart).
    join_gap: float = 0.6
    # ... and a dot or colon between digits this close (half A's times split at the colon:
    # 0.13-0.66 characters; real spaces after a figure and a colon: none).
    figure_gap: float = 1.0
    # Figures closer than this many characters are one figure: a space leaves at least the blank
    # sides of two glyphs (the closest real spaces above: 0.39 characters). "13" came back as "1"
    # and "3", their boxes touching (half A multi-terminals-overlap). Not letters: a word's box
    # can reach the next word ("Page4", "pressh" at 0.2 on half A).
    touch: float = 0.2
    # A word an engine cut at a narrow glyph of a fixed-width font ("/dev/nul" "l", "hel" "p",
    # "inspect" "ions"): a space is a whole cell of ground, so ink closer than ``cell_gap``
    # characters is inside one word, and closer than ``row_share`` of the spaces either side of
    # the two (their boxes' median gap, ``row_spaces`` of them at least). Only where those spaces
    # are a cell wide: a proportional text taken for a terminal's (a Tk note beside an xterm) has
    # spaces that close too. Only where both words stand on one ground (within ``ground`` grey
    # levels): a key bar's "F1" on black and "Help" on cyan touch.
    cell_gap: float = 0.7
    row_share: float = 0.75
    row_space: float = 0.85  # ... whose spaces are as wide as a cell, near enough (median)
    row_spaces: int = 1
    narrow_share: float = 0.25  # ... nor in a row where more of its spaces than this are narrower
    row_check: int = 3  # (... of this many spaces at least: in fewer, a cut gap is one of the few)
    ground: int = 40
    ink: int = 48  # grey levels from the ground: ink
    # A file name cut at its marks ("packet-photo." "png", "oven-manual" ".pdf", "/l" "ive-sets",
    # "menu-draf" "t.odt"): a panel's or a listing's name stands alone between the panel's edge and
    # a wide gap, with no spaces beside it to measure against, so the ink alone says it is one
    # word when its pieces are names' (:func:`_name_pieces`) and less than ``name_gap`` of ground
    # parts them. A dot the engines dropped between them ("swap-day-poster" "pdf") is put back
    # where the ink between the two boxes is one small blob low on the row: no wider than
    # ``dot_width`` characters, no taller than ``dot_height`` of the row's ink, below its middle.
    name_gap: float = 0.85
    dot_width: float = 0.4
    dot_height: float = 0.3
    extension: int = 4  # (letters of an extension after a dropped dot, at most: "flac")
    as_spaced: float = 0.95  # (a box gap this share of the spaces beside it: a space)


def _sized_words(lines: list[OcrLine]) -> list[tuple[int, int]]:
    """(width in pixels, characters) of the words of three characters or more, two of them
    letters (engines' word boxes; figures alone are as wide as each other in most fonts)."""
    return [
        (w.box[2] - w.box[0], len(w.text))
        for ln in lines
        for w in ln.words
        if len(w.text) >= 3 and sum(ch.isalpha() for ch in w.text) >= 2
    ]


def _char_widths(lines: list[OcrLine]) -> list[float]:
    return [width / n for width, n in _sized_words(lines)]


def fixed_width(lines: list[OcrLine], cfg: TerminalConfig | None = None) -> bool:
    """Whether ``lines`` (a window's, a pane's) are set in a fixed-width font, as in a terminal: then
    they are a grid of characters, read line by line (:func:`terminal_lines`), never column by
    column, whatever an engine made of its columns (see ``TerminalConfig.pane_share``)."""
    cfg = cfg or TerminalConfig()
    sized = _sized_words(lines)
    if len(sized) < cfg.pane_words:
        return False
    char = statistics.median(width / n for width, n in sized)
    near = sum(abs(width / n / char - 1) <= cfg.pane_slack for width, n in sized)
    if near >= cfg.pane_share * len(sized):
        return True
    close = sum(abs(width - n * char) <= max(cfg.pane_slack * n, cfg.box_slack) * char for width, n in sized)
    longer = sum(n >= 6 for _, n in sized)
    return close >= cfg.box_share * len(sized) and longer >= cfg.long * len(sized)


def terminal_lines(lines: list[OcrLine], cfg: TerminalConfig | None = None) -> list[OcrLine]:
    """A terminal's ``lines`` put back together row by row: the pieces an engine read of one row
    (a listing's cells that made no grid, a word read apart) become that row's one line, left to
    right, so that no block of the layout can read them as columns. Pieces further apart than
    ``cfg.row_reach`` characters stay apart."""
    cfg = cfg or TerminalConfig()
    if not lines:
        return []
    widths = _char_widths(lines)  # (none: a character about 0.6 of a line's height wide)
    char = statistics.median(widths) if widths else 0.6 * statistics.median(ln.height for ln in lines)
    reach = cfg.row_reach * char
    out: list[OcrLine] = []
    for row in rows_of(lines):
        pieces: list[list[OcrLine]] = []
        for cell in row.cells:
            if pieces and cell.box[0] - pieces[-1][-1].box[2] <= reach:
                pieces[-1].append(cell)
            else:
                pieces.append([cell])
        for piece in pieces:
            if len(piece) == 1:
                out.append(piece[0])
            else:
                # (left to right by word: one piece may lie between two words of another)
                words = sorted((w for c in piece for w in words_of(c)), key=lambda w: w.box[0])
                out.append(OcrLine.of(words, min(c.confidence for c in piece)))
    return out


def on_rows(lines: list[OcrLine]) -> list[OcrLine]:
    """A terminal's ``lines`` with each one boxed taller than its rows (a second reading's box,
    over a row and half the next: "1203" 30 pixels high on rows of 13) moved onto the row nearest
    its middle, when that row lies within its text (:func:`_text_span`: a junk word boxed over two
    rows made a checklist's row tall, and it was moved onto the next row's, read as one with it);
    and each one boxed far shorter than its rows
    (a header's "STAT" boxed 5 pixels high on a row of 13, left of no row and read after the
    header: half A term-core-7x13-ps-aux) moved onto the row whose band holds it: every line of a
    terminal lies on one row of its character grid, in one size of letters."""
    if not lines:
        return lines
    median = statistics.median(ln.height for ln in lines)
    usual, low = LOOSE * median, median / LOOSE
    bands = [(r.box[1], r.box[3]) for r in rows_of([ln for ln in lines if low <= ln.height <= usual])]
    if not bands:
        return lines
    out = []
    for line in lines:
        mid = (line.box[1] + line.box[3]) / 2
        if line.height < low:
            home = [b for b in bands if b[0] <= line.box[1] and line.box[3] <= b[1]]
            out.append(moved(line, *home[0]) if home else line)  # (between rows: an underline)
            continue
        if line.height <= usual:
            out.append(line)
            continue
        y0, y1 = min(bands, key=lambda b: abs((b[0] + b[1]) / 2 - mid))
        top, foot = _text_span(line, usual)
        if not top <= (y0 + y1) / 2 <= foot:
            out.append(line)  # a row of its own (a prompt under a listing), boxed a little tall
            continue
        out.append(moved(line, y0, y1))
    return out


def _text_span(line: OcrLine, usual: float) -> tuple[int, int]:
    """Top and foot of ``line``'s words of a row's height (its box's, if it has none): a junk word
    boxed over two rows (a checklist's "[*]" read "he") makes the box tall, not the row's text."""
    rowed = [w.box for w in line.words if w.box[3] - w.box[1] <= usual]
    if not rowed:
        return line.box[1], line.box[3]
    return min(b[1] for b in rowed), max(b[3] for b in rowed)


def _kind(ch: str) -> str:
    return "digit" if ch.isdigit() else "letter" if ch.isalpha() else "mark"


def _glued(a: str, b: str, cfg: TerminalConfig) -> float:
    """How close (in characters) a word ending in ``a`` and the next beginning with ``b`` must be
    to be one word; 0: never. They are when they meet at a mark inside words, not between them: a
    dot between two letters or two digits, or a figure and a letter ("jobs" ".txt", "0" ".0",
    "beach-0031." "jpg"), a hyphen between letters
    ("annual-" "report"), an underscore between letters or digits ("IMG" "_0010"), a colon
    between digits ("09:" "47", "10:" ":01" with the colon read twice); or as pieces of a shell
    prompt ("root@web" "1:~#"). A dash that ends a mode ("-rw-r--r--" "1") does not. A dot or
    colon between digits is inside a figure or a time however far apart it is read (up to
    ``cfg.figure_gap``): no listing writes "09: 47"."""
    if is_prompt(a + b) and not is_prompt(a):
        return cfg.join_gap  # a prompt read in two: "root@web" "1:~#"
    if a[-1:] == b[:1] == ":":
        a = a[:-1]  # a colon read twice
    if a[-1:] in ".-_:" and len(a) >= 2 and b:
        left, mark, right = a[-2], a[-1], b[0]
    elif b[:1] in "._:" and len(b) >= 2 and a:
        left, mark, right = a[-1], b[0], b[1]
    else:
        return 0.0
    if mark in ".:" and left.isdigit() and right.isdigit():
        return cfg.figure_gap
    if mark == "_":
        return cfg.join_gap if left.isalnum() and right.isalnum() else 0.0
    if mark == "-":
        return cfg.join_gap if left.isalpha() and right.isalpha() else 0.0
    # A name's dot before its extension, after a letter or a figure ("beach-0031." "jpg").
    return cfg.join_gap if mark == "." and left.isalnum() and right.isalpha() else 0.0


class _Strip:
    """A terminal row's strip of the picture in grey, made the first time a pair of its words asks
    for ink (most rows never do): one conversion a row, not one a pair."""

    def __init__(self, picture: Image.Image, words: list[OcrWord]) -> None:
        self.picture = picture
        self.words = words
        self.top = 0
        self._grey: np.ndarray | None = None

    def crop(self, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
        if self._grey is None:
            self.top = max(0, min(w.box[1] for w in self.words))
            # A row off the picture (words boxed past its foot) gives an empty strip, not an error.
            bottom = max(self.top, min(self.picture.height, max(w.box[3] for w in self.words)))
            strip = self.picture.crop((0, self.top, self.picture.width, bottom)).convert("L")
            self._grey = np.asarray(strip).astype(np.int16)
        return self._grey[max(0, y0 - self.top) : max(0, y1 - self.top), max(0, x0) : max(0, x1)]


def _band(a: OcrWord, b: OcrWord) -> tuple[int, int]:
    """The rows two neighbouring words' ink is measured over: the rows their boxes share, where the
    shorter box lies mostly within the taller one's (a loose box over a row and a half: "CHANGES."
    boxed 19 pixels high over "txt" on a row of 10 reaches the next row's ink); else both boxes'."""
    top, bottom = max(a.box[1], b.box[1]), min(a.box[3], b.box[3])
    low = min(a.box[3] - a.box[1], b.box[3] - b.box[1])
    if bottom - top >= 0.6 * low:
        return top, bottom
    return min(a.box[1], b.box[1]), max(a.box[3], b.box[3])


def _ink_gap(off: np.ndarray | None, x0: int, a: OcrWord, b: OcrWord, char: float) -> float | None:
    """The widest run of ground between ``a``'s ink and ``b``'s, in pixels, near where their
    boxes meet, in their ink mask ``off`` whose left edge is ``x0`` (:func:`_ink`); None when
    there is none or the two stand on different grounds."""
    if off is None:
        return None
    cols = np.asarray(off.any(axis=0), dtype=bool)
    lo, hi = a.box[2] - 0.5 * char - x0, b.box[0] + 0.5 * char - x0
    # (runs of ground with ink on both sides, near where the boxes meet)
    best = max((e - s for s, e in true_runs(~cols) if 0 < s < hi and lo < e < cols.size), default=0)
    return float(best) if best else None


def _ink(
    strip: _Strip, a: OcrWord, b: OcrWord, char: float, cfg: TerminalConfig, shared: bool
) -> tuple[np.ndarray | None, int]:
    """Where the ``strip`` has ink near where ``a``'s box meets ``b``'s (a mask, and its left edge in
    the picture); None when the two stand on different grounds. ``shared``: over the rows the two
    boxes share (:func:`_band`), not all of both boxes' rows."""
    y0, y1 = _band(a, b) if shared else (min(a.box[1], b.box[1]), max(a.box[3], b.box[3]))
    x0, x1 = max(0, a.box[0], int(a.box[2] - 1.5 * char)), min(b.box[2], int(b.box[0] + 1.5 * char))
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None, x0
    crop = strip.crop(x0, y0, x1, y1)
    if crop.shape[0] < 3 or crop.shape[1] < 3:
        return None, x0
    mid = max(1, min(crop.shape[1] - 1, int((a.box[2] + b.box[0]) / 2) - x0))
    sides = (crop[:, :mid], crop[:, mid:])
    grounds = [int(np.bincount(side.ravel(), minlength=256).argmax()) for side in sides]
    if abs(grounds[0] - grounds[1]) > cfg.ground:
        return None, x0
    off = np.abs(crop - grounds[0]) > cfg.ink
    full = off.mean(axis=1) > 0.9  # rows of another ground (a box reaching past a reversed bar)
    if (~full).sum() >= 3:
        off = off[~full]
    return off, x0


_NAME = re.compile(r"[\w~/.+-]+")  # the letters of a file's name or path
_INSIDE = re.compile(r"\w[./_-]|[./_-]\w")  # a mark inside a name, beside a letter or figure


def _name_pieces(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` read as the two pieces of one file name or path: both of a name's
    letters, and a mark inside what they make ("packet-photo." "png", "/l" "ive-sets")."""
    if b[:1] in ("/", "~") or (not a[-1:].isalnum() and not b[:1].isalnum()):
        return False  # (a path of its own after a mark: ncdu's bar "]" read "J." before "/backups")
    return bool(_NAME.fullmatch(a) and _NAME.fullmatch(b) and _INSIDE.search((a + b).strip("./-_")))


def _between(
    off: np.ndarray, x0: int, a: OcrWord, b: OcrWord, char: float, cfg: TerminalConfig
) -> str | None:
    """What lies between ``a``'s box and ``b``'s in their ink mask on the rows they share (``off``,
    its left edge ``x0``), leaving out ink that reaches either box (their own glyphs, boxed a little
    short): "" (ground), "." (one small blob low on the row: a dot the engines dropped) or None (a
    glyph, or cannot tell)."""
    rows = np.flatnonzero(off.any(axis=1))
    left, right = max(0, a.box[2] - x0), max(0, b.box[0] - x0)
    if right - left < 3 or not rows.size:
        return ""
    inner = off[:, left:right]
    cols = np.asarray(inner.any(axis=0), dtype=bool)
    blobs = [(s, e) for s, e in true_runs(cols) if s > 0 and e < cols.size]
    if not blobs:
        return ""
    if len(blobs) > 1:
        return None
    s, e = blobs[0]
    ys = np.flatnonzero(inner[:, s:e].any(axis=1))
    height = rows[-1] - rows[0] + 1
    dot = (
        e - s <= cfg.dot_width * char
        and ys[-1] - ys[0] + 1 <= cfg.dot_height * height
        and ys[0] > rows[0] + height / 2
    )
    return "." if dot else None


def _cut_in_cells(
    words: list[OcrWord], picture: Image.Image | None, char: float, cfg: TerminalConfig
) -> dict[tuple[Box, str], str]:
    """The words of one terminal row (left to right), by box and text, that go on from the word
    before them (not by ``id``: a line without words gives a fresh word each time it is asked),
    each with what goes between the two ("", or a dropped "."): the ground between them narrower
    than a cell (see ``TerminalConfig.cell_gap``, ``TerminalConfig.dot_width``)."""
    if picture is None or len(words) < 2:
        return {}
    gaps = [b.box[0] - a.box[2] for a, b in pairwise(words)]
    spaced = [g for g in gaps if 0.3 * char <= g <= 3 * char]
    narrow = sum(g < cfg.row_space * char for g in spaced)
    if len(spaced) >= cfg.row_check and narrow > cfg.narrow_share * len(spaced):
        return {}  # (a row of spaces narrower than a cell: a proportional font's)
    strip = _Strip(picture, words)
    out: dict[tuple[Box, str], str] = {}
    for k, (a, b) in enumerate(pairwise(words)):
        if not a.text or not b.text:
            continue
        left, right = a.text[-1], b.text[0]
        # (a key's name and its label: "F1" "Help", "SortBy" "F7", mc's "9" "PullDn")
        if right.isupper() and (left.isdigit() or left.islower()):
            continue
        if not any(ch.isalnum() for ch in a.text) or not any(ch.isalnum() for ch in b.text):
            continue
        others = [gaps[i] for i in (k - 1, k + 1) if 0 <= i < len(gaps) and 0.3 * char <= gaps[i] <= 3 * char]
        spaces = sum(others) / len(others) if others else None  # (the median of one or two)
        if spaces is not None and spaces < cfg.row_space * char:
            continue  # (spaces narrower than a cell: a proportional font's, taken for a terminal's)
        marked = _name_pieces(a.text, b.text)
        # (a dot dropped: in a name alone (a panel's) or one with marks in it, not between words of prose)
        dropped = (
            not marked
            and (spaces is None or _INSIDE.search(a.text) is not None)
            and _extension(a.text, b.text, cfg)
        )
        if marked or dropped:
            between = _named_join(strip, a, b, gaps[k], spaces, char, cfg)
            if between is not None and (marked or between == "."):
                out[(b.box, b.text)] = "" if "." in (left, right) else between
                continue
        if spaces is None or len(others) < cfg.row_spaces:
            continue
        low, high = sorted((a.box[3] - a.box[1], b.box[3] - b.box[1]))
        if high > 1.5 * low:
            continue  # (a loose box over a row and a half: its edges say nothing of the ink)
        limit = min(cfg.cell_gap * char, cfg.row_share * spaces)
        if gaps[k] >= limit or gaps[k] < -0.5 * char:
            continue
        ink = _ink_gap(*_ink(strip, a, b, char, cfg, shared=False), a, b, char)
        if ink is not None and ink < limit:
            out[(b.box, b.text)] = ""
    return out


def _extension(a: str, b: str, cfg: TerminalConfig) -> bool:
    """Whether ``b`` could be the extension of a name ``a`` whose dot the engines dropped."""
    return bool(
        len(b) <= cfg.extension and _NAME.fullmatch(a) and b.isalnum() and a[-1].isalnum() and b[0].isalpha()
    )


def _named_join(
    strip: _Strip, a: OcrWord, b: OcrWord, gap: int, spaces: float | None, char: float, cfg: TerminalConfig
) -> str | None:
    """What goes between two pieces of a name ("" or a dropped "."), or None when they are two
    words: the ground between their ink a cell wide or more (``TerminalConfig.name_gap``, and
    narrower than the spaces beside them where there are any), or a glyph unread between them."""
    limit = cfg.name_gap * char if spaces is None else min(cfg.name_gap * char, cfg.row_share * spaces)
    # (a name's box may end short of a dot it read, or leave out one it dropped; but boxes as far
    # apart as the spaces beside them are a space apart: a man page's "the" "-type")
    if not -0.5 * char <= gap < 2 * char or (spaces is not None and gap >= cfg.as_spaced * spaces):
        return None
    off, x0 = _ink(strip, a, b, char, cfg, shared=True)  # one mask for both questions
    ink = _ink_gap(off, x0, a, b, char)
    if off is None or ink is None or ink >= limit:
        return None
    return _between(off, x0, a, b, char, cfg)


def closed_up(
    lines: list[OcrLine], cfg: TerminalConfig | None = None, picture: Image.Image | None = None
) -> list[OcrLine]:
    """A terminal's ``lines`` with the words an engine read in two made one again (see
    ``TerminalConfig.join_gap``), within a line or across two on one row, and, with the
    ``picture``, words cut where its ink leaves less than a cell (``TerminalConfig.cell_gap``);
    lines with nothing to join are kept as they are."""
    cfg = cfg or TerminalConfig()
    widths = _char_widths(lines)
    if not widths:
        return lines
    char = statistics.median(widths)
    cut: dict[tuple[Box, str], str] = {}

    def joins(a: OcrWord, b: OcrWord) -> bool:
        if (b.box, b.text) in cut:
            return True
        glue, gap = _glued(a.text, b.text, cfg), b.box[0] - a.box[2]
        figure = a.text[-1:].isdigit() and b.text[:1].isdigit()  # (read in two: "1" "3" for "13")
        reach = char * max(glue, cfg.touch if figure else 0.0)
        # (boxes overlap a little; but boxes that overlap with nothing to glue them are loose ones
        # over a space: a mode's "-rw-r--r--" boxed over the "1" after it was read "-rw-r--r--1")
        if reach > 0 and -0.5 * char <= gap < reach:
            return True
        # Or ``b`` is the rest of ``a`` read again inside its box, which has room for both and ends
        # where ``b`` ends: "greenhouse-temps." boxed over all of "greenhouse-temps.log", then
        # "log" read at its end (half A multi-three-cascade).
        room = a.box[2] - a.box[0] >= (len(a.text) + len(b.text) - 1) * char
        return glue > 0 and gap < 0 and room and b.box[2] >= a.box[2] - char

    def joined(a: OcrWord, b: OcrWord) -> OcrWord:
        if a.text[-1:] == b.text[:1] == ":":
            text = a.text[:-1] + b.text
        else:  # (with the dot the engines dropped between them, where one was)
            text = a.text + cut.get((b.box, b.text), "") + b.text
        return OcrWord(text, union_box([a.box, b.box]), min(a.confidence, b.confidence))

    out: list[OcrLine] = []
    for row in rows_of(lines):
        cut = _cut_in_cells(
            sorted((w for c in row.cells for w in words_of(c)), key=lambda w: w.box[0]), picture, char, cfg
        )
        groups: list[list[OcrLine]] = []
        for cell in row.cells:
            # (a cell starting before the one left of it ends lies between its words: a second
            # reading's "09: app-v0.4.1" round tesseract's "20" was said "09: 20")
            inside = bool(groups) and cell.box[0] < groups[-1][-1].box[2]
            if groups and (inside or joins(words_of(groups[-1][-1])[-1], words_of(cell)[0])):
                groups[-1].append(cell)
            else:
                groups.append([cell])
        for group in groups:
            words: list[OcrWord] = []
            for w in sorted((w for c in group for w in words_of(c)), key=lambda w: w.box[0]):
                words.append(joined(words.pop(), w) if words and joins(words[-1], w) else w)
            same = len(group) == 1 and len(words) == len(words_of(group[0]))
            out.append(group[0] if same else OcrLine.of(words, min(c.confidence for c in group)))
    if picture is not None:  # Spleen's and Hermit's slashed zeros read "8": "2824-02-19"
        out = struck_read(out, picture)
    return _command_vouched(_ruler_read([_spelt(line) for line in out]))


_RULER = re.compile(r"\d+,\d+(?:-\d+)?")  # vim's ruler: line, column (and screen column)
_ALL_READ = re.compile(r"A[1lI|]{1,2}")  # its "All" with the l's read as figures or cut short


def _ruler_read(lines: list[OcrLine]) -> list[OcrLine]:
    """``lines`` with vim's "All" put right where it ends a row after the ruler ("1,1 All": the
    whole file on screen); the engines read it "A11" or "A1" in fixed-width fonts, where the "l"
    and the "1" differ by a serif. Only there: elsewhere "A11" is as likely a cell or a key."""
    fixes: set[tuple[Box, str]] = set()
    if not any(_ALL_READ.fullmatch(w.text.rstrip(".")) for ln in lines for w in words_of(ln)):
        return lines
    for row in rows_of(lines):
        words = sorted((w for c in row.cells for w in words_of(c)), key=lambda w: w.box[0])
        if len(words) >= 2 and _RULER.fullmatch(words[-2].text.rstrip(".")):
            last = words[-1]
            if _ALL_READ.fullmatch(last.text.rstrip(".")) and last.text.rstrip(".") != "All":
                fixes.add((last.box, last.text))
    if not fixes:
        return lines
    out = []
    for line in lines:
        words = words_of(line)
        if any((w.box, w.text) in fixes for w in words):
            fixed = [OcrWord("All", w.box, w.confidence) if (w.box, w.text) in fixes else w for w in words]
            line = OcrLine.of(fixed, line.confidence)
        out.append(line)
    return out


_RUN = re.compile(r"[^\W_]+")  # a run of letters and figures between marks
_HEX = re.compile(r"0[xX][0-9a-fA-F]+|[0-9a-f]+|[0-9A-F]+")  # a hexadecimal number, a hash


def letters_for_figures(text: str) -> str:
    """``text`` (a word in a fixed-width font) with a lone "1" or "0" among letters read as the
    letter it stands for: a terminal font's "l" and "1", "O" and "0" differ by a serif or a dot, and
    the engines read "s1eep", "he1p", "L0G". In each run of letters and figures between marks, with
    two letters or more and no figures but such: a "1" between letters is an "l"; a "0" between
    capitals an "O", between small letters an "o". A run with another figure or that ends in one
    ("sda1", "eth0", "F1", "A11", "nvme0n1p1", "0x3fa2") stays as read, and so does a run that
    could be a number in hexadecimal ("deadb0d", a git hash; "0xff"), and a "0" first: there
    context cannot tell a figure from a letter ("0ms", "0px", "0MiB" are quantities; "0ld" is
    left a misread). (Context alone still reads "sha1sum" as "shalsum" and "v1beta" as "vlbeta".)"""
    return _RUN.sub(lambda m: _run_spelt(m.group()), text)


def _run_spelt(run: str) -> str:
    figures = [k for k, ch in enumerate(run) if ch.isdigit()]
    if not figures or run[-1].isdigit() or sum(ch.isalpha() for ch in run) < 2 or _HEX.fullmatch(run):
        return run
    out = list(run)
    for k in figures:
        before, after = run[k - 1 : k], run[k + 1 : k + 2]
        if run[k] == "1" and before.isalpha() and after.isalpha():
            out[k] = "l"
        elif run[k] == "0" and before.isupper() and after.isupper():
            out[k] = "O"
        elif run[k] == "0" and before.islower() and after.islower():
            out[k] = "o"
        else:
            return run  # (a figure of a name or a code: "0x3fa2", "md5sum")
    return "".join(out)


def _spelt(line: OcrLine) -> OcrLine:
    """``line`` with each word's figures among letters put right (:func:`letters_for_figures`)."""
    words = [OcrWord(letters_for_figures(w.text), w.box, w.confidence) for w in line.words]
    if all(w.text == v.text for w, v in zip(words, line.words, strict=True)):
        return line
    return OcrLine.of(words, line.confidence)


SURE = 0.6  # a command's word is given this much confidence (layout's unsure words are below it)


def _command_vouched(lines: list[OcrLine]) -> list[OcrLine]:
    """``lines`` with the words of a command typed after a prompt (two words or more) as sure as
    the engine's sure words: "ls" read at 0.48 before "-l" went as an unsure short word
    ("root@web2:/backups# -l", half A multi-dark-terminals-dialog, live). A word alone after a
    prompt is left as read: the cursor's block after the last one, read "fj" or "y"."""
    vouch: set[int] = set()
    if not any(PROMPT.search(ln.text) for ln in lines):
        return lines  # (no prompt: a man page, a listing scrolled past it)
    for row in rows_of(lines):
        words = sorted((w for c in row.cells for w in words_of(c)), key=lambda w: w.box[0])
        at = next((i for i, w in enumerate(words[:2]) if PROMPT.search(w.text)), None)
        if at is not None and len(words) - at > 2:  # a command and more: no cursor's block
            vouch.update(id(w) for w in words[at + 1 :])
    if not vouch:
        return lines
    out = []
    for line in lines:
        if any(id(w) in vouch and w.confidence < SURE for w in line.words):
            sure = [OcrWord(w.text, w.box, SURE) if id(w) in vouch else w for w in line.words]
            line = OcrLine(line.text, line.box, max(line.confidence, SURE), sure)
        out.append(line)
    return out


def _uncrossed(blocks: list[TextBlock]) -> list[TextBlock]:
    """``blocks`` with each block of lines cut where a line of another block, under the same
    columns, lies between two of its lines: a terminal is read top to bottom, and a block read
    whole would say the lines under the other block's line before it ("total 960", boxed tighter
    than the loosely boxed prompt and listing rows round it, was a block of its own and said after
    two rows of the listing: half A multi-three-cascade). A grid's rows are kept together."""
    out: list[TextBlock] = []
    for block in blocks:
        if block.grid is not None or len(block.lines) < 2:
            out.append(block)
            continue
        x0, _, x1, _ = block.box
        others = [
            line_middle(ln)
            for other in blocks
            if other is not block
            for ln in other.lines
            if min(x1, ln.box[2]) > max(x0, ln.box[0])
        ]
        runs = [[block.lines[0]]]
        for prev, line in pairwise(block.lines):
            if any(line_middle(prev) < m < line_middle(line) for m in others):
                runs.append([])
            runs[-1].append(line)
        out.extend([block] if len(runs) == 1 else [replace(block, lines=run) for run in runs])
    return out


def row_order(blocks: list[TextBlock]) -> list[TextBlock]:
    """A terminal's blocks top to bottom, those on one row left to right (a block first cut where
    another's line lies between its lines, :func:`_uncrossed`). Rows by their first lines'
    middles, not their tops: "(" stands taller than letters, and a man page's header sorted by
    tops read "LS(1) LS(1) User Commands" (multi-four-windows, half A)."""

    def middle(block: TextBlock) -> float:
        return line_middle(block.lines[0])

    rows: list[list[TextBlock]] = []
    for block in sorted(_uncrossed(blocks), key=middle):
        if rows and middle(block) - middle(rows[-1][0]) < 0.5 * min(
            block.lines[0].height, rows[-1][0].lines[0].height
        ):
            rows[-1].append(block)
        else:
            rows.append([block])
    return [b for row in rows for b in sorted(row, key=lambda b: b.box[0])]
