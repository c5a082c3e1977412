"""Qt dialogs and editors rendered offscreen with QWidget.grab().

Run as ``python -m tests.fixtures_screens.qt_scenes OUTDIR`` (QT_QPA_PLATFORM=offscreen is set
here) so no QApplication ever lives in the test process. The texts are plain data, importable
without Qt, so the tests know what each picture says.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.fixtures_screens.corpus import sentences

EDITOR_TEXT = sentences(2, 4)

QT_TEXTS: dict[str, list[str]] = {
    "qt_login": ["Sign in", "User name", "Password", "Remember me", "OK", "Cancel"],
    "qt_settings": [
        "Preferences",
        "General",
        "Speech",
        "Speak window titles",
        "Read text under the pointer",
        "Use high contrast icons",
        "Speech rate",
        "Apply",
        "Close",
    ],
    "qt_editor": ["File", "Edit", "View", "Help", *EDITOR_TEXT, "Line 4, Column 1"],
    "qt_file_table": [
        "Name",
        "Size",
        "Modified",
        "holiday_plan.txt",
        "4 KB",
        "2024-05-01",
        "budget.ods",
        "18 KB",
        "2024-04-28",
        "letter_to_council.odt",
        "22 KB",
        "2024-04-20",
        "recipes",
        "Folder",
        "2024-03-11",
    ],
    "qt_message_box": [
        "Unsaved changes",
        "Do you want to save the changes to report.txt before closing?",
        "Save",
        "Discard",
    ],
    "qt_form": [
        "New contact",
        "First name",
        "Jamie",
        "Last name",
        "Rivers",
        "Phone",
        "0161 555 0134",
        "City",
        "Manchester",
        "Add contact",
    ],
    "qt_list": [
        "Tasks for today",
        "Pay the electricity bill",
        "Book a table for Friday",
        "Return the parcel",
        "Phone grandmother",
        "Water the tomatoes",
        "Add task",
        "Remove",
    ],
    "qt_progress": [
        "Copying files",
        "Copying photos to backup drive",
        "About two minutes left",
        "Pause",
        "Stop",
    ],
}


def _build(name: str):  # type: ignore[no-untyped-def]
    from PySide6 import QtWidgets

    t = QT_TEXTS[name]
    if name == "qt_login":
        w = QtWidgets.QDialog()
        w.setWindowTitle(t[0])
        form = QtWidgets.QFormLayout(w)
        form.addRow(t[1], QtWidgets.QLineEdit())
        pw = QtWidgets.QLineEdit()
        pw.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        form.addRow(t[2], pw)
        form.addRow(QtWidgets.QCheckBox(t[3]))
        box = QtWidgets.QHBoxLayout()
        box.addWidget(QtWidgets.QLabel(f"<b>{t[0]}</b>"))
        form.insertRow(0, box)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(QtWidgets.QPushButton(t[4]))
        buttons.addWidget(QtWidgets.QPushButton(t[5]))
        form.addRow(buttons)
        w.resize(420, 220)
    elif name == "qt_settings":
        w = QtWidgets.QDialog()
        lay = QtWidgets.QVBoxLayout(w)
        lay.addWidget(QtWidgets.QLabel(f"<h2>{t[0]}</h2>"))
        tabs = QtWidgets.QTabWidget()
        page = QtWidgets.QWidget()
        pl = QtWidgets.QVBoxLayout(page)
        for label in t[3:6]:
            c = QtWidgets.QCheckBox(label)
            c.setChecked(True)
            pl.addWidget(c)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel(t[6]))
        row.addWidget(QtWidgets.QSlider())
        pl.addLayout(row)
        tabs.addTab(page, t[1])
        tabs.addTab(QtWidgets.QWidget(), t[2])
        lay.addWidget(tabs)
        bl = QtWidgets.QHBoxLayout()
        bl.addStretch()
        bl.addWidget(QtWidgets.QPushButton(t[7]))
        bl.addWidget(QtWidgets.QPushButton(t[8]))
        lay.addLayout(bl)
        w.resize(560, 380)
    elif name == "qt_editor":
        w = QtWidgets.QMainWindow()
        for m in t[:4]:
            w.menuBar().addMenu(m)
        edit = QtWidgets.QPlainTextEdit()
        edit.setPlainText("\n".join(EDITOR_TEXT))
        w.setCentralWidget(edit)
        w.statusBar().showMessage(t[-1])
        w.resize(900, 420)
    elif name == "qt_file_table":
        w = QtWidgets.QTableWidget(4, 3)
        w.setHorizontalHeaderLabels(t[:3])
        cells = t[3:]
        for i in range(4):
            for j in range(3):
                w.setItem(i, j, QtWidgets.QTableWidgetItem(cells[i * 3 + j]))
        w.setColumnWidth(0, 260)
        w.setColumnWidth(1, 120)
        w.setColumnWidth(2, 160)
        w.verticalHeader().hide()
        w.resize(600, 240)
    elif name == "qt_message_box":
        w = QtWidgets.QDialog()
        lay = QtWidgets.QVBoxLayout(w)
        lay.addWidget(QtWidgets.QLabel(f"<b>{t[0]}</b>"))
        lay.addWidget(QtWidgets.QLabel(t[1]))
        bl = QtWidgets.QHBoxLayout()
        bl.addStretch()
        bl.addWidget(QtWidgets.QPushButton(t[2]))
        bl.addWidget(QtWidgets.QPushButton(t[3]))
        lay.addLayout(bl)
        w.resize(620, 160)
    elif name == "qt_form":
        w = QtWidgets.QDialog()
        lay = QtWidgets.QVBoxLayout(w)
        lay.addWidget(QtWidgets.QLabel(f"<h2>{t[0]}</h2>"))
        form = QtWidgets.QFormLayout()
        for k in range(1, 9, 2):
            form.addRow(t[k], QtWidgets.QLineEdit(t[k + 1]))
        lay.addLayout(form)
        lay.addWidget(QtWidgets.QPushButton(t[9]))
        w.resize(460, 300)
    elif name == "qt_list":
        w = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(w)
        lay.addWidget(QtWidgets.QLabel(f"<h2>{t[0]}</h2>"))
        lw = QtWidgets.QListWidget()
        lw.addItems(t[1:6])
        lay.addWidget(lw)
        bl = QtWidgets.QHBoxLayout()
        bl.addWidget(QtWidgets.QPushButton(t[6]))
        bl.addWidget(QtWidgets.QPushButton(t[7]))
        lay.addLayout(bl)
        w.resize(440, 340)
    elif name == "qt_progress":
        w = QtWidgets.QDialog()
        lay = QtWidgets.QVBoxLayout(w)
        lay.addWidget(QtWidgets.QLabel(f"<h2>{t[0]}</h2>"))
        lay.addWidget(QtWidgets.QLabel(t[1]))
        bar = QtWidgets.QProgressBar()
        bar.setValue(40)
        bar.setTextVisible(False)
        lay.addWidget(bar)
        lay.addWidget(QtWidgets.QLabel(t[2]))
        bl = QtWidgets.QHBoxLayout()
        bl.addStretch()
        bl.addWidget(QtWidgets.QPushButton(t[3]))
        bl.addWidget(QtWidgets.QPushButton(t[4]))
        lay.addLayout(bl)
        w.resize(480, 220)
    else:
        raise KeyError(name)
    return w


def render_all(out_dir: Path, names: list[str] | None = None) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtGui, QtWidgets

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    app.setFont(QtGui.QFont("DejaVu Sans", 11))
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in names or list(QT_TEXTS):
        widget = _build(name)
        widget.show()
        app.processEvents()
        widget.grab().save(str(out_dir / f"{name}.png"))
        widget.close()


if __name__ == "__main__":
    render_all(Path(sys.argv[1]), sys.argv[2:] or None)
