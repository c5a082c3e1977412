"""Session 12's terminal programs, striped tables and stacked windows for half A (helper "tuiA").

Session 12 gave half B screens of kinds half A lacked: full-screen terminal programs (Midnight
Commander, htop, ``dialog``, w3m, nano, ``less -N``, vim), striped tables with a selected row,
GTK dialogs in Adwaita dark, and two or three programs over one another. So that the assistant
can be tuned on such kinds without ever looking at B, these are more of the same kinds with
content, sizes, fonts, themes and arrangements of our own, all in half **A**.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here, or is what a program
draws about files made here. A terminal program's words are what tmux says the terminal shows
(no OCR), with box-drawing characters taken out; its tables are computed here from the data the
program is given (a row counts when a line in view shows its cells in order).
"""

from __future__ import annotations

import calendar
import os
import re
import shlex
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pages import page
from pages import table as html_table
from programs import Item, Page, SpecWindow, Terminal, gtk_dialog
from scenes import HD, NS_PROCS, WX, Scene, both, make_files, text_file
from xsession import WindowInfo, XSession

# Box drawing, block elements and the arrows / triangles full-screen programs draw as decoration
BOX = re.compile("[\u2500-\u259f\u25b2-\u25c5]")
CURSES = {"NCURSES_NO_UTF8_ACS": "1"}  # ncurses draws its lines as UTF-8 box characters


@dataclass
class Tui(Terminal):
    """A terminal running a full-screen text program: its lines as tmux reads them back, the
    box-drawing characters cut out before the words are boxed (a frame is not a word), and the
    tables given in ``table_rows`` kept row by row where a line in view shows a row's cells in
    order (two panels side by side share a line)."""

    def _tmux(self, s: XSession, *args: str) -> str:
        out = super()._tmux(s, *args)
        return BOX.sub(" ", out) if args[:1] == ("capture-pane",) else out

    def items(self, s: XSession, win: WindowInfo) -> list[Item]:
        """As ``Terminal.items``, but a word also ends where its background colour changes: a
        key bar's "F1" on the terminal's black and "Help" on cyan are two words to the eye
        ("F1Help" to tmux), while a word in syntax colours (only its letters' colour changes)
        stays one."""
        raw = super()._tmux(s, "capture-pane", "-p", "-e", "-t", "main")
        x, y, w, h = win.client
        cw, ch = (w - 2 * self.border) / self.cols, (h - 2 * self.border) / self.rows
        if cw != int(cw) or ch != int(ch):
            raise RuntimeError(f"{self.title!r}: client {w}x{h} is not a {self.cols}x{self.rows} grid")
        top, bottom = round(ch * 0.15), round(ch * 0.1)
        out: list[Item] = []
        for row, line in enumerate(raw.split("\n")[: self.rows]):
            text, looks = _cells(line)
            text = BOX.sub(" ", text)
            words = []
            for m in re.finditer(r"\S+", text):
                start = m.start()
                for i in range(m.start() + 1, m.end() + 1):
                    if i == m.end() or looks[i] != looks[i - 1]:
                        piece = text[start:i]
                        box = [
                            x + self.border + int(start * cw),
                            y + self.border + row * int(ch) + top,
                            int(len(piece) * cw),
                            int(ch) - top - bottom,
                        ]
                        words.append([piece, box])
                        start = i
            if words:
                out.append({"role": "line", "text": text.rstrip(), "line": row, "words": words})
        return out

    def tables(self, visible: list[Item]) -> list[list[list[str]]]:
        ours, self.table_rows = self.table_rows, None
        out = super().tables(visible)  # a program's own table (``parse_table``), ``ls -l``
        self.table_rows = ours
        lines = [" " + " ".join(it["text"].split()) + " " for it in visible if it["role"] == "line"]
        for table in self.table_rows or []:
            kept = []
            for cells in table:
                want = " " + " ".join(" ".join(c.split()) for c in cells) + " "
                if any(want in line for line in lines):
                    kept.append(cells)
            if len(kept) >= 2:
                out.append(kept)
        return out


SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESCAPE = re.compile(r"\x1b(\[[0-9;:?]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\)|.)")


def _cells(line: str) -> tuple[str, list[tuple[str, bool]]]:
    """A line of ``tmux capture-pane -e``: its characters and, for each, its background as the
    SGR codes set it (with reverse video, the foreground shows as the background)."""
    chars: list[str] = []
    looks: list[tuple[str, bool]] = []
    fg, bg, rev = "", "", False
    pos = 0
    while pos < len(line):
        m = SGR.match(line, pos)
        if m:
            codes = [c for c in re.split("[;:]", m.group(1))] or ["0"]
            i = 0
            while i < len(codes):
                c = codes[i] or "0"
                n = int(c)
                if n == 0:
                    fg, bg, rev = "", "", False
                elif n == 7:
                    rev = True
                elif n == 27:
                    rev = False
                elif n in (38, 48):
                    span = 3 if i + 1 < len(codes) and codes[i + 1] == "5" else 5
                    value = ":".join(codes[i + 1 : i + span])
                    if n == 38:
                        fg = value
                    else:
                        bg = value
                    i += span - 1
                elif 30 <= n <= 37 or 90 <= n <= 97:
                    fg = c
                elif n == 39:
                    fg = ""
                elif 40 <= n <= 47 or 100 <= n <= 107:
                    bg = c
                elif n == 49:
                    bg = ""
                i += 1
            pos = m.end()
            continue
        m = OTHER_ESCAPE.match(line, pos)
        if m and line[pos] == "\x1b":
            pos = m.end()
            continue
        chars.append(line[pos])
        looks.append((fg if rev else bg, rev))
        pos += 1
    return "".join(chars), looks


def files_in(folder: str, entries: list[tuple[str, int, str, int]]) -> Callable[[Path], None]:
    """``make_files`` in a folder ``folder`` of the terminal's working folder."""

    def setup(wd: Path) -> None:
        (wd / folder).mkdir(parents=True, exist_ok=True)
        make_files(entries)(wd / folder)

    return setup


def stamped(when: str) -> Callable[[Path], None]:
    """The working folder dated ``when`` (UTC) once its files are made: a file manager shows its
    date on the ".." line."""

    def setup(wd: Path) -> None:
        ts = calendar.timegm(time.strptime(when, "%Y-%m-%d %H:%M"))
        os.utime(wd, (ts, ts))

    return setup


def home_file(rel: str, text: str) -> Callable[[Path], None]:
    """A file under the session's home (the working folder's parent), e.g. a program's settings."""

    def setup(wd: Path) -> None:
        p = wd.parent / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")

    return setup


# ---- Midnight Commander -----------------------------------------------------------------------
MC_INI = """[Midnight-Commander]
confirm_exit=false
auto_save_setup=false
use_internal_view=true
[Layout]
message_visible=false
free_space=false
xterm_title=false
[Panels]
navigate_with_arrows=false
"""

PARENT_DATE = "2024-05-20 08:00"  # the working folder's date: mc shows it on the "/.." line
MUSIC = [
    ("albums", -1, "2024-03-02 10:15", 0o755),
    ("live-sets", -1, "2024-01-19 21:40", 0o755),
    ("podcasts", -1, "2023-11-08 07:30", 0o755),
    ("cover-art.png", 482113, "2024-02-27 18:05", 0o644),
    ("favourites.m3u", 2210, "2024-04-11 09:12", 0o644),
    ("radio-edit.flac", 31876544, "2023-12-24 16:48", 0o644),
    ("rehearsal-01.ogg", 5120399, "2024-05-06 19:20", 0o644),
    ("rehearsal-02.ogg", 4987112, "2024-05-13 19:25", 0o644),
    ("setlist-may.txt", 640, "2024-05-01 12:00", 0o644),
]
STICK = [
    ("old-mixes", -1, "2023-09-30 22:10", 0o755),
    ("band-photo.jpg", 2304511, "2024-04-20 15:33", 0o644),
    ("invoice-0412.pdf", 88102, "2024-04-12 11:05", 0o644),
    ("lyrics-draft.odt", 19877, "2024-03-18 08:47", 0o644),
    ("tuner.apk", 7340032, "2023-10-02 13:13", 0o644),
]


def mc_date(when: str) -> str:
    """mc's date for a file older than six months: ``%b %e  %Y``."""
    t = time.strptime(when, "%Y-%m-%d %H:%M")
    return time.strftime("%b ", t) + f"{t.tm_mday:2d}  {t.tm_year}"


def mc_rows(entries: list[tuple[str, int, str, int]]) -> list[list[str]]:
    """A panel as mc 4.8 lists it in its full format: the parent folder (dated ``PARENT_DATE``
    by ``stamped``), directories (a slash before the name, size 4096), then files, each sorted by
    name, a size of more than seven digits in KiB ("31129K")."""
    dirs = sorted(e for e in entries if e[1] < 0)
    files = sorted(e for e in entries if e[1] >= 0)
    rows = [["Name", "Size", "Modify time"], ["/..", "UP--DIR", mc_date(PARENT_DATE)]]
    for name, size, when, _mode in [*dirs, *files]:
        shown = str(size) if len(str(size)) <= 7 else f"{size // 1024}K"  # mc's 7-column size field
        rows.append([("/" + name) if size < 0 else name, "4096" if size < 0 else shown, mc_date(when)])
    return rows


# ---- htop, dialog ------------------------------------------------------------------------------
MENU = [
    ("1", "Add a user account"),
    ("2", "Change the time zone"),
    ("3", "Set up the printer"),
    ("4", "Back up home folders"),
    ("5", "Check the disks"),
    ("6", "Update the system"),
    ("7", "Restart the server"),
]

CHECKS = [
    ("firefox-esr", "Web browser", "on"),
    ("libreoffice", "Office suite", "off"),
    ("gimp", "Image editor", "off"),
    ("audacity", "Sound editor", "on"),
    ("inkscape", "Vector drawing", "off"),
    ("vlc", "Media player", "on"),
    ("thunderbird", "Mail client", "off"),
]


def dialog_cmd(args: list[str]) -> str:
    return "dialog " + " ".join(shlex.quote(a) for a in args)


# ---- w3m on a page of ours ----------------------------------------------------------------------
TIDES = [
    ["Day", "High water", "Height", "Low water", "Height"],
    ["Mon 3 Jun", "06:12", "4.8 m", "12:30", "0.9 m"],
    ["Tue 4 Jun", "06:58", "5.0 m", "13:14", "0.7 m"],
    ["Wed 5 Jun", "07:41", "5.1 m", "13:57", "0.6 m"],
    ["Thu 6 Jun", "08:23", "5.1 m", "14:39", "0.6 m"],
    ["Fri 7 Jun", "09:05", "4.9 m", "15:21", "0.8 m"],
    ["Sat 8 Jun", "09:48", "4.6 m", "16:05", "1.1 m"],
]


def tides_html() -> str:
    head = "".join(f"<th>{c}</th>" for c in TIDES[0])
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in TIDES[1:])
    return (
        "<html><head><title>Tide times at Gull Bay</title></head><body>"
        "<h1>Tide times at Gull Bay</h1>"
        "<p>Times are local. Heights are above chart datum.</p>"
        f"<table border=1><tr>{head}</tr>{body}</table>"
        "<p>The causeway to the island is safe from two hours after high water until two hours "
        "before the next.</p>"
        "<p>Next page: <a href='week2.html'>10 to 16 June</a></p>"
        "</body></html>\n"
    )


# ---- nano, less, vim ------------------------------------------------------------------------------
PACKING = """Packing list for the lake cabin (Friday to Monday)

Clothes
- rain jacket and walking boots
- two warm jumpers, wool socks
- swimming things

Kitchen
- coffee, tea, oat milk
- pancake mix and maple syrup
- the big frying pan (the cabin's one is too small)

Other
- torch and spare batteries
- board games: chess, cards
- first aid kit, sun cream, midge spray
- fishing licence (renew before Friday!)
"""

ROTA = """Choir rehearsal notes, term 3
=============================

Week 1: warm-ups, then the first half of "The Lark Ascending" arrangement.
Week 2: sopranos and altos alone; tenors and basses in the small room.
Week 3: full run of the first half, with piano.
Week 4: no rehearsal (the hall is booked for the election).
Week 5: second half, slowly; mark the breaths in pencil.
Week 6: full run with the string quartet, 19:00 sharp.
Week 7: dress rehearsal at St Anne's church, 18:30.
Week 8: concert on Saturday, doors at 19:00, start at 19:30.

Bring: black folders, water, a pencil.
Tea rota: Ruth, Omar, Lena, Petra, Joe, Sam, Ines, Tom.
Parking: use the school car park after 18:00, not the lane.
Tickets: 12 pounds, 8 for students, children free.
Questions to Petra (choir secretary) by the end of week 2.
"""

TODO_MD = """# To do this week

- fix the gate latch
- order wood for the raised bed
- return library books
- call the plumber about the tap
- pay the window cleaner
- book the car service
"""

DONE_MD = """# Done

- cleared the gutters
- sent the tax form
- bought bird seed
- mended the bike light
- renewed the parking permit
"""

# ---- a terminal listing in colour stripes -----------------------------------------------------------
RENTALS = [
    ["ID", "Item", "Borrower", "Out", "Due", "State"],
    ["R-101", "ladder", "J. Okafor", "02 May", "09 May", "back"],
    ["R-102", "drill", "M. Silva", "03 May", "10 May", "out"],
    ["R-103", "tent", "A. Novak", "04 May", "18 May", "out"],
    ["R-104", "hedge trimmer", "P. Grant", "05 May", "12 May", "late"],
    ["R-105", "pressure washer", "L. Chen", "06 May", "13 May", "out"],
    ["R-106", "sewing machine", "D. Moreau", "07 May", "21 May", "out"],
    ["R-107", "wheelbarrow", "K. Haddad", "08 May", "15 May", "back"],
    ["R-108", "jigsaw", "S. Ivanova", "09 May", "16 May", "out"],
    ["R-109", "camping stove", "T. Brennan", "10 May", "24 May", "out"],
    ["R-110", "carpet cleaner", "E. Lindqvist", "11 May", "18 May", "late"],
]


def stripes_script(rows: list[list[str]], selected: int) -> str:
    """bash printing ``rows`` padded to their widest cells: the header bold white on dark grey, data rows on
    alternating backgrounds, row ``selected`` (1 = the first data row) in white on blue."""
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = ["#!/bin/bash"]
    for i, r in enumerate(rows):
        text = "  ".join(c.ljust(widths[k]) for k, c in enumerate(r))
        text = f"  {text}  "
        if i == 0:
            style = "1;97;100"
        elif i == selected:
            style = "97;44"
        elif i % 2:
            style = "30;107"
        else:
            style = "30;48;5;254"
        lines.append(f"printf '\\e[{style}m%s\\e[0m\\n' {shlex.quote(text)}")
    return "\n".join(lines) + "\n"


# ---- striped tables in Qt, Tk, GTK dark, Chromium ------------------------------------------------
LOANS = [
    ["Title", "Author", "Borrowed", "Due back", "Renewals"],
    ["The Salt Path", "Raynor Winn", "14 May", "4 Jun", "0"],
    ["Small Island", "Andrea Levy", "14 May", "4 Jun", "1"],
    ["A Tale for the Time Being", "Ruth Ozeki", "20 May", "10 Jun", "0"],
    ["The Remains of the Day", "Kazuo Ishiguro", "22 May", "12 Jun", "2"],
    ["Lessons in Chemistry", "Bonnie Garmus", "27 May", "17 Jun", "0"],
    ["The Overstory", "Richard Powers", "1 Jun", "22 Jun", "0"],
    ["Klara and the Sun", "Kazuo Ishiguro", "3 Jun", "24 Jun", "1"],
    ["Circe", "Madeline Miller", "3 Jun", "24 Jun", "0"],
]

SEEDS = [
    ["Code", "Seed", "Packets", "Sown by", "Shelf"],
    ["S-01", "Runner bean", "24", "May", "A1"],
    ["S-02", "Courgette", "9", "May", "A1"],
    ["S-03", "Beetroot", "31", "April", "A2"],
    ["S-04", "Spinach", "12", "March", "A2"],
    ["S-05", "Sweet pea", "18", "March", "B1"],
    ["S-06", "Sunflower", "40", "May", "B1"],
    ["S-07", "Parsnip", "6", "April", "B2"],
    ["S-08", "Radish", "27", "August", "B2"],
    ["S-09", "Kale", "15", "June", "C1"],
    ["S-10", "Leek", "11", "March", "C1"],
]

PATCHES = [
    ["Host", "Package", "From", "To", "Reboot"],
    ["web-01", "openssl", "3.0.11", "3.0.13", "no"],
    ["web-02", "openssl", "3.0.11", "3.0.13", "no"],
    ["db-01", "postgresql-15", "15.5", "15.7", "yes"],
    ["mail-01", "postfix", "3.7.9", "3.7.10", "no"],
    ["files-01", "samba", "4.17.10", "4.17.12", "yes"],
    ["vpn-01", "wireguard-tools", "1.0.20210914", "1.0.20210914-1", "no"],
    ["backup-01", "rsync", "3.2.7", "3.2.7-1", "no"],
]

ROOMS = [
    ["Room", "Building", "Seats", "Projector", "Booked until"],
    ["Aspen", "North", "8", "yes", "10:30"],
    ["Birch", "North", "12", "yes", "free"],
    ["Cedar", "North", "4", "no", "11:00"],
    ["Douglas", "South", "20", "yes", "free"],
    ["Elm", "South", "6", "no", "14:15"],
    ["Fir", "South", "10", "yes", "free"],
    ["Ginkgo", "East", "30", "yes", "16:00"],
    ["Hazel", "East", "4", "no", "free"],
    ["Juniper", "East", "14", "yes", "12:45"],
]

ROOMS_CSS = """
table.z { border: 1px solid #c9d1d9; font-size: 15px; }
table.z th { background: #24292f; color: #ffffff; font-weight: 600; }
table.z tr:nth-child(odd) td { background: #f3f6f9; }
table.z tr:nth-child(5) td { background: #0a66c2; color: #ffffff; }
table.z td:nth-child(3) { text-align: right; }
.bar { margin-top: 16px; color: #57606a; }
"""

LOG = """2024-06-03 07:58:12 backup started (nightly, 14 folders)
2024-06-03 07:58:40 copied /home/ruth (2,311 files)
2024-06-03 08:01:05 copied /home/omar (904 files)
2024-06-03 08:01:06 skipped /home/guest (empty)
2024-06-03 08:04:51 copied /srv/photos (18,420 files)
2024-06-03 08:05:02 warning: /srv/photos/raw/IMG_2291.CR3 changed during copy
2024-06-03 08:09:37 copied /srv/music (6,018 files)
2024-06-03 08:09:38 copied /etc (1,122 files)
2024-06-03 08:10:14 pruned 3 old snapshots
2024-06-03 08:10:15 backup finished in 12 minutes 3 seconds
2024-06-03 08:10:15 next run tomorrow at 07:58
"""


def _terminal_programs() -> list[Scene]:
    mc_left, mc_right = mc_rows(MUSIC), mc_rows(STICK)
    return [
        Scene(
            "term-mc-music-stick",
            "terminal",
            HD,
            "xterm (DejaVu Sans Mono 11) running Midnight Commander: two panels of folders of ours "
            "(~/Music, ~/stick), names, sizes and dates, the menu bar, the command line and the "
            "function-key bar; Mikachu theme",
            [
                Tui(
                    "lee@studio: ~",
                    (140, 90),
                    cols=150,
                    rows=46,
                    font=("DejaVu Sans Mono", 11),
                    prompt="lee@studio:~$ ",
                    workdir="work",
                    setup=both(
                        home_file(".config/mc/ini", MC_INI),
                        files_in("Music", MUSIC),
                        files_in("stick", STICK),
                        stamped(PARENT_DATE),
                    ),
                    commands=["mc -u Music stick"],
                    env=CURSES,
                    table_rows=[mc_left, mc_right],
                )
            ],
            order=["Left File Command Options Right", "albums", "rehearsal-02.ogg", "1 Help"],
            theme="Mikachu",
            background="#33404d",
            half="A",
        ),
        Scene(
            "term-htop-core-7x13",
            "terminal",
            WX,
            "xterm with the 7x13 core font running htop in a PID namespace of its own (a few real "
            "processes of ours): CPU and memory meters, tasks and load, the process table with its "
            "coloured header, the function-key bar; Clearlooks theme",
            [
                Tui(
                    "root@nas: ~",
                    (120, 70),
                    cols=140,
                    rows=44,
                    font=("7x13", 0),
                    prompt="root@nas:~# ",
                    commands=["htop -d 600"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 12),
                    env=CURSES,
                )
            ],
            order=["PID USER", "F1 Help"],
            theme="Clearlooks",
            background="#2a3a4a",
            half="A",
        ),
        Scene(
            "dlg-dialog-menu-9x15",
            "dialog",
            WX,
            "xterm with the 9x15 core font running dialog --menu: a back title, a blue screen, a "
            "grey box of seven numbered tasks (the first highlighted), OK and Cancel; Bear2 theme",
            [
                Tui(
                    "admin@homeserver: ~",
                    (150, 110),
                    cols=90,
                    rows=28,
                    font=("9x15", 0),
                    prompt="admin@homeserver:~$ ",
                    commands=[
                        dialog_cmd(
                            [
                                "--backtitle",
                                "Home Server Setup 2.1",
                                "--title",
                                "Main Menu",
                                "--menu",
                                "Choose a task with the arrow keys, then press Enter:",
                                "17",
                                "60",
                                "7",
                                *(x for pair in MENU for x in pair),
                            ]
                        )
                    ],
                    env=CURSES,
                    table_rows=[[list(pair) for pair in MENU]],
                )
            ],
            order=["Home Server Setup", "Main Menu", "Choose a task", "1 Add a user account", "7 Restart"],
            theme="Bear2",
            background="#3b3b3b",
            half="A",
        ),
        Scene(
            "dlg-dialog-checks-libmono",
            "dialog",
            HD,
            "xterm (Liberation Mono 13) running dialog --checklist: seven programs with tick boxes "
            "([*] for three), their descriptions, OK and Cancel, over a blue back screen; Onyx theme",
            [
                Tui(
                    "pat@laptop: ~",
                    (360, 160),
                    cols=100,
                    rows=32,
                    font=("Liberation Mono", 13),
                    prompt="pat@laptop:~$ ",
                    commands=[
                        dialog_cmd(
                            [
                                "--backtitle",
                                "Software for the new laptop",
                                "--title",
                                "Install programs",
                                "--checklist",
                                "Tick the programs to install (space bar to tick or untick):",
                                "18",
                                "66",
                                "7",
                                *(x for tri in CHECKS for x in tri),
                            ]
                        )
                    ],
                    env=CURSES,
                    table_rows=[[[n, d] for n, d, _s in CHECKS]],
                )
            ],
            order=["Software for the new laptop", "Install programs", "Tick the programs", "firefox-esr"],
            theme="Onyx",
            background="#202020",
            half="A",
        ),
        Scene(
            "term-w3m-tides-10x20",
            "terminal",
            HD,
            "xterm with the 10x20 core font running w3m on a page of ours: a heading, a table of "
            "tide times drawn with box lines, paragraphs and a link; Natura theme",
            [
                Tui(
                    "ana@harbour: ~/tides",
                    (260, 120),
                    cols=120,
                    rows=38,
                    font=("10x20", 0),
                    prompt="ana@harbour:~/tides$ ",
                    workdir="tides",
                    setup=text_file("week1.html", tides_html()),
                    commands=["w3m -no-mouse week1.html"],
                    table_rows=[TIDES],
                )
            ],
            order=[
                "Times are local",
                "Day High water",
                "Sat 8 Jun",
                "The causeway",
            ],
            theme="Natura",
            background="#34302c",
            half="A",
        ),
        Scene(
            "term-nano-packing-6x13",
            "terminal",
            WX,
            "xterm with the 6x13 core font running nano on a packing list of ours: the reverse "
            "title bar, the text, the two lines of shortcuts at the bottom; Orang theme",
            [
                Tui(
                    "jo@cabin: ~",
                    (200, 90),
                    cols=110,
                    rows=40,
                    font=("6x13", 0),
                    prompt="jo@cabin:~$ ",
                    setup=text_file("packing.txt", PACKING),
                    commands=["nano packing.txt"],
                )
            ],
            order=["GNU nano", "Packing list for the lake cabin", "Clothes", "Kitchen", "Other", "^G Help"],
            theme="Orang",
            background="#3a3a44",
            half="A",
        ),
        Scene(
            "term-less-n-choir",
            "terminal",
            WX,
            "xterm (Liberation Mono 10, light yellow) running less -N on rehearsal notes of ours: "
            "line numbers at the left, the file name at the bottom; Syscrash theme",
            [
                Tui(
                    "petra@choir: ~/notes",
                    (160, 100),
                    cols=96,
                    rows=26,
                    font=("Liberation Mono", 10),
                    bg="#fffbe6",
                    prompt="petra@choir:~/notes$ ",
                    workdir="notes",
                    setup=text_file("term3.txt", ROTA),
                    commands=["less -N term3.txt"],
                )
            ],
            order=["1 Choir rehearsal notes", "5 Week 2", "11 Week 8", "term3.txt"],
            theme="Syscrash",
            background="#1a2a1a",
            half="A",
        ),
        Scene(
            "term-vim-split-lists",
            "terminal",
            HD,
            "xterm (DejaVu Sans Mono 10, dark) running vim with two files side by side (vim -O): "
            "line numbers, a bar between the windows, a status line under each; Clearlooks-Olive "
            "theme",
            [
                Tui(
                    "mo@house: ~/lists",
                    (300, 150),
                    cols=130,
                    rows=34,
                    font=("DejaVu Sans Mono", 10),
                    fg="#d8d8d8",
                    bg="#1e1e1e",
                    prompt="mo@house:~/lists$ ",
                    workdir="lists",
                    setup=both(text_file("todo.md", TODO_MD), text_file("done.md", DONE_MD)),
                    commands=[
                        "vim -u NONE -i NONE -N -c 'syntax on' -c 'set number laststatus=2 ruler' "
                        "-O todo.md done.md"
                    ],
                )
            ],
            order=["# To do this week", "- fix the gate latch", "- book the car service", "todo.md"],
            theme="Clearlooks-Olive",
            background="#2c3024",
            half="A",
        ),
        Scene(
            "table-term-stripes-rentals",
            "table",
            WX,
            "xterm (DejaVu Sans Mono 9) printing a tool library's loans as a table in colour "
            "stripes: a bold white header on dark grey, rows on alternating backgrounds, one row in white on "
            "blue; Clearlooks-3.4 theme",
            [
                Tui(
                    "desk@toolshed: ~",
                    (110, 80),
                    cols=100,
                    rows=24,
                    font=("DejaVu Sans Mono", 9),
                    prompt="desk@toolshed:~$ ",
                    setup=text_file("loans.sh", stripes_script(RENTALS, 4)),
                    commands=["clear; bash loans.sh"],
                    table_rows=[RENTALS],
                )
            ],
            order=["ID Item Borrower", "R-101 ladder", "R-104 hedge trimmer", "R-110 carpet cleaner"],
            theme="Clearlooks-3.4",
            background="#3c3c3c",
            half="A",
        ),
    ]


def _striped_tables() -> list[Scene]:
    return [
        Scene(
            "table-qt-striped-loans",
            "table",
            HD,
            "Qt (Fusion) QTableWidget of library loans: alternating row colours, the fourth row "
            "selected (highlighted), no grid, a label and buttons; Clearlooks theme",
            [
                SpecWindow(
                    "My Loans - Riverside Library",
                    (420, 200),
                    toolkit="qt",
                    spec={
                        "font": ["Liberation Sans", 11],
                        "body": [
                            {"type": "label", "text": "8 books on loan. Renew up to 3 times."},
                            {
                                "type": "striped_table",
                                "columns": LOANS[0],
                                "rows": LOANS[1:],
                                "selected": 4,
                                "grid": False,
                                "right": [4],
                            },
                            {"type": "buttons", "items": ["Renew Selected", "Renew All", "Close"]},
                        ],
                    },
                )
            ],
            order=["8 books on loan", "Title Author Borrowed", "The Salt Path", "Circe", "Renew Selected"],
            theme="Clearlooks",
            background="#4a5a6a",
            half="A",
        ),
        Scene(
            "table-tk-striped-seeds",
            "table",
            WX,
            "Tk ttk Treeview of a seed library: zebra stripes, the sixth row selected, bold "
            "headings on a tinted bar, a note and buttons; Natura theme",
            [
                SpecWindow(
                    "Seed Library",
                    (260, 90),
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "label", "text": "Seeds on the shelves, 3 June"},
                            {
                                "type": "striped_table",
                                "columns": SEEDS[0],
                                "rows": SEEDS[1:],
                                "selected": 6,
                                "stripe": "#e8f0e0",
                                "heading_bg": "#c8d8b8",
                                "select_bg": "#4f7a28",
                                "right": [2],
                            },
                            {
                                "type": "label",
                                "text": "Take two packets at most; bring seeds back in autumn.",
                            },
                            {"type": "buttons", "items": ["Take", "Return", "Close"]},
                        ],
                    },
                )
            ],
            order=["Seeds on the shelves", "Code Seed Packets", "S-01 Runner bean", "S-10 Leek", "Take two"],
            theme="Natura",
            background="#34302c",
            half="A",
        ),
        Scene(
            "table-zenity-dark-patches",
            "table",
            WX,
            "zenity --list in GTK 3 Adwaita dark: a line of text, five columns of pending updates "
            "per server, Cancel and OK; Onyx-Citrus theme",
            [
                gtk_dialog(
                    "Pending Updates",
                    (250, 110),
                    "zenity",
                    [
                        "--list",
                        "--text",
                        "Updates waiting on each server (Tuesday window, 22:00)",
                        "--width",
                        "720",
                        "--height",
                        "420",
                        *(a for c in PATCHES[0] for a in ("--column", c)),
                        *(c for r in PATCHES[1:] for c in r),
                    ],
                    [
                        "Updates waiting on each server (Tuesday window, 22:00)",
                        *(c for r in PATCHES for c in r),
                    ],
                    ["Cancel", "OK"],
                    dark=True,
                    table_rows=[PATCHES],
                )
            ],
            order=["Updates waiting on each server", "Host Package From", "web-01 openssl", "backup-01"],
            theme="Onyx-Citrus",
            background="#1c1c1c",
            half="A",
        ),
        Scene(
            "table-chromium-striped-rooms",
            "table",
            HD,
            "Chromium page of meeting rooms: a dark header row, striped rows, the fourth room's "
            "row selected (white on blue), a line under the table; Clearlooks-Olive theme",
            [
                Page(
                    "Meeting Rooms",
                    (260, 120),
                    html=page(
                        "Meeting Rooms",
                        "<h1>Meeting rooms today</h1>"
                        "<p>Pick a room to book it. Rooms marked free are free all day.</p>"
                        + html_table(ROOMS, cls="z")
                        + "<p class='bar'>Douglas selected: 20 seats, projector, South building, ground "
                        "floor.</p>",
                        ROOMS_CSS,
                        font="'Liberation Sans'",
                        size=15,
                    ),
                    size=(1100, 720),
                )
            ],
            order=[
                "Meeting rooms today",
                "Room Building Seats",
                "Aspen North",
                "Juniper East",
                "Douglas selected",
            ],
            theme="Clearlooks-Olive",
            background="#2c3024",
            half="A",
        ),
        Scene(
            "dlg-zenity-dark-entry-wifi",
            "dialog",
            WX,
            "zenity --entry in GTK 3 Adwaita dark: a question, a text field holding a name, Cancel "
            "and Connect; Bear2 theme",
            [
                gtk_dialog(
                    "Hidden Network",
                    (430, 270),
                    "zenity",
                    [
                        "--entry",
                        "--text",
                        "Type the name of the hidden Wi-Fi network to join:",
                        "--entry-text",
                        "Garden Shed 5G",
                        "--ok-label",
                        "Connect",
                        "--width",
                        "420",
                    ],
                    ["Type the name of the hidden Wi-Fi network to join:", "Garden Shed 5G"],
                    ["Cancel", "Connect"],
                    dark=True,
                )
            ],
            order=["Type the name of the hidden", "Garden Shed 5G"],
            theme="Bear2",
            background="#445566",
            half="A",
        ),
        Scene(
            "dlg-zenity-dark-forms-visitor",
            "dialog",
            HD,
            "zenity --forms in GTK 3 Adwaita dark: a line of text, four labelled fields (empty) and a "
            "drop-down, Cancel and Sign In; Clearlooks-3.4 theme",
            [
                gtk_dialog(
                    "Visitor Sign-In",
                    (720, 300),
                    "zenity",
                    [
                        "--forms",
                        "--text",
                        "Please sign in at reception. Badges must be worn at all times.",
                        "--add-entry",
                        "Full name",
                        "--add-entry",
                        "Company",
                        "--add-entry",
                        "Visiting",
                        "--add-entry",
                        "Car registration",
                        "--add-combo",
                        "Reason",
                        "--combo-values",
                        "Meeting|Delivery|Interview|Maintenance",
                        "--ok-label",
                        "Sign In",
                        "--width",
                        "460",
                    ],
                    [
                        "Please sign in at reception. Badges must be worn at all times.",
                        "Full name",
                        "Company",
                        "Visiting",
                        "Car registration",
                        "Reason",
                    ],
                    ["Cancel", "Sign In"],
                    dark=True,
                )
            ],
            order=["Please sign in at reception", "Full name", "Car registration", "Reason"],
            theme="Clearlooks-3.4",
            background="#3c3c3c",
            half="A",
        ),
    ]


def _stacked() -> list[Scene]:
    return [
        Scene(
            "multi-less-tk-zenity-dark",
            "multi-window",
            HD,
            "three programs over one another: an xterm (Liberation Mono 11) showing a backup log "
            "in less -N, a Tk striped table of seeds over its lower right, an active zenity "
            "question in Adwaita dark over both; Onyx-Citrus theme",
            [
                Tui(
                    "ops@backup: /var/log",
                    (80, 70),
                    cols=104,
                    rows=30,
                    font=("Liberation Mono", 11),
                    prompt="ops@backup:/var/log$ ",
                    workdir="log",
                    setup=text_file("nightly.log", LOG),
                    commands=["less -N nightly.log"],
                ),
                SpecWindow(
                    "Seed Library",
                    (760, 380),
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "label", "text": "Seeds on the shelves, 3 June"},
                            {
                                "type": "striped_table",
                                "columns": SEEDS[0],
                                "rows": SEEDS[1:7],
                                "selected": 2,
                                "stripe": "#eef2f7",
                            },
                            {"type": "buttons", "items": ["Take", "Close"]},
                        ],
                    },
                ),
                gtk_dialog(
                    "Restore Files",
                    (560, 300),
                    "zenity",
                    [
                        "--question",
                        "--text",
                        "Restore /srv/photos from last night's backup?",
                        "--ok-label",
                        "Restore",
                        "--cancel-label",
                        "Not now",
                        "--width",
                        "380",
                    ],
                    ["Restore /srv/photos from last night's backup?"],
                    ["Not now", "Restore"],
                    dark=True,
                ),
            ],
            order=["Restore /srv/photos", "1 2024-06-03 07:58:12 backup started"],
            theme="Onyx-Citrus",
            background="#1c1c1c",
            half="A",
        ),
        Scene(
            "multi-mc-nano-overlap",
            "multi-window",
            WX,
            "two terminals over one another: Midnight Commander (6x13 core font) at the left, an "
            "active xterm with nano (DejaVu Sans Mono 9) over the mc panels' right half; Mikachu "
            "theme",
            [
                Tui(
                    "lee@studio: ~",
                    (30, 40),
                    cols=120,
                    rows=44,
                    font=("6x13", 0),
                    prompt="lee@studio:~$ ",
                    workdir="work",
                    setup=both(
                        home_file(".config/mc/ini", MC_INI),
                        files_in("Music", MUSIC),
                        files_in("stick", STICK),
                        stamped(PARENT_DATE),
                    ),
                    commands=["mc -u Music stick"],
                    env=CURSES,
                    table_rows=[mc_rows(MUSIC)],
                ),
                Tui(
                    "lee@studio: ~/Music",
                    (560, 200),
                    cols=76,
                    rows=24,
                    font=("DejaVu Sans Mono", 9),
                    prompt="lee@studio:~/Music$ ",
                    workdir="Music",
                    setup=text_file("setlist-may.txt", SETLIST),
                    commands=["nano setlist-may.txt"],
                ),
            ],
            order=["GNU nano", "Setlist for 18 May", "Left File Command"],
            theme="Mikachu",
            background="#33404d",
            half="A",
        ),
        Scene(
            "multi-page-dialog-qt",
            "multi-window",
            HD,
            "three programs: a Chromium page with a striped table of rooms, an xterm (9x15) running "
            "dialog --yesno over its lower right, an active Qt message over the page's left side; "
            "Clearlooks theme",
            [
                Page(
                    "Meeting Rooms",
                    (60, 60),
                    html=page(
                        "Meeting Rooms",
                        "<h1>Meeting rooms today</h1>"
                        "<p>Pick a room to book it. Rooms marked free are free all day.</p>"
                        + html_table(ROOMS, cls="z")
                        + "<p style='margin-top:16px'>Booking rules: book at most two hours at a time, "
                        "cancel by noon if you will not come, and leave the room tidy for the next "
                        "group.</p><p>Rooms in the East building are reached through the canteen; "
                        "Ginkgo has a hearing loop and step-free access from the car park.</p>",
                        ROOMS_CSS,
                        font="'Liberation Sans'",
                        size=15,
                    ),
                    size=(980, 640),
                ),
                Tui(
                    "desk@frontdesk: ~",
                    (760, 300),
                    cols=72,
                    rows=22,
                    font=("9x15", 0),
                    prompt="desk@frontdesk:~$ ",
                    commands=[
                        dialog_cmd(
                            [
                                "--title",
                                "Cancel booking",
                                "--yesno",
                                "Cancel the booking of room Elm from 13:00 to 14:15 for the finance team?",
                                "9",
                                "50",
                            ]
                        )
                    ],
                    env=CURSES,
                ),
                SpecWindow(
                    "Room Booked",
                    (150, 560),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {
                                "type": "label",
                                "text": "Birch is yours from 11:00 to 12:00.",
                                "font": ["DejaVu Sans", 11, "bold"],
                            },
                            {"type": "label", "text": "A calendar invitation was sent to 6 people."},
                            {"type": "buttons", "items": ["Undo", "OK"]},
                        ],
                    },
                ),
            ],
            order=["Birch is yours", "Cancel the booking of room Elm", "Meeting rooms today"],
            theme="Clearlooks",
            background="#4a5a6a",
            half="A",
        ),
    ]


SETLIST = """Setlist for 18 May (Crown and Anchor)

1. Harbour Lights
2. Paper Boats
3. The Long Road North
4. Salt and Vinegar
   -- short break --
5. Tidewater
6. Lanterns
7. Last Orders (encore)
"""


def tui_a_scenes() -> list[Scene]:
    return [*_terminal_programs(), *_striped_tables(), *_stacked()]
