"""Safe image loading: any file a user drops or names becomes an upright RGB image, or one sentence.

Users hand the assistant whatever they have: phone photos lying on their side (EXIF orientation),
transparent PNG icons, 16-bit scans, CMYK print files, animated GIFs, half-downloaded JPEGs, a text
file that happens to end in ``.png``, or a deliberately crafted "decompression bomb" whose header
claims 10 billion pixels. Everything here turns into either a plain ``RGB`` :class:`PIL.Image.Image`
the model and OCR can use, or an :class:`~assistant.errors.ImageLoadError` whose message is one short
sentence that can be spoken — never a traceback.

Pillow opens files lazily (``Image.open`` reads only the header), so the pixel-count check happens
on the header's size *before* any pixel is decoded, and ``load()`` runs inside the error handling.
Pillow's own process-wide ``Image.MAX_IMAGE_PIXELS`` is never changed; its bomb warning is turned
into an error only inside this module's ``warnings.catch_warnings`` block.
"""

from __future__ import annotations

import io
import math
import os
import re
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from assistant.capture.models import CapturedImage
from assistant.errors import ImageLoadError
from assistant.regular_files import NotRegularFileError, open_regular

#: Same ceiling as Pillow's default ``Image.MAX_IMAGE_PIXELS`` (about 89.5 megapixels, 9459 x 9459):
#: an 8K screen is 33 MP and a 50 MP camera photo fits, while an RGB copy stays under ~270 MB.
DEFAULT_MAX_PIXELS = 89_478_485

#: Files bigger than this are refused before reading; no sane screenshot or photo is this large.
DEFAULT_MAX_BYTES = 512 * 1024 * 1024

#: Decoded pictures larger than this (12 MP: a 4000 x 3000 phone photo keeps its size) are scaled down
#: to it right after decoding. Every stage needs less: the captioner sees 260 pixels a side,
#: classification samples a 960-pixel grid, and OCR reads 10-point print on a 12 MP photo of a page. An
#: 88 MP photo held at full size cost 3 GB and 16-24 s through classification and OCR (at 16 MP it still
#: peaked at 880-910 MB, too close to 1 GB); a JPEG is even decoded at 1/2, 1/4 or 1/8 scale by the codec
#: itself (``draft``), so its full-size pixels never exist in memory.
DEFAULT_WORKING_PIXELS = 12_000_000

# Modes Pillow resizes directly: a big picture in one of these shrinks before any colour conversion.
_RESIZABLE_MODES = frozenset({"RGB", "RGBA", "RGBX", "L", "LA", "CMYK", "YCbCr", "I", "F"})

_WHITE = (255, 255, 255)
_HEAD_BYTES = 256

# Formats people meet in the wild that this Pillow cannot decode: recognised by their signature so the
# user hears "is in HEIC format" rather than the misleading "is not an image".
_FOREIGN_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (4, b"ftypheic", "HEIC"),
    (4, b"ftypheix", "HEIC"),
    (4, b"ftyphevc", "HEIC"),
    (4, b"ftypmif1", "HEIF"),
    (4, b"ftypmsf1", "HEIF"),
    (4, b"ftypavif", "AVIF"),
    (0, b"\xff\x0a", "JPEG XL"),
    (0, b"\x00\x00\x00\x0cJXL \r\n\x87\n", "JPEG XL"),
    (0, b"%PDF", "PDF"),
    (0, b"8BPS", "Photoshop"),
)

# Signatures of formats Pillow does decode: a file that starts like one of these but will not open
# is damaged, not "not an image".
_IMAGE_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"RIFF",
    b"\x00\x00\x01\x00",
)

# What Pillow raises for damaged data, depending on the plugin and where the damage is. TypeError: a
# TIFF whose later frame lacks its size ("Missing dimensions", found by scripts/fuzz_inputs.py).
_DAMAGE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
    struct.error,
    zlib.error,
)


@dataclass(frozen=True)
class ImageLimits:
    """How large an image may be before it is refused (against decompression bombs and huge files).

    ``max_pixels`` is checked on the header's width x height before decoding. Pillow itself refuses
    anything above twice its own ``Image.MAX_IMAGE_PIXELS`` at open, so limits above that are capped.
    """

    max_pixels: int = DEFAULT_MAX_PIXELS
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Files and bytes decoded here are scaled down to at most this many pixels (None: never); a PIL
    #: image handed in (a screen grab) is left at its size.
    working_pixels: int | None = DEFAULT_WORKING_PIXELS


def load_image(
    source: str | os.PathLike[str] | bytes | bytearray | memoryview | Image.Image,
    limits: ImageLimits | None = None,
) -> Image.Image:
    """Return ``source`` as an upright ``RGB`` image, or raise :class:`ImageLoadError` with one sentence.

    ``source`` may be a path, the encoded bytes of an image file, or a PIL image (already decoded or
    lazily opened). EXIF orientation is applied, only the first frame of an animation or multi-page
    file is kept, and every mode (palette, alpha composited on white, 16-bit, float, CMYK, ...) ends as
    RGB. A PIL image that is already upright RGB may be returned as the same object.
    """
    limits = limits or ImageLimits()
    if isinstance(source, Image.Image):
        return _finish(source, limits, "The image")
    if isinstance(source, bytes | bytearray | memoryview):
        return load_image_bytes(bytes(source), limits)
    if isinstance(source, str | os.PathLike):
        return _load_path(Path(os.fspath(source)), limits)
    raise TypeError(f"load_image() needs a path, bytes or a PIL image, not {type(source).__name__}")


def capture_file(
    source: str | os.PathLike[str] | bytes | Image.Image, limits: ImageLimits | None = None
) -> CapturedImage:
    """:func:`load_image` wrapped as a capture, so files travel the same path as screen grabs."""
    return CapturedImage(load_image(source, limits), "file")


def load_image_bytes(
    data: bytes, limits: ImageLimits | None = None, subject: str = "The image data"
) -> Image.Image:
    """Decode an image held in memory (clipboard, drag-and-drop payload, network-free upload).

    ``subject`` starts the error sentence, e.g. ``"The clipboard image"`` gives
    "The clipboard image is damaged or incomplete."
    """
    limits = limits or ImageLimits()
    if not data:
        raise ImageLoadError(f"{subject} is empty.")
    if len(data) > limits.max_bytes:
        raise ImageLoadError(f"{subject} is too large to load: {_megabytes(len(data))}.")
    return _decode(io.BytesIO(data), data[:_HEAD_BYTES], limits, subject)


def _load_path(path: Path, limits: ImageLimits) -> Image.Image:
    """Open only a regular file (a FIFO would block forever, ``/dev/zero`` never ends), and refuse
    an oversized one by the size of the opened file, before reading a byte."""
    name = path.name or str(path)
    subject = f"The file {name}"
    try:
        handle, size = open_regular(path)
    except NotRegularFileError as error:
        raise ImageLoadError(f"{name} is {error.what}, not an image file.") from None
    except FileNotFoundError:
        raise ImageLoadError(f"I cannot find the file {name}.") from None
    except PermissionError:
        raise ImageLoadError(f"I am not allowed to read the file {name}.") from None
    except OSError:
        raise ImageLoadError(f"I cannot open the file {name}.") from None
    with handle:
        if size == 0:
            raise ImageLoadError(f"{subject} is empty.")
        if size > limits.max_bytes:
            raise ImageLoadError(f"{subject} is too large to load: {_megabytes(size)}.")
        try:
            head = handle.read(_HEAD_BYTES)
            handle.seek(0)
        except PermissionError:
            raise ImageLoadError(f"I am not allowed to read the file {name}.") from None
        except OSError:
            raise ImageLoadError(f"I cannot read the file {name}.") from None
        return _decode(handle, head, limits, subject)


def _decode(stream: BinaryIO, head: bytes, limits: ImageLimits, subject: str) -> Image.Image:
    """Open, size-check, decode and normalise; every Pillow failure becomes one sentence."""
    with warnings.catch_warnings():
        # Make Pillow's bomb warning an error here only (above PIL's own threshold we already checked).
        if limits.max_pixels <= (Image.MAX_IMAGE_PIXELS or limits.max_pixels):
            warnings.simplefilter("error", Image.DecompressionBombWarning)
        else:
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(stream)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageLoadError(_bomb_message(str(exc), subject)) from None
        except UnidentifiedImageError:
            raise ImageLoadError(_unidentified_message(head, subject)) from None
        except _DAMAGE_ERRORS as exc:
            raise ImageLoadError(_damage_message(exc, subject)) from None
        with image:
            result = _finish(image, limits, subject, shrink=True)
            # Closing a file-backed image invalidates it; hand back an independent one.
            return result.copy() if result is image else result


def _finish(image: Image.Image, limits: ImageLimits, subject: str, shrink: bool = False) -> Image.Image:
    """Check the size, decode the first frame (no larger than needed when ``shrink``) and convert it
    to upright RGB."""
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageLoadError(f"{subject} has no pixels.")
    if width * height > limits.max_pixels:
        raise ImageLoadError(f"{subject} is too large to load: {width} by {height} pixels.")
    budget = limits.working_pixels if shrink else None
    fmt = image.format
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # size checked just above
        try:
            if budget and width * height > budget and fmt == "JPEG":
                image.draft(image.mode, _fit(image.size, budget))  # decoded at 1/2, 1/4 or 1/8 scale
            if getattr(image, "n_frames", 1) > 1:
                image.seek(0)
            image.load()
        except MemoryError:
            raise ImageLoadError(f"{subject} is too large to load into memory.") from None
        except _DAMAGE_ERRORS as exc:
            text = str(exc)
            if "decoder" in text and "not available" in text:
                kind = fmt or "an unknown"
                raise ImageLoadError(f"{subject} is in {kind} format, which I cannot read.") from None
            raise ImageLoadError(_damage_message(exc, subject)) from None
    try:
        if budget and image.mode in _RESIZABLE_MODES:
            image = _shrink(image, budget)  # before conversions, so they copy the small picture
        rgb = to_rgb(_exif_upright(image))
        return _shrink(rgb, budget) if budget else rgb
    except MemoryError:
        raise ImageLoadError(f"{subject} is too large to load into memory.") from None
    except (ValueError, OSError):
        raise ImageLoadError(f"{subject} uses a colour format ({image.mode}) that I cannot read.") from None


def _fit(size: tuple[int, int], budget: int) -> tuple[int, int]:
    """``size`` scaled by one factor to at most ``budget`` pixels (at least 1 x 1)."""
    width, height = size
    scale = math.sqrt(budget / (width * height))
    return max(1, math.floor(width * scale)), max(1, math.floor(height * scale))


def _shrink(image: Image.Image, budget: int) -> Image.Image:
    """``image`` scaled down to at most ``budget`` pixels, or itself when it fits. ``reducing_gap``
    first shrinks by an integer factor (a fast box filter), then resamples the rest with Lanczos."""
    if image.width * image.height <= budget:
        return image
    return image.resize(_fit(image.size, budget), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _exif_upright(image: Image.Image) -> Image.Image:
    """Apply EXIF orientation; a broken EXIF block leaves the picture as stored rather than failing."""
    try:
        upright = ImageOps.exif_transpose(image)
    except Exception:  # malformed EXIF must not lose an otherwise good picture
        return image
    return upright if upright is not None else image


def to_rgb(image: Image.Image) -> Image.Image:
    """Convert any Pillow mode to 8-bit RGB: alpha is composited on white, deep images are rescaled.

    Pillow's own ``convert`` clips 16-bit and 32-bit values at 255 (a 16-bit scan turns white) and maps
    floats in 0..1 to black, so those modes are rescaled here with numpy.
    """
    mode = image.mode
    if mode == "RGB":
        return image
    if mode in ("I", "I;16", "I;16L", "I;16B", "I;16N", "F"):
        return Image.fromarray(_scale_to_uint8(np.asarray(image))).convert("RGB")
    if mode == "P":
        rgba_palette = image.palette is not None and image.palette.mode == "RGBA"
        has_alpha = "transparency" in image.info or rgba_palette
        return _on_white(image.convert("RGBA")) if has_alpha else image.convert("RGB")
    if mode in ("RGBA", "LA", "PA", "RGBa"):
        return _on_white(image.convert("RGBA"))
    if mode in ("L", "1") and "transparency" in image.info:
        return _on_white(image.convert("RGBA"))
    return image.convert("RGB")


def _on_white(rgba: Image.Image) -> Image.Image:
    background = Image.new("RGB", rgba.size, _WHITE)
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _scale_to_uint8(values: np.ndarray) -> np.ndarray:
    """Map 16-bit, 32-bit or float samples to 0..255 by their evident range, not by clipping."""
    data = values.astype(np.float64)
    finite = data[np.isfinite(data)]
    if finite.size == 0:
        return np.zeros(values.shape, dtype=np.uint8)
    low, high = float(finite.min()), float(finite.max())
    if values.dtype.kind == "f" and low >= 0.0 and high <= 1.0:
        scaled = data * 255.0  # float image in 0..1
    elif low >= 0 and high <= 255:
        scaled = data  # 8-bit data stored in a deep mode
    elif low >= 0 and high <= 65535:
        scaled = data / 257.0  # 16-bit data
    else:
        scaled = (data - low) * (255.0 / (high - low))
    return np.nan_to_num(np.clip(np.rint(scaled), 0, 255)).astype(np.uint8)


def _bomb_message(text: str, subject: str) -> str:
    match = re.search(r"\((\d+) pixels\)", text)
    if match is None:
        return f"{subject} is too large to load."
    megapixels = int(match.group(1)) / 1_000_000
    return f"{subject} is too large to load: {megapixels:,.0f} megapixels."


def _unidentified_message(head: bytes, subject: str) -> str:
    for offset, signature, name in _FOREIGN_SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return f"{subject} is in {name} format, which I cannot read."
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<svg", b"<?xml")) and b"<svg" in head.lower():
        return f"{subject} is an SVG drawing, which I cannot read."
    if any(head.startswith(signature) for signature in _IMAGE_SIGNATURES):
        return f"{subject} is damaged or incomplete."
    return f"{subject} is not an image."


def _damage_message(error: BaseException, subject: str) -> str:
    """Pillow's ValueError for a PNG text chunk that unpacks past its limit is not damage: the file
    may be fine, it just carries more hidden text than is safe to unpack (a possible text bomb)."""
    text = str(error)
    if "MAX_TEXT_CHUNK" in text or "MAX_TEXT_MEMORY" in text or "text chunks" in text:
        return f"{subject} holds a block of hidden text too large to unpack safely, so I did not open it."
    return f"{subject} is damaged or incomplete."


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
