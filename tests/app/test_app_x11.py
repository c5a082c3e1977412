"""The tray app under a real X server: Xvfb + trayer (a real tray host) + xdotool.

One app process serves the whole module (start-up is the slow part): its describer reads the
pixels of what it is given (see app_testkit.PixelDescriber), speech goes to a WAV file whose
duration is checked, hotkeys are pynput's listener on the Xvfb display.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from app_testkit import solid_image
from app_x11kit import (
    REPO,
    app_env,
    app_windows,
    send,
    start_app,
    start_trayer,
    status,
    tray_icon,
    trigger,
    trigger_direct,
    wait_for,
    windows_of_app,
)

from tests.support.xvfb import XvfbServer

pytestmark = [pytest.mark.x11, pytest.mark.gui]


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as handle:
        return handle.getnframes() / float(handle.getframerate())


class RunningApp:
    def __init__(self, xvfb: XvfbServer, base: Path) -> None:
        self.xvfb = xvfb
        self.display = xvfb.display
        self.config = base / "config"
        self.wav = base / "speech.wav"
        self.log = base / "app.log"
        self.env = app_env(self.display, self.config, base / "data")
        self.base = base

    def status(self) -> dict[str, Any]:
        result = status(self.config)
        assert result is not None, self.log.read_text(errors="replace")[-3000:]
        return result

    def wait_described(self, before: int, timeout: float = 30) -> dict[str, Any]:
        return wait_for(
            lambda: (s := self.status())["described"] > before and not s["busy"] and s,
            timeout,
            f"a description after #{before}",
        )

    def wav_mtime(self) -> float:
        return self.wav.stat().st_mtime if self.wav.exists() else 0.0

    def wait_wav_after(self, when: float, timeout: float = 30) -> float:
        wait_for(lambda: self.wav_mtime() > when, timeout, "speech written to the WAV file")
        time.sleep(0.2)  # let a queued second sentence finish too
        return wav_seconds(self.wav)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    base = tmp_path_factory.mktemp("x11app")
    with XvfbServer(1280, 800) as xvfb:
        running = RunningApp(xvfb, base)
        trayer = start_trayer(running.env)
        proc = start_app(running.env, running.wav, work_ms=100, log=running.log)
        try:
            wait_for(lambda: proc.poll() is None and status(running.config), 30, "the app to answer")
            wait_for(lambda: running.status()["model"] == "ready", 30, "the describer to load")
            running.proc = proc  # type: ignore[attr-defined]
            yield running
        finally:
            if proc.poll() is None:
                send(running.config, "quit")
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    proc.send_signal(signal.SIGABRT)  # faulthandler writes every thread's stack to the log
                    proc.wait(5)
                    tail = running.log.read_text(errors="replace")[-6000:]
                    raise AssertionError("the app did not quit:\n" + tail) from None
            trayer.terminate()
            trayer.wait(5)


def xdotool(app: RunningApp, *args: str) -> None:
    subprocess.run(["xdotool", *args], env=app.env, check=True, timeout=20)


@pytest.mark.timeout(60)
def test_tray_icon_appears_and_its_menu_describes_the_screen(app: RunningApp) -> None:
    icon = wait_for(lambda: tray_icon(app.display), 20, "the tray icon inside trayer")
    assert icon["width"] >= 16 and icon["height"] >= 16
    before = app.status()["described"]
    wav_before = app.wav_mtime()
    x, y = icon["x"] + icon["width"] // 2, icon["y"] + icon["height"] // 2
    xdotool(app, "mousemove", str(x), str(y), "click", "3")
    menu = wait_for(
        lambda: next((w for w in windows_of_app(app.display) if w["override"] and w["height"] > 150), None),
        10,
        "the tray menu to open",
    )
    shot = app.xvfb.screenshot(app.base / "menu.png")
    from PIL import Image

    region = Image.open(shot).crop(
        (menu["x"], menu["y"], menu["x"] + menu["width"], menu["y"] + menu["height"])
    )
    assert len(region.getcolors(1_000_000) or []) > 10  # the menu drew its text
    xdotool(app, "key", "s")  # the mnemonic of "Describe screen"
    state = app.wait_described(before)
    assert state["last"].startswith("A mostly black picture, 1280 by 800 pixels.")
    assert app.wait_wav_after(wav_before) > 0.3
    wait_for(
        lambda: not any(w["override"] and w["height"] > 150 for w in windows_of_app(app.display)),
        10,
        "the menu to close",
    )


@pytest.mark.timeout(60)
def test_a_real_key_chord_triggers_a_description(app: RunningApp) -> None:
    assert app.status()["hotkeys"] == "pynput" and app.status()["hotkeys_active"]
    before = app.status()["described"]
    wav_before = app.wav_mtime()
    xdotool(app, "mousemove", "100", "100")
    xdotool(app, "key", "ctrl+alt+shift+p")  # describe around the pointer
    state = app.wait_described(before)
    assert state["last"].startswith("A mostly black picture, 480 by 480 pixels.")
    assert app.wait_wav_after(wav_before) > 0.3


@pytest.mark.timeout(60)
def test_assistant_trigger_from_a_second_process(app: RunningApp) -> None:
    before = app.status()["described"]
    result = trigger(app.env, "describe-screen")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Describing screen."
    assert app.wait_described(before)["last"].startswith("A mostly black picture, 1280 by 800")


@pytest.mark.timeout(60)
def test_a_dropped_file_is_described_and_spoken(app: RunningApp) -> None:
    picture = app.base / "dropped picture.png"
    solid_image("yellow", (200, 100)).save(picture)
    before = app.status()["described"]
    wav_before = app.wav_mtime()
    result = trigger_direct(app.env, "describe-file", str(picture))
    assert result.returncode == 0, result.stderr
    state = app.wait_described(before)
    assert state["last"] == "A mostly yellow picture, 200 by 100 pixels. It is bright overall."
    assert app.wait_wav_after(wav_before) > 0.3
    missing = trigger_direct(app.env, "describe-file", str(app.base / "missing.png"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr


@pytest.mark.timeout(60)
def test_second_launch_shows_the_running_window_and_exits(app: RunningApp) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "run"],
        env=app.env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "already running" in result.stdout
    window = wait_for(
        lambda: (
            app_windows(app.display, "Assistant")
            and [w for w in app_windows(app.display, "Assistant") if w["width"] > 300]
        ),
        10,
        "the main window",
    )
    assert window
    assert app.proc.poll() is None  # type: ignore[attr-defined]


@pytest.mark.timeout(90)
def test_200_triggers_in_10_seconds_keep_the_bound_and_speak_the_last(app: RunningApp) -> None:
    final = app.base / "final.png"
    solid_image("green", (123, 77)).save(final)
    start_state = app.status()
    wav_before = app.wav_mtime()
    start = time.monotonic()
    for i in range(200):
        if i == 199:
            reply = send(app.config, "describe-file", {"path": str(final)})
        else:
            reply = send(app.config, ("describe-screen", "describe-pointer", "describe-window")[i % 3])
        assert reply is not None and reply["ok"], reply
        time.sleep(max(0.0, start + (i + 1) * 0.05 - time.monotonic()))
    elapsed = time.monotonic() - start
    state = wait_for(lambda: (s := app.status()) and not s["busy"] and s, 30, "the queue to drain")
    assert app.proc.poll() is None  # type: ignore[attr-defined]
    assert state["submitted"] - start_state["submitted"] == 200
    assert state["max_outstanding"] <= 2  # one in flight plus one pending, never more
    assert state["dispatched"] - start_state["dispatched"] < 200  # superseded requests never ran
    assert state["last"] == "A mostly green picture, 123 by 77 pixels. It is dark overall."
    print(f"200 triggers in {elapsed:.1f} s: {state['dispatched'] - start_state['dispatched']} ran")
    assert app.wait_wav_after(wav_before) > 0.3
