"""The drive panel (a side pane of the main window): one card per optical drive with its
name and what it writes, the disc in it as people read it ("DVD+R, blank, 4.38 GiB free"),
a capacity bar, Eject / Close tray buttons and a details dialog (all profiles and features).

It follows a :class:`~app.core.devices.provider.DriveProvider`: drives appearing and
disappearing and discs being inserted or ejected arrive from the source's watcher thread and
are re-emitted on the GUI thread.  Reading a drive (:class:`RefreshDriveJob`) and moving its
tray (:class:`TrayJob`) run on the job queue's lane for that drive, so they never overlap a
rip or a burn of the same drive.  Both go through the job bridge with their own callbacks;
tray jobs show in the jobs panel, refreshes do not (``announce=False``: they are not the
user's jobs).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.devices.discovery import DriveEntry
from app.core.devices.medium import MediaInfo, MediaState
from app.core.devices.provider import DriveProvider, SystemDriveProvider
from app.core.devices.watch import DriveEvent, DriveEventKind
from app.core.drives.job import DriveReport, RefreshDriveJob, TrayJob, TrayResult
from app.core.jobs import Result
from app.core.units import format_size
from app.ui.common.empty_state import EmptyState
from app.ui.common.i18n import tr
from app.ui.common.icons import Symbol, symbol_pixmap
from app.ui.common.job_bridge import JobBridge
from app.ui.common.theme import secondary_text, set_text_colour

_log = logging.getLogger(__name__)

NO_DRIVE_TEXT = str(QT_TR_NOOP("No optical drive found"))
QWIDGETSIZE_MAX = (1 << 24) - 1
EMPTY_STRIP_WIDTH_PX = 130
"""With no drive the pane shrinks to a strip this wide (it has one sentence to say)."""
CARD_PANEL_MIN_WIDTH_PX = 250
"""With a drive the pane grows back at least this wide: a card's name, medium line and its
Eject / Close tray / Details buttons fit without being cut off."""
READING_TEXT = str(QT_TR_NOOP("Reading the disc…"))
DRIVE_ICON_PX = 32
CAPACITY_STEPS = 1000
STATE_NAMES = {
    MediaState.NONE: str(QT_TR_NOOP("no disc")),
    MediaState.NOT_READY: str(QT_TR_NOOP("not ready")),
    MediaState.BLANK: str(QT_TR_NOOP("blank")),
    MediaState.APPENDABLE: str(QT_TR_NOOP("appendable")),
    MediaState.COMPLETE: str(QT_TR_NOOP("complete")),
    MediaState.REWRITABLE: str(QT_TR_NOOP("rewritable")),
    MediaState.UNKNOWN: str(QT_TR_NOOP("unknown")),
}
"""A medium's state in words (the English ones are the enum's values); ``tr()`` where shown."""


def media_summary(media: MediaInfo) -> str:
    """:attr:`MediaInfo.summary` in the UI language: ``"DVD+R, blank, 4.38 GiB free"``."""
    if not media.present:
        return tr("No disc")
    if media.state is MediaState.NOT_READY:
        return tr("Disc not ready yet")
    name = media.profile_name if media.profile else tr("Unknown disc")
    used, free = format_size(media.used_bytes), format_size(media.free_bytes)
    if media.state is MediaState.BLANK:
        return tr("{medium}, blank, {free} free").format(medium=name, free=free)
    if media.state is MediaState.APPENDABLE:
        return tr("{medium}, appendable, {used} used, {free} free").format(
            medium=name, used=used, free=free
        )
    if media.state is MediaState.COMPLETE:
        return tr("{medium}, complete, {used}").format(medium=name, used=used)
    if media.state is MediaState.REWRITABLE:
        return tr("{medium}, rewritable, {size}").format(
            medium=name, size=format_size(media.capacity_bytes)
        )
    return name


def writes_line(path: str, formats: tuple[str, ...] | list[str]) -> str:
    """``"/dev/sr0 · writes DVD+R, DVD-R"`` or ``"/dev/sr0 · read-only"``."""
    if not formats:
        return tr("{device} · read-only").format(device=path)
    return tr("{device} · writes {formats}").format(device=path, formats=", ".join(formats))


class DriveCard(QFrame):
    """One drive.  Labels and buttons are public so tests and screenshots can read them."""

    eject_requested = Signal(str)
    load_requested = Signal(str)
    details_requested = Signal(str)

    def __init__(self, entry: DriveEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.path = entry.path
        self.report: DriveReport | None = None
        self.action_error: tuple[str, str] | None = None
        """The last failed Eject / Close tray, shown until the next one."""
        self.setObjectName("driveCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.icon_label = QLabel()
        self.icon_label.setFixedSize(DRIVE_ICON_PX, DRIVE_ICON_PX)
        self.icon_label.setPixmap(
            symbol_pixmap(Symbol.DRIVE, self.palette().color(self.foregroundRole()), DRIVE_ICON_PX)
        )
        self.name_label = QLabel(entry.name)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        self.writes_label = QLabel(self._writes_text(entry))
        self.writes_label.setWordWrap(True)
        set_text_colour(self.writes_label, secondary_text(self.palette()))
        self.media_label = QLabel(tr(READING_TEXT))
        self.media_label.setWordWrap(True)
        self.capacity_bar = QProgressBar()
        self.capacity_bar.setRange(0, CAPACITY_STEPS)
        self.capacity_bar.setTextVisible(False)
        self.capacity_bar.setFixedHeight(6)
        self.capacity_bar.hide()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        self._build_buttons(entry)
        self._build_layout()

    def _build_buttons(self, entry: DriveEntry) -> None:
        self.eject_button = QPushButton(tr("Eject"))
        self.eject_button.setToolTip(tr("Open the tray of {device}").format(device=entry.path))
        self.load_button = QPushButton(tr("Close tray"))
        self.load_button.setToolTip(tr("Close the tray of {device}").format(device=entry.path))
        self.details_button = QPushButton(tr("Details"))
        self.eject_button.clicked.connect(lambda: self.eject_requested.emit(self.path))
        self.load_button.clicked.connect(lambda: self.load_requested.emit(self.path))
        self.details_button.clicked.connect(lambda: self.details_requested.emit(self.path))
        self.details_button.setEnabled(False)

    def _build_layout(self) -> None:
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.name_label)
        heading.addWidget(self.writes_label)
        top = QHBoxLayout()
        top.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.eject_button, self.load_button, self.details_button):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(48)
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(6)
        column.addLayout(top)
        column.addWidget(self.media_label)
        column.addWidget(self.capacity_bar)
        column.addWidget(self.error_label)
        column.addLayout(buttons)

    @staticmethod
    def _writes_text(entry: DriveEntry) -> str:
        base = entry.path
        if entry.writes:
            return writes_line(base, entry.writes)
        return base

    def set_busy(self, text: str = "") -> None:
        self.media_label.setText(text or tr(READING_TEXT))

    def set_report(self, report: DriveReport) -> None:
        self.report = report
        info, media = report.info, report.media
        if info is not None:
            self.name_label.setText(info.name)
            writes = info.write_profiles
            self.writes_label.setText(writes_line(report.path, writes))
            self.eject_button.setEnabled(info.can_eject)
            self.load_button.setEnabled(info.can_load)
            if not info.can_load:
                self.load_button.setToolTip(tr("This drive cannot close its tray by itself"))
        self.details_button.setEnabled(info is not None)
        if media is not None:
            self.media_label.setText(media_summary(media))
            if media.present and media.capacity_bytes > 0:
                used = media.used_bytes / media.capacity_bytes
                self.capacity_bar.setValue(round(used * CAPACITY_STEPS))
                self.capacity_bar.setToolTip(
                    tr("{used} used, {free} free of {capacity}").format(
                        used=format_size(media.used_bytes),
                        free=format_size(media.free_bytes),
                        capacity=format_size(media.capacity_bytes),
                    )
                )
                self.capacity_bar.show()
            else:
                self.capacity_bar.hide()
        elif report.error is None:
            self.media_label.setText(tr(READING_TEXT))
        if report.error is not None:
            if media is None:
                self.media_label.setText(tr("Drive not readable"))
            self.show_error(report.error.message, report.error.detail)
        elif self.action_error is not None:
            self.show_error(*self.action_error)
        else:
            self.error_label.hide()

    def show_error(self, message: str, detail: str = "") -> None:
        self.error_label.setText(message)
        self.error_label.setToolTip(detail)
        self.error_label.show()

    @property
    def media_state(self) -> MediaState | None:
        if self.report is None or self.report.media is None:
            return None
        return self.report.media.state


class DriveDetailsDialog(QDialog):
    """Everything known about one drive: identity, abilities, the disc, profiles, features."""

    def __init__(self, report: DriveReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Drive {device}").format(device=report.path))
        self.resize(560, 520)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Property"), tr("Value")])
        self._fill(report)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title, ""])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self.tree.addTopLevelItem(item)
        return item

    @staticmethod
    def row(parent: QTreeWidgetItem, name: str, value: str) -> None:
        parent.addChild(QTreeWidgetItem([name, value]))

    def _fill(self, report: DriveReport) -> None:
        self._fill_drive(report)
        if report.media is not None:
            self._fill_media(report)
        self._fill_lists(report)
        if report.error is not None:
            error = self.section(tr("Error"))
            self.row(error, tr("Message"), report.error.message)
            if report.error.detail:
                self.row(error, tr("Detail"), report.error.detail)

    def _fill_drive(self, report: DriveReport) -> None:
        info, entry = report.info, report.entry
        drive = self.section(tr("Drive"))
        self.row(drive, tr("Device"), report.path)
        if entry is not None and entry.sg_path:
            self.row(drive, tr("SCSI generic device"), entry.sg_path)
        if info is not None:
            self.row(drive, tr("Vendor"), info.vendor)
            self.row(drive, tr("Model"), info.model)
            self.row(drive, tr("Firmware"), info.firmware)
            self.row(drive, tr("Serial number"), info.serial or "-")
            abilities = self.section(tr("Abilities"))
            self.row(abilities, tr("Reads"), ", ".join(info.read_profiles) or "?")
            self.row(
                abilities, tr("Writes"), ", ".join(info.write_profiles) or tr("nothing (read-only)")
            )
            if info.max_read_kbps:
                self.row(
                    abilities,
                    tr("Maximum read speed"),
                    tr("{speed} kB/s").format(speed=info.max_read_kbps),
                )
            if info.write_speeds_kbps:
                speeds = ", ".join(
                    tr("{speed} kB/s").format(speed=s) for s in info.write_speeds_kbps
                )
                self.row(abilities, tr("Write speeds"), speeds)
            if info.buffer_size_bytes:
                self.row(abilities, tr("Buffer"), format_size(info.buffer_size_bytes))
            self.row(abilities, tr("Loading mechanism"), info.loading_mechanism or "?")
            self.row(
                abilities,
                tr("Can eject / lock"),
                f"{_yes(info.can_eject)} / {_yes(info.can_lock)}",
            )
            self.row(abilities, tr("Reports media events"), _yes(info.media_events))

    def _fill_media(self, report: DriveReport) -> None:
        media = report.media
        assert media is not None
        disc = self.section(tr("Disc"))
        self.row(disc, tr("Summary"), media_summary(media))
        if media.present:
            self.row(disc, tr("Type"), media.profile_name)
            self.row(disc, tr("State"), tr(STATE_NAMES[media.state]))
            self.row(disc, tr("Erasable"), _yes(media.erasable))
            self.row(disc, tr("Sessions / tracks"), f"{media.sessions} / {media.tracks}")
            self.row(disc, tr("Capacity"), format_size(media.capacity_bytes))
            self.row(disc, tr("Used"), format_size(media.used_bytes))
            self.row(disc, tr("Free"), format_size(media.free_bytes))
            if media.next_writable_lba is not None:
                self.row(disc, tr("Next writable address"), f"LBA {media.next_writable_lba}")

    def _fill_lists(self, report: DriveReport) -> None:
        info = report.info
        if info is not None and info.profiles:
            profiles = self.section(tr("Profiles ({count})").format(count=len(info.profiles)))
            for profile in info.profiles:
                flags = [
                    n
                    for n, on in (
                        (tr("current"), profile.current),
                        (tr("writes"), profile.writable),
                    )
                    if on
                ]
                self.row(profiles, f"0x{profile.code:04X} {profile.name}", ", ".join(flags))
        if info is not None and info.features:
            features = self.section(tr("Features ({count})").format(count=len(info.features)))
            for feature in info.features:
                self.row(
                    features,
                    f"0x{feature.code:04X} {feature.name}",
                    tr("current") if feature.current else tr("not current"),
                )


def _yes(flag: bool) -> str:
    return tr("yes") if flag else tr("no")


class DrivePanel(QWidget):
    """The drives pane (module docstring).  ``source`` defaults to the system's drives."""

    drives_changed = Signal()
    """Cards were added, removed or updated (for tests and the status bar)."""

    _event_arrived = Signal(object)

    def __init__(
        self,
        bridge: JobBridge | None = None,
        source: DriveProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drivePanel")
        self.bridge = bridge if bridge is not None else JobBridge(self)
        self.source: DriveProvider = source if source is not None else SystemDriveProvider()
        self.cards: dict[str, DriveCard] = {}
        self.empty_state = EmptyState(
            Symbol.DRIVE,
            tr(NO_DRIVE_TEXT),
            tr("Connect a CD, DVD or Blu-ray drive to read or burn discs."),
            icon_px=24,
            heading_scale=1.0,
            max_text_width_px=EMPTY_STRIP_WIDTH_PX - 16,
        )
        self._card_column = QVBoxLayout()
        self._card_column.setContentsMargins(6, 6, 6, 6)
        self._card_column.setSpacing(8)
        self._card_column.addStretch(1)
        holder = QWidget()
        holder.setLayout(self._card_column)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(holder)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.scroll_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        queued = Qt.ConnectionType.QueuedConnection
        self._event_arrived.connect(self._on_event, queued)
        for entry in self.source.list_entries():
            self._add(entry)
        self._update_stack()
        # the watcher thread calls the source's callback; re-emit on the GUI thread
        source_ref = self.source
        self.destroyed.connect(lambda *_args: source_ref.stop())
        self.source.start(self._event_arrived.emit)

    # -- drives -----------------------------------------------------------------------

    def _add(self, entry: DriveEntry) -> DriveCard:
        card = DriveCard(entry)
        card.eject_requested.connect(self.eject)
        card.load_requested.connect(self.load)
        card.details_requested.connect(self.show_details)
        self.cards[entry.path] = card
        self._card_column.insertWidget(self._card_column.count() - 1, card)
        self.refresh(entry.path)
        return card

    def _remove(self, path: str) -> None:
        card = self.cards.pop(path, None)
        if card is not None:
            self._card_column.removeWidget(card)
            card.deleteLater()

    def _update_stack(self) -> None:
        self.stack.setCurrentWidget(self.scroll_area if self.cards else self.empty_state)
        # nothing to show: a slim strip, so the pages keep the room (1024 px screens)
        self.setMaximumWidth(QWIDGETSIZE_MAX if self.cards else EMPTY_STRIP_WIDTH_PX)
        # and grows back when a drive appears (the dock follows its widget's minimum)
        self.setMinimumWidth(CARD_PANEL_MIN_WIDTH_PX if self.cards else 0)
        self.drives_changed.emit()

    def refresh(self, path: str) -> None:
        """Re-read ``path`` on its queue lane; the card says "Reading…" meanwhile."""
        card = self.cards.get(path)
        if card is None:
            return
        card.set_busy()
        job = RefreshDriveJob(path, card.entry, self.source.open)
        # a background job: not one for the jobs panel, only its card shows it
        self.bridge.submit(
            job, on_done=lambda result: self._on_report(path, result), announce=False, context=self
        )

    def _on_report(self, path: str, result: Result[DriveReport]) -> None:
        card = self.cards.get(path)
        if card is None:
            return
        if result.value is not None:
            card.set_report(result.value)
        elif result.error is not None:
            card.show_error(result.error.message, result.error.detail)
        self.drives_changed.emit()

    def _on_event(self, event: DriveEvent) -> None:
        _log.debug("drive panel: %s %s", event.kind.value, event.path)
        if event.kind is DriveEventKind.REMOVED:
            self._remove(event.path)
        elif event.path not in self.cards:
            if event.entry is None:
                return
            self._add(event.entry)
        else:
            if event.entry is not None:
                self.cards[event.path].entry = event.entry
            self.refresh(event.path)
        self._update_stack()

    # -- actions ----------------------------------------------------------------------

    def eject(self, path: str) -> None:
        self._tray(path, load=False)

    def load(self, path: str) -> None:
        self._tray(path, load=True)

    def _tray(self, path: str, *, load: bool) -> None:
        card = self.cards.get(path)
        if card is None:
            return
        card.set_busy(tr("Closing the tray…") if load else tr("Ejecting…"))
        card.action_error = None
        card.error_label.hide()
        self.bridge.submit(
            TrayJob(path, load=load, opener=self.source.open),
            on_done=lambda result: self._on_tray_done(path, result),
            context=self,
        )

    def _on_tray_done(self, path: str, result: Result[TrayResult]) -> None:
        if path not in self.cards:
            return
        card = self.cards[path]
        if result.error is not None:
            card.action_error = (result.error.message, result.error.detail)
            card.show_error(*card.action_error)
        self.refresh(path)

    def details_dialog(self, path: str) -> DriveDetailsDialog | None:
        card = self.cards.get(path)
        if card is None or card.report is None:
            return None
        return DriveDetailsDialog(card.report, self)

    def show_details(self, path: str) -> None:
        dialog = self.details_dialog(path)
        if dialog is not None:
            dialog.open()
