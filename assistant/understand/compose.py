"""What to say about an image: kind, window title, text in reading order, captions, hedged.

The order of work is chosen for the listener, in four stages: a cheap pixel classification
(milliseconds) tells whether the image is mostly a photo; OCR then runs in a worker thread while
this thread speaks the first sentence (the window title, or the photo's caption) and captions any
pictures; the text's kind is then settled, and the rest composed. The caption model is only asked
about photos and photo regions, never about a text editor: a photo captioner shown a screen invents
"a man standing in front of a building".
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType
from typing import Protocol

from PIL import Image

from assistant.catalog import VERBOSITIES, canonical  # declared once, with the Settings (issue #14)
from assistant.errors import AssistantError
from assistant.ocr.bar_cells import bar_cells
from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import Box
from assistant.ocr.gap_reading import fill_gaps
from assistant.ocr.incremental import ChangeAwareOcr
from assistant.ocr.layout import TextBlock, read_text, starts_window
from assistant.ocr.line_reader import LineReader
from assistant.ocr.pane_reading import read_panes
from assistant.ocr.panels import find_panels, unframed
from assistant.ocr.shortcut_bars import shortcut_bars
from assistant.ocr.titles import gaps_and_titles
from assistant.understand.classify import KindResult, classify_kind
from assistant.understand.dialogs import by_window, read_dialog
from assistant.understand.found import FoundItem, found_items
from assistant.understand.graphics import named_instead
from assistant.understand.picture_reading import photo_said, picture_reading
from assistant.understand.reading import select_text
from assistant.understand.trust import CANT_TELL, Assessment, speak
from assistant.understand.windows import WindowedText, WindowOcr
from assistant.understand.wording import (
    CaptionLike,
    ComposeConfig,
    caption_confidence,
    hedge_result,
    lower_first,
    sentence,
)

log = logging.getLogger(__name__)


class PictureCaptioner(Protocol):
    """What understand() needs to caption a photo, or a picture on a screen: the Describer (which
    loads the model on first need and re-ranks the beam), or either runtime's captioner as it is."""

    def caption(self, image: Image.Image) -> CaptionLike: ...


@dataclass
class Understanding:
    text: str  # exactly what will be spoken
    kind: str  # screen | document | photo | mixed
    caption: str | None
    caption_confidence: float | None
    ocr_text: str | None  # all text in reading order (None when OCR was off)
    sentences: list[str]
    timings: dict[str, float]  # ms: "classify", "ocr", "caption", "first_sentence", "total"
    photo_regions: list[Box] = field(default_factory=list)
    more: list[str] = field(default_factory=list)  # text the verbosity left out, for *continue*
    items: list[FoundItem] = field(default_factory=list)  # what was read, item by item (explore mode)


@dataclass(frozen=True)
class Plan:
    """How much one verbosity level says."""

    text_words: int | None  # screen text read before "More text follows." (None: all of it)
    openings_only: bool  # headings and each block's first line, a skim
    pictures: int  # photo regions on a screen captioned, largest first
    photo_text_words: int | None  # text quoted out of a photo (None: all)


def plan_for(verbosity: str, cfg: ComposeConfig) -> Plan:
    """The plan for ``verbosity``; levels go from a skim to everything, in VERBOSITIES' order."""
    verbosity = canonical("verbosity", verbosity)  # an older spelling ("full") still works
    if verbosity not in VERBOSITIES:
        choices = f"{', '.join(VERBOSITIES[:-1])} or {VERBOSITIES[-1]}"
        raise AssistantError(f"Unknown verbosity '{verbosity}'; choose {choices}.")
    level = VERBOSITIES.index(verbosity)
    if level == 0:
        return Plan(cfg.brief_words, True, 1, cfg.photo_text_words)
    if level == 1:
        return Plan(cfg.normal_words, False, cfg.max_pictures, cfg.photo_text_words)
    return Plan(None, False, cfg.max_pictures, None)


@dataclass
class _Speech:
    """The sentences said so far; each goes to ``on_sentence`` as soon as it is known."""

    on_sentence: Callable[[str], None] | None
    started: float = field(default_factory=time.perf_counter)
    sentences: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000

    def say(self, text: str | None) -> None:
        if not text:
            return
        self.sentences.append(text)
        self.timings.setdefault("first_sentence", self.elapsed_ms())
        if self.on_sentence is not None:
            self.on_sentence(text)


@dataclass
class _Captions:
    """Captioning with its time kept; the first caption made is the one reported with the result."""

    captioner: PictureCaptioner | None
    cfg: ComposeConfig
    ms: float = 0.0
    first: CaptionLike | None = None
    held: str | None = None  # a photo's "I can't tell ...", said once its text is known (a sign says more)

    def say_photo(self, picture: Image.Image, speech: _Speech) -> None:
        """Says the photo's caption; holds the gate's "I can't tell" until the photo's text is known."""
        said = self.spoken(picture) or "A photo."
        self.held = said if said.startswith(CANT_TELL) else None
        speech.say(said if self.held is None else None)

    def spoken(self, picture: Image.Image) -> str | None:
        """The picture's caption as said (hedged), or None: no captioner, no model, or too unsure."""
        if self.captioner is None:
            return None
        t = time.perf_counter()
        try:
            result = self.captioner.caption(picture)
        except AssistantError as exc:  # no model: still read the text, say "A picture."
            log.warning("captioning failed: %s", exc)
            return None
        finally:
            self.ms += (time.perf_counter() - t) * 1000
        if self.first is None:
            self.first = result
        said = speak(result, hedge_result(result, self.cfg))  # the trust gate's sentence when out of depth
        trust = getattr(result, "trust", None)
        if isinstance(trust, Assessment) and not trust.trusted:  # a drawn icon or clip art? (graphics.py)
            encoder = getattr(self.captioner, "encoder_name", None)
            return named_instead(getattr(result, "pooled", None), picture, encoder, said)  # or a cut-out
        return said


def _run_ocr(ocr: OcrEngine, image: Image.Image, panes_first: bool = False) -> tuple[OcrResult | None, float]:
    t0 = time.perf_counter()
    panes = find_panels(image) if panes_first else find_panels  # no stack: frames are no text (unframed)
    try:
        framed = [p for p in panes if p.bar is not None] if isinstance(panes, list) else []
        if len(framed) > 1:  # windows found from the pixels: each read alone, at once (by the engine
            # itself: the change-aware reader keeps one picture's lines, not each window's)
            engine = ocr.engine if isinstance(ocr, ChangeAwareOcr) else ocr
            result = read_panes(engine, unframed(image, framed), framed)
        else:
            result = ocr.recognize(unframed(image, panes) if isinstance(panes, list) else image)
    except AssistantError as exc:  # a broken engine must not silence the caption
        log.warning("OCR failed: %s", exc)
        result = None
    if result is not None:
        result.picture = image  # the rules and grounds between lines (assistant.ocr.separators)
    stack = result.windows if isinstance(result, WindowedText) else None  # the desktop said where
    if result is not None and result.lines:
        # A table's lone digits, a second look (by the engine a window reader wraps: it reads a
        # sheet of snippets, not windows; half A live: table rows 44 -> 49 of 61).
        if stack is not None:  # (window by window)
            result.lines = fill_gaps(image, result.lines, getattr(ocr, "engine", ocr), stack.panes())
        else:  # and overlapping windows, read one by one; a title in doubt read again (at once)
            result.lines, result.panels = gaps_and_titles(image, result.lines, ocr, panes)
        # Last, once every reading is in (the gaps' too: nano's "^K" read "nH" there), and seen by no
        # reading before (a gap's snippets are read beside each other): nano's "^X" read "*X" or not
        # at all is named by its label, "Exit".
        result.lines = shortcut_bars(result.lines)
        # And a function-key bar's cells (mc's, htop's), each read alone where it was lost or unsure.
        reader = _line_reader(ocr)
        if reader is not None:
            result.lines = bar_cells(image, result.lines, reader)
    return result, (time.perf_counter() - t0) * 1000


def _line_reader(ocr: OcrEngine) -> LineReader | None:
    """The recogniser the second look reads with, inside whatever wraps it (the live screen's window
    reader, the change-aware reader); None where the engine has none (tesseract alone)."""
    engine: object = ocr
    for _ in range(4):
        reader = getattr(engine, "reader", None)
        if isinstance(reader, LineReader):
            return reader
        engine = getattr(engine, "engine", None)
    return None


def _mask_regions(image: Image.Image, regions: list[Box]) -> Image.Image:
    """Pictures blanked out before OCR of a page: saves time and stops OCR reading noise as text."""
    if not regions:
        return image
    masked = image.convert("RGB").copy()
    for box in regions:
        masked.paste((255, 255, 255), box)
    return masked


class _PendingText:
    """Stage 2: OCR in a worker thread, started at once, while this thread speaks and captions.

    ``photo_ocr`` reads text in photos when given (RapidOCR reads signs and shirts that tesseract,
    made for pages, does not); ``ocr`` reads everything else, with the page's pictures blanked out.
    """

    def __init__(
        self, rgb: Image.Image, guess: KindResult, ocr: OcrEngine | None, photo_ocr: OcrEngine | None
    ) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._future: Future[tuple[OcrResult | None, float]] | None = None
        if ocr is None:
            return
        photo = guess.kind == "photo"
        engine = (photo_ocr or ocr) if photo else ocr
        image = rgb if photo else _mask_regions(rgb, guess.photo_regions)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocr")
        self._future = self._pool.submit(_run_ocr, engine, image, not (photo or isinstance(ocr, WindowOcr)))

    def __enter__(self) -> _PendingText:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False)

    def result(self) -> tuple[OcrResult | None, float | None]:
        """The OCR result (None when off or failed) and its milliseconds (None when off)."""
        if self._future is None:
            return None, None
        return self._future.result()


def _title_sentence(window_title: str | None, app_name: str | None) -> str | None:
    """The window's name, said first; None when neither the title nor the program is known."""
    title = (window_title or "").strip()
    app = (app_name or "").strip()
    if title and app and app.lower() not in title.lower():
        return sentence(f"{title}, {app}")
    return sentence(title or app) or None


_KIND_OPENINGS = {"document": "Document.", "mixed": "Screen with pictures."}


def _caption_stage(
    rgb: Image.Image, guess: KindResult, captions: _Captions, speech: _Speech, plan: Plan, title: str | None
) -> list[str]:
    """Stage 3: the first sentence (the photo's caption, or the window's name), then the pictures
    inside a page captioned while OCR still runs; returns the pictures' sentences, said last."""
    if guess.kind == "photo":
        captions.say_photo(rgb, speech)
        return []
    speech.say(title)
    regions = guess.photo_regions
    if captions.captioner is None and len(regions) > 1:
        return [f"{len(regions)} pictures."]
    said = []
    for box in regions[: plan.pictures]:
        hedged = captions.spoken(rgb.crop(box))
        said.append(f"A picture: {lower_first(hedged)}" if hedged else "A picture.")
    return said


def _compose_photo(
    rgb: Image.Image, blocks: list[TextBlock], captions: _Captions, speech: _Speech, plan: Plan, *, said: bool
) -> None:
    """Stage 4 for a photo: its caption unless ``said`` already, a code on it (a product's barcode, a
    poster's QR code: what a person pointing a camera at it wants), then the text OCR is sure of."""
    if not said:  # a photo with dark or flat parts: only now known not to be a page
        captions.first = None
        captions.say_photo(rgb, speech)
    # Only confident text: texture in a photo is easily misread as letters.
    sure = [ln for b in blocks for ln in b.lines if ln.confidence >= captions.cfg.photo_text_confidence]
    held, captions.held = captions.held, None  # "I can't tell": a sign, a page or a receipt says more
    for piece in photo_said(rgb, sure, plan.text_words, plan.photo_text_words, held):
        speech.say(piece)


def _compose_screen(
    kind: str,
    blocks: list[TextBlock],
    pictures: list[str],
    speech: _Speech,
    plan: Plan,
    *,
    titled: bool,
    read: bool,
    panes: int = 0,
    dialogs: bool = True,
) -> tuple[list[str], list[TextBlock]]:
    """Stage 4 for a screen or page: what it is (unless a title said it), its text, then its pictures.
    ``read``: OCR was asked, so finding no text (and no picture) is worth saying. Returns the text
    the plan left out ("More text follows."), which *continue* reads on into, and the blocks in the
    order they were said (explore mode lists them so). ``dialogs``: False for a chart or a diagram
    (a legend's short capitalised words are no buttons)."""
    # One dialog: its buttons said last. Not when several windows are read (the active one is named by
    # the opening, each further one by a "... window" heading) or several panes were found in the
    # picture (overlapping windows): the buttons would leave their window.
    windows = sum(1 for b in blocks if starts_window(b))
    dialog = read_dialog(blocks) if dialogs and not pictures and windows == 0 and panes <= 1 else None
    if windows and not pictures:
        blocks = by_window(blocks)  # a dialog among windows: its buttons last in it
    if not titled:
        dialog_said = dialog is not None and dialog.is_dialog
        several = f"Screen, {windows} windows." if windows > 1 and kind == "screen" else None  # in a picture
        speech.say("Dialog." if dialog_said else several or _KIND_OPENINGS.get(kind, "Screen."))
    elif kind == "document":
        speech.say("Document.")
    pieces, more = select_text(
        dialog.blocks if dialog else blocks, plan.text_words, openings_only=plan.openings_only
    )
    for piece in pieces:
        speech.say(piece)
    if dialog is not None and more:
        more.append(dialog.sentence)  # the buttons come last when continue reads on, too
    elif dialog is not None:
        speech.say(dialog.sentence)
    if more:
        speech.say("More text follows.")
    if read and not blocks and not pictures:
        speech.say("No text found.")
    for piece in pictures:
        speech.say(piece)
    return more, dialog.said_blocks if dialog is not None else blocks


def _classify(rgb: Image.Image, text: OcrResult | None, speech: _Speech) -> KindResult:
    """Stages 1 and 4's kind: by pixels alone first, then again with the text OCR found."""
    t0 = time.perf_counter()
    result = classify_kind(rgb, text)
    speech.timings["classify"] = speech.timings.get("classify", 0.0) + (time.perf_counter() - t0) * 1000
    return result


def understand(
    image: Image.Image,
    *,
    captioner: PictureCaptioner | None,
    ocr: OcrEngine | None,
    verbosity: str = "normal",
    window_title: str | None = None,
    app_name: str | None = None,
    on_sentence: Callable[[str], None] | None = None,
    config: ComposeConfig | None = None,
    photo_ocr: OcrEngine | None = None,
    opening: str | None = None,
) -> Understanding:
    """Describes ``image`` for speech; ``on_sentence`` gets each sentence as soon as it is known.

    Stages: classify (pixels) -> text (OCR starts in a worker) -> caption (the first sentence, and
    pictures on a page) -> compose (kind settled with the text; the rest said). ``photo_ocr`` reads
    text in photos when given; ``ocr`` reads everything else (None: no text is read). ``opening``:
    the first sentence when the desktop already said it (a live screen's windows, from
    :mod:`assistant.understand.windows`), said first, before any other work, instead of the title.
    """
    cfg = config or ComposeConfig()
    plan = plan_for(verbosity, cfg)
    speech = _Speech(on_sentence)
    speech.say(opening)  # the desktop's words need no pixels: said before any other work
    rgb = image.convert("RGB")
    guess = _classify(rgb, None, speech)
    captions = _Captions(captioner, cfg)
    title = opening or _title_sentence(window_title, app_name)
    with _PendingText(rgb, guess, ocr, photo_ocr) as pending:
        pictures = _caption_stage(rgb, guess, captions, speech, plan, None if opening else title)
        text, ocr_ms = pending.result()
    if ocr_ms is not None:
        speech.timings["ocr"] = ocr_ms
    final = _classify(rgb, text, speech) if text is not None else guess
    said_as_photo = guess.kind == "photo"  # then the text found is read as the photo's text
    kind = "photo" if said_as_photo else final.kind
    if kind == "photo" and not said_as_photo and ocr is not None:  # read with its pictures blanked out:
        text, _ = _run_ocr(photo_ocr or ocr, rgb)  # read the photo itself (a sign, a page, a meme)
    blocks = text.blocks() if text is not None else []
    more: list[str] = []
    said_blocks = blocks
    if kind == "photo":
        _compose_photo(rgb, blocks, captions, speech, plan, said=said_as_photo)
    else:
        # A picture file that is no photo (a chart, a QR code, an icon, a drawing): said as what it is.
        # (a diagram's boxes come back in its arrows' order, a photographed receipt's in its rows)
        # Not a screenshot: windows found by their title bars make it a screen (its desktop is no chart).
        windowed = text is not None and any(p.bar is not None for p in text.panels)
        reading = (
            picture_reading(rgb, blocks, captions.captioner, ocr=ocr, photo_ocr=photo_ocr, pictures=pictures)
            if title is None and not windowed
            else None
        )
        if reading is not None:
            lead, blocks, pictures = reading.lead, reading.blocks, reading.pictures
        else:
            lead = None
        speech.say(lead)
        titled, read = title is not None or lead is not None, ocr is not None and lead is None
        panes = len(text.panels) if text is not None else 0
        more, said_blocks = _compose_screen(
            kind, blocks, pictures, speech, plan, titled=titled, read=read, panes=panes, dialogs=lead is None
        )
    speech.timings["caption"] = captions.ms
    speech.timings["total"] = speech.elapsed_ms()
    first = captions.first
    return Understanding(
        text=" ".join(speech.sentences),
        kind=kind,
        caption=first.text if first is not None else None,
        caption_confidence=caption_confidence(first) if first is not None else None,
        ocr_text="\n\n".join(read_text(b) for b in blocks) if text is not None else None,
        sentences=speech.sentences,
        timings={k: round(v, 1) for k, v in speech.timings.items()},
        photo_regions=final.photo_regions,
        more=more,
        items=found_items(said_blocks),
    )
