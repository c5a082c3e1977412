"""Look-alikes put right by the screen's own glyphs (assistant.ocr.glyph_vote), on terminal text
drawn cell by cell in an X core bitmap font (9x15, as xterm draws it: the same pixels) and in
DejaVu Sans Mono, and proportional text that must be left alone."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr import cell_grid
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.cell_grid import Inks
from assistant.ocr.font_first import font_sure
from assistant.ocr.glyph_vote import vote_glyphs
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.core_fonts import core_font
from tests.support.screens import SCREEN_PNG, SCREEN_TRUTH

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# A df listing and a shell line or two, as a terminal shows them (the truth).
SCREEN = [
    "root@nas:~# df -h",
    "Filesystem      Size  Used Avail Use% Mounted on",
    "/dev/sda1       468G  301G  144G  68% /",
    "tmpfs           511M  6.1M  505M   2% /run",
    "/dev/sdb1       931G  897G   34G  97% /backup",
    "nas:/volume1    5.4T  2.9T  2.5T  54% /mnt/archive",
    "root@nas:~# wc -l services.txt",
    "12 services.txt",
    "root@nas:~# ls -l /srv/www/clips",
    "total 1024 files in 11 folders",
]
WORDS = [" ".join(text.split()) for text in SCREEN]  # as lines of words read it
# What an engine leaning on context reads instead (each seen on half A's terminals).
MISREAD = {"/dev/sda1": "/dev/sdal", "nas:/volume1": "nas:/volumel", "wc": "we", "505M": "5O5M"}


def _terminal(
    font: ImageFont.ImageFont | ImageFont.FreeTypeFont,
    pitch: int,
    row: int,
    drawn: dict[str, str] | None = None,
) -> np.ndarray:
    """SCREEN drawn as a terminal draws it: each character at its own cell (grey, ``(h, w)``);
    ``drawn``: characters drawn with another's glyph (a font that has one for both)."""
    image = Image.new("L", (pitch * 60 + 40, row * len(SCREEN) + 30), 255)
    draw = ImageDraw.Draw(image)
    for r, text in enumerate(SCREEN):
        for c, ch in enumerate(text):
            draw.text((17 + c * pitch, 12 + r * row), (drawn or {}).get(ch, ch), font=font, fill=30)
    return np.asarray(image)


def _proportional(font: ImageFont.FreeTypeFont, row: int) -> np.ndarray:
    image = Image.new("L", (900, row * len(SCREEN) + 30), 255)
    draw = ImageDraw.Draw(image)
    for r, text in enumerate(SCREEN):
        draw.text((17, 12 + r * row), text, font=font, fill=30)
    return np.asarray(image)


def _read(gray: np.ndarray, row: int, advance: Callable[[str], float]) -> list[OcrLine]:
    """The words of SCREEN where their ink lies, boxed as an engine boxes them (tight round the
    ink), read with MISREAD's look-alikes; ``advance(text)``: how far ``text`` moves the pen."""
    lines = []
    for r, text in enumerate(SCREEN):
        words, i = [], 0
        for t in text.split():
            i = text.index(t, i)
            x0, x1 = 17 + round(advance(text[:i])) - 1, 17 + round(advance(text[: i + len(t)])) + 1
            y0 = 12 + r * row
            ink = gray[y0 : y0 + row, x0:x1] < 128
            rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
            box = (x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1)
            words.append(OcrWord(MISREAD.get(t, t), box, 0.9))
            i += len(t)
        lines.append(OcrLine.of(words))
    return lines


def _cells(pitch: int) -> Callable[[str], float]:
    """A terminal's advance: ``pitch`` a character."""
    return lambda text: float(pitch * len(text))


def _text(lines: list[OcrLine]) -> list[str]:
    return [ln.text for ln in lines]


def test_a_core_font_terminal_gets_its_ones_zeros_and_c_back(tmp_path: Path) -> None:
    """xterm's 9x15: "sdal" and "volumel" hold the glyph every "1" of the numbers has, "5O5M" the
    glyph of every "0", "we" the glyph of "c" in "services"; every other reading stays as it was."""
    gray = _terminal(core_font("9x15", tmp_path), 9, 15)
    read = _read(gray, 15, _cells(9))
    assert any("sdal" in t for t in _text(read)) and any("5O5M" in t for t in _text(read))
    assert _text(vote_glyphs(read, gray)) == WORDS


def test_a_small_core_font_and_an_antialiased_one_too(tmp_path: Path) -> None:
    fonts: list[tuple[ImageFont.ImageFont | ImageFont.FreeTypeFont, int, int]] = [
        (core_font("6x10", tmp_path), 6, 10),
        (ImageFont.truetype(MONO, 15), 9, 18),  # xterm's DejaVu Sans Mono: grey edges
    ]
    for font, pitch, row in fonts:
        gray = _terminal(font, pitch, row)
        assert _text(vote_glyphs(_read(gray, row, _cells(pitch)), gray)) == WORDS


def test_proportional_text_is_left_alone() -> None:
    """The same words in DejaVu Sans: no grid, so "sdal" stays "sdal" (the glyphs cannot say)."""
    font = ImageFont.truetype(SANS, 15)
    gray = _proportional(font, 18)
    read = _read(gray, 18, font.getlength)
    assert _text(vote_glyphs(read, gray)) == _text(read)


def test_a_lone_misread_with_nothing_to_vote_for_it_stays(tmp_path: Path) -> None:
    """Only clear evidence changes a character: one line of an antialiased monospace font has too
    few cells for a vote (and no core font's glyphs to read). In a core font, the font file itself
    is the evidence, however short the text."""
    gray = _terminal(ImageFont.truetype(MONO, 15), 9, 18)
    one = _read(gray, 18, _cells(9))[2:3]  # "/dev/sdal 468G 301G 144G 68% /"
    assert _text(vote_glyphs(one, gray)) == _text(one)
    gray = _terminal(core_font("9x15", tmp_path), 9, 15)
    one = _read(gray, 15, _cells(9))[2:3]
    assert _text(vote_glyphs(one, gray)) == [WORDS[2]]
    assert vote_glyphs([], gray) == []
    off = [OcrLine.of([OcrWord("sdal", (5000, 5000, 5040, 5015), 0.9)])]  # a box off the picture
    assert vote_glyphs(off, gray) == off


def test_a_font_that_draws_two_characters_alike_keeps_both(tmp_path: Path) -> None:
    """A font whose "1" is its "l" (drawn so here): the glyph is read "1" among digits and "l" in
    words, both in their own right, so neither is changed, not even the "sdal" misread, which the
    glyph cannot tell from "total"'s "l"; "we" and "5O5M" are still put right (their "c" and
    "0" are glyphs apart)."""
    gray = _terminal(ImageFont.truetype(MONO, 15), 9, 18, drawn={"1": "l"})  # (no core font: see below)
    read = _read(gray, 18, _cells(9))
    fixed = [t.replace(" we ", " wc ").replace("5O5M", "505M") for t in _text(read)]
    assert _text(vote_glyphs(read, gray)) == fixed


@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
@pytest.mark.timeout(60)
def test_a_real_terminal_read_by_tesseract() -> None:
    """xterm (DejaVu Sans Mono 12) with a df table, a real screenshot of half A (datasets/screens):
    tesseract reads "/dev/sda1" as "/dev/sdal" (the "1" after letters) though it reads every
    "1" among digits right; the vote puts it and "nas:/volume1" right, and no word of the truth
    that tesseract read is lost."""
    truth = json.loads((SCREEN_TRUTH / "term-df.json").read_text(encoding="utf-8"))
    x, y, w, h = next(win["client"] for win in truth["windows"] if not win.get("is_own"))
    image = Image.open(SCREEN_PNG / "term-df.png").convert("RGB").crop((x, y, x + w, y + h))
    engine = TesseractEngine()
    engine.min_confidence = 0.0  # as the second look runs it
    read = engine.recognize(image).lines
    before = " ".join(_text(read)).split()
    assert "/dev/sdal" in before, "tesseract read the 1 right: nothing to show"
    after = " ".join(_text(vote_glyphs(read, np.asarray(image.convert("L"))))).split()
    assert "/dev/sda1" in after and "nas:/volume1" in after
    words = set(truth["words"])
    assert [w for w in before if w in words and w not in after] == []


def _run_together(lines: list[OcrLine], first: str, second: str, reading: str) -> list[OcrLine]:
    """``lines`` with the words ``first`` and ``second`` (one space apart) read as one word,
    ``reading``, boxed round both: an engine that ran over the space."""
    out = []
    for line in lines:
        words = list(line.words)
        for k in range(len(words) - 1):
            a, b = words[k], words[k + 1]
            if (a.text, b.text) == (first, second):
                box = (a.box[0], min(a.box[1], b.box[1]), b.box[2], max(a.box[3], b.box[3]))
                words[k : k + 2] = [OcrWord(reading, box, 0.86)]
                break
        out.append(OcrLine.of(words))
    return out


def test_a_space_run_over_in_a_core_font_is_put_back(tmp_path: Path) -> None:
    """9x15 again, with two words an engine ran together over a single space: "12 services.txt"
    read "12services.txt", and "wc -l" read "wc-l" with its "c" misread too ("we-l", as in a 9x15
    top "2872 S" read "28725"). The bare cell between them on the grid is a space: both are cut
    there, and the "c" put right by the vote as before."""
    gray = _terminal(core_font("9x15", tmp_path), 9, 15)
    read = _run_together(_read(gray, 15, _cells(9)), "12", "services.txt", "12services.txt")
    read = _run_together(read, "we", "-l", "we-l")
    assert "12services.txt" in _text(read) and any("we-l" in t for t in _text(read))
    assert _text(vote_glyphs(read, gray)) == WORDS


def test_proportional_words_run_together_are_left_alone() -> None:
    """No grid, no cut: in DejaVu Sans a gap between letters says nothing of a space."""
    font = ImageFont.truetype(SANS, 15)
    gray = _proportional(font, 18)
    read = _run_together(_read(gray, 18, font.getlength), "12", "services.txt", "12services.txt")
    assert _text(vote_glyphs(read, gray)) == _text(read)


@pytest.mark.parametrize("name, pitch, row", [("7x13", 7, 13), ("6x10", 6, 10), ("10x20", 10, 20)])
def test_a_core_font_misread_everywhere_is_read_from_the_font(
    tmp_path: Path, name: str, pitch: int, row: int
) -> None:
    """An engine that misreads a core font's glyph wherever it stands (7x13's "w" read "u" in
    every word, as on half A; the ":" of a prompt read "t", the "S" of "Size" read "5"): no
    cell of the screen votes against it, but the cells are the font's own glyphs, pixel for
    pixel, and the font file says what each is. Every word comes back as drawn."""
    from assistant.ocr.bitmap_fonts import core_fonts

    if not any(f.name == name for f in core_fonts()):
        pytest.skip(f"needs the X core font {name} (xfonts-base)")
    gray = _terminal(core_font(name, tmp_path), pitch, row)
    consistent = {
        "we": "uc",
        "/srv/www/clips": "/srv/uuu/clips",
        "root@nas:~#": "root@nast~#",
        "Size": "5ize",
    }
    read = [
        OcrLine.of([OcrWord(consistent.get(w.text, w.text), w.box, w.confidence) for w in line.words])
        for line in _read(gray, row, _cells(pitch))
    ]
    assert "uc" in " ".join(_text(read)).split()
    assert _text(vote_glyphs(read, gray)) == WORDS


def test_a_truetype_terminal_is_not_read_as_acore_font() -> None:
    """DejaVu Sans Mono (antialiased) matches no core font's glyphs: a misread everywhere stays."""
    gray = _terminal(ImageFont.truetype(MONO, 15), 9, 18)
    read = [
        OcrLine.of([OcrWord(w.text.replace("w", "u"), w.box, w.confidence) for w in line.words])
        for line in _read(gray, 18, _cells(9))
    ]
    assert "/srv/uuu/clips" in " ".join(_text(vote_glyphs(read, gray))).split()


def test_a_word_the_engine_left_unread_between_others_is_read_from_the_font(tmp_path: Path) -> None:
    """A listing's lone figures that tesseract's page layout drops (the day of the month in an
    ``ls -l``): on a core font's row, the cells between two words read are read from the font, and
    a word found there comes back, in its place on the row."""
    gray = _terminal(core_font("7x13", tmp_path), 7, 13)
    read = _read(gray, 13, _cells(7))
    dropped = [OcrLine.of([w for w in ln.words if w.text not in ("6.1M", "97%")]) for ln in read]
    found = vote_glyphs(dropped, gray)
    rows = {tuple(w.text for w in sorted(ln.words, key=lambda w: w.box[0])) for ln in found}
    assert ("6.1M",) in rows and ("97%",) in rows  # each a line of its own, at its own place
    by_text = {w.text: w.box for ln in found for w in ln.words}
    assert by_text["505M"][0] > by_text["6.1M"][2] > by_text["511M"][2]


def test_in_an_antialiased_terminal_from_the_screens_own_glyphs() -> None:
    """DejaVu Sans Mono has no font file to read from, but its "6", ".", "1" and "M" are drawn,
    and read right, elsewhere on the screen: the dropped "6.1M" is found from those glyphs
    (assistant.ocr.cell_reading). Proportional text (no grid) gets nothing."""
    gray = _terminal(ImageFont.truetype(MONO, 15), 9, 18)
    dropped = [OcrLine.of([w for w in ln.words if w.text != "6.1M"]) for ln in _read(gray, 18, _cells(9))]
    assert "6.1M" in " ".join(_text(vote_glyphs(dropped, gray))).split()
    font = ImageFont.truetype(SANS, 15)
    gray = _proportional(font, 18)
    dropped = [
        OcrLine.of([w for w in ln.words if w.text != "6.1M"]) for ln in _read(gray, 18, font.getlength)
    ]
    assert "6.1M" not in " ".join(_text(vote_glyphs(dropped, gray))).split()


def test_a_word_read_in_pieces_is_one_word_in_acore_font(tmp_path: Path) -> None:
    """10x20's "/srv/www/clips" read as "/srv/w" and "ww/clips" (as tesseract read an IPv6 address
    in three pieces on half A): their cells follow on with no bare cell between, so they are one
    word, read from the font."""
    gray = _terminal(core_font("10x20", tmp_path), 10, 20)
    read = []
    for line in _read(gray, 20, _cells(10)):
        words = []
        for w in line.words:
            if w.text == "/srv/www/clips":
                cut = w.box[0] + 6 * 10 - 1  # the sixth cell's end ("/srv/w")
                words += [OcrWord("/srv/w", (w.box[0], w.box[1], cut, w.box[3]), 0.9)]
                words += [OcrWord("ww/clips", (cut + 2, w.box[1], w.box[2], w.box[3]), 0.9)]
            else:
                words.append(w)
        read.append(OcrLine.of(words))
    assert "ww/clips" in " ".join(_text(read)).split()
    assert _text(vote_glyphs(read, gray)) == WORDS


def test_a_word_read_with_a_character_too_many_is_read_from_the_glyphs() -> None:
    """xterm's DejaVu Sans Mono (no core font): "144G" read "1444G", as tesseract read a Liberation
    Mono 9 listing's size "88101" "881014" (half A term-liberation9-ls-versions). Its ink fills four
    cells, not five, so it fits no grid; each cell is a glyph read clearly elsewhere on the screen,
    and the word is read from them. Proportional text keeps its reading."""
    gray = _terminal(ImageFont.truetype(MONO, 15), 9, 18)
    read = [
        OcrLine.of([OcrWord("1444G" if w.text == "144G" else w.text, w.box, 0.9) for w in ln.words])
        for ln in _read(gray, 18, _cells(9))
    ]
    assert any("1444G" in t for t in _text(read))
    words = " ".join(_text(vote_glyphs(read, gray))).split()
    assert "144G" in words and "1444G" not in words
    font = ImageFont.truetype(SANS, 15)
    gray = _proportional(font, 18)
    read = [
        OcrLine.of([OcrWord("1444G" if w.text == "144G" else w.text, w.box, 0.9) for w in ln.words])
        for ln in _read(gray, 18, font.getlength)
    ]
    assert _text(vote_glyphs(read, gray)) == _text(read)


def test_a_glyph_read_against_its_context_elsewhere_is_that_character() -> None:
    """DejaVu Sans Mono draws a dotted zero. Where an engine read it "0" between letters
    ("/dev/nvme0n1p2") it saw the zero's shape, not its context; so the same glyph read "O" between
    letters in the next row ("/dev/nvmeOn1p1", half A term-df) is a zero too. Without a reading
    against its context the "O" stays (a font may draw both alike: the test above)."""
    rows = ["/dev/nvme0n1p2  468G  301G  144G  68% /", "/dev/nvme0n1p1  511M  6.0M  505M   2% /boot/efi"]
    rows += ["/dev/sda1       1.8T  1.2T  553G  69% /srv/media", "tmpfs           7.8G  212M  7.6G   3% /tmp"]
    font = ImageFont.truetype(MONO, 15)
    image = Image.new("L", (9 * 60 + 40, 18 * len(rows) + 30), 255)
    draw = ImageDraw.Draw(image)
    for r, text in enumerate(rows):
        for c, ch in enumerate(text):
            draw.text((17 + c * 9, 12 + r * 18), ch, font=font, fill=30)
    gray = np.asarray(image)

    def read(misread: dict[str, str]) -> list[OcrLine]:
        lines = []
        for r, text in enumerate(rows):
            words, i = [], 0
            for t in text.split():
                i = text.index(t, i)
                x0, y0 = 17 + i * 9 - 1, 12 + r * 18
                ink = gray[y0 : y0 + 18, x0 : x0 + len(t) * 9 + 2] < 128
                ys, xs = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
                box = (x0 + int(xs[0]), y0 + int(ys[0]), x0 + int(xs[-1]) + 1, y0 + int(ys[-1]) + 1)
                words.append(OcrWord(misread.get(t, t), box, 0.9))
                i += len(t)
            lines.append(OcrLine.of(words))
        return lines

    voted = _text(vote_glyphs(read({"/dev/nvme0n1p1": "/dev/nvmeOn1p1"}), gray))
    assert voted[1].startswith("/dev/nvme0n1p1 ")
    both = {"/dev/nvme0n1p1": "/dev/nvmeOn1p1", "/dev/nvme0n1p2": "/dev/nvmeOn1p2"}
    voted = _text(vote_glyphs(read(both), gray))
    assert voted[0].startswith("/dev/nvmeOn1p2 ") and voted[1].startswith("/dev/nvmeOn1p1 ")


def _drawn_rows(rows: list[str], drawn: dict[str, str] | None = None) -> np.ndarray:
    """``rows`` drawn as a terminal draws them in DejaVu Sans Mono 15 (9 x 18 cells); ``drawn``:
    characters drawn with another's glyph (a font that has one for both)."""
    font = ImageFont.truetype(MONO, 15)
    image = Image.new("L", (9 * 60 + 40, 18 * len(rows) + 30), 255)
    draw = ImageDraw.Draw(image)
    for r, text in enumerate(rows):
        for c, ch in enumerate(text):
            draw.text((17 + c * 9, 12 + r * 18), (drawn or {}).get(ch, ch), font=font, fill=30)
    return np.asarray(image)


def _read_rows(rows: list[str], gray: np.ndarray, misread: dict[str, str]) -> list[OcrLine]:
    """The words of ``rows`` boxed tight round their ink (as :func:`_drawn_rows` drew them), read
    with ``misread``'s readings."""
    lines = []
    for r, text in enumerate(rows):
        words, i = [], 0
        for t in text.split():
            i = text.index(t, i)
            x0, y0 = 17 + i * 9 - 1, 12 + r * 18
            ink = gray[y0 : y0 + 18, x0 : x0 + len(t) * 9 + 2] < 128
            ys, xs = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
            box = (x0 + int(xs[0]), y0 + int(ys[0]), x0 + int(xs[-1]) + 1, y0 + int(ys[-1]) + 1)
            words.append(OcrWord(misread.get(t, t), box, 0.9))
            i += len(t)
        lines.append(OcrLine.of(words))
    return lines


def test_a_figure_alone_in_brackets_keeps_its_reading() -> None:
    """A man page in a font whose "1" is its "l" (Tlwg Mono draws them with the same pixels; half
    A multi-fvwm-page-man-zenity): the glyph is read "l" in a dozen words and "1" only in the
    section number "UNIQ(1)". A figure alone in brackets is a number: the many "l"s do not make it
    "UNIQ(l)"; a "1" read in a word ("heip" for "help" is another glyph) still follows the vote."""
    rows = [
        "UNIQ(1)          User Commands          UNIQ(1)",
        "uniq - report or omit repeated lines",
        "Filter adjacent matching lines from INPUT",
        "all lines long only line lonely",
        "Manual page uniq(1) line (press h for help)",
    ]
    gray = _drawn_rows(rows, drawn={"1": "l"})
    read = _read_rows(rows, gray, {"lonely": "1onely"})
    voted = " ".join(_text(vote_glyphs(read, gray))).split()
    assert voted.count("UNIQ(1)") == 2 and "uniq(1)" in voted
    assert "lonely" in voted and "1onely" not in voted


def test_a_reading_the_font_draws_with_a_glyph_of_its_own_is_no_rival() -> None:
    """A listing in a font whose zero and eight are glyphs apart (DejaVu Sans Mono's dotted zero),
    with its zeros read "8" in six places of sixteen (as Spleen's were on half A,
    term-metacity-ls-spleen6: "28418", "7348512"): the zero's glyph is read "0" less than twice as
    often as it is read otherwise, but "8" has a glyph of its own on the screen, read "8" in its
    own right, so the "8"s over the zero's glyph are zeros."""
    rows = [
        "-rw-r--r-- 1 root root   28410 2024-04-06 09:15 plan.odt",
        "-rw-r--r-- 1 root root 7340512 2023-12-11 18:01 warmups.mp3",
        "-rw-r--r-- 1 root root    8838 2024-03-28 08:12 score.pdf",
        "drwxr-xr-x 2 root root    4096 2024-04-05 21:30 parts",
    ]
    gray = _drawn_rows(rows)
    misread = {"28410": "28418", "7340512": "7348512", "4096": "4896", "2024-04-06": "2824-84-86"}
    read = _read_rows(rows, gray, misread)
    voted = " ".join(_text(vote_glyphs(read, gray))).split()
    assert set(misread) <= set(voted)
    assert not set(misread.values()) & set(voted)
    assert "8838" in voted and "18:01" in voted  # the real eights stay


def test_ink_measured_once_for_the_fonts_looks_and_the_vote_reads_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second look measures the words' ink once (:class:`Inks`) for the font's looks and the
    vote: the vote reads as it does measuring for itself, and a word the font's look measured is
    not measured again."""
    gray = _terminal(core_font("9x15", tmp_path), 9, 15)
    read = _read(gray, 15, _cells(9))
    ink, calls = cell_grid._ink, []
    monkeypatch.setattr(cell_grid, "_ink", lambda *a: calls.append(a) or ink(*a))
    assert _text(vote_glyphs(read, gray)) == WORDS
    alone = len(calls)
    inks = Inks(gray)
    font_sure(read, gray, 0.95, inks=inks)  # (every word is below 0.95: each one measured)
    calls.clear()
    assert _text(vote_glyphs(read, gray, inks=inks)) == WORDS
    assert alone and not calls
