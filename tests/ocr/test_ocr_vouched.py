"""A lone figure the recogniser was unsure of is taken where tesseract, reading it alone, reads the
same (real screenshots of datasets/screens, real tesseract)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.boxes import OcrWord
from assistant.ocr.pane_reading import pane_pictures
from assistant.ocr.panels import find_panels, unframed
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from assistant.ocr.vouched import vouched
from tests.support.screens import SCREEN_PNG

needs_tesseract = pytest.mark.skipif(not tesseract_available(), reason="needs tesseract")


def _gray(name: str) -> np.ndarray:
    return np.asarray(Image.open(SCREEN_PNG / f"{name}.png").convert("L"))


@needs_tesseract
@pytest.mark.timeout(60)
def test_a_calculators_display_zero_is_vouched_for_and_its_icon_is_not() -> None:
    """xcalc's display "0" alone at its right end (the recogniser: 0.49 to 0.95, depending on the
    strip it shared) is a zero to tesseract too; the calculator's icon on its title bar, which the
    recogniser read "7" ("1" in fact: any lone figure), is nothing to tesseract, and stays unread."""
    engine = TesseractEngine(min_confidence=0.0)
    zero = OcrWord("0", (1356, 452, 1363, 465), 0.55)
    found = vouched(engine, _gray("calc-xcalc-ti-mono-hd"), [zero])
    assert [w.text for ln in found for w in ln.words] == ["0"]
    icon = OcrWord("7", (890, 424, 896, 437), 0.5)
    assert vouched(engine, _gray("multi-vim-tk-xcalc"), [icon]) == []


@needs_tesseract
@pytest.mark.timeout(60)
def test_a_lone_stroke_is_no_one_to_vouch_for() -> None:
    """nano's status "[ Read 12 lines ]" in its window read alone (as windows found from the pixels
    are): its closing bracket, alone at the end, is "1" to both engines (tesseract: 0.93); a lone
    "1" is not taken so."""
    image = Image.open(SCREEN_PNG / "multi-nano-page-side-classic.png").convert("RGB")
    framed = [p for p in find_panels(image) if p.bar is not None]
    ((nano, dx, dy),) = [p for p in pane_pictures(unframed(image, framed), framed) if p[1] < 100]
    bracket = OcrWord("1", (397 - dx, 536 - dy, 404 - dx, 552 - dy), 0.44)
    engine = TesseractEngine(min_confidence=0.0)
    assert vouched(engine, np.asarray(nano.convert("L")), [bracket]) == []
