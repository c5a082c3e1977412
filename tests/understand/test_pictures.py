"""Issue #16: non-photo picture files said as what they are: QR codes, charts, lone drawn pictures."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.understand import understand
from assistant.understand.colours import colours_sentence, main_colours
from assistant.understand.pictures import chart_kind, picture_lead, qr_sentence, qr_text
from assistant.understand.trust import CANT_TELL

COLOURS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189)]


def _axes(draw: ImageDraw.ImageDraw) -> None:
    draw.line([(60, 300), (440, 300)], fill=(0, 0, 0), width=2)
    draw.line([(60, 40), (60, 300)], fill=(0, 0, 0), width=2)


def bar_chart() -> Image.Image:
    image = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(image)
    _axes(draw)
    for i, h in enumerate((120, 200, 90, 240, 170)):
        draw.rectangle([80 + i * 70, 300 - h, 130 + i * 70, 300], fill=COLOURS[0])
    return image


def pie_chart() -> Image.Image:
    image = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(image)
    start = 0.0
    for share, colour in zip((0.4, 0.25, 0.2, 0.15), COLOURS, strict=False):
        draw.pieslice([120, 60, 360, 300], start, start + 360 * share, fill=colour)
        start += 360 * share
    return image


def line_chart() -> Image.Image:
    image = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(image)
    _axes(draw)
    points = [(70 + x * 6, 170 - 80 * math.sin(x / 8)) for x in range(60)]
    draw.line(points, fill=COLOURS[1], width=3)
    return image


def area_chart() -> Image.Image:
    image = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(image)
    _axes(draw)
    top = [(70 + x * 6, 200 - 60 * math.sin(x / 10)) for x in range(60)]
    draw.polygon([(70, 299), *top, (424, 299)], fill=COLOURS[2])
    return image


def three_line_chart() -> Image.Image:
    """Three series that cross one another: one coloured region crossing each column up to 3 times."""
    image = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(image)
    _axes(draw)
    for k, colour in enumerate(COLOURS[:3]):
        points = [(70 + x * 6, 170 - 70 * math.sin(x / 8 + 2 * k)) for x in range(60)]
        draw.line(points, fill=colour, width=3)
    return image


def close_bar_chart() -> Image.Image:
    """Bars of close values (pass rates 82, 88, 91, 95 %)."""
    image = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(image)
    _axes(draw)
    for k, value in enumerate((82, 88, 91, 95)):
        draw.rectangle([90 + k * 80, 299 - 2.5 * value, 140 + k * 80, 299], fill=COLOURS[0])
    return image


def scatter_chart() -> Image.Image:
    image = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(image)
    _axes(draw)
    rng = np.random.default_rng(3)
    for x, y in zip(rng.uniform(80, 430, 40), rng.uniform(50, 290, 40), strict=True):
        draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=COLOURS[0])
    return image


@pytest.mark.parametrize(
    ("render", "kind"),
    [
        (bar_chart, "bar"),
        (pie_chart, "pie"),
        (line_chart, "line"),
        (area_chart, "area"),
        (scatter_chart, "scatter"),
        (three_line_chart, "line"),
        (close_bar_chart, "bar"),
    ],
)
def test_charts_are_named_by_their_marks(render: Callable[[], Image.Image], kind: str) -> None:
    assert chart_kind(render()) == kind


def test_text_and_flat_shapes_are_no_chart() -> None:
    page = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(page)
    for row in range(12):
        draw.text((20, 20 + row * 25), "Lorem ipsum dolor sit amet, consectetur", fill=(0, 0, 0))
    assert chart_kind(page) is None
    assert chart_kind(Image.new("RGB", (200, 200), (30, 90, 200))) is None  # all one colour


def test_a_qr_code_is_read_and_said_plainly() -> None:
    cv2 = pytest.importorskip("cv2")
    code = cv2.QRCodeEncoder.create().encode("https://example.org/menu")  # (n, n) uint8 modules
    picture = Image.fromarray(code).resize((code.shape[1] * 8, code.shape[0] * 8), Image.Resampling.NEAREST)
    framed = Image.new("RGB", (picture.width + 80, picture.height + 80), "white")
    framed.paste(picture.convert("RGB"), (40, 40))
    assert qr_text(framed) == "https://example.org/menu"
    assert picture_lead(framed, [], None) == "QR code: a link to example.org/menu."
    assert qr_sentence("WIFI:S:CafeGuest;T:WPA;P:secret;;") == "QR code: the Wi-Fi network CafeGuest."
    assert qr_sentence("Meet at gate 12") == "QR code: 'Meet at gate 12'."
    assert qr_text(bar_chart()) is None


def test_a_lone_picture_without_a_captioner_is_not_made_up() -> None:
    icon = Image.new("RGB", (128, 128), "white")
    ImageDraw.Draw(icon).rounded_rectangle([20, 30, 108, 100], 10, fill=(90, 150, 220))
    result = understand(icon, captioner=None, ocr=None)
    assert result.text == f"{CANT_TELL} Mostly blue, on a white background."  # the thing, then its ground


def test_main_colours_in_plain_words() -> None:
    scene = Image.new("RGB", (200, 200), (90, 140, 230))  # sky
    ImageDraw.Draw(scene).rectangle([0, 110, 200, 200], fill=(60, 150, 60))  # grass
    ImageDraw.Draw(scene).ellipse([40, 100, 160, 190], fill=(120, 80, 40))  # something brown
    assert colours_sentence(scene) == "Mostly blue, green and brown."
    assert main_colours(Image.new("RGB", (50, 50), (250, 250, 250))) == ["white"]
    assert main_colours(Image.new("RGB", (50, 50), (10, 10, 10))) == ["black"]


def _table() -> Image.Image:
    image = Image.new("RGB", (640, 300), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=22)
    draw.text((200, 15), "Train Timetable", fill=(0, 0, 0), font=font)
    rows = [
        ("Train", "To", "Departs", "Platform"),
        ("IC 101", "York", "08:15", "4"),
        ("IC 105", "Leeds", "09:40", "2"),
        ("RE 7", "Hull", "10:05", "1"),
        ("IC 110", "Derby", "11:30", "3"),
    ]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            draw.text((30 + c * 150, 70 + r * 42), cell, fill=(0, 0, 0), font=font)
        draw.line([(20, 102 + r * 42), (620, 102 + r * 42)], fill=(160, 160, 160), width=1)
    return image


@pytest.mark.timeout(120)
def test_a_table_picture_is_said_to_be_a_table() -> None:
    from assistant.ocr import create_ocr_engine

    result = understand(_table(), captioner=None, ocr=create_ocr_engine("auto"))
    assert result.sentences[0] == "A table.", result.text
    assert "Timetable" in result.text


def _labelled_bar_chart() -> Image.Image:
    """A bar chart with a title and one short capitalised label under each bar: the lowest row of
    short capitalised words, which on a screen would be a dialog's buttons."""
    image = bar_chart()
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=18)
    draw.text((150, 10), "Coffee Sales", fill=(0, 0, 0), font=font)
    for i, name in enumerate(("Latte", "Mocha", "Tea", "Flat", "Cold")):
        draw.text((82 + i * 70, 310), name, fill=(0, 0, 0), font=font)
    return image


@pytest.mark.timeout(120)
def test_a_charts_labels_are_no_buttons() -> None:
    from assistant.ocr import create_ocr_engine

    result = understand(_labelled_bar_chart(), captioner=None, ocr=create_ocr_engine("auto"))
    assert result.sentences[0] == "A bar chart.", result.text
    assert "Latte" in result.text and "Buttons" not in result.text, result.text


def test_the_ground_a_picture_stands_on_is_no_chart_mark() -> None:
    """A window of text on a saturated desktop (a dark green wallpaper, as under icewm) is no area
    chart; an area chart on a tinted backdrop still is one."""
    desktop = Image.new("RGB", (960, 540), (45, 59, 42))
    draw = ImageDraw.Draw(desktop)
    draw.rectangle([100, 40, 860, 400], fill="white", outline=(0, 0, 0))
    for row in range(12):
        draw.text((150, 90 + row * 20), "The association keeps twelve hives on the hill", fill=(0, 0, 0))
    assert chart_kind(desktop) is None
    backdrop = np.asarray(area_chart()).copy()
    backdrop[(backdrop == 255).all(axis=2)] = (214, 232, 246)  # a pale blue backdrop instead of white
    assert chart_kind(Image.fromarray(backdrop)) == "area"


def test_window_colours_are_no_chart_marks() -> None:
    """What windows draw in colour on a screenshot is no chart: a frame's straight edges (no line),
    a title bar or a text panel's ground with letters in it (no area), a table's stripes of two
    heights (no bars), a keypad's coloured keys in rows and columns (no scatter)."""
    frame = Image.new("RGB", (800, 500), "white")
    draw = ImageDraw.Draw(frame)
    draw.line([(70, 40), (70, 400), (680, 400)], fill=COLOURS[0], width=3)  # an L of a window's border
    assert chart_kind(frame) is None
    panel = Image.new("RGB", (800, 500), "white")
    draw = ImageDraw.Draw(panel)
    draw.rectangle([40, 40, 760, 300], fill=(0, 0, 170))
    for x in (44, 300, 420, 756):  # a panel's box-drawing column rules
        draw.line([(x, 44), (x, 296)], fill="white", width=2)
    for row in range(12):
        draw.text((50, 45 + row * 20), "Name      Size  Modify time" * 3, fill="white")
        draw.line([(44, 58 + row * 20), (756, 58 + row * 20)], fill=(0, 170, 170), width=2)
    assert chart_kind(panel) is None
    stripes = Image.new("RGB", (800, 500), "white")
    draw = ImageDraw.Draw(stripes)
    for top, height in ((50, 16), (110, 16), (170, 8)):
        draw.rectangle([60, top, 600 if height > 8 else 380, top + height], fill=COLOURS[1])
    assert chart_kind(stripes) is None
    keypad = Image.new("RGB", (800, 500), "white")
    draw = ImageDraw.Draw(keypad)
    for row in range(5):
        for column in range(4):
            x, y = 200 + column * 60, 100 + row * 50
            draw.rectangle([x, y, x + 14, y + 12], fill=COLOURS[2])
    assert chart_kind(keypad) is None
