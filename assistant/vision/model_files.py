"""The files of a model folder, and a cheap check that they are there. Torch-free, so the app can
say "the model is missing" without loading a deep-learning framework."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import ModelError

WEIGHTS_FILE = "model.safetensors"
CONFIG_FILE = "config.json"
VOCAB_FILE = "vocab.json"


def check_model_files(directory: Path) -> Path:
    """Cheap check that a model folder is there and complete, without reading the weights."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ModelError(f"The captioning model is missing: no folder {directory}.")
    for name in (WEIGHTS_FILE, CONFIG_FILE, VOCAB_FILE):
        if not (directory / name).is_file():
            raise ModelError(f"The captioning model is incomplete: {name} is missing in {directory}.")
    return directory
