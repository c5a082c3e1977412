"""Kind classifier accuracy: the rendered screen set plus 200 val photos of the shared data.

    .venv/bin/python benchmarks/understand_kind.py [--photos 200] [--ocr tesseract] [--dump scores.json]
    .venv/bin/python benchmarks/understand_kind.py --size 1920x1080 --photo-offset 200 --photos 300

The thresholds were set by looking at the first form (1280x800 renders, val photos 0-199); the
second re-lays the same pages at 1920x1080 and uses 300 other photos, as a held-out check.

The photos are READ from ../shared/data/flickr8k (val split, sorted, first N distinct images)
and never copied. Prints a confusion matrix, per-kind accuracy and one JSON line.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.ocr import create_ocr_engine  # noqa: E402
from assistant.understand.classify import KINDS, classify_kind  # noqa: E402
from tests.fixtures_screens import load_fixtures  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "flickr8k"


def val_photos(n: int, offset: int = 0) -> list[Path]:
    with open(DATA / "captions.tsv", encoding="utf-8") as f:
        names = sorted({row["image"] for row in csv.DictReader(f, delimiter="\t") if row["split"] == "val"})
    return [DATA / "images" / name for name in names[offset : offset + n]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--ocr", default="auto")
    parser.add_argument("--dump", type=Path)
    parser.add_argument(
        "--photo-offset", type=int, default=0, help="skip this many val photos (held-out: 200)"
    )
    parser.add_argument(
        "--size", default="1280x800", help="screen size of the rendered set (held-out: 1920x1080)"
    )
    args = parser.parse_args()
    engine = create_ocr_engine(args.ocr)
    w, h = (int(v) for v in args.size.split("x"))
    fixtures = load_fixtures(size=(w, h))
    items: list[tuple[str, str, Image.Image]] = [(fx.name, fx.kind, fx.image()) for fx in fixtures]
    for path in val_photos(args.photos, args.photo_offset):
        with Image.open(path) as im:
            items.append((path.name, "photo", im.convert("RGB")))
    confusion: Counter[tuple[str, str]] = Counter()
    rows = []
    classify_ms = []
    wrong = []
    for name, label, image in items:
        ocr = engine.recognize(image)
        t0 = time.perf_counter()
        result = classify_kind(image, ocr)
        classify_ms.append((time.perf_counter() - t0) * 1000)
        confusion[(label, result.kind)] += 1
        rows.append(
            {
                "name": name,
                "label": label,
                "kind": result.kind,
                "regions": len(result.photo_regions),
                **{k: round(v, 4) for k, v in result.scores.items()},
            }
        )
        if label != result.kind:
            wrong.append(rows[-1])
    total = len(items)
    correct = sum(v for (a, b), v in confusion.items() if a == b)
    screens = [r for r in rows if not r["name"].endswith(".jpg")]
    screen_acc = sum(r["label"] == r["kind"] for r in screens) / len(screens)
    photos = [r for r in rows if r["name"].endswith(".jpg")]
    photo_acc = sum(r["kind"] == "photo" for r in photos) / max(1, len(photos))
    print("label \\ predicted " + " ".join(f"{k:>9}" for k in KINDS))
    for label in KINDS:
        print(f"{label:>17} " + " ".join(f"{confusion[(label, k)]:>9}" for k in KINDS))
    print(
        f"accuracy {correct}/{total} = {correct / total:.3f}; "
        f"rendered set {screen_acc:.3f} ({len(screens)}), "
        f"val photos {photo_acc:.3f} ({len(photos)}); "
        f"classify median {sorted(classify_ms)[len(classify_ms) // 2]:.1f} ms"
    )
    for r in wrong:
        print("  wrong:", r)
    if args.dump:
        args.dump.write_text(json.dumps(rows, indent=1))
    print(
        json.dumps(
            {
                "benchmark": "understand_kind",
                "accuracy": round(correct / total, 4),
                "n": total,
                "rendered_accuracy": round(screen_acc, 4),
                "photo_accuracy": round(photo_acc, 4),
                "ocr": engine.name,
                "size": args.size,
                "photo_offset": args.photo_offset,
            }
        )
    )


if __name__ == "__main__":
    main()
