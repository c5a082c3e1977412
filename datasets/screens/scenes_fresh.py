"""Session 10's fresh scenes (issue #15, helper "fresh"), all half A.

Issue #15 says the assistant will also be checked on real screenshots the team has not seen. The
nearest stand-in is screens of kinds neither half has, read by the code before anyone tunes on them:
GTK dialogs from zenity of other kinds (a light ``--list`` table, a ``--checklist``, ``--forms``, a
``--question`` of several lines), windows with a menu bar over a text area (Qt's QMenuBar, Tk's
classic menubuttons), Qt tabs (QTabWidget) and a tree with columns (QTreeWidget), Chromium pages laid
out in other ways (a settings page with a side menu, a mail inbox beside its folder list, a dark
two-column article with a box), xterm output of other programs (``git log``, ``git status``,
``cal -3``, ``ls -lA`` with dotfiles), openbox themes not used before, and a three-window screen.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or is what a program prints
about files made here (a git repository with fixed authors and dates, so its hashes never change);
the truth comes from the programs, as for every other scene (``capture.py``).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from pages import page
from pages import table as html_table
from programs import Page, SpecWindow, Terminal, gtk_dialog
from scenes import HD, WX, Scene, make_files

# ---- zenity ------------------------------------------------------------------------------------------
DOWNLOADS = [
    ["File", "Size", "Source", "Finished"],
    ["tax-return-2023.pdf", "412 KB", "gov portal", "09:12"],
    ["holiday-photos.zip", "1.8 GB", "shared drive", "09:40"],
    ["podcast-episode-41.mp3", "58 MB", "feed", "10:05"],
    ["bank-statement-may.csv", "24 KB", "bank", "10:31"],
    ["driver-setup.exe", "6.2 MB", "printer maker", "11:02"],
    ["recipe-book.epub", "3.4 MB", "library", "11:47"],
]

PACKAGES = [
    ["Package", "Version", "Description"],
    ["audacity", "3.2.4", "record and edit sound"],
    ["gimp", "2.10.34", "edit photos and pictures"],
    ["inkscape", "1.2.2", "draw vector graphics"],
    ["calibre", "6.13.0", "manage electronic books"],
    ["thunderbird", "115.9", "read and send mail"],
    ["orca", "43.1", "screen reader"],
]
PACKAGES_ON = [True, False, False, True, False, True]


def _zenity_list(title: str, text: str, rows: list[list[str]], extra: list[str] | None = None) -> list[str]:
    args = ["--list", "--text", text, *(extra or [])]
    for name in rows[0]:
        args += ["--column", name]
    for row in rows[1:]:
        args += row
    return args


def _zenity() -> list[Scene]:
    checklist_args = ["--list", "--checklist", "--width", "620", "--height", "400"]
    checklist_args += ["--text", "Choose the programs to install on the new laptop", "--column", "Pick"]
    for name in PACKAGES[0]:
        checklist_args += ["--column", name]
    for on, row in zip(PACKAGES_ON, PACKAGES[1:], strict=True):
        checklist_args += ["TRUE" if on else "FALSE", *row]
    question = (
        "The folder Old Projects holds 1,284 files that nobody has opened for three years. "
        "Deleting them frees 14.6 GB on the shared drive.\n\n"
        "Files in the trash can still be restored for thirty days. After that they are gone for good."
    )
    return [
        Scene(
            "table-zenity-list-downloads",
            "table",
            WX,
            "zenity --list (GTK 3, Adwaita light) of finished downloads: 4 columns, 6 rows, Mikachu theme",
            [
                gtk_dialog(
                    "Downloads",
                    (300, 180),
                    "zenity",
                    _zenity_list(
                        "Downloads",
                        "Finished today, newest last",
                        DOWNLOADS,
                        ["--width", "640", "--height", "380"],
                    ),
                    ["Finished today, newest last", *[c for row in DOWNLOADS for c in row]],
                    ["Cancel", "OK"],
                    table_rows=[DOWNLOADS],
                )
            ],
            theme="Mikachu",
            background="#3a4a5a",
            half="A",
        ),
        Scene(
            "dlg-zenity-checklist-packages",
            "dialog",
            HD,
            "zenity --list --checklist (GTK 3): tick boxes, package names, versions and descriptions, "
            "Orang theme",
            [
                gtk_dialog(
                    "Install Programs",
                    (640, 300),
                    "zenity",
                    checklist_args,
                    [
                        "Choose the programs to install on the new laptop",
                        "Pick",
                        *[c for row in PACKAGES for c in row],
                    ],
                    ["Cancel", "OK"],
                    table_rows=[PACKAGES],
                )
            ],
            theme="Orang",
            background="#404040",
            half="A",
        ),
        Scene(
            "form-zenity-forms-volunteer",
            "form",
            HD,
            "zenity --forms (GTK 3): a sign-up form of five empty fields under a line of text, "
            "Breeze-ob theme",
            [
                gtk_dialog(
                    "Volunteer Sign-up",
                    (760, 320),
                    "zenity",
                    [
                        "--forms",
                        "--width",
                        "460",
                        "--text",
                        "Tell us how to reach you for the beach clean-up",
                        "--add-entry",
                        "First name",
                        "--add-entry",
                        "Family name",
                        "--add-entry",
                        "Email address",
                        "--add-entry",
                        "Mobile phone",
                        "--add-password",
                        "Choose a password",
                    ],
                    [
                        "Tell us how to reach you for the beach clean-up",
                        "First name",
                        "Family name",
                        "Email address",
                        "Mobile phone",
                        "Choose a password",
                    ],
                    ["Cancel", "OK"],
                )
            ],
            theme="Breeze-ob",
            background="#31363b",
            half="A",
        ),
        Scene(
            "dlg-zenity-question-cleanup",
            "dialog",
            WX,
            "zenity --question (GTK 3) with two paragraphs wrapped over several lines and buttons "
            "of our own, Nightmare theme",
            [
                gtk_dialog(
                    "Clean Up Shared Drive",
                    (330, 250),
                    "zenity",
                    [
                        "--question",
                        "--width",
                        "520",
                        "--text",
                        question,
                        "--ok-label",
                        "Delete Old Files",
                        "--cancel-label",
                        "Keep Them",
                    ],
                    [question],
                    ["Keep Them", "Delete Old Files"],
                )
            ],
            theme="Nightmare",
            background="#5a6470",
            half="A",
        ),
    ]


# ---- Qt and Tk windows with menu bars, tabs, a tree ------------------------------------------------------
LETTER = """Dear Mrs Okafor,

Thank you for lending the community hall for the repair cafe on Saturday. About forty people came,
and our volunteers mended eleven lamps, six toasters, a sewing machine and many bicycles.

We left the hall clean and the keys are back in the office. The next cafe is planned for the
first Saturday in July, if the hall is free.

With best wishes,
Tom Reyes"""

JOURNAL = """Monday 6 May
Planted the tomato seedlings along the south fence and watered them twice.
The snails had eaten two lettuces, so the copper tape goes on tomorrow.

Tuesday 7 May
Rain all morning. Sorted the seed tin and threw out the old carrot packets.
Bought a new hose connector from the market stall near the bridge.

Wednesday 8 May
First strawberries are turning red. Cut back the mint before it takes over."""

TREE_ROWS = [
    [0, "garden-planner", "5 items", "Folder", "12 May"],
    [1, "docs", "2 items", "Folder", "10 May"],
    [2, "planting-guide.md", "14 KB", "Markdown", "10 May"],
    [2, "watering-rules.md", "6 KB", "Markdown", "8 May"],
    [1, "src", "3 items", "Folder", "12 May"],
    [2, "beds.py", "9 KB", "Python", "12 May"],
    [2, "calendar.py", "17 KB", "Python", "11 May"],
    [2, "weather.py", "5 KB", "Python", "9 May"],
    [1, "tests", "1 item", "Folder", "11 May"],
    [2, "test_beds.py", "4 KB", "Python", "11 May"],
    [1, "README.md", "3 KB", "Markdown", "7 May"],
    [1, "seeds.csv", "21 KB", "CSV table", "6 May"],
]


def _apps() -> list[Scene]:
    return [
        Scene(
            "app-qt-menubar-letter",
            "app",
            WX,
            "Qt (Fusion) text editor: a real QMenuBar, a toolbar, a letter in a QPlainTextEdit "
            "(Liberation Serif 11), a status line; Clearlooks-3.4 theme",
            [
                SpecWindow(
                    "letter-to-hall.txt - Notes",
                    (160, 90),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "padding": 6,
                        "body": [
                            {"type": "menubar", "items": ["File", "Edit", "View", "Format", "Help"]},
                            {"type": "toolbar", "items": ["Save", "Undo", "Redo", "|", "Find"]},
                            {
                                "type": "text",
                                "text": LETTER,
                                "font": ["Liberation Serif", 11],
                                "width": 92,
                                "height": 14,
                            },
                            {"type": "label", "text": "Line 1, column 1    Saved", "fg": "#555555"},
                        ],
                    },
                )
            ],
            theme="Clearlooks-3.4",
            background="#3b4252",
            half="A",
        ),
        Scene(
            "app-tk-menubar-journal",
            "app",
            HD,
            "Tk garden journal: a menu bar of menubuttons, a Text area (DejaVu Serif 11), buttons; "
            "Artwiz-boxed theme",
            [
                SpecWindow(
                    "Garden Journal",
                    (520, 210),
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "menubar", "items": ["File", "Edit", "Entry", "Tools", "Help"]},
                            {
                                "type": "label",
                                "text": "Entries for May 2024",
                                "font": ["DejaVu Sans", 11, "bold"],
                            },
                            {
                                "type": "text",
                                "text": JOURNAL,
                                "font": ["DejaVu Serif", 11],
                                "width": 78,
                                "height": 13,
                            },
                            {"type": "buttons", "items": ["New Entry", "Save", "Close"]},
                        ],
                    },
                )
            ],
            theme="Artwiz-boxed",
            background="#2f3b2f",
            half="A",
        ),
        Scene(
            "form-qt-tabs-settings",
            "form",
            WX,
            "Qt (Fusion) settings window: a QTabWidget (five tabs), the General page's fields and "
            "check boxes, buttons under it; Onyx-Citrus theme",
            [
                SpecWindow(
                    "Backup Settings",
                    (260, 130),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 10],
                        "body": [
                            {
                                "type": "tabs",
                                "items": ["General", "Schedule", "Folders", "Network", "Advanced"],
                                "current": 0,
                                "body": [
                                    {
                                        "type": "form",
                                        "fields": [
                                            ["Backup name", "Family laptop"],
                                            ["Destination", "nas.local/backups"],
                                            ["Keep copies for", "90 days"],
                                        ],
                                        "entry_width": 30,
                                    },
                                    {
                                        "type": "checks",
                                        "items": [
                                            ["Compress the backup", True],
                                            ["Encrypt with a passphrase", True],
                                            ["Run only on mains power", False],
                                        ],
                                    },
                                ],
                            },
                            {"type": "buttons", "items": ["Help", "Cancel", "Apply"]},
                        ],
                    },
                )
            ],
            theme="Onyx-Citrus",
            background="#1e2228",
            half="A",
        ),
        Scene(
            "table-qt-tree-project",
            "table",
            HD,
            "Qt (Fusion) QTreeWidget of a project's files (4 columns, folders expanded, DejaVu Sans 10) "
            "with buttons; Clearlooks-Olive theme",
            [
                SpecWindow(
                    "Project Files",
                    (600, 220),
                    toolkit="qt",
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "label", "text": "garden-planner: 9 files in 4 folders"},
                            {
                                "type": "tree",
                                "columns": ["Name", "Size", "Type", "Modified"],
                                "rows": TREE_ROWS,
                            },
                            {"type": "buttons", "items": ["Open", "Rename", "Close"]},
                        ],
                    },
                )
            ],
            theme="Clearlooks-Olive",
            background="#394034",
            half="A",
        ),
    ]


# ---- Chromium pages laid out otherwise ------------------------------------------------------------
SETTINGS_CSS = """
body { padding: 0; }
.wrap { display: flex; min-height: 100vh; }
nav { width: 230px; background: #f1f3f4; padding: 22px 0; border-right: 1px solid #dadce0; }
nav li { padding: 9px 26px; color: #3c4043; }
nav li.on { background: #d2e3fc; color: #174ea6; font-weight: bold; }
main { flex: 1; padding: 22px 40px; }
.card { border: 1px solid #dadce0; border-radius: 8px; margin-bottom: 18px; }
.setting { display: flex; justify-content: space-between; align-items: center;
           padding: 12px 18px; border-bottom: 1px solid #eceff1; }
.setting:last-child { border-bottom: none; }
.setting small { display: block; color: #5f6368; font-size: 0.85em; }
.state { color: #1a73e8; font-weight: bold; }
"""

SETTINGS_NAV = [
    "You and sync",
    "Privacy",
    "Appearance",
    "Search engine",
    "Downloads",
    "Accessibility",
    "Languages",
]

SETTINGS = [
    ("Show a bigger cursor", "Makes the text cursor easier to find", "On"),
    ("Read page titles aloud", "When a new tab opens", "Off"),
    ("Minimum font size", "Small text is enlarged to this size", "16 px"),
    ("Highlight the focused item", "Draws a ring around it for a moment", "On"),
    ("Captions for videos", "Where the site offers them", "Off"),
]

INBOX_CSS = """
body { padding: 0; }
.top { background: #37474f; color: #ffffff; padding: 10px 18px; }
.top button { background: #ffffff; border: none; border-radius: 4px; }
.wrap { display: flex; }
aside { width: 170px; padding: 14px 0; background: #eceff1; min-height: 640px; }
aside li { padding: 7px 18px; }
aside li.on { background: #cfd8dc; font-weight: bold; }
main { flex: 1; padding: 10px 14px; }
table.mail { width: 100%; }
table.mail th { border-bottom: 2px solid #90a4ae; color: #455a64; }
table.mail td { border-bottom: 1px solid #e0e0e0; padding: 8px 12px; }
table.mail tr.unread td { font-weight: bold; }
"""

FOLDERS = ["Inbox 4", "Starred", "Sent", "Drafts 1", "Archive", "Spam", "Trash"]

MAIL = [
    ["From", "Subject", "Received"],
    ["Dr Ines Ortega", "Your appointment on Thursday", "08:14"],
    ["Parcel Service", "Delivery window 12:00 to 14:00", "07:52"],
    ["Nadia Brooks", "Photos from the choir trip", "Yesterday"],
    ["City Library", "Two books due on Monday", "Yesterday"],
    ["Ben Carter", "Re: lift to the station", "Mon"],
    ["Water Board", "Planned works in your street", "Mon"],
    ["Amir Saleh", "Minutes of the tenants meeting", "Sun"],
    ["Online Bank", "Your May statement is ready", "Sat"],
]
UNREAD = {1, 2, 3, 4}

ARTICLE_CSS = """
body { padding: 26px 44px; }
h1 { color: #f0c674; font-family: 'DejaVu Serif'; font-size: 1.9em; }
.by { color: #9aa3ad; margin-bottom: 18px; }
.cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 48px; }
.box { border-left: 4px solid #f0c674; background: #23272e; padding: 10px 16px; margin-top: 8px; }
.box h2 { color: #f0c674; margin-top: 0; }
"""

ARTICLE_LEFT = [
    "The old railway line between Marsh Lane and the harbour reopened as a path for walkers "
    "and cyclists on Saturday, eleven years after the last goods train ran.",
    "Volunteers cleared more than two kilometres of brambles and laid a gravel surface wide "
    "enough for wheelchairs and pushchairs. The council paid for new lighting under the bridges.",
    "Families came early with picnics, and a brass band played on the platform of the former "
    "station, now a cafe run by the residents association.",
]

ARTICLE_RIGHT = [
    "Not everyone is pleased. Some neighbours worry about bicycles passing their gardens late "
    "at night, and the group has promised to put up signs asking riders to slow down.",
    "The next stage, a link to the beach car park, needs a small footbridge over the stream. "
    "Plans go to the planning committee in September.",
]

FACTS = ["Length: 2.4 km", "Open: dawn to dusk", "Dogs on leads please", "Cafe: Wednesday to Sunday"]


def _pages() -> list[Scene]:
    from html import escape

    nav = "".join(
        f'<li class="{"on" if name == "Accessibility" else ""}">{escape(name)}</li>' for name in SETTINGS_NAV
    )
    rows = "".join(
        f'<div class="setting"><div>{escape(name)}<small>{escape(note)}</small></div>'
        f'<span class="state">{escape(state)}</span></div>'
        for name, note, state in SETTINGS
    )
    settings = page(
        "Settings",
        f'<div class="wrap"><nav><ul>{nav}</ul></nav><main><h1>Accessibility</h1>'
        f'<div class="card">{rows}</div>'
        "<p>Changes are saved as you make them.</p></main></div>",
        SETTINGS_CSS,
        font="'Noto Sans'",
        size=15,
    )
    folders = "".join(
        f'<li class="{"on" if name.startswith("Inbox") else ""}">{escape(name)}</li>' for name in FOLDERS
    )
    mail = html_table(MAIL, cls="mail")
    for r in UNREAD:  # the unread rows in bold, as mail programs show them
        mail = mail.replace(
            f'<tr><td data-t="0" data-r="{r}"', f'<tr class="unread"><td data-t="0" data-r="{r}"', 1
        )
    inbox = page(
        "Inbox - Mail",
        '<div class="top"><button>Compose</button> <button>Refresh</button> <button>Delete</button></div>'
        f'<div class="wrap"><aside><ul>{folders}</ul></aside><main>{mail}</main></div>',
        INBOX_CSS,
        font="'Liberation Sans'",
        size=14,
    )
    article = page(
        "The Line Is Open Again",
        "<h1>The old line is open again</h1>"
        '<p class="by">By Maya Lindqvist, local news</p>'
        '<div class="cols"><div>'
        + "".join(f"<p>{escape(t)}</p>" for t in ARTICLE_LEFT)
        + "</div><div>"
        + "".join(f"<p>{escape(t)}</p>" for t in ARTICLE_RIGHT)
        + '<div class="box"><h2>At a glance</h2>'
        + "".join(f"<p>{escape(t)}</p>" for t in FACTS)
        + "</div></div></div>",
        ARTICLE_CSS,
        font="'Noto Sans'",
        size=16,
        fg="#d8dee9",
        bg="#1b1f24",
    )
    return [
        Scene(
            "page-chromium-settings-sidebar",
            "form",
            HD,
            "Chromium settings page: a grey side menu (one item selected), a card of settings, each "
            "name over a small grey note with its state at the far right; Noto Sans",
            [Page("Settings", (380, 150), html=settings, size=(1100, 640))],
            order=["You and sync", "Languages", "Accessibility Show a bigger cursor", "Changes are saved"],
            half="A",
        ),
        Scene(
            "table-chromium-inbox",
            "table",
            WX,
            "Chromium mail inbox: a dark top bar of buttons, a folder list at the left, a table of "
            "mails (From, Subject, Received; unread in bold); Natura theme",
            [Page("Inbox - Mail", (90, 70), html=inbox, size=(1060, 620))],
            order=["Compose Refresh Delete", "Inbox 4", "Trash", "From Subject Received"],
            theme="Natura",
            half="A",
        ),
        Scene(
            "dark-chromium-article-box",
            "dark",
            HD,
            "dark Chromium article in two columns (Noto Sans 16 px), the right one ending in a boxed "
            "list of facts; Onyx theme",
            [Page("The Line Is Open Again", (330, 120), html=article, size=(1240, 760))],
            order=[
                "The old line is open again",
                "By Maya Lindqvist",
                "The old railway line",
                "run by the residents association",
                "Not everyone is pleased",
                "At a glance",
                "Cafe: Wednesday to Sunday",
            ],
            theme="Onyx",
            background="#101214",
            half="A",
        ),
    ]


# ---- xterm: git, cal, ls -lA ------------------------------------------------------------------------
COMMITS = [
    ("2024-04-02 09:10", "Ana Costa", "Start the tide table app"),
    ("2024-04-03 14:25", "Ana Costa", "Read tide times from the harbour file"),
    ("2024-04-05 10:02", "Joe Park", "Show high and low water in two columns"),
    ("2024-04-09 16:48", "Ana Costa", "Fix times after the clocks changed"),
    ("2024-04-12 11:30", "Joe Park", "Add a week view"),
    ("2024-04-15 08:55", "Ana Costa", "Warn when a spring tide is near"),
    ("2024-04-18 13:14", "Joe Park", "Make the font larger on small screens"),
    ("2024-04-22 17:40", "Ana Costa", "Explain the moon phases in the help page"),
    ("2024-04-26 09:05", "Joe Park", "Release 1.0"),
]


def git_repo(commits: list[tuple[str, str, str]]) -> Callable[[Path], None]:
    """A git repository of our own in the folder: one file changed per commit, fixed names and
    dates (so the hashes are the same on every build), then one file changed and one new."""

    def setup(folder: Path) -> None:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(folder),
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_CONFIG_NOSYSTEM": "1",
            "TZ": "UTC",
        }

        def git(*args: str, **more: str) -> None:
            subprocess.run(["git", *args], cwd=folder, env={**env, **more}, check=True, capture_output=True)

        git("init", "-q", "-b", "main")
        notes = folder / "CHANGES.txt"
        for i, (when, who, msg) in enumerate(commits):
            with notes.open("a", encoding="utf-8") as fh:
                fh.write(f"{i + 1}. {msg}\n")
            git("add", "CHANGES.txt")
            email = who.lower().replace(" ", ".") + "@example.org"
            stamp = f"{when}:00 +0000"
            git(
                "commit",
                "-q",
                "-m",
                msg,
                GIT_AUTHOR_NAME=who,
                GIT_AUTHOR_EMAIL=email,
                GIT_AUTHOR_DATE=stamp,
                GIT_COMMITTER_NAME=who,
                GIT_COMMITTER_EMAIL=email,
                GIT_COMMITTER_DATE=stamp,
            )
        with notes.open("a", encoding="utf-8") as fh:
            fh.write("10. Draft of the next change\n")
        (folder / "moon.py").write_text("PHASES = 8\n", encoding="utf-8")
        os.utime(folder, None)

    return setup


DOTFILES = [
    (".bashrc", 3526, "2024-03-01 10:00", 0o644),
    (".profile", 807, "2024-03-01 10:00", 0o644),
    (".config", -1, "2024-05-02 18:21", 0o755),
    (".ssh", -1, "2024-04-11 09:30", 0o700),
    ("Desktop", -1, "2024-05-06 08:02", 0o755),
    ("Documents", -1, "2024-05-09 14:45", 0o755),
    ("rota-may.ods", 18944, "2024-04-29 19:10", 0o644),
    ("shopping.txt", 214, "2024-05-10 07:58", 0o644),
]


def _terminals() -> list[Scene]:
    return [
        Scene(
            "term-git-log-status",
            "terminal",
            WX,
            "xterm (DejaVu Sans Mono 11): git log --oneline of a repository of our own, then git status "
            "--short; Bear2 theme",
            [
                Terminal(
                    "ana@quay: ~/tides",
                    (140, 110),
                    cols=84,
                    rows=24,
                    font=("DejaVu Sans Mono", 11),
                    prompt="ana@quay:~/tides$ ",
                    workdir="tides",
                    setup=git_repo(COMMITS),
                    commands=["git --no-pager log --oneline", "git status --short"],
                )
            ],
            theme="Bear2",
            half="A",
        ),
        Scene(
            "term-cal-ls-dotfiles",
            "terminal",
            HD,
            "green-on-black xterm (Liberation Mono 12): cal -3 (three months side by side), then ls -lA "
            "with dotfiles; Syscrash theme",
            [
                Terminal(
                    "lee@attic: ~",
                    (420, 180),
                    cols=80,
                    rows=26,
                    font=("Liberation Mono", 12),
                    fg="#7fe07f",
                    bg="#0c140c",
                    prompt="lee@attic:~$ ",
                    workdir="lee",
                    setup=make_files(DOTFILES),
                    commands=["cal -3 -d 2024-05", "ls -lA"],
                    parse_ls=True,
                )
            ],
            theme="Syscrash",
            background="#000000",
            half="A",
        ),
    ]


def _multi() -> Scene:
    return Scene(
        "multi-tree-term-question",
        "multi-window",
        HD,
        "three windows: an xterm with git log at the left, the Qt project tree at the right, an active "
        "zenity question lying over the terminal's right side and the tree's left edge; Mikachu theme",
        [
            Terminal(
                "joe@quay: ~/tides",
                (60, 160),
                cols=70,
                rows=20,
                font=("DejaVu Sans Mono", 10),
                prompt="joe@quay:~/tides$ ",
                workdir="tides",
                setup=git_repo(COMMITS),
                commands=["git --no-pager log --oneline", "git status --short"],
            ),
            SpecWindow(
                "Project Files",
                (1000, 300),
                toolkit="qt",
                spec={
                    "font": ["DejaVu Sans", 10],
                    "body": [
                        {
                            "type": "tree",
                            "columns": ["Name", "Size", "Type", "Modified"],
                            "rows": TREE_ROWS[:8],
                        },
                    ],
                },
            ),
            gtk_dialog(
                "Push Changes",
                (580, 420),
                "zenity",
                [
                    "--question",
                    "--width",
                    "400",
                    "--text",
                    "Send 6 new commits to the shared server now?",
                    "--ok-label",
                    "Push",
                    "--cancel-label",
                    "Later",
                ],
                ["Send 6 new commits to the shared server now?"],
                ["Later", "Push"],
            ),
        ],
        # Side by side: only the active dialog is surely first.
        order=["Send 6 new commits", "Release 1.0"],
        theme="Mikachu",
        background="#26323c",
        half="A",
    )


def fresh_scenes() -> list[Scene]:
    return [*_zenity(), *_apps(), *_pages(), *_terminals(), _multi()]
