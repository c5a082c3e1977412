"""The clipboard image, headless: Pillow on Windows and macOS, ``xclip`` / ``wl-paste`` on Linux.

The Qt app may read ``QClipboard`` instead; this path serves the CLI and tests, and works without a
Qt event loop. The Linux tools are run as subprocesses with a timeout, because a clipboard owner
that hangs would otherwise hang us. When the clipboard holds a copied *file* (``text/uri-list``, as
file managers copy) that is an image, the file is loaded.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlparse

from PIL import Image

from assistant.capture.image_loading import ImageLimits, load_image, load_image_bytes
from assistant.capture.models import CapturedImage
from assistant.errors import CaptureError

log = logging.getLogger(__name__)

NO_IMAGE = "There is no image on the clipboard."
SUBJECT = "The clipboard image"

# Preferred first: lossless and universally offered by browsers, image viewers and screenshot tools.
_PREFERRED_TYPES = (
    "image/png",
    "image/bmp",
    "image/x-bmp",
    "image/jpeg",
    "image/tiff",
    "image/gif",
    "image/webp",
)


def grab_clipboard_image(timeout: float = 3.0, limits: ImageLimits | None = None) -> CapturedImage:
    """The image on the clipboard as RGB, or :class:`CaptureError` ("There is no image on the clipboard.").

    A damaged image raises :class:`~assistant.errors.ImageLoadError`
    ("The clipboard image is damaged or incomplete.").
    """
    if sys.platform in ("win32", "darwin"):
        image = _grab_with_pillow(limits)
    else:
        image = _grab_linux(timeout, limits)
    return CapturedImage(image, "clipboard")


def _grab_with_pillow(limits: ImageLimits | None) -> Image.Image:
    from PIL import ImageGrab

    try:
        content = ImageGrab.grabclipboard()
    except OSError as exc:
        log.warning("grabclipboard failed: %s", exc)
        raise CaptureError("I could not read the clipboard.") from None
    if isinstance(content, Image.Image):
        return load_image(content, limits)
    if isinstance(content, list):  # copied files
        return _first_image_file(content, limits)
    raise CaptureError(NO_IMAGE)


def _grab_linux(timeout: float, limits: ImageLimits | None) -> Image.Image:
    wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    if wayland and shutil.which("wl-paste"):
        list_cmd: Sequence[str] = ("wl-paste", "--list-types")
        read_cmd: Sequence[str] = ("wl-paste", "--no-newline", "--type")
    elif os.environ.get("DISPLAY"):
        if not shutil.which("xclip"):
            raise CaptureError("Reading the clipboard needs the xclip program, which is not installed.")
        list_cmd = ("xclip", "-selection", "clipboard", "-target", "TARGETS", "-out")
        read_cmd = ("xclip", "-selection", "clipboard", "-out", "-target")
    elif wayland:
        raise CaptureError(
            "Reading the clipboard on Wayland needs the wl-paste program, which is not installed."
        )
    else:
        raise CaptureError("There is no clipboard to read: there is no graphical session.")

    targets = _run(list_cmd, timeout)
    offered = [line.strip() for line in targets.decode("utf-8", "replace").splitlines() if line.strip()]
    image_type = next((t for t in _PREFERRED_TYPES if t in offered), None)
    image_type = image_type or next((t for t in offered if t.startswith("image/")), None)
    if image_type is not None:
        data = _run((*read_cmd, image_type), timeout)
        if not data:
            raise CaptureError(NO_IMAGE)
        return load_image_bytes(data, limits, SUBJECT)
    if "text/uri-list" in offered:
        uris = _run((*read_cmd, "text/uri-list"), timeout).decode("utf-8", "replace").split()
        return _first_image_file(_local_paths(uris), limits)
    raise CaptureError(NO_IMAGE)


def _run(command: Sequence[str], timeout: float) -> bytes:
    try:
        result = subprocess.run(list(command), capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise CaptureError("The clipboard did not answer in time.") from None
    except OSError as exc:
        log.warning("%s failed: %s", command[0], exc)
        raise CaptureError("I could not read the clipboard.") from None
    if result.returncode != 0:
        # Both tools fail this way when the clipboard is empty or lacks the requested type.
        log.debug("%s exited %d: %s", command[0], result.returncode, result.stderr[-300:])
        raise CaptureError(NO_IMAGE)
    return result.stdout


def _local_paths(uris: list[str]) -> list[str]:
    paths = []
    for uri in uris:
        if uri.startswith("#"):
            continue
        parsed = urlparse(uri)
        if parsed.scheme == "file" and parsed.netloc in ("", "localhost"):
            paths.append(unquote(parsed.path))
    return paths


def _first_image_file(paths: list[str], limits: ImageLimits | None) -> Image.Image:
    for path in paths:
        if Path(path).is_file():
            return load_image(path, limits)
    raise CaptureError(NO_IMAGE)
