"""The drive panel (a side pane of the main window).

For now it states that no optical drive was found; drive discovery replaces its contents
with the drives and their media.  The window only relies on ``DrivePanel(QWidget)``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.empty_state import EmptyState
from app.ui.icons import Symbol

NO_DRIVE_TEXT = "No optical drive found"


class DrivePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drivePanel")
        self.empty_state = EmptyState(
            Symbol.DRIVE,
            NO_DRIVE_TEXT,
            "Connect a CD, DVD or Blu-ray drive to read or burn discs.",
            icon_px=48,
            heading_scale=1.1,
            max_text_width_px=220,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_state)
