"""Big pictures through ``assistant describe``: peak memory, time, and the same words as at 4 MP.

Issue #18, item 5: an 88-megapixel photo cost 3.0-3.1 GB and 16-24 s, a 48 MP phone photo 1.75 GB.
The pictures are made here at run time (a photo-like scene upscaled, never committed), described in a
fresh child process each (peak RSS from ``wait4``), and compared with the same picture scaled to 4 MP.
Prints figures and one JSON line. Usage: ``python benchmarks/big_picture.py [--png]`` (``--png`` adds
an 88 MP PNG, slow to write).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

REPO = Path(__file__).resolve().parents[1]
LIMIT_MB = 1024


def scene(width: int, height: int) -> Image.Image:
    """A photo-like scene (noisy colour field, a bright disc, a horizon) drawn small and upscaled."""
    rng = np.random.default_rng(18)
    y, x = np.mgrid[0:360, 0:480]
    pixels = np.stack([x / 480 * 160 + 40, y / 360 * 120 + 60, (x + y) / 840 * 220 + 20], -1)
    pixels = np.clip(pixels + rng.normal(0, 28, pixels.shape), 0, 255).astype(np.uint8)
    small = Image.fromarray(pixels).filter(ImageFilter.GaussianBlur(1.2))
    draw = ImageDraw.Draw(small)
    draw.ellipse((300, 60, 380, 140), fill=(250, 220, 120))
    draw.polygon([(0, 260), (140, 200), (300, 250), (480, 210), (480, 360), (0, 360)], fill=(60, 90, 50))
    return small.resize((width, height), Image.Resampling.BICUBIC)


def describe(path: Path) -> dict[str, object]:
    """``assistant describe PATH --json`` in a fresh process: its result, wall time and peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "describe", str(path), "--json", "--no-speak"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    lines = [line for line in out.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {"text": None, "error": err.strip()[-300:]}
    return {
        "rc": proc.returncode,
        "seconds": round(seconds, 2),
        "peak_mb": round(usage.ru_maxrss / 1024, 1),
        "text": result.get("text"),
        "kind": result.get("kind"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--png", action="store_true", help="also an 88 MP PNG (slow to write)")
    args = parser.parse_args()
    cases = [("88 MP JPEG", (11484, 7656), "JPEG"), ("48 MP JPEG", (8000, 6000), "JPEG")]
    if args.png:
        cases.append(("88 MP PNG", (11484, 7656), "PNG"))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name, size, fmt in cases:
            picture = scene(*size)
            path = Path(folder) / f"big.{fmt.lower()}"
            picture.save(path, fmt, **({"quality": 90} if fmt == "JPEG" else {"compress_level": 1}))
            scale = (4_000_000 / (size[0] * size[1])) ** 0.5
            reference = Path(folder) / "four-mp.png"
            picture.resize((round(size[0] * scale), round(size[1] * scale)), Image.Resampling.LANCZOS).save(
                reference
            )
            del picture
            big, small = describe(path), describe(reference)
            row = {
                "case": name,
                "megapixels": round(size[0] * size[1] / 1e6, 1),
                **big,
                "text_at_4mp": small["text"],
                "same_text": big["text"] == small["text"],
                "under_limit": big["peak_mb"] <= LIMIT_MB,  # type: ignore[operator]
            }
            rows.append(row)
            print(
                f"{name}: rc {row['rc']}, {row['seconds']} s, peak {row['peak_mb']} MB "
                f"(limit {LIMIT_MB}), {row['kind']}: {row['text']!r}; at 4 MP: {small['text']!r} "
                f"({small['peak_mb']} MB) -> same: {row['same_text']}"
            )
            path.unlink()
    print(json.dumps({"benchmark": "big_picture", "limit_mb": LIMIT_MB, "cases": rows}))
    return 0 if all(r["under_limit"] and r["same_text"] and r["rc"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
