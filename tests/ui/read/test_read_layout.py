"""The Read workspace at 1024x700 with a drive in the Drives pane: "Read from" and "Read to"
go one above the other instead of making the page scroll sideways; at 1366x800 they stay side
by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot
from tests.fakes.drive_provider import LAB_DRIVES, ScriptedDriveProvider

from app.ui.common.settings import Settings
from app.ui.common.workspaces import Workspace
from app.ui.main_window import MainWindow


@pytest.mark.parametrize(
    ("size", "stacked"), [((900, 700), True), ((1024, 700), None), ((1366, 800), False)]
)
def test_read_from_and_to_fit_the_window(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int], stacked: bool | None
) -> None:
    """``stacked`` None: whichever fits (the fonts decide at 1024 px: German and X11's
    DejaVu stack, the offscreen platform's narrower font does not)."""
    source = ScriptedDriveProvider(paths=())
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Settings(store), drive_source=source)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.show_workspace(Workspace.READ)
    label, entry = LAB_DRIVES["/dev/sr0"]
    source.plug("/dev/sr0", label, entry)
    qtbot.waitUntil(lambda: window.drive_panel.width() >= 250, timeout=3000)
    page = window.read_page
    scroller = page.parentWidget()
    while scroller is not None and not isinstance(scroller, QScrollArea):
        scroller = scroller.parentWidget()
    assert scroller is not None
    qtbot.wait(100)
    assert not scroller.horizontalScrollBar().isVisible()
    assert page.width() <= scroller.viewport().width()
    row = getattr(page, "top_row", None)
    assert row is not None, "no ResponsiveRow"
    qtbot.wait(100)
    assert row.stacked is (row.width() < row.side_by_side_width())
    if stacked is not None:
        assert row.stacked is stacked
