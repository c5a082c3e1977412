"""A place's lines cut apart beside a bar of strokes down its whole height (assistant.ocr.ink
.line_bands), on a real xmessage (datasets/screens half A): its stippled strip at the left of the
text joined two light lines into one cut, which the recogniser read as "he emest is in he"."""

from __future__ import annotations

import numpy as np
from PIL import Image

from assistant.ocr.ink import line_bands
from tests.support.screens import SCREEN_PNG


def test_an_xmessages_two_lines_beside_its_stippled_strip_are_cut_apart() -> None:
    gray = np.asarray(Image.open(SCREEN_PNG / "dlg-xmessage-6x13-light-mail.png").convert("L"))
    place = (425, 340, 741, 416)  # the window's text with its strip, and its buttons
    bands = line_bands(gray, place, 24)
    assert len(bands) == 3, bands  # two lines of text, the row of buttons
    assert all(b - a <= 20 for a, b in bands[:2]), bands  # 6x13: one line each
    # Without the strip, the same lines (it only hid the gap between them)
    bare = line_bands(gray, (445, 340, 741, 416), 24)
    assert len(bare) == 3
    assert all(abs((a + b) - (c + d)) <= 4 for (a, b), (c, d) in zip(bare, bands, strict=True))


def test_a_tall_single_line_keeps_its_ascenders() -> None:
    """A line of big letters whose top rows hold only full-height stems ("Hill") is not cut down
    to its x-height: bars are only judged to split runs, which are grown back over their rows."""
    gray = np.full((40, 120), 255, dtype=np.uint8)
    for x in (10, 40, 60, 80):  # stems from row 4 to 34: H's two, l, l
        gray[4:34, x : x + 3] = 0
    gray[18:21, 10:40] = 0  # H's bar
    gray[14:34, 50:53] = 0  # i's stem
    gray[8:11, 50:53] = 0  # its dot
    assert line_bands(gray, (0, 0, 120, 40), 24) == [(4, 34)]
