"""Settings walked by keyboard under the real Orca 43 (issue #17): Escape closes it, no chord is
recorded without Enter or Space, and each control's name, value and change is spoken.

The dialog runs alone (tests/app/orca_settings_app.py) inside the orca-probe harness, which starts
a private X server, AT-SPI bus, speech-dispatcher and Orca and presses real keys with xdotool. What
Orca said comes from its debug log; what the assistant itself said (its own speech route) from
speech-dispatcher's log and the app's SAID lines.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from assistant.catalog import DEFAULT_HOTKEYS
from tests.support.orca_probe import (
    KeyAction,
    ProbeOptions,
    ProbeResult,
    ProbeStep,
    missing_requirements,
    run_steps,
    steps_of_selected_tests,
)

pytestmark = [pytest.mark.orca, pytest.mark.x11, pytest.mark.atspi, pytest.mark.timeout(300)]

APP = Path(__file__).resolve().parent / "orca_settings_app.py"
# Keys wait for Orca (``heard``: it has spoken since the key before and then been quiet that long) as a
# listening user does, instead of fixed times that must allow for the slowest moment of a loaded
# machine; a key Orca says nothing to waits a fixed ``gap``. Each step ends once Orca has been quiet
# ``quiet`` s after its last key, or after ``wait`` s at most.
HEARD = 0.3  # Orca says a control in one burst (its lines within 0.1 s: measured on the whole walk)
KEYS = [
    KeyAction(0.0, "key", "alt+s", heard=1.0),  # the Describe screen hotkey field, by its label's mnemonic
    # Verbosity: with Qt's QKeySequenceEdit this became the chord Alt+O
    KeyAction(0.0, "key", "alt+o", heard=HEARD),
    KeyAction(0.0, "key", "Down", heard=HEARD),  # normal -> detailed
    KeyAction(0.0, "key", "alt+s", gap=2.0),  # Orca says nothing on Down; the assistant says it
    KeyAction(0.0, "key", "Return", heard=HEARD),  # starts recording
    KeyAction(0.0, "key", "ctrl+alt+shift+k", heard=HEARD),
    KeyAction(0.0, "key", "Escape", heard=HEARD),  # closes the dialog
]


def app_lines(log: str, kind: str) -> list[list[str]]:
    return [line.split("\t")[2:] for line in log.splitlines() if line.startswith(f"@{kind}\t")]


def _tab_walk() -> list[KeyAction]:
    """Tab through the whole dialog, then change a spin box, a check box and a combo box."""
    # Orca 43 drops a focus event it dequeues after the focus has moved on (at 0.6 s a Tab it once
    # skipped a check box): each Tab waits until Orca has said the control it reached.
    tabs = 38  # every control, the six hotkeys for a description's parts included
    keys = [KeyAction(0.0, "key", "Tab", heard=HEARD) for _ in range(tabs)]
    keys += [KeyAction(0.0, "key", key, heard=HEARD) for key in ("alt+a", "Up")]  # Rate: 175 -> 176
    keys += [KeyAction(0.0, "key", "alt+y", heard=HEARD)]  # a check box's mnemonic toggles it: Copy on
    keys += [KeyAction(0.0, "key", key, heard=HEARD) for key in ("alt+d", "Down")]  # Device: cpu
    return keys


def _steps(base: Path) -> dict[str, list[ProbeStep]]:
    """Each test's commands, run under one shared Orca (the harness's start and end, ~10 s, once)."""
    welcome = {"ASSISTANT_CONFIG_DIR": str(base / "config"), "ASSISTANT_DATA_DIR": str(base / "data")}
    dialog = [sys.executable, str(APP), "60"]  # 60 s at most: it is ended once Orca has gone quiet
    app = [sys.executable, "-m", "assistant", "run"]
    # The welcome comes WELCOME_DELAY_MS (2.5 s) after Orca read the window that opens at start; a
    # run ends once Orca has said nothing for 5 s, so a second start's welcome would have been heard.
    return {
        "test_settings_by_keyboard_under_orca": [ProbeStep("keyboard", dialog, KEYS, wait=40, quiet=1.5)],
        "test_first_start_welcome_is_heard_once_under_orca": [
            ProbeStep(run, app, env=welcome, wait=12, quiet=5.0) for run in ("first", "second")
        ],
        "test_every_settings_control_is_named_with_its_value_under_orca": [
            ProbeStep("controls", dialog, _tab_walk(), wait=90, quiet=1.5)
        ],
    }


@pytest.fixture(scope="module")
def orca_runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, ProbeResult]:
    """The steps of this module's selected tests, one after the other under one real Orca."""
    base = tmp_path_factory.mktemp("orca-settings")
    steps = steps_of_selected_tests(request, _steps(base))
    # Keys (xdotool) only where a selected test sends some: the welcome test sends none.
    missing = missing_requirements(keys=any(step.keys for step in steps))
    if missing:
        pytest.skip("needs " + ", ".join(missing))
    env = {
        "ASSISTANT_CONFIG_DIR": str(base / "dialog-config"),
        "ASSISTANT_DATA_DIR": str(base / "dialog-data"),
    }
    if "ASSISTANT_CACHE_DIR" not in os.environ:
        env["ASSISTANT_CACHE_DIR"] = str(base / "cache")
    return run_steps(steps, ProbeOptions(), env=env, out_dir=base / "orca")


def test_settings_by_keyboard_under_orca(orca_runs: dict[str, ProbeResult]) -> None:
    result = orca_runs["keyboard"]
    log = result.app_log()
    assert len(result.keys) == len(KEYS), result.keys
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


def test_first_start_welcome_is_heard_once_under_orca(orca_runs: dict[str, ProbeResult]) -> None:
    """The real app, started twice with one config folder under Orca 43: the welcome is handed to
    speech (the assistant's own route beside Orca) on the first start only."""
    welcomes = []
    for run in ("first", "second"):
        mine = orca_runs[run].messages_of("assistant")
        welcomes.append([m for m in mine if m.text.startswith("Assistant is running.")])
    assert len(welcomes[0]) == 1, welcomes
    (welcome,) = welcomes[0]
    assert "Ctrl+Alt+Shift+S" in welcome.text and "Ctrl+Alt+Shift+A" in welcome.text
    # Not cut off by Orca reading the window that opens at start (there is no tray here).
    assert welcome.spoken_to_end, welcome
    assert welcomes[1] == [], welcomes


def test_every_settings_control_is_named_with_its_value_under_orca(orca_runs: dict[str, ProbeResult]) -> None:
    """Tab through the whole dialog under Orca 43: each control's name and value is spoken, and a
    spin box, a check box and a combo box changed on the way are said with their new value."""
    from assistant.catalog import COMMAND_BY_NAME, HOTKEY_ACTIONS, SETTINGS

    result = orca_runs["controls"]
    assert len(result.keys) == len(_tab_walk()), result.keys
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
    # Alt+Y moves the focus to the check box and toggles it: Orca says the focus ("... check box not
    # checked.") and then the change ("checked"), or, when the toggle reaches it before the focus
    # does, the focus alone with the new state ("... check box checked."; CI once heard no lone
    # "checked"). Either way the last state the user hears is the new one.
    states = [
        text
        for text in result.spoken_texts()
        if text in ("checked", "not checked")
        or text.endswith(("check box checked.", "check box not checked."))
    ]
    assert states and (states[-1] == "checked" or states[-1].endswith(" check box checked.")), (
        states,
        result.spoken_texts(),
    )
    assert "Device: cpu" in said, said
