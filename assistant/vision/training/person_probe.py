"""Train the person probe (:mod:`assistant.vision.inference.person_probe`) from the caption memory.

The caption memory (``resources/models/flickr8k-lite2-memory``) already holds what is needed: the
pooled encoder feature of each of Flickr8k's 6,091 training photos (train + extra splits; never val
or test) and the photo's five human captions. A photo is a positive when at least ``min_captions``
of its captions name a person (:data:`PERSON_WORDS`), a negative when none does; photos in between
are left out. L2-regularised logistic regression, solved by Newton's method: deterministic (no seed
needed: two runs write byte-identical files), ~10 s on two CPU cores, no photo read.

    .venv/bin/python -m assistant.vision.training.person_probe \
        --memory resources/models/flickr8k-lite2-memory --out resources/models/flickr8k-lite2-person
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.vision.inference.person_probe import PERSON_WORDS, PersonProbe, ProbeConfig
from assistant.vision.matching.caption_memory import CaptionMemory


def person_counts(captions: Sequence[Sequence[str]]) -> np.ndarray:
    """``(M,)``: per photo, how many of its captions name a person."""
    return np.asarray([sum(bool(PERSON_WORDS & set(c.split())) for c in refs) for refs in captions])


def logistic_newton(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 50) -> tuple[np.ndarray, float]:
    """Weights ``(D,)`` and bias of an L2-regularised (bias not penalised) logistic regression.

    ``x (N, D)``, ``y (N,)`` in {0, 1}. Newton's method converges in ~10 steps on these sizes.
    """
    z = np.hstack([x.astype(np.float64), np.ones((len(x), 1))])  # (N, D+1)
    penalty = np.full(z.shape[1], float(l2))
    penalty[-1] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))  # (N,)
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w[:-1], float(w[-1])


def train_person_probe(
    memory: CaptionMemory, min_captions: int = 3, l2: float = 10.0, scale: float = 10.0
) -> tuple[PersonProbe, dict]:
    """The probe and a summary (counts, training accuracy) for the model card."""
    counts = person_counts(memory.captions)
    keep = (counts >= min_captions) | (counts == 0)
    x = memory.features[keep] * scale  # unit rows (the memory normalises them) (N, D)
    y = (counts[keep] >= min_captions).astype(np.float64)
    weight, bias = logistic_newton(x, y, l2)
    probe = PersonProbe(ProbeConfig(memory.config.encoder, scale), weight.astype(np.float32), bias)
    logits = np.asarray(probe.logit(memory.features[keep]))
    summary = {
        "photos": int(keep.sum()),
        "positives": int(y.sum()),
        "negatives": int((1 - y).sum()),
        "left_out": int((~keep).sum()),
        "train_accuracy": round(float(np.mean((logits > 0) == (y > 0.5))), 4),
        "min_captions": min_captions,
        "l2": l2,
    }
    return probe, summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--memory", type=Path, required=True, help="the caption memory folder")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--min-captions", type=int, default=3)
    parser.add_argument("--l2", type=float, default=10.0)
    args = parser.parse_args(argv)
    probe, summary = train_person_probe(CaptionMemory.load(args.memory), args.min_captions, args.l2)
    probe.save(args.out)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
