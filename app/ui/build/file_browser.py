"""A browser of the local file system beside the project: drag from it into the project, or
select and press "Add to Project" (Enter / double-click does the same).

``QFileSystemModel`` lists folders on its own thread and drags its items as
``text/uri-list``, the same format a file manager sends, so the project tree needs one drop
path for both.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileSystemModel,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.i18n import tr


class _BrowserView(QTreeView):
    activated_with_keyboard = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.selectionModel().hasSelection()
        ):
            self.activated_with_keyboard.emit()
            return
        super().keyPressEvent(event)


class FileBrowser(QWidget):
    """See the module docstring."""

    add_requested = Signal(object)
    """``list[Path]``: the selected files and folders, to add to the project."""

    def __init__(self, start: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileBrowser")
        self.model = QFileSystemModel(self)
        self.model.setFilter(
            QDir.Filter.AllEntries | QDir.Filter.NoDotAndDotDot | QDir.Filter.System
        )
        self.model.setReadOnly(True)
        self.model.setRootPath(QDir.rootPath())

        self.view = _BrowserView()
        self.view.setObjectName("fileBrowserView")
        self.view.setAccessibleName(tr("Files on this computer"))
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setUniformRowHeights(True)
        for column in (2, 3):  # type, date: the project shows what matters
            self.view.hideColumn(column)
        self.view.header().resizeSection(0, 220)

        self._create_bar()
        self.add_button = QPushButton(tr("&Add to Project"))
        self.add_button.setObjectName("addToProject")
        self.add_button.setToolTip(
            tr("Add the selected files and folders to the folder selected in the project (Enter)")
        )
        self.add_button.setEnabled(False)
        self._lay_out()
        self.up_button.clicked.connect(self.go_up)
        self.home_button.clicked.connect(lambda: self.set_folder(Path.home()))
        self.path_edit.returnPressed.connect(lambda: self.set_folder(Path(self.path_edit.text())))
        self.add_button.clicked.connect(self.request_add)
        self.view.activated_with_keyboard.connect(self.request_add)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.set_folder(start if start is not None else Path.home())

    def _create_bar(self) -> None:
        self.up_button = QToolButton()
        self.up_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogToParent)
        )
        self.up_button.setToolTip(tr("Go to the parent folder (Alt+Up)"))
        self.up_button.setAccessibleName(tr("Parent folder"))
        self.up_button.setShortcut("Alt+Up")
        self.home_button = QToolButton()
        self.home_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon))
        self.home_button.setToolTip(tr("Go to your home folder"))
        self.home_button.setAccessibleName(tr("Home folder"))
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(tr("Folder shown in the file browser"))
        self.path_edit.setToolTip(tr("Type a folder and press Enter"))

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        bar.addWidget(self.up_button)
        bar.addWidget(self.home_button)
        bar.addWidget(self.path_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.add_button)

    def folder(self) -> Path:
        return Path(self.model.filePath(self.view.rootIndex()))

    def set_folder(self, folder: Path) -> None:
        if not folder.is_dir():
            self.path_edit.setText(str(self.folder()))
            return
        index = self.model.index(str(folder))
        self.view.setRootIndex(index)
        self.path_edit.setText(str(folder))

    def go_up(self) -> None:
        self.set_folder(self.folder().parent)

    def selected_paths(self) -> list[Path]:
        rows = self.view.selectionModel().selectedRows(0)
        return [Path(self.model.filePath(index)) for index in rows]

    def set_target(self, folder_path: str) -> None:
        """Name the project folder that "Add" puts things into (``/`` is the disc's root)."""
        if folder_path == "/":
            self.add_button.setText(tr("&Add to Project"))
            where = tr("the root of the disc")
        else:
            name = folder_path.rsplit("/", 1)[-1]
            self.add_button.setText(tr("&Add to “{name}”").format(name=_elide(name)))
            where = tr("the project folder {path}").format(path=folder_path)
        self.add_button.setToolTip(
            tr("Add the selected files and folders to {where} (Enter)").format(where=where)
        )

    def request_add(self) -> None:
        paths = self.selected_paths()
        if paths:
            self.add_requested.emit(paths)

    def _on_double_clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        path = Path(self.model.filePath(index))
        if path.is_dir():
            self.set_folder(path)
        else:
            self.add_requested.emit([path])

    def _on_selection(self) -> None:
        self.add_button.setEnabled(self.view.selectionModel().hasSelection())


ADD_TARGET_CHARS = 28
"""How much of the target folder's name the Add button shows (the tooltip has all of it)."""


def _elide(name: str) -> str:
    return name if len(name) <= ADD_TARGET_CHARS else name[: ADD_TARGET_CHARS - 1] + "…"
