"""Project files: round trip, newer versions and damaged files give clear errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.core.errors import ProjectFileError
from app.core.project.model import (
    BootOptions,
    DiscProject,
    FileSystemOptions,
    IsoLevel,
    NodeKind,
    VolumeOptions,
)
from app.core.project.projectfile import FORMAT_VERSION, load_project, save_project
from app.core.units import MediaPreset


def _sample(tmp_path: Path) -> DiscProject:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "ä.txt").write_text("hello")
    os.symlink("sub/ä.txt", src / "link")
    project = DiscProject(
        volume=VolumeOptions(label="MY_DISC", publisher="Me", created_at=1.7e9),
        filesystems=FileSystemOptions(IsoLevel.LEVEL_2, joliet=False, udf=True),
        boot=BootOptions(bios_image=tmp_path / "isolinux.bin", hybrid=True),
        medium=MediaPreset.CD_700,
    )
    project.add_contents(src)
    project.add_folder("virtual")
    sub = project.find("/sub")
    assert sub is not None
    project.rename(sub, "renamed")
    return project


def test_round_trip_keeps_tree_and_options(tmp_path: Path) -> None:
    project = _sample(tmp_path)
    path = tmp_path / "disc.spindle"
    save_project(project, path)
    loaded = load_project(path)
    assert loaded.volume == project.volume
    assert loaded.filesystems == project.filesystems
    assert loaded.boot == project.boot
    assert loaded.medium is MediaPreset.CD_700
    shape = [
        (n.path, n.kind, n.size_bytes, n.source, n.mtime_ns, n.mode, n.target) for n in project
    ]
    assert [
        (n.path, n.kind, n.size_bytes, n.source, n.mtime_ns, n.mode, n.target) for n in loaded
    ] == shape
    node = loaded.find("/renamed/ä.txt")
    assert node is not None
    assert node.kind is NodeKind.FILE
    assert loaded.node(node.id) is node
    assert not list(tmp_path.glob(".*.part"))


def test_newer_version_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "new.spindle"
    path.write_text(json.dumps({"format": "spindle-project", "version": FORMAT_VERSION + 1}))
    with pytest.raises(ProjectFileError, match="newer version of Spindle") as info:
        load_project(path)
    assert f"format version {FORMAT_VERSION + 1}" in info.value.detail


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("{not json", "not a valid project file"),
        ('{"format": "other"}', "not a Spindle project file"),
        ('{"format": "spindle-project", "version": "1"}', "damaged"),
        ('{"format": "spindle-project", "version": 1, "tree": {}}', "damaged"),
        (
            '{"format": "spindle-project", "version": 1, "tree": [{"type": "file", "name": "a"}]}',
            "damaged",
        ),
        (
            '{"format": "spindle-project", "version": 1, "tree": [{"type": "disk", "name": "a"}]}',
            "damaged",
        ),
        ('{"format": "spindle-project", "version": 1, "filesystems": {"iso_level": 7}}', "damaged"),
        (
            '{"format": "spindle-project", "version": 1, "tree": ['
            '{"type": "folder", "name": "a"}, {"type": "folder", "name": "a"}]}',
            "damaged",
        ),
        (
            '{"format": "spindle-project", "version": 1, "tree": ['
            '{"type": "folder", "name": "a/b"}]}',
            "cannot contain",
        ),
    ],
)
def test_damaged_files_are_refused(tmp_path: Path, content: str, match: str) -> None:
    path = tmp_path / "bad.spindle"
    path.write_text(content)
    with pytest.raises(ProjectFileError, match=match):
        load_project(path)


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    project = _sample(tmp_path)
    path = tmp_path / "disc.spindle"
    save_project(project, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ProjectFileError, match="damaged"):
        load_project(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="does not exist"):
        load_project(tmp_path / "nope.spindle")
