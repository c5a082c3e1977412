"""Checkpoint averaging: the uniform mean of several weight files of one model, saved as a model folder.

Why: val scores of consecutive self-critical rounds move up and down by about ±0.01 CIDEr, so picking
the single best round partly picks noise in the 1,000 val images. The mean of the weights of
neighbouring rounds (one training trajectory, so the weights stay in one basin) is a smoother, more
honest choice and costs nothing at inference (Polyak averaging; Vaswani et al. 2017 average their last
checkpoints the same way).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file

from assistant.errors import ModelError
from assistant.vision.model.checkpoint import load_model, save_model


def average_weights(files: Sequence[Path]) -> dict[str, torch.Tensor]:
    """The element-wise fp32 mean of safetensors files that hold the same tensor names and shapes."""
    if not files:
        raise ModelError("Name at least one weights file to average.")
    total: dict[str, torch.Tensor] = {}
    for path in files:
        try:
            tensors = load_file(str(path))
        except (SafetensorError, OSError, ValueError) as error:
            raise ModelError(f"The weights file {Path(path).name} is damaged or missing ({error}).") from None
        if total and (
            tensors.keys() != total.keys() or any(tensors[k].shape != total[k].shape for k in total)
        ):
            raise ModelError(f"The weights file {Path(path).name} belongs to another model.")
        for name, tensor in tensors.items():
            total[name] = total[name] + tensor.float() if name in total else tensor.float().clone()
    return {name: tensor / len(files) for name, tensor in total.items()}


def average_into_model(init: Path, files: Sequence[Path], out: Path, half: bool = True) -> Path:
    """Write a model folder at ``out``: ``init``'s config and vocabulary with the mean of ``files``."""
    decoder, vocab, config = load_model(init)
    try:
        decoder.load_state_dict(average_weights(files))
    except RuntimeError:
        raise ModelError(f"The weights to average do not fit the model in {init}.") from None
    metadata = {**config.metadata, "averaged": [str(Path(f)) for f in files]}
    save_model(
        out,
        decoder,
        vocab,
        replace(config, metadata=metadata),
        half=half,
    )
    return out
