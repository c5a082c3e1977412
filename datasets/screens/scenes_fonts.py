"""Session 9's man pages and listings in X core bitmap fonts scenes (issue #15, helper "fonts"), all half A.

Half A had no man page in a core bitmap font and no terminal in 6x10 or 8x13 alone, while xterm's
core fonts (``-fn 6x10``, ``6x13``, ``7x13``, ``8x13``) are what a terminal user on a small or old
setup reads most. These add man pages of other commands in those fonts (one scrolled a page, man's
bold and underlined words included), ``ls -l`` of folders made here, a config file shown with
``cat``, ``df -h`` and ``free -h`` of a namespace of their own, and one listing in DejaVu Sans Mono 8.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or is what a program prints
about files made here (or a Debian man page); the truth comes from the programs, as for every other
scene (``capture.py``).
"""

from __future__ import annotations

from programs import Terminal
from scenes import C_LOCALE, HD, WX, Scene, _core_term, both, make_files, text_file

MAIL_FILES = [
    ("inbox.mbox", 4718592, "2024-10-02 08:15", 0o600),
    ("sent.mbox", 1048576, "2024-10-01 19:42", 0o600),
    ("archive-2023.mbox.gz", 73400320, "2024-01-03 03:00", 0o600),
    ("drafts", -1, "2024-09-28 11:07", 0o700),
    ("filters.sieve", 2140, "2024-07-14 16:20", 0o644),
    ("spam-q3.mbox", 331776, "2024-09-30 23:59", 0o600),
    ("lists", -1, "2024-08-05 09:33", 0o755),
    ("signature.txt", 212, "2023-11-20 14:01", 0o644),
    ("quota-report-v2.csv", 8804, "2024-10-02 06:00", 0o644),
    ("trash", -1, "2024-10-02 07:58", 0o700),
]

FETCHMAIL = """# fetchmail settings for the family mailbox
set daemon 900
set logfile /var/log/fetchmail.log
poll imap.example.org protocol IMAP port 993
    user "olga" there is olga here
    password "see keyring"
    folder INBOX, Lists/garden
    ssl sslcertck
    keep fetchall
    mda "/usr/bin/procmail -d %T"
"""

CRON_FILES = [
    ("backup-nightly.sh", 1932, "2024-05-11 22:10", 0o755),
    ("rotate-logs.sh", 804, "2024-03-02 09:45", 0o755),
    ("check-disks.py", 5120, "2024-06-21 17:30", 0o755),
    ("old", -1, "2023-12-30 12:00", 0o755),
    ("sync-photos.sh", 2671, "2024-08-18 20:05", 0o755),
    ("README", 1409, "2024-02-14 10:10", 0o644),
]

CRONTAB = """# m  h  dom mon dow  command
15  2   *   *   *    /opt/jobs/backup-nightly.sh --target nas2
40  3   *   *   0    /opt/jobs/rotate-logs.sh --keep 12
*/10 *  *   *   *    /opt/jobs/check-disks.py --warn 85 --mail root
5   22  *   *   1-5  /opt/jobs/sync-photos.sh ~/Pictures nas2:/photos
"""

# What the namespaced shell sees: tmpfs mounts named as disks of a small office server.
NS_STORE = """
mount -t tmpfs -o size=64M,mode=755 tmpfs /mnt
mkdir /mnt/projects /mnt/scratch /mnt/mirror /mnt/usb /mnt/efi
mount -t tmpfs -o size=3700G /dev/md0 /mnt/projects
mount -t tmpfs -o size=220G /dev/nvme1n1p3 /mnt/scratch
mount -t tmpfs -o size=7300G backup2:/export/mirror /mnt/mirror
mount -t tmpfs -o size=58G /dev/sdc1 /mnt/usb
mount -t tmpfs -o size=300M /dev/nvme0n1p1 /mnt/efi
head -c 9437184 /dev/zero > /mnt/projects/site-plans.dwg
head -c 2097152 /dev/zero > /mnt/efi/grubx64.efi
head -c 16777216 /dev/zero > /mnt/scratch/render-cache.bin
"""

PHOTO_FILES = [
    ("IMG_20240612_101533.jpg", 3407872, "2024-06-12 10:15", 0o644),
    ("IMG_20240612_101610.jpg", 3298112, "2024-06-12 10:16", 0o644),
    ("IMG_20240613_184402.jpg", 4120576, "2024-06-13 18:44", 0o644),
    ("VID_20240614_090011.mp4", 88604672, "2024-06-14 09:00", 0o644),
    ("edited", -1, "2024-06-20 21:30", 0o755),
    ("captions.txt", 1187, "2024-06-21 08:02", 0o644),
    ("album-order.json", 642, "2024-06-21 08:05", 0o644),
    ("thumbs", -1, "2024-06-15 12:12", 0o755),
]

ALBUM = """{
  "title": "Lake Bled, June 2024",
  "cover": "IMG_20240613_184402.jpg",
  "order": ["IMG_20240612_101533.jpg", "IMG_20240612_101610.jpg",
            "VID_20240614_090011.mp4"],
  "shared_with": ["mira", "tomaz"],
  "public": false
}
"""


def _man_scenes() -> list[Scene]:
    return [
        Scene(
            "man-find-6x10",
            "man",
            HD,
            "man find in a wide xterm with the tiny 6x10 core font (C locale)",
            [_core_term("man find", (260, 60), "6x10", 150, 90, ["man find"])],
            half="A",
        ),
        Scene(
            "man-sort-6x13",
            "man",
            WX,
            "man sort in xterm with the 6x13 core font (C locale)",
            [_core_term("man sort", (90, 40), "6x13", 128, 52, ["man sort"])],
            half="A",
        ),
        Scene(
            "man-chmod-7x13",
            "man",
            WX,
            "man chmod in xterm with the 7x13 core font (C locale)",
            [_core_term("man chmod", (160, 30), "7x13", 100, 52, ["man chmod"])],
            half="A",
        ),
        Scene(
            "man-du-7x13-scrolled",
            "man",
            HD,
            "man du scrolled down one page (space) in xterm with the 7x13 core font (C locale)",
            [_core_term("man du", (420, 90), "7x13", 110, 60, ["man du"], keys=[["Space"]])],
            half="A",
        ),
        Scene(
            "man-uniq-6x10",
            "man",
            WX,
            "man uniq in xterm with the 6x10 core font (C locale)",
            [_core_term("man uniq", (200, 50), "6x10", 110, 68, ["man uniq"])],
            half="A",
        ),
    ]


def _terminal_scenes() -> list[Scene]:
    return [
        Scene(
            "term-core-6x10-mail",
            "terminal",
            WX,
            "xterm with the 6x10 core font: ls -l of a mail folder and cat of a fetchmail config",
            [
                _core_term(
                    "olga@home: ~/mail",
                    (240, 150),
                    "6x10",
                    96,
                    34,
                    ["ls -l", "cat fetchmailrc"],
                    prompt="olga@home:~/mail$ ",
                    workdir="mail",
                    setup=both(
                        make_files(MAIL_FILES), text_file("fetchmailrc", FETCHMAIL, "2024-07-14 16:25")
                    ),
                    parse_ls=True,
                )
            ],
            half="A",
        ),
        Scene(
            "term-core-8x13-store",
            "terminal",
            HD,
            "xterm with the 8x13 core font: df -h of an office server's disks, free -h, then ls",
            [
                _core_term(
                    "root@store: /mnt",
                    (400, 240),
                    "8x13",
                    96,
                    22,
                    ["df -h /mnt/*", "free -h", "ls /mnt"],
                    prompt="root@store:/mnt# ",
                    workdir="store",
                    namespace=NS_STORE,
                    parse_table=("Filesystem Size", 6),
                )
            ],
            half="A",
        ),
        Scene(
            "term-core-8x13-cron",
            "terminal",
            WX,
            "xterm with the 8x13 core font: ls -l of a jobs folder and cat of its crontab",
            [
                _core_term(
                    "ops@jobs: /opt/jobs",
                    (110, 120),
                    "8x13",
                    90,
                    26,
                    ["ls -l", "cat crontab.txt"],
                    prompt="ops@jobs:/opt/jobs$ ",
                    workdir="jobs",
                    setup=both(make_files(CRON_FILES), text_file("crontab.txt", CRONTAB, "2024-06-21 17:31")),
                    parse_ls=True,
                )
            ],
            half="A",
        ),
        Scene(
            "term-dejavu8-photos",
            "terminal",
            WX,
            "xterm (DejaVu Sans Mono 8): ls -l of a photo folder and cat of its album file",
            [
                Terminal(
                    "mira@laptop: ~/Pictures/bled",
                    (180, 140),
                    cols=100,
                    rows=30,
                    font=("DejaVu Sans Mono", 8),
                    prompt="mira@laptop:~/Pictures/bled$ ",
                    workdir="bled",
                    setup=both(make_files(PHOTO_FILES), text_file("album.json", ALBUM, "2024-06-21 08:06")),
                    commands=["ls -l", "cat album.json"],
                    parse_ls=True,
                    env=C_LOCALE,
                )
            ],
            half="A",
        ),
    ]


def fonts_scenes() -> list[Scene]:
    return [*_man_scenes(), *_terminal_scenes()]
