"""Combining trained LSTM model folders into one ensemble folder (``assistant ensemble``).

Apart from :mod:`assistant.vision.model.ensemble` (the decoder) because it reads and writes model
folders: the model-folder code builds decoders, including the ensemble, so the decoder module must not
import it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import torch

from assistant.errors import ModelError
from assistant.vision.model.checkpoint import load_model, save_model
from assistant.vision.model.decoder import DecoderConfig
from assistant.vision.model.ensemble import EnsembleDecoder


def _member_shape(config: DecoderConfig) -> DecoderConfig:
    """The parts of a config that must agree for members to pack together (dropout is training-only)."""
    return replace(config, dropout=0.0, members=1)


def combine_models(
    models: Sequence[Path], out: Path, half: bool = True, test_time_flip: bool | None = None
) -> Path:
    """Write a model folder at ``out`` that decodes ``models`` (LSTM model folders) as one ensemble.

    The first model gives the encoder, vocabulary, caption length limit, length penalty and, unless
    ``test_time_flip`` says otherwise, whether to caption from the picture and its mirror; every model
    must share the first one's encoder, vocabulary and decoder shape.
    """
    if len(models) < 2:
        raise ModelError("Name two or more captioning models to combine.")
    loaded = [load_model(Path(model)) for model in models]
    _, vocab, first = loaded[0]
    state: dict[str, torch.Tensor] = {}
    described: list[dict[str, object]] = []
    for index, ((decoder, member_vocab, config), path) in enumerate(zip(loaded, models, strict=True)):
        name = Path(path).name
        if config.decoder.kind != "lstm" or config.decoder.members != 1:
            raise ModelError(f"{name} is not a single LSTM captioner; only those can be combined.")
        if config.encoder != first.encoder or member_vocab.itos != vocab.itos:
            raise ModelError(f"{name} uses another encoder or vocabulary than {Path(models[0]).name}.")
        if _member_shape(config.decoder) != _member_shape(first.decoder):
            raise ModelError(f"{name} has another decoder shape than {Path(models[0]).name}.")
        state.update({f"members.{index}.{key}": value for key, value in decoder.state_dict().items()})
        described.append({"model": name, **config.metadata})
    ensemble = EnsembleDecoder(replace(first.decoder, members=len(models)))
    ensemble.load_state_dict(state)
    metadata = {"ensemble": described}
    flip = first.test_time_flip if test_time_flip is None else test_time_flip
    # The first model's settings carry over field by field, so a setting added later is not dropped.
    config = replace(first, decoder=ensemble.config, metadata=metadata, test_time_flip=flip)
    save_model(out, ensemble, vocab, config, half=half)
    return out
