"""READ DISC INFORMATION, standard Disc Information block (MMC-6 §6.22.3.1, Table 498)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.mmc.reply import be32, require


class DiscStatus(enum.IntEnum):
    """Byte 2 bits 1-0 (Table 499)."""

    BLANK = 0
    APPENDABLE = 1
    """Incomplete: more can be written."""
    COMPLETE = 2
    """Finalized, or a read-only disc."""
    OTHER = 3
    """Random-access media (DVD+RW, BD-RE, DVD-RAM): no session structure."""


class SessionState(enum.IntEnum):
    """Byte 2 bits 3-2, State of Last Session (Table 500)."""

    EMPTY = 0
    INCOMPLETE = 1
    DAMAGED = 2
    COMPLETE = 3


class BackgroundFormat(enum.IntEnum):
    """Byte 7 bits 1-0 (Table 501): DVD+RW / BD-RE background formatting."""

    NOT_FORMATTED = 0
    STARTED_INCOMPLETE = 1
    IN_PROGRESS = 2
    COMPLETE = 3


@dataclass(frozen=True, slots=True)
class DiscInformation:
    status: DiscStatus
    last_session_state: SessionState
    erasable: bool
    first_track: int
    sessions: int
    first_track_last_session: int
    last_track_last_session: int
    disc_type: int
    """Byte 8 (Table 502): 00h CD-DA/CD-ROM, 10h CD-I, 20h CD-ROM XA, FFh undefined."""
    background_format: BackgroundFormat
    unrestricted_use: bool
    disc_id: int | None
    last_session_lead_in: int
    """LBA (or, for CD, the MSF packed as 00MMSSFF) where the next session's lead-in starts;
    FFFFFFFFh when no more sessions can be added."""
    last_possible_lead_out: int

    @property
    def blank(self) -> bool:
        return self.status is DiscStatus.BLANK

    @property
    def appendable(self) -> bool:
        return self.status is DiscStatus.APPENDABLE

    @property
    def complete(self) -> bool:
        return self.status is DiscStatus.COMPLETE


def parse_disc_information(data: bytes) -> DiscInformation:
    require(data, 24, "READ DISC INFORMATION")
    byte2 = data[2]
    byte7 = data[7]
    return DiscInformation(
        status=DiscStatus(byte2 & 0x03),
        last_session_state=SessionState(byte2 >> 2 & 0x03),
        erasable=bool(byte2 & 0x10),
        first_track=data[3],
        sessions=data[4] | (data[9] << 8),
        first_track_last_session=data[5] | (data[10] << 8),
        last_track_last_session=data[6] | (data[11] << 8),
        disc_type=data[8],
        background_format=BackgroundFormat(byte7 & 0x03),
        unrestricted_use=bool(byte7 & 0x20),
        disc_id=be32(data, 12) if byte7 & 0x80 else None,
        last_session_lead_in=be32(data, 16),
        last_possible_lead_out=be32(data, 20),
    )
