"""Choosing the caption to speak among the beam's best few and its near misses. Torch-free.

Each candidate is scored ``log p / (words + 1)**lp + FIT_WEIGHT * cosine + CONSENSUS_WEIGHT * consensus``:

- ``log p`` is the captioner's own belief (the beam's ranking);
- ``cosine`` is how well the sentence fits the picture by the contrastive image-text model
  (:mod:`assistant.vision.matching.contrastive`), which also gives the chosen caption its confidence;
- ``consensus`` is how much it agrees with people's descriptions of the nearest training photos
  (:mod:`assistant.vision.matching.caption_memory`).

The candidates are the beam's best few, its near misses and the nearest training photo's own
captions (kNN captioning: Devlin et al. 2015); those have no ``log p``, so they take the beam's least
likely candidate's, less :data:`RETRIEVED_PRIOR`, and their own photo does not vote on them. The
chosen one carries ``retrieved_from`` (the training photo) when it is such a caption.

Either model may be missing (a slim install, another encoder): the rest still applies. The weights
were chosen on one half of the val split and checked on the other (the model card has the table).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from assistant.vision.inference.result import CaptionResult
from assistant.vision.inference.runtime import CaptionerLike
from assistant.vision.matching.caption_memory import CaptionMemory, load_caption_memory
from assistant.vision.matching.contrastive import (
    ContrastiveMatcher,
    annotate_confidence,
    load_caption_matcher,
)
from assistant.vision.model.vocab import detokenize

#: Weight of the image-text cosine. Val CIDEr of the SCST captioner (beam 3, 3 candidates): 0.5437
#: alone, 0.5507 at 0.5, 0.5508 at 0.75, and a gain at every weight from 0.2 to 2.
FIT_WEIGHT = 0.5
#: Weight of the consensus CIDEr-D (its values run 0..~3; log p / length**lp runs about -3..0). 8 was
#: chosen for the beam's three best; with its near misses too, 12 won on one half of val and held on
#: the other (the memory's model card has the table).
CONSENSUS_WEIGHT = 12.0
#: Training photos (the nearest) whose own captions are weighed too (kNN captioning), and what they
#: lose against the beam's least likely candidate in the captioner's term (they have no log p); 0:
#: none. Chosen on half A of val (1 photo, prior 1: CIDEr 0.6493 -> 0.6511, BLEU-4 0.2436 held) and
#: checked on half B (0.5977 -> 0.6143, BLEU-4 0.2394 -> 0.2413); the model card has the table.
RETRIEVED_PHOTOS = 1
RETRIEVED_PRIOR = 1.0
#: ... and only a photo this like the picture (cosine of the pooled features): another photo's caption
#: is said only of a near-duplicate. On val, 0.65-0.72 were best on half A (0.2441 / 0.6517 against
#: 0.2436 / 0.6511 without it) and 11 photos in 1,000 got a training caption; the nearest training
#: photo of every picture of the wild set (issue #16) lies below it (at most 0.68).
RETRIEVED_LIKENESS = 0.70
#: How many of the beam's finished captions are weighed (the beam's width at the app's beam 3).
RERANK_CANDIDATES = 3
#: Whether the beam's near misses (see :mod:`assistant.vision.inference.beam_search`) are weighed too.
NEAR_MISSES = True


@dataclass
class CaptionReranker:
    """The beam's candidates in, the one to speak out (carrying its confidence when it can)."""

    matcher: ContrastiveMatcher | None = None
    memory: CaptionMemory | None = None
    fit_weight: float = FIT_WEIGHT
    consensus_weight: float = CONSENSUS_WEIGHT
    retrieved: int = RETRIEVED_PHOTOS
    retrieved_prior: float = RETRIEVED_PRIOR
    retrieved_likeness: float = RETRIEVED_LIKENESS

    def scores(
        self,
        candidates: Sequence[Any],
        pooled: np.ndarray,
        length_penalty: float,
        own: Sequence[int | None] | None = None,
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """``(C,)`` combined scores of the candidates (``CaptionResult``-like) for one image, and
        ``(C,)`` their image-text cosines (None without the matcher).

        ``own[c]``: the training photo whose caption candidate ``c`` is (:meth:`retrieve`), else None:
        the captioner never scored it, so its first term is the beam's least likely candidate's less
        :attr:`retrieved_prior`, and its own photo does not vote on it (``CaptionMemory.consensus``)."""
        owners = list(own) if own is not None else [None] * len(candidates)
        pairs = zip(candidates, owners, strict=True)
        decoded = [c.score(length_penalty) if o is None else None for c, o in pairs]  # once each
        floor = min(d for d in decoded if d is not None) - self.retrieved_prior
        scores = np.asarray([floor if d is None else d for d in decoded], dtype=np.float64)
        cosines = None
        if self.matcher is not None:
            cosines = self.matcher.similarity(pooled[None], [c.text for c in candidates])[0]
            scores += self.fit_weight * cosines
        if self.memory is not None and self.consensus_weight:
            scores += self.consensus_weight * self.memory.consensus(
                pooled, [list(c.tokens) for c in candidates], owners
            )
        return scores, cosines

    def retrieve(self, pooled: np.ndarray, best: Any) -> list[tuple[CaptionResult, int]]:
        """The captions of the :attr:`retrieved` nearest training photos as candidates (kNN captioning,
        Devlin et al. 2015), each with its photo, when that photo is at least :attr:`retrieved_likeness`
        like the picture (cosine); they carry the beam's best's mean log p."""
        if self.memory is None or self.retrieved <= 0:
            return []
        out = []
        for words, photo in self.memory.retrieve(pooled, self.retrieved, self.retrieved_likeness):
            mean = float(best.mean_log_prob)
            result = CaptionResult(detokenize(words), words, mean * (len(words) + 1), mean, pooled=pooled)
            result.retrieved_from = photo
            out.append((result, photo))
        return out

    def rerank(self, result: CaptionResult, length_penalty: float) -> CaptionResult:
        """The result's best candidate by :meth:`scores`; it lists the candidates as ``alternatives``.

        Without alternatives or a pooled feature this only annotates the confidence.
        """
        # (a training caption a previous call added is left out: it is added again below when asked)
        candidates = [c for c in result.alternatives if c.text.strip() and c.retrieved_from is None]
        pooled = result.pooled
        if len(candidates) < 2 or pooled is None:
            if self.matcher is not None:
                annotate_confidence(self.matcher, result)
            return result
        started = time.perf_counter()
        pooled = np.asarray(pooled, dtype=np.float32)
        seen = {tuple(c.tokens) for c in candidates}
        extra = [(r, w) for r, w in self.retrieve(pooled, candidates[0]) if tuple(r.tokens) not in seen]
        own: list[int | None] = [None] * len(candidates) + [photo for _, photo in extra]
        candidates = candidates + [r for r, _ in extra]
        scores, cosines = self.scores(candidates, pooled, length_penalty, own)
        index = int(np.argmax(scores))
        chosen = candidates[index]
        if self.matcher is not None and cosines is not None:
            chosen.confidence = float(self.matcher.confidence_from_similarity(cosines[index]))
        chosen.alternatives = candidates
        chosen.timings = {**result.timings, "rerank": (time.perf_counter() - started) * 1000}
        return chosen


def load_reranker(
    encoder: str | None,
    contrastive_dir: Path | None = None,
    memory_dir: Path | None = None,
    consensus: bool = True,
) -> CaptionReranker | None:
    """The shipped (or given) models that fit ``encoder``'s grid; None when neither applies."""
    matcher = load_caption_matcher(contrastive_dir, encoder)
    memory = load_caption_memory(memory_dir, encoder) if consensus else None
    if matcher is None and memory is None:
        return None
    return CaptionReranker(matcher, memory)


def captioner_length_penalty(captioner: CaptionerLike) -> float:
    """The beam length penalty of either runtime (the protocol carries it: ``captioner.length_penalty``)."""
    return captioner.length_penalty


def reranker_for(captioner: Any, consensus: bool = True) -> CaptionReranker | None:
    """:func:`load_reranker` with the shipped folders, for this captioner's encoder."""
    return load_reranker(captioner.encoder_name, consensus=consensus)


# ``captioner`` is a CaptionerLike below; typed Any while folder mode passes its own narrower protocol.
def caption_candidates(captioner: Any, images: Sequence[Image.Image], beam_size: int) -> list[Any]:
    """Caption ``images``, each result listing as ``alternatives`` the captions the reranker weighs:
    the beam's best few and its near misses."""
    return list(
        captioner.caption_batch(images, beam_size, min(RERANK_CANDIDATES, beam_size), near_misses=NEAR_MISSES)
    )


def caption_reranked(
    captioner: Any, reranker: CaptionReranker, images: Sequence[Image.Image], beam_size: int
) -> list[Any]:
    """:func:`caption_candidates`, then the one the reranker prefers for each image.

    What the Describer, folder mode and ``evaluate --rerank`` say; the scores come from the grid the
    captioner already computed (no second encode).
    """
    if not images:
        return []
    found = caption_candidates(captioner, images, beam_size)
    return [reranker.rerank(result, captioner.length_penalty) for result in found]
