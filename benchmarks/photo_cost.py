"""What describing a photo costs, side by side in several checkouts (issue #16: ≤ 15 ms more per photo).

    .venv/bin/python benchmarks/photo_cost.py --repo /tmp/before --repo . [--n 30] [--rounds 3]

Why: the honest-description work (the trust gate, the ImageNet head, the person probe, the cut-out
check, the kind readers) runs on every photo the app describes; the issue allows it 15 ms. One
checkout alone cannot say what it added, and this shared 2-core machine is noisy, so each checkout
describes the same photos in its own fresh process, the checkouts taking turns (A, B, A, B, ...), and
the figure is the median over photos of each photo's median time, with the paired difference against
the first checkout. Each process does what the app's worker does: load the model, warm up, then
``Describer.describe`` each picture file (Flickr8k val photos by default: what the gate must leave
alone). Not a test: nothing is asserted. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "flickr8k"

# Runs inside each checkout's own process (its own `assistant` package first on sys.path).
WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from assistant.describe import Describer
describer = Describer()
describer.load()
if hasattr(describer, "warm_up"):
    describer.warm_up()
paths = sys.argv[2:]
describer.describe(paths[0])  # one more, as a used app is: first-run costs are not the photo's
out = {}
for path in paths:
    started = time.perf_counter()
    description = describer.describe(path)
    out[path] = [(time.perf_counter() - started) * 1000, getattr(description, "text", str(description))]
print(json.dumps(out))
"""


def val_photos(n: int) -> list[str]:
    """The first ``n`` Flickr8k val photos, in file-name order (the same every run)."""
    names = set()
    for line in (DATA / "captions.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1] == "val":
            names.add(parts[0])
    return [str(DATA / "images" / name) for name in sorted(names)[:n]]


def run_once(repo: Path, photos: list[str], timeout: float) -> dict[str, list]:
    env = dict(os.environ, PYTHONPATH=str(repo))
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(repo), *photos],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=repo,
    )
    if done.returncode != 0:
        raise SystemExit(f"{repo}: the describing process failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repo", type=Path, action="append", help="a checkout; give it for each, first = base"
    )
    parser.add_argument("--n", type=int, default=30, help="Flickr8k val photos")
    parser.add_argument("--images", type=Path, nargs="*", help="picture files instead of val photos")
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes per checkout, taking turns")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per process")
    args = parser.parse_args()
    repos = [r.resolve() for r in (args.repo or [REPO])]
    photos = [str(p) for p in args.images] if args.images else val_photos(args.n)
    times: dict[Path, dict[str, list[float]]] = {r: {p: [] for p in photos} for r in repos}
    texts: dict[Path, dict[str, str]] = {r: {} for r in repos}
    load_before = os.getloadavg()
    for round_ in range(args.rounds):
        for repo in repos if round_ % 2 == 0 else list(reversed(repos)):
            for path, (ms, text) in run_once(repo, photos, args.timeout).items():
                times[repo][path].append(ms)
                texts[repo][path] = text
            print(f"round {round_ + 1}: {repo} done", file=sys.stderr)
    per_photo = {r: {p: statistics.median(v) for p, v in times[r].items()} for r in repos}
    base = repos[0]
    results = []
    for repo in repos:
        median = statistics.median(per_photo[repo].values())
        paired = statistics.median(per_photo[repo][p] - per_photo[base][p] for p in photos)
        same = sum(texts[repo][p] == texts[base][p] for p in photos)
        results.append(
            {
                "repo": str(repo),
                "median_ms": round(median, 1),
                "vs_first_ms": round(paired, 1),
                "same_text": same,
            }
        )
        print(
            f"{repo}: median {median:.1f} ms per photo, {paired:+.1f} ms against {base.name} "
            f"(paired median over {len(photos)} photos), same words on {same}/{len(photos)}"
        )
    report = {
        "benchmark": "photo_cost",
        "photos": len(photos),
        "rounds": args.rounds,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "results": results,
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
