"""The settings dialog: hotkeys (with conflict detection), speech, model, behaviour.

Its controls are built from :data:`assistant.catalog.SETTINGS`: a setting with choices becomes a
combo box, a number with a range a spin box, a switch a check box, text a line edit; labels,
mnemonics, tooltips and accessible names come from the same entries. It edits a copy of
:class:`~assistant.config.Settings`; *OK* / *Apply* emit ``applied`` with the new settings, which the
controller saves and puts into effect.

Keyboard and screen reader: hotkey fields record only after Enter or Space (see
:mod:`assistant.app.hotkey_field`), Escape closes the dialog, a changed combo box is said aloud
through ``say``, and OK / Apply are never silently disabled: a problem is shown, said, and focused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
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
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.app.hotkey_field import HotkeyField
from assistant.catalog import (
    COMMAND_BY_NAME,
    HOTKEY_ACTIONS,
    HOTKEYS_GROUP,
    SETTING_GROUPS,
    SETTINGS,
    SPEECH_GROUP,
    SettingSpec,
)
from assistant.config import Settings
from assistant.hotkeys.chords import find_conflicts

Say = Callable[[str], None]
Button = QDialogButtonBox.StandardButton


def _quiet(_text: str) -> None:
    """The default ``say``: nothing (tests and embedders without a voice)."""


def make_control(spec: SettingSpec, parent: QWidget) -> QWidget:
    """The control for one setting, named for screen readers and with its help as tooltip."""
    control: QWidget
    if spec.choices:
        box = QComboBox(parent)
        box.addItems(list(spec.choices))
        box.view().setAccessibleName(f"{spec.name_for_screen_reader} choices")  # the popup list
        control = box
    elif spec.kind is bool:
        control = QCheckBox(spec.label, parent)
    elif spec.kind is int and spec.range is not None:
        spin = QSpinBox(parent)
        spin.setRange(int(spec.range[0]), int(spec.range[1]))
        spin.setSuffix(spec.suffix)
        control = spin
    elif spec.kind is float and spec.range is not None:
        dspin = QDoubleSpinBox(parent)
        dspin.setRange(*spec.range)
        dspin.setSingleStep(spec.step)
        control = dspin
    else:
        line = QLineEdit(parent)
        line.setPlaceholderText(spec.placeholder)
        control = line
    control.setAccessibleName(spec.name_for_screen_reader)
    control.setToolTip(spec.help)
    return control


def read_control(control: QWidget) -> object:
    if isinstance(control, QComboBox):
        return control.currentText()
    if isinstance(control, QCheckBox):
        return control.isChecked()
    if isinstance(control, QDoubleSpinBox):
        return round(control.value(), 2)
    if isinstance(control, QSpinBox):
        return control.value()
    assert isinstance(control, QLineEdit)
    return control.text().strip()


def write_control(control: QWidget, value: object) -> None:
    if isinstance(control, QComboBox):
        control.setCurrentText(str(value))
    elif isinstance(control, QCheckBox):
        control.setChecked(bool(value))
    elif isinstance(control, QDoubleSpinBox):
        control.setValue(float(value))  # type: ignore[arg-type]
    elif isinstance(control, QSpinBox):
        control.setValue(int(value))  # type: ignore[call-overload]
    elif isinstance(control, QLineEdit):
        control.setText(str(value))


def _mnemonic(label: str) -> str:
    """The Alt+letter of a label with a mnemonic ("S&top" -> "t"), else ""."""
    return label.split("&", 1)[1][:1].lower() if "&" in label else ""


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class SettingsWindow(QDialog):
    applied = Signal(object)  # Settings

    def __init__(
        self,
        settings: Settings,
        speech_backend_in_use: str = "",
        parent: QWidget | None = None,
        say: Say = _quiet,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setAccessibleName("Assistant settings")
        self.resize(560, 640)
        self._say = say
        self._base = settings.copy()
        self._loading = False
        self.fields: dict[str, QWidget] = {}
        self.hotkey_edits: dict[str, HotkeyField] = {}
        outer = QVBoxLayout(self)
        body = self._build_scroll(outer)
        self.forms = {group: self._build_group(group, body) for group in SETTING_GROUPS}
        self._build_hotkeys(self.forms[HOTKEYS_GROUP], settings)
        for spec in SETTINGS:
            if spec.label and spec.name != "hotkeys":
                self._add_field(spec)
        self.in_use = QLabel(f"In use now: {speech_backend_in_use or 'unknown'}", self)
        self.in_use.setAccessibleName(self.in_use.text())
        self.forms[SPEECH_GROUP].insertRow(1, self.in_use)
        self.buttons = self._build_buttons(outer)
        self.load(settings)

    # -- building ------------------------------------------------------------------------------
    def _build_scroll(self, outer: QVBoxLayout) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName("Settings")
        for bar in (scroll.verticalScrollBar(), scroll.horizontalScrollBar()):
            bar.setAccessibleName("Scroll the settings")
        body = QWidget()
        scroll.setWidget(body)
        QVBoxLayout(body)
        outer.addWidget(scroll, 1)
        return body

    def _build_group(self, title: str, body: QWidget) -> QFormLayout:
        group = QGroupBox(title, body)
        group.setAccessibleName(title)
        layout = body.layout()
        assert layout is not None
        layout.addWidget(group)
        return QFormLayout(group)

    def _build_hotkeys(self, form: QFormLayout, settings: Settings) -> None:
        # More commands take hotkeys than this dialog has free letters: a row whose Alt+letter a
        # setting (or an earlier row) already uses is reached with Tab only.
        taken = {_mnemonic(s.label) for s in SETTINGS} | {"b"}  # "b": &Browse
        for action in HOTKEY_ACTIONS:
            command = COMMAND_BY_NAME[action]
            edit = HotkeyField(command.plain_label, settings.hotkeys.get(action, ""), self._say)
            edit.chord_changed.connect(lambda _chord: self._check_conflicts(speak=True))
            free = _mnemonic(command.label) not in taken
            taken.add(_mnemonic(command.label))
            form.addRow(buddy((command.label if free else command.plain_label) + ":", edit), edit)
            self.hotkey_edits[action] = edit
        self.conflicts = QLabel("")
        self.conflicts.setWordWrap(True)
        self.conflicts.setAccessibleName("Hotkey problems")
        self.conflicts.setStyleSheet("color: #a00000;")
        form.addRow(self.conflicts)

    def _add_field(self, spec: SettingSpec) -> None:
        form = self.forms[spec.group]
        control = make_control(spec, self)
        self.fields[spec.name] = control
        if isinstance(control, QComboBox):
            control.currentTextChanged.connect(lambda text, s=spec: self._announce_choice(s, text))
        if isinstance(control, QCheckBox):
            form.addRow(control)
        elif spec.name == "model_dir":
            browse = QPushButton("&Browse…", self)
            browse.setAccessibleName("Browse for a model folder")
            browse.clicked.connect(self._browse_model)
            row = QHBoxLayout()
            row.addWidget(control, 1)
            row.addWidget(browse)
            form.addRow(buddy(spec.label, control), row)
        else:
            form.addRow(buddy(spec.label, control), control)

    def _build_buttons(self, outer: QVBoxLayout) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            Button.Ok | Button.Apply | Button.Cancel | Button.RestoreDefaults,
            self,
        )
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        buttons.button(Button.Apply).clicked.connect(self._apply)
        buttons.button(Button.RestoreDefaults).clicked.connect(self.restore_defaults)
        outer.addWidget(buttons)
        return buttons

    # -- behaviour -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Open on the first ordinary control, never inside a hotkey field (issue #17)."""
        super().showEvent(event)
        first = next(iter(self.fields.values()))
        first.setFocus()

    def _announce_choice(self, spec: SettingSpec, text: str) -> None:
        if not self._loading:
            self._say(f"{spec.name_for_screen_reader}: {text}")

    def _browse_model(self) -> None:
        model_dir = self.fields["model_dir"]
        assert isinstance(model_dir, QLineEdit)
        path = QFileDialog.getExistingDirectory(self, "Model folder", model_dir.text())
        if path:
            model_dir.setText(path)

    def hotkeys(self) -> dict[str, str]:
        return {action: edit.chord for action, edit in self.hotkey_edits.items()}

    def _check_conflicts(self, speak: bool = False) -> list[str]:
        """Show (and, when ``speak``, say) what is wrong with the hotkeys; OK stays usable and says it."""
        problems = find_conflicts(self.hotkeys())
        self.conflicts.setText("\n".join(problems))
        self.conflicts.setVisible(bool(problems))
        if problems and speak:
            self._say(" ".join(problems))
        return problems

    def current_settings(self) -> Settings:
        settings = self._base.copy()
        settings.hotkeys = self.hotkeys()
        for name, control in self.fields.items():
            setattr(settings, name, read_control(control))
        return settings

    def load(self, settings: Settings) -> None:
        """Show ``settings`` in the controls (quietly: loading is not a change to announce)."""
        self._base = settings.copy()
        self._loading = True
        try:
            for action, edit in self.hotkey_edits.items():
                edit.set_chord(settings.hotkeys.get(action, ""))
            for name, control in self.fields.items():
                write_control(control, getattr(settings, name))
        finally:
            self._loading = False
        self._check_conflicts()

    def restore_defaults(self) -> None:
        self.load(Settings())
        self._say("Defaults restored; press OK or Apply to keep them.")

    def _refuse(self, problems: list[str]) -> bool:
        """Say why the settings were not applied and put the focus where the problem is."""
        self._say("Not applied: " + " ".join(problems))
        self.conflicts.setText("\n".join(problems))
        self.conflicts.setVisible(True)
        clashing = [a for a, e in self.hotkey_edits.items() if any(e.text() in p for p in problems)]
        if clashing:
            self.hotkey_edits[clashing[-1]].setFocus()
        return False

    def _apply(self) -> bool:
        problems = self._check_conflicts()
        if problems:
            return self._refuse(problems)
        settings = self.current_settings()
        problems = settings.validate()
        if problems:
            return self._refuse(problems)
        self._base = settings.copy()
        self.applied.emit(settings)
        return True

    def _ok(self) -> None:
        if self._apply():
            self.accept()
