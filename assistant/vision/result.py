"""What a captioner returns, whichever runtime made it (torch or onnxruntime). Torch-free."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.vision.vocab import Vocabulary, detokenize


@dataclass
class CaptionResult:
    text: str  # a sentence to speak: "A dog runs through the grass."
    tokens: list[str]
    log_prob: float  # sum of log p over the words and <end>
    mean_log_prob: float  # per emitted token; the composer hedges on it
    alphas: np.ndarray | None = None  # (len(tokens) + 1, N) attention weights
    grid: tuple[int, int] | None = None  # (rows, cols) of the feature grid, for attention maps
    timings: dict[str, float] = field(default_factory=dict)  # ms per image: "encode", "decode"
    # The encoder grid's mean (D,), kept so the contrastive model can score the caption without
    # running the encoder again; ``confidence`` is that score, 0..1, set by the Describer when the
    # image-text model is present (assistant.vision.contrastive_numpy), else None.
    pooled: np.ndarray | None = field(default=None, repr=False)
    confidence: float | None = None
    # The beam's other finished captions, best first (this one included), when ``n_best`` > 1 was
    # asked for: the image-text model re-ranks them (contrastive_numpy.rerank_caption).
    alternatives: list[CaptionResult] = field(default_factory=list, repr=False)

    @classmethod
    def from_hypothesis(
        cls, vocab: Vocabulary, token_ids: Sequence[int], log_prob: float, alphas: np.ndarray, cells: int
    ) -> CaptionResult:
        """A finished beam (word ids without <start>/<end>, summed log p, attention) as a result."""
        words = vocab.decode(token_ids)
        side = round(cells**0.5)
        return cls(
            text=detokenize(words),
            tokens=words,
            log_prob=log_prob,
            mean_log_prob=log_prob / (len(token_ids) + 1),
            alphas=alphas,
            grid=(side, side) if side * side == cells else None,
        )


def with_alternatives(ranked: Sequence[CaptionResult]) -> CaptionResult:
    """The first (best) of a beam's ranked results, listing all of them when there are several."""
    best = ranked[0]
    if len(ranked) > 1:
        best.alternatives = list(ranked)
    return best


def attach_pooled(results: Sequence[CaptionResult], features: np.ndarray) -> None:
    """Give each result its image's mean grid feature: ``features`` is ``(B, N, D)`` or pooled ``(B, D)``."""
    pooled = features.mean(axis=1) if features.ndim == 3 else features
    for result, row in zip(results, np.asarray(pooled, dtype=np.float32), strict=True):
        result.pooled = row
        for other in result.alternatives:
            other.pooled = row


def stamp_timings(results: Sequence[CaptionResult], started: float, encoded: float, decoded: float) -> None:
    """Per-image encode/decode milliseconds of a batch, from ``time.perf_counter`` stamps."""
    for result in results:
        result.timings = {
            "encode": (encoded - started) * 1000 / len(results),
            "decode": (decoded - encoded) * 1000 / len(results),
        }
