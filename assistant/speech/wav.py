"""Speech into a WAV file: what the CLI writes with ``--wav`` and what tests measure.

The whole text of the last :meth:`say` goes into one file, synthesised by one ``espeak-ng -w`` run
(espeak-ng handles sentences itself; a file has no first-sound latency to hide). Where espeak-ng is
missing (Windows, macOS) pyttsx3's ``save_to_file`` writes it. The file is written to a temporary
name and renamed, so a reader never sees half a file, and an interrupted utterance leaves the
previous file untouched.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import wave
from pathlib import Path

from assistant.errors import SpeechError
from assistant.speech.base import SpeechOptions, ThreadedSpeaker, Utterance
from assistant.speech.espeak import _kill_group, espeak_args, espeak_binary


def wav_duration(path: Path) -> float:
    """Length of a WAV file in seconds."""
    with wave.open(str(path), "rb") as handle:
        return handle.getnframes() / float(handle.getframerate())


class WavSpeaker(ThreadedSpeaker):
    name = "wav"
    split_text = False

    def __init__(self, options: SpeechOptions, engine: str = "auto") -> None:
        """``engine``: "espeak" (espeak-ng -w), "pyttsx3" (save_to_file) or "auto" (espeak-ng if present)."""
        if options.wav_path is None:
            raise SpeechError("No WAV file was given to write the speech to.")
        self.path = Path(options.wav_path)
        self._binary = espeak_binary() if engine in ("auto", "espeak") else None
        if engine == "espeak" and self._binary is None:
            raise SpeechError("espeak-ng is not installed.")
        if self._binary is None and not _pyttsx3_available():
            raise SpeechError("No speech engine can write a WAV file: install espeak-ng.")
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self.written: list[Path] = []
        super().__init__(options)

    def describe(self) -> str:
        engine = "espeak-ng" if self._binary else "pyttsx3"
        return f"wav ({engine} into {self.path})"

    def _speak_chunk(self, chunk: str, utterance: Utterance) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.stem}.{os.getpid()}.part.wav")
        self._mark_started(utterance)
        try:
            if self._binary is not None:
                args = [*espeak_args(self.options, self._binary), "-w", str(partial), "--", chunk]
            else:
                args = pyttsx3_save_command(partial, self.options)
            with self._lock:
                if utterance.cancelled:
                    return
                self._proc = subprocess.Popen(
                    args,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    start_new_session=(sys.platform != "win32"),
                )
                proc = self._proc
            _, err = proc.communicate(None if self._binary is not None else chunk.encode("utf-8"))
            with self._lock:
                self._proc = None
            if utterance.cancelled:
                return
            if proc.returncode != 0 or not partial.exists():
                message = err.decode(errors="replace").strip().splitlines()[-1:] or [""]
                raise SpeechError(f"The WAV file could not be written: {message[0][:200]}")
            if not utterance.cancelled:
                os.replace(partial, self.path)
                self.written.append(self.path)
        finally:
            with contextlib.suppress(OSError):
                partial.unlink()

    def _abort_chunk(self) -> None:
        with self._lock:
            proc = self._proc
        _kill_group(proc)


def _pyttsx3_available() -> bool:
    try:
        import pyttsx3  # noqa: F401
    except Exception:
        return False
    return True


def pyttsx3_save_command(path: Path, options: SpeechOptions) -> list[str]:
    """The subprocess that writes a WAV with pyttsx3 (text on stdin).

    A child process per file, not an in-process engine: pyttsx3's drivers keep global state (the
    espeak callback, SAPI's COM apartment) that a second engine on another thread trips over, and a
    process can be killed when the utterance is interrupted.
    """
    return [
        sys.executable,
        "-m",
        "assistant.speech.pyttsx3_save",
        "--save",
        str(path),
        "--rate",
        str(options.rate),
        "--volume",
        str(options.volume),
    ] + (["--voice", options.voice or options.language or ""] if (options.voice or options.language) else [])
