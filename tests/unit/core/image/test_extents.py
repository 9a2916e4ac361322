"""ISO 9660 volume size and sector ownership (which file a bad sector falls in)."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pycdlib

from app.core.image.extents import OwnerKind, owners_of, read_extents
from app.core.image.volume import parse_primary_volume


def make_iso(path: Path, *, joliet: bool = True, rr: bool = True) -> None:
    iso = pycdlib.PyCdlib()
    iso.new(
        interchange_level=3,
        joliet=3 if joliet else None,
        rock_ridge="1.09" if rr else None,
        vol_ident="RIPTEST",
    )
    iso.add_directory(
        "/DOCS", rr_name="docs" if rr else None, joliet_path="/docs" if joliet else None
    )
    files = {
        "/DOCS/README.TXT;1": ("readme.txt", b"r" * 5000),
        "/BIG.BIN;1": ("big.bin", b"b" * (40 * 2048 + 1)),
        "/EMPTY.TXT;1": ("empty.txt", b""),
    }
    for iso_path, (name, data) in files.items():
        parent = iso_path.rsplit("/", 1)[0]
        rr_parent = "/docs" if parent == "/DOCS" else ""
        iso.add_fp(
            io.BytesIO(data),
            len(data),
            iso_path,
            rr_name=name if rr else None,
            joliet_path=f"{rr_parent}/{name}" if joliet else None,
        )
    iso.write(str(path))
    iso.close()


def extent_of(path: Path, iso_path: str) -> tuple[int, int]:
    iso = pycdlib.PyCdlib()
    iso.open(str(path))
    rec = iso.get_record(iso_path=iso_path)
    result = rec.extent_location(), rec.get_data_length()
    iso.close()
    return result


def test_primary_volume_descriptor_size_and_label(tmp_path: Path) -> None:
    image = tmp_path / "a.iso"
    make_iso(image)
    data = image.read_bytes()
    pvd = parse_primary_volume(data[16 * 2048 : 17 * 2048])
    assert pvd is not None
    assert pvd.volume_id == "RIPTEST"
    assert pvd.logical_block_size == 2048
    assert pvd.sectors * 2048 == len(data)
    # not a PVD: zeros, a damaged both-endian field, a short read
    assert parse_primary_volume(bytes(2048)) is None
    broken = bytearray(data[16 * 2048 : 17 * 2048])
    struct.pack_into(">I", broken, 84, pvd.volume_space_blocks + 1)
    assert parse_primary_volume(bytes(broken)) is None
    assert parse_primary_volume(data[16 * 2048 : 16 * 2048 + 100]) is None


def test_owners_name_files_with_rock_ridge_names(tmp_path: Path) -> None:
    image = tmp_path / "a.iso"
    make_iso(image)
    big_lba, big_len = extent_of(image, "/BIG.BIN;1")
    readme_lba, _ = extent_of(image, "/DOCS/README.TXT;1")
    docs_lba, _ = extent_of(image, "/DOCS")
    last_big = big_lba + (big_len + 2047) // 2048 - 1
    wanted = [3, 16, big_lba, last_big, readme_lba + 1, docs_lba, 10_000]
    report = owners_of(image, wanted)
    assert report.error == ""
    found = {(o.kind, o.path): o.lbas for o in report.owners}
    assert found[(OwnerKind.FILE, "/big.bin")] == (big_lba, last_big)
    assert found[(OwnerKind.FILE, "/docs/readme.txt")] == (readme_lba + 1,)
    assert found[(OwnerKind.DIRECTORY, "/docs")] == (docs_lba,)
    assert found[(OwnerKind.SYSTEM_AREA, "")] == (3,)
    assert found[(OwnerKind.VOLUME_DESCRIPTORS, "")] == (16,)
    assert report.unowned_sectors == 1  # 10000 is past the end


def test_plain_iso9660_names_lose_the_version(tmp_path: Path) -> None:
    image = tmp_path / "b.iso"
    make_iso(image, joliet=False, rr=False)
    paths = {e.path for e in read_extents(image) if e.kind is OwnerKind.FILE}
    assert paths == {"/BIG.BIN", "/DOCS/README.TXT"}


def test_damaged_image_is_reported_not_raised(tmp_path: Path) -> None:
    image = tmp_path / "c.iso"
    image.write_bytes(bytes(40 * 2048))
    report = owners_of(image, [20, 21])
    assert report.owners == ()
    assert report.unowned_sectors == 2
    assert "not a readable ISO 9660 or UDF image" in report.error


def test_udf_image_with_a_bad_last_sector_is_mapped(tmp_path: Path) -> None:
    """pycdlib rejects the whole image when its last sector (a UDF anchor) is unreadable."""
    from tests.unit.core.image.test_reader import make_full

    image = tmp_path / "udf.iso"
    make_full(image)
    data = bytearray(image.read_bytes())
    data[-2048:] = bytes(2048)
    image.write_bytes(bytes(data))
    lba = next(e.lba for e in read_extents(image) if e.path.endswith("long name.txt"))
    report = owners_of(image, [lba, len(data) // 2048 - 1])
    assert report.error == ""
    assert [o.path for o in report.owners] == ["/docs/a rather long name.txt"]


def test_damaged_directories_still_map_what_survives(tmp_path: Path) -> None:
    """The ISO 9660 root destroyed: Rock Ridge and Joliet are gone, UDF still names the file."""
    from tests.unit.core.image.test_reader import make_full

    image = tmp_path / "udf.iso"
    make_full(image)
    extents = read_extents(image)
    root = next(e for e in extents if e.kind is OwnerKind.DIRECTORY and e.path == "/")
    target = next(e.lba for e in extents if e.path.endswith("long name.txt"))
    data = bytearray(image.read_bytes())
    data[root.lba * 2048 : (root.lba + 1) * 2048] = b"\xff" * 2048
    image.write_bytes(bytes(data))
    report = owners_of(image, [target, root.lba])
    assert "/docs/a rather long name.txt" in [o.path for o in report.owners]
    assert report.error  # the damage is named next to what was found
