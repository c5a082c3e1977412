"""How a caption is said: sentences, and hedging by how sure the models are.

Shared by the describe pipeline (:mod:`assistant.understand.compose`) and folder mode, so that a
photo gets the same words whether it is described alone or as part of a folder.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol


class CaptionLike(Protocol):
    """What wording needs from a caption (either runtime's
    :class:`assistant.vision.inference.result.CaptionResult`, or a test's own)."""

    @property
    def text(self) -> str: ...

    @property
    def log_prob(self) -> float: ...

    @property
    def mean_log_prob(self) -> float: ...

    @property
    def confidence(self) -> float | None:
        """The image-text model's 0..1 match, when the Describer scored the caption; else None."""
        ...


@dataclass(frozen=True)
class ComposeConfig:
    # Word probability in 0..1: exp(mean_log_prob), the geometric mean of the per-word probabilities.
    # At or above ``sure``: said plainly; above ``unsure``: "Probably ..."; below: nothing made up,
    # just "A photo." (``caption_confidence`` reports the match confidence instead when there is one.)
    sure: float = 0.40
    unsure: float = 0.20
    # When the result also carries the image-text model's calibrated match ``confidence`` (0.5 = as
    # likely a match as not; assistant.vision.matching.contrastive), each doubt lowers the wording one
    # step: word probability below ``sure``, match below ``match_sure``. None: plain; one: "Probably
    # ..."; both: "Possibly ...". On Flickr8k val photos: 61% plain (CIDEr 0.67), 27% "Probably"
    # (0.37), 12% "Possibly" (0.20); benchmarks/caption_confidence.py.
    match_sure: float = 0.5
    brief_words: int = 30
    normal_words: int = 120
    max_pictures: int = 3  # photo regions captioned on a screen (largest first); brief: 1
    photo_text_words: int = 12  # text read out of a photo in brief/normal
    photo_text_confidence: float = 0.75  # OCR lines in a photo below this are not read out


def sentence(text: str) -> str:
    """``text`` on one line, ending as a sentence: a piece that ends in a letter, a digit or a dangling
    ",", ";" or ":" (OCR of a line that continues elsewhere) gets a full stop, so the next window's or
    paragraph's text does not run into it when pieces are joined."""
    text = " ".join(text.split())
    if text and text[-1] in ",;:":
        text = text[:-1].rstrip()
    if text and text[-1].isalnum():
        text += "."
    return text


def lower_first(text: str) -> str:
    """ "A dog ..." -> "a dog ..." for use after "Probably"; names and "I" keep their capital."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper() and not text.startswith("I "):
        return text[0].lower() + text[1:]
    return text


def match_confidence(caption: CaptionLike) -> float | None:
    """The image-text model's 0..1 match confidence, when the result carries one (the Describer sets it)."""
    explicit = caption.confidence
    if explicit is not None and not math.isnan(explicit):
        return float(min(1.0, max(0.0, explicit)))
    return None


def word_probability(caption: CaptionLike) -> float:
    """exp(mean token log-probability): 1.0 = the decoder was sure of every word."""
    return float(math.exp(min(0.0, caption.mean_log_prob)))


def caption_confidence(caption: CaptionLike) -> float:
    """The confidence reported with a caption: the image-text match when known, else word probability."""
    match = match_confidence(caption)
    return match if match is not None else word_probability(caption)


def hedge(
    caption: str, confidence: float, cfg: ComposeConfig | None = None, match: float | None = None
) -> str | None:
    """The caption as a sentence, hedged by confidence; None when too unsure to say anything made up.

    ``confidence`` is the word probability (exp(mean_log_prob)); ``match``, when known, the image-text
    model's. Each below its bar lowers the wording one step: plain, "Probably ...", "Possibly ...".
    """
    cfg = cfg or ComposeConfig()
    caption = sentence(caption.strip())
    if not caption or confidence < cfg.unsure:
        return None
    doubts = int(confidence < cfg.sure) + int(match is not None and match < cfg.match_sure)
    if doubts == 0:
        return caption[0].upper() + caption[1:]
    return f"{'Probably' if doubts == 1 else 'Possibly'} {lower_first(caption)}"


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless one: "1 row", "7 rows" (a table's heading is spoken)."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def hedge_result(caption: CaptionLike, cfg: ComposeConfig | None = None) -> str | None:
    """:func:`hedge` with every signal the result carries: word probability and, if set, the match."""
    return hedge(caption.text, word_probability(caption), cfg, match=match_confidence(caption))
