"""``python -m assistant.app [--wav FILE] [--speech BACKEND] [--settings-dir DIR]``: the tray app."""

from __future__ import annotations

import argparse
import sys

from assistant.app.main import run_app
from assistant.app.options import add_app_options


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.app", description="Run the assistant tray app."
    )
    add_app_options(parser)  # the same options as `assistant run`
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(run_app(parse_args()))
