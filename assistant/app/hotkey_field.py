"""A hotkey field for the Settings dialog that never traps the keyboard.

Qt's ``QKeySequenceEdit`` records every key the moment it has the focus: Escape, Enter, Tab and
Alt+letter became chords ("Esc", "Alt+O", "Return") and the dialog could not be closed or left with
the keyboard. This field is a button that shows the chord and records a new one only after the
user presses Enter or Space on it (or clicks it); otherwise every key keeps its normal meaning (Tab moves on,
Escape closes the dialog, Alt+letter jumps to a control). While recording, Escape or Tab cancels.
The current chord is part of the field's accessible name, so a screen reader says it on focus. (It was a
read-only line edit first: under Orca 43 that read "Ctrl+Alt+Shift+" without its last key, and its
focus announcement went missing; a button's name is read whole.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QPushButton, QWidget

from assistant.hotkeys.chords import ChordError, parse_chord

RECORD_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
MODIFIER_KEYS = (Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Shift, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)
CHORD_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
HINT = "Press Enter or Space to record a new chord, Delete to remove it."


def chord_label(chord: str) -> str:
    """``ctrl+alt+shift+s`` as shown and spoken: ``Ctrl+Alt+Shift+S`` (empty for none or a bad one)."""
    if not chord:
        return ""
    try:
        return parse_chord(chord).label()
    except ChordError:
        return ""


def chord_from_key_event(event: QKeyEvent) -> str | None:
    """The chord a key press makes (``ctrl+alt+shift+s``), or None when it is not one this app binds.

    A global hotkey needs Ctrl, Alt or Super (Shift alone would steal typing), or is a function key.
    """
    key = Qt.Key(event.key())
    if key in MODIFIER_KEYS or key == Qt.Key.Key_unknown:
        return None
    modifiers = event.modifiers() & (CHORD_MODIFIERS | Qt.KeyboardModifier.ShiftModifier)
    function_key = Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F24.value
    if not (modifiers & CHORD_MODIFIERS) and not function_key:
        return None
    text = QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
    try:
        return str(parse_chord(text.replace("Meta", "Super")))
    except ChordError:
        return None


class HotkeyField(QPushButton):
    """Shows one action's chord; Enter or Space starts recording a new one (see the module doc)."""

    chord_changed = Signal(str)

    def __init__(
        self, action_label: str, chord: str, say: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAutoDefault(False)  # Enter starts recording here; it never presses the dialog's OK
        self._action = action_label
        self._say = say
        self._chord = ""
        self.recording = False
        self.setAccessibleDescription(HINT)
        self.setToolTip(HINT)
        self.set_chord(chord)

    @property
    def chord(self) -> str:
        return self._chord

    def set_chord(self, chord: str) -> None:
        """Show ``chord`` (canonical text; empty for none) and name it for screen readers."""
        self._chord = chord
        label = chord_label(chord) or "none"
        self.setText(label)
        self.setAccessibleName(f"Hotkey for {self._action}: {label}")

    def start_recording(self) -> None:
        if self.recording:
            return
        self.recording = True
        self.setText("Press the new chord; Escape cancels")
        self.setAccessibleName(f"Hotkey for {self._action}: recording, press the new chord or Escape")
        self._say(f"Recording the hotkey for {self._action}. Press the new chord, or Escape to cancel.")

    def _stop_recording(self, message: str) -> None:
        self.recording = False
        self.set_chord(self._chord)
        self._say(message)

    # Qt asks a focused widget first whether it wants a key that is also a shortcut (Alt+letter
    # mnemonics, the dialog's Escape). Only while recording does this field take such keys.
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.recording:
            event.accept()
            return True
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self.recording:
            self._stop_recording(f"Hotkey for {self._action} unchanged.")
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.recording:
            self._record(event)
            return
        key = Qt.Key(event.key())
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if event.isAutoRepeat() and key in RECORD_KEYS:
            return
        if key in RECORD_KEYS and plain:
            self.start_recording()
        elif key in CLEAR_KEYS and plain:
            self._set_and_tell("")
        else:
            event.ignore()  # not ours: the dialog (Escape) and mnemonics keep their meaning

    # Not ``clicked``: the label's mnemonic (Alt+S) "clicks" its buddy button, and a mnemonic must only
    # move the focus here (under Orca, Alt+S then Alt+O recorded "Alt+O"). A mouse click records.
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        super().mouseReleaseEvent(event)
        if inside and event.button() == Qt.MouseButton.LeftButton:
            self.start_recording()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if Qt.Key(event.key()) in RECORD_KEYS:
            return  # a button clicks on Space's release; here the press already started recording
        super().keyReleaseEvent(event)

    def _record(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Escape and not event.modifiers():
            self._stop_recording(f"Cancelled. Hotkey for {self._action} unchanged.")
            return
        if key in MODIFIER_KEYS:
            return  # wait for the key that completes the chord
        chord = chord_from_key_event(event)
        if chord is None:
            self._say("A hotkey needs Ctrl, Alt or Super with a key, or a function key. Try again.")
            return
        self.recording = False
        self._set_and_tell(chord)

    def _set_and_tell(self, chord: str) -> None:
        self.set_chord(chord)
        self._say(f"Hotkey for {self._action}: {chord_label(chord) or 'none'}.")
        self.chord_changed.emit(chord)
