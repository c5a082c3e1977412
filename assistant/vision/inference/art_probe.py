"""How was the picture made: a photo, a painting or a drawing? A softmax probe on the pooled feature.

Why (issue #16): paintings were taken for photos and given a Flickr8k sentence ("A man is sitting on
a rock." for a sea of waves); ImageNet's picture-of-a-picture labels catch only some of them. The
encoder's pooled feature (the mean of its grid, which every caption result carries as ``pooled``)
holds how a picture is made as well as what it shows: one softmax layer on it tells photo, painting
and drawing (cartoons, clip art, icons) apart, at no second model run (~0.05 ms). Trained by
``scripts/train_art_probe.py`` on Flickr8k training photos against painted and cartoon renderings of
the same photos, ~650 Debian photos and the icon-and-drawing head's Debian drawings; see its card.

The folder (``resources/models/art-lite2-probe``): ``probe.safetensors`` with ``weight (C, D)`` and
``bias (C,)`` float32, ``config.json`` (format, encoder, classes, the scale applied to the unit
feature, the training notes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import ModelError
from assistant.vision.inference.softmax import softmax
from assistant.vision.model.files import load_head_folder, load_optional_extra, save_head_folder

FORMAT_NAME = "assistant-art-probe"
FORMAT_VERSION = 1
PROBE_FILE = "probe.safetensors"
DEFAULT_PROBE_NAME = "art-lite2-probe"
PHOTO = "photo"


@dataclass(frozen=True)
class ArtProbeConfig:
    encoder: str  # the image encoder whose pooled grid the probe reads
    classes: list[str] = field(default_factory=lambda: [PHOTO, "painting", "drawing"])
    scale: float = 10.0  # the unit-length feature is multiplied by this before the weights


class ArtProbe:
    """``pooled (D,)`` -> the probability of each way of making a picture (photo, painting, drawing)."""

    def __init__(self, config: ArtProbeConfig, weight: np.ndarray, bias: np.ndarray) -> None:
        classes = len(config.classes)
        if (
            weight.ndim != 2
            or weight.shape[0] != classes
            or bias.shape != (classes,)
            or PHOTO not in config.classes
            or not (np.all(np.isfinite(weight)) and np.all(np.isfinite(bias)))
        ):
            raise ModelError("The photo-or-painting probe is damaged (its shapes do not fit its classes).")
        self.config = config
        self.weight = np.ascontiguousarray(weight, dtype=np.float32)  # (C, D)
        self.bias = np.ascontiguousarray(bias, dtype=np.float32)  # (C,)

    def probabilities(self, pooled: np.ndarray) -> dict[str, float]:
        """Each class's probability for one picture's ``pooled (D,)``."""
        x = np.asarray(pooled, dtype=np.float32).reshape(-1)
        if x.shape[0] != self.weight.shape[1]:
            raise ValueError(f"feature size {x.shape[0]} does not fit the probe's {self.weight.shape[1]}")
        z = self.config.scale * (self.weight @ (x / max(float(np.linalg.norm(x)), 1e-12))) + self.bias  # (C,)
        p = softmax(z)
        return {name: float(q) for name, q in zip(self.config.classes, p, strict=True)}

    def save(self, directory: Path, notes: dict[str, Any] | None = None) -> None:
        save_head_folder(
            directory,
            {"weight": self.weight, "bias": self.bias},
            {**self.config.__dict__, "training": notes or {}},
            format_name=FORMAT_NAME,
            version=FORMAT_VERSION,
            weights=PROBE_FILE,
        )

    @classmethod
    def load(cls, directory: Path) -> ArtProbe:
        """Read a probe folder; a missing or damaged one raises :class:`ModelError` with one sentence."""
        return load_head_folder(
            directory,
            lambda config, arrays, _texts: cls(
                ArtProbeConfig(
                    str(config["encoder"]), [str(c) for c in config["classes"]], float(config["scale"])
                ),
                arrays["weight"],
                arrays["bias"],
            ),
            format_name=FORMAT_NAME,
            version=FORMAT_VERSION,
            what="photo-or-painting probe",
            a_what="a photo-or-painting probe",
            weights=PROBE_FILE,
        )


def default_probe_dir() -> Path:
    """The shipped probe (a slim install may leave it out)."""
    from assistant.paths import resource_path

    return resource_path("models", DEFAULT_PROBE_NAME)


def load_art_probe(directory: Path | None = None, encoder: str | None = None) -> ArtProbe | None:
    """The probe for ``encoder``'s pooled grid, or None when it cannot apply (absent, damaged, other grid)."""
    folder = Path(directory) if directory is not None else default_probe_dir()
    return load_optional_extra(folder, ArtProbe.load, encoder, "the photo-or-painting probe")
