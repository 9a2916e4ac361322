"""The mode switcher on the left of the main window: one tall button per workspace, with its
icon above its name, in a strip shaded apart from the pages.  Colours are derived from the
palette and recomputed when it changes (light/dark switch)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QButtonGroup, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from app.ui.common.i18n import tr
from app.ui.common.icons import symbolic_icon
from app.ui.common.theme import is_dark, mix, sidebar_background
from app.ui.common.workspaces import Workspace

BAR_WIDTH_PX = 84
ICON_PX = 26
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class ModeBar(QWidget):
    workspace_selected = Signal(object)
    """(Workspace) the user picked a workspace."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modeBar")
        self.setFixedWidth(BAR_WIDTH_PX)
        self.background = sidebar_background(QGuiApplication.palette())
        self.buttons: dict[Workspace, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._restyling = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 12, 6, 12)  # the widest German name, bold, fits
        layout.setSpacing(6)
        for workspace in Workspace:
            button = QToolButton()
            button.setObjectName(f"{workspace.value}ModeButton")
            button.setText(workspace.title)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(QSize(ICON_PX, ICON_PX))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(64)
            button.setToolTip(
                tr("{summary} ({shortcut})").format(
                    summary=workspace.summary, shortcut=workspace.shortcut
                )
            )
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(
                lambda _checked=False, w=workspace: self.workspace_selected.emit(w)
            )
            self._group.addButton(button)
            self.buttons[workspace] = button
            layout.addWidget(button)
        layout.addStretch(1)
        # A widget with a style sheet does not inherit palette changes, so the bar watches the
        # application for them (light/dark switches).
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._restyle()

    def set_current(self, workspace: Workspace) -> None:
        self.buttons[workspace].setChecked(True)

    def current(self) -> Workspace | None:
        for workspace, button in self.buttons.items():
            if button.isChecked():
                return workspace
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is QGuiApplication.instance()
            and event.type() == QEvent.Type.ApplicationPaletteChange
            and not self._restyling
        ):
            self._restyle()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _PALETTE_EVENTS and not self._restyling:
            self._restyle()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.background)
        palette = QGuiApplication.palette()
        painter.setPen(
            mix(
                palette.color(QPalette.ColorRole.WindowText),
                palette.color(QPalette.ColorRole.Window),
                0.85,
            )
        )
        painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        painter.end()

    def _restyle(self) -> None:
        self._restyling = True
        try:
            app_palette = QGuiApplication.palette()
            background = sidebar_background(app_palette)
            self.background = background
            text = app_palette.color(QPalette.ColorRole.WindowText)
            accent = app_palette.color(QPalette.ColorRole.Highlight)
            dark = is_dark(app_palette)
            accent_text = accent.lighter(135) if dark else accent.darker(110)
            hover = mix(background, text, 0.07)
            checked = mix(background, accent, 0.22 if dark else 0.14)
            muted = mix(text, background, 0.25)
            self.setStyleSheet(
                "QToolButton { border: none; border-radius: 10px;"
                f" padding: 8px 0px 6px 0px; color: {muted.name()}; }}"
                f"QToolButton:hover {{ background: {hover.name()}; }}"
                f"QToolButton:checked {{ background: {checked.name()};"
                f" color: {accent_text.name()}; font-weight: 600; }}"
                f"QToolButton:focus {{ outline: none; border: 1px solid {accent.name()}; }}"
            )
            for workspace, button in self.buttons.items():
                button.setIcon(
                    symbolic_icon(
                        workspace.symbol,
                        muted,
                        checked_color=accent_text,
                        device_pixel_ratio=self.devicePixelRatioF(),
                    )
                )
            self.update()
        finally:
            self._restyling = False
