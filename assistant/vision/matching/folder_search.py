"""Text -> image search: ``assistant search "a dog on the beach" FOLDER`` ranks a folder's pictures.

Why: someone who cannot see their photo folder cannot skim thumbnails for "the one at the beach".
The contrastive dual encoder (:mod:`assistant.vision.matching.contrastive_torch`) puts images and
captions in one space, so a query is one text embedding and each image one image embedding; the
ranking is their cosine. Images are listed exactly as folder mode lists them
(:func:`assistant.capture.files.find_images`, recursively), decoded one at a time at the size the
encoder needs, and encoded in batches.

The heads run in numpy (:mod:`assistant.vision.matching.contrastive`); the image encoder
(:mod:`assistant.vision.matching.grid_encoders`) runs in onnxruntime when the captioner's ONNX export
is in the cache and uses the same encoder (no torch imported at all), else in torch. A bad file is
skipped with a one-line note, never a crash.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
from PIL import Image

from assistant.capture.files import find_images, open_image
from assistant.errors import AssistantError, ImageLoadError, ModelError
from assistant.vision.matching.contrastive import ContrastiveMatcher, default_contrastive_dir
from assistant.vision.matching.grid_encoders import (
    ENCODER_RUNTIMES,
    GridEncoder,
    LazyGridEncoder,
    OnnxGridEncoder,
    TorchGridEncoder,
    load_grid_encoder,
)

log = logging.getLogger(__name__)

# The image encoders live in grid_encoders.py; their names stay importable from here.
__all__ = [
    "ENCODER_RUNTIMES",
    "GridEncoder",
    "LazyGridEncoder",
    "OnnxGridEncoder",
    "TorchGridEncoder",
    "default_contrastive_dir",
    "index_images",
    "list_images",
    "load_grid_encoder",
    "rank",
    "search_command",
    "search_folder",
]


@dataclass
class SearchHit:
    path: str
    score: float  # cosine similarity of image and query, -1..1: what the ranking uses
    confidence: float  # the model's calibrated 0..1 "this image fits the query"

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "score": round(self.score, 4), "confidence": round(self.confidence, 4)}


@dataclass
class ImageIndex:
    """Unit image embeddings ``(n, E)`` of the readable images, and what was skipped and why."""

    paths: list[Path]
    embeddings: np.ndarray
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class SearchResult:
    query: str
    hits: list[SearchHit]
    indexed: int
    skipped: list[tuple[Path, str]]
    index_seconds: float
    query_ms: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "results": [hit.as_dict() for hit in self.hits],
            "indexed": self.indexed,
            "skipped": [{"path": str(p), "error": e} for p, e in self.skipped],
        }


def check_query(model: ContrastiveMatcher, query: str) -> None:
    """Refuse a query the model cannot read: empty, or only words it never saw."""
    if not query.strip():
        raise AssistantError(
            "The search query is empty; say what the picture shows, like 'a dog on the beach'."
        )
    if not model.known_words(query):
        raise AssistantError(
            f"I know none of the words in '{query.strip()}'; try everyday words, like 'a dog on the beach'."
        )


class EmbeddingCache:
    """Image embeddings kept between searches, keyed by resolved path, size and modification time.

    Why: indexing is the slow part (tens of images per second on a CPU), and people search the same
    photo folder again and again. One ``.npz`` (no pickle) per model under ``cache_dir()/search``; a
    changed file has a new size or mtime and is encoded again. The cache is optional: an unreadable or
    unwritable one is logged and ignored, never an error.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._rows: dict[str, tuple[tuple[str, int, int], np.ndarray]] = {}  # resolved path -> (key, row)
        self._dirty = False
        if not self.path.is_file():
            return
        try:
            with np.load(self.path, allow_pickle=False) as data:
                names, sizes, mtimes = data["paths"], data["sizes"], data["mtimes"]
                embeddings = np.asarray(data["embeddings"], dtype=np.float32)
            for name, size, mtime, row in zip(names, sizes, mtimes, embeddings, strict=True):
                key = (str(name), int(size), int(mtime))
                self._rows[key[0]] = (key, row)
        except (OSError, ValueError, KeyError) as error:
            log.warning("search cache %s unreadable, starting afresh: %s", self.path, error)
            self._rows = {}

    @classmethod
    def for_model(cls, model_dir: Path, encoder: str) -> EmbeddingCache:
        import hashlib

        from assistant.paths import cache_dir
        from assistant.vision.matching.contrastive import IMAGE_GRAPH

        # Keyed by what makes the embeddings: the encoder and the image graph (its weights' one copy).
        digest = hashlib.sha256(encoder.encode())
        digest.update((Path(model_dir) / IMAGE_GRAPH).read_bytes())
        return cls(cache_dir() / "search" / f"{Path(model_dir).resolve().name}-{digest.hexdigest()[:16]}.npz")

    def __len__(self) -> int:
        return len(self._rows)

    @staticmethod
    def key(path: Path) -> tuple[str, int, int] | None:
        try:
            stat = path.stat()
            return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        except OSError:
            return None

    def get(self, key: tuple[str, int, int]) -> np.ndarray | None:
        found = self._rows.get(key[0])
        return found[1] if found is not None and found[0] == key else None

    def put(self, key: tuple[str, int, int], row: np.ndarray) -> None:
        self._rows[key[0]] = (key, np.asarray(row, dtype=np.float32))
        self._dirty = True

    def save(self) -> None:
        if not self._dirty or not self._rows:
            return
        import os

        keys = [key for key, _ in self._rows.values()]
        partial = self.path.with_name(self.path.stem + ".partial.npz")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(partial, "wb") as handle:
                np.savez(
                    handle,
                    paths=np.array([k[0] for k in keys]),
                    sizes=np.array([k[1] for k in keys], dtype=np.int64),
                    mtimes=np.array([k[2] for k in keys], dtype=np.int64),
                    embeddings=np.stack([row for _, row in self._rows.values()]),
                )
            os.replace(partial, self.path)  # atomic: a reader never sees half a file
            self._dirty = False
        except OSError as error:
            log.warning("search cache not saved: %s", error)


def index_images(
    encoder: GridEncoder,
    model: ContrastiveMatcher,
    paths: Sequence[Path],
    batch_size: int = 16,
    on_skip: Callable[[Path, str], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    cache: EmbeddingCache | None = None,
) -> ImageIndex:
    """Embed every readable image of ``paths`` (in order), encoding ``batch_size`` at a time; images
    in ``cache`` are not decoded again, unreadable ones are skipped and reported to ``on_skip``."""
    if batch_size < 1:
        raise AssistantError("The batch size must be at least 1.")
    started = time.perf_counter()
    rows: list[np.ndarray | None] = [None] * len(paths)
    skipped: list[tuple[Path, str]] = []
    pending: list[tuple[int, Image.Image, tuple[str, int, int] | None]] = []  # position, image, cache key

    def advance(count: int) -> None:
        if on_progress is not None:
            on_progress(count)

    def flush() -> None:
        if not pending:
            return
        embedded = model.embed_images(encoder.encode([image for _, image, _ in pending]))  # (b, E)
        for (position, _, key), row in zip(pending, embedded, strict=True):
            rows[position] = row
            if cache is not None and key is not None:
                cache.put(key, row)
        advance(len(pending))
        pending.clear()

    for position, path in enumerate(paths):
        key = cache.key(path) if cache is not None else None
        hit = cache.get(key) if cache is not None and key is not None else None
        if hit is not None:
            rows[position] = hit
            advance(1)
            continue
        try:
            pending.append((position, open_image(path, encoder.image_size), key))
        except AssistantError as error:
            skipped.append((path, str(error)))
            if on_skip is not None:
                on_skip(path, str(error))
            advance(1)
        if len(pending) >= batch_size:
            flush()
    flush()
    kept = [path for path, row in zip(paths, rows, strict=True) if row is not None]
    found = [row for row in rows if row is not None]
    embeddings = np.stack(found) if found else np.zeros((0, model.config.embed_dim), dtype=np.float32)
    return ImageIndex(kept, embeddings.astype(np.float32), skipped, time.perf_counter() - started)


def rank(index: ImageIndex, model: ContrastiveMatcher, query: str, top: int = 10) -> list[SearchHit]:
    """The ``top`` images of ``index`` for ``query``, best first (ties keep the listing order)."""
    check_query(model, query)
    if top < 1:
        raise AssistantError("The number of results must be at least 1.")
    text = model.embed_texts([query])[0]  # (E,)
    scores = index.embeddings @ text  # (n,)
    order = np.argsort(-scores, kind="stable")[:top]
    confidences = model.confidence_from_similarity(scores[order])
    return [
        SearchHit(str(index.paths[i]), float(scores[i]), float(c))
        for i, c in zip(order, confidences, strict=True)
    ]


def list_images(folders: Sequence[Path]) -> list[Path]:
    """Every image under ``folders`` (recursively, as folder mode lists them), or one clear error."""
    for folder in folders:
        if not folder.exists():
            raise ImageLoadError(f"I cannot find {folder}.")
    files = find_images(folders, recursive=True)
    if not files:
        where = ", ".join(p.name or str(p) for p in folders)
        raise ImageLoadError(f"There are no images in {where}.")
    return files


def search_folder(
    query: str,
    folders: Sequence[Path],
    *,
    top: int = 10,
    model_dir: Path | None = None,
    runtime: str = "auto",
    device: str = "auto",
    batch_size: int = 16,
    on_skip: Callable[[Path, str], None] | None = None,
    progress: bool = True,
    encoder: GridEncoder | None = None,
    cache: bool = True,
) -> SearchResult:
    """Rank the images under ``folders`` by ``query``. Cheap checks (query, model, files) come first,
    so a typo is answered before any image is decoded."""
    if top < 1:
        raise AssistantError("The number of results must be at least 1.")
    model_dir = model_dir or default_contrastive_dir()
    model = ContrastiveMatcher.load(model_dir)
    check_query(model, query)
    files = list_images(folders)
    name = model.config.encoder
    if name is None:
        raise ModelError("The image-text matching model does not say which image encoder it was trained on.")
    store = EmbeddingCache.for_model(model_dir, name) if cache else None
    if encoder is None:
        encoder = LazyGridEncoder(name, runtime, device)  # not even loaded when every image is cached
    bar = _progress(len(files)) if progress else None
    try:
        index = index_images(
            encoder, model, files, batch_size, on_skip, bar.update if bar is not None else None, store
        )
    finally:
        if bar is not None:
            bar.close()
        if store is not None:
            store.save()
    if not index.paths:
        raise ImageLoadError(f"None of the {len(files)} images could be read.")
    t0 = time.perf_counter()
    hits = rank(index, model, query, top)
    query_ms = (time.perf_counter() - t0) * 1000
    return SearchResult(query, hits, len(index.paths), index.skipped, index.seconds, query_ms)


def _progress(total: int) -> Any:
    from tqdm import tqdm

    # As folder mode: a bar on stderr only when it is a terminal, so logs and pipes stay clean.
    return tqdm(total=total, unit="image", desc="indexing", disable=None, file=sys.stderr, dynamic_ncols=True)


def search_command(args: Any, out: IO[str] | None = None) -> int:
    """``assistant search QUERY FOLDER... [--top N] [--json] [--model DIR]``: prints ``score<TAB>path``
    lines (best first) or one JSON object. Errors are :class:`AssistantError` for the CLI to print."""
    out = out or sys.stdout

    def note(path: Path, error: str) -> None:
        print(f"assistant: skipped {path}: {error}", file=sys.stderr)

    result = search_folder(
        args.query,
        list(args.folders),
        top=args.top,
        model_dir=args.model,
        runtime=args.runtime,
        device=args.device,
        batch_size=args.batch_size,
        on_skip=note,
        cache=not args.no_cache,
    )
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False), file=out)
    else:
        for hit in result.hits:
            print(f"{hit.score:.4f}\t{hit.path}", file=out)
    return 0
