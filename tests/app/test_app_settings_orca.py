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

pytestmark = [pytest.mark.timeout(300)]

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
