"""The question asked when added files or folders have names already taken in the target
project folder: Replace, Keep both (added as "name (2)") or Skip, with "Do the same for the
other N" when several clash."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from app.core.project.model import Node
from app.ui.build.editor import Clash
from app.ui.common.i18n import tr


class ClashDialog(QMessageBox):
    """One clash; ``remaining`` is how many more follow (shows the apply-to-all box)."""

    def __init__(self, name: str, folder: Node, remaining: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(tr("Name already in the project"))
        where = folder.path if folder.parent is not None else tr("the top folder of the disc")
        self.setText(tr("“{name}” already exists in {where}.").format(name=name, where=where))
        self.setInformativeText(
            tr("Replace it with the new one, keep both (the new one is renamed), or skip it?")
        )
        self.replace_button = self.addButton(tr("&Replace"), QMessageBox.ButtonRole.AcceptRole)
        self.keep_button = self.addButton(tr("&Keep Both"), QMessageBox.ButtonRole.AcceptRole)
        self.skip_button = self.addButton(tr("&Skip"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.skip_button)
        self.all_box: QCheckBox | None = None
        if remaining:
            self.all_box = QCheckBox(tr("Do the same for the other %n", "", remaining))
            self.setCheckBox(self.all_box)

    def answer(self) -> Clash:
        clicked = self.clickedButton()
        if clicked is self.replace_button:
            return Clash.REPLACE
        if clicked is self.keep_button:
            return Clash.KEEP_BOTH
        return Clash.SKIP

    def apply_to_all(self) -> bool:
        return self.all_box is not None and self.all_box.isChecked()


def ask_about_clashes(names: list[str], folder: Node, parent: QWidget | None) -> list[Clash]:
    """One answer per clashing name (asked one by one until "the same for the others")."""
    answers: list[Clash] = []
    for position, name in enumerate(names):
        dialog = ClashDialog(name, folder, len(names) - position - 1, parent)
        dialog.exec()
        answers.append(dialog.answer())
        if dialog.apply_to_all():
            answers.extend([answers[-1]] * (len(names) - position - 1))
            break
    return answers
