"""The SSIP client against a real speech-dispatcher started by the test (null audio output)."""

from __future__ import annotations

import threading
import time

import pytest

from assistant.speech import ScreenReaderInfo, SpeechEvent, SpeechOptions, create_speaker
from assistant.speech.speechd import SpeechdSpeaker, ssip_rate
from tests.speech.conftest import needs_espeak
from tests.support.sandbox import PrivateSpeechDispatcher

pytestmark = needs_espeak
NO_READER = ScreenReaderInfo(False, source="test")


@pytest.mark.timeout(60)
def test_speaks_through_speech_dispatcher_with_events(private_speechd: PrivateSpeechDispatcher) -> None:
    events: list[SpeechEvent] = []
    speaker = SpeechdSpeaker(SpeechOptions(rate=200), socket_path=private_speechd.socket, autospawn=False)
    speaker.add_listener(events.append)
    try:
        uid = speaker.say("Hello from the assistant. A second sentence.")
        assert speaker.wait(15)
        assert [(e.kind, e.utterance_id, e.interrupted) for e in events] == [
            ("started", uid, False),
            ("finished", uid, False),
        ]
        voices = speaker.voices()
        assert voices and any("English" in v or v.startswith("en") for v in voices)
    finally:
        speaker.close()
    log = private_speechd.log_text()
    assert "Hello from the assistant" in log  # the server really received our text
    assert f"RATE {ssip_rate(200)}" in log


@pytest.mark.timeout(60)
def test_auto_uses_a_running_speech_dispatcher(private_speechd: PrivateSpeechDispatcher) -> None:
    speaker = create_speaker(SpeechOptions(backend="auto"), screen_reader=NO_READER, audio=True)
    try:
        assert speaker.name == "speechd"
        speaker.say("Picked by auto.")
        assert speaker.wait(15)
    finally:
        speaker.close()
    assert "Picked by auto" in private_speechd.log_text()


@pytest.mark.timeout(60)
def test_without_audio_auto_does_not_hand_text_to_a_running_speech_dispatcher(
    private_speechd: PrivateSpeechDispatcher,
) -> None:
    auto = create_speaker(SpeechOptions(backend="auto"), screen_reader=NO_READER, audio=False)
    chosen = create_speaker(SpeechOptions(backend="speechd"), screen_reader=NO_READER, audio=False)
    try:
        assert auto.name == "silent"  # it would be swallowed without a word of warning
        assert chosen.name == "speechd"  # asked for by name: the user knows where it goes
    finally:
        auto.close()
        chosen.close()


@pytest.mark.timeout(90)
def test_cancel_stops_real_time_speech(paced_speechd: PrivateSpeechDispatcher) -> None:
    started = threading.Event()
    finished: list[SpeechEvent] = []
    speaker = SpeechdSpeaker(SpeechOptions(), socket_path=paced_speechd.socket, autospawn=False)
    speaker.on_started = lambda e: started.set()
    speaker.on_finished = finished.append
    try:
        speaker.say("This sentence is long enough to keep talking for many seconds. " * 8)
        assert started.wait(15)
        time.sleep(0.5)
        assert speaker.is_speaking
        t0 = time.monotonic()
        speaker.stop()
        assert speaker.wait(5)
        # speech-dispatcher reports CANCELED after its audio thread lets go (about 1 s here); the
        # benchmark measures when the sink really falls silent
        assert time.monotonic() - t0 < 3.0
        assert finished and finished[-1].interrupted
    finally:
        speaker.close()
