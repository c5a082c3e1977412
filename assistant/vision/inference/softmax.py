"""The softmax the small heads on the pooled feature share (ImageNet's, the icon-and-drawing head's,
the photo-or-painting probe's): their logits turned into probabilities, the largest subtracted
first so that no exponential overflows."""

from __future__ import annotations

import numpy as np


def softmax(logits: np.ndarray) -> np.ndarray:
    """Probabilities over the last axis of ``logits`` (any leading shape)."""
    z = logits - logits.max(axis=-1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=-1, keepdims=True)
