"""A picture's main colours in plain words: "mostly blue, green and brown" (issue #16, item 4).

Said when nothing else about a picture is sure: it is true, cheap (a 48x48 thumbnail, ~1 ms), and it
tells a listener something ("mostly white and blue" is an icon, not a night sky). Each pixel gets the
name of its hue band (or black, white, grey for dark and colourless ones; brown for dark oranges);
names covering at least ``min_share`` of the picture are said, most common first.

A thing on a plain background (an icon on white, a cut-out photo on a studio backdrop) is said by its
own colours and then the background's: "Mostly red and green, on a grey background." Before, the
backdrop filled the sentence ("Mostly white and grey." for a pair of red cherries). The background is
plain when nearly all of the picture's edge has one colour name and little spread; the thing is every
pixel that differs clearly from the edge's colour.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

# (upper hue bound in degrees, name), for saturated pixels of medium or high brightness.
_HUES: tuple[tuple[float, str], ...] = (
    (15, "red"), (40, "orange"), (70, "yellow"), (165, "green"), (255, "blue"), (290, "purple"),
    (340, "pink"), (360, "red"),
)  # fmt: skip

SIDE = 48  # the thumbnail the colours are read from


@dataclass(frozen=True)
class PlainBackground:
    """When a picture's edge is a plain background, and which pixels are the thing on it."""

    side: int = 96  # the edge is judged on the picture shrunk to this (box filter: grain averages out)
    step: float = 2.0  # neighbouring edge pixels differ by at most this (90th percentile, 0-255)...
    spread: float = 20.0  # ...and the edge's RGB spread (mean per-channel std, 0-255) is at most this
    differs: float = 40.0  # a pixel this far (RGB distance, 0-255) from the background is the thing's
    min_thing: float = 0.03  # the thing covers at least this share of the picture (else: no thing)


def _thumbnail(rgb: Image.Image) -> np.ndarray:
    return np.asarray(rgb.convert("RGB").resize((SIDE, SIDE)), dtype=np.float32) / 255.0  # (48, 48, 3)


def _names(a: np.ndarray) -> np.ndarray:
    """``(H, W)`` colour names of the pixels of ``a`` (``(H, W, 3)``, 0..1)."""
    high, low = a.max(axis=2), a.min(axis=2)
    chroma = high - low
    saturation = np.where(high > 0, chroma / np.maximum(high, 1e-6), 0.0)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    safe = np.maximum(chroma, 1e-6)
    hue = np.where(
        high == r, ((g - b) / safe) % 6, np.where(high == g, (b - r) / safe + 2, (r - g) / safe + 4)
    )
    hue = hue * 60.0  # (H, W) degrees
    names = np.full(high.shape, "grey", dtype=object)
    for bound, name in reversed(_HUES):
        names = np.where(hue < bound, name, names)
    names = np.where((names == "orange") & (high < 0.65), "brown", names)
    names = np.where((names == "red") & (high < 0.45), "brown", names)
    names = np.where(saturation < 0.2, np.where(high > 0.85, "white", "grey"), names)
    return np.where(high < 0.18, "black", names)


def colour_names(rgb: Image.Image) -> np.ndarray:
    """``(H, W)`` colour names of a 48x48 thumbnail's pixels."""
    return _names(_thumbnail(rgb))


def _ranked(names: np.ndarray, min_share: float, most: int) -> list[str]:
    found, counts = np.unique(names, return_counts=True)
    order = np.argsort(-counts)
    total = counts.sum()
    return [str(found[i]) for i in order[:most] if counts[i] >= min_share * total]


def main_colours(rgb: Image.Image, min_share: float = 0.12, most: int = 3) -> list[str]:
    """The picture's main colour names, most common first."""
    return _ranked(colour_names(rgb), min_share, most)


def _plain_edge(rgb: Image.Image, cfg: PlainBackground) -> bool:
    """Is the picture's edge smooth and of one colour, give or take a soft gradient? Measured on the
    wild set's half A: every icon, chart, clip art and cut-out photo (studio backdrops: spread 12-15,
    steps 1-2), no scene (the flattest, a misty lake, spreads 42; a sheep on grass steps 16)."""
    a = np.asarray(rgb.convert("RGB").resize((cfg.side, cfg.side), Image.Resampling.BOX), dtype=np.float32)
    ring = np.concatenate([a[0], a[1:, -1], a[-1, ::-1][1:], a[::-1, 0][1:]])  # (P, 3), walked round
    steps = np.abs(np.diff(ring, axis=0)).max(axis=1)  # (P - 1,)
    return bool(np.percentile(steps, 90) <= cfg.step and ring.std(axis=0).mean() <= cfg.spread)


def _background(a: np.ndarray) -> np.ndarray:
    """``(H, W, 3)``: the background under each pixel, spread in from the edge (a gradient backdrop's
    far corner is as much background as its near one)."""
    height, width = a.shape[:2]
    x = np.linspace(0.0, 1.0, width)[None, :, None]  # (1, W, 1)
    y = np.linspace(0.0, 1.0, height)[:, None, None]  # (H, 1, 1)
    across = a[:, :1] * (1 - x) + a[:, -1:] * x  # (H, W, 3): left edge to right edge
    down = a[:1] * (1 - y) + a[-1:] * y  # (H, W, 3): top edge to bottom edge
    return (across + down) / 2


def on_plain_background(
    rgb: Image.Image, cfg: PlainBackground | None = None, min_share: float = 0.12, most: int = 3
) -> tuple[list[str], str] | None:
    """The thing's main colours and the plain background's colour name, or None when the picture's
    edge is no plain background (a scene) or nothing on it stands out."""
    cfg = cfg or PlainBackground()
    if not _plain_edge(rgb, cfg):
        return None
    a = _thumbnail(rgb)
    thing = np.linalg.norm(a - _background(a), axis=2) * 255 > cfg.differs  # (H, W)
    if thing.mean() < cfg.min_thing:
        return None
    colours = _ranked(_names(a)[thing], min_share, most)
    edge = np.concatenate([a[0], a[-1], a[1:-1, 0], a[1:-1, -1]])  # (P, 3)
    ground = str(_names(np.median(edge, axis=0)[None, None])[0, 0])
    return (colours, ground) if colours else None


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def colours_sentence(rgb: Image.Image) -> str | None:
    """ "Mostly blue, green and brown." / "Mostly red and green, on a grey background." (None for a
    picture of no main colour)."""
    plain = on_plain_background(rgb)
    if plain is not None:
        colours, ground = plain
        return f"Mostly {_listed(colours)}, on a {ground} background."
    found = main_colours(rgb)
    return f"Mostly {_listed(found)}." if found else None
