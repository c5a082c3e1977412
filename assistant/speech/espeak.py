"""espeak-ng as a killable subprocess: the dependable Linux voice.

Each chunk is synthesised by its own ``espeak-ng --stdout`` process; a worker thread pumps the PCM
into one long-lived raw player per utterance (``paplay``/``aplay``/``play``), so sentences follow
each other without gaps and *started* means "the first samples reached the player". Both processes
run in their own process groups and :meth:`stop` kills them with SIGKILL and reaps them — silence
within milliseconds, which pyttsx3 cannot offer on Linux. Without a raw player espeak-ng plays by
itself (killed the same way).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Sequence

from assistant.errors import SpeechError
from assistant.speech.audio import raw_pcm_player
from assistant.speech.base import SpeechOptions, ThreadedSpeaker, Utterance

WAV_HEADER = 44
_PUMP_BLOCK = 2048


def espeak_binary() -> str | None:
    return shutil.which("espeak-ng") or shutil.which("espeak")


def espeak_args(options: SpeechOptions, binary: str) -> list[str]:
    """espeak-ng flags for ``options``: rate in words/min, amplitude 0..200 (100 = normal)."""
    args = [binary, "-s", str(options.rate), "-a", str(round(options.volume * 100))]
    voice = options.voice or options.language
    if voice:
        args += ["-v", voice]
    return args


def _kill_group(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    try:
        if sys.platform == "win32":
            proc.kill()
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=1)


class EspeakSpeaker(ThreadedSpeaker):
    """Speaks with espeak-ng; ``player`` = "auto" (find one), a raw-PCM command with ``{rate}``, or None."""

    name = "espeak"

    def __init__(
        self, options: SpeechOptions | None = None, player: str | Sequence[str] | None = "auto"
    ) -> None:
        binary = espeak_binary()
        if binary is None:
            raise SpeechError("espeak-ng is not installed.")
        self._binary = binary
        self._player_spec = player
        self._lock = threading.Lock()
        self._synth: subprocess.Popen[bytes] | None = None
        self._player: subprocess.Popen[bytes] | None = None
        self._draining: subprocess.Popen[bytes] | None = None
        self._player_rate = 0
        super().__init__(options)

    def describe(self) -> str:
        mode = "piped to a raw player" if self._player_command(22050) else "playing directly"
        return f"espeak ({self._binary}, {mode}, {self.options.rate} wpm)"

    def _player_command(self, rate: int) -> list[str] | None:
        if self._player_spec is None:
            return None
        if self._player_spec == "auto":
            return raw_pcm_player(rate)
        if isinstance(self._player_spec, str):
            return [self._player_spec]
        return [part.replace("{rate}", str(rate)) for part in self._player_spec]

    def _spawn(self, args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        return subprocess.Popen(  # type: ignore[call-overload]
            args, stderr=subprocess.DEVNULL, start_new_session=(sys.platform != "win32"), **kwargs
        )

    # -- ThreadedSpeaker -----------------------------------------------------------------------
    def _speak_chunk(self, chunk: str, utterance: Utterance) -> None:
        piped = self._player_command(22050) is not None
        args = espeak_args(self.options, self._binary) + (["--stdout"] if piped else []) + ["--", chunk]
        with self._lock:
            if utterance.cancelled:
                return
            synth = self._spawn(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE if piped else None)
            self._synth = synth
        try:
            if piped:
                self._pump(synth, utterance)
            else:
                self._mark_started(utterance)
            synth.wait()
        finally:
            with self._lock:
                self._synth = None

    def _pump(self, synth: subprocess.Popen[bytes], utterance: Utterance) -> None:
        assert synth.stdout is not None
        fd = synth.stdout.fileno()  # unbuffered reads: a buffered reader would hold back audio
        header = b""
        while len(header) < WAV_HEADER:
            piece = os.read(fd, WAV_HEADER - len(header))
            if not piece:
                break
            header += piece
        if len(header) < WAV_HEADER or header[:4] != b"RIFF":
            return
        rate = struct.unpack_from("<I", header, 24)[0]
        player = self._ensure_player(rate, utterance)
        if player is None or player.stdin is None:
            return
        while not utterance.cancelled:
            block = os.read(fd, _PUMP_BLOCK)
            if not block:
                break
            try:
                player.stdin.write(block)
                player.stdin.flush()
            except (BrokenPipeError, ValueError, OSError):
                break
            self._mark_started(utterance)

    def _ensure_player(self, rate: int, utterance: Utterance) -> subprocess.Popen[bytes] | None:
        with self._lock:
            if self._player is not None and self._player.poll() is None and self._player_rate == rate:
                return self._player
            command = self._player_command(rate)
            if command is None or utterance.cancelled:
                return None
            self._close_player_locked()
            self._player = self._spawn(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
            self._player_rate = rate
            return self._player

    def _close_player_locked(self) -> subprocess.Popen[bytes] | None:
        player, self._player = self._player, None
        if player is not None and player.stdin is not None:
            with contextlib.suppress(OSError):
                player.stdin.close()
        return player

    def _end_utterance(self, utterance: Utterance) -> None:
        """Let the player drain what it was given (the audio's tail), unless the utterance was cut."""
        with self._lock:
            player = self._close_player_locked()
            if player is not None:
                self._draining = player
        if player is not None and not utterance.cancelled:
            player.wait()
        with self._lock:
            self._draining = None
        _kill_group(player)

    def _abort_chunk(self) -> None:
        with self._lock:
            victims = [self._synth, self._player, self._draining]
        for proc in victims:
            _kill_group(proc)

    def voices(self) -> list[str]:
        try:
            out = subprocess.run(
                [self._binary, "--voices"], capture_output=True, text=True, timeout=5, check=False
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            return []
        names = []
        for line in out.splitlines()[1:]:
            fields = line.split()
            if len(fields) >= 2:
                names.append(fields[1])
        return names
