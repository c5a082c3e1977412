"""torch against onnxruntime for the shipped captioner: latency, agreement, memory, folder throughput.

Each runtime is measured in its own fresh process (the onnxruntime one never imports torch, which is the
point of it), on the same images, batch 1, beam 3: cold start (import + load), median and p90 encode and
decode ms per image, whether the captions agree, current and peak RSS; then batched captioning of the
same images (``--batch``) as images/s, the folder-mode figure. Prints a table and one JSON line. Not a
test: nothing is asserted. Timings on a shared machine are noisy: compare runs made together.

    .venv/bin/python benchmarks/onnx_bench.py [--model DIR] [--onnx DIR] [--images DIR] [--n 30]
        [--beam 3] [--threads 1 2] [--batch 8] [--runtimes torch onnx onnx-int8] [--spin]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WORKER = r"""
import json, sys, time
t0 = time.perf_counter()
args = json.loads(sys.argv[1])
from pathlib import Path
from PIL import Image

def rss_mb(field="VmRSS:"):
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the (torch-importing) parent.
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return float("nan")

def load_images():
    folder = Path(args["images"]) if args["images"] else None
    if folder and folder.is_dir():
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".jpg", ".jpeg", ".png"})
        return [Image.open(p).convert("RGB") for p in files[: args["n"]]]
    sys.path.insert(0, str(Path(args["repo"]) / "tests" / "support"))
    from shapes import COLOURS, SHAPES, draw_shape
    combos = [(s, c) for s in SHAPES for c in COLOURS]
    return [draw_shape(*combos[i % len(combos)], "white", size=224, seed=i) for i in range(args["n"])]

if args["runtime"] == "torch":
    import torch
    torch.set_num_threads(args["threads"])
    from assistant.vision.inference.torch_captioner import Captioner
    captioner = Captioner.load(Path(args["model"]), "cpu")
else:
    from assistant.vision.inference.onnx_captioner import OnnxCaptioner
    captioner = OnnxCaptioner.load(
        Path(args["onnx"]),
        Path(args["model"]),
        threads=args["threads"],
        allow_spinning=args["spin"],
        int8=args["runtime"] == "onnx-int8",
    )
cold_s = time.perf_counter() - t0
rss_loaded = rss_mb()
images = load_images()
for image in images[:2]:  # warm-up: allocators, thread pools, first-run graph work
    captioner.caption(image, beam_size=args["beam"])
encode, decode, captions = [], [], []
for image in images:
    result = captioner.caption(image, beam_size=args["beam"])
    encode.append(result.timings["encode"])
    decode.append(result.timings["decode"])
    captions.append(result.tokens)
rss_single = rss_mb()
peak_single = rss_mb("VmHWM:")
batch = args["batch"]
t = time.perf_counter()
for start in range(0, len(images), batch):
    captioner.caption_batch(images[start : start + batch], beam_size=args["beam"])
batched_s = time.perf_counter() - t
print(json.dumps({
    "cold_start_s": cold_s,
    "encode_ms": encode,
    "decode_ms": decode,
    "captions": captions,
    "batched_images_per_s": len(images) / batched_s,
    "rss_loaded_mb": rss_loaded,
    "rss_single_mb": rss_single,
    "rss_peak_single_mb": peak_single,
    "rss_peak_mb": rss_mb("VmHWM:"),
    "torch_imported": "torch" in sys.modules,
}))
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return percentile(values, 0.5)


def measure(runtime: str, threads: int, args: argparse.Namespace, onnx_dir: Path) -> dict[str, Any]:
    payload = {
        "runtime": runtime,
        "threads": threads,
        "model": str(args.model),
        "onnx": str(onnx_dir),
        "images": str(args.images) if args.images else "",
        "n": args.n,
        "beam": args.beam,
        "batch": args.batch,
        "spin": args.spin,
        "repo": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-c", WORKER, json.dumps(payload)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=1800,
    )
    if done.returncode != 0:
        raise SystemExit(f"{runtime} worker failed:\n{done.stderr[-3000:]}")
    raw = json.loads(done.stdout.strip().splitlines()[-1])
    total = [e + d for e, d in zip(raw["encode_ms"], raw["decode_ms"], strict=True)]
    return {
        "runtime": runtime,
        "threads": threads,
        "cold_start_s": round(raw["cold_start_s"], 2),
        "encode_median_ms": round(median(raw["encode_ms"]), 1),
        "encode_p90_ms": round(percentile(raw["encode_ms"], 0.9), 1),
        "decode_median_ms": round(median(raw["decode_ms"]), 1),
        "decode_p90_ms": round(percentile(raw["decode_ms"], 0.9), 1),
        "total_median_ms": round(median(total), 1),
        "total_p90_ms": round(percentile(total, 0.9), 1),
        "batched_images_per_s": round(raw["batched_images_per_s"], 2),
        "rss_loaded_mb": round(raw["rss_loaded_mb"]),
        "rss_peak_batch1_mb": round(raw["rss_peak_single_mb"]),
        "rss_peak_mb": round(raw["rss_peak_mb"]),
        "torch_imported": raw["torch_imported"],
        "captions": raw["captions"],
    }


def main() -> int:
    from assistant.paths import default_model_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=default_model_dir())
    parser.add_argument("--onnx", type=Path, default=None, help="export folder (default: the user cache)")
    parser.add_argument("--images", type=Path, default=REPO.parent / "shared/data/flickr8k/images")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--beam", type=int, default=3)
    parser.add_argument("--batch", type=int, default=8, help="images per batch for the throughput figure")
    parser.add_argument("--threads", type=int, nargs="+", default=[2])
    parser.add_argument(
        "--runtimes",
        nargs="+",
        default=["torch", "onnx", "onnx-int8"],
        choices=["torch", "onnx", "onnx-int8"],
    )
    parser.add_argument("--spin", action="store_true", help="let onnxruntime threads busy-wait")
    args = parser.parse_args()

    from assistant.vision.training.onnx_export import ensure_onnx

    onnx_dir = ensure_onnx(args.model, args.onnx)  # exports once, reused while the weights are unchanged
    if "onnx-int8" in args.runtimes and not (onnx_dir / "decoder_step.int8.onnx").is_file():
        from assistant.vision.training.onnx_export import export_onnx

        onnx_dir = export_onnx(args.model, onnx_dir, int8=True)
    sizes = {p.name: round(p.stat().st_size / 1e6, 1) for p in sorted(onnx_dir.glob("*.onnx"))}

    rows = [measure(rt, th, args, onnx_dir) for th in args.threads for rt in args.runtimes]
    print(f"model {args.model.name}, {args.n} images, beam {args.beam}, batch 1; onnx files MB: {sizes}")
    header = (
        f"{'runtime':8} {'thr':>3} {'cold s':>6} {'enc med':>7} {'enc p90':>7} {'dec med':>7} {'dec p90':>7} "
        f"{'tot med':>7} {'tot p90':>7} {'img/s b' + str(args.batch):>9} "
        f"{'RSS MB':>6} {'peak1':>6} {'peak':>6} torch?"
    )
    print(header)
    for r in rows:
        print(
            f"{r['runtime']:8} {r['threads']:>3} {r['cold_start_s']:>6} {r['encode_median_ms']:>7} "
            f"{r['encode_p90_ms']:>7} {r['decode_median_ms']:>7} {r['decode_p90_ms']:>7} "
            f"{r['total_median_ms']:>7} {r['total_p90_ms']:>7} {r['batched_images_per_s']:>9} "
            f"{r['rss_loaded_mb']:>6} {r['rss_peak_batch1_mb']:>6} {r['rss_peak_mb']:>6} "
            f"{r['torch_imported']}"
        )
    agreement: dict[str, float] = {}
    for th in args.threads:
        group = {r["runtime"]: r["captions"] for r in rows if r["threads"] == th}
        reference = group.get("torch")
        for runtime, captions in group.items():
            if reference is None or runtime == "torch":
                continue
            same = sum(a == b for a, b in zip(reference, captions, strict=True))
            agreement[f"{runtime}@{th}"] = same / len(captions)
            print(f"threads {th}: captions identical to torch, {runtime}: {same}/{len(captions)}")
    for r in rows:
        del r["captions"]
    print(
        json.dumps(
            {
                "bench": "onnx_vs_torch",
                "model": args.model.name,
                "n": args.n,
                "beam": args.beam,
                "batch": args.batch,
                "spin": args.spin,
                "onnx_mb": sizes,
                "caption_agreement": agreement,
                "rows": rows,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
