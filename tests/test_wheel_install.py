"""The wheel works on its own (issue #19): built with its ONNX files, installed into a fresh venv
without torch, it describes a picture with the same caption as this development install.

Slow (a wheel build, a venv, ``pip install`` of PySide6, onnxruntime and OCR from the package index):
about 1.5 minutes here. Skipped when the package index cannot be reached.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))


def _index_reachable() -> bool:
    """pip's own index settings decide; a file:// mirror or find-links counts as reachable."""
    out = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True, timeout=30
    )
    if "file://" in out.stdout or "find-links" in out.stdout:
        return True
    host = urlparse("https://pypi.org/simple").hostname or "pypi.org"
    try:
        socket.create_connection((host, 443), timeout=5).close()
        return True
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_fresh_install_of_the_wheel_describes_without_torch(tmp_path):
    if not _index_reachable():
        pytest.skip("no package index reachable for the wheel's dependencies")
    from install_bench import measure

    build = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build_wheel.py"), "--dist", str(tmp_path / "dist")],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("assistant-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = "assistant/resources/models/flickr8k-lite2-lstm/onnx/"
    for name in ("encoder.onnx", "decoder_start.onnx", "decoder_step.int8.onnx", "onnx.json", "SHA256SUMS"):
        assert shipped + name in names

    figures = measure(wheel, tmp_path / "venv", tmp_path)

    assert figures["torch_importable"] is False
    for picture in figures["pictures"]:
        assert picture["fresh_install"], picture["error"]
        assert picture["fresh_install"] == picture["development"], picture
        assert picture["heavy_modules_loaded"] == [], picture
    assert figures["doctor_rc"] == 0
    assert figures["search_rc"] == 0, figures["search_error"]
    rc, said = figures["train_without_extra"]
    assert rc == 8 and "pip install 'assistant[train]'" in " ".join(said)
    # Measured 772 MB (PySide6 237, OpenCV for RapidOCR 180, onnxruntime 80, the assistant 114): the
    # issue's 600 MB target is not met; this bound catches torch or a GPU runtime creeping back in.
    assert figures["installed_mb"] < 900, figures["largest_mb"]
