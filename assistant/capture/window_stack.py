"""What the desktop knows about its windows, before any OCR: titles, places, stacking, focus.

A window manager already knows the exact title of every window, which one is active and which
covers which. Reading that is instant and never misreads a letter, so the describe pipeline can
name windows from it, read the active window first, and leave the assistant's own windows out
(they show the previous description; read back, descriptions would nest inside each other).

Each platform's *desktop* module fills a :class:`WindowStack` (X11: EWMH through python-xlib);
:class:`WindowStack` itself is plain data with the geometry every platform shares. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from assistant.capture.geometry import Rect, area, contains, intersect


@dataclass(frozen=True)
class DesktopWindow:
    """One top-level window as the desktop reports it.

    ``rect`` is the outer frame on the screen (title bar and borders included), in the same
    coordinates as the screen grabs; ``client`` the application's own area inside it (no title
    bar: the title is already known exactly), when the platform says. ``is_own`` marks the
    assistant's own windows (its process id, or a window class it was told is its own).
    """

    title: str
    rect: Rect
    active: bool = False
    is_own: bool = False
    client: Rect | None = None
    app_name: str | None = None  # the window class ("XTerm", "Chromium"), when the platform says
    pid: int | None = None
    handle: int | None = None  # the platform's window id (X11 window, HWND, CGWindowID)


@dataclass(frozen=True)
class WindowStack:
    """The windows shown on the current desktop, **top of the stack first**.

    Minimised windows, windows on other workspaces, panels and the desktop background are not in
    it: only what a person could see.
    """

    windows: tuple[DesktopWindow, ...] = ()

    @property
    def active(self) -> DesktopWindow | None:
        """The window with the keyboard focus, unless it is one of the assistant's own."""
        return next((w for w in self.windows if w.active and not w.is_own), None)

    @property
    def own(self) -> tuple[DesktopWindow, ...]:
        return tuple(w for w in self.windows if w.is_own)

    def reading_order(self) -> list[DesktopWindow]:
        """The windows to read, in the order to read them: the active one first, then the others
        from the top of the stack down; the assistant's own windows never."""
        active = self.active
        rest = [w for w in self.windows if not w.is_own and w is not active]
        return ([active] if active is not None else []) + rest

    def others(self) -> list[DesktopWindow]:
        """Every window to read except the active one, top of the stack first."""
        return self.reading_order()[1:] if self.active is not None else self.reading_order()

    def visible_rects(self, window: DesktopWindow, screen: Rect) -> list[Rect]:
        """The parts of ``window`` that are on ``screen`` and not covered by a window above it,
        as disjoint rectangles (empty when it is wholly hidden)."""
        clipped = intersect(window.rect, screen)
        if clipped is None:
            return []
        parts = [clipped]
        for above in self.windows:
            if above is window:
                break
            parts = [piece for part in parts for piece in _subtract(part, above.rect)]
        return parts

    def visible_fraction(self, window: DesktopWindow, screen: Rect) -> float:
        """How much of the window a person can see (0 = hidden, 1 = all of it)."""
        total = area(window.rect)
        return sum(area(r) for r in self.visible_rects(window, screen)) / total if total else 0.0

    def window_at(self, x: int, y: int) -> DesktopWindow | None:
        """The topmost window under a screen point (what a click there would reach)."""
        return next((w for w in self.windows if contains(w.rect, x, y)), None)


def hide_own_windows(
    image: Image.Image, origin: tuple[int, int], stack: WindowStack, fill: str = "#808080"
) -> int:
    """Paint the visible parts of the assistant's own windows flat grey in a grabbed ``image``
    whose top-left pixel is the screen point ``origin``; returns how many pixels were painted.

    A flat area has nothing for OCR to read nor for the captioner to describe, so the assistant
    never hears its own previous words.
    """
    screen = (origin[0], origin[1], image.width, image.height)
    painted = 0
    draw: ImageDraw.ImageDraw | None = None
    for window in stack.own:
        for x, y, w, h in stack.visible_rects(window, screen):
            draw = draw or ImageDraw.Draw(image)
            left, top = x - origin[0], y - origin[1]
            draw.rectangle((left, top, left + w - 1, top + h - 1), fill=fill)
            painted += w * h
    return painted


def _subtract(rect: Rect, cut: Rect) -> list[Rect]:
    """``rect`` minus ``cut``: up to four rectangles (above, below, left, right of the cut)."""
    overlap = intersect(rect, cut)
    if overlap is None:
        return [rect]
    x, y, w, h = rect
    ox, oy, ow, oh = overlap
    pieces = [
        (x, y, w, oy - y),  # above
        (x, oy + oh, w, y + h - oy - oh),  # below
        (x, oy, ox - x, oh),  # left
        (ox + ow, oy, x + w - ox - ow, oh),  # right
    ]
    return [p for p in pieces if p[2] > 0 and p[3] > 0]
