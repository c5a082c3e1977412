"""Links' labels in a diagram: where they stand, and what they say ("yes", "no", "30 s") (issue #16).

A page reader (tesseract on the whole picture) often skips a lone "yes" beside an arrow or reads it
"es", and an arrowhead as "v". So the label's place is also found from the ink: letter-sized strokes
beside a link and outside every node (:func:`label_spots`), read again with the nodes
(:func:`assistant.understand.diagram_reading.reread_nodes`), matched to the usual label words where
one fits give or take a letter (:func:`clean_label`), and given to the link they stand closest along
(:func:`label_links`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.masks import dilate, regions
from assistant.ocr.boxes import OcrLine
from assistant.understand.diagrams import Diagram


def label_boxes(diagram: Diagram, lines: Sequence[OcrLine]) -> list[tuple[int, int, int, int]]:
    """Each short line's box at the analysed size, widened (OCR cuts "yes" to "es": its "y" is left out)."""
    width, height = diagram.size
    out = []
    for line in lines:
        x0, y0, x1, y1 = (round(v * diagram.scale) for v in line.box)
        pad, rise = round(0.7 * (y1 - y0)), (y1 - y0) // 2
        out.append((max(0, x0 - pad), max(0, y0 - rise), min(width, x1 + pad), min(height, y1 + rise)))
    return out


LABEL_WORDS = ("yes", "no", "true", "false", "ok", "else", "done", "fail", "error")


def overlap(a: OcrLine, b: OcrLine) -> bool:
    return a.box[0] < b.box[2] and b.box[0] < a.box[2] and a.box[1] < b.box[3] and b.box[1] < a.box[3]


def clean_label(first: str, again: str) -> str:
    """A link's label from the first reading and the cleaned one: a usual label word that either
    holds, give or take a letter ("lyes" beside its line, "es": "yes"), else the cleaned reading,
    trimmed of stray marks, when it has a figure or three letters ("" otherwise)."""
    for text in (again, first):
        bare = "".join(ch for ch in text.lower() if ch.isalpha())
        for word in LABEL_WORDS:
            cut = len(bare) >= 2 and word.endswith(bare) and len(word) == len(bare) + 1  # "es"
            if bare == word or cut or (len(word) >= 3 and word in bare and len(bare) <= len(word) + 1):
                return word
    text = (again or first).strip(" .,;:'\"|\\/()[]“”‘’")
    letters = sum(ch.isalpha() for ch in text)
    # Two letters that are no label word, and no figure: an arrowhead and a stray letter ("vy").
    return text if any(ch.isdigit() for ch in text) or letters >= 3 else ""


def label_links(diagram: Diagram, lines: Sequence[OcrLine], reach: int = 14) -> None:
    """A short text next to a link's stroke is its label ("yes", "no", "30 s")."""
    height, width = diagram.stroke_labels.shape
    by_stroke = {link.stroke: link for link in diagram.links if link.stroke}
    for line in lines:
        if len(line.text.split()) > 3 or sum(ch.isalnum() for ch in line.text) < 2:
            continue  # an arrowhead read as "v" is no label
        x0, y0, x1, y1 = (round(v * diagram.scale) for v in line.box)
        window = diagram.stroke_labels[
            max(0, y0 - reach) : min(height, y1 + reach), max(0, x0 - reach) : min(width, x1 + reach)
        ]
        ids, counts = np.unique(window, return_counts=True)
        near = sorted((c, int(i)) for i, c in zip(ids, counts, strict=True) if int(i) in by_stroke)
        if near and not by_stroke[near[-1][1]].label:  # the line it stands closest along
            by_stroke[near[-1][1]].label = line.text.strip()


def label_spots(diagram: Diagram, reach: int = 16) -> list[OcrLine]:
    """Where links' labels stand, from the ink alone (a page reader often skips a lone "yes"): small
    strokes, letter-sized, near a link and outside every node, joined into words; empty text, boxes
    in picture pixels."""
    links = [link.stroke for link in diagram.links if link.stroke]
    count = int(diagram.stroke_labels.max())
    if not links or count == 0:
        return []
    areas, boxes = regions(diagram.stroke_labels, count)
    near = dilate(np.isin(diagram.stroke_labels, links), reach)
    top = min(n.box[1] for n in diagram.nodes)
    glyphs = []
    for i, (x0, y0, x1, y1) in enumerate(boxes.tolist()):
        letter = 4 <= y1 - y0 <= 30 and x1 - x0 <= 30 and areas[i] >= 4
        if i + 1 not in links and letter and y0 >= top and near[(y0 + y1) // 2, (x0 + x1) // 2]:
            glyphs.append([x0, y0, x1, y1])
    words: list[list[int]] = []
    for box in sorted(glyphs):
        last = words[-1] if words else None
        height = (box[3] - box[1]) if last is None else max(last[3] - last[1], box[3] - box[1])
        if last is not None and box[0] - last[2] <= 0.6 * height and box[1] < last[3] and last[1] < box[3]:
            last[:] = [last[0], min(last[1], box[1]), max(last[2], box[2]), max(last[3], box[3])]
        else:
            words.append(list(box))
    return [
        OcrLine("", tuple(round(v / diagram.scale) for v in w), 0.0)  # type: ignore[arg-type]
        for w in words
        if w[2] - w[0] >= 6
    ]
