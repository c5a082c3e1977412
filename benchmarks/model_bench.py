"""Speed and size of the shipped captioner on this machine's CPU (or --device cuda).

Prints: cold model-load time (fresh process), median and p90 latency per image for the encoder and
the decoder separately (batch 1, beam 3), peak RSS, and the size of the project-shipped weights;
then one JSON line with the same figures. Not a test: nothing is asserted.

    .venv/bin/python benchmarks/model_bench.py [--images DIR] [--n 50] [--beam 3] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

COLD_LOAD = """
import time, torch
torch.set_num_threads({threads})
t0 = time.perf_counter()
from assistant.vision.inference.torch_captioner import Captioner
t1 = time.perf_counter()
Captioner.load({model!r}, {device!r})
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def sample_images(folder: Path | None, n: int) -> list:
    from PIL import Image

    if folder and folder.is_dir():
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".jpg", ".jpeg", ".png"})[:n]
        return [Image.open(p).convert("RGB") for p in files]
    sys.path.insert(0, str(REPO / "tests" / "support"))
    from shapes import COLOURS, SHAPES, draw_shape

    combos = [(s, c) for s in SHAPES for c in COLOURS]
    return [draw_shape(*combos[i % len(combos)], "white", size=224, seed=i) for i in range(n)]


def main() -> int:
    from assistant.paths import default_model_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=default_model_dir())
    parser.add_argument("--images", type=Path, default=REPO.parent / "shared/data/flickr8k/images")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--beam", type=int, default=3)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    cold = subprocess.run(
        [
            sys.executable,
            "-c",
            COLD_LOAD.format(threads=args.threads, model=str(args.model), device=args.device),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    import_s, load_s = (float(x) for x in cold.stdout.split())

    from assistant.vision.inference.torch_captioner import Captioner
    from assistant.vision.inference.torch_steps import beam_search

    captioner = Captioner.load(args.model, args.device)
    images = sample_images(args.images, args.n)
    vocab = captioner.vocab
    for image in images[:3]:  # warm-up
        captioner.caption(image, args.beam)
    encode_ms, decode_ms = [], []
    for image in images:
        t0 = time.perf_counter()
        features = captioner.encode([image])
        t1 = time.perf_counter()
        beam_search(
            captioner.decoder,
            features,
            vocab.start_id,
            vocab.end_id,
            args.beam,
            captioner.config.max_len,
            captioner.config.length_penalty,
        )
        t2 = time.perf_counter()
        encode_ms.append((t1 - t0) * 1000)
        decode_ms.append((t2 - t1) * 1000)
    total_ms = [e + d for e, d in zip(encode_ms, decode_ms, strict=True)]
    weights = args.model / "model.safetensors"
    figures = {
        "device": args.device,
        "threads": args.threads,
        "images": len(images),
        "beam": args.beam,
        "cold_import_s": round(import_s, 2),
        "cold_model_load_s": round(load_s, 2),
        "encode_median_ms": round(statistics.median(encode_ms), 1),
        "encode_p90_ms": round(percentile(encode_ms, 0.9), 1),
        "decode_median_ms": round(statistics.median(decode_ms), 1),
        "decode_p90_ms": round(percentile(decode_ms, 0.9), 1),
        "total_median_ms": round(statistics.median(total_ms), 1),
        "total_p90_ms": round(percentile(total_ms, 0.9), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "shipped_weights_mb": round(weights.stat().st_size / 2**20, 1),
        "model_folder_mb": round(sum(p.stat().st_size for p in args.model.iterdir()) / 2**20, 1),
    }
    print(f"model            {args.model}")
    print(f"cold start       import {figures['cold_import_s']} s + load {figures['cold_model_load_s']} s")
    print(f"encoder          median {figures['encode_median_ms']} ms, p90 {figures['encode_p90_ms']} ms")
    print(
        f"decoder (beam {args.beam}) median {figures['decode_median_ms']} ms, "
        f"p90 {figures['decode_p90_ms']} ms"
    )
    print(f"per image        median {figures['total_median_ms']} ms, p90 {figures['total_p90_ms']} ms")
    print(f"peak RSS         {figures['peak_rss_mb']} MB")
    print(
        f"shipped weights  {figures['shipped_weights_mb']} MB (model folder {figures['model_folder_mb']} MB)"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
