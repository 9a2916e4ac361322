"""Help ▸ User Guide: a short guide to the workspaces, shipped as Markdown beside this module
(``user-guide.md``, package data, bundled by ``packaging/spindle.spec``)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app import APP_NAME

GUIDE_FILE = "user-guide.md"


def guide_text() -> str:
    """The guide's Markdown source."""
    return (resources.files(__package__) / GUIDE_FILE).read_text(encoding="utf-8")


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME} User Guide")
        self.setObjectName("userGuideDialog")
        self.resize(640, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
