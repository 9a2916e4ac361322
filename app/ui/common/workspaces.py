"""The four workspaces of the main window — Build, Read, Write and Image: their titles,
mode-bar symbols, shortcuts and one-line summaries.  The pages themselves live in
:mod:`app.ui.build`, :mod:`app.ui.read`, :mod:`app.ui.write` and :mod:`app.ui.image`."""

from __future__ import annotations

import enum

from app.ui.common.icons import Symbol


class Workspace(enum.Enum):
    BUILD = "build"
    READ = "read"
    WRITE = "write"
    IMAGE = "image"

    @property
    def title(self) -> str:
        return self.value.capitalize()

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
            Workspace.BUILD: "Build: create a disc image from files and folders",
            Workspace.READ: "Read: copy a disc into an image file",
            Workspace.WRITE: "Write: burn an image to a disc",
            Workspace.IMAGE: "Image: open an image, browse, extract and mount it",
        }[self]
