"""A terminal read row by row on real half-A screenshots: the lines and word boxes exactly as the
file path's engines (tesseract, then the second look) returned them on the whole screen, laid out
by the terminal rules (assistant.ocr.terminal)."""

from __future__ import annotations

from PIL import Image

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.layout import layout_blocks
from assistant.ocr.terminal import closed_up
from tests.support.screens import SCREEN_PNG


def _line(words: list[tuple[str, Box]]) -> OcrLine:
    return OcrLine.of([OcrWord(text, box, 0.95) for text, box in words])


def _said(lines: list[OcrLine]) -> str:
    return " / ".join(b.text.replace("\n", " / ") for b in layout_blocks(lines))


# term-core-7x13-ps-aux: the header and the first rows of ``ps aux`` in the 7x13 core font.
PS_AUX = [
    _line([("RSS", (376, 147, 395, 160))]),
    _line([("TIME", (557, 147, 583, 160))]),
    _line([("USER", (123, 149, 150, 158))]),
    _line([("~SER", (123, 149, 150, 158))]),
    _line([("PID", (214, 149, 235, 158)), ("%CPU", (242, 149, 269, 158)), ("%MEM", (277, 149, 304, 158))]),
    _line([("PID", (214, 149, 234, 158))]),
    _line([("VSZ", (333, 149, 353, 158))]),
    _line([("RSS", (375, 149, 395, 158))]),
    _line([("TTY", (404, 149, 423, 158))]),
    _line([("START", (501, 149, 535, 158))]),
    _line([("~IME", (558, 149, 584, 158))]),
    _line([("COMMAND", (592, 149, 640, 158))]),
    _line([("COMMAND", (592, 149, 640, 158))]),
    _line([("STAT", (466, 153, 494, 158))]),
    _line([("root", (123, 159, 150, 178))]),
    _line([("3568", (369, 160, 395, 173)), ("pts/5", (403, 160, 438, 175))]),
    _line([("S", (466, 160, 472, 173))]),
    _line([("0:00", (557, 160, 586, 174))]),
    _line([("1", (228, 162, 234, 172)), ("0.0", (249, 162, 269, 172)), ("0.0", (284, 162, 305, 172))]),
    _line([("4204", (326, 162, 353, 172))]),
    _line([("09:45", (501, 162, 535, 172))]),
    _line(
        [
            ("bash", (592, 162, 620, 172)),
            ("--norc", (628, 165, 668, 172)),
            ("--noprofile", (677, 162, 752, 173)),
        ]
    ),
    _line([("1.3", (249, 173, 270, 186))]),
    _line([("18704", (362, 173, 398, 186)), ("pts/5", (405, 173, 437, 186))]),
    _line([("0:00", (558, 173, 586, 187))]),
    _line([("www-data", (124, 175, 178, 184))]),
    _line([("3", (228, 175, 235, 184)), ("0.0", (284, 175, 305, 185))]),
    _line([("25688", (319, 175, 353, 184))]),
    _line([("09:45", (501, 175, 535, 185))]),
    _line(
        [
            ("python3", (592, 175, 640, 186)),
            ("-m", (649, 178, 661, 184)),
            ("http.server", (669, 175, 745, 186)),
            ("8080", (753, 175, 780, 184)),
            ("--bind", (789, 175, 829, 184)),
            ("127.0.0.1", (837, 175, 900, 185)),
            ("--direct.", (908, 175, 962, 184)),
        ]
    ),
    _line([("S", (467, 177, 474, 186))]),
    _line([("1792", (369, 186, 396, 199))]),
    _line([("0:00", (557, 186, 586, 200))]),
    _line([("nobody", (123, 188, 164, 199))]),
    _line([("4", (228, 188, 234, 197)), ("0.0", (249, 188, 270, 198)), ("0.0", (284, 188, 305, 198))]),
    _line([("2920", (326, 188, 353, 197))]),
    _line([("pts/5", (403, 188, 437, 199))]),
    _line([("09:45", (501, 188, 535, 198))]),
    _line([("sleep", (592, 188, 626, 199)), ("86400", (634, 188, 668, 197))]),
    _line([("S", (467, 190, 474, 199))]),
]


def test_a_word_boxed_far_shorter_than_its_row_is_read_in_it() -> None:
    """ "STAT" came back boxed 5 pixels high (153-158) on the header's row of 9-13: no row took it,
    and the header was read "... TTY START TIME COMMAND", then "STAT" on a line of its own."""
    said = _said(PS_AUX)
    assert "RSS TTY STAT START TIME COMMAND" in said
    assert "root 1 0.0 0.0 4204" in said


# multi-three-cascade: the top of an ``ls -l`` in an xterm partly under two other windows.
GARDEN = [
    _line([("tom@shed:~/garden$", (85, 86, 246, 104)), ("ls", (258, 86, 273, 101))]),
    _line([("-l", (283, 88, 299, 99))]),
    _line([("total", (84, 106, 127, 117)), ("960", (138, 107, 163, 117))]),
    _line([("drwxr-xr-x", (85, 122, 174, 137))]),
    _line([("2", (183, 125, 190, 135)), ("root", (202, 125, 235, 135)), ("root", (247, 125, 279, 135))]),
    _line(
        [
            ("4096", (309, 125, 343, 135)),
            ("Mar", (354, 125, 379, 135)),
            ("11", (390, 125, 407, 135)),
            ("2024", (426, 125, 461, 135)),
            ("compost", (471, 125, 531, 138)),
        ]
    ),
    _line(
        [
            ("-rw-r--r--", (85, 145, 171, 153)),
            ("1", (183, 143, 191, 153)),
            ("root", (202, 143, 235, 153)),
            ("root", (247, 143, 279, 153)),
            ("99211", (300, 143, 343, 153)),
            ("Apr", (353, 143, 379, 156)),
            ("2", (399, 143, 406, 153)),
            ("2024", (426, 143, 461, 153)),
            ("greenhouse-temps.", (471, 142, 649, 156)),
            ("log", (625, 138, 651, 160)),
        ]
    ),
    _line(
        [
            ("4410", (309, 161, 343, 171)),
            ("Aug", (353, 161, 379, 174)),
            ("30", (390, 161, 406, 171)),
            ("2024", (426, 161, 461, 171)),
            ("harvest-notes.txt", (471, 160, 621, 171)),
        ]
    ),
    _line([("-rw-r--r--", (85, 163, 171, 171)), ("1", (183, 161, 191, 171)), ("root", (202, 161, 235, 171))]),
]


def test_a_line_between_two_lines_of_a_block_is_read_between_them() -> None:
    """ "total 960", boxed tighter than the prompt and the rows round it, was a block of its own,
    and the block of the prompt and the first two rows was read whole before it."""
    said = _said(GARDEN)
    assert said.index("ls -l") < said.index("total 960") < said.index("compost")


def test_the_rest_of_a_word_read_in_its_box_completes_it() -> None:
    """ "greenhouse-temps." was boxed over the whole "greenhouse-temps.log" and "log" read again at
    its end: one word. The row's other words stay apart."""
    words = [w.text for ln in closed_up(GARDEN) for w in ln.words]
    assert "greenhouse-temps.log" in words
    assert "log" not in words and words.count("root") == 5


def test_figures_whose_boxes_touch_are_one() -> None:
    """multi-terminals-overlap (ps aux in DejaVu Sans Mono): the PID "13" came back as "1" and "3",
    their boxes touching; "root" and "sleep 60" on the same row, a space or more away, stay apart."""
    row = [
        _line([("3", (762, 445, 770, 458))]),
        _line([("sleep", (1180, 445, 1218, 459)), ("60", (1228, 447, 1242, 456))]),
        _line([("root", (645, 447, 673, 456))]),
        _line([("1", (756, 447, 762, 456))]),
        _line([("pts/7", (964, 447, 1002, 459))]),
        _line([("0.0", (786, 445, 812, 458))]),
        _line([("0.0", (826, 445, 852, 458))]),
    ]
    words = [w.text for ln in closed_up(row) for w in ln.words]
    assert sorted(words) == sorted(["root", "13", "0.0", "0.0", "pts/7", "sleep", "60"])
    # A letter and a figure as close are two words: "Page 4" in a Qt message box in small type
    # (dlg-qt-msgbox-printer-hd), "Page" ending a pixel before the "4".
    message = [
        _line(
            [
                ("Page", (780, 521, 807, 533)),
                ("4", (808, 517, 813, 536)),
                ("of", (821, 520, 832, 530)),
                ("12", (836, 521, 848, 530)),
                ("was", (851, 523, 873, 530)),
                ("not", (877, 521, 895, 530)),
                ("printed.", (899, 520, 942, 533)),
            ]
        )
    ]
    assert [w.text for ln in closed_up(message) for w in ln.words][:2] == ["Page", "4"]


def test_a_loose_box_over_a_space_glues_nothing() -> None:
    """multi-terminal-dialog (7x13, file path, windows read one by one): a second reading boxed the
    mode "-rw-r--r--" two pixels over the link count "1" after it, and the two were made one word,
    "-rw-r--r--1": boxes that overlap with nothing to glue them (no mark inside a word, no two
    figures) are loose boxes over a space. "0" ".0" boxed over each other are one word still."""
    row = [
        _line([("-rw-r--r--", (24, 92, 98, 104))]),
        _line([("1", (96, 92, 106, 104)), ("root", (114, 92, 141, 104))]),
        _line([("0", (300, 92, 307, 104))]),
        _line([(".0", (306, 92, 320, 104))]),
    ]
    words = [w.text for ln in closed_up(row) for w in ln.words]
    assert sorted(words) == sorted(["-rw-r--r--", "1", "root", "0.0"])


def _row(words: list[tuple[str, Box]]) -> list[OcrLine]:
    return [_line([w]) for w in words]


def test_a_word_cut_at_a_narrow_glyph_is_one_where_less_than_a_cell_of_ground_parts_it() -> None:
    """The engines cut words at a fixed-width font's narrow glyphs, whose cells leave ground either
    side of a thin stroke: htop's "/dev/nul" "l" (IBM 3270 font), less's status line "hel" "p"
    (B612 Mono). A space is a whole cell of ground; these leave less, and are one word. The words
    about them, a space apart, stay apart."""
    htop = _row(
        [
            ("7", (102, 305, 109, 316)),
            ("daemon", (120, 304, 172, 316)),
            ("30", (228, 305, 245, 316)),
            ("0:00.00", (579, 305, 641, 316)),
            ("tail", (652, 305, 683, 316)),
            ("-f", (697, 305, 712, 316)),
            ("/dev/nul", (723, 303, 792, 318)),
            ("l", (798, 303, 805, 318)),
        ]
    )
    with Image.open(SCREEN_PNG / "term-fvwm-htop-3270.png") as picture:
        words = [w.text for ln in closed_up(htop, picture=picture) for w in ln.words]
        assert words == ["7", "daemon", "30", "0:00.00", "tail", "-f", "/dev/null"]
        assert [w.text for ln in closed_up(htop) for w in ln.words][-1] == "l"  # (no picture: as read)
    less = _row(
        [
            ("Manual", (136, 702, 196, 717)),
            ("page", (206, 705, 246, 721)),
            ("h", (458, 701, 469, 717)),
            ("for", (478, 701, 508, 717)),
            ("hel", (516, 701, 546, 717)),
            ("p", (546, 704, 556, 718)),
            ("or", (568, 704, 587, 718)),
            ("q", (596, 704, 606, 718)),
        ]
    )
    with Image.open(SCREEN_PNG / "man-tr-b612-light.png") as picture:
        words = [w.text for ln in closed_up(less, picture=picture) for w in ln.words]
    assert words == ["Manual", "page", "h", "for", "help", "or", "q"]


def test_a_key_bar_and_a_proportional_text_keep_their_close_words_apart() -> None:
    """htop's key bar (7x13 core font): each key's name on black touches its label on cyan, "F1"
    "Help", "SortBy" "F7": the ground parts them, not a gap. A proportional text a terminal's rules
    were given (a Tk note's "Forty copies of the Fauré", multi-cascade-fluxbox-three) has spaces
    narrower than a cell, as wide as each other: none is a word cut in two."""
    keys = _row(
        [
            ("F1", (123, 655, 136, 664)),
            ("Help", (137, 655, 164, 666)),
            ("F2", (179, 655, 192, 664)),
            ("Setup", (193, 655, 227, 666)),
            ("F6", (403, 655, 416, 664)),
            ("SortBy", (417, 655, 458, 666)),
            ("F7", (459, 655, 472, 664)),
            ("Nice", (473, 655, 500, 664)),
        ]
    )
    with Image.open(SCREEN_PNG / "term-htop-core-7x13.png") as picture:
        words = [w.text for ln in closed_up(keys, picture=picture) for w in ln.words]
    assert words == ["F1", "Help", "F2", "Setup", "F6", "SortBy", "F7", "Nice"]
    note = _row(
        [
            ("Forty", (156, 151, 197, 166)),
            ("copies", (202, 151, 247, 166)),
            ("of", (254, 150, 268, 162)),
            ("the", (272, 150, 296, 162)),
            ("Fauré", (301, 151, 345, 162)),
            ("are", (350, 154, 374, 162)),
            ("checked", (379, 150, 439, 162)),
            ("out.", (444, 151, 472, 162)),
        ]
    )
    with Image.open(SCREEN_PNG / "multi-cascade-fluxbox-three.png") as picture:
        words = [w.text for ln in closed_up(note, picture=picture) for w in ln.words]
    assert words == ["Forty", "copies", "of", "the", "Fauré", "are", "checked", "out."]


def test_a_file_name_cut_at_its_marks_is_one_name_and_a_dropped_dot_is_put_back() -> None:
    """Midnight Commander's panels: a file's name stands alone between the panel's edge and a wide
    gap, so no spaces beside it say how wide a space is; the engines cut names at a fixed-width
    font's narrow dot ("swap-day-poster" "pdf" with the dot dropped, Monoid; "lighthouse" "jpg",
    Fira Mono). Less than a cell of ground parts the pieces, the one small blob low between them
    is the dot. A man page's "pointed-to" "file." a space apart (7x13 core font) stays apart."""
    poster = _row(
        [
            ("swap-day-poster", (42, 226, 161, 245)),
            ("pdf", (175, 228, 194, 243)),
            ("1290304", (389, 228, 443, 241)),
            ("Mar", (452, 228, 474, 240)),
            ("22", (485, 228, 499, 240)),
            ("2024", (512, 226, 545, 242)),
        ]
    )
    with Image.open(SCREEN_PNG / "term-mc-monoid-modarin.png") as picture:
        words = [w.text for ln in closed_up(poster, picture=picture) for w in ln.words]
    assert words == ["swap-day-poster.pdf", "1290304", "Mar", "22", "2024"]
    photo = _row(
        [
            ("lighthouse", (234, 345, 322, 358)),
            ("jpg", (334, 345, 359, 358)),
            ("4410093", (747, 345, 807, 356)),
            ("Apr", (818, 345, 843, 358)),
        ]
    )
    with Image.open(SCREEN_PNG / "term-mc-fira-modarin.png") as picture:
        words = [w.text for ln in closed_up(photo, picture=picture) for w in ln.words]
    assert words == ["lighthouse.jpg", "4410093", "Apr"]
    man = _row(
        [
            ("of", (296, 693, 309, 702)),
            ("the", (317, 693, 337, 702)),
            ("pointed-to", (345, 693, 414, 704)),
            ("file.", (422, 693, 455, 703)),
            ("In", (472, 693, 484, 702)),
            ("contrast,", (492, 694, 553, 703)),
        ]
    )
    with Image.open(SCREEN_PNG / "man-chmod-7x13.png") as picture:
        words = [w.text for ln in closed_up(man, picture=picture) for w in ln.words]
    assert words == ["of", "the", "pointed-to", "file.", "In", "contrast,"]


def test_vims_all_after_its_ruler_is_read_all() -> None:
    """vim's ruler ends its status line with "All" when the whole file is on screen; in fixed-width
    fonts the engines read it "A11" (D2Coding, live) or "A1" (Liberation Mono). There, after the
    ruler, it is "All"; an "A11" elsewhere on a row (a cell, a key) is left as read."""
    status = _row(
        [("photo-copy.sh", (98, 620, 231, 636)), ("1,1", (798, 620, 826, 636)), ("A11", (947, 620, 979, 636))]
    )
    assert [w.text for ln in closed_up(status) for w in ln.words] == ["photo-copy.sh", "1,1", "All"]
    split = _row(
        [
            ("watering.py", (363, 438, 462, 456)),
            ("5,6", (1192, 441, 1217, 454)),
            ("A1", (1327, 438, 1346, 456)),
        ]
    )
    assert [w.text for ln in closed_up(split) for w in ln.words] == ["watering.py", "5,6", "All"]
    cell = _row(
        [("cell", (98, 620, 130, 636)), ("A11", (798, 620, 826, 636)), ("total", (947, 620, 987, 636))]
    )
    assert [w.text for ln in closed_up(cell) for w in ln.words] == ["cell", "A11", "total"]
