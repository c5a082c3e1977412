"""The real app on a real accessibility bus, seen by a real AT-SPI client (issue 4, first acceptance bullet).

`assistant run` (the CLI, the session's tiny trained model, speech backend ``screenreader`` chosen in
the settings file) runs on Xvfb with trayer inside a private D-Bus + AT-SPI bus
(:class:`AtspiSession`, ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``). The screen reader is represented the
way a running one announces itself: ``org.a11y.Status.ScreenReaderEnabled`` on the bus. Every window
is opened over IPC; then a client on Debian's ``python3-pyatspi`` (a subprocess of Debian's Python,
as Orca is) walks the app's accessibility tree, reporting each control without a name or with an
unknown role, and listens for ``object:announcement`` while a rendered picture is described.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pytest
from app_x11kit import REPO, app_env, send, start_trayer, status, wait_for

from tests.speech.atspi_session import DEBIAN_PYTHON, AtspiSession, missing_requirements
from tests.support.sandbox import PrivateSpeechDispatcher
from tests.support.shapes import draw_shape
from tests.support.xvfb import XvfbServer

pytestmark = [pytest.mark.x11, pytest.mark.gui, pytest.mark.atspi]

# Runs under Debian's /usr/bin/python3 (pyatspi is not in the venv). argv: the app's pid.
CLIENT = r"""
import json, sys
import pyatspi
from gi.repository import GLib

pid = int(sys.argv[1])
CONTROLS = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
    "password text", "spin button", "slider", "scroll bar", "list", "list box", "list item",
    "page tab", "page tab list", "menu", "menu item", "check menu item", "radio menu item",
    "table", "table cell", "tree", "tree table", "tree item", "link", "tool bar",
    "frame", "dialog", "window", "scroll pane",
}
BAD_ROLES = {pyatspi.ROLE_INVALID, pyatspi.ROLE_UNKNOWN}


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is None:
            continue
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def walk(node, path, out, seen):
    if node is None or len(out["nodes"]) > 5000:
        return
    key = hash(node)
    if key in seen:
        return
    seen.add(key)
    role, role_name, name = node.getRole(), node.getRoleName(), (node.name or "").strip()
    showing = node.getState().contains(pyatspi.STATE_SHOWING)
    here = f"{path} > {role_name} {name!r}"
    out["nodes"].append({"role": role_name, "name": name, "showing": showing})
    if role in BAD_ROLES or not role_name:
        out["problems"].append(f"unknown role: {here}")
    elif role_name in CONTROLS and not name:
        out["problems"].append(f"no name: {here}")
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), here, out, seen)


app = None
for _ in range(100):
    app = find_app()
    if app is not None:
        break
    GLib.usleep(100_000)
out = {"app": app.name if app else None, "windows": [], "nodes": [], "problems": []}
if app is not None:
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        out["windows"].append({"role": window.getRoleName(), "name": window.name})
        walk(window, app.name, out, set())
print("TREE " + json.dumps(out), flush=True)


def on_event(event):
    try:
        source = event.source.name
    except Exception:
        source = ""
    print("EVENT " + json.dumps({"type": event.type, "text": str(event.any_data),
                                 "detail1": event.detail1, "source": source}), flush=True)


pyatspi.Registry.registerEventListener(on_event, "object:announcement")
GLib.timeout_add(300, lambda: print("READY", flush=True) and False)
GLib.timeout_add_seconds(120, lambda: pyatspi.Registry.stop() and False)
pyatspi.Registry.start()
"""


def session_app_env(session: AtspiSession, config: Path, data: Path) -> dict[str, str]:
    """The tests/app environment for the app (display, settings dir), on the session's buses."""
    app = app_env(session.display, config, data)
    env = session.env(**{k: v for k, v in app.items() if os.environ.get(k) != v})
    for key in [k for k in env if k not in app and k in os.environ]:
        del env[key]  # what app_env removes (WAYLAND_DISPLAY, XDG_RUNTIME_DIR) stays removed
    return env


def set_screen_reader_enabled(env: dict[str, str]) -> None:
    """What a screen reader does on start-up: tell the AT-SPI bus it is there."""
    subprocess.run(
        [
            "dbus-send",
            "--session",
            "--print-reply",
            "--dest=org.a11y.Bus",
            "/org/a11y/bus",
            "org.freedesktop.DBus.Properties.Set",
            "string:org.a11y.Status",
            "string:ScreenReaderEnabled",
            "variant:boolean:true",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=10,
    )


@contextmanager
def running(proc: subprocess.Popen[Any]) -> Iterator[subprocess.Popen[Any]]:
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGABRT)  # the app's faulthandler writes its stacks to the log
                proc.wait(5)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


class LineReader:
    """Lines from a pipe with a deadline. ``select`` on the descriptor plus our own buffer: a buffered
    file's ``readline`` may hold a second line that ``select`` then never reports."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.fd = stream.fileno()
        self.buffer = b""

    def read_line(self, prefix: str, timeout: float) -> str | None:
        """The next line that starts with ``prefix`` (others are dropped), or None at the deadline/EOF."""
        deadline = time.monotonic() + timeout
        while True:
            while b"\n" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\n", 1)
                line = raw.decode("utf-8", errors="replace")
                if line.startswith(prefix):
                    return line[len(prefix) :].strip()
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return None
            self.buffer += chunk


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.timeout(180)
def test_real_app_tree_is_named_and_descriptions_arrive_as_announcements(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    reason = missing_requirements()
    if reason:
        pytest.skip(reason)
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(
        json.dumps({"model_dir": str(tiny_model_dir), "device": "cpu", "speech_backend": "screenreader"})
    )
    picture = tmp_path / "picture.png"
    draw_shape("circle", "red", "white", size=256).save(picture)
    log = tmp_path / "app.log"
    started = time.monotonic()
    with (
        XvfbServer(1280, 800) as xvfb,
        AtspiSession(xvfb.display) as session,
        PrivateSpeechDispatcher() as speechd,
        open(log, "wb") as out,
    ):
        env = session_app_env(session, config, tmp_path / "data")
        # (its own speech-dispatcher: the route's speaker would otherwise autospawn the user's one,
        # which outlives the test)
        env["SPEECHD_ADDRESS"] = speechd.address
        set_screen_reader_enabled(env)
        trayer = start_trayer(env)
        app = subprocess.Popen(
            [sys.executable, "-m", "assistant", "run"],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        with running(trayer), running(app):
            state = wait_for(
                lambda: app.poll() is None and (s := status(config)) and s["model"] != "loading" and s,
                120,
                "the app to load its model",
            )
            assert state["model"] == "ready", log.read_text(errors="replace")[-3000:]
            # a reader known only by ScreenReaderEnabled gets speech-dispatcher until some client
            # listens for announcements (issue #17); the route follows within 3 s once one does
            assert state["speech"] in ("screenreader:speechd", "screenreader:announcement"), state
            for command in ("show", "history", "settings"):
                reply = send(config, command)
                assert reply is not None and reply["ok"], (command, reply)
            client_log = tmp_path / "client.log"
            with open(client_log, "wb") as client_err:
                client = subprocess.Popen(
                    [str(DEBIAN_PYTHON), "-c", CLIENT, str(app.pid)],
                    env=session.env(),
                    stdout=subprocess.PIPE,
                    stderr=client_err,
                )
            with running(client):
                assert client.stdout is not None
                reader = LineReader(client.stdout)
                line = reader.read_line("TREE ", 60)
                assert line is not None, "the AT-SPI client printed no tree: " + client_log.read_text()
                tree = json.loads(line)
                assert tree["app"] is not None, "the app is not on the AT-SPI bus"
                names = {w["name"] for w in tree["windows"]}
                expected = {"Assistant", "Assistant history", "Assistant settings"}
                assert expected <= names, tree["windows"]
                controls = [
                    n for n in tree["nodes"] if n["role"] in ("push button", "combo box", "check box")
                ]
                assert len(controls) >= 10, tree["nodes"]  # the walk reached the windows' controls
                assert tree["problems"] == [], "\n".join(tree["problems"])
                print(f"AT-SPI tree: windows {tree['windows']}, {len(tree['nodes'])} nodes, no problems")

                assert reader.read_line("READY", 30) is not None
                announced, last = describe_until_announced(config, reader, picture)
            reply = send(config, "quit")
            assert reply is not None and reply["ok"]
            assert app.wait(30) == 0, log.read_text(errors="replace")[-3000:]
        session_seconds = time.monotonic() - started
    assert last, "the app produced no description"
    assert announced, "no object:announcement event reached the AT-SPI client"
    texts = [str(event["text"]) for event in announced]
    assert normalised(" ".join(texts)) == normalised(last), (texts, last)
    assert all(event["type"] == "object:announcement" for event in announced)
    assert announced[0]["source"] == "Assistant"  # announced for the app's main window
    assert announced[0]["detail1"] == 2  # ATSPI_LIVE_ASSERTIVE: a new description interrupts
    print(f"announced {texts!r}; app + bus session {session_seconds:.1f} s")


def describe_until_announced(
    config: Path, reader: LineReader, picture: Path
) -> tuple[list[dict[str, Any]], str]:
    """Describe ``picture`` until one description's announcements arrive whole.

    Qt sends announcements only once its AT-SPI bridge has learnt that a client listens; that news
    travels through the registry, so the first description may come before it does.
    """
    announced: list[dict[str, Any]] = []
    last = ""
    for attempt in range(5):
        before = status(config)
        assert before is not None
        reply = send(config, "describe-file", {"path": str(picture)})
        assert reply is not None and reply["ok"], reply
        state = wait_for(
            lambda b=before: (
                (s := status(config)) and s["described"] > b["described"] and not s["busy"] and s
            ),
            60,
            "the description",
        )
        last = str(state["last"])
        announced = []
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            line = reader.read_line("EVENT ", max(0.0, deadline - time.monotonic()))
            if line is None:
                break
            announced.append(json.loads(line))
            print(f"attempt {attempt}: {announced[-1]}")
            if normalised(" ".join(str(e["text"]) for e in announced)) == normalised(last):
                return announced, last
    return announced, last
