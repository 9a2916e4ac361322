"""The Image workspace fits the window: with an image open at 1280x800 (jobs panel shown) the
page does not scroll, so the status line with the Check result is on screen.  Its page stack
used to ask for the height of the hidden convert view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot
from tests.unit.core.image.test_reader import make_full

from app.ui.common.settings import Settings
from app.ui.common.workspaces import Workspace
from app.ui.main_window import MainWindow


def test_an_open_image_fits_without_scrolling(qtbot: QtBot, tmp_path: Path) -> None:
    image = tmp_path / "full.iso"
    make_full(image)
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Settings(store))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_workspace(Workspace.IMAGE)
    page = window.image_page
    with qtbot.waitSignal(page.image_opened, timeout=20_000):
        page.open_path(image)
    page.status_label.setText("sha256: 0123456789abcdef")
    qtbot.wait(50)
    scroller = page.parentWidget()
    while scroller is not None and not isinstance(scroller, QScrollArea):
        scroller = scroller.parentWidget()
    assert scroller is not None
    qtbot.waitUntil(lambda: page.height() <= scroller.viewport().height(), timeout=2000)
    assert not scroller.verticalScrollBar().isVisible()
    label_bottom = page.status_label.geometry().bottom()
    assert label_bottom <= scroller.viewport().height()
