"""Start at login: a freedesktop autostart entry (Linux), the Run key (Windows), a LaunchAgent (macOS).

No Qt here; the settings window calls :func:`set_start_at_login` when the box is ticked.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import re
import shutil
import sys
from pathlib import Path

ENTRY_NAME = "assistant"
LAUNCH_AGENT_LABEL = "io.github.assistant"


def launch_command() -> list[str]:
    """How to start the tray app: the console script when installed, else this Python."""
    script = shutil.which("assistant")
    if script:
        return [script, "run"]
    return [sys.executable, "-m", "assistant", "run"]


def autostart_file() -> Path:
    """The Linux autostart entry (XDG_CONFIG_HOME/autostart/assistant.desktop)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / f"{ENTRY_NAME}.desktop"


def launch_agent_file() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


def _exec_quote(arg: str) -> str:
    """Quote one argument the way the Desktop Entry spec's Exec key wants (double quotes)."""
    arg = arg.replace("%", "%%")
    if arg and not re.search(r"[\s\"'\\><~|&;$*?#()`]", arg):
        return arg
    inner = re.sub(r'(["`$\\])', r"\\\1", arg)
    return '"' + inner.replace("\\", "\\\\") + '"'


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_exec_quote(part) for part in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Assistant\n"
        "Comment=Describes the screen out loud\n"
        f"Exec={exec_line}\n"
        "Icon=io.github.assistant\n"
        "Terminal=false\n"
        "Categories=Utility;Accessibility;\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def is_enabled() -> bool:
    if sys.platform == "win32":
        return _windows_run_value() is not None
    if sys.platform == "darwin":
        return launch_agent_file().exists()
    return autostart_file().exists()


def set_start_at_login(enabled: bool, command: list[str] | None = None) -> None:
    """Create or remove the platform's start-at-login entry (raises OSError on failure)."""
    command = command or launch_command()
    if sys.platform == "win32":
        _set_windows(enabled, command)
    elif sys.platform == "darwin":
        path = launch_agent_file()
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(
                plistlib.dumps(
                    {
                        "Label": LAUNCH_AGENT_LABEL,
                        "ProgramArguments": command,
                        "RunAtLoad": True,
                        "ProcessType": "Interactive",
                    }
                )
            )
        else:
            path.unlink(missing_ok=True)
    else:
        path = autostart_file()
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(desktop_entry(command), encoding="utf-8")
        else:
            path.unlink(missing_ok=True)


_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def _windows_run_value() -> str | None:  # pragma: no cover - Windows only
    import winreg  # type: ignore[import-not-found, unused-ignore]

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:  # type: ignore[attr-defined, unused-ignore]
            value, _ = winreg.QueryValueEx(key, "Assistant")  # type: ignore[attr-defined, unused-ignore]
            return str(value)
    except OSError:
        return None


def _set_windows(enabled: bool, command: list[str]) -> None:  # pragma: no cover - Windows only
    import subprocess
    import winreg  # type: ignore[import-not-found, unused-ignore]

    access = winreg.KEY_SET_VALUE  # type: ignore[attr-defined, unused-ignore]
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY, 0, access) as key:  # type: ignore[attr-defined, unused-ignore]
        if enabled:
            value = subprocess.list2cmdline(command)
            winreg.SetValueEx(key, "Assistant", 0, winreg.REG_SZ, value)  # type: ignore[attr-defined, unused-ignore]
        else:
            with contextlib.suppress(OSError):
                winreg.DeleteValue(key, "Assistant")  # type: ignore[attr-defined, unused-ignore]
