"""Lines read twice or boxed loosely (assistant.ocr.loose), on boxes an engine gave on half A's screens."""

from __future__ import annotations

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.loose import deduplicated


def _line(text: str, box: Box, confidence: float = 0.9) -> OcrLine:
    return OcrLine.of([OcrWord(text, box, confidence)], confidence)


def test_a_loose_box_over_a_column_of_the_same_word_gives_way_to_each_rows_own() -> None:
    """term-mc-music-stick, live path: mc's right pane dates three files "2024" on three rows, and
    a second reading boxed one more "2024" over those rows, surer than the tight ones. Kept first,
    it took the rows' own as read again, then was put on one row: two rows lost their year. The
    rows' own readings stay and the loose one goes."""
    rows = [_line("2024", (1449, 212 + 19 * i, 1484, 224 + 19 * i)) for i in range(3)]
    names = [_line(f"file-{i}.odt", (1200, 212 + 19 * i, 1320, 224 + 19 * i)) for i in range(3)]
    loose = _line("2024", (1446, 210, 1492, 258), 0.99)
    assert deduplicated([loose, *rows, *names]) == [*rows, *names]
    # a loose box with no tight reading of its words under it stays (to go onto its row later)
    other = _line("2023", (1449, 212, 1484, 224))
    assert deduplicated([loose, other, *names]) == [loose, other, *names]


def test_a_loose_reading_whose_tight_copy_lost_to_another_reading_stays() -> None:
    """A sure loose "Oak chair" over an unsure tight copy of it, which loses to a surer wrong
    reading of the same span ("Uak Cnalr"): the loose one is weighed after all, so its words are
    not lost."""
    rows = [_line(f"row {i}", (100, 60 + 15 * i, 190, 71 + 15 * i)) for i in range(6)]
    loose = _line("Oak chair", (100, 90, 190, 140), 0.99)
    tight = _line("Oak chair", (100, 110, 190, 124), 0.5)
    wrong = _line("Uak Cnalr", (100, 110, 190, 124), 0.8)
    kept = deduplicated([loose, tight, wrong, *rows])
    assert loose in kept
    assert tight not in kept
