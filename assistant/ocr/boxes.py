"""What OCR finds: words and lines with their boxes and confidences, and box arithmetic.

These plain types sit below both the engine interface (:mod:`assistant.ocr.base`) and reading order
(:mod:`assistant.ocr.layout`), so that imports run one way: base -> layout -> boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in image pixels, x1/y1 exclusive


@dataclass(frozen=True)
class OcrWord:
    text: str
    box: Box
    confidence: float  # 0..1


@dataclass
class OcrLine:
    text: str
    box: Box
    confidence: float  # 0..1
    words: list[OcrWord] = field(default_factory=list)

    @classmethod
    def of(cls, words: list[OcrWord], confidence: float | None = None) -> OcrLine:
        """The line ``words`` make: their text joined by spaces, the box round them all, and
        ``confidence`` (default: the least sure word's). One home for the join the layout, grid and
        engine code each did for themselves."""
        conf = min(w.confidence for w in words) if confidence is None else confidence
        return cls(" ".join(w.text for w in words), union_box([w.box for w in words]), conf, words)

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]

    @property
    def width(self) -> int:
        return self.box[2] - self.box[0]


def box_middle(box: Box) -> float:
    """The row halfway down ``box``: where rows of text are told apart and put in order."""
    return (box[1] + box[3]) / 2


def line_middle(line: OcrLine) -> float:
    """The row halfway down ``line``'s box (:func:`box_middle`)."""
    return box_middle(line.box)


def union_box(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def inside(inner: Box, outer: Box, slack: int = 0) -> bool:
    """``inner`` lies within ``outer`` grown by ``slack`` pixels on every side (a negative slack: clear
    of ``outer``'s edge by that many)."""
    return (
        outer[0] - slack <= inner[0]
        and outer[1] - slack <= inner[1]
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def centre_in(box: Box, outer: Box) -> bool:
    """``box``'s middle pixel lies in ``outer``."""
    cx, cy = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
    return outer[0] <= cx < outer[2] and outer[1] <= cy < outer[3]


def overlaps(a: Box, b: Box) -> bool:
    """Whether boxes ``a`` and ``b`` share columns and rows."""
    return share_columns(a, b) and min(a[3], b[3]) > max(a[1], b[1])


def share_columns(a: Box, b: Box) -> bool:
    """Whether boxes ``a`` and ``b`` share columns (one over the other, in a column)."""
    return min(a[2], b[2]) > max(a[0], b[0])


def same_row(a: Box, b: Box) -> bool:
    """Whether boxes ``a`` and ``b`` stand on one row: their heights overlap by half the shorter
    one's at least (words of one line, whichever lines an engine cut it into)."""
    return min(a[3], b[3]) - max(a[1], b[1]) >= 0.5 * min(a[3] - a[1], b[3] - b[1])


def word_rows(lines: list[OcrLine]) -> list[list[tuple[int, int]]]:
    """The words of ``lines`` gathered in rows, whichever lines an engine cut a row into: each
    (line, word) index pair, left to right, in the row of the first word it stands on a row with
    (:func:`same_row`); rows in the order their leftmost words come."""
    rows: list[list[tuple[int, int]]] = []
    places = [(j, i) for j, line in enumerate(lines) for i in range(len(line.words))]
    for j, i in sorted(places, key=lambda at: lines[at[0]].words[at[1]].box[0]):
        box = lines[j].words[i].box
        row = next((r for r in rows if same_row(lines[r[0][0]].words[r[0][1]].box, box)), None)
        if row is None:
            rows.append([(j, i)])
        else:
            row.append((j, i))
    return rows


def overlap_share(a: Box, b: Box) -> float:
    """How much of ``a``'s area ``b`` covers."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = max(1, (a[2] - a[0]) * (a[3] - a[1]))
    return max(0, w) * max(0, h) / area


def scale_box(box: Box, factor: float, dx: int = 0, dy: int = 0) -> Box:
    """Maps a box found on a resized or cropped image back to the original image."""
    return (
        round(box[0] * factor) + dx,
        round(box[1] * factor) + dy,
        round(box[2] * factor) + dx,
        round(box[3] * factor) + dy,
    )


def shifted(line: OcrLine, dx: int, dy: int) -> OcrLine:
    """``line`` read on a part of a picture placed at (``dx``, ``dy``), in the picture's pixels."""
    words = [OcrWord(w.text, scale_box(w.box, 1.0, dx, dy), w.confidence) for w in line.words]
    return OcrLine(line.text, scale_box(line.box, 1.0, dx, dy), line.confidence, words)
