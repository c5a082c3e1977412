"""Screen understanding: what kind of image, what text in what order, and what to say about it.

Qt-free and model-agnostic: the captioner comes in as a plain callable, OCR as an
:class:`assistant.ocr.OcrEngine`.
"""

from assistant.understand.classify import KINDS, ClassifierConfig, KindResult, classify_kind
from assistant.understand.compose import (
    VERBOSITIES,
    CaptionFn,
    CaptionLike,
    ComposeConfig,
    Understanding,
    caption_confidence,
    read_all_text,
    understand,
)

__all__ = [
    "KINDS",
    "VERBOSITIES",
    "CaptionFn",
    "CaptionLike",
    "ClassifierConfig",
    "ComposeConfig",
    "KindResult",
    "Understanding",
    "caption_confidence",
    "classify_kind",
    "read_all_text",
    "understand",
]
