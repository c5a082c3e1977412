"""A dial's numbers (a clock face, a stopwatch, a gauge) read round the dial, not as a table.

On a clock face the numbers sit on a circle; a layout made for pages and tables groups them by
rows and columns ("10 9. 2. 3. Table, 4 rows. 8, 4. 7, 5. 6."), which no listener can follow. Lone
numbers that lie on one circle, all the way round it, are one dial: read clockwise from the top
("Dial: 12, 1, 2, 3, ..."), kept as one row of a grid so explore mode lists each number.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

import numpy as np

from assistant.ocr.boxes import OcrLine
from assistant.ocr.grid import Grid, Row


@dataclass(frozen=True)
class DialConfig:
    min_numbers: int = 6  # fewer lone numbers do not show a circle
    max_value: int = 60  # a clock's hours or a stopwatch's seconds
    spread: float = 0.2  # each number's distance from the circle, in radii
    max_gap: float = 150.0  # degrees: numbers all the way round, not an arc of a chart's axis
    min_radius: float = 2.5  # in the numbers' heights: a circle, not a cluster of keys


def _number(line: OcrLine, cfg: DialConfig) -> bool:
    text = line.text.strip()
    return text.isdigit() and 0 <= int(text) <= cfg.max_value


def _centre(line: OcrLine) -> tuple[float, float]:
    return (line.box[0] + line.box[2]) / 2, (line.box[1] + line.box[3]) / 2


def _fit(points: list[OcrLine]) -> tuple[float, float, float]:
    """The circle through ``points``' centres, least squares (Kasa's fit): centre and radius."""
    xy = np.array([_centre(p) for p in points], dtype=np.float64)  # (n, 2)
    a = np.column_stack([xy, np.ones(len(xy))])  # (n, 3)
    d, e, f = np.linalg.lstsq(a, -(xy**2).sum(axis=1), rcond=None)[0]
    cx, cy = -d / 2, -e / 2
    return float(cx), float(cy), float(math.sqrt(max(0.0, cx * cx + cy * cy - f)))


def _lanes(values: list[float], height: float) -> int:
    """How many rows (or columns) ``values`` stand in: those within half a height share one."""
    lanes = 0
    last = None
    for v in sorted(values):
        if last is None or v - last > 0.5 * height:
            lanes += 1
        last = v
    return lanes


def _on_circle(points: list[OcrLine], cfg: DialConfig) -> list[float] | None:
    """Each point's angle (degrees clockwise from the top) on the circle they lie on, or None."""
    cx, cy, radius = _fit(points)
    radii = [math.hypot(x - cx, y - cy) for x, y in map(_centre, points)]
    height = statistics.median(p.height for p in points)
    if radius < cfg.min_radius * height or max(abs(r - radius) for r in radii) > cfg.spread * radius:
        return None
    # A keypad's digits share rows and columns (1 4 7 and 3 6 9 fit a circle too); round a dial
    # they hardly do: a clock's twelve numbers stand in seven columns and seven rows. And round a
    # circle they stand in three columns and three rows at least: two columns of a table's lone
    # figures (renewals "0, 1, 0, 0, 1" and a few days of a date column beside them) fitted a
    # circle and were read as a dial.
    across = _lanes([(p.box[0] + p.box[2]) / 2 for p in points], height)
    down = _lanes([(p.box[1] + p.box[3]) / 2 for p in points], height)
    if across + down <= len(points) or min(across, down) < 3:
        return None
    angles = [math.degrees(math.atan2(x - cx, cy - y)) % 360 for x, y in map(_centre, points)]
    ordered = sorted(angles)
    gaps = [b - a for a, b in zip(ordered, [*ordered[1:], ordered[0] + 360], strict=True)]
    return angles if max(gaps) <= cfg.max_gap else None


def find_dial(lines: list[OcrLine], cfg: DialConfig | None = None) -> tuple[Grid | None, list[OcrLine]]:
    """A dial among ``lines`` (one row, its numbers clockwise from the top) and the other lines;
    (None, ``lines``) when there is none. Numbers off the circle (a lap's figure, a stray mark)
    are left out of it: the circle is fitted again without those far from it."""
    cfg = cfg or DialConfig()
    numbers = [ln for ln in lines if _number(ln, cfg)]
    if len(numbers) < cfg.min_numbers:
        return None, lines
    kept = numbers
    for _ in range(3):  # fitted again without the numbers far from the circle (a lap, a stray mark)
        if len(kept) < cfg.min_numbers:
            break
        cx, cy, radius = _fit(kept)
        kept = [p for p in numbers if abs(math.dist(_centre(p), (cx, cy)) - radius) <= 0.3 * radius]
    angles = _on_circle(kept, cfg) if len(kept) >= cfg.min_numbers else None
    if angles is None:
        return None, lines
    ring = [p for _, p in sorted(zip(angles, kept, strict=True), key=lambda pair: pair[0])]
    ids = {id(p) for p in ring}
    return Grid([Row(ring)], monospace=False, shape="dial"), [ln for ln in lines if id(ln) not in ids]
