"""Trigger -> first speech, and the whole understanding, for screens (OCR, no caption needed).

    .venv/bin/python benchmarks/understand_speed.py [--ocr auto] [--repeats 3]

For each screen size: a busy web page (rendered by Chromium) and a terminal, with a window title
as the app has when it captures the active window. Also a repeated capture of the same screen
with one changed line, through ChangeAwareOcr (what the app does for live captures). Prints
medians and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PIL import ImageDraw, ImageFont  # noqa: E402

from assistant.ocr import ChangeAwareOcr, create_ocr_engine  # noqa: E402
from assistant.understand import understand  # noqa: E402
from benchmarks.ocr_engines import timing_images  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ocr", default="auto")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    engine = create_ocr_engine(args.ocr)
    images = timing_images()
    report: dict[str, dict[str, float]] = {}
    for size, imgs in images.items():
        first, total, ocr_ms = [], [], []
        for img in imgs[:3]:
            for _ in range(args.repeats):
                t0 = time.perf_counter()
                heard: list[float] = []
                result = understand(
                    img,
                    captioner=None,
                    ocr=engine,
                    window_title="Example page",
                    app_name="Web Browser",
                    on_sentence=lambda s, h=heard: h.append(time.perf_counter()),
                )
                first.append((heard[0] - t0) * 1000)
                total.append((time.perf_counter() - t0) * 1000)
                ocr_ms.append(result.timings.get("ocr", 0.0))
        # Repeated capture: the same screen with one line of it changed.
        live = ChangeAwareOcr(engine)
        base = imgs[2].copy()
        live.recognize(base)
        changed_ms = []
        for k in range(args.repeats):
            frame = base.copy()
            ImageDraw.Draw(frame).text(
                (14, 44 + 24 * 14),
                f"user@host:~/project$ echo change {k}",
                font=ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 16),
                fill=(220, 220, 220),
            )
            t0 = time.perf_counter()
            live.recognize(frame)
            changed_ms.append((time.perf_counter() - t0) * 1000)
        report[size] = {
            "first_sentence_ms": round(statistics.median(first), 1),
            "total_ms": round(statistics.median(total)),
            "ocr_ms": round(statistics.median(ocr_ms)),
            "ocr_max_ms": round(max(ocr_ms)),
            "changed_line_ocr_ms": round(statistics.median(changed_ms)),
        }
        print(f"{size}: {report[size]}", flush=True)
    print(json.dumps({"benchmark": "understand_speed", "ocr": engine.name, "results": report}))


if __name__ == "__main__":
    main()
