"""The Build workspace in German at 1024x700 with a drive in the Drives pane and Properties
open does not scroll sideways: the pane titles wrap instead of widening the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot
from tests.fakes.drive_provider import LAB_DRIVES, ScriptedDriveProvider

from app.ui.common.settings import Settings
from app.ui.common.translations import install_translations, remove_translations
from app.ui.common.workspaces import Workspace
from app.ui.main_window import MainWindow


@pytest.fixture
def german() -> Iterator[None]:
    loaded = install_translations(env={"SPINDLE_LANG": "de"})
    assert loaded.language == "de", loaded.message  # scripts/install compiled spindle_de.qm
    yield
    remove_translations()


def test_build_with_properties_fits_1024_by_700(qtbot: QtBot, tmp_path: Path, german: None) -> None:
    source = ScriptedDriveProvider(paths=())
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Settings(store), drive_source=source)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.show_workspace(Workspace.BUILD)
    label, entry = LAB_DRIVES["/dev/sr5"]
    source.plug("/dev/sr5", label, entry)
    qtbot.waitUntil(lambda: window.drive_panel.width() >= 250, timeout=3000)
    page = window.build_page
    if not page.properties.isVisible():
        page.page_actions.properties.trigger()
    qtbot.wait(100)
    scroller = page.parentWidget()
    while scroller is not None and not isinstance(scroller, QScrollArea):
        scroller = scroller.parentWidget()
    assert scroller is not None
    assert page.minimumSizeHint().width() <= scroller.viewport().width()
    assert not scroller.horizontalScrollBar().isVisible()
