"""Naming rules per file system: candidates, collisions, depth, and the report."""

from __future__ import annotations

import pytest

from app.core.errors import InvalidInputError
from app.core.project.model import DiscProject, FileSystemOptions, IsoLevel, Node, NodeKind
from app.core.project.naming import (
    FileSystem,
    iso_candidate,
    joliet_candidate,
    plan_names,
    udf_candidate,
)


@pytest.mark.parametrize(
    ("name", "level", "folder", "expected"),
    [
        ("readme.txt", IsoLevel.LEVEL_1, False, "README.TXT"),
        ("a long name.html", IsoLevel.LEVEL_1, False, "A_LONG_N.HTM"),
        ("archive.tar.gz", IsoLevel.LEVEL_1, False, "ARCHIVE_.GZ"),
        ("Größe.txt", IsoLevel.LEVEL_2, False, "GROSSE.TXT"),
        (".bashrc", IsoLevel.LEVEL_2, False, "_BASHRC"),
        ("x" * 40 + ".txt", IsoLevel.LEVEL_3, False, "X" * 27 + ".TXT"),  # 27 + 3 = 30
        ("my.folder", IsoLevel.LEVEL_1, True, "MY_FOLDE"),
        ("f" * 40, IsoLevel.LEVEL_2, True, "F" * 31),
    ],
)
def test_iso_candidates(name: str, level: IsoLevel, folder: bool, expected: str) -> None:
    assert iso_candidate(name, level, folder) == expected


def test_joliet_and_udf_candidates() -> None:
    assert joliet_candidate("what?*:.txt") == "what___.txt"
    long = "n" * 80 + ".txt"
    assert joliet_candidate(long) == "n" * 60 + ".txt"
    assert len(joliet_candidate("😀" * 3)) == 3  # outside UCS-2: replaced
    assert udf_candidate("é" * 300) == "é" * 254
    assert len(udf_candidate("日" * 200)) == 127


def test_collisions_get_counters_and_valid_names_keep_theirs() -> None:
    project = DiscProject(filesystems=FileSystemOptions(udf=True))
    for name in ("readme.txt", "README.TXT", "Readme.txt"):
        project.add_folder(name)
    plan = plan_names(project)
    iso = sorted(plan.names[n.id].iso for n in project.root.children)
    # folders: dots become _, so all three map to README_TXT; counters in name order
    assert iso == ["README_TXT", "README_TXT_1", "README_TXT_2"]
    joliet = {n.name: plan.names[n.id].joliet for n in project.root.children}
    assert joliet == {
        "README.TXT": "README.TXT",
        "Readme.txt": "Readme~1.txt",
        "readme.txt": "readme~2.txt",
    }
    rock = {plan.names[n.id].rock_ridge for n in project.root.children}
    assert rock == {"readme.txt", "README.TXT", "Readme.txt"}
    recorded = {(c.filesystem, c.original): c.recorded for c in plan.changes}
    assert recorded[(FileSystem.JOLIET, "readme.txt")] == "readme~2.txt"
    assert (FileSystem.ROCK_RIDGE, "readme.txt") not in recorded


def test_plan_is_independent_of_child_order() -> None:
    names = ["b file.txt", "B_FILE.TXT", "b-file.txt", "a.txt"]
    first, second = DiscProject(), DiscProject()
    for name in names:
        first.add_folder(name)
    for name in reversed(names):
        second.add_folder(name)

    def by_name(project: DiscProject) -> dict[str, str]:
        plan = plan_names(project)
        return {n.name: plan.names[n.id].iso for n in project.root.children}

    assert by_name(first) == by_name(second)


def test_level1_file_collisions_stay_8_3() -> None:
    project = DiscProject(filesystems=FileSystemOptions(IsoLevel.LEVEL_1))
    for name in ("verylongname1.txt", "verylongname2.txt", "verylongname3.txt"):
        node = Node(NodeKind.FILE, name)
        project._insert(project.root, node, None)
    plan = plan_names(project)
    recorded = sorted(plan.names[n.id].iso for n in project.root.children)
    assert recorded == ["VERYLONG.TXT;1", "VERYLO_1.TXT;1", "VERYLO_2.TXT;1"]
    for name in recorded:
        base, ext = name.split(";")[0].split(".")
        assert len(base) <= 8
        assert len(ext) <= 3


def _deep(project: DiscProject, levels: int) -> None:
    parent = project.root
    for level in range(levels):
        parent = project.add_folder(f"level{level}", parent)


def test_deep_folders_are_relocated_with_rock_ridge() -> None:
    project = DiscProject()
    _deep(project, 10)
    plan = plan_names(project)
    assert plan.ok
    assert plan.relocated == ("/level0/level1/level2/level3/level4/level5/level6/level7",)


def test_deep_folders_are_refused_without_rock_ridge() -> None:
    project = DiscProject(filesystems=FileSystemOptions(rock_ridge=False))
    _deep(project, 9)
    plan = plan_names(project)
    assert not plan.ok
    assert "deeper than ISO 9660's 8 folder levels" in plan.problems[0].message
    with pytest.raises(InvalidInputError, match="8 folder levels"):
        plan.raise_if_blocked()
    shallow = DiscProject(filesystems=FileSystemOptions(rock_ridge=False))
    _deep(shallow, 7)
    assert plan_names(shallow).ok


def test_reserved_root_names_win() -> None:
    project = DiscProject()
    project._insert(project.root, Node(NodeKind.FILE, "BOOT.CAT"), None)
    plan = plan_names(project, ["BOOT.CAT"])
    assert plan.names[project.root.children[0].id].iso == "BOOT_1.CAT;1"


def test_long_paths_warn() -> None:
    project = DiscProject()
    parent = project.root
    for index in range(5):
        parent = project.add_folder(f"{index}" + "x" * 60, parent)
    plan = plan_names(project)
    assert any("Joliet path is longer" in w for w in plan.warnings)
    assert not any("ISO 9660 path is longer" in w for w in plan.warnings)
