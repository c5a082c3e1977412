"""Hatch build hook: put each shipped model's ONNX export into the wheel, beside the model.

Why a hook: the exports (~115 MB for the shipped ensemble) are build products, never committed (the
repository stays small), so they cannot be listed statically in ``force-include``. The wheel build
(packaging/build_wheel.py) exports them with torch into ``build/onnx/<model name>/`` first; this hook
maps each one to ``assistant/resources/models/<model name>/onnx/``, where
:func:`assistant.vision.inference.onnx_captioner.find_current_onnx` looks before the user cache. A
fresh install then captions with onnxruntime from the first picture, without torch.

The PP-OCR models of the "rapidocr" text reader are build products too (build_wheel.py copies them from
the RapidOCR package of the development install into ``build/ocr/``, or ``ASSISTANT_OCR_DIR``); they go
to ``assistant/resources/ocr/``, where :mod:`assistant.ocr.ppocr_models` looks first, so the installed
app reads text without RapidOCR and OpenCV.

An export made from other weights than the model's is refused (it would be ignored at run time and the
app would need torch). ``ASSISTANT_REQUIRE_ONNX=1`` (set by build_wheel.py) makes a missing export an
error; a plain ``pip wheel .`` builds without one and says so. Editable installs are left alone.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

EXPORT_MANIFEST = "onnx.json"  # = onnx_captioner.MANIFEST_FILE (the package is not imported here)
WEIGHTS_FILE = "model.safetensors"
CHECKSUMS_FILE = "SHA256SUMS"
SHIPPED_SUBDIR = "onnx"  # = onnx_captioner.SHIPPED_ONNX_SUBDIR
OCR_MODEL_FILES = ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx")  # = ppocr_models.MODEL_FILES
OCR_SUBDIR = "ocr"  # = ppocr_models.SHIPPED_SUBDIR


def weights_sha256(model_dir: Path) -> str | None:
    """The weights' SHA-256 as the model folder's SHA256SUMS lists it (no need to hash 40 MB again)."""
    sums = model_dir / CHECKSUMS_FILE
    if not sums.is_file():
        return None
    for line in sums.read_text(encoding="ascii").splitlines():
        digest, _, name = line.partition("  ")
        if name.strip() == WEIGHTS_FILE:
            return digest.strip()
    return None


def exports_to_ship(root: Path, onnx_root: Path) -> tuple[dict[str, str], list[str]]:
    """``source folder -> path in the wheel`` for every captioner with a current export, and what is
    wrong with the stale ones."""
    chosen: dict[str, str] = {}
    problems: list[str] = []
    models = root / "resources" / "models"
    for model_dir in sorted(p for p in models.iterdir() if (p / WEIGHTS_FILE).is_file()):
        export = onnx_root / model_dir.name
        if not (export / EXPORT_MANIFEST).is_file():
            continue
        manifest: dict[str, Any] = json.loads((export / EXPORT_MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("weights_sha256") != weights_sha256(model_dir):
            problems.append(f"{export} was exported from other weights than {model_dir}")
            continue
        chosen[str(export)] = f"assistant/resources/models/{model_dir.name}/{SHIPPED_SUBDIR}"
    return chosen, problems


class CustomBuildHook(BuildHookInterface):
    """Adds the ONNX exports of the shipped captioners to the wheel (not to editable installs)."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        onnx_root = Path(os.environ.get("ASSISTANT_ONNX_DIR") or root / "build" / "onnx")
        chosen, problems = exports_to_ship(root, onnx_root) if onnx_root.is_dir() else ({}, [])
        strict = os.environ.get("ASSISTANT_REQUIRE_ONNX") == "1"
        if problems and strict:
            raise RuntimeError("; ".join(problems) + ". Export again: packaging/build_wheel.py does.")
        for problem in problems:
            print(f"assistant: left out: {problem}", file=sys.stderr)
        self._add_ocr_models(root, build_data, strict)
        if not chosen:
            if strict:
                raise RuntimeError(f"No current ONNX export under {onnx_root}; run packaging/build_wheel.py.")
            print(
                "assistant: building a wheel without ONNX files; it will need torch "
                "(pip install 'assistant[gpu]') or `assistant export-onnx`. Use packaging/build_wheel.py.",
                file=sys.stderr,
            )
            return
        build_data.setdefault("force_include", {}).update(chosen)

    def _add_ocr_models(self, root: Path, build_data: dict[str, Any], strict: bool) -> None:
        ocr_dir = Path(os.environ.get("ASSISTANT_OCR_DIR") or root / "build" / "ocr")
        missing = [name for name in OCR_MODEL_FILES if not (ocr_dir / name).is_file()]
        if missing:
            message = f"No OCR models {', '.join(missing)} under {ocr_dir}; run packaging/build_wheel.py."
            if strict:
                raise RuntimeError(message)
            print(f"assistant: {message} The wheel will read no text without RapidOCR.", file=sys.stderr)
            return
        build_data.setdefault("force_include", {}).update(
            {str(ocr_dir / name): f"assistant/resources/{OCR_SUBDIR}/{name}" for name in OCR_MODEL_FILES}
        )
