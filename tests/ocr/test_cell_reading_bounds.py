"""cell_reading.unread_words with a word boxed beyond its row's band (a loose box from a second
reading): the band takes the rows that fall in it. The slice by a negative start wrapped round and
crashed a live *describe screen* (multi-four-windows, half A, read after two man pages)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from assistant.ocr.cell_grid import GridWord
from assistant.ocr.cell_reading import unread_words
from tests.support.screens import SCREEN_PNG


def test_a_word_boxed_above_its_rows_band_is_cut_to_it() -> None:
    gray = np.asarray(Image.open(SCREEN_PNG / "multi-four-windows.png").convert("L"))[40:140, 20:760]
    above, below, pitch, base = 10, 4, 8, 60
    tall = np.ones((50, 24), np.float32)  # boxed from 20 rows above the band to past its foot
    words = [
        (GridWord(0, 0, "LS(1)", (10, 30, 34, 80), tall, 255.0, 200.0), 10, base),
        (GridWord(1, 0, "User", (90, 50, 122, 64), np.ones((14, 32), np.float32), 255.0, 200.0), 90, base),
    ]
    means = np.zeros((0, (above + below) * pitch), np.float32)
    found = unread_words(words, pitch, gray, (means, []), (above, below), [], 0.5)
    assert isinstance(found, list)  # read (nothing matches no glyph here), not crashed
