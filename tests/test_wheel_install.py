"""The wheel works on its own (issue #19): built with its ONNX files, installed into a fresh venv
without torch, it describes a picture with the same caption as this development install.

Slow (a wheel build, a venv, ``pip install`` of PySide6, onnxruntime and OCR from the package index):
about 1.5 minutes here. Skipped when the package index cannot be reached.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.packaging_runs import WHEEL
from tests.support.packaging_runs import index_reachable as _index_reachable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_fresh_install_of_the_wheel_describes_without_torch(request):
    if not _index_reachable():
        pytest.skip("no package index reachable for the wheel's dependencies")
    wheel = request.getfixturevalue("shipped_wheel")  # packaging/build_wheel.py, once for the session
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = "assistant/resources/models/flickr8k-lite2-lstm/onnx/"
    for name in ("encoder.onnx", "decoder_start.onnx", "decoder_step.int8.onnx", "onnx.json", "SHA256SUMS"):
        assert shipped + name in names
    for name in ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx"):  # the text reader's models
        assert "assistant/resources/ocr/" + name in names

    # benchmarks/install_bench.py's measure(), side by side with the bundle's checks:
    # tests/support/packaging_runs.py.
    figures = request.getfixturevalue("packaging_runs")[WHEEL].get()

    assert figures["torch_importable"] is False
    # Text is read without RapidOCR and OpenCV, from the models in the wheel, as in development.
    assert figures["cv2_importable"] is False and figures["rapidocr_importable"] is False
    assert figures["ocr_same"], (figures["ocr_lines"], figures["ocr_error"])
    assert "site-packages/assistant/resources/ocr" in str(figures["ocr_models_from"])
    for picture in figures["pictures"]:
        assert picture["fresh_install"], picture["error"]
        assert picture["fresh_install"] == picture["development"], picture
        assert picture["heavy_modules_loaded"] == [], picture
    assert figures["doctor_rc"] == 0
    assert figures["search_rc"] == 0, figures["search_error"]
    rc, said = figures["train_without_extra"]
    assert rc == 8 and "pip install 'assistant[train]'" in " ".join(said)
    # The target. Measured 576 MB (PySide6 237, the assistant with its models 151, onnxruntime 80,
    # numpy 71); 777 MB before the text reader dropped RapidOCR and OpenCV.
    assert figures["installed_mb"] <= 600, figures["largest_mb"]
