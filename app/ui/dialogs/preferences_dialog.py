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

from app import APP_NAME
from app.ui.common.i18n import tr
from app.ui.common.settings import Preferences, Settings, Theme
from app.ui.common.theme import secondary_text, set_text_colour
from app.ui.common.translations import (
    SOURCE_LANGUAGE,
    available_languages,
    language_name,
    store_language,
    stored_language,
)


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Preferences"))
        self.setObjectName("preferencesDialog")
        self.setMinimumWidth(520)
        current = settings.preferences()

        folder_row = self._folder_row(current.output_dir)

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
        form.addRow(tr("Language:"), self._language_column(settings))

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

    def _folder_row(self, output_dir: Path) -> QHBoxLayout:
        self.output_dir_edit = QLineEdit(str(output_dir))
        self.output_dir_edit.setToolTip(
            tr("Where new images are saved unless you choose otherwise")
        )
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.output_dir_edit, 1)
        folder_row.addWidget(browse)
        return folder_row

    def _language_column(self, settings: Settings) -> QVBoxLayout:
        """The UI language (issue 15 item 4): the system's, English or a shipped one."""
        self.language_combo = QComboBox()
        self.language_combo.setToolTip(
            tr(
                "The user interface's language, used from the next start "
                "(SPINDLE_LANG overrides it)"
            )
        )
        self.language_combo.addItem(tr("System default"), "")
        for language in sorted({SOURCE_LANGUAGE, *available_languages()}):
            self.language_combo.addItem(language_name(language), language)
        chosen = self.language_combo.findData(stored_language(settings))
        self.language_combo.setCurrentIndex(max(chosen, 0))
        self.language_note = QLabel(tr("Applies at the next start of {app}.").format(app=APP_NAME))
        set_text_colour(self.language_note, secondary_text(self.palette()))
        language_column = QVBoxLayout()
        language_column.setSpacing(2)
        language_column.addWidget(self.language_combo)
        language_column.addWidget(self.language_note)
        return language_column

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
        store_language(self.settings, str(self.language_combo.currentData()))
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
