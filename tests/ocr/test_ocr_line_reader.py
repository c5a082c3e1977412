"""PP-OCR's line reader (assistant.ocr.line_reader): how pictures are laid on strips and read."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.line_reader import LineReader, line_reader_available
from tests.support.screens import SCREEN_PNG

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"

needs_reader = pytest.mark.skipif(not line_reader_available(), reason="needs the PP-OCR models")


def _line(text: str) -> np.ndarray:
    """``text`` in a terminal's font on white, one line."""
    image = Image.new("RGB", (160, 30), "white")
    ImageDraw.Draw(image).text((8, 8), text, font=ImageFont.truetype(MONO, 12), fill="black")
    return np.asarray(image)


@needs_reader
@pytest.mark.timeout(60)
def test_one_windows_pictures_read_alike_whatever_another_window_holds() -> None:
    """Pictures in groups (a live screen's windows) are laid on strips of their own group: what
    one window's lines are read as does not hang on what the other windows hold (the recogniser
    reads a picture by its strip-mates: a terminal's ``-rw-r--r--`` was read ``-PW-P--P--`` beside
    another window's list numbers). Real half-A lines, a dialog's (dlg-zenity-progress-photos),
    read with one other window's lines, with another's, and alone: the same words, to the last
    digit of their confidence (read on one strip with them, they were not)."""
    rgb = np.asarray(Image.open(SCREEN_PNG / "dlg-zenity-progress-photos.png").convert("RGB"))
    boxes = [(757, 418, 931, 445), (769, 453, 1107, 473), (1180, 520, 1209, 535)]
    window = [np.ascontiguousarray(rgb[y0:y1, x0:x1]) for x0, y0, x1, y1 in boxes]
    others = [[_line("say -x, -v"), _line("say --all")], [_line(f"{n}. item") for n in range(1, 6)]]

    def said(lines: list) -> list:
        return [
            (ln.text, ln.confidence, [(w.text, w.start, w.end, w.confidence) for w in ln.words])
            for ln in lines
        ]

    reader = LineReader(remember=0)
    alone = said(reader.read(window))
    for other in others:
        both = reader.read(window + other, [0] * len(window) + [1] * len(other))
        assert said(both[: len(window)]) == alone
    assert alone[1][0] == "Copying photos to the backup disk: 412 of 640 files"
    if all(said(reader.read(window + other)[: len(window)]) == alone for other in others):
        # (mixed on one strip these lines were read differently when this was written: the
        # groups above are what keep them apart; a recogniser without that cross-talk is no fault)
        pytest.skip("mixed strips read these lines the same: the check above proves nothing new")
