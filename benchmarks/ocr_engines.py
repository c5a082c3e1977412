"""OCR engines on the rendered screen set: word recall, reading order, and time per screen size.

    .venv/bin/python benchmarks/ocr_engines.py [--engines tesseract+second-look,tesseract,rapidocr]

Prints a table per engine variant and one JSON line at the end. Times are wall-clock on this
machine (2 cores, shared) and CPU time, medians of the runs; run it on an idle machine for clean
wall-clock figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.ocr import OcrEngine  # noqa: E402
from assistant.ocr.rapid import RapidOcrEngine  # noqa: E402
from assistant.ocr.tesseract import TesseractEngine  # noqa: E402
from tests.fixtures_screens import (  # noqa: E402
    html_pages,
    load_fixtures,
    order_correct,
    pillow_scenes,
    word_recall,
)


def _second_look() -> OcrEngine:
    """What ``auto`` gives: tesseract, then PP-OCR's recogniser on what it left unread or was unsure
    of (assistant/ocr/second_look.py)."""
    from assistant.ocr.line_reader import LineReader
    from assistant.ocr.second_look import SecondLookOcr

    return SecondLookOcr(TesseractEngine(min_confidence=0.0), LineReader())


VARIANTS = {
    "tesseract+second-look": _second_look,
    "tesseract": lambda: TesseractEngine(),
    "tesseract-1proc": lambda: TesseractEngine(processes=1),
    "tesseract-x1": lambda: TesseractEngine(scale=1.0),
    "rapidocr": lambda: RapidOcrEngine(),
    "rapidocr-max1280": lambda: RapidOcrEngine(max_side=1280),
}


def _cpu_s() -> float:
    """CPU seconds of this process (all threads) and its finished children (tesseract runs).

    On a shared machine wall time depends on the neighbours; CPU time much less. On an idle
    2-core machine tesseract's wall time is about half its CPU time (two stripes at once)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timing_images() -> dict[str, list]:
    """Busy screens at both sizes: a web page, a terminal, a two-column document."""
    out = REPO / ".cache" / "fixtures_screens" / "timing"
    images: dict[str, list] = {}
    for w, h in ((1280, 800), (1920, 1080)):
        key = f"{w}x{h}"
        images[key] = []
        for page in (html_pages.news_two_column(), html_pages.docs_sidebar()):
            path = out / f"{page.name}_{key}.png"
            img = html_pages.render_html(page, path, (w, h)) if not path.exists() else None
            from PIL import Image

            images[key].append(img or Image.open(path).convert("RGB"))
        images[key].append(pillow_scenes.terminal("terminal_build", (w, h)))
        images[key].append(pillow_scenes.document_page(2, 2, "Field notes on coastal birds", (w, h))[0])
    return images


def evaluate(engine: OcrEngine, fixtures: list, timing: dict[str, list], repeats: int) -> dict:
    engine.recognize(fixtures[0].image())  # warm-up: model load
    recalls, order_ok, order_total, per_fixture = [], 0, 0, {}
    screen_found = screen_total = 0.0
    for fx in fixtures:
        if not fx.texts:
            continue
        result = engine.recognize(fx.image())
        text = result.text
        recall, missing = word_recall(fx.texts, text)
        recalls.append(recall)
        if fx.kind != "photo":  # pooled over the words of every screen, document and mixed page
            n = sum(len(t.split()) for t in fx.texts)
            screen_found += recall * n
            screen_total += n
        entry: dict[str, Any] = {"recall": round(recall, 4), "ms": round(result.elapsed_ms)}
        if missing:
            entry["missing"] = missing[:12]
        if fx.anchors:
            ok, problems = order_correct(fx.anchors, text)
            order_total += 1
            order_ok += ok
            entry["order_ok"] = ok
            if problems:
                entry["order_problems"] = problems[:5]
        per_fixture[fx.name] = entry
    times = {}
    for size, images in timing.items():
        samples, cpu = [], []
        for img in images:
            for _ in range(repeats):
                t0, c0 = time.perf_counter(), _cpu_s()
                engine.recognize(img)
                samples.append((time.perf_counter() - t0) * 1000)
                cpu.append((_cpu_s() - c0) * 1000)
        times[size] = {
            "median_ms": round(statistics.median(samples)),
            "max_ms": round(max(samples)),
            "median_cpu_ms": round(statistics.median(cpu)),
        }
    return {
        "pooled_screen_recall": round(screen_found / screen_total, 4),
        "mean_recall": round(statistics.mean(recalls), 4),
        "min_recall": round(min(recalls), 4),
        "pooled_fixtures": len(recalls),
        "order_correct": f"{order_ok}/{order_total}",
        "times": times,
        "fixtures": per_fixture,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engines", default=",".join(VARIANTS))
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    fixtures = load_fixtures()
    timing = timing_images()
    summary = {}
    for name in args.engines.split(","):
        engine = VARIANTS[name]()
        res = evaluate(engine, fixtures, timing, args.repeats)
        summary[name] = {k: v for k, v in res.items() if k != "fixtures"}
        print(
            f"== {name}: pooled screen recall {res['pooled_screen_recall']:.3f}, "
            f"recall mean {res['mean_recall']:.3f} min {res['min_recall']:.3f} "
            f"order {res['order_correct']} times {res['times']}",
            flush=True,
        )
        for fx_name, entry in res["fixtures"].items():
            if args.verbose or entry["recall"] < 0.95 or entry.get("order_ok") is False:
                print(f"   {fx_name}: {entry}")
    print(json.dumps({"benchmark": "ocr_engines", "results": summary}))


if __name__ == "__main__":
    main()
