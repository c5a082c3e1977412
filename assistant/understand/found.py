"""What a description found, item by item, for explore mode and *find text on screen* (issue #15).

A description is speech; a blind user who wants to act on what was said ("press Save") needs the
things themselves and where they are, the way OCRdesktop and NVDA's OCR result view give them:
a list in reading order of windows, blocks, lines, table cells and buttons, each with the point a
click should land on. This module builds that list from the OCR layout the description was read
from (:class:`assistant.ocr.layout.TextBlock`), so it says the same things in the same order.

Points are in the picture's pixels here; :func:`on_screen` places them on the screen for a live
capture. A picture file has no screen behind it: its items keep ``point`` ``None`` (nothing to click).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.layout import TextBlock, starts_window

WORD_GAP = 1.5  # words further apart than this many line heights are separate items (buttons on a row)
MONOSPACE_GAP = 4.0  # a terminal's columns are spaced wide on purpose: only much wider gaps split
BUTTON_LEADS = ("Buttons: ", "Button: ")  # how a row of buttons read from an accessibility tree starts
#: What an item is, as explore mode names it.
ITEM_KINDS = ("window", "heading", "line", "row", "cell", "button")


@dataclass(frozen=True)
class FoundItem:
    text: str
    kind: str  # one of ITEM_KINDS
    box: Box  # in the picture's pixels
    level: int  # 0: a window or heading, 1: a line or row, 2: a cell or button in a row
    point: tuple[int, int] | None = None  # where a click lands on the screen (None: not on a screen)

    @property
    def spoken(self) -> str:
        """How explore mode says it: the text, then what it is when that helps ("Save, button")."""
        return self.text if self.kind in ("line", "heading") else f"{self.text}, {self.kind}"


def _centre(box: Box) -> tuple[int, int]:
    return (box[0] + box[2]) // 2, (box[1] + box[3]) // 2


def _line(line: OcrLine, kind: str, level: int) -> FoundItem:
    return FoundItem(" ".join(line.text.split()), kind, line.box, level)


def split_spaced(line: OcrLine, gap: float) -> list[OcrLine]:
    """A line cut where its words stand far apart (more than ``gap`` times its height): a dialog's
    buttons or a toolbar read as one line by OCR ("Cancel      Send report") are separate things to
    click, each with its own place."""
    words = [w for w in line.words if w.text.strip()]
    if len(words) < 2:
        return [line]
    groups: list[list[OcrWord]] = [[words[0]]]
    for word in words[1:]:
        if word.box[0] - groups[-1][-1].box[2] > gap * max(1, line.height):
            groups.append([])
        groups[-1].append(word)
    if len(groups) == 1:
        return [line]
    return [OcrLine.of(g, line.confidence) for g in groups]


def _line_items(line: OcrLine, gap: float) -> list[FoundItem]:
    """A line's items: "Buttons: Cancel, Save" from a window's accessibility tree carries each button
    as one of its words, with the button's own box, so each is an item to click; an OCR line is cut
    where its words stand far apart."""
    if line.text.startswith(BUTTON_LEADS) and line.words:
        return [_line(line, "line", 1), *(FoundItem(w.text, "button", w.box, 2) for w in line.words)]
    return [_line(part, "line", 1) for part in split_spaced(line, gap)]


def _block_items(block: TextBlock) -> list[FoundItem]:
    if block.is_heading:
        kind = "window" if starts_window(block) else "heading"
        return [_line(ln, kind, 0) for ln in block.lines]
    grid = block.grid
    if grid is None or grid.monospace:
        gap = MONOSPACE_GAP if grid is not None else WORD_GAP
        return [item for ln in block.lines for item in _line_items(ln, gap)]
    cell_kind = "button" if grid.kind in ("keys", "buttons") else "cell"
    out: list[FoundItem] = []
    for row in grid.rows:
        if len(row.cells) > 1:
            text = ", ".join(" ".join(c.text.split()) for c in row.cells)
            out.append(FoundItem(text, "row", row.box, 1))
        out.extend(_line(c, cell_kind, 2) for c in row.cells)
    return out


def found_items(blocks: Sequence[TextBlock]) -> list[FoundItem]:
    """Every window name, heading, line, table row and cell, and button, in reading order (not yet
    placed on a screen: see :func:`on_screen`)."""
    return [item for block in blocks for item in _block_items(block) if item.text]


def on_screen(items: Sequence[FoundItem], origin: tuple[int, int], scale: float = 1.0) -> list[FoundItem]:
    """``items`` of a live capture whose top-left pixel is at ``origin`` on the screen and whose pixels
    are ``scale`` screen pixels each: their click points in screen coordinates."""
    out = []
    for item in items:
        x, y = _centre(item.box)
        out.append(replace(item, point=(origin[0] + round(x * scale), origin[1] + round(y * scale))))
    return out


def find(items: Sequence[FoundItem], query: str, start: int = 0) -> int | None:
    """The index of the first item at or after ``start`` (wrapping round) whose text holds ``query``
    (case and spacing ignored); an item that is exactly the query wins over one that only holds it."""
    wanted = " ".join(query.lower().split())
    if not wanted or not items:
        return None
    order = [(start + i) % len(items) for i in range(len(items))]
    texts = {i: " ".join(items[i].text.lower().split()) for i in order}
    for exact in (True, False):
        for i in order:
            if (texts[i] == wanted) if exact else (wanted in texts[i]):
                return i
    return None
