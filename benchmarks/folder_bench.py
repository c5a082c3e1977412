"""Folder-mode throughput (``assistant describe FOLDER --json``): images per second, by batch size.

Runs :func:`assistant.folder_mode.run_folder_mode` (file decoding, batched encoder + beam search,
hedging, JSON lines to a null sink) over the first ``--n`` images of ``--images`` for each batch
size, after one warm-up batch; optionally also the per-image Describer path (kind classifier, OCR,
composition) on a few images for comparison. Prints a table and one JSON line. The machine's load
average is printed too: on a shared CPU it explains much of the spread. Not a test.

    .venv/bin/python benchmarks/folder_bench.py [--images DIR] [--n 64] [--batch-sizes 1,4,8,16]
        [--beam 3] [--threads 2] [--describer-n 8] [--runtime torch|onnx] [--fp32-step]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def image_files(folder: Path | None, n: int, scratch: Path) -> list[Path]:
    """The first ``n`` photos of ``folder``, or drawn shapes when there is no data set here."""
    if folder and folder.is_dir():
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".jpg", ".jpeg", ".png"})
        if files:
            return files[:n]
    sys.path.insert(0, str(REPO / "tests" / "support"))
    from shapes import COLOURS, SHAPES, draw_shape

    combos = [(s, c) for s in SHAPES for c in COLOURS]
    out = []
    for i in range(n):
        path = scratch / f"shape_{i:04d}.jpg"
        draw_shape(*combos[i % len(combos)], "white", size=400, seed=i).save(path, quality=90)
        out.append(path)
    return out


def main() -> int:
    import torch

    from assistant.folder_mode import run_folder_mode
    from assistant.paths import default_model_dir
    from assistant.vision.inference.torch_captioner import Captioner

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=default_model_dir())
    parser.add_argument("--images", type=Path, default=REPO.parent / "shared/data/flickr8k/images")
    parser.add_argument("--n", type=int, default=64)
    parser.add_argument("--batch-sizes", default="1,4,8,16")
    parser.add_argument("--beam", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu")
    parser.add_argument(
        "--runtime", choices=("torch", "onnx"), default="torch", help="onnx: the cached export of --model"
    )
    parser.add_argument("--fp32-step", action="store_true", help="onnx: the fp32 decoder step, not int8")
    parser.add_argument("--describer-n", type=int, default=8, help="0 skips the per-image Describer run")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    captioner: Any = Captioner.load(args.model, args.device)
    if args.runtime == "onnx":  # as the app runs it: the int8 decoder step when the export has one
        from assistant.vision.inference.onnx_captioner import OnnxCaptioner
        from assistant.vision.training.onnx_export import ensure_onnx

        captioner = OnnxCaptioner.load(
            ensure_onnx(args.model), args.model, threads=args.threads, int8=False if args.fp32_step else None
        )
    load_before = os.getloadavg()
    figures: dict[str, object] = {
        "model": args.model.name,
        "runtime": args.runtime,
        "int8_step": bool(getattr(captioner, "int8", False)),
        "device": args.device if args.runtime == "torch" else "cpu (onnxruntime)",
        "threads": args.threads,
        "beam": args.beam,
    }
    with tempfile.TemporaryDirectory() as scratch:
        files = image_files(args.images, args.n, Path(scratch))
        figures["n_images"] = len(files)
        figures["source"] = str(args.images) if files[0].parent == args.images else "drawn shapes"
        rates: dict[str, float] = {}
        for batch in (int(b) for b in args.batch_sizes.split(",")):
            kwargs = {"beam_size": args.beam, "batch_size": batch, "progress": False}
            run_folder_mode(lambda: captioner, files[:batch], json_out=io.StringIO(), **kwargs)  # warm-up
            start = time.perf_counter()
            described, failed = run_folder_mode(lambda: captioner, files, json_out=io.StringIO(), **kwargs)
            seconds = time.perf_counter() - start
            rates[str(batch)] = round(len(files) / seconds, 2)
            print(
                f"batch {batch:3d}: {len(files)} images in {seconds:6.1f} s"
                f" = {rates[str(batch)]:6.2f} images/s"
                f" ({described} described, {failed} failed)",
                flush=True,
            )
        figures["images_per_s_by_batch"] = rates
        best = max(rates, key=lambda k: rates[k])
        figures["best_batch"], figures["best_images_per_s"] = int(best), rates[best]
        if args.describer_n > 0 and args.runtime == "torch":
            from assistant.describe import Describer, DescriberOptions

            describer = Describer(DescriberOptions(device=args.device, beam_size=args.beam), captioner)
            describer.describe(files[0])  # warm-up: OCR engines are created on first use
            subset = files[: args.describer_n]
            start = time.perf_counter()
            for path in subset:
                describer.describe(path)
            rate = len(subset) / (time.perf_counter() - start)
            figures["describer_images_per_s"] = round(rate, 2)
            print(f"Describer.describe one by one (kind, OCR, compose): {rate:.2f} images/s", flush=True)
    figures["loadavg_1min_before_after"] = [round(load_before[0], 2), round(os.getloadavg()[0], 2)]
    print(
        f"load average (1 min) before/after: {figures['loadavg_1min_before_after']} on {os.cpu_count()} CPUs"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
