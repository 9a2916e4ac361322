"""Project files hold the boot records kept from an image opened with "Edit as project"
(El Torito entries, system area, GPT): a saved and reloaded project rebuilds the same image,
and every damaged field is refused with its name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import InvalidInputError
from app.core.image.edit import project_from_image
from app.core.image.job import BuildJob
from app.core.image.reader import open_image
from app.core.jobs import run_job
from app.core.project.model import BootOptions, DiscProject, FileSystemOptions, VolumeOptions
from app.core.project.projectfile import (
    ProjectFileError,
    load_project,
    project_to_json,
    save_project,
)
from tests.unit.core.image.test_edit import _build, _source_tree


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[DiscProject, Path]:
    """A Spindle hybrid image (BIOS + UEFI entries, MBR + GPT) opened for editing."""
    base = tmp_path_factory.mktemp("replay")
    src = _source_tree(base)
    code = base / "mbr.bin"
    code.write_bytes(bytes(range(216)) * 2)  # 432 bytes of stand-in isohybrid MBR code
    project = DiscProject(
        volume=VolumeOptions(label="HYBRID"),
        filesystems=FileSystemOptions(),
        boot=BootOptions(
            bios_image=src / "boot" / "loader.bin",
            efi_image=src / "boot" / "efi.img",
            hybrid=True,
            hybrid_mbr=code,
        ),
    )
    project.add_contents(src)
    orig = base / "orig.iso"
    _build(project, orig)
    with open_image(orig) as image:
        result = project_from_image(image)
    replay = result.project.boot.replay
    assert replay is not None
    assert len(replay.entries) == 2
    assert replay.system_area is not None
    assert replay.system_area.gpt is not None, result.notes
    return result.project, base


def test_round_trip_rebuilds_the_same_image(
    edited: tuple[DiscProject, Path], tmp_path: Path
) -> None:
    project, _base = edited
    path = tmp_path / "p.spindle"
    save_project(project, path)
    assert json.loads(path.read_text())["version"] == 2
    loaded = load_project(path)
    assert loaded.boot.replay is not None
    assert project_to_json(loaded) == project_to_json(project)
    _build(project, tmp_path / "a.iso")
    _build(loaded, tmp_path / "b.iso")
    first = (tmp_path / "a.iso").read_bytes()
    assert first[512:520] == b"EFI PART"
    assert first[-512:][:8] == b"EFI PART"  # the backup GPT at the new end
    assert (tmp_path / "b.iso").read_bytes() == first


def test_a_project_without_boot_records_stays_version_1(tmp_path: Path) -> None:
    path = tmp_path / "p.spindle"
    save_project(DiscProject(), path)
    assert json.loads(path.read_text())["version"] == 1


def _set(data: dict[str, Any], where: str, value: Any) -> None:
    keys: list[Any] = [int(k) if k.isdigit() else k for k in where.split(".")]
    target: Any = data
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value


DAMAGE = [
    ("entries.0.node", "/no/such/file", "boot.replay.entries[0].node names no file"),
    ("entries.0.node", None, "boot.replay.entries[0] needs either a node or hidden"),
    ("entries.0.media_type", 9, "boot.replay.entries[0].media_type must be"),
    ("entries.0.hidden", [[0, 5]], "boot.replay.entries[0] needs either"),
    ("entries", "x", "boot.replay.entries must be a list"),
    ("system_area.data", "not base64!", "boot.replay.system_area.data must be base64 of 32768"),
    ("system_area.data", "AAAA", "boot.replay.system_area.data must be base64 of 32768"),
    ("system_area.geometry", [0, 32], "boot.replay.system_area.geometry must be"),
    ("system_area.mbr_boot_offsets", [[600, 0]], "system_area.mbr_boot_offsets must be"),
    ("system_area.partitions", [[7, "/boot/efi.img"]], "partitions[0] must be [MBR slot"),
    ("system_area.gpt.disk_guid", "xyz", "boot.replay.system_area.gpt.disk_guid must be 32 hex"),
    ("system_area.gpt.entry_count", 100_000, "gpt.entry_count must be a whole number"),
    ("system_area.gpt.entries.0.raw", "AAAA", "gpt.entries[0].raw must be base64 of 128"),
    ("system_area.gpt.entries.0.index", 999, "gpt.entries[0].index must be"),
    ("system_area.gpt.entries.0.first.anchor", "moon", "gpt.entries[0].first.anchor must be"),
    ("system_area.gpt.entries.0.end.delta", 10**6, "gpt.entries[0].end.delta must be"),
]


@pytest.mark.parametrize(("where", "value", "message"), DAMAGE)
def test_damaged_boot_records_are_refused_by_field(
    edited: tuple[DiscProject, Path], tmp_path: Path, where: str, value: Any, message: str
) -> None:
    project, _base = edited
    path = tmp_path / "p.spindle"
    save_project(project, path)
    data = json.loads(path.read_text())
    _set(data["boot"]["replay"], where, value)
    path.write_text(json.dumps(data))
    with pytest.raises(ProjectFileError, match="damaged") as caught:
        load_project(path)
    assert message in caught.value.message


def test_a_gpt_bound_on_a_folder_is_refused(
    edited: tuple[DiscProject, Path], tmp_path: Path
) -> None:
    project, _base = edited
    path = tmp_path / "p.spindle"
    save_project(project, path)
    data = json.loads(path.read_text())
    entries = data["boot"]["replay"]["system_area"]["gpt"]["entries"]
    entries[0]["first"] = {"anchor": "start", "node": "/boot", "delta": 0}
    path.write_text(json.dumps(data))
    with pytest.raises(ProjectFileError, match=r"first\.node names no file"):
        load_project(path)


def test_a_kept_gpt_with_udf_is_refused(edited: tuple[DiscProject, Path], tmp_path: Path) -> None:
    project, _base = edited
    path = tmp_path / "p.spindle"
    save_project(project, path)
    loaded = load_project(path)
    loaded.set_options(filesystems=FileSystemOptions(udf=True))
    result = run_job(BuildJob(loaded, tmp_path / "udf.iso"))
    assert not result.ok
    assert isinstance(result.error, InvalidInputError)
    assert "UDF's last anchor" in result.error.message


def test_a_gpt_with_a_wrong_header_checksum_is_left_out_and_said_so(
    edited: tuple[DiscProject, Path], tmp_path: Path
) -> None:
    _project, base = edited
    data = bytearray((base / "orig.iso").read_bytes())
    data[512 + 40] ^= 1  # first usable LBA changed, CRC not
    spoilt = tmp_path / "spoilt.iso"
    spoilt.write_bytes(data)
    with open_image(spoilt) as image:
        result = project_from_image(image)
    replay = result.project.boot.replay
    assert replay is not None
    assert replay.system_area is not None
    assert replay.system_area.gpt is None
    assert any("header checksum is wrong" in note for note in result.notes)
    assert replay.system_area.data[512:] == bytes(32768 - 512)  # no stale GPT copied
