"""Tables, terminal listings and button grids: text aligned in rows and columns, read row by row.

Engines split a table into its columns (tesseract makes each column a block), and a reader that
follows blocks says "-rw-r--r-- 1 root root" thirty times, then the sizes, then the dates. Here
lines that share a row band are put side by side, and a run of such rows whose cells line up in
columns becomes one grid: its rows are read in turn, each left to right. Prose in two columns
also shares row bands, so a grid must have short cells (a few words) in most rows.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise, takewhile

import numpy as np

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine, OcrWord, box_middle, union_box
from assistant.ocr.key_labels import is_key_label


@dataclass(frozen=True)
class GridConfig:
    min_rows: int = 3  # rows in a grid (a calculator's keypad has four or more)
    max_cell_words: float = 3.0  # median words per cell; prose columns have more
    min_multi_cell_rows: float = 0.7  # share of the grid's rows with two cells or more
    min_aligned: float = 0.6  # share of cells (after each row's first) lined up with a cell above or below
    row_gap: float = 2.0  # most space between rows, in line heights (web tables pad their rows)
    align_slack: float = 0.7  # edges this close (in line heights) are one column
    # Cells at least this far apart (median, in line heights; half A's tables 1.0-33, a man page's
    # justified prose split at its double spaces 0.6); not asked of a fixed-width grid.
    min_gap: float = 0.8
    # Width per character varying less than this (coefficient of variation over the grid's words of
    # three characters or more, at least ``mono_words`` of them): a fixed-width font. Measured on
    # tesseract's boxes: terminals 0.017-0.037, tables in proportional fonts 0.05-0.10.
    mono_spread: float = 0.045
    mono_words: int = 8
    # A space between two words of one line this wide (in the line's heights) or wider is a gutter
    # between cells; a word space is about a third of a line height, a justified line's widest
    # about one.
    gutter: float = 1.5


@dataclass
class Row:
    cells: list[OcrLine] = field(default_factory=list)  # left to right

    @property
    def box(self) -> Box:
        return union_box([c.box for c in self.cells])

    @property
    def height(self) -> int:
        return min(c.height for c in self.cells)

    @property
    def tall(self) -> int:
        """The tallest cell's height (digits alone are shorter than words with ascenders)."""
        return max(c.height for c in self.cells)

    def takes(self, line: OcrLine) -> bool:
        """Whether ``line`` sits in this row's band: each one's middle within the other's height.
        (Engines' boxes differ in height on one row: "08:15" has no ascenders, "Time" a tall box.)"""
        _, y0, _, y1 = self.box
        mid = (line.box[1] + line.box[3]) / 2
        own = (y0 + y1) / 2
        # (the row's usual height, not its shortest cell's: a "no" with no ascenders, boxed 8 pixels
        # high among 14-pixel figures, kept out a terminal row's "P-3302 Pharmacy", boxed 18 high,
        # and the row was read as two)
        usual = statistics.median(c.height for c in self.cells)
        similar = max(self.tall, line.height) <= 2.2 * min(usual, line.height)
        # (or boxed loosely around the row: a second reading's "Modified", 32 pixels tall, beside
        # "Name", 12: a table's header row was split and lost from the table)
        # Such a box is centred on its row: one reaching over the row above too (a header's "P",
        # boxed from the shell prompt's row down to the header's) would join the two rows into one.
        around = (
            line.box[1] <= y0
            and y1 <= line.box[3]
            and line.height <= 3 * self.height
            and abs(mid - own) <= 0.25 * (y1 - y0)
        )
        # (or a mark lying within the row's band, however short: an icon read "a" by a file's
        # name, a key's "AC" beside taller labels; a row of its own, it split the row or ended
        # the table)
        within = y0 <= line.box[1] and line.box[3] <= y1
        return within or ((similar or around) and y0 <= mid <= y1 and line.box[1] <= own <= line.box[3])


@dataclass
class Grid:
    rows: list[Row]
    monospace: bool  # a terminal's fixed-width grid: read line by line, not as a table
    shape: str | None = None  # "dial": numbers round a clock face or gauge (assistant.ocr.dials)

    @property
    def columns(self) -> int:
        return max(len(r.cells) for r in self.rows)

    @property
    def kind(self) -> str:
        """What the grid is, for how it is said and named: "dial" (:mod:`assistant.ocr.dials`),
        "keys" (a keypad, :func:`is_keypad`, in whatever toolkit or font: a calculator in a
        fixed-width core font is no terminal), "terminal" (fixed-width lines), "buttons" (a toolbar
        or button bar: one- or two-word labels, no figures), else "table"."""
        if self.shape is not None:
            return self.shape
        cells = [c.text for r in self.rows for c in r.cells]
        if is_keypad(cells):
            return "keys"
        if self.monospace:
            return "terminal"
        if not any(ch.isdigit() for c in cells for ch in c) and all(len(c.split()) <= 2 for c in cells):
            return "buttons"
        return "table"


def is_keypad(cells: list[str]) -> bool:
    """``cells`` are a keypad's keys: short labels, each a key of its own. Every word is short (five
    characters at most, or a key's word, :mod:`assistant.ocr.key_labels`: "Shift", "Enter"), a
    third or more are one or two characters (the digits, letters and marks a keypad is made of; a
    toolbar's labels are words), nearly all differ (each key does a thing of its own; a table's
    columns repeat their values), and at most one is a number of two digits or more (a keypad has
    a key per digit, "00" or a keyboard's "123" at most; a table's or a calendar's cells are
    numbers). Nothing in it names a toolkit or a label set: a calculator's keys read as a table
    ("trunc", "nPr": no key word) said a table's header, and a core font's keys read as a
    terminal's lines were said with no intro at all."""
    words = [w for c in cells for w in c.split()]
    if len(words) < 4 or not all(len(w) <= 5 or is_key_label(w) for w in words):
        return False
    short = sum(len(w) <= 2 for w in words)
    numbers = sum(len(w) >= 2 and w.isdigit() for w in words)
    return 3 * short >= len(words) and len(set(words)) >= 0.85 * len(words) and numbers <= 1


#: A line this many times the lines' median height or more is boxed loosely (a second reading's
#: box over a row and a half of a terminal: "-rw-r--r--" 22 pixels tall on rows 13 apart).
LOOSE = 1.4


def rows_of(lines: list[OcrLine]) -> list[Row]:
    """Lines grouped into row bands, top to bottom, each row's cells left to right.

    The rows are made from the lines of usual height first; a line boxed loosely then goes to the
    row it is centred on (:func:`_loose_home`), so that, taken first, it does not keep the rest of
    its row out (a second reading's "r--r--", 23 pixels tall, took a listing's row and left its
    "-rw-r--r--" and "May" a row apart: the row was read in two)."""
    if not lines:
        return []
    usual = LOOSE * statistics.median(ln.height for ln in lines)
    rows: list[Row] = []
    loose: list[OcrLine] = []
    for line in sorted(lines, key=lambda ln: (box_middle(ln.box), ln.box[0])):
        if line.height > usual:
            loose.append(line)
            continue
        home = next((r for r in reversed(rows[-4:]) if r.takes(line)), None)
        if home is None:
            rows.append(Row([line]))
        else:
            home.cells.append(line)
    for line in loose:
        home = _loose_home(line, rows)
        if home is None:
            rows.append(Row([line]))
        else:
            home.cells.append(line)
    rows.sort(key=lambda r: (box_middle(r.box), r.box[0]))
    for row in rows:
        row.cells.sort(key=lambda c: c.box[0])
    return rows


def _loose_home(line: OcrLine, rows: list[Row]) -> Row | None:
    """The row that takes a loosely boxed ``line`` (:meth:`Row.takes`: centred on it), the nearest
    if several do; None when none does (a header's "P" boxed from the prompt's row down to the
    header's belongs to neither)."""
    mid = box_middle(line.box)
    homes = [r for r in rows if r.takes(line)]
    return min(homes, key=lambda r: abs(box_middle(r.box) - mid)) if homes else None


def _follows(prev: Row, row: Row, cfg: GridConfig) -> bool:
    """``row`` continues ``prev``'s grid: close below it and overlapping it sideways."""
    p, r = prev.box, row.box
    gap = r[1] - p[3]
    overlap = min(p[2], r[2]) - max(p[0], r[0])
    return gap <= cfg.row_gap * max(prev.tall, row.tall) and overlap > 0.5 * min(p[2] - p[0], r[2] - r[0])


def _aligned_share(rows: list[Row], cfg: GridConfig) -> float:
    """Cells after each row's first whose left or right edge lines up with a cell in another row."""
    checked = aligned = 0
    for i, row in enumerate(rows):
        others = [c for j, r in enumerate(rows) if j != i for c in r.cells]
        for cell in row.cells[1:]:
            slack = cfg.align_slack * cell.height
            checked += 1
            aligned += any(
                abs(o.box[0] - cell.box[0]) <= slack or abs(o.box[2] - cell.box[2]) <= slack for o in others
            )
    return aligned / checked if checked else 0.0


def _monospace(rows: list[Row], cfg: GridConfig) -> bool:
    """Every character as wide as the next: the words' width per character hardly varies."""
    widths = [
        (w.box[2] - w.box[0]) / len(w.text)
        for r in rows
        for c in r.cells
        for w in c.words
        if len(w.text) >= 3
    ]
    if len(widths) < cfg.mono_words:
        return False
    return statistics.pstdev(widths) / statistics.mean(widths) < cfg.mono_spread


def _is_grid(rows: list[Row], cfg: GridConfig) -> bool:
    """Rows that make a grid: most of them of two cells or more, lined up in columns; short cells
    (prose in two columns has long ones) set clearly apart (justified prose split at its wide
    spaces is not a table: "with -lt: sort  by,  and show"), unless every character is as wide as
    the next (a terminal's listing: "4096 Jan 30 2024 charts" is one cell to an engine, and its rows
    must stay rows all the same)."""
    if len(rows) < cfg.min_rows:
        return False
    multi = [r for r in rows if len(r.cells) >= 2]
    if len(multi) < cfg.min_multi_cell_rows * len(rows):
        return False
    words = [len(c.text.split()) for r in rows for c in r.cells]
    if _monospace(rows, cfg):
        return _aligned_share(rows, cfg) >= cfg.min_aligned
    gaps = [b.box[0] - a.box[2] for r in rows for a, b in pairwise(r.cells)]
    apart = statistics.median(gaps) >= cfg.min_gap * statistics.median(r.height for r in rows)
    return (
        apart
        and statistics.median(words) <= cfg.max_cell_words
        and _aligned_share(rows, cfg) >= cfg.min_aligned
    )


def _trimmed(run: list[Row]) -> list[Row]:
    """A run without the one-cell rows at its ends (a heading above, a prompt below)."""
    start, end = 0, len(run)
    while start < end and len(run[start].cells) < 2:
        start += 1
    while end > start and len(run[end - 1].cells) < 2:
        end -= 1
    return run[start:end]


def _columns(rows: list[Row], cfg: GridConfig) -> list[tuple[int, int]]:
    """The grid's columns as x-ranges, split at its gutters: where no row has a word, save one
    (a title or a prompt running across). Between the words of one cell ("Hex bolt M6") other rows
    have words, so a cell is not split; right-aligned figures make one column whatever their left
    edges."""
    words = [(r, w) for r in rows for c in r.cells for w in words_of(c)]
    left = min(w.box[0] for _, w in words)
    cover = np.zeros(max(w.box[2] for _, w in words) - left + 1, dtype=np.int32)  # rows per x
    for row in rows:
        seen = np.zeros_like(cover, dtype=bool)
        for w in (w for r, w in words if r is row):
            seen[w.box[0] - left : w.box[2] - left] = True
        cover += seen
    spans = [(left + a, left + b) for a, b in true_runs(cover > max(1, len(rows) // 5))]
    # A gutter is as wide as the space between cells (``min_gap``), not a word space: sizes'
    # numbers and units ("14.2 MB", "96.5 MB") leave a space at one place in every row.
    space = cfg.min_gap * statistics.median(w.box[3] - w.box[1] for _, w in words)
    merged: list[tuple[int, int]] = []
    for x0, x1 in spans:
        if merged and x0 - merged[-1][1] < space:
            merged[-1] = (merged[-1][0], x1)
        else:
            merged.append((x0, x1))
    return merged


def column_ranges(rows: list[Row], cfg: GridConfig) -> list[tuple[int, int]]:
    """A grid's columns as x-ranges (:func:`_columns`), for a second look at its words' ink."""
    return _columns(rows, cfg)


#: Words this far apart or more (in the row's cells' median height: engines box some words
#: loosely, and a word with no ascenders short) are cells apart, not a word space: a gutter's
#: word that follows its neighbour closer than this is read on with it ("Weight (kg)", "(kg)"
#: nearer the next column).
APART = 0.8


def _column_at(x: float, columns: list[tuple[int, int]]) -> int:
    """The column (index into ``columns``, left to right) ``x`` lies in; in a gutter, the nearer of
    the two beside it; -1 left of them all, the last right of them all. (A column's header is often
    wider than its cells: "Renewals" centred over right-aligned figures one or two digits wide, its
    middle in the gutter on their left, went to the column before, and the header was read "Due
    back Renewals", one name.)"""
    at = _column_left(x, columns)
    if 0 <= at < len(columns) - 1 and x > columns[at][1] and columns[at + 1][0] - x < x - columns[at][1]:
        return at + 1
    return at


def _column_left(x: float, columns: list[tuple[int, int]]) -> int:
    """The last column (index into ``columns``) starting at or left of ``x``; -1 left of them all."""
    return sum(1 for x0, _ in columns if x0 <= x) - 1


def words_of(line: OcrLine) -> list[OcrWord]:
    return line.words or [OcrWord(line.text, line.box, line.confidence)]


def _recut(row: Row, columns: list[tuple[int, int]]) -> Row:
    """``row`` with its cells made again from its words, one cell per column: an engine runs a line
    across two columns ("PDF document 2024" for "PDF document" and the date's year) or reads a
    word of a cell apart ("14.2 ZIP archive", then "MB" alone); each word goes to the column
    (:func:`_columns`) its middle lies in, or the last one left of it, and a column's words are
    read left to right as one cell. Left as it was when every cell already lies in a column of
    its own. A word in a gutter goes to the nearer column (:func:`_column_at`) only when it stands
    apart from the word before it (:data:`APART`): one a word space after it goes on that word's
    cell ("Weight (kg)" was read as two column names, and a long title running past its column's
    usual width would be cut in two). A word past the last column, apart from the one before it,
    is a cell of its own."""

    height = statistics.median(c.height for c in row.cells)

    def column(word: OcrWord, before: OcrWord | None) -> int:
        x = (word.box[0] + word.box[2]) / 2
        at = _column_at(x, columns)
        left = _column_left(x, columns)
        close = before is not None and word.box[0] - before.box[2] < APART * height
        if at != left and close:
            return left
        # (past the last column, and apart: a column only one row fills, a calculator's "M-" the
        # one key of its column read, was put into the cell before it, "MS M-", one key)
        if word.box[0] > columns[-1][1] and not close:
            return len(columns)
        return at

    def columns_of(words: list[OcrWord]) -> list[int]:
        return [column(w, v) for v, w in zip([None, *words[:-1]], words, strict=True)]

    # (the words taken along the row, not cell by cell: a cell a word space after the one before
    # it is read on with it, "Booked" and "until" read as two lines)
    owned = [(w, k) for k, c in enumerate(row.cells) for w in words_of(c)]
    owned.sort(key=lambda wk: wk[0].box[0])
    ordered = [w for w, _ in owned]
    at = columns_of(ordered)
    spans = [{col for col, (_, k) in zip(at, owned, strict=True) if k == i} for i in range(len(row.cells))]
    if all(len(s) == 1 for s in spans) and len({next(iter(s)) for s in spans}) == len(spans):
        return row
    cells: list[list[OcrWord]] = []
    last = None
    for word, col in zip(ordered, at, strict=True):
        if cells and col == last:
            cells[-1].append(word)
        else:
            cells.append([word])
        last = col
    return Row([OcrLine.of(ws) for ws in cells])


#: A rule between two cells read as a character: w3m's and Midnight Commander's box-drawing "│",
#: a drawn rule beside a figure.
BARS = "|│¦"
#: A column's sort arrow read as a character: it stands between the sorted column's name and the
#: next one's (htop's "CPU%▽MEM%", read "CPU%∇MEM%"), and no word holds one.
ARROWS = "∇∆▽△▲▼▾▴▿▵"


def _unbarred(row: Row) -> Row:
    """``row`` with each word cut where a rule read as a bar (:data:`BARS`) or a sort arrow
    (:data:`ARROWS`) stands inside it, the mark left out: a terminal's table drawn in box-drawing
    characters came back "31.50|6.20" and "Departs|Arrives", Midnight Commander's panel "6620|Apr"
    for a size and its date, htop's header "CPU%∇MEM%", two cells (and no word of either) as one
    word. A fixed-width font's characters are as wide as each other, so each piece is boxed by
    its share of the word's characters."""
    marks = BARS + ARROWS
    if not any(ch in c.text for c in row.cells for ch in marks):
        return row
    cells = []
    for cell in row.cells:
        words: list[OcrWord] = []
        for word in words_of(cell):
            pieces = [p for p in re.split(f"[{marks}]+", word.text) if p]
            if len(pieces) < 2:
                words.append(word)
                continue
            x0, y0, x1, y1 = word.box
            per = (x1 - x0) / len(word.text)
            at = 0
            for piece in pieces:
                start = word.text.index(piece, at)
                at = start + len(piece)
                box = (round(x0 + per * start), y0, round(x0 + per * at), y1)
                words.append(OcrWord(piece, box, word.confidence))
        cells.append(OcrLine.of(words, cell.confidence) if len(words) != len(words_of(cell)) else cell)
    return Row(cells)


#: Twins (words in other rows) a cut of a word run over a space needs (:func:`_run_over`).
TWINS = 2


def _run_over(row: Row, rows: list[Row]) -> Row:
    """A fixed-width grid's ``row`` with each word the engine ran over a space cut where other rows
    show the space: at a character's edge between a figure and a letter where, in :data:`TWINS`
    other rows or more, a word starts and ends as the word's rest does, of its shape, after a word
    ending a space before it that has the shape of the word's start (top's "9400S" under "3248 S",
    "1636 S": a size and the process's state, one word and neither; a colour of text whose grey is
    near its ground's leaves no blank cell an engine sees). Right-aligned figures ("612" under
    "4096") have no word ending a space before them, and are left whole."""
    others = [(r, w) for r in rows if r is not row for c in r.cells for w in words_of(c)]
    if not others:
        return row
    changed = False
    cells = []
    for cell in row.cells:
        words: list[OcrWord] = []
        for word in words_of(cell):
            cut = _twin_cut(word, others)
            changed |= cut is not None
            words += [word] if cut is None else cut
        cells.append(OcrLine.of(words, cell.confidence) if len(words) != len(words_of(cell)) else cell)
    return Row(cells) if changed else row


def _twin_cut(word: OcrWord, others: list[tuple[Row, OcrWord]]) -> list[OcrWord] | None:
    """``word`` cut in two where :func:`_run_over` finds its twins, or None."""
    x0, y0, x1, y1 = word.box
    n = len(word.text)
    if n < 2 or not word.text.isalnum():
        return None
    per = (x1 - x0) / n
    for k in range(n - 1, 0, -1):
        # (only where figures meet letters: within a word of letters, a column's "ks" or "imes"
        # in other rows of running text is no twin; nor within a number)
        if word.text[k - 1].isdigit() == word.text[k].isdigit():
            continue
        x = x0 + k * per
        head, rest = _shape(word.text[:k]), _shape(word.text[k:])
        twins = 0
        for row, o in others:
            if abs(o.box[0] - x) > per / 3 or abs(o.box[2] - x1) > per / 2 or _shape(o.text) != rest:
                continue
            before = [w for c in row.cells for w in words_of(c) if x - 1.6 * per <= w.box[2] <= x - 0.4 * per]
            twins += any(_shape(w.text).endswith(head[-2:]) for w in before)
        if twins >= TWINS:
            at = round(x)
            return [
                OcrWord(word.text[:k], (x0, y0, at - round(per / 2), y1), word.confidence),
                OcrWord(word.text[k:], (at, y0, x1, y1), word.confidence),
            ]
    return None


def _keys(row: Row) -> Row:
    """A keypad's ``row`` with each cell cut where its words stand apart (:data:`APART`): two keys
    an engine read as one line ("sin cos"); a key's own words stand a word space apart ("2 ABC")."""
    cells: list[list[OcrWord]] = []
    for cell in row.cells:
        words = words_of(cell)
        cells.append([words[0]])
        for a, b in pairwise(words):
            if b.box[0] - a.box[2] >= APART * cell.height:
                cells.append([b])
            else:
                cells[-1].append(b)
    if len(cells) == len(row.cells):
        return row
    return Row([OcrLine.of(ws) for ws in cells])


def _without_lead(rows: list[Row], cfg: GridConfig) -> list[Row]:
    """``rows`` without the leading ones of half the usual cells or fewer (kept ``min_rows``)."""
    full = statistics.median(len(r.cells) for r in rows)
    start = 0
    while len(rows) - start > cfg.min_rows and len(rows[start].cells) <= 0.5 * full:
        start += 1
    return rows[start:]


#: A shell prompt ("maria@studio:~$", "root@nas:/srv#"): a terminal's line, never a table's row.
PROMPT = re.compile(r"@\S*[:~]\S*[$#%>]")


def _without_stray_top(rows: list[Row], columns: list[tuple[int, int]], cfg: GridConfig) -> list[Row]:
    """``rows`` without a top row that is no header (kept ``min_rows``): a shell prompt right above
    a listing ("maria@studio:~$ cat ps.txt" was taken for the header of the ``ps`` table it
    printed), or a row with no cell in two columns or more that every row below fills (a prompt
    read in fragments: "t el i, CAT at, tasks t as"); a header has a name over every column."""

    def filled(row: Row) -> set[int]:
        return {_column_at((c.box[0] + c.box[2]) / 2, columns) for c in row.cells}

    while len(rows) > cfg.min_rows:
        top, below = rows[0], rows[1:]
        full = set.intersection(*(filled(r) for r in below))
        missing = full - filled(top)
        if not (PROMPT.search(" ".join(c.text for c in top.cells)) or len(missing) >= 2):
            break
        rows = below
    return rows


def _from_header(rows: list[Row], columns: list[tuple[int, int]], cfg: GridConfig) -> list[Row]:
    """``rows`` from the table's header (:func:`_header_at`) down (kept ``min_rows``): the rows over
    it are none of the table's (a page's bar of controls and the count under it: "Status", a
    drop-down, two dates, a search field, "Apply"; "Showing 8 of 143 orders")."""
    head = _header_at(rows, columns)
    return rows[head:] if len(rows) - head >= cfg.min_rows else rows


def _header_at(rows: list[Row], columns: list[tuple[int, int]]) -> int:
    """The index of the table's header among ``rows``: the last row of words (no figure) with a
    cell over each of ``columns`` (a name may be wider than its column: "Items" over figures one
    digit wide), every row under it holding a figure, and more rows under it than over it, each
    row over it no row of a table (:func:`_strays`); 0 when there is none. A table has one header,
    at its top."""
    at = 0
    for i, row in enumerate(rows[1 : len(rows) // 2], start=1):
        if any(_digit(c.text) for c in row.cells):
            continue
        over = all(any(min(c.box[2], b) > max(c.box[0], a) for c in row.cells) for a, b in columns)
        if over and all(any(_digit(c.text) for c in r.cells) for r in rows[i + 1 :]):
            at = i
    return at if all(_strays(r, columns) for r in rows[:at]) else 0


def _strays(row: Row, columns: list[tuple[int, int]]) -> bool:
    """Whether ``row`` is no row of the table whose ``columns`` are given: a cell of it runs across
    a gutter (:func:`_span`: a field, a sentence) or past the last column, or it leaves two columns
    or more empty (a label and its field, "Name:", "Rosa Lindqvist", are a form's row)."""
    spans = [_span(c, columns) for c in row.cells]
    return any(len(s) != 1 for s in spans) or len(columns) - len({k for s in spans for k in s}) >= 2


def is_prompt(text: str) -> bool:
    """Whether ``text`` is a shell prompt's line: the prompt among its first two words (an engine
    may put a stray mark before it: "‘sam@desk:~/reports$ ls -l")."""
    return PROMPT.search(" ".join(text.split()[:2])) is not None


def _prompt(row: Row) -> bool:
    return is_prompt(" ".join(c.text for c in row.cells[:2]))


def _starts(row: Row, header: Row, cfg: GridConfig) -> bool:
    """Whether ``row``'s words line up under each of ``header``'s cells (a word's left or right edge
    with the cell's, as columns of text or figures are aligned) and none lies left of the first."""
    words = [w for c in row.cells for w in words_of(c)]
    slack = cfg.align_slack * header.height
    if len(words) < len(header.cells) or min(w.box[0] for w in words) < header.cells[0].box[0] - slack:
        return False
    return all(
        any(abs(w.box[0] - c.box[0]) <= slack or abs(w.box[2] - c.box[2]) <= slack for w in words)
        for c in header.cells
    )


def _under_header(run: list[Row], cfg: GridConfig) -> tuple[list[Row], list[Row]] | None:
    """A table too short for :func:`_is_grid` ("Day Time Place" over one row read as one line: half
    A multi-dark-qt-over-page): a row of three short cells or more, clearly apart, none ending a
    sentence (three columns' last lines of prose), and the rows under it whose words line up under each
    of its cells (:func:`_starts`). The table's rows (cut at its columns) and the rows as they were."""
    for i, header in enumerate(run[:-1]):
        cells, ends = header.cells, (".", "!", "?", ";")
        if len(cells) < 3 or any(
            len(c.text.split()) > cfg.max_cell_words or c.text.endswith(ends) for c in cells
        ):
            continue
        if min(b.box[0] - a.box[2] for a, b in pairwise(cells)) < cfg.min_gap * header.height:
            continue
        body = list(takewhile(partial(_starts, header=header, cfg=cfg), run[i + 1 :]))
        if body:
            columns = [(c.box[0], c.box[2]) for c in cells]
            return [header, *(_recut(r, columns) for r in body)], [header, *body]
    return None


def cells_of(line: OcrLine, cfg: GridConfig) -> list[OcrLine]:
    """``line`` cut into cells at its gutters: spaces between its words at least ``cfg.gutter`` line
    heights wide, when that makes three short cells or more. What makes a table's cells is the
    space between them, not how an engine drew its lines: tesseract read a calendar's week, seven
    days 18 pixels apart on a 9-pixel row, as one line, and that row, one cell long, was left out
    of the grid whose other weeks it had cut apart. The line's height here is its words' usual
    one: a loose box round one word (a ttk heading's "Tram" boxed with the heading's sunken edge,
    21 pixels on 12-pixel names) made every gutter of the heading a word space."""
    words = line.words
    if len(words) < 2:
        return [line]
    wide = cfg.gutter * statistics.median(w.box[3] - w.box[1] for w in words)
    cells: list[list[OcrWord]] = [[words[0]]]
    for a, b in pairwise(words):
        if b.box[0] - a.box[2] >= wide:
            cells.append([b])
        else:
            cells[-1].append(b)
    # Three short cells or more: one wide space alone may be a window lying over a line of prose, or
    # a label and its field.
    if len(cells) < 3 or any(len(ws) > cfg.max_cell_words for ws in cells):
        return [line]
    # (each cell on the line's band: a "cos" boxed without ascenders beside "sin" and "tan" was
    # put on a row of its own)
    y0, y1 = line.box[1], line.box[3]
    return [
        OcrLine(" ".join(w.text for w in ws), (ws[0].box[0], y0, ws[-1].box[2], y1), line.confidence, ws)
        for ws in cells
    ]


def _lined_up(row: Row, others: list[Row], cfg: GridConfig) -> bool:
    """Each cell of ``row`` lies over columns of ``others`` (:func:`_span`), no two over the same:
    a row of the same table, not a dialog's buttons under it ("Call Edit Close", one line with
    wide spaces, cut at them: "Call" and "Edit" both under "City")."""
    columns = _columns(others, cfg)
    spans = [_span(c, columns) for c in row.cells]
    over = [i for s in spans for i in s]
    return all(spans) and len(over) == len(set(over))


def _cut_ends(run: list[Row], cut: set[int], cfg: GridConfig) -> list[Row]:
    """``run`` without rows at its ends made of a line cut at its gutters (``cut``: the cells'
    ids, :func:`cells_of`) that do not line up with the rest (:func:`_lined_up`)."""
    while len(run) > 1 and all(id(c) in cut for c in run[-1].cells) and not _lined_up(run[-1], run[:-1], cfg):
        run = run[:-1]
    while len(run) > 1 and all(id(c) in cut for c in run[0].cells) and not _lined_up(run[0], run[1:], cfg):
        run = run[1:]
    return run


#: A step down to a run's last row this many times the run's usual step or more: no row of it.
LAST_STEP = 1.3


def _evenly(run: list[Row], cfg: GridConfig) -> list[Row]:
    """``run`` without rows at its foot that stand further below the row over them than its rows
    stand apart (its median step, middle to middle, ``LAST_STEP`` times it or more): a table's rows
    are evenly spaced, and the note and the buttons under a Tk table ("Take two packets at most;
    bring seeds back in autumn.", "Take Return Close"), close enough to run on, were read as its
    last two rows."""
    while len(run) > cfg.min_rows + 1:
        steps = [box_middle(b.box) - box_middle(a.box) for a, b in pairwise(run)]
        if steps[-1] < LAST_STEP * statistics.median(steps[:-1]):
            break
        run = run[:-1]
    return run


def _digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _span(cell: OcrLine, columns: list[tuple[int, int]]) -> list[int]:
    """The columns ``cell`` lies over, when it lies within them: no further out than halfway across
    the gutters on either side (a toolbar's button or a title running past a column's gutter lies
    over none); [] otherwise."""
    x0, x1 = cell.box[0], cell.box[2]
    over = [i for i, (a, b) in enumerate(columns) if min(x1, b) > max(x0, a)]
    if not over:
        return []
    i, j = over[0], over[-1]
    left = (columns[i - 1][1] + columns[i][0]) / 2 if i > 0 else -np.inf
    right = (columns[j][1] + columns[j + 1][0]) / 2 if j + 1 < len(columns) else np.inf
    return over if left <= x0 and x1 <= right else []


def _rows_over(top: Row, ordered: list[Row], used: set[int], cfg: GridConfig) -> list[Row]:
    """The rows right over ``top`` (of ``ordered``, all rows top to bottom), each close over the
    next, three at most, none in a grid (``used``): a header's rows may lie side by side with no
    row over the next ("Plan Storage Users" left of "Price Per user Price Saving"), so that they
    are runs of their own."""
    i = next(k for k, r in enumerate(ordered) if r is top)
    over: list[Row] = []
    below = top
    for row in reversed(ordered[max(0, i - 3) : i]):
        if below.box[1] - row.box[3] > cfg.row_gap * max(row.tall, below.tall):
            break
        if any(id(c) in used for c in row.cells):
            break
        over.insert(0, row)
        below = row
    return over


def _header_rows(
    above: list[Row], body: list[Row], columns: list[tuple[int, int]], cfg: GridConfig
) -> list[Row]:
    """The rows right over a grid's ``body`` that head its columns, top first; [] when they do not.
    A header may take two rows or three: a group's name over the columns it spans ("Pay monthly"
    over "Price" and "Per user"), and a column's name set halfway down both rows ("Plan"). Each
    such row has fewer cells than the body's rows, so it was left out of the grid like a toolbar,
    and the names were read as loose words in whatever order the layout gave them. They are the
    header when they hold words, not figures, two cells a row at least, each cell lying over the
    body's columns (:func:`_span`), and name every column: with the body's own top row when that
    is a header of words, their cells must each span two columns or more (a group's name over
    them); without, they must name every column between them."""
    heads: list[Row] = []
    for row in reversed(above[-3:]):
        cells = row.cells
        if len(cells) < 2 or _prompt(row) or any(_digit(c.text) for c in cells):
            break
        if any(len(c.text.split()) > cfg.max_cell_words or not _span(c, columns) for c in cells):
            break
        heads.insert(0, row)
    if not heads:
        return []
    spans = [_span(c, columns) for r in heads for c in r.cells]
    if not any(_digit(c.text) for c in body[0].cells):  # the body's top row is a header already
        return heads if all(len(s) >= 2 for s in spans) else []
    named = {i for s in spans for i in s}
    return heads if len(named) == len(columns) else []


#: Characters an engine takes for one another in a proportional font, by what the place needs: a
#: figure ("A1" read "Al"), a capital or a small letter.
LOOK_ALIKES = {
    "9": {"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"},
    "A": {"1": "I", "0": "O", **{c: c.upper() for c in "cosvwxz"}},  # (a small "c" is a small "C")
    "a": {"1": "l", "0": "o", **{c: c.lower() for c in "COSVWXZ"}},
}


def _shape(text: str) -> str:
    """``text`` with each figure "9", each capital "A", each small letter "a"; the rest as it is."""
    return "".join(
        "9" if ch.isdigit() else "A" if ch.isupper() else "a" if ch.islower() else ch for ch in text
    )


#: :func:`_shape` for other modules (a second look's reading vouched for by its column's shape).
shape_of = _shape


def _as_shape(text: str, shape: str) -> str | None:
    """``text`` made to ``shape`` by look-alikes alone (:data:`LOOK_ALIKES`), or None when it cannot."""
    if len(text) != len(shape):
        return None
    out = []
    for ch, want in zip(text, shape, strict=True):
        if _shape(ch) == want:
            out.append(ch)
        elif ch in LOOK_ALIKES.get(want, {}):
            out.append(LOOK_ALIKES[want][ch])
        else:
            return None
    return "".join(out)


def _column_shapes(rows: list[Row], columns: list[tuple[int, int]]) -> list[Row]:
    """``rows`` with a cell put right where its column's cells share one shape (:func:`_shape`) and
    it differs from them only by look-alikes, or by a space the shape has not: a column of shelf
    codes "A1, A2, B1, B2, C1" read "Al", "Bl" where the "1" stood alone, or "B 1" where it stood
    a little apart. The column's own cells say what it holds, as a person reading down it would
    take "Al" among the codes for "A1". Shapes are weighed by the cells that have them or can be
    made to them (:func:`_made`): "A1, A1, A2, A2, B1, B1" read "Al, Al, A2, A2, B1, Bl" hold
    "A9" and "Aa" three times each, but the "Al"s can be "A1"s and no "A2" can be a word of
    letters. The shape must be the one most cells can take, by more than any other, held by two
    cells at least, and taken by three or more, half of those as long or more."""
    by_column: dict[int, list[OcrLine]] = {}
    for row in rows:
        for cell in row.cells:
            by_column.setdefault(_column_at((cell.box[0] + cell.box[2]) / 2, columns), []).append(cell)
    fixed: dict[int, OcrLine] = {}
    for cells in by_column.values():
        shapes = [_shape(c.text) for c in cells]
        reach = {
            s: sum(t == s or _made(c, s) is not None for c, t in zip(cells, shapes, strict=True))
            for s in set(shapes)
        }
        common = max(reach, key=lambda s: (reach[s], shapes.count(s)))
        alike = [s for s in shapes if len(s) == len(common)]  # (a header, a row run on, aside)
        if (
            shapes.count(common) < 2
            or reach[common] < max(3, len(alike) / 2)
            or any(s != common and reach[s] >= reach[common] for s in reach)
        ):
            continue
        for cell, shape in zip(cells, shapes, strict=True):
            text = _made(cell, common) if shape != common else None
            if text is None:
                continue
            words = words_of(cell)
            if len(text) != len(cell.text) or " ".join(w.text for w in words) != cell.text:
                words = [OcrWord(cell.text, cell.box, cell.confidence)]  # (joined, or not its words)
            at, put = 0, []
            for w in words:  # each word as put right, in its place in the cell's text
                put.append(
                    OcrWord(text[at : at + len(w.text)] if len(words) > 1 else text, w.box, w.confidence)
                )
                at += len(w.text) + 1
            fixed[id(cell)] = OcrLine(text, cell.box, cell.confidence, put)
    if not fixed:
        return rows
    return [Row([fixed.get(id(c), c) for c in r.cells]) for r in rows]


#: A space narrower than this share of its words' height may be none (a code's "B 1", the "1" a
#: little apart; terminals' "2 B", 3 pixels apart on a 10-pixel pitch), where its column says so.
NARROW = 0.35


def _made(cell: OcrLine, shape: str) -> str | None:
    """``cell``'s text made to ``shape`` by look-alikes (:func:`_as_shape`), or, where ``shape``
    has no space and each of the cell's is narrow (:data:`NARROW`), with its spaces left out too;
    None when it cannot be."""
    made = _as_shape(cell.text, shape)
    words = cell.words
    if made is None and " " in cell.text and " " not in shape and len(words) > 1:
        tall = max(w.box[3] - w.box[1] for w in words)
        if all(b.box[0] - a.box[2] < NARROW * tall for a, b in pairwise(words)):
            made = _as_shape(cell.text.replace(" ", ""), shape)
    return made


def _stray(row: Row, prev: Row) -> bool:
    """``row`` is a stray mark: a cell or two of one or two characters each, under two thirds the
    height of the row over it (an icon read as a letter)."""
    return (
        len(row.cells) <= 2
        and all(len(c.text.strip()) <= 2 for c in row.cells)
        and row.tall < 2 * prev.tall / 3
    )


#: Capital letters one under another, this many or more, are a word written downwards.
STACKED = 3


def _downwards(lines: list[OcrLine]) -> list[OcrLine]:
    """``lines`` with a word written downwards made one line of its letters: capitals each alone on
    a line, one right under another (their boxes touching or overlapping) and over the same place
    across (xcalc's tall "ENTER" key, its letters one under another), one or more of them on no row
    of other text. Each letter on a row of its own cut the keypad's rows in two, and no grid was
    found: the keys were read column by column."""
    letters = [ln for ln in lines if len(ln.text) == 1 and ln.text.isalpha() and ln.text.isupper()]
    stacks: list[list[OcrLine]] = []
    for line in sorted(letters, key=lambda ln: ln.box[1]):
        home = next((st for st in stacks if _under(st[-1].box, line.box)), None)
        if home is None:
            stacks.append([line])
        else:
            home.append(line)
    # (and closer than rows: a letter with no other line on its row, between two rows of keys; a
    # terminal's column of "S" whose boxes touch is on rows, each with the rest of its row beside)
    single = {id(ln) for ln in letters}
    middles = [box_middle(ln.box) for ln in lines if id(ln) not in single]
    stacks = [
        st
        for st in stacks
        if len(st) >= STACKED and any(not any(ln.box[1] <= m <= ln.box[3] for m in middles) for ln in st)
    ]
    if not stacks:
        return lines
    joined = {id(ln) for st in stacks for ln in st}
    # (its letters said as they are written, one by one: "E N T E R")
    return [ln for ln in lines if id(ln) not in joined] + [
        OcrLine.of([w for ln in st for w in words_of(ln)]) for st in stacks
    ]


def _under(above: Box, box: Box) -> bool:
    """``box`` lies right under ``above`` (touching or overlapping it), over the same place across."""
    across = min(above[2], box[2]) - max(above[0], box[0])
    return box[1] - above[3] <= 1 and across >= 0.5 * min(above[2] - above[0], box[2] - box[0])


def find_grids(
    lines: list[OcrLine], cfg: GridConfig | None = None, *, fixed: bool = False, prompts_apart: bool = False
) -> tuple[list[Grid], list[OcrLine]]:
    """The grids among ``lines``, and the lines that are in none of them. ``fixed``: the lines are
    a terminal's (:mod:`assistant.ocr.terminal`), so every grid is one of fixed-width lines.
    ``prompts_apart`` (the layout): a shell prompt's line is in no grid, a run of rows ends at it
    and the next starts after it. (A second look for a grid's empty cells, :mod:`assistant.ocr.gaps`,
    keeps the runs whole: a column an engine lost from one listing shows in the one above it.)"""
    cfg = cfg or GridConfig()
    lines = _downwards(lines)
    # Each line's cells (:func:`cells_of`), and the line each came from; a terminal's lines are kept
    # whole (its columns are found from the fixed-width grid of characters).
    split = [(line, [line] if fixed else cells_of(line, cfg)) for line in lines]
    pieces = [c for _, cells in split for c in cells]
    runs: list[list[Row]] = []
    for row in rows_of(pieces):
        apart = prompts_apart and (_prompt(row) or (bool(runs) and _prompt(runs[-1][-1])))
        # (or the row before a stray mark, :func:`_stray`: an icon read "a" left of a file's name,
        # a row of its own overlapping neither row beside it, ended a table there)
        last = runs[-1] if runs else []
        near = last[-2:] if len(last) > 1 and _stray(last[-1], last[-2]) else last[-1:]
        if any(_follows(r, row, cfg) for r in near) and not apart:
            runs[-1].append(row)
        else:
            runs.append([row])
    grids: list[Grid] = []
    used: set[int] = set()
    cut_cells = {id(c) for line, cells in split if len(cells) > 1 for c in cells}
    ordered = [r for run in runs for r in run]
    for run in runs:
        rows = _trimmed(_evenly(_cut_ends(run, cut_cells, cfg), cfg))
        if _is_grid(rows, cfg):
            # A toolbar or a status line over a table ("New Open, Print" over four columns) is no
            # row of it, nor are its words any column's.
            columns = _columns(_without_lead(rows, cfg), cfg)
            # ... though a header an engine read as two long lines ("PID USER", "%CPU %MEM TIME
            # COMMAND") has few cells until it is cut at the columns found without it.
            # A keypad's cells are its keys as read, each apart (xcalc's keys stand closer than a
            # gutter: "CE/C" and "AC", two keys, were made one cell of one column, "CE/C AC").
            keypad = is_keypad([c.text for r in rows for c in r.cells])
            mono = fixed or _monospace(rows, cfg)
            parted = [_run_over(r, rows) for r in rows] if mono and not keypad else rows
            recut = [_keys(r) for r in rows] if keypad else [_recut(_unbarred(r), columns) for r in parted]
            # (a keypad has no header: xcalc's "INV sin cos tan DRG" is a row of keys; nor is a
            # terminal's listing cut at its header: the lines over it are read line by line)
            cut = _without_lead(recut, cfg)
            cut = _without_stray_top(cut if keypad or mono else _from_header(cut, columns, cfg), columns, cfg)
            rows = rows[len(rows) - len(cut) :]
            heads = _header_rows(_rows_over(rows[0], ordered, used, cfg), cut, columns, cfg)
            if heads:  # the header's rows said as one, top to bottom, before the body
                cells = [c for r in heads for c in r.cells]
                fold = cut[0].cells if not any(_digit(c.text) for c in cut[0].cells) else []
                cut = [Row(cells + fold), *(cut[1:] if fold else cut)]
                used.update(id(c) for c in cells)
            used.update(id(c) for r in rows for c in r.cells)
            grids.append(Grid(_column_shapes(cut, columns), fixed or _monospace(rows, cfg)))
        elif (headed := _under_header(run, cfg)) is not None:
            used.update(id(c) for r in headed[1] for c in r.cells)
            grids.append(Grid(headed[0], fixed))
    # A line none of whose cells is in a grid is left as it was read.
    rest: list[OcrLine] = []
    for line, cells in split:
        left = [c for c in cells if id(c) not in used]
        rest += [line] if len(left) == len(cells) else left
    return grids, rest
