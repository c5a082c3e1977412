"""The screens of the set: which real programs, with which content, where, in which order.

Every word a screen shows is written here (or is a Debian man page, or what `ls` prints about
files made here); ``capture.py`` turns these scenes into screenshots and truth.

Spec format for ``ui_tk.py`` / ``ui_qt.py`` windows: ``{"body": [element, ...]}`` plus optional
``font`` [family, size, "bold"?], ``bg``, ``fg``, ``padding``, ``dark`` (Qt), ``width``/``height``
(Qt), or ``messagebox`` (Qt: a real QMessageBox: text, informative, icon, buttons [[label, role]]).
Elements: label (text, font, fg, anchor w|center|e), display (text), buttons (items, align),
toolbar (items, "|" = separator), grid (rows of key labels), form (fields [[label, value]]),
checks (items [[label, on]]), text (text, width, height), table (columns, rows), listbox (items),
clock (time "HH:MM", size).
"""

from __future__ import annotations

import calendar
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pages import buttons as html_buttons
from pages import form as html_form
from pages import page, paragraphs
from pages import table as html_table
from programs import Page, Program, SpecWindow, Terminal, galculator, gtk_dialog, xcalc, xclock, xmessage

HD = (1920, 1080)
WX = (1280, 800)


@dataclass
class Scene:
    id: str
    category: str
    size: tuple[int, int]
    description: str
    windows: list[Program]  # bottom of the stack first; the last one is active
    order: list[str] = field(default_factory=list)  # phrases in the order a person reads them
    theme: str = "Clearlooks"  # openbox theme
    background: str = "#2e3440"  # desktop colour
    # "A" or "B" for the scenes added after the first 56 (see ``split_of``); "" for those 56
    half: str = ""
    # openbox's title font size in points (DejaVu Sans bold): larger for a HiDPI-like title bar
    title_size: int = 9
    # the window manager (xsession.OTHER_WMS; ``theme`` then names one of its themes): session 15
    wm: str = "openbox"


def split_of(scenes: list[Scene]) -> dict[str, str]:
    """Half A (tune) / half B (report). The first 56 scenes (no ``half`` of their own): within
    each category, scenes sorted by id alternate A, B, A, ...; categories (sorted by name)
    alternately start with A and with B, so that odd categories do not all tip the same way.
    Scenes added later carry their half in ``Scene.half`` (alternating within their kind), so
    adding a scene never moves an existing screen from one half to the other."""
    out: dict[str, str] = {}
    first = [sc for sc in scenes if not sc.half]
    cats = sorted({sc.category for sc in first})
    for ci, cat in enumerate(cats):
        ids = sorted(sc.id for sc in first if sc.category == cat)
        for i, sid in enumerate(ids):
            out[sid] = "AB"[(i + ci) % 2]
    for sc in scenes:
        if sc.half:
            if sc.half not in ("A", "B"):
                raise ValueError(f"{sc.id}: half {sc.half!r} is neither A nor B")
            out[sc.id] = sc.half
    return out


# ---- helpers ----------------------------------------------------------------------------------------
def make_files(entries: list[tuple[str, int, str, int]]) -> Callable[[Path], None]:
    """(name, size in bytes or -1 for a folder, 'YYYY-MM-DD HH:MM' UTC, mode) made in the folder."""

    def setup(folder: Path) -> None:
        for name, size, when, mode in entries:
            p = folder / name
            if size < 0:
                p.mkdir(exist_ok=True)
            else:
                p.write_bytes(b"x" * size)
            p.chmod(mode)
            ts = calendar.timegm(time.strptime(when, "%Y-%m-%d %H:%M"))
            os.utime(p, (ts, ts))

    return setup


def text_file(name: str, text: str, when: str = "") -> Callable[[Path], None]:
    """A file of ours (its listing shows its real size), dated ``when`` (UTC) if given."""

    def setup(folder: Path) -> None:
        p = folder / name
        p.write_text(text, encoding="utf-8")
        if when:
            ts = calendar.timegm(time.strptime(when, "%Y-%m-%d %H:%M"))
            os.utime(p, (ts, ts))

    return setup


def aligned(rows: list[list[str]], gap: int = 3) -> str:
    """A fixed-width listing of rows, columns padded to their widest cell."""
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    return "".join(
        (" " * gap).join(cell.ljust(widths[c]) for c, cell in enumerate(r)).rstrip() + "\n" for r in rows
    )


def both(*setups: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        for s in setups:
            s(folder)

    return setup


# ---- content ------------------------------------------------------------------------------------------
REPORT_FILES = [
    ("annual-report-2023.pdf", 2483911, "2024-02-12 09:14", 0o644),
    ("budget-draft.ods", 48213, "2024-03-04 16:40", 0o644),
    ("board-minutes-march.docx", 31877, "2024-03-21 11:02", 0o644),
    ("charts", -1, "2024-01-30 08:55", 0o755),
    ("expenses-q1.csv", 9120, "2024-04-02 17:25", 0o644),
    ("Invoice_0042.pdf", 117304, "2023-11-28 10:07", 0o644),
    ("make-summary.sh", 1260, "2024-04-10 13:31", 0o755),
    ("notes.txt", 4391, "2024-04-15 18:03", 0o644),
    ("payroll-archive", -1, "2023-12-19 15:45", 0o750),
    ("salaries-2024.xlsx", 66098, "2024-01-08 12:20", 0o600),
    ("travel-policy.md", 7752, "2023-10-03 09:00", 0o644),
    ("vendors.json", 15209, "2024-02-27 14:48", 0o644),
]

PHOTO_FILES = [
    ("2023-summer-lake", -1, "2023-08-20 19:12", 0o755),
    ("birthday-cake.jpg", 3145728, "2024-05-04 18:30", 0o644),
    ("garden-before.png", 5242880, "2024-04-21 10:05", 0o644),
    ("garden-after.png", 6029312, "2024-06-30 17:44", 0o644),
    ("grandma-scan-1962.tif", 18874368, "2023-12-25 14:00", 0o644),
    ("hiking-map.pdf", 884736, "2024-07-13 07:55", 0o644),
    ("resize-all.py", 2210, "2024-02-02 22:16", 0o755),
    ("wedding-album", -1, "2023-09-09 16:20", 0o755),
]

SERVICES = [
    ["SERVICE", "STATUS", "PORT", "UPTIME", "MEMORY"],
    ["nginx", "running", "443", "12d 4h", "48 MB"],
    ["postgres", "running", "5432", "12d 4h", "312 MB"],
    ["redis", "running", "6379", "3d 22h", "27 MB"],
    ["mailer", "stopped", "2525", "-", "0 MB"],
    ["backup-agent", "running", "9100", "12d 3h", "64 MB"],
    ["search-index", "degraded", "9200", "7h 41m", "1.9 GB"],
    ["scheduler", "running", "8081", "5d 9h", "88 MB"],
]

PROCESSES = [
    ["PID", "USER", "%CPU", "%MEM", "TIME", "COMMAND"],
    ["1", "root", "0.0", "0.1", "0:03", "init"],
    ["412", "root", "0.3", "0.8", "2:41", "syslogd"],
    ["877", "maria", "12.6", "4.2", "31:07", "firefox"],
    ["903", "maria", "1.1", "2.0", "4:55", "thunderbird"],
    ["1180", "maria", "0.0", "0.3", "0:01", "bash"],
    ["1422", "postgres", "2.4", "6.7", "18:12", "postgres"],
    ["2051", "maria", "48.9", "9.1", "7:33", "blender"],
    ["2210", "maria", "0.0", "0.2", "0:00", "ps"],
]

DISKS = [
    ["Filesystem", "Size", "Used", "Avail", "Use%", "Mounted on"],
    ["/dev/nvme0n1p2", "468G", "301G", "144G", "68%", "/"],
    ["/dev/nvme0n1p1", "511M", "6.1M", "505M", "2%", "/boot/efi"],
    ["/dev/sda1", "1.8T", "1.2T", "553G", "69%", "/srv/media"],
    ["tmpfs", "7.8G", "212M", "7.6G", "3%", "/tmp"],
    ["/dev/sdb1", "931G", "897G", "34G", "97%", "/backup"],
    ["nas:/volume1", "5.4T", "2.9T", "2.5T", "54%", "/mnt/archive"],
]

SALES = [
    ["Region", "Q1", "Q2", "Q3", "Q4", "Total"],
    ["North", "1,204", "1,310", "1,187", "1,452", "5,153"],
    ["South", "986", "1,022", "1,140", "1,098", "4,246"],
    ["East", "1,530", "1,478", "1,602", "1,711", "6,321"],
    ["West", "742", "805", "869", "920", "3,336"],
    ["Central", "1,115", "1,096", "1,160", "1,233", "4,604"],
]

TRAINS = [
    ["Time", "Destination", "Platform", "Operator", "Status"],
    ["08:02", "Edinburgh Waverley", "4", "LNER", "On time"],
    ["08:15", "Cambridge", "9", "Thameslink", "Delayed 5 min"],
    ["08:21", "Leeds", "2", "LNER", "On time"],
    ["08:30", "Peterborough", "11", "Great Northern", "Cancelled"],
    ["08:36", "Brighton", "7", "Thameslink", "On time"],
    ["08:44", "Newcastle", "3", "LNER", "Expected 08:51"],
    ["08:52", "Stevenage", "10", "Great Northern", "On time"],
    ["09:00", "York", "1", "Grand Central", "On time"],
    ["09:07", "Horsham", "8", "Thameslink", "Delayed 12 min"],
    ["09:15", "King's Lynn", "11", "Great Northern", "On time"],
]

ARCHIVE = [
    ["Name", "Size", "Type", "Modified"],
    ["contracts-2022.zip", "14.2 MB", "ZIP archive", "Jan 9, 2023"],
    ["site-backup.tar.gz", "1.1 GB", "Tar archive", "Mar 30, 2024"],
    ["logos", "--", "Folder", "Feb 2, 2024"],
    ["tax-return-2023.pdf", "842 KB", "PDF document", "Apr 11, 2024"],
    ["interview-audio.flac", "96.5 MB", "Audio", "May 6, 2024"],
    ["old-laptop.img", "58.0 GB", "Disk image", "Dec 1, 2023"],
    ["readme.txt", "2 KB", "Plain text", "Jun 14, 2024"],
]

INVENTORY = [
    ["SKU", "Item", "Stock", "Unit price", "Supplier"],
    ["A-1001", "Ceramic mug", "240", "4.50", "Potter & Co"],
    ["A-1002", "Tea towel", "85", "3.20", "Linen Works"],
    ["B-2040", "Cast iron pan", "12", "38.00", "Forge Kitchen"],
    ["B-2041", "Wooden spoon set", "64", "9.75", "Oak Craft"],
    ["C-3310", "Glass jar 1L", "310", "2.10", "Clearware"],
    ["C-3311", "Glass jar 2L", "0", "3.40", "Clearware"],
    ["D-4500", "Bread knife", "27", "16.90", "Sharp Edge"],
]


# ---- terminals ------------------------------------------------------------------------------------------
def _term_scenes() -> list[Scene]:
    return [
        Scene(
            "term-ls-reports",
            "terminal",
            WX,
            "xterm (DejaVu Sans Mono 11, light) listing a folder of reports with ls -l",
            [
                Terminal(
                    "reports - xterm",
                    (120, 90),
                    cols=88,
                    rows=24,
                    font=("DejaVu Sans Mono", 11),
                    prompt="sam@desk:~/reports$ ",
                    workdir="reports",
                    setup=make_files(REPORT_FILES),
                    commands=["ls -l"],
                    parse_ls=True,
                )
            ],
        ),
        Scene(
            "term-services",
            "terminal",
            HD,
            "xterm (Liberation Mono 13) printing a fixed-width service status table, then counting its lines",
            [
                Terminal(
                    "ops@gateway: ~",
                    (300, 160),
                    cols=96,
                    rows=26,
                    font=("Liberation Mono", 13),
                    prompt="ops@gateway:~$ ",
                    workdir="ops",
                    setup=text_file("services.txt", aligned(SERVICES)),
                    commands=["cat services.txt", "wc -l services.txt"],
                    table_rows=[SERVICES],
                )
            ],
        ),
        Scene(
            "term-ps",
            "terminal",
            WX,
            "xterm with the 9x15 bitmap font showing a ps-like process table",
            [
                Terminal(
                    "processes",
                    (60, 60),
                    cols=80,
                    rows=22,
                    font=("9x15", 0),
                    prompt="maria@studio:~$ ",
                    workdir="maria",
                    setup=text_file("ps.txt", aligned(PROCESSES, gap=2)),
                    commands=["cat ps.txt"],
                    table_rows=[PROCESSES],
                )
            ],
        ),
        Scene(
            "term-df",
            "terminal",
            HD,
            "xterm (DejaVu Sans Mono 12, cream background) with a df -h style disk table",
            [
                Terminal(
                    "disk usage",
                    (420, 260),
                    cols=84,
                    rows=20,
                    font=("DejaVu Sans Mono", 12),
                    bg="#fdf6e3",
                    fg="#433",
                    prompt="root@nas:~# ",
                    workdir="root",
                    setup=text_file("df.txt", aligned(DISKS, gap=2)),
                    commands=["cat df.txt"],
                    table_rows=[DISKS],
                )
            ],
        ),
        Scene(
            "term-ls-photos",
            "terminal",
            WX,
            "xterm (Liberation Mono 12) with ls -lh --time-style=long-iso of a photo folder, then an echo",
            [
                Terminal(
                    "photos - xterm",
                    (200, 140),
                    cols=84,
                    rows=18,
                    font=("Liberation Mono", 12),
                    prompt="ana@laptop:~/photos$ ",
                    workdir="photos",
                    setup=make_files(PHOTO_FILES),
                    commands=["ls -lh --time-style=long-iso", "echo 8 items, 33 MB in total"],
                    parse_ls=True,
                )
            ],
        ),
    ]


def _man_scenes() -> list[Scene]:
    return [
        Scene(
            "man-ls",
            "man",
            WX,
            "man ls in xterm (DejaVu Sans Mono 10), first page, with less's status line",
            [
                Terminal(
                    "man ls", (40, 30), cols=100, rows=38, font=("DejaVu Sans Mono", 10), commands=["man ls"]
                )
            ],
        ),
        Scene(
            "man-tar",
            "man",
            HD,
            "man tar in a wide xterm (Liberation Mono 11)",
            [
                Terminal(
                    "man tar",
                    (160, 60),
                    cols=120,
                    rows=46,
                    font=("Liberation Mono", 11),
                    commands=["man tar"],
                )
            ],
        ),
        Scene(
            "man-grep-small",
            "man",
            WX,
            "man grep in xterm with the small 6x13 bitmap font (C locale: plain ASCII, as that font has no "
            "curly quotes)",
            [
                Terminal(
                    "man grep",
                    (100, 40),
                    cols=132,
                    rows=52,
                    font=("6x13", 0),
                    commands=["man grep"],
                    env={"LANG": "C", "LC_ALL": "C"},
                )
            ],
        ),
        Scene(
            "man-cp-scrolled",
            "man",
            HD,
            "man cp scrolled down one page (space) in xterm (DejaVu Sans Mono 13)",
            [
                Terminal(
                    "man cp",
                    (500, 100),
                    cols=90,
                    rows=40,
                    font=("DejaVu Sans Mono", 13),
                    commands=["man cp"],
                    keys=[["Space"]],
                )
            ],
        ),
    ]


# ---- dialogs ----------------------------------------------------------------------------------------------
def _dialog_scenes() -> list[Scene]:
    return [
        Scene(
            "dlg-tk-save-changes",
            "dialog",
            WX,
            "Tk dialog 'Save Changes': a question, a note, Save / Discard / Cancel",
            [
                SpecWindow(
                    "Save Changes",
                    (430, 280),
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "body": [
                            {
                                "type": "label",
                                "text": 'Save changes to "budget.ods" before closing?',
                                "font": ["DejaVu Sans", 12, "bold"],
                            },
                            {
                                "type": "label",
                                "text": "If you don't save, changes from the last\n5 minutes will be "
                                "permanently lost.",
                            },
                            {"type": "buttons", "items": ["Discard", "Cancel", "Save"]},
                        ],
                    },
                )
            ],
        ),
        Scene(
            "dlg-qt-delete-files",
            "dialog",
            HD,
            "a real Qt QMessageBox (Fusion): warning, question, informative text, Delete / Cancel",
            [
                SpecWindow(
                    "Delete Files",
                    (760, 420),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 11],
                        "messagebox": {
                            "icon": "warning",
                            "text": "Delete 3 selected files permanently?",
                            "informative": "This cannot be undone.",
                            "buttons": [["Delete", "destructive"], ["Cancel", "reject"]],
                        },
                    },
                )
            ],
        ),
        Scene(
            "dlg-zenity-replace",
            "dialog",
            WX,
            "zenity (GTK 3) question 'Replace File' with Replace / Keep Both / Cancel",
            [
                gtk_dialog(
                    "Replace File",
                    (380, 300),
                    "zenity",
                    [
                        "--question",
                        "--width",
                        "460",
                        "--text",
                        "A file named invoice-2024.pdf already exists. Do you want to replace it?",
                        "--ok-label",
                        "Replace",
                        "--cancel-label",
                        "Cancel",
                        "--extra-button",
                        "Keep Both",
                    ],
                    ["A file named invoice-2024.pdf already exists. Do you want to replace it?"],
                    ["Replace", "Cancel", "Keep Both"],
                )
            ],
        ),
        Scene(
            "dlg-yad-backup",
            "dialog",
            HD,
            "yad (GTK 3) dialog 'Backup Manager' with Back Up Now / Later",
            [
                gtk_dialog(
                    "Backup Manager",
                    (700, 400),
                    "yad",
                    [
                        "--width",
                        "480",
                        "--text",
                        "Your last backup was 9 days ago.\nBack up 3 folders (12.4 GB) to the USB drive now?",
                        "--button",
                        "Back Up Now:0",
                        "--button",
                        "Later:1",
                    ],
                    ["Your last backup was 9 days ago.", "Back up 3 folders (12.4 GB) to the USB drive now?"],
                    ["Back Up Now", "Later"],
                )
            ],
        ),
        Scene(
            "dlg-xmessage-reminder",
            "dialog",
            WX,
            "xmessage (Athena, fixed font) reminder with Snooze / Dismiss",
            [
                xmessage(
                    "Reminder",
                    (420, 320),
                    "Reminder: team meeting at 14:30 in room B\nBring the printed agenda.",
                    ["Snooze", "Dismiss"],
                )
            ],
        ),
        Scene(
            "dlg-qt-connect",
            "dialog",
            HD,
            "Qt dialog 'Connect to Server': form with server, port, user; Connect / Cancel",
            [
                SpecWindow(
                    "Connect to Server",
                    (720, 360),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "body": [
                            {
                                "type": "label",
                                "text": "Enter the address of the file server.",
                                "font": ["DejaVu Sans", 11, "bold"],
                            },
                            {
                                "type": "form",
                                "fields": [
                                    ["Server", "files.example.org"],
                                    ["Port", "445"],
                                    ["Username", "jordan"],
                                    ["Password", ""],
                                ],
                                "entry_width": 30,
                            },
                            {"type": "checks", "items": [["Remember this password", False]]},
                            {"type": "buttons", "items": ["Cancel", "Connect"]},
                        ],
                    },
                )
            ],
        ),
    ]


# ---- calculators ------------------------------------------------------------------------------------------
def _calc_scenes() -> list[Scene]:
    tk_keys = [
        ["MC", "MR", "M+", "C"],
        ["7", "8", "9", "÷"],
        ["4", "5", "6", "×"],
        ["1", "2", "3", "−"],
        ["0", ".", "=", "+"],
    ]
    qt_keys = [
        ["sin", "cos", "tan", "log", "ln"],
        ["x²", "√", "π", "(", ")"],
        ["7", "8", "9", "DEL", "AC"],
        ["4", "5", "6", "×", "÷"],
        ["1", "2", "3", "+", "−"],
        ["0", ".", "EXP", "Ans", "="],
    ]
    return [
        Scene("calc-xcalc", "calculator", WX, "xcalc (TI-30 mode, monochrome) alone", [xcalc((520, 180))]),
        Scene(
            "calc-xcalc-color",
            "calculator",
            HD,
            "xcalc with the colour customisation, Natura openbox theme",
            [xcalc((850, 300), color=True)],
            theme="Natura",
            background="#5a7a5a",
        ),
        Scene(
            "calc-tk",
            "calculator",
            WX,
            "a Tk calculator of ours: display 1,234.5 and a 5x4 keypad",
            [
                SpecWindow(
                    "Pocket Calculator",
                    (500, 160),
                    spec={
                        "font": ["DejaVu Sans", 14],
                        "body": [
                            {"type": "display", "text": "1,234.5", "font": ["DejaVu Sans Mono", 24]},
                            {"type": "grid", "rows": tk_keys, "width": 3},
                        ],
                    },
                )
            ],
        ),
        Scene(
            "calc-qt-scientific",
            "calculator",
            HD,
            "a Qt (Fusion) scientific calculator of ours: display and a 6x5 keypad",
            [
                SpecWindow(
                    "Scientific Calculator",
                    (760, 240),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 13],
                        "body": [
                            {"type": "label", "text": "DEG", "font": ["Noto Sans", 9], "anchor": "e"},
                            {"type": "display", "text": "0.7071067812", "font": ["DejaVu Sans Mono", 26]},
                            {"type": "grid", "rows": qt_keys, "key_w": 64, "key_h": 44},
                        ],
                    },
                )
            ],
        ),
    ]


# ---- clocks --------------------------------------------------------------------------------------
def _clock_scenes() -> list[Scene]:
    return [
        Scene(
            "clock-xclock-digital",
            "clock",
            WX,
            "xclock -digital (UTC day, date and time; truth read from the same clock at the grab)",
            [xclock("Clock", (300, 300), (640, 64), strftime="%A %d %B %Y  %H:%M", face="DejaVu Sans-18")],
        ),
        Scene(
            "clock-xclock-pair",
            "clock",
            HD,
            "two xclocks side by side: analogue 'Office' and digital 'UTC'",
            [
                xclock("Office", (600, 350), (260, 260)),
                xclock("UTC time", (920, 430), (300, 60), strftime="%H:%M UTC", face="DejaVu Sans Mono-20"),
            ],
        ),
        Scene(
            "clock-tk-world",
            "clock",
            WX,
            "a Tk world clock of ours: analogue face at 10:10 and city times",
            [
                SpecWindow(
                    "World Clock",
                    (440, 90),
                    spec={
                        "font": ["DejaVu Sans", 12],
                        "bg": "#eef2f7",
                        "body": [
                            {"type": "clock", "time": "10:10", "size": 240},
                            {
                                "type": "label",
                                "text": "London  10:10  Tuesday",
                                "font": ["DejaVu Sans", 14, "bold"],
                                "anchor": "center",
                            },
                            {
                                "type": "label",
                                "text": "New York  05:10\nTokyo  19:10\nSydney  21:10",
                                "anchor": "center",
                            },
                            {
                                "type": "label",
                                "text": "Alarm set for 06:45",
                                "fg": "#555555",
                                "anchor": "center",
                            },
                        ],
                    },
                )
            ],
        ),
        Scene(
            "clock-qt-stopwatch",
            "clock",
            HD,
            "a Qt stopwatch of ours: clock face at 3:40, elapsed time, laps, Start / Lap / Reset",
            [
                SpecWindow(
                    "Stopwatch",
                    (820, 200),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 12],
                        "body": [
                            {"type": "clock", "time": "03:40", "size": 260},
                            {
                                "type": "label",
                                "text": "00:12:47.3",
                                "font": ["DejaVu Sans Mono", 28],
                                "anchor": "center",
                            },
                            {
                                "type": "label",
                                "text": "Lap 1  00:04:10.8\nLap 2  00:04:22.1\nLap 3  00:04:14.4",
                                "anchor": "center",
                            },
                            {"type": "buttons", "items": ["Start", "Lap", "Reset"], "align": "center"},
                        ],
                    },
                )
            ],
        ),
    ]


# ---- tables -----------------------------------------------------------------------------------------------
SALES_CSS = """
table.sales td, table.sales th { border: 1px solid #b8c2cc; }
table.sales th { background: #e8eef4; }
table.sales td:not(:first-child) { text-align: right; }
"""

TRAINS_CSS = """
body { background: #0b2545; color: #ffffff; }
h1 { color: #ffd23f; }
table.board tr:nth-child(even) td { background: #13315c; }
table.board th { color: #ffd23f; border-bottom: 2px solid #ffd23f; }
table.board td, table.board th { padding: 7px 22px; }
"""


def _table_scenes() -> list[Scene]:
    sales = page(
        "Quarterly Sales",
        "<h1>Quarterly Sales 2024</h1><p>Units sold per region. Figures are final as of January 15.</p>"
        + html_table(SALES, cls="sales")
        + "<p style='margin-top:14px'>Source: regional offices.</p>",
        SALES_CSS,
    )
    trains = page(
        "Departures",
        "<h1>Departures from London King's Cross</h1>"
        + html_table(TRAINS, cls="board")
        + "<p style='margin-top:16px'>Information correct at 07:58.</p>",
        TRAINS_CSS,
        font="'Liberation Sans'",
        size=19,
    )
    return [
        Scene(
            "table-chromium-sales",
            "table",
            WX,
            "Chromium page with a bordered sales table (header + 5 rows, 6 columns)",
            [Page("Quarterly Sales", (150, 90), html=sales, size=(900, 440))],
        ),
        Scene(
            "table-chromium-trains",
            "table",
            HD,
            "Chromium departure board: striped table of 10 trains, white on navy",
            [Page("Departures", (260, 120), html=trains, size=(1280, 620))],
        ),
        Scene(
            "table-tk-archive",
            "table",
            WX,
            "Tk (ttk Treeview) file list 'Archive' with Name / Size / Type / Modified and buttons",
            [
                SpecWindow(
                    "Archive",
                    (220, 150),
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "body": [
                            {"type": "label", "text": "7 items in /home/lee/archive", "fg": "#333333"},
                            {"type": "table", "columns": ARCHIVE[0], "rows": ARCHIVE[1:]},
                            {"type": "buttons", "items": ["Extract", "Delete", "Close"]},
                        ],
                    },
                )
            ],
        ),
        Scene(
            "table-qt-inventory",
            "table",
            HD,
            "Qt (Fusion) QTableWidget 'Inventory' with 7 items and a toolbar",
            [
                SpecWindow(
                    "Inventory",
                    (560, 240),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 12],
                        "body": [
                            {"type": "toolbar", "items": ["Add item", "Edit", "Remove", "|", "Export CSV"]},
                            {"type": "table", "columns": INVENTORY[0], "rows": INVENTORY[1:]},
                            {
                                "type": "label",
                                "text": "Low stock: Cast iron pan, Glass jar 2L",
                                "fg": "#a04000",
                            },
                        ],
                    },
                )
            ],
        ),
    ]


# ---- forms ------------------------------------------------------------------------------------------------
FORM_CSS = """
.form .row { display: flex; align-items: center; margin: 8px 0; }
.form .row label { width: 170px; }
.form .row.check label { width: auto; }
.form input[type=text], .form select { width: 300px; }
.buttons { margin-top: 18px; }
"""

GRID_FORM_CSS = """
.cols { display: flex; gap: 48px; }
.form .row { display: flex; flex-direction: column; margin: 8px 0; }
.form .row label { color: #444; font-size: 0.9em; margin-bottom: 3px; }
.form input[type=text], .form select { width: 340px; }
.buttons { margin-top: 20px; }
button.primary { background: #1f6feb; color: #fff; border: 1px solid #1f6feb; }
"""


def _form_scenes() -> list[Scene]:
    account = page(
        "Create Account",
        "<h1>Create your account</h1><p>All fields are required unless marked optional.</p>"
        + html_form(
            [
                ("Full name", "text", "Priya Raman"),
                ("Email address", "text", "priya.raman@example.com"),
                ("Username", "placeholder", "letters and numbers only"),
                ("Country", "select", "India"),
                ("Phone (optional)", "placeholder", "+91 98765 43210"),
                ("I agree to the terms of service", "check", "1"),
                ("Send me the monthly newsletter", "check", ""),
            ]
        )
        + html_buttons(["Create account", "Cancel"]),
        FORM_CSS,
    )
    shipping = page(
        "Shipping Address",
        "<h1>Shipping address</h1><p>Step 2 of 3: where should we send your order?</p><div class='cols'>"
        + html_form(
            [
                ("First name", "text", "Tomasz"),
                ("Street", "text", "Ulica Długa 14"),
                ("City", "text", "Gdańsk"),
                ("Delivery", "select", "Standard (3-5 days)"),
            ]
        )
        + html_form(
            [
                ("Last name", "text", "Nowak"),
                ("Apartment", "placeholder", "Apartment, suite, floor"),
                ("Postal code", "text", "80-827"),
                ("Country", "select", "Poland"),
            ]
        )
        + "</div>"
        + "<div class='buttons'><button>Back</button><button class='primary'>Continue to "
        "payment</button></div>",
        GRID_FORM_CSS,
        font="'Noto Sans'",
        size=16,
    )
    return [
        Scene(
            "form-chromium-account",
            "form",
            WX,
            "Chromium sign-up form: labels, filled and placeholder fields, select, checkboxes, buttons",
            [Page("Create Account", (180, 60), html=account, size=(860, 470))],
        ),
        Scene(
            "form-chromium-shipping",
            "form",
            HD,
            "Chromium two-column shipping form (Noto Sans), Back / Continue to payment",
            [Page("Shipping Address", (420, 160), html=shipping, size=(1000, 560))],
            order=["First name", "Last name"],
        ),
        Scene(
            "form-tk-preferences",
            "form",
            WX,
            "Tk 'Preferences' window: form fields, checkboxes, OK / Apply / Cancel",
            [
                SpecWindow(
                    "Preferences",
                    (300, 140),
                    spec={
                        "font": ["Liberation Sans", 11],
                        "body": [
                            {"type": "label", "text": "General", "font": ["Liberation Sans", 13, "bold"]},
                            {
                                "type": "form",
                                "fields": [
                                    ["Display name", "Lee Morgan"],
                                    ["Download folder", "/home/lee/Downloads"],
                                    ["Language", "English (UK)"],
                                    ["Autosave every", "10 minutes"],
                                ],
                            },
                            {
                                "type": "checks",
                                "items": [
                                    ["Start at login", True],
                                    ["Show notifications", True],
                                    ["Check for updates weekly", False],
                                ],
                            },
                            {"type": "buttons", "items": ["Cancel", "Apply", "OK"]},
                        ],
                    },
                )
            ],
        ),
        Scene(
            "form-qt-contact",
            "form",
            HD,
            "Qt 'New Contact' form with notes field and Save Contact / Cancel",
            [
                SpecWindow(
                    "New Contact",
                    (660, 220),
                    toolkit="qt",
                    spec={
                        "font": ["Liberation Sans", 12],
                        "body": [
                            {
                                "type": "form",
                                "fields": [
                                    ["First name", "Olivia"],
                                    ["Last name", "Bennett"],
                                    ["Mobile", "07700 900123"],
                                    ["Email", "olivia.bennett@example.net"],
                                    ["Company", "Harbour Design Ltd"],
                                    ["Birthday", ""],
                                ],
                            },
                            {"type": "label", "text": "Notes"},
                            {
                                "type": "text",
                                "text": "Met at the spring trade fair. Prefers email after 6 pm.",
                                "height": 3,
                                "width": 50,
                            },
                            {"type": "buttons", "items": ["Cancel", "Save Contact"]},
                        ],
                    },
                )
            ],
        ),
    ]


# ---- articles ------------------------------------------------------------------------------------
TWO_COL_CSS = """
.cols { column-count: 2; column-gap: 44px; text-align: left; }
.cols p { margin: 0 0 12px 0; }
.byline { color: #555; margin-bottom: 14px; }
"""

THREE_COL_CSS = """
.grid { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 36px; }
.grid h2 { margin-top: 0; }
.masthead { border-bottom: 3px double #222; margin-bottom: 16px; }
"""

BIRDS = [
    "Every spring the salt marsh north of the harbour fills with waders. This year volunteers counted more "
    "than four thousand dunlin in a single morning, the highest number since the survey began.",
    "The count starts two hours before high tide, when the rising water pushes the birds onto the shingle "
    "bank. Observers work in pairs, one counting and one writing, and swap roles every half hour.",
    "Redshank numbers were lower than last year, which the team links to the wet winter. Oystercatchers, "
    "by contrast, nested earlier and raised more chicks than in any of the previous five seasons.",
    "Visitors can join the next count on the first Saturday of May. Bring binoculars, warm clothes and a "
    "flask of tea; the hide has room for twelve people and the path is suitable for wheelchairs.",
]

COUNCIL = [
    (
        "Library hours",
        "From June the central library opens at eight on weekdays and stays open until nine on Thursdays. "
        "The reading room on the second floor will close for repairs during the first two weeks.",
    ),
    (
        "Road works",
        "Resurfacing of Mill Lane begins on Monday and should take three weeks. Buses will use the bridge "
        "on Church Street instead, and the stop outside the bakery moves fifty metres east.",
    ),
    (
        "Recycling",
        "Glass collections change to every other Tuesday. Residents can ask for a second green box at the "
        "town hall; flattened cardboard can now go in the blue bin with paper.",
    ),
]


def _article_scenes() -> list[Scene]:
    birds = page(
        "Field Notes",
        "<h1>Waders return to the salt marsh</h1><div class='byline'>By Helen Carter, volunteer "
        "warden</div><div class='cols'>" + paragraphs(BIRDS) + "</div>",
        TWO_COL_CSS,
        font="'DejaVu Serif'",
        size=16,
    )
    council = page(
        "Town Bulletin",
        "<div class='masthead'><h1>Town Bulletin</h1><p>News from the council, week 22</p></div><div "
        "class='grid'>" + "".join(f"<div><h2>{h}</h2><p>{t}</p></div>" for h, t in COUNCIL) + "</div>",
        THREE_COL_CSS,
        font="'Liberation Serif'",
        size=18,
    )
    recipe = page(
        "Lentil Soup",
        "<h1>Red lentil soup</h1><div class='cols'>"
        + "<h2>Ingredients</h2><ul><li>200 g red lentils</li><li>1 onion, chopped</li><li>2 carrots, "
        "diced</li><li>1 litre vegetable stock</li><li>1 teaspoon cumin</li><li>Juice of half a "
        "lemon</li></ul>"
        + "<h2>Method</h2>"
        + paragraphs(
            [
                "Soften the onion and carrots in a little oil for eight minutes.",
                "Stir in the cumin, then add the lentils and the stock.",
                "Simmer for twenty minutes until the lentils fall apart.",
                "Blend until smooth, season, and finish with the lemon juice.",
            ]
        )
        + "</div>",
        TWO_COL_CSS + ".cols h2:first-child { margin-top: 0; } .cols h2 { break-before: auto; } .cols ul { "
        "break-after: column; }",
        font="'Noto Sans'",
        size=17,
    )
    study = page(
        "Sleep Study",
        "<h1>Short naps and memory: a field study</h1><div class='byline'>R. Okafor and L. "
        "Lindqvist</div><div class='cols'>"
        + paragraphs(
            [
                "Abstract. We asked 64 office workers to take a twenty minute nap after lunch on alternate "
                "days for six weeks and tested their recall of word lists each afternoon.",
                "Recall was on average eleven percent higher on nap days. The effect was strongest for "
                "participants who slept less than seven hours the night before.",
                "Methods. Participants wore a wrist sensor to confirm sleep. Word lists were matched for "
                "length and frequency and presented in random order.",
                "Limitations. The sample was small and drawn from one company. We did not control caffeine "
                "intake, which may have reduced the effect on some days.",
            ]
        )
        + "</div>",
        TWO_COL_CSS,
        font="'Liberation Sans'",
        size=14,
    )
    return [
        Scene(
            "article-chromium-birds",
            "article",
            WX,
            "Chromium two-column article in DejaVu Serif: headline, byline, four paragraphs",
            [Page("Field Notes", (100, 60), html=birds, size=(1060, 420))],
            order=[
                "Waders return to the salt marsh",
                "Every spring the salt marsh",
                "The count starts two hours",
                "Redshank numbers were lower",
                "Visitors can join the next count",
            ],
        ),
        Scene(
            "article-chromium-bulletin",
            "article",
            HD,
            "Chromium three-column town bulletin in Liberation Serif",
            [Page("Town Bulletin", (300, 120), html=council, size=(1320, 560))],
            order=[
                "News from the council",
                "Library hours",
                "From June the central library",
                "Road works",
                "Resurfacing of Mill Lane",
                "Recycling",
                "Glass collections change",
            ],
        ),
        Scene(
            "article-chromium-recipe",
            "article",
            WX,
            "Chromium two-column recipe: ingredients list in one column, method in the other",
            [Page("Lentil Soup", (160, 70), html=recipe, size=(940, 430))],
            order=["Red lentil soup", "Ingredients", "200 g red lentils", "Method", "Soften the onion"],
        ),
        Scene(
            "article-chromium-study",
            "article",
            HD,
            "Chromium two-column research summary in Liberation Sans 14 px",
            [Page("Sleep Study", (520, 200), html=study, size=(900, 520))],
            order=[
                "Short naps and memory",
                "Abstract. We asked 64",
                "Recall was on average",
                "Methods. Participants wore",
                "Limitations. The sample was small",
            ],
        ),
    ]


# ---- dark themes ---------------------------------------------------------------------------------
DARK_CSS = """
body { background: #16181d; color: #d8dee9; }
h1 { color: #ffffff; }
.card { background: #1f232b; border: 1px solid #2e3440; padding: 12px 16px; margin-bottom: 14px; }
table.dark th { color: #88c0d0; border-bottom: 1px solid #4c566a; }
table.dark td { border-bottom: 1px solid #2e3440; }
.muted { color: #8a93a3; }
button { background: #2e3440; color: #e5e9f0; border: 1px solid #4c566a; }
"""

PRINTERS = [
    ["Printer", "Location", "Status"],
    ["HP LaserJet 400", "Second floor", "Ready"],
    ["Brother HL-L2350", "Reception", "Low toner"],
    ["Canon PIXMA G620", "Studio", "Offline"],
    ["Save as PDF", "This computer", "Ready"],
]

BUILDS = [
    ["Pipeline", "Branch", "Status", "Duration", "Started"],
    ["#4812", "main", "passed", "6m 12s", "09:41"],
    ["#4811", "feature/search", "failed", "2m 58s", "09:22"],
    ["#4810", "main", "passed", "6m 40s", "08:57"],
    ["#4809", "fix/login-timeout", "running", "1m 05s", "08:51"],
    ["#4808", "release/2.4", "passed", "9m 33s", "08:10"],
]


def _dark_scenes() -> list[Scene]:
    dashboard = page(
        "Build Dashboard",
        "<h1>Build dashboard</h1><div class='card'><p>3 of 5 recent pipelines passed. The search branch "
        "has failed twice today.</p></div>"
        + html_table(BUILDS, cls="dark")
        + "<p class='muted' style='margin-top:14px'>Auto refresh every 60 seconds.</p>"
        + html_buttons(["Retry failed", "Open logs"]),
        DARK_CSS,
        size=16,
    )
    return [
        Scene(
            "dark-terminal-git",
            "dark",
            WX,
            "dark xterm (grey on near-black, DejaVu Sans Mono 11) with a coloured ls and a fixed "
            "git-log-like listing",
            [
                Terminal(
                    "~/project - xterm",
                    (90, 70),
                    cols=96,
                    rows=26,
                    font=("DejaVu Sans Mono", 11),
                    fg="#c5c8c6",
                    bg="#1d1f21",
                    prompt="dev@box:~/project$ ",
                    workdir="project",
                    setup=both(
                        make_files(
                            [
                                ("src", -1, "2024-05-02 10:00", 0o755),
                                ("tests", -1, "2024-05-01 15:30", 0o755),
                                ("README.md", 3012, "2024-04-28 09:12", 0o644),
                                ("build.sh", 880, "2024-04-20 18:00", 0o755),
                            ]
                        ),
                        text_file(
                            "log.txt",
                            "a41c9e2  Fix timeout in login form\n7d03b18  Add search filters to the "
                            "archive view\n"
                            "e92f4aa  Update translations for Polish and Welsh\n19bc0d5  Release 2.4.0\n",
                        ),
                    ),
                    commands=["ls --color=always", "cat log.txt"],
                )
            ],
            theme="Onyx",
            background="#101010",
        ),
        Scene(
            "dark-chromium-dashboard",
            "dark",
            HD,
            "dark Chromium dashboard: summary card, pipelines table, muted note, buttons",
            [Page("Build Dashboard", (380, 150), html=dashboard, size=(1100, 560))],
            theme="Onyx",
            background="#101010",
        ),
        Scene(
            "dark-qt-export",
            "dark",
            WX,
            "Qt (Fusion, dark palette) 'Export Settings' window with form, checkboxes and buttons",
            [
                SpecWindow(
                    "Export Settings",
                    (340, 110),
                    toolkit="qt",
                    spec={
                        "dark": True,
                        "font": ["Noto Sans", 11],
                        "body": [
                            {"type": "label", "text": "Export 248 photos", "font": ["Noto Sans", 14, "bold"]},
                            {
                                "type": "form",
                                "fields": [
                                    ["Format", "JPEG"],
                                    ["Quality", "85 percent"],
                                    ["Longest side", "2048 pixels"],
                                    ["Folder", "/home/kim/Pictures/export"],
                                ],
                            },
                            {
                                "type": "checks",
                                "items": [["Keep location data", False], ["Add watermark", True]],
                            },
                            {"type": "buttons", "items": ["Cancel", "Export"]},
                        ],
                    },
                )
            ],
            theme="Onyx",
            background="#202020",
        ),
        Scene(
            "dark-zenity-list",
            "dark",
            HD,
            "zenity --list (GTK 3, Adwaita dark) of printers: a table with header, OK / Cancel",
            [
                gtk_dialog(
                    "Choose Printer",
                    (740, 330),
                    "zenity",
                    [
                        "--list",
                        "--width",
                        "520",
                        "--height",
                        "330",
                        "--text",
                        "Select a printer for report.pdf",
                        "--column",
                        "Printer",
                        "--column",
                        "Location",
                        "--column",
                        "Status",
                        "HP LaserJet 400",
                        "Second floor",
                        "Ready",
                        "Brother HL-L2350",
                        "Reception",
                        "Low toner",
                        "Canon PIXMA G620",
                        "Studio",
                        "Offline",
                        "Save as PDF",
                        "This computer",
                        "Ready",
                    ],
                    [
                        "Select a printer for report.pdf",
                        "Printer",
                        "Location",
                        "Status",
                        "HP LaserJet 400",
                        "Second floor",
                        "Ready",
                        "Brother HL-L2350",
                        "Reception",
                        "Low toner",
                        "Canon PIXMA G620",
                        "Studio",
                        "Offline",
                        "Save as PDF",
                        "This computer",
                        "Ready",
                    ],
                    ["Cancel", "OK"],
                    dark=True,
                    table_rows=[PRINTERS],
                )
            ],
            theme="Onyx",
            background="#181818",
        ),
    ]


# ---- small and light text ------------------------------------------------------------------------
ROTATE_CONF = """# keep four weeks of web server logs
/var/log/nginx/*.log {
    weekly
    rotate 4
    compress
    delaycompress
    missingok
    notifempty
}
"""

SMALL_CSS = """
body { color: #9a9a9a; }
h1 { color: #b0b0b0; font-size: 20px; }
.tiny { font-size: 11px; }
.foot { font-size: 10px; color: #aaaaaa; margin-top: 18px; }
"""


def _small_scenes() -> list[Scene]:
    notes = page(
        "Notes",
        "<h1>Notes for Thursday</h1><p>Reminder: team meeting at 14:30 in room B.</p>"
        + "<p class='tiny'>Bring the quarterly figures and the draft of the hiring plan. Coffee is in the "
        "kitchen on the third floor.</p>"
        + "<p class='tiny'>Parking passes expire on Friday; renew them at the front desk before noon.</p>"
        + "<div class='foot'>Version 2.4.1 - last edited by Sam at 09:12 - 3 readers</div>",
        SMALL_CSS,
        size=13,
    )
    return [
        Scene(
            "small-chromium-notes",
            "small-text",
            WX,
            "Chromium page in small (10-13 px) light-grey text on white",
            [Page("Notes", (260, 140), html=notes, size=(760, 320))],
        ),
        Scene(
            "small-tk-status",
            "small-text",
            HD,
            "Tk window with 8 pt grey captions and a small status line",
            [
                SpecWindow(
                    "Sync Status",
                    (760, 380),
                    spec={
                        "font": ["DejaVu Sans", 8],
                        "bg": "#f6f6f6",
                        "fg": "#8c8c8c",
                        "body": [
                            {
                                "type": "label",
                                "text": "Last sync: today at 11:52",
                                "font": ["DejaVu Sans", 10, "bold"],
                                "fg": "#777777",
                            },
                            {"type": "label", "text": "1,208 files up to date - 3 waiting - 0 conflicts"},
                            {"type": "label", "text": "Account: morgan@example.org (42% of 200 GB used)"},
                            {"type": "label", "text": "Paused folders: Videos, Old Projects"},
                            {"type": "buttons", "items": ["Pause", "Settings"], "font": ["DejaVu Sans", 8]},
                        ],
                    },
                )
            ],
        ),
        Scene(
            "small-xterm-6x10",
            "small-text",
            HD,
            "xterm with the tiny 6x10 bitmap font: ls -l of a log folder and a logrotate config",
            [
                Terminal(
                    "tiny",
                    (300, 200),
                    cols=100,
                    rows=24,
                    font=("6x10", 0),
                    prompt="kim@pi:~/logs$ ",
                    workdir="logs",
                    setup=both(
                        text_file("rotate.conf", ROTATE_CONF, when="2023-12-12 12:00"),
                        make_files(
                            [
                                ("access.log", 481233, "2024-03-01 00:00", 0o644),
                                ("error.log", 10240, "2024-03-01 00:00", 0o644),
                                ("archive", -1, "2024-02-01 00:00", 0o755),
                            ]
                        ),
                    ),
                    commands=["ls -l", "cat rotate.conf"],
                    parse_ls=True,
                )
            ],
        ),
        Scene(
            "small-qt-about",
            "small-text",
            WX,
            "Qt 'About' window: bold name, small grey version and licence lines",
            [
                SpecWindow(
                    "About Notepad",
                    (420, 220),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 8],
                        "body": [
                            {
                                "type": "label",
                                "text": "Notepad",
                                "font": ["Noto Sans", 16, "bold"],
                                "anchor": "center",
                            },
                            {
                                "type": "label",
                                "text": "Version 3.0.7 (build 5512)",
                                "fg": "#8f8f8f",
                                "anchor": "center",
                            },
                            {
                                "type": "label",
                                "text": "A small text editor for quick notes.",
                                "anchor": "center",
                            },
                            {
                                "type": "label",
                                "text": "Released under the GNU General Public License,\nversion 3 or later.",
                                "fg": "#9b9b9b",
                                "anchor": "center",
                            },
                            {"type": "buttons", "items": ["Credits", "Close"], "align": "center"},
                        ],
                    },
                )
            ],
        ),
    ]


# ---- toolbars and button grids -------------------------------------------------------------------
TOOLS_CSS = """
.bar { display: flex; gap: 4px; padding: 6px; background: #eceff3; border: 1px solid #cfd6de; }
.bar { margin-bottom: 16px; }
.bar button { margin: 0; }
.tools { display: grid; grid-template-columns: repeat(4, 150px); gap: 10px; }
.tools button { padding: 14px 0; margin: 0; }
"""


def _toolbar_scenes() -> list[Scene]:
    editor = page(
        "Photo Editor",
        "<div class='bar'>"
        + "".join(
            f"<button>{b}</button>" for b in ["Open", "Save", "Export", "Undo", "Redo", "Zoom in", "Zoom out"]
        )
        + "</div>"
        + "<h2>Adjustments</h2><div class='tools'>"
        + "".join(
            f"<button>{b}</button>"
            for b in [
                "Crop",
                "Rotate left",
                "Rotate right",
                "Flip",
                "Brightness",
                "Contrast",
                "Saturation",
                "Sharpen",
                "Blur",
                "Black and white",
                "Sepia",
                "Reset",
            ]
        )
        + "</div><p style='margin-top:16px'>holiday-042.jpg, 4032 x 3024 pixels</p>",
        TOOLS_CSS,
    )
    return [
        Scene(
            "toolbar-qt-editor",
            "toolbar",
            WX,
            "Qt text editor: toolbar (New, Open, Save | Cut, Copy, Paste | Undo, Redo) over a text area",
            [
                SpecWindow(
                    "Untitled - Writer",
                    (150, 80),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "body": [
                            {
                                "type": "toolbar",
                                "items": [
                                    "New",
                                    "Open",
                                    "Save",
                                    "|",
                                    "Cut",
                                    "Copy",
                                    "Paste",
                                    "|",
                                    "Undo",
                                    "Redo",
                                ],
                            },
                            {
                                "type": "text",
                                "text": "Dear Ms Alvarez,\n\nThank you for your letter of 3 May. The "
                                "repairs to the roof will start on the 20th and should be finished "
                                "within a week.\n\nKind regards,\nJonas",
                                "height": 12,
                                "width": 70,
                            },
                            {
                                "type": "label",
                                "text": "Line 1, Column 1    English (UK)",
                                "font": ["DejaVu Sans", 9],
                            },
                        ],
                    },
                )
            ],
        ),
        Scene(
            "toolbar-tk-paint",
            "toolbar",
            HD,
            "Tk drawing tools: a toolbar and a 4x3 grid of tool buttons",
            [
                SpecWindow(
                    "Sketch Tools",
                    (700, 260),
                    spec={
                        "font": ["Liberation Sans", 12],
                        "body": [
                            {
                                "type": "toolbar",
                                "items": ["File", "Edit", "View", "|", "Help"],
                                "bar_bg": "#e4e4e4",
                            },
                            {"type": "label", "text": "Tools", "font": ["Liberation Sans", 13, "bold"]},
                            {
                                "type": "grid",
                                "rows": [
                                    ["Pencil", "Brush", "Eraser"],
                                    ["Fill", "Text", "Line"],
                                    ["Rectangle", "Ellipse", "Polygon"],
                                    ["Picker", "Zoom", "Select"],
                                ],
                                "width": 10,
                            },
                            {
                                "type": "label",
                                "text": "Brush size 12 px, opacity 80 percent",
                                "fg": "#444444",
                            },
                        ],
                    },
                )
            ],
        ),
        Scene(
            "toolbar-chromium-photo",
            "toolbar",
            WX,
            "Chromium photo editor page: toolbar of 7 buttons and a 4x3 grid of adjustment buttons",
            [Page("Photo Editor", (200, 100), html=editor, size=(760, 420))],
        ),
        Scene(
            "toolbar-qt-dialpad",
            "toolbar",
            HD,
            "Qt phone dial pad: number display, 4x3 keys with letters, Call / Clear",
            [
                SpecWindow(
                    "Phone",
                    (860, 240),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 13],
                        "body": [
                            {"type": "display", "text": "020 7946 0958"},
                            {
                                "type": "grid",
                                "rows": [
                                    ["1", "2 ABC", "3 DEF"],
                                    ["4 GHI", "5 JKL", "6 MNO"],
                                    ["7 PQRS", "8 TUV", "9 WXYZ"],
                                    ["*", "0", "#"],
                                ],
                                "key_w": 90,
                                "key_h": 48,
                            },
                            {"type": "buttons", "items": ["Clear", "Call"], "align": "center"},
                        ],
                    },
                )
            ],
        ),
    ]


# ---- several windows -----------------------------------------------------------------------------
def _multi_scenes() -> list[Scene]:
    sales = page(
        "Sales Report",
        "<h1>Sales by region</h1>"
        + html_table(SALES, cls="sales")
        + "<p style='margin-top:12px'>Updated every Monday morning.</p>",
        SALES_CSS,
    )
    news = page(
        "Harbour News",
        "<h1>Ferry timetable changes</h1><div class='cols'>"
        + paragraphs(
            [
                "From the first of July the morning ferry leaves at seven fifteen instead of seven, to "
                "give the crew time to load bicycles.",
                "The last crossing on Sundays moves to nine in the evening. Season tickets bought before "
                "June remain valid for the whole summer.",
            ]
        )
        + "</div>",
        TWO_COL_CSS,
        font="'DejaVu Serif'",
    )
    signup = page(
        "Event Registration",
        "<h1>Register for the workshop</h1>"
        + html_form(
            [
                ("Name", "text", "Chen Wei"),
                ("Email", "text", "chen.wei@example.com"),
                ("Session", "select", "Saturday morning"),
            ]
        )
        + html_buttons(["Register", "Clear"]),
        FORM_CSS,
    )
    return [
        Scene(
            "multi-terminal-save",
            "multi-window",
            WX,
            "xterm with ls -l, partly covered by an active Tk 'Save Changes' dialog",
            [
                Terminal(
                    "reports - xterm",
                    (40, 40),
                    cols=88,
                    rows=24,
                    font=("DejaVu Sans Mono", 11),
                    prompt="sam@desk:~/reports$ ",
                    workdir="reports",
                    setup=make_files(REPORT_FILES),
                    commands=["ls -l"],
                    parse_ls=True,
                ),
                SpecWindow(
                    "Save Changes",
                    (330, 186),
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "body": [
                            {
                                "type": "label",
                                "text": "Save changes to notes.txt before closing?",
                                "font": ["DejaVu Sans", 12, "bold"],
                            },
                            {"type": "buttons", "items": ["Discard", "Cancel", "Save"]},
                        ],
                    },
                ),
            ],
            order=["Save changes to notes.txt before closing", "sam@desk:~/reports$ ls -l"],
        ),
        Scene(
            "multi-page-terminal-calc",
            "multi-window",
            HD,
            "three windows: Chromium sales table (bottom), xterm with a services table, xcalc on top",
            [
                Page("Sales Report", (80, 60), html=sales, size=(900, 520)),
                Terminal(
                    "ops@gateway: ~",
                    (420, 290),
                    cols=80,
                    rows=20,
                    font=("Liberation Mono", 12),
                    prompt="ops@gateway:~$ ",
                    workdir="ops",
                    setup=text_file("services.txt", aligned(SERVICES)),
                    commands=["cat services.txt"],
                    table_rows=[SERVICES],
                ),
                xcalc((1500, 180)),
            ],
            order=["DEG", "ops@gateway:~$ cat services.txt", "Sales by region"],
        ),
        Scene(
            "multi-editor-zenity",
            "multi-window",
            WX,
            "Qt editor with toolbar and letter, a zenity question on top",
            [
                SpecWindow(
                    "letter.txt - Writer",
                    (60, 50),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "body": [
                            {"type": "toolbar", "items": ["New", "Open", "Save", "|", "Undo", "Redo"]},
                            {
                                "type": "text",
                                "text": "Dear neighbours,\n\nThe street party is on Saturday the 14th from "
                                "two o'clock. Please bring a chair and something to "
                                "share.\n\nThank you,\nRuth",
                                "height": 14,
                                "width": 72,
                            },
                        ],
                    },
                ),
                gtk_dialog(
                    "Unsaved Letter",
                    (330, 170),
                    "zenity",
                    [
                        "--question",
                        "--width",
                        "420",
                        "--text",
                        "Close the letter without saving?",
                        "--ok-label",
                        "Close Anyway",
                        "--cancel-label",
                        "Go Back",
                    ],
                    ["Close the letter without saving?"],
                    ["Close Anyway", "Go Back"],
                ),
            ],
            order=["Close the letter without saving", "Dear neighbours"],
        ),
        Scene(
            "multi-four-windows",
            "multi-window",
            HD,
            "four windows: man ls, a Chromium article, a Tk form, an xmessage on top",
            [
                Terminal(
                    "man ls", (30, 30), cols=90, rows=40, font=("DejaVu Sans Mono", 10), commands=["man ls"]
                ),
                Page("Harbour News", (620, 120), html=news, size=(820, 420)),
                SpecWindow(
                    "Book a Table",
                    (1180, 420),
                    spec={
                        "font": ["Liberation Sans", 12],
                        "body": [
                            {
                                "type": "label",
                                "text": "Reservation at Casa Lina",
                                "font": ["Liberation Sans", 13, "bold"],
                            },
                            {
                                "type": "form",
                                "fields": [["Date", "Friday 21 June"], ["Time", "19:30"], ["Guests", "4"]],
                                "entry_width": 20,
                            },
                            {"type": "buttons", "items": ["Book", "Cancel"]},
                        ],
                    },
                ),
                xmessage(
                    "Battery", (760, 700), "Battery low: 9 percent left.\nConnect the charger soon.", ["OK"]
                ),
            ],
            order=[
                "Battery low",
                "Reservation at Casa Lina",
                "Ferry timetable changes",
                "List information about the FILEs",
            ],
        ),
        Scene(
            "multi-two-terminals",
            "multi-window",
            WX,
            "two overlapping xterms, light (df table) under dark (ps table)",
            [
                Terminal(
                    "disk usage",
                    (20, 30),
                    cols=76,
                    rows=16,
                    font=("DejaVu Sans Mono", 11),
                    prompt="root@nas:~# ",
                    workdir="root",
                    setup=text_file("df.txt", aligned(DISKS, gap=2)),
                    commands=["cat df.txt"],
                    table_rows=[DISKS],
                ),
                Terminal(
                    "processes",
                    (400, 150),
                    cols=64,
                    rows=16,
                    font=("DejaVu Sans Mono", 10),
                    fg="#d0d0d0",
                    bg="#202020",
                    prompt="maria@studio:~$ ",
                    workdir="maria",
                    setup=text_file("ps.txt", aligned(PROCESSES, gap=2)),
                    commands=["cat ps.txt"],
                    table_rows=[PROCESSES],
                ),
            ],
            order=["maria@studio:~$ cat ps.txt", "root@nas:~# cat df.txt"],
        ),
        Scene(
            "multi-form-qt-clock",
            "multi-window",
            HD,
            "Tk world clock, a Chromium registration form over it, a Qt message box on top",
            [
                SpecWindow(
                    "World Clock",
                    (1380, 100),
                    spec={
                        "font": ["DejaVu Sans", 12],
                        "body": [
                            {"type": "clock", "time": "10:10", "size": 200},
                            {"type": "label", "text": "Lisbon  09:10\nNairobi  11:10", "anchor": "center"},
                        ],
                    },
                ),
                Page("Event Registration", (520, 200), html=signup, size=(880, 520)),
                SpecWindow(
                    "Registration Sent",
                    (760, 600),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "messagebox": {
                            "icon": "information",
                            "text": "Thank you, your place is booked.",
                            "informative": "A confirmation was sent to your email.",
                            "buttons": [["OK", "accept"]],
                        },
                    },
                ),
            ],
            order=["Thank you, your place is booked", "Register for the workshop", "Lisbon"],
        ),
        Scene(
            "multi-clock-calc-page",
            "multi-window",
            WX,
            "Chromium notes page, a Tk calculator over it, a digital xclock on top (Bear2 theme)",
            [
                Page(
                    "Budget Notes",
                    (40, 40),
                    html=page(
                        "Budget Notes",
                        "<h1>Household budget</h1>"
                        + paragraphs(
                            [
                                "Rent is due on the first of each month.",
                                "Electricity went up by twelve percent in March.",
                                "Save forty pounds a week for the summer holiday.",
                                "Cancel the unused gym membership.",
                            ]
                        ),
                        size=17,
                    ),
                    size=(820, 440),
                ),
                SpecWindow(
                    "Quick Sums",
                    (330, 150),
                    spec={
                        "font": ["DejaVu Sans", 13],
                        "body": [
                            {"type": "display", "text": "412.80", "font": ["DejaVu Sans Mono", 22]},
                            {
                                "type": "grid",
                                "rows": [
                                    ["7", "8", "9", "+"],
                                    ["4", "5", "6", "−"],
                                    ["1", "2", "3", "="],
                                    ["0", ".", "C", "%"],
                                ],
                                "width": 3,
                            },
                        ],
                    },
                ),
                xclock("Time now", (960, 80), (280, 56), strftime="%H:%M", face="DejaVu Sans-20"),
            ],
            order=["412.80", "Household budget"],
            theme="Bear2",
            background="#4a5d73",
        ),
    ]


# ---- the assistant's own window on the screen -----------------------------------------------------
def _assistant_window(pos: tuple[int, int], previous: str) -> SpecWindow:
    """The assistant's own window (Qt, WM_CLASS class "assistant") showing its previous description:
    a reader that reads it nests one description inside the next."""
    return SpecWindow(
        "Assistant",
        pos,
        toolkit="qt",
        own=True,
        spec={
            "font": ["DejaVu Sans", 11],
            "width": 440,
            "body": [
                {"type": "label", "text": "Last description", "font": ["DejaVu Sans", 11, "bold"]},
                {"type": "text", "text": previous, "height": 6, "width": 44},
                {"type": "buttons", "items": ["Repeat", "Copy text", "Settings"]},
            ],
        },
    )


LIBRARY_HOURS = [
    ["Day", "Opens", "Closes"],
    ["Monday", "09:00", "18:00"],
    ["Tuesday", "09:00", "20:00"],
    ["Saturday", "10:00", "16:00"],
    ["Sunday", "closed", "closed"],
]


def _own_window_scenes() -> list[Scene]:
    library = page(
        "Riverside Library",
        "<h1>Riverside Library</h1>"
        + paragraphs(["Borrowed books can be renewed twice online, unless another reader has reserved them."])
        + html_table(LIBRARY_HOURS, cls="hours"),
        SALES_CSS,
        size=16,
    )
    return [
        Scene(
            "assistant-over-page",
            "with-assistant",
            HD,
            "Chromium library page, the assistant's own window over part of it, an active Tk dialog on top",
            [
                Page("Riverside Library", (60, 60), html=library, size=(900, 560)),
                _assistant_window(
                    (820, 300),
                    "Screen. Window Quarterly Sales. Sales by region. North 1,204 1,310 1,187 1,452. "
                    "Updated every Monday morning.",
                ),
                SpecWindow(
                    "Renew Loan",
                    (700, 760),
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "body": [
                            {"type": "label", "text": "Renew your loan of The Shipping News until 14 June?"},
                            {"type": "buttons", "items": ["Cancel", "Renew"]},
                        ],
                    },
                ),
            ],
            order=["Renew your loan", "Riverside Library Borrowed books"],
        ),
        Scene(
            "assistant-terminal",
            "with-assistant",
            WX,
            "xterm with ls -l (active), the assistant's own window beside it showing its last description",
            [
                _assistant_window(
                    (790, 380),
                    "Screen. Window Reminder. Reminder: team meeting at 14:30 in room B. Bring the printed "
                    "agenda. Snooze. Dismiss.",
                ),
                Terminal(
                    "reports - xterm",
                    (30, 30),
                    cols=84,
                    rows=22,
                    font=("DejaVu Sans Mono", 10),
                    prompt="sam@desk:~/reports$ ",
                    workdir="reports",
                    setup=make_files(REPORT_FILES[:8]),
                    commands=["ls -l"],
                    parse_ls=True,
                ),
            ],
            order=[],
        ),
    ]


# ---- added later (issue #15, second round): the kinds read worst -----------------------------
# X core bitmap fonts and small Xft fonts in xterm, real `ps`/`df`/`top`/`free`/`ip` output, names
# ending in digits (1/l, 0/O look-alikes), man pages in small fonts, xcalc in HP (RPN) mode, small
# light-grey dialogs, terminals side by side. Each carries its own half (A/B alternating within its
# kind, by id), so the first 56 screens keep theirs.

C_LOCALE = {"LANG": "C", "LC_ALL": "C"}  # core bitmap fonts: plain ASCII (no curly quotes, no ‐)

# What the namespaced shells (``Terminal.namespace``) see: a few real processes under their own
# users, tmpfs mounts named as disks, bridges named as network links.
NS_PROCS = """
as() { u=$1; shift; setpriv --reuid="$u" --regid="$(id -g "$u")" --clear-groups "$@" >/dev/null 2>&1 & }
as www-data python3 -m http.server 8080 --bind 127.0.0.1 --directory /usr/share/doc
as nobody sleep 86400
as daemon tail -f /dev/null
as backup sleep 7200
sh -c 'while sleep 60; do :; done' >/dev/null 2>&1 &
sleep 1
"""

NS_DISKS = """
mount -t tmpfs -o size=64M,mode=755 tmpfs /srv
mkdir /srv/archive /srv/backup /srv/boot /srv/media /srv/sdcard
mount -t tmpfs -o size=5500G nas:/volume1 /srv/archive
mount -t tmpfs -o size=931G /dev/sdb1 /srv/backup
mount -t tmpfs -o size=511M /dev/nvme0n1p1 /srv/boot
mount -t tmpfs -o size=1800G /dev/sda1 /srv/media
mount -t tmpfs -o size=29G /dev/mmcblk0p1 /srv/sdcard
head -c 6291456 /dev/zero > /srv/boot/vmlinuz-6.1.0-18
head -c 12582912 /dev/zero > /srv/backup/home-2024-06-01.tar
head -c 3145728 /dev/zero > /srv/media/index.db
"""

NS_LINKS = """
ip link add enp3s0 type bridge
ip addr add 192.168.1.10/24 dev enp3s0
ip link set enp3s0 up
ip link add wlp2s0 type bridge
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip link add virbr0 type bridge
ip addr add 192.168.122.1/24 dev virbr0
ip link set virbr0 up
"""

DIGIT_FILES = [
    ("IMG_0010", 2211840, "2024-05-04 18:30", 0o644),
    ("IMG_0011", 2306048, "2024-05-04 18:31", 0o644),
    ("l10n", -1, "2024-02-11 09:40", 0o755),
    ("log.1", 48213, "2024-06-01 00:00", 0o644),
    ("log.10", 1024, "2024-03-23 00:00", 0o644),
    ("q1", -1, "2024-04-02 17:25", 0o755),
    ("q2", -1, "2024-07-01 08:10", 0o755),
    ("sda1", 0, "2024-01-17 11:11", 0o600),
    ("sdb1", 0, "2024-01-17 11:11", 0o600),
    ("v0.4", -1, "2023-11-30 16:00", 0o755),
    ("v1.0", -1, "2024-06-21 12:00", 0o755),
    ("volume1", -1, "2023-10-10 10:10", 0o750),
    ("volume10", -1, "2024-01-01 01:01", 0o750),
]

VERSION_FILES = [
    ("app-v0.4", 88101, "2023-11-30 16:00", 0o755),
    ("app-v0.4.1", 88117, "2023-12-14 09:20", 0o755),
    ("app-v1.0", 90412, "2024-06-21 12:00", 0o755),
    ("app-v1.01", 90420, "2024-07-02 15:45", 0o755),
    ("backup-2024-01-01", -1, "2024-01-01 01:00", 0o700),
    ("backup-2024-11-11", -1, "2024-11-11 01:00", 0o700),
    ("libz.so.1", 121280, "2023-10-01 00:00", 0o644),
    ("libz.so.1.2.13", 121280, "2023-10-01 00:00", 0o644),
    ("node01", -1, "2024-03-10 10:01", 0o755),
    ("node10", -1, "2024-03-10 10:10", 0o755),
    ("node11", -1, "2024-03-11 11:11", 0o755),
    ("raid0", -1, "2024-02-20 20:02", 0o755),
    ("raid10", -1, "2024-02-20 20:10", 0o755),
]


def _core_term(
    title: str,
    pos: tuple[int, int],
    font: str,
    cols: int,
    rows: int,
    commands: list[str],
    **kw: object,
) -> Terminal:
    """An xterm with an X core bitmap font (``-fn``), in the C locale."""
    return Terminal(title, pos, cols=cols, rows=rows, font=(font, 0), commands=commands, env=C_LOCALE, **kw)  # type: ignore[arg-type]


def _added_terminal_scenes() -> list[Scene]:
    return [
        Scene(
            "term-core-10x20-free-ip",
            "terminal",
            HD,
            "xterm with the 10x20 core font: free -h and ip -br addr (links and addresses of a network "
            "namespace of its own)",
            [
                _core_term(
                    "root@router: ~",
                    (380, 220),
                    "10x20",
                    100,
                    18,
                    ["free -h", "ip -br addr"],
                    prompt="root@router:~# ",
                    workdir="router",
                    namespace=NS_LINKS,
                )
            ],
            half="A",
        ),
        Scene(
            "term-core-6x10-ls-digits",
            "terminal",
            WX,
            "xterm with the tiny 6x10 core font: ls -l of names ending in digits (sda1, volume1, q1, v0.4, "
            "l10n, log.10)",
            [
                _core_term(
                    "disks - xterm",
                    (300, 170),
                    "6x10",
                    96,
                    30,
                    ["ls -l"],
                    prompt="ana@nas:~/disks$ ",
                    workdir="disks",
                    setup=make_files(DIGIT_FILES),
                    parse_ls=True,
                )
            ],
            half="B",
        ),
        Scene(
            "term-core-7x13-ps-aux",
            "terminal",
            WX,
            "xterm with the 7x13 core font: ps aux (the processes of a PID namespace of its own)",
            [
                _core_term(
                    "ps aux",
                    (120, 110),
                    "7x13",
                    120,
                    24,
                    ["ps aux"],
                    prompt="root@web1:~# ",
                    workdir="web1",
                    namespace=NS_PROCS,
                    parse_table=("USER PID", 11),
                )
            ],
            half="A",
        ),
        Scene(
            "term-core-8x13-df",
            "terminal",
            HD,
            "xterm with the 8x13 core font: df -h of disks named sda1, sdb1, nvme0n1p1, mmcblk0p1, "
            "nas:/volume1, then ls",
            [
                _core_term(
                    "root@nas: /srv",
                    (520, 300),
                    "8x13",
                    90,
                    20,
                    ["df -h /srv/*", "ls /srv"],
                    prompt="root@nas:/srv# ",
                    workdir="srv",
                    namespace=NS_DISKS,
                    parse_table=("Filesystem Size", 6),
                )
            ],
            half="B",
        ),
        Scene(
            "term-core-9x15-top",
            "terminal",
            HD,
            "xterm with the 9x15 core font: top -bn1 | head (summary lines and the process table)",
            [
                _core_term(
                    "top",
                    (300, 160),
                    "9x15",
                    100,
                    24,
                    ["top -bn1 -w 100 | head -n 18"],
                    prompt="root@web1:~# ",
                    workdir="web1",
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 12),
                )
            ],
            half="A",
        ),
        Scene(
            "term-dejavu8-ps-ef",
            "terminal",
            WX,
            "xterm (DejaVu Sans Mono 8): ps -ef (the processes of a PID namespace of its own)",
            [
                Terminal(
                    "ps -ef",
                    (160, 150),
                    cols=110,
                    rows=26,
                    font=("DejaVu Sans Mono", 8),
                    prompt="root@web1:~# ",
                    workdir="web1",
                    commands=["ps -ef"],
                    namespace=NS_PROCS,
                    parse_table=("UID PID", 8),
                )
            ],
            half="B",
        ),
        Scene(
            "term-liberation9-ls-versions",
            "terminal",
            WX,
            "xterm (Liberation Mono 9): ls -l --time-style=long-iso of versions and nodes (v0.4, v1.01, "
            "node01, node10, libz.so.1, raid10)",
            [
                Terminal(
                    "releases - xterm",
                    (240, 130),
                    cols=92,
                    rows=24,
                    font=("Liberation Mono", 9),
                    prompt="dev@build:~/releases$ ",
                    workdir="releases",
                    setup=make_files(VERSION_FILES),
                    commands=["ls -l --time-style=long-iso", "ls | wc -l"],
                    parse_ls=True,
                )
            ],
            half="A",
        ),
    ]


def _added_man_scenes() -> list[Scene]:
    return [
        Scene(
            "man-df-7x13",
            "man",
            WX,
            "man df in xterm with the 7x13 core font (C locale)",
            [_core_term("man df", (120, 30), "7x13", 100, 52, ["man df"])],
            half="B",
        ),
        Scene(
            "man-free-dejavu8",
            "man",
            WX,
            "man free in xterm (DejaVu Sans Mono 8)",
            [
                Terminal(
                    "man free",
                    (60, 40),
                    cols=110,
                    rows=50,
                    font=("DejaVu Sans Mono", 8),
                    commands=["man free"],
                )
            ],
            half="A",
        ),
        Scene(
            "man-ps-6x10",
            "man",
            HD,
            "man ps in a wide xterm with the tiny 6x10 core font (C locale)",
            [_core_term("man ps", (300, 60), "6x10", 150, 90, ["man ps"])],
            half="B",
        ),
    ]


def _added_calc_scenes() -> list[Scene]:
    return [
        Scene(
            "calc-xcalc-rpn",
            "calculator",
            WX,
            "xcalc -rpn (HP-10C mode, monochrome) alone",
            [xcalc((420, 250), rpn=True, size=(440, 230))],
            half="A",
        ),
        Scene(
            "calc-xcalc-rpn-color",
            "calculator",
            HD,
            "xcalc -rpn with the colour customisation, Bear2 openbox theme",
            [xcalc((700, 380), color=True, rpn=True, size=(440, 230))],
            theme="Bear2",
            background="#4a5d73",
            half="B",
        ),
    ]


def _added_dialog_scenes() -> list[Scene]:
    return [
        Scene(
            "dlg-qt-light-update",
            "dialog",
            HD,
            "Qt 'Software Update' dialog: 8 pt light-grey text, a check box, three buttons",
            [
                SpecWindow(
                    "Software Update",
                    (700, 380),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 8],
                        "body": [
                            {
                                "type": "label",
                                "text": "A new version of Notes is available",
                                "font": ["Noto Sans", 10, "bold"],
                                "fg": "#7a7a7a",
                            },
                            {
                                "type": "label",
                                "text": "Notes 2.10.1 is now available (you have 2.9.4).\nWould you like to "
                                "download it now?",
                                "fg": "#a0a0a0",
                            },
                            {
                                "type": "label",
                                "text": "Release notes: fixes sync of the q1 and volume1 folders; "
                                "faster start.",
                                "fg": "#b0b0b0",
                            },
                            {
                                "type": "checks",
                                "items": [["Download and install updates automatically", False]],
                            },
                            {
                                "type": "buttons",
                                "items": ["Skip This Version", "Remind Me Later", "Install Update"],
                            },
                        ],
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-tk-light-disk",
            "dialog",
            WX,
            "Tk 'Low Disk Space' dialog: 8 pt light-grey text on near-white, four buttons",
            [
                SpecWindow(
                    "Low Disk Space",
                    (330, 230),
                    spec={
                        "font": ["DejaVu Sans", 8],
                        "bg": "#fafafa",
                        "fg": "#9a9a9a",
                        "body": [
                            {
                                "type": "label",
                                "text": 'The volume "data1" has only 1.1 GB of disk space left.',
                                "font": ["DejaVu Sans", 9, "bold"],
                                "fg": "#808080",
                            },
                            {
                                "type": "label",
                                "text": "Free up space by emptying the Trash, removing unused programs\nor "
                                "moving files to another disk (sdb1 or volume0).",
                            },
                            {"type": "label", "text": "Last checked at 10:41 - 99% of 240 GB used"},
                            {
                                "type": "buttons",
                                "items": ["Help", "Ignore", "Examine", "Empty Trash"],
                                "font": ["DejaVu Sans", 8],
                            },
                        ],
                    },
                )
            ],
            half="B",
        ),
        Scene(
            "dlg-xmessage-6x10-printer",
            "dialog",
            WX,
            "xmessage with the 6x10 core font in grey: a printer message with four buttons",
            [
                xmessage(
                    "Printer",
                    (400, 300),
                    "Printer Office-2 (lp1) is out of paper.\nLoad tray 1 with A4 paper, then choose Retry.\n"
                    "Job 101 of 110: invoice-0410.pdf",
                    ["Retry", "Skip Page", "Cancel Job", "Help"],
                    font="6x10",
                    fg="#808080",
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-xmessage-light-backup",
            "dialog",
            HD,
            "xmessage (7x13 core font, light grey on off-white): a backup report with five buttons",
            [
                xmessage(
                    "Backup",
                    (720, 420),
                    "Backup of /home to nas:/volume1 finished with 2 warnings.\nSkipped: .cache/thumbnails, "
                    "v0.4/build\nNext backup: Sunday 01:00",
                    ["OK", "Show Log", "Retry Skipped", "Settings", "Help"],
                    font="7x13",
                    fg="#a8a8a8",
                    bg="#f4f4f4",
                )
            ],
            half="B",
        ),
    ]


def _added_multi_scenes() -> list[Scene]:
    return [
        Scene(
            "multi-terminal-dialog",
            "multi-window",
            WX,
            "xterm (7x13 core font, ls -l of names ending in digits) beside an active Tk dialog, apart",
            [
                _core_term(
                    "disks - xterm",
                    (20, 40),
                    "7x13",
                    86,
                    28,
                    ["ls -l"],
                    prompt="ana@nas:~/disks$ ",
                    workdir="disks",
                    setup=make_files(DIGIT_FILES),
                    parse_ls=True,
                ),
                SpecWindow(
                    "Unmount Volume",
                    (660, 520),
                    spec={
                        "font": ["DejaVu Sans", 9],
                        "fg": "#707070",
                        "body": [
                            {
                                "type": "label",
                                "text": "Unmount volume10 now?",
                                "font": ["DejaVu Sans", 10, "bold"],
                            },
                            {"type": "label", "text": "2 files on volume10 are still open in q2."},
                            {"type": "buttons", "items": ["Cancel", "Force", "Unmount"]},
                        ],
                    },
                ),
            ],
            order=["Unmount volume10 now", "ana@nas:~/disks$ ls -l"],
            half="A",
        ),
        Scene(
            "multi-terminal-xmessage",
            "multi-window",
            HD,
            "xterm (9x15 core font, free -h) with an xmessage beside it, apart, active",
            [
                _core_term(
                    "root@router: ~",
                    (200, 200),
                    "9x15",
                    84,
                    16,
                    ["free -h", "ip -br addr"],
                    prompt="root@router:~# ",
                    workdir="router",
                    namespace=NS_LINKS,
                ),
                xmessage(
                    "Link Down",
                    (1080, 240),
                    "Link wlp2s0 is down.\nTraffic now goes through enp3s0 (192.168.1.10).",
                    ["OK", "Details", "Reconnect"],
                    font="7x13",
                ),
            ],
            order=["Link wlp2s0 is down", "root@router:~# free -h"],
            half="B",
        ),
        Scene(
            "multi-terminals-overlap",
            "multi-window",
            HD,
            "two overlapping xterms: 8x13 core font with df -h (below), DejaVu Sans Mono 9 with ps aux "
            "on top",
            [
                _core_term(
                    "root@nas: /srv",
                    (120, 100),
                    "8x13",
                    84,
                    22,
                    ["df -h /srv/*"],
                    prompt="root@nas:/srv# ",
                    workdir="srv",
                    namespace=NS_DISKS,
                    parse_table=("Filesystem Size", 6),
                ),
                Terminal(
                    "ps aux",
                    (640, 300),
                    cols=104,
                    rows=22,
                    font=("DejaVu Sans Mono", 9),
                    prompt="root@web1:~# ",
                    workdir="web1",
                    commands=["ps aux"],
                    namespace=NS_PROCS,
                    parse_table=("USER PID", 11),
                ),
            ],
            order=["root@web1:~# ps aux", "root@nas:/srv# df -h"],
            half="A",
        ),
        Scene(
            "multi-three-terminals",
            "multi-window",
            HD,
            "three xterms side by side (10x20 free -h, 7x13 ls -l, 6x10 ip -br addr), the left one active",
            [
                _core_term(
                    "links",
                    (1410, 140),
                    "6x10",
                    80,
                    30,
                    ["ip -br addr"],
                    prompt="root@router:~# ",
                    workdir="router",
                    namespace=NS_LINKS,
                ),
                _core_term(
                    "releases",
                    (830, 140),
                    "7x13",
                    80,
                    30,
                    ["ls -l --time-style=long-iso"],
                    prompt="dev@build:~/releases$ ",
                    workdir="releases",
                    setup=make_files(VERSION_FILES),
                    parse_ls=True,
                ),
                _core_term(
                    "memory",
                    (10, 140),
                    "10x20",
                    80,
                    14,
                    ["free -h"],
                    prompt="kim@pi:~$ ",
                    workdir="pi",
                ),
            ],
            order=["kim@pi:~$ free -h", "dev@build:~/releases$ ls -l", "root@router:~# ip -br addr"],
            half="B",
        ),
    ]


def _added_dark_scenes() -> list[Scene]:
    return [
        Scene(
            "dark-qt-small-settings",
            "dark",
            WX,
            "Qt (Fusion, dark palette) 'Privacy Settings': 8 pt grey text, check boxes, three buttons",
            [
                SpecWindow(
                    "Privacy Settings",
                    (380, 200),
                    toolkit="qt",
                    spec={
                        "dark": True,
                        "font": ["Noto Sans", 8],
                        "body": [
                            {"type": "label", "text": "Privacy", "font": ["Noto Sans", 11, "bold"]},
                            {
                                "type": "label",
                                "text": "Choose what this computer shares with the apps you use.",
                                "fg": "#8c8c8c",
                            },
                            {
                                "type": "checks",
                                "items": [
                                    ["Location services", False],
                                    ["Send usage statistics", False],
                                    ["Show recent files", True],
                                    ["Lock the screen after 10 minutes", True],
                                ],
                            },
                            {
                                "type": "label",
                                "text": "Changes apply to user ana (uid 1001) only.",
                                "fg": "#7c7c7c",
                            },
                            {"type": "buttons", "items": ["Reset", "Cancel", "Apply"]},
                        ],
                    },
                )
            ],
            theme="Onyx",
            background="#202020",
            half="A",
        ),
        Scene(
            "dark-xterm-8x13-ps",
            "dark",
            HD,
            "dark xterm (8x13 core font, grey on near-black): ps -ef of a PID namespace of its own",
            [
                _core_term(
                    "ps -ef",
                    (360, 220),
                    "8x13",
                    110,
                    24,
                    ["ps -ef"],
                    prompt="root@web1:~# ",
                    workdir="web1",
                    namespace=NS_PROCS,
                    parse_table=("UID PID", 8),
                    fg="#b8b8b8",
                    bg="#1c1c1c",
                )
            ],
            theme="Onyx",
            background="#101010",
            half="B",
        ),
    ]


# ---- keypads added in session 8 (issue #15: calculators were the worst kind on half B, and half A
# had three): other programs, colours, key shapes, fonts and sizes, light and dark. All half A.
def _keypad_scenes() -> list[Scene]:
    tk_dark_keys = [
        ["MC", "MR", "MS", "M-"],
        ["√", "x²", "1/x", "÷"],
        ["7", "8", "9", "×"],
        ["4", "5", "6", "−"],
        ["1", "2", "3", "+"],
        ["±", "0", ".", "="],
    ]
    tk_hex_keys = [
        ["A", "B", "C", "D"],
        ["E", "F", "AND", "OR"],
        ["7", "8", "9", "XOR"],
        ["4", "5", "6", "NOT"],
        ["1", "2", "3", "MOD"],
        ["0", "00", "Lsh", "Rsh"],
    ]
    round_keys = [
        ["mc", "m+", "m-", "mr"],
        ["AC", "±", "%", "÷"],
        ["7", "8", "9", "×"],
        ["4", "5", "6", "−"],
        ["1", "2", "3", "+"],
        ["0", ",", "Rad", "="],
    ]
    small_keys = [
        ["Inv", "sin", "cos", "tan", "x^y"],
        ["ln", "log", "n!", "x³", "∛"],
        ["Mod", "7", "8", "9", "/"],
        ["Int", "4", "5", "6", "*"],
        ["Frac", "1", "2", "3", "-"],
        ["Exp", "0", ".", "=", "+"],
    ]
    keyboard = [
        ["Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"],
        ["A", "S", "D", "F", "G", "H", "J", "K", "L", "?"],
        ["Z", "X", "C", "V", "B", "N", "M", ",", ".", "!"],
        ["Shift", "123", "Space", "Del", "Enter"],
    ]
    return [
        Scene(
            "calc-xcalc-dark-9x15",
            "calculator",
            WX,
            "xcalc (TI-30 mode) in light-on-dark colours with the 9x15 bold core font",
            [xcalc((480, 120), xrm=["*background: #202830", "*foreground: #d8e0e8", "XCalc*Font: 9x15bold"])],
            half="A",
        ),
        Scene(
            "calc-xcalc-color-7x13",
            "calculator",
            HD,
            "xcalc in colour with the small 7x13 core font and green-grey keys, Onyx openbox theme",
            [xcalc((760, 280), color=True, xrm=["XCalc*Font: 7x13", "*ti.Command.background: #c4d4bc"])],
            theme="Onyx",
            background="#303030",
            half="A",
        ),
        Scene(
            "calc-xcalc-rpn-10x20",
            "calculator",
            HD,
            "xcalc -rpn (HP-10C mode) enlarged, with the 10x20 core font",
            [xcalc((560, 300), rpn=True, size=(720, 380), xrm=["XCalc*Font: 10x20"])],
            half="A",
        ),
        Scene(
            "calc-tk-dark-flat",
            "calculator",
            WX,
            "a Tk calculator of ours in a dark theme: flat keys, Liberation Sans bold",
            [
                SpecWindow(
                    "Calculator",
                    (480, 130),
                    spec={
                        "font": ["Liberation Sans", 15, "bold"],
                        "bg": "#202124",
                        "fg": "#e8eaed",
                        "body": [
                            {
                                "type": "display",
                                "text": "-42.75",
                                "font": ["Liberation Mono", 22],
                                "bg": "#303134",
                            },
                            {
                                "type": "grid",
                                "rows": tk_dark_keys,
                                "width": 4,
                                "relief": "flat",
                                "bd": 0,
                                "gap": 3,
                                "button_bg": "#3c4043",
                            },
                        ],
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "calc-tk-hex-ridge",
            "calculator",
            HD,
            "a Tk programmer's keypad of ours: ridged keys in DejaVu Serif on cream, hex digits",
            [
                SpecWindow(
                    "Programmer",
                    (820, 260),
                    spec={
                        "font": ["DejaVu Serif", 13],
                        "bg": "#f5efe0",
                        "fg": "#3a2a10",
                        "body": [
                            {"type": "display", "text": "0x3FA2", "font": ["DejaVu Sans Mono", 20]},
                            {
                                "type": "grid",
                                "rows": tk_hex_keys,
                                "width": 4,
                                "relief": "ridge",
                                "bd": 4,
                                "gap": 4,
                                "button_bg": "#e0d4b8",
                            },
                        ],
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "calc-qt-round-dark",
            "calculator",
            HD,
            "a Qt calculator of ours, dark, with round coloured keys (a style sheet)",
            [
                SpecWindow(
                    "Calculator",
                    (800, 220),
                    toolkit="qt",
                    spec={
                        "dark": True,
                        "font": ["Noto Sans", 15],
                        "body": [
                            {"type": "display", "text": "1,024", "font": ["Noto Sans", 28]},
                            {
                                "type": "grid",
                                "rows": round_keys,
                                "key_w": 56,
                                "key_h": 56,
                                "gap": 10,
                                "style_sheet": "QPushButton { background: #505050; color: #f2f2f2; "
                                "border-radius: 28px; }",
                            },
                        ],
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "calc-qt-windows-small",
            "calculator",
            WX,
            "a Qt scientific keypad of ours in the Windows style: small keys, DejaVu Sans 9",
            [
                SpecWindow(
                    "Scientific",
                    (500, 200),
                    toolkit="qt",
                    spec={
                        "style": "Windows",
                        "font": ["DejaVu Sans", 9],
                        "body": [
                            {"type": "display", "text": "3.1415926536", "font": ["DejaVu Sans Mono", 16]},
                            {"type": "grid", "rows": small_keys, "key_w": 44, "key_h": 26, "gap": 2},
                        ],
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "keys-tk-keyboard",
            "toolbar",
            WX,
            "a Tk on-screen keyboard of ours: letter keys in rows, Shift / 123 / Space / Del / Enter",
            [
                SpecWindow(
                    "On-Screen Keyboard",
                    (260, 240),
                    spec={
                        "font": ["DejaVu Sans", 12],
                        "bg": "#e4e4e4",
                        "body": [
                            {"type": "grid", "rows": keyboard, "width": 3, "gap": 2, "button_bg": "#fafafa"}
                        ],
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "calc-galculator",
            "calculator",
            WX,
            "galculator (GTK 3) in its basic mode, as it first starts",
            [galculator((760, 260))],
            half="A",
        ),
        Scene(
            "calc-galculator-dark",
            "calculator",
            HD,
            "galculator (GTK 3, Adwaita dark) in its basic mode, Bear2 openbox theme",
            [galculator((1240, 420), dark=True)],
            theme="Bear2",
            background="#4a5d73",
            half="A",
        ),
    ]


def _window_scenes() -> list[Scene]:
    from scenes_windows import window_scenes  # session 8's multi-window scenes (half A); needs Scene

    return window_scenes()


def _session9_scenes() -> list[Scene]:
    """Session 9's scenes (half A), one module per helper so that they never edit the same file."""
    from scenes_dialogs import dialogs_scenes
    from scenes_fonts import fonts_scenes
    from scenes_fresh import fresh_scenes
    from scenes_fresh3 import fresh3_scenes
    from scenes_fresh4 import fresh4_scenes
    from scenes_keypads import keypads_scenes
    from scenes_more_a import more_a_scenes
    from scenes_more_a2 import more_a2_scenes
    from scenes_more_a3 import more_a3_scenes
    from scenes_more_a4 import more_a4_scenes
    from scenes_more_a5 import more_a5_scenes
    from scenes_more_a6 import more_a6_scenes
    from scenes_more_a7 import more_a7_scenes
    from scenes_more_a8 import more_a8_scenes
    from scenes_tables import tables_scenes
    from scenes_tui_a import tui_a_scenes
    from scenes_windows2 import windows2_scenes

    return [
        *keypads_scenes(),
        *fonts_scenes(),
        *windows2_scenes(),
        *tables_scenes(),
        *dialogs_scenes(),
        *fresh_scenes(),  # session 10's (helper "fresh"), all half A
        *fresh3_scenes(),  # session 11's (helper "fresh3"), all half A
        *fresh4_scenes(),  # session 12's (helper "fresh4"), all half B
        *tui_a_scenes(),  # session 12's (helper "tuiA"), all half A
        *more_a_scenes(),  # session 13's (helper "moreA"), all half A
        *more_a2_scenes(),  # session 14's (helper "moreA2"), all half A
        *more_a3_scenes(),  # session 15's (helper "moreA3"), all half A, other window managers
        *more_a4_scenes(),  # session 16's (helper "moreA4"), all half A
        *more_a5_scenes(),  # session 17's (helper "moreA5"), all half A
        *more_a6_scenes(),  # session 18's (helper "moreA6"), all half A, xfwm4 with a tint2 taskbar
        *more_a7_scenes(),  # session 19's (helper "moreA7"), all half A, metacity and fvwm
        *more_a8_scenes(),  # session 20's (helper "moreA8"), all half A, marco and Window Maker
    ]


SCENES: list[Scene] = [
    *_term_scenes(),
    *_man_scenes(),
    *_dialog_scenes(),
    *_calc_scenes(),
    *_clock_scenes(),
    *_table_scenes(),
    *_form_scenes(),
    *_article_scenes(),
    *_dark_scenes(),
    *_small_scenes(),
    *_toolbar_scenes(),
    *_multi_scenes(),
    *_own_window_scenes(),
    *_added_terminal_scenes(),
    *_added_man_scenes(),
    *_added_calc_scenes(),
    *_added_dialog_scenes(),
    *_added_multi_scenes(),
    *_added_dark_scenes(),
    *_window_scenes(),
    *_keypad_scenes(),
    *_session9_scenes(),
]
