"""El Torito catalogs and MBR/GPT tables read back from images pycdlib and Spindle's own
hybrid writer (``app.core.image.gpt``) made; damaged catalogs are named problems."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pycdlib

from app.core.image import gpt
from app.core.image.reader import open_image
from app.core.image.tree import FsKind


def make_boot_iso(path: Path) -> None:
    iso = pycdlib.PyCdlib()
    iso.new(interchange_level=3, rock_ridge="1.09")
    loader = b"\xfa" * 4096
    iso.add_fp(io.BytesIO(loader), len(loader), "/BOOT.BIN;1", rr_name="boot.bin")
    iso.add_eltorito("/BOOT.BIN;1", "/BOOT.CAT;1", media_name="noemul", boot_load_size=4)
    iso.write(str(path))
    iso.close()


def test_catalog_entry_points_at_the_boot_file(tmp_path: Path) -> None:
    path = tmp_path / "boot.iso"
    make_boot_iso(path)
    with open_image(path) as image:
        assert image.boot is not None
        (entry,) = image.boot.entries
        assert (entry.platform, entry.bootable, entry.media) == ("BIOS (x86)", True, "no emulation")
        assert entry.sectors == 4
        boot = image.tree(FsKind.RR).lookup("/boot.bin")
        assert boot is not None
        assert boot.pieces[0].offset == entry.load_lba * 2048
        assert image.problems == []


def test_damaged_catalog_is_a_problem_not_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "boot.iso"
    make_boot_iso(path)
    with open_image(path) as image:
        assert image.boot is not None
        catalog = image.boot.lba * 2048
    data = bytearray(path.read_bytes())
    data[catalog + 30 : catalog + 32] = b"\0\0"  # the 0x55 0xAA key bytes
    path.write_bytes(bytes(data))
    with open_image(path) as image:
        assert image.boot is None
        assert any("El Torito" in p for p in image.problems)
        assert image.tree().lookup("/boot.bin") is not None


def test_hybrid_gpt_written_by_spindle_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "hybrid.iso"
    make_boot_iso(path)
    size = path.stat().st_size
    layout = gpt.plan_hybrid(size, efi_extent=None, mbr_code=b"", boot_file_lba2048=0, seed="t")
    fd = os.open(path, os.O_RDWR)
    try:
        os.ftruncate(fd, layout.disk_sectors * 512)
        gpt.write_hybrid(fd, layout)
    finally:
        os.close(fd)
    with open_image(path) as image:
        mbr = [p for p in image.partitions if p.scheme == "MBR"]
        table = [p for p in image.partitions if p.scheme == "GPT"]
        assert [p.type_id for p in mbr] == ["0xEE"]
        (part,) = table
        assert part.type_id == str(gpt.BASIC_DATA_PARTITION)
        assert part.name == "ISO9660"
        assert part.start_byte == 64 * 512
        assert part.size_bytes == (size // 512 - 64) * 512
