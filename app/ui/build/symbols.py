"""Undo and redo arrows drawn for Spindle (24 px grid, one colour), because the styles'
fallbacks for ``edit-undo``/``edit-redo`` are plain triangles that read as "play", and an icon
theme's arrows are drawn for one background (black arrows on a dark palette).  They take their
colour from the palette: redraw them when it changes (:meth:`BuildActions.follow_palette`)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette

from app.ui.common.icons import render_svg
from app.ui.common.theme import mix

_UNDO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
    'stroke="{colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
    '<path d="M8 5 4 9l4 4"/><path d="M4 9h10a5 5 0 0 1 0 10h-4"/></svg>'
)
_REDO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
    'stroke="{colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
    '<path d="m16 5 4 4-4 4"/><path d="M20 9H10a5 5 0 0 0 0 10h4"/></svg>'
)
SIZES_PX = (16, 20, 24, 32)


def _icon(template: str, palette: QPalette) -> QIcon:
    normal = palette.color(QPalette.ColorRole.WindowText)
    disabled = mix(palette.color(QPalette.ColorRole.Window), normal, 0.35)
    icon = QIcon()
    for colour, mode in ((normal, QIcon.Mode.Normal), (disabled, QIcon.Mode.Disabled)):
        data = template.format(colour=QColor(colour).name()).encode("utf-8")
        for size in SIZES_PX:
            icon.addPixmap(render_svg(data, size), mode)
    return icon


def undo_icon(palette: QPalette) -> QIcon:
    return _icon(_UNDO, palette)


def redo_icon(palette: QPalette) -> QIcon:
    return _icon(_REDO, palette)
