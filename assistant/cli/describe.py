"""``assistant describe``: files, folders or the screen, described and spoken (see assistant.describe_cli)."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli import options


def register(sub: options.SubParsers) -> None:
    p = sub.add_parser("describe", help="describe image files or the screen, and speak the result")
    p.add_argument("paths", nargs="*", type=Path, help="image files to describe")
    p.add_argument(
        "--screen", action="store_true", help="describe the screen (the monitor under the pointer)"
    )
    p.add_argument("--no-speak", action="store_true", help="print only; do not speak")
    p.add_argument("--wav", type=Path, help="write the speech to this WAV file instead of the sound card")
    p.add_argument("--json", action="store_true", help="print one JSON object per image")
    p.add_argument(
        "--csv", type=Path, metavar="FILE", help="folder mode: write path, text, caption, confidence to FILE"
    )
    p.add_argument("-r", "--recursive", action="store_true", help="folder mode: look into sub-folders too")
    p.add_argument("--batch-size", type=int, default=16, help="folder mode: images captioned at once")
    options.add_runtime(p)
    options.add_verbosity(p)
    options.add_captioner(p)
    options.add_speech(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from assistant.describe_cli import describe_command

    return describe_command(args)
