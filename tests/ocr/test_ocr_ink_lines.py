"""A column of words the first engine left unread, one under another, is cut into its lines and
read (assistant.ocr.ink.line_places), on a real xterm (datasets/screens half A): `git log
--oneline`'s hashes in yellow on white beside their black subjects, which tesseract never detects.
Joined from row to row they made one part too tall for a line, taken for a keypad or a picture."""

from __future__ import annotations

import json

import numpy as np
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord, overlap_share
from assistant.ocr.second_look import SecondLookConfig, unread_places
from tests.support.screens import SCREEN_PNG, SCREEN_TRUTH

HEX = set("0123456789abcdef")


def test_a_column_of_unread_hashes_becomes_one_place_per_line() -> None:
    name = "term-git-log-status"
    gray = np.asarray(Image.open(SCREEN_PNG / f"{name}.png").convert("L"))
    (window,) = json.loads((SCREEN_TRUTH / f"{name}.json").read_text())["windows"]
    hashes, lines = [], []
    for item in window["items"]:
        words = []
        for text, (x, y, w, h) in zip(item["text"].split(), item["boxes"], strict=True):
            box = (x, y, x + w, y + h)
            if len(text) == 7 and set(text) <= HEX and not words:
                hashes.append(box)  # the yellow hash that begins the line: left unread
            else:
                words.append(OcrWord(text, box, 0.95))  # the rest read, surely
        if words:
            lines.append(OcrLine.of(words))
    assert len(hashes) >= 8
    places = unread_places(gray, lines, SecondLookConfig())
    for box in hashes:
        assert any(overlap_share(box, p) > 0.6 for p in places), box
    # one place per line: none of them runs over two hashes
    assert not any(sum(overlap_share(box, p) > 0.3 for box in hashes) > 1 for p in places)
