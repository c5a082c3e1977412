"""QR codes and barcodes read with zxing-cpp and said plainly (issue #19: no OpenCV)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from assistant.understand.codes import Code, code_sentence, codes_sentence, read_codes
from assistant.understand.pictures import picture_lead

zxingcpp = pytest.importorskip("zxingcpp")
WILD = Path(__file__).resolve().parents[2] / "datasets" / "wild" / "images"


def drawn(text: str, kind: str) -> Image.Image:
    """The code drawn by zxing-cpp's own writer, on a white margin as printed."""
    code = zxingcpp.create_barcode(text, getattr(zxingcpp.BarcodeFormat, kind))
    picture = Image.fromarray(code.to_image(scale=4)).convert("RGB")
    framed = Image.new("RGB", (picture.width + 80, picture.height + 80), "white")
    framed.paste(picture, (40, 40))
    return framed


def test_qr_codes_and_barcodes_are_said() -> None:
    assert picture_lead(drawn("https://example.org/menu", "QRCode"), [], None) == (
        "QR code: a link to example.org/menu."
    )
    assert codes_sentence(drawn("590123412345", "EAN13")) == "Barcode EAN-13: 5901234123457."
    assert read_codes(drawn("03600029145", "UPCA")) == [Code("UPC-A", "036000291452")]
    assert codes_sentence(drawn("PARCEL-7731", "Code128")) == "Barcode Code 128: PARCEL-7731."
    assert code_sentence(Code("QR code", "WIFI:S:CafeGuest;T:WPA;P:secret;;")) == (
        "QR code: the Wi-Fi network CafeGuest."
    )
    assert codes_sentence(Image.new("RGB", (200, 120), "white")) is None


def test_a_photographed_label_is_read() -> None:
    with Image.open(WILD / "code_ean13_label.jpg") as photo:  # half A
        assert codes_sentence(photo) == "Barcode EAN-13: 4006381333931."


def test_a_code_on_a_photo_is_said_after_what_the_photo_shows() -> None:
    """A photo is no code picture, yet the label's barcode is what a person pointing at it wants."""
    from assistant.ocr.tesseract import TesseractEngine, tesseract_available
    from assistant.understand import understand

    if not tesseract_available():
        pytest.skip("tesseract-ocr is not installed")
    with Image.open(WILD / "code_ean13_label.jpg") as photo:  # half A
        said = understand(photo, captioner=None, ocr=TesseractEngine())
    assert said.kind == "photo"
    assert said.sentences[:2] == ["A photo.", "Barcode EAN-13: 4006381333931."]


def test_a_barcode_s_printed_digits_are_not_read_again() -> None:
    from assistant.ocr.boxes import OcrLine
    from assistant.ocr.layout import TextBlock
    from assistant.understand.picture_reading import picture_reading

    digits = TextBlock([OcrLine("5 901234 123457", (40, 200, 300, 220), 0.9)])  # printed under the bars
    label = TextBlock([OcrLine("Oat Flakes", (40, 10, 200, 30), 0.9)])
    reading = picture_reading(drawn("590123412345", "EAN13"), [label, digits], None)
    assert reading.lead == "Barcode EAN-13: 5901234123457."
    assert [b.text for b in reading.blocks] == ["Oat Flakes"]


def test_a_barcode_with_bars_a_pixel_wide_is_read_enlarged() -> None:
    """A Code 128 label shrunk to about 1.4 pixels a bar (as a small rendering or a screenshot scales
    it): zxing misses it at its own size; rows of stripes send it to an enlarged second reading."""
    import numpy as np
    from PIL import ImageDraw, ImageOps

    from assistant.understand.codes import _read, looks_striped

    code = zxingcpp.create_barcode("PARCEL-7731-XK", zxingcpp.BarcodeFormat.Code128)
    full = Image.fromarray(code.to_image(scale=4)).convert("L")
    small = full.resize((round(full.width * 0.35), 100), Image.Resampling.BILINEAR)
    label = ImageOps.expand(small, border=20, fill=255)
    assert not _read(zxingcpp, label)  # what a single reading finds
    assert looks_striped(np.asarray(label))
    assert read_codes(label.convert("RGB")) == [Code("Code 128", "PARCEL-7731-XK")]
    page = Image.new("L", (400, 200), 255)  # lines of letters are no stripes
    draw = ImageDraw.Draw(page)
    for row in range(12):
        draw.text((5, 5 + 16 * row), "Illumination ||| lilt mill ill 1111 " * 2, fill=0)
    assert not looks_striped(np.asarray(page))
