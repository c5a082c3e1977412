"""The app's hub: wires triggers (tray, hotkeys, IPC, drop, buttons) to the worker and the voice.

Every trigger becomes a command name (the same names ``assistant trigger`` uses) handled by
:meth:`AppController.handle_command`, so each path is the same code and tested once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from assistant.app.explore_window import Explorer, present
from assistant.app.history import HistoryStore
from assistant.app.history_window import HistoryWindow
from assistant.app.ipc import IpcServer, server_name
from assistant.app.main_window import MainWindow
from assistant.app.parts import PART_COMMANDS, PartsReader
from assistant.app.qtimage import qimage_to_pil
from assistant.app.reconfigure import describer_factory_for, reconfigure, status_json
from assistant.app.seams import DescriberLike, Description, ScreenFactory, Speaker
from assistant.app.settings_window import SettingsWindow
from assistant.app.speaking import SpeechOutput, make_speaker
from assistant.app.tray import Tray
from assistant.app.welcome import keys_text, mark_welcomed, welcome_text
from assistant.app.worker import DescribeQueue, DescribeRequest
from assistant.config import Settings, save_settings
from assistant.hotkeys import HotkeyError, HotkeySource, create_hotkey_source

log = logging.getLogger(__name__)

#: Under Orca 43 the window shown at start (no tray) was announced in ~0.5 s and that cut the welcome
#: off after 0.3 s (tests/app/test_app_settings_orca.py); it waits this long in that case.
WELCOME_DELAY_MS = 2500


class AppController(QObject):
    """Owns the windows, tray, worker, speech, hotkeys and the IPC server."""

    hotkey_fired = Signal(str)  # emitted from the hotkey backend's thread; delivered queued
    spoken = Signal(str)  # every text handed to speech (tests and benchmarks listen)
    described = Signal(object, object)  # request, Description

    def __init__(
        self,
        settings: Settings,
        settings_dir: Path | None = None,
        *,
        speaker: Speaker | None = None,
        speech_override: str | None = None,
        wav_override: Path | None = None,
        describer_factory: Callable[[], DescriberLike] | None = None,
        screen_factory: ScreenFactory | None = None,
        hotkey_source: HotkeySource | None = None,
        ipc_name: str | None = None,
        startup_warnings: list[str] | None = None,
        welcome: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.settings_dir = settings_dir
        self.speech_override = speech_override
        self.wav_override = wav_override
        self.fixed_describer = describer_factory
        self.startup_warnings = list(startup_warnings or [])
        self.welcome = welcome  # say the first-start welcome (run_app: no marker yet)
        self.main_window = MainWindow()  # first: the screen-reader speech route announces through it
        speech_warning = ""
        if speaker is None:
            speaker, speech_warning = make_speaker(settings, speech_override, wav_override, self.announcer)
        if speech_warning:
            self.startup_warnings.append(speech_warning)
        self.speech = SpeechOutput(speaker, earcons=settings.earcons)
        self.parts = PartsReader(self.speak, lambda: float(self.settings.rate))  # next, previous, ...
        self.explorer = Explorer(self.speak)  # explore mode, find text
        self.history = HistoryStore(settings.history_size, settings.history_on_disk)
        self.queue = DescribeQueue(
            describer_factory or describer_factory_for(settings), screen_factory, settings.debounce_ms, self
        )
        self.queue.model_loaded.connect(self._on_model_loaded)
        self.queue.request_started.connect(self._on_started)
        self.queue.sentence_ready.connect(self._on_sentence)
        self.queue.result_ready.connect(self._on_result)
        self.queue.error.connect(self._on_error)
        self.hotkeys = hotkey_source or self.make_hotkeys(settings.hotkey_backend)
        self.hotkey_fired.connect(self._on_hotkey)
        self.hotkey_message = ""
        self.ipc = IpcServer(self._handle_ipc, ipc_name or server_name(settings_dir), self)
        self.tray = Tray(settings.hotkeys, self)
        self.tray.command.connect(self.run_command)
        self.queue.idle.connect(lambda: self.tray.set_busy(False))
        self.main_window.command.connect(self.run_command)
        self.main_window.set_menu(self.tray.menu)
        self.main_window.file_chosen.connect(lambda path: self.describe_file(path))
        self.main_window.image_dropped.connect(self._on_image_dropped)
        self.main_window.drop_failed.connect(self.say_error)
        self.history_window: HistoryWindow | None = None
        self.settings_window: SettingsWindow | None = None
        self.last_text = ""
        self.described_count = 0
        self.error_count = 0
        self.last_error = ""
        self.latencies_ms: list[float] = []  # trigger → first text handed to speech
        self._streamed: dict[int, bool] = {}

    # -- life cycle ----------------------------------------------------------------------------
    def start(self) -> bool:
        """Claim the single-instance socket, show the tray, start hotkeys and the model load.

        Returns False when another instance already runs (the caller forwards "show" and exits).
        """
        if not self.ipc.listen():
            return False
        self.tray.show()  # without a tray now, Qt shows it if one appears later
        if not QSystemTrayIcon.isSystemTrayAvailable():
            log.warning("no system tray; showing the main window instead")
            self.main_window.show_and_focus()
        self.start_hotkeys()
        self.main_window.set_status("Loading the model…")
        QTimer.singleShot(0, self.queue.load_model)
        if self.welcome:  # after a screen reader has read a window shown at start (it would cut us off)
            QTimer.singleShot(WELCOME_DELAY_MS if self.main_window.isVisible() else 0, self._say_welcome)
        if self.startup_warnings:
            QTimer.singleShot(0, lambda: self.say_error(" ".join(self.startup_warnings), interrupt=False))
        return True

    def _say_welcome(self) -> None:
        """Once, on the first start: what this is, its main hotkey and how to open its window."""
        self.speak(welcome_text(self.settings.hotkeys, self.hotkeys.active))
        mark_welcomed(self.settings_dir)
        self.welcome = False

    def shutdown(self) -> None:
        try:
            self.hotkeys.stop()
        except Exception:
            log.exception("stopping hotkeys failed")
        self.ipc.close()
        self.queue.shutdown()
        self.speech.close()
        self.tray.hide()
        self.explorer.close()
        for window in (self.main_window, self.history_window, self.settings_window):
            if window is not None:
                window.deleteLater()
        self.deleteLater()  # it and its children die on the GUI thread, not in a GC run on the worker's

    def make_hotkeys(self, backend: str) -> HotkeySource:
        try:
            return create_hotkey_source(backend)
        except HotkeyError as exc:
            from assistant.hotkeys import NoHotkeySource

            return NoHotkeySource(str(exc))

    def start_hotkeys(self) -> None:
        try:
            self.hotkeys.start(self.settings.hotkeys, self.hotkey_fired.emit)
            self.hotkey_message = f"Hotkeys: {self.hotkeys.name}."
        except HotkeyError as exc:
            log.warning("hotkeys unavailable: %s", exc)
            self.hotkey_message = f"{exc} Use assistant trigger instead."

    # -- commands ------------------------------------------------------------------------------
    @Slot(str)
    def _on_hotkey(self, action: str) -> None:
        log.debug("hotkey %s", action)
        self.run_command(action)

    @Slot(str)
    def run_command(self, command: str) -> None:
        ok, message = self.handle_command(command, {})
        if not ok and message:
            self.say_error(message)

    def _handle_ipc(self, command: str, args: dict[str, object]) -> tuple[bool, str]:
        """A command from `assistant trigger`: its caller may be a desktop shortcut with no
        terminal, so a refusal is also spoken, not only printed."""
        ok, message = self.handle_command(command, args)
        if not ok and message:
            self.say_error(message)
        return ok, message

    def handle_command(self, command: str, args: dict[str, object]) -> tuple[bool, str]:
        """One entry point for menu, buttons, hotkeys and IPC. Returns (ok, short message)."""
        if command == "describe-file":
            return self.describe_file(str(args.get("path", "")))
        if command == "find-text":
            return self.explorer.find(str(args.get("text", "")))
        handler = self._handlers().get(command)
        return handler() if handler is not None else (False, f"Unknown command {command}.")

    def _handlers(self) -> dict[str, Callable[[], tuple[bool, str]]]:
        """Every command of assistant.catalog.COMMANDS (but describe-file, which takes a path)."""

        def done(action: Callable[[], object], message: str) -> Callable[[], tuple[bool, str]]:
            def run() -> tuple[bool, str]:
                action()
                return True, message

            return run

        size = self.settings.pointer_region
        return {
            "describe-screen": lambda: (True, self._describe(DescribeRequest("screen"))),
            "describe-window": lambda: (True, self._describe(DescribeRequest("window"))),
            "describe-pointer": lambda: (True, self._describe(DescribeRequest("pointer", pointer_size=size))),
            "clipboard": self.read_clipboard,
            "open": done(self._open_image, "Choose an image."),
            "stop": done(self.stop, "Stopped."),
            "repeat": self.repeat,
            "show": done(self.main_window.show_and_focus, "Shown."),
            "history": done(self.show_history, "History shown."),
            "settings": done(self.show_settings, "Settings shown."),
            "help": done(lambda: self.speak(self.keys_text()), "The keys were said."),
            "status": lambda: (True, self.status_text()),
            "quit": done(lambda: QTimer.singleShot(0, self.quit), "Quitting."),
            **{name: self.parts.handler(name) for name in PART_COMMANDS},
            "explore": self.explorer.explore,
        }

    def _open_image(self) -> None:
        self.main_window.show_and_focus()
        QTimer.singleShot(0, self.main_window.open_image)

    def keys_text(self) -> str:
        return keys_text(self.settings.hotkeys, self.hotkeys.active, full=True)

    def status_text(self) -> str:
        """One JSON object: model state, queue counters and the last description (for tests, bug reports)."""
        return status_json(self)

    def _describe(self, request: DescribeRequest) -> str:
        self.speech.stop()
        if not self.queue.busy:
            self.speech.earcon("working")
        self.tray.set_busy(True)
        self.queue.submit(request)
        return f"Describing {request.label}."

    def describe_file(self, path: str) -> tuple[bool, str]:
        if not path:
            return False, "No file was given."
        try:
            file = Path(path).expanduser()
            is_file = file.is_file()
        except (OSError, ValueError, RuntimeError):  # too long, a NUL byte, ~nosuchuser (found by fuzzing)
            return False, "That is not a usable file name."
        if not is_file:
            return False, "That file does not exist."
        message = self._describe(DescribeRequest("file", payload=file, label=file.name))
        self.main_window.set_status(message)  # shown; the "working" earcon says it aloud
        return True, message

    def describe_image(self, image: Image.Image, label: str) -> str:
        return self._describe(DescribeRequest("image", payload=image, label=label))

    def _on_image_dropped(self, image: QImage) -> None:
        message = self.describe_image(qimage_to_pil(image), "dropped image")
        self.main_window.set_status(message)

    def read_clipboard(self) -> tuple[bool, str]:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None:
            if mime.hasUrls():
                local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
                if local:
                    return self.describe_file(local[0])
            if mime.hasImage():
                image = QGuiApplication.clipboard().image()
                if not image.isNull():
                    return True, self.describe_image(qimage_to_pil(image), "clipboard image")
        return False, "There is no image on the clipboard."

    def repeat(self) -> tuple[bool, str]:
        if not self.last_text:
            return False, "Nothing has been described yet."
        self.speak(self.last_text)
        self.parts.described(self.last_text, streamed=False)
        return True, "Repeated."

    def stop(self) -> None:
        self.queue.cancel_all()
        self.speech.stop()
        self.parts.stopped()
        self.tray.set_busy(False)
        self.main_window.set_status("Stopped.")

    def quit(self) -> None:
        # exit(), not quit(): Qt 6's quit() asks windows to close; the main window refuses (hides to tray).
        app = QApplication.instance()
        if app is not None:
            app.exit(0)

    def announcer(self, text: str, assertive: bool) -> None:
        """For the screen-reader speech backend: announce through the main window (any thread)."""
        try:
            from assistant.app.announce import make_announcer
        except ImportError:
            return
        make_announcer(self.main_window)(text, assertive)

    # -- speaking ------------------------------------------------------------------------------
    def speak(self, text: str, interrupt: bool = True) -> None:
        self.speech.say(text, interrupt=interrupt)
        self.spoken.emit(text)

    def say_error(self, message: str, interrupt: bool = True) -> None:
        self.error_count += 1
        self.last_error = message
        self.speech.earcon("error")
        self.main_window.set_status(message)
        self.speak(message, interrupt=interrupt)

    def _note_latency(self, request: DescribeRequest) -> None:
        if request.id not in self._streamed:
            self.latencies_ms.append((time.perf_counter() - request.created) * 1000.0)
            self.latencies_ms = self.latencies_ms[-1000:]

    @Slot(bool, str)
    def _on_model_loaded(self, ok: bool, message: str) -> None:
        status = "Ready." if ok else message
        self.main_window.set_status(status if not self.hotkey_message else f"{status} {self.hotkey_message}")
        if not ok:
            log.warning("model not loaded: %s", message)

    @Slot(object)
    def _on_started(self, request: DescribeRequest) -> None:
        # Requests cancelled after streaming a sentence never report back; forget them here.
        self._streamed = {rid: v for rid, v in self._streamed.items() if rid == request.id}
        self.main_window.set_status(f"Describing {request.label}…")

    @Slot(object, str)
    def _on_sentence(self, request: DescribeRequest, text: str) -> None:
        first = request.id not in self._streamed
        self._note_latency(request)
        self._streamed[request.id] = True
        self.speak(text, interrupt=first)
        self.parts.heard(text, first)

    @Slot(object, object, str)
    def _on_result(self, request: DescribeRequest, description: Description, label: str) -> None:
        text = description.text.strip() or "Nothing could be described."
        streamed = self._streamed.pop(request.id, False)
        if not streamed:
            self._note_latency(request)
            self.speech.earcon("done")
            self.speak(text)
        self.described_count += 1
        self.last_text = text
        self.parts.described(text, streamed, description.more)
        self.explorer.described(description.items)
        self.history.add(label, text)
        if self.history_window is not None:
            self.history_window.refresh()
        self.main_window.set_result(text)
        self.main_window.set_status(f"Described {label}.")
        if self.settings.auto_copy:
            QGuiApplication.clipboard().setText(text)
        self.described.emit(request, description)

    @Slot(object, str)
    def _on_error(self, request: DescribeRequest, message: str) -> None:
        self._streamed.pop(request.id, None)
        self.say_error(message)

    # -- windows and settings ------------------------------------------------------------------
    def show_history(self) -> None:
        if self.history_window is None:
            self.history_window = HistoryWindow(self.history)
            self.history_window.speak_requested.connect(self.speak)
            self.history_window.speak_requested.connect(lambda t: self.parts.described(t, False))
        self.history_window.refresh()
        present(self.history_window)
        self.history_window.list.setFocus()

    def show_settings(self) -> None:
        if self.settings_window is None:
            self.settings_window = SettingsWindow(self.settings, self.speech.speaker.name, say=self.speak)
            self.settings_window.applied.connect(self.apply_settings)
        else:
            self.settings_window.load(self.settings)
        present(self.settings_window)

    @Slot(object)
    def apply_settings(self, new: Settings) -> None:
        """Save ``new`` and put it into effect (see assistant.app.reconfigure)."""
        old, self.settings = self.settings, new.copy()
        try:
            save_settings(self.settings, self.settings_dir)
        except (OSError, ValueError) as exc:
            log.warning("saving settings failed: %s", exc)
            self.say_error("The settings could not be saved.")
        reconfigure(self, old, self.settings)
