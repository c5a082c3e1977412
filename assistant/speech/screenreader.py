"""The speakers that hand text to a screen reader (the routes of :mod:`assistant.speech.routes`).

* :class:`OrcaDBusSpeaker` — Orca ≥ 49's ``PresentMessage`` over the session bus (untested here:
  Debian 12 ships Orca 43.1);
* :class:`AnnouncementSpeaker` — an accessibility announcement from the Qt window (the app's
  *announcer*): AT-SPI ``object:announcement`` for Orca 45.2+, a UI Automation notification for
  Narrator / JAWS / NVDA, an NSAccessibility announcement for VoiceOver (untested here);
* :class:`NvdaSpeaker` — NVDA's controller client DLL (Windows, untested here).

Orca 43–45.1 takes none of these; :class:`~assistant.speech.speechd.SpeechdSpeaker` at the measured
priority is that route. Detection lives in :mod:`assistant.speech.detect` (re-exported here for the
modules that imported it from this one).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from assistant.errors import SpeechError
from assistant.speech.base import Speaker, SpeechEvent, SpeechOptions
from assistant.speech.detect import (
    ORCA_SERVICE,
    ScreenReaderInfo,
    detect_screen_reader,
    orca_version,
    parse_version,
)
from assistant.speech.text import spoken_keys

__all__ = [
    "AnnouncementSpeaker",
    "Announcer",
    "NvdaSpeaker",
    "OrcaDBusSpeaker",
    "ScreenReaderInfo",
    "detect_screen_reader",
    "find_nvda_controller",
    "orca_version",
    "parse_version",
]

Announcer = Callable[[str, bool], None]
"""``announcer(text, assertive)``: hands text to the screen reader as an accessibility announcement."""


class _FireAndForgetSpeaker(Speaker):
    """Hands text to something that speaks on its own; *finished* follows at once (no end signal)."""

    def say(self, text: str, interrupt: bool = True) -> int:
        utterance_id = self._next_id()
        text = spoken_keys(" ".join(text.split()))
        if text:
            self._deliver(text, interrupt)
        self._emit(SpeechEvent("started", utterance_id, text))
        self._emit(SpeechEvent("finished", utterance_id, text))
        return utterance_id

    def _deliver(self, text: str, interrupt: bool) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """The screen reader's own stop key silences it; by default we have no way to."""

    @property
    def is_speaking(self) -> bool:
        return False

    def wait(self, timeout: float | None = None) -> bool:
        return True


class AnnouncementSpeaker(_FireAndForgetSpeaker):
    """Speaks through the screen reader as an accessibility announcement (the app's Qt announcer)."""

    name = "screenreader:announcement"

    def __init__(self, announcer: Announcer, options: SpeechOptions | None = None) -> None:
        super().__init__(options)
        self.announcer = announcer

    def _deliver(self, text: str, interrupt: bool) -> None:
        self.announcer(text, interrupt)


def _gdbus_orca(path: str, method: str, *args: str, timeout: float = 3.0) -> str:
    argv = ["gdbus", "call", "--session", "--dest", ORCA_SERVICE, "--object-path", path, "--method", method]
    try:
        result = subprocess.run(
            [*argv, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SpeechError(f"Orca did not answer: {exc}") from exc
    if result.returncode != 0:
        raise SpeechError(f"Orca refused the call: {result.stderr.strip()[:200]}")
    return result.stdout


class OrcaDBusSpeaker(_FireAndForgetSpeaker):
    """Orca ≥ 49's ``org.gnome.Orca.Service.PresentMessage`` (speech and braille, Orca's own voice).

    ``PresentMessage`` returns a boolean; ``(false,)`` means Orca did not present it, which is a
    failure the router answers by speaking directly. Stop asks Orca's ``SpeechManager`` module to
    ``InterruptSpeech`` (named ``SpeechAndVerbosityManager`` in early 49.x builds; both are tried).
    """

    name = "screenreader:orca-dbus"

    def __init__(self, options: SpeechOptions | None = None) -> None:
        super().__init__(options)
        if shutil.which("gdbus") is None:
            raise SpeechError("gdbus is not installed, so Orca's D-Bus service cannot be reached.")

    def _deliver(self, text: str, interrupt: bool) -> None:
        if interrupt:
            self.stop()
        out = _gdbus_orca("/org/gnome/Orca/Service", f"{ORCA_SERVICE}.PresentMessage", text)
        if "false" in out:
            raise SpeechError("Orca did not take the message.")

    def stop(self) -> None:
        for module in ("SpeechManager", "SpeechAndVerbosityManager"):
            try:
                _gdbus_orca(
                    f"/org/gnome/Orca/Service/{module}",
                    "org.gnome.Orca.Module.ExecuteCommand",
                    "InterruptSpeech",
                    "false",
                    timeout=1.0,
                )
                return
            except SpeechError:
                continue


def find_nvda_controller() -> Path | None:
    """nvdaControllerClient(64).dll next to the program, in the resources or on PATH (Windows only)."""
    if sys.platform != "win32":
        return None
    name = "nvdaControllerClient64.dll" if sys.maxsize > 2**32 else "nvdaControllerClient32.dll"
    candidates = [Path(sys.executable).parent, *map(Path, os.environ.get("PATH", "").split(os.pathsep))]
    for folder in candidates:
        for candidate in (folder / name, folder / "nvdaControllerClient.dll"):
            if candidate.is_file():
                return candidate
    return None


class NvdaSpeaker(_FireAndForgetSpeaker):
    """NVDA's controller client: ``nvdaController_speakText`` / ``cancelSpeech`` (0 means success)."""

    name = "screenreader:nvda"

    def __init__(self, dll: Path, options: SpeechOptions | None = None) -> None:
        super().__init__(options)
        self._dll = ctypes.WinDLL(str(dll))  # type: ignore[attr-defined]
        if self._dll.nvdaController_testIfRunning() != 0:
            raise SpeechError("NVDA is not running.")

    def _deliver(self, text: str, interrupt: bool) -> None:
        if interrupt:
            self._dll.nvdaController_cancelSpeech()
        if self._dll.nvdaController_speakText(ctypes.c_wchar_p(text)) != 0:
            raise SpeechError("NVDA did not take the text.")

    def stop(self) -> None:
        self._dll.nvdaController_cancelSpeech()
