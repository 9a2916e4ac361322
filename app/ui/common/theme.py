"""Light and dark colour schemes.

Spindle follows the desktop's light/dark setting by default: it sets no palette of its own, so
the platform's palette applies and follows the desktop's switches.  When the user
forces a scheme, Spindle tells Qt (``QStyleHints.setColorScheme``, honoured by platform
themes that support it) and also installs a matching palette, because styles such as Fusion
on a desktop without a platform theme do not switch palettes by themselves.

Widgets never hard-code colours: they read palette roles, and helpers here derive the few
extra shades (the mode bar's background, secondary text) from the current palette.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from app.ui.common.settings import Theme


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def mix(a: QColor, b: QColor, amount_b: float) -> QColor:
    """``a`` blended with ``amount_b`` (0..1) of ``b``."""
    keep = 1.0 - amount_b
    return QColor(
        round(a.red() * keep + b.red() * amount_b),
        round(a.green() * keep + b.green() * amount_b),
        round(a.blue() * keep + b.blue() * amount_b),
    )


def secondary_text(palette: QPalette) -> QColor:
    """Text colour for secondary lines: the text colour faded toward the background."""
    return mix(
        palette.color(QPalette.ColorRole.WindowText),
        palette.color(QPalette.ColorRole.Window),
        0.4,
    )


def set_text_colour(widget: QWidget, colour: QColor) -> None:
    """Give ``widget`` its own text colour.  Both text roles are set: a label drawn on a
    Base-coloured parent uses Text, one on a Window-coloured parent WindowText."""
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, colour)
    widget.setPalette(palette)


def frame_outline(palette: QPalette) -> QColor:
    """The colour of a control's frame (text fields, check boxes, progress bars) in a dark
    palette: far enough from both the window and the field background to show."""
    return mix(
        palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Text), 0.45
    )


def sidebar_background(palette: QPalette) -> QColor:
    """A shade slightly apart from the window background, in the direction that shows."""
    window = palette.color(QPalette.ColorRole.Window)
    return window.lighter(115) if is_dark(palette) else window.darker(104)


def _dark_palette() -> QPalette:
    window = QColor(0x2B, 0x2D, 0x31)
    base = QColor(0x1F, 0x21, 0x24)
    text = QColor(0xE8, 0xE9, 0xEB)
    disabled = QColor(0x80, 0x83, 0x88)
    highlight = QColor(0x7C, 0x78, 0xFF)
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(0x26, 0x28, 0x2C),
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(0x35, 0x37, 0x3C),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(0xFF, 0x6B, 0x6B),
        QPalette.ColorRole.Light: QColor(0x45, 0x47, 0x4D),
        QPalette.ColorRole.Midlight: QColor(0x3A, 0x3C, 0x41),
        QPalette.ColorRole.Mid: QColor(0x25, 0x27, 0x2B),
        QPalette.ColorRole.Dark: QColor(0x18, 0x19, 0x1C),
        QPalette.ColorRole.Shadow: QColor(0x0C, 0x0C, 0x0E),
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: QColor(0xFF, 0xFF, 0xFF),
        QPalette.ColorRole.Link: QColor(0x9C, 0x99, 0xFF),
        QPalette.ColorRole.LinkVisited: QColor(0xC0, 0x9C, 0xFF),
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(0x4A, 0x4C, 0x52)
    )
    return palette


def _light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(0x4F, 0x4A, 0xE6))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(0xFF, 0xFF, 0xFF))
    return palette


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Switch the application's colour scheme (takes effect at once)."""
    hints = QGuiApplication.styleHints()
    if theme is Theme.SYSTEM:
        hints.unsetColorScheme()
        # a palette with nothing set (resolve mask 0) hands the palette back to the platform,
        # which then keeps following the desktop's light/dark switches
        app.setPalette(QPalette())
    elif theme is Theme.DARK:
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(_dark_palette())
    else:
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(_light_palette(app))


_FRAMED_PRIMITIVES = frozenset(
    {
        QStyle.PrimitiveElement.PE_FrameLineEdit,
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        QStyle.PrimitiveElement.PE_Frame,
        QStyle.PrimitiveElement.PE_FrameGroupBox,
    }
)
_FRAMED_CONTROLS = frozenset({QStyle.ControlElement.CE_ProgressBarGroove})
_FRAMED_COMPLEX = frozenset({QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_GroupBox})
_OUTLINE_FACTOR = 140
_DISABLED_DIMMING = 10
"""Fusion draws a frame in ``Window.darker(140)``: on a dark palette that is the colour of
the field itself, so the frame vanishes."""


def _with_visible_outline(option: QStyleOption, factor: int = _OUTLINE_FACTOR) -> QPalette | None:
    """In a dark palette, give ``option`` a Window colour from which Fusion derives a visible
    frame (its outline is ``Window.darker(140)``); returns the palette to restore, or None
    when nothing was changed."""
    original = QPalette(option.palette)
    if not is_dark(original):
        return None
    patched = QPalette(original)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        patched.setColor(group, QPalette.ColorRole.Window, frame_outline(original).lighter(factor))
    # a disabled control keeps its frame too (Fusion draws it fainter on its own): an
    # unticked, greyed check box must not vanish ("Simulate" before a disc is checked)
    patched.setColor(
        QPalette.ColorGroup.Disabled,
        QPalette.ColorRole.Window,
        frame_outline(original).lighter(factor),
    )
    option.palette = patched
    return original


class SpindleStyle(QProxyStyle):
    """The platform's style with two changes: dialog buttons without icons (Fusion's OK and
    Cancel icons look dated next to the symbolic icons), and in a dark palette the frames of
    text fields, spin boxes, check boxes, radio buttons and progress bars drawn in a colour
    that shows (:func:`frame_outline`)."""

    def drawPrimitive(  # noqa: N802 (Qt override)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        original = None
        if element in _FRAMED_PRIMITIVES:
            # Fusion rings a radio button in a darker shade of Window than the other frames
            radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
            original = _with_visible_outline(option, 150 if radio else _OUTLINE_FACTOR)
        super().drawPrimitive(element, option, painter, widget)
        if original is not None:
            option.palette = original

    def drawControl(  # noqa: N802 (Qt override)
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        original = _with_visible_outline(option) if element in _FRAMED_CONTROLS else None
        super().drawControl(element, option, painter, widget)
        if original is not None:
            option.palette = original

    def drawComplexControl(  # noqa: N802 (Qt override)
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        original = _with_visible_outline(option) if control in _FRAMED_COMPLEX else None
        super().drawComplexControl(control, option, painter, widget)
        if original is not None:
            option.palette = original

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        return_data: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, return_data)
