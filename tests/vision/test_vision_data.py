"""Caption files: the TSV and Karpathy's COCO-style JSON read alike, and a captioner trains from the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import AssistantError
from assistant.vision.model.vocab import Vocabulary
from assistant.vision.training.data import CaptionRecord, group_by_image, read_captions


def _write_karpathy(tsv: Path, out: Path, folder: str = "images") -> list[CaptionRecord]:
    """The TSV's images and captions as a Karpathy split file, the way dataset_coco.json spells them.

    Odd images give their sentences as ``raw`` text, even ones only as ``tokens``; returns the
    records the JSON should read back as.
    """
    grouped: dict[str, tuple[str, list[str]]] = {}
    for record in read_captions(tsv):
        grouped.setdefault(record.image, (record.split, []))[1].append(record.caption)
    images, expected = [], []
    for index, (name, (split, captions)) in enumerate(grouped.items()):
        if index % 2:
            sentences = [{"raw": c, "tokens": c.lower().split()} for c in captions]
        else:
            sentences = [{"tokens": c.split()} for c in captions]
        images.append(
            {
                "filepath": folder,
                "filename": name,
                "imgid": index,
                "split": split,
                "sentids": list(range(len(captions))),
                "sentences": sentences,
            }
        )
        expected += [CaptionRecord(f"{folder}/{name}", split, c) for c in captions]
    out.write_text(json.dumps({"images": images, "dataset": "shapes"}), encoding="utf-8")
    return expected


def test_karpathy_json_reads_like_the_tsv(shapes_dataset: Path, tmp_path: Path) -> None:
    path = tmp_path / "dataset_shapes.json"
    expected = _write_karpathy(shapes_dataset / "captions.tsv", path)
    records = read_captions(path)
    assert records == expected
    tsv_train = group_by_image(read_captions(shapes_dataset / "captions.tsv"), ["train"])
    json_train = group_by_image(records, ["train"])
    assert list(json_train) == [f"images/{name}" for name in tsv_train]
    assert list(json_train.values()) == list(tsv_train.values())
    assert all((shapes_dataset / name).is_file() for name in json_train)


def test_karpathy_restval_is_training_data_and_filepath_is_optional(tmp_path: Path) -> None:
    path = tmp_path / "dataset_coco.json"
    images = [
        {
            "filepath": "val2014",
            "filename": "COCO_val2014_000000000042.jpg",
            "split": "restval",
            "sentences": [{"raw": "A dog on a couch.", "tokens": ["a", "dog", "on", "a", "couch"]}],
        },
        {"filename": "1000268201_693b08cb0e.jpg", "split": "test", "sentences": [{"tokens": ["a", "child"]}]},
        {"filename": "empty.jpg", "split": "val", "sentences": [{"raw": " ", "tokens": []}]},
    ]
    path.write_text(json.dumps({"images": images}), encoding="utf-8")
    assert read_captions(path) == [
        CaptionRecord("val2014/COCO_val2014_000000000042.jpg", "train", "A dog on a couch."),
        CaptionRecord("1000268201_693b08cb0e.jpg", "test", "a child"),
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"images": [{"file_name": "x.jpg", "id": 1}], "annotations": []}), "dataset_coco.json"),
        (json.dumps([1, 2, 3]), "not a Karpathy-style captions file"),
        (json.dumps({"images": [{"split": "train", "sentences": []}]}), "without a file name"),
    ],
)
def test_bad_json_says_what_is_wrong(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "captions.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AssistantError, match=words):
        read_captions(path)


def test_tsv_without_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "captions.tsv"
    path.write_text("a.jpg\ttrain\ta cat .\n", encoding="utf-8")
    with pytest.raises(AssistantError, match="header"):
        read_captions(path)


@pytest.mark.timeout(240)
def test_trains_from_karpathy_json(shapes_dataset: Path, tmp_path: Path) -> None:
    import torch

    from assistant.vision.inference.torch_captioner import Captioner
    from assistant.vision.training.train import TrainConfig, train
    from tests.support.shapes import draw_shape

    captions = tmp_path / "dataset_shapes.json"
    _write_karpathy(shapes_dataset / "captions.tsv", captions)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    config = TrainConfig(
        data_dir=tmp_path,  # no captions.tsv here: everything comes from the JSON
        captions=captions,
        images=shapes_dataset,  # the folder that holds filepath/filename
        out=tmp_path / "run",
        feature_cache=tmp_path / "features",
        encoder="efficientnet-lite0",
        epochs=2,
        batch_size=16,
        embed_dim=16,
        hidden_dim=16,
        attention_dim=16,
        dropout=0.0,
        min_count=1,
        val_beam=1,
        train_limit=18,
        val_limit=6,
        device="cpu",
        progress=False,
        half=False,
        lr=3e-3,
    )
    try:
        result = train(config)
    finally:
        torch.set_num_threads(threads)
    history = result["history"]
    assert [h["epoch"] for h in history] == [1, 2]
    assert history[1]["loss"] < history[0]["loss"]
    captioner = Captioner.load(Path(result["model_dir"]), "cpu")
    tsv_train = group_by_image(read_captions(shapes_dataset / "captions.tsv"), ["train"])
    first = [c for caps in list(tsv_train.values())[: config.train_limit or 0] for c in caps]
    assert captioner.vocab.itos == Vocabulary.build(first, min_count=1).itos  # the same data as the TSV
    caption = captioner.caption(draw_shape("circle", "red", "white", seed=5), beam_size=1)
    assert caption.tokens and all(t in captioner.vocab.stoi for t in caption.tokens)


def test_missing_image_named_in_json_is_reported(shapes_dataset: Path, tmp_path: Path) -> None:
    from assistant.vision.training.train import TrainConfig, train

    captions = tmp_path / "dataset_shapes.json"
    _write_karpathy(shapes_dataset / "captions.tsv", captions, folder="train2014")
    config = TrainConfig(
        captions=captions, images=shapes_dataset, out=tmp_path / "run", device="cpu", progress=False
    )
    with pytest.raises(AssistantError, match=r"train2014/.*\.png named in dataset_shapes\.json is not in"):
        train(config)
