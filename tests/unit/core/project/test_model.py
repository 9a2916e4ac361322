"""DiscProject: scanning folders from disk, change operations, identity and observers."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.project.model import DiscProject, NodeKind, ProjectChange


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    (root / "docs" / "deep").mkdir(parents=True)
    (root / "docs" / "a.txt").write_text("alpha")
    (root / "docs" / "deep" / "b.bin").write_bytes(b"\0" * 5000)
    (root / "empty").write_bytes(b"")
    os.symlink("docs/a.txt", root / "link")
    return root


def test_add_path_scans_a_folder_with_sizes_modes_and_links(tree: Path) -> None:
    project = DiscProject()
    node = project.add_path(tree)
    assert node.name == "src"
    assert [c.name for c in node.children] == ["docs", "empty", "link"]
    a = project.find("/src/docs/a.txt")
    assert a is not None
    assert a.kind is NodeKind.FILE
    assert a.size_bytes == 5
    assert a.source == tree / "docs" / "a.txt"
    assert a.mtime_ns == (tree / "docs" / "a.txt").stat().st_mtime_ns
    link = project.find("/src/link")
    assert link is not None
    assert link.kind is NodeKind.SYMLINK
    assert link.target == "docs/a.txt"
    assert project.total_bytes == 5005
    assert project.file_count == 3
    assert project.find("/src/docs/deep/b.bin") is project.node(
        project.find("/src/docs/deep/b.bin").id
    )  # type: ignore[union-attr]


def test_add_contents_puts_entries_at_the_top(tree: Path) -> None:
    project = DiscProject()
    added = project.add_contents(tree)
    assert [n.name for n in added] == ["docs", "empty", "link"]
    assert project.find("/docs/deep/b.bin") is not None
    with pytest.raises(InvalidInputError, match="already exists"):
        project.add_contents(tree)


def test_rename_move_remove_keep_identity_and_notify(tree: Path) -> None:
    project = DiscProject()
    project.add_contents(tree)
    changes: list[ProjectChange] = []
    project.subscribe(changes.append)
    a = project.find("/docs/a.txt")
    assert a is not None
    ident = a.id
    project.rename(a, "renamed.txt")
    assert a.path == "/docs/renamed.txt"
    assert project.find("/docs/a.txt") is None
    target = project.add_folder("new")
    project.move(a, target)
    assert a.path == "/new/renamed.txt"
    assert a.id == ident
    assert a.parent is target
    assert project.node(ident) is a
    docs = project.find("/docs")
    assert docs is not None
    project.remove(docs)
    assert project.find("/docs") is None
    with pytest.raises(InvalidInputError, match="no longer"):
        project.node(docs.id)
    with pytest.raises(InvalidInputError, match="no longer"):
        project.rename(docs, "x")
    assert [c.kind for c in changes] == ["renamed", "added", "moved", "removed"]
    assert changes[2].old_parent is not None
    assert changes[2].old_parent.name == "docs"


def test_move_reorders_within_a_folder(tmp_path: Path) -> None:
    project = DiscProject()
    nodes = [project.add_folder(name) for name in "abcd"]
    project.move(nodes[0], project.root, 3)
    assert [c.name for c in project.root.children] == ["b", "c", "a", "d"]
    assert nodes[0].index_in_parent() == 2
    project.move(nodes[3], project.root, 0)
    assert [c.name for c in project.root.children] == ["d", "b", "c", "a"]


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("", "cannot be used"),
        ("..", "cannot be used"),
        ("a/b", "cannot contain"),
        ("x\0y", "cannot contain"),
        ("n" * 256, "longer than 255 bytes"),
    ],
)
def test_bad_names_are_refused(name: str, match: str) -> None:
    project = DiscProject()
    with pytest.raises(InvalidInputError, match=match):
        project.add_folder(name)


def test_invalid_operations_leave_the_tree_unchanged(tree: Path) -> None:
    project = DiscProject()
    project.add_contents(tree)
    docs = project.find("/docs")
    deep = project.find("/docs/deep")
    empty = project.find("/empty")
    assert docs is not None
    assert deep is not None
    assert empty is not None
    before = [n.path for n in project]
    with pytest.raises(InvalidInputError, match="into itself"):
        project.move(docs, deep)
    with pytest.raises(InvalidInputError, match="already exists"):
        project.rename(empty, "docs")
    with pytest.raises(InvalidInputError, match="is a file"):
        project.add_folder("x", empty)
    with pytest.raises(InvalidInputError, match="root"):
        project.remove(project.root)
    with pytest.raises(InvalidInputError, match="does not exist"):
        project.add_path(tree / "missing")
    assert [n.path for n in project] == before


def test_special_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInputError, match="not a regular file"):
        DiscProject().add_path(fifo)


@pytest.mark.slow
def test_adding_ten_thousand_files_is_fast(tmp_path: Path) -> None:
    """Scanning costs about 25 µs per file (50,000 files: ~1.2 s measured; bench/build.py);
    creating the files is what takes time here, so the test uses 10,000."""
    big = tmp_path / "many"
    for folder in range(10):
        sub = big / f"d{folder:02d}"
        sub.mkdir(parents=True)
        for index in range(1000):
            os.close(os.open(sub / f"f{index:04d}.txt", os.O_CREAT | os.O_WRONLY, 0o644))
    project = DiscProject()
    started = time.perf_counter()
    project.add_path(big)
    elapsed = time.perf_counter() - started
    assert project.file_count == 10_000
    assert elapsed < 2.0, f"adding 10,000 files took {elapsed:.2f} s"
