"""Separators: the rules, borders and changes of ground a screen draws between its parts.

A sighted reader sees a page's parts by what is drawn between them: a rule, a box's border, an edge
where one ground meets another (a folder list's grey beside a white table, a status line's dark band
over the message line). Lines on the two sides of such an edge belong to different parts however
close they stand, and however well their gaps line up. Two uses:

- **Across** (:func:`parted`): two lines one above the other, with an edge running between them
  unbroken over all the columns they share (two line heights or more), are never one paragraph,
  where the edge parts two grounds or runs on past both lines' ends (a link's underline, on one
  ground, stops with its text).
  A reverse-video status line is not read into the message under it, nor a dark bar of links
  into the headline below it.
- **Beside** (:func:`beside`): a straight edge running down between lines, with two rows of lines
  or more along it on each side, parts them into two columns, each read whole: a bordered box
  beside a column of search results, a folder list on its own ground beside a table of mails, a
  column rule. It parts nothing where another edge crosses it (a grid's cells), where a line runs
  across it, where it is the side of a window lying over the lines (those are cut by it, not
  parted), or where the lines on its two sides keep to the same rows and one side holds cells (a
  table's column rule, a keypad's keys) or every row has lines on both sides (a table's): two
  panes of text side by side (a terminal split in two) keep to the same rows too, but their texts
  end and break at rows of their own, and are parted. So are two panes of cells (listings) whose
  divider runs on where neither side has text (a terminal's panes, a file manager's two panels):
  a table's rule ends with its rows; a row an engine read whole across the divider is cut there.
- **A gutter** (:func:`gutter`): columns of running text side by side (a newsletter's three
  columns, an article beside another) need nothing drawn between them: their lines keep to the
  same rows, as a table's do, but each is a run of words wrapped at the column's width, where a
  table's cells hold a value or two.

An edge is where the grey level steps by more than :data:`STEP` between neighbouring pixels: a
gradient's gentle steps are no edge, antialiased letters are, but a letter's edges never run on
unbroken along a whole line, nor straight down past two rows of text.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
from PIL import Image

from assistant.masks import true_runs
from assistant.ocr.boxes import Box, OcrLine, OcrWord, box_middle

STEP = 3  # grey levels: a step larger than this between neighbouring pixels is an edge
SHARE = 2  # line heights: two lines must share this many columns for an edge across them to part them
GAP = 2  # px: an edge across two lines may break this long (antialiasing); a letter's row breaks more
BRIDGE = 3  # px: an edge down between lines may break this long (a rule's dashes, a corner),
LEADING = 0.4  # or this much of a line's height (a column of "|" breaks between a terminal's rows)
MIN_ROWS = 2  # rows of lines along an edge on each side, for it to part two columns
TABLE_ROWS = 2 / 3  # lines sharing their rows across an edge this often: a table's column rule,
PANE_ROWS = 4  # unless the edge runs down this many line heights, both sides as many rows,
PANE_WORDS = 2  # of this many words (two letters or more) in a run: text, not cells (panes side by side)
ROW = 0.25  # lines whose middles are this close (in line heights) share their row
CROSS = 4  # px each side of an edge down that an edge across must run on, to cross it
RULE = 2  # px each side of an edge down left out when looking for one across it (the rule drawn)
SLACK = 2  # px: a line's box may reach this far over an edge and still lie on its side,
OVER = 0.3  # or this much of its height (a rule read as a letter: vim's bar between windows as "1")
ALONG = 0.5  # line heights: a line lies along an edge down when its middle is this close to its rows
THIN = 3  # px: an underline or a rule is thinner than this; the ground this far each side of it
RULES = "|Il1!│┃║"  # a rule down read as a letter
CUT_GAP = 0.5  # line heights: a row is cut at a divider only where its words stand this far apart
PROSE_WORDS = 5  # words on a line of running text (a table's cell holds fewer)...
PROSE_LINES = 3  # ...and lines of it in a column of text beside another (:func:`gutter`)
WRAPPED = 0.8  # a column's lines of running text reach this share of its width, most of them
HEAD_GAP = 2.5  # line heights: a row of headings over columns of text stands this close above them


def _grey(picture: Image.Image, box: Box) -> np.ndarray:
    """The grey levels of ``box`` (clipped to the picture) as int16 (h, w)."""
    x0, y0 = max(0, box[0]), max(0, box[1])
    x1, y1 = min(picture.width, box[2]), min(picture.height, box[3])
    if x1 <= x0 or y1 <= y0:
        return np.zeros((0, 0), dtype=np.int16)
    return np.asarray(picture.crop((x0, y0, x1, y1)).convert("L"), dtype=np.int16)


def parted(picture: Image.Image, upper: Box, lower: Box) -> bool:
    """Whether an edge runs between the lines boxed ``upper`` and ``lower`` (one above the other),
    unbroken but for :data:`GAP` pixels over all the columns both lines span: a rule, a box's side or
    the border of a band of another ground (see the module docstring)."""
    x0, x1 = max(upper[0], lower[0]), min(upper[2], lower[2])
    top, foot = int(box_middle(upper)), int(box_middle(lower))
    high = min(upper[3] - upper[1], lower[3] - lower[1])
    if x1 - x0 < SHARE * high or foot - top < 2:
        return False  # (over a letter or two, the foot of a letter runs on unbroken too)
    grey = _grey(picture, (x0, top, x1, foot + 1))
    if grey.shape[0] < 2:
        return False
    steps = np.abs(np.diff(grey, axis=0)) > STEP  # (rows - 1, cols): an edge between two rows
    for r, row in enumerate(steps):
        if row.mean() < 0.9:  # quick: most rows of text are far from unbroken
            continue
        if _unbroken(row) and (_runs_on(picture, upper, lower, top + r) or _grounds(grey, r)):
            return True
    return False


def _grounds(grey: np.ndarray, r: int) -> bool:
    """Whether the edge between rows ``r`` and ``r + 1`` of ``grey`` parts two grounds: the commonest
    grey :data:`THIN` rows above it and as far below differ (a band of reverse video only as wide
    as its text); an underline or a rule is a thin stroke on one ground."""
    above, below = r - THIN + 1, r + THIN
    if above < 0 or below >= grey.shape[0]:
        return False
    return abs(int(np.median(grey[above])) - int(np.median(grey[below]))) > STEP


def _unbroken(row: np.ndarray) -> bool:
    return max((end - start for start, end in true_runs(~row)), default=0) <= GAP


def _runs_on(picture: Image.Image, upper: Box, lower: Box, y: int) -> bool:
    """Whether the edge between rows ``y`` and ``y + 1`` runs on past both lines' ink, at one end
    at least, by half a line height (or to the picture's side): a rule, a band's border or a box's
    side does; a link's underline stops where its text stops, and a link wrapped over two lines
    is one paragraph."""
    reach = max(GAP + 1, (min(upper[3] - upper[1], lower[3] - lower[1]) + 1) // 2)
    x0, x1 = min(upper[0], lower[0]), max(upper[2], lower[2])
    for a, b in ((x0 - reach, x0), (x1, x1 + reach)):
        a, b = max(0, a), min(picture.width, b)
        if b <= a:
            return True  # the lines reach the picture's side: the edge runs on to it
        grey = _grey(picture, (a, y, b, y + 2))
        if grey.shape[0] == 2 and _unbroken(np.abs(np.diff(grey, axis=0))[0] > STEP):
            return True
    return False


def ending(picture: Image.Image | None, boxes: list[Box]) -> Callable[[Box, Box], bool]:
    """For two of ``boxes`` (``higher`` and ``lower``, side by side): whether an edge runs across
    both of them between ``higher``'s foot and ``lower``'s top, unbroken but for :data:`GAP`
    pixels from the leftmost of their sides to the rightmost, plain ground :data:`THIN` px over
    or under it: a band's border (a steep gradient inside: a panel's), a rule, a toolbar's foot.
    Like a heading across two columns, it ends the column above it: a side menu that starts under
    a toolbar is not read before the toolbar's buttons to its right. The edges across are found
    once over the picture under ``boxes``; with no picture nothing ends."""
    if picture is None or not boxes:
        return lambda higher, lower: False
    x0, y0 = max(0, min(b[0] for b in boxes)), max(0, min(b[1] for b in boxes))
    grey = _grey(picture, (x0, y0, max(b[2] for b in boxes), max(b[3] for b in boxes)))
    steps = np.abs(np.diff(grey, axis=0)) > STEP if grey.shape[0] >= 2 else np.zeros((0, 0), dtype=bool)
    # Steps counted along each row once (h, w + 1): a pair's rows are then looked up, not summed
    # over its whole area (many blocks on a large screen: seconds).
    counted = np.pad(np.cumsum(steps, axis=1, dtype=np.int32), ((0, 0), (1, 0)))

    def ends(higher: Box, lower: Box) -> bool:
        top, foot = max(0, higher[3] - y0), max(0, lower[1] - y0)
        left, right = max(0, min(higher[0], lower[0]) - x0), max(0, max(higher[2], lower[2]) - x0)
        top, foot = min(top, steps.shape[0]), min(foot, steps.shape[0])
        left, right = min(left, steps.shape[1]), min(right, steps.shape[1])
        if foot <= top or right <= left:
            return False
        share = (counted[top:foot, right] - counted[top:foot, left]) / (right - left)  # (rows,)
        return any(
            _unbroken(steps[r, left:right]) and (plain(r - THIN, left, right) or plain(r + THIN, left, right))
            for r in (top + np.flatnonzero(share >= 0.9)).tolist()
        )

    def plain(r: int, left: int, right: int) -> bool:
        """Whether row ``r`` of ``steps`` steps over less than half of ``left``..``right``: the
        ground :data:`THIN` px beside a rule or a band's border is plain on one side at least (a
        band may be a steep gradient inside); a textured ground (a photo, a patterned wallpaper)
        steps nearly everywhere, row after row, on both sides, and draws no edge."""
        if not 0 <= r < steps.shape[0]:
            return True
        return bool(counted[r, right] - counted[r, left] < 0.5 * (right - left))

    return ends


def parting(picture: Image.Image | None) -> Callable[[Box, Box], bool]:
    """:func:`parted` on ``picture``; with no picture nothing is parted."""
    if picture is None:
        return lambda upper, lower: False
    rgb = picture
    return lambda upper, lower: parted(rgb, upper, lower)


def _runs_down(steps: np.ndarray, least: int, bridge: int = BRIDGE) -> list[tuple[int, int, int]]:
    """(column, top, foot) of each run down a column of ``steps`` (rows, cols), bridged over breaks
    of ``bridge`` pixels, at least ``least`` long, longest first."""
    cols = steps.T.astype(np.int8)  # (cols, rows)
    padded = np.zeros((cols.shape[0], cols.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = cols
    change = np.diff(padded, axis=1)
    col_s, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)  # (the same order: each run's start, then its end)
    if not len(starts):
        return []
    new = np.ones(len(starts), dtype=bool)
    new[1:] = (col_s[1:] != col_s[:-1]) | (starts[1:] - ends[:-1] > bridge)
    first = np.flatnonzero(new)
    tops = starts[first]
    feet = np.maximum.reduceat(ends, first)
    cols_of = col_s[first]
    keep = feet - tops >= least
    runs = sorted(
        zip(cols_of[keep].tolist(), tops[keep].tolist(), feet[keep].tolist(), strict=True),
        key=lambda r: r[1] - r[2],
    )
    return runs


def _row_groups(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """``lines`` grouped into rows, top to bottom: a line whose middle lies less than half its
    height below the middle of its row's first line is on that row."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: box_middle(ln.box)):
        if rows and box_middle(line.box) - box_middle(rows[-1][0].box) < 0.5 * line.height:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _rows(lines: list[OcrLine]) -> int:
    """How many rows ``lines`` stand on (:func:`_row_groups`)."""
    return len(_row_groups(lines))


def _shared(a: list[OcrLine], b: list[OcrLine]) -> float:
    """The share of the lines of the side with fewer that have a line of the other on their row."""
    return _partnered(a, b) if len(a) <= len(b) else _partnered(b, a)


def _partnered(a: list[OcrLine], b: list[OcrLine]) -> float:
    """The share of the lines of ``a`` that have a line of ``b`` on their row."""
    return sum(
        any(abs(box_middle(ln.box) - box_middle(o.box)) <= ROW * min(ln.height, o.height) for o in b)
        for ln in a
    ) / len(a)


def _texts(left: list[OcrLine], right: list[OcrLine]) -> bool:
    """Whether both sides of an edge down hold text, not cells: :data:`PANE_ROWS` rows or more
    each, the median row a run of :data:`PANE_WORDS` words or more. Two panes side by side (a
    terminal split in two) keep to the same rows as a table's columns do, but a table's column
    holds a value a row (a name, a size, a date: one word), and a keypad's keys, a word each,
    stand apart on their row."""
    return all(_rows(side) >= PANE_ROWS and _words(side) >= PANE_WORDS for side in (left, right))


def _lone(a: list[OcrLine], b: list[OcrLine]) -> list[OcrLine]:
    """The lines of ``a`` with no line of ``b`` on their row: middles within :data:`ALONG` of the
    taller's height (a cell's descenders move its box's middle; "programmer" beside "Lovelace")."""
    return [
        ln
        for ln in a
        if not any(abs(box_middle(ln.box) - box_middle(o.box)) <= ALONG * max(ln.height, o.height) for o in b)
    ]


def _ragged(left: list[OcrLine], right: list[OcrLine]) -> bool:
    """Whether the two sides' texts keep to rows of their own: two panes' texts end at rows of their
    own, while each of a table's rows has its cells on both sides of a column rule (a table with
    rules down only, multi-word cells and no rule under its header: psql's, a Markdown table). So
    a side is ragged where its first or last line has no line of the other on its row, or two of
    its lines have none; one empty cell (psql's NULL) leaves one row of a table without a partner."""
    for a, b in ((left, right), (right, left)):
        lone = {id(ln) for ln in _lone(a, b)}
        ends = {id(min(a, key=lambda ln: box_middle(ln.box))), id(max(a, key=lambda ln: box_middle(ln.box)))}
        if len(lone) >= 2 or lone & ends:
            return True
    return False


def _apart(left: list[OcrLine], right: list[OcrLine]) -> bool:
    """Whether one side has lines on two rows or more with no line of the other on their row: two
    panes' texts end and break at rows of their own (:func:`_ragged`). Two rows, not one: a
    table's cell an engine lost (a file manager's selected "/..") leaves one row of the other
    side alone."""
    return any(_rows(_lone(a, b)) >= 2 for a, b in ((left, right), (right, left)))


def _words(lines: list[OcrLine]) -> float:
    """The median, over the rows of ``lines``, of the most words (of two letters or more: not a
    figure, a date's day, a key's sign) in a run of its lines set less than a line height apart
    (an engine's pieces of one line; a keypad's keys stand further apart)."""
    most = []
    for row in _row_groups(lines):
        runs: list[int] = []
        end = None
        for line in sorted(row, key=lambda ln: ln.box[0]):
            n = sum(sum(ch.isalpha() for ch in w) >= 2 for w in line.text.split())
            if runs and end is not None and line.box[0] - end < line.height:
                runs[-1] += n
            else:
                runs.append(n)
            end = line.box[2] if end is None else max(end, line.box[2])
        most.append(max(runs))
    return float(np.median(most)) if most else 0.0


def _crossed(steps_across: np.ndarray, col: int, top: int, foot: int) -> bool:
    """Whether an edge across (``steps_across``: (rows - 1, cols), an edge between two rows) runs
    on both sides of column ``col``, :data:`CROSS` pixels each, on one row between ``top`` and
    ``foot`` (not at its ends: a box's corners). Not over the column itself: where a grid's row
    rule crosses a column rule of its own colour, the pixels above and below are alike (a bordered
    table's cells were taken for columns)."""
    return bool(_both_sides(steps_across, col, top + BRIDGE, foot - BRIDGE).any())


def _both_sides(steps_across: np.ndarray, col: int, top: int, foot: int) -> np.ndarray:
    """Per row from ``top`` to ``foot`` (clipped): whether an edge across runs :data:`CROSS` pixels
    on each side of column ``col``, :data:`RULE` pixels clear of it (:func:`_one_side`, both)."""
    rows = steps_across[max(0, top) : max(0, foot)]
    return np.asarray(_one_side(rows, col, -1) & _one_side(rows, col, 1))


def _box_side(
    steps_across: np.ndarray, steps_down: np.ndarray, col: int, top: int, foot: int, high: float
) -> bool:
    """Whether the edge down at column ``col`` (``top``..``foot``) is a box's side: a rule drawn (a
    stroke: another edge down runs along it :data:`THIN` pixels or less away), edges across (the
    box's rules, its bands) meet it from one side on :data:`MIN_ROWS` rows or more, and on the other
    side plain ground, with no edge at all, runs a line height (``high``) wide or more along it.
    What a box holds is read apart from what stands beside it, though their rows line up: two
    tables side by side, each in its own ruled box. A table's column rule has its rows' rules
    running on across it (:func:`_crossed`), and cells, not plain ground, on both sides; the side
    of a band of colour (a terminal's coloured file names, a dialog's entry fields beside their
    labels) is no rule drawn."""
    wide = max(CROSS, int(np.ceil(high)))
    rows = slice(max(0, top + BRIDGE), min(steps_across.shape[0], foot - BRIDGE))
    near = [
        col - 1 + k for k in (*range(-THIN, 0), *range(1, THIN + 1)) if 0 <= col - 1 + k < steps_down.shape[1]
    ]
    if not any(steps_down[rows, k].mean() >= 0.9 for k in near if steps_down[rows, k].size):
        return False
    for inner, outer in ((-1, 1), (1, -1)):
        met = _one_side(steps_across[rows], col, inner).sum()
        a, b = sorted((col + outer * RULE, col + outer * (RULE + wide)))
        if met < MIN_ROWS or a < 0 or b > min(steps_across.shape[1], steps_down.shape[1]):
            continue
        if not steps_across[rows, a:b].any() and not steps_down[rows, a:b].any():
            return True
    return False


def _one_side(steps_across: np.ndarray, col: int, side: int) -> np.ndarray:
    """Per row: whether an edge across runs :data:`CROSS` pixels on ``side`` (-1 left, 1 right) of
    column ``col``, :data:`RULE` pixels clear of it."""
    a, b = sorted((col + side * RULE, col + side * (RULE + CROSS)))
    if a < 0 or b > steps_across.shape[1]:
        return np.zeros(steps_across.shape[0], dtype=bool)
    return np.asarray(steps_across[:, a:b].all(axis=1))


def beside(
    lines: list[OcrLine], picture: Image.Image, covers: list[Box] | None = None
) -> tuple[list[OcrLine], list[OcrLine]] | None:
    """The lines on the two sides of the longest edge down that parts them into columns (left,
    right; see the module docstring), or None. Only the lines along the edge are taken (their
    middles within its rows, half a line's slack); ``covers``: windows lying over the lines, whose
    sides cut them and part nothing."""
    if len(lines) < 2 * MIN_ROWS:
        return None
    high = float(np.median([ln.height for ln in lines]))
    x0 = max(0, min(ln.box[0] for ln in lines) - 4)
    y0 = max(0, min(ln.box[1] for ln in lines) - 4)
    x1 = min(picture.width, max(ln.box[2] for ln in lines) + 4)
    y1 = min(picture.height, max(ln.box[3] for ln in lines) + 4)
    grey = _grey(picture, (x0, y0, x1, y1))
    if grey.shape[0] < 3 or grey.shape[1] < 3:
        return None
    down = np.abs(np.diff(grey, axis=1)) > STEP  # (rows, cols - 1): an edge between two columns
    across = np.abs(np.diff(grey, axis=0)) > STEP  # (rows - 1, cols)
    tried: set[int] = set()
    fillers = _fillers(lines)
    texts = [ln for ln in lines if id(ln) not in fillers]  # (what a divider runs on beside with no text)
    # (bridged over the leading between a terminal's rows: a column of "|" drawn between panes)
    for col, top, foot in _runs_down(down, int(2 * high), max(BRIDGE, round(LEADING * high))):
        x = x0 + col + 1  # the edge lies between pixel columns x - 1 and x
        if any(abs(x - t) <= 1 for t in tried):
            continue  # (a rule's other side, or the same edge again)
        tried.add(x)
        # An end where an edge across meets it from both sides (a band it stops at: a status line
        # under two panes) is closed: no line past it lies along it.
        closed = [
            bool(_both_sides(across, col + 1, end - BRIDGE, end + BRIDGE + 1).any()) for end in (top, foot)
        ]
        # A divider drawn for panes, not for their text: it runs on where neither side has any.
        divider = _empty_run(texts, y0 + top, y0 + foot) >= PANE_ROWS * high
        sides = _sides(lines, x, y0 + top, y0 + foot, closed, cut=divider)
        if sides is None or any(_along(x, y0 + top, y0 + foot, c) for c in covers or []):
            continue
        left, right = sides
        panes = foot - top >= PANE_ROWS * high and (
            (_texts(left, right) and _ragged(left, right)) or (divider and _apart(left, right))
        )
        if _crossed(across, col + 1, top, foot) or (
            _shared(left, right) >= TABLE_ROWS
            and not (panes or _box_side(across, down, col + 1, top, foot, high))  # (only then asked)
        ):
            continue
        return left, right
    return None


def _empty_run(lines: list[OcrLine], top: int, foot: int) -> int:
    """The longest stretch of rows from ``top`` to ``foot`` that no line of ``lines`` reaches into,
    in pixels: an edge down that runs on that far with no text beside it on either side (the
    empty lower half of two terminal panes, of a file manager's two panels) is drawn to part
    panes, not as a table's column rule, which ends with its rows' text."""
    if foot <= top:
        return 0
    taken = np.zeros(foot - top, dtype=bool)
    for line in lines:
        taken[max(0, line.box[1] - top) : max(0, min(foot, line.box[3]) - top)] = True
    return max((end - start for start, end in true_runs(~taken)), default=0)


def _fillers(lines: list[OcrLine]) -> set[int]:
    """The ``id`` of each line of ``lines`` that is a lone mark (one character) repeated down a
    column, the same mark at the same place on :data:`PANE_ROWS` rows or more: vim's "~" down an
    empty pane past its file's end (read "~", "2", "-"). A divider between panes runs on beside a
    column of those as beside nothing; a keypad's keys, each a character of its own, are text."""
    marks = [ln for ln in lines if len("".join(ln.text.split())) == 1]
    out: set[int] = set()
    for line in marks:
        column = [
            o
            for o in marks
            if o.text.strip() == line.text.strip()
            and abs(o.box[0] - line.box[0]) <= SLACK + OVER * line.height
        ]
        if _rows(column) >= PANE_ROWS:
            out.add(id(line))
    return out


def _along(x: int, top: int, foot: int, cover: Box) -> bool:
    """Whether the edge down at ``x`` from ``top`` to ``foot`` is a side of the window ``cover``."""
    return min(abs(x - cover[0]), abs(x - cover[2])) <= BRIDGE and top < cover[3] and cover[1] < foot


def _sides(
    lines: list[OcrLine], x: int, top: int, foot: int, closed: list[bool] | None = None, cut: bool = False
) -> tuple[list[OcrLine], list[OcrLine]] | None:
    """The lines left and right of the edge down at ``x`` along ``top``..``foot`` (their middles
    within :data:`ALONG` line heights of its rows); None when one runs across it or either side
    holds fewer than :data:`MIN_ROWS` rows. A line across it at an end, its middle past the
    edge's rows, is neither side's and parts nothing: it ends the edge (two panes' status line,
    a heading over two columns). With ``cut`` (a divider between panes), a line across it
    between two of its words is cut there (:func:`_cut`): an engine reads a terminal's row
    whole, from one pane on into the next."""
    left: list[OcrLine] = []
    right: list[OcrLine] = []
    ends: list[OcrLine] = []  # lines across the edge at an end
    for line in lines:
        middle = box_middle(line.box)
        reach = [0.0 if shut else ALONG * line.height for shut in closed or (False, False)]
        if not top - reach[0] <= middle <= foot + reach[1]:
            continue
        slack = max(SLACK, OVER * line.height)
        if line.box[2] <= x + slack:
            left.append(line)
        elif line.box[0] >= x - slack:
            right.append(line)
        elif top <= middle <= foot:
            pieces = _cut(line, x, slack) if cut else None
            if pieces is None:
                return None
            left.extend(pieces[:1])
            right.extend(pieces[1:])
        else:
            ends.append(line)

    def on_end(line: OcrLine) -> bool:  # on the row of a line across the edge's end
        return any(
            abs(box_middle(line.box) - box_middle(e.box)) < 0.5 * min(line.height, e.height) for e in ends
        )

    left, right = [ln for ln in left if not on_end(ln)], [ln for ln in right if not on_end(ln)]
    if _rows(left) < MIN_ROWS or _rows(right) < MIN_ROWS:
        return None
    return left, right


def _cut(line: OcrLine, x: int, slack: float) -> tuple[OcrLine, OcrLine] | None:
    """``line`` cut at the edge down at ``x`` into its words left of it and right of it (each
    within ``slack`` of it); the divider itself read as a mark ("|", "I") is left out. None
    when a word runs across it, no word lies on one side, or the words either side of it stand
    no further apart than a space between words (:data:`CUT_GAP` of the line's height): in a
    terminal the divider takes a column of its own, and a line of a page the edge merely runs
    through between two words is no two panes' rows."""
    left: list[OcrWord] = []
    right: list[OcrWord] = []
    for word in line.words:
        if word.box[2] <= x + slack:
            left.append(word)
        elif word.box[0] >= x - slack:
            right.append(word)
        elif len(word.text) != 1 or word.text not in RULES:
            return None
    if (
        not left
        or not right
        or min(w.box[0] for w in right) - max(w.box[2] for w in left) < CUT_GAP * line.height
    ):
        return None
    return OcrLine.of(left, line.confidence), OcrLine.of(right, line.confidence)


def _prose(line: OcrLine) -> bool:
    """Whether ``line`` is a line of running text: :data:`PROSE_WORDS` words of two letters or more
    (a listing's row of figures, flags and times is not, however many its fields)."""
    return sum(sum(ch.isalpha() for ch in w) >= 2 for w in line.text.split()) >= PROSE_WORDS


def _column_starts(prose: list[OcrLine], slack: float) -> list[float]:
    """Left edges shared by :data:`PROSE_LINES` lines of running text or more (within ``slack``
    px), left to right: where columns of text begin."""
    starts: list[list[int]] = []
    for x in sorted(ln.box[0] for ln in prose):
        if starts and x - starts[-1][-1] <= slack:
            starts[-1].append(x)
        else:
            starts.append([x])
    return [float(np.median(xs)) for xs in starts if len(xs) >= PROSE_LINES]


def _running(side: list[OcrLine], start: float) -> bool:
    """Whether ``side`` is a column of running text beginning at ``start``: :data:`PROSE_LINES`
    lines of it (:func:`_prose`), most of them reaching :data:`WRAPPED` of the
    column's width (text wrapped at its right edge; a paragraph's last line is shorter)."""
    prose = [ln for ln in side if _prose(ln)]
    if len(prose) < PROSE_LINES:
        return False
    right = max(ln.box[2] for ln in side)
    wrapped = [ln for ln in prose if ln.box[2] - start >= WRAPPED * (right - start)]
    return len(wrapped) >= 0.6 * len(prose)


def _both(row: list[OcrLine], edge: float) -> bool:
    """Whether ``row`` has lines on both sides of ``edge``."""
    return any(ln.box[2] <= edge for ln in row) and any(ln.box[0] >= edge for ln in row)


def _grow(rows: list[list[OcrLine]], first: int, last: int, edge: float, high: float) -> tuple[int, int]:
    """The rows ``first``..``last`` (indices into ``rows``) of two columns of text either side of
    ``edge``: less a row at either end with lines on one side only that stands apart from the next
    (more than a line height: a line over the columns, as wide as one of them), then widened up and
    down by the rows next to them within :data:`HEAD_GAP` line heights with lines on both sides (a
    row of headings, one over each column; the columns' last short lines), or within a line height
    with lines on one side (a longer column's last lines)."""

    def gap(upper: int, lower: int) -> int:
        return min(ln.box[1] for ln in rows[lower]) - max(ln.box[3] for ln in rows[upper])

    def joins(row: int, near: int) -> bool:
        if any(ln.box[0] < edge < ln.box[2] for ln in rows[row]):
            return False  # a line across both: no column's
        return gap(min(row, near), max(row, near)) <= (HEAD_GAP if _both(rows[row], edge) else 1.0) * high

    while first < last and not _both(rows[first], edge) and not joins(first, first + 1):
        first += 1
    while last > first and not _both(rows[last], edge) and not joins(last, last - 1):
        last -= 1
    while first > 0 and joins(first - 1, first):
        first -= 1
    while last + 1 < len(rows) and joins(last + 1, last):
        last += 1
    return first, last


def gutter(lines: list[OcrLine]) -> tuple[list[OcrLine], list[OcrLine]] | None:
    """The lines of two columns of running text side by side with only ground between them (see
    the module docstring), the leftmost two where there are more (left, right), or None. Each side
    is a column of text (:func:`_running`) beginning at a left edge its lines share; along their
    rows, from a row of headings over them to the columns' last lines, no line runs across the
    gap between them."""
    prose = [ln for ln in lines if _prose(ln)]
    if len(prose) < 2 * PROSE_LINES:
        return None
    high = float(np.median([ln.height for ln in lines]))
    starts = _column_starts(prose, high / 2)
    rows = _row_groups(lines)
    at = {id(ln): i for i, row in enumerate(rows) for ln in row}
    for a, b in itertools.pairwise(starts):
        ours = [ln for ln in prose if abs(ln.box[0] - a) <= high / 2 or abs(ln.box[0] - b) <= high / 2]
        left_ends = [ln.box[2] for ln in ours if ln.box[0] < b - high / 2]
        if not left_ends or b - max(left_ends) < high:
            continue  # no gap between them: one column's lines starting at two places
        edge = (max(left_ends) + b) / 2
        first, last = _grow(rows, min(at[id(ln)] for ln in ours), max(at[id(ln)] for ln in ours), edge, high)
        span = rows[first : last + 1]
        along = [ln for row in span for ln in row]
        if any(ln.box[0] < edge < ln.box[2] for ln in along):
            continue  # a line across the gap: one text, or a table's row
        left = [ln for ln in along if ln.box[2] <= edge]
        right = [ln for ln in along if ln.box[0] >= edge]
        nxt = next((c for c in starts if c > b + high), None)  # a third column's left edge
        if _cells(span, None, edge) or _cells(span, edge, None if nxt is None else nxt - 1):
            continue  # a side holds two lines on a row: a table's cells, not a column of text
        if _running(left, a) and _running([ln for ln in right if ln.box[0] < b + high], b):
            return left, right
    return None


def _cells(rows: list[list[OcrLine]], left: float | None, right: float | None) -> bool:
    """Whether a row holds two lines or more between ``left`` (the lines' left edges at or after it)
    and ``right`` (their right edges at or before it; None: no bound): a column of text has one
    line a row, a table's row a cell for each column (a number beside a summary, a status after
    a comment)."""

    def inside(ln: OcrLine) -> bool:
        return (left is None or ln.box[0] >= left) and (right is None or ln.box[2] <= right)

    return any(sum(inside(ln) for ln in row) >= 2 for row in rows)
