"""The Preferences dialog; values are stored with :class:`~app.ui.common.settings.Settings` when the
user presses OK."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.i18n import tr
from app.ui.common.settings import Preferences, Settings, Theme


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Preferences"))
        self.setObjectName("preferencesDialog")
        self.setMinimumWidth(520)
        current = settings.preferences()

        self.output_dir_edit = QLineEdit(str(current.output_dir))
        self.output_dir_edit.setToolTip(
            tr("Where new images are saved unless you choose otherwise")
        )
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.output_dir_edit, 1)
        folder_row.addWidget(browse)

        self.verify_check = QCheckBox(
            tr("Verify images and discs after building, reading or burning")
        )
        self.verify_check.setChecked(current.verify_after)
        self.protect_check = QCheckBox(
            tr("Add error-correction data to built images (dvdisaster .ecc file, implanted MD5)")
        )
        self.protect_check.setToolTip(
            tr(
                "Writes IMAGE.ecc (RS01, 14.3 %: a run of about 1/7 of the disc can be rebuilt) "
                "and implants the MD5 that checkisomd5 checks"
            )
        )
        self.protect_check.setChecked(current.protect_builds)

        self.theme_combo = QComboBox()
        for theme in Theme:
            self.theme_combo.addItem(tr(theme.label), theme.value)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(current.theme.value))

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(12)
        form.addRow(_section(tr("Files")))
        form.addRow(tr("Output folder:"), folder_row)
        form.addRow("", self.verify_check)
        form.addRow("", self.protect_check)
        form.addRow(_section(tr("Appearance"), top_margin_px=10))
        form.addRow(tr("Colour scheme:"), self.theme_combo)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def chosen(self) -> Preferences:
        """The preferences as currently entered in the dialog."""
        text = self.output_dir_edit.text().strip()
        output_dir = Path(text).expanduser() if text else self.settings.preferences().output_dir
        return Preferences(
            output_dir=output_dir,
            verify_after=self.verify_check.isChecked(),
            theme=Theme(self.theme_combo.currentData()),
            protect_builds=self.protect_check.isChecked(),
        )

    def accept(self) -> None:
        self.settings.set_preferences(self.chosen())
        super().accept()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, tr("Choose the output folder"), self.output_dir_edit.text()
        )
        if folder:
            self.output_dir_edit.setText(folder)


def _section(title: str, top_margin_px: int = 0) -> QLabel:
    label = QLabel(title)
    label.setContentsMargins(0, top_margin_px, 0, 0)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
