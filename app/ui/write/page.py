"""The Write workspace: burn an image onto the disc in a drive, then verify it.

The page checks the inserted disc first (an :class:`InspectMediumJob` on the drive's lane) and
shows its capacity against the image, the speeds the drive offers for it and whether
simulation is possible (greyed out with the reason when not).  Burning runs a
:class:`~app.core.burn.job.BurnJob` through the job bridge; its phase, speed, the drive's
buffer fill and the time left are shown as they arrive.  Cancel asks first and says that a
partly written write-once disc cannot be used again.  With more than one copy, the page asks
for the next blank disc after each burn.

The target picker lists the optical drives and, in their own group, the USB sticks and SD
cards a :class:`~app.core.devices.disk_watch.DiskSource` reports as they are plugged and
pulled (only those the core offers: never a disk the system runs from; fixed disks only with
the Advanced unlock).  Choosing a disk switches the page to writing to USB
(:mod:`app.ui.write.usb`): the stick and what it holds, whether the image will boot from it,
the pre-flight verdict; "Write to USB…" asks (naming the stick and everything that is
erased or unmounted) and runs a :class:`~app.core.flash.job.FlashJob`, verified by reading
back unless the user turns that off.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.burn.erase import EraseJob, EraseResult
from app.core.burn.inspect import InspectMediumJob
from app.core.burn.job import BurnJob, BurnResult, TransportOpener, open_for_writing
from app.core.burn.medium import MediumStatus
from app.core.burn.preflight import BurnOptions, check, preview_image
from app.core.burn.speeds import SpeedRequest, label, offered
from app.core.burn.write_methods import verification_note, write_once
from app.core.devices.disk_watch import DiskSource, SystemDiskSource
from app.core.devices.removable import DiskEntry
from app.core.errors import AppError
from app.core.flash import writer
from app.core.flash.access import DeviceAccess
from app.core.flash.boot import detect_file
from app.core.flash.job import FlashJob, FlashOptions, FlashResult, check_identity, plan_flash
from app.core.jobs import JobHandle, Outcome, Progress, Result
from app.core.protect.augmented_copy import AugmentedCopy
from app.core.transport import open_transport
from app.core.units import SECTOR_SIZE, format_size
from app.ui.common.empty_state import EmptyState
from app.ui.common.i18n import tr
from app.ui.common.icons import Symbol
from app.ui.common.job_bridge import JobBridge
from app.ui.common.progress_text import eta_text, phase_text, rate_text
from app.ui.write.erase import ERASABLE, EraseConfirmation
from app.ui.write.protect_option import WriteProtectOption
from app.ui.write.targets import Target, TargetCombo
from app.ui.write.usb import FlashConfirmation, UsbPanel, failure_text, success_text

SUFFIXES = (".iso", ".img", ".cue", ".bin", ".nrg", ".mds", ".mdf", ".ccd", ".cdi", ".chd")
"""Images the page takes: ISO, and CD images (burned as their data track)."""
IMAGE_PATTERNS = " ".join(f"*{s}" for s in SUFFIXES)
FILTER_TEXT = str(QT_TR_NOOP("Disc images ({patterns});;All files (*)"))
IMAGE_FILTER = FILTER_TEXT.format(patterns=IMAGE_PATTERNS)
"""The file dialog's filter, untranslated (:func:`image_filter` is the one shown)."""

_log = logging.getLogger(__name__)

# marked for lupdate, translated where they are shown: tr(NAME) after the translator is in
DRIVES_CHOICE = str(QT_TR_NOOP("Drive's choice"))
NEXT_DISC_TITLE = str(QT_TR_NOOP("Next disc"))
NO_TARGET_HEADING = str(QT_TR_NOOP("No optical drive or USB stick found"))
NO_TARGET_TEXT = str(
    QT_TR_NOOP(
        "Connect a CD, DVD or Blu-ray drive to burn discs, or plug in a USB stick or SD card to "
        "write the image to it: it is listed here as soon as it is connected."
    )
)
RUNNING_REASON = str(QT_TR_NOOP("A job is running on this page: wait for it to end or cancel it."))
NOTHING_RUNNING = str(QT_TR_NOOP("Nothing is running."))
NO_DRIVE_REASON = str(QT_TR_NOOP("No optical drive is chosen: connect one."))
CHECK_FIRST = str(QT_TR_NOOP("Check the disc in the drive first (Check disc)."))
SPEEDS_REASON = str(QT_TR_NOOP("The speeds are listed once the disc in the drive is checked."))
SIMULATE_REASON = str(
    QT_TR_NOOP(
        "Check a disc first: whether a test write is possible depends on the disc and the drive."
    )
)


def image_filter() -> str:
    """The file dialog's filter in the UI language."""
    return tr(FILTER_TEXT).format(patterns=IMAGE_PATTERNS)


def set_enabled(widget: QWidget, enabled: bool, why: str, tip: str = "") -> None:
    """Enable ``widget``, or disable it with ``why`` as its tooltip (a disabled control says
    why it is disabled)."""
    widget.setEnabled(enabled)
    widget.setToolTip(tip if enabled else why)


def burned_text(simulated: bool, verified: bool) -> str:
    """The headline after a burn, with ``{medium}`` and ``{device}`` to fill in."""
    if simulated:
        return (
            tr("Simulated and verified: {medium} in {device}.")
            if verified
            else tr("Simulated: {medium} in {device}.")
        )
    return (
        tr("Burned and verified: {medium} in {device}.")
        if verified
        else tr("Burned: {medium} in {device}.")
    )


class WritePage(QWidget):
    """The Write workspace's content (module docstring)."""

    burn_finished = Signal(object)
    """(Result) one burn ended (for tests and the status bar)."""
    medium_checked = Signal(object)
    """(MediumStatus | AppError) the disc check ended."""
    flash_finished = Signal(object)
    """(Result[FlashResult]) a write to a USB stick ended."""
    erase_finished = Signal(object)
    """(Result[EraseResult]) an erase ended."""
    targets_changed = Signal()
    """The target list was refreshed (drives or disks came or went)."""
    _disks_arrived = Signal(object)

    def __init__(
        self,
        bridge: JobBridge,
        *,
        writer_opener: TransportOpener = open_for_writing,
        reader_opener: TransportOpener = open_transport,
        disk_source: DiskSource | None = None,
        flash_access: DeviceAccess | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("writePage")
        self.setAcceptDrops(True)
        self.bridge = bridge
        self.writer_opener = writer_opener
        self.reader_opener = reader_opener
        self.disk_source: DiskSource = (
            disk_source if disk_source is not None else SystemDiskSource()
        )
        self.flash_access = flash_access
        """How a FlashJob opens the disk (None: udisks2, or directly as root)."""
        self.flash_chunk_bytes = writer.CHUNK_BYTES
        self.medium: MediumStatus | None = None
        self.handle: JobHandle[BurnResult] | None = None
        self.flash_handle: JobHandle[FlashResult] | None = None
        self.erase_handle: JobHandle[EraseResult] | None = None
        self._check: JobHandle[MediumStatus] | None = None
        self._copies_left = 0
        self._drives: list[str] = []
        self.disks: tuple[DiskEntry, ...] = ()
        """Every disk the source listed, offerable or not."""
        self._want_usb = False
        self._build_inputs()
        self._build_layout()
        self._on_target_changed()
        # the watcher thread reports new listings; re-emit them on the GUI thread
        self._disks_arrived.connect(self.set_disks, Qt.ConnectionType.QueuedConnection)
        source = self.disk_source
        self.destroyed.connect(lambda *_args: source.stop())
        source.start(self._disks_arrived.emit)

    def _build_inputs(self) -> None:
        self.image_edit = QLineEdit()
        self.image_edit.setPlaceholderText(tr("Drop an .iso here or choose one"))
        self.image_edit.editingFinished.connect(self.update_fit)
        self.drive_combo = TargetCombo()
        self.drive_combo.currentIndexChanged.connect(lambda _i: self._on_target_changed())
        self.check_button = QPushButton(tr("Check disc"))
        self.check_button.clicked.connect(self.check_disc)

        self.medium_label = QLabel(tr("No disc checked yet."))
        self.medium_label.setWordWrap(True)
        self.fit_label = QLabel("")
        self.fit_label.setWordWrap(True)
        self.note_label = QLabel("")
        self.note_label.setWordWrap(True)
        self.accept_losses_box = QCheckBox(tr("Burn the data track anyway (the rest is not kept)"))
        self.accept_losses_box.setVisible(False)
        self.accept_losses_box.toggled.connect(lambda _on: self.update_fit())

        self.speed_combo = QComboBox()
        self.speed_combo.addItem(tr(DRIVES_CHOICE), None)
        self.speed_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        set_enabled(self.speed_combo, False, tr(SPEEDS_REASON))
        self.simulate_box = QCheckBox(tr("Simulate (laser off)"))
        set_enabled(self.simulate_box, False, tr(SIMULATE_REASON))
        self.verify_box = QCheckBox(tr("Verify the disc after burning"))
        self.verify_box.setChecked(True)
        self.eject_box = QCheckBox(tr("Eject when done"))
        self.copies_spin = QSpinBox()
        self.copies_spin.setRange(1, 99)
        self.protect_option = WriteProtectOption(self.bridge)

        self.usb_panel = UsbPanel()
        self.unlock_box = QCheckBox(tr("Also offer fixed (built-in) disks"))
        # the explanation wraps below the box (a check box's text never wraps)
        self.unlock_note = QLabel(
            tr(
                "Everything on the disk you choose is erased; the disk this system runs from is "
                "never offered."
            )
        )
        self.unlock_note.setWordWrap(True)
        self.unlock_box.toggled.connect(lambda _on: self._refresh_targets())
        self.advanced_button = QToolButton()
        self.advanced_button.setText(tr("Advanced"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.toggled.connect(self._show_advanced)

        self._build_buttons()

    def _build_buttons(self) -> None:
        self.burn_button = QPushButton(tr("Burn"))
        set_enabled(self.burn_button, False, tr("Choose an image to burn first."))
        self.burn_button.clicked.connect(self.start_burn)
        self.flash_button = QPushButton(tr("Write to USB…"))
        set_enabled(self.flash_button, False, tr("Plug in a USB stick or SD card."))
        self.flash_button.clicked.connect(self.start_flash)
        self.cancel_button = QPushButton(tr("Cancel"))
        set_enabled(self.cancel_button, False, tr(NOTHING_RUNNING))
        self.cancel_button.clicked.connect(self.cancel_burn)
        self.erase_button = QPushButton(tr("Erase Disc…"))
        set_enabled(self.erase_button, False, tr(CHECK_FIRST))
        self.erase_button.clicked.connect(self.start_erase)
        self.empty_state = EmptyState(
            Symbol.DRIVE,
            tr(NO_TARGET_HEADING),
            tr(NO_TARGET_TEXT),
            icon_px=48,
            heading_scale=1.2,
            max_text_width_px=460,
        )

        self.phase_label = QLabel("")
        self.phase_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.hide()  # no bar until something runs
        self.detail_label = QLabel("")
        self.detail_label.setWordWrap(True)

    def _build_disc_panel(self) -> QWidget:
        form = QFormLayout()
        form.addRow(tr("Disc"), self.medium_label)
        form.addRow("", self.fit_label)
        form.addRow("", self.accept_losses_box)
        for name, field in ((tr("Speed"), self.speed_combo), (tr("Copies"), self.copies_spin)):
            row = QHBoxLayout()  # at their own width, not stretched across the page
            row.addWidget(field)
            row.addStretch(1)
            form.addRow(name, row)
        options = QVBoxLayout()
        for box in (self.simulate_box, self.verify_box, self.eject_box):
            options.addWidget(box)
        options.addWidget(self.protect_option)
        form.addRow(tr("Options"), options)
        panel = QWidget()
        panel.setObjectName("discPanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        return panel

    def _build_layout(self) -> None:
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self.choose_image)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image_edit, 1)
        image_row.addWidget(browse)
        drive_row = QHBoxLayout()
        drive_row.addWidget(self.drive_combo, 1)
        drive_row.addWidget(self.check_button)
        form = QFormLayout()
        form.addRow(tr("Image"), image_row)
        form.addRow(tr("Target"), drive_row)
        self.disc_panel = self._build_disc_panel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.burn_button)
        buttons.addWidget(self.flash_button)
        self.advanced_frame = QFrame()
        advanced = QVBoxLayout(self.advanced_frame)
        advanced.setContentsMargins(18, 0, 0, 0)
        advanced.addWidget(self.unlock_box)
        advanced.addWidget(self.unlock_note)
        self.advanced_frame.hide()
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(form)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.disc_panel)
        layout.addWidget(self.usb_panel)
        layout.addLayout(buttons)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.advanced_button)
        layout.addWidget(self.advanced_frame)
        layout.addStretch(1)
        # scrolls rather than forcing a minimum window height
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _show_advanced(self, shown: bool) -> None:
        self.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.advanced_frame.setVisible(shown)

    # -- targets --------------------------------------------------------------------------
    def set_drives(self, paths: list[str]) -> None:
        self._drives = list(paths)
        self._refresh_targets()

    def set_disks(self, disks: tuple[DiskEntry, ...]) -> None:
        """The disk source's listing (every disk; only the offerable ones are shown)."""
        self.disks = tuple(disks)
        self._refresh_targets()

    @property
    def offered_disks(self) -> tuple[DiskEntry, ...]:
        unlock = self.unlock_box.isChecked()
        return tuple(d for d in self.disks if d.offerable(unlock_fixed=unlock))

    def _refresh_targets(self) -> None:
        changed = self.drive_combo.set_targets(
            self._drives, self.offered_disks, prefer_disk=self._want_usb
        )
        if changed:
            self._on_target_changed()
        self.targets_changed.emit()

    def current_target(self) -> Target | None:
        return self.drive_combo.current_target()

    def current_disk(self) -> DiskEntry | None:
        target = self.current_target()
        return target.disk if target is not None else None

    @property
    def usb_mode(self) -> bool:
        """A disk is the target (or "Write to USB…" asked for one and none is plugged in)."""
        target = self.current_target()
        return target.is_disk if target is not None else self._want_usb

    def use_usb(self) -> None:
        """Switch to writing to a USB stick: the first one listed, or the first that is
        plugged in ("Write to USB…" from the Build and Image workspaces)."""
        self._want_usb = True
        target = self.current_target()
        if target is None or not target.is_disk:
            first = next((t for _row, t in self.drive_combo.targets() if t.is_disk), None)
            if first is not None:
                self.drive_combo.select_path(first.path)  # emits: the target changes
                return
        self._on_target_changed()

    def _on_target_changed(self) -> None:
        target = self.current_target()
        if target is not None:
            self._want_usb = target.is_disk
        self._update_mode()
        if self.usb_mode:
            self.update_fit()
        else:
            self.check_disc()

    def _update_mode(self) -> None:
        usb = self.usb_mode
        # both in one column, one hidden: word-wrapped labels get their height for the width
        # (a QStackedWidget would size them for the tallest page at a guessed width)
        nothing = self.current_target() is None and not usb
        self.empty_state.setVisible(nothing)
        self.disc_panel.setVisible(not usb and not nothing)
        self.usb_panel.setVisible(usb)
        self.check_button.setVisible(not usb)
        set_enabled(self.check_button, not nothing, tr(NO_DRIVE_REASON), tr("Read the disc again"))
        self.burn_button.setVisible(not usb)
        self.erase_button.setVisible(not usb)
        self.flash_button.setVisible(usb)

    def set_image(self, path: Path) -> None:
        """Use ``path`` as the image (also "Burn this image…" from the Build workspace)."""
        self.image_edit.setText(str(path))
        self.update_fit()

    def choose_image(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("Choose an image to burn"), "", image_filter()
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
        target = self.current_target()
        device = target.path if target is not None and not target.is_disk else ""
        self.medium = None
        self._reset_disc_controls()
        if not device:
            self.medium_label.setText(tr("No drive."))
            set_enabled(self.burn_button, False, tr(NO_DRIVE_REASON))
            return
        set_enabled(self.burn_button, False, tr("The disc is being checked."))
        self.medium_label.setText(tr("Checking the disc in {device}…").format(device=device))
        inspecting = self.bridge.submit(
            InspectMediumJob(device, self.reader_opener),
            on_done=lambda result: self._on_check_done(inspecting, result),
            context=self,
        )
        self._check = inspecting

    def _reset_disc_controls(self) -> None:
        self.speed_combo.clear()
        self.speed_combo.addItem(tr(DRIVES_CHOICE), None)
        set_enabled(self.speed_combo, False, tr(SPEEDS_REASON))
        self.simulate_box.setChecked(False)
        set_enabled(self.simulate_box, False, tr(SIMULATE_REASON))
        self._update_erase()

    def _on_check_done(
        self, inspecting: JobHandle[MediumStatus], result: Result[MediumStatus]
    ) -> None:
        if inspecting is self._check:  # a newer check replaced it: its answer is the one shown
            self._check = None
            self._on_checked(result)

    def _on_checked(self, result: Result[MediumStatus]) -> None:
        if not result.ok or result.value is None:
            error = result.error
            self.medium_label.setText(error.message if error else tr("The disc check failed."))
            self.medium_checked.emit(error)
            self.update_fit()
            self._update_erase()
            return
        medium = result.value
        self.medium = medium
        free = format_size(medium.free_blocks * SECTOR_SIZE)
        self.medium_label.setText(
            tr("{medium}, {state}: {free} writable").format(
                medium=medium.label, state=medium.state.value, free=free
            )
        )
        self.speed_combo.clear()
        self.speed_combo.addItem(tr(DRIVES_CHOICE), None)
        if medium.profile is not None:
            for kbps in offered(medium.write_speeds):
                self.speed_combo.addItem(label(kbps, medium.profile), kbps)
            self.note_label.setText(verification_note(medium.profile))
        many = self.speed_combo.count() > 1
        set_enabled(
            self.speed_combo,
            many,
            tr("The drive offers no speed choice for this {medium}: it picks one itself.").format(
                medium=medium.label
            ),
            tr("The speed to burn at"),
        )
        self.simulate_box.setEnabled(medium.simulation_supported)
        if not medium.simulation_supported:
            self.simulate_box.setChecked(False)
        self.simulate_box.setToolTip(medium.simulation_reason)
        self.medium_checked.emit(medium)
        self.update_fit()
        self._update_erase()

    def update_fit(self) -> None:
        """Show the image against the disc (or the stick) and enable Burn (Write to USB)
        only when preflight passes; a disabled button says why."""
        if self.usb_mode:
            set_enabled(self.burn_button, False, tr("A USB stick is the target."))
            self.update_usb()
            return
        why = self._disc_fit()
        if not why and self._running():
            why = tr(RUNNING_REASON)
        set_enabled(self.burn_button, not why, why, tr("Burn the image onto the disc"))
        if not self._running():
            self.protect_option.update_for(self.image_path, self.medium)

    def _running(self) -> bool:
        copying = self.protect_option.handle
        return any(
            h is not None for h in (self.handle, self.flash_handle, self.erase_handle, copying)
        )

    def _disc_fit(self) -> str:
        """Show the image against the disc; why Burn is not possible ("" when it is)."""
        path = self.image_path
        if path is None:
            self.fit_label.setText(tr("Choose an image."))
            return tr("Choose an image to burn first.")
        try:
            image = preview_image(path)
        except AppError as exc:
            self.fit_label.setText(exc.message)
            return exc.message
        cd, losses = image.cd_image, ""
        self.accept_losses_box.setVisible(cd is not None and cd.needs_consent)
        if cd is not None and cd.losses:
            losses = " " + tr("Burns data track {track} only; not kept: {losses}.").format(
                track=cd.track, losses="; ".join(cd.losses)
            )
        if self.medium is None:
            self.fit_label.setText(
                tr("Image: {size}.").format(size=format_size(image.size_bytes)) + losses
            )
            target = self.current_target()
            return tr(NO_DRIVE_REASON) if target is None else tr(CHECK_FIRST)
        try:
            check(image, self.medium, self.options())
        except AppError as exc:
            self.fit_label.setText(exc.message)
            return exc.message
        free = self.medium.free_blocks * SECTOR_SIZE
        self.fit_label.setText(
            tr("The image ({size}) fits: {free} will stay free.").format(
                size=format_size(image.size_bytes), free=format_size(free - image.size_bytes)
            )
            + losses
        )
        if cd is not None and cd.needs_consent and not self.accept_losses_box.isChecked():
            return tr(
                "Tick “Burn the data track anyway” first: the rest of this image is not kept."
            )
        return ""

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
        target = self.current_target()
        device = target.path if target is not None and not target.is_disk else ""
        if path is None or not device:
            return
        if self._copies_left <= 0:
            self._copies_left = self.copies_spin.value()
        if self.protect_option.wanted():
            # burn an augmented copy: the user's image is not changed (issue 14)
            self.protect_option.start(path, self._on_progress, self._burn_augmented)
            set_enabled(self.burn_button, False, tr(RUNNING_REASON))
            self._show_running()
            return
        self._submit_burn(path, device)

    def _burn_augmented(self, result: Result[AugmentedCopy]) -> None:
        target = self.current_target()
        device = target.path if target is not None and not target.is_disk else ""
        if result.ok and result.value is not None and device:
            self._submit_burn(result.value.path, device)
            return
        self._copies_left = 0
        set_enabled(self.cancel_button, False, tr(NOTHING_RUNNING))
        error = result.error
        self.phase_label.setText(error.message if error else tr("The burn failed."))
        self.detail_label.setText("")
        self.update_fit()

    def _submit_burn(self, path: Path, device: str) -> None:
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
        set_enabled(self.burn_button, False, tr(RUNNING_REASON))
        self._show_running()

    def cancel_burn(self) -> None:
        if self.protect_option.cancel():
            return
        if self.flash_handle is not None:
            self.cancel_flash()
            return
        if self.erase_handle is not None:
            self.bridge.cancel(self.erase_handle)
            return
        handle = self.handle
        if handle is None:
            return
        medium = self.medium
        once = medium is not None and medium.profile is not None and write_once(medium.profile)
        text = tr("Stop burning?")
        if once:
            text += " " + tr(
                "A write-once disc that was partly written cannot be used again: it is lost."
            )
        answer = QMessageBox.question(
            self,
            tr("Cancel burning"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.bridge.cancel(handle)

    def _on_progress(self, progress: Progress) -> None:
        self.phase_label.setText(phase_text(progress))
        fraction = progress.fraction
        if fraction is None:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(round(fraction * 1000))
        parts = [t for t in (rate_text(progress), eta_text(progress)) if t]
        if progress.buffer_percent is not None:
            parts.append(
                tr("drive buffer {percent}%").format(percent=f"{progress.buffer_percent:.0f}")
            )
        if progress.message:
            parts.append(progress.message)
        self.detail_label.setText(" · ".join(parts))

    def _show_running(self) -> None:
        set_enabled(self.cancel_button, True, "", tr("Stop the running job"))
        self._update_erase()
        self.phase_label.setText(tr("Preparing"))
        self.detail_label.setText("")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.show()

    def _on_burned(self, result: Result[BurnResult]) -> None:
        self.handle = None
        set_enabled(self.cancel_button, False, tr(NOTHING_RUNNING))
        self.progress_bar.setRange(0, 1000)
        self._copies_left -= 1
        value = result.value
        if result.ok and value is not None:
            self.progress_bar.setValue(1000)
            self.phase_label.setText(
                burned_text(value.simulated, value.verify is not None).format(
                    medium=value.medium, device=value.device
                )
            )
            # the recipe's note is on the disc card already: not a second time under the bar
            shown = self.note_label.isVisibleTo(self) and self.note_label.text() == value.note
            note = "" if shown else value.note
            self.detail_label.setText(
                " ".join(t for t in (note, self.protect_option.burned_note()) if t)
            )
        else:
            self._copies_left = 0
            error = result.error
            if error is None:
                self.phase_label.setText(tr("The burn failed."))
            elif result.outcome is Outcome.CANCELLED:
                self.phase_label.setText(error.message)
            else:
                self.phase_label.setText(
                    tr("The burn failed: {reason}").format(reason=error.message)
                )
            self.detail_label.setText("")
        self.burn_finished.emit(result)
        if self._copies_left > 0 and self.ask_next_disc():
            self.check_disc_then_burn()
            return
        self._copies_left = 0
        self.protect_option.remove_copy()
        self.update_fit()

    def ask_next_disc(self) -> bool:
        target = self.current_target()
        drive = target.path if target is not None else tr("the drive")
        answer = QMessageBox.information(
            self,
            tr(NEXT_DISC_TITLE),
            tr(
                "Insert the next blank disc into {drive} (%n more to burn), then press OK.",
                "",
                self._copies_left,
            ).format(drive=drive),
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

    # -- writing to a USB stick -------------------------------------------------------------
    def _unlock_for(self, disk: DiskEntry) -> bool:
        return not disk.removable and self.unlock_box.isChecked()

    def update_usb(self) -> None:
        """The chosen stick, the image's bootability and the pre-flight verdict; Write to
        USB is enabled only when the core's plan passes."""
        set_enabled(self.flash_button, False, tr("Plug in a USB stick or SD card."))
        disk = self.current_disk()
        self.usb_panel.show_disk(disk)
        if disk is None:
            return
        path = self.image_path
        if path is None:
            self.usb_panel.show_refusal(tr("Choose an image."))
            self.flash_button.setToolTip(tr("Choose an image to write first."))
            return
        disks = self.disks
        try:
            plan = plan_flash(
                path, disk.path, unlock_fixed=self._unlock_for(disk), lister=lambda: disks
            )
        except AppError as exc:
            try:
                boot = detect_file(path) if path.is_file() else None
            except OSError:
                boot = None
            self.usb_panel.show_refusal(exc.message, boot)
            self.flash_button.setToolTip(exc.message)
            return
        self.usb_panel.show_plan(plan)
        set_enabled(
            self.flash_button,
            not self._running(),
            tr(RUNNING_REASON),
            tr("Erase {disk} and write the image to it (asks first)").format(disk=disk.name),
        )

    def confirm_flash(self, dialog: FlashConfirmation) -> bool:
        """Ask; True only when the user pressed "Erase and Write"."""
        dialog.exec()
        return dialog.confirmed()

    def start_flash(self) -> None:
        """Plan again with a fresh listing (mounts as they are now), ask, then submit the
        FlashJob with the disk as it was chosen."""
        disk, path = self.current_disk(), self.image_path
        if disk is None or path is None or self.flash_handle is not None:
            return
        unlock = self._unlock_for(disk)
        try:
            disks = self.disk_source.list_disks()
            plan = plan_flash(path, disk.path, unlock_fixed=unlock, lister=lambda: disks)
            check_identity(disk.identity, plan.target)
        except AppError as exc:
            self._show_flash_outcome(*failure_text(exc))
            return
        dialog = FlashConfirmation(plan, self)
        if not self.confirm_flash(dialog):
            self.phase_label.setText(tr("Nothing was written."))
            self.detail_label.setText("")
            return
        options = FlashOptions(
            verify=self.usb_panel.verify_box.isChecked(),
            unmount=bool(plan.mounted),
            unlock_fixed=unlock,
            chunk_bytes=self.flash_chunk_bytes,
        )
        job = FlashJob(
            path,
            disk.path,
            expected=disk.identity,
            options=options,
            lister=self.disk_source.list_disks,
            access=self.flash_access,
        )
        self.flash_handle = self.bridge.submit(
            job,
            on_success=self._on_flashed,
            on_failure=lambda error: self._show_flash_outcome(*failure_text(error)),
            on_done=self._on_flash_done,
            on_progress=self._on_progress,
            context=self,
        )
        set_enabled(self.flash_button, False, tr(RUNNING_REASON))
        self._show_running()

    def cancel_flash(self) -> None:
        handle = self.flash_handle
        if handle is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Stop writing"),
            tr(
                "Stop writing to the stick? It will be incomplete and will not work until an "
                "image is written to it again."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.bridge.cancel(handle)

    def _on_flashed(self, result: FlashResult) -> None:
        self.progress_bar.setValue(1000)
        self._show_flash_outcome(*success_text(result))

    def _show_flash_outcome(self, headline: str, text: str) -> None:
        """The outcome of a write or an erase: a bold headline and plain words."""
        self.phase_label.setText(f"<b>{headline}</b>")
        self.detail_label.setText(text)

    def _on_flash_done(self, result: Result[FlashResult]) -> None:
        self.flash_handle = None
        set_enabled(self.cancel_button, False, tr(NOTHING_RUNNING))
        self.progress_bar.setRange(0, 1000)
        if result.outcome is Outcome.CANCELLED and result.error is not None:
            self._show_flash_outcome(*failure_text(result.error))
        self.flash_finished.emit(result)
        self.update_fit()

    # -- erasing a rewritable disc ----------------------------------------------------------
    def _update_erase(self) -> None:
        medium = self.medium
        if self._running():
            why = tr(RUNNING_REASON)
        elif medium is None:
            why = (
                tr(CHECK_FIRST)
                + " "
                + tr("Only rewritable discs ({erasable}) can be erased.").format(
                    erasable=tr(ERASABLE)
                )
            )
        elif not medium.erasable:
            why = tr("The {medium} cannot be erased: only {erasable} discs can.").format(
                medium=medium.label, erasable=tr(ERASABLE)
            )
        else:
            why = ""
        set_enabled(self.erase_button, not why, why, tr("Erase the rewritable disc (asks first)"))

    def ask_erase(self, dialog: EraseConfirmation) -> bool | None:
        """Ask; True for a full erase, False for a quick one, None when cancelled."""
        dialog.exec()
        return dialog.choice()

    def start_erase(self) -> None:
        target, medium = self.current_target(), self.medium
        if target is None or target.is_disk or medium is None or self._running():
            return
        full = self.ask_erase(EraseConfirmation(target.path, medium, self))
        if full is None:
            return
        self.erase_handle = self.bridge.submit(
            EraseJob(target.path, full=full, opener=self.writer_opener),
            on_success=self._on_erased,
            on_failure=lambda error: self._show_flash_outcome(*failure_text(error)),
            on_done=self._on_erase_done,
            on_progress=self._on_progress,
            context=self,
        )
        set_enabled(self.burn_button, False, tr(RUNNING_REASON))
        self._show_running()

    def _on_erased(self, result: EraseResult) -> None:
        self.progress_bar.setValue(1000)
        erased = (
            tr("Erased fully: the {medium} in {device}")
            if result.full
            else tr("Erased quickly: the {medium} in {device}")
        )
        self._show_flash_outcome(
            erased.format(medium=result.medium, device=result.device),
            tr("The disc is blank and can be burned again."),
        )

    def _on_erase_done(self, result: Result[EraseResult]) -> None:
        self.erase_handle = None
        set_enabled(self.cancel_button, False, tr(NOTHING_RUNNING))
        self.progress_bar.setRange(0, 1000)
        if result.outcome is Outcome.CANCELLED and result.error is not None:
            self._show_flash_outcome(*failure_text(result.error))
        self.erase_finished.emit(result)
        self.check_disc()
