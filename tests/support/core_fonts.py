"""X core bitmap fonts (xfonts-base's PCF files) as PIL draws them, for tests of what reads them."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from PIL import ImageFont, PcfFontFile

CORE = Path("/usr/share/fonts/X11/misc")


def core_font(name: str, tmp: Path) -> ImageFont.ImageFont:
    """The X core font ``name`` ("6x10", "7x13B"): every glyph the X server's own bitmap, as xterm
    draws it. Skips the test when the font is not installed (xfonts-base)."""
    pcf = CORE / f"{name}-ISO8859-1.pcf.gz"
    if not pcf.exists():
        pytest.skip(f"needs the X core font {name} (xfonts-base)")
    with gzip.open(pcf) as fp:
        PcfFontFile.PcfFontFile(fp).save(str(tmp / name))  # type: ignore[arg-type]
    font = ImageFont.load(str(tmp / f"{name}.pil"))
    assert isinstance(font, ImageFont.ImageFont)
    return font
