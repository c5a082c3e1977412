"""Session 11's fresh scenes (issue #15, helper "fresh3"), all half A.

Issue #15 says the assistant will also be checked on real screenshots the team has not seen. As in
session 10 (``scenes_fresh.py``), the stand-in is screens of kinds neither half has, read once by
the session's starting code before anyone tunes on them: GTK dialogs of other kinds (the file
chooser, a scrolled licence text with a tick box, a volume slider), a Qt table of twelve columns of
figures, a bar chart drawn on a Tk canvas, Chromium pages laid out otherwise (search results with
a side panel, a code listing in a ``<pre>``, a price table whose header cells span two rows or two
columns, a dark sign-in card, a news page with a side column), xterm running ``diff -u`` and
``vim``, three small windows far apart on a large desktop, and three toolkits lying over one
another.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here, or is what a program prints
or draws about files made here (GTK's own labels in its file chooser are named beside the scene);
the truth comes from the programs, as for every other scene (``capture.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pages import page
from programs import Opaque, Page, SpecWindow, Terminal
from scenes import HD, WX, Scene, both, make_files, text_file
from xsession import XSession


# ---- GTK dialogs (zenity) that need files of ours ---------------------------------------------------
@dataclass
class PreparedDialog(Opaque):
    """A zenity dialog shown over files of ours (a text to show, a folder to browse): ``setup``
    makes them in the session's home before the program starts, and ``{home}`` in the arguments
    is that folder."""

    setup: Callable[[Path], None] | None = None

    def launch(self, s: XSession) -> None:
        home = s.tmp / "home"
        home.mkdir(parents=True, exist_ok=True)
        if self.setup:
            self.setup(home)
        self.args = [a.replace("{home}", str(home)) for a in self.args]
        # Started in the home: GTK's file chooser lists the folder it was started in among its
        # places, which would otherwise be the build's own folder.
        s.spawn(self.args, env=s.env(**self.env), name=self.name, cwd=str(home))


def zenity(
    title: str,
    pos: tuple[int, int],
    args: list[str],
    texts: list[str],
    buttons: list[str],
    setup: Callable[[Path], None] | None = None,
    table_rows: list[list[list[str]]] | None = None,
) -> PreparedDialog:
    """zenity (GTK 3, Adwaita light): the texts and buttons are exactly what the arguments say
    (or what GTK draws of its own, named where the scene is written)."""
    return PreparedDialog(
        title,
        pos,
        args=["zenity", "--title", title, *args],
        texts=texts,
        buttons=buttons,
        name="zenity",
        env={"GDK_BACKEND": "x11", "GTK_THEME": "Adwaita"},
        table_rows=table_rows or [],
        setup=setup,
    )


def in_folder(name: str, setup: Callable[[Path], None]) -> Callable[[Path], None]:
    """``setup`` run in a new folder ``name`` of the home."""

    def run(home: Path) -> None:
        (home / name).mkdir()
        setup(home / name)

    return run


RECIPES = [
    ("apple-crumble.txt", 2140, "2023-10-14 16:20", 0o644),
    ("bread-rolls.md", 3512, "2023-11-02 09:45", 0o644),
    ("fish-pie.pdf", 184320, "2023-06-21 19:05", 0o644),
    ("lentil-soup.txt", 1208, "2023-01-30 12:10", 0o644),
    ("pancakes.odt", 24576, "2023-02-21 08:30", 0o644),
    ("photos", -1, "2023-09-09 15:00", 0o755),
    ("shopping-list.txt", 312, "2023-12-01 18:40", 0o644),
]
# The type GTK names for each (gtkfilechooserwidget.c, get_category_from_content_type: "Text",
# "Document", ...; a folder gets none), by the files' endings
RECIPE_TYPES = {".txt": "Text", ".md": "Text", ".pdf": "Document", ".odt": "Document"}


def gtk_size(size: int) -> str:
    """GLib's g_format_size: bytes below 1000, then kB, MB with one decimal, in powers of 1000."""
    if size < 1000:
        return f"{size} bytes"
    for unit, scale in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < scale * 1000:
            return f"{size / scale:.1f} {unit}"
    return f"{size / 1e12:.1f} TB"


def chooser_rows() -> list[list[str]]:
    """The file list as GTK 3.24's chooser shows it, header first: name, size (none for a folder),
    type, date modified (day, month and year for a date not in this year: "%-e %b %Y")."""
    import time as _time

    rows = [["Name", "Size", "Type", "Modified"]]
    for name, size, when, _mode in RECIPES:
        t = _time.strptime(when, "%Y-%m-%d %H:%M")
        kind = RECIPE_TYPES.get(Path(name).suffix, "")
        date = f"{t.tm_mday} {_time.strftime('%b %Y', t)}"
        rows.append([name, "" if size < 0 else gtk_size(size), kind, date])
    return rows


# GTK's own labels on the chooser: the places (gtkplacessidebar.c) and the path bar's buttons
# (the home folder, named "home" in the build's session, and the folder opened)
CHOOSER_PLACES = ["Recent", "Home", "Desktop", "Other Locations"]
CHOOSER_PATH = ["home", "Recipes"]

TERMS = """Shared Garden Plot Agreement

1. Each plot is rented for one year, from 1 March to the end of February.
2. Please keep the paths between plots clear and mow the grass edge once a month.
3. Water from the tanks is shared: use a watering can, not a hose.
4. No weed killer, slug pellets or other poisons anywhere in the garden.
5. Sheds and greenhouses need the committee's approval before they are built.
6. A plot left untended for three months may be offered to the next person on the list.
7. The rent is 35 pounds a year, paid at the spring meeting.

Questions go to the garden secretary, Priya Shah, on the notice board by the gate."""


def calendar_month(year: int, month: int) -> list[list[str]]:
    """GtkCalendar's grid in the C locale: the day names (%a, the week starting on Sunday), then
    six weeks of day numbers, the days of the months before and after included (drawn greyed)."""
    import calendar as _cal
    import datetime as _dt

    first = _dt.date(year, month, 1)
    start = first - _dt.timedelta(days=(first.weekday() + 1) % 7)
    days = [start + _dt.timedelta(days=i) for i in range(42)]
    names = [_cal.day_abbr[(6 + i) % 7] for i in range(7)]
    return [names, *([str(d.day) for d in days[w * 7 : w * 7 + 7]] for w in range(6))]


def _dialogs() -> list[Scene]:
    return [
        Scene(
            "dlg-zenity-file-chooser",
            "dialog",
            HD,
            "zenity --file-selection (GTK 3 file chooser, Adwaita light) opened in a folder of our own: "
            "places at the left, a path bar, the files with their sizes and dates; Artwiz-boxed theme",
            [
                zenity(
                    "Open a Recipe",
                    (560, 220),
                    ["--file-selection", "--filename", "{home}/Recipes/"],
                    [*CHOOSER_PLACES, *CHOOSER_PATH, *(c for row in chooser_rows() for c in row if c)],
                    ["Cancel", "OK"],
                    setup=in_folder("Recipes", make_files(RECIPES)),
                    table_rows=[chooser_rows()],
                )
            ],
            order=["Recent Home Desktop Other Locations", "Name Size Type Modified", "shopping-list.txt"],
            theme="Artwiz-boxed",
            background="#40505f",
            half="A",
        ),
        Scene(
            "dlg-zenity-text-info-terms",
            "dialog",
            WX,
            "zenity --text-info (GTK 3): an agreement of numbered lines in a text view, a tick box "
            "under it (unticked), Cancel and OK; Nightmare-01 theme",
            [
                zenity(
                    "Garden Plot Agreement",
                    (280, 90),
                    [
                        "--text-info",
                        "--filename",
                        "{home}/agreement.txt",
                        "--checkbox",
                        "I have read the agreement and accept it",
                        "--width",
                        "720",
                        "--height",
                        "460",
                    ],
                    [TERMS, "I have read the agreement and accept it"],
                    ["Cancel", "OK"],
                    setup=text_file("agreement.txt", TERMS),
                )
            ],
            order=[
                "Shared Garden Plot Agreement 1. Each plot",
                "7. The rent",
                "Questions go to",
                "I have read",
            ],
            theme="Nightmare-01",
            background="#303848",
            half="A",
        ),
        Scene(
            "dlg-zenity-calendar-sale",
            "dialog",
            WX,
            "zenity --calendar (GTK 3 GtkCalendar): a line of text, zenity's label, the month and "
            "year with arrows, "
            "day names and six weeks of day numbers (the neighbour months' days greyed); Syscrash theme",
            [
                zenity(
                    "Plant Sale",
                    (420, 150),
                    [
                        "--calendar",
                        "--text",
                        "Pick the day of the spring plant sale",
                        "--day",
                        "18",
                        "--month",
                        "5",
                        "--year",
                        "2024",
                    ],
                    [
                        "Pick the day of the spring plant sale",
                        "Calendar:",  # zenity's own label over the calendar (its calendar dialog)
                        "May",
                        "2024",
                        *(c for row in calendar_month(2024, 5) for c in row),
                    ],
                    ["Cancel", "OK"],
                    table_rows=[calendar_month(2024, 5)],
                )
            ],
            order=["Pick the day of the spring plant sale", "May 2024", "Sun Mon Tue Wed Thu Fri Sat"],
            theme="Syscrash",
            background="#1a2a1a",
            half="A",
        ),
    ]


# ---- a Qt table of many columns, a Tk bar chart ------------------------------------------------
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"]
BUDGET = [
    ("Rent", [950] * 10),
    ("Groceries", [412, 388, 405, 431, 398, 420, 445, 460, 415, 402]),
    ("Electricity", [96, 88, 74, 61, 48, 39, 35, 37, 52, 70]),
    ("Water", [31, 31, 33, 33, 35, 38, 41, 40, 34, 32]),
    ("Internet", [45] * 10),
    ("Bus passes", [120, 120, 120, 120, 120, 60, 60, 120, 120, 120]),
    ("Music lessons", [80, 80, 80, 80, 80, 0, 0, 0, 80, 80]),
    ("Savings", [200, 150, 200, 250, 200, 100, 100, 150, 200, 250]),
]


def _money(v: int) -> str:
    return f"{v:,}"


def budget_rows() -> tuple[list[str], list[list[str]]]:
    columns = ["Item", *MONTHS, "Total"]
    rows = [[name, *(_money(v) for v in vals), _money(sum(vals))] for name, vals in BUDGET]
    month_totals = [sum(vals[m] for _n, vals in BUDGET) for m in range(len(MONTHS))]
    rows.append(["All items", *(_money(v) for v in month_totals), _money(sum(month_totals))])
    return columns, rows


RAIN = [
    ("Jan", 112),
    ("Feb", 86),
    ("Mar", 71),
    ("Apr", 58),
    ("May", 49),
    ("Jun", 44),
    ("Jul", 39),
    ("Aug", 52),
    ("Sep", 67),
    ("Oct", 98),
    ("Nov", 121),
    ("Dec", 117),
]


def _figures() -> list[Scene]:
    columns, rows = budget_rows()
    return [
        Scene(
            "table-qt-wide-budget",
            "table",
            HD,
            "Qt (Fusion) QTableWidget of a household budget: 12 columns (an item, ten months, a "
            "total), 9 rows of figures with thousands commas; Nightmare-02 theme",
            [
                SpecWindow(
                    "Household Budget 2024",
                    (180, 200),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {
                                "type": "label",
                                "text": "Spending by month, in pounds",
                                "font": ["DejaVu Sans", 11],
                            },
                            {"type": "table", "columns": columns, "rows": rows},
                            {"type": "buttons", "items": ["Export", "Print", "Close"]},
                        ],
                    },
                )
            ],
            order=["Spending by month", "Item Jan Feb Mar", "Rent 950", "All items", "Export Print Close"],
            theme="Nightmare-02",
            background="#2b3a42",
            half="A",
        ),
        Scene(
            "chart-tk-canvas-rainfall",
            "chart",
            WX,
            "Tk bar chart on a canvas: a title, value ticks with grid lines, twelve bars each with its "
            "value over it and its month under it, an axis caption, buttons; Clearlooks-3.4 theme",
            [
                SpecWindow(
                    "Rainfall Chart",
                    (170, 90),
                    spec={
                        "font": ["DejaVu Sans", 9],
                        "bg": "#ececec",
                        "body": [
                            {
                                "type": "chart",
                                "title": "Rainfall at Kettle Point, 2023",
                                "size": [820, 440],
                                "max": 140,
                                "step": 20,
                                "unit": "mm",
                                "bars": RAIN,
                                "caption": "Month of the year",
                            },
                            {"type": "label", "text": "Wettest month: November with 121 mm"},
                            {"type": "buttons", "items": ["Save Picture", "Close"]},
                        ],
                    },
                )
            ],
            order=["Rainfall at Kettle Point", "Wettest month"],
            theme="Clearlooks-3.4",
            background="#3c3c3c",
            half="A",
        ),
    ]


# ---- Chromium pages laid out otherwise ------------------------------------------------------------
SEARCH_CSS = """
body { padding: 0; }
.top { display: flex; align-items: center; gap: 18px; padding: 16px 28px; border-bottom: 1px solid #e0e0e0; }
.logo { font-size: 1.6em; font-weight: bold; color: #2b6cb0; }
.top input { width: 520px; border: 1px solid #c4c4c4; border-radius: 20px; padding: 8px 16px; }
.tabs { padding: 8px 28px 0 148px; color: #5f6368; border-bottom: 1px solid #e0e0e0; }
.tabs span { display: inline-block; padding: 6px 12px 10px 12px; }
.tabs span.on { color: #2b6cb0; border-bottom: 3px solid #2b6cb0; }
.wrap { display: flex; gap: 60px; padding: 14px 28px 0 160px; }
.results { width: 640px; }
.count { color: #70757a; font-size: 0.9em; margin-bottom: 14px; }
.hit { margin-bottom: 20px; }
.url { color: #1e7b34; font-size: 0.9em; }
.hit h3 { margin: 2px 0; font-size: 1.25em; font-weight: normal; color: #1a0dab; }
.snip { color: #4d5156; }
.pages { margin: 18px 0; color: #1a0dab; }
.pages span { margin-right: 14px; }
.panel { width: 330px; border: 1px solid #dadce0; border-radius: 8px; padding: 14px 18px;
         align-self: flex-start; }
.panel h2 { margin-top: 0; }
.panel .kind { color: #70757a; margin-bottom: 10px; }
"""

SEARCH_HITS = [
    (
        "www.kettlepoint-repair.org › visit",
        "Repair Cafe Kettle Point: opening hours and dates",
        "Open on the first Saturday of every month from 10:00 to 13:00 in the community hall. "
        "Bring one broken item per person.",
    ),
    (
        "www.fixitguide.net › articles › what-to-bring",
        "What to bring to a repair cafe",
        "Volunteers can mend lamps, toasters, bicycles and clothes. Bring spare parts if you have "
        "them and a short note on what went wrong.",
    ),
    (
        "marshlane-hall.org.uk › timetable",
        "Community hall timetable, Marsh Lane",
        "Monday: yoga 18:00. Wednesday: choir 19:30. Saturday: repair cafe 10:00 to 13:00, first "
        "Saturday only.",
    ),
    (
        "www.repaircafes.example › map",
        "Repair cafes near you on a map",
        "Find one of 2,400 repair cafes around the world and see when the next one opens.",
    ),
    (
        "www.kettlepoint-repair.org › volunteer",
        "Volunteer as a fixer",
        "We are looking for people who like to mend things. No forms: come along and say hello "
        "to Tom at the door.",
    ),
]

SEARCH_PANEL = [
    "Community hall, 4 Marsh Lane",
    "Opens Saturday 1 June at 10:00",
    "Phone: 01632 960418",
    "Free entry, donations welcome",
]

CODE = '''import csv
from datetime import datetime


def read_tides(path):
    """Return (time, height, kind) for every tide in the file."""
    tides = []
    with open(path, newline="") as fh:
        for row in csv.reader(fh):
            when = datetime.fromisoformat(row[0])
            height = float(row[1])
            kind = "high" if height > 2.5 else "low"
            tides.append((when, height, kind))
    return tides


for when, height, kind in read_tides("harbour.csv")[:5]:
    print(when.strftime("%H:%M"), kind, height)'''

KEYWORDS = {"import", "from", "def", "with", "as", "for", "in", "return", "if", "else"}

CODE_CSS = """
body { padding: 22px 34px; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 14px 18px;
      font-family: 'DejaVu Sans Mono'; font-size: 13px; line-height: 1.45; }
pre .k { color: #8250df; font-weight: bold; }
pre .s { color: #0a3069; }
code { font-family: 'DejaVu Sans Mono'; background: #eff1f3; padding: 1px 4px; }
.note { color: #57606a; }
"""


def code_html(code: str) -> str:
    """The listing with keywords and whole-string pieces coloured: a span never cuts a piece of
    text between blanks, so the page's words are the same pieces a reader sees."""
    out = []
    for line in code.split("\n"):
        parts = []
        for piece in line.split(" "):
            if piece in KEYWORDS:
                parts.append(f'<span class="k">{escape(piece)}</span>')
            elif len(piece) > 1 and piece[0] == '"' and piece.rstrip(",)").endswith('"'):
                parts.append(f'<span class="s">{escape(piece)}</span>')
            else:
                parts.append(escape(piece))
        out.append(" ".join(parts))
    return "\n".join(out)


PLANS_CSS = """
body { padding: 24px 36px; }
table.plans { margin: 8px 0 18px 0; }
table.plans th, table.plans td { border: 1px solid #c9ced6; text-align: center; padding: 8px 16px; }
table.plans thead th { background: #eef2f7; }
table.plans thead tr.group th { background: #dde5f0; }
table.plans td:first-child { text-align: left; font-weight: bold; }
.small { color: #5b6470; font-size: 0.9em; }
"""

PLANS_HEAD = ["Plan", "Storage", "Users", "Price", "Per user", "Price", "Saving"]
PLANS = [
    ["Starter", "100 GB", "1", "$2.99", "$2.99", "$29.90", "17%"],
    ["Family", "2 TB", "6", "$9.99", "$1.67", "$99.90", "17%"],
    ["Team", "5 TB", "15", "$24.00", "$1.60", "$230.00", "20%"],
    ["Business", "20 TB", "50", "$79.00", "$1.58", "$720.00", "24%"],
]


def plans_table() -> str:
    """A price table whose first three headings span both header rows and whose price headings
    sit under a heading spanning two columns ("Pay monthly", "Pay yearly"). The truth's header
    row is the seven column headings; the spanning group headings are text above them."""

    def th(r: int, c: int, text: str, extra: str = "") -> str:
        return f'<th{extra} data-t="0" data-r="{r}" data-c="{c}">{escape(text)}</th>'

    head1 = (
        th(0, 0, "Plan", ' rowspan="2"')
        + th(0, 1, "Storage", ' rowspan="2"')
        + th(0, 2, "Users", ' rowspan="2"')
        + '<th colspan="2">Pay monthly</th><th colspan="2">Pay yearly</th>'
    )
    head2 = "".join(th(0, c, PLANS_HEAD[c]) for c in range(3, 7))
    body = "".join(
        "<tr>"
        + "".join(f'<td data-t="0" data-r="{r}" data-c="{c}">{escape(x)}</td>' for c, x in enumerate(row))
        + "</tr>"
        for r, row in enumerate(PLANS, start=1)
    )
    return (
        f'<table class="plans"><thead><tr class="group">{head1}</tr><tr>{head2}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


SIGNIN_CSS = """
body { padding: 0; display: flex; justify-content: center; }
.card { width: 420px; margin-top: 70px; background: #1f2329; border: 1px solid #30363d; border-radius: 10px;
        padding: 30px 38px; }
.brand { color: #7aa2f7; font-weight: bold; font-size: 1.2em; margin-bottom: 18px; }
.card h1 { color: #e6edf3; }
.sub { color: #8b949e; margin-bottom: 22px; }
.card input[type=text], .card input[type=password] { display: block; width: 100%; box-sizing: border-box;
        background: #0d1117; color: #e6edf3; border: 1px solid #3d444d; border-radius: 6px;
        padding: 10px 12px; margin-bottom: 14px; }
.card input::placeholder { color: #8b949e; }
.row { display: flex; justify-content: space-between; align-items: center; margin: 6px 0 20px 0; }
a { color: #58a6ff; text-decoration: none; }
.card button { background: #238636; color: #ffffff; border: none; border-radius: 6px; padding: 9px 26px; }
.foot { text-align: center; color: #8b949e; margin-top: 26px; font-size: 0.9em; }
.foot a { margin: 0 8px; }
"""

NEWS_CSS = """
body { padding: 0; }
.mast { padding: 16px 40px 8px 40px; border-bottom: 3px double #222222; }
.mast .name { font-family: 'DejaVu Serif'; font-size: 2.1em; font-weight: bold; }
.mast .date { color: #555555; font-size: 0.9em; }
nav { padding: 8px 40px; background: #222222; }
nav span { color: #ffffff; margin-right: 22px; }
.grid { display: grid; grid-template-columns: 2fr 1fr; column-gap: 40px; padding: 18px 40px; }
.grid h1 { font-family: 'DejaVu Serif'; }
.by { color: #666666; font-size: 0.9em; margin-bottom: 10px; }
aside { border-left: 1px solid #d0d0d0; padding-left: 24px; }
aside li { margin-bottom: 10px; }
aside .n { color: #b03a2e; font-weight: bold; margin-right: 8px; }
.wx { background: #eef3f8; padding: 10px 14px; margin-top: 16px; }
"""

NEWS_MAIN = [
    "Work on the Mill Road bridge starts on Monday and will close the road to cars for six weeks. "
    "Buses will go round by Station Street, adding about ten minutes to the trip into town.",
    "People on foot and on bicycles can still cross on a temporary walkway on the north side. "
    "The council says the old supports are worn and must be replaced before winter.",
    "Shops near the bridge are worried about losing trade. The market will move to the car park "
    "behind the library until the work is done.",
]
NEWS_SECOND = (
    "Forty children from three schools planted a row of oak trees along the new cycle path on "
    "Friday, each tree named after a class."
)
MOST_READ = [
    "Mill Road bridge to close for six weeks",
    "New bakery opens in the old post office",
    "Swimming pool summer hours announced",
    "Lost dog found safe on the beach",
    "Library asks for old photos of the town",
]


def _pages() -> list[Scene]:
    hits = "".join(
        f'<div class="hit"><div class="url">{escape(u)}</div><h3>{escape(t)}</h3>'
        f'<div class="snip">{escape(s)}</div></div>'
        for u, t, s in SEARCH_HITS
    )
    search = page(
        "repair cafe opening hours - Findly",
        '<div class="top"><span class="logo">Findly</span>'
        '<input type="text" value="repair cafe opening hours"><button>Search</button></div>'
        '<div class="tabs"><span class="on">All</span><span>Images</span><span>Maps</span>'
        "<span>News</span><span>Videos</span></div>"
        '<div class="wrap"><div class="results">'
        '<div class="count">About 1,240 results (0.31 seconds)</div>'
        + hits
        + '<div class="pages"><span>Previous</span><span>1</span><span>2</span><span>3</span>'
        "<span>4</span><span>Next</span></div></div>"
        '<div class="panel"><h2>Repair Cafe Kettle Point</h2><div class="kind">Community group</div>'
        + "".join(f"<p>{escape(t)}</p>" for t in SEARCH_PANEL)
        + "</div></div>",
        SEARCH_CSS,
        font="'Liberation Sans'",
        size=14,
    )
    listing = page(
        "Reading the tide file - Tides manual",
        "<h1>Reading the harbour tide file</h1>"
        "<p>The harbour office publishes one line per tide: its time and its height in metres. "
        "The function below turns the file into a list of tides.</p>"
        f"<pre>{code_html(CODE)}</pre>"
        '<p class="note">Run it with <code>python3 tides.py</code> to see the next five tides.</p>',
        CODE_CSS,
        font="'P052'",
        size=15,
    )
    plans = page(
        "Plans - Cloud Drive",
        "<h1>Choose a plan</h1>"
        '<p class="small">Prices in dollars, before tax. Pay for a year and save.</p>'
        + plans_table()
        + "<button>Start free trial</button><button>Compare features</button>"
        '<p class="small" style="margin-top:16px">Every plan can be cancelled at any time.</p>',
        PLANS_CSS,
        font="'DejaVu Sans'",
        size=14,
    )
    signin = page(
        "Sign in - Harbour Mail",
        '<div class="card"><div class="brand">Harbour Mail</div><h1>Sign in</h1>'
        '<div class="sub">Use your Harbour account</div>'
        '<input type="text" placeholder="Email or phone"><input type="password" placeholder="Password">'
        '<div class="row"><label><input type="checkbox"> Keep me signed in</label>'
        "<a>Forgot password?</a></div>"
        '<div class="row"><a>Create account</a><button>Next</button></div>'
        '<div class="foot"><a>Help</a><a>Privacy</a><a>Terms</a></div></div>',
        SIGNIN_CSS,
        font="'Nimbus Sans'",
        size=15,
        fg="#c9d1d9",
        bg="#0d1117",
    )
    news = page(
        "The Valley Courier",
        '<div class="mast"><div class="name">The Valley Courier</div>'
        '<div class="date">Saturday 11 May 2024, free every week</div></div>'
        "<nav><span>Home</span><span>Local</span><span>Sport</span><span>Weather</span>"
        "<span>Opinion</span><span>Letters</span></nav>"
        '<div class="grid"><main><h1>Mill Road bridge to close for six weeks</h1>'
        '<div class="by">By Hana Sato, transport reporter</div>'
        + "".join(f"<p>{escape(t)}</p>" for t in NEWS_MAIN)
        + "<h2>Pupils plant forty oaks</h2>"
        + f"<p>{escape(NEWS_SECOND)}</p></main>"
        "<aside><h2>Most read</h2><ul>"
        + "".join(f'<li><span class="n">{i}</span>{escape(t)}</li>' for i, t in enumerate(MOST_READ, 1))
        + '</ul><div class="wx"><h2>Weather</h2><p>Sunny spells, 19 degrees, a light wind from the west.</p>'
        "<p>Sunday: rain after noon.</p></div></aside></div>",
        NEWS_CSS,
        font="'Liberation Sans'",
        size=15,
    )
    return [
        Scene(
            "page-chromium-search-results",
            "page",
            HD,
            "Chromium search results page: a search box with a query, tabs, a result count, five "
            "results (green address, blue title, grey snippet), page numbers, a side panel; Clearlooks",
            [Page("repair cafe opening hours - Findly", (150, 60), html=search, size=(1500, 940))],
            order=[
                "About 1,240 results",
                "Repair Cafe Kettle Point: opening hours",
                "say hello to Tom at the door",
                "Previous 1 2 3 4 Next",
                "Repair Cafe Kettle Point Community group",
                "Free entry",
            ],
            half="A",
        ),
        Scene(
            "page-chromium-code-listing",
            "page",
            WX,
            "Chromium manual page: a heading, a paragraph, a Python listing in a <pre> (DejaVu Sans Mono "
            "13 px, keywords coloured, indented) in a page set in P052 (a Palatino), a note under it; "
            "Nightmare-03 theme",
            [Page("Reading the tide file - Tides manual", (80, 50), html=listing, size=(1040, 680))],
            order=[
                "Reading the harbour tide file",
                "import csv",
                "def read_tides(path):",
                "return tides",
                "Run it with",
            ],
            theme="Nightmare-03",
            background="#202830",
            half="A",
        ),
        Scene(
            "table-chromium-plans-merged",
            "table",
            WX,
            "Chromium price table with merged header cells (three headings spanning two rows, two "
            "spanning two columns), bordered, plan names in bold, buttons under it; Clearlooks-Olive",
            [Page("Plans - Cloud Drive", (120, 80), html=plans, size=(980, 560))],
            order=["Choose a plan", "Pay monthly Pay yearly", "Business 20 TB", "Start free trial"],
            theme="Clearlooks-Olive",
            background="#2e3a30",
            half="A",
        ),
        Scene(
            "dark-chromium-signin",
            "dark",
            HD,
            "dark Chromium sign-in card: a brand line, a heading, two empty fields with grey "
            "placeholders, a tick box, links, a green button, footer links (Nimbus Sans); Onyx-Citrus theme",
            [Page("Sign in - Harbour Mail", (560, 120), html=signin, size=(800, 760))],
            order=[
                "Harbour Mail Sign in",
                "Email or phone Password",
                "Keep me signed in",
                "Help Privacy Terms",
            ],
            theme="Onyx-Citrus",
            background="#000000",
            half="A",
        ),
        Scene(
            "article-chromium-courier",
            "article",
            HD,
            "Chromium news page: a masthead, a dark bar of section names, the lead story and a second "
            "one in a wide column, a side column (numbered most read list, a weather box); Bear2",
            [Page("The Valley Courier", (140, 50), html=news, size=(1520, 960))],
            order=[
                "The Valley Courier Saturday 11 May",
                "Home Local Sport",
                "By Hana Sato",
                "Work on the Mill Road bridge starts",
                "until the work is done",
                "Pupils plant forty oaks",
                "each tree named after a class",
                "Most read",
                "Sunday: rain after noon",
            ],
            theme="Bear2",
            background="#3b3228",
            half="A",
        ),
    ]


# ---- xterm: diff -u, vim ------------------------------------------------------------------------
SHOPPING_OLD = """eggs (6)
milk, 2 litres
bread
butter
apples
rice, 1 kg
washing-up liquid
tea bags
"""
SHOPPING_NEW = """eggs (12)
milk, 2 litres
bread
butter
pears
apples
rice, 1 kg
tea bags
coffee beans
bin bags
"""

BEDS_PY = '''"""Which vegetables go in which raised bed this year."""

BEDS = {
    "north": ["potatoes", "onions", "garlic"],
    "south": ["tomatoes", "basil", "peppers"],
    "east": ["beans", "peas", "sweetcorn"],
    "west": ["carrots", "beetroot", "lettuce"],
}

ROTATION = ["north", "east", "south", "west"]


def next_year(bed):
    """The bed a crop moves to next spring."""
    i = ROTATION.index(bed)
    return ROTATION[(i + 1) % len(ROTATION)]


for bed, crops in BEDS.items():
    print(bed, "->", next_year(bed), ", ".join(crops))
'''


def _terminals() -> list[Scene]:
    return [
        Scene(
            "term-diff-unified",
            "terminal",
            WX,
            "xterm (Liberation Mono 11): diff -u --color of two shopping lists (red and green lines), "
            "then wc -l of both; Natura theme",
            [
                Terminal(
                    "mo@pantry: ~/lists",
                    (150, 90),
                    cols=82,
                    rows=28,
                    font=("Liberation Mono", 11),
                    prompt="mo@pantry:~/lists$ ",
                    workdir="lists",
                    setup=both(
                        text_file("shopping-old.txt", SHOPPING_OLD, "2024-05-03 17:20"),
                        text_file("shopping.txt", SHOPPING_NEW, "2024-05-10 08:05"),
                    ),
                    commands=[
                        "diff -u --color=always shopping-old.txt shopping.txt",
                        "wc -l shopping-old.txt shopping.txt",
                    ],
                )
            ],
            order=["diff -u", "-eggs (6) +eggs (12)", "+bin bags", "wc -l", "18 total"],
            theme="Natura",
            background="#34302c",
            half="A",
        ),
        Scene(
            "term-vim-beds",
            "terminal",
            HD,
            "xterm (DejaVu Sans Mono 12) running vim with syntax colours, line numbers and a status "
            "line, editing a Python file of ours (empty lines shown as ~); Nightmare theme",
            [
                Terminal(
                    "kim@shed: ~/garden",
                    (330, 120),
                    cols=90,
                    rows=30,
                    font=("DejaVu Sans Mono", 12),
                    prompt="kim@shed:~/garden$ ",
                    workdir="garden",
                    setup=text_file("beds.py", BEDS_PY, "2024-05-12 10:00"),
                    commands=[
                        "vim -u NONE -i NONE -N -c 'syntax on' -c 'set number ruler laststatus=2' beds.py"
                    ],
                )
            ],
            order=['1 """Which vegetables', "13 def next_year(bed):", "beds.py 1,1 All"],
            theme="Nightmare",
            background="#1c2026",
            half="A",
        ),
    ]


# ---- several windows ---------------------------------------------------------------------------
BOOKINGS_CSS = """
table.b th { background: #e8eef4; border-bottom: 2px solid #9fb3c8; }
table.b td { border-bottom: 1px solid #e2e2e2; }
"""

BOOKINGS = [
    ["Date", "Room", "Booked by", "Time"],
    ["Mon 13 May", "Main hall", "Yoga group", "18:00 to 19:30"],
    ["Tue 14 May", "Kitchen", "Cookery club", "10:00 to 12:00"],
    ["Wed 15 May", "Main hall", "Choir", "19:30 to 21:00"],
    ["Thu 16 May", "Small room", "Tenants meeting", "19:00 to 20:30"],
    ["Fri 17 May", "Main hall", "Birthday party", "15:00 to 18:00"],
    ["Sat 18 May", "Main hall", "Repair cafe", "10:00 to 13:00"],
    ["Sun 19 May", "Garden", "Plant swap", "11:00 to 14:00"],
]


def _multi() -> list[Scene]:
    from pages import table as html_table

    bookings = page(
        "Hall Bookings",
        "<h1>Marsh Lane hall: bookings this week</h1>"
        "<p>Keys are at the corner shop. Please leave the hall as you found it.</p>"
        + html_table(BOOKINGS, cls="b")
        + "<p>To book a room, phone the hall secretary or write in the book by the door. Bookings for "
        "the summer fair open on 1 June; the hall is closed for painting from 24 to 28 June.</p>",
        BOOKINGS_CSS,
        font="'DejaVu Sans'",
        size=14,
    )
    return [
        Scene(
            "multi-three-small-apart",
            "multi-window",
            HD,
            "three small windows far apart on a large empty desktop: a Tk kitchen timer at the top "
            "left, a Qt battery notice (URW Gothic) at the bottom right, an active zenity volume "
            "slider in the middle; Breeze-ob theme",
            [
                SpecWindow(
                    "Kitchen Timer",
                    (90, 80),
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "display", "text": "08:25"},
                            {"type": "label", "text": "Bread in the oven, then the cake"},
                            {"type": "buttons", "items": ["Pause", "Reset"]},
                        ],
                    },
                ),
                SpecWindow(
                    "Battery",
                    (1480, 830),
                    toolkit="qt",
                    spec={
                        "font": ["URW Gothic", 10],
                        "body": [
                            {
                                "type": "label",
                                "text": "Battery at 14 percent",
                                "font": ["URW Gothic", 11, "bold"],
                            },
                            {"type": "label", "text": "About 35 minutes left. Plug in soon."},
                            {"type": "buttons", "items": ["Power Settings", "Dismiss"]},
                        ],
                    },
                ),
                zenity(
                    "Speaker Volume",
                    (780, 420),
                    [
                        "--scale",
                        "--text",
                        "Set the speaker volume for the video call",
                        "--value",
                        "40",
                        "--width",
                        "380",
                    ],
                    ["Set the speaker volume for the video call", "40"],
                    ["Cancel", "OK"],
                ),
            ],
            # Apart: only the active window is surely read first.
            order=["Set the speaker volume", "Bread in the oven"],
            theme="Breeze-ob",
            background="#2d4a5a",
            half="A",
        ),
        Scene(
            "multi-page-qt-zenity-stack",
            "multi-window",
            WX,
            "three toolkits over one another: a Chromium page of hall bookings (a table), a Qt "
            "booking form over its right side, an active zenity question over the form's lower left "
            "corner and the page's table; Orang theme",
            [
                Page("Hall Bookings", (30, 30), html=bookings, size=(920, 600)),
                SpecWindow(
                    "Booking Details",
                    (560, 150),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {
                                "type": "label",
                                "text": "Saturday 18 May, Main hall",
                                "font": ["DejaVu Sans", 11, "bold"],
                            },
                            {
                                "type": "form",
                                "fields": [
                                    ["Booked by", "Repair cafe"],
                                    ["Contact", "Tom Reyes"],
                                    ["Phone", "01632 960418"],
                                    ["Time", "10:00 to 13:00"],
                                ],
                                "entry_width": 22,
                            },
                            {"type": "buttons", "items": ["Delete Booking", "Save"]},
                        ],
                    },
                ),
                zenity(
                    "Delete Booking",
                    (250, 330),
                    [
                        "--question",
                        "--width",
                        "360",
                        "--text",
                        "Delete the repair cafe booking on Saturday 18 May?",
                        "--ok-label",
                        "Delete",
                        "--cancel-label",
                        "Keep",
                    ],
                    ["Delete the repair cafe booking on Saturday 18 May?"],
                    ["Keep", "Delete"],
                ),
            ],
            order=["Delete the repair cafe booking", "Saturday 18 May, Main hall", "Marsh Lane hall"],
            theme="Orang",
            background="#3a3a44",
            half="A",
        ),
    ]


def fresh3_scenes() -> list[Scene]:
    return [*_dialogs(), *_figures(), *_pages(), *_terminals(), *_multi()]
