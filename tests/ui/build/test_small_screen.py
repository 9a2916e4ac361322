"""The Build workspace at 1024x700, the smallest screen Spindle is laid out for."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from app.ui.build.project_model import Column
from app.ui.main_window import MainWindow
from app.ui.panels.drive_panel import EMPTY_STRIP_WIDTH_PX

SMALL = (1024, 700)


def _small(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.width() == SMALL[0])
    qtbot.wait(50)


def test_build_image_stays_on_screen_at_1024_by_700(qtbot: QtBot, window: MainWindow) -> None:
    _small(qtbot, window)
    page = window.build_page
    button = page.build_button
    assert button.isVisible()
    right = button.mapTo(window, QPoint(button.width(), button.height()))
    assert right.x() <= window.width()
    assert button.parentWidget() is not page.toolbar  # never in the toolbar's overflow menu


def test_with_no_drive_the_drives_panel_is_a_slim_strip(qtbot: QtBot, window: MainWindow) -> None:
    _small(qtbot, window)
    if window.drive_panel.cards:  # this machine has an optical drive: nothing to measure
        return
    assert window.drives_dock.width() <= EMPTY_STRIP_WIDTH_PX + 20
    assert window.drive_panel.empty_state.isVisible()


def test_opening_properties_keeps_the_tree_columns_and_no_sideways_scroll(
    qtbot: QtBot, window: MainWindow
) -> None:
    _small(qtbot, window)
    page = window.build_page
    if page.properties.isVisible():
        page.page_actions.properties.trigger()
    page.page_actions.properties.trigger()
    qtbot.waitUntil(page.properties.isVisible)
    qtbot.wait(50)
    scroller = window.findChild(QScrollArea, "buildPageScroller")
    assert scroller is not None
    assert scroller.horizontalScrollBar().maximum() == 0
    header = page.view.header()
    visible = page.view.viewport().width()
    for column in (Column.NAME, Column.SIZE):
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= visible
