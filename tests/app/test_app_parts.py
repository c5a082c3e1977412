"""*Next*, *previous*, *repeat this part* and *continue* through a described screen (issue #15).

The app describes a real program screenshot (datasets/screens, half A) with the real Describer and
tesseract, then the commands run as the tray, the buttons and the hotkeys run them
(``handle_command``), and as ``assistant trigger next`` runs them: a second process, through the
app's real private socket.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.app.parts import PartsReader
from assistant.speech.chunks import PAUSE_S, chunk_text, seconds_to_say
from tests.support.screens import SCREEN_PNG

pytestmark = [pytest.mark.gui, pytest.mark.timeout(180)]
REPO = Path(__file__).resolve().parents[2]
TABLE_SCREEN = SCREEN_PNG / "table-chromium-trains.png"  # half A


@pytest.fixture(scope="module")
def real_describer():
    from assistant.describe import Describer, DescriberOptions
    from assistant.ocr.tesseract import tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    describer = Describer(DescriberOptions(ocr="tesseract", photo_ocr="none", verbosity="detailed"))
    describer.load()  # here, so that the app's worker does not still load it when the test ends
    return describer


def _said(controller) -> list[tuple[str, bool]]:
    return list(controller.test_speaker.said)


def _trigger(command: str, settings_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), ASSISTANT_CONFIG_DIR=str(settings_dir))
    return subprocess.run(
        [sys.executable, "-m", "assistant", "trigger", command],
        env=env,
        cwd=REPO,
        text=True,
        capture_output=True,
        timeout=60,
    )


def test_parts_of_a_described_screen_by_command_and_by_trigger(
    make_controller, qtbot, real_describer
) -> None:
    controller = make_controller(describer=real_describer)
    assert controller.handle_command("next", {}) == (False, "Nothing has been described yet.")

    with qtbot.waitSignal(controller.described, timeout=120_000) as sig:
        assert controller.describe_file(str(TABLE_SCREEN))[0]
    text = sig.args[1].text
    parts = [c.text for c in chunk_text(text)]
    assert len(parts) >= 8 and any(p.startswith("Table, ") for p in parts)
    streamed = " ".join(t for t, _ in _said(controller))
    assert streamed.split()[-len(text.split()) :] == text.split()  # read whole as it streamed, as before

    # Straight after the description starts, the cursor is on its first part.
    assert controller.handle_command("next", {}) == (True, f"Part 2 of {len(parts)}.")
    assert _said(controller)[-1] == (parts[1], True)  # cuts the voice, says the next part
    assert controller.handle_command("previous", {})[0]
    assert _said(controller)[-1] == (parts[0], True)
    assert controller.handle_command("previous", {})[0]  # nothing before the first part
    assert _said(controller)[-1] == ("Start.", True)
    assert controller.handle_command("repeat-part", {}) == (True, f"Part 1 of {len(parts)}.")
    assert _said(controller)[-1] == (parts[0], True)

    before = len(_said(controller))
    assert controller.handle_command("continue", {})[0]  # reads on from the current part
    assert _said(controller)[before:] == [(parts[0], True)] + [(p, False) for p in parts[1:]]
    controller.handle_command("stop", {})
    assert controller.parts.cursor is not None and controller.parts.cursor.reading_since is None

    # The same from another process: `assistant trigger next` over the real socket.
    controller.handle_command("repeat-part", {})
    at = controller.parts.cursor.index
    result = qtbot_run(qtbot, lambda: _trigger("next", controller.settings_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Part {at + 2} of {len(parts)}."
    assert _said(controller)[-1] == (parts[at + 1], True)


def qtbot_run(qtbot, call):
    """Run a blocking client call in a thread while this process's event loop serves the socket."""
    import threading

    box: dict[str, object] = {}
    thread = threading.Thread(target=lambda: box.setdefault("result", call()), daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=60_000)
    return box["result"]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_streamed_description_is_followed_from_where_the_voice_is() -> None:
    """The window's name is said at once, then OCR takes 3 s of silence, then the rest is said: the
    cursor places the reading after the silence, so "next" after the first part is heard lands on
    the second part, not the third."""
    clock, said = Clock(), []
    reader = PartsReader(lambda text, interrupt: said.append((text, interrupt)), lambda: 175.0, clock)
    first = "Departures window."
    rest = (
        "Departures from London King's Cross. Table, 2 rows. Columns: Time, Place. 08:02, Leeds. 08:15, York."
    )
    reader.heard(first, True)
    clock.now += 3.0  # OCR runs; the voice said the name and fell silent
    reader.heard(rest, False)
    reader.described(f"{first} {rest}", streamed=True)
    parts = reader.cursor.chunks if reader.cursor else []
    assert [p.kind for p in parts] == ["window", "table", "row", "row"]
    clock.now += seconds_to_say(parts[0].text, 175) + PAUSE_S + 0.5  # into the second part
    assert reader.command("next") == (True, "Part 3 of 4.")
    assert said[-1] == (parts[2].text, True)
    assert reader.command("next")[0] and reader.command("next") == (
        True,
        "No next part: this is part 4 of 4.",
    )
    assert said[-1] == ("End.", True)


@pytest.mark.x11
@pytest.mark.timeout(90)
def test_the_default_chords_step_through_the_parts(make_controller, qtbot, xvfb_display) -> None:
    """Real key presses on a real X server (xdotool), caught by the pynput backend, move through the parts
    and between windows."""
    from assistant.catalog import DEFAULT_HOTKEYS
    from assistant.hotkeys import create_hotkey_source

    controller = make_controller()
    text = (
        "Mail window. Three messages from the library about books that are due back this week. "
        "The first one says that the loan of The Shipping News ends on the fourteenth of June. "
        "Calendar window. The second one asks whether you would like to renew the loan of Wolf Hall online."
    )
    controller.parts.described(text, streamed=False)
    parts = [c.text for c in controller.parts.cursor.chunks]
    assert len(parts) == 3 and parts[2].startswith("Calendar window.")
    source = create_hotkey_source("auto")
    source.start(DEFAULT_HOTKEYS, controller.hotkey_fired.emit)
    env = {"DISPLAY": xvfb_display, "PATH": "/usr/bin:/bin"}
    try:
        for chord, expected in (
            ("ctrl+alt+shift+n", [(parts[1], True)]),
            ("ctrl+alt+shift+b", [(parts[0], True)]),
            ("ctrl+alt+shift+j", [(parts[0], True)]),
            ("ctrl+alt+shift+o", [(parts[2], True)]),  # the next window
            ("ctrl+alt+shift+i", [(parts[0], True)]),  # the start of the one before
            ("ctrl+alt+shift+m", [(parts[0], True), (parts[1], False), (parts[2], False)]),
        ):
            before = len(_said(controller))
            subprocess.run(["xdotool", "key", chord], env=env, check=True, timeout=20)
            want = before + len(expected)
            qtbot.waitUntil(lambda want=want: len(_said(controller)) >= want, timeout=10_000)
            assert _said(controller)[before:] == expected, chord
    finally:
        listener = getattr(source, "_listener", None)
        source.stop()
        subprocess.run(["xdotool", "key", "shift"], env=env, check=True, timeout=20)  # lets it exit
        if listener is not None:
            listener.join(5)


def test_a_description_spoken_from_the_history_is_the_one_stepped_through(make_controller, qtbot) -> None:
    controller = make_controller()
    older = (
        "Mail window. Three messages from the library about books that are due back this week. "
        "The first one says that the loan of The Shipping News ends on the fourteenth of June."
    )
    controller.history.add("screen", older)
    with qtbot.waitSignal(controller.described, timeout=10_000):
        controller.handle_command("describe-screen", {})  # a newer, one-part description
    controller.show_history()
    window = controller.history_window
    window.list.setCurrentRow(
        next(i for i in range(window.list.count()) if "Mail" in window.list.item(i).text())
    )
    window.speak_button.click()
    assert _said(controller)[-1] == (older, True)
    assert controller.handle_command("next", {}) == (True, "Part 2 of 2.")
    assert _said(controller)[-1][0].startswith("The first one says")
    window.hide()


def test_continue_reads_on_past_more_text_follows(make_controller, qtbot) -> None:
    """At the normal verbosity a man page stops at "More text follows."; once the voice has said
    that, *continue* reads the text that was left out, to its end, and *next* steps into it too."""
    from assistant.describe import Describer, DescriberOptions
    from assistant.ocr.tesseract import tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    describer = Describer(DescriberOptions(ocr="tesseract", photo_ocr="none", verbosity="normal"))
    describer.load()
    controller = make_controller(describer=describer)
    with qtbot.waitSignal(controller.described, timeout=120_000) as sig:
        assert controller.describe_file(str(SCREEN_PNG / "man-ls.png"))[0]
    description = sig.args[1]
    assert description.text.endswith("More text follows.") and description.more
    cursor = controller.parts.cursor
    assert cursor is not None and cursor.said is not None and cursor.said < len(cursor)
    left_out = [c.text for c in cursor.chunks[cursor.said :]]
    assert " ".join(left_out).split() == " ".join(description.more).split()  # every word kept, in order

    later = time.perf_counter() + 3600.0  # the voice has long said everything it was handed
    controller.parts._clock = lambda: later
    before = len(_said(controller))
    assert controller.handle_command("continue", {}) == (
        True,
        f"Reading on from part {cursor.said + 1} of {len(cursor)}.",
    )
    assert _said(controller)[before:] == [(left_out[0], True)] + [(p, False) for p in left_out[1:]]

    controller.handle_command("stop", {})
    cursor.index = cursor.said - 1  # back on "More text follows."
    assert controller.handle_command("next", {}) == (True, f"Part {cursor.said + 1} of {len(cursor)}.")
    assert _said(controller)[-1] == (left_out[0], True)
