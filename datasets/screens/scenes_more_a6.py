"""Session 18's fresh screens for half A (helper "moreA6"): a window manager the set had not used
(xfwm4, with its own themes Kokodi, Daloa, Moheli and Default, and a tint2 taskbar at the bottom
or top edge), several windows at once (apart and overlapping), terminal programs whose reading
order hangs on short phrases (nano's key bar, man pages of other commands, less's prompt, vim's
status line, htop's and mc's key bars) in terminal fonts no earlier screen has (IBM 3270, League
Mono, B612 Mono, D2Coding, GNU Typewriter, Terminus, Spleen), tables with row numbers or wide
cells (Chromium, Qt, Tk, zenity) and dialogs with three buttons in Roboto, Cabin and Open Sans.

Chosen without looking at half B. All in half **A**. Imported by ``scenes.py`` (its ``SCENES``).
Every word is written here, or is what a program draws about files made here (terminal words are
what tmux says the terminal shows, never OCR).
"""

from __future__ import annotations

from pages import page
from pages import table as html_table
from programs import Page, SpecWindow, gtk_dialog, xmessage
from scenes import HD, NS_PROCS, WX, Scene, both, text_file
from scenes_tui_a import CURSES, MC_INI, PARENT_DATE, Tui, files_in, home_file, mc_rows, stamped

# ---- content: terminals ---------------------------------------------------------------------------
HIVES = """Hive inspections, week 19

Hive 1 (Buckfast): queen seen, eggs and young larvae, 7 frames of brood
Hive 2 (Carniolan): no queen seen, two sealed queen cells, keep watch
Hive 3 (nucleus): calm, 3 frames of brood, feed 1:1 syrup on Sunday
Hive 4 (swarm from May): moved to a full box, add a super next week

Varroa board counts: 4, 11, 2, 6 mites over three days
Next visit: Saturday 09:30, bring the spare queen excluder
"""

VIM_SCRIPT = """#!/bin/sh
# nightly copy of the photo library to the garage disk
SRC=/srv/photos
DEST=/mnt/garage/photos
LOG=/var/log/photo-copy.log

if ! mountpoint -q /mnt/garage; then
    echo "garage disk missing, nothing copied" >> "$LOG"
    exit 1
fi

rsync -a --delete "$SRC/" "$DEST/" >> "$LOG" 2>&1
echo "copy finished $(date +%F)" >> "$LOG"
"""

RECIPES = """Sourdough, the Tuesday bake
==========================

Levain: 50 g starter, 100 g water, 100 g flour, six hours warm
Dough: 800 g strong white, 200 g wholemeal, 720 g water
Salt: 22 g, added after the first fold

Folds: four sets, thirty minutes apart
Shape: two batards, into the fridge overnight
Bake: 250 C lid on for 20 min, 230 C lid off for 25 min

Notes from last week
- the wholemeal from the mill soaks up more water
- score deeper, the ears did not open
- try rice flour in the bannetons

Orders for Friday
- cafe on Mill Lane: six loaves
- farm shop: four loaves, two seeded
- Mrs Okafor: one rye, sliced
- school fair: twelve rolls
- choir supper: three loaves, one without seeds
- Dr Lindahl: two small wholemeal
"""

TOUR = """Orchestra tour, coach list

Coach A leaves the hall at 07:45
  strings, harp, the librarian
Coach B leaves the hall at 08:15
  wind, brass, percussion, stage crew

Instruments go in the lorry on Thursday night.
Passports are checked at the coach door.
Lunch stop: services at Charnock Richard.
"""

LIGHTHOUSE = """Keeper's log, Rubha Point

06:00  wind SW 5, sea moderate, visibility good
09:00  lens cleaned, clockwork wound
12:00  wind SW 6, rain showers
15:00  fog signal tested, two blasts
18:00  lamp lit, all in order
"""

ATTIC = [
    ("old-letters", -1, "2022-11-02 14:10", 0o755),
    ("slides-1978", -1, "2023-01-19 09:45", 0o755),
    ("family-tree.ged", 48211, "2024-02-11 21:05", 0o644),
    ("grandad-medals.jpg", 1722304, "2024-01-28 16:32", 0o644),
    ("house-deeds.pdf", 902114, "2023-12-04 10:20", 0o644),
    ("wedding-1962.tif", 30455120, "2024-03-09 13:58", 0o644),
]
SCANS = [
    ("batch-07", -1, "2024-04-02 18:40", 0o755),
    ("postcard-bude.png", 611820, "2024-04-03 19:12", 0o644),
    ("postcard-tenby.png", 598001, "2024-04-03 19:15", 0o644),
    ("recipe-card-scones.png", 240911, "2024-04-05 08:31", 0o644),
    ("scan-settings.txt", 412, "2024-04-01 17:02", 0o644),
]


def _tuis() -> list[Scene]:
    return [
        Scene(
            "term-nano-3270-hives",
            "terminal",
            HD,
            "xterm (IBM 3270 15, green on black) running nano on a beekeeper's inspection notes: the "
            "reversed title bar, lines, the two lines of shortcuts (^G Help ... ^X Exit); xfwm4 "
            "Kokodi with a tint2 taskbar at the bottom",
            [
                Tui(
                    "mari@apiary: ~",
                    (200, 90),
                    cols=100,
                    rows=30,
                    font=("IBM 3270", 15),
                    fg="#33ff66",
                    bg="#000000",
                    prompt="mari@apiary:~$ ",
                    setup=text_file("hives.txt", HIVES),
                    commands=["nano hives.txt"],
                )
            ],
            order=["GNU nano", "Hive inspections, week 19", "Varroa board counts", "^G Help", "^X Exit"],
            theme="Kokodi",
            background="#1c2a20",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "man-cut-league-mono-dark",
            "man",
            WX,
            "man cut in xterm (League Mono 11, light grey on dark slate), first page with less's "
            "prompt; xfwm4 Moheli with a tint2 taskbar",
            [
                Tui(
                    "man cut",
                    (60, 40),
                    cols=96,
                    rows=34,
                    font=("League Mono", 11),
                    fg="#d8dde3",
                    bg="#232a31",
                    commands=["man cut"],
                )
            ],
            order=[
                "cut - remove sections from each line of files",
                "Print selected parts of lines",
                "Manual page cut(1)",
            ],
            theme="Moheli",
            background="#22302a",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "man-tr-b612-light",
            "man",
            WX,
            "man tr in xterm (B612 Mono 10, black on white), first page with less's prompt; xfwm4 "
            "Daloa with a tint2 taskbar",
            [
                Tui(
                    "man tr",
                    (120, 50),
                    cols=92,
                    rows=36,
                    font=("B612 Mono", 10),
                    commands=["man tr"],
                )
            ],
            order=[
                "tr - translate or delete characters",
                "Translate, squeeze, and/or delete",
                "Manual page tr(1)",
            ],
            theme="Daloa",
            background="#5a5448",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "term-vim-status-d2coding",
            "terminal",
            WX,
            "xterm (D2Coding 13, black on warm white) running vim on a shell script of ours with line "
            "numbers, the status line (file name, ruler) and the message line; xfwm4 Default with a "
            "tint2 taskbar",
            [
                Tui(
                    "pat@nas: ~/bin",
                    (90, 40),
                    cols=88,
                    rows=28,
                    font=("D2Coding", 13),
                    fg="#1b1b1b",
                    bg="#f7f4ec",
                    prompt="pat@nas:~/bin$ ",
                    workdir="bin",
                    setup=text_file("photo-copy.sh", VIM_SCRIPT),
                    commands=["vim -u NONE -i NONE -N -c 'set number laststatus=2 ruler' photo-copy.sh"],
                )
            ],
            order=[
                "#!/bin/sh",
                "nightly copy of the photo library",
                'echo "copy finished',
                "photo-copy.sh 1,1 All",
            ],
            theme="Default",
            background="#3a4048",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "term-htop-terminus-top",
            "terminal",
            HD,
            "xterm (Terminus 16, a bitmap font, light on navy) running htop in a PID namespace of "
            "ours: meters, the process table, the key bar (F1 Help ... F10 Quit); xfwm4 Kokodi with "
            "the tint2 taskbar at the top",
            [
                Tui(
                    "root@mill: ~",
                    (160, 90),
                    cols=140,
                    rows=40,
                    font=("Terminus", 16),
                    fg="#e8ecf0",
                    bg="#101c38",
                    prompt="root@mill:~# ",
                    commands=["htop -d 600"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 12),
                    env=CURSES,
                )
            ],
            order=["PID USER", "F1 Help", "F10 Quit"],
            theme="Kokodi",
            background="#182030",
            half="A",
            wm="xfwm4-top",
        ),
        Scene(
            "term-mc-spleen-attic",
            "terminal",
            WX,
            "xterm (Spleen 8x16, a bitmap font) running Midnight Commander in its default skin: two "
            "panels of folders of ours (~/attic, ~/scans), the menu bar, the key bar; xfwm4 Daloa with "
            "a tint2 taskbar",
            [
                Tui(
                    "eve@loft: ~",
                    (30, 30),
                    cols=150,
                    rows=36,
                    font=("Spleen 8x16", 12),
                    prompt="eve@loft:~$ ",
                    workdir="work",
                    setup=both(
                        home_file(".config/mc/ini", MC_INI),
                        files_in("attic", ATTIC),
                        files_in("scans", SCANS),
                        stamped(PARENT_DATE),
                    ),
                    commands=["mc -u attic scans"],
                    env={**CURSES, "TERM": "xterm-256color"},
                    table_rows=[mc_rows(ATTIC), mc_rows(SCANS)],
                )
            ],
            order=["Left File Command Options Right", "/old-letters", "wedding-1962.tif"],
            theme="Daloa",
            background="#4a4236",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "term-less-typewriter-bread",
            "terminal",
            WX,
            "xterm (GNU Typewriter 13, dark brown on cream) running less on a baker's notes longer "
            "than the screen: the file's name in less's reversed prompt; xfwm4 Moheli with a tint2 "
            "taskbar",
            [
                Tui(
                    "ines@bakehouse: ~",
                    (150, 50),
                    cols=84,
                    rows=26,
                    font=("GNUTypewriter", 13),
                    fg="#3a2614",
                    bg="#fbf3df",
                    prompt="ines@bakehouse:~$ ",
                    setup=text_file("tuesday-bake.txt", RECIPES),
                    commands=["less tuesday-bake.txt"],
                )
            ],
            order=[
                "Sourdough, the Tuesday bake",
                "Levain: 50 g starter",
                "Orders for Friday",
                "tuesday-bake.txt",
            ],
            theme="Moheli",
            background="#2e2a22",
            half="A",
            wm="xfwm4",
        ),
    ]


# ---- content: tables and dialogs -------------------------------------------------------------------
REPAIRS = [
    ["#", "Item", "Owner", "Fault", "Fixed by", "Result"],
    [
        "1",
        "Table lamp",
        "R. Haddad",
        "Flickers when the switch is touched, loose wire at the plug",
        "Gwen",
        "Fixed",
    ],
    ["2", "Toaster", "L. Moreau", "Only one side browns; element open circuit", "Tom", "Parts ordered"],
    ["3", "Bicycle", "K. Nakamura", "Rear brake rubs, wheel out of true by 3 mm", "Ade", "Fixed"],
    ["4", "Radio", "B. Okonkwo", "Hums on long wave, a dried-out capacitor", "Gwen", "Fixed"],
    ["5", "Jacket", "S. Varga", "Zip teeth missing near the bottom stop", "Maud", "New zip fitted"],
    ["6", "Kettle", "J. Silva", "Switch will not stay down, thermostat worn", "Tom", "Not repairable"],
    ["7", "Laptop", "P. Kowalski", "Hinge cracked, screen wobbles when typing", "Ade", "Glued, check in May"],
    ["8", "Teddy bear", "M. Ahmed", "Seam split under the arm, stuffing lost", "Maud", "Fixed"],
]

STARS = [
    ["Target", "Type", "Constellation", "Mag", "Best time", "Scope"],
    ["M13", "Globular cluster", "Hercules", "5.8", "23:40", "20 cm reflector"],
    ["M57", "Planetary nebula", "Lyra", "8.8", "00:15", "20 cm reflector"],
    ["Albireo", "Double star", "Cygnus", "3.1", "00:30", "8 cm refractor"],
    ["M27", "Planetary nebula", "Vulpecula", "7.5", "01:05", "20 cm reflector"],
    ["M31", "Galaxy", "Andromeda", "3.4", "02:20", "binoculars"],
    ["Mizar", "Double star", "Ursa Major", "2.2", "22:50", "8 cm refractor"],
]

ALLOTMENTS = [
    ["Plot", "Tenant", "Since", "Water butt", "Notes for the committee"],
    ["12A", "Hollis family", "2016", "yes", "Asks to move the shed two metres north"],
    ["12B", "D. Petrakis", "2021", "no", "Bindweed along the west path, letter sent"],
    ["14", "Bridge Street School", "2019", "yes", "Children's beds, no digging in term time"],
    ["15", "A. Mensah", "2023", "no", "First year, doing well, wants a compost bay"],
    ["17", "F. Oduya", "2008", "yes", "Rent paid to March, fruit cage needs netting"],
    ["18", "C. Brandt", "2022", "no", "Half plot, shares tools with plot 17"],
]

KEYS = [
    ["Key", "Door", "Holder", "Signed out"],
    ["K-01", "Main hall", "Caretaker", "always"],
    ["K-04", "Kitchen", "Lunch club", "Mon to Fri"],
    ["K-07", "Store room", "Scouts", "Tue evenings"],
    ["K-09", "Small meeting room", "Yoga class", "Thu 18:00"],
    ["K-12", "Boiler room", "Heating engineer", "on request"],
]


def _tables_dialogs() -> list[Scene]:
    return [
        Scene(
            "table-chromium-rownums-wide",
            "table",
            HD,
            "a Chromium page (Roboto 14) of a repair cafe's log: a heading, a line, a bordered table "
            "with a row-number column and a wide 'Fault' column of long cells, a closing line; xfwm4 "
            "Default with a tint2 taskbar",
            [
                Page(
                    "Repair Cafe Log",
                    (120, 80),
                    html=page(
                        "Repair Cafe Log",
                        "<h2>Repair cafe, Saturday 11 May</h2>"
                        "<p>Eight items came in this morning; six went home working.</p>"
                        + html_table(REPAIRS, cls="log")
                        + "<p>Next session: Saturday 8 June, St Anne's hall, 10:00 to 13:00.</p>",
                        "table.log { border-collapse: collapse; } "
                        ".log th, .log td { border: 1px solid #9aa3ad; padding: 5px 10px; "
                        "text-align: left; } "
                        ".log th { background: #e8edf3; } .log td:first-child { color: #667; }",
                        font="'Roboto'",
                        size=14,
                    ),
                    size=(1440, 640),
                )
            ],
            order=[
                "Repair cafe, Saturday 11 May",
                "Eight items came in",
                "Item Owner Fault",
                "1 Table lamp",
                "8 Teddy bear",
                "Next session",
            ],
            theme="Default",
            background="#404850",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "table-qt-rownums-dark-opensans",
            "table",
            WX,
            "a Qt window in the Fusion style with a dark palette (Open Sans 11): a line, a striped "
            "table of an observing list with row numbers in the vertical header, a selected row, two "
            "buttons; xfwm4 Kokodi with the tint2 taskbar at the top",
            [
                SpecWindow(
                    "Observing List",
                    (110, 90),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "dark": True,
                        "font": ["Open Sans", 11],
                        "body": [
                            {"type": "label", "text": "Clear skies forecast after 22:00, moon sets 23:10"},
                            {
                                "type": "striped_table",
                                "columns": STARS[0],
                                "rows": STARS[1:],
                                "row_numbers": True,
                                "grid": False,
                                "selected": 3,
                                "right": [3],
                            },
                            {"type": "buttons", "items": ["Print Chart", "Close"]},
                        ],
                    },
                )
            ],
            order=["Clear skies forecast", "Target Type Constellation", "M13 Globular cluster", "Mizar"],
            theme="Kokodi",
            background="#0e1420",
            half="A",
            wm="xfwm4-top",
        ),
        Scene(
            "table-tk-wide-cabin-plots",
            "table",
            HD,
            "a Tk ttk Treeview (Cabin 11) of allotment plots: a wide notes column, pale blue stripes, "
            "dark teal headings, a selected row; a line above, a line and three buttons below; xfwm4 "
            "Daloa with a tint2 taskbar",
            [
                SpecWindow(
                    "Allotment Register",
                    (280, 180),
                    spec={
                        "font": ["Cabin", 11],
                        "body": [
                            {"type": "label", "text": "Plots on the Bridge Street site, spring review"},
                            {
                                "type": "striped_table",
                                "columns": ALLOTMENTS[0],
                                "rows": ALLOTMENTS[1:],
                                "selected": 2,
                                "stripe": "#e6f0f8",
                                "heading_bg": "#1f5c63",
                                "heading_fg": "#ffffff",
                                "select_bg": "#f2d27a",
                                "select_fg": "#000000",
                                "col_pad": 28,
                            },
                            {"type": "label", "text": "Letters go out after the committee meets."},
                            {"type": "buttons", "items": ["Write Letter", "Export", "Close"]},
                        ],
                    },
                )
            ],
            order=[
                "Plots on the Bridge Street site",
                "Plot Tenant Since",
                "12A Hollis family",
                "18 C. Brandt",
                "Letters go out",
            ],
            theme="Daloa",
            background="#3c3a34",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "table-zenity-list-keys-moheli",
            "table",
            WX,
            "zenity --list in GTK 3 Adwaita (light): a line of text, four columns of hall keys, "
            "Cancel and OK; xfwm4 Moheli with a tint2 taskbar",
            [
                gtk_dialog(
                    "Hall Keys",
                    (300, 160),
                    "zenity",
                    [
                        "--list",
                        "--text",
                        "Keys held by the community hall (pick one to sign it out)",
                        "--width",
                        "620",
                        "--height",
                        "380",
                        *(a for c in KEYS[0] for a in ("--column", c)),
                        *(c for r in KEYS[1:] for c in r),
                    ],
                    [
                        "Keys held by the community hall (pick one to sign it out)",
                        *(c for r in KEYS for c in r),
                    ],
                    ["Cancel", "OK"],
                    table_rows=[KEYS],
                )
            ],
            order=[
                "Keys held by the community hall",
                "Key Door Holder",
                "K-01 Main hall",
                "K-12 Boiler room",
            ],
            theme="Moheli",
            background="#26342c",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "dlg-tk-roboto-three-kokodi",
            "dialog",
            WX,
            "a Tk dialog (Roboto 11): a bold question, two lines, three buttons; xfwm4 Kokodi with a "
            "tint2 taskbar",
            [
                SpecWindow(
                    "Unsaved Score",
                    (380, 250),
                    spec={
                        "font": ["Roboto", 11],
                        "body": [
                            {
                                "type": "label",
                                "text": "Save the changes to 'Nocturne in F'?",
                                "font": ["Roboto", 12, "bold"],
                            },
                            {"type": "label", "text": "You edited bars 12 to 40 of the viola part."},
                            {"type": "label", "text": "Changes you do not save are lost."},
                            {"type": "buttons", "items": ["Don't Save", "Cancel", "Save"]},
                        ],
                    },
                )
            ],
            order=["Save the changes", "You edited bars 12 to 40", "Changes you do not save"],
            theme="Kokodi",
            background="#2a3442",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "dlg-qt-question-cabin-daloa",
            "dialog",
            WX,
            "a Qt QMessageBox question (Fusion, Cabin 11): a message, an informative line, three "
            "buttons; xfwm4 Daloa with a tint2 taskbar",
            [
                SpecWindow(
                    "Replace Booking",
                    (360, 230),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Cabin", 11],
                        "messagebox": {
                            "icon": "question",
                            "text": "The squash court is already booked at 18:30 on Thursday.",
                            "informative": "Replace that booking with yours, or join the waiting list?",
                            "buttons": [
                                ["Waiting List", "action"],
                                ["Replace", "accept"],
                                ["Cancel", "reject"],
                            ],
                        },
                    },
                )
            ],
            order=["The squash court is already booked", "Replace that booking"],
            theme="Daloa",
            background="#55503f",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "dlg-zenity-question-top-default",
            "dialog",
            WX,
            "zenity --question in GTK 3 Adwaita (light) with three buttons (an extra one): two lines; "
            "xfwm4 Default with the tint2 taskbar at the top",
            [
                gtk_dialog(
                    "Firmware Update",
                    (400, 300),
                    "zenity",
                    [
                        "--question",
                        "--text",
                        "A new firmware for the weather station is ready.\\nInstall it now? The station "
                        "restarts once.",
                        "--ok-label",
                        "Install",
                        "--cancel-label",
                        "Not Now",
                        "--extra-button",
                        "Release Notes",
                        "--width",
                        "420",
                    ],
                    [
                        "A new firmware for the weather station is ready.",
                        "Install it now? The station restarts once.",
                    ],
                    ["Release Notes", "Not Now", "Install"],
                )
            ],
            order=["A new firmware for the weather station", "Install it now?"],
            theme="Default",
            background="#354050",
            half="A",
            wm="xfwm4-top",
        ),
    ]


# ---- content: several windows ----------------------------------------------------------------------
SWIMS = [
    ["Lane", "Swimmer", "Club", "Time"],
    ["1", "Aoife Brennan", "Otters", "1:08.42"],
    ["2", "Jonas Weber", "Harbour", "1:05.17"],
    ["3", "Priya Nair", "Otters", "1:03.90"],
    ["4", "Tomas Ruiz", "Castle", "1:04.55"],
    ["5", "Kezia Obi", "Harbour", "1:07.01"],
]

TRAINS = [
    ["Train", "To", "Platform", "Expected"],
    ["07:12", "Inverness", "2", "on time"],
    ["07:30", "Perth", "1", "07:34"],
    ["07:45", "Aberdeen", "3", "on time"],
    ["08:02", "Inverness", "2", "cancelled"],
]


def _several() -> list[Scene]:
    return [
        Scene(
            "multi-xfwm-kokodi-three-apart",
            "multi-window",
            HD,
            "three windows apart under xfwm4 Kokodi with a tint2 taskbar: an xterm (League Mono 12) "
            "with an orchestra's coach list at the left, a Tk note (Roboto 11) at the top right, an "
            "active Qt message (Fusion, Open Sans 11) at the bottom right",
            [
                Tui(
                    "lib@hall: ~/tour",
                    (40, 60),
                    cols=80,
                    rows=24,
                    font=("League Mono", 12),
                    prompt="lib@hall:~/tour$ ",
                    workdir="tour",
                    setup=text_file("coaches.txt", TOUR),
                    commands=["cat coaches.txt"],
                ),
                SpecWindow(
                    "Tour Desk",
                    (1180, 80),
                    spec={
                        "font": ["Roboto", 11],
                        "body": [
                            {"type": "label", "text": "Hotel rooms are confirmed for 62 players."},
                            {"type": "label", "text": "Four rooms still need a second name."},
                            {"type": "buttons", "items": ["Show Rooms", "OK"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Seat Plan Sent",
                    (1180, 560),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Open Sans", 11],
                        "messagebox": {
                            "icon": "information",
                            "text": "The seat plan for both coaches went to the section leaders.",
                            "buttons": [["Open Plan", "action"], ["OK", "accept"]],
                        },
                    },
                ),
            ],
            order=[
                "The seat plan for both coaches",
                "Orchestra tour, coach list",
                "Coach B leaves the hall",
            ],
            theme="Kokodi",
            background="#223044",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "multi-xfwm-daloa-less-nano",
            "multi-window",
            WX,
            "two xterms overlapping under xfwm4 Daloa with a tint2 taskbar: less on a lighthouse "
            "keeper's log (D2Coding 12) at the back, an active dark xterm (League Mono 11) with nano "
            "over its lower right",
            [
                Tui(
                    "keeper@rubha: ~",
                    (40, 40),
                    cols=72,
                    rows=22,
                    font=("D2Coding", 12),
                    prompt="keeper@rubha:~$ ",
                    setup=text_file("log-0512.txt", LIGHTHOUSE),
                    commands=["less log-0512.txt"],
                ),
                Tui(
                    "keeper@rubha: ~/stores",
                    (420, 300),
                    cols=76,
                    rows=22,
                    font=("League Mono", 11),
                    fg="#e6e6e6",
                    bg="#1e1e1e",
                    prompt="keeper@rubha:~/stores$ ",
                    workdir="stores",
                    setup=text_file(
                        "order.txt",
                        "Stores to order by Friday\n\nparaffin, 40 litres\nwicks, one box\n"
                        "brass polish, two tins\nlogbook, the ruled kind\n",
                    ),
                    commands=["nano order.txt"],
                ),
            ],
            order=["Stores to order by Friday", "^X Exit", "Keeper's log, Rubha Point", "06:00 wind SW 5"],
            theme="Daloa",
            background="#4e4a3e",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "multi-xfwm-moheli-page-tk-zenity",
            "multi-window",
            HD,
            "three windows under xfwm4 Moheli with a tint2 taskbar: a Chromium page (Open Sans 15) "
            "with swimming results in a table, a Tk note (Cabin 11) over the page's lower right, an "
            "active zenity --info apart at the right",
            [
                Page(
                    "Swimming Gala",
                    (40, 50),
                    html=page(
                        "Swimming Gala",
                        "<h1>County gala, 100 m freestyle</h1>"
                        "<p>Final, Saturday afternoon. Times are official.</p>"
                        + html_table(SWIMS, cls="res")
                        + "<p>Medals are presented at the end of the session in the main hall.</p>",
                        ".res { border-collapse: collapse; } .res th, .res td { padding: 4px 14px; "
                        "border-bottom: 1px solid #ccd; text-align: left; } .res th { background: #dde8f0; }",
                        font="'Open Sans'",
                        size=15,
                    ),
                    size=(1000, 620),
                ),
                SpecWindow(
                    "Lane Judges",
                    (760, 520),
                    spec={
                        "font": ["Cabin", 11],
                        "body": [
                            {"type": "label", "text": "Judges meet at the pool side at 15:40."},
                            {"type": "label", "text": "Bring the lane cards and a pencil."},
                            {"type": "buttons", "items": ["OK"]},
                        ],
                    },
                ),
                gtk_dialog(
                    "Results Posted",
                    (1340, 200),
                    "zenity",
                    [
                        "--info",
                        "--text",
                        "The results were posted to the club website.\\nParents were sent the link.",
                        "--width",
                        "380",
                    ],
                    ["The results were posted to the club website.", "Parents were sent the link."],
                    ["OK"],
                ),
            ],
            order=[
                "The results were posted",
                "Judges meet at the pool side",
                "County gala, 100 m freestyle",
                "Lane Swimmer Club",
            ],
            theme="Moheli",
            background="#1a2a22",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "multi-xfwm-default-four",
            "multi-window",
            HD,
            "four windows under xfwm4 Default with a tint2 taskbar: man head in an xterm (B612 Mono "
            "11) at the left, a Qt window with a train table (Roboto 11) at the right, a Tk dialog "
            "over the Qt window's lower left, an active xmessage (9x15) apart at the bottom left",
            [
                Tui(
                    "man head",
                    (30, 40),
                    cols=82,
                    rows=30,
                    font=("B612 Mono", 11),
                    commands=["man head"],
                ),
                SpecWindow(
                    "Departures",
                    (1150, 60),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Roboto", 11],
                        "body": [
                            {"type": "label", "text": "Northbound from Stirling"},
                            {
                                "type": "striped_table",
                                "columns": TRAINS[0],
                                "rows": TRAINS[1:],
                                "grid": True,
                            },
                            {"type": "buttons", "items": ["Refresh", "Close"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Ticket Office",
                    (1080, 250),
                    spec={
                        "font": ["Roboto", 11],
                        "body": [
                            {"type": "label", "text": "The ticket office closes at 19:00 today."},
                            {"type": "buttons", "items": ["Buy Online", "OK"]},
                        ],
                    },
                ),
                xmessage(
                    "Platform Change",
                    (60, 760),
                    "The 07:45 to Aberdeen now leaves from platform 3.",
                    ["Understood"],
                    font="9x15",
                ),
            ],
            order=[
                "The 07:45 to Aberdeen now leaves",
                "The ticket office closes",
                "Northbound from Stirling",
            ],
            theme="Default",
            background="#2c3440",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "multi-xfwm-top-qt-tk-overlap",
            "multi-window",
            WX,
            "two windows overlapping under xfwm4 Kokodi with the tint2 taskbar at the top: a Qt "
            "window (Fusion, Cabin 11) with a table of hall keys, an active Tk dialog (Open Sans 11) "
            "over its lower right",
            [
                SpecWindow(
                    "Key Cupboard",
                    (80, 90),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Cabin", 11],
                        "body": [
                            {"type": "label", "text": "Keys signed out this week"},
                            {
                                "type": "striped_table",
                                "columns": KEYS[0],
                                "rows": KEYS[1:],
                                "grid": False,
                                "selected": 2,
                            },
                            {"type": "buttons", "items": ["Sign In", "Close"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Key Overdue",
                    (520, 380),
                    spec={
                        "font": ["Open Sans", 11],
                        "body": [
                            {
                                "type": "label",
                                "text": "The store room key is two days overdue.",
                                "font": ["Open Sans", 11, "bold"],
                            },
                            {"type": "label", "text": "Send a reminder to the Scouts?"},
                            {"type": "buttons", "items": ["Remind", "Later"]},
                        ],
                    },
                ),
            ],
            order=["The store room key is two days overdue", "Send a reminder", "Keys signed out this week"],
            theme="Kokodi",
            background="#1e2836",
            half="A",
            wm="xfwm4-top",
        ),
        Scene(
            "multi-xfwm-side-dark-vim-man",
            "multi-window",
            HD,
            "two dark xterms side by side under xfwm4 Moheli with a tint2 taskbar, their lines on the "
            "same rows: vim on the keeper's log (Terminus 16) at the left, an active man tr "
            "(D2Coding 12) at the right",
            [
                Tui(
                    "keeper@rubha: ~/log",
                    (30, 40),
                    cols=80,
                    rows=30,
                    font=("Terminus", 16),
                    fg="#d0d8e0",
                    bg="#101418",
                    prompt="keeper@rubha:~/log$ ",
                    workdir="log",
                    setup=text_file("log-0513.txt", LIGHTHOUSE.replace("Rubha Point", "Rubha Point, 13 May")),
                    commands=["vim -u NONE -i NONE -N -c 'set laststatus=2 ruler' log-0513.txt"],
                ),
                Tui(
                    "man tr",
                    (960, 40),
                    cols=88,
                    rows=38,
                    font=("D2Coding", 12),
                    fg="#e0e0d0",
                    bg="#1a1c14",
                    commands=["man tr"],
                ),
            ],
            order=[
                "tr - translate or delete characters",
                "Manual page tr(1)",
                "Keeper's log, Rubha Point, 13 May",
                "18:00 lamp lit",
            ],
            theme="Moheli",
            background="#141c18",
            half="A",
            wm="xfwm4",
        ),
        Scene(
            "multi-xfwm-daloa-page-term-qt",
            "multi-window",
            WX,
            "three windows under xfwm4 Daloa with a tint2 taskbar: a Chromium page (Cabin 15) of "
            "trains, an xterm (IBM 3270 13) with the keeper's log over its right edge, an active Qt "
            "message (Fusion, Roboto 11) apart at the bottom left",
            [
                Page(
                    "Station Notices",
                    (30, 30),
                    html=page(
                        "Station Notices",
                        "<h2>Stirling, Monday morning</h2>"
                        "<p>Engineering work north of Perth ends at 06:30.</p>"
                        + html_table(TRAINS, cls="tt")
                        + "<p>Bicycles travel free; book a space on the Inverness trains.</p>",
                        ".tt { border-collapse: collapse; } .tt th, .tt td { border: 1px solid #999; "
                        "padding: 3px 10px; }",
                        font="'Cabin'",
                        size=15,
                    ),
                    size=(760, 460),
                ),
                Tui(
                    "keeper@rubha: ~",
                    (700, 60),
                    cols=60,
                    rows=14,
                    font=("IBM 3270", 13),
                    fg="#f0f0f0",
                    bg="#202830",
                    prompt="keeper@rubha:~$ ",
                    setup=text_file("log.txt", LIGHTHOUSE),
                    commands=["cat log.txt"],
                ),
                SpecWindow(
                    "Lamp Check",
                    (60, 560),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Roboto", 11],
                        "messagebox": {
                            "icon": "warning",
                            "text": "The spare lamp has not been tested this month.",
                            "buttons": [["Test Now", "accept"], ["Remind Me", "reject"]],
                        },
                    },
                ),
            ],
            order=[
                "The spare lamp has not been tested",
                "Keeper's log, Rubha Point",
                "Stirling, Monday morning",
                "Train To Platform",
            ],
            theme="Daloa",
            background="#4a463a",
            half="A",
            wm="xfwm4",
        ),
    ]


def more_a6_scenes() -> list[Scene]:
    return [*_tuis(), *_tables_dialogs(), *_several()]
