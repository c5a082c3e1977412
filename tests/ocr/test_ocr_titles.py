"""A window's title misread on its title bar is read again from the bar alone (real screenshots of
datasets/screens, real tesseract)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.frames import find_frames
from assistant.ocr.gap_reading import fill_gaps
from assistant.ocr.panels import find_panels
from assistant.ocr.tesseract import TesseractEngine
from assistant.ocr.titles import gaps_and_titles, reread_titles, title_places
from tests.support.screens import SCREEN_PNG


def _line(text: str, box: tuple[int, int, int, int], confidence: float) -> OcrLine:
    return OcrLine(text, box, confidence, [OcrWord(text, box, confidence)])


@pytest.mark.timeout(60)
def test_misread_titles_are_read_again_and_sure_ones_are_left() -> None:
    """The active dialog's white title on a blue gradient was read "9120 Save Shanges" (unsure); the
    terminal's grey title under it, sure, is not read again; a body line is never touched."""
    image = Image.open(SCREEN_PNG / "multi-terminal-save.png").convert("RGB")
    bars = [f.bar for f in find_frames(image)]
    # Run together with the terminal's "9120" beside the dialog, as an engine may.
    words = [OcrWord("9120", (278, 200, 312, 212), 0.9), OcrWord("Save", (496, 188, 530, 207), 0.9)]
    words.append(OcrWord("Shanges", (534, 188, 594, 207), 0.4))
    misread = OcrLine("9120 Save Shanges", (278, 188, 594, 212), 0.55, words)
    sure = _line("reports - xterm", (387, 46, 490, 58), 0.95)
    body = _line("total 2748", (44, 86, 132, 98), 0.95)
    lines = reread_titles(image, [misread, sure, body], TesseractEngine(), bars)
    assert misread not in lines and sure in lines and body in lines
    dialog = [ln.text for ln in lines if 186 <= (ln.box[1] + ln.box[3]) / 2 < 208]
    assert dialog == ["Save", "Changes"]


@pytest.mark.timeout(60)
def test_a_title_not_read_at_all_is_read_on_a_light_grey_bar() -> None:
    """An inactive man page window: grey letters on a light grey gradient, which the page-wide
    reading missed; the xterm icon and the buttons are not read as letters."""
    image = Image.open(SCREEN_PNG / "man-cp-scrolled.png").convert("RGB")
    (frame,) = find_frames(image)
    lines = reread_titles(image, [], TesseractEngine(), [frame.bar])
    assert " ".join(ln.text for ln in sorted(lines, key=lambda ln: ln.box[0])) == "man cp"


@pytest.mark.timeout(60)
def test_gaps_and_titles_read_at_once_as_one_after_the_other() -> None:
    """The two second looks run side by side (each one engine call): the lines come out as when
    the gaps are filled first and the titles read again after, on a screen that has both (a
    terminal listing's dropped cells, a dialog's title in doubt)."""
    image = Image.open(SCREEN_PNG / "multi-terminal-save.png").convert("RGB")
    engine = TesseractEngine()
    lines = engine.recognize(image).lines
    panels = find_panels(image)
    bars = [p.bar for p in panels if p.bar is not None]
    filled = fill_gaps(image, lines, engine)
    assert len(filled) > len(lines) and title_places(np.asarray(image.convert("L")), filled, bars)
    expected = reread_titles(image, filled, engine, bars)
    got, got_panels = gaps_and_titles(image, lines, engine, find_panels)
    assert [(ln.text, ln.box) for ln in got] == [(ln.text, ln.box) for ln in expected]
    assert [(p.box, p.bar) for p in got_panels] == [(p.box, p.bar) for p in panels]
    engine.close()


@pytest.mark.timeout(60)
def test_a_letter_dropped_between_sure_title_words_has_the_title_read_again() -> None:
    """Artwiz-boxed's bar, shaded from end to end: the page-wide reading gave "Garden" and
    "ournal" (both sure), the "J" between their boxes left out. That unread letter puts the title
    in doubt; read again, it is whole, and the buttons at the bar's light end are not read. The
    title read whole is left alone."""
    image = Image.open(SCREEN_PNG / "app-tk-menubar-journal.png").convert("RGB")
    (frame,) = find_frames(image)
    gray = np.asarray(image.convert("L"))
    garden = OcrWord("Garden", (881, 210, 927, 231), 1.0)
    dropped = OcrLine(
        "Garden ournal", (881, 210, 986, 231), 0.97, [garden, OcrWord("ournal", (940, 210, 986, 231), 0.97)]
    )
    whole = OcrLine(
        "Garden Journal", (881, 210, 986, 231), 0.97, [garden, OcrWord("Journal", (930, 210, 986, 231), 0.97)]
    )
    assert title_places(gray, [dropped], [frame.bar]) and not title_places(gray, [whole], [frame.bar])
    lines = reread_titles(image, [dropped], TesseractEngine(), [frame.bar])
    assert " ".join(ln.text for ln in sorted(lines, key=lambda ln: ln.box[0])).lower() == "garden journal"
