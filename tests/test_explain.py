"""Attention maps (assistant.vision.inference.explain) with a real tiny trained captioner and drawn images."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.cli import main
from assistant.vision.inference.explain import COLUMNS, attention_map, explain, explain_with_result
from tests.support.shapes import draw_shape


@pytest.fixture(scope="module")
def tiny_captioner(tiny_model_dir: Path):
    from assistant.vision.inference.torch_captioner import Captioner

    return Captioner.load(tiny_model_dir, "cpu")


def test_attention_map_is_smooth_and_peaks_where_the_weight_is():
    alpha = np.zeros(9 * 9, dtype=np.float32)
    alpha[2 * 9 + 6] = 1.0  # row 2, column 6
    heat = attention_map(alpha, (9, 9), (180, 90))  # PIL size: width 180, height 90
    assert heat.shape == (90, 180)
    assert heat.min() >= 0.0 and heat.max() <= 1.0
    y, x = np.unravel_index(int(heat.argmax()), heat.shape)
    assert 6 * 20 <= x < 7 * 20 and 2 * 10 <= y < 3 * 10
    # Bilinear, not blocky: many intermediate values, and far corners stay cold.
    assert np.count_nonzero((heat > 0.05) & (heat < 0.95)) > 100
    assert heat[-1, 0] == pytest.approx(0.0, abs=1e-6)


def _panel_centres(image: np.ndarray, rows: int, cols: int, title_px: int) -> list[np.ndarray]:
    """The middle 40% of each grid cell of the figure below the title band."""
    height, width = image.shape[:2]
    cell_h, cell_w = (height - title_px) / rows, width / cols
    crops = []
    for r in range(rows):
        for c in range(cols):
            y0, x0 = title_px + r * cell_h, c * cell_w
            crops.append(
                image[
                    int(y0 + 0.3 * cell_h) : int(y0 + 0.7 * cell_h),
                    int(x0 + 0.3 * cell_w) : int(x0 + 0.7 * cell_w),
                ]
            )
    return crops


@pytest.mark.timeout(120)
def test_explain_writes_a_png_with_one_heat_map_per_word(tiny_captioner, tmp_path):
    picture = draw_shape("circle", "red", "white", seed=501)
    out, result = explain_with_result(tiny_captioner, picture, tmp_path / "maps" / "red.png", dpi=60)
    assert out.is_file() and out.stat().st_size > 5_000
    assert result.tokens, "the tiny model should say something about a red circle"
    panels = len(result.tokens) + 2  # the plain image, each word, <end>
    cols = min(COLUMNS, panels)
    rows = math.ceil(panels / cols)
    with Image.open(out) as png:
        assert png.format == "PNG"
        pixels = np.asarray(png.convert("RGB"), dtype=np.float32)
    # The figure is sized by the number of panels: 2.4 inches a panel plus a title band.
    assert pixels.shape[1] == pytest.approx(2.4 * cols * 60, abs=2)
    assert pixels.shape[0] == pytest.approx((2.4 * rows + 0.7) * 60, abs=2)
    assert pixels.std() > 20  # not blank
    crops = _panel_centres(pixels, rows, cols, title_px=round(0.7 * 60))
    for index in range(panels):
        assert crops[index].std() > 5 or abs(crops[index].mean() - 255) > 30, f"panel {index} is empty"
    for index in range(panels, rows * cols):
        assert crops[index].mean() > 250, f"cell {index} should be left blank"
    # The heat-map panels are the image with a colour map laid over it, not copies of it.
    plain = crops[0]
    for index in range(1, panels):
        h, w = min(plain.shape[0], crops[index].shape[0]), min(plain.shape[1], crops[index].shape[1])
        change = np.abs(crops[index][:h, :w] - plain[:h, :w]).mean()
        assert change > 20, f"panel {index} shows no heat map ({change:.1f})"


@pytest.mark.timeout(120)
def test_explain_from_a_file_writes_alt_text_sidecar(tiny_captioner, tmp_path):
    path = tmp_path / "blue.png"
    draw_shape("square", "blue", "black", seed=502).save(path)
    out = explain(tiny_captioner, path, tmp_path / "blue-maps.png", beam_size=1, sidecar=True, dpi=40)
    alt = out.with_suffix(".txt").read_text(encoding="utf-8")
    assert alt.startswith("Attention maps for the caption") and "heat map per word" in alt


@pytest.mark.timeout(120)
def test_explain_cli(tiny_model_dir, tmp_path, capsys):
    image = tmp_path / "green.png"
    draw_shape("triangle", "green", "white", seed=503).save(image)
    bad = tmp_path / "bad.png"
    bad.write_text("not a picture")
    out_png = tmp_path / "green-maps.png"
    common = ["--model", str(tiny_model_dir), "--device", "cpu", "--dpi", "50"]
    assert main(["explain", str(image), "--out", str(out_png), *common]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"{out_png}: ") and len(printed.split(": ", 1)[1].strip()) > 3
    with Image.open(out_png) as png:
        assert png.width >= 300 and np.asarray(png.convert("L")).std() > 20
    assert main(["explain", str(bad), "--out", str(tmp_path / "x.png"), *common]) == 3
    assert capsys.readouterr().err.strip() == "assistant: The file bad.png is not an image."
    assert not (tmp_path / "x.png").exists()
