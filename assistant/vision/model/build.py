"""Building the decoder a config names: the one place that knows every decoder kind."""

from __future__ import annotations

from assistant.vision.model.decoder import CaptionDecoder, DecoderConfig
from assistant.vision.model.ensemble import EnsembleDecoder
from assistant.vision.model.lstm_decoder import AttentionDecoder
from assistant.vision.model.transformer_decoder import TransformerDecoder


def build_decoder(config: DecoderConfig) -> CaptionDecoder:
    """The decoder ``config.kind`` names; old model folders (no ``kind``) are LSTMs."""
    if config.members > 1:
        return EnsembleDecoder(config)
    if config.kind == "lstm":
        return AttentionDecoder(config)
    if config.kind == "transformer":
        return TransformerDecoder(config)
    raise ValueError(f"unknown decoder kind {config.kind!r}")
