"""READ TRACK INFORMATION reply, Track Information block (MMC-6 §6.26.3, Table 573)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.mmc.reply import be32, require


@dataclass(frozen=True, slots=True)
class TrackInformation:
    track: int
    session: int
    damage: bool
    copy: bool
    track_mode: int
    """Byte 5 bits 3-0: the CONTROL nibble of a CD track (4 = data, uninterrupted)."""
    reserved: bool
    blank: bool
    packet: bool
    fixed_packet: bool
    data_mode: int
    """Byte 6 bits 3-0: 1 Mode 1, 2 Mode 2, Fh unknown."""
    next_writable_valid: bool
    last_recorded_valid: bool
    start_lba: int
    next_writable_lba: int
    free_blocks: int
    fixed_packet_size: int
    size_blocks: int
    last_recorded_lba: int
    read_compatibility_lba: int | None = None

    @property
    def end_lba(self) -> int:
        """One past the track's last block."""
        return self.start_lba + self.size_blocks


def parse_track_information(data: bytes) -> TrackInformation:
    """Parse a Track Information block; bytes 32-33 (number MSBs) when present."""
    require(data, 28, "READ TRACK INFORMATION")
    track = data[2] | (data[32] << 8 if len(data) > 32 else 0)
    session = data[3] | (data[33] << 8 if len(data) > 33 else 0)
    return TrackInformation(
        track=track,
        session=session,
        damage=bool(data[5] & 0x20),
        copy=bool(data[5] & 0x10),
        track_mode=data[5] & 0x0F,
        reserved=bool(data[6] & 0x80),
        blank=bool(data[6] & 0x40),
        packet=bool(data[6] & 0x20),
        fixed_packet=bool(data[6] & 0x10),
        data_mode=data[6] & 0x0F,
        next_writable_valid=bool(data[7] & 0x01),
        last_recorded_valid=bool(data[7] & 0x02),
        start_lba=be32(data, 8),
        next_writable_lba=be32(data, 12),
        free_blocks=be32(data, 16),
        fixed_packet_size=be32(data, 20),
        size_blocks=be32(data, 24),
        last_recorded_lba=be32(data, 28) if len(data) >= 32 else 0,
        read_compatibility_lba=be32(data, 36) if len(data) >= 40 else None,
    )
