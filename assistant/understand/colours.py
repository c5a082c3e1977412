"""A picture's main colours in plain words: "mostly blue, green and brown" (issue #16, item 4).

Said when nothing else about a picture is sure: it is true, cheap (a 48x48 thumbnail, ~1 ms), and it
tells a listener something ("mostly white and blue" is an icon, not a night sky). Each pixel gets the
name of its hue band (or black, white, grey for dark and colourless ones; brown for dark oranges);
names covering at least ``min_share`` of the picture are said, most common first.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

# (upper hue bound in degrees, name), for saturated pixels of medium or high brightness.
_HUES: tuple[tuple[float, str], ...] = (
    (15, "red"), (40, "orange"), (70, "yellow"), (165, "green"), (255, "blue"), (290, "purple"),
    (340, "pink"), (360, "red"),
)  # fmt: skip


def colour_names(rgb: Image.Image) -> np.ndarray:
    """``(H, W)`` colour names of a 48x48 thumbnail's pixels."""
    a = np.asarray(rgb.convert("RGB").resize((48, 48)), dtype=np.float32) / 255.0  # (48, 48, 3)
    high, low = a.max(axis=2), a.min(axis=2)
    chroma = high - low
    saturation = np.where(high > 0, chroma / np.maximum(high, 1e-6), 0.0)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    safe = np.maximum(chroma, 1e-6)
    hue = np.where(
        high == r, ((g - b) / safe) % 6, np.where(high == g, (b - r) / safe + 2, (r - g) / safe + 4)
    )
    hue = hue * 60.0  # (48, 48) degrees
    names = np.full(high.shape, "grey", dtype=object)
    for bound, name in reversed(_HUES):
        names = np.where(hue < bound, name, names)
    names = np.where((names == "orange") & (high < 0.65), "brown", names)
    names = np.where((names == "red") & (high < 0.45), "brown", names)
    names = np.where(saturation < 0.2, np.where(high > 0.85, "white", "grey"), names)
    return np.where(high < 0.18, "black", names)


def main_colours(rgb: Image.Image, min_share: float = 0.12, most: int = 3) -> list[str]:
    """The picture's main colour names, most common first."""
    names, counts = np.unique(colour_names(rgb), return_counts=True)
    order = np.argsort(-counts)
    total = counts.sum()
    return [str(names[i]) for i in order[:most] if counts[i] >= min_share * total]


def colours_sentence(rgb: Image.Image) -> str | None:
    """ "Mostly blue, green and brown." (None for a picture of no main colour)."""
    found = main_colours(rgb)
    if not found:
        return None
    listed = found[0] if len(found) == 1 else f"{', '.join(found[:-1])} and {found[-1]}"
    return f"Mostly {listed}."
