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
