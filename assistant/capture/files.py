"""Image files on disk: which files in a folder are pictures, and opening one no bigger than needed.

Shared by folder mode (:mod:`assistant.folder_mode`, describing a folder) and folder search
(:mod:`assistant.vision.matching.folder_search`, ranking a folder by a query), so both list exactly
the same files; it lives in ``capture/`` (getting pictures in) so that ``vision/`` never imports the
pipeline above it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PIL import Image

from assistant.capture.image_loading import load_image
from assistant.errors import AssistantError, ImageLoadError
from assistant.regular_files import open_regular

#: File endings tried as images. Formats this Pillow cannot decode (HEIC, AVIF, ...) are listed too,
#: so that the user hears why they were skipped instead of never hearing about them.
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".ppm", ".pgm"}
    | {".heic", ".heif", ".avif", ".jxl"}
)


def _is_candidate(path: Path) -> bool:
    # Hidden files include macOS "._photo.jpg" resource forks: never images, always errors.
    return path.suffix.lower() in IMAGE_SUFFIXES and not path.name.startswith(".")


def find_images(paths: Iterable[Path], recursive: bool = False) -> list[Path]:
    """Files named directly are kept as they are; folders give their image files, sorted by path.

    A folder that cannot be listed raises :class:`ImageLoadError` (before any work is done).
    """
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        try:
            if recursive:
                files = [
                    Path(root) / name
                    for root, dirs, names in os.walk(path)
                    for name in names
                    if not any(part.startswith(".") for part in Path(root).relative_to(path).parts)
                ]
            else:  # not is_file(): a FIFO or a loop of links named like a picture is reported, not hidden
                files = [entry for entry in path.iterdir() if not entry.is_dir()]
        except PermissionError:
            raise ImageLoadError(f"I am not allowed to read the folder {path.name}.") from None
        except OSError:
            raise ImageLoadError(f"I cannot read the folder {path.name}.") from None
        found.extend(sorted(p for p in files if _is_candidate(p)))
    return found


def open_image(path: Path, side: int) -> Image.Image:
    """Load ``path`` safely, no bigger than needed for a model that sees ``side`` pixels.

    A JPEG is decoded at a reduced scale (DCT draft): a 12-megapixel phone photo then decodes
    several times faster. Any other large image is shrunk right after decoding, so a batch of
    16 scans holds megabytes, not gigabytes. Any problem falls back to the plain loader, whose
    message names the file."""
    image: Image.Image | None = None
    try:
        handle, _size = open_regular(path)  # a FIFO is never waited on; the loader below says what it is
        with handle, Image.open(handle) as lazy:
            if lazy.format == "JPEG" and min(lazy.size) >= 4 * side:
                lazy.draft("RGB", (2 * side, 2 * side))
                image = load_image(lazy).copy()
    except (OSError, ValueError, SyntaxError, AssistantError, Image.DecompressionBombError):
        image = None
    if image is None:
        image = load_image(path)
    if max(image.size) > 8 * side:
        image.thumbnail((4 * side, 4 * side), Image.Resampling.BOX)
    return image
