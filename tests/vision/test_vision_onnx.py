"""The ONNX export and the torch-free onnxruntime captioner, checked against torch on a real tiny model."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from assistant.errors import ModelError
from assistant.vision.inference.onnx_captioner import (
    DECODER_STEP_FILE,
    OnnxCaptioner,
    default_onnx_dir,
    onnx_export_is_current,
    preprocess_np,
    weights_digest,
)
from assistant.vision.inference.torch_captioner import Captioner
from assistant.vision.inference.torch_steps import beam_search
from assistant.vision.model.encoder import encoder_spec, preprocess
from assistant.vision.training.onnx_export import ensure_onnx, export_onnx
from tests.support.shapes import draw_shape

REPO = Path(__file__).resolve().parents[2]
CASES = [
    ("circle", "red", "white"),
    ("square", "blue", "black"),
    ("triangle", "green", "white"),
    ("circle", "green", "black"),
    ("square", "red", "white"),
]


@pytest.fixture(scope="module")
def onnx_dir(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_onnx(tiny_model_dir, tmp_path_factory.mktemp("onnx") / "tiny", opset=17)


@pytest.fixture(scope="module")
def runtimes(tiny_model_dir: Path, onnx_dir: Path) -> tuple[Captioner, OnnxCaptioner]:
    return Captioner.load(tiny_model_dir, "cpu"), OnnxCaptioner.load(onnx_dir, tiny_model_dir, threads=1)


@pytest.fixture(scope="module")
def images() -> list:
    return [draw_shape(s, c, b, size=160, seed=700 + i) for i, (s, c, b) in enumerate(CASES)]


@pytest.mark.timeout(120)
def test_export_writes_the_three_graphs_and_a_manifest(onnx_dir: Path, tiny_model_dir: Path) -> None:
    names = {p.name for p in onnx_dir.iterdir()}
    assert {"encoder.onnx", "decoder_start.onnx", "decoder_step.onnx", "onnx.json", "vocab.json"} <= names
    assert all((onnx_dir / n).stat().st_size > 1000 for n in ("encoder.onnx", "decoder_step.onnx"))
    assert onnx_export_is_current(onnx_dir, tiny_model_dir)


@pytest.mark.timeout(60)
def test_numpy_preprocessing_equals_torch_preprocessing(images: list) -> None:
    spec = encoder_spec("efficientnet-lite0")
    odd = draw_shape("triangle", "blue", "black", size=97, seed=3).convert("L")  # grey, odd size
    batch = [*images, odd]
    expected = preprocess(batch, spec).numpy()
    got = preprocess_np(batch, spec.image_size, spec.normalisation)
    assert got.dtype == np.float32 and got.shape == expected.shape
    np.testing.assert_array_equal(got, expected)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("beam_size", [1, 3])
def test_onnxruntime_gives_the_same_captions_as_torch(runtimes, images, beam_size: int) -> None:
    torch_captioner, ort_captioner = runtimes
    for image in images:
        expected = torch_captioner.caption(image, beam_size=beam_size)
        got = ort_captioner.caption(image, beam_size=beam_size)
        assert got.tokens == expected.tokens and got.text == expected.text
        assert got.tokens, "the tiny model names the shape"
        assert got.log_prob == pytest.approx(expected.log_prob, abs=1e-3)
        assert got.mean_log_prob == pytest.approx(expected.mean_log_prob, abs=1e-3)
        assert got.grid == expected.grid == (7, 7)
        assert got.alphas is not None and expected.alphas is not None
        np.testing.assert_allclose(got.alphas, expected.alphas, atol=1e-4)
        assert set(got.timings) == {"encode", "decode"}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("near_misses", [False, True])
def test_batched_n_best_search_matches_torch(runtimes, images, near_misses: bool) -> None:
    torch_captioner, ort_captioner = runtimes
    features = ort_captioner.encode(images)  # (B, 49, 1280)
    torch_features = torch_captioner.encode(images).numpy()
    np.testing.assert_allclose(features, torch_features, atol=1e-3)
    vocab = torch_captioner.vocab
    expected = beam_search(
        torch_captioner.decoder,
        torch.from_numpy(features),
        vocab.start_id,
        vocab.end_id,
        beam_size=4,
        max_len=6,  # short enough that some hypotheses are forced to end
        length_penalty=0.7,
        n_best=4,
        near_misses=near_misses,
    )
    ort_captioner.max_len, ort_captioner.length_penalty = 6, 0.7
    try:
        got = ort_captioner.decode(features, beam_size=4, n_best=4, near_misses=near_misses)
    finally:
        ort_captioner.max_len = ort_captioner.manifest["max_len"]
        ort_captioner.length_penalty = ort_captioner.manifest["length_penalty"]
    assert len(got) == len(expected) == len(images)
    if near_misses:  # more than n_best: some dropped captions came back, in both runtimes alike
        assert any(len(hyps) > 4 for hyps in expected)
    for ort_hyps, torch_hyps in zip(got, expected, strict=True):
        assert [h.tokens for h in ort_hyps] == [h.tokens for h in torch_hyps]
        assert len(ort_hyps) > 1
        for a, b in zip(ort_hyps, torch_hyps, strict=True):
            assert a.log_prob == pytest.approx(b.log_prob, abs=1e-3)
            assert a.alphas.shape == tuple(b.alphas.shape)


@pytest.mark.timeout(60)
def test_the_onnx_runtime_module_does_not_import_torch() -> None:
    code = (
        "import sys, assistant.vision.inference.onnx_captioner as m; "
        "assert 'torch' not in sys.modules, 'torch was imported'; print(m.OnnxCaptioner.__name__)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=50, cwd=REPO, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "OnnxCaptioner"


@pytest.mark.timeout(60)
def test_a_stale_export_is_refused_and_not_current(
    onnx_dir: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    changed = tmp_path / "changed-model"
    shutil.copytree(tiny_model_dir, changed)
    with open(changed / "model.safetensors", "ab") as handle:
        handle.write(b"\0")  # other weights than the export was made from
    assert not onnx_export_is_current(onnx_dir, changed)
    with pytest.raises(ModelError, match="out of date"):
        OnnxCaptioner.load(onnx_dir, changed)


@pytest.mark.timeout(60)
def test_weights_verified_at_load_are_not_hashed_again(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #19 (start fast): the app verified model.safetensors against SHA256SUMS, then hashed it
    twice more to find and check the ONNX export; the verified digest now serves, a changed file is
    hashed again."""
    from assistant.vision.inference import onnx_captioner
    from assistant.vision.model.files import verify_manifest, write_manifest

    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    write_manifest(model)
    fresh = weights_digest(model)
    assert verify_manifest(model)
    monkeypatch.setattr(onnx_captioner.hashlib, "sha256", None)  # hashing now would fail
    assert weights_digest(model) == fresh
    with open(model / "model.safetensors", "ab") as handle:
        handle.write(b"\0")
    with pytest.raises(TypeError):  # changed since it was verified: hashed (here: it tried to)
        weights_digest(model)


@pytest.mark.timeout(60)
def test_missing_or_damaged_exports_raise_model_errors(onnx_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        OnnxCaptioner.load(tmp_path / "nowhere")
    broken = tmp_path / "broken"
    shutil.copytree(onnx_dir, broken)
    (broken / DECODER_STEP_FILE).write_bytes(b"not a graph")
    with pytest.raises(ModelError, match="damaged"):
        OnnxCaptioner.load(broken)
    (broken / DECODER_STEP_FILE).unlink()
    with pytest.raises(ModelError, match="incomplete"):
        OnnxCaptioner.load(broken)


@pytest.mark.timeout(60)
def test_default_location_is_the_user_cache_and_ensure_reuses_a_current_export(
    onnx_dir: Path, tiny_model_dir: Path
) -> None:
    from assistant.paths import cache_dir

    assert default_onnx_dir(tiny_model_dir) == cache_dir() / "onnx" / tiny_model_dir.resolve().name
    before = (onnx_dir / DECODER_STEP_FILE).stat().st_mtime_ns
    assert ensure_onnx(tiny_model_dir, onnx_dir) == onnx_dir
    assert (onnx_dir / DECODER_STEP_FILE).stat().st_mtime_ns == before  # not exported again


@pytest.mark.timeout(60)
def test_the_int8_decoder_step_is_close_to_the_float_one(onnx_dir: Path, runtimes, images) -> None:
    _torch_captioner, ort_captioner = runtimes
    int8_captioner = OnnxCaptioner.load(onnx_dir, threads=1, int8=True)
    features = ort_captioner.encode(images[:3])  # (3, N, D)
    h, c, projected = ort_captioner._start(features)
    tokens = np.full((3,), ort_captioner.vocab.start_id, dtype=np.int64)
    expected = ort_captioner._step(tokens, h, c, features, projected)[0]  # (3, V) log-probs
    got = int8_captioner._step(tokens, h, c, features, projected)[0]
    assert (onnx_dir / "decoder_step.int8.onnx").stat().st_size < (
        onnx_dir / DECODER_STEP_FILE
    ).stat().st_size
    np.testing.assert_array_equal(got.argmax(axis=1), expected.argmax(axis=1))
    finite = np.isfinite(expected)
    np.testing.assert_array_equal(np.isfinite(got), finite)  # banned ids stay banned
    assert np.abs(np.exp(got[finite]) - np.exp(expected[finite])).max() < 0.05
    for image in images[:3]:
        assert int8_captioner.caption(image).tokens  # a real caption, not an empty one


@pytest.mark.timeout(60)
def test_an_int8_caption_does_not_depend_on_its_batch_mates(onnx_dir: Path, runtimes, images) -> None:
    """The int8 step quantises each activation with one scale per run: run on a whole batch, a
    picture's numbers move with the other pictures; the captioner runs it one picture's beams at a
    time, so a batch gives each picture what it gets alone (the hotkey's one picture)."""
    _torch_captioner, ort_captioner = runtimes
    int8_captioner = OnnxCaptioner.load(onnx_dir, threads=1, int8=True)
    features = ort_captioner.encode(images)  # (5, N, D)
    h, c, projected = ort_captioner._start(features)
    tokens = np.full((len(images),), ort_captioner.vocab.start_id, dtype=np.int64)
    together = int8_captioner._step(tokens, h, c, features, projected)[0]  # (5, V)
    alone = np.concatenate(
        [
            int8_captioner._step(
                tokens[i : i + 1], h[i : i + 1], c[i : i + 1], features[i : i + 1], projected[i : i + 1]
            )[0]
            for i in range(len(images))
        ]
    )
    assert not np.array_equal(together, alone)  # the dependency the captioner avoids
    batched = int8_captioner.decode(features, beam_size=3, n_best=3, near_misses=True)
    for i in range(len(images)):
        single = int8_captioner.decode(features[i : i + 1], beam_size=3, n_best=3, near_misses=True)[0]
        assert [h.tokens for h in batched[i]] == [h.tokens for h in single]
        # (the graphs' other parts may round a batch differently: in the last bits on a CPU with
        # AVX-512, in the third decimal on an AVX2-only one, where onnxruntime's kernels differ;
        # the captions are the same either way)
        assert [h.log_prob for h in batched[i]] == pytest.approx([h.log_prob for h in single], abs=1e-2)
