"""The numpy forward pass of the image-text model equals the torch one, and needs no torch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from assistant.errors import ModelError
from assistant.vision.matching.contrastive_torch import ContrastiveConfig, ContrastiveModel, DualEncoder
from assistant.vision.matching.contrastive import NumpyContrastiveModel, default_contrastive_dir
from assistant.vision.model.vocab import Vocabulary

CAPTIONS = [
    "A dog runs on the beach .",
    "two children play in the snow",
    "",  # no words at all: one <unk>, as in torch
    "xyzzy frobnicate",  # only unknown words
    "a man",  # short next to long: padding must not leak into the masked mean or the reverse GRU
    " ".join(["a black dog with a red ball runs through the tall grass near a lake"] * 3),  # > max_tokens
    "A girl's T-shirt , and a man's hat !",
]


def _features(rng: np.random.Generator, batch: int, cells: int, dim: int) -> np.ndarray:
    """Grid-like features: non-negative, sparse-ish, as after EfficientNet's last activation."""
    return np.maximum(rng.normal(0.2, 1.0, size=(batch, cells, dim)), 0.0).astype(np.float32)


def _assert_parity(torch_model: ContrastiveModel, np_model: NumpyContrastiveModel, dim: int) -> None:
    rng = np.random.default_rng(0)
    grid = _features(rng, 5, 9, dim)  # (B, N, D)
    pooled = grid.mean(axis=1)  # (B, D)
    t_img = torch_model.embed_images(torch.from_numpy(grid)).numpy()
    np.testing.assert_allclose(np_model.embed_images(grid), t_img, atol=1e-4)
    np.testing.assert_allclose(np_model.embed_images(pooled), t_img, atol=1e-4)
    t_txt = torch_model.embed_texts(CAPTIONS).numpy()
    np.testing.assert_allclose(np_model.embed_texts(CAPTIONS), t_txt, atol=1e-4)
    np.testing.assert_allclose(np_model.embed_texts(CAPTIONS, batch_size=2), t_txt, atol=1e-4)
    sims = torch_model.similarity(torch.from_numpy(grid), CAPTIONS).numpy()
    np.testing.assert_allclose(np_model.similarity(grid, CAPTIONS), sims, atol=1e-4)
    conf = torch_model.confidence_from_similarity(torch.from_numpy(sims)).numpy()
    np.testing.assert_allclose(np_model.confidence_from_similarity(sims), conf, atol=1e-4)
    for i, caption in enumerate(CAPTIONS[:3]):
        expected = torch_model.confidence(torch.from_numpy(pooled[i]), caption)
        assert np_model.confidence(pooled[i], caption) == pytest.approx(expected, abs=1e-4)
        assert np_model.confidence(grid[i], caption) == pytest.approx(expected, abs=1e-4)


@pytest.mark.timeout(120)
def test_shipped_model_numpy_equals_torch() -> None:
    directory = default_contrastive_dir()
    torch_model = ContrastiveModel.load(directory)
    np_model = NumpyContrastiveModel.load(directory)
    assert np_model.config.encoder == "efficientnet-lite2"
    assert np_model.config.calib_scale == pytest.approx(torch_model.config.calib_scale)
    _assert_parity(torch_model, np_model, torch_model.config.feature_dim)
    assert np_model.known_words("xyzzy dog frobnicate") == ["dog"]


@pytest.mark.timeout(120)
def test_untrained_model_of_other_shapes_numpy_equals_torch(tmp_path: Path) -> None:
    """Random weights and odd widths: parity holds for the architecture, not for one set of weights."""
    torch.manual_seed(3)
    vocab = Vocabulary.build([*CAPTIONS, "a dog runs", "children play"], min_count=1)
    config = ContrastiveConfig(
        vocab_size=len(vocab), feature_dim=48, embed_dim=24, hidden_dim=40, word_dim=16, text_hidden=20
    )
    net = DualEncoder(config)
    with torch.no_grad():  # LayerNorm starts at 1/0: move it so its weights are really exercised
        net.image_proj[0].weight.uniform_(0.5, 1.5)
        net.image_proj[0].bias.uniform_(-0.2, 0.2)
    ContrastiveModel(net, vocab).save(tmp_path / "model")
    _assert_parity(
        ContrastiveModel.load(tmp_path / "model"), NumpyContrastiveModel.load(tmp_path / "model"), 48
    )


@pytest.mark.timeout(60)
def test_missing_damaged_or_mismatched_models_raise_model_errors(tmp_path: Path) -> None:
    shipped = default_contrastive_dir()
    with pytest.raises(ModelError, match="incomplete"):
        NumpyContrastiveModel.load(tmp_path / "nowhere")
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("config.json", "vocab.json"):
        (broken / name).write_bytes((shipped / name).read_bytes())
    (broken / "model.safetensors").write_bytes(b"not safetensors")
    with pytest.raises(ModelError, match="damaged"):
        NumpyContrastiveModel.load(broken)
    (broken / "model.safetensors").write_bytes((shipped / "model.safetensors").read_bytes())
    config = json.loads((shipped / "config.json").read_text(encoding="utf-8"))
    config["model"]["feature_dim"] = 2048
    (broken / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ModelError, match="do not fit"):
        NumpyContrastiveModel.load(broken)
    config["format"] = "something-else"
    (broken / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ModelError, match="does not hold"):
        NumpyContrastiveModel.load(broken)
    with pytest.raises(ModelError, match="do not fit"):
        NumpyContrastiveModel.load(shipped).embed_images(np.zeros((1, 2048), dtype=np.float32))


@pytest.mark.timeout(120)
def test_caption_scoring_and_search_modules_do_not_import_torch() -> None:
    code = (
        "import sys\n"
        "import assistant.describe, assistant.vision.matching.folder_search as s\n"
        "from assistant.vision.matching.contrastive import NumpyContrastiveModel, default_contrastive_dir\n"
        "m = NumpyContrastiveModel.load(default_contrastive_dir())\n"
        "c = m.confidence(m.w['image_proj.0.bias'] * 0 + 0.3, 'a dog runs')\n"
        "assert 0.0 <= c <= 1.0, c\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=100)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
