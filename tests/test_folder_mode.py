"""Folder mode (assistant.folder_mode): a real folder of drawn images, real bad files, a real tiny model."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from assistant.cli import main
from assistant.errors import ImageLoadError
from assistant.folder_mode import describe_images, find_images, open_image, run_folder_mode
from assistant.vision.inference.runtime import load_captioner
from tests.support.shapes import draw_shape

GOOD = (
    "a_red_circle.png",
    "b_blue_square.jpg",
    "d_green_triangle.png",
    "e_red_square.png",
    "f_blue_circle.png",
)


@pytest.fixture(scope="module")
def tiny_captioner(tiny_model_dir: Path):
    from assistant.vision.inference.torch_captioner import Captioner

    return Captioner.load(tiny_model_dir, "cpu")


@pytest.fixture
def photo_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    (folder / "sub").mkdir(parents=True)
    for index, name in enumerate(GOOD):
        _, colour, shape = Path(name).stem.split("_")
        draw_shape(shape, colour, "white" if index % 2 else "black", seed=700 + index).save(folder / name)
    (folder / "c_notes.jpg").write_text("this is not a picture")  # a bad file, sorted in the middle
    Image.new("RGB", (64, 64), "red").save(folder / "g_cut.png")
    (folder / "g_cut.png").write_bytes((folder / "g_cut.png").read_bytes()[:60])
    (folder / "readme.txt").write_text("not an image name: skipped")
    (folder / ".hidden.png").write_bytes(b"resource fork")
    draw_shape("circle", "green", "white", seed=790).save(folder / "sub" / "h_green_circle.png")
    return folder


def test_find_images_skips_non_images_and_hidden_files(photo_folder):
    names = [p.name for p in find_images([photo_folder])]
    assert names == sorted([*GOOD, "c_notes.jpg", "g_cut.png"])
    deep = [p.relative_to(photo_folder).as_posix() for p in find_images([photo_folder], recursive=True)]
    assert "sub/h_green_circle.png" in deep and len(deep) == len(names) + 1
    # A file named directly is kept whatever its name: the user asked for it.
    assert find_images([photo_folder / "readme.txt"]) == [photo_folder / "readme.txt"]


@pytest.mark.timeout(120)
def test_batches_match_one_by_one_and_bad_files_keep_their_place(tiny_captioner, photo_folder):
    files = find_images([photo_folder])
    seen = []
    items = list(describe_images(tiny_captioner, files, beam_size=2, batch_size=3, on_item=seen.append))
    assert [Path(item.image).name for item in items] == [p.name for p in files] and seen == items
    by_name = {Path(item.image).name: item for item in items}
    assert by_name["c_notes.jpg"].error == "The file c_notes.jpg is not an image."
    assert by_name["g_cut.png"].error == "The file g_cut.png is damaged or incomplete."
    for name in GOOD:
        item = by_name[name]
        assert item.error is None and item.caption and item.text
        assert 0.0 < (item.confidence or 0.0) <= 1.0
        # Batched beam search must give what the image alone gives.
        alone = tiny_captioner.caption(open_image(photo_folder / name, 224), beam_size=2)
        assert item.caption == alone.text, name


@pytest.mark.timeout(120)
def test_run_writes_json_lines_and_csv(tiny_captioner, photo_folder, tmp_path):
    out = io.StringIO()
    csv_path = tmp_path / "alt.csv"
    loads = []

    def factory():
        loads.append(1)
        return tiny_captioner

    described, failed = run_folder_mode(
        factory, [photo_folder], recursive=True, json_out=out, csv_path=csv_path, batch_size=4, progress=False
    )
    assert (described, failed) == (len(GOOD) + 1, 2) and loads == [1]
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == len(GOOD) + 3
    good = [line for line in lines if "error" not in line]
    assert all(set(line) == {"image", "text", "caption", "confidence"} for line in good)
    assert all(set(line) == {"image", "error"} for line in lines if "error" in line)
    with csv_path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["image"] for row in rows] == [line["image"] for line in lines]
    assert [row["text"] for row in rows if not row["error"]] == [line["text"] for line in good]


def test_an_empty_folder_is_one_sentence(tmp_path):
    (tmp_path / "empty").mkdir()

    def factory():
        raise AssertionError("no model should be loaded for nothing")

    with pytest.raises(ImageLoadError, match=r"^There are no images in empty\.$"):
        run_folder_mode(factory, [tmp_path / "empty"], json_out=io.StringIO(), progress=False)


def test_big_jpeg_is_decoded_at_a_reduced_scale(tmp_path):
    path = tmp_path / "big.jpg"
    draw_shape("circle", "red", "white", size=2000, seed=1).save(path, quality=90)
    image = open_image(path, 224)
    assert image.mode == "RGB" and 448 <= min(image.size) < 2000
    scan = tmp_path / "scan.png"
    draw_shape("square", "blue", "white", size=2400, seed=2).resize((2400, 1800)).save(scan)
    shrunk = open_image(scan, 224)
    assert shrunk.size == (896, 672)  # 4x the model's side, aspect kept


@pytest.mark.timeout(120)
def test_cli_folder_json_and_csv(tiny_model_dir, photo_folder, tmp_path, capsys):
    common = ["--model", str(tiny_model_dir), "--device", "cpu", "--beam", "2"]
    code = main(["describe", str(photo_folder), "--json", "--csv", str(tmp_path / "alt.csv"), *common])
    assert code == 3  # two bad files, the others described
    out = capsys.readouterr()
    lines = [json.loads(line) for line in out.out.splitlines()]
    assert len(lines) == len(GOOD) + 2 and sum("error" in line for line in lines) == 2
    assert out.err.strip() == f"Described {len(GOOD)} of {len(GOOD) + 2} images; 2 could not be read."
    assert len((tmp_path / "alt.csv").read_text(encoding="utf-8").splitlines()) == len(GOOD) + 3
    # Without --json/--csv a folder is not described one by one: one sentence says what to do.
    assert main(["describe", str(photo_folder), "--no-speak", *common]) == 3
    err = capsys.readouterr().err.strip()
    assert err == "assistant: photos is a folder; add --json or --csv to describe its images."


@pytest.mark.timeout(180)
def test_onnx_runtime_gives_the_torch_captions(
    tiny_model_dir, tiny_captioner, photo_folder, monkeypatch, tmp_path
):
    from assistant.vision.inference.onnx_captioner import OnnxCaptioner

    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path / "cache"))
    assert not isinstance(
        load_captioner(tiny_model_dir, "cpu", "auto"), OnnxCaptioner
    )  # nothing exported yet
    exported = load_captioner(tiny_model_dir, "cpu", "onnx", int8=False)  # exports into the cache
    assert isinstance(exported, OnnxCaptioner)
    found = load_captioner(tiny_model_dir, "cpu", "auto")  # now found and used, with its int8 step
    assert isinstance(found, OnnxCaptioner) and found.int8
    files = [photo_folder / name for name in GOOD]
    fast = [item.caption for item in describe_images(exported, files, beam_size=2, batch_size=4)]
    slow = [item.caption for item in describe_images(tiny_captioner, files, beam_size=2, batch_size=4)]
    assert fast == slow


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_shipped_model_alt_text_is_hedged_by_the_match_confidence(photo_folder, tmp_path):
    """With the shipped lite2 captioner the shipped image-text model scores every caption; the CSV
    carries that match confidence and the alt text is worded with both signals, as the app words it."""
    import numpy as np

    from assistant.paths import default_model_dir
    from assistant.understand.compose import hedge_result
    from assistant.vision.matching.contrastive import default_contrastive_dir, load_caption_matcher
    from assistant.vision.matching.rerank import caption_candidates, reranker_for

    captioner = load_captioner(default_model_dir(), runtime="torch", device="cpu")
    matcher = load_caption_matcher(None, "efficientnet-lite2")
    reranker = reranker_for(captioner)
    assert matcher is not None and default_contrastive_dir().is_dir()
    assert reranker is not None and reranker.memory is not None
    csv_path = tmp_path / "alt.csv"
    described, failed = run_folder_mode(
        lambda: captioner, [photo_folder], csv_path=csv_path, batch_size=4, progress=False
    )
    rows = [r for r in csv.DictReader(csv_path.open(encoding="utf-8")) if not r["error"]]
    assert described == len(rows) >= 3 and failed == 2  # the two damaged files of the folder
    for row in rows:
        image = open_image(Path(row["image"]), 260)
        (found,) = caption_candidates(captioner, [image], 3)
        result = reranker.rerank(found, captioner.config.length_penalty)  # as the Describer does
        assert result.text == row["caption"] and result in found.alternatives
        expected = matcher.confidence(np.asarray(result.pooled), result.text)
        assert float(row["confidence"]) == pytest.approx(expected, abs=1e-3)
        assert row["text"] == (hedge_result(result) or "A photo.")
