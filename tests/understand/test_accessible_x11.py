"""Windows read from their real accessibility tree, on a real desktop: Xvfb, openbox, a private
D-Bus session with its AT-SPI bus (tests/speech/atspi_session.py), a GTK dialog (zenity) whose
tree the assistant reads over D-Bus, and a Tk window, which has no tree and is OCR'd with real
tesseract. The tesseract engine is the real one, counted: the dialog is never shown to it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PIL import Image

from assistant.capture.atspi import AtspiText
from assistant.capture.screen import ScreenSource, create_screen_source
from assistant.describe import Describer, DescriberOptions
from assistant.ocr.base import OcrResult
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.speech.atspi_session import AtspiSession, missing_requirements
from tests.support.desktop import OpenboxDesktop
from tests.support.processes import wait_until
from tests.support.xvfb import XvfbServer

pytestmark = [pytest.mark.x11, pytest.mark.atspi, pytest.mark.timeout(180)]

MESSAGE = "Save changes to the document before closing?"
TK_SCRIPT = """
import tkinter as tk
root = tk.Tk()
root.title("Tk Notes")
root.geometry("520x160+40+40")
label = tk.Label(root, text="Water the balcony plants", font=("DejaVu Sans", 20), bg="white")
label.pack(expand=True, fill="both")
root.mainloop()
"""


@dataclass
class Desktop:
    wm: OpenboxDesktop
    source: ScreenSource
    reader: AtspiText

    @property
    def procs(self) -> list[subprocess.Popen[bytes]]:
        return self.wm.procs

    def titles(self) -> list[str]:
        stack = self.source.window_stack()
        return [w.title for w in stack.windows] if stack is not None else []

    def activate(self, title: str) -> None:
        self.wm.activate(title)
        wait_until(lambda: (a := self.source.window_stack()) is not None and a.active is not None
              and a.active.title == title, f"{title} active")  # fmt: skip


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> Iterator[Desktop]:
    missing = [p for p in ("openbox", "zenity", "xdotool", "xprop") if shutil.which(p) is None]
    if missing or missing_requirements() or not tesseract_available():
        pytest.skip(
            f"needs {missing or missing_requirements() or 'tesseract-ocr'} (see .ci/apt-packages.txt)"
        )
    with XvfbServer() as xvfb, AtspiSession(xvfb.display) as session, OpenboxDesktop(session.env()) as wm:
        wm.start(sys.executable, "-c", TK_SCRIPT)
        wm.start("zenity", "--question", "--title", "Save Changes", "--text", MESSAGE,
                 "--ok-label", "Save", "--cancel-label", "Cancel")  # fmt: skip
        source = create_screen_source(xvfb.display)
        # The reader finds the accessibility bus from the session bus, as in a desktop session.
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        monkeypatch.delenv("AT_SPI_BUS_ADDRESS", raising=False)
        reader = AtspiText()
        try:
            desk = Desktop(wm, source, reader)
            wait_until(lambda: sorted(desk.titles()) == ["Save Changes", "Tk Notes"], "both windows")
            # GTK registers on the bus shortly after mapping: wait until its dialog is there.
            wait_until(lambda: _dialog_tree(desk) is not None, "the dialog's accessible tree")
            yield desk
        finally:
            reader.close()
            source.close()


def _dialog_tree(desk: Desktop) -> object:
    stack = desk.source.window_stack()
    dialog = next((w for w in stack.windows if w.title == "Save Changes"), None) if stack else None
    return desk.reader.window_tree(dialog) if dialog is not None else None


@pytest.fixture
def ocr_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The size of every picture the real tesseract engine is shown."""
    seen: list[tuple[int, int]] = []
    real = TesseractEngine.recognize

    def counted(self: TesseractEngine, image: Image.Image) -> OcrResult:
        seen.append(image.size)
        return real(self, image)

    monkeypatch.setattr(TesseractEngine, "recognize", counted)
    return seen


def _describer(desk: Desktop) -> Describer:
    return Describer(
        DescriberOptions(ocr="tesseract", photo_ocr="none", verbosity="full"), accessible=desk.reader
    )


def test_describe_window_reads_a_gtk_dialog_as_title_message_buttons_without_ocr(
    desktop: Desktop, ocr_calls: list[tuple[int, int]]
) -> None:
    desktop.activate("Save Changes")
    d = _describer(desktop).describe(desktop.source.grab_active_window())
    assert ocr_calls == []  # the dialog came from its tree: tesseract never saw it
    assert d.text.startswith("Save Changes"), d.text
    assert f"{MESSAGE} Buttons: Cancel, Save." in d.text, d.text
    assert d.text.index("Save Changes") < d.text.index(MESSAGE)


def test_a_tk_window_has_no_tree_and_is_still_ocrd(
    desktop: Desktop, ocr_calls: list[tuple[int, int]]
) -> None:
    desktop.activate("Tk Notes")
    d = _describer(desktop).describe(desktop.source.grab_active_window())
    assert len(ocr_calls) == 1
    assert "balcony plants" in d.text, d.text


def test_describe_screen_reads_the_dialog_from_its_tree_and_ocrs_only_the_tk_window(
    desktop: Desktop, ocr_calls: list[tuple[int, int]]
) -> None:
    desktop.activate("Save Changes")
    d = _describer(desktop).describe(desktop.source.grab_screen())
    # One OCR call, on a picture no bigger than the Tk window: the dialog was left out of it.
    assert len(ocr_calls) == 1 and ocr_calls[0][0] <= 520 + 16 and ocr_calls[0][1] <= 160 + 16, ocr_calls
    text = d.text
    assert text.startswith("Save Changes window."), text
    assert f"{MESSAGE} Buttons: Cancel, Save." in text
    assert (
        text.index("Buttons: Cancel, Save.") < text.index("Tk Notes window.") < text.index("balcony plants")
    )


def test_a_hung_application_costs_at_most_the_budget_then_is_ocrd_and_skipped(
    desktop: Desktop, ocr_calls: list[tuple[int, int]]
) -> None:
    desktop.activate("Save Changes")
    zenity = desktop.procs[-1]
    grab = desktop.source.grab_active_window()
    dialog = grab.windows.active  # type: ignore[union-attr]
    assert dialog is not None
    reader = AtspiText()  # the same bus, nothing remembered yet
    os.kill(zenity.pid, signal.SIGSTOP)  # the dialog's process stops answering (and drawing)
    try:
        started = time.perf_counter()
        assert reader.window_tree(dialog) is None
        assert time.perf_counter() - started < reader.config.budget + 0.5
        started = time.perf_counter()
        assert reader.window_tree(dialog) is None
        assert time.perf_counter() - started < 0.2  # skipped while it stays silent
        d = Describer(DescriberOptions(ocr="tesseract", photo_ocr="none"), accessible=reader).describe(grab)
        assert len(ocr_calls) == 1 and "Save changes to the document" in d.text, d.text  # OCR'd instead
    finally:
        os.kill(zenity.pid, signal.SIGCONT)
        reader.close()
