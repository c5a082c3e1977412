"""Fixtures for speech tests: a private silent PulseAudio and a private speech-dispatcher.

Both are real servers started per test in temporary directories, so the tests hear (well, time)
real speech on a machine without a sound card, and never touch a developer's own audio.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.support.sandbox import NullPulseServer, PrivateSpeechDispatcher


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "orca: runs the real Orca screen reader (tests/support/orca_probe.py)")


needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")


@pytest.fixture
def null_pulse(monkeypatch: pytest.MonkeyPatch) -> Iterator[NullPulseServer]:
    """A PulseAudio with a null sink; this process's environment points at it for the test."""
    if shutil.which("pulseaudio") is None or shutil.which("paplay") is None:
        pytest.fail("pulseaudio and pulseaudio-utils must be installed (.ci/apt-packages.txt lists them)")
    with NullPulseServer() as server:
        for key, value in server.env().items():
            if os.environ.get(key) != value:
                monkeypatch.setenv(key, value)
        yield server


@pytest.fixture
def private_speechd(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateSpeechDispatcher]:
    """speech-dispatcher with libao's null driver on a private socket (SPEECHD_ADDRESS set)."""
    if shutil.which("speech-dispatcher") is None:
        pytest.fail("speech-dispatcher must be installed (.ci/apt-packages.txt lists it)")
    with PrivateSpeechDispatcher() as server:
        monkeypatch.setenv("SPEECHD_ADDRESS", server.address)
        yield server


@pytest.fixture
def paced_speechd(
    null_pulse: NullPulseServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PrivateSpeechDispatcher]:
    """speech-dispatcher playing into the null PulseAudio sink, so speech takes real time."""
    with PrivateSpeechDispatcher(audio=null_pulse) as server:
        monkeypatch.setenv("SPEECHD_ADDRESS", server.address)
        yield server
