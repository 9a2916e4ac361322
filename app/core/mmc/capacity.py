"""READ CAPACITY reply (MMC-6 §6.23.2, Table 515)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.mmc.reply import be32, require


@dataclass(frozen=True, slots=True)
class Capacity:
    """``last_lba`` is the last logical block of the last session (0 on a blank disc, as the
    lab's blank DVD+R and real drives report), ``block_length`` its size in bytes."""

    last_lba: int
    block_length: int

    @property
    def sectors(self) -> int:
        return self.last_lba + 1

    @property
    def size_bytes(self) -> int:
        return self.sectors * self.block_length


def parse_capacity(data: bytes) -> Capacity:
    require(data, 8, "READ CAPACITY")
    block_length = be32(data, 4)
    # Some old drives report 2352 or 0 for data discs; MMC-6 §6.23.2 says 2048 for them.
    return Capacity(last_lba=be32(data, 0), block_length=block_length or 2048)
