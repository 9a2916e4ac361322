"""The Drives dock is a slim strip with no drive and grows back when one appears (1024x700)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from tests.fakes.drive_provider import ScriptedDriveProvider

from app.core.devices.discovery import DriveEntry
from app.ui.common.settings import Settings
from app.ui.main_window import MainWindow
from app.ui.panels.drive_panel import EMPTY_STRIP_WIDTH_PX


@pytest.fixture
def plugged(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[MainWindow, ScriptedDriveProvider]]:
    monkeypatch.setattr(MainWindow, "confirm_close_with_jobs", lambda _self, _count: True)
    source = ScriptedDriveProvider(paths=())
    main = MainWindow(settings, drive_source=source)
    qtbot.addWidget(main)
    main.resize(1024, 700)
    main.show()
    qtbot.waitExposed(main)
    yield main, source
    main.close()
    main.log_view.uninstall()


def test_the_strip_grows_back_when_a_drive_appears(
    qtbot: QtBot, plugged: tuple[MainWindow, ScriptedDriveProvider]
) -> None:
    window, source = plugged
    qtbot.waitUntil(lambda: window.drives_dock.width() <= EMPTY_STRIP_WIDTH_PX + 20)
    entry = DriveEntry("/dev/sr9", "/sys/block/sr9", vendor="TGTLAB", model="BLANK-DVDR-9")
    with qtbot.waitSignal(window.drive_panel.drives_changed, timeout=5000):
        source.plug("/dev/sr9", "LAB_BLANK_1", entry)
    card = window.drive_panel.cards["/dev/sr9"]
    wanted = card.minimumSizeHint().width()
    qtbot.waitUntil(lambda: window.drives_dock.width() >= max(wanted, EMPTY_STRIP_WIDTH_PX + 60))
    assert card.isVisible()
    with qtbot.waitSignal(window.drive_panel.drives_changed, timeout=5000):
        source.unplug("/dev/sr9")
    qtbot.waitUntil(lambda: window.drives_dock.width() <= EMPTY_STRIP_WIDTH_PX + 20)
