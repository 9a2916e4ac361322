"""The Image workspace: open, switch trees, details, extract, drop, burn, mount (fake udisks2)."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot
from tests.fakes.udisks import FakeUDisks, private_bus
from tests.unit.core.image.test_reader import PAYLOAD, make_full

from app.core.errors import AppError
from app.core.image import job as job_module
from app.core.image.tree import FsKind
from app.ui.common.job_bridge import JobBridge
from app.ui.image import page as page_module
from app.ui.image.page import ImagePage

WAIT_MS = 20_000


@pytest.fixture
def page(qtbot: QtBot, bridge: JobBridge) -> ImagePage:
    widget = ImagePage(bridge)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "full.iso"
    make_full(path)
    return path


def top_names(page: ImagePage) -> list[str]:
    return [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]


def test_open_switch_trees_and_details(page: ImagePage, image: Path) -> None:
    assert not page.extract_button.isEnabled()
    assert page.open_path(image)
    assert page.stack.currentIndex() == 1
    assert [page.fs_combo.itemData(i) for i in range(page.fs_combo.count())] == [
        "rr",
        "joliet",
        "udf",
        "iso",
    ]
    assert page.current_fs() is FsKind.RR
    assert top_names(page) == ["docs", "empty", "link"]
    page.fs_combo.setCurrentIndex(page.fs_combo.findData(FsKind.ISO.value))
    assert top_names(page) == ["DOCS", "EMPTY", "LINK"]
    page.fs_combo.setCurrentIndex(page.fs_combo.findData(FsKind.JOLIET.value))
    docs = page.tree.topLevelItem(0)
    docs.setExpanded(True)
    assert docs.child(0).text(0) == "a rather long name.txt"
    page.tree.setCurrentItem(docs.child(0))
    text = page.details.toPlainText()
    assert "/docs/a rather long name.txt" in text
    assert f"({len(PAYLOAD)} bytes)" in text
    assert "Data: sector" in text
    assert "volume: FULLTEST" in page.summary.toPlainText()


def test_extract_selection(qtbot: QtBot, page: ImagePage, image: Path, tmp_path: Path) -> None:
    page.open_path(image)
    page.tree.topLevelItem(0).setSelected(True)  # docs
    page.extract_to(tmp_path / "out")
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Extracted"), timeout=WAIT_MS)
    assert (tmp_path / "out" / "docs" / "a rather long name.txt").read_bytes() == PAYLOAD
    assert not (tmp_path / "out" / "empty").exists()


def test_unreadable_image_shows_an_error(
    page: ImagePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[AppError] = []
    monkeypatch.setattr(page_module, "show_error", lambda error, _parent=None: shown.append(error))
    junk = tmp_path / "junk.iso"
    junk.write_bytes(b"\1" * 70_000)
    assert not page.open_path(junk)
    assert "not a readable disc image" in shown[0].message
    assert page.stack.currentIndex() == 0


def test_drop_opens_the_image_and_burn_hands_it_on(
    qtbot: QtBot, page: ImagePage, image: Path
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: page.image is not None, timeout=WAIT_MS)  # opened after the drop
    assert page.image is not None
    assert page.image.path == image
    with qtbot.waitSignal(page.burn_requested, timeout=WAIT_MS) as blocker:
        page.burn_button.click()
    assert blocker.args == [image]


def test_mount_and_unmount_through_udisks(
    qtbot: QtBot, page: ImagePage, image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with private_bus() as address:
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", address)
        fake = FakeUDisks(address)
        try:
            page.open_path(image)
            page.mount_button.click()
            qtbot.waitUntil(lambda: page.mounted is not None, timeout=WAIT_MS)
            assert page.mount_button.text() == "Unmount"
            assert "/media/tester/full.iso" in page.status_label.text()
            page.mount_button.click()
            qtbot.waitUntil(lambda: page.mounted is None, timeout=WAIT_MS)
            assert fake.loops == {}
        finally:
            fake.close()


def test_check_verifies_the_implanted_md5_and_the_ecc_file(
    qtbot: QtBot, page: ImagePage, tmp_path: Path
) -> None:
    import os

    from app.core.image.job import BuildJob
    from app.core.jobs import run_job
    from app.core.project.model import DiscProject
    from app.core.protect.job import ProtectJob

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "data.bin").write_bytes(os.urandom(1 << 20))
    project = DiscProject()
    project.add_contents(tmp_path / "src")
    path = tmp_path / "big.iso"
    assert run_job(BuildJob(project, path, implant_md5=True)).ok
    result = run_job(ProtectJob(path, ecc=tmp_path / "big.ecc"))
    assert result.ok, result.error
    assert page.open_path(path)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "big.ecc" in page.status_label.text(), timeout=20_000)
    assert "Implanted MD5 verified." in page.status_label.text()
    assert "big.ecc: no damaged sector." in page.status_label.text()
    with path.open("r+b") as stream:
        stream.seek(300 * 2048)
        stream.write(b"rot")
    page.status_label.setText("")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "big.ecc" in page.status_label.text(), timeout=20_000)
    assert "Implanted MD5: fragment" in page.status_label.text()
    assert "big.ecc: 1 damaged sector (300)." in page.status_label.text()


def test_opening_runs_in_a_job_and_the_window_keeps_working(
    page: ImagePage, bridge: JobBridge, image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """open_image of a 100,000-file image took 17-27 s here: it runs in an OpenImageJob while
    open_path waits in a local event loop (timers fire, the jobs panel hears progress)."""
    real_open = job_module.open_image

    def slow_open(path: Path, on_step: object = None) -> object:
        time.sleep(0.6)
        return real_open(path, on_step)  # type: ignore[arg-type]

    monkeypatch.setattr(job_module, "open_image", slow_open)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    titles: list[str] = []
    phases: list[str] = []
    bridge.started.connect(lambda handle: titles.append(handle.title))
    bridge.progress.connect(lambda _handle, progress: phases.append(str(progress.phase)))
    collections: list[int] = []
    gc.callbacks.append(on_gc := lambda phase, info: collections.append(info["generation"]))
    try:
        assert page.open_path(image)
    finally:
        gc.callbacks.remove(on_gc)
    timer.stop()
    assert len(ticks) >= 5  # the event loop ran while the image was read
    assert collections == []  # no collection pauses the window while the trees are made
    assert gc.isenabled()
    assert titles == ["Open full.iso"]
    assert phases
    assert page.stack.currentIndex() == 1
    assert page.fs_combo.itemText(0) == "Rock Ridge (4 entries)"
    assert page.open_button.isEnabled()


def test_an_unreadable_image_from_the_job_is_shown_as_an_error(
    page: ImagePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[AppError] = []
    monkeypatch.setattr(page_module, "show_error", lambda exc, _parent: shown.append(exc))
    bad = tmp_path / "bad.iso"
    bad.write_bytes(b"\0" * 65536)
    assert not page.open_path(bad)
    assert shown
    assert "not a readable disc image" in shown[0].message
    assert page.image is None


def test_a_cd_image_can_be_burned_from_the_image_page(
    qtbot: QtBot, page: ImagePage, tmp_path: Path
) -> None:
    (tmp_path / "game.bin").write_bytes(bytes(2048 * 300))
    cue = tmp_path / "game.cue"
    cue.write_text('FILE "game.bin" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n')
    assert page.open_path(cue)
    assert page.burn_button.isEnabled()
    assert "data track" in page.burn_button.toolTip()
    with qtbot.waitSignal(page.burn_requested, timeout=2000) as blocker:
        qtbot.mouseClick(page.burn_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [cue]
    page.close_image()
    page._update_buttons()
    assert not page.burn_button.isEnabled()
