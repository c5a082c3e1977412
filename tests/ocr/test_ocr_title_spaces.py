"""A title's words run together beside a mark are cut where the title bar's ink shows a space
(real screenshots of datasets/screens)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.frames import find_frames
from assistant.ocr.title_spaces import spaced_titles
from assistant.ocr.titles import _bar_ink, _inside
from tests.support.screens import SCREEN_PNG


def _titles(name: str, words: list[tuple[str, tuple[int, int, int, int]]]) -> list[str]:
    image = Image.open(SCREEN_PNG / f"{name}.png").convert("RGB")
    bars = [_inside(f.bar) for f in find_frames(image)]
    lines = [OcrLine.of([OcrWord(text, box, 0.95)]) for text, box in words]
    out = spaced_titles(np.asarray(image.convert("L")), lines, bars, _bar_ink)
    return [w.text for ln in out for w in ln.words]


def test_a_terminals_title_is_cut_after_its_colon_and_a_title_without_a_space_is_not() -> None:
    """xterm's "pat@market: ~/jams" (Mikachu's bold title font) was read "pat@market:~/jams": its
    space stands 6 pixels wide among letters 1 or 2 apart. The other window's "pat@market: ~" is
    not cut: a lone "~" is said as no word, and the title would lose it. The word "Calculator" on
    another screen's bar, its letters as far apart as each other, stays whole."""
    assert _titles(
        "multi-urxvt-xterm-side",
        [("pat@market:~/jams", (676, 62, 820, 84)), ("pat@market:~", (55, 64, 159, 83))],
    ) == ["pat@market:", "~/jams", "pat@market:~"]
    assert _titles("multi-vim-tk-xcalc", [("cook@kitchen:~/log", (86, 62, 227, 82))]) == [
        "cook@kitchen:",
        "~/log",
    ]
    assert _titles("multi-vim-tk-xcalc", [("Calculator", (905, 403, 977, 419))]) == ["Calculator"]


def test_a_narrow_glyphs_own_sides_are_no_space() -> None:
    """A 10-pixel title font: "I" of "Invoice" stands 3 pixels from its "n", as "." of
    "intranet.conf" from its "c", among letters 1 apart: a narrow glyph's own sides, not spaces;
    nor is the 3-pixel gap after the "B" of "Bell" (under a third of the letters' height)."""
    assert _titles("multi-calc-invoice-print", [("Invoice", (567, 85, 616, 95))]) == ["Invoice"]
    assert _titles("multi-dark-terminals-dialog", [("intranet.conf", (287, 124, 377, 134))]) == [
        "intranet.conf"
    ]
    assert _titles("dlg-tk-serif-c059-bell", [("Bell", (529, 255, 555, 265))]) == ["Bell"]


def test_a_faint_title_whose_ink_is_only_its_darkest_strokes_is_not_cut() -> None:
    """fluxbox's thin grey title on a shaded bar: of "Found" only a few strokes stand out as ink,
    and every gap between them looked a space ("Foun d")."""
    assert _titles("multi-cascade-fluxbox-three", [("Found", (557, 256, 589, 268))]) == ["Found"]


def test_an_icon_boxed_with_the_title_is_not_cut_off_as_a_letter() -> None:
    """The engine boxed "Seed" with the solid block drawn before it, 7 pixels apart: a space, but
    what stands before it is no letter of the word."""
    assert _titles("table-tk-striped-seeds", [("Seed", (265, 95, 318, 109))]) == ["Seed"]


def test_a_word_on_no_title_bar_is_left_as_it_is() -> None:
    """A terminal's prompt below the bar, "pat@market:~/jams$", is not the title's business."""
    assert _titles("multi-urxvt-xterm-side", [("pat@market:~/jams$", (653, 177, 797, 190))]) == [
        "pat@market:~/jams$"
    ]


def test_a_title_an_engine_parted_where_no_space_stands_is_joined() -> None:
    """tig's st window: the title "mira@pool: ~/club" read again came back as three words,
    "mira@", "pool:" and "~/club", the first two 2 pixels apart as the letters are, and the title
    said was "mira@ pool: ~/club". xterm's "aiko@" and "office: ~/plants", read as two lines on the
    bar, were joined the same way. Words a space parts stay apart: B612's "man" and "tr" 3 pixels
    apart among letters 1 or 2 apart, and xterm's "pat@market:" and "~/jams"."""
    assert _titles(
        "term-tig-st-hermit",
        [("mira@", (741, 144, 779, 156)), ("pool:", (785, 142, 819, 159)), ("~/club", (825, 144, 867, 157))],
    ) == ["mira@pool:", "~/club"]
    assert _titles(
        "term-vim-hsplit-liberation",
        [("aiko@", (383, 88, 426, 122)), ("office:", (428, 89, 468, 112)), ("~/plants", (474, 89, 533, 112))],
    ) == ["aiko@office:", "~/plants"]
    assert _titles("man-tr-b612-light", [("man", (154, 52, 180, 68)), ("tr", (183, 52, 192, 68))]) == [
        "man",
        "tr",
    ]
    assert _titles(
        "multi-urxvt-xterm-side", [("pat@market:", (676, 62, 763, 84)), ("~/jams", (770, 62, 820, 84))]
    ) == [
        "pat@market:",
        "~/jams",
    ]


def _cut(name: str, text: str, box: tuple[int, int, int, int]) -> list[str]:
    """``text`` boxed ``box`` on a screen, cut at the clear spaces of the ink round it (as on a bar)."""
    from assistant.ocr.title_spaces import spaced

    gray = np.asarray(Image.open(SCREEN_PNG / f"{name}.png").convert("L"))
    x0, y0 = box[0] - 20, box[1] - 3
    ink = _bar_ink(gray[y0 : box[3] + 3, x0 : box[2] + 20])
    return [w.text for w in spaced(OcrWord(text, box, 0.95), ink, (x0, y0))]


def test_a_space_after_a_colon_is_told_from_the_colons_other_side() -> None:
    """urxvt's bold title "root@nas: /srv/share" and xfwm's "keeper@rubha: ~/stores" were read
    run together: their spaces, 4 and 5 pixels among letters 1 or 2 apart, fell short of a clear
    space once the colon's narrow sides were allowed for. The gap after the colon is wider than
    the one before it by a space. Times keep their colons' two sides alike: a stopwatch's large
    "00:12:47.3" and a table's "23:10" stay whole."""
    assert _titles("term-ncdu-urxvt-mononoki", [("root@nas:/srv/share", (137, 68, 284, 94))]) == [
        "root@nas:",
        "/srv/share",
    ]
    assert _titles("multi-xfwm-daloa-less-nano", [("keeper@rubha:~/stores", (452, 301, 593, 322))]) == [
        "keeper@rubha:",
        "~/stores",
    ]
    assert _cut("clock-qt-stopwatch", "00:12:47.3", (854, 509, 1071, 537)) == ["00:12:47.3"]
    assert _cut("table-qt-rownums-dark-opensans", "23:10", (427, 137, 464, 147)) == ["23:10"]


def test_the_cut_after_a_colon_is_made_at_the_colon_not_by_rough_widths() -> None:
    """Review 22, item 4: Liberation Sans 15 "root@nas: /srv/share" read run together was cut
    "root@nas:/" "srv/share": the gap was found at the colon, then the cut placed by the letters'
    rough widths, which the slim "/" after the gap pulled one character late."""
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", 15)
    picture = Image.new("L", (400, 24), 60)
    ImageDraw.Draw(picture).text((10, 4), "root@nas: /srv/share", fill=235, font=font)
    grey = np.asarray(picture)
    cols, rows = np.flatnonzero((grey > 120).any(axis=0)), np.flatnonzero((grey > 120).any(axis=1))
    box = (int(cols[0]) - 1, int(rows[0]) - 1, int(cols[-1]) + 2, int(rows[-1]) + 2)
    word = OcrWord("root@nas:/srv/share", box, 0.95)
    lines = spaced_titles(grey, [OcrLine.of([word])], [(0, 0, 400, 24)], _bar_ink)
    assert [w.text for line in lines for w in line.words] == ["root@nas:", "/srv/share"]


def test_the_titles_of_two_bars_are_joined_each_on_its_own_bar_and_body_lines_kept() -> None:
    """Two title bars each holding a title an engine parted where no space stands, and a body line
    under them: each bar's words are joined on that bar, and the body line is left as it is (the
    second bar once took the body line's words for its own after the first bar's join)."""
    gray = np.full((100, 100), 255, np.uint8)

    def word(x: int, y: int) -> tuple[int, int, int, int]:
        """Two strokes two pixels wide, one blank column apart: a word's letters."""
        gray[y : y + 10, x : x + 2] = 0
        gray[y : y + 10, x + 3 : x + 5] = 0
        return (x, y, x + 5, y + 10)

    bars = [(0, 0, 100, 20), (0, 40, 100, 60)]
    lines = [
        OcrLine.of([OcrWord("ab", word(10, 5), 0.9), OcrWord("cd", word(16, 5), 0.9)]),
        OcrLine.of([OcrWord("ef", word(10, 45), 0.9), OcrWord("gh", word(16, 45), 0.9)]),
        OcrLine.of([OcrWord("x1", word(10, 80), 0.9), OcrWord("y2", word(16, 80), 0.9)]),
    ]
    out = spaced_titles(gray, lines, bars, lambda crop: crop < 128)
    said = sorted((w.text, w.box) for ln in out for w in ln.words)
    assert said == [
        ("abcd", (10, 5, 21, 15)),
        ("efgh", (10, 45, 21, 55)),
        ("x1", (10, 80, 15, 90)),
        ("y2", (16, 80, 21, 90)),
    ]
