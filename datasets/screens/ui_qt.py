"""A Qt (PySide6) window built from the same JSON spec as ``ui_tk.py``, reporting its words' boxes.

    .venv/bin/python ui_qt.py SPEC.json LAYOUT.json

Every half second the window writes LAYOUT.json (same format as ``ui_tk.py``): each text item, its
role and the screen box of each word, from Qt's own geometry and font metrics. Where Qt does not
say where a word is drawn (a line edit, a word-wrapped message), every word gets the item's box,
so a partly covered item counts as hidden rather than seen. ``"type": "messagebox"`` shows a real
QMessageBox instead of a built window.
"""

from __future__ import annotations

import json
import math
import os
import sys
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

Box = list[int]


def _font(spec: dict[str, Any], default: QFont) -> QFont:
    f = spec.get("font")
    if not f:
        return QFont(default)
    font = QFont(f[0])
    font.setPointSizeF(float(f[1]))
    if "bold" in f[2:]:
        font.setBold(True)
    return font


def _global(w: QWidget, rect: QRect) -> Box:
    p = w.mapToGlobal(rect.topLeft())
    return [p.x(), p.y(), rect.width(), rect.height()]


def _words_in_box(text: str, box: Box) -> list[list[Any]]:
    return [[t, box] for t in text.split()]


def _headings(header: QHeaderView, columns: list[str]) -> list[dict[str, Any]]:
    """A table's or tree's column headings as the report's items: row 0, each boxed in its section."""
    out = []
    for c, name in enumerate(columns):
        rect = QRect(header.sectionViewportPosition(c), 0, header.sectionSize(c), header.height())
        out.append(
            {
                "role": "heading",
                "text": name,
                "row": 0,
                "col": c,
                "words": _words_in_box(name, _global(header, rect)),
            }
        )
    return out


def _line_words(
    fm: QFontMetrics, lines: list[str], x0: float, y0: float, bw: float, align: str
) -> list[list[Any]]:
    words: list[list[Any]] = []
    ls = fm.lineSpacing()
    for i, line in enumerate(lines):
        lw = fm.horizontalAdvance(line)
        lx = x0 + {"left": 0.0, "center": (bw - lw) / 2, "right": bw - lw}[align]
        pos = 0
        for word in line.split():
            idx = line.index(word, pos)
            pos = idx + len(word)
            wx = lx + fm.horizontalAdvance(line[:idx])
            words.append([word, [round(wx), round(y0 + i * ls), fm.horizontalAdvance(word), fm.height()]])
    return words


def _block_words(w: QWidget, text: str, rect: QRect, font: QFont, halign: str) -> list[list[Any]]:
    """Words of a text block drawn in ``rect`` (widget coordinates), centred vertically."""
    fm = QFontMetrics(font)
    lines = text.split("\n")
    bw = max(fm.horizontalAdvance(line) for line in lines)
    bh = fm.lineSpacing() * (len(lines) - 1) + fm.height()
    origin = w.mapToGlobal(rect.topLeft())
    if halign == "left":
        x0 = float(origin.x())
    elif halign == "right":
        x0 = float(origin.x() + rect.width() - bw)
    else:
        x0 = origin.x() + (rect.width() - bw) / 2
    y0 = origin.y() + (rect.height() - bh) / 2
    return _line_words(fm, lines, x0, y0, bw, halign)


class ClockFace(QWidget):
    """An analogue clock at a fixed time, numerals drawn where ``numerals()`` says."""

    def __init__(self, time: str, size: int, font: QFont, fg: QColor, face: QColor) -> None:
        super().__init__()
        self.setFixedSize(size, size)
        self.hh, self.mm = (int(x) for x in time.split(":"))
        self.font_ = font
        self.fg, self.face = fg, face

    def numerals(self) -> list[tuple[str, QRect]]:
        c = self.width() / 2
        r = c - 6
        fm = QFontMetrics(self.font_)
        out = []
        for n in range(1, 13):
            a = math.radians(n * 30 - 90)
            x, y = c + 0.8 * r * math.cos(a), c + 0.8 * r * math.sin(a)
            tw = fm.horizontalAdvance(str(n))
            out.append((str(n), QRect(round(x - tw / 2), round(y - fm.height() / 2), tw, fm.height())))
        return out

    def paintEvent(self, event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.face)
        c = self.width() / 2
        r = c - 6
        pen = p.pen()
        pen.setColor(self.fg)
        pen.setWidth(3)
        p.setPen(pen)
        p.drawEllipse(QRect(6, 6, round(2 * r), round(2 * r)))
        p.setFont(self.font_)
        for text, rect in self.numerals():
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        for length, angle, width in ((0.5, (self.hh % 12 + self.mm / 60) * 30, 6), (0.72, self.mm * 6, 4)):
            a = math.radians(angle - 90)
            pen.setWidth(width)
            p.setPen(pen)
            p.drawLine(
                QPoint(round(c), round(c)),
                QPoint(round(c + length * r * math.cos(a)), round(c + length * r * math.sin(a))),
            )
        p.end()


class QtWindow:
    def __init__(self, spec: dict[str, Any], layout_path: str) -> None:
        self.spec = spec
        self.layout_path = layout_path
        self.items: list[tuple[str, QWidget, dict[str, Any]]] = []
        self.font = _font(spec, QFont("DejaVu Sans", 10))
        self.window: QWidget
        if spec.get("messagebox"):
            self.window = self._messagebox(spec["messagebox"])
        else:
            self.window = QWidget()
            self.window.setWindowTitle(spec["title"])
            self.window.setFont(self.font)
            lay = QVBoxLayout(self.window)
            pad = spec.get("padding", 12)
            lay.setContentsMargins(pad, pad, pad, pad)
            lay.setSpacing(spec.get("spacing", 8))
            self.layout = lay
            for element in spec["body"]:
                getattr(self, "_" + element["type"])(element)
            lay.addStretch(1)
        if spec.get("width"):
            self.window.resize(spec["width"], spec.get("height", self.window.sizeHint().height()))
        self.window.show()
        if "x" in spec:
            self.window.move(spec["x"], spec["y"])
        self.timer = QTimer()
        self.timer.timeout.connect(self.dump)
        self.timer.start(500)

    # ---- elements -------------------------------------------------------------------------
    def _label(self, element: dict[str, Any]) -> None:
        lab = QLabel(element["text"])
        lab.setFont(_font(element, self.font))
        anchor = element.get("anchor", "w")
        h = {"w": Qt.AlignmentFlag.AlignLeft, "e": Qt.AlignmentFlag.AlignRight}.get(
            anchor, Qt.AlignmentFlag.AlignHCenter
        )
        lab.setAlignment(h | Qt.AlignmentFlag.AlignVCenter)
        if element.get("fg"):
            lab.setStyleSheet(f"color: {element['fg']};")
        self.layout.addWidget(lab)
        self.items.append(
            (element.get("role", "text"), lab, {"align": {"w": "left", "e": "right"}.get(anchor, "center")})
        )

    def _display(self, element: dict[str, Any]) -> None:
        lab = QLabel(element["text"])
        font = _font(element, QFont(self.font.family(), 20))
        lab.setFont(font)
        lab.setFrameStyle(QFrame.Shape.Panel | QFrame.Shadow.Sunken)
        lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lab.setIndent(8)
        lab.setMinimumHeight(QFontMetrics(font).height() + 16)
        self.layout.addWidget(lab)
        self.items.append(("display", lab, {"align": "right", "indent": 8}))

    def _button(self, text: str, element: dict[str, Any]) -> QPushButton:
        b = QPushButton(text)
        b.setFont(_font(element, self.font))
        self.items.append(("button", b, {}))
        return b

    def _buttons(self, element: dict[str, Any]) -> None:
        row = QHBoxLayout()
        if element.get("align", "right") == "right":
            row.addStretch(1)
        for text in element["items"]:
            row.addWidget(self._button(text, element))
        if element.get("align", "right") != "right":
            row.addStretch(1)
        self.layout.addLayout(row)

    def _toolbar(self, element: dict[str, Any]) -> None:
        bar = QToolBar()
        bar.setFont(_font(element, self.font))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for text in element["items"]:
            if text == "|":
                bar.addSeparator()
                continue
            action = bar.addAction(text)
            self.items.append(("toolbutton", bar, {"action": action, "text": text}))
        self.layout.addWidget(bar)

    def _grid(self, element: dict[str, Any]) -> None:
        grid = QGridLayout()
        grid.setSpacing(element.get("gap", 4))
        for r, keys in enumerate(element["rows"]):
            for c, text in enumerate(keys):
                if text:
                    b = self._button(text, element)
                    b.setMinimumSize(element.get("key_w", 56), element.get("key_h", 40))
                    if "style_sheet" in element:  # keys of another look (rounded, coloured)
                        b.setStyleSheet(element["style_sheet"])
                    grid.addWidget(b, r, c)
        self.layout.addLayout(grid)

    def _form(self, element: dict[str, Any]) -> None:
        grid = QGridLayout()
        font = _font(element, self.font)
        fm = QFontMetrics(font)
        for r, (label, value) in enumerate(element["fields"]):
            lab = QLabel(label)
            lab.setFont(font)
            lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(lab, r, 0)
            self.items.append(("text", lab, {"align": "right"}))
            ent = QLineEdit(value)
            ent.setFont(font)
            ent.setMinimumWidth(fm.horizontalAdvance("x") * element.get("entry_width", 28))
            ent.setCursorPosition(0)
            grid.addWidget(ent, r, 1)
            if value:
                self.items.append(("value", ent, {"text": value}))
        self.layout.addLayout(grid)

    def _checks(self, element: dict[str, Any]) -> None:
        for text, on in element["items"]:
            cb = QCheckBox(text)
            cb.setFont(_font(element, self.font))
            cb.setChecked(bool(on))
            self.layout.addWidget(cb)
            self.items.append(("check", cb, {}))

    def _text(self, element: dict[str, Any]) -> None:
        ed = QPlainTextEdit(element["text"])
        font = _font(element, self.font)
        ed.setFont(font)
        fm = QFontMetrics(font)
        ed.setFixedHeight(fm.lineSpacing() * element.get("height", 8) + 16)
        ed.setMinimumWidth(fm.horizontalAdvance("x") * element.get("width", 60))
        self.layout.addWidget(ed)
        self.items.append(("textarea", ed, {}))

    def _table(self, element: dict[str, Any]) -> None:
        columns, rows = element["columns"], element["rows"]
        t = QTableWidget(len(rows), len(columns))
        t.setFont(_font(element, self.font))
        t.setHorizontalHeaderLabels(columns)
        t.verticalHeader().setVisible(False)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        t.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.setItem(r, c, QTableWidgetItem(text))
        t.resizeColumnsToContents()
        hh = t.horizontalHeader()
        for c in range(len(columns)):
            t.setColumnWidth(c, t.columnWidth(c) + 16)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        width = sum(t.columnWidth(c) for c in range(len(columns))) + 2 * t.frameWidth()
        height = hh.sizeHint().height() + sum(t.rowHeight(r) for r in range(len(rows))) + 2 * t.frameWidth()
        t.setFixedSize(width, height)
        self.layout.addWidget(t)
        self.items.append(("table", t, {"columns": columns, "rows": rows}))

    def _clock(self, element: dict[str, Any]) -> None:
        font = _font(element, QFont(self.font.family(), 13))
        font.setBold(True)
        pal = self.window.palette()
        face = ClockFace(
            element["time"],
            element.get("size", 220),
            font,
            QColor(element.get("fg", pal.color(QPalette.ColorRole.WindowText).name())),
            QColor(element.get("face", "#ffffff")),
        )
        self.layout.addWidget(face, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.items.append(("canvas", face, {}))

    def _messagebox(self, mb: dict[str, Any]) -> QMessageBox:
        icons = {
            "question": QMessageBox.Icon.Question,
            "warning": QMessageBox.Icon.Warning,
            "information": QMessageBox.Icon.Information,
            "critical": QMessageBox.Icon.Critical,
            "none": QMessageBox.Icon.NoIcon,
        }
        box = QMessageBox(icons[mb.get("icon", "question")], self.spec["title"], mb["text"])
        box.setFont(self.font)
        if mb.get("informative"):
            box.setInformativeText(mb["informative"])
        if mb.get("detailed"):  # hidden behind Qt's own "Show Details..." button, which is shown
            box.setDetailedText(mb["detailed"])
        roles = {
            "accept": QMessageBox.ButtonRole.AcceptRole,
            "reject": QMessageBox.ButtonRole.RejectRole,
            "destructive": QMessageBox.ButtonRole.DestructiveRole,
            "action": QMessageBox.ButtonRole.ActionRole,
        }
        for text, role in mb["buttons"]:
            box.addButton(text, roles[role])
        box.setModal(False)
        self.items.append(("messagebox", box, {}))
        return box

    # ---- elements added in session 10 (a menu bar, tabs, a tree with columns) ---------------
    def _menubar(self, element: dict[str, Any]) -> None:
        """A real QMenuBar over the window's layout; each title boxed by ``actionGeometry``."""
        bar = QMenuBar(self.window)
        bar.setFont(_font(element, self.font))
        actions = [(bar.addMenu(text).menuAction(), text) for text in element["items"]]
        self.layout.setMenuBar(bar)

        def report() -> list[dict[str, Any]]:
            return [
                {
                    "role": "text",
                    "text": text,
                    "words": _block_words(bar, text, bar.actionGeometry(a), bar.font(), "center"),
                }
                for a, text in actions
                if bar.isVisible()
            ]

        self.items.append(("custom", bar, {"report": report}))

    def _tabs(self, element: dict[str, Any]) -> None:
        """A QTabWidget: its tab labels (boxed by ``tabRect``), the current tab's page built from
        ``body`` like the window itself; the other pages are empty (never shown)."""
        tabs = QTabWidget()
        tabs.setFont(_font(element, self.font))
        tabs.tabBar().setUsesScrollButtons(False)  # every tab whole: the window widens to fit them
        tabs.setElideMode(Qt.TextElideMode.ElideNone)
        outer = self.layout
        first = len(self.items)  # the tab labels are read before the page
        for i, text in enumerate(element["items"]):
            page = QWidget()
            tabs.addTab(page, text)
            if i == element.get("current", 0):
                inner = QVBoxLayout(page)
                inner.setContentsMargins(10, 10, 10, 10)
                self.layout = inner
                for sub in element["body"]:
                    getattr(self, "_" + sub["type"])(sub)
                inner.addStretch(1)
                self.layout = outer
        tabs.setCurrentIndex(element.get("current", 0))
        outer.addWidget(tabs)
        bar = tabs.tabBar()
        texts = list(element["items"])

        def report() -> list[dict[str, Any]]:
            return [
                {
                    "role": "text",
                    "text": t,
                    "words": _block_words(bar, t, bar.tabRect(i), bar.font(), "center"),
                }
                for i, t in enumerate(texts)
            ]

        self.items.insert(first, ("custom", bar, {"report": report}))

    def _tree(self, element: dict[str, Any]) -> None:
        """A QTreeWidget with columns, every branch expanded: ``rows`` are [depth, cell, ...]. Its
        rows are reported as a table (a details view is read as one); each cell's words get the
        cell's box (the first column's box starts after the indentation and the arrows)."""
        columns = element["columns"]
        tree = QTreeWidget()
        tree.setFont(_font(element, self.font))
        tree.setHeaderLabels(columns)
        tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        parents: list[QTreeWidgetItem] = []
        made: list[tuple[QTreeWidgetItem, list[str]]] = []
        for depth, *cells in element["rows"]:
            item = QTreeWidgetItem(list(cells))
            del parents[depth:]
            if parents:
                parents[-1].addChild(item)
            else:
                tree.addTopLevelItem(item)
            parents.append(item)
            made.append((item, list(cells)))
        tree.expandAll()
        for c in range(len(columns)):
            tree.resizeColumnToContents(c)
            tree.setColumnWidth(c, tree.columnWidth(c) + 24)
        hh = tree.header()
        width = sum(tree.columnWidth(c) for c in range(len(columns))) + 2 * tree.frameWidth()
        rows_h = sum(tree.visualItemRect(it).height() or 22 for it, _ in made)
        tree.setFixedSize(width, hh.sizeHint().height() + rows_h + 2 * tree.frameWidth() + 4)
        self.layout.addWidget(tree)

        def report() -> list[dict[str, Any]]:
            out: list[dict[str, Any]] = []
            vp = tree.viewport()
            for r, (item, cells) in enumerate(made, start=1):
                for c, text in enumerate(cells):
                    rect = tree.visualRect(tree.indexFromItem(item, c))
                    if c == 0:  # the text starts after the branch indentation and arrow
                        fm = QFontMetrics(tree.font())
                        left = rect.right() - tree.columnWidth(0) + 1
                        rect = QRect(max(rect.left(), left), rect.top(), rect.width(), rect.height())
                        rect.setWidth(min(rect.width(), fm.horizontalAdvance(text) + 12))
                    if rect.isEmpty() or not vp.rect().contains(rect):
                        continue
                    out.append(
                        {
                            "role": "cell",
                            "text": text,
                            "row": r,
                            "col": c,
                            "words": _words_in_box(text, _global(vp, rect)),
                        }
                    )
            return out + _headings(hh, columns)

        self.items.append(
            ("custom", tree, {"report": report, "columns": columns, "rows": [c for _, c in made]})
        )

    # ---- elements added in session 12 -------------------------------------------------------
    def _striped_table(self, element: dict[str, Any]) -> None:
        """A QTableWidget as ``_table`` builds it, in another look: alternating row colours (the
        style's own), one row selected (``selected``, 1 = the first data row), optionally row
        numbers in the vertical header (``row_numbers``: reported as text beside the table, not as
        cells), no grid (``grid`` false), columns right-aligned (``right``). Cells are reported
        like ``_table``'s."""
        columns, rows = element["columns"], element["rows"]
        t = QTableWidget(len(rows), len(columns))
        t.setFont(_font(element, self.font))
        t.setHorizontalHeaderLabels(columns)
        numbers = bool(element.get("row_numbers"))
        t.verticalHeader().setVisible(numbers)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        t.setAlternatingRowColors(element.get("alternate", True))
        t.setShowGrid(element.get("grid", True))
        if element.get("style_sheet"):
            t.setStyleSheet(element["style_sheet"])
        right = set(element.get("right", []))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c in right:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                t.setItem(r, c, item)
        if element.get("selected"):
            t.selectRow(element["selected"] - 1)
        t.resizeColumnsToContents()
        t.resizeRowsToContents()
        for r in range(len(rows)):
            t.setRowHeight(r, t.rowHeight(r) + element.get("row_pad", 4))
        hh = t.horizontalHeader()
        for c in range(len(columns)):
            t.setColumnWidth(c, t.columnWidth(c) + element.get("col_pad", 16))
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        vh = t.verticalHeader()
        side = vh.sizeHint().width() if numbers else 0
        width = side + sum(t.columnWidth(c) for c in range(len(columns))) + 2 * t.frameWidth()
        height = hh.sizeHint().height() + sum(t.rowHeight(r) for r in range(len(rows))) + 2 * t.frameWidth()
        t.setFixedSize(width, height)
        self.layout.addWidget(t)
        self.items.append(("table", t, {"columns": columns, "rows": rows}))
        if numbers:

            def report() -> list[dict[str, Any]]:
                out = []
                for r in range(len(rows)):
                    rect = QRect(0, vh.sectionViewportPosition(r), vh.width(), vh.sectionSize(r))
                    out.append(
                        {
                            "role": "text",
                            "text": str(r + 1),
                            "words": _words_in_box(str(r + 1), _global(vh, rect)),
                        }
                    )
                return out

            self.items.append(("custom", vh, {"report": report}))

    # ---- layout report ---------------------------------------------------------------------
    def _label_item(self, role: str, lab: QLabel, extra: dict[str, Any]) -> dict[str, Any]:
        rect = lab.contentsRect()
        indent = extra.get("indent", 0)
        if extra.get("align") == "right":
            rect.setRight(rect.right() - indent)
        elif extra.get("align") == "left":
            rect.setLeft(rect.left() + indent)
        return {
            "role": role,
            "text": lab.text(),
            "words": _block_words(lab, lab.text(), rect, lab.font(), extra.get("align", "left")),
        }

    def _button_item(self, b: QPushButton) -> dict[str, Any]:
        text = b.text().replace("&", "")
        opt = QStyleOptionButton()
        b.initStyleOption(opt)
        rect = b.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, b)
        return {"role": "button", "text": text, "words": _block_words(b, text, rect, b.font(), "center")}

    def report(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for role, w, extra in self.items:
            if not w.isVisible():
                continue
            if role in ("text", "display") and isinstance(w, QLabel):
                out.append(self._label_item(role, w, extra))
            elif role == "button" and isinstance(w, QPushButton):
                out.append(self._button_item(w))
            elif role == "value":
                out.append(
                    {
                        "role": "value",
                        "text": extra["text"],
                        "words": _words_in_box(extra["text"], _global(w, w.rect())),
                    }
                )
            elif role == "check" and isinstance(w, QCheckBox):
                opt = QStyleOptionButton()
                w.initStyleOption(opt)
                rect = w.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, opt, w)
                out.append(
                    {
                        "role": "text",
                        "text": w.text(),
                        "words": _block_words(w, w.text(), rect, w.font(), "left"),
                    }
                )
            elif role == "toolbutton" and isinstance(w, QToolBar):
                tb = w.widgetForAction(extra["action"])
                if isinstance(tb, QToolButton) and tb.isVisible():
                    out.append(
                        {
                            "role": "button",
                            "text": extra["text"],
                            "words": _block_words(tb, extra["text"], tb.rect(), tb.font(), "center"),
                        }
                    )
            elif role == "textarea" and isinstance(w, QPlainTextEdit):
                out.extend(self._textarea_words(w))
            elif role == "table" and isinstance(w, QTableWidget):
                out.extend(self._table_words(w, extra))
            elif role == "canvas" and isinstance(w, ClockFace):
                for text, rect in w.numerals():
                    out.append({"role": "text", "text": text, "words": [[text, _global(w, rect)]]})
            elif role == "custom":  # elements added later report themselves (_menubar, _tabs, _tree)
                out.extend(extra["report"]())
            elif role == "messagebox" and isinstance(w, QMessageBox):
                for lab in w.findChildren(QLabel):
                    if lab.isVisible() and lab.text():
                        out.append(
                            {
                                "role": "text",
                                "text": lab.text(),
                                "words": _words_in_box(lab.text(), _global(lab, lab.contentsRect())),
                            }
                        )
                for b in w.findChildren(QPushButton):
                    if b.isVisible():
                        out.append(self._button_item(b))
        return out

    @staticmethod
    def _textarea_words(ed: QPlainTextEdit) -> list[dict[str, Any]]:
        """Each word boxed from the editor's cursor rectangles at its first and last letter;
        words outside the viewport (scrolled off) are left out."""
        out: list[dict[str, Any]] = []
        text = ed.toPlainText()
        vp = ed.viewport()
        visible = vp.rect()
        cursor = QTextCursor(ed.document())
        pos = 0
        for word in text.split():
            idx = text.index(word, pos)
            pos = idx + len(word)
            cursor.setPosition(idx)
            a = ed.cursorRect(cursor)
            cursor.setPosition(idx + len(word))
            b = ed.cursorRect(cursor)
            if b.top() != a.top():  # wrapped: use the start line to the viewport's right edge
                b = QRect(visible.right(), a.top(), 0, a.height())
            rect = QRect(a.left(), a.top(), max(1, b.left() - a.left()), a.height())
            if visible.contains(rect):
                out.append({"role": "text", "text": word, "words": [[word, _global(vp, rect)]]})
        return out

    @staticmethod
    def _table_words(t: QTableWidget, extra: dict[str, Any]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        vp = t.viewport()
        for r, row in enumerate(extra["rows"]):
            for c, text in enumerate(row):
                item = t.item(r, c)
                if item is None:
                    continue
                rect = t.visualItemRect(item)
                if not vp.rect().contains(rect):
                    continue
                out.append(
                    {
                        "role": "cell",
                        "text": text,
                        "row": r + 1,
                        "col": c,
                        "words": _words_in_box(text, _global(vp, rect)),
                    }
                )
        return out + _headings(t.horizontalHeader(), extra["columns"])

    def dump(self) -> None:
        w = self.window
        origin = w.mapToGlobal(QPoint(0, 0))
        data = {
            "title": self.spec["title"],
            "pid": os.getpid(),
            "client": [origin.x(), origin.y(), w.width(), w.height()],
            "items": self.report(),
        }
        tmp = self.layout_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, self.layout_path)


def _dark_palette() -> QPalette:
    pal = QPalette()
    dark, base, text = QColor("#2b2b2b"), QColor("#1e1e1e"), QColor("#e6e6e6")
    pal.setColor(QPalette.ColorRole.Window, dark)
    pal.setColor(QPalette.ColorRole.WindowText, text)
    pal.setColor(QPalette.ColorRole.Base, base)
    pal.setColor(QPalette.ColorRole.AlternateBase, dark)
    pal.setColor(QPalette.ColorRole.Text, text)
    pal.setColor(QPalette.ColorRole.Button, QColor("#3a3a3a"))
    pal.setColor(QPalette.ColorRole.ButtonText, text)
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#3d6fb4"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return pal


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as fh:
        spec = json.load(fh)
    app = QApplication([sys.argv[0]])
    if spec.get("app_name"):  # Qt makes it the WM_CLASS class, as the assistant's own windows have
        app.setApplicationName(spec["app_name"])
    app.setStyle(spec.get("style", "Fusion"))
    if spec.get("dark"):
        app.setPalette(_dark_palette())
    window = QtWindow(spec, sys.argv[2])
    app.exec()
    del window


if __name__ == "__main__":
    main()
