"""What a captioner returns, whichever runtime made it (torch or onnxruntime). Torch-free."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.vision.inference.beam_search import length_normalised
from assistant.vision.model.vocab import Vocabulary, detokenize


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
    # image-text model is present (assistant.vision.matching.contrastive), else None.
    pooled: np.ndarray | None = field(default=None, repr=False)
    confidence: float | None = None
    # The beam's other finished captions, best first (this one included), when ``n_best`` > 1 was
    # asked for: the image-text model re-ranks them (contrastive_numpy.rerank_caption).
    alternatives: list[CaptionResult] = field(default_factory=list, repr=False)
    # Set when the caption is not the captioner's but a training photo's (its index in the caption
    # memory), weighed by the re-ranker as another candidate (assistant.vision.matching.rerank).
    retrieved_from: int | None = None

    def score(self, length_penalty: float) -> float:
        """The beam's ranking score, ``log p / (words + 1)**length_penalty``, as the hypotheses have it."""
        return length_normalised(self.log_prob, len(self.tokens), length_penalty)

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


def results_from_beams(vocab: Vocabulary, beams: Sequence[Sequence[Any]], cells: int) -> list[CaptionResult]:
    """The best result per image from its ranked finished beams (``tokens``, ``log_prob``, ``alphas``
    of either runtime's hypotheses); with several, the best also lists them all as ``alternatives``."""
    results = []
    for hyps in beams:
        ranked = [
            CaptionResult.from_hypothesis(vocab, h.tokens, h.log_prob, np.asarray(h.alphas), cells)
            for h in hyps
        ]
        if len(ranked) > 1:
            ranked[0].alternatives = ranked
        results.append(ranked[0])
    return results


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
