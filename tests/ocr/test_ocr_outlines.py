"""Keypads and dials untangled: stipple and the outlines round keys left out, so each key's label is
a place of its own (assistant.ocr.outlines, used by the second look); text height measured for
tesseract's scale (assistant.ocr.text_height)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.outlines import despeckled, frame_mask, tidied_box
from assistant.ocr.second_look import SecondLookConfig, unread_places
from assistant.ocr.text_height import ScaleConfig, line_heights, reading_scale

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
KEYS = [["sin", "cos", "tan"], ["7", "8", "9"], ["4", "5", "6"], ["1", "2", "3"], ["0", "EE", "ln"]]


def _stippled_keypad() -> Image.Image:
    """Athena-like keys: rounded outlines a few pixels apart on a stippled ground (xcalc in colour)."""
    ground = np.full((300, 260), 217, dtype=np.uint8)
    for y in range(0, 300, 2):
        ground[y, y % 4 :: 4] = 179  # one dot in four, as Athena's stipple
    image = Image.fromarray(ground)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 12)
    for r, row in enumerate(KEYS):
        for c, key in enumerate(row):
            x, y = 20 + 76 * c, 30 + 50 * r
            draw.rounded_rectangle((x, y, x + 66, y + 40), radius=6, fill=218, outline=150, width=2)
            left, top, right, bottom = draw.textbbox((0, 0), key, font=font)
            draw.text((x + 33 - (right - left) / 2, y + 20 - (bottom + top) / 2), key, font=font, fill=0)
    return image


def test_stipple_dots_go_and_one_pixel_strokes_stay() -> None:
    gray = np.full((40, 40), 217, dtype=np.uint8)
    gray[::4, ::4] = 179  # stipple
    gray[10:30, 22] = 40  # a letter's stem, one pixel wide
    out = despeckled(gray)
    assert (out[::4, ::4] > 200).all()
    assert (out[10:30, 22] == 40).all()


def test_outlines_round_labels_are_found_and_the_labels_are_not() -> None:
    gray = np.asarray(_stippled_keypad())
    mask = frame_mask(despeckled(gray))
    assert mask[30:71, 20].mean() > 0.6  # a key's left side
    labels = gray < 100  # the letters' strokes
    assert (mask & labels).sum() < 0.02 * labels.sum()


def test_a_lone_big_letter_is_no_outline() -> None:
    image = Image.new("L", (120, 120), 255)
    ImageDraw.Draw(image).text((10, 0), "O", font=ImageFont.truetype(FONT, 90), fill=0)
    assert not frame_mask(np.asarray(image)).any()


def test_a_stippled_keypad_gives_one_place_per_key() -> None:
    gray = np.asarray(_stippled_keypad())
    places = unread_places(gray, [], SecondLookConfig())
    keys = [(20 + 76 * c, 30 + 50 * r) for r in range(len(KEYS)) for c in range(3)]
    # Nearly every key holds a place of its own (a lone "7" may be too little ink), none spans two.
    own = [
        any(p[0] >= x - 8 and p[2] <= x + 74 and p[1] >= y - 8 and p[3] <= y + 48 for p in places)
        for x, y in keys
    ]
    assert sum(own) >= len(keys) - 2, own
    assert all(p[3] - p[1] < 50 and p[2] - p[0] < 76 for p in places)
    # Without the untangling the keypad is one tangle and nothing in it is a place.
    assert not unread_places(gray, [], SecondLookConfig(max_tangles=0))


def test_small_text_is_scaled_up_and_ordinary_text_is_not() -> None:
    def lines(size: int) -> np.ndarray:
        image = Image.new("L", (400, 200), 255)
        draw = ImageDraw.Draw(image)
        for k in range(6):
            draw.text(
                (5, 5 + k * (size + 6)),
                "Copy the folders every night",
                font=ImageFont.truetype(FONT, size),
                fill=0,
            )
        return np.asarray(image)

    small, ordinary = lines(8), lines(16)
    assert 6 <= np.median(line_heights(small)) <= 11
    assert reading_scale(small, 1.5, ScaleConfig()) > 1.6
    assert reading_scale(ordinary, 1.5, ScaleConfig()) == 1.5
    assert reading_scale(np.full((50, 50), 255, dtype=np.uint8), 1.5) == 1.5  # no text: the default


def test_a_buttons_outline_is_painted_out_and_plain_text_is_left_alone() -> None:
    from assistant.ocr.outlines import tidied_box

    image = Image.new("L", (140, 40), 255)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((4, 4, 70, 34), radius=12, outline=0, width=1)
    draw.text((14, 10), "Okay", font=ImageFont.truetype(FONT, 14), fill=0)
    gray = np.asarray(image)
    found = tidied_box(gray, (0, 0, 140, 40))
    assert found is not None
    box, patch = found
    assert box == (0, 0, 140, 40) and patch.shape == gray.shape
    assert (patch[4:35, 4] > 200).all() and (patch[4, 20:60] > 200).all()  # the outline is gone
    assert (patch[10:30, 14:60] < 100).sum() >= 0.9 * (gray[10:30, 14:60] < 100).sum()  # the word stays
    plain = Image.new("L", (140, 40), 255)
    ImageDraw.Draw(plain).text((14, 10), "Okay", font=ImageFont.truetype(FONT, 14), fill=0)
    assert tidied_box(np.asarray(plain), (0, 0, 140, 40)) is None


def test_lines_of_a_tiny_font_one_empty_row_apart_are_cut_apart() -> None:
    from assistant.ocr.ink import line_bands

    gray = np.full((60, 120), 255, dtype=np.uint8)
    for top in (2, 12, 22, 32):  # 6x10-like: 8 rows of letters, 2 empty rows between lines
        gray[top : top + 8, 4:110:3] = 0
        gray[top + 2, 4:110:2] = 0
    gray[44, 10] = 0  # the dot of an "i" above a line
    gray[46:54, 4:110:3] = 0
    bands = line_bands(gray, (0, 0, 120, 60), 24)
    assert len(bands) == 5, bands
    assert bands[-1][0] <= 44  # the dot stays with its line


def test_a_dotted_zero_in_a_line_of_figures_is_no_outline() -> None:
    """DejaVu Sans Mono draws its zero with a dot inside: a ring holding something, as a key's
    border holds its label. In a display's "0.5" (half A calc-qt-fusion-wide) the figure beside it
    tells it is a letter; a place cut round "0." alone is judged with that neighbour in sight."""
    gray = np.full((60, 160), 255, dtype=np.uint8)
    image = Image.fromarray(gray)
    ImageDraw.Draw(image).text((20, 10), "0.5", font=ImageFont.truetype(FONT, 32), fill=0)
    gray = np.asarray(image)
    cols = np.flatnonzero((gray < 128).any(axis=0))
    zero = cols[cols < cols[0] + 20]  # the zero's columns (the dot after it lies further right)
    assert not frame_mask(gray).any()
    assert tidied_box(gray, (10, 5, int(zero[-1]) + 12, 55)) is None  # "0." alone, the "5" beside it
    # A key's border round a dotted zero is an outline still: no figure stands beside the key.
    boxed = np.full((80, 80), 255, dtype=np.uint8)
    image = Image.fromarray(boxed)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((5, 5, 74, 74), radius=6, outline=120, width=2)
    draw.text((28, 20), "0", font=ImageFont.truetype(FONT, 28), fill=0)
    assert frame_mask(np.asarray(image))[5:75, 5].mean() > 0.6
