"""Files that are not files (issue #18, items 3 and 8): a FIFO, a device, a folder, a loop of links.

Each gets a short sentence at once, never a hang: a FIFO named ``x.png`` blocked ``describe`` forever,
``/dev/zero`` was called "empty", and a PNG whose compressed text unpacks past Pillow's limit was called
"damaged".
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from assistant.capture.files import find_images, open_image
from assistant.capture.image_loading import load_image, load_image_bytes
from assistant.errors import ImageLoadError
from assistant.paths import default_model_dir

REPO = Path(__file__).resolve().parents[2]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
pytestmark = pytest.mark.timeout(60)


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def loop(folder: Path, name: str = "loop.png") -> Path:
    (folder / name).symlink_to(folder / f"{name}.other")
    (folder / f"{name}.other").symlink_to(folder / name)
    return folder / name


@needs_fifo
@pytest.mark.timeout(10)
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(ImageLoadError, match=r"^x\.png is a pipe \(FIFO\), not an image file\.$"):
        load_image(fifo(tmp_path / "x.png"))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.timeout(10)
def test_dev_zero_is_a_device_not_empty() -> None:
    with pytest.raises(ImageLoadError, match=r"^zero is a device, not an image file\.$"):
        load_image("/dev/zero")


@pytest.mark.timeout(10)
def test_a_loop_of_links_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ImageLoadError, match="loop of symbolic links"):
        load_image(loop(tmp_path))
    (tmp_path / "album.png").mkdir()
    with pytest.raises(ImageLoadError, match=r"^album\.png is a folder, not an image file\.$"):
        load_image(tmp_path / "album.png")


def test_an_oversized_text_chunk_is_not_called_damaged(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "A" * (5 * 1024 * 1024), zip=True)  # 5 KB on disk, 5 MB unpacked
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, "PNG", pnginfo=info)
    path = tmp_path / "text-bomb.png"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImageLoadError) as caught:
        load_image(path)
    assert "damaged" not in str(caught.value)
    assert "hidden text too large" in str(caught.value)


@needs_fifo
@pytest.mark.timeout(20)
def test_folder_discovery_reports_fifos_and_loops_instead_of_hiding_or_hanging(tmp_path: Path) -> None:
    Image.new("RGB", (64, 48), (10, 200, 10)).save(tmp_path / "good.png")
    fifo(tmp_path / "pipe.jpg")
    loop(tmp_path)
    sub = tmp_path / "sub"
    sub.mkdir()
    fifo(sub / "deep.png")
    for recursive in (False, True):
        found = {p.name for p in find_images([tmp_path], recursive=recursive)}
        assert {"good.png", "pipe.jpg", "loop.png"} <= found
        assert ("deep.png" in found) is recursive
    assert open_image(tmp_path / "good.png", 224).size == (64, 48)
    for name, words in (("pipe.jpg", "pipe (FIFO)"), ("loop.png", "loop of symbolic links")):
        with pytest.raises(ImageLoadError, match=words.replace("(", r"\(").replace(")", r"\)")):
            open_image(tmp_path / name, 224)


@needs_fifo
@pytest.mark.timeout(60)
def test_describe_cli_on_a_fifo_answers_and_exits_non_zero(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "describe", str(fifo(tmp_path / "x.png")), "--no-speak"],
        capture_output=True,
        text=True,
        timeout=50,
        cwd=REPO,
    )
    assert out.returncode != 0
    assert "pipe (FIFO)" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.slow
@needs_fifo
@pytest.mark.timeout(240)
@pytest.mark.skipif(not (default_model_dir() / "model.safetensors").is_file(), reason="no shipped model")
def test_describe_folder_recursive_skips_a_fifo_and_a_loop_with_a_word(tmp_path: Path) -> None:
    folder = tmp_path / "album"
    (folder / "sub").mkdir(parents=True)
    Image.new("RGB", (96, 64), (30, 120, 200)).save(folder / "sub" / "sky.png")
    fifo(folder / "sub" / "pipe.png")
    loop(folder)
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "describe", str(folder), "-r", "--json", "--no-speak"],
        capture_output=True,
        text=True,
        timeout=200,
        cwd=REPO,
    )
    assert "Traceback" not in out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    by_name = {Path(r["image"]).name: r for r in records}
    assert set(by_name) == {"sky.png", "pipe.png", "loop.png"}, out.stdout + out.stderr
    assert "pipe (FIFO)" in by_name["pipe.png"]["error"]
    assert "loop of symbolic links" in by_name["loop.png"]["error"]
    assert not by_name["sky.png"].get("error")


def test_a_tiff_whose_second_frame_lacks_its_size_is_damaged_not_a_crash() -> None:
    """Found by scripts/fuzz_inputs.py (seed 18): Pillow raised TypeError("Missing dimensions")."""
    import struct

    frames = [Image.new("RGB", (16, 12), colour) for colour in ((200, 0, 0), (0, 200, 0))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "TIFF", save_all=True, append_images=frames[1:])
    data = bytearray(buffer.getvalue())
    first = struct.unpack_from("<I", data, 4)[0]
    second = struct.unpack_from("<I", data, first + 2 + 12 * struct.unpack_from("<H", data, first)[0])[0]
    for entry in range(struct.unpack_from("<H", data, second)[0]):
        at = second + 2 + 12 * entry
        if struct.unpack_from("<H", data, at)[0] == 256:  # ImageWidth of the second frame: gone
            struct.pack_into("<H", data, at, 65000)
    with pytest.raises(ImageLoadError, match="damaged or incomplete"):
        load_image_bytes(bytes(data))
