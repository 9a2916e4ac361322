"""Copy disc from the Read workspace: the "Copy to a blank disc…" dialog (which burner gets
the copy) and the prompt that asks for the blank disc when one drive does both."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.i18n import tr

# translated where it is shown: tr(ONE_DRIVE)
ONE_DRIVE = str(QT_TR_NOOP("{device} (this drive: swap the discs after the read)"))


class CopyDialog(QDialog):
    """Choose the burner for the copy (the source drive too: one-drive copy) and whether to
    keep the image."""

    def __init__(
        self, source: str, drives: list[str], image: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Copy to a Blank Disc"))
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("copyTargetCombo")
        for drive in [d for d in drives if d != source] + [source]:
            text = tr(ONE_DRIVE).format(device=drive) if drive == source else drive
            self.target_combo.addItem(text, drive)
        self.keep_check = QCheckBox(
            tr("Keep the image as {image}").format(image=image)
            if image
            else tr("Keep the image (choose an image file)")
        )
        exists = bool(image) and Path(image).expanduser().exists()
        self.keep_check.setEnabled(bool(image) and not exists)
        if not image:
            self.keep_check.setToolTip(tr("Choose the image file on the Read page first"))
        elif exists:
            self.keep_check.setText(
                tr("Keep the image ({name} already exists)").format(name=Path(image).name)
            )
            self.keep_check.setToolTip(
                tr(
                    "The image file on the Read page already exists: choose a new name there "
                    "to keep the copy's image"
                )
            )
        explain = QLabel(
            tr(
                "Reads the disc in {source} to a temporary image, burns it onto the blank disc "
                "in the burner you choose and reads it back to verify. The temporary image is "
                "removed afterwards. If sectors cannot be read, nothing is burned."
            ).format(source=source)
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Copy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Burn onto:"), self.target_combo)
        form.addRow("", self.keep_check)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def target(self) -> str:
        return str(self.target_combo.currentData())


def ask_with_a_message_box(parent: QWidget, device: str) -> bool:
    """The default one-drive prompt (GUI thread)."""
    answer = QMessageBox.question(
        parent,
        tr("Insert a Blank Disc"),
        tr(
            "The disc has been read. Put a blank disc into {device}, close the tray, "
            "then press OK to burn the copy."
        ).format(device=device),
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Ok


class BlankPrompt(QObject):
    """Asks for the blank disc on the GUI thread on behalf of the copy job's thread:
    :meth:`__call__` (job thread) blocks until ``ask`` (GUI thread) has answered."""

    _asked = Signal(str)

    def __init__(self, ask: Callable[[str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ask = ask
        self._answer = False
        self._done = threading.Event()
        self._asked.connect(self._on_asked, Qt.ConnectionType.QueuedConnection)

    def __call__(self, device: str) -> bool:
        self._done.clear()
        self._asked.emit(device)
        self._done.wait()
        return self._answer

    def _on_asked(self, device: str) -> None:
        try:
            self._answer = self.ask(device)
        finally:
            self._done.set()
