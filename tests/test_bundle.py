"""The Linux desktop bundle (issue #19): built by packaging/build_bundle.sh, copied to a clean folder and
started there under Xvfb with an empty home and no Python on the path, it describes a picture with the
development install's caption and carries no torch.

Slow: a wheel, a build venv (PyInstaller from the package index) and PyInstaller itself, about 4-5
minutes on two busy cores. Skipped when no package index can be reached.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.xvfb import XvfbServer
from tests.test_wheel_install import _index_reachable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from install_bench import development_env

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.x11
@pytest.mark.timeout(1500)
def test_bundle_from_a_clean_folder_describes_a_picture(tmp_path, request):
    if not _index_reachable():
        pytest.skip("no package index reachable for PyInstaller and the wheel's dependencies")
    # The session's one wheel (the wheel install test checks what it holds); the script's other steps
    # run as they do without WHEEL.
    wheel = request.getfixturevalue("shipped_wheel")
    env = dict(os.environ, BUNDLE_WORK=str(tmp_path / "work"), WHEEL=str(wheel))
    build = subprocess.run(
        [str(REPO / "packaging" / "build_bundle.sh"), str(tmp_path / "out")],
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    clean = tmp_path / "clean"
    shutil.copytree(tmp_path / "out" / "assistant", clean / "assistant", symlinks=True)
    shutil.rmtree(tmp_path / "out")
    shutil.rmtree(tmp_path / "work")  # nothing of the build left to lean on
    bundle = clean / "assistant"
    for name in (
        "share/applications/io.github.assistant.desktop",
        "share/metainfo/io.github.assistant.metainfo.xml",
        "share/icons/hicolor/scalable/apps/io.github.assistant.svg",
        "install.sh",
    ):
        assert (bundle / name).is_file(), name
    assert not any("torch" in p.name.lower() and p.suffix == ".so" for p in bundle.rglob("*.so*"))

    sys.path.insert(0, str(REPO / "scripts"))
    from render_sample import render

    picture = render(clean / "scene.png")
    home = clean / "home"
    home.mkdir()
    with XvfbServer(1280, 800) as xvfb:
        run_env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "DISPLAY": xvfb.display, "LANG": "C.UTF-8"}
        said = subprocess.run(
            [str(bundle / "assistant"), "describe", str(picture), "--json", "--no-speak"],
            env=run_env,
            cwd=clean,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert said.returncode == 0, said.stderr[-2000:]
        doctor = subprocess.run(
            [str(bundle / "assistant"), "doctor"],
            env=run_env,
            cwd=clean,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert doctor.returncode == 0, doctor.stderr[-2000:]
        assert "through onnxruntime" in doctor.stdout
    caption = json.loads(said.stdout.strip().splitlines()[-1])["caption"]
    dev = subprocess.run(
        [sys.executable, "-m", "assistant", "describe", str(picture), "--json", "--no-speak"],
        env=development_env(tmp_path),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert dev.returncode == 0, dev.stderr[-2000:]
    assert caption == json.loads(dev.stdout.strip().splitlines()[-1])["caption"]
