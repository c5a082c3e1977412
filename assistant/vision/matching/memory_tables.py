"""The caption memory's two big tables, held compactly: n-gram frequencies and the photos' captions.

Why (issue #19, idle memory): held as Python objects (a dict of 66 k n-gram strings, 30 k caption
strings in 6 k lists) the shipped memory's text was ~10 MB of small objects, ~170 k of them. The app
lets the memory go after a quiet minute (assistant/describe.py ``Describer.release``), but pymalloc
keeps every 1 MB arena in which one long-lived object was made meanwhile: a release gave back only
part of it (+9 MB over the app before its first caption, measured with a headless Describer). As
numpy arrays and one bytes text it is ~4 MB in a few big blocks, which go back whole.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

import numpy as np

GRAM_SEPARATOR = " "  # an n-gram's words, joined
TABLES_VERSION = 1  # the cached tables' layout (save_tables)


class NgramFrequencies(Mapping[tuple[str, ...], int]):
    """n-gram tuple -> document frequency, held in two arrays: every space-joined n-gram's UTF-8
    bytes, sorted (``sorted_keys (G,)``, fixed width), and its frequency (``counts (G,)``).

    Why (issue #19): as a dict of 66 k str keys the shipped memory's frequencies were ~4 MB of small
    Python objects, and pymalloc keeps the pools such objects were freed from for the life of the
    app (a release left ~9 MB more than before the memory was read). As arrays: 2.5 MB in two blocks
    that go back whole. A consensus looks its few hundred n-grams up at once (:meth:`found`).
    """

    def __init__(self, keys: np.ndarray, counts: np.ndarray) -> None:
        if keys.ndim != 1 or keys.dtype.kind != "S" or counts.shape != keys.shape or counts.dtype.kind != "i":
            raise ValueError("the n-gram frequencies are not two arrays of one length")
        if len(keys) > 1 and not bool(np.all(keys[1:] > keys[:-1])):
            raise ValueError("the n-grams are not sorted")
        self.sorted_keys, self.counts = keys, counts  # (G,) bytes sorted, (G,) int32

    @classmethod
    def from_joined(cls, joined: Mapping[str, int]) -> NgramFrequencies:
        """From space-joined n-gram -> frequency (no key may end in a NUL: numpy's bytes drop those)."""
        keys = np.array([key.encode("utf-8") for key in joined], dtype=np.bytes_)
        if not len(keys):
            keys = np.zeros(0, dtype="S1")
        counts = np.fromiter(joined.values(), dtype=np.int32, count=len(joined))
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], counts[order])

    def found(self, grams: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        """The frequencies of those of ``grams`` that are stored, looked up together."""
        width = self.sorted_keys.dtype.itemsize
        wanted = [(gram, key) for gram in grams if len(key := GRAM_SEPARATOR.join(gram).encode()) <= width]
        if not wanted or not len(self.sorted_keys):
            return {}
        # The same width as the keys: a longer query (left out above) would be cut to fit.
        queries = np.array([key for _, key in wanted], dtype=self.sorted_keys.dtype)  # (Q,)
        at = np.minimum(np.searchsorted(self.sorted_keys, queries), len(self.sorted_keys) - 1)
        hit = (self.sorted_keys[at] == queries).tolist()
        counts = self.counts[at].tolist()
        return {gram: n for (gram, _), n, ok in zip(wanted, counts, hit, strict=True) if ok}

    def joined(self) -> dict[str, int]:
        """Space-joined n-gram -> frequency, in the keys' order (as stored in ``captions.json``)."""
        pairs = zip(self.sorted_keys.tolist(), self.counts.tolist(), strict=True)
        return {key.decode("utf-8"): n for key, n in pairs}

    def __getitem__(self, gram: tuple[str, ...]) -> int:
        return self.found([gram])[gram]

    def get(self, gram: tuple[str, ...], default: Any = None) -> Any:
        return self.found([gram]).get(gram, default)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return (tuple(key.decode("utf-8").split(GRAM_SEPARATOR)) for key in self.sorted_keys.tolist())

    def __len__(self) -> int:
        return len(self.sorted_keys)


class CaptionTexts(Sequence[list[str]]):
    """Each photo's captions (``captions[i]``: photo i's, a list of space-joined strings), held as one
    UTF-8 text with where each caption starts (``starts (C+1,)``) and each photo's first caption
    (``first (M+1,)``).

    Why (issue #19): 30 k caption strings in lists were ~4 MB of small Python objects that fragment
    pymalloc's pools when let go; a query reads only its 20 neighbours' captions.
    """

    def __init__(self, text: bytes, starts: np.ndarray, first: np.ndarray) -> None:
        if (
            starts.ndim != 1
            or first.ndim != 1
            or not len(starts)
            or not len(first)
            or int(starts[0]) != 0
            or int(starts[-1]) != len(text)
            or int(first[0]) != 0
            or int(first[-1]) != len(starts) - 1
            or bool(np.any(np.diff(starts) < 0))
            or bool(np.any(np.diff(first) < 0))
        ):
            raise ValueError("the caption offsets do not fit the text")
        self.text, self.starts, self.first = text, starts, first  # (C+1,) int64, (M+1,) int64

    @classmethod
    def from_lists(cls, captions: Iterable[Sequence[str]]) -> CaptionTexts:
        encoded = [[caption.encode("utf-8") for caption in refs] for refs in captions]
        lengths = np.fromiter((len(c) for refs in encoded for c in refs), dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)  # (C+1,)
        first = np.cumsum([0] + [len(refs) for refs in encoded]).astype(np.int64)  # (M+1,)
        return cls(b"".join(c for refs in encoded for c in refs), starts, first)

    def photo(self, index: int) -> list[str]:
        rows = range(int(self.first[index]), int(self.first[index + 1]))
        starts = self.starts
        return [self.text[starts[row] : starts[row + 1]].decode("utf-8") for row in rows]

    @overload
    def __getitem__(self, index: int) -> list[str]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[str]]: ...

    def __getitem__(self, index: int | slice) -> list[str] | list[list[str]]:
        if isinstance(index, slice):
            return [self.photo(i) for i in range(*index.indices(len(self)))]
        at = index + len(self) if index < 0 else index
        if not 0 <= at < len(self):
            raise IndexError("caption memory photo index out of range")
        return self.photo(at)

    def __len__(self) -> int:
        return len(self.first) - 1

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(
            mine == list(theirs) for mine, theirs in zip(self, other, strict=True)
        )

    __hash__ = None  # type: ignore[assignment]


def save_tables(path: Path, captions: CaptionTexts, df: NgramFrequencies) -> None:
    """Both tables in one ``.npz`` (no pickle), written whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tables-", suffix=".npz", dir=path.parent)
    try:
        arrays = {
            "keys": df.sorted_keys,
            "counts": df.counts,
            "text": np.frombuffer(captions.text, dtype=np.uint8),
            "starts": captions.starts,
            "first": captions.first,
        }
        with os.fdopen(fd, "wb") as handle:
            savez: Any = np.savez  # (numpy's stubs take **arrays for its keyword options)
            savez(handle, crc=np.asarray([_crc(arrays)], dtype=np.uint32), **arrays)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_tables(path: Path) -> tuple[CaptionTexts, NgramFrequencies]:
    """What :func:`save_tables` wrote; ValueError (or OSError, KeyError, BadZipFile) when it is not
    that: a CRC-32 over the arrays, and the tables check their shapes and order."""
    with np.load(path, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in _CACHED}
        crc = stored["crc"]
    if crc.shape != (1,) or int(crc[0]) != _crc(arrays):  # numpy does not check the zip's own CRCs
        raise ValueError("the cached tables do not match their checksum")
    text = arrays["text"]
    if text.dtype != np.uint8 or text.ndim != 1:
        raise ValueError("the captions' text is not bytes")
    captions = CaptionTexts(text.tobytes(), arrays["starts"], arrays["first"])
    return captions, NgramFrequencies(arrays["keys"], arrays["counts"])


_CACHED = ("keys", "counts", "text", "starts", "first")


def _crc(arrays: Mapping[str, np.ndarray]) -> int:
    """CRC-32 over the arrays' bytes, in :data:`_CACHED`'s order (a cache file damaged on disk)."""
    crc = 0
    for name in _CACHED:
        crc = zlib.crc32(np.ascontiguousarray(arrays[name]).tobytes(), crc)
    return crc
