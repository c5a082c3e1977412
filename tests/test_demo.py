"""The README's first command (``./dev demo``) must say what its pictures really show (issue #16).

The pictures are drawn by scripts/render_sample.py and described by the real shipped describer, as
the demo runs it: the right words (the chart's kind and title, the window's text) and nothing false.
"""

from __future__ import annotations

import re
import sys
import wave
from pathlib import Path

import pytest

from assistant.describe import Describer, DescriberOptions
from assistant.paths import default_model_dir

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from render_sample import (  # noqa: E402  (scripts/ is no package)
    CHART_AXES,
    CHART_TITLE,
    NOTE_LINES,
    render_demo,
)

needs_shipped_model = pytest.mark.skipif(
    not (default_model_dir() / "model.safetensors").is_file(),
    reason="the shipped model is not in resources/models",
)

# Words that would be false about a bar chart or a notes window: the captioner's Flickr8k world
# (people, dogs, balls, outdoors), the old demo picture's contents, and the out-of-depth fallback.
FALSE_WORDS = {
    "person", "people", "man", "men", "woman", "women", "girl", "boy", "child", "children", "shirt",
    "dog", "dogs", "ball", "grass", "water", "snow", "photo", "picture",
}  # fmt: skip
CANT_TELL = "can't tell"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower()))


def _assert_nothing_false(text: str) -> None:
    assert not _words(text) & FALSE_WORDS, text
    assert CANT_TELL not in text.lower(), text


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return render_demo(tmp_path_factory.mktemp("demo"))


def test_the_demo_pictures_are_drawn_the_same_every_time(pictures: list[Path], tmp_path: Path) -> None:
    again = render_demo(tmp_path)
    assert [p.name for p in again] == [p.name for p in pictures] == ["chart.png", "note.png"]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(again, pictures, strict=True))


@pytest.mark.slow
@needs_shipped_model
@pytest.mark.timeout(300)
def test_the_shipped_describer_says_what_the_demo_pictures_show(pictures: list[Path]) -> None:
    describer = Describer(DescriberOptions())
    chart, note = (describer.describe(p).text for p in pictures)
    assert chart.startswith("A bar chart."), chart
    for words in (CHART_TITLE, *CHART_AXES):
        assert words in chart, chart
    assert "Shopping list" in note, note
    for line in NOTE_LINES:
        assert line in note, note
    _assert_nothing_false(chart)
    _assert_nothing_false(note)


@pytest.mark.slow
@needs_shipped_model
@pytest.mark.timeout(300)
def test_the_demo_prints_and_speaks_the_descriptions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import demo

    assert demo.run(tmp_path, aloud=False) == 0
    printed = capsys.readouterr().out
    said = [line.split(".png: ", 1)[1] for line in printed.splitlines() if ".png: " in line]
    assert len(said) == 2, printed
    assert said[0].startswith("A bar chart.") and CHART_TITLE in said[0], printed
    assert all(line in said[1] for line in NOTE_LINES), printed
    for text in said:
        _assert_nothing_false(text)
    with wave.open(str(tmp_path / "demo.wav")) as handle:
        seconds = handle.getnframes() / handle.getframerate()
    words = len(" ".join(said).split())
    # espeak-ng at 175 words per minute: about 0.34 s a word; allow wide margins either way.
    assert 0.12 * words < seconds < 1.2 * words + 2, (seconds, said)
    assert f"The speech is in {tmp_path / 'demo.wav'}" in printed
