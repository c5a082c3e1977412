"""End to end with the real describer: `assistant run` (the CLI) on Xvfb with a real trained model.

The model is the session's tiny trained captioner (``tiny_model_dir``, see tests/conftest.py),
chosen through the settings file exactly as a user would point the app at another model.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest
from app_testkit import solid_image
from app_x11kit import REPO, app_env, send, status, wait_for

from tests.support.xvfb import XvfbServer

pytestmark = [pytest.mark.x11, pytest.mark.gui, pytest.mark.slow]


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as handle:
        return handle.getnframes() / float(handle.getframerate())


@pytest.mark.timeout(240)
def test_cli_run_describes_the_screen_and_a_file_with_the_real_model(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"model_dir": str(tiny_model_dir), "device": "cpu"}))
    wav = tmp_path / "speech.wav"
    log = tmp_path / "app.log"
    with XvfbServer(1280, 800) as xvfb, open(log, "wb") as out:
        env = app_env(xvfb.display, config, tmp_path / "data")
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", "run", "--wav", str(wav)],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            state = wait_for(
                lambda: proc.poll() is None and (s := status(config)) and s["model"] != "loading" and s,
                120,
                "the model to load",
            )
            assert state["model"] == "ready", log.read_text(errors="replace")[-3000:]
            assert state["speech"] == "wav"
            reply = send(config, "describe-screen")
            assert reply is not None and reply["ok"]
            state = wait_for(
                lambda: (s := status(config)) and s["described"] + s["errors"] >= 1 and not s["busy"] and s,
                120,
                "the screen description",
            )
            assert state["described"] == 1, state
            assert state["last"].strip() and state["latency_ms"] > 0
            wait_for(wav.exists, 30, "speech in the WAV file")
            time.sleep(0.5)
            assert wav_seconds(wav) > 0.3
            picture = tmp_path / "shapes.png"
            solid_image("red", (300, 300)).save(picture)
            first_wav = wav.stat().st_mtime
            reply = send(config, "describe-file", {"path": str(picture)})
            assert reply is not None and reply["ok"]
            state = wait_for(
                lambda: (s := status(config)) and s["described"] >= 2 and not s["busy"] and s,
                120,
                "the file description",
            )
            assert state["last"].strip()
            wait_for(lambda: wav.stat().st_mtime > first_wav, 30, "the second utterance")
            assert wav_seconds(wav) > 0.3
            send(config, "quit")
            assert proc.wait(30) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
