"""`assistant doctor` prints one line per subsystem and never crashes."""

from __future__ import annotations

import pytest

from assistant import doctor
from tests.support.xvfb import XvfbServer


@pytest.mark.timeout(60)
def test_doctor_reports_every_subsystem_without_a_display(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert doctor.doctor_main(None) == 0
    out = capsys.readouterr().out
    labels = [line.split(":", 1)[0] for line in out.splitlines()]
    for label in (
        "display/capture",
        "hotkeys",
        "audio output",
        "speech backends",
        "screen reader",
        "speech route",
        "speech without one",
        "model",
        "caption choice",
        "device",
        "ocr",
    ):
        assert label in labels, out
    assert "no DISPLAY" in out
    route = next(line for line in out.splitlines() if line.startswith("speech route:"))
    assert "direct" in route and "stop hotkey" in route, route
    assert "image-text fit on; consensus of similar photos on (6091 photos, 20 neighbours)" in out


@pytest.mark.x11
@pytest.mark.timeout(60)
def test_doctor_sees_capture_work_on_xvfb(
    xvfb_display: str, capsys: pytest.CaptureFixture[str], xvfb: XvfbServer
) -> None:
    assert doctor.doctor_main(None) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("display/capture"))
    assert "mss capture works" in line and "1280x800" in line


def test_a_failing_probe_is_reported_not_raised(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(doctor, "probe_model", broken)
    assert doctor.doctor_main(None) == 0
    out = capsys.readouterr().out
    model_line = next(line for line in out.splitlines() if line.startswith("model:"))
    assert "probe failed: RuntimeError: boom" in model_line
    assert "device:" in out  # the lines after the broken probe are still there
