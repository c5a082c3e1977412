"""The caption memory's compact tables (issue #19, idle memory): they answer as the dicts and lists
they replace, and the shipped memory, loaded, holds its text in a few big blocks, not ~170 k objects."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from assistant.vision.matching.caption_memory import CaptionMemory, default_memory_dir
from assistant.vision.matching.memory_tables import CaptionTexts, NgramFrequencies

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
    texts = CaptionTexts(photos)
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
