"""The app's seams, typed: what it needs from speech, the screen and the describe pipeline.

They are structural (``Protocol``), so the real objects (:class:`assistant.speech.Speaker`,
:class:`assistant.capture.screen.ScreenSource`, :class:`assistant.describe.Describer` and its
:class:`~assistant.describe.Description`) fit, and so do the small real doubles the tests hand in,
without the app importing the heavy pipeline at start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from assistant.capture.screen import ScreenSource
    from assistant.describe import ImageInput
    from assistant.understand.found import FoundItem

__all__ = ["DescriberLike", "Description", "ScreenFactory", "Speaker"]


class Speaker(Protocol):
    """A voice: :meth:`say` never blocks, :meth:`stop` silences at once (assistant.speech.Speaker)."""

    name: str

    def say(self, text: str, interrupt: bool = True) -> object: ...

    def stop(self) -> None: ...

    def wait(self, timeout: float | None = None) -> bool: ...

    def close(self) -> None: ...


class Description(Protocol):
    """What a describe call gives back (assistant.describe.Description): ``text`` is what is spoken."""

    text: str
    kind: str
    caption: str | None
    source: str
    timings: dict[str, float]
    more: list[str]  # text the verbosity left out, which *continue* reads
    items: list[FoundItem]  # what was read, item by item, for explore mode


class DescriberLike(Protocol):
    """The describe pipeline as the worker drives it (assistant.describe.Describer)."""

    def load(self) -> object: ...

    def describe(
        self, image: ImageInput, *, on_sentence: Callable[[str], None] | None = None
    ) -> Description: ...


ScreenFactory = Callable[[], "ScreenSource"]
