"""The Write workspace writing to USB sticks: the target list (optical drives and removable
disks, live), the USB mode (stick, bootability, pre-flight), the confirmation, progress and
cancel, and each outcome's words.

Every stick here is a regular file in tmp_path (tests/fakes/flash_targets.py) listed by a
scripted disk source and opened through FileAccess: no block device is ever written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from tests.fakes.disk_source import ScriptedDiskSource
from tests.fakes.flash_targets import FileAccess, hybrid_iso, mounted_partition, stick
from tests.fakes.mmc_drive import FakeDrive

from app.core.devices.removable import DiskEntry
from app.core.flash import writer
from app.core.jobs import Outcome, Result
from app.ui.common.job_bridge import JobBridge
from app.ui.write.page import WritePage
from app.ui.write.targets import DISKS_HEADING, DRIVES_HEADING, TARGET_ROLE
from app.ui.write.usb import ERASE_BUTTON, FlashConfirmation

MIB = 1024 * 1024
STICK_BYTES = 8 * MIB


@pytest.fixture
def image(tmp_path: Path) -> Path:
    return hybrid_iso(tmp_path / "live.iso", 3 * MIB + 4096)


@pytest.fixture
def usb(tmp_path: Path) -> DiskEntry:
    return stick(tmp_path / "stick.img", STICK_BYTES, vendor="SanDisk", model="Cruzer Blade")


def make_page(
    qtbot: QtBot,
    bridge: JobBridge,
    disks: list[DiskEntry],
    access: FileAccess | None = None,
    drives: list[str] | None = None,
) -> tuple[WritePage, ScriptedDiskSource]:
    fake = FakeDrive()
    source = ScriptedDiskSource(disks)
    page = WritePage(
        bridge,
        writer_opener=fake.open,
        reader_opener=fake.open,
        disk_source=source,
        flash_access=access if access is not None else FileAccess(),
    )
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    if drives:  # the main window passes its drives at once; the disks arrive queued
        page.set_drives(drives)
    qtbot.waitUntil(lambda: page.disks == tuple(disks), timeout=5000)
    return page, source


def choose(page: WritePage, disk: DiskEntry, image: Path) -> None:
    assert page.drive_combo.select_path(disk.path)
    page.set_image(image)


def answer_confirmation(
    qtbot: QtBot, erase: bool, seen: list[FlashConfirmation], before: Callable[[], None] = print
) -> None:
    """Answer the confirmation when it opens (it is modal): Erase and Write or Cancel."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FlashConfirmation):
            QTimer.singleShot(20, click)
            return
        seen.append(dialog)
        before()
        (dialog.erase_button if erase else dialog.cancel_button).click()

    QTimer.singleShot(0, click)


def write(qtbot: QtBot, page: WritePage, timeout: int = 20000) -> Result[object]:
    seen: list[FlashConfirmation] = []
    answer_confirmation(qtbot, True, seen, before=lambda: None)
    with qtbot.waitSignal(page.flash_finished, timeout=timeout) as finished:
        page.flash_button.click()
    assert seen, "no confirmation was asked"
    result = finished.args[0]
    assert isinstance(result, Result)
    return result


def test_optical_drives_and_removable_disks_are_listed_in_groups(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path, usb: DiskEntry
) -> None:
    card = stick(tmp_path / "card.img", 4 * MIB, kind="sd", bus="mmc", model="SC64G", vendor="")
    system = stick(tmp_path / "sys.img", 4 * MIB, model="System", system_use="holds /")
    fixed = stick(tmp_path / "fixed.img", 4 * MIB, model="WDC", removable=False, kind="disk")
    page, _source = make_page(qtbot, bridge, [usb, card, system, fixed], drives=["/dev/sr0"])
    combo = page.drive_combo
    texts = [combo.itemText(i).strip() for i in range(combo.count())]
    assert texts[0] == DRIVES_HEADING
    assert texts[1] == "/dev/sr0"
    assert texts[2] == DISKS_HEADING
    assert texts[3] == f"SanDisk Cruzer Blade — 8.00 MiB USB disk ({usb.path})"
    assert texts[4].startswith("SC64G — 4.00 MiB SD card")
    assert len(texts) == 5  # the system disk and the fixed disk are not offered
    model = combo.model()
    for heading in (0, 2):
        assert not model.flags(model.index(heading, 0)) & Qt.ItemFlag.ItemIsEnabled
    assert page.current_target() is not None
    assert not page.usb_mode  # an optical drive is the default target
    page.unlock_box.setChecked(True)  # the advanced unlock offers fixed disks, never /
    paths = [t.path for _row, t in combo.targets()]
    assert fixed.path in paths
    assert system.path not in paths


def test_sticks_appear_and_disappear_live(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path, usb: DiskEntry, image: Path
) -> None:
    page, source = make_page(qtbot, bridge, [])
    assert page.current_target() is None
    assert page.drive_combo.currentText() == ""  # the placeholder says nothing was found
    page.use_usb()  # "Write to USB…" with nothing plugged in
    page.set_image(image)
    assert page.usb_mode
    assert "Plug one in" in page.usb_panel.disk_label.text()
    with qtbot.waitSignal(page.targets_changed, timeout=5000):
        source.change([usb])
    assert page.current_disk() == usb  # the stick plugged in is chosen
    assert "Cruzer Blade" in page.usb_panel.disk_label.text()
    assert page.flash_button.isEnabled()
    with qtbot.waitSignal(page.targets_changed, timeout=5000):
        source.change([])
    assert page.current_disk() is None
    assert not page.flash_button.isEnabled()


def test_choosing_a_stick_shows_it_and_the_boot_verdict(
    qtbot: QtBot, bridge: JobBridge, usb: DiskEntry, image: Path, tmp_path: Path
) -> None:
    mounted = mounted_partition(usb, "/media/user/CRUZER")
    page, _source = make_page(qtbot, bridge, [mounted], drives=["/dev/sr0"])
    choose(page, mounted, image)
    assert page.usb_mode
    assert page.usb_panel.isVisible()
    assert not page.disc_panel.isVisible()
    assert page.flash_button.isVisible()
    assert not page.burn_button.isVisible()
    assert not page.check_button.isVisible()
    panel = page.usb_panel
    assert "serial LABUSB0001" in panel.disk_label.text()
    assert "vfat" in panel.contents_label.text()
    assert "Boots from USB" in panel.boot_label.text()
    assert "BIOS and UEFI" in panel.boot_label.text()
    assert "fits" in panel.check_label.text()
    assert "/media/user/CRUZER" in panel.check_label.text()
    assert page.flash_button.isEnabled()
    disc_only = hybrid_iso(tmp_path / "disc-only.iso", MIB, partition_table=False)
    page.set_image(disc_only)
    assert "Data only, not bootable" in panel.boot_label.text()


def test_an_image_larger_than_the_stick_is_refused_before_anything(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path, image: Path
) -> None:
    small = stick(tmp_path / "small.img", 2 * MIB)
    page, _source = make_page(qtbot, bridge, [small])
    choose(page, small, image)
    assert "is larger than" in page.usb_panel.check_label.text()
    assert "Boots from USB" in page.usb_panel.boot_label.text()  # said even when refused
    assert not page.flash_button.isEnabled()


def test_cancel_in_the_confirmation_writes_nothing(
    qtbot: QtBot, bridge: JobBridge, usb: DiskEntry, image: Path
) -> None:
    mounted = mounted_partition(usb, "/media/user/CRUZER")
    access = FileAccess()
    page, _source = make_page(qtbot, bridge, [mounted], access=access)
    choose(page, mounted, image)
    seen: list[FlashConfirmation] = []
    submitted: list[object] = []
    bridge.submitted.connect(submitted.append)
    answer_confirmation(qtbot, False, seen, before=lambda: None)
    page.flash_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    dialog = seen[0]
    assert dialog.text().startswith("Erase everything on SanDisk Cruzer Blade (8.00 MiB)")
    info = dialog.informativeText()
    assert "serial LABUSB0001" in info
    assert f"{usb.path}1: vfat" in info
    assert "Unmounted first: /media/user/CRUZER." in info
    assert "The stick will boot" in info
    assert dialog.erase_button.text() == ERASE_BUTTON
    assert dialog.defaultButton() is dialog.cancel_button
    assert page.phase_label.text() == "Nothing was written."
    assert submitted == []
    assert access.opened == access.unmounted == []
    assert Path(usb.path).read_bytes() == bytes(STICK_BYTES)


def test_a_verified_write_lands_byte_for_byte(
    qtbot: QtBot, bridge: JobBridge, usb: DiskEntry, image: Path
) -> None:
    mounted = mounted_partition(usb, "/media/user/CRUZER")
    access = FileAccess()
    page, _source = make_page(qtbot, bridge, [mounted], access=access)
    choose(page, mounted, image)
    assert page.usb_panel.verify_box.isChecked()  # verify is on by default
    result = write(qtbot, page)
    assert result.outcome is Outcome.SUCCEEDED, result.error
    data = image.read_bytes()
    assert Path(usb.path).read_bytes()[: len(data)] == data
    assert access.unmounted == [f"{usb.path}1"]  # confirmed in the dialog
    assert "Written and verified" in page.phase_label.text()
    assert "byte for byte equal" in page.detail_label.text()
    assert page.progress_bar.value() == 1000
    assert not page.cancel_button.isEnabled()


def test_verify_can_be_turned_off(
    qtbot: QtBot, bridge: JobBridge, usb: DiskEntry, image: Path
) -> None:
    page, _source = make_page(qtbot, bridge, [usb])
    choose(page, usb, image)
    page.usb_panel.verify_box.setChecked(False)
    phases: list[str] = []
    bridge.progress.connect(lambda _h, p: phases.append(p.phase))
    result = write(qtbot, page)
    assert result.ok
    assert "Written, not verified" in page.phase_label.text()
    assert "Verifying" not in phases


def slow_writes(monkeypatch: pytest.MonkeyPatch, delay_s: float) -> None:
    """Each chunk written to the (file) stick takes ``delay_s`` longer, like a slow stick."""
    real = writer._pwrite_all

    def slow(fd: int, view: memoryview, offset: int) -> None:
        import time

        time.sleep(delay_s)
        real(fd, view, offset)

    monkeypatch.setattr(writer, "_pwrite_all", slow)


def test_progress_speed_time_left_and_cancel(
    qtbot: QtBot,
    bridge: JobBridge,
    usb: DiskEntry,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    big = tmp_path / "big.iso"
    big.write_bytes(os.urandom(6 * MIB))
    page, _source = make_page(qtbot, bridge, [usb])
    page.flash_chunk_bytes = 128 * 1024
    slow_writes(monkeypatch, 0.05)  # 48 chunks: about 2.4 s
    choose(page, usb, big)
    assert not page.progress_bar.isVisible()  # no bar before anything started
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    seen: list[FlashConfirmation] = []
    answer_confirmation(qtbot, True, seen, before=lambda: None)
    with qtbot.waitSignal(page.flash_finished, timeout=20000) as finished:
        page.flash_button.click()
        qtbot.waitUntil(lambda: "left" in page.detail_label.text(), timeout=10000)
        assert page.phase_label.text() == "Writing"
        assert "/s" in page.detail_label.text()
        assert page.progress_bar.isVisible()
        assert 0 < page.progress_bar.value() < 1000
        assert page.cancel_button.isEnabled()
        page.cancel_button.click()
    assert asked
    assert "incomplete" in asked[0]
    assert finished.args[0].outcome is Outcome.CANCELLED
    assert "Cancelled" in page.phase_label.text()
    assert "incomplete" in page.detail_label.text()
    assert Path(usb.path).read_bytes()[-MIB:] == bytes(MIB)  # stopped part-way


def test_a_write_error_says_the_stick_is_incomplete(
    qtbot: QtBot, bridge: JobBridge, usb: DiskEntry, image: Path
) -> None:
    page, _source = make_page(qtbot, bridge, [usb], access=FileAccess(read_only=True))
    choose(page, usb, image)
    result = write(qtbot, page)
    assert result.outcome is Outcome.FAILED
    assert "Writing failed" in page.phase_label.text()
    assert "failed at byte 0" in page.detail_label.text()
    assert "incomplete" in page.detail_label.text()


def test_a_read_back_mismatch_names_the_first_differing_offset(
    qtbot: QtBot,
    bridge: JobBridge,
    usb: DiskEntry,
    image: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.core.devices import blockdev

    bad = 2 * MIB + 777

    def corrupt_then_drop(fd: int) -> bool:  # between the write and the read-back
        with open(usb.path, "r+b") as stick_file:
            stick_file.seek(bad)
            old = stick_file.read(1)
            stick_file.seek(bad)
            stick_file.write(bytes([old[0] ^ 0xFF]))
        return False

    monkeypatch.setattr(blockdev, "drop_buffer_cache", corrupt_then_drop)
    page, _source = make_page(qtbot, bridge, [usb])
    choose(page, usb, image)
    result = write(qtbot, page)
    assert result.outcome is Outcome.FAILED
    assert "Verification failed" in page.phase_label.text()
    assert f"byte {bad:,}" in page.detail_label.text()


def test_an_unmount_failure_is_its_own_message(
    qtbot: QtBot, bridge: JobBridge, usb: DiskEntry, image: Path
) -> None:
    mounted = mounted_partition(usb, "/media/user/CRUZER")
    access = FileAccess(unmount_fails=True)
    page, _source = make_page(qtbot, bridge, [mounted], access=access)
    choose(page, mounted, image)
    result = write(qtbot, page)
    assert result.outcome is Outcome.FAILED
    assert "Could not unmount" in page.phase_label.text()
    assert "could not be unmounted" in page.detail_label.text()
    assert access.opened == []
    assert Path(usb.path).read_bytes() == bytes(STICK_BYTES)


def test_a_busy_stick_is_refused(
    qtbot: QtBot, bridge: JobBridge, usb: DiskEntry, image: Path
) -> None:
    page, _source = make_page(qtbot, bridge, [usb], access=FileAccess(busy=True))
    choose(page, usb, image)
    result = write(qtbot, page)
    assert result.outcome is Outcome.FAILED
    assert "The disk is in use" in page.phase_label.text()
    assert "Nothing was written" in page.detail_label.text()


def test_a_stick_swapped_after_choosing_is_refused(
    qtbot: QtBot, bridge: JobBridge, usb: DiskEntry, image: Path
) -> None:
    page, source = make_page(qtbot, bridge, [usb])
    choose(page, usb, image)
    other = replace(usb, serial="OTHER0002")
    # swapped while the question was open, before any event reached the page
    seen: list[FlashConfirmation] = []
    answer_confirmation(qtbot, True, seen, before=lambda: source.change_quietly([other]))
    with qtbot.waitSignal(page.flash_finished, timeout=20000) as finished:
        page.flash_button.click()
    assert finished.args[0].outcome is Outcome.FAILED
    assert "The disk changed" in page.phase_label.text()
    assert Path(usb.path).read_bytes() == bytes(STICK_BYTES)
    # swapped before pressing Write: refused before the question
    page.flash_button.setEnabled(True)
    page.start_flash()
    assert "not the disk that was chosen" in page.detail_label.text()


def test_write_to_usb_from_the_image_workspace(
    qtbot: QtBot, tmp_path: Path, usb: DiskEntry, settings: object
) -> None:
    from app.cli.main import run_cli
    from app.ui.common.workspaces import Workspace
    from app.ui.main_window import MainWindow

    source_dir = tmp_path / "src"
    source_dir.mkdir()
    (source_dir / "a.txt").write_text("hello\n")
    built = tmp_path / "small.iso"
    assert run_cli(["build", "-o", str(built), str(source_dir)]) == 0
    window = MainWindow(settings, disk_source=ScriptedDiskSource([usb]))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.write_page.disks == (usb,), timeout=5000)
    window.image_page.open_path(built)
    assert window.image_page.flash_button.isEnabled()
    window.image_page.flash_button.click()
    assert window.current_workspace() is Workspace.WRITE
    assert window.write_page.image_path == built
    assert window.write_page.usb_mode
    assert window.write_page.current_disk() == usb
    window.build_page.files.replace_project(window.build_page.project)  # nothing to save
    window.close()


def test_write_to_usb_from_the_build_result(
    qtbot: QtBot, tmp_path: Path, usb: DiskEntry, image: Path, settings: object
) -> None:
    from app.ui.common.workspaces import Workspace
    from app.ui.main_window import MainWindow

    window = MainWindow(settings, disk_source=ScriptedDiskSource([usb]))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.write_page.disks == (usb,), timeout=5000)
    banner = window.build_page.result_banner
    banner.path = image  # as show_result leaves it after a build
    banner.flash_button.click()
    assert window.current_workspace() is Workspace.WRITE
    assert window.write_page.image_path == image
    assert window.write_page.usb_mode
    assert window.write_page.current_disk() == usb
    assert window.write_page.flash_button.isEnabled()
    window.close()


def test_target_entries_carry_their_disk(qtbot: QtBot, bridge: JobBridge, usb: DiskEntry) -> None:
    page, _source = make_page(qtbot, bridge, [usb], drives=["/dev/sr0"])
    rows = {t.path: row for row, t in page.drive_combo.targets()}
    target = page.drive_combo.itemData(rows[usb.path], TARGET_ROLE)
    assert target.disk == usb
    assert page.drive_combo.itemData(rows["/dev/sr0"], TARGET_ROLE).disk is None


def test_a_fixed_disk_is_written_only_after_the_unlock(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path, image: Path
) -> None:
    fixed = stick(tmp_path / "fixed.img", STICK_BYTES, model="WDC", removable=False, kind="disk")
    page, _source = make_page(qtbot, bridge, [fixed])
    assert page.current_target() is None  # not offered
    page.advanced_button.click()
    assert page.unlock_box.isVisible()
    page.unlock_box.setChecked(True)
    assert page.current_disk() == fixed
    page.set_image(image)
    assert "fixed disk" in page.drive_combo.currentText()
    result = write(qtbot, page)
    assert result.outcome is Outcome.SUCCEEDED, result.error  # the job was unlocked too
    page.unlock_box.setChecked(False)
    assert page.current_disk() is None
