"""The ``assistant`` command line: everything the app does, headless.

Sub-commands import their heavy dependencies (torch, Qt) lazily so ``assistant --version`` and
``assistant trigger`` stay instant. User errors (:class:`AssistantError`) print one sentence and
exit non-zero; they are never shown as tracebacks.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant import __version__
from assistant.errors import AssistantError


def _add_describe(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("describe", help="describe image files or the screen, and speak the result")
    p.add_argument("paths", nargs="*", type=Path, help="image files to describe")
    p.add_argument(
        "--screen", action="store_true", help="describe the screen (the monitor under the pointer)"
    )
    p.add_argument("--no-speak", action="store_true", help="print only; do not speak")
    p.add_argument("--wav", type=Path, help="write the speech to this WAV file instead of the sound card")
    p.add_argument("--json", action="store_true", help="print one JSON object per image")
    p.add_argument(
        "--csv", type=Path, metavar="FILE", help="folder mode: write path, text, caption, confidence to FILE"
    )
    p.add_argument("-r", "--recursive", action="store_true", help="folder mode: look into sub-folders too")
    p.add_argument("--batch-size", type=int, default=16, help="folder mode: images captioned at once")
    p.add_argument(
        "--runtime",
        choices=("auto", "torch", "onnx"),
        default="auto",
        help="captioner runtime: auto uses an ONNX export from `assistant export-onnx` on a CPU, else torch",
    )
    p.add_argument("--verbosity", choices=("brief", "normal", "full"), default="normal")
    p.add_argument("--model", type=Path, help="model folder (default: the shipped model)")
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--beam", type=int, default=3, help="beam size (1 = greedy)")
    p.add_argument(
        "--speech", default=None, help="speech backend: auto, espeak, speechd, pyttsx3, wav, silent"
    )
    p.set_defaults(func=_run_describe)


TRAIN_CHOICES = {"decoder": ("lstm", "transformer"), "lr_schedule": ("plateau", "exp")}
FLOAT_OPTIONS = {"length_penalty"}  # may default to None (ScstConfig: "the init model's")


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
    if isinstance(value, bool):
        p.add_argument("--" + name.replace("_", "-"), action=argparse.BooleanOptionalAction, default=value)
        return
    kind = float if name in FLOAT_OPTIONS else type(value) if value is not None else int
    p.add_argument("--" + name.replace("_", "-"), type=kind, default=value, choices=TRAIN_CHOICES.get(name))


def _add_train(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from assistant.vision.training.config import TrainConfig

    defaults = TrainConfig()
    p = sub.add_parser("train", help="train the captioning model (seeded, resumable)")
    _add_run_paths(p, defaults.data_dir)
    for name in (
        "encoder",
        "epochs",
        "batch_size",
        "lr",
        "lr_decay",
        "lr_schedule",
        "ema",
        "patience",
        "alpha_c",
        "label_smoothing",
        "flip",
        "embed_dim",
        "hidden_dim",
        "attention_dim",
        "dropout",
        "decoder",
        "layers",
        "heads",
        "ff_dim",
        "warmup",
        "min_count",
        "max_tokens",
        "val_beam",
        "length_penalty",
        "val_limit",
        "train_limit",
        "seed",
        "device",
    ):
        _add_config_option(p, defaults, name)
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=_run_train)


def _add_train_scst(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from assistant.vision.training.config import ScstConfig

    defaults = ScstConfig()
    p = sub.add_parser(
        "train-scst", help="fine-tune a trained captioner with self-critical training (CIDEr-D reward)"
    )
    p.add_argument("--init", type=Path, default=defaults.init, help="the cross-entropy-trained model folder")
    _add_run_paths(p, defaults.data_dir)
    for name in (
        "epochs",
        "round_batches",
        "batch_size",
        "samples",
        "lr",
        "grad_clip",
        "max_len",
        "val_beam",
        "length_penalty",
        "val_limit",
        "train_limit",
        "seed",
        "device",
    ):
        _add_config_option(p, defaults, name)
    p.add_argument("--no-dropout", action="store_true", help="sample with dropout off")
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=_run_train_scst)


def _run_train_scst(args: argparse.Namespace) -> int:
    from assistant.vision.training.scst import ScstConfig, train_scst

    values = {k: getattr(args, k) for k in ScstConfig.__dataclass_fields__ if hasattr(args, k)}
    values["progress"] = not args.no_progress
    values["dropout"] = not args.no_dropout
    result = train_scst(ScstConfig(**values))
    print(json.dumps({"best_val_cider": result["best_cider"], "model_dir": result["model_dir"]}))
    return 0


def _add_average_weights(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "average-weights",
        help="average weight files of one model (e.g. train-scst rounds) into a model folder",
    )
    p.add_argument("files", nargs="+", type=Path, help="safetensors files, e.g. RUN/rounds/*.safetensors")
    p.add_argument("--model", type=Path, required=True, help="model folder giving config and vocabulary")
    p.add_argument("--out", type=Path, required=True, help="the model folder to write")
    p.add_argument("--fp32", action="store_true", help="store fp32 weights (default fp16)")
    p.set_defaults(func=_run_average_weights)


def _run_average_weights(args: argparse.Namespace) -> int:
    from assistant.vision.training.averaging import average_into_model

    print(average_into_model(args.model, args.files, args.out, half=not args.fp32))
    return 0


def _add_ensemble(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    p.set_defaults(func=_run_ensemble)


def _run_ensemble(args: argparse.Namespace) -> int:
    from assistant.vision.model.ensemble import combine_models

    print(combine_models(args.models, args.out, half=not args.fp32, test_time_flip=args.test_time_flip))
    return 0


def _add_build_memory(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    p.add_argument("--device", default="auto")
    p.add_argument("--out", type=Path, required=True, help="the memory folder to write")
    p.set_defaults(func=_run_build_memory)


def _run_build_memory(args: argparse.Namespace) -> int:
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


def _add_evaluate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("evaluate", help="caption a split and print pycocoevalcap metrics")
    p.add_argument("--images", type=Path, required=True)
    p.add_argument("--captions", type=Path, required=True, help="image<TAB>split<TAB>caption TSV")
    p.add_argument("--split", default="val")
    p.add_argument("--model", type=Path)
    p.add_argument("--beam", type=int, default=3)
    p.add_argument("--device", default="auto")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--json", action="store_true", help="print only the JSON object")
    p.add_argument(
        "--rerank",
        action="store_true",
        help="re-rank the beam's captions (picture fit, consensus with similar photos) as the app does",
    )
    p.add_argument(
        "--no-consensus",
        action="store_true",
        help="with --rerank: leave the caption memory out (image-text fit only)",
    )
    p.add_argument(
        "--runtime",
        choices=("torch", "onnx"),
        default="torch",
        help="onnx scores the ONNX export exactly as the app runs it on a CPU (exported first if needed)",
    )
    p.add_argument("--fp32-step", action="store_true", help="with --runtime onnx: the fp32 decoder step")
    p.set_defaults(func=_run_evaluate)


def _add_explain(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("explain", help="draw where the model looked for each word of its caption")
    p.add_argument("image", type=Path)
    p.add_argument("--out", type=Path, required=True, help="the PNG to write")
    p.add_argument("--model", type=Path, help="model folder (default: the shipped model)")
    p.add_argument("--beam", type=int, default=3, help="beam size (1 = greedy)")
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--dpi", type=int, default=100, help="resolution of the PNG")
    p.add_argument("--alt-text", action="store_true", help="also write the figure's alt text to OUT.txt")
    p.set_defaults(func=_run_explain)


def _add_export_onnx(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export-onnx", help="export the captioner to ONNX for the fast, torch-free runtime")
    p.add_argument("--model", type=Path, help="model folder (default: the shipped model)")
    p.add_argument("--out", type=Path, help="export folder (default: the user cache, where auto finds it)")
    p.add_argument("--opset", type=int, default=17)
    p.add_argument("--no-int8", action="store_true", help="skip the int8 decoder step")
    p.set_defaults(func=_run_export_onnx)


def _run_export_onnx(args: argparse.Namespace) -> int:
    from assistant.paths import default_model_dir
    from assistant.vision.training.onnx_export import export_onnx

    out = export_onnx(args.model or default_model_dir(), args.out, opset=args.opset, int8=not args.no_int8)
    print(out)
    return 0


def _add_search(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("search", help="rank the images of a folder by a text query, best match first")
    p.add_argument("query", help='what the picture shows, e.g. "a dog on the beach"')
    p.add_argument("folders", nargs="+", type=Path, metavar="FOLDER", help="folders (searched recursively)")
    p.add_argument("--top", type=int, default=10, help="how many images to list (default 10)")
    p.add_argument("--json", action="store_true", help="print one JSON object, not score<TAB>path lines")
    p.add_argument("--model", type=Path, help="image-text model folder (default: the shipped one)")
    p.add_argument("--batch-size", type=int, default=16, help="images encoded at once")
    p.add_argument("--runtime", choices=("auto", "torch", "onnx"), default="auto", help="encoder runtime")
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--no-cache", action="store_true", help="encode every image again, keep nothing")
    p.set_defaults(func=_run_search)


def _run_search(args: argparse.Namespace) -> int:
    from assistant.vision.matching.folder_search import search_command

    return search_command(args)


def _add_app_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run", help="start the tray app (or show the running one)")
    p.add_argument("--wav", type=Path, help="speak into this WAV file (tests, no sound card)")
    p.add_argument("--speech", default=None, help="speech backend override")
    p.add_argument("--settings-dir", type=Path, help="settings folder (default: the user's config dir)")
    p.set_defaults(func=_run_app)
    t = sub.add_parser(
        "trigger", help="ask the running app to act (bind this to a desktop shortcut on Wayland)"
    )
    t.add_argument(
        "command",
        help="describe-screen, describe-window, describe-pointer, clipboard, stop, repeat, show, "
        "describe-file",
    )
    t.add_argument("path", nargs="?", type=Path, help="the image for describe-file")
    t.set_defaults(func=_run_trigger)
    d = sub.add_parser("doctor", help="report displays, hotkeys, speech, screen reader, model and OCR")
    d.set_defaults(func=_run_doctor)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant", description="Hear what is on your screen or in a picture, privately and offline."
    )
    parser.add_argument("--version", action="version", version=f"assistant {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command_name", metavar="COMMAND")
    _add_describe(sub)
    _add_train(sub)
    _add_train_scst(sub)
    _add_average_weights(sub)
    _add_ensemble(sub)
    _add_build_memory(sub)
    _add_evaluate(sub)
    _add_explain(sub)
    _add_export_onnx(sub)
    _add_search(sub)
    _add_app_commands(sub)
    return parser


def _run_describe(args: argparse.Namespace) -> int:
    from assistant.describe_cli import describe_command

    return describe_command(args)


def _run_train(args: argparse.Namespace) -> int:
    from assistant.vision.training.train import TrainConfig, train

    values = {k: getattr(args, k) for k in TrainConfig.__dataclass_fields__ if hasattr(args, k)}
    values["progress"] = not args.no_progress
    result = train(TrainConfig(**values))
    if os.environ.get("RANK", "0") != "0":
        return 0  # under torchrun, rank 0 alone reports
    print(
        json.dumps(
            {
                "best_epoch": result["best_epoch"],
                "best_val_cider": result["best_cider"],
                "model_dir": result["model_dir"],
            }
        )
    )
    return 0


def _run_evaluate(args: argparse.Namespace) -> int:
    from assistant.paths import default_model_dir
    from assistant.vision.evaluation.evaluate import evaluate
    from assistant.vision.inference.runtime import load_captioner

    model_dir = args.model or default_model_dir()
    captioner = load_captioner(model_dir, args.device, args.runtime, int8=False if args.fp32_step else None)
    reranker = None
    if args.rerank:
        from assistant.vision.matching.rerank import reranker_for

        reranker = reranker_for(captioner, consensus=not args.no_consensus)
        if reranker is None:
            raise AssistantError(
                "There is no image-text model or caption memory for this captioner's encoder."
            )
    result = evaluate(
        captioner,
        args.images,
        args.captions,
        args.split,
        args.beam,
        args.batch_size,
        progress=not args.json,
        reranker=reranker,
    )
    keys = ("bleu1", "bleu2", "bleu3", "bleu4", "meteor", "rougeL", "cider", "n_images")
    summary = {k: result[k] for k in keys}
    if not args.json:
        for name, caption in result["examples"].items():
            print(f"{name}: {caption}", file=sys.stderr)
        print(f"captioned {result['n_images']} images in {result['seconds']} s", file=sys.stderr)
    print(json.dumps(summary))
    return 0


def _run_explain(args: argparse.Namespace) -> int:
    from assistant.paths import default_model_dir
    from assistant.vision.inference.torch_captioner import Captioner
    from assistant.vision.inference.explain import explain_with_result

    captioner = Captioner.load(args.model or default_model_dir(), args.device)
    path, result = explain_with_result(
        captioner, args.image, args.out, args.beam, sidecar=args.alt_text, dpi=args.dpi
    )
    print(f"{path}: {result.text}")
    return 0


def _run_app(args: argparse.Namespace) -> int:
    from assistant.app.main import run_app

    return int(run_app(args))


def _run_trigger(args: argparse.Namespace) -> int:
    from assistant.app.ipc import trigger_main

    return int(trigger_main(args))


def _run_doctor(args: argparse.Namespace) -> int:
    from assistant.doctor import doctor_main

    return int(doctor_main(args))


def main(argv: Sequence[str] | None = None) -> int:
    # numpy's OpenBLAS spreads even a (1, 1280) x (1280, 512) product over all cores; on a busy 2-core
    # machine that made one search query or caption-confidence score 14 ms instead of 0.9 ms. Our
    # numpy work is small (heavy work runs in onnxruntime or torch, with their own threads).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s: %(message)s"
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except AssistantError as error:
        print(f"assistant: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
