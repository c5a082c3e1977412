"""Names for icons and drawings from the captioner's pooled features: a small softmax head. Torch-free.

Why: ImageNet's thousand classes name no folder, printer or trash can, and are confidently wrong on
clip art ("spatula" for a trash-can icon); the Flickr8k captioner knows neither. This head was
trained (``scripts/train_graphics_head.py``) on icons of seventeen Debian icon themes (Tango held
out), openclipart-png drawings, GComPris' cartoon pictures and Tux Paint's stamps (cut-out photos and
drawings), each named in plain words ("trash can", "storm cloud", "guitar", "coin"). It reads the
same pooled vector every caption result carries (``CaptionResult.pooled``, the encoder grid's
mean), so it costs one small matrix product, no second model run.

The folder (``resources/models/graphics-lite2-head``):

- ``head.safetensors``: ``weight (C, D)`` float16, ``bias (C,)`` float32: the labels' softmax layer;
  ``style_weight (S, D)`` float16, ``style_bias (S,)``: icon or drawing;
- ``labels.json``: the C labels in index order ("other" for an icon of no named kind);
- ``config.json``: format, the encoder whose pooled grid it reads, the style names, training figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import ModelError
from assistant.vision.inference.softmax import softmax
from assistant.vision.model.files import load_head_folder, load_optional_extra, save_head_folder

FORMAT_NAME = "assistant-graphics-head"
FORMAT_VERSION = 1
HEAD_FILE, LABELS_FILE = "head.safetensors", "labels.json"
DEFAULT_HEAD_NAME = "graphics-lite2-head"
OTHER = "other"  # the label of icons that name nothing the head knows


@dataclass(frozen=True)
class GraphicsHeadConfig:
    encoder: str  # the image encoder whose pooled grid the head reads
    styles: list[str] = field(default_factory=lambda: ["icon", "drawing"])


@dataclass(frozen=True)
class GraphicLabel:
    name: str  # "trash can", "guitar", or OTHER
    probability: float  # softmax over the labels
    style: str  # "icon" or "drawing": which the picture looks like
    style_probability: float


class GraphicsHead:
    """``pooled (D,)`` -> the most likely label and style."""

    def __init__(
        self,
        config: GraphicsHeadConfig,
        weight: np.ndarray,
        bias: np.ndarray,
        labels: list[str],
        style_weight: np.ndarray,
        style_bias: np.ndarray,
    ) -> None:
        if (
            weight.ndim != 2
            or weight.shape[0] != len(labels)
            or bias.shape != (len(labels),)
            or style_weight.shape != (len(config.styles), weight.shape[1])
            or style_bias.shape != (len(config.styles),)
        ):
            raise ModelError("The icon-and-drawing head is damaged (its shapes do not fit its labels).")
        self.config = config
        # Contiguous float32: a strided view would be saved as its raw buffer, scrambled.
        self.weight = np.ascontiguousarray(weight, dtype=np.float32)  # (C, D)
        self.bias = np.ascontiguousarray(bias, dtype=np.float32)  # (C,)
        self.style_weight = np.ascontiguousarray(style_weight, dtype=np.float32)  # (S, D)
        self.style_bias = np.ascontiguousarray(style_bias, dtype=np.float32)  # (S,)
        self.labels = list(labels)

    def probabilities(self, pooled: np.ndarray) -> np.ndarray:
        """``(C,)`` softmax over the labels for one picture's pooled feature ``(D,)``."""
        x = np.asarray(pooled, dtype=np.float32).reshape(-1)
        if x.shape[0] != self.weight.shape[1]:
            raise ValueError(f"feature size {x.shape[0]} does not fit the head's {self.weight.shape[1]}")
        return softmax(self.weight @ x + self.bias)

    def top(self, pooled: np.ndarray) -> GraphicLabel:
        """The most likely label and style of one picture."""
        p = self.probabilities(pooled)  # (C,)
        s = softmax(self.style_weight @ np.asarray(pooled, dtype=np.float32).reshape(-1) + self.style_bias)
        i, j = int(p.argmax()), int(s.argmax())
        return GraphicLabel(self.labels[i], float(p[i]), self.config.styles[j], float(s[j]))

    # -- storing ---------------------------------------------------------------------------------
    def save(self, directory: Path, notes: dict[str, Any] | None = None) -> None:
        arrays: dict[str, np.ndarray] = {
            "weight": np.ascontiguousarray(self.weight, dtype=np.float16),
            "bias": self.bias,
            "style_weight": np.ascontiguousarray(self.style_weight, dtype=np.float16),
            "style_bias": self.style_bias,
        }
        save_head_folder(
            directory,
            arrays,
            {"encoder": self.config.encoder, "styles": self.config.styles, "training": notes or {}},
            format_name=FORMAT_NAME,
            version=FORMAT_VERSION,
            weights=HEAD_FILE,
            texts={LABELS_FILE: self.labels},
        )

    @classmethod
    def load(cls, directory: Path) -> GraphicsHead:
        """Read a head folder; a missing or damaged one raises :class:`ModelError` with one sentence."""

        def build(config: dict[str, Any], arrays: dict[str, Any], texts: dict[str, Any]) -> GraphicsHead:
            head = GraphicsHeadConfig(str(config["encoder"]), [str(s) for s in config["styles"]])
            labels = [str(name) for name in texts[LABELS_FILE]]
            weight, bias = arrays["weight"], arrays["bias"]
            return cls(head, weight, bias, labels, arrays["style_weight"], arrays["style_bias"])

        return load_head_folder(
            directory,
            build,
            format_name=FORMAT_NAME,
            version=FORMAT_VERSION,
            what="icon-and-drawing head",
            a_what="an icon-and-drawing head",
            weights=HEAD_FILE,
            texts=(LABELS_FILE,),
        )


def default_head_dir() -> Path:
    """The shipped head (a slim install may leave it out)."""
    from assistant.paths import resource_path

    return resource_path("models", DEFAULT_HEAD_NAME)


def load_graphics_head(directory: Path | None = None, encoder: str | None = None) -> GraphicsHead | None:
    """The head for ``encoder``'s pooled grid, or None when it cannot apply (absent, damaged, other grid)."""
    folder = Path(directory) if directory is not None else default_head_dir()
    return load_optional_extra(folder, GraphicsHead.load, encoder, "Icon and drawing names")
