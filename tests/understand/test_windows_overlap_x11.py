"""A message box lying across a terminal's lines on a real Xvfb with openbox: the message is read
first, then the terminal, never the two mixed, on both paths (a live *describe screen* with the
window stack, and the same screen saved as a file, whose windows are found by their title bars
and read without their frames)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ocr.tesseract import tesseract_available
from tests.support.desktop import OpenboxDesktop, described_live_and_as_file
from tests.support.xvfb import XvfbServer

pytestmark = [pytest.mark.x11, pytest.mark.timeout(120)]

PROGRAMS = ("openbox", "xterm", "xmessage", "xdotool", "xprop")
ABOVE = ("alpha lists the garden tools", "bravo counts the seed packets")  # clear of the message
ACROSS = "charlie waters the tomatoes before the evening rain comes down"  # runs under it
MESSAGE = "printer queue is empty now"


@pytest.fixture
def covered(xvfb_display: str, xvfb: XvfbServer) -> Iterator[None]:
    """openbox with an xterm showing three lines and an active xmessage lying across the third."""
    missing = [p for p in PROGRAMS if shutil.which(p) is None]
    assert not missing, f"missing {missing}: apt-get install openbox x11-utils x11-apps xterm xdotool"
    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    with OpenboxDesktop(xvfb.env()) as desk:
        script = "printf '" + "\\n".join((*ABOVE, "", ACROSS)) + "\\n'; sleep 600"
        desk.start("xterm", "-T", "notes - xterm", "-fa", "DejaVu Sans Mono", "-fs", "13",
                   "-geometry", "70x12+40+60", "-e", "sh", "-c", script)  # fmt: skip
        desk.window("notes - xterm")
        desk.start("xmessage", "-title", "Reminder", "-geometry", "+260+150", "-fn", "10x20", MESSAGE)
        desk.window("Reminder")
        desk.activate("Reminder")
        yield


def _apart(text: str) -> None:
    """The message first; then the terminal's lines clear of it, whole and in order; none of the
    terminal's words before the message, none of the message's after the terminal began (words in
    lower case, letters only; the message's "queue is empty" as its sure words: the 10x20 core
    font's "now" comes back as "nou")."""
    said = " ".join(re.findall(r"[a-z]+", text.lower()))
    at = [said.index(line) for line in ("queue is empty", *ABOVE)]
    assert at == sorted(at), text
    assert not any(word in said[: at[0]] for word in ("alpha", "bravo", "charlie", "tomatoes")), text
    assert not any(word in said[at[1] :] for word in ("printer", "queue", "empty")), text


def test_a_message_over_a_terminal_is_read_first_and_apart(covered: None, tmp_path: Path) -> None:
    live, file = described_live_and_as_file("Reminder", tmp_path)
    _apart(live)
    _apart(file)  # the file: no stack, windows found by their title bars
