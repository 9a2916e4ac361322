"""The Write workspace's "write to USB" mode: what the chosen stick is and holds, whether the
image will boot from it (:mod:`app.core.flash.boot`), the pre-flight verdict, the question
before anything is erased, and the words for each outcome of a
:class:`~app.core.flash.job.FlashJob`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.core.devices.removable import DiskEntry
from app.core.errors import AppError, Cancelled
from app.core.flash.boot import BootInfo, BootVerdict
from app.core.flash.job import FlashPlan, FlashResult
from app.core.flash.report import KIND_NAMES
from app.core.units import format_size

NO_DISK_TEXT = (
    "No USB stick or SD card is plugged in. Plug one in: it appears under “USB sticks and SD "
    "cards” at once."
)
CONFIRM_TITLE = "Erase and write?"
ERASE_BUTTON = "Erase and Write"
BOOT_HEADLINES = {
    BootVerdict.USB_BOOTABLE: "Boots from USB",
    BootVerdict.DISK_IMAGE: "Disk image",
    BootVerdict.DISC_ONLY: "Will not boot from USB",
    BootVerdict.WINDOWS_UDF: "Will not boot from USB",
    BootVerdict.NOT_BOOTABLE: "Data only, not bootable",
}


def disk_summary(disk: DiskEntry) -> str:
    """``/dev/sdb · USB disk · 29.8 GiB · serial 4C53…``."""
    kind = KIND_NAMES.get(disk.kind, disk.kind)
    serial = f" · serial {disk.serial}" if disk.serial else " · no serial number"
    return f"{disk.path} · {kind} · {format_size(disk.size_bytes)}{serial}"


def contents_lines(disk: DiskEntry) -> list[str]:
    """What is on the disk now (all of it is erased): one line per partition."""
    lines = []
    for part in disk.partitions:
        fs = part.fs_type or "unknown file system"
        label = f" “{part.label}”" if part.label else ""
        mounted = f", mounted at {', '.join(part.mountpoints)}" if part.mountpoints else ""
        lines.append(f"{part.path}: {fs}{label}, {format_size(part.size_bytes)}{mounted}")
    if disk.mountpoints:
        lines.append(f"{disk.path} itself is mounted at {', '.join(disk.mountpoints)}")
    return lines


def holds_text(disk: DiskEntry) -> str:
    """The "Holds" row: what is on the disk, and that writing erases it."""
    lines = contents_lines(disk)
    if not lines:
        return "no partitions; <i>whatever is on it is erased by writing.</i>"
    return "<br>".join(lines) + "<br><i>All of it is erased by writing.</i>"


def boot_text(boot: BootInfo) -> str:
    """The bootability verdict: a bold headline and the sentence that explains it."""
    return f"<b>{BOOT_HEADLINES[boot.verdict]}.</b> {boot.sentence()}"


class UsbPanel(QWidget):
    """The rows shown instead of the disc's when a disk is the target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usbPanel")
        self.disk_label = QLabel(NO_DISK_TEXT)
        self.disk_label.setWordWrap(True)
        self.contents_label = QLabel("")
        self.contents_label.setWordWrap(True)
        self.boot_label = QLabel("")
        self.boot_label.setWordWrap(True)
        self.boot_label.setTextFormat(Qt.TextFormat.RichText)
        self.check_label = QLabel("")
        self.check_label.setWordWrap(True)
        self.verify_box = QCheckBox("Verify: read the stick back and compare it with the image")
        self.verify_box.setChecked(True)
        self.verify_box.setToolTip(
            "Reads the stick directly (O_DIRECT, never the cache), so a stick that lost or "
            "altered data is found before you rely on it."
        )
        # a grid, not a QFormLayout: its rows get the wrapped labels' height for the width
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        rows = (
            ("Stick", self.disk_label),
            ("Holds", self.contents_label),
            ("Booting", self.boot_label),
            ("", self.check_label),
            ("Options", self.verify_box),
        )
        for row, (name, field) in enumerate(rows):
            heading = QLabel(name)
            top = isinstance(field, QLabel)  # a check box row: centred with the box
            align = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter
            grid.addWidget(heading, row, 0, align)
            grid.addWidget(field, row, 1)

    def show_disk(self, disk: DiskEntry | None) -> None:
        if disk is None:
            self.disk_label.setText(NO_DISK_TEXT)
            self.contents_label.setText("")
            self.boot_label.setText("")
            self.check_label.setText("")
            return
        self.disk_label.setText(f"<b>{disk.name}</b><br>{disk_summary(disk)}")
        self.contents_label.setText(holds_text(disk))

    def show_plan(self, plan: FlashPlan) -> None:
        self.boot_label.setText(boot_text(plan.boot))
        spare = plan.target.size_bytes - plan.image_bytes
        text = (
            f"The image ({format_size(plan.image_bytes)}) fits; {format_size(spare)} of the "
            "stick stay unused."
        )
        if plan.mounted:
            text += f" Mounted now, unmounted before writing: {', '.join(plan.mounted)}."
        self.check_label.setText(text)

    def show_refusal(self, message: str, boot: BootInfo | None = None) -> None:
        self.boot_label.setText(boot_text(boot) if boot is not None else "")
        self.check_label.setText(message)


class FlashConfirmation(QMessageBox):
    """The question before writing: names the disk (model, size, serial), what is erased and
    what will be unmounted.  Cancel is the default button."""

    def __init__(self, plan: FlashPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        disk = plan.target
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(CONFIRM_TITLE)
        self.setText(
            f"Erase everything on {disk.name} ({format_size(disk.size_bytes)}) and write "
            f"{plan.image.name} to it?"
        )
        lines = [disk_summary(disk), "", "Everything on it is lost:"]
        lines += [f"  • {line}" for line in contents_lines(disk) or ["no partitions"]]
        if plan.mounted:
            lines += ["", f"Unmounted first: {', '.join(plan.mounted)}."]
        lines += ["", plan.boot.sentence()]
        self.setInformativeText("\n".join(lines))
        self.erase_button: QPushButton = self.addButton(
            ERASE_BUTTON, QMessageBox.ButtonRole.DestructiveRole
        )
        self.cancel_button: QPushButton = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def confirmed(self) -> bool:
        return self.clickedButton() is self.erase_button


def success_text(result: FlashResult) -> tuple[str, str]:
    """(headline, explanation) after a write that succeeded."""
    took = f"{format_size(result.image_bytes)} in {result.write_seconds:.1f} s"
    if result.verified:
        return (
            f"Written and verified: {result.image.name} on {result.target_name}",
            f"{took}; read back from the stick (not from the cache) in "
            f"{result.verify_seconds:.1f} s, byte for byte equal to the image. "
            "The stick can be removed.",
        )
    return (
        f"Written, not verified: {result.image.name} on {result.target_name}",
        f"{took}. The stick was not read back. The stick can be removed.",
    )


def failure_text(error: AppError) -> tuple[str, str]:
    """(headline, explanation) for a failed or cancelled write: the error's kind ("Writing
    failed", "Verification failed", "Could not unmount", …) and its message."""
    if isinstance(error, Cancelled):
        return "Cancelled", error.message
    return error.title, error.message
