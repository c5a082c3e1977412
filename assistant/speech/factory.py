"""Choosing the speech backend once, at start-up: ``create_speaker`` and what ``doctor`` reports.

``auto`` prefers the user's screen reader, then speech-dispatcher (the desktop's shared speech
service, honouring the user's voice settings), then espeak-ng when there is a sound output, then
pyttsx3 (Windows/macOS, or a last resort on Linux), and finally silence with one clear message.
An explicitly named backend that cannot work degrades along the same chain, again with one message.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from assistant.errors import SpeechError
from assistant.speech.audio import has_audio_output
from assistant.speech.base import Speaker, SpeechOptions, log
from assistant.speech.espeak import EspeakSpeaker, espeak_binary
from assistant.speech.pyttsx3_backend import Pyttsx3Speaker, pyttsx3_importable
from assistant.speech.screenreader import (
    AnnouncementSpeaker,
    Announcer,
    NvdaSpeaker,
    OrcaDBusSpeaker,
    ScreenReaderInfo,
    detect_screen_reader,
    find_nvda_controller,
    screen_reader_route,
)
from assistant.speech.silent import SilentSpeaker
from assistant.speech.speechd import SpeechdSpeaker, speechd_can_spawn, speechd_running
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
    route = screen_reader_route(info, have_announcer=False)
    probes = [
        BackendProbe("screenreader", route is not None, info.summary() + (f", via {route}" if route else "")),
    ]
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


def _screen_reader_speaker(
    options: SpeechOptions, info: ScreenReaderInfo, announcer: Announcer | None
) -> Speaker:
    route = screen_reader_route(info, have_announcer=announcer is not None)
    if route == "orca-dbus":
        return OrcaDBusSpeaker(options)
    if route == "announcement" and announcer is not None:
        return AnnouncementSpeaker(announcer, options)
    if route == "nvda":
        dll = find_nvda_controller()
        if dll is not None:
            return NvdaSpeaker(dll, options)
    if route == "speechd":
        speaker = SpeechdSpeaker(options)
        speaker.name = "screenreader:speechd"
        return speaker
    raise SpeechError(f"No way to speak through {info.summary()}.")


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
        return _screen_reader_speaker(options, info, announcer)
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
    ``screen_reader`` and ``audio`` override detection (tests, Settings). A backend that cannot work
    is replaced by the next one in the chain with one warning on ``assistant.speech``. Raises
    :class:`SpeechError` only when a WAV file was asked for and nothing can write it.
    """
    options = options or SpeechOptions()
    audio = has_audio_output() if audio is None else audio
    if options.backend == "wav":
        return WavSpeaker(options)
    chain = _auto_chain()
    if options.backend == "auto":
        candidates = list(chain)
    else:
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
        elif failures and options.backend != "auto":
            log.warning("Speech: using %s because %s", speaker.name, failures[0])
        else:
            log.info("Speech: using %s", speaker.name)
        return speaker
    raise SpeechError("No speech backend can work here.")  # pragma: no cover - silent always works


def auto_choice(probes: list[BackendProbe]) -> str:
    """The backend ``auto`` would pick given :func:`probe_backends` results (a dry run for doctor)."""
    available = {probe.name for probe in probes if probe.available}
    for name in _auto_chain():
        if name in available:
            return name
    return "silent"
