"""speech-dispatcher over its own socket protocol (SSIP), without the python3-speechd binding.

Debian's ``python3-speechd`` lives outside the virtualenv, and ``spd-say`` cannot report when
speech ends, so this module speaks SSIP directly: a line protocol on a Unix socket. It honours the
user's speech-dispatcher settings (module, voice), and it is the same server Orca speaks through,
which is why on Orca < 45.2 it is the route for our messages. speech-dispatcher splits and cancels
text itself, so whole texts are sent; ``CANCEL self`` silences at once; BEGIN/END/CANCELED events
drive *started*/*finished*.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import socket
import subprocess
import threading
import time
from collections import deque
from pathlib import Path
from typing import Protocol

from assistant.errors import SpeechError
from assistant.speech.base import DEFAULT_RATE, Speaker, SpeechEvent, SpeechOptions
from assistant.speech.text import spoken_keys

SSIP_PRIORITIES = ("important", "message", "text", "notification", "progress")


class _Closable(Protocol):
    why: str

    def close(self) -> None: ...


def default_socket_path() -> Path | None:
    """Where the user's speech-dispatcher listens (``SPEECHD_ADDRESS`` first), or None for TCP."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    if address.startswith("inet_socket:"):
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime else Path.home() / ".cache"
    return base / "speech-dispatcher" / "speechd.sock"


def ssip_rate(words_per_minute: int) -> int:
    """Words/min to SSIP's -100..100 scale, 0 being the module's normal (~175 wpm for espeak-ng)."""
    if words_per_minute >= DEFAULT_RATE:
        value = (words_per_minute - DEFAULT_RATE) * 100 / (450 - DEFAULT_RATE)
    else:
        value = (words_per_minute - DEFAULT_RATE) * 100 / (DEFAULT_RATE - 80)
    return max(-100, min(100, round(value)))


def _escape(text: str) -> bytes:
    lines = [
        (".." + line[1:]) if line.startswith(".") else line for line in text.replace("\r", "").split("\n")
    ]
    return ("\r\n".join(lines) + "\r\n.\r\n").encode("utf-8")


def speechd_running(path: Path | None = None) -> bool:
    """True when a speech-dispatcher socket accepts a connection now (no autospawn)."""
    path = path or default_socket_path()
    if path is None or not path.exists():
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(1)
            probe.connect(str(path))
    except OSError:
        return False
    return True


def speechd_can_spawn() -> bool:
    return shutil.which("speech-dispatcher") is not None


class SpeechdSpeaker(Speaker):
    """A speech-dispatcher client; ``autospawn`` starts the user's server the way libspeechd does."""

    name = "speechd"

    def __init__(
        self,
        options: SpeechOptions | None = None,
        socket_path: Path | None = None,
        autospawn: bool = True,
        timeout: float = 5.0,
        priority: str = "message",
        client_component: str = "main",
    ) -> None:
        """``priority``: the SSIP priority of every message (``text`` next to Orca 43, see
        :mod:`assistant.speech.routes`); ``client_component``: the last part of the client name."""
        super().__init__(options)
        if priority not in SSIP_PRIORITIES:
            raise ValueError(f"unknown SSIP priority {priority!r}")
        self.priority = priority
        self.last_said_at = 0.0  # time.monotonic() of the last say(): the stop keys' grace period
        self.stop_keys: _Closable | None = None  # a StopKeyWatcher on the route beside a screen reader
        self.timeout = timeout
        self.socket_path = socket_path or default_socket_path()
        if self.socket_path is None:
            raise SpeechError("Speech dispatcher over TCP is not supported.")
        if not speechd_running(self.socket_path) and autospawn and speechd_can_spawn():
            self._spawn()
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._sock.settimeout(timeout)
            self._sock.connect(str(self.socket_path))
            self._sock.settimeout(None)
        except OSError as exc:
            self._sock.close()
            raise SpeechError("Speech dispatcher is not running.") from exc
        self._send_lock = threading.Lock()
        self._replies: queue.Queue[tuple[int, list[str]]] = queue.Queue()
        self._cond = threading.Condition()
        self._pending: dict[int, tuple[int, str]] = {}  # SSIP message id -> (utterance id, text)
        self._started: set[int] = set()
        self._held: deque[tuple[int, str]] = deque()  # said with interrupt=False while ours plays
        self._handing_over = 0  # held utterances being sent
        self._early: dict[int, list[int]] = {}  # events that arrived before SPEAK's reply was read
        self._closed = False
        self._reader = threading.Thread(target=self._read_loop, name="speech-speechd", daemon=True)
        self._reader.start()
        self._command(f"SET self CLIENT_NAME {os.environ.get('USER', 'user')}:assistant:{client_component}")
        self._command("SET self NOTIFICATION all on")
        self._command(f"SET self PRIORITY {priority}")
        self._apply_options()

    def _spawn(self) -> None:
        args = ["speech-dispatcher", "--spawn", "--communication-method", "unix_socket"]
        if os.environ.get("SPEECHD_ADDRESS", "").startswith("unix_socket:") and self.socket_path is not None:
            args += ["--socket-path", str(self.socket_path)]
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            subprocess.run(
                args,
                timeout=self.timeout,
                check=False,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        # generous: a server that comes up after we gave up would wait for a client forever
        deadline = time.monotonic() + max(self.timeout, 15.0)
        while time.monotonic() < deadline and not speechd_running(self.socket_path):
            time.sleep(0.05)

    def _apply_options(self) -> None:
        opts = self.options
        self._command(f"SET self RATE {ssip_rate(opts.rate)}")
        self._command(f"SET self VOLUME {round(opts.volume * 200 - 100)}")
        if opts.language:
            self._command(f"SET self LANGUAGE {opts.language}", check=False)
        if opts.voice:
            self._command(f"SET self SYNTHESIS_VOICE {opts.voice}", check=False)

    # -- protocol ------------------------------------------------------------------------------
    def _read_loop(self) -> None:
        buffer = b""
        block: list[str] = []
        try:
            while True:
                data = self._sock.recv(4096)
                if not data:
                    break
                buffer += data
                while b"\r\n" in buffer:
                    raw, buffer = buffer.split(b"\r\n", 1)
                    line = raw.decode("utf-8", errors="replace")
                    if len(line) < 4 or not line[:3].isdigit():
                        continue
                    code, sep, rest = int(line[:3]), line[3], line[4:]
                    block.append(rest)
                    if sep == " ":
                        if 700 <= code < 800:
                            self._on_event(code, block)
                        else:
                            self._replies.put((code, block))
                        block = []
        except OSError:
            pass
        finally:
            self._replies.put((0, ["connection closed"]))
            with self._cond:
                pending = list(self._pending.values())
                self._pending.clear()
                self._cond.notify_all()
            for utterance_id, text in pending:
                self._emit(SpeechEvent("finished", utterance_id, text, interrupted=True))

    def _on_event(self, code: int, block: list[str]) -> None:
        try:
            message_id = int(block[0])
        except (ValueError, IndexError):
            return
        with self._cond:
            entry = self._pending.get(message_id)
            if entry is None:
                self._early.setdefault(message_id, []).append(code)
                return
            if code == 701:
                self._started.add(message_id)
            elif code in (702, 703):
                del self._pending[message_id]
                self._started.discard(message_id)
                self._cond.notify_all()
        if code == 701:
            self._emit(SpeechEvent("started", entry[0], entry[1]))
        elif code in (702, 703):
            self._emit(SpeechEvent("finished", entry[0], entry[1], interrupted=(code == 703)))
            self._release_held(code)

    def _send(self, data: bytes) -> tuple[int, list[str]]:
        self._sock.sendall(data)
        try:
            return self._replies.get(timeout=self.timeout)
        except queue.Empty as exc:
            raise SpeechError("Speech dispatcher stopped answering.") from exc

    def _command(self, line: str, check: bool = True) -> tuple[int, list[str]]:
        with self._send_lock:
            code, lines = self._send((line + "\r\n").encode("utf-8"))
        if check and not 200 <= code < 300:
            raise SpeechError(f"Speech dispatcher refused a command: {' '.join(lines)}")
        return code, lines

    # -- Speaker -------------------------------------------------------------------------------
    def say(self, text: str, interrupt: bool = True) -> int:
        utterance_id = self._next_id()
        text = spoken_keys(" ".join(text.split()))
        self.last_said_at = time.monotonic()
        if interrupt:
            self.stop()
        if not text:
            self._emit(SpeechEvent("finished", utterance_id, text))
            return utterance_id
        with self._cond:
            # At 'text' priority speech-dispatcher cancels our playing message when the next one
            # arrives (measured), so a queued utterance waits here until ours ends.
            if self.priority == "text" and (self._pending or self._held or self._handing_over):
                self._held.append((utterance_id, text))
                return utterance_id
        self._speak_now(utterance_id, text)
        return utterance_id

    def _speak_now(self, utterance_id: int, text: str) -> None:
        with self._send_lock:
            code, _ = self._send(b"SPEAK\r\n")
            if code != 230:
                raise SpeechError("Speech dispatcher would not take the text.")
            code, lines = self._send(_escape(text))
        if code != 225 or not lines or not lines[0].isdigit():
            raise SpeechError("Speech dispatcher would not take the text.")
        message_id = int(lines[0])
        with self._cond:
            self._pending[message_id] = (utterance_id, text)
            early = self._early.pop(message_id, [])
            if len(self._early) > 64:  # events of messages we never tracked; keep the map small
                self._early.clear()
        for event_code in early:  # BEGIN/END that raced ahead of the reply
            self._on_event(event_code, [str(message_id)])

    def _release_held(self, code: int) -> None:
        """After our message ended: speak the next held one; after it was cut (CANCELED by the user
        or by the screen reader's speech), drop them all — no description queued behind stale ones."""
        with self._cond:
            if self._pending or not self._held:
                return
            if code == 703:
                dropped, self._held = list(self._held), deque()
            else:
                dropped, nxt = [], self._held.popleft()
                self._handing_over += 1  # speaking until _speak_held has registered it
            self._cond.notify_all()
        for utterance_id, text in dropped:
            self._emit(SpeechEvent("finished", utterance_id, text, interrupted=True))
        if code != 703:
            # not on the reader thread: _send waits for replies that this thread reads
            threading.Thread(target=self._speak_held, args=nxt, daemon=True).start()

    def _speak_held(self, utterance_id: int, text: str) -> None:
        try:
            self._speak_now(utterance_id, text)
        except (SpeechError, OSError):
            self._emit(SpeechEvent("finished", utterance_id, text, interrupted=True))
        finally:
            with self._cond:
                self._handing_over -= 1
                self._cond.notify_all()

    def stop(self) -> None:
        if self._closed:
            return
        with self._cond:
            dropped, self._held = list(self._held), deque()
        for utterance_id, text in dropped:
            self._emit(SpeechEvent("finished", utterance_id, text, interrupted=True))
        with contextlib.suppress(SpeechError, OSError):
            self._command("CANCEL self", check=False)

    @property
    def is_speaking(self) -> bool:
        with self._cond:
            return bool(self._pending or self._held or self._handing_over)

    def wait(self, timeout: float | None = None) -> bool:
        with self._cond:
            return self._cond.wait_for(
                lambda: not self._pending and not self._held and not self._handing_over, timeout
            )

    def voices(self) -> list[str]:
        try:
            code, lines = self._command("LIST SYNTHESIS_VOICES", check=False)
        except (SpeechError, OSError):
            return []
        return [line.split("\t")[0] for line in lines[:-1] if line] if 200 <= code < 300 else []

    def describe(self) -> str:
        keys = f"; {self.stop_keys.why}" if self.stop_keys is not None else ""
        return f"speechd ({self.socket_path}, priority {self.priority}{keys})"

    def close(self) -> None:
        if self._closed:
            return
        if self.stop_keys is not None:
            self.stop_keys.close()
        self.stop()
        with contextlib.suppress(SpeechError, OSError):
            self._command("QUIT", check=False)
        self._closed = True
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()
        self._reader.join(timeout=2)
