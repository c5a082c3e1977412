"""Benchmark the tray app on Xvfb 1920x1080 with the shipped model (figures, then one JSON line).

    .venv/bin/python benchmarks/app_bench.py [--runs 20] [--cycles 500] [--starts 3] [--model DIR]
                                             [--content text|photo] [--photo FILE]

Measures, on this machine:

* trigger → first text handed to the speech backend, for *describe screen* (median, p90); the
  trigger is the command arriving in the app, as from a hotkey; OCR time, when the describer
  reports one, is also given and subtracted ("excluding OCR");
* start → tray icon visible (`python -m assistant run` and `python -m assistant.app`, with trayer
  as the tray host), and start → model ready;
* the GUI event loop's longest stall while descriptions run (a 5 ms timer's largest late tick);
* RSS with the model loaded and idle (after the warm-up that follows loading), and RSS growth over
  ``--cycles`` describe cycles (also sampled every 100 cycles: the first 100 warm allocator arenas up;
  the slope after them is a leak).

The app runs in this process for everything but start-up, with the real controller, worker,
capture (mss on Xvfb) and the silent speech backend; the screen shows a text window and a picture.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "app"))

from tests.support.xvfb import XvfbServer  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def measure_start(display_env: dict[str, str], command: list[str], config: Path) -> dict[str, float]:
    """Seconds from launching the app to its tray icon embedded in trayer, and to the model loaded."""
    from app_x11kit import app_started

    with app_started(command, display_env, config) as app:
        return {"tray_s": app.tray_s, "model_ready_s": app.model_ready_s}


def show_screen_content(kind: str = "text", photo: Path | None = None) -> Any:
    """What describe-screen sees: "text" = an editor beside a picture (the describer reads it as a
    screen: OCR, no caption); "photo" = full screen, ``photo`` or else a drawn photograph-like picture
    (smooth colour, texture and sensor noise: classified as a photo, so the captioner runs, re-ranking
    included; a flat drawing is classified as a graphic and is never captioned)."""
    from PIL import Image, ImageDraw
    from PySide6.QtGui import QFont, QPixmap
    from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter

    from assistant.app.qtimage import pil_to_qimage

    splitter = QSplitter()
    editor = QPlainTextEdit()
    editor.setFont(QFont("DejaVu Sans Mono", 14))
    editor.setPlainText(
        "\n".join(
            f"{i:3d}  The quick brown fox jumps over the lazy dog; line {i} of a file." for i in range(1, 60)
        )
    )
    picture = Image.new("RGB", (640, 480), (120, 180, 235))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 300, 640, 480), fill=(230, 210, 160))
    draw.ellipse((500, 40, 580, 120), fill=(250, 230, 90))
    label = QLabel()
    if kind == "photo":
        if photo is not None:
            picture = Image.open(photo).convert("RGB")
        else:
            from tests.fixtures_screens.pillow_scenes import photo_like

            picture = photo_like(960, 540, 5)
        label.setScaledContents(True)
        label.setPixmap(QPixmap.fromImage(pil_to_qimage(picture)))
        label.setGeometry(0, 0, 1920, 1080)
        label.show()
        return label
    label.setPixmap(QPixmap.fromImage(pil_to_qimage(picture)))
    splitter.addWidget(editor)
    splitter.addWidget(label)
    splitter.setGeometry(0, 0, 1920, 1080)
    splitter.show()
    return splitter


def main() -> int:
    from assistant.app.main import limit_malloc_arenas

    limit_malloc_arenas()  # as `assistant run` does first: this process hosts the app below
    parser = argparse.ArgumentParser(description="tray app benchmark")
    parser.add_argument("--runs", type=int, default=20, help="describe-screen latency runs")
    parser.add_argument("--cycles", type=int, default=500, help="describe cycles for the RSS growth")
    parser.add_argument("--starts", type=int, default=3, help="cold starts to time")
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--content", choices=("text", "photo"), default="text", help="what the screen shows")
    parser.add_argument("--photo", type=Path, default=None, help="with --content photo: a photo file to show")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp, XvfbServer(1920, 1080) as xvfb:
        base = Path(tmp)
        os.environ.update(
            DISPLAY=xvfb.display,
            QT_QPA_PLATFORM="xcb",
            ASSISTANT_CONFIG_DIR=str(base / "config"),
            ASSISTANT_DATA_DIR=str(base / "data"),
        )
        os.environ.pop("WAYLAND_DISPLAY", None)
        settings_json = {
            "device": "cpu",
            **({"model_dir": str(options.model.resolve())} if options.model else {}),
        }
        (base / "config").mkdir()
        (base / "config" / "settings.json").write_text(json.dumps(settings_json))

        from app_x11kit import app_env

        env = app_env(xvfb.display, base / "config", base / "data")
        starts: dict[str, list[dict[str, float]]] = {"assistant run": [], "assistant.app": []}
        for _ in range(options.starts):
            for name, module in (
                ("assistant run", ["-m", "assistant", "run"]),
                ("assistant.app", ["-m", "assistant.app"]),
            ):
                starts[name].append(
                    measure_start(env, [sys.executable, *module, "--speech", "silent"], base / "config")
                )

        from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from assistant.app.controller import AppController
        from assistant.app.speaking import make_speaker
        from assistant.config import load_settings
        from assistant.hotkeys import NoHotkeySource

        app = QApplication([sys.argv[0]])
        app.setQuitOnLastWindowClosed(False)
        content = show_screen_content(options.content, options.photo)
        settings, _ = load_settings()
        speaker, _ = make_speaker(settings, "silent")
        controller = AppController(settings, None, speaker=speaker, hotkey_source=NoHotkeySource())
        assert controller.start(), "another instance is running on this config dir"
        controller.main_window.hide()
        load_started = time.perf_counter()
        loop = QEventLoop()
        controller.queue.model_loaded.connect(lambda ok, msg: loop.quit())
        loop.exec()
        load_s = time.perf_counter() - load_started
        if not controller.queue.model_ready:
            print(f"model did not load: {controller.queue.model_message}", file=sys.stderr)
            return 1
        # Idle means after the warm-up that follows loading (issue #17), which ends with a trim.
        warm_started = time.perf_counter()
        warm = QEventLoop()
        controller.queue.warmed_up.connect(lambda timings: warm.quit())
        QTimer.singleShot(120_000, warm.quit)  # a describer that never warms up: measure anyway
        warm.exec()
        warm_up_s = time.perf_counter() - warm_started

        # Stall meter: a 5 ms timer; any tick later than that is the GUI thread being blocked.
        ticker, clock = QTimer(), QElapsedTimer()
        stalls: list[float] = []
        measuring = {"on": False}

        def tick() -> None:
            if measuring["on"]:
                stalls.append(clock.restart() - 5.0)
            else:
                clock.restart()

        ticker.setInterval(5)
        ticker.timeout.connect(tick)
        clock.start()
        ticker.start()
        ocr_ms: list[float] = []
        timings_seen: list[dict[str, float]] = []

        def on_described(request: Any, description: Any) -> None:
            timings = dict(getattr(description, "timings", {}) or {})
            timings_seen.append(timings)
            ocr_ms.append(sum(v for k, v in timings.items() if "ocr" in k.lower()))

        controller.described.connect(on_described)

        def describe_once() -> None:
            done = QEventLoop()
            before = controller.described_count + controller.error_count
            controller.described.connect(done.quit)
            controller.queue.error.connect(done.quit)
            controller.handle_command("describe-screen", {})
            if controller.described_count + controller.error_count == before:
                done.exec()
            controller.described.disconnect(done.quit)
            controller.queue.error.disconnect(done.quit)

        def settle(seconds: float) -> None:
            end = time.perf_counter() + seconds
            while time.perf_counter() < end:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

        # Baseline: the same meter with nothing running, so machine load is not blamed on the app.
        measuring["on"] = True
        settle(3.0)
        measuring["on"] = False
        idle_stalls, stalls[:] = list(stalls), []
        rss_idle = rss_mb()
        describe_once()  # warm-up
        controller.latencies_ms.clear()
        ocr_ms.clear()
        measuring["on"] = True
        for _ in range(options.runs):
            describe_once()
            settle(0.05)
        measuring["on"] = False
        latencies = list(controller.latencies_ms)
        excluding_ocr = [max(0.0, lat - ocr) for lat, ocr in zip(latencies, ocr_ms, strict=False)]
        settle(1.0)
        rss_before_cycles = rss_mb()
        cycle_started = time.perf_counter()
        rss_curve = [rss_before_cycles]
        for cycle in range(1, options.cycles + 1):
            describe_once()
            if cycle % 100 == 0:
                rss_curve.append(rss_mb())
        cycles_s = time.perf_counter() - cycle_started
        settle(1.0)
        rss_after_cycles = rss_mb()
        controller.shutdown()
        content.close()

    run_tray = [s["tray_s"] for s in starts["assistant run"]]
    app_tray = [s["tray_s"] for s in starts["assistant.app"]]
    figures = {
        "screen": "1920x1080 Xvfb",
        "content": options.content,
        "runs": len(latencies),
        "trigger_to_speech_ms_median": statistics.median(latencies),
        "trigger_to_speech_ms_p90": pct(latencies, 0.9),
        "trigger_to_speech_excl_ocr_ms_median": statistics.median(excluding_ocr),
        "trigger_to_speech_excl_ocr_ms_p90": pct(excluding_ocr, 0.9),
        "ocr_ms_median": statistics.median(ocr_ms) if ocr_ms else 0.0,
        "describer_timings_last": timings_seen[-1] if timings_seen else {},
        "start_to_tray_s_assistant_run_median": statistics.median(run_tray),
        "start_to_tray_s_python_m_assistant_app_median": statistics.median(app_tray),
        "start_to_model_ready_s_median": statistics.median(
            s["model_ready_s"] for s in starts["assistant run"]
        ),
        "model_load_in_worker_s": load_s,
        "warm_up_after_load_s": warm_up_s,
        "gui_longest_stall_ms": max(stalls) if stalls else 0.0,
        "gui_stall_p99_ms": pct(stalls, 0.99),
        "gui_longest_stall_idle_ms": max(idle_stalls) if idle_stalls else 0.0,
        "rss_idle_model_loaded_mb": rss_idle,
        "cycles": options.cycles,
        "cycles_s": cycles_s,
        "rss_growth_over_cycles_mb": rss_after_cycles - rss_before_cycles,
        "rss_every_100_cycles_mb": [round(v, 1) for v in rss_curve],
        # After the first 100 cycles (allocator arenas and caches warm up) the slope is what leaks.
        "rss_growth_after_first_100_cycles_mb": (rss_curve[-1] - rss_curve[1])
        if len(rss_curve) > 2
        else None,
    }
    print(
        f"describe screen, trigger -> first speech: median {figures['trigger_to_speech_ms_median']:.0f} ms, "
        f"p90 {figures['trigger_to_speech_ms_p90']:.0f} ms over {len(latencies)} runs "
        f"(excluding OCR: median {figures['trigger_to_speech_excl_ocr_ms_median']:.0f} ms, "
        f"p90 {figures['trigger_to_speech_excl_ocr_ms_p90']:.0f} ms)"
    )
    print(
        f"start -> tray visible: `assistant run` {figures['start_to_tray_s_assistant_run_median']:.2f} s, "
        f"`python -m assistant.app` {figures['start_to_tray_s_python_m_assistant_app_median']:.2f} s "
        f"(model ready after {figures['start_to_model_ready_s_median']:.2f} s)"
    )
    print(
        f"GUI longest stall during descriptions: {figures['gui_longest_stall_ms']:.1f} ms "
        f"(p99 {figures['gui_stall_p99_ms']:.1f} ms; "
        f"idle baseline {figures['gui_longest_stall_idle_ms']:.1f} ms)"
    )
    print(
        f"RSS idle with model loaded: {rss_idle:.0f} MB; growth over {options.cycles} cycles: "
        f"{figures['rss_growth_over_cycles_mb']:+.1f} MB ({cycles_s:.0f} s); "
        f"every 100 cycles: {figures['rss_every_100_cycles_mb']} MB "
        f"(after the first 100: {figures['rss_growth_after_first_100_cycles_mb']} MB)"
    )
    print(json.dumps({"benchmark": "app", **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
