"""The hybrid MBR/GPT writer (checked field by field and by sgdisk when present) and the
boot image checks."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.image.boot import BootKind, check_boot_image, check_mbr_code
from app.core.image.gpt import (
    EFI_SYSTEM_PARTITION,
    LBA_BYTES,
    mbr_bytes,
    plan_hybrid,
    write_hybrid,
)


def _fat_image(path: Path, sectors: int = 2880) -> Path:
    """A minimal FAT12 boot sector (Microsoft FAT spec §3.1), enough for the checks."""
    boot = bytearray(512)
    boot[0:3] = b"\xeb\x3c\x90"
    boot[11:13] = (512).to_bytes(2, "little")
    boot[54:62] = b"FAT12   "
    boot[510:512] = b"\x55\xaa"
    path.write_bytes(bytes(boot) + b"\0" * (512 * (sectors - 1)))
    return path


def test_gpt_structures_and_crcs(tmp_path: Path) -> None:
    iso_bytes = 2048 * 1000
    image = tmp_path / "h.img"
    image.write_bytes(b"\0" * iso_bytes)
    layout = plan_hybrid(
        iso_bytes,
        efi_extent=(300, 512_000),
        mbr_code=b"\x33" * 432,
        boot_file_lba2048=200,
        seed="t",
    )
    with image.open("r+b") as stream:
        write_hybrid(stream.fileno(), layout)
    data = image.read_bytes()
    assert len(data) == layout.disk_sectors * LBA_BYTES
    assert len(data) % 2048 == 0
    mbr = data[:512]
    assert mbr[:432] == b"\x33" * 432
    assert struct.unpack_from("<Q", mbr, 432)[0] == 800
    assert mbr[510:] == b"\x55\xaa"
    assert mbr[446 + 4] == 0xEE
    assert struct.unpack_from("<II", mbr, 446 + 8) == (1, layout.disk_sectors - 1)
    for header_lba in (1, layout.disk_sectors - 1):
        header = data[header_lba * 512 : header_lba * 512 + 92]
        assert header[:8] == b"EFI PART"
        crc = struct.unpack_from("<I", header, 16)[0]
        assert zlib.crc32(header[:16] + b"\0\0\0\0" + header[20:92]) == crc
        my_lba, _alt, _first, _last = struct.unpack_from("<QQQQ", header, 24)
        assert my_lba == header_lba
        entries_lba, count, size, array_crc = struct.unpack_from("<QIII", header, 72)
        entries = data[entries_lba * 512 : entries_lba * 512 + count * size]
        assert zlib.crc32(entries) == array_crc
        first, last = struct.unpack_from("<QQ", entries, 32)
        assert (first, last) == (1200, 1200 + 1000 - 1)
        assert entries[:16] == EFI_SYSTEM_PARTITION.bytes_le
    assert mbr_bytes(layout) == mbr


@pytest.mark.skipif(shutil.which("sgdisk") is None, reason="gdisk not installed")
def test_sgdisk_accepts_the_tables(tmp_path: Path) -> None:
    image = tmp_path / "h.img"
    image.write_bytes(b"\0" * 2048 * 400)
    layout = plan_hybrid(2048 * 400, efi_extent=None, mbr_code=b"", boot_file_lba2048=0, seed="x")
    with image.open("r+b") as stream:
        write_hybrid(stream.fileno(), layout)
    out = subprocess.run(["sgdisk", "-v", str(image)], capture_output=True, text=True, check=False)
    assert "No problems found" in out.stdout, out.stdout


def test_boot_image_checks(tmp_path: Path) -> None:
    fat = _fat_image(tmp_path / "efi.img")
    assert check_boot_image(fat, BootKind.EFI).load_sectors == 2880
    with pytest.raises(InvalidInputError, match="FAT file system image"):
        check_boot_image(fat, BootKind.BIOS)
    loader = tmp_path / "loader.bin"
    loader.write_bytes(b"\xfa" * 0x40 + b"\xfb\xc0\x78\x70" + b"\0" * 3000)
    bios = check_boot_image(loader, BootKind.BIOS)
    assert bios.isolinux_hybrid
    assert bios.load_sectors == 4
    with pytest.raises(InvalidInputError, match="not a FAT file system"):
        check_boot_image(_odd(tmp_path), BootKind.EFI)
    tiny = tmp_path / "tiny.bin"
    tiny.write_bytes(b"\0" * 10)
    with pytest.raises(InvalidInputError, match="too small"):
        check_boot_image(tiny, BootKind.BIOS)
    odd = tmp_path / "odd.img"
    odd.write_bytes(b"\0" * 1000)
    with pytest.raises(InvalidInputError, match="512-byte sectors"):
        check_boot_image(odd, BootKind.EFI)
    iso = tmp_path / "whole.iso"
    iso.write_bytes(b"\0" * 32768 + b"\x01CD001" + b"\0" * 2041)
    with pytest.raises(InvalidInputError, match="whole ISO image"):
        check_boot_image(iso, BootKind.EFI)
    with pytest.raises(InvalidInputError, match="does not exist"):
        check_boot_image(tmp_path / "missing.img", BootKind.BIOS)
    with pytest.raises(InvalidInputError, match="isohybrid MBR code"):
        check_mbr_code(loader)


def _odd(tmp_path: Path) -> Path:
    path = tmp_path / "notfat.img"
    path.write_bytes(b"\x01" * 4096)
    return path
