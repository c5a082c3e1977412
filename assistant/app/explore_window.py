"""Explore mode: what the last description found, item by item, to move through and act on (issue #15).

What OCRdesktop and NVDA's OCR result view give blind users, on the assistant's own reading: an
accessible list, in reading order, of the windows, headings, lines, table rows and cells and the
buttons the last description read (:mod:`assistant.understand.found`). Up and Down move and say the
item; Enter (or *Click*) clicks it: the window hides first so that the click reaches the program
under it, and the pointer is left there. *Find* (Ctrl+F, or the ``find-text`` command with words)
selects the first item holding the words, moves the pointer there and says "Press Enter to click".
Escape closes. A picture file's items have no place on the screen: they are listed and said, and
clicking says why it cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.app.qtimage import app_icon

if TYPE_CHECKING:  # the pipeline's packages load with the model, not before the tray shows
    from assistant.capture.pointer_control import PointerControl
    from assistant.understand.found import FoundItem

Say = Callable[[str], None]
CLICK_DELAY_MS = 200  # after hiding this window, before clicking: the window manager restacks


class ExploreWindow(QWidget):
    def __init__(
        self, say: Say, pointer: Callable[[], PointerControl | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._say = say
        self._pointer = pointer
        self.items: list[FoundItem] = []
        self.setWindowTitle("Explore")
        self.setWindowIcon(app_icon())
        self.setAccessibleName("Explore what was described")
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        find_row = QHBoxLayout()
        find_label = QLabel("&Find text:", self)
        self.find_field = QLineEdit(self)
        self.find_field.setAccessibleName("Find text")
        self.find_field.setAccessibleDescription("Type words and press Enter to find them")
        find_label.setBuddy(self.find_field)
        find_row.addWidget(find_label)
        find_row.addWidget(self.find_field, 1)
        layout.addLayout(find_row)
        self.heading = QLabel("&Items, in reading order:", self)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Items, in reading order")
        self.heading.setBuddy(self.list)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.click_button = QPushButton("&Click", self)
        self.click_button.setAccessibleDescription("Click the selected item on the screen")
        self.move_button = QPushButton("&Move pointer here", self)
        self.close_button = QPushButton("Cl&ose", self)
        for button in (self.click_button, self.move_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.status = QLabel("", self)
        self.status.setAccessibleName("Explore status")
        layout.addWidget(self.status)
        self.find_field.returnPressed.connect(lambda: self.find_text(self.find_field.text()))
        self.list.currentRowChanged.connect(self._on_row)
        self.list.itemActivated.connect(lambda _item: self.click_current())
        self.click_button.clicked.connect(self.click_current)
        self.move_button.clicked.connect(self.move_to_current)
        self.close_button.clicked.connect(self.hide)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_find)
        self._quiet = False

    # -- content -----------------------------------------------------------------------------
    def show_items(self, items: Sequence[FoundItem]) -> None:
        """List ``items`` (the last description's), the first one current, without saying it."""
        self.items = list(items)
        self._quiet = True
        self.list.clear()
        for item in self.items:
            row = QListWidgetItem("    " * item.level + item.spoken)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, item.spoken)
            self.list.addItem(row)
        if self.items:
            self.list.setCurrentRow(0)
        self._quiet = False
        count = len(self.items)
        self.status.setText("Nothing was read." if not count else f"{count} item{'s' * (count != 1)}.")

    def current(self) -> FoundItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _on_row(self, row: int) -> None:
        if not self._quiet and 0 <= row < len(self.items):
            self._say(self.items[row].spoken)

    # -- acting --------------------------------------------------------------------------------
    def find_text(self, words: str) -> tuple[bool, str]:
        """Select the first item holding ``words`` after the current one, and move the pointer there."""
        from assistant.understand.found import find

        start = max(0, self.list.currentRow() + 1) if self.items else 0
        index = find(self.items, words, start)
        if index is None:
            message = f"'{words.strip()}' was not found." if words.strip() else "Type the words to find."
            self._tell(message)
            return False, message
        self._quiet = True
        self.list.setCurrentRow(index)
        self._quiet = False
        item = self.items[index]
        moved = self._act(item, click=False)
        message = f"{item.spoken}. " + ("Press Enter to click it." if moved else self._why_not(item))
        self.list.setFocus()
        self._tell(message)
        return True, message

    def move_to_current(self) -> None:
        item = self.current()
        if item is not None:
            self._tell("Pointer moved." if self._act(item, click=False) else self._why_not(item))

    def click_current(self) -> None:
        """Hide, then click the current item where it is on the screen (the pointer stays there)."""
        item = self.current()
        if item is None:
            return
        if item.point is None or self._pointer() is None:
            self._tell(self._why_not(item))
            return
        self.hide()
        QTimer.singleShot(CLICK_DELAY_MS, lambda: self._act(item, click=True))

    def _act(self, item: FoundItem, *, click: bool) -> bool:
        pointer = self._pointer()
        if item.point is None or pointer is None:
            return False
        x, y = item.point
        if click:
            pointer.click(x, y)
        else:
            pointer.move_to(x, y)
        return True

    def _why_not(self, item: FoundItem) -> str:
        if item.point is None:
            return "This came from a picture, not the screen: there is nothing to click."
        return "I cannot move the pointer on this desktop."

    def _tell(self, message: str) -> None:
        self.status.setText(message)
        self._say(message)

    def focus_find(self) -> None:
        self.find_field.setFocus()
        self.find_field.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        else:
            super().keyPressEvent(event)


def present(window: QWidget) -> None:
    """Show a window in front, unminimised, with the keyboard."""
    window.show()
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()


def _platform_pointer() -> PointerControl | None:
    from assistant.capture.pointer_control import create_pointer_control

    return create_pointer_control()


class Explorer:
    """The controller's side of explore mode: the last description's items, the window (made when
    first asked for) and the platform's pointer control (opened when first needed)."""

    def __init__(self, say: Say, pointer_factory: Callable[[], PointerControl | None] | None = None) -> None:
        """``pointer_factory``: the platform's pointer control (default: made when first needed)."""
        self._say = say
        self._pointer_factory = pointer_factory or _platform_pointer
        self._pointer: PointerControl | None = None
        self._pointer_tried = False
        self.items: list[FoundItem] = []
        self.window: ExploreWindow | None = None

    def pointer(self) -> PointerControl | None:
        if not self._pointer_tried:
            self._pointer_tried = True
            self._pointer = self._pointer_factory()
        return self._pointer

    def described(self, items: Sequence[FoundItem]) -> None:
        self.items = list(items)
        if self.window is not None:
            self.window.show_items(self.items)

    def _window(self) -> ExploreWindow:
        if self.window is None:
            self.window = ExploreWindow(self._say, self.pointer)
            self.window.show_items(self.items)
        present(self.window)
        return self.window

    def explore(self) -> tuple[bool, str]:
        if not self.items:
            return False, "Nothing has been read yet: describe the screen first."
        window = self._window()
        window.list.setFocus()
        current = window.current()
        self._say(f"Explore, {len(self.items)} items. {current.spoken if current else ''}".strip())
        return True, "Explore shown."

    def find(self, words: str) -> tuple[bool, str]:
        """With words (``assistant trigger find-text Save``): find them now; without (the hotkey,
        the menu): open explore mode in its find field."""
        if not self.items:
            return False, "Nothing has been read yet: describe the screen first."
        window = self._window()
        if words.strip():
            return window.find_text(words)
        window.focus_find()
        self._say("Find text: type the words and press Enter.")
        return True, "Find text shown."

    def close(self) -> None:
        """At quit: the pointer's connection closed, the window deleted by Qt on the GUI thread (not
        whenever Python's garbage collector gets to it, on whichever thread that is)."""
        if self._pointer is not None:
            self._pointer.close()
            self._pointer = None
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None
