"""Second look at a grid's empty cells: words the engine missed where every other row has one.

Tesseract drops what it takes for noise: a lone digit in a table column ("Platform 4"), white text
on a small dark badge, a day of the month between two wide gaps in a terminal listing. Within a
grid (:mod:`assistant.ocr.grid`) such a miss is visible: other rows have a word at that place and
this row has ink there but no word. Those snippets, made dark on light, are read together in one
small picture (one engine call, not one per snippet) and put back where they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from PIL import Image, ImageOps

from assistant.ocr.base import OcrEngine
from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.grid import Row, find_grids

PAD = 4  # pixels of its own ground put around a snippet (tesseract misses text touching an edge)
ZOOM = 2  # snippets are enlarged: a lone digit is small
MIN_CONFIDENCE = 0.6  # a second look finds ink, and ink is not always text (a button's face, an icon)
GAP = 20  # white space between snippets on the sheet
MAX_SNIPPETS = 40  # a second look costs one engine call; beyond this the grid is not a table
INK = 40  # grey levels from the ground: ink


def _row_gaps(row: Row, others: list[OcrWord]) -> list[tuple[int, int]]:
    """x-ranges where other rows have words and ``row`` has none, and wide spaces between the row's
    own words (a column every row lost); overlapping ranges merged."""
    own = sorted(
        [w for c in row.cells for w in c.words] or [OcrWord(c.text, c.box, c.confidence) for c in row.cells],
        key=lambda w: w.box[0],
    )
    spans = [
        (w.box[0], w.box[2])
        for w in others
        if not any(min(w.box[2], v.box[2]) - max(w.box[0], v.box[0]) > 0 for v in own)
    ]
    wide = 1.5 * row.tall
    spans += [(a.box[2] + 2, b.box[0] - 2) for a, b in pairwise(own) if b.box[0] - a.box[2] > wide]
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _ink_runs(crop: np.ndarray, space: int) -> list[tuple[int, int]]:
    """Column ranges of ``crop`` holding ink (far from its median grey), split at ``space`` empty columns."""
    columns = np.flatnonzero((np.abs(crop - np.median(crop)) > 60).any(axis=0))
    runs: list[tuple[int, int]] = []
    for x in columns:
        if runs and x - runs[-1][1] <= space:
            runs[-1] = (runs[-1][0], int(x) + 1)
        else:
            runs.append((int(x), int(x) + 1))
    return runs


def gap_boxes(gray: np.ndarray, lines: list[OcrLine]) -> list[Box]:
    """Boxes of ink in a grid's empty cells (text the engine did not return), each cut to its ink."""
    boxes: list[Box] = []
    height = gray.shape[0]
    for grid in find_grids(lines)[0]:
        words = [w for r in grid.rows for c in r.cells for w in c.words]
        for row in grid.rows:
            _, y0, _, y1 = row.box
            top, bottom = max(0, y0 - PAD), min(height, y1 + PAD)
            for a, b in _row_gaps(row, words):
                crop = gray[top:bottom, a:b].astype(np.int16)
                if crop.size == 0:
                    continue
                for r0, r1 in _ink_runs(crop, row.tall):
                    rows = np.flatnonzero((np.abs(crop[:, r0:r1] - np.median(crop)) > 60).any(axis=1))
                    if r1 - r0 >= 3 and rows.size >= 5:  # a digit at least, not a rule's pixel line
                        boxes.append((a + r0, top + int(rows[0]), a + r1, top + int(rows[-1]) + 1))
    return boxes


def _snippet(gray: np.ndarray, box: Box, *, binary: bool = False) -> Image.Image:
    """``box`` of ``gray`` on its own ground, enlarged, dark on light. ``binary``: black on white,
    cut halfway between the ground and the ink, the ink's side found from the ink itself (a white
    title on a mid-blue bar is lighter than its ground, though the ground is not dark; as they
    were, a title bar's gradient and shading left the engine reading nothing on a grey Onyx bar)."""
    part = gray[box[1] : box[3], box[0] : box[2]]
    # Its own ground around it (a badge's navy, not the page's white, which would frame it).
    snippet = ImageOps.expand(Image.fromarray(part), border=PAD, fill=int(np.median(part)))
    snippet = snippet.resize((snippet.width * ZOOM, snippet.height * ZOOM), Image.Resampling.LANCZOS)
    if not binary:
        return ImageOps.invert(snippet) if np.median(part) < 128 else snippet  # light text on dark ground
    px = np.asarray(snippet, dtype=np.int16)
    ground = float(np.median(px))
    off = px - ground
    if (off > INK).sum() > (off < -INK).sum():  # more ink lighter than the ground: light text
        px, ground = 255 - px, 255 - ground
    ink = px[px < ground - INK]
    cut = (ground + float(np.median(ink))) / 2 if ink.size else ground - INK
    return Image.fromarray(np.where(px > cut, 255, 0).astype(np.uint8))


def read_snippets(
    engine: OcrEngine, gray: np.ndarray, boxes: Sequence[Box], *, binary: bool = False
) -> list[tuple[int, OcrLine, int]]:
    """``boxes`` of ``gray`` read together on one sheet, one under another (one engine call): for
    each line read, the index of its box, the line (sheet coordinates) and its snippet's top."""
    snippets = [_snippet(gray, box, binary=binary) for box in boxes]
    width = max(snippet.width for snippet in snippets) + 2 * GAP
    sheet = Image.new("L", (width, sum(snippet.height + GAP for snippet in snippets) + GAP), 255)
    slots = []
    y = GAP
    for snippet in snippets:
        sheet.paste(snippet, (GAP, y))
        slots.append((y, y + snippet.height))
        y += snippet.height + GAP
    out = []
    for line in engine.read_sheet(sheet.convert("RGB")).lines:
        middle = (line.box[1] + line.box[3]) / 2
        for i, (top, bottom) in enumerate(slots):
            if top - GAP / 2 <= middle <= bottom + GAP / 2:
                out.append((i, line, top))
                break
    return out


def fill_gaps(image: Image.Image, lines: list[OcrLine], engine: OcrEngine) -> list[OcrLine]:
    """``lines`` and the words read in their grids' empty cells (unchanged when there are none)."""
    gray = np.asarray(image.convert("L"))
    boxes = gap_boxes(gray, lines)
    if not boxes or len(boxes) > MAX_SNIPPETS:
        return lines
    found = []
    for i, line, _ in read_snippets(engine, gray, boxes):
        if line.confidence >= MIN_CONFIDENCE:
            box = boxes[i]
            found.append(OcrLine(line.text, box, line.confidence, [OcrWord(line.text, box, line.confidence)]))
    return lines + found
