"""Making a captioner: ``train``, ``train-scst``, ``average-weights``, ``ensemble``, ``build-memory``
and ``export-onnx``. Training options are typed and defaulted from the config dataclasses, so a new
field there is one name added here."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from assistant.cli import options

TRAIN_CHOICES = {"decoder": ("lstm", "transformer"), "lr_schedule": ("plateau", "exp")}
FLOAT_OPTIONS = {"length_penalty"}  # may default to None (ScstConfig: "the init model's")

TRAIN_OPTIONS = (
    "encoder", "epochs", "batch_size", "lr", "lr_decay", "lr_schedule", "ema", "patience", "alpha_c",
    "label_smoothing", "flip", "embed_dim", "hidden_dim", "attention_dim", "dropout", "decoder", "layers",
    "heads", "ff_dim", "warmup", "min_count", "max_tokens", "val_beam", "length_penalty", "val_limit",
    "train_limit", "seed", "device",
)  # fmt: skip
SCST_OPTIONS = (
    "epochs", "round_batches", "batch_size", "samples", "lr", "grad_clip", "max_len", "val_beam",
    "length_penalty", "val_limit", "train_limit", "seed", "device",
)  # fmt: skip


def _add_run_paths(p: argparse.ArgumentParser, data_dir: Path) -> None:
    """The data and run-folder options that ``train`` and ``train-scst`` share."""
    p.add_argument("--data-dir", type=Path, default=data_dir, help="folder with images/ and captions.tsv")
    p.add_argument("--captions", type=Path, help="captions TSV or Karpathy-style COCO JSON")
    p.add_argument("--images", type=Path, help="images folder")
    p.add_argument("--out", type=Path, help="run folder (checkpoints, log); resumes if it holds last.pt")
    p.add_argument("--export", type=Path, help="copy the best model folder here when done")


def _add_config_option(p: argparse.ArgumentParser, defaults: object, name: str) -> None:
    """``--name`` typed and defaulted from the config dataclass field of that name."""
    value = getattr(defaults, name)
    if name == "device":
        options.add_device(p, default=value)
        return
    if isinstance(value, bool):
        p.add_argument("--" + name.replace("_", "-"), action=argparse.BooleanOptionalAction, default=value)
        return
    kind = float if name in FLOAT_OPTIONS else type(value) if value is not None else int
    p.add_argument("--" + name.replace("_", "-"), type=kind, default=value, choices=TRAIN_CHOICES.get(name))


def _config_values(args: argparse.Namespace, config: Any) -> dict[str, Any]:
    return {k: getattr(args, k) for k in config.__dataclass_fields__ if hasattr(args, k)}


def register_train(sub: options.SubParsers) -> None:
    from assistant.vision.training.config import TrainConfig

    defaults = TrainConfig()
    p = sub.add_parser("train", help="train the captioning model (seeded, resumable)")
    _add_run_paths(p, defaults.data_dir)
    for name in TRAIN_OPTIONS:
        _add_config_option(p, defaults, name)
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=run_train)


def run_train(args: argparse.Namespace) -> int:
    from assistant.vision.training.train import TrainConfig, train

    values = _config_values(args, TrainConfig)
    values["progress"] = not args.no_progress
    result = train(TrainConfig(**values))
    if os.environ.get("RANK", "0") != "0":
        return 0  # under torchrun, rank 0 alone reports
    keys = {"best_epoch": "best_epoch", "best_val_cider": "best_cider", "model_dir": "model_dir"}
    print(json.dumps({out: result[key] for out, key in keys.items()}))
    return 0


def register_train_scst(sub: options.SubParsers) -> None:
    from assistant.vision.training.config import ScstConfig

    defaults = ScstConfig()
    p = sub.add_parser(
        "train-scst", help="fine-tune a trained captioner with self-critical training (CIDEr-D reward)"
    )
    p.add_argument("--init", type=Path, default=defaults.init, help="the cross-entropy-trained model folder")
    _add_run_paths(p, defaults.data_dir)
    for name in SCST_OPTIONS:
        _add_config_option(p, defaults, name)
    p.add_argument("--no-dropout", action="store_true", help="sample with dropout off")
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=run_train_scst)


def run_train_scst(args: argparse.Namespace) -> int:
    from assistant.vision.training.scst import ScstConfig, train_scst

    values = _config_values(args, ScstConfig)
    values["progress"] = not args.no_progress
    values["dropout"] = not args.no_dropout
    result = train_scst(ScstConfig(**values))
    print(json.dumps({"best_val_cider": result["best_cider"], "model_dir": result["model_dir"]}))
    return 0


def register_average_weights(sub: options.SubParsers) -> None:
    p = sub.add_parser(
        "average-weights",
        help="average weight files of one model (e.g. train-scst rounds) into a model folder",
    )
    p.add_argument("files", nargs="+", type=Path, help="safetensors files, e.g. RUN/rounds/*.safetensors")
    options.add_model(p, help="model folder giving config and vocabulary", required=True)
    p.add_argument("--out", type=Path, required=True, help="the model folder to write")
    p.add_argument("--fp32", action="store_true", help="store fp32 weights (default fp16)")
    p.set_defaults(func=run_average_weights)


def run_average_weights(args: argparse.Namespace) -> int:
    from assistant.vision.training.averaging import average_into_model

    print(average_into_model(args.model, args.files, args.out, half=not args.fp32))
    return 0


def register_ensemble(sub: options.SubParsers) -> None:
    p = sub.add_parser(
        "ensemble", help="combine LSTM captioning models into one model folder that averages their words"
    )
    p.add_argument("models", nargs="+", type=Path, help="model folders; the first gives vocabulary, settings")
    p.add_argument("--out", type=Path, required=True, help="the model folder to write")
    p.add_argument("--fp32", action="store_true", help="store fp32 weights (default fp16)")
    p.add_argument(
        "--test-time-flip",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="caption from the mean of the picture's and its mirror image's features (default: as the first)",
    )
    p.set_defaults(func=run_ensemble)


def run_ensemble(args: argparse.Namespace) -> int:
    from assistant.vision.training.combine import combine_models

    print(combine_models(args.models, args.out, half=not args.fp32, test_time_flip=args.test_time_flip))
    return 0


def register_build_memory(sub: options.SubParsers) -> None:
    p = sub.add_parser(
        "build-memory", help="store training photos' features and captions for consensus re-ranking"
    )
    p.add_argument("--images", type=Path, required=True)
    p.add_argument("--captions", type=Path, required=True, help="image<TAB>split<TAB>caption TSV")
    p.add_argument("--splits", nargs="+", default=["train", "extra"])
    p.add_argument("--encoder", default="efficientnet-lite2")
    # Defaults live in MemoryConfig (not imported here: it pulls numpy into every command's start).
    p.add_argument(
        "--neighbours", type=int, help="training photos that vote per picture (default: as shipped)"
    )
    p.add_argument(
        "--temperature",
        type=float,
        help="votes weighed by softmax(cosine / temperature); 0: equal votes (default: as shipped)",
    )
    options.add_device(p)
    p.add_argument("--out", type=Path, required=True, help="the memory folder to write")
    p.set_defaults(func=run_build_memory)


def run_build_memory(args: argparse.Namespace) -> int:
    from assistant.vision.training.build_memory import build_memory

    voting = {name: getattr(args, name) for name in ("neighbours", "temperature")}
    memory = build_memory(
        args.images,
        args.captions,
        args.splits,
        args.out,
        args.encoder,
        device=args.device,
        **{name: value for name, value in voting.items() if value is not None},
    )
    print(f"{args.out}: {len(memory.captions)} photos, {len(memory.df)} n-grams")
    return 0


def register_export_onnx(sub: options.SubParsers) -> None:
    p = sub.add_parser("export-onnx", help="export the captioner to ONNX for the fast, torch-free runtime")
    options.add_model(p)
    p.add_argument("--out", type=Path, help="export folder (default: the user cache, where auto finds it)")
    p.add_argument("--opset", type=int, default=17)
    p.add_argument("--no-int8", action="store_true", help="skip the int8 decoder step")
    p.set_defaults(func=run_export_onnx)


def run_export_onnx(args: argparse.Namespace) -> int:
    from assistant.paths import default_model_dir
    from assistant.vision.training.onnx_export import export_onnx

    out = export_onnx(args.model or default_model_dir(), args.out, opset=args.opset, int8=not args.no_int8)
    print(out)
    return 0
