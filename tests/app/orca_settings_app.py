"""The Settings dialog alone, for the real-Orca keyboard walk (tests/app/test_app_settings_orca.py).

Run inside the orca-probe harness: shows :class:`SettingsWindow` with default settings, speaks what
the dialog says (``say``) through the app's own speech route (``make_speaker``, with the Qt announcer,
as the tray app does), and prints ``@KIND<TAB>HH:MM:SS.ffffff<TAB>...`` lines into the harness's
app.log: FOCUS (each focus change: class and accessible name), SAID (each ``say``), and at the end
RESULT (a JSON object: whether the dialog was closed and how, and the chords in its fields).
It ends after ``argv[1]`` seconds, or earlier when ended with SIGTERM (a shared harness run ends it
once Orca has gone quiet after the last key), writing RESULT either way.
"""

from __future__ import annotations

import json
import signal
import sys
from datetime import datetime


def mark(kind: str, *fields: object) -> None:
    print("\t".join([f"@{kind}", datetime.now().strftime("%H:%M:%S.%f"), *map(str, fields)]), flush=True)


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from assistant.app.announce import make_announcer
    from assistant.app.settings_window import SettingsWindow
    from assistant.app.speaking import make_speaker
    from assistant.config import Settings

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # Escape hides the dialog; the result is written at the end
    holder = QWidget()  # the announcer's widget, as the main window is for the app
    speaker, warning = make_speaker(Settings(), announcer=make_announcer(holder))
    mark("ROUTE", speaker.name, warning)

    def say(text: str) -> None:
        speaker.say(text)
        mark("SAID", text)

    window = SettingsWindow(Settings(), speaker.name, say=say)
    outcome = {"closed": "no"}

    def on_focus(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            mark("FOCUS", type(new).__name__, new.accessibleName())

    finished: list[bool] = []

    def finish() -> None:
        if finished:  # the timer and SIGTERM may both come
            return
        finished.append(True)
        mark("RESULT", json.dumps({**outcome, "visible": window.isVisible(), "hotkeys": window.hotkeys()}))
        speaker.close()
        app.quit()

    # SIGTERM ends it as the timer does; Python runs its handler when Qt next calls into Python.
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, finish))
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(100)
    app.focusChanged.connect(on_focus)
    window.rejected.connect(lambda: outcome.update(closed="rejected"))
    window.accepted.connect(lambda: outcome.update(closed="accepted"))
    window.show()
    window.activateWindow()
    QTimer.singleShot(int(float(sys.argv[1] if len(sys.argv) > 1 else 20) * 1000), finish)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
