"""Icons, clip art and cartoons named in plain words: "An icon: a trash can." (issue #16).

A lone picture with almost no text (:func:`assistant.understand.pictures.lone_picture_sentence`) was
said as "I can't tell what this picture shows." unless ImageNet was sure, and ImageNet is confidently
wrong on drawn pictures ("spatula" for a trash-can icon). Two things decide here:

- **is it drawn?** (:func:`drawn_statistics`) Icons and clip art sit on one plain colour (the picture's
  border has almost no spread) and are painted in flat colours (most pixels equal their right-hand
  neighbour). Photos, cut-outs on a studio backdrop (a gradient with grain), paintings and
  wallpapers fail one or both. Measured on the wild set (datasets/wild): every icon, clip art and
  cartoon but one wallpaper passes; none of its 163 photos, paintings, memes and photos of text does
  (their border spreads are at least 8.3, 13.5, 12.5 and 10.3); of Flickr8k's first 1,000 photos, one;
- **what is it?** the icon-and-drawing head (:mod:`assistant.vision.inference.graphics_labels`), a
  softmax layer on the pooled encoder feature every caption result carries (no second model run,
  ~0.3 ms), trained on seventeen Debian icon themes, openclipart-png and GComPris' word pictures. Only
  a confident label is said (an icon's a little under the line, hedged, when far ahead of the
  runner-up); "other" (an icon of no kind it knows) and an unsure label leave the decision to the
  caller ("I can't tell").

A third kind of lone picture is the **cut-out photo**: one thing on a studio backdrop or a plain
ground (product and catalogue photos, Tux Paint's stamps). It is no drawing (its backdrop is a soft
gradient with grain, its colours are not flat), and the captioner and ImageNet are often unsure of
it. :func:`looks_cut_out` knows it by its border (smooth: small steps between neighbouring border
pixels, one colour give or take a gradient); :func:`cut_out_sentence` names it, hedged ("Probably a
kettle."), when ImageNet's thing is probable, else when the head (trained on cut-out stamps too) is
very sure. Measured on wild half A: all 33 cut-outs pass, 3 of its 29 photos have so smooth a border,
and the spread keeps all three out.

Thresholds were tuned on half A of the wild set (``benchmarks/wild_eval.py --kind icon drawing
cartoon``); see the head's model card for the held-out theme's figures.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

if TYPE_CHECKING:
    from assistant.vision.inference.graphics_labels import GraphicLabel

log = logging.getLogger(__name__)

# Labels said without an article ("An icon: scissors.").
_PLURAL = frozenset({"scissors", "grapes", "headphones", "glasses"})
# People: the head often confuses them with one another (a girl for a woman), and they are the words
# the Flickr8k captioner says about everything; said only when the head is very sure.
PEOPLE = frozenset(
    {"man", "woman", "boy", "girl", "child", "family", "person", "stick figure", "face", "hand"}
)

# The head's animals: its label for a photo is loose, but an animal it names where the captioner says
# "dog" is evidence against the dog (trust.py).
ANIMALS = frozenset({
    "ant", "bat", "bear", "bee", "beetle", "bird", "butterfly", "camel", "cat", "chicken", "cow", "deer",
    "dinosaur", "dolphin", "dragon", "duck", "eagle", "elephant", "fish", "frog", "giraffe", "hedgehog",
    "hippopotamus", "horse", "insect", "kangaroo", "ladybird", "leopard", "lion", "lizard", "lobster",
    "monkey", "mosquito", "mouse", "owl", "panda", "penguin", "pig", "rabbit", "rhinoceros", "shark",
    "sheep", "snail", "snake", "spider", "squirrel", "swan", "tiger", "turkey", "turtle", "whale",
})  # fmt: skip


@dataclass(frozen=True)
class GraphicsConfig:
    side: int = 400  # the statistics are taken on the picture at most this large
    border_spread: float = 8.0  # a plain background: the border pixels' RGB spread at most this
    flat_share: float = 0.6  # flat colours: at least this share of pixels equal their right neighbour
    sure: float = 0.4  # the head's probability at which its label is said (tuned on wild half A)
    # An icon's label from ``icon_probable`` is said, hedged ("An icon: possibly a keyboard."), when it
    # is at least ``icon_margin`` times the runner-up's. Calibrated on Tango, the theme the head of
    # 2026-12-05 11:00 never saw: 8 of its 114 named icons fall in that band, all 8 named right.
    icon_probable: float = 0.3
    icon_margin: float = 3.0
    # An icon's label is said plainly from ``icon_plain``; under it, "possibly". Four themes each held
    # out of a head trained without it (Faba, Suru, nuoveXT2, Numix; 688 icons, scripts/train_graphics_
    # head.py's recipe with Tango trained on) put the lines' worth lower than Tango alone: right 126 of
    # 173 said at 0.5 and up (73 %), 16 of 42 at 0.4-0.5, 16 of 35 in the hedged band (0.3-0.4, 3x).
    icon_plain: float = 0.5
    # A drawing (the head's style, not an icon: icons of no named kind are "other" and need ``sure``)
    # is named from ``drawing_probable``, hedged ("Probably a drawing of a bee.") below ``drawing_sure``.
    # Calibrated on drawings the head never saw (a quarter of openclipart, GComPris and Tux Paint's
    # drawings held out of a head fitted for the check only, 556 pictures; scripts/train_graphics_head.py
    # --drawing-check --no-save): right 92 % at 0.5 and up, 69 % at 0.4-0.5, 71 % at 0.3-0.4, 56 %
    # at 0.25-0.3.
    drawing_probable: float = 0.3
    drawing_sure: float = 0.5
    people_sure: float = 0.9  # ... and a label of :data:`PEOPLE` (half A: a girl cartoon was "woman" at 0.85)
    # A drawing whose probability the head spreads over several people (:func:`_several_people`) is
    # "Probably a drawing of people." (half A: a cartoon family, boy 0.27, woman 0.26, man 0.09).
    people_together: float = 0.5
    people_spread: float = 0.5
    cut_out_step: float = 4.0  # a cut-out's backdrop: border steps (90th percentile) at most this
    cut_out_spread: float = 30.0  # ... and its border's spread at most this
    cut_out_sure: float = (
        0.5  # the head's probability at which a cut-out photo is named ("Probably a kettle.")
    )
    label_probable: float = 0.25  # ImageNet's, for a cut-out: "Probably a killer whale." (as trust.py's)


@dataclass(frozen=True)
class DrawnStatistics:
    flat: float  # share of pixels equal (within 2/255) to their right-hand neighbour
    border_spread: float  # mean per-channel standard deviation of the outermost pixels (0-255)
    # 90th percentile of the largest channel step between neighbouring pixels along the border: a
    # studio backdrop (a smooth gradient with grain, JPEG-saved) steps little, a scene's edge a lot
    border_step: float = 0.0


def drawn_statistics(rgb: Image.Image, side: int = 400) -> DrawnStatistics:
    """Flatness and the border's spread, on the picture at most ``side`` large (nearest-neighbour, so
    that resizing does not blend flat colours)."""
    image = rgb.convert("RGB")
    scale = min(1.0, side / max(image.size))
    if scale < 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.NEAREST)
    a = np.asarray(image, dtype=np.int16)  # (H, W, 3)
    flat = float((np.abs(np.diff(a, axis=1)).max(axis=2) <= 2).mean()) if a.shape[1] > 1 else 1.0
    border = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]]).astype(np.float32)  # (2H + 2W, 3)
    ring = np.concatenate([a[0], a[1:, -1], a[-1, ::-1][1:], a[::-1, 0][1:]])  # (P, 3), walked round
    steps = np.abs(np.diff(ring, axis=0)).max(axis=1) if len(ring) > 1 else np.zeros(1)
    return DrawnStatistics(flat, float(border.std(axis=0).mean()), float(np.percentile(steps, 90)))


def looks_drawn(stats: DrawnStatistics, cfg: GraphicsConfig | None = None) -> bool:
    """An icon, clip art or a cartoon on a plain background, not a photo."""
    cfg = cfg or GraphicsConfig()
    return stats.border_spread <= cfg.border_spread and stats.flat >= cfg.flat_share


def looks_cut_out(stats: DrawnStatistics, cfg: GraphicsConfig | None = None) -> bool:
    """A photo of one thing on a studio backdrop or a plain ground (a product or catalogue photo, a
    cut-out): its border is smooth and of one colour, give or take a soft gradient; not drawn."""
    cfg = cfg or GraphicsConfig()
    smooth = stats.border_step <= cfg.cut_out_step and stats.border_spread <= cfg.cut_out_spread
    return smooth and not looks_drawn(stats, cfg)


@functools.lru_cache(maxsize=4)
def _head_for(encoder: str | None, directory: str | None) -> Any:
    """The icon-and-drawing head for ``encoder`` (None when absent or made for another encoder)."""
    from assistant.vision.inference.graphics_labels import load_graphics_head

    return load_graphics_head(Path(directory) if directory else None, encoder)


def forget_loaded() -> bool:
    """Drop the icon-and-drawing heads loaded so far (the next look loads them again, ~10 ms): an app
    that waits holds 1.2 MB less (issue #19, Describer.release); the photo-or-painting probe with them
    (understand/art.py). Whether any were held."""
    from assistant.understand.art import forget_loaded as forget_art

    held = _head_for.cache_info().currsize > 0
    _head_for.cache_clear()
    return forget_art() or held


def other_animal(pooled: Any, encoder: str | None, head_dir: Path | None = None) -> float:
    """The head's probability for its top label when that is an animal other than a dog (:data:`ANIMALS`),
    else 0 (also without the head): what the trust gate weighs against a captioned dog (~0.3 ms)."""
    head = _head_for(encoder, str(head_dir) if head_dir else None)
    if head is None or pooled is None:
        return 0.0
    label = head.top(np.asarray(pooled, dtype=np.float32))
    return label.probability if label.name in ANIMALS else 0.0


def phrase(name: str) -> str:
    """ "a folder", "an envelope", "a USB stick", "scissors"."""
    if name in _PLURAL:
        return name
    vowel = name[:1].lower() in "aeiou" and not name.lower().startswith(("uni", "eu", "usb"))
    return f"{'an' if vowel else 'a'} {name}"


def graphic_sentence(
    pooled: Any,
    rgb: Image.Image,
    encoder: str | None,
    cfg: GraphicsConfig | None = None,
    head_dir: Path | None = None,
    stats: DrawnStatistics | None = None,  # the picture's, when already taken
) -> str | None:
    """ "An icon: a folder." ("possibly" under ``cfg.icon_plain``) / "A drawing of a guitar." for a drawn
    picture the head is sure of; None when the picture is not drawn, the head is absent, unsure, or sees
    an icon of no kind it knows."""
    cfg = cfg or GraphicsConfig()
    label = _drawn_label(pooled, rgb, encoder, cfg, head_dir, stats)
    if label is None:
        return None
    from assistant.vision.inference.graphics_labels import OTHER

    drawing = label.style != "icon"
    needed = cfg.people_sure if label.name in PEOPLE else cfg.drawing_probable if drawing else cfg.sure
    if label.name == OTHER:
        return None
    if (
        drawing
        and label.name in PEOPLE
        and label.probability < needed
        and _several_people(pooled, encoder, cfg, head_dir)
    ):
        return "Probably a drawing of people."
    if label.probability < needed:
        if drawing or label.name in PEOPLE or not _clear_lead(pooled, encoder, label, cfg, head_dir):
            return None
        return f"An icon: possibly {phrase(label.name)}."
    if not drawing:
        hedge = "" if label.probability >= cfg.icon_plain else "possibly "
        return f"An icon: {hedge}{phrase(label.name)}."
    if label.probability < cfg.drawing_sure:
        return f"Probably a drawing of {phrase(label.name)}."
    return f"A drawing of {phrase(label.name)}."


def _several_people(pooled: Any, encoder: str | None, cfg: GraphicsConfig, head_dir: Path | None) -> bool:
    """Whether the head spreads a drawing's probability over several people (a boy and a woman at
    ~0.27 each: a family), none of them sure: people together at ``cfg.people_together``, the runner-up
    at least ``cfg.people_spread`` times the first. One person it is unsure of keeps most on one label
    (a cartoon girl: "woman" 0.77, the next person 0.02) and is not said."""
    head = _head_for(encoder, str(head_dir) if head_dir else None)
    p = head.probabilities(np.asarray(pooled, dtype=np.float32))  # (C,)
    people = sorted(
        (float(q) for name, q in zip(head.labels, p, strict=True) if name in PEOPLE), reverse=True
    )
    if len(people) < 2:
        return False
    return (
        sum(people) >= cfg.people_together and people[1] >= cfg.people_spread * people[0] and people[0] < 0.5
    )


def _clear_lead(
    pooled: Any, encoder: str | None, label: GraphicLabel, cfg: GraphicsConfig, head_dir: Path | None
) -> bool:
    """Whether an icon's label under ``cfg.sure`` is still probable (``cfg.icon_probable``) and far
    ahead of the runner-up (``cfg.icon_margin`` times its probability): an unsure head spreads its
    probability over look-alikes (a keyboard and a calculator), a right one keeps it on one label."""
    if label.probability < cfg.icon_probable:
        return False
    head = _head_for(encoder, str(head_dir) if head_dir else None)
    probabilities = np.sort(head.probabilities(np.asarray(pooled, dtype=np.float32)))  # (C,)
    return bool(label.probability >= cfg.icon_margin * probabilities[-2])


def unnamed_sentence(
    pooled: Any,
    rgb: Image.Image,
    encoder: str | None,
    cfg: GraphicsConfig | None = None,
    head_dir: Path | None = None,
    stats: DrawnStatistics | None = None,
) -> str | None:
    """ "An icon I can't name." / "A drawing I can't name." for a drawn picture the head cannot name
    (asked after :func:`graphic_sentence`): what is known (drawn, and the head's style, right for 90 %
    of held-out Tango icons) rather than a bare "I can't tell"; None when not drawn or no head."""
    label = _drawn_label(pooled, rgb, encoder, cfg or GraphicsConfig(), head_dir, stats)
    if label is None:
        return None
    return "An icon I can't name." if label.style == "icon" else "A drawing I can't name."


def _drawn_label(
    pooled: Any,
    rgb: Image.Image,
    encoder: str | None,
    cfg: GraphicsConfig,
    head_dir: Path | None,
    stats: DrawnStatistics | None,
) -> GraphicLabel | None:
    """The head's top label for a drawn picture; None when the picture is not drawn or there is no
    head (for the encoder). One home for the check both sentences above start from."""
    if pooled is None or not looks_drawn(stats or drawn_statistics(rgb, cfg.side), cfg):
        return None
    head = _head_for(encoder, str(head_dir) if head_dir else None)
    if head is None:
        return None
    label = head.top(np.asarray(pooled, dtype=np.float32))
    log.debug("graphics head: %s", label)
    return label


def cut_out_sentence(
    pooled: Any,
    rgb: Image.Image,
    encoder: str | None,
    imagenet: Any = None,
    cfg: GraphicsConfig | None = None,
    head_dir: Path | None = None,
    stats: DrawnStatistics | None = None,  # the picture's, when already taken
) -> str | None:
    """ "Probably a kettle." for a cut-out photo (:func:`looks_cut_out`) when nothing surer was said:
    ImageNet's thing ``imagenet`` (an :class:`assistant.understand.objects.Named`) when probable, else
    the head's label when it is very sure (it was trained on Tux Paint's cut-out stamps too, but on
    wild half A its labels for cut-outs ImageNet was unsure of were wrong below 0.8: a key for a
    coin, a turkey for an orange). None for any other picture, a person, or when neither is sure."""
    cfg = cfg or GraphicsConfig()
    if pooled is None or not looks_cut_out(stats or drawn_statistics(rgb, cfg.side), cfg):
        return None
    if imagenet is not None and imagenet.probability >= cfg.label_probable:
        return f"Probably {imagenet.words.phrase()}."
    head = _head_for(encoder, str(head_dir) if head_dir else None)
    if head is not None:
        from assistant.vision.inference.graphics_labels import OTHER

        label = head.top(np.asarray(pooled, dtype=np.float32))
        log.debug("graphics head on a cut-out: %s", label)
        if label.name != OTHER and label.name not in PEOPLE and label.probability >= cfg.cut_out_sure:
            return f"Probably {phrase(label.name)}."
    return None


PHOTO_OF = "A photo of "  # the trust gate's sentence for ImageNet's sure thing (trust.verdict)


def named_instead(
    pooled: Any, rgb: Image.Image, encoder: str | None, said: str | None, head_dir: Path | None = None
) -> str | None:
    """What to say of a picture whose caption the trust gate gave up on (``said``: the gate's own
    sentence): a drawn icon or clip art by its name; a painting or drawing as one, with what it
    probably shows (:mod:`assistant.understand.art`; ImageNet's sure thing in a painting, hedged: "A
    painting, perhaps of a lion.", not "A photo of a lion.": on wild half A's paintings ImageNet's top
    label was never right, and sure once, of a book jacket for the Mona Lisa); a cut-out photo by its
    name when the gate could not tell; a drawn picture the head cannot name as one ("An icon I can't
    name."); else ``said``."""
    from assistant.understand.trust import ARTWORK, CANT_TELL

    if pooled is None:
        return said
    stats = drawn_statistics(rgb)  # once for both questions (~5 ms on a 400-pixel picture)
    drawn = graphic_sentence(pooled, rgb, encoder, head_dir=head_dir, stats=stats)
    if drawn is not None:
        return drawn
    if said is not None and said.startswith(PHOTO_OF):  # ImageNet's sure thing, in a painting?
        from assistant.understand.art import made_as, painted

        how = made_as(pooled, encoder)
        if how is not None and how[0] == "painting" and painted(pooled, encoder) > 0:
            return "A painting, perhaps of " + said[len(PHOTO_OF) :]  # ImageNet, sure, is often wrong on art
    if said is not None and said.startswith(ARTWORK):  # "A painting, perhaps of a lion." (art.py)
        from assistant.understand.art import art_sentence

        made = art_sentence(pooled, encoder, head_dir=head_dir)
        if made is None or "drawing" in made.split(",")[0]:  # a drawing the head could not name
            made = unnamed_sentence(pooled, rgb, encoder, head_dir=head_dir, stats=stats) or made
        return said.replace(ARTWORK, made, 1) if made else said
    if said is None or said.startswith(CANT_TELL):
        cut_out = cut_out_sentence(pooled, rgb, encoder, head_dir=head_dir, stats=stats)
        unnamed = None if cut_out else unnamed_sentence(pooled, rgb, encoder, head_dir=head_dir, stats=stats)
        if unnamed and said:  # "A drawing I can't name. Mostly white and blue."
            return said.replace(CANT_TELL, unnamed, 1)
        return cut_out or unnamed or said
    return said
