"""Show, Attend and Tell (Xu et al., 2015): a soft-attention LSTM decoder over an image feature grid.

Each step attends over the N grid cells with additive attention, gates the context with a scalar
``beta`` predicted from the hidden state, and feeds ``[word embedding; gated context]`` to an LSTM
cell. Training uses teacher forcing; the attention weights are returned for the doubly stochastic
regulariser and for attention maps.
"""

from __future__ import annotations

import torch
from torch import nn

from assistant.vision.model.decoder import CaptionDecoder, DecoderConfig


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
