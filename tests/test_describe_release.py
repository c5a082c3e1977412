"""The describer lets go of what it reopens on its next need (issue #19: an app that waits holds less).

On the real engines and the shipped caption re-ranking models: after ``release`` the PP-OCR sessions
are gone from the process (onnx_sessions' shared cache no longer holds them), the re-ranking models
and the ImageNet head are dropped, and the next read reopens them and reads the same as before.
"""

from __future__ import annotations

import gc

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant import onnx_sessions
from assistant.describe import Describer, DescriberOptions, warm_up_picture
from assistant.ocr.rapid import RapidOcrEngine, rapidocr_available
from assistant.ocr.tess_api import TessModels, in_process_available
from assistant.ocr.tesseract import TesseractEngine
from assistant.understand import graphics, trust

needs_rapidocr = pytest.mark.skipif(not rapidocr_available(), reason="no PP-OCR models")


def _open_files() -> set[str]:
    gc.collect()
    return {key[0] for key in list(onnx_sessions._open)}


@needs_rapidocr
@pytest.mark.timeout(120)
def test_release_closes_the_text_readers_and_the_next_read_reopens_them() -> None:
    describer = Describer(DescriberOptions(device="cpu", ocr="auto", photo_ocr="rapidocr"))
    engines = describer._engines()
    photo = engines["photo_ocr"]
    assert isinstance(photo, RapidOcrEngine)
    picture = warm_up_picture()
    before = photo.recognize(picture).text
    assert before == "OPEN"
    detector = str(photo.files.detector.resolve())
    assert detector in _open_files()

    released = describer.release()

    assert "photo_ocr (RapidOcrEngine)" in released
    assert detector not in _open_files()  # freed: nobody else held it
    assert photo._characters == []  # its ~18 k strings too, read again with the session
    assert photo.recognize(picture).text == before  # reopened on need, same reading
    assert detector in _open_files()
    assert describer._engines() is engines  # the engines themselves stay (their caches too)


@needs_rapidocr
@pytest.mark.timeout(120)
def test_release_closes_the_second_looks_recogniser() -> None:
    describer = Describer(DescriberOptions(device="cpu", ocr="auto", photo_ocr="none"))
    reader = getattr(describer._engines()["ocr"], "reader", None)
    if reader is None:
        pytest.skip("the screen text reader has no second look here (no tesseract)")
    line = Image.new("RGB", (160, 40), "white")
    ImageDraw.Draw(line).text((8, 4), "OPEN", fill="black", font=ImageFont.load_default(size=28))
    before = [read.text for read in reader.read([np.asarray(line)])]
    assert "ocr (LineReader)" in describer.release()
    assert str(reader.files.recognizer.resolve()) not in _open_files() and reader._characters == []
    assert [read.text for read in reader.read([np.asarray(line)])] == before  # (remembered: not reopened)
    other = Image.new("RGB", (160, 40), "white")
    ImageDraw.Draw(other).text((8, 4), "SAVE", fill="black", font=ImageFont.load_default(size=28))
    assert [read.text for read in reader.read([np.asarray(other)])] != before
    assert describer.release() == ["ocr (LineReader)"]  # reopened by a new read, so let go again


@pytest.mark.timeout(120)
@pytest.mark.parametrize("in_process", [True, False])
def test_release_lets_go_of_tesseract_held_for_the_next_reading(in_process: bool) -> None:
    """A screen reading leaves tesseract ready for the next one: its models kept loaded in this
    process, or one process loaded and waiting for the next sheet. A quiet minute's release must
    let go of them (the process ended), and the next reading reads the same."""
    describer = Describer(DescriberOptions(device="cpu", ocr="auto", photo_ocr="none"))
    engine = getattr(describer._engines()["ocr"], "first", None)
    engine = getattr(engine, "engine", engine)  # (behind the core-font reader, glyph_reading)
    if not isinstance(engine, TesseractEngine):
        pytest.skip("the screen text reader is not tesseract with a second look here")
    if in_process and not in_process_available():
        pytest.skip("libtesseract cannot be read in this process here")
    engine._models = (engine._models or TessModels()) if in_process else None  # the library, or the program
    screen = Image.new("RGB", (420, 80), "white")
    ImageDraw.Draw(screen).text((10, 20), "Save changes", fill="black", font=ImageFont.load_default(size=28))
    before = describer._engines()["ocr"].recognize(screen).text
    spare = engine._spare
    if in_process:
        assert spare is None and engine._models is not None and engine._models._free  # kept loaded
    else:
        assert spare is not None and spare.poll() is None  # left waiting, loaded
    assert "ocr (TesseractEngine)" in describer.release()
    if in_process:
        assert engine._models is not None and not engine._models._free
    else:
        assert spare is not None and spare.poll() is not None and engine._spare is None  # ended
    assert describer._engines()["ocr"].recognize(screen).text == before


@pytest.mark.timeout(120)
def test_release_drops_the_caption_reranking_to_be_loaded_on_next_need() -> None:
    from assistant.vision.matching.rerank import load_reranker

    reranker = load_reranker("efficientnet-lite2")
    if reranker is None:
        pytest.skip("the shipped re-ranking models are not installed")
    describer = Describer(DescriberOptions(device="cpu", ocr="none"))
    describer._reranker, describer._reranker_checked = reranker, True
    head, _ = trust._head_for("efficientnet-lite2", None)  # as judging a caption loads it
    drawings = graphics._head_for("efficientnet-lite2", None)
    released = describer.release()
    assert released[0] == "caption re-ranking"
    assert describer._reranker is None and not describer._reranker_checked  # loaded again by caption()
    assert ("ImageNet head" in released) == (head is not None)
    assert ("icon-and-drawing head" in released) == (drawings is not None)
    assert graphics._head_for.cache_info().currsize == 0
    assert trust._head_for.cache_info().currsize == 0
    assert describer.release() == []  # nothing left to let go
