"""With a real Orca running, a description is heard once, by the route ``auto`` picks for its version.

Debian 12's Orca 43 ignores accessibility announcements, so ``auto`` must send the text to the
speech-dispatcher Orca itself speaks through. The test runs Orca under Xvfb with its own D-Bus
session, AT-SPI bus and a private speech-dispatcher (null audio), starts a Qt window whose speaker
is chosen by ``auto``, and checks: the app chose ``screenreader:speechd``; speech-dispatcher
synthesised the description exactly once; Orca's ``--debug-file`` shows Orca itself did not speak
it (no double speech) while it did speak the app's focused button (Orca was really watching).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.speech.screenreader import orca_version
from tests.speech.atspi_session import AtspiSession, missing_requirements
from tests.support.sandbox import PrivateSpeechDispatcher
from tests.support.xvfb import XvfbServer

pytest.importorskip("PySide6", reason="PySide6 is a project dependency; install the project first")

TEXT = "A blue circle on a yellow background."

APP = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from assistant.app.announce import make_announcer
from assistant.speech import SpeechOptions, create_speaker

app = QApplication(sys.argv)
button = QPushButton("Describe")
button.setWindowTitle("Assistant Orca test")
button.show()
button.activateWindow()
speaker = create_speaker(SpeechOptions(backend="auto"), announcer=make_announcer(button))
print("SPEAKER", speaker.name, flush=True)

def speak():
    speaker.say(sys.argv[1])
    print("SAID", flush=True)

QTimer.singleShot(1500, speak)
QTimer.singleShot(8000, app.quit)
app.exec()
speaker.close()
"""


def _wait_for(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


@pytest.mark.atspi
@pytest.mark.x11
@pytest.mark.timeout(120)
def test_orca_43_hears_the_description_once_through_speech_dispatcher(
    xvfb: XvfbServer, tmp_path: Path
) -> None:
    reason = missing_requirements()
    if reason:
        pytest.fail(reason)
    if shutil.which("orca") is None:
        pytest.fail("orca is not installed (apt: orca python3-speechd; .ci/apt-packages.txt lists them)")
    version = orca_version()
    if version is None or version >= (45, 2):
        pytest.skip(
            f"this test checks the speech-dispatcher route of Orca < 45.2; installed Orca is {version}"
        )
    orca_log = tmp_path / "orca-debug.log"
    with AtspiSession(xvfb.display) as session, PrivateSpeechDispatcher() as speechd:
        env = session.env(
            SPEECHD_ADDRESS=speechd.address,
            HOME=str(tmp_path),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            XDG_DATA_HOME=str(tmp_path / "data"),
        )
        orca = subprocess.Popen(
            ["orca", "--replace", "-u", str(tmp_path / "orca-prefs"), "--debug-file", str(orca_log)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        app = None
        try:
            assert _wait_for(lambda: "SPEECH OUTPUT: 'Screen reader on.'" in _read(orca_log), 40), (
                "Orca did not start: " + _read(orca_log)[-1000:]
            )
            app = subprocess.Popen(
                [sys.executable, "-c", APP, TEXT],
                env=dict(env, QT_QPA_PLATFORM="xcb"),
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                cwd=Path(__file__).resolve().parents[2],
            )
            assert app.stdout is not None
            assert app.stdout.readline().split() == ["SPEAKER", "screenreader:speechd"]
            assert app.stdout.readline().strip() == "SAID"
            marker = f"Command sent to output module: |<speak>{TEXT}"
            assert _wait_for(lambda: marker in speechd.log_text(), 15), (
                "speech-dispatcher never spoke the text"
            )
            app.wait(timeout=20)
            time.sleep(1.0)  # anything Orca would add (a second, doubled reading) has arrived by now
        finally:
            for proc in (app, orca):
                if proc is not None and proc.poll() is None:
                    proc.terminate()
                    try:
                        proc.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                if proc is not None and proc.stdout is not None:
                    proc.stdout.close()
        speechd_log = speechd.log_text()
    orca_spoke = [line for line in _read(orca_log).splitlines() if "SPEECH OUTPUT:" in line]
    assert speechd_log.count(marker) == 1, "the description was synthesised more than once"
    assert not any("blue circle" in line for line in orca_spoke), "Orca spoke it too: double speech"
    assert any("Describe" in line for line in orca_spoke), f"Orca did not watch the app: {orca_spoke}"
