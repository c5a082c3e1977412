"""What a capture hands to the rest of the assistant: the picture plus where it came from.

Kept apart from the backends so the describe pipeline, the Qt app and the platform modules can all
import these without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from PIL import Image

from assistant.capture.geometry import Rect

if TYPE_CHECKING:
    from assistant.capture.window_stack import WindowStack

#: Where a captured image came from; the describe pipeline words its sentence by it.
SourceKind = Literal["screen", "window", "pointer", "rect", "clipboard", "file"]


@dataclass(frozen=True)
class WindowInfo:
    """A top-level window: its title, its application (when known) and its outer rectangle."""

    title: str
    app_name: str | None
    rect: Rect


@dataclass
class CapturedImage:
    """An RGB picture and its provenance; ``rect`` is the captured area, ``window`` the active window,
    ``windows`` what the desktop said about its windows at the grab (live captures only; ``None``
    when the platform cannot say). The assistant's own windows are already painted out of ``image``."""

    image: Image.Image
    source: SourceKind
    rect: Rect | None = None
    window: WindowInfo | None = None
    windows: WindowStack | None = None
