"""Editing the project tree: drops from file managers, moves by drag, rename, remove, new
folder, each undone and redone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt, QUrl
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from tests.ui.build.helpers import (
    add_and_wait,
    names,
    row_center,
    send_drop,
    uri_list,
    wait_analysis,
)

from app.core.errors import AppError
from app.core.project.model import NodeKind
from app.ui.build.mime import NODES_MIME
from app.ui.build.page import BuildPage
from app.ui.build.project_model import Column


@pytest.fixture(autouse=True)
def _model_tester(page: BuildPage) -> QAbstractItemModelTester:
    """Qt's own consistency checks run on every change the tests make (fatal on error)."""
    return QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_dropping_urls_onto_a_folder_adds_them_there_and_undo_redo(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    docs = page.editor.new_folder(page.project.root, "docs")
    page.editor.new_folder(page.project.root, "other")
    data = uri_list([sample / "a.txt", sample / "photos"])
    assert page.page_actions.undo.isEnabled()
    with qtbot.waitSignal(page.editor.add_finished, timeout=10_000) as blocker:
        assert send_drop(page, data, row_center(page, docs), Qt.DropAction.CopyAction)
        assert not page.page_actions.undo.isEnabled()  # not while the folder streams in
    assert blocker.args[0].added_count == 4
    assert names(docs) == ["a.txt", "photos"]
    photos = page.project.find("/docs/photos")
    assert photos is not None
    assert names(photos) == ["one.jpg", "two.jpg"]
    assert photos.source == sample / "photos"
    one = page.project.find("/docs/photos/one.jpg")
    assert one is not None
    assert one.size_bytes == 102
    assert page.undo_stack.undoText() == "Add 2 items"

    page.page_actions.undo.trigger()
    assert names(docs) == []
    page.page_actions.redo.trigger()
    assert names(docs) == ["a.txt", "photos"]
    assert page.project.find("/docs/photos/one.jpg") is one  # the same node, not a rescan


def test_drop_on_a_file_lands_in_its_folder_and_on_empty_space_in_the_root(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    docs = page.editor.new_folder(page.project.root, "docs")
    add_and_wait(qtbot, page, [sample / "a.txt"], docs)
    a_txt = page.project.find("/docs/a.txt")
    assert a_txt is not None
    page.view.expandAll()
    with qtbot.waitSignal(page.editor.add_finished, timeout=10_000):
        assert send_drop(
            page, uri_list([sample / "b.bin"]), row_center(page, a_txt), Qt.DropAction.CopyAction
        )
    assert names(docs) == ["a.txt", "b.bin"]
    below = page.view.viewport().rect().bottomLeft() + page.view.viewport().rect().center()
    below.setY(page.view.viewport().height() - 5)
    with qtbot.waitSignal(page.editor.add_finished, timeout=10_000):
        assert send_drop(page, uri_list([sample / "photos"]), below, Qt.DropAction.CopyAction)
    assert names(page.project.root) == ["docs", "photos"]


def test_a_drag_without_local_files_is_refused(page: BuildPage) -> None:
    data = QMimeData()
    data.setUrls([QUrl("https://example.org/file.iso")])
    assert not send_drop(page, data, page.view.viewport().rect().center(), Qt.DropAction.CopyAction)
    assert page.project.root.child_count == 0


def test_an_unreadable_entry_is_reported_and_the_rest_added(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    missing = sample / "gone.txt"
    with qtbot.waitSignal(page.error_shown, timeout=10_000) as shown:
        page.editor.add_paths([sample / "a.txt", missing], page.project.root)
    error = shown.args[0]
    assert isinstance(error, AppError)
    assert "1 item could not be added" in error.message
    assert "gone.txt" in error.detail
    assert names(page.project.root) == ["a.txt"]


def _drag_nodes(page: BuildPage, nodes: list) -> QMimeData:  # type: ignore[type-arg]
    indexes = [page.view.view_index(n) for n in nodes]
    data = page.view.proxy.mimeData(indexes)
    assert data.hasFormat(NODES_MIME)
    return data


def test_moving_items_by_drag_and_undo_redo(qtbot: QtBot, page: BuildPage, sample: Path) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt", sample / "b.bin", sample / "photos"])
    target = page.editor.new_folder(page.project.root, "target")
    a_txt = page.project.find("/a.txt")
    b_bin = page.project.find("/b.bin")
    assert a_txt is not None
    assert b_bin is not None
    data = _drag_nodes(page, [a_txt, b_bin])
    assert send_drop(page, data, row_center(page, target), Qt.DropAction.MoveAction)
    assert names(target) == ["a.txt", "b.bin"]
    assert names(page.project.root) == ["photos", "target"]
    assert a_txt.parent is target
    assert page.undo_stack.undoText() == "Move 2 items to “target”"

    page.undo_stack.undo()
    assert names(page.project.root) == ["a.txt", "b.bin", "photos", "target"]
    assert names(target) == []
    page.undo_stack.redo()
    assert names(target) == ["a.txt", "b.bin"]


def test_a_folder_cannot_be_dropped_into_itself(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "photos"])
    photos = page.project.find("/photos")
    assert photos is not None
    page.view.expandAll()
    one = page.project.find("/photos/one.jpg")
    assert one is not None
    data = _drag_nodes(page, [photos])
    assert not send_drop(page, data, row_center(page, one), Qt.DropAction.MoveAction)
    assert photos.parent is page.project.root
    assert page.undo_stack.count() == 1  # only the add


def test_a_move_onto_a_taken_name_is_refused_with_a_message(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    docs = page.editor.new_folder(page.project.root, "docs")
    add_and_wait(qtbot, page, [sample / "a.txt"], docs)
    a_txt = page.project.find("/a.txt")
    assert a_txt is not None
    with qtbot.waitSignal(page.error_shown) as shown:
        send_drop(
            page, _drag_nodes(page, [a_txt]), row_center(page, docs), Qt.DropAction.MoveAction
        )
    assert "already exists" in shown.args[0].message
    assert a_txt.parent is page.project.root


def test_rename_refuses_an_invalid_name_and_marks_one_the_file_systems_change(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    node = page.project.find("/a.txt")
    assert node is not None
    index = page.view.view_index(node)

    # a name no file system can hold: refused, nothing recorded
    with qtbot.waitSignal(page.error_shown) as shown:
        assert not page.view.model().setData(index, "bad/name.txt")
    assert "cannot contain" in shown.args[0].message
    assert node.name == "a.txt"
    assert page.undo_stack.count() == 1

    # a name Joliet must shorten: accepted, and the tree says what the disc will hold
    long_name = "x" * 70 + ".txt"
    assert page.view.model().setData(index, long_name)
    assert node.name == long_name
    wait_analysis(qtbot, page)
    cell = page.view.view_index(node, Column.ON_DISC)
    text = cell.data(Qt.ItemDataRole.DisplayRole)
    assert text.startswith("Joliet: xxxx")
    assert text.endswith(".txt")
    assert len(text) == len("Joliet: ") + 64
    assert "64 characters" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None

    # a valid name clears the mark
    index = page.view.view_index(node)
    assert page.view.model().setData(index, "notes.txt")
    wait_analysis(qtbot, page)
    assert page.view.view_index(node, Column.ON_DISC).data() == ""

    page.undo_stack.undo()  # back to the long name: marked again
    assert node.name == long_name
    wait_analysis(qtbot, page)
    assert page.view.view_index(node, Column.ON_DISC).data().startswith("Joliet:")
    page.undo_stack.undo()
    assert node.name == "a.txt"
    page.undo_stack.redo()
    page.undo_stack.redo()
    assert node.name == "notes.txt"


def test_iso9660_only_marks_the_short_names(qtbot: QtBot, page: BuildPage, sample: Path) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    page.properties.joliet_check.setChecked(False)
    page.properties.rock_ridge_check.setChecked(False)
    assert page.undo_stack.count() == 3
    wait_analysis(qtbot, page)
    node = page.project.find("/a.txt")
    assert node is not None
    assert page.view.view_index(node, Column.ON_DISC).data() == "ISO 9660: A.TXT"


def test_rename_in_place_with_the_keyboard(qtbot: QtBot, page: BuildPage, sample: Path) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    node = page.project.find("/a.txt")
    assert node is not None
    page.view.setFocus()
    page.view.select_nodes([node])
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "renamed.txt")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: node.name == "renamed.txt")
    assert page.undo_stack.undoText() == "Rename “a.txt” to “renamed.txt”"


def test_new_folder_opens_the_editor_and_delete_removes_with_undo(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "photos"])
    page.view.setFocus()
    page.view.clearSelection()
    page.page_actions.new_folder.trigger()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "New folder"
    qtbot.keyClicks(editor, "Music")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.project.find("/Music") is not None)
    music = page.project.find("/Music")
    assert music is not None
    assert music.kind is NodeKind.FOLDER
    assert page.undo_stack.count() == 3  # add, new folder, rename

    photos = page.project.find("/photos")
    assert photos is not None
    one = page.project.find("/photos/one.jpg")
    page.view.setFocus()
    page.view.select_nodes([photos, music])
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert page.project.root.child_count == 0
    assert page.undo_stack.undoText() == "Remove 2 items"
    page.undo_stack.undo()
    assert names(page.project.root) == ["Music", "photos"]
    assert page.project.find("/photos/one.jpg") is one
    page.undo_stack.redo()
    assert page.project.root.child_count == 0


def test_copy_puts_source_paths_on_the_clipboard_and_paste_adds_them(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    node = page.project.find("/a.txt")
    assert node is not None
    page.view.select_nodes([node])
    page.page_actions.copy.trigger()
    clipboard = QApplication.clipboard().mimeData()
    assert clipboard is not None
    assert clipboard.text() == str(sample / "a.txt")
    folder = page.editor.new_folder(page.project.root, "copy")
    page.view.select_nodes([folder])
    with qtbot.waitSignal(page.editor.add_finished, timeout=10_000):
        page.page_actions.paste.trigger()
    assert names(folder) == ["a.txt"]


def test_sorting_by_size_keeps_folders_first(qtbot: QtBot, page: BuildPage, sample: Path) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt", sample / "b.bin", sample / "photos"])
    page.view.sortByColumn(Column.SIZE, Qt.SortOrder.DescendingOrder)
    proxy = page.view.proxy
    shown = [proxy.index(row, 0, QModelIndex()).data() for row in range(proxy.rowCount())]
    assert shown == ["photos", "b.bin", "a.txt"]
    page.view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(row, 0, QModelIndex()).data() for row in range(proxy.rowCount())]
    assert shown == ["photos", "a.txt", "b.bin"]
