"""The Write workspace's "write to USB" mode: what the chosen stick is and holds, whether the
image will boot from it (:mod:`app.core.flash.boot`), the pre-flight verdict, the question
before anything is erased, and the words for each outcome of a
:class:`~app.core.flash.job.FlashJob`."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, Qt
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
from app.ui.common.i18n import tr

# marked for lupdate, translated where they are shown: tr(NAME)
NO_DISK_TEXT = str(
    QT_TR_NOOP(
        "No USB stick or SD card is plugged in. Plug one in: it appears under “USB sticks and SD "
        "cards” at once."
    )
)
CONFIRM_TITLE = str(QT_TR_NOOP("Erase and write?"))
ERASE_BUTTON = str(QT_TR_NOOP("Erase and Write"))
BOOT_HEADLINES = {
    BootVerdict.USB_BOOTABLE: str(QT_TR_NOOP("Boots from USB")),
    BootVerdict.DISK_IMAGE: str(QT_TR_NOOP("Disk image")),
    BootVerdict.DISC_ONLY: str(QT_TR_NOOP("Will not boot from USB")),
    BootVerdict.WINDOWS_UDF: str(QT_TR_NOOP("Will not boot from USB")),
    BootVerdict.NOT_BOOTABLE: str(QT_TR_NOOP("Data only, not bootable")),
}


def disk_summary(disk: DiskEntry) -> str:
    """``/dev/sdb · USB disk · 29.8 GiB · serial 4C53…``."""
    kind = KIND_NAMES.get(disk.kind, disk.kind)
    serial = (
        tr("serial {serial}").format(serial=disk.serial) if disk.serial else tr("no serial number")
    )
    return " · ".join((disk.path, kind, format_size(disk.size_bytes), serial))


def contents_lines(disk: DiskEntry) -> list[str]:
    """What is on the disk now (all of it is erased): one line per partition."""
    lines = []
    for part in disk.partitions:
        fs = part.fs_type or tr("unknown file system")
        label = f" “{part.label}”" if part.label else ""
        size = format_size(part.size_bytes)
        line = f"{part.path}: {fs}{label}, {size}"
        if part.mountpoints:
            line += ", " + tr("mounted at {places}").format(places=", ".join(part.mountpoints))
        lines.append(line)
    if disk.mountpoints:
        lines.append(
            tr("{disk} itself is mounted at {places}").format(
                disk=disk.path, places=", ".join(disk.mountpoints)
            )
        )
    return lines


def holds_text(disk: DiskEntry) -> str:
    """The "Holds" row: what is on the disk, and that writing erases it."""
    lines = contents_lines(disk)
    if not lines:
        return tr("no partitions; <i>whatever is on it is erased by writing.</i>")
    return "<br>".join(lines) + "<br>" + tr("<i>All of it is erased by writing.</i>")


def boot_text(boot: BootInfo) -> str:
    """The bootability verdict: a bold headline and the sentence that explains it."""
    return f"<b>{tr(BOOT_HEADLINES[boot.verdict])}.</b> {boot.sentence()}"


class UsbPanel(QWidget):
    """The rows shown instead of the disc's when a disk is the target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usbPanel")
        self.disk_label = QLabel(tr(NO_DISK_TEXT))
        self.disk_label.setWordWrap(True)
        self.contents_label = QLabel("")
        self.contents_label.setWordWrap(True)
        self.boot_label = QLabel("")
        self.boot_label.setWordWrap(True)
        self.boot_label.setTextFormat(Qt.TextFormat.RichText)
        self.check_label = QLabel("")
        self.check_label.setWordWrap(True)
        self.verify_box = QCheckBox(tr("Verify: read the stick back and compare it with the image"))
        self.verify_box.setChecked(True)
        self.verify_box.setToolTip(
            tr(
                "Reads the stick directly (O_DIRECT, never the cache), so a stick that lost or "
                "altered data is found before you rely on it."
            )
        )
        # a grid, not a QFormLayout: its rows get the wrapped labels' height for the width
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        rows = (
            (tr("Stick"), self.disk_label),
            (tr("Holds"), self.contents_label),
            (tr("Booting"), self.boot_label),
            ("", self.check_label),
            (tr("Options"), self.verify_box),
        )
        for row, (name, field) in enumerate(rows):
            heading = QLabel(name)
            top = isinstance(field, QLabel)  # a check box row: centred with the box
            align = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter
            grid.addWidget(heading, row, 0, align)
            grid.addWidget(field, row, 1)

    def show_disk(self, disk: DiskEntry | None) -> None:
        if disk is None:
            self.disk_label.setText(tr(NO_DISK_TEXT))
            self.contents_label.setText("")
            self.boot_label.setText("")
            self.check_label.setText("")
            return
        self.disk_label.setText(f"<b>{disk.name}</b><br>{disk_summary(disk)}")
        self.contents_label.setText(holds_text(disk))

    def show_plan(self, plan: FlashPlan) -> None:
        self.boot_label.setText(boot_text(plan.boot))
        spare = plan.target.size_bytes - plan.image_bytes
        text = tr("The image ({size}) fits; {spare} of the stick stay unused.").format(
            size=format_size(plan.image_bytes), spare=format_size(spare)
        )
        if plan.mounted:
            text += " " + tr("Mounted now, unmounted before writing: {places}.").format(
                places=", ".join(plan.mounted)
            )
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
        self.setWindowTitle(tr(CONFIRM_TITLE))
        self.setText(
            tr("Erase everything on {disk} ({size}) and write {image} to it?").format(
                disk=disk.name, size=format_size(disk.size_bytes), image=plan.image.name
            )
        )
        lines = [disk_summary(disk), "", tr("Everything on it is lost:")]
        lines += [f"  • {line}" for line in contents_lines(disk) or [tr("no partitions")]]
        if plan.mounted:
            lines += ["", tr("Unmounted first: {places}.").format(places=", ".join(plan.mounted))]
        lines += ["", plan.boot.sentence()]
        self.setInformativeText("\n".join(lines))
        self.erase_button: QPushButton = self.addButton(
            tr(ERASE_BUTTON), QMessageBox.ButtonRole.DestructiveRole
        )
        self.cancel_button: QPushButton = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def confirmed(self) -> bool:
        return self.clickedButton() is self.erase_button


def success_text(result: FlashResult) -> tuple[str, str]:
    """(headline, explanation) after a write that succeeded."""
    took = tr("{size} in {seconds} s").format(
        size=format_size(result.image_bytes), seconds=f"{result.write_seconds:.1f}"
    )
    names = {"image": result.image.name, "target": result.target_name}
    if result.verified:
        return (
            tr("Written and verified: {image} on {target}").format(**names),
            tr(
                "{took}; read back from the stick (not from the cache) in {seconds} s, byte for "
                "byte equal to the image. The stick can be removed."
            ).format(took=took, seconds=f"{result.verify_seconds:.1f}"),
        )
    return (
        tr("Written, not verified: {image} on {target}").format(**names),
        tr("{took}. The stick was not read back. The stick can be removed.").format(took=took),
    )


def failure_text(error: AppError) -> tuple[str, str]:
    """(headline, explanation) for a failed or cancelled write: the error's kind ("Writing
    failed", "Verification failed", "Could not unmount", …) and its message."""
    if isinstance(error, Cancelled):
        return tr("Cancelled"), error.message
    return error.title, error.message
