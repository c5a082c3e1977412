"""A small pre-norm Transformer caption decoder with the same contract as the attention LSTM.

Grid features ``(B, N, D)`` are projected to ``d_model`` and given a learned, factorised 2-D position
(row embedding + column embedding of the ``sqrt(N) x sqrt(N)`` grid); words get a learned position.
``N`` :class:`torch.nn.TransformerDecoderLayer` blocks (pre-norm, causal self-attention, cross-attention
over the grid) and a final LayerNorm feed an output projection tied to the word embedding.

Training (``forward``) runs the layers over the whole teacher-forced caption at once. Decoding
(``start``/``step``) is incremental, with the same weights: ``start`` precomputes every layer's
cross-attention keys/values of the grid, ``step`` appends one word's self-attention keys/values to a
cache. The cache is one tensor ``(B, layers, 2, t, d_model)`` passed as the LSTM's ``h`` (and an empty
``(B, 0)`` tensor as its ``c``), so the beam search reorders it with ``h[gather]`` like an LSTM state and
needs no change. The attention map of a step is the last layer's cross-attention averaged over heads.
"""

from __future__ import annotations

import math
from typing import cast

import torch
import torch.nn.functional as F
from torch import nn

from assistant.vision.model.decoder import CaptionDecoder, DecoderConfig

#: Learned word positions: ``<start>`` + ``max_len`` words + ``<end>`` must fit.
MAX_POSITIONS = 64
#: Largest grid side the 2-D cell position embedding covers (EfficientNet-Lite2 at 260 px gives 9).
MAX_GRID_SIDE = 16


class TransformerDecoder(CaptionDecoder):
    """``d_model`` is ``config.hidden_dim``; ``layers``/``heads``/``ff_dim``/``dropout`` from the config."""

    def __init__(self, config: DecoderConfig) -> None:
        super().__init__()
        self.config = config
        d = config.hidden_dim
        if d % config.heads:
            raise ValueError(f"hidden_dim {d} is not divisible by heads {config.heads}")
        self.feature_proj = nn.Linear(config.encoder_dim, d)
        self.row_embedding = nn.Embedding(MAX_GRID_SIDE, d)
        self.col_embedding = nn.Embedding(MAX_GRID_SIDE, d)
        self.memory_norm = nn.LayerNorm(d)
        self.embedding = nn.Embedding(config.vocab_size, d)
        self.position = nn.Embedding(MAX_POSITIONS, d)
        self.dropout = nn.Dropout(config.dropout)
        self.layers = nn.ModuleList(
            nn.TransformerDecoderLayer(
                d,
                config.heads,
                config.ff_dim,
                config.dropout,
                activation="gelu",
                batch_first=True,
                norm_first=True,
            )
            for _ in range(config.layers)
        )
        self.final_norm = nn.LayerNorm(d)
        self.out_bias = nn.Parameter(torch.zeros(config.vocab_size))  # output weight = embedding (tied)
        for table in (self.embedding, self.position, self.row_embedding, self.col_embedding):
            nn.init.normal_(table.weight, std=0.02)

    # -- shared pieces -------------------------------------------------------------------------------

    def _blocks(self) -> list[nn.TransformerDecoderLayer]:
        return [cast(nn.TransformerDecoderLayer, layer) for layer in self.layers]

    def _memory(self, features: torch.Tensor) -> torch.Tensor:
        """``(B, N, D)`` grid -> ``(B, N, d)`` with 2-D cell positions."""
        cells = features.size(1)
        side = math.isqrt(cells)
        if side * side != cells or side > MAX_GRID_SIDE:
            raise ValueError(f"expected a square feature grid of at most {MAX_GRID_SIDE}², got {cells} cells")
        index = torch.arange(side, device=features.device)
        grid = (self.row_embedding(index)[:, None, :] + self.col_embedding(index)[None, :, :]).reshape(
            cells, -1
        )
        return self.dropout(self.memory_norm(self.feature_proj(features) + grid))

    def _embed(self, tokens: torch.Tensor, offset: int) -> torch.Tensor:
        """``(B, T)`` ids at positions ``offset..offset+T-1`` -> ``(B, T, d)``."""
        positions = torch.arange(offset, offset + tokens.size(1), device=tokens.device)
        if offset + tokens.size(1) > MAX_POSITIONS:
            raise ValueError(f"captions longer than {MAX_POSITIONS - 1} tokens are not supported")
        return self.dropout(self.embedding(tokens) + self.position(positions))

    def _logits(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(self.final_norm(x), self.embedding.weight, self.out_bias)

    # -- teacher forcing -----------------------------------------------------------------------------

    def forward(self, features: torch.Tensor, captions: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Teacher forcing like the LSTM's: ``logits (B, T-1, V)``, ``alphas (B, T-1, N)``.

        Padding sits after ``<end>``, so the causal mask alone keeps it from every real position.
        """
        memory = self._memory(features)
        x = self._embed(captions[:, :-1], 0)
        steps = x.size(1)
        mask = nn.Transformer.generate_square_subsequent_mask(steps, device=x.device, dtype=x.dtype)
        *first, last = self._blocks()
        for layer in first:
            x = layer(x, memory, tgt_mask=mask, tgt_is_causal=True)
        # The last layer by hand, to get its cross-attention weights (the layer's forward drops them).
        x = x + last._sa_block(last.norm1(x), mask, None, is_causal=True)
        context, alphas = last.multihead_attn(
            last.norm2(x), memory, memory, need_weights=True, average_attn_weights=True
        )
        x = x + last.dropout2(context)
        x = x + last._ff_block(last.norm3(x))
        return self._logits(x), alphas

    # -- incremental decoding ------------------------------------------------------------------------

    def start(self, features: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Empty cache ``(B, L, 2, 0, d)``, empty ``(B, 0)``, grid keys/values ``(B, L, 2, N, d)``."""
        memory = self._memory(features)
        d = self.config.hidden_dim
        cross = []
        for layer in self._blocks():
            attn = layer.multihead_attn
            kv = F.linear(memory, attn.in_proj_weight[d:], attn.in_proj_bias[d:])  # (B, N, 2d)
            cross.append(torch.stack(kv.chunk(2, dim=-1), dim=1))  # (B, 2, N, d)
        batch = features.size(0)
        cache = memory.new_zeros(batch, len(self.layers), 2, 0, d)
        return cache, memory.new_zeros(batch, 0), torch.stack(cross, dim=1)

    def _heads(self, x: torch.Tensor) -> torch.Tensor:
        batch, length, _ = x.shape
        return x.view(batch, length, self.config.heads, -1).transpose(1, 2)  # (B, H, T, dh)

    def step(
        self,
        tokens: torch.Tensor,
        h: torch.Tensor,
        c: torch.Tensor,
        features: torch.Tensor,
        projected: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """One word: ``tokens (B,)`` -> ``logits (B, V)``, grown cache, ``c`` unchanged, ``alpha (B, N)``."""
        d = self.config.hidden_dim
        batch = tokens.size(0)
        x = self._embed(tokens.unsqueeze(1), h.size(3))  # (B, 1, d)
        new_cache = []
        alpha = features.new_zeros(batch, features.size(1))
        for i, layer in enumerate(self._blocks()):
            attn = layer.self_attn
            q, k, v = F.linear(layer.norm1(x), attn.in_proj_weight, attn.in_proj_bias).chunk(3, dim=-1)
            keys = torch.cat([h[:, i, 0], k], dim=1)  # (B, t+1, d)
            values = torch.cat([h[:, i, 1], v], dim=1)
            new_cache.append(torch.stack([keys, values], dim=1))
            out = F.scaled_dot_product_attention(self._heads(q), self._heads(keys), self._heads(values))
            x = x + layer.dropout1(attn.out_proj(out.transpose(1, 2).reshape(batch, 1, d)))

            cross = layer.multihead_attn
            q = F.linear(layer.norm2(x), cross.in_proj_weight[:d], cross.in_proj_bias[:d])
            scores = self._heads(q) @ self._heads(projected[:, i, 0]).transpose(-1, -2)  # (B, H, 1, N)
            weights = torch.softmax(scores / math.sqrt(d // self.config.heads), dim=-1)
            out = weights @ self._heads(projected[:, i, 1])  # (B, H, 1, dh)
            x = x + layer.dropout2(cross.out_proj(out.transpose(1, 2).reshape(batch, 1, d)))
            x = x + layer._ff_block(layer.norm3(x))
            alpha = weights.mean(dim=1).squeeze(1)  # (B, N); the last layer's is returned
        return self._logits(x).squeeze(1), torch.stack(new_cache, dim=1), c, alpha
