"""Coloured letters on a dark terminal read by their colour's contrast (assistant.ocr.tesseract
.ink_grey), on real screens of half A (datasets/screens): a diff's red and green lines; a
coloured ground (mc's blue panels) keeps its grey. And bands' gate: a terminal in its own colours
is not looked at line by line, and nothing it leaves out is a band."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.bands import BandConfig, plain_lines
from assistant.ocr.tesseract import TesseractEngine, ink_grey, tesseract_available

SCREENS = Path(__file__).resolve().parents[2] / "datasets" / "screens" / "png"


def _picture(name: str, box: tuple[int, int, int, int]) -> Image.Image:
    return Image.open(SCREENS / f"{name}.png").convert("RGB").crop(box)


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


@pytest.mark.skipif(not tesseract_available(), reason="needs tesseract")
@pytest.mark.timeout(60)
def test_a_diffs_red_and_green_lines_are_read() -> None:
    """Tesseract on the diff's changed lines (Anonymous Pro 13, red and green on a dark ground):
    the words of the removed and the added lines are read (in grey some of the red ones were lost)."""
    image = _picture("term-diff-bands-anonymous", (140, 172, 720, 278))
    words = {w.text for ln in TesseractEngine().recognize(image).lines for w in ln.words}
    for word in ("street", "party", "Saturday", "15", "22", "June", "road", "closed", "noon", "until"):
        assert word in words, sorted(words)


def test_the_gate_leaves_out_no_band() -> None:
    """Lines on one light or dark ground are not looked at (bands' gate); whatever it leaves out,
    the pieces made plain and the cuts are those found without it: mc's key bar and menu bar,
    nano's keys in reverse video beside mc, a dense xterm in its own colours (nothing found)."""
    for name in ("term-mc-music-stick", "multi-mc-nano-overlap", "term-core-7x13-ps-aux"):
        picture = Image.open(SCREENS / f"{name}.png").convert("RGB")
        rgb, gray = np.asarray(picture), np.asarray(picture.convert("L"))
        gated, ungated = plain_lines(rgb, gray), plain_lines(rgb, gray, BandConfig(gate=False))
        assert [p[:4] for p in gated[0]] == [p[:4] for p in ungated[0]], name
        assert gated[1] == ungated[1], name
