"""Both captioner runtimes hand the Describer the pooled grid they computed, and score alike.

The caption's match confidence must come from the grid the captioner already made (no second
encoder run), on torch and on onnxruntime alike. A tiny captioner (lite0) and a tiny image-text model
trained on the same lite0 grids of the rendered shapes make this checkable in seconds.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.describe import Describer, DescriberOptions
from assistant.vision.inference.onnx_captioner import OnnxCaptioner
from assistant.vision.matching.contrastive import ContrastiveMatcher, captioner_encoder
from assistant.vision.training.onnx_export import export_onnx
from tests.support.shapes import captions_for, draw_shape
from tests.support.shapes_contrastive import train_shapes_contrastive


@pytest.fixture(scope="module")
def shapes_matcher(shapes_dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return train_shapes_contrastive(
        shapes_dataset, tmp_path_factory.mktemp("match-model"), tmp_path_factory.mktemp("match-features")
    )


@pytest.fixture(scope="module")
def tiny_onnx(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_onnx(tiny_model_dir, tmp_path_factory.mktemp("onnx") / "tiny", opset=17, int8=False)


@pytest.mark.timeout(600)
def test_torch_and_onnx_captions_carry_the_same_grid_and_confidence(
    tiny_model_dir: Path, tiny_onnx: Path, shapes_matcher: Path
) -> None:
    options = DescriberOptions(
        model_dir=tiny_model_dir, device="cpu", runtime="torch", contrastive_dir=shapes_matcher
    )
    on_torch = Describer(options)
    on_onnx = Describer(options, OnnxCaptioner.load(tiny_onnx, tiny_model_dir, threads=1))
    assert captioner_encoder(on_torch.load()) == captioner_encoder(on_onnx.load()) == "efficientnet-lite0"
    matcher = ContrastiveMatcher.load(shapes_matcher)
    cases = [("circle", "red", "white"), ("square", "blue", "black"), ("triangle", "green", "white")]
    for i, (shape, colour, background) in enumerate(cases):
        image = draw_shape(shape, colour, background, size=160, seed=900 + i)
        a, b = on_torch.caption(image), on_onnx.caption(image)
        assert a.pooled is not None and b.pooled is not None
        np.testing.assert_allclose(a.pooled, b.pooled, atol=1e-3)
        assert a.text == b.text
        assert a.confidence is not None and b.confidence is not None
        assert a.confidence == pytest.approx(b.confidence, abs=1e-3)
        assert a.confidence == pytest.approx(matcher.confidence(a.pooled, a.text), abs=1e-5)
        # The pooled grid is this image's: its true description outscores another shape's.
        right = matcher.confidence(b.pooled, captions_for(shape, colour, background)[0])
        other = "circle" if shape != "circle" else "square"
        wrong = matcher.confidence(
            b.pooled, captions_for(other, "blue" if colour != "blue" else "red", background)[0]
        )
        assert right > wrong, (shape, colour, right, wrong)
