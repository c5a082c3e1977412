"""Project-wide fixtures. Area-specific fixtures live in the area's own conftest.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.xvfb import XvfbServer

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's config, data and history."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("ASSISTANT_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(base / "data"))
    if "ASSISTANT_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(base / "cache"))


@pytest.fixture(autouse=True)
def _second_look_at_its_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second look's budget is sized by the text the first engine read (assistant/ocr/look_budget.py),
    the same on any machine. Tests keep it at its floor, what a screen with little text gets: each
    test reads only what its own screen needs (quick), as the tests were written. The rule itself
    is tested in tests/ocr/test_ocr_look_budget.py, which builds its own."""
    from assistant.ocr import second_look
    from assistant.ocr.look_budget import LookBudget

    class _AtFloor(LookBudget):
        def pixels(self, lines: object, faint: int = 0) -> int:
            return max(min(self.cfg.least, self.cfg.most), self.cfg.least + faint)  # faint lines on top

    monkeypatch.setattr(second_look, "LookBudget", _AtFloor)


@pytest.fixture
def xvfb() -> Iterator[XvfbServer]:
    """A fresh Xvfb (1280x800) for one test; DISPLAY is NOT changed — use ``xvfb.display``/``xvfb.env()``."""
    with XvfbServer() as server:
        yield server


@pytest.fixture
def xvfb_display(xvfb: XvfbServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """Like :func:`xvfb`, with ``DISPLAY`` set in this process for the test's duration."""
    monkeypatch.setenv("DISPLAY", xvfb.display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return xvfb.display


TINY_ENCODER = "efficientnet-lite0"


@pytest.fixture(scope="session")
def shapes_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Rendered shapes with captions (train + val splits), see tests/support/shapes.py."""
    from tests.support.shapes import write_dataset

    return write_dataset(tmp_path_factory.mktemp("shapes"))


@pytest.fixture(scope="session")
def tiny_training(shapes_dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real tiny captioner trained for a few seconds on the shapes (pretrained lite0 encoder)."""
    import torch

    from assistant.vision.training.train import TrainConfig, train

    run = tmp_path_factory.mktemp("tiny-run")
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # a tiny model trains faster on one thread than fighting for two
    config = TrainConfig(
        data_dir=shapes_dataset,
        out=run / "run",
        feature_cache=run / "features",
        encoder=TINY_ENCODER,
        epochs=12,
        batch_size=16,
        lr=3e-3,
        lr_decay=1.0,
        patience=25,
        embed_dim=32,
        hidden_dim=64,
        attention_dim=32,
        dropout=0.0,
        min_count=1,
        val_beam=1,
        device="cpu",
        progress=False,
        half=False,
    )
    try:
        result = train(config)
    finally:
        torch.set_num_threads(threads)
    return {"config": config, "result": result, "model_dir": Path(result["model_dir"])}


@pytest.fixture(scope="session")
def tiny_model_dir(tiny_training: dict[str, Any]) -> Path:
    """The folder of a real, trained tiny model (model.safetensors, config.json, vocab.json)."""
    return Path(tiny_training["model_dir"])


@pytest.fixture(scope="session", autouse=True)
def _packaging_background(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    """When this run selected the bundle's or the wheel install's test, the packaging work (the
    shipped model's ONNX export, the wheel, both checks) starts in a child process at the session's
    start and runs beside the other tests (tests/support/packaging_runs.py: it mostly waits on pip,
    PyInstaller and its processes); the fixtures below wait for its results."""
    from tests.support.packaging_runs import Background, index_reachable, wanted

    node_ids = [item.nodeid for item in request.session.items]
    if not wanted(node_ids) or not index_reachable():
        yield None
        return
    background = Background(tmp_path_factory.mktemp("packaging"), node_ids)
    yield background
    background.stop()


@pytest.fixture(scope="session")
def shipped_onnx_cache(_packaging_background: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user cache holding the shipped model's ONNX export, made once for the session in a child
    process (torch stays out of this one): the warm-up tests run on it and the wheel build copies it,
    as `assistant export-onnx` then `packaging/build_wheel.py` do on a developer's machine."""
    from tests.support.packaging_runs import make_onnx_cache

    if _packaging_background is not None:
        return Path(_packaging_background.wait("onnx")["cache"])
    return make_onnx_cache(tmp_path_factory.mktemp("shipped-onnx-cache"))


@pytest.fixture(scope="session")
def shipped_wheel(
    _packaging_background: Any, shipped_onnx_cache: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The installable wheel, built once by packaging/build_wheel.py for the tests that look into it
    (tests/test_packaging_resources.py), install it and bundle it."""
    from tests.support.packaging_runs import build_wheel

    if _packaging_background is not None:
        return Path(_packaging_background.wait("wheel")["wheel"])
    return build_wheel(tmp_path_factory.mktemp("dist"), shipped_onnx_cache)


@pytest.fixture(scope="session")
def packaging_runs(
    request: pytest.FixtureRequest, _packaging_background: Any, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The bundle's and the wheel install's checks (tests/support/packaging_runs.py), run side by side
    once for the session, as far as this run selected their tests."""
    from tests.support.packaging_runs import run_packaging

    if _packaging_background is not None:
        return dict(_packaging_background.checks())
    node_ids = [item.nodeid for item in request.session.items]
    wheel = request.getfixturevalue("shipped_wheel")
    return run_packaging(node_ids, wheel, tmp_path_factory.mktemp("packaging"))
