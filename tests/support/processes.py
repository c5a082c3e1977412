"""Waiting for and stopping the programs tests start (X servers, window managers, dialogs, speech
servers)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from typing import Any


def wait_until(predicate: Callable[[], object], what: str, timeout: float = 30.0) -> None:
    """Poll ``predicate`` until it is true; AssertionError naming ``what`` after ``timeout`` seconds
    (a program that never comes up fails the test instead of hanging it)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def stop_process(proc: subprocess.Popen[Any] | None, timeout: float = 5.0) -> None:
    """Ask ``proc`` to end (SIGTERM), and kill it if it has not within ``timeout`` seconds; a
    process already gone (or ``None``) is left alone. Never waits longer than twice ``timeout``."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)
