"""What a training run reads: the vocabulary, the cached encoder grids and the caption pairs as tensors.

Apart from the training loop (:mod:`assistant.vision.training.train`) so that each file does one thing:
this one turns the captions file and the image folder into tensors, once, before the first epoch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from assistant.errors import AssistantError
from assistant.vision.model.vocab import Vocabulary
from assistant.vision.training import distributed
from assistant.vision.training.config import TrainConfig
from assistant.vision.training.data import read_captions, training_splits
from assistant.vision.training.distributed import DistContext
from assistant.vision.training.features import cached_features


class CaptionPairs:
    """Training pairs (feature row, padded caption ids) held as tensors for fast batching."""

    def __init__(
        self, grouped: dict[str, list[str]], row_of: dict[str, int], vocab: Vocabulary, max_tokens: int
    ):
        rows, encoded = [], []
        for image, captions in grouped.items():
            for caption in captions:
                rows.append(row_of[image])
                encoded.append(vocab.encode(caption, max_tokens))
        width = max(len(ids) for ids in encoded)
        self.rows = torch.tensor(rows, dtype=torch.long)  # (M,)
        self.ids = torch.zeros(len(encoded), width, dtype=torch.long)  # (M, T)
        for i, ids in enumerate(encoded):
            self.ids[i, : len(ids)] = torch.tensor(ids)
        self.lengths = (self.ids != 0).sum(dim=1)  # (M,)
        # The same captions for the mirrored pictures: "left" and "right" trade places.
        self.mirrored_ids = self.ids.clone()  # (M, T)
        left, right = vocab.stoi.get("left"), vocab.stoi.get("right")
        if left is not None and right is not None:
            self.mirrored_ids[self.ids == left] = right
            self.mirrored_ids[self.ids == right] = left

    def __len__(self) -> int:
        return len(self.rows)


@dataclass
class TrainingData:
    """Everything the epochs read; ``features`` and ``mirrored`` are on the GPU when training on one."""

    vocab: Vocabulary
    features: torch.Tensor  # (I, N, D) fp16, one row per image
    mirrored: torch.Tensor | None  # (I, N, D) fp16 grids of the mirrored pictures, with --flip
    pairs: CaptionPairs
    val_grouped: dict[str, list[str]]  # val image -> its reference captions
    val_rows: torch.Tensor  # (V,) rows of ``features`` of the val images, in ``val_grouped`` order


def _image_rows(cfg: TrainConfig, names: list[str]) -> dict[str, int]:
    """Row of each image in the feature cache; every image named in the captions must exist."""
    assert cfg.captions is not None and cfg.images is not None
    missing = next((name for name in names if not (cfg.images / name).is_file()), None)
    if missing is not None:
        raise AssistantError(f"The image {missing} named in {cfg.captions.name} is not in {cfg.images}.")
    return {name: i for i, name in enumerate(names)}


def load_training_data(cfg: TrainConfig, ctx: DistContext, device: torch.device) -> TrainingData:
    """Read the splits, build (or read) the vocabulary and the feature caches, and tensorise the pairs."""
    assert cfg.out is not None and cfg.captions is not None and cfg.images is not None
    train_grouped, val_grouped = training_splits(
        read_captions(cfg.captions), cfg.train_splits, cfg.val_split, cfg.train_limit, cfg.val_limit
    )
    vocab_path = cfg.out / "vocab.json"
    names = list(dict.fromkeys([*train_grouped, *val_grouped]))
    row_of = _image_rows(cfg, names)
    images = cfg.images

    def grids(mirror: bool) -> np.ndarray:  # (I, N, D) fp16, memory-mapped from the cache
        return cached_features(
            cfg.encoder,
            images,
            names,
            device,
            root=cfg.feature_cache,
            progress=cfg.progress and ctx.is_main,
            mirror=mirror,
        )

    with distributed.main_first(ctx):  # rank 0 writes the vocabulary and feature cache; the rest read them
        if vocab_path.is_file():
            vocab = Vocabulary.load(vocab_path)
        else:
            vocab = Vocabulary.build((c for caps in train_grouped.values() for c in caps), cfg.min_count)
            vocab.save(vocab_path)
        features_np = grids(mirror=False)
        mirrored_np = grids(mirror=True) if cfg.flip else None  # flip augmentation's mirrored pictures
    features = torch.from_numpy(np.array(features_np))  # (I, N, D) fp16, copied into RAM
    mirrored = torch.from_numpy(np.array(mirrored_np)) if mirrored_np is not None else None  # (I, N, D)
    if device.type == "cuda":
        features = features.to(device)
        mirrored = mirrored.to(device) if mirrored is not None else None
    pairs = CaptionPairs(train_grouped, row_of, vocab, cfg.max_tokens)
    val_rows = torch.tensor([row_of[n] for n in val_grouped])
    return TrainingData(vocab, features, mirrored, pairs, val_grouped, val_rows)
