"""CIDEr-D as a training reward, with document frequencies fixed from the training references.

Why not pycocoevalcap's ``Cider`` directly: it recomputes n-gram document frequencies from whatever
set it is asked to score, so a reward for one batch of 32 images would weigh n-grams by how rare
they are *in that batch*. Self-critical training (Rennie et al., 2017) instead fixes the document
frequencies once over the whole training corpus (as ``CiderD(df="coco-train")`` does in the reference
implementations) and then scores many sampled captions per step. The arithmetic below is
pycocoevalcap's CIDEr-D (tf-idf n-gram vectors for n = 1..4, clipped overlap, Gaussian length
penalty with sigma 6, times 10); a test checks that it reproduces pycocoevalcap exactly when both
take their frequencies from the same references.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

NGRAMS = 4
SIGMA = 6.0

_Vector = list[dict[tuple[str, ...], float]]  # one tf-idf dict per n-gram order


def ngram_counts(words: Sequence[str]) -> Counter[tuple[str, ...]]:
    """Every 1- to 4-gram of ``words`` with its count.

    ``zip`` of shifted copies makes the tuples and ``Counter`` counts them, both in C: the consensus
    vote counts ~75 neighbour captions a picture, and this is 3x faster than a Python loop.
    """
    words = list(words)
    counts: Counter[tuple[str, ...]] = Counter()
    for n in range(1, NGRAMS + 1):
        counts.update(zip(*(words[k:] for k in range(n)), strict=False))  # shifted copies: unequal
    return counts


def document_frequencies(
    documents: Iterable[Sequence[Counter[tuple[str, ...]]]],
) -> Counter[tuple[str, ...]]:
    """n-gram -> how many documents (one image's references together) contain it."""
    df: Counter[tuple[str, ...]] = Counter()
    for ref_counts in documents:
        df.update({gram for counts in ref_counts for gram in counts})
    return df


@dataclass
class TfIdfDoc:
    """One caption as CIDEr sees it: tf-idf n-gram vectors, their norms, and its length in bigrams."""

    vector: _Vector
    norms: list[float]
    length: int


def tfidf_doc(
    counts: Counter[tuple[str, ...]], df: Mapping[tuple[str, ...], int], log_docs: float
) -> TfIdfDoc:
    """``counts`` (from :func:`ngram_counts`) weighted by ``log(documents / df)``; df 0 and 1 weigh alike."""
    vector: _Vector = [{} for _ in range(NGRAMS)]
    norms = [0.0] * NGRAMS
    length = 0
    for gram, tf in counts.items():
        n = len(gram) - 1
        weight = float(tf) * (log_docs - math.log(max(1.0, float(df.get(gram, 0)))))
        vector[n][gram] = weight
        norms[n] += weight * weight
        if n == 1:  # pycocoevalcap measures length as the number of bigrams (words - 1)
            length += tf
    return TfIdfDoc(vector, [math.sqrt(v) for v in norms], length)


def cider_d_against(hyp: TfIdfDoc, refs: Sequence[TfIdfDoc]) -> float:
    """CIDEr-D of one caption against one image's references (x10, as pycocoevalcap)."""
    total = 0.0
    for ref in refs:
        delta = float(hyp.length - ref.length)
        per_n = 0.0
        for n in range(NGRAMS):
            overlap = 0.0
            ref_vec = ref.vector[n]
            for gram, weight in hyp.vector[n].items():
                if gram in ref_vec:
                    overlap += min(weight, ref_vec[gram]) * ref_vec[gram]
            if hyp.norms[n] != 0 and ref.norms[n] != 0:
                overlap /= hyp.norms[n] * ref.norms[n]
            per_n += overlap * math.exp(-(delta * delta) / (2 * SIGMA * SIGMA))
        total += per_n / NGRAMS
    return total / len(refs) * 10.0


class CiderD:
    """Scores tokenised captions against the references of an image, with corpus-wide frequencies.

    ``references[key]`` = the tokenised human captions of one image (lists of words). The document
    frequency of an n-gram is the number of images whose references contain it.
    """

    def __init__(self, references: Mapping[str, Sequence[Sequence[str]]]) -> None:
        if not references:
            raise ValueError("CIDEr-D needs references")
        counted = {key: [ngram_counts(ref) for ref in refs] for key, refs in references.items()}
        self._df = document_frequencies(counted.values())
        self._log_docs = math.log(float(len(references)))
        self._refs = {
            key: [tfidf_doc(counts, self._df, self._log_docs) for counts in ref_counts]
            for key, ref_counts in counted.items()
        }

    def score(self, key: str, words: Sequence[str]) -> float:
        """CIDEr-D of one caption (a list of words) for the image ``key``; 0 for an empty caption."""
        return cider_d_against(tfidf_doc(ngram_counts(words), self._df, self._log_docs), self._refs[key])

    def scores(self, keys: Sequence[str], captions: Sequence[Sequence[str]]) -> list[float]:
        return [self.score(key, words) for key, words in zip(keys, captions, strict=True)]
