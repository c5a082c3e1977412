"""The training run's settings, declared once: the CLI builds its options from these fields.

Kept free of torch so that ``assistant --help`` and ``assistant trigger`` start instantly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from assistant.paths import cache_dir


@dataclass
class TrainConfig:
    """Every knob of a training run; saved beside the run so it can be reproduced."""

    data_dir: Path = Path("../shared/data/flickr8k")
    captions: Path | None = None  # default: data_dir/captions.tsv
    images: Path | None = None  # default: data_dir/images
    train_splits: tuple[str, ...] = ("train", "extra")
    val_split: str = "val"
    out: Path | None = None  # run folder; default: cache_dir()/runs/<encoder>-seed<seed>
    export: Path | None = None  # where the best model folder is copied (e.g. resources/models/NAME)
    feature_cache: Path | None = None  # default: cache_dir()/features
    encoder: str = "efficientnet-lite2"
    epochs: int = 12
    batch_size: int = 64
    lr: float = 4e-4
    lr_decay: float = 0.8  # multiply the lr by this ...
    lr_schedule: str = (
        "plateau"  # ... when val CIDEr did not improve ("plateau") or after every epoch ("exp")
    )
    ema: float = 0.0  # exponential moving average of the weights (e.g. 0.999); 0 = off. Val and export use it
    patience: int = 4  # stop after this many epochs without improvement
    grad_clip: float = 5.0
    alpha_c: float = 1.0
    label_smoothing: float = 0.0
    # Horizontal-flip augmentation: each caption is seen, half the time, with the mirrored picture's
    # grid and "left"/"right" swapped in its words (a second feature cache, one more encoder pass).
    flip: bool = False
    embed_dim: int = 512
    hidden_dim: int = 512
    attention_dim: int = 512
    dropout: float = 0.5
    decoder: str = "lstm"  # "lstm" or "transformer" (d_model = hidden_dim; set alpha_c 0 for it)
    layers: int = 3  # transformer only
    heads: int = 8  # transformer only
    ff_dim: int = 2048  # transformer only
    warmup: int = 0  # linear lr warmup over this many optimiser steps (0 = none)
    min_count: int = 5
    max_tokens: int = 30
    val_beam: int = 3
    length_penalty: float = 0.5  # beam score = log p / length**this; 0.5 was best on val (model card)
    val_limit: int | None = None  # caption only the first N val images each epoch (tests)
    train_limit: int | None = None  # use only the first N training images (tests)
    seed: int = 42
    device: str = "auto"
    half: bool = True  # export fp16 weights
    progress: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def resolved(self) -> TrainConfig:
        data = Path(self.data_dir)
        out = self.out or cache_dir() / "runs" / f"{self.encoder}-seed{self.seed}"
        return TrainConfig(
            **{
                **asdict(self),
                "data_dir": data,
                "captions": Path(self.captions or data / "captions.tsv"),
                "images": Path(self.images or data / "images"),
                "out": Path(out),
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {f.name: (str(v) if isinstance(v := getattr(self, f.name), Path) else v) for f in fields(self)}


@dataclass
class ScstConfig:
    """Every knob of a self-critical run; saved beside the run so it can be reproduced."""

    init: Path = Path("resources/models/flickr8k-lite2-lstm")  # the CE-trained model folder to start from
    data_dir: Path = Path("../shared/data/flickr8k")
    captions: Path | None = None  # default: data_dir/captions.tsv
    images: Path | None = None  # default: data_dir/images
    train_splits: tuple[str, ...] = ("train", "extra")
    val_split: str = "val"
    out: Path | None = None  # run folder; default: cache_dir()/runs/scst-<init name>-seed<seed>
    export: Path | None = None  # where the best model folder is copied
    feature_cache: Path | None = None
    epochs: int = 4
    round_batches: int = 0  # evaluate + checkpoint every this many batches (0 = once per epoch)
    batch_size: int = 32  # images per step; each gives ``samples`` captions
    samples: int = 5
    lr: float = 2e-5
    grad_clip: float = 1.0
    max_len: int = 20  # words per sampled caption (Flickr8k captions have ~11)
    dropout: bool = True  # sample with dropout on, as in the reference implementations
    val_beam: int = 3
    length_penalty: float | None = None  # beam length penalty for val; default: the init model's
    val_limit: int | None = None
    train_limit: int | None = None
    seed: int = 42
    device: str = "auto"
    half: bool = True
    progress: bool = True

    def resolved(self) -> ScstConfig:
        data = Path(self.data_dir)
        out = self.out or cache_dir() / "runs" / f"scst-{Path(self.init).name}-seed{self.seed}"
        values = asdict(self)
        values.update(
            data_dir=data,
            captions=Path(self.captions or data / "captions.tsv"),
            images=Path(self.images or data / "images"),
            out=Path(out),
            init=Path(self.init),
        )
        return ScstConfig(**values)

    def to_json(self) -> dict[str, Any]:
        return {f.name: (str(v) if isinstance(v := getattr(self, f.name), Path) else v) for f in fields(self)}
