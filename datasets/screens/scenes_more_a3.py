"""Session 15's fresh screens for half A (helper "moreA3"): the kinds issue #15 names, under window
managers other than openbox.

Every earlier screen was captured under openbox: one family of title bars (a centred or left title,
an icon, three buttons at the right) and no panel. These are captured under icewm (a taskbar at the
bottom or the top, themes drawn from pixmaps: win95, CrystalBlue, metal2, motif, NanoBlue),
fluxbox (a toolbar of window buttons, styles whose titles sit in a tab between buttons on both
sides) and jwm (a tray with a task list, flat or motif borders, title fonts of other families and
heights), so that what is read from pixels (title bars, frames, panels) meets decorations nobody
tuned on. The programs are those the issue names: terminals with listings and man pages, Tk, Qt and
zenity dialogs, calculators, a clock, Chromium pages with tables, forms, two columns and a dark
theme, and two or three windows overlapping. All in half **A**.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or is what a program prints
about files made here. A panel's only text is a button per window showing that window's title.
"""

from __future__ import annotations

from pages import buttons as html_buttons
from pages import form as html_form
from pages import page, paragraphs
from pages import table as html_table
from programs import Page, SpecWindow, Terminal, galculator, gtk_dialog, xcalc, xclock
from scenes import HD, WX, Scene, make_files, text_file
from scenes_more_a2 import Emu


def more_a3_scenes() -> list[Scene]:
    return [*_icewm(), *_fluxbox(), *_jwm()]


# ---- icewm ------------------------------------------------------------------------------------------
FERRY = [
    ["Ferry", "Departs", "Arrives", "Pier", "Status"],
    ["Gull", "07:40", "08:25", "A", "On time"],
    ["Heron", "08:15", "09:05", "B", "On time"],
    ["Puffin", "09:30", "10:10", "A", "Delayed 15 min"],
    ["Gull", "10:45", "11:30", "C", "On time"],
    ["Tern", "12:20", "13:00", "B", "Cancelled"],
    ["Heron", "14:05", "14:55", "A", "On time"],
]
BIKE_PARTS = [
    ["Part", "Size", "In stock", "Price"],
    ["Inner tube", "28 x 1.75", "34", "6.90"],
    ["Brake pads", "V-brake", "18", "8.50"],
    ["Chain", "8 speed", "7", "19.00"],
    ["Saddle", "Comfort", "5", "27.40"],
    ["Bell", "Brass", "22", "4.20"],
    ["Pedals", "Platform", "9", "15.80"],
    ["Mudguard set", "26 inch", "3", "21.00"],
]
BEEKEEPING_LEFT = [
    "The association keeps twelve hives on the hill above the orchard. New members spend their "
    "first season with a mentor and learn to open a hive calmly.",
    "Swarms are collected by volunteers from April to July. If bees settle in your garden, call "
    "the swarm line and leave them alone until someone arrives.",
]
BEEKEEPING_RIGHT = [
    "Honey is extracted twice a year in the shed behind the chapel. Bring clean jars with lids; "
    "members pay four euros for each kilogram.",
    "Winter meetings are held on the first Thursday of the month. This year's talks cover wax "
    "moths, queen rearing and planting for late forage.",
]
POTTERY_LOG = """Kiln firing log, pottery studio
Mon  bisque   cone 04   kiln 1   mugs, bowls
Tue  glaze    cone 6    kiln 2   plates for Ada
Wed  cooling  -         kiln 1   do not open
Thu  glaze    cone 6    kiln 1   teapots, vases
"""


def _icewm() -> list[Scene]:
    return [
        Scene(
            "man-icewm-paste-win95",
            "man",
            WX,
            "xterm (Liberation Mono 10) showing man paste under icewm's win95 theme: a blue title bar "
            "with the title at the left after an icon, three buttons at the right; icewm's grey "
            "taskbar at the bottom with a start button and one task button",
            [
                Terminal(
                    "man paste",
                    (150, 40),
                    cols=96,
                    rows=38,
                    font=("Liberation Mono", 10),
                    prompt="val@ferry:~$ ",
                    commands=["man paste"],
                )
            ],
            order=["paste - merge lines of files", "SYNOPSIS", "DESCRIPTION"],
            theme="win95",
            background="#3a6e6a",
            half="A",
            wm="icewm",
        ),
        Scene(
            "dlg-icewm-tk-ferry",
            "dialog",
            WX,
            "a Tk dialog (Liberation Sans 11): a bold question, a line of detail, three buttons; "
            "icewm's CrystalBlue theme (a rounded blue title bar, buttons both sides), taskbar",
            [
                SpecWindow(
                    "Rebook Crossing",
                    (420, 280),
                    spec={
                        "font": ["Liberation Sans", 11],
                        "body": [
                            {
                                "type": "label",
                                "text": "Move your crossing to the 10:45 ferry?",
                                "font": ["Liberation Sans", 12, "bold"],
                            },
                            {"type": "label", "text": "The Puffin leaves Pier A fifteen minutes late today."},
                            {"type": "buttons", "items": ["Keep Booking", "Refund", "Move"]},
                        ],
                    },
                )
            ],
            order=["Move your crossing to the 10:45 ferry?", "The Puffin leaves Pier A"],
            theme="CrystalBlue",
            background="#22384a",
            half="A",
            wm="icewm",
        ),
        Scene(
            "page-icewm-top-two-columns",
            "article",
            HD,
            "Chromium page (URW Bookman 16) of two columns of paragraphs under a heading, with the "
            "taskbar of icewm's NanoBlue theme at the top edge of the screen",
            [
                Page(
                    "Hill Beekeepers",
                    (260, 120),
                    html=page(
                        "Hill Beekeepers",
                        "<h1>Hill Beekeepers Association</h1>"
                        "<div class='cols'><div>"
                        + paragraphs(BEEKEEPING_LEFT)
                        + "</div><div>"
                        + paragraphs(BEEKEEPING_RIGHT)
                        + "</div></div>",
                        ".cols { display: flex; gap: 48px; } .cols > div { flex: 1; }",
                        font="'URW Bookman'",
                        size=16,
                    ),
                    size=(1280, 560),
                )
            ],
            order=[
                "Hill Beekeepers Association",
                "The association keeps twelve hives",
                "Swarms are collected by volunteers",
                "Honey is extracted twice a year",
                "Winter meetings are held",
            ],
            theme="NanoBlue",
            background="#2d3b2a",
            half="A",
            wm="icewm-top",
        ),
        Scene(
            "table-icewm-qt-bike-parts",
            "table",
            WX,
            "a Qt window (Fusion, Liberation Sans 11): a line of text, a QTableWidget of bicycle parts "
            "with a grid, two buttons; icewm's metal2 theme and taskbar",
            [
                SpecWindow(
                    "Workshop Stock",
                    (250, 120),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Liberation Sans", 11],
                        "body": [
                            {"type": "label", "text": "Spare parts counted on Saturday evening"},
                            {"type": "table", "columns": BIKE_PARTS[0], "rows": BIKE_PARTS[1:]},
                            {"type": "buttons", "items": ["Reorder", "Close"]},
                        ],
                    },
                )
            ],
            order=["Spare parts counted on Saturday evening", "Part Size In stock Price", "Inner tube"],
            theme="metal2",
            background="#505a50",
            half="A",
            wm="icewm",
        ),
        Scene(
            "multi-icewm-page-urxvt-qt",
            "multi-window",
            HD,
            "three overlapping windows under icewm's motif theme: a Chromium ferry timetable (a "
            "bordered table), urxvt (DejaVu Sans Mono 11, dark) with a kiln log over its lower "
            "right, an active Qt question (QMessageBox) over the table; taskbar with three buttons",
            [
                Page(
                    "Island Ferries",
                    (60, 50),
                    html=page(
                        "Island Ferries",
                        "<h1>Departures from the harbour</h1>"
                        + html_table(FERRY, cls="f")
                        + "<p style='margin-top:14px'>Tickets are sold on board; bicycles travel free.</p>",
                        "table.f td, table.f th { border: 1px solid #9aa6b2; } "
                        "table.f th { background: #dfe7ef; }",
                        font="'Liberation Sans'",
                        size=16,
                    ),
                    size=(900, 600),
                ),
                Emu(
                    "ada@studio: ~/kiln",
                    (760, 480),
                    cols=64,
                    rows=14,
                    font=("DejaVu Sans Mono", 11),
                    fg="#e6e1d6",
                    bg="#262420",
                    prompt="ada@studio:~/kiln$ ",
                    workdir="kiln",
                    setup=text_file("firing.txt", POTTERY_LOG),
                    commands=["clear; cat firing.txt"],
                ),
                SpecWindow(
                    "Sailing Update",
                    (400, 260),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["DejaVu Sans", 11],
                        "messagebox": {
                            "icon": "information",
                            "text": "Tern is cancelled because of high wind.",
                            "informative": "Passengers may take the Heron at 14:05 at no charge.",
                            "buttons": [["Later", "reject"], ["Understood", "accept"]],
                        },
                    },
                ),
            ],
            order=[
                "Tern is cancelled because of high wind",
                "Kiln firing log",
                "Departures from the harbour",
            ],
            theme="motif",
            background="#40474f",
            half="A",
            wm="icewm",
        ),
        Scene(
            "calc-icewm-galculator",
            "calculator",
            WX,
            "galculator (GTK 3, Adwaita) in its basic mode: menu bar, display, 26 keys; icewm's "
            "icedesert theme and taskbar",
            [galculator((520, 230))],
            theme="icedesert",
            background="#5a4a3a",
            half="A",
            wm="icewm",
        ),
    ]


# ---- fluxbox ----------------------------------------------------------------------------------------
CHOIR_FILES = [
    ("alto-part.pdf", 182004, "2024-09-03 19:40", 0o644),
    ("bass-part.pdf", 176220, "2024-09-03 19:41", 0o644),
    ("concert-poster.png", 640112, "2024-09-10 08:15", 0o644),
    ("recordings", -1, "2024-09-12 21:30", 0o755),
    ("rehearsal-plan.ods", 14420, "2024-09-01 17:05", 0o644),
    ("seating.txt", 812, "2024-09-11 20:00", 0o644),
    ("soprano-part.pdf", 190540, "2024-09-03 19:42", 0o644),
    ("tenor-part.pdf", 171336, "2024-09-03 19:43", 0o644),
]
CHESS_ROUNDS = [
    ["Board", "White", "Black", "Result"],
    ["1", "Ines Okafor", "Pavel Doskal", "1-0"],
    ["2", "Ruth Lindqvist", "Omar Haddad", "0.5-0.5"],
    ["3", "Kenji Arai", "Sofia Marchetti", "0-1"],
    ["4", "Tomas Vrba", "Leila Nasser", "1-0"],
    ["5", "Anouk Peeters", "Bruno Salgado", "0-1"],
]
OBSERVATORY_FIELDS = [
    ("Your name", "text", "Wendell Achebe"),
    ("Email", "text", "wendell@stargaze.example"),
    ("Evening", "select", "Friday 18 October"),
    ("Group size", "text", "4"),
    ("Telescope", "select", "Large refractor"),
    ("Notes", "placeholder", "Anything we should know"),
]
SEED_SWAP = """Seed swap, church hall, Sunday 14:00
bring: labelled envelopes, one packet per kind
bean    Cherokee Trail     dwarf, black seed
tomato  Gardener's Delight cherry, red
squash  Uchiki Kuri        orange, keeps well
"""


def _fluxbox() -> list[Scene]:
    return [
        Scene(
            "term-fluxbox-urxvt-ls-choir",
            "terminal",
            WX,
            "urxvt (Liberation Mono 11, pale green on black) with ls -l of a choir's folder; "
            "fluxbox's Emerge style (title in a tab between a button at the left and three at the "
            "right) and its toolbar of window buttons at the bottom",
            [
                Emu(
                    "nell@choir: ~/autumn",
                    (160, 90),
                    cols=84,
                    rows=22,
                    font=("Liberation Mono", 11),
                    fg="#b8f0b0",
                    bg="#0c0c0c",
                    prompt="nell@choir:~/autumn$ ",
                    workdir="autumn",
                    setup=make_files(CHOIR_FILES),
                    commands=["ls -l"],
                    parse_ls=True,
                )
            ],
            order=["ls -l", "total", "alto-part.pdf"],
            theme="Emerge",
            background="#2c3e50",
            half="A",
            wm="fluxbox",
        ),
        Scene(
            "dlg-fluxbox-zenity-seeds",
            "dialog",
            WX,
            "zenity --question (GTK 3, Adwaita): a message of two lines and two buttons; fluxbox's "
            "bora_black style and toolbar",
            [
                gtk_dialog(
                    "Seed Swap",
                    (430, 300),
                    "zenity",
                    [
                        "--question",
                        "--width",
                        "440",
                        "--text",
                        "Print forty envelope labels for the seed swap?\n"
                        "The hall printer has paper for about sixty pages.",
                        "--ok-label",
                        "Print Labels",
                        "--cancel-label",
                        "Skip",
                    ],
                    [
                        "Print forty envelope labels for the seed swap?",
                        "The hall printer has paper for about sixty pages.",
                    ],
                    ["Skip", "Print Labels"],
                )
            ],
            order=["Print forty envelope labels", "The hall printer has paper"],
            theme="bora_black",
            background="#3b3b3b",
            half="A",
            wm="fluxbox",
        ),
        Scene(
            "page-fluxbox-top-dark-form",
            "form",
            HD,
            "a dark Chromium page (Cantarell 15): a booking form of labels, filled fields, two selects "
            "and a placeholder, two buttons; fluxbox's BlueNight style with its toolbar at the top",
            [
                Page(
                    "Stargazing Evenings",
                    (420, 140),
                    html=page(
                        "Stargazing Evenings",
                        "<h1>Book a stargazing evening</h1>"
                        "<p>The observatory opens on clear Fridays from 20:00. Places are limited.</p>"
                        + html_form(OBSERVATORY_FIELDS)
                        + html_buttons(["Check Weather", "Book Places"]),
                        ".form .row { display: flex; align-items: center; margin: 8px 0; } "
                        ".form label { width: 140px; color: #b8c4d6; } "
                        "input, select { background: #1f2733; color: #e8eef6; border: 1px solid #4a5a70; "
                        "width: 320px; } .buttons { margin-top: 18px; } "
                        "button { background: #2f5f9e; color: #ffffff; border: 0; }",
                        font="'Cantarell'",
                        size=15,
                        fg="#e8eef6",
                        bg="#121821",
                    ),
                    size=(1000, 560),
                )
            ],
            order=["Book a stargazing evening", "The observatory opens on clear Fridays", "Your name"],
            theme="BlueNight",
            background="#0d1520",
            half="A",
            wm="fluxbox-top",
        ),
        Scene(
            "table-fluxbox-chromium-chess",
            "table",
            WX,
            "a Chromium page (Liberation Sans 15) with a striped table of chess results "
            "without borders; fluxbox's Squared_blue style and toolbar",
            [
                Page(
                    "Chess Club",
                    (120, 70),
                    html=page(
                        "Chess Club",
                        "<h1>Autumn league, round 3</h1>"
                        "<p>Played on Tuesday at the library. Games start at 19:30 sharp.</p>"
                        + html_table(CHESS_ROUNDS, cls="c")
                        + "<p style='margin-top:14px'>Round 4 pairings follow on Friday.</p>",
                        "table.c tr:nth-child(even) td { background: #eef2f7; } "
                        "table.c th { border-bottom: 2px solid #3c5a80; }",
                        font="'Liberation Sans'",
                        size=15,
                    ),
                    size=(960, 520),
                )
            ],
            order=["Autumn league, round 3", "Board White Black Result", "Ines Okafor"],
            theme="Squared_blue",
            background="#35506e",
            half="A",
            wm="fluxbox",
        ),
        Scene(
            "multi-fluxbox-xterm-tk-overlap",
            "multi-window",
            WX,
            "two overlapping windows under fluxbox's Makro style: xterm (DejaVu Sans Mono 10) "
            "with a seed swap note, an active Tk form over its lower right; toolbar",
            [
                Terminal(
                    "jo@garden: ~",
                    (60, 60),
                    cols=76,
                    rows=20,
                    font=("DejaVu Sans Mono", 10),
                    prompt="jo@garden:~$ ",
                    setup=text_file("swap.txt", SEED_SWAP),
                    commands=["clear; cat swap.txt"],
                ),
                SpecWindow(
                    "Add Seeds",
                    (480, 300),
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "label", "text": "Add a packet to the swap list"},
                            {
                                "type": "form",
                                "fields": [["Plant", "runner bean"], ["Variety", "Painted Lady"]],
                                "entry_width": 30,
                            },
                            {"type": "buttons", "items": ["Cancel", "Add Packet"]},
                        ],
                    },
                ),
            ],
            order=["Add a packet to the swap list", "Seed swap, church hall"],
            theme="Makro",
            background="#4a5240",
            half="A",
            wm="fluxbox",
        ),
        Scene(
            "man-fluxbox-urxvt-nl-hd",
            "man",
            HD,
            "urxvt (Noto Mono 12, dark blue-grey) showing man nl; fluxbox's carp style and toolbar",
            [
                Emu(
                    "man nl",
                    (300, 80),
                    cols=110,
                    rows=40,
                    font=("Noto Mono", 12),
                    fg="#dfe6ee",
                    bg="#22303c",
                    prompt="val@ferry:~$ ",
                    commands=["man nl"],
                )
            ],
            order=["nl - number lines of files", "SYNOPSIS", "DESCRIPTION"],
            theme="carp",
            background="#283038",
            half="A",
            wm="fluxbox",
        ),
        Scene(
            "calc-fluxbox-xcalc-colour",
            "calculator",
            WX,
            "xcalc (TI-30 mode) in colour at its own size; fluxbox's zimek_green style and toolbar",
            [xcalc((500, 200), color=True)],
            theme="zimek_green",
            background="#30402c",
            half="A",
            wm="fluxbox",
        ),
    ]


# ---- jwm --------------------------------------------------------------------------------------------
TRAM_DEPOT = [
    ["Tram", "Line", "Depot", "Km this week", "Next service"],
    ["T-204", "3", "North", "1,184", "12 Nov"],
    ["T-207", "3", "North", "1,102", "03 Dec"],
    ["T-311", "7", "River", "964", "19 Nov"],
    ["T-315", "7", "River", "1,230", "26 Nov"],
    ["T-402", "9", "South", "877", "08 Dec"],
]
REPAIR_CAFE = """Repair cafe, 2nd Saturday
toaster      fuse replaced      done
lamp         new switch         done
radio        tuning cord        waiting for part
trousers     zip                done
"""
DEPOT_FILES = [
    ("brake-tests", -1, "2024-11-04 06:10", 0o755),
    ("depot-north.csv", 8812, "2024-11-08 05:55", 0o644),
    ("depot-river.csv", 7640, "2024-11-08 05:56", 0o644),
    ("depot-south.csv", 6931, "2024-11-08 05:57", 0o644),
    ("mileage.py", 2210, "2024-10-30 14:20", 0o755),
    ("wheel-lathe.log", 41880, "2024-11-07 22:40", 0o644),
]


def _jwm() -> list[Scene]:
    return [
        Scene(
            "term-jwm-xterm-core-depot",
            "terminal",
            WX,
            "xterm (the core 9x15 font, black on light grey) with ls -l and a wc of files of a tram "
            "depot; jwm's flat 'steel' look (a blue title bar in DejaVu Sans 10 bold, icon at the "
            "left, three buttons at the right) and its tray with a task list at the bottom",
            [
                Terminal(
                    "depot@tram: ~/fleet",
                    (140, 80),
                    cols=80,
                    rows=24,
                    font=("9x15", 0),
                    bg="#e4e4e4",
                    prompt="depot@tram:~/fleet$ ",
                    workdir="fleet",
                    setup=make_files(DEPOT_FILES),
                    commands=["ls -l", "wc -c depot-*.csv"],
                    parse_ls=True,
                )
            ],
            order=["ls -l", "brake-tests", "wc -c depot-*.csv"],
            theme="steel",
            background="#3f4a56",
            half="A",
            wm="jwm",
        ),
        Scene(
            "dlg-jwm-qt-sand-warning",
            "dialog",
            WX,
            "a Qt QMessageBox (Fusion, warning icon, three buttons) under jwm's 'sand' look: a 28 px "
            "title bar in Liberation Serif 12 bold, motif borders; the tray at the bottom",
            [
                SpecWindow(
                    "Repair Cafe",
                    (380, 260),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Liberation Sans", 11],
                        "messagebox": {
                            "icon": "warning",
                            "text": "The soldering iron has been on for two hours.",
                            "informative": "Switch it off at the bench before the volunteers leave?",
                            "buttons": [
                                ["Leave On", "reject"],
                                ["Remind Me", "action"],
                                ["Switch Off", "accept"],
                            ],
                        },
                    },
                )
            ],
            order=["The soldering iron has been on", "Switch it off at the bench"],
            theme="sand",
            background="#6b5b45",
            half="A",
            wm="jwm",
        ),
        Scene(
            "table-jwm-top-tk-trams",
            "table",
            HD,
            "a Tk window (Liberation Sans 12): a line of text, a ttk Treeview of trams (clam), "
            "two buttons; jwm's 'night' look (an 18 px title bar in Liberation Mono 9) with the tray "
            "at the top",
            [
                SpecWindow(
                    "Fleet Mileage",
                    (520, 220),
                    spec={
                        "font": ["Liberation Sans", 12],
                        "body": [
                            {"type": "label", "text": "Kilometres run by each tram, week 45"},
                            {"type": "table", "columns": TRAM_DEPOT[0], "rows": TRAM_DEPOT[1:]},
                            {"type": "buttons", "items": ["Export", "Close"]},
                        ],
                    },
                )
            ],
            order=["Kilometres run by each tram", "Tram Line Depot", "T-204"],
            theme="night",
            background="#1e2226",
            half="A",
            wm="jwm-top",
        ),
        Scene(
            "multi-jwm-page-xterm-zenity",
            "multi-window",
            HD,
            "three windows under jwm's 'sand' look: a Chromium page of repair cafe news (two "
            "columns: text and a side list), an xterm (Liberation Mono 11) over its right edge, an "
            "active zenity warning apart; tray with three tasks",
            [
                Page(
                    "Repair Cafe News",
                    (40, 40),
                    html=page(
                        "Repair Cafe News",
                        "<h1>Repair cafe in November</h1><div class='two'><div class='main'>"
                        + paragraphs(
                            [
                                "Volunteers fixed thirty-one things last month, from kettles to a "
                                "rocking horse. The sewing table was the busiest of all.",
                                "Please bring the manual or the charger if you still have it. We "
                                "cannot repair microwaves or anything that runs on gas.",
                            ]
                        )
                        + "</div><div class='side'><h2>Tables</h2><ul><li>Electrics</li><li>Bicycles</li>"
                        "<li>Sewing</li><li>Knife sharpening</li></ul></div></div>",
                        ".two { display: flex; gap: 40px; } .main { width: 560px; } "
                        ".side { background: #f1ead8; padding: 10px 18px; width: 200px; }",
                        font="'Liberation Serif'",
                        size=17,
                    ),
                    size=(960, 520),
                ),
                Terminal(
                    "bert@cafe: ~",
                    (860, 300),
                    cols=64,
                    rows=14,
                    font=("Liberation Mono", 11),
                    prompt="bert@cafe:~$ ",
                    setup=text_file("fixed.txt", REPAIR_CAFE),
                    commands=["clear; cat fixed.txt"],
                ),
                gtk_dialog(
                    "Bench Safety",
                    (1300, 640),
                    "zenity",
                    [
                        "--warning",
                        "--width",
                        "380",
                        "--text",
                        "Unplug the kettle before opening its base.",
                        "--ok-label",
                        "Got It",
                    ],
                    ["Unplug the kettle before opening its base."],
                    ["Got It"],
                ),
            ],
            order=["Unplug the kettle", "Repair cafe, 2nd Saturday", "Repair cafe in November"],
            theme="sand",
            background="#50473a",
            half="A",
            wm="jwm",
        ),
        Scene(
            "dlg-jwm-tk-dark-night",
            "dialog",
            WX,
            "a dark Tk dialog (DejaVu Sans 11, light on charcoal): a question, two lines, two "
            "buttons; jwm's 'night' look (a thin title bar in a monospaced font) and tray",
            [
                SpecWindow(
                    "Night Tram",
                    (430, 290),
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "bg": "#26282b",
                        "fg": "#e6e6e6",
                        "body": [
                            {"type": "label", "text": "Send the spare tram to line 9 tonight?"},
                            {"type": "label", "text": "T-402 is due for its wheel check on 8 December."},
                            {"type": "buttons", "items": ["Not Tonight", "Send T-402"]},
                        ],
                    },
                )
            ],
            order=["Send the spare tram to line 9 tonight?", "T-402 is due"],
            theme="night",
            background="#141618",
            half="A",
            wm="jwm",
        ),
        Scene(
            "clock-jwm-xclock-weekday",
            "clock",
            WX,
            "xclock -digital (Liberation Sans 20) showing the weekday, date and time; jwm's 'steel' "
            "look and its tray",
            [
                xclock(
                    "Depot Clock",
                    (380, 300),
                    (520, 80),
                    strftime="%A %d %B  %H:%M",
                    face="Liberation Sans-20",
                )
            ],
            theme="steel",
            background="#30363c",
            half="A",
            wm="jwm",
        ),
        Scene(
            "table-jwm-chromium-depot-pair",
            "table",
            HD,
            "a Chromium page (Liberation Sans 15) with two tables side by side: trams by depot and "
            "repair notes, light grey header rows; jwm's 'steel' look and tray",
            [
                Page(
                    "Depot Board",
                    (240, 100),
                    html=page(
                        "Depot Board",
                        "<h1>Depot board, week 45</h1><div class='pair'><div>"
                        + html_table(TRAM_DEPOT, t=0, cls="b")
                        + "</div><div>"
                        + html_table(
                            [
                                ["Job", "Tram", "Fitter"],
                                ["Pantograph", "T-311", "Greta"],
                                ["Door sensor", "T-207", "Malik"],
                                ["Horn", "T-402", "Greta"],
                            ],
                            t=1,
                            cls="b",
                        )
                        + "</div></div>",
                        ".pair { display: flex; gap: 60px; } table.b th { background: #d9dde2; } "
                        "table.b td, table.b th { border: 1px solid #b5bcc4; }",
                        font="'Liberation Sans'",
                        size=15,
                    ),
                    size=(1300, 480),
                )
            ],
            order=["Depot board, week 45", "Tram Line Depot", "T-204 3 North"],
            theme="steel",
            background="#2a3038",
            half="A",
            wm="jwm",
        ),
    ]
