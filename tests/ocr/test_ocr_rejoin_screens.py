"""Rejoining words tesseract cut apart (assistant.ocr.rejoin), on a real screenshot of half A."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PIL import Image

from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from assistant.understand.windows import ScreenWindows
from tests.support.screens import SCREEN_SET, SCREEN_TRUTH

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")


@pytest.mark.timeout(60)
def test_a_column_of_cut_letters_is_not_joined_to_the_word_beside_it() -> None:
    """multi-terminal-save as the live path reads it (the windows' visible client areas, the
    frames painted flat): the dialog's "Save changes to notes.txt" sits beside the terminal's
    column of letters cut by the dialog, which tesseract reads down as one tall unsure mark. Joined
    to "Save" as one word (its height ignored), the dialog lost its first word."""
    truth = json.loads((SCREEN_TRUTH / "multi-terminal-save.json").read_text(encoding="utf-8"))
    assert truth["split"] == "A"
    sys.path.insert(0, str(REPO / "benchmarks"))
    from screen_reading import window_stack

    image = Image.open(SCREEN_SET / truth["image"]).convert("RGB")
    windows = ScreenWindows(window_stack(truth), (0, 0), image.size)
    view, _ = windows.ocr_view(image)
    engine = TesseractEngine()
    engine.min_confidence = 0.0  # as the second look runs it: every mark kept
    lines = engine.recognize(view).lines
    dialog = [ln for ln in lines if "changes" in ln.text and "notes.txt" in ln.text]
    assert dialog, [ln.text for ln in lines]
    words = [w.text for w in dialog[0].words]
    assert words[: words.index("changes") + 1][-2:] == ["Save", "changes"], words
    tall = [w for ln in lines for w in ln.words if w.box[3] - w.box[1] > 3 * dialog[0].height]
    assert all("Save" not in w.text for w in tall)  # no word glued to a column of cut letters
