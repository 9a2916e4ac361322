"""The project tree widget: a ``QTreeView`` over a sorting proxy of :class:`ProjectModel`.

Drops are handled here rather than by ``QAbstractItemView``'s defaults, so that a drop always
lands in the folder *under the cursor* (or the folder of the file under the cursor, or the
disc's root on empty space) instead of between rows, which would mean nothing in a sorted
view.  Files from a file manager or the built-in browser arrive as ``text/uri-list`` and are
added; items dragged inside the tree are moved.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TR_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from app.core.errors import InvalidInputError
from app.core.project.model import Node, NodeKind
from app.ui.build.mime import NODES_MIME, local_paths
from app.ui.build.project_model import Column, ProjectModel
from app.ui.common.i18n import tr
from app.ui.common.theme import secondary_text

EMPTY_HINT = str(QT_TR_NOOP("Drag files and folders here\nor use Add Files… / Add Folder…"))
"""Translated where painted (``tr(EMPTY_HINT)``)."""

ModelIndex = QModelIndex | QPersistentModelIndex


class ProjectSortProxy(QSortFilterProxyModel):
    """Folders first, then by the clicked column; compares nodes directly (no ``data()``
    round trip), as sorted inserts into a large folder call it a dozen times per row."""

    def __init__(self, model: ProjectModel) -> None:
        super().__init__(model)
        self._model = model
        self.setSourceModel(model)
        self.setDynamicSortFilter(True)

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:  # noqa: N802
        column = left.column()
        model = self._model
        ka = model.name_key(left.internalId())
        kb = model.name_key(right.internalId())
        if ka[0] != kb[0]:
            # folders first whatever the direction (Qt reverses the result for descending)
            return ka[0] if self.sortOrder() is Qt.SortOrder.AscendingOrder else kb[0]
        if column == Column.NAME:
            return ka[1:] < kb[1:]
        project = model.project
        try:
            a = project.node(left.internalId())
            b = project.node(right.internalId())
        except InvalidInputError:
            return False
        if column == Column.SIZE:
            sa, sb = self._size(a), self._size(b)
            if sa != sb:
                return sa < sb
        else:
            ta = str(model.data(left, Qt.ItemDataRole.DisplayRole)).casefold()
            tb = str(model.data(right, Qt.ItemDataRole.DisplayRole)).casefold()
            if ta != tb:
                return ta < tb
        return ka[1:] < kb[1:]

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        # the proxy filters nothing, so ask the source: Qt's version builds (and sorts) the
        # folder's mapping just to draw the expand arrow of a collapsed folder
        return self._model.hasChildren(self.mapToSource(parent))

    def _size(self, node: Node) -> int:
        if node.is_folder:
            return self._model.folder_size(node)
        return node.size_bytes if node.kind is NodeKind.FILE else 0

    def node(self, index: ModelIndex) -> Node:
        return self._model.node(self.mapToSource(index))


class ProjectView(QTreeView):
    """See the module docstring."""

    def __init__(self, model: ProjectModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectTree")
        self.setAccessibleName(tr("Disc contents"))
        self.source_model = model
        self.proxy = ProjectSortProxy(model)
        self.setModel(self.proxy)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(Column.NAME, 250)
        header.resizeSection(Column.SIZE, 80)
        header.resizeSection(Column.ON_DISC, 190)
        self._drop_target: QPersistentModelIndex | None = None

    # ------------------------------------------------------------------ nodes
    def node_at(self, index: ModelIndex) -> Node:
        return self.proxy.node(index)

    def view_index(self, node: Node, column: int = 0) -> QModelIndex:
        return self.proxy.mapFromSource(self.source_model.index_of(node, column))

    def selected_nodes(self) -> list[Node]:
        """The selection without items inside a selected folder, in tree order."""
        rows = self.selectionModel().selectedRows(0)
        return self.source_model.top_level_nodes([self.proxy.mapToSource(i) for i in rows])

    def current_folder(self) -> Node:
        """Where "Add" and "New folder" put things: the selected folder, the selected file's
        folder, or the root."""
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return self.source_model.project.root
        return self.source_model.folder_for_drop(self.proxy.mapToSource(index))

    def select_nodes(self, nodes: list[Node]) -> None:
        selection = self.selectionModel()
        selection.clearSelection()
        first = True
        for node in nodes:
            index = self.view_index(node)
            if not index.isValid():
                continue
            self.scrollTo(index)
            flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            if first:
                selection.setCurrentIndex(index, flags)
                first = False
            else:
                selection.select(index, flags)

    # ------------------------------------------------------------------ drag and drop
    def _target_index(self, pos: QPoint) -> QModelIndex:
        """The source index of the folder a drop at ``pos`` lands in (invalid = the root)."""
        index = self.indexAt(pos)
        if not index.isValid():
            return QModelIndex()
        source = self.proxy.mapToSource(index.siblingAtColumn(0))
        folder = self.source_model.folder_for_drop(source)
        return self.source_model.index_of(folder)

    def _accepts(self, event: QDragMoveEvent | QDragEnterEvent | QDropEvent) -> bool:
        data = event.mimeData()
        if data.hasFormat(NODES_MIME):
            return bool(self.source_model.nodes_from_mime(data))
        return bool(local_paths(data))

    def _drop_action(self, event: QDragMoveEvent | QDropEvent) -> Qt.DropAction:
        internal = event.mimeData().hasFormat(NODES_MIME)
        return Qt.DropAction.MoveAction if internal else Qt.DropAction.CopyAction

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.setDropAction(self._drop_action(event))
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        target = self._target_index(event.position().toPoint())
        data = event.mimeData()
        ok = self.source_model.canDropMimeData(data, self._drop_action(event), -1, 0, target)
        self._set_drop_target(target if ok else None)
        if ok:
            event.setDropAction(self._drop_action(event))
            event.accept()
        else:
            event.ignore()
        self._auto_scroll(event.position().toPoint())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_target(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_target(None)
        if not self._accepts(event):
            event.ignore()
            return
        target = self._target_index(event.position().toPoint())
        action = self._drop_action(event)
        data = event.mimeData()
        if not self.source_model.canDropMimeData(data, action, -1, 0, target):
            event.ignore()
            return
        self.source_model.dropMimeData(data, action, -1, 0, target)
        # an internal move is already done: report a copy so the drag source removes nothing
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def _auto_scroll(self, pos: QPoint) -> None:
        margin = 16
        bar = self.verticalScrollBar()
        if pos.y() < margin:
            bar.setValue(bar.value() - bar.singleStep())
        elif pos.y() > self.viewport().height() - margin:
            bar.setValue(bar.value() + bar.singleStep())

    def _set_drop_target(self, source_index: QModelIndex | None) -> None:
        """Highlight the folder a drop would land in."""
        old = self._drop_target
        self._drop_target = (
            QPersistentModelIndex(source_index)
            if source_index is not None and source_index.isValid()
            else None
        )
        if old != self._drop_target:
            self.viewport().update()

    @property
    def drop_target(self) -> Node | None:
        if self._drop_target is None or not self._drop_target.isValid():
            return None
        return self.source_model.node(self._drop_target)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        palette = self.palette()
        if self._drop_target is not None and self._drop_target.isValid():
            index = self.proxy.mapFromSource(self._drop_target)
            rect = self.visualRect(index)
            rect.setLeft(0)
            rect.setRight(self.viewport().width() - 1)
            pen = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(1, 0, -1, -1), 3, 3)
        if self.proxy.rowCount() == 0:
            painter.setPen(secondary_text(palette))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            painter.setFont(font)
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, tr(EMPTY_HINT))
        painter.end()
