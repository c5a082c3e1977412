"""A function-key bar found by its grounds and its cells read again alone (assistant.ocr.bar_cells):
bars drawn here in a real font, rows that are no bar, the acceptance of a cell's reading with a
reader that says what it is told to, a real half-A mc screen read as the app reads a file, and
seeded random pictures."""

from __future__ import annotations

import random
import re
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.bar_cells import BarCellsConfig, bar_by_keys, bar_cells, find_bar
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.line_reader import ReadLine, ReadWord, line_reader_available
from assistant.ocr.tesseract import tesseract_available
from tests.support.screens import SCREEN_PNG

FONT = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 14)
MC = ("Help", "Menu", "View", "Edit", "Copy", "RenMov", "Mkdir", "Delete", "PullDn", "Quit")
KEY_GROUND, LABEL_GROUND = (68, 68, 68), (48, 48, 48)
CHAR = 8.4  # DejaVu Sans Mono's advance at 14 px
CELL = 16  # characters a cell (mc on a 160-column terminal)
TOP, BOTTOM = 30, 48  # the bar's row


def _bar_picture(labels: tuple[str, ...] = MC, f_keys: bool = False, one_ground: bool = False) -> Image.Image:
    """mc's bar as mc draws it: each key's number in two characters on its own ground, right-aligned,
    its label after it on the labels' ground, the cells one after another."""
    picture = Image.new("RGB", (round(CHAR * CELL * len(labels)) + 40, 80), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    for n, label in enumerate(labels, 1):
        x = 20 + round(CHAR * CELL * (n - 1))
        key_end = x + round(CHAR * (3 if f_keys else 2))
        draw.rectangle((x, TOP, key_end - 1, BOTTOM - 1), fill=LABEL_GROUND if one_ground else KEY_GROUND)
        draw.rectangle((key_end, TOP, 20 + round(CHAR * CELL * n) - 1, BOTTOM - 1), fill=LABEL_GROUND)
        key = f"F{n}" if f_keys else f"{n:>2}"
        draw.text((x, TOP + 2), key, font=FONT, fill=(255, 165, 0))
        draw.text((key_end, TOP + 2), label, font=FONT, fill=(220, 220, 220))
    return picture


def _row(texts: list[tuple[int, str, float]]) -> list[OcrLine]:
    """The engine's reading of the bar: (cell number, text, confidence) each, boxed from its cell's
    start by its characters."""
    lines = []
    for n, text, conf in texts:
        x = 20 + round(CHAR * CELL * (n - 1))
        lines.append(OcrLine.of([OcrWord(text, (x, TOP + 3, x + round(CHAR * len(text)), BOTTOM - 4), conf)]))
    return lines


class _Told:
    """A cell reader that reads each cell of ``picture`` (found by its pixels) as the text given for it."""

    def __init__(
        self, said: dict[int, tuple[str, float]], picture: Image.Image, in_order: bool = False
    ) -> None:
        self.said = said
        self.in_order = in_order
        self.pixels = np.asarray(picture)
        self.asked: list[int] = []

    def read(self, crops: list[np.ndarray], groups: list[int] | None = None) -> list[ReadLine]:
        out = []
        for crop in crops:
            n = self._which(crop)
            self.asked.append(n)
            text, conf = self.said.get(n, ("", 0.0))
            out.append(ReadLine(text, conf, [ReadWord(text, 0.0, 1.0, conf)] if text else []))
        return out

    def _which(self, crop: np.ndarray) -> int:
        """The cell whose pixels the crop is (0: none); where cells are placed by their keys rather
        than their grounds, the cells in order."""
        if self.in_order:
            return len(self.asked) + 1
        h, w = crop.shape[:2]
        for n in range(1, 40):
            x = 20 + round(CHAR * CELL * (n - 1))
            if np.array_equal(self.pixels[TOP : TOP + h, x : x + w], crop):
                return n
        return 0


def _said(lines: list[OcrLine]) -> str:
    return " ".join(w.text for line in sorted(lines, key=lambda ln: ln.box[0]) for w in line.words)


def test_mcs_bar_is_found_cell_by_cell() -> None:
    picture = _bar_picture()
    bar = find_bar(np.asarray(picture), TOP + 3, BOTTOM - 4, CHAR, BarCellsConfig())
    assert bar is not None
    assert len(bar.cells) == 10
    starts = [20 + round(CHAR * CELL * (n - 1)) for n in range(1, 11)]
    assert [x0 for x0, _ in bar.cells] == starts
    assert (bar.top, bar.bottom) == (TOP, BOTTOM)


def test_rows_that_are_no_bar_are_not_taken_for_one() -> None:
    """A table row with column rules, text on one ground, and a bar of five keys."""
    cfg = BarCellsConfig()
    table = Image.new("RGB", (800, 60), (40, 40, 40))
    draw = ImageDraw.Draw(table)
    for x in range(40, 800, 70):
        draw.line((x, 0, x, 59), fill=(200, 200, 200), width=2)
        draw.text((x + 6, 20), "4096 May", font=FONT, fill=(230, 230, 230))
    assert find_bar(np.asarray(table), 22, 36, CHAR, cfg) is None
    text = Image.new("RGB", (800, 60), (255, 255, 255))
    ImageDraw.Draw(text).text((10, 20), "1Help 2Menu 3View 4Edit 5Copy 6RenMov 7Mkdir", font=FONT, fill=0)
    assert find_bar(np.asarray(text), 22, 36, CHAR, cfg) is None
    five = _bar_picture(MC[:5])
    assert find_bar(np.asarray(five), TOP + 3, BOTTOM - 4, CHAR, cfg) is None


def test_cells_lost_or_misread_are_read_again_and_their_keys_cut_off() -> None:
    lines = _row(
        [(3, "Viéw", 0.9), (4, "4", 0.6), (5, "scopy", 0.8), (8, "Bpelete", 0.4), (10, "ioquit", 0.4)]
    )
    picture = _bar_picture()
    told = _Told({n: (f"{n}{label}", 0.99) for n, label in enumerate(MC, 1)}, picture)
    out = bar_cells(picture, lines, told)
    assert told.asked == list(range(1, 11))
    assert _said(out) == " ".join(f"{n} {label}" for n, label in enumerate(MC, 1))
    key, label = next(line.words for line in out if line.words[0].text == "6")
    assert key.box[2] == label.box[0] and key.box[0] < label.box[0] < label.box[2]


def test_a_cell_read_sure_with_its_key_is_not_read_again_only_its_key_cut_off() -> None:
    lines = _row([(n, f"{n}{label}", 0.99) for n, label in enumerate(MC, 1) if n not in (4, 7)])
    x0, y0, x1, y1 = _row([(4, "4Edit", 0.99)])[0].box
    apart = [
        OcrLine.of([OcrWord("4", (x0, y0, x0 + 8, y1), 0.99)]),
        OcrLine.of([OcrWord("Edit", (x0 + 9, y0, x1, y1), 0.99)]),
    ]
    picture = _bar_picture()
    told = _Told({7: ("7Mkdir", 0.97)}, picture)
    out = bar_cells(picture, lines + apart, told)
    assert told.asked == [7]
    assert _said(out) == " ".join(f"{n} {label}" for n, label in enumerate(MC, 1))
    assert all(line in out for line in apart)  # read apart already: kept as read
    glued = next(line.box for line in lines if line.text == "6RenMov")
    key, label = next(line.words for line in out if line.words[0].text == "6")
    assert (key.box[0], label.box[2]) == (glued[0], glued[2])
    assert key.box[2] == label.box[0] == glued[0] + round((glued[2] - glued[0]) / 7)


def test_a_reading_whose_number_is_not_its_cells_or_unsure_is_not_taken() -> None:
    lines = _row([(10, "10", 0.8)])
    said = {n: (f"{n}{label}", 0.99) for n, label in enumerate(MC, 1)}
    said[10] = ("18Quit", 0.99)  # another number than the tenth cell's
    said[2] = ("2Menu", 0.5)  # unsure
    picture = _bar_picture()
    out = bar_cells(picture, lines, _Told(said, picture))
    spoken = _said(out)
    assert "18" not in spoken and "10" in spoken and "Menu" not in spoken and "3 View" in spoken


def test_too_few_cells_agreeing_on_the_numbering_change_nothing() -> None:
    lines = _row([(1, "Help", 0.5)])
    said = {1: ("1Help", 0.99), 2: ("5Menu", 0.99), 3: ("9View", 0.99)}
    picture = _bar_picture()
    assert bar_cells(picture, lines, _Told(said, picture)) is lines


def test_htops_function_keys_are_numbered_too() -> None:
    labels = ("Help", "Setup", "Search", "Filter", "Tree", "SortBy", "Nice -", "Nice +", "Kill", "Quit")
    lines = _row([(6, "By", 0.99)])
    picture = _bar_picture(labels, f_keys=True)
    told = _Told({n: (f"F{n}{label}", 0.99) for n, label in enumerate(labels, 1)}, picture)
    out = bar_cells(picture, lines, told)
    assert "F6 SortBy" in _said(out) and "F7 Nice -" in _said(out) and " By " not in f" {_said(out)} "


def test_a_bar_on_one_ground_is_found_from_its_keys_read_right() -> None:
    """mc's keys in another ink on the labels' ground: no grounds tell the cells, the keys read right
    do ("2Menu" ... "5Copy" on one pitch); the cells before, between and after are read."""
    picture = _bar_picture(one_ground=True)
    assert find_bar(np.asarray(picture), TOP + 3, BOTTOM - 4, CHAR, BarCellsConfig()) is None
    lines = []
    for n in (2, 3, 4, 5, 7):
        x = 20 + round(CHAR * CELL * (n - 1) + CHAR)  # the key's one figure, right in its two
        text = f"{n}{MC[n - 1]}"
        lines.append(OcrLine.of([OcrWord(text, (x, TOP + 3, x + round(CHAR * len(text)), BOTTOM - 4), 0.92)]))
    told = _Told({n: (f"{n}{label}", 0.99) for n, label in enumerate(MC, 1)}, picture, in_order=True)
    out = bar_cells(picture, lines, told)
    assert len(told.asked) == 10
    for n in (1, 6, 10):  # each cell where mc draws it
        key = next(line.words[0] for line in out if line.words[0].text == str(n))
        assert abs(key.box[0] - (20 + CHAR * CELL * (n - 1))) <= CHAR, (n, key.box)
    assert _said(out) == " ".join(f"{n} {label}" for n, label in enumerate(MC, 1))


def test_keys_off_one_pitch_or_too_few_make_no_bar() -> None:
    def found(places: list[tuple[int, float]], width: int = 2000) -> Any:
        words = [OcrWord(f"{n}Menu", (round(x), 30, round(x + 5 * CHAR), 44), 0.9) for n, x in places]
        return bar_by_keys(words, CHAR, (30, 44), width, BarCellsConfig())

    assert found([(2, 100), (3, 240), (4, 380)]) is not None
    assert found([(2, 100), (3, 240)]) is None  # two
    assert found([(2, 100), (3, 240), (4, 420)]) is None  # off the pitch
    assert found([(2, 100), (4, 240), (3, 380)]) is None  # not rising
    assert found([(2, 10), (3, 40), (4, 70)]) is None  # no label's room
    assert found([(11, 100), (12, 240), (13, 380)]) is None  # beyond the tenth
    at_edge = found([(2, 1700), (3, 1840), (4, 1980)], width=2030)  # read up to the picture's edge
    assert at_edge is not None and at_edge.cells[-1][1] <= 2030


@pytest.mark.skipif(
    not (tesseract_available() and line_reader_available()), reason="needs tesseract and the recogniser"
)
@pytest.mark.timeout(180)
def test_mcs_bar_on_a_real_screen_is_said_in_full() -> None:
    """Half A's mc in Fira Mono at 1920 x 1080, read as the app reads a file: on the code before this
    module the bar was "3 Viéw 4 edit scopy. Bpelete. ioquit."."""
    from assistant.describe import Describer, DescriberOptions

    said = (
        Describer(DescriberOptions(photo_ocr="none", verbosity="full"))
        .describe(SCREEN_PNG / "term-mc-fira-modarin.png")
        .text
    )
    assert "1 Help 2 Menu 3 View 4 Edit 5 Copy 6 RenMov 7 Mkdir 8 Delete 9 PullDn 10 Quit" in said, said


def test_random_pictures_and_readings_never_break_it() -> None:
    """Seeded random grounds, cells and readings: nothing raises, no line comes back empty, and a
    word is only ever added as a key and its label."""
    rng = random.Random(20261207)
    colours = [(0, 0, 0), (68, 68, 68), (48, 48, 48), (255, 255, 255), (0, 128, 128)]
    for _ in range(60):
        width = rng.randint(40, 900)
        picture = Image.new("RGB", (width, 60), rng.choice(colours))
        draw = ImageDraw.Draw(picture)
        x = 0
        while x < width:
            step = rng.randint(3, 140)
            draw.rectangle((x, 20, x + step, 40), fill=rng.choice(colours))
            x += step + 1
        lines = [
            OcrLine.of(
                [OcrWord(rng.choice(["1Help", "x", "F2", "Menu", "é"]), (x0, 22, x0 + 30, 38), rng.random())]
            )
            for x0 in sorted(rng.sample(range(0, width), min(width, rng.randint(0, 8))))
        ]
        said = {n: (rng.choice(["", f"{n}Help", "3x", f"F{n} a"]), rng.random()) for n in range(40)}
        told = _Told(said, picture)
        out = bar_cells(picture, lines, told)
        assert all(line.words for line in out)
        before = {id(w) for line in lines for w in line.words}
        for line in out:
            if any(id(w) not in before for w in line.words):  # a cell read again: its key, its label
                key, label = line.words
                assert re.fullmatch(r"F?\d{1,2}", key.text) and label.text, line.text
