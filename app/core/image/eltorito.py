"""El Torito boot catalogs and MBR/GPT partition tables of hybrid images, read from bytes.

- El Torito 1.0 §2.0: the Boot Record Volume Descriptor (ECMA-119 §8.2, type 0) has the
  system identifier ``EL TORITO SPECIFICATION`` at bytes 7-38 and the boot catalog's sector at
  bytes 71-74 (little-endian).  The catalog (§2.1-§2.5) is 32-byte entries: the validation entry
  (header id 1, platform, key bytes 0x55 0xAA at 30-31, a 16-bit word sum of zero), the initial/
  default entry (boot indicator 0x88 bootable or 0, media type, load segment, system type,
  sector count in 512-byte units at 6-7, load RBA at 8-11), then section headers (0x90, 0x91 for
  the last: platform id at 1, entry count at 2-3) each followed by its section entries.
- MBR (the PC partition table): four 16-byte entries from byte 446, signature 0x55 0xAA at 510;
  entry: status, type at 4, first LBA at 8, sector count at 12.
- GPT (UEFI 2.10 §5.3): header at 512-byte LBA 1, ``EFI PART``; entries' LBA at 72, count at 80,
  entry size at 84; an entry holds the type GUID (0), unique GUID (16), first LBA (32), last LBA
  (40), attributes (48) and a UTF-16LE name (56-127).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.core.image.blocks import SECTOR, ImageFile, ParseError, u16, u32, u64

EL_TORITO_ID = b"EL TORITO SPECIFICATION"
MAX_CATALOG_SECTORS = 4
MAX_GPT_ENTRIES = 256
PLATFORMS = {0: "BIOS (x86)", 1: "PowerPC", 2: "Mac", 0xEF: "UEFI"}
MEDIA = {
    0: "no emulation",
    1: "1.2 MB floppy",
    2: "1.44 MB floppy",
    3: "2.88 MB floppy",
    4: "hard disk",
}
_MEDIA_BYTES = {1: 1_228_800, 2: 1_474_560, 3: 2_949_120}


@dataclass(frozen=True, slots=True)
class BootEntry:
    platform: str
    bootable: bool
    media: str
    load_segment: int
    load_lba: int
    sectors: int
    """Virtual 512-byte sectors the BIOS loads (El Torito §2.2 offset 6)."""
    platform_id: int = 0
    media_type: int = 0
    """The emulation (byte 1, bits 0-3): 0 none, 1-3 floppies, 4 hard disk."""
    system_type: int = 0
    raw_load_segment: int = 0
    """Byte 2-3 as recorded (0: the default 0x7C0)."""
    raw_sectors: int = 0

    @property
    def size_bytes(self) -> int:
        return self.sectors * 512


@dataclass(frozen=True, slots=True)
class BootCatalog:
    lba: int
    entries: tuple[BootEntry, ...]


@dataclass(frozen=True, slots=True)
class PartitionEntry:
    scheme: str
    """``MBR`` or ``GPT``."""
    number: int
    type_id: str
    start_byte: int
    size_bytes: int
    name: str = ""
    bootable: bool = False


def catalog_lba(boot_record: bytes) -> int | None:
    if boot_record[7 : 7 + len(EL_TORITO_ID)] != EL_TORITO_ID:
        return None
    return u32(boot_record, 71)


def _entry(raw: bytes, platform: int) -> BootEntry:
    media = raw[1] & 0x0F
    return BootEntry(
        platform=PLATFORMS.get(platform, f"platform 0x{platform:02X}"),
        bootable=raw[0] == 0x88,
        media=MEDIA.get(media, f"media 0x{media:X}"),
        load_segment=u16(raw, 2) or 0x7C0,
        load_lba=u32(raw, 8),
        sectors=(_MEDIA_BYTES[media] // 512) if media in _MEDIA_BYTES else u16(raw, 6),
        platform_id=platform,
        media_type=media,
        system_type=raw[4],
        raw_load_segment=u16(raw, 2),
        raw_sectors=u16(raw, 6),
    )


def read_catalog(image: ImageFile, lba: int) -> BootCatalog:
    """The boot catalog at sector ``lba``; :class:`ParseError` if its validation entry fails."""
    size = min(MAX_CATALOG_SECTORS * SECTOR, max(0, image.size - lba * SECTOR))
    data = image.read(lba * SECTOR, size, "the El Torito boot catalog")
    validation = data[:32]
    if len(validation) < 32 or validation[0] != 1 or validation[30:32] != b"\x55\xaa":
        raise ParseError("The El Torito boot catalog is damaged.", f"no validation entry at {lba}")
    if sum(u16(validation, i) for i in range(0, 32, 2)) & 0xFFFF:
        raise ParseError("The El Torito boot catalog is damaged.", "validation checksum")
    platform = validation[1]
    entries = [_entry(data[32:64], platform)]
    pos = 64
    while pos + 32 <= len(data) and data[pos] in (0x90, 0x91):
        header = data[pos : pos + 32]
        count = u16(header, 2)
        pos += 32
        for _ in range(count):
            if pos + 32 > len(data):
                break
            entries.append(_entry(data[pos : pos + 32], header[1]))
            pos += 32
        if header[0] == 0x91:
            break
    return BootCatalog(lba, tuple(entries))


def read_mbr(image: ImageFile) -> list[PartitionEntry]:
    if image.size < 512:
        return []
    head = image.read(0, 512, "the MBR")
    if head[510:512] != b"\x55\xaa":
        return []
    found: list[PartitionEntry] = []
    for index in range(4):
        raw = head[446 + index * 16 : 462 + index * 16]
        kind, start, count = raw[4], u32(raw, 8), u32(raw, 12)
        if kind == 0 or count == 0 or raw[0] not in (0, 0x80):
            continue
        found.append(
            PartitionEntry(
                "MBR", index + 1, f"0x{kind:02X}", start * 512, count * 512, bootable=raw[0] == 0x80
            )
        )
    return found


def read_gpt(image: ImageFile) -> list[PartitionEntry]:
    if image.size < 1024:
        return []
    header = image.read(512, 512, "the GPT header")
    if header[:8] != b"EFI PART":
        return []
    entries_lba, count, size = u64(header, 72), u32(header, 80), u32(header, 84)
    if not 128 <= size <= 4096 or count == 0:
        raise ParseError("The GPT is damaged.", f"entry size {size}, count {count}")
    count = min(count, MAX_GPT_ENTRIES)
    table = image.read_upto(entries_lba * 512, count * size, "the GPT entries")
    found: list[PartitionEntry] = []
    for index in range(len(table) // size):
        raw = table[index * size : (index + 1) * size]
        if raw[:16] == bytes(16):
            continue
        first, last = u64(raw, 32), u64(raw, 40)
        name = raw[56:128].decode("utf-16-le", "replace").rstrip("\0")
        found.append(
            PartitionEntry(
                "GPT",
                index + 1,
                str(uuid.UUID(bytes_le=raw[:16])),
                first * 512,
                max(0, last - first + 1) * 512,
                name,
            )
        )
    return found
