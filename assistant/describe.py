"""The describe pipeline: an image in, a :class:`Description` (what to say, and why) out. No Qt.

This is where vision, OCR and wording meet. The captioning model loads once, lazily (or eagerly
with :meth:`Describer.load` from a worker thread), and is reused; a Describer is meant to be used
from one thread at a time (the app's worker owns it).
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from assistant.capture.image_loading import capture_file
from assistant.capture.models import CapturedImage
from assistant.paths import default_model_dir
from assistant.understand.found import FoundItem, on_screen
from assistant.understand.graphics import forget_loaded as forget_graphics_head
from assistant.understand.trust import annotate as annotate_trust
from assistant.understand.trust import forget_loaded
from assistant.vision.inference.result import CaptionResult
from assistant.vision.inference.runtime import CaptionerLike, load_captioner
from assistant.vision.matching.contrastive import captioner_encoder
from assistant.vision.matching.rerank import CaptionReranker, caption_reranked, load_reranker
from assistant.vision.model.files import check_model_files

if TYPE_CHECKING:
    from assistant.capture.accessibility import AccessibleText
    from assistant.ocr import OcrEngine

log = logging.getLogger(__name__)

SentenceCallback = Callable[[str], None]
ImageInput = Image.Image | str | Path | CapturedImage


@dataclass
class DescriberOptions:
    model_dir: Path | None = None  # default: the shipped model
    device: str = "auto"  # auto, cpu, cuda
    beam_size: int = 3
    verbosity: str = "normal"  # brief, normal, full
    ocr: str = "auto"  # auto, tesseract, rapidocr, none: the text reader for screens and documents
    runtime: str = "auto"  # auto, torch, onnx: see assistant.vision.inference.runtime
    photo_ocr: str = "auto"  # text in photos: auto (RapidOCR when installed, else as ocr), or a name
    # The image-text model that gives each caption its 0..1 confidence (default: the shipped one);
    # absent, or made for another encoder: no such confidence, and the wording hedges as before.
    contrastive_dir: Path | None = None
    # Training photos' captions that vote among the beam's candidates (default: the shipped memory).
    memory_dir: Path | None = None


@dataclass
class Description:
    text: str  # exactly what is spoken
    kind: str  # photo, screen, document, mixed
    caption: str | None  # the model's caption, when one was made
    source: str  # file, screen, window, pointer, clipboard, rect
    caption_confidence: float | None = None  # 0..1: image-text match if known, else mean word probability
    ocr_text: str | None = None
    window_title: str | None = None
    timings: dict[str, float] = field(default_factory=dict)  # milliseconds per stage
    more: list[str] = field(default_factory=list)  # text left out by the verbosity: *continue* reads it
    items: list[FoundItem] = field(default_factory=list)  # what was read, with click points when live


class Describer:
    def __init__(
        self,
        options: DescriberOptions | None = None,
        captioner: CaptionerLike | None = None,
        accessible: AccessibleText | None = None,
    ) -> None:
        self.options = options or DescriberOptions()
        self._captioner = captioner
        # Windows' accessibility trees, read instead of OCR where they tell (issue #15); made on
        # the first live grab with a window stack unless given.
        self.accessible = accessible
        self._lock = threading.Lock()
        self._ocr_engines: dict[str, OcrEngine | None] | None = None  # made on first describe, then kept
        self._reranker: CaptionReranker | None = None
        self._reranker_checked = False
        self.load_ms: float | None = None  # how long loading the model took, once it is loaded

    @property
    def loaded(self) -> bool:
        return self._captioner is not None

    def load(self) -> CaptionerLike:
        """Load the model if needed (slow: seconds); raises ModelError with a clear message."""
        with self._lock:
            if self._captioner is None:
                started = time.perf_counter()
                model_dir = self.options.model_dir or default_model_dir()
                self._captioner = load_captioner(model_dir, self.options.device, self.options.runtime)
                self.load_ms = (time.perf_counter() - started) * 1000
            return self._captioner

    def warm_up(self, stop: Callable[[], bool] | None = None) -> dict[str, float]:
        """Set up now what the first describe would set up, and run a tiny picture through it once.

        Why (issue #17): the OCR engines, the caption memory, the image-text model and the ImageNet
        head were made on the first describe, and each ONNX session's first run is slow, so the first
        description took ~3x the second. The worker calls this after the model loads (in its thread,
        after saying "ready"). ``stop`` is asked before each step: when a real request is waiting, the
        rest is left to it (it does the same setup), so it never waits for more than the step running.
        Failures are logged, never raised: the describe that needs the broken part reports it then.
        Returns milliseconds per part that warmed (for logs and benchmarks).
        """
        timings: dict[str, float] = {}
        picture = warm_up_picture()

        def step(name: str, what: str, run: Callable[[], object]) -> bool:
            if stop is not None and stop():
                log.info("warm-up: left the rest to the request waiting (done: %s)", sorted(timings))
                return False
            started = time.perf_counter()
            try:
                run()
            except Exception:
                log.warning("warm-up: %s failed", what, exc_info=True)
            else:
                timings[name] = (time.perf_counter() - started) * 1000
            return True

        # The captioner's first run, the caption memory, the image-text model and the ImageNet head.
        if not step("caption", "captioning a tiny picture", lambda: self.caption(picture)):
            return timings
        if not step("engines", "making the text readers", self._engines):
            return timings
        # Each text reader's detector and recogniser run once: the picture has a word on it.
        engines = self._ocr_engines or {}
        readers = [(n, e) for n, e in engines.items() if e is not None and n != "screen_ocr"]
        for name, engine in readers:  # (screen_ocr wraps "ocr")
            if not step(name, f"the {name} text reader", functools.partial(engine.recognize, picture)):
                return timings
        # What is left: the first describe's imports and the wording (everything above is kept).
        step("describe", "describing a tiny picture", lambda: self.describe(picture))
        return timings

    def release(self) -> list[str]:
        """Let go of the parts that reopen on their next need; what was let go, for the log.

        Why (issue #19): an app that waits with all of it loaded held ~270 MB. The captioner stays
        (it is the model the app reports ready); the caption re-ranking (memory and image-text model,
        ~20 MB), the ImageNet and icon-and-drawing heads that judge captions (~6 MB), the PP-OCR
        text readers' sessions (~34 MB) and the tesseract process left waiting for a sheet (~30 MB,
        in a process of its own) go, and the next description reopens them: measured on a busy
        2-core machine, the first description after a release took 0.3-0.7 s more than the next
        (about 1 s). The app's worker calls this after a quiet minute (assistant/app/worker.py); run it
        between describes, never during one.
        """
        let_go = []
        if self._reranker is not None:
            let_go.append("caption re-ranking")
        self._reranker, self._reranker_checked = None, False
        if forget_loaded():
            let_go.append("ImageNet head")
        if forget_graphics_head():
            let_go.append("icon-and-drawing head")
        for name, engine in (self._ocr_engines or {}).items():
            # The photo reader, and the screen reader's second look (SecondLookOcr.reader) and the
            # tesseract process it keeps waiting for its next sheet (SecondLookOcr.first).
            # (SecondLookOcr.first: tesseract, behind the core-font reader, GlyphFirstOcr.engine.)
            first = getattr(engine, "first", None)
            parts = (engine, getattr(engine, "reader", None), getattr(first, "engine", first))
            for part in parts if name != "screen_ocr" else ():
                release = getattr(part, "release", None)
                if callable(release) and release():
                    let_go.append(f"{name} ({type(part).__name__})")
        return let_go

    @property
    def encoder_name(self) -> str:
        """The loaded captioner's image encoder: the heads that read its pooled feature must fit it."""
        return captioner_encoder(self.load())

    def caption(self, image: Image.Image) -> CaptionResult:
        """The picture's caption, re-ranked when the image-text model and caption memory are there.

        This makes the Describer a :class:`assistant.understand.PictureCaptioner`: understand() asks it
        only about photos, so the model loads on first need and a screen of text never waits for it.
        """
        captioner = self.load()
        if not self._reranker_checked:  # once: the folders are read, and their encoder checked, on first need
            self._reranker = load_reranker(
                captioner_encoder(captioner), self.options.contrastive_dir, self.options.memory_dir
            )
            self._reranker_checked = True
        encoder = captioner_encoder(captioner)
        if self._reranker is None:  # judged by ImageNet's labels alone (issue #16: understand/trust.py)
            return annotate_trust(
                captioner.caption(image, beam_size=self.options.beam_size), None, encoder, image
            )
        # The beam's best few, re-ranked by fit to the picture and agreement with similar photos.
        (result,) = caption_reranked(captioner, self._reranker, [image], self.options.beam_size)
        assert isinstance(result, CaptionResult)
        # Out of its depth? Judged against the training photos and ImageNet (understand/trust.py).
        return annotate_trust(result, self._reranker.memory, encoder, image, matcher=self._reranker.matcher)

    def describe(self, image: ImageInput, *, on_sentence: SentenceCallback | None = None) -> Description:
        started = time.perf_counter()
        timings: dict[str, float] = {}
        captured = image if isinstance(image, CapturedImage) else capture_file(image)
        timings["load_image"] = (time.perf_counter() - started) * 1000
        if not self.loaded:  # a missing model is said at once, not discovered half-way through
            check_model_files(self.options.model_dir or default_model_dir())
        description = self._compose(captured, on_sentence, timings)
        description.timings["total"] = (time.perf_counter() - started) * 1000
        return description

    def _engines(self) -> dict[str, OcrEngine | None]:
        """The text readers, made on first need and kept: ``ocr`` (screens, documents), ``screen_ocr``
        (the same behind ChangeAwareOcr) and ``photo_ocr`` (text in photos)."""
        from assistant.ocr import ChangeAwareOcr, create_ocr_engine
        from assistant.ocr.rapid import rapidocr_available

        if self._ocr_engines is None:
            ocr = None if self.options.ocr == "none" else create_ocr_engine(self.options.ocr)
            photo_name = self.options.photo_ocr
            if photo_name == "auto":
                photo_name = "rapidocr" if rapidocr_available() and ocr is not None else "none"
            photo_ocr = None if photo_name == "none" else create_ocr_engine(photo_name)
            self._ocr_engines = {
                "ocr": ocr,
                "screen_ocr": ChangeAwareOcr(ocr) if ocr is not None else None,
                "photo_ocr": photo_ocr,
            }
        return self._ocr_engines

    def _compose(
        self, captured: CapturedImage, on_sentence: SentenceCallback | None, timings: dict[str, float]
    ) -> Description:
        """Decide what to say: kind, window title, text in reading order, hedged captions (see
        assistant.understand.compose). OCR engines are made once and kept on the Describer; screen
        captures go through ChangeAwareOcr so a repeated capture re-reads only what changed."""
        from assistant.capture.accessibility import create_accessible_text
        from assistant.catalog import VERBOSITIES, canonical
        from assistant.understand import understand
        from assistant.understand.windows import WindowOcr, grabbed_window, screen_windows

        engines = self._engines()
        live = captured.source in ("screen", "window", "pointer", "rect")
        window = captured.window
        ocr = engines["screen_ocr"] if live else engines["ocr"]
        # A live describe screen: named and read window by window (brief: the active one, the rest named).
        brief = canonical("verbosity", self.options.verbosity) == VERBOSITIES[0]
        if captured.windows is not None and self.accessible is None:
            self.accessible = create_accessible_text()
        windows = screen_windows(captured, active_only=brief, accessible=self.accessible)
        if windows is not None:
            window = windows.active_info()  # from the stack: never the assistant's own focused window
            ocr = WindowOcr(ocr, windows) if ocr is not None else None
        elif ocr is not None and (grabbed := grabbed_window(captured, self.accessible)) is not None:
            ocr = WindowOcr(ocr, grabbed)  # describe window: its tree when it tells, else OCR as before
        was_loaded = self.loaded
        result = understand(
            captured.image,
            captioner=self,
            ocr=ocr,
            photo_ocr=engines["photo_ocr"],
            verbosity=self.options.verbosity,
            window_title=window.title if window else None,
            app_name=window.app_name if window else None,
            on_sentence=on_sentence,
            opening=windows.opening() if windows is not None else None,
        )
        if not was_loaded and self.load_ms is not None:
            timings["load_model"] = self.load_ms
        timings.update(result.timings)
        return Description(
            text=result.text,
            kind=result.kind,
            caption=result.caption,
            source=captured.source,
            caption_confidence=result.caption_confidence,
            ocr_text=result.ocr_text,
            window_title=window.title if window else None,
            timings=timings,
            more=result.more,
            items=_placed(result.items, captured),
        )


def _placed(items: list[FoundItem], captured: CapturedImage) -> list[FoundItem]:
    """Explore mode's items on the screen for a live capture (its rect's pixels may be scaled in the
    image); a file's items stay unplaced (nothing to click)."""
    rect = captured.rect
    if rect is None or captured.source not in ("screen", "window", "pointer", "rect"):
        return items
    return on_screen(items, (rect[0], rect[1]), rect[2] / max(1, captured.image.width))


def warm_up_picture() -> Image.Image:
    """A tiny outdoor-looking picture with a word on it: enough to run every model once."""
    picture = Image.new("RGB", (160, 120), (130, 180, 235))
    draw = ImageDraw.Draw(picture)
    draw.rectangle([0, 70, 160, 120], fill=(70, 150, 60))
    draw.ellipse([60, 60, 100, 90], fill=(120, 80, 40))
    draw.text((10, 8), "OPEN", fill=(0, 0, 0), font=ImageFont.load_default(size=28))  # RapidOCR reads it
    return picture
