"""The caption memory: consensus is CIDEr-D against the nearest photos' captions, stored and read safely.

The consensus must equal the reference CIDEr-D scorer (:class:`CiderD`, frequencies from every
photo's captions) averaged over the neighbours found by brute force — equally, or weighed by the
softmax of their cosines over the temperature — although the memory stores only the n-grams seen in
two or more photos; a folder survives a round trip; a missing, damaged, newer or
other-encoder folder is refused in one sentence (or skipped, for the app).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ModelError
from assistant.vision.evaluation.cider_d import CiderD
from assistant.vision.matching.caption_memory import (
    CONFIG_FILE,
    FEATURES_FILE,
    CaptionMemory,
    load_caption_memory,
)
from assistant.vision.model.vocab import tokenize

CAPTIONS = [
    ["a dog runs on the grass", "a brown dog running through a field", "dog playing in grass"],
    ["a black dog runs on the beach", "a dog on the sand by the sea", "a dog runs near the water"],
    ["two children play in the snow", "kids playing in the snow", "a child sleds down a snowy hill"],
    ["a man climbs a rock", "a climber on a cliff face", "a man rock climbing"],
    ["a girl in a pink dress", "a little girl smiles", "a girl in pink runs on the grass"],
    ["people walk down a city street", "a crowd on a busy street", "a man walks down the street"],
]
CANDIDATES = ["a dog runs on the grass", "a dog runs on the sand", "a man walks down the street", "a girl"]


def _memory(neighbours: int, temperature: float) -> CaptionMemory:
    features = np.random.default_rng(0).normal(size=(len(CAPTIONS), 16)).astype(np.float32)
    return CaptionMemory.build(
        "test-encoder", features, [[tokenize(c) for c in refs] for refs in CAPTIONS], neighbours, temperature
    )


@pytest.fixture()
def memory() -> CaptionMemory:
    return _memory(2, 0.0)


def test_consensus_is_cider_d_against_the_nearest_photos(memory: CaptionMemory) -> None:
    reference = CiderD({str(i): [tokenize(c) for c in refs] for i, refs in enumerate(CAPTIONS)})
    assert len(memory.df) < len(reference._df)  # n-grams of one photo only are not stored
    query = memory.features[0] * 0.9 + memory.features[1] * 0.3  # nearest: photo 0, then photo 1
    units = memory.features / np.linalg.norm(memory.features, axis=1, keepdims=True)
    nearest = np.argsort(-(units @ (query / np.linalg.norm(query))))[:2]
    assert list(memory.neighbours(query)) == list(nearest) == [0, 1]
    words = [tokenize(c) for c in CANDIDATES]
    expected = [np.mean([reference.score(str(j), w) for j in nearest]) for w in words]
    assert memory.consensus(query, words) == pytest.approx(expected, abs=1e-5)
    got = memory.consensus(query, words)
    assert got[0] > got[1] > got[2]  # the grass dog, then a dog elsewhere, then no dog at all


@pytest.mark.parametrize("temperature", [0.05, 0.3])
def test_votes_are_weighed_by_the_softmax_of_likeness(temperature: float) -> None:
    memory = _memory(4, temperature)
    reference = CiderD({str(i): [tokenize(c) for c in refs] for i, refs in enumerate(CAPTIONS)})
    query = memory.features[1] * 0.8 + memory.features[4] * 0.5
    units = memory.features / np.linalg.norm(memory.features, axis=1, keepdims=True)
    cosines = units @ (query / np.linalg.norm(query))
    nearest = np.argsort(-cosines)[:4]
    weights = np.exp((cosines[nearest] - cosines[nearest].max()) / temperature)
    weights /= weights.sum()
    words = [tokenize(c) for c in CANDIDATES]
    expected = [
        sum(w * reference.score(str(j), c) for w, j in zip(weights, nearest, strict=True)) for c in words
    ]
    assert memory.consensus(query, words) == pytest.approx(expected, abs=1e-5)
    flat = [np.mean([reference.score(str(j), c) for j in nearest]) for c in words]
    assert not np.allclose(expected, flat, atol=1e-3)  # the weighing changed the vote
    assert weights[0] == weights.max() and memory.vote_weights(cosines[nearest]) == pytest.approx(weights)


@pytest.mark.parametrize("temperature", [0.0, 0.08])
def test_a_folder_round_trips(temperature: float, tmp_path: Path) -> None:
    memory = _memory(3, temperature)
    memory.save(tmp_path / "memory")
    loaded = CaptionMemory.load(tmp_path / "memory")
    assert loaded.config == memory.config and loaded.captions == memory.captions and loaded.df == memory.df
    query = memory.features[3]
    words = [tokenize(c) for c in CANDIDATES]
    assert loaded.consensus(query, words) == pytest.approx(memory.consensus(query, words), abs=1e-3)


def test_bad_folders_are_refused_in_one_sentence(memory: CaptionMemory, tmp_path: Path) -> None:
    folder = tmp_path / "memory"
    memory.save(folder)
    assert load_caption_memory(folder, "test-encoder") is not None
    assert load_caption_memory(folder, "efficientnet-lite2") is None  # another encoder's grid
    assert load_caption_memory(tmp_path / "absent", "test-encoder") is None

    config = json.loads((folder / CONFIG_FILE).read_text())
    (folder / CONFIG_FILE).write_text(json.dumps({**config, "format_version": 99}))
    with pytest.raises(ModelError, match="newer assistant"):
        CaptionMemory.load(folder)
    (folder / CONFIG_FILE).write_text(json.dumps({**config, "temperature": -1}))
    with pytest.raises(ModelError, match="damaged"):
        CaptionMemory.load(folder)
    older = {key: value for key, value in config.items() if key != "temperature"}
    (folder / CONFIG_FILE).write_text(json.dumps(older))  # a folder from before the weighing
    assert CaptionMemory.load(folder).config.temperature == 0.0  # read as it was meant: equal votes
    (folder / CONFIG_FILE).write_text(json.dumps(config))
    (folder / FEATURES_FILE).write_bytes(b"\x00" * 40)
    with pytest.raises(ModelError, match="damaged"):
        CaptionMemory.load(folder)
    assert load_caption_memory(folder, "test-encoder") is None  # the app goes on without it
    (folder / FEATURES_FILE).unlink()
    with pytest.raises(ModelError, match=f"{FEATURES_FILE} is missing"):
        CaptionMemory.load(folder)


def test_the_query_must_fit_the_features(memory: CaptionMemory) -> None:
    with pytest.raises(ValueError, match="does not fit"):
        memory.neighbours(np.zeros(8, dtype=np.float32))


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_build_memory_command_on_rendered_shapes(shapes_dataset: Path, tmp_path: Path) -> None:
    """``assistant build-memory`` pools the encoder grid of every training photo; a photo's own
    captions then win the consensus over another shape's."""
    out = tmp_path / "memory"
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "build-memory", "--images", str(shapes_dataset / "images"),
         "--captions", str(shapes_dataset / "captions.tsv"), "--splits", "train",
         "--encoder", "efficientnet-lite0", "--neighbours", "2", "--device", "cpu", "--out", str(out)],
        capture_output=True, text=True, timeout=280,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    memory = CaptionMemory.load(out)
    assert len(memory.captions) == 36 and memory.config.encoder == "efficientnet-lite0"
    assert memory.features.shape == (36, 1280)
    own = memory.captions[0][0]  # a photo's own caption, tokenised: "a red circle on a white background"
    other = next(refs[0] for refs in memory.captions if refs[0].split()[1:3] != own.split()[1:3])
    scores = memory.consensus(memory.features[0], [own.split(), other.split()])
    assert scores[0] > scores[1]


def test_a_loaded_memory_keeps_its_int8_codes_and_finds_the_same_neighbours(tmp_path: Path) -> None:
    """Issue #19: a loaded memory holds the stored int8 codes (a quarter of float32's memory for as long
    as the app runs), and scores as the dequantised float features do."""
    rng = np.random.default_rng(3)
    features = rng.normal(size=(2500, 64)).astype(np.float32)  # more rows than one scoring chunk
    captions = [[["a", "dog", str(i % 7)]] for i in range(2500)]
    CaptionMemory.build("test-encoder", features, captions, 20, 0.08).save(tmp_path / "memory")
    loaded = CaptionMemory.load(tmp_path / "memory")
    assert loaded._codes is not None and loaded._codes.dtype == np.int8 and loaded._unit is None
    units = loaded.features  # the dequantised, unit-length features, as before
    assert units.dtype == np.float32 and np.allclose(np.linalg.norm(units, axis=1), 1.0, atol=1e-5)
    for row in (0, 1234, 2499):
        query = features[row] + 0.5 * rng.normal(size=64).astype(np.float32)
        query_unit = query / np.linalg.norm(query)
        expected = np.argsort(-(units @ query_unit))[:20]
        nearest, cosines = loaded._nearest(query, 20)
        assert nearest.tolist() == expected.tolist()
        assert cosines == pytest.approx((units @ query_unit)[expected], abs=1e-5)


def test_retrieved_captions_come_from_the_nearest_photos_in_order() -> None:
    memory = _memory(3, 0.0)
    query = memory.features[2] * 0.9 + memory.features[5] * 0.3  # nearest: photo 2, then photo 5
    found = memory.retrieve(query, 2)
    assert [photo for _, photo in found] == [2, 2, 2, 5, 5, 5]
    assert [" ".join(words) for words, _ in found[:3]] == CAPTIONS[2]
    units = memory.features / np.linalg.norm(memory.features, axis=1, keepdims=True)
    cosines = units @ (query / np.linalg.norm(query))
    between = float(cosines[5] + cosines[2]) / 2  # photo 2 is that like the query, photo 5 not
    assert [photo for _, photo in memory.retrieve(query, 2, likeness=between)] == [2, 2, 2]
    assert memory.retrieve(query, 2, likeness=float(cosines[2]) + 0.01) == []


@pytest.mark.parametrize("temperature", [0.0, 0.3])
def test_a_training_caption_gets_no_vote_from_its_own_photo(temperature: float) -> None:
    """Its own photo's other captions describe that very photo: they would vote for it whatever the
    picture shows. The other neighbours vote, their weights scaled up to sum to 1."""
    memory = _memory(3, temperature)
    reference = CiderD({str(i): [tokenize(c) for c in refs] for i, refs in enumerate(CAPTIONS)})
    query = memory.features[0] * 0.9 + memory.features[1] * 0.3
    nearest = list(memory.neighbours(query))
    assert nearest[0] == 0
    weights, _, _ = memory.votes(query, [["a"]])
    own_caption = tokenize(CAPTIONS[0][0])
    counted, uncounted = memory.consensus(query, [own_caption, own_caption], own=[None, 0])
    others = [(w, j) for w, j in zip(weights, nearest, strict=True) if j != 0]
    expected = sum(w * reference.score(str(j), own_caption) for w, j in others) / sum(w for w, _ in others)
    assert uncounted == pytest.approx(expected, abs=1e-5)
    assert counted > uncounted  # counted, photo 0 votes for its own caption
    # A candidate whose photo is not among the neighbours is scored as any other.
    plain = memory.consensus(query, [own_caption])[0]
    assert memory.consensus(query, [own_caption], own=[4])[0] == pytest.approx(plain)
