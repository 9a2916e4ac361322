"""Project files are validated completely at load: types, ranges, depth, names, paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import ProjectFileError
from app.core.project.model import DiscProject, Node, NodeKind
from app.core.project.projectfile import (
    MAX_TREE_DEPTH,
    load_project,
    project_to_json,
    save_project,
)


def _file(tmp_path: Path, **changes: Any) -> dict[str, Any]:
    (tmp_path / "a.txt").write_text("a")
    project = DiscProject()
    project.add_path(tmp_path / "a.txt")
    data = project_to_json(project)
    for dotted, value in changes.items():
        target = data
        *parents, last = dotted.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return data


def _load(tmp_path: Path, data: Any) -> Any:
    path = tmp_path / "p.spindle"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_project(path)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"volume__label": 12}, "volume.label"),
        ({"volume__created_at": 1e300}, "volume.created_at"),
        ({"volume__modified_at": "yesterday"}, "volume.modified_at"),
        ({"filesystems__iso_level": 4}, "filesystems.iso_level"),
        ({"filesystems__joliet": "yes"}, "filesystems.joliet"),
        ({"boot__hybrid": "false"}, "boot.hybrid"),
        ({"boot__bios_image": 7}, "boot.bios_image"),
        ({"medium": "FLOPPY"}, "medium"),
        ({"tree__0__mode": 0o77777}, "mode"),
        ({"tree__0__mode": True}, "mode"),
        ({"tree__0__mtime_ns": 10**30}, "mtime_ns"),
        ({"tree__0__size_bytes": -1}, "size_bytes"),
        ({"tree__0__name": "bad\ud800name"}, "surrogate"),
        ({"tree__0__name": "a/b"}, "cannot contain"),
        ({"tree__0__type": "device"}, "tree[0].type"),
    ],
)
def test_bad_fields_are_named(tmp_path: Path, changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ProjectFileError) as info:
        _load(tmp_path, _file(tmp_path, **changes))
    assert field in info.value.message
    assert "is damaged" in info.value.message


def test_hybrid_false_as_text_is_not_true(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match=r"boot\.hybrid must be true or false"):
        _load(tmp_path, _file(tmp_path, boot__hybrid="false"))


def test_relative_sources_are_relative_to_the_project_file(tmp_path: Path) -> None:
    data = _file(tmp_path, tree__0__source="a.txt", boot__bios_image="boot/isolinux.bin")
    elsewhere = tmp_path / "projects"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("here")
    project = _load(elsewhere, data)
    assert project.find("/a.txt").source == elsewhere / "a.txt"
    assert project.boot.bios_image == elsewhere / "boot" / "isolinux.bin"


def test_hugely_nested_json_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.spindle"
    path.write_text(
        '{"format": "spindle-project", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    )
    with pytest.raises(ProjectFileError, match="nested"):
        load_project(path)


def _deep_project(levels: int) -> DiscProject:
    project = DiscProject()
    folder = project.root
    for level in range(levels):
        child = Node(NodeKind.FOLDER, f"l{level}")
        folder._attach(child)
        project._by_id[child.id] = child
        folder = child
    return project


def test_deep_trees_round_trip_up_to_the_limit_and_are_refused_beyond(tmp_path: Path) -> None:
    path = tmp_path / "deep.spindle"
    save_project(_deep_project(MAX_TREE_DEPTH), path)
    loaded = load_project(path)
    assert max(n.depth for n in loaded) == MAX_TREE_DEPTH
    with pytest.raises(ProjectFileError, match="nested 1000 levels"):
        save_project(_deep_project(1000), tmp_path / "deeper.spindle")
    data = project_to_json(_deep_project(MAX_TREE_DEPTH + 1))
    with pytest.raises(ProjectFileError, match="folder levels deep"):
        _load(tmp_path, data)


def test_names_not_utf8_survive_save_and_load(tmp_path: Path) -> None:
    source = tmp_path / "bad\udcffname.txt"
    source.write_bytes(b"x")
    project = DiscProject()
    project.add_path(source)
    path = tmp_path / "p.spindle"
    save_project(project, path)
    assert load_project(path).find("/bad\udcffname.txt") is not None
