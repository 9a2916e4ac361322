"""DiscProject.restore: the Build workspace's undo puts back the very nodes it removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.project.model import DiscProject, ProjectChange


def test_restore_puts_back_the_same_subtree_at_its_row(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_bytes(b"abc")
    project = DiscProject()
    first = project.add_folder("first")
    folder = project.add_path(tmp_path / "src")
    project.add_folder("last")
    inner = folder.children[0]
    project.remove(folder)
    with pytest.raises(InvalidInputError):
        project.node(inner.id)
    changes: list[ProjectChange] = []
    project.subscribe(changes.append)
    project.restore(folder, project.root, 1)
    assert [c.name for c in project.root.children] == ["first", "src", "last"]
    assert project.node(inner.id) is inner
    assert project.find("/src/a.txt") is inner
    assert [(c.kind, c.node) for c in changes] == [("added", folder)]
    assert first.index_in_parent() == 0


def test_restore_refuses_an_attached_node_and_a_taken_name() -> None:
    project = DiscProject()
    node = project.add_folder("docs")
    with pytest.raises(InvalidInputError, match="already in the project"):
        project.restore(node, project.root)
    project.remove(node)
    project.add_folder("docs")
    with pytest.raises(InvalidInputError, match="already exists"):
        project.restore(node, project.root)
    assert node.parent is None
