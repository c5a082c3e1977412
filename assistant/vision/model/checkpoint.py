"""Model folders: ``model.safetensors`` + ``config.json`` + ``vocab.json`` (+ ``MODEL_CARD.md``).

Loading never unpickles anything: tensors come from safetensors, everything else from JSON. A missing,
truncated or incompatible folder raises :class:`ModelError` with one sentence a user can act on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from assistant.errors import ModelError
from assistant.vision.model.build import build_decoder
from assistant.vision.model.decoder import CaptionDecoder, DecoderConfig
from assistant.vision.model.files import (  # the format is declared once, torch-free, in files.py
    CONFIG_FILE,
    FORMAT_NAME,
    FORMAT_VERSION,
    READABLE_VERSIONS,
    VOCAB_FILE,
    WEIGHTS_FILE,
    check_model_files,
    write_manifest,
)
from assistant.vision.model.vocab import Vocabulary


@dataclass
class ModelConfig:
    """Everything besides tensors that rebuilding the captioner needs."""

    encoder: str
    decoder: DecoderConfig
    max_len: int = 30
    length_penalty: float = 1.0
    metadata: dict[str, Any] = field(default_factory=dict)  # training run, val metrics, ...
    # Caption from the mean of the picture's grid and its mirror image's grid (assistant.vision.model.mirror).
    # A decoding choice like the length penalty; readers that do not know it decode without it.
    test_time_flip: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "encoder": self.encoder,
            "decoder": self.decoder.to_dict(),
            "max_len": self.max_len,
            "length_penalty": self.length_penalty,
            "test_time_flip": self.test_time_flip,
            "metadata": self.metadata,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModelConfig:
        if data.get("format") != FORMAT_NAME:
            raise ModelError("This folder does not hold an assistant captioning model.")
        version = data.get("format_version")
        if version not in READABLE_VERSIONS:
            raise ModelError(
                f"The captioning model has format version {version}; this assistant reads versions up to "
                f"{FORMAT_VERSION}. Update the assistant or the model."
            )
        return cls(
            encoder=str(data["encoder"]),
            decoder=DecoderConfig(**data["decoder"]),
            max_len=int(data.get("max_len", 30)),
            length_penalty=float(data.get("length_penalty", 1.0)),
            metadata=dict(data.get("metadata", {})),
            test_time_flip=bool(data.get("test_time_flip", False)),
        )


def save_model(
    directory: Path, decoder: CaptionDecoder, vocab: Vocabulary, config: ModelConfig, half: bool = True
) -> None:
    """Write the three files; ``half`` stores fp16 weights (half the size, same captions in practice)."""
    directory.mkdir(parents=True, exist_ok=True)
    dtype = torch.float16 if half else torch.float32
    tensors = {name: t.detach().to("cpu", dtype).contiguous() for name, t in decoder.state_dict().items()}
    save_file(tensors, str(directory / WEIGHTS_FILE), metadata={"format": FORMAT_NAME})
    (directory / CONFIG_FILE).write_text(json.dumps(config.to_json(), indent=2) + "\n", encoding="utf-8")
    vocab.save(directory / VOCAB_FILE)
    write_manifest(directory, (WEIGHTS_FILE, CONFIG_FILE, VOCAB_FILE))  # last: checksums of what is there


def load_model(
    directory: Path, device: str | torch.device = "cpu"
) -> tuple[CaptionDecoder, Vocabulary, ModelConfig]:
    """Read a model folder into an eval-mode decoder on ``device``."""
    directory = check_model_files(directory)
    try:
        config = ModelConfig.from_json(json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8")))
        vocab = Vocabulary.load(directory / VOCAB_FILE)
    except ModelError:
        raise
    except (ValueError, KeyError, TypeError) as error:
        raise ModelError(f"The captioning model's configuration is damaged ({error}).") from None
    if config.decoder.vocab_size != len(vocab):
        raise ModelError("The captioning model's vocabulary does not match its weights.")
    try:
        tensors = load_file(str(directory / WEIGHTS_FILE))
    except (SafetensorError, OSError, ValueError) as error:
        raise ModelError(f"The captioning model's weights are damaged or truncated ({error}).") from None
    try:
        decoder = build_decoder(config.decoder)
    except ValueError as error:
        raise ModelError(f"This assistant cannot build the captioning model's decoder ({error}).") from None
    try:
        decoder.load_state_dict({name: t.float() for name, t in tensors.items()})
    except RuntimeError:
        raise ModelError("The captioning model's weights do not fit its configuration.") from None
    decoder.to(device).eval()
    return decoder, vocab, config
