"""Capture speed on real Xvfb screens: grab latency for 1280x800 and 1920x1080, and safe-loading cost.

Prints readable figures, then one JSON line. Run: ``.venv/bin/python benchmarks/capture_bench.py``.
Needs Xvfb (apt: xvfb). Times are wall-clock on this machine; the CPU is shared, so read medians.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PIL import Image, ImageDraw  # noqa: E402

from assistant.capture.image_loading import load_image  # noqa: E402
from assistant.capture.screen import create_screen_source  # noqa: E402
from tests.support.xvfb import XvfbServer  # noqa: E402


def _times_ms(action: Callable[[], object], repeats: int, warmup: int = 3) -> dict[str, float]:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p90 = samples[min(len(samples) - 1, round(0.9 * (len(samples) - 1)))]
    return {"median_ms": round(statistics.median(samples), 2), "p90_ms": round(p90, 2), "n": repeats}


def _busy_picture(width: int, height: int) -> Image.Image:
    """Something screen-like: bars, boxes and text, so PNG/JPEG sizes are realistic."""
    image = Image.new("RGB", (width, height), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 40):
        draw.rectangle((0, y, width, y + 18), fill=((y * 7) % 255, 120, 200))
        draw.text((10, y + 22), f"Line {y}: the quick brown fox jumps over the lazy dog " * 3, fill=(0, 0, 0))
    return image


def bench_screen(width: int, height: int, repeats: int) -> dict[str, object]:
    with XvfbServer(width, height) as server:
        start = time.perf_counter()
        source = create_screen_source(server.display)
        create_ms = (time.perf_counter() - start) * 1000
        with source:
            result: dict[str, object] = {
                "screen": f"{width}x{height}",
                "create_source_ms": round(create_ms, 2),
                "grab_screen": _times_ms(source.grab_screen, repeats),
                "grab_around_pointer_480": _times_ms(lambda: source.grab_around_pointer(480), repeats),
                "pointer_position": _times_ms(source.pointer_position, repeats),
            }
    return result


def bench_loading(width: int, height: int, repeats: int) -> dict[str, dict[str, float]]:
    picture = _busy_picture(width, height)
    out: dict[str, dict[str, float]] = {}
    for fmt in ("PNG", "JPEG"):
        buffer = io.BytesIO()
        picture.save(buffer, fmt)
        data = buffer.getvalue()
        out[f"load_{fmt.lower()}_{width}x{height}"] = {
            **_times_ms(functools.partial(load_image, data), repeats),
            "bytes": len(data),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    results: dict[str, object] = {
        "benchmark": "capture",
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    for width, height in ((1280, 800), (1920, 1080)):
        figures = bench_screen(width, height, args.repeats)
        results[f"screen_{width}x{height}"] = figures
        grab = figures["grab_screen"]
        square = figures["grab_around_pointer_480"]
        assert isinstance(grab, dict) and isinstance(square, dict)
        print(
            f"Xvfb {width}x{height}: grab_screen median {grab['median_ms']} ms, p90 {grab['p90_ms']} ms; "
            f"480px pointer square median {square['median_ms']} ms; "
            f"create_screen_source {figures['create_source_ms']} ms"
        )
    loading = bench_loading(1920, 1080, max(10, args.repeats // 5))
    results.update(loading)
    for name, timings in loading.items():
        timing = f"median {timings['median_ms']} ms, p90 {timings['p90_ms']} ms"
        print(f"{name} ({timings['bytes']:.0f} bytes): {timing}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
