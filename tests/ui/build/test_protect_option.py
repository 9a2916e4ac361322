"""The Build page's "Add error-correction data" option: what it gives for the chosen medium,
disabled when there is no room, and the build augmenting the image as a second job."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from tests.ui.build.helpers import add_and_wait, wait_analysis

from app.core.jobs import Outcome, run_job
from app.core.protect import rs02
from app.core.protect.job import CheckJob
from app.core.protect.plan import plan_augment
from app.core.units import MIB, SECTOR_SIZE, MediaPreset
from app.ui.build.page import BuildPage


def test_the_option_states_what_the_medium_leaves_room_for(
    qtbot: QtBot, page: BuildPage, sample: Path, tmp_path: Path
) -> None:
    option = page.protect_option
    assert not option.check.isEnabled()  # an empty project: nothing to protect yet
    add_and_wait(qtbot, page, [sample])
    page.capacity.set_preset(MediaPreset.CD_700)
    wait_analysis(qtbot, page)
    sectors = -(-page.capacity.used_bytes // SECTOR_SIZE)
    plan = plan_augment(sectors, MediaPreset.CD_700.sectors)
    assert option.check.isEnabled()
    assert option.plan == plan
    text = option.detail.text()
    assert f"{plan.redundancy_percent:.1f} % redundancy" in text
    assert f"any {plan.contiguous_sectors} unreadable sectors in a row" in text
    assert f"any {plan.scattered_sectors} scattered ones" in text
    assert option.chosen_medium() is None  # off until the user ticks it
    option.check.setChecked(True)
    assert option.chosen_medium() == MediaPreset.CD_700.sectors

    # the project grows past the room a 1 MiB medium leaves: disabled, with the reason
    big = tmp_path / "big.bin"
    big.write_bytes(bytes(1100 * 1024))
    add_and_wait(qtbot, page, [big])
    page.capacity.choose_custom(1 * MIB)
    wait_analysis(qtbot, page)
    assert not option.check.isEnabled()
    assert "too little room" in option.detail.text()
    assert option.chosen_medium() is None


def test_building_with_the_option_augments_the_image(
    qtbot: QtBot, page: BuildPage, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_and_wait(qtbot, page, [sample])
    page.capacity.choose_custom(1 * MIB)
    wait_analysis(qtbot, page)
    page.protect_option.check.setChecked(True)
    output_dir = page.settings.preferences().output_dir
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a: (str(output_dir / "safe.iso"), "")
    )
    with qtbot.waitSignal(page.build_finished, timeout=60_000) as blocker:
        page.page_actions.build.trigger()
    assert blocker.args[0].outcome is Outcome.SUCCEEDED
    image = output_dir / "safe.iso"
    with image.open("rb") as stream:
        header = rs02.find_header(stream.fileno())
    assert header is not None
    assert image.stat().st_size <= 1 * MIB  # the medium's free space, no more
    checked = run_job(CheckJob(image))
    assert checked.value is not None
    assert checked.value.ok
    assert not (output_dir / "safe.ecc").exists()
    # no checksum file of the image before the RS02 data was appended (it would be stale)
    assert not (output_dir / "safe.iso.sha256").exists()
    text = page.result_banner.text.text()
    assert "Error-correction data added (dvdisaster RS02" in text
    assert f"{header.redundancy_percent:.1f} %" in text
    assert page.page_actions.build.isEnabled()
