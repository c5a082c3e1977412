"""Issue #16: photographed text said as what it is (a receipt, a price list, a page) and read in rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import layout_blocks
from assistant.understand.picture_reading import photo_said, photo_text_sentences, picture_reading
from assistant.understand.text_photos import fragments, photographed, rows, text_photo
from assistant.understand.trust import CANT_TELL, Assessment

MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")


def _line(text: str, x: int, y: int, height: int = 20, char: int = 11) -> OcrLine:
    words, cursor = [], x
    for word in text.split():
        words.append(OcrWord(word, (cursor, y, cursor + char * len(word), y + height), 0.95))
        cursor += char * (len(word) + 1)
    return OcrLine(text, (x, y, cursor - char, y + height), 0.95, words)


def tilted_receipt(slope: float = 0.09) -> list[OcrLine]:
    """A receipt's lines as a reader returns them from a tilted photo: names on the left, prices on
    the right, each price as high as the name half a row above it (the tilt)."""
    items = [("Tea", "2.10"), ("Scone", "3.40"), ("Jam", "0.80"), ("TOTAL", "6.30")]
    lines = [_line("TEA ROOM", 40, 20, 26)]
    for i, (name, price) in enumerate(items):
        y = 70 + 30 * i
        lines.append(_line(name, 40, y))
        lines.append(_line(price, 220, round(y + slope * (225 - 50))))
    return lines


def test_rows_pair_names_and_prices_across_the_tilt() -> None:
    for slope in (-0.09, 0.0, 0.09):
        said = rows(tilted_receipt(slope))
        assert said == ["TEA ROOM", "Tea 2.10", "Scone 3.40", "Jam 0.80", "TOTAL 6.30"], slope


def test_fragments_undo_a_row_joined_across_a_wide_gap() -> None:
    joined = _line("Scone", 40, 70)
    price = _line("3.40", 220, 70)
    row = OcrLine("Scone, 3.40", (40, 70, 260, 90), 0.9, joined.words + price.words)
    assert [ln.text for ln in fragments([row])] == ["Scone", "3.40"]


def test_kinds_receipt_price_list_page_sign() -> None:
    receipt = text_photo(tilted_receipt(), (300, 300))
    assert receipt is not None and receipt.kind == "receipt"
    assert receipt.lead == "A receipt: TEA ROOM."
    menu = [_line("Specials", 40, 20, 30), _line("Soup", 40, 70), _line("4.50", 220, 70)]
    menu += [_line("Pie", 40, 100), _line("3.80", 220, 100), _line("Fish", 40, 130), _line("9.00", 220, 130)]
    priced = text_photo(menu, (300, 300))
    assert priced is not None and priced.kind == "price list"
    prose = "the quick brown fox jumps over the lazy dog again and again"
    page = [_line("Chapter One", 40, 10, 26)] + [_line(prose, 40, 50 + 24 * i) for i in range(4)]
    found = text_photo(page, (600, 400))
    assert found is not None and found.kind == "page of text"
    assert found.pieces[0] == "Chapter One" and found.pieces[1].startswith("the quick brown fox")
    sign = text_photo([_line("NO", 60, 40, 90, 50), _line("PARKING", 40, 150, 50, 30)], (340, 440))
    assert sign is not None and sign.kind == "sign" and sign.pieces == ["NO PARKING"]
    assert text_photo([_line("a small caption under a photo", 10, 380, 12, 6)], (600, 400)) is None


def receipt_photo() -> Image.Image:
    """A receipt drawn on paper, on a wooden table, tilted, with camera noise and blur."""
    font = ImageFont.truetype(str(MONO), 20) if MONO.exists() else ImageFont.load_default()
    paper = Image.new("RGB", (300, 330), (248, 248, 242))
    draw = ImageDraw.Draw(paper)
    rows_drawn = [
        "CORNER SHOP",
        "",
        "Milk        1.20",
        "Bread       2.35",
        "Eggs        3.10",
        "",
        "TOTAL       6.65",
    ]
    for i, row in enumerate(rows_drawn):
        draw.text((20, 20 + 38 * i), row, font=font, fill=(30, 30, 30))
    rng = np.random.default_rng(3)
    table = np.zeros((460, 420, 3), np.float32) + np.array([150, 105, 65], np.float32)
    table += (np.sin(np.arange(420) / 7)[None, :, None] * 12).astype(np.float32)
    scene = Image.fromarray(table.astype(np.uint8)).convert("RGBA")
    tilted = paper.convert("RGBA").rotate(4, expand=True, resample=Image.Resampling.BICUBIC)
    scene.alpha_composite(tilted, (50, 50))
    noisy = np.asarray(scene.convert("RGB"), np.float32) + rng.normal(0, 4, (460, 420, 3))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))


def test_photographed_tells_camera_pictures_from_drawn_ones() -> None:
    assert photographed(receipt_photo())
    drawn = Image.new("RGB", (400, 300), "white")
    ImageDraw.Draw(drawn).rectangle([40, 40, 200, 120], fill=(200, 30, 30))
    assert not photographed(drawn)
    ramp = np.repeat(np.linspace(40, 220, 200, dtype=np.uint8)[:, None, None], 300, axis=1)
    assert not photographed(Image.fromarray(np.repeat(ramp, 3, axis=2)))  # a title bar's gradient


def test_photo_text_sentences_for_a_receipt_but_not_a_sign() -> None:
    image = Image.new("RGB", (300, 300))
    said = photo_text_sentences(image, tilted_receipt(), None)
    assert said == ["A receipt: TEA ROOM.", "Tea 2.10.", "Scone 3.40.", "Jam 0.80.", "TOTAL 6.30."]
    assert photo_text_sentences(image, [_line("STOP", 60, 40, 90, 50)], None) is None


@pytest.mark.timeout(90)
def test_a_photographed_receipt_is_no_screen() -> None:
    from assistant.ocr import available_ocr_engines, create_ocr_engine

    if "rapidocr" not in available_ocr_engines():
        pytest.skip("the photo text reader is not installed")
    photo = receipt_photo()
    reader = create_ocr_engine("rapidocr")
    blocks = layout_blocks(reader.recognize(photo).lines, [])
    reading = picture_reading(photo, blocks, None, photo_ocr=reader, pictures=["A picture."])
    assert reading.lead == "A receipt: CORNER SHOP."
    said = [b.text for b in reading.blocks]
    assert "Milk 1.20" in said and "TOTAL 6.65" in said
    assert reading.pictures == []  # the receipt's paper is no picture on a screen


def test_a_sign_keeps_the_engine_text_of_its_lines() -> None:
    """RapidOCR's word boxes may split a word ("W", "ET"); a sign is read from the engine's lines."""
    line = _line("CAUTION W ET FLOOR", 40, 40, 40, 14)
    whole = OcrLine("CAUTION WET FLOOR", line.box, line.confidence, line.words)
    sign = text_photo([whole], (300, 300))
    assert sign is not None and sign.lead == "A sign: CAUTION WET FLOOR."


def test_a_sign_is_what_a_photo_the_gate_cannot_tell_shows() -> None:
    image = Image.new("RGB", (300, 300))
    sign = [_line("Main Street", 60, 40, 90, 50)]  # large in the picture: a sign
    cant = f"{CANT_TELL} Mostly green and blue."
    assert photo_said(image, sign, None, None, cant) == ["A sign: Main Street."]
    # After a caption the photo's text is quoted as before; small text is no sign.
    assert photo_said(image, sign, None, None, None) == ["With the text 'Main Street'."]
    small = [_line("Main Street", 60, 40, 12)]
    assert photo_said(image, small, None, None, cant) == [cant, "With the text 'Main Street'."]
    assert photo_said(image, [], None, None, cant) == [cant]
    meme = [_line("WHEN THE ALARM RINGS", 40, 10, 50), _line("FIVE MORE MINUTES", 40, 240, 50)]
    assert text_photo(meme, (300, 300)) is None  # captions at the top and bottom of a picture: no sign
    assert photo_said(image, meme, None, None, cant)[0] == cant
    said = photo_said(image, tilted_receipt(), None, None, cant)  # a receipt says what it is, too
    assert said[0] == "A receipt: TEA ROOM." and cant not in said


UNSURE = Assessment(False, f"{CANT_TELL} Mostly green.", 0.4, None, "unlike the training photos")


@dataclass
class _Unsure:
    """A caption the trust gate gave up on (what the gate attaches to a real result)."""

    text: str = "A man is standing in front of a building."
    log_prob: float = -3.0
    mean_log_prob: float = -0.3
    confidence: float | None = None
    trust: Assessment = UNSURE


@pytest.mark.timeout(180)
def test_a_photographed_sign_is_said_as_one_not_as_cant_tell() -> None:
    """Issue #16: "I can't tell what this picture shows. ... With the text 'OPEN'." for a photo of a
    sign is now "A sign: OPEN." (the "can't tell" is held until the photo's text is known)."""
    from assistant.ocr import available_ocr_engines, create_ocr_engine
    from assistant.understand import understand
    from tests.fixtures_screens import pillow_scenes

    if "rapidocr" not in available_ocr_engines():
        pytest.skip("the photo text reader is not installed")

    class Captioner:
        def caption(self, image: Image.Image) -> _Unsure:
            return _Unsure()

    rapid = create_ocr_engine("rapidocr")
    image = pillow_scenes.photo_with_sign(640, 480, 5, "OPEN")
    heard: list[str] = []
    result = understand(image, captioner=Captioner(), ocr=rapid, photo_ocr=rapid, on_sentence=heard.append)
    assert result.kind == "photo"
    assert heard == result.sentences == ["A sign: OPEN."]
