"""ImageNet labels from the captioner's pooled features: EfficientNet-Lite2's own 1000-class head. Torch-free.

Why: the captioner knows Flickr8k's world (people, dogs, sports); the encoder it reads was trained on
ImageNet and its classifier names a thousand things (cats, espresso, coins, pagodas) for free. The
product drops that classifier from the encoder; this module applies it, in numpy, to the pooled
vector every caption result already carries (``CaptionResult.pooled``), so no second encoder run
is needed.

Why the pooled vector is exactly the head's input: EfficientNet-Lite's forward is conv_head -> BN ->
ReLU6 (``extract_features``, the captioner's grid) -> global average pool -> dropout (identity at
inference) -> ``_fc``. ``attach_pooled`` stores the grid's mean over its cells, i.e. the average
pool. With the test-time flip the grid is the mean of the picture's and its mirror's grids, so the
logits are the mean of both views' logits (the head is linear): a standard test-time augmentation.

The folder (``resources/models/imagenet-lite2-head``, made by ``scripts/extract_imagenet_head.py``):

- ``head.safetensors``: ``weight (1000, 1280)`` float16 and ``bias (1000,)`` float32 (2.6 MB);
- ``labels.json``: the 1000 class names in index order (torchvision's ``_IMAGENET_CATEGORIES``);
- ``config.json``: format and the encoder whose pooled grid it reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.errors import ModelError
from assistant.vision.inference.softmax import softmax
from assistant.vision.model.files import load_head_folder, load_optional_extra, save_head_folder

FORMAT_NAME = "assistant-imagenet-head"
FORMAT_VERSION = 1
HEAD_FILE, LABELS_FILE = "head.safetensors", "labels.json"
DEFAULT_HEAD_NAME = "imagenet-lite2-head"
CLASSES = 1000


@dataclass(frozen=True)
class HeadConfig:
    encoder: str  # the image encoder whose pooled grid the head reads


@dataclass(frozen=True)
class Label:
    index: int  # ImageNet class index, 0..999
    name: str  # torchvision's name: "tabby", "espresso", "golden retriever"
    probability: float  # softmax over the 1000 classes


class ImageNetHead:
    """``pooled (D,)`` or ``(B, D)`` -> class probabilities and top labels."""

    def __init__(self, config: HeadConfig, weight: np.ndarray, bias: np.ndarray, labels: list[str]) -> None:
        if (
            weight.ndim != 2
            or weight.shape[0] != CLASSES
            or bias.shape != (CLASSES,)
            or len(labels) != CLASSES
        ):
            raise ModelError("The ImageNet head is damaged (it does not hold 1000 classes).")
        self.config = config
        # Contiguous: a strided view (torch checkpoints hold transposed tensors) would be saved as its
        # raw buffer, scrambled.
        self.weight = np.ascontiguousarray(weight, dtype=np.float32)  # (1000, D)
        self.bias = np.ascontiguousarray(bias, dtype=np.float32)  # (1000,)
        self.labels = list(labels)

    def probabilities(self, pooled: np.ndarray) -> np.ndarray:
        """``(B, 1000)`` softmax for ``pooled (B, D)`` (or ``(1000,)`` for one ``(D,)``)."""
        x = np.asarray(pooled, dtype=np.float32)
        single = x.ndim == 1
        x = x.reshape(1, -1) if single else x
        if x.shape[1] != self.weight.shape[1]:
            raise ValueError(f"feature size {x.shape[1]} does not fit the head's {self.weight.shape[1]}")
        p = softmax(x @ self.weight.T + self.bias)  # (B, 1000)
        return p[0] if single else p

    def top(self, pooled: np.ndarray, k: int = 3) -> list[Label]:
        """The ``k`` most likely labels for one picture's pooled feature ``(D,)``, best first."""
        p = self.probabilities(np.asarray(pooled).reshape(-1))  # (1000,)
        order = np.argsort(-p)[:k]
        return [Label(int(i), self.labels[int(i)], float(p[i])) for i in order]

    # -- storing ---------------------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        save_head_folder(
            directory,
            {"weight": np.ascontiguousarray(self.weight, dtype=np.float16), "bias": self.bias},
            {"encoder": self.config.encoder},
            format_name=FORMAT_NAME,
            version=FORMAT_VERSION,
            weights=HEAD_FILE,
            texts={LABELS_FILE: self.labels},
        )

    @classmethod
    def load(cls, directory: Path) -> ImageNetHead:
        """Read a head folder; a missing or damaged one raises :class:`ModelError` with one sentence."""
        return load_head_folder(
            directory,
            lambda config, arrays, texts: cls(
                HeadConfig(str(config["encoder"])),
                arrays["weight"],
                arrays["bias"],
                [str(name) for name in texts[LABELS_FILE]],
            ),
            format_name=FORMAT_NAME,
            version=FORMAT_VERSION,
            what="ImageNet head",
            a_what="an ImageNet head",
            weights=HEAD_FILE,
            texts=(LABELS_FILE,),
        )


def default_head_dir() -> Path:
    """The shipped head (a slim install may leave it out)."""
    from assistant.paths import resource_path

    return resource_path("models", DEFAULT_HEAD_NAME)


def load_imagenet_head(directory: Path | None = None, encoder: str | None = None) -> ImageNetHead | None:
    """The head for ``encoder``'s pooled grid, or None when it cannot apply (absent, damaged, other grid)."""
    folder = Path(directory) if directory is not None else default_head_dir()
    return load_optional_extra(folder, ImageNetHead.load, encoder, "ImageNet labels")
