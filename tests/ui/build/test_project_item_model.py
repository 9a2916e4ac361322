"""The item model over DiscProject, checked by Qt's own QAbstractItemModelTester: batched
appends, edits made by someone else, project replacement, and the analysis worker."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from app.core.project.analysis import NameIssue
from app.core.project.model import DiscProject
from app.ui.build import analysis as analysis_module
from app.ui.build.analysis import AnalysisWatcher
from app.ui.build.project_model import Column, ProjectModel


@pytest.fixture
def model(qtbot: QtBot) -> ProjectModel:
    result = ProjectModel(DiscProject())
    QAbstractItemModelTester(result, QAbstractItemModelTester.FailureReportingMode.Fatal)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(result)
    view.show()
    return result


def _names(model: ProjectModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_a_batch_announces_nested_appends_once_per_folder(model: ProjectModel) -> None:
    project = model.project
    inserted: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(
        lambda parent, first, last: inserted.append((model.node(parent).name, first, last))
    )
    model.begin_batch()
    top = project.add_folder("top")
    for number in range(3):
        project.add_folder(f"f{number}", top)
    inner = top.children[1]
    for number in range(4):
        project.add_folder(f"g{number}", inner)
    assert model.rowCount() == 0  # nothing announced yet
    model.end_batch()
    assert inserted == [("", 0, 0), ("top", 0, 2), ("f1", 0, 3)]
    top_index = model.index(0, 0)
    assert _names(model, top_index) == ["f0", "f1", "f2"]
    assert _names(model, model.index(1, 0, top_index)) == ["g0", "g1", "g2", "g3"]


def test_edits_made_directly_on_the_project_keep_the_model_right(model: ProjectModel) -> None:
    project = model.project
    a = project.add_folder("a")
    b = project.add_folder("b")
    c = project.add_folder("c", a)
    assert _names(model) == ["a", "b"]
    project.rename(b, "bee")
    assert _names(model) == ["a", "bee"]
    project.move(c, b)  # not announced by the model: it resets, and is right again
    assert _names(model, model.index(1, 0)) == ["c"]
    project.remove(a)
    assert _names(model) == ["bee"]
    assert model.folder_size(project.root) == 0


def test_model_moves_and_removes_with_sizes(model: ProjectModel, tmp_path: Path) -> None:
    (tmp_path / "one.bin").write_bytes(bytes(1000))
    project = model.project
    box = project.add_folder("box")
    other = project.add_folder("other")
    one = project.add_path(tmp_path / "one.bin", box)
    assert model.folder_size(box) == 1000
    model.move(one, other)
    assert model.folder_size(box) == 0
    assert model.folder_size(other) == 1000
    assert model.index(0, Column.SIZE, model.index(1, 0)).data() == "1000 bytes"
    model.remove(other)
    assert model.folder_size(project.root) == 0
    with pytest.raises(Exception, match="cannot be moved into itself"):
        model.move(box, box)


def test_replacing_the_project(model: ProjectModel) -> None:
    model.project.add_folder("old")
    fresh = DiscProject()
    fresh.add_folder("new")
    model.set_project(fresh)
    assert _names(model) == ["new"]
    fresh.add_folder("newer")
    assert _names(model) == ["new", "newer"]


@pytest.mark.parametrize("child_process", [True, False], ids=["forked", "thread"])
def test_the_watcher_debounces_and_reports_the_current_state(
    qtbot: QtBot, child_process: bool
) -> None:
    project = DiscProject()
    watcher = AnalysisWatcher(project)
    watcher.use_child_process = child_process
    reports: list[object] = []
    watcher.updated.connect(reports.append)
    for number in range(5):
        project.add_folder(f"f{number}")
        watcher.request()
    qtbot.waitUntil(lambda: bool(reports), timeout=10_000)
    qtbot.wait(400)
    assert len(reports) == 1  # five requests in a burst, one computation
    assert watcher.latest is reports[0]
    watcher.shutdown()


@pytest.mark.allow_log_warnings
def test_a_failing_analysis_is_logged_as_an_error(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_project: DiscProject) -> None:
        raise TypeError("a bug in the naming code")

    monkeypatch.setattr(analysis_module, "analyse", broken)
    watcher = AnalysisWatcher(DiscProject())
    watcher.use_child_process = False
    reports: list[object] = []
    watcher.updated.connect(reports.append)
    watcher.compute_now()
    qtbot.waitUntil(lambda: not watcher.busy, timeout=10_000)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage() for r in errors] == ["the project analysis failed"]
    assert errors[0].exc_info is not None
    assert isinstance(errors[0].exc_info[1], TypeError)
    assert reports == []
    assert watcher.latest is None


@pytest.mark.parametrize("race", [RuntimeError, KeyError])
def test_a_walk_interrupted_by_an_edit_is_dropped_quietly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, race: type[Exception]
) -> None:
    project = DiscProject()
    calls: list[int] = []
    real = analysis_module.analyse

    def interrupted_once(walked: DiscProject) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise race("dictionary changed size during iteration")
        return real(walked)

    monkeypatch.setattr(analysis_module, "analyse", interrupted_once)
    watcher = AnalysisWatcher(project)
    watcher.use_child_process = False
    reports: list[object] = []
    watcher.updated.connect(reports.append)
    watcher.compute_now()
    qtbot.waitUntil(lambda: not watcher.busy, timeout=10_000)
    assert reports == []  # nothing better to show; no error logged (conftest checks)
    project.add_folder("after the edit")
    watcher.request()
    qtbot.waitUntil(lambda: bool(reports), timeout=10_000)
    assert watcher.latest is reports[0]
    watcher.shutdown()


def test_clearing_an_issue_repaints_the_name_cell_too(model: ProjectModel) -> None:
    """The name's warning colour went stale after undoing a rename: only ON_DISC repainted."""
    node = model.project.add_folder("a;1")
    issue = NameIssue("ISO 9660", "A_1.TXT", "';' is not allowed")
    changed: list[tuple[int, int, int]] = []
    model.dataChanged.connect(lambda a, b, _r=(): changed.append((a.row(), a.column(), b.column())))
    model.set_naming(None, {node.id: (issue,)})
    name_index = model.index_of(node, Column.NAME)
    assert name_index.data(Qt.ItemDataRole.ForegroundRole) is not None
    changed.clear()
    model.set_naming(None, {})
    assert name_index.data(Qt.ItemDataRole.ForegroundRole) is None
    assert any(first <= Column.NAME <= last for _row, first, last in changed)
