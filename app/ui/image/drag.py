"""Drag-out from the Image workspace's tree to a file manager, the way archive managers do it.

The drag carries a :class:`ExtractOnDropMimeData`: it offers ``text/uri-list`` but extracts
nothing until the drop target asks for the data (Qt calls :meth:`retrieveData` when the file
manager requests the format on drop).  Then the dragged entries are extracted, with every rule
of :mod:`app.core.image.extract` (safe names, no link out, nothing replaced), into a new private
folder (mode 0700) under ``$XDG_RUNTIME_DIR`` (else the system temporary folder), and the
``file://`` URLs of the extracted entries are handed over; the file manager copies them from
there.  The folders stay until Spindle quits (:func:`remove_drag_folders`), because file
managers copy after the drop has returned.

XdndDirectSave (the target names a folder, the source writes there) is not used: Qt has no
support for it and it could not be tested here; the uri-list way works with every file manager
that accepts dropped files.  With a ``runner`` (the Image page gives one) the extraction runs
as a job off the GUI thread, with its progress in the jobs panel, while the drop waits in a
local event loop (the window keeps painting); a second request for the data that arrives while
the first is still being extracted gets an empty list.  Without a runner it runs on the
calling thread.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QMetaType, QMimeData, Qt, QUrl
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from app.core.errors import AppError
from app.core.image.extract import extract_selection
from app.core.image.reader import Image
from app.core.image.tree import Entry

_log = logging.getLogger(__name__)
URI_LIST = "text/uri-list"
_folders: list[Path] = []
_cleanup_connected: list[bool] = []


def drag_folder_parent() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime)
    return Path(tempfile.gettempdir())


def remove_drag_folders() -> None:
    """Remove every folder drags made (at quit: file managers have copied by then)."""
    while _folders:
        shutil.rmtree(_folders.pop(), ignore_errors=True)


class ExtractOnDropMimeData(QMimeData):
    """``text/uri-list`` of the dragged entries, extracted when the data is first asked for."""

    def __init__(
        self,
        image: Image,
        chains: list[list[Entry]],
        runner: Callable[[Image, list[list[Entry]], Path], list[Path]] | None = None,
    ) -> None:
        super().__init__()
        self._image = image
        self._chains = chains
        self._runner = runner or extract_selection
        self._busy = False
        self.folder: Path | None = None
        self.extracted: list[Path] = []
        self.error: AppError | None = None

    def formats(self) -> list[str]:
        return [URI_LIST]

    def hasFormat(self, mimetype: str) -> bool:  # noqa: N802
        return mimetype == URI_LIST

    def retrieveData(self, mimetype: str, preferred: QMetaType | QMetaType.Type) -> Any:  # noqa: N802
        if mimetype != URI_LIST:
            return None
        if self._busy:
            return QByteArray()  # asked again from inside the wait for the first request
        if self.folder is None:
            self._extract()
        text = "".join(QUrl.fromLocalFile(str(p)).toString() + "\r\n" for p in self.extracted)
        kind = preferred.id() if isinstance(preferred, QMetaType) else preferred.value
        if kind == QMetaType.Type.QVariantList.value:
            return [QUrl.fromLocalFile(str(p)) for p in self.extracted]
        return QByteArray(text.encode("utf-8"))

    def _extract(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="spindle-drag-", dir=drag_folder_parent()))
        _folders.append(self.folder)
        app = QCoreApplication.instance()
        if app is not None and not _cleanup_connected:
            app.aboutToQuit.connect(remove_drag_folders)
            _cleanup_connected.append(True)
        self._busy = True
        try:
            self.extracted = self._runner(self._image, self._chains, self.folder)
        except AppError as exc:
            _log.warning("drag-out extraction failed: %s (%s)", exc.message, exc.detail)
            self.error = exc
            self.extracted = []
        finally:
            self._busy = False


class DragTree(QTreeWidget):
    """The Image tree: items drag out (copy only) with the data ``make_mime`` gives."""

    def __init__(self) -> None:
        super().__init__()
        self.make_mime: Callable[[Sequence[QTreeWidgetItem]], QMimeData | None] | None = None
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [URI_LIST]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:  # noqa: N802
        data = self.make_mime(items) if self.make_mime is not None else None
        return data if data is not None else QMimeData()
