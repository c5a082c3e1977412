"""What to say about an image: kind, window title, text in reading order, captions, hedged.

The order of work is chosen for the listener: a cheap pixel classification (milliseconds) tells
whether the image is mostly a photo; OCR then runs in a worker thread while this thread speaks
the first sentence (the window title, or the photo's caption) and captions any pictures. The
caption model is only asked about photos and photo regions, never about a text editor: a photo
captioner shown a screen invents "a man standing in front of a building".
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

from PIL import Image

from assistant.errors import AssistantError
from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import Box
from assistant.ocr.layout import TextBlock
from assistant.understand.classify import KindResult, classify_kind

log = logging.getLogger(__name__)

VERBOSITIES = ("brief", "normal", "full")


class CaptionLike(Protocol):
    """What understand() needs from the captioner's result (assistant.vision.inference.torch_captioner.CaptionResult)."""

    text: str
    log_prob: float
    mean_log_prob: float


CaptionFn = Callable[[Image.Image], CaptionLike]


@dataclass(frozen=True)
class ComposeConfig:
    # Word probability in 0..1: exp(mean_log_prob), the geometric mean of the per-word probabilities.
    # At or above ``sure``: said plainly; above ``unsure``: "Probably ..."; below: nothing made up,
    # just "A photo." (``caption_confidence`` reports the match confidence instead when there is one.)
    sure: float = 0.40
    unsure: float = 0.20
    # When the result also carries the image-text model's calibrated match ``confidence`` (0.5 = as
    # likely a match as not; assistant.vision.matching.contrastive), each doubt lowers the wording one
    # step: word probability below ``sure``, match below ``match_sure``. None: plain; one: "Probably
    # ..."; both: "Possibly ...". On Flickr8k val photos: 61% plain (CIDEr 0.67), 27% "Probably"
    # (0.37), 12% "Possibly" (0.20); benchmarks/caption_confidence.py.
    match_sure: float = 0.5
    brief_words: int = 30
    normal_words: int = 120
    max_pictures: int = 3  # photo regions captioned on a screen (largest first); brief: 1
    photo_text_words: int = 12  # text read out of a photo in brief/normal
    photo_text_confidence: float = 0.75  # OCR lines in a photo below this are not read out


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


def caption_confidence(caption: CaptionLike) -> float:
    explicit = getattr(caption, "confidence", None)
    if isinstance(explicit, int | float) and not math.isnan(explicit):
        return float(min(1.0, max(0.0, explicit)))
    return float(math.exp(min(0.0, caption.mean_log_prob)))


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1].isalnum():
        text += "."
    return text


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper() and not text.startswith("I "):
        return text[0].lower() + text[1:]
    return text


def match_confidence(caption: CaptionLike) -> float | None:
    """The image-text model's 0..1 match confidence, when the result carries one (the Describer sets it)."""
    explicit = getattr(caption, "confidence", None)
    if isinstance(explicit, int | float) and not math.isnan(explicit):
        return float(min(1.0, max(0.0, explicit)))
    return None


def hedge(
    caption: str, confidence: float, cfg: ComposeConfig | None = None, match: float | None = None
) -> str | None:
    """The caption as a sentence, hedged by confidence; None when too unsure to say anything made up.

    ``confidence`` is the word probability (exp(mean_log_prob)); ``match``, when known, the image-text
    model's. Each below its bar lowers the wording one step: plain, "Probably ...", "Possibly ...".
    """
    cfg = cfg or ComposeConfig()
    caption = _sentence(caption.strip())
    if not caption or confidence < cfg.unsure:
        return None
    doubts = int(confidence < cfg.sure) + int(match is not None and match < cfg.match_sure)
    if doubts == 0:
        return caption[0].upper() + caption[1:]
    return f"{'Probably' if doubts == 1 else 'Possibly'} {_lower_first(caption)}"


def hedge_result(caption: CaptionLike, cfg: ComposeConfig | None = None) -> str | None:
    """:func:`hedge` with every signal the result carries: word probability and, if set, the match."""
    word = float(math.exp(min(0.0, caption.mean_log_prob)))
    return hedge(caption.text, word, cfg, match=match_confidence(caption))


def _join(lines: list[str]) -> str:
    out = ""
    for piece in lines:
        piece = piece.strip()
        joins_word = out.endswith("-") and piece[:1].islower()
        out = out[:-1] + piece if joins_word else f"{out} {piece}".strip()
    return out


def block_pieces(block: TextBlock) -> list[str]:
    """A block as spoken pieces: wrapped prose lines joined, list items and terminal lines apart.

    A line that stops well short of the block's right edge ends its piece: prose wraps at the
    edge, while list items, menu entries and shell lines end where their text ends.
    """
    width = max(1, block.box[2] - block.box[0])
    pieces: list[list[str]] = [[]]
    for line in block.lines:
        pieces[-1].append(line.text)
        if line.box[2] - block.box[0] < 0.75 * width:
            pieces.append([])
    return [_join(p) for p in pieces if p]


def block_text(block: TextBlock) -> str:
    """A block's text for speech, each piece ending as a sentence."""
    return " ".join(_sentence(p) for p in block_pieces(block))


def _words(text: str) -> int:
    return len(text.split())


def select_text(blocks: list[TextBlock], verbosity: str, cfg: ComposeConfig) -> tuple[list[str], bool]:
    """Sentences of screen text for ``verbosity``, and whether some text was left out."""
    if verbosity == "full":
        return [_sentence(block_text(b)) for b in blocks], False
    out: list[str] = []
    used = 0
    if verbosity == "brief":
        budget = cfg.brief_words
        for block in blocks:
            piece = block_text(block) if block.is_heading else block.lines[0].text
            if used and used + _words(piece) > budget:
                return out, True
            out.append(_sentence(piece))
            used += _words(piece)
        return out, any(len(b.lines) > 1 and not b.is_heading for b in blocks)
    budget = cfg.normal_words
    for block in blocks:
        piece = block_text(block)
        if used + _words(piece) > budget:
            if used < budget // 2:  # a long first paragraph: say its opening lines
                lines = []
                for line in block.lines:
                    if used + _words(line.text) > budget:
                        break
                    lines.append(line.text)
                    used += _words(line.text)
                opening = _join(lines)
                end = max(opening.rfind(". "), opening.rfind("? "), opening.rfind("! "))
                if end > 0:  # stop at the last full sentence rather than mid-phrase
                    opening = opening[: end + 1]
                if opening:
                    out.append(_sentence(opening))
            return out, True
        out.append(_sentence(piece))
        used += _words(piece)
    return out, False


def _quote(text: str, limit: int | None) -> str:
    words = text.split()
    if limit is not None and len(words) > limit:
        return " ".join(words[:limit]) + " …"
    return " ".join(words)


def _mask_regions(image: Image.Image, regions: list[Box]) -> Image.Image:
    """Pictures blanked out before OCR of a page: saves time and stops OCR reading noise as text."""
    if not regions:
        return image
    masked = image.convert("RGB").copy()
    for box in regions:
        masked.paste((255, 255, 255), box)
    return masked


def _run_ocr(ocr: OcrEngine, image: Image.Image) -> tuple[OcrResult | None, float]:
    t0 = time.perf_counter()
    try:
        result = ocr.recognize(image)
    except AssistantError as exc:  # a broken engine must not silence the caption
        log.warning("OCR failed: %s", exc)
        result = None
    return result, (time.perf_counter() - t0) * 1000


def _opening(kind: str, window_title: str | None, app_name: str | None) -> str:
    title = (window_title or "").strip()
    app = (app_name or "").strip()
    if title and app and app.lower() not in title.lower():
        return _sentence(f"{title}, {app}")
    if title or app:
        return _sentence(title or app)
    return {"document": "Document.", "mixed": "Screen with pictures.", "photo": "Photo."}.get(kind, "Screen.")


def understand(
    image: Image.Image,
    *,
    caption_fn: CaptionFn | None,
    ocr: OcrEngine | None,
    verbosity: str = "normal",
    window_title: str | None = None,
    app_name: str | None = None,
    on_sentence: Callable[[str], None] | None = None,
    config: ComposeConfig | None = None,
    photo_ocr: OcrEngine | None = None,
) -> Understanding:
    """Describes ``image`` for speech; ``on_sentence`` gets each sentence as soon as it is known.

    ``photo_ocr`` reads text in photos when given (RapidOCR reads signs and shirts that tesseract,
    made for pages, does not); ``ocr`` reads everything else.
    """
    if verbosity not in VERBOSITIES:
        raise AssistantError(f"Unknown verbosity '{verbosity}'; choose brief, normal or full.")
    cfg = config or ComposeConfig()
    start = time.perf_counter()
    timings: dict[str, float] = {}
    sentences: list[str] = []

    def say(sentence: str) -> None:
        if not sentence:
            return
        sentences.append(sentence)
        if "first_sentence" not in timings:
            timings["first_sentence"] = (time.perf_counter() - start) * 1000
        if on_sentence is not None:
            on_sentence(sentence)

    rgb = image.convert("RGB")
    t0 = time.perf_counter()
    guess: KindResult = classify_kind(rgb, None)
    timings["classify"] = (time.perf_counter() - t0) * 1000
    looks_like_photo = guess.kind == "photo"

    engine = (photo_ocr or ocr) if looks_like_photo and ocr is not None else ocr
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocr") if engine is not None else None
    ocr_future: Future[tuple[OcrResult | None, float]] | None = None
    if pool is not None and engine is not None:
        ocr_input = rgb if looks_like_photo else _mask_regions(rgb, guess.photo_regions)
        ocr_future = pool.submit(_run_ocr, engine, ocr_input)

    caption_ms = 0.0
    main_caption: str | None = None
    main_confidence: float | None = None

    def run_caption(picture: Image.Image) -> tuple[str, float, str | None] | None:
        nonlocal caption_ms
        if caption_fn is None:
            return None
        t = time.perf_counter()
        try:
            result = caption_fn(picture)
        except AssistantError as exc:  # no model: still read the text, say "A picture."
            log.warning("captioning failed: %s", exc)
            return None
        finally:
            caption_ms += (time.perf_counter() - t) * 1000
        return result.text, caption_confidence(result), hedge_result(result, cfg)

    def say_photo_caption() -> None:
        nonlocal main_caption, main_confidence
        captioned = run_caption(rgb)
        if captioned is not None:
            main_caption, main_confidence = captioned[:2]
        say((captioned[2] if captioned else None) or "A photo.")

    region_sentences: list[str] = []
    try:
        if looks_like_photo:
            say_photo_caption()
        elif window_title or app_name:
            say(_opening(guess.kind, window_title, app_name))
        # Pictures inside a page, captioned while OCR still runs.
        if not looks_like_photo and guess.photo_regions:
            regions = guess.photo_regions[: 1 if verbosity == "brief" else cfg.max_pictures]
            for box in regions:
                captioned = run_caption(rgb.crop(box))
                hedged = captioned[2] if captioned else None
                if captioned and main_caption is None:
                    main_caption, main_confidence = captioned[:2]
                region_sentences.append(f"A picture: {_lower_first(hedged)}" if hedged else "A picture.")
            if caption_fn is None and len(guess.photo_regions) > 1:
                region_sentences = [f"{len(guess.photo_regions)} pictures."]
        ocr_result: OcrResult | None = None
        if ocr_future is not None:
            ocr_result, timings["ocr"] = ocr_future.result()
    finally:
        if pool is not None:
            pool.shutdown(wait=False)

    t0 = time.perf_counter()
    final = classify_kind(rgb, ocr_result) if ocr_result is not None else guess
    kind = final.kind
    if looks_like_photo:
        kind = "photo"  # already spoken as a photo; text found in it is read as the photo's text
    timings["classify"] += (time.perf_counter() - t0) * 1000
    blocks = ocr_result.blocks() if ocr_result is not None else []
    ocr_text = "\n\n".join(b.text for b in blocks) if ocr_result is not None else None

    if kind == "photo":
        if not looks_like_photo:  # a photo with dark or flat parts: only now known not to be a page
            main_caption = main_confidence = None
            say_photo_caption()
        # Only confident text: texture in a photo is easily misread as letters.
        sure = [ln for b in blocks for ln in b.lines if ln.confidence >= cfg.photo_text_confidence]
        if sure:
            all_text = " ".join(ln.text for ln in sure)
            limit = None if verbosity == "full" else cfg.photo_text_words
            say(f"With the text '{_quote(all_text, limit)}'.")
    else:
        if not (window_title or app_name):
            say(_opening(kind, None, None))
        elif kind == "document":
            say("Document.")
        text_sentences, more = select_text(blocks, verbosity, cfg)
        for s in text_sentences:
            say(s)
        if more:
            say("More text follows.")
        if not blocks and ocr is not None and not region_sentences:
            say("No text found.")
        for s in region_sentences:
            say(s)
    timings["caption"] = caption_ms
    timings["total"] = (time.perf_counter() - start) * 1000
    return Understanding(
        text=" ".join(sentences),
        kind=kind,
        caption=main_caption,
        caption_confidence=main_confidence,
        ocr_text=ocr_text,
        sentences=sentences,
        timings={k: round(v, 1) for k, v in timings.items()},
        photo_regions=final.photo_regions,
    )


def read_all_text(image: Image.Image, ocr: OcrEngine) -> str:
    """The "Read all text" action: every block in reading order, or "No text found."."""
    result = ocr.recognize(image.convert("RGB"))
    blocks = result.blocks()
    if not blocks:
        return "No text found."
    return "\n".join(_sentence(piece) for b in blocks for piece in block_pieces(b))
