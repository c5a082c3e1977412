"""Tesseract read in this process (assistant.ocr.tess_api): exactly what the program reads, models
kept and shared between threads, let go on release, and a reading past its time stopped."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PIL import Image

from assistant.errors import AssistantError
from assistant.ocr.tess_api import TessModels, in_process_available
from assistant.ocr.tesseract import TesseractEngine
from tests.support.screens import SCREEN_PNG

pytestmark = pytest.mark.skipif(not in_process_available(), reason="needs libtesseract and its model")


def _read(engine: TesseractEngine, image: Image.Image) -> list[tuple[str, tuple[int, int, int, int], float]]:
    return [(w.text, w.box, w.confidence) for ln in engine.recognize(image).lines for w in ln.words]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("screen", ["dlg-tk-save-changes", "multi-four-windows"])
def test_the_library_reads_real_screens_exactly_as_the_program_does(screen: str) -> None:
    """A Tk dialog, and four windows at 1920x1080 (datasets/screens, half A): the same words, boxes
    and confidences from the library in this process as from the ``tesseract`` program."""
    page = Image.open(SCREEN_PNG / f"{screen}.png").convert("RGB")
    inside = _read(TesseractEngine(in_process=True), page)
    assert len(inside) > 10 and inside == _read(TesseractEngine(in_process=False), page)


@pytest.mark.timeout(120)
def test_models_are_kept_shared_between_threads_and_let_go() -> None:
    """One model read after read; two threads reading at once load a second one; release lets go
    of both, and the next reading loads one again and reads the same."""
    sheet = Image.open(SCREEN_PNG / "dlg-tk-save-changes.png").convert("L").crop((0, 0, 900, 400))
    models = TessModels()
    first = models.read_tsv(sheet, 6)
    assert models.read_tsv(sheet, 6) == first and len(models._free) == 1
    out: list[str] = []
    threads = [threading.Thread(target=lambda: out.append(models.read_tsv(sheet, 6))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert out == [first, first] and len(models._free) == 2
    assert models.release() == 2 and not models._free
    assert models.read_tsv(sheet, 6) == first
    models.warm(3)
    assert len(models._free) == 3
    models.warm(2)  # enough free already: none loaded, none let go
    assert len(models._free) == 3
    assert first.startswith("level\t") and "\t5\t" not in first.splitlines()[0]  # the program's header


@pytest.mark.timeout(60)
def test_a_reading_past_its_time_is_stopped_and_its_model_not_kept() -> None:
    page = Image.open(SCREEN_PNG / "multi-four-windows.png").convert("L")
    models = TessModels(timeout_s=0.001)
    with pytest.raises(AssistantError, match="too long"):
        models.read_tsv(page, 3)
    assert not models._free


@pytest.mark.timeout(60)
def test_the_library_says_nothing_on_the_terminal(capfd: pytest.CaptureFixture[str]) -> None:
    """Tesseract's messages ("Empty page!!", "Estimating resolution as ...") stay out of the user's
    terminal, as the program's stderr did."""
    models = TessModels()
    models.read_tsv(Image.new("L", (200, 100), 255), 6)
    models.read_tsv(Image.open(SCREEN_PNG / "dlg-tk-save-changes.png").convert("L"), 3)
    assert capfd.readouterr().err == ""


@pytest.mark.timeout(120)
def test_the_stripe_with_most_text_is_prepared_first_and_lines_come_in_page_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stripes of this process's models are prepared one after another, each read as soon as it is
    ready: the one with more strokes first (the page waits for it), here the lower one (a terminal
    listing under a short heading); the lines come back top to bottom, as the program reads them."""
    shot = Image.open(SCREEN_PNG / "term-ls-reports.png").convert("RGB")
    page = Image.new("RGB", (shot.width, 800), "white")
    page.paste(shot.crop((0, 60, shot.width, 200)), (0, 0))  # the top: a few lines
    page.paste(shot.crop((0, 60, shot.width, 460)), (0, 400))  # the bottom: many more
    engine = TesseractEngine(in_process=True)
    prepared: list[int] = []
    picture = engine._stripe_picture

    def noted(gray: np.ndarray, y0: int, y1: int, rgb: np.ndarray | None = None) -> object:
        prepared.append(y0)
        return picture(gray, y0, y1, rgb)

    monkeypatch.setattr(engine, "_stripe_picture", noted)
    inside = _read(engine, page)
    assert len(prepared) == 2 and prepared[0] > prepared[1]  # the lower stripe first
    tops = [box[1] for _, box, _ in inside]
    assert tops and tops[0] < 400 <= tops[-1]
    assert inside == _read(TesseractEngine(in_process=False), page)
