"""Spaces the engines ran over (assistant.ocr.spaces), on lines read by the real recogniser."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.line_reader import LineReader, line_reader_available
from assistant.ocr.look_read import read_places
from assistant.ocr.second_look import SecondLookConfig
from assistant.ocr.spaces import bare_underscores, figures_joined, split_lines, split_word, underscored
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
LIBERATION = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"


def _read(text: str, font: str, size: int) -> tuple[list[str], list[str]]:
    """``text`` drawn on a key's light grey, read by the recogniser as one line: its words as read,
    and after :func:`split_lines`."""
    image = Image.new("RGB", (200, 40), (239, 239, 239))
    ImageDraw.Draw(image).text((20, 10), text, font=ImageFont.truetype(font, size), fill="black")
    rgb, gray = np.asarray(image), np.asarray(image.convert("L"))
    lines, _, _ = read_places(rgb, gray, [], LineReader(), SecondLookConfig(), [(12, 4, 190, 36)])
    after = split_lines(lines, gray)
    return [w.text for ln in lines for w in ln.words], [w.text for ln in after for w in ln.words]


@pytest.mark.skipif(not line_reader_available(), reason="needs the PP-OCR models")
@pytest.mark.timeout(60)
def test_a_space_where_a_digit_meets_letters_splits_the_word() -> None:
    read, split = _read("2 ABC", SANS, 16)  # a dial pad's key
    assert read == ["2ABC"], "the recogniser kept the space; nothing to show"
    assert split == ["2", "ABC"]
    read, split = _read("1.8T 468G 5d", MONO, 13)  # a terminal's sizes: letters a pixel or two apart
    assert split == read == ["1.8T", "468G", "5d"]


@pytest.mark.skipif(not line_reader_available(), reason="needs the PP-OCR models")
@pytest.mark.timeout(60)
def test_small_faint_text_run_together_by_the_recogniser_is_cut_at_its_spaces() -> None:
    """A dialog's small light grey note: enlarged to the recogniser's height its spaces are lost
    ("512MBleft."); the ink's gaps, far wider than the letters' own, put them back. Right readings
    of single words in four fonts are not cut. (Drawn in fonts CI installs: DejaVu Sans at 10 px is
    read run together as Noto Sans at 9 px was; fonts-noto-core would also make Noto the desktop's
    sans-serif for every other test.)"""
    image = Image.new("RGB", (260, 30), (239, 239, 239))
    ImageDraw.Draw(image).text(
        (10, 8), "512 MB left.", font=ImageFont.truetype(SANS, 10), fill=(160, 160, 160)
    )
    rgb, gray = np.asarray(image), np.asarray(image.convert("L"))
    lines, _, _ = read_places(rgb, gray, [], LineReader(), SecondLookConfig(), [(4, 3, 250, 27)])
    assert [w.text for ln in lines for w in ln.words] == ["512MBleft."], "the recogniser kept the spaces"
    assert [w.text for ln in split_lines(lines, gray, letters=True) for w in ln.words] == [
        "512",
        "MB",
        "left.",
    ]
    for word, font in [
        ("Preferences", SANS),
        ("Attachments", MONO),
        ("Typography", LIBERATION),
        ("AVAILABLE", SANS),
    ]:
        image = Image.new("RGB", (260, 30), (239, 239, 239))
        ImageDraw.Draw(image).text((10, 8), word, font=ImageFont.truetype(font, 11), fill=(20, 20, 20))
        rgb, gray = np.asarray(image), np.asarray(image.convert("L"))
        lines, _, _ = read_places(rgb, gray, [], LineReader(), SecondLookConfig(), [(4, 3, 250, 27)])
        assert [w.text for ln in split_lines(lines, gray, letters=True) for w in ln.words] == [word]


def _tesseract_lines(screen: str, box: tuple[int, int, int, int]) -> tuple[list[OcrLine], np.ndarray]:
    """Tesseract's lines on a crop of a half-A screenshot (every mark kept, as the second look
    runs it), and the crop's grey."""
    with Image.open(SCREEN_PNG / f"{screen}.png") as image:
        crop = image.convert("RGB").crop(box)
    engine = TesseractEngine()
    engine.min_confidence = 0.0
    return engine.recognize(crop).lines, np.asarray(crop.convert("L"))


@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
@pytest.mark.timeout(60)
def test_a_gap_as_wide_as_the_lines_spaces_splits_a_word() -> None:
    """Half A's Qt and zenity dialogs set "A new version" and "Type a new name" so tight that
    tesseract reads "Anew"; the gap after "A" is as wide as the line's spaces. A man page's 6x10
    font, whose "l" and "i" stand a few pixels from their neighbours, keeps every word whole."""
    for screen, box, text in [
        ("dlg-qt-light-update", (690, 405, 980, 440), "A new version of Notes is available"),
        ("dlg-zenity-entry-rename", (400, 290, 720, 400), "Type a new name for the folder:"),
    ]:
        lines, gray = _tesseract_lines(screen, box)
        read = [ln.text for ln in lines]
        if text in read:
            pytest.skip(f"tesseract read {text!r} right: nothing to show")
        assert text in [ln.text for ln in split_lines(lines, gray)], read
    lines, gray = _tesseract_lines("man-find-6x10", (0, 0, 700, 300))
    assert [ln.text for ln in split_lines(lines, gray)] == [ln.text for ln in lines]


@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
@pytest.mark.timeout(60)
def test_a_cells_gap_as_wide_as_the_spaces_of_lines_of_its_height_splits_it() -> None:
    """A table's cells hold a word or two, too few spaces to measure: half A's Qt table heading
    "In stock" is read "Instock" (0.94 sure). The spaces of the picture's other lines of its
    height are the measure then; the table's other cells keep their words whole, but for the
    tyre size "28 x 1.75" (so in the screen's truth), whose space before the "x" tesseract loses
    too and the same measure puts back."""
    lines, gray = _tesseract_lines("table-icewm-qt-bike-parts", (300, 150, 1000, 600))
    read = [w.text for ln in lines for w in ln.words]
    if "Instock" not in read:
        pytest.skip("tesseract read the heading's space: nothing to show")
    split = [w.text for ln in split_lines(lines, gray) for w in ln.words]
    assert "Instock" not in split and "stock" in split, (read, split)
    assert [w for w in split if w not in ("In", "stock")] == [
        p for w in read if w != "Instock" for p in w.replace("28x", "28 x ").split()
    ], (read, split)


@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
@pytest.mark.timeout(60)
def test_an_underscore_read_as_a_space_joins_the_words() -> None:
    """Half A's DejaVu Sans Mono 8 terminal lists photos "IMG_20240612_101533.jpg": the pale
    underscore lies a row under the letters, and tesseract reads a space. The 6x10 man page of the
    test above (tight rows, the next line's letters just under the gaps) joins nothing."""
    lines, gray = _tesseract_lines("term-dejavu8-photos", (490, 190, 670, 250))
    read = " ".join(ln.text for ln in lines)
    if "IMG_20240612_101610" in read:
        pytest.skip("tesseract read the underscores: nothing to show")
    joined = " ".join(ln.text for ln in split_lines(lines, gray))
    assert "IMG_20240612_101610" in joined, (read, joined)
    assert " 20240612 " not in joined, (read, joined)


def test_a_letters_tail_or_the_next_lines_letters_under_a_gap_are_no_underscore() -> None:
    """Words as the engines boxed them on two half-A screens: a link "Volunteer as a fixer" whose
    "a" was boxed loose, down to the next line's letters (under the gap after "Volunteer", the
    dot of an "i"), and a file chooser's "21 Jun", the "J"'s tail curling under the gap. Neither
    is an underscore: "Volunteer_as", "21_Jun" were said."""
    for screen, boxed in [
        (
            "page-chromium-search-results",
            [
                ("Volunteer", (311, 652, 385, 665)),
                ("as", (390, 655, 408, 665)),
                ("a", (411, 649, 419, 672)),
                ("fixer", (428, 652, 461, 665)),
            ],
        ),
        ("dlg-zenity-file-chooser", [("21", (1575, 364, 1588, 377)), ("Jun", (1593, 364, 1612, 379))]),
    ]:
        with Image.open(SCREEN_PNG / f"{screen}.png") as image:
            gray = np.asarray(image.convert("L"))
        line = OcrLine.of([OcrWord(text, box, 0.9) for text, box in boxed], 0.9)
        assert [w.text for w in underscored(line, gray).words] == [text for text, _ in boxed]


def _figure_pieces(text: str, pieces: list[str]) -> tuple[list[OcrLine], np.ndarray]:
    """``text`` drawn large in DejaVu Sans Mono, as a calculator's display, and read as the places
    the second look cut it into: one line per piece of ``pieces`` (consecutive runs of its
    characters, spaces dropped, each boxed round its own ink; the marks between pieces unread)."""
    font = ImageFont.truetype(MONO, 28)
    image = Image.new("L", (40 + 20 * len(text), 50), 250)
    draw = ImageDraw.Draw(image)
    draw.text((20, 8), text, font=font, fill=20)
    gray = np.asarray(image)
    lines, at = [], 0
    for piece in pieces:
        at = text.index(piece, at)
        x0 = 20 + round(draw.textlength(text[:at], font=font))
        x1 = 20 + round(draw.textlength(text[: at + len(piece)], font=font))
        cols = np.flatnonzero((gray[:, x0:x1] < 128).any(axis=0))
        rows = np.flatnonzero((gray[:, x0:x1] < 128).any(axis=1))
        box = (x0 + int(cols[0]), int(rows[0]), x0 + int(cols[-1]) + 1, int(rows[-1]) + 1)
        lines.append(OcrLine.of([OcrWord(piece, box, 0.99)]))
        at += len(piece)
    return lines, gray


def test_figures_read_apart_at_their_decimal_point_are_one_number() -> None:
    """Half A's calculators: the second look cut a display's "0.5" and "1,234.5" where the small
    mark left a gap, and read "0" "5", or "1" "234." "5". The mark seen between the pieces joins
    them; figures with a space between them stay apart."""
    for text, pieces in [("0.5", ["0", "5"]), ("1,234.5", ["1", "234.", "5"]), ("42.75", ["42", "75"])]:
        lines, gray = _figure_pieces(text, pieces)
        assert [ln.text for ln in figures_joined(lines, gray)] == [text]
    lines, gray = _figure_pieces("12 34", ["12", "34"])
    assert [ln.text for ln in figures_joined(lines, gray)] == ["12", "34"]


def test_a_fixed_width_ones_room_in_its_cell_is_no_space() -> None:
    """st's RSS column (a real capture, light on dark): a "1" is a thin stroke in a whole figure's
    cell, and the gap after it in "1756" is twice the others (cut "1 756" before); a space between
    fixed-width figures is a whole cell more, and still cuts."""
    from assistant.ocr.spaces import split_figures

    screen = SCREEN_PNG / "term-df-ps-st.png"
    gray = np.asarray(Image.open(screen).convert("L"))
    for box in ((407, 250, 441, 261), (407, 295, 441, 306)):
        word = OcrWord("1756", box, 0.9)
        assert split_figures(word, gray) == [word]
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 14)
    picture = Image.new("L", (200, 30), 255)
    ImageDraw.Draw(picture).text((10, 6), "1 756", font=font, fill=0)
    ink = np.asarray(picture) < 128
    cols, rows = np.flatnonzero(ink.any(axis=0)), np.flatnonzero(ink.any(axis=1))
    box = (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)
    assert [w.text for w in split_figures(OcrWord("1756", box, 0.9), np.asarray(picture))] == ["1", "756"]


@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
@pytest.mark.timeout(60)
def test_an_underscore_read_over_bare_ground_is_a_space() -> None:
    """Tesseract read nano's title bar "GNU nano" (white on black, half A multi-nano-tk-side-fluxbox)
    as "GNU_nano": the columns between the words are bare from the letters' top to below their
    foot, and an underscore would fill its character's width there. A real underscore, an
    xterm's "server_name" as tesseract reads it (multi-dark-terminals-dialog), stays."""
    gray = np.asarray(Image.open(SCREEN_PNG / "multi-nano-tk-side-fluxbox.png").convert("L"))
    cut = bare_underscores(OcrWord("GNU_nano", (60, 108, 145, 122), 0.9), gray)
    assert [w.text for w in cut] == ["GNU", "nano"]
    assert cut[0].box[2] < cut[1].box[0]
    lines, gray = _tesseract_lines("multi-dark-terminals-dialog", (0, 0, 1920, 1080))
    real = [w for ln in lines for w in ln.words if "_" in w.text.strip("_")]
    assert real, [ln.text for ln in lines]
    assert all(bare_underscores(w, gray) == [w] for w in real)


def test_a_keys_name_and_its_label_on_grounds_of_their_own_are_two_words() -> None:
    """htop's key bar (half A term-htop-hack-black) draws "F1" on the terminal's black and "Help"
    on cyan with no space between; PP-OCR's recogniser read "F1Help" and "F2Setup" there, boxed
    so. Where the ground steps from one to the other they are two words; the same text over the
    process list's one ground is left whole."""
    gray = np.asarray(Image.open(SCREEN_PNG / "term-htop-hack-black.png").convert("L"))
    cut = split_word(OcrWord("F1Help", (64, 726, 116, 752), 1.0), gray)
    assert [w.text for w in cut] == ["F1", "Help"]
    assert cut[0].box[2] == cut[1].box[0] and 64 < cut[0].box[2] < 116
    assert [w.text for w in split_word(OcrWord("F2Setup", (129, 726, 185, 751), 1.0), gray)] == [
        "F2",
        "Setup",
    ]
    assert [w.text for w in split_word(OcrWord("F1Help", (64, 600, 116, 626), 1.0), gray)] == ["F1Help"]


def test_a_key_bar_read_with_the_label_before_its_key_is_cut_at_the_cells() -> None:
    """htop's "Search" fills its cell, so "F4" follows it with no space, and the recogniser read
    "F3SearchF4FilterF5Tree" and "+F9kill" there (half A term-fvwm-htop-3270, IBM 3270 font): a
    leading label and a mark before a key are cut off too, at the ground's step, which rough
    letter widths put half a cell off after "Search" and "Filter" (a terminal's cells are even).
    The same text over the process list's one ground is left whole."""
    gray = np.asarray(Image.open(SCREEN_PNG / "term-fvwm-htop-3270.png").convert("L"))
    bar = split_word(OcrWord("F3SearchF4FilterF5Tree", (193, 658, 391, 686), 1.0), gray)
    assert [w.text for w in bar] == ["F3", "Search", "F4", "Filter", "F5", "Tree"]
    kill = split_word(OcrWord("+F9kill", (612, 658, 679, 684), 1.0), gray)
    assert [w.text for w in kill] == ["+", "F9", "kill"]
    assert [w.text for w in split_word(OcrWord("SearchF4Filter", (210, 600, 336, 626), 1.0), gray)] == [
        "SearchF4Filter"
    ]


def test_an_initial_run_into_its_name_is_cut_after_its_dot() -> None:
    """A Tk table's names in Cabin 11 (half A table-tk-wide-cabin-plots): "D. Petrakis", "A. Mensah",
    "F. Oduya" leave 3 or 4 pixels after the dot, between letters touching or a pixel apart, and
    both engines read them run together; cut after the dot. A dot with no space after it stands as
    close to the next letter as the letters stand to each other, and the word stays whole."""
    gray = np.asarray(Image.open(SCREEN_PNG / "table-tk-wide-cabin-plots.png").convert("L"))
    for text, box in (
        ("D.Petrakis", (362, 309, 427, 325)),
        ("A.Mensah", (356, 363, 430, 379)),
        ("F.Oduya", (358, 390, 419, 410)),
    ):
        assert [w.text for w in split_word(OcrWord(text, box, 0.6), gray)] == [text[:2], text[2:]]
    image = Image.new("L", (200, 40), 255)
    ImageDraw.Draw(image).text((20, 10), "J.Smith", font=ImageFont.truetype(SANS, 16), fill=0)
    word = OcrWord("J.Smith", (18, 8, 90, 32), 0.9)
    assert split_word(word, np.asarray(image)) == [word]
