"""Tables found from their own geometry on real screenshots of half A (datasets/screens), with the
boxes tesseract returned there: cells cut at the gutters whatever the engine made of a line, a
header of two rows, greyed-out cells and a row the engine lost whole."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.dials import find_dial
from assistant.ocr.gaps import SNIPPET_HEIGHT, _accepted, fill_gaps, gap_cells, read_snippets, same_ink
from assistant.ocr.grid import find_grids
from assistant.ocr.tesseract import TesseractEngine, tesseract_available

SCREENS = Path(__file__).resolve().parents[2] / "datasets" / "screens" / "png"

Words = list[tuple[str, tuple[int, int, int, int]]]


def _lines(*lines: Words) -> list[OcrLine]:
    return [OcrLine.of([OcrWord(t, b, 0.95) for t, b in words]) for words in lines]


def _texts(lines: list[OcrLine]) -> list[list[str]]:
    return [[c.text for c in r.cells] for g in find_grids(lines, prompts_apart=True)[0] for r in g.rows]


def _week(y: int, days: list[str], x0: int = 446) -> Words:
    return [(d, (x0 + 32 * i, y, x0 + 32 * i + 14, y + 9)) for i, d in enumerate(days)]


# dlg-zenity-calendar-sale (GtkCalendar, DejaVu Sans 9): the header and the first weeks came back a
# few days a line, the last two weeks one line each, seven days 18 pixels apart on a 9-pixel row.
CALENDAR = _lines(
    [("Sun", (442, 263, 464, 272)), ("Mon", (473, 263, 498, 272)), ("Tue", (506, 263, 527, 272))],
    [("Wed", (536, 261, 562, 272))],
    [("Thu", (570, 259, 595, 274))],
    [("Fri", (605, 260, 623, 274)), ("Sat", (634, 261, 658, 274))],
    *[[(d, (x, 280, x + 6, 289))] for d, x in [("1", 546), ("2", 578), ("3", 610), ("4", 641)]],
    *[[(d, (x, 297, x + 6, 306))] for d, x in [("5", 450), ("6", 482), ("7", 514), ("8", 546)]],
    [("9", (578, 297, 584, 306)), ("10", (606, 297, 620, 306)), ("11", (638, 297, 652, 306))],
    [("12", (446, 312, 461, 325))],
    [("13", (477, 312, 492, 325))],
    [("14", (510, 314, 525, 323)), ("15", (542, 314, 556, 323)), ("16", (574, 314, 589, 323))],
    [("17", (606, 314, 620, 323))],
    [("18", (637, 312, 654, 325))],
    _week(331, ["19", "20", "21", "22", "23", "24", "25"]),
    _week(348, ["26", "27", "28", "29", "30", "31"]),
)


def test_a_week_read_as_one_line_is_cut_into_its_days() -> None:
    """The last two weeks, one line each to the engine, were rows of one cell: left out of the
    grid, they were read "19 20 21 ... 31" on, one week into the next, after "Table, 3 rows"."""
    rows = _texts(CALENDAR)
    assert rows[0] == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    assert rows[-2:] == [["19", "20", "21", "22", "23", "24", "25"], ["26", "27", "28", "29", "30", "31"]]
    assert len(rows) == 6


# table-tk-contacts (Tk treeview): the dialog's buttons under the table, one line with wide spaces.
CONTACTS = _lines(
    [("Name", (540, 332, 578, 352))],
    [("Phone", (646, 332, 685, 352))],
    [("City", (765, 332, 792, 352))],
    [("Team", (865, 336, 901, 346))],
    *[
        [
            (name, (540, y, 600, y + 11)),
            (phone, (644, y, 740, y + 11)),
            (city, (766, y, 830, y + 11)),
            (team, (865, y, 905, y + 11)),
        ]
        for y, name, phone, city, team in [
            (359, "Aisha Khan", "0161 496 0732", "Manchester", "Sales"),
            (382, "Bruno Costa", "0131 496 0184", "Edinburgh", "Support"),
            (403, "Chloe Martin", "0117 496 0559", "Bristol", "Design"),
            (425, "Dev Patel", "0121 496 0917", "Birmingham", "Sales"),
        ]
    ],
    [("Call", (767, 525, 790, 544)), ("Edit", (826, 525, 849, 545)), ("Close", (883, 527, 918, 539))],
)


def test_buttons_on_one_line_under_a_table_are_no_row_of_it() -> None:
    """Cut at its wide spaces, "Call Edit Close" would be a row; but "Call" and "Edit" both lie
    under "City": no row of this table."""
    rows = _texts(CONTACTS)
    assert rows[0] == ["Name", "Phone", "City", "Team"] and len(rows) == 5
    assert all("Call" not in row for row in rows)


# table-chromium-plans-merged: "Plan", "Storage" and "Users" set halfway down a header of two rows,
# "Pay monthly" over "Price" and "Per user", "Pay yearly" over "Price" and "Saving"; the body's cells
# each a line.
PLANS = _lines(
    [("Pay", (476, 210, 503, 223)), ("monthly", (509, 209, 573, 223))],
    [("Pay", (663, 210, 690, 223)), ("yearly", (695, 209, 744, 223))],
    [("Plan", (193, 227, 225, 238))],
    [("Storage", (278, 227, 339, 241))],
    [("Users", (373, 227, 416, 238))],
    [("Price", (455, 243, 493, 263))],
    [("Per", (533, 247, 558, 257)), ("user", (564, 249, 598, 257))],
    [("Price", (641, 245, 679, 257))],
    [("Saving", (723, 245, 774, 260))],
    *[
        [(t, box)]
        for t, box in [
            ("Starter", (175, 280, 230, 299)),
            ("100 GB", (284, 283, 333, 293)),
            ("1", (391, 283, 398, 293)),
            ("$2.99", (455, 282, 493, 295)),
            ("$2.99", (546, 282, 584, 295)),
            ("$29.90", (636, 282, 684, 295)),
            ("17%", (735, 283, 763, 293)),
            ("Family", (175, 316, 225, 336)),
            ("2 TB", (295, 318, 322, 332)),
            ("6", (391, 319, 398, 330)),
            ("$9.99", (455, 319, 493, 332)),
            ("$1.67", (546, 319, 584, 331)),
            ("$99.90", (636, 319, 684, 332)),
            ("17%", (735, 319, 763, 330)),
            ("Team", (174, 355, 215, 366)),
            ("5 TB", (293, 355, 323, 366)),
            ("15", (387, 355, 402, 366)),
            ("$24.00", (451, 355, 498, 367)),
            ("$1.60", (546, 355, 584, 367)),
            ("$230.00", (632, 355, 688, 367)),
            ("20%", (734, 355, 763, 366)),
            ("Business", (175, 391, 243, 403)),
            ("20 TB", (291, 391, 327, 405)),
            ("50", (387, 393, 403, 403)),
            ("$79.00", (451, 392, 498, 403)),
            ("$1.58", (546, 392, 584, 403)),
            ("$720.00", (632, 392, 688, 403)),
            ("24%", (734, 393, 763, 403)),
        ]
    ],
)


def test_a_header_of_two_rows_is_the_tables_header() -> None:
    """Each header row has fewer cells than the body's, so they were left out of the table like a
    toolbar, and read as loose words: "Plan. Storage. Users. Pay monthly Price. Pay yearly." They
    name every column between them: the header, said once, top to bottom."""
    rows = _texts(PLANS)
    assert rows[0] == [
        "Pay monthly",
        "Pay yearly",
        "Plan",
        "Storage",
        "Users",
        "Price",
        "Per user",
        "Price",
        "Saving",
    ]
    assert len(rows) == 5 and rows[1][0] == "Starter"


def test_a_thin_stroke_read_as_a_round_figure_is_no_reading() -> None:
    """xcalc's key outline between two labels, a stroke 4 pixels wide, came back "0" (0.65)."""
    stroke = (76, 239, 80, 256)
    assert _accepted("0", 0.65, stroke, figures=False) is None
    assert _accepted("1", 0.65, stroke, figures=False) == "1"
    assert _accepted("0", 0.65, (446, 280, 452, 289), figures=False) == "0"


@pytest.mark.skipif(not tesseract_available(), reason="tesseract not installed")
def test_greyed_days_and_a_week_lost_whole_are_read() -> None:
    """GtkCalendar greys the days of the months either side, 25 levels off white: the engine
    read none of them, and its last week, all such days, was no row at all. A grid's empty cells
    are looked at for faint ink too, read at full contrast along their row, and a row one pitch
    under the grid with ink under its columns is read as a row the engine lost."""
    with Image.open(SCREENS / "dlg-zenity-calendar-sale.png") as image:
        picture = image.convert("RGB")
    lines = _lines(*[[(w.text, w.box) for w in ln.words] for ln in CALENDAR])
    gray = np.asarray(picture.convert("L"))
    assert {b[1] // 10 for b, _, _ in gap_cells(gray, lines)} == {28, 34, 36}  # first, fifth, lost week
    found = fill_gaps(picture, lines, TesseractEngine())[len(lines) :]
    assert sorted((ln.box[1] > 360, ln.text) for ln in found) == sorted(
        [(False, d) for d in ["28", "29", "30", "1"]] + [(True, str(d)) for d in range(2, 9)]
    )


# table-tk-striped-seeds (Tk treeview, DejaVu Sans 9, zebra stripes), tesseract's lines as it read
# them: the shelf codes "A1", "B1" and "C1" read "Al", "Bl" and "cl" where the "1" stood alone.
SEEDS = _lines(
    [("Packets|Sown", (474, 166, 585, 177)), ("by", (592, 166, 610, 180)), ("Shelf", (628, 162, 675, 183))],
    [("Seed", (337, 163, 380, 183))],
    [("e", (310, 165, 319, 181))],
    *[
        [(t, b)]
        for t, b in [
            ("S-01", (280, 191, 312, 205)),
            ("Runner bean", (343, 192, 433, 203)),
            ("24", (517, 193, 533, 203)),
            ("May", (543, 193, 571, 206)),
            ("Al", (633, 193, 651, 203)),
            ("9", (526, 216, 535, 230)),
            ("S-02", (280, 218, 309, 228)),
            ("Courgette", (343, 218, 412, 231)),
            ("May", (543, 218, 571, 231)),
            ("Al", (633, 218, 651, 228)),
            ("S-03", (278, 241, 310, 255)),
            ("31", (516, 241, 533, 255)),
            ("April", (542, 242, 574, 256)),
            ("Beetroot", (343, 243, 404, 253)),
            ("A2", (633, 243, 651, 253)),
            ("12", (516, 266, 533, 280)),
            ("Spinach", (343, 267, 398, 281)),
            ("March", (543, 267, 585, 278)),
            ("S-04", (280, 268, 310, 278)),
            ("A2", (633, 268, 651, 278)),
            ("18", (516, 291, 533, 305)),
            ("March", (543, 292, 585, 303)),
            ("S-05", (280, 293, 310, 303)),
            ("Sweet pea", (343, 293, 415, 306)),
            ("Bl", (634, 293, 651, 303)),
            ("S-06", (280, 316, 312, 330)),
            ("Sunflower", (343, 316, 413, 330)),
            ("40", (515, 316, 534, 330)),
            ("4", (674, 316, 705, 330)),
            ("May", (543, 318, 571, 331)),
            ("6", (524, 341, 533, 355)),
            ("Parsnip", (343, 342, 393, 356)),
            ("April", (542, 342, 574, 356)),
            ("S-07", (280, 343, 310, 353)),
            ("B2", (634, 343, 651, 353)),
            ("27", (516, 366, 533, 380)),
            ("Radish", (343, 367, 389, 378)),
            ("S-08", (280, 368, 310, 378)),
            ("August", (542, 368, 591, 381)),
            ("B2", (634, 368, 651, 378)),
            ("S-09", (279, 391, 311, 405)),
            ("15", (516, 391, 533, 405)),
            ("Kale", (343, 392, 372, 403)),
            ("June", (541, 393, 572, 406)),
            ("cl", (634, 393, 651, 403)),
            ("S-10", (279, 416, 311, 430)),
            ("11", (516, 416, 533, 430)),
            ("C1", (635, 416, 651, 430)),
            ("Leek", (343, 417, 376, 428)),
            ("March", (543, 417, 585, 428)),
            ("Take", (489, 484, 522, 495)),
            ("Close", (639, 484, 677, 495)),
            ("Return", (558, 485, 604, 495)),
        ]
    ],
    [("B", (633, 316, 642, 330)), ("1", (645, 316, 652, 330))],
    [
        ("Take", (276, 450, 309, 461)),
        ("two", (314, 451, 338, 461)),
        ("packets", (344, 450, 398, 464)),
        ("at", (403, 451, 416, 461)),
        ("most;", (421, 451, 458, 463)),
        ("bring", (465, 450, 500, 464)),
        ("seeds", (505, 450, 546, 461)),
        ("back", (551, 450, 584, 461)),
        ("in", (589, 450, 600, 461)),
        ("autumn.", (605, 451, 663, 461)),
    ],
)


def test_a_look_alike_is_read_as_its_column_reads() -> None:
    """A column of shelf codes, each a capital and a figure: "Al", "Bl" and "cl" among them are
    "A1", "B1" and "C1", as a person reading down the column takes them."""
    codes = [r[-1] for r in _texts(SEEDS)[1:]]
    assert codes[:5] == ["A1", "A1", "A2", "A2", "B1"] and codes[-4:] == ["B2", "B2", "C1", "C1"]


def test_the_note_and_buttons_under_a_table_are_no_rows_of_it() -> None:
    """Its rows stand 25 pixels apart; the note 34 below the last and the buttons 34 below the note
    (close enough to run on) were read as its last two rows, "Take two, packets at most; ..."."""
    rows = _texts(SEEDS)
    assert rows[-1][0] == "S-10" and len(rows) == 11


def test_two_columns_of_lone_figures_are_no_dial() -> None:
    """table-qt-striped-loans, live: the renewals column ("0, 1, 0, 0, 1, 0") and two days of the
    date column beside it, each a lone figure, fitted a circle: read as "Dial: 0, 1, 0 ..." after
    the table, the rows without them. Round a circle, numbers stand in three columns at least."""
    figures = [("0", 287), ("1", 314), ("0", 337), ("0", 412), ("1", 437), ("0", 462)]
    lines = _lines(*[[(t, (1009, y, 1017, y + 14))] for t, y in figures])
    lines += _lines([("27", (755, 387, 770, 401))], [("3", (755, 437, 762, 451))])
    dial, rest = find_dial(lines)
    assert dial is None and rest == lines


# dlg-zenity-file-chooser (GtkFileChooser), tesseract's lines: each file's icon read "a" beside some
# names, one of them a row of its own between "pancakes.odt" and "photos".
FILES = _lines(
    [("Name", (728, 293, 769, 306))],
    [("v", (1380, 297, 1390, 302)), ("Size", (1407, 294, 1437, 304))],
    [("Type", (1486, 295, 1521, 307))],
    [("Modified", (1572, 292, 1634, 306))],
    [("apple-crumble.txt", (752, 315, 867, 335))],
    [("2.1", (1409, 318, 1427, 329)), ("kB", (1433, 318, 1448, 329))],
    [("Text", (1488, 320, 1515, 329))],
    [("14", (1572, 320, 1587, 329)), ("Oct", (1592, 320, 1613, 329)), ("2023", (1618, 320, 1648, 329))],
    [("bread-rolls.md", (752, 333, 845, 359))],
    [("3.5", (1409, 341, 1427, 352)), ("kB", (1433, 341, 1448, 352))],
    [("Text", (1492, 341, 1516, 354))],
    [("2", (1572, 343, 1578, 352)), ("Nov", (1584, 343, 1608, 352)), ("2023", (1614, 343, 1644, 352))],
    [("fish-pie.pdf", (751, 362, 830, 380))],
    [("a", (731, 369, 736, 375))],
    [("184.3", (1409, 364, 1443, 375)), ("kB", (1449, 364, 1464, 375))],
    [("Document", (1491, 364, 1557, 377))],
    [("21", (1571, 364, 1589, 377)), ("Jun", (1589, 364, 1613, 380))],
    [("2023", (1616, 366, 1646, 375))],
    [("lentil-soup.txt", (752, 380, 842, 404))],
    [("1.2", (1409, 387, 1429, 400)), ("kB", (1432, 385, 1449, 400))],
    [("Text", (1488, 389, 1515, 398))],
    [("30", (1572, 389, 1587, 398)), ("Jan", (1590, 389, 1610, 401)), ("2023", (1616, 389, 1646, 398))],
    [("pancakes.odt", (753, 408, 842, 426))],
    [("a", (731, 415, 736, 421))],
    [("24.6", (1409, 412, 1435, 421)), ("kB", (1441, 410, 1456, 421))],
    [
        ("Document", (1489, 412, 1555, 421)),
        ("21", (1572, 412, 1586, 421)),
        ("Feb", (1592, 410, 1614, 421)),
        ("2023", (1619, 412, 1649, 421)),
    ],
    [("a", (731, 431, 736, 437))],
    [("photos", (752, 433, 794, 447))],
    [("9", (1572, 435, 1579, 444)), ("Sep", (1584, 435, 1607, 447)), ("2023", (1612, 435, 1642, 444))],
    [("shopping-list.txt", (751, 453, 857, 473))],
    [("312", (1409, 458, 1431, 467)), ("bytes", (1437, 456, 1471, 470)), ("Text", (1488, 458, 1515, 467))],
    [("1", (1572, 458, 1578, 467)), ("Dec", (1584, 458, 1607, 467)), ("2023", (1613, 458, 1643, 467))],
)


def test_a_stray_mark_between_two_rows_does_not_end_the_table() -> None:
    """The icon's "a" under "pancakes.odt", a row of its own off to the side, overlapped neither
    row beside it: the table ended there, and its last two rows were read down their columns,
    "photos. shopping-list.txt. 312 bytes Text. 9 Sep 2023 1 Dec 2023"."""
    rows = _texts(FILES)
    assert ["photos", "9 Sep 2023"] in rows
    assert rows[-1] == ["shopping-list.txt", "312 bytes", "Text", "1 Dec 2023"]


# table-qt-striped-loans (Qt table, DejaVu Sans): the header as tesseract read it, "Borrowed Dueback
# Renewals" one line, over right-aligned renewals one digit wide; four rows of the body.
LOANS = _lines(
    [("Title", (513, 264, 543, 276))],
    [("Author", (663, 263, 711, 282))],
    [
        ("Borrowed", (762, 265, 830, 276)),
        ("Dueback", (852, 265, 918, 276)),
        ("Renewals", (940, 265, 1008, 276)),
    ],
    [("Small", (438, 313, 474, 324)), ("Island", (480, 313, 518, 324))],
    [("Andrea", (626, 313, 674, 324)), ("Levy", (679, 314, 710, 327))],
    [("14", (755, 314, 770, 324)), ("May", (776, 314, 803, 327))],
    [("4", (846, 312, 853, 326)), ("Jun", (859, 312, 879, 326))],
    [("1", (1008, 314, 1015, 324))],
    [("Ruth", (627, 338, 657, 349)), ("Ozeki", (662, 338, 699, 349))],
    [("A", (437, 339, 447, 349)), ("Tale", (450, 338, 477, 349))],
    [("20", (754, 339, 770, 349)), ("May", (776, 339, 803, 352))],
    [("10", (845, 339, 860, 349)), ("Jun", (865, 339, 888, 349))],
    [("0", (1009, 337, 1017, 351))],
    [("The", (437, 363, 462, 374)), ("Remains", (468, 363, 525, 374))],
    [("Kazuo", (627, 364, 668, 374)), ("Ishiguro", (674, 363, 725, 377))],
    [("22", (755, 364, 770, 374)), ("May", (776, 364, 803, 377))],
    [("12", (845, 364, 860, 374)), ("Jun", (865, 364, 888, 374))],
    [("2", (1008, 364, 1015, 374))],
    [("Lessons", (438, 389, 492, 400)), ("in", (498, 388, 508, 399))],
    [("Bonnie", (627, 388, 672, 400)), ("Garmus", (677, 389, 730, 400))],
    [("27", (754, 387, 770, 401)), ("May", (776, 389, 803, 402))],
    [("17", (845, 389, 860, 400)), ("Jun", (865, 389, 888, 400))],
)


def test_a_header_wider_than_its_column_names_that_column() -> None:
    """ "Renewals", centred over figures one digit wide, has its middle in the gutter left of them:
    it went to the column before, and the header was read "Dueback Renewals", one name. A word in
    a gutter goes to the nearer column."""
    assert _texts(LOANS)[0] == ["Title", "Author", "Borrowed", "Dueback", "Renewals"]


# dlg-zenity-file-chooser on the live path (GTK, DejaVu Sans): each file's icon read "a", a little
# lower than its name and much shorter.
CHOOSER = _lines(
    *[
        [(t, b)]
        for t, b in [
            ("bread-rolls.md", (752, 333, 845, 360)),
            ("3.5 kB", (1409, 339, 1448, 354)),
            ("Text", (1491, 341, 1516, 354)),
            ("2 Nov 2023", (1572, 343, 1644, 352)),
            ("fish-pie.pdf", (751, 362, 826, 380)),
            ("184.3 kB", (1409, 364, 1464, 375)),
            ("Document", (1489, 366, 1555, 375)),
            ("2023", (1616, 366, 1646, 375)),
            ("a", (731, 368, 736, 375)),
            ("21_Jun", (1575, 364, 1612, 379)),
            ("lentil-soup.txt", (752, 385, 845, 403)),
            ("12kB", (1409, 387, 1448, 398)),
            ("Text", (1491, 387, 1516, 400)),
            ("30 Jan 2023", (1572, 388, 1646, 401)),
            ("pancakes.odt", (752, 408, 839, 426)),
            ("24.6 kB", (1409, 410, 1456, 421)),
            ("Document", (1489, 412, 1555, 421)),
            ("21 Feb 2023", (1572, 410, 1649, 421)),
            ("a", (731, 414, 736, 421)),
            ("photos", (752, 433, 794, 447)),
            ("9 Sep 2023", (1572, 434, 1642, 447)),
            ("shopping-list.txt", (751, 453, 857, 473)),
            ("312 bytes", (1407, 454, 1472, 472)),
            ("Text", (1488, 458, 1515, 467)),
            ("1 Dec 2023", (1572, 458, 1643, 467)),
        ]
    ]
)


def test_a_mark_within_a_rows_band_is_of_that_row() -> None:
    """An icon read "a", within the band of its file's row but too short to be taken for its text,
    was a row of its own: it took the row's date ("21_Jun", tall enough for either band), so the
    row was read in two, and under the last file it ended the table ("photos. shopping-list.txt.
    312 bytes. Text. 9 Sep 2023 1 Dec 2023")."""
    grids, _ = find_grids(CHOOSER, prompts_apart=True)
    assert len(grids) == 1
    rows = [[c.text for c in r.cells] for r in grids[0].rows]
    assert rows[1][-4:] == ["fish-pie.pdf", "184.3 kB", "Document", "21_Jun 2023"]  # (after its "a")
    assert rows[-1] == ["shopping-list.txt", "312 bytes", "Text", "1 Dec 2023"]
    assert len(rows) == 6


def test_a_selected_rows_lone_figure_is_looked_at_on_its_own_ground() -> None:
    """The selected row (white on blue) had lost its lone "2": the band round the row reaches the
    white of the row below, a strip of "ink" to the blue, the whole gap wide, which outweighed the
    digit. The band ends where the ground changes all the way across; the "0" of the row under it,
    boxed a pixel off by the engine where it was read, is that reading's copy."""
    with Image.open(SCREENS / "table-qt-striped-loans.png") as image:
        gray = np.asarray(image.convert("L"))
    lines = [ln for ln in LOANS if ln.text != "2"]
    cells = {box: figures for box, figures, _ in gap_cells(gray, lines)}
    assert cells.get((1008, 364, 1015, 374)) is True  # the "2", where the "1" and "0" stand
    words = [w for ln in LOANS for w in ln.words]
    copy = same_ink(gray, (1008, 389, 1015, 399), words)
    assert copy is not None and copy.text == "0"


@pytest.mark.skipif(not tesseract_available(), reason="tesseract not installed")
def test_light_text_on_a_mid_grey_ground_is_read() -> None:
    """A snippet is made dark on white from its commonest grey, not its median: cut to a white
    "2" on a selected row's blue, the median was a mix of the two (150), the snippet was left
    light on grey, and the engine read nothing."""
    with Image.open(SCREENS / "table-qt-striped-loans.png") as image:
        gray = np.asarray(image.convert("L"))
    read = read_snippets(TesseractEngine(), gray, [(1008, 364, 1015, 374)], height=SNIPPET_HEIGHT)
    assert [line.text for _, line, _ in read] == ["2"]


# term-mc-fira-modarin on the live path (mc in Fira Mono, a panel's Size and Modify time): tesseract
# also boxed the top half of one "2024" apart, read "292".
MC_DATES = _lines(
    [("4096", (1494, 219, 1528, 230)), ("Jan", (1539, 219, 1563, 229)), ("5", (1584, 219, 1590, 229))],
    [("4096", (1494, 237, 1528, 248)), ("Apr", (1538, 237, 1564, 250)), ("28", (1574, 237, 1591, 247))],
    [("61220", (1485, 255, 1527, 265)), ("Mar", (1538, 255, 1563, 265)), ("12", (1576, 255, 1590, 265))],
    [("59874", (1485, 273, 1527, 284)), ("Mar", (1538, 273, 1563, 283)), ("19", (1576, 273, 1590, 284))],
    [("2024", (1606, 217, 1647, 231))],
    [("2024", (1608, 235, 1647, 249))],
    [("292", (1611, 253, 1636, 259))],
    [("2024", (1607, 253, 1648, 267))],
    [("2024", (1609, 271, 1646, 285))],
)


def test_a_fragment_row_is_not_looked_at_for_lost_cells() -> None:
    """The fragment "292", a row of its own half as tall as the others, has the next row's text
    in its band: looked at as that row's lost cells, "12" was read again as "19" and put in."""
    with Image.open(SCREENS / "term-mc-fira-modarin.png") as image:
        gray = np.asarray(image.convert("L"))
    assert not [box for box, _, _ in gap_cells(gray, MC_DATES) if 250 <= box[1] <= 262]


# table-zenity-light-parcels (GTK list, DejaVu Sans): a header of two words over right-aligned
# weights, the second word in the gutter, nearer the next column.
PARCELS = _lines(
    [("Tracking", (620, 324, 683, 337))],
    [("To", (717, 323, 732, 336))],
    [("Weight", (775, 324, 826, 337)), ("(kg)", (833, 324, 861, 337))],
    [("Service", (895, 324, 950, 334))],
    *[
        [(code, (620, y, 680, y + 11)), (town, (715, y, 755, y + 11)), (kg, (773, y + 2, 792, y + 11))]
        for y, code, town, kg in [
            (348, "EB-40211", "Leeds", "2.4"),
            (371, "EB-40212", "Bristol", "0.8"),
            (442, "EB-40220", "Exeter", "5.6"),
            (463, "EB-40224", "Dundee", "3.3"),
        ]
    ],
    *[[("Standard", (893, y, 949, y + 11))] for y in (348, 371, 442, 463)],
)


def test_a_headers_second_word_stays_with_the_first() -> None:
    """ "(kg)", a word space after "Weight" but nearer the next column than the weights' own, was
    put over the next column: "Weight, (kg) Service". A gutter's word goes to the nearer column
    only when it stands apart from the word before it."""
    assert _texts(PARCELS)[0] == ["Tracking", "To", "Weight (kg)", "Service"]
