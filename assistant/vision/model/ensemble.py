"""Ensembles: several LSTM captioners of one shape decoded as one, their word distributions averaged.

Why: two captioners trained apart (another seed, or cross-entropy against self-critical training) make
different mistakes, and averaging their next-word probabilities at every beam step cancels part of
them; on Flickr8k val it beat every single model we trained (numbers in the model card). Members share
the vocabulary and the LSTM shape, so their states pack into the one ``(h, c, projected)`` contract by
concatenation: beam search, ``explain``, the model folder and the ONNX export see one decoder and need
no change, and an ensemble of M members costs M decoder steps but still one encoder pass. Combining
trained model folders into one is :mod:`assistant.vision.training.combine`.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import cast

import torch
from torch import nn

from assistant.vision.model.decoder import CaptionDecoder, DecoderConfig
from assistant.vision.model.lstm_decoder import AttentionDecoder


class EnsembleDecoder(CaptionDecoder):
    """``config.members`` LSTM decoders; ``step`` returns the log of their mean word probability."""

    def __init__(self, config: DecoderConfig) -> None:
        super().__init__()
        if config.kind != "lstm" or config.members < 2:
            raise ValueError(f"an ensemble needs 2 or more LSTM members, not {config.members} {config.kind}")
        self.config = config
        member = replace(config, members=1)
        self.members = nn.ModuleList(AttentionDecoder(member) for _ in range(config.members))

    def _decoders(self) -> list[AttentionDecoder]:
        return [cast(AttentionDecoder, member) for member in self.members]

    def start(self, features: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """``features (B, N, D)`` -> ``h, c (B, M*H)``, ``projected (B, N, M*A)``, members side by side."""
        states = [member.start(features) for member in self._decoders()]
        h = torch.cat([state[0] for state in states], dim=1)
        c = torch.cat([state[1] for state in states], dim=1)
        return h, c, torch.cat([state[2] for state in states], dim=2)

    def step(
        self,
        tokens: torch.Tensor,
        h: torch.Tensor,
        c: torch.Tensor,
        features: torch.Tensor,
        projected: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """``tokens (B,)`` -> log mean probability ``(B, V)``, ``h, c (B, M*H)``, mean ``alpha (B, N)``."""
        count = len(self.members)
        parts = zip(h.chunk(count, dim=1), c.chunk(count, dim=1), projected.chunk(count, dim=2), strict=True)
        outputs = [
            member.step(tokens, member_h, member_c, features, member_projected)
            for member, (member_h, member_c, member_projected) in zip(self._decoders(), parts, strict=True)
        ]
        log_probs = torch.stack([torch.log_softmax(out[0], dim=1) for out in outputs])  # (M, B, V)
        mixed = torch.logsumexp(log_probs, dim=0) - math.log(count)  # (B, V), already normalised
        alpha = torch.stack([out[3] for out in outputs]).mean(dim=0)  # (B, N)
        h = torch.cat([out[1] for out in outputs], dim=1)  # (B, M*H)
        c = torch.cat([out[2] for out in outputs], dim=1)
        return mixed, h, c, alpha
