"""load_image on real files rendered here: every awkward mode to RGB, every bad input to one sentence."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import warnings
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from assistant.capture.image_loading import DEFAULT_MAX_PIXELS, ImageLimits, load_image, load_image_bytes
from assistant.errors import AssistantError, ImageLoadError

REPO = Path(__file__).resolve().parents[2]
NO_DAC_OVERRIDE = ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")


def _close(actual: tuple[int, ...], expected: tuple[int, ...], tol: int = 12) -> bool:
    return all(abs(a - e) <= tol for a, e in zip(actual, expected, strict=True))


def _scene(size: tuple[int, int] = (160, 120)) -> Image.Image:
    """A small picture with shapes and text, so codecs have real content to compress."""
    image = Image.new("RGB", size, (240, 240, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 70, 60), fill=(200, 30, 30))
    draw.ellipse((80, 20, 150, 90), fill=(30, 60, 200))
    draw.text((12, 90), "Hello 123", fill=(0, 0, 0))
    for x in range(size[0]):
        draw.line((x, 110, x, size[1]), fill=(x % 256, 128, 255 - x % 256))
    return image


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels: a decompression bomb's first step."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    chunks = _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def _message(excinfo: pytest.ExceptionInfo[ImageLoadError]) -> str:
    message = str(excinfo.value)
    assert isinstance(excinfo.value, AssistantError)
    assert "\n" not in message and "Traceback" not in message
    assert message.endswith(".") and len(message) < 140
    assert message.count(". ") == 0, f"more than one sentence: {message!r}"
    return message


# --- good images, every mode ends as upright RGB --------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "BMP", "WEBP", "TIFF", "GIF"])
def test_common_formats_load_as_rgb(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"scene.{fmt.lower()}"
    _scene().save(path, fmt)
    image = load_image(path)
    assert image.mode == "RGB" and image.size == (160, 120)
    # the red rectangle survives every codec (GIF quantises, JPEG/WEBP blur a little)
    assert _close(image.getpixel((40, 35)), (200, 30, 30), tol=30)


def test_str_path_bytes_and_pil_inputs_agree(tmp_path: Path) -> None:
    path = tmp_path / "scene.png"
    _scene().save(path)
    from_path = load_image(str(path))
    from_bytes = load_image_bytes(path.read_bytes())
    from_bytes_generic = load_image(path.read_bytes())
    with Image.open(path) as lazy:  # lazily opened, not yet decoded
        from_pil = load_image(lazy)
    for other in (from_bytes, from_bytes_generic, from_pil):
        assert np.array_equal(np.asarray(from_path), np.asarray(other))


def test_capture_file_wraps_a_loaded_file(tmp_path: Path) -> None:
    from assistant.capture import capture_file

    path = tmp_path / "scene.webp"
    _scene().save(path)
    captured = capture_file(path)
    assert captured.source == "file" and captured.rect is None and captured.window is None
    assert captured.image.mode == "RGB" and captured.image.size == (160, 120)


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    stored = Image.new("RGB", (200, 100), (220, 20, 20))
    stored.paste((20, 20, 220), (100, 0, 200, 100))  # left red, right blue as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    path = tmp_path / "phone.jpg"
    stored.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    image = load_image(path)
    assert image.size == (100, 200)  # portrait once upright
    assert _close(image.getpixel((50, 30)), (220, 20, 20), tol=20)  # left of the stored image is now on top
    assert _close(image.getpixel((50, 170)), (20, 20, 220), tol=20)


def test_palette_with_transparency_composites_on_white(tmp_path: Path) -> None:
    image = Image.new("P", (40, 40), 0)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * (256 * 3 - 6))
    ImageDraw.Draw(image).rectangle((0, 0, 19, 39), fill=1)  # left half red, right half index 0
    path = tmp_path / "icon.png"
    image.save(path, transparency=0)
    loaded = load_image(path)
    assert loaded.mode == "RGB"
    assert loaded.getpixel((5, 5)) == (255, 0, 0)
    assert loaded.getpixel((30, 5)) == (255, 255, 255)  # transparent -> white, not black


def test_rgba_and_la_composite_on_white(tmp_path: Path) -> None:
    rgba = Image.new("RGBA", (20, 20), (0, 0, 255, 0))
    rgba.paste((0, 0, 255, 255), (0, 0, 10, 20))
    rgba.save(tmp_path / "rgba.png")
    loaded = load_image(tmp_path / "rgba.png")
    assert loaded.getpixel((2, 2)) == (0, 0, 255) and loaded.getpixel((15, 2)) == (255, 255, 255)

    la = Image.new("LA", (20, 20), (0, 0))
    la.paste((0, 255), (0, 0, 10, 20))
    la.save(tmp_path / "la.png")
    assert la.mode == "LA"
    loaded = load_image(tmp_path / "la.png")
    assert loaded.mode == "RGB"
    assert loaded.getpixel((2, 2)) == (0, 0, 0) and loaded.getpixel((15, 2)) == (255, 255, 255)


def test_sixteen_bit_grayscale_is_rescaled_not_clipped(tmp_path: Path) -> None:
    ramp = np.tile(np.linspace(0, 65535, 256).astype(np.uint16), (8, 1))
    path = tmp_path / "scan16.png"
    Image.fromarray(ramp).save(path)
    with Image.open(path) as raw:
        assert raw.mode.startswith("I")  # really a deep image on disk
    image = load_image(path)
    assert image.mode == "RGB"
    assert image.getpixel((0, 0)) == (0, 0, 0)
    assert _close(image.getpixel((128, 4)), (128, 128, 128), tol=2)  # clipping would give 255
    assert image.getpixel((255, 4)) == (255, 255, 255)


def test_float_tiff_in_unit_range(tmp_path: Path) -> None:
    values = np.full((10, 10), 0.5, dtype=np.float32)
    path = tmp_path / "float.tif"
    Image.fromarray(values).save(path)
    image = load_image(path)
    assert image.mode == "RGB" and _close(image.getpixel((3, 3)), (128, 128, 128), tol=1)


def test_cmyk_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "print.jpg"
    Image.new("CMYK", (32, 32), (0, 255, 255, 0)).save(path, "JPEG", quality=95)  # pure red in CMYK
    with Image.open(path) as raw:
        assert raw.mode == "CMYK"
    image = load_image(path)
    assert image.mode == "RGB" and _close(image.getpixel((16, 16)), (255, 0, 0), tol=10)


def test_animated_gif_gives_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (30, 20), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    with Image.open(path) as raw:
        assert raw.n_frames == 3
    image = load_image(path)
    assert image.size == (30, 20) and image.getpixel((5, 5)) == (255, 0, 0)


def test_grayscale_and_bilevel(tmp_path: Path) -> None:
    Image.new("L", (8, 8), 77).save(tmp_path / "gray.png")
    Image.new("1", (8, 8), 1).save(tmp_path / "bw.png")
    assert load_image(tmp_path / "gray.png").getpixel((1, 1)) == (77, 77, 77)
    assert load_image(tmp_path / "bw.png").getpixel((1, 1)) == (255, 255, 255)


def test_broken_exif_keeps_the_picture(tmp_path: Path) -> None:
    path = tmp_path / "odd.jpg"
    exif = Image.Exif()
    exif[0x0112] = 77  # not a valid orientation
    _scene().save(path, "JPEG", exif=exif.tobytes())
    assert load_image(path).size == (160, 120)


# --- bad input: one short sentence each ------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ImageLoadError) as excinfo:
        load_image(tmp_path / "nowhere.png")
    assert _message(excinfo) == "I cannot find the file nowhere.png."


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    with pytest.raises(ImageLoadError) as excinfo:
        load_image(folder)
    assert _message(excinfo) == "photos is a folder, not an image file."


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    with pytest.raises(ImageLoadError) as excinfo:
        load_image(path)
    assert _message(excinfo) == "The file empty.png is empty."
    with pytest.raises(ImageLoadError, match="is empty"):
        load_image_bytes(b"")


def test_text_file_named_png(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("Shopping list: milk, eggs, bread.\n" * 20)
    with pytest.raises(ImageLoadError) as excinfo:
        load_image(path)
    assert _message(excinfo) == "The file notes.png is not an image."


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
@pytest.mark.parametrize("keep", [0.5, 0.05])
def test_truncated_image(tmp_path: Path, fmt: str, keep: float) -> None:
    noise = Image.fromarray(np.random.default_rng(1).integers(0, 255, (200, 200, 3), dtype=np.uint8))
    buffer = io.BytesIO()
    noise.save(buffer, fmt)
    data = buffer.getvalue()
    path = tmp_path / f"cut.{fmt.lower()}"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ImageLoadError) as excinfo:
        load_image(path)
    assert _message(excinfo) == f"The file cut.{fmt.lower()} is damaged or incomplete."


def test_corrupt_png_checksum(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    _scene().save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    idat = data.index(b"IDAT")
    data[idat + 40 : idat + 60] = b"\x00" * 20  # scribble over compressed pixels
    path = tmp_path / "scribbled.png"
    path.write_bytes(bytes(data))
    with pytest.raises(ImageLoadError) as excinfo:
        load_image(path)
    assert "damaged or incomplete" in _message(excinfo)


def test_header_claiming_ten_billion_pixels_is_refused_cheaply(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header_claiming(100_000, 100_000))
    assert path.stat().st_size < 200
    with pytest.raises(ImageLoadError) as excinfo:
        load_image(path)
    assert _message(excinfo) == "The file bomb.png is too large to load: 10,000 megapixels."


def test_header_just_over_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    path.write_bytes(_png_header_claiming(10_000, 10_000))  # 100 MP: above our limit, below 2x Pillow's
    assert DEFAULT_MAX_PIXELS < 10_000 * 10_000
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing may leak out as a warning either
        with pytest.raises(ImageLoadError) as excinfo:
            load_image(path)
    assert "is too large to load" in _message(excinfo)


def test_custom_pixel_limit_says_the_size(tmp_path: Path) -> None:
    path = tmp_path / "scene.png"
    _scene().save(path)
    with pytest.raises(ImageLoadError) as excinfo:
        load_image(path, ImageLimits(max_pixels=1000))
    assert _message(excinfo) == "The file scene.png is too large to load: 160 by 120 pixels."
    with pytest.raises(ImageLoadError, match="160 by 120 pixels"):
        load_image(_scene(), ImageLimits(max_pixels=1000))


def test_byte_limit(tmp_path: Path) -> None:
    path = tmp_path / "scene.png"
    _scene().save(path)
    with pytest.raises(ImageLoadError, match="is too large to load"):
        load_image(path, ImageLimits(max_bytes=100))


def test_pillow_globals_untouched(tmp_path: Path) -> None:
    before = Image.MAX_IMAGE_PIXELS
    filters_before = list(warnings.filters)
    (tmp_path / "bomb.png").write_bytes(_png_header_claiming(10_000, 10_000))
    with pytest.raises(ImageLoadError):
        load_image(tmp_path / "bomb.png")
    assert before == Image.MAX_IMAGE_PIXELS
    assert warnings.filters == filters_before


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "is in HEIC format, which I cannot read."),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is in PDF format, which I cannot read."),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "is an SVG drawing"),
    ],
)
def test_unsupported_formats_are_named(tmp_path: Path, head: bytes, expected: str) -> None:
    path = tmp_path / "thing.bin"
    path.write_bytes(head + b"\x00" * 200)
    with pytest.raises(ImageLoadError) as excinfo:
        load_image(path)
    assert expected in _message(excinfo)


def test_unreadable_file(tmp_path: Path) -> None:
    """chmod 000 stops everyone but root; as root, a child process runs without the capabilities
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) that let root ignore file modes, via util-linux ``setpriv``."""
    path = tmp_path / "secret.png"
    _scene().save(path)
    path.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(ImageLoadError) as excinfo:
            load_image(path)
        assert _message(excinfo) == "I am not allowed to read the file secret.png."
        return
    assert shutil.which("setpriv"), "setpriv (util-linux) is part of every Debian system"
    code = (
        "import sys\n"
        "from assistant.capture.image_loading import load_image\n"
        "from assistant.errors import ImageLoadError\n"
        "try:\n    load_image(sys.argv[1])\n"
        "except ImageLoadError as exc:\n    print(exc)\n"
    )
    result = subprocess.run(
        [*NO_DAC_OVERRIDE, sys.executable, "-c", code, str(path)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "I am not allowed to read the file secret.png."


def test_wrong_argument_type_is_a_bug_not_a_user_error() -> None:
    with pytest.raises(TypeError):
        load_image(42)  # type: ignore[arg-type]
