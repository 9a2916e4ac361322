"""Build-engine cases of issue 16: labels, invisible relocation, odd sources, names, times."""

from __future__ import annotations

import io
from pathlib import Path

import pycdlib

from app.core.jobs import run_job
from app.core.jobs.build import BuildJob
from app.core.project.model import DiscProject, FileSystemOptions, VolumeOptions


def _build(project: DiscProject, out: Path) -> None:
    result = run_job(BuildJob(project, out))
    assert result.ok, result.error


def _open(out: Path) -> pycdlib.PyCdlib:
    iso = pycdlib.PyCdlib()
    iso.open(str(out))
    return iso


def test_long_label_with_joliet_and_udf_keeps_case_spaces_and_non_ascii(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    project = DiscProject(
        volume=VolumeOptions(label="My Backup ü 2024 of the summer", publisher="Zoë " * 40),
        filesystems=FileSystemOptions(udf=True),
    )
    project.add_path(tmp_path / "a.txt")
    out = tmp_path / "o.iso"
    _build(project, out)
    iso = _open(out)
    try:
        assert iso.pvd.volume_identifier.rstrip() == b"MY_BACKUP_U_2024_OF_THE_SUMMER"
        assert iso.joliet_vd.volume_identifier.decode("utf-16-be") == "My Backup ü 2024"
        publisher = iso.joliet_vd.publisher_identifier.text.decode("utf-16-be")
        assert publisher.startswith("Zoë Zoë")
        assert len(publisher) == 64
        lvd = iso.udf_main_descs.logical_volumes[0].logical_vol_ident
        assert lvd[0] == 8
        assert lvd[1 : 1 + lvd[-1] - 1].decode("latin-1") == ("My Backup ü 2024 of the summer")
    finally:
        iso.close()


def _deep_project(tmp_path: Path) -> DiscProject:
    deep = tmp_path / "src"
    for level in range(10):
        deep = deep / f"d{level}"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text("bottom\n")
    project = DiscProject()
    project.add_contents(tmp_path / "src")
    return project


def test_relocation_directory_is_hidden_from_rock_ridge(tmp_path: Path) -> None:
    out = tmp_path / "deep.iso"
    _build(_deep_project(tmp_path), out)
    iso = _open(out)
    try:
        moved = [c for c in iso.pvd.root_dir_record.children if c.file_ident == b"RR_MOVED"]
        assert moved
        assert moved[0].rock_ridge is not None
        assert moved[0].rock_ridge.relocated_record()  # RE (RRIP §4.1.5.3)
        data = io.BytesIO()
        iso.get_file_from_iso_fp(data, rr_path="/d0/d1/d2/d3/d4/d5/d6/d7/d8/d9/bottom.txt")
        assert data.getvalue() == b"bottom\n"
    finally:
        iso.close()
