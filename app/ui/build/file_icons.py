"""Icons and type names for project entries, looked up by file name (no file is opened).

The MIME type comes from the shared MIME database by extension (``QMimeDatabase``); its icon
from the desktop icon theme, falling back to the style's generic file and folder icons when
no theme is installed (Windows, minimal Linux sessions, the offscreen test platform).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.core.project.model import Node, NodeKind
from app.ui.common.i18n import tr


class FileIcons:
    """Caches one icon and one type description per extension."""

    def __init__(self) -> None:
        self._mime_db = QMimeDatabase()
        self._by_suffix: dict[str, tuple[QIcon, str]] = {}
        self._folder: QIcon | None = None
        self._link: QIcon | None = None

    def _style_icon(self, pixmap: QStyle.StandardPixmap) -> QIcon:
        return QApplication.style().standardIcon(pixmap)

    def folder_icon(self) -> QIcon:
        if self._folder is None:
            icon = QIcon.fromTheme("folder")
            self._folder = (
                icon if not icon.isNull() else self._style_icon(QStyle.StandardPixmap.SP_DirIcon)
            )
        return self._folder

    def link_icon(self) -> QIcon:
        if self._link is None:
            icon = QIcon.fromTheme("emblem-symbolic-link")
            self._link = (
                icon
                if not icon.isNull()
                else self._style_icon(QStyle.StandardPixmap.SP_FileLinkIcon)
            )
        return self._link

    def _lookup(self, name: str) -> tuple[QIcon, str]:
        suffix = name.rpartition(".")[2].casefold() if "." in name.lstrip(".") else ""
        cached = self._by_suffix.get(suffix)
        if cached is not None:
            return cached
        mime = self._mime_db.mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchExtension)
        icon = QIcon.fromTheme(mime.iconName())
        if icon.isNull():
            icon = QIcon.fromTheme(mime.genericIconName())
        if icon.isNull():
            icon = self._style_icon(QStyle.StandardPixmap.SP_FileIcon)
        description = mime.comment() if not mime.isDefault() else ""
        if not description:
            description = (
                tr("{suffix} file").format(suffix=suffix.upper()) if suffix else tr("File")
            )
        cached = (icon, description)
        self._by_suffix[suffix] = cached
        return cached

    def icon_for(self, node: Node) -> QIcon:
        if node.kind is NodeKind.FOLDER:
            return self.folder_icon()
        if node.kind is NodeKind.SYMLINK:
            return self.link_icon()
        return self._lookup(node.name)[0]

    def type_name(self, node: Node) -> str:
        if node.kind is NodeKind.FOLDER:
            return tr("Folder")
        if node.kind is NodeKind.SYMLINK:
            return tr("Link")
        return self._lookup(node.name)[1]
