"""Helpers for the app's X11 tests: a tray host (trayer), the app as a subprocess, window lookup."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def wait_for(predicate: Callable[[], Any], timeout: float, what: str, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def start_trayer(env: dict[str, str]) -> subprocess.Popen[bytes]:
    if shutil.which("trayer") is None:
        raise RuntimeError("trayer is not installed (apt-get install trayer)")
    return subprocess.Popen(
        [
            "trayer",
            "--edge",
            "top",
            "--align",
            "right",
            "--widthtype",
            "request",
            "--height",
            "32",
            "--SetDockType",
            "true",
            "--transparent",
            "false",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


#: A private runtime folder (0700, ours, a short path) for the IPC sockets of the apps these tests start.
#: Module-scoped apps start before the per-test cache folder is set, so the socket cannot follow it.
RUNTIME = Path(tempfile.mkdtemp(prefix="asst-rt-"))
atexit.register(shutil.rmtree, RUNTIME, ignore_errors=True)


def app_env(display: str, config_dir: Path, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        ASSISTANT_CONFIG_DIR=str(config_dir),
        ASSISTANT_DATA_DIR=str(data_dir),
        PYTHONPATH=str(REPO),
        PYTHONFAULTHANDLER="1",
    )
    env.pop("WAYLAND_DISPLAY", None)
    env["XDG_RUNTIME_DIR"] = str(RUNTIME)  # the IPC socket's folder, the same for the tests' clients
    return env


def start_app(
    env: dict[str, str], wav: Path, work_ms: float = 50.0, log: Path | None = None
) -> subprocess.Popen[bytes]:
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "app" / "app_launcher.py"), str(wav), str(work_ms)],
        env=env,
        cwd=REPO,
        stdout=out,
        stderr=subprocess.STDOUT,
    )


def trigger(env: dict[str, str], *command: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """`assistant trigger ...` from a second process, as a user's desktop shortcut would run it."""
    return subprocess.run(
        [sys.executable, "-m", "assistant", "trigger", *command],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def trigger_direct(
    env: dict[str, str], command: str, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Like :func:`trigger` but calls ``trigger_main`` directly: a second process without the CLI's
    start-up cost (the full CLI path is tested once, in test_assistant_trigger_from_a_second_process)."""
    code = (
        "import sys; from types import SimpleNamespace as N; from assistant.app.ipc import trigger_main; "
        f"sys.exit(trigger_main(N(command={command!r}, path={path!r})))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, timeout=30
    )


def ipc_name(config_dir: Path) -> str:
    """The socket of the app started with :func:`app_env` for ``config_dir``, named as that app names it
    (under :data:`RUNTIME`), whatever this process's own environment (and its cache folder) says."""
    from assistant.app.ipc import server_name

    saved = os.environ.get("XDG_RUNTIME_DIR")
    os.environ["XDG_RUNTIME_DIR"] = str(RUNTIME)
    try:
        return server_name(config_dir)
    finally:
        if saved is None:
            del os.environ["XDG_RUNTIME_DIR"]
        else:
            os.environ["XDG_RUNTIME_DIR"] = saved


def status(config_dir: Path) -> dict[str, Any] | None:
    from assistant.app.ipc import send_command

    reply = send_command("status", name=ipc_name(config_dir), timeout_ms=2000)
    if reply is None or not reply.get("ok"):
        return None
    return dict(json.loads(reply["message"]))


def send(config_dir: Path, command: str, args: dict[str, Any] | None = None) -> dict[str, Any] | None:
    from assistant.app.ipc import send_command

    return send_command(command, args, name=ipc_name(config_dir), timeout_ms=3000)


def x_windows(display: str) -> list[dict[str, Any]]:
    """Every window: id, WM_CLASS, name, mapped, absolute geometry, and the ids of its ancestors."""
    from Xlib import X  # type: ignore[import-untyped, unused-ignore]
    from Xlib import display as xdisplay
    from Xlib.error import XError  # type: ignore[import-untyped, unused-ignore]

    disp = xdisplay.Display(display)
    root = disp.screen().root
    found: list[dict[str, Any]] = []

    def walk(window: Any, ancestors: list[int]) -> None:
        try:
            children = window.query_tree().children
        except XError:
            return
        for child in children:
            try:
                wm_class = child.get_wm_class() or ()
                name = child.get_wm_name() or ""
                attrs = child.get_attributes()
                geom = child.get_geometry()
                pos = root.translate_coords(child, 0, 0)
            except XError:
                continue
            found.append(
                {
                    "id": child.id,
                    "class": tuple(wm_class),
                    "name": name if isinstance(name, str) else "",
                    "mapped": attrs.map_state == X.IsViewable,
                    "override": bool(attrs.override_redirect),
                    "x": pos.x,
                    "y": pos.y,
                    "width": geom.width,
                    "height": geom.height,
                    "ancestors": list(ancestors),
                }
            )
            walk(child, [*ancestors, child.id])

    walk(root, [root.id])
    disp.close()
    return found


def tray_icon(display: str) -> dict[str, Any] | None:
    """The app's icon window embedded in trayer's panel, or None."""
    windows = x_windows(display)
    panels = {w["id"] for w in windows if "trayer" in w["class"] and "panel" in w["class"]}
    for w in windows:
        if "assistant" in w["class"] and panels & set(w["ancestors"]) and w["mapped"] and w["width"] > 4:
            return w
    return None


def app_windows(display: str, name: str | None = None) -> list[dict[str, Any]]:
    return [w for w in windows_of_app(display) if name is None or w["name"] == name]


def windows_of_app(display: str) -> list[dict[str, Any]]:
    return [w for w in x_windows(display) if "assistant" in w["class"] and w["mapped"]]


@dataclass
class AppStart:
    """A started app (see :func:`app_started`): its process and how long its start took."""

    process: subprocess.Popen[bytes]
    tray_s: float  # launch -> its icon embedded in trayer's panel
    model_ready_s: float  # launch -> the status says the model is no longer loading


@contextmanager
def app_started(
    command: list[str],
    env: dict[str, str],
    config_dir: Path,
    cwd: Path = REPO,
    timeout: float = 120,
    log: Path | None = None,
) -> Iterator[AppStart]:
    """Launch ``command`` (the tray app) under a fresh trayer on ``env``'s display, time start -> tray
    and start -> model ready, hand it over, then quit it (``assistant trigger quit``; killed if it
    hangs) and stop trayer. ``log``: where its stdout and stderr go (its log lines), else nowhere.
    One home for the start-up timing of benchmarks/startup_bench.py and benchmarks/app_bench.py."""
    trayer = start_trayer(env)
    time.sleep(0.5)  # trayer's panel is up before the app looks for a tray
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    started = time.perf_counter()
    app = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: tray_icon(env["DISPLAY"]), 60, "the tray icon", interval=0.01)
        tray_s = time.perf_counter() - started

        def model_state() -> bool:
            state = status(config_dir)
            return state is not None and state["model"] != "loading"

        wait_for(model_state, timeout, "the model", interval=0.05)
        yield AppStart(app, tray_s, time.perf_counter() - started)
    finally:
        send(config_dir, "quit")
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(5)
        trayer.terminate()
        trayer.wait(5)
        if log:
            out.close()  # type: ignore[union-attr]
