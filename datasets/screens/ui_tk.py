"""A Tk window built from a small JSON spec, that reports where each of its words is drawn.

Run with Debian's own Python (``/usr/bin/python3``, package python3-tk), not the project's venv:

    /usr/bin/python3 ui_tk.py SPEC.json LAYOUT.json

The spec format is shared with ``ui_qt.py`` (see ``spec_format`` in ``scenes.py``). Every half
second the window writes LAYOUT.json: each text item with its role (text, button, value, cell,
heading, display) and the screen box of each of its words. The boxes are computed from Tk's own
geometry and font metrics, never read back from pixels, so the capture can tell which words another
window hides. Where Tk does not say where a word is (an entry's text, a table cell), every word of
the item gets the item's whole box: a partly covered item then counts as hidden, never as seen.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tkinter as tk
from tkinter import font as tkfont
from tkinter import ttk
from typing import Any

Box = list[int]


def _font(spec: dict[str, Any], default: tuple) -> tuple:
    f = spec.get("font")
    if not f:
        return default
    return (f[0], f[1], *(f[2:] if len(f) > 2 else []))


class TkWindow:
    def __init__(self, spec: dict[str, Any], layout_path: str) -> None:
        self.spec = spec
        self.layout_path = layout_path
        self.root = tk.Tk(className=spec.get("wm_class", "Tkdemo"))
        self.root.title(spec["title"])
        self.bg = spec.get("bg", "#d9d9d9")
        self.fg = spec.get("fg", "#000000")
        self.font = _font(spec, ("DejaVu Sans", 10))
        self.root.configure(bg=self.bg)
        self.items: list[tuple[str, tk.Widget, dict[str, Any]]] = []  # (role, widget, extra)
        pad = spec.get("padding", 12)
        self.frame = tk.Frame(self.root, bg=self.bg, padx=pad, pady=pad)
        self.frame.pack(fill="both", expand=True)
        style = ttk.Style(self.root)
        style.theme_use(spec.get("ttk_theme", "clam"))
        for element in spec["body"]:
            getattr(self, "_" + element["type"])(element)
        if "x" in spec:
            self.root.geometry(f"+{spec['x']}+{spec['y']}")
        self.root.after(600, self.dump)

    # ---- elements -------------------------------------------------------------------------
    def _row(self, element: dict[str, Any]) -> tk.Frame:
        row = tk.Frame(self.frame, bg=element.get("bg", self.bg))
        row.pack(fill="x", pady=element.get("pady", 4), anchor="w")
        return row

    def _label(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        anchor = element.get("anchor", "w")
        lab = tk.Label(
            row,
            text=element["text"],
            font=_font(element, self.font),
            fg=element.get("fg", self.fg),
            bg=element.get("bg", self.bg),
            justify="left" if anchor == "w" else "right" if anchor == "e" else "center",
            anchor=anchor,
            padx=element.get("padx", 2),
            pady=element.get("pady_in", 1),
        )
        lab.pack(fill="x")
        self.items.append((element.get("role", "text"), lab, {}))

    def _display(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        lab = tk.Label(
            row,
            text=element["text"],
            font=_font(element, (self.font[0], 20)),
            fg=element.get("fg", self.fg),
            bg=element.get("bg", "#f4f4ec"),
            anchor="e",
            padx=8,
            pady=4,
            relief="sunken",
            bd=2,
        )
        lab.pack(fill="x")
        self.items.append(("display", lab, {}))

    def _button(self, parent: tk.Widget, text: str, element: dict[str, Any], **kw: Any) -> tk.Button:
        b = tk.Button(
            parent,
            text=text,
            font=_font(element, self.font),
            fg=element.get("button_fg", self.fg),
            bg=element.get("button_bg", self.bg),
            activebackground=element.get("button_bg", self.bg),
            highlightbackground=self.bg,
            **kw,
        )
        self.items.append(("button", b, {}))
        return b

    def _buttons(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        right = element.get("align", "right") == "right"
        items = element["items"]
        for text in reversed(items) if right else items:
            b = self._button(row, text, element, width=element.get("width", 0), padx=10)
            b.pack(side="right" if right else "left", padx=4)

    def _toolbar(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        row.configure(bg=element.get("bar_bg", self.bg))
        for text in element["items"]:
            if text == "|":
                tk.Frame(row, width=2, height=22, bg="#9a9a9a").pack(side="left", padx=6, pady=2)
                continue
            self._button(row, text, element, relief="flat", bd=1, padx=6).pack(side="left", padx=1, pady=2)

    def _grid(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        for r, keys in enumerate(element["rows"]):
            for c, text in enumerate(keys):
                if not text:
                    continue
                # Optional looks (keypads of other programs): relief, border width, gap between keys.
                looks = {k: element[k] for k in ("relief", "bd") if k in element}
                b = self._button(row, text, element, width=element.get("width", 4), pady=4, **looks)
                gap = element.get("gap", 2)
                b.grid(row=r, column=c, padx=gap, pady=gap, sticky="nsew")

    def _form(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        width = element.get("entry_width", 28)
        for r, (label, value) in enumerate(element["fields"]):
            lab = tk.Label(
                row, text=label, font=_font(element, self.font), fg=self.fg, bg=self.bg, anchor="e"
            )
            lab.grid(row=r, column=0, sticky="e", padx=(0, 8), pady=3)
            self.items.append(("text", lab, {}))
            ent = tk.Entry(row, font=_font(element, self.font), width=width)
            ent.insert(0, value)
            ent.grid(row=r, column=1, sticky="w", pady=3)
            if value:
                self.items.append(("value", ent, {"text": value}))

    def _checks(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        for text, on in element["items"]:
            var = tk.IntVar(value=1 if on else 0)
            cb = tk.Checkbutton(
                row, text=text, variable=var, font=_font(element, self.font), fg=self.fg, bg=self.bg
            )
            cb.var = var  # type: ignore[attr-defined]  # keep the variable alive
            cb.pack(anchor="w")
            self.items.append(("text", cb, {"indicator": True}))

    def _text(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        t = tk.Text(
            row,
            width=element.get("width", 60),
            height=element.get("height", 8),
            font=_font(element, self.font),
            wrap="word",
            fg=element.get("fg", self.fg),
            bg=element.get("text_bg", "#ffffff"),
            padx=4,
            pady=4,
        )
        t.insert("1.0", element["text"])
        t.pack(fill="x")
        self.items.append(("textarea", t, {}))

    def _table(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        fnt = _font(element, self.font)
        f = tkfont.Font(font=fnt)
        style = ttk.Style(self.root)
        style.configure("Screens.Treeview", font=fnt, rowheight=f.metrics("linespace") + 6)
        style.configure("Screens.Treeview.Heading", font=(fnt[0], fnt[1], "bold"))
        columns = element["columns"]
        ids = [f"c{i}" for i in range(len(columns))]
        tree = ttk.Treeview(
            row, columns=ids, show="headings", height=len(element["rows"]), style="Screens.Treeview"
        )
        bold = tkfont.Font(font=(fnt[0], fnt[1], "bold"))
        for i, name in enumerate(columns):
            cells = [name] + [r[i] for r in element["rows"]]
            width = max(max(f.measure(c) for c in cells[1:]), bold.measure(name)) + 24
            tree.heading(ids[i], text=name, anchor="w")
            tree.column(ids[i], width=width, minwidth=width, stretch=False, anchor="w")
        for r in element["rows"]:
            tree.insert("", "end", values=r)
        tree.pack(anchor="w")
        self.items.append(("table", tree, {"columns": columns, "rows": element["rows"]}))

    def _listbox(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        lb = tk.Listbox(row, height=len(element["items"]), font=_font(element, self.font), width=40)
        for text in element["items"]:
            lb.insert("end", text)
        lb.pack(anchor="w")
        self.items.append(("listbox", lb, {"items": element["items"]}))

    def _clock(self, element: dict[str, Any]) -> None:
        row = self._row(element)
        size = element.get("size", 220)
        cv = tk.Canvas(row, width=size, height=size, bg=element.get("face", "#ffffff"), highlightthickness=0)
        cv.pack()
        c = size / 2
        r = size / 2 - 6
        cv.create_oval(c - r, c - r, c + r, c + r, width=3, outline=self.fg)
        texts = []
        for n in range(1, 13):
            a = math.radians(n * 30 - 90)
            texts.append(
                (
                    str(n),
                    cv.create_text(
                        c + 0.8 * r * math.cos(a),
                        c + 0.8 * r * math.sin(a),
                        text=str(n),
                        font=_font(element, (self.font[0], 13, "bold")),
                        fill=self.fg,
                    ),
                )
            )
        hh, mm = (int(x) for x in element["time"].split(":"))
        for length, angle, width in (
            (0.5, (hh % 12 + mm / 60) * 30, 6),
            (0.72, mm * 6, 4),
        ):
            a = math.radians(angle - 90)
            cv.create_line(c, c, c + length * r * math.cos(a), c + length * r * math.sin(a), width=width)
        self.items.append(("canvas", cv, {"texts": texts}))

    # ---- elements added in session 10 -------------------------------------------------------
    def _menubar(self, element: dict[str, Any]) -> None:
        """A menu bar of flat Tk Menubuttons across the window's top (as Tk programs written
        before ``-menu`` drew theirs), a rule under it; each title boxed like a label."""
        bar = tk.Frame(self.root, bg=element.get("bar_bg", self.bg), bd=1, relief="raised")
        bar.pack(side="top", fill="x", before=self.frame)
        for text in element["items"]:
            mb = tk.Menubutton(
                bar,
                text=text,
                font=_font(element, self.font),
                fg=element.get("fg", self.fg),
                bg=element.get("bar_bg", self.bg),
                activebackground=element.get("bar_bg", self.bg),
                relief="flat",
                padx=8,
                pady=3,
                underline=0,
            )
            mb.pack(side="left")
            self.items.append(("text", mb, {}))

    # ---- elements added in session 11 -------------------------------------------------------
    def _chart(self, element: dict[str, Any]) -> None:
        """A bar chart drawn on a Canvas: a title, value ticks up the left with faint grid lines,
        one bar per category with its value over it and its name under it, an axis caption.
        Every word is a canvas text item of its own, so the report boxes each word by the
        canvas's own ``bbox`` (as the clock's numerals)."""
        row = self._row(element)
        width, height = element.get("size", [640, 360])
        bg, fg = element.get("bg", "#ffffff"), element.get("fg", self.fg)
        cv = tk.Canvas(row, width=width, height=height, bg=bg, highlightthickness=0)
        cv.pack(anchor="w")
        fnt = _font(element, self.font)
        title_font = (fnt[0], fnt[1] + 2, "bold")
        texts: list[tuple[str, int]] = []

        def put(x: float, y: float, text: str, font: tuple, anchor: str = "w", fill: str = fg) -> None:
            """Write ``text`` word by word, its left end at x (or centred on x, or ending at x)."""
            f = tkfont.Font(font=font)
            x0 = x - {"w": 0.0, "center": f.measure(text) / 2, "e": float(f.measure(text))}[anchor]
            pos = 0
            for word in text.split():
                idx = text.index(word, pos)
                pos = idx + len(word)
                item = cv.create_text(
                    x0 + f.measure(text[:idx]), y, text=word, font=font, fill=fill, anchor="w"
                )
                texts.append((word, item))

        left, right, top, bottom = 64, 20, 54, 48
        put(left, 22, element["title"], title_font)
        ymax, step = element["max"], element["step"]
        plot_h = height - top - bottom

        def y_of(v: float) -> float:
            return height - bottom - plot_h * v / ymax

        for v in range(0, ymax + 1, step):
            cv.create_line(left, y_of(v), width - right, y_of(v), fill=element.get("grid", "#dddddd"))
            put(left - 8, y_of(v), str(v), fnt, anchor="e")
        cv.create_line(left, top - 6, left, height - bottom, fill=fg)
        if element.get("unit"):
            put(left - 8, top - 22, element["unit"], fnt, anchor="e")
        bars = element["bars"]
        slot = (width - left - right) / len(bars)
        for i, (name, value) in enumerate(bars):
            cx = left + slot * (i + 0.5)
            cv.create_rectangle(
                cx - slot * 0.3,
                y_of(value),
                cx + slot * 0.3,
                y_of(0),
                fill=element.get("bar", "#4a7ab5"),
                width=0,
            )
            put(cx, y_of(value) - 10, element.get("value_format", "{}").format(value), fnt, anchor="center")
            put(cx, height - bottom + 14, name, fnt, anchor="center")
        if element.get("caption"):
            put(width / 2, height - 12, element["caption"], fnt, anchor="center")
        self.items.append(("canvas", cv, {"texts": texts}))

    # ---- elements added in session 12 -------------------------------------------------------
    def _striped_table(self, element: dict[str, Any]) -> None:
        """A ttk Treeview as ``_table`` draws it, with zebra stripes (every other row on
        ``stripe``), one row selected (``selected``, 1 = the first data row) and the headings in
        the table's own font or another; reported like ``_table`` (each cell's words get the
        cell's box), so a striped or selected row is truth as any other."""
        row = self._row(element)
        fnt = _font(element, self.font)
        f = tkfont.Font(font=fnt)
        style = ttk.Style(self.root)
        name = f"Striped{len(self.items)}.Treeview"
        style.configure(
            name,
            font=fnt,
            rowheight=f.metrics("linespace") + element.get("row_pad", 8),
            background=element.get("base", "#ffffff"),
            fieldbackground=element.get("base", "#ffffff"),
            foreground=element.get("fg", self.fg),
        )
        head = element.get("heading_font", [fnt[0], fnt[1], "bold"])
        style.configure(name + ".Heading", font=tuple(head))
        if element.get("heading_bg"):
            style.configure(
                name + ".Heading",
                background=element["heading_bg"],
                foreground=element.get("heading_fg", self.fg),
            )
        style.map(
            name,
            background=[("selected", element.get("select_bg", "#3d6fb4"))],
            foreground=[("selected", element.get("select_fg", "#ffffff"))],
        )
        columns = element["columns"]
        ids = [f"c{i}" for i in range(len(columns))]
        tree = ttk.Treeview(row, columns=ids, show="headings", height=len(element["rows"]), style=name)
        hf = tkfont.Font(font=tuple(head))
        for i, col in enumerate(columns):
            cells = [r[i] for r in element["rows"]]
            width = max(max(f.measure(c) for c in cells), hf.measure(col)) + element.get("col_pad", 24)
            anchor = "e" if i in element.get("right", []) else "w"
            tree.heading(ids[i], text=col, anchor=anchor)
            tree.column(ids[i], width=width, minwidth=width, stretch=False, anchor=anchor)
        tree.tag_configure("stripe", background=element.get("stripe", "#eef2f7"))
        made = []
        for r, cells in enumerate(element["rows"]):
            made.append(tree.insert("", "end", values=cells, tags=("stripe",) if r % 2 else ()))
        if element.get("selected"):
            tree.selection_set(made[element["selected"] - 1])
        tree.pack(anchor="w")
        self.items.append(("table", tree, {"columns": columns, "rows": element["rows"]}))

    # ---- layout report ---------------------------------------------------------------------
    def _line_words(
        self, f: tkfont.Font, lines: list[str], x0: float, y0: float, bw: float, justify: str
    ) -> list[list[Any]]:
        ls = f.metrics("linespace")
        words: list[list[Any]] = []
        for i, line in enumerate(lines):
            lw = f.measure(line)
            lx = x0 + {"left": 0.0, "center": (bw - lw) / 2, "right": bw - lw}[justify]
            pos = 0
            for word in line.split():
                idx = line.index(word, pos)
                pos = idx + len(word)
                wx = lx + f.measure(line[:idx])
                words.append([word, [round(wx), round(y0 + i * ls), f.measure(word), ls]])
        return words

    def _label_words(self, w: tk.Widget, extra: dict[str, Any]) -> list[list[Any]]:
        """Where Tk draws a label's or button's text: inside border, highlight ring and padding,
        placed by the widget's anchor, each line justified (tkButton.c's TkComputeAnchor)."""
        text = str(w.cget("text"))
        f = tkfont.Font(font=w.cget("font"))
        lines = text.split("\n")
        bw = max(f.measure(line) for line in lines)
        bh = f.metrics("linespace") * len(lines)

        def px(option: str) -> int:
            return int(w.winfo_pixels(str(w.cget(option))))

        inset = px("borderwidth") + px("highlightthickness")
        padx, pady = px("padx"), px("pady")
        x, y = w.winfo_rootx(), w.winfo_rooty()
        iw = w.winfo_width() - 2 * (inset + padx)
        ih = w.winfo_height() - 2 * (inset + pady)
        ix, iy = x + inset + padx, y + inset + pady
        if extra.get("indicator"):  # a checkbutton: the text starts after the box
            ind = f.metrics("linespace")
            ix += ind
            iw -= ind
        anchor = str(w.cget("anchor"))
        if anchor in ("w", "nw", "sw"):
            x0 = float(ix)
        elif anchor in ("e", "ne", "se"):
            x0 = float(ix + iw - bw)
        else:
            x0 = ix + (iw - bw) / 2
        if anchor in ("n", "nw", "ne"):
            y0 = float(iy)
        elif anchor in ("s", "sw", "se"):
            y0 = float(iy + ih - bh)
        else:
            y0 = iy + (ih - bh) / 2
        return self._line_words(f, lines, x0, y0, bw, str(w.cget("justify")))

    @staticmethod
    def _box(w: tk.Widget) -> Box:
        return [w.winfo_rootx(), w.winfo_rooty(), w.winfo_width(), w.winfo_height()]

    def report(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for role, w, extra in self.items:
            if role in ("text", "button", "display"):
                out.append({"role": role, "text": str(w.cget("text")), "words": self._label_words(w, extra)})
            elif role == "value":
                box = self._box(w)
                out.append(
                    {
                        "role": "value",
                        "text": extra["text"],
                        "words": [[t, box] for t in extra["text"].split()],
                    }
                )
            elif role == "textarea" and isinstance(w, tk.Text):
                out.extend(self._text_words(w))
            elif role == "table" and isinstance(w, ttk.Treeview):
                out.extend(self._table_words(w, extra))
            elif role == "listbox" and isinstance(w, tk.Listbox):
                for i, text in enumerate(extra["items"]):
                    bb = w.bbox(i)
                    if bb:
                        box = [w.winfo_rootx() + bb[0], w.winfo_rooty() + bb[1], w.winfo_width(), bb[3]]
                        out.append({"role": "text", "text": text, "words": [[t, box] for t in text.split()]})
            elif role == "canvas" and isinstance(w, tk.Canvas):
                for text, item in extra["texts"]:
                    x1, y1, x2, y2 = w.bbox(item)
                    box = [w.winfo_rootx() + x1, w.winfo_rooty() + y1, x2 - x1, y2 - y1]
                    out.append({"role": "text", "text": text, "words": [[text, box]]})
        return out

    def _text_words(self, t: tk.Text) -> list[dict[str, Any]]:
        """Each word of a Text widget, boxed from the widget's own per-character bboxes; a word
        Tk does not draw (scrolled off) has no bbox and is left out."""
        content = t.get("1.0", "end-1c")
        out: list[dict[str, Any]] = []
        rx, ry = t.winfo_rootx(), t.winfo_rooty()
        for line_no, line in enumerate(content.split("\n"), start=1):
            pos = 0
            for word in line.split():
                idx = line.index(word, pos)
                pos = idx + len(word)
                first = t.bbox(f"{line_no}.{idx}")
                last = t.bbox(f"{line_no}.{idx + len(word) - 1}")
                if not first or not last:
                    continue
                x1, y1 = first[0], first[1]
                x2, y2 = last[0] + last[2], max(first[1] + first[3], last[1] + last[3])
                out.append(
                    {"role": "text", "text": word, "words": [[word, [rx + x1, ry + y1, x2 - x1, y2 - y1]]]}
                )
        return out

    def _table_words(self, tree: ttk.Treeview, extra: dict[str, Any]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        rx, ry = tree.winfo_rootx(), tree.winfo_rooty()
        items = tree.get_children()
        first_y = None
        for r, item in enumerate(items):
            for c, text in enumerate(extra["rows"][r]):
                bb = tree.bbox(item, f"c{c}")
                if not bb:
                    continue
                first_y = bb[1] if first_y is None else min(first_y, bb[1])
                box = [rx + bb[0], ry + bb[1], bb[2], bb[3]]
                out.append(
                    {
                        "role": "cell",
                        "text": text,
                        "row": r + 1,
                        "col": c,
                        "words": [[t, box] for t in text.split()],
                    }
                )
        if items and first_y is not None:
            for c, name in enumerate(extra["columns"]):
                bb = tree.bbox(items[0], f"c{c}")
                if bb:
                    box = [rx + bb[0], ry, bb[2], first_y]
                    out.append(
                        {
                            "role": "heading",
                            "text": name,
                            "row": 0,
                            "col": c,
                            "words": [[t, box] for t in name.split()],
                        }
                    )
        return out

    def dump(self) -> None:
        data = {
            "title": self.spec["title"],
            "pid": os.getpid(),
            "client": [
                self.root.winfo_rootx(),
                self.root.winfo_rooty(),
                self.root.winfo_width(),
                self.root.winfo_height(),
            ],
            "items": self.report(),
        }
        tmp = self.layout_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, self.layout_path)
        self.root.after(500, self.dump)


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as fh:
        spec = json.load(fh)
    TkWindow(spec, sys.argv[2]).root.mainloop()


if __name__ == "__main__":
    main()
