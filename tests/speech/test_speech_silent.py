"""The silent backend goes through the real queue, interruption and events."""

from __future__ import annotations

import time

import pytest

from assistant.speech import SilentSpeaker, SpeechEvent, SpeechOptions


@pytest.mark.timeout(20)
def test_records_text_and_emits_started_then_finished() -> None:
    events: list[SpeechEvent] = []
    speaking_when_finished: list[bool] = []
    with SilentSpeaker() as speaker:
        speaker.add_listener(events.append)
        speaker.on_finished = lambda e: speaking_when_finished.append(speaker.is_speaking)
        uid = speaker.say("Hello. World.")
        assert speaker.wait(5)
        assert speaking_when_finished == [False]  # listeners see the speaker idle
    assert speaker.spoken == ["Hello.", "World."]
    assert [(e.kind, e.utterance_id, e.interrupted) for e in events] == [
        ("started", uid, False),
        ("finished", uid, False),
    ]


@pytest.mark.timeout(20)
def test_new_text_interrupts_the_old_one_and_stop_is_prompt() -> None:
    finished: list[SpeechEvent] = []
    speaker = SilentSpeaker(SpeechOptions(rate=120), simulate_duration=True)
    speaker.on_finished = finished.append
    try:
        first = speaker.say("This is a long first sentence that would take a while to say. " * 3)
        time.sleep(0.3)
        assert speaker.is_speaking
        second = speaker.say("Short.")
        assert speaker.wait(5)
        assert [e.utterance_id for e in finished] == [first, second]
        assert finished[0].interrupted and not finished[1].interrupted
        speaker.say("Another long sentence that keeps going for several seconds at this rate. " * 3)
        time.sleep(0.2)
        t0 = time.monotonic()
        speaker.stop()
        assert speaker.wait(2)
        assert time.monotonic() - t0 < 0.5
    finally:
        speaker.close()


@pytest.mark.timeout(20)
def test_queued_utterances_play_in_order_without_interrupt() -> None:
    with SilentSpeaker() as speaker:
        speaker.say("one", interrupt=False)
        speaker.say("two", interrupt=False)
        speaker.say("three", interrupt=False)
        assert speaker.wait(5)
        assert speaker.spoken == ["one", "two", "three"]
        assert speaker.last_text == "three"
