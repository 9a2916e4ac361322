"""Open a folder in the desktop's file manager, and say where it is when there is none
(``QDesktopServices.openUrl`` returns False: a bare window manager, a container, a kiosk)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.common.i18n import tr


def open_folder(folder: Path, parent: QWidget | None, title: str = "") -> bool:
    """Show ``folder`` in the file manager; without one, a message gives its path (which
    can be selected and copied).  Returns whether a file manager took it; ``title`` is the
    message's title (already translated), "Open Folder" when empty."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title or tr("Open Folder"),
        tr("No file manager could open the folder."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(tr("It is here:\n{folder}").format(folder=folder))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setObjectName("openFolderFallback")
    box.open()
    return False
