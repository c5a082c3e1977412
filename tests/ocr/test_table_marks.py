"""Marks and lost pieces in tables' cells, on real screenshots of half A (datasets/screens) with the
boxes the engines returned there: a terminal's box-drawn rules broken between its lines, a sort
arrow read inside a header, a selected row's code read unsurely, a word read in part beside the
rest found in its gap, a digit dropped from a number boxed whole, a striped terminal table's rows
split, cut short by a stray box, and lost whole; a sort arrow read as a "V", and a state letter
read unsurely in its column of them."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.gap_reading import _abutting, _accepted, _figures_read_short, _glyphs, _vouched_short
from assistant.ocr.gaps import empty_cells
from assistant.ocr.grid import Row, _run_over, _unbarred, rows_of
from assistant.ocr.loose import UNSURE, drop_unsure
from assistant.ocr.rule_cuts import cut_at_arrow, cut_word, rule_through
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG


def _gray(screen: str) -> np.ndarray:
    with Image.open(SCREEN_PNG / f"{screen}.png") as image:
        return np.asarray(image.convert("L"))


def _line(*words: tuple[str, tuple[int, int, int, int]]) -> OcrLine:
    return OcrLine.of([OcrWord(t, b, 0.95) for t, b in words])


def _words(lines: list[list[tuple[str, tuple[int, int, int, int]]]]) -> list[OcrLine]:
    return [_line(*words) for words in lines]


def test_a_terminals_rule_broken_between_its_lines_still_cuts_a_word() -> None:
    """w3m draws its timetable's rules as box-drawing characters, one a line, and Anonymous Pro's
    "│" stops a pixel short of its cell: the rule breaks where each line meets the next. The live
    reader read "31.50|6.20" and "Kilbride|18:45" across it; each is cut there, the pieces a
    character apart (the rule's cell), so that they are not read on as one word again. A word no
    rule runs through is left whole, and so is a letter's stem with the line above's ink over it
    (multi-xfwm-kokodi-three-apart's "Lunch", whose "h" reaches its box's top)."""
    gray = _gray("term-w3m-ferry-anonymous")
    for text, box, pieces in [
        ("31.50|6.20", (464, 199, 565, 231), ["31.50", "6.20"]),
        ("Kilbride|18:45", (97, 358, 242, 376), ["Kilbride", "18:45"]),
    ]:
        cut = cut_word(gray, OcrWord(text, box, 0.9))
        assert [w.text for w in cut] == pieces
        assert cut[1].box[0] - cut[0].box[2] >= 8  # (a cell of the font is 10 pixels wide)
    assert [w.text for w in cut_word(gray, OcrWord("Curlew", (384, 209, 443, 221), 0.9))] == ["Curlew"]
    kokodi = _gray("multi-xfwm-kokodi-three-apart")
    assert rule_through(kokodi, OcrWord("Lunch", (50, 271, 106, 285), 0.97)) is None


def test_a_sort_arrow_read_inside_a_header_parts_the_two_names() -> None:
    """htop marks the sorted column with a triangle between its name and the next one's, and the
    live reader read the header's "CPU%▽MEM%" as "CPU%∇MEM%": one word, and neither name."""
    row = _unbarred(Row([_line(("CPU%∇MEM%", (440, 174, 520, 187)))]))
    assert [w.text for c in row.cells for w in c.words] == ["CPU%", "MEM%"]
    assert _unbarred(Row([_line(("CPU%", (440, 174, 475, 187)))])).cells[0].text == "CPU%"


def test_a_code_read_unsurely_is_vouched_for_by_its_columns_codes() -> None:
    """multi-xfwm-top-qt-tk-overlap: the selected row's key, white on blue, was never read; its
    gap read "K-04" at 0.49. Codes of its shape in its column vouch for it; a shorter code, one of
    another shape, or a column with one such code do not."""
    box = (103, 216, 135, 227)
    column = frozenset({"Key", "K-01", "K-07", "K-09", "K-12"})
    assert _accepted("K-04", 0.486, box, False, column) == "K-04"
    assert _accepted("K04", 0.486, box, False, column) is None
    assert _accepted("K-04", 0.486, box, False, frozenset({"Key", "K-01", "Main"})) is None


def test_a_word_read_in_part_takes_the_rest_found_in_its_gap() -> None:
    """table-tk-striped-seeds: the header's "Code" came back "e", and its gap "Cod" (0.97): read
    apart, "Cod e", no column's name. The gap's ink touches the word's, on one ground: one word.
    dlg-dialog-checks-libmono: "Web", found on the selected item's bar right after "-esr", is no
    part of it (the bar's ground is not the word's), nor is a mark that meets a word at no letter."""
    seeds = _gray("table-tk-striped-seeds")
    lines = [_line(("e", (310, 165, 319, 181))), _line(("Seed", (337, 163, 380, 183)))]
    out = _abutting(seeds, lines, [_line(("Cod", (281, 166, 309, 177)))])
    assert [ln.text for ln in out] == ["Code", "Seed"]
    libmono = _gray("dlg-dialog-checks-libmono")
    lines = [_line(("firefox", (773, 381, 849, 399))), _line(("-esr", (853, 385, 889, 399)))]
    out = _abutting(libmono, lines, [_line(("Web", (890, 381, 946, 403)))])
    assert [ln.text for ln in out] == ["firefox", "-esr", "Web"]
    # term-ncdu-inconsolata: ncdu's tree mark before a directory, read "J." in its gap, touches
    # "/backups"; no letters meet there, and it stays apart.
    ncdu = _gray("term-ncdu-inconsolata")
    out = _abutting(ncdu, [_line(("/backups", (418, 160, 489, 181)))], [_line(("J.", (397, 164, 417, 178)))])
    assert [ln.text for ln in out] == ["/backups", "J."]


# table-tk-wide-cabin-plots (Tk Treeview, Cabin 11): the plots' numbers and the years, as tesseract
# boxed them; "14" and "17" read "4" and "7", each boxed round both its digits.
CABIN = [
    [("12A", (303, 285, 325, 296))], [("2016", (519, 285, 550, 296))],
    [("12B", (304, 310, 326, 325))], [("2021", (519, 312, 549, 323))],
    [("4", (303, 339, 316, 350))], [("2019", (519, 337, 552, 352))],
    [("15", (303, 366, 316, 377))], [("2023", (518, 364, 552, 379))],
    [("7", (303, 393, 315, 404))], [("2008", (518, 391, 557, 406))],
    [("18", (303, 420, 317, 431))], [("2022", (519, 420, 552, 431))],
]  # fmt: skip


def test_a_digit_dropped_from_a_number_boxed_whole_is_read_again() -> None:
    """The box of a plot's "4" holds two glyphs, a "1" and a "4"; that of "15", two for two."""
    gray = _gray("table-tk-wide-cabin-plots")
    assert _glyphs(gray, (303, 339, 316, 350)) == 2
    assert _glyphs(gray, (303, 366, 316, 377)) == 2
    assert _glyphs(gray, (519, 337, 552, 352)) == 4


@pytest.mark.skipif(not tesseract_available(), reason="tesseract not installed")
def test_a_number_read_short_in_a_table_is_read_again_whole() -> None:
    """Read again on its own, each number whose box holds a glyph more than it has digits comes
    back whole: the plots "14" and "17"; the rest are left as read."""
    gray = _gray("table-tk-wide-cabin-plots")
    out = _figures_read_short(TesseractEngine(), gray, [_line(*words) for words in CABIN], None)
    assert [ln.text for ln in out][::2] == ["12A", "12B", "14", "15", "17", "18"]


# table-term-column-stripes (a terminal's table, every other row on a grey stripe), the lines the file
# reader's tesseract (FILE) and the live reader's engine (LIVE) returned.
FILE = _words([
    [("T", (164, 103, 176, 115)), ("desk@lobby:", (181, 103, 269, 117))],
    [("Parcel", (174, 124, 231, 135)), ("Sender", (254, 124, 311, 135))],
    [("Flat", (404, 124, 441, 135)), ("Arrived", (463, 124, 531, 135))],
    [("Shelf", (573, 124, 621, 135)), ("Collected", (643, 124, 731, 135))],
    [("Bookshop", (256, 144, 328, 156))],
    [("B", (416, 148, 418, 148))],
    [("Mon", (466, 145, 488, 155))],
    [("Pharmacy", (254, 153, 331, 182))],
    [("Mon", (463, 165, 490, 175)), ("11:40", (504, 151, 551, 184)), ("B", (573, 165, 581, 175))],
    [("Bike", (254, 188, 291, 215)), ("shop", (303, 187, 341, 222)), ("7", (404, 204, 411, 215)),
     ("D", (414, 204, 421, 215)), ("Tue", (463, 189, 491, 215)), ("08:30", (504, 189, 551, 215)),
     ("yes", (644, 207, 672, 222))],
    [("Tea", (249, 223, 284, 237)), ("merchant", (295, 223, 377, 237)), ("10:55", (504, 223, 559, 237))],
    [("P-3306", (174, 245, 231, 255)), ("Shoe", (254, 244, 291, 255)), ("shop", (304, 244, 341, 262))],
    [("6", (404, 245, 411, 255)), ("B", (414, 245, 421, 255))],
    [("Tue", (463, 245, 491, 255)), ("13:20", (504, 245, 551, 255)), ("B", (573, 245, 581, 255))],
    [("no", (644, 247, 661, 255))],
    [("Toy", (249, 263, 284, 277)), ("shop", (297, 263, 341, 277))],
    [("Wed", (456, 263, 488, 277)), ("C", (572, 263, 586, 277))],
    [("P-3308", (174, 285, 231, 296)), ("Optician", (253, 284, 331, 302))],
    [("2A", (404, 285, 421, 296))],
    [("Wed", (463, 284, 490, 296)), ("15:10", (504, 285, 551, 296)), ("A", (573, 285, 581, 295))],
    [("no", (644, 287, 661, 296))],
    [("P-3303", (172, 180, 234, 200))],
    [("P-3304", (173, 203, 234, 217))],
    [("flo", (573, 182, 599, 197))],
    [("C", (572, 203, 581, 217))],
    [("P-3301", (171, 143, 231, 160))],
    [("P-3302", (172, 163, 233, 177))],
    [("P-3305", (172, 220, 234, 240))],
    [("A", (573, 223, 583, 237))],
    [("yes", (644, 145, 671, 162))],
    [("no", (644, 165, 661, 177))],
    [("no", (643, 185, 665, 200))],
    [("2", (403, 143, 411, 157)), ("B", (414, 143, 423, 157))],
    [("5", (404, 163, 410, 177)), ("A", (413, 163, 422, 177))],
    [("1", (403, 183, 410, 197)), ("C", (414, 183, 424, 197))],
    [("floor", (572, 302, 621, 317))],
    [("12:00", (502, 303, 553, 317))],
    [("ntre", (342, 183, 383, 197))],
    [("shop", (314, 301, 353, 322))],
    [("Thu", (464, 302, 493, 317))],
    [("P-3307", (173, 263, 234, 277))],
    [("no", (644, 225, 664, 237))],
    [("yes", (642, 265, 673, 280))],
    [("4", (404, 263, 411, 277)), ("c", (414, 263, 425, 277))],
    [("09:45", (503, 263, 553, 277))],
    [("3", (404, 223, 410, 237)), ("A", (413, 223, 424, 237))],
    [("Tue", (464, 223, 494, 237))],
    [("desk@lobby:~$", (163, 322, 296, 341))],
    [("or", (602, 184, 622, 195))],
])  # fmt: skip
LIVE = _words([
    [("Parcel", (174, 124, 231, 136)), ("Sender", (254, 124, 311, 136))],
    [("Flat", (403, 124, 441, 136)), ("Arrived", (463, 124, 531, 136))],
    [("Shelf", (573, 124, 621, 136)), ("Collected", (643, 124, 731, 136))],
    [("P-3302", (174, 165, 231, 175)), ("Pharmacy", (254, 164, 331, 182))],
    [("SA", (403, 165, 421, 175))],
    [("Mon", (463, 165, 490, 175)), ("B", (574, 165, 581, 175))],
    [("no", (644, 167, 661, 175))],
    [("P-3304", (174, 205, 231, 216)), ("Bike", (254, 204, 291, 216)), ("shop", (304, 204, 341, 222))],
    [("Tue", (463, 205, 491, 216)), ("08:30", (504, 205, 551, 216)), ("C", (573, 205, 581, 216))],
    [("yes", (644, 207, 670, 219))],
    [("P-3306", (174, 245, 231, 255)), ("Shoe", (254, 244, 291, 255)), ("shop", (304, 244, 341, 262))],
    [("6", (403, 245, 411, 255)), ("B", (414, 245, 421, 255))],
    [("Tue", (463, 245, 491, 255)), ("13:20", (504, 245, 551, 255)), ("B", (574, 245, 581, 255))],
    [("no", (644, 247, 661, 255))],
    [("P-3308", (174, 285, 231, 296)), ("Optician", (253, 284, 331, 302))],
    [("2A", (403, 285, 421, 296))],
    [("Wed", (463, 284, 490, 296)), ("15:10", (504, 285, 551, 296)), ("A", (573, 285, 581, 296))],
    [("no", (644, 287, 661, 296))],
    [("P-3309", (171, 300, 236, 320)), ("Music", (254, 295, 306, 321))],
    [("desk@lobby:~$", (164, 322, 296, 341))],
    [("09:12", (502, 143, 552, 157))],
    [("11:40", (504, 163, 551, 177))],
    [("14:05", (503, 183, 552, 197))],
    [("Tue", (463, 223, 492, 237)), ("10:55", (503, 223, 551, 237))],
    [("Bookshop", (251, 142, 333, 162))],
    [("merchant", (293, 222, 374, 237))],
    [("1", (402, 183, 410, 197)), ("C", (414, 183, 422, 197))],
    [("7", (403, 203, 411, 217)), ("D", (414, 203, 423, 217))],
    [("2B", (402, 144, 422, 159))],
    [("3A", (402, 224, 422, 235))],
])  # fmt: skip


def test_a_loose_box_joins_its_row_whatever_the_rows_shortest_word() -> None:
    """The live reader boxed "P-3302 Pharmacy" 18 pixels high, and the row's "no", with no
    ascenders, 8: measured by that "no", the row was too short to take it, and the table was read
    as two rows there and no grid at all."""
    rows = [[c.text for c in r.cells] for r in rows_of(LIVE)]
    assert ["P-3302 Pharmacy", "SA", "Mon B", "11:40", "no"] in rows


def test_a_stray_box_between_rows_does_not_cut_the_next_rows_band() -> None:
    """The file reader returned a box no pixel high ("B" at y 148) between the header and the first
    row: the row's band was cut at its middle, and its lost time, "09:12", was looked at from
    there down, half its height, and taken for a mark. It is looked at whole."""
    cells = {c.box: c.mark for c in empty_cells(_gray("table-term-column-stripes"), FILE, None)}
    assert cells.get((504, 145, 551, 155)) is False


def test_a_row_lost_whole_between_two_rows_is_looked_at() -> None:
    """The live reader read nothing of P-3307's grey row: its rows either side stand two steps
    apart. Its cells are looked at, as a row lost under a grid's last one is."""
    cells = empty_cells(_gray("table-term-column-stripes"), LIVE, None)
    assert len([c for c in cells if c.box[1] >= 260 and c.box[3] <= 282]) >= 6


# term-top-colour-fantasque (top, red text on navy, Fantasque Sans Mono): the sizes' and the states'
# columns as tesseract read them; "9400S" and "1660S" run over the space between.
TOP = _words(
    [
        [("3248", (421, 198, 451, 208)), ("S", (460, 198, 467, 208)), ("0.0", (492, 198, 515, 208))],
        [("9400S", (421, 214, 467, 224))],
        [("S", (460, 230, 467, 240)), ("0.0", (492, 230, 515, 240))],
        [("1660S", (421, 246, 467, 256)), ("0.0", (492, 246, 515, 256))],
        [("0.0", (493, 262, 515, 272))],
        [("1636", (421, 278, 451, 288)), ("S", (460, 278, 467, 288)), ("0.0", (492, 278, 515, 288))],
        [("0.0", (492, 294, 515, 304))],
        [("3172", (419, 308, 454, 322)), ("R", (459, 308, 467, 322))],
    ]
)


def test_a_size_and_a_state_run_together_are_cut_where_other_rows_part_them() -> None:
    """top's sizes and states in red on navy, 24 grey levels apart: no blank cell an engine saw
    between "9400" and "S". Other rows read "3248", "S" and "1636", "S", a size ending a space
    before a state: the words run over are cut there."""
    rows = rows_of(TOP)
    words = [w.text for r in rows for c in _run_over(r, rows).cells for w in c.words]
    assert "9400S" not in words and "1660S" not in words
    assert words.count("S") == 5 and "9400" in words and "1660" in words


def test_a_sort_arrow_read_as_a_v_parts_the_two_names_by_its_flat_top() -> None:
    """term-htop-jetbrains-light: the file reader read htop's header "CPU%▽MEM%" as "CPU%VMEM%",
    one word and neither name. The arrow's ink (a flat top, narrowing row by row to a tip) is no
    "V"'s (two strokes at the top): the word is parted there, the arrow left out. A word whose "v"
    is a letter ("average:", on the same screen) is left whole, and so are a serif font's, whose
    "v" has two serifs a pixel apart at its top (multi-fvwm-four-parchment's df listing)."""
    gray = _gray("term-htop-jetbrains-light")
    parted = cut_at_arrow(gray, OcrWord("CPU%VMEM%", (447, 174, 519, 187), 0.7))
    assert [w.text for w in parted] == ["CPU%", "MEM%"]
    assert parted[0].box[2] <= parted[1].box[0]
    assert [w.text for w in cut_at_arrow(gray, OcrWord("average:", (688, 106, 748, 119), 0.9))] == [
        "average:"
    ]
    serif = _gray("multi-fvwm-four-parchment")
    for text, box in [("Avail", (1090, 346, 1133, 358)), ("/srv/archive", (1189, 365, 1296, 378))]:
        assert [w.text for w in cut_at_arrow(serif, OcrWord(text, box, 0.9))] == [text]


# term-htop-fantasque-mono: five rows of htop's sizes, state, CPU% and command as tesseract read
# them; the daemon's "1688S" ran on over the space and was cut there, both pieces as unsure (0.56).
HTOP = [
    OcrLine.of([OcrWord(t, b, c) for t, b, c in words])
    for words in [
        [
            ("1704", (484, 278, 518, 290), 0.93),
            ("S", (528, 278, 537, 290), 0.93),
            ("0.0", (565, 278, 590, 290), 0.87),
            ("sleep", (727, 277, 770, 294), 0.97),
        ],
        [
            ("1688", (484, 297, 518, 309), 0.56),
            ("S", (528, 297, 537, 309), 0.56),
            ("0.0", (565, 297, 590, 309), 0.93),
            ("tail", (727, 296, 762, 309), 0.93),
        ],
        [
            ("1684", (484, 316, 518, 328), 0.96),
            ("S", (528, 316, 537, 328), 0.96),
            ("0.0", (565, 316, 590, 328), 0.93),
            ("sleep", (727, 315, 770, 332), 0.97),
        ],
        [
            ("1544", (484, 335, 518, 347), 0.89),
            ("S", (528, 335, 537, 347), 0.89),
            ("0.0", (565, 335, 590, 347), 0.86),
            ("sh", (727, 335, 743, 347), 0.93),
        ],
        [
            ("1704", (484, 354, 518, 366), 0.95),
            ("S", (528, 354, 537, 366), 0.95),
            ("0.0", (565, 354, 590, 366), 0.93),
            ("sleep", (727, 353, 770, 370), 0.96),
        ],
        [
            ("3232", (485, 371, 520, 387), 0.9),
            ("R", (530, 371, 538, 388), 0.4),
            ("0.0", (565, 373, 590, 385), 0.9),
            ("htop", (727, 372, 762, 385), 0.9),
        ],
    ]
]


def test_a_short_word_read_unsurely_is_vouched_for_by_its_column() -> None:
    """The layout drops short words read unsurely (icons and edges read as letters); the daemon's
    state "S", unsure, went, and its row was not whole. Four other rows hold "S" over it, read
    surely: it stays. htop's "R" (here as unsure), the only one in its column, is not vouched for."""
    kept = [w.text for ln in drop_unsure(_vouched_short(HTOP, None), figures=True) for w in ln.words]
    assert kept.count("S") == 5 and "R" not in kept
    assert [w.text for ln in drop_unsure(HTOP, figures=True) for w in ln.words].count("S") == 4
    assert all(w.confidence >= UNSURE for ln in _vouched_short(HTOP, None) for w in ln.words if w.text == "S")
