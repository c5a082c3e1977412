"""The describe pipeline runs on either captioner runtime, and needs no torch for the ONNX one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.describe import Describer, DescriberOptions

REPO = Path(__file__).resolve().parents[1]


def test_importing_the_pipeline_does_not_import_torch():
    code = (
        "import sys, assistant.describe, assistant.understand, assistant.capture.screen, "
        "assistant.vision.inference.onnx_captioner, assistant.vision.inference.runtime; "
        "sys.exit(1 if 'torch' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=60).returncode == 0


@pytest.mark.timeout(240)
def test_onnx_and_torch_runtimes_say_the_same(tiny_model_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path / "cache"))
    sys.path.insert(0, str(REPO / "scripts"))
    from render_sample import render

    picture = render(tmp_path / "scene.png")
    said = {}
    for runtime in ("torch", "onnx"):
        options = DescriberOptions(model_dir=tiny_model_dir, device="cpu", runtime=runtime, ocr="none")
        description = Describer(options).describe(picture)
        assert description.kind == "photo"
        said[runtime] = (description.caption, description.text)
    assert said["onnx"] == said["torch"]
    # With a current export in the cache, "auto" on a CPU takes onnxruntime.
    from assistant.vision.inference.onnx_captioner import OnnxCaptioner

    describer = Describer(
        DescriberOptions(model_dir=tiny_model_dir, device="cpu", runtime="auto", ocr="none")
    )
    assert isinstance(describer.load(), OnnxCaptioner)
