"""The tray icon and its menu. The menu is a plain QMenu, so arrow keys, Enter and the
underlined letters work; each entry shows its global hotkey. Users who cannot click the icon
open the main window with the *show* hotkey (Ctrl+Alt+Shift+A by default)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from assistant.app.hotkey_field import chord_label
from assistant.app.qtimage import app_icon
from assistant.catalog import APP_TITLE, COMMAND_BY_NAME, EXPLORE_COMMANDS, PART_COMMANDS

TOOLTIP = "Assistant — describes the screen out loud"

#: The menu's commands in order (labels, with their mnemonics, from assistant.catalog); None is a
#: separator. The main window offers the same commands, so nothing is reachable only from here.
MENU: tuple[str | None, ...] = (
    "describe-screen",
    "describe-window",
    "describe-pointer",
    "clipboard",
    "open",
    "show",
    None,
    "repeat",
    "stop",
    *PART_COMMANDS,
    *EXPLORE_COMMANDS,
    None,
    "history",
    "settings",
    "help",
    None,
    "quit",
)


class Tray(QObject):
    command = Signal(str)

    def __init__(self, hotkeys: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.menu.setTitle(APP_TITLE)
        self.menu.setAccessibleName("Assistant menu")
        self.actions: dict[str, QAction] = {}
        for name in MENU:
            if name is None:
                self.menu.addSeparator()
                continue
            action = QAction(COMMAND_BY_NAME[name].label, self.menu)
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
        for name, action in self.actions.items():
            text, label = COMMAND_BY_NAME[name].label, chord_label(hotkeys.get(name, ""))
            action.setText(f"{text}\t{label}" if label else text)

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
