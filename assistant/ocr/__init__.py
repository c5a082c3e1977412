"""Reading text on screens and in pictures: engine interface, backends, reading order.

``create_ocr_engine("auto")`` picks the backend measured fastest that still reads >= 95 % of the
words of the rendered screen set (benchmarks/ocr_engines.py); see AUTO_ORDER.
"""

from __future__ import annotations

from assistant.catalog import spoken_list
from assistant.errors import AssistantError
from assistant.ocr.base import NullOcrEngine, OcrEngine, OcrResult
from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.incremental import ChangeAwareOcr
from assistant.ocr.layout import TextBlock, layout_blocks

ENGINE_NAMES = ("auto", "rapidocr", "tesseract", "none")

# Fastest first among the engines that met the recall bar on the fixture set (see module docstring).
AUTO_ORDER = ("tesseract", "rapidocr")


def available_ocr_engines() -> list[str]:
    from assistant.ocr.rapid import rapidocr_available
    from assistant.ocr.tesseract import tesseract_available

    found = []
    if tesseract_available():
        found.append("tesseract")
    if rapidocr_available():
        found.append("rapidocr")
    return found


def create_ocr_engine(name: str = "auto") -> OcrEngine:
    """The OCR engine called ``name``; AssistantError saying why when it cannot be had."""
    name = (name or "auto").lower()
    if name == "none":
        return NullOcrEngine()
    if name == "rapidocr":
        from assistant.ocr.rapid import RapidOcrEngine

        return RapidOcrEngine()
    if name == "tesseract":
        from assistant.ocr.tesseract import TesseractEngine

        return TesseractEngine()
    if name == "auto":
        available = available_ocr_engines()
        for candidate in AUTO_ORDER:
            if candidate in available:
                return _with_second_look(create_ocr_engine(candidate))
        raise AssistantError(
            "No text reader can run: install tesseract-ocr, or reinstall the assistant to restore its "
            "text-reading models."
        )
    raise AssistantError(f"Unknown text reader '{name}'; choose {spoken_list(ENGINE_NAMES)}.")


def _with_second_look(engine: OcrEngine) -> OcrEngine:
    """Tesseract with PP-OCR's recogniser reading what it left unread or was unsure of
    (:mod:`assistant.ocr.second_look`), when the recogniser's model is there; text in an X core
    bitmap font read from the font's glyphs before either (:mod:`assistant.ocr.glyph_reading`)."""
    from assistant.ocr.line_reader import LineReader, line_reader_available
    from assistant.ocr.tesseract import TesseractEngine

    if not isinstance(engine, TesseractEngine) or not line_reader_available():
        return engine
    from assistant.ocr.glyph_reading import GlyphFirstOcr
    from assistant.ocr.second_look import SecondLookOcr

    engine.min_confidence = 0.0  # its unsure words are judged again, not dropped unseen
    return SecondLookOcr(GlyphFirstOcr(engine), LineReader())


__all__ = [
    "AUTO_ORDER",
    "ENGINE_NAMES",
    "AssistantError",
    "Box",
    "ChangeAwareOcr",
    "NullOcrEngine",
    "OcrEngine",
    "OcrLine",
    "OcrResult",
    "OcrWord",
    "TextBlock",
    "available_ocr_engines",
    "create_ocr_engine",
    "layout_blocks",
]
