"""Backend choice: auto, degradation with one message, and the screen-reader routes per Orca version."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from assistant.errors import SpeechError
from assistant.speech import ScreenReaderInfo, SpeechOptions, create_speaker, has_audio_output, probe_backends
from assistant.speech.detect import parse_version
from assistant.speech.factory import direct_choice
from assistant.speech.routes import ROUTES, choose_route
from tests.speech.conftest import needs_espeak
from tests.support.sandbox import NullPulseServer, PrivateSpeechDispatcher

NO_READER = ScreenReaderInfo(False, source="test")


@pytest.fixture
def no_speechd(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Point speech-dispatcher lookups at an empty place so a developer's own server is not used."""
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nothing.sock'}")


def _speech_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "assistant.speech" and r.levelno >= logging.WARNING]


@pytest.mark.timeout(30)
def test_auto_without_audio_is_silent_with_one_clear_message(
    no_speechd: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="assistant.speech")
    speaker = create_speaker(SpeechOptions(), screen_reader=NO_READER, audio=False)
    try:
        assert speaker.name == "silent"
    finally:
        speaker.close()
    records = _speech_records(caplog)
    assert len(records) == 1 and "--wav" in records[0].getMessage()


@pytest.mark.timeout(30)
def test_explicit_backend_that_cannot_work_degrades_with_one_message(
    no_speechd: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="assistant.speech")
    speaker = create_speaker(SpeechOptions(backend="espeak"), screen_reader=NO_READER, audio=False)
    speaker.close()
    assert speaker.name == "silent"
    assert len(_speech_records(caplog)) == 1


@needs_espeak
@pytest.mark.timeout(30)
def test_auto_with_a_sound_server_and_no_speechd_picks_espeak(
    no_speechd: None, null_pulse: NullPulseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("assistant.speech.factory.speechd_can_spawn", lambda: False)  # not installed
    assert has_audio_output()
    probes = probe_backends(screen_reader=NO_READER)
    speaker = create_speaker(SpeechOptions(), screen_reader=NO_READER)
    try:
        assert speaker.name == "espeak" == direct_choice(probes)
        speaker.say("Chosen by auto.")
        assert speaker.wait(15)
    finally:
        speaker.close()


def test_wav_without_a_path_is_a_clear_error() -> None:
    with pytest.raises(SpeechError, match="WAV"):
        create_speaker(SpeechOptions(backend="wav"))


def test_unknown_backend_name_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown speech backend"):
        SpeechOptions(backend="loudspeaker")


@pytest.mark.parametrize(
    ("version", "announcer", "route"),
    [
        ((43, 1), True, "speechd-shared"),  # Debian 12: no announcement handler, Qt never emits one
        ((45, 1), True, "speechd-shared"),  # 45.0/45.1 have the handler, broken
        (None, True, "speechd-shared"),  # unknown version: the route every Orca hears
        ((45, 2), True, "atspi-announcement"),
        ((48, 1), True, "atspi-announcement"),
        ((46,), False, "speechd-shared"),  # headless CLI has no widget to announce from
        ((49, 0), True, "orca-dbus"),
        ((49, 0), False, "orca-dbus"),
    ],
)
def test_orca_route_depends_on_its_version(
    version: tuple[int, ...] | None, announcer: bool, route: str
) -> None:
    info = ScreenReaderInfo(True, "orca", version, "test")
    assert choose_route(info, have_announcer=announcer).route.name == route
    assert choose_route(NO_READER, have_announcer=announcer).route.name == "direct"


def test_orca_with_its_dbus_service_gets_present_message_whatever_the_version() -> None:
    info = ScreenReaderInfo(True, "orca", (48, 0), "test", dbus_service=True)
    assert choose_route(info, have_announcer=True).route.name == "orca-dbus"


@pytest.mark.parametrize(
    ("name", "platform", "announcer", "nvda_dll", "route"),
    [
        ("unknown", "linux", True, False, "speechd-shared"),  # found only by ScreenReaderEnabled
        ("unknown+announcements", "linux", True, False, "atspi-announcement"),  # ...and it listens
        ("nvda", "win32", True, True, "nvda-controller"),
        ("nvda", "win32", True, False, "uia-notification"),
        ("narrator", "win32", True, False, "uia-notification"),
        ("jaws", "win32", True, False, "uia-notification"),
        ("jaws", "win32", False, False, "direct"),  # never a silent route
        ("voiceover", "darwin", True, False, "voiceover-announcement"),
    ],
)
def test_every_screen_reader_has_a_route_that_is_heard(
    name: str, platform: str, announcer: bool, nvda_dll: bool, route: str
) -> None:
    listens = name.endswith("+announcements")
    info = ScreenReaderInfo(True, name.removesuffix("+announcements"), None, "test", announcements=listens)
    choice = choose_route(info, announcer, nvda_controller=nvda_dll, platform=platform)
    assert choice.route.name == route
    assert choice.route is ROUTES[route] and choice.why


def test_an_orca_in_another_session_is_not_ours(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.speech.detect import _same_session

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
    monkeypatch.setenv("DISPLAY", ":0")
    assert _same_session(b"DISPLAY=:5\0DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus\0")
    assert not _same_session(b"DISPLAY=:0\0DBUS_SESSION_BUS_ADDRESS=unix:path=/tmp/other\0")
    assert _same_session(b"DISPLAY=:0\0")
    assert not _same_session(b"HOME=/root\0")


def test_parse_version() -> None:
    assert parse_version("orca 43.1") == (43, 1)
    assert parse_version("Orca 45.2.1") == (45, 2, 1)
    assert parse_version("none") is None


@pytest.mark.timeout(60)
def test_orca_43_is_reached_through_speech_dispatcher_only(private_speechd: PrivateSpeechDispatcher) -> None:
    announced: list[tuple[str, bool]] = []
    orca43 = ScreenReaderInfo(True, "orca", (43, 1), "test")
    speaker = create_speaker(
        SpeechOptions(),
        announcer=lambda text, assertive: announced.append((text, assertive)),
        screen_reader=orca43,
    )
    try:
        assert speaker.name == "screenreader:speechd"
        speaker.say("Heard once, through speech dispatcher.")
        assert speaker.wait(15)
    finally:
        speaker.close()
    assert announced == []  # never both routes: that would be spoken twice on a newer Orca
    assert "Heard once, through speech dispatcher." in private_speechd.log_text()


def test_newer_orca_gets_announcements_only() -> None:
    announced: list[tuple[str, bool]] = []
    orca46 = ScreenReaderInfo(True, "orca", (46, 2), "test")
    speaker = create_speaker(
        SpeechOptions(),
        announcer=lambda text, assertive: announced.append((text, assertive)),
        screen_reader=orca46,
    )
    speaker.say("A dialog with two buttons.")
    speaker.say("Second.", interrupt=False)
    assert speaker.name == "screenreader:announcement"
    assert announced == [("A dialog with two buttons.", True), ("Second.", False)]
