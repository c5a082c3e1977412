"""The desktop bundle's entry point: ``assistant`` as the console script runs it, plus the two forms of
``python`` the app uses to start helpers from ``sys.executable`` (doctor's probes: ``-c CODE``; the
pyttsx3 WAV writer and autostart: ``-m MODULE``), which in a frozen bundle reach this executable."""

from __future__ import annotations

import runpy
import sys


def main() -> int:
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "-c":
        sys.argv = ["-c", *args[2:]]
        exec(compile(args[1], "<string>", "exec"), {"__name__": "__main__"})
        return 0
    if len(args) >= 2 and args[0] == "-m":
        sys.argv = [args[1], *args[2:]]
        runpy.run_module(args[1], run_name="__main__", alter_sys=True)
        return 0
    from assistant.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
