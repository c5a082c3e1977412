"""nano's shortcut bar named by its labels (assistant.ocr.shortcut_bars): on lines as the engines give
them, and on a real nano in the IBM 3270 font (datasets/screens, half A) read by the app's own
text reader, whose "^G", "^X" and "^C" came back as nothing, its "^J" glued to "Justify"."""

from __future__ import annotations

import random

import pytest

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.line_reader import line_reader_available
from assistant.ocr.shortcut_bars import KEYS, shortcut_bars
from assistant.ocr.tesseract import tesseract_available
from tests.support.screens import SCREEN_PNG


def _line(text: str, x: int = 0, y: int = 0, pitch: int = 10) -> OcrLine:
    """``text``'s words boxed as a fixed-width font's cells; "_" stands for a blank cell."""
    words = []
    for piece in text.split(" "):
        if piece and piece != "_":
            words.append(OcrWord(piece, (x, y, x + pitch * len(piece), y + 16), 0.9))
        x += pitch * (len(piece) + 1)
    return OcrLine.of(words)


def _place(line: OcrLine) -> tuple[int, int]:
    return line.box[1], line.box[0]


def _said(lines: list[OcrLine]) -> list[str]:
    return [line.text for line in lines]


NANO_3270 = SCREEN_PNG / "term-nano-3270-hives.png"  # half A

# nano 7's main bar as it is drawn, two rows of six shortcuts, each in 13 cells.
TOP = "^G Help _ _ _ ^O Write Out ^W Where Is _ ^K Cut _ _ _ _ ^T Execute _ ^C Location"
BOTTOM = "^X Exit _ _ _ ^R Read File ^\\ Replace _ ^U Paste _ _ _ ^J Justify _ ^/ Go To Line"


def test_keys_read_wrongly_or_not_at_all_are_named_by_their_labels() -> None:
    top = _line(TOP.replace("^G", "__").replace("^O", "*0").replace("^T", "_T"), y=0)
    bottom = _line(BOTTOM.replace("^X", "__").replace("^R", "“R").replace("^J Justify", "_^JJustify"), y=20)
    assert _said(shortcut_bars([top, bottom])) == [
        "^G Help ^O Write Out ^W Where Is ^K Cut ^T Execute ^C Location",
        "^X Exit ^R Read File ^\\ Replace ^U Paste ^J Justify ^/ Go To Line",
    ]


def test_a_key_put_where_none_was_read_stands_in_the_cells_before_its_label() -> None:
    (line,) = shortcut_bars([_line("_ _ _ Exit ^R Read File ^\\ Replace")])
    boxes = {w.text: w.box for w in line.words}
    x = boxes["Exit"][0]
    assert boxes["^X"][0::2] == (x - 30, x - 10)  # the key's two cells and a space


def test_a_label_read_in_pieces_is_its_own_words_again() -> None:
    lines = [_line("^G He lp ^O Write Out"), _line("^X Exit ^C Locat i on ^R Read File", y=20)]
    assert _said(shortcut_bars(lines)) == ["^G Help ^O Write Out", "^X Exit ^C Location ^R Read File"]


def test_a_label_read_in_pieces_across_two_lines_is_one_word_in_the_first() -> None:
    """The engines may give a row's words as several lines: "He" in one, "lp" in another."""
    lines = [_line("^G He", y=0), _line("lp ^O Write Out", x=60, y=0), _line("^X Exit ^R Read File", y=20)]
    assert _said(shortcut_bars(lines)) == ["^G Help", "^O Write Out", "^X Exit ^R Read File"]


def test_a_labels_word_is_no_key_of_the_next() -> None:
    """A narrow nano leaves one cell between "Out" and "^W"; where "^W" went unread and "Out" was
    boxed over its cells, "Out" stays "Out"."""
    lines = [_line("^G Help ^O Write Out Where Is"), _line("^X Exit ^R Read File", y=20)]
    assert _said(shortcut_bars(lines)) == ["^G Help ^O Write Out Where Is", "^X Exit ^R Read File"]


def test_a_key_read_inside_a_looser_reading_of_its_label_is_not_put_again() -> None:
    """A gap's reading may box "Execute" over its key's cells too, beside the tight one: the key
    read right there is its key."""
    lines = [_line("^G Help ^O Write Out ^K Cut ^T Execute"), _line("^X Exit ^R Read File", y=20)]
    loose = OcrLine.of([OcrWord("Execute", (lines[0].words[-2].box[0] - 2, 0, lines[0].box[2], 16), 0.8)])
    assert _said(shortcut_bars([*lines, loose])) == _said([*lines, loose])


def test_a_label_read_twice_names_its_key_once() -> None:
    """A gap's loose "Execute" over its key's cells beside the tight one, the key read "A": one key,
    where the tight one's cells are."""
    top, bottom = _line("^G Help ^O Write Out ^K Cut A Execute"), _line("^X Exit ^R Read File", y=20)
    key, label = top.words[-2].box, top.words[-1].box
    loose = OcrLine.of([OcrWord("Execute", (key[0] - 1, 0, label[2], 16), 0.8)])
    said = _said(shortcut_bars([top, loose, bottom]))
    assert said == ["^G Help ^O Write Out ^K Cut ^T Execute", "Execute", "^X Exit ^R Read File"]


def test_another_reading_of_a_key_read_right_goes() -> None:
    """The engines may read a key's cells twice, once right: "“AT" beside "^T" is no word on the
    screen."""
    top, bottom = _line("^G Help ^O Write Out ^T Execute"), _line("^X Exit ^R Read File", y=20)
    twice = OcrLine.of([OcrWord("“AT", top.words[5].box, 0.6)])  # over "^T"'s cells
    assert _said(shortcut_bars([top, twice, bottom])) == _said([top, bottom])


def test_go_to_lines_key_is_left_as_read() -> None:
    """nano 5 draws "^_ Go To Line", nano 6 and later "^/": whatever was read there stays."""
    for key in ("^_", "^/", "*/", "_"):
        text = f"^X Exit ^R Read File {key} Go To Line".replace(" _ ", " ")
        assert _said(shortcut_bars([_line(text)])) == [text]


def test_rows_that_are_not_nanos_main_bar_are_left_as_read() -> None:
    """Prose with labels' words; the search prompt's bar (its "Replace" is "^R", its "Go To Line"
    "^T"); two labels alone; a label with a word in its key's cells."""
    for texts in (
        ["Press Help or Exit to leave, then Cut and Paste"],
        ["^G Help M-C Case Sens M-B Backwards", "^C Cancel M-R Reg.exp. ^R Replace ^T Go To Line"],
        ["Write Out _ _ _ Exit"],
        ["^G Help _ _ notes Write Out _ _ ^X Exit"],
    ):
        lines = [_line(text, y=20 * k) for k, text in enumerate(texts)]
        out = shortcut_bars(lines)
        assert all(a is b for a, b in zip(out, lines, strict=True)), _said(out)


@pytest.mark.skipif(
    not (tesseract_available() and line_reader_available()), reason="needs tesseract and the recogniser"
)
@pytest.mark.timeout(180)
def test_nanos_bar_in_ibm_3270_is_named_in_full() -> None:
    """The screenshot read as the app reads a file: every key the bar shows is said with its label."""
    from assistant.describe import Describer, DescriberOptions

    said = Describer(DescriberOptions(photo_ocr="none", verbosity="full")).describe(NANO_3270).text
    for shortcut in ("^G Help", "^X Exit", "^R Read File", "^J Justify", "^C Location", "^T Execute"):
        assert shortcut in said, said


def test_only_key_names_are_added_or_mended() -> None:
    """Random rows of labels, keys, misread keys and other words (seeded), one row in two lines:
    nothing raises, no line comes back empty, and what comes back, key names taken out, is read in
    what went in (spaces aside, row by row): no word is made up but a key."""
    rng = random.Random(20261207)
    pieces = ["Help", "Write", "Out", "Where", "Is", "Exit", "Read", "File", "Cut", "He", "lp", "Go", "To"]
    pieces += ["Line", "^X", "*0", "“R", "T", "^JJustify", "kCut", "_", "_", "_", "notes", "x", "é", "M-U"]
    keys = sorted(set(filter(None, KEYS.values())), key=len, reverse=True)
    for _ in range(300):
        texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(3)]
        lines = [_line(f"{text} Exit", y=20 * k) for k, text in enumerate(texts)]
        lines += [_line(f"{texts[0]} Help", x=20 * len(texts[0]) + 40)]  # a row cut into two lines
        out = shortcut_bars(lines)
        assert 0 < len(out) <= len(lines) and all(line.words for line in out)
        read = "".join(w.text for line in sorted(lines, key=_place) for w in line.words)
        left = "".join(w.text for line in sorted(out, key=_place) for w in line.words if w.text not in keys)
        it = iter(read)
        assert all(ch in it for ch in left), ([ln.text for ln in lines], _said(out))
