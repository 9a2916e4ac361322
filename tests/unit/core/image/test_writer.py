"""Spindle's own ISO 9660/Joliet/Rock Ridge writer, read back with pycdlib as the oracle and
with the record classes of :mod:`app.core.image.records` (parse → record gives the bytes)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pycdlib
import pytest

from app.core.image.builder import ImageBuilder
from app.core.image.records import (
    NM,
    SECTOR,
    SL,
    DirectoryRecord,
    PathTableRecord,
    VolumeDescriptor,
    parse_system_use,
)
from app.core.project.model import DiscProject, FileSystemOptions, IsoLevel, NodeKind

OLD_NS = 1_118_131_750_000_000_000


def _tree(root: Path) -> None:
    deep = root / "deep"
    for level in range(17):
        deep = deep / f"level{level}"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text("bottom")
    (root / ("n" * 250 + ".txt")).write_text("long rock ridge name")
    (root / "Ünïcödé 日本語.txt").write_text("unicode")
    (root / "empty").write_bytes(b"")
    (root / "data.bin").write_bytes(os.urandom(5 * SECTOR + 17))
    os.link(root / "data.bin", root / "hard link.bin")
    many = root / "many"
    many.mkdir()
    for index in range(120):
        (many / f"entry {index:03d}.dat").write_bytes(os.urandom(index))
    os.symlink("/" + "/".join(["component" * 3] * 30), root / "long link")
    os.symlink("../up/./here", root / "relative link")
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            os.utime(path, ns=(OLD_NS, OLD_NS))


def _build(tmp_path: Path, **options: object) -> tuple[DiscProject, Path]:
    src = tmp_path / "src"
    src.mkdir()
    _tree(src)
    project = DiscProject(filesystems=FileSystemOptions(**options))  # type: ignore[arg-type]
    project.add_contents(src)
    builder = ImageBuilder(project, writer="spindle")
    builder.check_sources()
    builder.lay_out()
    assert builder._own is not None  # the writer under test did the work
    out = tmp_path / "own.iso"
    with out.open("w+b") as stream:
        builder.write(stream, lambda _d, _t: None)
    builder.close()
    assert out.stat().st_size == builder.layout.size_bytes  # type: ignore[union-attr]
    return project, out


def _recorded(project: DiscProject, builder_plan_attr: str) -> dict[str, str]:
    from app.core.project.naming import plan_names

    plan = plan_names(project)
    out: dict[str, str] = {}
    for node in project:
        parts: list[str] = []
        current = node
        while current.parent is not None:
            parts.append(getattr(plan.names[current.id], builder_plan_attr))
            current = current.parent
        out[node.path] = "/" + "/".join(reversed(parts))
    return out


@pytest.mark.parametrize("joliet", [True, False])
def test_pycdlib_reads_every_file_through_every_tree(tmp_path: Path, joliet: bool) -> None:
    project, out = _build(tmp_path, joliet=joliet)
    iso_paths = _recorded(project, "iso")
    joliet_paths = _recorded(project, "joliet") if joliet else {}
    iso = pycdlib.PyCdlib()
    iso.open(str(out))
    try:
        assert iso.has_rock_ridge()
        assert (iso.joliet_vd is not None) is joliet
        for node in project:
            if node.kind is NodeKind.FILE:
                assert node.source is not None
                expected = node.source.read_bytes()
                lookups = [{"rr_path": node.path}]
                if node.depth < 8:
                    lookups.append({"iso_path": iso_paths[node.path]})
                if joliet:
                    lookups.append({"joliet_path": joliet_paths[node.path]})
                for kwargs in lookups:
                    got = io.BytesIO()
                    iso.get_file_from_iso_fp(got, **kwargs)
                    assert got.getvalue() == expected, kwargs
            elif node.kind is NodeKind.SYMLINK:
                record = iso.get_record(rr_path=node.path)
                assert record.rock_ridge.symlink_path() == node.target.encode()
        rr = {path for path, _dirs, _files in iso.walk(rr_path="/")}
        assert "/.rr_moved" in rr or not any(p.startswith("/.rr_moved") for p in rr)
        record = iso.get_record(rr_path="/" + "n" * 250 + ".txt")
        assert record.rock_ridge.name() == b"n" * 250 + b".txt"
        data = iso.get_record(rr_path="/data.bin")
        link = iso.get_record(rr_path="/hard link.bin")
        assert data.extent_location() == link.extent_location()  # stored once
    finally:
        iso.close()


def test_records_parse_back_to_the_same_bytes(tmp_path: Path) -> None:
    _project, out = _build(tmp_path, iso_level=IsoLevel.LEVEL_2)
    image = out.read_bytes()
    primary = VolumeDescriptor.parse(image[16 * SECTOR : 17 * SECTOR])
    assert primary.record() == image[16 * SECTOR : 17 * SECTOR]
    joliet = VolumeDescriptor.parse(image[17 * SECTOR : 18 * SECTOR])
    assert joliet.escape == b"%/E"
    assert joliet.record() == image[17 * SECTOR : 18 * SECTOR]
    assert VolumeDescriptor.parse(image[18 * SECTOR : 19 * SECTOR]).kind == 255
    table = image[primary.path_table_l * SECTOR :][: primary.path_table_size]
    position, count = 0, 0
    while position < len(table):
        record, length = PathTableRecord.parse(table[position:], little=True)
        assert record.record(little=True) == table[position : position + length]
        position += length
        count += 1
    assert count > 10
    root = DirectoryRecord.parse(primary.root)
    extent = image[root.extent * SECTOR :][: root.data_length]
    position, names = 0, []
    while position < len(extent):
        size = extent[position]
        if size == 0:
            position += SECTOR - position % SECTOR
            continue
        raw = extent[position : position + size]
        record = DirectoryRecord.parse(raw)
        assert record.record() == raw
        entries = parse_system_use(record.system_use)
        for entry in entries:
            assert type(entry).parse(entry.record()[4:]).record() == entry.record()  # type: ignore[attr-defined]
        names.append(b"".join(e.name for e in entries if isinstance(e, NM)))
        position += size
    assert b"long link" in names
    assert b".rr_moved" in names


def test_symbolic_link_components_round_trip() -> None:
    for target in (b"/abs/path", b"../up/./x", b"a" * 600 + b"/b", b"plain"):
        entries = SL.for_target(target)
        assert all(len(e.record()) <= 255 for e in entries)
        assert SL.target_of(entries) == target
