"""Paintings and drawings said as such, with what they show where that is probable (issue #16).

The trust gate (:mod:`assistant.understand.trust`) gives up a photo's caption when the picture is a
picture of a picture; before this module only ImageNet's picture-of-a-picture labels told it so (6
of wild half A's 10 paintings), and the rest were given a Flickr8k sentence or "I can't tell". Now
the photo-or-painting probe (:mod:`assistant.vision.inference.art_probe`, a softmax layer on the
pooled feature every caption result carries) says how the picture was made:

- :func:`painted` is the probe's probability that a picture is no photo, when it is sure enough of
  a painting or of no photo (:class:`ArtConfig`: no Flickr8k val photo and no wild half A photo is
  near either line); the gate reads it as it reads ImageNet's artwork probability;
- :func:`art_sentence` says it: "A painting, perhaps of a lion." What it shows, hedged, comes from
  the person probe (sure of a person: "perhaps a portrait", "perhaps of people"; the Flickr8k
  caption's own people are not said: "a young girl" for the Mona Lisa), else from the icon-and-drawing
  head (trained on drawings of animals and things, it reads paintings better than ImageNet, which is
  confidently wrong on them): only an animal or a thing it holds at :attr:`ArtConfig.content`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass(frozen=True)
class ArtConfig:
    # The trust gate gives a caption up (:func:`painted`) from the probe's probability of a painting
    # ``painting_sure``, or of no photo (a drawing, a cartoon) ``sure``. Flickr8k val's 1,000 photos,
    # as the app pools them: painting at most 0.25 (4 over 0.2), no photo at most 0.34; wild half A's
    # 62 photos: painting at most 0.13, no photo at most 0.76 (cut-outs on a backdrop, taken for
    # drawings). 0.35: a margin of 0.1 over val's highest photo; half A's paintings: 8 of 10 over it
    # (0.40-0.99), the other two at 0.13 and 0.09.
    painting_sure: float = 0.35
    sure: float = 0.9
    plain: float = (
        0.8  # a painting's probability from which it is said plainly ("A painting", not "Probably")
    )
    probable: float = 0.5  # no photo at this: ImageNet's "Perhaps a painting, print or cartoon" is named
    content: float = 0.3  # the icon-and-drawing head's label said as what a painting shows ("perhaps of")
    # The person probe's log odds (assistant.vision.inference.person_probe) from which a painting is
    # said to show people, and from which one person fills it (a portrait). Wild half A's paintings:
    # a portrait 6.5, a dance, girls at a piano and a river with boatmen 3.4-4.1, the rest under 0.3.
    people: float = 3.0
    portrait: float = 6.0
    # Half painted: a picture the probe holds a painting at this, short of ``painting_sure``, is
    # captioned as a photo, but a person in its caption needs the person probe at ``people`` (see
    # :func:`person_line`). Flickr8k val as the app pools them: 4 photos at 0.2-0.25, their person
    # probe 3.8 and up (or a dog); those with a person under 3 sit at 0.13 and below (a margin kept
    # for the ONNX runtime's slightly other features); wild half A's photos at most 0.13.
    half_painted: float = 0.2


@functools.lru_cache(maxsize=4)
def _probe_for(encoder: str | None, directory: str | None) -> Any:
    from assistant.vision.inference.art_probe import load_art_probe

    return load_art_probe(Path(directory) if directory else None, encoder)


def forget_loaded() -> bool:
    """Drop the probes loaded so far (the next look loads them again). Whether any were held."""
    held = _probe_for.cache_info().currsize + _person_probe_for.cache_info().currsize > 0
    _probe_for.cache_clear()
    _person_probe_for.cache_clear()
    return held


def _probabilities(pooled: Any, encoder: str | None, probe_dir: Path | None) -> dict[str, float] | None:
    probe = _probe_for(encoder, str(probe_dir) if probe_dir else None)
    if probe is None or pooled is None:
        return None
    probabilities: dict[str, float] = probe.probabilities(np.asarray(pooled, dtype=np.float32))
    return probabilities


def made_as(pooled: Any, encoder: str | None, probe_dir: Path | None = None) -> tuple[str, float] | None:
    """How the picture was made, by the probe: ("painting" or "drawing", whichever is likelier, and the
    probability that it is no photo); None without a pooled feature or a probe for ``encoder``."""
    from assistant.vision.inference.art_probe import PHOTO

    p = _probabilities(pooled, encoder, probe_dir)
    if p is None:
        return None
    kind = max((name for name in p if name != PHOTO), key=lambda name: p[name])
    return kind, 1.0 - p[PHOTO]


def painted(
    pooled: Any, encoder: str | None, cfg: ArtConfig | None = None, probe_dir: Path | None = None
) -> float:
    """The probe's probability that the picture is no photo when it is sure of a painting (at
    ``cfg.painting_sure``) or of no photo (at ``cfg.sure``), else 0: what the trust gate reads."""
    cfg = cfg or ArtConfig()
    p = _probabilities(pooled, encoder, probe_dir)
    if p is None:
        return 0.0
    from assistant.vision.inference.art_probe import PHOTO

    unlike = 1.0 - p[PHOTO]
    return unlike if p.get("painting", 0.0) >= cfg.painting_sure or unlike >= cfg.sure else 0.0


@functools.lru_cache(maxsize=4)
def _person_probe_for(encoder: str | None, directory: str | None) -> Any:
    from assistant.vision.inference.person_probe import load_person_probe

    return load_person_probe(Path(directory) if directory else None, encoder)


def content(
    pooled: Any,
    encoder: str | None,
    cfg: ArtConfig,
    head_dir: Path | None = None,
    person_dir: Path | None = None,
) -> str | None:
    """What a painting shows, hedged: "perhaps a portrait" or "perhaps of people" when the person probe
    is sure of a person; else "perhaps of a lion": an animal or thing the icon-and-drawing head holds
    at ``cfg.content`` (never its people, which are guesses: a girl for the Mona Lisa, nor its
    "other"); None when unsure or without either model."""
    from assistant.understand.graphics import PEOPLE, _head_for, phrase
    from assistant.vision.inference.graphics_labels import OTHER

    if pooled is None:
        return None
    x = np.asarray(pooled, dtype=np.float32)
    persons = _person_probe_for(encoder, str(person_dir) if person_dir else None)
    person = float(persons.logit(x)) if persons is not None else None
    if person is not None and person >= cfg.portrait:
        return "perhaps a portrait"
    if person is not None and person >= cfg.people:
        return "perhaps of people"
    head = _head_for(encoder, str(head_dir) if head_dir else None)
    if head is None:
        return None
    label = head.top(x)
    if label.name == OTHER or label.name in PEOPLE or label.name in UNSAID or label.probability < cfg.content:
        return None
    return f"perhaps of {phrase(label.name)}"


def person_line(
    pooled: Any, encoder: str | None, line: float, cfg: ArtConfig | None = None, probe_dir: Path | None = None
) -> float:
    """The person probe's log odds a caption's person needs: the gate's own ``line``, raised to
    ``cfg.people`` (the line from which a painting is said to show people) in a half-painted picture
    (the probe's painting at ``cfg.half_painted``, short of a painting said).

    Why: the person probe was trained on photos; in paintings without anyone it reaches 0.3 (wild half
    A: Hokusai's waves, captioned "A man is sitting on a rock."), above the photos' line (-1), while
    painted people sit at 3.4 and up. A painting the probe only half sees is captioned, and its
    invented man would be said; the gate (trust.assess) asks it for a painting's evidence of a person."""
    cfg = cfg or ArtConfig()
    p = _probabilities(pooled, encoder, probe_dir)
    if p is None or p.get("painting", 0.0) < cfg.half_painted:
        return line
    return max(line, cfg.people)


# The head's labels for icons and marks, which a painting's strokes call up without showing them.
UNSAID = frozenset({"picture", "lightning", "map", "globe", "key", "traffic sign", "sun"})


def art_sentence(
    pooled: Any,
    encoder: str | None,
    cfg: ArtConfig | None = None,
    probe_dir: Path | None = None,
    head_dir: Path | None = None,
    person_dir: Path | None = None,
) -> str | None:
    """ "A painting, perhaps of a lion." / "Probably a drawing." for a picture the probe holds no photo
    (at ``cfg.probable``) or a painting (at ``cfg.painting_sure``); said plainly from ``cfg.plain`` (a
    painting) or ``cfg.sure`` (a drawing); None when neither (or without the probe)."""
    cfg = cfg or ArtConfig()
    made = made_as(pooled, encoder, probe_dir)
    painting = (_probabilities(pooled, encoder, probe_dir) or {}).get("painting", 0.0)
    if made is None or (made[1] < cfg.probable and painting < cfg.painting_sure):
        return None
    kind, unlike = made
    plain = painting >= cfg.plain if kind == "painting" else unlike >= cfg.sure
    what = f"A {kind}" if plain else f"Probably a {kind}"
    shows = content(pooled, encoder, cfg, head_dir, person_dir)
    return f"{what}, {shows}." if shows else f"{what}."
