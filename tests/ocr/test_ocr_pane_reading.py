"""Windows found from the pixels read one by one (assistant.ocr.pane_reading), on real screens."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from assistant.ocr.boxes import centre_in
from assistant.ocr.pane_reading import _ground, _shown, pane_pictures, read_panes
from assistant.ocr.panels import Panel, find_panels, unframed
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG


def _framed(name: str) -> tuple[Image.Image, list[Panel]]:
    image = Image.open(SCREEN_PNG / f"{name}.png").convert("RGB")
    panels = [p for p in find_panels(image) if p.bar is not None]
    return image, panels


def test_each_window_is_a_picture_of_its_own_with_what_covers_it_painted_flat() -> None:
    # half A: a message box over a terminal, on an empty desktop
    image, panels = _framed("multi-xmessage-over-notes")
    assert len(panels) == 2
    pictures = pane_pictures(image, panels)
    assert len(pictures) == 2  # nothing on the desktop but the windows
    top = panels[0]  # topmost first
    (pic_top, *_), (pic_under, ux, uy) = pictures
    assert pic_top.width < image.width and pic_under.width < image.width
    # Where the message box lies over the terminal, the terminal's picture is one flat colour.
    x0, y0, x1, y1 = top.box
    over = np.asarray(pic_under)[max(0, y0 - uy) + 4 : y1 - uy - 4, max(0, x0 - ux) + 4 : x1 - ux - 4]
    assert over.size > 0
    assert np.ptp(over.reshape(-1, 3), axis=0).max() == 0


@pytest.mark.skipif(not tesseract_available(), reason="needs tesseract")
@pytest.mark.timeout(120)
def test_no_line_runs_from_one_window_into_another() -> None:
    image, panels = _framed("multi-xmessage-over-notes")
    result = read_panes(TesseractEngine(), unframed(image, panels), panels)
    assert len(result.lines) >= 8
    for line in result.lines:
        inside = [p for p in panels if centre_in(line.box, p.box)]
        assert inside, line.text
        x0, _, x1, _ = line.box
        top = inside[0]  # the topmost window under the line's middle holds all of it
        assert top.box[0] - 16 <= x0 and x1 <= top.box[2] + 16, line.text
    words = " ".join(line.text for line in result.lines)
    assert "Backup" in words


def test_a_windows_ground_is_numpys_median_of_what_shows_of_it() -> None:
    # half A: each window, the desktop round them, and odd and even counts of a window's rows
    # (the median of an even count is the mean of the middle two, rounded down as astype does).
    image, panels = _framed("multi-xmessage-over-notes")
    rgb = np.asarray(image)
    shown = [_shown(panel, image.size) for panel in panels]
    areas = [*shown, ~np.logical_or.reduce(shown)]
    for rows in (slice(None), slice(0, 301), slice(0, 302)):
        for where in areas:
            part, inside = rgb[rows], where[rows]
            want = np.median(part[inside], axis=0).astype(np.uint8) if inside.any() else np.full(3, 255)
            assert np.array_equal(_ground(part, inside), want)
