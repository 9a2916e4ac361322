"""The folder-size cache: one walk per folder, then incremental updates up the tree."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.project.model import DiscProject
from app.core.project.sizes import FolderSizes


def test_sizes_are_walked_once_then_adjusted(tmp_path: Path) -> None:
    (tmp_path / "one.bin").write_bytes(bytes(1000))
    (tmp_path / "two.bin").write_bytes(bytes(24))
    os.symlink("one.bin", tmp_path / "link")
    project = DiscProject()
    box = project.add_folder("box")
    inner = project.add_folder("inner", box)
    one = project.add_path(tmp_path / "one.bin", inner)
    project.add_path(tmp_path / "two.bin", box)
    link = project.add_path(tmp_path / "link", box)
    sizes = FolderSizes()
    assert sizes.of(project.root) == 1024
    assert sizes.of(box) == 1024
    assert sizes.of(inner) == 1000
    assert sizes.subtree(one) == 1000
    assert sizes.subtree(link) == 0  # a symbolic link records no file data

    # cached: a change nobody reported is not seen ...
    project.remove(one)
    assert sizes.of(box) == 1024
    # ... until the owner reports it, for the folder and every cached folder above it
    sizes.adjust(inner, -1000)
    assert (sizes.of(inner), sizes.of(box), sizes.of(project.root)) == (0, 24, 24)


def test_forget_drops_a_removed_subtree_and_clear_drops_all(tmp_path: Path) -> None:
    (tmp_path / "f.bin").write_bytes(bytes(10))
    project = DiscProject()
    box = project.add_folder("box")
    inner = project.add_folder("inner", box)
    project.add_path(tmp_path / "f.bin", inner)
    sizes = FolderSizes()
    assert sizes.of(inner) == 10
    project.add_path(tmp_path / "f.bin", inner, name="g.bin")  # not reported
    sizes.forget(box)
    assert sizes.of(inner) == 20  # walked again
    project.add_path(tmp_path / "f.bin", box, name="h.bin")
    sizes.clear()
    assert sizes.of(project.root) == 30
