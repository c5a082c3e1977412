"""Stopping the programs tests start (X servers, window managers, dialogs, speech servers)."""

from __future__ import annotations

import subprocess
from typing import Any


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
