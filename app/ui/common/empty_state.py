"""An empty-state block: a large symbolic icon, a heading, an explanation and optional
points, centred in the space it is given.  Colours come from the palette, so it reads in
light and dark schemes alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.common.icons import Symbol, symbol_pixmap
from app.ui.common.theme import mix, secondary_text, set_text_colour


class EmptyState(QWidget):
    def __init__(
        self,
        symbol: Symbol,
        heading: str,
        text: str,
        *,
        points: tuple[str, ...] = (),
        footnote: str = "",
        icon_px: int = 96,
        heading_scale: float = 1.6,
        max_text_width_px: int = 520,
        margin_px: int = 24,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._symbol = symbol
        self._icon_px = icon_px

        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading_label = QLabel(heading)
        self.heading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading_label.setWordWrap(True)
        font = self.heading_label.font()
        font.setPointSizeF(font.pointSizeF() * heading_scale)
        font.setWeight(font.Weight.DemiBold)
        self.heading_label.setFont(font)

        self.text_label = QLabel(text)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)

        # Word-wrapped labels only get the right height when the layout stretches them to
        # its width (no alignment flags), so the text column has a maximum width and is
        # centred by stretches around it.
        content = QWidget()
        content.setMaximumWidth(max_text_width_px)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.icon_label)
        column.addSpacing(max(8, icon_px // 5))
        column.addWidget(self.heading_label)
        column.addSpacing(8)
        column.addWidget(self.text_label)

        self.point_labels: list[QLabel] = []
        self._add_points(column, points)
        self._add_footnote(column, footnote)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(content, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(margin_px, margin_px, margin_px, margin_px)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)
        self._restyle()

    def _add_points(self, column: QVBoxLayout, points: tuple[str, ...]) -> None:
        if not points:
            return
        column.addSpacing(20)
        grid = QGridLayout()
        grid.setContentsMargins(24, 0, 24, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        for number, point in enumerate(points):
            bullet = QLabel("•")
            label = QLabel(point)
            label.setWordWrap(True)
            grid.addWidget(bullet, number, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, number, 1)
            self.point_labels += [bullet, label]
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)

    def _add_footnote(self, column: QVBoxLayout, footnote: str) -> None:
        self.footnote_label = QLabel(footnote)
        self.footnote_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.footnote_label.setWordWrap(True)
        self.footnote_label.setVisible(bool(footnote))
        if footnote:
            column.addSpacing(18)
            column.addWidget(self.footnote_label)
            small = self.footnote_label.font()
            small.setPointSizeF(small.pointSizeF() * 0.92)
            self.footnote_label.setFont(small)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        palette = self.palette()
        accent = mix(
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.Window),
            0.15,
        )
        self.icon_label.setPixmap(
            symbol_pixmap(self._symbol, accent, self._icon_px, self.devicePixelRatioF())
        )
        muted = secondary_text(palette)
        for label in (self.text_label, self.footnote_label, *self.point_labels):
            set_text_colour(label, muted)
