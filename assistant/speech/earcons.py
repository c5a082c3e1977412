"""Earcons: short, distinct sounds for *working*, *done* and *error* instead of wordy status speech.

The WAVs are synthesised by this module (``python -m assistant.speech.earcons`` rewrites
``resources/sounds/``) and committed: tiny 16 kHz mono files under 0.4 s. Their shapes differ in
pitch *and* contour so they are told apart without musical hearing: *working* is a soft double
tick, *done* a rising two-note chime, *error* a low falling buzz. Playback runs a player in the
background and is skipped silently when there is no audio output or no player.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import wave
from pathlib import Path
from typing import Literal

import numpy as np

from assistant.paths import resource_path
from assistant.speech.audio import file_player, has_audio_output

Earcon = Literal["working", "done", "error"]
EARCONS: tuple[Earcon, ...] = ("working", "done", "error")
SAMPLE_RATE = 16000
log = logging.getLogger("assistant.speech")


def _tone(freq_start: float, freq_end: float, seconds: float, harmonics: float = 0.0) -> np.ndarray:
    n = int(SAMPLE_RATE * seconds)
    freq = np.linspace(freq_start, freq_end, n)
    phase = 2 * np.pi * np.cumsum(freq) / SAMPLE_RATE
    wave_ = np.sin(phase) + harmonics * np.sign(np.sin(phase)) * 0.5
    attack = min(n, int(0.005 * SAMPLE_RATE))
    envelope = np.exp(-np.linspace(0, 5, n))
    envelope[:attack] *= np.linspace(0, 1, attack)
    out: np.ndarray = wave_ * envelope
    return out


def _silence(seconds: float) -> np.ndarray:
    return np.zeros(int(SAMPLE_RATE * seconds))


def synthesize(kind: Earcon) -> np.ndarray:
    """The earcon as float samples in [-1, 1] at :data:`SAMPLE_RATE`."""
    if kind == "working":
        parts = [_tone(880, 880, 0.05), _silence(0.07), _tone(880, 880, 0.05)]
        gain = 0.35
    elif kind == "done":
        parts = [_tone(660, 660, 0.09), _tone(990, 990, 0.18)]
        gain = 0.5
    elif kind == "error":
        parts = [_tone(330, 180, 0.3, harmonics=0.6)]
        gain = 0.45
    else:
        raise ValueError(f"unknown earcon {kind!r}")
    samples = np.concatenate(parts)
    peak = float(np.max(np.abs(samples))) or 1.0
    return samples / peak * gain


def write_wav(path: Path, samples: np.ndarray) -> Path:
    pcm = np.clip(samples * 32767, -32768, 32767).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(SAMPLE_RATE)
        handle.writeframes(pcm.tobytes())
    return path


def earcon_path(kind: Earcon) -> Path:
    return resource_path("sounds", f"{kind}.wav")


def generate(folder: Path | None = None) -> list[Path]:
    """(Re)write the three earcon WAVs into ``folder`` (default: ``resources/sounds``)."""
    target = folder or resource_path("sounds")
    return [write_wav(target / f"{kind}.wav", synthesize(kind)) for kind in EARCONS]


def play_earcon(kind: Earcon, enabled: bool = True) -> subprocess.Popen[bytes] | None:
    """Start playing an earcon in the background; None when off, unavailable or there is no audio."""
    if not enabled:
        return None
    path = earcon_path(kind)
    if not path.is_file():
        log.debug("earcon %s is missing at %s", kind, path)
        return None
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)  # type: ignore[attr-defined]
        return None
    if not has_audio_output():
        return None
    command = file_player(path)
    if command is None:
        return None
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the earcon WAVs.")
    parser.add_argument("--out", type=Path, default=None, help="folder (default: resources/sounds)")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
