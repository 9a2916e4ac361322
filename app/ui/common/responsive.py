"""A row of panels that stacks them when the window is too narrow to put them side by side."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget


class ResponsiveRow(QWidget):
    """Its widgets side by side where they fit at their minimum widths, else one above the
    other.  Its minimum width is the widest single widget's, so a scroll area around the page
    can shrink it to a 1024 px window with the Drives pane open instead of scrolling sideways."""

    def __init__(self, *widgets: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._widgets = widgets
        for widget in widgets:
            self._row.addWidget(widget, 1)

    @property
    def stacked(self) -> bool:
        return self._row.direction() == QBoxLayout.Direction.TopToBottom

    def side_by_side_width(self) -> int:
        """The width the widgets need next to each other."""
        spacing = max(self._row.spacing(), 0) * (len(self._widgets) - 1)
        return sum(w.minimumSizeHint().width() for w in self._widgets) + spacing

    def minimumSizeHint(self) -> QSize:
        widest = max((w.minimumSizeHint().width() for w in self._widgets), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self.side_by_side_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self._row.direction() != wanted:
            self._row.setDirection(wanted)
            self.updateGeometry()
        super().resizeEvent(event)
