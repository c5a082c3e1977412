"""The torch decoder's array steps for the one, backend-free search (:mod:`.beam_search`).

Torch only runs the decoder and the log-softmax (with the banned ids at ``-inf``, as the exported ONNX
step graph does); the search's bookkeeping is shared with the onnxruntime captioner. ``beam_search`` and
``greedy_decode`` here take a decoder and a feature tensor, as training, evaluation and the torch
captioner call them.
"""

from __future__ import annotations

import numpy as np
import torch

from assistant.vision.inference import beam_search as search
from assistant.vision.inference.beam_search import BANNED_IDS, Hypothesis
from assistant.vision.model.decoder import CaptionDecoder


def banned_mask(vocab_size: int, device: torch.device | str | None = None) -> torch.Tensor:
    """``(V,)``: ``-inf`` at :data:`BANNED_IDS`, 0 elsewhere; added to logits (the ONNX step holds it)."""
    mask = torch.zeros(vocab_size, device=device)
    mask[list(BANNED_IDS)] = float("-inf")
    return mask


def log_probs(logits: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
    """``logits (R, V)`` -> log-probabilities ``(R, V)`` with :data:`BANNED_IDS` at ``-inf``.

    The one place the rule is applied in torch: beam search, SCST sampling and the exported step graph.
    """
    if mask is None:
        mask = banned_mask(logits.size(1), logits.device)
    return torch.log_softmax(logits + mask, dim=1)


class TorchSteps:
    """A :class:`~assistant.vision.inference.beam_search.DecoderSteps` over ``features (B, N, D)``, each
    image repeated for ``beams`` rows (image-major), on the features' device."""

    def __init__(self, decoder: CaptionDecoder, features: torch.Tensor, beams: int) -> None:
        batch, cells, dim = features.shape
        self.decoder = decoder
        self.device = features.device
        self.features = (
            features.unsqueeze(1).expand(batch, beams, cells, dim).reshape(batch * beams, cells, dim)
        )
        self.h, self.c, self.projected = decoder.start(self.features)  # (B*K, ...) each
        self.mask = banned_mask(decoder.config.vocab_size, self.device)  # (V,)

    def step(self, tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        previous = torch.from_numpy(tokens).to(self.device)  # (R,)
        logits, self.h, self.c, alpha = self.decoder.step(
            previous, self.h, self.c, self.features, self.projected
        )
        logp = log_probs(logits, self.mask)  # (R, V)
        return logp.float().cpu().numpy(), alpha.float().cpu().numpy()

    def keep(self, rows: np.ndarray) -> None:
        gather = torch.from_numpy(rows).to(self.device)  # (R,)
        self.h, self.c = self.h[gather], self.c[gather]


@torch.inference_mode()
def greedy_decode(
    decoder: CaptionDecoder, features: torch.Tensor, start_id: int, end_id: int, max_len: int = 30
) -> list[Hypothesis]:
    """``features (B, N, D)`` -> one hypothesis per image, argmax at every step."""
    steps = TorchSteps(decoder, features, beams=1)
    return search.greedy_search(steps, features.size(0), start_id, end_id, max_len)


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
    steps = TorchSteps(decoder, features, beam_size)
    return search.beam_search(
        steps, features.size(0), start_id, end_id, beam_size, max_len, length_penalty, n_best, near_misses
    )
