"""Sources deleted or moved on disk after they were added: marked in the tree, named before
a build, with the offer to remove them (issue 15, item 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from tests.ui.build.helpers import add_and_wait

from app.core.project.model import Node
from app.ui.build import page as page_module
from app.ui.build.page import BuildPage
from app.ui.build.project_model import Column


def _child(page: BuildPage, name: str) -> Node:
    node = page.project.root.child("src")
    assert node is not None
    found = node.child(name)
    assert found is not None
    return found


def _data(page: BuildPage, node: Node, role: Qt.ItemDataRole) -> object:
    return page.model.data(page.model.index_of(node, Column.NAME), role)


def test_a_deleted_source_is_marked_when_the_window_is_activated_again(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    add_and_wait(qtbot, page, [sample])
    gone, kept = _child(page, "a.txt"), _child(page, "b.bin")
    plain_icon = _data(page, gone, Qt.ItemDataRole.DecorationRole)
    (sample / "a.txt").unlink()
    shutil.rmtree(sample / "photos")
    QApplication.sendEvent(page, QEvent(QEvent.Type.ActivationChange))
    if not page.isActiveWindow():  # offscreen: no real activation; the page checks on show
        page.hide()
        page.show()
    tip = str(_data(page, gone, Qt.ItemDataRole.ToolTipRole))
    assert f"The source file “{sample / 'a.txt'}” no longer exists." in tip
    assert isinstance(_data(page, gone, Qt.ItemDataRole.ForegroundRole), QColor)
    icon = _data(page, gone, Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    assert icon.cacheKey() != getattr(plain_icon, "cacheKey", int)()
    folder_tip = str(_data(page, _child(page, "photos"), Qt.ItemDataRole.ToolTipRole))
    assert "The source folder" in folder_tip
    assert "no longer exists" in folder_tip
    assert _data(page, kept, Qt.ItemDataRole.ForegroundRole) is None
    assert "no longer exists" not in str(_data(page, kept, Qt.ItemDataRole.ToolTipRole))


def test_build_names_the_missing_sources_and_removes_them_on_request(
    qtbot: QtBot, page: BuildPage, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_and_wait(qtbot, page, [sample])
    (sample / "a.txt").unlink()
    asked: list[list[str | None]] = []
    answer = [False]

    def ask(nodes: list[Node], _parent: object) -> bool:
        asked.append([n.source_str for n in nodes])
        return answer[0]

    def no_dialog(*_args: object) -> tuple[str, str]:
        raise AssertionError("the output question must not come before the missing sources")

    monkeypatch.setattr(page_module, "ask_about_missing", ask)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_dialog)
    page.page_actions.build.trigger()  # no show/activation since the deletion: checked here
    assert asked == [[str(sample / "a.txt")]]
    assert _child(page, "b.bin") is not None
    assert page.project.root.child("src").child("a.txt") is not None  # type: ignore[union-attr]
    answer[0] = True
    page.page_actions.build.trigger()
    assert page.project.root.child("src").child("a.txt") is None  # type: ignore[union-attr]
    assert "no longer exists" not in str(
        _data(page, _child(page, "b.bin"), Qt.ItemDataRole.ToolTipRole)
    )
    page.undo_stack.undo()  # the removal is one undo step
    assert page.project.root.child("src").child("a.txt") is not None  # type: ignore[union-attr]
