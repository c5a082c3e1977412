"""Session 16's fresh screens for half A (helper "moreA4"): more of the kinds half B's newest
screens are, with content, fonts, colours and programs of our own.

At the end of session 15 half B's 22 newest screens read worst (named from B's ids and one-line
descriptions only, never from their pictures, truth or readings): full-screen terminal programs in
colour (Midnight Commander, htop, ``dialog``, w3m, nano), zebra-striped tables in a terminal, Qt,
Tk and GTK dark, dark dialogs, a Tk dialog in an old-style serif, Chromium pages (an order list
with filters, two tables, a wiki article with an infobox, three columns) and several windows at
once. These are screens of the same kinds that nobody has tuned on: other fonts (Go Mono, Hack,
Noto Sans Mono, Courier Prime Sans, Tinos, C059, FreeSans, Nimbus Sans ...), other colour schemes
(mc's darkfar skin, whiptail's newt colours, ncdu's dark scheme), other window managers for a few.
All in half **A**.

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
RECIPES = [
    ("bread", -1, "2024-02-11 08:20", 0o755),
    ("cakes", -1, "2024-03-30 16:05", 0o755),
    ("soups", -1, "2023-12-02 12:40", 0o755),
    ("apple-crumble.md", 1874, "2024-01-14 19:02", 0o644),
    ("chilli-for-ten.md", 2931, "2024-02-25 11:47", 0o644),
    ("dumplings.jpg", 1204577, "2024-03-09 17:30", 0o644),
    ("lemon-tart.md", 1502, "2024-04-02 09:15", 0o644),
    ("pantry-stock.csv", 6620, "2024-04-28 20:10", 0o644),
    ("shopping-week18.txt", 412, "2024-04-29 07:55", 0o644),
]
USB = [
    ("scans", -1, "2024-01-05 14:00", 0o755),
    ("grandma-cards.pdf", 3377012, "2024-01-05 14:22", 0o644),
    ("oven-manual.pdf", 905311, "2023-11-19 10:08", 0o644),
    ("menu-draft.odt", 24580, "2024-04-21 21:36", 0o644),
    ("stall-prices.ods", 15122, "2024-04-26 18:44", 0o644),
]

WHIP_ITEMS = [
    ("cups", "Printing service", "ON"),
    ("openssh-server", "Remote log-in", "ON"),
    ("samba", "Windows file shares", "OFF"),
    ("minidlna", "Media server for the TV", "OFF"),
    ("cron-apt", "Nightly update check", "ON"),
    ("fail2ban", "Block repeated bad log-ins", "OFF"),
]

RADIO_ITEMS = [
    ("light", "Pale background, dark text", "off"),
    ("sepia", "Warm paper, brown text", "on"),
    ("dark", "Charcoal background, grey text", "off"),
    ("contrast", "Black and yellow, bold", "off"),
    ("night", "Dim red on black", "off"),
]

BUSES = [
    ["Route", "From", "First bus", "Last bus", "Every"],
    ["4", "Station Square", "05:40", "23:10", "10 min"],
    ["11", "Hospital", "06:05", "22:45", "15 min"],
    ["17", "Old Town", "06:20", "00:30", "12 min"],
    ["23", "University", "07:00", "21:50", "20 min"],
    ["38", "Airport", "04:55", "01:15", "30 min"],
    ["N2", "Night loop", "00:15", "04:45", "45 min"],
]


def buses_html() -> str:
    head = "".join(f"<th>{c}</th>" for c in BUSES[0])
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in BUSES[1:])
    return (
        "<html><head><title>Summer timetable</title></head><body>"
        "<h1>City buses: summer timetable</h1>"
        "<p>Valid from 1 July to 31 August. Sunday services start one hour later.</p>"
        f"<table border=1><tr>{head}</tr>{body}</table>"
        "<p>Tickets bought on the bus cost 2.40; a day pass costs 6.00 and works on every route "
        "including the night loop.</p>"
        "<p>See also: <a href='fares.html'>Fares and passes</a> | <a href='map.html'>Route map</a></p>"
        "</body></html>\n"
    )


MINUTES = """Allotment society, committee minutes, 14 May

Present: Hana (chair), Viktor, Ruth, Ibrahim, Noor
Apologies: Colm

1. Water: the trough by plot 12 leaks again. Viktor will fit
   a new float valve before the end of the month.
2. Compost: the green bays are full. Nothing more until the
   June turning day (Saturday 8 June, 10:00).
3. Rent: 31 of 40 plots have paid. Reminders go out Friday.
4. Shed: the padlock code changes on 1 June. New code by text.
5. Open day: 22 June. Ruth runs the plant stall, Noor the teas.

Next meeting: Tuesday 11 June, 19:30, in the pavilion.
"""

PLANTER_PY = """import csv


def due_today(rows, today):
    \"\"\"Beds whose next watering is today or overdue.\"\"\"
    out = []
    for row in rows:
        if row["next"] <= today:
            out.append(row["bed"])
    return sorted(out)


def main():
    with open("beds.csv") as fh:
        rows = list(csv.DictReader(fh))
    for bed in due_today(rows, "2024-06-04"):
        print("water", bed)


main()
"""

BEDS_CSV = """bed,crop,next
north-1,tomatoes,2024-06-04
north-2,beans,2024-06-05
south-1,lettuce,2024-06-03
south-2,squash,2024-06-06
herb-spiral,basil,2024-06-04
greenhouse,peppers,2024-06-02
"""

SHARED = [
    ("photos", [("beach-2023.tar", 48_000_000), ("wedding.tar", 96_500_000), ("index.txt", 2_400)]),
    ("videos", [("drone-lake.mp4", 310_000_000), ("school-play.mp4", 122_000_000)]),
    ("backups", [("laptop-jan.img", 205_000_000)]),
    ("music", [("vinyl-rips.tar", 64_000_000)]),
    ("docs", [("tax-2023.pdf", 1_900_000), ("lease.pdf", 640_000)]),
]


def shared_script() -> str:
    """Root shell lines for a mount namespace of the terminal's own: a tmpfs on /srv holding
    ``/srv/shared`` with sparse files of the sizes in ``SHARED`` (ncdu is asked for apparent sizes),
    so the path ncdu shows is the same on every build."""
    lines = ["mount -t tmpfs -o size=1m tmpfs /srv"]
    for sub, files in SHARED:
        lines.append(f"mkdir -p /srv/shared/{sub}")
        lines += [f"truncate -s {size} /srv/shared/{sub}/{name}" for name, size in files]
    return "\n".join(lines)


PARCELS = [
    ["Parcel", "Sender", "Flat", "Arrived", "Shelf", "Collected"],
    ["P-3301", "Bookshop", "2B", "Mon 09:12", "A", "yes"],
    ["P-3302", "Pharmacy", "5A", "Mon 11:40", "B", "no"],
    ["P-3303", "Garden centre", "1C", "Mon 14:05", "floor", "no"],
    ["P-3304", "Bike shop", "7D", "Tue 08:30", "C", "yes"],
    ["P-3305", "Tea merchant", "3A", "Tue 10:55", "A", "no"],
    ["P-3306", "Shoe shop", "6B", "Tue 13:20", "B", "no"],
    ["P-3307", "Toy shop", "4C", "Wed 09:45", "C", "yes"],
    ["P-3308", "Optician", "2A", "Wed 15:10", "A", "no"],
    ["P-3309", "Music shop", "8D", "Thu 12:00", "floor", "no"],
]


def column_stripes_script(rows: list[list[str]]) -> str:
    """bash: ``column -t`` of a '|'-separated file, then every other line on a dark grey band, the
    header in bold black on cyan (a listing as a person striping a terminal table would print it)."""
    data = "\n".join("|".join(r) for r in rows)
    return (
        "#!/bin/bash\n"
        f"printf '%s\\n' {shlex.quote(data)} > parcels.txt\n"
        "clear\n"
        "column -t -s '|' parcels.txt | awk '"
        'NR==1 {printf "\\033[1;30;46m %s \\033[0m\\n", $0; next} '
        'NR%2==0 {printf "\\033[48;5;238m %s \\033[0m\\n", $0; next} '
        '{printf " %s \\n", $0}'
        "'\n"
    )


def _tuis() -> list[Scene]:
    return [
        Scene(
            "term-mc-gomono-darkfar",
            "terminal",
            HD,
            "xterm (Go Mono 11) running Midnight Commander with its darkfar skin: two panels of "
            "folders of ours (~/recipes, ~/usb), names, sizes and dates, the menu bar, the key bar; "
            "Nightmare theme",
            [
                Tui(
                    "kit@bakery: ~",
                    (120, 80),
                    cols=160,
                    rows=48,
                    font=("Go Mono", 11),
                    prompt="kit@bakery:~$ ",
                    workdir="work",
                    setup=both(
                        home_file(".config/mc/ini", MC_INI),
                        files_in("recipes", RECIPES),
                        files_in("usb", USB),
                        stamped(PARENT_DATE),
                    ),
                    commands=["mc -S darkfar -u recipes usb"],
                    env=CURSES,
                    table_rows=[mc_rows(RECIPES), mc_rows(USB)],
                )
            ],
            order=["Left File Command Options Right", "/bread", "shopping-week18.txt", "1Help"],
            theme="Nightmare",
            background="#1d2a22",
            half="A",
        ),
        Scene(
            "term-htop-hack-black",
            "terminal",
            WX,
            "xterm (Hack 10, light grey on black) running htop in its default colours in a PID "
            "namespace of ours: meters, tasks and load, the process table with its green header, the "
            "key bar; icewm's Helix theme and taskbar",
            [
                Tui(
                    "root@media: ~",
                    (60, 40),
                    cols=136,
                    rows=40,
                    font=("Hack", 10),
                    fg="#d0d0d0",
                    bg="#000000",
                    prompt="root@media:~# ",
                    commands=["htop -d 600"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 12),
                    env=CURSES,
                )
            ],
            order=["PID USER", "F1 Help"],
            theme="Helix",
            background="#23303d",
            half="A",
            wm="icewm",
        ),
        Scene(
            "dlg-whiptail-checklist-noto",
            "dialog",
            WX,
            "xterm (Noto Sans Mono 11) running whiptail --checklist (newt's colours: a blue screen, "
            "a grey box, its title in red): six services with tick boxes, three ticked, Ok and Cancel; "
            "Nightmare-01 theme",
            [
                Tui(
                    "admin@pi: ~",
                    (140, 90),
                    cols=96,
                    rows=30,
                    font=("Noto Sans Mono", 11),
                    prompt="admin@pi:~$ ",
                    commands=[
                        "whiptail "
                        + " ".join(
                            shlex.quote(a)
                            for a in [
                                "--backtitle",
                                "Home server services",
                                "--title",
                                "Services",
                                "--checklist",
                                "Choose the services to start at boot:",
                                "16",
                                "62",
                                "6",
                                *(x for item in WHIP_ITEMS for x in item),
                            ]
                        )
                    ],
                    env=CURSES,
                    table_rows=[[[t, d] for t, d, _ in WHIP_ITEMS]],
                )
            ],
            order=["Home server services", "Choose the services to start at boot:", "cups Printing service"],
            theme="Nightmare-01",
            background="#2b2b3a",
            half="A",
        ),
        Scene(
            "dlg-dialog-radiolist-courier",
            "dialog",
            HD,
            "xterm (Courier Prime Sans 13) running dialog --radiolist: a back title, five reading "
            "themes with radio marks, the second chosen, OK and Cancel; Artwiz-boxed theme",
            [
                Tui(
                    "reader@tablet: ~",
                    (300, 150),
                    cols=100,
                    rows=30,
                    font=("Courier Prime Sans", 13),
                    prompt="reader@tablet:~$ ",
                    commands=[
                        dialog_cmd(
                            [
                                "--backtitle",
                                "E-reader settings",
                                "--title",
                                "Page colours",
                                "--radiolist",
                                "Pick the colours for reading at night:",
                                "15",
                                "62",
                                "5",
                                *(x for item in RADIO_ITEMS for x in item),
                            ]
                        )
                    ],
                    env=CURSES,
                    table_rows=[[[t, d] for t, d, _ in RADIO_ITEMS]],
                )
            ],
            order=["E-reader settings", "Page colours", "Pick the colours", "light Pale background"],
            theme="Artwiz-boxed",
            background="#3a3f44",
            half="A",
        ),
        Scene(
            "term-w3m-buses-noto",
            "terminal",
            HD,
            "xterm (Noto Sans Mono 12, dark green on ivory) running w3m on a page of ours: a heading, "
            "a bus timetable drawn with box lines, paragraphs and two links; fluxbox's Squared_green "
            "style with its toolbar at the top",
            [
                Tui(
                    "lin@depot: ~/buses",
                    (240, 110),
                    cols=112,
                    rows=34,
                    font=("Noto Sans Mono", 12),
                    fg="#1f3d1f",
                    bg="#fbf8ec",
                    prompt="lin@depot:~/buses$ ",
                    workdir="buses",
                    setup=text_file("summer.html", buses_html()),
                    commands=["w3m -no-mouse summer.html"],
                    table_rows=[BUSES],
                )
            ],
            order=[
                "City buses: summer timetable",
                "Valid from 1 July",
                "Route From First bus",
                "N2 Night loop",
            ],
            theme="Squared_green",
            background="#2e3b30",
            half="A",
            wm="fluxbox-top",
        ),
        Scene(
            "term-nano-minutes-courier",
            "terminal",
            WX,
            "xterm (Courier Prime Sans 12) running nano on committee minutes of ours: the reversed "
            "title bar, numbered points, the two lines of shortcuts; jwm's 'steel' look and tray",
            [
                Tui(
                    "hana@plot7: ~",
                    (120, 60),
                    cols=88,
                    rows=28,
                    font=("Courier Prime Sans", 12),
                    prompt="hana@plot7:~$ ",
                    setup=text_file("minutes-may.txt", MINUTES),
                    commands=["nano minutes-may.txt"],
                )
            ],
            order=["GNU nano", "Allotment society, committee minutes", "Present: Hana", "Next meeting"],
            theme="steel",
            background="#40505a",
            half="A",
            wm="jwm",
        ),
        Scene(
            "term-vim-split-hack-dark",
            "terminal",
            HD,
            "xterm (Hack 11, light on dark slate) running vim with a Python file and a CSV side by "
            "side (vim -O): syntax colours, line numbers, a status line under each; Nightmare-03 theme",
            [
                Tui(
                    "ines@greenhouse: ~/water",
                    (200, 120),
                    cols=140,
                    rows=34,
                    font=("Hack", 11),
                    fg="#dcdccc",
                    bg="#2b303b",
                    prompt="ines@greenhouse:~/water$ ",
                    workdir="water",
                    setup=both(text_file("planter.py", PLANTER_PY), text_file("beds.csv", BEDS_CSV)),
                    commands=[
                        "vim -u NONE -i NONE -N -c 'syntax on' -c 'set number laststatus=2 ruler' "
                        "-O planter.py beds.csv"
                    ],
                )
            ],
            order=[
                "def due_today(rows, today):",
                "bed,crop,next",
                "north-1,tomatoes,2024-06-04",
                "planter.py",
            ],
            theme="Nightmare-03",
            background="#20242b",
            half="A",
        ),
        Scene(
            "term-ncdu-inconsolata",
            "terminal",
            WX,
            "xterm (Inconsolata 13, light on near-black) running ncdu --color dark on a shared folder "
            "of ours: the header, sizes with bar graphs, five folders, the total on the bottom line; "
            "Nightmare-02 theme",
            [
                Tui(
                    "sam@nas: ~",
                    (150, 80),
                    cols=100,
                    rows=30,
                    font=("Inconsolata", 13),
                    fg="#e0e0e0",
                    bg="#141414",
                    prompt="sam@nas:~$ ",
                    namespace=shared_script(),
                    commands=["ncdu --color dark --apparent-size /srv/shared"],
                    env=CURSES,
                )
            ],
            order=["ncdu 1.18", "/videos", "/docs"],
            theme="Nightmare-02",
            background="#262626",
            half="A",
        ),
        Scene(
            "table-term-column-stripes",
            "table",
            WX,
            "xterm (Noto Sans Mono 10, light on black) printing a concierge's parcel log with column -t, "
            "every other line on a dark grey band, the header bold black on cyan; Orang theme",
            [
                Tui(
                    "desk@lobby: ~",
                    (160, 100),
                    cols=92,
                    rows=22,
                    font=("Noto Sans Mono", 10),
                    fg="#e8e8e8",
                    bg="#000000",
                    prompt="desk@lobby:~$ ",
                    setup=text_file("parcels.sh", column_stripes_script(PARCELS)),
                    commands=["bash parcels.sh"],
                    table_rows=[PARCELS],
                )
            ],
            order=["Parcel Sender Flat", "P-3301 Bookshop", "P-3309 Music shop"],
            theme="Orang",
            background="#3a2f2a",
            half="A",
        ),
    ]


# ---- content: tables and dialogs -------------------------------------------------------------------
HARVEST = [
    ["Tree", "Variety", "Picked", "Kg", "Grade", "Picker"],
    ["T-04", "Bramley", "2 Sep", "38.5", "A", "Olga"],
    ["T-07", "Cox", "2 Sep", "21.0", "A", "Femi"],
    ["T-09", "Egremont Russet", "3 Sep", "17.2", "B", "Olga"],
    ["T-12", "Discovery", "3 Sep", "26.8", "A", "Arjun"],
    ["T-15", "Worcester", "4 Sep", "19.4", "B", "Femi"],
    ["T-18", "Bramley", "5 Sep", "41.1", "A", "Maeve"],
    ["T-21", "Conference pear", "6 Sep", "12.9", "C", "Arjun"],
    ["T-22", "Cox", "6 Sep", "23.3", "A", "Maeve"],
    ["T-25", "Spartan", "7 Sep", "15.6", "B", "Olga"],
]

LEAGUE = [
    ["Pos", "Team", "Played", "Won", "Drawn", "Lost", "For", "Against", "Points"],
    ["1", "Riverside Rovers", "14", "10", "3", "1", "34", "12", "33"],
    ["2", "Mill Lane United", "14", "9", "3", "2", "29", "15", "30"],
    ["3", "Canal Street", "14", "8", "2", "4", "27", "19", "26"],
    ["4", "Hilltop Athletic", "14", "7", "4", "3", "22", "16", "25"],
    ["5", "Station Wanderers", "14", "6", "3", "5", "24", "23", "21"],
    ["6", "Orchard Park", "14", "5", "2", "7", "18", "25", "17"],
    ["7", "Brewery Lane", "14", "3", "4", "7", "15", "26", "13"],
    ["8", "Quarry Town", "14", "1", "1", "12", "9", "42", "4"],
]

KENNEL = [
    ["Dog", "Breed", "Owner", "Check-in", "Check-out", "Run"],
    ["Biscuit", "Beagle", "Ortega", "Fri 12", "Mon 15", "3"],
    ["Juno", "Collie", "Haddad", "Sat 13", "Sat 20", "1"],
    ["Pepper", "Spaniel", "Kowalski", "Sat 13", "Tue 16", "5"],
    ["Otto", "Dachshund", "Nguyen", "Sun 14", "Wed 17", "2"],
    ["Maple", "Labrador", "Fischer", "Mon 15", "Fri 19", "4"],
    ["Rolo", "Terrier", "Adeyemi", "Tue 16", "Thu 18", "6"],
]


def _tables_dialogs() -> list[Scene]:
    return [
        Scene(
            "table-qt-rownums-tinos",
            "table",
            HD,
            "Qt (Fusion, Tinos 12) QTableWidget of an orchard's harvest log: row numbers, alternating "
            "row colours, no grid, two right-aligned columns, the fourth row selected; a line above, "
            "three buttons; Nightmare-01 theme",
            [
                SpecWindow(
                    "Harvest Log",
                    (420, 160),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Tinos", 12],
                        "body": [
                            {
                                "type": "label",
                                "text": "Apples and pears picked in the first week of September",
                            },
                            {
                                "type": "striped_table",
                                "columns": HARVEST[0],
                                "rows": HARVEST[1:],
                                "row_numbers": True,
                                "grid": False,
                                "selected": 4,
                                "right": [3],
                            },
                            {"type": "buttons", "items": ["Add", "Export", "Close"]},
                        ],
                    },
                )
            ],
            order=["Apples and pears picked", "Tree Variety Picked", "T-04 Bramley", "T-25 Spartan"],
            theme="Nightmare-01",
            background="#3b4a3b",
            half="A",
        ),
        Scene(
            "table-tk-wide-league-freesans",
            "table",
            HD,
            "a wide Tk ttk Treeview (FreeSans 11) of a football league: nine columns, numbers "
            "right-aligned, pale blue stripes, white headings on navy, the top row selected in gold; "
            "a line under it, two buttons; Breeze-ob theme",
            [
                SpecWindow(
                    "Sunday League",
                    (260, 180),
                    spec={
                        "font": ["FreeSans", 11],
                        "body": [
                            {"type": "label", "text": "Division two after fourteen rounds"},
                            {
                                "type": "striped_table",
                                "columns": LEAGUE[0],
                                "rows": LEAGUE[1:],
                                "selected": 1,
                                "stripe": "#e3eefb",
                                "heading_bg": "#1f2f5a",
                                "heading_fg": "#ffffff",
                                "select_bg": "#e8b923",
                                "select_fg": "#000000",
                                "right": [0, 2, 3, 4, 5, 6, 7, 8],
                                "col_pad": 40,
                            },
                            {"type": "label", "text": "Three points for a win, one for a draw."},
                            {"type": "buttons", "items": ["Fixtures", "Close"]},
                        ],
                    },
                )
            ],
            order=[
                "Division two after fourteen rounds",
                "Pos Team Played",
                "Riverside Rovers",
                "Quarry Town",
            ],
            theme="Breeze-ob",
            background="#2f3540",
            half="A",
        ),
        Scene(
            "table-zenity-dark-kennel",
            "table",
            HD,
            "zenity --list in GTK 3 Adwaita dark: a line of text, six columns of dogs boarding at a "
            "kennel, Cancel and OK; icewm's Infadel2 theme with the taskbar at the top",
            [
                gtk_dialog(
                    "Boarding Kennel",
                    (560, 220),
                    "zenity",
                    [
                        "--list",
                        "--text",
                        "Dogs staying this week (pick one to see its feeding notes)",
                        "--width",
                        "760",
                        "--height",
                        "400",
                        *(a for c in KENNEL[0] for a in ("--column", c)),
                        *(c for r in KENNEL[1:] for c in r),
                    ],
                    [
                        "Dogs staying this week (pick one to see its feeding notes)",
                        *(c for r in KENNEL for c in r),
                    ],
                    ["Cancel", "OK"],
                    dark=True,
                    table_rows=[KENNEL],
                )
            ],
            order=["Dogs staying this week", "Dog Breed Owner", "Biscuit Beagle", "Rolo Terrier"],
            theme="Infadel2",
            background="#202830",
            half="A",
            wm="icewm-top",
        ),
        Scene(
            "dlg-qt-dark-nimbus-warning",
            "dialog",
            WX,
            "a Qt QMessageBox in the Fusion style with a dark palette (Nimbus Sans 11): warning icon, "
            "a message, an informative line, three buttons; Nightmare-02 theme",
            [
                SpecWindow(
                    "Unsaved Recording",
                    (380, 260),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "dark": True,
                        "font": ["Nimbus Sans", 11],
                        "messagebox": {
                            "icon": "warning",
                            "text": "The recording of Tuesday's rehearsal has not been saved.",
                            "informative": "If you close the recorder now, the last 38 minutes are lost.",
                            "buttons": [
                                ["Save As...", "accept"],
                                ["Discard", "destructive"],
                                ["Cancel", "reject"],
                            ],
                        },
                    },
                )
            ],
            order=["The recording of Tuesday's rehearsal", "If you close the recorder now"],
            theme="Nightmare-02",
            background="#1e1e24",
            half="A",
        ),
        Scene(
            "dlg-qt-dark-gothic-export",
            "dialog",
            HD,
            "a Qt window with a dark palette (Fusion, URW Gothic 12): a bold heading, two lines, a "
            "form of three fields, three buttons; Onyx theme",
            [
                SpecWindow(
                    "Export Photos",
                    (700, 330),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "dark": True,
                        "font": ["URW Gothic", 12],
                        "body": [
                            {
                                "type": "label",
                                "text": "Export 214 photos from the Lisbon album?",
                                "font": ["URW Gothic", 13, "bold"],
                            },
                            {"type": "label", "text": "Originals stay in the library; copies are resized."},
                            {
                                "type": "form",
                                "fields": [
                                    ["Folder", "/home/rita/Pictures/export"],
                                    ["Longest side", "2048 px"],
                                    ["Quality", "85"],
                                ],
                            },
                            {"type": "buttons", "items": ["Preview", "Cancel", "Export"]},
                        ],
                    },
                )
            ],
            order=["Export 214 photos", "Originals stay in the library", "Folder"],
            theme="Onyx",
            background="#151a1f",
            half="A",
        ),
        Scene(
            "dlg-zenity-dark-warning-hd",
            "dialog",
            HD,
            "zenity --warning in GTK 3 Adwaita dark: a message of two lines, one button; "
            "Clearlooks-3.4 theme",
            [
                gtk_dialog(
                    "Battery Low",
                    (780, 420),
                    "zenity",
                    [
                        "--warning",
                        "--text",
                        "The battery of the label printer is at 6 percent.\\n"
                        "Plug it in before printing the next batch.",
                        "--ok-label",
                        "Understood",
                        "--width",
                        "400",
                    ],
                    [
                        "The battery of the label printer is at 6 percent.",
                        "Plug it in before printing the next batch.",
                    ],
                    ["Understood"],
                    dark=True,
                )
            ],
            order=["The battery of the label printer", "Plug it in before printing"],
            theme="Clearlooks-3.4",
            background="#2d3a46",
            half="A",
        ),
        Scene(
            "dlg-zenity-dark-question-jwm",
            "dialog",
            WX,
            "zenity --question in GTK 3 Adwaita dark: a question of two lines, two buttons of our own; "
            "jwm's 'night' look and its tray",
            [
                gtk_dialog(
                    "Library Sync",
                    (420, 280),
                    "zenity",
                    [
                        "--question",
                        "--text",
                        "Send 12 overdue reminders by e-mail now?\\nThe next automatic run is on Monday.",
                        "--ok-label",
                        "Send Now",
                        "--cancel-label",
                        "Wait",
                        "--width",
                        "380",
                    ],
                    ["Send 12 overdue reminders by e-mail now?", "The next automatic run is on Monday."],
                    ["Wait", "Send Now"],
                    dark=True,
                )
            ],
            order=["Send 12 overdue reminders", "The next automatic run"],
            theme="night",
            background="#30363c",
            half="A",
            wm="jwm",
        ),
        Scene(
            "dlg-tk-serif-c059-bell",
            "dialog",
            WX,
            "a Tk dialog in C059 (a Century Schoolbook serif) 12: a bold question, two lines of "
            "detail, three buttons, on a cream background; Clearlooks theme",
            [
                SpecWindow(
                    "Bell Ringing",
                    (360, 250),
                    spec={
                        "font": ["C059", 12],
                        "bg": "#f6f0de",
                        "body": [
                            {
                                "type": "label",
                                "text": "Ring the quarter peal on Sunday at 9:15?",
                                "font": ["C059", 13, "bold"],
                            },
                            {"type": "label", "text": "Six ringers have said yes; the tenor is still free."},
                            {
                                "type": "label",
                                "text": "The vicar asks us to finish before the 10:00 service.",
                            },
                            {"type": "buttons", "items": ["Ask Again", "Cancel Peal", "Ring"]},
                        ],
                    },
                )
            ],
            order=["Ring the quarter peal", "Six ringers have said yes", "The vicar asks us"],
            theme="Clearlooks",
            background="#4a4036",
            half="A",
        ),
    ]


# ---- content: Chromium pages -----------------------------------------------------------------------
ORDERS = [
    ["Order", "Placed", "Customer", "Items", "Total", "Payment", "Status"],
    ["#10482", "28 May", "Greta Lindholm", "3", "64.20", "Card", "Awaiting dispatch"],
    ["#10479", "27 May", "Tomasz Wrona", "1", "18.50", "PayPal", "Awaiting dispatch"],
    ["#10477", "27 May", "Amara Okoye", "5", "112.00", "Card", "Awaiting dispatch"],
    ["#10471", "25 May", "Luis Barros", "2", "39.90", "Invoice", "Awaiting dispatch"],
    ["#10466", "24 May", "Hiroshi Tanaka", "4", "87.35", "Card", "Awaiting dispatch"],
    ["#10460", "22 May", "Chloe Martin", "1", "24.00", "Card", "Awaiting dispatch"],
    ["#10455", "21 May", "Sven Aaltonen", "6", "143.80", "PayPal", "Awaiting dispatch"],
    ["#10451", "20 May", "Priya Raman", "2", "51.10", "Card", "Awaiting dispatch"],
]
SHOP_CSS = """
.filters { display: flex; gap: 14px; align-items: center; background: #eef1f4; padding: 10px 12px;
  border: 1px solid #d4d9de; border-radius: 6px; margin-bottom: 10px; flex-wrap: wrap; }
.filters label { color: #333; }
.filters button.primary { background: #2f6f4f; color: #fff; border: 1px solid #24573d; border-radius: 4px; }
.count { color: #5a6570; font-size: 0.92em; }
table.o { border-top: 2px solid #2f6f4f; }
table.o th { color: #2f6f4f; border-bottom: 1px solid #c8d0d6; }
table.o tr:nth-child(odd) td { background: #f6f8f9; }
table.o td:nth-child(4), table.o td:nth-child(5) { text-align: right; }
table.o td:nth-child(7) { color: #a45a00; }
"""

POOL_HOURS = [
    ["Day", "Early swim", "Lanes", "Family swim", "Evening"],
    ["Monday", "06:30-08:30", "09:00-12:00", "closed", "18:00-21:00"],
    ["Tuesday", "06:30-08:30", "09:00-12:00", "16:00-18:00", "18:00-21:00"],
    ["Wednesday", "06:30-08:30", "closed", "16:00-18:00", "18:00-20:00"],
    ["Thursday", "06:30-08:30", "09:00-12:00", "16:00-18:00", "18:00-21:00"],
    ["Friday", "06:30-08:30", "09:00-12:00", "16:00-19:00", "closed"],
]
POOL_PRICES = [
    ["Ticket", "Adult", "Child", "Concession"],
    ["Single swim", "5.20", "2.60", "3.40"],
    ["Ten swims", "46.00", "23.00", "30.00"],
    ["Month pass", "39.00", "19.50", "26.00"],
    ["Lesson (30 min)", "9.50", "7.00", "7.00"],
]
POOL_CSS = """
table.h, table.p { border: 1px solid #7a8a99; margin-bottom: 8px; }
table.h th, table.p th { background: #dbe7f1; border-bottom: 1px solid #7a8a99; }
table.h td, table.p td { border-bottom: 1px solid #e2e8ee; }
table.p td:nth-child(n+2), table.p th:nth-child(n+2) { text-align: right; }
.note { color: #4c5a66; font-size: 0.92em; }
"""

WIKI_LEAD = [
    "Kestrel Island is a small tidal island off the north coast of the Fennmark peninsula. It is "
    "reached on foot across a causeway of sand and shingle at low water and by a ferry in summer.",
    "The island is known for its lighthouse, its colony of grey seals and a ruined chapel from the "
    "twelfth century. About forty people live there all year; the number rises to several hundred in "
    "August.",
]
WIKI_HISTORY = [
    "Monks from the mainland built the first chapel around 1140 and kept a fire on the headland to "
    "guide boats past the reef. The chapel was abandoned after a storm in 1362.",
    "The present lighthouse was lit in 1871. Its keepers lived on the island until the light was "
    "automated in 1986; their cottages are now a field study centre.",
]
INFOBOX = [
    ["Location", "North Sea"],
    ["Area", "1.9 square km"],
    ["Highest point", "Beacon Hill, 41 m"],
    ["Population", "43 (2021)"],
    ["Reached by", "Causeway, ferry"],
    ["Lighthouse", "1871"],
]
WIKI_CSS = """
body { display: block; }
.wrap { max-width: 1240px; }
.site { color: #54595d; font-size: 0.85em; margin-bottom: 4px; }
h1 { font-weight: normal; border-bottom: 1px solid #a2a9b1; padding-bottom: 4px; }
h2 { font-weight: normal; border-bottom: 1px solid #a2a9b1; padding-bottom: 2px; }
.infobox { float: right; width: 330px; margin: 0 0 12px 24px; border: 1px solid #a2a9b1;
  background: #f8f9fa; font-family: 'FreeSans'; font-size: 14px; padding: 4px; }
.infobox .cap { text-align: center; font-weight: bold; font-size: 1.15em; padding: 4px; }
.infobox .pic { height: 150px; background: linear-gradient(#9fc3dc, #d8c9a3); margin: 4px 0; }
.infobox table { width: 100%; }
.infobox th { text-align: left; vertical-align: top; padding: 3px 6px; }
.infobox td { padding: 3px 6px; white-space: normal; }
a { color: #3366cc; text-decoration: none; }
"""

NEWS_COLS = [
    [
        "The repair cafe in the old fire station fixed 61 things on Saturday: toasters, lamps, "
        "three bicycles, a sewing machine and a much-loved radio from 1958.",
        "Volunteers with soldering irons are always welcome. Bring your own tools if you can.",
    ],
    [
        "From June the library opens on Sunday afternoons, from one until five. The reading room "
        "upstairs becomes a quiet study space during exam weeks.",
        "The mobile library now stops at Ash Green on Tuesdays at half past ten.",
    ],
    [
        "Work on the footbridge over the mill stream starts on 17 June and takes about six weeks. "
        "Walkers can use the ford path, which is signed from the church.",
        "The bus stop on Mill Road moves fifty metres east while the work lasts.",
    ],
]
NEWS_CSS = """
.cols { display: flex; gap: 36px; } .cols > div { flex: 1; }
.cols h2 { color: #7a2e14; border-bottom: 2px solid #7a2e14; }
.kicker { color: #666; font-style: italic; margin-bottom: 14px; }
"""


def wiki_html() -> str:
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in INFOBOX)
    return (
        "<div class='wrap'><div class='site'>From Islepedia, the free island encyclopedia</div>"
        "<h1>Kestrel Island</h1>"
        "<div class='infobox'><div class='cap'>Kestrel Island</div><div class='pic'></div>"
        f"<table>{rows}</table></div>"
        + paragraphs(WIKI_LEAD)
        + "<h2>History</h2>"
        + paragraphs(WIKI_HISTORY)
        + "</div>"
    )


def _pages() -> list[Scene]:
    return [
        Scene(
            "page-shop-orders-filters",
            "table",
            HD,
            "Chromium page (Go 14) of a web shop's orders: a heading, a bar of filter controls (a "
            "select, two date fields, a search field with a placeholder, a ticked box, two buttons), a "
            "count line, a striped table of eight orders with right-aligned figures; Syscrash theme",
            [
                Page(
                    "Orders - Shop Admin",
                    (200, 110),
                    html=page(
                        "Orders - Shop Admin",
                        "<h1>Open orders</h1>"
                        "<div class='filters'><label>Status</label><select><option>Awaiting dispatch"
                        "</option></select><label>Placed from</label><input type='text' value='01/05/2024' "
                        "size='10'><label>to</label><input type='text' value='31/05/2024' size='10'>"
                        "<input type='text' placeholder='Search customer or order' size='26'>"
                        "<label><input type='checkbox' checked> Gift orders only</label>"
                        "<button class='primary'>Apply</button><button>Clear filters</button></div>"
                        "<p class='count'>Showing 8 of 143 orders</p>" + html_table(ORDERS, cls="o"),
                        SHOP_CSS,
                        font="'Go'",
                        size=14,
                    ),
                    size=(1300, 640),
                )
            ],
            order=[
                "Open orders",
                "Status Awaiting dispatch Placed from",
                "Gift orders only",
                "Showing 8 of 143 orders",
                "Order Placed Customer",
                "#10451",
            ],
            theme="Syscrash",
            background="#2a2a33",
            half="A",
        ),
        Scene(
            "page-pool-two-tables",
            "table",
            WX,
            "Chromium page (Nimbus Sans Narrow 16) of a swimming pool: a heading, a line, a table of "
            "opening hours, a second heading, a table of prices (figures right-aligned), a note; "
            "Nightmare-03 theme",
            [
                Page(
                    "Swimming Timetable",
                    (140, 40),
                    html=page(
                        "Swimming Timetable",
                        "<h1>Riverside Pool</h1><p>Opening hours this term (school holidays differ).</p>"
                        + html_table(POOL_HOURS, t=0, cls="h")
                        + "<h2>Prices</h2>"
                        + html_table(POOL_PRICES, t=1, cls="p")
                        + "<p class='note'>Children under eight swim with an adult. Concessions for "
                        "students and over-65s.</p>",
                        POOL_CSS,
                        font="'Nimbus Sans Narrow'",
                        size=16,
                    ),
                    size=(860, 690),
                )
            ],
            order=[
                "Riverside Pool",
                "Opening hours this term",
                "Day Early swim",
                "Friday",
                "Prices",
                "Ticket Adult Child",
                "Lesson (30 min)",
                "Children under eight",
            ],
            theme="Nightmare-03",
            background="#283038",
            half="A",
        ),
        Scene(
            "page-wiki-infobox-freeserif",
            "article",
            HD,
            "Chromium page of a wiki-style article (FreeSerif 17): the site line, a title with a "
            "rule, an infobox at the right (a caption, a picture, six label/value rows in FreeSans), "
            "two paragraphs, a section heading, two more paragraphs; Natura theme",
            [
                Page(
                    "Kestrel Island - Islepedia",
                    (180, 70),
                    html=page(
                        "Kestrel Island - Islepedia", wiki_html(), WIKI_CSS, font="'FreeSerif'", size=17
                    ),
                    size=(1420, 820),
                )
            ],
            order=[
                "From Islepedia",
                "Kestrel Island is a small tidal island",
                "The island is known for its lighthouse",
                "History",
                "Monks from the mainland",
                "The present lighthouse was lit",
            ],
            theme="Natura",
            background="#343a2c",
            half="A",
        ),
        Scene(
            "page-three-columns-nimbus-roman",
            "article",
            HD,
            "Chromium page (Nimbus Roman 17) of a village newsletter in three columns, each with a "
            "heading and two paragraphs, under a title and an italic line; fluxbox's arch style "
            "with its toolbar at the top",
            [
                Page(
                    "Ash Green Newsletter",
                    (150, 90),
                    html=page(
                        "Ash Green Newsletter",
                        "<h1>Ash Green Newsletter, June</h1>"
                        "<p class='kicker'>News from the parish, put together by volunteers.</p>"
                        "<div class='cols'>"
                        + "".join(
                            f"<div><h2>{head}</h2>{paragraphs(texts)}</div>"
                            for head, texts in zip(
                                ["Repair cafe", "Library", "Footbridge"], NEWS_COLS, strict=True
                            )
                        )
                        + "</div>",
                        NEWS_CSS,
                        font="'Nimbus Roman'",
                        size=17,
                    ),
                    size=(1500, 560),
                )
            ],
            order=[
                "Ash Green Newsletter, June",
                "Repair cafe The repair cafe in the old fire station",
                "Volunteers with soldering irons",
                "Library From June the library opens",
                "Footbridge Work on the footbridge",
            ],
            theme="arch",
            background="#2b2b2b",
            half="A",
            wm="fluxbox-top",
        ),
    ]


# ---- content: several windows -----------------------------------------------------------------------
RIVER_LOG = """2024-03-11 06:00 gauge Weir Bridge 1.84 m steady
2024-03-11 07:00 gauge Weir Bridge 1.91 m rising
2024-03-11 08:00 gauge Weir Bridge 2.06 m rising
2024-03-11 09:00 gauge Weir Bridge 2.27 m rising, alert level 2.20 m passed
2024-03-11 09:05 message sent to the flood wardens (6 people)
2024-03-11 10:00 gauge Weir Bridge 2.41 m rising
2024-03-11 11:00 gauge Weir Bridge 2.48 m slowing
2024-03-11 12:00 gauge Weir Bridge 2.50 m steady
2024-03-11 13:00 gauge Weir Bridge 2.46 m falling
2024-03-11 14:00 gauge Weir Bridge 2.35 m falling
2024-03-11 15:00 gauge Weir Bridge 2.19 m falling, below alert level
2024-03-11 15:10 all clear sent to the flood wardens
"""

DOCS_BODY = (
    "<h1>Installing the label printer</h1>"
    "<p>The printer works over USB or the network. These steps set it up as a network printer "
    "for every computer in the office.</p>"
    "<h2>1. Find the printer's address</h2>"
    "<p>Hold the feed button for five seconds. The printer prints a page with its address and "
    "firmware version.</p>"
    "<h2>2. Add it with lpadmin</h2>"
    "<pre>sudo lpadmin -p labels -E -v ipp://10.0.4.27/ipp/print -m everywhere</pre>"
    "<p>Then print a test label:</p>"
    "<pre>lp -d labels -o media=62x29mm test-label.pdf</pre>"
    "<h2>3. Share it</h2>"
    "<p>Run the same two commands on each computer, or ask the office manager to add it centrally.</p>"
)
DOCS_CSS = """
pre { background: #f3f3f0; border: 1px solid #d8d8d0; padding: 8px 10px; font-family: 'Noto Sans Mono';
  font-size: 14px; white-space: pre; }
h2 { color: #2b5a8a; }
"""
PRINTERS_CONF = """# printers in the office (read by the setup script)
labels    10.0.4.27   Brother QL-820NWB   ground floor
laser     10.0.4.31   HP LaserJet M404    first floor
colour    10.0.4.32   Epson WF-C5790      first floor
"""

DARK_TABLE = [
    ["Batch", "Beer", "Brewed", "Litres", "ABV", "Tank"],
    ["B-211", "Harbour Pale", "02 Apr", "480", "4.2", "FV1"],
    ["B-212", "Stout No. 9", "05 Apr", "320", "5.6", "FV3"],
    ["B-213", "Rye Saison", "09 Apr", "400", "6.1", "FV2"],
    ["B-214", "Mild Ale", "12 Apr", "480", "3.4", "FV1"],
    ["B-215", "Citra IPA", "16 Apr", "360", "6.4", "FV4"],
    ["B-216", "Winter Porter", "19 Apr", "300", "5.2", "FV3"],
    ["B-217", "Lager Nine", "23 Apr", "520", "4.6", "FV5"],
]

DARK_ARTICLE = [
    "Night skies over the moor are among the darkest in the country. On a clear night without a "
    "moon, more than four thousand stars can be seen with the naked eye.",
    "The observatory car park opens at dusk from October to March. Turn your headlights off as you "
    "arrive and use a red torch on the path to the viewing field.",
    "Volunteers set up two telescopes on Friday and Saturday evenings when the sky is clear. They "
    "show visitors the Moon, Jupiter's four largest moons and the Orion Nebula.",
    "Dress warmly: even in early autumn the temperature on the moor can fall below freezing after "
    "midnight, and the wind makes it feel colder still.",
]
DARK_ARTICLE_CSS = """
h1 { color: #f2d27a; }
.by { color: #9aa3ad; margin-bottom: 14px; }
"""

BIKE_TRIP = """Bike trip, 3 days along the canal

Day 1: Lockside to Halfway Inn, 48 km
  - lunch at the aqueduct cafe
  - check the tyre pressure at the start
Day 2: Halfway Inn to Three Bridges, 55 km
  - the towpath is closed at lock 31,
    take the lane through the village
Day 3: Three Bridges to Marina, 41 km
  - train home at 17:12 from Marina

Pack: spare tube, pump, lights, rain cape
"""
ROUTE_NOTES = [
    ["Stage", "From", "To", "Km", "Climb"],
    ["1", "Lockside", "Halfway Inn", "48", "120 m"],
    ["2", "Halfway Inn", "Three Bridges", "55", "210 m"],
    ["3", "Three Bridges", "Marina", "41", "60 m"],
]


def _several() -> list[Scene]:
    return [
        Scene(
            "multi-less-qt-question-gomono",
            "multi-window",
            WX,
            "an xterm (Go Mono 10) showing a river gauge log in less -N, an active Qt question "
            "(QMessageBox, Fusion, FreeSans 10) over the right half of its lines; Mikachu theme",
            [
                Tui(
                    "warden@weir: ~/gauges",
                    (40, 50),
                    cols=100,
                    rows=30,
                    font=("Go Mono", 10),
                    prompt="warden@weir:~/gauges$ ",
                    workdir="gauges",
                    setup=text_file("weir-bridge.log", RIVER_LOG),
                    commands=["less -N weir-bridge.log"],
                ),
                SpecWindow(
                    "Send Warning",
                    (560, 250),
                    toolkit="qt",
                    spec={
                        "font": ["FreeSans", 10],
                        "messagebox": {
                            "icon": "question",
                            "text": "The gauge at Weir Bridge is above the alert level.",
                            "informative": "Send a flood warning to the 6 wardens now?",
                            "buttons": [["Send Warning", "accept"], ["Not Yet", "reject"]],
                        },
                    },
                ),
            ],
            order=["The gauge at Weir Bridge is above", "Send a flood warning", "1 2024-03-11 06:00"],
            theme="Mikachu",
            background="#33404d",
            half="A",
        ),
        Scene(
            "multi-docs-page-terminal",
            "multi-window",
            HD,
            "a Chromium documentation page (Liberation Serif 17; headings, paragraphs, two code "
            "blocks) at the left, an active xterm (Noto Sans Mono 11, dark) over its right edge with "
            "cat of a printer list and lpstat; Clearlooks-Olive theme",
            [
                Page(
                    "Label printer setup - Office wiki",
                    (60, 60),
                    html=page(
                        "Label printer setup - Office wiki",
                        DOCS_BODY,
                        DOCS_CSS,
                        font="'Liberation Serif'",
                        size=17,
                    ),
                    size=(1060, 900),
                ),
                Tui(
                    "it@office: ~",
                    (1060, 200),
                    cols=72,
                    rows=24,
                    font=("Noto Sans Mono", 11),
                    fg="#e6e6e6",
                    bg="#202428",
                    prompt="it@office:~$ ",
                    setup=text_file("printers.txt", PRINTERS_CONF),
                    commands=["cat printers.txt", "wc -l printers.txt"],
                ),
            ],
            order=[
                "cat printers.txt",
                "labels 10.0.4.27",
                "Installing the label printer",
                "1. Find the printer's address",
                "2. Add it with lpadmin",
                "3. Share it",
            ],
            theme="Clearlooks-Olive",
            background="#2c3024",
            half="A",
        ),
        Scene(
            "multi-dark-brewery-table-tk",
            "multi-window",
            HD,
            "a dark Qt window (Fusion, dark palette, Noto Sans 11) with a striped table of brew batches, "
            "an active light Tk note (DejaVu Serif 11) over its lower right corner below the table; "
            "Onyx-Citrus theme",
            [
                SpecWindow(
                    "Brewhouse Batches",
                    (300, 160),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "dark": True,
                        "font": ["Noto Sans", 11],
                        "width": 900,
                        "height": 560,
                        "body": [
                            {"type": "label", "text": "Batches in the fermenters, April"},
                            {
                                "type": "striped_table",
                                "columns": DARK_TABLE[0],
                                "rows": DARK_TABLE[1:],
                                "grid": False,
                                "selected": 3,
                                "right": [3, 4],
                            },
                            {"type": "buttons", "items": ["New Batch", "Close"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Tank Note",
                    (900, 560),
                    spec={
                        "font": ["DejaVu Serif", 11],
                        "bg": "#fffbe6",
                        "body": [
                            {"type": "label", "text": "FV3 needs cleaning before Friday."},
                            {"type": "label", "text": "Dry hop B-215 on Thursday morning."},
                            {"type": "buttons", "items": ["Done"]},
                        ],
                    },
                ),
            ],
            order=["FV3 needs cleaning", "Dry hop B-215", "Batches in the fermenters", "Batch Beer Brewed"],
            theme="Onyx-Citrus",
            background="#1c1c1c",
            half="A",
        ),
        Scene(
            "multi-dark-article-zenity-info",
            "multi-window",
            WX,
            "a dark Chromium article (Liberation Sans Narrow 17, light grey on near-black, a yellow "
            "heading) and an active zenity --info (GTK 3 Adwaita, light) over the middle of its "
            "paragraphs; Bear2 theme",
            [
                Page(
                    "Dark Sky Moor",
                    (60, 40),
                    html=page(
                        "Dark Sky Moor",
                        "<h1>Stargazing on the moor</h1><p class='by'>Visitor guide, autumn and winter</p>"
                        + paragraphs(DARK_ARTICLE),
                        DARK_ARTICLE_CSS,
                        font="'Liberation Sans Narrow'",
                        size=17,
                        fg="#d6d9dd",
                        bg="#15171b",
                    ),
                    size=(1100, 680),
                ),
                gtk_dialog(
                    "Tonight",
                    (430, 330),
                    "zenity",
                    [
                        "--info",
                        "--text",
                        "Clouds clear after 22:00 tonight. The viewing field opens at 22:30.",
                        "--width",
                        "380",
                    ],
                    ["Clouds clear after 22:00 tonight. The viewing field opens at 22:30."],
                    ["OK"],
                ),
            ],
            order=[
                "Clouds clear after 22:00",
                "Stargazing on the moor",
                "Visitor guide",
                "Night skies over the moor",
            ],
            theme="Bear2",
            background="#0f1216",
            half="A",
        ),
        Scene(
            "multi-cascade-tk-qt-xmessage",
            "multi-window",
            WX,
            "three small dialogs in a cascade: a Tk dialog (P052 11) at the back, a Qt message "
            "(Fusion, Go 10) over its lower right, an active xmessage (8x13 bold) over the Qt one's; "
            "Breeze-ob theme",
            [
                SpecWindow(
                    "Print Queue",
                    (200, 140),
                    spec={
                        "font": ["P052", 11],
                        "body": [
                            {"type": "label", "text": "Three jobs are waiting for the printer."},
                            {"type": "label", "text": "The oldest was sent at 08:42 by Marta."},
                            {"type": "buttons", "items": ["Pause All", "Open Queue"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Paper Tray",
                    (390, 280),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Go", 10],
                        "messagebox": {
                            "icon": "information",
                            "text": "Tray 2 is empty. Load A4 paper to go on printing.",
                            "buttons": [["Use Tray 1", "action"], ["OK", "accept"]],
                        },
                    },
                ),
                xmessage(
                    "Printer Door",
                    (580, 410),
                    "The front door of the printer is open.\nClose it to print the waiting jobs.",
                    ["Retry", "Cancel"],
                    font="8x13bold",
                ),
            ],
            order=["The front door of the printer is open", "Tray 2 is empty", "Three jobs are waiting"],
            theme="Breeze-ob",
            background="#3b4252",
            half="A",
        ),
        Scene(
            "multi-nano-page-side-classic",
            "multi-window",
            HD,
            "two windows side by side, lines on the same rows: an xterm (Classic Console 14) with nano "
            "on a bike trip plan at the left, an active Chromium page (Tinos 17) with the route "
            "stages in a table at the right, over the terminal's right edge; Syscrash theme",
            [
                Tui(
                    "tom@tent: ~",
                    (40, 80),
                    cols=74,
                    rows=30,
                    font=("Classic Console", 14),
                    prompt="tom@tent:~$ ",
                    setup=text_file("bike-trip.txt", BIKE_TRIP),
                    commands=["nano bike-trip.txt"],
                ),
                Page(
                    "Canal Route",
                    (600, 80),
                    html=page(
                        "Canal Route",
                        "<h1>Canal route in three stages</h1>"
                        "<p>Flat riding on the towpath, with a detour round lock 31.</p>"
                        + html_table(ROUTE_NOTES)
                        + "<p style='margin-top:14px'>Bikes go free on the train from Marina after "
                        "09:30.</p>",
                        "table { border: 1px solid #999; } th { background: #e8e4d8; } "
                        "td { border-top: 1px solid #ddd; }",
                        font="'Tinos'",
                        size=17,
                    ),
                    size=(880, 560),
                ),
            ],
            order=[
                "Canal route in three stages",
                "Stage From To",
                "Bikes go free",
                "GNU nano",
                "Bike trip, 3 days along the canal",
                "Pack: spare tube",
            ],
            theme="Syscrash",
            background="#263238",
            half="A",
        ),
    ]


def more_a4_scenes() -> list[Scene]:
    return [*_tuis(), *_tables_dialogs(), *_pages(), *_several()]
