"""The main window, which is also the drop window: every action as a button, a drop area, the
last description as readable text, and a status line. Keyboard-first: every button has a
mnemonic, Escape hides the window, and every control has an accessible name."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.app.qtimage import app_icon
from assistant.catalog import APP_TITLE, COMMAND_BY_NAME, EXPLORE_COMMANDS, PART_COMMANDS

log = logging.getLogger(__name__)

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.tif *.tiff);;All files (*)"
IMAGE_MIME_TYPES = ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp", "image/tiff")

#: The commands offered as buttons, in order (labels and help from assistant.catalog): everything the
#: tray menu has, Quit included, so a keyboard user never needs the tray.
BUTTONS: tuple[str, ...] = (
    "open",
    "describe-screen",
    "describe-window",
    "describe-pointer",
    "clipboard",
    "repeat",
    "stop",
    *PART_COMMANDS,
    *EXPLORE_COMMANDS,
    "history",
    "settings",
    "help",
    "quit",
)


def dropped_payload(mime: QMimeData) -> tuple[str, object]:
    """What a drop carries: ("file", path), ("image", QImage), ("error", sentence) or ("none", None)."""
    if mime.hasUrls():
        urls = mime.urls()
        local = [u.toLocalFile() for u in urls if u.isLocalFile()]
        if local:
            return "file", local[0]
        if urls:
            return "error", "Only files on this computer can be described."
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return "image", image
    for fmt in IMAGE_MIME_TYPES:
        if mime.hasFormat(fmt):
            image = QImage.fromData(mime.data(fmt))
            if not image.isNull():
                return "image", image
            return "error", "The dropped image could not be read."
    if mime.hasText():
        text = mime.text().strip()
        if text.startswith("file://") or Path(text).is_absolute():
            from PySide6.QtCore import QUrl

            url = QUrl(text)
            return "file", url.toLocalFile() if url.isLocalFile() else text
    return "none", None


class MainWindow(QWidget):
    """Emits ``command(name)`` for buttons, ``file_chosen(path)``, ``image_dropped(QImage)``,
    ``drop_failed(sentence)``."""

    command = Signal(str)
    file_chosen = Signal(str)
    image_dropped = Signal(QImage)
    drop_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(app_icon())
        self.setAccessibleName(APP_TITLE)
        self.setAccessibleDescription("Describes the screen or a picture out loud. Drop an image here.")
        self.setAcceptDrops(True)
        self.setMinimumSize(480, 360)

        layout = QVBoxLayout(self)
        self.drop_area = QFrame(self)
        self.drop_area.setObjectName("dropArea")
        self.drop_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_area.setAccessibleName("Drop area")
        self.drop_area.setAccessibleDescription(
            "Drop an image file, a link to a file or image data here to hear it described."
        )
        self.drop_area.setStyleSheet("#dropArea { border: 3px dashed #0b3d91; border-radius: 8px; }")
        drop_layout = QVBoxLayout(self.drop_area)
        self.drop_label = QLabel("Drop an image here to hear it described", self.drop_area)
        self.drop_label.setAccessibleName("Drop an image here to hear it described")
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.drop_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.drop_label.setFont(font)
        drop_layout.addWidget(self.drop_label)
        layout.addWidget(self.drop_area, 2)

        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, name in enumerate(BUTTONS):
            command = COMMAND_BY_NAME[name]
            button = QPushButton(command.label, self)
            button.setAccessibleName(command.plain_label)
            button.setAccessibleDescription(command.help)
            button.setToolTip(command.help)
            button.clicked.connect(lambda _checked=False, n=name: self._on_button(n))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[name] = button
        layout.addLayout(grid)

        self.result_label = QLabel("&Last description:", self)
        self.result = QPlainTextEdit(self)
        self.result.setReadOnly(True)
        self.result.setAccessibleName("Last description")
        for bar in (self.result.verticalScrollBar(), self.result.horizontalScrollBar()):
            bar.setAccessibleName("Scroll the last description")
        self.result.setPlaceholderText("Nothing described yet.")
        self.result.setTabChangesFocus(True)
        self.result_label.setBuddy(self.result)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result, 1)

        self.menu: QMenu | None = None
        self.status = QLabel("Starting…", self)
        self.status.setAccessibleName("Status")
        layout.addWidget(self.status)

    # -- behaviour -----------------------------------------------------------------------------
    def _on_button(self, name: str) -> None:
        if name == "open":
            self.open_image()
        else:
            self.command.emit(name)

    def open_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open image", str(Path.home()), IMAGE_FILTER)
        if path:
            self.file_chosen.emit(path)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def set_result(self, text: str) -> None:
        self.result.setPlainText(text)

    def show_and_focus(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()
        self.buttons["describe-screen"].setFocus()

    # -- drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        kind, _ = dropped_payload(event.mimeData())
        if kind in ("file", "image", "error"):
            event.acceptProposedAction()
            self.set_status("Drop to describe.")
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        kind, payload = dropped_payload(event.mimeData())
        if kind == "file":
            event.acceptProposedAction()
            self.file_chosen.emit(str(payload))
        elif kind == "image" and isinstance(payload, QImage):
            event.acceptProposedAction()
            self.image_dropped.emit(payload)
        elif kind == "error":
            event.acceptProposedAction()
            self.drop_failed.emit(str(payload))
        else:
            event.ignore()
            self.drop_failed.emit("That is not an image.")

    # -- window management ---------------------------------------------------------------------
    def set_menu(self, menu: QMenu) -> None:
        """The tray's menu, opened here with the Menu key or Shift+F10 (a tray icon has no keyboard path)."""
        self.menu = menu

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, shift = event.key(), event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Escape:
            self.hide()
        elif self.menu is not None and (key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and shift)):
            focus = self.focusWidget() or self
            self.menu.popup(focus.mapToGlobal(focus.rect().center()))
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window keeps the assistant running in the tray; Quit is in the menu.
        event.ignore()
        self.hide()
