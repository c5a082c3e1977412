"""Tables' cells on real screenshots of half A (datasets/screens), with the boxes the engines returned
there: digit groups run together, a short table under its header, a listing's lost cells looked for
on its own pane and copied from the same ink read elsewhere."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.gap_reading import (
    MIN_CONFIDENCE,
    SNIPPET_HEIGHT,
    _cut_at_gutters,
    _filled,
    read_snippets,
    same_ink,
)
from assistant.ocr.gaps import Cell, _ground_turns, _ink_cells, _on_pane, gap_cells
from assistant.ocr.grid import find_grids
from assistant.ocr.gutter_cuts import across_gutters
from assistant.ocr.panels import find_panels, panel_of
from assistant.ocr.spaces import split_word
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG


def _image(screen: str) -> Image.Image:
    with Image.open(SCREEN_PNG / f"{screen}.png") as image:
        return image.convert("RGB")


def _line(*words: tuple[str, tuple[int, int, int, int]], confidence: float = 0.95) -> OcrLine:
    return OcrLine.of([OcrWord(t, b, confidence) for t, b in words])


def test_a_phone_number_read_as_one_run_of_digits_is_cut_at_its_spaces() -> None:
    """table-tk-contacts (Tk treeview, Liberation Sans 10): a second reading gave "01314960184" for
    "0131 496 0184"; numbers read right in listings and tables (DejaVu Sans Mono 11, Liberation
    Mono 10, the same Tk table) are not cut, their "1"s' wide side bearings included."""
    gray = np.asarray(_image("table-tk-contacts").convert("L"))
    word = OcrWord("01314960184", (644, 382, 740, 393), 0.89)
    assert [w.text for w in split_word(word, gray)] == ["0131", "496", "0184"]
    pieces = split_word(word, gray)
    assert all(a.box[2] < b.box[0] for a, b in pairwise(pieces))
    assert [w.text for w in split_word(OcrWord("0161", (644, 360, 675, 371), 0.91), gray)] == ["0161"]
    for screen, text, box in [
        ("term-ls-reports", "2483911", (331, 174, 392, 186)),
        ("term-ls-reports", "117304", (341, 155, 393, 167)),
        ("term-liberation10-ps-aux", "18596", (366, 157, 405, 167)),
        ("term-liberation10-ps-aux", "1812", (374, 174, 405, 185)),
    ]:
        gray = np.asarray(_image(screen).convert("L"))
        assert [w.text for w in split_word(OcrWord(text, box, 0.95), gray)] == [text]


def test_a_size_and_its_unit_run_together_are_cut_at_their_space() -> None:
    """table-qt-tree-project (Qt tree, DejaVu Sans 9): "9 KB" came back "9KB" from tesseract,
    boxed tight round its ink, and "4 KB" boxed with a row to spare: the ground is read round the
    box (inside it, a tight box's border is ink), and the space is measured against the word's
    other gaps, not against a median that holds the space itself. Sizes a terminal draws with
    no space ("468G" in term-df, DejaVu Sans Mono 12) stay whole."""
    gray = np.asarray(_image("table-qt-tree-project").convert("L"))
    for text, box in [("9KB", (828, 382, 856, 391)), ("4KB", (827, 444, 856, 457))]:
        assert [w.text for w in split_word(OcrWord(text, box, 0.9), gray)] == [text[0], "KB"]
    gray = np.asarray(_image("term-df").convert("L"))
    for text, box in [
        ("468G", (584, 328, 622, 340)),
        ("511M", (584, 348, 623, 360)),
        ("34G", (704, 408, 732, 420)),
        ("212M", (644, 388, 683, 400)),
    ]:
        assert [w.text for w in split_word(OcrWord(text, box, 0.9), gray)] == [text]


def test_a_header_over_one_row_read_as_one_line_is_a_table() -> None:
    """multi-dark-qt-over-page: "Day Time Place" (three lines) over "Friday 19:00 Corn Exchange",
    which tesseract read as one line; too short for a grid, it was read "Time. Place. Day." apart
    from its row. The paragraph above and a dialog's form (two cells a row) make no table."""
    paragraph = _line(
        ("concert", (227, 261, 282, 273)), ("starts", (288, 261, 329, 273)), ("nine.", (532, 261, 567, 273))
    )
    header = [_line(("Time", (310, 295, 349, 311))), _line(("Place", (377, 295, 419, 311)))]
    header.append(_line(("Day", (239, 297, 269, 312))))
    row = _line(
        ("Friday", (239, 328, 283, 343)),
        ("19:00", (309, 328, 350, 340)),
        ("Corn", (375, 328, 409, 340)),
        ("Exchange", (416, 328, 487, 343)),
    )
    (grid,), rest = find_grids([paragraph, *header, row])
    assert [[c.text for c in r.cells] for r in grid.rows] == [
        ["Day", "Time", "Place"],
        ["Friday", "19:00", "Corn Exchange"],
    ]
    assert rest == [paragraph]
    form = [
        _line(
            ("How", (1015, 208, 1049, 220)),
            ("many", (1055, 211, 1099, 224)),
            ("tickets?", (1103, 208, 1164, 220)),
        ),
        _line(("Adults", (1030, 241, 1069, 251)), ("2", (1081, 242, 1087, 251))),
        _line(("Students", (1015, 275, 1069, 285)), ("1", (1081, 276, 1085, 285))),
    ]
    assert find_grids(form)[0] == []


# multi-dark-terminals-dialog: two dark xterms side by side, lines on the same rows. The right one's
# ``ls -l`` as tesseract read it: the mode and link count lost on five rows, read on the last.
LEFT = [
    _line(("listen", (81, 184, 133, 196)), ("8080;", (144, 184, 185, 198))),
    _line(("server_name", (82, 206, 178, 219)), ("intranet.local;", (189, 203, 320, 217))),
    _line(("root", (83, 222, 115, 234)), ("/srv/www/intranet;", (126, 222, 284, 236))),
]
RIGHT = [
    line
    for r, (size, x0) in enumerate(
        [("2359296", 1089), ("734003200", 1072), ("741515264", 1072), ("745709568", 1072), ("96468992", 1081)]
    )
    for line in [
        _line(
            ("root", (982, 176 + 15 * r, 1016, 185 + 15 * r)),
            ("root", (1027, 176 + 15 * r, 1061, 185 + 15 * r)),
        ),
        _line((size, (x0, 175 + 15 * r, 1151, 185 + 15 * r))),
        _line(("Jun", (1162, 175 + 15 * r, 1187, 185 + 15 * r))),
        _line(("2024", (1234, 175 + 15 * r, 1268, 185 + 15 * r))),
    ]
]
LAST = [_line(("-rw-r--r--", (865, 253, 953, 260))), _line(("1", (963, 248, 972, 263)), confidence=0.9)]
LAST += [
    _line(("root", (982, 251, 1016, 260)), ("root", (1027, 251, 1061, 260))),
    _line(("18211", (1107, 250, 1152, 260))),
]
LAST += [_line(("Jun", (1162, 250, 1187, 260))), _line(("2024", (1234, 250, 1268, 260)))]


@pytest.mark.timeout(60)
def test_a_listings_lost_cells_are_looked_for_on_its_own_pane() -> None:
    """Taken with the left terminal's lines, the listing's rows began with "listen 8080;", the gap
    between the two windows was read as one cell two rows tall ("-rw------- 41") and the mode
    column of the first and last rows was never looked at. Pane by pane, every row's mode and
    link count are looked for where the last row has them."""
    image = _image("multi-dark-terminals-dialog")
    gray = np.asarray(image.convert("L"))
    lines = LEFT + RIGHT + LAST
    assert any(b[0] < 900 < 960 < b[2] for b, _, _ in gap_cells(gray, lines)), "one gap across both"
    cells = [box for box, _, _ in gap_cells(gray, lines, find_panels(image))]
    for r in range(5):
        row = [b for b in cells if 175 + 15 * r <= (b[1] + b[3]) / 2 <= 185 + 15 * r]
        assert [(b[0], b[2]) for b in row][:2] == [(865, 953), (964, 971)]  # (then the day, not read here)


def test_a_lost_cell_drawn_like_a_word_read_elsewhere_in_its_grid_is_that_word() -> None:
    """The link count "1" of the listing's first row (green on black): read alone on a sheet it came
    back "4"; its ink is the last row's "1" pixel for pixel. The mode "-rw-------" is not the last
    row's "-rw-r--r--", and a word is no copy of itself."""
    gray = np.asarray(_image("multi-dark-terminals-dialog").convert("L"))
    words = [w for ln in RIGHT + LAST for w in ln.words]
    found = same_ink(gray, (964, 175, 971, 185), words)
    assert found is not None and found.text == "1" and found.box == (964, 175, 971, 185)
    assert same_ink(gray, (865, 178, 953, 185), words) is None
    assert same_ink(gray, (964, 250, 971, 260), words) is None


@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
@pytest.mark.timeout(60)
def test_a_lone_small_digit_is_read_enlarged_to_a_readable_height() -> None:
    """multi-terminals-overlap (a ``ps aux`` in a 9 pixel tall font): the PIDs "3" and "13" tesseract
    lost; their snippets enlarged twice came back "Bi" (0.34), enlarged to 36 pixels "3"."""
    gray = np.asarray(_image("multi-terminals-overlap").convert("L"))
    # the PID column's cells the gap search found (rows of "1", "3", "4", "7", "8", "9", "13", "14")
    boxes = [(764, 357, 770, 366), (764, 372, 770, 381), (763, 387, 770, 396), (764, 402, 770, 411)]
    boxes += [(764, 417, 770, 426), (756, 432, 770, 441), (764, 447, 770, 456), (764, 462, 770, 471)]
    read = {i: line for i, line, _ in read_snippets(TesseractEngine(), gray, boxes, height=SNIPPET_HEIGHT)}
    assert read[1].text == read[6].text == "3"
    assert min(read[i].confidence for i in (1, 6)) >= MIN_CONFIDENCE
    assert [read[i].text for i in (0, 2, 3, 5)] == ["1", "4", "7", "9"]


@pytest.mark.timeout(60)
def test_a_cell_read_in_a_line_no_row_took_is_not_read_again() -> None:
    """multi-terminals-overlap: a second reading boxed the df listing's "/dev/mmcblk0p1" 30 pixels
    tall on rows 15 apart, so no row took it, and its ink was read again from the gap,
    "fdev/mmeblkopt", beside it. A gap wholly inside such a line is no lost cell; one its box only
    reaches into (the next row's) still is."""
    image = _image("multi-terminals-overlap")
    panels = find_panels(image)
    pane = panel_of(_line(("29G", (259, 204, 282, 213))), panels)
    loose = [_line(("/dev/mmcblk0p1", (119, 201, 238, 231)))]
    assert _on_pane((123, 204, 233, 215), pane, panels, [])
    assert not _on_pane((123, 204, 233, 215), pane, panels, loose)
    assert _on_pane((123, 189, 233, 203), pane, panels, loose)


@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
@pytest.mark.timeout(60)
def test_a_lone_figure_a_mixed_sheet_left_unread_is_read_among_figures_alone() -> None:
    """multi-calc-term-rooms, file path: a table's Floor column lost its two "1"s, and their
    snippets were read on one sheet with the calculator's unread keys (the cells the gap search
    found there), where tesseract made "ol" (0.56) of each; read again on a sheet of their own,
    "1". The keys' cells are not read again."""
    gray = np.asarray(_image("multi-calc-term-rooms").convert("L"))
    ones = [(176, 192, 183, 204), (176, 226, 183, 238)]
    keys = [(1493, 611, 1510, 637), (1532, 611, 1589, 637), (1463, 671, 1510, 697), (1533, 671, 1540, 697)]
    keys += [(1581, 671, 1598, 697), (1463, 889, 1491, 898), (1510, 679, 1530, 688), (1533, 671, 1580, 697)]
    keys += [(1598, 701, 1669, 727), (1493, 823, 1510, 845), (1633, 821, 1669, 847), (1490, 912, 1496, 936)]
    cells = [Cell(b, True, frozenset({"2", "3"}), []) for b in ones]
    cells += [Cell(b, False, frozenset(), []) for b in keys]
    found = {line.box: line.text for line in _filled(TesseractEngine(), gray, cells)}
    assert [found.get(b) for b in ones] == ["1", "1"]


def test_a_duration_whose_spaces_were_run_over_is_cut_at_each() -> None:
    """dark-chromium-jobs (live): "3 h 40 min" came back "3h40": both places where a digit meets a
    letter are spaces, and each was measured against the other, which is a space too, so "h40"
    stayed one word. Each is measured against the gaps between letters of one kind."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 13)
    image = Image.new("L", (120, 30), 255)
    ImageDraw.Draw(image).text((10, 8), "3 h 40", font=font, fill=20)
    gray = np.asarray(image)
    ink = gray < 128
    ys, xs = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    box = (int(xs[0]), int(ys[0]), int(xs[-1]) + 1, int(ys[-1]) + 1)
    assert [w.text for w in split_word(OcrWord("3h40", box, 0.9), gray)] == ["3", "h", "40"]


# multi-qt-table-zenity-thin, file path (Qt table, DejaVu Sans): the selected row, white on blue, read
# as one word across three cells.
TICKETS = [
    _line(("Ticket", (146, 163, 194, 179)), ("Flat", (218, 163, 250, 179))),
    _line(("Problem", (311, 165, 379, 177))),
    _line(("Reported", (442, 165, 518, 180)), ("Status", (544, 165, 597, 177))),
    _line(("T-311", (137, 188, 178, 200))),
    _line(("2B", (210, 188, 228, 200))),
    _line(("Dripping", (263, 188, 325, 203)), ("tap", (331, 188, 354, 203))),
    _line(("03", (435, 188, 452, 200)), ("Jun", (457, 188, 480, 203))),
    _line(("Done", (534, 188, 572, 200))),
    _line(("03", (431, 206, 453, 237)), ("Jun", (453, 206, 483, 237))),
    _line(("Open", (534, 208, 576, 235))),
    _line(("T-3124AHeating", (134, 209, 323, 234))),
    _line(("off", (326, 214, 345, 226))),
    _line(("T-315", (137, 238, 177, 254))),
    _line(("1C", (210, 238, 226, 254))),
    _line(("Broken", (263, 240, 313, 252)), ("window", (319, 240, 375, 252))),
    _line(("05", (435, 240, 452, 252)), ("Jun", (457, 240, 480, 255))),
    _line(("Waiting", (534, 240, 588, 255))),
    _line(("Door", (263, 263, 291, 284)), ("lock", (300, 266, 333, 278))),
    _line(("T-318", (137, 266, 178, 278))),
    _line(("6D", (210, 266, 229, 278))),
    _line(("06", (435, 266, 449, 278)), ("Jun", (457, 266, 480, 281))),
    _line(("Open", (534, 266, 572, 281))),
]


def test_cells_read_as_one_word_across_a_gutter_are_read_apart() -> None:
    """ "T-3124AHeating" runs across two of the table's gutters, with the row's blue there: its three
    pieces, read again, spell it, and are its cells; the other rows' words are not looked at."""
    gray = np.asarray(_image("multi-qt-table-zenity-thin").convert("L"))
    found = across_gutters(gray, TICKETS)
    assert [w.text for w, _ in found.values()] == ["T-3124AHeating"]
    ((_, boxes),) = found.values()
    assert len(boxes) == 3 and boxes[0][0] == 134
    assert boxes[0][2] <= 205 <= boxes[1][0] and boxes[1][2] <= 260 <= boxes[2][0]  # (the gutters)
    if tesseract_available():
        lines = _cut_at_gutters(TesseractEngine(), gray, TICKETS)
        assert [w.text for ln in lines for w in ln.words if w.box[1] == 209] == ["T-312", "4A", "Heating"]


def test_a_lost_cell_in_a_colour_near_its_grounds_grey_is_the_same_ink_read_elsewhere() -> None:
    """term-top-colour-fantasque: ``top``'s NI column, a red "0" on dark blue, only 24 grey levels off
    its ground; tesseract lost it in four rows and read it in others ("0" on the row of ``nobody``),
    and alone on a sheet it came back "or" (0.48). At its own contrast its ink is that "0"'s."""
    gray = np.asarray(_image("term-top-colour-fantasque").convert("L"))
    words = [
        OcrWord("20", (228, 227, 244, 243), 0.9),
        OcrWord("0", (268, 227, 276, 243), 0.9),
        OcrWord("2920", (309, 230, 338, 240), 0.95),
        OcrWord("20", (229, 198, 242, 208), 0.95),
    ]
    for top in (198, 214, 278, 294):
        found = same_ink(gray, (269, top, 275, top + 10), words)
        assert found is not None and found.text == "0"
    assert same_ink(gray, (309, 198, 339, 208), words) is None  # "4624", no "0" nor "2920"


def test_a_rows_text_down_to_its_bands_foot_is_read_not_taken_for_a_border() -> None:
    """table-term-stripes-rentals: the row of R-103 lost its two dates to the engine. Its band ends
    where the selected row's blue bar begins, so the "y" of each "May" reaches the band's foot, and
    the row above's "y"s its top: the ink was taken for a border drawn down the band, and the dates
    were never read again. A border runs from the top to the foot; text, with a sliver over it, not."""
    gray = np.asarray(_image("table-term-stripes-rentals").convert("L"))
    words = [
        OcrWord("Okafor", (345, 119, 392, 129), 0.95),
        OcrWord("M.", (321, 135, 334, 144), 0.95),
        OcrWord("Silva", (345, 134, 384, 144), 0.95),
        OcrWord("09", (433, 225, 449, 237), 0.95),
        OcrWord("10", (433, 240, 449, 252), 0.95),
        OcrWord("back", (561, 117, 593, 131), 0.95),
    ]
    cells = _ink_cells(gray, (217, 144, 559, 162), 13, words, lambda _: True, ruled=True, bounds=(216, 560))
    assert [(c.box[0], c.box[2]) for c in cells] == [(321, 384), (434, 480), (498, 544)]


def test_a_plain_terminals_glyphs_reaching_its_rows_ends_are_no_text_to_read_again() -> None:
    """The exception above holds only where the ground turns past the band's end (the selected
    row's bar): st draws its rows with no leading, so its "/", "l", "d" reach each row's ends over
    the same ground, and read as text they became gap cells of slivers ("/srv/media" read
    "/scv/media", term-df-ps-st's df listing one table of five rows; review 18, finding B)."""
    gray = np.asarray(_image("term-df-ps-st").convert("L"))
    for y in range(100, 300, 14):
        assert not _ground_turns(gray, (150, y, 600, y + 14), foot=True)
        assert not _ground_turns(gray, (150, y, 600, y + 14), foot=False)
    rentals = np.asarray(_image("table-term-stripes-rentals").convert("L"))
    assert _ground_turns(rentals, (217, 144, 559, 162), foot=True)  # the selected row's bar below
    assert not _ground_turns(rentals, (217, 144, 559, 162), foot=False)


# multi-less-tk-zenity-dark: the Tk seed table as tesseract boxed it; its shelf codes A1, A1, A2, A2,
# B1, B1 came back "Al", "Al", "A2", "A2", "B1", "Bl" (a "1" standing alone read as an "l").
SEEDS = [
    [("Code", (783, 453, 820, 468)), ("Seed", (845, 453, 880, 468)), ("Packets", (966, 446, 1020, 475)),
     ("Sown by", (1045, 454, 1111, 469)), ("Shelf", (1140, 447, 1175, 475))],
    [("S-01", (780, 480, 812, 494)), ("Runner bean", (844, 481, 934, 492)), ("24", (960, 482, 976, 492)),
     ("May", (1044, 482, 1072, 495)), ("Al", (1134, 482, 1152, 492))],
    [("S-02", (780, 505, 813, 519)), ("Courgette", (843, 505, 913, 522)), ("9", (960, 507, 967, 517)),
     ("May", (1044, 507, 1072, 520)), ("Al", (1134, 507, 1152, 517))],
    [("S-03", (782, 530, 812, 544)), ("Beetroot", (844, 532, 905, 542)), ("31", (960, 532, 976, 542)),
     ("April", (1040, 532, 1075, 542)), ("A2", (1134, 532, 1152, 542))],
    [("S-04", (781, 557, 811, 567)), ("Spinach", (844, 556, 899, 570)), ("12", (960, 557, 976, 567)),
     ("March", (1044, 556, 1086, 567)), ("A2", (1134, 557, 1152, 567))],
    [("S-05", (781, 582, 811, 592)), ("Sweet pea", (844, 582, 916, 595)), ("18", (960, 582, 976, 592)),
     ("March", (1044, 581, 1086, 592)), ("B1", (1134, 580, 1153, 594))],
    [("S-06", (781, 607, 811, 617)), ("Sunflower", (844, 606, 914, 617)), ("40", (960, 607, 976, 617)),
     ("May", (1044, 607, 1072, 620)), ("Bl", (1135, 607, 1152, 617))],
]  # fmt: skip


def _cell(text: str, box: tuple[int, int, int, int]) -> OcrLine:
    """A cell of words boxed across ``box`` in proportion to their lengths, a space's width apart."""
    words, x, per = [], box[0], (box[2] - box[0]) / len(text)
    for part in text.split():
        words.append(OcrWord(part, (round(x), box[1], round(x + per * len(part)), box[3]), 0.95))
        x += per * (len(part) + 1)
    return OcrLine.of(words)


def test_a_columns_codes_put_right_where_letters_and_figures_are_held_as_often() -> None:
    """Three shelf codes read as a letter and an "l", three as a letter and a figure: each shape as
    often as the other, but an "l" can be a "1" and no "2" a letter. The codes are read A1, A1, A2,
    A2, B1, B1 (each row then read as it is written)."""
    lines = [_cell(text, box) for row in SEEDS for text, box in row]
    (grid,), _ = find_grids(lines)
    assert [r.cells[-1].text for r in grid.rows] == ["Shelf", "A1", "A1", "A2", "A2", "B1", "B1"]


# table-tk-striped-seeds: the Tk seed table as tesseract boxed it (its selected row white on green).
SHELVES = [
    [("Code", (281, 165, 319, 181)), ("Seed", (337, 163, 380, 183)),
     ("Packets Sown by", (474, 166, 610, 180)), ("Shelf", (628, 162, 675, 183))],
    [("S-01", (280, 191, 312, 205)), ("Runner bean", (343, 192, 433, 203)), ("24 May", (517, 193, 571, 206)),
     ("A1", (633, 193, 651, 203))],
    [("S-02", (280, 218, 309, 228)), ("Courgette", (343, 218, 412, 231)), ("9 May", (526, 216, 571, 231)),
     ("A1", (633, 218, 651, 228))],
    [("S-03", (278, 241, 310, 255)), ("Beetroot", (343, 243, 404, 253)), ("31 April", (516, 241, 574, 256)),
     ("A2", (633, 243, 651, 253))],
    [("S-04", (280, 268, 310, 278)), ("Spinach", (343, 267, 398, 281)), ("12 March", (516, 266, 585, 280)),
     ("A2", (633, 268, 651, 278))],
    [("S-05", (280, 293, 310, 303)), ("Sweet pea", (343, 293, 415, 306)), ("18 March", (516, 291, 585, 305)),
     ("B1", (634, 293, 651, 303))],
    [("S-06", (280, 316, 312, 330)), ("Sunflower", (343, 316, 413, 330)), ("40 May", (515, 316, 571, 331))],
    [("S-07", (280, 343, 310, 353)), ("Parsnip", (343, 342, 393, 356)), ("6 April", (524, 341, 574, 356)),
     ("B2", (634, 343, 651, 353))],
    [("S-08", (280, 368, 310, 378)), ("Radish", (343, 367, 389, 378)), ("27 August", (516, 366, 591, 381)),
     ("B2", (634, 368, 651, 378))],
    [("S-09", (279, 391, 311, 405)), ("Kale", (343, 392, 372, 403)), ("15 June", (516, 391, 572, 406)),
     ("C1", (634, 393, 651, 403))],
    [("S-10", (279, 416, 311, 430)), ("Leek", (343, 417, 376, 428)), ("11 March", (516, 416, 585, 430)),
     ("C1", (635, 416, 651, 430))],
]  # fmt: skip


def test_a_code_read_with_a_narrow_space_inside_is_one_code_in_a_column_of_codes() -> None:
    """The selected row's shelf "B1" came back "B 1", the "1" three pixels from the "B" (a space in
    that font is four or more); every other code in the column is a letter and a figure with no
    space. It is read "B1"; a word space stays where the column's cells have one ("Sown by")."""
    lines = [_cell(text, box) for row in SHELVES for text, box in row]
    lines.append(
        OcrLine.of([OcrWord("B", (633, 316, 642, 330), 0.9), OcrWord("1", (645, 316, 652, 330), 0.9)])
    )
    (grid,), _ = find_grids(lines)
    shelves = [r.cells[-1].text for r in grid.rows]
    assert shelves == ["Shelf", "A1", "A1", "A2", "A2", "B1", "B1", "B2", "B2", "C1", "C1"]
    assert grid.rows[0].cells[2].text == "Packets Sown by"


# term-mc-monoid-modarin: Midnight Commander's two panels in Monoid, as tesseract boxed the left one's
# first rows; the rule between the panels ("│") came back as "||" run into the words beside it.
PANELS = [
    [("2024||/", (514, 98, 572, 118))],
    [("UP--DIR", (388, 102, 443, 114)), ("May", (452, 102, 475, 116)), ("20", (485, 102, 499, 114))],
    [("2023||/DCIM", (516, 116, 604, 136))],
    [("/beans", (36, 119, 83, 133))],
    [("4096", (412, 120, 443, 132)), ("Oct", (452, 120, 475, 132)), ("3", (493, 120, 499, 132))],
    [("4096", (412, 138, 443, 150)), ("Sep", (452, 138, 475, 153)), ("21", (485, 136, 502, 152)),
     ("2023", (518, 136, 547, 152)), ("bird-hide-@412.jpg", (573, 135, 718, 156))],
    [("/squash", (36, 137, 90, 153))],
    [("33410", (405, 156, 442, 168)), ("Mar", (452, 156, 474, 168)), ("17", (485, 154, 498, 170)),
     ("2024", (515, 154, 546, 170)), ("bird-hide-@413.jpg", (573, 153, 717, 174))],
    [("germination-log.ods", (42, 154, 201, 172))],
]  # fmt: skip


def test_a_rule_read_as_bars_inside_a_word_parts_the_two_cells_it_stands_between() -> None:
    """The year of /beans's date and the right panel's "/DCIM" came back as one word, "2023||/DCIM":
    the row's date read "Oct 3" and no year, and a word no one wrote. The bars are the rule between
    two cells: the word is read as the two, the bars left out."""
    lines = [_line(*words) for words in PANELS]
    (grid,), _ = find_grids(lines, fixed=True, prompts_apart=True)
    rows = [[w.text for c in r.cells for w in c.words] for r in grid.rows]
    assert ["/beans", "4096", "Oct", "3", "2023", "/DCIM"] in rows
    assert not any("|" in w for row in rows for w in row)
