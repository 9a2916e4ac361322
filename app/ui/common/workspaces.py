"""The four workspaces of the main window — Build, Read, Write and Image: their titles,
mode-bar symbols, shortcuts and one-line summaries.  The pages themselves live in
:mod:`app.ui.build`, :mod:`app.ui.read`, :mod:`app.ui.write` and :mod:`app.ui.image`."""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TR_NOOP

from app.ui.common.i18n import tr
from app.ui.common.icons import Symbol


class Workspace(enum.Enum):
    BUILD = "build"
    READ = "read"
    WRITE = "write"
    IMAGE = "image"

    @property
    def title(self) -> str:
        """The workspace's name in the UI language."""
        return tr(_TITLES[self.value])

    @property
    def symbol(self) -> Symbol:
        return {
            Workspace.BUILD: Symbol.BUILD,
            Workspace.READ: Symbol.READ,
            Workspace.WRITE: Symbol.WRITE,
            Workspace.IMAGE: Symbol.IMAGE,
        }[self]

    @property
    def shortcut(self) -> str:
        return f"Ctrl+{list(Workspace).index(self) + 1}"

    @property
    def summary(self) -> str:
        """One line for tooltips and the status bar."""
        return {
            Workspace.BUILD: tr("Build: create a disc image from files and folders"),
            Workspace.READ: tr("Read: copy a disc into an image file"),
            Workspace.WRITE: tr("Write: burn an image to a disc"),
            Workspace.IMAGE: tr("Image: open an image, browse, extract and mount it"),
        }[self]


_TITLES = {
    "build": str(QT_TR_NOOP("Build")),
    "read": str(QT_TR_NOOP("Read")),
    "write": str(QT_TR_NOOP("Write")),
    "image": str(QT_TR_NOOP("Image")),
}
