"""Start fast and light (issue #19): start -> tray visible, start -> model ready, idle RSS with the model
loaded, and whether the app process loaded torch, for each way the app can be installed.

    .venv/bin/python benchmarks/startup_bench.py [--starts 3] [--venv /tmp/whl-venv] [--bundle DIR]
                                                 [--repo CHECKOUT] [--cache ~/.cache/assistant]

Installs measured: the development checkout (``.venv/bin/python -m assistant run`` on ``--repo``, this
one by default: before/after figures run an older commit's copy; ``--cache``: a user cache holding the
ONNX export, copied, else an empty one), a fresh install of the wheel (``--venv``: a venv made by
benchmarks/install_bench.py --keep; an empty cache, so only the shipped ONNX files serve) and the
desktop bundle (``--bundle``: the folder packaging/build_bundle.sh made). Each start runs under its own
Xvfb with trayer as the tray host (tests/app/app_x11kit.py ``app_started``); idle RSS is the app's
process tree's VmRSS 2 s after the warm-up that follows "model ready" has finished (its log line),
and 1 s and 6 s after the first picture (the drawn scene of scripts/render_sample.py, handed over
as ``assistant trigger describe-file`` does: time to the description done; the app trims 3 s after
a description); then, after a quiet spell (``--release-wait``: until the app logs that it let go of
what it reopens on need, "idle: let go of", assistant/app/worker.py, at most that many seconds), the
RSS 2 s later and the time of a picture then (it reopens what was let go) and of one more; torch is
looked for in the process's memory maps (no cooperation needed). The load average is printed (the
machine is shared: compare runs made side by side). Targets: tray in at most 1 s, at most 200 MB
idle. Prints figures, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
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


def rss_by_mapping(pid: int, top: int = 12) -> dict[str, float]:
    """What holds the process's RSS (MB), from /proc/PID/smaps: each shared library by file name,
    model or data files mapped, and anonymous memory (malloc heaps and arenas, onnxruntime's and
    numpy's buffers, thread stacks) as "anonymous"; the ``top`` largest, the rest summed as "other"."""
    sizes: dict[str, float] = {}
    name = "anonymous"
    try:
        lines = Path(f"/proc/{pid}/smaps").read_text().splitlines()
    except OSError:
        return {}
    for line in lines:
        head = line.split(maxsplit=5)
        if len(head) >= 5 and "-" in head[0] and not head[0].endswith(":"):
            path = head[5] if len(head) > 5 else ""
            name = Path(path).name if path.startswith("/") else "anonymous"
        elif line.startswith("Rss:"):
            sizes[name] = sizes.get(name, 0.0) + int(line.split()[1]) / 1024.0
    ranked = sorted(sizes.items(), key=lambda item: -item[1])
    out = {key: round(value, 1) for key, value in ranked[:top]}
    out["other"] = round(sum(value for _, value in ranked[top:]), 1)
    return out


def loaded_torch(pids: list[int]) -> bool:
    for pid in pids:
        try:
            if "libtorch" in Path(f"/proc/{pid}/maps").read_text():
                return True
        except OSError:
            pass
    return False


def cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds of ``pids`` (their threads included), from /proc."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def wait_warm(pid: int, log: Path, window: float = 1.0, busy_s: float = 0.03, timeout: float = 120) -> float:
    """Seconds until the warm-up that follows "model ready" is done: its log line ("describer warmed
    up", assistant/app/worker.py; the app runs with ``-v`` so INFO lines are written), or, for an app
    that logs none, its process tree using under ``busy_s`` CPU in ``window``; at most ``timeout``."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if "describer warmed up" in log.read_text(errors="replace"):
            break
        before = cpu_s(tree_pids(pid))
        time.sleep(window)
        if "warm" not in log.read_text(errors="replace") and cpu_s(tree_pids(pid)) - before < busy_s:
            break
    return time.perf_counter() - started


def wait_logged(log: Path, line: str, timeout: float) -> float:
    """Seconds until ``line`` is in the app's log, at most ``timeout`` (an app that never logs it)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout and line not in log.read_text(errors="replace"):
        time.sleep(0.2)
    return time.perf_counter() - started


def one_start(
    command: list[str],
    installed: bool,
    work: Path,
    picture: Path,
    repo: Path,
    cache: Path | None,
    release_wait: float = 0.0,
) -> dict[str, Any]:
    from app_x11kit import app_env, app_started, send, status, wait_for

    with XvfbServer(1280, 800) as xvfb:
        config = work / "config"
        env = app_env(xvfb.display, config, work / "data")
        env["PYTHONPATH"] = str(repo)  # the checkout measured (--repo)
        env["ASSISTANT_CACHE_DIR"] = str(work / "cache")  # empty: a fresh user's cache
        if cache is not None:  # --cache: a cache holding the model's ONNX export (checkouts ship none)
            shutil.copytree(cache, work / "cache")
        if installed:
            env.pop("PYTHONPATH", None)  # the installed package, not this checkout
        log = work / "app.log"
        with app_started(command, env, config, cwd=work, log=log) as app:
            figures: dict[str, Any] = {"tray_s": app.tray_s, "model_ready_s": app.model_ready_s}
            # Idle = the warm-up after "ready" has finished, then 2 s more.
            figures["warm_up_s"] = wait_warm(app.process.pid, log)
            time.sleep(2.0)
            pids = tree_pids(app.process.pid)
            figures["idle_rss_mb"] = rss_mb(pids)
            figures["idle_rss_by_mapping_mb"] = rss_by_mapping(app.process.pid)
            figures["model"] = (status(config) or {}).get("model")
            # The first picture of a fresh start: a file handed over as `assistant trigger describe-file`.
            asked = time.perf_counter()
            send(config, "describe-file", {"path": str(picture)})
            done = wait_for(
                lambda: (s := status(config)) and s["described"] + s["errors"] >= 1 and s, 120, "it"
            )
            figures["first_picture_s"] = time.perf_counter() - asked
            figures["first_picture_text"] = done["last"] or done["last_error"]
            time.sleep(1.0)
            pids = tree_pids(app.process.pid)
            figures["rss_after_picture_mb"] = rss_mb(pids)
            time.sleep(5.0)  # idle again: the worker gives freed memory back 3 s after a description
            figures["rss_idle_after_picture_mb"] = rss_mb(tree_pids(app.process.pid))
            if release_wait > 0:  # a quiet spell: the app lets go of what it reopens on need
                wait_logged(log, "idle: let go of", release_wait)
                figures["released"] = "idle: let go of" in log.read_text(errors="replace")
                time.sleep(2.0)
                figures["rss_released_mb"] = rss_mb(tree_pids(app.process.pid))
                figures["released_by_mapping_mb"] = rss_by_mapping(app.process.pid)
                for count, key in ((2, "picture_after_release_s"), (3, "picture_again_s")):
                    asked = time.perf_counter()
                    send(config, "describe-file", {"path": str(picture)})
                    wait_for(
                        lambda n=count: (s := status(config)) and s["described"] + s["errors"] >= n, 120, "it"
                    )
                    figures[key] = time.perf_counter() - asked
            figures["torch_loaded"] = loaded_torch(pids)
    return figures


@dataclass(frozen=True)
class Install:
    """One way the app is installed and started; ``repo``: the checkout (development installs)."""

    name: str
    command: list[str]
    installed: bool
    repo: Path | None = None


SUMMARY_KEYS = (
    "tray_s",
    "model_ready_s",
    "warm_up_s",
    "idle_rss_mb",
    "first_picture_s",
    "rss_after_picture_mb",
    "rss_idle_after_picture_mb",
    "rss_released_mb",
    "picture_after_release_s",
    "picture_again_s",
)


def summarise(install: Install, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over the starts, and the last start's texts and RSS by mapping."""
    summary: dict[str, Any] = {"install": install.name, "command": " ".join(install.command)}
    summary.update(starts=len(runs), repo=None if install.repo is None else str(install.repo))
    for key in SUMMARY_KEYS:
        if all(key in r for r in runs):
            summary[f"{key}_median"] = round(statistics.median(r[key] for r in runs), 3)
    if all("released" in r for r in runs):
        summary["released"] = [r["released"] for r in runs]
        summary["released_by_mapping_mb"] = runs[-1]["released_by_mapping_mb"]
    summary["torch_loaded"] = any(r["torch_loaded"] for r in runs)
    summary["model"] = runs[-1]["model"]
    summary["first_picture_text"] = runs[-1]["first_picture_text"]
    summary["idle_rss_by_mapping_mb"] = runs[-1]["idle_rss_by_mapping_mb"]  # the last start's
    return summary


def measure(
    installs: list[Install], starts: int, picture: Path, cache: Path | None, release_wait: float
) -> list[dict[str, Any]]:
    """Each install started ``starts`` times, taking turns (A B A B ...: a shared machine's load
    then falls on all of them alike)."""
    runs: list[list[dict[str, Any]]] = [[] for _ in installs]
    for _ in range(starts):
        for install, mine in zip(installs, runs, strict=True):
            with tempfile.TemporaryDirectory(prefix="asst-start-") as tmp:
                repo = install.repo or REPO
                user_cache = None if install.installed else cache
                mine.append(
                    one_start(
                        install.command, install.installed, Path(tmp), picture, repo, user_cache, release_wait
                    )
                )
    return [summarise(install, mine) for install, mine in zip(installs, runs, strict=True)]


def report(r: dict[str, Any]) -> None:
    said = r["first_picture_text"]
    print(
        f"{r['install']} ({r['repo'] or 'installed'}): start -> tray {r['tray_s_median']:.2f} s "
        f"(target {TRAY_TARGET_S:.0f}), model ready {r['model_ready_s_median']:.2f} s, warm-up done "
        f"{r['warm_up_s_median']:.1f} s later, idle RSS {r['idle_rss_mb_median']:.0f} MB "
        f"(target {RSS_TARGET_MB:.0f}), first picture {r['first_picture_s_median']:.2f} s, "
        f"RSS 1 s after it {r['rss_after_picture_mb_median']:.0f} MB and 6 s after "
        f"{r['rss_idle_after_picture_mb_median']:.0f} MB, torch loaded: {r['torch_loaded']} "
        f"(median of {r['starts']}; said: {said!r})"
    )
    if "rss_released_mb_median" in r:
        print(
            f"  after a quiet spell (let go: {r['released']}): RSS {r['rss_released_mb_median']:.0f} MB, "
            f"a picture then {r['picture_after_release_s_median']:.2f} s, the next "
            f"{r['picture_again_s_median']:.2f} s"
        )
    mapping = r["idle_rss_by_mapping_mb"]
    print("  idle RSS by mapping (MB): " + ", ".join(f"{k} {v}" for k, v in mapping.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start -> tray, model ready and idle RSS (issue #19).")
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--venv", type=Path, help="a fresh install of the wheel (install_bench.py --keep)")
    parser.add_argument("--bundle", type=Path, help="the bundle folder (holds the `assistant` executable)")
    parser.add_argument("--no-dev", action="store_true", help="skip the development checkout")
    parser.add_argument(
        "--repo",
        type=Path,
        action="append",
        help="the checkout measured (default this one); give it again to measure several side by side, "
        "e.g. a copy of an older commit and this one",
    )
    parser.add_argument(
        "--cache", type=Path, help="a user cache to start the checkout with (copied), e.g. ~/.cache/assistant"
    )
    parser.add_argument(
        "--release-wait",
        type=float,
        default=75.0,
        help="seconds to wait, after the first picture, for the app to let go of what it reopens on "
        "need (it does after a quiet minute); 0: skip that part",
    )
    args = parser.parse_args(argv)
    installs: list[Install] = []
    if not args.no_dev:
        dev = [sys.executable, "-m", "assistant", "-v", "run"]
        installs += [Install("development", dev, False, repo.resolve()) for repo in args.repo or [REPO]]
    if args.venv:
        installs.append(
            Install("wheel, fresh venv", [str(args.venv / "bin" / "assistant"), "-v", "run"], True)
        )
    if args.bundle:
        installs.append(Install("desktop bundle", [str(args.bundle / "assistant"), "-v", "run"], True))
    sys.path.insert(0, str(REPO / "scripts"))
    from render_sample import render

    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="asst-picture-") as tmp:
        picture = render(Path(tmp) / "scene.png")
        results = measure(installs, args.starts, picture, args.cache, args.release_wait)
    print(f"load average after: {os.getloadavg()}")
    for r in results:
        report(r)
    print(json.dumps({"benchmark": "startup", "load_average_after": os.getloadavg(), "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
