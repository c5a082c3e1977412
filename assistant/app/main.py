"""``assistant run``: start the tray app, or — when one already runs — tell it to show itself."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from assistant.app.process_memory import check_pyside_use_without_linecache, limit_malloc_arenas

log = logging.getLogger(__name__)

NO_DISPLAY = (
    "No desktop display was found, so the tray app cannot start. "
    "Use assistant describe on the command line instead."
)


def _display_available() -> bool:
    """Qt aborts the whole process when it cannot open a display; check first and say so."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_app(args: argparse.Namespace | None = None) -> int:
    """Run the tray app until Quit; the exit status. ``args`` may carry ``wav``, ``speech`` and
    ``settings_dir`` (the ``assistant run`` options)."""
    limit_malloc_arenas()
    from PySide6.QtWidgets import QApplication

    check_pyside_use_without_linecache()  # before the app's imports (process_memory.py says why)
    from assistant.app.controller import AppController
    from assistant.app.ipc import send_command, server_name
    from assistant.app.welcome import is_first_start
    from assistant.catalog import APP_TITLE
    from assistant.config import load_settings
    from assistant.paths import APP_NAME

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    wav = getattr(args, "wav", None)
    speech = getattr(args, "speech", None)
    settings_dir = getattr(args, "settings_dir", None)
    settings_dir = Path(settings_dir) if settings_dir else None
    name = server_name(settings_dir)

    # Single instance: a second launch brings the running one's window up and leaves.
    if send_command("show", name=name, timeout_ms=1000) is not None:
        print("The assistant is already running; its window was shown.")
        return 0

    if not _display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 4
    settings, warnings = load_settings(settings_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    # The WM_CLASS capture matches to keep the assistant's own windows out of what is read.
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setDesktopFileName("io.github.assistant")
    app.setQuitOnLastWindowClosed(False)
    controller = AppController(
        settings,
        settings_dir,
        speech_override=speech,
        wav_override=Path(wav) if wav else None,
        ipc_name=name,
        startup_warnings=warnings,
        welcome=is_first_start(settings_dir),
        # Embedders and tests may hand in their own describer factory (not a command-line option).
        describer_factory=getattr(args, "describer_factory", None),
    )
    if not controller.start():
        send_command("show", name=name)
        controller.shutdown()
        return 0
    try:
        return int(app.exec())
    finally:
        controller.shutdown()
