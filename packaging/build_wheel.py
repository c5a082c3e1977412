"""Build the installable wheel: the shipped captioner's ONNX export included, so it needs no torch.

    .venv/bin/python packaging/build_wheel.py            # -> dist/assistant-<version>-py3-none-any.whl

Runs in the development venv (torch and onnx from the ``train`` extra export the model). Steps:

1. ``build/onnx/<model>/``: the ONNX export of each shipped captioner (encoder, decoder start, and the
   int8 decoder step the app decodes with, as a development install does; the fp32 step, 66 MB that
   only ``evaluate --fp32-step`` uses, is left out unless ``--fp32-step``). An export already current
   in the user cache (``assistant export-onnx``) is copied: exporting takes a minute or more.
2. ``build/ocr/``: the PP-OCR detection and recognition models the "rapidocr" text reader runs
   (assistant/ocr/ppocr_models.py names them), copied from the RapidOCR package of this development
   install (the ``dev`` extra): the installed app runs them without RapidOCR or OpenCV.
3. ``pip wheel --no-deps`` with ``ASSISTANT_REQUIRE_ONNX=1``: packaging/hatch_build.py puts each export
   into the wheel beside its model, and the OCR models under ``assistant/resources/ocr/``, and refuses
   a stale or missing one.

Prints the wheel's path and size, and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_MODELS = ("flickr8k-lite2-lstm",)


def stage_export(model_dir: Path, out: Path, fp32_step: bool = False) -> str:
    """Make ``out`` a current export of ``model_dir``: copied from the user cache, or exported."""
    from assistant.vision.inference.onnx_captioner import (
        DECODER_STEP_FILE,
        DECODER_STEP_INT8_FILE,
        default_onnx_dir,
        onnx_export_is_current,
    )
    from assistant.vision.model.files import write_manifest

    shutil.rmtree(out, ignore_errors=True)
    cached = default_onnx_dir(model_dir)
    if onnx_export_is_current(cached, model_dir) and (cached / DECODER_STEP_INT8_FILE).is_file():
        shutil.copytree(cached, out)
        how = f"copied from {cached}"
    else:
        from assistant.vision.training.onnx_export import export_onnx

        export_onnx(model_dir, out, int8=True)
        how = "exported"
    if not fp32_step:
        (out / DECODER_STEP_FILE).unlink()
    write_manifest(out)  # the checksums of exactly what ships
    if not onnx_export_is_current(out, model_dir):
        raise SystemExit(f"{out} is not a usable export of {model_dir}")
    return how


def stage_ocr_models(out: Path) -> Path:
    """Copy the PP-OCR model files from the installed RapidOCR package (found without importing it)."""
    from assistant.ocr.ppocr_models import MODEL_FILES, rapidocr_models_dir

    source = rapidocr_models_dir()
    if source is None or not all((source / name).is_file() for name in MODEL_FILES):
        raise SystemExit(
            f"The OCR models {', '.join(MODEL_FILES)} are not in an installed RapidOCR package: "
            "pip install -e '.[dev]' installs it."
        )
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in MODEL_FILES:
        shutil.copy2(source / name, out / name)
    return source


def build_wheel(dist: Path, onnx_root: Path, ocr_dir: Path) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    for old in dist.glob("assistant-*.whl"):
        old.unlink()
    env = dict(os.environ, ASSISTANT_ONNX_DIR=str(onnx_root), ASSISTANT_REQUIRE_ONNX="1")
    env["ASSISTANT_OCR_DIR"] = str(ocr_dir)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(REPO),
        ],
        check=True,
        env=env,
        cwd=REPO,
    )
    return next(dist.glob("assistant-*.whl"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="where the wheel goes")
    parser.add_argument("--onnx-dir", type=Path, default=REPO / "build" / "onnx", help="staged exports")
    parser.add_argument("--ocr-dir", type=Path, default=REPO / "build" / "ocr", help="staged OCR models")
    parser.add_argument("--fp32-step", action="store_true", help="ship the fp32 decoder step too (+66 MB)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from assistant.paths import resource_path

    started = time.perf_counter()
    for name in DEFAULT_MODELS:
        how = stage_export(resource_path("models", name), args.onnx_dir / name, args.fp32_step)
        print(f"ONNX export of {name}: {how}")
    print(f"OCR models: copied from {stage_ocr_models(args.ocr_dir)}")
    wheel = build_wheel(args.dist, args.onnx_dir, args.ocr_dir)
    size = wheel.stat().st_size
    print(f"wheel: {wheel} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s")
    print(json.dumps({"wheel": str(wheel), "wheel_bytes": size}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
