"""The caption memory's compact tables (issue #19, idle memory): they answer as the dicts and lists
they replace, and the shipped memory, loaded, holds its text in a few big blocks, not ~170 k objects."""

from __future__ import annotations

import gc
import json
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.vision.matching import caption_memory
from assistant.vision.matching.caption_memory import CaptionMemory, default_memory_dir, load_caption_memory
from assistant.vision.matching.memory_tables import CaptionTexts, NgramFrequencies, load_tables, save_tables

JOINED = {"a dog": 7, "dog": 12, "a": 40, "café au lait": 2, "zebra": 3, "a dog runs fast": 2}


def test_frequencies_answer_as_the_dict() -> None:
    df = NgramFrequencies.from_joined(JOINED)
    grams = {tuple(key.split()): n for key, n in JOINED.items()}
    assert len(df) == len(grams) and dict(df.items()) == grams
    assert df[("café", "au", "lait")] == 2 and df.get(("a", "cat")) is None and df.get(("a", "cat"), 0) == 0
    absent = [("a", "do"), ("dog", "a"), ("a", "dog", "runs", "fast", "and", "far", "away"), ("",)]
    assert df.found([*grams, *absent]) == grams  # absent ones, and one longer than any key, not found
    with pytest.raises(KeyError):
        df[("zebras",)]
    assert list(df.joined()) == sorted(JOINED)  # stored in captions.json's order
    empty = NgramFrequencies.from_joined({})
    assert len(empty) == 0 and empty.found([("a",)]) == {}


def test_captions_answer_as_lists() -> None:
    photos = [["a dog runs", "a brown dog"], ["children play", "kids in the snow", "sleds"], ["über café"]]
    texts = CaptionTexts.from_lists(photos)
    assert len(texts) == 3 and texts[1] == photos[1] and texts[-1] == ["über café"]
    assert list(texts) == photos and texts[1:] == photos[1:] and texts == photos and texts != photos[:2]
    with pytest.raises(IndexError):
        texts[3]


def test_the_shipped_memory_holds_its_text_in_a_few_blocks() -> None:
    folder = default_memory_dir()
    if not folder.is_dir():
        pytest.skip("no shipped caption memory")
    gc.collect()
    tracemalloc.start()
    try:
        memory = CaptionMemory.load(folder)
        gc.collect()
        snapshot = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    kept = snapshot.filter_traces([tracemalloc.Filter(True, "*/assistant/vision/matching/*")])
    blocks = sum(stat.count for stat in kept.statistics("filename"))
    assert len(memory.captions) == 6091 and len(memory.df) > 60_000
    assert blocks < 200, blocks  # the dict and lists it replaces were ~100 k objects
    assert memory.captions[0] and all(isinstance(c, str) for c in memory.captions[0])


def test_tables_round_trip_through_the_cache_file_and_a_damaged_one_is_refused(tmp_path: Path) -> None:
    captions = CaptionTexts.from_lists([["a dog runs", "a brown dog"], ["über café"]])
    df = NgramFrequencies.from_joined(JOINED)
    path = tmp_path / "tables.npz"
    save_tables(path, captions, df)
    again, df_again = load_tables(path)
    assert again == captions and dict(df_again.items()) == dict(df.items())
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # a flipped byte inside the members
    path.write_bytes(bytes(data))
    with pytest.raises((ValueError, OSError, KeyError, zipfile.BadZipFile)):
        load_tables(path)


def test_a_verified_memory_is_read_from_the_cache_the_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #19: reading captions.json again after each release made ~170 k small objects and left
    the idle app's pymalloc arenas holed; the second reading of the same (verified) file is the
    cached tables, the same memory, and a damaged cache file is read around and written again."""
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path / "cache"))
    features = np.random.default_rng(0).normal(size=(3, 8)).astype(np.float32)
    refs = [[["a", "dog", "runs"], ["a", "dog"]], [["a", "cat"], ["über", "café"]], [["a", "dog", "sits"]]]
    CaptionMemory.build("test-encoder", features, refs, 2, 0.0).save(tmp_path / "memory")
    first = load_caption_memory(tmp_path / "memory", "test-encoder")  # verified, then read
    (cached,) = (tmp_path / "cache" / "caption-memory").glob("*.npz")
    calls: list[object] = []
    real_loads = json.loads

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real_loads(*args, **kwargs)

    monkeypatch.setattr(caption_memory.json, "loads", counted)
    second = load_caption_memory(tmp_path / "memory", "test-encoder")
    assert first is not None and second is not None
    assert second.captions == first.captions and dict(second.df.items()) == dict(first.df.items())
    assert len(calls) == 1  # config.json only: the captions came from the cache
    cached.write_bytes(b"not a zip")
    third = load_caption_memory(tmp_path / "memory", "test-encoder")
    assert third is not None and third.captions == first.captions and len(calls) == 3
    assert load_tables(cached)[0] == first.captions  # written again
