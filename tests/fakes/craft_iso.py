"""Hand-made ISO 9660 images, byte by byte (ECMA-119 §8.4, §9.1; SUSP/RRIP entries).

No tool makes hostile images on purpose, so the tests lay them out here: traversal names,
directory loops, extents past the end, overlapping extents, absurd sizes, multi-extent files.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR = 2048


def both16(value: int) -> bytes:
    return struct.pack("<H", value) + struct.pack(">H", value)


def both32(value: int) -> bytes:
    return struct.pack("<I", value & 0xFFFFFFFF) + struct.pack(">I", value & 0xFFFFFFFF)


def record(
    name: bytes,
    lba: int,
    length: int,
    *,
    directory: bool = False,
    multi: bool = False,
    su: bytes = b"",
    time7: bytes = bytes([120, 1, 2, 3, 4, 5, 0]),
) -> bytes:
    """One directory record (ECMA-119 §9.1)."""
    flags = (0x02 if directory else 0) | (0x80 if multi else 0)
    pad = b"" if len(name) % 2 else b"\0"
    body = (
        bytes([0, 0])
        + both32(lba)
        + both32(length)
        + time7
        + bytes([flags, 0, 0])
        + both16(1)
        + bytes([len(name)])
        + name
        + pad
        + su
    )
    if len(body) % 2:
        body += b"\0"
    return bytes([len(body) + 0]) + body[1:]


def sp_entry() -> bytes:
    return b"SP\x07\x01\xbe\xef\x00"


def nm(name: bytes) -> bytes:
    return b"NM" + bytes([5 + len(name), 1, 0]) + name


def px(mode: int) -> bytes:
    return b"PX" + bytes([36, 1]) + both32(mode) + both32(1) + both32(0) + both32(0)


def sl(target_parts: list[bytes]) -> bytes:
    comps = b""
    for part in target_parts:
        if part == b"/":
            comps += bytes([0x08, 0])
        elif part == b"..":
            comps += bytes([0x04, 0])
        else:
            comps += bytes([0, len(part)]) + part
    return b"SL" + bytes([5 + len(comps), 1, 0]) + comps


@dataclass
class IsoCraft:
    """An image of ``sectors`` sectors: a PVD at 16, terminator at 17, directories you add."""

    sectors: int = 64
    root_lba: int = 20
    root_length: int = SECTOR
    rock_ridge: bool = False
    directories: dict[int, list[bytes]] = field(default_factory=dict)
    data: dict[int, bytes] = field(default_factory=dict)

    def add_dir(
        self, lba: int, parent_lba: int, records: list[bytes], length: int = SECTOR
    ) -> None:
        dot_su = sp_entry() if self.rock_ridge and lba == self.root_lba else b""
        dot = record(b"\0", lba, length, directory=True, su=dot_su)
        dotdot = record(b"\1", parent_lba, SECTOR, directory=True)
        self.directories[lba] = [dot, dotdot, *records]

    def build(self) -> bytes:
        image = bytearray(self.sectors * SECTOR)
        pvd = bytearray(SECTOR)
        pvd[0:7] = b"\x01CD001\x01"
        pvd[40:72] = b"CRAFTED".ljust(32)
        pvd[80:88] = both32(self.sectors)
        pvd[120:124] = both16(1)
        pvd[124:128] = both16(1)
        pvd[128:132] = both16(SECTOR)
        root = record(b"\0", self.root_lba, self.root_length, directory=True)
        pvd[156 : 156 + len(root)] = root
        pvd[881] = 1
        image[16 * SECTOR : 17 * SECTOR] = pvd
        image[17 * SECTOR : 17 * SECTOR + 7] = b"\xffCD001\x01"
        for lba, records in self.directories.items():
            blob = bytearray()
            for rec in records:
                if (len(blob) % SECTOR) + len(rec) > SECTOR:
                    blob += bytes(SECTOR - len(blob) % SECTOR)
                blob += rec
            image[lba * SECTOR : lba * SECTOR + len(blob)] = blob
        for lba, payload in self.data.items():
            image[lba * SECTOR : lba * SECTOR + len(payload)] = payload
        return bytes(image)
