"""A tiny captioning data set the tests draw themselves: coloured shapes with matching captions.

Small enough to train a real (tiny) captioner in seconds on a CPU, and structured enough that a
trained model must look at the image to name the colour and the shape.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw

COLOURS = {"red": (220, 30, 30), "green": (30, 170, 40), "blue": (30, 60, 220)}
SHAPES = ("circle", "square", "triangle")
BACKGROUNDS = {"white": (245, 245, 245), "black": (15, 15, 15)}


def draw_shape(shape: str, colour: str, background: str, size: int = 128, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", (size, size), BACKGROUNDS[background])
    draw = ImageDraw.Draw(image)
    extent = rng.randint(size // 3, size // 2)
    x0, y0 = rng.randint(4, size - extent - 4), rng.randint(4, size - extent - 4)
    box = (x0, y0, x0 + extent, y0 + extent)
    fill = COLOURS[colour]
    if shape == "circle":
        draw.ellipse(box, fill=fill)
    elif shape == "square":
        draw.rectangle(box, fill=fill)
    else:
        draw.polygon([(x0 + extent // 2, y0), (x0, y0 + extent), (x0 + extent, y0 + extent)], fill=fill)
    return image


def captions_for(shape: str, colour: str, background: str) -> list[str]:
    return [
        f"A {colour} {shape} on a {background} background .",
        f"a {colour} {shape} .",
        f"There is a {colour} {shape} on {background} .",
    ]


def write_dataset(root: Path, per_combo_train: int = 2, per_combo_val: int = 1) -> Path:
    """``root/images/*.png`` + ``root/captions.tsv`` (train and val splits); returns ``root``."""
    images = root / "images"
    images.mkdir(parents=True, exist_ok=True)
    lines = ["image\tsplit\tcaption"]
    seed = 0
    for shape in SHAPES:
        for colour in COLOURS:
            for background in BACKGROUNDS:
                for index in range(per_combo_train + per_combo_val):
                    split = "train" if index < per_combo_train else "val"
                    name = f"{colour}_{shape}_{background}_{index}.png"
                    draw_shape(shape, colour, background, seed=seed).save(images / name)
                    seed += 1
                    lines += [f"{name}\t{split}\t{c}" for c in captions_for(shape, colour, background)]
    (root / "captions.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root
