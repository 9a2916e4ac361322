"""Boot records of an opened image, written into the rebuilt one (see app.core.image.edit).

:func:`check_replay` runs before anything is laid out (a boot file the user removed, a
replayed system area together with Spindle's own hybrid layout); :func:`write_replay` runs
after pycdlib has written the image: GRUB2's boot info in the boot images, then the system
area with its MBR partition table re-made for the new size (the MBR layout: four 16-byte
records from byte 446 — status, CHS first, type, CHS last, first LBA, sector count — and
``55 AA`` at 510).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Sequence

from app.core.errors import InvalidInputError
from app.core.image.edit import GRUB2_PATCH_OFFSET, SYSTEM_AREA_BYTES, lba_to_chs
from app.core.image.gpt import replay_backup_bytes, replay_tables
from app.core.project.model import (
    BootReplay,
    DiscProject,
    ReplayEntry,
    ReplayGpt,
    ReplaySystemArea,
)
from app.core.units import SECTOR_SIZE

REPLAY_MEDIA = {0: "noemul", 1: "floppy", 2: "floppy", 3: "floppy", 4: "hdemul"}
"""El Torito media type → pycdlib's ``media_name``."""


def check_replay(project: DiscProject, replay: BootReplay) -> None:
    """Raise :class:`InvalidInputError` when the replayed boot records cannot be kept."""
    for entry in replay.entries:
        if entry.node_id is None:
            continue
        try:
            node = project.node(entry.node_id)
        except InvalidInputError:
            raise InvalidInputError(
                f"The boot image of the entry “{entry.label}” was removed from the project; "
                "remove that boot entry too (Boot properties), or put the file back.",
                f"node {entry.node_id} is gone",
            ) from None
        if node.size_bytes == 0:
            raise InvalidInputError(
                f"The boot image “{node.path}” is empty.", f"entry {entry.label}"
            )
    area = replay.system_area
    if area is not None and area.gpt is not None and project.filesystems.udf:
        raise InvalidInputError(
            "The image's GPT is kept and UDF is asked for: the backup GPT would take the place "
            "of UDF's last anchor (ECMA-167 3/8.4.2.1); turn UDF off or remove the kept MBR/GPT "
            "in Boot properties.",
            "replayed GPT with UDF",
        )
    if replay.system_area is not None and project.boot.hybrid:
        raise InvalidInputError(
            "The image's own MBR is kept and a new hybrid layout is asked for; choose one "
            "(remove the kept MBR in Boot properties, or turn the hybrid layout off).",
            "replayed system area with --hybrid",
        )


def replayed_size(project: DiscProject, size: int) -> int:
    """The image size once the replayed system area's alignment is applied."""
    replay = project.boot.replay
    area = replay.system_area if replay is not None else None
    if area is None:
        return size
    if area.gpt is not None:
        size += replay_backup_bytes(area.gpt)
    align = area.align_bytes
    return size + (-size % align if align else 0)


def write_replay(
    fd: int,
    project: DiscProject,
    placed: Sequence[tuple[ReplayEntry, int]],
    extent_of: Callable[[int], tuple[int, int]],
) -> None:
    """Patch the written image open at ``fd``: ``placed`` is each replayed entry with its
    boot image's new 2048-byte sector; ``extent_of(node_id)`` gives a file's new extent."""
    for entry, lba in placed:
        if entry.grub2_boot_info:
            start = lba * SECTOR_SIZE
            _pwrite_all(fd, struct.pack("<Q", lba * 4 + 5), start + GRUB2_PATCH_OFFSET)
            if entry.boot_info_table:
                _fix_boot_info_checksum(fd, start)
    replay = project.boot.replay
    area = replay.system_area if replay is not None else None
    if area is None:
        return
    written = os.fstat(fd).st_size
    size = replayed_size(project, written)
    if size != written:
        os.ftruncate(fd, size)
    first_lba = placed[0][1] if placed else None
    data = system_area_bytes(area, size // 512, first_lba, extent_of)
    if area.gpt is not None:
        data = _write_gpt(
            fd,
            area.gpt,
            data,
            disk_sectors=size // 512,
            volume_end=written // 512,
            extent_of=extent_of,
        )
    _pwrite_all(fd, data, 0)


def _write_gpt(
    fd: int,
    gpt: ReplayGpt,
    data: bytes,
    *,
    disk_sectors: int,
    volume_end: int,
    extent_of: Callable[[int], tuple[int, int]],
) -> bytes:
    """Write the backup GPT at the end of the image; return the system area with the
    primary header and entries put in."""

    def node_bounds(node_id: int) -> tuple[int, int]:
        lba2048, length = extent_of(node_id)
        return lba2048 * 4, lba2048 * 4 + -(-length // 512)

    try:
        tables = replay_tables(
            gpt, disk_sectors=disk_sectors, volume_end=volume_end, node_bounds=node_bounds
        )
    except ValueError as exc:
        raise InvalidInputError(
            "The GPT kept from the image does not fit the rebuilt image; remove the kept "
            "MBR/GPT in Boot properties.",
            str(exc),
        ) from exc
    out = bytearray(data)
    out[512:1024] = tables.primary_header
    at = gpt.entries_lba * 512
    out[at : at + len(tables.entries)] = tables.entries
    _pwrite_all(fd, tables.entries, tables.backup_entries_lba * 512)
    _pwrite_all(fd, tables.backup_header, (disk_sectors - 1) * 512)
    return bytes(out[:SYSTEM_AREA_BYTES])


def system_area_bytes(
    area: ReplaySystemArea,
    disk_sectors512: int,
    first_boot_lba2048: int | None,
    extent_of: Callable[[int], tuple[int, int]],
) -> bytes:
    """The replayed 32 KiB for an image of ``disk_sectors512`` 512-byte sectors."""
    data = bytearray(area.data[:SYSTEM_AREA_BYTES].ljust(SYSTEM_AREA_BYTES, b"\0"))
    if data[510:512] != b"\x55\xaa":
        return bytes(data)
    geometry = area.geometry
    moved = dict(area.partition_nodes)
    for slot in range(4):
        at = 446 + slot * 16
        record = data[at : at + 16]
        kind, start, old_count = record[4], *struct.unpack_from("<II", record, 8)
        if kind == 0 and old_count == 0:
            continue  # an empty record (xorriso's GPT layouts use type 0 over the image)
        if slot in moved:
            lba2048, length = extent_of(moved[slot])
            start, count = lba2048 * 4, -(-length // 512)
        elif start <= 1:
            count = disk_sectors512 - start
        else:
            data[at : at + 16] = bytes(16)  # it pointed at old data (see edit.py's notes)
            continue
        count = min(count, 0xFFFFFFFF)
        data[at : at + 16] = _record(record[0], kind, start, count, geometry)
    if first_boot_lba2048 is not None:
        for offset, constant in area.mbr_boot_offsets:
            struct.pack_into("<Q", data, offset, first_boot_lba2048 * 4 + constant)
    return bytes(data)


def _record(status: int, kind: int, start: int, count: int, geometry: tuple[int, int]) -> bytes:
    heads, sectors = geometry
    first = lba_to_chs(start, heads, sectors)
    last = lba_to_chs(start + count - 1, heads, sectors)
    return struct.pack("<B3sB3sII", status, first, kind, last, start, count)


def _fix_boot_info_checksum(fd: int, start: int) -> None:
    """The boot info table's checksum (bytes 20-23: the 32-bit little-endian sum of the
    file's words from byte 64) over the file as patched, as xorriso computes it after the
    GRUB2 patch; the file's length is the table's bytes 16-19."""
    length = struct.unpack("<I", os.pread(fd, 4, start + 16))[0]
    total = 0
    at = start + 64
    end = start + length
    while at < end:
        chunk = os.pread(fd, min(1 << 20, end - at), at)
        if not chunk:
            break
        chunk += bytes(-len(chunk) % 4)
        total += sum(struct.unpack(f"<{len(chunk) // 4}I", chunk))
        at += len(chunk)
    _pwrite_all(fd, struct.pack("<I", total & 0xFFFFFFFF), start + 20)


def _pwrite_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        count = os.pwrite(fd, view, offset)
        view, offset = view[count:], offset + count
