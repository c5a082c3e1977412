"""Private for real (issue #18, item 1): no telemetry files, no network, in a real run.

onnxruntime's PyPI wheels write ``~/.cache/Microsoft/DeveloperTools/.onnxruntime/{deviceid,onnxruntime.db}``
the moment it is imported unless ``ORT_DISABLE_TELEMETRY=1`` is set first. These tests run real processes
with a fresh HOME and look at what they leave behind and which sockets they try to open.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from assistant.paths import default_model_dir

REPO = Path(__file__).resolve().parents[1]
TELEMETRY_OFF = ("ORT_DISABLE_TELEMETRY", "ORT_TELEMETRY_DISABLED")


def fresh_env(home: Path) -> dict[str, str]:
    """The environment of a user who has never run anything: a new HOME, no XDG or assistant overrides."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "ASSISTANT_", "ORT_")) and key not in ("HOME",)
    }
    env["HOME"] = str(home)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def photo_like(path: Path) -> Path:
    """A smooth noisy picture the classifier calls a photo, so the captioner and RapidOCR both run."""
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:240, 0:320]
    pixels = np.stack([x / 320 * 200 + 30, y / 240 * 150 + 50, (x + y) / 560 * 255], -1)
    pixels = np.clip(pixels + rng.normal(0, 25, pixels.shape), 0, 255).astype(np.uint8)
    Image.fromarray(pixels).filter(ImageFilter.GaussianBlur(1.5)).save(path, quality=90)
    return path


def test_importing_assistant_switches_onnxruntime_telemetry_off_first(tmp_path: Path) -> None:
    """The opt-out is set by ``import assistant`` itself, before onnxruntime can be imported, and
    onnxruntime then writes nothing into HOME (without the opt-out it writes a device id there)."""
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import os, sys, assistant\n"
        "assert 'onnxruntime' not in sys.modules\n"
        f"print([os.environ.get(k) for k in {TELEMETRY_OFF!r}])\n"
        "from assistant.privacy import import_onnxruntime\n"
        "import_onnxruntime()\n"
    )
    env = fresh_env(home)
    env["ORT_DISABLE_TELEMETRY"] = "0"  # a user's (or a parent's) setting does not turn it back on
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['1', '1']"
    assert files_under(home) == []


def test_project_code_imports_onnxruntime_only_through_privacy() -> None:
    """One door: a new ``import onnxruntime`` elsewhere would bypass the runtime switch."""
    pattern = re.compile(r"^\s*(import onnxruntime\b(?!\.)|from onnxruntime import)", re.MULTILINE)
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "assistant").rglob("*.py")
        if path.name != "privacy.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(not (default_model_dir() / "model.safetensors").is_file(), reason="no shipped model")
def test_describe_with_a_fresh_home_writes_no_telemetry_and_connects_nowhere(tmp_path: Path) -> None:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed, so connect() calls cannot be watched")
    probe = subprocess.run([strace, "-f", "-o", os.devnull, "true"], capture_output=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip(f"strace cannot trace here (ptrace not permitted): {probe.stderr.decode()[:200]}")
    home = tmp_path / "home"
    home.mkdir()
    picture = photo_like(tmp_path / "photo.jpg")
    trace = tmp_path / "trace.txt"
    command = [sys.executable, "-m", "assistant", "describe", str(picture), "--no-speak", "--json"]
    out = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=connect,openat", "-o", str(trace), *command],
        env=fresh_env(home),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stderr
    assert '"kind": "photo"' in out.stdout
    lines = trace.read_text(encoding="utf-8", errors="replace").splitlines()
    # The run must really have loaded onnxruntime (RapidOCR reads photos' text), or this proves nothing.
    assert any("onnxruntime_pybind11_state" in line for line in lines)
    network = [line for line in lines if " connect(" in line and ("AF_INET" in line or "AF_INET6" in line)]
    assert network == []
    written = files_under(home)
    assert not any("Microsoft" in name or "onnxruntime" in name for name in written), written
    # Whatever was written is the assistant's own (its cache, config or data folders).
    assert all("assistant" in name.split(os.sep)[:3] for name in written), written


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(not (default_model_dir() / "model.safetensors").is_file(), reason="no shipped model")
def test_describe_works_without_any_network(tmp_path: Path) -> None:
    """In a network namespace with no interfaces at all, describing still works (nothing waits on one)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, timeout=30)
    if probe.returncode != 0:
        probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=30)
        if probe.returncode != 0:
            pytest.skip(f"no network namespaces here: {probe.stderr.decode()[:200]}")
        flags = "-rn"
    else:
        flags = "-n"
    home = tmp_path / "home"
    home.mkdir()
    picture = photo_like(tmp_path / "photo.jpg")
    out = subprocess.run(
        [unshare, flags, sys.executable, "-m", "assistant", "describe", str(picture), "--no-speak"],
        env=fresh_env(home),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()
    assert not (home / ".cache" / "Microsoft").exists()


def _app_status(env: dict[str, str]) -> dict[str, object] | None:
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "trigger", "status"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if out.returncode != 0:
        return None
    try:
        return dict(json.loads(out.stdout))
    except ValueError:
        return None


@pytest.mark.slow
@pytest.mark.x11
@pytest.mark.timeout(300)
@pytest.mark.skipif(not (default_model_dir() / "model.safetensors").is_file(), reason="no shipped model")
def test_the_app_with_a_fresh_home_writes_only_its_own_files_and_connects_only_locally(
    tmp_path: Path,
) -> None:
    """The tray app, run as a new user would, describing a photo sent over IPC: no telemetry folder,
    nothing written outside the assistant's own folders, and no connect() but to local sockets."""
    from tests.support.xvfb import XvfbServer

    strace = shutil.which("strace")
    if strace is None or subprocess.run([strace, "-o", os.devnull, "true"], capture_output=True).returncode:
        pytest.skip("strace is missing or cannot trace here")
    home = tmp_path / "home"
    home.mkdir()
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    picture = photo_like(tmp_path / "photo.jpg")
    trace = tmp_path / "trace.txt"
    code = (
        "import sys; from pathlib import Path; from types import SimpleNamespace as N; "
        "from assistant.app.main import run_app; "
        f"sys.exit(run_app(N(wav=Path({str(tmp_path / 'speech.wav')!r}), speech='wav', settings_dir=None)))"
    )
    with XvfbServer() as xvfb:
        env = fresh_env(home)
        env.update(DISPLAY=xvfb.display, XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="xcb")
        app = subprocess.Popen(
            [strace, "-f", "-qq", "-e", "trace=connect", "-o", str(trace), sys.executable, "-c", code],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 120
            status = None
            while status is None or status.get("model") != "ready":
                assert time.monotonic() < deadline and app.poll() is None, "the app did not come up"
                time.sleep(0.5)
                status = _app_status(env)
            out = subprocess.run(
                [sys.executable, "-m", "assistant", "trigger", "describe-file", str(picture)],
                env=env,
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert out.returncode == 0, out.stderr
            while not (status and int(str(status.get("described", 0))) >= 1):
                assert time.monotonic() < deadline, f"nothing was described: {status}"
                time.sleep(0.5)
                status = _app_status(env)
            subprocess.run(
                [sys.executable, "-m", "assistant", "trigger", "quit"], env=env, cwd=REPO, timeout=60
            )
            app.communicate(timeout=60)
        finally:
            if app.poll() is None:
                app.kill()
                app.communicate()
    lines = trace.read_text(encoding="utf-8", errors="replace").splitlines()
    network = [line for line in lines if " connect(" in line and ("AF_INET" in line or "AF_INET6" in line)]
    assert network == []
    written = files_under(home)
    assert not any("Microsoft" in name or "onnxruntime" in name for name in written), written
    outside = [name for name in written if "assistant" not in name.split(os.sep)[:3]]
    assert outside == [], outside
