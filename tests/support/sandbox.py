"""Private, silent sound and speech servers for tests, benchmarks and headless CI.

A machine without a sound card still needs to *time* real speech: :class:`NullPulseServer` starts a
private PulseAudio whose only sink is a ``module-null-sink`` — it consumes audio at the real
playback rate, so an espeak-ng utterance lasts as long as it would on speakers, and
``pactl list sink-inputs`` shows exactly when a stream sounds. :class:`PrivateSpeechDispatcher`
starts a ``speech-dispatcher`` on its own socket with a null audio output (libao's ``null`` driver,
or the private PulseAudio when one is given). Neither touches the user's own servers.
"""

from __future__ import annotations

import array
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType

from tests.support.processes import stop_process


def _wait_for(predicate: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(predicate) and predicate():
            return True
        time.sleep(0.05)
    return False


class NullPulseServer:
    """PulseAudio with one null sink, in a private runtime dir; :meth:`env` points clients at it."""

    def __init__(self, timeout: float = 10.0) -> None:
        if shutil.which("pulseaudio") is None:
            raise RuntimeError("pulseaudio is not installed (apt-get install pulseaudio pulseaudio-utils)")
        self.timeout = timeout
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self.runtime_dir = Path()

    @property
    def socket(self) -> Path:
        return self.runtime_dir / "pulse" / "native"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["XDG_RUNTIME_DIR"] = str(self.runtime_dir)
        env["PULSE_SERVER"] = f"unix:{self.socket}"
        env["PULSE_COOKIE"] = str(self.runtime_dir / "cookie")
        return env

    def start(self) -> NullPulseServer:
        self._tmp = tempfile.TemporaryDirectory(prefix="assistant-pulse-")
        self.runtime_dir = Path(self._tmp.name)
        self.runtime_dir.chmod(0o700)
        script = self.runtime_dir / "default.pa"
        script.write_text(
            "load-module module-null-sink sink_name=assistant_null\n"
            "set-default-sink assistant_null\n"
            "load-module module-native-protocol-unix auth-anonymous=1\n",
            encoding="utf-8",
        )
        env = self.env()
        env["HOME"] = str(self.runtime_dir)
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self._proc = subprocess.Popen(
            [
                "pulseaudio",
                "-n",
                "-F",
                str(script),
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--disable-shm=yes",
                "--use-pid-file=no",
                "--system=no",
                "--log-target=stderr",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if not _wait_for(lambda: self.socket.exists() and self._pactl("info") is not None, self.timeout):
            self.stop()
            raise RuntimeError("the private PulseAudio server did not start")
        return self

    def _pactl(self, *args: str) -> str | None:
        try:
            result = subprocess.run(
                ["pactl", *args], env=self.env(), capture_output=True, text=True, timeout=3, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return result.stdout if result.returncode == 0 else None

    def sink_inputs(self) -> int:
        """How many streams are playing into the null sink right now."""
        out = self._pactl("list", "short", "sink-inputs")
        return len([line for line in (out or "").splitlines() if line.strip()])

    def monitor(self) -> SinkMonitor:
        """Start recording what the null sink "plays" (see :class:`SinkMonitor`)."""
        return SinkMonitor(self).start()

    def stop(self) -> None:
        stop_process(self._proc)
        self._proc = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> NullPulseServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class SinkMonitor:
    """Records the null sink's monitor in 10 ms blocks, timestamped on arrival.

    This is how a benchmark *hears* on a machine without speakers: the time of the first loud block
    after ``say()`` is the first-audio latency, the last loud block after ``stop()`` is when the
    speech really fell silent. Timestamps include the monitor's own small, constant latency.
    """

    RATE = 16000
    BLOCK = 160  # samples: 10 ms

    def __init__(self, server: NullPulseServer, threshold: int = 300) -> None:
        self.server = server
        self.threshold = threshold
        self.blocks: list[tuple[float, int]] = []  # (arrival time, peak amplitude)
        self._proc: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> SinkMonitor:
        self._proc = subprocess.Popen(
            [
                "parec",
                "--device=assistant_null.monitor",
                "--raw",
                "--format=s16le",
                f"--rate={self.RATE}",
                "--channels=1",
                "--latency-msec=10",
                "--client-name=assistant-monitor",
            ],
            env=self.server.env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._thread = threading.Thread(target=self._read, name="sink-monitor", daemon=True)
        self._thread.start()
        time.sleep(0.2)  # let the recording stream settle before anything is measured
        return self

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        size = self.BLOCK * 2
        pending = b""
        while True:
            data = os.read(fd, size - len(pending))
            if not data:
                return
            pending += data
            if len(pending) == size:
                now = time.monotonic()
                samples = array.array("h", pending)
                self.blocks.append((now, max(abs(min(samples)), abs(max(samples)))))
                pending = b""

    def first_sound_after(self, t0: float, timeout: float = 10.0) -> float | None:
        """Seconds from ``t0`` to the first loud block (waits up to ``timeout`` for it)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for when, peak in list(self.blocks):
                if when >= t0 and peak > self.threshold:
                    return when - t0
            time.sleep(0.005)
        return None

    def last_sound_after(self, t0: float, quiet: float = 0.5) -> float | None:
        """Seconds from ``t0`` to the last loud block, once ``quiet`` seconds of silence followed."""
        deadline = time.monotonic() + 10.0
        while time.monotonic() < deadline:
            loud = [when for when, peak in list(self.blocks) if when >= t0 and peak > self.threshold]
            last = loud[-1] if loud else t0
            if self.blocks and self.blocks[-1][0] - last >= quiet:
                return last - t0
            time.sleep(0.02)
        return None

    def close(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait(timeout=5)
            self._proc = None
        if self._thread is not None:
            self._thread.join(timeout=2)

    def __enter__(self) -> SinkMonitor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PrivateSpeechDispatcher:
    """``speech-dispatcher`` on a private socket with espeak-ng and a silent audio output.

    ``audio`` is ``"null"`` (libao's null driver: audio is dropped at once) or a
    :class:`NullPulseServer` (audio is consumed in real time, so cancelling can be observed).
    ``log_text()`` returns the server's log (level 5 shows what it was asked to say).
    """

    def __init__(self, audio: NullPulseServer | None = None, timeout: float = 15.0) -> None:
        if shutil.which("speech-dispatcher") is None:
            raise RuntimeError(
                "speech-dispatcher is not installed (apt-get install speech-dispatcher "
                "speech-dispatcher-espeak-ng)"
            )
        self.audio = audio
        self.timeout = timeout
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self.root = Path()

    @property
    def socket(self) -> Path:
        return self.root / "speechd.sock"

    @property
    def address(self) -> str:
        """The value for ``SPEECHD_ADDRESS`` that reaches this server."""
        return f"unix_socket:{self.socket}"

    def env(self) -> dict[str, str]:
        env = self.audio.env() if self.audio is not None else dict(os.environ)
        env["SPEECHD_ADDRESS"] = self.address
        env["HOME"] = str(self.root)
        return env

    def start(self) -> PrivateSpeechDispatcher:
        self._tmp = tempfile.TemporaryDirectory(prefix="assistant-speechd-")
        self.root = Path(self._tmp.name)
        conf = self.root / "conf"
        (conf / "modules").mkdir(parents=True)
        (self.root / "logs").mkdir()
        system_modules = Path("/etc/speech-dispatcher/modules")
        if (system_modules / "espeak-ng.conf").exists():
            shutil.copy(system_modules / "espeak-ng.conf", conf / "modules" / "espeak-ng.conf")
        else:
            (conf / "modules" / "espeak-ng.conf").write_text("", encoding="utf-8")
        method = "pulse" if self.audio is not None else "libao"
        (conf / "speechd.conf").write_text(
            f'CommunicationMethod "unix_socket"\nSocketPath "{self.socket}"\n'
            f'AudioOutputMethod "{method}"\nLogLevel 5\nDefaultModule espeak-ng\n'
            'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
            'DefaultLanguage "en"\nSymbolsPreproc "char"\n',
            encoding="utf-8",
        )
        (self.root / ".libao").write_text("default_driver=null\nquiet\n", encoding="utf-8")
        env = self.env()
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self._proc = subprocess.Popen(
            [
                "speech-dispatcher",
                "-s",
                "-t",
                "0",
                "-C",
                str(conf),
                "-L",
                str(self.root / "logs"),
                "-S",
                str(self.socket),
                "-P",
                str(self.root / "speechd.pid"),
                "-l",
                "5",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if (
            not _wait_for(
                lambda: self.socket.exists() or self._proc is None or self._proc.poll() is not None,
                self.timeout,
            )
            or not self.socket.exists()
        ):
            log = self.log_text()
            self.stop()
            raise RuntimeError(f"speech-dispatcher did not start: {log[-500:]}")
        return self

    def log_text(self) -> str:
        texts = []
        for path in sorted((self.root / "logs").glob("*.log")):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
        return "\n".join(texts)

    def stop(self) -> None:
        stop_process(self._proc)
        self._proc = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> PrivateSpeechDispatcher:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
