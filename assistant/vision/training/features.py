"""Encoder feature cache: the frozen encoder runs once per image and encoder, then every epoch reads disk.

Features are stored as one fp16 ``.npy`` array ``(n_images, N, D)`` plus a JSON index of image names,
under ``cache_dir()/features/<encoder>/<digest>``; the digest covers the encoder, the image list and
each file's bytes, so a changed data set is never read from a stale cache, while a copied or re-mounted
one (new modification times, same photos) is not encoded again. Hashing 150 MB of JPEGs takes ~0.4 s.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from tqdm import tqdm

from assistant.paths import cache_dir
from assistant.vision.model.encoder import build_encoder, encoder_spec, preprocess


def _digest(encoder: str, images_dir: Path, names: Sequence[str]) -> str:
    hasher = hashlib.sha256(encoder.encode())
    for name in names:
        content = hashlib.sha256((images_dir / name).read_bytes()).hexdigest()
        hasher.update(f"{name}\0{content}\n".encode())
    return hasher.hexdigest()[:16]


def _load_rgb(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGB")


class _ImageFiles(torch.utils.data.Dataset[torch.Tensor]):
    def __init__(self, images_dir: Path, names: Sequence[str], encoder: str) -> None:
        self.images_dir, self.names, self.spec = images_dir, list(names), encoder_spec(encoder)

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, index: int) -> torch.Tensor:
        return preprocess([_load_rgb(self.images_dir / self.names[index])], self.spec)[0]  # (3, S, S)


def cached_features(
    encoder: str,
    images_dir: Path,
    names: Sequence[str],
    device: torch.device,
    batch_size: int = 32,
    root: Path | None = None,
    encoder_weights: Path | str | None = "packaged",
    progress: bool = True,
    mirror: bool = False,
) -> np.ndarray:
    """``(len(names), N, D)`` fp16 features, computed on first use and memory-mapped afterwards.

    ``mirror`` encodes the pictures mirrored left to right (a cache of its own): the grids of new,
    mirrored pictures, as flip augmentation trains on them with "left" and "right" swapped.
    """
    images_dir = Path(images_dir)
    folder = (root or cache_dir() / "features") / encoder
    digest = _digest(f"{encoder}:{encoder_weights}{':mirror' if mirror else ''}", images_dir, names)
    array_path, index_path = folder / f"{digest}.npy", folder / f"{digest}.json"
    if array_path.is_file() and index_path.is_file():
        return np.load(array_path, mmap_mode="r")
    folder.mkdir(parents=True, exist_ok=True)
    model = build_encoder(encoder, encoder_weights).to(device)
    loader = torch.utils.data.DataLoader(
        _ImageFiles(images_dir, names, encoder),
        batch_size=batch_size,
        num_workers=min(4, os.cpu_count() or 1) if device.type == "cuda" else 0,
    )
    partial = folder / f"{digest}.partial.npy"
    out: np.memmap | None = None
    offset = 0
    with torch.inference_mode():
        for pixels in tqdm(loader, desc=f"features {encoder}", unit="batch", disable=not progress):
            if mirror:
                pixels = pixels.flip(-1)  # (B, 3, S, S) mirrored left to right
            grid = model(pixels.to(device)).to("cpu", torch.float16).numpy()  # (B, N, D)
            if out is None:
                out = np.lib.format.open_memmap(
                    partial, mode="w+", dtype=np.float16, shape=(len(names), *grid.shape[1:])
                )
            out[offset : offset + len(grid)] = grid
            offset += len(grid)
    assert out is not None, "no images to encode"
    out.flush()
    del out
    os.replace(partial, array_path)
    index_path.write_text(json.dumps({"encoder": encoder, "images": list(names)}), encoding="utf-8")
    return np.load(array_path, mmap_mode="r")
