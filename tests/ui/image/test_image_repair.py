"""The Image page's Repair button (issue 14): offered when Check finds damaged sectors with the
image's error-correction data (RS01 .ecc beside it, RS02 inside it); runs only on a click."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.image.job import BuildJob
from app.core.jobs import run_job
from app.core.project.model import DiscProject
from app.core.protect.job import ProtectJob
from app.ui.common.job_bridge import JobBridge
from app.ui.image.page import ImagePage

WAIT_MS = 30_000


@pytest.fixture
def page(qtbot: QtBot, bridge: JobBridge) -> ImagePage:
    widget = ImagePage(bridge)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def _built(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "data.bin").write_bytes(os.urandom(1 << 20))
    project = DiscProject()
    project.add_contents(tmp_path / "src")
    path = tmp_path / "disc.iso"
    assert run_job(BuildJob(project, path)).ok
    return path


def _damage(path: Path, first: int, count: int) -> None:
    fd = os.open(path, os.O_RDWR)
    os.pwrite(fd, bytes(2048 * count), first * 2048)
    os.close(fd)


@pytest.mark.parametrize("kind", ["rs02", "rs01"])
def test_check_offers_repair_and_the_click_repairs(
    qtbot: QtBot, page: ImagePage, tmp_path: Path, kind: str
) -> None:
    path = _built(tmp_path)
    if kind == "rs02":
        job = ProtectJob(path, augment=True, medium=2 * path.stat().st_size // 2048)
    else:
        job = ProtectJob(path, ecc=tmp_path / "disc.ecc")
    assert run_job(job).ok
    original = hashlib.sha256(path.read_bytes()).hexdigest()
    _damage(path, 200, 12)
    assert page.open_path(path)
    qtbot.waitUntil(lambda: page.image is not None, timeout=WAIT_MS)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.repair_bar.isVisible, timeout=WAIT_MS)
    assert "12 damaged sectors" in page.status_label.text()
    source = "dvdisaster RS02" if kind == "rs02" else "disc.ecc"
    assert source in page.repair_bar.label.text()
    assert hashlib.sha256(path.read_bytes()).hexdigest() != original  # not without a click
    qtbot.mouseClick(page.repair_bar.repair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.repair_bar.label.text().startswith("Repaired"), timeout=WAIT_MS)
    assert page.repair_bar.label.text() == "Repaired: all 12 damaged sectors were rebuilt."
    assert hashlib.sha256(path.read_bytes()).hexdigest() == original
    qtbot.waitUntil(lambda: page.image is not None, timeout=WAIT_MS)  # reopened
    assert page.repair_bar.isVisible()
    assert not page.repair_bar.repair_button.isVisible()


def test_an_undamaged_image_offers_no_repair(qtbot: QtBot, page: ImagePage, tmp_path: Path) -> None:
    path = _built(tmp_path)
    assert run_job(ProtectJob(path, augment=True, medium=2 * path.stat().st_size // 2048)).ok
    assert page.open_path(path)
    qtbot.waitUntil(lambda: page.image is not None, timeout=WAIT_MS)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "RS02" in page.status_label.text(), timeout=WAIT_MS)
    assert "Its RS02 error-correction data: no damaged sector." in page.status_label.text()
    assert not page.repair_bar.isVisible()


def test_cancelling_the_repair_leaves_the_image_as_it_was(
    qtbot: QtBot, page: ImagePage, tmp_path: Path
) -> None:
    path = _built(tmp_path)
    assert run_job(ProtectJob(path, augment=True, medium=2 * path.stat().st_size // 2048)).ok
    _damage(path, 200, 12)
    damaged = path.read_bytes()
    assert page.open_path(path)
    qtbot.waitUntil(lambda: page.image is not None, timeout=WAIT_MS)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.repair_bar.isVisible, timeout=WAIT_MS)
    page.repair_bar.start()
    assert page.repair_bar.cancel_button.isVisibleTo(page)
    page.repair_bar.cancel()
    qtbot.waitUntil(lambda: page.repair_bar.handle is None, timeout=WAIT_MS)
    assert page.repair_bar.label.text() == "Repair cancelled: the image was not changed."
    assert path.read_bytes() == damaged
    assert page.repair_bar.repair_button.isEnabled()  # can be started again
