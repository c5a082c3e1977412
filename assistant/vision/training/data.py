"""Caption datasets: the ``image<TAB>split<TAB>caption`` TSV of shared/data, and COCO/Karpathy JSON."""

from __future__ import annotations

import csv
import json
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import AssistantError


@dataclass(frozen=True)
class CaptionRecord:
    image: str  # file name relative to the images folder
    split: str
    caption: str


def read_captions(path: Path) -> list[CaptionRecord]:
    """Read a TSV (header ``image split caption``) or a Karpathy-style COCO JSON (``images[].sentences``)."""
    path = Path(path)
    if not path.is_file():
        raise AssistantError(f"The captions file {path} does not exist.")
    if path.suffix.lower() == ".json":
        return _read_karpathy_json(path)
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or [h.strip().lower() for h in header[:3]] != ["image", "split", "caption"]:
            raise AssistantError(f"{path} must start with the header: image<TAB>split<TAB>caption.")
        for row in reader:
            if len(row) >= 3 and row[0]:
                records.append(CaptionRecord(row[0], row[1], row[2]))
    return records


def _read_karpathy_json(path: Path) -> list[CaptionRecord]:
    """Karpathy's split files (``dataset_coco.json``, ``dataset_flickr8k.json``, ...).

    Each image is ``{"filepath"?, "filename", "split", "sentences": [{"raw", "tokens"}]}``; the image
    name is ``filepath/filename`` (COCO keeps train2014/ and val2014/ under one images folder).
    Karpathy's ``restval`` images are training images.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise AssistantError(f"The captions file {path} is not valid JSON.") from None
    images = data.get("images") if isinstance(data, dict) else None
    if not isinstance(images, list) or not all(isinstance(i, dict) and "sentences" in i for i in images):
        hint = " (COCO annotations have no splits: use Karpathy's dataset_coco.json)"
        coco = isinstance(data, dict) and "annotations" in data
        raise AssistantError(f"{path} is not a Karpathy-style captions file{hint if coco else ''}.")
    records = []
    for image in images:
        if not image.get("filename"):
            raise AssistantError(f"{path} has an image without a file name.")
        folder = str(image.get("filepath") or "").strip("/")
        name = f"{folder}/{image['filename']}" if folder else str(image["filename"])
        split = "train" if image.get("split") == "restval" else str(image.get("split", "train"))
        for sentence in image.get("sentences", []):
            text = sentence.get("raw") or " ".join(sentence.get("tokens", []))
            if text.strip():
                records.append(CaptionRecord(name, split, text.strip()))
    return records


def group_by_image(records: Iterable[CaptionRecord], splits: Iterable[str]) -> OrderedDict[str, list[str]]:
    """Image -> its captions, for the given splits, in file order."""
    wanted = set(splits)
    grouped: OrderedDict[str, list[str]] = OrderedDict()
    for record in records:
        if record.split in wanted:
            grouped.setdefault(record.image, []).append(record.caption)
    return grouped


def training_splits(
    records: Iterable[CaptionRecord],
    train_splits: Iterable[str],
    val_split: str,
    train_limit: int | None = None,
    val_limit: int | None = None,
) -> tuple[OrderedDict[str, list[str]], OrderedDict[str, list[str]]]:
    """(train, val) image -> captions, each cut to its first ``*_limit`` images; both must be non-empty."""
    records = list(records)
    train = group_by_image(records, train_splits)
    val = group_by_image(records, [val_split])
    if train_limit:
        train = OrderedDict(list(train.items())[:train_limit])
    if val_limit:
        val = OrderedDict(list(val.items())[:val_limit])
    if not train or not val:
        raise ValueError("the captions file has no training or no validation images")
    return train, val
