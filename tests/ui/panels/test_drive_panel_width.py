"""The Drives pane in the main window: a strip while there is no drive, and wide enough for
its card again when one is plugged in (it stayed a 130 px strip and cut the card off)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from tests.fakes.drive_provider import LAB_DRIVES, ScriptedDriveProvider

from app.ui.common.settings import Settings
from app.ui.main_window import MainWindow
from app.ui.panels.drive_panel import CARD_PANEL_MIN_WIDTH_PX, EMPTY_STRIP_WIDTH_PX


def test_the_pane_is_a_strip_without_drives_and_grows_back(qtbot: QtBot, tmp_path: Path) -> None:
    source = ScriptedDriveProvider(paths=())
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Settings(store), drive_source=source)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    panel = window.drive_panel
    qtbot.waitUntil(lambda: panel.width() <= EMPTY_STRIP_WIDTH_PX, timeout=3000)

    label, entry = LAB_DRIVES["/dev/sr5"]
    source.plug("/dev/sr5", label, entry)
    qtbot.waitUntil(lambda: "/dev/sr5" in panel.cards, timeout=3000)
    qtbot.waitUntil(lambda: panel.width() >= CARD_PANEL_MIN_WIDTH_PX, timeout=3000)
    card = panel.cards["/dev/sr5"]
    qtbot.waitUntil(lambda: card.media_label.text() != "", timeout=5000)
    qtbot.wait(50)
    # nothing of the card is cut off: it lies inside the pane, every button shows its text
    assert card.mapTo(panel, card.rect().bottomRight()).x() <= panel.width()
    for button in card.findChildren(QPushButton):
        needed = button.fontMetrics().horizontalAdvance(button.text()) + 8
        assert button.width() >= needed, f"{button.text()!r} is cut off"

    source.unplug("/dev/sr5")
    qtbot.waitUntil(lambda: panel.width() <= EMPTY_STRIP_WIDTH_PX, timeout=3000)
