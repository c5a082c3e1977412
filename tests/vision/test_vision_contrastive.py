"""The contrastive dual encoder learns on the rendered shapes (lite0 features) and round-trips to disk."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from assistant.errors import ModelError
from assistant.vision.evaluation.retrieval import retrieval_recalls
from assistant.vision.matching.contrastive_torch import (
    ContrastiveModel,
    ContrastiveTrainConfig,
    train_contrastive,
)
from assistant.vision.model.vocab import Vocabulary
from assistant.vision.training.data import group_by_image, read_captions
from assistant.vision.training.features import cached_features
from tests.conftest import TINY_ENCODER
from tests.support.shapes import captions_for


@pytest.mark.timeout(120)
def test_contrastive_learns_shapes_and_round_trips(shapes_dataset: Path, tmp_path: Path) -> None:
    records = read_captions(shapes_dataset / "captions.tsv")
    train, val = group_by_image(records, ["train"]), group_by_image(records, ["val"])
    device = torch.device("cpu")
    root, images = tmp_path / "features", shapes_dataset / "images"
    train_x = torch.from_numpy(
        cached_features(TINY_ENCODER, images, list(train), device, root=root, progress=False).copy()
    )
    val_x = torch.from_numpy(
        cached_features(TINY_ENCODER, images, list(val), device, root=root, progress=False).copy()
    )
    vocab = Vocabulary.build((c for caps in train.values() for c in caps), min_count=1)

    cfg = ContrastiveTrainConfig(
        epochs=25,
        batch_size=12,
        lr=5e-3,
        model={"embed_dim": 32, "hidden_dim": 64, "word_dim": 32, "text_hidden": 32},
    )
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny batches: one thread is several times faster than two fighting
    try:
        model, history = train_contrastive(train_x, list(train.values()), vocab, cfg)
    finally:
        torch.set_num_threads(threads)
    assert history[-1] < 0.5 * history[0], history

    # Held-out images against the 18 distinct full captions: its own scores above the others.
    combos = [name.rsplit("_", 1)[0].split("_") for name in val]  # colour, shape, background
    texts = [captions_for(shape, colour, background)[0] for colour, shape, background in combos]
    sims = model.similarity(val_x, texts)  # (18, 18), diagonal = matching pairs
    diagonal = sims.diagonal()
    off = sims[~torch.eye(len(texts), dtype=torch.bool)].view(len(texts), -1)
    assert bool((diagonal > off.mean(dim=1)).all())
    assert float(diagonal.mean()) > float(off.mean()) + 0.2
    recalls = retrieval_recalls(model.embed_images(val_x), model.embed_texts(texts), list(range(len(texts))))
    assert recalls["i2t_r5"] >= 0.5 and recalls["t2i_r5"] >= 0.5, recalls

    good = model.confidence(val_x[0], texts[0])
    bad = min((model.confidence(val_x[0], t) for t in texts[1:]), default=1.0)
    assert 0.0 <= bad < good <= 1.0

    model.save(tmp_path / "model")
    assert not list((tmp_path / "model").glob("*.pt")) and not list((tmp_path / "model").glob("*.pkl"))
    loaded = ContrastiveModel.load(tmp_path / "model")
    assert torch.allclose(loaded.similarity(val_x, texts), sims, atol=2e-2)
    assert loaded.confidence(val_x[0], texts[0]) == pytest.approx(good, abs=2e-2)

    (tmp_path / "model" / "model.safetensors").write_bytes(b"broken")
    with pytest.raises(ModelError):
        ContrastiveModel.load(tmp_path / "model")
