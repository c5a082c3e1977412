"""A tiny window that speaks through ``assistant.speech`` as the tray app does, for the real-Orca tests.

Run inside the orca-probe harness (tests/support/orca_probe.py): a window with a focused text field
"Notes" (so typed letters go somewhere and Orca echoes them) and a button to move focus to, a speaker
from ``create_speaker(auto)`` with the app's Qt announcer, and the texts of ``--say SECONDS:TEXT``
spoken at those times. Every step is printed as ``@KIND<TAB>HH:MM:SS.ffffff<TAB>...`` into app.log.

``--hide-orca`` makes detection blind to Orca's process (as when Orca runs under another name), so
only the AT-SPI flag tells that a screen reader runs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime


def mark(kind: str, *fields: object) -> None:
    print("\t".join([f"@{kind}", datetime.now().strftime("%H:%M:%S.%f"), *map(str, fields)]), flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--say", action="append", default=[], help="SECONDS:TEXT")
    ap.add_argument("--quit-at", type=float, default=10.0)
    ap.add_argument("--hide-orca", action="store_true")
    ap.add_argument("--focus-button-at", type=float, default=None, help="move focus to a button then")
    args = ap.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

    from assistant.app.announce import make_announcer
    from assistant.speech import SpeechOptions, create_speaker

    if args.hide_orca:
        import assistant.speech.detect as detect

        detect.find_orca_processes = lambda *a, **k: []

    app = QApplication(sys.argv[:1])
    win = QWidget()
    win.setWindowTitle("Route test")
    notes = QLineEdit()
    notes.setAccessibleName("Notes")
    button = QPushButton("Second button")
    layout = QVBoxLayout(win)
    layout.addWidget(notes)
    layout.addWidget(button)
    win.show()
    win.activateWindow()
    notes.setFocus()
    speaker = create_speaker(SpeechOptions(backend="auto"), announcer=make_announcer(win))
    choice = getattr(speaker, "choice", None)
    info = getattr(speaker, "info", None)
    mark("ROUTE", choice.route.name if choice else speaker.name, speaker.name, speaker.describe())
    mark("READER", info.summary() if info else "-")

    def say(text: str) -> None:
        speaker.say(text)
        mark("SAID", text)

    for item in args.say:
        at, _, text = item.partition(":")
        QTimer.singleShot(int(float(at) * 1000), lambda text=text: say(text))

    def focus_button() -> None:
        button.setFocus()
        mark("FOCUS", "Second button")

    if args.focus_button_at is not None:
        QTimer.singleShot(int(args.focus_button_at * 1000), focus_button)

    def quit_app() -> None:
        speaker.close()
        app.quit()

    QTimer.singleShot(int(args.quit_at * 1000), quit_app)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
