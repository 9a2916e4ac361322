"""The error dialog: the plain-language message first, the technical detail on request.

The window is titled with what the person was doing ("Build out.iso failed") when the caller
knows it, never with an error-class name.  :attr:`AppError.message` is shown in large text and,
when the detail holds an operating-system error (``[Errno 30] Read-only file system``), the
cause in plain words under it ("The folder is on a read-only file system."), so nobody has to
open Details to learn why; :attr:`AppError.detail` sits behind an expandable "Details" section
with a button that copies everything to the clipboard (for bug reports).
"""

from __future__ import annotations

import errno
import os
import re

from PySide6.QtCore import QT_TR_NOOP, Qt
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

from app import APP_NAME
from app.core.errors import AppError
from app.ui.common.i18n import tr

ICON_PX = 48
TITLES = (
    str(QT_TR_NOOP("Something went wrong")),
    str(QT_TR_NOOP("Cannot use this input")),
    str(QT_TR_NOOP("Cannot open the project")),
    str(QT_TR_NOOP("Does not fit")),
    str(QT_TR_NOOP("Problem with the image")),
    str(QT_TR_NOOP("Verification failed")),
    str(QT_TR_NOOP("Cannot mount the image")),
    str(QT_TR_NOOP("Problem with the drive")),
    str(QT_TR_NOOP("Drive not found")),
    str(QT_TR_NOOP("No disc")),
    str(QT_TR_NOOP("Unsuitable disc")),
    str(QT_TR_NOOP("Permission denied")),
    str(QT_TR_NOOP("Drive communication error")),
    str(QT_TR_NOOP("The disc was changed")),
    str(QT_TR_NOOP("The drive did not answer in time")),
    str(QT_TR_NOOP("The drive reported an error")),
    str(QT_TR_NOOP("udisks2 is not available")),
    str(QT_TR_NOOP("udisks2 refused")),
    str(QT_TR_NOOP("Not a safe target")),
    str(QT_TR_NOOP("The disk changed")),
    str(QT_TR_NOOP("The disk is in use")),
    str(QT_TR_NOOP("Could not unmount")),
    str(QT_TR_NOOP("Writing failed")),
    str(QT_TR_NOOP("Cancelled")),
    str(QT_TR_NOOP("Spindle ran into a problem of its own")),
    str(QT_TR_NOOP("A source file changed")),
    str(QT_TR_NOOP("Unexpected answer from the drive")),
    str(QT_TR_NOOP("Unusable map file")),
    str(QT_TR_NOOP("Unreadable sectors")),
)
"""The headings of the core's errors (:attr:`AppError.title`), marked for lupdate: the dialog
shows ``tr(error.title)`` (the message and detail stay as the core wrote them)."""
_ERRNO = re.compile(r"\[Errno (\d+)\]")
PLAIN_CAUSES = {
    errno.EROFS: str(QT_TR_NOOP("The folder is on a read-only file system.")),
    errno.EACCES: str(QT_TR_NOOP("You do not have permission to do this there.")),
    errno.EPERM: str(QT_TR_NOOP("The system does not allow this operation.")),
    errno.ENOSPC: str(QT_TR_NOOP("The disk is full.")),
    errno.EDQUOT: str(QT_TR_NOOP("Your disk quota is used up.")),
    errno.ENOENT: str(QT_TR_NOOP("The file or folder does not exist (any more).")),
    errno.ENOTDIR: str(QT_TR_NOOP("A part of the path is not a folder.")),
    errno.EISDIR: str(QT_TR_NOOP("The name is a folder, not a file.")),
    errno.EEXIST: str(QT_TR_NOOP("A file of that name exists already.")),
    errno.EBUSY: str(QT_TR_NOOP("The device or file is in use by another program.")),
    errno.EIO: str(
        QT_TR_NOOP(
            "The device reported an input/output error (damaged medium or failing hardware?)."
        )
    ),
    errno.ENOMEDIUM: str(QT_TR_NOOP("There is no medium in the drive.")),
    errno.ENAMETOOLONG: str(QT_TR_NOOP("The name is too long for the file system.")),
    errno.EFBIG: str(QT_TR_NOOP("The file is larger than the file system allows.")),
    errno.ELOOP: str(QT_TR_NOOP("The path contains a symbolic link where none is allowed.")),
}


def plain_cause(detail: str) -> str | None:
    """The first operating-system error named in ``detail``, in plain words (translated)."""
    match = _ERRNO.search(detail)
    if match is None:
        return None
    number = int(match.group(1))
    cause = PLAIN_CAUSES.get(number)
    if cause is None:
        return tr("The system said: {reason}.").format(reason=os.strerror(number).lower())
    return tr(cause)


def _says(message: str, cause: str) -> bool:
    """True when ``message`` already says ``cause`` (case and final stop ignored)."""
    return cause.rstrip(".").lower() in message.lower()


def dialog_title(error: AppError, action: str | None) -> str:
    """``"<action> failed"`` when the action is known, else the application's name."""
    return tr("{action} failed").format(action=action) if action else APP_NAME


class ErrorDialog(QDialog):
    def __init__(
        self, error: AppError, parent: QWidget | None = None, *, action: str | None = None
    ) -> None:
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(dialog_title(error, action))
        self.setObjectName("errorDialog")
        self.setMinimumWidth(560)

        icon = QLabel()
        icon.setPixmap(
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            .pixmap(ICON_PX, ICON_PX)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        heading = QLabel(tr(error.title))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)

        self.message_label = QLabel(error.message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cause = plain_cause(error.detail)
        self.cause_label = QLabel(cause or "")
        self.cause_label.setWordWrap(True)
        self.cause_label.setVisible(cause is not None and not _says(error.message, cause))

        self.details_toggle = QToolButton()
        self.details_toggle.setText(tr("Details"))
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
        self.copy_button = QPushButton(tr("Copy Details"))
        self.copy_button.setToolTip(tr("Copy the message and the technical details"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Close"))  # ours: Qt's own strings need its qtbase translation
        close.setDefault(True)

        text_column = QVBoxLayout()
        text_column.setSpacing(8)
        text_column.addWidget(heading)
        text_column.addWidget(self.message_label)
        text_column.addWidget(self.cause_label)
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
        lines = [f"{self.windowTitle()}: {self.error.title}: {self.error.message}"]
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


def show_error(
    error: AppError, parent: QWidget | None = None, *, action: str | None = None
) -> ErrorDialog:
    """Open the dialog window-modally and return it (it deletes itself when closed);
    ``action`` is what the person was doing, in a job title's words ("Build out.iso")."""
    dialog = ErrorDialog(error, parent, action=action)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
