"""Session 14's fresh screens for half A (helper "moreA2"): other terminal emulators and programs,
bordered tables, stacked windows, tall and thin title bars, dialogs, a keypad and a clock.

So that the session's work on reading order, tables, window frames and terminal text has screens
nobody has tuned on, these are real programs of kinds, fonts, emulators and looks that half A did
not have yet: urxvt and st beside xterm, antialiased fonts no screen used (mononoki, Hermit,
Fantasque Sans Mono, Agave, Cousine, Oxygen Mono, Courier Prime, Monoid), ncdu, tig, top in
colour, lynx, emacs -nw, tree under a prompt of coloured segments, man pages in a narrow and a
wide terminal, tables drawn with borders and a header row on a coloured band, three and four
windows at once, openbox title bars drawn in a large font (as on a HiDPI screen) and in a tiny one,
mate-calc and dclock. All in half **A**.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here, or is what a program
prints or draws about files, processes and a git history made here. Terminal programs are ``Tui``
terminals (``scenes_tui_a``): their words are what tmux reads back, box-drawing cut out, a word
ending where its background colour changes; ``Emu`` runs the same tmux in urxvt or st.
"""

from __future__ import annotations

import calendar
import shlex
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from pages import page, paragraphs
from pages import table as html_table
from programs import Clock, Opaque, Page, SpecWindow, gtk_dialog
from scenes import HD, NS_DISKS, NS_PROCS, WX, Scene, both, make_files, text_file
from scenes_tui_a import CURSES, Tui
from xsession import XSession


def _utc(when: str) -> int:
    return calendar.timegm(time.strptime(when, "%Y-%m-%d %H:%M"))


@dataclass
class Emu(Tui):
    """A ``Tui`` terminal in another emulator: ``urxvt`` (rxvt-unicode, an Xft font, fg/bg of
    ours) or ``st`` (suckless st: its own colours, light grey on black). Both draw a 2 px inner
    border round an exact character grid, as xterm does, so tmux's lines box the same way."""

    emulator: str = "urxvt"

    def launch(self, s: XSession) -> None:
        tmux = self.tmux_command(s, "e")
        family, size = self.font
        geometry = f"{self.cols}x{self.rows}+{self.pos[0]}+{self.pos[1]}"
        if self.emulator == "urxvt":
            args = [
                "urxvt",
                "-title",
                self.title,
                "-n",
                self.title,
                "-fn",
                f"xft:{family}:size={size}",
                "-fg",
                self.fg,
                "-bg",
                self.bg,
                "-b",
                str(self.border),
                "-w",
                "0",
                "+sb",
                "-lsp",
                "0",
                "-letsp",
                "0",
                "-geometry",
                geometry,
                "-e",
                *tmux,
            ]
        elif self.emulator == "st":
            if self.border != 2:
                raise ValueError("st's inner border is 2 px (compiled in)")
            args = ["st", "-t", self.title, "-f", f"{family}:size={size}", "-g", geometry, "-e", *tmux]
        else:
            raise ValueError(f"unknown emulator {self.emulator!r}")
        # tmux in the emulator's own terminal type would need its terminfo: it runs as in xterm
        s.spawn(["env", "TERM=xterm-256color", *args], env=s.env(TMUX_TMPDIR=str(s.tmp)), name=self.emulator)


# ---- ncdu over disks of a mount namespace of ours --------------------------------------------------
NCDU_FILES = [
    ("albums/2022-iceland", 24),
    ("albums/2023-lisbon", 41),
    ("albums/2024-wedding", 66),
    ("albums/scans-grandpa", 9),
    ("videos/drone-coast.mp4", 58),
    ("videos/school-play.mp4", 37),
    ("backups/phone-2024-05.tar", 29),
    ("backups/laptop-home.tar", 47),
    ("music/flac", 18),
    ("music/podcasts", 6),
    ("documents/tax-2023.pdf", 2),
    ("documents/contracts", 3),
    ("raw-imports", 12),
    ("thumbnails.db", 1),
]


def ncdu_ns() -> str:
    """A tmpfs at /srv/share filled with files of the sizes above (MiB, in memory: tmpfs keeps the
    blocks, so ncdu's disk usage is exact and the same on every build)."""
    lines = ["mount -t tmpfs -o size=512M,mode=755 tmpfs /srv", "mkdir -p /srv/share"]
    for path, mib in NCDU_FILES:
        p = f"/srv/share/{path}"
        if "." in path.rsplit("/", 1)[-1]:
            lines.append(f"mkdir -p {shlex.quote(str(Path(p).parent))}")
            lines.append(f"head -c {mib * 1048576} /dev/zero > {shlex.quote(p)}")
        else:
            lines.append(f"mkdir -p {shlex.quote(p)}")
            for i in range(2):
                lines.append(f"head -c {mib * 1048576 // 2} /dev/zero > {shlex.quote(p)}/part-{i + 1}.bin")
    lines.append("touch -d '2024-05-20 08:00' /srv/share /srv/share/*")
    return "\n".join(lines) + "\n"


# ---- tig on a history of ours -----------------------------------------------------------------------
TIG_COMMITS = [
    ("2024-02-05 09:00", "Mira Sato", "Add club membership list", {"members.csv": "name,since\n"}),
    ("2024-02-06 18:30", "Mira Sato", "Add training times for spring", {"times.md": "Tue 19:00\n"}),
    ("2024-02-09 12:10", "Oskar Berg", "Fix typo in the pool address", {"times.md": "Tue 19:00 pool\n"}),
    ("2024-02-12 20:45", "Oskar Berg", "Add gala entry form", {"gala.html": "<form></form>\n"}),
    ("2024-02-14 07:55", "Lina Duarte", "List lifeguards per session", {"guards.csv": "Tue,Lina\n"}),
    ("2024-02-19 21:05", "Mira Sato", "Raise junior fee to 42 euros", {"fees.md": "junior 42\n"}),
    ("2024-02-22 16:40", "Lina Duarte", "Add photo consent to the form", {"gala.html": "<form>ok</form>\n"}),
    ("2024-02-26 10:20", "Oskar Berg", "Move Thursday session to lane 4", {"times.md": "Thu lane 4\n"}),
    ("2024-03-01 19:15", "Mira Sato", "Prepare newsletter for March", {"news.md": "# March\n"}),
]


def tig_repo(wd: Path) -> None:
    """A repository of ours with fixed names and dates (the same hashes on every build) and a tag."""

    def git(*args: str, when: str = "2024-02-01 09:00", who: str = "Mira Sato") -> None:
        stamp = f"{_utc(when)} +0000"
        mail = who.split()[0].lower() + "@swimclub.example"
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(wd),
            "GIT_AUTHOR_NAME": who,
            "GIT_AUTHOR_EMAIL": mail,
            "GIT_COMMITTER_NAME": who,
            "GIT_COMMITTER_EMAIL": mail,
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        subprocess.run(["git", *args], cwd=wd, env=env, check=True, capture_output=True, timeout=30)

    git("init", "-q", "-b", "main")
    for i, (when, who, msg, files) in enumerate(TIG_COMMITS):
        for name, text in files.items():
            (wd / name).write_text(text, encoding="utf-8")
        git("add", "-A", when=when, who=who)
        git("commit", "-q", "-m", msg, when=when, who=who)
        if i == 5:
            git("tag", "season-2024", when=when, who=who)


# ---- lynx on a page of ours -------------------------------------------------------------------------
LIBRARY_HTML = """<html><head><title>Northgate Library - Opening hours</title></head><body>
<h1>Northgate Library</h1>
<p>The library is open six days a week. The study room on the first floor can be booked at the
front desk or by phone.</p>
<h2>Opening hours</h2>
<ul>
<li>Monday to Thursday: 9:00 to 19:00</li>
<li>Friday: 9:00 to 17:00</li>
<li>Saturday: 10:00 to 14:00</li>
<li>Sunday: closed</li>
</ul>
<h2>This month</h2>
<p>Story time for children every Wednesday at 15:30. The repair cafe meets on the last Saturday
of the month in the hall behind the library.</p>
<p>See also: <a href="events.html">all events</a>, <a href="renew.html">renew a loan</a>,
<a href="join.html">join the library</a>.</p>
</body></html>
"""
LYNX_CFG = "STARTFILE:file:///dev/null\nACCEPT_ALL_COOKIES:TRUE\nSHOW_CURSOR:FALSE\n"

# ---- a prompt of coloured segments, tree ----------------------------------------------------------
SEG_PROMPT = "\\[\\e[97;45m\\] kai \\[\\e[30;46m\\] ~/site \\[\\e[30;42m\\] main \\[\\e[0m\\] "
SITE_FILES = [
    ("assets", -1, "2024-05-02 10:00", 0o755),
    ("assets/css", -1, "2024-05-02 10:00", 0o755),
    ("assets/css/print.css", 640, "2024-05-02 10:00", 0o644),
    ("assets/css/site.css", 4210, "2024-05-02 10:00", 0o644),
    ("assets/img", -1, "2024-05-02 10:00", 0o755),
    ("assets/img/logo.svg", 2210, "2024-05-02 10:00", 0o644),
    ("assets/img/team-photo.jpg", 88120, "2024-05-02 10:00", 0o644),
    ("content", -1, "2024-05-02 10:00", 0o755),
    ("content/about.md", 1804, "2024-05-02 10:00", 0o644),
    ("content/blog", -1, "2024-05-02 10:00", 0o755),
    ("content/blog/first-harvest.md", 2950, "2024-05-02 10:00", 0o644),
    ("content/blog/seed-swap.md", 2210, "2024-05-02 10:00", 0o644),
    ("content/index.md", 1002, "2024-05-02 10:00", 0o644),
    ("build.sh", 402, "2024-05-02 10:00", 0o755),
    ("config.toml", 388, "2024-05-02 10:00", 0o644),
    ("README.md", 912, "2024-05-02 10:00", 0o644),
]

# ---- emacs -nw -------------------------------------------------------------------------------------
MINUTES = """Residents' association, minutes of 4 June

Present: Anna, Bilal, Carmen, Dmitri, Erin (chair)
Apologies: Femi

1. Bins: the council will collect garden waste every
   second Tuesday from July. Carmen will put a notice
   in each stairwell.
2. Bike shed: three quotes received; the cheapest is
   1,840 euros. Vote next meeting.
3. Summer party: Saturday 13 July, courtyard, 16:00.
   Bilal brings the barbecue, Erin the music.
4. Any other business: the lift in block B is
   making noise again. Dmitri will call the company.

Next meeting: Tuesday 2 July, 19:30, community room.
"""

# ---- df and ps in st -------------------------------------------------------------------------------
PS_FMT = "ps -eo user,pid,ni,stat,rss,comm --sort=pid"


def _terminals() -> list[Scene]:
    return [
        Scene(
            "term-ncdu-urxvt-mononoki",
            "terminal",
            WX,
            "urxvt (mononoki 11, light on dark grey) running ncdu --color dark on a shared folder of "
            "ours: the header, sizes with bar graphs, folders and files, the total on a reversed "
            "bottom line; Clearlooks-Olive theme",
            [
                Emu(
                    "root@nas: /srv/share",
                    (110, 70),
                    cols=100,
                    rows=30,
                    font=("mononoki", 11),
                    fg="#dcdccc",
                    bg="#3a3a3a",
                    prompt="root@nas:/srv/share# ",
                    namespace=ncdu_ns(),
                    commands=["cd /srv/share; ncdu --color dark -x ."],
                    env=CURSES,
                )
            ],
            order=["ncdu 1.18", "albums", "Total disk usage"],
            theme="Clearlooks-Olive",
            background="#4b5563",
            half="A",
        ),
        Scene(
            "term-tig-st-hermit",
            "terminal",
            HD,
            "st (Hermit 11, light grey on black) running tig on a swimming club's repository of ours: "
            "dates, authors and commit messages in colours, a tag, the reversed status line; "
            "Artwiz-boxed theme",
            [
                Emu(
                    "mira@pool: ~/club",
                    (260, 140),
                    cols=120,
                    rows=32,
                    font=("Hermit", 11),
                    prompt="mira@pool:~/club$ ",
                    workdir="club",
                    setup=tig_repo,
                    commands=["tig"],
                    env=CURSES,
                    emulator="st",
                )
            ],
            order=["Prepare newsletter for March", "Add club membership list"],
            theme="Artwiz-boxed",
            background="#30302c",
            half="A",
        ),
        Scene(
            "term-top-colour-fantasque",
            "terminal",
            WX,
            "xterm (Fantasque Sans Mono 11, light on navy) running top in colour (z) with the sort "
            "column highlighted (x), in a PID namespace of ours: summary lines, the process table; "
            "Onyx theme",
            [
                Tui(
                    "root@office: ~",
                    (80, 60),
                    cols=110,
                    rows=30,
                    font=("Fantasque Sans Mono", 11),
                    fg="#e8e8f0",
                    bg="#1b2440",
                    prompt="root@office:~# ",
                    namespace=NS_PROCS,
                    commands=["top -d 600"],
                    keys=[["z"], ["x"]],
                    parse_table=("PID USER", 12),
                    env=CURSES,
                )
            ],
            order=["PID USER PR"],
            theme="Onyx",
            background="#23303d",
            half="A",
        ),
        Scene(
            "term-lynx-agave",
            "terminal",
            WX,
            "xterm (Agave 13, black on pale yellow) running lynx on a library's page of ours: "
            "headings, paragraphs, a list, links, the page title at the top right, lynx's help "
            "lines at the bottom; Bear2 theme",
            [
                Tui(
                    "dora@desk: ~/web",
                    (150, 60),
                    cols=90,
                    rows=30,
                    font=("Agave", 13),
                    fg="#1a1a1a",
                    bg="#fbf6dc",
                    prompt="dora@desk:~/web$ ",
                    workdir="web",
                    setup=both(text_file("hours.html", LIBRARY_HTML), text_file("lynx.cfg", LYNX_CFG)),
                    commands=["lynx -cfg=lynx.cfg -nopause -noreferer hours.html"],
                    env=CURSES,
                )
            ],
            order=["The library is open six days a week", "Monday to Thursday", "Story time for children"],
            theme="Bear2",
            background="#5d6d63",
            half="A",
        ),
        Scene(
            "term-tree-segments-cousine",
            "terminal",
            HD,
            "xterm (Cousine 12, dark) with a prompt of coloured segments (user on magenta, folder on "
            "cyan, branch on green), tree -C --dirsfirst of a website's folder, then wc -c; "
            "Natura theme",
            [
                Tui(
                    "kai@web: ~/site",
                    (330, 110),
                    cols=100,
                    rows=32,
                    font=("Cousine", 12),
                    fg="#e4e4e4",
                    bg="#181818",
                    prompt=SEG_PROMPT,
                    workdir="site",
                    setup=make_files(SITE_FILES),
                    commands=["clear; tree -C --dirsfirst", "wc -c content/*.md content/blog/*.md"],
                )
            ],
            order=["assets", "first-harvest.md", "README.md", "directories"],
            theme="Natura",
            background="#2c3a2c",
            half="A",
        ),
        Scene(
            "man-tail-narrow-oxygen",
            "man",
            WX,
            "a narrow xterm (Oxygen Mono 10, 56 columns) showing man tail: bold headings, option "
            "lines wrapped short; Nightmare-01 theme",
            [
                Tui(
                    "man tail",
                    (420, 40),
                    cols=56,
                    rows=42,
                    font=("Oxygen Mono", 10),
                    prompt="ed@box:~$ ",
                    commands=["man tail"],
                )
            ],
            order=["tail - output the last part of files", "SYNOPSIS", "DESCRIPTION"],
            theme="Nightmare-01",
            background="#333842",
            half="A",
        ),
        Scene(
            "man-date-wide-courier",
            "man",
            HD,
            "a wide xterm (Courier Prime Code 10, 190 columns, white on dark green) showing man date: "
            "long lines across the screen; Clearlooks-3.4 theme",
            [
                Tui(
                    "man date",
                    (40, 150),
                    cols=190,
                    rows=40,
                    font=("Courier Prime Code", 10),
                    fg="#f4f4f4",
                    bg="#12301f",
                    prompt="ed@box:~$ ",
                    commands=["man date"],
                )
            ],
            order=["NAME", "date - print or set the system date and time", "SYNOPSIS", "DESCRIPTION"],
            theme="Clearlooks-3.4",
            background="#2b2b2b",
            half="A",
        ),
        Scene(
            "term-emacs-nw-monoid",
            "terminal",
            HD,
            "urxvt (Monoid 10, dark slate) running emacs -nw on a residents' association's minutes: "
            "the menu bar, the text, the reversed mode line, the echo area; Onyx-Citrus theme",
            [
                Emu(
                    "erin@flat: ~/association",
                    (300, 120),
                    cols=110,
                    rows=34,
                    font=("Monoid", 10),
                    fg="#e0e6ea",
                    bg="#263238",
                    prompt="erin@flat:~/association$ ",
                    workdir="association",
                    setup=text_file("minutes-june.txt", MINUTES),
                    commands=["emacs -nw -Q --eval '(setq inhibit-startup-screen t)' minutes-june.txt"],
                )
            ],
            order=[
                "File Edit Options Buffers Tools Text Help",
                "Residents' association",
                "Next meeting: Tuesday 2 July",
            ],
            theme="Onyx-Citrus",
            background="#1d2326",
            half="A",
        ),
        Scene(
            "term-df-ps-st",
            "terminal",
            WX,
            "st (Hermit 10, light grey on black) with df -hT of a mount namespace of ours and ps of a "
            "PID namespace of ours (user, pid, nice, state, RSS, command); Orang theme",
            [
                Emu(
                    "root@store: ~",
                    (160, 80),
                    cols=96,
                    rows=32,
                    font=("Hermit", 10),
                    prompt="root@store:~# ",
                    namespace=NS_PROCS + NS_DISKS,
                    commands=["clear; df -hT /srv/*", PS_FMT],
                    parse_table=("Filesystem Type", 7),
                    emulator="st",
                )
            ],
            order=["Filesystem Type Size", "USER PID NI"],
            theme="Orang",
            background="#403a34",
            half="A",
        ),
    ]


def more_a2_scenes() -> list[Scene]:
    return [*_terminals(), *_tables(), *_windows(), *_dialogs(), *_more()]


# ---- tables ---------------------------------------------------------------------------------------
LOANS_BY_BRANCH = [
    ["Branch", "Books", "DVDs", "E-books", "Total"],
    ["Northgate", "1,204", "88", "412", "1,704"],
    ["Riverside", "866", "41", "305", "1,212"],
    ["Old Market", "1,530", "120", "598", "2,248"],
    ["Hillcrest", "492", "19", "144", "655"],
    ["Station", "731", "56", "260", "1,047"],
]
NEW_MEMBERS = [
    ["Month", "Adults", "Children", "Online"],
    ["January", "58", "31", "22"],
    ["February", "47", "26", "19"],
    ["March", "63", "40", "35"],
    ["April", "52", "29", "27"],
    ["May", "71", "44", "38"],
]
BAND_CSS = """
.pair { display: flex; gap: 56px; align-items: flex-start; }
.pair h2 { margin-top: 0; }
table.g { border: 2px solid #55606a; font-size: 15px; }
table.g td, table.g th { border: 1px solid #8a96a0; padding: 7px 16px; }
table.g td:not(:first-child), table.g th:not(:first-child) { text-align: right; }
table.teal th { background: #00796b; color: #ffffff; }
table.amber th { background: #e65100; color: #ffffff; }
.note { color: #505a62; font-size: 13px; margin-top: 12px; }
"""


def band_tables_html() -> str:
    return page(
        "Library Statistics",
        "<h1>Library statistics, spring 2024</h1>"
        "<p>Loans and new members of the five branches, counted on 31 May.</p>"
        "<div class='pair'><div><h2>Loans by branch</h2>"
        + html_table(LOANS_BY_BRANCH, t=0, cls="g teal")
        + "</div><div><h2>New members by month</h2>"
        + html_table(NEW_MEMBERS, t=1, cls="g amber")
        + "<p class='note'>Online: members who joined on the website.</p></div></div>",
        BAND_CSS,
        font="'Arimo'",
        size=15,
    )


ENERGY = [
    ["Meter", "Room", "kWh April", "kWh May", "Change"],
    ["M-01", "Kitchen", "412", "388", "-6%"],
    ["M-02", "Hall", "1,020", "864", "-15%"],
    ["M-03", "Office", "233", "251", "+8%"],
    ["M-04", "Workshop", "1,645", "1,702", "+3%"],
    ["M-05", "Store room", "96", "91", "-5%"],
    ["M-06", "Changing rooms", "540", "498", "-8%"],
    ["M-07", "Car park lights", "310", "262", "-15%"],
]
DARK_GRID_CSS = """
table.d { border: 2px solid #6b6b6b; font-size: 14px; }
table.d th { background: #6a3d9a; color: #ffffff; border: 1px solid #8d6bb8; }
table.d td { border: 1px solid #4a4a4a; }
table.d tr:nth-child(even) td { background: #2b2b2b; }
table.d tr:nth-child(odd) td { background: #222222; }
table.d td:nth-child(n+3) { text-align: right; }
.muted { color: #a8a8a8; margin-top: 14px; }
"""

SHIFTS = [
    ["Nurse", "Ward", "Mon", "Tue", "Wed", "Thu", "Fri"],
    ["A. Kowalski", "Ward 3", "Early", "Early", "Off", "Late", "Late"],
    ["B. Mensah", "Ward 3", "Late", "Off", "Early", "Early", "Off"],
    ["C. Ortega", "Ward 5", "Night", "Night", "Off", "Off", "Early"],
    ["D. Fischer", "Ward 5", "Off", "Late", "Late", "Night", "Night"],
    ["E. Nakamura", "Ward 7", "Early", "Off", "Night", "Night", "Off"],
    ["F. Adeyemi", "Ward 7", "Late", "Late", "Late", "Off", "Early"],
    ["G. Lindberg", "Ward 3", "Off", "Early", "Early", "Early", "Late"],
]

REPAIRS = [
    ["Ticket", "Flat", "Problem", "Reported", "Status"],
    ["T-311", "2B", "Dripping tap", "03 Jun", "Done"],
    ["T-312", "4A", "Heating off", "03 Jun", "Open"],
    ["T-315", "1C", "Broken window", "05 Jun", "Waiting"],
    ["T-318", "6D", "Door lock", "06 Jun", "Open"],
    ["T-320", "3A", "Damp in bathroom", "07 Jun", "Booked"],
    ["T-321", "5B", "Lift noise", "08 Jun", "Open"],
    ["T-324", "2D", "Smoke alarm beeps", "10 Jun", "Done"],
]


def _tables() -> list[Scene]:
    return [
        Scene(
            "table-chromium-band-pair",
            "table",
            HD,
            "Chromium page (Arimo 15) with two bordered tables side by side, each with its header "
            "row on a coloured band (white on teal, white on orange), numbers right-aligned; "
            "Breeze-ob theme",
            [Page("Library Statistics", (200, 120), html=band_tables_html(), size=(1140, 560))],
            order=[
                "Library statistics, spring 2024",
                "Loans by branch",
                "Branch Books DVDs",
                "Northgate 1,204",
                "Station 731",
                "New members by month",
                "January 58",
            ],
            theme="Breeze-ob",
            background="#3d4a56",
            half="A",
        ),
        Scene(
            "table-chromium-dark-grid",
            "table",
            WX,
            "a dark Chromium page (Oxygen Sans 14) with a bordered table: a purple header band, rows in "
            "two dark greys, right-aligned figures; Nightmare-02 theme",
            [
                Page(
                    "Energy Report",
                    (90, 60),
                    html=page(
                        "Energy Report",
                        "<h1>Community centre: electricity by meter</h1>"
                        "<p>Readings on the first working day of each month.</p>"
                        + html_table(ENERGY, cls="d")
                        + "<p class='muted'>Hall and car park: new LED lights fitted on 12 April.</p>",
                        DARK_GRID_CSS,
                        font="'Oxygen-Sans'",
                        size=14,
                        fg="#e4e4e4",
                        bg="#181818",
                    ),
                    size=(900, 520),
                )
            ],
            order=["Community centre: electricity by meter", "Meter Room kWh April", "M-01 Kitchen", "M-07"],
            theme="Nightmare-02",
            background="#2a2a2a",
            half="A",
        ),
        Scene(
            "table-qt-dark-band-grid",
            "table",
            HD,
            "Qt (Fusion, dark palette): a rota of nurses' shifts in a QTableWidget with a grid, its "
            "header on a blue band from a style sheet, alternating rows; Noto Sans 11; "
            "Clearlooks-3.4 theme",
            [
                SpecWindow(
                    "Shift Rota - Week 24",
                    (420, 200),
                    toolkit="qt",
                    spec={
                        "dark": True,
                        "font": ["Noto Sans", 11],
                        "body": [
                            {
                                "type": "label",
                                "text": "Shifts for 10 to 14 June (Early 7-15, Late 14-22, Night 21-7)",
                            },
                            {
                                "type": "striped_table",
                                "columns": SHIFTS[0],
                                "rows": SHIFTS[1:],
                                "style_sheet": "QHeaderView::section { background: #1565c0; color: #ffffff; "
                                "padding: 5px; border: 1px solid #0d47a1; font-weight: bold; }",
                            },
                            {"type": "buttons", "items": ["Swap Shift", "Print", "Close"]},
                        ],
                    },
                )
            ],
            order=["Shifts for 10 to 14 June", "Nurse Ward Mon", "A. Kowalski", "G. Lindberg"],
            theme="Clearlooks-3.4",
            background="#37474f",
            half="A",
        ),
        Scene(
            "table-tk-default-amber-head",
            "table",
            WX,
            "Tk ttk Treeview in the 'default' theme (Liberation Serif 11): repair tickets, an amber "
            "heading band with dark text, faint stripes, the third row selected in green; Natura theme",
            [
                SpecWindow(
                    "Repairs",
                    (230, 140),
                    spec={
                        "font": ["Liberation Serif", 11],
                        "ttk_theme": "default",
                        "body": [
                            {"type": "label", "text": "Open and recent repair tickets, Elm Court"},
                            {
                                "type": "striped_table",
                                "columns": REPAIRS[0],
                                "rows": REPAIRS[1:],
                                "selected": 3,
                                "stripe": "#f7f3e8",
                                "heading_bg": "#ffb300",
                                "heading_fg": "#202020",
                                "select_bg": "#2e7d32",
                                "select_fg": "#ffffff",
                            },
                            {"type": "buttons", "items": ["New Ticket", "Close Ticket", "Quit"]},
                        ],
                    },
                )
            ],
            order=["Open and recent repair tickets", "Ticket Flat Problem", "T-311 2B", "T-324"],
            theme="Natura",
            background="#40503f",
            half="A",
        ),
    ]


# ---- several windows ---------------------------------------------------------------------------------
SWIM_TIMES = [
    ["Lane", "Session", "Start", "End", "Coach"],
    ["1", "Juniors", "17:00", "18:00", "Lina"],
    ["2", "Juniors", "17:00", "18:00", "Oskar"],
    ["3", "Masters", "18:15", "19:30", "Mira"],
    ["4", "Open swim", "18:15", "20:00", "-"],
    ["5", "Gala squad", "19:30", "21:00", "Oskar"],
]
GALA_NOTES = """Gala checklist (Saturday)
- stopwatches: 12, charged
- lane ropes: check lane 4
- medals: 60 gold, 60 silver
- tea urn from the church hall
"""
ENTRIES_LOG = """08:10 entries open
08:12 Hana Mori, 50 m free
08:15 Tom Beck, 100 m back
08:21 Lea Vos, 50 m fly
08:30 Sam Ito, 200 m IM
"""
TODO_TXT = """Saturday market stall
1. collect the gazebo from Pat
2. price labels for jams (3.50)
3. float: 40 in coins
4. card reader charged?
5. leave by 7:15
"""
FORM_ARTICLE = [
    "Allotment plots are given out once a year. If you would like a plot, fill in the form at the "
    "front desk or send us your name, address and phone number by the end of March.",
    "Half plots cost 28 euros a year and full plots 50 euros. Water is included; the shed keys are "
    "handed over at the first work day in April.",
    "There are 14 people on the waiting list. Most wait about a year; plots near the gate are free "
    "more often, because they are shaded in the afternoon.",
    "Questions go to the plot secretary, Ruth Abara, who is at the site every Saturday morning.",
]


def _windows() -> list[Scene]:
    return [
        Scene(
            "multi-four-page-st-urxvt-tk",
            "multi-window",
            HD,
            "four windows: a Chromium page with a lane table (header on a blue band, borders) at the "
            "upper left, st (Hermit 10) with a gala checklist at the right, urxvt (mononoki 10) with "
            "an entries log over the page's lower right, an active Tk question over the page's "
            "middle; Clearlooks-Olive theme",
            [
                Page(
                    "Pool Lanes",
                    (40, 40),
                    html=page(
                        "Pool Lanes",
                        "<h1>Lanes this evening</h1>"
                        + html_table(SWIM_TIMES, cls="l")
                        + "<p style='margin-top:14px'>Lane 4 rope is loose: take care at the deep end.</p>",
                        "table.l { border: 1px solid #7a8794; } table.l td, table.l th "
                        "{ border: 1px solid #b0bac4; } table.l th { background: #1f5fa8; color: #fff; }",
                        font="'Cousine'",
                        size=15,
                    ),
                    size=(860, 560),
                ),
                Emu(
                    "oskar@pool: ~/gala",
                    (1080, 60),
                    cols=70,
                    rows=20,
                    font=("Hermit", 10),
                    prompt="oskar@pool:~/gala$ ",
                    workdir="gala",
                    setup=text_file("checklist.txt", GALA_NOTES),
                    commands=["clear; cat checklist.txt"],
                    emulator="st",
                ),
                Emu(
                    "lina@pool: ~/entries",
                    (560, 520),
                    cols=64,
                    rows=16,
                    font=("mononoki", 10),
                    fg="#1e1e1e",
                    bg="#eef3f8",
                    prompt="lina@pool:~/entries$ ",
                    workdir="entries",
                    setup=text_file("today.log", ENTRIES_LOG),
                    commands=["clear; tail -n 4 today.log"],
                ),
                SpecWindow(
                    "Close Entries",
                    (330, 300),
                    spec={
                        "font": ["DejaVu Sans", 10],
                        "body": [
                            {"type": "label", "text": "Close the gala entries now?"},
                            {"type": "label", "text": "Late entries will need the coach's approval."},
                            {"type": "buttons", "items": ["Keep Open", "Close Entries"]},
                        ],
                    },
                ),
            ],
            order=["Close the gala entries now?", "08:12 Hana Mori", "Lanes this evening"],
            theme="Clearlooks-Olive",
            background="#36402f",
            half="A",
        ),
        Scene(
            "multi-urxvt-xterm-side",
            "multi-window",
            WX,
            "two terminals side by side, lines on the same rows: urxvt (Fantasque Sans Mono 11, dark "
            "brown) with cat of a to-do list, an active xterm (Agave 12, light) with ls -l --color; "
            "Mikachu theme",
            [
                Emu(
                    "pat@market: ~",
                    (30, 60),
                    cols=56,
                    rows=26,
                    font=("Fantasque Sans Mono", 11),
                    fg="#eadbc8",
                    bg="#2b211b",
                    prompt="pat@market:~$ ",
                    setup=text_file("stall.txt", TODO_TXT),
                    commands=["clear; cat stall.txt"],
                ),
                Tui(
                    "pat@market: ~/jams",
                    (650, 60),
                    cols=60,
                    rows=26,
                    font=("Agave", 12),
                    prompt="pat@market:~/jams$ ",
                    workdir="jams",
                    setup=make_files(
                        [
                            ("labels.pdf", 20480, "2024-06-12 20:10", 0o644),
                            ("prices.csv", 612, "2024-06-12 19:55", 0o644),
                            ("photos", -1, "2024-06-10 09:00", 0o755),
                            ("print-labels.sh", 233, "2024-06-01 08:00", 0o755),
                        ]
                    ),
                    commands=["clear; ls -l --color=always"],
                    parse_ls=True,
                ),
            ],
            order=["total", "Saturday market stall", "collect the gazebo"],
            theme="Mikachu",
            background="#323a40",
            half="A",
        ),
        Scene(
            "multi-page-tk-tall-titles",
            "multi-window",
            WX,
            "a Chromium page of paragraphs (Liberation Sans 15) and an active Tk dialog over its "
            "middle, both with tall openbox title bars (a 22 pt title font, as on a HiDPI screen); "
            "Clearlooks theme",
            [
                Page(
                    "Allotments",
                    (60, 40),
                    html=page(
                        "Allotments",
                        "<h1>How to get an allotment</h1>" + paragraphs(FORM_ARTICLE),
                        "p { max-width: 900px; }",
                        font="'Liberation Sans'",
                        size=15,
                    ),
                    size=(1000, 560),
                ),
                SpecWindow(
                    "Add Name",
                    (300, 190),
                    spec={
                        "font": ["DejaVu Sans", 11],
                        "body": [
                            {"type": "label", "text": "Add Ruth Abara to the waiting list for a half plot?"},
                            {
                                "type": "label",
                                "text": "She will be 15th on the list and will hear from us "
                                "in the spring of next year.",
                            },
                            {"type": "buttons", "items": ["Cancel", "Add"]},
                        ],
                    },
                ),
            ],
            order=["Add Ruth Abara to the waiting list", "How to get an allotment"],
            theme="Clearlooks",
            background="#3c4650",
            half="A",
            title_size=22,
        ),
        Scene(
            "multi-qt-table-zenity-thin",
            "multi-window",
            HD,
            "a Qt table of repair tickets (Fusion), an xterm apart at the right, an active zenity "
            "question over the table's lower rows; every title bar thin (a 5 pt title font); "
            "Orang theme",
            [
                SpecWindow(
                    "Repair Tickets",
                    (120, 110),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["DejaVu Sans", 11],
                        "body": [
                            {"type": "label", "text": "Elm Court, tickets of June"},
                            {
                                "type": "striped_table",
                                "columns": REPAIRS[0],
                                "rows": REPAIRS[1:],
                                "selected": 2,
                            },
                            {"type": "buttons", "items": ["Assign", "Close"]},
                        ],
                    },
                ),
                Tui(
                    "caretaker@elm: ~",
                    (1080, 110),
                    cols=70,
                    rows=18,
                    font=("DejaVu Sans Mono", 10),
                    prompt="caretaker@elm:~$ ",
                    setup=text_file(
                        "keys.txt",
                        "Spare keys, Elm Court\n2B  in the office safe\n4A  with the tenant's sister\n"
                        "6D  lock changed 06 Jun, new key in safe\n",
                    ),
                    commands=["clear; cat keys.txt"],
                ),
                gtk_dialog(
                    "Heating Repair",
                    (300, 300),
                    "zenity",
                    [
                        "--question",
                        "--width",
                        "420",
                        "--text",
                        "Book the heating engineer for flat 4A on Tuesday morning?",
                        "--ok-label",
                        "Book",
                        "--cancel-label",
                        "Not Now",
                    ],
                    ["Book the heating engineer for flat 4A on Tuesday morning?"],
                    ["Not Now", "Book"],
                ),
            ],
            order=["Book the heating engineer", "Elm Court, tickets of June"],
            theme="Orang",
            background="#262b30",
            half="A",
            title_size=5,
        ),
    ]


# ---- dialogs, a keypad, a clock ----------------------------------------------------------------------
MATE_CALC_KEYS = [
    ["7", "8", "9", "÷", "Undo", "Clear"],
    ["4", "5", "6", "×", "(", ")"],
    ["1", "2", "3", "−", "x2", "√"],
    ["0", ".", "%", "+", "="],
]  # mate-calc 1.26's basic mode (buttons-basic.ui in its resources; x² is drawn as x with a raised 2)


def dclock(title: str, pos: tuple[int, int], args: list[str], name: str, strftime: str) -> Clock:
    """dclock, a ``Clock`` whose words are the time and date it shows; unlike xclock it takes
    keys (they change its look), so openbox makes it the active window."""
    clock = Clock(title, pos, args=args, name=name, strftime=strftime)
    clock.focusable = True
    return clock


def _dialogs() -> list[Scene]:
    return [
        Scene(
            "dlg-qt-question-tall-title",
            "dialog",
            WX,
            "a Qt QMessageBox (Fusion, question icon, three buttons) under a tall openbox title bar "
            "(a 22 pt title font); Bear2 theme",
            [
                SpecWindow(
                    "Seating",
                    (340, 280),
                    toolkit="qt",
                    spec={
                        "style": "Fusion",
                        "font": ["DejaVu Sans", 12],
                        "messagebox": {
                            "icon": "question",
                            "text": "Save the changes to the seating plan before closing?",
                            "informative": "Tables 4 and 9 were moved since the last save at 18:40.",
                            "buttons": [["Discard", "destructive"], ["Cancel", "reject"], ["Save", "accept"]],
                        },
                    },
                )
            ],
            theme="Bear2",
            background="#4d5b6a",
            half="A",
            title_size=22,
        ),
        Scene(
            "dlg-zenity-progress-photos",
            "dialog",
            HD,
            "zenity --progress in GTK 3 Adwaita: a line of text over a progress bar at 64%, Cancel "
            "and OK (greyed out); Natura theme",
            [
                Opaque(
                    "Backing Up Photos",
                    (760, 420),
                    # zenity --progress reads its progress from stdin: kept open (a sleep) it stays at
                    # the given percentage with OK greyed out; at end of input it would jump to 100%
                    args=[
                        "sh",
                        "-c",
                        "sleep 3600 | zenity --title 'Backing Up Photos' --progress --width 460 "
                        "--percentage 64 --text 'Copying photos to the backup disk: 412 of 640 files'",
                    ],
                    texts=["Copying photos to the backup disk: 412 of 640 files"],
                    buttons=["Cancel", "OK"],
                    name="zenity",
                    env={"GDK_BACKEND": "x11", "GTK_THEME": "Adwaita"},
                )
            ],
            theme="Natura",
            background="#33443a",
            half="A",
        ),
        Scene(
            "dlg-tk-thin-title-remove",
            "dialog",
            WX,
            "a Tk dialog (Liberation Sans 10) under a very thin openbox title bar (a 5 pt title "
            "font): a bold question, two lines, three buttons; Nightmare-01 theme",
            [
                SpecWindow(
                    "Remove Member",
                    (440, 300),
                    spec={
                        "font": ["Liberation Sans", 10],
                        "body": [
                            {
                                "type": "label",
                                "text": "Remove Oskar Berg from the club?",
                                "font": ["Liberation Sans", 11, "bold"],
                            },
                            {"type": "label", "text": "His entries for the gala are kept."},
                            {"type": "label", "text": "You can add him again at any time."},
                            {"type": "buttons", "items": ["Archive Only", "Cancel", "Remove"]},
                        ],
                    },
                )
            ],
            order=["Remove Oskar Berg from the club?", "His entries for the gala"],
            theme="Nightmare-01",
            background="#3b3f46",
            half="A",
            title_size=5,
        ),
        Scene(
            "calc-mate-calc-basic",
            "calculator",
            WX,
            "mate-calc (GTK 3, Adwaita) in its basic mode: the menu bar, an empty display, 23 keys "
            "(Undo, Clear, the operators in their Unicode signs); Syscrash theme",
            [
                Opaque(
                    "Calculator",
                    (470, 440),
                    args=["mate-calc"],
                    texts=["Calculator Mode View Help"],
                    buttons=[k for row in MATE_CALC_KEYS for k in row],
                    name="mate-calc",
                    env={"GDK_BACKEND": "x11", "GTK_THEME": "Adwaita"},
                )
            ],
            theme="Syscrash",
            background="#4a4038",
            half="A",
        ),
        Scene(
            "clock-dclock-date",
            "clock",
            WX,
            "dclock: the time in 24 hours in seven-segment digits (lit and unlit segments), the "
            "weekday and date under it in a scalable font; Nightmare-03 theme",
            [
                dclock(
                    "Station Clock",
                    (430, 250),
                    args=[
                        "dclock",
                        "-title",
                        "Station Clock",
                        "-geometry",
                        "420x190+430+250",
                        "-miltime",
                        "-noblink",
                        "-noscroll",
                        "-nofade",
                        "-notails",
                        "-date",
                        "%A %d %B %Y",
                        "-fn",
                        "DejaVu Sans:size=14",
                    ],
                    name="dclock",
                    strftime="%H:%M %A %d %B %Y",
                )
            ],
            theme="Nightmare-03",
            background="#2f3440",
            half="A",
        ),
    ]


# ---- mutt on a mailbox of ours; three terminals of three emulators ----------------------------------
MAILS = [
    ("2024-06-03 08:14", "Ruth Abara", "ruth@allotments.example", "Plot 14 is free again", True),
    ("2024-06-03 12:40", "Northgate Library", "desk@library.example", "Your loan is due on Friday", True),
    ("2024-06-04 09:02", "Oskar Berg", "oskar@swimclub.example", "Gala timings (draft 2)", True),
    ("2024-06-04 17:31", "Hana Mori", "hana@bakery.example", "Rye order for Saturday", True),
    ("2024-06-05 07:55", "Elm Court Office", "office@elmcourt.example", "Heating engineer on Tuesday", True),
    ("2024-06-05 19:20", "Lina Duarte", "lina@swimclub.example", "Lifeguard swap next week?", False),
    ("2024-06-06 10:05", "Pat Quinn", "pat@market.example", "Stall 12 gazebo", False),
    ("2024-06-06 21:48", "Mira Sato", "mira@swimclub.example", "Newsletter photos", False),
    ("2024-06-07 06:30", "Station Garage", "service@garage.example", "Car service booked 14 June", False),
]
MAIL_BODY = (
    'Hello,\n\nAbout "{subject}": could you reply by the end of the week?\n'
    "I will be at the club house on Saturday morning if you would rather talk.\n\nThanks,\n{first}\n"
)
MUTTRC = """set mbox_type=mbox
set folder=~/Mail
set sort=date
set date_format="%d %b %H:%M"
set index_format="%4C %Z %D  %-18.18n %s"
set pager_index_lines=10
set pager_stop=yes
set markers=no
set mark_old=no
set confirmappend=no
set move=no
set help=yes
ignore *
unignore From: To: Subject: Date:
color status white blue
color indicator black brightcyan
color index blue default ~N
color header magenta default ^Subject:
color header blue default ^From:
"""


def mailbox(wd: Path) -> None:
    """An mbox of ours (fixed dates, some messages read) and mutt's settings, under the session's home."""
    home = wd.parent
    (home / "Mail").mkdir(exist_ok=True)
    parts = []
    for when, name, addr, subject, read in MAILS:
        t = time.strptime(when, "%Y-%m-%d %H:%M")
        stamp = time.strftime("%a %b %d %H:%M:%S %Y", t)
        date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", t)
        body = MAIL_BODY.format(subject=subject, first=name.split()[0])
        parts.append(
            f"From {addr} {stamp}\nFrom: {name} <{addr}>\nTo: Dora Kent <dora@home.example>\n"
            f"Subject: {subject}\nDate: {date}\n" + ("Status: RO\n" if read else "") + f"\n{body}\n"
        )
    (home / "Mail" / "inbox").write_text("".join(parts), encoding="utf-8")
    (home / ".muttrc").write_text(MUTTRC, encoding="utf-8")


GIT_GRAPH = "git --no-pager log --graph --oneline --decorate --color=always"
CAL_MONTH = "cal -3 6 2024"


def _more() -> list[Scene]:
    return [
        Scene(
            "term-mutt-pager-courier",
            "terminal",
            HD,
            "urxvt (Courier Prime 12, black on white) running mutt on a mailbox of ours: the help "
            "line, ten index lines (new mail in blue, the open one on cyan), the blue status "
            "bars, a message's headers and text; Mikachu theme",
            [
                Emu(
                    "dora@home: ~",
                    (240, 100),
                    cols=112,
                    rows=36,
                    font=("Courier Prime", 12),
                    fg="#111111",
                    bg="#ffffff",
                    prompt="dora@home:~$ ",
                    setup=mailbox,
                    commands=["mutt -n -F ~/.muttrc -f ~/Mail/inbox"],
                    keys=[["Enter"]],
                )
            ],
            order=["i:Exit", "1 03 Jun 08:14 Ruth Abara", "From: Lina Duarte", "Hello,"],
            theme="Mikachu",
            background="#3a4750",
            half="A",
        ),
        Scene(
            "multi-three-emulators-hd",
            "multi-window",
            HD,
            "three terminals of three emulators side by side, lines on the same rows: st (Hermit "
            "10) with git log --graph in colour, urxvt (Agave 12, dark) with cal -3, an active "
            "xterm (Monoid 10, light) with ls -l --color; Breeze-ob theme",
            [
                Emu(
                    "mira@pool: ~/club",
                    (20, 80),
                    cols=70,
                    rows=30,
                    font=("Hermit", 10),
                    prompt="mira@pool:~/club$ ",
                    workdir="club",
                    setup=tig_repo,
                    commands=["clear; " + GIT_GRAPH],
                    emulator="st",
                ),
                Emu(
                    "lina@pool: ~",
                    (680, 80),
                    cols=66,
                    rows=30,
                    font=("Agave", 12),
                    fg="#d8dee9",
                    bg="#2e3440",
                    prompt="lina@pool:~$ ",
                    commands=["clear; " + CAL_MONTH],
                ),
                Tui(
                    "oskar@pool: ~/gala",
                    (1300, 80),
                    cols=64,
                    rows=30,
                    font=("Monoid", 10),
                    prompt="oskar@pool:~/gala$ ",
                    workdir="gala",
                    setup=make_files(
                        [
                            ("entries.csv", 4410, "2024-06-07 08:30", 0o644),
                            ("heats.pdf", 88120, "2024-06-07 09:10", 0o644),
                            ("medals.txt", 312, "2024-06-05 18:00", 0o644),
                            ("results", -1, "2024-06-01 12:00", 0o755),
                            ("timing.sh", 1290, "2024-05-30 20:20", 0o755),
                        ]
                    ),
                    commands=["clear; ls -l --color=always"],
                    parse_ls=True,
                ),
            ],
            order=["total", "June 2024"],
            theme="Breeze-ob",
            background="#232a30",
            half="A",
        ),
    ]
