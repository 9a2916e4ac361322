"""The Write workspace takes a CD image: its losses shown, Burn only once they are accepted,
the data track burned (simulated MMC drive, tests/fakes/mmc_drive.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from pytestqt.qtbot import QtBot
from tests.fakes.mmc_drive import FakeDrive

from app.core import ecma130
from app.core.jobs import Outcome
from app.core.mmc.profiles import Profile
from app.ui.common.job_bridge import JobBridge
from app.ui.write.page import IMAGE_FILTER, WritePage


def game(folder: Path, *, audio: bool) -> tuple[Path, bytes]:
    user = np.random.default_rng(9).integers(0, 256, size=(300, 2048), dtype=np.uint8)
    (folder / "game.bin").write_bytes(
        ecma130.encode_mode1(user, 0).tobytes() + bytes(100 * 2352 * audio)
    )
    sheet = 'FILE "game.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
    if audio:
        sheet += "  TRACK 02 AUDIO\n    INDEX 01 00:04:00\n"
    (folder / "game.cue").write_text(sheet)
    return folder / "game.cue", user.tobytes()


def page_with_disc(qtbot: QtBot, bridge: JobBridge, fake: FakeDrive) -> WritePage:
    page = WritePage(bridge, writer_opener=fake.open, reader_opener=fake.open)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.medium_checked, timeout=5000):
        page.set_drives([fake.device])
    return page


def test_losses_shown_and_burn_waits_for_consent(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    page = page_with_disc(qtbot, bridge, fake)
    cue, user = game(tmp_path, audio=True)
    page.set_image(cue)
    assert "fits" in page.fit_label.text()
    assert "Burns data track 1 only" in page.fit_label.text()
    assert "audio track 2 left out" in page.fit_label.text()
    assert page.accept_losses_box.isVisibleTo(page)
    assert not page.burn_button.isEnabled()
    page.accept_losses_box.setChecked(True)
    assert page.burn_button.isEnabled()
    with qtbot.waitSignal(page.burn_finished, timeout=20000) as finished:
        page.burn_button.click()
    result = finished.args[0]
    assert result.outcome is Outcome.SUCCEEDED, result.error
    assert fake.written_bytes(300) == user
    assert result.value.verify.identical


def test_a_cd_image_without_losses_needs_no_consent(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    page = page_with_disc(qtbot, bridge, FakeDrive(profile=Profile.DVD_PLUS_R))
    cue, _user = game(tmp_path, audio=False)
    page.set_image(cue)
    assert "600 KiB" in page.fit_label.text()
    assert "not kept" not in page.fit_label.text()
    assert not page.accept_losses_box.isVisibleTo(page)
    assert page.burn_button.isEnabled()
    assert "*.cue" in IMAGE_FILTER
    assert "*.chd" in IMAGE_FILTER
