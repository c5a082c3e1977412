"""Test-time flip: the mirror's grid is put back in column order, and both runtimes caption alike."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import ImageOps

from assistant.cli import main
from assistant.vision.inference.onnx_captioner import OnnxCaptioner
from assistant.vision.inference.torch_captioner import Captioner
from assistant.vision.model.checkpoint import load_model
from assistant.vision.model.files import write_manifest
from assistant.vision.model.mirror import average_with_mirror, grid_side, mirror_pixels
from assistant.vision.training.onnx_export import export_onnx
from tests.support.shapes import draw_shape

CASES = [("circle", "red", "white"), ("square", "blue", "black"), ("triangle", "green", "white")]


def _flip_model(tiny_model_dir: Path, out: Path) -> Path:
    """The tiny model's folder with ``test_time_flip`` switched on in its config.json."""
    shutil.copytree(tiny_model_dir, out)
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    config["test_time_flip"] = True
    (out / "config.json").write_text(json.dumps(config), encoding="utf-8")
    write_manifest(out)  # the folder's checksums follow the edit, as saving would write them
    return out


def test_the_mirrors_columns_are_put_back_in_order() -> None:
    rows, cols = np.meshgrid(np.arange(3.0), np.arange(3.0), indexing="ij")  # (3, 3) each
    plain = np.stack([rows, cols], axis=-1).reshape(1, 9, 2)  # cell (r, c) holds [r, c]
    mirrored = np.stack([rows, 2.0 - cols], axis=-1).reshape(1, 9, 2)  # the mirror sees column 2-c there
    np.testing.assert_array_equal(average_with_mirror(plain, mirrored), plain)
    pixels = np.arange(2 * 3 * 4 * 4, dtype=np.float32).reshape(2, 3, 4, 4)
    np.testing.assert_array_equal(mirror_pixels(pixels)[..., 0], pixels[..., 3])
    assert grid_side(81) == 9
    with pytest.raises(ValueError, match="not square"):
        grid_side(12)


@pytest.mark.timeout(180)
def test_a_picture_and_its_mirror_get_mirrored_grids_in_both_runtimes(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    flip_dir = _flip_model(tiny_model_dir, tmp_path / "tiny-flip")
    torch_captioner = Captioner.load(flip_dir, "cpu")
    onnx_captioner = OnnxCaptioner.load(export_onnx(tiny_model_dir, tmp_path / "onnx"), flip_dir, threads=1)
    assert torch_captioner.config.test_time_flip and onnx_captioner.test_time_flip
    assert not load_model(tiny_model_dir)[2].test_time_flip  # off unless a model asks for it

    pictures = [draw_shape(s, c, b, size=160, seed=60 + i) for i, (s, c, b) in enumerate(CASES)]
    mirrors = [ImageOps.mirror(picture) for picture in pictures]
    grid = torch_captioner.encode(pictures, with_mirror=True).numpy()  # (3, 49, D)
    mirror_grid = torch_captioner.encode(mirrors, with_mirror=True).numpy()
    side = grid_side(grid.shape[1])
    flipped_back = mirror_grid.reshape(3, side, side, -1)[:, :, ::-1].reshape(grid.shape)
    np.testing.assert_allclose(grid, flipped_back, atol=1e-4)  # the same scene, columns reversed
    plain = torch_captioner.encode(pictures).numpy()
    assert np.abs(grid - plain).max() > 1e-3  # the mirror really took part
    np.testing.assert_allclose(onnx_captioner.encode(pictures, with_mirror=True), grid, atol=1e-3)

    for picture in pictures:
        expected = torch_captioner.caption(picture)
        got = onnx_captioner.caption(picture)
        assert got.tokens == expected.tokens and expected.tokens
        assert got.pooled is not None and expected.pooled is not None
        np.testing.assert_allclose(got.pooled, expected.pooled, atol=1e-3)


@pytest.mark.timeout(120)
def test_the_ensemble_command_sets_or_keeps_the_choice(tiny_model_dir: Path, tmp_path: Path) -> None:
    flip_dir = _flip_model(tiny_model_dir, tmp_path / "tiny-flip")
    assert main(["ensemble", str(flip_dir), str(tiny_model_dir), "--out", str(tmp_path / "kept")]) == 0
    assert load_model(tmp_path / "kept")[2].test_time_flip  # the first model's choice
    args = ["ensemble", str(flip_dir), str(tiny_model_dir), "--out", str(tmp_path / "off")]
    assert main([*args, "--no-test-time-flip"]) == 0
    assert not load_model(tmp_path / "off")[2].test_time_flip
    args = ["ensemble", str(tiny_model_dir), str(flip_dir), "--out", str(tmp_path / "on")]
    assert main([*args, "--test-time-flip"]) == 0
    assert load_model(tmp_path / "on")[2].test_time_flip
