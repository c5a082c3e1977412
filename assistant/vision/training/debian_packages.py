"""Pictures from Debian packages for training the small heads: a pinned package downloaded and
unpacked once into a cache folder, and the files inside GComPris' Qt resource bundles.

Why one home: the icon-and-drawing head's data (``scripts/graphics_set.py``) and the person probe's
(:mod:`assistant.vision.training.person_pictures`) both train on Debian's pictures; nothing is copied
into the repository, so each run fetches the same pinned ``.deb`` files into the user cache.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path


def unpacked(cache: Path, package: str, version: str) -> Path:
    """``package``'s files: ``apt-get download package=version`` into ``cache/debs`` (a ``.deb``
    already there, or at ``cache``'s top level, is used as it is), then ``dpkg-deb -x`` once into
    ``cache/x/package``."""
    out = cache / "x" / package
    if out.is_dir():
        return out
    debs = cache / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    found = sorted(debs.glob(f"{package}_*.deb")) or sorted(cache.glob(f"{package}_*.deb"))
    if not found:
        subprocess.run(["apt-get", "download", f"{package}={version}"], cwd=debs, check=True)
        found = sorted(debs.glob(f"{package}_*.deb"))
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)  # a run cut short left it half unpacked
    tmp.mkdir(parents=True)
    subprocess.run(["dpkg-deb", "-x", str(found[0]), str(tmp)], check=True)
    tmp.rename(out)
    return out


def rcc_files(blob: bytes) -> dict[str, bytes]:
    """Files in a Qt resource bundle (``.rcc``, format 1-3): path -> bytes, zlib ones inflated
    (no Qt needed)."""
    if blob[:4] != b"qres":
        raise ValueError("not a Qt resource bundle")
    version, tree, data, names = struct.unpack(">IIII", blob[4:20])
    node_size = 14 if version == 1 else 22

    def name(offset: int) -> str:
        (length,) = struct.unpack(">H", blob[names + offset : names + offset + 2])
        return blob[names + offset + 6 : names + offset + 6 + 2 * length].decode("utf-16-be")

    out: dict[str, bytes] = {}

    def walk(index: int, prefix: str) -> None:
        at = tree + index * node_size
        name_offset, flags = struct.unpack(">IH", blob[at : at + 6])
        path = f"{prefix}/{name(name_offset)}" if index else ""
        if flags & 2:  # a folder: its children are consecutive nodes
            count, first = struct.unpack(">II", blob[at + 6 : at + 14])
            for child in range(first, first + count):
                walk(child, path)
            return
        (offset,) = struct.unpack(">I", blob[at + 10 : at + 14])
        (size,) = struct.unpack(">I", blob[data + offset : data + offset + 4])
        raw = blob[data + offset + 4 : data + offset + 4 + size]
        if flags & 4:
            return  # zstd-compressed: none of the pictures used here
        out[path] = zlib.decompress(raw[4:]) if flags & 1 else raw

    walk(0, "")
    return out
