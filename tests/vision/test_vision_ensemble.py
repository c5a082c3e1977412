"""Ensembles: the averaged distribution is the members' mean, the folder round-trips, ONNX agrees."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
import torch

from assistant.cli import main
from assistant.errors import ModelError
from assistant.vision.inference.onnx_captioner import OnnxCaptioner
from assistant.vision.inference.torch_captioner import Captioner
from assistant.vision.inference.torch_steps import beam_search
from assistant.vision.model.checkpoint import ModelConfig, load_model, save_model
from assistant.vision.model.decoder import DecoderConfig
from assistant.vision.model.ensemble import EnsembleDecoder
from assistant.vision.model.lstm_decoder import AttentionDecoder
from assistant.vision.training.combine import combine_models
from assistant.vision.training.onnx_export import export_onnx
from tests.support.shapes import draw_shape

CASES = [("circle", "red", "white"), ("square", "blue", "black"), ("triangle", "green", "white")]


@pytest.fixture(scope="module")
def second_model(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model with every weight nudged: a second member that disagrees a little."""
    decoder, vocab, config = load_model(tiny_model_dir)
    generator = torch.Generator().manual_seed(5)
    with torch.no_grad():
        for tensor in decoder.parameters():
            tensor.add_(0.3 * tensor.abs().mean() * torch.randn(tensor.shape, generator=generator))
    out = tmp_path_factory.mktemp("second") / "tiny-nudged"
    save_model(out, decoder, vocab, config, half=False)
    return out


@pytest.fixture(scope="module")
def ensemble_dir(tiny_model_dir: Path, second_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return combine_models([tiny_model_dir, second_model], tmp_path_factory.mktemp("ens") / "pair", half=False)


@pytest.fixture(scope="module")
def grid(tiny_model_dir: Path) -> torch.Tensor:
    captioner = Captioner.load(tiny_model_dir, "cpu")
    return captioner.encode([draw_shape(s, c, b, size=160, seed=40 + i) for i, (s, c, b) in enumerate(CASES)])


@pytest.mark.timeout(120)
def test_a_step_gives_the_log_of_the_members_mean_probability(
    ensemble_dir: Path, tiny_model_dir: Path, second_model: Path, grid: torch.Tensor
) -> None:
    ensemble, vocab, config = load_model(ensemble_dir)
    assert isinstance(ensemble, EnsembleDecoder) and config.decoder.members == 2
    members = [load_model(tiny_model_dir)[0], load_model(second_model)[0]]
    tokens = torch.tensor([vocab.start_id] * len(grid))
    with torch.inference_mode():
        h, c, projected = ensemble.start(grid)
        mixed, h, _, alpha = ensemble.step(tokens, h, c, grid, projected)
        probs = []
        for member in members:
            member_h, member_c, member_projected = member.start(grid)
            logits = member.step(tokens, member_h, member_c, grid, member_projected)[0]
            probs.append(torch.softmax(logits, dim=1))
    expected = ((probs[0] + probs[1]) / 2).log()  # (B, V)
    torch.testing.assert_close(mixed, expected, atol=1e-5, rtol=1e-5)
    assert torch.allclose(mixed.exp().sum(1), torch.ones(len(grid)), atol=1e-5)
    assert h.shape == (len(grid), 2 * config.decoder.hidden_dim) and alpha.shape == grid.shape[:2]
    assert torch.allclose(alpha.sum(1), torch.ones(len(grid)), atol=1e-5)


@pytest.mark.timeout(120)
def test_a_model_combined_with_itself_captions_as_it_does(
    tiny_model_dir: Path, tmp_path: Path, grid: torch.Tensor
) -> None:
    single, vocab, _ = load_model(tiny_model_dir)
    twin, _, _ = load_model(combine_models([tiny_model_dir, tiny_model_dir], tmp_path / "twin", half=False))
    a = beam_search(single, grid, vocab.start_id, vocab.end_id, beam_size=3, max_len=12, n_best=3)
    b = beam_search(twin, grid, vocab.start_id, vocab.end_id, beam_size=3, max_len=12, n_best=3)
    assert [[h.tokens for h in hyps] for hyps in a] == [[h.tokens for h in hyps] for hyps in b]
    for hyps_a, hyps_b in zip(a, b, strict=True):
        for x, y in zip(hyps_a, hyps_b, strict=True):
            assert math.isclose(x.log_prob, y.log_prob, abs_tol=1e-4)


@pytest.mark.timeout(180)
def test_the_ensemble_folder_captions_alike_in_torch_and_onnxruntime(
    ensemble_dir: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    members = json.loads((ensemble_dir / "config.json").read_text())["metadata"]["ensemble"]
    assert [member["model"] for member in members] == [tiny_model_dir.name, "tiny-nudged"]
    onnx_dir = export_onnx(ensemble_dir, tmp_path / "onnx", opset=17, int8=False)
    torch_captioner = Captioner.load(ensemble_dir, "cpu")
    ort_captioner = OnnxCaptioner.load(onnx_dir, ensemble_dir, threads=1)
    for i, (shape, colour, background) in enumerate(CASES):
        image = draw_shape(shape, colour, background, size=160, seed=90 + i)
        expected, got = torch_captioner.caption(image, beam_size=3), ort_captioner.caption(image, beam_size=3)
        assert got.tokens == expected.tokens and expected.tokens


@pytest.mark.timeout(120)
def test_the_cli_combines_and_refuses_what_does_not_fit(
    tiny_model_dir: Path, second_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ensemble", str(tiny_model_dir), str(second_model), "--out", str(tmp_path / "cli")]) == 0
    assert load_model(tmp_path / "cli")[2].decoder.members == 2
    single = (tiny_model_dir / "model.safetensors").stat().st_size  # fp32 tiny model
    assert (tmp_path / "cli" / "model.safetensors").stat().st_size < 1.2 * single  # two members in fp16

    with pytest.raises(ModelError, match="two or more"):
        combine_models([tiny_model_dir], tmp_path / "one")
    other_vocab = tmp_path / "other-vocab"
    shutil.copytree(second_model, other_vocab)
    decoder, vocab, config = load_model(other_vocab)
    vocab.itos[-1] = "zebra" if vocab.itos[-1] != "zebra" else "okapi"
    save_model(other_vocab, decoder, vocab, config, half=False)
    with pytest.raises(ModelError, match="vocabulary"):
        combine_models([tiny_model_dir, other_vocab], tmp_path / "bad")
    wider = tmp_path / "wider"
    vocab = load_model(tiny_model_dir)[1]
    narrow = DecoderConfig(len(vocab), config.decoder.encoder_dim, embed_dim=8, hidden_dim=8, attention_dim=8)
    save_model(wider, AttentionDecoder(narrow), vocab, ModelConfig(config.encoder, narrow), half=False)
    with pytest.raises(ModelError, match="decoder shape"):
        combine_models([tiny_model_dir, wider], tmp_path / "bad")
    assert not (tmp_path / "bad").exists()
