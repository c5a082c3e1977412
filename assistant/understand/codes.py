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
from typing import Any

import numpy as np
from PIL import Image

log = logging.getLogger(__name__)

MAX_SIDE = 1200  # larger pictures are read at this size (codes survive it; zxing's time grows with pixels)
MAX_SAID = 3  # at most this many codes are said
# A barcode drawn with bars one or two pixels wide (a label rendered small, resampled) can defeat
# zxing at its own size; read again enlarged (Lanczos), only where rows of stripes show a barcode:
# at least STRIPE_ROWS rows in a row, each with STRIPE_EDGES light-dark edges, repeating row after
# row (letters do not). Wild half A: its three barcodes 139-142 such rows, every other picture <= 16.
RETRY_SCALES = (2.0, 3.0, 4.0)
RETRY_MAX_SIDE = 2400
STRIPE_EDGES, STRIPE_ROWS = 30, 24


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
    found = _read(zxingcpp, image)
    if not found and looks_striped(np.asarray(image)):
        for factor in RETRY_SCALES:
            size = (round(image.width * factor), round(image.height * factor))
            if max(size) > RETRY_MAX_SIDE:
                break
            found = _read(zxingcpp, image.resize(size, Image.Resampling.LANCZOS))
            if found:
                break
    codes = []
    for barcode in found:
        text = (barcode.text or "").strip()
        if not text or not getattr(barcode, "valid", True):
            continue
        kind, text = _kind(barcode.format.name, text)
        if Code(kind, text) not in codes:
            codes.append(Code(kind, text))
    return codes


def _read(zxingcpp: Any, image: Image.Image) -> list[Any]:
    try:
        return list(zxingcpp.read_barcodes(np.asarray(image)))  # (H, W) uint8
    except (RuntimeError, ValueError) as error:
        log.debug("code reading failed: %s", error)
        return []


def looks_striped(gray: np.ndarray) -> bool:
    """Rows of bars in a grey picture ``(H, W)``: a barcode zxing may have missed (~1 ms)."""
    if gray.ndim != 2 or gray.shape[0] < 2 or gray.shape[1] < 2:
        return False
    step = max(1, gray.shape[0] // 200)  # every step-th row: bars are tall (~2 ms on 1200 x 800)
    a = gray[::step].astype(np.int16)  # (H / step, W)
    dark = a < (int(a.max()) + int(a.min())) // 2
    busy = (dark[:, 1:] != dark[:, :-1]).sum(axis=1) >= STRIPE_EDGES  # (H / step,)
    repeats = (dark[1:] == dark[:-1]).mean(axis=1) >= 0.97  # a row like the one above
    run = longest = 0
    for ok in busy[1:] & busy[:-1] & repeats:
        run = run + 1 if ok else 0
        longest = max(longest, run)
    return longest * step >= STRIPE_ROWS


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
