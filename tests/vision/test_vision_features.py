"""The encoder feature cache: computed once, reused for the same photos, recomputed for changed ones."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import ImageOps

from assistant.vision.training.features import cached_features
from tests.support.shapes import draw_shape

ENCODER = "efficientnet-lite0"


@pytest.mark.timeout(180)
def test_the_cache_follows_the_photos_bytes_not_their_dates(tmp_path: Path) -> None:
    images, root = tmp_path / "images", tmp_path / "cache"
    images.mkdir()
    for i, (shape, colour) in enumerate([("circle", "red"), ("square", "blue")]):
        draw_shape(shape, colour, "white", size=96, seed=i).save(images / f"{i}.png")
    names = ["0.png", "1.png"]
    cpu = torch.device("cpu")

    first = np.array(cached_features(ENCODER, images, names, cpu, root=root, progress=False))
    assert first.shape[0] == 2 and first.dtype == np.float16 and np.abs(first).sum() > 0
    arrays = sorted((root / ENCODER).glob("*.npy"))
    assert len(arrays) == 1

    # A copied or re-mounted folder: same bytes, new modification times -> the same cache entry.
    for name in names:
        os.utime(images / name, (1_000_000_000, 1_000_000_000))
    again = cached_features(ENCODER, images, names, cpu, root=root, progress=False)
    assert sorted((root / ENCODER).glob("*.npy")) == arrays
    np.testing.assert_array_equal(np.asarray(again), first)

    # A changed photo -> a new entry whose features differ for that photo only.
    draw_shape("triangle", "green", "black", size=96, seed=7).save(images / "1.png")
    changed = np.asarray(cached_features(ENCODER, images, names, cpu, root=root, progress=False))
    assert len(list((root / ENCODER).glob("*.npy"))) == 2
    np.testing.assert_array_equal(changed[0], first[0])
    assert not np.array_equal(changed[1], first[1])


@pytest.mark.timeout(180)
def test_the_mirror_cache_holds_the_mirrored_pictures_features(tmp_path: Path) -> None:
    images, root = tmp_path / "images", tmp_path / "cache"
    images.mkdir()
    picture = draw_shape("triangle", "red", "white", size=96, seed=3)
    picture.save(images / "plain.png")
    ImageOps.mirror(picture).save(images / "mirrored.png")
    cpu = torch.device("cpu")
    mirrored = cached_features(ENCODER, images, ["plain.png"], cpu, root=root, progress=False, mirror=True)
    expected = cached_features(ENCODER, images, ["mirrored.png"], cpu, root=root, progress=False)
    np.testing.assert_allclose(np.asarray(mirrored, np.float32), np.asarray(expected, np.float32), atol=2e-2)
    plain = cached_features(ENCODER, images, ["plain.png"], cpu, root=root, progress=False)
    assert not np.array_equal(np.asarray(plain), np.asarray(mirrored))  # a cache entry of its own
    assert len(list((root / ENCODER).glob("*.npy"))) == 3
