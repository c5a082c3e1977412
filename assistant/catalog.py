"""Every user-facing vocabulary and command, declared once.

The Settings dataclass (:mod:`assistant.config`) takes each field's default, choices, range and help
from :data:`SETTINGS`; the Settings window builds its widgets from the same entries; the command
line's ``choices=`` and help, the IPC server, the tray menu and the main window's buttons read the
vocabularies and :data:`COMMANDS` from here. Two spellings of one thing were how the verbosity bug
shipped (Settings offered ``detailed``, the describer accepted ``full``); one table prevents that.

This module is imported when the command line starts: it imports nothing heavy (no Qt, torch or
numpy), only the standard library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# -- vocabularies --------------------------------------------------------------------------------
#: How much a description says. ``detailed`` was spelled ``full`` by the describer and the command
#: line before; old spellings are accepted and mapped by :func:`canonical`.
VERBOSITIES: tuple[str, ...] = ("brief", "normal", "detailed")
DEVICES: tuple[str, ...] = ("auto", "cpu", "cuda")
RUNTIMES: tuple[str, ...] = ("auto", "torch", "onnx")
SPEECH_BACKENDS: tuple[str, ...] = ("auto", "screenreader", "speechd", "espeak", "pyttsx3", "wav", "silent")
HOTKEY_BACKENDS: tuple[str, ...] = ("auto", "pynput", "keyboard", "none")

#: The name the app shows: its main window's title, the tray menu's and the program's display name.
#: A picture of a screen that shows a window of this title shows the assistant's own (its previous
#: description): the layout leaves that window unread, as the live path does by its process.
APP_TITLE = "Assistant"

#: Old spellings still accepted (stored settings, scripts), per vocabulary: old -> current.
ALIASES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"verbosity": MappingProxyType({"full": "detailed"})}
)


def canonical(setting: str, value: str) -> str:
    """``value`` in the current spelling of ``setting``'s vocabulary (unchanged when not an old one)."""
    return ALIASES.get(setting, {}).get(value, value)


def spoken_list(words: tuple[str, ...]) -> str:
    """``a, b or c``: how a vocabulary is named in help texts and error messages."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


# -- commands ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Command:
    """One thing the user can ask the app to do, whichever way they ask.

    ``name`` is the command (``assistant trigger NAME``, the IPC message, the hotkey action); ``label``
    is the menu and button text with its mnemonic; ``help`` one sentence for tooltips, screen readers
    and ``assistant trigger --help``; ``hotkey`` the default global chord (``None``: the command
    cannot be bound to a global hotkey); ``ipc``: other processes may send it.
    """

    name: str
    label: str
    help: str
    hotkey: str | None = None
    ipc: bool = True

    @property
    def plain_label(self) -> str:
        """The label as a screen reader should say it (no mnemonic marker, no ellipsis)."""
        return self.label.replace("&", "").replace("…", "")


# Default global hotkeys: Ctrl+Alt+Shift+letter is free in NVDA (whose commands use the NVDA key,
# Insert/CapsLock), in Orca (Orca key = Insert/CapsLock), in JAWS, in Narrator (Caps/Insert) and in
# the GNOME/KDE/Windows default shortcuts we know of, except Ctrl+Alt+Shift+R, which is GNOME's
# screencast recorder, so *repeat* uses L ("last") instead.
COMMANDS: tuple[Command, ...] = (
    Command(
        "describe-screen", "Describe &screen", "Describe the screen under the pointer.", "ctrl+alt+shift+s"
    ),
    Command("describe-window", "Describe active &window", "Describe the active window.", "ctrl+alt+shift+w"),
    Command(
        "describe-pointer",
        "Describe around &pointer",
        "Describe the area around the pointer.",
        "ctrl+alt+shift+p",
    ),
    Command("clipboard", "Read &clipboard image", "Describe the image on the clipboard.", "ctrl+alt+shift+c"),
    Command("open", "&Open image…", "Choose an image file to describe.", ipc=False),
    Command("describe-file", "Describe image &file", "Describe an image file (give its path)."),
    Command("repeat", "&Repeat last", "Say the last description again.", "ctrl+alt+shift+l"),
    Command("stop", "S&top speaking", "Stop speaking.", "ctrl+alt+shift+x"),
    # Parts of the last description (assistant.speech.chunks): N next, B back, J again, M more; O and
    # I (beside it) jump between windows.
    Command("next", "&Next part", "Say the next part of the last description.", "ctrl+alt+shift+n"),
    Command(
        "previous", "Pre&vious part", "Say the previous part of the last description.", "ctrl+alt+shift+b"
    ),
    Command("repeat-part", "Repeat this p&art", "Say the current part again.", "ctrl+alt+shift+j"),
    Command(
        "continue",
        "Contin&ue reading",
        "Read the last description on from the current part.",
        "ctrl+alt+shift+m",
    ),
    Command(
        "next-window",
        "Ne&xt window",
        "Jump to the next window the last description read.",
        "ctrl+alt+shift+o",
    ),
    Command(
        "previous-window",
        "Previous win&dow",
        "Jump back to the start of a window the last description read.",
        "ctrl+alt+shift+i",
    ),
    # Explore mode (assistant.app.explore_window): E explores, F finds.
    Command(
        "explore",
        "Explore and &go to text",
        "List what the last description read, item by item, to move through and click.",
        "ctrl+alt+shift+e",
    ),
    Command(
        "find-text",
        "F&ind text on screen…",
        "Find words the last description read and move the pointer there.",
        "ctrl+alt+shift+f",
    ),
    Command("show", "Open &main window", "Open the main window.", "ctrl+alt+shift+a"),
    Command("history", "&History", "Open the history."),
    Command("settings", "S&ettings", "Open the settings."),
    Command("help", "Help: say the &keys", "Say the main hotkeys and how to reach every action."),
    Command("status", "Status", "Report whether the model is ready and what is running."),
    Command("quit", "&Quit", "Quit the running assistant."),
)

COMMAND_BY_NAME: Mapping[str, Command] = MappingProxyType({c.name: c for c in COMMANDS})
#: Commands another process may send (``assistant trigger``), with their help.
IPC_COMMANDS: Mapping[str, str] = MappingProxyType({c.name: c.help for c in COMMANDS if c.ipc})
#: The commands that move through the last description's parts (assistant.app.parts), in menu order.
PART_COMMANDS: tuple[str, ...] = (
    "next",
    "previous",
    "repeat-part",
    "continue",
    "next-window",
    "previous-window",
)
#: Explore mode's commands (assistant.app.explore_window), in menu order.
EXPLORE_COMMANDS: tuple[str, ...] = ("explore", "find-text")
#: Actions a global hotkey can start, in menu order.
HOTKEY_ACTIONS: tuple[str, ...] = tuple(c.name for c in COMMANDS if c.hotkey is not None)
DEFAULT_HOTKEYS: Mapping[str, str] = MappingProxyType({c.name: c.hotkey for c in COMMANDS if c.hotkey})


# -- settings ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SettingSpec:
    """One setting: its default, what it accepts and how the Settings window shows it.

    ``choices`` (text settings with a fixed vocabulary) or ``range`` (numbers, inclusive) say what
    is valid; ``label`` (with its mnemonic) and ``group`` place it in the Settings window (empty:
    not shown there); ``describer``: the describe pipeline is rebuilt when it changes.
    """

    name: str
    default: object
    help: str
    label: str = ""
    group: str = ""
    accessible_name: str = ""
    choices: tuple[str, ...] = ()
    range: tuple[float, float] | None = None
    step: float = 1.0
    suffix: str = ""
    placeholder: str = ""
    describer: bool = False
    aliases: Mapping[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> type:
        return type(self.default)

    @property
    def name_for_screen_reader(self) -> str:
        return self.accessible_name or self.label.replace("&", "").rstrip(":")


HOTKEYS_GROUP, SPEECH_GROUP, MODEL_GROUP, BEHAVIOUR_GROUP = (
    "Global hotkeys",
    "Speech",
    "Model",
    "Behaviour and privacy",
)

SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "hotkeys",
        dict(DEFAULT_HOTKEYS),
        "Global key chords for each action, like ctrl+alt+shift+s.",
        group=HOTKEYS_GROUP,
    ),
    SettingSpec(
        "hotkey_backend",
        "auto",
        "How global hotkeys are caught: auto, pynput (X11, macOS), keyboard (Windows) or none.",
        "&Hotkey backend:",
        HOTKEYS_GROUP,
        choices=HOTKEY_BACKENDS,
    ),
    SettingSpec(
        "speech_backend",
        "auto",
        f"Where speech goes: {spoken_list(SPEECH_BACKENDS)}.",
        "Speech bac&kend:",
        SPEECH_GROUP,
        choices=SPEECH_BACKENDS,
    ),
    SettingSpec(
        "voice",
        "",
        "Voice name for the speech backend; empty for its default.",
        "&Voice:",
        SPEECH_GROUP,
        placeholder="default voice",
    ),
    SettingSpec(
        "rate",
        175,
        "Speaking rate in words per minute.",
        "R&ate:",
        SPEECH_GROUP,
        "Speaking rate",
        range=(50, 500),
        suffix=" words per minute",
    ),
    SettingSpec(
        "volume", 1.0, "Speech volume from 0 to 1.", "Vo&lume:", SPEECH_GROUP, range=(0.0, 1.0), step=0.1
    ),
    SettingSpec(
        "earcons",
        True,
        "Play short sounds for working, done and error.",
        "Play short sounds for working, done and &error",
        SPEECH_GROUP,
    ),
    SettingSpec(
        "model_dir",
        "",
        "Folder of the captioning model; empty for the shipped one.",
        "Model &folder:",
        MODEL_GROUP,
        placeholder="the shipped model",
        describer=True,
    ),
    SettingSpec(
        "runtime",
        "auto",
        "How the captioner runs: auto (an ONNX export on a CPU if there is one, else torch), torch or onnx.",
        "Model r&untime:",
        MODEL_GROUP,
        choices=RUNTIMES,
        describer=True,
    ),
    SettingSpec(
        "device",
        "auto",
        f"Where the model runs: {spoken_list(DEVICES)}.",
        "&Device:",
        MODEL_GROUP,
        choices=DEVICES,
        describer=True,
    ),
    SettingSpec(
        "beam_size",
        3,
        "Beam width of the caption search (1 to 10); larger is slower and a little better.",
        "Beam si&ze:",
        MODEL_GROUP,
        range=(1, 10),
        describer=True,
    ),
    SettingSpec(
        "verbosity",
        "normal",
        f"How much is said: {spoken_list(VERBOSITIES)}.",
        "Verb&osity:",
        MODEL_GROUP,
        choices=VERBOSITIES,
        describer=True,
        aliases=ALIASES["verbosity"],
    ),
    SettingSpec(
        "auto_copy",
        False,
        "Copy each description to the clipboard.",
        "Cop&y each description to the clipboard",
        BEHAVIOUR_GROUP,
    ),
    SettingSpec(
        "start_at_login", False, "Start the assistant when you log in.", "Start at lo&gin", BEHAVIOUR_GROUP
    ),
    SettingSpec(
        "history_on_disk",
        False,
        "Keep the history of descriptions on disk (text only, never screenshots).",
        "Keep history on d&isk (text only)",
        BEHAVIOUR_GROUP,
        "Keep history on disk, text only",
    ),
    SettingSpec(
        "history_size",
        50,
        "How many descriptions the history keeps.",
        "&Number of descriptions kept:",
        BEHAVIOUR_GROUP,
        "History size",
        range=(1, 1000),
    ),
    SettingSpec(
        "pointer_region",
        480,
        "Side of the square described around the pointer, in pixels.",
        "S&quare around the pointer:",
        BEHAVIOUR_GROUP,
        "Size of the square around the pointer",
        range=(64, 4096),
        suffix=" pixels",
    ),
    SettingSpec(
        "debounce_ms",
        120,
        "Quiet time before a burst of triggers is acted on, in milliseconds.",
        range=(0, 2000),
    ),
)

SETTING_BY_NAME: Mapping[str, SettingSpec] = MappingProxyType({s.name: s for s in SETTINGS})
SETTING_GROUPS: tuple[str, ...] = (HOTKEYS_GROUP, SPEECH_GROUP, MODEL_GROUP, BEHAVIOUR_GROUP)


# -- command-line options shared by several sub-commands -------------------------------------------
@dataclass(frozen=True)
class OptionSpec:
    """A command-line option that several sub-commands share, declared once (see assistant.cli.options)."""

    flag: str
    help: str
    choices: tuple[str, ...] = ()
    setting: str = ""  # the setting whose vocabulary and default it shares


OPTIONS: Mapping[str, OptionSpec] = MappingProxyType(
    {
        "model": OptionSpec("--model", "model folder (default: the shipped model)"),
        "device": OptionSpec(
            "--device", f"where the model runs: {spoken_list(DEVICES)} (or cuda:N)", DEVICES, "device"
        ),
        "beam": OptionSpec("--beam", "beam size (1 = greedy)", setting="beam_size"),
        "runtime": OptionSpec(
            "--runtime",
            "captioner runtime: auto uses an ONNX export from `assistant export-onnx` on a CPU, else torch",
            RUNTIMES,
            "runtime",
        ),
        "verbosity": OptionSpec("--verbosity", "how much is said", VERBOSITIES, "verbosity"),
        "speech": OptionSpec("--speech", f"speech backend: {spoken_list(SPEECH_BACKENDS)}", SPEECH_BACKENDS),
    }
)
