"""The Read workspace page with fake discs: start, live map, bad ranges, cancel and resume,
check disc, compare."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.fakes.sectors import FakeDisc, random_image

from app.core.errors import DeviceError, InvalidInputError
from app.core.jobs import Outcome
from app.core.rip.mapfile import BlockStatus
from app.core.sectors import LbaRange
from app.ui.common.job_bridge import JobBridge
from app.ui.read.page import ReadPage
from app.ui.read.sector_map import cell_statuses

WAIT_MS = 20_000


@pytest.fixture
def bridge(qtbot: QtBot) -> Iterator[JobBridge]:
    bridge = JobBridge()
    yield bridge
    bridge.shutdown(timeout_s=10)


def make_page(qtbot: QtBot, bridge: JobBridge, disc: FakeDisc) -> ReadPage:
    page = ReadPage(bridge, open_source=lambda _p: disc, drive_paths=lambda: ["/dev/sr0"])
    qtbot.addWidget(page)
    page.resize(900, 800)
    page.show()
    return page


def test_rip_shows_bad_ranges_checksums_and_the_map(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    disc = FakeDisc(random_image(2000), bad={100, 101, 1500})
    page = make_page(qtbot, bridge, disc)
    assert page.drive_combo.currentText() == "/dev/sr0"
    page.output_edit.setText(str(tmp_path / "disc.iso"))
    page.retries_spin.setValue(1)
    with qtbot.waitSignal(page.rip_finished, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
        assert not page.start_button.isEnabled()
        assert page.cancel_button.isEnabled()
    result = blocker.args[0]
    assert result.ok, result.error
    assert result.value.summary.bad_ranges == (LbaRange(100, 2), LbaRange(1500, 1))
    text = page.result_view.toPlainText()
    assert "3 sectors could not be read" in text
    assert "LBA 100-101, 1500" in text
    assert "sha256:" in text
    assert page.status_label.text() == "Done: 3 unreadable sectors."
    assert page.progress_bar.value() == page.progress_bar.maximum()
    statuses = page.sector_map.statuses()
    assert BlockStatus.BAD_SECTOR in statuses
    assert BlockStatus.NON_TRIED not in statuses
    assert page.start_button.isEnabled()
    assert (tmp_path / "disc.iso").stat().st_size == 2000 * 2048


def test_cancel_then_resume_finishes_the_same_image(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    disc = FakeDisc(random_image(3000), bad={2500})
    disc.on_read = lambda _lba, _count: time.sleep(0.01)
    page = make_page(qtbot, bridge, disc)
    page.output_edit.setText(str(tmp_path / "disc.iso"))
    with qtbot.waitSignal(page.rip_finished, timeout=WAIT_MS) as blocker:
        page.start()
        qtbot.waitUntil(lambda: len(disc.reads) > 10, timeout=WAIT_MS)
        page.cancel()
    assert blocker.args[0].outcome is Outcome.CANCELLED
    # the message names the button there is (no "Start"), and the resume box is ticked for it
    assert f"Press “{page.start_button.text()}”" in page.status_label.text()
    assert page.resume_check.isChecked()
    assert (tmp_path / "disc.iso.part").exists()
    disc.on_read = None
    with qtbot.waitSignal(page.rip_finished, timeout=WAIT_MS) as blocker:
        page.start()
    result = blocker.args[0]
    assert result.ok, result.error
    assert result.value.resumed
    expected = bytearray(disc.data)
    expected[2500 * 2048 : 2501 * 2048] = bytes(2048)
    assert (tmp_path / "disc.iso").read_bytes() == bytes(expected)


def test_check_disc_describes_what_is_inserted(qtbot: QtBot, bridge: JobBridge) -> None:
    disc = FakeDisc(random_image(500), medium="DVD-ROM")
    page = make_page(qtbot, bridge, disc)
    assert "Not checked yet" in page.disc_label.text()
    with qtbot.waitSignal(page.disc_checked, timeout=WAIT_MS):
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
        assert "Checking the disc in /dev/sr0" in page.disc_label.text()
        assert not page.check_button.isEnabled()
    assert page.disc_title.text() == "/dev/sr0"
    assert page.disc_label.text() == "DVD-ROM · ready to read"
    assert "1 track · 1000 KiB to read" in page.disc_details.text()
    assert page.status_label.text().startswith("Checked: DVD-ROM, 1 track")
    assert page.check_button.isEnabled()


def test_missing_output_disables_start_with_the_reason(qtbot: QtBot, bridge: JobBridge) -> None:
    page = make_page(qtbot, bridge, FakeDisc(random_image(10)))
    assert not page.start_button.isEnabled()
    assert page.start_button.toolTip() == "Choose where the image goes first."
    page.start()
    assert page.status_label.text() == "Choose where the image goes."
    assert bridge.active_handles() == []
    page.output_edit.setText("/tmp/x.iso")
    assert page.start_button.isEnabled()
    assert "Reads every sector" in page.start_button.toolTip()


def test_compare_disc_with_image(qtbot: QtBot, bridge: JobBridge, tmp_path: Path) -> None:
    disc = FakeDisc(random_image(300))
    image = bytearray(disc.data)
    image[42 * 2048] ^= 1
    (tmp_path / "x.iso").write_bytes(bytes(image))
    page = make_page(qtbot, bridge, disc)
    page.output_edit.setText(str(tmp_path / "x.iso"))
    page.compare()
    qtbot.waitUntil(page.compare_button.isEnabled, timeout=WAIT_MS)
    assert "differ from sector 42 on" in page.status_label.text()
    assert "LBA 42" in page.result_view.toPlainText()


def test_cell_statuses_show_the_worst_status() -> None:
    from app.core.rip.mapfile import RescueMap

    rescue_map = RescueMap(100, BlockStatus.FINISHED)
    rescue_map.set_status(10, 1, BlockStatus.BAD_SECTOR)
    rescue_map.set_status(50, 50, BlockStatus.NON_TRIED)
    cells = cell_statuses(rescue_map.blocks(), 100, 10)
    assert cells[0] is BlockStatus.FINISHED
    assert cells[1] is BlockStatus.BAD_SECTOR
    assert cells[5:] == [BlockStatus.NON_TRIED] * 5


def test_main_window_shows_the_read_page(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from app.ui.common.settings import Settings
    from app.ui.common.workspaces import Workspace
    from app.ui.main_window import MainWindow

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Settings(store))
    qtbot.addWidget(window)
    window.show_workspace(Workspace.READ)
    assert window.pages[Workspace.READ] is window.read_page
    assert window.read_page.isVisibleTo(window)
    assert not window.build_page.isVisibleTo(window)


def test_a_damaged_rip_with_an_ecc_file_beside_it_is_offered_repair(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    import hashlib
    import os

    from app.core.protect import rs01

    data = random_image(3000, seed=5)
    original = tmp_path / "original.iso"
    original.write_bytes(data)
    src, ecc = (
        os.open(original, os.O_RDONLY),
        os.open(tmp_path / "disc.ecc", os.O_RDWR | os.O_CREAT),
    )
    rs01.create(src, ecc, 16)
    os.close(src)
    os.close(ecc)
    disc = FakeDisc(data, bad=set(range(200, 260)) | {2500})
    page = make_page(qtbot, bridge, disc)
    page.output_edit.setText(str(tmp_path / "disc.iso"))
    with qtbot.waitSignal(page.rip_finished, timeout=WAIT_MS):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.repair_button.isVisible()
    assert page.repair_button.text() == "Repair with disc.ecc"
    assert "Error-correction data found" in page.status_label.text()
    qtbot.mouseClick(page.repair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Repaired"), timeout=WAIT_MS)
    assert page.status_label.text() == "Repaired: all 61 damaged sectors were rebuilt."
    assert "unread in the map" in page.result_view.toPlainText()
    assert not page.repair_button.isVisible()
    rebuilt = hashlib.sha256((tmp_path / "disc.iso").read_bytes()).hexdigest()
    assert rebuilt == hashlib.sha256(data).hexdigest()


def test_no_repair_offer_without_an_ecc_file(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    disc = FakeDisc(random_image(500), bad={10})
    page = make_page(qtbot, bridge, disc)
    page.output_edit.setText(str(tmp_path / "disc.iso"))
    with qtbot.waitSignal(page.rip_finished, timeout=WAIT_MS):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert not page.repair_button.isVisible()


def _no_drive_page(qtbot: QtBot, bridge: JobBridge) -> ReadPage:
    page = ReadPage(bridge, open_source=lambda _p: FakeDisc(random_image(10)))
    qtbot.addWidget(page)
    page.show()
    return page


def test_no_drive_says_what_to_do_and_never_insert_a_disc(qtbot: QtBot, bridge: JobBridge) -> None:
    page = _no_drive_page(qtbot, bridge)
    page.output_edit.setText("/tmp/x.iso")
    texts = " ".join((page.disc_title.text(), page.disc_label.text(), page.disc_details.text()))
    assert page.disc_title.text() == "No optical drive found"
    assert "or choose “From an image file”" in page.disc_label.text()
    assert "Insert" not in texts
    assert page.drive_combo.placeholderText() == "No optical drive"
    for button in (page.start_button, page.check_button):
        assert not button.isEnabled()
        assert button.toolTip().startswith("No optical drive found")
    assert not page.compare_button.isEnabled()
    assert page.compare_button.toolTip()
    assert not page.cancel_button.isEnabled()
    assert page.cancel_button.toolTip() == "Nothing is running"


def test_refresh_says_what_it_found(qtbot: QtBot, bridge: JobBridge) -> None:
    drives: list[str] = []
    page = ReadPage(bridge, drive_paths=lambda: list(drives))
    qtbot.addWidget(page)
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert page.status_label.text().startswith("No optical drive found")
    drives.extend(["/dev/sr0", "/dev/sr1"])
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert page.status_label.text() == "Found 2 optical drives."
    assert page.disc_title.text() == "/dev/sr0"
    assert page.check_button.isEnabled()


def test_reading_an_image_file_is_a_visible_choice(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    source = tmp_path / "in.iso"
    data = random_image(64)
    source.write_bytes(data)
    page = _no_drive_page(qtbot, bridge)
    page._open_source = None  # a real file read
    assert page.from_drive_radio.isChecked()
    assert not page.source_file_edit.isVisible()
    assert not page.drive_combo.isEditable()  # no hidden file path in the Drive box
    qtbot.mouseClick(page.from_file_radio, Qt.MouseButton.LeftButton)
    assert page.source_file_edit.isVisible()
    assert not page.disc_card.isVisible()
    page.output_edit.setText(str(tmp_path / "out.iso"))
    assert not page.start_button.isEnabled()
    assert page.start_button.toolTip() == "Choose the image file to read first."
    page.source_file_edit.setText(str(source))
    assert page.start_button.isEnabled()
    with qtbot.waitSignal(page.rip_finished, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].ok, blocker.args[0].error
    assert (tmp_path / "out.iso").read_bytes() == data


def test_a_good_check_leaves_no_stale_message(qtbot: QtBot, bridge: JobBridge) -> None:
    drives: list[str] = []
    page = ReadPage(
        bridge, open_source=lambda _p: FakeDisc(random_image(50)), drive_paths=lambda: drives
    )
    qtbot.addWidget(page)
    page.start()  # nothing to read from yet: the reason shows
    assert page.status_label.text().startswith("No optical drive found")
    drives.append("/dev/sr0")
    page.refresh_drives()
    with qtbot.waitSignal(page.disc_checked, timeout=WAIT_MS):
        page.check_disc()
    assert "No optical drive" not in page.status_label.text()
    assert "Choose a drive" not in page.status_label.text()
    assert page.status_label.text().startswith("Checked:")


def test_a_failed_read_says_it_failed_and_why(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    def gone(_path: str) -> FakeDisc:
        raise DeviceError("The drive /dev/sr0 stopped answering.", "SG_IO: errno 19")

    page = make_page(qtbot, bridge, FakeDisc(random_image(10)))
    page._open_source = gone
    page.output_edit.setText(str(tmp_path / "disc.iso"))
    with qtbot.waitSignal(page.rip_finished, timeout=WAIT_MS):
        page.start()
    assert page.status_label.text() == "The read failed: The drive /dev/sr0 stopped answering."
    assert not (tmp_path / "disc.iso").exists()


def test_a_failed_check_shows_the_reason_on_the_card(qtbot: QtBot, bridge: JobBridge) -> None:
    def broken(_path: str) -> FakeDisc:
        raise InvalidInputError("There is no disc in the drive.")

    page = ReadPage(bridge, open_source=broken, drive_paths=lambda: ["/dev/sr0"])
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.disc_checked, timeout=WAIT_MS):
        page.check_disc()
    assert page.disc_label.text() == "There is no disc in the drive."
    assert page.last_summary is None


def test_advanced_options_are_folded(qtbot: QtBot, bridge: JobBridge) -> None:
    page = make_page(qtbot, bridge, FakeDisc(random_image(10)))
    assert not page.advanced.isVisible()
    assert not page.retries_spin.isVisible()
    qtbot.mouseClick(page.advanced_button, Qt.MouseButton.LeftButton)
    for widget in (
        page.retries_spin,
        page.skip_check,
        page.speed_combo,
        page.map_edit,
        page.verify_check,
        page.format_combo,
    ):
        assert widget.isVisible()


def test_the_sector_map_is_visible_at_1366x800(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QPoint, QSettings

    from app.ui.common.settings import Settings
    from app.ui.common.workspaces import Workspace
    from app.ui.main_window import MainWindow

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Settings(store))
    qtbot.addWidget(window)
    window.resize(1366, 800)
    window.show()
    window.show_workspace(Workspace.READ)
    qtbot.waitExposed(window)
    window.read_page.show_map()  # as during a read
    window.read_page.progress_bar.show()
    window.read_page.status_label.setText("Reading · 12 of 100 sectors")
    qtbot.wait(50)
    page_map = window.read_page.sector_map
    assert page_map.isVisibleTo(window)
    scroller = window._scrollers[Workspace.READ]
    viewport = scroller.viewport()
    bottom = page_map.mapTo(viewport, QPoint(0, page_map.height()))
    assert bottom.y() <= viewport.height(), (bottom.y(), viewport.height())
    # the page fits without a vertical scroll bar (the old form needed one, 711 px in 563)
    assert window.read_page.height() <= viewport.height()
    assert scroller.verticalScrollBar().maximum() == 0


def test_the_check_job_reports_no_zero_sectors() -> None:
    from app.core.jobs import Progress
    from app.core.jobs.phase import Phase
    from app.core.jobs.progress import Unit

    assert Progress(Phase.READING_LAYOUT, 0, None, Unit.SECTORS).amount_text() == ""
    assert Progress(Phase.READING_LAYOUT, 12, None, Unit.SECTORS).amount_text() == "12 sectors"


def _copy_page(
    qtbot: QtBot,
    bridge: JobBridge,
    tmp_path: Path,
    disc: FakeDisc,
    burner: object,
    *,
    drives: list[str],
) -> ReadPage:
    page = ReadPage(
        bridge,
        open_source=lambda _p: disc,
        drive_paths=lambda: drives,
        open_burner=burner.open,  # type: ignore[attr-defined]
    )
    qtbot.addWidget(page)
    page.copy_work_dir = tmp_path / "work"
    page.retries_spin.setValue(0)
    return page


def test_copy_to_a_blank_disc_in_a_second_drive(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    from tests.fakes.mmc_drive import FakeDrive

    from app.core.mmc.profiles import Profile

    disc = FakeDisc(random_image(600, seed=9))
    burner = FakeDrive(profile=Profile.DVD_PLUS_R, device="/dev/sr1")
    page = _copy_page(qtbot, bridge, tmp_path, disc, burner, drives=["/dev/sr0", "/dev/sr1"])
    assert page.copy_button.isEnabled()
    chosen: list[list[str]] = []

    def choose(dialog: object) -> bool:
        combo = dialog.target_combo  # type: ignore[attr-defined]
        chosen.append([combo.itemData(i) for i in range(combo.count())])
        assert not dialog.keep_check.isEnabled()  # type: ignore[attr-defined]
        return True  # the first burner: /dev/sr1

    page.choose_copy = choose  # type: ignore[assignment]
    with qtbot.waitSignal(page.copy_finished, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
        assert page.cancel_button.isEnabled()
        assert not page.start_button.isEnabled()
    assert chosen == [["/dev/sr1", "/dev/sr0"]]  # the other drive first, this one last
    result = blocker.args[0]
    assert result.ok, result.error
    assert burner.written_bytes(600) == disc.data
    assert page.status_label.text() == "Copied and verified: the DVD+R in /dev/sr1."
    assert list((tmp_path / "work").iterdir()) == []
    assert page.start_button.isEnabled() is False  # no image file chosen: the reason shows
    assert page.copy_button.isEnabled()


def test_copy_with_one_drive_asks_for_the_blank_on_the_gui_thread(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    import threading

    from tests.fakes.mmc_drive import FakeDrive

    from app.core.mmc.profiles import Profile

    disc = FakeDisc(random_image(300, seed=10))
    drive = FakeDrive(profile=Profile.DVD_ROM, device="/dev/sr0")
    page = _copy_page(qtbot, bridge, tmp_path, disc, drive, drives=["/dev/sr0"])
    asked: list[tuple[str, bool]] = []

    def ask(device: str) -> bool:
        asked.append((device, threading.current_thread() is threading.main_thread()))
        drive.insert_medium(Profile.DVD_PLUS_R)
        drive.loaded = True
        return True

    page.blank_prompt.ask = ask
    with qtbot.waitSignal(page.copy_finished, timeout=WAIT_MS) as blocker:
        page.start_copy("/dev/sr0")
    assert blocker.args[0].ok, blocker.args[0].error
    assert asked == [("/dev/sr0", True)]
    assert drive.written_bytes(300) == disc.data


def test_a_damaged_disc_is_not_copied(qtbot: QtBot, bridge: JobBridge, tmp_path: Path) -> None:
    from tests.fakes.mmc_drive import FakeDrive

    from app.core.mmc.profiles import Profile

    disc = FakeDisc(random_image(300, seed=11), bad={7})
    burner = FakeDrive(profile=Profile.DVD_PLUS_R, device="/dev/sr1")
    page = _copy_page(qtbot, bridge, tmp_path, disc, burner, drives=["/dev/sr0", "/dev/sr1"])
    with qtbot.waitSignal(page.copy_finished, timeout=WAIT_MS) as blocker:
        page.start_copy("/dev/sr1")
    assert not blocker.args[0].ok
    assert "1 sector of the disc in /dev/sr0 could not be read" in page.status_label.text()
    assert "nothing was burned" in page.status_label.text()
    assert BlockStatus.BAD_SECTOR in page.sector_map.statuses()


def test_copy_is_disabled_with_a_reason(qtbot: QtBot, bridge: JobBridge) -> None:
    page = _no_drive_page(qtbot, bridge)
    assert not page.copy_button.isEnabled()
    assert page.copy_button.toolTip().startswith("No optical drive found")


def test_the_copy_dialog_keeps_no_image_over_an_existing_file(qtbot: QtBot, tmp_path: Path) -> None:
    from app.ui.read.copy import CopyDialog

    new = CopyDialog("/dev/sr0", ["/dev/sr0"], str(tmp_path / "new.iso"))
    qtbot.addWidget(new)
    assert new.keep_check.isEnabled()
    assert new.target() == "/dev/sr0"
    assert "swap the discs" in new.target_combo.currentText()
    (tmp_path / "old.iso").write_bytes(b"x")
    old = CopyDialog("/dev/sr0", ["/dev/sr0"], str(tmp_path / "old.iso"))
    qtbot.addWidget(old)
    assert not old.keep_check.isEnabled()
    assert "already exists" in old.keep_check.text()
    assert old.keep_check.toolTip()
