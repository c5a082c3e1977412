"""The two whole-product packaging checks of issue #19, run side by side for the session.

The desktop bundle (packaging/build_bundle.sh, then the bundle started from a clean folder:
tests/test_bundle.py) and the fresh install of the wheel (benchmarks/install_bench.py's ``measure``:
tests/test_wheel_install.py) each spend a minute or more, much of it waiting on pip, PyInstaller and
the processes they start, and neither uses the other's files: one run of both in two threads takes
about as long as the longer one. :func:`run_packaging` runs the ones asked for and hands back what
each test asserts on; an exception in one is kept for its own test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
BUNDLE = "test_bundle.py::test_bundle_from_a_clean_folder_describes_a_picture"
WHEEL = "test_wheel_install.py::test_fresh_install_of_the_wheel_describes_without_torch"
SHARE_FILES = (
    "share/applications/io.github.assistant.desktop",
    "share/metainfo/io.github.assistant.metainfo.xml",
    "share/icons/hicolor/scalable/apps/io.github.assistant.svg",
    "install.sh",
)


@dataclass
class Outcome:
    """What one check returned, or the exception it raised."""

    value: Any = None
    error: BaseException | None = None

    def get(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value


def bundle_run(wheel: Path, work: Path) -> dict[str, Any]:
    """Build the bundle from ``wheel``, copy it to a clean folder (nothing of the build left), run its
    ``describe`` and ``doctor`` there under Xvfb with an empty home and no Python on the path, and
    this development install's ``describe`` of the same picture."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    sys.path.insert(0, str(REPO / "scripts"))
    from install_bench import development_env
    from render_sample import render

    from tests.support.xvfb import XvfbServer

    env = dict(os.environ, BUNDLE_WORK=str(work / "work"), WHEEL=str(wheel))
    build = subprocess.run(
        [str(REPO / "packaging" / "build_bundle.sh"), str(work / "out")],
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    found: dict[str, Any] = {"build_rc": build.returncode, "build_stderr": build.stderr[-3000:]}
    if build.returncode != 0:
        return found
    clean = work / "clean"
    shutil.copytree(work / "out" / "assistant", clean / "assistant", symlinks=True)
    shutil.rmtree(work / "out")
    shutil.rmtree(work / "work")  # nothing of the build left to lean on
    bundle = clean / "assistant"
    found["missing"] = [name for name in SHARE_FILES if not (bundle / name).is_file()]
    found["torch_libraries"] = [
        p.name for p in bundle.rglob("*.so*") if "torch" in p.name.lower() and p.suffix == ".so"
    ]
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
        doctor = subprocess.run(
            [str(bundle / "assistant"), "doctor"],
            env=run_env,
            cwd=clean,
            capture_output=True,
            text=True,
            timeout=120,
        )
    dev = subprocess.run(
        [sys.executable, "-m", "assistant", "describe", str(picture), "--json", "--no-speak"],
        env=development_env(work),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    found.update(
        said_rc=said.returncode,
        said_stderr=said.stderr[-2000:],
        caption=_caption(said.stdout),
        doctor_rc=doctor.returncode,
        doctor_stderr=doctor.stderr[-2000:],
        doctor_stdout=doctor.stdout,
        dev_rc=dev.returncode,
        dev_stderr=dev.stderr[-2000:],
        dev_caption=_caption(dev.stdout),
    )
    return found


def wheel_run(wheel: Path, work: Path) -> dict[str, Any]:
    """benchmarks/install_bench.py's figures for a fresh venv with ``wheel`` installed."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from install_bench import measure

    return measure(wheel, work / "venv", work)


def run_packaging(node_ids: list[str], wheel: Path, work: Path) -> dict[str, Outcome]:
    """Run the checks whose tests are among ``node_ids`` (pytest's, of the tests this run will run),
    side by side when both are."""
    jobs = {BUNDLE: bundle_run, WHEEL: wheel_run}
    chosen = [name for name in jobs if any(node.endswith(name) for node in node_ids)]
    outcomes = {name: Outcome() for name in chosen}

    def run(name: str) -> None:
        folder = work / ("bundle" if name == BUNDLE else "wheel")
        folder.mkdir(parents=True, exist_ok=True)
        try:
            outcomes[name].value = jobs[name](wheel, folder)
        except BaseException as error:  # kept for the check's own test
            outcomes[name].error = error

    with ThreadPoolExecutor(max_workers=max(1, len(chosen))) as pool:
        list(pool.map(run, chosen))
    return outcomes


def _caption(stdout: str) -> str | None:
    try:
        return str(json.loads(stdout.strip().splitlines()[-1])["caption"])
    except (ValueError, IndexError, KeyError):
        return None
