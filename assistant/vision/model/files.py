"""The files of a model folder, and a cheap check that they are there. Torch-free, so the app can
say "the model is missing" without loading a deep-learning framework."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

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


class _MadeForAnEncoder(Protocol):
    @property
    def config(self) -> Any: ...  # with an ``encoder`` name


_Extra = TypeVar("_Extra", bound=_MadeForAnEncoder)


def load_optional_extra(
    directory: Path, load: Callable[[Path], _Extra], encoder: str | None, purpose: str
) -> _Extra | None:
    """An optional model folder made for ``encoder``'s grid (the image-text model, the caption
    memory), or None when it cannot apply: absent, damaged (logged as "``purpose`` off: why";
    describing must not fail because of an extra), or made for another encoder (its scores would be
    meaningless on this grid)."""
    if not directory.is_dir():
        return None
    try:
        extra = load(directory)
    except ModelError as error:
        logging.getLogger(__name__).warning("%s off: %s", purpose, error)
        return None
    if encoder is None or extra.config.encoder != encoder:
        return None
    return extra
