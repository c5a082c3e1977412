"""Where the PP-OCR model files are: in the installed wheel, or in a RapidOCR package installed beside.

Why not RapidOCR itself: it brings OpenCV (173 MB of the 777 MB the installed app took, issue #19),
while the models are two ONNX files that onnxruntime runs directly (:mod:`assistant.ocr.rapid`). The
wheel carries them under ``assistant/resources/ocr/`` (packaging/build_wheel.py copies them from the
RapidOCR package of the development install; build products, never committed). A development install
has RapidOCR from the ``dev`` extra: its ``models`` folder is found without importing it (importing
it would load OpenCV).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import AssistantError
from assistant.paths import resource_path

# RapidOCR 3.10's default models (PP-OCRv6 small): the recogniser carries its character list.
DETECTOR_FILE = "PP-OCRv6_det_small.onnx"
RECOGNIZER_FILE = "PP-OCRv6_rec_small.onnx"
MODEL_FILES = (DETECTOR_FILE, RECOGNIZER_FILE)
SHIPPED_SUBDIR = "ocr"  # assistant/resources/ocr in the wheel


@dataclass(frozen=True)
class OcrModelFiles:
    detector: Path
    recognizer: Path


def rapidocr_models_dir() -> Path | None:
    """The installed RapidOCR package's ``models`` folder, found without importing the package."""
    try:
        spec = importlib.util.find_spec("rapidocr")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def candidate_dirs() -> list[Path]:
    """Where the models are looked for, in order: shipped in the wheel, then RapidOCR's own."""
    found = [resource_path(SHIPPED_SUBDIR)]
    rapid = rapidocr_models_dir()
    if rapid is not None:
        found.append(rapid)
    return found


def find_model_files() -> OcrModelFiles | None:
    """The first folder holding both model files, or None."""
    for folder in candidate_dirs():
        if all((folder / name).is_file() for name in MODEL_FILES):
            return OcrModelFiles(folder / DETECTOR_FILE, folder / RECOGNIZER_FILE)
    return None


def require_model_files() -> OcrModelFiles:
    files = find_model_files()
    if files is None:
        raise AssistantError(
            "The text reader's model files are missing: reinstall the assistant, "
            "or install RapidOCR (pip install rapidocr) in a development setup."
        )
    return files
