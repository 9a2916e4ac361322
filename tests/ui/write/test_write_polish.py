"""The Write page's polish (issue 15): every disabled control says why, the empty state when
there is nothing to write to, no progress bar before anything runs, Speed and Copies at their
own width, and Erase Disc… against the simulated drive (tests/fakes/mmc_drive.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.fakes.disk_source import ScriptedDiskSource
from tests.fakes.flash_targets import FileAccess, stick
from tests.fakes.mmc_drive import FakeDrive

from app.core.jobs import Outcome
from app.core.mmc import write_commands as wc
from app.core.mmc.profiles import Profile
from app.ui.common.job_bridge import JobBridge
from app.ui.write.erase import EraseConfirmation
from app.ui.write.page import NO_TARGET_HEADING, WritePage

SECTOR = 2048


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "disc.iso"
    path.write_bytes(os.urandom(600 * SECTOR))
    return path


def make_page(
    qtbot: QtBot, bridge: JobBridge, fake: FakeDrive | None, source: ScriptedDiskSource
) -> WritePage:
    opener = (fake or FakeDrive()).open
    page = WritePage(
        bridge,
        writer_opener=opener,
        reader_opener=opener,
        disk_source=source,
        flash_access=FileAccess(),
    )
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    if fake is not None:
        with qtbot.waitSignal(page.medium_checked, timeout=5000):
            page.set_drives([fake.device])
    qtbot.waitUntil(lambda: page.disks == source.disks, timeout=5000)
    return page


def disabled_without_reason(page: WritePage) -> list[str]:
    """Visible, disabled controls with no tooltip."""
    controls = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit)
    return [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        for w in page.findChildren(QWidget)
        if isinstance(w, controls) and w.isVisible() and not w.isEnabled() and not w.toolTip()
    ]


def test_every_disabled_control_says_why(
    qtbot: QtBot, bridge: JobBridge, image: Path, tmp_path: Path
) -> None:
    # nothing connected
    page = make_page(qtbot, bridge, None, ScriptedDiskSource())
    assert disabled_without_reason(page) == []
    assert page.check_button.toolTip() == "No optical drive is chosen: connect one."
    # a write-once disc, no image yet
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    page = make_page(qtbot, bridge, fake, ScriptedDiskSource())
    assert disabled_without_reason(page) == []
    assert not page.burn_button.isEnabled()
    assert page.burn_button.toolTip() == "Choose an image to burn first."
    assert page.cancel_button.toolTip() == "Nothing is running."
    assert "cannot be erased" in page.erase_button.toolTip()
    assert "no test-write" in page.simulate_box.toolTip()
    # an image that does not fit
    small = make_page(
        qtbot,
        bridge,
        FakeDrive(profile=Profile.DVD_PLUS_R, capacity_blocks=320),
        ScriptedDiskSource(),
    )
    small.set_image(image)
    assert "does not fit" in small.burn_button.toolTip()
    assert disabled_without_reason(small) == []
    # a stick too small for the image
    tiny = stick(tmp_path / "tiny.img", 512 * 1024)
    usb = make_page(qtbot, bridge, None, ScriptedDiskSource([tiny]))
    usb.set_image(image)
    assert usb.usb_mode
    assert "is larger than" in usb.flash_button.toolTip()
    assert disabled_without_reason(usb) == []


def test_before_a_disc_is_checked_speed_simulate_and_burn_say_why(
    qtbot: QtBot, bridge: JobBridge
) -> None:
    page = make_page(qtbot, bridge, None, ScriptedDiskSource())
    assert not page.speed_combo.isEnabled()
    assert "once the disc in the drive is checked" in page.speed_combo.toolTip()
    assert "Check a disc first" in page.simulate_box.toolTip()


def test_empty_state_when_there_is_nothing_to_write_to(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    source = ScriptedDiskSource()
    page = make_page(qtbot, bridge, None, source)
    assert page.empty_state.isVisible()
    assert page.empty_state.heading_label.text() == NO_TARGET_HEADING
    assert "plug in a USB stick" in page.empty_state.text_label.text()
    assert not page.disc_panel.isVisible()
    with qtbot.waitSignal(page.targets_changed, timeout=5000):
        source.change([stick(tmp_path / "s.img", 1 << 20)])
    assert not page.empty_state.isVisible()
    assert page.usb_panel.isVisible()
    page.set_drives(["/dev/fake0"])
    with qtbot.waitSignal(page.targets_changed, timeout=5000):
        source.change([])
    assert not page.empty_state.isVisible()  # the drive is left


def test_no_progress_bar_before_a_burn_starts(qtbot: QtBot, bridge: JobBridge, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    page = make_page(qtbot, bridge, fake, ScriptedDiskSource())
    page.set_image(image)
    assert page.burn_button.isEnabled()
    assert not page.progress_bar.isVisible()
    page.verify_box.setChecked(False)
    with qtbot.waitSignal(page.burn_finished, timeout=20000):
        page.burn_button.click()
        assert page.progress_bar.isVisible()
    assert page.progress_bar.value() == 1000


def test_speed_and_copies_keep_their_own_width(qtbot: QtBot, bridge: JobBridge) -> None:
    page = make_page(qtbot, bridge, FakeDrive(profile=Profile.DVD_PLUS_R), ScriptedDiskSource())
    assert page.width() == 1200
    assert page.speed_combo.width() < 300
    assert page.copies_spin.width() < 200


def answer_erase(choice: str, seen: list[EraseConfirmation]) -> None:
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EraseConfirmation):
            QTimer.singleShot(20, click)
            return
        seen.append(dialog)
        getattr(dialog, f"{choice}_button").click()

    QTimer.singleShot(0, click)


def test_erase_a_rewritable_disc(qtbot: QtBot, bridge: JobBridge, image: Path) -> None:
    fake = FakeDrive(profile=Profile.CD_RW, disc_status=2)
    page = make_page(qtbot, bridge, fake, ScriptedDiskSource())
    page.set_image(image)
    assert page.erase_button.isVisible()
    assert page.erase_button.isEnabled()
    assert not page.burn_button.isEnabled()  # a complete CD-RW: erase it first
    seen: list[EraseConfirmation] = []
    answer_erase("quick", seen)
    with qtbot.waitSignal(page.erase_finished, timeout=20000) as finished:
        page.erase_button.click()
    assert seen
    assert "Erase the CD-RW" in seen[0].text()
    assert "Everything on it is lost" in seen[0].text()
    assert seen[0].defaultButton() is seen[0].cancel_button
    assert finished.args[0].outcome is Outcome.SUCCEEDED, finished.args[0].error
    assert wc.BLANK in fake.opcodes()
    assert "Erased quickly: the CD-RW" in page.phase_label.text()
    qtbot.waitUntil(lambda: page.medium is not None, timeout=5000)
    qtbot.waitUntil(page.burn_button.isEnabled, timeout=5000)  # blank now: it can be burned


def test_cancel_in_the_erase_question_erases_nothing(qtbot: QtBot, bridge: JobBridge) -> None:
    fake = FakeDrive(profile=Profile.CD_RW, disc_status=2)
    page = make_page(qtbot, bridge, fake, ScriptedDiskSource())
    submitted: list[object] = []
    bridge.submitted.connect(submitted.append)
    seen: list[EraseConfirmation] = []
    answer_erase("cancel", seen)
    page.erase_button.click()
    assert seen
    assert submitted == []
    assert wc.BLANK not in fake.opcodes()


def test_a_write_once_disc_cannot_be_erased(qtbot: QtBot, bridge: JobBridge) -> None:
    page = make_page(qtbot, bridge, FakeDrive(profile=Profile.DVD_PLUS_R), ScriptedDiskSource())
    assert not page.erase_button.isEnabled()
    assert page.erase_button.toolTip().startswith("The DVD+R cannot be erased")
