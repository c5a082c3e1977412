"""First vs second description in a fresh process: what the model's warm-up buys (issue #17).

    .venv/bin/python benchmarks/first_describe.py                      # 3 fresh processes, with warm-up
    .venv/bin/python benchmarks/first_describe.py --no-warm-up         # the same, warm-up skipped
    .venv/bin/python benchmarks/first_describe.py --repo /tmp/before   # another checkout (e.g. a worktree)

Why: the *Open image* dialog's description came seconds after Enter, because the OCR engines, the
caption memory, the image-text model and the ImageNet head were set up on the first describe, not
when the model loaded. Each run is a fresh Python process doing what the app's worker does: load
the model (``Describer.load``), warm up (``Describer.warm_up``, when it exists and is not skipped),
then describe one picture file and then another (two renderings of the project's own demo scene,
as the Open image dialog hands the worker a path). Reported per run and as medians: load, warm-up,
first and second describe (seconds). Prints a table and one JSON line. Not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIELDS = ("load_s", "warm_up_s", "first_s", "second_s")


def _pictures(repo: Path, folder: Path) -> tuple[Path, Path]:
    """Two different photo-like pictures drawn by the project (scripts/render_sample.py)."""
    from PIL import Image, ImageOps

    sys.path.insert(0, str(repo / "scripts"))
    from render_sample import render

    first = render(folder / "scene.png")
    second = folder / "scene-mirrored.png"
    with Image.open(first) as picture:
        ImageOps.mirror(picture.convert("RGB")).save(second)
    return first, second


def child(args: argparse.Namespace) -> dict[str, Any]:
    """One fresh process: load, warm up, describe twice; its figures."""
    repo = Path(args.repo).resolve()
    sys.path.insert(0, str(repo))
    started = time.perf_counter()
    from assistant.describe import Describer, DescriberOptions

    options = DescriberOptions(runtime=args.runtime, device="cpu")
    describer = Describer(options)
    figures: dict[str, Any] = {"import_s": time.perf_counter() - started}
    with tempfile.TemporaryDirectory() as tmp:
        first, second = _pictures(repo, Path(tmp))
        mark = time.perf_counter()
        describer.load()
        figures["load_s"] = time.perf_counter() - mark
        warm_up = getattr(describer, "warm_up", None)
        figures["warm_up_s"] = None
        if warm_up is not None and not args.no_warm_up:
            mark = time.perf_counter()
            warm_up()
            figures["warm_up_s"] = time.perf_counter() - mark
        for name, picture in (("first_s", first), ("second_s", second)):
            mark = time.perf_counter()
            description = describer.describe(picture)
            figures[name] = time.perf_counter() - mark
            figures[name.replace("_s", "_text")] = description.text
    figures["torch_loaded"] = "torch" in sys.modules
    figures["runtime"] = type(describer.load()).__name__
    return figures


def _median(runs: list[dict[str, Any]], name: str) -> float | None:
    values = [run[name] for run in runs if run.get(name) is not None]
    return round(statistics.median(values), 3) if values else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes (default 3)")
    parser.add_argument("--runtime", default="auto", help="auto, onnx or torch (default auto, as the app)")
    parser.add_argument("--no-warm-up", action="store_true", help="skip Describer.warm_up (before)")
    parser.add_argument("--repo", default=str(REPO), help="checkout whose assistant package is measured")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args)))
        return 0
    command = [sys.executable, __file__, "--child", "--runtime", args.runtime, "--repo", args.repo]
    if args.no_warm_up:
        command.append("--no-warm-up")
    runs: list[dict[str, Any]] = []
    print(f"{'run':>3} {'load s':>7} {'warm-up s':>9} {'first s':>8} {'second s':>8}  torch")
    for index in range(args.runs):
        done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=args.repo)
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
            return 1
        run = json.loads(done.stdout.strip().splitlines()[-1])
        runs.append(run)
        warm = "-" if run["warm_up_s"] is None else f"{run['warm_up_s']:.3f}"
        print(f"{index + 1:>3} {run['load_s']:7.3f} {warm:>9} {run['first_s']:8.3f} {run['second_s']:8.3f}"
              f"  {run['torch_loaded']}")  # fmt: skip
    summary = {
        "benchmark": "first_describe",
        "repo": args.repo,
        "runtime": args.runtime,
        "captioner": runs[0]["runtime"],
        "warm_up": not args.no_warm_up and runs[0]["warm_up_s"] is not None,
        "runs": len(runs),
        **{f"median_{name}": _median(runs, name) for name in FIELDS},
        "torch_loaded": any(run["torch_loaded"] for run in runs),
    }
    first, second = summary["median_first_s"], summary["median_second_s"]
    summary["first_over_second"] = round(first / second, 2) if first and second else None
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
