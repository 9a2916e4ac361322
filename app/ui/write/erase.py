"""The question before erasing a rewritable disc (the Write workspace's "Erase Disc…"):
quick or full, naming the disc and the drive; Cancel is the default."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.core.burn.medium import MediumStatus
from app.ui.common.i18n import tr

# translated where they are shown: tr(ERASE_TITLE), tr(ERASABLE)
ERASE_TITLE = str(QT_TR_NOOP("Erase the disc?"))
ERASABLE = str(QT_TR_NOOP("CD-RW, DVD-RW, DVD+RW, BD-RE and DVD-RAM"))


class EraseConfirmation(QMessageBox):
    def __init__(self, device: str, medium: MediumStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(tr(ERASE_TITLE))
        state = medium.state.value
        self.setText(
            tr("Erase the {medium} ({state}) in {device}? Everything on it is lost.").format(
                medium=medium.label, state=state, device=device
            )
        )
        self.setInformativeText(
            tr(
                "A quick erase takes seconds to a minute and is enough to burn the disc again. "
                "A full erase overwrites (or formats) the whole disc: it can take an hour."
            )
        )
        self.quick_button: QPushButton = self.addButton(
            tr("Quick Erase"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.full_button: QPushButton = self.addButton(
            tr("Full Erase"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.cancel_button: QPushButton = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> bool | None:
        """True for a full erase, False for a quick one, None when cancelled."""
        clicked = self.clickedButton()
        if clicked is self.full_button:
            return True
        if clicked is self.quick_button:
            return False
        return None
