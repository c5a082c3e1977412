"""No telemetry, in every process: onnxruntime's built-in reporting is switched off before it loads.

Why this exists: the onnxruntime wheels from PyPI (1.2x and later) carry Microsoft's 1DS telemetry on
Linux and macOS too. Merely importing ``onnxruntime`` writes a persistent device id and an event queue
under ``~/.cache/Microsoft/DeveloperTools/.onnxruntime/`` (or ``$XDG_CACHE_HOME/Microsoft/...``) and
its uploader later posts to ``mobile.events.data.microsoft.com``. The README promises "privately and
offline", so that must never happen.

How it is switched off, at the source: onnxruntime reads ``ORT_DISABLE_TELEMETRY=1`` once, when its
native environment initialises (at import), and then creates no uploader, no events and no device id
for the life of the process (onnxruntime's Privacy.md, "Disabling Telemetry"; PR #27379/#29843 in
microsoft/onnxruntime, which also name ``ORT_TELEMETRY_DISABLED``, so both are set). The Python call
``onnxruntime.disable_telemetry_events()`` only mutes later events — too late on its own, so it is
an extra, not the switch.

:func:`disable_telemetry` runs when the ``assistant`` package is imported (``assistant/__init__.py``),
so every process that can reach onnxruntime through this project — the app, the CLI, RapidOCR, the
benchmarks, and child processes, which inherit the environment — has it off before any import.
:func:`import_onnxruntime` is the one way the project's own code imports onnxruntime.
"""

from __future__ import annotations

import contextlib
import os
import sys
from types import ModuleType

#: Environment variables that turn onnxruntime's telemetry off (read once, at its initialisation).
TELEMETRY_OFF: dict[str, str] = {"ORT_DISABLE_TELEMETRY": "1", "ORT_TELEMETRY_DISABLED": "1"}


def disable_telemetry() -> bool:
    """Set the opt-out variables in this process's environment (children inherit them).

    Returns False when onnxruntime was already imported before this ran: its choice is latched then,
    and the caller should know (the test suite asserts this never happens through ``assistant``).
    """
    for name, value in TELEMETRY_OFF.items():
        os.environ[name] = value  # overrides a user's "0": this app promises no telemetry at all
    return "onnxruntime" not in sys.modules


def import_onnxruntime() -> ModuleType:
    """``import onnxruntime`` with telemetry off (the environment first, then its runtime switch)."""
    disable_telemetry()
    import onnxruntime

    # An older or telemetry-free build may have nothing to mute.
    with contextlib.suppress(AttributeError, RuntimeError):
        onnxruntime.disable_telemetry_events()
    return onnxruntime
