"""Where the file path's OCR spends its CPU, stage by stage, on the screen set; raw tesseract for scale.

    nice .venv/bin/python benchmarks/ocr_stages.py [--half A] [--every 9] [--only ID ...]

Each screen (datasets/screens) is read as ``screen_reading.py``'s assistant reader reads it, by the
text stage of :func:`assistant.understand.compose.understand` (``_run_ocr``: the panes, tesseract,
the second look, the gaps and the titles), and read cold: the line reader's memory is emptied
first, as a screen never seen before finds it. CPU time, not wall: on the shared machine wall time
follows the neighbours. Per screen: the whole text stage's CPU and wall, the CPU inside each stage
(inclusive: a stage's figure holds those of the stages it calls; tesseract's stripes run side by
side, so their reading's figure counts every stripe's thread), and ``tesseract <png> - --psm 3``'s
CPU and wall (the issue's yardstick, its OpenMP threads held to the cores). The windows of a
screen and the recogniser's strips are read one after another here (their pools held to one
worker) so that each stage's CPU is its own; the readings are the same either way. Prints a
table of medians and one JSON line.
"""

from __future__ import annotations

import argparse
import functools
import json
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SCREENS = REPO / "datasets" / "screens"

RAW = "raw psm3 cores"  # raw tesseract, its OpenMP threads held to the cores

_spent: dict[str, float] = {}
_lock = threading.Lock()


def _cpu_s() -> float:
    """CPU seconds of this process (all threads) and its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(owner: Any, name: str, label: str) -> None:
    """``owner.name`` replaced by itself counting the process's CPU spent while it runs under ``label``."""
    func: Callable[..., Any] | None = getattr(owner, name, None)
    if func is None:  # renamed or gone: that stage is left out
        return

    @functools.wraps(func)
    def counted(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            with _lock:
                _spent[label] = _spent.get(label, 0.0) + time.process_time() - start

    setattr(owner, name, counted)


def _instrument() -> None:
    import onnxruntime

    from assistant.ocr import glyph_reading, line_reader, pane_reading, ppocr_recognize, second_look, tess_api
    from assistant.ocr import tesseract as tess
    from assistant.understand import compose

    pane_reading.available_cores = lambda: 1  # type: ignore[assignment]  # windows one after another
    line_reader.available_cores = lambda: 1  # type: ignore[assignment]  # strips one after another
    for name in ("find_panels", "unframed", "read_panes", "gaps_and_titles"):
        _timed(compose, name, name)
    _timed(glyph_reading.GlyphFirstOcr, "recognize", "first engine (glyphs + tesseract)")
    _timed(glyph_reading, "read_glyphs", "read_glyphs")
    _timed(tess.TesseractEngine, "read_sheet", "tesseract sheets (gaps, titles)")
    for name in ("plain_rows", "ink_grey", "invert_dark_areas", "remove_rules"):
        _timed(tess, name, f"tesseract prep: {name}")
    _timed(tess_api.TessModels, "read_tsv", "tesseract reading (all stripes)")
    _timed(second_look.SecondLookOcr, "recognize", "second look (all)")
    for name in (
        "ink_map",
        "faint_read",
        "font_sure",
        "unread_places",
        "keypad_keys",
        "tidied_box",
        "vote_glyphs",
    ):
        _timed(second_look, name, f"look: {name}")
    _timed(second_look, "read_places", "look: read_places (cut + recogniser)")
    _timed(line_reader, "_upright", "recogniser: line pictures made upright")
    _timed(ppocr_recognize, "decode", "recogniser: decode")
    _timed(onnxruntime.InferenceSession, "run", "recogniser: onnxruntime runs")


def _screens(half: str, every: int, only: list[str] | None) -> list[str]:
    truths = [json.loads(f.read_text(encoding="utf-8")) for f in sorted((SCREENS / "truth").glob("*.json"))]
    ids = [t["id"] for t in truths if t["split"] == half]
    return [i for i in ids if i in only] if only else ids[::every]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=["A", "B"], default="A")
    parser.add_argument("--every", type=int, default=9, help="every n-th screen of the half (sorted by id)")
    parser.add_argument("--only", nargs="*", help="these screen ids (within the half)")
    args = parser.parse_args()
    ids = _screens(args.half, args.every, args.only)
    if not ids:
        raise SystemExit("no screens: run datasets/screens/capture.py first")
    _instrument()
    from screen_reading import TesseractCoresReader

    from assistant.ocr import create_ocr_engine
    from assistant.understand.compose import _run_ocr

    engine = create_ocr_engine("auto")
    reader = getattr(engine, "reader", None)
    with Image.open(SCREENS / "png" / f"{ids[0]}.png") as img:
        _run_ocr(engine, img.convert("RGB"), True)  # models loaded before any figure is taken
    # Raw tesseract's OpenMP held to the cores: its four threads on two cores wait on each other,
    # and the CPU they spend waiting is no work.
    raw_env = TesseractCoresReader().env
    rows: list[dict[str, Any]] = []
    for screen in ids:
        png = SCREENS / "png" / f"{screen}.png"
        with Image.open(png) as img:
            image = img.convert("RGB")
        if reader is not None:
            reader._memory.clear()  # read cold
        _spent.clear()
        cpu, wall = _cpu_s(), time.perf_counter()
        _run_ocr(engine, image, True)
        row: dict[str, Any] = {
            "id": screen,
            "size": f"{image.width}x{image.height}",
            "ocr cpu": (_cpu_s() - cpu) * 1000,
            "ocr wall": (time.perf_counter() - wall) * 1000,
        }
        row.update({k: v * 1000 for k, v in _spent.items()})
        cpu, wall = _cpu_s(), time.perf_counter()
        subprocess.run(
            ["tesseract", str(png), "-", "--psm", "3"],
            capture_output=True,
            check=False,
            timeout=300,
            env=raw_env,
        )
        row[f"{RAW} cpu"], row[f"{RAW} wall"] = (
            (_cpu_s() - cpu) * 1000,
            (time.perf_counter() - wall) * 1000,
        )
        rows.append(row)
        print(
            f"read {screen}: cpu {row['ocr cpu']:.0f} ms, {RAW} {row[f'{RAW} cpu']:.0f} ms",
            file=sys.stderr,
        )
    stages = {k for r in rows for k in r if k not in ("id", "size")}
    medians = {k: round(statistics.median(r.get(k, 0.0) for r in rows)) for k in stages}
    print(f"\n{len(rows)} screens of half {args.half}, median ms (CPU unless wall):")
    for name in sorted(medians, key=lambda k: -medians[k]):
        print(f"  {name:44s} {medians[name]:6d}")
    sizes = sorted({r["size"] for r in rows})
    by_size = {
        s: {
            k: round(statistics.median(r[k] for r in rows if r["size"] == s))
            for k in ("ocr cpu", f"{RAW} cpu")
        }
        for s in sizes
    }
    for s, figures in by_size.items():
        print(f"  {s}: ocr cpu {figures['ocr cpu']} ms, {RAW} cpu {figures[f'{RAW} cpu']} ms")
    ratio = statistics.median(r["ocr cpu"] for r in rows) / statistics.median(r[f"{RAW} cpu"] for r in rows)
    print(
        json.dumps(
            {
                "screens": len(rows),
                "median_ms": medians,
                "by_size": by_size,
                "cpu_ratio_to_psm3_cores": round(ratio, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
