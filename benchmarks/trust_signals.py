"""Cache the trust gate's signals for a set of pictures, so the gate can be tuned without captioning again.

For each picture: the caption the app would speak (beam 3, re-ranked), its word probability and
image-text match, the pooled encoder feature (from which the ImageNet head and the caption memory's
nearest neighbours are computed offline), and the pixel classifier's first guess of its kind.

    nice .venv/bin/python benchmarks/trust_signals.py wild --runtime onnx --batch 1 --out /tmp/wild.npz
    nice .venv/bin/python benchmarks/trust_signals.py flickr8k --split val --runtime onnx --out /tmp/val.npz

Not a test; prints one JSON line at the end (count, seconds).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def picture_list(args: argparse.Namespace) -> tuple[Path, list[str], dict[str, list[str]]]:
    """(image folder, file names, references per name (Flickr8k only))."""
    if args.source == "wild":
        truth = json.loads((REPO / "datasets" / "wild" / "truth.json").read_text())
        return REPO / "datasets" / "wild" / "images", list(truth), {}
    from assistant.vision.training.data import group_by_image, read_captions

    root = REPO.parent / "shared" / "data" / "flickr8k"
    grouped = group_by_image(read_captions(root / "captions.tsv"), [args.split])
    refs = {
        name: [" ".join(c) if isinstance(c, list) else str(c) for c in caps] for name, caps in grouped.items()
    }
    return root / "images", list(grouped), refs


def main() -> None:
    from assistant.capture.image_loading import load_image
    from assistant.paths import default_model_dir
    from assistant.understand.classify import classify_kind
    from assistant.vision.inference.runtime import load_captioner
    from assistant.vision.matching.rerank import caption_reranked, reranker_for

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", choices=["wild", "flickr8k"])
    parser.add_argument("--split", default="val")
    parser.add_argument("--runtime", default="torch")
    parser.add_argument("--limit", type=int)
    parser.add_argument(
        "--batch",
        type=int,
        default=8,
        help="pictures captioned together (the app: 1; batches shift features a little)",
    )
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    folder, names, refs = picture_list(args)
    names = names[: args.limit] if args.limit else names
    captioner = load_captioner(default_model_dir(), "cpu", args.runtime)
    reranker = reranker_for(captioner)
    assert reranker is not None
    rows: list[dict] = []
    pooled: list[np.ndarray] = []
    started = time.perf_counter()
    for i in range(0, len(names), args.batch):
        chunk = names[i : i + args.batch]
        images = [load_image(folder / n).convert("RGB") for n in chunk]
        results = caption_reranked(captioner, reranker, images, 3)
        for name, image, result in zip(chunk, images, results, strict=True):
            kind = classify_kind(image, None).kind if args.source == "wild" else "photo"
            rows.append(
                {
                    "file": name,
                    "text": result.text,
                    "tokens": list(result.tokens),
                    "mean_log_prob": float(result.mean_log_prob),
                    "confidence": None if result.confidence is None else float(result.confidence),
                    "guess": kind,
                    "refs": refs.get(name, []),
                }
            )
            pooled.append(np.asarray(result.pooled, dtype=np.float32))
        print(f"{len(rows)}/{len(names)}", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    np.savez_compressed(args.out, pooled=np.stack(pooled), meta=np.array(json.dumps(rows)))
    print(json.dumps({"benchmark": "trust_signals", "n": len(rows), "seconds": round(seconds, 1)}))


if __name__ == "__main__":
    main()
