"""Session 12's fresh scenes (issue #15, helper "fresh4"), all half **B**.

Issue #15 says the assistant will be checked on real screenshots the team has not seen. Half B had
39 screens against half A's 130, so these screens of kinds, programs and looks neither half had go
to half B, the half nobody tunes on: full-screen text programs in xterm (Midnight Commander's two
panels, htop, a ``dialog`` checklist, w3m showing a page with a bordered table, nano, a listing in
zebra stripes with a selected row drawn with terminal colours), tables in other looks (a Qt table
with alternating rows, row numbers and a selected row; a wide striped Tk treeview; a dark GTK list;
a Chromium table with a filter panel beside it; two narrow tables side by side), dialogs in other
fonts and themes, pages with panels on both sides or three columns, and two or three windows of
different programs lying over one another.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here, or is what a program prints
or draws about files made here (the programs' own words — mc's menu and key bar, htop's meters and
keys, nano's shortcut lines, w3m's status line — come from the terminal's own character grid, as
every terminal scene's do); the truth comes from the programs, as for every other scene
(``capture.py``).
"""

from __future__ import annotations

import calendar
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from pages import page
from programs import Item, Page, Program, SpecWindow, Terminal, xmessage
from scenes import HD, NS_PROCS, WX, Scene, both, make_files, text_file
from scenes_fresh3 import zenity
from xsession import WindowInfo, XSession


def zenity_dark(*args: Any, **kw: Any) -> Program:
    """``scenes_fresh3.zenity`` in GTK's Adwaita dark."""
    dialog = zenity(*args, **kw)
    dialog.env["GTK_THEME"] = "Adwaita:dark"
    return dialog


# Box drawing, block elements and geometric shapes: a text program's frames, rules and sort
# arrows (htop's "CPU%▽"), never part of a word
_BOX = re.compile(r"[\u2500-\u25ff]")


@dataclass
class TextProgram(Terminal):
    """A terminal running a full-screen text program (mc, htop, dialog, w3m, nano). The lines
    and rules such programs draw between words (box-drawing characters) are not words: they are
    cut out of each line before the words are boxed, so "│name" is the word "name" at its own
    cell. Tables printed with such rules (``table_rows``) are matched with the rules taken out."""

    def items(self, s: XSession, win: WindowInfo) -> list[Item]:
        text = self._tmux(s, "capture-pane", "-p", "-t", "main")
        lines = text.split("\n")[: self.rows]
        x, y, w, h = win.client
        cw, ch = (w - 2 * self.border) / self.cols, (h - 2 * self.border) / self.rows
        if cw != int(cw) or ch != int(ch):
            raise RuntimeError(f"{self.title!r}: client {w}x{h} is not a {self.cols}x{self.rows} grid")
        top, bottom = round(ch * 0.15), round(ch * 0.1)
        out: list[Item] = []
        for row, raw in enumerate(lines):
            line = _BOX.sub(" ", raw)
            words = []
            for m in re.finditer(r"\S+", line):
                box = [
                    x + self.border + int(m.start() * cw),
                    y + self.border + row * int(ch) + top,
                    int(len(m.group()) * cw),
                    int(ch) - top - bottom,
                ]
                words.append([m.group(), box])
            if words:
                out.append({"role": "line", "text": line.rstrip(), "line": row, "words": words})
        return out


def dated(when: str, *paths: str) -> Callable[[Path], None]:
    """Set the folders' dates (listings show them: mc's "..", ``ls -l``), after their files
    were made."""

    def setup(folder: Path) -> None:
        ts = calendar.timegm(time.strptime(when, "%Y-%m-%d %H:%M"))
        for p in paths:
            os.utime(folder / p if p else folder, (ts, ts))

    return setup


def config(rel: str, text: str) -> Callable[[Path], None]:
    """A configuration file of ours in the home (the terminal's work folder's parent)."""

    def setup(folder: Path) -> None:
        path = folder.parent / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return setup


def in_dir(name: str, setup: Callable[[Path], None]) -> Callable[[Path], None]:
    def run(folder: Path) -> None:
        (folder / name).mkdir(exist_ok=True)
        setup(folder / name)

    return run


def html_rows(rows: list[list[str]], t: int = 0, cls: str = "", selected: int = 0) -> str:
    """A table like ``pages.table`` (cells tagged for the capture), with row ``selected`` (1 = the
    first data row) given the class "sel"."""
    out = [f'<table class="{cls}">']
    for r, cells in enumerate(rows):
        tag = "th" if r == 0 else "td"
        mark = ' class="sel"' if selected and r == selected else ""
        out.append(
            f"<tr{mark}>"
            + "".join(
                f'<{tag} data-t="{t}" data-r="{r}" data-c="{c}">{escape(x)}</{tag}>'
                for c, x in enumerate(cells)
            )
            + "</tr>"
        )
    out.append("</table>")
    return "\n".join(out)


# ---- terminals: full-screen text programs -------------------------------------------------------
MC_LEFT = [
    ("allotment-map.png", 482113, "2024-03-02 10:15", 0o644),
    ("bean-trial.csv", 2301, "2024-04-18 19:40", 0o644),
    ("compost-rota.odt", 18944, "2024-01-09 08:05", 0o644),
    ("greenhouse", -1, "2024-02-11 14:30", 0o755),
    ("minutes-april.txt", 4120, "2024-04-30 21:10", 0o644),
    ("seed-orders.ods", 15872, "2024-02-27 17:55", 0o644),
    ("water-meter.txt", 388, "2024-05-06 07:20", 0o644),
]
MC_RIGHT = [
    ("backup-2024-03.tar", 5242880, "2024-03-31 23:50", 0o644),
    ("backup-2024-04.tar", 5767168, "2024-04-30 23:50", 0o644),
    ("old-photos", -1, "2023-11-20 12:00", 0o755),
    ("README.txt", 733, "2023-06-01 09:00", 0o644),
]
# No hint line, and no free space under the panels (it would be the build machine's disk)
MC_INI = """[Midnight-Commander]
use_internal_edit=true
confirm_exit=false
[Layout]
message_visible=false
free_space=false
"""

HTOP_RC = """fields=0 48 17 18 38 39 40 2 46 47 49 1
sort_key=46
sort_direction=-1
hide_userland_threads=1
hide_kernel_threads=1
tree_view=0
header_margin=1
color_scheme=0
"""

DIALOG_ITEMS = [
    ("docs", "Manuals and help pages", "on"),
    ("fonts", "Extra fonts for large print", "on"),
    ("speech", "Speech voices, English", "on"),
    ("braille", "Braille display drivers", "off"),
    ("games", "Card and word games", "off"),
    ("office", "Word processor and spreadsheet", "on"),
]

BUS_ROWS = [
    ["Stop", "First bus", "Then every", "Last bus"],
    ["Harbour Road", "06:10", "15 minutes", "23:40"],
    ["Market Square", "06:18", "15 minutes", "23:48"],
    ["Station", "06:25", "10 minutes", "23:55"],
    ["Hospital", "06:34", "20 minutes", "00:04"],
    ["Mill Lane", "06:41", "30 minutes", "00:11"],
]
BUS_HTML = page(
    "Route 7 timetable",
    "<h1>Route 7: Harbour to Mill Lane</h1>"
    "<p>Weekday times from 3 June. Buses run every day except 25 December.</p>"
    '<table border="1">'
    + "".join(
        "<tr>"
        + "".join(f"<{'th' if r == 0 else 'td'}>{escape(c)}</{'th' if r == 0 else 'td'}>" for c in row)
        + "</tr>"
        for r, row in enumerate(BUS_ROWS)
    )
    + "</table>"
    "<p>Saturday and Sunday times are on the next page.</p>"
    '<p><a href="sat.html">Weekend times</a> | <a href="fares.html">Fares</a> | '
    '<a href="map.html">Route map</a></p>',
)

MINUTES = """Allotment committee, 6 May 2024

Present: Ana, Ben, Chiara, Dev, Ellen
Apologies: Farid

1. Water: the new tank holds 900 litres. Ben will fit
   the tap before the end of May.
2. Rent: 31 of 34 plots have paid. Ellen will write
   to the other three.
3. Open day: Saturday 22 June, 11:00 to 15:00.
   Chiara asks for cakes and plant cuttings.
4. Skip: the green waste skip comes on 17 May.

Next meeting: Monday 3 June, 19:30, in the shed.
"""

ESC = "\x1b["
INVOICE_ROWS = [
    ["Invoice", "Customer", "Date", "Amount", "Status"],
    ["INV-2041", "Harbour Books", "2024-05-02", "412.50", "paid"],
    ["INV-2042", "Mill Lane Bakery", "2024-05-03", "88.00", "paid"],
    ["INV-2043", "Station Cafe", "2024-05-06", "1,205.75", "overdue"],
    ["INV-2044", "Kettle Point Surgery", "2024-05-07", "640.00", "sent"],
    ["INV-2045", "Market Square Florist", "2024-05-09", "57.20", "sent"],
    ["INV-2046", "Harbour Books", "2024-05-10", "96.40", "draft"],
    ["INV-2047", "Ferry Inn", "2024-05-13", "2,318.00", "sent"],
]


def zebra_listing(rows: list[list[str]], selected: int) -> str:
    """The rows as a fixed-width listing: the header bold on a dark ground, every other row on a
    light grey ground, row ``selected`` (1 = the first data row) white on blue, with terminal
    colour codes (what a text program's table looks like); the words are the rows'."""
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    out = []
    for i, r in enumerate(rows):
        text = " " + "   ".join(cell.ljust(widths[c]) for c, cell in enumerate(r)) + " "
        if i == 0:
            style = "1;97;48;5;238"
        elif i == selected:
            style = "97;44"
        elif i % 2 == 0:
            style = "30;48;5;254"
        else:
            style = "30;107"
        out.append(f"{ESC}{style}m{text}{ESC}0m")
    return "\n".join(out) + "\n"


def _terminals() -> list[Scene]:
    return [
        Scene(
            "term-mc-two-panels",
            "terminal",
            HD,
            "xterm (Hack 11) running Midnight Commander in its blue colours: a menu line, two panels "
            "(name, size, date) over two folders of ours, a command line and the function key bar; "
            "Mikachu theme",
            [
                TextProgram(
                    "mc: ~/garden",
                    (200, 90),
                    cols=140,
                    rows=40,
                    font=("Hack", 11),
                    prompt="ana@plot:~/garden$ ",
                    workdir="garden",
                    setup=both(
                        in_dir("club", make_files(MC_LEFT)),
                        in_dir("archive", make_files(MC_RIGHT)),
                        config(".config/mc/ini", MC_INI),
                        dated("2024-05-12 09:30", "club", "archive", ""),
                    ),
                    commands=["mc --nosubshell --nomouse club archive"],
                )
            ],
            order=["Left File Command Options Right", "water-meter.txt", "backup-2024-03.tar"],
            theme="Mikachu",
            background="#394048",
            half="B",
        ),
        Scene(
            "term-htop-dark",
            "terminal",
            WX,
            "xterm (Inconsolata 12, light grey on near black) running htop: CPU and memory meters, "
            "tasks and load, the process table (a few processes of our own in a namespace), the "
            "function key bar; Syscrash theme",
            [
                TextProgram(
                    "htop",
                    (60, 50),
                    cols=118,
                    rows=34,
                    font=("Inconsolata", 12),
                    fg="#d0d0d0",
                    bg="#101010",
                    prompt="root@shed:~# ",
                    setup=config(".config/htop/htoprc", HTOP_RC),
                    commands=["htop -d 600"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 12),
                )
            ],
            order=["Tasks:", "F1Help"],
            theme="Syscrash",
            background="#202020",
            half="B",
        ),
        Scene(
            "dlg-dialog-checklist",
            "dialog",
            WX,
            "xterm (Terminus bitmap 8x16) running dialog --checklist: a back title, a grey box on "
            "blue with its title in the frame, a question, six ticked or empty items, <OK> and "
            "<Cancel>; Nightmare-02 theme",
            [
                TextProgram(
                    "Setup",
                    (140, 80),
                    cols=100,
                    rows=32,
                    font=("-xos4-terminus-medium-r-normal--16-160-72-72-c-80-iso10646-1", 0),
                    prompt="$ ",
                    # ncurses draws its frames with the terminal's line-drawing set (tmux would
                    # give them back as "lqqk"); in UTF-8 they are box-drawing characters
                    env={"NCURSES_NO_UTF8_ACS": "1"},
                    commands=[
                        "dialog --backtitle 'Kettle Point Library computers' --title 'Optional parts' "
                        "--checklist 'Choose the parts to install on this computer. Space ticks an item.' "
                        "16 64 6 " + " ".join(f"{tag} '{text}' {on}" for tag, text, on in DIALOG_ITEMS)
                    ],
                )
            ],
            order=["Kettle Point Library computers", "Optional parts", "Choose the parts", "office"],
            theme="Nightmare-02",
            background="#283038",
            half="B",
        ),
        Scene(
            "term-w3m-timetable",
            "terminal",
            HD,
            "xterm (Go Mono 11) running w3m on a local page: a heading, two lines, a bus timetable "
            "drawn with box lines, links, w3m's status line; Clearlooks-Olive theme",
            [
                TextProgram(
                    "w3m: Route 7 timetable",
                    (300, 140),
                    cols=104,
                    rows=30,
                    font=("Go Mono", 11),
                    prompt="lee@depot:~$ ",
                    setup=text_file("route7.html", BUS_HTML),
                    commands=["w3m -o display_charset=UTF-8 -o display_link_number=0 route7.html"],
                    table_rows=[BUS_ROWS],
                )
            ],
            order=["Route 7: Harbour to Mill Lane", "Stop First bus", "Mill Lane 06:41", "Weekend times"],
            theme="Clearlooks-Olive",
            background="#38402e",
            half="B",
        ),
        Scene(
            "term-nano-minutes",
            "terminal",
            HD,
            "xterm (Nimbus Mono PS 13, black on ivory) running nano: its reverse title line, a file "
            "of meeting notes, the two shortcut lines at the bottom; Orang theme",
            [
                TextProgram(
                    "nano minutes.txt",
                    (420, 110),
                    cols=86,
                    rows=32,
                    font=("Nimbus Mono PS", 13),
                    fg="#202020",
                    bg="#fffff0",
                    prompt="ellen@plot:~/notes$ ",
                    workdir="notes",
                    setup=text_file("minutes.txt", MINUTES, "2024-05-06 21:10"),
                    commands=["nano --ignorercfiles minutes.txt"],
                )
            ],
            order=["Allotment committee, 6 May 2024", "Next meeting", "Help"],
            theme="Orang",
            background="#4a3a2a",
            half="B",
        ),
        Scene(
            "table-term-zebra-invoices",
            "table",
            WX,
            "xterm (Hack 10): a listing of invoices in terminal colours: bold header on dark grey, "
            "rows striped white and light grey, one row white on blue; Artwiz-boxed theme",
            [
                Terminal(
                    "ledger: invoices",
                    (110, 90),
                    cols=96,
                    rows=22,
                    font=("Hack", 10),
                    prompt="kim@office:~/ledger$ ",
                    workdir="ledger",
                    setup=text_file(
                        "may.txt", "Invoices, May 2024 (3 to chase)\n\n" + zebra_listing(INVOICE_ROWS, 3)
                    ),
                    commands=["cat may.txt"],
                    table_rows=[INVOICE_ROWS],
                )
            ],
            order=["Invoices, May 2024", "Invoice Customer Date", "INV-2043 Station Cafe", "INV-2047"],
            theme="Artwiz-boxed",
            background="#3a4450",
            half="B",
        ),
    ]


# ---- tables in other looks --------------------------------------------------------------------
TENANTS = [
    ["Flat", "Tenant", "Rent"],
    ["1A", "R. Okafor", "640"],
    ["1B", "M. Lindqvist", "655"],
    ["2A", "J. Brennan", "700"],
    ["2B", "S. Haddad", "700"],
    ["3A", "T. Nakamura", "720"],
    ["3B", "vacant", "720"],
    ["4A", "P. Moreau", "760"],
    ["4B", "A. Novak", "760"],
    ["5A", "L. Ferreira", "810"],
]

ORDERS = [
    ["Order", "Placed", "Customer", "Town", "Items", "Weight", "Carrier", "Status"],
    ["10482", "13 May 09:12", "Grace Adeyemi", "Harwich", "3", "2.4 kg", "Parcelway", "Packed"],
    ["10483", "13 May 09:40", "Tomasz Wrona", "Ipswich", "1", "0.6 kg", "Royal Mail", "Sent"],
    ["10484", "13 May 10:05", "Helen Marsh", "Colchester", "5", "7.9 kg", "Parcelway", "Waiting"],
    ["10485", "13 May 10:31", "Omar Siddiqui", "Felixstowe", "2", "1.1 kg", "Royal Mail", "Sent"],
    ["10486", "13 May 11:02", "Lucy Chen", "Woodbridge", "4", "3.0 kg", "Courier Plus", "Packed"],
    ["10487", "13 May 11:47", "Niamh Byrne", "Sudbury", "1", "0.3 kg", "Royal Mail", "Cancelled"],
    ["10488", "13 May 12:20", "Daniel Osei", "Clacton", "6", "9.5 kg", "Parcelway", "Waiting"],
    ["10489", "13 May 13:15", "Sofia Rossi", "Braintree", "2", "1.8 kg", "Courier Plus", "Packed"],
    ["10490", "13 May 13:58", "Arjun Mehta", "Maldon", "3", "2.2 kg", "Royal Mail", "Sent"],
    ["10491", "13 May 14:26", "Eva Horvath", "Halstead", "1", "0.9 kg", "Parcelway", "Waiting"],
]

TASKS = [
    ["Task", "Owner", "Due", "Priority"],
    ["Renew the hall insurance", "Dev", "20 May", "High"],
    ["Order compost for the beds", "Ana", "24 May", "Normal"],
    ["Fix the greenhouse door", "Ben", "27 May", "High"],
    ["Print open day posters", "Chiara", "31 May", "Normal"],
    ["Count the seed packets", "Ellen", "3 Jun", "Low"],
    ["Book the cake stall table", "Farid", "7 Jun", "Normal"],
    ["Clean the water tank", "Ben", "14 Jun", "Low"],
]

ORDERS_CSS = """
body { padding: 0; }
.top { background: #243447; color: #ffffff; padding: 12px 24px; font-size: 1.2em; font-weight: bold; }
.wrap { display: flex; }
aside { width: 230px; background: #f3f5f8; border-right: 1px solid #d8dde5; padding: 16px 20px;
        min-height: 780px; }
aside h2 { font-size: 1em; margin: 14px 0 6px 0; color: #3a4a5c; }
aside label { display: block; margin: 4px 0; }
main { padding: 18px 26px; }
table.o th { background: #e4e9f0; border-bottom: 2px solid #b6c2d1; }
table.o tr:nth-child(even) td { background: #f4f6f9; }
table.o tr.sel td { background: #2f6fb5; color: #ffffff; }
table.o td:nth-child(5), table.o th:nth-child(5),
table.o td:nth-child(6), table.o th:nth-child(6) { text-align: right; }
.count { color: #555; margin: 10px 0 0 0; }
"""

DIV_A = [
    ["Team", "Played", "Won", "Points"],
    ["Harbour Rovers", "12", "9", "28"],
    ["Mill Lane", "12", "8", "25"],
    ["Station United", "12", "6", "20"],
    ["Kettle Point", "12", "4", "14"],
    ["Ferry Inn", "12", "2", "8"],
]
DIV_B = [
    ["Team", "Played", "Won", "Points"],
    ["Market Square", "11", "8", "26"],
    ["Hospital Staff", "11", "7", "22"],
    ["Old Boys", "11", "5", "17"],
    ["Woodbridge", "11", "3", "11"],
    ["Bakery Ladies", "11", "1", "5"],
]
LEAGUE_CSS = """
.cols { display: flex; gap: 36px; }
.cols section { flex: 0 0 auto; }
table.l th { border-bottom: 2px solid #444; }
table.l td { border-bottom: 1px solid #ddd; }
table.l td:nth-child(n+2), table.l th:nth-child(n+2) { text-align: right; }
.note { margin-top: 16px; color: #555; font-size: 0.9em; }
"""


def _tables() -> list[Scene]:
    orders_page = page(
        "Orders - Shop admin",
        '<div class="top">Harbour Crafts: orders</div><div class="wrap"><aside>'
        "<h2>Status</h2>"
        + "".join(
            f'<label><input type="checkbox" checked> {s}</label>'
            for s in ["Waiting", "Packed", "Sent", "Cancelled"]
        )
        + "<h2>Carrier</h2>"
        + "".join(
            f'<label><input type="checkbox" checked> {s}</label>'
            for s in ["Parcelway", "Royal Mail", "Courier Plus"]
        )
        + '<h2>Placed</h2><label><input type="radio" checked> Today</label>'
        '<label><input type="radio"> This week</label></aside><main>'
        + html_rows(ORDERS, cls="o", selected=3)
        + '<p class="count">10 orders today, 3 waiting. Selected: order 10484.</p>'
        "<button>Print Labels</button><button>Mark Sent</button></main></div>",
        ORDERS_CSS,
        font="'Lato'",
        size=15,
    )
    league = page(
        "Sunday league tables",
        '<h1>Sunday league, after week 12</h1><div class="cols"><section><h2>Division A</h2>'
        + html_rows(DIV_A, t=0, cls="l")
        + "</section><section><h2>Division B</h2>"
        + html_rows(DIV_B, t=1, cls="l")
        + "</section></div>"
        '<p class="note">Three points for a win, one for a draw. '
        "The second division has played one game fewer.</p>",
        LEAGUE_CSS,
        font="'Go'",
        size=14,
    )
    return [
        Scene(
            "table-qt-zebra-rownumbers",
            "table",
            WX,
            "Qt (Fusion, Carlito 11) table of three narrow columns with alternating row colours, row "
            "numbers down the left and one row selected; a label and buttons; Breeze-ob theme",
            [
                SpecWindow(
                    "Tenants - Quay House",
                    (380, 70),
                    toolkit="qt",
                    spec={
                        "font": ["Carlito", 11],
                        "width": 430,
                        "body": [
                            {"type": "label", "text": "Quay House, monthly rent in pounds"},
                            {
                                "type": "striped_table",
                                "columns": TENANTS[0],
                                "rows": TENANTS[1:],
                                "selected": 6,
                                "row_numbers": True,
                                "right": [2],
                            },
                            {"type": "buttons", "items": ["Add", "Edit", "Close"]},
                        ],
                    },
                )
            ],
            order=["Quay House, monthly rent", "Flat Tenant Rent", "5A L. Ferreira", "Add Edit Close"],
            theme="Breeze-ob",
            background="#31363b",
            half="B",
        ),
        Scene(
            "table-tk-wide-striped-orders",
            "table",
            HD,
            "Tk treeview of eight columns (Lato 10), striped rows, a dark heading row, one row "
            "selected, numbers right-aligned; a heading label and buttons; Nightmare-03 theme",
            [
                SpecWindow(
                    "Dispatch - Harbour Crafts",
                    (170, 150),
                    spec={
                        "font": ["Lato", 10],
                        "bg": "#f0f0f0",
                        "body": [
                            {
                                "type": "label",
                                "text": "Orders placed on Monday 13 May",
                                "font": ["Lato", 12, "bold"],
                            },
                            {
                                "type": "striped_table",
                                "columns": ORDERS[0],
                                "rows": ORDERS[1:],
                                "selected": 7,
                                "right": [4, 5],
                                "heading_bg": "#3b4a5a",
                                "heading_fg": "#ffffff",
                                "col_pad": 36,
                            },
                            {"type": "buttons", "items": ["Print Labels", "Mark Sent", "Refresh"]},
                        ],
                    },
                )
            ],
            order=["Orders placed on Monday", "Order Placed Customer", "10491", "Print Labels"],
            theme="Nightmare-03",
            background="#22282e",
            half="B",
        ),
        Scene(
            "table-zenity-dark-tasks",
            "table",
            HD,
            "zenity --list in GTK's Adwaita dark: a line of text, a four-column list of club tasks, "
            "Cancel and OK; Onyx-Citrus theme",
            [
                zenity_dark(
                    "Club Tasks",
                    (640, 260),
                    [
                        "--list",
                        "--text",
                        "Jobs for the next four weeks",
                        "--width",
                        "640",
                        "--height",
                        "420",
                        *(f"--column={c}" for c in TASKS[0]),
                        *(c for row in TASKS[1:] for c in row),
                    ],
                    ["Jobs for the next four weeks", *(c for row in TASKS for c in row)],
                    ["Cancel", "OK"],
                    table_rows=[TASKS],
                )
            ],
            order=["Jobs for the next four weeks", "Task Owner Due Priority", "Clean the water tank"],
            theme="Onyx-Citrus",
            background="#101418",
            half="B",
        ),
        Scene(
            "page-chromium-orders-filters",
            "page",
            HD,
            "Chromium shop admin page (Lato): a dark top bar, a filter panel at the left (tick boxes "
            "and choices), a wide order table with striped rows and one selected row, a count line, "
            "buttons; Clearlooks-3.4 theme",
            [Page("Orders - Shop admin", (90, 50), html=orders_page, size=(1700, 900))],
            order=[
                "Harbour Crafts: orders",
                "Status Waiting Packed",
                "Today This week",
                "Order Placed Customer",
                "10 orders today",
            ],
            theme="Clearlooks-3.4",
            background="#50585f",
            half="B",
        ),
        Scene(
            "table-chromium-two-leagues",
            "table",
            WX,
            "Chromium page (Go font): a heading, two narrow league tables side by side, each under "
            "its own heading, numbers right-aligned, a note under both; Mikachu theme",
            [Page("Sunday league tables", (150, 90), html=league, size=(960, 520))],
            order=[
                "Sunday league, after week 12",
                "Division A",
                "Ferry Inn",
                "Division B",
                "Bakery Ladies",
                "Three points",
            ],
            theme="Mikachu",
            background="#3e4a3e",
            half="B",
        ),
    ]


# ---- dialogs -----------------------------------------------------------------------------------
def _dialogs() -> list[Scene]:
    return [
        Scene(
            "dlg-tk-bookman-replace",
            "dialog",
            WX,
            "Tk dialog in URW Bookman 11 on a warm grey: a bold question, two lines about the two "
            "files, a tick box, three buttons; Syscrash theme",
            [
                SpecWindow(
                    "Copy Files",
                    (330, 230),
                    spec={
                        "font": ["URW Bookman", 11],
                        "bg": "#e8e2d6",
                        "padding": 18,
                        "body": [
                            {
                                "type": "label",
                                "text": "A file named seed-orders.ods is already here.",
                                "font": ["URW Bookman", 12, "bold"],
                            },
                            {"type": "label", "text": "Here: 15.9 kB, changed 27 February 2024"},
                            {"type": "label", "text": "Copying: 17.2 kB, changed 12 May 2024"},
                            {"type": "checks", "items": [["Do the same for the other 3 files", False]]},
                            {"type": "buttons", "items": ["Skip", "Keep Both", "Replace"]},
                        ],
                    },
                )
            ],
            order=["A file named seed-orders.ods", "Here: 15.9 kB", "Do the same for the other"],
            theme="Syscrash",
            background="#2a2a2a",
            half="B",
        ),
        Scene(
            "dlg-qt-dark-cantarell-unsaved",
            "dialog",
            HD,
            "dark Qt dialog (Cantarell 11) alone on a large desktop: a bold question, a grey line, "
            "three buttons with a long label; Nightmare-02 theme",
            [
                SpecWindow(
                    "Rota - Spreadsheet",
                    (720, 400),
                    toolkit="qt",
                    spec={
                        "font": ["Cantarell", 11],
                        "dark": True,
                        "padding": 20,
                        "body": [
                            {
                                "type": "label",
                                "text": "Save the changes to rota.ods before closing?",
                                "font": ["Cantarell", 12, "bold"],
                            },
                            {
                                "type": "label",
                                "text": "Your changes of the last 14 minutes will be lost.",
                                "fg": "#a8a8a8",
                            },
                            {"type": "buttons", "items": ["Close without Saving", "Cancel", "Save"]},
                        ],
                    },
                )
            ],
            order=["Save the changes to rota.ods", "Your changes", "Close without Saving"],
            theme="Nightmare-02",
            background="#1e2a30",
            half="B",
        ),
        Scene(
            "dlg-zenity-dark-warning-eject",
            "dialog",
            WX,
            "zenity --warning in GTK's Adwaita dark with an extra button: a warning icon, two "
            "sentences, Wait and Eject Anyway; Onyx theme",
            [
                zenity_dark(
                    "Eject Drive",
                    (380, 290),
                    [
                        "--warning",
                        "--width",
                        "460",
                        "--text",
                        "The drive BACKUP-2 is still in use by 2 programs. "
                        "Ejecting it now may damage the files being copied.",
                        "--extra-button",
                        "Wait",
                        "--ok-label",
                        "Eject Anyway",
                    ],
                    [
                        "The drive BACKUP-2 is still in use by 2 programs. "
                        "Ejecting it now may damage the files being copied."
                    ],
                    ["Wait", "Eject Anyway"],
                )
            ],
            order=["The drive BACKUP-2", "being copied"],
            theme="Onyx",
            background="#202428",
            half="B",
        ),
    ]


# ---- pages with panels and columns --------------------------------------------------------------
WIKI_CSS = """
body { padding: 0; }
.wrap { display: flex; }
nav { width: 170px; padding: 20px 16px; background: #f6f6f6; border-right: 1px solid #ddd;
      min-height: 780px; }
nav a { display: block; margin: 6px 0; color: #0645ad; }
nav h3 { font-size: 0.85em; color: #555; margin: 18px 0 4px 0; }
main { flex: 1; padding: 20px 28px; }
.row { display: flex; gap: 28px; align-items: flex-start; }
.text { flex: 1; }
.info { width: 300px; border: 1px solid #a2a9b1; background: #f8f9fa; padding: 8px; font-size: 0.92em; }
.info caption { font-weight: bold; font-size: 1.1em; padding: 4px; }
.info th { text-align: left; vertical-align: top; padding: 3px 8px 3px 4px; }
.info td { padding: 3px 4px; white-space: normal; }
"""
WIKI_TEXT = [
    "The Kettle Point lighthouse stands on the granite headland at the mouth of the river. It was "
    "built in 1858 to replace a coal fire kept on the same rock, and its light can be seen from 19 "
    "nautical miles away on a clear night.",
    "The tower is 31 metres tall and painted in red and white bands. A spiral stair of 142 steps "
    "leads to the lantern room, where the original lens still turns on a bath of mercury.",
    "The last keeper left in 1991, when the light was made automatic. The keepers' cottages are "
    "now a small museum, open from Easter to October.",
]
WIKI_INFO = [
    ["Location", "Kettle Point headland"],
    ["Built", "1858"],
    ["Height", "31 metres"],
    ["Range", "19 nautical miles"],
    ["Automated", "1991"],
    ["Open", "Easter to October"],
]

SCHOOL_CSS = """
.cols { column-count: 3; column-gap: 34px; column-rule: 1px solid #ccc; }
.cols h2 { break-after: avoid; margin-top: 0; }
.cols p { break-inside: avoid; }
.head { border-bottom: 3px solid #d0622b; margin-bottom: 14px; }
"""
SCHOOL = [
    (
        "Sports day",
        [
            "Sports day is on Friday 14 June from 13:30. Children should wear their house colours and "
            "bring a water bottle and a hat.",
            "Parents are welcome on the field. Please park in the church car park, not in Mill Lane.",
        ],
    ),
    (
        "Library books",
        [
            "Every class visits the library on Tuesday. Books go home in the blue bags and come back "
            "the next week.",
            "Thank you to the parents who gave 60 books this term.",
        ],
    ),
    (
        "Lunch menu",
        [
            "From 3 June the lunch menu changes to the summer menu, with a salad bar every day.",
            "A copy of the menu is on the board by the office door.",
        ],
    ),
]


def _pages() -> list[Scene]:
    wiki = page(
        "Kettle Point lighthouse - Town wiki",
        '<div class="wrap"><nav><a>Main page</a><a>Town history</a><a>Places</a><a>People</a>'
        "<h3>Tools</h3><a>Edit this page</a><a>Page history</a><a>Print</a></nav><main>"
        '<h1>Kettle Point lighthouse</h1><div class="row"><div class="text">'
        + "".join(f"<p>{escape(t)}</p>" for t in WIKI_TEXT)
        + '</div><table class="info"><caption>Kettle Point lighthouse</caption>'
        + "".join(
            f'<tr><th data-t="0" data-r="{r}" data-c="0">{escape(k)}</th>'
            f'<td data-t="0" data-r="{r}" data-c="1">{escape(v)}</td></tr>'
            for r, (k, v) in enumerate(WIKI_INFO, start=1)
        )
        + "</table></div></main></div>",
        WIKI_CSS,
        font="'Nimbus Roman'",
        size=16,
    )
    school = page(
        "Newsletter - Mill Lane Primary",
        '<div class="head"><h1>Mill Lane Primary: summer newsletter</h1></div><div class="cols">'
        + "".join(f"<h2>{escape(h)}</h2>" + "".join(f"<p>{escape(t)}</p>" for t in ps) for h, ps in SCHOOL)
        + "</div>",
        SCHOOL_CSS,
        font="'Comic Neue'",
        size=15,
    )
    return [
        Scene(
            "page-chromium-wiki-infobox",
            "page",
            HD,
            "Chromium wiki page (Nimbus Roman): a side menu of links at the left, a heading, three "
            "paragraphs, an info box of labelled facts at the right; Clearlooks theme",
            [Page("Kettle Point lighthouse - Town wiki", (200, 60), html=wiki, size=(1480, 880))],
            order=[
                "Main page Town history Places People",
                "Edit this page",
                "Kettle Point lighthouse The Kettle Point lighthouse stands",
                "open from Easter to October. Kettle Point lighthouse Location",
                "Automated 1991",
            ],
            half="B",
        ),
        Scene(
            "article-chromium-three-columns-comic",
            "article",
            WX,
            "Chromium school newsletter in Comic Neue: a heading over an orange rule, three columns "
            "with rules between them, each column a heading and two paragraphs; Orang theme",
            [Page("Newsletter - Mill Lane Primary", (60, 40), html=school, size=(1150, 640))],
            order=[
                "Mill Lane Primary: summer newsletter",
                "Sports day Sports day is on",
                "not in Mill Lane",
                "Library books Every class",
                "this term",
                "Lunch menu From 3 June",
            ],
            theme="Orang",
            background="#5a4a3a",
            half="B",
        ),
    ]


# ---- several windows -------------------------------------------------------------------------------
BACKUP_LOG = "".join(
    f"2024-05-13 02:{m:02d}:{s:02d} {what}\n"
    for m, s, what in [
        (0, 1, "backup started: /home to BACKUP-2"),
        (0, 3, "scanning 18,442 files"),
        (1, 40, "copied photos/2023 (2,118 files, 6.1 GB)"),
        (4, 12, "copied photos/2024 (904 files, 2.7 GB)"),
        (4, 15, "skipped .cache (excluded)"),
        (5, 2, "copied documents (3,310 files, 412 MB)"),
        (5, 30, "warning: music/live.flac changed while copying"),
        (6, 11, "copied music (5,020 files, 31.4 GB)"),
        (9, 48, "copied projects (7,090 files, 1.2 GB)"),
        (9, 50, "checking copies"),
        (12, 5, "checked 18,442 files, 0 errors"),
        (12, 6, "backup finished in 12 minutes 5 seconds"),
    ]
)

DOCS_CSS = """
body { padding: 0; }
.wrap { display: flex; }
nav.l { width: 200px; padding: 18px; border-right: 1px solid #e2e2e2; }
nav.l a { display: block; margin: 7px 0; color: #1f4e8c; }
main { flex: 1; padding: 18px 30px; }
nav.r { width: 210px; padding: 18px; border-left: 1px solid #e2e2e2; font-size: 0.9em; }
nav.r a { display: block; margin: 6px 0; color: #555; }
nav.r h3, nav.l h3 { font-size: 0.85em; color: #777; margin: 0 0 8px 0; }
code { background: #f2f2f2; padding: 1px 4px; }
"""
DOCS_TEXT = [
    "A rota lists who opens the hall each day. Make one from the Rotas menu, then add people to it "
    "by name or by group.",
    "Each person gets an email a week before their turn, and again the evening before. They can "
    "swap a turn with anyone else on the same rota.",
    "To see a rota as a table, choose Table view. To print it, choose Print from the same menu.",
    "Reminders go out at 18:00. A person who has no email address gets a text message instead, "
    "if a phone number is saved with their name.",
    "A turn that nobody has taken two days before is shown in red on the front page, and the hall "
    "secretary gets a message about it.",
    "Old rotas are kept for a year. After that they are deleted, but the bookings made from them "
    "stay in the calendar.",
]

ROTA_TXT = """Hall opening rota, week 21
Monday     Chiara
Tuesday    Dev, Ellen
Wednesday  Farid
Thursday   Ana
Friday     Ana, Ben (keys: Ben)
Saturday   open day team
"""

ARTICLE_DARK_CSS = """
.cols { display: flex; gap: 40px; }
.cols > div { flex: 1; }
h1 { color: #f0c674; }
"""
RIVER_LEFT = [
    "The river walk from the harbour to the old mill is open again after the winter floods. The "
    "path was rebuilt with stone from the quarry at Holt, and a new bridge crosses the weir.",
    "Volunteers planted 400 willows along the bank to hold the soil when the water rises.",
    "The council paid for the stone, and the bridge was built by students from the college in "
    "Holt as part of their course.",
    "At the opening on Saturday, the mayor walked the first mile with children from Mill Lane "
    "school, who had painted the new signs.",
]
RIVER_RIGHT = [
    "The walk is four miles each way and mostly flat. There are benches every half mile and a "
    "cafe at the mill, open at weekends.",
    "Dogs must be on a lead near the nesting birds between March and July.",
    "Cyclists may use the path as far as the weir, but must walk across the bridge and give way "
    "to people on foot.",
    "The path can flood again after heavy rain. The council will put up a notice at each end when "
    "it is closed, and on its web site.",
    "Parking is free at the harbour end on weekdays, and there is a bus back from the mill every "
    "hour until six.",
]


def _multi() -> list[Scene]:
    docs = page(
        "Rotas - Hall Helper docs",
        '<div class="wrap"><nav class="l"><h3>Guide</h3><a>Getting started</a><a>People</a>'
        "<a>Rotas</a><a>Bookings</a><a>Emails</a><a>Settings</a></nav><main><h1>Making a rota</h1>"
        + "".join(f"<p>{escape(t)}</p>" for t in DOCS_TEXT)
        + '</main><nav class="r"><h3>On this page</h3><a>Make a rota</a><a>Reminders</a>'
        "<a>Swapping turns</a><a>Printing</a></nav></div>",
        DOCS_CSS,
        font="'Cantarell'",
        size=15,
    )
    river = page(
        "River walk reopens - Valley news",
        '<h1>River walk reopens</h1><div class="cols"><div>'
        + "".join(f"<p>{escape(t)}</p>" for t in RIVER_LEFT)
        + "</div><div>"
        + "".join(f"<p>{escape(t)}</p>" for t in RIVER_RIGHT)
        + "</div></div>",
        ARTICLE_DARK_CSS,
        font="'C059'",
        size=16,
        fg="#d8d8d8",
        bg="#1b1d21",
    )
    recipe = page(
        "Leek and potato soup - Recipes",
        '<h1>Leek and potato soup</h1><div class="cols"><div><h2>You need</h2><ul>'
        + "".join(
            f"<li>{escape(t)}</li>"
            for t in [
                "3 leeks",
                "4 potatoes",
                "1 onion",
                "1 litre of stock",
                "a knob of butter",
                "salt and pepper",
            ]
        )
        + "</ul></div><div><h2>Method</h2>"
        + "".join(
            f"<p>{escape(t)}</p>"
            for t in [
                "Melt the butter and soften the onion and leeks for ten minutes.",
                "Add the potatoes and the stock, and simmer for twenty minutes.",
                "Blend until smooth, and season to taste.",
            ]
        )
        + "</div></div>",
        ".cols { display: flex; gap: 30px; } .cols > div { flex: 1; } li { margin: 4px 0; }",
        font="'Lato'",
        size=15,
    )
    return [
        Scene(
            "multi-less-log-qt-question",
            "multi-window",
            WX,
            "an xterm running less -N on a backup log (line numbers, its prompt line), an active Qt "
            "question over the right half of its lines; Clearlooks-Olive theme",
            [
                Terminal(
                    "less backup.log",
                    (40, 60),
                    cols=92,
                    rows=26,
                    font=("DejaVu Sans Mono", 10),
                    prompt="root@nas:/var/log$ ",
                    setup=text_file("backup.log", BACKUP_LOG, "2024-05-13 02:12"),
                    commands=["less -N backup.log"],
                ),
                SpecWindow(
                    "Backup",
                    (440, 190),
                    toolkit="qt",
                    spec={
                        "font": ["Liberation Sans Narrow", 11],
                        "body": [
                            {
                                "type": "label",
                                "text": "Run the backup again tonight?",
                                "font": ["Liberation Sans Narrow", 12, "bold"],
                            },
                            {"type": "label", "text": "One file changed while it was being copied."},
                            {"type": "buttons", "items": ["Not Now", "Run Tonight"]},
                        ],
                    },
                ),
            ],
            order=[
                "Run the backup again tonight",
                "Not Now Run Tonight",
                "less backup.log",
                "backup started",
            ],
            theme="Clearlooks-Olive",
            background="#2e3230",
            half="B",
        ),
        Scene(
            "multi-docs-note-terminal",
            "multi-window",
            HD,
            "three programs over one another: a Chromium help page with a menu at the left and a "
            "contents list at the right (Cantarell), a Tk sticky note over its lower right, an "
            "active xterm in the 9x15 bitmap font over its lower left; Breeze-ob theme",
            [
                Page("Rotas - Hall Helper docs", (120, 40), html=docs, size=(1400, 560)),
                SpecWindow(
                    "Note",
                    (1190, 170),
                    spec={
                        "font": ["Comic Neue", 12],
                        "bg": "#fff5a8",
                        "body": [
                            {"type": "label", "text": "Ask Dev about the Friday rota"},
                            {"type": "label", "text": "Print two copies for the notice board"},
                        ],
                    },
                ),
                Terminal(
                    "dev@hall: ~",
                    (70, 420),
                    cols=72,
                    rows=14,
                    font=("9x15", 0),
                    prompt="dev@hall:~$ ",
                    env={"LANG": "C", "LC_ALL": "C"},
                    setup=text_file("rota.txt", ROTA_TXT, "2024-05-14 18:00"),
                    commands=["cat rota.txt"],
                ),
            ],
            order=["Hall opening rota", "Ask Dev about the Friday rota", "Making a rota"],
            theme="Breeze-ob",
            background="#26323a",
            half="B",
        ),
        Scene(
            "multi-dark-table-tail",
            "multi-window",
            HD,
            "a dark Qt window with a striped table of orders at the left, an active dark xterm "
            "showing tail of a shop log over the table's right end; Onyx theme",
            [
                SpecWindow(
                    "Dispatch",
                    (80, 120),
                    toolkit="qt",
                    spec={
                        "font": ["Lato", 10],
                        "dark": True,
                        "body": [
                            {"type": "label", "text": "Orders waiting for a carrier"},
                            {
                                "type": "striped_table",
                                "columns": ORDERS[0][:4] + ORDERS[0][6:],
                                "rows": [r[:4] + r[6:] for r in ORDERS[1:] if r[7] != "Sent"],
                                "selected": 2,
                            },
                            {"type": "buttons", "items": ["Book Carrier", "Close"]},
                        ],
                    },
                ),
                Terminal(
                    "shop.log",
                    (430, 285),
                    cols=84,
                    rows=20,
                    font=("Go Mono", 10),
                    fg="#c8c8c8",
                    bg="#161616",
                    prompt="ops@shop:~$ ",
                    setup=text_file("shop.log", BACKUP_LOG.replace("backup", "sync"), "2024-05-13 02:12"),
                    commands=["tail -n 12 shop.log"],
                ),
            ],
            order=["tail -n 12 shop.log", "Orders waiting for a carrier"],
            theme="Onyx",
            background="#0e1114",
            half="B",
        ),
        Scene(
            "multi-dark-article-zenity",
            "multi-window",
            WX,
            "a dark Chromium article in two columns (C059), an active zenity info dialog in "
            "Adwaita dark over the lower part of its right column; Onyx-Citrus theme",
            [
                Page("River walk reopens - Valley news", (40, 40), html=river, size=(1120, 560)),
                zenity_dark(
                    "Saved",
                    (640, 170),
                    ["--info", "--width", "340", "--text", "The article was saved to Reading List."],
                    ["The article was saved to Reading List."],
                    ["OK"],
                ),
            ],
            order=[
                "The article was saved",
                "River walk reopens - Valley news",
                "The river walk from the harbour",
                "the new signs",
                "The walk is four miles",
            ],
            theme="Onyx-Citrus",
            background="#08090a",
            half="B",
        ),
        Scene(
            "multi-tk-qt-xmessage-cascade",
            "multi-window",
            WX,
            "a cascade of three toolkits: a Tk striped list of tenants, a Qt form over its lower "
            "right, an active xmessage (Terminus bitmap) over the form's corner; Nightmare-01 theme",
            [
                SpecWindow(
                    "Tenants",
                    (30, 40),
                    spec={
                        "font": ["DejaVu Sans Condensed", 10],
                        "body": [
                            {"type": "label", "text": "Quay House tenants"},
                            {
                                "type": "striped_table",
                                "columns": TENANTS[0],
                                "rows": TENANTS[1:],
                                "selected": 2,
                                "right": [2],
                            },
                        ],
                    },
                ),
                SpecWindow(
                    "Edit Tenant",
                    (200, 250),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "label", "text": "Flat 1B", "font": ["DejaVu Sans", 11, "bold"]},
                            {
                                "type": "form",
                                "fields": [
                                    ["Tenant", "M. Lindqvist"],
                                    ["Rent", "655"],
                                    ["Moved in", "1 September 2021"],
                                ],
                                "entry_width": 22,
                            },
                            {"type": "buttons", "items": ["Cancel", "Save"]},
                        ],
                    },
                ),
                xmessage(
                    "Rent Changed",
                    (400, 400),
                    "The rent of flat 1B goes up\nfrom 655 to 670 on 1 July.",
                    ["Undo", "OK"],
                    font="-xos4-terminus-bold-r-normal--14-140-72-72-c-80-iso10646-1",
                ),
            ],
            order=["The rent of flat 1B", "Flat 1B Tenant", "Quay House tenants"],
            theme="Nightmare-01",
            background="#303040",
            half="B",
        ),
        Scene(
            "multi-nano-recipe-side",
            "multi-window",
            HD,
            "an xterm running nano on a shopping list at the left, an active Chromium recipe page "
            "in two columns (Lato) at the right, lying over the terminal's right edge; Artwiz-boxed theme",
            [
                TextProgram(
                    "nano shopping.txt",
                    (80, 120),
                    cols=70,
                    rows=30,
                    font=("Inconsolata", 13),
                    prompt="sam@kitchen:~$ ",
                    setup=text_file(
                        "shopping.txt",
                        "Shopping, Saturday\n\nleeks (3)\npotatoes, 1 kg\nonion\nstock cubes\nbutter\n"
                        "bread\nmilk, 2 litres\napples\ncoffee\n",
                        "2024-05-17 18:00",
                    ),
                    commands=["nano --ignorercfiles shopping.txt"],
                ),
                Page("Leek and potato soup - Recipes", (700, 200), html=recipe, size=(1040, 600)),
            ],
            order=["Leek and potato soup You need", "Method", "season to taste", "Shopping, Saturday"],
            theme="Artwiz-boxed",
            background="#3a3f46",
            half="B",
        ),
    ]


def fresh4_scenes() -> list[Scene]:
    return [*_terminals(), *_tables(), *_dialogs(), *_pages(), *_multi()]
