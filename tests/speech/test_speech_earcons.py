"""Earcons: committed WAVs match the generator, are short, distinct, and play (or skip) quietly."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from assistant.speech import play_earcon
from assistant.speech.earcons import EARCONS, SAMPLE_RATE, earcon_path, generate, synthesize
from tests.support.sandbox import NullPulseServer


def _read(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as handle:
        assert handle.getnchannels() == 1 and handle.getframerate() == SAMPLE_RATE
        return np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2").astype(float) / 32767


def test_committed_earcons_are_short_and_match_the_generator(tmp_path: Path) -> None:
    fresh = {p.stem: p for p in generate(tmp_path)}
    for kind in EARCONS:
        shipped = earcon_path(kind)
        assert shipped.is_file(), f"run python -m assistant.speech.earcons to create {shipped}"
        assert shipped.stat().st_size < 16_000
        assert shipped.read_bytes() == fresh[kind].read_bytes()
        samples = _read(shipped)
        assert 0.1 < len(samples) / SAMPLE_RATE < 0.4
        assert 0.2 < np.abs(samples).max() <= 0.6  # audible, but never loud


def test_earcons_are_distinct_in_pitch_and_length() -> None:
    def dominant_hz(samples: np.ndarray) -> float:
        spectrum = np.abs(np.fft.rfft(samples))
        return float(np.fft.rfftfreq(len(samples), 1 / SAMPLE_RATE)[int(np.argmax(spectrum))])

    sounds = {kind: synthesize(kind) for kind in EARCONS}
    pitches = {kind: dominant_hz(s) for kind, s in sounds.items()}
    lengths = {kind: len(s) for kind, s in sounds.items()}
    assert len({round(p, -1) for p in pitches.values()}) == 3
    assert len(set(lengths.values())) == 3
    assert pitches["error"] < pitches["done"]  # error is the low one


def test_no_audio_output_means_no_player_and_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.speech.earcons.has_audio_output", lambda: False)
    assert play_earcon("done") is None
    assert play_earcon("error", enabled=False) is None


@pytest.mark.timeout(30)
def test_earcon_plays_through_a_sound_server(null_pulse: NullPulseServer) -> None:
    with null_pulse.monitor() as monitor:
        import time

        t0 = time.monotonic()
        proc = play_earcon("done")
        assert proc is not None
        assert proc.wait(timeout=10) == 0
        assert monitor.first_sound_after(t0, timeout=5) is not None
