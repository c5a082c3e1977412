"""Reading order: OCR lines grouped into blocks, blocks ordered like a sighted reader would.

Engines return lines in whatever order their detector found them. A two-column page read row by
row mixes both columns into nonsense, so lines are first grouped into blocks (paragraphs, list
items, labels) and the blocks are then ordered by pairwise "comes before" rules (after T. Breuel,
"High performance document layout analysis", 2003): above-and-overlapping comes first, and a
column left of another is read first unless something spanning both separates them. Unlike an
XY-cut this survives a title over three columns and paragraphs whose gaps line up across columns.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np
from PIL import Image

from assistant.catalog import APP_TITLE
from assistant.ocr.boxes import Box, OcrLine, OcrWord, box_middle, overlap_share, union_box
from assistant.ocr.dials import find_dial
from assistant.ocr.grid import Grid, find_grids
from assistant.ocr.loose import UNSURE as UNSURE  # (its home is loose; benchmarks import it here)
from assistant.ocr.loose import drop_unsure, tidied
from assistant.ocr.panels import Panel, interrupted, panel_of
from assistant.ocr.separators import beside, ending, gutter, parting
from assistant.ocr.side_lists import side_list
from assistant.ocr.terminal import closed_up, fixed_width, on_rows, row_order, terminal_lines

WINDOW = " window"  # said after a window's name: "Save Changes window"


@dataclass
class TextBlock:
    lines: list[OcrLine]
    is_heading: bool = False
    box: Box = field(init=False)
    # Set for a table, a terminal listing or a button grid: then each of ``lines`` is one row.
    grid: Grid | None = None
    # Lines on no pane of a picture of several (the desktop, a panel at the screen's edge, with
    # its task buttons and clock): no window's text, read after every window's.
    outside: bool = False

    def __post_init__(self) -> None:
        self.box = union_box([line.box for line in self.lines])

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def add(self, line: OcrLine) -> None:
        self.lines.append(line)
        self.box = union_box([self.box, line.box])


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def _contains(outer: Box, inner: Box) -> bool:
    """Whether ``outer`` spans ``inner``'s rows (top to bottom)."""
    return outer[1] <= inner[1] and inner[3] <= outer[3]


def _between_words(line: OcrLine, prev: OcrLine) -> bool:
    """``line`` lies between two of ``prev``'s words, clear of them all: a word an engine read apart
    from the line it stands in ("New Print", then "Open" between them)."""
    if not prev.words or not line.words or not (prev.box[0] <= line.box[0] and line.box[2] <= prev.box[2]):
        return False
    return not any(_overlap(w.box[0], w.box[2], line.box[0], line.box[2]) > 0 for w in prev.words)


def merge_row_fragments(lines: list[OcrLine]) -> list[OcrLine]:
    """Joins pieces of one visual line that an engine returned separately (a small gap between)."""
    merged: list[OcrLine] = []
    ordered = [ln for ln in sorted(lines, key=lambda ln: (ln.box[0], ln.box[1])) if ln.text.strip()]
    boxes = np.zeros((len(ordered), 4), dtype=np.int64)  # merged's boxes, as they grow
    for line in ordered:
        # Only lines whose rows overlap this one's can be joined to it: looked for at once, so
        # that a dense page's thousand lines are not each compared with every other in turn.
        near = (boxes[: len(merged), 1] < line.box[3]) & (boxes[: len(merged), 3] > line.box[1])
        for i in np.flatnonzero(near).tolist():
            prev = merged[i]
            h = min(prev.height, line.height)
            same_row = _overlap(prev.box[1], prev.box[3], line.box[1], line.box[3]) > 0.6 * h
            gap = line.box[0] - prev.box[2]
            # (of similar height, or one boxed loosely around the other's row: a second reading's
            # "1eft." 16 pixels tall beside "Battery low: 9 percent" 11 tall)
            around = _contains(prev.box, line.box) or _contains(line.box, prev.box)
            similar = max(prev.height, line.height) <= 1.45 * h or (
                around and max(prev.height, line.height) <= 2 * h
            )
            if same_row and similar and (-0.5 * h <= gap <= 1.2 * h or _between_words(line, prev)):
                words = sorted(prev.words + line.words, key=lambda w: w.box[0])
                inside = gap < -0.5 * h  # read apart from between the line's words: put back in place
                merged[i] = OcrLine(
                    text=" ".join(w.text for w in words) if inside else f"{prev.text} {line.text}",
                    box=union_box([prev.box, line.box]),
                    confidence=min(prev.confidence, line.confidence),
                    words=words if inside else prev.words + line.words,
                )
                boxes[i] = merged[i].box
                break
        else:
            boxes[len(merged)] = line.box
            merged.append(line)
    return merged


def group_blocks(lines: list[OcrLine], parted: Callable[[Box, Box], bool] | None = None) -> list[TextBlock]:
    """Joins lines that sit under each other, of similar height, with a small gap, into blocks;
    never two that ``parted`` (upper box, lower box) says an edge runs between
    (:func:`~assistant.ocr.separators.parted`: a band of another ground, a rule), nor a line and
    one of several apart on the row under it (:func:`_over_columns`)."""
    blocks: list[TextBlock] = []
    merged = sorted(merge_row_fragments(lines), key=lambda ln: (ln.box[1], ln.box[0]))
    rows = _rows_of(merged)
    for line in merged:
        if not line.text.strip():
            continue
        best: TextBlock | None = None
        best_gap = 1e9
        for block in blocks:
            last = block.lines[-1]
            h = min(last.height, line.height)
            big = max(last.height, line.height)
            if h <= 0 or big > 1.45 * h:
                continue
            gap = line.box[1] - last.box[3]
            if gap < -0.5 * h or gap > 1.4 * big:
                continue
            block_x0, _, block_x1, _ = block.box
            if _overlap(block_x0, block_x1, line.box[0], line.box[2]) <= 0:
                continue
            # Left edges far apart and the line reaching past the block: a neighbouring column.
            if abs(line.box[0] - block_x0) > 6 * h and line.box[0] < block_x0:
                continue
            if gap >= best_gap or _over_columns(last, line, rows):
                continue
            if parted is None or not parted(last.box, line.box):
                best, best_gap = block, gap
        if best is None:
            blocks.append(TextBlock([line]))
        else:
            best.add(line)
    for block in blocks:
        block.lines.sort(key=lambda ln: (ln.box[1], ln.box[0]))
        _merge_same_row(block)
    return blocks


def _same_row(a: OcrLine, b: OcrLine) -> bool:
    return _overlap(a.box[1], a.box[3], b.box[1], b.box[3]) > 0.6 * min(a.height, b.height)


def _rows_of(lines: list[OcrLine]) -> dict[int, list[OcrLine]]:
    """Each line's (by ``id``) others on its row (:func:`_same_row`), found once over ``lines``
    sorted by their tops: a line's row is looked up, never searched for over the whole screen, so
    a dense page costs no more than the lines on each row."""
    tops = [ln.box[1] for ln in lines]
    tallest = max((ln.height for ln in lines), default=0)
    rows: dict[int, list[OcrLine]] = {}
    for line in lines:
        lo = bisect.bisect_left(tops, line.box[1] - tallest)
        hi = bisect.bisect_left(tops, line.box[3])
        rows[id(line)] = [o for o in lines[lo:hi] if o is not line and _same_row(o, line)]
    return rows


_WORD = re.compile(r"[^\W\d_]{2,}[,;]?")  # a word of letters, as prose has


def _over_columns(upper: OcrLine, line: OcrLine, rows: dict[int, list[OcrLine]]) -> bool:
    """Whether ``upper`` stands over ``line`` and another line apart from it on its row, or ``line``
    under ``upper`` and another apart from it on that row: a heading over columns (a table's "Pay
    monthly" over its "Price" and "Per user"; a title over two columns of text) or a caption under
    them (a chart's "Month of the year" under its "Jun" and "Jul"), not a paragraph's line over the
    next: each has the row beside the other to itself (pieces of one row an engine returned apart
    are joined before, :func:`merge_row_fragments`). Never where ``line`` carries on the sentence
    ``upper`` breaks off (:func:`_runs_on`): a paragraph's short last line with a date or a "Reply"
    at the far end of its row."""
    if _runs_on(upper, line):
        return False
    return _spans(upper, line, rows) or _spans(line, upper, rows)


def _runs_on(upper: OcrLine, line: OcrLine) -> bool:
    """Whether ``line`` goes on with the sentence ``upper`` breaks off, as a paragraph's next line:
    it starts where ``upper`` starts (within half a line height) with a small letter, and ``upper``,
    prose (three words of letters or more, not a key's label or a line of code), ends in a letter
    or a comma, not a full stop or a colon ("...closed by the" over "closure."). A heading, a
    table's header or a line leading into a list ends its sentence or is set off."""
    if abs(line.box[0] - upper.box[0]) > 0.5 * min(upper.height, line.height):
        return False
    tail, head = upper.text.rstrip()[-1:], line.text.lstrip()[:1]
    words = sum(bool(_WORD.fullmatch(w)) for w in upper.text.split())
    return words >= 3 and head.islower() and (tail.isalpha() or tail in ",;-")


def _spans(wide: OcrLine, line: OcrLine, rows: dict[int, list[OcrLine]]) -> bool:
    """Whether another line than ``line``, apart from it on its row, lies under or over ``wide``."""
    return any(
        _overlap(other.box[0], other.box[2], wide.box[0], wide.box[2]) > 0
        and _overlap(other.box[0], other.box[2], line.box[0], line.box[2]) <= 0
        for other in rows.get(id(line), ())
    )


def _merge_same_row(block: TextBlock) -> None:
    """Keeps lines on one row in left-to-right order (detectors sometimes split a row in two)."""
    rows: list[list[OcrLine]] = []
    for line in block.lines:
        if rows:
            prev = rows[-1][-1]
            if _overlap(prev.box[1], prev.box[3], line.box[1], line.box[3]) > 0.6 * min(
                prev.height, line.height
            ):
                rows[-1].append(line)
                continue
        rows.append([line])
    block.lines = [ln for row in rows for ln in sorted(row, key=lambda ln: ln.box[0])]


def order_blocks(blocks: list[TextBlock], picture: Image.Image | None = None) -> list[TextBlock]:
    """Blocks in reading order: a topological sort of "comes before" (see the module docstring).

    ``a`` comes before ``b`` when (1) they overlap horizontally and ``a`` is above ``b``; or (2) ``a``
    lies wholly left of ``b`` and no block ``c`` sits vertically between them overlapping both
    horizontally (a full-width heading between two rows ends a column). Rule 2 is only used
    against the flow (``a`` lower than ``b``) when one of them is a paragraph of several lines
    or an entry of a side menu (:mod:`assistant.ocr.side_lists`): that reads a column of text
    before the next column, but a table or a form row by row. With the ``picture``, an edge drawn
    across both between them (:func:`~assistant.ocr.separators.ending`: a toolbar's foot, a rule)
    ends the column as such a block does: a side menu under a toolbar comes after its buttons.
    Ties go to the topmost, then leftmost block.
    """
    n = len(blocks)
    if n <= 1:
        return list(blocks)
    b = np.array([blk.box for blk in blocks], dtype=np.float64)  # (n, 4)
    x0, y0, x1, y1 = b[:, 0], b[:, 1], b[:, 2], b[:, 3]
    yc = (y0 + y1) / 2
    h = np.array([min(ln.height for ln in blk.lines) for blk in blocks], dtype=np.float64)
    multi = np.array([len(blk.lines) >= 2 for blk in blocks]) | side_list(blocks)
    tol = 0.3 * np.minimum.outer(h, h)
    x_overlap = (np.minimum.outer(x1, x1) - np.maximum.outer(x0, x0)) > 0  # [a, b]
    above = y1[:, None] <= y0[None, :] + tol  # a above b
    rule1 = x_overlap & above
    left = x1[:, None] <= x0[None, :] + tol  # a wholly left of b
    blocked = _spanned(x_overlap, yc)
    against_flow = y0[:, None] >= y1[None, :]  # a lies lower than b
    paragraph = multi[:, None] | multi[None, :]
    # Against the flow, a column only with a gutter between: a dialog's "OK" under its message,
    # ending where the message starts, is no column before it.
    gutter = x1[:, None] + 0.5 * np.minimum.outer(h, h) <= x0[None, :]
    column = paragraph & gutter & left & ~blocked & against_flow
    if column.any() and picture is not None:
        ends = ending(picture, [blk.box for blk in blocks])
        for a, b_ in zip(*np.nonzero(column), strict=True):
            column[a, b_] = not ends(blocks[b_].box, blocks[a].box)
    rule2 = left & ~blocked & (~against_flow | column)
    before = (rule1 | rule2) & ~np.eye(n, dtype=bool)
    before &= ~(before & before.T) | (yc[:, None] < yc[None, :])  # break 2-cycles by height
    indegree = before.sum(axis=0)
    done = np.zeros(n, dtype=bool)
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((x0, y0))] = np.arange(n)  # topmost, then leftmost first
    order: list[int] = []
    while len(order) < n:
        ready = np.flatnonzero(~done & (indegree == 0))
        pool = ready if ready.size else np.flatnonzero(~done)  # a cycle: fall back to the topmost
        pick = int(pool[np.argmin(rank[pool])])
        order.append(pick)
        done[pick] = True
        indegree = indegree - before[pick].astype(int)
    return [blocks[i] for i in order]


SMALL = 48  # blocks: a stretch of rows this short is looked at whole, block by block


def _spanned(x_overlap: np.ndarray, yc: np.ndarray) -> np.ndarray:
    """``[a, b]``: some block ``c`` whose middle lies strictly between ``a``'s and ``b``'s
    (``yc``) overlaps both horizontally (``x_overlap``), as a heading across two columns does.

    Looking at every ``c`` for every pair is cubic in the blocks (a dense screen of scattered
    labels, hundreds of blocks, took seconds). Sorted by their middles, the blocks are halved
    where the middles step: for ``a`` in the upper half and ``b`` in the lower, every ``c`` of
    the upper half lies above ``b`` and every ``c`` of the lower half below ``a``, so the
    ``c`` between them are counted for all such pairs at once by two matrix products; each half
    is then halved in turn. The same answer as the direct test, at the cost of a few products."""
    n = len(yc)
    order = np.argsort(yc, kind="stable")
    ys = yc[order]
    xo = x_overlap[np.ix_(order, order)].astype(np.float32)  # counts stay exact in float32
    out = np.zeros((n, n), dtype=bool)
    stack = [(0, n)]
    while stack:
        s, e = stack.pop()
        if e - s < 3 or ys[s] == ys[e - 1]:
            continue  # no block lies strictly between two others here
        if e - s <= SMALL:
            seg = slice(s, e)
            y = ys[seg]
            over = xo[seg, seg] > 0
            between = (y[None, None, :] > y[:, None, None]) & (y[None, None, :] < y[None, :, None])
            found = (between & over[:, None, :] & over[None, :, :]).any(axis=2)  # [a, b, c] -> [a, b]
            out[seg, seg] |= found | found.T
            continue
        steps = np.flatnonzero(ys[s + 1 : e] != ys[s : e - 1]) + s + 1  # ys[m - 1] < ys[m]
        m = int(steps[np.argmin(np.abs(steps - (s + e) // 2))])
        up, down = slice(s, m), slice(m, e)
        y_up, y_down = ys[up], ys[down]
        count = (xo[up, up] * (y_up[None, :] > y_up[:, None])) @ xo[down, up].T  # c above, under a
        count += xo[up, down] @ (xo[down, down] * (y_down[None, :] < y_down[:, None])).T  # c below, over b
        found = count > 0
        out[up, down] |= found
        out[down, up] |= found.T
        stack += [(s, m), (m, e)]
    blocked = np.empty_like(out)
    blocked[np.ix_(order, order)] = out
    return blocked


def grid_block(grid: Grid) -> TextBlock:
    """A grid as one block whose lines are its rows, cells left to right (a terminal's cells are
    joined as the line they were; a table's with commas, so that they are heard apart)."""
    sep = " " if grid.monospace else ", "
    rows = [
        OcrLine(
            text=sep.join(c.text for c in row.cells),
            box=row.box,
            confidence=min(c.confidence for c in row.cells),
            words=[w for c in row.cells for w in c.words],
        )
        for row in grid.rows
    ]
    return TextBlock(rows, grid=grid)


def layout_blocks(
    lines: list[OcrLine],
    panels: list[Panel] | None = None,
    covers: list[Box] | None = None,
    picture: Image.Image | None = None,
) -> list[TextBlock]:
    """OCR lines -> blocks in reading order, headings marked (a short block of larger text);
    tables and other grids first made into blocks of rows (:mod:`assistant.ocr.grid`). With the
    picture's ``panels`` (topmost first), each pane's lines are laid out and read in turn; a pane
    that is a window found by its title bar starts with its title (:func:`title_block`). With the
    ``picture`` they were read from, what it draws between lines parts them: two columns on either
    side of a rule or an edge of ground are read one after the other (:mod:`assistant.ocr.separators`)."""
    if not panels or (len(panels) < 2 and panels[0].bar is None):
        return _layout_pane(lines, covers, picture)  # (``covers``: windows over these lines)
    by_panel: dict[int | None, list[OcrLine]] = {}
    for line in lines:
        for part in _split_by_panel(line, panels):
            key = panel_of(part, panels)
            kept = _uncut(part, panels[:key]) if key is not None else part
            if kept is not None:
                by_panel.setdefault(key, []).append(kept)
    out: list[TextBlock] = []
    titles: list[str] = []  # the windows' names read from their bars
    for key in [*range(len(panels)), None]:  # lines on no pane last
        pane = by_panel.get(key, [])
        bar = panels[key].bar if key is not None else None
        if bar is not None:
            on_bar = [ln for ln in pane if on_title_bar(ln.box, bar)]
            frame = panels[key].box
            pane = [
                ln
                for ln in pane
                if not any(ln is b or _read_again(ln, b) for b in on_bar) and not _grip(ln, frame, bar)
            ]
            title = title_block(on_bar, bar, named=len(panels) > 1)
            if title is not None and len(panels) > 1 and _own_title(title):
                continue  # the assistant's own window: its previous description is not read back
            out.extend([title] if title is not None else [])
            titles += [read_text(title)] if title is not None else []
        blocks = _layout_pane(pane, [p.box for p in panels[: key or 0] if p.bar is not None], picture)
        if key is None:  # (a taskbar's buttons name the windows again: said once, at each window)
            blocks = [b for block in blocks if (b := _naming_none(block, titles)) is not None]
        for block in blocks if key is None else ():
            block.outside = True
        out.extend(blocks)
    return out


def _names_window(text: str, title: str) -> bool:
    """Whether ``text``, read on no window (a panel at the screen's edge), is a window's ``title``
    again: a taskbar's button for that window, cut short when the button is narrow ("Repair Cafe
    Ne"), missing letters under its icon ("alculator"), or with its icon read as a letter
    ("XRebook Crossing"). Compared by letters and figures only, so spacing and punctuation do not
    count; nearly all of ``text`` must be the title's, so a start button's name run into a task
    button's ("IceWM bert@cafe:~") is no window's name. A button whose letters differ from the
    bar's ("jo@office: ~/quotes" where the bar read "io@office: ~/auotes") is no copy: either
    reading may be the right one, and only the button's may be (review 17 finding 3)."""
    said, name = (re.sub(r"[^0-9a-z]", "", s.casefold()) for s in (text, title))
    if min(len(said), len(name)) < 4:
        return False
    if said == name or (len(said) >= 6 and name.startswith(said)):
        return True
    if not (_letters_within(said, name) or name in said):
        return False  # (letters read differently: which reading is right is not known, so both are said)
    same = sum(m.size for m in SequenceMatcher(None, said, name).get_matching_blocks())
    return same >= NAMES_SAID * len(said) and same >= NAMES_TITLE * len(name)


def _letters_within(said: str, name: str) -> bool:
    """Whether ``said`` is ``name`` with some letters left out (in order)."""
    rest = iter(name)
    return all(c in rest for c in said)


NAMES_SAID = 0.85  # of the letters read on no window, this share matching a window's title...
NAMES_TITLE = 0.75  # ...and this share of the title's: the title again


def _naming_none(block: TextBlock, titles: list[str]) -> TextBlock | None:
    """``block`` (on no window) without the words that name a window again (:func:`_names_window`):
    a line, or a run of its words (the layout puts a taskbar's buttons, each read apart, into one
    line: "IceWM jo@office: ~/quotes Club Rides"); None when nothing is left. A table's rows are
    kept as they are."""
    if block.grid is not None or not titles:
        return block
    lines = [kept for line in block.lines if (kept := _line_naming_none(line, titles)) is not None]
    if len(lines) == len(block.lines) and all(a is b for a, b in zip(lines, block.lines, strict=True)):
        return block
    return TextBlock(lines, is_heading=block.is_heading) if lines else None


def _line_naming_none(line: OcrLine, titles: list[str]) -> OcrLine | None:
    """``line`` without the runs of its words that name a window again (see :func:`_naming_none`),
    the longest first."""
    if any(_names_window(line.text, t) for t in titles):
        return None
    words = line.words
    while True:
        runs = ((i, j) for i in range(len(words)) for j in range(len(words), i, -1))
        hit = next(
            (
                (i, j)
                for i, j in runs
                if any(_names_window(" ".join(w.text for w in words[i:j]), t) for t in titles)
            ),
            None,
        )
        if hit is None:
            break
        words = words[: hit[0]] + words[hit[1] :]
    if len(words) == len(line.words):
        return line
    return OcrLine.of(words, line.confidence) if words else None


def on_title_bar(box: Box, bar: Box) -> bool:
    """Whether a line boxed ``box`` is on the title bar ``bar``: its middle within 0.3 bar heights
    of the bar's (a title is centred). The window's first row boxed a little high by a second
    reading is not: "sam@desk:~/reports$" at 55-64 under a bar of 40-62 was read into the title."""
    middle, centre = (box[1] + box[3]) / 2, (bar[1] + bar[3]) / 2
    return abs(middle - centre) <= 0.3 * (bar[3] - bar[1])


def _own_title(title: TextBlock) -> bool:
    """Whether a window's title is the assistant's own window's (:data:`assistant.catalog.APP_TITLE`)."""
    words = title.text.split()
    return " ".join(words[:-1] if words[-1:] == ["window"] else words).casefold() == APP_TITLE.casefold()


def past_edges(box: Box, reach: int = 3) -> list[tuple[int, int]]:
    """The points ``reach`` pixels past the middle of each side of ``box``: where a window lying
    over a word shows, when it cuts the word."""
    mid_x, mid_y = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
    return [
        (box[2] + reach, mid_y),
        (box[0] - reach, mid_y),
        (mid_x, box[3] + reach),
        (mid_x, box[1] - reach),
    ]


def _uncut(line: OcrLine, above: list[Panel]) -> OcrLine | None:
    """``line`` without its letters cut by a window over its own (``above``: the panes found by
    their frames that lie higher): a word of one or two letters whose box runs up to such a frame,
    the pixels just past it inside it ("A" of "Apr" beside a dialog); None when no word is left.
    (A longer one may be a whole word read together with the cut letter: "77520" for "7752".)"""

    def cut(word: OcrWord) -> bool:
        if sum(ch.isalnum() for ch in word.text) > 2:
            return False
        frames = [p.box for p in above if p.bar is not None]
        return any(f[0] <= x < f[2] and f[1] <= y < f[3] for f in frames for x, y in past_edges(word.box))

    if not line.words or not above:
        return line
    words = [w for w in line.words if not cut(w)]
    if len(words) == len(line.words):
        return line
    return OcrLine.of(words, line.confidence) if words else None


def _read_again(line: OcrLine, title: OcrLine) -> bool:
    """Whether ``line``, below the title bar's middle, is its ``title`` read again: a quarter of it or
    more lies on the title's box (a second reading boxed "greement" from the bar's "Agreement" down
    into the window; a window's first row boxed a little high touches the bar over a sliver only)."""
    return overlap_share(line.box, title.box) >= 0.25


def _grip(line: OcrLine, frame: Box, bar: Box) -> bool:
    """A mark of one or two characters on a window's frame: in a bottom corner, down on its edge,
    the handle's grips, which engines read as "v", "iN", "Vv" (1-2 pixels above the frame's foot
    on half A; a dialog's "OK" in its corner stands higher, 11-19 pixels: it was dropped too); or
    boxed from the frame's side itself ("r-" at a Natura frame's top left corner under its bar):
    a window's text keeps clear of its frame."""
    if sum(ch.isalnum() for ch in line.text) > 2:
        return False
    reach = 3 * (bar[3] - bar[1])
    corner = min(line.box[0] - frame[0], frame[2] - line.box[2]) < reach
    low = frame[3] - line.box[3] <= GRIP_DEPTH * (bar[3] - bar[1])
    # (On the side, not past it: a short word boxed across the frame from outside is its pane's.)
    return (corner and low) or -1 <= min(line.box[0] - frame[0], frame[2] - line.box[2]) <= 1


GRIP_DEPTH = 0.25  # a grip's foot is within this many title-bar heights of the frame's foot


def title_block(lines: list[OcrLine], bar: Box, *, named: bool) -> TextBlock | None:
    """A window's title read from its title bar, as a heading (None: nothing legible there). The
    bar's buttons and icon (marks of one or two characters near its ends: "x", "D J"; any word
    wholly among the buttons, beside a title: "ps aux BEIEs") are left out;
    ``named``: several windows are read, so the title says it is one ("Battery window")."""
    reach = 3 * (bar[3] - bar[1])
    words = [w for ln in drop_unsure(lines) for w in (ln.words or [OcrWord(ln.text, ln.box, ln.confidence)])]
    # Only words within the bar: not a neighbouring window's ("9120", boxed from beside the bar
    # to under it by an engine), not one far taller than the bar (a second reading boxes a title
    # a little loosely: "Battery", 28 pixels on a 21-pixel bar, was lost) unless it begins on the
    # bar's top: an engine's box may run on from a title word down into the window ("aiko@",
    # "Island" boxed down past the bar's foot by the window's first row under them), and a word of
    # the window boxed up into the bar does not begin at its top.
    high = bar[3] - bar[1]
    words = [
        w
        for w in words
        if bar[0] <= w.box[0]
        and w.box[2] <= bar[2]
        and (w.box[3] - w.box[1] <= 1.5 * high or abs(w.box[1] - bar[1]) <= 0.3 * high)
    ]

    def legible(word: OcrWord) -> bool:
        letters = sum(ch.isalnum() for ch in word.text)
        near_end = min(word.box[0] - bar[0], bar[2] - word.box[2]) < reach
        return letters > 2 or (letters > 0 and not near_end)

    kept = [w for w in sorted(words, key=lambda w: w.box[0]) if legible(w)]
    # The buttons read as a word ("BEIEs", "BEE") beside a title that lies clear of them. A word
    # there a word's space after the title's last, ending clear of the bar's end, is the title's
    # own: a title justified to the right runs on up to the buttons ("logs: tail syslog").
    title = [w for w in kept if w.box[0] < bar[2] - reach]
    for w in kept[len(title) :]:
        if title and w.box[0] - title[-1].box[2] <= high / 2 and bar[2] - w.box[2] >= high / 2:
            title.append(w)
    kept = title or kept
    if not kept:
        return None
    text = " ".join(w.text for w in kept)
    line = OcrLine(
        f"{text}{WINDOW}" if named else text,
        union_box([w.box for w in kept]),
        min(w.confidence for w in kept),
        kept,
    )
    return TextBlock([line], is_heading=True)


def _split_by_panel(line: OcrLine, panels: list[Panel]) -> list[OcrLine]:
    """``line`` cut where its words change pane: an engine may run a line of a terminal into the
    dialog on top of it ("4391 A Save changes to notes.txt")."""
    if len(line.words) < 2:
        return [line]
    runs: list[list[OcrWord]] = []
    owners: list[int | None] = []
    for word in line.words:
        owner = panel_of(OcrLine(word.text, word.box, word.confidence), panels)
        if runs and owners[-1] == owner:
            runs[-1].append(word)
        else:
            runs.append([word])
            owners.append(owner)
    if len(runs) == 1:
        return [line]
    return [OcrLine.of(run) for run in runs]


def _side_by_side(
    lines: list[OcrLine],
    sides: tuple[list[OcrLine], list[OcrLine]],
    covers: list[Box] | None,
    picture: Image.Image | None,
    fixed: bool | None = None,
) -> list[TextBlock]:
    """``lines`` laid out with the two sides' (``sides``: the lines either side of an edge down) each
    laid out on its own: the rest's blocks and the two sides (each as one block of all its lines, a
    column) put in order, and each side's own blocks read in its place; from the first row under
    both sides with text under each (:func:`_closing`) on, the rest is read after both. In a
    terminal (``lines`` in a fixed-width font) every part is a terminal's: a menu bar or a key bar
    over or under two panels, a few words far apart, is no page of its own."""
    fixed = True if fixed or fixed_width(lines) else None
    taken = {id(ln) for side in sides for ln in side}
    cut = {id(w) for side in sides for ln in side for w in ln.words}  # (a line cut at the edge: its words)
    others = [ln for ln in lines if id(ln) not in taken and not any(id(w) in cut for w in ln.words)]
    end = _closing(others, sides)
    after = [ln for ln in others if end is not None and box_middle(ln.box) >= end]
    later = {id(ln) for ln in after}
    rest = _layout_pane([ln for ln in others if id(ln) not in later], covers, picture, fixed)
    panes = [_layout_pane(side, covers, picture, fixed) for side in sides]
    whole = [TextBlock([ln for b in pane for ln in b.lines]) for pane in panes if pane]
    inner = {id(w): pane for w, pane in zip(whole, [p for p in panes if p], strict=True)}
    out = [b for block in order_blocks(rest + whole, picture) for b in inner.get(id(block), [block])]
    return out + _layout_pane(after, covers, picture, fixed) if after else out


def _closing(others: list[OcrLine], sides: tuple[list[OcrLine], list[OcrLine]]) -> float | None:
    """The top of the first row under both sides (``others``: the lines of neither) with text on
    each side of the edge between them: a status line under two panes side by side, a page's foot
    under two columns. It closes both, so it is read after them, not as the last lines of the
    column it starts under (vim's "todo.md 1,1 All" under its left window, tmux's "[trial] 0:beds*"
    under its left pane, read before the right one)."""
    foot = max(box_middle(ln.box) for side in sides for ln in side)
    edge = (max(ln.box[2] for ln in sides[0]) + min(ln.box[0] for ln in sides[1])) / 2
    below = sorted((ln for ln in others if box_middle(ln.box) > foot), key=lambda ln: ln.box[1])
    rows = _rows_of(below)  # (each line's row looked up: a page under two columns is no n² search)
    for line in sorted(below, key=lambda ln: box_middle(ln.box)):
        row = [line, *rows[id(line)]]
        if min(o.box[0] + o.box[2] for o in row) < 2 * edge < max(o.box[0] + o.box[2] for o in row):
            return float(min(o.box[1] for o in row))
    return None


def _layout_pane(
    lines: list[OcrLine],
    covers: list[Box] | None = None,
    picture: Image.Image | None = None,
    fixed: bool | None = None,
) -> list[TextBlock]:
    """One pane's lines as blocks in reading order (``covers``: windows over it, whose edges cut
    lines into no table's cells, :func:`~assistant.ocr.panels.interrupted`). A terminal's (a pane in
    a fixed-width font, :mod:`assistant.ocr.terminal`) is a grid of characters read line by line,
    top to bottom: each row one line, whatever an engine made of its columns, and no headings (one
    size of letters; a loosely boxed prompt is no heading). With the ``picture``, what it draws
    between lines parts them (:mod:`assistant.ocr.separators`): an edge down between two columns of
    lines lays each out on its own, read as two columns; an edge across between two lines keeps
    them out of one paragraph. ``fixed``: whether the lines are a terminal's, known from the
    pane they are part of (None: found from them). Columns of running text side by side with only
    ground between them are read one after the other too (:func:`~assistant.ocr.separators.gutter`).
    """
    sides = beside(lines, picture, covers) if picture is not None else None
    if sides is None and not fixed and (columns := gutter(lines)) is not None and not fixed_width(lines):
        sides = columns  # columns of running text, nothing drawn between them (a terminal's are cells)
    if sides is not None:
        return _side_by_side(lines, sides, covers, picture, fixed)
    dial, lines = find_dial(tidied(lines))
    terminal = dial is None and (fixed_width(lines) if fixed is None else fixed)
    # (pieces put together before unsure ones go: a prompt's "1:~#" is no stray mark)
    kept = (
        drop_unsure(closed_up(on_rows(lines), picture=picture), figures=True)
        if terminal
        else drop_unsure(lines)
    )
    kept, cut = (kept, []) if terminal else interrupted(kept, covers or [])
    grids, rest = find_grids(kept, fixed=terminal, prompts_apart=True)
    grids = [dial, *grids] if dial is not None else grids
    parted = parting(picture)
    blocks = [grid_block(g) for g in grids] + group_blocks(
        terminal_lines(rest) if terminal else rest + cut, parted
    )
    if not blocks:
        return []
    if terminal:
        return row_order(blocks)
    median_height = statistics.median(ln.height for b in blocks for ln in b.lines)
    for block in blocks:
        block.is_heading = (
            len(block.lines) <= 2 and min(ln.height for ln in block.lines) >= 1.3 * median_height
        )
    return order_blocks(blocks, picture)


def starts_window(block: TextBlock) -> bool:
    """A window's name said before its text ("Save Changes window"): live, from the window stack;
    in a picture, from the title bar (:func:`title_block`)."""
    return block.is_heading and block.lines[0].text.endswith(WINDOW)


def read_text(block: TextBlock) -> str:
    """A block's text as read: a window's name without :data:`WINDOW` said after it."""
    if not starts_window(block):
        return block.text
    return "\n".join([block.lines[0].text.removesuffix(WINDOW), *(ln.text for ln in block.lines[1:])])
