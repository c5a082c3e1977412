"""The tray app's command-line options, shared by ``assistant run`` and ``python -m assistant.app``.

No Qt here: the command line imports this to build its parser without starting the app.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.catalog import OPTIONS


def add_app_options(p: argparse.ArgumentParser) -> None:
    """Where speech and settings go (``--wav``, ``--speech``, ``--settings-dir``)."""
    speech = OPTIONS["speech"]
    p.add_argument("--wav", type=Path, help="speak into this WAV file (tests, no sound card)")
    p.add_argument(speech.flag, choices=speech.choices, default=None, help="speech backend override")
    p.add_argument("--settings-dir", type=Path, help="settings folder (default: the user's config dir)")
