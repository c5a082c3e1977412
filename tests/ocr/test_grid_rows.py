"""Listings read row-wise on real screenshots of half A (datasets/screens): a second reading's loose
boxes, a band reaching the rows above and below, a fixed-width "." beside a digit, a cell lying
between a line's words. The boxes are those the engines returned on these screens."""

from __future__ import annotations

import numpy as np
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.gap_reading import _accepted
from assistant.ocr.gaps import gap_cells
from assistant.ocr.grid import rows_of
from assistant.ocr.look_read import _ink_rows
from assistant.ocr.loose import deduplicated
from assistant.ocr.spaces import split_word
from assistant.ocr.terminal import closed_up, on_rows
from tests.support.screens import SCREEN_PNG


def _gray(screen: str) -> np.ndarray:
    with Image.open(SCREEN_PNG / f"{screen}.png") as image:
        return np.asarray(image.convert("L"))


def _line(text: str, box: tuple[int, int, int, int]) -> OcrLine:
    return OcrLine(text, box, 0.95, [OcrWord(text, box, 0.95)])


# multi-terminal-dialog (7x13 core font, rows 13 pixels apart), live reading: the first three rows
# of ``ls -l`` as the engines boxed them, the second look's "-rw-r--r--" and "r--r--" over a row and
# a half (22 and 23 pixels tall). The day column ("4", "4", "11") was read by no engine.
LISTING = [
    ("-rw-r--r--", (24, 92, 92, 104)),
    ("1", (101, 92, 106, 101)),
    ("root", (114, 90, 141, 104)),
    ("root", (150, 90, 178, 104)),
    ("2211840", (184, 92, 232, 101)),
    ("May", (240, 92, 260, 103)),
    ("2024", (296, 92, 323, 101)),
    ("IMG_0010", (332, 92, 386, 102)),
    ("-rw-r--r--", (21, 87, 96, 109)),
    ("r--r--", (50, 99, 98, 122)),
    ("root", (115, 103, 142, 117)),
    ("root", (151, 103, 176, 117)),
    ("-rw-r--r--", (24, 105, 92, 117)),
    ("1", (101, 105, 106, 114)),
    ("2306048", (184, 105, 232, 114)),
    ("May", (240, 105, 260, 116)),
    ("2024", (296, 105, 323, 114)),
    ("IMG_0011", (333, 105, 388, 115)),
    ("drwxr-xr-x", (23, 115, 95, 130)),
    ("l10n", (334, 115, 359, 130)),
    ("root", (114, 116, 141, 130)),
    ("root", (147, 116, 179, 130)),
    ("2", (100, 118, 106, 127)),
    ("4096", (205, 118, 232, 127)),
    ("Feb", (240, 118, 260, 127)),
    ("2024", (296, 118, 323, 127)),
]


def test_a_second_readings_loose_box_does_not_split_its_row() -> None:
    """Taken first, the loose "r--r--" made a row of its own that kept "-rw-r--r--" and "May" out
    of the rest of theirs: the row was read in two, and the day column's gap was never looked at."""
    rows = rows_of([_line(t, b) for t, b in LISTING])
    assert len(rows) == 3
    for row, (mode, month, name) in zip(
        rows,
        [("-rw-r--r--", "May", "IMG_0010"), ("-rw-r--r--", "May", "IMG_0011"), ("drwxr-xr-x", "Feb", "l10n")],
        strict=True,
    ):
        texts = [c.text for c in row.cells]
        assert {mode, month, "2024", name} <= set(texts)
        assert texts.index(month) < texts.index("2024") < texts.index(name)


def test_the_day_column_no_engine_read_is_looked_at_in_every_row() -> None:
    """The day of the month lies in each row's gap between the month and "2024": a second look
    finds its ink there in every row, each cut to its own row's ink (the band over the loose boxes
    reaches the rows above and below, whose slivers made it look like a border)."""
    gray = _gray("multi-terminal-dialog")
    lines = [_line(t, b) for t, b in LISTING]
    cells = [box for box, _, _ in gap_cells(gray, lines)]
    days = sorted((box for box in cells if box[0] >= 260 and box[2] <= 296), key=lambda b: b[1])
    months = sorted((ln.box for ln in lines if ln.text in ("May", "Feb")), key=lambda b: b[1])
    assert len(days) == len(months) == 3
    for day, month in zip(days, months, strict=True):
        assert month[1] <= day[1] and day[3] <= month[3] + 1  # within its own row


def test_a_loose_box_is_cut_to_the_line_of_ink_it_was_read_from() -> None:
    """The second look's cut over the first row and half the second ("-rw-r--r--", 87-109): its
    words are boxed to the first row's ink, clear of the second's."""
    gray = _gray("multi-terminal-dialog")
    top, bottom = _ink_rows(gray, (21, 87, 96, 109), step=24)
    ink = np.asarray((255 - gray[87:109, 21:96].astype(int) > 24).any(axis=1))  # (22,) rows with ink
    first = [87 + y for y in range(92 - 87, 104 - 87) if ink[y]]  # the first row's ink (tesseract's box)
    second = [87 + y for y in range(105 - 87, 109 - 87) if ink[y]]  # the top of the second row's
    assert first and second
    assert top <= min(first) and max(first) < bottom <= min(second)


def test_a_cut_over_a_title_bars_foot_keeps_to_the_prompt_it_read() -> None:
    """multi-terminal-save, file path: the second look's cut for the prompt under the xterm's title
    bar reached up over the bar's foot, a band of more ink than the prompt's; boxed to that band,
    "sam@desk:~/reports$" was read before the window's title. The prompt's row has the strokes."""
    gray = _gray("multi-terminal-save")
    top, bottom = _ink_rows(gray, (41, 50, 218, 82), step=24)
    rows = np.flatnonzero((255 - gray[50:82, 41:218].astype(int) > 24).sum(axis=1) > 0) + 50  # rows with ink
    bar = [int(y) for y in rows if y < 62]  # the title bar's foot, above the gap over the prompt
    assert bar and top > max(bar)
    assert bottom - top < 20  # one line of text


def test_a_dot_beside_a_digit_in_a_fixed_width_font_is_no_space() -> None:
    """Liberation Mono 9: "app-v0.4" was cut "app-v 0.4" at the gap beside the ".", which stands
    alone in its cell (its "v0" a pixel apart); a real space between a letter and a digit still
    cuts ("May  4" read as one word)."""
    lib = _gray("term-liberation9-ls-versions")
    for text, box in [("app-v0.4", (620, 186, 682, 198)), ("app-v1.0", (620, 216, 682, 228))]:
        assert [w.text for w in split_word(OcrWord(text, box, 0.9), lib)] == [text]
    dialog = _gray("multi-terminal-dialog")
    assert [w.text for w in split_word(OcrWord("May4", (240, 92, 281, 103), 0.9), dialog)] == ["May", "4"]


def test_a_cell_between_a_lines_words_is_no_piece_of_it_read_again() -> None:
    """multi-terminals-overlap, live: a ``df`` row's "1%" lies between "931G" and "/srv/backup",
    which the second look read as one line boxed a little taller; it was taken for the line's foot
    read again and dropped ("931G /srv/backup": the row lost its Use%)."""
    row = OcrLine(
        "931G /srv/backup",
        (349, 163, 516, 178),
        0.99,
        [OcrWord("931G", (349, 163, 380, 176), 1.0), OcrWord("/srv/backup", (425, 163, 516, 178), 0.99)],
    )
    use = _line("1%", (404, 165, 419, 174))
    assert deduplicated([row, use]) == [row, use]


def test_a_word_read_again_beside_its_twin_on_the_row_is_kept() -> None:
    """term-ls-reports, file path: a listing row holds "root root"; the second look read the
    second, unsure "root" again (a line of its own, boxed a little taller) and took it off the
    row's line, and the copy was then taken for the first "root" read twice and dropped: the row
    was said "1 root 48213". A word read again at its own place is still dropped."""
    words = [
        ("-rw-r--r--", (125, 212, 211, 227)),
        ("1", (224, 212, 230, 227)),
        ("root", (243, 212, 275, 227)),
        ("48213", (349, 212, 392, 227)),
        ("Mar", (403, 212, 429, 227)),
    ]
    row = OcrLine.of([OcrWord(t, b, 0.9) for t, b in words])
    again = _line("root", (287, 210, 323, 226))
    assert deduplicated([row, again]) == [row, again]
    twice = _line("root", (244, 213, 274, 226))
    assert deduplicated([row, twice]) == [row]


def test_a_time_read_round_another_lines_word_is_one_word_again() -> None:
    """term-liberation9-ls-versions, file path: the second look read "09: app-v0.4.1" as one line
    round tesseract's "20" (the minutes); the row was said "09: 20 app-v0.4.1"."""
    second = OcrLine(
        "09: app-v0.4.1",
        (570, 199, 699, 215),
        0.99,
        [OcrWord("09:", (570, 199, 597, 212), 0.99), OcrWord("app-v0.4.1", (618, 199, 699, 215), 1.0)],
    )
    row = [_line("-rwxr-xr-x", (243, 201, 323, 212)), _line("2023-12-14", (484, 201, 562, 210))]
    lines = closed_up([*row, second, _line("20", (596, 201, 610, 210))])
    assert [w.text for ln in lines for w in ln.words][-2:] == ["09:20", "app-v0.4.1"]


def test_a_keys_outline_under_the_key_above_is_no_gap_to_read() -> None:
    """xcalc (colour), live: between a keypad's labels lie only the keys' outlines, and under the
    key above's foot a gap, then the outline down to the band's foot; cut to its main run it was
    taken for text and read "IC", "JC" (the outline reaches the band's end, which slivers of
    another row's text do not)."""
    gray = _gray("calc-xcalc-color")
    keys = [
        [("shl", (867, 544, 889, 559)), ("D", (914, 544, 926, 559)), ("E", (958, 544, 970, 559))],
        [("F", (1002, 544, 1014, 559)), ("shr", (1042, 538, 1065, 559))],
        [("mod", (865, 568, 890, 589)), ("A", (914, 574, 926, 589)), ("B", (958, 574, 970, 589))],
        [("C", (1002, 574, 1014, 589)), ("STO", (866, 604, 889, 619)), ("7", (914, 604, 926, 619))],
        [("8", (958, 604, 970, 619)), ("9", (1002, 604, 1014, 619)), ("RCL", (865, 634, 888, 649))],
        [("4", (914, 634, 926, 649)), ("5", (959, 634, 970, 649)), ("6", (1002, 634, 1014, 649))],
    ]
    lines = [_line(t, b) for group in keys for t, b in group]
    between = gray[534:563, 928:956].astype(int)  # between "D" and "E": the outlines' ink only
    assert (np.abs(between - np.median(between)) > 60).any()
    labels = [ln.box for ln in lines]
    last = max(b[3] for b in labels)
    for box, _, _ in gap_cells(gray, lines):
        if box[1] > last:  # the keypad's next row, which these lines leave out, as a row lost whole
            assert box[3] <= last + 30 and box[3] - box[1] < 15, box
            continue
        # (a gap's ink, if any is found, is a label's)
        assert any(min(box[2], b[2]) > max(box[0], b[0]) for b in labels if abs(b[1] - box[1]) < 15), box


# multi-terminals-overlap, live: ``ps aux`` in DejaVu Sans Mono as the engines read it; only the
# www-data row's STAT "S" was read.
PS_AUX = [
    ("USER", (644, 342, 674, 351)),
    ("PID SCPU %SMEM", (748, 342, 850, 351)),
    ("VSZ", (883, 342, 906, 351)),
    ("RSS TTY", (932, 342, 986, 351)),
    ("STAT START", (1036, 342, 1114, 351)),
    ("TIME COMMAND", (1139, 342, 1234, 351)),
    ("root", (645, 357, 673, 366)),
    ("1 0.0", (765, 357, 810, 366)),
    ("0.0", (827, 355, 854, 368)),
    ("4624 3736 pts/7", (876, 357, 1002, 369)),
    ("09:47", (1076, 357, 1114, 366)),
    ("0:00", (1140, 357, 1170, 366)),
    ("www-data", (643, 371, 706, 382)),
    ("3", (764, 372, 770, 382)),
    ("0.9", (788, 370, 810, 383)),
    ("0.0 25688 18640 pts/7", (828, 372, 1002, 384)),
    ("S", (1036, 372, 1042, 382)),
    ("09:47", (1076, 372, 1114, 382)),
    ("0:00", (1140, 372, 1170, 382)),
    ("nobody", (644, 386, 690, 399)),
    ("0.0", (787, 385, 812, 398)),
    ("0.0", (827, 385, 852, 398)),
    ("2920 1816 pts/7", (876, 387, 1002, 399)),
    ("09:47", (1076, 387, 1114, 396)),
    ("0:00", (1140, 385, 1170, 398)),
    ("daemon", (644, 401, 690, 411)),
    ("0.0", (787, 400, 812, 413)),
    ("0.0", (827, 400, 852, 413)),
    ("2952 1860 pts/7", (876, 402, 1002, 414)),
    ("09:47", (1076, 402, 1114, 411)),
    ("0:00", (1140, 400, 1170, 413)),
]


def test_a_column_vouches_for_an_unsure_reading_of_its_own_word() -> None:
    """The lone "S" left unread in the other rows was read on the second look's sheet of the whole
    live screen at 0.57, under the 0.6 a reading needs alone: the "S" another row holds in that
    column vouches for it; a reading no row holds there does not pass."""
    gray = _gray("multi-terminals-overlap")
    lines = []
    for text, box in PS_AUX:  # (one word's box per word, split evenly)
        words = text.split()
        step = (box[2] - box[0]) / len(words)
        lines.append(
            OcrLine.of(
                [
                    OcrWord(
                        w, (round(box[0] + i * step), box[1], round(box[0] + (i + 1) * step), box[3]), 0.95
                    )
                    for i, w in enumerate(words)
                ]
            )
        )
    stat = [
        (box, figures, column) for box, figures, column in gap_cells(gray, lines) if 1030 <= box[0] < 1050
    ]
    assert len(stat) == 3  # root's, nobody's and daemon's
    for box, figures, column in stat:
        assert _accepted("S", 0.57, box, figures, column) == "S"
        assert _accepted("5", 0.57, box, figures, column) is None
        assert _accepted("S", 0.57, box, figures) is None


# dlg-whiptail-checklist-noto (a whiptail checklist in a terminal), file reading: the engine's lines
# on the list's first three rows, 22 pixels apart. The second row's "[*]" was read "he" and boxed 57
# pixels tall, in that row's line; no other line lies on that row.
CHECKLIST = [
    _line("cups", (404, 337, 450, 353)),
    _line("Printing service", (584, 332, 756, 351)),
    OcrLine.of(
        [
            OcrWord("he", (330, 343, 390, 400), 0.95),
            OcrWord("openssh-server", (408, 358, 559, 373), 0.95),
            OcrWord("Remote", (584, 359, 646, 369), 0.95),
            OcrWord("log-in", (661, 358, 723, 373), 0.95),
        ]
    ),
    _line("samba", (409, 380, 459, 391)),
    _line("Windows file shares", (583, 380, 788, 391)),
    _line("minidlna", (408, 402, 492, 413)),
    _line("Media server for the TV", (584, 402, 834, 413)),
]


def test_a_line_boxed_tall_by_a_junk_word_stays_on_its_own_rows_band() -> None:
    """A terminal's line boxed over a row and a half goes onto the row nearest its middle, but
    only a row its text lies on: here the box is tall only because of the junk "he", and the row's
    text is openssh-server's. Moved onto samba's row, the two rows were read as one ("openssh-server
    samba Windows Remote log-in file shares")."""
    rows = [[c.text for c in r.cells] for r in rows_of(on_rows(CHECKLIST))]
    assert ["samba", "Windows file shares"] in rows
    assert not any("samba" in cells and any("openssh" in c for c in cells) for cells in rows)
