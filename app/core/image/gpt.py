"""The hybrid system area: an MBR and a GUID partition table around an ISO 9660 image.

ISO 9660 leaves the first 32 KiB (sectors 0-15, ECMA-119 §6.2.1 "System Area") to the system,
so a USB stick written with the image can carry partition tables there:

- **MBR** (UEFI 2.10 §5.2.1 legacy MBR, §5.2.3 protective MBR): bytes 0-431 boot code (syslinux's
  isohdpfx.bin when BIOS boot is wanted), 432-439 the 512-byte LBA of the BIOS boot file (the
  isohybrid convention the code reads), 440-443 the disk signature, 446-509 four partition
  records, 510-511 ``55 AA``.  With a GPT the first record is the protective ``0xEE`` record
  (start LBA 1, size ``min(disk - 1, 0xFFFFFFFF)``).
- **GPT** (UEFI 2.10 §5.3): header at LBA 1, 128 entries of 128 bytes from LBA 2, a backup copy
  of the entries and of the header at the end of the disk.  Both headers carry CRC32s of
  themselves (92 bytes, CRC field zeroed) and of the entry array; ``sgdisk -v`` checks all of
  them.  The image is extended by 36 sectors of 512 bytes (a whole number of 2048-byte sectors)
  for the backup copy.

The partition is the EFI system partition (the UEFI El Torito image's extent) when there is
one, else a basic-data partition over the ISO 9660 volume.  pycdlib 1.22 writes wrong array
CRCs here (PLATFORM-NOTES), so Spindle writes this area itself after pycdlib has finished.
"""

from __future__ import annotations

import os
import struct
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from app.core.project.model import GptBound, ReplayGpt

LBA_BYTES = 512
ENTRY_COUNT = 128
ENTRY_BYTES = 128
ENTRY_ARRAY_SECTORS = ENTRY_COUNT * ENTRY_BYTES // LBA_BYTES  # 32
BACKUP_SECTORS = 36
"""Backup entries (32) + header (1), rounded up to a multiple of four 512-byte sectors."""
HEADER_BYTES = 92
EFI_SYSTEM_PARTITION = uuid.UUID("C12A7328-F81F-11D2-BA4B-00A0C93EC93B")
BASIC_DATA_PARTITION = uuid.UUID("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7")
_NAMESPACE = uuid.UUID("6f1b3c8e-5b0a-4f53-9a3e-5350494e444c")


@dataclass(frozen=True, slots=True)
class Partition:
    type_guid: uuid.UUID
    first_lba: int
    last_lba: int
    """Inclusive, in 512-byte sectors."""
    name: str


@dataclass(frozen=True, slots=True)
class HybridLayout:
    disk_sectors: int
    """512-byte sectors of the finished image (ISO + backup GPT)."""
    partitions: tuple[Partition, ...]
    disk_guid: uuid.UUID
    mbr_code: bytes
    boot_file_lba512: int
    """For the isohybrid MBR code: the BIOS boot file's position in 512-byte sectors."""


def plan_hybrid(
    iso_bytes: int,
    *,
    efi_extent: tuple[int, int] | None,
    mbr_code: bytes,
    boot_file_lba2048: int,
    seed: str,
) -> HybridLayout:
    """Lay out the hybrid tables for an ISO of ``iso_bytes``.

    ``efi_extent`` is (first 2048-byte sector, size in bytes) of the UEFI image inside the ISO.
    ``seed`` makes the GUIDs reproducible for the same image.
    """
    if iso_bytes % 2048:
        raise ValueError("ISO size is not a whole number of 2048-byte sectors")
    disk_sectors = iso_bytes // LBA_BYTES + BACKUP_SECTORS
    last_usable = disk_sectors - 1 - ENTRY_ARRAY_SECTORS - 1
    if efi_extent is not None:
        first = efi_extent[0] * 4
        last = first + -(-efi_extent[1] // LBA_BYTES) - 1
        partition = Partition(EFI_SYSTEM_PARTITION, first, last, "EFI boot")
    else:
        partition = Partition(BASIC_DATA_PARTITION, 64, iso_bytes // LBA_BYTES - 1, "ISO9660")
    if partition.first_lba < 2 + ENTRY_ARRAY_SECTORS or partition.last_lba > last_usable:
        raise ValueError(f"partition {partition} outside the usable area")
    return HybridLayout(
        disk_sectors,
        (partition,),
        uuid.uuid5(_NAMESPACE, seed),
        mbr_code.ljust(432, b"\0")[:432],
        boot_file_lba2048 * 4,
    )


def mbr_bytes(layout: HybridLayout) -> bytes:
    """The 512-byte MBR with the protective 0xEE record (UEFI §5.2.3, Table 5-3)."""
    size = min(layout.disk_sectors - 1, 0xFFFFFFFF)
    record = struct.pack("<B3sB3sII", 0x00, b"\x00\x02\x00", 0xEE, b"\xff\xff\xff", 1, size)
    signature = int.from_bytes(layout.disk_guid.bytes[:4], "little")
    return (
        layout.mbr_code
        + struct.pack("<QI", layout.boot_file_lba512, signature)
        + b"\0\0"
        + record
        + b"\0" * 48
        + b"\x55\xaa"
    )


def _entries(layout: HybridLayout) -> bytes:
    """The partition entry array (UEFI §5.3.3, Table 5-6), 128 entries."""
    out = bytearray(ENTRY_COUNT * ENTRY_BYTES)
    for index, part in enumerate(layout.partitions):
        unique = uuid.uuid5(layout.disk_guid, f"{index}:{part.name}")
        name = part.name.encode("utf-16-le")[:72].ljust(72, b"\0")
        entry = struct.pack(
            "<16s16sQQQ72s",
            part.type_guid.bytes_le,
            unique.bytes_le,
            part.first_lba,
            part.last_lba,
            0,
            name,
        )
        out[index * ENTRY_BYTES : (index + 1) * ENTRY_BYTES] = entry
    return bytes(out)


def _header(layout: HybridLayout, *, backup: bool, entries_crc: int) -> bytes:
    """A GPT header (UEFI §5.3.2, Table 5-5) padded to 512 bytes, its CRC32 filled in."""
    last = layout.disk_sectors - 1
    my_lba, alternate = (last, 1) if backup else (1, last)
    entries_lba = last - ENTRY_ARRAY_SECTORS if backup else 2
    return pack_header(
        my_lba=my_lba,
        alternate=alternate,
        first_usable=2 + ENTRY_ARRAY_SECTORS,
        last_usable=last - ENTRY_ARRAY_SECTORS - 1,
        disk_guid_le=layout.disk_guid.bytes_le,
        entries_lba=entries_lba,
        count=ENTRY_COUNT,
        size=ENTRY_BYTES,
        entries_crc=entries_crc,
    )


def pack_header(
    *,
    my_lba: int,
    alternate: int,
    first_usable: int,
    last_usable: int,
    disk_guid_le: bytes,
    entries_lba: int,
    count: int,
    size: int,
    entries_crc: int,
    revision: int = 0x00010000,
) -> bytes:
    """The 92-byte header (UEFI §5.3.2, Table 5-5) with its CRC32 (computed with the CRC
    field zeroed), padded to 512 bytes."""
    fields: list[int | bytes] = [
        b"EFI PART",
        revision,
        HEADER_BYTES,
        0,
        0,
        my_lba,
        alternate,
        first_usable,
        last_usable,
        disk_guid_le,
        entries_lba,
        count,
        size,
        entries_crc,
    ]
    fmt = "<8sIIIIQQQQ16sQIII"
    raw = struct.pack(fmt, *fields)
    fields[3] = zlib.crc32(raw)
    return struct.pack(fmt, *fields).ljust(LBA_BYTES, b"\0")


def write_hybrid(fd: int, layout: HybridLayout) -> None:
    """Write the MBR, both GPT headers and both entry arrays into the image open at ``fd``
    (extending it to ``layout.disk_sectors``).  The ISO's sectors 1-15 must be unused."""
    entries = _entries(layout)
    crc = zlib.crc32(entries)
    last = layout.disk_sectors - 1
    os.ftruncate(fd, layout.disk_sectors * LBA_BYTES)
    _pwrite_all(fd, mbr_bytes(layout), 0)
    _pwrite_all(fd, _header(layout, backup=False, entries_crc=crc), LBA_BYTES)
    _pwrite_all(fd, entries, 2 * LBA_BYTES)
    _pwrite_all(fd, entries, (last - ENTRY_ARRAY_SECTORS) * LBA_BYTES)
    _pwrite_all(fd, _header(layout, backup=True, entries_crc=crc), last * LBA_BYTES)


def _pwrite_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        count = os.pwrite(fd, view, offset)
        view, offset = view[count:], offset + count


# --- the GPT of an opened image, replayed into the rebuilt one (app.core.image.replay) ---


def replay_array_sectors(gpt: ReplayGpt) -> int:
    """512-byte sectors of the entry array (UEFI §5.3.1: at least 16,384 bytes are reserved,
    but the header says how many entries there are; the array takes what they need)."""
    return -(-gpt.entry_count * gpt.entry_size // LBA_BYTES)


def replay_backup_bytes(gpt: ReplayGpt) -> int:
    """Bytes appended to the volume for the backup entry array and header, a whole number
    of 2048-byte sectors."""
    sectors = replay_array_sectors(gpt) + 1
    return -(-sectors // 4) * 4 * LBA_BYTES


@dataclass(frozen=True, slots=True)
class ReplayedTables:
    primary_header: bytes
    """At 512-byte LBA 1."""
    entries: bytes
    """At ``gpt.entries_lba`` and at ``backup_entries_lba``."""
    backup_entries_lba: int
    backup_header: bytes
    """At the last sector of the image."""


def replay_tables(
    gpt: ReplayGpt,
    *,
    disk_sectors: int,
    volume_end: int,
    node_bounds: Callable[[int], tuple[int, int]],
) -> ReplayedTables:
    """Both GPT headers and the entry array for an image of ``disk_sectors`` 512-byte
    sectors whose ISO 9660 volume ends at sector ``volume_end``; ``node_bounds(node_id)``
    gives a file's new (first sector, sector after its end).  The backup entries lie just
    before the backup header in the last sector (UEFI §5.3.2: the backup header is at the
    last LBA, its entries before it); the last usable sector is the one before them.
    Raises ``ValueError`` when a re-pointed partition no longer fits."""
    array = replay_array_sectors(gpt)
    last = disk_sectors - 1
    backup_entries = last - array
    last_usable = backup_entries - 1
    fixed = {"volume": volume_end, "usable": last_usable, "disk": disk_sectors}

    def place(bound: GptBound) -> int:
        if bound.anchor == "lba":
            return bound.ref + bound.delta
        if bound.anchor in ("start", "end"):
            first, end = node_bounds(bound.ref)
            return (first if bound.anchor == "start" else end) + bound.delta
        return fixed[bound.anchor] + bound.delta

    table = bytearray(gpt.entry_count * gpt.entry_size)
    for entry in gpt.entries:
        first, end = place(entry.first), place(entry.end)
        if not 0 <= first < end <= disk_sectors:
            raise ValueError(f"GPT entry {entry.index + 1}: sectors {first}-{end - 1}")
        raw = bytearray(entry.raw[: gpt.entry_size])
        struct.pack_into("<QQ", raw, 32, first, end - 1)
        at = entry.index * gpt.entry_size
        table[at : at + len(raw)] = raw
    entries = bytes(table)
    crc = zlib.crc32(entries)

    def header(my_lba: int, alternate: int, entries_lba: int) -> bytes:
        return pack_header(
            my_lba=my_lba,
            alternate=alternate,
            first_usable=gpt.first_usable,
            last_usable=last_usable,
            disk_guid_le=gpt.disk_guid,
            entries_lba=entries_lba,
            count=gpt.entry_count,
            size=gpt.entry_size,
            entries_crc=crc,
            revision=gpt.revision,
        )

    primary, backup = header(1, last, gpt.entries_lba), header(last, 1, backup_entries)
    return ReplayedTables(primary, entries, backup_entries, backup)
