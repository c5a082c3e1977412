"""The history window: an accessible list of past descriptions with Copy, Speak again, Clear."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.app.history import HistoryEntry, HistoryStore
from assistant.app.qtimage import app_icon


class HistoryWindow(QWidget):
    speak_requested = Signal(str)
    cleared = Signal()

    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("History")
        self.setWindowIcon(app_icon())
        self.setAccessibleName("Assistant history")
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        self.heading = QLabel("&Descriptions, newest first:", self)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Descriptions, newest first")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.heading.setBuddy(self.list)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.copy_button = QPushButton("&Copy", self)
        self.copy_button.setAccessibleName("Copy")
        self.copy_button.setAccessibleDescription("Copy the selected description to the clipboard")
        self.speak_button = QPushButton("&Speak again", self)
        self.speak_button.setAccessibleName("Speak again")
        self.speak_button.setAccessibleDescription("Say the selected description again")
        self.clear_button = QPushButton("C&lear history", self)
        self.clear_button.setAccessibleName("Clear history")
        self.close_button = QPushButton("Cl&ose", self)
        self.close_button.setAccessibleName("Close")
        for button in (self.copy_button, self.speak_button, self.clear_button, self.close_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.status = QLabel("", self)
        self.status.setAccessibleName("History status")
        layout.addWidget(self.status)
        self.copy_button.clicked.connect(self.copy_selected)
        self.speak_button.clicked.connect(self.speak_selected)
        self.clear_button.clicked.connect(self.clear)
        self.close_button.clicked.connect(self.hide)
        self.list.itemActivated.connect(lambda _item: self.speak_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.refresh()

    @staticmethod
    def item_text(entry: HistoryEntry) -> str:
        return f"{entry.time_label()}, {entry.source}: {entry.text}"

    def refresh(self) -> None:
        self.list.clear()
        for entry in self.store.newest_first():
            item = QListWidgetItem(self.item_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.item_text(entry))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        count = self.list.count()
        self.status.setText(
            "No descriptions yet." if count == 0 else f"{count} description{'s' * (count != 1)}."
        )
        self._update_buttons()

    def selected_text(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def copy_selected(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.status.setText("Copied.")

    def speak_selected(self) -> None:
        text = self.selected_text()
        if text:
            self.speak_requested.emit(text)

    def clear(self) -> None:
        self.store.clear()
        self.refresh()
        self.cleared.emit()

    def _update_buttons(self) -> None:
        has = self.list.currentItem() is not None
        self.copy_button.setEnabled(has)
        self.speak_button.setEnabled(has)
        self.clear_button.setEnabled(self.list.count() > 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        else:
            super().keyPressEvent(event)
