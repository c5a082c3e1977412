"""QR codes and barcodes in a picture, decoded and said plainly (issue #16; zxing-cpp since issue #19).

"QR code: a link to example.org/menu." or "Barcode EAN-13: 5901234123457." A blind user who points
the assistant at a product label or a poster wants what the code says, not "black and white
stripes". zxing-cpp (a 2 MB wheel) reads QR codes and the retail and logistics barcodes; it replaced
OpenCV's QR detector, which came with RapidOCR and weighed 173 MB (issue #19). A code read with a
checksum error is not said: a wrong number is worse than none.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from PIL import Image

log = logging.getLogger(__name__)

MAX_SIDE = 1200  # larger pictures are read at this size (codes survive it; zxing's time grows with pixels)
MAX_SAID = 3  # at most this many codes are said


@dataclass(frozen=True)
class Code:
    kind: str  # "QR code", "EAN-13", "UPC-A", "Code 128", ...
    text: str

    @property
    def is_qr(self) -> bool:
        return self.kind in ("QR code", "Micro QR code")


# zxing-cpp's format names (BarcodeFormat.name) -> how they are said.
SPOKEN_KINDS = {
    "QRCode": "QR code",
    "MicroQRCode": "Micro QR code",
    "EAN13": "EAN-13",
    "EAN8": "EAN-8",
    "UPCA": "UPC-A",
    "UPCE": "UPC-E",
    "Code128": "Code 128",
    "Code39": "Code 39",
    "Code93": "Code 93",
    "ITF": "ITF",
    "Codabar": "Codabar",
    "DataMatrix": "Data Matrix",
    "PDF417": "PDF417",
    "Aztec": "Aztec code",
}


def _kind(format_name: str, text: str) -> tuple[str, str]:
    """The spoken kind and text; an EAN-13 that starts with 0 is a UPC-A (zxing reads UPC-A as EAN-13)."""
    if format_name == "EAN13" and len(text) == 13 and text.startswith("0"):
        return "UPC-A", text[1:]
    return SPOKEN_KINDS.get(format_name, format_name), text


def read_codes(rgb: Image.Image) -> list[Code]:
    """Every QR code and barcode zxing-cpp reads in the picture (valid ones only); [] when zxing-cpp
    is missing or finds none."""
    try:
        import zxingcpp
    except ImportError:
        log.debug("zxing-cpp is not installed: codes are not read")
        return []
    image = rgb.convert("L")
    scale = min(1.0, MAX_SIDE / max(image.size))
    if scale < 1.0:
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
    try:
        found = zxingcpp.read_barcodes(np.asarray(image))  # (H, W) uint8
    except (RuntimeError, ValueError) as error:
        log.debug("code reading failed: %s", error)
        return []
    codes = []
    for barcode in found:
        text = (barcode.text or "").strip()
        if not text or not getattr(barcode, "valid", True):
            continue
        kind, text = _kind(barcode.format.name, text)
        if Code(kind, text) not in codes:
            codes.append(Code(kind, text))
    return codes


def qr_sentence(text: str) -> str:
    """How a QR code's content is said: a link, a Wi-Fi network, or its text."""
    lowered = text.lower()
    if lowered.startswith(("http://", "https://")):
        return f"QR code: a link to {text.split('://', 1)[1].rstrip('/')}."
    if lowered.startswith("wifi:"):
        fields = dict(part.split(":", 1) for part in text[5:].split(";") if ":" in part)
        return f"QR code: the Wi-Fi network {fields.get('S', 'with no name')}."
    return f"QR code: '{text}'."


def code_sentence(code: Code) -> str:
    if code.is_qr:
        return qr_sentence(code.text)
    return f"Barcode {code.kind}: {code.text}."


def codes_sentence(rgb: Image.Image) -> str | None:
    """What the picture's codes say, one sentence each (None: no code read)."""
    codes = read_codes(rgb)
    return " ".join(code_sentence(code) for code in codes[:MAX_SAID]) or None
