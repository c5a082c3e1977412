"""Session 9's tables and listings scenes (issue #15, helper "tables"), all half A.

Half A had one Chromium table of its own (a striped board, white on navy), one Tk treeview, a
Qt table only beside a calculator, and its listings mostly in X core bitmap fonts. These add
other looks of the same kinds: a Chromium table without borders, striped, its figures right-
aligned; a dense bordered one at 1920x1080; a dark page's table; a Qt QTableWidget and a Tk
treeview of our own data in other fonts; a real ``ps aux`` and ``df -h`` in Xft fonts (light and
dark). Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or is what a
program prints about files and processes made here; the truth comes from the programs, as for
every other scene (``capture.py``).
"""

from __future__ import annotations

from pages import page
from pages import table as html_table
from programs import Page, SpecWindow, Terminal
from scenes import HD, NS_DISKS, NS_PROCS, WX, Scene

LOANS = [
    ["Branch", "Loans", "Returns", "Overdue", "Members", "Change"],
    ["Central", "4,812", "4,655", "127", "9,340", "+3.1%"],
    ["Riverside", "1,906", "1,874", "42", "3,115", "-0.8%"],
    ["Hillcrest", "2,377", "2,290", "65", "4,020", "+1.6%"],
    ["Old Town", "988", "1,012", "19", "1,764", "+0.4%"],
    ["Meadowbank", "1,441", "1,398", "37", "2,508", "-2.2%"],
    ["Harbour", "763", "741", "11", "1,290", "+5.7%"],
]

LOANS_CSS = """
table.loans { margin-top: 6px; }
table.loans th { border-bottom: 2px solid #4a6b3a; color: #2f4a22; }
table.loans tr:nth-child(even) td { background: #eef4e8; }
table.loans td:not(:first-child), table.loans th:not(:first-child) { text-align: right; }
table.loans td, table.loans th { padding: 6px 18px; }
"""

PRICES = [
    ["Product", "Size", "Price", "Stock", "Origin", "Rating", "Updated"],
    ["Arabica beans", "1 kg", "18.40", "36", "Colombia", "4.6", "12 May"],
    ["Green tea", "250 g", "6.95", "120", "Japan", "4.3", "9 May"],
    ["Oat milk", "1 l", "2.10", "88", "Sweden", "4.1", "14 May"],
    ["Dark chocolate", "100 g", "3.25", "240", "Belgium", "4.8", "2 May"],
    ["Honey", "500 g", "7.80", "54", "Greece", "4.7", "11 May"],
    ["Rye bread", "750 g", "3.90", "18", "Latvia", "4.4", "15 May"],
    ["Olive oil", "500 ml", "9.60", "73", "Spain", "4.5", "6 May"],
    ["Sea salt", "250 g", "2.75", "150", "France", "4.2", "28 Apr"],
]

PRICES_CSS = """
table.prices td, table.prices th { border: 1px solid #9aa5b1; padding: 4px 10px; }
table.prices th { background: #dde3ea; }
table.prices td:nth-child(3), table.prices td:nth-child(4),
table.prices td:nth-child(6) { text-align: right; }
"""

JOBS = [
    ["Job", "Schedule", "Last run", "Duration", "Result"],
    ["home-daily", "02:00 daily", "Tue 02:00", "14 min", "OK"],
    ["mail-hourly", "every hour", "Tue 09:00", "2 min", "OK"],
    ["photos-weekly", "Sun 03:30", "Sun 03:30", "1 h 12 min", "Warnings"],
    ["db-dump", "01:15 daily", "Tue 01:15", "6 min", "Failed"],
    ["offsite-sync", "Sat 22:00", "Sat 22:00", "3 h 40 min", "OK"],
]

JOBS_CSS = """
h1 { color: #9ecbff; }
table.jobs th { color: #9ecbff; border-bottom: 1px solid #3b4a5c; }
table.jobs td { border-bottom: 1px solid #2a3441; }
table.jobs td, table.jobs th { padding: 8px 20px; }
.note { color: #8b949e; }
"""

ORDERS = [
    ["Order", "Customer", "Date", "Items", "Total"],
    ["10452", "Rosa Delgado", "2024-05-02", "3", "57.90"],
    ["10453", "Ivan Petrov", "2024-05-02", "1", "12.50"],
    ["10454", "Mei Tanaka", "2024-05-03", "6", "143.20"],
    ["10455", "Omar Haddad", "2024-05-03", "2", "31.75"],
    ["10456", "Lena Vogel", "2024-05-04", "4", "88.00"],
    ["10457", "Sean Murphy", "2024-05-04", "1", "9.99"],
]

CONTACTS = [
    ["Name", "Phone", "City", "Team"],
    ["Aisha Khan", "0161 496 0732", "Manchester", "Sales"],
    ["Bruno Costa", "0131 496 0184", "Edinburgh", "Support"],
    ["Chloe Martin", "0117 496 0559", "Bristol", "Design"],
    ["Dev Patel", "0121 496 0917", "Birmingham", "Sales"],
    ["Erin Walsh", "028 9649 6023", "Belfast", "Finance"],
    ["Felix Braun", "0113 496 0345", "Leeds", "Support"],
    ["Grace Liu", "029 2018 0471", "Cardiff", "Design"],
]


def _pages() -> list[Scene]:
    loans = page(
        "Library Loans",
        "<h1>Library loans, April</h1><p>Loans and returns per branch; change against March.</p>"
        + html_table(LOANS, cls="loans")
        + "<p style='margin-top:14px'>Figures from the lending system, 1 May.</p>",
        LOANS_CSS,
        font="'Liberation Sans'",
        size=15,
    )
    prices = page(
        "Pantry Prices",
        "<h2>Pantry price list</h2>" + html_table(PRICES, cls="prices"),
        PRICES_CSS,
        font="'DejaVu Sans'",
        size=13,
    )
    jobs = page(
        "Backup Jobs",
        "<h1>Backup jobs</h1>"
        + html_table(JOBS, cls="jobs")
        + "<p class='note' style='margin-top:14px'>Next run: mail-hourly at 10:00.</p>",
        JOBS_CSS,
        font="'Noto Sans'",
        size=15,
        fg="#d0d7de",
        bg="#161b22",
    )
    return [
        Scene(
            "table-chromium-zebra-loans",
            "table",
            WX,
            "Chromium page: a striped table without borders (6 columns, figures right-aligned), "
            "Liberation Sans",
            [Page("Library Loans", (120, 100), html=loans, size=(860, 460))],
            half="A",
        ),
        Scene(
            "table-chromium-bordered-prices",
            "table",
            HD,
            "Chromium page: a dense bordered price list (7 columns, 8 rows, DejaVu Sans 13 px)",
            [Page("Pantry Prices", (340, 180), html=prices, size=(900, 420))],
            half="A",
        ),
        Scene(
            "dark-chromium-jobs",
            "dark",
            HD,
            "dark Chromium page: a table of backup jobs (5 columns, rules under the rows) and a muted note",
            [Page("Backup Jobs", (400, 200), html=jobs, size=(980, 440))],
            half="A",
        ),
    ]


def _windows() -> list[Scene]:
    return [
        Scene(
            "table-qt-orders",
            "table",
            WX,
            "Qt (Fusion) QTableWidget 'Orders' of our own (DejaVu Sans 10) with a toolbar and a total",
            [
                SpecWindow(
                    "Orders",
                    (180, 120),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "toolbar", "items": ["New order", "Open", "|", "Print"]},
                            {"type": "table", "columns": ORDERS[0], "rows": ORDERS[1:]},
                            {"type": "label", "text": "6 orders, 343.34 in total"},
                        ],
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "table-tk-contacts",
            "table",
            HD,
            "Tk (ttk Treeview) contact list 'Contacts' in Liberation Sans 10 with buttons",
            [
                SpecWindow(
                    "Contacts",
                    (520, 260),
                    spec={
                        "font": ["Liberation Sans", 10],
                        "body": [
                            {"type": "label", "text": "7 contacts in Team directory", "fg": "#333333"},
                            {"type": "table", "columns": CONTACTS[0], "rows": CONTACTS[1:]},
                            {"type": "buttons", "items": ["Call", "Edit", "Close"]},
                        ],
                    },
                )
            ],
            half="A",
        ),
    ]


def _listings() -> list[Scene]:
    return [
        Scene(
            "term-liberation10-ps-aux",
            "terminal",
            WX,
            "xterm (Liberation Mono 10): ps aux (the processes of a PID namespace of its own)",
            [
                Terminal(
                    "ps aux - xterm",
                    (90, 80),
                    cols=118,
                    rows=22,
                    font=("Liberation Mono", 10),
                    prompt="root@web3:~# ",
                    workdir="web3",
                    namespace=NS_PROCS,
                    commands=["ps aux"],
                    parse_table=("USER PID", 11),
                )
            ],
            half="A",
        ),
        Scene(
            "term-dejavu9-dark-df",
            "terminal",
            HD,
            "dark xterm (DejaVu Sans Mono 9, grey on near-black): df -h of disks of a namespace of its own",
            [
                Terminal(
                    "root@files: /srv",
                    (460, 240),
                    cols=90,
                    rows=18,
                    font=("DejaVu Sans Mono", 9),
                    fg="#c8c8c8",
                    bg="#121212",
                    prompt="root@files:/srv# ",
                    workdir="srv",
                    namespace=NS_DISKS,
                    commands=["df -h /srv/*"],
                    parse_table=("Filesystem Size", 6),
                )
            ],
            half="A",
        ),
    ]


def tables_scenes() -> list[Scene]:
    return [*_pages(), *_windows(), *_listings()]
