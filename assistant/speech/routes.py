"""One speech route per screen reader and version: the table, and the choice for what is running.

A blind user's screen reader is their trusted voice, and two voices that ignore each other are worse
than one: each route below hands our text to the screen reader (or shares its speech server) so
that the user's typing, the screen reader's own speech and a stop key can cut a long description.
Every route is declared here once; ``assistant doctor``, the README and the router read this table.

Orca 43–45.1 cannot take a message from another program, so there we speak through the
speech-dispatcher that Orca itself uses, at the SSIP priority measured to let Orca win
(docs/orca43-speech.md, benchmarks/orca_speech_routes.py). Routes marked untested were written from
the screen readers' documentation and could not be run on this project's Debian 12 machines.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from assistant.speech.detect import ScreenReaderInfo

ORCA_ANNOUNCEMENTS = (45, 2)  # Orca speaks AT-SPI object:announcement from 45.2 (45.0/45.1 had it broken)
ORCA_PRESENT_MESSAGE = (49,)  # org.gnome.Orca.Service with PresentMessage
# The SSIP priority of our messages next to Orca 43 (which speaks at 'message' and CANCELs only its
# own): at 'text' Orca's speech (focus changes, key echo) cancels ours at once and is never delayed;
# at 'message' or 'important' Orca waits and its typed letters are dropped; at 'notification' ours is
# dropped whenever Orca speaks. Measured: docs/orca43-speech.md.
ORCA43_PRIORITY = "text"


@dataclass(frozen=True)
class Route:
    """How text reaches the user's ear on one kind of screen reader."""

    name: str
    handed_to: str  # what takes our text
    stop: str  # what silences it
    tested: bool  # run here against the real screen reader (Orca 43.1 via orca-probe)


ROUTES: dict[str, Route] = {
    route.name: route
    for route in (
        Route(
            "orca-dbus",
            "Orca's D-Bus PresentMessage (org.gnome.Orca.Service, Orca >= 49)",
            "Orca's stop key; the stop hotkey calls SpeechManager.InterruptSpeech",
            tested=False,
        ),
        Route(
            "atspi-announcement",
            "an AT-SPI announcement from the window (Orca 45.2-48 speaks it)",
            "Orca's stop key",
            tested=False,
        ),
        Route(
            "speechd-shared",
            f"the speech-dispatcher Orca speaks through, at priority '{ORCA43_PRIORITY}' "
            "(Orca's speech and key echo cut it)",
            "the Control key (Orca's stop key, watched by the assistant) or the stop hotkey",
            tested=True,
        ),
        Route(
            "nvda-controller",
            "NVDA's controller client (nvdaController_speakText)",
            "NVDA's stop key (Control); the stop hotkey calls nvdaController_cancelSpeech",
            tested=False,
        ),
        Route(
            "uia-notification",
            "a UI Automation notification from the window (Narrator, JAWS, NVDA without its DLL)",
            "the screen reader's stop key",
            tested=False,
        ),
        Route(
            "voiceover-announcement",
            "an NSAccessibility announcement from the window (VoiceOver)",
            "VoiceOver's stop key (Control)",
            tested=False,
        ),
        Route(
            "direct",
            "the assistant's own voice (speech-dispatcher, espeak-ng or pyttsx3)",
            "the stop hotkey",
            tested=True,
        ),
    )
}


@dataclass(frozen=True)
class RouteChoice:
    route: Route
    why: str

    def describe(self) -> str:
        return f"{self.route.name} ({self.why})" + ("" if self.route.tested else " [untested route]")


def _orca_route(info: ScreenReaderInfo, have_announcer: bool) -> RouteChoice:
    version = info.version
    named = f"Orca {info.version_text}"
    if info.dbus_service or (version is not None and version >= ORCA_PRESENT_MESSAGE):
        return RouteChoice(ROUTES["orca-dbus"], f"{named} offers PresentMessage")
    if version is not None and version >= ORCA_ANNOUNCEMENTS:
        if have_announcer:
            return RouteChoice(ROUTES["atspi-announcement"], f"{named} speaks AT-SPI announcements")
        return RouteChoice(ROUTES["speechd-shared"], f"{named}, but no window to announce from")
    if version is None:
        return RouteChoice(ROUTES["speechd-shared"], "Orca of unknown version: the route every Orca hears")
    return RouteChoice(ROUTES["speechd-shared"], f"{named} takes no messages from other programs")


def choose_route(
    info: ScreenReaderInfo, have_announcer: bool, nvda_controller: bool = False, platform: str | None = None
) -> RouteChoice:
    """The route for what :func:`~assistant.speech.detect.detect_screen_reader` found.

    ``have_announcer``: the Qt app can send accessibility announcements; ``nvda_controller``: NVDA's
    controller DLL was found. Never returns a route that would be silent for a known reader.
    """
    platform = platform or sys.platform
    if not info.running:
        return RouteChoice(ROUTES["direct"], "no screen reader is running")
    if info.name == "orca":
        return _orca_route(info, have_announcer)
    if platform.startswith("linux"):
        # Not identified (e.g. only ScreenReaderEnabled is set): an announcement is heard only if
        # someone listens for it (Orca 43 never does); every Linux screen reader shares speechd.
        if info.announcements and have_announcer:
            why = "an unidentified screen reader that listens for announcements"
            return RouteChoice(ROUTES["atspi-announcement"], why)
        return RouteChoice(ROUTES["speechd-shared"], "an unidentified screen reader; speech-dispatcher")
    if info.name == "nvda" and nvda_controller:
        return RouteChoice(ROUTES["nvda-controller"], "NVDA with its controller client")
    if platform == "darwin" and have_announcer:
        return RouteChoice(ROUTES["voiceover-announcement"], "VoiceOver")
    if have_announcer:
        return RouteChoice(ROUTES["uia-notification"], f"{info.name or 'a screen reader'} on Windows")
    return RouteChoice(ROUTES["direct"], f"{info.name} runs, but there is no window to announce from")
