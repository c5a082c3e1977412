"""Start fast and light (issue #19): start -> tray visible, start -> model ready, idle RSS with the model
loaded, and whether the app process loaded torch, for each way the app can be installed.

    .venv/bin/python benchmarks/startup_bench.py [--starts 3] [--venv /tmp/whl-venv] [--bundle DIR]

Installs measured: the development checkout (``.venv/bin/python -m assistant run``; it may use the
user cache's ONNX export), a fresh install of the wheel (``--venv``: a venv made by
benchmarks/install_bench.py --keep; an empty cache, so only the shipped ONNX files serve) and the
desktop bundle (``--bundle``: the folder packaging/build_bundle.sh made). Each start runs under its own
Xvfb with trayer as the tray host (tests/app/app_x11kit.py); RSS is the app's process tree's VmRSS
3 s after the model is ready, and again after the first picture (the drawn scene of
scripts/render_sample.py, handed over as ``assistant trigger describe-file`` does: time to the
description done); torch is looked for in the process's memory maps (no cooperation needed).
Targets: tray in at most 1 s, at most 200 MB idle. Prints figures, then one JSON line.
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
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "app"))

from tests.support.xvfb import XvfbServer  # noqa: E402

TRAY_TARGET_S = 1.0
RSS_TARGET_MB = 200.0


def tree_pids(pid: int) -> list[int]:
    """``pid`` and its descendants (the app may start helpers)."""
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return pids


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024.0


def loaded_torch(pids: list[int]) -> bool:
    for pid in pids:
        try:
            if "libtorch" in Path(f"/proc/{pid}/maps").read_text():
                return True
        except OSError:
            pass
    return False


def one_start(command: list[str], installed: bool, work: Path, picture: Path) -> dict[str, Any]:
    from app_x11kit import app_env, send, start_trayer, status, tray_icon, wait_for

    with XvfbServer(1280, 800) as xvfb:
        config = work / "config"
        env = app_env(xvfb.display, config, work / "data")
        env["ASSISTANT_CACHE_DIR"] = str(work / "cache")  # empty: a fresh user's cache
        if installed:
            env.pop("PYTHONPATH", None)  # the installed package, not this checkout
        trayer = start_trayer(env)
        time.sleep(0.5)
        started = time.perf_counter()
        app = subprocess.Popen(
            command, env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_for(lambda: tray_icon(env["DISPLAY"]), 60, "the tray icon", interval=0.01)
            tray_s = time.perf_counter() - started
            wait_for(
                lambda: (s := status(config)) and s["model"] != "loading", 120, "the model", interval=0.05
            )
            ready_s = time.perf_counter() - started
            time.sleep(3.0)
            pids = tree_pids(app.pid)
            figures = {
                "tray_s": tray_s,
                "model_ready_s": ready_s,
                "idle_rss_mb": rss_mb(pids),
                "model": (status(config) or {}).get("model"),
            }
            # The first picture of a fresh start: a file handed over as `assistant trigger describe-file`.
            asked = time.perf_counter()
            send(config, "describe-file", {"path": str(picture)})
            done = wait_for(
                lambda: (s := status(config)) and s["described"] + s["errors"] >= 1 and s, 120, "it"
            )
            figures["first_picture_s"] = time.perf_counter() - asked
            figures["first_picture_text"] = done["last"] or done["last_error"]
            time.sleep(1.0)
            pids = tree_pids(app.pid)
            figures["rss_after_picture_mb"] = rss_mb(pids)
            figures["torch_loaded"] = loaded_torch(pids)
        finally:
            send(config, "quit")
            try:
                app.wait(20)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait(5)
            trayer.terminate()
            trayer.wait(5)
    return figures


def measure(name: str, command: list[str], installed: bool, starts: int, picture: Path) -> dict[str, Any]:
    runs = []
    for _ in range(starts):
        with tempfile.TemporaryDirectory(prefix="asst-start-") as tmp:
            runs.append(one_start(command, installed, Path(tmp), picture))
    summary: dict[str, Any] = {"install": name, "command": " ".join(command), "starts": starts}
    for key in ("tray_s", "model_ready_s", "idle_rss_mb", "first_picture_s", "rss_after_picture_mb"):
        summary[f"{key}_median"] = round(statistics.median(r[key] for r in runs), 3)
    summary["torch_loaded"] = any(r["torch_loaded"] for r in runs)
    summary["model"] = runs[-1]["model"]
    summary["first_picture_text"] = runs[-1]["first_picture_text"]
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start -> tray, model ready and idle RSS (issue #19).")
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--venv", type=Path, help="a fresh install of the wheel (install_bench.py --keep)")
    parser.add_argument("--bundle", type=Path, help="the bundle folder (holds the `assistant` executable)")
    parser.add_argument("--no-dev", action="store_true", help="skip the development checkout")
    args = parser.parse_args(argv)
    installs: list[tuple[str, list[str], bool]] = []
    if not args.no_dev:
        installs.append(("development", [sys.executable, "-m", "assistant", "run"], False))
    if args.venv:
        installs.append(("wheel, fresh venv", [str(args.venv / "bin" / "assistant"), "run"], True))
    if args.bundle:
        installs.append(("desktop bundle", [str(args.bundle / "assistant"), "run"], True))
    sys.path.insert(0, str(REPO / "scripts"))
    from render_sample import render

    with tempfile.TemporaryDirectory(prefix="asst-picture-") as tmp:
        picture = render(Path(tmp) / "scene.png")
        results = [
            measure(name, command, installed, args.starts, picture) for name, command, installed in installs
        ]
    for r in results:
        print(
            f"{r['install']}: start -> tray {r['tray_s_median']:.2f} s (target {TRAY_TARGET_S:.0f}), "
            f"model ready {r['model_ready_s_median']:.2f} s, idle RSS {r['idle_rss_mb_median']:.0f} MB "
            f"(target {RSS_TARGET_MB:.0f}), first picture {r['first_picture_s_median']:.2f} s, RSS after it "
            f"{r['rss_after_picture_mb_median']:.0f} MB, torch loaded: {r['torch_loaded']} "
            f"(median of {r['starts']}; said: {r['first_picture_text']!r})"
        )
    print(json.dumps({"benchmark": "startup", "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
