"""The image builder: the data-path hook matches pycdlib byte for byte; times; read-back."""

from __future__ import annotations

import inspect
import io
import os
import random
import time
from pathlib import Path

import pycdlib
import pytest

from app.core.image import builder as builder_module
from app.core.image.builder import ImageBuilder
from app.core.project.model import BootOptions, DiscProject, FileSystemOptions, VolumeOptions

FIXED_TIME = 1_700_000_000.0


def _tree(root: Path) -> Path:
    (root / "docs" / "nested").mkdir(parents=True)
    (root / "docs" / "a.txt").write_text("alpha\n")
    (root / "docs" / "nested" / "big.bin").write_bytes(os.urandom(3 * 1024 * 1024 + 5))
    (root / "empty.dat").write_bytes(b"")
    (root / "Ünïcödé näme.txt").write_text("unicode")
    os.symlink("docs/a.txt", root / "link")
    loader = root / "boot" / "loader.bin"
    loader.parent.mkdir()
    loader.write_bytes(os.urandom(0x40) + b"\xfb\xc0\x78\x70" + os.urandom(5000))
    for path in root.rglob("*"):
        if not path.is_symlink():
            os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return root


def _build(project: DiscProject, out: Path) -> ImageBuilder:
    builder = ImageBuilder(project)
    builder.check_sources()
    builder.lay_out()
    with out.open("w+b") as stream:
        builder.write(stream, lambda _d, _t: None)
    builder.close()
    return builder


def test_override_matches_the_installed_pycdlib_signature() -> None:
    original = inspect.signature(pycdlib.PyCdlib._output_file_data)
    assert list(original.parameters) == ["self", "outfp", "blocksize", "ino"]
    assert inspect.isgeneratorfunction(pycdlib.PyCdlib._output_file_data)
    assert "_output_file_data" in builder_module._SpindleCdlib.__dict__


@pytest.mark.parametrize("udf", [False, True])
def test_fast_path_output_is_byte_identical_to_pycdlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, udf: bool
) -> None:
    src = _tree(tmp_path / "src")
    monkeypatch.setattr(time, "time", lambda: FIXED_TIME)

    def project() -> DiscProject:
        random.seed(7)  # pycdlib's UDF unique ids
        p = DiscProject(
            volume=VolumeOptions(label="SAME", created_at=FIXED_TIME, modified_at=FIXED_TIME),
            filesystems=FileSystemOptions(udf=udf),
            boot=BootOptions(bios_image=src / "boot" / "loader.bin"),
        )
        p.add_contents(src)
        return p

    ours = tmp_path / "ours.iso"
    built = _build(project(), ours)
    assert sum(built.copier.stats.bytes_by_method.values()) > 3 * 1024 * 1024
    monkeypatch.setattr(
        builder_module._SpindleCdlib, "_output_file_data", pycdlib.PyCdlib._output_file_data
    )
    reference = tmp_path / "pycdlib.iso"
    random.seed(7)
    _build(project(), reference)
    assert ours.read_bytes() == reference.read_bytes()


def test_contents_names_and_times_read_back(tmp_path: Path) -> None:
    src = _tree(tmp_path / "src")
    project = DiscProject(filesystems=FileSystemOptions(udf=True))
    project.add_contents(src)
    out = tmp_path / "out.iso"
    builder = _build(project, out)
    iso = pycdlib.PyCdlib()
    iso.open(str(out))
    try:
        for node in project:
            if node.kind.value != "file":
                continue
            assert node.source is not None
            names = builder.plan.names[node.id]
            parts, current = [], node
            while current.parent is not None:
                parts.append(builder.plan.names[current.id].iso)
                current = current.parent
            iso_path = "/" + "/".join(reversed(parts))
            data = io.BytesIO()
            iso.get_file_from_iso_fp(data, iso_path=iso_path)
            assert data.getvalue() == node.source.read_bytes(), node.path
            record = iso.get_record(iso_path=iso_path)
            assert record.date.years_since_1900 == time.localtime(1e9).tm_year - 1900
            assert record.rock_ridge.name() == names.rock_ridge.encode()
            tf = record.rock_ridge.dr_entries.tf_record
            assert tf.modification_time.years_since_1900 == record.date.years_since_1900
        link = iso.get_record(iso_path="/LINK;1")
        assert link.rock_ridge.symlink_path() == b"docs/a.txt"
        udf_record = iso.get_record(udf_path="/docs/a.txt")
        assert udf_record.mod_time.year == time.localtime(1e9).tm_year
    finally:
        iso.close()
