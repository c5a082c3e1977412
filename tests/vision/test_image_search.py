"""``assistant search``: text -> image ranking over a folder, and clear answers to bad input.

Flat scenes drawn with Pillow (a "beach" of three colour bands, a "snow field") are not photos, and the
shipped Flickr8k model ranks them no better than chance (measured: "a beach" picked the water scene,
"snow" the beach). So the ranking is tested with a tiny dual encoder trained here on the rendered
shapes (lite0 features, seconds), searching new drawings it has never seen; the shipped model is
used end to end for the command's output format and its bad-input answers.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.cli import main
from assistant.vision.matching.contrastive import ContrastiveMatcher
from assistant.vision.matching.folder_search import (
    TorchGridEncoder,
    default_contrastive_dir,
    index_images,
    rank,
    search_folder,
)
from tests.conftest import TINY_ENCODER
from tests.support.shapes import draw_shape
from tests.support.shapes_contrastive import train_shapes_contrastive

SHIPPED = default_contrastive_dir()


@pytest.fixture(scope="module")
def shapes_contrastive(shapes_dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real tiny dual encoder trained on the rendered shapes, saved like the shipped one."""
    return train_shapes_contrastive(
        shapes_dataset, tmp_path_factory.mktemp("search-model"), tmp_path_factory.mktemp("search-features")
    )


@pytest.fixture(scope="module")
def lite0() -> TorchGridEncoder:
    return TorchGridEncoder(TINY_ENCODER, "cpu")


def _scene_folder(root: Path) -> dict[str, Path]:
    """New drawings (seeds the training set never used), one in a sub-folder, plus a broken file."""
    scenes = {
        "a red circle on a white background": ("circle", "red", "white"),
        "a green square on a black background": ("square", "green", "black"),
        "a blue triangle on a white background": ("triangle", "blue", "white"),
    }
    (root / "deeper").mkdir(parents=True)
    paths = {}
    for i, (query, (shape, colour, background)) in enumerate(scenes.items()):
        folder = root / "deeper" if i == 1 else root
        path = folder / f"{colour}_{shape}.png"
        draw_shape(shape, colour, background, size=160, seed=1000 + i).save(path)
        paths[query] = path
    (root / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (root / "notes.txt").write_text("not an image", encoding="utf-8")
    return paths


@pytest.mark.timeout(300)
def test_query_ranks_its_own_drawing_first(
    shapes_contrastive: Path, lite0: TorchGridEncoder, tmp_path: Path
) -> None:
    paths = _scene_folder(tmp_path / "pictures")
    skipped: list[tuple[Path, str]] = []
    for query, expected in paths.items():
        result = search_folder(
            query,
            [tmp_path / "pictures"],
            top=10,
            model_dir=shapes_contrastive,
            encoder=lite0,
            batch_size=2,
            on_skip=lambda path, error: skipped.append((path, error)),
            progress=False,
        )
        assert result.indexed == 3  # the sub-folder is searched, the text file is no candidate
        assert Path(result.hits[0].path) == expected, (query, result.hits)
        scores = [h.score for h in result.hits]
        assert scores == sorted(scores, reverse=True) and all(-1.0 <= s <= 1.0 for s in scores)
        assert all(0.0 <= h.confidence <= 1.0 for h in result.hits)
        assert result.hits[0].confidence > result.hits[-1].confidence
    assert [p.name for p, _ in skipped] == ["broken.jpg"] * 3
    assert "broken.jpg" in skipped[0][1]


@pytest.mark.timeout(300)
def test_one_index_answers_many_queries_and_top_limits(
    shapes_contrastive: Path, lite0: TorchGridEncoder, tmp_path: Path
) -> None:
    paths = _scene_folder(tmp_path / "pictures")
    model = ContrastiveMatcher.load(shapes_contrastive)
    files = sorted(paths.values())
    index = index_images(lite0, model, files, batch_size=16)
    assert index.embeddings.shape == (3, model.config.embed_dim)
    assert np.allclose(np.linalg.norm(index.embeddings, axis=1), 1.0, atol=1e-5)
    for query, expected in paths.items():
        hits = rank(index, model, query, top=1)
        assert len(hits) == 1 and Path(hits[0].path) == expected
    colour_only = rank(index, model, "something red", top=3)
    assert Path(colour_only[0].path) == paths["a red circle on a white background"]


@pytest.mark.timeout(300)
def test_cli_prints_score_tab_path_and_json_with_the_shipped_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pictures"
    paths = _scene_folder(folder)
    code = main(["search", "a dog on the beach", str(folder), "--top", "2", "--runtime", "torch"])
    captured = capsys.readouterr()
    assert code == 0
    lines = captured.out.strip().splitlines()
    assert len(lines) == 2
    for line in lines:
        score, path = line.split("\t")
        assert -1.0 <= float(score) <= 1.0 and Path(path) in paths.values()
    assert float(lines[0].split("\t")[0]) >= float(lines[1].split("\t")[0])
    assert "skipped" in captured.err and "broken.jpg" in captured.err  # one line, then carry on

    code = main(["search", "children playing in the snow", str(folder), "--json", "--runtime", "torch"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["query"] == "children playing in the snow" and data["indexed"] == 3
    assert {Path(r["path"]) for r in data["results"]} == set(paths.values())
    assert [s["path"] for s in data["skipped"]] == [str(folder / "broken.jpg")]
    assert all(0.0 <= r["confidence"] <= 1.0 for r in data["results"])


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("query", "make", "expected"),
    [
        ("a dog on the beach", "empty", "There are no images in empty."),
        ("a dog on the beach", "text-only", "There are no images in text-only."),
        ("a dog on the beach", "missing", "I cannot find"),
        ("a dog on the beach", "all-broken", "None of the 2 images could be read."),
        ("xyzzy frobnicate", "good", "I know none of the words in 'xyzzy frobnicate'"),
        ("   ", "good", "The search query is empty"),
    ],
)
def test_cli_bad_input_gets_one_sentence_and_a_failure_code(
    query: str, make: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / make
    if make != "missing":
        folder.mkdir()
    if make == "text-only":
        (folder / "readme.txt").write_text("hello", encoding="utf-8")
    if make == "all-broken":
        (folder / "a.jpg").write_bytes(b"not a jpeg")
        (folder / "b.png").write_bytes(b"")
    if make == "good":
        draw_shape("circle", "red", "white").save(folder / "red.png")
    code = main(["search", query, str(folder), "--runtime", "torch"])
    captured = capsys.readouterr()
    assert code != 0
    assert captured.out == ""
    last = captured.err.strip().splitlines()[-1]
    assert last.startswith("assistant: ") and expected in last
    assert "Traceback" not in captured.err


@pytest.mark.timeout(60)
def test_cli_refuses_a_top_of_zero_and_a_missing_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draw_shape("circle", "red", "white").save(tmp_path / "red.png")
    assert main(["search", "a dog", str(tmp_path), "--top", "0"]) != 0
    assert "at least 1" in capsys.readouterr().err
    assert main(["search", "a dog", str(tmp_path), "--model", str(tmp_path / "nothing")]) == 5
    assert "model is incomplete" in capsys.readouterr().err
    assert SHIPPED.is_dir()


class CountingEncoder:
    """The real lite0 encoder, counting the images it is asked to encode."""

    def __init__(self, inner: TorchGridEncoder) -> None:
        self.inner = inner
        self.image_size = inner.image_size
        self.encoded = 0

    def encode(self, images: Sequence[Image.Image]) -> np.ndarray:
        self.encoded += len(images)
        return self.inner.encode(images)


@pytest.mark.timeout(300)
def test_a_second_search_reuses_the_cache_and_a_changed_file_is_encoded_again(
    shapes_contrastive: Path, lite0: TorchGridEncoder, tmp_path: Path
) -> None:
    folder = tmp_path / "pictures"
    paths = _scene_folder(folder)
    query = "a red circle on a white background"
    counting = CountingEncoder(lite0)

    def search() -> list[tuple[str, float]]:
        found = search_folder(query, [folder], model_dir=shapes_contrastive, encoder=counting, progress=False)
        return [(h.path, h.score) for h in found.hits]

    first = search()
    assert counting.encoded == 3
    cache_files = list((Path(os.environ["ASSISTANT_CACHE_DIR"]) / "search").glob("*.npz"))
    assert len(cache_files) == 1
    assert search() == first and counting.encoded == 3  # nothing encoded again

    red = paths[query]
    draw_shape("square", "blue", "black", size=160, seed=77).save(red)  # same name, new picture
    os.utime(red, ns=(red.stat().st_atime_ns, red.stat().st_mtime_ns + 10**9))
    changed = search()
    assert counting.encoded == 4  # only the changed file
    assert Path(changed[0][0]) != red  # and its new content counts: no longer the red circle

    cache_files[0].write_bytes(b"damaged")  # a broken cache is ignored and rebuilt, never an error
    again = search()  # encoded afresh, in one batch of 3 instead of 1: equal to float rounding
    assert counting.encoded == 7
    assert [p for p, _ in again] == [p for p, _ in changed]
    assert [s for _, s in again] == pytest.approx([s for _, s in changed], abs=1e-5)
    assert (
        search_folder(query, [folder], model_dir=shapes_contrastive, encoder=counting, cache=False).indexed
        == 3
    )
    assert counting.encoded == 10
