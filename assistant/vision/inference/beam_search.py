"""Decoding: greedy and length-normalised beam search over the attention decoder.

Beam search is batched over images (``B`` images x ``K`` beams decoded as one ``B*K`` batch) so that
evaluation and folder mode use the CPU well; the bookkeeping follows fairseq: each step ranks ``2K``
candidates, an ``<end>`` candidate is finalised only if it ranks within the top ``K`` (so beam 1 is
exactly greedy), and the best finished hypothesis by ``log p / length**alpha`` wins.

*Near misses* are the ``<end>`` candidates that ranked among a step's ``2K`` but below its ``K``: whole
captions the beam had in hand and dropped. They never change the beam or its ranking; asked for
(``near_misses=True``), they follow the ``n_best`` finished ones, for a re-ranker to weigh. Why: the
re-ranker can only choose among what it is shown, and on Flickr8k val adding these (0.8 a picture at
beam 3) raised the re-ranked BLEU-4 on both halves of val (numbers in the captioner's model card).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from assistant.vision.model.decoder import CaptionDecoder

#: Never emitted: <pad>, <start> and <unk> (an unknown word would be silently dropped from speech).
BANNED_IDS = (0, 1, 3)


def _log_probs(logits: torch.Tensor, previous: torch.Tensor) -> torch.Tensor:
    """Log-probabilities ``(R, V)`` with the banned ids and each row's ``previous (R,)`` word at -inf.

    No word may follow itself: self-critical training left about 2 % of captions stuttering ("a
    wooden wooden table"), which a listener hears as broken speech; English captions never need it.
    """
    logits = logits.clone()
    logits[:, list(BANNED_IDS)] = float("-inf")
    logp = torch.log_softmax(logits, dim=1)
    return logp.scatter(1, previous.unsqueeze(1), float("-inf"))


@dataclass
class Hypothesis:
    tokens: list[int]  # word ids, without <start> and <end>
    log_prob: float  # sum over the words and <end>
    alphas: torch.Tensor  # (len(tokens) + 1, N) attention per emitted token

    def score(self, length_penalty: float) -> float:
        return self.log_prob / float(len(self.tokens) + 1) ** length_penalty


@torch.inference_mode()
def greedy_decode(
    decoder: CaptionDecoder, features: torch.Tensor, start_id: int, end_id: int, max_len: int = 30
) -> list[Hypothesis]:
    """``features (B, N, D)`` -> one hypothesis per image, argmax at every step."""
    batch = features.size(0)
    h, c, projected = decoder.start(features)
    tokens = torch.full((batch,), start_id, dtype=torch.long, device=features.device)
    done = torch.zeros(batch, dtype=torch.bool, device=features.device)
    words: list[torch.Tensor] = []
    logps: list[torch.Tensor] = []
    alphas: list[torch.Tensor] = []
    for _ in range(max_len + 1):
        logits, h, c, alpha = decoder.step(tokens, h, c, features, projected)
        logp = _log_probs(logits, tokens)  # (B, V)
        best_logp, tokens = logp.max(dim=1)  # (B,), (B,)
        words.append(tokens)
        logps.append(torch.where(done, torch.zeros_like(best_logp), best_logp))
        alphas.append(alpha)
        done = done | (tokens == end_id)
        if bool(done.all()):
            break
    word_matrix = torch.stack(words, dim=1).tolist()  # (B, T)
    logp_matrix = torch.stack(logps, dim=1)  # (B, T)
    alpha_matrix = torch.stack(alphas, dim=1)  # (B, T, N)
    results = []
    for b in range(batch):
        seq = word_matrix[b]
        length = seq.index(end_id) if end_id in seq else len(seq)
        emitted = min(length + 1, len(seq))
        results.append(
            Hypothesis(seq[:length], float(logp_matrix[b, :emitted].sum()), alpha_matrix[b, :emitted].cpu())
        )
    return results


@torch.inference_mode()
def beam_search(
    decoder: CaptionDecoder,
    features: torch.Tensor,
    start_id: int,
    end_id: int,
    beam_size: int = 3,
    max_len: int = 30,
    length_penalty: float = 1.0,
    n_best: int = 1,
    near_misses: bool = False,
) -> list[list[Hypothesis]]:
    """``features (B, N, D)`` -> for each image its ``n_best`` hypotheses, best first; with
    ``near_misses``, followed by the image's near misses, best first."""
    batch, cells, dim = features.shape
    k = beam_size
    vocab = decoder.config.vocab_size
    device = features.device
    feats = features.unsqueeze(1).expand(batch, k, cells, dim).reshape(batch * k, cells, dim)  # (B*K, N, D)
    h, c, projected = decoder.start(feats)
    tokens = torch.full((batch * k,), start_id, dtype=torch.long, device=device)
    scores = torch.zeros(batch, k, device=device)  # running sum of log p per beam
    scores[:, 1:] = float("-inf")  # all beams start identical: keep only the first at step 0
    history = torch.zeros(batch, k, 0, dtype=torch.long, device=device)  # (B, K, t) words so far
    alpha_history = torch.zeros(batch, k, 0, cells, device=device)  # (B, K, t, N)
    finished: list[list[Hypothesis]] = [[] for _ in range(batch)]
    missed: list[list[Hypothesis]] = [[] for _ in range(batch)]  # <end> ranked in 2K but not in K
    active = [True] * batch

    for step in range(max_len + 1):
        logits, h, c, alpha = decoder.step(tokens, h, c, feats, projected)
        logp = _log_probs(logits, tokens).view(batch, k, vocab)  # (B, K, V)
        if step == max_len:  # force an ending
            forced = torch.full_like(logp, float("-inf"))
            forced[:, :, end_id] = logp[:, :, end_id]
            logp = forced
        candidates = (scores.unsqueeze(2) + logp).view(batch, k * vocab)  # (B, K*V)
        top_scores, top_index = candidates.topk(2 * k, dim=1)  # (B, 2K)
        top_beam = torch.div(top_index, vocab, rounding_mode="floor")  # (B, 2K)
        top_word = top_index % vocab  # (B, 2K)
        alpha = alpha.view(batch, k, cells)

        top_scores_l, top_beam_l, top_word_l = top_scores.tolist(), top_beam.tolist(), top_word.tolist()
        next_beam = torch.zeros(batch, k, dtype=torch.long)
        next_word = torch.full((batch, k), end_id, dtype=torch.long)
        next_score = torch.full((batch, k), float("-inf"))
        for b in range(batch):
            if not active[b]:
                continue
            kept = 0
            for rank in range(2 * k):
                score, beam, word = top_scores_l[b][rank], top_beam_l[b][rank], top_word_l[b][rank]
                if score == float("-inf"):
                    break
                if word == end_id:
                    if rank < k or near_misses:
                        seq = history[b, beam].tolist()
                        alphas = torch.cat([alpha_history[b, beam], alpha[b, beam].unsqueeze(0)]).cpu()
                        (finished if rank < k else missed)[b].append(Hypothesis(seq, score, alphas))
                    continue
                if kept < k:
                    next_beam[b, kept], next_word[b, kept], next_score[b, kept] = beam, word, score
                    kept += 1
            if len(finished[b]) >= k or kept == 0:
                active[b] = False
        if not any(active):
            break
        gather = (next_beam + torch.arange(batch).unsqueeze(1) * k).view(-1).to(device)  # (B*K,)
        history = torch.cat(
            [history.view(batch * k, -1)[gather].view(batch, k, -1), next_word.to(device).unsqueeze(2)], dim=2
        )
        alpha_flat = alpha.reshape(batch * k, cells)
        alpha_history = torch.cat(
            [
                alpha_history.view(batch * k, -1, cells)[gather].view(batch, k, -1, cells),
                alpha_flat[gather].view(batch, k, 1, cells),
            ],
            dim=2,
        )
        scores = next_score.to(device)
        inactive = torch.tensor([not a for a in active], device=device)
        scores[inactive] = float("-inf")
        h, c = h[gather], c[gather]
        tokens = next_word.to(device).view(-1)

    results = []
    for b in range(batch):
        ranked = sorted(finished[b], key=lambda hyp: hyp.score(length_penalty), reverse=True)
        spare = sorted(missed[b], key=lambda hyp: hyp.score(length_penalty), reverse=True)
        results.append(ranked[:n_best] + spare)
    return results
