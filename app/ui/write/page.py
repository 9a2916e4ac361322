"""The Write workspace: burn an image onto the disc in a drive, then verify it.

The page checks the inserted disc first (an :class:`InspectMediumJob` on the drive's lane) and
shows its capacity against the image, the speeds the drive offers for it and whether
simulation is possible (greyed out with the reason when not).  Burning runs a
:class:`~app.core.burn.job.BurnJob` through the job bridge; its phase, speed, the drive's
buffer fill and the time left are shown as they arrive.  Cancel asks first and says that a
partly written write-once disc cannot be used again.  With more than one copy, the page asks
for the next blank disc after each burn.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.burn.inspect import InspectMediumJob
from app.core.burn.job import BurnJob, BurnResult, TransportOpener, open_for_writing
from app.core.burn.medium import MediumStatus
from app.core.burn.preflight import BurnOptions, check, preview_image
from app.core.burn.speeds import SpeedRequest, label, offered
from app.core.burn.write_methods import verification_note, write_once
from app.core.errors import AppError
from app.core.jobs import JobHandle, Progress, Result
from app.core.transport import open_transport
from app.core.units import SECTOR_SIZE, format_size
from app.ui.common.job_bridge import JobBridge

SUFFIXES = (".iso", ".img", ".cue", ".bin", ".nrg", ".mds", ".mdf", ".ccd", ".cdi", ".chd")
"""Images the page takes: ISO, and CD images (burned as their data track)."""
IMAGE_FILTER = "Disc images (" + " ".join(f"*{s}" for s in SUFFIXES) + ");;All files (*)"

_log = logging.getLogger(__name__)

DRIVES_CHOICE = "Drive's choice"
NEXT_DISC_TITLE = "Next disc"


class WritePage(QWidget):
    """The Write workspace's content (module docstring)."""

    burn_finished = Signal(object)
    """(Result) one burn ended (for tests and the status bar)."""
    medium_checked = Signal(object)
    """(MediumStatus | AppError) the disc check ended."""

    def __init__(
        self,
        bridge: JobBridge,
        *,
        writer_opener: TransportOpener = open_for_writing,
        reader_opener: TransportOpener = open_transport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("writePage")
        self.setAcceptDrops(True)
        self.bridge = bridge
        self.writer_opener = writer_opener
        self.reader_opener = reader_opener
        self.medium: MediumStatus | None = None
        self.handle: JobHandle[BurnResult] | None = None
        self._check: JobHandle[MediumStatus] | None = None
        self._copies_left = 0
        self._build_inputs()
        self._build_layout()

    def _build_inputs(self) -> None:
        self.image_edit = QLineEdit()
        self.image_edit.setPlaceholderText("Drop an .iso here or choose one")
        self.image_edit.editingFinished.connect(self.update_fit)
        self.drive_combo = QComboBox()
        self.drive_combo.currentTextChanged.connect(lambda _t: self.check_disc())
        self.check_button = QPushButton("Check disc")
        self.check_button.clicked.connect(self.check_disc)

        self.medium_label = QLabel("No disc checked yet.")
        self.medium_label.setWordWrap(True)
        self.fit_label = QLabel("")
        self.fit_label.setWordWrap(True)
        self.note_label = QLabel("")
        self.note_label.setWordWrap(True)
        self.accept_losses_box = QCheckBox("Burn the data track anyway (the rest is not kept)")
        self.accept_losses_box.setVisible(False)
        self.accept_losses_box.toggled.connect(lambda _on: self.update_fit())

        self.speed_combo = QComboBox()
        self.speed_combo.addItem(DRIVES_CHOICE, None)
        self.simulate_box = QCheckBox("Simulate (laser off)")
        self.simulate_box.setEnabled(False)
        self.verify_box = QCheckBox("Verify the disc after burning")
        self.verify_box.setChecked(True)
        self.eject_box = QCheckBox("Eject when done")
        self.copies_spin = QSpinBox()
        self.copies_spin.setRange(1, 99)

        self.burn_button = QPushButton("Burn")
        self.burn_button.setEnabled(False)
        self.burn_button.clicked.connect(self.start_burn)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_burn)

        self.phase_label = QLabel("")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.detail_label = QLabel("")

    def _build_layout(self) -> None:
        browse = QPushButton("Choose…")
        browse.clicked.connect(self.choose_image)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image_edit, 1)
        image_row.addWidget(browse)
        drive_row = QHBoxLayout()
        drive_row.addWidget(self.drive_combo, 1)
        drive_row.addWidget(self.check_button)
        form = QFormLayout()
        form.addRow("Image", image_row)
        form.addRow("Drive", drive_row)
        form.addRow("Disc", self.medium_label)
        form.addRow("", self.fit_label)
        form.addRow("", self.accept_losses_box)
        form.addRow("Speed", self.speed_combo)
        form.addRow("Copies", self.copies_spin)
        options = QVBoxLayout()
        for box in (self.simulate_box, self.verify_box, self.eject_box):
            options.addWidget(box)
        form.addRow("Options", options)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.burn_button)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        layout.addLayout(buttons)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        # scrolls rather than forcing a minimum window height
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- inputs ---------------------------------------------------------------------------
    def set_drives(self, paths: list[str]) -> None:
        current = self.drive_combo.currentText()
        self.drive_combo.blockSignals(True)
        self.drive_combo.clear()
        self.drive_combo.addItems(paths)
        if current in paths:
            self.drive_combo.setCurrentText(current)
        self.drive_combo.blockSignals(False)
        if self.drive_combo.currentText() != current:
            self.check_disc()

    def set_image(self, path: Path) -> None:
        """Use ``path`` as the image (also "Burn this image…" from the Build workspace)."""
        self.image_edit.setText(str(path))
        self.update_fit()

    def choose_image(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "Choose an image to burn", "", IMAGE_FILTER
        )
        if name:
            self.set_image(Path(name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.set_image(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    @property
    def image_path(self) -> Path | None:
        text = self.image_edit.text().strip()
        return Path(text) if text else None

    # -- the disc check -------------------------------------------------------------------
    def check_disc(self) -> None:
        device = self.drive_combo.currentText()
        self.medium = None
        self.burn_button.setEnabled(False)
        if not device:
            self.medium_label.setText("No drive.")
            return
        self.medium_label.setText(f"Checking the disc in {device}…")
        inspecting = self.bridge.submit(
            InspectMediumJob(device, self.reader_opener),
            on_done=lambda result: self._on_check_done(inspecting, result),
            context=self,
        )
        self._check = inspecting

    def _on_check_done(
        self, inspecting: JobHandle[MediumStatus], result: Result[MediumStatus]
    ) -> None:
        if inspecting is self._check:  # a newer check replaced it: its answer is the one shown
            self._check = None
            self._on_checked(result)

    def _on_checked(self, result: Result[MediumStatus]) -> None:
        if not result.ok or result.value is None:
            error = result.error
            self.medium_label.setText(error.message if error else "The disc check failed.")
            self.medium_checked.emit(error)
            self.update_fit()
            return
        medium = result.value
        self.medium = medium
        free = format_size(medium.free_blocks * SECTOR_SIZE)
        self.medium_label.setText(f"{medium.label}, {medium.state.value}: {free} writable")
        self.speed_combo.clear()
        self.speed_combo.addItem(DRIVES_CHOICE, None)
        if medium.profile is not None:
            for kbps in offered(medium.write_speeds):
                self.speed_combo.addItem(label(kbps, medium.profile), kbps)
            self.note_label.setText(verification_note(medium.profile))
        self.simulate_box.setEnabled(medium.simulation_supported)
        if not medium.simulation_supported:
            self.simulate_box.setChecked(False)
        self.simulate_box.setToolTip(medium.simulation_reason)
        self.medium_checked.emit(medium)
        self.update_fit()

    def update_fit(self) -> None:
        """Show the image against the disc and enable Burn only when preflight passes."""
        self.burn_button.setEnabled(False)
        path = self.image_path
        if path is None:
            self.fit_label.setText("Choose an image.")
            return
        try:
            image = preview_image(path)
        except AppError as exc:
            self.fit_label.setText(exc.message)
            return
        cd, losses = image.cd_image, ""
        self.accept_losses_box.setVisible(cd is not None and cd.needs_consent)
        if cd is not None and cd.losses:
            losses = f" Burns data track {cd.track} only; not kept: " + "; ".join(cd.losses) + "."
        if self.medium is None:
            self.fit_label.setText(f"Image: {format_size(image.size_bytes)}.{losses}")
            return
        try:
            check(image, self.medium, self.options())
        except AppError as exc:
            self.fit_label.setText(exc.message)
            return
        free = self.medium.free_blocks * SECTOR_SIZE
        self.fit_label.setText(
            f"The image ({format_size(image.size_bytes)}) fits: "
            f"{format_size(free - image.size_bytes)} will stay free.{losses}"
        )
        refused = cd is not None and cd.needs_consent and not self.accept_losses_box.isChecked()
        self.burn_button.setEnabled(self.handle is None and not refused)

    def options(self) -> BurnOptions:
        kbps = self.speed_combo.currentData()
        return BurnOptions(
            simulate=self.simulate_box.isChecked(),
            speed=SpeedRequest(kbps=kbps) if isinstance(kbps, int) else SpeedRequest(),
            verify=self.verify_box.isChecked(),
            eject=self.eject_box.isChecked(),
        )

    # -- burning --------------------------------------------------------------------------
    def start_burn(self) -> None:
        path = self.image_path
        device = self.drive_combo.currentText()
        if path is None or not device:
            return
        if self._copies_left <= 0:
            self._copies_left = self.copies_spin.value()
        job = BurnJob(
            path,
            device,
            self.options(),
            opener=self.writer_opener,
            accept_losses=self.accept_losses_box.isChecked(),
        )
        self.handle = self.bridge.submit(
            job, on_progress=self._on_progress, on_done=self._on_burned, context=self
        )
        self.burn_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.phase_label.setText("Preparing")
        self.progress_bar.setValue(0)

    def cancel_burn(self) -> None:
        handle = self.handle
        if handle is None:
            return
        medium = self.medium
        once = medium is not None and medium.profile is not None and write_once(medium.profile)
        text = "Stop burning?"
        if once:
            text += " A write-once disc that was partly written cannot be used again: it is lost."
        answer = QMessageBox.question(
            self,
            "Cancel burning",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.bridge.cancel(handle)

    def _on_progress(self, progress: Progress) -> None:
        self.phase_label.setText(progress.phase)
        fraction = progress.fraction
        if fraction is None:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(round(fraction * 1000))
        parts = [t for t in (progress.rate_text(), progress.eta_text()) if t]
        if progress.buffer_percent is not None:
            parts.append(f"drive buffer {progress.buffer_percent:.0f}%")
        if progress.message:
            parts.append(progress.message)
        self.detail_label.setText(" · ".join(parts))

    def _on_burned(self, result: Result[BurnResult]) -> None:
        self.handle = None
        self.cancel_button.setEnabled(False)
        self.progress_bar.setRange(0, 1000)
        self._copies_left -= 1
        value = result.value
        if result.ok and value is not None:
            self.progress_bar.setValue(1000)
            done = "Simulated" if value.simulated else "Burned"
            verified = " and verified" if value.verify is not None else ""
            self.phase_label.setText(f"{done}{verified}: {value.medium} in {value.device}.")
            self.detail_label.setText(value.note)
        else:
            self._copies_left = 0
            error = result.error
            self.phase_label.setText(error.message if error else "The burn failed.")
            self.detail_label.setText("")
        self.burn_finished.emit(result)
        if self._copies_left > 0 and self.ask_next_disc():
            self.check_disc_then_burn()
            return
        self._copies_left = 0
        self.update_fit()

    def ask_next_disc(self) -> bool:
        answer = QMessageBox.information(
            self,
            NEXT_DISC_TITLE,
            f"Insert the next blank disc into {self.drive_combo.currentText()} "
            f"({self._copies_left} more to burn), then press OK.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Ok

    def check_disc_then_burn(self) -> None:
        """After the next disc is in: check it, and burn when it passes preflight."""

        def after(medium: object) -> None:
            self.medium_checked.disconnect(after)
            if isinstance(medium, MediumStatus) and self.burn_button.isEnabled():
                self.start_burn()
            else:
                self._copies_left = 0

        self.medium_checked.connect(after, Qt.ConnectionType.QueuedConnection)
        self.check_disc()
