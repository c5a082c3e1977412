"""A blind user's first minutes, by keyboard (issue #17): Settings never traps the keyboard, every
change is said, the first start says the main keys once, and the main window has everything the
tray menu has (Quit included). Real widgets offscreen, real key events through Qt's shortcut map."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_testkit import PixelDescriber, RecordingSpeaker
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from assistant.app.hotkey_field import HotkeyField
from assistant.config import Settings

pytestmark = [pytest.mark.gui, pytest.mark.timeout(60)]

ALT = Qt.KeyboardModifier.AltModifier
CTRL_ALT_SHIFT = Qt.KeyboardModifier.ControlModifier | ALT | Qt.KeyboardModifier.ShiftModifier


def said(controller) -> list[str]:  # type: ignore[no-untyped-def]
    return [text for text, _ in controller.test_speaker.said]


def open_settings(controller, qtbot):  # type: ignore[no-untyped-def]
    controller.show_settings()
    window = controller.settings_window
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    return window


def accessible_name(widget) -> str:  # type: ignore[no-untyped-def]
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def test_hotkey_field_keeps_tab_escape_enter_and_alt_letters_for_their_usual_jobs(
    make_controller, qtbot
) -> None:
    controller = make_controller()
    window = open_settings(controller, qtbot)
    field: HotkeyField = window.hotkey_edits["repeat"]
    before = window.hotkeys()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    # Alt+O is Verbosity's mnemonic: it moves the focus there instead of becoming a chord.
    qtbot.keyClick(field, Qt.Key.Key_O, ALT)
    assert window.focusWidget() is window.fields["verbosity"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus()
    assert window.hotkeys() == before and not field.recording
    # Escape closes the dialog, from a hotkey field too.
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert window.hotkeys() == before


def test_a_chord_is_recorded_only_after_enter_or_space_and_escape_cancels(make_controller, qtbot) -> None:
    controller = make_controller()
    window = open_settings(controller, qtbot)
    field: HotkeyField = window.hotkey_edits["repeat"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Space)
    assert field.recording and said(controller)[-1].startswith("Recording the hotkey for Repeat last")
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # cancels recording; the dialog stays
    assert not field.recording and window.isVisible() and field.chord == "ctrl+alt+shift+l"
    assert said(controller)[-1] == "Cancelled. Hotkey for Repeat last unchanged."
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_Q)  # a plain letter would steal typing: refused, still recording
    assert field.recording and "needs Ctrl, Alt or Super" in said(controller)[-1]
    qtbot.keyClick(field, Qt.Key.Key_K, CTRL_ALT_SHIFT)
    assert not field.recording and field.chord == "ctrl+alt+shift+k"
    assert said(controller)[-1] == "Hotkey for Repeat last: Ctrl+Alt+Shift+K."
    # The current chord is what a screen reader says for the field.
    assert accessible_name(field) == "Hotkey for Repeat last: Ctrl+Alt+Shift+K"
    assert accessible_name(window.hotkey_edits["stop"]) == "Hotkey for Stop speaking: Ctrl+Alt+Shift+X"
    # Delete removes it (no hotkey for this action), and says so.
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.chord == "" and said(controller)[-1] == "Hotkey for Repeat last: none."


def test_reopening_settings_does_not_land_in_a_hotkey_field(make_controller, qtbot) -> None:
    controller = make_controller()
    window = open_settings(controller, qtbot)
    assert not isinstance(window.focusWidget(), HotkeyField)
    window.hotkey_edits["describe-screen"].setFocus()
    window.reject()
    window = open_settings(controller, qtbot)
    qtbot.waitUntil(lambda: window.focusWidget() is not None, timeout=2000)
    assert not isinstance(window.focusWidget(), HotkeyField), window.focusWidget()


def test_changing_a_combo_box_is_said(make_controller, qtbot) -> None:
    controller = make_controller()
    window = open_settings(controller, qtbot)
    combo: QComboBox = window.fields["verbosity"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "detailed"
    assert said(controller)[-1] == "Verbosity: detailed"
    count = len(said(controller))
    window.load(Settings())  # loading shows values; it is not a change to announce
    assert len(said(controller)) == count


def test_ok_is_never_disabled_and_says_why_it_did_not_apply(make_controller, qtbot) -> None:
    controller = make_controller()
    window = open_settings(controller, qtbot)
    window.hotkey_edits["stop"].set_chord("ctrl+alt+shift+l")  # the same as Repeat last
    ok = window.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    ok.click()
    assert window.isVisible()
    assert said(controller)[-1].startswith("Not applied: ") and "already used" in said(controller)[-1]
    assert controller.settings.hotkeys["stop"] == "ctrl+alt+shift+x"


def test_first_start_says_the_main_keys_once(qapp, qtbot, tmp_path: Path) -> None:
    from assistant.app.controller import WELCOME_DELAY_MS, AppController
    from assistant.app.welcome import is_first_start
    from assistant.hotkeys import FakeHotkeySource

    directory = tmp_path / "fresh"

    def start() -> tuple[AppController, RecordingSpeaker]:
        speaker = RecordingSpeaker()
        controller = AppController(
            Settings(),
            directory,
            speaker=speaker,
            describer_factory=PixelDescriber,
            hotkey_source=FakeHotkeySource(),
            welcome=is_first_start(directory),  # what run_app passes
        )
        assert controller.start()
        return controller, speaker

    first, speaker = start()
    try:
        # The welcome waits WELCOME_DELAY_MS when the window is shown at start (no tray offscreen); the
        # rest is slack for a loaded CI machine.
        qtbot.waitUntil(lambda: bool(speaker.said), timeout=WELCOME_DELAY_MS + 10_000)
        text = speaker.said[0][0]
        assert text.startswith("Assistant is running.")
        assert "Ctrl+Alt+Shift+S" in text and "Ctrl+Alt+Shift+A" in text and "Quit" in text
    finally:
        first.shutdown()
    second, speaker = start()
    try:
        qtbot.wait(300)
        assert not any(t.startswith("Assistant is running.") for t, _ in speaker.said)
        # The keys can be heard again at any time: "Help: say the keys" (a button, a menu entry, a command).
        assert second.handle_command("help", {}) == (True, "The keys were said.")
        assert "Ctrl+Alt+Shift+S" in speaker.said[-1][0]
    finally:
        second.shutdown()


def test_quit_is_a_button_of_the_main_window(make_controller, qtbot) -> None:
    controller = make_controller()
    button = controller.main_window.buttons["quit"]
    quits: list[str] = []
    controller.main_window.command.disconnect(controller.run_command)  # keep the test's app running
    controller.main_window.command.connect(quits.append)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert quits == ["quit"]


def test_the_tray_menu_opens_from_the_main_window_by_keyboard(make_controller, qtbot) -> None:
    controller = make_controller()
    window = controller.main_window
    window.show_and_focus()
    qtbot.waitExposed(window)
    button = window.buttons["describe-screen"]
    for key, modifiers in (
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ):
        qtbot.keyClick(button, key, modifiers)
        qtbot.waitUntil(controller.tray.menu.isVisible, timeout=2000)
        controller.tray.menu.hide()


def test_a_label_mnemonic_only_focuses_the_hotkey_field(make_controller, qtbot) -> None:
    """Alt+S (the label "Describe &screen:") moves to the field; it must not start recording, or the
    next Alt+letter would become the chord (found under the real Orca: Alt+S then Alt+O bound Alt+O)."""
    controller = make_controller()
    window = open_settings(controller, qtbot)
    field: HotkeyField = window.hotkey_edits["describe-screen"]
    start = window.focusWidget()
    qtbot.keyClick(start, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    qtbot.wait(100)  # a label's mnemonic clicks a button buddy with an animation
    assert not field.recording
    qtbot.keyClick(field, Qt.Key.Key_O, ALT)
    assert window.focusWidget() is window.fields["verbosity"] and field.chord == "ctrl+alt+shift+s"
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)  # a click records, as Enter and Space do
    assert field.recording


def test_every_catalog_command_has_a_handler(make_controller, qtbot) -> None:
    """The command table is the one list: menu, buttons, hotkeys and IPC all end in handle_command."""
    from assistant.app.parts import PART_COMMANDS
    from assistant.catalog import COMMANDS, EXPLORE_COMMANDS

    controller = make_controller()
    handlers = controller._handlers()
    for command in COMMANDS:
        if command.name in ("open", "quit"):  # a modal file dialog; leaving the test's application
            assert command.name in handlers
            continue
        ok, message = controller.handle_command(command.name, {"path": ""})
        assert not message.startswith("Unknown command"), command.name
        needs = ("describe-file", "repeat", "clipboard", *PART_COMMANDS, *EXPLORE_COMMANDS)
        assert ok or command.name in needs, (command.name, message)  # a path, an image or a description
    assert controller.handle_command("no-such-command", {}) == (False, "Unknown command no-such-command.")
    for window in (controller.history_window, controller.settings_window):
        if window is not None:
            window.hide()
