"""How tesseract and the recogniser are run: side by side on the screen set, in one process.

    .venv/bin/python benchmarks/ocr_backends.py [--half A] [--every 2]

Per screen (datasets/screens, the file path's engine without its second look):
- tesseract's page reading through the ``tesseract`` program (a process per stripe, the model loaded
  each time) and through the library in this process (models loaded once, assistant/ocr/tess_api.py),
  alternating which goes first; wall time and CPU time (this process's threads, and its children);
  whether both read the same words; and a raw ``tesseract <png> - --psm 3`` for scale;
- PP-OCR's recogniser on the lines tesseract found (cut out, as the second look cuts its places),
  in batches of six (RapidOCR's) and one at a time (assistant/ocr/ppocr_recognize.py).

Prints medians and one JSON line. The machine is shared: compare the columns of one run only.
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
from typing import Any

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.ocr.line_reader import LineReader, line_reader_available  # noqa: E402
from assistant.ocr.ppocr_recognize import RecognizeConfig  # noqa: E402
from assistant.ocr.tess_api import in_process_available  # noqa: E402
from assistant.ocr.tesseract import TesseractEngine  # noqa: E402

SCREENS = REPO / "datasets" / "screens"


def _cpu() -> float:
    """CPU seconds of this process (all threads) and its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(run: Any) -> tuple[Any, float, float]:
    cpu, wall = _cpu(), time.perf_counter()
    out = run()
    return out, (time.perf_counter() - wall) * 1000, (_cpu() - cpu) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=["A", "B", "all"], default="A")
    parser.add_argument("--every", type=int, default=1, help="every n-th screen (sorted by id)")
    args = parser.parse_args()
    if not in_process_available():
        sys.exit("libtesseract cannot be read in this process here: nothing to compare")
    truths = [json.loads(f.read_text(encoding="utf-8")) for f in sorted((SCREENS / "truth").glob("*.json"))]
    ids = [t["id"] for t in truths if args.half == "all" or t["split"] == args.half][:: args.every]
    engines = {"program": TesseractEngine(in_process=False), "library": TesseractEngine(in_process=True)}
    reader = LineReader() if line_reader_available() else None
    configs = {"batch 6": RecognizeConfig(batch=6), "batch 1": RecognizeConfig(batch=1)}
    rows: list[dict[str, Any]] = []
    for k, screen in enumerate(ids):
        png = SCREENS / "png" / f"{screen}.png"
        image = Image.open(png).convert("RGB")
        row: dict[str, Any] = {"id": screen}
        read: dict[str, list[str]] = {}
        for name in sorted(engines, reverse=k % 2 == 1):
            result, wall, cpu = _timed(lambda e=engines[name], i=image: e.recognize(i))
            read[name] = [w.text for ln in result.lines for w in ln.words]
            row[f"{name} ms"], row[f"{name} cpu"] = wall, cpu
            lines = result.lines
        row["same words"] = read["program"] == read["library"]
        _, row["raw psm3 ms"], row["raw psm3 cpu"] = _timed(
            lambda p=png: subprocess.run(
                ["tesseract", str(p), "-", "--psm", "3"], capture_output=True, check=False
            )
        )
        if reader is not None and lines:
            rgb = np.asarray(image)
            crops = [
                rgb[ln.box[1] : ln.box[3], ln.box[0] : ln.box[2]] for ln in lines if ln.box[3] > ln.box[1]
            ]
            for name in sorted(configs, reverse=k % 2 == 1):
                reader.config = configs[name]
                _, row[f"rec {name} ms"], _ = _timed(lambda c=crops: reader.read(c))
        rows.append(row)
        print(
            json.dumps({key: round(v) if isinstance(v, float) else v for key, v in row.items()}), flush=True
        )
    keys = [key for key in rows[0] if key not in ("id", "same words")]
    medians = {key: round(statistics.median(r[key] for r in rows if key in r)) for key in keys}
    same = sum(r["same words"] for r in rows)
    print(f"\n{len(rows)} screens of half {args.half}; tesseract's words the same both ways on {same}")
    for key in keys:
        print(f"  {key:18s} median {medians[key]:6d}")
    print(
        json.dumps(
            {"benchmark": "ocr_backends", "half": args.half, "screens": len(rows), "same_words": same}
            | medians
        )
    )


if __name__ == "__main__":
    main()
