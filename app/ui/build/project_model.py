"""The Qt item model of the Build workspace: a live view over a core :class:`DiscProject`.

The model holds no copy of the tree.  A :class:`QModelIndex` carries the node's stable ``id``
(``internalId``); rows are the node's position among its parent's children.  Changes reach the
model in two ways:

* edits made through the model (:meth:`ProjectModel.remove`, :meth:`~ProjectModel.move`) are
  announced to the views *before* they happen (``beginRemoveRows``/``beginMoveRows``), as Qt
  requires for rows that disappear or move;
* everything else arrives from the project's observer hook (``DiscProject.subscribe``) after it
  happened: additions become ``beginInsertRows``/``endInsertRows`` (the new rows are read only
  at ``endInsertRows``), renames become ``dataChanged``.  A removal or move the model did not
  announce itself (someone else edited the project) resets the model, which is always correct.

Folder sizes are cached and kept up to date incrementally (each change adjusts its ancestors:
:class:`app.core.project.sizes.FolderSizes`), so painting a folder that holds 50,000 files
never walks them.  Drags carry the project's own MIME type (:mod:`app.ui.build.mime`).

The fourth column shows the naming report (:func:`app.core.project.naming.plan_names`): the
name a file system will record instead of the project's name, and why.  The report is
computed off the GUI thread (:class:`app.ui.build.analysis.AnalysisWatcher`) and handed to
:meth:`ProjectModel.set_naming`.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from app.core.errors import InvalidInputError
from app.core.project.analysis import NameIssue, short_issue
from app.core.project.model import DiscProject, Node, NodeKind, ProjectChange
from app.core.project.naming import NamingPlan
from app.core.project.sizes import FolderSizes
from app.core.units import format_size
from app.ui.build.file_icons import FileIcons
from app.ui.build.mime import (
    NODES_MIME,
    URI_LIST_MIME,
    local_paths,
    nodes_from_mime,
    nodes_mime_data,
)
from app.ui.build.missing_sources import missing_sentence
from app.ui.common.i18n import tr

_log = logging.getLogger(__name__)


ModelIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    NAME = 0
    SIZE = 1
    ON_DISC = 2
    TYPE = 3

    @property
    def title(self) -> str:
        return tr(_COLUMN_TITLES[self])


_COLUMN_TITLES = {
    Column.NAME: str(QT_TR_NOOP("Name")),
    Column.SIZE: str(QT_TR_NOOP("Size")),
    Column.TYPE: str(QT_TR_NOOP("Type")),
    Column.ON_DISC: str(QT_TR_NOOP("Name on disc")),
}

_COLUMN_COUNT = len(Column)
_ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
_NAME_FLAGS = _ITEM_FLAGS | Qt.ItemFlag.ItemIsEditable

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A sort key per column (folders first, then names case-insensitively, sizes as numbers)."""
NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 3
"""The naming report's text for the node, or ``""`` when every file system keeps the name."""


class ProjectModel(QAbstractItemModel):
    """Tree model over ``project`` (see the module docstring)."""

    project_replaced = Signal()
    """A different :class:`DiscProject` is now shown (new or opened project)."""
    contents_changed = Signal()
    """Nodes were added, removed, renamed or moved (sizes and names may differ)."""
    options_changed = Signal()
    """Volume, file-system, boot or medium options changed."""
    edit_failed = Signal(object)
    """An in-place edit was refused: the :class:`~app.core.errors.AppError` to show."""

    def __init__(self, project: DiscProject, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._announced: str | None = None
        self._hidden: tuple[Node, int] | None = None
        """(folder, row) of a node being announced as inserted; see ``_on_added``."""
        self._pending: dict[int, tuple[Node, int]] = {}
        """Folder id → (folder, first row not yet announced), during a batch of appends."""
        self._batch_depth = 0
        self._kids_cache: dict[int, tuple[Node, ...]] = {}
        self._name_keys: dict[int, tuple[bool, str, str]] = {}
        self._sizes = FolderSizes()
        self._plan: NamingPlan | None = None
        self._issues: dict[int, tuple[NameIssue, ...]] = {}
        self._icons = FileIcons()
        self._missing: set[int] = set()
        """Ids of items whose source on disk is gone (:meth:`set_missing`)."""
        self.rename_handler: Callable[[Node, str], None] | None = None
        """Called by in-place editing (``setData``); the page routes it through undo."""
        self.drop_handler: DropHandler | None = None
        project.subscribe(self._on_change)
        self._subscribed = True

    # ------------------------------------------------------------------ project
    @property
    def project(self) -> DiscProject:
        return self._project

    def set_project(self, project: DiscProject) -> None:
        """Show another project (New / Open)."""
        self.beginResetModel()
        self.detach()
        self._project = project
        self._sizes.clear()
        self._kids_cache.clear()
        self._name_keys.clear()
        self._pending.clear()
        self._plan = None
        self._issues.clear()
        self._missing.clear()
        project.subscribe(self._on_change)
        self._subscribed = True
        self.endResetModel()
        self.project_replaced.emit()

    def detach(self) -> None:
        """Stop observing the project (the model is going away); safe to call twice."""
        if self._subscribed:
            self._project.unsubscribe(self._on_change)
            self._subscribed = False

    # ------------------------------------------------------------------ nodes <-> indexes
    def node(self, index: ModelIndex) -> Node:
        """The node of ``index``; the root for an invalid index."""
        if not index.isValid():
            return self._project.root
        return self._project.node(index.internalId())

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(self._row_of(node), column, node.id)

    def folder_for_drop(self, index: ModelIndex) -> Node:
        """The folder a drop on ``index`` lands in: the folder itself, or a file's folder."""
        node = self.node(index)
        if node.is_folder:
            return node
        return node.parent if node.parent is not None else self._project.root

    # ------------------------------------------------------------------ Qt model API
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= _COLUMN_COUNT or row < 0:
            return QModelIndex()
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            try:
                folder = self._project.node(parent.internalId())
            except InvalidInputError:
                return QModelIndex()
        else:
            folder = self._project.root
        child = self._child_at(folder, row)
        if child is None:
            return QModelIndex()
        return self.createIndex(row, column, child.id)

    def name_key(self, node_id: int) -> tuple[bool, str, str]:
        """``(is folder, case-folded name, name)``: the sort key of the name column, cached
        (sorted inserts into a big folder compare a dozen times per row)."""
        key = self._name_keys.get(node_id)
        if key is None:
            try:
                node = self._project.node(node_id)
            except InvalidInputError:
                return (False, "", "")
            key = (node.is_folder, node.name.casefold(), node.name)
            self._name_keys[node_id] = key
        return key

    def _kids(self, folder: Node) -> tuple[Node, ...]:
        """``folder.children``, cached until the folder changes (``Node.children`` copies the
        list on each call, and views ask for rows of big folders thousands of times)."""
        kids = self._kids_cache.get(folder.id)
        if kids is None:
            kids = folder.children
            self._kids_cache[folder.id] = kids
        return kids

    def _row_in(self, folder: Node, node: Node) -> int:
        """The row of ``node`` in ``folder``; appended nodes (the common case) in O(1)."""
        kids = self._kids(folder)
        if kids and kids[-1] is node:
            return len(kids) - 1
        return kids.index(node)

    def _child_count(self, folder: Node) -> int:
        pending = self._pending.get(folder.id)
        count = pending[1] if pending is not None else len(self._kids(folder))
        hidden = self._hidden
        return count - 1 if hidden is not None and hidden[0] is folder else count

    def _child_at(self, folder: Node, row: int) -> Node | None:
        if row >= self._child_count(folder):
            return None
        hidden = self._hidden
        if hidden is not None and hidden[0] is folder and row >= hidden[1]:
            row += 1
        return self._kids(folder)[row]

    def _row_of(self, node: Node) -> int:
        folder = node.parent
        assert folder is not None
        row = self._row_in(folder, node)
        hidden = self._hidden
        if hidden is not None and hidden[0] is folder and row > hidden[1]:
            row -= 1
        return row

    def _index_of_folder(self, folder: Node) -> QModelIndex:
        if folder.parent is None:
            return QModelIndex()
        return self.createIndex(self._row_of(folder), 0, folder.id)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        try:
            node = self._project.node(index.internalId())
        except InvalidInputError:
            return QModelIndex()
        up = node.parent
        if up is None or up.parent is None:
            return QModelIndex()
        return self._index_of_folder(up)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        try:
            return self._child_count(self.node(parent))
        except InvalidInputError:
            return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return _COLUMN_COUNT

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return self.rowCount(parent) > 0

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Column(section).title
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        # constants: views ask for every row on each layout, and enum "|" is Python code
        if not index.isValid():
            return _ROOT_FLAGS
        return _NAME_FLAGS if index.column() == 0 else _ITEM_FLAGS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        try:
            node = self._project.node(index.internalId())
        except InvalidInputError:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(node, column, role)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            marked = column in (Column.NAME, Column.ON_DISC) and node.id in self._issues
            marked = marked or (column == Column.NAME and node.id in self._missing)
            return _warning_colour() if marked else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._data_extra(node, column, role)

    def _data_extra(self, node: Node, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(node)
        if role == SORT_ROLE:
            return self._sort_key(node, column)
        if role == NODE_ID_ROLE:
            return node.id
        if role == ISSUE_ROLE:
            return self.issue_text(node)
        return None

    def _decoration(self, node: Node, column: int) -> QIcon | None:
        if column == Column.NAME:
            return _warning_icon() if node.id in self._missing else self._icons.icon_for(node)
        issues = self._issues.get(node.id)
        if column == Column.ON_DISC and issues:
            return _error_icon() if any(i.blocking for i in issues) else _warning_icon()
        return None

    def setData(  # noqa: N802
        self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != Column.NAME:
            return False
        node = self.node(index)
        new_name = str(value)
        if new_name == node.name:
            return False
        try:
            if self.rename_handler is not None:
                self.rename_handler(node, new_name)
            else:
                self._project.rename(node, new_name)
        except InvalidInputError as exc:
            self.edit_failed.emit(exc)
            return False
        return True

    # ------------------------------------------------------------------ drag and drop
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [NODES_MIME, URI_LIST_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        return nodes_mime_data(self._project, self.top_level_nodes(indexes))

    def canDropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        folder = self.folder_for_drop(parent)
        if data.hasFormat(NODES_MIME):
            nodes = self.nodes_from_mime(data)
            return bool(nodes) and all(
                n is not folder and not n.is_ancestor_of(folder) for n in nodes
            )
        return bool(local_paths(data))

    def dropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        folder = self.folder_for_drop(parent)
        handler = self.drop_handler
        if handler is None:
            return False
        if data.hasFormat(NODES_MIME):
            handler.move_nodes(self.nodes_from_mime(data), folder)
            # the move is done here; returning False keeps the view from removing the
            # dragged rows itself (it would for a MoveAction that "succeeded")
            return False
        handler.add_paths(local_paths(data), folder)
        return True

    def nodes_from_mime(self, data: QMimeData) -> list[Node]:
        """The nodes of an internal drag (empty when it came from another project)."""
        return nodes_from_mime(self._project, data)

    def top_level_nodes(self, indexes: Sequence[ModelIndex]) -> list[Node]:
        """The distinct nodes of ``indexes`` without those inside another selected folder,
        in tree order (what a drag, a remove or a copy acts on)."""
        seen: dict[int, Node] = {}
        for index in indexes:
            if index.isValid():
                try:
                    node = self._project.node(index.internalId())
                except InvalidInputError:
                    continue
                seen.setdefault(node.id, node)
        chosen = [n for n in seen.values() if not _has_ancestor_in(n, seen)]
        return sorted(chosen, key=_tree_order_key)

    # ------------------------------------------------------------------ edits
    def remove(self, node: Node) -> tuple[Node, int]:
        """Remove ``node`` (with its subtree); returns its old (parent, row) for undo."""
        parent = node.parent
        if parent is None:
            raise InvalidInputError(tr("The disc's root folder cannot be removed."))
        self._project.node(node.id)  # raises when stale
        self._flush_pending()
        row = self._row_of(node)
        self.beginRemoveRows(self.index_of(parent), row, row)
        self._announced = "removed"
        try:
            self._project.remove(node)
        except Exception:
            self._announced = None
            self.endRemoveRows()
            self._resync()
            raise
        return parent, row

    def move(self, node: Node, folder: Node, row: int | None = None) -> None:
        """Move ``node`` into ``folder`` before ``row`` (appended when ``None``)."""
        old_parent = node.parent
        if old_parent is None:
            raise InvalidInputError(tr("The disc's root folder cannot be moved."))
        self._project.node(node.id)
        self._project.node(folder.id)
        if not folder.is_folder:
            raise InvalidInputError(
                tr("“{name}” is a file, not a folder.").format(name=folder.name)
            )
        if folder is node or node.is_ancestor_of(folder):
            raise InvalidInputError(
                tr("“{name}” cannot be moved into itself.").format(name=node.name)
            )
        if old_parent is not folder and folder.child(node.name) is not None:
            where = folder.path
            raise InvalidInputError(
                tr("“{name}” already exists in “{folder}”.").format(name=node.name, folder=where)
            )
        self._flush_pending()
        old_row = self._row_of(node)
        target = folder.child_count if row is None else max(0, min(row, folder.child_count))
        if old_parent is folder and target in (old_row, old_row + 1):
            return  # already there
        if not self.beginMoveRows(
            self.index_of(old_parent), old_row, old_row, self.index_of(folder), target
        ):
            raise InvalidInputError(tr("“{name}” cannot be moved there.").format(name=node.name))
        self._announced = "moved"
        try:
            self._project.move(node, folder, target)
        except Exception:
            self._announced = None
            self.endMoveRows()
            self._resync()
            raise

    def _resync(self) -> None:
        self.beginResetModel()
        self._sizes.clear()
        self._kids_cache.clear()
        self._name_keys.clear()
        self._pending.clear()
        self.endResetModel()
        self.contents_changed.emit()

    # ------------------------------------------------------------------ observer
    def begin_batch(self) -> None:
        """Collect appended rows instead of announcing each (see :meth:`end_batch`)."""
        self._batch_depth += 1

    def end_batch(self) -> None:
        """Announce the rows appended since :meth:`begin_batch`: one insertion per folder."""
        self._batch_depth -= 1
        if self._batch_depth == 0:
            changed = bool(self._pending)
            self._flush_pending()
            if changed:
                self.contents_changed.emit()

    def _flush_pending(self) -> None:
        # parents were added before their children, so dict order announces them first
        while self._pending:
            folder_id = next(iter(self._pending))
            folder, first = self._pending[folder_id]
            last = len(self._kids(folder)) - 1
            self.beginInsertRows(self.index_of(folder), first, last)
            del self._pending[folder_id]
            self.endInsertRows()

    def _on_change(self, change: ProjectChange) -> None:
        kind = change.kind
        if kind == "options":
            self.options_changed.emit()
            return
        node = change.node
        assert node is not None
        for folder in (node.parent, change.old_parent):
            if folder is not None:
                self._kids_cache.pop(folder.id, None)
        if kind == "added":
            self._on_added(node)
        elif kind == "renamed":
            self._name_keys.pop(node.id, None)
            self._flush_pending()
            first = self.index_of(node, 0)
            self.dataChanged.emit(first, first.siblingAtColumn(len(Column) - 1))
        elif kind in ("removed", "moved"):
            self._flush_pending()
            size = self._sizes.subtree(node)
            self._sizes.adjust(change.old_parent, -size)
            if kind == "moved":
                self._sizes.adjust(node.parent, size)
            if self._announced == kind:
                self._announced = None
                if kind == "removed":
                    self._sizes.forget(node)
                    self.endRemoveRows()
                else:
                    self.endMoveRows()
            else:
                _log.debug("unannounced %s of %r: resetting the model", kind, node)
                self._resync()
                return
        if not self._batch_depth:
            self.contents_changed.emit()

    def _on_added(self, node: Node) -> None:
        folder = node.parent
        assert folder is not None
        self._sizes.adjust(folder, self._sizes.subtree(node))
        row = self._row_in(folder, node)
        appended = row == len(self._kids(folder)) - 1
        if self._batch_depth and appended:
            # announced later in one range per folder (a pending folder's rows stay hidden)
            self._pending.setdefault(folder.id, (folder, row))
            return
        self._flush_pending()
        # the node is already in the tree; until endInsertRows the model hides it, so the
        # views see "before" counts while the insertion is announced (Qt's contract)
        self._hidden = (folder, row)
        try:
            self.beginInsertRows(self.index_of(folder), row, row)
        finally:
            self._hidden = None
        self.endInsertRows()

    # ------------------------------------------------------------------ folder sizes
    def folder_size(self, folder: Node) -> int:
        """Bytes of all files below ``folder`` (cached; see the module docstring)."""
        return self._sizes.of(folder)

    # ------------------------------------------------------------------ missing sources
    def set_missing(self, nodes: Sequence[Node]) -> None:
        """Mark ``nodes`` (from :func:`~app.ui.build.missing_sources.find_missing`) as gone on
        disk: warning icon and colour on the name, a tooltip line; only changed rows repaint."""
        old, self._missing = self._missing, {n.id for n in nodes}
        for node_id in old ^ self._missing:
            try:
                node = self._project.node(node_id)
            except InvalidInputError:
                continue
            cell = self.index_of(node, Column.NAME)
            if cell.isValid():
                self.dataChanged.emit(cell, cell)

    def is_missing(self, node: Node) -> bool:
        return node.id in self._missing

    # ------------------------------------------------------------------ naming report
    @property
    def naming_plan(self) -> NamingPlan | None:
        return self._plan

    def set_naming(self, plan: NamingPlan | None, issues: dict[int, tuple[NameIssue, ...]]) -> None:
        """Show ``issues`` (from :func:`~app.ui.build.analysis.issues_from_plan`): the
        warning colour of the NAME and ON_DISC cells and the ON_DISC icon; only the rows whose
        issues differ repaint, both marked cells (an undone rename loses its colour too)."""
        self._plan = plan
        old, self._issues = self._issues, issues
        for node_id in set(old) | set(issues):
            if old.get(node_id) == issues.get(node_id):
                continue
            try:
                node = self._project.node(node_id)
            except InvalidInputError:
                continue
            name_cell = self.index_of(node, Column.NAME)
            if name_cell.isValid():
                self.dataChanged.emit(name_cell, name_cell.siblingAtColumn(Column.ON_DISC))

    def issues_for(self, node: Node) -> tuple[NameIssue, ...]:
        return self._issues.get(node.id, ())

    def issue_text(self, node: Node) -> str:
        """One line per issue (``"Joliet records “…”: Joliet allows 64 characters …"``)."""
        return "\n".join(issue.sentence for issue in self.issues_for(node))

    # ------------------------------------------------------------------ presentation
    def _display(self, node: Node, column: int, role: int) -> object:
        if column == Column.NAME:
            return node.name
        if role == Qt.ItemDataRole.EditRole:
            return None
        if column == Column.SIZE:
            if node.kind is NodeKind.SYMLINK:
                return ""
            return format_size(self._sizes.subtree(node))
        if column == Column.TYPE:
            return self._icons.type_name(node)
        if column == Column.ON_DISC:
            issues = self._issues.get(node.id)
            return short_issue(issues) if issues else ""
        return None

    def _tooltip(self, node: Node, column: int) -> str:
        lines: list[str] = []
        if column == Column.ON_DISC and node.id in self._issues:
            lines.append(tr("“{name}” cannot be recorded as it is:").format(name=node.name))
            lines.extend(f"• {issue.sentence}" for issue in self._issues[node.id])
            return "\n".join(lines)
        lines.append(node.path)
        if node.id in self._missing:
            lines.append(missing_sentence(node))
        if node.kind is NodeKind.SYMLINK and node.target is not None:
            lines.append(tr("Link to {target}").format(target=node.target))
        if node.pieces is not None:
            lines.append(
                tr("From the image {image} (read from it when building)").format(image=node.source)
            )
        elif node.source is not None:
            lines.append(tr("From {source}").format(source=node.source))
        elif node.is_folder:
            lines.append(tr("New folder (not from disk)"))
        if node.id in self._issues:
            lines.append(self.issue_text(node))
        return "\n".join(lines)

    def _accessible_text(self, node: Node) -> str:
        kind = (
            tr("folder")
            if node.is_folder
            else tr("link")
            if node.kind is NodeKind.SYMLINK
            else tr("file")
        )
        text = f"{node.name}, {kind}, {format_size(self._sizes.subtree(node))}"
        if node.id in self._issues:
            text += ", " + short_issue(self._issues[node.id])
        return text

    def _sort_key(self, node: Node, column: int) -> object:
        folder_first = 0 if node.is_folder else 1
        if column == Column.SIZE:
            return (folder_first, self._sizes.subtree(node), node.name.casefold())
        if column == Column.TYPE:
            return (folder_first, self._icons.type_name(node).casefold(), node.name.casefold())
        if column == Column.ON_DISC:
            return (folder_first, 0 if node.id in self._issues else 1, node.name.casefold())
        return (folder_first, node.name.casefold(), node.name)


class DropHandler(Protocol):
    """What a drop onto the tree does (implemented by the Build page's editor)."""

    def move_nodes(self, nodes: list[Node], folder: Node, row: int | None = None) -> None: ...

    def add_paths(self, paths: list[Path], folder: Node) -> None: ...


def _has_ancestor_in(node: Node, ids: dict[int, Node]) -> bool:
    up = node.parent
    while up is not None:
        if up.id in ids:
            return True
        up = up.parent
    return False


def _tree_order_key(node: Node) -> tuple[int, ...]:
    rows: list[int] = []
    current: Node | None = node
    while current is not None and current.parent is not None:
        rows.append(current.index_in_parent())
        current = current.parent
    return tuple(reversed(rows))


def _warning_colour() -> QColor:
    app = QApplication.instance()
    dark = False
    if isinstance(app, QApplication):
        dark = app.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#f0b429") if dark else QColor("#9a5b00")


_ICONS: dict[str, QIcon] = {}


def _themed_icon(theme_name: str, fallback: QStyle.StandardPixmap) -> QIcon:
    icon = _ICONS.get(theme_name)
    if icon is None:
        icon = QIcon.fromTheme(theme_name)
        if icon.isNull():
            icon = QApplication.style().standardIcon(fallback)
        _ICONS[theme_name] = icon
    return icon


def _warning_icon() -> QIcon:
    return _themed_icon("dialog-warning", QStyle.StandardPixmap.SP_MessageBoxWarning)


def _error_icon() -> QIcon:
    return _themed_icon("dialog-error", QStyle.StandardPixmap.SP_MessageBoxCritical)
