"""Control keys in caret notation read by tesseract with an "A" for the caret (assistant.ocr.carets),
on nano's key bar in two half-A screens, and words of two letters beginning with a real "A" (or
"4") that must stay."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.ocr import create_ocr_engine
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.carets import caret_before, carets
from assistant.ocr.pane_reading import pane_pictures
from assistant.ocr.panels import find_panels, unframed
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG

needs_tesseract = pytest.mark.skipif(not tesseract_available(), reason="tesseract is not installed")


def _words(name: str, box: tuple[int, int, int, int]) -> list[str]:
    image = Image.open(SCREEN_PNG / f"{name}.png").convert("RGB").crop(box)
    return [w.text for line in TesseractEngine().recognize(image).lines for w in line.words]


@needs_tesseract
def test_nanos_keys_come_back_with_their_carets() -> None:
    """Oxygen Mono's caret in reverse video was read "A" ("AK Cut", "AT Execute"), a small
    Courier's as "4" ("4G Help", "40 Write Out"): each floats at the top of its line, its foot far
    above the capital's beside it, and is a caret."""
    words = _words("term-nano-choir-oxygen", (290, 640, 1300, 690))
    assert {"^K", "^T"} <= set(words)
    assert not [w for w in words if len(w) == 2 and w[0] == "A" and w[1].isupper()]
    words = _words("term-nano-minutes-courier", (0, 660, 1280, 712))
    assert {"^G", "^O", "^X"} <= set(words)
    assert "4G" not in words and "40" not in words


@needs_tesseract
def test_carets_read_as_marks_on_a_key_bar_come_back() -> None:
    """IBM 3270's caret in reverse video (nano's two rows of keys, black on green) is read as a
    mark, "*G", "“O", "*R": a mark that floats at the top of the line before a capital, with
    other such keys beside it, is a caret."""
    words = _words("term-nano-3270-hives", (206, 119, 1210, 783))
    keys = {"^G", "^O", "^W", "^K", "^T", "^C", "^X", "^R", "^\\", "^U", "^J", "^/"}
    assert len(keys & set(words)) >= 4, words
    assert not [w for w in words if len(w) == 2 and w[0] in "*“”" and w[1].isupper()], words


def test_a_quote_before_a_capital_alone_is_no_key() -> None:
    """A quote before a capital floats at the top of the line as a caret does ('"I said'); taken
    for a key only where the lines hold two such keys at least (a key bar names its keys
    several at once)."""
    gray = np.full((20, 100), 255, dtype=np.uint8)
    gray[4:7, 10:13] = 0  # (the quote: small, at the top)
    gray[4:16, 16:20] = 0  # (the capital: full height)
    line = OcrLine.of([OcrWord("“I", (10, 4, 21, 16), 0.8), OcrWord("said", (30, 4, 70, 16), 0.9)])
    assert carets([line], gray)[0] is line
    gray[4:7, 75:78] = 0
    gray[4:16, 81:85] = 0
    two = OcrLine.of([*line.words, OcrWord("“X", (75, 4, 86, 16), 0.8)])
    assert [w.text for ln in carets([two], gray) for w in ln.words] == ["^I", "said", "^X"]


def test_quoted_capitals_on_two_rows_of_prose_are_no_keys() -> None:
    """Two quotes before capitals, one on each of two rows of a page ('“I said' over '“A
    friend'): each alone on its row, neither is a key (a key bar names its keys side by side on
    one row)."""
    gray = np.full((50, 100), 255, dtype=np.uint8)
    rows = []
    for top, word in ((4, "said"), (30, "friend")):
        gray[top : top + 3, 10:13] = 0  # (the quote: small, at the top)
        gray[top : top + 12, 16:20] = 0  # (the capital: full height)
        rows.append(
            OcrLine.of(
                [
                    OcrWord("“I" if top == 4 else "“A", (10, top, 21, top + 12), 0.8),
                    OcrWord(word, (30, top, 70, top + 12), 0.9),
                ]
            )
        )
    assert [w.text for ln in carets(rows, gray) for w in ln.words] == ["“I", "said", "“A", "friend"]


@needs_tesseract
def test_real_words_beginning_with_an_a_stay() -> None:
    """A calculator's "AC" key stands on the baseline; "At" heads a box on a page (its "t" small:
    no control key); "44" and "40" are a chart's figures, "4." a numbered paragraph's (its dot, low
    and small, is no capital to measure the "4" by), "40" a terminal's listing's."""
    engine = TesseractEngine()
    for name, kept in [
        ("calc-galculator", {"AC"}),
        ("dark-chromium-article-box", {"At"}),
        ("chart-tk-canvas-rainfall", {"44", "40"}),
        ("dlg-zenity-text-info-terms", {"4."}),
        ("multi-urxvt-xterm-side", {"40"}),
    ]:
        image = Image.open(SCREEN_PNG / f"{name}.png").convert("RGB")
        words = {w.text for line in engine.recognize(image).lines for w in line.words}
        assert kept <= words, name
        assert not any(w.startswith("^") for w in words), name


def test_a_zero_after_a_caret_is_the_letter_o() -> None:
    """PP-OCR's recogniser reads nano's caret right but its "O" as a zero: "^0" is "^O" (no
    control key has a figure); a word with no caret is left alone."""
    gray = np.full((20, 100), 255, dtype=np.uint8)
    line = OcrLine.of([OcrWord("^0", (10, 4, 26, 16), 0.8), OcrWord("Write", (36, 4, 80, 16), 0.9)])
    assert [w.text for ln in carets([line], gray) for w in ln.words] == ["^O", "Write"]
    plain = OcrLine.of([OcrWord("40", (10, 4, 26, 16), 0.8)])
    assert carets([plain], gray)[0] is plain


LIBERATION_MONO = Path("/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf")


@needs_tesseract
@pytest.mark.skipif(not LIBERATION_MONO.exists(), reason="fonts-liberation is not installed")
def test_a_list_label_before_a_parenthesis_is_no_key() -> None:
    """In Liberation Mono (Courier New's metrics) a parenthesis reaches above the capitals, so the
    "A" or "4" before it looks like a caret beside it: "A)" and "4)" are a list's labels, and a
    parenthesis follows no caret (review 18, finding C)."""
    from PIL import ImageDraw, ImageFont

    engine = TesseractEngine()
    for size in (13, 16, 22):
        image = Image.new("RGB", (900, 3 * size), "white")
        font = ImageFont.truetype(str(LIBERATION_MONO), size)
        ImageDraw.Draw(image).text((10, size // 2), "Choose A) yes B) no 4) quit", fill="black", font=font)
        words = [w.text for line in engine.recognize(image).lines for w in line.words]
        assert "Choose" in words, (size, words)
        assert not [w for w in words if w.startswith("^")], (size, words)


@needs_tesseract
@pytest.mark.timeout(120)
def test_the_app_reads_nanos_reverse_video_key_with_its_caret() -> None:
    """The file path reads each window found apart: nano's window on half A's
    multi-metacity-terms-overlap, read by the app's engine, names its key "^W" (the recogniser
    read "W" alone, unsure, and it was dropped as a lone letter)."""
    image = Image.open(SCREEN_PNG / "multi-metacity-terms-overlap.png").convert("RGB")
    framed = [p for p in find_panels(image) if p.bar is not None]
    pictures = {(x, y): picture for picture, x, y in pane_pictures(unframed(image, framed), framed)}
    nano = pictures[(186, 185)]  # (the window at (202, 201), with its margin)
    words = [w.text for line in create_ocr_engine("auto").recognize(nano).lines for w in line.words]
    assert "^W" in words, words
    assert "W" not in words


def test_a_caret_before_a_lone_capital_is_seen_by_its_shape() -> None:
    """The recogniser reads nano's "^W" (reverse video, a caret three pixels high; half A's
    multi-metacity-terms-overlap) as "W" alone, at 0.96: the caret is the glyph just before the
    capital, at its top and far above its middle. Capitals with a space, a key's cell or nothing
    before them on the same screen ("Write", "Where", "Read", "Help", "Exit", "GNU", "PID") have
    none."""
    gray = np.asarray(Image.open(SCREEN_PNG / "multi-metacity-terms-overlap.png").convert("L"))
    assert caret_before(gray, (439, 509, 447, 528))  # (the "W" of "^W", boxed as the reader boxes it)
    for box in (
        (341, 512, 349, 524),
        (453, 512, 461, 524),
        (341, 528, 349, 540),
        (230, 512, 238, 524),
        (230, 528, 238, 540),
        (222, 224, 230, 236),
        (76, 81, 84, 93),
    ):
        assert not caret_before(gray, box), box


def test_caret_before_takes_any_box_on_any_picture() -> None:
    """Seeded random pictures (noise, flat, stripes) and boxes (inside, across the edges, empty,
    upside down): nothing raises, and the answer is a bool."""
    rng = np.random.default_rng(7)
    for _ in range(300):
        h, w = (int(v) for v in rng.integers(1, 60, size=2))
        kind = int(rng.integers(3))
        if kind == 0:
            gray = rng.integers(0, 256, size=(h, w), dtype=np.uint8)
        elif kind == 1:
            gray = np.full((h, w), int(rng.integers(256)), dtype=np.uint8)
        else:
            gray = np.where(np.arange(w) % 3 == 0, 0, 255).astype(np.uint8)[None, :].repeat(h, axis=0)
        x0, y0, x1, y1 = (int(v) for v in rng.integers(-10, 70, size=4))
        assert caret_before(gray, (x0, y0, x1, y1)) in (True, False)
