"""The tray app's commands: ``run`` (start it), ``trigger`` (ask the running one to act) and
``doctor`` (what this machine offers). Qt is imported only when one of them runs."""

from __future__ import annotations

import argparse

from assistant.app.options import add_app_options
from assistant.catalog import IPC_COMMANDS
from assistant.cli import options


def register(sub: options.SubParsers) -> None:
    p = sub.add_parser("run", help="start the tray app (or show the running one)")
    add_app_options(p)
    p.set_defaults(func=run_app)
    t = sub.add_parser(
        "trigger", help="ask the running app to act (bind this to a desktop shortcut on Wayland)"
    )
    t.add_argument("command", help=", ".join(name for name in IPC_COMMANDS if name != "status"))
    t.add_argument(
        "path", nargs="*", metavar="ARG", help="describe-file: the image; find-text: the words to find"
    )
    t.set_defaults(func=run_trigger)
    d = sub.add_parser("doctor", help="report displays, hotkeys, speech, screen reader, model and OCR")
    d.set_defaults(func=run_doctor)


def run_app(args: argparse.Namespace) -> int:
    from assistant.app.main import run_app

    return int(run_app(args))


def run_trigger(args: argparse.Namespace) -> int:
    from assistant.app.ipc import trigger_main

    return int(trigger_main(args))


def run_doctor(args: argparse.Namespace) -> int:
    from assistant.doctor import doctor_main

    return int(doctor_main(args))
