"""Session 19's fresh screens for half A (helper "moreA7"): two window managers the set had not used
(metacity 3.46 with metacity-1 themes of the metacity-themes package and GTK 3's Adwaita, and fvwm
2.7 with looks of ours), no panel; terminal listings (`ls -l`, `ps`, `df`, `git log --oneline`),
man pages, full-screen text programs (nano, vim, htop, mc, dialog, whiptail), Tk, Qt, zenity and
yad dialogs with buttons, calculators, Chromium tables (with and without borders), a form, an
article in two columns, dark themes, and several windows at once, in fonts the set had used little
or not at all (Spleen 6x12, Glass TTY VT220, monofur, Tlwg Mono, CMU Typewriter, Nimbus Mono PS,
Spleen 12x24, IBM 3270 Semi-Condensed; Inter, EB Garamond, Gentium, Roboto Condensed, Noto Serif,
CMU Sans Serif in the windows and title bars).

Chosen without looking at half B. All in half **A**. Imported by ``scenes.py`` (its ``SCENES``).
Every word is written here, or is what a program draws about files made here (terminal words are
what tmux says the terminal shows, never OCR).
"""

from __future__ import annotations

import shlex

from pages import form as html_form
from pages import page
from pages import table as html_table
from programs import Page, SpecWindow, gtk_dialog, xcalc, xmessage
from scenes import HD, NS_DISKS, NS_PROCS, WX, Scene, both, make_files, text_file
from scenes_tui_a import CURSES, MC_INI, PARENT_DATE, Tui, dialog_cmd, files_in, home_file, mc_rows, stamped

# ---- content: terminals ----------------------------------------------------------------------------
SCORES = [
    ("bach-cantata-147.pdf", 1843211, "2024-04-02 19:40", 0o644),
    ("britten-ceremony.pdf", 2210934, "2024-03-28 08:12", 0o644),
    ("faure-requiem-vocal.pdf", 3302871, "2024-02-17 11:05", 0o644),
    ("parts", -1, "2024-04-05 21:30", 0o755),
    ("rehearsal-plan.odt", 28410, "2024-04-06 09:15", 0o644),
    ("seating-chart.png", 412087, "2024-04-01 17:48", 0o644),
    ("tallis-spem-40.pdf", 5120332, "2024-01-09 14:22", 0o600),
    ("warmups.mp3", 7340512, "2023-12-11 10:01", 0o644),
]

REPO_SCRIPT = """#!/bin/bash
set -e
export GIT_AUTHOR_NAME='Ruth Okoye' GIT_AUTHOR_EMAIL=ruth@example.org
export GIT_COMMITTER_NAME='Ruth Okoye' GIT_COMMITTER_EMAIL=ruth@example.org
git init -q -b main tide-tables
cd tide-tables
c() {
  echo "$2" >> CHANGES
  git add CHANGES
  GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git commit -q -m "$2"
}
c '2024-05-01T08:00:00Z' 'Import the harbour tide tables for May'
c '2024-05-02T10:20:00Z' 'Add heights in metres next to feet'
c '2024-05-04T16:45:00Z' 'Fix the date of the spring tide'
c '2024-05-07T09:05:00Z' 'Show sunrise and sunset times'
c '2024-05-09T13:30:00Z' 'Mark the days the slipway floods'
c '2024-05-12T18:10:00Z' 'Print two weeks on one page'
c '2024-05-15T07:55:00Z' 'Round heights to one decimal place'
git tag v1.0
clear
"""

FERRY_NOTES = """Ferry crew rota, June

Mon  Skipper: A. Lindqvist   Deck: M. Osei, T. Brand
Tue  Skipper: J. Moreno      Deck: P. Quinn, L. Haas
Wed  Skipper: A. Lindqvist   Deck: R. Iqbal, T. Brand
Thu  Skipper: S. Novak       Deck: M. Osei, K. Dahl
Fri  Skipper: J. Moreno      Deck: P. Quinn, R. Iqbal

Lifejacket check every Monday before the 07:10 sailing.
Fuel is ordered on Thursdays; the tanker comes at noon.
"""

VIM_CONF = """# lighthouse museum kiosk
[display]
brightness = 70
rotate = 90
sleep_after = 15min

[slides]
folder = /srv/kiosk/slides
seconds_each = 12
order = shuffle

[network]
ssid = museum-guest
proxy = none
"""

CELLAR = [
    ("cider-2023", -1, "2024-02-11 10:40", 0o755),
    ("perry-trial", -1, "2024-03-02 16:05", 0o755),
    ("bottling-log.csv", 18422, "2024-04-20 18:12", 0o644),
    ("hydrometer.txt", 2310, "2024-04-21 08:30", 0o644),
    ("labels-draft.svg", 96411, "2024-04-18 22:47", 0o644),
]
ORCHARD = [
    ("graft-notes.md", 4120, "2024-03-14 12:00", 0o644),
    ("pruning-map.pdf", 1204488, "2024-01-30 15:20", 0o644),
    ("tree-list.ods", 31870, "2024-02-26 09:45", 0o644),
]

MENU_ITEMS = [
    ("1", "Rotate the backup disks"),
    ("2", "Renew the web certificate"),
    ("3", "Clean the print queue"),
    ("4", "Restart the mail relay"),
    ("5", "Show disk usage"),
]


def _terminals() -> list[Scene]:
    return [
        Scene(
            "term-metacity-ls-spleen6",
            "terminal",
            WX,
            "xterm (Spleen 6x12, a small bitmap font, black on white) listing a choir's score folder "
            "with ls -l --time-style=long-iso; metacity, Redmond theme",
            [
                Tui(
                    "ada@choir: ~/scores",
                    (150, 90),
                    cols=86,
                    rows=22,
                    font=("Spleen 6x12", 9),
                    prompt="ada@choir:~/scores$ ",
                    workdir="scores",
                    setup=make_files(SCORES),
                    commands=["ls -l --time-style=long-iso"],
                    parse_ls=True,
                )
            ],
            order=["ls -l --time-style=long-iso", "bach-cantata-147.pdf", "warmups.mp3"],
            theme="Redmond",
            background="#3a6ea5",
            half="A",
            wm="metacity",
        ),
        Scene(
            "term-fvwm-ps-glasstty",
            "terminal",
            HD,
            "xterm (Glass TTY VT220 20, green on black): ps -eo pid,user,stat,comm of a PID "
            "namespace of ours; fvwm, 'console' look of ours",
            [
                Tui(
                    "root@relay: ~",
                    (200, 120),
                    cols=72,
                    rows=22,
                    font=("Glass TTY VT220", 20),
                    fg="#40ff70",
                    bg="#000000",
                    prompt="root@relay:~# ",
                    commands=["ps -eo pid,user,stat,comm"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 4),
                )
            ],
            order=["ps -eo pid,user,stat,comm", "PID USER STAT COMMAND"],
            theme="console",
            background="#0c1a0c",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "term-metacity-df-monofur",
            "terminal",
            WX,
            "xterm (monofur 13, light grey on charcoal): df -h of disks named sda1, sdb1, "
            "nvme0n1p1, mmcblk0p1, nas:/volume1 (tmpfs of its own mount namespace), then ls; "
            "metacity, OutlineCoal theme",
            [
                Tui(
                    "root@nas: /srv",
                    (110, 80),
                    cols=84,
                    rows=20,
                    font=("monofur", 13),
                    fg="#dcdcdc",
                    bg="#26282b",
                    prompt="root@nas:/srv# ",
                    workdir="srv",
                    commands=["df -h /srv/*", "ls /srv"],
                    namespace=NS_DISKS,
                    parse_table=("Filesystem Size", 6),
                )
            ],
            order=["df -h /srv/*", "Filesystem Size Used Avail", "ls /srv"],
            theme="OutlineCoal",
            background="#30343a",
            half="A",
            wm="metacity",
        ),
        Scene(
            "term-fvwm-git-log-tlwg",
            "terminal",
            WX,
            "xterm (Tlwg Mono 12) in a repository of ours: git log --oneline --decorate, then "
            "git status --short --branch; fvwm, 'slate' look of ours",
            [
                Tui(
                    "ruth@quay: ~",
                    (120, 100),
                    cols=80,
                    rows=20,
                    font=("Tlwg Mono", 12),
                    fg="#1e1e1e",
                    bg="#f4f6f8",
                    prompt="ruth@quay:~/tide-tables$ ",
                    setup=text_file("mkrepo.sh", REPO_SCRIPT),
                    commands=[
                        "bash mkrepo.sh && cd tide-tables",
                        "git --no-pager log --oneline --decorate --color=never",
                        "git status --short --branch",
                    ],
                )
            ],
            order=[
                "git --no-pager log --oneline",
                "Round heights to one decimal place",
                "Import the harbour tide tables for May",
                "git status --short --branch",
            ],
            theme="slate",
            background="#283038",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "man-metacity-sed-cmu",
            "man",
            HD,
            "man sed in xterm (CMU Typewriter Text 15, black on ivory), first page with less's "
            "prompt; metacity, Alloy theme",
            [
                Tui(
                    "man sed",
                    (260, 80),
                    cols=96,
                    rows=36,
                    font=("CMU Typewriter Text", 15),
                    fg="#111111",
                    bg="#fffff4",
                    commands=["man sed"],
                )
            ],
            order=["sed - stream editor for filtering", "SYNOPSIS", "Manual page sed(1)"],
            theme="Alloy",
            background="#505a64",
            half="A",
            wm="metacity",
        ),
        Scene(
            "man-fvwm-wc-nimbus-mono",
            "man",
            WX,
            "man wc in xterm (Nimbus Mono PS 12, a thin Courier, dark brown on cream), first page "
            "with less's prompt; fvwm, 'parchment' look of ours",
            [
                Tui(
                    "man wc",
                    (90, 50),
                    cols=88,
                    rows=30,
                    font=("Nimbus Mono PS", 12),
                    fg="#2a1a0a",
                    bg="#fbf5e6",
                    commands=["man wc"],
                )
            ],
            order=["wc - print newline, word, and byte counts", "Manual page wc(1)"],
            theme="parchment",
            background="#4a4034",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "term-fvwm-nano-spleen-ferry",
            "terminal",
            HD,
            "xterm (Spleen 12x24, a bitmap font, white on dark blue) running nano on a ferry crew "
            "rota: the title bar, lines, both key-bar lines; fvwm, 'classic' look of ours",
            [
                Tui(
                    "crew@pier: ~",
                    (160, 70),
                    cols=96,
                    rows=30,
                    font=("Spleen 12x24", 18),
                    fg="#f0f0f0",
                    bg="#10243e",
                    prompt="crew@pier:~$ ",
                    setup=text_file("rota-june.txt", FERRY_NOTES),
                    commands=["nano rota-june.txt"],
                )
            ],
            order=[
                "GNU nano",
                "Ferry crew rota, June",
                "Lifejacket check every Monday",
                "^G Help",
                "^X Exit",
            ],
            theme="classic",
            background="#3c4450",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "term-metacity-vim-notomono-dark",
            "terminal",
            HD,
            "xterm (Noto Mono 14, light on near-black) running vim on a kiosk's settings file with "
            "line numbers and the status line; metacity, mcblue theme",
            [
                Tui(
                    "kiosk@museum: ~",
                    (240, 100),
                    cols=90,
                    rows=28,
                    font=("Noto Mono", 14),
                    fg="#e4e4e4",
                    bg="#141414",
                    prompt="kiosk@museum:~$ ",
                    setup=text_file("kiosk.ini", VIM_CONF),
                    commands=["vim -u NONE -i NONE -N -c 'set number laststatus=2 ruler' kiosk.ini"],
                )
            ],
            order=["lighthouse museum kiosk", "brightness = 70", "ssid = museum-guest", "kiosk.ini 1,1 All"],
            theme="mcblue",
            background="#1c2838",
            half="A",
            wm="metacity",
        ),
        Scene(
            "term-fvwm-htop-3270",
            "terminal",
            WX,
            "xterm (IBM 3270 Semi-Condensed 14, on black) running htop in a PID namespace of ours: "
            "meters, the process table, the key bar; fvwm, 'slate' look of ours",
            [
                Tui(
                    "root@relay: ~",
                    (40, 50),
                    cols=130,
                    rows=30,
                    font=("IBM 3270 Semi\\-Condensed", 14),
                    fg="#e8e8e8",
                    bg="#000000",
                    prompt="root@relay:~# ",
                    commands=["htop -d 600"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 12),
                    env=CURSES,
                )
            ],
            order=["PID USER", "F1 Help", "F10 Quit"],
            theme="slate",
            background="#202428",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "term-metacity-mc-tlwg-cellar",
            "terminal",
            WX,
            "xterm (Tlwg Mono 11) running Midnight Commander in its default skin: two panels of "
            "folders of ours (~/cellar, ~/orchard), the menu bar, the key bar; metacity, Watercolor "
            "theme",
            [
                Tui(
                    "tom@barn: ~",
                    (40, 30),
                    cols=120,
                    rows=34,
                    font=("Tlwg Mono", 11),
                    prompt="tom@barn:~$ ",
                    workdir="work",
                    setup=both(
                        home_file(".config/mc/ini", MC_INI),
                        files_in("cellar", CELLAR),
                        files_in("orchard", ORCHARD),
                        stamped(PARENT_DATE),
                    ),
                    commands=["mc -u cellar orchard"],
                    env={**CURSES, "TERM": "xterm-256color"},
                    table_rows=[mc_rows(CELLAR), mc_rows(ORCHARD)],
                )
            ],
            order=["Left File Command Options Right", "/cider-2023", "labels-draft.svg"],
            theme="Watercolor",
            background="#5a6a78",
            half="A",
            wm="metacity",
        ),
        Scene(
            "dlg-fvwm-whiptail-menu-3270",
            "dialog",
            WX,
            "xterm (IBM 3270 16) running whiptail --menu (newt's colours): five numbered tasks, the "
            "second highlighted, Ok and Cancel; fvwm, 'classic' look of ours",
            [
                Tui(
                    "ops@gate: ~",
                    (100, 60),
                    cols=84,
                    rows=24,
                    font=("IBM 3270", 16),
                    prompt="ops@gate:~$ ",
                    commands=[
                        "whiptail "
                        + " ".join(
                            shlex.quote(a)
                            for a in [
                                "--backtitle",
                                "Gatehouse server jobs",
                                "--title",
                                "Tonight",
                                "--default-item",
                                "2",
                                "--menu",
                                "Pick the job to run after midnight:",
                                "15",
                                "58",
                                "5",
                                *(x for item in MENU_ITEMS for x in item),
                            ]
                        )
                    ],
                    env=CURSES,
                    table_rows=[[[n, d] for n, d in MENU_ITEMS]],
                )
            ],
            order=["Gatehouse server jobs", "Pick the job to run", "1 Rotate the backup disks"],
            theme="classic",
            background="#40464e",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "dlg-metacity-dialog-yesno-cmu",
            "dialog",
            WX,
            "xterm (CMU Typewriter Text 14) running dialog --yesno: a back title, a boxed question "
            "of three lines, Yes and No; metacity, Urbicande theme",
            [
                Tui(
                    "ops@gate: ~",
                    (160, 90),
                    cols=80,
                    rows=24,
                    font=("CMU Typewriter Text", 14),
                    prompt="ops@gate:~$ ",
                    commands=[
                        dialog_cmd(
                            [
                                "--backtitle",
                                "Gatehouse server upgrade",
                                "--title",
                                "Reboot needed",
                                "--yesno",
                                "The new kernel is installed.\\n"
                                "Reboot the gatehouse server now?\\n"
                                "Two users are still logged in.",
                                "9",
                                "46",
                            ]
                        )
                    ],
                    env=CURSES,
                )
            ],
            order=["Gatehouse server upgrade", "Reboot needed", "The new kernel is installed"],
            theme="Urbicande",
            background="#707070",
            half="A",
            wm="metacity",
        ),
    ]


# ---- content: dialogs, calculators, pages ----------------------------------------------------------
SEEDS = [
    ["Variety", "Crop", "Sow", "Packets", "Price"],
    ["Boltardy", "Beetroot", "March", "3", "2.10"],
    ["Nantes 2", "Carrot", "April", "4", "1.85"],
    ["Red Baron", "Onion", "March", "2", "2.40"],
    ["Kelvedon Wonder", "Pea", "April", "5", "2.95"],
    ["Cobra", "Climbing bean", "May", "2", "3.20"],
    ["Tom Thumb", "Lettuce", "April", "3", "1.60"],
    ["Sungold", "Tomato", "February", "1", "3.75"],
]

BUSES = [
    ["Route", "From", "To", "First", "Last", "Every"],
    ["4", "Station", "Hospital", "05:50", "23:10", "10 min"],
    ["11", "Market Square", "Airport", "04:40", "00:30", "20 min"],
    ["17A", "University", "Retail Park", "06:15", "22:45", "15 min"],
    ["23", "Harbour", "Hill Top", "06:00", "19:30", "30 min"],
    ["36", "Old Town", "Business Park", "07:05", "18:55", "12 min"],
    ["N8", "City Centre", "Riverside", "23:30", "04:30", "hourly"],
]

BIRDS = [
    ["Species", "Site", "Count", "Observer"],
    ["Curlew", "North marsh", "14", "E. Marsh"],
    ["Lapwing", "Wet meadow", "32", "D. Finch"],
    ["Redshank", "Saltings", "9", "E. Marsh"],
    ["Little egret", "Creek mouth", "3", "O. Reyes"],
    ["Brent goose", "Mudflats", "210", "O. Reyes"],
    ["Avocet", "Lagoon", "18", "D. Finch"],
]

ARTICLE_LEFT = [
    "The old rope works by the river closed in 1962, and for forty years its long shed stood empty.",
    "Last spring a group of neighbours asked the council for a lease. They wanted a place to mend "
    "boats, to store canoes and to teach children to splice a line.",
    "The roof came first. Volunteers replaced nine hundred slates over six weekends, and a local "
    "firm lent the scaffolding for nothing.",
]
ARTICLE_RIGHT = [
    "Inside, the walk where the rope was laid out is a hundred and twenty metres long. It now holds "
    "a workshop at one end and a small cafe at the other.",
    "The first course, on knots and splices, filled in two days. A second course on sail repair "
    "starts in September.",
    "The shed opens to visitors on Saturdays from ten until four. Entry is free; donations pay for "
    "the heating.",
]

_SCI = [
    ["MC", "MR", "M+", "C", "AC"],
    ["sin", "cos", "tan", "x²", "√"],
    ["7", "8", "9", "÷", "%"],
    ["4", "5", "6", "×", "1/x"],
    ["1", "2", "3", "−", "±"],
    ["0", ".", "Exp", "+", "="],
]


def _dialogs_pages() -> list[Scene]:
    return [
        Scene(
            "dlg-metacity-yad-three-dark",
            "dialog",
            WX,
            "yad in GTK 3 Adwaita dark: two lines of text and three buttons; metacity, GTK "
            "(Adwaita) title bar",
            [
                gtk_dialog(
                    "Unsent Invoices",
                    (380, 260),
                    "yad",
                    [
                        "--text",
                        "Three invoices for April were never sent.\\nSend them before closing the books?",
                        "--width",
                        "460",
                        "--button",
                        "Send All:0",
                        "--button",
                        "Review:2",
                        "--button",
                        "Later:1",
                    ],
                    ["Three invoices for April were never sent.", "Send them before closing the books?"],
                    ["Send All", "Review", "Later"],
                    dark=True,
                )
            ],
            order=["Three invoices for April", "Send them before closing"],
            theme="Adwaita",
            background="#202830",
            half="A",
            wm="metacity",
        ),
        Scene(
            "dlg-fvwm-qt-question-inter",
            "dialog",
            HD,
            "a Qt QMessageBox question (Fusion, Inter 11): a question, an informative line, three "
            "buttons; fvwm, 'parchment' look of ours",
            [
                SpecWindow(
                    "Close Register",
                    (700, 380),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Inter", 11],
                        "messagebox": {
                            "icon": "question",
                            "text": "Close the till register for Saturday?",
                            "informative": "The float of 150.00 is counted and matches.",
                            "buttons": [
                                ["Close Till", "accept"],
                                ["Count Again", "action"],
                                ["Cancel", "reject"],
                            ],
                        },
                    },
                )
            ],
            order=["Close the till register", "The float of 150.00"],
            theme="parchment",
            background="#3e3628",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "calc-metacity-xcalc-brushed",
            "calculator",
            WX,
            "xcalc in TI-30 mode, monochrome, at its default font; metacity, BrushedMetal theme",
            [xcalc((480, 180))],
            theme="BrushedMetal",
            background="#505860",
            half="A",
            wm="metacity",
        ),
        Scene(
            "calc-fvwm-qt-keypad-inter",
            "calculator",
            HD,
            "a Qt keypad of ours (Fusion, Inter 12): a display over 30 keys of a scientific "
            "calculator; fvwm, 'slate' look of ours",
            [
                SpecWindow(
                    "Scientific",
                    (760, 240),
                    toolkit="qt",
                    spec={
                        "font": ["Inter", 12],
                        "body": [
                            {"type": "display", "text": "1482.5", "font": ["Inter", 20]},
                            {"type": "grid", "rows": _SCI, "key_w": 64, "key_h": 44, "gap": 6},
                        ],
                    },
                )
            ],
            theme="slate",
            background="#283038",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "table-metacity-chromium-plain-garamond",
            "table",
            WX,
            "a Chromium page (EB Garamond 18) of a seed order: a heading, a line, a table without "
            "borders (a bold header row over a rule, numbers right-aligned), a closing line; "
            "metacity, Urbicande theme",
            [
                Page(
                    "Seed Order",
                    (120, 60),
                    html=page(
                        "Seed Order",
                        "<h2>Seed order for the community garden</h2>"
                        "<p>Sent to Hedgerow Seeds on 12 January.</p>"
                        + html_table(SEEDS, cls="seeds")
                        + "<p>Delivery is expected within ten days.</p>",
                        ".seeds { border-collapse: collapse; } .seeds th { text-align: left; "
                        "border-bottom: 2px solid #333; padding: 4px 22px 4px 0; } .seeds td { "
                        "padding: 3px 22px 3px 0; } .seeds td:nth-child(4), .seeds td:nth-child(5) "
                        "{ text-align: right; }",
                        font="'EB Garamond'",
                        size=18,
                    ),
                    size=(900, 620),
                )
            ],
            order=[
                "Seed order for the community garden",
                "Variety Crop Sow",
                "Boltardy Beetroot March",
                "Sungold Tomato February",
                "Delivery is expected",
            ],
            theme="Urbicande",
            background="#606060",
            half="A",
            wm="metacity",
        ),
        Scene(
            "table-fvwm-chromium-grid-buses",
            "table",
            HD,
            "a Chromium page (Inter 15) of bus routes: a heading, a line, a table with a border on "
            "every cell and a shaded header row; fvwm, 'classic' look of ours",
            [
                Page(
                    "Bus Routes",
                    (200, 120),
                    html=page(
                        "Bus Routes",
                        "<h2>City bus routes, summer timetable</h2>"
                        "<p>Valid from 1 June until 31 August.</p>"
                        + html_table(BUSES, cls="bus")
                        + "<p>Night route N8 runs on Fridays and Saturdays only.</p>",
                        ".bus { border-collapse: collapse; } .bus th, .bus td { border: 1px solid "
                        "#777; padding: 6px 16px; text-align: left; } .bus th { background: #d8dde6; }",
                        font="'Inter'",
                        size=15,
                    ),
                    size=(1100, 600),
                )
            ],
            order=[
                "City bus routes, summer timetable",
                "Route From To",
                "4 Station Hospital",
                "N8 City Centre Riverside",
                "Night route N8 runs",
            ],
            theme="classic",
            background="#46505c",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "table-metacity-tk-gentium-birds",
            "table",
            WX,
            "a Tk ttk Treeview (Gentium 12) of a bird count: a line, a striped table with a "
            "selected row, two buttons; metacity, Alloy theme",
            [
                SpecWindow(
                    "Estuary Count",
                    (200, 120),
                    spec={
                        "font": ["Gentium", 12],
                        "body": [
                            {"type": "label", "text": "High-tide roost count, Sunday 14 January"},
                            {
                                "type": "striped_table",
                                "columns": BIRDS[0],
                                "rows": BIRDS[1:],
                                "selected": 3,
                                "stripe": "#eef3e6",
                                "heading_bg": "#4a5a3a",
                                "heading_fg": "#ffffff",
                                "select_bg": "#c6d8f0",
                                "select_fg": "#000000",
                                "col_pad": 24,
                            },
                            {"type": "buttons", "items": ["Add Sighting", "Close"]},
                        ],
                    },
                )
            ],
            order=["High-tide roost count", "Species Site Count", "Curlew North marsh", "Avocet Lagoon"],
            theme="Alloy",
            background="#4c5458",
            half="A",
            wm="metacity",
        ),
        Scene(
            "page-fvwm-two-columns-garamond",
            "article",
            HD,
            "a Chromium article in two columns (EB Garamond 19): a heading over both, three "
            "paragraphs in each column; fvwm, 'parchment' look of ours",
            [
                Page(
                    "Rope Works",
                    (220, 90),
                    html=page(
                        "Rope Works",
                        "<h1>The rope works opens its doors</h1>"
                        "<div style='display:flex; gap:56px'>"
                        "<div style='flex:1'>" + "".join(f"<p>{t}</p>" for t in ARTICLE_LEFT) + "</div>"
                        "<div style='flex:1'>" + "".join(f"<p>{t}</p>" for t in ARTICLE_RIGHT) + "</div>"
                        "</div>",
                        "h1 { font-size: 30px; }",
                        font="'EB Garamond'",
                        size=19,
                    ),
                    size=(1300, 760),
                )
            ],
            order=[
                "The rope works opens its doors",
                "The old rope works by the river",
                "to splice a line",
                "lent the scaffolding for nothing",
                "Inside, the walk where the rope",
                "donations pay for the heating",
            ],
            theme="parchment",
            background="#4a4034",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "form-metacity-chromium-dark-inter",
            "form",
            HD,
            "a dark Chromium page (Inter 15): a club membership form with labels, filled fields, a "
            "choice, a check box and two buttons; metacity, GTK (Adwaita) title bar",
            [
                Page(
                    "Join the Club",
                    (420, 120),
                    html=page(
                        "Join the Club",
                        "<h2>Rowing club membership</h2>"
                        "<p>Fill in the form; the treasurer will send a receipt.</p>"
                        + html_form(
                            [
                                ("Full name", "text", "Imogen Castellano"),
                                ("Email", "text", "imogen@example.org"),
                                ("Membership", "select", "Adult, sculling"),
                                ("Emergency contact", "placeholder", "name and phone"),
                                ("I can swim 50 metres", "check", ""),
                            ],
                            cls="join",
                        )
                        + "<p><button>Cancel</button> <button>Send Form</button></p>",
                        ".join label { display: inline-block; width: 200px; } "
                        ".join .check label { width: auto; } .join div { margin: 12px 0; } "
                        "input, select { background: #2a2e36; color: #e8e8e8; border: 1px solid #5a606c; "
                        "padding: 5px; font: inherit; width: 320px; } input[type=checkbox] { width: auto; } "
                        "button { background: #3b5c8a; color: #fff; border: 0; padding: 8px 18px; "
                        "font: inherit; }",
                        font="'Inter'",
                        size=15,
                        fg="#e6e6e6",
                        bg="#1b1e24",
                    ),
                    size=(1000, 620),
                )
            ],
            order=["Rowing club membership", "Fill in the form", "Full name", "Emergency contact"],
            theme="Adwaita",
            background="#141820",
            half="A",
            wm="metacity",
        ),
    ]


# ---- several windows -------------------------------------------------------------------------------
def _several() -> list[Scene]:
    return [
        Scene(
            "multi-metacity-three-cascade",
            "multi-window",
            HD,
            "three windows in a cascade under metacity (Redmond): xterm (monofur 13) with ls -l of "
            "the scores, a Tk note (Noto Serif 11) over its lines' right ends, an active Qt message "
            "(Fusion, Roboto Condensed 12) over the note's lower right",
            [
                Tui(
                    "ada@choir: ~/scores",
                    (60, 60),
                    cols=84,
                    rows=24,
                    font=("monofur", 13),
                    prompt="ada@choir:~/scores$ ",
                    workdir="scores",
                    setup=make_files(SCORES),
                    commands=["ls -l"],
                    parse_ls=True,
                ),
                SpecWindow(
                    "Rehearsal",
                    (560, 230),
                    spec={
                        "font": ["Noto Serif", 11],
                        "body": [
                            {"type": "label", "text": "Thursday: Faure, Sanctus and Pie Jesu."},
                            {"type": "label", "text": "Sopranos bring the new pencil copies."},
                            {"type": "buttons", "items": ["Print", "OK"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Hall Booking",
                    (790, 340),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Roboto Condensed", 12],
                        "messagebox": {
                            "icon": "information",
                            "text": "The church hall is booked for the concert on 18 May.",
                            "buttons": [["OK", "accept"]],
                        },
                    },
                ),
            ],
            order=["The church hall is booked", "Thursday: Faure, Sanctus", "bach-cantata-147.pdf"],
            theme="Redmond",
            background="#2a5a8a",
            half="A",
            wm="metacity",
        ),
        Scene(
            "multi-fvwm-page-man-zenity",
            "multi-window",
            HD,
            "three windows under fvwm ('slate'): a Chromium page (Inter 15) with a bordered table of "
            "birds, an xterm (Tlwg Mono 12) with man uniq over the right ends of its long lines, an active "
            "zenity question apart at the bottom",
            [
                Page(
                    "Estuary Birds",
                    (40, 40),
                    html=page(
                        "Estuary Birds",
                        "<h2>Roost count, Sunday</h2>"
                        "<p>Counted from the sea wall two hours before high water, in light rain with a "
                        "moderate westerly wind and good visibility across the whole estuary.</p>"
                        + html_table(BIRDS, cls="b")
                        + "<p>The next count is on the second Sunday of February.</p>",
                        ".b { border-collapse: collapse; } .b th, .b td { border: 1px solid #889; "
                        "padding: 4px 14px; text-align: left; }",
                        font="'Inter'",
                        size=15,
                    ),
                    size=(980, 600),
                ),
                Tui(
                    "man uniq",
                    (820, 80),
                    cols=86,
                    rows=26,
                    font=("Tlwg Mono", 12),
                    commands=["man uniq"],
                ),
                gtk_dialog(
                    "Upload Count",
                    (700, 800),
                    "zenity",
                    [
                        "--question",
                        "--text",
                        "Upload this count to the county records?",
                        "--ok-label",
                        "Upload",
                        "--cancel-label",
                        "Not Yet",
                        "--width",
                        "400",
                    ],
                    ["Upload this count to the county records?"],
                    ["Not Yet", "Upload"],
                ),
            ],
            order=[
                "Upload this count",
                "uniq - report or omit repeated lines",
                "Roost count, Sunday",
                "Species Site Count",
            ],
            theme="slate",
            background="#263038",
            half="A",
            wm="fvwm",
        ),
        Scene(
            "multi-metacity-terms-overlap",
            "multi-window",
            WX,
            "two xterms overlapping under metacity (Watercolor): ps -eo pid,user,comm (Nimbus Mono "
            "PS 12) at the back, an active dark xterm (Terminus 12) with nano over its lower right",
            [
                Tui(
                    "root@relay: ~",
                    (30, 40),
                    cols=70,
                    rows=18,
                    font=("Nimbus Mono PS", 12),
                    prompt="root@relay:~# ",
                    commands=["ps -eo pid,user,comm"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 3),
                ),
                Tui(
                    "crew@pier: ~",
                    (200, 200),
                    cols=72,
                    rows=20,
                    font=("Terminus", 12),
                    fg="#e8e8e8",
                    bg="#1c1c24",
                    prompt="crew@pier:~$ ",
                    setup=text_file(
                        "spares.txt",
                        "Spares for the ferry\n\ntwo fan belts\none bilge pump\nfuses, 10 and 15 amp\n"
                        "a coil of mooring line\n",
                    ),
                    commands=["nano spares.txt"],
                ),
            ],
            order=["Spares for the ferry", "^X Exit", "ps -eo pid,user,comm", "PID USER COMMAND"],
            theme="Watercolor",
            background="#46545e",
            half="A",
            wm="metacity",
        ),
        Scene(
            "multi-fvwm-four-parchment",
            "multi-window",
            HD,
            "four windows under fvwm ('parchment'): a Tk form (Gentium 12) at the left, a Qt table "
            "of bus routes (Inter 11) at the right, an xterm (CMU Typewriter 13) with df -h over "
            "the Qt window's lower left, an active xmessage (10x20) apart at the bottom left",
            [
                SpecWindow(
                    "Volunteer",
                    (40, 50),
                    spec={
                        "font": ["Gentium", 12],
                        "body": [
                            {"type": "label", "text": "Sign up for the harbour clean-up"},
                            {
                                "type": "form",
                                "fields": [
                                    ["Name", "Priya Nandakumar"],
                                    ["Phone", "07700 900123"],
                                    ["Day", "Saturday 8 June"],
                                ],
                            },
                            {"type": "buttons", "items": ["Cancel", "Sign Up"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Routes",
                    (900, 50),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Inter", 11],
                        "body": [
                            {"type": "label", "text": "Routes from the harbour stop"},
                            {
                                "type": "striped_table",
                                "columns": BUSES[0],
                                "rows": BUSES[1:],
                                "grid": True,
                            },
                            {"type": "buttons", "items": ["Refresh", "Close"]},
                        ],
                    },
                ),
                Tui(
                    "root@nas: /srv",
                    (840, 290),
                    cols=72,
                    rows=14,
                    font=("CMU Typewriter Text", 13),
                    prompt="root@nas:/srv# ",
                    workdir="srv",
                    commands=["df -h /srv/*"],
                    namespace=NS_DISKS,
                    parse_table=("Filesystem Size", 6),
                ),
                xmessage(
                    "Tide Warning",
                    (60, 800),
                    "High tide at 17:40 covers the lower car park.",
                    ["Noted"],
                    font="10x20",
                ),
            ],
            order=[
                "High tide at 17:40 covers",
                "df -h /srv/*",
                "Routes from the harbour stop",
            ],
            theme="parchment",
            background="#3a3428",
            half="A",
            wm="fvwm",
        ),
    ]


def more_a7_scenes() -> list[Scene]:
    return [*_terminals(), *_dialogs_pages(), *_several()]
