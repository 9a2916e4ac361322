"""Help ▸ User Guide: a short guide to the workspaces, shipped as Markdown beside this module
(``user-guide.md``, package data, bundled by ``packaging/spindle.spec``), and translated as
``user-guide.<lang>.md`` (issue 15 item 4), shown when the UI language is ``<lang>``."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app import APP_NAME
from app.ui.common.i18n import tr
from app.ui.common.translations import current_language

GUIDE_FILE = "user-guide.md"


def guide_file(language: str) -> str:
    """``user-guide.<language>.md`` when that translation is shipped, else the English one."""
    translated = f"user-guide.{language}.md"
    return translated if (resources.files(__package__) / translated).is_file() else GUIDE_FILE


def guide_text(language: str | None = None) -> str:
    """The guide's Markdown source in ``language`` (default: the UI language)."""
    name = guide_file(current_language() if language is None else language)
    return (resources.files(__package__) / name).read_text(encoding="utf-8")


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("{app} User Guide").format(app=APP_NAME))
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
