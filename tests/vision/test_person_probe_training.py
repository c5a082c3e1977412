"""Issue #16: the person probe's outside pictures (Debian photos without people) and its training."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.vision.training.debian_packages import rcc_files
from assistant.vision.training.person_pictures import (
    Picture,
    Renderer,
    _gcompris,
    _stamps,
    _wallpapers,
    wild_exclusions,
)

RCC_TOOL = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "pyside6-rcc"


@pytest.mark.timeout(60)
@pytest.mark.skipif(not RCC_TOOL.is_file() and not shutil.which("pyside6-rcc"), reason="no pyside6-rcc")
def test_qt_resource_bundles_are_read_without_qt(tmp_path: Path) -> None:
    """A bundle made by Qt's own rcc as GComPris' are (zlib): a compressible text and a picture, nested."""
    (tmp_path / "res" / "deep").mkdir(parents=True)
    text = ("a line that compresses well\n" * 200).encode()
    (tmp_path / "res" / "notes.txt").write_bytes(text)
    Image.new("RGB", (8, 6), (200, 30, 40)).save(tmp_path / "res" / "deep" / "red.webp", lossless=True)
    picture = (tmp_path / "res" / "deep" / "red.webp").read_bytes()
    (tmp_path / "pack.qrc").write_text(
        '<RCC><qresource prefix="/top"><file>res/notes.txt</file><file>res/deep/red.webp</file>'
        "</qresource></RCC>"
    )
    tool = str(RCC_TOOL) if RCC_TOOL.is_file() else "pyside6-rcc"
    subprocess.run(
        [tool, "--binary", "--compress-algo", "zlib", "pack.qrc", "-o", "pack.rcc"],
        cwd=tmp_path,
        check=True,
        timeout=30,
    )
    files = rcc_files((tmp_path / "pack.rcc").read_bytes())
    assert files["/top/res/notes.txt"] == text
    assert files["/top/res/deep/red.webp"] == picture
    with pytest.raises(ValueError):
        rcc_files(b"not a bundle at all")


def _png(path: Path, alpha: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGBA" if alpha else "RGB", (40, 30), (0, 0, 0, 0) if alpha else (90, 120, 200))
    if alpha:
        image.paste((180, 60, 20, 255), (10, 8, 30, 22))
    image.save(path)


def test_the_wild_sets_pictures_and_their_kin_are_left_out(tmp_path: Path) -> None:
    """The wild set's own stamp and wallpaper are left out, and so is every size of that wallpaper;
    stamps of people are positives, drawings and letters are not used."""
    stamps = tmp_path / "stamps"
    base = "usr/share/tuxpaint/stamps/"
    for name in ("animals/cat.png", "animals/dog.png", "people/fireman240a.png", "people/toys/apple.png",
                 "animals/cartoon/cow.png", "symbols/alphabets/a.png", "symbols/money/coin.png"):  # fmt: skip
        _png(stamps / base / name)
    walls = tmp_path / "walls"
    for name in ("Storm.jpg", "Storm_3840x2160.jpg", "Dune.jpg", "Dune_3840x2160.jpg"):
        (walls / "usr/share/backgrounds/mate/nature").mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (40, 30), (20, 90, 160)).save(walls / "usr/share/backgrounds/mate/nature" / name)
    sources = tmp_path / "sources.json"
    sources.write_text(json.dumps({
        "cat": {"package": "tuxpaint-stamps-default", "path": base + "animals/cat.png"},
        "storm": {"package": "mate-backgrounds", "path": "usr/share/backgrounds/mate/nature/Storm.jpg"},
    }))  # fmt: skip
    used, kin = wild_exclusions(sources)
    listed = {p.key.split(base)[-1]: p.person for p in _stamps(stamps, used)}
    assert listed == {
        "animals/dog.png": False,
        "people/fireman240a.png": True,
        "symbols/money/coin.png": False,
    }
    wallpapers = [p.key for p in _wallpapers(walls, "mate-backgrounds", used, kin)]
    assert wallpapers == ["mate-backgrounds:usr/share/backgrounds/mate/nature/Dune.jpg"]


def test_a_stamp_is_shown_on_a_backdrop_the_same_way_every_time(tmp_path: Path) -> None:
    _png(tmp_path / "x" / "tuxpaint-stamps-default" / "usr/share/tuxpaint/stamps/animals/fox.png")
    picture = Picture("tuxpaint-stamps-default:usr/share/tuxpaint/stamps/animals/fox.png", False, cutout=True)
    first, second = Renderer(tmp_path)(picture), Renderer(tmp_path)(picture)
    assert first.mode == "RGB" and first.width > 40 and first.height > 30  # the frame around the cut-out
    assert np.array_equal(np.asarray(first), np.asarray(second))
    corner = np.asarray(first)[2, 2].astype(int)
    assert corner.min() > 180  # a light studio tone, not the stamp's transparent black


def test_gcompris_pictures_of_the_wild_sets_landmarks_are_left_out(tmp_path: Path, monkeypatch) -> None:
    """Another photo of a landmark the wild set shows (the Colosseum) is not trained on; pieces of a
    photo and paintings are not used; a musician is a positive."""
    import assistant.vision.training.person_pictures as pictures

    bundles = {
        b"details": {
            "/a/image/Louvre_background.webp": b"", "/a/image/Louvre_0.webp": b"",
            "/a/image/Gogh4_background.webp": b"", "/a/image/TourEiffel_background.webp": b"",
        },
        b"categorization": {"/b/monuments/colosseum.webp": b"", "/b/monuments/parthenon.webp": b"",
                            "/b/notes.qml": b""},
        b"explore_world_music": {"/c/music/australia.webp": b"", "/c/music/america.webp": b""},
    }  # fmt: skip
    monkeypatch.setattr(pictures, "GC_BUNDLES", tuple(name.decode() for name in bundles))
    monkeypatch.setattr(pictures, "rcc_files", lambda blob: bundles[blob])
    (tmp_path / pictures.GC_RCC).mkdir(parents=True)
    for name in bundles:
        (tmp_path / pictures.GC_RCC / f"{name.decode()}.rcc").write_bytes(name)
    listed = {p.key.rsplit(":", 1)[-1]: p.person for p in _gcompris(tmp_path, set())}
    assert listed == {
        "/a/image/Louvre_background.webp": False,
        "/b/monuments/parthenon.webp": False,
        "/c/music/australia.webp": True,
    }
