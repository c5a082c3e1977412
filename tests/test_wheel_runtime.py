"""The slim runtime of issue #19, without building a wheel: an ONNX export shipped beside the model is
used before the cache and needs no torch; a missing extra is one sentence naming it."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.extras import MissingExtraError, missing_extra_message, require_extra

REPO = Path(__file__).resolve().parents[1]


def test_missing_extra_names_the_extra_and_the_command(monkeypatch):
    monkeypatch.setattr("assistant.extras.has_module", lambda module: module != "torch")
    error = ModuleNotFoundError("No module named 'torch'", name="torch")
    assert missing_extra_message(error, "train") == (
        "'assistant train' needs the 'train' extra (training, evaluation, attention maps and ONNX export): "
        "torch is not installed. Install it with: pip install 'assistant[train]'"
    )
    # A module of no extra, or one that is installed but broke: a bug, shown as one.
    assert missing_extra_message(ModuleNotFoundError("x", name="no_such_thing_here"), "train") is None
    assert missing_extra_message(ModuleNotFoundError("x", name="matplotlib.pyplot"), "explain") is None
    with pytest.raises(
        MissingExtraError, match=r"^Captioning through torch needs the 'gpu' extra .*\[gpu\]'$"
    ):
        require_extra("gpu", "torch", what="Captioning through torch")


def test_cli_turns_a_missing_extra_into_one_sentence(monkeypatch, capsys):
    """A command whose lazy import of a training module fails: exit 8 and the sentence, no traceback."""

    def evaluate(_args: argparse.Namespace) -> int:
        raise ModuleNotFoundError("No module named 'pycocoevalcap'", name="pycocoevalcap")

    def build_parser() -> argparse.ArgumentParser:
        parser = argparse.ArgumentParser(prog="assistant")
        parser.add_argument("-v", "--verbose", action="store_true")
        parser.add_subparsers(dest="command_name").add_parser("evaluate").set_defaults(func=evaluate)
        return parser

    monkeypatch.setattr("assistant.extras.has_module", lambda module: module != "pycocoevalcap")
    monkeypatch.setattr("assistant.cli.build_parser", build_parser)
    assert main(["evaluate"]) == 8
    err = capsys.readouterr().err
    assert (
        err.startswith("assistant: 'assistant evaluate' needs the 'train' extra") and "pycocoevalcap" in err
    )


@pytest.mark.timeout(300)
def test_shipped_export_is_used_first_and_loads_no_torch(tiny_model_dir, tmp_path, monkeypatch):
    from assistant.vision.inference.onnx_captioner import DECODER_STEP_FILE, shipped_onnx_dir
    from assistant.vision.model.files import write_manifest
    from assistant.vision.training.onnx_export import export_onnx

    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    shipped = shipped_onnx_dir(model)
    export_onnx(model, shipped, int8=True)
    (shipped / DECODER_STEP_FILE).unlink()  # as the wheel ships it: the int8 step only
    write_manifest(shipped)
    code = (
        "import sys; from pathlib import Path; from PIL import Image; "
        "from assistant.vision.inference.runtime import load_captioner; "
        f"c = load_captioner(Path({str(model)!r}), device='cpu'); "
        "r = c.caption(Image.new('RGB', (64, 64), (200, 30, 30))); "
        "print(type(c).__name__, c.int8, bool(r.text), 'torch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "ASSISTANT_CACHE_DIR": str(tmp_path / "empty-cache"),
        },
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["OnnxCaptioner", "True", "True", "False"]
    assert not (tmp_path / "empty-cache").exists()  # nothing exported or written at run time

    # Damaged shipped files in a slim install: the damage is said, not "install torch".
    from assistant.errors import ModelError
    from assistant.vision.inference.runtime import load_captioner

    encoder = shipped / "encoder.onnx"
    data = bytearray(encoder.read_bytes())
    data[len(data) // 2] ^= 0xFF
    encoder.write_bytes(bytes(data))
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path / "empty-cache"))
    monkeypatch.setattr("assistant.extras.has_module", lambda module: module != "torch")
    with pytest.raises(ModelError, match=r"damaged: encoder\.onnx does not match its checksum"):
        load_captioner(model, device="cpu")


def test_training_commands_say_their_extra_before_they_start(monkeypatch, capsys):
    from assistant.cli import build_parser
    from assistant.extras import COMMAND_EXTRAS

    subparsers = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    commands = set(subparsers.choices)
    assert set(COMMAND_EXTRAS) <= commands  # no stale names
    assert {"describe", "search", "run", "doctor", "trigger"}.isdisjoint(COMMAND_EXTRAS)
    monkeypatch.setattr("assistant.extras.has_module", lambda module: module != "torch")
    for command, argv in (
        ("evaluate", ["--images", "x", "--captions", "y"]),
        ("explain", ["x.png", "--out", "y.png"]),
    ):
        assert main([command, *argv]) == 8
        assert f"'assistant {command}' needs the 'train' extra" in capsys.readouterr().err


def test_each_module_comes_with_the_extras_said_to_bring_it():
    """extras.py's table and pyproject.toml's extras name the same packages: a message must never send
    a user to an extra that does not install what is missing."""
    import re
    import tomllib

    from assistant.extras import EXTRAS, MODULE_EXTRAS

    optional = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert set(EXTRAS) <= set(optional)

    def names(extra: str) -> set[str]:
        return {re.split(r"[<>=!;\[ ]", req, maxsplit=1)[0].replace("-", "_") for req in optional[extra]}

    for module, extras in MODULE_EXTRAS.items():
        for extra in extras:
            assert module in names(extra), (module, extra)
    brought = {module for module, extras in MODULE_EXTRAS.items() for extra in extras}
    for extra in EXTRAS:  # and each of those extras' packages is known to the table
        assert names(extra) <= brought, extra
