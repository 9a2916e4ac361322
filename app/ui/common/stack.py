"""A stacked widget that asks for the room of the page it shows, not of its largest page."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QWidget


class FittedStack(QStackedWidget):
    """QStackedWidget sizes itself to the largest of all its pages, shown or not; inside a
    scroll area that made the Image workspace taller than the window (the hidden convert
    view's height), so the status line with the Check result fell below the fold.  Here the
    hidden pages' size policy is Ignored, which QStackedLayout leaves out of its size hints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._policies: dict[int, QSizePolicy] = {}
        self.currentChanged.connect(self._fit)

    def addWidget(self, widget: QWidget) -> int:  # noqa: N802 (Qt override)
        self._policies[id(widget)] = widget.sizePolicy()
        index = super().addWidget(widget)
        self._fit()
        return index

    def _fit(self, _index: int = -1) -> None:
        ignored = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        current = self.currentWidget()
        for number in range(self.count()):
            page = self.widget(number)
            if page is None:
                continue
            page.setSizePolicy(
                self._policies.get(id(page), page.sizePolicy()) if page is current else ignored
            )
        self.updateGeometry()
