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
    assert "Resume" in page.status_label.text()
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
    page.check_disc()
    qtbot.waitUntil(lambda: "DVD-ROM" in page.disc_label.text(), timeout=WAIT_MS)
    assert "1 track" in page.disc_label.text()
    assert "1000 KiB to read as ISO" in page.disc_label.text()


def test_missing_output_is_explained_and_nothing_runs(qtbot: QtBot, bridge: JobBridge) -> None:
    page = make_page(qtbot, bridge, FakeDisc(random_image(10)))
    page.start()
    assert page.status_label.text() == "Choose where the image goes."
    assert bridge.active_handles() == []


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
