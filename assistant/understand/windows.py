"""Reading a live screen window by window, from what the desktop says before any OCR (issue #15).

The window manager knows every window's exact title, which one has the focus and which covers
which. So a *describe screen* names the active window at once from its title (no OCR, no misread
letter: the first sentence is ready in milliseconds), then reads the active window's text, then
each other window down the stack, each introduced by its name; a window that is hardly visible
is only named, and the assistant's own windows are never read. The opening counts the other
windows without naming those that will be read: named up front and again where their text
begins, each window's name would come back after another window had started (on half A's four
multi-window screens, "windows kept apart" fell from 4/4 to 0/4). The brief level reads only the
active window, and there the others are named ("Two other windows: Calculator, Mail.").

OCR runs once, on a copy of the grab where everything but the visible client areas of the windows to
read is painted flat (title bars, whose text is known; frames; the desktop; the parts of a window
that another covers) and cut down to what is left. One call keeps the engine's speed (no process
start per window; half A's multi-window screens, one call against one per window: recall 0.936
against 0.906, 1.9 s against 2.3 s) and lets :class:`assistant.ocr.ChangeAwareOcr` re-read only what
changed; each word found is then given to the window whose visible client area holds its centre, so
a line that an engine ran across two windows side by side is split between them again. The view
carries where each window lies, so that the second look reads each window's places on strips of
their own (the recogniser reads a picture by its strip-mates: one window's pixels changed how
another was read).

Used only for whole-screen grabs that carry a window stack; files, the clipboard and a *describe
window* grab go the way they always went. No Qt.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np
from PIL import Image

from assistant.capture.accessibility import AccessibleText
from assistant.capture.geometry import contains, intersect, union
from assistant.capture.models import CapturedImage, Rect, WindowInfo
from assistant.capture.window_stack import DesktopWindow, WindowStack
from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import Box, OcrLine, OcrWord, centre_in, shifted, union_box
from assistant.ocr.layout import WINDOW, TextBlock, layout_blocks, past_edges
from assistant.ocr.line_reader import WINDOW_AREAS
from assistant.ocr.panels import Panel, area_panels
from assistant.understand.accessible import Said, ocr_regions, read_tree, worth_reading
from assistant.understand.title_words import corrected

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WindowReadingConfig:
    # A window with less than this fraction of its frame in view is named, not read: what shows of
    # it is a strip or a corner whose cut-off lines would only be noise.
    barely_visible: float = 0.1
    # Ground kept around the area OCR reads, so no word touches the edge of what the engine sees.
    margin: int = 8
    # What the parts not to read are painted with: None, the windows' own ground (the median colour
    # along the edges of what is read). A white fill beside a dark-themed window kept the engine's
    # dark-area inversion from reaching the window's edge, and lost each first word there
    # (dark-qt-export, half A: "Export" in "Export 248 photos").
    fill: tuple[int, int, int] | None = None
    # Where the desktop gives no client area (macOS: only the frame), the title bar is read with
    # the window: a line this near the frame's top that matches the known title is not said again.
    title_band: int = 48  # pixels below the frame's top
    title_match: float = 0.8  # difflib ratio of the line to the title, both case-folded
    # A word whose box comes this close (pixels) to where a window above covers its own is cut there.
    cut_reach: int = 3
    # A dark window's ground carried this far (pixels) round each part of it that OCR reads, over
    # the common ground and any window under it, where what lies there is light: see
    # :func:`_moated`. ``dark``: grey level (0-255) below which a ground is dark (the engine's own
    # dark-area threshold); ``contrast``: how far (sum over R, G, B) the light must be from the
    # window's ground to be painted over.
    moat: int = 8
    dark: float = 110.0
    contrast: int = 150


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: int, noun: str) -> str:
    """'One other window', 'Three other windows', '12 other windows'."""
    word = _NUMBERS[n] if n < len(_NUMBERS) else str(n)
    return f"{word.capitalize()} {noun}{'' if n == 1 else 's'}"


def window_name(window: DesktopWindow) -> str:
    """What a window is called: its exact title, else its program's name, else empty."""
    return " ".join(window.title.split()) or (window.app_name or "").strip()


@dataclass
class ScreenWindows:
    """The windows of one screen grab: which are read (in order), which only named, and where each
    one's text can be, in the grab's own pixel coordinates.

    ``origin`` is the screen point of the grab's top-left pixel (``captured.rect[:2]``), ``size``
    the grab's size. ``active_only`` (the brief level): only the active window is read, the others
    are named in the opening ("Two other windows: Calculator, Mail.")."""

    stack: WindowStack
    origin: tuple[int, int]
    size: tuple[int, int]
    config: WindowReadingConfig = field(default_factory=WindowReadingConfig)
    active_only: bool = False
    # Where windows' accessibility trees come from (None: every window is OCR'd); see :meth:`tell`.
    accessible: AccessibleText | None = None
    whole_when_untold: bool = False  # a window grab: unless a tree tells it, OCR the grab as before
    read: list[DesktopWindow] = field(init=False)  # active first, then down the stack
    named: list[DesktopWindow] = field(init=False)  # hardly visible (or active_only): named, not read
    areas: list[list[Rect]] = field(init=False)  # per window in ``read``: visible client parts (image px)
    # Per index in ``read``: the pieces its tree told, each with its line (an opaque object's is
    # empty: OCR reads there, and only there, in that window).
    told: dict[int, list[tuple[Said, OcrLine]]] = field(init=False)
    inner: dict[int, list[Rect]] = field(init=False)  # per told window: where OCR reads (image px)
    told_ms: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        ox, oy = self.origin
        screen = (ox, oy, *self.size)
        self.read, self.named, self.areas, self.told, self.inner = [], [], [], {}, {}
        for window in self.stack.reading_order():
            fraction = self.stack.visible_fraction(window, screen)
            inside = window.client or window.rect
            parts = [p for r in self.stack.visible_rects(window, screen) if (p := intersect(r, inside))]
            listed = self.active_only and self.active is not None and window is not self.active
            if listed or fraction < self.config.barely_visible or not parts:
                if fraction > 0:  # wholly hidden or off screen: not worth a word
                    self.named.append(window)
                continue
            self.read.append(window)
            self.areas.append([(x - ox, y - oy, w, h) for x, y, w, h in parts])

    @property
    def active(self) -> DesktopWindow | None:
        return self.stack.active

    def active_info(self) -> WindowInfo | None:
        """The active window as a :class:`WindowInfo` (None when none, or when it is the assistant's)."""
        active = self.active
        return WindowInfo(active.title, active.app_name, active.rect) if active is not None else None

    # ---- what is said before any OCR ---------------------------------------------------------------
    def opening(self) -> str | None:
        """The first sentences, straight from the desktop: the active window's name ("Calculator
        window."), then how many other windows there are, naming those only named. None when
        there is nothing to say (no window at all)."""
        active = self.active
        name = window_name(active) if active is not None else ""
        said = [f"{name} window."] if name else []
        others = [w for w in self.read if w is not active]
        total = len(others) + len(self.named)
        noun = "other window" if active is not None else "window"
        names = ", ".join(window_name(w) or "untitled" for w in self.named)
        if self.named and self.active_only and active is not None:
            said.append(f"{_count(total, noun)}: {names}.")
        elif self.named:
            said.append(f"{_count(total, noun)}{';' if others else ','} hardly visible: {names}.")
        elif others and (active is not None or len(others) > 1):
            said.append(f"{_count(total, noun)}.")
        return " ".join(said) or None

    # ---- what the accessibility tree tells ---------------------------------------------------------
    def tell(self) -> None:
        """Ask each window to read for its accessibility tree; a window whose tree tells what it
        shows (:func:`~assistant.understand.accessible.worth_reading`) is read from it, exactly,
        and OCR never sees it. Runs with OCR (in its worker), not before the opening."""
        if self.accessible is None:
            return
        started = time.perf_counter()
        for i, window in enumerate(self.read):
            try:
                tree = self.accessible.window_tree(window)
                said = read_tree(tree) if tree is not None else []
            except Exception:  # a reader's bug must cost the window its tree, never the description
                log.warning("reading the accessible tree of %r failed", window.title, exc_info=True)
                continue
            if tree is None:
                continue
            if worth_reading(tree, said, window.client or window.rect):
                self.told[i] = self._lines(i, said)
                ox, oy = self.origin
                shifted = [
                    (x - ox, y - oy, w, h) for x, y, w, h in ocr_regions(said, window.client or window.rect)
                ]
                self.inner[i] = [p for r in shifted for a in self.areas[i] if (p := intersect(r, a))]
        self.told_ms = (time.perf_counter() - started) * 1000

    def told_lines(self) -> list[OcrLine]:
        """What the trees told, as lines in the grab's coordinates (exact: confidence 1), one per
        piece; the same objects every call, so :meth:`blocks` knows them among OCR's lines."""
        return [line for i in sorted(self.told) for _, line in self.told[i] if line.text]

    def _lines(self, index: int, said: list[Said]) -> list[tuple[Said, OcrLine]]:
        window, (ox, oy) = self.read[index], self.origin
        pairs = []

        def box(rect: Rect) -> Box:
            return (rect[0] - ox, rect[1] - oy, rect[0] - ox + rect[2], rect[1] - oy + rect[3])

        for piece in said:
            if piece.text or piece.rect is not None:  # an opaque object keeps its place, for OCR's lines
                # Buttons said together keep each button's place as a word of the line (to click it).
                words = [OcrWord(p.text, box(p.rect), 1.0) for p in piece.parts if p.rect is not None]
                line = OcrLine(piece.text, box(piece.rect or window.client or window.rect), 1.0, words)
                pairs.append((piece, line))
        return pairs

    # ---- what OCR sees -----------------------------------------------------------------------------
    def ocr_view(self, image: Image.Image) -> tuple[Image.Image, tuple[int, int]]:
        """The part of ``image`` OCR reads: only the visible client areas of the windows to read
        (and not told by their trees), on flat ground, cut to their bounding box (plus a margin);
        and that cut's offset."""
        parts = [p for i in range(len(self.read)) for p in self.ocr_parts(i)]
        if not parts:
            return Image.new("RGB", (1, 1), self.config.fill or (255, 255, 255)), (0, 0)
        m = self.config.margin
        x, y, w, h = union(parts)
        left, top = max(0, x - m), max(0, y - m)
        right, bottom = min(image.width, x + w + m), min(image.height, y + h + m)
        pixels = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))  # (H, W, 3)
        ground = self.config.fill or _edge_colour(pixels, parts)
        view = np.empty((bottom - top, right - left, 3), dtype=np.uint8)
        view[:] = ground
        for px, py, pw, ph in parts:
            view[py - top : py + ph - top, px - left : px + pw - left] = pixels[py : py + ph, px : px + pw]
        if self.config.fill is None and self.config.moat > 0:  # (bottom of the stack first)
            stacked = sorted(
                ((self.stack.windows.index(win), self.ocr_parts(i)) for i, win in enumerate(self.read)),
                key=lambda ranked: -ranked[0],
            )
            grounds = [_edge_colour(pixels, own) if own else ground for _, own in stacked]
            moved = [
                (rank, [(px - left, py - top, pw, ph) for px, py, pw, ph in own]) for rank, own in stacked
            ]
            _moated(view, moved, grounds, self.config)
        out = Image.fromarray(view)
        areas = [own for i in range(len(self.read)) if (own := self.ocr_parts(i))]
        if len(areas) > 1:  # each window's places read on strips of its own (second_look)
            out.info[WINDOW_AREAS] = [
                [(x - left, y - top, x + w - left, y + h - top) for x, y, w, h in own] for own in areas
            ]
        return out, (left, top)

    def ocr_parts(self, index: int) -> list[Rect]:
        """Where OCR reads window ``index``: its visible client area, or in a window its tree told,
        only its opaque objects (image px)."""
        return self.inner.get(index, []) if index in self.told else self.areas[index]

    def panes(self) -> list[Panel]:
        """The windows read as panes, each where it shows (:func:`~assistant.ocr.panels.area_panels`)."""
        return area_panels(self.areas, self.size)

    def owner(self, box: Box) -> int | None:
        """Index in ``read`` of the window whose OCR'd area holds the centre of ``box``."""
        cx, cy = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
        hits = (i for i in range(len(self.read)) if any(contains(p, cx, cy) for p in self.ocr_parts(i)))
        return next(hits, None)

    def cut(self, index: int, box: Box) -> bool:
        """Whether ``box`` (a word's) runs up to where another window covers window ``index`` (just
        past it: in the window, not in view): a cut letter ("A" of "Apr" beside a dialog)."""
        cx, cy, cw, ch = self.read[index].client or self.read[index].rect
        client = (cx - self.origin[0], cy - self.origin[1], cw, ch)
        hidden = (
            contains(client, x, y) and not any(contains(p, x, y) for p in self.areas[index])
            for x, y in past_edges(box, self.config.cut_reach)
        )
        return any(hidden)

    def split_lines(self, lines: list[OcrLine]) -> list[list[OcrLine]]:
        """Each window's lines (image coordinates): every word goes to the window under its centre,
        a line whose words fall in two windows becomes two lines; text outside every window to
        read (the desktop, a title bar) is dropped, and so are words cut by a window over them
        (:meth:`cut`)."""
        per_window: list[list[OcrLine]] = [[] for _ in self.read]
        for line in lines:
            if not line.words:
                i = self.owner(line.box)
                if i is not None:
                    per_window[i].append(line)
                continue
            groups: dict[int, list[OcrWord]] = {}
            for word in line.words:
                i = self.owner(word.box)
                if i is not None and not self.cut(i, word.box):
                    groups.setdefault(i, []).append(word)
            for i, words in groups.items():
                if len(words) == len(line.words):
                    per_window[i].append(line)
                    continue
                conf = min(w.confidence for w in words)
                text = " ".join(w.text for w in words)
                per_window[i].append(OcrLine(text, union_box([w.box for w in words]), conf, words))
        return per_window

    def title_block(self, index: int) -> TextBlock:
        """A window's name as the heading that starts its text: the title bar, read exactly."""
        window = self.read[index]
        x, y, w, _ = window.rect
        bar = (window.client or window.rect)[1] - y  # the title bar's height (0 when unknown)
        ox, oy = self.origin
        box = (x - ox, y - oy, x - ox + w, y - oy + max(1, bar))
        return TextBlock([OcrLine(f"{window_name(window) or 'Untitled'}{WINDOW}", box, 1.0)], is_heading=True)

    def blocks(self, lines: list[OcrLine], picture: Image.Image | None = None) -> list[TextBlock]:
        """All text in reading order, window by window: the active window's blocks (its name was the
        opening), then each other window's name as a heading and its blocks (``picture``: the grab, for
        :func:`~assistant.ocr.layout.layout_blocks`)."""
        out: list[TextBlock] = []
        told, (ox, oy) = {id(ln) for ln in self.told_lines()}, self.origin
        for i, window_lines in enumerate(self.split_lines([ln for ln in lines if id(ln) not in told])):
            if self.read[i] is not self.active:
                out.append(self.title_block(i))
            if i in self.told:  # one piece per thing the tree told, in its order; OCR's where it could not
                for piece, ln in self.told[i]:
                    if ln.text:
                        out.append(TextBlock([ln], is_heading=piece.kind == "heading"))
                    else:
                        out.extend(layout_blocks([w for w in window_lines if centre_in(w.box, ln.box)]))
                continue
            kept = [ln for ln in window_lines if not self.is_title_bar(i, ln)]
            # (the windows over it: a line one lies across is one line, its pieces no table's cells)
            above = [a.rect for a in self.stack.windows[: self.stack.windows.index(self.read[i])]]
            covers = [(x - ox, y - oy, x - ox + w, y - oy + h) for x, y, w, h in above]
            kept = corrected(kept, self.read[i].title)  # a prompt put right by the title
            out.extend(layout_blocks(kept, covers=covers, picture=picture))
        return out

    def is_title_bar(self, index: int, line: OcrLine) -> bool:
        """Whether ``line`` is window ``index``'s title read by OCR: only where the desktop gave no
        client area (else the title bar was never shown to OCR)."""
        window = self.read[index]
        if window.client is not None:
            return False
        top = window.rect[1] - self.origin[1]
        if (line.box[1] + line.box[3]) / 2 > top + self.config.title_band:
            return False
        said, title = " ".join(line.text.split()).casefold(), window_name(window).casefold()
        return bool(title) and SequenceMatcher(None, said, title).ratio() >= self.config.title_match


@dataclass
class WindowedText(OcrResult):
    """An OCR result whose reading order is window by window (see :meth:`ScreenWindows.blocks`)."""

    windows: ScreenWindows | None = None

    def blocks(self) -> list[TextBlock]:
        if self.windows is None:
            return super().blocks()
        return self.windows.blocks(self.lines, self.picture)


class WindowOcr(OcrEngine):
    """An OCR engine that reads only the windows to read (:meth:`ScreenWindows.ocr_view`) with the
    engine it wraps, and hands back a :class:`WindowedText` in the whole grab's coordinates."""

    def __init__(self, engine: OcrEngine, windows: ScreenWindows) -> None:
        self.engine = engine
        self.windows = windows
        self.name = engine.name

    def recognize(self, image: Image.Image) -> OcrResult:
        started = time.perf_counter()
        windows = self.windows
        windows.tell()
        if windows.whole_when_untold and not windows.told:
            return self.engine.recognize(image)  # a window grab no tree told: read as it always was
        lines: list[OcrLine] = []
        if any(windows.ocr_parts(i) for i in range(len(windows.read))):  # OCR where no tree told
            view, (dx, dy) = windows.ocr_view(image)
            lines = [shifted(line, dx, dy) for line in self.engine.recognize(view).lines]
        return WindowedText(
            lines=lines + windows.told_lines(),
            engine=self.name,
            elapsed_ms=(time.perf_counter() - started) * 1000,
            image_size=image.size,
            windows=self.windows,
        )


def _edge_colour(pixels: np.ndarray, parts: list[Rect]) -> tuple[int, int, int]:
    """The median colour along the edges of ``parts`` (``pixels``: (h, w, 3) RGB): the ground the
    windows' own content sits on, so painting with it adds no edge of its own."""
    edges = []
    for x, y, w, h in parts:
        box = pixels[y : y + h, x : x + w]  # (h, w, 3)
        edges += [box[0], box[-1], box[:, 0], box[:, -1]]
    r, g, b = np.median(np.concatenate(edges), axis=0)
    return int(r), int(g), int(b)


def _grey(colour: tuple[int, int, int] | np.ndarray) -> float:
    """A colour's grey level as PIL's "L" gives it (what the engine's dark-area inversion sees)."""
    return 0.299 * float(colour[0]) + 0.587 * float(colour[1]) + 0.114 * float(colour[2])


def _moated(
    view: np.ndarray,
    windows: list[tuple[int, list[Rect]]],
    grounds: list[tuple[int, int, int]],
    cfg: WindowReadingConfig,
) -> np.ndarray:
    """``view`` ((h, w, 3) RGB; changed in place and returned) with each dark window's own ground
    painted ``cfg.moat`` pixels round its parts where light lies there (the common ground, or a
    light window under it).

    ``windows``: (stacking rank, 0 the top; parts in view pixels) bottom of the stack first;
    ``grounds``: each one's own ground. The view sets every window on one common ground, and a dark
    terminal beside a light page or on a light common ground starts its text 2 px from a light
    edge: the engine inverts a dark area only where most of the pixels round it are dark, and with
    a line's light letters there too a pixel that near the light is not, so the line's first glyph
    stays half light-on-dark ("l abels", "araffin", "K eeper's" on half A's live path, where the file
    path, whose panes keep their frames and the desktop round them, read them). A light window
    beside dark needs no moat (its letters are dark on its own ground), and neither does a window
    on ground like its own. A window's moat never covers a window above it, nor its own parts, nor
    the ground within ``moat`` pixels of a window above it: a light window over it keeps the ground
    round its own edge (nano's reversed key bar along its foot, over mc's blue, lost its labels)."""
    height, width = view.shape[:2]
    owner = np.full((height, width), -1, dtype=np.int32)  # stacking rank of whose pixel it is
    for rank, parts in windows:
        for x, y, w, h in parts:
            owner[max(0, y) : y + h, max(0, x) : x + w] = rank
    m = cfg.moat
    for (rank, parts), colour in zip(windows, grounds, strict=True):
        if not parts or _grey(colour) >= cfg.dark:
            continue
        paint = np.array(colour, dtype=np.uint8)
        for x, y, w, h in parts:
            x0, y0, x1, y1 = max(0, x - m), max(0, y - m), min(width, x + w + m), min(height, y + h + m)
            ring = np.ones((y1 - y0, x1 - x0), dtype=bool)
            ring[max(0, y - y0) : y + h - y0, max(0, x - x0) : x + w - x0] = False
            whose = owner[y0:y1, x0:x1]
            ring &= (whose < 0) | (whose > rank)  # the ground, or a window under this one
            for above, over in windows:  # ...and not beside a window above (its own edge's ground)
                if above < rank:
                    for ax, ay, aw, ah in over:
                        ring[
                            max(0, ay - m - y0) : max(0, ay + ah + m - y0),
                            max(0, ax - m - x0) : max(0, ax + aw + m - x0),
                        ] = False
            if not ring.any():
                continue
            box = view[y0:y1, x0:x1]
            around = np.median(box[ring], axis=0)
            if _grey(around) < cfg.dark or np.abs(around - paint.astype(float)).sum() < cfg.contrast:
                continue
            box[ring] = paint
    return view


def screen_windows(
    captured: CapturedImage,
    config: WindowReadingConfig | None = None,
    *,
    active_only: bool = False,
    accessible: AccessibleText | None = None,
) -> ScreenWindows | None:
    """The windows to read for a live *describe screen*; None when the grab is not a whole screen
    with a window stack (files, the clipboard, a window or a rectangle: read as before), or when
    the desktop reports no window to read or name. ``active_only``: see :class:`ScreenWindows`;
    ``accessible``: where windows' trees are read instead of OCR (see :meth:`ScreenWindows.tell`)."""
    if captured.source != "screen" or captured.windows is None:
        return None
    origin = (captured.rect[0], captured.rect[1]) if captured.rect is not None else (0, 0)
    cfg = config or WindowReadingConfig()
    windows = ScreenWindows(captured.windows, origin, captured.image.size, cfg, active_only, accessible)
    return windows if windows.read or windows.named else None


def grabbed_window(
    captured: CapturedImage, accessible: AccessibleText | None, config: WindowReadingConfig | None = None
) -> ScreenWindows | None:
    """A *describe window* grab read from the window's accessibility tree when it tells what the
    window shows, else OCR'd whole as before (None: not a window grab with a stack, no reader)."""
    if captured.source != "window" or captured.windows is None or accessible is None:
        return None
    origin = (captured.rect[0], captured.rect[1]) if captured.rect is not None else (0, 0)
    cfg = config or WindowReadingConfig()
    windows = ScreenWindows(captured.windows, origin, captured.image.size, cfg, True, accessible, True)
    return windows if windows.read and windows.read[0] is windows.active else None
