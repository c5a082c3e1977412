"""Cached decoder candidates: encode a split once, decode it once, re-rank it many times.

Why: a full ``assistant evaluate --runtime onnx --rerank`` of Flickr8k val takes minutes on the
project's shared 2-core CPU, and most ideas about choosing a caption (weights, extra candidates)
change only the re-ranking. The encoder's grids are kept (``grids.npy``, float32, as the app decodes
from them) so that decoding policies (batch sizes, the int8 step) can be compared without encoding
again; the candidates of one decoding are kept as JSON and re-ranked by :func:`replay`.

Torch-free: works with the onnxruntime captioner (its ``encode`` and ``decode``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.vision.inference.result import CaptionResult, attach_pooled, results_from_beams
from assistant.vision.training.data import group_by_image, read_captions

GRIDS_FILE, NAMES_FILE = "grids.npy", "names.json"


@dataclass
class CachedPhoto:
    """One photo's candidates (the beam's best few and its near misses, best first) and references."""

    name: str
    references: list[str]
    candidates: list[CaptionResult]

    @property
    def pooled(self) -> np.ndarray:
        pooled = self.candidates[0].pooled
        assert pooled is not None
        return pooled


def split_references(captions_file: Path, split: str) -> dict[str, list[str]]:
    """``{image name: its human captions}`` of one split, in the file's order."""
    return dict(group_by_image(read_captions(captions_file), [split]))


def encode_split(
    captioner: Any, images_dir: Path, names: Sequence[str], out_dir: Path, batch_size: int = 16
) -> np.ndarray:
    """Encode ``names`` as the captioner does (its test-time flip included); ``(I, N, D)`` float32,
    also written to ``out_dir`` with the names."""
    from assistant.capture.image_loading import load_image

    grids = []
    for start in range(0, len(names), batch_size):
        images = [load_image(Path(images_dir) / name) for name in names[start : start + batch_size]]
        grids.append(captioner.encode(images, captioner.test_time_flip))
    out = np.concatenate(grids).astype(np.float32)  # (I, N, D)
    out_dir.mkdir(parents=True, exist_ok=True)
    np.save(out_dir / GRIDS_FILE, out)
    (out_dir / NAMES_FILE).write_text(json.dumps(list(names)), encoding="utf-8")
    return out


def load_grids(out_dir: Path) -> tuple[list[str], np.ndarray]:
    names = json.loads((out_dir / NAMES_FILE).read_text(encoding="utf-8"))
    return names, np.load(out_dir / GRIDS_FILE, mmap_mode="r")


def decode_candidates(
    captioner: Any, grids: np.ndarray, batch_size: int, beam_size: int = 3, n_best: int = 3
) -> list[CaptionResult]:
    """The app's candidates (best ``n_best`` and near misses) for each grid, decoded ``batch_size`` at a
    time; each result lists them as ``alternatives``."""
    results: list[CaptionResult] = []
    for start in range(0, len(grids), batch_size):
        features = np.ascontiguousarray(grids[start : start + batch_size], dtype=np.float32)  # (B, N, D)
        hyps = captioner.decode(features, beam_size, n_best, near_misses=True)
        found = results_from_beams(captioner.vocab, hyps, features.shape[1])
        attach_pooled(found, features)
        results.extend(found)
    return results


def save_candidates(path: Path, names: Sequence[str], results: Sequence[CaptionResult]) -> None:
    """Each photo's candidates as ``[tokens, log_prob]`` and its pooled feature (``path`` + ``.npy``)."""
    rows = [[[list(c.tokens), float(c.log_prob)] for c in (r.alternatives or [r])] for r in results]
    path.write_text(json.dumps({"names": list(names), "candidates": rows}), encoding="utf-8")
    np.save(path.with_suffix(".npy"), np.stack([np.asarray(r.pooled, np.float32) for r in results]))


def load_candidates(path: Path, references: Mapping[str, list[str]]) -> list[CachedPhoto]:
    """:func:`save_candidates`' file as photos ready to re-rank."""
    from assistant.vision.model.vocab import detokenize

    data = json.loads(path.read_text(encoding="utf-8"))
    pooled = np.load(path.with_suffix(".npy"))
    photos = []
    for name, rows, row in zip(data["names"], data["candidates"], pooled, strict=True):
        candidates = [
            CaptionResult(detokenize(tokens), tokens, lp, lp / (len(tokens) + 1), pooled=row)
            for tokens, lp in rows
        ]
        photos.append(CachedPhoto(name, list(references[name]), candidates))
    return photos


def halves(names: Sequence[str]) -> dict[str, set[str]]:
    """The project's halves of an evaluation split: A (tuning) the even-numbered photos, B the odd."""
    return {"A": set(names[0::2]), "B": set(names[1::2]), "all": set(names)}


def score_halves(photos: Sequence[CachedPhoto], chosen: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """BLEU-4 and CIDEr (pycocoevalcap) of ``chosen[name]`` on half A, half B and all photos."""
    from assistant.vision.evaluation.metrics import score_captions

    refs = {p.name: p.references for p in photos}
    out = {}
    for label, keep in halves([p.name for p in photos]).items():
        scores = score_captions({k: refs[k] for k in keep}, {k: chosen[k] for k in keep}, meteor=False)
        out[label] = {key: round(float(scores[key] or 0), 4) for key in ("bleu4", "cider")}
    return out


def replay(photos: Sequence[CachedPhoto], choose: Callable[[CachedPhoto], CaptionResult]) -> dict[str, str]:
    """``{name: the chosen caption's words}`` with ``choose`` picking among each photo's candidates."""
    return {p.name: " ".join(choose(p).tokens) for p in photos}
