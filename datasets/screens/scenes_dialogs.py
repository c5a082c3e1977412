"""Session 9's dialogs and small light text scenes (issue #15, helper "dialogs"), all half A.

Half A's dialogs were read nearly perfectly, half B's less well: A had one real QMessageBox-like
window at most, one light xmessage and one light Qt dialog. These add the kinds it lacked, each in
more than one look: real QMessageBoxes (warning, question, information, critical; informative and
detailed text; Fusion and Windows styles; both resolutions), zenity question, warning, info and
entry dialogs, xmessage in the default fixed font and in light grey with several buttons, Tk
dialogs in 8 pt light grey, and Qt "About" windows with small grey lines and a link.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or is what a program prints
about files made here; the truth comes from the programs, as for every other scene (``capture.py``).
"""

from __future__ import annotations

from programs import SpecWindow, gtk_dialog, xmessage
from scenes import HD, WX, Scene


def _messageboxes() -> list[Scene]:
    return [
        Scene(
            "dlg-qt-msgbox-overwrite",
            "dialog",
            WX,
            "a real QMessageBox (Fusion, 1280x800): warning, informative text, Overwrite / Cancel",
            [
                SpecWindow(
                    "Overwrite File",
                    (400, 290),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 10],
                        "messagebox": {
                            "icon": "warning",
                            "text": "A file called quarterly-plan.odt already exists in Documents.",
                            "informative": "Saving will overwrite its contents. Do you want to go on?",
                            "buttons": [["Overwrite", "destructive"], ["Cancel", "reject"]],
                        },
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-qt-msgbox-sync-windows",
            "dialog",
            HD,
            "a real QMessageBox in Qt's Windows style: information, "
            "two lines of informative text, Open Log / OK",
            [
                SpecWindow(
                    "Synchronisation",
                    (760, 430),
                    toolkit="qt",
                    spec={
                        "style": "Windows",
                        "font": ["DejaVu Sans", 10],
                        "messagebox": {
                            "icon": "information",
                            "text": "Your notebooks are up to date.",
                            "informative": "42 notes were uploaded and 7 were downloaded.\n"
                            "The next check runs in 15 minutes.",
                            "buttons": [["Open Log", "action"], ["OK", "accept"]],
                        },
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-qt-msgbox-crash-details",
            "dialog",
            WX,
            "a real QMessageBox (Fusion): question with detailed text behind Show Details, "
            "Send Report / Don't Send",
            [
                SpecWindow(
                    "Problem Report",
                    (380, 260),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 9],
                        "messagebox": {
                            "icon": "question",
                            "text": "Photo Viewer closed unexpectedly.",
                            "informative": "Would you like to send a short report to the developers? "
                            "It helps them find the problem.",
                            "detailed": "signal 11 in libthumb.so at 0x7f3a\nversion 3.8.2",
                            "buttons": [["Send Report", "accept"], ["Don't Send", "reject"]],
                        },
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-qt-msgbox-printer-hd",
            "dialog",
            HD,
            "a real QMessageBox (Fusion, 9 pt): critical icon, informative text, Retry / Ignore / Cancel",
            [
                SpecWindow(
                    "Printing Failed",
                    (700, 420),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 9],
                        "messagebox": {
                            "icon": "critical",
                            "text": "Could not reach the printer Hallway-3.",
                            "informative": "Check that it is switched on and on the same network, then try "
                            "again. Page 4 of 12 was not printed.",
                            "buttons": [["Retry", "accept"], ["Ignore", "action"], ["Cancel", "reject"]],
                        },
                    },
                )
            ],
            half="A",
        ),
    ]


def _zenity() -> list[Scene]:
    return [
        Scene(
            "dlg-zenity-warning-battery",
            "dialog",
            WX,
            "zenity (GTK 3) warning 'Battery Low' with Power Settings / OK",
            [
                gtk_dialog(
                    "Battery Low",
                    (400, 320),
                    "zenity",
                    [
                        "--warning",
                        "--width",
                        "420",
                        "--text",
                        "Only 8% of the battery is left. Plug in the charger soon to keep your work.",
                        "--extra-button",
                        "Power Settings",
                    ],
                    ["Only 8% of the battery is left. Plug in the charger soon to keep your work."],
                    ["Power Settings", "OK"],
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-zenity-info-album",
            "dialog",
            HD,
            "zenity (GTK 3) info 'Upload Complete' with Open Album / OK",
            [
                gtk_dialog(
                    "Upload Complete",
                    (760, 440),
                    "zenity",
                    [
                        "--info",
                        "--width",
                        "440",
                        "--text",
                        "All 14 photos were added to the shared album Garden Party.",
                        "--extra-button",
                        "Open Album",
                    ],
                    ["All 14 photos were added to the shared album Garden Party."],
                    ["Open Album", "OK"],
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-zenity-entry-rename",
            "dialog",
            WX,
            "zenity (GTK 3) entry 'Rename Folder': a prompt, the name in its field, Cancel / OK",
            [
                gtk_dialog(
                    "Rename Folder",
                    (420, 300),
                    "zenity",
                    [
                        "--entry",
                        "--width",
                        "400",
                        "--text",
                        "Type a new name for the folder:",
                        "--entry-text",
                        "holiday-photos",
                    ],
                    ["Type a new name for the folder:", "holiday-photos"],
                    ["Cancel", "OK"],
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-zenity-question-trash",
            "dialog",
            HD,
            "zenity (GTK 3) question 'Empty Trash' with Keep Items / Empty Trash",
            [
                gtk_dialog(
                    "Empty Trash",
                    (740, 420),
                    "zenity",
                    [
                        "--question",
                        "--width",
                        "480",
                        "--text",
                        "Permanently erase all 23 items in the Trash? They use 1.4 GB on this computer.",
                        "--ok-label",
                        "Empty Trash",
                        "--cancel-label",
                        "Keep Items",
                    ],
                    ["Permanently erase all 23 items in the Trash? They use 1.4 GB on this computer."],
                    ["Keep Items", "Empty Trash"],
                )
            ],
            half="A",
        ),
    ]


def _xmessages() -> list[Scene]:
    return [
        Scene(
            "dlg-xmessage-fixed-timer",
            "dialog",
            WX,
            "xmessage (Athena, default fixed font) kitchen timer with Restart / Stop",
            [
                xmessage(
                    "Kitchen Timer",
                    (460, 330),
                    "Timer done: the bread has baked for 35 minutes.\n"
                    "Take it out of the oven and let it cool.",
                    ["Restart", "Stop"],
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-xmessage-light-sync",
            "dialog",
            HD,
            "xmessage (7x13 core font, light grey on off-white): a sync report with five buttons",
            [
                xmessage(
                    "Sync",
                    (760, 440),
                    "Sync of Pictures to cloud:photos stopped after 318 of 402 files.\n"
                    "Not copied: raw/IMG_2207.CR2, tmp/export\nNext attempt: Monday 06:30",
                    ["Close", "Open Folder", "Try Again", "Options", "Help"],
                    font="7x13",
                    fg="#acacac",
                    bg="#f5f5f5",
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-xmessage-6x13-light-mail",
            "dialog",
            WX,
            "xmessage (6x13 core font, light grey on white): a mail notice with three buttons",
            [
                xmessage(
                    "Mail",
                    (430, 320),
                    "3 new messages in the folder Invoices.\nThe newest is from Harbour Supplies (v2 quote).",
                    ["Read Now", "Later", "Mute"],
                    font="6x13",
                    fg="#b0b0b0",
                    bg="#ffffff",
                )
            ],
            half="A",
        ),
    ]


def _tk_light() -> list[Scene]:
    return [
        Scene(
            "dlg-tk-light-print",
            "dialog",
            WX,
            "Tk 'Print Queue' dialog: 8 pt light-grey text on near-white, four buttons",
            [
                SpecWindow(
                    "Print Queue",
                    (360, 250),
                    spec={
                        "font": ["DejaVu Sans", 8],
                        "bg": "#f8f8f8",
                        "fg": "#a0a0a0",
                        "body": [
                            {
                                "type": "label",
                                "text": "Two jobs are waiting for the printer Studio-2.",
                                "font": ["DejaVu Sans", 9, "bold"],
                                "fg": "#8a8a8a",
                            },
                            {
                                "type": "label",
                                "text": "The first job, poster-a3.pdf, needs paper of size A3 in tray 2.\n"
                                "Load the paper or send the job to another printer.",
                            },
                            {"type": "label", "text": "Queue updated at 16:05 - 2 jobs, 31 pages"},
                            {
                                "type": "buttons",
                                "items": ["Help", "Pause", "Move Job", "Resume"],
                                "font": ["DejaVu Sans", 8],
                            },
                        ],
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "dlg-tk-light-update-hd",
            "dialog",
            HD,
            "Tk 'Updates Ready' dialog at 1920x1080: 8 pt light-grey text on off-white, three buttons",
            [
                SpecWindow(
                    "Updates Ready",
                    (740, 430),
                    spec={
                        "font": ["DejaVu Sans", 8],
                        "bg": "#f3f3f3",
                        "fg": "#9c9c9c",
                        "body": [
                            {
                                "type": "label",
                                "text": "Five updates can be installed now.",
                                "font": ["DejaVu Sans", 9, "bold"],
                                "fg": "#858585",
                            },
                            {
                                "type": "label",
                                "text": "They include security fixes for the web browser and the mail\n"
                                "program. The computer must restart afterwards.",
                            },
                            {"type": "label", "text": "Download size: 86 MB"},
                            {
                                "type": "buttons",
                                "items": ["Details", "Not Now", "Install"],
                                "font": ["DejaVu Sans", 8],
                            },
                        ],
                    },
                )
            ],
            half="A",
        ),
    ]


def _abouts() -> list[Scene]:
    return [
        Scene(
            "small-qt-about-planner",
            "small-text",
            WX,
            "Qt 'About' window (Fusion): bold name, small grey version, licence and credits lines, "
            "a link, Close",
            [
                SpecWindow(
                    "About Garden Planner",
                    (440, 250),
                    toolkit="qt",
                    spec={
                        "font": ["Noto Sans", 8],
                        "body": [
                            {"type": "label", "text": "Garden Planner", "font": ["Noto Sans", 13, "bold"]},
                            {"type": "label", "text": "Version 4.2.0 (build 1187)", "fg": "#8c8c8c"},
                            {
                                "type": "label",
                                "text": "Plan beds, sowing dates and harvests for a small garden.",
                                "fg": "#707070",
                            },
                            {
                                "type": "label",
                                "text": "Copyright 2019-2024 the Garden Planner authors.\n"
                                "Released under the GNU General Public License, version 3.",
                                "fg": "#9a9a9a",
                            },
                            {"type": "label", "text": "https://planner.example.org", "fg": "#2a6db5"},
                            {"type": "buttons", "items": ["Credits", "Close"]},
                        ],
                    },
                )
            ],
            half="A",
        ),
        Scene(
            "small-qt-about-windows-hd",
            "small-text",
            HD,
            "Qt 'About' window in the Windows style at 1920x1080: bold name, 7 pt grey lines, a link, OK",
            [
                SpecWindow(
                    "About Tide Tables",
                    (760, 420),
                    toolkit="qt",
                    spec={
                        "style": "Windows",
                        "font": ["DejaVu Sans", 7],
                        "width": 400,
                        "body": [
                            {"type": "label", "text": "Tide Tables", "font": ["DejaVu Sans", 12, "bold"]},
                            {"type": "label", "text": "Release 0.9.3, Qt 6", "fg": "#909090"},
                            {
                                "type": "label",
                                "text": "High and low water times for 212 harbours.\n"
                                "Data from the public tide service, updated weekly.",
                                "fg": "#808080",
                            },
                            {"type": "label", "text": "Licensed under the MIT licence.", "fg": "#a4a4a4"},
                            {"type": "label", "text": "tides.example.net/help", "fg": "#1f5fa8"},
                            {"type": "buttons", "items": ["OK"]},
                        ],
                    },
                )
            ],
            half="A",
        ),
    ]


def dialogs_scenes() -> list[Scene]:
    return [*_messageboxes(), *_zenity(), *_xmessages(), *_tk_light(), *_abouts()]
