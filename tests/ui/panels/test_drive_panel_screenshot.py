"""Screenshots of the drive panel in the main window with the drive lab's five drives (their
replies recorded in the lab: tests/unit/fixtures/lab) and of the details dialog.  Run under
Xvfb (scripts/test does); the PNGs go to ``screenshots/``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from tests.fakes.drive_provider import ScriptedDriveProvider

from app.ui.common.settings import Settings
from app.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[3] / "screenshots"

pytestmark = pytest.mark.screenshot


def grab(name: str) -> Path:
    loop = QEventLoop()
    QTimer.singleShot(400, loop.quit)
    loop.exec()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.png"
    assert QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
    return path


def test_drive_panel_with_the_lab_drives(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    source = ScriptedDriveProvider()
    window = MainWindow(settings, log_path=tmp_path / "spindle.log", drive_source=source)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    window.resizeDocks([window.jobs_dock], [120], Qt.Orientation.Vertical)
    panel = window.drive_panel
    qtbot.waitUntil(
        lambda: all(card.report is not None for card in panel.cards.values()), timeout=10_000
    )
    assert panel.cards["/dev/sr5"].media_label.text() == "DVD+R, blank, 4.38 GiB free"
    shot = grab("drive-panel")
    assert shot.stat().st_size > 10_000
    dialog = panel.details_dialog("/dev/sr5")
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.move(300, 120)
    dialog.show()
    assert grab("drive-details").stat().st_size > 10_000
    dialog.close()
    window.close()
