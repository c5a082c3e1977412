"""The ``assistant`` command line: everything the app does, headless.

Each sub-command lives in its own module (``describe``, ``training``, ``evaluation``, ``search``,
``app``) with a ``register`` function; shared options (model, device, beam, runtime, verbosity,
speech) are declared once in :mod:`assistant.cli.options` from :mod:`assistant.catalog`. Sub-commands
import their heavy dependencies (torch, Qt) lazily so ``assistant --version`` and ``assistant trigger``
stay instant. User errors (:class:`AssistantError`) print one sentence and exit non-zero; they are
never shown as tracebacks.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from assistant import __version__
from assistant.cli import app, describe, evaluation, search, training
from assistant.cli.options import SubParsers
from assistant.errors import AssistantError

#: Every sub-command, in the order ``assistant --help`` lists them.
SUBCOMMANDS: tuple[Callable[[SubParsers], None], ...] = (
    describe.register,
    training.register_train,
    training.register_train_scst,
    training.register_average_weights,
    training.register_ensemble,
    training.register_build_memory,
    evaluation.register_evaluate,
    evaluation.register_explain,
    training.register_export_onnx,
    search.register,
    app.register,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant", description="Hear what is on your screen or in a picture, privately and offline."
    )
    parser.add_argument("--version", action="version", version=f"assistant {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command_name", metavar="COMMAND")
    for register in SUBCOMMANDS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # numpy's OpenBLAS spreads even a (1, 1280) x (1280, 512) product over all cores; on a busy 2-core
    # machine that made one search query or caption-confidence score 14 ms instead of 0.9 ms. Our
    # numpy work is small (heavy work runs in onnxruntime or torch, with their own threads).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s: %(message)s"
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        from assistant.extras import require_command_extra

        require_command_extra(args.command_name)  # training commands without the train extra: say so
        return int(args.func(args))
    except AssistantError as error:
        print(f"assistant: {error}", file=sys.stderr)
        return error.exit_code
    except ImportError as error:  # a lazy import of an optional extra's module (torch, ...): say which
        from assistant.extras import MissingExtraError, missing_extra_message

        message = missing_extra_message(error, args.command_name)
        if message is None:
            raise
        print(f"assistant: {message}", file=sys.stderr)
        return MissingExtraError.exit_code
    except KeyboardInterrupt:
        return 130
