"""Settings walked by keyboard under the real Orca 43 (issue #17): Escape closes it, no chord is
recorded without Enter or Space, and each control's name, value and change is spoken.

The dialog runs alone (tests/app/orca_settings_app.py) inside the orca-probe harness, which starts
a private X server, AT-SPI bus, speech-dispatcher and Orca and presses real keys with xdotool. What
Orca said comes from its debug log; what the assistant itself said (its own speech route) from
speech-dispatcher's log and the app's SAID lines.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from assistant.catalog import DEFAULT_HOTKEYS
from tests.support.orca_probe import KeyAction, ProbeOptions, missing_requirements, run_probe

pytestmark = [pytest.mark.orca, pytest.mark.x11, pytest.mark.atspi, pytest.mark.timeout(300)]

APP = Path(__file__).resolve().parent / "orca_settings_app.py"
WAIT = 20.0
KEYS = [
    KeyAction(4.0, "key", "alt+s"),  # the Describe screen hotkey field, by its label's mnemonic
    KeyAction(6.0, "key", "alt+o"),  # Verbosity: with Qt's QKeySequenceEdit this became the chord Alt+O
    KeyAction(8.0, "key", "Down"),  # normal -> detailed
    KeyAction(10.0, "key", "alt+s"),
    KeyAction(11.5, "key", "Return"),  # starts recording
    KeyAction(13.5, "key", "ctrl+alt+shift+k"),
    KeyAction(15.5, "key", "Escape"),  # closes the dialog
]


def app_lines(log: str, kind: str) -> list[list[str]]:
    return [line.split("\t")[2:] for line in log.splitlines() if line.startswith(f"@{kind}\t")]


def test_settings_by_keyboard_under_orca(tmp_path: Path) -> None:
    missing = missing_requirements(keys=True)
    if missing:
        pytest.skip("needs " + ", ".join(missing))
    result = run_probe(
        [sys.executable, str(APP), str(WAIT - 2)],
        ProbeOptions(wait=WAIT),
        keys=KEYS,
        out_dir=tmp_path / "orca",
    )
    log = result.app_log()
    assert all(k.returncode == 0 for k in result.keys), result.keys
    (outcome,) = app_lines(log, "RESULT")
    state = json.loads(outcome[0])
    # Escape closed the dialog; Alt+S, Alt+O, Return and Escape were never taken as chords; the one
    # chord pressed after Enter was.
    assert state["closed"] == "rejected" and not state["visible"], state
    assert state["hotkeys"] == {**DEFAULT_HOTKEYS, "describe-screen": "ctrl+alt+shift+k"}, state
    focus = [name for _cls, name in app_lines(log, "FOCUS")]
    assert "Verbosity" in focus, focus
    orca = result.spoken_texts()
    spoken = " ".join(orca)
    # Orca says each control's name and value: the hotkey field with its current chord (in its name),
    # the combo box with its value.
    assert "Hotkey for Describe screen: Ctrl+Alt+Shift+S push button." in spoken, orca
    assert "Verbosity: combo box." in orca and "normal." in orca, orca
    # Every change is said. Orca 43 says nothing when Down changes a closed combo box; the assistant
    # says it, through its own route, to the end.
    said = [text for (text,) in app_lines(log, "SAID")]
    assert "Verbosity: detailed" in said, said
    mine = {m.text: m for m in result.messages_of("assistant")}
    assert mine["Verbosity: detailed"].spoken_to_end, result.messages
    # Recording and the new chord: the assistant says them, and Orca reads the field's new name (the
    # user's own key presses may cut the assistant's sentence; the name change still tells them).
    assert "Hotkey for Describe screen: Ctrl+Alt+Shift+K." in said, said
    assert "Hotkey for Describe screen: recording, press the new chord or Escape" in orca, orca
    assert "Hotkey for Describe screen: Ctrl+Alt+Shift+K" in orca, orca


def test_first_start_welcome_is_heard_once_under_orca(tmp_path: Path) -> None:
    """The real app, started twice with one config folder under Orca 43: the welcome is handed to
    speech (the assistant's own route beside Orca) on the first start only."""
    missing = missing_requirements()
    if missing:
        pytest.skip("needs " + ", ".join(missing))
    env = {"ASSISTANT_CONFIG_DIR": str(tmp_path / "config"), "ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    welcomes = []
    for run in ("first", "second"):
        result = run_probe(
            [sys.executable, "-m", "assistant", "run"], ProbeOptions(wait=10), env=env, out_dir=tmp_path / run
        )
        mine = result.messages_of("assistant")
        welcomes.append([m for m in mine if m.text.startswith("Assistant is running.")])
    assert len(welcomes[0]) == 1, welcomes
    (welcome,) = welcomes[0]
    assert "Ctrl+Alt+Shift+S" in welcome.text and "Ctrl+Alt+Shift+A" in welcome.text
    # Not cut off by Orca reading the window that opens at start (there is no tray here).
    assert welcome.spoken_to_end, welcome
    assert welcomes[1] == [], welcomes


def test_every_settings_control_is_named_with_its_value_under_orca(tmp_path: Path) -> None:
    """Tab through the whole dialog under Orca 43: each control's name and value is spoken, and a
    spin box, a check box and a combo box changed on the way are said with their new value."""
    missing = missing_requirements(keys=True)
    if missing:
        pytest.skip("needs " + ", ".join(missing))
    from assistant.catalog import COMMAND_BY_NAME, HOTKEY_ACTIONS, SETTINGS

    # Orca 43 drops a focus event it dequeues after the focus has moved on: at 0.6 s a Tab it once
    # skipped a check box, so each control gets 0.9 s, as a listening user gives it.
    tabs, step = 38, 0.9  # every control, the six hotkeys for a description's parts included
    keys = [KeyAction(4.0 + step * i, "key", "Tab") for i in range(tabs)]
    end = 4.0 + step * tabs
    keys += [KeyAction(end + 0.5, "key", "alt+a"), KeyAction(end + 1.5, "key", "Up")]  # Rate: 175 -> 176
    keys += [KeyAction(end + 2.5, "key", "alt+y")]  # a check box's mnemonic toggles it: Copy on
    keys += [KeyAction(end + 3.5, "key", "alt+d"), KeyAction(end + 4.5, "key", "Down")]  # Device: cpu
    wait = end + 8.0
    result = run_probe(
        [sys.executable, str(APP), str(wait - 1.5)],
        ProbeOptions(wait=wait),
        keys=keys,
        out_dir=tmp_path / "orca",
    )
    assert all(k.returncode == 0 for k in result.keys), result.keys
    spoken = " ".join(result.spoken_texts())
    said = [text for (text,) in app_lines(result.app_log(), "SAID")]
    for action in HOTKEY_ACTIONS:
        chord = next(c.hotkey for c in [COMMAND_BY_NAME[action]])
        assert f"Hotkey for {COMMAND_BY_NAME[action].plain_label}: " in spoken, (
            action,
            result.spoken_texts(),
        )
        assert chord is not None
    missing_names = [
        spec.name
        for spec in SETTINGS
        if spec.label
        and spec.name != "hotkeys"
        and spec.label.replace("&", "").rstrip(":") not in spoken
        and spec.name_for_screen_reader not in spoken
    ]
    assert missing_names == [], (missing_names, result.spoken_texts())
    for value in ("auto.", "175", "1.00", "normal.", "3"):
        assert value in spoken, (value, result.spoken_texts())
    for button in ("OK", "Cancel", "Apply", "Restore Defaults"):
        assert f"{button} push button" in spoken, (button, result.spoken_texts())
    # The changes: Orca reads the spin box's and check box's new state; the combo box the assistant says.
    assert "176 words per minute" in result.spoken_texts(), result.spoken_texts()
    assert "checked" in result.spoken_texts(), result.spoken_texts()
    assert "Device: cpu" in said, said
