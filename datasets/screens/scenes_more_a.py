"""Session 13's terminal programs, tables, calculators and stacked windows for half A (helper "moreA").

On session 12's code half B's newest screens (terminal programs in antialiased monospace fonts,
striped tables, calculators, several windows at once) read much worse than half A's. So that the
assistant can be tuned on more of those kinds without ever looking at B, these are more of them,
with words, fonts, colour schemes, themes and arrangements of our own, all in half **A**. The
terminals use antialiased fonts that no earlier screen used (JetBrains Mono, Fira Code, Noto
Mono, FreeMono, Anonymous Pro) beside DejaVu Sans Mono and Liberation Mono.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here, or is what a program
prints about files and a git history made here. Terminal programs are ``Tui`` terminals (see
``scenes_tui_a``): their words are what tmux reads back, box-drawing characters cut out, a word
ending where its background colour changes.
"""

from __future__ import annotations

import calendar
import os
import subprocess
import time
from pathlib import Path

from pages import page, paragraphs
from pages import table as html_table
from programs import Page, SpecWindow, gtk_dialog, xcalc
from scenes import HD, NS_PROCS, WX, Scene, both, make_files, text_file
from scenes_tui_a import CURSES, MC_INI, PARENT_DATE, Tui, dialog_cmd, files_in, home_file, mc_rows, stamped


def _utc(when: str) -> int:
    return calendar.timegm(time.strptime(when, "%Y-%m-%d %H:%M"))


# ---- htop in a light scheme ----------------------------------------------------------------------
HTOPRC = "color_scheme=3\nhighlight_base_name=1\nshow_program_path=0\n"


# ---- mc with a 256-colour skin ----------------------------------------------------------------------
PHOTOS = [
    ("2023-autumn", -1, "2023-11-02 17:20", 0o755),
    ("portraits", -1, "2024-02-14 10:05", 0o755),
    ("scans", -1, "2023-08-21 09:40", 0o755),
    ("beach-0031.jpg", 3841230, "2024-03-30 15:12", 0o644),
    ("beach-0032.jpg", 3902117, "2024-03-30 15:13", 0o644),
    ("contact-sheet.pdf", 1208844, "2024-04-02 08:55", 0o644),
    ("ferry-pano.tif", 58220000, "2024-03-31 12:44", 0o644),
    ("lighthouse.jpg", 4410093, "2024-04-01 19:31", 0o644),
    ("prints-order.txt", 912, "2024-04-03 11:00", 0o644),
    ("studio-rates.ods", 22018, "2024-01-09 14:27", 0o644),
]
INVOICES = [
    ("2023", -1, "2024-01-05 09:00", 0o755),
    ("paid", -1, "2024-04-28 16:10", 0o755),
    ("inv-2024-017.pdf", 61220, "2024-03-12 10:31", 0o644),
    ("inv-2024-018.pdf", 59874, "2024-03-19 10:02", 0o644),
    ("inv-2024-019.pdf", 64410, "2024-04-02 09:47", 0o644),
    ("mileage.csv", 3306, "2024-04-30 18:15", 0o644),
    ("vat-q1.ods", 18340, "2024-04-15 13:20", 0o644),
]

# ---- two panes side by side (a tmux inside the terminal) ---------------------------------------------
RESULTS = """Growth trial, week 6 (plot averages)

bed   variety        height  leaves
A     Little Gem     14 cm   11
A     Cos Romaine    19 cm   9
B     Oak Leaf       12 cm   14
B     Butterhead     11 cm   12
C     Lollo Rosso    10 cm   16
C     Iceberg        15 cm   8

Notes: bed C was shaded after noon;
water every second day from week 7.
"""

INNER_TMUX = """set -g default-terminal "xterm-256color"
set -g escape-time 0
set -g destroy-unattached on
set -g status-style "bg=colour29,fg=colour231"
set -g status-left "[trial] "
set -g status-right " greenhouse-2 "
set -g window-status-current-format "0:beds*"
set -g pane-border-style "fg=colour245"
set -g pane-active-border-style "fg=colour40"
"""

TRIAL_FILES = [
    ("week4.csv", 1804, "2024-05-06 08:10", 0o644),
    ("week5.csv", 1822, "2024-05-13 08:05", 0o644),
    ("week6.csv", 1859, "2024-05-20 08:12", 0o644),
    ("photos", -1, "2024-05-20 08:30", 0o755),
    ("plan.md", 2675, "2024-04-22 19:40", 0o644),
    ("summary.ods", 15402, "2024-05-20 09:02", 0o644),
]


def panes_setup(wd: Path) -> None:
    """The files of both panes, the inner tmux's settings and each pane's start-up script."""
    (wd / "results.txt").write_text(RESULTS, encoding="utf-8")
    (wd / "data").mkdir(exist_ok=True)
    make_files(TRIAL_FILES)(wd / "data")
    (wd / "inner.conf").write_text(INNER_TMUX, encoding="utf-8")
    (wd / "left.rc").write_text("PS1='noor@lab:~/trial$ '\ncat results.txt\n", encoding="utf-8")
    (wd / "right.rc").write_text(
        "PS1='noor@lab:~/trial/data$ '\ncd data\nls -l --color=always\necho\n"
        "wc -c week4.csv week5.csv week6.csv\n",
        encoding="utf-8",
    )


PANES_CMD = (
    "clear; tmux -L inner -f inner.conf new-session 'bash --rcfile left.rc -i' "
    "\\; split-window -h 'bash --rcfile right.rc -i'"
)

# ---- a git history --------------------------------------------------------------------------------
GIT_COMMITS = [
    ("2024-04-02 09:15", "Hana Mori", "Start the bakery order form", {"order.html": "<form>\n</form>\n"}),
    ("2024-04-02 16:40", "Hana Mori", "Add bread list and prices", {"prices.csv": "bread,price\nrye,3.20\n"}),
    ("2024-04-03 11:05", "Tom Beck", "Fix total when basket is empty", {"total.js": "return 0;\n"}),
    ("2024-04-04 08:30", "Hana Mori", "Add pickup times", {"times.txt": "07:00 to 12:00\n"}),
    ("2024-04-05 14:22", "Tom Beck", "Send a receipt by mail", {"mail.js": "send();\n"}),
    ("2024-04-08 10:10", "Lea Vos", "Translate the form into Dutch", {"nl.json": "{}\n"}),
    ("2024-04-09 17:45", "Hana Mori", "Raise rye bread to 3.40", {"prices.csv": "bread,price\nrye,3.40\n"}),
]


def git_repo(wd: Path) -> None:
    """A repository of ours with fixed names and dates (so its hashes are the same on every
    build), a branch merged in, a tag and two changed files left uncommitted."""

    def git(*args: str, when: str = "2024-04-01 09:00", who: str = "Hana Mori") -> None:
        stamp = f"{_utc(when)} +0000"
        mail = who.split()[0].lower() + "@bakery.example"
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(wd),
            "GIT_AUTHOR_NAME": who,
            "GIT_AUTHOR_EMAIL": mail,
            "GIT_COMMITTER_NAME": who,
            "GIT_COMMITTER_EMAIL": mail,
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        subprocess.run(["git", *args], cwd=wd, env=env, check=True, capture_output=True, timeout=30)

    git("init", "-q", "-b", "main")
    for i, (when, who, msg, files) in enumerate(GIT_COMMITS):
        if i == 4:
            git("checkout", "-q", "-b", "receipts", when=when, who=who)
        if i == 5:
            git("checkout", "-q", "main", when=when, who=who)
        for name, text in files.items():
            (wd / name).write_text(text, encoding="utf-8")
        git("add", "-A", when=when, who=who)
        git("commit", "-q", "-m", msg, when=when, who=who)
        if i == 5:
            git("merge", "-q", "--no-ff", "-m", "Merge branch 'receipts'", "receipts", when=when, who=who)
    git("tag", "v0.3", when="2024-04-09 18:00")
    (wd / "times.txt").write_text("07:00 to 12:30\n", encoding="utf-8")
    (wd / "allergens.md").write_text("# Allergens\n", encoding="utf-8")


GIT_LOG = (
    "git --no-pager log --graph --date=short "
    "--pretty=format:'%C(yellow)%h%C(reset) %C(green)%ad%C(reset) "
    "%C(bold blue)%an%C(reset)%C(auto)%d%C(reset) %s'"
    " && echo && git status --short && git --no-pager diff --color=always"
)

# ---- diff with a banded prompt -----------------------------------------------------------------------
LETTER_V1 = """Dear neighbours,

The street party will be on Saturday 15 June from 2 pm.
Please bring a chair and something to share.
The road will be closed from noon until 8 pm.
Children's games start at 3 pm near the bakery.

Thank you,
Ines (number 12)
"""

LETTER_V2 = """Dear neighbours,

The street party will be on Saturday 22 June from 2 pm.
Please bring a chair and something to share.
The road will be closed from noon until 9 pm.
Children's games start at 3 pm near the bakery.
If it rains, we move into the school hall.

Thank you,
Ines and Karl (numbers 12 and 14)
"""

BAND_PROMPT = "\\[\\e[30;43m\\] ines@docs \\[\\e[97;44m\\] ~/letters \\[\\e[0m\\] $ "

# ---- vim, two files one over the other --------------------------------------------------------------
PLANTS_PY = '''"""Watering plan for the office plants."""

PLANTS = {
    "fern": 3,
    "cactus": 14,
    "peace lily": 5,
    "rubber plant": 7,
}


def due(days_since: dict[str, int]) -> list[str]:
    """Plants whose interval has passed."""
    return [name for name, every in PLANTS.items() if days_since.get(name, 0) >= every]
'''

OFFICE_NOTES = """Office plants: who waters what
- Monday: Aiko (fern, peace lily)
- Thursday: Ben (rubber plant)
- cactus: first of the month only
Ask facilities about a new pot for the fern.
"""

# ---- less with its search matches highlighted -------------------------------------------------------
LEDGER = """Allotment society ledger, spring 2024

03 Mar  membership fee     Rivera      +25.00
05 Mar  seed order         Okoye       -48.60
09 Mar  membership fee     Lindgren    +25.00
12 Mar  padlock, gate      Rivera      -14.99
16 Mar  membership fee     Haddad      +25.00
19 Mar  compost delivery   Okoye       -90.00
23 Mar  plant sale stall   Rivera      +61.50
27 Mar  water bill         Lindgren    -32.10
02 Apr  membership fee     Novak       +25.00
06 Apr  tool repair        Haddad      -18.00
11 Apr  raffle tickets     Rivera      +40.00
15 Apr  membership fee     Brandt      +25.00
20 Apr  wheelbarrow tyre   Okoye       -22.75
24 Apr  open day cakes     Novak       +37.20
29 Apr  hose reel          Rivera      -29.99

Balance carried forward: 412.27
Checked by the treasurer, 30 April.
"""

# ---- dialog --form in colours of our own ----------------------------------------------------------
DIALOGRC = """use_shadow = ON
use_colors = ON
screen_color = (WHITE,GREEN,ON)
shadow_color = (BLACK,BLACK,ON)
dialog_color = (BLACK,WHITE,OFF)
title_color = (GREEN,WHITE,ON)
border_color = (WHITE,WHITE,ON)
button_active_color = (WHITE,GREEN,ON)
button_inactive_color = (BLACK,WHITE,OFF)
button_key_active_color = (WHITE,GREEN,ON)
button_key_inactive_color = (RED,WHITE,OFF)
button_label_active_color = (YELLOW,GREEN,ON)
button_label_inactive_color = (BLACK,WHITE,ON)
form_active_text_color = (WHITE,BLUE,ON)
form_text_color = (WHITE,CYAN,ON)
form_item_readonly_color = (CYAN,WHITE,ON)
"""

FORM_FIELDS = [
    ("Name:", "Rosa Lindqvist"),
    ("Street:", "14 Mill Lane"),
    ("Town:", "Eastbury"),
    ("Postcode:", "EB4 7QT"),
    ("Phone:", "0161 496 0732"),
    ("Parcels:", "3"),
]


def form_args() -> list[str]:
    out: list[str] = []
    for i, (label, value) in enumerate(FORM_FIELDS, start=1):
        out += [label, str(i), "2", value, str(i), "14", "30", "0"]
    return out


# ---- coloured ls --------------------------------------------------------------------------------------
def colour_files(wd: Path) -> None:
    """A folder whose entries ls colours on a background: a world-writable folder (blue on
    green), a sticky one (black on green), a set-user-id program (white on red), scripts, a link."""
    make_files(
        [
            ("backup.sh", 1311, "2024-05-02 21:14", 0o755),
            ("deploy", 18820, "2024-05-10 08:03", 0o4755),
            ("drop-box", -1, "2024-04-19 12:00", 0o777),
            ("shared-tmp", -1, "2024-04-19 12:01", 0o1777),
            ("logs", -1, "2024-05-11 06:25", 0o755),
            ("notes.txt", 4096, "2024-05-09 17:48", 0o644),
            ("release-1.4.tar.gz", 2203114, "2024-05-10 08:00", 0o644),
            ("rotate-logs.sh", 702, "2024-03-28 22:30", 0o755),
            ("site.conf", 1590, "2024-02-11 10:10", 0o600),
        ]
    )(wd)
    link = wd / "current"
    if not link.is_symlink():
        link.symlink_to("release-1.4.tar.gz")
    ts = _utc("2024-05-10 08:01")
    os.utime(link, (ts, ts), follow_symlinks=False)


def _terminals() -> list[Scene]:
    return [
        Scene(
            "term-htop-jetbrains-light",
            "terminal",
            WX,
            "xterm (JetBrains Mono 9, light) running htop in its Light Terminal colour scheme, in a "
            "PID namespace of ours: meters, the process table with its coloured header, the key bar; "
            "Nightmare-03 theme",
            [
                Tui(
                    "root@media: ~",
                    (60, 50),
                    cols=146,
                    rows=38,
                    font=("JetBrains Mono", 9),
                    fg="#1c1c1c",
                    bg="#f6f6ee",
                    prompt="root@media:~# ",
                    setup=home_file(".config/htop/htoprc", HTOPRC),
                    commands=["htop -d 600"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 12),
                    env=CURSES,
                )
            ],
            order=["PID USER", "F1 Help"],
            theme="Nightmare-03",
            background="#2f3b2f",
            half="A",
        ),
        Scene(
            "term-mc-fira-modarin",
            "terminal",
            HD,
            "xterm (Fira Code 10) running Midnight Commander with its modarin256 skin: two panels "
            "of folders of ours (~/photos, ~/invoices), the menu bar, the key bar; Breeze-ob theme",
            [
                Tui(
                    "kim@atelier: ~",
                    (210, 120),
                    cols=160,
                    rows=44,
                    font=("Fira Code", 10),
                    prompt="kim@atelier:~$ ",
                    workdir="work",
                    setup=both(
                        home_file(".config/mc/ini", MC_INI),
                        files_in("photos", PHOTOS),
                        files_in("invoices", INVOICES),
                        stamped(PARENT_DATE),
                    ),
                    commands=["mc -u -S modarin256 photos invoices"],
                    env=CURSES,
                    table_rows=[mc_rows(PHOTOS), mc_rows(INVOICES)],
                )
            ],
            order=["Left File Command Options Right", "/2023-autumn", "studio-rates.ods", "1 Help"],
            theme="Breeze-ob",
            background="#263238",
            half="A",
        ),
        Scene(
            "term-tmux-panes-noto",
            "terminal",
            HD,
            "xterm (Noto Mono 10) with tmux split into two panes side by side: a trial's results "
            "(cat) at the left, a coloured ls -l and wc at the right, the block cursor at the right "
            "prompt, a green tmux status line; Clearlooks-3.4 theme",
            [
                Tui(
                    "noor@lab: ~/trial",
                    (150, 110),
                    cols=150,
                    rows=40,
                    font=("Noto Mono", 10),
                    prompt="noor@lab:~/trial$ ",
                    workdir="trial",
                    setup=panes_setup,
                    commands=[PANES_CMD],
                )
            ],
            order=[
                "Growth trial, week 6",
                "water every second day from week 7",
                "plan.md",
                "[trial] 0:beds*",
            ],
            theme="Clearlooks-3.4",
            background="#30343c",
            half="A",
        ),
        Scene(
            "term-git-log-freemono",
            "terminal",
            WX,
            "xterm (FreeMono 12, dark) showing git log --graph in colours (short hashes yellow, dates "
            "green, authors blue, branch and tag names), git status --short and a coloured git diff; "
            "Nightmare-02 theme",
            [
                Tui(
                    "hana@bakery: ~/shop",
                    (90, 80),
                    cols=104,
                    rows=30,
                    font=("FreeMono", 12),
                    fg="#e6e6e6",
                    bg="#14161a",
                    prompt="hana@bakery:~/shop$ ",
                    workdir="shop",
                    setup=git_repo,
                    commands=["clear; " + GIT_LOG],
                )
            ],
            order=["Raise rye bread to 3.40", "Start the bakery order form", "allergens.md"],
            theme="Nightmare-02",
            background="#101010",
            half="A",
        ),
        Scene(
            "term-diff-bands-anonymous",
            "terminal",
            WX,
            "xterm (Anonymous Pro 13) with a prompt in coloured bands (user on yellow, folder on "
            "blue), diff -u --color of two letters (red and green lines, a cyan hunk line) and "
            "wc -w; Artwiz-boxed theme",
            [
                Tui(
                    "ines@docs: ~/letters",
                    (140, 60),
                    cols=92,
                    rows=24,
                    font=("Anonymous Pro", 13),
                    fg="#f0f0f0",
                    bg="#232629",
                    prompt=BAND_PROMPT,
                    workdir="letters",
                    setup=both(
                        text_file("street-party-v1.txt", LETTER_V1, "2024-05-02 10:00"),
                        text_file("street-party-v2.txt", LETTER_V2, "2024-05-06 18:30"),
                    ),
                    commands=[
                        "clear; diff -u --color=always street-party-v1.txt street-party-v2.txt",
                        "wc -w street-party-v*.txt",
                    ],
                )
            ],
            order=["Dear neighbours", "Saturday 15 June", "Saturday 22 June", "total"],
            theme="Artwiz-boxed",
            background="#3a3f44",
            half="A",
        ),
        Scene(
            "term-vim-hsplit-liberation",
            "terminal",
            HD,
            "xterm (Liberation Mono 11) running vim with two files one over the other (vim -o): "
            "Python in syntax colours above, notes below, line numbers, reversed status lines, the "
            "block cursor on a word; Syscrash theme",
            [
                Tui(
                    "aiko@office: ~/plants",
                    (360, 90),
                    cols=110,
                    rows=38,
                    font=("Liberation Mono", 11),
                    prompt="aiko@office:~/plants$ ",
                    workdir="plants",
                    setup=both(text_file("watering.py", PLANTS_PY), text_file("notes.txt", OFFICE_NOTES)),
                    commands=[
                        "vim -u NONE -i NONE -N -c 'syntax on' -c 'set number laststatus=2 ruler' "
                        "-o watering.py notes.txt -c 'call cursor(5,6)'"
                    ],
                )
            ],
            order=[
                "Watering plan for the office plants",
                "def due(days_since:",
                "watering.py",
                "Office plants: who waters what",
            ],
            theme="Syscrash",
            background="#44505c",
            half="A",
        ),
        Scene(
            "term-less-search-jetbrains",
            "terminal",
            WX,
            "xterm (JetBrains Mono 11, dark blue-grey) running less -N on a ledger of ours after a "
            "search: every match of the name shown in reverse video, line numbers, the prompt line; "
            "Nightmare-01 theme",
            [
                Tui(
                    "ruth@allotment: ~",
                    (60, 50),
                    cols=100,
                    rows=28,
                    font=("JetBrains Mono", 11),
                    fg="#d7dae0",
                    bg="#282c34",
                    prompt="ruth@allotment:~$ ",
                    setup=text_file("ledger.txt", LEDGER),
                    commands=["less -N -j3 -p Rivera ledger.txt"],
                )
            ],
            order=["Allotment society ledger", "03 Mar membership fee Rivera", "Balance carried forward"],
            theme="Nightmare-01",
            background="#20242a",
            half="A",
        ),
        Scene(
            "dlg-dialog-form-fira",
            "dialog",
            WX,
            "xterm (Fira Code 11) running dialog --form in colours of our own (a green back screen, "
            "fields on cyan and blue bands): a back title, six labelled fields filled in, OK and "
            "Cancel; Nightmare theme",
            [
                Tui(
                    "post@depot: ~",
                    (160, 90),
                    cols=84,
                    rows=26,
                    font=("Fira Code", 11),
                    prompt="post@depot:~$ ",
                    setup=home_file(".dialogrc", DIALOGRC),
                    commands=[
                        dialog_cmd(
                            [
                                "--backtitle",
                                "Eastbury Parcel Depot",
                                "--title",
                                "Collection address",
                                "--form",
                                "Check the address before the van is booked:",
                                "16",
                                "56",
                                "6",
                                *form_args(),
                            ]
                        )
                    ],
                    env=CURSES,
                    table_rows=[[list(f) for f in FORM_FIELDS]],
                )
            ],
            order=[
                "Eastbury Parcel Depot",
                "Collection address",
                "Check the address",
                "Name: Rosa Lindqvist",
            ],
            theme="Nightmare",
            background="#2d2d2d",
            half="A",
        ),
        Scene(
            "term-ls-colours-dejavu",
            "terminal",
            HD,
            "xterm (DejaVu Sans Mono 12, black) with ls -l --color and ls --color of a deploy "
            "folder: folders blue, a world-writable and a sticky folder on green, a set-user-id "
            "program on red, scripts green, a link cyan; Onyx theme",
            [
                Tui(
                    "ops@web-03: /srv/app",
                    (320, 140),
                    cols=100,
                    rows=22,
                    font=("DejaVu Sans Mono", 12),
                    fg="#e0e0e0",
                    bg="#000000",
                    prompt="ops@web-03:/srv/app$ ",
                    workdir="app",
                    setup=colour_files,
                    commands=["clear; ls -l --color=always", "ls --color=always"],
                    parse_ls=True,
                )
            ],
            order=["total", "ls --color=always"],
            theme="Onyx",
            background="#1a1a1a",
            half="A",
        ),
    ]


def more_a_scenes() -> list[Scene]:
    return [*_terminals(), *_tables(), *_calculators(), *_windows()]


# ---- tables ---------------------------------------------------------------------------------------
STOCK = [
    ["Branch", "Loaves", "Rolls", "Cakes", "Waste"],
    ["Harbour Street", "142", "610", "38", "4"],
    ["Market Square", "96", "455", "22", "9"],
    ["Station Road", "120", "1,020", "41", "12"],
    ["Hill Top", "58", "240", "15", "2"],
    ["Riverside", "87", "395", "30", "6"],
    ["Old Town", "133", "780", "27", "11"],
    ["Total", "636", "3,500", "173", "44"],
]
ORDERS = [
    ["Day", "Orders", "Value", "Late"],
    ["Monday", "41", "1,284.50", "2"],
    ["Tuesday", "38", "1,102.00", "0"],
    ["Wednesday", "52", "1,766.25", "5"],
    ["Thursday", "47", "1,530.75", "1"],
    ["Friday", "63", "2,214.40", "3"],
    ["Saturday", "71", "2,408.90", "6"],
]
TWO_TABLES_CSS = """
.pair { display: flex; gap: 48px; align-items: flex-start; }
.pair h2 { margin-top: 0; }
table.s { border: 1px solid #b8c4ce; font-size: 14px; }
table.s th { background: #e4ebf1; border-bottom: 2px solid #8fa3b5; }
table.s td, table.s th { padding: 6px 14px; }
table.s tr:nth-child(even) td { background: #f4f7fa; }
table.s td:not(:first-child), table.s th:not(:first-child) { text-align: right; }
table.s tr:last-child td { font-weight: bold; border-top: 2px solid #8fa3b5; }
table.o tr:last-child td { font-weight: normal; }
table.o tr:nth-child(4) td { background: #2f6db5; color: #ffffff; }
.note { color: #5b6770; font-size: 13px; margin-top: 14px; }
"""


def two_tables_html() -> str:
    return page(
        "Bakery Week 23",
        "<h1>Week 23 at the bakery</h1><p>Figures from the till at closing time, Saturday 8 June.</p>"
        "<div class='pair'><div><h2>Stock baked by branch</h2>"
        + html_table(STOCK, t=0, cls="s")
        + "</div><div><h2>Orders taken online</h2>"
        + html_table(ORDERS, t=1, cls="s o")
        + "<p class='note'>Wednesday selected: 5 orders went out late (van in for repair).</p></div></div>",
        TWO_TABLES_CSS,
        font="'Lato'",
        size=15,
    )


FUEL = [
    ["Date", "Vehicle", "Litres", "Price/l", "Cost", "Odometer"],
    ["02/05", "Van 1", "61.4", "1.689", "103.70", "84,112"],
    ["03/05", "Van 2", "48.0", "1.699", "81.55", "52,908"],
    ["06/05", "Van 1", "58.9", "1.679", "98.89", "84,730"],
    ["08/05", "Car", "35.2", "1.719", "60.51", "21,446"],
    ["09/05", "Van 2", "52.7", "1.689", "89.01", "53,377"],
    ["13/05", "Van 1", "60.1", "1.665", "100.07", "85,391"],
    ["15/05", "Van 3", "44.8", "1.672", "74.91", "17,004"],
    ["16/05", "Car", "31.9", "1.699", "54.20", "21,872"],
    ["20/05", "Van 2", "55.3", "1.659", "91.74", "53,960"],
    ["22/05", "Van 1", "59.6", "1.649", "98.28", "86,015"],
]

HOURS = [
    ["Volunteer", "Team", "Mon", "Tue", "Wed", "Thu", "Total"],
    ["Amira Haddad", "Kitchen", "4", "0", "3", "5", "12"],
    ["Ben Okafor", "Drivers", "6", "6", "0", "2", "14"],
    ["Chloe Martin", "Front desk", "3", "3", "3", "3", "12"],
    ["Dev Patel", "Warehouse", "0", "7", "7", "0", "14"],
    ["Elena Rossi", "Kitchen", "5", "0", "5", "0", "10"],
    ["Farid Nasser", "Drivers", "2", "4", "6", "4", "16"],
    ["Grace Kim", "Front desk", "0", "0", "4", "4", "8"],
    ["Hugo Larsen", "Warehouse", "8", "0", "0", "8", "16"],
    ["Iris Novak", "Kitchen", "3", "3", "0", "3", "9"],
]

PLANTS_DB = [
    ("Lavender", "Herb", 48, 4.50, "B2"),
    ("Foxglove", "Perennial", 12, 6.25, "C1"),
    ("Rosemary", "Herb", 30, 3.95, "B2"),
    ("Hosta", "Perennial", 22, 8.00, "C3"),
    ("Box ball", "Shrub", 9, 24.99, "A1"),
    ("Hydrangea", "Shrub", 14, 19.50, "A2"),
    ("Thyme", "Herb", 64, 2.75, "B1"),
    ("Japanese maple", "Tree", 3, 79.00, "A4"),
]


def nursery_db(wd: Path) -> None:
    """A small SQLite database of ours for the terminal's sqlite3 to query."""
    db = wd / "nursery.db"
    db.unlink(missing_ok=True)
    values = ",".join(f"('{n}','{k}',{q},{p})" for n, k, q, p, _bed in PLANTS_DB)
    beds = ",".join(f"('{n}','{b}')" for n, _k, _q, _p, b in PLANTS_DB)
    sql = (
        "create table stock(plant text, kind text, pots int, price real);"
        f"insert into stock values {values};"
        "create table beds(plant text, bed text);"
        f"insert into beds values {beds};"
        f"create view report as {SQL_REPORT};"
    )
    subprocess.run(["sqlite3", str(db), sql], check=True, timeout=30)


SQL_REPORT = (
    "select s.plant as Plant, kind as Kind, pots as Pots, printf('%.2f', price) as Price, bed as Bed "
    "from stock s join beds b on b.plant = s.plant order by kind, s.plant"
)


def sqlite_rows() -> list[list[str]]:
    rows = sorted(PLANTS_DB, key=lambda r: (r[1], r[0]))
    return [["Plant", "Kind", "Pots", "Price", "Bed"]] + [
        [n, k, str(q), f"{p:.2f}", b] for n, k, q, p, b in rows
    ]


PARCELS = [
    ["Tracking", "To", "Weight (kg)", "Service", "Status"],
    ["EB-40211", "Leeds", "2.4", "Next day", "Out for delivery"],
    ["EB-40212", "Bristol", "0.8", "Standard", "At depot"],
    ["EB-40215", "Cardiff", "12.0", "Pallet", "Booked"],
    ["EB-40219", "York", "1.1", "Next day", "Delivered"],
    ["EB-40220", "Exeter", "5.6", "Standard", "Delayed"],
    ["EB-40224", "Dundee", "3.3", "Standard", "At depot"],
]


def _tables() -> list[Scene]:
    return [
        Scene(
            "table-chromium-two-side",
            "table",
            HD,
            "Chromium page (Lato 15) with two tables side by side: stock by branch (numbers right-"
            "aligned, a bold total row) and online orders by day (one row selected, white on blue), "
            "striped rows, a note under the second; Clearlooks-Olive theme",
            [Page("Bakery Week 23", (180, 110), html=two_tables_html(), size=(1060, 520))],
            order=[
                "Week 23 at the bakery",
                "Stock baked by branch",
                "Harbour Street 142 610",
                "Total 636",
                "Orders taken online",
                "Monday 41",
                "Wednesday selected",
            ],
            theme="Clearlooks-Olive",
            background="#3b4232",
            half="A",
        ),
        Scene(
            "table-qt-fuel-rownums",
            "table",
            WX,
            "Qt in its Windows style: a fuel log in a QTableWidget with row numbers, a grid, "
            "alternating rows, five right-aligned number columns, the sixth row selected; "
            "Carlito 10; Orang theme",
            [
                SpecWindow(
                    "Fuel Log - May",
                    (170, 110),
                    toolkit="qt",
                    spec={
                        "style": "Windows",
                        "font": ["Carlito", 10],
                        "body": [
                            {"type": "label", "text": "Fill-ups in May, all vehicles (prices in pounds)"},
                            {
                                "type": "striped_table",
                                "columns": FUEL[0],
                                "rows": FUEL[1:],
                                "selected": 6,
                                "row_numbers": True,
                                "right": [2, 3, 4, 5],
                            },
                            {"type": "label", "text": "Total: 508.0 litres, 853.86 pounds"},
                            {"type": "buttons", "items": ["Add", "Export", "Close"]},
                        ],
                    },
                )
            ],
            order=["Fill-ups in May", "Date Vehicle Litres", "02/05 Van 1", "22/05 Van 1", "Total: 508.0"],
            theme="Orang",
            background="#4a3f35",
            half="A",
        ),
        Scene(
            "table-tk-hours-under-dialog",
            "table",
            WX,
            "Tk ttk Treeview (alt theme) of volunteer hours: blue heading bar, stripes, right-aligned "
            "day columns, the fourth row selected; an active Tk question over its lower right rows; "
            "Artwiz-boxed theme",
            [
                SpecWindow(
                    "Volunteer Hours",
                    (120, 90),
                    spec={
                        "font": ["Lato", 11],
                        "ttk_theme": "alt",
                        "body": [
                            {"type": "label", "text": "Food bank volunteers, week of 3 June"},
                            {
                                "type": "striped_table",
                                "columns": HOURS[0],
                                "rows": HOURS[1:],
                                "selected": 4,
                                "stripe": "#eaf1fb",
                                "heading_bg": "#3b5b8c",
                                "heading_fg": "#ffffff",
                                "select_bg": "#f2c14e",
                                "select_fg": "#000000",
                                "right": [2, 3, 4, 5, 6],
                            },
                            {"type": "buttons", "items": ["Add hours", "Print", "Close"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Unsaved Hours",
                    (560, 380),
                    spec={
                        "font": ["Lato", 10],
                        "body": [
                            {"type": "label", "text": "Save the hours you changed for Dev Patel?"},
                            {"type": "label", "text": "Changes not saved are lost when you close."},
                            {"type": "buttons", "items": ["Don't Save", "Cancel", "Save"]},
                        ],
                    },
                ),
            ],
            order=[
                "Save the hours you changed",
                "Food bank volunteers",
                "Volunteer Team Mon",
                "Amira Haddad",
            ],
            theme="Artwiz-boxed",
            background="#2e3b44",
            half="A",
        ),
        Scene(
            "table-sqlite-box-noto",
            "table",
            WX,
            "xterm (Noto Mono 11, white on dark blue) running sqlite3 on a plant nursery's database "
            "of ours: .mode box, a join printed as a box-drawn table with right-aligned numbers, "
            "then a count; Nightmare-03 theme",
            [
                Tui(
                    "nina@nursery: ~/db",
                    (100, 60),
                    cols=96,
                    rows=30,
                    font=("Noto Mono", 11),
                    fg="#f2f2f2",
                    bg="#10233f",
                    prompt="nina@nursery:~/db$ ",
                    workdir="db",
                    setup=nursery_db,
                    commands=[
                        "clear; sqlite3 nursery.db",
                        ".mode box",
                        ".width 16 10 -5 -7 4",
                        # tmux would take a semicolon ending the keys for its own separator
                        "select * from report; ",
                        "select count(*) as Plants, sum(pots) as Pots from stock; ",
                    ],
                    table_rows=[sqlite_rows(), [["Plants", "Pots"], ["8", "202"]]],
                )
            ],
            order=["sqlite> .mode box", "Plant Kind Pots Price Bed", "Lavender Herb 48", "Plants Pots"],
            theme="Nightmare-03",
            background="#1b1b24",
            half="A",
        ),
        Scene(
            "table-zenity-light-parcels",
            "table",
            HD,
            "zenity --list in GTK 3 Adwaita (light): a line of text, five columns of parcels, "
            "Cancel and OK; Mikachu theme",
            [
                gtk_dialog(
                    "Parcels Today",
                    (600, 260),
                    "zenity",
                    [
                        "--list",
                        "--text",
                        "Parcels booked at the Eastbury depot today",
                        "--width",
                        "700",
                        "--height",
                        "400",
                        *(a for c in PARCELS[0] for a in ("--column", c)),
                        *(c for r in PARCELS[1:] for c in r),
                    ],
                    ["Parcels booked at the Eastbury depot today", *(c for r in PARCELS for c in r)],
                    ["Cancel", "OK"],
                    table_rows=[PARCELS],
                )
            ],
            order=["Parcels booked", "Tracking To Weight", "EB-40211 Leeds", "EB-40224 Dundee"],
            theme="Mikachu",
            background="#3c4a3c",
            half="A",
        ),
    ]


# ---- calculators --------------------------------------------------------------------------------------
TK_KEYS = [
    ["MC", "MR", "M+", "M-"],
    ["%", "CE", "C", "DEL"],
    ["7", "8", "9", "/"],
    ["4", "5", "6", "*"],
    ["1", "2", "3", "-"],
    ["+/-", "0", ".", "+"],
    ["(", ")", "x^2", "="],
]

QT_KEYS = [
    ["sin", "cos", "tan", "Rad", "Deg"],
    ["asin", "acos", "atan", "ln", "log"],
    ["7", "8", "9", "(", ")"],
    ["4", "5", "6", "*", "/"],
    ["1", "2", "3", "+", "-"],
    ["0", ".", "EXP", "Ans", "="],
]


def _calculators() -> list[Scene]:
    return [
        Scene(
            "calc-xcalc-ti-8x13bold-blue",
            "calculator",
            WX,
            "xcalc (TI-30 mode) in colours of our own: blue keys with white labels on a pale "
            "grey body, the 8x13 bold core font, enlarged; Breeze-ob theme",
            [
                xcalc(
                    (820, 150),
                    size=(300, 430),
                    xrm=[
                        "XCalc*Font: 8x13bold",
                        "*ti.Command.background: #2b4f7e",
                        "*ti.Command.foreground: #ffffff",
                        "*ti.background: #d9dee4",
                        "*ti.bevel.background: #9aa6b2",
                    ],
                )
            ],
            theme="Breeze-ob",
            background="#394552",
            half="A",
        ),
        Scene(
            "calc-tk-jetbrains-dark",
            "calculator",
            HD,
            "Tk keypad of our own, dark: a display showing 1,284.50, memory keys, flat dark keys with "
            "light JetBrains Mono bold labels; Nightmare-02 theme",
            [
                SpecWindow(
                    "Till Calculator",
                    (1100, 240),
                    spec={
                        "font": ["JetBrains Mono", 13, "bold"],
                        "bg": "#23262b",
                        "fg": "#e8e8e8",
                        "body": [
                            {
                                "type": "display",
                                "text": "1,284.50",
                                "font": ["JetBrains Mono", 22],
                                "bg": "#101214",
                                "fg": "#9fe870",
                            },
                            {
                                "type": "grid",
                                "rows": TK_KEYS,
                                "button_bg": "#3a3f47",
                                "button_fg": "#f0f0f0",
                                "relief": "flat",
                                "bd": 0,
                                "gap": 3,
                                "width": 4,
                            },
                        ],
                    },
                )
            ],
            theme="Nightmare-02",
            background="#15181c",
            half="A",
        ),
        Scene(
            "calc-qt-cantarell-sci",
            "calculator",
            WX,
            "Qt (Fusion) scientific keypad of our own in Cantarell: a display with an expression's "
            "result, flat pale-blue keys with rounded corners from a style sheet; Clearlooks-3.4 theme",
            [
                SpecWindow(
                    "Scientific",
                    (380, 90),
                    toolkit="qt",
                    spec={
                        "font": ["Cantarell", 12],
                        "body": [
                            {"type": "label", "text": "sqrt(2) * 17.5 ="},
                            {"type": "display", "text": "24.7487373", "font": ["Cantarell", 22]},
                            {
                                "type": "grid",
                                "rows": QT_KEYS,
                                "key_w": 70,
                                "key_h": 44,
                                "gap": 6,
                                "style_sheet": "QPushButton { background: #e6eef8; color: #1d3557; "
                                "border: 1px solid #9fb3c8; border-radius: 6px; }",
                            },
                        ],
                    },
                )
            ],
            order=["sqrt(2)", "24.7487373", "sin cos tan"],
            theme="Clearlooks-3.4",
            background="#506070",
            half="A",
        ),
    ]


# ---- several windows ---------------------------------------------------------------------------------
SOUP = """Leek and potato soup (serves 4)

2 leeks, washed and sliced
3 medium potatoes, diced
1 onion, chopped
1 litre vegetable stock
100 ml single cream
salt, pepper, a little butter

Soften the onion and leeks in butter for ten minutes.
Add potatoes and stock; simmer for twenty minutes.
Blend, stir in the cream, season to taste.
"""

KITCHEN_LOG = """08:02 oven 1 on, 220 C
08:15 delivery: flour 4 sacks, butter 6 kg
08:40 soup batch 1 started
09:05 fridge 2 at 4.5 C (checked)
09:30 soup batch 1 done, 12 litres
09:31 soup batch 2 started
10:10 dishwasher fault: rinse aid empty
10:12 rinse aid refilled
10:45 lunch prep: sandwiches 40
"""

ARTICLE = [
    "The village hall committee met on Tuesday to plan the summer fair. Forty stalls have been "
    "booked so far, up from thirty-two last year, and the plant sale will move to the car park.",
    "Parking on the green is not allowed on the day. Visitors are asked to use the school field, "
    "which opens at nine, or to come by the number 14 bus, which runs every half hour.",
    "Volunteers are still needed for the tea tent, the tombola and setting up the marquee on "
    "Friday evening. Anyone who can help should sign the list in the post office.",
    "The committee thanked the Women's Institute for the new curtains, and Mr Evans for "
    "repairing the piano in time for the dance.",
    "The next meeting is on 2 July at 7.30 pm. Minutes of this meeting will be posted on the "
    "notice board by the end of the week.",
]

TIMETABLE = [
    ["Route", "Destination", "Departs", "Stand", "Every"],
    ["14", "Hill Top via Market", "09:05", "A", "30 min"],
    ["14A", "Riverside", "09:12", "A", "60 min"],
    ["22", "Station Road", "09:20", "B", "20 min"],
    ["7", "Old Town", "09:24", "C", "15 min"],
    ["31", "Harbour Street", "09:35", "B", "30 min"],
    ["22", "Station Road", "09:40", "B", "20 min"],
    ["X9", "Airport", "09:50", "D", "60 min"],
]
TIMETABLE_CSS = """
table.z { border: 1px solid #b0b8c0; }
table.z th { background: #f1c40f; color: #1a1a1a; }
table.z tr:nth-child(odd) td { background: #f6f6f6; }
table.z td:nth-child(3) { text-align: right; }
"""


def _windows() -> list[Scene]:
    return [
        Scene(
            "multi-terms-nano-ls-side",
            "multi-window",
            HD,
            "two xterms side by side: nano with line numbers on a soup recipe (JetBrains Mono 10, "
            "dark), the cursor on a word; an active light xterm (Fira Code 10) with ls -l --color and "
            "a kitchen log; lines on the same rows; Bear2 theme",
            [
                Tui(
                    "cook@kitchen: ~/recipes",
                    (40, 80),
                    cols=104,
                    rows=40,
                    font=("JetBrains Mono", 10),
                    fg="#e0e0e0",
                    bg="#1d1f21",
                    prompt="cook@kitchen:~/recipes$ ",
                    workdir="recipes",
                    setup=text_file("leek-soup.txt", SOUP),
                    commands=["nano -l +10,12 leek-soup.txt"],
                ),
                Tui(
                    "cook@kitchen: ~/log",
                    (980, 80),
                    cols=100,
                    rows=40,
                    font=("Fira Code", 10),
                    prompt="cook@kitchen:~/log$ ",
                    workdir="log",
                    setup=both(
                        text_file("today.log", KITCHEN_LOG, "2024-06-07 10:45"),
                        make_files(
                            [
                                ("fridge-temps.csv", 2210, "2024-06-07 09:05", 0o644),
                                ("orders", -1, "2024-06-06 16:00", 0o755),
                                ("rota.pdf", 48211, "2024-06-03 08:30", 0o644),
                                ("stocktake.sh", 845, "2024-05-30 21:10", 0o755),
                            ]
                        ),
                    ),
                    commands=["clear; ls -l --color=always", "tail -n 6 today.log"],
                ),
            ],
            order=["tail -n 6 today.log", "GNU nano", "Leek and potato soup"],
            theme="Bear2",
            background="#384048",
            half="A",
        ),
        Scene(
            "multi-qt-msgbox-over-article",
            "multi-window",
            HD,
            "a Chromium page of a village newsletter (Carlito 17), an active Qt message box (Fusion, "
            "warning icon, detailed text) over the right half of its paragraphs; Clearlooks-Olive theme",
            [
                Page(
                    "Village News",
                    (140, 70),
                    html=page(
                        "Village News",
                        "<h1>Summer fair: what we know so far</h1>" + paragraphs(ARTICLE),
                        "p { max-width: 1050px; }",
                        font="'Carlito'",
                        size=17,
                    ),
                    size=(1200, 520),
                ),
                SpecWindow(
                    "Leave Page",
                    (700, 210),
                    toolkit="qt",
                    spec={
                        "messagebox": {
                            "icon": "warning",
                            "text": "You have not sent your reply to the committee.",
                            "informative": "If you leave this page, what you wrote will be lost.",
                            "buttons": [["Stay", "reject"], ["Leave", "destructive"]],
                        },
                    },
                ),
            ],
            order=["You have not sent your reply", "Summer fair: what we know so far", "The village hall"],
            theme="Clearlooks-Olive",
            background="#3b4232",
            half="A",
        ),
        Scene(
            "multi-vim-tk-xcalc",
            "multi-window",
            HD,
            "three programs over one another: an xterm (Noto Mono 11) with vim on a kitchen log, a Tk "
            "striped table of volunteer hours over its right part, an active xcalc over the table's "
            "lower right; Mikachu theme",
            [
                Tui(
                    "cook@kitchen: ~/log",
                    (60, 60),
                    cols=110,
                    rows=34,
                    font=("Noto Mono", 11),
                    prompt="cook@kitchen:~/log$ ",
                    workdir="log",
                    setup=text_file("today.log", KITCHEN_LOG),
                    commands=["vim -u NONE -i NONE -N -c 'set number ruler laststatus=2' today.log"],
                ),
                SpecWindow(
                    "Volunteer Hours",
                    (400, 170),
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "label", "text": "Hours this week"},
                            {
                                "type": "striped_table",
                                "columns": HOURS[0],
                                "rows": HOURS[1:7],
                                "selected": 3,
                                "right": [2, 3, 4, 5, 6],
                            },
                            {"type": "buttons", "items": ["Print", "Close"]},
                        ],
                    },
                ),
                xcalc((880, 400), color=True),
            ],
            order=["Hours this week", "Volunteer Team Mon", "08:02 oven 1 on"],
            theme="Mikachu",
            background="#2f3a2f",
            half="A",
        ),
        Scene(
            "multi-page-tk-print-term",
            "multi-window",
            WX,
            "three programs: a Chromium bus timetable (a yellow header row, stripes, right-aligned "
            "times), an active Tk print dialog over its lower half, a small xterm (DejaVu Sans Mono 9, "
            "dark) at the right with cat of notes; Syscrash theme",
            [
                Tui(
                    "sam@stop: ~",
                    (830, 420),
                    cols=48,
                    rows=14,
                    font=("DejaVu Sans Mono", 9),
                    fg="#dddddd",
                    bg="#202020",
                    prompt="sam@stop:~$ ",
                    setup=text_file(
                        "notes.txt",
                        "Bus pass renews on 30 June.\nStand D moved to the car park.\nNo X9 on Sundays.\n",
                    ),
                    commands=["clear; cat notes.txt"],
                ),
                Page(
                    "Departures",
                    (40, 40),
                    html=page(
                        "Departures",
                        "<h1>Next departures from Market Square</h1>"
                        + html_table(TIMETABLE, cls="z")
                        + "<p style='margin-top:14px'>Times are live. Stand D is in the car park.</p>",
                        TIMETABLE_CSS,
                        font="'DejaVu Sans'",
                        size=14,
                    ),
                    size=(760, 460),
                ),
                SpecWindow(
                    "Print",
                    (230, 330),
                    spec={
                        "font": ["DejaVu Sans", 9],
                        "body": [
                            {"type": "label", "text": "Printer: Office LaserJet (2nd floor)"},
                            {
                                "type": "checks",
                                "items": [["Only the next hour", True], ["Print in colour", False]],
                            },
                            {"type": "buttons", "items": ["Cancel", "Print"]},
                        ],
                    },
                ),
            ],
            order=["Printer: Office LaserJet", "Next departures from Market Square", "Route Destination"],
            theme="Syscrash",
            background="#2a2a2a",
            half="A",
        ),
    ]
