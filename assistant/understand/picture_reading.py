"""A picture file that is no photo, read in its own order: a diagram's boxes along its arrows (issue #16).

:func:`assistant.understand.pictures.picture_lead` says what a flat picture is before its text is read
("A bar chart.", "QR code: ..."), and the OCR's blocks follow. A diagram's blocks in the OCR's order
are nonsense ("v. Send. es. no. reset link. Show error. Password Reset."), so here a diagram is looked
for first (after QR codes and chart marks, which name their pictures surely): its kind and title
lead ("A flowchart: Password Reset."), and its boxes' text replaces the OCR's blocks, in the order of
the arrows (:mod:`assistant.understand.diagram_reading`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image

from assistant.ocr.base import OcrEngine
from assistant.ocr.boxes import OcrLine
from assistant.ocr.layout import TextBlock
from assistant.understand.diagram_reading import describe_diagram
from assistant.understand.pictures import PictureConfig, picture_lead

WEAK_LEADS = ("A line chart.", "A scatter chart.")  # named by thin coloured strokes or dots alone


@dataclass
class PictureReading:
    """What the picture is (``lead``; None: a real screen or page, said as before) and the text read
    after it: the OCR's blocks, or the picture's own order."""

    lead: str | None
    blocks: list[TextBlock]


def _words(blocks: Sequence[TextBlock]) -> int:
    return sum(len(line.text.split()) for block in blocks for line in block.lines)


def as_blocks(pieces: Sequence[str]) -> list[TextBlock]:
    """Sentences in a fixed order as blocks, so the verbosity's word budget applies to them too."""
    return [TextBlock([OcrLine(piece, (0, i, 1, i + 1), 1.0)]) for i, piece in enumerate(pieces) if piece]


def picture_reading(
    rgb: Image.Image,
    blocks: Sequence[TextBlock],
    captioner: Any,
    cfg: PictureConfig | None = None,
    *,
    ocr: OcrEngine | None = None,
) -> PictureReading:
    """:func:`picture_lead`, unless the picture is a diagram: then "A flowchart: Password Reset." and
    its boxes in the arrows' order (``ocr`` reads the boxes again, each alone and cleaned)."""
    cfg = cfg or PictureConfig()
    words = _words(blocks)
    lines = [ln for b in blocks for ln in b.lines]
    if words <= cfg.lone_words:  # before the captioner is asked about a lone picture
        diagram = describe_diagram(rgb, lines, ocr) if words else None
        if diagram is not None:
            return PictureReading(diagram.lead, as_blocks(diagram.pieces))
        return PictureReading(picture_lead(rgb, blocks, captioner, cfg), list(blocks))
    lead = picture_lead(rgb, blocks, captioner, cfg)  # codes, chart marks, tables: they are sure...
    if lead is None or lead in WEAK_LEADS:  # ...but thin coloured strokes may be a diagram's outlines
        diagram = describe_diagram(rgb, lines, ocr)
        if diagram is not None:
            return PictureReading(diagram.lead, as_blocks(diagram.pieces))
    return PictureReading(lead, list(blocks))
