"""The GPT of an opened hybrid image, re-made for the rebuilt one (UEFI 2.10 §5.3.2-§5.3.3):
entries re-pointed, both header CRC32s and the array CRC32 re-made, backup at the new end."""

from __future__ import annotations

import struct
import uuid
import zlib

import pytest

from app.core.image.gpt import replay_backup_bytes, replay_tables
from app.core.project.model import GptBound, ReplayGpt, ReplayGptEntry

ESP = uuid.UUID("C12A7328-F81F-11D2-BA4B-00A0C93EC93B")


def _entry(index: int, name: str, first: GptBound, end: GptBound) -> ReplayGptEntry:
    raw = struct.pack(
        "<16s16sQQQ72s",
        ESP.bytes_le,
        uuid.uuid4().bytes_le,
        999,  # stale LBAs: re-made
        999,
        1 << 60,
        name.encode("utf-16-le").ljust(72, b"\0"),
    )
    return ReplayGptEntry(index, raw, first, end)


GPT = ReplayGpt(
    disk_guid=uuid.uuid4().bytes_le,
    first_usable=64,
    entries_lba=2,
    entry_count=248,
    entry_size=128,
    entries=(
        _entry(0, "Gap0", GptBound("lba", 64), GptBound("start", 7)),
        _entry(1, "EFI boot", GptBound("start", 7), GptBound("end", 7)),
        _entry(3, "Gap1", GptBound("end", 7), GptBound("usable", 0, 1)),
    ),
)


def _check_header(header: bytes, entries: bytes) -> tuple[int, ...]:
    size = struct.unpack_from("<I", header, 12)[0]
    crc = struct.unpack_from("<I", header, 16)[0]
    assert header[:8] == b"EFI PART"
    assert size == 92
    assert zlib.crc32(header[:16] + bytes(4) + header[20:size]) == crc
    assert struct.unpack_from("<I", header, 88)[0] == zlib.crc32(entries)
    return struct.unpack_from("<QQQQ", header, 24) + struct.unpack_from("<QII", header, 72)


def test_entries_follow_the_boot_image_and_headers_carry_their_crcs() -> None:
    tables = replay_tables(
        GPT, disk_sectors=4000, volume_end=3936, node_bounds=lambda node: (200, 3080)
    )
    assert len(tables.entries) == 248 * 128
    rows = {i: struct.unpack_from("<QQ", tables.entries, i * 128 + 32) for i in (0, 1, 2, 3)}
    last_usable = 4000 - 1 - 62 - 1
    assert rows == {0: (64, 199), 1: (200, 3079), 2: (0, 0), 3: (3080, last_usable)}
    # type, unique GUID, attributes and name kept
    assert tables.entries[128 + 48 : 128 + 56] == struct.pack("<Q", 1 << 60)
    assert tables.entries[128 + 56 : 128 + 72] == "EFI boot".encode("utf-16-le")
    mine, alternate, first, last, entries_lba, count, size = _check_header(
        tables.primary_header, tables.entries
    )
    assert (mine, alternate, first, last, entries_lba, count, size) == (
        1, 3999, 64, last_usable, 2, 248, 128
    )  # fmt: skip
    back = _check_header(tables.backup_header, tables.entries)
    assert back[:2] == (3999, 1)
    assert back[4] == tables.backup_entries_lba == 3999 - 62
    assert tables.primary_header[56:72] == GPT.disk_guid


def test_backup_space_is_whole_2048_byte_sectors() -> None:
    assert replay_backup_bytes(GPT) == 64 * 512  # 62 array sectors + header, rounded to 4
    small = ReplayGpt(b"\0" * 16, 34, 2, 128, 128, GPT.entries)
    assert replay_backup_bytes(small) == 36 * 512


def test_a_partition_that_no_longer_fits_is_refused() -> None:
    broken = ReplayGpt(
        b"\0" * 16, 64, 2, 248, 128, (_entry(0, "x", GptBound("start", 7), GptBound("lba", 10)),)
    )
    with pytest.raises(ValueError, match="GPT entry 1"):
        replay_tables(broken, disk_sectors=4000, volume_end=3936, node_bounds=lambda n: (200, 300))
