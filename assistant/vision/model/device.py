"""Pick the torch device: CUDA when present, else CPU, unless the user says otherwise."""

from __future__ import annotations

import os

import torch

from assistant.errors import ModelError


def select_device(preference: str | None = "auto") -> torch.device:
    """``auto`` -> cuda if available else cpu; ``ASSISTANT_DEVICE`` overrides ``auto``."""
    choice = (preference or "auto").lower()
    if choice == "auto":
        choice = os.environ.get("ASSISTANT_DEVICE", "auto").lower()
    if choice == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if choice.startswith("cuda") and not torch.cuda.is_available():
        raise ModelError("CUDA was asked for, but no CUDA GPU is available; use --device cpu.")
    try:
        return torch.device(choice)
    except RuntimeError:
        raise ModelError(f"Unknown device '{preference}'; use auto, cpu or cuda.") from None
