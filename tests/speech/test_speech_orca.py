"""With the real Orca 43 running, the assistant speaks beside it without muting it (issue #17).

Each test runs tests/speech/orca_route_app.py (or ``assistant doctor``) under the real Orca through the
orca-probe harness (tests/support/orca_probe.py: private Xvfb, buses, speech-dispatcher, Orca), and
reads from speech-dispatcher's own log what each client handed over and what became of it. The tests
that need neither real-time speech nor Orca settings of their own share one Orca run. Real-time speech
(``pulse``) where timing matters: the user's typing and Orca's stop key must cut a description that
would otherwise last ~12 s, and Orca's own speech must never be dropped or delayed behind ours.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.support.orca_probe import (
    KeyAction,
    ProbeOptions,
    ProbeResult,
    ProbeStep,
    SpeechdMessage,
    missing_requirements,
    orca_settings_env,
    run_probe,
    run_steps,
    steps_of_selected_tests,
)

APP = Path(__file__).with_name("orca_route_app.py")
LONG = (
    "{tag}: a photograph of a small harbour at dusk. Three fishing boats are tied to a wooden pier, "
    "a man in a yellow coat carries a net along the planks, and gulls circle above the masts."
)

pytestmark = [pytest.mark.orca, pytest.mark.x11, pytest.mark.atspi]


def _require(pulse: bool, keys: bool) -> None:
    missing = missing_requirements(pulse=pulse, keys=keys)
    if missing:
        pytest.fail("the real-Orca tests need " + ", ".join(missing) + " (.ci/apt-packages.txt lists them)")


def _run(tmp_path: Path, app_args: list[str], options: ProbeOptions, **kwargs: object) -> ProbeResult:
    result = run_probe([sys.executable, str(APP), *app_args], options, out_dir=tmp_path / "orca", **kwargs)  # type: ignore[arg-type]
    assert "@ROUTE" in result.app_log(), f"the app did not start:\n{result.app_log()[-2000:]}"
    return result


def _route(result: ProbeResult) -> list[str]:
    line = next(line for line in result.app_log().splitlines() if line.startswith("@ROUTE"))
    return line.split("\t")[2:]


def _ours(result: ProbeResult, tag: str) -> list[SpeechdMessage]:
    return [m for m in result.messages_of("assistant") if m.text.startswith(tag + ":")]


SECOND = ["--say", "9:" + LONG.format(tag="Description two"), "--quit-at", "14"]


def _marked(result: ProbeResult, kind: str) -> float:
    line = next(line for line in result.app_log().splitlines() if line.startswith(f"@{kind}\t"))
    return result.clock_to_t(line.split("\t")[1])


@pytest.mark.timeout(180)
def test_orcas_speech_and_typing_cut_the_description_and_nothing_of_orcas_is_dropped(tmp_path: Path) -> None:
    _require(pulse=True, keys=True)
    result = _run(
        tmp_path,
        ["--say", "2:" + LONG.format(tag="Description one"), "--focus-button-at", "4", *SECOND],
        ProbeOptions(wait=15, pulse=True),
        keys=[KeyAction(11.0, "type", "abc", delay_ms=200)],
    )
    assert _route(result)[0] == "speechd-shared", result.app_log()
    one, two = _ours(result, "Description one"), _ours(result, "Description two")
    assert len(one) == len(two) == 1, "each description must be handed over exactly once"
    focus, typed = _marked(result, "FOCUS"), result.keys[0].start
    # Orca's own messages on each cause: until the next thing happens (Orca, busy on a loaded machine,
    # once queued its focus announcement more than 3 s after the focus moved; how soon Orca speaks is
    # Orca's matter, that none of it is dropped or kept waiting behind us is the assistant's).
    until = {focus: two[0].queued, typed: typed + 3}
    for msg, cause, what in ((one[0], focus, "Orca's focus announcement"), (two[0], typed, "typing")):
        assert msg.begin is not None and msg.canceled and msg.end is not None, f"{what} did not cut {msg}"
        assert msg.end - cause <= 1.0, f"{what} cut the description only after {msg.end - cause:.2f} s"
        orca = [m for m in result.messages_of("Orca") if cause - 0.05 <= m.queued <= until[cause]]
        assert orca, f"Orca said nothing on {what}"
        # Orca cuts its own key echo with the next key's ("a" cancelled as "b" comes): that is Orca's
        # choice, not speech the assistant took from it; any other unspoken message of Orca's is.
        superseded = [
            m
            for m in orca
            if m.begin is None
            and m.end is not None
            and any(m.queued < o.queued <= m.end + 0.02 for o in orca)
        ]
        assert orca[-1].begin is not None, f"Orca's last word was dropped: {orca}"
        assert all(m.begin is not None or m in superseded for m in orca), f"Orca's speech was dropped: {orca}"
        assert max(m.begin - m.queued for m in orca if m.begin is not None) < 0.5, "Orca waited behind us"
    assert any("Second button" in m.text for m in result.messages_of("Orca"))


@pytest.mark.timeout(180)
def test_control_and_typing_stop_the_description_even_with_orcas_key_echo_off(tmp_path: Path) -> None:
    """Orca's stop key cancels only Orca's own speech; the assistant watches Control itself."""
    _require(pulse=True, keys=True)
    env = orca_settings_env(tmp_path / "shim", {"enableKeyEcho": False})
    result = _run(
        tmp_path,
        [
            "--say",
            "2:" + LONG.format(tag="First"),
            "--say",
            "8:" + LONG.format(tag="Second"),
            "--quit-at",
            "13",
        ],
        ProbeOptions(wait=14, pulse=True),
        env=env,
        keys=[KeyAction(5.0, "key", "Control_L"), KeyAction(11.0, "type", "ab", delay_ms=200)],
    )
    assert _route(result)[0] == "speechd-shared"
    control, typed = result.keys[0].start, result.keys[1].start
    first, second = _ours(result, "First"), _ours(result, "Second")
    assert len(first) == len(second) == 1
    for msg, key, what in ((first[0], control, "Control"), (second[0], typed, "typing")):
        assert msg.canceled and msg.end is not None, f"{what} did not stop {msg}"
        assert 0 <= msg.end - key <= 1.0, f"{what} stopped the description after {msg.end - key:.2f} s"
    said = [m.text for m in result.messages_of("Orca")]
    assert not any(text in ("a", "b", "left control") for text in said), "key echo was not off"


def _quiet_steps() -> dict[str, list[ProbeStep]]:
    """The tests without real-time speech and with Orca's default settings: their programs run one
    after the other under one Orca (the harness's start and end, ~10 s, once)."""
    return {
        "test_orca_not_found_by_name_is_still_heard": [
            ProbeStep(
                "hide-orca",
                [
                    sys.executable,
                    str(APP),
                    "--hide-orca",
                    "--say",
                    "2:Heard without a name.",
                    "--quit-at",
                    "5",
                ],
                wait=6,
            )
        ],
        "test_doctor_names_orca_43_and_its_route": [
            ProbeStep("doctor", [sys.executable, "-m", "assistant", "doctor"], wait=20)
        ],
    }


@pytest.fixture(scope="module")
def quiet_runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, ProbeResult]:
    _require(pulse=False, keys=False)
    base = tmp_path_factory.mktemp("orca-quiet")
    env = {"ASSISTANT_CONFIG_DIR": str(base / "config"), "ASSISTANT_DATA_DIR": str(base / "data")}
    if "ASSISTANT_CACHE_DIR" not in os.environ:
        env["ASSISTANT_CACHE_DIR"] = str(base / "cache")
    return run_steps(
        steps_of_selected_tests(request, _quiet_steps()), ProbeOptions(), env=env, out_dir=base / "orca"
    )


@pytest.mark.timeout(120)
def test_orca_not_found_by_name_is_still_heard(quiet_runs: dict[str, ProbeResult]) -> None:
    """Only AT-SPI's ScreenReaderEnabled tells a screen reader runs: speech-dispatcher, never silence."""
    result = quiet_runs["hide-orca"]
    assert "@ROUTE" in result.app_log(), f"the app did not start:\n{result.app_log()[-2000:]}"
    assert _route(result)[0] == "speechd-shared"
    assert "unknown" in result.app_log()
    heard = [m for m in result.messages_of("assistant") if m.text == "Heard without a name."]
    assert len(heard) == 1 and heard[0].spoken_to_end, result.messages_of("assistant")


@pytest.mark.timeout(120)
def test_doctor_names_orca_43_and_its_route(quiet_runs: dict[str, ProbeResult]) -> None:
    result = quiet_runs["doctor"]
    log = result.app_log()
    reader = next(line for line in log.splitlines() if line.startswith("screen reader:"))
    route = next(line for line in log.splitlines() if line.startswith("speech route:"))
    assert "orca 43.1" in reader and "AT-SPI ScreenReaderEnabled" in reader, reader
    assert "speechd-shared" in route and "Orca 43.1 takes no messages" in route, route
    assert "speech without one:" in log
