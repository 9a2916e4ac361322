"""The Read workspace: rip a disc to an image file, damaged discs included.

Pick the drive, check what is inserted, choose the image file and format, the retries, the
map file and whether to verify; Start runs a :class:`~app.core.rip.job.RipJob` through the
:class:`~app.ui.common.job_bridge.JobBridge` and shows its progress (speed, time left), a live
sector map and Cancel; the result lists the unreadable ranges, the files they hit and the
checksums.  "Compare disc with image" runs a :class:`~app.core.rip.compare_job.CompareJob`.
When a rip has unreadable sectors and a dvdisaster RS01 file lies beside the image, "Repair
with NAME.ecc" runs a :class:`~app.core.protect.job.RepairJob` with the rip's map.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.burn.job import TransportOpener, open_for_writing
from app.core.copy.job import CopyJob, CopyResult, default_temp_dir
from app.core.errors import AppError, InvalidInputError
from app.core.jobs import JobHandle, Outcome, Progress, Result
from app.core.protect.job import RepairJob, RepairResult, default_ecc_path
from app.core.protect.plan import carries_rs02
from app.core.protect.report import describe_repair
from app.core.rip.compare_job import CompareJob
from app.core.rip.inspect import DiscInfoJob, DiscSummary
from app.core.rip.job import ImageFormat, RipJob, RipResult
from app.core.rip.mapfile import BlockStatus
from app.core.rip.report import describe_rip
from app.core.rip.rescue import DEFAULT_RETRIES, DEFAULT_SKIP_AHEAD, RescueOptions
from app.core.rip.source import DiscSource
from app.core.rip.speed import MAXIMUM, ReadSpeed
from app.core.verify.compare import CompareResult
from app.core.verify.report import describe_compare
from app.ui.common.i18n import tr
from app.ui.common.job_bridge import JobBridge
from app.ui.common.progress_text import amount_text, eta_text, phase_text, rate_text
from app.ui.common.responsive import ResponsiveRow
from app.ui.read.copy import BlankPrompt, CopyDialog, ask_with_a_message_box
from app.ui.read.sector_map import COLOURS, SectorMapView

_log = logging.getLogger(__name__)
MAP_REFRESH_MS = 250
PROGRESS_STEPS = 1000
SPEEDS = (
    (str(QT_TR_NOOP("Maximum")), MAXIMUM),
    ("16x", ReadSpeed(times=16)),
    ("8x", ReadSpeed(times=8)),
    ("4x", ReadSpeed(times=4)),
    ("2x", ReadSpeed(times=2)),
    ("1x", ReadSpeed(times=1)),
)
FORMATS = (
    (
        str(QT_TR_NOOP("Automatic (ISO, or BIN/CUE for audio and multi-track CDs)")),
        ImageFormat.AUTO,
    ),
    (str(QT_TR_NOOP("ISO image")), ImageFormat.ISO),
    (str(QT_TR_NOOP("BIN/CUE (raw CD sectors)")), ImageFormat.BIN),
)
"""The labels are marked for lupdate (``QT_TR_NOOP``) and translated where they are shown."""

# translated at the point of use (``tr(NO_DRIVE)``), after the translator is installed
NO_DRIVE = str(
    QT_TR_NOOP("No optical drive found — connect one, or read from an image file instead.")
)
NO_DRIVE_HINT = str(
    QT_TR_NOOP(
        "Connect a CD, DVD or Blu-ray drive and press “Refresh”, or choose “From an image file” "
        "to read an image file instead."
    )
)
NOT_CHECKED = str(QT_TR_NOOP("Not checked yet — press “Check disc” to see what the drive holds."))
EXPLAIN = str(
    QT_TR_NOOP(
        "Reads every sector into the image file. Unreadable sectors are retried at a slow speed "
        "and recorded in a map file, so a later read can resume or retry just those."
    )
)
WAIT = str(QT_TR_NOOP("Wait for the running job to end."))


class ReadPage(QWidget):
    """See the module docstring.  ``open_source`` replaces the drive access (tests)."""

    rip_finished = Signal(object)
    """(Result) emitted when a rip ends, after the page shows it."""
    copy_finished = Signal(object)
    """(Result) emitted when a copy ends, after the page shows it."""
    disc_checked = Signal(object)
    """(Result) emitted when a "Check disc" ends, after the card shows it."""

    def __init__(
        self,
        bridge: JobBridge,
        parent: QWidget | None = None,
        *,
        open_source: Callable[[str], DiscSource] | None = None,
        drive_paths: Callable[[], list[str]] = list,
        open_burner: TransportOpener = open_for_writing,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readPage")
        self.bridge = bridge
        self._open_source = open_source
        self._drive_paths = drive_paths
        self._handle: JobHandle[RipResult] | None = None
        self._job: RipJob | None = None
        self._repair_job: RepairJob | None = None
        self._open_burner = open_burner
        self._copy_job: CopyJob | None = None
        self._copy_handle: JobHandle[CopyResult] | None = None
        self.copy_work_dir: Path | None = None
        """Where a copy's temporary image goes (default ``~/.cache/spindle``)."""
        self.blank_prompt = BlankPrompt(lambda device: ask_with_a_message_box(self, device), self)
        self.choose_copy: Callable[[CopyDialog], bool] = lambda dialog: bool(dialog.exec())
        """Shows the copy dialog (tests answer it)."""
        self._checking = False
        self._comparing = False
        self._repairing = False
        self.last_result: Result[RipResult] | None = None
        self.last_summary: DiscSummary | None = None
        # side by side, or one above the other in a narrow window (1024 px with the Drives pane)
        self.top_row = ResponsiveRow(self._make_source_box(), self._make_target_box())
        buttons = self._make_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.top_row)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.sector_map)
        layout.addWidget(self.legend)
        layout.addWidget(self.result_view, 1)

        self._map_timer = QTimer(self)
        self._map_timer.setInterval(MAP_REFRESH_MS)
        self._map_timer.timeout.connect(self._refresh_map)
        self.refresh_drives()

    # -- layout --------------------------------------------------------------------------

    def _make_source_box(self) -> QGroupBox:
        """Where to read from: a drive (with its disc card) or, as a visible choice, a file."""
        self.from_drive_radio = QRadioButton(tr("From a drive"))
        self.from_drive_radio.setChecked(True)
        self.from_file_radio = QRadioButton(tr("From an image file"))
        self.from_file_radio.setToolTip(tr("Copy or convert an existing image file instead"))
        group = QButtonGroup(self)
        group.addButton(self.from_drive_radio)
        group.addButton(self.from_file_radio)
        self.from_drive_radio.toggled.connect(self._on_source_kind)
        self.drive_combo = QComboBox()
        self.drive_combo.setObjectName("driveCombo")
        self.drive_combo.setToolTip(tr("The optical drive to read"))
        self.drive_combo.setPlaceholderText(tr("No optical drive"))
        self.drive_combo.currentTextChanged.connect(self._on_drive_changed)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setToolTip(tr("Look for optical drives again"))
        self.refresh_button.clicked.connect(self.refresh_clicked)
        self.check_button = QPushButton(tr("Check disc"))
        self.check_button.clicked.connect(self.check_disc)
        drive_row = QHBoxLayout()
        drive_row.addWidget(self.drive_combo, 1)
        drive_row.addWidget(self.refresh_button)
        drive_row.addWidget(self.check_button)
        self.source_file_edit = QLineEdit()
        self.source_file_edit.setObjectName("sourceFileEdit")
        self.source_file_edit.setPlaceholderText(tr("The image file to read, e.g. ~/disc.iso"))
        self.source_file_edit.textChanged.connect(self._update_actions)
        self.source_browse_button = QPushButton(tr("Browse…"))
        self.source_browse_button.clicked.connect(self.browse_source)
        self.file_row = QWidget()
        file_layout = QHBoxLayout(self.file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.source_file_edit, 1)
        file_layout.addWidget(self.source_browse_button)
        self.file_row.setVisible(False)
        self.drive_row = QWidget()
        self.drive_row.setLayout(drive_row)
        drive_row.setContentsMargins(0, 0, 0, 0)
        kinds = QHBoxLayout()
        kinds.addWidget(self.from_drive_radio)
        kinds.addWidget(self.from_file_radio)
        kinds.addStretch(1)
        box = QGroupBox(tr("Read from"))
        column = QVBoxLayout(box)
        column.addLayout(kinds)
        column.addWidget(self.drive_row)
        column.addWidget(self.file_row)
        column.addWidget(self._make_disc_card())
        column.addStretch(1)
        return box

    def _make_disc_card(self) -> QFrame:
        """The chosen drive and its disc: medium, state, contents and label."""
        self.disc_card = QFrame()
        self.disc_card.setObjectName("discCard")
        self.disc_card.setFrameShape(QFrame.Shape.StyledPanel)
        self.disc_title = QLabel("")
        self.disc_title.setObjectName("discTitle")
        font = self.disc_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.disc_title.setFont(font)
        self.disc_label = QLabel("")
        self.disc_label.setObjectName("discLabel")
        self.disc_label.setWordWrap(True)
        self.disc_details = QLabel("")
        self.disc_details.setObjectName("discDetails")
        self.disc_details.setWordWrap(True)
        card = QVBoxLayout(self.disc_card)
        card.addWidget(self.disc_title)
        card.addWidget(self.disc_label)
        card.addWidget(self.disc_details)
        return self.disc_card

    def _make_target_box(self) -> QGroupBox:
        self.output_edit = QLineEdit()
        self.output_edit.setPlaceholderText(tr("Where the image goes, e.g. ~/disc.iso"))
        self.output_edit.textChanged.connect(self._update_actions)
        self.browse_button = QPushButton(tr("Browse…"))
        self.browse_button.clicked.connect(self.browse_output)
        output_row = QHBoxLayout()
        output_row.addWidget(QLabel(tr("Image file:")))
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.browse_button)
        self.start_button = QPushButton(tr("Read disc to image"))
        self.start_button.setObjectName("startButton")
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(40)
        font = self.start_button.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.start_button.setFont(font)
        self.start_button.clicked.connect(self.start)
        self.explain_label = QLabel(tr(EXPLAIN))
        self.explain_label.setObjectName("explainLabel")
        self.explain_label.setWordWrap(True)
        self.advanced_button = QToolButton()
        self.advanced_button.setObjectName("advancedButton")
        self.advanced_button.setText(tr("Advanced"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setToolTip(tr("Retries, skip-ahead, speed, map file, verify, format"))
        self.advanced_button.toggled.connect(self._on_advanced)
        self.advanced = self._make_advanced()
        self.advanced.setVisible(False)
        self.copy_button = QPushButton(tr("Copy to a blank disc…"))
        self.copy_button.setObjectName("copyButton")
        self.copy_button.clicked.connect(self.copy_disc)
        box = QGroupBox(tr("Read to"))
        column = QVBoxLayout(box)
        column.addLayout(output_row)
        column.addWidget(self.start_button)
        column.addWidget(self.explain_label)
        advanced_row = QHBoxLayout()
        advanced_row.addWidget(self.advanced_button)
        advanced_row.addStretch(1)
        advanced_row.addWidget(self.copy_button)
        column.addLayout(advanced_row)
        column.addWidget(self.advanced)
        column.addStretch(1)
        return box

    def _make_advanced(self) -> QWidget:
        self.format_combo = QComboBox()
        # its longest entry does not set the page's width (the list still shows it in full)
        self.format_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.format_combo.setMinimumContentsLength(16)
        for label, fmt in FORMATS:
            self.format_combo.addItem(tr(label), fmt)
        self.retries_spin = QSpinBox()
        self.retries_spin.setRange(0, 99)
        self.retries_spin.setValue(DEFAULT_RETRIES)
        self.retries_spin.setToolTip(tr("Passes over the unreadable sectors, at a slow speed"))
        self.skip_check = QCheckBox(tr("Skip past runs of errors first (badly scratched discs)"))
        self.skip_check.setChecked(DEFAULT_SKIP_AHEAD)
        self.speed_combo = QComboBox()
        for label, speed in SPEEDS:
            self.speed_combo.addItem(tr(label), speed)
        self.map_edit = QLineEdit()
        self.map_edit.setPlaceholderText(tr("Next to the image (IMAGE.map)"))
        self.resume_check = QCheckBox(tr("Resume from the map (or retry its unreadable sectors)"))
        self.verify_check = QCheckBox(tr("Read the disc again and compare when done"))
        advanced = QWidget()
        advanced.setObjectName("advancedOptions")
        form = QFormLayout(advanced)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Format:"), self.format_combo)
        form.addRow(tr("Read speed:"), self.speed_combo)
        form.addRow(tr("Retries:"), self.retries_spin)
        form.addRow(tr("Map file:"), self.map_edit)
        for box in (self.skip_check, self.resume_check, self.verify_check):
            form.addRow(box)  # the whole width: long (translated) texts do not widen the page
        return advanced

    def _make_buttons(self) -> QHBoxLayout:
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(tr("Nothing is running"))
        self.cancel_button.clicked.connect(self.cancel)
        self.compare_button = QPushButton(tr("Compare disc with image"))
        self.compare_button.clicked.connect(self.compare)
        self.repair_button = QPushButton(tr("Repair with error-correction data"))
        self.repair_button.setObjectName("repairButton")
        self.repair_button.setToolTip(
            tr("Rebuild the unreadable sectors from the image's dvdisaster .ecc file")
        )
        self.repair_button.setVisible(False)
        self.repair_button.clicked.connect(self.repair)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_bar, 100)  # the stretch after it: when it is hidden
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.repair_button)
        buttons.addWidget(self.compare_button)
        self.status_label = QLabel("")
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.sector_map = SectorMapView()
        self.sector_map.setVisible(False)
        self.legend = QLabel(
            "&nbsp;&nbsp;".join(
                f'<span style="color:{COLOURS[status].name()}">■</span> {text}'
                for status, text in (
                    (BlockStatus.FINISHED, tr("read", "sector map legend")),
                    (BlockStatus.NON_TRIED, tr("not read yet")),
                    (BlockStatus.NON_TRIMMED, tr("failed, being split")),
                    (BlockStatus.BAD_SECTOR, tr("unreadable")),
                )
            )
        )
        self.result_view = QPlainTextEdit()
        self.result_view.setObjectName("resultView")
        self.result_view.setReadOnly(True)
        self.result_view.setPlaceholderText(tr("The result of the read shows here."))
        self.result_view.setMinimumHeight(60)  # the page fits 1366x800 with the map shown
        self.legend.setVisible(False)
        return buttons

    # -- state ---------------------------------------------------------------------------

    def _on_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _on_source_kind(self) -> None:
        from_drive = self.from_drive_radio.isChecked()
        self.drive_row.setVisible(from_drive)
        self.file_row.setVisible(not from_drive)
        self.disc_card.setVisible(from_drive)
        self.start_button.setText(tr("Read disc to image") if from_drive else tr("Copy image file"))
        self._update_actions()

    def _on_drive_changed(self) -> None:
        self.last_summary = None
        self._show_card()
        self._update_actions()

    def show_map(self, shown: bool = True) -> None:
        """The sector map and its legend (hidden until the first read or comparison)."""
        self.sector_map.setVisible(shown)
        self.legend.setVisible(shown)

    def _running(self) -> bool:
        jobs = (self._handle, self._copy_handle)
        return any(h is not None for h in jobs) or any(
            (self._checking, self._comparing, self._repairing)
        )

    def _show_card(self) -> None:
        device = self.drive_combo.currentText()
        if not device:
            self.disc_title.setText(tr("No optical drive found"))
            self.disc_label.setText(tr(NO_DRIVE_HINT))
            self.disc_details.setText("")
            return
        self.disc_title.setText(device)
        summary = self.last_summary
        if summary is None or summary.device != device:
            self.disc_label.setText(tr(NOT_CHECKED))
            self.disc_details.setText("")
            return
        self.disc_label.setText(summary.state_text())
        self.disc_details.setText(summary.details_text())

    def start_reason(self) -> str:
        """Why "Read disc to image" cannot start now ("" when it can)."""
        if self._running():
            return tr(WAIT)
        if self.from_drive_radio.isChecked() and not self.drive_combo.currentText():
            return tr(NO_DRIVE)
        if self.from_file_radio.isChecked() and not self.source_file_edit.text().strip():
            return tr("Choose the image file to read first.")
        if not self.output_edit.text().strip():
            return tr("Choose where the image goes first.")
        return ""

    def _check_reason(self) -> str:
        if self._running():
            return tr(WAIT)
        if not self.drive_combo.currentText():
            return tr(NO_DRIVE)
        return ""

    def _copy_reason(self) -> str:
        if self._running():
            return tr(WAIT)
        if self.from_file_radio.isChecked():
            return tr("Copying is from a disc: choose “From a drive”.")
        if not self.drive_combo.currentText():
            return tr(NO_DRIVE)
        return ""

    def _compare_reason(self) -> str:
        if self._running():
            return tr(WAIT)
        if self.from_drive_radio.isChecked() and not self.drive_combo.currentText():
            return tr(NO_DRIVE)
        text = self.output_edit.text().strip()
        if not text or not Path(text).expanduser().is_file():
            return tr("Choose an existing image file to compare the disc with.")
        return ""

    def _update_actions(self) -> None:
        """Enable what can run now; every disabled control says why in its tooltip."""
        for button, reason, ready in (
            (self.start_button, self.start_reason(), tr(EXPLAIN)),
            (self.check_button, self._check_reason(), tr("Look at the disc without reading it")),
            (
                self.compare_button,
                self._compare_reason(),
                tr("Read the disc again and compare it with the image file"),
            ),
            (
                self.copy_button,
                self._copy_reason(),
                tr("Read this disc and burn it onto a blank disc, then verify the copy"),
            ),
        ):
            button.setEnabled(not reason)
            button.setToolTip(reason or ready)
        idle = not self._running()
        self.refresh_button.setEnabled(idle)
        self.refresh_button.setToolTip(tr("Look for optical drives again") if idle else tr(WAIT))
        running = self._handle is not None or self._copy_handle is not None
        self.cancel_button.setEnabled(running)
        self.cancel_button.setToolTip(tr("Stop the read") if running else tr("Nothing is running"))

    # -- inputs --------------------------------------------------------------------------

    def refresh_drives(self) -> None:
        """Re-read the drive list (the main window passes the drive panel's drives and calls
        this whenever the panel's drives change)."""
        current = self.drive_combo.currentText()
        self.drive_combo.blockSignals(True)
        self.drive_combo.clear()
        self.drive_combo.addItems(self._drive_paths())
        if current:
            self.drive_combo.setCurrentText(current)
        if self.drive_combo.currentIndex() < 0 and self.drive_combo.count():
            self.drive_combo.setCurrentIndex(0)
        self.drive_combo.blockSignals(False)
        if self.drive_combo.currentText() != current:
            self.last_summary = None
        self._show_card()
        self._update_actions()

    def refresh_clicked(self) -> None:
        """The Refresh button: look again and say what was found."""
        self.refresh_drives()
        count = self.drive_combo.count()
        if count == 0:
            self._say(tr("No optical drive found — connect one, or read from an image file."))
        elif count == 1:
            self._say(tr("Found {count} optical drive.").format(count=count))
        else:
            self._say(tr("Found {count} optical drives.").format(count=count))

    def set_drive(self, path: str) -> None:
        """Select ``path`` (the drive panel calls this when the user picks a drive)."""
        self.drive_combo.setCurrentText(path)

    def browse_source(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            tr("Read the image file"),
            self.source_file_edit.text(),
            tr("Disc images (*.iso *.bin)"),
        )
        if name:
            self.source_file_edit.setText(name)

    def browse_output(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Save the image as"), self.output_edit.text(), tr("Disc images (*.iso *.bin)")
        )
        if name:
            self.output_edit.setText(name)

    def _device(self) -> str:
        if self.from_file_radio.isChecked():
            text = self.source_file_edit.text().strip()
            if not text:
                raise InvalidInputError(tr("Choose the image file to read first."))
            return str(Path(text).expanduser())
        device = self.drive_combo.currentText().strip()
        if not device:
            raise InvalidInputError(tr(NO_DRIVE))
        return device

    def make_job(self) -> RipJob:
        """The rip the form describes (raises InvalidInputError for missing fields)."""
        device = self._device()
        text = self.output_edit.text().strip()
        if not text:
            raise InvalidInputError(tr("Choose where the image goes."))
        map_text = self.map_edit.text().strip()
        return RipJob(
            device=device,
            output=Path(text).expanduser(),
            map_path=Path(map_text).expanduser() if map_text else None,
            resume=self.resume_check.isChecked(),
            options=RescueOptions(
                retries=self.retries_spin.value(), skip_ahead=self.skip_check.isChecked()
            ),
            image_format=self.format_combo.currentData(),
            verify=self.verify_check.isChecked(),
            speed=self.speed_combo.currentData(),
            open_source=self._open_source,
        )

    # -- actions -------------------------------------------------------------------------

    def check_disc(self) -> None:
        try:
            device = self._device()
        except AppError as exc:
            self._say(exc.message)
            return
        self._checking = True
        self.last_summary = None
        checking = tr("Checking the disc in {device}…").format(device=device)
        self.disc_label.setText(checking)
        self.disc_details.setText("")
        self._say(checking)
        self._update_actions()
        self.bridge.submit(
            DiscInfoJob(device, self._open_source), on_done=self._show_disc, context=self
        )

    def start(self) -> None:
        if self._handle is not None:
            return
        try:
            job = self.make_job()
        except AppError as exc:
            self._say(exc.message)
            return
        self._job = job
        self.result_view.clear()
        self.sector_map.clear()
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.show_map()
        self.status_label.setText(tr("Starting…"))
        self._handle = self.bridge.submit(
            job, on_progress=self._on_progress, on_done=self._on_rip_done, context=self
        )
        self._set_running(True)
        self._map_timer.start()

    def cancel(self) -> None:
        for handle in (self._handle, self._copy_handle):
            if handle is not None:
                self.status_label.setText(tr("Cancelling…"))
                self.bridge.cancel(handle)

    # -- copy disc -----------------------------------------------------------------------

    def copy_disc(self) -> None:
        """ "Copy to a blank disc…": choose the burner, then run the copy."""
        if self._copy_reason():
            self._say(self._copy_reason())
            return
        source = self.drive_combo.currentText()
        drives = [self.drive_combo.itemText(i) for i in range(self.drive_combo.count())]
        dialog = CopyDialog(source, drives, self.output_edit.text().strip(), self)
        if not self.choose_copy(dialog):
            return
        keep = (
            Path(self.output_edit.text().strip()).expanduser()
            if dialog.keep_check.isChecked()
            else None
        )
        self.start_copy(dialog.target(), keep)

    def start_copy(self, target: str, keep: Path | None = None) -> None:
        work = self.copy_work_dir or default_temp_dir()
        try:
            work.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            self._say(
                tr("Cannot make the folder for the temporary image, {folder}: {error}").format(
                    folder=work, error=exc
                )
            )
            return
        job = CopyJob(
            self.drive_combo.currentText(),
            target,
            work_dir=work,
            keep_image=keep,
            options=RescueOptions(
                retries=self.retries_spin.value(), skip_ahead=self.skip_check.isChecked()
            ),
            ask_for_blank=self.blank_prompt,
            open_source=self._open_source,
            opener=self._open_burner,
        )
        self._copy_job = job
        self._job = None
        self.result_view.clear()
        self.sector_map.clear()
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.show_map()
        self.status_label.setText(
            tr("Copying the disc in {source} to {target}…").format(source=job.source, target=target)
        )
        self._copy_handle = self.bridge.submit(
            job, on_progress=self._on_progress, on_done=self._on_copy_done, context=self
        )
        self._set_running(True)
        self._map_timer.start()

    def _on_copy_done(self, result: Result[CopyResult]) -> None:
        self._copy_handle = None
        self._map_timer.stop()
        self._refresh_map()
        self._set_running(False)
        value = result.value
        if result.ok and value is not None:
            self.progress_bar.setValue(PROGRESS_STEPS)
            done = (
                tr("Copied and verified: the {medium} in {device}.")
                if value.burn.verify is not None
                else tr("Copied: the {medium} in {device}.")
            ).format(medium=value.burn.medium, device=value.burn.device)
            if value.kept:
                done += " " + tr("The image is kept as {image}.").format(image=value.image)
            self._say(done)
            self.result_view.setPlainText(describe_rip(value.rip))
        else:
            error = result.error
            self._say(error.message if error else tr("The copy failed."))
            if error is not None:
                self.result_view.setPlainText(f"{error.message}\n{error.detail}".strip())
        self.copy_finished.emit(result)

    def compare(self) -> None:
        try:
            device = self._device()
        except AppError as exc:
            self._say(exc.message)
            return
        image = Path(self.output_edit.text().strip()).expanduser()
        if not self.output_edit.text().strip() or not image.is_file():
            self._say(tr("Choose an existing image file to compare the disc with."))
            return
        map_text = self.map_edit.text().strip()
        job = CompareJob(
            device, image, Path(map_text).expanduser() if map_text else None, self._open_source
        )
        self._comparing = True
        self._update_actions()
        self.progress_bar.setVisible(True)
        self.status_label.setText(
            tr("Comparing {device} with {image}…").format(device=device, image=image.name)
        )
        self.bridge.submit(
            job, on_progress=self._on_progress, on_done=self._on_compare_done, context=self
        )

    def repair(self) -> None:
        """Rebuild the last rip's unreadable sectors from the .ecc file found beside it."""
        job = self._repair_job
        if job is None:
            return
        self.repair_button.setEnabled(False)
        self._repairing = True
        self._update_actions()
        self.status_label.setText(
            tr("Repairing {image} with {ecc}…").format(image=job.image.name, ecc=job.ecc.name)
            if job.ecc
            else tr("Repairing {image} with its own error-correction data…").format(
                image=job.image.name
            )
        )
        self.bridge.submit(
            job, on_progress=self._on_progress, on_done=self._on_repair_done, context=self
        )

    def _offer_repair(self, value: RipResult) -> None:
        """Show "Repair with NAME.ecc" when the rip has unreadable sectors and an RS01 file
        is beside the image (``disc.ecc`` or ``disc.iso.ecc``), or "Repair with
        error-correction data" when the image carries RS02 data of its own (issue 14)."""
        self._repair_job = None
        self.repair_button.setVisible(False)
        if not value.summary.bad_sectors:
            return
        image = value.output
        for ecc in (default_ecc_path(image), image.with_name(image.name + ".ecc")):
            if ecc.is_file():
                self._repair_job = RepairJob(image, ecc, value.map_path)
                self.repair_button.setText(tr("Repair with {ecc}").format(ecc=ecc.name))
                self.repair_button.setEnabled(True)
                self.repair_button.setVisible(True)
                self.status_label.setText(
                    self.status_label.text()
                    + " "
                    + tr(
                        "Error-correction data found: “Repair with {ecc}” can rebuild them."
                    ).format(ecc=ecc.name)
                )
                return
        if carries_rs02(image):
            # an augmented disc's rip: the image's own RS02 data (the map marks the erasures)
            self._repair_job = RepairJob(image, None, value.map_path)
            self.repair_button.setText(tr("Repair with error-correction data"))
            self.repair_button.setEnabled(True)
            self.repair_button.setVisible(True)
            self.status_label.setText(
                self.status_label.text()
                + " "
                + tr(
                    "The image carries its own error-correction data (dvdisaster RS02): "
                    "“Repair with error-correction data” can rebuild them."
                )
            )

    def _on_repair_done(self, result: Result[RepairResult]) -> None:
        self._repairing = False
        self._update_actions()
        self.progress_bar.setValue(PROGRESS_STEPS)
        value = result.value
        if result.ok and value is not None:
            report = value.report
            left = len(report.unrepairable)
            self.status_label.setText(
                tr("Repaired: all %n damaged sectors were rebuilt.", "", len(report.repaired))
                if report.ok
                else tr("Repaired {repaired} sectors; %n could not be rebuilt.", "", left).format(
                    repaired=len(report.repaired)
                )
            )
            self.result_view.setPlainText(describe_repair(value))
            self.repair_button.setVisible(not report.ok)
            self.repair_button.setEnabled(False)
            return
        self.repair_button.setEnabled(True)
        error = result.error
        self.status_label.setText(error.message if error else tr("The repair failed."))
        if error is not None:
            self.result_view.setPlainText(f"{error.message}\n{error.detail}".strip())

    # -- job signals ---------------------------------------------------------------------

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.drive_combo,
            self.output_edit,
            self.format_combo,
            self.map_edit,
            self.source_file_edit,
            self.from_drive_radio,
            self.from_file_radio,
        ):
            widget.setEnabled(not running)
        self._update_actions()

    def _say(self, text: str) -> None:
        self.status_label.setText(text)

    def _on_progress(self, progress: Progress) -> None:
        """A snapshot of the running rip or comparison."""
        fraction = progress.fraction
        self.progress_bar.setValue(round((fraction or 0.0) * PROGRESS_STEPS))
        parts = [phase_text(progress)]
        parts += [
            t
            for t in (
                amount_text(progress),
                rate_text(progress),
                eta_text(progress),
                progress.message,
            )
            if t
        ]
        self.status_label.setText(" · ".join(parts))

    def _refresh_map(self) -> None:
        job = self._job
        if job is None and self._copy_job is not None:
            job = self._copy_job.rip
        if job is None or job.rescue_map is None:
            return
        self.sector_map.set_blocks(job.rescue_map.blocks(), job.rescue_map.size_bytes)

    def _show_disc(self, result: Result[DiscSummary]) -> None:
        self._checking = False
        if result.ok and result.value is not None:
            self.last_summary = result.value
            self._show_card()
            self._say(tr("Checked: {disc}.").format(disc=result.value.describe()))
        else:
            message = result.error.message if result.error else tr("The check failed.")
            self.disc_label.setText(message)
            self.disc_details.setText("")
            self._say(message)
        self._update_actions()
        self.disc_checked.emit(result)

    def _on_compare_done(self, result: Result[CompareResult]) -> None:
        self._comparing = False
        self._update_actions()
        if result.ok and result.value is not None:
            self.status_label.setText(tr("The disc and the image are identical."))
            self.result_view.setPlainText(describe_compare(result.value))
        elif result.error is not None:
            self.status_label.setText(result.error.message)
            self.result_view.setPlainText(result.error.detail)

    def _on_rip_done(self, result: Result[RipResult]) -> None:
        self._handle = None
        self._map_timer.stop()
        self._refresh_map()
        self._set_running(False)
        self.last_result = result
        self._show_rip(result)
        self.rip_finished.emit(result)

    def _show_rip(self, result: Result[RipResult]) -> None:
        value = result.value
        if result.ok and value is not None:
            self.progress_bar.setValue(PROGRESS_STEPS)
            bad = value.summary.bad_sectors
            self.status_label.setText(
                tr("Done: every sector was read.")
                if not bad
                else tr("Done: {count} unreadable sector.").format(count=bad)
                if bad == 1
                else tr("Done: {count} unreadable sectors.").format(count=bad)
            )
            self.result_view.setPlainText(describe_rip(value))
            self._offer_repair(value)
            return
        error = result.error
        if result.outcome is Outcome.CANCELLED:
            self.resume_check.setChecked(True)  # the map file keeps what was read
            self.status_label.setText(
                tr("Cancelled. Press “{start}” to go on where it stopped.").format(
                    start=self.start_button.text().replace("&", "")
                )
            )
        elif error is not None:
            self.status_label.setText(tr("The read failed: {reason}").format(reason=error.message))
        else:
            self.status_label.setText(tr("The rip failed."))
        if error is not None:
            self.result_view.setPlainText(f"{error.message}\n{error.detail}".strip())
