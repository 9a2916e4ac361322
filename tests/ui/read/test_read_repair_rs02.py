"""The Read page offers "Repair with error-correction data" after a damaged rip of a disc whose
image carries dvdisaster RS02 data of its own (issue 14), and the repair rebuilds it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.fakes.sectors import FakeDisc
from tests.unit.core.protect.conftest import minimal_iso

from app.core.jobs import run_job
from app.core.protect.job import ProtectJob
from app.ui.common.job_bridge import JobBridge
from app.ui.read.page import ReadPage

WAIT_MS = 30_000


@pytest.fixture
def bridge(qtbot: QtBot) -> Iterator[JobBridge]:
    bridge = JobBridge()
    yield bridge
    bridge.shutdown(timeout_s=10)


def _augmented_disc(tmp_path: Path, bad: set[int]) -> tuple[FakeDisc, bytes]:
    image = minimal_iso(tmp_path / "original.iso", 1500, seed=9)
    assert run_job(ProtectJob(image, augment=True, medium=2200)).ok
    data = image.read_bytes()
    image.unlink()
    return FakeDisc(data, bad=bad), data


def _rip(qtbot: QtBot, bridge: JobBridge, disc: FakeDisc, output: Path) -> ReadPage:
    page = ReadPage(bridge, open_source=lambda _path: disc, drive_paths=lambda: ["/dev/sr0"])
    qtbot.addWidget(page)
    page.resize(900, 800)
    page.show()
    page.output_edit.setText(str(output))
    with qtbot.waitSignal(page.rip_finished, timeout=WAIT_MS):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    return page


def test_a_damaged_rip_of_an_augmented_disc_is_offered_repair(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    disc, data = _augmented_disc(tmp_path, set(range(300, 340)) | {1200, 1900})
    page = _rip(qtbot, bridge, disc, tmp_path / "disc.iso")
    assert not (tmp_path / "disc.ecc").exists()
    assert page.repair_button.isVisible()
    assert page.repair_button.text() == "Repair with error-correction data"
    assert "carries its own error-correction data (dvdisaster RS02)" in page.status_label.text()
    assert (tmp_path / "disc.iso").read_bytes() != data  # nothing repaired before the click
    qtbot.mouseClick(page.repair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Repaired"), timeout=WAIT_MS)
    assert page.status_label.text() == "Repaired: all 42 damaged sectors were rebuilt."
    rebuilt = hashlib.sha256((tmp_path / "disc.iso").read_bytes()).hexdigest()
    assert rebuilt == hashlib.sha256(data).hexdigest()


def test_a_plain_image_without_rs02_is_not_offered_repair(
    qtbot: QtBot, bridge: JobBridge, tmp_path: Path
) -> None:
    plain = minimal_iso(tmp_path / "plain.iso", 600, seed=2)
    disc = FakeDisc(plain.read_bytes(), bad={100})
    page = _rip(qtbot, bridge, disc, tmp_path / "disc.iso")
    assert not page.repair_button.isVisible()
