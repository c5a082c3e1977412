"""The Describer routes through understand(): screens are read, photos captioned (real tiny model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.capture.models import CapturedImage, WindowInfo
from assistant.describe import Describer, DescriberOptions
from tests.fixtures_screens import pillow_scenes
from tests.support.screens import SCREEN_PNG


@pytest.mark.timeout(900)
def test_describer_reads_a_terminal_and_captions_a_photo(tiny_model_dir: Path) -> None:
    describer = Describer(
        DescriberOptions(
            model_dir=tiny_model_dir, device="cpu", ocr="tesseract", photo_ocr="none", verbosity="full"
        )
    )
    window = WindowInfo(title="todo — Terminal", app_name="Terminal", rect=(0, 0, 1280, 800))
    screen = CapturedImage(image=pillow_scenes.terminal("terminal_light"), source="window", window=window)
    heard: list[str] = []
    first = describer.describe(screen, on_sentence=heard.append)
    assert first.kind == "screen"
    assert first.caption is None  # no invented photo caption for a terminal
    assert heard[0] == "todo — Terminal." and first.text == " ".join(heard)
    assert "call the dentist about Thursday" in first.text
    assert first.ocr_text is not None and "water the plants on the balcony" in first.ocr_text
    assert "ocr" in first.timings and "total" in first.timings
    assert not describer.loaded and "load_model" not in first.timings  # text alone never loads the model

    again = describer.describe(screen)  # the same window again: the change-aware reader reuses its lines
    assert again.text == first.text

    photo = describer.describe(CapturedImage(image=pillow_scenes.photo_like(320, 240, 6), source="file"))
    assert photo.kind == "photo"
    assert photo.caption
    assert describer.loaded and photo.timings["load_model"] > 0  # loaded on the first photo, and timed
    assert photo.caption_confidence is not None and 0 < photo.caption_confidence <= 1


@pytest.mark.timeout(300)
def test_the_text_read_leaves_out_the_word_window_said_after_a_title() -> None:
    # half A: a message box over a terminal, in a picture file (windows found by their title bars)
    screens = SCREEN_PNG
    png = screens / "multi-xmessage-over-notes.png"
    described = Describer(DescriberOptions(ocr="tesseract", photo_ocr="none", verbosity="full")).describe(png)
    assert described.ocr_text is not None
    said = [part.rsplit(". ", 1)[-1] for part in described.text.split(" window.")[:-1]]  # "... Title window."
    assert len(said) == 2  # each window named before its text
    for title in said:
        assert title in described.ocr_text and f"{title} window" not in described.ocr_text
