"""Core-font text read from the fonts' glyphs before any engine (assistant.ocr.glyph_reading), on
real half-A screenshots of xterm under openbox: the grids found, every word read one that is on the
screen, the words painted out for the engine, and pictures in other fonts passed on untouched."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.bitmap_fonts import core_fonts
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.glyph_reading import GlyphFirstOcr, find_grids, read_glyphs, read_labels
from assistant.ocr.second_look import unexact_checked
from tests.support.screens import SCREEN_PNG, SCREEN_TRUTH

pytestmark = pytest.mark.skipif(not core_fonts(), reason="needs the X core fonts (xfonts-base)")


def _screen(name: str) -> tuple[np.ndarray, list[str]]:
    truth = json.loads((SCREEN_TRUTH / f"{name}.json").read_text())
    return np.asarray(Image.open(SCREEN_PNG / f"{name}.png").convert("RGB")), truth["words"]


class _Recording(OcrEngine):
    """Reads one fixed word and keeps the pictures it was given."""

    name = "recording"

    def __init__(self) -> None:
        self.seen: list[np.ndarray] = []

    def recognize(self, image: Image.Image) -> OcrResult:
        self.seen.append(np.asarray(image.convert("RGB")))
        word = OcrWord("engine", (0, 0, 10, 10), 0.9)
        return OcrResult(lines=[OcrLine.of([word])], engine=self.name, image_size=image.size)


def test_an_xterm_in_6x10_read_whole_from_its_glyphs() -> None:
    rgb, truth = _screen("term-core-6x10-mail")
    grids = find_grids(rgb)
    assert [g.font.name for g in grids] == ["6x10"]
    reading = read_glyphs(rgb)
    said = [w.text for line in reading.lines for w in line.words]
    assert set(said) <= set(truth)  # nothing read that is not on the screen
    words = [w for w in truth if w not in ("olga@home:", "~/mail")]  # (the window's title)
    assert sum(w in said for w in words) >= 0.97 * len(words)
    rows = [line.text for line in reading.lines]
    assert "-rw------- 1 root root 73400320 Jan 3 2024 archive-2023.mbox.gz" in rows  # a row, whole
    # Their ink is painted out: what the engine is given of the terminal is bare.
    for line in reading.lines:
        x0, y0, x1, y1 = line.box
        assert len(np.unique(reading.painted[y0:y1, x0:x1].reshape(-1, 3), axis=0)) == 1


def test_three_terminals_in_three_fonts_each_on_its_own_grid() -> None:
    rgb, truth = _screen("multi-three-core-fonts")
    fonts = {g.font.name for g in find_grids(rgb)}
    assert {"6x13", "8x13", "9x15"} <= fonts  # (the 6x13 one on the right too)
    said = [w.text for line in read_glyphs(rgb).lines for w in line.words]
    assert len(said) > 50 and set(said) <= set(truth)


@pytest.mark.parametrize("name", ["dlg-qt-connect", "page-chromium-code-listing", "calc-tk"])
def test_antialiased_fonts_are_left_to_the_engine_untouched(name: str) -> None:
    rgb, _ = _screen(name)
    engine = _Recording()
    result = GlyphFirstOcr(engine).recognize(Image.fromarray(rgb))
    assert [line.text for line in result.lines] == ["engine"]
    assert len(engine.seen) == 1 and np.array_equal(engine.seen[0], rgb)


def test_the_engine_reads_only_what_the_glyphs_left() -> None:
    rgb, _ = _screen("term-core-6x10-mail")
    engine = _Recording()
    result = GlyphFirstOcr(engine).recognize(Image.fromarray(rgb))
    texts = [line.text for line in result.lines]
    assert "engine" in texts and "total 77672" in texts
    assert np.array_equal(engine.seen[0], read_glyphs(rgb).painted)  # the terminal's text painted out


@pytest.mark.parametrize("seed", range(6))
def test_noise_flat_and_tiny_pictures_read_nothing_and_never_fail(seed: int) -> None:
    rng = np.random.default_rng(seed)
    h, w = [(1, 1), (3, 500), (40, 7), (200, 300), (120, 640), (64, 64)][seed]
    pictures = [
        rng.integers(0, 256, (h, w, 3), dtype=np.uint8),
        np.full((h, w, 3), 255, dtype=np.uint8),
        (rng.random((h, w, 1)) > 0.8).repeat(3, axis=2).astype(np.uint8) * 255,  # two colours, as a core font
    ]
    for rgb in pictures:
        assert read_glyphs(rgb).lines == []


def test_words_end_where_their_ground_changes_not_at_a_cursor() -> None:
    # htop in 7x13: its key bar's "F1" on black beside "Help" on cyan, its numbers' digits in two
    # colours on one ground; w3m's block cursor on the first letter of a line.
    rgb, truth = _screen("term-htop-core-7x13")
    said = [line.text for line in read_glyphs(rgb).lines]
    bar = next(text for text in said if text.startswith("F1"))
    assert bar.split()[:4] == ["F1", "Help", "F2", "Setup"]
    assert any("25688" in text.split() for text in said) and "25688" in truth
    rgb, _ = _screen("term-w3m-tides-10x20")
    assert "Tide times at Gull Bay" in [line.text for line in read_glyphs(rgb).lines]


def test_words_read_from_glyphs_pass_the_engine_checks_by() -> None:
    rgb, _ = _screen("term-core-6x10-mail")
    result = GlyphFirstOcr(_Recording()).recognize(Image.fromarray(rgb))
    engine_lines = [line for line in result.lines if line.text == "engine"]
    assert engine_lines and not any(w in result.exact for w in engine_lines[0].words)
    glyph_lines = [line for line in result.lines if line.text != "engine"]
    assert all(w in result.exact for line in glyph_lines for w in line.words)
    seen: list[list[OcrLine]] = []
    kept = unexact_checked(result.lines, result.exact, lambda lines: seen.append(lines) or lines)
    assert seen == [engine_lines]  # the glyph vote, the font's look: only what the engine read
    assert sorted(line.text for line in kept) == sorted(line.text for line in result.lines)


def test_underlined_words_of_a_man_page_read_with_their_ground() -> None:
    # man du in 7x13: what the user puts in is underlined (a row of ink through the cell's bottom
    # corners), in a small xterm on a desktop of another colour.
    rgb, truth = _screen("man-du-7x13-scrolled")
    said = [w.text for line in read_glyphs(rgb).lines for w in line.words]
    for word in ("--block-size=1M", "--exclude-from=FILE", "--time-style=STYLE"):
        assert word in truth and word in said


def test_a_band_of_two_rows_cut_from_a_terminal_reads_as_the_whole_screen_did() -> None:
    # The change-aware reader reads again only the rows that changed: a band of two rows of the
    # xterm must be read from the font as the whole screen was ("sda1", never an engine's "sdal").
    rgb, _ = _screen("term-core-6x10-mail")
    whole = read_glyphs(rgb).lines
    row = next(line for line in whole if line.text.startswith("-rw------- 1 root root 73400320"))
    y0 = row.box[1] - 3
    band = rgb[y0 : y0 + 20]
    said = [line.text for line in read_glyphs(band).lines]
    assert row.text in said


def _keys(name: str) -> tuple[np.ndarray, list, list[str]]:
    """A screenshot's keys as the second look finds them (assistant.ocr.keys), and its buttons."""
    from assistant.ocr.ink import ink_cells
    from assistant.ocr.keys import keypad_areas, keypad_keys

    truth = json.loads((SCREEN_TRUTH / f"{name}.json").read_text())
    rgb = np.asarray(Image.open(SCREEN_PNG / f"{name}.png").convert("RGB"))
    gray = np.asarray(Image.fromarray(rgb).convert("L"))
    return rgb, keypad_keys(gray, keypad_areas(ink_cells(gray, 8, 24), 8)), truth["buttons"]


@pytest.mark.parametrize(
    "name",
    [
        "calc-xcalc-ti-mono-hd",  # the default look and font
        "calc-xcalc-rpn-10x20",  # flat keys, 10x20
        "calc-xcalc-ti-8x13bold-blue",  # white labels on blue keys, 8x13 bold
    ],
)
def test_xcalc_key_labels_are_read_from_the_core_font(name: str) -> None:
    rgb, keys, buttons = _keys(name)
    assert keys
    reading = read_labels(rgb, [(k.face, k.label) for k in keys])
    texts = [line.text for line in reading.lines if line is not None]
    assert len(texts) >= 0.7 * len(keys)  # the rest (symbols in no core font: √, π, ÷) left to the recogniser
    assert set(texts) <= set(buttons), set(texts) - set(buttons)  # every label read is a key's
    assert reading.font is not None and any(not any(c.isalnum() for c in t) for t in texts)  # marks too
    for line, key in zip(reading.lines, keys, strict=True):
        assert line is None or line.words[0].box == key.label


def test_antialiased_key_labels_are_left_to_the_recogniser() -> None:
    rgb, keys, _ = _keys("calc-qt-fusion-wide")
    assert keys
    assert read_labels(rgb, [(k.face, k.label) for k in keys]).lines == [None] * len(keys)


@pytest.mark.timeout(60)
def test_shaded_xcalc_keys_are_read_exactly_in_the_second_look() -> None:
    """Keys shaded from top to bottom (xcalc's colour resources), found as the second look finds
    them: their labels come out exact, the marks among them ("*", "+/-", "=") too."""
    from assistant.ocr.line_reader import LineReader, line_reader_available
    from assistant.ocr.second_look import SecondLookOcr
    from assistant.ocr.tesseract import TesseractEngine, tesseract_available

    if not (tesseract_available() and line_reader_available()):
        pytest.skip("needs tesseract and the PP-OCR models")
    truth = json.loads((SCREEN_TRUTH / "calc-xcalc-color.json").read_text())
    x, y, w, h = truth["windows"][0]["frame"]
    image = Image.open(SCREEN_PNG / "calc-xcalc-color.png").convert("RGB").crop((x, y, x + w, y + h))
    result = SecondLookOcr(TesseractEngine(), LineReader()).recognize(image)
    exact = [w.text for w in result.exact]
    assert len(exact) >= 30
    assert set(exact) <= set(truth["buttons"]), set(exact) - set(truth["buttons"])
    assert {"*", "+/-", "="} <= set(exact)
    said = [w.text for line in result.lines for w in line.words]
    assert all(word in said for word in exact)
