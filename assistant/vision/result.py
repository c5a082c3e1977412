"""What a captioner returns, whichever runtime made it (torch or onnxruntime). Torch-free."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class CaptionResult:
    text: str  # a sentence to speak: "A dog runs through the grass."
    tokens: list[str]
    log_prob: float  # sum of log p over the words and <end>
    mean_log_prob: float  # per emitted token; the composer hedges on it
    alphas: np.ndarray | None = None  # (len(tokens) + 1, N) attention weights
    grid: tuple[int, int] | None = None  # (rows, cols) of the feature grid, for attention maps
    timings: dict[str, float] = field(default_factory=dict)  # ms per image: "encode", "decode"
