"""Real espeak-ng: WAV files measured by duration, and live speech timed on a null PulseAudio sink."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from assistant.speech import SpeechEvent, SpeechOptions, create_speaker, wav_duration
from assistant.speech.espeak import EspeakSpeaker
from assistant.speech.wav import WavSpeaker
from tests.speech.conftest import needs_espeak
from tests.support.sandbox import NullPulseServer

pytestmark = needs_espeak

LONG_TEXT = " ".join(
    f"Sentence number {i} describes a window with a toolbar, a text area and a status bar." for i in range(25)
)


def _say_to_wav(text: str, path: Path, **options: object) -> float:
    speaker = create_speaker(SpeechOptions(backend="wav", wav_path=path, **options))  # type: ignore[arg-type]
    try:
        speaker.say(text)
        assert speaker.wait(30)
    finally:
        speaker.close()
    return wav_duration(path)


@pytest.mark.timeout(60)
def test_wav_duration_grows_with_text_length(tmp_path: Path) -> None:
    short = _say_to_wav("A cat.", tmp_path / "short.wav")
    medium = _say_to_wav("A cat sits on a red mat next to a window. " * 2, tmp_path / "medium.wav")
    long = _say_to_wav("A cat sits on a red mat next to a window. " * 6, tmp_path / "long.wav")
    assert 0.2 < short < medium < long
    assert long > 2.5 * medium * 0.9  # three times the words, roughly three times the sound


@pytest.mark.timeout(60)
def test_wav_rate_changes_duration_and_last_say_wins(tmp_path: Path) -> None:
    text = "The quick brown fox jumps over the lazy dog. " * 3
    slow = _say_to_wav(text, tmp_path / "slow.wav", rate=120)
    fast = _say_to_wav(text, tmp_path / "fast.wav", rate=300)
    assert slow > 1.8 * fast
    path = tmp_path / "last.wav"
    speaker = create_speaker(SpeechOptions(backend="wav", wav_path=path))
    try:
        speaker.say("This first text is rather long and will be replaced by the next one. " * 4)
        speaker.say("Short.")
        assert speaker.wait(30)
    finally:
        speaker.close()
    assert wav_duration(path) < 1.5


@pytest.mark.timeout(60)
def test_live_speech_sounds_for_its_length_and_stop_silences_it(null_pulse: NullPulseServer) -> None:
    events: list[tuple[float, SpeechEvent]] = []
    started = threading.Event()
    speaker = EspeakSpeaker(SpeechOptions())
    speaker.add_listener(lambda e: events.append((time.monotonic(), e)))
    speaker.on_started = lambda e: started.set()
    try:
        t0 = time.monotonic()
        speaker.say("Hello. This is a short test.")
        assert speaker.wait(20)
        short_duration = time.monotonic() - t0
        assert [e.kind for _, e in events] == ["started", "finished"]
        assert 0.8 < short_duration < 6  # paced by the null sink: real playback time, not instant

        started.clear()
        with null_pulse.monitor() as monitor:
            speaker.say(LONG_TEXT)
            assert started.wait(5)
            time.sleep(0.8)
            assert speaker.is_speaking and null_pulse.sink_inputs() >= 1
            t_stop = time.monotonic()
            speaker.stop()
            silent_after = monitor.last_sound_after(t_stop, quiet=0.5)
        # loose bound; benchmarks/speech_latency.py prints the real figure (a few ms)
        assert silent_after is not None and silent_after < 1.0
        assert null_pulse.sink_inputs() == 0
        assert speaker.wait(2)
        assert events[-1][1].kind == "finished" and events[-1][1].interrupted
    finally:
        speaker.close()


@pytest.mark.timeout(60)
def test_new_say_interrupts_and_long_text_starts_as_fast_as_short(null_pulse: NullPulseServer) -> None:
    latencies: dict[str, float] = {}
    speaker = EspeakSpeaker(SpeechOptions())
    try:
        for label, text in (
            ("short", "A short sentence of exactly ten words right here."),
            ("long", LONG_TEXT),
        ):
            started = threading.Event()
            speaker.on_started = lambda e, s=started: s.set()
            t0 = time.monotonic()
            speaker.say(text)
            assert started.wait(5)
            latencies[label] = time.monotonic() - t0
        # a new say cuts the long text at once and is spoken in its place
        finished: list[SpeechEvent] = []
        speaker.on_finished = finished.append
        speaker.say("Replacement.")
        assert speaker.wait(10)
        assert finished[0].interrupted and not finished[-1].interrupted
    finally:
        speaker.close()
    assert latencies["long"] < latencies["short"] + 0.5  # loose; the benchmark prints the real figure


@pytest.mark.timeout(30)
def test_a_wav_that_cannot_be_written_is_reported_not_crashed(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    speaker = WavSpeaker(SpeechOptions(backend="wav", wav_path=blocker / "out.wav"))
    finished: list[SpeechEvent] = []
    speaker.on_finished = finished.append
    try:
        speaker.say("This cannot be saved.")
        assert speaker.wait(10)
        assert speaker.last_error is not None
        assert finished and finished[0].interrupted
    finally:
        speaker.close()
