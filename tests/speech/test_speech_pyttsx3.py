"""pyttsx3, the design card's engine: a Linux fallback wrapping espeak; the voice on Windows/macOS."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.speech import SpeechEvent, SpeechOptions, wav_duration
from assistant.speech.pyttsx3_backend import Pyttsx3Speaker
from assistant.speech.wav import WavSpeaker

pytest.importorskip("pyttsx3", reason="pyttsx3 is a project dependency; install the project first")


@pytest.mark.timeout(60)
def test_pyttsx3_writes_wavs_whose_length_follows_the_text(tmp_path: Path) -> None:
    durations = []
    for words in (3, 30):
        path = tmp_path / f"{words}.wav"
        speaker = WavSpeaker(SpeechOptions(wav_path=path), engine="pyttsx3")
        try:
            speaker.say(" ".join(["window"] * words) + ".")
            assert speaker.wait(30)
        finally:
            speaker.close()
        durations.append(wav_duration(path))
    assert 0.3 < durations[0] < durations[1]


@pytest.mark.timeout(60)
def test_pyttsx3_speaker_runs_on_its_own_thread_with_events() -> None:
    events: list[SpeechEvent] = []
    speaker = Pyttsx3Speaker(SpeechOptions(rate=220))
    speaker.add_listener(events.append)
    try:
        uid = speaker.say("Hello. Second sentence.")
        assert speaker.wait(30)
        assert speaker.voices()  # listed by the engine, on the engine's thread
        speaker.say("A text that is stopped at once.")
        speaker.stop()
        assert speaker.wait(10)
    finally:
        speaker.close()
    assert (events[0].kind, events[0].utterance_id) == ("started", uid)
    assert [e.kind for e in events if e.utterance_id == uid] == ["started", "finished"]
