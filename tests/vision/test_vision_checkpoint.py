"""Model folders round-trip exactly, and every broken folder gives one clear sentence."""

import json
import shutil

import pytest
import torch

from assistant.errors import ModelError
from assistant.vision.inference.torch_steps import greedy_decode
from assistant.vision.model.checkpoint import ModelConfig, load_model, save_model
from assistant.vision.model.decoder import DecoderConfig
from assistant.vision.model.files import write_manifest
from assistant.vision.model.lstm_decoder import AttentionDecoder
from assistant.vision.model.vocab import Vocabulary


@pytest.fixture
def model_dir(tmp_path):
    torch.manual_seed(0)
    vocab = Vocabulary.build(["a red circle", "a blue square"], min_count=1)
    decoder = AttentionDecoder(
        DecoderConfig(len(vocab), encoder_dim=8, embed_dim=8, hidden_dim=8, attention_dim=8)
    )
    save_model(tmp_path / "m", decoder, vocab, ModelConfig("efficientnet-lite0", decoder.config), half=False)
    return tmp_path / "m", decoder


def test_round_trip_gives_identical_outputs(model_dir):
    path, original = model_dir
    loaded, vocab, config = load_model(path)
    assert config.decoder == original.config and config.encoder == "efficientnet-lite0"
    features = torch.randn(2, 5, 8)
    original.eval()
    a = greedy_decode(original, features, vocab.start_id, vocab.end_id, 10)
    b = greedy_decode(loaded, features, vocab.start_id, vocab.end_id, 10)
    assert [h.tokens for h in a] == [h.tokens for h in b]
    for name, tensor in original.state_dict().items():
        assert torch.equal(tensor, loaded.state_dict()[name])


def test_half_precision_halves_the_file(tmp_path):
    vocab = Vocabulary.build(["a red circle", "a blue square"], min_count=1)
    decoder = AttentionDecoder(
        DecoderConfig(len(vocab), encoder_dim=64, embed_dim=64, hidden_dim=64, attention_dim=64)
    )
    config = ModelConfig("efficientnet-lite0", decoder.config)
    save_model(tmp_path / "f", decoder, vocab, config, half=False)
    save_model(tmp_path / "h", decoder, vocab, config, half=True)
    full, half = ((tmp_path / d / "model.safetensors").stat().st_size for d in ("f", "h"))
    assert half < 0.6 * full
    loaded, _, _ = load_model(tmp_path / "h")
    assert next(loaded.parameters()).dtype == torch.float32  # computed in fp32 whatever is stored


def test_missing_folder_and_files(tmp_path, model_dir):
    with pytest.raises(ModelError, match="missing"):
        load_model(tmp_path / "nowhere")
    path, _ = model_dir
    for name in ("model.safetensors", "config.json", "vocab.json"):
        broken = tmp_path / f"no-{name}"
        shutil.copytree(path, broken)
        (broken / name).unlink()
        with pytest.raises(ModelError, match=name):
            load_model(broken)


def test_truncated_weights(tmp_path, model_dir):
    path, _ = model_dir
    broken = tmp_path / "truncated"
    shutil.copytree(path, broken)
    data = (broken / "model.safetensors").read_bytes()
    (broken / "model.safetensors").write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match=r"damaged: model\.safetensors does not match its checksum"):
        load_model(broken)
    write_manifest(broken)  # even with matching checksums, safetensors' own check still speaks
    with pytest.raises(ModelError, match="damaged or truncated"):
        load_model(broken)


def test_incompatible_version_and_foreign_config(tmp_path, model_dir):
    path, _ = model_dir
    newer = tmp_path / "newer"
    shutil.copytree(path, newer)
    config = json.loads((newer / "config.json").read_text())
    config["format_version"] = 99
    (newer / "config.json").write_text(json.dumps(config))
    write_manifest(newer)  # as a newer assistant would have written it
    with pytest.raises(ModelError, match="version 99"):
        load_model(newer)
    assert json.loads((path / "config.json").read_text())["format_version"] == 2
    (newer / "config.json").write_text(json.dumps({**config, "format_version": 1}))
    write_manifest(newer)
    decoder, _, _ = load_model(newer)  # folders written before ensembles still load
    assert decoder.config.members == 1
    (newer / "config.json").write_text(json.dumps({"format": "something-else"}))
    write_manifest(newer)
    with pytest.raises(ModelError, match="does not hold"):
        load_model(newer)


def test_vocabulary_mismatch(tmp_path, model_dir):
    path, _ = model_dir
    other = tmp_path / "other"
    shutil.copytree(path, other)
    Vocabulary.build(["many more words than before here"], min_count=1).save(other / "vocab.json")
    write_manifest(other)
    with pytest.raises(ModelError, match="vocabulary"):
        load_model(other)


def test_loading_never_unpickles(tmp_path, model_dir, monkeypatch):
    import pickle

    def refuse(*args, **kwargs):
        raise AssertionError("pickle used while loading a model")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(torch, "load", refuse)
    load_model(model_dir[0])
