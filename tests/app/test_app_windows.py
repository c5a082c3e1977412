"""Offscreen tests of the app's windows and the controller that wires them (pytest-qt)."""

from __future__ import annotations

import pytest
from app_testkit import PixelDescriber, solid_image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAccessible, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from assistant.app.main_window import MainWindow, dropped_payload
from assistant.app.qtimage import pil_to_qimage, qimage_to_pil
from assistant.config import Settings, load_settings

pytestmark = [pytest.mark.gui, pytest.mark.timeout(60)]

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QKeySequenceEdit,
    QListWidget,
    QPlainTextEdit,
)


def unnamed_controls(window: QWidget) -> list[str]:
    """Interactive controls whose accessible name (what a screen reader says) is empty."""
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.parent() is None:
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), QKeySequenceEdit | QAbstractSpinBox | QComboBox
        ):
            continue  # the inner editor of a named compound control
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip():
            label = widget.text() if hasattr(widget, "text") else widget.objectName()
            missing.append(f"{type(widget).__name__}({label})")
    return missing


def drop(widget: QWidget, mime: QMimeData) -> bool:
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_main_window_controls_are_named_and_keyboard_reachable(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert unnamed_controls(window) == []
    keys = mnemonics(window)
    assert len(keys) == len(window.buttons) + 1 and len(keys) == len(set(keys)), keys  # + "Last description"
    # Everything the tray menu offers is a button here too (the tray is not reachable by keyboard).
    from assistant.app.tray import MENU

    assert {name for name in MENU if name is not None} - set(window.buttons) == {"show"}  # shows this window
    assert window.buttons["quit"].accessibleName() == "Quit"
    for button in window.buttons.values():
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    with qtbot.waitSignal(window.command) as sig:
        qtbot.keyClick(window.buttons["describe-window"], Qt.Key.Key_Space)
    assert sig.args == ["describe-window"]


def test_drop_payloads(tmp_path) -> None:
    image_file = tmp_path / "cat picture.png"
    solid_image("red").save(image_file)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image_file))])
    assert dropped_payload(mime) == ("file", str(image_file))
    remote = QMimeData()
    remote.setUrls([QUrl("https://example.org/a.png")])
    assert dropped_payload(remote)[0] == "error"
    raw = QMimeData()
    raw.setImageData(pil_to_qimage(solid_image("green")))
    kind, payload = dropped_payload(raw)
    assert kind == "image"
    assert qimage_to_pil(payload).getpixel((100, 100)) == (30, 180, 60)
    png = QMimeData()
    png.setData("image/png", image_file.read_bytes())
    assert dropped_payload(png)[0] == "image"
    text = QMimeData()
    text.setText("just words")
    assert dropped_payload(text) == ("none", None)


def test_dropped_file_is_described_and_spoken(make_controller, qtbot, tmp_path) -> None:
    controller = make_controller()
    image_file = tmp_path / "holiday.png"
    solid_image("yellow", (200, 100)).save(image_file)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image_file))])
    with qtbot.waitSignal(controller.described, timeout=10_000):
        assert drop(controller.main_window, mime)
    said = [text for text, _ in controller.speech.speaker.said]
    assert said[-2:] == ["A mostly yellow picture, 200 by 100 pixels.", "It is bright overall."]
    assert controller.main_window.result.toPlainText().startswith("A mostly yellow picture")
    assert controller.history.newest_first()[0].source == "holiday.png"


def test_dropped_raw_image_and_bad_drops(make_controller, qtbot) -> None:
    controller = make_controller()
    raw = QMimeData()
    raw.setImageData(pil_to_qimage(solid_image("red", (90, 60))))
    with qtbot.waitSignal(controller.described, timeout=10_000):
        assert drop(controller.main_window, raw)
    assert controller.last_text.startswith("A mostly red picture, 90 by 60 pixels.")
    remote = QMimeData()
    remote.setUrls([QUrl("https://example.org/a.png")])
    drop(controller.main_window, remote)
    assert controller.last_error == "Only files on this computer can be described."


def test_hotkeys_drive_describe_repeat_and_stop(make_controller, qtbot) -> None:
    controller = make_controller()
    speaker = controller.speech.speaker
    hotkeys = controller.hotkeys
    assert hotkeys.active
    ok, message = controller.handle_command("repeat", {})
    assert not ok and message == "Nothing has been described yet."
    with qtbot.waitSignal(controller.described, timeout=10_000):
        assert hotkeys.press("ctrl+alt+shift+s")
    assert (
        controller.last_text == "A mostly blue picture, 640 by 400 pixels. It is bright overall."
        or controller.last_text.startswith("A mostly blue picture, 640 by 400 pixels.")
    )
    # First sentence interrupts, the next one queues behind it.
    assert speaker.said[-2:] == [
        ("A mostly blue picture, 640 by 400 pixels.", True),
        (speaker.said[-1][0], False),
    ]
    hotkeys.press("ctrl+alt+shift+l")
    assert speaker.said[-1] == (controller.last_text, True)
    stops = speaker.stops
    hotkeys.press("ctrl+alt+shift+x")
    assert speaker.stops == stops + 1
    with qtbot.waitSignal(controller.described, timeout=10_000):
        hotkeys.press("ctrl+alt+shift+p")
    assert controller.last_text.startswith("A mostly blue picture, 480 by 400 pixels.")  # clipped at the edge
    hotkeys.press("ctrl+alt+shift+a")
    assert controller.main_window.isVisible()


def test_clipboard_image_and_empty_clipboard(make_controller, qtbot) -> None:
    controller = make_controller()
    QGuiApplication.clipboard().setText("no picture here")
    ok, message = controller.handle_command("clipboard", {})
    assert not ok and message == "There is no image on the clipboard."
    QGuiApplication.clipboard().setImage(pil_to_qimage(solid_image("green", (120, 80))))
    with qtbot.waitSignal(controller.described, timeout=10_000):
        ok, _ = controller.handle_command("clipboard", {})
    assert ok
    assert controller.last_text.startswith("A mostly green picture, 120 by 80 pixels.")
    assert controller.history.newest_first()[0].source == "clipboard image"


def test_missing_and_corrupt_files_are_spoken_errors(make_controller, qtbot, tmp_path) -> None:
    controller = make_controller()
    ok, message = controller.handle_command("describe-file", {"path": str(tmp_path / "nope.png")})
    assert not ok and message == "That file does not exist."
    corrupt = tmp_path / "corrupt.jpg"
    corrupt.write_bytes(b"\xff\xd8\xff\xe0 truncated")
    errors_before = controller.error_count
    controller.handle_command("describe-file", {"path": str(corrupt)})
    qtbot.waitUntil(lambda: controller.error_count > errors_before, timeout=10_000)
    assert controller.speech.speaker.said[-1][0] == controller.last_error
    assert controller.last_error.endswith(".")


def test_auto_copy_puts_the_description_on_the_clipboard(make_controller, qtbot) -> None:
    controller = make_controller(settings=Settings(auto_copy=True))
    with qtbot.waitSignal(controller.described, timeout=10_000):
        controller.handle_command("describe-window", {})
    assert QGuiApplication.clipboard().text() == controller.last_text
    # The active window's area (300 by 200) was described, under its title.
    assert controller.last_text.startswith("A mostly blue picture, 300 by 200 pixels.")
    assert controller.history.newest_first()[0].source == "window Text editor"


def test_history_window_copy_speak_clear(make_controller, qtbot) -> None:
    controller = make_controller(describer=PixelDescriber())
    for _ in range(2):
        with qtbot.waitSignal(controller.described, timeout=10_000):
            controller.handle_command("describe-screen", {})
    controller.show_history()
    window = controller.history_window
    assert window is not None and window.isVisible()
    assert unnamed_controls(window) == []
    assert window.list.count() == 2
    assert "screen: A mostly blue picture" in window.list.item(0).text()
    window.copy_selected()
    assert QGuiApplication.clipboard().text() == controller.last_text
    window.speak_button.click()
    assert controller.speech.speaker.said[-1] == (controller.last_text, True)
    window.clear_button.click()
    assert window.list.count() == 0 and len(controller.history) == 0
    assert not window.copy_button.isEnabled()


def test_history_is_kept_on_disk_only_when_enabled(tmp_path) -> None:
    from assistant.app.history import HistoryStore

    path = tmp_path / "history.json"
    store = HistoryStore(size=3, on_disk=False, path=path)
    store.add("screen", "first")
    assert not path.exists()
    store.configure(3, on_disk=True)
    for text in ("second", "third", "fourth"):
        store.add("file", text)
    assert [e.text for e in HistoryStore(size=3, on_disk=True, path=path)] == ["second", "third", "fourth"]
    store.configure(3, on_disk=False)
    assert not path.exists()
    path.write_text("{broken")
    assert len(HistoryStore(on_disk=True, path=path)) == 0


def mnemonics(window: QWidget) -> list[str]:
    from PySide6.QtWidgets import QLabel

    texts = [w.text() for w in window.findChildren(QLabel)] + [
        w.text() for w in window.findChildren(QAbstractButton)
    ]
    return [t.split("&", 1)[1][0].lower() for t in texts if "&" in t and not t.endswith("&")]


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT_SHIFT = CTRL_SHIFT | Qt.KeyboardModifier.AltModifier


def record_chord(qtbot, field, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:  # type: ignore[no-untyped-def]
    """As a keyboard user does it: focus the field, Enter starts recording, then the chord."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.recording
    qtbot.keyClick(field, key, modifiers)
    assert not field.recording


def test_settings_window_round_trip(make_controller, qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    controller = make_controller()
    controller.show_settings()
    window = controller.settings_window
    assert window is not None
    assert unnamed_controls(window) == []
    keys = mnemonics(window)
    assert len(keys) > 15 and len(keys) == len(set(keys)), sorted(keys)
    fields = window.fields
    fields["start_at_login"].setChecked(True)
    fields["rate"].setValue(240)
    fields["beam_size"].setValue(4)
    fields["verbosity"].setCurrentText("brief")
    fields["history_on_disk"].setChecked(True)
    record_chord(qtbot, window.hotkey_edits["repeat"], Qt.Key.Key_F9, CTRL_SHIFT)
    assert window.conflicts.text() == ""
    # A clash is shown and said; OK stays enabled, and pressing it says why nothing was applied.
    record_chord(qtbot, window.hotkey_edits["stop"], Qt.Key.Key_F9, CTRL_SHIFT)
    assert "already used" in window.conflicts.text()
    said = [text for text, _ in controller.test_speaker.said]
    assert any("already used" in text for text in said), said
    from PySide6.QtWidgets import QDialogButtonBox

    ok_button = window.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok_button.isEnabled()
    ok_button.click()
    assert window.isVisible() and controller.test_speaker.said[-1][0].startswith("Not applied: ")
    assert window.focusWidget() in (window.hotkey_edits["stop"], window.hotkey_edits["repeat"])
    record_chord(qtbot, window.hotkey_edits["stop"], Qt.Key.Key_X, CTRL_ALT_SHIFT)
    ok_button.click()
    saved, warnings = load_settings(controller.settings_dir)
    assert warnings == []
    assert (saved.rate, saved.beam_size, saved.verbosity, saved.history_on_disk) == (240, 4, "brief", True)
    assert saved.hotkeys["repeat"] == "ctrl+shift+f9"
    assert (tmp_path / "xdg" / "autostart" / "assistant.desktop").is_file()
    assert controller.settings == saved
    # The new chord is live, and the tray menu shows it.
    assert controller.hotkeys.press("ctrl+shift+f9")
    assert "Ctrl+Shift+F9" in controller.tray.actions["repeat"].text()
    # Reopening shows what was saved; Restore defaults resets the controls.
    controller.show_settings()
    assert fields["rate"].value() == 240
    window.restore_defaults()
    assert window.current_settings().rate == Settings().rate


def test_tray_menu_is_complete_and_keyboard_usable(make_controller) -> None:
    controller = make_controller()
    menu = controller.tray.menu
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Describe screen",
        "Describe active window",
        "Describe around pointer",
        "Read clipboard image",
        "Open image…",
        "Open main window",
        "Repeat last",
        "Stop speaking",
        "Next part",
        "Previous part",
        "Repeat this part",
        "Continue reading",
        "Next window",
        "Previous window",
        "Explore and go to text",
        "Find text on screen…",
        "History",
        "Settings",
        "Help: say the keys",
        "Quit",
    ]
    mnemonics = [a.text().split("&")[1][0].lower() for a in menu.actions() if not a.isSeparator()]
    assert len(set(mnemonics)) == len(mnemonics)
    assert controller.tray.actions["describe-screen"].text().endswith("\tCtrl+Alt+Shift+S")
    assert menu.accessibleName() == "Assistant menu"
    assert controller.tray.icon.toolTip().startswith("Assistant")


def test_qt_calls_do_not_leak_references_to_none(qtbot) -> None:
    """PySide6 6.12.0 on Python 3.11 decremented None's refcount on every void call and crashed the
    app after a few hundred triggers; pyproject excludes it. This guards against such a build."""
    import sys

    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("x")
        label.setEnabled(True)
    assert sys.getrefcount(None) >= before_none - 50
    assert sys.getrefcount(True) >= before_true - 50


def test_settings_warnings_at_start_are_spoken(make_controller, qtbot, tmp_path) -> None:
    from assistant.app.controller import AppController
    from assistant.config import load_settings, settings_path
    from assistant.hotkeys import FakeHotkeySource

    directory = tmp_path / "broken"
    settings_path(directory).parent.mkdir(parents=True)
    settings_path(directory).write_text("{this is not json")
    settings, warnings = load_settings(directory)
    from app_testkit import RecordingSpeaker

    speaker = RecordingSpeaker()
    controller = AppController(
        settings,
        directory,
        speaker=speaker,
        describer_factory=PixelDescriber,
        hotkey_source=FakeHotkeySource(),
        startup_warnings=warnings,
    )
    try:
        assert controller.start()
        qtbot.waitUntil(lambda: bool(speaker.said), timeout=5000)
        first = speaker.said[0][0]
        assert first.startswith("The settings file could not be"), first
        assert first.endswith("so defaults are used."), first
        assert controller.settings == Settings()
    finally:
        controller.shutdown()
