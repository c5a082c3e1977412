"""How much the second look may read: a share of the time the first engine took on the same picture.

The issue's bar is the whole reading in no more than 1.1x a raw ``tesseract --psm 3`` of the same
screen. The recogniser's cost grows with the width of what it reads (about 0.13 ms of one core per
pixel of line at its height of 48, so a fixed 6400 pixels cost 0.5 to 0.8x tesseract's time on a
quiet machine, and more on a busy one). So the budget is set per picture from what tesseract itself
just took, which already tells how busy the machine is and how big the screen is, and turned into
pixels of line by the recogniser's own measured speed on this machine.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class BudgetConfig:
    # The second look's time, at most this share of the first engine's. Half A, OCR alone: 0.5
    # read 0.968 of the words, no limit 0.977 on the terminals and man pages (most unsure words),
    # at 20 % more time; screen_reading's median OCR time 0.7 to 1.15x raw tesseract's (machine
    # quiet / busy), the live path 0.4 to 0.85x.
    share: float = 0.5
    least: int = 2400  # pixels of line read whatever the time (a dialog's few unsure words)
    most: int = 6400  # pixels of line at most (beyond this, the picture is no screen of text)
    first_guess: float = 0.15  # ms per pixel of line until the recogniser has been timed here


class LookBudget:
    """Pixels of line the recogniser may read after a first reading that took ``first_ms``, from
    its speed measured on the readings before (a running mean, shared by the threads)."""

    def __init__(self, config: BudgetConfig | None = None) -> None:
        self.cfg = config or BudgetConfig()
        self.ms_per_pixel = self.cfg.first_guess
        self._lock = threading.Lock()

    def pixels(self, first_ms: float) -> int:
        allowed = self.cfg.share * max(0.0, first_ms)
        with self._lock:
            rate = self.ms_per_pixel
        return int(min(self.cfg.most, max(self.cfg.least, allowed / rate)))

    def measured(self, pixels: int, ms: float) -> None:
        """The recogniser read ``pixels`` of line in ``ms``: the running speed updated (readings
        too short to time well are left out)."""
        if pixels < 400 or ms <= 0:
            return
        with self._lock:
            self.ms_per_pixel = 0.7 * self.ms_per_pixel + 0.3 * (ms / pixels)
