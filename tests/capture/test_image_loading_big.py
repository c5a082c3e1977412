"""Big pictures are scaled to the working budget right after decoding (issue #18, item 5).

An 88 MP photo used to be held, classified and OCR'd at full size (3 GB). Here pictures are made at run
time (never committed) and loaded in a child process whose peak memory is read back.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.capture.image_loading import DEFAULT_WORKING_PIXELS, ImageLimits, load_image, load_image_bytes

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(120)


def big_picture(width: int, height: int) -> Image.Image:
    """A smooth colour field of any size, cheap to make (it is never written to the repository)."""
    rng = np.random.default_rng(7)
    return Image.fromarray(rng.integers(0, 255, (24, 32, 3), dtype=np.uint8)).resize(
        (width, height), Image.Resampling.BILINEAR
    )


def test_a_big_png_is_scaled_to_the_budget_keeping_its_shape_and_orientation(tmp_path: Path) -> None:
    picture = big_picture(5000, 4000)  # 20 MP
    picture.paste((255, 0, 0), (0, 0, 500, 400))  # a red corner to follow through the scaling
    path = tmp_path / "big.png"
    picture.save(path, compress_level=1)
    loaded = load_image(path)
    assert loaded.width * loaded.height <= DEFAULT_WORKING_PIXELS
    assert abs(loaded.width / loaded.height - 1.25) < 0.01
    assert loaded.getpixel((5, 5)) == (255, 0, 0)
    assert load_image(path, ImageLimits(working_pixels=None)).size == (5000, 4000)
    assert load_image(picture).size == (5000, 4000)  # a decoded image (a screen grab) keeps its size


def test_a_big_jpeg_with_exif_orientation_is_decoded_small_and_upright() -> None:
    picture = big_picture(6000, 3000)  # 18 MP, stored sideways
    picture.paste((0, 0, 255), (0, 0, 600, 3000))  # blue left edge: after rotation 6, the top
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    loaded = load_image_bytes(buffer.getvalue())
    assert loaded.width * loaded.height <= DEFAULT_WORKING_PIXELS
    assert loaded.height > loaded.width  # upright: the 6000-wide picture now stands
    r, _g, b = np.asarray(loaded)[3, loaded.width // 2]
    assert b > 200 and r < 60


@pytest.mark.timeout(180)
def test_peak_memory_of_loading_a_48_megapixel_jpeg_stays_small(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    big_picture(8000, 6000).save(path, quality=85)
    code = (
        "import json, resource, sys\n"
        "from assistant.capture.image_loading import load_image\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "image = load_image(sys.argv[1])\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'size': image.size, 'grew_mb': (after - before) / 1024}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=150, cwd=REPO
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    width, height = report["size"]
    assert width * height <= DEFAULT_WORKING_PIXELS and width / height == pytest.approx(4 / 3, abs=0.01)
    # Full size would be 144 MB of RGB alone; decoded at half scale it is 36 MB, then 12 MP: 36 MB.
    assert report["grew_mb"] < 120, report
