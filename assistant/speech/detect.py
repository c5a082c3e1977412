"""Which screen reader runs, which version, and how we know — never by one clue alone.

The speech route depends on the screen reader *and its version* (see :mod:`assistant.speech.routes`),
and a wrong guess is silence: Orca 43 ignores the accessibility announcements that Orca 45.2+ speaks.
So on Linux several independent clues are combined:

* ``org.a11y.Status.ScreenReaderEnabled`` on the session bus (set by GNOME, and by Orca itself);
* ``org.gnome.Orca.Service`` owning its session-bus name (Orca ≥ 49; it also answers ``GetVersion``);
* an Orca process of this session, found by its name *or* its command line (``python3 /usr/bin/orca``);
* for a reader known only by the flag: whether it listens for ``object:announcement`` (the AT-SPI
  registry's registered events), i.e. whether an announcement would be heard at all;
* the version of *that* Orca: its own launcher asked ``--version``, else the installed
  ``orca_platform.py``, else ``orca --version`` on ``PATH``.

On Windows the process list (NVDA, JAWS, Narrator) and ``SPI_GETSCREENREADER``; on macOS
VoiceOver's defaults key. Detection never raises and takes at most a few seconds.
"""

from __future__ import annotations

import ctypes
import glob
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ORCA_SERVICE = "org.gnome.Orca.Service"


@dataclass(frozen=True)
class ScreenReaderInfo:
    """What :func:`detect_screen_reader` found; ``source`` says how, for ``assistant doctor``."""

    running: bool
    name: str | None = None  # "orca", "nvda", "jaws", "narrator", "voiceover", "unknown"
    version: tuple[int, ...] | None = None
    source: str = ""
    dbus_service: bool = False  # Orca's org.gnome.Orca.Service (PresentMessage) owns its bus name
    announcements: bool = False  # some AT-SPI client listens for object:announcement

    @property
    def version_text(self) -> str:
        return ".".join(map(str, self.version)) if self.version else "unknown version"

    def summary(self) -> str:
        if not self.running:
            return f"none ({self.source})" if self.source else "none"
        name = self.name or "a screen reader"
        return f"{name} {self.version_text} ({self.source})"


@dataclass(frozen=True)
class OrcaProcess:
    """An Orca process of our session; ``by_name`` is False when only its command line gave it away."""

    pid: int
    argv: tuple[str, ...]
    by_name: bool


def _run(args: list[str], timeout: float = 2.0) -> str | None:
    """stdout of a successful command, else None (missing program, failure, timeout)."""
    try:
        result = subprocess.run(
            args, capture_output=True, text=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def parse_version(text: str) -> tuple[int, ...] | None:
    match = re.search(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    if not match:
        return None
    return tuple(int(part) for part in match.groups() if part is not None)


# -- Linux: the session bus --------------------------------------------------------------------
def session_bus_available() -> bool:
    """Is there a session bus to ask? (Asking without one could autolaunch a stray dbus-daemon.)"""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")) or bool(runtime and Path(runtime, "bus").exists())


def _gdbus_call(dest: str, path: str, method: str, *args: str, timeout: float = 2.0) -> str | None:
    if not shutil.which("gdbus") or not session_bus_available():
        return None
    argv = ["gdbus", "call", "--session", "--dest", dest, "--object-path", path, "--method", method]
    return _run([*argv, *args], timeout)


def atspi_screen_reader_enabled(timeout: float = 2.0) -> bool | None:
    """``org.a11y.Status.ScreenReaderEnabled``; None when there is no bus (or no gdbus) to ask."""
    out = _gdbus_call(
        "org.a11y.Bus",
        "/org/a11y/bus",
        "org.freedesktop.DBus.Properties.Get",
        "org.a11y.Status",
        "ScreenReaderEnabled",
        timeout=timeout,
    )
    return None if out is None else "true" in out


def atspi_announcement_listeners(timeout: float = 2.0) -> bool | None:
    """Does some AT-SPI client listen for ``object:announcement`` (the AT-SPI registry's list)?

    Qt sends announcements only then, and Orca 43 never registers for them: an unidentified screen
    reader that does will hear announcements. None when the accessibility bus cannot be asked.
    """
    out = _gdbus_call("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress", timeout=timeout)
    match = re.search(r"'([^']+)'", out or "")
    if match is None or not shutil.which("gdbus"):
        return None
    argv = ["gdbus", "call", "--address", match.group(1), "--dest", "org.a11y.atspi.Registry"]
    argv += ["--object-path", "/org/a11y/atspi/registry", "--method"]
    events = _run([*argv, "org.a11y.atspi.Registry.GetRegisteredEvents"], timeout)
    if events is None:
        return None
    # e.g. "([(':1.2', 'Object:Announcement:')],)"; "Object:" or "" registers for everything
    kinds = {kind.lower().rstrip(":") for kind in re.findall(r"'[^']*', '([^']*)'", events)}
    return bool(kinds & {"object:announcement", "object", ""})


def orca_service_available(timeout: float = 2.0) -> bool:
    """Does ``org.gnome.Orca.Service`` (Orca ≥ 49's remote controller) own its session-bus name?"""
    out = _gdbus_call(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner",
        ORCA_SERVICE,
        timeout=timeout,
    )
    return out is not None and "true" in out


def orca_service_version(timeout: float = 2.0) -> tuple[int, ...] | None:
    """The version Orca's D-Bus service reports (``GetVersion``), e.g. ``('49.2',)`` -> (49, 2)."""
    out = _gdbus_call(ORCA_SERVICE, "/org/gnome/Orca/Service", f"{ORCA_SERVICE}.GetVersion", timeout=timeout)
    return parse_version(out) if out else None


# -- Linux: processes --------------------------------------------------------------------------
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


def _is_orca_argv(argv: list[str]) -> bool:
    """``orca ...``, ``python3 /usr/bin/orca ...``, ``python3 -m orca ...`` (argv[0..2])."""
    if any(os.path.basename(arg) == "orca" for arg in argv[:2]):
        return True
    return argv[1:3] == ["-m", "orca"]


def find_orca_processes(proc: Path = Path("/proc")) -> list[OrcaProcess]:
    """Orca processes of this user in this session, by process name or by command line."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    found = []
    for entry in proc.glob("[0-9]*"):
        try:
            if uid is not None and entry.stat().st_uid != uid:
                continue
            comm = (entry / "comm").read_text(errors="replace").strip()
            argv = [a.decode(errors="replace") for a in (entry / "cmdline").read_bytes().split(b"\0") if a]
            if comm != "orca" and not _is_orca_argv(argv):
                continue
            if _same_session((entry / "environ").read_bytes()):
                found.append(OrcaProcess(int(entry.name), tuple(argv), by_name=comm == "orca"))
        except (OSError, ValueError):
            continue
    return sorted(found, key=lambda p: p.pid)


def _launcher_of(process: OrcaProcess) -> list[str] | None:
    """The command that runs the same Orca as ``process`` with ``--version`` (its own launcher)."""
    for i, arg in enumerate(process.argv[:2]):
        if os.path.basename(arg) == "orca" and os.path.isfile(arg):
            return [*process.argv[:i], arg, "--version"]
    return None


def _installed_orca_version() -> tuple[int, ...] | None:
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
    return None


def orca_version(
    process: OrcaProcess | None = None, timeout: float = 3.0
) -> tuple[tuple[int, ...] | None, str]:
    """Orca's version and where it was read: the running Orca's launcher, the installed package, PATH."""
    launcher = _launcher_of(process) if process is not None else None
    if launcher is not None:
        version = parse_version(_run(launcher, timeout) or "")
        if version:
            return version, "its launcher"
    version = _installed_orca_version()
    if version:
        return version, "orca_platform.py"
    if shutil.which("orca"):
        version = parse_version(_run(["orca", "--version"], timeout) or "")
        if version:
            return version, "orca --version"
    return None, "version unknown"


def _linux_screen_reader(timeout: float) -> ScreenReaderInfo:
    enabled = atspi_screen_reader_enabled(timeout)
    service = orca_service_available(timeout)
    processes = find_orca_processes()
    clues = []
    if processes:
        named = any(p.by_name for p in processes)
        clues.append(f"orca process {processes[0].pid}" + ("" if named else " (by command line)"))
    if service:
        clues.append(ORCA_SERVICE)
    if enabled:
        clues.append("AT-SPI ScreenReaderEnabled")
    if processes or service:
        version = orca_service_version(timeout) if service else None
        how = "GetVersion"
        if version is None:
            version, how = orca_version(processes[0] if processes else None, timeout)
        source = ", ".join(clues) + f"; version from {how}"
        return ScreenReaderInfo(True, "orca", version, source, dbus_service=service)
    if enabled:
        source = "AT-SPI ScreenReaderEnabled, no Orca process or D-Bus name"
        if atspi_announcement_listeners(timeout):
            source += "; object:announcement is listened for"
            return ScreenReaderInfo(True, "unknown", None, source, announcements=True)
        return ScreenReaderInfo(True, "unknown", None, source)
    return ScreenReaderInfo(False, source="AT-SPI bus says no" if enabled is False else "no AT-SPI bus")


def linux_fingerprint(timeout: float = 1.0) -> tuple[object, ...]:
    """A cheap summary that changes when a screen reader starts or stops (polled by the router)."""
    pids = tuple(p.pid for p in find_orca_processes())
    enabled = atspi_screen_reader_enabled(timeout)
    listening = atspi_announcement_listeners(timeout) if enabled and not pids else None
    return (enabled, orca_service_available(timeout), pids, listening)


# -- Windows / macOS (untested here) -----------------------------------------------------------
WINDOWS_READERS = (("nvda.exe", "nvda"), ("jfw.exe", "jaws"), ("narrator.exe", "narrator"))


def _windows_screen_reader() -> ScreenReaderInfo:
    flag = ctypes.c_int(0)
    try:
        windll = ctypes.windll  # type: ignore[attr-defined]
        windll.user32.SystemParametersInfoW(0x0046, 0, ctypes.byref(flag), 0)  # SPI_GETSCREENREADER
    except Exception:
        pass
    tasks = (_run(["tasklist", "/FO", "CSV", "/NH"], 3.0) or "").lower()
    for exe, name in WINDOWS_READERS:
        if f'"{exe}"' in tasks:
            return ScreenReaderInfo(True, name, None, f"{exe} running")
    if flag.value:
        return ScreenReaderInfo(True, "unknown", None, "SPI_GETSCREENREADER")
    return ScreenReaderInfo(False, source="SPI_GETSCREENREADER and process list")


def _macos_screen_reader() -> ScreenReaderInfo:
    out = _run(["defaults", "read", "com.apple.universalaccess", "voiceOverOnOffKey"], 2.0)
    running = (out or "").strip() == "1"
    return ScreenReaderInfo(running, "voiceover" if running else None, None, "universalaccess defaults")


def detect_screen_reader(timeout: float = 2.0) -> ScreenReaderInfo:
    """Which screen reader runs now (never raises; at most a few seconds)."""
    try:
        if sys.platform == "win32":
            return _windows_screen_reader()
        if sys.platform == "darwin":
            return _macos_screen_reader()
        return _linux_screen_reader(timeout)
    except Exception as exc:  # detection must never break start-up
        return ScreenReaderInfo(False, source=f"detection failed: {exc}")


def fingerprint() -> tuple[object, ...]:
    """What the router polls: on Linux :func:`linux_fingerprint`, elsewhere the full detection."""
    try:
        if sys.platform in ("win32", "darwin"):
            info = detect_screen_reader()
            return (info.running, info.name)
        return linux_fingerprint()
    except Exception as exc:
        return ("failed", str(exc))
