"""Windows and panes in a picture of a screen, and which lies on top: found from the pixels alone.

For pictures without window information (a file, the clipboard, a remote screen), text from
overlapping windows must not be read as one page. Windows whose window manager drew title bars
are found by them (:mod:`assistant.ocr.frames`: outline, stacking, the title's band) and are the
panes. Without title bars (a kiosk, a full-screen program, a bare picture of panels), a window's
content sits on a flat background;
cells of the picture that are flat and of one colour, joined with their like neighbours, give the
panes (a window's text area, a dialog, the desktop). Where two panes' outlines overlap, the one
that shows there lies on top. Lines of text are then read pane by pane, the topmost first (on a
live screen the window stack says the same, exactly; see assistant.capture).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from assistant.ocr.boxes import Box, OcrLine, overlaps, union_box
from assistant.ocr.frames import Frame, find_frames


@dataclass(frozen=True)
class PanelConfig:
    cell: int = 8  # pixels; a cell is flat when no channel varies by more than ``flat``
    flat: int = 24
    same_colour: int = 12  # neighbouring flat cells this close in colour (sum over channels) join
    min_cells: int = 150  # a pane smaller than this (a text field, a button) is part of what holds it


@dataclass
class Panel:
    box: Box  # outline in image pixels
    mask: np.ndarray  # (rows, cols) bool over the cell grid: where this pane shows
    cell: int
    bar: Box | None = None  # a window's title bar (image pixels), when the pane is a window found by it

    @property
    def cells(self) -> int:
        return int(self.mask.sum())


def _flat_cells(image: Image.Image, cfg: PanelConfig) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols) flat flags (from the grey levels) and (rows, cols, 3) colours (each cell's
    middle pixel) of the cell grid."""
    c = cfg.cell
    gray = np.asarray(image.convert("L"))
    rows, cols = gray.shape[0] // c, gray.shape[1] // c
    cells = gray[: rows * c, : cols * c].reshape(rows, c, cols, c)
    spread = cells.max(axis=3).max(axis=1).astype(np.int16) - cells.min(axis=3).min(axis=1)
    rgb = np.asarray(image.convert("RGB"))[c // 2 : rows * c : c, c // 2 : cols * c : c]
    return spread <= cfg.flat, rgb.astype(np.int16)


def _components(flat: np.ndarray, colour: np.ndarray, cfg: PanelConfig) -> list[np.ndarray]:
    """Masks of the connected runs of flat cells of one colour (4-neighbours): each cell takes the
    smallest label among the cells it joins, and labels jump to their label's label, until stable."""
    rows, cols = flat.shape
    near = np.abs(np.diff(colour, axis=1)).sum(axis=-1) <= cfg.same_colour
    right = flat[:, :-1] & flat[:, 1:] & near  # (rows, cols - 1): cell joins its right neighbour
    near = np.abs(np.diff(colour, axis=0)).sum(axis=-1) <= cfg.same_colour
    down = flat[:-1, :] & flat[1:, :] & near  # (rows - 1, cols)
    labels = np.arange(rows * cols).reshape(rows, cols)
    while True:
        new = labels.copy()
        np.minimum(new[:, :-1], np.where(right, labels[:, 1:], new[:, :-1]), out=new[:, :-1])
        np.minimum(new[:, 1:], np.where(right, labels[:, :-1], new[:, 1:]), out=new[:, 1:])
        np.minimum(new[:-1, :], np.where(down, labels[1:, :], new[:-1, :]), out=new[:-1, :])
        np.minimum(new[1:, :], np.where(down, labels[:-1, :], new[1:, :]), out=new[1:, :])
        new = new.ravel()[new]  # pointer jumping: a label's own label is no larger
        if np.array_equal(new, labels):
            break
        labels = new
    ids, counts = np.unique(labels[flat], return_counts=True)
    return [labels == i for i, n in zip(ids, counts, strict=True) if n >= cfg.min_cells]


def _outline(mask: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(mask)
    return int(ys.min()), int(xs.min()), int(ys.max()) + 1, int(xs.max()) + 1


def _above(a: np.ndarray, b: np.ndarray) -> bool:
    """``a`` lies on ``b``: where their outlines overlap, ``a`` shows more than ``b`` does."""
    ay0, ax0, ay1, ax1 = _outline(a)
    by0, bx0, by1, bx1 = _outline(b)
    y0, x0, y1, x1 = max(ay0, by0), max(ax0, bx0), min(ay1, by1), min(ax1, bx1)
    if y0 >= y1 or x0 >= x1:
        return False
    return int(a[y0:y1, x0:x1].sum()) > int(b[y0:y1, x0:x1].sum())


def _with_title_bars(masks: list[np.ndarray], cfg: PanelConfig) -> list[np.ndarray]:
    """A low, wide pane (a title bar, a toolbar) joined to the pane just below it: one window."""
    bar_rows = 48 // cfg.cell
    out = list(masks)
    for bar in sorted(masks, key=lambda m: _outline(m)[0]):
        y0, x0, y1, x1 = _outline(bar)
        if y1 - y0 > bar_rows or not any(m is bar for m in out):  # too tall, or already joined
            continue
        for other in out:
            oy0, ox0, _, ox1 = _outline(other)
            if other is bar or not 0 <= oy0 - y1 <= 3:
                continue
            if min(x1, ox1) - max(x0, ox0) >= 0.8 * min(x1 - x0, ox1 - ox0):
                out = [m for m in out if m is not bar and m is not other] + [bar | other]
                break
    return out


def _area(mask: np.ndarray) -> int:
    y0, x0, y1, x1 = _outline(mask)
    return (y1 - y0) * (x1 - x0)


def _inside(a: np.ndarray, b: np.ndarray) -> bool:
    ay0, ax0, ay1, ax1 = _outline(a)
    by0, bx0, by1, bx1 = _outline(b)
    return by0 <= ay0 and bx0 <= ax0 and ay1 <= by1 and ax1 <= bx1


def _windows(masks: list[np.ndarray], grid: tuple[int, int]) -> list[np.ndarray]:
    """The panes as windows: each pane inside another's outline (a text field, a table's striped
    rows, a pane of the same window) joined to the smallest that holds it; the desktop (a pane
    whose outline is the whole picture) kept as it is."""
    full = (0, 0, grid[0], grid[1])
    desktop = [m for m in masks if _outline(m) == full]
    rest = sorted((m for m in masks if _outline(m) != full), key=lambda m: -_area(m))
    windows: list[np.ndarray] = []
    for mask in rest:  # largest outline first, so that a holder is there before what it holds
        holders = [i for i, w in enumerate(windows) if _inside(mask, w)]
        if holders:
            i = min(holders, key=lambda k: _area(windows[k]))
            windows[i] = windows[i] | mask
        else:
            windows.append(mask)
    return windows + desktop


def _overlapping(windows: list[np.ndarray], grid: tuple[int, int]) -> bool:
    """Whether two windows (not the desktop) overlap: only then are panes needed to keep them apart."""
    full = (0, 0, grid[0], grid[1])
    tops = [w for w in windows if _outline(w) != full]
    return any(_above(a, b) or _above(b, a) for i, a in enumerate(tops) for b in tops[i + 1 :])


def _cells_in(box: Box, rows: int, cols: int, c: int) -> np.ndarray:
    """(rows, cols) bool over the cell grid: the cells whose middle pixel ``box`` holds."""
    x0, y0, x1, y1 = box
    ys = np.arange(rows)[:, None] * c + c // 2  # (rows, 1) the cells' middle pixels
    xs = np.arange(cols)[None, :] * c + c // 2  # (1, cols)
    return (ys >= y0) & (ys < y1) & (xs >= x0) & (xs < x1)


def _frame_panels(frames: list[Frame], size: tuple[int, int], cfg: PanelConfig) -> list[Panel]:
    """Windows found by their title bars (topmost first) as panes: each shows where no window
    above it does (cells by their middle pixel)."""
    c = cfg.cell
    rows, cols = size[1] // c, size[0] // c
    covered = np.zeros((rows, cols), dtype=bool)
    panels = []
    for frame in frames:
        box = frame.inner or frame.box  # bounded by the frame's inner lines (unframed paints them over)
        inside = _cells_in(box, rows, cols, c)
        mask = inside & ~covered
        covered |= inside
        if mask.any():
            panels.append(Panel(box, mask, c, frame.bar))
    return panels


def area_panels(areas: list[list[tuple[int, int, int, int]]], size: tuple[int, int]) -> list[Panel]:
    """Panes of known windows (a live screen's, from the desktop's window stack), each given as the
    (x, y, w, h) parts of it in view, in the order given: for what groups lines by window. Three
    terminals side by side made one grid of their rows, whose "gaps" were read again where each
    had read its words ("sun sun crea cream", half A multi-three-core-fonts, live)."""
    c = PanelConfig().cell
    rows, cols = size[1] // c + 1, size[0] // c + 1
    panels = []
    for parts in areas:
        boxes = [(x, y, x + w, y + h) for x, y, w, h in parts]
        mask = np.zeros((rows, cols), dtype=bool)
        for box in boxes:
            mask |= _cells_in(box, rows, cols, c)
        if mask.any():
            panels.append(Panel(union_box(boxes), mask, c))
    return panels


def find_panels(image: Image.Image, cfg: PanelConfig | None = None) -> list[Panel]:
    """The panes of ``image``, topmost first. Windows with title bars (:mod:`assistant.ocr.frames`)
    are the panes (a lone window too: its title is read apart from its text); with no title bar
    in view, panes of flat colour (ties: top to bottom, then left to right)."""
    cfg = cfg or PanelConfig()
    frames = find_frames(image)
    if frames:
        return _frame_panels(frames, image.size, cfg)
    flat, colour = _flat_cells(image, cfg)
    masks = _windows(_with_title_bars(_components(flat, colour, cfg), cfg), flat.shape)
    if not _overlapping(masks, flat.shape):
        return []  # one window, or windows side by side: the layout needs no panes
    order: list[int] = []
    left = set(range(len(masks)))
    while left:  # the panes nothing left lies on, topmost-leftmost first
        free = [i for i in left if not any(_above(masks[j], masks[i]) for j in left if j != i)]
        pick = min(free or left, key=lambda i: _outline(masks[i])[:2])
        order.append(pick)
        left.remove(pick)
    c = cfg.cell
    panels = []
    for i in order:
        y0, x0, y1, x1 = _outline(masks[i])
        panels.append(Panel((x0 * c, y0 * c, x1 * c, y1 * c), masks[i], c))
    return panels


FRAME_SAME = 24  # a pixel this close (sum over R, G, B) to a frame's colour is the frame's


def unframed(image: Image.Image, panels: list[Panel]) -> Image.Image:
    """``image`` with the outlines of the windows found by their title bars (``panels``, topmost
    first) painted over by what lies just inside them, where no window above covers them: a frame's
    side is no letter. Tesseract read a 7x13 terminal's first row with the side beside it as
    "jpnaGnas:"/diskss" (half A, multi-terminal-dialog: "ana@nas:~/disks$"), boxed from the title
    bar's foot across two rows; on a live screen only the client areas are read, so this is what the
    window stack gives for free. Only pixels of the frame's own colour (its side's just below the
    bar) are painted, each side with the ground along the inside of it (the median colour): painted
    row by row like its neighbour, a man page's reverse-video status line ran into the dark desktop
    and lost "help or q to quit" (half A man-free-dejavu8). The title bars are left as they are
    (their titles are read from them). The picture itself is not changed; a copy is returned (the
    picture itself when none)."""
    framed = [p for p in panels if p.bar is not None]
    if not framed:
        return image
    px = np.array(image.convert("RGB"))  # (H, W, 3)
    height, width = px.shape[:2]
    covered = np.zeros((height, width), dtype=bool)
    for panel in framed:
        x0, _, x1, y1 = panel.box
        top = panel.bar[3] if panel.bar is not None else panel.box[1]
        x0, x1, y1 = max(0, x0), min(width, x1), min(height, y1)
        if x1 - x0 < 3 or y1 - top < 2:
            continue
        # (where, from): the left side, the right side and the foot, each from the ground inside it
        sides = [
            ((slice(top, y1), x0), (slice(top, y1), x0 + 1)),
            ((slice(top, y1), x1 - 1), (slice(top, y1), x1 - 2)),
            ((y1 - 1, slice(x0, x1)), (y1 - 2, slice(x0, x1))),
        ]
        # the frame's side just below its bar, at the bar's end in view (a window over the bar's
        # other end may hide the frame's corner there)
        colour = px[top, max(0, panel.bar[0]) if panel.bar is not None else x0].astype(np.int16)
        for where, source in sides:
            free = ~covered[where] & (np.abs(px[where].astype(np.int16) - colour).sum(axis=-1) <= FRAME_SAME)
            px[where][free] = np.median(px[source], axis=0).astype(np.uint8)
        covered[panel.box[1] : y1, x0:x1] = True
    return Image.fromarray(px)


def _cut_at(box: Box, cover: Box, side: int, reach: float = 1.0) -> bool:
    """Whether a line boxed ``box`` is on ``cover``'s rows (a third of its height at least) and
    ends at its left side (``side`` 0) or begins at its right side (1), within ``reach`` line
    heights (a letter cut there may have been dropped, and the space before the next word)."""
    high = box[3] - box[1]
    rows = min(box[3], cover[3]) - max(box[1], cover[1]) > 0.3 * high
    return rows and abs((box[2] - cover[0]) if side == 0 else (box[0] - cover[2])) <= reach * high


def _across(lines: list[OcrLine], cover: Box) -> list[OcrLine]:
    """``lines`` with each piece ending at ``cover``'s left side joined to the piece on its row
    beginning at its right side, of a like height: one line the window lies across."""
    lefts = [ln for ln in lines if _cut_at(ln.box, cover, 0, 3.0)]
    rights = [ln for ln in lines if _cut_at(ln.box, cover, 1, 3.0)]
    out = [ln for ln in lines if not any(ln is x for x in lefts + rights)]
    for left in lefts:
        h = left.box[3] - left.box[1]
        mates = [
            r
            for r in rights
            if min(left.box[3], r.box[3]) - max(left.box[1], r.box[1]) > 0.6 * h
            and max(h, r.height) <= 1.45 * min(h, r.height)
        ]
        if not mates:
            out.append(left)
            continue
        right = max(mates, key=lambda r: min(left.box[3], r.box[3]) - max(left.box[1], r.box[1]))
        rights.remove(right)
        words = left.words + right.words
        out.append(
            OcrLine(
                f"{left.text} {right.text}",
                union_box([left.box, right.box]),
                min(left.confidence, right.confidence),
                words,
            )
        )
    return out + rights


def _aligned(box: Box, cover: Box, clear: list[Box], slack: int = 2) -> bool:
    """Whether a piece boxed ``box`` that begins at ``cover``'s right side begins where one of the
    ``clear`` boxes begins, or one that ends at its left side ends where one of them ends."""
    edge = 0 if _cut_at(box, cover, 1) else 2
    return any(abs(box[edge] - o[edge]) <= slack for o in clear)


def interrupted(lines: list[OcrLine], covers: list[Box]) -> tuple[list[OcrLine], list[OcrLine]]:
    """``lines`` with the pieces of one line that a window lying over their pane (one of
    ``covers``) cuts in two joined again (:func:`_across`: "the cafe on th" + "fore the
    galleries. Guided tours in", half A multi-modal-over-page, read apart, the second after the
    paragraph); and, apart, the pieces left that the window still interrupts: each ends where it
    begins, or begins where it ends, on its rows. Those are read, but are no cells of a table: a
    two-column article's right column cut by a dialog into "Volunte", "drains.", "fences and clear"
    was read as a table of six rows with the left column (half A, multi-page-dialog-columns). (A
    terminal's pane keeps them: its rows are rows whatever lies on it.)"""
    for cover in covers:
        lines = _across(lines, cover)
    cut = [[_cut_at(ln.box, c, 0) or _cut_at(ln.box, c, 1) for c in covers] for ln in lines]
    # A piece that begins (or ends) where a line clear of that window begins (or ends) is a
    # column's own text, not a line cut short: a tree's "beds.py", indented as "planting-guide.md"
    # above it, begins a few pixels right of a dialog over the tree (half A multi-tree-term-question).
    clear = [[o.box for o, f in zip(lines, cut, strict=True) if not f[i]] for i in range(len(covers))]
    flags = [
        any(on and not _aligned(ln.box, covers[i], clear[i]) for i, on in enumerate(f))
        for ln, f in zip(lines, cut, strict=True)
    ]
    return [ln for ln, f in zip(lines, flags, strict=True) if not f], [
        ln for ln, f in zip(lines, flags, strict=True) if f
    ]


def panel_of(line: OcrLine, panels: list[Panel]) -> int | None:
    """Index of the pane ``line`` is written on: the one showing under its middle, else the one
    showing most around it, looking further out when nothing shows close by (a button's face is
    no pane); None when none is near. (A word peeking out beside a dialog is the window's under
    it, though the dialog fills more of the cells around.)"""
    x0, y0, x1, y1 = line.box
    for i, panel in enumerate(panels):
        row, col = (y0 + y1) // 2 // panel.cell, (x0 + x1) // 2 // panel.cell
        if 0 <= row < panel.mask.shape[0] and 0 <= col < panel.mask.shape[1] and panel.mask[row, col]:
            return i
    for reach in (1, 3, 6):
        best, best_count = None, 0
        for i, panel in enumerate(panels):
            if panel.bar is not None and not overlaps(line.box, panel.box):
                continue  # a window found by its bar ends at its frame: a line beyond it is not its
            c = panel.cell
            ry0, ry1 = max(0, y0 // c - reach), min(panel.mask.shape[0], y1 // c + 1 + reach)
            rx0, rx1 = max(0, x0 // c - reach), min(panel.mask.shape[1], x1 // c + 1 + reach)
            count = int(panel.mask[ry0:ry1, rx0:rx1].sum())
            if count > best_count:
                best, best_count = i, count
        if best is not None:
            return best
    return None
