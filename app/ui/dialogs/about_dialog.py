"""The About dialog: version, licence and where the log file is."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TR_NOOP, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import APP_NAME, __version__
from app.ui.common.i18n import tr
from app.ui.common.icons import app_icon
from app.ui.common.theme import secondary_text, set_text_colour

LICENCE = "GPL-3.0-or-later"
LICENCE_TEXT = str(
    QT_TR_NOOP(
        "Spindle is free software: you can redistribute it and/or modify it under the terms of "
        "the GNU General Public License as published by the Free Software Foundation, either "
        "version 3 of the License, or (at your option) any later version. It comes with "
        "ABSOLUTELY NO WARRANTY."
    )
)
ICON_PX = 96


class AboutDialog(QDialog):
    def __init__(self, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About {app}").format(app=APP_NAME))
        self.setObjectName("aboutDialog")
        self.setMinimumWidth(440)

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_PX, ICON_PX))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)

        name = QLabel(APP_NAME)
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(font.Weight.DemiBold)
        name.setFont(font)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.version_label = QLabel(tr("Version {version}").format(version=__version__))
        self.version_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tagline = QLabel(tr("Build disc images, read discs into images, burn images to discs."))
        tagline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tagline.setWordWrap(True)

        self.licence_label = QLabel(
            tr("<b>Licence:</b> {licence}<br>{text}").format(licence=LICENCE, text=tr(LICENCE_TEXT))
        )
        self.licence_label.setWordWrap(True)
        self.licence_label.setTextFormat(Qt.TextFormat.RichText)

        log_text = str(log_path) if log_path is not None else tr("not written (no log folder)")
        self.log_label = QLabel(tr("<b>Log file:</b> {path}").format(path=log_text))
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        runtime = QLabel(
            f"Python {sys.version.split()[0]} · Qt {qVersion()} · PySide6 {pyside_version}"
        )  # not translated: names and versions
        runtime.setAlignment(Qt.AlignmentFlag.AlignCenter)
        muted = secondary_text(self.palette())
        for label in (self.version_label, runtime):
            set_text_colour(label, muted)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(6)
        layout.addWidget(icon)
        layout.addSpacing(6)
        layout.addWidget(name)
        layout.addWidget(self.version_label)
        layout.addSpacing(6)
        layout.addWidget(tagline)
        layout.addSpacing(14)
        layout.addWidget(self.licence_label)
        layout.addSpacing(8)
        layout.addWidget(self.log_label)
        layout.addSpacing(14)
        layout.addWidget(runtime)
        layout.addSpacing(8)
        layout.addWidget(buttons)
