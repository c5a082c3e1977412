"""A private D-Bus session bus with its own AT-SPI accessibility bus, for accessibility tests.

Tests run Qt apps and Debian's ``python3-pyatspi`` clients as subprocesses inside it, so what they
see is the real accessibility stack (at-spi-bus-launcher + at-spi2-registryd), isolated from any
desktop session the developer may have.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

AT_SPI_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
DEBIAN_PYTHON = Path("/usr/bin/python3")


def missing_requirements() -> str | None:
    """Why an AT-SPI test cannot run here (a precise reason), or None when it can."""
    if shutil.which("dbus-daemon") is None:
        return "dbus-daemon is not installed (apt: dbus)"
    if not AT_SPI_LAUNCHER.exists():
        return "at-spi-bus-launcher is not installed (apt: at-spi2-core)"
    probe = subprocess.run([str(DEBIAN_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "Debian's python3-pyatspi is not installed (apt: python3-pyatspi)"
    return None


class AtspiSession:
    """``dbus-daemon --session`` + ``at-spi-bus-launcher`` for one X display."""

    def __init__(self, display: str) -> None:
        self.display = display
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._procs: list[subprocess.Popen[bytes]] = []
        self.address = ""

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DISPLAY=self.display,
            DBUS_SESSION_BUS_ADDRESS=self.address,
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            NO_AT_BRIDGE="0",
            GSETTINGS_BACKEND="memory",  # Orca and the AT-SPI launcher must not touch the user's dconf
        )
        env.pop("WAYLAND_DISPLAY", None)
        env.update(extra)
        return env

    def start(self) -> AtspiSession:
        self._tmp = tempfile.TemporaryDirectory(prefix="assistant-atspi-")
        root = Path(self._tmp.name)
        socket = root / "bus"
        # services the bus activates (dconf, at-spi) inherit the daemon's environment: keep them in here
        daemon_env = dict(
            os.environ,
            HOME=str(root),
            XDG_CONFIG_HOME=str(root / "config"),
            XDG_DATA_HOME=str(root / "data"),
            XDG_CACHE_HOME=str(root / "cache"),
            GSETTINGS_BACKEND="memory",
            DISPLAY=self.display,
        )
        daemon_env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        daemon = subprocess.Popen(
            [
                "dbus-daemon",
                "--session",
                "--nofork",
                "--nopidfile",
                f"--address=unix:path={socket}",
                "--print-address=1",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env=daemon_env,
        )
        self._procs.append(daemon)
        assert daemon.stdout is not None
        self.address = daemon.stdout.readline().decode().strip()
        if not self.address:
            self.stop()
            raise RuntimeError("dbus-daemon did not start")
        launcher = subprocess.Popen(
            [str(AT_SPI_LAUNCHER), "--launch-immediately"],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        self._procs.append(launcher)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            out = subprocess.run(
                [
                    "dbus-send",
                    "--session",
                    "--print-reply",
                    "--dest=org.a11y.Bus",
                    "/org/a11y/bus",
                    "org.a11y.Bus.GetAddress",
                ],
                env=self.env(),
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode == 0 and "unix:" in out.stdout:
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("the AT-SPI bus did not start")

    def stop(self) -> None:
        for proc in reversed(self._procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)
            if proc.stdout is not None:
                proc.stdout.close()
        self._procs.clear()
        # the launcher's children (dbus-daemon for the a11y bus, registryd) exit with their bus
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> AtspiSession:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
