"""The kind classifier on pictures drawn here: flat UI, photo-like noise, a photo in a page."""

from __future__ import annotations

from PIL import Image, ImageDraw

from assistant.ocr.base import OcrResult
from assistant.ocr.boxes import OcrLine
from assistant.understand import classify_kind
from tests.fixtures_screens import pillow_scenes
from tests.support.screens import SCREEN_PNG


def text_lines(n: int, words_each: int, x: int = 40, size: tuple[int, int] = (1280, 800)) -> OcrResult:
    lines = [
        OcrLine(" ".join(["word"] * words_each), (x, 40 + i * 24, x + 60 * words_each, 56 + i * 24), 0.9)
        for i in range(n)
    ]
    return OcrResult(lines=lines, image_size=size)


def flat_ui() -> Image.Image:
    img = Image.new("RGB", (1280, 800), (240, 240, 240))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 1280, 40), fill=(40, 50, 70))
    for i in range(10):
        d.rounded_rectangle(
            (40, 80 + i * 60, 400, 120 + i * 60), radius=6, fill=(255, 255, 255), outline=(180,) * 3
        )
    return img


def test_flat_interface_is_a_screen_without_photo_regions() -> None:
    result = classify_kind(flat_ui(), text_lines(8, 2))
    assert result.kind == "screen"
    assert result.photo_regions == []
    assert result.scores["photo_fraction"] == 0.0


def test_photo_like_picture_is_a_photo() -> None:
    result = classify_kind(pillow_scenes.photo_like(640, 480, 1), OcrResult(lines=[], image_size=(640, 480)))
    assert result.kind == "photo"
    assert result.scores["photo_fraction"] > 0.85


def test_small_photo_is_a_photo() -> None:
    assert classify_kind(pillow_scenes.photo_like(224, 224, 2), None).kind == "photo"


def test_photo_inside_a_page_is_mixed_and_located() -> None:
    page = flat_ui()
    page.paste(pillow_scenes.photo_like(400, 300, 3), (600, 200))
    result = classify_kind(page, text_lines(10, 3))
    assert result.kind == "mixed"
    assert len(result.photo_regions) == 1
    x0, y0, x1, y1 = result.photo_regions[0]
    assert abs(x0 - 600) <= 32 and abs(y0 - 200) <= 32 and abs(x1 - 1000) <= 32 and abs(y1 - 500) <= 32


def test_dark_photo_without_text_around_is_still_a_photo() -> None:
    img = Image.new("RGB", (640, 480), (0, 0, 0))  # clipped black half, like a night photo
    img.paste(pillow_scenes.photo_like(640, 240, 4), (0, 240))
    assert classify_kind(img, OcrResult(lines=[], image_size=(640, 480))).kind == "photo"


def test_prose_page_is_a_document_and_a_menu_screen_is_not() -> None:
    page = Image.new("RGB", (1280, 800), "white")
    prose = text_lines(24, 10, size=(1280, 800))
    assert classify_kind(page, prose).kind == "document"
    menu = OcrResult(lines=[*prose.lines[:3], *text_lines(6, 1, x=1000).lines], image_size=(1280, 800))
    assert classify_kind(page, menu).kind == "screen"


def test_prose_in_a_window_with_a_title_bar_is_a_screen() -> None:
    """A man page in a terminal reads like a page of prose, but its window's title bar (found in
    the pixels of a real screenshot) makes the picture a screen."""

    from assistant.ocr.panels import find_panels

    shot = SCREEN_PNG / "man-ls.png"
    image = Image.open(shot).convert("RGB")
    prose = text_lines(24, 10, x=60, size=image.size)
    assert classify_kind(image, prose).kind == "document"  # the same text without its window
    prose.panels = find_panels(image)
    assert classify_kind(image, prose).kind == "screen"


def test_tiny_and_odd_images_do_not_crash() -> None:
    assert classify_kind(Image.new("L", (5, 3)), None).kind == "screen"
    assert classify_kind(Image.new("RGBA", (64, 64), (0, 0, 0, 0)), None).kind == "screen"
