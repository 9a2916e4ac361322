"""The error dialog: the plain-language message first, the technical detail on request.

Shows :attr:`AppError.message` in large text; :attr:`AppError.detail` sits behind an
expandable "Details" section with a button that copies both to the clipboard (for bug
reports).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError

ICON_PX = 48


class ErrorDialog(QDialog):
    def __init__(self, error: AppError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(error.title)
        self.setObjectName("errorDialog")
        self.setMinimumWidth(560)

        icon = QLabel()
        icon.setPixmap(
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            .pixmap(ICON_PX, ICON_PX)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        heading = QLabel(error.title)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)

        self.message_label = QLabel(error.message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_toggle = QToolButton()
        self.details_toggle.setText("Details")
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setAutoRaise(True)
        self.details_toggle.toggled.connect(self._show_details)

        self.details_view = QPlainTextEdit(error.detail)
        self.details_view.setReadOnly(True)
        self.details_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details_view.setMinimumHeight(140)
        self.details_view.setVisible(False)

        has_detail = bool(error.detail.strip())
        self.details_toggle.setVisible(has_detail)

        self._lay_out(icon, heading)

    def _lay_out(self, icon: QLabel, heading: QLabel) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy Details")
        self.copy_button.setToolTip("Copy the message and the technical details")
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        text_column = QVBoxLayout()
        text_column.setSpacing(8)
        text_column.addWidget(heading)
        text_column.addWidget(self.message_label)
        text_column.addWidget(self.details_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        text_column.addStretch(1)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text_column, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)

    def report_text(self) -> str:
        """What the copy button puts on the clipboard."""
        lines = [f"{self.error.title}: {self.error.message}"]
        if self.error.detail:
            lines += ["", self.error.detail]
        return "\n".join(lines)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())

    def details_shown(self) -> bool:
        return self.details_view.isVisibleTo(self)

    def _show_details(self, shown: bool) -> None:
        self.details_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.details_view.setVisible(shown)
        self.adjustSize()


def show_error(error: AppError, parent: QWidget | None = None) -> ErrorDialog:
    """Open the dialog window-modally and return it (it deletes itself when closed)."""
    dialog = ErrorDialog(error, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
