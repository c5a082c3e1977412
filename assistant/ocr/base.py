"""The OCR engine interface: an image in, lines of words with boxes and confidences out.

Engines differ a lot in speed and in what they read well (RapidOCR reads scene text in photos,
tesseract is quick on clean screen text), so the rest of the assistant only sees this small
interface and :func:`assistant.ocr.create_ocr_engine` chooses the backend once.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import TextBlock, layout_blocks
from assistant.ocr.panels import Panel


@dataclass
class OcrResult:
    lines: list[OcrLine]
    engine: str = ""
    elapsed_ms: float = 0.0
    image_size: tuple[int, int] = (0, 0)
    # The picture's panes, topmost first (assistant.ocr.panels.find_panels), when they were looked
    # for: then each pane's text is read in turn, so that overlapping windows are not run together.
    panels: list[Panel] = field(default_factory=list)
    # The picture read, when the layout may look at it: what it draws between lines (a rule, an
    # edge of ground) parts them (assistant.ocr.separators).
    picture: Image.Image | None = None
    # Words read exactly, from a font's own glyphs (assistant.ocr.glyph_reading): the checks made
    # of an engine's words (the glyph vote, the font's look at unsure words) pass them by.
    exact: frozenset[OcrWord] = frozenset()

    def blocks(self) -> list[TextBlock]:
        """Lines grouped into blocks, in reading order (pane by pane; in a pane, columns, top to
        bottom, left to right)."""
        return layout_blocks(self.lines, self.panels, picture=self.picture)

    @property
    def text(self) -> str:
        """All text in reading order: one line per OCR line, a blank line between blocks."""
        return "\n\n".join(block.text for block in self.blocks())

    @property
    def word_count(self) -> int:
        return sum(len(line.text.split()) for line in self.lines)


class OcrEngine(ABC):
    """Reads the text in an image. Implementations are thread-safe for one caller at a time."""

    name: str = "ocr"

    @abstractmethod
    def recognize(self, image: Image.Image) -> OcrResult:
        """All text lines found in ``image`` (boxes in ``image``'s own pixel coordinates)."""

    def read_sheet(self, sheet: Image.Image) -> OcrResult:
        """Reads a sheet of small snippets, one under another (assistant.ocr.gaps); engines with a
        mode for a uniform block of text use it here."""
        return self.recognize(sheet)


class NullOcrEngine(OcrEngine):
    """Reads nothing: used when the user turned OCR off (``--ocr none``) and in tests."""

    name = "none"

    def recognize(self, image: Image.Image) -> OcrResult:
        return OcrResult(lines=[], engine=self.name, image_size=image.size)
