"""The Build workspace's two status strips: the activity strip (what runs now — adding files,
building — with its progress and Cancel) and the result banner shown after a successful
build (the image, its checksums, "Open Folder", "Burn This Image…" and "Write to USB…")."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from app.core.image.job import BuildResult
from app.core.protect.job import ProtectResult
from app.core.units import format_size
from app.ui.build.protect_option import augmented_text
from app.ui.common.i18n import tr
from app.ui.common.open_folder import open_folder

UPDATE_INTERVAL_S = 0.1
"""How often the activity strip redraws while something runs."""


class ActivityStrip(QFrame):
    """A slim bar above the capacity bar: what runs now (adding files, building) + Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress.setMaximumWidth(260)
        self.detail = QLabel()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setAccessibleName(tr("Cancel the running activity"))
        self._last_update_s = 0.0
        self._pending: tuple[str, int | None, int | None, str] | None = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._flush)
        self.detail.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(
                tr("{added} of {found} items found so far").format(
                    added="8,888,888", found="8,888,888"
                )
            )
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.detail)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.hide()

    def show_activity(
        self,
        text: str,
        done: int | None,
        total: int | None,
        detail: str = "",
        *,
        throttle: bool = True,
    ) -> None:
        now = time.monotonic()
        final = done is not None and total is not None and done >= total
        recent = now - self._last_update_s < UPDATE_INTERVAL_S
        if throttle and self.isVisible() and text == self.label.text() and not final and recent:
            # QProgressBar repaints at once on every value: a few a second suffice, and the
            # newest state is shown when the interval is over
            self._pending = (text, done, total, detail)
            if not self._flush_timer.isActive():
                remaining_ms = UPDATE_INTERVAL_S - (now - self._last_update_s)
                self._flush_timer.start(max(1, round(remaining_ms * 1000)))
            return
        self._pending = None
        self._flush_timer.stop()
        self._last_update_s = now
        self.label.setText(text)
        self.detail.setText(detail)
        if done is None or not total:
            self.progress.setRange(0, 0)  # busy
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(1000 * min(1.0, done / total)))
        self.setAccessibleDescription(f"{text} {detail}")
        self.show()

    def _flush(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and self.isVisible():
            self._last_update_s = 0.0
            self.show_activity(*pending)

    def hideEvent(self, event: QHideEvent) -> None:
        self._flush_timer.stop()
        self._pending = None
        super().hideEvent(event)


class ResultBanner(QFrame):
    """Shown after a successful build: the image, its checksum, and what to do next."""

    burn_clicked = Signal(object)
    flash_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.path: Path | None = None
        self.text = QLabel()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        self.open_folder_button = QPushButton(tr("Open &Folder"))
        self.burn_button = QPushButton(tr("&Burn This Image…"))
        self.flash_button = QPushButton(tr("Write to &USB…"))
        self.flash_button.setToolTip(tr("Write the image to a USB stick or SD card"))
        self.close_button = QToolButton()
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(tr("Dismiss"))
        self.close_button.setToolTip(tr("Dismiss"))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_folder_button)
        row.addWidget(self.burn_button)
        row.addWidget(self.flash_button)
        row.addWidget(self.close_button)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.burn_button.clicked.connect(lambda: self.burn_clicked.emit(self.path))
        self.flash_button.clicked.connect(lambda: self.flash_clicked.emit(self.path))
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_result(self, result: BuildResult, protection: ProtectResult | None = None) -> None:
        self.path = result.path
        lines = [
            tr("<b>Image built:</b> {name} ({size})").format(
                name=result.path.name, size=format_size(result.size_bytes)
            )
        ]
        for digest in result.digests:
            lines.append(f"{digest.algorithm.hashlib_name.upper()}: <tt>{digest.hex}</tt>")
        if protection is not None and protection.header is not None and protection.ecc:
            header = protection.header
            lines.append(
                tr(
                    "Error-correction data: {ecc} (RS01, {percent} %): any run of up to "
                    "{count} damaged sectors can be rebuilt; the MD5 is implanted (checkisomd5)"
                ).format(
                    ecc=protection.ecc.name,
                    percent=f"{header.redundancy_percent:.1f}",
                    count=header.nroots * header.section_sectors,
                )
            )
        if protection is not None and protection.augmented is not None:
            lines.append(augmented_text(protection.augmented))
        for warning in result.warnings[:3]:
            lines.append(f"⚠ {warning}")
        self.text.setText("<br>".join(lines))
        self.setAccessibleDescription(self.text.text())
        self.show()

    def open_folder(self) -> None:
        if self.path is not None:
            open_folder(self.path.parent, self)
