"""Choosing the captioner's runtime: onnxruntime (torch-free, faster on a CPU) or torch.

With the fp32 decoder step both give the same captions (tests/vision/test_vision_onnx.py). On a CPU,
``auto`` uses an ONNX export that is already in the user cache and matches the weights (``assistant
export-onnx`` makes it), so the app never pays torch's start-up time and memory; otherwise, and on
GPUs, torch.

The ONNX runtime decodes with the int8-weight decoder step when the export has one: on the shipped
ensemble (measured before the test-time flip) a caption took 35.6 ms against 46.9 ms in fp32 on the
2-core CPU, and val scores held (CIDEr 0.5666 against torch's 0.5658, BLEU-4 0.2261 against 0.2250,
both re-ranked; see the model card).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PIL import Image

from assistant.catalog import RUNTIMES  # declared once (issue #14)
from assistant.errors import AssistantError, ModelError
from assistant.vision.inference.result import CaptionResult
from assistant.vision.model.files import check_model_files

log = logging.getLogger(__name__)


class CaptionerLike(Protocol):
    """What the describe pipeline, folder mode and re-ranking need from either runtime, typed: callers
    read these instead of probing the runtime's own attributes."""

    @property
    def encoder_name(self) -> str: ...  # the image encoder whose grid it reads; extras must fit it

    @property
    def image_size(self) -> int: ...  # the square side that encoder sees: pictures need no more

    @property
    def length_penalty(self) -> float: ...  # the beam's ranking exponent, which re-ranking extends

    def caption(self, image: Image.Image, beam_size: int = 3) -> CaptionResult: ...

    def caption_batch(
        self, images: Sequence[Image.Image], beam_size: int = 3, n_best: int = 1, near_misses: bool = False
    ) -> Sequence[CaptionResult]: ...


def load_captioner(
    model_dir: Path, device: str = "auto", runtime: str = "auto", int8: bool | None = None
) -> CaptionerLike:
    """onnxruntime when ``runtime`` is ``onnx`` (exporting first if needed: once, tens of seconds, needs
    torch and onnx), or ``auto`` on a CPU with a current export in the cache; torch otherwise.

    ``int8`` picks the ONNX decoder step: None uses the int8 one when the export has it.
    """
    if runtime not in RUNTIMES:
        raise AssistantError(f"Unknown runtime '{runtime}'; choose auto, torch or onnx.")
    # Either runtime: the folder is complete, intact (its SHA256SUMS) and of a version this assistant
    # reads, before anything in it, or an ONNX export made from it, is used.
    check_model_files(model_dir)
    # Only "auto" asks about CUDA (through torch, when an NVIDIA driver is there): "onnx" never imports torch.
    wants_cpu = device == "cpu" or (device == "auto" and runtime == "auto" and not _cuda_available())
    if runtime == "onnx" or (runtime == "auto" and wants_cpu):
        from assistant.vision.inference.onnx_captioner import OnnxCaptioner, find_current_onnx

        onnx_dir = find_current_onnx(model_dir)  # shipped beside the model (wheel, bundle), else cached
        if runtime == "onnx":
            if onnx_dir is None:
                from assistant.vision.training.onnx_export import ensure_onnx

                onnx_dir = ensure_onnx(model_dir)
            return OnnxCaptioner.load(onnx_dir, model_dir, int8=int8)
        if onnx_dir is not None:
            try:
                return OnnxCaptioner.load(onnx_dir, model_dir, int8=int8)
            except (ModelError, ImportError) as error:  # a damaged cache must not stop the run
                from assistant.extras import has_module

                if not has_module("torch"):  # a slim install has no torch to fall back on: say what broke
                    raise
                log.warning("ONNX export unusable, using torch: %s", error)
    from assistant.extras import require_extra

    # No usable ONNX export (or a GPU): torch runs it, which a slim install leaves out (issue #19).
    require_extra("gpu", "torch", "efficientnet_lite_pytorch", what="Captioning through torch")
    from assistant.vision.inference.torch_captioner import Captioner

    return Captioner.load(model_dir, device)


def _cuda_available() -> bool:
    """Without an NVIDIA driver there is no CUDA: say so without importing torch (~0.7 GB, seconds)."""
    no_driver = sys.platform.startswith("linux") and not Path("/proc/driver/nvidia").exists()
    if sys.platform == "darwin" or no_driver:
        return False
    from assistant.extras import has_module

    if not has_module("torch"):  # a slim install (no extra): onnxruntime on the CPU
        return False
    import torch

    return bool(torch.cuda.is_available())
