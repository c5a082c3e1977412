"""The clipboard image through xclip on a real Xvfb, with real selection owners."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from capture_x11_support import XClients, need, wait_for
from PIL import Image, ImageDraw

from assistant.capture.clipboard import NO_IMAGE, grab_clipboard_image
from assistant.errors import CaptureError, ImageLoadError

pytestmark = [pytest.mark.x11, pytest.mark.timeout(60)]


def _own_clipboard(x_clients: XClients, target: str, path: Path) -> subprocess.Popen[bytes]:
    """``xclip -quiet`` stays in the foreground owning the clipboard until stopped."""
    need("xclip", "xclip")
    proc = x_clients.start("xclip", "-quiet", "-selection", "clipboard", "-target", target, "-in", str(path))

    def owned() -> bool:
        result = subprocess.run(
            ["xclip", "-selection", "clipboard", "-target", "TARGETS", "-out"],
            env=x_clients.server.env(), capture_output=True, timeout=10,
        )  # fmt: skip
        return result.returncode == 0 and target.encode() in result.stdout

    wait_for(owned, what="xclip to own the clipboard")
    return proc


def test_png_on_the_clipboard(xvfb_display: str, x_clients: XClients, tmp_path: Path) -> None:
    picture = Image.new("RGBA", (120, 80), (0, 0, 0, 0))
    ImageDraw.Draw(picture).rectangle((0, 0, 59, 79), fill=(10, 150, 60, 255))
    picture.save(tmp_path / "copied.png")
    _own_clipboard(x_clients, "image/png", tmp_path / "copied.png")
    captured = grab_clipboard_image()
    assert captured.source == "clipboard" and captured.rect is None
    assert captured.image.mode == "RGB" and captured.image.size == (120, 80)
    assert captured.image.getpixel((10, 10)) == (10, 150, 60)
    assert captured.image.getpixel((100, 10)) == (255, 255, 255)  # transparency on white


def test_text_on_the_clipboard_is_no_image(xvfb_display: str, x_clients: XClients, tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("just some words")
    _own_clipboard(x_clients, "UTF8_STRING", tmp_path / "words.txt")
    with pytest.raises(CaptureError) as excinfo:
        grab_clipboard_image()
    assert str(excinfo.value) == NO_IMAGE == "There is no image on the clipboard."


def test_empty_clipboard(xvfb_display: str) -> None:
    with pytest.raises(CaptureError, match="There is no image on the clipboard"):
        grab_clipboard_image()


def test_damaged_image_on_the_clipboard(xvfb_display: str, x_clients: XClients, tmp_path: Path) -> None:
    good = tmp_path / "good.png"
    Image.new("RGB", (200, 200), (1, 2, 3)).save(good)
    (tmp_path / "cut.png").write_bytes(good.read_bytes()[:60])
    _own_clipboard(x_clients, "image/png", tmp_path / "cut.png")
    with pytest.raises(ImageLoadError) as excinfo:
        grab_clipboard_image()
    assert str(excinfo.value) == "The clipboard image is damaged or incomplete."


def test_copied_image_file(xvfb_display: str, x_clients: XClients, tmp_path: Path) -> None:
    """File managers copy files as text/uri-list; a copied image file is loaded."""
    photo = tmp_path / "holiday photo.jpg"
    Image.new("RGB", (64, 48), (250, 200, 0)).save(photo, quality=95)
    (tmp_path / "uris.txt").write_text(photo.as_uri() + "\r\n")
    _own_clipboard(x_clients, "text/uri-list", tmp_path / "uris.txt")
    captured = grab_clipboard_image()
    assert captured.image.size == (64, 48)
    assert all(abs(a - b) < 8 for a, b in zip(captured.image.getpixel((30, 20)), (250, 200, 0), strict=True))


def test_no_graphical_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with pytest.raises(CaptureError, match="no graphical session"):
        grab_clipboard_image()
