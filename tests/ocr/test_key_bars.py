"""A function-key bar's names put right by its numbering (assistant.ocr.key_bars): on lines as the
engines give them, and on a real htop in Terminus (datasets/screens, half A) read by the app's own
text reader, whose "F4", "F5", "F7" and "F10" came back "Fd", "Fo", "F?" and "Fl@"."""

from __future__ import annotations

import random
import re

import pytest
from PIL import Image

from assistant.ocr import create_ocr_engine
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.key_bars import _F_KEY, _FIGURE_LIKE, key_bars
from assistant.ocr.line_reader import line_reader_available
from assistant.ocr.tesseract import tesseract_available
from tests.support.screens import SCREEN_PNG


def _line(text: str, x: int = 0, y: int = 0, pitch: int = 10) -> OcrLine:
    """``text``'s words boxed as a fixed-width font's cells, one space apart."""
    words = []
    for piece in text.split():
        words.append(OcrWord(piece, (x, y, x + pitch * len(piece), y + 16), 0.9))
        x += pitch * (len(piece) + 1)
    return OcrLine.of(words)


def _said(lines: list[OcrLine]) -> list[str]:
    return [line.text for line in lines]


def test_names_between_keys_read_right_take_the_numbers_left_between_them() -> None:
    bar = _line("F1 Help F2 Setup F3 SearchFdFilterFoTree F6 SortBy F? Nice - F8 Nice + F9 Kill Fl@ Quit")
    assert _said(key_bars([bar])) == [
        "F1 Help F2 Setup F3 Search F4 Filter F5 Tree F6 SortBy F7 Nice - F8 Nice + F9 Kill F10 Quit"
    ]


def test_a_name_cut_from_its_label_is_boxed_by_its_share_of_the_word() -> None:
    (line,) = key_bars([_line("F3 SearchFdFilter F5 Tree", pitch=10)])
    boxes = {w.text: w.box for w in line.words}
    assert boxes["Search"][:3:2] == (30, 90) and boxes["F4"][:3:2] == (90, 110)
    assert boxes["Filter"][:3:2] == (110, 170)


def test_past_the_last_key_read_right_a_name_must_look_like_its_number() -> None:
    assert _said(key_bars([_line("F7 Nice F8 Nice F9 Kill Fl@ Quit")])) == [
        "F7 Nice F8 Nice F9 Kill F10 Quit"
    ]
    # (after "F9" comes "F10": "Fd" looks like no "10", and stays as read)
    after = key_bars([_line("F7 Nice F8 Nice F9 Kill Fd Quit")])
    assert _said(after) == ["F7 Nice F8 Nice F9 Kill Fd Quit"]


def test_a_gap_the_numbers_do_not_fit_is_left_as_read() -> None:
    """Between "F3" and "F6" lie two keys; where three names were read there, none is guessed."""
    text = "F1 Help F3 Search Fd Filter Fo Tree Fs More F6 SortBy"
    assert _said(key_bars([_line(text)])) == [text]


def test_numbered_keys_are_mended_where_they_stand() -> None:
    """mc's keys: the figures before the labels, in cells side by side ("1Help"), stay glued."""
    assert _said(
        key_bars([_line("1Help 2Menu 3View 4Edit 5Copy bRenMov 7Mkdir 8Delete 9PullDn 1oQuit")])
    ) == ["1Help 2Menu 3View 4Edit 5Copy 6RenMov 7Mkdir 8Delete 9PullDn 10Quit"]


def test_no_key_bar_no_change() -> None:
    """Words that look like keys on a row that is no key bar: one key name, or figures out of
    order, or prose."""
    for text in (
        "Fox jumps over F1 dogs",
        "Press F1 for help",
        "3 Apples 2 Pears 1 Fig",
        "2 Beds 3 Baths 4 Fd",
    ):
        line = _line(text)
        (out,) = key_bars([line])
        assert out is line


def test_a_bar_split_over_two_lines_is_one_row() -> None:
    """The layout may give a row's halves as two lines: the numbering runs across them."""
    left, right = _line("F1 Help F2 Setup F3 Search"), _line("Fd Filter F5 Tree", x=300)
    assert _said(key_bars([left, right])) == ["F1 Help F2 Setup F3 Search", "F4 Filter F5 Tree"]


@pytest.mark.skipif(
    not (tesseract_available() and line_reader_available()), reason="needs tesseract and the recogniser"
)
@pytest.mark.timeout(180)
def test_htops_key_bar_in_terminus_is_named_in_full() -> None:
    image = Image.open(SCREEN_PNG / "term-htop-terminus-top.png").convert("RGB")
    lines = create_ocr_engine("auto").recognize(image).lines
    words = [w for line in lines for w in line.text.split()]
    # every key from F2 to F10 (the tests' second look, at its floor, leaves "F1 Help" unread)
    assert {f"F{n}" for n in range(2, 11)} <= set(words)
    for label in ("Filter", "Tree", "Kill", "Quit"):
        assert label in words
    bar = next(line for line in lines if "F4" in line.text.split())
    keys = [w for w in bar.text.split() if w.startswith("F") and w[1:].isdigit()]
    assert keys == sorted(keys, key=lambda k: int(k[1:]))  # in order along the bar


def test_any_words_come_back_whole_or_with_only_key_names_changed() -> None:
    """Random rows of key-like and other words (seeded): nothing raises, no line is lost, a line
    with no key name comes back as it was, and in a changed one only key names changed: with
    every key name and space taken out, before and after read the same."""
    rng = random.Random(20261207)
    pieces = ["F1", "F2", "F3", "F10", "Fd", "Fo", "F?", "Fl@", "1Help", "2Menu", "bRenMov", "Help", "Quit"]
    pieces += ["SearchFdFilter", "x", "-", "+", "3", "10", "F", "Fox", "0K", "ABC", "é", "^X"]
    names = re.compile(rf"{_F_KEY.pattern}|^[{re.escape(_FIGURE_LIKE)}]{{1,2}}(?=[A-Z]|$)")  # in a word
    for _ in range(300):
        lines = [
            _line(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))), y=20 * k) for k in range(3)
        ]
        out = key_bars(lines)
        assert len(out) == len(lines)
        for before, after in zip(lines, out, strict=True):
            if after is before:
                continue
            bare = ["".join(names.sub("", w.text) for w in line.words) for line in (before, after)]
            assert bare[0] == bare[1], (before.text, after.text)
