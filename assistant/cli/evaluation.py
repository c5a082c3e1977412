"""Measuring and showing the captioner: ``evaluate`` (pycocoevalcap metrics on a split) and
``explain`` (where the model looked for each word)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.cli import options
from assistant.errors import AssistantError

METRICS = ("bleu1", "bleu2", "bleu3", "bleu4", "meteor", "rougeL", "cider", "n_images")


def register_evaluate(sub: options.SubParsers) -> None:
    p = sub.add_parser("evaluate", help="caption a split and print pycocoevalcap metrics")
    p.add_argument("--images", type=Path, required=True)
    p.add_argument("--captions", type=Path, required=True, help="image<TAB>split<TAB>caption TSV")
    p.add_argument("--split", default="val")
    options.add_captioner(p)
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
    options.add_runtime(
        p,
        default="torch",
        help="onnx scores the ONNX export exactly as the app runs it on a CPU (exported first if needed)",
    )
    p.add_argument("--fp32-step", action="store_true", help="with --runtime onnx: the fp32 decoder step")
    p.add_argument(
        "--no-meteor",
        action="store_true",
        help="leave METEOR out (null): it starts a Java process, seconds before the first score",
    )
    p.set_defaults(func=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
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
        meteor=not args.no_meteor,
    )
    if not args.json:
        for name, caption in result["examples"].items():
            print(f"{name}: {caption}", file=sys.stderr)
        print(f"captioned {result['n_images']} images in {result['seconds']} s", file=sys.stderr)
    print(json.dumps({k: result[k] for k in METRICS}))
    return 0


def register_explain(sub: options.SubParsers) -> None:
    p = sub.add_parser("explain", help="draw where the model looked for each word of its caption")
    p.add_argument("image", type=Path)
    p.add_argument("--out", type=Path, required=True, help="the PNG to write")
    options.add_captioner(p)
    p.add_argument("--dpi", type=int, default=100, help="resolution of the PNG")
    p.add_argument("--alt-text", action="store_true", help="also write the figure's alt text to OUT.txt")
    p.set_defaults(func=run_explain)


def run_explain(args: argparse.Namespace) -> int:
    from assistant.paths import default_model_dir
    from assistant.vision.inference.explain import explain_with_result
    from assistant.vision.inference.torch_captioner import Captioner

    captioner = Captioner.load(args.model or default_model_dir(), args.device)
    path, result = explain_with_result(
        captioner, args.image, args.out, args.beam, sidecar=args.alt_text, dpi=args.dpi
    )
    print(f"{path}: {result.text}")
    return 0
