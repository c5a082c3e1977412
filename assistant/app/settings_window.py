"""The settings dialog: hotkeys (with conflict detection), speech, model, behaviour.

It edits a copy of :class:`~assistant.config.Settings`; *OK* / *Apply* emit ``applied`` with
the new settings, which the controller saves and puts into effect.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.config import (
    DEVICES,
    FIELD_HELP,
    HOTKEY_ACTIONS,
    HOTKEY_BACKENDS,
    SPEECH_BACKENDS,
    VERBOSITIES,
    Settings,
)
from assistant.hotkeys.chords import ChordError, find_conflicts, parse_chord

ACTION_LABELS = {
    "describe-screen": "Describe &screen",
    "describe-window": "Describe active &window",
    "describe-pointer": "Describe around &pointer",
    "clipboard": "Read &clipboard image",
    "repeat": "&Repeat last",
    "stop": "S&top speaking",
    "show": "Open &main window",
}


def chord_to_sequence(chord: str) -> QKeySequence:
    if not chord:
        return QKeySequence()
    try:
        label = parse_chord(chord).label().replace("Super", "Meta")
    except ChordError:
        return QKeySequence()
    return QKeySequence.fromString(label, QKeySequence.SequenceFormat.PortableText)


def sequence_to_chord(sequence: QKeySequence) -> str:
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    if not text:
        return ""
    try:
        return str(parse_chord(text.split(",")[0]))
    except ChordError:
        return text.lower()


def _combo(items: tuple[str, ...], current: str, name: str) -> QComboBox:
    box = QComboBox()
    box.addItems(list(items))
    box.setCurrentText(current)
    box.setAccessibleName(name)
    box.view().setAccessibleName(f"{name} choices")  # the popup list a screen reader enters
    return box


class SettingsWindow(QDialog):
    applied = Signal(object)  # Settings

    def __init__(
        self, settings: Settings, speech_backend_in_use: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setAccessibleName("Assistant settings")
        self.resize(560, 640)
        self._base = settings.copy()
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName("Settings")
        for bar in (scroll.verticalScrollBar(), scroll.horizontalScrollBar()):
            bar.setAccessibleName("Scroll the settings")
        body = QWidget()
        scroll.setWidget(body)
        form_box = QVBoxLayout(body)
        outer.addWidget(scroll, 1)

        # Hotkeys
        hotkeys = QGroupBox("Global hotkeys", body)
        hotkeys.setAccessibleName("Global hotkeys")
        hk_form = QFormLayout(hotkeys)
        self.hotkey_edits: dict[str, QKeySequenceEdit] = {}
        for action in HOTKEY_ACTIONS:
            edit = QKeySequenceEdit(chord_to_sequence(settings.hotkeys.get(action, "")), hotkeys)
            edit.setMaximumSequenceLength(1)
            edit.setClearButtonEnabled(True)
            name = ACTION_LABELS[action].replace("&", "")
            edit.setAccessibleName(f"Hotkey for {name}")
            edit.setAccessibleDescription(
                "Press the key chord to use; Backspace or the clear button removes it."
            )
            edit.keySequenceChanged.connect(lambda _seq: self._check_conflicts())
            for clear in edit.findChildren(QToolButton):  # the line edit's clear button
                clear.setAccessibleName(f"Clear the hotkey for {name}")
            for inner in edit.findChildren(QLineEdit):  # focus lands here, not on the outer widget
                inner.setAccessibleName(f"Hotkey for {name}")
                inner.setAccessibleDescription(edit.accessibleDescription())
            label = QLabel(ACTION_LABELS[action] + ":", hotkeys)
            label.setBuddy(edit)
            hk_form.addRow(label, edit)
            self.hotkey_edits[action] = edit
        self.hotkey_backend = _combo(HOTKEY_BACKENDS, settings.hotkey_backend, "Hotkey backend")
        self.hotkey_backend.setToolTip(FIELD_HELP["hotkey_backend"])
        hk_form.addRow(self._buddy("&Hotkey backend:", self.hotkey_backend), self.hotkey_backend)
        self.conflicts = QLabel("", hotkeys)
        self.conflicts.setWordWrap(True)
        self.conflicts.setAccessibleName("Hotkey problems")
        self.conflicts.setStyleSheet("color: #a00000;")
        hk_form.addRow(self.conflicts)
        form_box.addWidget(hotkeys)

        # Speech
        speech = QGroupBox("Speech", body)
        speech.setAccessibleName("Speech")
        sp_form = QFormLayout(speech)
        self.speech_backend = _combo(SPEECH_BACKENDS, settings.speech_backend, "Speech backend")
        self.speech_backend.setToolTip(FIELD_HELP["speech_backend"])
        sp_form.addRow(self._buddy("Speech bac&kend:", self.speech_backend), self.speech_backend)
        self.in_use = QLabel(f"In use now: {speech_backend_in_use or 'unknown'}", speech)
        self.in_use.setAccessibleName(self.in_use.text())
        sp_form.addRow(self.in_use)
        self.voice = QLineEdit(settings.voice, speech)
        self.voice.setAccessibleName("Voice")
        self.voice.setPlaceholderText("default voice")
        sp_form.addRow(self._buddy("&Voice:", self.voice), self.voice)
        self.rate = QSpinBox(speech)
        self.rate.setRange(50, 500)
        self.rate.setSuffix(" words per minute")
        self.rate.setValue(settings.rate)
        self.rate.setAccessibleName("Speaking rate")
        sp_form.addRow(self._buddy("R&ate:", self.rate), self.rate)
        self.volume = QDoubleSpinBox(speech)
        self.volume.setRange(0.0, 1.0)
        self.volume.setSingleStep(0.1)
        self.volume.setValue(settings.volume)
        self.volume.setAccessibleName("Volume")
        sp_form.addRow(self._buddy("Vol&ume:", self.volume), self.volume)
        self.earcons = QCheckBox("Play short sounds for working, done and &error", speech)
        self.earcons.setChecked(settings.earcons)
        self.earcons.setAccessibleName("Play short sounds for working, done and error")
        sp_form.addRow(self.earcons)
        form_box.addWidget(speech)

        # Model
        model = QGroupBox("Model", body)
        model.setAccessibleName("Model")
        m_form = QFormLayout(model)
        row = QHBoxLayout()
        self.model_dir = QLineEdit(settings.model_dir, model)
        self.model_dir.setAccessibleName("Model folder")
        self.model_dir.setPlaceholderText("the shipped model")
        browse = QPushButton("&Browse…", model)
        browse.setAccessibleName("Browse for a model folder")
        browse.clicked.connect(self._browse_model)
        row.addWidget(self.model_dir, 1)
        row.addWidget(browse)
        m_form.addRow(self._buddy("Model &folder:", self.model_dir), row)
        self.device = _combo(DEVICES, settings.device, "Device")
        m_form.addRow(self._buddy("&Device:", self.device), self.device)
        self.beam_size = QSpinBox(model)
        self.beam_size.setRange(1, 10)
        self.beam_size.setValue(settings.beam_size)
        self.beam_size.setAccessibleName("Beam size")
        self.beam_size.setToolTip(FIELD_HELP["beam_size"])
        m_form.addRow(self._buddy("Beam si&ze:", self.beam_size), self.beam_size)
        self.verbosity = _combo(VERBOSITIES, settings.verbosity, "Verbosity")
        m_form.addRow(self._buddy("Verb&osity:", self.verbosity), self.verbosity)
        form_box.addWidget(model)

        # Behaviour
        behaviour = QGroupBox("Behaviour and privacy", body)
        behaviour.setAccessibleName("Behaviour and privacy")
        b_form = QFormLayout(behaviour)
        self.auto_copy = QCheckBox("Cop&y each description to the clipboard", behaviour)
        self.auto_copy.setChecked(settings.auto_copy)
        self.auto_copy.setAccessibleName("Copy each description to the clipboard")
        self.start_at_login = QCheckBox("Start at lo&gin", behaviour)
        self.start_at_login.setChecked(settings.start_at_login)
        self.start_at_login.setAccessibleName("Start at login")
        self.history_on_disk = QCheckBox("Keep history on d&isk (text only)", behaviour)
        self.history_on_disk.setChecked(settings.history_on_disk)
        self.history_on_disk.setAccessibleName("Keep history on disk, text only")
        self.history_size = QSpinBox(behaviour)
        self.history_size.setRange(1, 1000)
        self.history_size.setValue(settings.history_size)
        self.history_size.setAccessibleName("History size")
        self.pointer_region = QSpinBox(behaviour)
        self.pointer_region.setRange(64, 4096)
        self.pointer_region.setSuffix(" pixels")
        self.pointer_region.setValue(settings.pointer_region)
        self.pointer_region.setAccessibleName("Size of the square around the pointer")
        b_form.addRow(self.auto_copy)
        b_form.addRow(self.start_at_login)
        b_form.addRow(self.history_on_disk)
        b_form.addRow(self._buddy("&Number of descriptions kept:", self.history_size), self.history_size)
        b_form.addRow(self._buddy("S&quare around the pointer:", self.pointer_region), self.pointer_region)
        form_box.addWidget(behaviour)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self._apply)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        outer.addWidget(self.buttons)
        self._check_conflicts()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _browse_model(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Model folder", self.model_dir.text())
        if path:
            self.model_dir.setText(path)

    def hotkeys(self) -> dict[str, str]:
        return {action: sequence_to_chord(edit.keySequence()) for action, edit in self.hotkey_edits.items()}

    def _check_conflicts(self) -> list[str]:
        problems = find_conflicts(self.hotkeys())
        self.conflicts.setText("\n".join(problems))
        self.conflicts.setVisible(bool(problems))
        ok = not problems
        for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Apply):
            button = getattr(self, "buttons", None)
            if button is not None:
                button.button(which).setEnabled(ok)
        return problems

    def current_settings(self) -> Settings:
        settings = self._base.copy()
        settings.hotkeys = self.hotkeys()
        settings.hotkey_backend = self.hotkey_backend.currentText()
        settings.speech_backend = self.speech_backend.currentText()
        settings.voice = self.voice.text().strip()
        settings.rate = self.rate.value()
        settings.volume = round(self.volume.value(), 2)
        settings.earcons = self.earcons.isChecked()
        settings.model_dir = self.model_dir.text().strip()
        settings.device = self.device.currentText()
        settings.beam_size = self.beam_size.value()
        settings.verbosity = self.verbosity.currentText()
        settings.auto_copy = self.auto_copy.isChecked()
        settings.start_at_login = self.start_at_login.isChecked()
        settings.history_on_disk = self.history_on_disk.isChecked()
        settings.history_size = self.history_size.value()
        settings.pointer_region = self.pointer_region.value()
        return settings

    def load(self, settings: Settings) -> None:
        """Show ``settings`` in the controls."""
        self._base = settings.copy()
        for action, edit in self.hotkey_edits.items():
            edit.setKeySequence(chord_to_sequence(settings.hotkeys.get(action, "")))
        self.hotkey_backend.setCurrentText(settings.hotkey_backend)
        self.speech_backend.setCurrentText(settings.speech_backend)
        self.voice.setText(settings.voice)
        self.rate.setValue(settings.rate)
        self.volume.setValue(settings.volume)
        self.earcons.setChecked(settings.earcons)
        self.model_dir.setText(settings.model_dir)
        self.device.setCurrentText(settings.device)
        self.beam_size.setValue(settings.beam_size)
        self.verbosity.setCurrentText(settings.verbosity)
        self.auto_copy.setChecked(settings.auto_copy)
        self.start_at_login.setChecked(settings.start_at_login)
        self.history_on_disk.setChecked(settings.history_on_disk)
        self.history_size.setValue(settings.history_size)
        self.pointer_region.setValue(settings.pointer_region)
        self._check_conflicts()

    def restore_defaults(self) -> None:
        self.load(Settings())

    def _apply(self) -> bool:
        if self._check_conflicts():
            return False
        settings = self.current_settings()
        if settings.validate():
            self.conflicts.setText("\n".join(settings.validate()))
            return False
        self._base = settings.copy()
        self.applied.emit(settings)
        return True

    def _ok(self) -> None:
        if self._apply():
            self.accept()
