"""Build-engine cases of issue 16: labels, invisible relocation, odd sources, names, times."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pycdlib
import pytest

from app.core.errors import InvalidInputError
from app.core.image.boot import BootKind, check_boot_image, check_mbr_code
from app.core.image.builder import ImageBuilder
from app.core.image.fastcopy import SourceChangedError
from app.core.image.job import BuildJob
from app.core.jobs import run_job
from app.core.project import naming
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


def test_proc_style_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    project = DiscProject()
    project.add_path(Path("/proc/self/status"), name="status")
    builder = ImageBuilder(project)
    with pytest.raises(InvalidInputError, match="says it is empty but has content"):
        builder.check_sources()


WRITERS = pytest.mark.parametrize("writer", ["spindle", "pycdlib"])


def _checked(tmp_path: Path, writer: str) -> tuple[ImageBuilder, Path]:
    (tmp_path / "a.txt").write_text("alpha")
    (tmp_path / "b.txt").write_text("bravo")
    project = DiscProject()
    project.add_path(tmp_path / "a.txt")
    builder = ImageBuilder(project, writer=writer)
    builder.check_sources()
    return builder, tmp_path / "a.txt"


def _lay_out_and_write(builder: ImageBuilder, out: Path) -> None:
    builder.lay_out()
    try:
        with out.open("w+b") as stream:
            builder.write(stream, lambda _d, _t: None)
    finally:
        builder.close()


@WRITERS
def test_source_swapped_for_a_symlink_after_checking_is_not_followed(
    tmp_path: Path, writer: str
) -> None:
    builder, source = _checked(tmp_path, writer)
    source.unlink()
    source.symlink_to(tmp_path / "b.txt")  # same size, other content
    with pytest.raises(SourceChangedError, match="symbolic link"):
        _lay_out_and_write(builder, tmp_path / "o.iso")


@WRITERS
def test_source_swapped_for_another_file_is_detected(tmp_path: Path, writer: str) -> None:
    builder, source = _checked(tmp_path, writer)
    source.unlink()
    (tmp_path / "b.txt").rename(source)
    with pytest.raises(SourceChangedError, match="replaced by another file"):
        _lay_out_and_write(builder, tmp_path / "o.iso")


def _finishes(target: Callable[[], None], seconds: float = 20) -> BaseException | None:
    """Run ``target`` in a thread; the error it raised (a hang fails the test)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            target()
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "hangs"
    return outcome[0]


@WRITERS
def test_source_swapped_for_a_fifo_does_not_hang(tmp_path: Path, writer: str) -> None:
    builder, source = _checked(tmp_path, writer)
    source.unlink()
    os.mkfifo(source)
    error = _finishes(lambda: _lay_out_and_write(builder, tmp_path / "o.iso"))
    assert isinstance(error, SourceChangedError)
    assert "pipe" in error.message


def test_fifo_boot_image_and_dev_zero_mbr_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "boot.fifo"
    os.mkfifo(fifo)
    error = _finishes(lambda: check_boot_image(fifo, BootKind.BIOS))
    assert isinstance(error, InvalidInputError)
    assert "pipe" in error.message
    error = _finishes(lambda: check_mbr_code(Path("/dev/zero")))
    assert isinstance(error, InvalidInputError)
    assert "device" in error.message


def test_hard_links_are_stored_once(tmp_path: Path) -> None:
    data = os.urandom(200_000)
    (tmp_path / "one.bin").write_bytes(data)
    os.link(tmp_path / "one.bin", tmp_path / "two.bin")
    (tmp_path / "copy.bin").write_bytes(data)
    sizes = {}
    for names in (("one.bin", "two.bin"), ("one.bin", "copy.bin")):
        project = DiscProject(filesystems=FileSystemOptions(udf=True))
        for name in names:
            project.add_path(tmp_path / name)
        out = tmp_path / f"{names[1]}.iso"
        _build(project, out)
        sizes[names[1]] = out.stat().st_size
        iso = _open(out)
        try:
            for name in names:
                for kwargs in (
                    {"iso_path": f"/{name.upper()};1"},
                    {"rr_path": f"/{name}"},
                    {"joliet_path": f"/{name}"},
                    {"udf_path": f"/{name}"},
                ):
                    got = io.BytesIO()
                    iso.get_file_from_iso_fp(got, **kwargs)
                    assert got.getvalue() == data, (name, kwargs)
        finally:
            iso.close()
    assert sizes["copy.bin"] - sizes["two.bin"] >= len(data)


def test_names_not_utf8_and_long_non_ascii_names_build(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    with open(os.fsencode(src) + b"/bad\xff\xfename.txt", "wb") as stream:
        stream.write(b"bytes")
    accented = "ü" * 60 + ".txt"  # 64 UCS-2 units, 124 UTF-8 bytes
    (src / accented).write_text("accented")
    project = DiscProject(filesystems=FileSystemOptions(udf=True))
    project.add_contents(src)
    out = tmp_path / "o.iso"
    _build(project, out)
    iso = _open(out)
    try:
        joliet = {name for _p, _d, files in iso.walk(joliet_path="/") for name in files}
        assert accented in joliet
        assert "bad\ufffd\ufffdname.txt" in joliet
        got = io.BytesIO()
        iso.get_file_from_iso_fp(got, joliet_path=f"/{accented}")
        assert got.getvalue() == b"accented"
    finally:
        iso.close()


def test_name_planning_is_linear_in_names_sharing_a_prefix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    original = naming._with_counter

    def counting(*args: Any, **kwargs: Any) -> str:
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(naming, "_with_counter", counting)
    project = DiscProject()
    count = 500
    for index in range(count):
        project.add_folder(f"Screenshot from 2026-12-01 at 10.{index:05d}.png")
    plan = naming.plan_names(project)
    assert len({names.iso for names in plan.names.values()}) == count
    assert calls < 4 * count  # every name tries a counter or two, not all the taken ones


@pytest.mark.parametrize("udf", [True, False])  # pycdlib writes UDF images, Spindle the rest
def test_out_of_range_times_are_clamped_to_what_iso_9660_records(tmp_path: Path, udf: bool) -> None:
    (tmp_path / "old.txt").write_text("old")
    (tmp_path / "new.txt").write_text("new")
    project = DiscProject(
        volume=VolumeOptions(created_at=1e30, modified_at=-1e30),
        filesystems=FileSystemOptions(udf=udf),
    )
    project.add_path(tmp_path / "old.txt").mtime_ns = -(10**30)
    project.add_path(tmp_path / "new.txt").mtime_ns = 10**30
    out = tmp_path / "o.iso"
    _build(project, out)
    iso = _open(out)
    try:
        years = {
            rec.file_ident: rec.date.years_since_1900 + 1900
            for rec in iso.pvd.root_dir_record.children
        }
        assert years[b"OLD.TXT;1"] == 1900
        assert years[b"NEW.TXT;1"] == 2155
    finally:
        iso.close()


def test_spindle_writer_records_each_label_in_its_own_alphabet(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    project = DiscProject(volume=VolumeOptions(label="My Backup ü 2024 of the summer"))
    project.add_path(tmp_path / "a.txt")
    out = tmp_path / "o.iso"
    result = run_job(BuildJob(project, out, writer="spindle"))
    assert result.ok, result.error
    iso = _open(out)
    try:
        assert iso.pvd.volume_identifier.rstrip() == b"MY_BACKUP_U_2024_OF_THE_SUMMER"
        assert iso.joliet_vd.volume_identifier.decode("utf-16-be") == "My Backup ü 2024"
    finally:
        iso.close()
