"""Screen-reader announcements from a Qt widget: the Qt end of the ``screenreader`` speech route.

``QAccessibleAnnouncementEvent`` (Qt ≥ 6.8) reaches Orca ≥ 45.2 over AT-SPI as
``object:announcement``, NVDA and Narrator as a UIA notification and VoiceOver as an
NSAccessibility announcement — spoken in the user's own screen-reader voice. Qt only sends the
AT-SPI event when a client listens for it, which is why Orca 43 (no handler) never receives one and
``assistant.speech`` routes to speech-dispatcher there instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(widget: QObject, text: str, assertive: bool = False) -> None:
    """Ask the screen reader to speak ``text`` for ``widget`` (call on the GUI thread).

    ``assertive`` interrupts what the screen reader is saying; polite waits for it to finish.
    """
    text = " ".join(text.split())
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)


def make_announcer(widget: QObject) -> Callable[[str, bool], None]:
    """An ``announcer(text, assertive)`` for :func:`assistant.speech.create_speaker`, safe from any thread.

    Calls from another thread are queued to ``widget``'s thread (accessibility events must be sent
    from the GUI thread).
    """

    def announcer(text: str, assertive: bool) -> None:
        if QThread.currentThread() is widget.thread():
            announce(widget, text, assertive)
        else:
            QTimer.singleShot(0, widget, lambda: announce(widget, text, assertive))

    return announcer
