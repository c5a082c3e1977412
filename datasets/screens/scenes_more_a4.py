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

from programs import SpecWindow, gtk_dialog
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


def more_a4_scenes() -> list[Scene]:
    return [*_tuis(), *_tables_dialogs()]
