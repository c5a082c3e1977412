"""What choosing among the beam's captions costs: load time, memory, and milliseconds per image.

Captions ``--n`` photos with the shipped captioner (onnxruntime, beam 3, its 3 best and its near
misses, as the app does), then times :meth:`CaptionReranker.rerank` on each, with the image-text model
alone, with the caption memory too, and with the nearest training photo's captions as candidates as
well (the app's default), and reports how often the memory changes the spoken caption and how often a
training photo's caption is chosen. Prints a table and one JSON line. Not a test.

    .venv/bin/python benchmarks/rerank_bench.py [--images DIR] [--captions TSV] [--n 100] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=Path, default=REPO.parent / "shared/data/flickr8k/images")
    parser.add_argument("--captions", type=Path, default=REPO.parent / "shared/data/flickr8k/captions.tsv")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))

    from assistant.capture.image_loading import load_image
    from assistant.paths import default_model_dir
    from assistant.vision.inference.runtime import load_captioner
    from assistant.vision.matching.caption_memory import load_caption_memory
    from assistant.vision.matching.contrastive import captioner_encoder, load_caption_matcher
    from assistant.vision.matching.rerank import CaptionReranker, caption_candidates, captioner_length_penalty

    captioner = load_captioner(default_model_dir(), "cpu", "onnx")
    encoder = captioner_encoder(captioner)
    matcher = load_caption_matcher(None, encoder)
    before = _rss_mb()
    started = time.perf_counter()
    memory = load_caption_memory(None, encoder)
    load_s = time.perf_counter() - started
    memory_mb = _rss_mb() - before
    if matcher is None or memory is None:
        print("the shipped image-text model or caption memory is missing", file=sys.stderr)
        return 1
    # val photos (a training photo's nearest neighbour is itself: its own captions would win)
    from assistant.vision.evaluation.candidates import split_references

    files = [args.images / name for name in list(split_references(args.captions, "val"))[: args.n]]
    found = []
    for path in files:
        found.extend(caption_candidates(captioner, [load_image(path)], 3))
    penalty = captioner_length_penalty(captioner)
    rerankers = {
        "fit only": CaptionReranker(matcher, retrieved=0),
        "fit + consensus": CaptionReranker(matcher, memory, retrieved=0),
        "fit + consensus + retrieved": CaptionReranker(matcher, memory),  # the app's
    }
    timings: dict[str, list[float]] = {label: [] for label in rerankers}
    chosen: dict[str, list] = {label: [] for label in rerankers}
    for label, reranker in rerankers.items():  # one reranker over all photos, then the next (the
        for result in found:  # memory keeps its last query's cosines: the app's reranker asks twice)
            started = time.perf_counter()
            chosen[label].append(reranker.rerank(result, penalty))
            timings[label].append((time.perf_counter() - started) * 1000)
    app = chosen["fit + consensus + retrieved"]
    changed = sum(a.text != b.text for a, b in zip(chosen["fit only"], app, strict=True))
    retrieved = sum(r.retrieved_from is not None for r in app)
    report: dict[str, object] = {
        "n": len(found),
        "memory_load_s": round(load_s, 2),
        "memory_rss_mb": round(memory_mb, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "changed_by_memory": round(changed / max(1, len(found)), 3),
        "training_caption_chosen": round(retrieved / max(1, len(found)), 3),
    }
    print(f"caption memory: loaded in {load_s:.2f} s, +{memory_mb:.0f} MB resident; {len(found)} photos")
    for label, values in timings.items():
        ordered = sorted(values)
        median, p90 = statistics.median(ordered), ordered[int(0.9 * (len(ordered) - 1))]
        print(f"{label:28s} median {median:6.2f} ms  p90 {p90:6.2f} ms")
        report[label.replace(" ", "_").replace("+", "and")] = {
            "median_ms": round(median, 2),
            "p90_ms": round(p90, 2),
        }
    share = changed / max(1, len(found))
    print(f"the memory changed the spoken caption for {100 * share:.1f} % of photos")
    print(f"a training photo's caption was chosen for {100 * retrieved / max(1, len(found)):.1f} %")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
