"""Decoding, backend-free: length-normalised beam search (and greedy) over any runtime's decoder steps.

One algorithm for both runtimes. A runtime supplies only the array steps, as :class:`DecoderSteps`:
run the decoder on one token per row and return log-probabilities (banned ids already at ``-inf``)
and attention, and reorder its state rows. Torch does that in :mod:`.torch_steps`, onnxruntime in
:class:`.onnx_captioner.OnnxSteps`; everything else happens here, in numpy on the host: the no-repeat
rule, the ``2K`` candidates per step, near misses, the forced ending, the final ranking and its
length-normalised score. So both runtimes give the same captions because
they share this code, not because two copies were kept in step.

Beam search is batched over images (``B`` images x ``K`` beams decoded as one ``B*K`` batch, row
``b*K + j`` is beam ``j`` of image ``b``) so that evaluation and folder mode use the CPU well; the
bookkeeping follows fairseq: each step ranks ``2K`` candidates, an ``<end>`` candidate is finalised only
if it ranks within the top ``K`` (so beam 1 is exactly greedy), and the best finished hypothesis by
``log p / length**alpha`` wins.

*Near misses* are the ``<end>`` candidates that ranked among a step's ``2K`` but below its ``K``: whole
captions the beam had in hand and dropped. They never change the beam or its ranking; asked for
(``near_misses=True``), they follow the ``n_best`` finished ones, for a re-ranker to weigh. Why: the
re-ranker can only choose among what it is shown, and on Flickr8k val adding these (0.8 a picture at
beam 3) raised the re-ranked BLEU-4 on both halves of val (numbers in the captioner's model card).

This module must never import torch: the onnxruntime captioner runs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

#: Never emitted: <pad>, <start> and <unk> (an unknown word would be silently dropped from speech).
#: The runtimes set them to ``-inf`` before the softmax (the exported step graph has them built in).
BANNED_IDS = (0, 1, 3)


def length_normalised(log_prob: float, words: int, length_penalty: float) -> float:
    """The ranking score of a caption: ``log p / (words + 1)**length_penalty`` (``+ 1`` for ``<end>``)."""
    return log_prob / float(words + 1) ** length_penalty


@dataclass
class Hypothesis:
    tokens: list[int]  # word ids, without <start> and <end>
    log_prob: float  # sum over the words and <end>
    alphas: np.ndarray  # (len(tokens) + 1, N) attention per emitted token

    def score(self, length_penalty: float) -> float:
        return length_normalised(self.log_prob, len(self.tokens), length_penalty)


class DecoderSteps(Protocol):
    """A runtime's decoder over the ``R`` rows of a search (``B*K`` for beam search, ``B`` for greedy)."""

    def step(self, tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``tokens (R,)`` int64 -> log-probabilities ``(R, V)`` float32 with :data:`BANNED_IDS` at
        ``-inf``, and attention ``(R, N)`` float32; the decoder state advances by one word."""
        ...

    def keep(self, rows: np.ndarray) -> None:
        """Reorder the decoder state: row ``i`` continues from row ``rows[i]`` (``rows (R,)`` int64)."""
        ...


def forbid_repeats(logp: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """A copy of ``logp (R, V)`` with each row's ``previous (R,)`` word at ``-inf``.

    No word may follow itself: self-critical training left about 2 % of captions stuttering ("a
    wooden wooden table"), which a listener hears as broken speech; English captions never need it.
    """
    logp = np.array(logp, dtype=np.float32, copy=True)
    logp[np.arange(len(previous)), previous] = -np.inf
    return logp


def top_candidates(candidates: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Like ``torch.topk(candidates, count, dim=1)``: values and indices ``(B, count)``, best first."""
    if count < candidates.shape[1]:
        part = np.argpartition(-candidates, count - 1, axis=1)[:, :count]  # (B, count) unordered
    else:
        part = np.broadcast_to(np.arange(candidates.shape[1]), candidates.shape).copy()
    values = np.take_along_axis(candidates, part, axis=1)
    order = np.argsort(-values, axis=1, kind="stable")
    return np.take_along_axis(values, order, axis=1), np.take_along_axis(part, order, axis=1)


def rank_finished(
    finished: list[Hypothesis], missed: list[Hypothesis], n_best: int, length_penalty: float
) -> list[Hypothesis]:
    """The ``n_best`` finished hypotheses by score, then every near miss by score."""
    ranked = sorted(finished, key=lambda hyp: hyp.score(length_penalty), reverse=True)
    spare = sorted(missed, key=lambda hyp: hyp.score(length_penalty), reverse=True)
    return ranked[:n_best] + spare


@dataclass
class _Selection:
    """What one step keeps: for each image ``K`` (beam, word, score) to continue, ``-inf`` when none."""

    beam: np.ndarray  # (B, K) int64: the beam each continues
    word: np.ndarray  # (B, K) int64: the word it adds
    score: np.ndarray  # (B, K) float32: its running log p


@dataclass
class _Beams:
    """The search's bookkeeping for ``B`` images x ``K`` beams."""

    batch: int
    k: int
    end_id: int
    near_misses: bool
    scores: np.ndarray  # (B, K) float32 running sum of log p per beam
    history: np.ndarray  # (B, K, t) int64 words so far
    alpha_history: np.ndarray  # (B, K, t, N) float32
    finished: list[list[Hypothesis]] = field(default_factory=list)
    missed: list[list[Hypothesis]] = field(default_factory=list)  # <end> ranked in 2K but not in K
    active: list[bool] = field(default_factory=list)

    @classmethod
    def start(cls, batch: int, k: int, cells: int, end_id: int, near_misses: bool) -> _Beams:
        scores = np.zeros((batch, k), dtype=np.float32)
        scores[:, 1:] = -np.inf  # all beams start identical: keep only the first at step 0
        return cls(
            batch,
            k,
            end_id,
            near_misses,
            scores,
            np.zeros((batch, k, 0), dtype=np.int64),
            np.zeros((batch, k, 0, cells), dtype=np.float32),
            [[] for _ in range(batch)],
            [[] for _ in range(batch)],
            [True] * batch,
        )

    def candidates(self, logp: np.ndarray, forced_end: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``logp (B*K, V)`` -> the step's top ``2K`` (score, beam, word), each ``(B, 2K)``."""
        vocab = logp.shape[1]
        logp = logp.reshape(self.batch, self.k, vocab)  # (B, K, V)
        if forced_end:  # force an ending
            forced = np.full_like(logp, -np.inf)
            forced[:, :, self.end_id] = logp[:, :, self.end_id]
            logp = forced
        candidates = (self.scores[:, :, None] + logp).reshape(self.batch, self.k * vocab)  # (B, K*V)
        top_scores, top_index = top_candidates(candidates, 2 * self.k)  # (B, 2K)
        return top_scores, top_index // vocab, top_index % vocab

    def select(self, top: tuple[np.ndarray, np.ndarray, np.ndarray], alpha: np.ndarray) -> _Selection:
        """Finalise the ``<end>`` candidates (near misses too, when asked) and keep ``K`` others per image."""
        k = self.k
        top_scores, top_beam, top_word = (part.tolist() for part in top)
        chosen = _Selection(
            np.zeros((self.batch, k), dtype=np.int64),
            np.full((self.batch, k), self.end_id, dtype=np.int64),
            np.full((self.batch, k), -np.inf, dtype=np.float32),
        )
        for b in range(self.batch):
            if not self.active[b]:
                continue
            kept = 0
            for rank in range(2 * k):
                score, beam, word = top_scores[b][rank], top_beam[b][rank], top_word[b][rank]
                if score == -np.inf:
                    break
                if word == self.end_id:
                    if rank < k or self.near_misses:
                        seq = self.history[b, beam].tolist()
                        alphas = np.concatenate([self.alpha_history[b, beam], alpha[b, beam][None]])
                        (self.finished if rank < k else self.missed)[b].append(Hypothesis(seq, score, alphas))
                    continue
                if kept < k:
                    chosen.beam[b, kept], chosen.word[b, kept], chosen.score[b, kept] = beam, word, score
                    kept += 1
            if len(self.finished[b]) >= k or kept == 0:
                self.active[b] = False
        return chosen

    def advance(self, chosen: _Selection, alpha: np.ndarray) -> np.ndarray:
        """Extend the kept beams by their words; returns the rows ``(B*K,)`` the decoder state continues."""
        batch, k = self.batch, self.k
        cells = alpha.shape[2]
        gather = (chosen.beam + np.arange(batch)[:, None] * k).reshape(-1)  # (B*K,)
        self.history = np.concatenate(
            [self.history.reshape(batch * k, -1)[gather].reshape(batch, k, -1), chosen.word[:, :, None]],
            axis=2,
        )
        alpha_flat = alpha.reshape(batch * k, cells)
        self.alpha_history = np.concatenate(
            [
                self.alpha_history.reshape(batch * k, -1, cells)[gather].reshape(batch, k, -1, cells),
                alpha_flat[gather].reshape(batch, k, 1, cells),
            ],
            axis=2,
        )
        self.scores = chosen.score
        self.scores[~np.array(self.active)] = -np.inf
        return gather


def beam_search(
    steps: DecoderSteps,
    batch: int,
    start_id: int,
    end_id: int,
    beam_size: int = 3,
    max_len: int = 30,
    length_penalty: float = 1.0,
    n_best: int = 1,
    near_misses: bool = False,
) -> list[list[Hypothesis]]:
    """For each of ``batch`` images its ``n_best`` hypotheses, best first; with ``near_misses``, followed
    by the image's near misses, best first. ``steps`` runs ``batch * beam_size`` rows, image-major."""
    beams: _Beams | None = None
    tokens = np.full((batch * beam_size,), start_id, dtype=np.int64)
    for t in range(max_len + 1):
        logp, alpha = steps.step(tokens)  # (B*K, V), (B*K, N)
        logp = forbid_repeats(logp, tokens)
        if beams is None:
            beams = _Beams.start(batch, beam_size, alpha.shape[1], end_id, near_misses)
        alpha = alpha.reshape(batch, beam_size, -1)  # (B, K, N)
        chosen = beams.select(beams.candidates(logp, forced_end=t == max_len), alpha)
        if not any(beams.active):
            break
        steps.keep(beams.advance(chosen, alpha))
        tokens = chosen.word.reshape(-1)
    assert beams is not None
    return [rank_finished(beams.finished[b], beams.missed[b], n_best, length_penalty) for b in range(batch)]


def greedy_search(
    steps: DecoderSteps, batch: int, start_id: int, end_id: int, max_len: int = 30
) -> list[Hypothesis]:
    """One hypothesis per image, the likeliest word at every step (``steps`` runs ``batch`` rows)."""
    tokens = np.full((batch,), start_id, dtype=np.int64)
    done = np.zeros(batch, dtype=bool)
    words, logps, alphas = [], [], []
    for _ in range(max_len + 1):
        logp, alpha = steps.step(tokens)  # (B, V), (B, N)
        logp = forbid_repeats(logp, tokens)
        tokens = logp.argmax(axis=1)  # (B,)
        best = logp[np.arange(batch), tokens]  # (B,)
        words.append(tokens)
        logps.append(np.where(done, np.float32(0.0), best))
        alphas.append(np.asarray(alpha, dtype=np.float32))
        done = done | (tokens == end_id)
        if bool(done.all()):
            break
    word_matrix = np.stack(words, axis=1).tolist()  # (B, T)
    logp_matrix, alpha_matrix = np.stack(logps, axis=1), np.stack(alphas, axis=1)  # (B, T), (B, T, N)
    results = []
    for b in range(batch):
        seq = word_matrix[b]
        length = seq.index(end_id) if end_id in seq else len(seq)
        emitted = min(length + 1, len(seq))
        results.append(
            Hypothesis(seq[:length], float(logp_matrix[b, :emitted].sum()), alpha_matrix[b, :emitted])
        )
    return results
