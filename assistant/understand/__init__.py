"""Screen understanding: what kind of image, what text in what order, and what to say about it.

Qt-free and model-agnostic: the captioner comes in as a :class:`PictureCaptioner` (anything with
``caption(image)``), OCR as an :class:`assistant.ocr.OcrEngine`.
"""

from assistant.understand.classify import KINDS, ClassifierConfig, KindResult, classify_kind
from assistant.understand.compose import VERBOSITIES, PictureCaptioner, Understanding, understand
from assistant.understand.reading import read_all_text
from assistant.understand.wording import CaptionLike, ComposeConfig, caption_confidence, hedge, hedge_result

__all__ = [
    "KINDS",
    "VERBOSITIES",
    "CaptionLike",
    "ClassifierConfig",
    "ComposeConfig",
    "KindResult",
    "PictureCaptioner",
    "Understanding",
    "caption_confidence",
    "classify_kind",
    "hedge",
    "hedge_result",
    "read_all_text",
    "understand",
]
