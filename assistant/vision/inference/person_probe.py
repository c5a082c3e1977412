"""Is there a person in the picture? A linear probe on the captioner's pooled feature. Torch-free.

Why: the captioner saw people in almost every Flickr8k photo and invents them everywhere ("A man is
standing in front of a building" for the Colosseum). The encoder's pooled feature (the mean of its
grid, which every caption result carries as ``pooled``) holds whether a person is visible; one
logistic regression on it says how strongly. It is trained on Flickr8k's training photos with labels
from their five human captions (a person named in at least three of them -> yes; in none -> no) and
on ~650 photos from Debian packages with no one in them (monuments, animals, tools, food, landscapes:
:mod:`assistant.vision.training.person_pictures`): trained on Flickr8k alone, it had learnt people
against dogs, and scored every monument, cliff or canoe as a person, since Flickr8k's photographers
always had someone in front of them.

Its score is a logit (``log odds``): Flickr8k val photos whose caption names a person score above -1
in 99 % of cases; the trust gate (:mod:`assistant.understand.trust`) reads it with ImageNet's view.

The folder (``resources/models/flickr8k-lite2-person``, made by
:mod:`assistant.vision.training.person_probe`): ``probe.safetensors`` with ``weight (D,)`` float32
and ``bias ()``, ``config.json`` (format, encoder, the scale applied to the unit feature).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.errors import ModelError
from assistant.vision.model.files import load_head_folder, load_optional_extra, save_head_folder

FORMAT_NAME = "assistant-person-probe"
FORMAT_VERSION = 1
PROBE_FILE = "probe.safetensors"
DEFAULT_PROBE_NAME = "flickr8k-lite2-person"

# Words that name people in captions (Flickr8k's and this captioner's), singular and plural. The
# probe's labels and the trust gate's reading of a caption both use this one list.
PERSON_WORDS = frozenset({
    "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children", "kid", "kids",
    "people", "person", "persons", "baby", "babies", "toddler", "toddlers", "lady", "ladies", "guy",
    "guys", "player", "players", "crowd", "biker", "bikers", "cyclist", "cyclists", "skier", "skiers",
    "snowboarder", "snowboarders", "surfer", "surfers", "swimmer", "swimmers", "rider", "riders",
    "climber", "climbers", "skateboarder", "skateboarders", "couple", "family", "team", "teenager",
    "teenagers", "adult", "adults", "dancer", "dancers", "worker", "workers", "athlete", "athletes",
    "runner", "runners", "bride", "groom", "gentleman", "mother", "father", "son", "daughter",
    "soldier", "soldiers", "firefighter", "firefighters", "fireman", "firemen", "policeman",
    "policemen", "officer", "officers", "hiker", "hikers", "he", "she", "someone", "musician",
    "musicians", "singer", "spectators", "audience",
})  # fmt: skip


@dataclass(frozen=True)
class ProbeConfig:
    encoder: str  # the image encoder whose pooled grid the probe reads
    scale: float = 10.0  # the unit-length feature is multiplied by this before the weights


class PersonProbe:
    """``pooled (D,)`` or ``(B, D)`` -> the log odds that a person is in the picture."""

    def __init__(self, config: ProbeConfig, weight: np.ndarray, bias: float) -> None:
        if weight.ndim != 1 or not np.all(np.isfinite(weight)) or not np.isfinite(bias):
            raise ModelError("The person probe is damaged (its weights are not one finite vector).")
        self.config = config
        self.weight = np.ascontiguousarray(weight, dtype=np.float32)  # (D,)
        self.bias = float(bias)

    def logit(self, pooled: np.ndarray) -> np.ndarray | float:
        """Log odds of a person for ``pooled (D,)`` (a float) or ``(B, D)`` (``(B,)``)."""
        x = np.asarray(pooled, dtype=np.float32)
        single = x.ndim == 1
        x = x.reshape(1, -1) if single else x
        if x.shape[1] != self.weight.shape[0]:
            raise ValueError(f"feature size {x.shape[1]} does not fit the probe's {self.weight.shape[0]}")
        unit = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)  # (B, D)
        out = self.config.scale * (unit @ self.weight) + self.bias  # (B,)
        return float(out[0]) if single else out

    def save(self, directory: Path) -> None:
        save_head_folder(
            directory,
            {"weight": self.weight, "bias": np.asarray(self.bias, dtype=np.float32)},
            dict(self.config.__dict__),
            format_name=FORMAT_NAME,
            version=FORMAT_VERSION,
            weights=PROBE_FILE,
        )

    @classmethod
    def load(cls, directory: Path) -> PersonProbe:
        """Read a probe folder; a missing or damaged one raises :class:`ModelError` with one sentence."""
        return load_head_folder(
            directory,
            lambda config, arrays, _texts: cls(
                ProbeConfig(str(config["encoder"]), float(config["scale"])),
                arrays["weight"],
                float(arrays["bias"]),
            ),
            format_name=FORMAT_NAME,
            version=FORMAT_VERSION,
            what="person probe",
            a_what="a person probe",
            weights=PROBE_FILE,
        )


def default_probe_dir() -> Path:
    """The shipped probe (a slim install may leave it out)."""
    from assistant.paths import resource_path

    return resource_path("models", DEFAULT_PROBE_NAME)


def load_person_probe(directory: Path | None = None, encoder: str | None = None) -> PersonProbe | None:
    """The probe for ``encoder``'s pooled grid, or None when it cannot apply (absent, damaged, other grid)."""
    folder = Path(directory) if directory is not None else default_probe_dir()
    return load_optional_extra(folder, PersonProbe.load, encoder, "the person probe")
