"""``assistant build-memory``: the caption memory from a captions file and its photos.

Kept apart from :mod:`assistant.vision.matching.caption_memory` (which the app loads without torch): building
needs the encoder, and reuses the training feature cache, so it costs seconds once features exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.errors import AssistantError
from assistant.vision.matching.caption_memory import CaptionMemory, MemoryConfig
from assistant.vision.model.vocab import tokenize
from assistant.vision.training.data import group_by_image, read_captions


def build_memory(
    images_dir: Path,
    captions_file: Path,
    splits: Sequence[str],
    out: Path,
    encoder: str = "efficientnet-lite2",
    neighbours: int = MemoryConfig.neighbours,
    device: str = "auto",
    progress: bool = True,
    temperature: float = MemoryConfig.temperature,
) -> CaptionMemory:
    """Pool each photo's encoder grid, keep its tokenised captions, write the folder ``out``."""
    from assistant.vision.model.device import select_device
    from assistant.vision.training.features import cached_features

    grouped = group_by_image(read_captions(captions_file), splits)
    if not grouped:
        raise AssistantError(f"No images of split(s) {', '.join(splits)} in {captions_file}.")
    names = list(grouped)
    grid = cached_features(encoder, images_dir, names, select_device(device), progress=progress)  # (M, N, D)
    pooled = np.concatenate(
        [np.asarray(grid[i : i + 256], dtype=np.float32).mean(axis=1) for i in range(0, len(names), 256)]
    )  # (M, D)
    memory = CaptionMemory.build(
        encoder, pooled, [[tokenize(c) for c in grouped[n]] for n in names], neighbours, temperature
    )
    memory.save(out)
    return memory
