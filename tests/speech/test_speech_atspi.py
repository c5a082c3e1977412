"""A Qt app's description reaches a real AT-SPI client as an ``object:announcement`` event.

The app (venv Python, PySide6, on Xvfb) speaks through ``create_speaker`` with the screen-reader
route for an Orca that takes announcements; a ``python3-pyatspi`` client (Debian's Python) listens
on the same private accessibility bus, as Orca ≥ 45.2 would, and prints what it receives.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.speech.atspi_session import DEBIAN_PYTHON, AtspiSession, missing_requirements
from tests.support.xvfb import XvfbServer

pytest.importorskip("PySide6", reason="PySide6 is a project dependency; install the project first")

APP = r"""
import sys, threading
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from assistant.app.announce import make_announcer
from assistant.speech import ScreenReaderInfo, SpeechOptions, create_speaker

app = QApplication(sys.argv)
window = QLabel("Drop an image here")
window.setWindowTitle("Assistant announcement test")
window.setAccessibleName("Drop area")
window.show()
orca = ScreenReaderInfo(True, "orca", (46, 0), "test")
speaker = create_speaker(SpeechOptions(), announcer=make_announcer(window), screen_reader=orca)
print("SPEAKER", speaker.name, flush=True)
trigger = Path(sys.argv[1])

def poll():
    if trigger.exists():
        text = trigger.read_text()
        trigger.unlink()
        # from a worker thread, as the app's describe worker would
        threading.Thread(target=speaker.say, args=(text,), kwargs={"interrupt": True}).start()

timer = QTimer()
timer.timeout.connect(poll)
timer.start(50)
QTimer.singleShot(40000, app.quit)
app.exec()
"""

CLIENT = r"""
import json, sys
import pyatspi
from gi.repository import GLib

def on_event(event):
    try:
        source, role = event.source.name, event.source.getRoleName()
    except Exception:
        source = role = ""
    print(json.dumps({"type": event.type, "text": str(event.any_data), "detail1": event.detail1,
                      "source": source, "role": role}), flush=True)

pyatspi.Registry.registerEventListener(on_event, "object:announcement")
GLib.timeout_add(200, lambda: print("READY", flush=True) and False)
GLib.timeout_add_seconds(int(sys.argv[1]), lambda: pyatspi.Registry.stop() and False)
pyatspi.Registry.start()
"""


@pytest.mark.atspi
@pytest.mark.x11
@pytest.mark.timeout(90)
def test_description_arrives_as_an_atspi_announcement(xvfb: XvfbServer, tmp_path: Path) -> None:
    reason = missing_requirements()
    if reason:
        pytest.fail(reason)
    text = "A red square on a white background."
    trigger = tmp_path / "say.txt"
    with AtspiSession(xvfb.display) as session:
        app_err = tmp_path / "app.stderr"
        err_file = app_err.open("w")
        app = subprocess.Popen(
            [sys.executable, "-c", APP, str(trigger)],
            env=session.env(QT_QPA_PLATFORM="xcb"),
            stdout=subprocess.PIPE,
            stderr=err_file,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        client = None
        try:
            assert app.stdout is not None
            line = app.stdout.readline()
            assert line.split() == ["SPEAKER", "screenreader:announcement"], line + app_err.read_text()
            client = subprocess.Popen(
                [str(DEBIAN_PYTHON), "-c", CLIENT, "30"],
                env=session.env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            assert client.stdout is not None
            assert client.stdout.readline().strip() == "READY"
            events: list[dict[str, object]] = []
            deadline = time.monotonic() + 20
            # Qt sends announcements only once it has learnt a client listens; retry until it has.
            while not events and time.monotonic() < deadline:
                trigger.write_text(text)
                ready, _, _ = select.select([client.stdout], [], [], 1.0)
                if ready:
                    events.append(json.loads(client.stdout.readline()))
        finally:
            for proc in (client, app):
                if proc is not None and proc.poll() is None:
                    proc.terminate()
                    try:
                        proc.wait(timeout=5)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                if proc is not None and proc.stdout is not None:
                    proc.stdout.close()
            err_file.close()
    assert events, "no object:announcement event reached the AT-SPI client"
    event = events[0]
    assert event["type"] == "object:announcement"
    assert event["text"] == text
    assert event["source"] == "Drop area"  # announced for the app's own window
    assert event["detail1"] == 2  # ATSPI_LIVE_ASSERTIVE: a new description interrupts


@pytest.mark.atspi
@pytest.mark.timeout(60)
def test_screen_reader_flag_on_the_atspi_bus_is_read(
    xvfb: XvfbServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.speech.detect import atspi_screen_reader_enabled, detect_screen_reader

    reason = missing_requirements()
    if reason:
        pytest.fail(reason)
    with AtspiSession(xvfb.display) as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        assert atspi_screen_reader_enabled() is False
        subprocess.run(
            [
                "gdbus",
                "call",
                "--session",
                "--dest",
                "org.a11y.Bus",
                "--object-path",
                "/org/a11y/bus",
                "--method",
                "org.freedesktop.DBus.Properties.Set",
                "org.a11y.Status",
                "ScreenReaderEnabled",
                "<true>",
            ],
            env=session.env(),
            check=True,
            capture_output=True,
            timeout=10,
        )
        assert atspi_screen_reader_enabled() is True
        info = detect_screen_reader()
        assert info.running and "ScreenReaderEnabled" in info.source


LISTENER = r"""
import pyatspi
pyatspi.Registry.registerEventListener(lambda event: None, "object:announcement")
print("LISTENING", flush=True)
pyatspi.Registry.start()
"""


@pytest.mark.atspi
@pytest.mark.timeout(60)
def test_an_unidentified_reader_gets_announcements_only_if_it_listens_for_them(
    xvfb: XvfbServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Orca 43 never listens for object:announcement, so a reader known only by the AT-SPI flag gets
    speech-dispatcher unless the registry shows that someone would hear an announcement."""
    from assistant.speech.detect import atspi_announcement_listeners, detect_screen_reader
    from assistant.speech.routes import choose_route

    reason = missing_requirements()
    if reason:
        pytest.fail(reason)
    with AtspiSession(xvfb.display) as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        bus = ["--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus", "--method"]
        value = ["org.a11y.Status", "ScreenReaderEnabled", "<true>"]
        subprocess.run(
            ["gdbus", "call", "--session", *bus, "org.freedesktop.DBus.Properties.Set", *value],
            env=session.env(),
            check=True,
            capture_output=True,
            timeout=10,
        )
        assert atspi_announcement_listeners() is False
        alone = detect_screen_reader()
        assert choose_route(alone, have_announcer=True).route.name == "speechd-shared"
        listener = subprocess.Popen(
            [str(DEBIAN_PYTHON), "-c", LISTENER], env=session.env(), stdout=subprocess.PIPE, text=True
        )
        try:
            assert listener.stdout is not None and listener.stdout.readline().strip() == "LISTENING"
            deadline = time.monotonic() + 5
            while not atspi_announcement_listeners() and time.monotonic() < deadline:
                time.sleep(0.1)
            heard = detect_screen_reader()
        finally:
            listener.terminate()
            listener.wait(timeout=10)
    assert heard.announcements and "object:announcement" in heard.source
    assert choose_route(heard, have_announcer=True).route.name == "atspi-announcement"
    assert choose_route(heard, have_announcer=False).route.name == "speechd-shared"


def _set_screen_reader_enabled(session: AtspiSession, value: bool) -> None:
    bus = ["--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus", "--method"]
    setting = ["org.a11y.Status", "ScreenReaderEnabled", "<true>" if value else "<false>"]
    subprocess.run(
        ["gdbus", "call", "--session", *bus, "org.freedesktop.DBus.Properties.Set", *setting],
        env=session.env(),
        check=True,
        capture_output=True,
        timeout=10,
    )


@pytest.mark.atspi
@pytest.mark.timeout(90)
def test_the_route_follows_a_screen_reader_switched_on_and_off_on_the_real_bus(
    xvfb: XvfbServer, monkeypatch: pytest.MonkeyPatch, private_speechd: object
) -> None:
    """Real detection, real polling: the assistant's own voice, then speech-dispatcher beside the
    screen reader once AT-SPI says one runs, then its own voice again (issue #17: re-checked)."""
    from assistant.speech import SpeechOptions, create_speaker

    reason = missing_requirements()
    if reason:
        pytest.fail(reason)
    with AtspiSession(xvfb.display) as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        speaker = create_speaker(SpeechOptions(), announcer=lambda text, assertive: None, audio=False)
        seen: list[str] = []

        def route_becomes(name: str) -> bool:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                current = speaker.choice.route.name  # type: ignore[attr-defined]
                if not seen or seen[-1] != current:
                    seen.append(current)
                if current == name:
                    return True
                time.sleep(0.1)
            return False

        try:
            assert route_becomes("direct")
            direct = speaker.name
            _set_screen_reader_enabled(session, True)
            assert route_becomes("speechd-shared"), seen
            assert speaker.name == "screenreader:speechd"
            _set_screen_reader_enabled(session, False)
            assert route_becomes("direct"), seen
            assert speaker.name == direct  # the voice named is the voice speaking again
        finally:
            speaker.close()
    assert seen == ["direct", "speechd-shared", "direct"]
