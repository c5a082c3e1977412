"""Fixtures for the Qt app tests. Widgets run offscreen unless a test starts its own Xvfb."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app_testkit import PixelDescriber, RecordingSpeaker, solid_image


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "orca: runs the real Orca screen reader (tests/support/orca_probe.py)")


@pytest.fixture(autouse=True)
def _qt_objects_die_on_the_gui_thread() -> Iterator[None]:
    """Collect each test's garbage here, on the GUI thread. A Qt object caught in a reference cycle
    (a controller whose signals hold its bound methods) is otherwise freed by whichever thread next
    triggers the garbage collector: twice the next test's describe worker thread, and Qt crashed."""
    yield
    gc.collect()


@pytest.fixture
def pixel_describer() -> PixelDescriber:
    return PixelDescriber(work_ms=0)


@pytest.fixture
def make_controller(qapp, tmp_path: Path) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    """Build an AppController wired to real small objects; shut down after the test."""
    from assistant.app.controller import AppController
    from assistant.capture.models import WindowInfo
    from assistant.capture.screen import FakeScreenSource
    from assistant.config import Settings
    from assistant.hotkeys import FakeHotkeySource

    made: list[AppController] = []

    def build(
        describer: PixelDescriber | None = None,
        settings: Settings | None = None,
        screen_colour: str = "blue",
        start: bool = True,
    ) -> AppController:
        describer = describer or PixelDescriber()
        window = WindowInfo("Text editor", "editor", (100, 50, 300, 200))
        screen = FakeScreenSource(solid_image(screen_colour, (640, 400)), window)
        speaker = RecordingSpeaker()
        controller = AppController(
            settings or Settings(),
            tmp_path / f"settings{len(made)}",
            speaker=speaker,
            describer_factory=lambda: describer,
            screen_factory=lambda: screen,
            hotkey_source=FakeHotkeySource(),
        )
        controller.test_describer = describer  # type: ignore[attr-defined]
        controller.test_screen = screen  # type: ignore[attr-defined]
        controller.test_speaker = speaker  # type: ignore[attr-defined]
        made.append(controller)
        if start:
            assert controller.start()
        return controller

    yield build
    for controller in made:
        controller.shutdown()
