"""Main colours in plain words, and a thing on a plain background said by its own colours (issue #16)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from assistant.understand.colours import colours_sentence, on_plain_background


def _backdrop(size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A studio backdrop: white at the top fading to light grey, with a little grain (as a JPEG photo)."""
    height, width = size[1], size[0]
    shade = np.linspace(245, 205, height)[:, None, None] * np.ones((1, width, 3))  # (H, W, 3)
    grain = np.random.default_rng(0).normal(0, 2.0, shade.shape)
    return Image.fromarray(np.clip(shade + grain, 0, 255).astype(np.uint8))


def test_a_cut_out_is_said_by_its_own_colours_then_its_background() -> None:
    cherries = _backdrop()
    draw = ImageDraw.Draw(cherries)
    draw.ellipse([100, 120, 160, 180], fill=(200, 20, 30))
    draw.ellipse([165, 120, 225, 180], fill=(190, 15, 25))
    draw.line([130, 120, 160, 50, 195, 120], fill=(60, 140, 40), width=4)
    assert on_plain_background(cherries) == (["red"], "white")
    assert colours_sentence(cherries) == "Mostly red, on a white background."  # was "Mostly white and grey."


def test_a_scene_has_no_plain_background() -> None:
    scene = Image.new("RGB", (200, 200), (90, 140, 230))  # sky
    ImageDraw.Draw(scene).rectangle([0, 110, 200, 200], fill=(60, 150, 60))  # grass
    grain = np.random.default_rng(1).normal(0, 12, (200, 200, 3))  # a photo's texture
    photo = Image.fromarray(np.clip(np.asarray(scene, dtype=np.float64) + grain, 0, 255).astype(np.uint8))
    assert on_plain_background(photo) is None
    assert colours_sentence(photo) == "Mostly blue and green."
    assert on_plain_background(_backdrop()) is None  # a backdrop with nothing on it: its own colours
    assert colours_sentence(Image.new("RGB", (50, 50), (250, 250, 250))) == "Mostly white."
