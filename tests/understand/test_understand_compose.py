"""What is said: no invented captions for screens, first sentence before OCR ends, hedging, verbosity."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.errors import AssistantError
from assistant.ocr import OcrEngine, OcrResult, create_ocr_engine
from assistant.understand import ComposeConfig, caption_confidence, hedge, read_all_text, understand
from tests.fixtures_screens import pillow_scenes

PALETTE = {
    "red": (200, 40, 40),
    "green": (40, 160, 60),
    "blue": (40, 70, 200),
    "grey": (128, 128, 128),
    "white": (245, 245, 245),
    "black": (15, 15, 15),
    "yellow": (220, 210, 50),
}


@dataclass
class ColourCaption:
    text: str
    log_prob: float
    mean_log_prob: float
    confidence: float | None = None  # no image-text model here


class ColourCaptioner:
    """A real (if humble) captioner: names the dominant colour; its share is the confidence."""

    def __init__(self, boost: float = 1.0) -> None:
        self.calls: list[tuple[int, int]] = []
        self.boost = boost

    def caption(self, image: Image.Image) -> ColourCaption:
        self.calls.append(image.size)
        pixels = np.asarray(image.convert("RGB").resize((32, 32)), dtype=np.float32).reshape(-1, 3)
        names = list(PALETTE)
        centres = np.array([PALETTE[n] for n in names], dtype=np.float32)
        nearest = np.argmin(((pixels[:, None, :] - centres[None]) ** 2).sum(axis=2), axis=1)
        counts = np.bincount(nearest, minlength=len(names))
        share = min(1.0, counts.max() / counts.sum() * self.boost)
        mean = math.log(max(share, 1e-6))
        return ColourCaption(f"A picture that is mostly {names[int(counts.argmax())]}.", 5 * mean, mean)


class TimedOcr(OcrEngine):
    """Wraps a real engine and records when its work ended."""

    def __init__(self, inner: OcrEngine, delay_s: float = 0.0) -> None:
        self.inner = inner
        self.name = inner.name
        self.delay_s = delay_s
        self.finished_at: float | None = None
        self.thread: str | None = None

    def recognize(self, image: Image.Image) -> OcrResult:
        self.thread = threading.current_thread().name
        result = self.inner.recognize(image)
        time.sleep(self.delay_s)
        self.finished_at = time.perf_counter()
        return result


@pytest.fixture(scope="module")
def tesseract() -> OcrEngine:
    return create_ocr_engine("tesseract")


@pytest.mark.timeout(120)
def test_screen_is_read_and_no_caption_is_invented(tesseract: OcrEngine) -> None:
    captioner = ColourCaptioner()
    image = pillow_scenes.terminal("terminal_light")
    result = understand(
        image,
        captioner=captioner,
        ocr=tesseract,
        verbosity="full",
        window_title="notes — Terminal",
        app_name="Terminal",
    )
    assert result.kind == "screen"
    assert captioner.calls == []  # a screen without pictures: the photo model is never asked
    assert result.caption is None and "picture" not in result.text.lower()
    assert result.sentences[0] == "notes — Terminal."
    for line in pillow_scenes.TERMINAL_SESSIONS["terminal_light"][1:6]:
        assert line in result.text
    assert result.text == " ".join(result.sentences)
    assert set(result.timings) >= {"classify", "ocr", "caption", "first_sentence", "total"}


@pytest.mark.timeout(120)
def test_first_sentence_is_spoken_before_ocr_ends(tesseract: OcrEngine) -> None:
    slow = TimedOcr(tesseract, delay_s=0.5)
    heard: list[tuple[float, str]] = []
    image = pillow_scenes.document_page(1, 1, "Annual letter to our members")[0]
    result = understand(
        image,
        captioner=None,
        ocr=slow,
        window_title="letter.pdf",
        app_name="Document Viewer",
        on_sentence=lambda s: heard.append((time.perf_counter(), s)),
    )
    assert heard[0][1] == "letter.pdf, Document Viewer."
    assert slow.finished_at is not None and heard[0][0] < slow.finished_at
    assert slow.thread is not None and slow.thread != threading.current_thread().name
    assert [s for _, s in heard] == result.sentences
    assert result.kind == "document" and "Document." in result.sentences


@pytest.mark.timeout(180)
def test_photo_caption_comes_first_then_its_text(tesseract: OcrEngine) -> None:
    rapid = create_ocr_engine("rapidocr")
    captioner = ColourCaptioner(boost=3.0)
    heard: list[str] = []
    image = pillow_scenes.photo_with_sign(640, 480, 5, "OPEN")
    result = understand(image, captioner=captioner, ocr=tesseract, photo_ocr=rapid, on_sentence=heard.append)
    assert result.kind == "photo"
    assert captioner.calls == [image.size]
    assert heard[0] == result.sentences[0] and heard[0].startswith(
        ("A picture that is mostly", "Probably a picture")
    )
    assert result.sentences[-1] == "With the text 'OPEN'."


@pytest.mark.timeout(120)
def test_pictures_in_a_page_are_captioned_after_the_text(tesseract: OcrEngine) -> None:
    captioner = ColourCaptioner(boost=3.0)
    image, _texts, boxes = pillow_scenes.photo_viewer(7)
    result = understand(image, captioner=captioner, ocr=tesseract, verbosity="normal")
    assert result.kind == "mixed"
    assert len(captioner.calls) == 1
    region_w, region_h = captioner.calls[0]
    assert (
        abs(region_w - (boxes[0][2] - boxes[0][0])) < 80 and abs(region_h - (boxes[0][3] - boxes[0][1])) < 80
    )
    assert result.sentences[-1].startswith("A picture:")
    assert "Holiday picture taken at the lake" in result.text


def test_hedging_by_confidence() -> None:
    cfg = ComposeConfig(sure=0.4, unsure=0.2)
    assert hedge("A dog runs on grass", 0.7, cfg) == "A dog runs on grass."
    assert hedge("A dog runs on grass.", 0.3, cfg) == "Probably a dog runs on grass."
    assert hedge("A dog runs on grass.", 0.1, cfg) is None
    assert caption_confidence(ColourCaption("x", -1.0, math.log(0.5))) == pytest.approx(0.5)


@pytest.mark.timeout(120)
def test_very_unsure_caption_says_nothing_made_up() -> None:
    class Unsure(ColourCaptioner):
        def caption(self, image: Image.Image) -> ColourCaption:
            return ColourCaption("A man standing in front of a building.", -30.0, -3.0)

    result = understand(pillow_scenes.photo_like(320, 240, 9), captioner=Unsure(), ocr=None)
    assert result.kind == "photo"
    assert result.text == "A photo."
    assert result.caption == "A man standing in front of a building."  # kept for the history, not spoken


@pytest.mark.timeout(180)
def test_verbosity_brief_normal_full(tesseract: OcrEngine) -> None:
    image, drawn, _ = pillow_scenes.document_page(2, 2, "Field notes on coastal birds")
    out = {
        v: understand(image, captioner=None, ocr=tesseract, verbosity=v) for v in ("brief", "normal", "full")
    }
    brief, normal, full = (len(out[v].text.split()) for v in ("brief", "normal", "full"))
    assert brief < normal < full
    assert out["brief"].sentences[1] == "Field notes on coastal birds."
    assert out["normal"].sentences[-1] == "More text follows."
    spoken = " ".join(out["full"].text.split()).lower()
    for line in drawn[1:6]:
        assert " ".join(line.split()).lower().rstrip(".") in spoken
    with pytest.raises(AssistantError, match="verbosity"):
        understand(image, captioner=None, ocr=None, verbosity="loud")


@pytest.mark.timeout(120)
def test_read_all_text(tesseract: OcrEngine) -> None:
    text = read_all_text(pillow_scenes.terminal("terminal_light"), tesseract)
    assert "buy milk and bread." in text
    assert read_all_text(Image.new("RGB", (300, 200), "white"), tesseract) == "No text found."


@pytest.mark.timeout(600)
def test_real_tiny_captioner_is_used_for_a_photo(tiny_model_dir: Path) -> None:
    from assistant.vision.inference.torch_captioner import Captioner

    captioner = Captioner.load(tiny_model_dir, "cpu")
    result = understand(pillow_scenes.photo_like(224, 224, 4), captioner=captioner, ocr=None)
    assert result.kind == "photo"
    assert result.caption and result.caption_confidence is not None and 0 < result.caption_confidence <= 1
    assert result.sentences[0] in {
        "A photo.",
        hedge(result.caption, result.caption_confidence),
    }
