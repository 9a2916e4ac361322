"""The naming report the Build workspace shows: which names the tree marks, the forked
computation, and how its failures reach the caller."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InternalError
from app.core.project import analysis
from app.core.project.analysis import (
    CAN_FORK,
    NameIssue,
    analyse,
    analyse_in_child,
    issues_from_plan,
    short_issue,
    summary,
)
from app.core.project.capacity import estimate_sectors
from app.core.project.model import DiscProject, FileSystemOptions, IsoLevel
from app.core.project.naming import plan_names

needs_fork = pytest.mark.skipif(not CAN_FORK, reason="the analysis forks only on Linux")


def _issues_by_path(project: DiscProject) -> dict[str, tuple[NameIssue, ...]]:
    found = issues_from_plan(project, plan_names(project))
    return {project.node(node_id).path: issues for node_id, issues in found.items()}


def test_with_long_name_trees_only_their_changes_are_marked() -> None:
    project = DiscProject()  # Joliet and Rock Ridge on by default
    project.add_folder("report.pdf folder")
    project.add_folder("a" * 70)
    marked = _issues_by_path(project)
    assert "/report.pdf folder" not in marked  # only its ISO 9660 name differs
    (issue,) = marked["/" + "a" * 70]
    assert issue.filesystem == "Joliet"
    assert issue.recorded == "a" * 64
    assert not issue.blocking
    assert issue.short == f"Joliet: {'a' * 64}"
    assert issue.sentence.startswith(f"Joliet records “{'a' * 64}”: ")


def test_with_iso9660_alone_its_changes_are_marked_without_the_version(
    tmp_path: Path,
) -> None:
    source = tmp_path / "a long name.html"
    source.write_bytes(b"<p>")
    project = DiscProject(
        filesystems=FileSystemOptions(
            iso_level=IsoLevel.LEVEL_1, joliet=False, rock_ridge=False, udf=False
        )
    )
    project.add_folder("my.folder")
    project.add_path(source)
    marked = _issues_by_path(project)
    (folder,) = marked["/my.folder"]
    assert folder.filesystem == "ISO 9660"
    assert folder.recorded == "MY_FOLDE"
    (file,) = marked["/a long name.html"]
    assert file.recorded == "A_LONG_N.HTM"
    assert short_issue(marked["/my.folder"]) == "ISO 9660: MY_FOLDE"


def test_blocking_problems_are_always_marked() -> None:
    project = DiscProject(filesystems=FileSystemOptions(rock_ridge=False))
    deep = project.root
    for level in range(9):
        deep = project.add_folder(f"d{level}", deep)
    marked = _issues_by_path(project)
    blocking = [i for issues in marked.values() for i in issues if i.blocking]
    assert blocking
    assert all(i.recorded is None and i.short == "Cannot be recorded" for i in blocking)
    assert all(i.sentence == i.reason for i in blocking)


def test_analyse_holds_the_plan_the_issues_and_the_size() -> None:
    project = DiscProject()
    project.add_folder("b" * 70)
    result = analyse(project)
    assert result.used_sectors == estimate_sectors(project)
    assert result.plan.changes
    assert result.issues == issues_from_plan(project, result.plan)
    trimmed = summary(result)
    assert trimmed.plan.names == {}
    assert trimmed.plan.changes == ()
    assert trimmed.plan.problems == result.plan.problems
    assert trimmed.issues == result.issues


@needs_fork
def test_the_forked_analysis_matches_the_in_process_one() -> None:
    project = DiscProject(filesystems=FileSystemOptions(rock_ridge=False))
    project.add_folder("a" * 70)
    deep = project.root
    for level in range(9):
        deep = project.add_folder(f"d{level}", deep)
    here = analyse(project)
    there = analyse_in_child(project)
    assert there.issues == here.issues
    assert there.used_sectors == here.used_sectors
    assert there.plan.problems == here.plan.problems
    assert there.plan.problems  # the deep folders cannot be recorded without Rock Ridge
    assert any(i.filesystem == "Joliet" for issues in there.issues.values() for i in issues)


@needs_fork
def test_a_bug_in_the_child_is_an_internal_error_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(_project: DiscProject) -> None:
        raise TypeError("a bug in the naming code")

    monkeypatch.setattr(analysis, "plan_names", broken)
    with pytest.raises(InternalError) as caught:
        analyse_in_child(DiscProject())
    assert "TypeError: a bug in the naming code" in caught.value.detail


@needs_fork
@pytest.mark.parametrize("race", [RuntimeError, KeyError])
def test_a_tree_changed_in_the_child_is_a_runtime_error(
    monkeypatch: pytest.MonkeyPatch, race: type[Exception]
) -> None:
    def changed(_project: DiscProject) -> None:
        raise race("dictionary changed size during iteration")

    monkeypatch.setattr(analysis, "plan_names", changed)
    with pytest.raises(RuntimeError, match="changed"):
        analyse_in_child(DiscProject())
