"""A real tiny image-text dual encoder trained on the rendered shapes (lite0 grids), for search and
caption-confidence tests: the shipped Flickr8k model cannot tell drawn shapes apart."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from assistant.vision.matching.contrastive_torch import ContrastiveTrainConfig, train_contrastive
from assistant.vision.model.vocab import Vocabulary
from assistant.vision.training.data import group_by_image, read_captions
from assistant.vision.training.features import cached_features

ENCODER = "efficientnet-lite0"  # = tests.conftest.TINY_ENCODER


def train_shapes_contrastive(shapes_dataset: Path, out: Path, feature_root: Path) -> Path:
    """Train on every rendered shape (train + val), save to ``out`` like the shipped model; seconds."""
    records = read_captions(shapes_dataset / "captions.tsv")
    groups = group_by_image(records, ["train", "val"])
    grid = cached_features(
        ENCODER,
        shapes_dataset / "images",
        list(groups),
        torch.device("cpu"),
        root=feature_root,
        progress=False,
    )
    vocab = Vocabulary.build((c for caps in groups.values() for c in caps), min_count=1)
    cfg = ContrastiveTrainConfig(
        epochs=30,
        batch_size=12,
        lr=5e-3,
        model={"embed_dim": 32, "hidden_dim": 64, "word_dim": 32, "text_hidden": 32},
    )
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny batches: one thread is faster than two fighting
    try:
        model, _ = train_contrastive(torch.from_numpy(np.array(grid)), list(groups.values()), vocab, cfg)
    finally:
        torch.set_num_threads(threads)
    model.metadata["encoder"] = ENCODER
    model.save(out)
    return out
