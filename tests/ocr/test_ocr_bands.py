"""Text on coloured bands and in reverse video made plain for tesseract (assistant.ocr.bands), on
real screens of half A (datasets/screens): Midnight Commander's key bar ("1" on black, "Help" on
cyan) and nano's keys in reverse video, in antialiased fonts; a page of plain text left alone."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.bands import plain_lines
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG


def _picture(name: str, box: tuple[int, int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    image = Image.open(SCREEN_PNG / f"{name}.png").convert("RGB").crop(box)
    return np.asarray(image), np.asarray(image.convert("L"))


@pytest.mark.parametrize(
    ("name", "box", "top_row", "middle"),
    [
        ("term-mc-music-stick", (100, 962, 1560, 1000), 9, 15),  # (the bar: rows 969-988)
        # htop's bar (Hack) from "F3" on: "F6" fills its two black cells from side to side, no
        # flat column between its letters, its label's line a dense one; black above the bar,
        # the terminal's own ground
        ("term-htop-hack-black", (192, 700, 1280, 760), 30, 37),  # (the bar: rows 729-746)
    ],
)
def test_a_key_bar_is_made_plain_and_cut_where_its_ground_changes(
    name: str, box: tuple[int, int, int, int], top_row: int, middle: int
) -> None:
    """A key bar: every key's name on black and its label on cyan, the ground changing at each
    cell's side; the bar's rows come back dark ink on white, and a cut lies between each key's
    name and its label, where the black cells end."""
    rgb, gray = _picture(name, box)
    lines, cuts = plain_lines(rgb, gray)
    assert lines, "the key bar was not seen as a band"
    bar = [ln for ln in lines if ln[1] <= middle <= ln[3]]
    assert sum(x1 - x0 for x0, _, x1, _, _ in bar) >= 0.8 * gray.shape[1]
    for _, _, _, _, grey in bar:
        assert np.median(grey) > 240  # the ground white, cyan or black alike
    # Where a black cell turns to cyan, the top row of the bar changes from 0 to the cyan's grey.
    top = gray[top_row]
    turns = np.flatnonzero((top[:-1] < 30) & (top[1:] > 100)) + 1
    assert len(turns) >= 8
    for x in turns:
        assert any(abs(c.x - x) <= 1 for c in cuts), (x, [c.x for c in cuts])


def test_a_page_of_plain_text_is_left_alone() -> None:
    """A Chromium article on a white page beside a dark desktop: a window's edge is no band, and
    nothing on the page is made plain; no cut goes through a word (each lies between two columns
    of flat ground: a window's or a box's edge)."""
    rgb, gray = _picture("article-chromium-courier", (0, 150, 1920, 700))
    lines, cuts = plain_lines(rgb, gray)
    assert not lines
    for cut in cuts:
        for x in (cut.x - 1, cut.x):
            column = gray[cut.y0 : cut.y1, x].astype(int)
            assert column.max() - column.min() <= 6, (cut, column)


@pytest.mark.skipif(not tesseract_available(), reason="needs tesseract")
@pytest.mark.timeout(60)
def test_key_bar_words_are_read_apart_from_their_keys() -> None:
    """Tesseract on the key bar alone: each label read as a word of its own, not run into its
    digit ("2Menu"), and none lost on the cyan ground."""
    image = Image.open(SCREEN_PNG / "term-mc-music-stick.png").convert("RGB").crop((100, 962, 1560, 1000))
    words = [w.text for ln in TesseractEngine(min_confidence=0.0).recognize(image).lines for w in ln.words]
    for label in ("Help", "Menu", "View", "Edit", "Copy", "RenMov", "Mkdir", "Delete", "Quit"):
        assert label in words, words


def test_a_title_bar_and_a_selection_are_no_bands() -> None:
    """A window manager's title bar shaded top to bottom (xfwm's blue over a terminal) is no row
    of cells: nothing on it is made plain and no word on it is cut; a Qt table's selected row and
    zenity's selected entry, white letters on a middle blue, are left to the usual preparation
    (made plain, tesseract ran the row above into one word: "ATale")."""
    rgb, gray = _picture("term-git-log-status", (0, 95, 1280, 150))
    lines, cuts = plain_lines(rgb, gray)
    assert not [ln for ln in lines if ln[1] < 35], [ln[:4] for ln in lines]  # (the bar: rows 110-133)
    assert not [c for c in cuts if c.y0 < 35], cuts
    for name, rows in (("table-qt-striped-loans", (356, 381)), ("dlg-zenity-entry-rename", (360, 392))):
        rgb, gray = _picture(name, (0, 0, *Image.open(SCREEN_PNG / f"{name}.png").size))
        lines, _ = plain_lines(rgb, gray)
        assert not [ln for ln in lines if ln[1] < rows[1] and rows[0] < ln[3]], [ln[:4] for ln in lines]


@pytest.mark.parametrize("shape", [(60, 1), (1, 60), (1, 1), (400, 1)])
def test_a_picture_a_pixel_wide_or_tall_has_no_band(shape: tuple[int, int]) -> None:
    rgb = np.full((*shape, 3), 200, dtype=np.uint8)
    assert plain_lines(rgb, rgb[..., 0].copy()) == ([], [])


def test_a_bold_headings_stems_are_no_band() -> None:
    """A bold serif heading's "M": its stems are flat columns of the ink's colour between the page's
    light ground, as a cursor's cell is, but no taller than the heading's letters; made plain and
    cut, it read "W inutes" (a rendered two-column page)."""
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 32)
    picture = Image.new("RGB", (1000, 120), (250, 248, 242))
    ImageDraw.Draw(picture).text((80, 40), "Minutes of the parish meeting", font=font, fill=(20, 20, 20))
    rgb = np.asarray(picture)
    pieces, cuts = plain_lines(rgb, np.asarray(picture.convert("L")))
    m = (80, 125)  # the "M"'s columns
    assert not any(x0 < m[1] and m[0] < x1 for x0, _, x1, _, _ in pieces)
    assert not any(m[0] <= cut.x <= m[1] for cut in cuts)


def test_a_word_is_cut_where_its_ground_changes_next_to_a_keys_name_only() -> None:
    """A key bar's "F4" between labels on another ground is cut out of the run tesseract read
    ("SearchF4FilterF5Tree"); a search match or a selection colouring part of a word is not
    ("Replanting" with "plant" highlighted stays one word)."""
    from assistant.ocr.bands import Cut, split_words
    from assistant.ocr.boxes import OcrWord

    bar = OcrWord("SearchF4FilterF5Tree", (0, 0, 200, 10), 0.9)
    at = [Cut(x=x, y0=0, y1=10) for x in (60, 80, 140, 160)]
    assert [w.text for w in split_words([bar], at)] == ["Search", "F4", "Filter", "F5", "Tree"]
    match = OcrWord("Replanting", (0, 0, 100, 10), 0.9)
    assert split_words([match], [Cut(x=20, y0=0, y1=10), Cut(x=70, y0=0, y1=10)]) == [match]
    # A function key's "1" read as a letter ("FiHelp", htop's bar in Hack) is still a key's name.
    first = OcrWord("FiHelp", (0, 0, 60, 10), 0.9)
    assert [w.text for w in split_words([first], [Cut(x=20, y0=0, y1=10)])] == ["F1", "Help"]
    word = OcrWord("Finder", (0, 0, 60, 10), 0.9)
    assert split_words([word], [Cut(x=20, y0=0, y1=10)]) == [word]


def test_a_bands_rows_under_its_letters_descenders_are_the_band() -> None:
    """tig's selected row (Hermit, white on green, rows 163-178 of the screen): its last rows of
    ground lie under "[main]"'s brackets and "Prepare"'s "p" in some slabs; the band is made
    plain to its last green row in every slab (left green, those rows turned into dark lines
    along the letters)."""
    rgb, gray = _picture("term-tig-st-hermit", (0, 0, 1920, 1080))
    band = [ln for ln in plain_lines(rgb, gray)[0] if ln[1] <= 170 < ln[3]]
    assert len(band) >= 5
    assert {(y0, y1) for _, y0, _, y1, _ in band} == {(163, 179)}


def test_a_light_header_row_in_a_dark_terminal_is_made_plain_and_seen_dark_by_the_inversion() -> None:
    """top's column header (black on yellow, one line, dark terminal above and below): made plain;
    and for the dark areas' inversion it is of the dark ground round it (light, the inversion's
    windows reached a few rows into it and drew dark lines along its letters)."""
    from assistant.ocr.bands import for_inversion

    rgb, gray = _picture("term-top-colour-fantasque", (0, 0, 1280, 800))
    pieces = [ln for ln in plain_lines(rgb, gray)[0] if ln[1] <= 187 < ln[3]]
    assert sum(x1 - x0 for x0, _, x1, _, _ in pieces) >= 700
    assert {(y0, y1) for _, y0, _, y1, _ in pieces} == {(179, 195)}
    seen = for_inversion(gray, pieces)
    assert (seen[179:195, 100:900] < 60).all()
    # A band with light ground beside it (mc's key bar over the window's light edge) is seen plain.
    rgb, gray = _picture("term-mc-music-stick", (100, 962, 1560, 1000))
    pieces = plain_lines(rgb, gray)[0]
    seen = for_inversion(gray, pieces)
    for x0, y0, x1, y1, grey in pieces:
        assert (seen[y0:y1, x0:x1] == grey).all()


def test_letters_apart_from_their_ground_in_colour_only_are_a_line() -> None:
    """A terminal table's header: grey letters (127) on cyan (144 in grey): one grey threshold
    finds no stroke in it, their colours differ by far; the row is found as a line and made plain,
    dark letters on white."""
    rgb, gray = _picture("table-term-column-stripes", (0, 100, 800, 200))
    lines, _ = plain_lines(rgb, gray)
    header = [ln for ln in lines if ln[1] <= 30 < ln[3]]  # (the header: rows 120-139 of the screen)
    assert sum(x1 - x0 for x0, _, x1, _, _ in header) >= 500
    for _, _, _, _, grey in header:
        assert np.median(grey) > 240
    letters = np.concatenate(
        [grey[:, max(0, 170 - x0) : max(0, 740 - x0)].ravel() for x0, _, _, _, grey in header]
    )
    assert (letters < 100).mean() > 0.03


@pytest.mark.parametrize(
    ("name", "cell", "word"),
    [
        # nano (Courier bold, white terminal): the cursor on "Allotment"'s "A", its cell hard
        # against the window's left edge (2 px of white, then the frame)
        ("term-nano-minutes-courier", (126, 110, 138, 130), "Allotment"),
        # w3m (Noto Mono bold, cream terminal): the cursor on "City"'s "C", dark green cell
        ("term-w3m-buses-noto", (243, 132, 255, 155), "City"),
    ],
)
def test_a_cursor_cell_its_letter_fills_is_made_plain(
    name: str, cell: tuple[int, int, int, int], word: str
) -> None:
    """A block cursor on a line's first letter, the letter filling its cell from side to side
    (too few flat columns for a run of ground): the cell is made plain from its own ground (its
    top and bottom rows), its letter dark on white, no black block; and tesseract reads the word
    whole (it was "afflotment", "Gity")."""
    rgb, gray = _picture(name, (0, 0, *Image.open(SCREEN_PNG / f"{name}.png").size))
    x0, y0, x1, y1 = cell
    assert (gray[y0, x0:x1] < 60).all()  # (the truth of the picture: a dark cell)
    pieces = [p for p in plain_lines(rgb, gray)[0] if p[0] <= x0 and x1 <= p[2] and p[1] <= y0 and y1 <= p[3]]
    assert len(pieces) == 1
    px0, py0, _, _, grey = pieces[0]
    inside = grey[y0 - py0 : y1 - py0, x0 - px0 : x1 - px0]
    assert (inside[0] > 240).all() and (inside[-1] > 240).all()  # its ground white
    assert 0.08 < float((inside < 128).mean()) < 0.5  # a letter, not a block
    if tesseract_available():
        lines = TesseractEngine().recognize(Image.open(SCREEN_PNG / f"{name}.png")).lines
        assert word in [w.text for ln in lines for w in ln.words]


@pytest.mark.parametrize(
    "name",
    ["calc-xcalc-rpn-steel", "calc-metacity-xcalc-brushed", "man-sort-6x13", "multi-nano-page-side-classic"],
)
def test_keys_a_frame_a_bitmap_heading_and_a_hollow_cursor_are_no_cursor_cells(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cells of one ground that are no block cursor on a letter: xcalc's keys (several alike on
    a line, thin outlines between), its display's thick black frame (no letter in it), a bold
    bitmap "NAME" (wider than a cell for its height), a hollow cursor's outline (the terminal's
    own ground right inside it): none is taken for one, on lines looked at for it."""
    from assistant.ocr import bands

    seen: list[bool] = []
    own_cell = bands._own_cell

    def spy(line: np.ndarray, flat: np.ndarray, strip: np.ndarray, cfg: bands.BandConfig) -> bool:
        seen.append(own_cell(line, flat, strip, cfg))
        return seen[-1]

    monkeypatch.setattr(bands, "_own_cell", spy)
    rgb, gray = _picture(name, (0, 0, *Image.open(SCREEN_PNG / f"{name}.png").size))
    plain_lines(rgb, gray)
    assert seen and not any(seen)


@pytest.mark.parametrize(
    ("name", "box", "word"),
    [
        # nano in an unfocused xterm (Fira Mono): the box round "Choir"'s "C", its top bar
        # running on into nano's title bar above
        ("multi-nano-tk-side-fluxbox", (43, 127, 53, 149), "Choir"),
        # nano in a bitmap font: the box round "Bike"'s "B"
        ("multi-nano-page-side-classic", (43, 120, 51, 136), "Bike"),
    ],
)
def test_a_hollow_cursors_outline_is_taken_away(name: str, box: tuple[int, int, int, int], word: str) -> None:
    """An unfocused terminal's cursor, a one-pixel box round a line's first letter: the line is
    made plain with the box's sides and bars in the cell's ground (white), the letter kept; and
    tesseract reads the word whole (it was "hoir", "ike")."""
    rgb, gray = _picture(name, (0, 0, *Image.open(SCREEN_PNG / f"{name}.png").size))
    x0, y0, x1, y1 = box
    assert (gray[y0:y1, x0] < 60).all() and (gray[y1 - 1, x0:x1] < 60).all()  # (the outline)
    pieces = [p for p in plain_lines(rgb, gray)[0] if p[0] <= x0 and x1 <= p[2] and p[1] <= y0 and y1 <= p[3]]
    assert len(pieces) == 1
    px0, py0, _, _, grey = pieces[0]
    cell = grey[y0 - py0 : y1 - py0, x0 - px0 : x1 - px0]
    assert (cell[:, [0, -1]] > 240).all() and (cell[[0, -1]] > 240).all()  # (no outline)
    assert 0.08 < float((cell < 128).mean()) < 0.5  # (the letter)
    if tesseract_available():
        lines = TesseractEngine().recognize(Image.open(SCREEN_PNG / f"{name}.png")).lines
        assert word in [w.text for ln in lines for w in ln.words]
