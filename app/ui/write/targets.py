"""The Write workspace's target picker: optical drives and the disks an image may be written to
(USB sticks, SD cards; fixed disks only when unlocked), in two headed groups of one combo box.

Each selectable entry carries a :class:`Target`; the group headings cannot be chosen.  Which
disks are offered is the core's decision (:meth:`DiskEntry.offerable`): a disk the running
system uses is never listed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from app.core.devices.removable import DiskEntry
from app.core.flash.report import KIND_NAMES
from app.core.units import format_size
from app.ui.common.i18n import tr

# translated where they are shown: tr(NAME)
DRIVES_HEADING = str(QT_TR_NOOP("Optical drives (burn a disc)"))
DISKS_HEADING = str(QT_TR_NOOP("USB sticks and SD cards (write the image to it)"))
NO_DRIVE_ITEM = str(QT_TR_NOOP("none found"))
NO_DISK_ITEM = str(QT_TR_NOOP("none plugged in"))
NOTHING_FOUND = str(QT_TR_NOOP("No optical drive or USB stick found"))
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class Target:
    """One choice: an optical drive (``disk`` None) or a disk to flash."""

    path: str
    disk: DiskEntry | None = None

    @property
    def is_disk(self) -> bool:
        return self.disk is not None


def disk_text(disk: DiskEntry) -> str:
    """``SanDisk Cruzer Blade — 29.8 GiB USB disk, 1 partition (/dev/sdb)``."""
    parts = len(disk.partitions)
    kind = KIND_NAMES.get(disk.kind, disk.kind)
    if not parts:
        text = tr("{name} — {size} {kind} ({path})")
    elif parts == 1:
        text = tr("{name} — {size} {kind}, {count} partition ({path})")
    else:
        text = tr("{name} — {size} {kind}, {count} partitions ({path})")
    return text.format(
        name=disk.name, size=format_size(disk.size_bytes), kind=kind, count=parts, path=disk.path
    )


class TargetCombo(QComboBox):
    """See the module docstring; :meth:`set_targets` keeps the current choice when it stays."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetCombo")
        self.setPlaceholderText(tr(NOTHING_FOUND))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)

    def _heading(self, text: str) -> None:
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        self._model.appendRow(item)

    def _placeholder(self, text: str) -> None:
        item = QStandardItem(f"({text})")
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self._model.appendRow(item)

    def _entry(self, text: str, target: Target) -> None:
        item = QStandardItem(text)
        item.setData(target, TARGET_ROLE)
        item.setToolTip(target.path)
        self._model.appendRow(item)

    def set_targets(
        self, drives: list[str], disks: tuple[DiskEntry, ...], *, prefer_disk: bool = False
    ) -> bool:
        """List ``drives`` and ``disks``; keep the current target (by path) when it is still
        there, else choose the first drive (the first disk with ``prefer_disk``).  True when
        the current target is another one now, or the same disk listed differently (its
        partitions or mounts changed); no signal is emitted."""
        current = self.current_target()
        self.blockSignals(True)
        self._model.clear()
        self._heading(tr(DRIVES_HEADING))
        for path in drives:
            self._entry(path, Target(path))
        if not drives:
            self._placeholder(tr(NO_DRIVE_ITEM))
        self._heading(tr(DISKS_HEADING))
        for disk in disks:
            self._entry(disk_text(disk), Target(disk.path, disk))
        if not disks:
            self._placeholder(tr(NO_DISK_ITEM))
        targets = self.targets()
        keep = next((i for i, t in targets if current and t.path == current.path), None)
        first_disk = next((i for i, t in targets if t.is_disk), None)
        first = next((i for i, _t in targets), -1)
        if keep is not None:
            index = keep
        elif prefer_disk and first_disk is not None:
            index = first_disk
        else:
            index = first
        self.setCurrentIndex(index)
        self.blockSignals(False)
        return self.current_target() != current

    def targets(self) -> list[tuple[int, Target]]:
        """(row, target) of every selectable entry."""
        found = []
        for row in range(self._model.rowCount()):
            target = self._model.item(row).data(TARGET_ROLE)
            if isinstance(target, Target):
                found.append((row, target))
        return found

    def current_target(self) -> Target | None:
        target = self.currentData(TARGET_ROLE)
        return target if isinstance(target, Target) else None

    def select_path(self, path: str) -> bool:
        for row, target in self.targets():
            if target.path == path:
                self.setCurrentIndex(row)
                return True
        return False
