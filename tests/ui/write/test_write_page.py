"""The Write workspace against the simulated MMC drive (tests/fakes/mmc_drive.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from tests.fakes.disk_source import ScriptedDiskSource
from tests.fakes.mmc_drive import FakeDrive

from app.core.burn.medium import MediumStatus
from app.core.jobs import Outcome, Result
from app.core.mmc.profiles import Profile
from app.ui.common.job_bridge import JobBridge
from app.ui.write.page import WritePage

SECTOR = 2048


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "disc.iso"
    path.write_bytes(os.urandom(600 * SECTOR))
    return path


def make_page(qtbot: QtBot, bridge: JobBridge, fake: FakeDrive) -> WritePage:
    page = WritePage(
        bridge, writer_opener=fake.open, reader_opener=fake.open, disk_source=ScriptedDiskSource()
    )
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.medium_checked, timeout=5000):
        page.set_drives([fake.device])
    return page


def test_disc_check_shows_capacity_fit_speeds_and_simulation(
    qtbot: QtBot, bridge: JobBridge, image: Path
) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    page = make_page(qtbot, bridge, fake)
    assert "DVD+R, blank" in page.medium_label.text()
    assert "4.38 GiB" in page.medium_label.text()
    page.set_image(image)
    assert "fits" in page.fit_label.text()
    assert page.burn_button.isEnabled()
    assert not page.simulate_box.isEnabled()
    assert "no test-write" in page.simulate_box.toolTip()
    assert page.speed_combo.itemText(1).startswith("2.4x")  # the lab-recorded 3324 kB/s
    assert "verified on a drive" in page.note_label.text()


def test_simulation_offered_on_cd_r(qtbot: QtBot, bridge: JobBridge) -> None:
    page = make_page(qtbot, bridge, FakeDrive(profile=Profile.CD_R))
    assert page.simulate_box.isEnabled()
    assert "only against" in page.note_label.text()


def test_image_too_big_disables_burn(qtbot: QtBot, bridge: JobBridge, image: Path) -> None:
    page = make_page(qtbot, bridge, FakeDrive(profile=Profile.DVD_PLUS_R, capacity_blocks=320))
    page.set_image(image)
    assert "does not fit" in page.fit_label.text()
    assert not page.burn_button.isEnabled()


def test_burn_shows_progress_and_verifies(qtbot: QtBot, bridge: JobBridge, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    page = make_page(qtbot, bridge, fake)
    page.set_image(image)
    phases: list[str] = []
    bridge.progress.connect(lambda _h, p: phases.append(p.phase))
    with qtbot.waitSignal(page.burn_finished, timeout=20000) as finished:
        page.burn_button.click()
    result = finished.args[0]
    assert isinstance(result, Result)
    assert result.outcome is Outcome.SUCCEEDED, result.error
    assert fake.written_bytes(600) == image.read_bytes()
    assert "Burned and verified" in page.phase_label.text()
    # the recipe's note is on the disc card; it is not repeated under the bar
    assert "write recipe" in page.note_label.text()
    assert page.note_label.text() not in page.detail_label.text()
    assert "Writing" in phases
    assert "Verifying" in phases
    assert not page.cancel_button.isEnabled()


def test_cancel_asks_and_warns_about_write_once(
    qtbot: QtBot, bridge: JobBridge, image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, write_delay_s=0.3)
    page = make_page(qtbot, bridge, fake)
    page.set_image(image)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    with qtbot.waitSignal(page.burn_finished, timeout=20000) as finished:
        page.burn_button.click()
        qtbot.waitUntil(lambda: page.phase_label.text() == "Writing", timeout=10000)
        page.cancel_button.click()
    assert asked
    assert "cannot be used again" in asked[0]
    assert finished.args[0].outcome is Outcome.CANCELLED
    assert fake.opcodes().count(0x2A) < 10  # stopped in the middle of the data
    assert 0x5B not in fake.opcodes()  # nothing closed: the disc stays as it was left


def test_copies_ask_for_the_next_blank_disc(
    qtbot: QtBot, bridge: JobBridge, image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeDrive(profile=Profile.CD_R)
    page = make_page(qtbot, bridge, fake)
    page.set_image(image)
    page.copies_spin.setValue(2)
    page.verify_box.setChecked(False)
    prompts: list[str] = []

    def next_disc(_parent: object, _title: str, text: str, *_args: object) -> object:
        prompts.append(text)
        fake.insert_medium(Profile.CD_R)  # the user swaps in a fresh blank
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", next_disc)
    results: list[Result[object]] = []
    page.burn_finished.connect(results.append)
    page.burn_button.click()
    qtbot.waitUntil(lambda: len(results) == 2, timeout=20000)
    assert all(r.ok for r in results)
    assert len(prompts) == 1
    assert "1 more to burn" in prompts[0]
    assert fake.disc_status == 2


def test_drop_an_iso(qtbot: QtBot, bridge: JobBridge, image: Path) -> None:
    page = make_page(qtbot, bridge, FakeDrive())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image))])
    enter = QDragEnterEvent(
        QPointF(5, 5).toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(drop)
    assert page.image_path == image


def test_medium_checked_carries_the_status(qtbot: QtBot, bridge: JobBridge) -> None:
    fake = FakeDrive(profile=Profile.BD_RE)
    page = WritePage(
        bridge, writer_opener=fake.open, reader_opener=fake.open, disk_source=ScriptedDiskSource()
    )
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.medium_checked, timeout=5000) as checked:
        page.set_drives([fake.device])
    assert isinstance(checked.args[0], MediumStatus)
    assert checked.args[0].profile is Profile.BD_RE


def test_main_window_has_the_write_page(window: object, image: Path) -> None:
    from app.ui.common.workspaces import Workspace
    from app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assert window.pages[Workspace.WRITE] is window.write_page
    window.burn_image(image)  # "Burn this image…"
    assert window.current_workspace() is Workspace.WRITE
    assert window.write_page.image_path == image
    assert "1.17 MiB" in window.write_page.fit_label.text()


def test_a_failed_burn_says_it_failed_and_why(qtbot: QtBot, bridge: JobBridge, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, write_delay_s=0.05)
    page = make_page(qtbot, bridge, fake)
    page.set_image(image)
    with qtbot.waitSignal(page.burn_finished, timeout=20000) as finished:
        page.burn_button.click()
        qtbot.waitUntil(lambda: page.phase_label.text() == "Writing", timeout=10000)
        fake.loaded = False  # the disc is taken out in the middle
    assert finished.args[0].outcome is Outcome.FAILED
    assert page.phase_label.text().startswith("The burn failed: ")
    assert "no disc" in page.phase_label.text()
    assert page.burn_button.isEnabled() or page.burn_button.toolTip()
