"""The image-text model's exported graphs on onnxruntime compute what the torch model does, without torch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from assistant.errors import ModelError
from assistant.vision.matching.contrastive import (
    IMAGE_GRAPH,
    TEXT_GRAPH,
    ContrastiveConfig,
    ContrastiveMatcher,
    default_contrastive_dir,
)
from assistant.vision.matching.contrastive_torch import ContrastiveModel, DualEncoder, encode_captions
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


def _assert_parity(torch_model: ContrastiveModel, np_model: ContrastiveMatcher, dim: int) -> None:
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


def _shipped_architecture(seed: int) -> ContrastiveModel:
    """An untrained model of the shipped folder's configuration and vocabulary (random weights, seeded).

    The shipped folder holds only the exported graphs (no torch weights), so parity is checked on the
    shipped architecture at full size, and the shipped graphs themselves are checked below.
    """
    data = json.loads((default_contrastive_dir() / "config.json").read_text(encoding="utf-8"))
    torch.manual_seed(seed)
    net = DualEncoder(ContrastiveConfig.from_json(data))
    return ContrastiveModel(net, Vocabulary.load(default_contrastive_dir() / "vocab.json"))


@pytest.mark.timeout(120)
def test_shipped_architecture_graphs_equal_torch(tmp_path: Path) -> None:
    _shipped_architecture(1).save(tmp_path / "model")
    torch_model = ContrastiveModel.load(tmp_path / "model")
    np_model = ContrastiveMatcher.load(tmp_path / "model")
    assert np_model.config.encoder == "efficientnet-lite2"
    assert np_model.config.calib_scale == pytest.approx(torch_model.config.calib_scale)
    _assert_parity(torch_model, np_model, torch_model.config.feature_dim)
    assert np_model.known_words("xyzzy dog frobnicate") == ["dog"]


@pytest.mark.timeout(120)
def test_shipped_folder_holds_only_what_the_app_runs() -> None:
    """The graphs are the shipped model's one copy of its weights: no torch weights beside them, and the
    torch loader says so in one sentence; the graphs still tell a fitting caption from an unfitting one."""
    shipped = default_contrastive_dir()
    assert not (shipped / "model.safetensors").exists()
    with pytest.raises(ModelError, match=r"incomplete: model\.safetensors is missing"):
        ContrastiveModel.load(shipped)
    matcher = ContrastiveMatcher.load(shipped)
    assert matcher.known_words("xyzzy dog frobnicate") == ["dog"]
    texts = matcher.embed_texts(
        ["a dog runs on the grass", "a dog runs on the grass .", "two men play chess"]
    )
    assert np.allclose(np.linalg.norm(texts, axis=1), 1.0, atol=1e-4)
    assert texts[0] @ texts[1] > texts[0] @ texts[2]  # the same sentence is nearer than another one


@pytest.mark.timeout(120)
def test_untrained_model_of_other_shapes_graphs_equal_torch(tmp_path: Path) -> None:
    """Random weights and odd widths: parity holds for the architecture, not for one set of weights."""
    torch.manual_seed(3)
    vocab = Vocabulary.build([*CAPTIONS, "a dog runs", "children play"], min_count=1)
    config = ContrastiveConfig(
        vocab_size=len(vocab), feature_dim=48, embed_dim=24, hidden_dim=40, word_dim=16, text_hidden=20
    )
    net = DualEncoder(config)
    with torch.no_grad():  # LayerNorm starts at 1/0: move it so its weights are really exercised
        norm = net.image_proj[0]
        assert isinstance(norm, torch.nn.LayerNorm)
        norm.weight.uniform_(0.5, 1.5)
        norm.bias.uniform_(-0.2, 0.2)
    ContrastiveModel(net, vocab).save(tmp_path / "model")
    _assert_parity(ContrastiveModel.load(tmp_path / "model"), ContrastiveMatcher.load(tmp_path / "model"), 48)


@pytest.mark.timeout(60)
def test_missing_damaged_or_mismatched_models_raise_model_errors(tmp_path: Path) -> None:
    shipped = default_contrastive_dir()
    with pytest.raises(ModelError, match="incomplete"):
        ContrastiveMatcher.load(tmp_path / "nowhere")
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("config.json", "vocab.json", IMAGE_GRAPH):
        (broken / name).write_bytes((shipped / name).read_bytes())
    (broken / TEXT_GRAPH).write_bytes(b"not a graph")
    with pytest.raises(ModelError, match="damaged"):
        ContrastiveMatcher.load(broken)
    (broken / TEXT_GRAPH).write_bytes((shipped / TEXT_GRAPH).read_bytes())
    config = json.loads((shipped / "config.json").read_text(encoding="utf-8"))
    config["model"]["feature_dim"] = 2048
    (broken / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ModelError, match="do not fit"):
        ContrastiveMatcher.load(broken)
    config["format"] = "something-else"
    (broken / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ModelError, match="does not hold"):
        ContrastiveMatcher.load(broken)
    with pytest.raises(ModelError, match="do not fit"):
        ContrastiveMatcher.load(shipped).embed_images(np.zeros((1, 2048), dtype=np.float32))


@torch.inference_mode()
def test_two_gru_passes_equal_the_packed_sequence() -> None:
    """The text side runs its GRU over plain padded tensors (so it exports); that is exactly what the
    packed-sequence form computes, rows of every length together."""
    model = _shipped_architecture(2)
    net = model.net
    ids = encode_captions(model.vocab, CAPTIONS, model.config.max_tokens)  # (B, T), ragged rows
    mask = (ids != 0).unsqueeze(2).float()
    lengths = mask.sum(dim=1).clamp(min=1.0)
    packed = torch.nn.utils.rnn.pack_padded_sequence(
        net.embedding(ids), lengths.squeeze(1).long(), batch_first=True, enforce_sorted=False
    )
    out, _ = net.gru(packed)
    out, _ = torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=ids.size(1))
    expected = torch.nn.functional.normalize(net.text_proj((out * mask).sum(dim=1) / lengths), dim=-1)
    torch.testing.assert_close(net.encode_texts(ids), expected, atol=1e-6, rtol=0)


@pytest.mark.timeout(120)
def test_graphs_store_the_fp16_weights_in_half_the_space(tmp_path: Path) -> None:
    """The graphs hold the fp16 weights of ``model.safetensors`` as fp16: they add about its size, and
    saved without torch weights the folder holds the graphs alone (what ships), of the same size."""
    model = _shipped_architecture(3)
    model.save(tmp_path / "full")
    model.save(tmp_path / "runtime", torch_weights=False)
    full, runtime = tmp_path / "full", tmp_path / "runtime"
    graphs = sum((full / name).stat().st_size for name in (IMAGE_GRAPH, TEXT_GRAPH))
    assert graphs < 1.1 * (full / "model.safetensors").stat().st_size
    assert not (runtime / "model.safetensors").exists()
    assert "model.safetensors" not in (runtime / "SHA256SUMS").read_text(encoding="ascii")
    shipped = sum((default_contrastive_dir() / name).stat().st_size for name in (IMAGE_GRAPH, TEXT_GRAPH))
    assert abs(shipped - graphs) < 0.02 * graphs


@pytest.mark.timeout(120)
def test_caption_scoring_and_search_modules_do_not_import_torch() -> None:
    code = (
        "import sys\n"
        "import assistant.describe, assistant.vision.matching.folder_search as s\n"
        "from assistant.vision.matching.contrastive import ContrastiveMatcher, default_contrastive_dir\n"
        "m = ContrastiveMatcher.load(default_contrastive_dir())\n"
        "import numpy as np\n"
        "c = m.confidence(np.full(m.config.feature_dim, 0.3, np.float32), 'a dog runs')\n"
        "assert 0.0 <= c <= 1.0, c\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=100)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
