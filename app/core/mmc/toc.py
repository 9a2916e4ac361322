"""READ TOC/PMA/ATIP replies (MMC-6 §6.25.3): format 0000b TOC (Table 523), 0001b session
information (Table 525) and 0010b full TOC (Table 527)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.mmc.reply import be16, be32_signed, require
from app.core.units import Msf, msf_to_lba

LEAD_OUT = 0xAA
"""Track number of the lead-out entry in format 0 (MMC-6 §6.25.3.2.2)."""


@dataclass(frozen=True, slots=True)
class TocEntry:
    """A track descriptor (Table 524)."""

    track: int
    adr: int
    control: int
    lba: int

    @property
    def is_lead_out(self) -> bool:
        return self.track == LEAD_OUT

    @property
    def is_data(self) -> bool:
        """CONTROL bit 2: data track (IEC 60908 / MMC-6 Table 540)."""
        return bool(self.control & 0x04)

    @property
    def copy_permitted(self) -> bool:
        return bool(self.control & 0x02)


@dataclass(frozen=True, slots=True)
class Toc:
    first_track: int
    last_track: int
    entries: tuple[TocEntry, ...]

    @property
    def tracks(self) -> tuple[TocEntry, ...]:
        return tuple(e for e in self.entries if not e.is_lead_out)

    @property
    def lead_out(self) -> TocEntry | None:
        for entry in self.entries:
            if entry.is_lead_out:
                return entry
        return None

    def track_length(self, track: int) -> int:
        """Sectors from ``track``'s start to the next entry's start (the next track or the
        lead-out)."""
        ordered = sorted(self.entries, key=lambda e: (e.lba, e.is_lead_out))
        for index, entry in enumerate(ordered):
            if entry.track == track and not entry.is_lead_out and index + 1 < len(ordered):
                return ordered[index + 1].lba - entry.lba
        raise KeyError(f"no track {track} with a following entry in the TOC")


@dataclass(frozen=True, slots=True)
class SessionInfo:
    first_session: int
    last_session: int
    first_track_last_session: int
    first_track_last_session_lba: int
    adr: int
    control: int


@dataclass(frozen=True, slots=True)
class FullTocEntry:
    """A Raw TOC descriptor (Table 528): the Q subchannel of a lead-in entry."""

    session: int
    adr: int
    control: int
    tno: int
    point: int
    msf: Msf
    pmsf: Msf

    @property
    def plba(self) -> int:
        """PMIN:PSEC:PFRAME as an LBA (for POINT 01h-63h and A2h: the start of the track or
        the lead-out)."""
        return msf_to_lba(self.pmsf)


@dataclass(frozen=True, slots=True)
class FullToc:
    first_session: int
    last_session: int
    entries: tuple[FullTocEntry, ...]

    def points(self, point: int) -> tuple[FullTocEntry, ...]:
        return tuple(e for e in self.entries if e.point == point)


def _address(data: bytes, offset: int, msf: bool) -> int:
    if msf:
        return msf_to_lba(Msf(data[offset + 1], data[offset + 2], data[offset + 3]))
    return be32_signed(data, offset)


def _end(data: bytes, what: str) -> int:
    require(data, 4, what)
    return min(len(data), 2 + be16(data, 0))


def parse_toc(data: bytes, *, msf: bool = False) -> Toc:
    """Format 0: 4-byte header then 8-byte track descriptors; addresses are LBAs unless the
    command was sent with MSF=1 (then pass ``msf=True``)."""
    end = _end(data, "READ TOC")
    entries = []
    for offset in range(4, end - 7, 8):
        entries.append(
            TocEntry(
                track=data[offset + 2],
                adr=data[offset + 1] >> 4,
                control=data[offset + 1] & 0x0F,
                lba=_address(data, offset + 4, msf),
            )
        )
    return Toc(first_track=data[2], last_track=data[3], entries=tuple(entries))


def parse_session_info(data: bytes, *, msf: bool = False) -> SessionInfo:
    """Format 1: the first track of the last complete session (its start is where a
    multisession ISO 9660 volume's descriptors are found).

    tgt's MMC emulation (the drive lab) announces 10 bytes of data but sends only 8 after
    the length field, cutting the start address short; the missing bytes read as zero."""
    end = _end(data, "READ TOC format 1")
    require(data[:end], 8, "READ TOC format 1")
    data = bytes(data[:12]).ljust(12, b"\0")
    return SessionInfo(
        first_session=data[2],
        last_session=data[3],
        first_track_last_session=data[6],
        first_track_last_session_lba=_address(data, 8, msf),
        adr=data[5] >> 4,
        control=data[5] & 0x0F,
    )


def parse_full_toc(data: bytes) -> FullToc:
    """Format 2: 11-byte descriptors, addresses always MSF."""
    end = _end(data, "READ TOC format 2")
    entries = []
    for offset in range(4, end - 10, 11):
        d = data[offset : offset + 11]
        entries.append(
            FullTocEntry(
                session=d[0],
                adr=d[1] >> 4,
                control=d[1] & 0x0F,
                tno=d[2],
                point=d[3],
                msf=Msf(d[4], d[5], d[6]),
                pmsf=Msf(d[8], d[9], d[10]),
            )
        )
    return FullToc(first_session=data[2], last_session=data[3], entries=tuple(entries))
