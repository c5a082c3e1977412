"""Capture: where pictures come from — files, the screen, a window, the pointer's surroundings, the clipboard.

Qt-free; the app and the CLI both use these. Every user-caused failure is an
:class:`~assistant.errors.ImageLoadError` or :class:`~assistant.errors.CaptureError` with one sentence.
"""

from assistant.capture.image_loading import (
    DEFAULT_MAX_PIXELS,
    ImageLimits,
    capture_file,
    load_image,
    load_image_bytes,
)
from assistant.capture.models import CapturedImage, Rect, SourceKind, WindowInfo
from assistant.capture.screen import FakeScreenSource, ScreenSource, create_screen_source

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "CapturedImage",
    "FakeScreenSource",
    "ImageLimits",
    "Rect",
    "ScreenSource",
    "SourceKind",
    "WindowInfo",
    "capture_file",
    "create_screen_source",
    "load_image",
    "load_image_bytes",
]
