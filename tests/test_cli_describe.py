"""The CLI end to end, as a user runs it: real model, real espeak-ng WAV, real bad files."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from assistant.paths import default_model_dir

REPO = Path(__file__).resolve().parents[1]
needs_shipped_model = pytest.mark.skipif(
    not (default_model_dir() / "model.safetensors").is_file(),
    reason="the shipped model is not in resources/models",
)


def run_cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, timeout=timeout, cwd=REPO
    )


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as handle:
        return handle.getnframes() / handle.getframerate()


@pytest.fixture(scope="module")
def sample_png(tmp_path_factory) -> Path:
    sys.path.insert(0, str(REPO / "scripts"))
    from render_sample import render

    return render(tmp_path_factory.mktemp("sample") / "sample.png")


def test_version():
    out = run_cli("--version")
    assert out.returncode == 0 and out.stdout.startswith("assistant ")


@pytest.mark.slow
@needs_shipped_model
@pytest.mark.timeout(240)
def test_describe_writes_a_wav_of_the_spoken_caption(sample_png, tmp_path):
    wav = tmp_path / "out.wav"
    out = run_cli("describe", str(sample_png), "--wav", str(wav), "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.splitlines()[-1])
    assert result["kind"] in {"photo", "mixed", "screen", "document"}
    assert result["text"].strip()
    assert {"total"} <= set(result["timings"])
    words = len(result["text"].split())
    seconds = wav_seconds(wav)
    # espeak-ng at 175 words per minute: about 0.34 s a word; allow wide margins either way.
    assert 0.12 * words < seconds < 1.2 * words + 2, (seconds, result["text"])


@pytest.mark.timeout(120)
def test_bad_inputs_give_one_sentence_and_nonzero_exit(tmp_path):
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    text = tmp_path / "notes.jpg"
    text.write_text("not an image at all")
    truncated = tmp_path / "cut.png"
    from PIL import Image

    Image.new("RGB", (64, 64), "red").save(truncated)
    truncated.write_bytes(truncated.read_bytes()[:60])
    for path in (tmp_path / "missing.png", empty, text, truncated, tmp_path):
        out = run_cli("describe", str(path), "--no-speak")
        assert out.returncode != 0
        assert "Traceback" not in out.stderr
        message = out.stderr.strip().splitlines()
        assert len(message) == 1 and message[0].startswith("assistant: "), out.stderr
        assert path.name in message[0]


@pytest.mark.timeout(120)
def test_missing_model_is_a_clear_message(sample_png, tmp_path):
    out = run_cli("describe", str(sample_png), "--no-speak", "--model", str(tmp_path / "no-model"))
    assert out.returncode == 5
    assert (
        out.stderr.strip()
        == f"assistant: The captioning model is missing: no folder {tmp_path / 'no-model'}."
    )


@pytest.mark.timeout(120)
def test_bad_file_is_spoken_too(tmp_path, tiny_model_dir):
    bad = tmp_path / "bad.png"
    bad.write_text("nope")
    wav = tmp_path / "err.wav"
    out = run_cli("describe", str(bad), "--wav", str(wav), "--model", str(tiny_model_dir))
    assert out.returncode == 3
    assert wav_seconds(wav) > 0.5


@pytest.mark.timeout(180)
def test_several_files_json_lines_with_tiny_model(tmp_path, tiny_model_dir):
    from tests.support.shapes import draw_shape

    paths = []
    for index, colour in enumerate(("red", "blue")):
        path = tmp_path / f"{colour}.png"
        draw_shape("circle", colour, "white", seed=900 + index).save(path)
        paths.append(str(path))
    paths.insert(1, str(tmp_path / "missing.png"))
    out = run_cli(
        "describe", *paths, "--no-speak", "--json", "--model", str(tiny_model_dir), "--device", "cpu"
    )
    assert out.returncode == 3  # one bad file, the others still described
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(line["image"]).name for line in lines] == ["red.png", "missing.png", "blue.png"]
    assert "error" in lines[1] and lines[0]["text"] and lines[2]["text"]


def test_no_arguments_is_a_usage_error():
    out = run_cli("describe")
    assert out.returncode == 2


@pytest.mark.x11
@pytest.mark.timeout(180)
def test_describe_screen_on_a_real_x_display(xvfb, tiny_model_dir):
    subprocess.run(["xsetroot", "-solid", "#2050d0"], env=xvfb.env(), check=True, timeout=20)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "describe",
            "--screen",
            "--no-speak",
            "--json",
            "--model",
            str(tiny_model_dir),
            "--device",
            "cpu",
        ],
        capture_output=True,
        text=True,
        timeout=170,
        cwd=REPO,
        env=xvfb.env(),
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.splitlines()[-1])
    assert result["source"] == "screen" and result["image"] == "--screen"
    assert result["text"]


@pytest.mark.timeout(120)
def test_describe_screen_without_a_display_says_so(tiny_model_dir):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "describe",
            "--screen",
            "--no-speak",
            "--model",
            str(tiny_model_dir),
        ],
        capture_output=True,
        text=True,
        timeout=110,
        cwd=REPO,
        env=env,
    )
    assert out.returncode == 4
    assert out.stderr.startswith("assistant: No display to capture") and "Traceback" not in out.stderr
