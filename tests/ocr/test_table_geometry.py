"""Tables found from their own geometry on real screenshots of half A (datasets/screens), with the
boxes tesseract returned there: cells cut at the gutters whatever the engine made of a line, a
header of two rows, greyed-out cells and a row the engine lost whole."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord, overlap_share
from assistant.ocr.dials import find_dial
from assistant.ocr.gap_reading import (
    SNIPPET_HEIGHT,
    _accepted,
    _filled,
    _rule_cuts_read,
    fill_gaps,
    read_snippets,
    same_ink,
)
from assistant.ocr.gaps import _ink_cells, empty_cells, gap_cells
from assistant.ocr.grid import GridConfig, cells_of, find_grids
from assistant.ocr.rule_cuts import Found, cut_at_rules, cut_word, rule_through
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG

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


# page-shop-orders-filters (file path): a bar of controls (a drop-down, two dates, a search field, a
# check box, two buttons) and a count over an orders table, as tesseract boxed them.
SHOP = _lines(
    [
        ("Status", (239, 211, 277, 232)),
        ("Awaiting", (303, 217, 352, 229)),
        ("dispatch", (359, 216, 407, 228)),
    ],
    [("Placed", (446, 214, 485, 225)), ("from", (492, 211, 519, 232))],
    [("01/05/2024", (544, 213, 610, 228))],
    [("to", (653, 215, 665, 225))],
    [("31/05/2024", (686, 213, 753, 228))],
    [("search", (809, 215, 847, 225)), ("customer", (852, 217, 901, 225)), ("or", (908, 218, 917, 225))],
    [("Gift", (1069, 215, 1091, 226)), ("orders", (1095, 215, 1134, 226)), ("only", (1139, 215, 1165, 229))],
    [("Apply", (1195, 213, 1229, 229))],
    [("Clear", (1279, 215, 1311, 225)), ("filters", (1315, 215, 1347, 225))],
    [
        ("Showing", (226, 261, 274, 273)),
        ("8", (279, 262, 285, 271)),
        ("of", (289, 261, 300, 271)),
        ("143", (305, 262, 324, 271)),
        ("orders", (329, 261, 364, 271)),
    ],
    *[
        [(t, box)]
        for t, box in [
            ("Order", (237, 296, 275, 307)),
            ("Placed", (309, 296, 352, 307)),
            ("Customer", (378, 296, 443, 307)),
            ("Items", (499, 296, 537, 307)),
            ("Total", (562, 296, 595, 307)),
        ]
    ],
    [("Payment", (632, 296, 689, 307)), ("Status", (712, 296, 756, 307))],
    *[
        [(t, (x0, y, x1, y + 12))]
        for y, row in [
            (327, ["#10482", "28 May", "Greta Lindholm", "3", "64.20", "Card", "Awaiting dispatch"]),
            (356, ["#10479", "27 May", "Tomasz Wrona", "1", "18.50", "PayPal", "Awaiting dispatch"]),
            (386, ["#10477", "27 May", "Amara Okoye", "5", "112.00", "Card", "Awaiting dispatch"]),
        ]
        for t, (x0, x1) in zip(
            row,
            [(237, 283), (308, 354), (378, 470), (531, 537), (563, 604), (629, 670), (711, 820)],
            strict=True,
        )
    ],
)


def test_a_bar_of_controls_over_a_table_is_no_row_of_it() -> None:
    """The filter bar lies over the table's columns and runs on past them (a search field, a check
    box and two buttons where no row has a word): it and the count under it ("Showing 8 of 143
    orders", two of the seven columns) were read as the table's first rows. The header is its top."""
    rows = _texts(SHOP)
    assert rows[0] == ["Order", "Placed", "Customer", "Items", "Total", "Payment", "Status"]
    assert len(rows) == 4


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
    with Image.open(SCREEN_PNG / "dlg-zenity-calendar-sale.png") as image:
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
    with Image.open(SCREEN_PNG / "table-qt-striped-loans.png") as image:
        gray = np.asarray(image.convert("L"))
    lines = [ln for ln in LOANS if ln.text != "2"]
    two = (1008, 364, 1015, 374)  # the "2", where the "1" and "0" stand
    assert any(figures and overlap_share(box, two) > 0.5 for box, figures, _ in gap_cells(gray, lines))
    words = [w for ln in LOANS for w in ln.words]
    copy = same_ink(gray, (1008, 389, 1015, 399), words)
    assert copy is not None and copy.text == "0"


@pytest.mark.skipif(not tesseract_available(), reason="tesseract not installed")
def test_light_text_on_a_mid_grey_ground_is_read() -> None:
    """A snippet is made dark on white from its commonest grey, not its median: cut to a white
    "2" on a selected row's blue, the median was a mix of the two (150), the snippet was left
    light on grey, and the engine read nothing."""
    with Image.open(SCREEN_PNG / "table-qt-striped-loans.png") as image:
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
    with Image.open(SCREEN_PNG / "term-mc-fira-modarin.png") as image:
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


def _gray(name: str) -> np.ndarray:
    with Image.open(SCREEN_PNG / f"{name}.png") as image:
        return np.asarray(image.convert("L"))


def test_a_word_read_across_a_tables_rule_is_cut_there() -> None:
    """A bordered Qt table's row number and date, a rule between them, came back as one word
    ("509/05"): the date was in no column. A Tk header's divider read as "|" ran two names together
    ("Packets|Sown"). Each is cut at the rule; a word no rule runs through is left whole."""
    fuel = _gray("table-qt-fuel-rownums")
    cut = [w.text for w in cut_word(fuel, OcrWord("509/05", (191, 309, 247, 321), 0.9))]
    assert cut == ["5", "09/05"]
    cut = [w.text for w in cut_word(fuel, OcrWord("1022/05", (186, 448, 247, 461), 0.9))]
    assert cut == ["10", "22/05"]
    assert [w.text for w in cut_word(fuel, OcrWord("1.689", (407, 310, 434, 320), 0.9))] == ["1.689"]
    seeds = _gray("table-tk-striped-seeds")
    cut = [w.text for w in cut_word(seeds, OcrWord("Packets|Sown", (474, 166, 585, 177), 0.9))]
    assert cut == ["Packets", "Sown"]


def test_the_rule_found_through_a_word_left_whole_is_handed_back() -> None:
    """What cut_at_rules found through each word it left whole is what rule_through finds when
    asked again (the gaps stage asks it of every such word): the frame beside "7" of "715/05", no
    rule through "1.689" or "Van"; a word it cut is not among them."""
    fuel = _gray("table-qt-fuel-rownums")
    lines = _lines(
        [("509/05", (191, 309, 247, 321)), ("Van", (263, 309, 284, 321))],
        [("715/05", (193, 361, 245, 388)), ("1.689", (407, 361, 434, 371))],
    )
    found: Found = {}
    cut = cut_at_rules(fuel, lines, found)
    assert [w.text for w in cut[0].words] == ["5", "09/05", "Van"]
    whole = [w for line in lines for w in line.words if w.text != "509/05"]
    assert set(found) == {id(w) for w in whole}
    assert all(found[id(w)] == rule_through(fuel, w) for w in whole)
    assert found[id(lines[1].words[0])] is not None  # (the frame: a rule the share could not cut at)


def test_a_rule_crossed_by_a_border_still_cuts_a_word() -> None:
    """Where a Qt table's row header meets the rule beside it, each row number's cell border runs
    into the rule, which there differs from one side only; the row number and the first cell,
    read as one word ("2T-07"), are cut all the same. The border is no glyph of the row number's,
    nor is the row header's frame, drawn beside the rule ("715/05": "7" and "15/05" or whole)."""
    tinos = _gray("table-qt-rownums-tinos")
    assert [w.text for w in cut_word(tinos, OcrWord("2T-07", (435, 261, 483, 286), 0.9))] == ["2", "T-07"]
    fuel = _gray("table-qt-fuel-rownums")
    cut = [w.text for w in cut_word(fuel, OcrWord("715/05", (193, 361, 245, 388), 0.9))]
    assert cut in (["715/05"], ["7", "15/05"])


@pytest.mark.skipif(not tesseract_available(), reason="tesseract not installed")
def test_a_word_cut_at_a_rule_is_read_again_in_pieces() -> None:
    """Read across the rule, the first cell's "T" beside it came back "7" ("97-25" for "9" and
    "T-25"); the piece alone is read right. A word the ink's share could not cut (the row header's
    frame beside "7" of "715/05") is cut where a side alone reads as its end ("15/05")."""
    engine = TesseractEngine()
    for name, word, pieces in [
        ("table-qt-rownums-tinos", OcrWord("97-25", (436, 446, 478, 465), 0.9), ["9", "T-25"]),
        ("table-qt-fuel-rownums", OcrWord("715/05", (193, 361, 245, 388), 0.9), ["7", "15/05"]),
    ]:
        gray, lines = _gray(name), [OcrLine.of([word])]
        cut = _rule_cuts_read(engine, gray, lines, cut_at_rules(gray, lines))
        assert [w.text for w in cut[0].words] == pieces


# table-qt-fuel-rownums (file path): a bordered table with row numbers; the engine read some rows'
# number and date as one word, and lost the date of others beside their number.
FUEL = _lines(
    [("Date", (222, 173, 247, 183)), ("Vehicle", (274, 172, 313, 183)), ("Litres", (338, 172, 366, 183))],
    [("102/05", (190, 196, 247, 210)), ("Van", (263, 197, 284, 209)), ("1", (289, 197, 298, 209))],
    [("61.4", (347, 196, 377, 209)), ("1.689", (402, 196, 437, 209))],
    [("2", (190, 224, 195, 240))],
    [("Van", (266, 225, 284, 237)), ("2", (287, 225, 293, 237))],
    [("48.0", (351, 215, 380, 248)), ("1.699", (400, 215, 440, 248))],
    [("3", (192, 252, 197, 268))],
    [("Vana", (265, 255, 294, 263))],
    [("58.9", (348, 252, 377, 265)), ("1.679", (403, 252, 438, 265))],
    [("4", (191, 280, 196, 296))],
    [("08/05", (205, 272, 241, 292))],
    [("Car", (268, 281, 284, 293))],
    [("35.2", (346, 271, 380, 304)), ("1.719", (401, 281, 435, 293))],
)


def test_a_lost_cell_beside_a_rule_is_looked_at() -> None:
    """The rule between a bordered table's row numbers and its dates, inked from the top of a
    row's band to its bottom, joined the lost date beside it into one run of ink taken for a
    border, and the date was never looked at. The rule is no cell's ink."""
    gray = _gray("table-qt-fuel-rownums")
    boxes = [box for box, _, _ in gap_cells(gray, FUEL)]
    for date in [(210, 226, 241, 235), (210, 254, 241, 263)]:  # 03/05 and 06/05, as drawn
        assert any(overlap_share(date, box) > 0.8 for box in boxes)


# term-htop-jetbrains-light, live path: htop's NI column of "0"s in grey, the engine read two of
# them (one at 0.61) and left the rest.
HTOP_NI = _lines(
    *[
        [(t, b)]
        for t, b in [
            ("PID", (96, 175, 118, 186)),
            ("USER", (127, 175, 158, 186)),
            ("PRI", (217, 174, 239, 187)),
            ("NI", (256, 174, 271, 187)),
            ("VIRT", (287, 176, 318, 185)),
            ("1", (112, 193, 118, 202)),
            ("root", (128, 193, 158, 202)),
            ("20", (224, 193, 238, 202)),
            ("0", (264, 191, 271, 204)),
            ("4624", (288, 193, 317, 202)),
            ("3", (112, 210, 117, 219)),
            ("www-data", (127, 210, 189, 219)),
            ("20", (224, 210, 238, 219)),
            ("25688", (280, 210, 318, 219)),
            ("4", (112, 227, 117, 236)),
            ("nobody", (128, 227, 174, 238)),
            ("20", (224, 227, 238, 236)),
            ("2920", (288, 227, 318, 236)),
            ("5", (112, 244, 118, 253)),
            ("daemon", (128, 244, 173, 253)),
            ("20", (224, 244, 238, 253)),
            ("2952", (288, 244, 318, 253)),
        ]
    ],
    [("0", (264, 210, 269, 219))],
)
for line in HTOP_NI[-1:]:  # the engine's "0" on the third row, read unsurely
    line.words[0] = OcrWord("0", line.box, 0.61)


def test_a_column_headed_by_a_name_is_still_one_of_figures() -> None:
    """htop's "NI" over its "0"s made the column one of words, so a lone "0" left unread was not
    read again as a figure; and the engine's "0" at 0.61 was too unsure to copy, though its ink is
    the gap's, pixel for pixel, in the same column. The column's name is left out of what it
    holds, and a word read in the gap's own column vouches for its copy."""
    gray = _gray("term-htop-jetbrains-light")
    cells = gap_cells(gray, HTOP_NI)
    lost = [(box, figures) for box, figures, _ in cells if 255 <= box[0] <= 272]
    assert len(lost) >= 2 and all(figures for _, figures in lost)  # (and the row under the grid)
    words = [w for ln in HTOP_NI for w in ln.words]
    for box, _ in lost:
        copy = same_ink(gray, box, words)
        assert copy is not None and copy.text == "0"


# term-top-colour-fantasque, live path: top's rows in dark red on navy, about 20 grey levels off
# their ground; the engine read some of the NI column's "0"s and left the rest.
TOP_NI = _lines(
    [("PR", (229, 182, 243, 192)), ("NI", (260, 182, 274, 192))],
    [("VIRT", (308, 182, 339, 192))],
    [("1", (133, 198, 137, 208)), ("root", (149, 198, 179, 208))],
    [("20", (228, 195, 244, 211))],
    [("4624", (309, 198, 339, 208))],
    [("3", (133, 213, 139, 224)), ("www-data", (148, 213, 211, 224))],
    [("20", (228, 210, 244, 227))],
    [("25688", (301, 213, 339, 224))],
    [("6", (133, 246, 139, 256)), ("daemon", (148, 245, 195, 256))],
    [("20", (228, 243, 244, 259))],
    [("0", (268, 243, 276, 259))],
    [("2952", (309, 243, 341, 259))],
    [("7", (133, 262, 139, 272)), ("backup", (149, 261, 195, 275))],
    [("20", (228, 259, 244, 275))],
    [("2920", (309, 262, 339, 272))],
)


@pytest.mark.skipif(not tesseract_available(), reason="tesseract not installed")
def test_a_lost_cell_told_from_its_ground_by_colour_alone_is_read() -> None:
    """A red "0" on navy is as dark as its ground in grey: the rows whose "0" the engine left
    unread showed no ink there (or faint ink at most), and were read a column short. With the
    picture's colours each is found, and taken as the "0" read in the other rows, whose ink it is
    pixel for pixel (a cell found by colour alone is not read on the sheet)."""
    with Image.open(SCREEN_PNG / "term-top-colour-fantasque.png") as image:
        picture = image.convert("RGB")
    gray = np.asarray(picture.convert("L"))
    lost = [c for c in empty_cells(gray, TOP_NI, None, picture) if 262 <= c.box[0] <= 276]
    assert sorted(c.box[1] // 16 for c in lost) == [12, 13, 16]  # the rows of PIDs 1, 3 and 7
    grey = {c.box for c in empty_cells(gray, TOP_NI, None) if 262 <= c.box[0] <= 276}  # (as faint ink)
    assert len(grey) < len(lost) and all(c.coloured for c in lost if c.box not in grey)
    found = fill_gaps(picture, TOP_NI, TesseractEngine())[len(TOP_NI) :]
    assert sorted((ln.box[1] // 16, ln.text) for ln in found if 262 <= ln.box[0] <= 276) == [
        (12, "0"),
        (13, "0"),
        (16, "0"),
    ]


# calc-tk-dark-flat and calc-xcalc-dark-9x15 (file path): keys as the engine read them.
TK_KEYS = _lines(
    [("MC", (521, 231, 552, 259))],
    [("MR", (601, 238, 631, 253))],
    [("MS", (683, 238, 712, 253))],
    [("M-", (773, 231, 798, 259))],
    [("x²", (609, 273, 631, 301))],
    [("1/x", (685, 272, 717, 301))],
    *[
        [(k, (x, y, x + 13, y + 28))]
        for y, row in [(315, "789"), (357, "456"), (399, "123")]
        for k, x in zip(row, (528, 609, 692), strict=True)
    ],
)
XCALC_KEYS = _lines(
    [("1/x", (493, 210, 518, 232))],
    [("x2", (541, 210, 556, 232))],
    [("CE/C", (620, 210, 657, 232))],
    [("AC", (667, 210, 696, 232))],
    [("INV", (493, 240, 518, 262))],
    [("sin", (536, 246, 562, 256)), ("cos", (580, 249, 606, 256))],
    [("tan", (618, 240, 656, 262))],
    [("DRG", (662, 240, 700, 262))],
    *[
        [(k, (x, y, x + 20, y + 22))]
        for y, row in [(270, "e789"), (300, "a456"), (330, "b123")]
        for k, x in zip(row, (495, 542, 581, 624), strict=True)
    ],
)


def test_each_key_of_a_keypad_is_a_cell() -> None:
    """Two keys were said as one ("MS M-", "CE/C AC", "sin cos"): the one key read in a column
    went into the column before it, xcalc's keys stand closer than a gutter, and an engine read
    two keys as one line."""
    assert _texts(TK_KEYS)[0] == ["MC", "MR", "MS", "M-"]
    rows = _texts(XCALC_KEYS)
    assert rows[0] == ["1/x", "x2", "CE/C", "AC"]
    assert rows[1] == ["INV", "sin", "cos", "tan", "DRG"]


# calc-xcalc-rpn (file path): xcalc's HP keypad, its tall ENTER key's letters one under another.
RPN = _lines(
    *[
        [(t, b)]
        for t, b in [
            ("e^x", (471, 356, 505, 377)),
            ("10^x", (511, 356, 553, 377)),
            ("y^x", (558, 356, 592, 379)),
            ("1/x", (602, 356, 636, 377)),
            ("CHS", (645, 356, 679, 377)),
            ("7", (696, 356, 714, 377)),
            ("x!", (432, 394, 455, 415)),
            ("π", (480, 398, 494, 414)),
            ("sin", (515, 397, 549, 415)),
            ("cos", (558, 397, 592, 415)),
            ("tan", (602, 395, 636, 415)),
            ("EEX", (645, 394, 679, 415)),
            ("4", (696, 394, 714, 415)),
            ("8", (740, 356, 758, 377)),
            ("9", (783, 356, 801, 377)),
            ("5", (740, 394, 758, 415)),
            ("6", (783, 394, 801, 415)),
            ("*", (827, 394, 845, 411)),
            ("2", (740, 431, 758, 452)),
            ("3", (783, 431, 801, 452)),
            ("SUM", (775, 469, 809, 490)),
            ("E", (656, 430, 667, 443)),
            ("<-", (607, 431, 631, 452)),
            ("1", (696, 431, 713, 452)),
            ("x:y", (558, 433, 592, 454)),
            ("Rv", (525, 437, 538, 446)),
            ("N", (656, 442, 667, 455)),
            ("T", (656, 454, 667, 467)),
            ("E", (656, 466, 667, 479)),
            ("ON", (432, 469, 458, 490)),
            ("DRG", (471, 469, 505, 490)),
            ("INV", (515, 469, 549, 490)),
            ("STO", (558, 469, 592, 490)),
            ("RCL", (602, 469, 636, 490)),
            ("0", (696, 469, 714, 490)),
            ("R", (656, 478, 667, 491)),
        ]
    ]
)


def test_a_keypad_with_a_tall_key_written_downwards_is_read_by_rows() -> None:
    """xcalc's ENTER key is two rows tall, its letters one under another: each letter a row of its
    own, they cut the keypad's rows apart, no grid was found, and the keys were read column by
    column ("7 4 1 0"). The letters are one line, read down, and the keys above are a keypad. The
    "x:y" key, boxed 21 pixels high, is of its row, for all that its "Rv" is boxed 9 high."""
    grids, rest = find_grids(RPN, prompts_apart=True)
    assert grids and grids[0].kind == "keys"
    rows = [[c.text for c in r.cells] for r in grids[0].rows]
    assert rows[0][:3] == ["e^x", "10^x", "y^x"] and rows[2] == ["Rv", "x:y", "<-", "1", "2", "3"]
    assert "E N T E R" in [ln.text for ln in rest] + [c.text for g in grids for r in g.rows for c in r.cells]


HEADER = _lines(*[[(t, b)] for t, b in [("Name", (728, 293, 767, 306)), ("Size", (1407, 294, 1437, 304))]])
HEADER += _lines(
    *[[(t, b)] for t, b in [("Type", (1486, 295, 1521, 307)), ("Modified", (1572, 292, 1632, 306))]]
)


@pytest.mark.skipif(not tesseract_available(), reason="tesseract not installed")
def test_a_headers_sort_arrow_is_not_read_as_a_word() -> None:
    """GTK's sort arrow beside "Size", 10 by 5 pixels among words 11 tall, was read "a» 4" as the
    header's lost cell and broke the header row ("Name, a» 4 Size"). Ink that short is a mark."""
    with Image.open(SCREEN_PNG / "dlg-zenity-file-chooser.png") as image:
        gray = np.asarray(image.convert("L"))
    lines = HEADER + CHOOSER
    cells = empty_cells(gray, lines, None)
    assert any(c.box[0] < 1400 and c.box[1] < 310 for c in cells)  # the arrow, looked at
    read = _filled(TesseractEngine(), gray, cells)
    assert not [ln.text for ln in read if ln.box[1] < 310 and ln.box[0] < 1400]


#: calc-tk's key labels (ink boxes), its "=" key left out as if the engine had lost it.
KEY_LABELS = [
    OcrWord(t, b, 0.95)
    for t, b in [
        ("MC", (534, 271, 561, 285)), ("MR", (604, 271, 632, 285)), ("M+", (673, 271, 702, 285)),
        ("C", (752, 271, 763, 285)), ("7", (544, 313, 553, 327)), ("8", (613, 313, 623, 327)),
        ("9", (683, 313, 693, 327)), ("÷", (752, 316, 764, 325)), ("4", (543, 355, 553, 369)),
        ("5", (614, 355, 623, 369)), ("6", (683, 355, 693, 369)), ("×", (753, 358, 763, 368)),
        ("1", (544, 397, 553, 411)), ("2", (613, 397, 622, 411)), ("3", (684, 397, 693, 411)),
        ("0", (543, 439, 553, 453)), ("+", (752, 441, 764, 453)),
    ]
]  # fmt: skip


def test_a_lost_keys_short_sign_is_a_cell_not_a_mark() -> None:
    """A key's lone "=" is under half its keypad's label height (6 of 14 pixels), as short as a
    header's sort arrow. Short ink is a mark only where a mark stands (the grid's top row, a column
    no other row fills, a band's edge); under the "9", "6", "3" keys the "=" is a cell, read again."""
    with Image.open(SCREEN_PNG / "calc-tk.png") as image:
        gray = np.asarray(image.convert("L"))
    band = (662, 432, 714, 460)  # inside the "=" key, round its label
    cells = _ink_cells(gray, band, 14, KEY_LABELS, lambda _: True, ruled=True)
    assert len(cells) == 1 and overlap_share(cells[0].box, (682, 444, 694, 450)) > 0.8
    assert not cells[0].mark
    assert _ink_cells(gray, band, 14, KEY_LABELS, lambda _: True, head=True, ruled=True)[0].mark


def test_a_number_is_vouched_for_by_a_number_as_long_in_its_column() -> None:
    """A narrow column of tram lines lost four of its five figures; read again, each "7" came back
    at 0.59, under the bar, and the column (its name and one "3") held no "7" to vouch for it. A
    one-digit number vouches for a one-digit reading; a word or a longer number does not."""
    box = (345, 296, 352, 306)  # table-jwm-chromium-depot-pair, live: a lost "7" under "Line"
    assert _accepted("7", 0.594, box, False, frozenset({"Line", "3"})) == "7"
    assert _accepted("7", 0.594, box, False, frozenset({"Line", "12"})) is None
    assert _accepted("7a", 0.594, box, False, frozenset({"Line", "3"})) is None
    assert _accepted("7", 0.25, box, False, frozenset({"Line", "3"})) is None


def test_a_heading_with_one_loose_box_is_cut_at_its_gutters() -> None:
    """A ttk heading read as one line (table-jwm-top-tk-trams, live): "Tram" boxed 21 pixels tall
    with the heading's sunken edge, the other names 12. Gutters measured by the line's box (25 px
    under 1.5 x 21) were word spaces, the heading one cell, and no header of the table."""
    words = [("Tram", (543, 294, 585, 315)), ("Line", (611, 297, 644, 309)), ("Depot", (669, 294, 715, 315))]
    words += [("Km", (740, 297, 765, 309)), ("this", (771, 297, 801, 309)), ("week", (806, 297, 846, 309))]
    words += [("Next", (871, 297, 905, 309)), ("service", (912, 297, 967, 309))]
    (line,) = _lines(words)
    cells = [c.text for c in cells_of(line, GridConfig())]
    assert cells == ["Tram", "Line", "Depot", "Km this week", "Next service"]


def test_a_header_name_read_as_two_lines_is_one_cell() -> None:
    """multi-page-dialog-qt (live): the header's "Booked until" came back as two lines, "Seats
    Projector Booked" and "until", 6 pixels apart. Cut at its gutters (:func:`cells_of`), each cell
    in a column of its own was left as it was, "until" past the last column a cell of its own, and
    the header said "Booked, until"; taken along the row, "until" follows "Booked" a word space
    after it and is read on with it."""
    lines = _lines(
        [("Room", (101, 187, 138, 201))],
        [("Building", (178, 188, 236, 202))],
        [
            ("Seats", (263, 187, 302, 201)),
            ("Projector", (327, 186, 391, 204)),
            ("Booked", (416, 186, 468, 201)),
        ],
        [("until", (474, 186, 507, 201))],
        [("Aspen", (98, 220, 140, 233))],
        [("North", (178, 217, 213, 237))],
        [("8", (293, 218, 300, 232))],
        [("yes", (325, 222, 348, 233))],
        [("10:30", (416, 220, 452, 231))],
        [("Birch", (96, 247, 131, 267))],
        [("North", (178, 247, 213, 267))],
        [("12", (286, 249, 301, 263))],
        [("yes", (325, 253, 348, 265))],
        [("free", (415, 250, 440, 261))],
        [("Cedar", (99, 281, 138, 293))],
        [("North", (178, 279, 213, 299))],
        [("4", (293, 282, 301, 293))],
        [("no", (328, 282, 342, 294))],
        [("11:00", (416, 282, 452, 293))],
    )
    assert _texts(lines)[0] == ["Room", "Building", "Seats", "Projector", "Booked until"]


# table-tk-hours-under-dialog on the live path (Tk treeview, white names on a blue heading): the
# engine lost "Thu" and "Total", and read the rows' figures (Mon, Tue, Wed, Thu, Total at these x).
FIGURES_AT = (408, 458, 515, 566, 617)
HOURS = _lines(
    [("Volunteer", (142, 154, 210, 179))],
    [("Team", (266, 154, 299, 179))],
    [("Mon", (390, 155, 418, 179))],
    [("Tuel", (442, 158, 471, 176)), ("Wed", (492, 158, 528, 176))],
    *[
        [(name, (141, y, 210, y + 11)), (team, (265, y, 317, y + 11))]
        + [(n, (x, y, x + 7 * len(n) + 2, y + 11)) for n, x in zip(figures, FIGURES_AT, strict=True) if n]
        for y, name, team, figures in [
            (183, "Amira Haddad", "Kitchen", ["4", "", "3", "5", "12"]),
            (207, "Ben Okafor", "Drivers", ["6", "6", "", "2", "14"]),
            (231, "Chloe Martin", "Front desk", ["3", "3", "3", "3", "12"]),
            (278, "Elena Rossi", "Kitchen", ["5", "", "5", "", "10"]),
            (303, "Farid Nasser", "Drivers", ["2", "4", "6", "4", "16"]),
        ]
    ],
)


def test_a_name_wider_than_the_figures_under_it_is_looked_at_whole() -> None:
    """A gap is where the other rows have words; under "Thu" and "Total" stand one or two figures,
    and the gaps cut to them held "u" and "ta" (read so). The ink the gap's ends cut runs on to the
    whole name, up to the heading's divider."""
    with Image.open(SCREEN_PNG / "table-tk-hours-under-dialog.png") as image:
        gray = np.asarray(image.convert("L"))
    heading = [box for box, _, _ in gap_cells(gray, HOURS) if box[1] < 180]
    assert any(box[0] <= 549 and box[2] >= 575 for box in heading), heading  # "Thu"
    assert any(box[0] <= 602 and 633 <= box[2] < 660 for box in heading), heading  # "Total"


# multi-four-page-st-urxvt-tk on the live path (a Chromium table, white on a blue heading): the
# engine lost "Lane" and "End", and boxed "Start" from the heading's top to its foot.
LANES = _lines(
    [("start", (254, 127, 304, 158))],
    [("Session", (141, 133, 204, 148))],
    [("Coach", (396, 133, 438, 148))],
    [("1", (79, 166, 87, 180))],
    [("Juniors", (140, 167, 201, 178))],
    [("Lina", (396, 167, 430, 178))],
    [("17:00", (255, 168, 298, 178))],
    [("18:00", (325, 168, 368, 178))],
    [("Juniors", (140, 199, 201, 210))],
    [("Oskar", (395, 199, 438, 210))],
    [("2", (79, 200, 86, 210))],
    [("17:00", (255, 200, 298, 210))],
    [("18:00", (325, 200, 368, 210))],
    [("Mira", (395, 231, 430, 242))],
    [("3", (79, 232, 86, 242))],
    [("Masters", (140, 232, 201, 242))],
    [("18:15", (255, 232, 298, 242))],
    [("19:30", (325, 232, 368, 242))],
    [("20:00", (326, 262, 369, 276))],
    [("Open", (140, 264, 174, 277)), ("swim", (185, 263, 220, 274))],
    [("4", (79, 264, 86, 274))],
    [("18:15", (255, 264, 298, 274))],
)


def test_a_heading_that_lost_two_names_is_looked_at_for_them() -> None:
    """A row over a table that leaves out two of its columns is no row of it (a prompt read in
    fragments is not), so the heading with two names lost was never looked at for them; on a bar of
    its own colour right over the table's figures it is."""
    with Image.open(SCREEN_PNG / "multi-four-page-st-urxvt-tk.png") as image:
        gray = np.asarray(image.convert("L"))
    top = find_grids(LANES)[0][0].rows[0]
    assert [c.text for c in top.cells] == ["1", "Juniors", "17:00", "18:00", "Lina"]  # (no heading)
    heading = [box for box, _, _ in gap_cells(gray, LANES) if box[3] < 160]
    assert any(box[0] <= 80 and 110 <= box[2] < 130 for box in heading), heading  # "Lane"
    assert any(box[0] <= 327 and 348 <= box[2] <= 390 for box in heading), heading  # "End"
