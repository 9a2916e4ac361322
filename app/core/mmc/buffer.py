"""READ BUFFER CAPACITY reply, Block=0 (MMC-6 §6.24.3, Table 517): sizes in bytes."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.mmc.reply import be32, require


@dataclass(frozen=True, slots=True)
class BufferCapacity:
    size_bytes: int
    free_bytes: int

    @property
    def fill_percent(self) -> float:
        """How full the drive's write buffer is (shown while burning)."""
        if self.size_bytes <= 0:
            return 0.0
        return 100.0 * (self.size_bytes - min(self.free_bytes, self.size_bytes)) / self.size_bytes


def parse_buffer_capacity(data: bytes) -> BufferCapacity:
    require(data, 12, "READ BUFFER CAPACITY")
    return BufferCapacity(size_bytes=be32(data, 4), free_bytes=be32(data, 8))
