"""The three workspaces of the main window — Build, Read and Write — and their pages.

Each page for now shows what the workspace will do; the working pages replace
:class:`WorkspacePage`'s content as they land.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.ui.common.empty_state import EmptyState
from app.ui.common.icons import Symbol


@dataclass(frozen=True, slots=True)
class WorkspaceText:
    heading: str
    text: str
    points: tuple[str, ...]
    footnote: str


class Workspace(enum.Enum):
    BUILD = "build"
    READ = "read"
    WRITE = "write"

    @property
    def title(self) -> str:
        return self.value.capitalize()

    @property
    def symbol(self) -> Symbol:
        return {
            Workspace.BUILD: Symbol.BUILD,
            Workspace.READ: Symbol.READ,
            Workspace.WRITE: Symbol.WRITE,
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
        }[self]

    @property
    def text(self) -> WorkspaceText:
        return _TEXTS[self]


_COMING = "This workspace arrives in a coming version of Spindle."

_TEXTS = {
    Workspace.BUILD: WorkspaceText(
        "Build a disc image",
        "Gather files and folders into an ISO image that you can burn to a CD, DVD or "
        "Blu-ray disc, or open directly on any computer.",
        (
            "Add files and folders and arrange them as they will appear on the disc",
            "Choose the file systems (ISO 9660, Joliet, Rock Ridge, UDF) and see at once "
            "whether the project fits on a CD, DVD or Blu-ray disc",
            "Build in the background, with a checksum file for later verification",
        ),
        f"{_COMING} Its progress will show in the Jobs panel.",
    ),
    Workspace.READ: WorkspaceText(
        "Read a disc into an image",
        "Copy a CD, DVD or Blu-ray disc sector by sector into an ISO image file.",
        (
            "Pick a drive and where the image goes; reading runs in the background",
            "Unreadable sectors are retried and recorded in a ddrescue-compatible map, so an "
            "interrupted or damaged read can be resumed",
            "Browse the image and extract files from it",
        ),
        f"{_COMING} Meanwhile, “spindle verify IMAGE” checks an image's checksum "
        "from the command line.",
    ),
    Workspace.WRITE: WorkspaceText(
        "Burn an image to a disc",
        "Write an ISO image to a blank or rewritable CD, DVD or Blu-ray disc.",
        (
            "See before anything is written whether the image fits the disc in the drive",
            "Follow the speed, the time left and the drive's buffer while burning",
            "Verify the disc against the image when burning finishes",
        ),
        f"{_COMING} Drives appear in the Drives panel.",
    ),
}


class WorkspacePage(QWidget):
    """The page of one workspace."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName(f"{workspace.value}Page")
        text = workspace.text
        self.empty_state = EmptyState(
            workspace.symbol,
            text.heading,
            text.text,
            points=text.points,
            footnote=text.footnote,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_state)
        self.content: QWidget | None = None

    def set_content(self, widget: QWidget) -> None:
        """Replace the description with the workspace's working page.

        The page sits in a scroll area, so a tall form never forces a window taller than a
        small laptop screen: below the page's own minimum height it scrolls instead.
        """
        self.empty_state.hide()
        self.content = widget
        scroller = QScrollArea()
        scroller.setObjectName(f"{self.objectName() or 'workspace'}Scroller")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(widget)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(scroller)
