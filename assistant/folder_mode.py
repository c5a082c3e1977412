"""Folder mode: alt text for every photo in a folder, captioned in batches.

``assistant describe FOLDER --json`` (or ``--csv FILE``) is for people who publish or archive
pictures and need a first draft of alt text for hundreds of them. It captions photos only: the
screen-reading path (kind classification, OCR, composition) in :mod:`assistant.describe` is slower
and answers a different question. Images are decoded one at a time but captioned ``batch_size`` at
once (encoder and beam search both run batched), which is what makes a folder fast on a CPU.

A bad file never stops the run: it becomes a row with its one-sentence error, and the caller's exit
code says that something failed. Nothing is spoken.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from PIL import Image

from assistant.capture.files import find_images, open_image
from assistant.errors import AssistantError, ImageLoadError
from assistant.understand.wording import CaptionLike, caption_confidence, hedge_result


class BatchCaptioner(Protocol):
    """Either runtime: :class:`assistant.vision.inference.torch_captioner.Captioner` or
    :class:`assistant.vision.inference.onnx_captioner.OnnxCaptioner`."""

    @property
    def image_size(self) -> int: ...  # the square side its encoder sees: pictures are opened no larger

    def caption_batch(
        self, images: Sequence[Image.Image], beam_size: int = 3, n_best: int = 1, near_misses: bool = False
    ) -> Sequence[CaptionLike]: ...


log = logging.getLogger(__name__)

CSV_FIELDS = ("image", "text", "caption", "confidence", "error")
NO_CAPTION = "A photo."


@dataclass
class FolderItem:
    image: str  # the path as found (relative paths stay relative)
    text: str | None = None  # the alt text: the hedged caption, or "A photo." when the model is unsure
    caption: str | None = None  # the model's caption as it is
    confidence: float | None = None  # 0..1, see assistant.understand.compose.caption_confidence
    error: str | None = None  # one sentence when the file could not be described

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.error is None:
            del data["error"]
        else:
            for key in ("text", "caption", "confidence"):
                del data[key]
        if self.confidence is not None:
            data["confidence"] = round(self.confidence, 4)
        return data


def input_side(captioner: BatchCaptioner) -> int:
    """The square side the captioner's encoder sees, whichever runtime it is."""
    return int(captioner.image_size)


def _captioned(path: Path, result: CaptionLike) -> FolderItem:
    confidence = caption_confidence(result)
    return FolderItem(
        image=str(path),
        text=hedge_result(result) or NO_CAPTION,
        caption=result.text,
        confidence=confidence,
    )


def describe_images(
    captioner: BatchCaptioner,
    paths: Sequence[Path],
    beam_size: int = 3,
    batch_size: int = 16,
    on_item: Callable[[FolderItem], None] | None = None,
    reranker: Any = None,
) -> Iterator[FolderItem]:
    """Caption ``paths`` in batches, yielding one :class:`FolderItem` per path in the same order.

    ``reranker`` (a :class:`~assistant.vision.matching.rerank.CaptionReranker`) chooses among the beam's best
    few and scores the caption against its image, so the alt text is the app's, hedged as it hedges.

    Unreadable files become items with ``error``; a :class:`ModelError` (no model, broken weights)
    is raised, since every further image would fail the same way.
    """
    if batch_size < 1:
        raise AssistantError("The batch size must be at least 1.")
    if reranker is not None:
        from assistant.vision.matching.rerank import caption_reranked
    side = input_side(captioner)
    for start in range(0, len(paths), batch_size):
        chunk = paths[start : start + batch_size]
        items: list[FolderItem | None] = []
        images: list[Image.Image] = []
        for path in chunk:
            try:
                images.append(open_image(path, side))
                items.append(None)
            except AssistantError as error:
                items.append(FolderItem(image=str(path), error=str(error)))
        if reranker is None:
            captions = list(captioner.caption_batch(images, beam_size)) if images else []
        else:  # the beam's best few, re-ranked as the Describer does
            captions = caption_reranked(captioner, reranker, images, beam_size)
        results = iter(captions)
        for path, item in zip(chunk, items, strict=True):
            done = item if item is not None else _captioned(path, next(results))
            if on_item is not None:
                on_item(done)
            yield done


def _progress(total: int) -> Any:
    from tqdm import tqdm

    # disable=None: a bar only on a terminal, so logs and pipes (and screen readers reading a log)
    # are not flooded with carriage-return repaints.
    return tqdm(total=total, unit="image", disable=None, file=sys.stderr, dynamic_ncols=True)


def run_folder_mode(
    captioner_factory: Callable[[], BatchCaptioner],
    paths: Sequence[Path],
    *,
    recursive: bool = False,
    json_out: IO[str] | None = None,
    csv_path: Path | None = None,
    beam_size: int = 3,
    batch_size: int = 16,
    progress: bool = True,
    match: bool = True,
) -> tuple[int, int]:
    """Describe every image under ``paths``; write JSON lines and/or a CSV. Returns (described, failed).

    The model is loaded (``captioner_factory``) only once there is something to describe. Raises
    :class:`ImageLoadError` when the folders hold no image at all, and :class:`ModelError` as is.
    """
    files = find_images(paths, recursive)
    if not files:
        where = ", ".join(p.name or str(p) for p in paths)
        raise ImageLoadError(f"There are no images in {where}.")
    captioner = captioner_factory()
    reranker = None
    if match:
        from assistant.vision.matching.rerank import reranker_for

        reranker = reranker_for(captioner)
    handle: IO[str] | None = None
    writer: csv.DictWriter[str] | None = None
    if csv_path is not None:
        try:
            handle = csv_path.open("w", newline="", encoding="utf-8")
        except OSError:
            raise AssistantError(f"I cannot write the file {csv_path.name}.") from None
        writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS, restval="")
        writer.writeheader()
    described = failed = 0
    bar = _progress(len(files)) if progress else None
    try:
        for item in describe_images(captioner, files, beam_size, batch_size, reranker=reranker):
            if item.error is None:
                described += 1
            else:
                failed += 1
            if json_out is not None:
                print(json.dumps(item.as_dict(), ensure_ascii=False), file=json_out, flush=True)
            if writer is not None:
                writer.writerow(item.as_dict())
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if handle is not None:
            handle.close()
    return described, failed
