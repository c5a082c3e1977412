"""How much the second look may read: pixels of line sized by how much text the first engine read.

The issue's bar is the whole reading in no more than 1.1x a raw ``tesseract --psm 3`` of the same
screen. Both engines' costs grow with the text they read: tesseract's with the lines it finds (on
half A, about 170 ms of one core per picture and 0.018 ms per pixel of line at a height of 48), the
recogniser's with the width of what it reads (about 0.14 ms per pixel of line). So the budget is a
share of the pixels of line the first engine read, within bounds: the same screen is read the same
way whatever else the machine runs, and a busy machine slows both engines alike.

(It followed tesseract's measured time before, turned into pixels by the recogniser's measured
speed: the same screen read differently from run to run, and on a quiet machine it sat at its
floor.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.ocr.boxes import OcrLine

HEIGHT = 48  # the recogniser's line height: widths are counted at it


@dataclass(frozen=True)
class BudgetConfig:
    # Pixels of line the second look may read per pixel of line the first engine read. Half A (55
    # screens, one run, machine busy), against the floor alone (what the old rule gave on a quiet
    # machine): 0.25 read 0.981 of the words (file) / 0.985 (live) for 0.975 / 0.977, table rows
    # 0.85 / 0.93 for 0.78 / 0.83, at a median OCR time 8-11 % longer; most screens of a dialog or
    # a page read under 10,000 pixels of line and keep the floor. 0.15 lost rows of terminal
    # listings ('-rw-r--r--' read in pieces) that the old rule read on a busy machine.
    share: float = 0.25
    least: int = 2400  # pixels of line read whatever the screen (a dialog's few unsure words)
    most: int = 9600  # pixels of line at most (beyond this, the picture is no screen of text)


def text_pixels(lines: Sequence[OcrLine]) -> int:
    """Pixels of line the first engine read: each word's width at the height of 48."""
    total = 0.0
    for line in lines:
        for word in line.words:
            x0, y0, x1, y1 = word.box
            total += (x1 - x0) * HEIGHT / max(1, y1 - y0)
    return round(total)


class LookBudget:
    """Pixels of line the recogniser may read after a first reading of ``lines``."""

    def __init__(self, config: BudgetConfig | None = None) -> None:
        self.cfg = config or BudgetConfig()

    def pixels(self, lines: Sequence[OcrLine], faint: int = 0) -> int:
        """``faint``: pixels of line to read again on top of the floor, whatever the share gives
        (:func:`assistant.ocr.faint.faint_read`: a light dialog's lines used up the floor, and its
        buttons were left unread; a screen of text whose share is above that keeps it)."""
        wanted = self.cfg.share * text_pixels(lines)
        return max(int(min(self.cfg.most, max(self.cfg.least, wanted))), self.cfg.least + faint)
