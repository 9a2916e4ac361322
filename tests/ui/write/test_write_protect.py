"""The Write page's "Add error-correction data (to a copy)": an augmented copy is burned, the
user's image is never changed, the copy is removed; an augmented image is burned as it is."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pytestqt.qtbot import QtBot
from tests.fakes.disk_source import ScriptedDiskSource
from tests.fakes.mmc_drive import FakeDrive
from tests.unit.core.protect.conftest import minimal_iso

from app.core.jobs import Outcome, run_job
from app.core.mmc.profiles import Profile
from app.core.protect import rs02
from app.core.protect.job import ProtectJob
from app.core.protect.plan import plan_augment
from app.ui.common.job_bridge import JobBridge
from app.ui.write.page import WritePage

SECTOR = 2048
BLANK = 1000


def _page(qtbot: QtBot, bridge: JobBridge, fake: FakeDrive) -> WritePage:
    page = WritePage(
        bridge, writer_opener=fake.open, reader_opener=fake.open, disk_source=ScriptedDiskSource()
    )
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.medium_checked, timeout=5000):
        page.set_drives([fake.device])
    return page


def test_burning_with_error_correction_burns_an_augmented_copy(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    image = minimal_iso(tmp_path / "disc.iso", 600, seed=4)
    before = hashlib.sha256(image.read_bytes()).hexdigest()
    mtime = image.stat().st_mtime_ns
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, capacity_blocks=BLANK)
    page = _page(qtbot, bridge, fake)
    page.set_image(image)
    option = page.protect_option
    assert option.check.isEnabled()
    assert not option.check.isChecked()  # never without the user's choice
    plan = plan_augment(600, BLANK // 16 * 16)  # DVD+R: the burn pads to 16 sectors
    assert f"{plan.redundancy_percent:.1f} % redundancy" in option.detail.text()
    assert str(tmp_path) in option.detail.text()  # says where the copy goes
    option.check.setChecked(True)
    with qtbot.waitSignal(page.burn_finished, timeout=30_000) as finished:
        page.burn_button.click()
    result = finished.args[0]
    assert result.outcome is Outcome.SUCCEEDED, result.error
    burned = fake.written_bytes(plan.total_sectors)
    assert burned[: 600 * SECTOR] == image.read_bytes()
    copy = tmp_path / "burned.iso"
    copy.write_bytes(burned)
    fd = os.open(copy, os.O_RDONLY)
    header = rs02.find_header(fd)
    os.close(fd)
    assert header is not None
    assert header.nroots == plan.layout.nroots
    assert hashlib.sha256(image.read_bytes()).hexdigest() == before  # the image is untouched
    assert image.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["burned.iso", "disc.iso"]  # removed
    assert "Burned with error-correction data (dvdisaster RS02" in page.detail_label.text()


def test_an_image_that_carries_rs02_is_burned_as_it_is(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    image = minimal_iso(tmp_path / "disc.iso", 600, seed=4)
    assert run_job(ProtectJob(image, augment=True, medium=BLANK // 16 * 16)).ok
    page = _page(qtbot, bridge, FakeDrive(profile=Profile.DVD_PLUS_R, capacity_blocks=BLANK))
    page.set_image(image)
    assert not page.protect_option.check.isEnabled()
    assert "already carries dvdisaster RS02" in page.protect_option.detail.text()
    assert page.burn_button.isEnabled()


def test_no_room_on_the_disc_disables_the_option(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    image = minimal_iso(tmp_path / "disc.iso", 600, seed=4)
    page = _page(qtbot, bridge, FakeDrive(profile=Profile.DVD_PLUS_R, capacity_blocks=610))
    page.set_image(image)
    assert not page.protect_option.check.isEnabled()
    assert "Not available" in page.protect_option.detail.text()
