"""Spindle's own SVG icons, shipped inside the package (``package-data``) so that the same
lookup works from a source tree, a pip install and the pyinstaller bundle.

Two kinds of icon live here:

* the application icon, ``org.spindle.Spindle.svg`` (the name the freedesktop ``.desktop``
  file asks for), with a variant drawn for 16 to 24 px;
* symbolic icons (24 px grid, one colour).  Their strokes use the word ``currentColor``,
  which :func:`symbolic_icon` replaces with a colour taken from the palette, so they follow
  the light or dark theme instead of hard-coding black.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app import APP_ID

ICON_DIR = Path(__file__).resolve().parent
APP_ICON_SIZES_PX = (16, 22, 24, 32, 48, 64, 128, 256)
SMALL_ICON_MAX_PX = 24
"""Up to this size the hinted ``-small`` drawing of the application icon is used."""


class Symbol(enum.Enum):
    """The symbolic icons; the value is the file's stem."""

    BUILD = "build"
    READ = "read"
    WRITE = "write"
    IMAGE = "image"
    DRIVE = "drive"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


def icon_path(stem: str) -> Path:
    """The path of ``<stem>.svg`` in the package; raises FileNotFoundError when missing."""
    path = ICON_DIR / f"{stem}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"icon {path} is missing from the installation")
    return path


def render_svg(data: bytes, size_px: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    """Render SVG ``data`` into a transparent square pixmap of ``size_px`` logical pixels."""
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        raise ValueError("not a valid SVG document")
    physical = max(1, round(size_px * device_pixel_ratio))
    image = QImage(physical, physical, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, physical, physical))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def app_icon() -> QIcon:
    """The application icon at the usual sizes (hinted drawing for the small ones)."""
    large = icon_path(APP_ID).read_bytes()
    small = icon_path(f"{APP_ID}-small").read_bytes()
    icon = QIcon()
    for size in APP_ICON_SIZES_PX:
        icon.addPixmap(render_svg(small if size <= SMALL_ICON_MAX_PX else large, size))
    return icon


def tinted_svg(symbol: Symbol, color: QColor) -> bytes:
    """The symbol's SVG with ``currentColor`` replaced by ``color``."""
    text = icon_path(symbol.value).read_text(encoding="utf-8")
    return text.replace("currentColor", color.name(QColor.NameFormat.HexRgb)).encode("utf-8")


def symbol_pixmap(
    symbol: Symbol, color: QColor, size_px: int, device_pixel_ratio: float = 1.0
) -> QPixmap:
    return render_svg(tinted_svg(symbol, color), size_px, device_pixel_ratio)


def symbolic_icon(
    symbol: Symbol,
    color: QColor,
    *,
    checked_color: QColor | None = None,
    disabled_color: QColor | None = None,
    sizes_px: tuple[int, ...] = (16, 20, 24, 32, 48),
    device_pixel_ratio: float = 1.0,
) -> QIcon:
    """A QIcon of ``symbol`` in ``color`` (and ``checked_color`` for the checked state)."""
    icon = QIcon()
    for size in sizes_px:
        icon.addPixmap(
            symbol_pixmap(symbol, color, size, device_pixel_ratio),
            QIcon.Mode.Normal,
            QIcon.State.Off,
        )
        if checked_color is not None:
            on = symbol_pixmap(symbol, checked_color, size, device_pixel_ratio)
            icon.addPixmap(on, QIcon.Mode.Normal, QIcon.State.On)
            icon.addPixmap(on, QIcon.Mode.Active, QIcon.State.On)
        if disabled_color is not None:
            icon.addPixmap(
                symbol_pixmap(symbol, disabled_color, size, device_pixel_ratio),
                QIcon.Mode.Disabled,
                QIcon.State.Off,
            )
    return icon


def distinct_colours(pixmap: QPixmap, limit: int = 16) -> int:
    """How many distinct ARGB values ``pixmap`` holds (up to ``limit``): a blank render
    has one, a real icon many.  Used by the self-test and the tests."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    seen: set[int] = set()
    for y in range(image.height()):
        for x in range(image.width()):
            seen.add(image.pixel(x, y))
            if len(seen) >= limit:
                return len(seen)
    return len(seen)


def icon_size(px: int) -> QSize:
    return QSize(px, px)
