"""What an application's accessibility tree says a window shows: exact text, before any OCR.

Toolkits that talk to screen readers (GTK, Qt with accessibility on, Chromium with its renderer
accessibility, LibreOffice) publish every window as a tree of labelled objects: labels with their
text, buttons with their names, check boxes with their state, text fields with their contents.
Read from there, a dialog's message and buttons are exact and take milliseconds; OCR is for what
the tree does not expose (a canvas, an image of text, a remote desktop, a toolkit without it).

:class:`AccessibleText` is the small interface the describe pipeline asks ("the tree of this
window, or None"); :mod:`assistant.capture.atspi` implements it on Linux (AT-SPI over D-Bus),
:class:`NoAccessibleText` is the platform without one, :class:`FakeAccessibleText` serves trees
built in tests. :func:`match_frame` pairs a desktop window with its application's top-level frame,
the same way for every platform. No Qt.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from assistant.capture.geometry import Rect, area, intersect
from assistant.capture.window_stack import DesktopWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AccessibleNode:
    """One object of an accessibility tree, as the application describes it.

    ``role`` is the AT-SPI role name with spaces ("push button", "label", "dialog", "table cell");
    ``text`` the object's text contents when it has a text interface (a label's text, an entry's
    contents), else None; ``rect`` its place on the screen (same coordinates as the screen grabs);
    ``states`` AT-SPI state names ("showing", "checked", "editable", "selected", "focused");
    ``value`` a slider's or progress bar's current value. A reader does not walk into hidden
    objects: one without "showing" is kept, without its children (see :mod:`assistant.capture.atspi`).
    """

    role: str
    name: str = ""
    text: str | None = None
    rect: Rect | None = None
    states: frozenset[str] = frozenset()
    children: tuple[AccessibleNode, ...] = ()
    value: float | None = None

    def walk(self) -> Iterator[AccessibleNode]:
        """This node and every node below it, depth first, in tree order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def size(self) -> int:
        return sum(1 for _ in self.walk())


@dataclass(frozen=True)
class AccessibleFrame:
    """A top-level object of an application (frame, dialog, window) and how to find its tree again:
    ``key`` is the implementation's own handle (AT-SPI: bus name and object path)."""

    role: str
    name: str
    rect: Rect | None
    key: object = None
    showing: bool = True


class AccessibleText(Protocol):
    """Where a window's accessible tree comes from. Implementations never raise for an application
    that does not answer: they return None, within their own time limit."""

    name: str

    def window_tree(self, window: DesktopWindow) -> AccessibleNode | None:
        """The tree of ``window``'s top-level frame (its root is the frame or dialog itself), or
        None when its application exposes none, does not answer in time, or cannot be found."""
        ...

    def close(self) -> None: ...


class NoAccessibleText:
    """A platform (or a session) without an accessibility tree to read: every window is OCR'd."""

    name = "none"

    def window_tree(self, window: DesktopWindow) -> AccessibleNode | None:
        return None

    def close(self) -> None:
        pass


@dataclass
class FakeAccessibleText:
    """Trees made in tests, found by the window's handle, else by its exact title. ``asked`` records
    the title of every window asked about, so a test can tell the pipeline looked."""

    trees: Mapping[int | str, AccessibleNode] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)
    name: str = "fake"

    def window_tree(self, window: DesktopWindow) -> AccessibleNode | None:
        self.asked.append(window.title)
        if window.handle is not None and window.handle in self.trees:
            return self.trees[window.handle]
        return self.trees.get(window.title)

    def close(self) -> None:
        pass


@dataclass(frozen=True)
class FrameMatching:
    # A frame whose screen rectangle is within this many pixels of the window's client area (each
    # edge) is the same window: toolkits report the client area, sometimes off by a border.
    edge_slack: int = 12
    min_overlap: float = 0.8  # else: shared area over the larger of the two


def _same_place(a: Rect, b: Rect, cfg: FrameMatching) -> bool:
    if all(abs(p - q) <= cfg.edge_slack for p, q in zip(a, b, strict=True)):
        return True
    shared = intersect(a, b)
    return shared is not None and area(shared) >= cfg.min_overlap * max(area(a), area(b), 1)


def match_frame(
    window: DesktopWindow, frames: Sequence[AccessibleFrame], config: FrameMatching | None = None
) -> AccessibleFrame | None:
    """The frame of ``frames`` (one application's top-level objects, or every application's when the
    window's process is unknown) that is ``window``: by exact title and by place. A title alone
    is enough when only one frame bears it; a place alone when the title differs (an application
    that names its frame otherwise); a lone showing frame of the window's own process, with
    neither a name nor a place that says otherwise, needs neither. None when nothing fits,
    rather than read another window's text."""
    cfg = config or FrameMatching()
    title = " ".join(window.title.split())
    places = [r for r in (window.client, window.rect) if r is not None]  # toolkits report either
    scored = []
    for frame in frames:
        named = bool(title) and " ".join(frame.name.split()) == title
        placed = frame.rect is not None and any(_same_place(frame.rect, p, cfg) for p in places)
        score = 2 * named + 2 * placed + frame.showing
        scored.append((score, named, placed, frame))
    best = max(scored, key=lambda s: s[0], default=None)
    if best is None:
        return None
    score, named, placed, frame = best
    ties = [s for s in scored if s[0] == score]
    if len(ties) > 1 and not (named and placed):
        return None  # two frames fit equally: reading the wrong one is worse than OCR
    if named or placed:
        return frame
    showing = [f for f in frames if f.showing]
    differs = (bool(title) and bool(frame.name.strip())) or frame.rect is not None
    return frame if len(showing) == 1 and window.pid is not None and frame.showing and not differs else None


def create_accessible_text() -> AccessibleText:
    """The accessibility reader for this platform: AT-SPI on Linux when its client library
    (``jeepney``) is installed, else :class:`NoAccessibleText` (windows are OCR'd). Connecting
    waits for the first window asked about, so making one costs nothing."""
    if sys.platform.startswith("linux"):
        try:
            from assistant.capture.atspi import AtspiText
        except ImportError as exc:
            log.info("no AT-SPI reader (%s): windows are read by OCR", exc)
            return NoAccessibleText()
        return AtspiText()
    return NoAccessibleText()
