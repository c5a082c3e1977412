"""Building the speaker: ``create_speaker``, and the availability checks ``doctor`` reports.

``auto`` (and ``screenreader``) return a :class:`~assistant.speech.routed.RoutedSpeaker`: the route
for the running screen reader (:mod:`assistant.speech.routes`), re-chosen when one starts or stops,
and otherwise the assistant's own voice — speech-dispatcher (the desktop's shared speech service,
honouring the user's voice settings), then espeak-ng when there is a sound output, then pyttsx3
(Windows/macOS, or a last resort on Linux). Silence only when there is no audio output at all, with
one clear message. An explicitly named backend that cannot work degrades along the same chain.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from assistant.errors import SpeechError
from assistant.speech.audio import has_audio_output
from assistant.speech.base import Speaker, SpeechOptions, log
from assistant.speech.espeak import EspeakSpeaker, espeak_binary
from assistant.speech.pyttsx3_backend import Pyttsx3Speaker, pyttsx3_importable
from assistant.speech.routed import RoutedSpeaker
from assistant.speech.routes import ORCA43_PRIORITY, RouteChoice, choose_route
from assistant.speech.screenreader import (
    AnnouncementSpeaker,
    Announcer,
    NvdaSpeaker,
    OrcaDBusSpeaker,
    ScreenReaderInfo,
    detect_screen_reader,
    find_nvda_controller,
)
from assistant.speech.silent import SilentSpeaker
from assistant.speech.speechd import SpeechdSpeaker, speechd_can_spawn, speechd_running
from assistant.speech.stopkeys import with_stop_keys
from assistant.speech.wav import WavSpeaker

_CHAIN = ("screenreader", "speechd", "espeak", "pyttsx3", "silent")


@dataclass(frozen=True)
class BackendProbe:
    """Whether one backend can work here, and why (one line in ``assistant doctor``)."""

    name: str
    available: bool
    detail: str


def probe_backends(
    screen_reader: ScreenReaderInfo | None = None, audio: bool | None = None
) -> list[BackendProbe]:
    """Cheap availability checks for every backend (no sound is made, nothing is spawned)."""
    audio = has_audio_output() if audio is None else audio
    info = screen_reader if screen_reader is not None else detect_screen_reader()
    choice = _choose(info, None)
    probes = [BackendProbe("screenreader", info.running, f"{info.summary()}, route {choice.describe()}")]
    if speechd_running():
        probes.append(
            BackendProbe(
                "speechd", audio, "speech-dispatcher is running" + ("" if audio else ", no audio output")
            )
        )
    elif speechd_can_spawn():
        probes.append(
            BackendProbe(
                "speechd",
                audio,
                "speech-dispatcher installed (autospawn)" + ("" if audio else ", but no audio output"),
            )
        )
    else:
        probes.append(BackendProbe("speechd", False, "speech-dispatcher not installed"))
    binary = espeak_binary()
    probes.append(
        BackendProbe(
            "espeak",
            bool(binary) and audio,
            (binary or "espeak-ng not installed") + ("" if audio else ", no audio output"),
        )
    )
    py = pyttsx3_importable()
    probes.append(
        BackendProbe(
            "pyttsx3",
            py and audio,
            ("importable" if py else "not installed")
            + ("" if sys.platform in ("win32", "darwin") else ", Linux: last resort"),
        )
    )
    probes.append(
        BackendProbe("wav", bool(binary) or py, "espeak-ng -w" if binary else "pyttsx3 save_to_file")
    )
    probes.append(BackendProbe("silent", True, "always"))
    return probes


def _route_speaker(choice: RouteChoice, options: SpeechOptions, announcer: Announcer | None) -> Speaker:
    """The speaker for one screen-reader route; raises when it cannot (the router then speaks directly)."""
    name = choice.route.name
    if name == "orca-dbus":
        return OrcaDBusSpeaker(options)
    if name in ("atspi-announcement", "uia-notification", "voiceover-announcement"):
        if announcer is None:
            raise SpeechError("There is no window to send announcements from.")
        return AnnouncementSpeaker(announcer, options)
    if name == "nvda-controller":
        dll = find_nvda_controller()
        if dll is None:
            raise SpeechError("NVDA's controller client was not found.")
        return NvdaSpeaker(dll, options)
    if name == "speechd-shared":
        if not speechd_running() and not speechd_can_spawn():
            raise SpeechError("Speech dispatcher is not installed.")
        speaker = SpeechdSpeaker(options, priority=ORCA43_PRIORITY, client_component="beside-screen-reader")
        speaker.name = "screenreader:speechd"
        return with_stop_keys(speaker)
    raise SpeechError(f"No speaker for the route {name}.")


def _choose(info: ScreenReaderInfo, announcer: Announcer | None) -> RouteChoice:
    return choose_route(info, announcer is not None, nvda_controller=find_nvda_controller() is not None)


def _direct_speaker(options: SpeechOptions, audio: bool) -> Speaker:
    """The assistant's own voice: the first of speech-dispatcher, espeak-ng, pyttsx3 that works."""
    chain = [name for name in _auto_chain() if name != "screenreader"]
    failures: list[str] = []
    for name in chain:
        try:
            speaker = _build(name, options, None, None, audio)
        except (SpeechError, OSError) as exc:
            failures.append(f"{name}: {exc}")
            continue
        if name == "silent":
            log.warning(
                "Nothing will be spoken: no screen reader, speech service or audio output was found. "
                "Use --wav FILE to keep the speech in a file."
            )
            log.debug("speech backends unavailable: %s", "; ".join(failures))
        return speaker
    return SilentSpeaker(options)  # pragma: no cover - silent always builds


def _build(
    name: str,
    options: SpeechOptions,
    info: ScreenReaderInfo | None,
    announcer: Announcer | None,
    audio: bool,
    explicit: bool = False,
) -> Speaker:
    if name == "screenreader":
        info = info or detect_screen_reader()
        if not info.running:
            raise SpeechError("No screen reader is running.")
        return _route_speaker(_choose(info, announcer), options, announcer)
    if name == "speechd":
        running = speechd_running()
        if not audio and not (explicit and running):
            # a speech-dispatcher with nowhere to play would swallow the text without a word
            raise SpeechError("There is no audio output for speech dispatcher.")
        if not running and not speechd_can_spawn():
            raise SpeechError("Speech dispatcher is not installed.")
        return SpeechdSpeaker(options)
    if name == "espeak":
        if not audio:
            raise SpeechError("There is no audio output for espeak-ng.")
        return EspeakSpeaker(options)
    if name == "pyttsx3":
        if not audio:
            raise SpeechError("There is no audio output for pyttsx3.")
        return Pyttsx3Speaker(options)
    if name == "wav":
        return WavSpeaker(options)
    if name == "silent":
        return SilentSpeaker(options)
    raise SpeechError(f"Unknown speech backend {name}.")


def _auto_chain() -> tuple[str, ...]:
    if sys.platform in ("win32", "darwin"):
        return ("screenreader", "pyttsx3", "silent")
    return _CHAIN


def create_speaker(
    options: SpeechOptions | None = None,
    announcer: Announcer | None = None,
    screen_reader: ScreenReaderInfo | None = None,
    audio: bool | None = None,
) -> Speaker:
    """The speaker for ``options.backend``; never raises for a missing optional backend.

    ``announcer`` (from the Qt app) lets a screen reader that takes announcements be reached;
    ``screen_reader`` and ``audio`` override detection (tests, Settings; a given ``screen_reader``
    also turns off the re-check). A backend that cannot work is replaced by the next one in the
    chain with one warning on ``assistant.speech``. Raises :class:`SpeechError` only when a WAV file
    was asked for and nothing can write it.
    """
    options = options or SpeechOptions()
    audio = has_audio_output() if audio is None else audio
    if options.backend == "wav":
        return WavSpeaker(options)
    if options.backend in ("auto", "screenreader"):
        return RoutedSpeaker(
            options,
            choose=lambda info: _choose(info, announcer),
            build_route=lambda choice: _route_speaker(choice, options, announcer),
            build_direct=lambda: _direct_speaker(options, audio),
            screen_reader=screen_reader,
            poll_seconds=0 if screen_reader is not None else 3.0,
        )
    chain = _auto_chain()
    start = chain.index(options.backend) if options.backend in chain else 0
    candidates = [options.backend, *[c for c in chain[start:] if c != options.backend]]
    failures: list[str] = []
    for name in candidates:
        try:
            speaker = _build(name, options, screen_reader, announcer, audio, explicit=name == options.backend)
        except (SpeechError, OSError) as exc:
            failures.append(f"{name}: {exc}")
            continue
        if failures and name == "silent" and options.backend != "silent":
            log.warning(
                "Nothing will be spoken: no screen reader, speech service or audio output was found. "
                "Use --wav FILE to keep the speech in a file."
            )
            log.debug("speech backends unavailable: %s", "; ".join(failures))
        elif failures:
            log.warning("Speech: using %s because %s", speaker.name, failures[0])
        else:
            log.info("Speech: using %s", speaker.name)
        return speaker
    raise SpeechError("No speech backend can work here.")  # pragma: no cover - silent always works


def direct_choice(probes: list[BackendProbe]) -> str:
    """The assistant's own voice when no screen reader runs, given :func:`probe_backends` (for doctor)."""
    available = {probe.name for probe in probes if probe.available}
    for name in _auto_chain():
        if name != "screenreader" and name in available:
            return name
    return "silent"
