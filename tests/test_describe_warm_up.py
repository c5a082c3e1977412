"""The describer's warm-up (issue #17): after it, the first describe finds everything set up.

benchmarks/first_describe.py measures what it buys; these tests check what it does, on the shipped
model and real engines: the OCR engines made and run, the caption memory, the image-text model and
the ImageNet head loaded, torch never imported on the ONNX path, and failures logged, not raised.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.describe import Describer, DescriberOptions
from assistant.paths import default_model_dir

REPO = Path(__file__).resolve().parents[1]
SHIPPED = default_model_dir()
needs_model = pytest.mark.skipif(not (SHIPPED / "model.safetensors").is_file(), reason="no shipped model")

#: Run in a fresh process (as the app's worker): load on ONNX, warm up, report what is set up.
WARM_UP_PROBE = """
import json, sys
from assistant.describe import Describer, DescriberOptions, warm_up_picture
from assistant.ocr.base import OcrEngine
from assistant.ocr.rapid import rapidocr_available
from assistant.understand import trust

describer = Describer(DescriberOptions(runtime="onnx", device="cpu"))
describer.load()
timings = describer.warm_up()
engines = describer._ocr_engines or {}
photo_ocr = engines.get("photo_ocr")
reranker = describer._reranker
state = {
    "timings": sorted(timings),
    "captioner": type(describer.load()).__name__,
    "ocr": isinstance(engines.get("ocr"), OcrEngine),
    "rapidocr": rapidocr_available(),
    "photo_ocr_loaded": getattr(photo_ocr, "_sessions", None) is not None,
    "matcher": reranker is not None and reranker.matcher is not None,
    "memory": reranker is not None and reranker.memory is not None,
    "imagenet_head": trust._head_for.cache_info().currsize > 0,
    "photo_ocr_reads": photo_ocr.recognize(warm_up_picture()).text if photo_ocr else None,
}
# Every session kept after the warm-up runs without onnxruntime's memory arena (assistant/onnx_sessions.py):
# an arena holds the largest run's buffers for as long as the app runs (issue #19).
captioner = describer.load()
sessions = [captioner.encoder, captioner.start_session, captioner.step_session]
if reranker is not None and reranker.matcher is not None:
    sessions += [reranker.matcher._image, reranker.matcher._text]
sessions += list(getattr(photo_ocr, "_sessions", None) or ())  # PP-OCR's detector and recogniser
state["sessions"] = len(sessions)
state["arenas"] = [s.get_session_options().enable_cpu_mem_arena for s in sessions]
state["threads"] = [s.get_session_options().intra_op_num_threads for s in sessions]
before = (dict(engines), reranker)
describer.describe(warm_up_picture())
state["same_after_describe"] = (dict(describer._ocr_engines or {}), describer._reranker) == before
state["torch"] = "torch" in sys.modules
print(json.dumps(state))
"""


@pytest.fixture(scope="module")
def onnx_cache(shipped_onnx_cache: Path) -> Path:
    """A user cache holding the shipped model's ONNX export (tests/conftest.py makes it once for the
    session, in a child: torch stays out of this process)."""
    return shipped_onnx_cache


@needs_model
@pytest.mark.timeout(420)
def test_warm_up_sets_up_the_engines_and_the_reranking_models(onnx_cache: Path) -> None:
    env = {**os.environ, "ASSISTANT_CACHE_DIR": str(onnx_cache)}
    done = subprocess.run(
        [sys.executable, "-c", WARM_UP_PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    state = json.loads(done.stdout.strip().splitlines()[-1])
    assert state["captioner"] == "OnnxCaptioner"
    assert state["torch"] is False  # the ONNX path stays torch-free through the warm-up
    assert "describe" in state["timings"]
    assert state["matcher"] and state["memory"]  # the image-text model and the caption memory
    assert state["imagenet_head"]
    assert state["ocr"]  # a text reader (tesseract or RapidOCR, maybe wrapped), made
    assert "ocr" in state["timings"]
    if state["rapidocr"]:  # photo OCR is RapidOCR when installed: its sessions made and run
        assert state["photo_ocr_loaded"]
        assert "photo_ocr" in state["timings"]
        assert state["photo_ocr_reads"] == "OPEN"  # the tiny picture's word, so the recogniser ran too
    assert state["same_after_describe"]  # the first real describe reuses what the warm-up made
    # The captioner's 3, the image-text model's 2 (one thread: small graphs), PP-OCR's 2 when installed.
    # No arena keeps memory between runs: the models' five have none, PP-OCR's one that each run's
    # end gives back (onnx_sessions.SessionSettings.arena_per_run).
    assert state["sessions"] == (7 if state["rapidocr"] else 5) and not any(state["arenas"][:5])
    assert state["threads"][3:5] == [1, 1]


def test_warm_up_failures_are_logged_not_raised(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    missing = Describer(DescriberOptions(model_dir=tmp_path / "no-model", device="cpu", ocr="none"))
    with caplog.at_level(logging.WARNING, logger="assistant.describe"):
        timings = missing.warm_up()
    assert "caption" not in timings and "describe" not in timings
    assert "warm-up: captioning a tiny picture failed" in caplog.text
    assert "warm-up: describing a tiny picture failed" in caplog.text
    assert "ModelError" in caplog.text  # the cause is in the log, for a bug report


@needs_model
@pytest.mark.timeout(300)
def test_a_broken_text_reader_is_logged_and_the_rest_still_warms(
    onnx_cache: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from assistant.ocr.base import OcrEngine, OcrResult

    class BrokenReader(OcrEngine):
        """A real engine interface whose reading fails, as a damaged tesseract install would."""

        name = "broken"

        def recognize(self, image: object) -> OcrResult:
            raise RuntimeError("the text reader crashed")

    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(onnx_cache))
    describer = Describer(DescriberOptions(runtime="onnx", device="cpu", ocr="none", photo_ocr="none"))
    describer.load()
    describer._ocr_engines = {"ocr": BrokenReader(), "screen_ocr": None, "photo_ocr": BrokenReader()}
    with caplog.at_level(logging.WARNING, logger="assistant.describe"):
        timings = describer.warm_up()
    assert "the ocr text reader failed" in caplog.text
    assert "the photo_ocr text reader failed" in caplog.text
    assert "ocr" not in timings and "photo_ocr" not in timings
    assert "caption" in timings  # the caption side warmed all the same
    assert describer._reranker is not None and describer._reranker.matcher is not None


@needs_model
@pytest.mark.timeout(300)
def test_warm_up_stops_between_steps_when_asked(onnx_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(onnx_cache))
    describer = Describer(DescriberOptions(runtime="onnx", device="cpu"))
    describer.load()
    asked: list[int] = []

    def stop() -> bool:  # a request arrives while the first step runs
        asked.append(1)
        return len(asked) > 1

    assert sorted(describer.warm_up(stop=stop)) == ["caption"]
    assert describer._reranker is not None  # that step's work is kept for the request
    assert describer._ocr_engines is None  # the rest is left to the request
    assert describer.warm_up(stop=lambda: True) == {}
