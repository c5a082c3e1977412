"""Coloured letters on a dark terminal read by their colour's contrast (assistant.ocr.tesseract
.ink_grey), on real screens of half A (datasets/screens): a diff's red and green lines; a
coloured ground (mc's blue panels, a selection of a few characters) keeps its grey, and so do a
window's coloured edges and handle. And bands' gate: a terminal in its own colours is not looked
at line by line, and nothing it leaves out is a band."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.bands import BandConfig, plain_lines
from assistant.ocr.tesseract import TesseractEngine, ink_grey, tesseract_available
from tests.support.screens import SCREEN_PNG

MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
LINES = (
    "We began the planting of the beds in early spring,",
    "after the planting plan was agreed with the others.",
    "Replanting the herbs took another three weekends,",
)


def _picture(name: str, box: tuple[int, int, int, int]) -> Image.Image:
    return Image.open(SCREEN_PNG / f"{name}.png").convert("RGB").crop(box)


def test_red_letters_on_a_dark_terminal_become_light_and_a_blue_ground_keeps_its_grey() -> None:
    """diff --color's removed line (red on #232629: in grey hardly lighter than the ground) comes
    out lighter than the dark areas' threshold; mc's blue panel with its white, cyan and yellow
    names (a coloured ground, not letters) is left as it is."""
    rgb = np.asarray(_picture("term-diff-bands-anonymous", (140, 176, 700, 196)))  # "-The street party ..."
    gray = np.asarray(Image.fromarray(rgb).convert("L"))
    red = (rgb[..., 0] > 150) & (rgb[..., 1] < 60)
    assert red.sum() > 200 and np.median(gray[red]) < 110  # (invert_dark_areas: darker is ground)
    assert np.median(ink_grey(rgb, gray)[red]) > 150
    rgb = np.asarray(_picture("term-mc-music-stick", (150, 190, 1100, 420)))
    gray = np.asarray(Image.fromarray(rgb).convert("L"))
    out = ink_grey(rgb, gray)
    assert (out != gray).mean() < 0.001
    # Openbox's blue handle under a window on a dark desktop, and the title bar's light edge: lines,
    # not letters (lifted, tesseract read the window's two tmux panes as one).
    rgb = np.asarray(_picture("term-tmux-panes-noto", (100, 100, 1400, 830)))
    gray = np.asarray(Image.fromarray(rgb).convert("L"))
    assert (ink_grey(rgb, gray) == gray).all()


def _selected(word: str) -> Image.Image:
    """A dark terminal (DejaVu Sans Mono 16, light grey on near-black) with ``word`` selected in
    each line, white on blue, as a mouse selection or a search hit draws it."""
    font = ImageFont.truetype(str(MONO), 16)
    cell, (ascent, descent) = font.getlength("M"), font.getmetrics()
    high = ascent + descent
    image = Image.new("RGB", (int(cell * 54) + 20, high * len(LINES) + 20), (25, 25, 25))
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(LINES):
        y, x = 10 + row * high, 10 + line.find(word) * cell
        draw.text((10, y), line, font=font, fill=(210, 210, 210))
        draw.rectangle((x, y, x + len(word) * cell - 1, y + high - 1), fill=(40, 90, 200))
        draw.text((x, y), word, font=font, fill=(255, 255, 255))
    return image


@pytest.mark.skipif(not tesseract_available(), reason="needs tesseract")
@pytest.mark.timeout(60)
def test_a_diffs_red_and_green_lines_are_read() -> None:
    """Tesseract on the diff's changed lines (Anonymous Pro 13, red and green on a dark ground):
    the words of the removed and the added lines are read (in grey some of the red ones were lost)."""
    engine = TesseractEngine()
    image = _picture("term-diff-bands-anonymous", (140, 172, 720, 278))
    words = {w.text for ln in engine.recognize(image).lines for w in ln.words}
    for word in ("street", "party", "Saturday", "15", "22", "June", "road", "closed", "noon", "until"):
        assert word in words, sorted(words)
    # A few characters selected white on blue: the blue is their ground, not letters (lifted to
    # its blue channel, it left white on light: "lan ing").
    image = _selected("plant")
    rgb = np.asarray(image)
    gray = np.asarray(image.convert("L"))
    assert (ink_grey(rgb, gray) == gray).all()
    read = [ln.text for ln in engine.recognize(image).lines]
    assert read == list(LINES), read


def test_the_gate_leaves_out_no_band() -> None:
    """Lines on one light or dark ground are not looked at (bands' gate); whatever it leaves out,
    the pieces made plain and the cuts are those found without it: mc's key bar and menu bar,
    nano's keys in reverse video beside mc, a dense xterm in its own colours (nothing found)."""
    for name in ("term-mc-music-stick", "multi-mc-nano-overlap", "term-core-7x13-ps-aux"):
        picture = Image.open(SCREEN_PNG / f"{name}.png").convert("RGB")
        rgb, gray = np.asarray(picture), np.asarray(picture.convert("L"))
        gated, ungated = plain_lines(rgb, gray), plain_lines(rgb, gray, BandConfig(gate=False))
        assert [p[:4] for p in gated[0]] == [p[:4] for p in ungated[0]], name
        assert gated[1] == ungated[1], name


def test_short_coloured_figures_beside_coloured_words_are_lifted() -> None:
    """top's process table (Fantasque Sans Mono, red on navy): "20" and "0" in the PR and NI
    columns are shorter than a word, but stand on the rows of red words ("root", "4624"); they come
    out as light as those (left dark red, the inversion made them faint: every PR and NI lost)."""
    rgb = np.asarray(_picture("term-top-colour-fantasque", (84, 197, 700, 325)))
    gray = np.asarray(Image.fromarray(rgb).convert("L"))
    out = ink_grey(rgb, gray)
    red = (rgb[..., 0] > 150) & (rgb[..., 1] < 60)
    figures = np.zeros_like(red)
    figures[:, 140:195] = True  # (the PR and NI columns: x 224-279 of the screen)
    assert (red & figures).sum() > 100
    assert np.median(out[red & figures]) > 150
