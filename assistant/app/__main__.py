"""``python -m assistant.app [--wav FILE] [--speech BACKEND] [--settings-dir DIR]``: the tray app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.app.main import run_app


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.app", description="Run the assistant tray app."
    )
    parser.add_argument("--wav", type=Path, default=None, help="write speech to this WAV file")
    parser.add_argument("--speech", default=None, help="speech backend (auto, espeak, wav, silent, ...)")
    parser.add_argument("--settings-dir", type=Path, default=None, help="read and write settings here")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(run_app(parse_args()))
