"""A fresh install of the wheel, without torch: size, and does it describe like the development install?

    .venv/bin/python benchmarks/install_bench.py [--wheel dist/assistant-*.whl] [--keep DIR]

Builds the wheel with packaging/build_wheel.py unless ``--wheel`` is given, makes a fresh venv in a
temporary folder (or ``--keep DIR``), runs ``pip install WHEEL`` (dependencies from PyPI), then checks
and measures (issue #19):

* the venv's size on disk, and its site-packages without pip/setuptools (target: at most 600 MB);
* ``import torch`` fails in it, and so do ``import cv2`` and ``import rapidocr`` (the "rapidocr" text
  reader runs the PP-OCR models shipped in the wheel, without RapidOCR or OpenCV);
* the text reader in the fresh install reads a drawn notes window (scripts/render_sample.py) with the
  same lines as this development install, with the models from the wheel's resources;
* ``assistant describe PICTURE --json --no-speak`` with an empty cache (so only the ONNX files shipped
  in the wheel can serve) gives the same caption as this development install, and its process never
  loaded torch; the first picture's wall time from a cold start (the process, the model, the picture);
* ``assistant search`` and ``assistant doctor`` exit 0; ``assistant train`` names the ``train`` extra.

The pictures are drawn by scripts/render_sample.py, plus one Flickr8k photo when ../shared has it (read
in place, never copied). Prints figures, then one JSON line. Needs network access to PyPI (or a pip
mirror) for the dependencies.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SIZE_TARGET_MB = 600.0
# Runs `assistant ...` in-process and reports, on stderr's last line, which heavy modules it loaded.
PROBE = (
    "import json, sys; from assistant.cli import main; rc = main(sys.argv[1:]); "
    "heavy = sorted(m for m in ('torch', 'torchvision', 'matplotlib', 'pycocoevalcap') if m in sys.modules); "
    "print('HEAVY ' + json.dumps(heavy), file=sys.stderr); sys.exit(rc)"
)


def folder_mb(path: Path) -> float:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            full = Path(root) / name
            if not full.is_symlink():
                total += full.stat().st_size
    return total / 1e6


def site_packages(venv: Path) -> Path:
    return next((venv / "lib").glob("python3*/site-packages"))


def make_venv(venv: Path, wheel: Path) -> float:
    """A fresh venv with the wheel and its dependencies; returns the install's seconds."""
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True, timeout=120)
    started = time.perf_counter()
    subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
        timeout=900,
    )
    return time.perf_counter() - started


def clean_env(home: Path) -> dict[str, str]:
    """A user who never ran the assistant: empty cache, config and data folders, no repo on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        OMP_NUM_THREADS=env.get("OMP_NUM_THREADS", "2"),
    )
    return env


def run_assistant(python: Path, args: list[str], env: dict[str, str], cwd: Path) -> dict[str, Any]:
    started = time.perf_counter()
    out = subprocess.run(
        [str(python), "-c", PROBE, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600
    )
    wall = time.perf_counter() - started
    heavy_lines = [line for line in out.stderr.splitlines() if line.startswith("HEAVY ")]
    return {
        "rc": out.returncode,
        "stdout": out.stdout,
        "stderr": out.stderr,
        "wall_s": wall,
        "heavy": json.loads(heavy_lines[-1][6:]) if heavy_lines else None,
    }


def development_env(work: Path) -> dict[str, str]:
    """This checkout as a developer runs it after ``assistant export-onnx``: a cache holding the export
    build_wheel.py staged (the one the wheel ships), so both sides decode with the same ONNX graphs.
    Without a staged export, the developer's own cache decides."""
    env = dict(os.environ)
    staged = REPO / "build" / "onnx"
    if staged.is_dir():
        cache = work / "dev-cache"
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(staged, cache / "onnx")
        env["ASSISTANT_CACHE_DIR"] = str(cache)
    return env


def pictures(folder: Path) -> list[Path]:
    sys.path.insert(0, str(REPO / "scripts"))
    from render_sample import render

    chosen = [render(folder / "scene.png")]
    flickr = REPO.parent / "shared" / "data" / "flickr8k" / "images" / "1000268201_693b08cb0e.jpg"
    if flickr.is_file():
        chosen.append(flickr)
    return chosen


def captions(
    python: Path, picture: Path, env: dict[str, str], cwd: Path
) -> tuple[str | None, dict[str, Any]]:
    run = run_assistant(python, ["describe", str(picture), "--json", "--no-speak"], env, cwd)
    try:
        return json.loads(run["stdout"].strip().splitlines()[-1])["caption"], run
    except (ValueError, IndexError, KeyError):
        return None, run


# Reads a picture with the "rapidocr" reader and prints where its models were found and its lines.
OCR_PROBE = (
    "import json, sys; from PIL import Image; from assistant.ocr.rapid import RapidOcrEngine; "
    "engine = RapidOcrEngine(); result = engine.recognize(Image.open(sys.argv[1])); "
    "lines = [line.text for line in result.lines]; "
    "print(json.dumps({'models': str(engine.files.detector.parent), 'lines': lines}))"
)


def importable(python: Path, module: str, cwd: Path) -> bool:
    out = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True, timeout=120, cwd=cwd)
    return out.returncode == 0


def ocr_lines(python: Path, picture: Path, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    out = subprocess.run(
        [str(python), "-c", OCR_PROBE, str(picture)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        return dict(json.loads(out.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError):
        return {"models": None, "lines": None, "error": out.stderr[-500:]}


def measure_ocr(python: Path, work: Path, home: Path) -> dict[str, Any]:
    """The wheel's text reader against this development install's on the same drawn notes window."""
    sys.path.insert(0, str(REPO / "scripts"))
    from render_sample import render_note

    note = render_note(work / "note.png")
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    fresh = ocr_lines(python, note, clean_env(home), work)
    dev = ocr_lines(Path(sys.executable), note, dict(os.environ), REPO)
    return {
        "ocr_models_from": fresh.get("models"),
        "ocr_lines": fresh.get("lines"),
        "ocr_same": bool(fresh.get("lines")) and fresh.get("lines") == dev.get("lines"),
        "ocr_error": fresh.get("error"),
    }


def measure(wheel: Path, venv: Path, work: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {"wheel": wheel.name, "wheel_mb": round(wheel.stat().st_size / 1e6, 1)}
    figures["install_s"] = round(make_venv(venv, wheel), 1)
    figures["venv_mb"] = round(folder_mb(venv), 1)
    site = site_packages(venv)
    tooling = sum(folder_mb(p) for p in site.glob("*") if p.name.split("-")[0] in ("pip", "setuptools"))
    figures["installed_mb"] = round(folder_mb(site) - tooling, 1)  # what the wheel and its dependencies take
    sizes = sorted(
        ((p.name, round(folder_mb(p), 1)) for p in site.iterdir() if p.is_dir()), key=lambda x: -x[1]
    )
    figures["largest_mb"] = dict(sizes[:6])
    python = venv / "bin" / "python"
    no_torch = subprocess.run([str(python), "-c", "import torch"], capture_output=True, timeout=60, cwd=work)
    figures["torch_importable"] = no_torch.returncode == 0
    figures["cv2_importable"] = importable(python, "cv2", work)
    figures["rapidocr_importable"] = importable(python, "rapidocr", work)

    home = work / "home"
    dev_env = development_env(work)
    figures["pictures"] = []
    for picture in pictures(work):
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir()
        fresh, run = captions(python, picture, clean_env(home), work)
        dev, _ = captions(Path(sys.executable), picture, dev_env, REPO)
        figures["pictures"].append(
            {
                "picture": picture.name,
                "fresh_install": fresh,
                "development": dev,
                "same": fresh is not None and fresh == dev,
                "first_picture_s": round(run["wall_s"], 2),  # cold: process + model + picture
                "heavy_modules_loaded": run["heavy"],
                "error": None if fresh else run["stderr"][-500:],
            }
        )
    figures.update(measure_ocr(python, work, home))
    folder = work / "search-folder"
    folder.mkdir(exist_ok=True)
    shutil.copy(work / "scene.png", folder / "scene.png")
    search = run_assistant(
        python, ["search", "a dog on the grass", str(folder), "--json"], clean_env(home), work
    )
    figures["search_rc"] = search["rc"]
    figures["search_error"] = search["stderr"][-300:] if search["rc"] else None
    doctor = run_assistant(python, ["doctor"], clean_env(home), work)
    figures["doctor_rc"] = doctor["rc"]
    figures["doctor_model_line"] = next(
        (line.strip() for line in doctor["stdout"].splitlines() if line.strip().startswith("model")), None
    )
    train = run_assistant(python, ["train", "--data-dir", str(work)], clean_env(home), work)
    figures["train_without_extra"] = (train["rc"], train["stderr"].strip().splitlines()[-2:])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fresh-venv install of the wheel (issue #19).")
    parser.add_argument("--wheel", type=Path, help="a built wheel (default: build one)")
    parser.add_argument("--keep", type=Path, help="make the venv here and keep it")
    args = parser.parse_args(argv)
    wheel = args.wheel
    if wheel is None:
        subprocess.run([sys.executable, str(REPO / "packaging" / "build_wheel.py")], check=True, timeout=1800)
        wheel = next((REPO / "dist").glob("assistant-*.whl"))
    with tempfile.TemporaryDirectory(prefix="asst-install-") as tmp:
        work = Path(tmp)
        venv = args.keep or work / "venv"
        figures = measure(wheel.resolve(), venv, work)
    for key, value in figures.items():
        print(f"{key}: {value}")
    ok = (
        not figures["torch_importable"]
        and not figures["cv2_importable"]
        and not figures["rapidocr_importable"]
        and figures["ocr_same"]
        and all(p["same"] and not p["heavy_modules_loaded"] for p in figures["pictures"])
        and figures["doctor_rc"] == 0
        and figures["search_rc"] == 0
    )
    print(f"size: {figures['installed_mb']:.0f} MB installed (target {SIZE_TARGET_MB:.0f}); all checks {ok}")
    print(json.dumps({"benchmark": "install", "ok": ok, **figures}))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
