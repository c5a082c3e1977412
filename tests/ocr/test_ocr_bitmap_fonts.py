"""Man pages and listings in X core bitmap fonts read from the fonts' own glyphs
(assistant.ocr.bitmap_fonts, through assistant.ocr.glyph_vote): text drawn cell by cell with the
server's PCF fonts as xterm draws it, bold struck twice a pixel apart, underlined a row under the
baseline, and read back from an engine's words boxed and misread as tesseract and the recogniser
box and misread them on half A's man pages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.font_first import font_alone, font_sure
from assistant.ocr.glyph_vote import vote_glyphs
from tests.support.core_fonts import core_font
from tests.support.screens import SCREEN_PNG

X0, Y0 = 17, 12  # where the first cell begins

# A man page's first lines and a listing: (text, the words drawn bold, the words underlined).
PAGE = [
    ("NAME", {"NAME"}, set()),
    ("       chown - change file owner and group of each given file", {"chown"}, set()),
    ("SYNOPSIS", {"SYNOPSIS"}, set()),
    ("       chown [OPTION]... [OWNER][:[GROUP]] FILE...", {"chown"}, {"OPTION", "OWNER", "GROUP", "FILE"}),
    ("DESCRIPTION", {"DESCRIPTION"}, set()),
    ("       -c, --changes", {"-c", "--changes"}, set()),
    ("              like verbose but report only when a change is made", set(), set()),
    ("       --reference=RFILE", {"--reference"}, {"RFILE"}),
    ("              use the owner and group of RFILE instead of naming them", set(), {"RFILE"}),
    ("-rw-r--r-- 1 root root 4096 Oct  2 10:15 summary-of-changes.txt", set(), set()),
    ("drwxr-xr-x 2 root root 4096 Sep 28 07:58 drafts", set(), set()),
]
WORDS = [" ".join(text.split()) for text, _, _ in PAGE]


def _styled(text: str, words: set[str]) -> set[int]:
    """The columns of ``text`` that hold one of ``words`` (wherever it stands)."""
    cols: set[int] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            cols.update(range(at, at + len(word)))
            at = text.find(word, at + 1)
    return cols


def _page(font: ImageFont.ImageFont, pitch: int, row: int, ascent: int) -> np.ndarray:
    """PAGE as xterm draws it (``(h, w)`` grey): a cell per character, bold struck twice a pixel
    apart (xterm's way where a font has no bold twin), underline a row of ink under the baseline."""
    image = Image.new("L", (pitch * 72 + 40, row * len(PAGE) + 30), 255)
    draw = ImageDraw.Draw(image)
    for r, (text, bold, under) in enumerate(PAGE):
        strong, lined = _styled(text, bold), _styled(text, under)
        for c, ch in enumerate(text):
            x, y = X0 + c * pitch, Y0 + r * row
            draw.text((x, y), ch, font=font, fill=30)
            if c in strong:
                draw.text((x + 1, y), ch, font=font, fill=30)
            if c in lined:
                draw.line([(x, y + ascent + 1), (x + pitch - 1, y + ascent + 1)], fill=30)
    return np.asarray(image)


def _read(gray: np.ndarray, pitch: int, row: int, misread: dict[str, str]) -> list[OcrLine]:
    """PAGE's words boxed tight round their ink, as an engine boxes them, read as ``misread`` says."""
    lines = []
    for r, (text, _, _) in enumerate(PAGE):
        words, i = [], 0
        for t in text.split():
            i = text.index(t, i)
            x0, y0 = X0 + i * pitch, Y0 + r * row
            ink = gray[y0 : y0 + row, x0 : x0 + len(t) * pitch] < 128
            rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
            box = (x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1)
            words.append(OcrWord(misread.get(t, t), box, 0.9))
            i += len(t)
        lines.append(OcrLine.of(words))
    return lines


def _text(lines: list[OcrLine]) -> list[str]:
    return sorted(ln.text for ln in lines)


def _words(lines: list[OcrLine]) -> list[str]:
    return " ".join(ln.text for ln in lines).split()


@pytest.mark.parametrize(
    "name, pitch, row, ascent", [("6x10", 6, 10, 8), ("7x13", 7, 13, 11), ("6x13", 6, 13, 11)]
)
def test_bold_and_underlined_words_are_read_from_thecore_font(
    tmp_path: Path, name: str, pitch: int, row: int, ascent: int
) -> None:
    """man's bold names and options and its underlined arguments are no glyph of the plain font,
    pixel for pixel; struck twice or underlined they are still each character's own cell: 6x10's
    bold "NAME" read "NAHE" and 7x13's "chmod" read "chnod" on half A come back as drawn."""
    gray = _page(core_font(name, tmp_path), pitch, row, ascent)
    misread = {
        "NAME": "NAHE",
        "chown": "chovn",
        "--changes": "—changes",
        "FILE...": "FILE,..",
        "RFILE": "RFTLE",
    }
    read = _read(gray, pitch, row, misread)
    assert "NAHE" in _words(read) and "chovn" in _words(read)
    assert _text(vote_glyphs(read, gray)) == sorted(WORDS)


def test_a_loose_box_over_two_rows_is_read_on_its_own_row(tmp_path: Path) -> None:
    """A recogniser's box is a few pixels taller than its line and, in 6x10 (no leading), takes in
    the rows above and below: read on the row whose reading is most like the engine's."""
    gray = _page(core_font("6x10", tmp_path), 6, 10, 8)
    read = _read(gray, 6, 10, {})
    loose = []
    for line in read:
        loose.append(
            OcrLine.of(
                [
                    OcrWord("summary-of-chanqes,txt", (w.box[0], w.box[1] - 3, w.box[2], w.box[3] + 3), 0.9)
                    if w.text == "summary-of-changes.txt"
                    else w
                    for w in line.words
                ]
            )
        )
    assert "summary-of-changes.txt" in _words(vote_glyphs(loose, gray))


def test_a_listing_column_the_engine_dropped_at_the_rows_start_is_read(tmp_path: Path) -> None:
    """tesseract read ``ls -l``'s modes and link counts in 6x10 as one block of nonsense, dropped:
    the cells between the grid's first column and a row's first word read are read from the font."""
    gray = _page(core_font("6x10", tmp_path), 6, 10, 8)
    dropped = {"-rw-r--r--", "drwxr-xr-x", "1", "2"}
    read = [OcrLine.of([w for w in ln.words if w.text not in dropped]) for ln in _read(gray, 6, 10, {})]
    found = _words(vote_glyphs(read, gray))
    assert all(word in found for word in dropped)


def test_a_box_that_cut_the_first_glyph_is_read_whole(tmp_path: Path) -> None:
    """An engine's box that begins inside a word's first cell ("--changes" boxed from its second
    "-", read "-changes") is read from that cell on, the glyph it cut included."""
    gray = _page(core_font("7x13", tmp_path), 7, 13, 11)
    read = []
    for line in _read(gray, 7, 13, {}):
        words = []
        for w in line.words:
            if w.text == "--changes":
                w = OcrWord("-changes", (w.box[0] + 4, w.box[1], w.box[2], w.box[3]), 0.9)
            words.append(w)
        read.append(OcrLine.of(words))
    assert "--changes" in _words(vote_glyphs(read, gray))


def test_a_reverse_video_prompt_is_read_from_thecore_font(tmp_path: Path) -> None:
    """less's prompt under a man page, light letters on a dark bar: an engine's boxes round its
    words take in the light rows above and below the bar (a block of ink against the page), and
    it kept two words of the line. Against the bar's own colour the cells are the font's glyphs:
    the words read are read, the ones it dropped found between them."""
    font = core_font("6x10", tmp_path)
    prompt = "Manual page chown(1) line 1 (press h for help or q to quit)"
    gray = _page(font, 6, 10, 8).copy()
    y = Y0 + len(PAGE) * 10 + 2
    image = Image.new("L", (gray.shape[1], 10), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((X0, 0, X0 + len(prompt) * 6 - 1, 9), fill=0)
    for c, ch in enumerate(prompt):
        draw.text((X0 + c * 6, 0), ch, font=font, fill=255)
    gray = np.vstack([gray[:y], np.asarray(image), np.full((14, gray.shape[1]), 255, np.uint8)])
    bar = [
        OcrWord(text, (X0 + at * 6, y - 3, X0 + (at + len(word)) * 6, y + 13), 0.8)
        for word, text, at in (("Manual", "tianual", 0), ("page", "paee", 7))
    ]
    read = [*_read(gray, 6, 10, {}), OcrLine.of(bar)]
    found = _words(vote_glyphs(read, gray))
    assert all(word in found for word in ("Manual", "page", "chown(1)", "(press", "help", "quit)"))


def test_a_start_at_the_words_end_reads_no_cell() -> None:
    """A start at or past the end of a word's box leaves no cell to read: nothing, no error (a
    live three-terminal screen, half A multi-three-core-fonts, raised in the reshape)."""
    from assistant.ocr.bitmap_fonts import BitmapFont, _cells
    from assistant.ocr.cell_grid import GridWord

    gray = np.full((40, 60), 255, dtype=np.uint8)
    word = GridWord(0, 0, "ls", (10, 10, 22, 21), np.zeros((11, 12)), 255.0, 200.0)
    assert _cells(word, gray, 22, 0, BitmapFont("6x13", 6, 11, 2, {}), 21) == []


def test_a_word_read_twice_over_in_part_is_one_word(tmp_path: Path) -> None:
    """The second look's "ops@jobs:/opt/j" and tesseract's "jobs$" on an 8x13 prompt: two readings
    of one row whose cells overlap are one word, each cell read once."""
    gray = _page(core_font("8x13", tmp_path), 8, 13, 11)
    read, extra = [], []
    for line in _read(gray, 8, 13, {}):
        words = []
        for w in line.words:
            if w.text == "summary-of-changes.txt":
                x0, y0, _, y1 = w.box
                words.append(OcrWord("summary-of-cb", (x0, y0, x0 + 13 * 8 - 2, y1), 0.8))
                extra.append(OcrLine.of([OcrWord("changes.txt", (x0 + 11 * 8, y0, w.box[2], y1), 0.9)]))
            else:
                words.append(w)
        read.append(OcrLine.of(words))
    found = _words(vote_glyphs(read + extra, gray))
    assert found.count("summary-of-changes.txt") == 1 and "changes.txt" not in found


def test_unsure_words_the_font_reads_whole_are_made_sure_before_the_second_look(tmp_path: Path) -> None:
    """tesseract's unsure words on a core-font grid whose every cell is a glyph are read from the
    font and made sure (the second look reads them no more: assistant.ocr.font_first); a word
    under a cursor's block is no glyph of the font, and its line is left unsure, as read, for the
    second look; sure words are left as they are, and so are a word boxed over two rows and one
    the font reads as a digit where the engine read a letter."""
    gray = _page(core_font("7x13", tmp_path), 7, 13, 11).copy()
    row = next(r for r, (text, _, _) in enumerate(PAGE) if "verbose" in text)
    x0, y0 = X0 + PAGE[row][0].index("verbose") * 7, Y0 + row * 13
    gray[y0 : y0 + 13, x0 : x0 + 7] = 255 - gray[y0 : y0 + 13, x0 : x0 + 7]  # the cursor on its "v"
    read = _read(gray, 7, 13, {"chown": "chovn", "RFILE": "RFTLE", "verbose": "uerbose", "10:15": "lO:15"})
    unsure = {"chovn", "RFTLE", "drafts", "uerbose", "like", "lO:15", "-c,"}

    def doubted(w: OcrWord) -> OcrWord:
        if w.text == "-c,":  # boxed round its row and the one below: which row it read is unsure
            return OcrWord(w.text, (w.box[0], w.box[1], w.box[2], w.box[3] + 12), 0.5)
        return OcrWord(w.text, w.box, 0.5) if w.text in unsure else w

    lines = [OcrLine.of([doubted(w) for w in ln.words]) for ln in read]
    made = font_sure(lines, gray, 0.8)
    out = {w.text: w.confidence for ln in made for w in ln.words}
    assert "chovn" not in out and "RFTLE" not in out
    assert out["chown"] >= 0.8 and out["RFILE"] >= 0.8 and out["drafts"] >= 0.8
    assert out["uerbose"] == 0.5 and out["like"] == 0.5  # (the cursor's line: read again whole)
    assert out["-c,"] == 0.5
    assert out["lO:15"] == 0.5  # digits for letters: another font of the pitch may draw them so
    assert out["SYNOPSIS"] == 0.9  # a sure word as it was


def test_a_letter_seen_twice_is_dropped(tmp_path: Path) -> None:
    """A 7x13 ps's STAT "S", boxed by tesseract over its row and the next, came back "Ss" (half A
    term-core-7x13-ps-aux, live): the font reads one glyph and the word's ink ends in its cell, so
    the second letter was never drawn. (Fewer letters with ink past them stay as the engine read
    them: a word cut by a window over it.)"""
    gray = _page(core_font("7x13", tmp_path), 7, 13, 11)
    read = _read(gray, 7, 13, {"root": "roots"})
    assert "roots" in _words(read)
    assert _text(vote_glyphs(read, gray)) == sorted(WORDS)


def test_a_buttons_label_in_an_oval_is_read_from_the_core_font() -> None:
    """xmessage's buttons on three half-A screens, as the engines boxed and misread them: a label
    in its own oval stands on no grid of the window's text ("Shou" for 7x13's "Show"), its oval's
    arc touching its letters' cells or taken into the box whole ("Gkip", "Cance1"); the font's
    glyphs read them. A right reading, and an antialiased word (a Qt table's), are left alone."""
    cases = [
        ("multi-xmessage-over-notes", [("Shou", (242, 207, 269, 220)), ("Files", (275, 207, 311, 220))]),
        ("dlg-xmessage-6x10-printer", [("Gkip", (449, 371, 477, 385)), ("Page", (483, 371, 507, 385))]),
        ("multi-cascade-tk-qt-xmessage", [("Retry", (591, 477, 633, 493)), ("Cance1", (645, 477, 696, 491))]),
        ("table-qt-striped-loans", [("Renewals", (940, 265, 1008, 276)), ("Smal1", (438, 313, 474, 324))]),
    ]
    for screen, boxed in cases:
        if not (SCREEN_PNG / f"{screen}.png").exists():
            pytest.skip(f"{screen} is not in this checkout")
        with Image.open(SCREEN_PNG / f"{screen}.png") as image:
            gray = np.asarray(image.convert("L"))
        read = font_alone([OcrLine.of([OcrWord(t, box, 0.9) for t, box in boxed])], gray)
        said = [w.text for ln in read for w in ln.words]
        expected = {"Shou": "Show", "Gkip": "Skip", "Cance1": "Cancel"}
        assert said == [expected.get(t, t) for t, _ in boxed], screen
