"""Is there anything to play sound to, and which command-line player can do it?

Probes are cheap and never raise: the answer feeds ``auto`` backend selection and
``assistant doctor``. On Linux a sound server (PulseAudio, or PipeWire's Pulse socket) counts, and
so does an ALSA card; a machine with neither (a server, CI) has no audio output, and the speech
backends then fall back to a WAV file or to silence instead of failing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def _runtime_dir() -> Path | None:
    value = os.environ.get("XDG_RUNTIME_DIR")
    return Path(value) if value else None


def pulse_socket() -> Path | None:
    """The PulseAudio (or pipewire-pulse) native socket, if one exists."""
    server = os.environ.get("PULSE_SERVER", "")
    if server.startswith("unix:"):
        path = Path(server[5:])
        return path if path.exists() else None
    runtime = _runtime_dir()
    if runtime is not None:
        for candidate in (runtime / "pulse" / "native", runtime / "pipewire-0"):
            if candidate.exists():
                return candidate
    return None


def _pulse_answers() -> bool:
    if shutil.which("pactl") is None:
        return True  # the socket exists; without pactl we cannot ask, so trust it
    try:
        result = subprocess.run(
            ["pactl", "info"], capture_output=True, timeout=2, check=False, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def alsa_cards() -> list[str]:
    try:
        text = Path("/proc/asound/cards").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [line.strip() for line in text.splitlines() if line[:3].strip().isdigit()]


def has_audio_output() -> bool:
    """True when sound can reach a speaker: a sound server answers, or (Linux) an ALSA card exists."""
    if sys.platform in ("win32", "darwin"):
        return True  # both always have an output device API; a missing device is reported on playing
    if os.environ.get("PULSE_SERVER", "").startswith("tcp:"):
        return _pulse_answers()
    if pulse_socket() is not None and _pulse_answers():
        return True
    return bool(alsa_cards())


def audio_output_summary() -> str:
    """A short human description for ``assistant doctor``."""
    if sys.platform in ("win32", "darwin"):
        return "system audio"
    parts = []
    socket = pulse_socket()
    if socket is not None:
        parts.append(f"sound server at {socket}" + ("" if _pulse_answers() else " (not answering)"))
    cards = alsa_cards()
    if cards:
        parts.append(f"{len(cards)} ALSA card(s)")
    return ", ".join(parts) if parts else "none (no sound server, no sound card)"


def raw_pcm_player(rate: int, channels: int = 1) -> list[str] | None:
    """A command that plays signed 16-bit little-endian PCM from stdin, paced in real time."""
    if pulse_socket() is not None and shutil.which("paplay"):
        return [
            "paplay",
            "--raw",
            f"--rate={rate}",
            f"--channels={channels}",
            "--format=s16le",
            "--latency-msec=40",
            "--client-name=assistant",
        ]
    if shutil.which("aplay") and alsa_cards():
        return ["aplay", "-q", "-t", "raw", "-f", "S16_LE", "-r", str(rate), "-c", str(channels)]
    if shutil.which("play"):
        return [
            "play",
            "-q",
            "-t",
            "raw",
            "-r",
            str(rate),
            "-e",
            "signed",
            "-b",
            "16",
            "-c",
            str(channels),
            "-",
        ]
    return None


def file_player(path: Path) -> list[str] | None:
    """A command that plays a WAV file (used for earcons)."""
    if sys.platform == "darwin" and shutil.which("afplay"):
        return ["afplay", str(path)]
    if pulse_socket() is not None and shutil.which("paplay"):
        return ["paplay", str(path)]
    if shutil.which("aplay") and alsa_cards():
        return ["aplay", "-q", str(path)]
    if shutil.which("play"):
        return ["play", "-q", str(path)]
    return None
