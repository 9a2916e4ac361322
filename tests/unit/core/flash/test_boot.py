"""Bootability detection on hand-made image heads: each case is built byte by byte from the
structures the verdict depends on (MBR, GPT header, ISO 9660 PVD, El Torito boot record and
catalog, UDF volume recognition sequence).  tests/interop/test_flash_boot.py checks real
images from xorriso and mkudffs."""

from __future__ import annotations

import struct

import pytest

from app.core.flash.boot import BootVerdict, detect, parse_boot_catalog

SECTOR = 2048


def pvd(volume_id: str = "LINUX") -> bytes:
    s = bytearray(SECTOR)
    s[0:7] = b"\x01CD001\x01"
    s[40:72] = volume_id.encode().ljust(32)
    s[80:88] = struct.pack("<I", 1000) + struct.pack(">I", 1000)
    s[128:132] = struct.pack("<H", 2048) + struct.pack(">H", 2048)
    return bytes(s)


def boot_record(catalog_lba: int = 30) -> bytes:
    s = bytearray(SECTOR)
    s[0:7] = b"\x00CD001\x01"
    s[7:30] = b"EL TORITO SPECIFICATION"
    s[71:75] = struct.pack("<I", catalog_lba)
    return bytes(s)


def terminator() -> bytes:
    return b"\xffCD001\x01".ljust(SECTOR, b"\0")


def vrs(ident: bytes) -> bytes:
    return (b"\x00" + ident + b"\x01").ljust(SECTOR, b"\0")


def catalog(*platforms: int) -> bytes:
    """Validation entry for the first platform, the default entry, then one section each."""
    c = bytearray(SECTOR)
    c[0], c[1] = 1, platforms[0]
    c[30:32] = b"\x55\xaa"
    c[32] = 0x88
    offset = 64
    for i, platform in enumerate(platforms[1:]):
        last = i == len(platforms) - 2
        c[offset] = 0x91 if last else 0x90
        c[offset + 1] = platform
        c[offset + 2 : offset + 4] = struct.pack("<H", 1)
        c[offset + 32] = 0x88
        offset += 64
    return bytes(c)


def mbr(*types: int) -> bytes:
    s = bytearray(512)
    for i, ptype in enumerate(types):
        entry = 446 + 16 * i
        s[entry + 4] = ptype
        s[entry + 8 : entry + 16] = struct.pack("<II", 64, 1000)
    s[510:512] = b"\x55\xaa"
    return bytes(s)


def head(*, sector0: bytes = b"", gpt: bool = False, descriptors: tuple[bytes, ...] = ()) -> bytes:
    data = bytearray(48 * SECTOR)
    data[: len(sector0)] = sector0
    if gpt:
        data[512:520] = b"EFI PART"
    for i, d in enumerate(descriptors):
        data[(16 + i) * SECTOR : (17 + i) * SECTOR] = d
    return bytes(data)


def test_isohybrid_with_mbr_and_gpt_boots_from_usb_bios_and_uefi() -> None:
    info = detect(
        head(sector0=mbr(0x17, 0xEF), gpt=True, descriptors=(pvd(), boot_record(), terminator())),
        catalog(0x00, 0xEF),
    )
    assert info.verdict is BootVerdict.USB_BOOTABLE
    assert info.el_torito == ("BIOS", "UEFI")
    assert info.usb_firmware == ("BIOS", "UEFI")
    assert "will boot" in info.sentence()


def test_el_torito_only_boots_from_a_disc_only() -> None:
    info = detect(head(descriptors=(pvd(), boot_record(), terminator())), catalog(0x00))
    assert info.verdict is BootVerdict.DISC_ONLY
    assert "will NOT boot" in info.sentence()
    assert "CD or DVD" in info.sentence()


def test_windows_installer_with_udf_bridge_is_named() -> None:
    descriptors = (
        pvd("CCCOMA_X64FRE_EN-US_DV9"),
        boot_record(),
        terminator(),
        vrs(b"BEA01"),
        vrs(b"NSR02"),
        vrs(b"TEA01"),
    )
    info = detect(head(descriptors=descriptors), catalog(0x00, 0xEF))
    assert info.verdict is BootVerdict.WINDOWS_UDF
    assert info.udf
    assert "Windows" in info.sentence()
    assert "NOT boot" in info.sentence()


def test_udf_only_image_is_a_windows_style_installer() -> None:
    info = detect(head(descriptors=(vrs(b"BEA01"), vrs(b"NSR03"), vrs(b"TEA01"))))
    assert (info.verdict, info.iso9660, info.udf) == (BootVerdict.WINDOWS_UDF, False, True)


def test_disk_image_with_partition_table() -> None:
    info = detect(head(sector0=mbr(0x83)))
    assert info.verdict is BootVerdict.DISK_IMAGE
    assert info.usb_firmware == ("BIOS",)


@pytest.mark.parametrize("data", [bytes(48 * SECTOR), head(descriptors=(pvd(), terminator()))])
def test_plain_data_does_not_boot(data: bytes) -> None:
    info = detect(data)
    assert info.verdict is BootVerdict.NOT_BOOTABLE
    assert "will not boot" in info.sentence()


def test_catalog_without_a_bootable_entry_names_no_platform() -> None:
    c = bytearray(catalog(0x00))
    c[32] = 0x00  # not bootable
    assert parse_boot_catalog(bytes(c)) == ()
    assert parse_boot_catalog(bytes(SECTOR)) == ()
