"""A live picture of a rip's ddrescue map: one cell per group of sectors, coloured by the
worst status in it (unreadable, failed and not yet split, untried, read)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.rip.mapfile import BlockStatus, MapBlock
from app.ui.common.i18n import tr

CELL_PX = 7
GAP_PX = 1
MAP_ROWS = 10

# worst first: a cell shows the most important status any of its sectors has
_RANK = {
    BlockStatus.BAD_SECTOR: 0,
    BlockStatus.NON_TRIMMED: 1,
    BlockStatus.NON_SCRAPED: 1,
    BlockStatus.NON_TRIED: 2,
    BlockStatus.FINISHED: 3,
}
COLOURS = {
    BlockStatus.BAD_SECTOR: QColor("#d64545"),
    BlockStatus.NON_TRIMMED: QColor("#e0a030"),
    BlockStatus.NON_SCRAPED: QColor("#e0a030"),
    BlockStatus.NON_TRIED: QColor("#9aa0a6"),
    BlockStatus.FINISHED: QColor("#3aa864"),
}


def cell_statuses(blocks: tuple[MapBlock, ...], size_bytes: int, cells: int) -> list[BlockStatus]:
    """The status of each of ``cells`` equal slices of ``size_bytes`` (worst wins)."""
    if cells <= 0 or size_bytes <= 0:
        return []
    result = [BlockStatus.FINISHED] * cells
    rank = [_RANK[BlockStatus.FINISHED]] * cells
    for block in blocks:
        first = block.pos_bytes * cells // size_bytes
        last = min(cells - 1, (block.end_bytes - 1) * cells // size_bytes)
        block_rank = _RANK[block.status]
        for cell in range(first, last + 1):
            if block_rank < rank[cell]:
                rank[cell] = block_rank
                result[cell] = block.status
    return result


class SectorMapView(QWidget):
    """Draws the map given by :meth:`set_blocks`; the legend lives in the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectorMap")
        self._blocks: tuple[MapBlock, ...] = ()
        self._size_bytes = 0
        self.setMinimumHeight(4 * (CELL_PX + GAP_PX))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setToolTip(
            tr(
                "Each square is a group of sectors: green read, grey not yet read, "
                "orange failed and still being split, red unreadable"
            )
        )

    def sizeHint(self) -> QSize:
        return QSize(480, MAP_ROWS * (CELL_PX + GAP_PX))

    def set_blocks(self, blocks: tuple[MapBlock, ...], size_bytes: int) -> None:
        if blocks != self._blocks or size_bytes != self._size_bytes:
            self._blocks, self._size_bytes = blocks, size_bytes
            self.update()

    def clear(self) -> None:
        self.set_blocks((), 0)

    def grid(self) -> tuple[int, int]:
        """(columns, rows) that fit the widget."""
        step = CELL_PX + GAP_PX
        return max(1, self.width() // step), max(1, self.height() // step)

    def statuses(self) -> list[BlockStatus]:
        columns, rows = self.grid()
        return cell_statuses(self._blocks, self._size_bytes, columns * rows)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._size_bytes:
            return
        painter = QPainter(self)
        painter.setPen(Qt.PenStyle.NoPen)
        columns, _rows = self.grid()
        step = CELL_PX + GAP_PX
        for index, status in enumerate(self.statuses()):
            row, column = divmod(index, columns)
            painter.setBrush(COLOURS[status])
            painter.drawRect(column * step, row * step, CELL_PX, CELL_PX)
        painter.end()
