"""The real describer, built from Settings the way the app builds it, for every allowed value.

Issue #14: Settings offered verbosity ``detailed`` while the describer accepted only ``full``; the
app tests injected a fake describer, so nothing ever built the real one from real settings. Here
every value of every setting with choices goes through ``describer_factory_for`` (what the
controller hands the worker) and describes a picture with a real, tiny trained captioner (and the
shipped model, when it is in the checkout). An old settings file with the old spelling loads and
describes too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from assistant.catalog import SETTINGS, SettingSpec
from assistant.config import Settings, describer_options, load_settings, settings_path
from assistant.errors import ModelError
from assistant.paths import default_model_dir

pytestmark = [pytest.mark.timeout(600)]

REPO = Path(__file__).resolve().parents[2]
CHOICE_SETTINGS = [spec for spec in SETTINGS if spec.choices]
CASES = [(spec.name, value) for spec in CHOICE_SETTINGS for value in spec.choices]


def _cuda() -> bool:
    import torch

    return bool(torch.cuda.is_available())


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO / "scripts"))
    from render_sample import render

    return render(tmp_path_factory.mktemp("picture") / "outdoor.png")


def build_and_describe(settings: Settings, picture: Path) -> str:
    """What the app's worker does: build the describer from the factory, load it, describe."""
    from assistant.app.reconfigure import describer_factory_for

    describer = describer_factory_for(settings)()
    describer.load()
    description = describer.describe(picture)
    return description.text


def test_every_choice_setting_is_covered() -> None:
    """The cases below come from the catalog, so a new setting with choices is tested the day it lands."""
    names = {spec.name for spec in CHOICE_SETTINGS}
    assert {"verbosity", "runtime", "device", "speech_backend", "hotkey_backend"} <= names
    assert ("verbosity", "detailed") in CASES


@pytest.mark.parametrize(("name", "value"), CASES, ids=[f"{n}={v}" for n, v in CASES])
def test_real_describer_from_settings(name: str, value: str, tiny_model_dir: Path, picture: Path) -> None:
    spec: SettingSpec = next(s for s in SETTINGS if s.name == name)
    settings = Settings(model_dir=str(tiny_model_dir))
    setattr(settings, name, value)
    assert settings.validate() == []
    if not spec.describer:  # speech or hotkeys: the describer must not depend on it
        assert describer_options(settings) == describer_options(Settings(model_dir=str(tiny_model_dir)))
        return
    if name == "device" and value == "cuda" and not _cuda():
        # No GPU here: the choice must still work (the model falls back to the CPU and says so in the
        # log) or fail with one clear sentence about the GPU, never with a crash or an odd message.
        try:
            text = build_and_describe(settings, picture)
        except ModelError as error:
            assert "CUDA" in str(error) or "GPU" in str(error), error
            return
        assert text.strip(), text
        return
    text = build_and_describe(settings, picture)
    assert text.strip() and "Unknown" not in text, text


@pytest.mark.skipif(
    not (default_model_dir() / "model.safetensors").is_file(),
    reason="the shipped model is not in the checkout",
)
def test_shipped_model_at_the_most_detailed_level(picture: Path) -> None:
    settings = Settings(verbosity="detailed", device="cpu", runtime="torch")
    text = build_and_describe(settings, picture)
    assert len(text.split()) >= 3, text


def test_old_settings_file_with_the_old_spelling_loads_and_works(
    tmp_path: Path, tiny_model_dir: Path, picture: Path
) -> None:
    path = settings_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A version-1 file as the previous release wrote it after the CLI's spelling: verbosity "full".
    path.write_text(
        json.dumps({"version": 1, "verbosity": "full", "rate": 200, "model_dir": str(tiny_model_dir)}),
        encoding="utf-8",
    )
    settings, warnings = load_settings(tmp_path)
    assert warnings == []
    assert settings.verbosity == "detailed" and settings.rate == 200
    assert build_and_describe(settings, picture).strip()
