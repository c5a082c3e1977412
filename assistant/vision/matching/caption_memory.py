"""Consensus re-ranking: prefer the beam caption that agrees with how people described similar photos.

Why: the beam's three candidates hold far better captions than the one it ranks first (choosing the
best of the three by hand, val CIDEr 0.69 against 0.56), and the captioner's own log-probability
cannot tell them apart. The training photos whose pooled encoder features lie nearest the picture were
described by people; the candidate that shares most n-grams with *those* descriptions (CIDEr-D,
training-corpus frequencies) is usually the better one. This is the consensus re-ranking of Devlin et
al. (2015, "Exploring Nearest Neighbor Approaches for Image Captioning") and Mao et al. (2015, m-RNN),
applied to a beam. The re-ranker (:mod:`assistant.vision.matching.rerank`) also offers the nearest
training photo's own captions as candidates, as Devlin et al. do (:meth:`CaptionMemory.retrieve`),
weighed with a prior against them and not voted on by their own photo: on Flickr8k val one photo in
60 gets a training photo's caption, chosen because it agrees with how the other similar photos were
described.

The memory is a model folder like the others (torch-free, no pickles):

- ``memory.safetensors``: the unit-length mean grid features of M training photos, as ``features
  (M, D)`` int8 and ``scale (M,)`` float32 (row = int8 x scale: 7.8 MB for Flickr8k where fp16 takes
  15.6; val CIDEr of the re-ranked captions 0.5936 against 0.5938 with fp16);
- ``captions.json``: their tokenised human captions, and the document frequencies (>= 2) of every
  n-gram (an absent n-gram has frequency <= 1, which CIDEr-D weighs the same as 1, so the pruning is exact);
- ``config.json``: format, the encoder whose grid it holds, how many neighbours vote and how their votes
  are weighed (``temperature``: absent or 0 in older folders, an equal vote each).

Votes are weighed by likeness: neighbour ``i`` counts ``softmax(cosine_i / temperature)`` over the
neighbours, so a near-duplicate photo outvotes one that merely shares its texture, and more
neighbours can vote without the far ones drowning the near ones (val numbers in the model card).
"""

from __future__ import annotations

import json
import logging
import math
import zipfile
from collections import Counter
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import ModelError
from assistant.paths import cache_dir
from assistant.vision.evaluation.cider_d import (
    NGRAMS,
    TfIdfDoc,
    cider_d_against,
    document_frequencies,
    ngram_counts,
    tfidf_doc,
)
from assistant.vision.matching.contrastive import normalise
from assistant.vision.matching.memory_tables import (
    GRAM_SEPARATOR,
    TABLES_VERSION,
    CaptionTexts,
    NgramFrequencies,
    load_tables,
    save_tables,
)
from assistant.vision.model.files import load_optional_extra, verified_sha256

log = logging.getLogger(__name__)

FORMAT_NAME = "assistant-caption-memory"
FORMAT_VERSION = 1
FEATURES_FILE, CAPTIONS_FILE, CONFIG_FILE = "memory.safetensors", "captions.json", "config.json"
DEFAULT_MEMORY_NAME = "flickr8k-lite2-memory"
_CHUNK_ROWS = 1024  # int8 rows made float32 at a time when scoring (5 MB for 1280-d features)
_NORM_EPS = 1e-12  # as contrastive.normalise


@dataclass(frozen=True)
class MemoryConfig:
    """What ``config.json`` records besides the format."""

    encoder: str  # the image encoder whose pooled grid the features are
    neighbours: int = 20  # training photos that vote (chosen on val, see the model card)
    temperature: float = 0.08  # softmax temperature over their cosines; 0: every vote counts the same


class CaptionMemory:
    """Training photos (pooled features) and their captions; scores candidates by consensus.

    ``captions[i]`` = photo i's captions, each tokenised and joined by single spaces (held as one text:
    a caption is decoded and split only when its photo is a neighbour).
    ``df`` = the document frequency of every n-gram seen in two or more photos (held as arrays, keyed
    by the n-gram's tuple; ``df`` given to the constructor: keyed by the space-joined n-gram).
    ``shapes (C, 5)`` = per caption (all photos' in order) its four tf-idf norms and its length, the
    parts of CIDEr-D that need every n-gram of the caption; stored, so that scoring a candidate
    touches only the n-grams it shares with a neighbour's caption (12 ms -> 9 ms a picture).
    """

    def __init__(
        self,
        config: MemoryConfig,
        features: np.ndarray,
        captions: Sequence[Sequence[str]],
        df: Mapping[str, int] | NgramFrequencies,
        shapes: np.ndarray | None = None,
    ) -> None:
        if len(features) != len(captions) or not len(captions):
            raise ModelError("The caption memory's features and captions do not match.")
        self.config = config
        self._last: tuple[bytes, np.ndarray] | None = None  # the last query and its cosines (M,)
        self._set_features(np.asarray(features))  # (M, D)
        self.captions = captions if isinstance(captions, CaptionTexts) else CaptionTexts.from_lists(captions)
        self.df = df if isinstance(df, NgramFrequencies) else NgramFrequencies.from_joined(df)
        self._log_docs = math.log(float(len(captions)))  # CIDEr-D's N: the frequencies count photos
        # (M+1,): photo i's captions are rows first[i]..first[i+1]-1 of ``shapes``
        self._first = self.captions.first
        if shapes is None:  # (building: every caption's every n-gram, so a dict to look them up)
            by_gram = {tuple(key.split(GRAM_SEPARATOR)): n for key, n in self.df.joined().items()}
            docs = [self._document(caption, by_gram) for refs in self.captions for caption in refs]
            shapes = np.asarray([[*doc.norms, doc.length] for doc in docs], dtype=np.float32)
        if shapes.shape != (int(self._first[-1]), NGRAMS + 1):
            raise ModelError("The caption memory's captions and their norms do not match.")
        self.shapes = np.asarray(shapes, dtype=np.float32)

    # -- the photos' features ------------------------------------------------------------------------
    def _set_features(self, features: np.ndarray) -> None:
        """Float features are kept unit-length. int8 codes, as a saved memory stores them, are kept as
        they are, with each row's 1 / norm (a row's scale cancels out of a cosine). Why (issue #19): the
        shipped memory's 6091 x 1280 features are 8 MB as codes and 31 MB as float32, held for as long
        as the app runs; scoring the codes in chunks is as fast (4 ms vs 5 ms a query here)."""
        self._dim = int(features.shape[1])
        if features.dtype == np.int8:
            self._codes: np.ndarray | None = features  # (M, D) int8
            self._unit: np.ndarray | None = None
            norms = np.concatenate(
                [np.linalg.norm(chunk.astype(np.float32), axis=1) for chunk in self._chunks()]
            )
            self._inverse_norms = (1.0 / np.maximum(norms, _NORM_EPS)).astype(np.float32)  # (M,)
        else:
            self._codes, self._unit = None, normalise(np.asarray(features, dtype=np.float32))

    def _chunks(self) -> Iterator[np.ndarray]:
        assert self._codes is not None
        for start in range(0, len(self._codes), _CHUNK_ROWS):
            yield self._codes[start : start + _CHUNK_ROWS]

    @property
    def features(self) -> np.ndarray:
        """``(M, D)`` unit-length float32 features (from a loaded memory's codes: made on each call)."""
        if self._codes is None:
            assert self._unit is not None
            return self._unit
        return self._codes.astype(np.float32) * self._inverse_norms[:, None]

    def _similarity(self, query: np.ndarray) -> np.ndarray:
        """Cosines ``(M,)`` of every photo to the unit ``query (D,)``."""
        if self._codes is None:
            assert self._unit is not None
            return np.asarray(self._unit @ query, dtype=np.float32)
        out = np.empty(len(self._codes), dtype=np.float32)
        for index, chunk in enumerate(self._chunks()):
            start = index * _CHUNK_ROWS
            np.matmul(chunk.astype(np.float32), query, out=out[start : start + len(chunk)])
        return out * self._inverse_norms

    def _document(
        self, caption: str, df: Mapping[tuple[str, ...], int], keep: Container[tuple[str, ...]] | None = None
    ) -> TfIdfDoc:
        """A stored caption as tf-idf with the frequencies ``df`` (all of its n-grams' that are stored);
        with ``keep``, only those n-grams' weights (norms stay whole)."""
        counts = ngram_counts(caption.split())
        if keep is not None:
            counts = Counter({gram: tf for gram, tf in counts.items() if gram in keep})
        return tfidf_doc(counts, df, self._log_docs)

    # -- building and storing --------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        encoder: str,
        pooled: np.ndarray,
        captions: Sequence[Sequence[Sequence[str]]],
        neighbours: int = MemoryConfig.neighbours,
        temperature: float = MemoryConfig.temperature,
    ) -> CaptionMemory:
        """``pooled (M, D)`` mean grid features and each photo's tokenised captions -> a memory."""
        df = document_frequencies([ngram_counts(words) for words in refs] for refs in captions)
        kept = {GRAM_SEPARATOR.join(gram): n for gram, n in df.items() if n >= 2}
        joined = [[" ".join(words) for words in refs] for refs in captions]
        return cls(MemoryConfig(encoder, neighbours, temperature), pooled, joined, kept)

    def save(self, directory: Path) -> None:
        from safetensors.numpy import save

        directory.mkdir(parents=True, exist_ok=True)
        peak = np.maximum(np.abs(self.features).max(axis=1), 1e-12)  # (M,)
        scale = (peak / 127.0).astype(np.float32)
        codes = np.clip(np.rint(self.features / scale[:, None]), -127, 127).astype(np.int8)  # (M, D)
        arrays = {"features": codes, "scale": scale, "caption_shapes": self.shapes}
        (directory / FEATURES_FILE).write_bytes(save(arrays))
        text = {"captions": list(self.captions), "df": self.df.joined()}  # the keys sorted
        (directory / CAPTIONS_FILE).write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
        config = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, **asdict(self.config)}
        (directory / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        from assistant.vision.model.files import write_manifest

        write_manifest(directory, (FEATURES_FILE, CAPTIONS_FILE, CONFIG_FILE))  # last: their checksums

    @classmethod
    def load(cls, directory: Path) -> CaptionMemory:
        """Read a memory folder; a missing or damaged one raises :class:`ModelError` with one sentence."""
        from safetensors import SafetensorError
        from safetensors.numpy import load_file

        directory = Path(directory)
        for name in (FEATURES_FILE, CAPTIONS_FILE, CONFIG_FILE):
            if not (directory / name).is_file():
                raise ModelError(f"The caption memory is incomplete: {name} is missing in {directory}.")
        try:
            data: Any = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
                raise ModelError("This folder does not hold a caption memory.")
            if data.get("format_version") != FORMAT_VERSION:
                raise ModelError(
                    "This caption memory was written by a newer assistant; update the assistant."
                )
            config = MemoryConfig(
                str(data["encoder"]), int(data["neighbours"]), float(data.get("temperature", 0.0))
            )
            captions, df = _read_captions(directory / CAPTIONS_FILE)
            arrays = load_file(str(directory / FEATURES_FILE))
            codes, scale = arrays["features"], arrays["scale"]
            if codes.dtype != np.int8 or codes.ndim != 2 or scale.shape != (codes.shape[0],):
                raise ValueError("the features are not an int8 table with one scale per row")
            features = codes  # int8, kept so (_set_features); the scales cancel out of cosines
            shapes = arrays["caption_shapes"]
        except ModelError:
            raise
        except (SafetensorError, OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise ModelError(f"The caption memory is damaged ({error}).") from None
        if config.neighbours < 1 or not config.temperature >= 0:
            raise ModelError("The caption memory is damaged (it names no neighbours or a bad temperature).")
        return cls(config, features, captions, df, shapes)

    # -- scoring ---------------------------------------------------------------------------------
    def neighbours(self, pooled: np.ndarray, count: int | None = None) -> np.ndarray:
        """Indices ``(K,)`` of the training photos nearest (cosine) to one pooled feature ``(D,)``."""
        return self._nearest(pooled, count)[0]

    def _nearest(self, pooled: np.ndarray, count: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`neighbours` and their cosines ``(K,)``, nearest first."""
        query = normalise(np.asarray(pooled, dtype=np.float32).reshape(-1))
        if query.shape[0] != self._dim:
            raise ValueError(f"feature size {query.shape[0]} does not fit the memory's {self._dim}")
        k = min(count or self.config.neighbours, len(self.captions))
        # The re-ranker asks twice about one picture (its training captions, then the vote): the
        # cosines to all photos (~7 ms) are kept for the last query.
        key = query.tobytes()
        last = self._last
        if last is not None and last[0] == key:
            similarity = last[1]
        else:
            similarity = self._similarity(query)  # (M,)
            self._last = (key, similarity)
        nearest = np.argpartition(-similarity, k - 1)[:k]
        nearest = nearest[np.argsort(-similarity[nearest])]
        return nearest, similarity[nearest]

    def vote_weights(self, similarity: np.ndarray) -> np.ndarray:
        """``(K,)`` weights summing to 1 for neighbours of cosines ``similarity (K,)``, nearest first."""
        if self.config.temperature <= 0:
            return np.full(len(similarity), 1.0 / len(similarity))
        logits = (
            np.asarray(similarity, dtype=np.float64) - float(np.max(similarity))
        ) / self.config.temperature
        weights = np.exp(logits)
        return weights / weights.sum()

    def _references(
        self, index: int, keep: Container[tuple[str, ...]], df: Mapping[tuple[str, ...], int]
    ) -> list[TfIdfDoc]:
        """Photo ``index``'s captions as tf-idf documents holding only the n-grams in ``keep`` (whose
        frequencies ``df`` holds).

        Exact for CIDEr-D against candidates whose n-grams are all in ``keep``: the overlap sums over
        the candidate's n-grams only, and the norms and length come whole from ``shapes``.
        """
        docs = []
        for offset, caption in enumerate(self.captions.photo(index)):
            doc = self._document(caption, df, keep)
            row = self.shapes[int(self._first[index]) + offset]
            docs.append(TfIdfDoc(doc.vector, [float(v) for v in row[:NGRAMS]], int(row[NGRAMS])))
        return docs

    def retrieve(
        self, pooled: np.ndarray, photos: int, likeness: float = -1.0
    ) -> list[tuple[list[str], int]]:
        """The captions of the ``photos`` training photos nearest ``pooled (D,)`` whose cosine to it is
        ``likeness`` or more, nearest first, each with its photo (what :meth:`consensus` leaves out of
        its vote)."""
        nearest, similarity = self._nearest(pooled, photos)
        return [
            (caption.split(), int(index))
            for index, cosine in zip(nearest, similarity, strict=True)
            if cosine >= likeness
            for caption in self.captions.photo(int(index))
        ]

    def consensus(
        self, pooled: np.ndarray, candidates: Sequence[Sequence[str]], own: Sequence[int | None] | None = None
    ) -> np.ndarray:
        """``(C,)`` CIDEr-D of each tokenised candidate against each neighbour's captions, averaged
        over the neighbours with :meth:`vote_weights`.

        ``own[c]``: the photo whose caption candidate ``c`` is, when it is a training caption
        (:meth:`retrieve`). That photo does not vote on it and the others' weights are scaled up to
        sum to 1: its other captions describe the very same photo, so they would favour it over the
        captioner's candidates whether or not it fits the picture (counting them, half A lost CIDEr
        at every prior tried; the model card has the table)."""
        weights, votes, nearest = self.votes(pooled, candidates, own)  # (K,), (C, K), (K,)
        owners = list(own) if own is not None else [None] * len(votes)
        mask = np.asarray([[photo is not None and photo == int(i) for i in nearest] for photo in owners])
        shares = np.where(mask.reshape(votes.shape), 0.0, weights[None, :])  # (C, K)
        totals = shares.sum(axis=1, keepdims=True)
        shares = np.divide(shares, totals, out=np.zeros_like(shares), where=totals > 0)
        return np.asarray((votes * shares).sum(axis=1), dtype=np.float32)

    def votes(
        self, pooled: np.ndarray, candidates: Sequence[Sequence[str]], own: Sequence[int | None] | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """What :meth:`consensus` averages: the neighbours' weights ``(K,)``, each candidate's CIDEr-D
        against each neighbour's captions ``(C, K)`` (0 against its ``own`` photo, not scored), and
        the neighbours ``(K,)``, nearest first."""
        nearest, similarity = self._nearest(pooled)
        weights = self.vote_weights(similarity)  # (K,)
        counts = [ngram_counts(words) for words in candidates]
        # Every frequency this vote needs: the candidates' n-grams (the neighbours' count only where shared).
        df = self.df.found({gram for grams in counts for gram in grams})
        hyps = [tfidf_doc(grams, df, self._log_docs) for grams in counts]
        shared = {gram for hyp in hyps for vector in hyp.vector for gram in vector}
        references = [self._references(int(i), shared, df) for i in nearest]
        owners = list(own) if own is not None else [None] * len(hyps)
        pairs = [(int(i), refs) for i, refs in zip(nearest, references, strict=True)]
        votes = [
            [0.0 if photo == mine else cider_d_against(hyp, refs) for photo, refs in pairs]
            for hyp, mine in zip(hyps, owners, strict=True)
        ]
        return weights, np.asarray(votes, dtype=np.float64).reshape(len(hyps), len(nearest)), nearest


def _read_captions(path: Path) -> tuple[CaptionTexts, NgramFrequencies]:
    """``captions.json``'s captions (whitespace made single spaces) and n-gram frequencies, held
    compactly; from the user cache when this file (verified against its folder's checksums) was
    read before.

    Why the cache (issue #19): the app lets the memory go after a quiet minute and reads it again on
    the next photo. Parsing the JSON makes ~170 k small objects each time, and the few objects made
    meanwhile that outlive them (a description's results) leave pymalloc's arenas holed: the idle
    app grew ~1.5 MB a picture-and-release, ~10 MB over ten. From the cache: a few arrays, and the
    reading takes ~5 ms instead of ~100 ms.
    """
    digest = verified_sha256(path)
    cached = cache_dir() / "caption-memory" / f"{digest[:32]}-v{TABLES_VERSION}.npz" if digest else None
    if cached is not None and cached.is_file():
        try:
            return load_tables(cached)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            log.info("caption memory cache %s unusable (%s); reading %s", cached, error, path.name)
    text = json.loads(path.read_text(encoding="utf-8"))
    captions = CaptionTexts.from_lists(
        [" ".join(str(caption).split()) for caption in refs] for refs in text["captions"]
    )
    df = {str(gram): int(n) for gram, n in text["df"].items()}
    tables = captions, NgramFrequencies.from_joined(df)
    if cached is not None:
        try:
            save_tables(cached, *tables)
        except OSError as error:  # a read-only cache: read the JSON each time, as before
            log.info("caption memory cache not written (%s)", error)
    return tables


def default_memory_dir() -> Path:
    """The shipped caption memory (a slim install may leave it out)."""
    from assistant.paths import resource_path

    return resource_path("models", DEFAULT_MEMORY_NAME)


def load_caption_memory(directory: Path | None, encoder: str | None) -> CaptionMemory | None:
    """The memory for consensus re-ranking, or None when it cannot apply (absent, damaged, or
    holding another encoder's features than the captioner's: its neighbours would be meaningless)."""
    folder = Path(directory) if directory is not None else default_memory_dir()
    return load_optional_extra(folder, CaptionMemory.load, encoder, "consensus re-ranking")
