"""The image reader: every tree of pycdlib-made and hand-made images, streaming, damage."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pycdlib
import pytest

from app.core.errors import ImageError
from app.core.image.reader import open_image
from app.core.image.tree import EntryKind, FsKind
from tests.fakes.craft_iso import SECTOR, IsoCraft, nm, px, record, sl

PAYLOAD = bytes(range(256)) * 40 + b"tail"


def make_full(path: Path, *, udf: bool = True) -> None:
    iso = pycdlib.PyCdlib()
    iso.new(
        interchange_level=3,
        joliet=3,
        rock_ridge="1.09",
        udf="2.60" if udf else None,
        vol_ident="FULLTEST",
    )
    iso.add_directory(
        "/DOCS", rr_name="docs", joliet_path="/docs", udf_path="/docs" if udf else None
    )
    iso.add_fp(
        io.BytesIO(PAYLOAD),
        len(PAYLOAD),
        "/DOCS/LONGNAME.TXT;1",
        rr_name="a rather long name.txt",
        joliet_path="/docs/a rather long name.txt",
        udf_path="/docs/a rather long name.txt" if udf else None,
    )
    iso.add_fp(
        io.BytesIO(b""),
        0,
        "/EMPTY.;1",
        rr_name="empty",
        joliet_path="/empty",
        udf_path="/empty" if udf else None,
    )
    iso.add_symlink("/LINK.;1", rr_symlink_name="link", rr_path="docs/a rather long name.txt")
    iso.write(str(path))
    iso.close()


def test_every_tree_of_a_full_image(tmp_path: Path) -> None:
    path = tmp_path / "full.iso"
    make_full(path)
    with open_image(path) as image:
        assert set(image.trees) == {FsKind.ISO, FsKind.RR, FsKind.JOLIET, FsKind.UDF}
        assert image.volume_id == "FULLTEST"
        assert image.problems == []
        rr = image.tree(FsKind.RR)
        names = {p for p, _ in rr.walk()}
        assert names == {"/docs", "/docs/a rather long name.txt", "/empty", "/link"}
        link = rr.lookup("/link")
        assert link is not None
        assert link.kind is EntryKind.SYMLINK
        assert link.link_target == "docs/a rather long name.txt"
        iso = {p for p, _ in image.tree(FsKind.ISO).walk()}
        assert iso == {"/DOCS", "/DOCS/LONGNAME.TXT", "/EMPTY", "/LINK"}
        for fs in (FsKind.RR, FsKind.JOLIET, FsKind.UDF):
            entry = image.tree(fs).lookup("/docs/a rather long name.txt")
            assert entry is not None, fs
            assert entry.size == len(PAYLOAD)
            assert b"".join(image.chunks(entry, "x", chunk=1000)) == PAYLOAD
        udf_dir = image.tree(FsKind.UDF).lookup("/docs")
        assert udf_dir is not None
        assert udf_dir.is_dir
        assert image.tree().fs is FsKind.RR  # the preferred tree


def test_missing_tree_is_an_image_error(tmp_path: Path) -> None:
    path = tmp_path / "noudf.iso"
    make_full(path, udf=False)
    with open_image(path) as image, pytest.raises(ImageError, match="no UDF file system"):
        image.tree(FsKind.UDF)


def test_udf_only_image(tmp_path: Path) -> None:
    """Windows media: the ISO 9660 descriptors wiped, only UDF left."""
    path = tmp_path / "udfonly.iso"
    make_full(path)
    data = bytearray(path.read_bytes())
    for lba in range(16, 20):  # PVD, Joliet SVD, terminator: gone (BEA01/NSR02 follow)
        if data[lba * SECTOR + 1 : lba * SECTOR + 6] == b"CD001":
            data[lba * SECTOR : (lba + 1) * SECTOR] = bytes(SECTOR)
    path.write_bytes(bytes(data))
    with open_image(path) as image:
        assert set(image.trees) == {FsKind.UDF}
        entry = image.tree().lookup("/docs/a rather long name.txt")
        assert entry is not None
        assert (
            hashlib.sha256(b"".join(image.chunks(entry, "x"))).digest()
            == hashlib.sha256(PAYLOAD).digest()
        )


def test_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "zeros.iso"
    path.write_bytes(bytes(300 * SECTOR))
    with pytest.raises(ImageError, match="not a readable disc image"):
        open_image(path)
    with pytest.raises(ImageError, match="Could not open"):
        open_image(tmp_path / "absent.iso")


def test_rock_ridge_fields_from_hand_made_records(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(
        20,
        20,
        [
            record(b"A.;1", 30, 5, su=nm(b"alpha") + px(0o100640)),
            record(b"L.;1", 0, 0, su=nm(b"up") + px(0o120777) + sl([b"..", b"x", b"y"])),
            record(b"R.;1", 0, 0, su=nm(b"root") + px(0o120777) + sl([b"/", b"etc"])),
        ],
    )
    craft.data[30] = b"hello"
    path = tmp_path / "rr.iso"
    path.write_bytes(craft.build())
    with open_image(path) as image:
        tree = image.tree(FsKind.RR)
        alpha = tree.lookup("/alpha")
        assert alpha is not None
        assert alpha.mode == 0o640
        assert alpha.size == 5
        assert b"".join(image.chunks(alpha, "alpha")) == b"hello"
        up, root = tree.lookup("/up"), tree.lookup("/root")
        assert up is not None
        assert up.link_target == "../x/y"
        assert root is not None
        assert root.link_target == "/etc"
        assert alpha.mtime == 1577934245.0  # 2020-01-02 03:04:05 UTC (record time)


def test_multi_extent_file_over_4_gib_reads_completely(tmp_path: Path) -> None:
    """ECMA-119 §6.5.1: a 4.5 GiB file in two records; pycdlib's rr_path reads only one."""
    first = 0xFFFFF800  # 4 GiB - 2048, the largest whole-sector extent
    second = 512 << 20
    first_lba = 32
    second_lba = first_lba + first // SECTOR
    total_sectors = second_lba + second // SECTOR + 1
    craft = IsoCraft(sectors=40)
    craft.add_dir(
        20,
        20,
        [
            record(b"BIG.BIN;1", first_lba, first, multi=True),
            record(b"BIG.BIN;1", second_lba, second),
        ],
    )
    path = tmp_path / "big.iso"
    path.write_bytes(craft.build())
    with path.open("r+b") as handle:  # sparse: only the marks below take space
        handle.truncate(total_sectors * SECTOR)
        handle.seek(first_lba * SECTOR)
        handle.write(b"HEAD")
        handle.seek(second_lba * SECTOR + second - 4)
        handle.write(b"TAIL")
    with open_image(path) as image:
        entry = image.tree(FsKind.ISO).lookup("/BIG.BIN")
        assert entry is not None
        assert entry.size == first + second
        assert len(entry.pieces) == 2
        first_piece, second_piece = entry.pieces
        assert (first_piece.offset, first_piece.length) == (first_lba * SECTOR, first)
        assert (second_piece.offset, second_piece.length) == (second_lba * SECTOR, second)
        assert image.file.read(second_piece.offset + second - 4, 4, "tail") == b"TAIL"


def test_multi_extent_file_reads_every_extent(tmp_path: Path) -> None:
    craft = IsoCraft(sectors=40)
    craft.add_dir(
        20,
        20,
        [
            record(b"M.;1", 30, SECTOR, multi=True),
            record(b"M.;1", 32, SECTOR, multi=True),
            record(b"M.;1", 35, 7),
        ],
    )
    craft.data.update({30: b"a" * SECTOR, 32: b"b" * SECTOR, 35: b"c" * 7})
    path = tmp_path / "multi.iso"
    path.write_bytes(craft.build())
    with open_image(path) as image:
        entry = image.tree(FsKind.ISO).lookup("/M")
        assert entry is not None
        data = b"".join(image.chunks(entry, "M", chunk=1000))
        assert data == b"a" * SECTOR + b"b" * SECTOR + b"c" * 7


def test_damaged_image_keeps_what_survives(tmp_path: Path) -> None:
    path = tmp_path / "full.iso"
    make_full(path)
    with open_image(path) as image:
        joliet_dir = image.tree(FsKind.JOLIET).lookup("/docs")
        assert joliet_dir is not None
        bad = joliet_dir.pieces[0].offset
    data = bytearray(path.read_bytes())
    data[bad : bad + SECTOR] = os.urandom(SECTOR)
    path.write_bytes(bytes(data))
    with open_image(path) as image:
        assert image.problems  # named, not raised
        rr = image.tree(FsKind.RR).lookup("/docs/a rather long name.txt")
        assert rr is not None
        assert rr.size == len(PAYLOAD)
