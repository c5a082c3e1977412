"""Session 20's fresh screens for half A (helper "moreA8"): two window managers the set had not used
(marco 1.26, MATE's window manager, with metacity-1 themes of the mate-themes package, and Window
Maker 0.95 with its own styles), no panel; terminal listings (`ls -l`, `ps`, `df`, `column -t`),
man pages, full-screen text programs (nano, vim, htop, less), Tk, Qt, zenity, yad and xmessage
dialogs with buttons, calculators, Chromium tables, a form, an article in two columns, dark themes,
and several windows at once, in fonts the set had not used (the X core font Lucida Sans Typewriter,
PT Mono, Latin Modern Mono, Linux Libertine Mono, Mplus Code, TlwgTypewriter in the terminals;
Karla, PT Sans, Clear Sans, Play, Andika, Caladea, Linux Biolinum, Quicksand, Vollkorn, Jura,
Charis SIL in the windows and title bars), and GTK themes and icon themes of MATE (BlueMenta,
Menta, BlackMATE; icons menta, mate) for the GTK dialogs.

Chosen without looking at half B. All in half **A**. Imported by ``scenes.py`` (its ``SCENES``).
Every word is written here, or is what a program draws about files made here (terminal words are
what tmux says the terminal shows, never OCR).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pages import form as html_form
from pages import page
from pages import table as html_table
from programs import Opaque, Page, SpecWindow, xcalc, xmessage
from scenes import HD, NS_DISKS, NS_PROCS, WX, Scene, make_files, text_file
from scenes_tui_a import CURSES, Tui
from xsession import XSession


@dataclass
class GtkThemed(Opaque):
    """zenity or yad under a GTK 3 theme other than Adwaita, with an icon theme and a font of its
    own: GTK reads them from ``gtk-3.0/settings.ini`` under the session's ``XDG_CONFIG_HOME``
    (the GTK theme also from ``GTK_THEME``, which wins over the file)."""

    settings: str = ""

    def launch(self, s: XSession) -> None:
        folder = Path(s.env()["XDG_CONFIG_HOME"]) / "gtk-3.0"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "settings.ini").write_text(self.settings)
        super().launch(s)


def gtk_themed(
    title: str,
    pos: tuple[int, int],
    tool: str,
    args: list[str],
    texts: list[str],
    buttons: list[str],
    theme: str,
    icons: str,
    font: str,
    table_rows: list[list[list[str]]] | None = None,
) -> GtkThemed:
    """A zenity or yad dialog in GTK theme ``theme`` with icon theme ``icons`` and font ``font``."""
    settings = f"[Settings]\ngtk-theme-name={theme}\ngtk-icon-theme-name={icons}\ngtk-font-name={font}\n"
    return GtkThemed(
        title,
        pos,
        args=[tool, "--title", title, *args],
        texts=texts,
        buttons=buttons,
        table_rows=table_rows or [],
        name=tool,
        env={"GDK_BACKEND": "x11", "GTK_THEME": theme},
        settings=settings,
    )


# ---- content: terminals ----------------------------------------------------------------------------
BAKERY = [
    ("orders-monday.csv", 4821, "2024-09-02 05:10", 0o644),
    ("orders-tuesday.csv", 5107, "2024-09-03 05:12", 0o644),
    ("flour-stock.ods", 22934, "2024-08-30 16:40", 0o644),
    ("recipes", -1, "2024-08-12 09:00", 0o755),
    ("oven-temps.log", 130562, "2024-09-03 06:58", 0o644),
    ("price-list-2024.pdf", 88310, "2024-07-01 11:25", 0o644),
    ("rota-september.odt", 17209, "2024-08-28 20:03", 0o600),
    ("supplier-invoices", -1, "2024-09-01 10:44", 0o755),
]

LOG_LINES = "\n".join(
    [
        "06:00:02 oven-1 preheat started, target 230 C",
        "06:14:40 oven-1 reached 230 C",
        "06:15:05 batch 41 sourdough loaves in",
        "06:21:33 oven-2 preheat started, target 210 C",
        "06:37:10 oven-2 reached 210 C",
        "06:38:00 batch 42 seeded rolls in",
        "06:52:18 batch 41 out, core 96 C",
        "07:03:44 batch 42 out, core 94 C",
        "07:05:00 door sensor: back door open",
        "07:09:12 door sensor: back door closed",
        "07:30:00 oven-1 idle, fan on low",
        "07:45:27 batch 43 rye loaves in",
    ]
)

GARDEN_NOTES = """Allotment jobs for October

Plot 14: lift the last potatoes, sow green manure
Plot 15: cut back the raspberry canes to the ground
Plot 16: cover the brassicas with the fine net
Shed: oil the shears, sharpen the spade

Water butts drained by the 20th; the tap goes off on the 31st.
Seed order closes Friday: broad beans, garlic, winter onions.
"""

VIM_LIST = """# choir concert, running order
1. Zadok the Priest (Handel)
2. Ave verum corpus (Mozart)
3. The Lamb (Tavener)
4. interval, twenty minutes
5. Locus iste (Bruckner)
6. Bogoroditse Devo (Rachmaninov)
7. Jerusalem (Parry)

doors open 18:30, start 19:00
"""

STOCK_CSV = """Code,Item,Shelf,Qty,Unit
BR-01,Strong-white-flour,A2,18,sack
BR-02,Rye-flour,A3,6,sack
BR-07,Sea-salt,B1,12,tub
BR-09,Dried-yeast,B4,30,tin
BR-12,Sesame-seeds,C2,9,bag
BR-15,Sunflower-seeds,C3,4,bag
BR-21,Baking-paper,D1,25,roll
"""
STOCK_ROWS = [line.split(",") for line in STOCK_CSV.strip().splitlines()]


def _terminals() -> list[Scene]:
    return [
        Scene(
            "term-wmaker-ls-lucidatype",
            "terminal",
            WX,
            "xterm (the X core font Lucida Sans Typewriter 12, black on white) listing a bakery's "
            "folder with ls -l; Window Maker, Traditional style",
            [
                Tui(
                    "baker@oven: ~/shop",
                    (140, 80),
                    cols=80,
                    rows=20,
                    font=("lucidasanstypewriter-12", 0),
                    prompt="baker@oven:~/shop$ ",
                    workdir="shop",
                    setup=make_files(BAKERY),
                    commands=["ls -l"],
                    parse_ls=True,
                )
            ],
            order=["ls -l", "flour-stock.ods", "supplier-invoices"],
            theme="Traditional",
            background="#4a5a6a",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "term-marco-ps-ptmono-dark",
            "terminal",
            HD,
            "xterm (PT Mono 13, light grey on slate): ps -eo pid,ppid,user,stat,comm of a PID "
            "namespace of ours; marco, Green-Submarine theme",
            [
                Tui(
                    "root@mill: ~",
                    (260, 140),
                    cols=76,
                    rows=22,
                    font=("PT Mono", 13),
                    fg="#d8dce0",
                    bg="#22272e",
                    prompt="root@mill:~# ",
                    commands=["ps -eo pid,ppid,user,stat,comm"],
                    namespace=NS_PROCS,
                    parse_table=("PID PPID", 5),
                )
            ],
            order=["ps -eo pid,ppid,user,stat,comm", "PID PPID USER STAT COMMAND"],
            theme="Green-Submarine",
            background="#1a1d22",
            half="A",
            wm="marco",
        ),
        Scene(
            "term-wmaker-df-lmmono",
            "terminal",
            WX,
            "xterm (Latin Modern Mono 14, black on ivory): df -h of disks named as a NAS's "
            "(tmpfs of its own mount namespace), then ls; Window Maker, Pastel style",
            [
                Tui(
                    "admin@store: /srv",
                    (100, 90),
                    cols=82,
                    rows=18,
                    font=("Latin Modern Mono", 14),
                    fg="#141414",
                    bg="#fbf8ee",
                    prompt="admin@store:/srv$ ",
                    workdir="srv",
                    commands=["df -h /srv/*", "ls /srv"],
                    namespace=NS_DISKS,
                    parse_table=("Filesystem Size", 6),
                )
            ],
            order=["df -h /srv/*", "Filesystem Size Used Avail", "ls /srv"],
            theme="Pastel",
            background="#5a6470",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "man-marco-seq-libertine",
            "man",
            HD,
            "man seq in xterm (Linux Libertine Mono 13, black on white), first page with less's "
            "prompt; marco, TraditionalOk theme",
            [
                Tui(
                    "man seq",
                    (300, 90),
                    cols=92,
                    rows=34,
                    font=("Linux Libertine Mono O", 13),
                    commands=["man seq"],
                )
            ],
            order=["seq - print a sequence of numbers", "SYNOPSIS", "Manual page seq(1)"],
            theme="TraditionalOk",
            background="#3c5a78",
            half="A",
            wm="marco",
        ),
        Scene(
            "man-wmaker-paste-mplus-dark",
            "man",
            WX,
            "man paste in xterm (Mplus Code 50, 12, pale green on near black), first page with "
            "less's prompt; Window Maker, Emerald style",
            [
                Tui(
                    "man paste",
                    (80, 40),
                    cols=90,
                    rows=26,
                    font=("Mplus Code 50", 12),
                    fg="#c8f0c8",
                    bg="#0e1410",
                    commands=["man paste"],
                )
            ],
            order=["paste - merge lines of files", "Manual page paste(1)"],
            theme="Emerald",
            background="#223028",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "term-marco-nano-tlwgtype",
            "terminal",
            WX,
            "xterm (TlwgTypewriter 14, black on pale yellow) running nano on allotment jobs: the "
            "title bar, lines, both key-bar lines; marco, GreenLaguna theme",
            [
                Tui(
                    "sam@plot: ~",
                    (120, 70),
                    cols=84,
                    rows=24,
                    font=("TlwgTypewriter", 14),
                    fg="#1a1a1a",
                    bg="#fdf6d8",
                    prompt="sam@plot:~$ ",
                    setup=text_file("october.txt", GARDEN_NOTES),
                    commands=["nano october.txt"],
                )
            ],
            order=[
                "GNU nano",
                "Allotment jobs for October",
                "Seed order closes Friday",
                "^G Help",
                "^X Exit",
            ],
            theme="GreenLaguna",
            background="#34483a",
            half="A",
            wm="marco",
        ),
        Scene(
            "term-wmaker-vim-ptmono-light",
            "terminal",
            HD,
            "xterm (PT Mono 14, dark grey on white) running vim on a concert's running order, line "
            "numbers, light background, the status line; Window Maker, BlueDawn style",
            [
                Tui(
                    "ruth@choir: ~",
                    (240, 110),
                    cols=84,
                    rows=26,
                    font=("PT Mono", 14),
                    fg="#202020",
                    bg="#ffffff",
                    prompt="ruth@choir:~$ ",
                    setup=text_file("concert.txt", VIM_LIST),
                    commands=[
                        "vim -u NONE -i NONE -N -c 'set number laststatus=2 ruler background=light' "
                        "-c 'syntax on' concert.txt"
                    ],
                )
            ],
            order=["choir concert, running order", "Zadok the Priest", "doors open 18:30", "concert.txt"],
            theme="BlueDawn",
            background="#28384c",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "term-marco-htop-mplus",
            "terminal",
            HD,
            "xterm (Mplus Code 60, 12, on black) running htop in a PID namespace of ours: meters, "
            "the process table, the key bar; marco, YaruOk theme",
            [
                Tui(
                    "root@mill: ~",
                    (120, 80),
                    cols=140,
                    rows=34,
                    font=("Mplus Code 60", 12),
                    fg="#e6e6e6",
                    bg="#000000",
                    prompt="root@mill:~# ",
                    commands=["htop -d 600"],
                    namespace=NS_PROCS,
                    parse_table=("PID USER", 12),
                    env=CURSES,
                )
            ],
            order=["PID USER", "F1 Help", "F10 Quit"],
            theme="YaruOk",
            background="#2c2c34",
            half="A",
            wm="marco",
        ),
        Scene(
            "term-wmaker-less-log-lucidatype",
            "terminal",
            HD,
            "xterm (the X core font Lucida Sans Typewriter bold 14, amber on dark brown) running "
            "less -N on an oven log; Window Maker, Copper style",
            [
                Tui(
                    "baker@oven: ~/logs",
                    (300, 160),
                    cols=72,
                    rows=18,
                    font=("lucidasanstypewriter-bold-14", 0),
                    fg="#ffc870",
                    bg="#2a1c10",
                    prompt="baker@oven:~/logs$ ",
                    workdir="logs",
                    setup=text_file("ovens.log", LOG_LINES + "\n"),
                    commands=["less -N ovens.log"],
                )
            ],
            order=["oven-1 preheat started", "batch 42 seeded rolls in", "batch 43 rye loaves in"],
            theme="Copper",
            background="#3a2c22",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "table-marco-term-column-libertine",
            "table",
            WX,
            "xterm (Linux Libertine Mono 13, dark blue on white): column -t of a stock list of ours "
            "(a table of five columns), then wc -l; marco, Blue-Submarine theme",
            [
                Tui(
                    "baker@oven: ~/stock",
                    (160, 110),
                    cols=72,
                    rows=18,
                    font=("Linux Libertine Mono O", 13),
                    fg="#10205a",
                    bg="#ffffff",
                    prompt="baker@oven:~/stock$ ",
                    workdir="stock",
                    setup=text_file("stock.csv", STOCK_CSV),
                    commands=["column -t -s, stock.csv", "wc -l stock.csv"],
                    table_rows=[STOCK_ROWS],
                )
            ],
            order=["column -t -s, stock.csv", "Code Item Shelf Qty Unit", "BR-21", "wc -l stock.csv"],
            theme="Blue-Submarine",
            background="#2a3240",
            half="A",
            wm="marco",
        ),
    ]


# ---- content: dialogs, calculators, pages ----------------------------------------------------------
_KEYS = [
    ["MC", "MR", "M+", "M-", "C"],
    ["7", "8", "9", "÷", "√"],
    ["4", "5", "6", "×", "%"],
    ["1", "2", "3", "−", "±"],
    ["0", "00", ".", "+", "="],
]

TRAINS = [
    ["Train", "To", "Departs", "Platform", "Status"],
    ["1A09", "Glasgow Central", "08:12", "4", "On time"],
    ["2K31", "Carlisle", "08:25", "2", "Delayed 6 min"],
    ["1M44", "Manchester", "08:40", "7", "On time"],
    ["2H16", "Hexham", "08:51", "1", "Cancelled"],
    ["1E22", "Leeds", "09:05", "5", "On time"],
    ["2N08", "Sunderland", "09:18", "3", "On time"],
]

MEDALS = [
    ["Club", "Gold", "Silver", "Bronze", "Points"],
    ["Harbour Harriers", "7", "4", "3", "136"],
    ["Moorland AC", "5", "6", "2", "119"],
    ["Riverside Runners", "4", "3", "6", "98"],
    ["Castle Striders", "2", "5", "4", "81"],
    ["Valley Joggers", "1", "2", "5", "52"],
]

LENDING = [
    ["Tool", "Borrower", "Out", "Due"],
    ["Hedge trimmer", "K. Adeyemi", "2 Oct", "9 Oct"],
    ["Wallpaper steamer", "J. Park", "3 Oct", "7 Oct"],
    ["Ladder, 3 m", "L. Santos", "4 Oct", "11 Oct"],
    ["Tile cutter", "F. Byrne", "4 Oct", "8 Oct"],
    ["Pressure washer", "H. Lindgren", "5 Oct", "12 Oct"],
]

ART_LEFT = [
    "For ninety years the lifeboat station at the end of the pier has kept the same brass bell, "
    "rung once for every launch.",
    "This summer the crew counted its launches from the old logbooks: four thousand and twelve, "
    "the first in a rowing boat with ten oars.",
    "The bell now hangs inside the boathouse, where visitors may ring it once on the first "
    "Sunday of each month.",
]
ART_RIGHT = [
    "The new boat arrived in June. It is faster and carries a small crane for lifting people from the water.",
    "Training nights are on Tuesdays and Thursdays. New volunteers need no sailing experience, "
    "only a good level of fitness.",
    "The station shop sells tea towels, calendars and a short history of the crew written by "
    "a retired coxswain.",
]


def _dialogs_pages() -> list[Scene]:
    return [
        Scene(
            "dlg-marco-zenity-question-bluementa",
            "dialog",
            WX,
            "zenity --question in GTK's BlueMenta theme (MATE), the menta icons, Karla 11: two "
            "lines and two buttons of ours; marco, BlueMenta theme",
            [
                gtk_themed(
                    "Empty Recycle Bin",
                    (420, 280),
                    "zenity",
                    [
                        "--question",
                        "--text",
                        "Delete the 46 files in the recycle bin?\\nThis cannot be undone.",
                        "--ok-label",
                        "Delete Files",
                        "--cancel-label",
                        "Keep Them",
                        "--width",
                        "420",
                    ],
                    ["Delete the 46 files in the recycle bin?", "This cannot be undone."],
                    ["Keep Them", "Delete Files"],
                    theme="BlueMenta",
                    icons="menta",
                    font="Karla 11",
                )
            ],
            order=["Delete the 46 files", "This cannot be undone"],
            theme="BlueMenta",
            background="#3a4a5a",
            half="A",
            wm="marco",
        ),
        Scene(
            "dlg-wmaker-tk-charis-replace",
            "dialog",
            WX,
            "a Tk dialog (Charis SIL 12, on warm grey): a bold question, two lines, three buttons; "
            "Window Maker, GreyBlue style",
            [
                SpecWindow(
                    "Replace Photo",
                    (400, 250),
                    spec={
                        "font": ["Charis SIL", 12],
                        "bg": "#e4e0d8",
                        "body": [
                            {
                                "type": "label",
                                "text": "Replace harbour-sunset.jpg?",
                                "font": ["Charis SIL", 13, "bold"],
                            },
                            {"type": "label", "text": "A newer photo of that name is in the album."},
                            {"type": "label", "text": "Replacing it keeps the old one in the bin."},
                            {"type": "buttons", "items": ["Replace", "Keep Both", "Skip"]},
                        ],
                    },
                )
            ],
            order=["Replace harbour-sunset.jpg?", "A newer photo of that name"],
            theme="GreyBlue",
            background="#50606c",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "dlg-marco-qt-warning-clearsans",
            "dialog",
            HD,
            "a Qt QMessageBox warning (Fusion, Clear Sans 11): a sentence, an informative line, "
            "three buttons; marco, Blue-Submarine theme",
            [
                SpecWindow(
                    "Battery Low",
                    (760, 400),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Clear Sans", 11],
                        "messagebox": {
                            "icon": "warning",
                            "text": "The label printer battery is at 8 percent.",
                            "informative": "Print the last batch now or plug in the charger.",
                            "buttons": [
                                ["Print Now", "accept"],
                                ["Remind Me", "action"],
                                ["Cancel", "reject"],
                            ],
                        },
                    },
                )
            ],
            order=["The label printer battery", "Print the last batch now"],
            theme="Blue-Submarine",
            background="#404850",
            half="A",
            wm="marco",
        ),
        Scene(
            "dlg-wmaker-yad-blackmate-dark",
            "dialog",
            HD,
            "yad in GTK's BlackMATE theme (dark), the mate icons, Jura 12: two lines and three "
            "buttons; Window Maker, Black style",
            [
                gtk_themed(
                    "Camera Import",
                    (700, 420),
                    "yad",
                    [
                        "--text",
                        "212 new photos were found on the camera card.\\nImport them into the album now?",
                        "--width",
                        "480",
                        "--button",
                        "Import All:0",
                        "--button",
                        "Choose:2",
                        "--button",
                        "Not Now:1",
                    ],
                    ["212 new photos were found on the camera card.", "Import them into the album now?"],
                    ["Import All", "Choose", "Not Now"],
                    theme="BlackMATE",
                    icons="mate",
                    font="Jura Medium 12",
                )
            ],
            order=["212 new photos were found", "Import them into the album"],
            theme="Black",
            background="#181818",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "dlg-marco-xmessage-lucidasans",
            "dialog",
            WX,
            "xmessage in the X core font Lucida Sans 14, dark blue on pale grey, three buttons; "
            "marco, TraditionalGreen theme",
            [
                xmessage(
                    "Delivery",
                    (380, 300),
                    "The flour delivery is at the back gate.\nSign for 18 sacks and check the seals.",
                    ["Signed", "Call Driver", "Later"],
                    font="-*-lucida-medium-r-*-*-14-*-*-*-*-*-iso8859-1",
                    fg="#102050",
                    bg="#e8ecf0",
                )
            ],
            order=["The flour delivery is at the back gate", "Sign for 18 sacks"],
            theme="TraditionalGreen",
            background="#30404c",
            half="A",
            wm="marco",
        ),
        Scene(
            "calc-wmaker-xcalc-rpn-colour",
            "calculator",
            WX,
            "xcalc in HP (RPN) mode, colour, enlarged so every key is whole; Window Maker, GreyBlue style",
            [xcalc((420, 200), color=True, rpn=True, size=(440, 230))],
            theme="GreyBlue",
            background="#3c4650",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "calc-marco-tk-keypad-karla-dark",
            "calculator",
            HD,
            "a dark Tk keypad of ours (Karla bold 14): a display over 25 flat keys; marco, YaruGreen theme",
            [
                SpecWindow(
                    "Till Keypad",
                    (820, 260),
                    spec={
                        "font": ["Karla", 14, "bold"],
                        "bg": "#26282c",
                        "fg": "#eeeeee",
                        "body": [
                            {
                                "type": "display",
                                "text": "3,092.75",
                                "font": ["Karla", 22],
                                "bg": "#0f1012",
                                "fg": "#ffcf6a",
                            },
                            {
                                "type": "grid",
                                "rows": _KEYS,
                                "button_bg": "#41454c",
                                "button_fg": "#f4f4f4",
                                "relief": "flat",
                                "bd": 0,
                                "gap": 3,
                                "width": 4,
                            },
                        ],
                    },
                )
            ],
            theme="YaruGreen",
            background="#14161a",
            half="A",
            wm="marco",
        ),
        Scene(
            "table-marco-chromium-vollkorn-trains",
            "table",
            WX,
            "a Chromium departure board (Vollkorn 17, old-style figures): a heading, a bordered "
            "table with a shaded header row, a line under it; marco, TraditionalOk theme",
            [
                Page(
                    "Departures",
                    (90, 60),
                    html=page(
                        "Departures",
                        "<h2>Departures from Newcastle</h2>"
                        + html_table(TRAINS, cls="d")
                        + "<p>Platform changes are announced ten minutes before departure.</p>",
                        ".d { border-collapse: collapse; } .d th { background: #e4e8d8; } "
                        ".d th, .d td { border: 1px solid #7a806c; padding: 5px 16px; text-align: left; }",
                        font="'Vollkorn'",
                        size=17,
                    ),
                    size=(1000, 620),
                )
            ],
            order=[
                "Departures from Newcastle",
                "Train To Departs",
                "1A09 Glasgow Central",
                "Platform changes",
            ],
            theme="TraditionalOk",
            background="#3c4c5a",
            half="A",
            wm="marco",
        ),
        Scene(
            "table-wmaker-qt-andika-medals",
            "table",
            HD,
            "a Qt table of ours (Fusion, Andika 11): a line, a striped table with a grid and "
            "right-aligned figures, two buttons; Window Maker, Emerald style",
            [
                SpecWindow(
                    "County Games",
                    (560, 220),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Andika", 11],
                        "body": [
                            {"type": "label", "text": "Medal table after day two"},
                            {
                                "type": "striped_table",
                                "columns": MEDALS[0],
                                "rows": MEDALS[1:],
                                "grid": True,
                                "right": [1, 2, 3, 4],
                            },
                            {"type": "buttons", "items": ["Export", "Close"]},
                        ],
                    },
                )
            ],
            order=["Medal table after day two", "Club Gold Silver", "Harbour Harriers", "Valley Joggers"],
            theme="Emerald",
            background="#203028",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "table-marco-zenity-list-menta",
            "table",
            HD,
            "zenity --list in GTK's Menta theme (MATE), PT Sans 11: a line, four columns of a "
            "tool library's loans; marco, GreenLaguna theme",
            [
                gtk_themed(
                    "Tool Library",
                    (640, 240),
                    "zenity",
                    [
                        "--list",
                        "--text",
                        "Tools out on loan this week",
                        "--width",
                        "620",
                        "--height",
                        "360",
                        *(f"--column={c}" for c in LENDING[0]),
                        *(cell for row in LENDING[1:] for cell in row),
                    ],
                    ["Tools out on loan this week", *(c for row in LENDING for c in row)],
                    ["Cancel", "OK"],
                    theme="Menta",
                    icons="menta",
                    font="PT Sans 11",
                    table_rows=[LENDING],
                )
            ],
            order=["Tools out on loan this week", "Tool Borrower Out Due", "Hedge trimmer"],
            theme="GreenLaguna",
            background="#2e3e34",
            half="A",
            wm="marco",
        ),
        Scene(
            "form-wmaker-chromium-ptsans",
            "form",
            WX,
            "a Chromium page (PT Sans 15): a lifeboat volunteer form with labels, filled fields, a "
            "choice, a check box and two buttons; Window Maker, Pastel style",
            [
                Page(
                    "Volunteer",
                    (120, 50),
                    html=page(
                        "Volunteer",
                        "<h2>Lifeboat crew application</h2>"
                        "<p>We reply within two weeks. Training is free.</p>"
                        + html_form(
                            [
                                ("Full name", "text", "Tomasz Wierzbicki"),
                                ("Phone", "text", "07700 900481"),
                                ("Role", "select", "Shore crew"),
                                ("Nearest station", "placeholder", "town or harbour"),
                                ("I am over 17", "check", "yes"),
                            ],
                            cls="v",
                        )
                        + "<p><button>Cancel</button> <button>Apply</button></p>",
                        ".v label { display: inline-block; width: 180px; } "
                        ".v .check label { width: auto; } .v div { margin: 10px 0; } "
                        "input, select { padding: 4px; font: inherit; width: 300px; } "
                        "input[type=checkbox] { width: auto; } "
                        "button { padding: 6px 16px; font: inherit; }",
                        font="'PT Sans'",
                        size=15,
                    ),
                    size=(900, 560),
                )
            ],
            order=["Lifeboat crew application", "We reply within two weeks", "Full name", "Nearest station"],
            theme="Pastel",
            background="#4c5866",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "article-marco-chromium-charis-dark",
            "article",
            HD,
            "a dark Chromium article in two columns (Charis SIL 18): a heading over both, three "
            "paragraphs in each column; marco, Blue-Submarine theme",
            [
                Page(
                    "Lifeboat News",
                    (200, 100),
                    html=page(
                        "Lifeboat News",
                        "<h1>Ninety years of the pier bell</h1>"
                        "<div style='display:flex; gap:60px'>"
                        "<div style='flex:1'>" + "".join(f"<p>{t}</p>" for t in ART_LEFT) + "</div>"
                        "<div style='flex:1'>" + "".join(f"<p>{t}</p>" for t in ART_RIGHT) + "</div>"
                        "</div>",
                        "h1 { font-size: 30px; }",
                        font="'Charis SIL'",
                        size=18,
                        fg="#e2e2dc",
                        bg="#1e2024",
                    ),
                    size=(1300, 760),
                )
            ],
            order=[
                "Ninety years of the pier bell",
                "For ninety years the lifeboat station",
                "first Sunday of each month",
                "The new boat arrived in June",
                "written by a retired coxswain",
            ],
            theme="Blue-Submarine",
            background="#121418",
            half="A",
            wm="marco",
        ),
    ]


# ---- several windows -------------------------------------------------------------------------------
def _several() -> list[Scene]:
    return [
        Scene(
            "multi-wmaker-cascade-term-tk-qt",
            "multi-window",
            HD,
            "three windows in a cascade under Window Maker (Traditional): xterm (Lucida Sans "
            "Typewriter 12) with ls -l of the bakery folder, a Tk note (Linux Biolinum 12) over its "
            "lines' right ends, an active Qt message (Fusion, Caladea 12) over the note's lower right",
            [
                Tui(
                    "baker@oven: ~/shop",
                    (80, 70),
                    cols=80,
                    rows=22,
                    font=("lucidasanstypewriter-12", 0),
                    prompt="baker@oven:~/shop$ ",
                    workdir="shop",
                    setup=make_files(BAKERY),
                    commands=["ls -l"],
                    parse_ls=True,
                ),
                SpecWindow(
                    "Orders",
                    (470, 220),
                    spec={
                        "font": ["Linux Biolinum O", 12],
                        "body": [
                            {"type": "label", "text": "Wedding order: three tiers, lemon and elderflower."},
                            {"type": "label", "text": "Collection on Saturday at nine."},
                            {"type": "buttons", "items": ["Print", "OK"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Oven Check",
                    (700, 330),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Caladea", 12],
                        "messagebox": {
                            "icon": "information",
                            "text": "Oven two is due for its service on Monday.",
                            "buttons": [["OK", "accept"]],
                        },
                    },
                ),
            ],
            order=["Oven two is due for its service", "Wedding order: three tiers", "flour-stock.ods"],
            theme="Traditional",
            background="#40505e",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "multi-marco-page-zenity-menta",
            "multi-window",
            WX,
            "two windows under marco (BlueMenta): a Chromium page (Quicksand 15) with a bordered "
            "table of tool loans, an active zenity question (GTK BlueMenta, menta icons) over the "
            "right part of its last line",
            [
                Page(
                    "Tool Library",
                    (40, 40),
                    html=page(
                        "Tool Library",
                        "<h2>Tools on loan</h2>"
                        "<p>Bring tools back clean; the shed is open on Saturday mornings.</p>"
                        + html_table(LENDING, cls="t")
                        + "<p>Late returns pay fifty pence a day into the repair fund.</p>",
                        ".t { border-collapse: collapse; } .t th, .t td { border: 1px solid #889; "
                        "padding: 4px 14px; text-align: left; }",
                        font="'Quicksand'",
                        size=15,
                    ),
                    size=(860, 560),
                ),
                gtk_themed(
                    "Send Reminders",
                    (300, 350),
                    "zenity",
                    [
                        "--question",
                        "--text",
                        "Email the two borrowers whose tools are late?",
                        "--ok-label",
                        "Send",
                        "--cancel-label",
                        "Not Today",
                        "--width",
                        "380",
                    ],
                    ["Email the two borrowers whose tools are late?"],
                    ["Not Today", "Send"],
                    theme="BlueMenta",
                    icons="menta",
                    font="Karla 11",
                ),
            ],
            order=["Email the two borrowers", "Tools on loan", "Tool Borrower Out Due"],
            theme="BlueMenta",
            background="#34404c",
            half="A",
            wm="marco",
        ),
        Scene(
            "multi-wmaker-terms-side",
            "multi-window",
            WX,
            "two xterms side by side under Window Maker (BlueDawn), lines on the same rows: a dark "
            "one (PT Mono 11) with less -N of the oven log, an active light one (Latin Modern "
            "Mono 12) with the stock list's column -t",
            [
                Tui(
                    "baker@oven: ~/logs",
                    (20, 60),
                    cols=66,
                    rows=20,
                    font=("PT Mono", 11),
                    fg="#e0e0e0",
                    bg="#1c2028",
                    prompt="baker@oven:~/logs$ ",
                    workdir="logs",
                    setup=text_file("ovens.log", LOG_LINES + "\n"),
                    commands=["less -N ovens.log"],
                ),
                Tui(
                    "baker@oven: ~/stock",
                    (650, 60),
                    cols=58,
                    rows=20,
                    font=("Latin Modern Mono", 12),
                    prompt="baker@oven:~/stock$ ",
                    workdir="stock",
                    setup=text_file("stock.csv", STOCK_CSV),
                    commands=["column -t -s, stock.csv"],
                    table_rows=[STOCK_ROWS],
                ),
            ],
            order=["column -t -s, stock.csv", "Code Item Shelf Qty Unit", "oven-1 preheat started"],
            theme="BlueDawn",
            background="#263444",
            half="A",
            wm="wmaker",
        ),
        Scene(
            "multi-marco-four-man-calc",
            "multi-window",
            HD,
            "four windows under marco (TraditionalOk): man seq (Mplus Code 50, 12) at the left, a Qt "
            "medal table (Play 11) at the right, xcalc over the table's lower left, an active Tk "
            "question (Vollkorn 12) apart at the bottom",
            [
                Tui(
                    "man seq",
                    (40, 50),
                    cols=80,
                    rows=30,
                    font=("Mplus Code 50", 12),
                    commands=["man seq"],
                ),
                SpecWindow(
                    "County Games",
                    (1000, 60),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["Play", 11],
                        "body": [
                            {"type": "label", "text": "Medal table after day two"},
                            {
                                "type": "striped_table",
                                "columns": MEDALS[0],
                                "rows": MEDALS[1:],
                                "grid": True,
                            },
                            {"type": "buttons", "items": ["Export", "Close"]},
                        ],
                    },
                ),
                xcalc((1080, 240)),
                SpecWindow(
                    "Results",
                    (720, 880),
                    spec={
                        "font": ["Vollkorn", 12],
                        "body": [
                            {"type": "label", "text": "Publish the day two results on the club website?"},
                            {"type": "buttons", "items": ["Publish", "Wait"]},
                        ],
                    },
                ),
            ],
            order=["Publish the day two results", "seq - print a sequence of numbers"],
            theme="TraditionalOk",
            background="#2c3c4c",
            half="A",
            wm="marco",
        ),
    ]


def more_a8_scenes() -> list[Scene]:
    return [*_terminals(), *_dialogs_pages(), *_several()]
