"""The Image workspace: open an existing image, browse its trees, extract, mount, burn, check.

Drop an image on the page or press "Open image…".  The reader (``app.core.image.reader``)
shows every file system the image holds; the switch above the tree picks which names to see
(Rock Ridge, Joliet, UDF or plain ISO 9660, each with the names it records).  The details pane
shows the selected entry (size, time, mode, owner, link, where its data lies), the summary pane
the boot records, partitions and any damage.  Extract… runs an
:class:`~app.core.image.job.ExtractJob` (the selection, or everything) into a chosen folder;
Mount/Unmount run :class:`~app.core.image.job.MountJob`/``UnmountJob`` through udisks2; Burn…
hands the image to the Write workspace; Check runs a
:class:`~app.core.verify.job.ChecksumJob` against the image's checksum files.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TR_NOOP, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError
from app.core.image.checksum import Algorithm, read_sidecar, sidecar_path
from app.core.image.isomd5 import describe_check
from app.core.image.job import (
    EditImageJob,
    ExtractJob,
    ExtractResult,
    ExtractSelectionJob,
    MountJob,
    OpenedImage,
    OpenImageJob,
    UnmountJob,
)
from app.core.image.mount import Mounted
from app.core.image.reader import Image
from app.core.image.report import describe_extract, describe_image, mode_string
from app.core.image.tree import Entry, EntryKind, FsKind
from app.core.protect.job import CheckJob, CheckResult, default_ecc_path
from app.core.protect.plan import carries_rs02
from app.core.protect.report import sector_ranges
from app.core.units import SECTOR_SIZE, format_size
from app.core.verify.job import ChecksumJob, ChecksumResult
from app.ui.common.empty_state import EmptyState
from app.ui.common.error_dialog import show_error
from app.ui.common.gc_control import CollectionPause
from app.ui.common.i18n import tr
from app.ui.common.icons import Symbol
from app.ui.common.job_bridge import JobBridge
from app.ui.common.stack import FittedStack
from app.ui.image.convert_view import ConvertView, is_convertible
from app.ui.image.drag import DragTree, ExtractOnDropMimeData
from app.ui.image.repair_bar import RepairBar, damaged_count

_log = logging.getLogger(__name__)
ENTRY_ROLE = Qt.ItemDataRole.UserRole
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
FS_ORDER = (FsKind.RR, FsKind.JOLIET, FsKind.UDF, FsKind.ISO)
# translated where it is used: tr(IMAGE_FILTER)
IMAGE_FILTER = str(
    QT_TR_NOOP(
        "Disc images (*.iso *.img *.udf *.bin *.cue *.nrg *.mds *.mdf *.ccd *.cdi *.chd);;"
        "All files (*)"
    )
)


class ImagePage(QWidget):
    """See the module docstring."""

    burn_requested = Signal(Path)
    """(Path) the user asked to burn the open image."""
    flash_requested = Signal(Path)
    """(Path) the user asked to write the open image to a USB stick."""
    image_opened = Signal(Path)
    edit_requested = Signal(object)
    """(EditResult) "Edit as project": the open image as a Build project (app.core.image.edit)."""

    def __init__(self, bridge: JobBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagePage")
        self.setAcceptDrops(True)
        self.bridge = bridge
        self._drag_jobs = 0
        self._close_after: list[Image] = []
        self.image: Image | None = None
        self.cd_image_path: Path | None = None
        self.mounted: Mounted | None = None
        self._entries: dict[int, Entry] = {}
        self._opening = False
        self.empty = EmptyState(
            Symbol.IMAGE,
            tr("Open a disc image"),
            tr("Drop an ISO image here or press “Open image…” to see what it holds."),
            points=(
                tr("Rock Ridge, Joliet, UDF and plain ISO 9660 names, side by side"),
                tr("Extract files safely, keeping times and permissions"),
                tr("Mount the image without a password, or burn it"),
            ),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._make_toolbar())
        self.stack = FittedStack()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._make_browser())
        self.convert_view = ConvertView(bridge)  # CD images: tracks, convert (index 2)
        self.stack.addWidget(self.convert_view)
        layout.addWidget(self.stack, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        self.repair_bar = RepairBar(bridge)
        self.repair_bar.repaired.connect(self._on_repaired)
        layout.addWidget(self.repair_bar)
        self._update_buttons()

    # -- layout -----------------------------------------------------------------------

    def _make_toolbar(self) -> QHBoxLayout:
        self.open_button = QPushButton(tr("Open image…"))
        self.open_button.clicked.connect(self.choose_image)
        self.fs_combo = QComboBox()
        self.fs_combo.setObjectName("fsCombo")
        self.fs_combo.setToolTip(tr("Which file system's names to show"))
        self.fs_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.fs_combo.currentIndexChanged.connect(self._show_tree)
        self.extract_button = QPushButton(tr("Extract…"))
        self.extract_button.setToolTip(tr("Copy the selected files (or everything) to a folder"))
        self.extract_button.clicked.connect(self.choose_extract_folder)
        self.mount_button = QPushButton(tr("Mount"))
        self.mount_button.clicked.connect(self.toggle_mount)
        self.burn_button = QPushButton(tr("Burn…"))
        self.burn_button.clicked.connect(self._on_burn)
        self.flash_button = QPushButton(tr("Write to USB…"))
        self.flash_button.setToolTip(tr("Write the image to a USB stick or SD card"))
        self.flash_button.clicked.connect(self._on_flash)
        self.check_button = QPushButton(tr("Check"))
        self.check_button.setToolTip(
            tr(
                "Compare the image with its .sha256/.md5 checksum files, its implanted MD5 and "
                "its dvdisaster .ecc file"
            )
        )
        self.check_button.clicked.connect(self.check_image)
        self.edit_button = QPushButton(tr("Edit as Project"))
        self.edit_button.setToolTip(
            tr(
                "Open the image's files in the Build workspace to change them and build a new "
                "image; the boot records are kept"
            )
        )
        self.edit_button.clicked.connect(self.edit_as_project)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        for button in self._image_buttons():
            row.addWidget(button)
        return row

    def _image_buttons(self) -> tuple[QPushButton, ...]:
        """The toolbar's buttons that act on an opened image, in their order."""
        return (
            self.extract_button,
            self.mount_button,
            self.burn_button,
            self.flash_button,
            self.check_button,
            self.edit_button,
        )

    def _make_browser(self) -> QWidget:
        self.tree = DragTree()
        self.tree.make_mime = self.drag_data
        self.tree.setObjectName("imageTree")
        self.tree.setHeaderLabels([tr("Name"), tr("Size"), tr("Modified"), tr("Mode")])
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemExpanded.connect(self._fill)
        self.tree.itemSelectionChanged.connect(self._show_details)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setObjectName("entryDetails")
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setObjectName("imageSummary")
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.details)
        side.addWidget(self.summary)
        names = QHBoxLayout()  # above the tree it names (the toolbar keeps its width for buttons)
        names.addWidget(QLabel(tr("Names:")))
        names.addWidget(self.fs_combo)
        names.addStretch(1)
        tree_side = QWidget()
        tree_column = QVBoxLayout(tree_side)
        tree_column.setContentsMargins(0, 0, 0, 0)
        tree_column.addLayout(names)
        tree_column.addWidget(self.tree)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(tree_side)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    # -- opening ----------------------------------------------------------------------

    def choose_image(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Open a disc image"), "", tr(IMAGE_FILTER))
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        """Open ``path`` and show it; an unreadable image is shown as an error.

        The image is read by an :class:`~app.core.image.job.OpenImageJob` (a 100,000-file
        image takes seconds): this waits for it in a local event loop, so the window keeps
        painting and the jobs panel shows the progress, and then shows the image."""
        if is_convertible(path):
            self.close_image()
            self.cd_image_path = path  # Burn… takes it: the Write page burns its data track
            self.fs_combo.clear()
            self.convert_view.load(path)
            self.stack.setCurrentIndex(2)
            self.status_label.setText(
                tr("{name}: a CD image — convert it below").format(name=path.name)
            )
            self._update_buttons()
            return True
        if self._opening:
            return False
        self._opening = True
        self.open_button.setEnabled(False)
        got: list[OpenedImage | AppError] = []
        # a 100,000-file image is ~10^6 objects made in one burst: without a pause, full
        # collections on the worker (holding the GIL) stalled this thread 100-220 ms each
        pause = CollectionPause()
        pause.begin()
        loop = QEventLoop()
        self.destroyed.connect(loop.quit)
        self.bridge.submit(
            OpenImageJob(path),
            on_success=got.append,
            on_failure=got.append,
            on_done=lambda _result: loop.quit(),
            context=self,
        )
        try:
            loop.exec()
        finally:
            pause.end()
            self._opening = False
            if shiboken6.isValid(self):
                self.open_button.setEnabled(True)
        if not got or not shiboken6.isValid(self):
            if got and isinstance(got[0], OpenedImage):
                got[0].image.close()
            return False
        if isinstance(got[0], AppError):
            show_error(got[0], self)
            return False
        image, summary = got[0].image, got[0].summary
        self.close_image()
        self.image = image
        self.mounted = None
        self.summary.setPlainText(describe_image(summary))
        self._fill_fs_combo(image, {s.fs: s.entries for s in summary.file_systems})
        self._show_tree()
        self.stack.setCurrentIndex(1)
        text = f"{path.name}: {format_size(image.size)}"
        if image.problems:
            text += " — " + tr("%n problem(s) found", "", len(image.problems))
        self.status_label.setText(text)
        self._update_buttons()
        self.image_opened.emit(path)
        return True

    def _fill_fs_combo(self, image: Image, counts: dict[str, int]) -> None:
        """One entry per file system the image holds, with its entry count."""
        self.fs_combo.blockSignals(True)
        self.fs_combo.clear()
        preferred = image.tree().fs
        for fs in FS_ORDER:
            if fs in image.trees:
                entries = tr("{fs} (%n entries)", "", counts.get(fs.value, 0))
                self.fs_combo.addItem(entries.format(fs=fs.label), fs.value)
        self.fs_combo.setCurrentIndex(max(0, self.fs_combo.findData(preferred.value)))
        self.fs_combo.blockSignals(False)

    def edit_as_project(self) -> None:
        """Turn the open image into a Build project (its files stream from the image), in an
        :class:`~app.core.image.job.EditImageJob`; ``edit_requested`` follows."""
        if self.image is None:
            return
        self.edit_button.setEnabled(False)
        self.bridge.submit(
            EditImageJob(self.image),
            on_success=self.edit_requested.emit,
            on_failure=self._show_failure,
            on_done=lambda _result: self._update_buttons(),
            context=self,
        )

    def _show_failure(self, exc: AppError) -> None:
        show_error(exc, self)

    def close_image(self) -> None:
        self.cd_image_path = None
        self.repair_bar.clear()
        if self.image is not None:
            if self._drag_jobs:  # a drop's extraction still reads it: closed when it ends
                self._close_after.append(self.image)
            else:
                self.image.close()
            self.image = None

    def current_fs(self) -> FsKind | None:
        data = self.fs_combo.currentData()  # the value: Qt stores a StrEnum as a plain str
        return FsKind(data) if isinstance(data, str) and data else None

    def _show_tree(self) -> None:
        self.tree.clear()
        self._entries.clear()
        fs = self.current_fs()
        if self.image is None or fs is None:
            return
        root = self.image.trees[fs].root
        self._add_children(self.tree.invisibleRootItem(), root, "")
        self.details.setPlainText("")
        self.tree.viewport().update()

    def _add_children(self, parent: QTreeWidgetItem, directory: Entry, prefix: str) -> None:
        for entry in sorted(directory.children, key=lambda e: (not e.is_dir, e.name.lower())):
            path = f"{prefix}/{entry.name}"
            item = QTreeWidgetItem(parent, _columns(entry))
            item.setData(0, ENTRY_ROLE, id(entry))
            item.setData(0, PATH_ROLE, path)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._entries[id(entry)] = entry
            if entry.is_dir and entry.children:
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)

    def _fill(self, item: QTreeWidgetItem) -> None:
        """Children are added when a folder is first opened (big trees stay quick)."""
        if item.childCount():
            return
        entry = self._entries.get(int(item.data(0, ENTRY_ROLE)))
        if entry is not None:
            self._add_children(item, entry, str(item.data(0, PATH_ROLE)))

    def drag_data(self, items: Sequence[QTreeWidgetItem]) -> ExtractOnDropMimeData | None:
        """Drag-out: the items' entries, extracted when dropped (app/ui/image/drag.py)."""
        if self.image is None or not items:
            return None
        chains: list[list[Entry]] = []
        for item in items:
            chain: list[Entry] = []
            node: QTreeWidgetItem | None = item
            while node is not None:
                entry = self._entries.get(int(node.data(0, ENTRY_ROLE)))
                if entry is None:
                    break
                chain.insert(0, entry)
                node = node.parent()
            chains.append(chain)
        return ExtractOnDropMimeData(self.image, chains, self._extract_for_drop)

    def _extract_for_drop(
        self, image: Image, chains: list[list[Entry]], folder: Path
    ) -> list[Path]:
        """Run the drop's extraction as a job and wait for it in a local event loop (the
        window keeps painting, the jobs panel shows the bytes); the image stays open until
        the job has finished even if the page closes it meanwhile (:meth:`close_image`)."""
        got: list[list[Path] | AppError] = []
        loop = QEventLoop()
        self.destroyed.connect(loop.quit)
        name = (
            chains[0][-1].name
            if len(chains) == 1 and chains[0]
            else tr("%n items", "", len(chains))
        )
        self._drag_jobs += 1
        try:
            self.bridge.submit(
                ExtractSelectionJob(image, chains, folder, name),
                on_success=got.append,
                on_failure=got.append,
                on_done=lambda _result: loop.quit(),
                context=self,
            )
            loop.exec()
        finally:
            self._drag_jobs -= 1
            if not self._drag_jobs:
                while self._close_after:
                    self._close_after.pop().close()
        if not got:
            return []  # cancelled, or the page went away
        if isinstance(got[0], AppError):
            raise got[0]
        return got[0]

    def selected_paths(self) -> list[str]:
        return [str(item.data(0, PATH_ROLE)) for item in self.tree.selectedItems()]

    def _show_details(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            self.details.setPlainText("")
            return
        entry = self._entries.get(int(items[0].data(0, ENTRY_ROLE)))
        if entry is not None:
            self.details.setPlainText(describe_entry(str(items[0].data(0, PATH_ROLE)), entry))

    # -- drag and drop ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            # opened after the drop has finished: open_path waits in an event loop, which must
            # not run inside the drag-and-drop handshake
            path = Path(urls[0].toLocalFile())
            QTimer.singleShot(0, self, lambda: self.open_path(path))

    # -- actions ----------------------------------------------------------------------

    def choose_extract_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Extract into folder"))
        if folder:
            self.extract_to(Path(folder))

    def extract_to(self, folder: Path, *, force: bool = False) -> None:
        if self.image is None:
            return
        job = ExtractJob(
            self.image.path, folder, tuple(self.selected_paths()), self.current_fs(), force
        )
        self.status_label.setText(tr("Extracting into {folder}…").format(folder=folder))
        self.bridge.submit(job, on_success=self._extracted, on_failure=self._failed, context=self)

    def _extracted(self, result: ExtractResult) -> None:
        self.status_label.setText(describe_extract(result.out_dir, result.fs.label, result.summary))

    def _failed(self, error: AppError) -> None:
        self.status_label.setText(error.message)
        show_error(error, self)

    def toggle_mount(self) -> None:
        if self.image is None:
            return
        path = self.image.path
        if self.mounted is None:
            self.bridge.submit(
                MountJob(path), on_success=self._on_mounted, on_failure=self._failed, context=self
            )
        else:
            self.bridge.submit(
                UnmountJob(path),
                on_success=self._on_unmounted,
                on_failure=self._failed,
                context=self,
            )

    def _on_mounted(self, mounted: Mounted) -> None:
        self.mounted = mounted
        self.status_label.setText(
            tr("Mounted at {place} ({device})").format(
                place=mounted.mount_point, device=mounted.device
            )
        )
        self._update_buttons()

    def _on_unmounted(self, device: str) -> None:
        self.mounted = None
        self.status_label.setText(tr("Unmounted; {device} detached").format(device=device))
        self._update_buttons()

    def _on_burn(self) -> None:
        if self.image is not None:
            self.burn_requested.emit(self.image.path)
        elif self.cd_image_path is not None:
            self.burn_requested.emit(self.cd_image_path)

    def _on_flash(self) -> None:
        if self.image is not None:
            self.flash_requested.emit(self.image.path)

    def check_image(self) -> None:
        if self.image is None:
            return
        path = self.image.path
        expected: dict[Algorithm, str] = {}
        for algorithm in Algorithm:
            side = sidecar_path(path, algorithm)
            if side.is_file():
                try:
                    expected[algorithm] = read_sidecar(side, algorithm, path.name)
                except AppError as exc:
                    self._failed(exc)
                    return
        job = ChecksumJob(path, (Algorithm.SHA256, Algorithm.MD5), expected)
        self.bridge.submit(job, on_success=self._checked, on_failure=self._failed, context=self)

    def _checked(self, result: ChecksumResult) -> None:
        lines = [f"{d.algorithm.hashlib_name}: {d.hex}" for d in result.digests]
        if result.verified:
            files = ", ".join(f"{result.path.name}.{a.hashlib_name}" for a in result.verified)
            lines.append(tr("Matches {files}.").format(files=files))
        else:
            lines.append(tr("No checksum file next to the image: nothing compared."))
        self.status_label.setText("  ".join(lines))
        image = self.image
        self.repair_bar.clear()
        if image is not None and (
            image.implanted_md5
            or default_ecc_path(image.path).is_file()
            or carries_rs02(image.path)
        ):
            self.bridge.submit(
                CheckJob(image.path),
                on_success=self._protection_checked,
                on_failure=self._failed,
                context=self,
            )

    def _protection_checked(self, result: CheckResult) -> None:
        """Add what the implanted MD5 and the .ecc file say to the checksum line."""
        parts = []
        if result.md5 is not None:
            parts.append(
                tr("Implanted MD5 verified.")
                if result.md5.ok
                else tr("Implanted MD5: {result}.").format(result=describe_check(result.md5))
            )
        report = result.report
        if report is not None and result.ecc is not None:
            parts.append(
                tr("{ecc}: no damaged sector.").format(ecc=result.ecc.name)
                if report.ok
                else tr("{ecc}: %n damaged sectors ({ranges}).", "", len(report.damaged)).format(
                    ecc=result.ecc.name, ranges=sector_ranges(report.damaged, limit=4)
                )
            )
        if report is not None and result.ecc is None:
            parts.append(
                tr("Its RS02 error-correction data: no damaged sector.")
                if report.ok
                else tr(
                    "Its RS02 error-correction data: %n damaged sectors ({ranges}).",
                    "",
                    damaged_count(result),
                ).format(ranges=sector_ranges(report.damaged, limit=4))
            )
        self.status_label.setText("  ".join([self.status_label.text(), *parts]))
        if self.image is not None:
            self.repair_bar.offer(self.image.path, result)

    def _on_repaired(self, path: Path) -> None:
        """The repaired copy replaced the image: show that one (and still what was done)."""
        text = self.repair_bar.label.text()
        self.open_path(path)
        self.repair_bar.show_outcome(text)

    def _update_buttons(self) -> None:
        have = self.image is not None
        for control in (*self._image_buttons(), self.fs_combo):
            control.setEnabled(have)
        if self.cd_image_path is not None:
            self.burn_button.setEnabled(True)
            self.burn_button.setToolTip(
                tr("Burn the CD image's data track (the Write page lists what is lost)")
            )
        else:
            self.burn_button.setToolTip("")
        self.mount_button.setText(tr("Unmount") if self.mounted is not None else tr("Mount"))


def _columns(entry: Entry) -> list[str]:
    size = "" if entry.is_dir else format_size(entry.size)
    mode = mode_string(entry) if entry.mode is not None else ""  # Joliet, plain ISO 9660
    return [entry.name, size, _time_text(entry.mtime), mode]


def _time_text(value: float | None) -> str:
    if value is None:
        return ""
    try:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(value))
    except (OverflowError, OSError, ValueError):
        return "?"


def describe_entry(path: str, entry: Entry) -> str:
    """The details pane's text for one entry."""
    lines = [path, tr("Type: {kind}").format(kind=entry.kind.value)]
    if entry.kind is EntryKind.FILE:
        lines.append(
            tr("Size: {size} ({bytes} bytes)").format(
                size=format_size(entry.size), bytes=entry.size
            )
        )
    modified = _time_text(entry.mtime) or tr("not recorded")
    lines.append(tr("Modified: {time}").format(time=modified))
    if entry.mode is not None:
        lines.append(tr("Mode: {mode}").format(mode=mode_string(entry)))
    if entry.uid is not None:
        lines.append(tr("Owner: {uid}:{gid}").format(uid=entry.uid, gid=entry.gid))
    if entry.link_target is not None:
        lines.append(tr("Link to: {target}").format(target=entry.link_target))
    for piece in entry.pieces[:8]:
        if piece.is_zero:
            lines.append(tr("Data: {bytes} bytes not recorded (zeros)").format(bytes=piece.length))
        else:
            lines.append(
                tr("Data: sector {sector}, {bytes} bytes").format(
                    sector=piece.offset // SECTOR_SIZE, bytes=piece.length
                )
            )
    if len(entry.pieces) > 8:
        lines.append(tr("… and %n more extents", "", len(entry.pieces) - 8))
    return "\n".join(lines)
