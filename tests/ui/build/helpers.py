"""Helpers for the Build workspace tests: waiting for adds and the analysis, and synthetic
drag-and-drop (QDragEnterEvent, QDragMoveEvent, then QDropEvent, as Qt requires)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.project.model import Node
from app.ui.build.add_worker import AddReport, AddState
from app.ui.build.page import BuildPage


def add_and_wait(
    qtbot: QtBot, page: BuildPage, paths: list[Path], folder: Node | None = None
) -> AddReport:
    with qtbot.waitSignal(page.editor.add_finished, timeout=30_000) as blocker:
        page.editor.add_paths(paths, folder if folder is not None else page.project.root)
    report = blocker.args[0]
    assert isinstance(report, AddReport)
    assert report.state is AddState.FINISHED
    return report


def wait_analysis(qtbot: QtBot, page: BuildPage) -> None:
    """Wait until the naming report and size estimate describe the current project."""
    with qtbot.waitSignal(page.analysis.updated, timeout=10_000):
        page.analysis.compute_now()


def row_center(page: BuildPage, node: Node) -> QPoint:
    index = page.view.view_index(node)
    assert index.isValid(), node
    page.view.scrollTo(index)
    return page.view.visualRect(index).center()


def send_drop(page: BuildPage, data: QMimeData, pos: QPoint, action: Qt.DropAction) -> bool:
    """Drag ``data`` onto the tree's viewport at ``pos``; True if the drop was accepted."""
    viewport = page.view.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(QPointF(pos), actions, data, buttons, mods)
    drop.setDropAction(action)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def uri_list(paths: list[Path]) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def names(node: Node) -> list[str]:
    return sorted(child.name for child in node.children)
