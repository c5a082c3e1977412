"""The tray icon and its menu. The menu is a plain QMenu, so arrow keys, Enter and the
underlined letters work; each entry shows its global hotkey. Users who cannot click the icon
open the main window with the *show* hotkey (Ctrl+Alt+Shift+A by default)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from assistant.app.qtimage import app_icon
from assistant.hotkeys.chords import ChordError, parse_chord

TOOLTIP = "Assistant — describes the screen out loud"

#: (command, menu text with mnemonic); None is a separator.
MENU: tuple[tuple[str, str] | None, ...] = (
    ("describe-screen", "Describe &screen"),
    ("describe-window", "Describe active &window"),
    ("describe-pointer", "Describe around &pointer"),
    ("clipboard", "Read &clipboard image"),
    ("open", "&Open image…"),
    ("show", "&Drop window"),
    None,
    ("repeat", "&Repeat last"),
    ("stop", "S&top speaking"),
    None,
    ("history", "&History"),
    ("settings", "S&ettings"),
    None,
    ("quit", "&Quit"),
)


class Tray(QObject):
    command = Signal(str)

    def __init__(self, hotkeys: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.menu.setTitle("Assistant")
        self.menu.setAccessibleName("Assistant menu")
        self.actions: dict[str, QAction] = {}
        for entry in MENU:
            if entry is None:
                self.menu.addSeparator()
                continue
            name, text = entry
            action = QAction(text, self.menu)
            action.triggered.connect(lambda _checked=False, n=name: self.command.emit(n))
            self.menu.addAction(action)
            self.actions[name] = action
        self.set_hotkeys(hotkeys)
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip(TOOLTIP)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.busy = False

    def set_hotkeys(self, hotkeys: Mapping[str, str]) -> None:
        """Show each action's chord in the menu's shortcut column (text only, not a Qt shortcut)."""
        for entry in MENU:
            if entry is None:
                continue
            name, text = entry
            chord = hotkeys.get(name, "")
            label = ""
            if chord:
                try:
                    label = parse_chord(chord).label()
                except ChordError:
                    label = ""
            self.actions[name].setText(f"{text}\t{label}" if label else text)

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_busy(self, busy: bool) -> None:
        if busy == self.busy:
            return
        self.busy = busy
        self.icon.setIcon(app_icon(busy))
        self.icon.setToolTip(TOOLTIP + (" (describing…)" if busy else ""))

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.command.emit("show")
