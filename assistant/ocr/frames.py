"""Windows in a picture of a screen, found by their title bars and frames (no window stack needed).

A picture file, the clipboard or a remote screen carries no list of windows, yet a window manager
draws every window the same way: a title bar (a band 8-96 px high, as wide as the window, of one
colour or a vertical gradient, holding the title and a few buttons) over the window's body, and a
frame whose sides run down from the bar's ends. So a title bar is a pair of long horizontal edges
that start and end together, with rows of one colour between them, and with a frame side (a
vertical line of one colour) running on below at least one of its ends for its height at least (a
text field or a button has the band but no sides below it).
A frame turns at its bar's top, where a table's cell or a key has the rules or edges of the one
above running on into its sides (a row of its ends and height ends there; a window tiled under
another of its width has a whole window above it instead), and a band heading a column of like rows
that ends about where its sides end is a table's heading or a keypad's top row (a window's sides run
on below a striped list that fills its top): a window's content grabbed alone, with no desktop round
it, holds no window.

Which window lies on top: where two frames overlap, the one whose outline is unbroken there (it
still stands as an edge, cutting what lies under it) lies on the other. The active window's bar
differs in colour from the others'; it is read first when nothing lies on either. Nothing here knows
one window manager's theme: openbox's Clearlooks, Bear2, Natura and Onyx (gradients, left- and
centre-aligned titles, dark and light) are found by the same rule.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

import numpy as np
from PIL import Image

from assistant.masks import runs_by_row, true_runs
from assistant.ocr.boxes import Box, inside, overlaps
from assistant.ocr.text_height import row_runs

BORDER = 8  # px: no window manager draws a wider border round a window


@dataclass(frozen=True)
class FrameConfig:
    edge: int = 30  # a step this large (sum over R, G, B) between neighbouring pixels is an edge
    # A dark theme's bar over a dark window (Onyx): its foot and the frame's sides may be steps only
    # this large, the body being nearly the frame's shade; its top, against the desktop, is an edge.
    dim: int = 18
    min_width: int = 64  # px: a title bar is at least this wide
    min_height: int = 8  # px: a title bar's height, top edge to bottom edge (11 under a 5-point title)
    # A bar's height follows the title font and the scale: openbox's 9-point title gives 20-22 px, a
    # large title font or padding 30-50, a header bar (GNOME, KDE) 46-50, and twice that at 2x.
    max_height: int = 96
    align: int = 4  # px: a bar's top and bottom edges start and end this close together
    # px: an edge broken for this long still runs on (:func:`_bridged`): where two bevelled boxes
    # meet (motif), or where a title's descender crosses a short bar's foot (3 px: xfwm4's Daloa)
    joint: int = 3
    slack: int = 2  # px: a frame's side may stand this far beyond its bar's edges' ends (:func:`_bars`)
    same: int = 12  # a pixel this close (sum over R, G, B) to its row's median is the bar's ground
    # The bar's rows are on average at least this much ground... (less than half is ink where a
    # window over the bar leaves only its end with a large title and the buttons in view, or under a
    # title in a box of its own: Artwiz-boxed's active bar)
    ground: float = 0.45
    clear: float = 0.9  # ...and this many rows (above and below the title's letters) nearly all ground
    clear_rows: int = 3
    # A frame side runs on at least this many bar heights below the bar (a window's body is no lower
    # than its bar). Twice lost small windows under tall bars: a 46-px bar over a 71-px message box.
    body: float = 1.0
    active_gap: int = 40  # a bar this far (sum over R, G, B) in colour from all others is the active one
    # A bar whose colourful pixels (this share of them, between its icon and its buttons) are more
    # colourful than every other bar's by ``colourful_gap`` (chroma: max - min of R, G, B) holds the
    # theme's accent colour: see :func:`_colourful`.
    colourful_share: float = 0.1
    colourful_gap: int = 40


@dataclass(frozen=True)
class Frame:
    """One window found in the picture: its outline and its title bar (image pixels, x0 y0 x1 y1),
    the bar's colour, and whether its bar marks it as the active window; ``inner``: the outline of
    the frame's inner lines (its sides as found, inside a border of several lines; None: ``box``)."""

    box: Box
    bar: Box
    colour: tuple[int, int, int]
    active: bool = False
    inner: Box | None = None


_Bar = tuple[
    Box, int, tuple[int, int, int]
]  # a title bar, how far its frame's sides run below it, its colour
_Tops = dict[int, list[Box]]  # bands by their top row (:func:`_by_top`)


def _edge_lines(
    diff: np.ndarray,
    cfg: FrameConfig,
    step: int,
    near: list[int] | None = None,
    *,
    above: bool = False,
    joined: dict[int, list[tuple[int, int]]] | None = None,
) -> dict[int, list[tuple[int, int]]]:
    """Long horizontal edges: row y -> the x runs where row y differs from row y - 1 by more than
    ``step`` (sum over R, G, B; in grey levels, a third of it). ``diff``: (H - 1, W), each row's
    grey levels' difference from the row above; ``near``: only rows a bar's height below these (or
    ``above`` them); ``joined``: filled with the same rows' runs joined across a pixel or two
    (:func:`_bridged`)."""
    at = np.arange(len(diff))  # the rows of diff looked at
    if near is not None:
        at = _near_rows(len(diff), near, cfg, above=above)
        diff = diff[at]
    steps = diff > step // 3  # (n, W): steps[i] is above row at[i] + 1
    lines = {}
    # (only runs _bridged would join: shorter ones, a letter's stroke, are left out at once)
    shortest = cfg.min_width if joined is None else min(cfg.min_width, cfg.min_height)
    for i, every in _long_runs(steps, cfg.min_width, shortest):
        runs = [(a, b) for a, b in every if b - a >= cfg.min_width]
        if runs:
            lines[int(at[i]) + 1] = runs
        if joined is not None and (bridged := _bridged(every, cfg)) != runs:
            joined[int(at[i]) + 1] = bridged
    return lines


def _long_runs(steps: np.ndarray, least: int, shortest: int) -> list[tuple[int, list[tuple[int, int]]]]:
    """Of the rows of ``steps`` ((n, W) bool) with ``least`` steps or more: each row's index and its
    runs of steps (start, end exclusive) ``shortest`` long at least, found for all rows at once (a
    picture has hundreds of such rows, mostly lines of text, each with many short runs)."""
    picked = np.flatnonzero(np.count_nonzero(steps, axis=1) >= least)
    if not len(picked):
        return []
    rows, starts, ends, _ = runs_by_row(steps[picked])  # sorted by row, then start
    keep = ends - starts >= shortest
    rows, starts, ends = rows[keep], starts[keep], ends[keep]
    bounds = np.searchsorted(rows, np.arange(len(picked) + 1)).tolist()
    starts_list, ends_list = starts.tolist(), ends.tolist()
    return [
        (int(picked[k]), list(zip(starts_list[a:b], ends_list[a:b], strict=True)))
        for k, (a, b) in enumerate(pairwise(bounds))
    ]


def _rgb_sum(steps: np.ndarray) -> Any:  # (Any: as ndarray.sum gives, for comparing and indexing)
    """``steps`` (..., 3) summed over R, G, B, channel by channel: numpy's reduction over an axis of
    three costs several times the two additions (the same sum, in the same order). Unlike ``.sum``
    it keeps the dtype: give it int16 or wider (three uint8 channels would wrap past 255)."""
    return steps[..., 0] + steps[..., 1] + steps[..., 2]


def _near_rows(n: int, near: list[int], cfg: FrameConfig, *, above: bool) -> np.ndarray:
    """The rows of an (n, W) row difference that lie a bar's height below the rows ``near`` (or
    ``above`` them): where :func:`_edge_lines` looks for a bar's other edge."""
    rows = np.zeros(n, dtype=bool)
    for y in near:
        if above:
            rows[max(0, y - cfg.max_height - 1) : max(0, y - cfg.min_height)] = True
        else:
            rows[y + cfg.min_height - 1 : y + cfg.max_height] = True
    return np.flatnonzero(rows)


def _bridged(runs: list[tuple[int, int]], cfg: FrameConfig) -> list[tuple[int, int]]:
    """``runs`` of an edge (each a bar's height long at least) joined across gaps of
    :attr:`FrameConfig.joint` px at most, those at least a bar wide: a bar drawn as boxes side by
    side (motif's bevelled icon, title and buttons) breaks its edges for a pixel where two boxes
    meet, and a title's descenders touching its bevel break its foot."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if b - a < cfg.min_height:  # a letter's stroke beside the edge (a window under it) joins nothing
            continue
        if out and a - out[-1][1] <= cfg.joint:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return [(a, b) for a, b in out if b - a >= cfg.min_width]


def _under_joined(
    px: np.ndarray, lines: dict[int, list[tuple[int, int]]], cfg: FrameConfig
) -> dict[int, list[tuple[int, int]]]:
    """The rows of ``lines`` whose runs join across a break of up to :data:`BORDER` px under which
    the row below the edge runs on in one colour: the edge is broken only by what lies above it, a
    window's side of the very colour of the bar (fvwm's flat bars: a window's top crossing the side
    of the window under it, its border as grey as the bar)."""
    out: dict[int, list[tuple[int, int]]] = {}
    for y, runs in lines.items():
        if len(runs) < 2 or y >= px.shape[0]:
            continue
        joined = [runs[0]]
        for a, b in runs[1:]:
            end = joined[-1][1]
            if 0 < a - end <= BORDER:
                row = px[y, end - 1 : a + 1].astype(np.int16)  # (gap + 2, 3): the row below, end to end
                if (_rgb_sum(np.abs(row - row[0])) <= cfg.same).all():
                    joined[-1] = (joined[-1][0], b)
                    continue
            joined.append((a, b))
        if len(joined) < len(runs):
            out[y] = joined
    return out


def _bar_pairs(
    lines: dict[int, list[tuple[int, int]]],
    feet: dict[int, list[tuple[int, int]]],
    cfg: FrameConfig,
    *,
    inset: bool = False,
) -> list[Box]:
    """Bands between two edges that start and end together, as high as a title bar: a top of
    ``lines`` (full edges) and a foot of ``feet`` (dim ones too, :attr:`FrameConfig.dim`). A band
    that an edge crosses from end to end away from its top and foot is two bands, not one bar (a
    ruled table's header and its first row). A bar with rounded top corners (fluxbox's bora and
    zimek styles) has a top shorter than its foot by as much at both ends, 2 px to half its height:
    the foot gives its width (a pixel in at both ends is a border's corner, as in openbox's). With
    ``inset``, a foot in from the top's ends by as much at both ends, up to :data:`BORDER` px, is a
    bar's too: its top is the outer edge of a border drawn round the bar and the window (icewm's
    dark themes), its foot the window's inside; the foot gives its width."""
    out = []
    rows = sorted(feet)
    across = sorted(lines)
    for top, runs in lines.items():
        first, last = bisect_left(rows, top + cfg.min_height), bisect_right(rows, top + cfg.max_height)
        for bottom in rows[first:last]:  # the feet's rows only: most rows have no long edge
            inner = across[bisect_right(across, top + cfg.align) : bisect_left(across, bottom - cfg.align)]
            corner = max(cfg.align, (bottom - top) // 2)  # a rounded corner's inset of the top
            for x0, x1 in runs:
                for u0, u1 in feet[bottom]:
                    left, right = x0 - u0, u1 - x1  # how far the top is in from the foot's ends
                    if 1 < left <= corner and 1 < right <= corner and abs(left - right) <= 2:
                        box = (u0, top, u1, bottom)  # rounded top corners: the foot is the bar's width
                    elif abs(left) <= cfg.align and abs(right) <= cfg.align:
                        box = (max(x0, u0), top, min(x1, u1), bottom)
                    elif (
                        inset
                        and cfg.align < -left <= BORDER
                        and cfg.align < -right <= BORDER
                        and abs(left - right) <= 2
                    ):
                        box = (u0, top, u1, bottom)  # the top is the border's outer edge, the foot inside it
                    else:
                        continue
                    if not any(_spans(lines[r], box, cfg) for r in inner):
                        out.append(box)
    return out


def _spans(runs: list[tuple[int, int]], box: Box, cfg: FrameConfig) -> bool:
    """Whether one of an edge's ``runs`` reaches from ``box``'s left end to its right end."""
    return any(a <= box[0] + cfg.align and box[2] - cfg.align <= b for a, b in runs)


def _ground(px: np.ndarray, box: Box, cfg: FrameConfig) -> tuple[np.ndarray, np.ndarray]:
    """Per row of the band ``box``: the share of pixels of the row's own colour, and that colour
    at each pixel ((h, w, 3)). A row's colour may run from one end to the other (a bar shaded
    from left to right as well as top to bottom: openbox's Syscrash), so each row's ground is a
    straight line along it, fitted to the pixels near the row's median colour and then again to
    those near the first line (the title's letters left out)."""
    x0, y0, x1, y1 = box
    band = px[y0:y1, x0:x1].astype(np.float32)  # (h, w, 3)
    xs = np.arange(x1 - x0, dtype=np.float32)
    sample, at = band[:, ::8], xs[::8]  # (h, n, 3), (n,)

    def fitted(weight: np.ndarray) -> np.ndarray:  # (h, n) -> (h, w, 3)
        total = weight.sum(axis=1, keepdims=True) + 1e-6
        mid_x = (weight * at).sum(axis=1, keepdims=True) / total  # (h, 1)
        mean = (weight[..., None] * sample).sum(axis=1) / total  # (h, 3)
        dx = at - mid_x  # (h, n)
        slope = (weight[..., None] * dx[..., None] * (sample - mean[:, None, :])).sum(axis=1) / (
            (weight * dx**2).sum(axis=1, keepdims=True) + 1e-6
        )  # (h, 3)
        return mean[:, None, :] + slope[:, None, :] * (xs[None, :, None] - mid_x[..., None])

    median = np.median(sample, axis=1)  # (h, 3)
    first = fitted((_rgb_sum(np.abs(sample - median[:, None, :])) <= 3 * cfg.same).astype(np.float32))
    near = _rgb_sum(np.abs(sample - first[:, ::8])) <= 3 * cfg.same
    colour = fitted(near.astype(np.float32))
    share = (_rgb_sum(np.abs(band - colour)) <= cfg.same).mean(axis=1)
    return share, colour


def _shows(cols: np.ndarray, first: np.ndarray, cfg: FrameConfig) -> np.ndarray:
    """Per row of ``cols`` ((n, 3, 3): a column and its two neighbours), whether the column keeps
    the colour ``first`` and stands apart from a neighbour: (n,) bool."""
    cols = cols.astype(np.int16)
    col = cols[:, 1]
    same = _rgb_sum(np.abs(col - first.astype(np.int16))) <= cfg.same
    # (n, 3): each of the three from the column, both neighbours at once
    beside = _rgb_sum(np.abs(cols - cols[:, 1:2])) > cfg.edge
    return np.asarray(same & (beside[:, 0] | beside[:, 2]))


def _unbroken(cols: np.ndarray, cfg: FrameConfig) -> int:
    """How many rows of ``cols`` ((n, 3, 3): a column and its two neighbours) the column shows
    (:func:`_shows`) from the first down. A line of the frame's own colour meeting the side (the
    border over a window's foot, the lines of the handle openbox draws there) leaves the column its
    colour but takes the difference from its inner neighbour; where that lasts a few rows at most
    (``align``) and the side shows again below it, the side goes on: against a desktop of nearly the
    frame's shade the side stood apart only on its inner side, and stopped at the foot's border, 5
    rows short of the window's foot (half A table-qt-striped-loans, multi-page-dialog-qt)."""
    first = cols[0, 1].astype(np.int16)
    # Down to the first break, in growing steps: most candidates (a text field, a button) break
    # within a few rows, and the whole column is only needed for a long side or for ``gaps``.
    start, step = 0, cfg.clear_rows
    while start < len(cols):
        part = _shows(cols[start : start + step], first, cfg)
        if part.all():
            start, step = start + step, 4 * step
            continue
        at = start + int(np.argmin(part))
        if at < cfg.min_height:
            return at  # shorter than any bar: no side (most candidates end here)
        ahead = cols[at : at + cfg.align + 1].astype(np.int16)  # (k, 3, 3)
        kept = _rgb_sum(np.abs(ahead[:, 1] - first)) <= cfg.same  # the column keeps its colour
        again = np.flatnonzero(_shows(ahead, first, cfg))
        # (or a groove a row or two high across the whole border: icewm's resize handles, a dark
        # and a light line across the side a bar's height above the frame's foot)
        if not again.size or not (kept[: again[0]].all() or (again[0] <= 2 and _groove(ahead[: again[0]]))):
            return at
        start, step = at + int(again[0]), cfg.clear_rows
    return len(cols)


def _groove(rows: np.ndarray) -> bool:
    """Whether each of ``rows`` ((k, 3, 3): a column and its two neighbours) is of one colour with a
    neighbour: a line drawn across the side (and the border it is part of), not a mark beside it."""
    rows = rows.astype(np.int16)
    same = _rgb_sum(np.abs(rows - rows[:, 1:2])) <= 3  # (k, 3)
    return bool((same[:, 0] | same[:, 2]).all())


def _side(px: np.ndarray, x: int, y: int, cfg: FrameConfig, *, gaps: bool = False) -> int:
    """How many rows from ``y`` down column ``x`` stays one colour and stands apart from the
    column beside it on either side: a frame's side. With ``gaps`` (a window lying across the side
    hides part of it), the side goes on to the lowest row where it shows, as long as it shows in at
    least half of the rows down to there (and in the first few)."""
    height, width = px.shape[:2]
    if not 1 <= x < width - 1 or y >= height:
        return 0
    cols = px[y:, x - 1 : x + 2]  # (n, 3, 3): the column and its two neighbours
    unbroken = _unbroken(cols, cfg)
    if not gaps or unbroken < cfg.clear_rows:
        return unbroken
    shows = _shows(cols, cols[0, 1], cfg)
    share = np.cumsum(shows) / np.arange(1, len(shows) + 1)  # (n,): of the rows down to each
    end = int(np.flatnonzero(shows & (share >= 0.5))[-1]) + 1
    breaks = np.count_nonzero(np.diff(shows[:end].view(np.int8)) == -1)
    return end if breaks <= 2 else unbroken  # a window or two across it, not a stack of text fields


def _bars(px: np.ndarray, cfg: FrameConfig) -> list[_Bar]:
    """Title bars: (bar box, how far its frame's sides run below it, its colour). Bars between
    full edges with full sides first; then, where none was found, a dark theme's (a full top, a
    dim foot and dim sides below the bar's own border: :attr:`FrameConfig.dim`), and a bar as dark
    as the desktop (a dim top over a full foot)."""
    found: list[_Bar] = []
    # Each bar's ground (:func:`_ground`), for _buttons.
    grounds: dict[Box, tuple[np.ndarray, np.ndarray]] = {}
    grey = np.asarray(Image.fromarray(px).convert("L"), dtype=np.int16)
    diff = np.abs(np.diff(grey, axis=0))
    joint: dict[int, list[tuple[int, int]]] = {}  # the edges joined across breaks (see below)
    lines = _edge_lines(diff, cfg, cfg.edge, joined=joint)
    full = _bar_pairs(lines, lines, cfg)
    dim, known = replace(cfg, edge=cfg.dim), set(full)
    sides: dict[tuple[int, int, bool, bool], int] = {}  # bands of one side and foot share it
    rows: list[tuple[Box, int]] = []  # bands whose sides run on above them, with their body

    def side(x: int, y: int, *, gaps: bool = False, faint: bool = False) -> int:
        key = (x, y, gaps, faint)
        if key not in sides:
            sides[key] = _side(px, x, y, dim if faint else cfg, gaps=gaps)
        return sides[key]

    def sides_below(
        box: Box, y: int, *, gaps: bool = False, faint: bool = False, slack: int | None = None
    ) -> int:
        """How far the sides run down from ``y`` below the band ``box``'s ends: where they stand
        just beyond the ends, or (not a bar's height there) a pixel or two further out, where a
        bar's edges stop short of its frame's sides (a bevel inside a border of the body's shade:
        Onyx's active bar beside a window tiled flush with it). Further out, only a line that
        starts at the band's top counts: a frame turns there, where the side of the window round
        a band inside it (a terminal's status line, a table's heading) runs on above it."""
        x0, y0, x1, y1 = box
        reach = 0
        for d in range((cfg.slack if slack is None else slack) + 1):
            for x in (x0 - 1 - d, x1 + d):
                if d and not _starts_at(px, x, y0, y, cfg):
                    continue
                reach = max(reach, side(x, y, gaps=gaps, faint=faint))
            if reach >= cfg.body * (y1 - y0):
                break
        return reach

    def crossed_below(box: Box) -> int:
        """How far the sides run down below the band ``box`` from a few rows under its foot, plus
        those rows: a line of the border drawn across the bar's foot crosses the sides there (icewm's
        dark themes: a black line between a purple bar and the window, over a purple side line)."""
        reach = sides_below(box, box[3] + cfg.align)
        return cfg.align + reach if reach else 0

    # Every band's sides are looked for just beyond its ends first, and those bands kept; only a band
    # with no body there looks further out, and only where no bar kept overlaps it. Looking further
    # out for every band finds a bevelled bar as its bevel's inside (a pixel in on each side), and
    # the panes a pixel off change how a window's text is read (table rows, key bars, code lost).
    later: list[tuple[Box, int]] = []
    for box in full:
        _, y0, _, y1 = box
        body = sides_below(box, y1, slack=0)
        if body < cfg.body * (y1 - y0):  # another window may lie across the sides
            body = sides_below(box, y1, gaps=True, slack=0)
        if body < cfg.body * (y1 - y0):
            later.append((box, body))
            continue
        _keep(px, box, body, cfg, found, grounds, rows)
    for box, body in later:
        _, y0, _, y1 = box
        if not any(overlaps(box, bar[0]) for bar in found):
            body = sides_below(box, y1)
            if body < cfg.body * (y1 - y0):
                body = sides_below(box, y1, gaps=True)
            if body < cfg.body * (y1 - y0):
                body = max(body, crossed_below(box))
        _keep(px, box, body, cfg, found, grounds, rows)
    faint = _bar_pairs(lines, _edge_lines(diff, cfg, cfg.dim, list(lines)), cfg)
    for box in faint:
        if box in known or any(overlaps(box, bar[0]) for bar in found):
            continue
        reach = sides_below(box, box[3] + cfg.align, faint=True)
        _keep(px, box, cfg.align + reach if reach else 0, cfg, found, grounds, rows)
    # A dark bar on a desktop of nearly its shade: a dim top over a full foot (half A
    # table-chromium-band-pair: a grey bar on a slate desktop, its foot a blue line over a white page).
    # (its top a step in grey levels or in colour, a third of the sum over R, G, B: a dark grey bar
    # on a dark blue desktop is nearly of its lightness, apart from it in colour only)
    # Only on the rows _edge_lines looks at: the whole picture's colour steps cost more than the pass.
    tint, at = diff.copy(), _near_rows(len(diff), list(lines), cfg, above=True)
    tint[at] = np.maximum(diff[at], _rgb_sum(np.abs(px[at + 1].astype(np.int16) - px[at])) // 3)
    dark = _bar_pairs(_edge_lines(tint, cfg, cfg.dim, list(lines), above=True), lines, cfg)
    for box in dark:
        if box in known or any(overlaps(box, bar[0]) for bar in found):
            continue
        _keep(px, box, sides_below(box, box[3]), cfg, found, grounds, rows)
    # A bar drawn as bevelled boxes side by side (motif: icon, title, buttons) breaks its edges where
    # the boxes meet: its edges joined across such breaks, where no bar was found (two windows tiled
    # side by side break their bars' edges alike, and each was found whole above). And a bar inside
    # a border drawn round it and the window: its foot in from its top's ends (icewm's dark themes).
    every = {**lines, **joint}
    every.update(_under_joined(px, every, cfg))
    joined = [b for b in _bar_pairs(every, every, cfg, inset=True) if b not in known]
    # (a band found above that heads a column of a table's rows blocks no bar: it is dropped below,
    # and may have been paired from the window's top edge, just above its broken bar, down to the
    # table's heading: fvwm's boxed bar over a window whose table begins near its top)
    heads = _by_top(full + faint + dark + joined)
    for box in joined:
        if any(overlaps(box, bar[0]) and not _heading(bar, heads, cfg) for bar in found):
            continue
        body = sides_below(box, box[3])
        if body < cfg.body * (box[3] - box[1]):
            body = max(body, crossed_below(box))
        _keep(px, box, body, cfg, found, grounds, rows)
    footless = _footless(px, lines, [(bar, grounds[bar[0]][0]) for bar in found], cfg)
    for box in footless:
        _keep(px, box, sides_below(box, box[3]), cfg, found, grounds, rows)
    # A bar whose foot does not show, drawn unlike every bar found (a white active bar over a white
    # terminal, the inactive ones grey), as high as a bar found with buttons (:func:`_unfooted`).
    seeds = [bar for bar in found if _buttons(px, bar[0], *grounds[bar[0]], cfg)]
    unlike: list[Box] = []
    for box in _unfooted(px, lines, found, {box[3] - box[1] for box, _, _ in seeds}, cfg):
        if any(overlaps(box, bar[0]) or _below(box, bar[0]) for bar in found):  # (found grows)
            continue
        # The frame first (cached; the buttons are not), from both ends: a band at the picture's
        # edge, in a window's inside grabbed alone, has a side at one end only (a list's stripe).
        x0, y0, x1, y1 = box
        left = max(side(x0 - 1 - d, y1) for d in range(cfg.slack + 1))
        right = max(side(x1 + d, y1) for d in range(cfg.slack + 1))
        if min(left, right) >= cfg.body * (y1 - y0) and _unlike_bar(px, box, found, cfg):
            unlike.append(box)
            _keep(px, box, sides_below(box, y1), cfg, found, grounds, rows)
    bands = full + faint + dark + joined + footless + unlike
    # A row's sides run on up from the row above it (a band of its ends and height ends at its top);
    # a window's may run on up from a whole window above it (two windows tiled one over the other,
    # or one opened at the same x lower down): such a band is looked at again as a title bar.
    for box, body in list(rows):
        if not _row_above(box, bands, cfg) and not any(overlaps(box, bar[0]) for bar in found):
            rows.remove((box, body))
            _keep(px, box, body, cfg, found, grounds, None)
    row_boxes, bands_at = _by_top([box for box, _ in rows]), _by_top(bands)
    bars = [
        bar
        for bar in _distinct(found)
        if not _heads(bar[0], row_boxes, cfg) and not _heading(bar, bands_at, cfg)
    ]
    with_buttons = [
        bar for bar in bars if _buttons(px, bar[0], *grounds[bar[0]], cfg) or _off_picture(bar, px, cfg)
    ]
    # An inactive window's buttons may be drawn faint, barely off its bar (metacity's Watercolor):
    # a bar as high as one with buttons (one window manager draws every title bar alike) needs only
    # faint marks at its right end.
    with_buttons += [
        bar
        for bar in bars
        if not any(bar is b for b in with_buttons)
        and any(abs((bar[0][3] - bar[0][1]) - (b[0][3] - b[0][1])) <= cfg.align // 2 for b in with_buttons)
        and _buttons(px, bar[0], *grounds[bar[0]], cfg, step=cfg.dim)
    ]
    cut = [_cut_by(bar, [b for b in with_buttons if b is not bar], cfg) for bar in bars]
    kept = [
        bar
        for bar, under in zip(bars, cut, strict=True)
        if under or (under is None and any(bar is b for b in with_buttons))
    ]
    # Buttons at the left end only (marco's and metacity's button layouts may put them all there,
    # before a centred title). One window manager draws every bar alike, so only where no bar has
    # them at its right end; and a band in a window kept is none (a menu bar, a panel's heading or
    # a status line inside a window has its first word at its left end).
    if with_buttons:
        return kept
    return kept + [
        bar
        for bar in bars
        if not any(bar is k for k in kept)
        and not any(overlaps(bar[0], k[0]) or inside(bar[0], _window(k)) for k in kept)
        and _buttons(px, bar[0], *grounds[bar[0]], cfg, left=True)
    ]


def _footless(
    px: np.ndarray,
    lines: dict[int, list[tuple[int, int]]],
    found: list[tuple[_Bar, np.ndarray]],
    cfg: FrameConfig,
) -> list[Box]:
    """Bands under a top edge, overlapping no bar found, as high as one and shaded as it row by
    row (``found``: each bar with its ground at each pixel, :func:`_ground`): bars whose foot does
    not show, the window's body being of the very colour of its bar (openbox's Breeze-ob draws an
    inactive bar in a Qt dialog's grey). One window manager draws every title bar alike, so a bar
    found elsewhere in the picture stands in for the foot; whether a frame runs on below the band,
    and whether it holds a title and buttons, is judged as for any band (:func:`_keep`)."""
    shades: dict[int, dict[bytes, np.ndarray]] = {}  # per bar height: the bars' colours row by row, (h, 3)
    for (box, _, _), ground in found:
        shade = np.median(ground, axis=1).round().astype(np.int16)
        shades.setdefault(box[3] - box[1], {})[shade.tobytes()] = shade
    out: list[Box] = []
    for top, runs in lines.items():
        for high, profiles in shades.items():
            if top + high >= px.shape[0]:
                continue
            ends = px[[top, top + high - 1], ::8].astype(np.int16)  # (2, w / 8, 3): every 8th pixel
            for shade in profiles.values():
                # (most edges are no bar's top: a band whose ends are not a quarter of the shade's is none)
                near = (_rgb_sum(np.abs(ends - shade[[0, -1], None])) <= cfg.same).all(axis=0)
                likely = [(a, b) for a, b in runs if 4 * near[a // 8 : b // 8 + 1].sum() >= (b - a) // 8]
                for run in _across_sides(px[top], likely, shade[0], cfg):
                    x0, x1 = _shaded(px, top, run, shade, cfg)
                    box = (x0, top, x1, top + high)
                    if x1 - x0 < cfg.min_width:
                        continue
                    if any(overlaps(box, bar[0]) or inside(box, _window(bar)) for bar, _ in found):
                        continue  # (a band inside a window found is its toolbar or its table's head)
                    rows = np.median(px[top : top + high, x0:x1:4], axis=1)  # (h, 3)
                    if (_rgb_sum(np.abs(rows - shade)) > cfg.same).sum() <= high // 10:
                        out.append(box)
    return sorted(set(out))


def _unfooted(
    px: np.ndarray,
    lines: dict[int, list[tuple[int, int]]],
    found: list[_Bar],
    heights: set[int],
    cfg: FrameConfig,
) -> list[Box]:
    """Bands under a top edge as high as a bar found, overlapping none and in no window found: where
    a bar's foot does not show (its window's body of the bar's colour) and it is drawn unlike every
    bar found, so that :func:`_footless` cannot match its shade (metacity's Outline themes: a white
    active bar over a white terminal beside grey inactive ones). One window manager draws every bar
    of one height. Where a frame runs on below such a band it is a bar only with buttons at one end
    (:func:`_unlike_bar`), even where a window lies across it (the desktop's strip between two
    windows' feet and a third's side is none), and it is judged then as any band (:func:`_keep`)."""
    out: list[Box] = []
    for top, runs in lines.items():
        for a, b in runs:
            if b - a < cfg.min_width:
                continue
            for high in heights:
                box = (a, top, b, top + high)
                if top + high >= px.shape[0]:
                    continue
                if any(
                    overlaps(box, bar[0]) or inside(box, _window(bar)) or _below(box, bar[0]) for bar in found
                ):
                    continue
                out.append(box)
    return sorted(set(out))


def _below(band: Box, bar: Box) -> bool:
    """Whether ``band`` lies under ``bar`` within a few bar heights with both its ends within a
    border's width of the bar's: it is in the bar's own window (a border's inner line, a menu bar,
    a first line of text), since two windows' bars never share both ends."""
    high = bar[3] - bar[1]
    return (
        0 <= band[1] - bar[3] <= 4 * high
        and abs(band[0] - bar[0]) <= BORDER
        and abs(band[2] - bar[2]) <= BORDER
    )


def _unlike_bar(px: np.ndarray, box: Box, found: list[_Bar], cfg: FrameConfig) -> bool:
    """Whether the band ``box`` has a bar's buttons at its right end or at its left (:func:`_buttons`)
    and a ground of a colour no bar found has (one drawn alike is :func:`_footless`'s to find, and
    a band like a bar found inside a window is its toolbar, a table's heading or a list's stripe)."""
    share, colour = _ground(px, box, cfg)
    rgb = np.median(colour.reshape(-1, 3), axis=0)
    if any(_rgb_sum(np.abs(rgb - np.array(bar[2]))) <= cfg.same for bar in found):
        return False
    return _buttons(px, box, colour, share, cfg) or _buttons(px, box, colour, share, cfg, left=True)


def _window(bar: _Bar) -> Box:
    """The outline of a bar's window: the bar and its sides' run below it."""
    (x0, y0, x1, y1), body, _ = bar
    return (x0, y0, x1, y1 + body)


def _shaded(
    px: np.ndarray, top: int, run: tuple[int, int], shade: np.ndarray, cfg: FrameConfig
) -> tuple[int, int]:
    """Of the columns ``run`` under an edge at row ``top``, the longest stretch whose first and last
    rows down a bar's height keep a bar's ``shade`` ((h, 3): its colour row by row), across breaks
    of up to a bar's height (an icon or a button reaching the bar's edge): the bar's ends, where the
    edge ran on along something else (a button's foot under the window beside it)."""
    high = len(shade)
    ends = px[[top, top + high - 1], run[0] : run[1]].astype(np.int16)  # (2, w, 3)
    ok = (_rgb_sum(np.abs(ends - shade[[0, -1], None])) <= cfg.same).all(axis=0)
    stretches = row_runs(ok, gap=high)
    if not stretches:
        return run[0], run[0]
    a, b = max(stretches, key=lambda r: r[1] - r[0])
    return run[0] + a, run[0] + b


def _across_sides(
    row: np.ndarray, runs: list[tuple[int, int]], colour: np.ndarray, cfg: FrameConfig
) -> list[tuple[int, int]]:
    """An edge's ``runs`` joined across gaps of a border's width at most where the ``row`` below
    the edge keeps ``colour`` (the bar's first row): a window under the bar whose side is of the
    bar's colour breaks the bar's top edge where it meets it."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        gap = row[out[-1][1] : a].astype(np.int16) if out else None
        if (
            gap is not None
            and a - out[-1][1] <= BORDER
            and (_rgb_sum(np.abs(gap - colour)) <= cfg.same).all()
        ):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _keep(
    px: np.ndarray,
    box: Box,
    body: int,
    cfg: FrameConfig,
    found: list[_Bar],
    grounds: dict[Box, tuple[np.ndarray, np.ndarray]],
    rows: list[tuple[Box, int]] | None,
) -> None:
    """Adds the band ``box`` to ``found`` (its ground to ``grounds``) when it is a title bar: a
    frame runs on ``body`` rows below it, and it is of one ground with a title on it. A band whose
    sides run on above it goes to ``rows`` instead (:func:`_sides_above`, :func:`_heads`), unless
    ``rows`` is None (the band looked at again: no row runs into it from above)."""
    if body < cfg.body * (box[3] - box[1]):
        return  # no frame runs on below it: a text field, a button, a table's header
    if rows is not None and _sides_above(px, box, cfg):
        rows.append((box, body))  # a row of a table or a list, or a key under another
        return
    share, colour = _ground(px, box, cfg)
    # Something written on it, not a plain stripe: in some row, pixels off its ground for half the
    # bar's height (a share of the width would miss a bar whose title is as dark as its ground,
    # an inactive bar of Nightmare's, with only its icon and buttons showing on 800 px).
    written = (1 - share.min()) * (box[2] - box[0]) >= (box[3] - box[1]) / 2
    if share.mean() >= cfg.ground and _clear_rows(px, box, share, colour, cfg) >= cfg.clear_rows and written:
        if _ruled(px, box, colour, cfg):
            return  # a table's header row: its column rules cross it from edge to edge
        rgb = np.median(colour.reshape(-1, 3), axis=0)
        found.append((box, body, (int(rgb[0]), int(rgb[1]), int(rgb[2]))))
        grounds[box] = colour, share


def _clear_rows(px: np.ndarray, box: Box, share: np.ndarray, colour: np.ndarray, cfg: FrameConfig) -> int:
    """How many rows of the band ``box`` are nearly all ground (:attr:`FrameConfig.clear`; ``share``:
    each row's share of it, ``colour``: the ground at each pixel, :func:`_ground`): of the whole
    band, or of its middle where it is wide, the icon at its left end and the buttons at its right
    end left out. Those fill the height of a small window's bar (icewm's win95: a 400-px window
    with a 16-px icon and three buttons beside its title had one clear row)."""
    clear = int((share >= cfg.clear).sum())
    x0, y0, x1, y1 = box
    a, b = (x - x0 for x in _between_icon_and_buttons(x0, x1, y1 - y0))
    if clear >= cfg.clear_rows or (a, b) == (0, x1 - x0):
        return clear
    band = px[y0:y1, x0 + a : x0 + b].astype(np.float32)
    on = _rgb_sum(np.abs(band - colour[:, a:b])) <= cfg.same  # (h, w')
    clear = max(clear, int((on.mean(axis=1) >= cfg.clear).sum()))
    # A title in a box of its own as high as the bar (metacity's mcblue: a blue pill on a grey
    # bar) leaves no row clear: the columns off the ground in nearly every row are that box, and
    # the rows are judged beside it, where it leaves most of the bar (letters never fill a column).
    boxed = on.mean(axis=0) < 1 - cfg.clear
    if clear >= cfg.clear_rows or 2 * boxed.sum() > len(boxed):
        return clear
    return int((on[:, ~boxed].mean(axis=1) >= cfg.clear).sum())


def _between_icon_and_buttons(x0: int, x1: int, high: int) -> tuple[int, int]:
    """Of a bar ``high`` tall across ``x0..x1``, the stretch between the icon at its left end and the
    buttons at its right end, where the bar is wide enough to hold both beside a title (else the
    whole bar): the title's, drawn on the bar's own ground."""
    if x1 - x0 > 6 * high:
        return x0 + high + high // 2, x1 - 4 * high
    return x0, x1


def _sides_above(px: np.ndarray, box: Box, cfg: FrameConfig) -> bool:
    """Whether the lines at both ends of the band ``box`` run on above its top for half its height
    or more, in the colour of the sides below it. A window's frame turns at its title bar's top (its
    border's corner: a pixel or a few above the bar); a table's cell, a striped row or a key in a
    column has the rules or edges of the cell or key above running on into its own sides. Without a
    desktop round it (a window's content grabbed alone, a crop) nothing else told such a row from a
    window: a striped table, a ruled grid and a settings list were read as stacks of windows."""
    x0, y0, x1, y1 = box
    faint = replace(cfg, edge=cfg.dim)  # a dark theme's sides (:func:`_bars`) stand apart by this
    if y0 < 1 or y1 + cfg.align >= px.shape[0]:
        return False
    for x in (x0 - 1, x1):
        if not 1 <= x < px.shape[1] - 1:
            return False
        first = px[y0 - 1, x].astype(np.int16)
        below = px[[y1, y1 + cfg.align], x].astype(np.int16)  # the side, under the bar's own border too
        if not (_rgb_sum(np.abs(below - first)) <= cfg.same).any():
            return False
        above = px[y0 - 1 :: -1, x - 1 : x + 2][: (y1 - y0) // 2].astype(np.int16)  # (n, 3, 3): upwards
        kept = _rgb_sum(np.abs(above[:, 1] - first)) <= cfg.same
        # A rule crossing the line (the cell above's own foot) leaves it its colour, not its edge.
        if len(above) < (y1 - y0) // 2 or not kept.all() or _shows(above, first, faint).mean() < 0.75:
            return False
    return True


def _heads(box: Box, rows: _Tops, cfg: FrameConfig) -> bool:
    """Whether the band ``box`` heads a column of like rows: two bands or more whose sides run on
    above them (``rows``, :func:`_sides_above`) follow it down one under the other, with its two
    ends, the first two of one height: a table's heading row or a keypad's top row, whose sides run
    on down as the column's. (Of any bands, a striped table's rows with no sides: three,
    :func:`_heading`.) Under a title bar come a menu bar and a toolbar, each of a height of its own."""
    return _column_foot(box, rows, cfg, 2) is not None


def _heading(bar: _Bar, bands: _Tops, cfg: FrameConfig) -> bool:
    """Whether the bar heads a column of three like bands and its sides end about with them: a
    table's border ends with its last row, a window's sides run on to its foot, far below a striped
    list that fills only its top (a Treeview with no heading right under the title bar)."""
    box, body, _ = bar
    foot = _column_foot(box, bands, cfg, 3)
    return foot is not None and box[3] + body <= foot + 2 * (box[3] - box[1])


def _row_above(box: Box, bands: list[Box], cfg: FrameConfig) -> bool:
    """Whether a band of ``box``'s ends and height ends at its top: the row above a table's row."""
    y0, y1 = box[1], box[3]
    return any(
        b != box
        and abs(b[3] - y0) <= cfg.align
        and _in_line(b, box, cfg)
        and abs((b[3] - b[1]) - (y1 - y0)) <= cfg.align
        for b in bands
    )


def _in_line(a: Box, b: Box, cfg: FrameConfig) -> bool:
    """Whether the bands ``a`` and ``b`` start and end together (within ``align``)."""
    return abs(a[0] - b[0]) <= cfg.align and abs(a[2] - b[2]) <= cfg.align


def _by_top(boxes: list[Box]) -> _Tops:
    """``boxes`` by their top row: :func:`_column_foot` looks for bands starting near one row, and
    a picture of text gives thousands of bands."""
    tops: _Tops = {}
    for box in boxes:
        tops.setdefault(box[1], []).append(box)
    return tops


def _column_foot(box: Box, rows: _Tops, cfg: FrameConfig, steps: int) -> int | None:
    """The foot of the column of like rows under ``box`` (``rows``: bands by their top row,
    :func:`_by_top`), ``steps`` or more of them, the first ``steps`` of one height (:func:`_heads`,
    :func:`_heading`), or None where there is no such column."""
    foot = box[3]
    heights = []  # one a step down: the edges round a row's border give it several bands
    while True:
        near = range(foot - cfg.align, foot + cfg.align + 1)
        below = [r for y in near for r in rows.get(y, ()) if _in_line(r, box, cfg)]
        if not below:
            break
        top, foot = min(r[1] for r in below), max(r[3] for r in below)
        heights.append(foot - top)
    like = len(heights) >= steps and max(heights[:steps]) - min(heights[:steps]) <= cfg.align
    return foot if like else None


def _ruled(px: np.ndarray, box: Box, colour: np.ndarray, cfg: FrameConfig) -> bool:
    """Whether rules cross the band from its top edge to its bottom edge inside its ends (two or
    more columns): a ruled table's header row (its column rules), never a title bar, whose title
    keeps clear of its edges. ``colour``: the band's ground at each pixel, (h, w, 3). A rule is thin
    (3 px at most) and alone: no other line crosses within a bar's height of it, and it parts one
    ground (a column rule between two heading cells of one colour). The window's icon and the
    button boxes of a thin bar (12 px under a 5-point title) fill its height too, but as boxes, each
    two sides close together, or as a block; a title in a box of its own (icewm's metal2 and
    Infadel2, Artwiz-boxed) has two sides far apart, each between the bar's ground and the box's.
    A line a bar's height or so in from an end is a square button's side, parting the button from
    the title (Window Maker's miniaturise and close buttons, each a box of the bar's own ground
    fenced off by one line), never a column's: a heading's columns are wider than it is high."""
    x0, y0, x1, y1 = box
    high = y1 - y0
    square = 3 * high // 2  # px from an end: a button's side stands within this
    band = px[y0:y1, x0:x1].astype(np.float32)  # (h, w, 3)
    off = _rgb_sum(np.abs(band - colour)) > cfg.edge  # (h, w)
    runs = [(a + 6, b + 6) for a, b in true_runs(off[1:-1].all(axis=0)[6:-6])]  # edges' rows left out

    def parts(a: int, b: int) -> bool:  # one ground on both sides: a rule, not a box's side
        left, right = (np.median(band[1:-1, u:v].reshape(-1, 3), axis=0) for u, v in ((a - 3, a), (b, b + 3)))
        return bool(np.abs(left - right).sum() <= cfg.edge)

    rules = [
        b - a
        for a, b in runs
        if b - a <= 3
        and square < a
        and b < x1 - x0 - square
        and not any(c < b + high and a - high < d and (c, d) != (a, b) for c, d in runs)
        and parts(a, b)
    ]
    return sum(rules) >= 2


def _buttons(
    px: np.ndarray,
    box: Box,
    colour: np.ndarray,
    share: np.ndarray,
    cfg: FrameConfig,
    step: int | None = None,
    *,
    left: bool = False,
) -> bool:
    """Whether the bar has marks at its right end (the close, maximise and minimise buttons most
    window managers draw there): a text field, a list's highlighted row or a table's cell has
    its text at the left or the middle, and nothing at its right end. With ``left``: marks at its
    left end instead, a row of buttons with the title clear of them, half a bar's height at least
    (a text's first word runs on a word's space from its first letter). ``colour``: the bar's ground
    at each pixel, (h, w, 3), and ``share``: each row's share of it (:func:`_ground`). This, not a
    bar's colour, rules out a table's heading cell inside a window: a program that draws its own
    title bar, or a theme's colours per program, give an inactive bar a colour of its own. ``step``:
    how far from the ground a mark stands (sum over R, G, B; twice :attr:`FrameConfig.edge` unless given)."""
    x0, y0, x1, y1 = box
    high = y1 - y0
    rows = np.arange(high // 4, high - high // 4)  # the buttons' middle rows...
    known = rows[share[rows] >= 0.5]  # ...whose ground is known: not a row the letters fill, where
    rows = known if len(known) else rows  # the fit fails (a table heading cell's bold word)
    # (h', w, 3); clear of the last 4 px: a text field's border (2 px with a focus ring) is no button
    start = max(x0, x1 - high - high // 2)
    step = 2 * cfg.edge if step is None else step

    def marks(a: int, b: int) -> np.ndarray:  # (b - a,): columns of a..b off the ground in those rows
        part = px[y0:y1, a:b].astype(np.float32)[rows]
        return np.asarray((_rgb_sum(np.abs(part - colour[rows, a - x0 : b - x0])) > step).any(axis=0))

    if not left:
        return bool(marks(start, x1 - 4).any())
    # Marks within a button's width of the left end, spaced a bar's height apart at most, then
    # clear ground half a bar's height at least: a row of two buttons or more, each an eighth
    # of the bar's height wide at least (an icon before a list row's text is one). Not at the
    # picture's edge: a list's row there, in a window's content grabbed alone, holds a word so.
    # And a title after the clear ground: a page's one line of text between two blocks (a picture
    # with no window's bar in it, where this is asked) has its words first and nothing after them.
    if x0 <= cfg.align:
        return False
    ink = marks(x0 + 4, min(x1 - 4, x0 + 4 + 4 * high))
    group = row_runs(ink, gap=high)
    if not group or group[0][0] >= high or group[0][1] + high // 2 > len(ink):
        return False
    a, b = group[0]
    if sum(v - u >= max(3, high // 8) for u, v in row_runs(ink[a:b], gap=1)) < 2:
        return False
    after = x0 + 4 + b + high // 2
    return after < x1 - 4 and bool(marks(after, x1 - 4).any())


def _starts_at(px: np.ndarray, x: int, top: int, y: int, cfg: FrameConfig) -> bool:
    """Whether column ``x`` is not at ``top - 2`` (just above a bar's top) of its colour at ``y``
    (below the bar): a line that starts at the bar, as a frame's side does, not one running on."""
    if not 0 <= x < px.shape[1] or top < 2 or y >= px.shape[0]:
        return False
    return bool(np.abs(px[top - 2, x].astype(np.int16) - px[y, x].astype(np.int16)).sum() > cfg.same)


def _off_picture(bar: _Bar, px: np.ndarray, cfg: FrameConfig) -> bool:
    """Whether ``bar`` runs on past the picture's right edge from a left end in view, over a body
    twice its height at least: a window partly off the screen (or a crop through it), its buttons
    out of the picture. (A band across the whole picture is no such bar: a page's own header; nor
    a band with hardly anything under it: a panel's row of task buttons along the screen's foot.)"""
    (x0, y0, x1, y1), body, _ = bar
    return x1 >= px.shape[1] - 1 and x0 > cfg.align and body >= 2 * (y1 - y0)


def _cut_by(bar: _Bar, others: list[_Bar], cfg: FrameConfig) -> bool | None:
    """None when ``bar``'s right end is not hidden under another window (found with its buttons);
    else whether it is a bar hidden there: as high as that window's (one window manager draws every
    title bar alike). Its right end meets that window's left side, beside that window's frame, so
    the marks at its end are not its buttons: a button cut by the same side in the window under it
    is no bar (half A multi-tk-form-qtbox's "Refresh", 30 pixels high beside bars of 20)."""
    (_, y0, x1, y1), _, _ = bar
    meets = [
        by1 - by0 for (bx0, by0, _, by1), body, _ in others if abs(x1 - bx0) <= 3 and by0 <= y0 <= by1 + body
    ]
    return any(abs((y1 - y0) - high) <= cfg.align // 2 for high in meets) if meets else None


def _distinct(found: list[_Bar]) -> list[_Bar]:
    """One bar per window: of bars that overlap (the edges inside a bar's border give several),
    the one with the longest sides, then the widest, then the tallest. (Widest before tallest: a
    band from the bar's top down to the edge of a window's own first border is as wide as the
    border's inside and taller than the bar: 25 pixels against 21 for xmessage's "Reminder" bar,
    which then looked like a panel inside the window under it, half A multi-xmessage-over-notes.)"""
    kept: list[_Bar] = []
    order = sorted(found, key=lambda f: (-f[1], -(f[0][2] - f[0][0]), -(f[0][3] - f[0][1])))
    for item in order:
        if any(overlaps(item[0], k[0]) for k in kept):
            continue
        # Of bands with those sides and a width a pixel or two apart, the tallest: the bar from its
        # border's top line, where a bevel's lines under it run a pixel further (metacity's Redmond).
        peers = [
            o
            for o in order
            if o[1] == item[1]
            and abs((o[0][2] - o[0][0]) - (item[0][2] - item[0][0])) <= 2
            and overlaps(o[0], item[0])
        ]
        kept.append(max(peers, key=lambda f: f[0][3] - f[0][1]))
    return kept


def _frame_edges(px: np.ndarray, box: Box, region: Box, cfg: FrameConfig) -> tuple[int, int]:
    """Of ``box``'s outline (its four sides, one pixel wide) inside ``region``: how many pixels,
    and how many stand as an edge (apart from the pixel beside them across the line, inside or
    outside: :attr:`FrameConfig.edge`)."""
    x0, y0, x1, y1 = box
    rx0, ry0, rx1, ry1 = region
    height, width = px.shape[:2]
    xs, ys = slice(max(x0, rx0), min(x1, rx1)), slice(max(y0, ry0), min(y1, ry1))
    total = shown = 0
    lines = [(px[y - 1 : y + 2, xs], 0) for y in (y0, y1 - 1) if ry0 <= y < ry1 and 1 <= y < height - 1]
    lines += [(px[ys, x - 1 : x + 2], 1) for x in (x0, x1 - 1) if rx0 <= x < rx1 and 1 <= x < width - 1]
    for three, axis in lines:  # (3, n, 3) across a foot or a top, (n, 3, 3) across a side
        three = np.moveaxis(three.astype(np.int16), axis, 0)  # (3, n, 3): before, the line, after
        apart = _rgb_sum(np.abs(np.diff(three, axis=0))) > cfg.edge  # (2, n)
        total += three.shape[1]
        shown += int(apart.any(axis=0).sum())
    return total, shown


def _lies_on(px: np.ndarray, a: Frame, b: Frame, cfg: FrameConfig) -> bool | None:
    """Whether ``a`` lies on ``b`` (None: their outlines do not overlap): where they overlap, more
    of ``a``'s outline stands as an edge than of ``b``'s. The window on top cuts what lies under it
    along its outline; the outline of the window under it is hidden there, and goes on only where it
    happens to be of the colour of what covers it (a Tk dialog's grey border under a Qt dialog's bar
    of that very grey, which the frame's colour alone took for the window on top)."""
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = a.box, b.box
    region = (max(ax0, bx0), max(ay0, by0), min(ax1, bx1), min(ay1, by1))
    if region[0] >= region[2] or region[1] >= region[3]:
        return None
    shares = []
    for f in (a, b):
        total, shown = _frame_edges(px, f.box, region, cfg)
        shares.append(shown / total if total else 0.0)
    return shares[0] > shares[1]


def _active(colours: list[tuple[int, int, int]], cfg: FrameConfig) -> int | None:
    """The one bar whose colour stands apart: of three or more, the one far from all the others
    (which agree); of two, the one far more colourful or darker (an inactive bar is washed out, light
    grey, in Clearlooks, Bear2, Natura and Onyx alike); None when that is not clear."""
    if len(colours) < 2:
        return 0 if colours else None
    c = np.array(colours, dtype=np.int32)  # (n, 3)
    if len(c) == 2:
        salience = (c.max(axis=1) - c.min(axis=1)) + (255 - c.mean(axis=1)) / 2
        return int(np.argmax(salience)) if abs(salience[0] - salience[1]) > cfg.active_gap else None
    odd = [i for i, apart in enumerate(_apart(colours, cfg)) if apart]
    if len(odd) == 1:
        return odd[0]
    # The inactive bars painted alike to a few levels, the active one apart from them by less than
    # the gap, but by more than they differ among themselves twice over (icewm's icedesert: a beige
    # bar beside grey ones, 31 apart).
    for i in range(len(c)):
        rest = np.delete(c, i, axis=0)
        spread = _rgb_sum(np.abs(rest[:, None] - rest[None, :])).max()
        if spread <= cfg.same and _rgb_sum(np.abs(rest - c[i])).min() > 2 * cfg.same:
            return i
    return None


def _title_stretch(px: np.ndarray, bar: Box, others: list[Box]) -> tuple[Box, np.ndarray]:
    """Of ``bar``, the stretch between the icon and the buttons (:func:`_between_icon_and_buttons`;
    a frame's box may lie a pixel past the picture's edge), and which of its columns are in view:
    not under a window lying on the bar (``others``)."""
    x0, y0, x1, y1 = max(0, bar[0]), bar[1], min(px.shape[1], bar[2]), bar[3]
    x0, x1 = _between_icon_and_buttons(x0, x1, y1 - y0)
    shown = np.ones(max(0, x1 - x0), dtype=bool)  # (w,)
    for ox0, oy0, ox1, oy1 in others:
        if oy0 < y1 and y0 < oy1:
            shown[max(0, ox0 - x0) : max(0, ox1 - x0)] = False
    return (x0, y0, x1, y1), shown


def _colourfulness(px: np.ndarray, bar: Box, others: list[Box], cfg: FrameConfig) -> float:
    """How colourful the most colourful part of ``bar`` is: the chroma (max - min of R, G, B) that
    :attr:`FrameConfig.colourful_share` of its pixels between the icon and the buttons reach, any
    part under a window lying on it (``others``) left out."""
    (x0, y0, x1, y1), shown = _title_stretch(px, bar, others)
    rgb = px[y0:y1, x0:x1][:, shown]  # (h, w', 3)
    if not rgb.size:
        return 0.0
    chroma = rgb.max(axis=2).astype(np.int16) - rgb.min(axis=2)
    return float(np.percentile(chroma, 100 * (1 - cfg.colourful_share)))


def _colourful(px: np.ndarray, bars: list[Box], over: list[list[Box]], cfg: FrameConfig) -> int | None:
    """The one bar that holds colour where every other bar is grey or far paler: a window manager
    paints the active bar, or a tab behind its title, in the theme's accent colour and greys the
    inactive ones (sawfish's Crux and microGUI: a blue tab on a grey bar, which the bar's ground
    colour, :func:`_active`, does not see; Window Maker's Fire: a red-to-yellow active bar beside a
    grey one, which :func:`_active` took for the paler and so inactive one). ``over``: for each bar,
    the windows lying on it. None when no bar stands out so (both grey, or both coloured alike)."""
    if len(bars) < 2:
        return None
    colour = [_colourfulness(px, bar, o, cfg) for bar, o in zip(bars, over, strict=True)]
    best = int(np.argmax(colour))
    rest = [c for i, c in enumerate(colour) if i != best]
    return best if colour[best] - max(rest) > cfg.colourful_gap else None


def _title_contrast(px: np.ndarray, bar: Box, others: list[Box], cfg: FrameConfig) -> float:
    """How far the title's letters stand from the bar's ground (sum over R, G, B; the strongest
    tenth of the pixels off the ground, so that a letter's soft edges do not count), the icon at the
    left end, the buttons at the right end and any part under a window lying on it (``others``) left out."""
    (x0, y0, x1, y1), shown = _title_stretch(px, bar, others)
    _, colour = _ground(px, (x0, y0, x1, y1), cfg)
    off = _rgb_sum(np.abs(px[y0:y1, x0:x1].astype(np.float32) - colour))  # (h, w)
    ink = off[:, shown][off[:, shown] > cfg.edge]
    return float(np.percentile(ink, 90)) if len(ink) >= y1 - y0 else 0.0


def _brightest_title(contrasts: list[float], cfg: FrameConfig) -> int | None:
    """The bar whose title stands far further from its ground than every other bar's: a window
    manager draws an inactive window's title greyed (nearer its bar's colour) where the bars
    themselves differ too little in colour to tell (openbox's Mikachu, jwm's sand, fluxbox's
    styles); None when no title stands out so."""
    best = int(np.argmax(contrasts))
    rest = [c for i, c in enumerate(contrasts) if i != best]
    return best if contrasts[best] - max(rest) > cfg.active_gap else None


def _apart(colours: list[tuple[int, int, int]], cfg: FrameConfig) -> list[bool]:
    """For each bar's colour: whether it is far from every other (:attr:`FrameConfig.active_gap`),
    as only the active bar is where a window manager paints the inactive ones alike."""
    c = np.array(colours, dtype=np.int32)  # (n, 3)
    far = _rgb_sum(np.abs(c[:, None] - c[None, :])) > cfg.active_gap  # (n, n)
    return [bool(far[i].sum() == len(c) - 1) for i in range(len(c))]


def find_frames(image: Image.Image, cfg: FrameConfig | None = None) -> list[Frame]:
    """The windows in ``image`` with title bars, topmost first: a window on another comes before it;
    of windows that lie on none of the others left, the active one first, then top to bottom."""
    cfg = cfg or FrameConfig()
    px = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))  # (H, W, 3) uint8 (a copy)
    frames = [
        Frame(
            (x0 - 1, y0, min(px.shape[1], x1 + 1), min(px.shape[0], y1 + body)),
            (x0 - 1, y0, x1 + 1, y1),
            colour,
        )
        for (x0, y0, x1, y1), body, colour in _bars(px, cfg)
    ]
    frames = [_own_foot(px, f, frames, cfg) for f in frames]
    frames = [_widened(px, f, frames, cfg) for f in frames]
    frames = [_outlined(px, f, frames, cfg) for f in frames]
    frames = [_footed(f, frames, cfg) for f in frames]
    frames = [f for f in frames if not any(_foreign(f, g, frames, cfg) for g in frames if g is not f)]
    n = len(frames)
    on = [[i != j and bool(_lies_on(px, frames[i], frames[j], cfg)) for j in range(n)] for i in range(n)]
    # Only bars mostly in view vote: the end of a bar that another window hides for the most part
    # is mostly its buttons and border, whose colour is not its bar's (icewm's cascades).
    whole = [i for i, f in enumerate(frames) if 2 * (f.bar[2] - f.bar[0]) >= f.box[2] - f.box[0]]
    over = [[frames[j].box for j in range(n) if on[j][i]] for i in whole]
    vote = _colourful(px, [frames[i].bar for i in whole], over, cfg)
    if vote is None:
        vote = _active([frames[i].colour for i in whole], cfg)
    if vote is None and len(whole) >= 2:
        vote = _brightest_title(
            [_title_contrast(px, frames[i].bar, o, cfg) for i, o in zip(whole, over, strict=True)], cfg
        )
    active = whole[vote] if vote is not None else None
    frames = [replace(f, active=i == active) for i, f in enumerate(frames)]
    order = _stacked(frames, on)  # stacked by their inner lines
    outer = [_bordered(px, f, cfg) for f in frames]
    sunk = [_sunk(f, outer, cfg) for f in outer]
    if not any(j is not None for j in sunk):
        return [outer[i] for i in order]
    for i, j in enumerate(sunk):  # a window whose foot another hides lies under it, and ends at its top
        if j is not None:
            on[j][i], on[i][j] = True, False
            outer[i] = replace(outer[i], box=(*outer[i].box[:3], outer[j].box[1]))
    return [outer[i] for i in _stacked(frames, on)]


def _own_foot(px: np.ndarray, frame: Frame, frames: list[Frame], cfg: FrameConfig) -> Frame:
    """``frame`` ending where its own side ends, where its other side is another window's: a window
    lying over this one's edge with its own side on this one's (its left side where this one's right
    side was) runs that line on down to its own foot (half A multi-nano-page-side-classic: a page
    over a terminal's right edge took the terminal's foot 76 px down, to the page's)."""
    x0, y0, x1, y1 = frame.box
    for other in frames:
        ox0, oy0, ox1, oy1 = other.box
        if other is frame or not oy0 <= frame.bar[3] < oy1 or oy1 < y1 - cfg.align:
            continue
        if abs(ox0 - x1) <= cfg.align:  # its left side on this one's right: this one's left is its own
            own = _side(px, x0, frame.bar[3], cfg)
        elif abs(ox1 - x0) <= cfg.align:
            own = _side(px, x1 - 1, frame.bar[3], cfg)
        else:
            continue
        foot = frame.bar[3] + own
        if cfg.body * (frame.bar[3] - frame.bar[1]) <= own and foot < y1 - cfg.align:
            return replace(frame, box=(x0, y0, x1, foot))
    return frame


def _widened(px: np.ndarray, frame: Frame, frames: list[Frame], cfg: FrameConfig) -> Frame:
    """``frame`` out to its side where another window lies over an end of its bar and ends above
    its foot: below that window the side shows again, in the colour of the frame's other side,
    running on down to the frame's foot. Right: half A multi-xclock-over-tk, a clock over the top
    right corner of "Shift Rota", whose frame had ended where the clock began; left: half A
    multi-less-tk-zenity-dark, a dialog over the left of "Seed Library"'s bar, whose frame had
    begun where the dialog ended."""
    x0, y0, x1, y1 = frame.box
    width = px.shape[1]
    for other in frames:
        ox0, oy0, ox1, oy1 = other.box
        if other is frame or not oy0 <= frame.bar[1] < oy1 or oy1 + 1 >= y1:
            continue
        # (the bar in view may end at the other window's side or inside its border, whose outer
        # lines a bar's edges run on into: icewm's bevels)
        right = -cfg.align <= x1 - ox0 <= BORDER and ox1 > x1
        if not right and not (-cfg.align <= ox1 - x0 <= BORDER and ox0 < x0):
            continue
        # just below the window over it, or below its border (found later: its box ends at its
        # inner lines here)
        for row in range(oy1 + 1, min(oy1 + 2 + BORDER, y1 - cfg.align)):
            colour = px[row, max(0, x0) if right else min(x1, width) - 1].astype(np.int16)  # the other side
            sides = [
                x
                for x in range(max(1, ox0), min(ox1, width - 1))
                if np.abs(px[row, x].astype(np.int16) - colour).sum() <= cfg.same
                and row + _side(px, x, row, cfg) >= y1 - cfg.align
            ]
            if sides:
                return replace(frame, box=(x0, y0, sides[-1] + 1, y1) if right else (sides[0], y0, x1, y1))
    return frame


def _outlined(px: np.ndarray, frame: Frame, frames: list[Frame], cfg: FrameConfig) -> Frame:
    """``frame`` out to the ends of an edge just over its bar (a border's width at most) that runs
    on past the bar's ends, with a side running down from each of its ends to about the frame's
    foot: the window's outline, where only a piece of its bar was found (a bar shaded in many steps,
    its title in a box of its own that breaks every edge inside it: icewm's Infadel2, where the
    piece right of the title box was taken for the window, 440 px short). An edge that runs on
    over another window's bar is the tops of two windows side by side, level, not one outline."""
    x0, y0, x1, y1 = frame.box
    height = y1 - y0
    grey = np.asarray(Image.fromarray(px[max(0, y0 - BORDER - 1) : y0 + 1]).convert("L"), dtype=np.int16)
    steps = np.abs(np.diff(grey, axis=0)) > cfg.edge // 3  # (k, W): steps[i] lies above row y0 - k + 1 + i
    for i in range(len(steps) - 1, -1, -1):  # from the bar's top upwards
        y = y0 - (len(steps) - 1 - i)
        for a, b in true_runs(steps[i]):
            # (past one end by more than a border's width: a border drawn round the bar is no outline)
            if not (a <= x0 + cfg.align and x1 - cfg.align <= b and (a < x0 - BORDER or b > x1 + BORDER)):
                continue
            if any(
                g is not frame and g.bar[0] < b and a < g.bar[2] and abs(g.bar[1] - y) <= BORDER + cfg.align
                for g in frames
            ):
                continue  # the tops of windows side by side
            if min(_side(px, a, y + 1, cfg), _side(px, b - 1, y + 1, cfg)) >= y1 - y - 2 * BORDER:
                bar = (a, y, b, frame.bar[3])
                return replace(frame, box=(a, y, b, max(y1, y + height)), bar=bar)
    return frame


def _bordered(px: np.ndarray, frame: Frame, cfg: FrameConfig) -> Frame:
    """``frame`` out to its border's outer edge on each side. The bar's ends and foot and the sides
    found are where the frame's inner lines are; a window manager may draw a border of several
    lines round them (jwm's 4 px and an outline, icewm's bevels of 3-6 px: openbox's is one line,
    the side itself). A line further out belongs to the border while it is of one colour all along
    the side, up to the last step beyond which the ground runs on unchanged for a few lines (the
    desktop). Where something else lies beside the side, or the picture ends, the frame stays; and
    a width found on one side alone (a panel just above a window at the screen's top edge) is not
    the border's, which a window manager draws about alike on its sides and foot."""
    x0, y0, x1, y1 = frame.box
    height, width = px.shape[:2]
    rows, cols = np.arange(y0, y1, 2), np.arange(x0, x1, 2)
    # lines: no window manager's border is wider (icewm's thickest themes draw 11); 8 at least are
    # looked at beyond the frame's lines (with 4 more for what lies beyond), nearer the picture's edge
    reach, least = 12, 8
    every = [
        [px[rows, x] for x in range(x0, x0 - reach - 4, -1) if x >= 0],
        [px[rows, x] for x in range(x1 - 1, x1 + reach + 3) if x < width],
        [px[y, cols] for y in range(y0, y0 - reach - 4, -1) if y >= 0],
        [px[y, cols] for y in range(y1 - 1, y1 + reach + 3) if y < height],
    ]
    sides_lines = [np.asarray(lines, dtype=np.int16) if len(lines) >= least + 4 else None for lines in every]
    out = [_border_width(lines, cfg) if lines is not None else 0 for lines in sides_lines]
    sides = sorted(w for w in (out[0], out[1], out[3]) if w)
    if len(sides) < 2:
        return frame
    border = sides[len(sides) // 2]
    left, right, foot = (w if abs(w - border) <= 2 else 0 for w in (out[0], out[1], out[3]))
    # A side whose border was not told (a window lying beside it, the desktop a line wide under a
    # foot just over a panel) is drawn as the others: its border then ends in a line of the colour of
    # another side's outermost line, a step from what lies beyond (xfwm4's and icewm's bevels).
    outer = [
        np.median(lines[w], axis=0)
        for lines, w in ((sides_lines[0], left), (sides_lines[1], right), (sides_lines[3], foot))
        if w and lines is not None
    ]
    left, right, foot = (
        w or _border_like(sides_lines[i], outer, border, cfg) for i, w in ((0, left), (1, right), (3, foot))
    )
    bar_rows = np.arange(frame.bar[1], frame.bar[3])
    for i, w in ((0, left), (1, right)):  # a window over the side below the bar: along the bar
        along = [line[(rows >= frame.bar[1]) & (rows < frame.bar[3])] for line in every[i]]
        if not w and len(along) >= least + 4 and len(bar_rows) >= 2:
            w = _border_width(np.asarray(along, dtype=np.int16), cfg)
            left, right = (w, right) if i == 0 else (left, w)
    left, right = (w if abs(w - border) <= 2 else 0 for w in (left, right))
    top = out[2] if out[2] <= border + 2 else 0  # often thinner: the bar's own edge is the frame's
    return replace(frame, box=(x0 - left, y0 - top, x1 + right, y1 + foot), inner=frame.box)


def _border_like(lines: np.ndarray | None, outer: list[np.ndarray], border: int, cfg: FrameConfig) -> int:
    """How many of ``lines`` (as for :func:`_border_width`) past the first are a border about
    ``border`` wide (2 lines either way) whose last line is of one of the colours ``outer`` (the
    other sides' outermost lines) and a step from the line beyond it; 0 where none is."""
    if lines is None or not outer:
        return 0
    med = np.median(lines, axis=1)  # (k, 3)
    ground = (_rgb_sum(np.abs(lines - med[:, None])) <= cfg.same).mean(axis=1)  # (k,)
    for w in sorted(range(max(1, border - 2), border + 3), key=lambda w: abs(w - border)):
        if w + 1 >= len(lines) or not (ground[1 : w + 1] >= 0.6).all():
            continue
        if np.abs(med[w + 1] - med[w]).sum() <= cfg.edge:
            continue
        if any(np.abs(med[w] - o).sum() <= cfg.same for o in outer):
            return w
    return 0


def _border_width(lines: np.ndarray, cfg: FrameConfig) -> int:
    """How many of ``lines`` ((k, n, 3): the frame's outermost line found, then the lines further
    out) past the first are the border's: each of one colour along the side where it shows, the
    last one a step from the ground that runs on unchanged for 3 lines beyond it (along half the
    side at least)."""
    med = np.median(lines, axis=1)  # (k, 3)
    ground = (_rgb_sum(np.abs(lines - med[:, None])) <= cfg.same).mean(axis=1)  # (k,)
    one = ground >= 0.6  # a window over a part of the side hides it there
    best = 0
    for k in range(1, len(lines) - 3):
        if not one[k - 1]:
            break
        beyond = med[k : k + 3]
        if (
            (ground[k : k + 3] >= 0.5).all()  # the desktop beside a part of the side at least
            and _rgb_sum(np.abs(beyond - beyond[0])).max() <= cfg.same
            and np.abs(med[k - 1] - med[k]).sum() > cfg.edge
        ):
            best = k - 1
    return best


def _footed(frame: Frame, frames: list[Frame], cfg: FrameConfig) -> Frame:
    """``frame`` ending where another window's title bar begins below its own, at one of its sides
    (that bar's end under the side, a pixel off at most): from there down the side that ran on is
    the other window's, whose bar lies over this one (windows tiled or cascaded with their edges in
    line: half A multi-four-tiled's "Kitchen" ran down "Garage"'s side and took it in). A bar ending
    a few pixels beside the side is a window lying across it, whose side is not this one's (half A
    multi-less-tk-zenity-dark: a dialog's bar ending 3 px right of a terminal's side cut the
    terminal short at the dialog's top, although its side showed again below the dialog). Only a bar
    drawn alike (:func:`_alike`) is another window's: a list's highlighted row reaching the side of
    the window it is in ends no frame (it is dropped as a band inside it, :func:`_foreign`)."""
    x0, _, x1, y1 = frame.box
    below = [
        g.bar[1]
        for g in frames
        if frame.bar[3] < g.bar[1] < y1
        and min(abs(g.bar[0] - x0), abs(g.bar[2] - x1)) <= 1
        and _alike(g, frame, cfg)
    ]
    return replace(frame, box=(x0, frame.box[1], x1, min(below))) if below else frame


def _sunk(frame: Frame, frames: list[Frame], cfg: FrameConfig) -> int | None:
    """Of ``frames`` (their outlines, borders and all), the one whose top ``frame``'s foot lies a
    few pixels below (its border's width at most), as wide as ``frame`` or wider at both ends: it
    lies over ``frame``'s foot, which it hides, ``frame``'s sides having been followed on into its
    border's lines (fvwm: a window cascaded over the lower part of another as wide). None where
    there is none: windows tiled one over the other touch, and do not overlap."""
    x0, _, x1, y1 = frame.box
    for j, g in enumerate(frames):
        gx0, gy0, gx1, _ = g.box
        if g is frame or not 0 < y1 - gy0 <= BORDER or gy0 <= frame.bar[3]:
            continue
        if gx0 <= x0 + cfg.align and x1 - cfg.align <= gx1:
            return j
    return None


def _alike(a: Frame, b: Frame, cfg: FrameConfig) -> bool:
    """Whether two bars are as high as each other (one window manager draws every title bar alike)."""
    return abs((a.bar[3] - a.bar[1]) - (b.bar[3] - b.bar[1])) <= cfg.align // 2


def _foreign(inner: Frame, outer: Frame, frames: list[Frame], cfg: FrameConfig) -> bool:
    """Whether ``inner`` lies inside ``outer`` with a bar of another height: a table's header or a
    panel inside a window, not a window (one window manager draws every title bar alike). Its bar
    alone inside is enough where its frame runs on below ``outer``'s foot: a band inside a window
    whose sides below are another window's (a dialog's right side under the end of a row of buttons
    in the window it lies beside: half A multi-xfwm-default-four), where the band's ends meet the
    sides of other windows (``frames``): a piece of ``outer`` left in view between windows."""
    if _alike(inner, outer, cfg):
        return False
    if inside(inner.box, outer.box):
        return True
    if not inside(inner.bar, outer.box, cfg.align) or inner.box[3] <= outer.box[3] + cfg.align:
        return False
    x0, _, x1, _ = inner.bar
    return any(
        g is not inner and g is not outer and (abs(g.box[2] - x0) <= BORDER or abs(g.box[0] - x1) <= BORDER)
        for g in frames
    )


def _stacked(frames: list[Frame], on: list[list[bool]]) -> list[int]:
    """The indices of ``frames``, topmost first: ``on[i][j]``, frame i lies on frame j (:func:`_lies_on`)."""
    n = len(frames)
    order: list[int] = []
    left = set(range(n))
    while left:
        free = [i for i in left if not any(on[j][i] for j in left if j != i)]
        pick = min(free or left, key=lambda i: (not frames[i].active, frames[i].box[1], frames[i].box[0]))
        order.append(pick)
        left.remove(pick)
    return order
