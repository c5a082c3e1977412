"""Pick the torch device: CUDA when present, else CPU, unless the user says otherwise."""

from __future__ import annotations

import logging
import os

import torch

from assistant.errors import ModelError

log = logging.getLogger(__name__)


def select_device(preference: str | None = "auto") -> torch.device:
    """``auto`` -> cuda if available else cpu; ``ASSISTANT_DEVICE`` overrides ``auto``."""
    choice = (preference or "auto").lower()
    if choice == "auto":
        choice = os.environ.get("ASSISTANT_DEVICE", "auto").lower()
    if choice == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        device = torch.device(choice)
    except RuntimeError:
        raise ModelError(f"Unknown device '{preference}'; use auto, cpu or cuda.") from None
    if device.type == "cuda":
        count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        if count == 0 or (device.index or 0) >= count:
            # A setting that cannot be met must not stop describing: the CPU gives the same captions.
            log.warning("The GPU (%s) is not available, so the model runs on the CPU.", choice)
            return torch.device("cpu")
    return device
