"""Real, small objects for the app tests: a describer that computes its sentence from the pixels.

:class:`PixelDescriber` is not a canned-text fake: it reads the picture it is given (a PIL image,
a path, or a capture), measures it with numpy and says what it found — size, dominant colour and
brightness — after ``work_ms`` of genuine array work (a repeated box blur), so the worker's
supersede and cancel logic runs against real, slow computation. It also counts how many describe
calls overlap, so the "one in flight" bound is checked from the inside.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from assistant.understand.found import FoundItem

COLOURS = {
    "red": (220, 30, 30),
    "green": (30, 180, 60),
    "blue": (30, 60, 220),
    "yellow": (240, 220, 40),
    "black": (0, 0, 0),
    "white": (255, 255, 255),
    "grey": (128, 128, 128),
}


def nearest_colour(rgb: np.ndarray) -> str:
    best, best_d = "grey", float("inf")
    for name, ref in COLOURS.items():
        d = float(np.sum((rgb - np.array(ref, dtype=np.float64)) ** 2))
        if d < best_d:
            best, best_d = name, d
    return best


class PixelDescription:
    def __init__(self, text: str, kind: str, source: str, timings: dict[str, float]) -> None:
        self.text = text
        self.kind = kind
        self.caption: str | None = None
        self.source = source
        self.timings = timings
        self.more: list[str] = []
        self.items: list[FoundItem] = []


class PixelDescriber:
    """Describes a picture from its pixels; thread-safe counters for the tests."""

    def __init__(self, work_ms: float = 0.0) -> None:
        self.work_ms = work_ms
        self.loaded = False
        self.calls = 0
        self.active = 0
        self.max_active = 0
        self.described: list[str] = []
        self._lock = threading.Lock()

    def load(self) -> PixelDescriber:
        self.loaded = True
        return self

    def _to_pil(self, image: Any) -> Image.Image:
        if isinstance(image, str | Path):
            from assistant.capture.image_loading import load_image

            return load_image(image)
        inner = getattr(image, "image", None)
        if isinstance(inner, Image.Image):
            return inner.convert("RGB")
        if isinstance(image, Image.Image):
            return image.convert("RGB")
        raise TypeError(f"cannot describe {type(image).__name__}")

    def _work(self, array: np.ndarray) -> np.ndarray:
        """Box-blur a small copy until ``work_ms`` has passed: real work, no sleeping."""
        small = array[::4, ::4].astype(np.float32)
        deadline = time.perf_counter() + self.work_ms / 1000.0
        while time.perf_counter() < deadline:
            small = (small + np.roll(small, 1, 0) + np.roll(small, -1, 0) + np.roll(small, 1, 1)) / 4.0
        return small

    def describe(self, image: Any, *, on_sentence: Callable[[str], None] | None = None) -> PixelDescription:
        with self._lock:
            self.calls += 1
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            start = time.perf_counter()
            pil = self._to_pil(image)
            array = np.asarray(pil, dtype=np.uint8)
            self._work(array)
            mean = array.reshape(-1, 3).mean(axis=0)
            colour = nearest_colour(mean)
            brightness = "bright" if mean.mean() > 127 else "dark"
            first = f"A mostly {colour} picture, {pil.width} by {pil.height} pixels."
            second = f"It is {brightness} overall."
            if on_sentence is not None:
                on_sentence(first)
                on_sentence(second)
            text = f"{first} {second}"
            with self._lock:
                self.described.append(text)
            return PixelDescription(
                text,
                "photo",
                str(getattr(image, "source", "image")),
                {"total": (time.perf_counter() - start) * 1000.0},
            )
        finally:
            with self._lock:
                self.active -= 1


def solid_image(colour: str, size: tuple[int, int] = (320, 200)) -> Image.Image:
    image = Image.new("RGB", size, COLOURS[colour])
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 40, 30), outline=(128, 128, 128))
    return image


class RecordingSpeaker:
    """A real in-memory Speaker implementation (no audio device here): keeps what it was told."""

    name = "memory"

    def __init__(self) -> None:
        self.said: list[tuple[str, bool]] = []
        self.stops = 0
        self.closed = False
        self.is_speaking = False

    def say(self, text: str, interrupt: bool = True) -> int:
        self.said.append((text, interrupt))
        return len(self.said)

    def stop(self) -> None:
        self.stops += 1

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def close(self) -> None:
        self.closed = True
