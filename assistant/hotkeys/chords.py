"""Key chords as plain text (``"ctrl+alt+shift+s"``): parsing, canonical form, conflicts.

One text format is stored in the settings and shown to the user; each hotkey backend translates
it to its own library's syntax. Conflict detection lives here so the settings window and the
config loader agree on what is allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assistant.errors import AssistantError

MODIFIERS = ("ctrl", "alt", "shift", "super")
_MODIFIER_ALIASES = {
    "control": "ctrl",
    "ctl": "ctrl",
    "option": "alt",
    "altgr": "alt",
    "meta": "super",
    "win": "super",
    "windows": "super",
    "cmd": "super",
    "command": "super",
}
_NAMED_KEYS = {
    "space",
    "tab",
    "enter",
    "return",
    "backspace",
    "delete",
    "insert",
    "home",
    "end",
    "pageup",
    "pagedown",
    "up",
    "down",
    "left",
    "right",
    "pause",
    "print",
}
_KEY_ALIASES = {
    "return": "enter",
    "del": "delete",
    "ins": "insert",
    "pgup": "pageup",
    "pgdown": "pagedown",
    "esc": "escape",
}

#: Chords that belong to screen readers or desktops; binding them would break the user's setup.
RESERVED: dict[str, str] = {
    "ctrl+alt+n": "starts NVDA",
    "ctrl+alt+delete": "is the system security screen",
    "ctrl+alt+backspace": "can kill the X session",
    "ctrl+alt+t": "opens a terminal on GNOME and Ubuntu",
    "ctrl+alt+l": "locks the screen on several desktops",
    "ctrl+alt+d": "shows the desktop on several desktops",
    "ctrl+alt+shift+r": "records a screencast on GNOME",
    "alt+super+s": "turns the GNOME screen reader on and off",
    "ctrl+super+enter": "turns Narrator on and off",
    "super+l": "locks the screen",
    "super+d": "shows the desktop",
    "super+e": "opens the file manager",
    "super+u": "opens the accessibility settings on Windows",
    "alt+tab": "switches windows",
    "alt+f4": "closes the window",
    "alt+f2": "opens the run dialog",
}


class ChordError(AssistantError):
    """A key chord that cannot be parsed."""


@dataclass(frozen=True)
class Chord:
    modifiers: frozenset[str]
    key: str

    def __str__(self) -> str:
        mods = [m for m in MODIFIERS if m in self.modifiers]
        return "+".join([*mods, self.key])

    def label(self) -> str:
        """Human form for menus and speech: ``Ctrl+Alt+Shift+S``."""
        names = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "super": "Super"}
        mods = [names[m] for m in MODIFIERS if m in self.modifiers]
        return "+".join([*mods, self.key.upper() if len(self.key) == 1 else self.key.capitalize()])


def _normal_key(token: str) -> str | None:
    token = _KEY_ALIASES.get(token, token)
    if len(token) == 1 and (token.isalnum() or token in ",.;/[]-=`'\\"):
        return token
    if token.startswith("f") and token[1:].isdigit() and 1 <= int(token[1:]) <= 24:
        return token
    if token in _NAMED_KEYS or token == "escape":
        return "enter" if token == "return" else token
    return None


def parse_chord(text: str) -> Chord:
    """Parse ``"Ctrl+Alt+Shift+S"``-like text (any case, Qt's or pynput's ``<ctrl>`` style)."""
    raw = text.strip().lower().replace(" ", "")
    if not raw:
        raise ChordError("The key chord is empty.")
    tokens = [t.strip("<>") for t in raw.replace("++", "+plus").split("+")]
    mods: set[str] = set()
    keys: list[str] = []
    for token in tokens:
        token = _MODIFIER_ALIASES.get(token, token)
        if token in MODIFIERS:
            mods.add(token)
            continue
        key = _normal_key("+" if token == "plus" else token)
        if key is None:
            raise ChordError(f"{token!r} is not a key this app can bind.")
        keys.append(key)
    if len(keys) != 1:
        raise ChordError(f"{text!r} must have exactly one key besides the modifiers.")
    return Chord(frozenset(mods), keys[0])


def canonical(text: str) -> str:
    return str(parse_chord(text))


def _is_vt_switch(chord: Chord) -> bool:
    """Ctrl+Alt+F1..F12 (with or without Shift): the X server turns these into VT switches."""
    key = chord.key
    return (
        {"ctrl", "alt"} <= chord.modifiers
        and "super" not in chord.modifiers
        and key.startswith("f")
        and key[1:].isdigit()
        and 1 <= int(key[1:]) <= 12
    )


def find_conflicts(bindings: Mapping[str, str]) -> list[str]:
    """Short sentences naming every problem: bad chords, duplicates, reserved or bare keys."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for action, text in bindings.items():
        if not text.strip():
            continue
        try:
            chord = parse_chord(text)
        except ChordError as exc:
            problems.append(f"{action}: {exc}")
            continue
        key = str(chord)
        if not chord.modifiers - {"shift"}:
            problems.append(f"{action}: {chord.label()} needs Ctrl, Alt or Super, or it would steal typing.")
        if key in RESERVED:
            problems.append(f"{action}: {chord.label()} {RESERVED[key]}.")
        elif _is_vt_switch(chord):
            problems.append(f"{action}: {chord.label()} switches to a text console on Linux.")
        if key in seen:
            problems.append(f"{action}: {chord.label()} is already used by {seen[key]}.")
        else:
            seen[key] = action
    return problems


def to_pynput(text: str) -> str:
    """``ctrl+alt+shift+s`` → ``<ctrl>+<alt>+<shift>+s`` (pynput.keyboard.HotKey.parse syntax)."""
    chord = parse_chord(text)
    names = {
        "super": "cmd",
        "enter": "enter",
        "pageup": "page_up",
        "pagedown": "page_down",
        "escape": "esc",
        "print": "print_screen",
    }
    parts = [f"<{names.get(m, m)}>" for m in MODIFIERS if m in chord.modifiers]
    key = chord.key
    parts.append(key if len(key) == 1 else f"<{names.get(key, key)}>")
    return "+".join(parts)


def to_keyboard(text: str) -> str:
    """``ctrl+alt+shift+s`` → the `keyboard` package's syntax (``ctrl+alt+shift+s``, ``windows``)."""
    chord = parse_chord(text)
    names = {
        "super": "windows",
        "pageup": "page up",
        "pagedown": "page down",
        "escape": "esc",
        "print": "print screen",
    }
    parts = [names.get(m, m) for m in MODIFIERS if m in chord.modifiers]
    parts.append(names.get(chord.key, chord.key))
    return "+".join(parts)
