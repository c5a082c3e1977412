"""A CUDA setting that cannot be met falls back to the CPU with one message (issue #18, item 8).

It used to raise "CUDA was asked for, but no CUDA GPU is available; use --device cpu." — a command-line
flag, said to a user who set the device in the Settings window, and no description at all.
"""

from __future__ import annotations

import logging

import pytest
import torch

from assistant.errors import ModelError
from assistant.vision.model.device import select_device


def test_a_gpu_that_is_not_there_means_the_cpu_and_one_message(caplog: pytest.LogCaptureFixture) -> None:
    missing = "cuda:99" if torch.cuda.is_available() else "cuda"  # no machine here has 100 GPUs
    with caplog.at_level(logging.WARNING):
        assert select_device(missing) == torch.device("cpu")
    messages = [record.getMessage() for record in caplog.records]
    assert messages == [f"The GPU ({missing}) is not available, so the model runs on the CPU."]
    assert "--device" not in messages[0]


def test_cpu_and_nonsense() -> None:
    assert select_device("cpu") == torch.device("cpu")
    with pytest.raises(ModelError, match="Unknown device"):
        select_device("quantum")
