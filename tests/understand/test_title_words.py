"""A window's exact title corrects OCR's reading of the same words in it (live path, issue #15)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from assistant.understand.title_words import corrected, title_words
from assistant.understand.windows import ScreenWindows
from tests.support.screens import SCREEN_SET, SCREEN_TRUTH

REPO = Path(__file__).resolve().parents[2]


def _line(*words: str) -> OcrLine:
    return OcrLine.of([OcrWord(w, (60 * i, 0, 60 * i + 50, 12), 0.9) for i, w in enumerate(words)])


@pytest.mark.parametrize(
    ("title", "read", "said"),
    [
        # the misreads of prompts the second look made on half A (multi-terminals-overlap,
        # term-core-10x20-free-ip): a mark changed, a space put in, a "~" read as '"'
        ("root@nas: /srv", ["root@nast/srv#", "df", "-h"], "root@nas:/srv# df -h"),
        ("root@nas: /srv", ["root@nas", "/srv#", "df"], "root@nas:/srv# df"),
        ("root@router: ~", ['root@router:"#', "free"], "root@router:~# free"),
        ("root@router: ~", ["root@router:#"], "root@router:~#"),
        # as the title writes it already: left alone (not "root@router:#")
        ("root@router: ~", ["root@router:~#", "free"], "root@router:~# free"),
        ("letter.txt - Writer", ["Letter.txt", "saved"], "letter.txt saved"),
        # plain words are never changed: one letter makes another word of them
        ("Documents", ["Document", "saved"], "Document saved"),
        ("Shipping News", ["shipping", "News"], "shipping News"),
        # short ones neither
        ("ps aux", ["ps", "aus"], "ps aus"),
        # a part of a place is another word: "ssh root@nas" stays
        ("root@nas: /srv", ["ssh", "root@nas"], "ssh root@nas"),
    ],
)
def test_words_one_letter_from_a_long_title_word_are_spelt_as_the_title(
    title: str, read: list[str], said: str
) -> None:
    assert corrected([_line(*read)], title)[0].text == said


def test_only_long_marked_words_and_a_places_title_are_used() -> None:
    assert title_words("root@nas: /srv") == (set(), "root@nas:/srv")
    assert title_words("letter.txt, Writer") == ({"letter.txt"}, None)
    assert title_words("disks - xterm") == (set(), None)  # no place: its words are not joined


@pytest.mark.timeout(60)
@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
def test_a_terminals_misread_prompt_is_said_as_its_title_spells_it() -> None:
    """multi-terminals-overlap (half A) read as the live path reads it; the df window's prompt as
    the second look misread it there ("root@nast/srv#"): the window's title, "root@nas: /srv",
    puts it right, and the order the benchmark checks ("root@nas:/srv# df -h") holds."""
    truth = json.loads((SCREEN_TRUTH / "multi-terminals-overlap.json").read_text(encoding="utf-8"))
    assert truth["split"] == "A"
    sys.path.insert(0, str(REPO / "benchmarks"))
    from screen_reading import window_stack

    image = Image.open(SCREEN_SET / truth["image"]).convert("RGB")
    windows = ScreenWindows(window_stack(truth), (0, 0), image.size)
    view, (dx, dy) = windows.ocr_view(image)

    def moved(w: OcrWord) -> OcrWord:
        text = "root@nast/srv#" if w.text == "root@nas:/srv#" else w.text
        return OcrWord(text, (w.box[0] + dx, w.box[1] + dy, w.box[2] + dx, w.box[3] + dy), w.confidence)

    lines = [OcrLine.of([moved(w) for w in ln.words]) for ln in TesseractEngine().recognize(view).lines]
    assert any("root@nast/srv#" in ln.text for ln in lines)
    said = " ".join(b.text for b in windows.blocks(lines))
    assert "root@nas:/srv# df -h" in said
    assert "root@nast" not in said
