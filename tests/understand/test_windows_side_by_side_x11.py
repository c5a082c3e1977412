"""Two terminals side by side on a real Xvfb with openbox, their lines on the same rows: read one
window after the other, never across, on both paths (a live *describe screen* with the window
stack, and the same screen saved as a file, whose windows are found by their title bars)."""

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

PROGRAMS = ("openbox", "xterm", "xdotool", "xprop")
LEFT = ("alpha lists the garden tools", "bravo counts the seed packets")
RIGHT = ("charlie waters the tomatoes", "delta mends the fence posts")


@pytest.fixture
def terminals(xvfb_display: str, xvfb: XvfbServer) -> Iterator[None]:
    """openbox with two xterms side by side, the right one active, each showing two lines."""
    missing = [p for p in PROGRAMS if shutil.which(p) is None]
    assert not missing, f"missing {missing}: apt-get install openbox x11-utils xterm xdotool"
    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    with OpenboxDesktop(xvfb.env()) as desk:
        for title, lines, x in (("left - xterm", LEFT, 40), ("right - xterm", RIGHT, 640)):
            script = "printf '" + "\\n".join(lines) + "\\n'; sleep 600"
            desk.start("xterm", "-T", title, "-fa", "DejaVu Sans Mono", "-fs", "13",
                       "-geometry", f"40x6+{x}+80", "-e", "sh", "-c", script)  # fmt: skip
            desk.window(title)
        desk.activate("right")
        yield


def _apart(text: str) -> None:
    """Each window's lines whole and in order, the active (right) window's first (words compared
    in lower case, letters only: a stray mark or capital read by OCR is no matter here)."""
    said = " ".join(re.findall(r"[a-z]+", text.lower()))
    lines = [" ".join(re.findall(r"[a-z]+", line)) for line in (*RIGHT, *LEFT)]
    assert all(line in said for line in lines), text
    at = [said.index(line) for line in lines]
    assert at == sorted(at), text


def test_terminals_side_by_side_are_read_one_after_the_other(terminals: None, tmp_path: Path) -> None:
    live, file = described_live_and_as_file("right - xterm", tmp_path)
    _apart(live)
    _apart(file)  # the file: no stack, windows found by their title bars
