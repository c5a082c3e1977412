"""A picture file that is no photo, read in its own order: a diagram's boxes along its arrows, a
photographed receipt's rows (issue #16).

:func:`assistant.understand.pictures.picture_lead` says what a flat picture is before its text is read
("A bar chart.", "QR code: ..."), and the OCR's blocks follow. A diagram's blocks in the OCR's order
are nonsense ("v. Send. es. no. reset link. Show error. Password Reset."), so here a diagram is looked
for first (after QR codes and chart marks, which name their pictures surely): its kind and title
lead ("A flowchart: Password Reset."), and its boxes' text replaces the OCR's blocks, in the order of
the arrows (:mod:`assistant.understand.diagram_reading`). A camera picture of text that the pixel
classifier took for a screen (a receipt, a menu board, a sign) is read again by the photo text reader
and said as what it is (:mod:`assistant.understand.text_photos`): "A receipt: CORNER CAFE." and its rows;
so is a photo whose text is a page or a receipt (:func:`photo_text_sentences`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image

from assistant.ocr.base import OcrEngine
from assistant.ocr.boxes import OcrLine
from assistant.ocr.layout import TextBlock
from assistant.understand.codes import codes_sentence
from assistant.understand.diagram_reading import describe_diagram
from assistant.understand.pictures import PictureConfig, picture_lead
from assistant.understand.reading import quote, select_text
from assistant.understand.text_photos import photographed, text_photo

WEAK_LEADS = ("A line chart.", "A scatter chart.")  # named by thin coloured strokes or dots alone


@dataclass
class PictureReading:
    """What the picture is (``lead``; None: a real screen or page, said as before) and the text read
    after it: the OCR's blocks, or the picture's own order."""

    lead: str | None
    blocks: list[TextBlock]
    pictures: list[str]  # the sentences of the pictures found in it, said last (none for a text photo)


def _words(blocks: Sequence[TextBlock]) -> int:
    return sum(len(line.text.split()) for block in blocks for line in block.lines)


def as_blocks(pieces: Sequence[str]) -> list[TextBlock]:
    """Sentences in a fixed order as blocks, so the verbosity's word budget applies to them too."""
    return [TextBlock([OcrLine(piece, (0, i, 1, i + 1), 1.0)]) for i, piece in enumerate(pieces) if piece]


def _after_code(lead: str | None, blocks: Sequence[TextBlock]) -> list[TextBlock]:
    """The text to read after ``lead``: after a barcode, not its digits again (OCR reads the figures
    printed under the bars, sometimes wrongly: "Barcode UPC-A: 036000291452. 034000291452.")."""
    if not lead or not lead.startswith("Barcode"):
        return list(blocks)
    code = "".join(ch for ch in lead.split(":", 1)[-1] if ch.isalnum())

    def is_code(line: OcrLine) -> bool:
        digits = "".join(ch for ch in line.text if ch.isalnum())
        return (
            len(digits) >= 6
            and sum(a != b for a, b in zip(digits, code, strict=False)) <= 2
            and (abs(len(digits) - len(code)) <= 1)
        )

    kept = [TextBlock(lines) for b in blocks if (lines := [ln for ln in b.lines if not is_code(ln)])]
    return kept


def picture_reading(
    rgb: Image.Image,
    blocks: Sequence[TextBlock],
    captioner: Any,
    cfg: PictureConfig | None = None,
    *,
    ocr: OcrEngine | None = None,
    photo_ocr: OcrEngine | None = None,
    pictures: Sequence[str] = (),
) -> PictureReading:
    """What an untitled picture that is no photo is, and the text read after it (see the module
    docstring): a photographed text, else (with no pictures in it) a diagram or :func:`picture_lead`.
    ``ocr`` reads a diagram's boxes again, cleaned; ``photo_ocr`` a photographed text."""
    cfg = cfg or PictureConfig()
    words = _words(blocks)
    lines = [ln for b in blocks for ln in b.lines]
    if words >= 4 and photographed(rgb):
        lead = None if pictures else picture_lead(rgb, blocks, captioner, cfg)
        if lead is None or not lead.startswith(("QR code", "Barcode")):  # a code says more
            photo_lines = photo_ocr.recognize(rgb).lines if photo_ocr is not None else lines
            found = text_photo(photo_lines, rgb.size) or text_photo(lines, rgb.size)
            if found is not None:
                return PictureReading(found.lead, as_blocks(found.pieces[1:]), [])
        return PictureReading(lead, _after_code(lead, blocks), list(pictures))
    if pictures:
        return PictureReading(None, list(blocks), list(pictures))
    if words <= cfg.lone_words:  # before the captioner is asked about a lone picture
        diagram = describe_diagram(rgb, lines, ocr) if words else None
        if diagram is not None:
            return PictureReading(diagram.lead, as_blocks(diagram.pieces), [])
        lead = picture_lead(rgb, blocks, captioner, cfg)
        return PictureReading(lead, _after_code(lead, blocks), [])
    lead = picture_lead(rgb, blocks, captioner, cfg)  # codes, chart marks, tables: they are sure...
    if lead is None or lead in WEAK_LEADS:  # ...but thin coloured strokes may be a diagram's outlines
        diagram = describe_diagram(rgb, lines, ocr)
        if diagram is not None:
            return PictureReading(diagram.lead, as_blocks(diagram.pieces), [])
    return PictureReading(lead, _after_code(lead, blocks), [])


def photo_text_sentences(
    rgb: Image.Image, lines: Sequence[OcrLine], budget: int | None, *, signs: bool = False
) -> list[str] | None:
    """A photo's text when it is a page, a receipt or a price list: what it is, then its paragraphs or
    rows within ``budget`` words (None: all); None for other text (a shirt's print, a sign in a
    street), which the photo's caption comes first for. ``signs``: a sign too ("A sign: Main
    Street."), for a photo whose caption could not tell what it shows."""
    found = text_photo(lines, rgb.size)
    if found is None or (found.kind == "sign" and not signs):
        return None
    said, more = select_text(as_blocks(found.pieces[1:]), budget)
    return [found.lead, *said, *(["More text follows."] if more else [])]


def photo_said(
    rgb: Image.Image, lines: Sequence[OcrLine], budget: int | None, quoted: int | None, held: str | None
) -> list[str]:
    """What follows a photo's caption: a code on it (a product's barcode, a poster's QR code), then its
    text: a page or a receipt read as one (:func:`photo_text_sentences`, ``budget`` words), else the
    ``lines`` quoted (``quoted`` words). ``held``: the gate's "I can't tell" for the photo, not said
    yet: a sign, a page or a receipt is said first instead (it is what the photo shows: "A sign: Main
    Street."), else ``held`` is."""
    page = photo_text_sentences(rgb, lines, budget, signs=held is not None) if lines else None
    code = [found] if (found := codes_sentence(rgb)) else []
    quote_ = quote(" ".join(ln.text for ln in lines), quoted)
    text = [f"With the text '{quote_}'."] if lines and not page else []
    if held is None:
        return [*code, *(page or []), *text]
    return [*(page or [held]), *code, *text]
