"""``assistant evaluate``: caption every image of a split from its files and score against references."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tqdm import tqdm

from assistant.errors import AssistantError
from assistant.vision.evaluation.metrics import score_captions
from assistant.vision.training.data import group_by_image, read_captions


def evaluate(
    captioner: Any,
    images_dir: Path,
    captions_file: Path,
    split: str | None = "val",
    beam_size: int = 3,
    batch_size: int = 16,
    progress: bool = True,
    reranker: Any = None,
    meteor: bool = True,
) -> dict[str, Any]:
    """Metrics as fractions (BLEU/METEOR/ROUGE in 0..1, CIDEr as pycocoevalcap reports it) + ``n_images``.

    With ``reranker`` (:class:`~assistant.vision.matching.rerank.CaptionReranker`) the beam's best three are
    re-ranked as the app does. ``meteor=False`` leaves METEOR out (``None``): it runs a Java process whose
    start-up alone takes seconds, too long for a quick look at a few pictures.
    """
    from assistant.capture.image_loading import load_image

    records = read_captions(captions_file)
    splits = [split] if split else sorted({r.split for r in records})
    grouped = group_by_image(records, splits)
    if not grouped:
        raise AssistantError(f"No images of split '{split}' in {captions_file}.")
    names = list(grouped)
    hypotheses: dict[str, str] = {}
    started = time.perf_counter()
    for start in tqdm(
        range(0, len(names), batch_size), desc="captioning", unit="batch", disable=not progress
    ):
        chunk = names[start : start + batch_size]
        images = [load_image(Path(images_dir) / name) for name in chunk]
        if reranker is None:
            results = captioner.caption_batch(images, beam_size)
        else:
            from assistant.vision.matching.rerank import caption_reranked

            results = caption_reranked(captioner, reranker, images, beam_size)
        for name, result in zip(chunk, results, strict=True):
            hypotheses[name] = " ".join(result.tokens)
    seconds = time.perf_counter() - started
    scores = score_captions(dict(grouped), hypotheses, meteor=meteor)
    return {
        **scores,
        "n_images": len(names),
        "beam": beam_size,
        "seconds": round(seconds, 1),
        "examples": {name: hypotheses[name] for name in names[:5]},
    }
