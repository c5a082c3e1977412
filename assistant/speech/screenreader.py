"""Is a screen reader running, which one, and how do we speak *through* it without double speech?

A blind user's screen reader is their trusted voice (its voice, rate, language and its stop key),
so when one runs ``auto`` hands our text to it instead of talking over it. The route depends on what
that screen reader can take:

* **Orca ≥ 49** exposes ``PresentMessage`` on D-Bus — we call it directly.
* **Orca 45.2–48** speaks AT-SPI ``object:announcement`` events, which Qt (≥ 6.8) emits for
  ``QAccessibleAnnouncementEvent`` — the app passes an *announcer* (assistant/app/announce.py).
* **Orca < 45.2** (Debian 12 ships 43) has no announcement handler at all, so Qt never emits one;
  Orca speaks through speech-dispatcher, so we send the text to speech-dispatcher ourselves.
  Sending both would be spoken twice on newer Orca; choosing one route per version prevents that.
* **NVDA** via its controller client DLL when found; **NVDA/Narrator/VoiceOver** otherwise via the
  announcer (Qt maps announcements to UIA notifications and NSAccessibility announcements).

Detection is fast and never raises: the AT-SPI bus property ``org.a11y.Status.ScreenReaderEnabled``
and a process scan on Linux, ``SPI_GETSCREENREADER`` on Windows, VoiceOver's defaults on macOS.
"""

from __future__ import annotations

import ctypes
import glob
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import SpeechError
from assistant.speech.base import Speaker, SpeechEvent, SpeechOptions

Announcer = Callable[[str, bool], None]
"""``announcer(text, assertive)``: hands text to the screen reader as an accessibility announcement."""

ORCA_ANNOUNCEMENTS = (45, 2)
ORCA_PRESENT_MESSAGE = (49,)


@dataclass(frozen=True)
class ScreenReaderInfo:
    running: bool
    name: str | None = None  # "orca", "nvda", "narrator", "voiceover", "unknown"
    version: tuple[int, ...] | None = None
    source: str = ""  # how it was detected, for doctor
    dbus_service: bool = False  # Orca's org.gnome.Orca.Service (PresentMessage) owns its bus name

    @property
    def version_text(self) -> str:
        return ".".join(map(str, self.version)) if self.version else "unknown version"

    def summary(self) -> str:
        if not self.running:
            return f"none ({self.source})" if self.source else "none"
        name = self.name or "a screen reader"
        return f"{name} {self.version_text} ({self.source})"


def _run(args: list[str], timeout: float = 2.0, env: dict[str, str] | None = None) -> str | None:
    try:
        result = subprocess.run(
            args,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def parse_version(text: str) -> tuple[int, ...] | None:
    match = re.search(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    if not match:
        return None
    return tuple(int(part) for part in match.groups() if part is not None)


# -- Linux -------------------------------------------------------------------------------------
def atspi_screen_reader_enabled(timeout: float = 2.0) -> bool | None:
    """``org.a11y.Status.ScreenReaderEnabled`` on the session bus; None when there is no bus to ask."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not (runtime and Path(runtime, "bus").exists()):
        return None  # no session bus; asking anyway could autolaunch a stray dbus-daemon
    if shutil.which("gdbus"):
        out = _run(
            [
                "gdbus",
                "call",
                "--session",
                "--dest",
                "org.a11y.Bus",
                "--object-path",
                "/org/a11y/bus",
                "--method",
                "org.freedesktop.DBus.Properties.Get",
                "org.a11y.Status",
                "ScreenReaderEnabled",
            ],
            timeout,
        )
        return None if out is None else "true" in out
    if shutil.which("dbus-send"):
        out = _run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
                "org.freedesktop.DBus.Properties.Get",
                "string:org.a11y.Status",
                "string:ScreenReaderEnabled",
            ],
            timeout,
        )
        return None if out is None else "boolean true" in out
    return None


def orca_service_available(timeout: float = 2.0) -> bool:
    """Does ``org.gnome.Orca.Service`` (Orca ≥ 49's remote controller) own its session-bus name?"""
    if not shutil.which("gdbus") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    out = _run(
        [
            "gdbus",
            "call",
            "--session",
            "--dest",
            "org.freedesktop.DBus",
            "--object-path",
            "/org/freedesktop/DBus",
            "--method",
            "org.freedesktop.DBus.NameHasOwner",
            "org.gnome.Orca.Service",
        ],
        timeout,
    )
    return out is not None and "true" in out


def _same_session(environ: bytes) -> bool:
    """Does a process with this ``/proc/PID/environ`` belong to our desktop session?

    An Orca in another session (another seat, a test's private bus) is not ours to speak through:
    match the session bus address when both have one, else the X display.
    """
    theirs = dict(item.split(b"=", 1) for item in environ.split(b"\0") if b"=" in item)
    for key in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"):
        ours = os.environ.get(key)
        other = theirs.get(key.encode())
        if ours and other:
            return ours.encode() == other
    return False  # nothing in common: no session of ours that Orca could be speaking in


def orca_process_running() -> bool:
    """Is an ``orca`` process running in this user's session? (``/proc`` scan, no ``pgrep`` needed.)"""
    uid = os.getuid() if hasattr(os, "getuid") else None
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if uid is not None and entry.stat().st_uid != uid:
                continue
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            if not any(os.path.basename(arg.decode(errors="replace")) == "orca" for arg in argv[:2]):
                continue
            if _same_session((entry / "environ").read_bytes()):
                return True
        except OSError:
            continue
    return False


def orca_version(timeout: float = 3.0) -> tuple[int, ...] | None:
    """Orca's version from its ``orca_platform.py`` (instant), else ``orca --version``."""
    patterns = [
        "/usr/lib/python3/dist-packages/orca/orca_platform.py",
        "/usr/lib/python3*/site-packages/orca/orca_platform.py",
        "/usr/local/lib/python3*/*-packages/orca/orca_platform.py",
    ]
    for pattern in patterns:
        for path in glob.glob(pattern):
            try:
                text = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
            if match:
                return parse_version(match.group(1))
    if shutil.which("orca"):
        out = _run(["orca", "--version"], timeout)
        if out:
            return parse_version(out)
    return None


# -- Windows / macOS ---------------------------------------------------------------------------
def _windows_screen_reader() -> ScreenReaderInfo:
    flag = ctypes.c_int(0)
    try:
        windll = ctypes.windll  # type: ignore[attr-defined]
        windll.user32.SystemParametersInfoW(0x0046, 0, ctypes.byref(flag), 0)  # SPI_GETSCREENREADER
    except Exception:
        pass
    tasks = (_run(["tasklist", "/FO", "CSV", "/NH"], 3.0) or "").lower()
    if "nvda.exe" in tasks:
        return ScreenReaderInfo(True, "nvda", None, "nvda.exe running")
    if "narrator.exe" in tasks:
        return ScreenReaderInfo(True, "narrator", None, "Narrator.exe running")
    if flag.value:
        return ScreenReaderInfo(True, "unknown", None, "SPI_GETSCREENREADER")
    return ScreenReaderInfo(False, source="SPI_GETSCREENREADER and process list")


def _macos_screen_reader() -> ScreenReaderInfo:
    out = _run(["defaults", "read", "com.apple.universalaccess", "voiceOverOnOffKey"], 2.0)
    running = (out or "").strip() == "1"
    return ScreenReaderInfo(running, "voiceover" if running else None, None, "universalaccess defaults")


def detect_screen_reader(timeout: float = 2.0) -> ScreenReaderInfo:
    """Which screen reader runs now (never raises; at most a couple of seconds)."""
    try:
        if sys.platform == "win32":
            return _windows_screen_reader()
        if sys.platform == "darwin":
            return _macos_screen_reader()
        enabled = atspi_screen_reader_enabled(timeout)
        orca = orca_process_running()
        if orca:
            service = orca_service_available(timeout)
            return ScreenReaderInfo(
                True,
                "orca",
                orca_version(),
                "orca process"
                + (", AT-SPI ScreenReaderEnabled" if enabled else "")
                + (", org.gnome.Orca.Service" if service else ""),
                dbus_service=service,
            )
        if enabled:
            return ScreenReaderInfo(True, "unknown", None, "AT-SPI ScreenReaderEnabled")
        source = "AT-SPI bus says no" if enabled is False else "no AT-SPI bus"
        return ScreenReaderInfo(False, source=source)
    except Exception as exc:  # detection must never break start-up
        return ScreenReaderInfo(False, source=f"detection failed: {exc}")


def screen_reader_route(info: ScreenReaderInfo, have_announcer: bool) -> str | None:
    """How to reach this screen reader: "orca-dbus", "announcement", "speechd", "nvda" or None."""
    if not info.running:
        return None
    if info.name == "orca":
        version = info.version or (0,)
        if (info.dbus_service or version >= ORCA_PRESENT_MESSAGE) and shutil.which("gdbus"):
            return "orca-dbus"
        if version >= ORCA_ANNOUNCEMENTS and have_announcer:
            return "announcement"
        return "speechd"  # Orca 43 ignores announcements; it speaks through speech-dispatcher too
    if info.name == "nvda" and find_nvda_controller() is not None:
        return "nvda"
    if have_announcer:
        return "announcement"
    return None


# -- the speakers for these routes ---------------------------------------------------------------
class _FireAndForgetSpeaker(Speaker):
    """Hands text to something that speaks on its own; *finished* follows at once (no end signal)."""

    def say(self, text: str, interrupt: bool = True) -> int:
        utterance_id = self._next_id()
        text = " ".join(text.split())
        if text:
            self._deliver(text, interrupt)
        self._emit(SpeechEvent("started", utterance_id, text))
        self._emit(SpeechEvent("finished", utterance_id, text))
        return utterance_id

    def _deliver(self, text: str, interrupt: bool) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """The screen reader's own stop key silences it; we have no way to, and send nothing."""

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


class OrcaDBusSpeaker(_FireAndForgetSpeaker):
    """Orca ≥ 49's ``org.gnome.Orca.Service.PresentMessage`` over the session bus."""

    name = "screenreader:orca-dbus"

    def _deliver(self, text: str, interrupt: bool) -> None:
        out = _run(
            [
                "gdbus",
                "call",
                "--session",
                "--dest",
                "org.gnome.Orca.Service",
                "--object-path",
                "/org/gnome/Orca/Service",
                "--method",
                "org.gnome.Orca.Service.PresentMessage",
                text,
            ],
            3.0,
        )
        if out is None:
            raise SpeechError("Orca did not take the message.")


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
    """NVDA's controller client: ``nvdaController_speakText`` / ``cancelSpeech``."""

    name = "screenreader:nvda"

    def __init__(self, dll: Path, options: SpeechOptions | None = None) -> None:
        super().__init__(options)
        self._dll = ctypes.WinDLL(str(dll))  # type: ignore[attr-defined]
        if self._dll.nvdaController_testIfRunning() != 0:
            raise SpeechError("NVDA is not running.")

    def _deliver(self, text: str, interrupt: bool) -> None:
        if interrupt:
            self._dll.nvdaController_cancelSpeech()
        self._dll.nvdaController_speakText(ctypes.c_wchar_p(text))

    def stop(self) -> None:
        self._dll.nvdaController_cancelSpeech()
