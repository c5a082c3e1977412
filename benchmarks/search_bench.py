"""`assistant search` speed: indexing a folder of 200 rendered images, then answering queries.

Renders 200 pictures (shapes and banded "landscapes", 320x240, half JPEG, half PNG) into a temporary
folder, indexes them with the shipped image-text model — encoder on onnxruntime when the captioner's
ONNX export is in the cache (`assistant export-onnx`), and on torch — and times queries against the
index (text embedding + one matrix product + sort). Not a test: nothing is asserted. Prints a table
and one JSON line.

    .venv/bin/python benchmarks/search_bench.py [--threads 1] [--images 200] [--runtimes onnx torch]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
# Before numpy loads: on a busy 2-core machine a multi-threaded OpenBLAS spends ~8 ms waking its
# threads for each of the query's tiny matrix products (measured: query median 14 ms vs 0.9 ms).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from PIL import Image, ImageDraw  # noqa: E402

from assistant.errors import ModelError  # noqa: E402
from assistant.vision.matching.contrastive import ContrastiveMatcher, default_contrastive_dir  # noqa: E402
from assistant.vision.matching.folder_search import index_images, list_images, load_grid_encoder, rank  # noqa: E402

QUERIES = [
    "a dog on the beach",
    "two children play in the snow",
    "a man rides a bike down a dirt road",
    "a red circle",
    "people standing in front of a building",
    "a black and white dog runs through the grass",
    "a girl in a pink dress",
    "a boat on the water",
]


def render(folder: Path, count: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    for i in range(count):
        image = Image.new("RGB", (320, 240))
        draw = ImageDraw.Draw(image)
        y = 0
        for _ in range(rng.randint(2, 4)):  # bands: sky, sea, sand, grass, snow...
            h = rng.randint(40, 140)
            colour = tuple(rng.randint(0, 255) for _ in range(3))
            draw.rectangle([0, y, 320, y + h], fill=colour)
            y += h
        for _ in range(rng.randint(1, 5)):
            x0, y0 = rng.randint(0, 280), rng.randint(0, 200)
            x1, y1 = x0 + rng.randint(10, 120), y0 + rng.randint(10, 120)
            fill = tuple(rng.randint(0, 255) for _ in range(3))
            (draw.ellipse if rng.random() < 0.5 else draw.rectangle)([x0, y0, x1, y1], fill=fill)
        sub = folder / f"set{i % 4}"
        sub.mkdir(parents=True, exist_ok=True)
        image.save(sub / f"img{i:04d}.{'jpg' if i % 2 else 'png'}")


def bench(runtime: str, files: list[Path], model: ContrastiveMatcher, threads: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    assert model.config.encoder is not None
    encoder = load_grid_encoder(model.config.encoder, runtime, "cpu", threads=threads)
    load_s = time.perf_counter() - t0
    index_images(encoder, model, files[:16], batch_size=16)  # warm-up: first-run allocations
    index = index_images(encoder, model, files, batch_size=16)
    latencies = []
    for _ in range(5):
        for query in QUERIES:
            t = time.perf_counter()
            rank(index, model, query, top=10)
            latencies.append((time.perf_counter() - t) * 1000)
    return {
        "encoder_runtime": type(encoder).__name__,
        "load_s": round(load_s, 2),
        "images": len(index.paths),
        "index_s": round(index.seconds, 2),
        "images_per_s": round(len(index.paths) / index.seconds, 1),
        "query_ms_median": round(statistics.median(latencies), 2),
        "query_ms_p90": round(sorted(latencies)[int(0.9 * len(latencies))], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--runtimes", nargs="+", default=["onnx", "torch"], choices=["onnx", "torch"])
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    model = ContrastiveMatcher.load(default_contrastive_dir())
    report: dict[str, Any] = {
        "benchmark": "search_bench",
        "threads": args.threads,
        "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "images": args.images,
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        render(folder, args.images)
        files = list_images([folder])
        for runtime in args.runtimes:
            try:
                row = bench(runtime, files, model, args.threads)
            except ModelError as error:  # no ONNX export in the cache: say so and go on
                print(f"{runtime}: skipped ({error})")
                continue
            report[runtime] = row
            print(
                f"{runtime:5} ({row['encoder_runtime']}): index {row['images']} images in {row['index_s']} s "
                f"= {row['images_per_s']} images/s; query median {row['query_ms_median']} ms "
                f"(p90 {row['query_ms_p90']} ms); encoder load {row['load_s']} s"
            )
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
