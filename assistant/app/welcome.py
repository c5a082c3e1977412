"""The first start: what the assistant says once, so a new user knows its main keys (issue #17).

No Qt here: the text is built from the user's hotkeys, and a marker file next to the settings says
it was spoken, so it is said on the first start only (and again on request, with *Help: say the keys*).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from assistant import paths
from assistant.hotkeys.chords import ChordError, parse_chord

MARKER = "welcomed"


def _label(chord: str) -> str:
    try:
        return parse_chord(chord).label() if chord else ""
    except ChordError:
        return ""


def keys_text(hotkeys: Mapping[str, str], hotkeys_work: bool = True, *, full: bool = False) -> str:
    """The main keys in one or two sentences: describe the screen, open the window, stop; ``full``
    (the *help* command) adds the keys that move through a description and explore it."""
    screen, show, stop = (_label(hotkeys.get(name, "")) for name in ("describe-screen", "show", "stop"))
    if not hotkeys_work or not (screen or show):
        return (
            "Global hotkeys do not work here; bind assistant trigger describe-screen and "
            "assistant trigger show to keys in your desktop's keyboard settings."
        )
    parts = []
    if screen:
        parts.append(f"Press {screen} to hear the screen described")
    if show:
        parts.append(f"{show} opens the assistant's window, where every action and Quit are buttons")
    text = ", and ".join(parts) + "."
    text += f" {stop} stops speaking." if stop else ""
    text += " In the window, Tab moves through the buttons, and the Menu key opens the tray's menu."
    return text + (_moving_keys(hotkeys) if full else "")


def _moving_keys(hotkeys: Mapping[str, str]) -> str:
    """ "After a description, Control+Alt+Shift+N says the next part, ..." for the bound keys."""
    what = {
        "next": "says the next part",
        "previous": "the previous one",
        "continue": "reads on",
        "next-window": "jumps to the next window",
        "explore": "explores what was read",
        "find-text": "finds words on the screen",
    }
    said = [
        f"{_label(hotkeys.get(name, ''))} {words}"
        for name, words in what.items()
        if _label(hotkeys.get(name, ""))
    ]
    if len(said) > 1:
        said[-1] = f"and {said[-1]}"
    return f" After a description, {', '.join(said)}." if said else ""


def welcome_text(hotkeys: Mapping[str, str], hotkeys_work: bool = True) -> str:
    return "Assistant is running. It describes your screen and pictures out loud, offline. " + keys_text(
        hotkeys, hotkeys_work
    )


def marker_path(settings_dir: Path | None = None) -> Path:
    return (settings_dir or paths.config_dir()) / MARKER


def is_first_start(settings_dir: Path | None = None) -> bool:
    return not marker_path(settings_dir).exists()


def mark_welcomed(settings_dir: Path | None = None) -> None:
    """Remember that the welcome was said; a read-only folder only means it is said again next time."""
    path = marker_path(settings_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("The first-start welcome was spoken.\n", encoding="utf-8")
    except OSError:
        pass
