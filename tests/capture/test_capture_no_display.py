"""No display at all, a Wayland session, or a display nobody serves: one clear sentence each."""

from __future__ import annotations

import pytest

from assistant.capture.screen import WAYLAND_MESSAGE, create_screen_source
from assistant.errors import CaptureError


@pytest.fixture
def no_session(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_no_display(no_session: pytest.MonkeyPatch) -> None:
    with pytest.raises(CaptureError) as excinfo:
        create_screen_source()
    message = str(excinfo.value)
    assert message.startswith("No display to capture:") and "DISPLAY is not set" in message
    assert excinfo.value.exit_code == 4


@pytest.mark.parametrize(
    ("name", "value"), [("WAYLAND_DISPLAY", "wayland-0"), ("XDG_SESSION_TYPE", "wayland")]
)
def test_wayland_session(no_session: pytest.MonkeyPatch, name: str, value: str) -> None:
    no_session.setenv(name, value)
    no_session.setenv("DISPLAY", ":0")  # XWayland would show only black: refuse rather than describe black
    with pytest.raises(CaptureError) as excinfo:
        create_screen_source()
    assert str(excinfo.value) == WAYLAND_MESSAGE
    assert "screenshot portal" in WAYLAND_MESSAGE and "assistant describe FILE" in WAYLAND_MESSAGE


@pytest.mark.timeout(30)
def test_display_nobody_serves(no_session: pytest.MonkeyPatch) -> None:
    no_session.setenv("DISPLAY", ":7391")  # no X server listens there
    with pytest.raises(CaptureError) as excinfo:
        create_screen_source()
    assert str(excinfo.value) == "No display to capture: I cannot connect to the display :7391."
