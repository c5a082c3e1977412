"""The real OCR backends on text rendered here, the factory, and re-reading only changed rows."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.errors import AssistantError
from assistant.ocr import ChangeAwareOcr, NullOcrEngine, OcrEngine, OcrResult, create_ocr_engine
from assistant.ocr.incremental import changed_bands
from assistant.ocr.rapid import RapidOcrEngine
from assistant.ocr.tesseract import (
    TesseractEngine,
    cell_extremes,
    content_span,
    invert_dark_areas,
    stripe_cuts,
)
from tests.support.screens import SCREEN_PNG

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def render(
    lines: list[tuple[str, int, int]],
    size: tuple[int, int] = (900, 400),
    bg: str = "white",
    fg: str = "black",
    font_size: int = 18,
) -> Image.Image:
    img = Image.new("RGB", size, bg)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, font_size)
    for text, x, y in lines:
        draw.text((x, y), text, font=font, fill=fg)
    return img


def words(result: OcrResult) -> list[str]:
    return [w.strip(".,:").lower() for w in result.text.split()]


@pytest.mark.timeout(60)
def test_tesseract_reads_two_columns_in_order() -> None:
    left = ["Bread and milk are on", "the kitchen table now", "please put them away"]
    right = ["The meeting starts at", "ten in the large room", "bring your notes along"]
    img = render(
        [(t, 30, 40 + i * 30) for i, t in enumerate(left)]
        + [(t, 480, 40 + i * 30) for i, t in enumerate(right)]
    )
    result = TesseractEngine().recognize(img)
    assert result.engine == "tesseract"
    expected = " ".join(left + right).lower().split()
    assert words(result) == expected
    first = result.lines[0].words[0]
    assert 0.3 <= first.confidence <= 1.0
    assert first.box[0] == pytest.approx(30, abs=6)


def test_cell_extremes_are_each_squares_least_and_greatest() -> None:
    """The quick per-cell least and greatest grey (content_span's) against numpy's plain reduction
    over each square, on a real screen (half A: a calculator on a desktop); and the span it gives."""
    with Image.open(SCREEN_PNG / "calc-xcalc-rpn.png") as image:
        gray = np.asarray(image.convert("L"))[:797, :1275]  # (sides not multiples of the cell)
    rows, cols = -(-gray.shape[0] // 8), -(-gray.shape[1] // 8)
    padded = np.pad(gray, ((0, rows * 8 - gray.shape[0]), (0, cols * 8 - gray.shape[1])), mode="edge")
    lo, hi = cell_extremes(padded, 8)
    squares = padded.reshape(rows, 8, cols, 8)
    assert (lo == squares.min(axis=(1, 3))).all() and (hi == squares.max(axis=(1, 3))).all()
    busy = np.argwhere(hi.astype(int) - lo > 24)
    (y0, x0), (y1, x1) = busy.min(axis=0), busy.max(axis=0)
    expected = (max(0, (x0 - 4) * 8), max(0, (y0 - 4) * 8), min(1275, (x1 + 5) * 8), min(797, (y1 + 5) * 8))
    assert content_span(gray) == expected


@pytest.mark.timeout(60)
def test_tesseract_reads_light_text_on_dark_ground() -> None:
    img = render([("Dark theme terminal output", 30, 30)], size=(600, 100), bg="#1e1e1e", fg="#dddddd")
    assert words(TesseractEngine().recognize(img)) == ["dark", "theme", "terminal", "output"]
    inverted = invert_dark_areas(np.asarray(img.convert("L")))
    assert inverted.mean() > 200  # the dark ground became light


@pytest.mark.timeout(60)
def test_a_light_window_on_a_dark_desktop_keeps_its_first_letters() -> None:
    """The inverted area ends at the window's edge, wherever it falls (not on a grid of tiles)."""
    img = Image.new("RGB", (900, 300), "#34373f")  # the desktop
    ImageDraw.Draw(img).rectangle((421, 40, 880, 260), fill="#fdf6e3")  # a cream terminal at x=421
    ImageDraw.Draw(img).text(
        (423, 60), "root@nas:~# cat df.txt", font=ImageFont.truetype(FONT, 18), fill="black"
    )
    gray = np.asarray(img.convert("L"))
    inverted = invert_dark_areas(gray)
    # The window untouched along its edges (only its corners, up to a dozen pixels, may flip).
    assert (inverted[53:248, 422:881] == gray[53:248, 422:881]).all()  # within a pixel of x=421
    assert (inverted[40:261, 434:868] == gray[40:261, 434:868]).all()
    assert (inverted[:, :418] >= 190).all()  # the desktop, inverted up to the edge
    read = " ".join(words(TesseractEngine().recognize(img)))
    assert "root@nas:~# cat df.txt" in read  # not "loot@nas" or "oot@nas"


@pytest.mark.timeout(60)
def test_a_light_grey_dialog_on_a_dark_desktop_is_read() -> None:
    """The inverted desktop and the dialog's grey must not split tesseract's one global threshold
    (without lighten_ground this dialog reads as nothing at all)."""
    img = Image.new("RGB", (1280, 800), "#34373f")
    draw = ImageDraw.Draw(img)
    draw.rectangle((300, 140, 708, 470), fill="#d9d9d9", outline="#5a5a5a")  # a Tk dialog's grey
    font = ImageFont.truetype(FONT, 15)
    labels = ["Display name", "Download folder", "Language", "Autosave every"]
    for i, label in enumerate(labels):
        draw.text((315, 215 + 30 * i), label, font=font, fill="black")
        draw.rectangle((438, 214 + 30 * i, 694, 236 + 30 * i), fill="white", outline="#888888")
    read = " ".join(words(TesseractEngine().recognize(img)))
    for label in labels:
        assert label.lower() in read


@pytest.mark.timeout(120)
def test_rapidocr_reads_a_line_with_word_boxes() -> None:
    img = render([("Open the window please", 20, 20)], size=(420, 70), font_size=22)
    result = RapidOcrEngine().recognize(img)
    assert words(result) == ["open", "the", "window", "please"]
    line = result.lines[0]
    assert [w.text.lower() for w in line.words] == ["open", "the", "window", "please"]
    assert line.words[0].box[0] < line.words[-1].box[0]


def test_stripes_are_cut_on_empty_rows() -> None:
    gray = np.full((800, 100), 255, np.uint8)
    for y in range(0, 800, 30):
        gray[y : y + 20, 10:90:4] = 0  # text rows 20 px high (a stroke every 4 px), 10 px gaps
    cuts = stripe_cuts(gray, 2)
    assert cuts[0] == 0 and cuts[-1] == 800 and len(cuts) == 3
    assert (gray[cuts[1]] == 255).all()
    # A window's sides cross every row: the cut is still between text rows, not through one.
    gray[:, [2, 97]] = 0
    cuts = stripe_cuts(gray, 2)
    assert (gray[cuts[1], 10:90] == 255).all()


def test_factory_names_and_errors() -> None:
    assert isinstance(create_ocr_engine("none"), NullOcrEngine)
    assert create_ocr_engine("tesseract").name == "tesseract"
    assert create_ocr_engine("auto").name in {"tesseract", "rapidocr"}
    with pytest.raises(AssistantError, match="Unknown text reader"):
        create_ocr_engine("magic")


def test_missing_tesseract_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.ocr.tesseract.shutil.which", lambda name: None)
    with pytest.raises(AssistantError, match="Tesseract is not installed"):
        TesseractEngine()


class CountingEngine(OcrEngine):
    """A real engine, counting how many pixel rows it is asked to read."""

    def __init__(self, inner: OcrEngine) -> None:
        self.inner = inner
        self.name = inner.name
        self.rows_read = 0
        self.sheets_read = 0

    def recognize(self, image: Image.Image) -> OcrResult:
        self.rows_read += image.height
        return self.inner.recognize(image)

    def read_sheet(self, sheet: Image.Image) -> OcrResult:
        self.sheets_read += 1
        return self.inner.read_sheet(sheet)


@pytest.mark.timeout(60)
def test_change_aware_ocr_rereads_only_the_changed_rows() -> None:
    base = [
        ("First line stays the same", 30, 30),
        ("Second line will change", 30, 130),
        ("Third line stays", 30, 230),
    ]
    counting = CountingEngine(TesseractEngine(processes=1))
    ocr = ChangeAwareOcr(counting)
    first = ocr.recognize(render(base))
    assert ocr.last_mode == "full" and "second line will change" in first.text.lower()
    changed = [base[0], ("Totally different words", 30, 130), base[2]]
    counting.rows_read = 0
    second = ocr.recognize(render(changed))
    assert ocr.last_mode == "incremental"
    assert 0 < counting.rows_read < 120
    expected = "first line stays the same totally different words third line stays"
    assert words(second) == expected.split()
    counting.rows_read = 0
    ocr.recognize(render(changed))
    assert ocr.last_mode == "unchanged" and counting.rows_read == 0


@pytest.mark.timeout(60)
def test_change_aware_ocr_remembers_a_sheet_of_snippets() -> None:
    """The same screen described twice makes the same sheet of a grid's lost cells: read once."""
    counting = CountingEngine(TesseractEngine(processes=1))
    ocr = ChangeAwareOcr(counting)
    sheet = render([("4096", 30, 30), ("Mar 14", 30, 130)])
    first, again = ocr.read_sheet(sheet), ocr.read_sheet(sheet.copy())
    assert counting.sheets_read == 1 and words(again) == words(first) == ["4096", "mar", "14"]
    ocr.read_sheet(render([("8192", 30, 30)]))
    assert counting.sheets_read == 2


def test_changed_bands_merge_and_pad() -> None:
    a = np.zeros((100, 10), np.uint8)
    b = a.copy()
    b[20, 3] = 1
    b[24, 3] = 1
    b[80, 0] = 1
    assert changed_bands(a, b, margin=3) == [(17, 28), (77, 84)]
    assert changed_bands(a, a) == []


@pytest.mark.timeout(60)
def test_a_reverse_video_line_in_a_window_alone_is_inverted_whole() -> None:
    """A man page's status line, white on black, in the xterm as a live grab reads it (the window
    alone, no dark desktop round it): the square windows took half its height or none of it, and
    'Manual page ls(1) line 1 (press h for help or q to quit)' was lost (datasets/screens, half A).
    Every row of the band is now dark text on light ground."""

    screen = SCREEN_PNG / "man-ls.png"
    with Image.open(screen) as img:
        window = np.asarray(img.convert("L").crop((41, 52, 845, 702)))  # the xterm's client area
    dark = window < 110
    darkish = dark.mean(axis=1) > 0.3
    runs = np.split(np.arange(darkish.size), np.flatnonzero(np.diff(darkish)) + 1)
    rows = max((r for r in runs if darkish[r[0]]), key=len)  # the band: the longest run of dark rows
    assert rows.size >= 12
    cols = np.flatnonzero(dark[rows].mean(axis=0) > 0.6)
    band = (slice(rows.min(), rows.max() + 1), slice(cols.min(), cols.max() + 1))
    inverted = invert_dark_areas(window)
    assert (np.median(inverted[band], axis=1) > 200).all()  # light ground on each of its rows
    assert np.array_equal(inverted[: rows.min() - 4], window[: rows.min() - 4])  # the page left alone


def test_a_changed_band_carries_the_windows_areas_in_its_own_rows() -> None:
    """A live view's windows' areas (the second look reads each window's places apart) reach the
    engine with a re-read band in the band's rows, not the whole view's."""
    from assistant.ocr.line_reader import WINDOW_AREAS

    class Seeing(OcrEngine):
        name = "seeing"

        def __init__(self) -> None:
            self.areas: list[object] = []

        def recognize(self, image: Image.Image) -> OcrResult:
            self.areas.append(image.info.get(WINDOW_AREAS))
            return OcrResult(lines=[], engine=self.name, elapsed_ms=0.0, image_size=image.size)

    areas = [[(0, 0, 450, 400)], [(450, 0, 900, 400)]]
    base = render([("left window", 30, 30), ("right window", 500, 30)])
    base.info[WINDOW_AREAS] = areas
    changed = render([("left window", 30, 30), ("right window", 500, 30), ("new line", 500, 200)])
    changed.info[WINDOW_AREAS] = areas
    seeing = Seeing()
    ocr = ChangeAwareOcr(seeing)
    ocr.recognize(base)
    ocr.recognize(changed)
    assert ocr.last_mode == "incremental"
    band = seeing.areas[-1]
    assert isinstance(band, list) and band != areas
    top = band[0][0][1]
    assert 0 > top > -200 and band == [[(0, top, 450, top + 400)], [(450, top, 900, top + 400)]]


@pytest.mark.timeout(120)
def test_a_screen_reads_the_same_whatever_the_machines_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page is cut into stripes read at once, and the cuts decide tesseract's words: taken from
    the core count, this half-A screen read 86 words with two stripes and 81 with four. What a user
    hears must be what was measured, on any machine."""
    image = Image.open(SCREEN_PNG / "app-qt-menubar-letter.png")
    readings = []
    for cores in (2, 4):
        monkeypatch.setattr("os.cpu_count", lambda cores=cores: cores)
        readings.append(TesseractEngine().recognize(image).text)
    assert readings[0] == readings[1]
    assert len(readings[0].split()) > 50
