"""Lines that tesseract's page layout cut apart in the middle of a word, joined again.

Moved out of :mod:`assistant.ocr.tesseract` (which runs the program) as it only looks at the lines.
"""

from __future__ import annotations

import numpy as np

from assistant.ocr.boxes import OcrLine, OcrWord, union_box


def _fused_pairs(lines: list[OcrLine], share: float) -> dict[int, int]:
    """Line i -> line j where j's first word goes on from i's last on the same row with no space
    between: the gap under ``share`` of their height (a space is wider), the two overlapping by
    most of the lower one's height, neither twice the height of the other."""
    if len(lines) < 2:
        return {}
    last = np.array([ln.words[-1].box for ln in lines], dtype=np.int32)  # (n, 4)
    first = np.array([ln.words[0].box for ln in lines], dtype=np.int32)  # (n, 4)
    ha, hb = last[:, 3] - last[:, 1], first[:, 3] - first[:, 1]
    overlap = np.minimum(last[:, None, 3], first[None, :, 3]) - np.maximum(
        last[:, None, 1], first[None, :, 1]
    )
    gap = first[None, :, 0] - last[:, None, 2]  # (n, n): from i's last word to j's first
    low, high = np.minimum.outer(ha, hb), np.maximum.outer(ha, hb)
    fused = (overlap >= 0.6 * low) & (gap >= -2)
    # One word's two halves have one letter height: a tall unsure mark (a column of letters cut by
    # a window lying over them, read down as "ouuorp") is no half of the word beside it.
    fused &= high < 2 * low  # ("o" | "fly": 1.9 at most)
    fused &= gap < share * (ha[:, None] + hb[None, :]) / 2
    np.fill_diagonal(fused, False)
    pairs: dict[int, int] = {}
    for i, j in zip(*np.nonzero(fused), strict=True):
        if int(j) not in pairs.values() and int(i) not in pairs:
            pairs[int(i)] = int(j)
    return pairs


def rejoined(lines: list[OcrLine], share: float = 0.35) -> list[OcrLine]:
    """Lines that tesseract's page layout cut apart in the middle of a word joined again, the two
    halves one word: it took the double spaces of a justified man page for a column gutter and
    split "entries", "with" and "first" into "ent" | "ries" down one column of pixels."""
    lines = [ln for ln in lines if ln.words]
    pairs = _fused_pairs(lines, share)
    if not pairs:
        return lines
    out, used = [], set()
    starts = [k for k in range(len(lines)) if k not in pairs.values()]
    for start in starts + list(range(len(lines))):  # then any left (a ring of pairs)
        if start in used:
            continue
        words = list(lines[start].words)
        k = start
        used.add(k)
        while k in pairs and pairs[k] not in used:
            k = pairs[k]
            used.add(k)
            a, b = words[-1], lines[k].words[0]
            fused = OcrWord(a.text + b.text, union_box([a.box, b.box]), min(a.confidence, b.confidence))
            words = [*words[:-1], fused, *lines[k].words[1:]]
        confidence = float(np.mean([w.confidence for w in words]))
        out.append(OcrLine.of(words, confidence))
    return out
