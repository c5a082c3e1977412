"""Show, Attend and Tell (Xu et al., 2015): a soft-attention LSTM decoder over an image feature grid.

Each step attends over the N grid cells with additive attention, gates the context with a scalar
``beta`` predicted from the hidden state, and feeds ``[word embedding; gated context]`` to an LSTM
cell. Training uses teacher forcing; the attention weights are returned for the doubly stochastic
regulariser and for attention maps.
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
    kind: str = "lstm"  # "lstm" (this module) or "transformer" (transformer_decoder.py, d_model = hidden_dim)
    layers: int = 3  # transformer only
    heads: int = 8  # transformer only
    ff_dim: int = 2048  # transformer only
    members: int = 1  # > 1: an ensemble of that many LSTMs of this shape (ensemble.py)

    def to_dict(self) -> dict[str, float | int | str]:
        return asdict(self)


class CaptionDecoder(nn.Module):
    """The contract search, training and model folders rely on (the LSTM below, the Transformer too).

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


def build_decoder(config: DecoderConfig) -> CaptionDecoder:
    """The decoder ``config.kind`` names; old model folders (no ``kind``) are LSTMs."""
    if config.members > 1:
        from assistant.vision.model.ensemble import EnsembleDecoder

        return EnsembleDecoder(config)
    if config.kind == "lstm":
        return AttentionDecoder(config)
    if config.kind == "transformer":
        from assistant.vision.model.transformer_decoder import TransformerDecoder

        return TransformerDecoder(config)
    raise ValueError(f"unknown decoder kind {config.kind!r}")


class Attention(nn.Module):
    """Additive (Bahdanau) attention: ``alpha = softmax(w . tanh(W_e f + W_h h))``."""

    def __init__(self, encoder_dim: int, hidden_dim: int, attention_dim: int) -> None:
        super().__init__()
        self.encoder_att = nn.Linear(encoder_dim, attention_dim)
        self.decoder_att = nn.Linear(hidden_dim, attention_dim)
        self.full_att = nn.Linear(attention_dim, 1)

    def project(self, features: torch.Tensor) -> torch.Tensor:
        return self.encoder_att(features)  # (B, N, D) -> (B, N, A), computed once per image

    def forward(
        self, features: torch.Tensor, projected: torch.Tensor, hidden: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        scores = self.full_att(torch.tanh(projected + self.decoder_att(hidden).unsqueeze(1)))  # (B, N, 1)
        alpha = torch.softmax(scores.squeeze(2), dim=1)  # (B, N)
        context = torch.bmm(alpha.unsqueeze(1), features).squeeze(1)  # (B, D)
        return context, alpha


class AttentionDecoder(CaptionDecoder):
    def __init__(self, config: DecoderConfig) -> None:
        super().__init__()
        self.config = config
        c = config
        self.attention = Attention(c.encoder_dim, c.hidden_dim, c.attention_dim)
        self.embedding = nn.Embedding(c.vocab_size, c.embed_dim, padding_idx=0)
        self.dropout = nn.Dropout(c.dropout)
        self.lstm = nn.LSTMCell(c.embed_dim + c.encoder_dim, c.hidden_dim)
        self.init_h = nn.Linear(c.encoder_dim, c.hidden_dim)
        self.init_c = nn.Linear(c.encoder_dim, c.hidden_dim)
        self.f_beta = nn.Linear(c.hidden_dim, c.encoder_dim)
        self.fc = nn.Linear(c.hidden_dim, c.vocab_size)
        nn.init.uniform_(self.embedding.weight, -0.1, 0.1)
        nn.init.uniform_(self.fc.weight, -0.1, 0.1)
        nn.init.zeros_(self.fc.bias)

    def start(self, features: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Initial ``(h, c)`` from the mean feature, and the projected features for attention."""
        mean = features.mean(dim=1)  # (B, D)
        h = torch.tanh(self.init_h(mean))  # (B, H)
        c = torch.tanh(self.init_c(mean))  # (B, H)
        return h, c, self.attention.project(features)  # projected: (B, N, A)

    def step(
        self,
        tokens: torch.Tensor,
        h: torch.Tensor,
        c: torch.Tensor,
        features: torch.Tensor,
        projected: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """One word: ``tokens (B,)`` -> ``logits (B, V)``, new ``h, c (B, H)``, ``alpha (B, N)``."""
        context, alpha = self.attention(features, projected, h)  # (B, D), (B, N)
        gate = torch.sigmoid(self.f_beta(h))  # (B, D)
        lstm_input = torch.cat([self.embedding(tokens), gate * context], dim=1)  # (B, E + D)
        h, c = self.lstm(lstm_input, (h, c))  # (B, H) each
        logits = self.fc(self.dropout(h))  # (B, V)
        return logits, h, c, alpha
