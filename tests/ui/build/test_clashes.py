"""Adding a file or folder whose name is taken in the target folder asks Replace / Keep both
/ Skip (with "the same for the others" when several clash) instead of failing the item."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.ui.build.helpers import add_and_wait

from app.ui.build.clash_dialog import ClashDialog
from app.ui.build.page import BuildPage


def _second_copy(tmp_path: Path, name: str, data: bytes) -> Path:
    other = tmp_path / "other"
    other.mkdir(exist_ok=True)
    path = other / name
    path.write_bytes(data)
    return path


def _answer(button: str, *, apply_to_all: bool = False) -> list[str]:
    """Click ``button`` in the next clash dialog that opens (ticking "the same for the
    others" if asked); returns the questions asked."""
    asked: list[str] = []

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ClashDialog):
            QTimer.singleShot(10, click)
            return
        asked.append(dialog.text())
        if apply_to_all and dialog.all_box is not None:
            dialog.all_box.setChecked(True)
        getattr(dialog, f"{button}_button").click()

    QTimer.singleShot(10, click)
    return asked


@pytest.mark.parametrize("button", ["replace", "keep", "skip"])
def test_a_clashing_file_asks_and_does_what_was_chosen(
    qtbot: QtBot, page: BuildPage, sample: Path, tmp_path: Path, button: str
) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    newer = _second_copy(tmp_path, "a.txt", b"the newer alpha\n")
    asked = _answer(button)
    report = add_and_wait(qtbot, page, [newer])
    assert len(asked) == 1
    assert "“a.txt” already exists" in asked[0]
    assert report.failures == []  # no red "Invalid input"
    names = sorted(child.name for child in page.project.root.children)
    if button == "replace":
        assert names == ["a.txt"]
        assert page.project.root.child("a.txt").source == newer  # type: ignore[union-attr]
    elif button == "keep":
        assert names == ["a (2).txt", "a.txt"]
        assert page.project.root.child("a (2).txt").source == newer  # type: ignore[union-attr]
    else:
        assert names == ["a.txt"]
        assert page.project.root.child("a.txt").source == sample / "a.txt"  # type: ignore[union-attr]


def test_several_clashes_can_be_answered_once(
    qtbot: QtBot, page: BuildPage, sample: Path, tmp_path: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt", sample / "b.bin"])
    newer = [_second_copy(tmp_path, "a.txt", b"1"), _second_copy(tmp_path, "b.bin", b"2")]
    asked = _answer("keep", apply_to_all=True)
    report = add_and_wait(qtbot, page, newer)
    assert len(asked) == 1  # "Do the same for the other 1"
    assert report.failures == []
    names = sorted(child.name for child in page.project.root.children)
    assert names == ["a (2).txt", "a.txt", "b (2).bin", "b.bin"]


def test_replace_is_one_undo_step(
    qtbot: QtBot, page: BuildPage, sample: Path, tmp_path: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    before = page.editor.undo_stack.count()
    newer = _second_copy(tmp_path, "a.txt", b"the newer alpha\n")
    _answer("replace")
    add_and_wait(qtbot, page, [newer])
    assert page.editor.undo_stack.count() == before + 1
    assert page.editor.undo_stack.undoText().startswith("Replace")
    page.editor.undo_stack.undo()  # one step brings the old one back
    assert [c.name for c in page.project.root.children] == ["a.txt"]
    assert page.project.root.child("a.txt").source == sample / "a.txt"  # type: ignore[union-attr]
    page.editor.undo_stack.redo()
    assert page.project.root.child("a.txt").source == newer  # type: ignore[union-attr]


def test_keep_both_gives_clashing_items_added_together_different_names(
    qtbot: QtBot, page: BuildPage, sample: Path, tmp_path: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    first = _second_copy(tmp_path, "a.txt", b"1")
    second = tmp_path / "third" / "a.txt"
    second.parent.mkdir()
    second.write_bytes(b"2")
    _answer("keep", apply_to_all=True)
    report = add_and_wait(qtbot, page, [first, second])
    assert report.failures == []
    names = sorted(child.name for child in page.project.root.children)
    assert names == ["a (2).txt", "a (3).txt", "a.txt"]
