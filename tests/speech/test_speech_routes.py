"""The router: never silent when a route fails, re-chosen when a screen reader starts or stops, and
the stop keys that cut a description on the speech-dispatcher route beside Orca 43."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.errors import SpeechError
from assistant.speech import ScreenReaderInfo, SilentSpeaker, SpeechEvent, SpeechOptions, create_speaker
from assistant.speech.routed import FALLBACK_NOTICE, RoutedSpeaker
from assistant.speech.routes import choose_route
from assistant.speech.screenreader import AnnouncementSpeaker, OrcaDBusSpeaker
from assistant.speech.speechd import SpeechdSpeaker
from assistant.speech.stopkeys import GRACE_SECONDS, StopKeyWatcher, with_stop_keys
from tests.support.sandbox import NullPulseServer, PrivateSpeechDispatcher, SinkMonitor

NONE = ScreenReaderInfo(False, source="test")
ORCA43 = ScreenReaderInfo(True, "orca", (43, 1), "test")
ORCA46 = ScreenReaderInfo(True, "orca", (46, 2), "test")
ORCA49 = ScreenReaderInfo(True, "orca", (49, 1), "test", dbus_service=True)
LONG = "A long description of a harbour at dusk, with boats, a pier, gulls and the lights of the town. " * 3


def _router(
    info: ScreenReaderInfo, build_route: Callable[..., object], direct: SilentSpeaker, **kwargs: object
) -> RoutedSpeaker:
    return RoutedSpeaker(
        SpeechOptions(),
        choose=lambda i: choose_route(i, have_announcer=True),
        build_route=build_route,  # type: ignore[arg-type]
        build_direct=lambda: direct,
        screen_reader=info,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.timeout(30)
def test_orca_49_route_without_orca_speaks_directly_and_says_so_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A real OrcaDBusSpeaker on a session bus where no Orca answers: PresentMessage fails."""
    if shutil.which("gdbus") is None:
        pytest.fail("gdbus must be installed (libglib2.0-bin)")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    caplog.set_level(logging.WARNING, logger="assistant.speech")
    direct = SilentSpeaker()
    speaker = _router(ORCA49, lambda choice: OrcaDBusSpeaker(), direct, poll_seconds=0)
    try:
        assert speaker.choice.route.name == "orca-dbus"
        speaker.say("First description.")
        speaker.say("Second description.")
        assert speaker.wait(5)
    finally:
        speaker.close()
    assert direct.utterances == [FALLBACK_NOTICE, "First description.", "Second description."]
    assert "orca-dbus failed" in speaker.describe()
    assert len([r for r in caplog.records if "speaking directly" in r.getMessage()]) == 1


def test_a_route_that_cannot_be_built_is_never_silence() -> None:
    def refuse(choice: object) -> SilentSpeaker:
        raise SpeechError("Speech dispatcher is not installed.")

    direct = SilentSpeaker()
    speaker = _router(ORCA43, refuse, direct, poll_seconds=0)
    speaker.say("Still heard.")
    assert speaker.wait(5)
    speaker.close()
    assert speaker.choice.route.name == "speechd-shared"
    assert direct.utterances == [FALLBACK_NOTICE, "Still heard."]


@pytest.mark.timeout(30)
def test_the_route_follows_a_screen_reader_that_starts_and_stops() -> None:
    """No reader -> Orca 46 starts (announcements) -> it quits (own voice again), found by polling."""
    state = {"info": NONE}
    announced: list[str] = []
    direct = SilentSpeaker()

    def build(choice: object) -> AnnouncementSpeaker:
        return AnnouncementSpeaker(lambda text, assertive: announced.append(text))

    speaker = RoutedSpeaker(
        SpeechOptions(),
        choose=lambda i: choose_route(i, have_announcer=True),
        build_route=build,
        build_direct=lambda: direct,
        detect=lambda: state["info"],
        poll=lambda: state["info"],
        poll_seconds=0.05,
    )

    def route_becomes(name: str) -> bool:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and speaker.choice.route.name != name:
            time.sleep(0.02)
        return speaker.choice.route.name == name

    try:
        speaker.say("Before Orca.")
        state["info"] = ORCA46
        assert route_becomes("atspi-announcement")
        speaker.say("While Orca runs.")
        state["info"] = NONE
        assert route_becomes("direct")
        speaker.say("After Orca.")
        assert speaker.wait(5)
    finally:
        speaker.close()
    assert announced == ["While Orca runs."]
    assert direct.utterances == ["Before Orca.", "After Orca."]


def test_create_speaker_picks_the_route_for_orca_43_and_for_no_reader(
    private_speechd: PrivateSpeechDispatcher,
) -> None:
    announced: list[str] = []
    speaker = create_speaker(
        SpeechOptions(), announcer=lambda t, a: announced.append(t), screen_reader=ORCA43
    )
    try:
        assert isinstance(speaker, RoutedSpeaker) and speaker.choice.route.name == "speechd-shared"
        assert "priority text" in speaker.describe()
    finally:
        speaker.close()
    assert announced == []  # never both routes: that would be spoken twice on a newer Orca


# -- stop keys on real speech (speech-dispatcher playing into a null PulseAudio sink) ----------------


class _Keys:
    """A keyboard to press by hand: the ``listen`` seam of StopKeyWatcher."""

    def __init__(self) -> None:
        self.press: Callable[[str], None] = lambda name: None
        self.closed = False

    def listen(self, on_press: Callable[[str], None]) -> Callable[[], None]:
        self.press = on_press
        return lambda: setattr(self, "closed", True)


@pytest.fixture
def sink(paced_speechd: PrivateSpeechDispatcher, null_pulse: NullPulseServer) -> Iterator[SinkMonitor]:
    """Hears the null sink: when speech really sounds and when it falls silent."""
    if shutil.which("parec") is None:
        pytest.fail("parec must be installed (pulseaudio-utils)")
    with SinkMonitor(null_pulse).start() as monitor:
        yield monitor


def _silence_after(speaker: SpeechdSpeaker, sink: SinkMonitor, cut: Callable[[], None]) -> float:
    """Say a long text, let it sound for a second, ``cut()``; seconds until the sink is silent."""
    speaker.say(LONG)
    assert sink.first_sound_after(time.monotonic() - 0.01, timeout=10) is not None, "no sound"
    time.sleep(1.0)
    t0 = time.monotonic()
    cut()
    silent = sink.last_sound_after(t0, quiet=0.5)
    assert silent is not None, "never fell silent"
    assert speaker.wait(3)
    return silent


@pytest.mark.timeout(60)
def test_control_and_typing_cut_a_description_and_modifiers_do_not(sink: SinkMonitor) -> None:
    keys = _Keys()
    speaker = with_stop_keys(SpeechdSpeaker(SpeechOptions(), priority="text"), listen=keys.listen)
    try:
        for key in ("ctrl_l", "a"):
            finished: list[SpeechEvent] = []
            speaker.on_finished = finished.append

            def press(key: str = key, finished: list[SpeechEvent] = finished) -> None:
                keys.press("shift")  # a bare modifier (and Orca's Insert) must not cut it
                assert speaker.is_speaking and not finished
                keys.press(key)

            silent = _silence_after(speaker, sink, press)
            assert finished and finished[0].interrupted
            # issue #17 asks for 1 s from Orca's stop key; the watcher's own path is the stop hotkey's
            assert silent <= 0.25, f"{key}: silent only {silent * 1000:.0f} ms after the press"
    finally:
        speaker.close()
    assert keys.closed


@pytest.mark.timeout(60)
def test_the_stop_hotkey_silences_within_100_ms(sink: SinkMonitor) -> None:
    speaker = SpeechdSpeaker(SpeechOptions(), priority="text")
    try:
        silent = sorted(_silence_after(speaker, sink, speaker.stop) for _ in range(5))
    finally:
        speaker.close()
    heard = [round(s * 1000) for s in silent]  # the median, as benchmarks/speech_latency.py reports
    assert silent[2] <= 0.1, f"silent after {heard} ms (the median must be <= 100)"


def test_without_a_keyboard_to_watch_the_watcher_says_to_use_the_stop_hotkey() -> None:
    def no_display(on_press: Callable[[str], None]) -> Callable[[], None]:
        raise OSError("no X display")

    watcher = StopKeyWatcher(lambda: None, lambda: True, listen=no_display)
    assert not watcher.active and "stop hotkey" in watcher.why
    watcher.close()


def test_the_key_that_asked_for_a_description_does_not_cut_it() -> None:
    """A hotkey's last key reaches the watcher as the app starts speaking: within the grace, no stop."""
    stops: list[str] = []
    keys = _Keys()
    said = {"at": time.monotonic()}
    watcher = StopKeyWatcher(
        lambda: stops.append("stop"), lambda: True, keys.listen, said_at=lambda: said["at"]
    )
    keys.press("s")
    assert stops == []
    said["at"] -= GRACE_SECONDS
    keys.press("s")
    assert stops == ["stop"] and watcher.presses == 1
    watcher.close()


@pytest.mark.timeout(60)
def test_text_priority_holds_a_queued_utterance_and_drops_it_with_a_cut_one(
    paced_speechd: PrivateSpeechDispatcher,
) -> None:
    """speech-dispatcher cuts our playing 'text' message when our next one comes (measured), so a
    queued utterance waits for the end; if the playing one is cut, the queued one goes too."""
    speaker = SpeechdSpeaker(SpeechOptions(), priority="text")
    finished: list[SpeechEvent] = []
    speaker.on_finished = finished.append
    try:
        speaker.say("A short first sentence.")
        speaker.say("Then the second one.", interrupt=False)
        assert speaker.wait(20)
        assert [(e.text, e.interrupted) for e in finished] == [
            ("A short first sentence.", False),
            ("Then the second one.", False),
        ]
        finished.clear()
        speaker.say(LONG)
        speaker.say("Stale follow-up.", interrupt=False)
        time.sleep(1.0)
        speaker.stop()
        assert speaker.wait(5)
        assert [e.interrupted for e in finished] == [True, True]
    finally:
        speaker.close()
    assert "Stale follow-up." not in paced_speechd.log_text()
