"""Run the real tray app (``run_app``) in a test's X server with a pixel-reading describer.

Usage: ``python tests/app/app_launcher.py WAV_PATH [WORK_MS]``. Everything else — tray, hotkeys
(pynput on the test's DISPLAY), IPC, windows, WAV speech — is the production code path.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app_testkit import PixelDescriber

from assistant.app.main import run_app

if __name__ == "__main__":
    work_ms = float(sys.argv[2]) if len(sys.argv) > 2 else 50.0
    describer = PixelDescriber(work_ms=work_ms)
    args = SimpleNamespace(
        wav=Path(sys.argv[1]), speech=None, settings_dir=None, describer_factory=lambda: describer
    )
    sys.exit(run_app(args))
