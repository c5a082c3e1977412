"""Qt ↔ Pillow image conversion and the app's icon, drawn in code (no image files to lose)."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPainterPath, QPen, QPixmap


def qimage_to_pil(image: QImage) -> Image.Image:
    """Copy a QImage into an RGB Pillow image (alpha is flattened onto white)."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = rgba.width(), rgba.height()
    data = bytes(rgba.constBits())[: rgba.sizeInBytes()]
    pil = Image.frombuffer("RGBA", (width, height), data, "raw", "RGBA", rgba.bytesPerLine(), 1)
    background = Image.new("RGB", pil.size, (255, 255, 255))
    background.paste(pil, mask=pil.getchannel("A"))
    return background


def pil_to_qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGBA")
    data = rgb.tobytes("raw", "RGBA")
    return QImage(data, rgb.width, rgb.height, rgb.width * 4, QImage.Format.Format_RGBA8888).copy()


def draw_icon(size: int = 64, busy: bool = False) -> QPixmap:
    """An eye inside a speech bubble; high contrast; orange when busy."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64.0
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c45500") if busy else QColor("#0b3d91"))
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(2 * s, 4 * s, 60 * s, 46 * s), 12 * s, 12 * s)
    tail = QPainterPath()
    tail.moveTo(14 * s, 46 * s)
    tail.lineTo(10 * s, 62 * s)
    tail.lineTo(28 * s, 48 * s)
    painter.drawPath(bubble.united(tail))
    eye = QPainterPath()
    eye.moveTo(12 * s, 27 * s)
    eye.quadTo(32 * s, 6 * s, 52 * s, 27 * s)
    eye.quadTo(32 * s, 48 * s, 12 * s, 27 * s)
    painter.setBrush(QColor("white"))
    painter.drawPath(eye)
    painter.setBrush(QColor("#0b3d91") if not busy else QColor("#c45500"))
    painter.drawEllipse(QPointF(32 * s, 27 * s), 8 * s, 8 * s)
    painter.setPen(QPen(QColor("white"), 2 * s))
    painter.setBrush(QColor("black"))
    painter.drawEllipse(QPointF(32 * s, 27 * s), 3.5 * s, 3.5 * s)
    painter.end()
    return pixmap


_ICONS: dict[bool, QIcon] = {}


def app_icon(busy: bool = False) -> QIcon:
    """The tray/window icon, drawn once per state and reused."""
    icon = _ICONS.get(busy)
    if icon is None:
        icon = QIcon()
        for size in (16, 22, 24, 32, 48, 64, 128):
            icon.addPixmap(draw_icon(size, busy))
        _ICONS[busy] = icon
    return icon
