"""Command-line options that several sub-commands share, declared once.

Their flags, help, choices and defaults come from :mod:`assistant.catalog` (the same vocabularies the
Settings use), so ``--device``, ``--runtime``, ``--verbosity`` and ``--speech`` accept the same words
everywhere and an old spelling (``--verbosity full``) still works.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

from assistant.catalog import DEVICES, OPTIONS, SETTING_BY_NAME, canonical

SubParsers = argparse._SubParsersAction  # the type of parser.add_subparsers()


def _vocabulary(setting: str) -> Callable[[str], str]:
    """An argparse ``type`` that maps an older spelling to the current one before ``choices`` is checked."""

    def convert(value: str) -> str:
        return canonical(setting, value)

    convert.__name__ = setting  # argparse names the type in its error messages
    return convert


def _device(value: str) -> str:
    """auto, cpu, cuda, or a numbered GPU (cuda:1): what torch accepts."""
    if value in DEVICES or re.fullmatch(r"cuda:\d+", value):
        return value
    raise argparse.ArgumentTypeError(
        f"invalid choice: {value!r} (choose from {', '.join(DEVICES)} or cuda:N)"
    )


def add_model(p: argparse.ArgumentParser, help: str | None = None, required: bool = False) -> None:
    p.add_argument(OPTIONS["model"].flag, type=Path, required=required, help=help or OPTIONS["model"].help)


def add_device(p: argparse.ArgumentParser, default: str = "auto") -> None:
    spec = OPTIONS["device"]
    p.add_argument(
        spec.flag, type=_device, default=default, metavar="{" + ",".join(DEVICES) + "}", help=spec.help
    )


def add_beam(p: argparse.ArgumentParser) -> None:
    spec = OPTIONS["beam"]
    p.add_argument(spec.flag, type=int, default=SETTING_BY_NAME[spec.setting].default, help=spec.help)


def add_runtime(p: argparse.ArgumentParser, default: str = "auto", help: str | None = None) -> None:
    spec = OPTIONS["runtime"]
    p.add_argument(spec.flag, choices=spec.choices, default=default, help=help or spec.help)


def add_verbosity(p: argparse.ArgumentParser) -> None:
    spec = OPTIONS["verbosity"]
    default = SETTING_BY_NAME[spec.setting].default
    p.add_argument(
        spec.flag, type=_vocabulary(spec.setting), choices=spec.choices, default=default, help=spec.help
    )


def add_speech(p: argparse.ArgumentParser, help: str | None = None) -> None:
    spec = OPTIONS["speech"]
    p.add_argument(spec.flag, choices=spec.choices, default=None, help=help or spec.help)


def add_captioner(p: argparse.ArgumentParser) -> None:
    """The options every captioning command takes: model folder, device and beam size."""
    add_model(p)
    add_device(p)
    add_beam(p)
