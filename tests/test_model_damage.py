"""Damaged models are an error, never "A photo." (issue #18, item 4), and shipped folders are intact.

Every model folder carries SHA256SUMS, written when it is saved or exported and verified before use, on
both runtimes. A truncated or byte-flipped weights file, a broken config.json and one from a newer
version each make ``assistant describe`` say so and exit non-zero (ModelError: 5).
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from assistant.errors import ModelError
from assistant.paths import default_model_dir, resources_dir
from assistant.vision.model.files import (
    CHECKSUMS_FILE,
    check_model_files,
    read_manifest,
    verify_manifest,
    write_manifest,
)

REPO = Path(__file__).resolve().parents[1]
SHIPPED = default_model_dir()
needs_shipped_model = pytest.mark.skipif(
    not (SHIPPED / "model.safetensors").is_file(), reason="no shipped model"
)


def model_folders() -> list[Path]:
    return sorted(p.parent for p in (resources_dir() / "models").glob("*/config.json"))


@pytest.mark.parametrize("folder", model_folders(), ids=lambda p: p.name)
def test_every_shipped_model_folder_has_checksums_that_match(folder: Path) -> None:
    entries = read_manifest(folder, folder.name)
    assert entries is not None, f"run: python scripts/write_checksums.py {folder}"
    expected = {p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".md"} - {CHECKSUMS_FILE}
    assert set(entries) == expected
    assert verify_manifest(folder, folder.name)


def test_shipped_weights_stay_within_their_budget() -> None:
    """Issue #16: everything the models weigh, together, stays ≤ 60 MB (the repository stays small and
    the wheel light). Weights are the tensor files: safetensors and ONNX graphs. A new head must make
    room rather than grow the download."""
    weights = [p for p in (resources_dir() / "models").rglob("*") if p.suffix in {".safetensors", ".onnx"}]
    assert weights, "no shipped weights found"
    total = sum(p.stat().st_size for p in weights)
    assert total <= 60_000_000, f"{total / 1e6:.1f} MB of weights: {sorted(p.name for p in weights)}"


def test_manifest_round_trip_and_every_kind_of_damage(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "weights.bin").write_bytes(bytes(range(256)) * 64)
    (folder / "config.json").write_text('{"a": 1}')
    (folder / "MODEL_CARD.md").write_text("notes may change freely")
    write_manifest(folder)
    assert set(read_manifest(folder, "m") or {}) == {"weights.bin", "config.json"}
    assert verify_manifest(folder, "The model")
    (folder / "MODEL_CARD.md").write_text("edited")
    assert verify_manifest(folder, "The model")

    data = bytearray((folder / "weights.bin").read_bytes())
    data[5000] ^= 0x01  # one flipped bit
    (folder / "weights.bin").write_bytes(bytes(data))
    with pytest.raises(ModelError, match=r"damaged: weights\.bin does not match its checksum"):
        verify_manifest(folder, "The model")
    (folder / "weights.bin").write_bytes(bytes(data[:100]))
    with pytest.raises(ModelError, match="does not match"):
        verify_manifest(folder, "The model")
    (folder / "weights.bin").unlink()
    with pytest.raises(ModelError, match=r"incomplete: weights\.bin is missing"):
        verify_manifest(folder, "The model")
    (folder / CHECKSUMS_FILE).write_text("not a checksum line\n")
    with pytest.raises(ModelError, match="list of checksums is malformed"):
        verify_manifest(folder, "The model")
    (folder / CHECKSUMS_FILE).write_text("0" * 64 + "  ../../etc/passwd\n")
    with pytest.raises(ModelError, match="malformed"):
        verify_manifest(folder, "The model")


def test_a_folder_without_checksums_is_used_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "config.json").write_text("{}")
    with caplog.at_level(logging.INFO):
        assert verify_manifest(tmp_path, "The model") is False
    assert "cannot be verified" in caplog.text


def damaged_copy(tmp_path: Path, how: str) -> Path:
    folder = tmp_path / how
    shutil.copytree(SHIPPED, folder)
    weights = folder / "model.safetensors"
    if how == "truncated":
        with weights.open("r+b") as handle:
            handle.truncate(weights.stat().st_size // 2)
    elif how == "flipped":
        with weights.open("r+b") as handle:  # a byte in the tensor data, past the header
            handle.seek(weights.stat().st_size - 1000)
            byte = handle.read(1)
            handle.seek(-1, 1)
            handle.write(bytes([byte[0] ^ 0xFF]))
    elif how == "broken-config":
        (folder / "config.json").write_text('{"format": "assistant-captioner", "format_versi')
    elif how == "future-config":
        config = json.loads((folder / "config.json").read_text())
        (folder / "config.json").write_text(json.dumps({**config, "format_version": 99}))
        write_manifest(folder)  # as a newer assistant would ship it: intact, but unreadable here
    return folder


DAMAGE = {
    "truncated": "model.safetensors does not match its checksum",
    "flipped": "model.safetensors does not match its checksum",
    "broken-config": "config.json does not match its checksum",
    "future-config": "format version 99",
}


@needs_shipped_model
@pytest.mark.parametrize("how", list(DAMAGE))
def test_damage_is_found_before_loading_on_either_runtime(tmp_path: Path, how: str) -> None:
    from assistant.vision.inference.runtime import load_captioner

    folder = damaged_copy(tmp_path, how)
    with pytest.raises(ModelError, match=DAMAGE[how]):
        check_model_files(folder)
    for runtime in ("onnx", "torch"):  # the ONNX path used to read neither config.json nor the weights
        with pytest.raises(ModelError, match=DAMAGE[how]):
            load_captioner(folder, device="cpu", runtime=runtime)


@needs_shipped_model
def test_broken_config_without_checksums_is_still_a_clear_error(tmp_path: Path) -> None:
    folder = damaged_copy(tmp_path, "broken-config")
    (folder / CHECKSUMS_FILE).unlink()
    with pytest.raises(ModelError, match="configuration is damaged"):
        check_model_files(folder)


@pytest.mark.slow
@needs_shipped_model
@pytest.mark.timeout(300)
@pytest.mark.parametrize("how", ["truncated", "flipped", "future-config"])
def test_describe_with_a_damaged_model_says_so_and_exits_non_zero(tmp_path: Path, how: str) -> None:
    folder = damaged_copy(tmp_path, how)
    picture = tmp_path / "p.png"
    Image.effect_mandelbrot((160, 120), (-2, -1.2, 1, 1.2), 60).convert("RGB").save(picture)
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "describe", str(picture), "--no-speak", "--model", str(folder)],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=REPO,
    )
    assert out.returncode == ModelError.exit_code, (out.stdout, out.stderr)
    assert DAMAGE[how] in out.stderr
    assert "A photo" not in out.stdout and "Traceback" not in out.stderr
