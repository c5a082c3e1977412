"""Resources are found from a checkout and travel inside the wheel (as assistant/resources)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from assistant.paths import default_model_dir, resource_path, resources_dir

REPO = Path(__file__).resolve().parents[1]


def test_checkout_finds_the_resources_folder():
    assert resources_dir() == REPO / "resources"
    assert resource_path("sounds", "done.wav").is_file()
    assert (default_model_dir() / "config.json").is_file()


def test_environment_override(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_RESOURCES", str(tmp_path))
    assert resource_path("models", "x") == tmp_path / "models" / "x"


@pytest.mark.slow
# The fixture's own budget (tests/support/packaging_runs.py: export 300 s, build 900 s, or the
# background's wait of 1500 s): this test may be the first to ask for the wheel.
@pytest.mark.timeout(1500)
def test_wheel_carries_model_sounds_and_icons(shipped_wheel):
    """The wheel packaging/build_wheel.py builds (``pip wheel`` with the ONNX export staged), once for
    the session: tests/test_wheel_install.py installs the same one."""
    wheel = shipped_wheel
    names = set(zipfile.ZipFile(wheel).namelist())
    model = "assistant/resources/models/flickr8k-lite2-lstm/"
    for name in ("model.safetensors", "config.json", "vocab.json", "MODEL_CARD.md"):
        assert model + name in names
    memory = "assistant/resources/models/flickr8k-lite2-memory/"
    for name in ("memory.safetensors", "captions.json", "config.json", "MODEL_CARD.md"):
        assert memory + name in names
    assert "assistant/resources/sounds/done.wav" in names
    assert "assistant/describe.py" in names and "assistant/vision/inference/torch_captioner.py" in names
    assert not any(name.startswith("tests/") for name in names)
