"""The image side of folder search: pictures -> the encoder grid the image-text model was trained on.

onnxruntime runs the captioner's exported encoder graph when a current export exists (no torch
imported at all), else torch runs the CNN; :class:`LazyGridEncoder` loads either only when a picture
actually needs encoding, so a fully cached folder starts no encoder.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
from PIL import Image

from assistant.catalog import RUNTIMES
from assistant.errors import AssistantError, ModelError
from assistant.paths import default_model_dir

log = logging.getLogger(__name__)

ENCODER_RUNTIMES = RUNTIMES  # the same words as the captioner's (assistant.catalog, issue #14)


class GridEncoder(Protocol):
    """Images -> the encoder grid ``(B, N, D)`` the contrastive model was trained on."""

    @property
    def image_size(self) -> int: ...  # the square side the encoder sees

    def encode(self, images: Sequence[Image.Image]) -> np.ndarray: ...


class TorchGridEncoder:
    """The frozen CNN in torch (any encoder in :data:`assistant.vision.model.encoder.ENCODERS`)."""

    def __init__(self, name: str, device: str = "auto", weights: Path | str | None = "packaged") -> None:
        from assistant.vision.model.device import select_device
        from assistant.vision.model.encoder import build_encoder, encoder_spec

        self.name = name
        self.spec = encoder_spec(name)
        self.image_size = self.spec.image_size
        self.device = select_device(device)
        self.model = build_encoder(name, weights).to(self.device)

    def encode(self, images: Sequence[Image.Image]) -> np.ndarray:
        import torch

        from assistant.vision.model.encoder import preprocess

        with torch.inference_mode():
            grid = self.model(preprocess(images, self.spec).to(self.device))  # (B, N, D)
        return np.asarray(grid.float().cpu().numpy(), dtype=np.float32)


class OnnxGridEncoder:
    """The captioner's exported encoder graph on onnxruntime (torch-free)."""

    def __init__(self, onnx_dir: Path, captioner_dir: Path, threads: int | None = None) -> None:
        from assistant.vision.inference.onnx_captioner import OnnxCaptioner

        # Only the encoder graph runs here; int8=None opens whichever decoder step the export has (a wheel
        # ships only the int8 one, issue #19).
        self._captioner = OnnxCaptioner.load(onnx_dir, captioner_dir, threads=threads, int8=None)
        self.name = str(self._captioner.manifest.get("encoder"))
        self.image_size = self._captioner.image_size

    def encode(self, images: Sequence[Image.Image]) -> np.ndarray:
        return self._captioner.encode(images)  # (B, N, D)


def load_grid_encoder(
    name: str,
    runtime: str = "auto",
    device: str = "auto",
    captioner_dir: Path | None = None,
    threads: int | None = None,
) -> GridEncoder:
    """onnxruntime when ``runtime`` allows it and a current export of a captioner with encoder ``name``
    is shipped beside it or in the cache (``assistant export-onnx``); torch otherwise."""
    if runtime not in ENCODER_RUNTIMES:
        raise AssistantError(f"Unknown runtime '{runtime}'; choose auto, torch or onnx.")
    if runtime != "torch" and device in ("auto", "cpu"):
        from assistant.vision.inference.onnx_captioner import _read_manifest, find_current_onnx

        model_dir = captioner_dir or default_model_dir()
        try:
            onnx_dir = find_current_onnx(model_dir)  # shipped beside the model, else cached (issue #19)
            if onnx_dir is not None and _read_manifest(onnx_dir).get("encoder") == name:
                return OnnxGridEncoder(onnx_dir, model_dir, threads)
        except (ModelError, ImportError) as error:
            if runtime == "onnx":
                raise
            log.warning("ONNX encoder unusable, using torch: %s", error)
        if runtime == "onnx":
            raise ModelError(
                "There is no ONNX export of the image encoder; run `assistant export-onnx` first."
            )
    return TorchGridEncoder(name, device)


class LazyGridEncoder:
    """Loads the real encoder only when an image needs encoding: a fully cached folder needs none."""

    def __init__(self, name: str, runtime: str, device: str) -> None:
        self.name = name
        self._args = (runtime, device)
        self._encoder: GridEncoder | None = None

    def _loaded(self) -> GridEncoder:
        if self._encoder is None:
            self._encoder = load_grid_encoder(self.name, *self._args)
        return self._encoder

    @property
    def image_size(self) -> int:
        return self._loaded().image_size

    def encode(self, images: Sequence[Image.Image]) -> np.ndarray:
        return self._loaded().encode(images)
