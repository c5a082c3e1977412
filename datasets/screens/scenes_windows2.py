"""Session 9's multi-window scenes (issue #15, helper "windows"), all half A.

Half A's multi-window screens had no terminals side by side in X core bitmap fonts, no light
terminal under a dark one, no window of three toolkits stacked (Tk under Chromium under a Qt
message box), no calculator over a terminal over a page table and no clock over a Tk window.
These add those layouts. Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or
is what a program prints about files made here; the truth comes from the programs, as for every
other scene (``capture.py``).
"""

from __future__ import annotations

from pages import form, page
from pages import table as html_table
from programs import Page, SpecWindow, Terminal, xcalc, xclock, xmessage
from scenes import FORM_CSS, HD, WX, Scene, _core_term, aligned, make_files, text_file

PACKING = """Packing list for the ferry trip
- two warm jumpers and a rain coat
- walking boots and thick socks
- the blue thermos and four mugs
- sun cream even if it is cloudy
- charger, torch and spare batteries
- tickets printed at the library
- cards and a small chess set
- sandwiches for the first day
"""

RECORDS = [
    ("choir-2019.flac", 48210944, "2023-11-02 19:40", 0o644),
    ("harbour-walk.mp3", 6110208, "2024-01-14 08:12", 0o644),
    ("lessons", -1, "2024-02-20 17:05", 0o755),
    ("piano-scales.pdf", 230912, "2023-10-09 10:30", 0o644),
    ("radio-play.ogg", 19922944, "2024-03-03 21:55", 0o644),
    ("tuning.txt", 812, "2024-03-28 12:01", 0o644),
    ("violin-repair.jpg", 1404928, "2024-04-11 15:47", 0o644),
]

MILEAGE = aligned(
    [
        ["DATE", "ROUTE", "KM", "FUEL"],
        ["03-04", "Leeds-York", "41", "3.1"],
        ["05-04", "York-Hull", "61", "4.4"],
        ["09-04", "Hull-Selby", "52", "3.9"],
        ["12-04", "Selby-Leeds", "34", "2.6"],
        ["15-04", "Leeds-Otley", "18", "1.5"],
    ]
)

SENSOR_LOG = """08:00 boiler started, water at 41 degrees
08:20 radiators warm in the hall and kitchen
08:45 upstairs thermostat reached 20 degrees
09:10 boiler paused, pressure 1.4 bar
10:30 door contact open in the bathroom
10:42 door contact closed in the bathroom
11:15 boiler started again for hot water
12:00 daily report sent to the tablet
"""

PLANTS = [
    ("fern-notes.md", 2204, "2024-05-02 09:15", 0o644),
    ("orchid-watering.ods", 15360, "2024-05-06 18:30", 0o644),
    ("cuttings", -1, "2024-05-09 11:00", 0o755),
    ("soil-test.pdf", 388096, "2024-05-12 14:22", 0o644),
    ("repotting-plan.txt", 960, "2024-05-14 20:05", 0o644),
]

ROOMS = [
    ["Room", "Floor", "Seats", "Booked by"],
    ["Oak", "1", "8", "Priya Nair"],
    ["Birch", "1", "12", "Tomas Berg"],
    ["Cedar", "2", "20", "Ana Sousa"],
    ["Maple", "2", "6", "Luca Bianchi"],
    ["Willow", "3", "30", "Grace Obi"],
    ["Rowan", "3", "4", "Hugo Marsh"],
]

FERRY_TIMES = """Ferry times this week
Mon 07:15 Harbour to Isle
Tue 07:15 Harbour to Isle
Wed 09:40 Harbour to Isle
Thu 07:15 Harbour to Isle
Fri 12:30 Isle to Harbour
Sat 16:05 Isle to Harbour
"""


def _three_core_terminals() -> Scene:
    return Scene(
        "multi-three-core-fonts",
        "multi-window",
        WX,
        "three xterms side by side in core fonts (9x15bold cat, 8x13 ls -l, 6x13 a mileage table), "
        "the middle one active",
        [
            _core_term(
                "packing - xterm",
                (10, 40),
                "9x15bold",
                38,
                22,
                ["cat packing.txt"],
                prompt="ines@boat:~$ ",
                setup=text_file("packing.txt", PACKING),
            ),
            _core_term(
                "mileage - xterm",
                (910, 60),
                "6x13",
                56,
                30,
                ["cat mileage.txt"],
                prompt="ines@boat:~$ ",
                setup=text_file("mileage.txt", MILEAGE),
            ),
            _core_term(
                "music - xterm",
                (370, 40),
                "8x13",
                64,
                30,
                ["ls -l"],
                prompt="ines@boat:~/music$ ",
                workdir="music",
                setup=make_files(RECORDS),
                parse_ls=True,
            ),
        ],
        # Side by side: only the active one is surely first; each window's own lines keep their order.
        order=[
            "ines@boat:~/music$ ls -l",
            "choir-2019.flac",
            "violin-repair.jpg",
            "Packing list for the ferry",
        ],
        background="#3c3c50",
        half="A",
    )


def _light_under_dark() -> Scene:
    return Scene(
        "multi-light-under-dark",
        "multi-window",
        WX,
        "a light xterm with a heating log (cat) partly under an active dark xterm with ls -l",
        [
            Terminal(
                "heating - xterm",
                (40, 50),
                cols=72,
                rows=24,
                font=("DejaVu Sans Mono", 10),
                prompt="max@flat:~$ ",
                setup=text_file("heating.log", SENSOR_LOG),
                commands=["cat heating.log"],
            ),
            Terminal(
                "plants - xterm",
                (470, 300),
                cols=70,
                rows=16,
                font=("Liberation Mono", 11),
                fg="#d4d4d4",
                bg="#1b1d22",
                prompt="max@flat:~/plants$ ",
                workdir="plants",
                setup=make_files(PLANTS),
                commands=["ls -l"],
                parse_ls=True,
            ),
        ],
        order=[
            "max@flat:~/plants$ ls -l",
            "repotting-plan.txt",
            "max@flat:~$ cat heating.log",
            "08:00 boiler",
        ],
        theme="Natura",
        background="#2a3038",
        half="A",
    )


def _calc_term_page() -> Scene:
    rooms = page(
        "Room Bookings",
        "<h1>Meeting rooms on Thursday</h1>"
        + html_table(ROOMS, cls="t")
        + "<p>Keys are at the front desk.</p>",
        "table.t td, table.t th { border-bottom: 1px solid #ccc; }",
        size=16,
    )
    return Scene(
        "multi-calc-term-rooms",
        "multi-window",
        HD,
        "Chromium room-booking table (bottom), an xterm with ferry times over its right, "
        "a colour xcalc on top",
        [
            Page("Room Bookings", (60, 60), html=rooms, size=(1100, 700)),
            Terminal(
                "ferry - xterm",
                (900, 300),
                cols=64,
                rows=18,
                font=("DejaVu Sans Mono", 12),
                prompt="kai@port:~$ ",
                setup=text_file("ferry.txt", FERRY_TIMES),
                commands=["cat ferry.txt"],
            ),
            xcalc((1450, 520), color=True),
        ],
        order=["kai@port:~$ cat ferry.txt", "Ferry times this week", "Meeting rooms on Thursday", "Keys are"],
        theme="Bear2",
        background="#34404c",
        half="A",
    )


def _tk_page_qt_box() -> Scene:
    signup = page(
        "Volunteer Signup",
        "<h1>Join the river clean-up</h1>"
        + form(
            [
                ("Full name", "text", "Noor Haddad"),
                ("Phone", "placeholder", "07700 900123"),
                ("Team", "select", "Riverbank north"),
                ("I can bring a boat", "check", "1"),
            ],
            cls="form",
        )
        + "<p>We meet at the old mill at nine.</p>",
        FORM_CSS,
        size=16,
    )
    return Scene(
        "multi-tk-form-qtbox",
        "multi-window",
        WX,
        "a Tk tide-table window, a Chromium signup form over its right half, a Qt message box on top",
        [
            SpecWindow(
                "Tides",
                (30, 40),
                spec={
                    "font": ["DejaVu Sans", 11],
                    "body": [
                        {
                            "type": "label",
                            "text": "High water at the mill",
                            "font": ["DejaVu Sans", 13, "bold"],
                        },
                        {"type": "label", "text": "Morning tide 06:42, 4.1 metres"},
                        {"type": "label", "text": "Evening tide 19:05, 3.8 metres"},
                        {"type": "label", "text": "Spring tides begin on Sunday"},
                        {"type": "label", "text": "Low water path closes at noon"},
                        {"type": "buttons", "items": ["Refresh"]},
                    ],
                },
            ),
            Page("Volunteer Signup", (272, 90), html=signup, size=(760, 520)),
            SpecWindow(
                "Unsaved Form",
                (560, 300),
                toolkit="qt",
                spec={
                    "font": ["Noto Sans", 10],
                    "messagebox": {
                        "icon": "question",
                        "text": "Send the signup form now?",
                        "informative": "You can still change your team later.",
                        "buttons": [["Send", "accept"], ["Not yet", "reject"]],
                    },
                },
            ),
        ],
        order=["Send the signup form now", "Join the river clean-up", "High water at the mill"],
        half="A",
    )


def _clock_over_tk() -> Scene:
    return Scene(
        "multi-xclock-over-tk",
        "multi-window",
        WX,
        "an active Tk rota window with a digital xclock over its top right, an xmessage apart below",
        [
            xmessage(
                "Notice",
                (760, 520),
                "The lift is serviced on Tuesday.\nPlease use the east stairs.",
                ["OK"],
                font="7x14",
            ),
            SpecWindow(
                "Shift Rota",
                (60, 70),
                spec={
                    "font": ["DejaVu Sans", 11],
                    "body": [
                        {
                            "type": "label",
                            "text": "Reception desk this week",
                            "font": ["DejaVu Sans", 13, "bold"],
                        },
                        {"type": "label", "text": "Monday and Tuesday: Ruth and Omar"},
                        {"type": "label", "text": "Wednesday: Felix, from ten until four"},
                        {"type": "label", "text": "Thursday and Friday: Ada and Bruno"},
                        {"type": "label", "text": "Swap shifts only with the manager's consent."},
                        {"type": "buttons", "items": ["Print", "Close"]},
                    ],
                },
            ),
            xclock("Desk clock", (420, 40), (240, 52), strftime="%H:%M:%S", face="DejaVu Sans-18"),
        ],
        order=["Reception desk this week", "Monday and Tuesday", "Swap shifts only", "The lift is serviced"],
        theme="Natura",
        background="#404848",
        half="A",
    )


def windows2_scenes() -> list[Scene]:
    return [
        _three_core_terminals(),
        _light_under_dark(),
        _calc_term_page(),
        _tk_page_qt_box(),
        _clock_over_tk(),
    ]
