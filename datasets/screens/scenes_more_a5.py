"""Session 17's fresh screens for half A (helper "moreA5"): more of the kinds half B's newest
screens are, weighted to where the assistant reads worst (several windows, terminal programs,
striped and dark tables, Chromium pages with tables and forms, dark dialogs).

Chosen from half B's ids and one-line descriptions only (never their pictures, truth or
readings). Each screen has words, fonts, colours, skins or window-manager themes that no earlier
screen has: fluxbox's bora_blue, green_tea and zimek_darkblue styles, icewm's own default theme,
two jwm looks of ours ("moss", "plum"), mc's modarin256 and gotar skins, fonts such as Monoid,
Fantasque Sans Mono, mononoki, Agave, Oxygen Mono, Anonymous Pro, Carlito, Arimo, Lato and URW
Bookman in new places. All in half **A**.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here, or is what a program draws
about files made here (terminal words are what tmux says the terminal shows, never OCR).
"""

from __future__ import annotations

import shlex

from pages import page, paragraphs
from pages import table as html_table
from programs import Page, SpecWindow, gtk_dialog, xmessage
from scenes import HD, NS_PROCS, WX, Scene, both, text_file
from scenes_tui_a import CURSES, MC_INI, PARENT_DATE, Tui, dialog_cmd, files_in, home_file, mc_rows, stamped

# ---- content: terminals ---------------------------------------------------------------------------
SEEDS = [
    ("beans", -1, "2023-10-03 09:40", 0o755),
    ("squash", -1, "2023-09-21 15:12", 0o755),
    ("germination-log.ods", 33410, "2024-03-17 18:25", 0o644),
    ("label-template.svg", 7781, "2024-02-08 10:03", 0o644),
    ("members.csv", 2264, "2024-03-30 12:51", 0o644),
    ("packet-photo.png", 845220, "2024-03-02 16:38", 0o644),
    ("swap-day-poster.pdf", 1290304, "2024-03-22 20:14", 0o644),
]
CAMERA = [
    ("DCIM", -1, "2024-04-06 11:20", 0o755),
    ("bird-hide-0412.jpg", 4411920, "2024-04-12 06:48", 0o644),
    ("bird-hide-0413.jpg", 4387311, "2024-04-13 06:52", 0o644),
    ("heron-clip.mov", 52118004, "2024-04-13 07:05", 0o644),
    ("notes-kingfisher.txt", 918, "2024-04-14 19:30", 0o644),
]

CHECK_ITEMS = [
    ("tent", "Two-person tent and pegs", "on"),
    ("stove", "Gas stove and one canister", "on"),
    ("filter", "Water filter", "off"),
    ("map", "Paper map, sheet OL7", "on"),
    ("spikes", "Micro spikes for ice", "off"),
    ("radio", "Wind-up radio", "off"),
]

MENU_ITEMS = [
    ("1", "Back up the photo library"),
    ("2", "Check the disks for errors"),
    ("3", "Update the package lists"),
    ("4", "Show free space"),
    ("5", "Restart the print server"),
]

FERRY = [
    ["Sailing", "Departs", "Arrives", "Vessel", "Car", "Foot"],
    ["Ardmore", "07:15", "08:05", "MV Curlew", "31.50", "6.20"],
    ["Ardmore", "10:40", "11:30", "MV Curlew", "31.50", "6.20"],
    ["Kilbride", "12:55", "14:10", "MV Gannet", "44.00", "8.90"],
    ["Ardmore", "16:20", "17:10", "MV Curlew", "31.50", "6.20"],
    ["Kilbride", "18:45", "20:00", "MV Gannet", "44.00", "8.90"],
]


def ferry_html() -> str:
    head = "".join(f"<th>{c}</th>" for c in FERRY[0])
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in FERRY[1:])
    return (
        "<html><head><title>Island ferries</title></head><body>"
        "<h2>Island ferries, winter sailings</h2>"
        "<p>Fares are single, in pounds. Cars must check in twenty minutes before sailing.</p>"
        f"<table border=1><tr>{head}</tr>{body}</table>"
        "<p>No sailings on 25 December. In gales the 12:55 may be cancelled at short notice.</p>"
        "<p>More: <a href='fares.html'>Season tickets</a> | <a href='news.html'>Service news</a></p>"
        "</body></html>\n"
    )


CHOIR_NOTES = """Choir rehearsal plan, spring concert

Warm-up (10 min): lip trills, sirens, the "nine-note" scale
Sopranos: bars 41-58 of the Rutter, slow, then in tempo
Altos: check the entry at bar 63, count the rests aloud
Tenors and basses: the fugue at letter F, parts only

Break at 20:15 (tea and biscuits from Wendy)

Full run of the Fauré, then "Shenandoah" a cappella.
Bring black folders; robes go on at the dress rehearsal.
"""

MARKDOWN = """# Repair log: Singer 201K

## Symptoms
- needle bar sticks after ten stitches
- thread breaks on thick denim

## Done so far
1. cleaned lint from the feed dogs
2. oiled the hook race and the bobbin case
3. new needle, size 110/18

## Still to try
- adjust the timing belt by one tooth
- order a spring for the tension disc (part 45785)
"""

TIG_SCRIPT = """#!/bin/bash
set -e
export GIT_AUTHOR_NAME='Dana Whitlock' GIT_AUTHOR_EMAIL=dana@example.org
export GIT_COMMITTER_NAME='Dana Whitlock' GIT_COMMITTER_EMAIL=dana@example.org
git init -q -b main garden-planner
cd garden-planner
n=0
c() {
  n=$((n+1))
  echo "$2" >> notes.txt
  git add notes.txt
  GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git commit -q -m "$2"
}
c '2024-03-01T09:10:00Z' 'Start the planting calendar'
c '2024-03-03T14:25:00Z' 'Add frost dates for the valley'
c '2024-03-07T18:02:00Z' 'Move beans to the north bed'
c '2024-03-12T08:47:00Z' 'Fix the watering rota for April'
c '2024-03-15T20:31:00Z' 'List seeds to order from Hedgerow'
c '2024-03-19T11:16:00Z' 'Note the slug problem in bed 4'
c '2024-03-24T16:58:00Z' 'Plan the herb spiral'
clear
"""

HOSTS = [
    ["Host", "Address", "Role", "Uptime", "Load", "Status"],
    ["atlas", "10.8.0.11", "database", "41 d", "0.82", "ok"],
    ["borealis", "10.8.0.12", "web", "41 d", "1.37", "ok"],
    ["cobalt", "10.8.0.13", "web", "12 d", "2.94", "busy"],
    ["dynamo", "10.8.0.21", "backup", "88 d", "0.05", "ok"],
    ["ember", "10.8.0.22", "mail", "3 d", "0.61", "ok"],
    ["fjord", "10.8.0.31", "build", "19 d", "3.70", "busy"],
    ["gale", "10.8.0.32", "monitor", "88 d", "0.12", "ok"],
    ["harbour", "10.8.0.40", "dns", "102 d", "0.03", "down"],
]


def zebra_script(rows: list[list[str]]) -> str:
    """bash: a fixed-width table with printf, the header white on blue, every other row on a
    navy band, a row whose status is "down" in bold red (a monitoring summary)."""
    data = "\n".join("|".join(r) for r in rows)
    return (
        "#!/bin/bash\n"
        f"printf '%s\\n' {shlex.quote(data)} > hosts.txt\n"
        "clear\n"
        "i=0\n"
        "while IFS='|' read -r a b c d e f; do\n"
        '  line=$(printf "%-10s %-11s %-9s %-7s %-6s %-6s" "$a" "$b" "$c" "$d" "$e" "$f")\n'
        "  if [ $i -eq 0 ]; then printf '\\033[1;37;44m %s \\033[0m\\n' \"$line\"\n"
        '  elif [ "$f" = down ]; then printf \'\\033[1;31m %s \\033[0m\\n\' "$line"\n'
        "  elif [ $((i % 2)) -eq 0 ]; then printf '\\033[48;5;17m %s \\033[0m\\n' \"$line\"\n"
        "  else printf ' %s \\n' \"$line\"; fi\n"
        "  i=$((i+1))\n"
        "done < hosts.txt\n"
        "echo\n"
        "echo '8 hosts, 2 busy, 1 down (checked 06:00)'\n"
    )


def _tuis() -> list[Scene]:
    return [
        Scene(
            "term-mc-monoid-modarin",
            "terminal",
            WX,
            "xterm (Monoid 9) running Midnight Commander with its modarin256 skin: two panels of "
            "folders of ours (~/seeds, ~/camera), the menu bar, the key bar; icewm's own default "
            "theme and taskbar",
            [
                Tui(
                    "ruth@shed: ~",
                    (20, 20),
                    cols=132,
                    rows=40,
                    font=("Monoid", 9),
                    prompt="ruth@shed:~$ ",
                    workdir="work",
                    setup=both(
                        home_file(".config/mc/ini", MC_INI),
                        files_in("seeds", SEEDS),
                        files_in("camera", CAMERA),
                        stamped(PARENT_DATE),
                    ),
                    commands=["mc -S modarin256 -u seeds camera"],
                    env={**CURSES, "TERM": "xterm-256color"},
                    table_rows=[mc_rows(SEEDS), mc_rows(CAMERA)],
                )
            ],
            order=["Left File Command Options Right", "/beans", "swap-day-poster.pdf"],
            theme="default",
            background="#28323a",
            half="A",
            wm="icewm",
        ),
        Scene(
            "term-htop-fantasque-mono",
            "terminal",
            HD,
            "xterm (Fantasque Sans Mono 13, dark blue on pale grey) running htop -C (monochrome) in "
            "a PID namespace of ours: meters, the process table, the key bar; fluxbox's bora_blue "
            "style",
            [
                Tui(
                    "root@kiln: ~",
                    (120, 60),
                    cols=150,
                    rows=42,
                    font=("Fantasque Sans Mono", 13),
                    fg="#102a4c",
                    bg="#eef0f2",
                    prompt="root@kiln:~# ",
                    commands=["htop -C -d 600"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 12),
                    env=CURSES,
                )
            ],
            order=["PID USER", "F1 Help"],
            theme="bora_blue",
            background="#1b2a3a",
            half="A",
            wm="fluxbox",
        ),
        Scene(
            "dlg-dialog-checklist-mononoki",
            "dialog",
            HD,
            "xterm (mononoki 14) running dialog --checklist: a back title, six items to pack with "
            "tick marks, three ticked, OK and Cancel; jwm's 'moss' look of ours",
            [
                Tui(
                    "nils@hut: ~",
                    (260, 140),
                    cols=96,
                    rows=28,
                    font=("mononoki", 14),
                    prompt="nils@hut:~$ ",
                    commands=[
                        dialog_cmd(
                            [
                                "--backtitle",
                                "Hut weekend packing list",
                                "--title",
                                "Kit check",
                                "--checklist",
                                "Tick what is already in the car:",
                                "16",
                                "60",
                                "6",
                                *(x for item in CHECK_ITEMS for x in item),
                            ]
                        )
                    ],
                    env=CURSES,
                    table_rows=[[[t, d] for t, d, _ in CHECK_ITEMS]],
                )
            ],
            order=["Hut weekend packing list", "Kit check", "Tick what is already", "tent Two-person tent"],
            theme="moss",
            background="#2c3324",
            half="A",
            wm="jwm",
        ),
        Scene(
            "dlg-whiptail-menu-agave",
            "dialog",
            WX,
            "xterm (Agave 13) running whiptail --menu (newt's colours): five numbered tasks, the "
            "third highlighted, Ok and Cancel; fluxbox's green_tea style",
            [
                Tui(
                    "ops@nas: ~",
                    (110, 70),
                    cols=90,
                    rows=26,
                    font=("Agave", 13),
                    prompt="ops@nas:~$ ",
                    commands=[
                        "whiptail "
                        + " ".join(
                            shlex.quote(a)
                            for a in [
                                "--backtitle",
                                "Storage box maintenance",
                                "--title",
                                "Tasks",
                                "--default-item",
                                "3",
                                "--menu",
                                "What should run tonight?",
                                "15",
                                "56",
                                "5",
                                *(x for item in MENU_ITEMS for x in item),
                            ]
                        )
                    ],
                    env=CURSES,
                    table_rows=[[[n, d] for n, d in MENU_ITEMS]],
                )
            ],
            order=["Storage box maintenance", "What should run tonight?", "1 Back up the photo library"],
            theme="green_tea",
            background="#33402c",
            half="A",
            wm="fluxbox",
        ),
        Scene(
            "term-w3m-ferry-anonymous",
            "terminal",
            WX,
            "xterm (Anonymous Pro 13, pale amber on dark brown) running w3m on a page of ours: a "
            "heading, a ferry timetable drawn with box lines, paragraphs and two links; openbox Onyx",
            [
                Tui(
                    "eilidh@pier: ~/ferry",
                    (90, 50),
                    cols=100,
                    rows=30,
                    font=("Anonymous Pro", 13),
                    fg="#f0d8a8",
                    bg="#2a1f16",
                    prompt="eilidh@pier:~/ferry$ ",
                    workdir="ferry",
                    setup=text_file("winter.html", ferry_html()),
                    commands=["w3m -no-mouse -o anchor_color=cyan winter.html"],
                    table_rows=[FERRY],
                )
            ],
            order=[
                "Island ferries, winter sailings",
                "Fares are single",
                "Sailing Departs Arrives",
                "No sailings on 25 December",
            ],
            theme="Onyx",
            background="#1e1a16",
            half="A",
        ),
        Scene(
            "term-nano-choir-oxygen",
            "terminal",
            HD,
            "xterm (Oxygen Mono 12, black on pale yellow) running nano on a rehearsal plan of ours: "
            "the reversed title bar, lines, the two lines of shortcuts; icewm's own default theme",
            [
                Tui(
                    "wendy@vestry: ~",
                    (300, 120),
                    cols=90,
                    rows=30,
                    font=("Oxygen Mono", 12),
                    fg="#1a1a1a",
                    bg="#fbf6d8",
                    prompt="wendy@vestry:~$ ",
                    setup=text_file("rehearsal.txt", CHOIR_NOTES),
                    commands=["nano rehearsal.txt"],
                )
            ],
            order=[
                "GNU nano",
                "Choir rehearsal plan, spring concert",
                "Warm-up (10 min)",
                "Bring black folders",
            ],
            theme="default",
            background="#3a3530",
            half="A",
            wm="icewm",
        ),
        Scene(
            "term-vim-markdown-cousine",
            "terminal",
            WX,
            "xterm (Cousine 11, light on dark teal) running vim on a markdown repair log with syntax "
            "colours, line numbers and the status line; openbox Clearlooks-3.4",
            [
                Tui(
                    "ali@workbench: ~",
                    (80, 40),
                    cols=96,
                    rows=30,
                    font=("Cousine", 11),
                    fg="#e4efe9",
                    bg="#10302c",
                    prompt="ali@workbench:~$ ",
                    setup=text_file("singer-201k.md", MARKDOWN),
                    commands=[
                        "vim -u NONE -i NONE -N -c 'syntax on' -c 'set number laststatus=2 ruler' "
                        "singer-201k.md"
                    ],
                )
            ],
            order=["# Repair log: Singer 201K", "## Symptoms", "needle bar sticks", "## Still to try"],
            theme="Clearlooks-3.4",
            background="#243a36",
            half="A",
        ),
        Scene(
            "term-tig-log-jetbrains",
            "terminal",
            HD,
            "xterm (JetBrains Mono 12, on near-black) running tig on a small repository of ours: "
            "dates, author, seven commit messages, the status line; fluxbox's zimek_darkblue style "
            "with its toolbar at the top",
            [
                Tui(
                    "dana@plot: ~",
                    (200, 120),
                    cols=120,
                    rows=30,
                    font=("JetBrains Mono", 12),
                    fg="#dadada",
                    bg="#161616",
                    prompt="dana@plot:~$ ",
                    setup=both(
                        text_file("mkrepo.sh", TIG_SCRIPT),
                        home_file(".tigrc", "color date cyan default\ncolor graph-commit yellow default\n"),
                    ),
                    commands=["bash mkrepo.sh && cd garden-planner && tig"],
                    env=CURSES,
                )
            ],
            order=["Plan the herb spiral", "Note the slug problem", "Start the planting calendar"],
            theme="zimek_darkblue",
            background="#101a2c",
            half="A",
            wm="fluxbox-top",
        ),
        Scene(
            "table-term-zebra-hosts",
            "table",
            HD,
            "xterm (Noto Mono 12, light on black) printing a monitoring summary with printf: the "
            "header white on blue, every other row on a navy band, a down host in bold red, a total "
            "line; jwm's 'plum' look of ours",
            [
                Tui(
                    "noc@watch: ~",
                    (240, 160),
                    cols=84,
                    rows=20,
                    font=("Noto Mono", 12),
                    fg="#e6e6e6",
                    bg="#000000",
                    prompt="noc@watch:~$ ",
                    setup=text_file("hosts.sh", zebra_script(HOSTS)),
                    commands=["bash hosts.sh"],
                    table_rows=[HOSTS],
                )
            ],
            order=["Host Address Role", "atlas 10.8.0.11", "harbour 10.8.0.40", "8 hosts, 2 busy"],
            theme="plum",
            background="#2a2430",
            half="A",
            wm="jwm",
        ),
    ]


# ---- content: tables and dialogs -------------------------------------------------------------------
LOANS = [
    ["Tool", "Borrower", "Out", "Due", "Deposit", "Notes"],
    ["Hedge trimmer", "K. Osei", "3 May", "10 May", "20.00", "charger in bag"],
    ["Tile cutter", "M. Duval", "4 May", "8 May", "15.00", "spare blade"],
    ["Ladder 4 m", "J. Brennan", "4 May", "6 May", "10.00", "roof rack"],
    ["Pressure washer", "S. Iqbal", "5 May", "12 May", "25.00", "hose kinked"],
    ["Wallpaper steamer", "P. Novak", "6 May", "9 May", "10.00", "descaled"],
    ["Drill (SDS)", "T. Huang", "6 May", "13 May", "20.00", "bits 6-12 mm"],
    ["Sander", "A. Reyes", "7 May", "14 May", "15.00", "two sheets"],
]

MEDS = [
    ["Time", "Resident", "Room", "Medicine", "Dose", "Given by"],
    ["08:00", "Mrs Eriksen", "12", "Amlodipine", "5 mg", "Joy"],
    ["08:00", "Mr Abara", "14", "Metformin", "500 mg", "Joy"],
    ["08:30", "Mrs Castell", "3", "Levothyroxine", "50 mcg", "Pat"],
    ["12:00", "Mr Lindqvist", "9", "Paracetamol", "1 g", "Pat"],
    ["12:00", "Mrs Eriksen", "12", "Vitamin D", "800 IU", "Joy"],
    ["18:00", "Mr Abara", "14", "Metformin", "500 mg", "Sean"],
]

BOOKS = [
    ["Title", "Author", "Year", "Shelf", "Copies"],
    ["The Salt Path", "Raynor Winn", "2018", "TRV 914", "3"],
    ["Braiding Sweetgrass", "R. W. Kimmerer", "2013", "NAT 581", "2"],
    ["The Overstory", "Richard Powers", "2018", "FIC POW", "4"],
    ["Wilding", "Isabella Tree", "2018", "NAT 333", "1"],
    ["Entangled Life", "Merlin Sheldrake", "2020", "SCI 579", "2"],
    ["The Hidden Life of Trees", "Peter Wohlleben", "2015", "NAT 582", "3"],
]


def _tables_dialogs() -> list[Scene]:
    return [
        Scene(
            "table-qt-dark-zebra-carlito",
            "table",
            WX,
            "a Qt window in the Fusion style with a dark palette (Carlito 12): a line, a striped table "
            "of tools lent by a tool library (alternating rows, grid off, a selected row, deposits "
            "right-aligned), two buttons; openbox Artwiz-boxed",
            [
                SpecWindow(
                    "Tool Library Loans",
                    (130, 110),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "dark": True,
                        "font": ["Carlito", 12],
                        "body": [
                            {"type": "label", "text": "Tools out on loan this week"},
                            {
                                "type": "striped_table",
                                "columns": LOANS[0],
                                "rows": LOANS[1:],
                                "grid": False,
                                "selected": 2,
                                "right": [4],
                            },
                            {"type": "buttons", "items": ["Mark Returned", "Close"]},
                        ],
                    },
                )
            ],
            order=["Tools out on loan this week", "Tool Borrower Out", "Hedge trimmer", "Sander"],
            theme="Artwiz-boxed",
            background="#23262b",
            half="A",
        ),
        Scene(
            "table-tk-zebra-lato-meds",
            "table",
            HD,
            "a Tk ttk Treeview (Lato 12) of a care home's medicine round: pale green stripes, dark "
            "green headings, a selected row in lilac; a line above, a line and three buttons below; "
            "fluxbox's bora_blue style",
            [
                SpecWindow(
                    "Medicine Round",
                    (360, 200),
                    spec={
                        "font": ["Lato", 12],
                        "body": [
                            {"type": "label", "text": "Tuesday 14 May, ground floor"},
                            {
                                "type": "striped_table",
                                "columns": MEDS[0],
                                "rows": MEDS[1:],
                                "selected": 4,
                                "stripe": "#e4f3e6",
                                "heading_bg": "#1e5631",
                                "heading_fg": "#ffffff",
                                "select_bg": "#c9b6e8",
                                "select_fg": "#000000",
                                "col_pad": 30,
                            },
                            {"type": "label", "text": "Sign each dose as soon as it is given."},
                            {"type": "buttons", "items": ["Sign", "Skip", "Close"]},
                        ],
                    },
                )
            ],
            order=[
                "Tuesday 14 May, ground floor",
                "Time Resident Room",
                "08:00 Mrs Eriksen",
                "Sign each dose",
            ],
            theme="bora_blue",
            background="#203040",
            half="A",
            wm="fluxbox",
        ),
        Scene(
            "table-zenity-dark-books-jwm",
            "table",
            WX,
            "zenity --list in GTK 3 Adwaita dark: a line of text, five columns of library books, "
            "Cancel and OK; jwm's 'plum' look of ours with the tray at the top",
            [
                gtk_dialog(
                    "Book Club Shelf",
                    (200, 120),
                    "zenity",
                    [
                        "--list",
                        "--text",
                        "Books the club has read this year (choose one to reserve)",
                        "--width",
                        "820",
                        "--height",
                        "400",
                        *(a for c in BOOKS[0] for a in ("--column", c)),
                        *(c for r in BOOKS[1:] for c in r),
                    ],
                    [
                        "Books the club has read this year (choose one to reserve)",
                        *(c for r in BOOKS for c in r),
                    ],
                    ["Cancel", "OK"],
                    dark=True,
                    table_rows=[BOOKS],
                )
            ],
            order=["Books the club has read", "Title Author Year", "The Salt Path", "Entangled Life"],
            theme="plum",
            background="#1f1a24",
            half="A",
            wm="jwm-top",
        ),
        Scene(
            "dlg-qt-dark-oxygen-question",
            "dialog",
            HD,
            "a Qt QMessageBox question in the Fusion style with a dark palette (Oxygen-Sans 12): "
            "the question, an informative line, three buttons; icewm's own default theme",
            [
                SpecWindow(
                    "Replace Files",
                    (700, 380),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "dark": True,
                        "font": ["Oxygen-Sans", 12],
                        "messagebox": {
                            "icon": "question",
                            "text": "Replace 17 scanned receipts in the 2023 folder?",
                            "informative": "The copies on the memory stick are newer by two days.",
                            "buttons": [
                                ["Replace All", "accept"],
                                ["Keep Both", "action"],
                                ["Skip", "reject"],
                            ],
                        },
                    },
                )
            ],
            order=["Replace 17 scanned receipts", "The copies on the memory stick"],
            theme="default",
            background="#2a2e33",
            half="A",
            wm="icewm",
        ),
        Scene(
            "dlg-zenity-dark-error-fluxbox",
            "dialog",
            WX,
            "zenity --error in GTK 3 Adwaita dark: a message of two lines, one button of our own; "
            "fluxbox's green_tea style",
            [
                gtk_dialog(
                    "Backup Failed",
                    (400, 260),
                    "zenity",
                    [
                        "--error",
                        "--text",
                        "The nightly backup to the garage disk stopped at 02:14.\\n"
                        "The disk reported 312 unreadable blocks.",
                        "--ok-label",
                        "Show Log",
                        "--width",
                        "420",
                    ],
                    [
                        "The nightly backup to the garage disk stopped at 02:14.",
                        "The disk reported 312 unreadable blocks.",
                    ],
                    ["Show Log"],
                    dark=True,
                )
            ],
            order=["The nightly backup to the garage disk", "The disk reported 312"],
            theme="green_tea",
            background="#2b3326",
            half="A",
            wm="fluxbox",
        ),
    ]


# ---- content: Chromium pages -----------------------------------------------------------------------
TICKETS = [
    ["Ticket", "Opened", "Reporter", "Category", "Priority", "Assignee", "Age"],
    ["HD-2291", "02 Jun", "Marit Solberg", "Printer", "High", "Kofi", "2 d"],
    ["HD-2290", "02 Jun", "Dev Malhotra", "E-mail", "Normal", "Ines", "2 d"],
    ["HD-2287", "01 Jun", "Rosa Quintero", "Laptop", "High", "Kofi", "3 d"],
    ["HD-2284", "31 May", "Ewan Fraser", "VPN", "Low", "unassigned", "4 d"],
    ["HD-2279", "30 May", "Yuki Sato", "Phone", "Normal", "Ines", "5 d"],
    ["HD-2275", "29 May", "Bram de Vries", "Printer", "Low", "Kofi", "6 d"],
    ["HD-2270", "28 May", "Aisha Bello", "Accounts", "Normal", "unassigned", "7 d"],
]
TICKETS_CSS = """
body { background: #1d2126; color: #dfe3e8; }
h1 { color: #ffffff; font-weight: 600; }
.bar { display: flex; gap: 12px; align-items: center; background: #2a3038; padding: 9px 12px;
  border: 1px solid #3c444e; border-radius: 8px; margin-bottom: 10px; }
.bar select, .bar input { background: #15181c; color: #dfe3e8; border: 1px solid #4a535e; }
.bar button { background: #3d7ac2; color: #fff; border: 0; border-radius: 12px; padding: 3px 12px; }
.sum { color: #9aa6b2; }
table.t th { color: #8cc4ff; border-bottom: 1px solid #4a535e; text-align: left; }
table.t tr:nth-child(even) td { background: #262b31; }
table.t td:nth-child(5) { color: #f0b45a; }
"""

FORM_CSS = """
.cols { display: flex; gap: 40px; } .cols > div { flex: 1; }
fieldset { border: 1px solid #b9c2cc; border-radius: 6px; padding: 10px 14px; }
legend { color: #8a3b12; font-weight: bold; }
.row { display: flex; gap: 10px; align-items: center; margin: 8px 0; }
.row label { width: 150px; }
.buttons { margin-top: 16px; display: flex; gap: 12px; }
.buttons button { padding: 5px 16px; }
"""

MARKET_COLS = [
    [
        "Stalls open at eight and the square closes to cars at seven. Traders unload from the "
        "lane behind the chemist.",
        "Bring your own bags: the market no longer hands out plastic ones.",
    ],
    [
        "Eleven new stalls join this month, among them a cheese maker from Hollins Farm and a "
        "stall that sharpens knives while you shop.",
        "The bread stall moves to the corner by the fountain.",
    ],
    [
        "Parking at the leisure centre is free on market days until two. A shuttle bus runs every "
        "twenty minutes from nine.",
        "Lost property is kept at the town hall desk for a month.",
    ],
]
MARKET_CSS = """
.cols { display: flex; gap: 32px; } .cols > div { flex: 1; }
.cols h3 { color: #1f5f7a; border-bottom: 1px dotted #1f5f7a; }
.deck { color: #555; margin-bottom: 12px; }
"""


def _pages() -> list[Scene]:
    return [
        Scene(
            "page-dark-tickets-filters",
            "table",
            HD,
            "a dark Chromium page (Arimo 15) of a help desk: a heading, a bar of filter controls (two "
            "selects, a search field with a placeholder, a rounded button), a summary line, a striped "
            "table of seven tickets; openbox Mikachu",
            [
                Page(
                    "Help Desk Queue",
                    (180, 100),
                    html=page(
                        "Help Desk Queue",
                        "<h1>Open tickets</h1>"
                        "<div class='bar'><label>Team</label><select><option>Office IT</option></select>"
                        "<label>Priority</label><select><option>Any</option></select>"
                        "<input type='text' placeholder='Find a reporter' size='22'>"
                        "<button>Filter</button></div>"
                        "<p class='sum'>7 open, 2 high priority, 2 unassigned</p>"
                        + html_table(TICKETS, cls="t"),
                        TICKETS_CSS,
                        font="'Arimo'",
                        size=15,
                        fg="#dfe3e8",
                        bg="#1d2126",
                    ),
                    size=(1200, 600),
                )
            ],
            order=[
                "Open tickets",
                "Team Office IT Priority",
                "7 open, 2 high priority",
                "Ticket Opened Reporter",
                "HD-2270",
            ],
            theme="Mikachu",
            background="#12161a",
            half="A",
        ),
        Scene(
            "page-form-two-columns-bookman",
            "form",
            WX,
            "a Chromium page (URW Bookman 14) with a form in two fieldsets side by side (text fields, "
            "a select, a placeholder, a ticked box), a note and two buttons; openbox Natura",
            [
                Page(
                    "Allotment Application",
                    (100, 50),
                    html=page(
                        "Allotment Application",
                        "<h2>Apply for a plot</h2>"
                        "<div class='cols'><div><fieldset><legend>About you</legend>"
                        "<div class='row'><label>Full name</label><input type='text' value='Oskar Lindgren' "
                        "size='18'></div>"
                        "<div class='row'><label>Phone</label><input type='text' value='07700 918 244' "
                        "size='18'></div>"
                        "<div class='row'><label>E-mail</label><input type='text' "
                        "placeholder='name@example.org' size='18'></div>"
                        "</fieldset></div><div><fieldset><legend>The plot</legend>"
                        "<div class='row'><label>Site</label><select><option>Mill Meadow</option>"
                        "</select></div>"
                        "<div class='row'><label>Size</label><select><option>Half plot</option>"
                        "</select></div>"
                        "<div class='row'><label><input type='checkbox' checked> Happy to share</label></div>"
                        "</fieldset></div></div>"
                        "<p>The waiting list is about nine months. We write when a plot is free.</p>"
                        "<div class='buttons'><button>Save Draft</button>"
                        "<button>Send Application</button></div>",
                        FORM_CSS,
                        font="'URW Bookman'",
                        size=14,
                    ),
                    size=(1040, 560),
                )
            ],
            order=["Apply for a plot", "About you", "Full name", "The waiting list is about nine months"],
            theme="Natura",
            background="#2f3a2a",
            half="A",
        ),
        Scene(
            "page-three-columns-lato-market",
            "article",
            WX,
            "a Chromium page (Lato 15) of a market newsletter: a title, a deck line, three columns each "
            "with a heading and two paragraphs; fluxbox's zimek_darkblue style, toolbar at the top",
            [
                Page(
                    "Market News",
                    (60, 60),
                    html=page(
                        "Market News",
                        "<h1>Saturday market, June</h1><p class='deck'>News for traders and shoppers</p>"
                        "<div class='cols'>"
                        + "".join(
                            f"<div><h3>{h}</h3>{paragraphs(ps)}</div>"
                            for h, ps in zip(
                                ["Setting up", "Newcomers", "Getting there"], MARKET_COLS, strict=True
                            )
                        )
                        + "</div>",
                        MARKET_CSS,
                        font="'Lato'",
                        size=15,
                    ),
                    size=(1140, 560),
                )
            ],
            order=[
                "Saturday market, June",
                "News for traders",
                "Setting up",
                "Stalls open at eight",
                "Newcomers",
                "Eleven new stalls",
                "Getting there",
                "Parking at the leisure centre",
            ],
            theme="zimek_darkblue",
            background="#14203a",
            half="A",
            wm="fluxbox-top",
        ),
    ]


# ---- content: several windows ----------------------------------------------------------------------
RIDES = [
    ["Date", "Route", "Km", "Riders"],
    ["Sun 5 May", "Reservoir loop", "64", "11"],
    ["Sun 12 May", "Three hills", "82", "8"],
    ["Sun 19 May", "Coast road", "95", "13"],
    ["Sun 26 May", "Cafe ride", "40", "17"],
]

QUOTE = """Quote 2024-118 for Harbour Bakery

Oven service, 2 deck ovens      240.00
Replace door seals (4)          96.80
Call-out charge                 45.00
                               -------
Total before VAT                381.80
"""


def _several() -> list[Scene]:
    return [
        Scene(
            "multi-cascade-fluxbox-three",
            "multi-window",
            WX,
            "a cascade of three under fluxbox's bora_blue style: a Tk window (URW Bookman 11) at the "
            "back, a Qt message (Fusion, Carlito 11) over its lower right, an active zenity question "
            "(Adwaita, light) over the Qt one's",
            [
                SpecWindow(
                    "Choir Library",
                    (140, 110),
                    spec={
                        "font": ["URW Bookman", 11],
                        "body": [
                            {"type": "label", "text": "Forty copies of the Fauré are checked out."},
                            {"type": "label", "text": "Six are overdue since the Easter concert."},
                            {"type": "buttons", "items": ["List Borrowers", "Close"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Scores Found",
                    (360, 250),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Carlito", 11],
                        "messagebox": {
                            "icon": "information",
                            "text": "Twelve scores were returned to the wrong box.",
                            "buttons": [["Print List", "action"], ["OK", "accept"]],
                        },
                    },
                ),
                gtk_dialog(
                    "Send Reminders",
                    (560, 400),
                    "zenity",
                    [
                        "--question",
                        "--text",
                        "E-mail the six singers with overdue scores?",
                        "--ok-label",
                        "Send",
                        "--cancel-label",
                        "Later",
                        "--width",
                        "360",
                    ],
                    ["E-mail the six singers with overdue scores?"],
                    ["Later", "Send"],
                ),
            ],
            order=["E-mail the six singers", "Twelve scores were returned", "Forty copies of the"],
            theme="bora_blue",
            background="#2a3a4a",
            half="A",
            wm="fluxbox",
        ),
        Scene(
            "multi-side-less-qt-icewm",
            "multi-window",
            HD,
            "two windows side by side under icewm's own default theme: an xterm (Hermit 15) with a "
            "quote in less at the left, an active Qt window (Fusion, Lato 12) with a striped table of "
            "club rides at the right, not overlapping",
            [
                Tui(
                    "jo@office: ~/quotes",
                    (30, 40),
                    cols=80,
                    rows=26,
                    font=("Hermit", 15),
                    prompt="jo@office:~/quotes$ ",
                    workdir="quotes",
                    setup=text_file("quote-118.txt", QUOTE),
                    commands=["less quote-118.txt"],
                ),
                SpecWindow(
                    "Club Rides",
                    (1100, 160),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Lato", 12],
                        "width": 620,
                        "height": 330,
                        "body": [
                            {"type": "label", "text": "Sunday rides in May"},
                            {
                                "type": "striped_table",
                                "columns": RIDES[0],
                                "rows": RIDES[1:],
                                "grid": False,
                                "selected": 3,
                                "right": [2, 3],
                            },
                            {"type": "buttons", "items": ["Add Ride", "Close"]},
                        ],
                    },
                ),
            ],
            order=[
                "Sunday rides in May",
                "Date Route Km",
                "Quote 2024-118 for Harbour Bakery",
                "Total before VAT",
            ],
            theme="default",
            background="#304050",
            half="A",
            wm="icewm",
        ),
        Scene(
            "multi-jwm-page-xmessage",
            "multi-window",
            WX,
            "a Chromium page (Carlito 16) with a table of club rides, an active xmessage (the 10x20 "
            "core font) over its lower right; jwm's 'moss' look of ours",
            [
                Page(
                    "Cycling Club",
                    (50, 40),
                    html=page(
                        "Cycling Club",
                        "<h1>Sunday rides</h1><p>Meet at the clock tower at half past eight.</p>"
                        + html_table(RIDES)
                        + "<p style='margin-top:12px'>Lights and a spare tube are required on every "
                        "ride.</p>",
                        "table { border: 1px solid #8a9a7a; } th { background: #dfe8d2; } "
                        "td { border-top: 1px solid #dde; }",
                        font="'Carlito'",
                        size=16,
                    ),
                    size=(900, 560),
                ),
                xmessage(
                    "Ride Cancelled",
                    (640, 430),
                    "The Three hills ride on 12 May is cancelled.\nThe road over Scar Top is closed.",
                    ["Noted", "Details"],
                    font="10x20",
                ),
            ],
            order=["The Three hills ride on 12 May", "Sunday rides", "Meet at the clock tower"],
            theme="moss",
            background="#2c3526",
            half="A",
            wm="jwm",
        ),
        Scene(
            "multi-nano-tk-side-fluxbox",
            "multi-window",
            HD,
            "two windows side by side under fluxbox's zimek_darkblue style (toolbar at the top): an "
            "xterm (Fira Code 12) with nano on choir notes at the left, an active Tk note (Arimo 12) "
            "at the right",
            [
                Tui(
                    "wendy@hall: ~",
                    (40, 80),
                    cols=84,
                    rows=30,
                    font=("Fira Code", 12),
                    prompt="wendy@hall:~$ ",
                    setup=text_file("plan.txt", CHOIR_NOTES),
                    commands=["nano plan.txt"],
                ),
                SpecWindow(
                    "Hall Booking",
                    (1120, 200),
                    spec={
                        "font": ["Arimo", 12],
                        "bg": "#eef4fb",
                        "body": [
                            {"type": "label", "text": "The church hall is booked until 21:30."},
                            {"type": "label", "text": "Keys go back to the verger's box."},
                            {"type": "buttons", "items": ["Extend", "OK"]},
                        ],
                    },
                ),
            ],
            order=["The church hall is booked", "Keys go back", "GNU nano", "Choir rehearsal plan"],
            theme="zimek_darkblue",
            background="#0f1a2e",
            half="A",
            wm="fluxbox-top",
        ),
        Scene(
            "multi-dark-qt-zenity-jwm-top",
            "multi-window",
            WX,
            "a dark Qt window (Fusion, dark palette, Oxygen-Sans 11) with a form, an active dark "
            "zenity --warning over its lower right; jwm's 'plum' look with the tray at the top",
            [
                SpecWindow(
                    "Kiln Controller",
                    (80, 80),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "dark": True,
                        "font": ["Oxygen-Sans", 11],
                        "width": 720,
                        "height": 460,
                        "body": [
                            {"type": "label", "text": "Glaze firing, programme 4"},
                            {
                                "type": "form",
                                "fields": [
                                    ["Top temperature", "1240 C"],
                                    ["Ramp", "150 C per hour"],
                                    ["Hold", "20 min"],
                                ],
                            },
                            {"type": "buttons", "items": ["Start", "Cancel"]},
                        ],
                    },
                ),
                gtk_dialog(
                    "Lid Open",
                    (560, 420),
                    "zenity",
                    [
                        "--warning",
                        "--text",
                        "The kiln lid sensor reads open.\\nClose the lid before starting.",
                        "--width",
                        "360",
                    ],
                    ["The kiln lid sensor reads open.", "Close the lid before starting."],
                    ["OK"],
                    dark=True,
                ),
            ],
            order=["The kiln lid sensor reads open", "Close the lid before", "Glaze firing, programme 4"],
            theme="plum",
            background="#1b161f",
            half="A",
            wm="jwm-top",
        ),
    ]


def more_a5_scenes() -> list[Scene]:
    return [*_tuis(), *_tables_dialogs(), *_pages(), *_several()]
