"""Side lists: a column of short entries beside the page they lead to, read as a column.

A settings page's menu ("You and sync", "Privacy", "Appearance", ...) stands down the left edge,
one entry per line at a pitch of its own, beside the options. Its entries are blocks of one line
each (their gaps are wider than a paragraph's), so the layout's "a column is read before the next
one" rule, kept for paragraphs lest a form be read label column first, did not apply: the menu
and the options were read in turns by height. A form's labels share their rows with their fields;
a side list's entries mostly lie between the rows beside them. So a side list counts as a
paragraph when blocks are ordered (:func:`assistant.ocr.layout.order_blocks`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from assistant.ocr.boxes import Box, line_middle

if TYPE_CHECKING:
    from assistant.ocr.layout import TextBlock

MIN_ENTRIES = 3  # lines in a list
PITCH = 3.0  # most space between two entries, in line heights
ALIGN = 0.5  # entries' left edges this close, in line heights
ROW = 0.25  # a line beside an entry whose middle is this close (in its height) shares its row
SHARED = 1 / 3  # a list with more of its entries on rows of the text beside them is a form's labels


def _apart(a: Box, b: Box) -> bool:
    """Whether ``a`` lies wholly left or wholly right of ``b``."""
    return a[0] >= b[2] or a[2] <= b[0]


def _lists(blocks: list[TextBlock]) -> list[list[int]]:
    """Runs of one-line blocks down one left edge, each close under the last (indices, top first)."""
    lists: list[list[int]] = []
    for _, i in sorted((b.box[1], i) for i, b in enumerate(blocks) if len(b.lines) == 1 and b.grid is None):
        box, high = blocks[i].box, blocks[i].lines[0].height
        home = next((s for s in reversed(lists) if abs(blocks[s[-1]].box[0] - box[0]) <= ALIGN * high), None)
        if home is not None and 0 < box[1] - blocks[home[-1]].box[3] <= PITCH * high:
            home.append(i)
        else:
            lists = [s for s in lists if s is not home or len(s) >= MIN_ENTRIES] + [[i]]
    return [s for s in lists if len(s) >= MIN_ENTRIES]


def side_list(blocks: list[TextBlock]) -> np.ndarray:
    """Per block (bool): whether it is an entry of a side list (see the module docstring): most of
    its entries share no row with text on either side (a form's fields share their labels' rows as
    the labels share theirs)."""
    out = np.zeros(len(blocks), dtype=bool)
    for entries in _lists(blocks):
        beside = [
            any(
                _apart(o.box, blocks[i].box)
                and abs(line_middle(o) - line_middle(blocks[i].lines[0])) <= ROW * o.height
                for b in blocks
                for o in b.lines
            )
            for i in entries
        ]
        out[entries] = sum(beside) <= SHARED * len(entries)
    return out
