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
    return [*_terminals()]
