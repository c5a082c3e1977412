"""What every caption decoder shares: its config and the ``start``/``step``/``forward`` contract.

Kept apart from the decoders themselves (``lstm_decoder.py``, ``transformer_decoder.py``,
``ensemble.py``) and from choosing one (``build.py``), so imports only run one way: the decoders
import this module, ``build`` imports the decoders, and model folders (``checkpoint.py``) import
``build``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class DecoderConfig:
    vocab_size: int
    encoder_dim: int = 1280  # D
    embed_dim: int = 512  # E
    hidden_dim: int = 512  # H
    attention_dim: int = 512  # A
    dropout: float = 0.5
    kind: str = "lstm"  # "lstm" (lstm_decoder.py) or "transformer" (d_model = hidden_dim)
    layers: int = 3  # transformer only
    heads: int = 8  # transformer only
    ff_dim: int = 2048  # transformer only
    members: int = 1  # > 1: an ensemble of that many LSTMs of this shape (ensemble.py)

    def to_dict(self) -> dict[str, float | int | str]:
        return asdict(self)


class CaptionDecoder(nn.Module):
    """The contract search, training and model folders rely on (the LSTM, the Transformer, the ensemble).

    ``start(features) -> (h, c, projected)``; ``step(tokens, h, c, features, projected) -> (logits, h, c,
    alpha)``, where ``h`` and ``c`` are tensors with the batch first (beam search reorders them by row);
    ``forward(features, captions) -> (logits (B, T-1, V), alphas (B, T-1, N))``.
    """

    config: DecoderConfig

    def start(self, features: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        raise NotImplementedError

    def step(
        self,
        tokens: torch.Tensor,
        h: torch.Tensor,
        c: torch.Tensor,
        features: torch.Tensor,
        projected: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        raise NotImplementedError

    def forward(self, features: torch.Tensor, captions: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Teacher forcing. ``features (B, N, D)``, ``captions (B, T)`` = ``<start> ... <end> <pad>..``.

        Returns ``logits (B, T-1, V)`` predicting ``captions[:, 1:]`` and ``alphas (B, T-1, N)``: one
        ``step`` per word, which a decoder may replace by a parallel pass (the Transformer does).
        """
        h, c, projected = self.start(features)
        steps = captions.size(1) - 1
        logits, alphas = [], []
        for t in range(steps):
            step_logits, h, c, alpha = self.step(captions[:, t], h, c, features, projected)
            logits.append(step_logits)
            alphas.append(alpha)
        return torch.stack(logits, dim=1), torch.stack(alphas, dim=1)
