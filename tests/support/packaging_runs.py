"""The two whole-product packaging checks of issue #19, run side by side for the session.

The desktop bundle (packaging/build_bundle.sh, then the bundle started from a clean folder:
tests/test_bundle.py) and the fresh install of the wheel (benchmarks/install_bench.py's ``measure``:
tests/test_wheel_install.py) each spend a minute or more, much of it waiting on pip, PyInstaller and
the processes they start, and neither uses the other's files: one run of both in two threads takes
about as long as the longer one. :func:`run_packaging` runs the ones asked for and hands back what
each test asserts on; an exception in one is kept for its own test.

They wait far more than they compute (four packaging test files: 95 s of CPU in 233 s), so when
their tests are selected, :class:`Background` does the whole packaging work (the shipped model's ONNX
export, the wheel, both checks) in a child process from the session's start, at a lower CPU
priority (nice 10), beside the other tests; the fixtures of tests/conftest.py then only wait for
its results. The child has its own copy of the environment, which the tests' monkeypatching cannot
change under it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[2]
BUNDLE = "test_bundle.py::test_bundle_from_a_clean_folder_describes_a_picture"
WHEEL = "test_wheel_install.py::test_fresh_install_of_the_wheel_describes_without_torch"
SHARE_FILES = (
    "share/applications/io.github.assistant.desktop",
    "share/metainfo/io.github.assistant.metainfo.xml",
    "share/icons/hicolor/scalable/apps/io.github.assistant.svg",
    "install.sh",
)


def index_reachable() -> bool:
    """pip's own index settings decide; a file:// mirror or find-links counts as reachable."""
    out = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True, timeout=30
    )
    if "file://" in out.stdout or "find-links" in out.stdout:
        return True
    host = urlparse("https://pypi.org/simple").hostname or "pypi.org"
    try:
        socket.create_connection((host, 443), timeout=5).close()
        return True
    except OSError:
        return False


def make_onnx_cache(cache: Path) -> Path:
    """A user cache holding the shipped model's ONNX export, made in a child process (torch stays out
    of the caller), as ``assistant export-onnx`` makes it."""
    cache.mkdir(parents=True, exist_ok=True)
    code = (
        "from assistant.paths import default_model_dir; "
        "from assistant.vision.training.onnx_export import ensure_onnx; ensure_onnx(default_model_dir())"
    )
    env = {**os.environ, "ASSISTANT_CACHE_DIR": str(cache)}
    subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, check=True, timeout=300)
    return cache


def build_wheel(dist: Path, onnx_cache: Path) -> Path:
    """packaging/build_wheel.py's wheel, its export copied from ``onnx_cache``. Its exports are
    staged beside ``dist``, not in the checkout's build/ (which the script empties first: two test
    runs in one checkout deleted each other's staging)."""
    staged = dist.parent / f"{dist.name}-staged"
    build = subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "build_wheel.py"),
            "--dist",
            str(dist),
            "--onnx-dir",
            str(staged / "onnx"),
            "--ocr-dir",
            str(staged / "ocr"),
        ],
        env={**os.environ, "ASSISTANT_CACHE_DIR": str(onnx_cache)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    if build.returncode != 0:
        raise AssertionError(f"packaging/build_wheel.py failed:\n{build.stderr[-2000:]}")
    return next(dist.glob("assistant-*.whl"))


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


PACKAGING_FILES = (
    "test_bundle.py",
    "test_wheel_install.py",
    "test_packaging_resources.py",
    "test_describe_warm_up.py",
)


def wanted(node_ids: list[str]) -> bool:
    """Whether this run selected a test of :data:`BUNDLE` or :data:`WHEEL` and other tests to run
    beside the packaging work (alone, the work runs in the tests' own process at full priority)."""
    packaging = any(node.endswith(name) for node in node_ids for name in (BUNDLE, WHEEL))
    others = any(node.split("::")[0].rsplit("/", 1)[-1] not in PACKAGING_FILES for node in node_ids)
    return packaging and others


class Background:
    """The packaging work in a child process (``python -m tests.support.packaging_runs``), started at
    once; :meth:`wait` for a stage's result: ``onnx`` (the export's cache), ``wheel``, ``checks``."""

    NICE = 10  # the other tests first: they run beside it on two cores

    def __init__(self, folder: Path, node_ids: list[str]) -> None:
        self.folder = folder
        (folder / "node_ids.json").write_text(json.dumps(node_ids))
        self.log = open(folder / "log.txt", "wb")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            ["nice", "-n", str(self.NICE), sys.executable, "-m", "tests.support.packaging_runs", str(folder)],
            cwd=REPO,
            env=self.isolated_env(folder),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @staticmethod
    def isolated_env(folder: Path) -> dict[str, str]:
        """This environment with the user's folders kept away, as tests/conftest.py keeps each test's."""
        env = dict(os.environ)
        env["ASSISTANT_CONFIG_DIR"] = str(folder / "userdirs" / "config")
        env["ASSISTANT_DATA_DIR"] = str(folder / "userdirs" / "data")
        env.setdefault("ASSISTANT_CACHE_DIR", str(folder / "userdirs" / "cache"))
        return env

    def wait(self, stage: str, timeout: float = 1500.0) -> dict[str, Any]:
        path = self.folder / f"{stage}.json"
        deadline = time.monotonic() + timeout
        while not path.exists():
            if self.proc.poll() is not None and not path.exists():
                log = (self.folder / "log.txt").read_text(errors="replace")[-4000:]
                raise AssertionError(f"the packaging run ended without its {stage}:\n{log}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the packaging run gave no {stage} in {timeout:.0f} s")
            time.sleep(0.5)
        return dict(json.loads(path.read_text()))

    def checks(self) -> dict[str, Outcome]:
        done = self.wait("checks")
        return {
            name: Outcome(
                value=found.get("value"), error=AssertionError(found["error"]) if found.get("error") else None
            )
            for name, found in done.items()
        }

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


def _write(path: Path, value: object) -> None:
    """Written whole, then renamed: a waiting reader never sees half of it."""
    part = path.with_suffix(".part")
    part.write_text(json.dumps(value))
    part.rename(path)


def main(folder: Path) -> int:
    node_ids = json.loads((folder / "node_ids.json").read_text())
    cache = make_onnx_cache(folder / "onnx-cache")
    _write(folder / "onnx.json", {"cache": str(cache)})
    wheel = build_wheel(folder / "dist", cache)
    _write(folder / "wheel.json", {"wheel": str(wheel)})
    outcomes = run_packaging(node_ids, wheel, folder / "work")
    results = {}
    for name, outcome in outcomes.items():
        error = outcome.error
        text = "".join(traceback.format_exception(error)) if error is not None else None
        results[name] = {"value": outcome.value, "error": text}
    _write(folder / "checks.json", results)
    return 0


def _caption(stdout: str) -> str | None:
    try:
        return str(json.loads(stdout.strip().splitlines()[-1])["caption"])
    except (ValueError, IndexError, KeyError):
        return None


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
