"""Multi-window scenes added in session 8 (issue #15, helper "windows"), all half A.

Half A had five multi-window screens and the reading order was nearly right on all of them, so
what goes wrong on screens never seen was not represented. These add the layouts it lacked: a
terminal's lines running under a message box and on past it, three windows in a cascade, a
two-column page with a dialog over one column, dark terminals side by side with their lines on
the same rows, a calculator beside a window covered by a dialog, a dark Qt dialog over a page.
Every word is written here (or is what ``ls`` prints about files made here); the truth comes from
the programs, as for every other scene (``capture.py``). Imported by ``scenes.py`` (its ``SCENES``).
"""

from __future__ import annotations

from pages import page, paragraphs
from pages import table as html_table
from programs import Page, SpecWindow, Terminal, gtk_dialog, xcalc, xmessage
from scenes import HD, TWO_COL_CSS, WX, Scene, _core_term, make_files, text_file

TODO = """Things to do this week
- renew the parking permit before Friday
- send the quarterly figures to Maria and Joseph
- book the meeting room on the third floor for Tuesday
- collect the repaired bicycle from the workshop on Elm Road
- ask the landlord about the leaking kitchen tap
- return the library books about Portuguese cooking
- pay the electricity bill online
- water the plants on the balcony every second evening
"""

GARDEN_FILES = [
    ("seed-order-2024.csv", 1840, "2024-02-03 10:12", 0o644),
    ("planting-plan.odt", 25610, "2024-02-19 18:40", 0o644),
    ("greenhouse-temps.log", 99211, "2024-04-02 07:05", 0o644),
    ("compost", -1, "2024-03-11 12:30", 0o755),
    ("pond-pump-manual.pdf", 811304, "2023-09-27 15:22", 0o644),
    ("harvest-notes.txt", 4410, "2024-08-30 20:14", 0o644),
    ("photos-july", -1, "2024-07-31 21:09", 0o755),
    ("water-meter.ods", 13377, "2024-05-16 08:48", 0o644),
]

HIKING = [
    "The ridge path above the lake was reopened last week after the winter storms. Rangers cleared "
    "fallen pines along the northern section and rebuilt two wooden footbridges.",
    "Walkers should still expect mud near the old quarry, where the stream crosses the track. Sturdy "
    "boots are recommended, and dogs must stay on a lead between March and July.",
    "The car park at the visitor centre fills early on sunny weekends. A shuttle bus runs from the "
    "railway station every forty minutes and stops at the northern trailhead.",
    "Volunteers meet on the second Sunday of each month to repair fences and clear drains. Tools and "
    "gloves are provided; lunch is shared at the stone shelter near the summit.",
]

NGINX_CONF = """server {
    listen 8080;
    server_name intranet.local;
    root /srv/www/intranet;
    access_log /var/log/nginx/intranet.log;
    location /reports/ {
        autoindex on;
    }
}
"""

BACKUP_FILES = [
    ("home-2024-06-01.tar.zst", 734003200, "2024-06-01 02:00", 0o600),
    ("home-2024-06-08.tar.zst", 741515264, "2024-06-08 02:00", 0o600),
    ("home-2024-06-15.tar.zst", 745709568, "2024-06-15 02:00", 0o600),
    ("etc-2024-06-15.tar.zst", 2359296, "2024-06-15 02:05", 0o600),
    ("mail-2024-06-15.tar.zst", 96468992, "2024-06-15 02:09", 0o600),
    ("restore-test.log", 18211, "2024-06-16 09:30", 0o644),
]

INVOICE = [
    ["Item", "Qty", "Price"],
    ["Oak shelf", "2", "84.00"],
    ["Wall brackets", "6", "17.40"],
    ["Wood stain", "1", "12.95"],
    ["Delivery", "1", "9.50"],
]

CONCERT = [
    "The spring concert of the town choir takes place in the old corn exchange on the last Friday of "
    "April. The programme opens with madrigals and closes with a set of sea shanties.",
    "Tickets cost eight pounds, or five for students, and are sold at the bookshop on Market Street. "
    "Doors open at half past six; the concert starts at seven and ends before nine.",
]


def _reminder_over_notes() -> Scene:
    return Scene(
        "multi-xmessage-over-notes",
        "multi-window",
        WX,
        "xterm with a to-do list (cat), an active xmessage lying across the middle of its lines",
        [
            Terminal(
                "notes - xterm",
                (50, 50),
                cols=84,
                rows=22,
                font=("DejaVu Sans Mono", 11),
                prompt="lea@home:~$ ",
                setup=text_file("todo.txt", TODO),
                commands=["cat todo.txt"],
            ),
            xmessage(
                "Reminder",
                (230, 140),
                "Backup of the photo library finished.\nThree files could not be copied.",
                ["Show Files", "Close"],
            ),
        ],
        order=["Backup of the photo library finished", "lea@home:~$ cat todo.txt", "Things to do"],
        theme="Natura",
        background="#3b4a3f",
        half="A",
    )


def _three_cascade() -> Scene:
    return Scene(
        "multi-three-cascade",
        "multi-window",
        HD,
        "three windows in a cascade: an xterm with ls -l, a Tk notes window over it, a Tk dialog on top",
        [
            Terminal(
                "garden - xterm",
                (80, 60),
                cols=92,
                rows=26,
                font=("Liberation Mono", 11),
                prompt="tom@shed:~/garden$ ",
                workdir="garden",
                setup=make_files(GARDEN_FILES),
                commands=["ls -l"],
                parse_ls=True,
            ),
            SpecWindow(
                "Allotment Notes",
                (600, 230),
                spec={
                    "font": ["DejaVu Sans", 11],
                    "body": [
                        {"type": "label", "text": "Allotment plot 14", "font": ["DejaVu Sans", 14, "bold"]},
                        {"type": "label", "text": "Sow carrots and parsnips in the raised bed."},
                        {"type": "label", "text": "Tie up the runner beans after the rain."},
                        {"type": "label", "text": "Order two bags of manure for the autumn."},
                        {"type": "label", "text": "Lend the wheelbarrow to the neighbours on plot 9."},
                    ],
                },
            ),
            SpecWindow(
                "Rename File",
                (920, 400),
                spec={
                    "font": ["DejaVu Sans", 10],
                    "body": [
                        {"type": "label", "text": "Give harvest-notes.txt a new name:"},
                        {"type": "form", "fields": [["New name", "harvest-2024.txt"]], "entry_width": 22},
                        {"type": "buttons", "items": ["Cancel", "Rename"]},
                    ],
                },
            ),
        ],
        order=["Give harvest-notes.txt a new name", "Allotment plot 14", "tom@shed:~/garden$ ls -l"],
        theme="Bear2",
        background="#4a5d73",
        half="A",
    )


def _dialog_over_columns() -> Scene:
    article = page(
        "Valley Rangers",
        "<h1>Ridge path open again</h1><div class='cols'>" + paragraphs(HIKING) + "</div>",
        TWO_COL_CSS,
        font="'Liberation Serif'",
        size=17,
    )
    return Scene(
        "multi-page-dialog-columns",
        "multi-window",
        WX,
        "Chromium two-column article; an active Tk dialog lies over the lower part of its right column",
        [
            Page("Valley Rangers", (30, 30), html=article, size=(1180, 560)),
            SpecWindow(
                "Leave Page",
                (700, 190),
                spec={
                    "font": ["DejaVu Sans", 10],
                    "body": [
                        {
                            "type": "label",
                            "text": "Leave this page with a form half filled?",
                            "font": ["DejaVu Sans", 11, "bold"],
                        },
                        {"type": "buttons", "items": ["Stay", "Leave"]},
                    ],
                },
            ),
        ],
        order=[
            "Leave this page with a form half filled",
            "Ridge path open again",
            "The ridge path above the lake",
            "Walkers should still expect mud",
            "The car park at the visitor centre",
        ],
        half="A",
    )


def _dark_terminals_side() -> Scene:
    return Scene(
        "multi-dark-terminals-dialog",
        "multi-window",
        HD,
        "two dark xterms side by side (lines on the same rows), a dark zenity question on top between them",
        [
            Terminal(
                "intranet.conf - xterm",
                (40, 120),
                cols=70,
                rows=24,
                font=("DejaVu Sans Mono", 11),
                fg="#c8c8c8",
                bg="#161616",
                prompt="root@web2:/etc/nginx# ",
                workdir="nginx",
                setup=text_file("intranet.conf", NGINX_CONF),
                commands=["cat intranet.conf"],
            ),
            _core_term(
                "backups - xterm",
                (860, 120),
                "9x15",
                104,
                20,
                ["ls -l"],
                prompt="root@web2:/backups# ",
                workdir="backups",
                setup=make_files(BACKUP_FILES),
                parse_ls=True,
                fg="#a8d8a8",
                bg="#101010",
            ),
            gtk_dialog(
                "Restart Server",
                (560, 380),
                "zenity",
                [
                    "--question",
                    "--width",
                    "440",
                    "--text",
                    "Restart nginx on web2 now?",
                    "--ok-label",
                    "Restart",
                    "--cancel-label",
                    "Later",
                ],
                ["Restart nginx on web2 now?"],
                ["Restart", "Later"],
                dark=True,
            ),
        ],
        # The two terminals do not overlap: which lies higher is the window stack's to say, not the
        # pixels', so the order asks only that the dialog over both comes first.
        order=["Restart nginx on web2 now", "root@web2:/backups# ls -l"],
        theme="Onyx",
        background="#202020",
        half="A",
    )


def _calc_beside_covered() -> Scene:
    return Scene(
        "multi-calc-invoice-print",
        "multi-window",
        WX,
        "xcalc at the left, a Qt invoice table beside it, an active Tk print dialog over the invoice",
        [
            xcalc((30, 120)),
            SpecWindow(
                "Invoice 2291",
                (330, 80),
                toolkit="qt",
                spec={
                    "font": ["Noto Sans", 10],
                    "width": 560,
                    "height": 420,
                    "body": [
                        {
                            "type": "label",
                            "text": "Invoice 2291 for Kim Larsen",
                            "font": ["Noto Sans", 12, "bold"],
                        },
                        {"type": "table", "columns": INVOICE[0], "rows": INVOICE[1:]},
                        {"type": "label", "text": "Payment due within fourteen days."},
                    ],
                },
            ),
            SpecWindow(
                "Print Invoice",
                (530, 240),
                spec={
                    "font": ["DejaVu Sans", 10],
                    "body": [
                        {
                            "type": "label",
                            "text": "Print to the office printer?",
                            "font": ["DejaVu Sans", 11, "bold"],
                        },
                        {"type": "checks", "items": [["Two copies", True], ["Staple pages", False]]},
                        {"type": "buttons", "items": ["Cancel", "Print"]},
                    ],
                },
            ),
        ],
        order=["Print to the office printer", "Invoice 2291 for Kim Larsen"],
        half="A",
    )


def _dark_dialog_over_page() -> Scene:
    poster = page(
        "Town Choir",
        "<h1>Concert in April</h1>"
        + paragraphs(CONCERT)
        + html_table([["Day", "Time", "Place"], ["Friday", "19:00", "Corn Exchange"]], cls="t"),
        "",
        fg="#dddddd",
        bg="#1e1e1e",
    )
    return Scene(
        "multi-dark-qt-over-page",
        "multi-window",
        HD,
        "dark Chromium page with a concert notice; a dark Qt dialog on top over its lower right",
        [
            Page("Town Choir", (200, 100), html=poster, size=(1000, 620)),
            SpecWindow(
                "Buy Tickets",
                (1000, 170),
                toolkit="qt",
                spec={
                    "dark": True,
                    "font": ["Noto Sans", 10],
                    "body": [
                        {"type": "label", "text": "How many tickets?", "font": ["Noto Sans", 12, "bold"]},
                        {"type": "form", "fields": [["Adults", "2"], ["Students", "1"]]},
                        {"type": "buttons", "items": ["Cancel", "Buy"]},
                    ],
                },
            ),
        ],
        order=["How many tickets", "Concert in April", "The spring concert of the town choir"],
        theme="Onyx",
        background="#101010",
        half="A",
    )


def _tk_note(title: str, pos: tuple[int, int], heading: str, lines: list[str], button: str) -> SpecWindow:
    return SpecWindow(
        title,
        pos,
        spec={
            "font": ["DejaVu Sans", 11],
            "body": [
                {"type": "label", "text": heading, "font": ["DejaVu Sans", 12, "bold"]},
                *({"type": "label", "text": line} for line in lines),
                {"type": "buttons", "items": [button]},
            ],
        },
    )


def _four_tiled() -> Scene:
    return Scene(
        "multi-four-tiled",
        "multi-window",
        HD,
        "four Tk windows in a two-by-two mosaic, each lying a little over the one before, lines on the "
        "same rows",
        [
            _tk_note(
                "Kitchen",
                (60, 80),
                "Kitchen timer",
                ["Bread rises for forty minutes.", "Oven preheats to two hundred degrees."],
                "Stop",
            ),
            _tk_note(
                "Laundry",
                (352, 80),
                "Washing machine",
                ["Wool cycle ends at half past four.", "Hang the jumpers flat to dry."],
                "Pause",
            ),
            _tk_note(
                "Garage",
                (60, 252),
                "Garage door",
                ["The door closed at nine fifteen.", "Battery of the remote is low."],
                "Open",
            ),
            _tk_note(
                "Porch",
                (352, 252),
                "Porch light",
                ["The light switches off at midnight.", "Motion sensor is set to medium."],
                "Dim",
            ),
        ],
        # Where windows lie side by side the stack is not in the pixels: the active one comes first
        # (before "Laundry", third on either reading: the stack's Porch, Garage, Laundry, Kitchen;
        # the pixels' Porch, then top to bottom and left to right).
        order=["Porch light", "The light switches off at midnight", "Washing machine"],
        theme="Natura",
        background="#3b4a3f",
        half="A",
    )


MUSEUM = (
    "The town museum reopens on Saturday after eight months of building work. The new wing holds the "
    "collection of lace and the letters of the harbour master, which were stored in the attic for "
    "more than a century. Entry stays free for children and for residents of the valley, and the "
    "cafe on the ground floor now opens an hour before the galleries. Guided tours in English and "
    "Welsh leave from the front desk every afternoon at two and at four, and the garden behind the "
    "museum is open to everyone until sunset."
)


def _modal_over_page() -> Scene:
    notice = page(
        "Town Museum",
        "<h1>Doors open again</h1>" + paragraphs([MUSEUM]) + "<p>Last entry is at half past four.</p>",
        "p { max-width: 1040px; }",
        size=17,
    )
    return Scene(
        "multi-modal-over-page",
        "multi-window",
        WX,
        "Chromium page of long lines; an active Tk dialog in the middle, the lines running under it",
        [
            Page("Town Museum", (20, 20), html=notice, size=(1220, 600)),
            SpecWindow(
                "Cookies",
                (470, 170),
                spec={
                    "font": ["DejaVu Sans", 10],
                    "body": [
                        {
                            "type": "label",
                            "text": "Allow this site to store cookies?",
                            "font": ["DejaVu Sans", 11, "bold"],
                        },
                        {"type": "buttons", "items": ["Block", "Allow"]},
                    ],
                },
            ),
        ],
        order=["Allow this site to store cookies", "Doors open again", "Last entry is at half past four"],
        half="A",
    )


def window_scenes() -> list[Scene]:
    return [
        _reminder_over_notes(),
        _three_cascade(),
        _dialog_over_columns(),
        _dark_terminals_side(),
        _calc_beside_covered(),
        _dark_dialog_over_page(),
        _four_tiled(),
        _modal_over_page(),
    ]
