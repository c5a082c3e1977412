"""A description in parts a listener can step through (assistant.speech.chunks, issue #15).

The chunker is tried on what the real Describer says about real program screenshots (datasets/screens,
half A, read as a live *describe screen* with the desktop's window stack), and the part lengths on a
real voice (espeak-ng), not on made-up sentences only.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import wave
from pathlib import Path
from typing import Any

import pytest

from assistant.speech.chunks import Chunk, ChunkConfig, ChunkCursor, chunk_text, seconds_to_say, spoken_length
from tests.support.screens import SCREEN_SET, SCREEN_TRUTH

REPO = Path(__file__).resolve().parents[2]

URLS = (
    "Links: "
    + ", ".join(f"https://www.example.org/library/item-{i}?lang=en&view=full" for i in range(8))
    + "."
)


def _words(text: str) -> list[str]:
    return text.split()


def _live_text(screen_id: str) -> tuple[str, list[str]]:
    """What a live *describe screen* says about a half-A screen, with the real Describer and tesseract:
    the text, and the pieces it was streamed in."""
    from assistant.capture.image_loading import load_image
    from assistant.capture.models import CapturedImage
    from assistant.capture.window_stack import hide_own_windows
    from assistant.describe import Describer, DescriberOptions

    truth: dict[str, Any] = json.loads((SCREEN_TRUTH / f"{screen_id}.json").read_text(encoding="utf-8"))
    assert truth["split"] == "A"  # tests look at the tuning half only
    sys.path.insert(0, str(REPO / "benchmarks"))
    from screen_reading import window_stack

    image = load_image(SCREEN_SET / truth["image"]).copy()
    stack = window_stack(truth)
    hide_own_windows(image, (0, 0), stack)
    grab = CapturedImage(image, "screen", (0, 0, image.width, image.height), windows=stack)
    describer = Describer(DescriberOptions(ocr="tesseract", photo_ocr="none", verbosity="detailed"))
    pieces: list[str] = []
    return describer.describe(grab, on_sentence=pieces.append).text, pieces


@pytest.fixture(scope="module")
def live() -> dict[str, tuple[str, list[str]]]:
    from assistant.ocr.tesseract import tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    return {
        sid: _live_text(sid) for sid in ("multi-terminal-save", "table-chromium-trains", "multi-four-windows")
    }


@pytest.mark.timeout(180)
def test_real_screens_are_cut_into_windows_rows_and_short_parts(
    live: dict[str, tuple[str, list[str]]],
) -> None:
    for text, pieces in live.values():
        for chunks in (chunk_text(text), chunk_text(pieces)):
            assert _words(" ".join(c.text for c in chunks)) == _words(text)  # nothing lost, nothing added
            assert all(
                spoken_length(c.text) <= ChunkConfig().max_units for c in chunks if len(c.text.split()) > 1
            )

    two = chunk_text(live["multi-terminal-save"][0])
    windows = [c for c in two if c.kind == "window"]
    assert [c.text.split(" window.")[0] for c in windows] == ["Save Changes", "reports - xterm"]
    assert [c.block for c in windows] == [0, 1]
    assert all(c.block == 1 for c in two[two.index(windows[1]) :])  # the terminal's lines are its block
    assert len(two) >= 6  # a 60 s listing is no longer one dump
    jump = ChunkCursor(two).next_block(0.0)
    assert jump is not None and jump.text.startswith("reports - xterm window.")

    table = chunk_text(live["table-chromium-trains"][0])
    heading = next(c for c in table if c.kind == "table")
    assert heading.text.startswith("Table, ") and "Columns: Time, Destination" in heading.text
    rows = [c.text for c in table if c.kind == "row"]
    assert any(r.startswith("08:02, Edinburgh Waverley") for r in rows)
    assert all(r.count(",") >= 2 for r in rows)  # each part a whole row, never a column


@pytest.mark.timeout(180)
def test_the_streamed_pieces_keep_each_window_apart(live: dict[str, tuple[str, list[str]]]) -> None:
    """On this screen one piece ends with a comma ("Connect the charger soon,"): in the joined text
    the next window's name runs into it, in the pieces it starts its own block."""
    text, pieces = live["multi-four-windows"]
    names = ["Battery", "Book a Table", "Harbour News", "man ls"]
    windows = [c for c in chunk_text(pieces) if c.kind == "window"]
    assert [c.text.split(" window.")[0] for c in windows] == names
    assert [c.block for c in windows] == [0, 1, 2, 3]
    joined = [c.text for c in chunk_text(text) if c.kind == "window"]
    assert len(joined) <= len(windows)


def test_a_run_of_urls_is_cut_between_words_and_short_sentences_are_joined() -> None:
    chunks = chunk_text(f"Browser window. {URLS} Book. Cancel.")
    assert chunks[0].kind == "window"
    url_parts = [c for c in chunks if "https" in c.text]
    assert len(url_parts) >= 4
    assert all(c.text.count("https") <= 2 for c in url_parts)
    assert chunks[-1].text.endswith("Book. Cancel.")  # two one-word buttons are one part
    assert _words(" ".join(c.text for c in chunks)) == _words(f"Browser window. {URLS} Book. Cancel.")


def test_digits_and_symbols_count_as_the_words_they_are_aloud() -> None:
    assert spoken_length("2483911") > spoken_length("Lorem ipsum") * 2
    assert seconds_to_say("https://example.org/a/b", 175) > seconds_to_say("example org a b", 175)
    assert seconds_to_say("hello there", 350) == pytest.approx(seconds_to_say("hello there", 175) / 2)


@pytest.mark.timeout(120)
@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_every_part_of_a_long_url_list_is_short_on_a_real_voice(tmp_path: Path) -> None:
    """The issue's complaint: one 'sentence' of URLs lasting 18 s. Spoken by espeak-ng at 175 words a
    minute, the whole run is well over that, each part well under, and the estimate is near."""

    def duration(text: str) -> float:
        wav = tmp_path / "part.wav"
        subprocess.run(["espeak-ng", "-s", "175", "-w", str(wav), "--", text], check=True, timeout=60)
        with wave.open(str(wav)) as w:
            return w.getnframes() / w.getframerate()

    assert duration(URLS) > 30
    for chunk in chunk_text(URLS):
        took = duration(chunk.text)
        assert took < 11, chunk.text
        assert abs(took - seconds_to_say(chunk.text, 175)) < 0.35 * took + 1.0


def _cursor() -> ChunkCursor:
    cursor = ChunkCursor(
        [
            Chunk("First window. Hello there.", 0, "window"),
            Chunk("A second part.", 0, "text"),
            Chunk("Other window.", 1, "window"),
            Chunk("The last part.", 1, "text"),
        ],
        rate=175,
    )
    return cursor


def test_the_cursor_steps_and_stays_at_either_end() -> None:
    cursor = _cursor()
    assert cursor.current(0.0) == cursor.chunks[0]
    assert cursor.previous(0.0) is None and cursor.index == 0
    assert [cursor.next(0.0) for _ in range(3)] == cursor.chunks[1:]
    assert cursor.next(0.0) is None and cursor.index == 3
    assert cursor.previous(0.0) == cursor.chunks[2]
    assert cursor.read_all(since=5.0) == cursor.chunks[2:]


def test_next_and_previous_window_jump_between_blocks() -> None:
    cursor = _cursor()  # blocks 0, 0, 1, 1
    assert cursor.next_block(0.0) == cursor.chunks[2]
    assert cursor.next_block(0.0) is None and cursor.index == 2
    assert cursor.next(0.0) == cursor.chunks[3]
    assert cursor.previous_block(0.0) == cursor.chunks[2]  # the start of this window first
    assert cursor.previous_block(0.0) == cursor.chunks[0]
    assert cursor.previous_block(0.0) is None and cursor.index == 0


def test_while_reading_through_the_cursor_follows_the_voice() -> None:
    cursor = _cursor()
    assert cursor.read_all(since=100.0) == cursor.chunks
    first = seconds_to_say(cursor.chunks[0].text, 175)
    assert cursor.follow(100.0 + first / 2) == 0
    assert cursor.follow(100.0 + first + 0.3) == 1
    # "next" mid-speech goes past what is being said; "stop" keeps the place for "continue"
    assert cursor.next(100.0 + first + 0.3) == cursor.chunks[2]
    assert cursor.reading_since is None
    cursor.read_all(since=200.0, start=0)
    cursor.pause(200.0 + 1000)  # far past the end: the last part
    assert cursor.index == 3 and cursor.read_all(since=300.0) == cursor.chunks[3:]


def test_empty_text_has_no_parts() -> None:
    cursor = ChunkCursor.of("   ")
    assert len(cursor) == 0 and cursor.next(0.0) is None and cursor.current(0.0) is None
    assert cursor.read_all(since=0.0) == []


def test_text_left_out_waits_for_continue_and_keeps_its_windows() -> None:
    said = "Notes window. Shopping list. More text follows."
    more = ["Milk, eggs and bread for the weekend.", "Mail window.", "Three new messages."]
    cursor = ChunkCursor.of(said, more=more)
    assert cursor.said is not None and cursor.said < len(cursor)
    assert " ".join(c.text for c in cursor.chunks[cursor.said :]).split() == " ".join(more).split()
    assert cursor.chunks[cursor.said].block == cursor.chunks[cursor.said - 1].block  # same window
    assert cursor.chunks[-1].block == cursor.chunks[0].block + 1  # "Mail window." opens the next block
    read = cursor.read_out(since=0.0)
    assert read == cursor.chunks[: cursor.said]  # only what was said is read out on its own
    assert cursor.follow(10_000.0) == cursor.said - 1  # the voice stops at "More text follows."
    assert cursor.resume_at(1.0) == cursor.follow(1.0)  # mid-speech: continue from where the voice is
    cursor.read_out(since=0.0)
    assert cursor.resume_at(10_000.0) == cursor.said  # finished: continue leads on, not back
    assert ChunkCursor.of(said).said is None  # nothing left out: one read-through as before
