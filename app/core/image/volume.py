"""The ISO 9660 Primary Volume Descriptor, read from raw bytes (no pycdlib needed).

ECMA-119 §8.4: the PVD is the volume descriptor with type 1 in the volume descriptor set that
starts at logical sector 16 (§6.2.1, §6.7.1).  Fields used here:

- byte 0: volume descriptor type (1 = primary, §8.4.1); bytes 1-5: ``CD001`` (§8.4.2);
  byte 6: version 1 (§8.4.3);
- bytes 40-71: volume identifier, d-characters padded with spaces (§8.4.6);
- bytes 80-87: volume space size, the number of logical blocks of the volume, as a both-byte
  order 32-bit number (§8.4.8, §7.3.3);
- bytes 128-131: logical block size, both-byte order 16-bit (§8.4.12, §7.2.3).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from app.core.units import SECTOR_SIZE

PVD_LBA = 16
"""ECMA-119 §6.2.1: the system area is sectors 0-15; the descriptor set starts at 16."""
STANDARD_IDENTIFIER = b"CD001"


@dataclass(frozen=True, slots=True)
class PrimaryVolume:
    volume_id: str
    volume_space_blocks: int
    logical_block_size: int

    @property
    def size_bytes(self) -> int:
        return self.volume_space_blocks * self.logical_block_size

    @property
    def sectors(self) -> int:
        """The volume's size in 2048-byte sectors (rounded up)."""
        return -(-self.size_bytes // SECTOR_SIZE)


def parse_primary_volume(sector: bytes) -> PrimaryVolume | None:
    """The PVD in ``sector`` (2048 bytes read at LBA 16), or ``None`` if it holds none.

    A descriptor whose both-byte-order halves disagree is treated as absent: the number is
    not trustworthy enough to size an image by.
    """
    if len(sector) < SECTOR_SIZE:
        return None
    if sector[0] != 1 or sector[1:6] != STANDARD_IDENTIFIER or sector[6] != 1:
        return None
    space_le, space_be = (
        struct.unpack_from("<I", sector, 80)[0],
        struct.unpack_from(">I", sector, 84)[0],
    )
    block_le, block_be = (
        struct.unpack_from("<H", sector, 128)[0],
        struct.unpack_from(">H", sector, 130)[0],
    )
    if space_le != space_be or block_le != block_be:
        return None
    if block_le not in (512, 1024, 2048) or space_le == 0:
        return None
    volume_id = sector[40:72].decode("ascii", errors="replace").rstrip(" \0")
    return PrimaryVolume(volume_id, space_le, block_le)
