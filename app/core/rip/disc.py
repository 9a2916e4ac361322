"""What is on the disc to rip, and how many sectors the image gets.

Three sources can give a data disc's size, and they do not always agree:

- READ CAPACITY (MMC-6 §6.23): the last LBA of the last session + 1.  On CD-R written
  track-at-once it includes the two run-out blocks that cannot be read; on formatted DVD+RW,
  DVD-RAM and BD-RE it is the whole formatted capacity, however little is written.
- READ TRACK INFORMATION / the TOC (MMC-6 §6.26, §6.25): start and size of each track.
- The ISO 9660 Primary Volume Descriptor (ECMA-119 §8.4.8): the size of the file system.

:func:`decide_image_size` picks one and says which and why (:class:`SizeDecision`).
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass

from app.core.image.volume import PrimaryVolume
from app.core.units import SECTOR_SIZE

RUNOUT_TOLERANCE_SECTORS = 2
"""Track-at-once run-out blocks a CD-R reports beyond the data (MMC-6 §4.2.3.8, "Run-out")."""


class TrackKind(enum.Enum):
    """What a track holds (Q sub-channel CONTROL field, MMC-6 Table 523: bit 2 = data)."""

    DATA = "data"
    AUDIO = "audio"


@dataclass(frozen=True, slots=True)
class TrackLayout:
    number: int
    start_lba: int
    sectors: int
    kind: TrackKind
    data_mode: int = 1
    """CD data mode (1 or 2, from READ TRACK INFORMATION's Data Mode field, MMC-6 Table 573);
    1 for DVD/BD and for audio tracks."""
    session: int = 1
    control: int = 0
    """The TOC's CONTROL nibble (MMC-6 Table 523): bit 0 pre-emphasis, bit 1 copy
    permitted, bit 2 data, bit 3 four-channel audio."""

    @property
    def end_lba(self) -> int:
        return self.start_lba + self.sectors


@dataclass(frozen=True, slots=True)
class DiscLayout:
    """The inserted disc as the drive describes it."""

    capacity_sectors: int
    """From READ CAPACITY (last LBA + 1)."""
    tracks: tuple[TrackLayout, ...] = ()
    medium: str = ""
    """The current profile's name (``DVD-ROM``, ``CD-R``) or a description of the source."""
    overwritable: bool = False
    """A rewritable medium read like a hard disk (DVD+RW, DVD-RAM, BD-RE, formatted DVD-RW):
    READ CAPACITY is the formatted size, not the written size."""
    is_cd: bool = False
    lead_out_lba: int | None = None
    """Where the TOC's lead-out starts (the end of a CD's last track)."""

    @property
    def has_audio(self) -> bool:
        return any(t.kind is TrackKind.AUDIO for t in self.tracks)

    @property
    def needs_raw_image(self) -> bool:
        """A CD with audio or several tracks: the image must be BIN/CUE, an ISO cannot hold
        it.  A DVD/BD with several tracks (a multi-session DVD±R/BD-R) is one ISO read with
        READ(10): READ CD is a CD command (MMC-6 §6.19), and each later session's file
        system covers the earlier ones (growisofs -M)."""
        return self.has_audio or (self.is_cd and len(self.tracks) > 1)

    @property
    def gaps(self) -> tuple[tuple[int, int], ...]:
        """``(lba, count)`` areas between tracks that are not on the disc: on CD between
        sessions (the lead-out, lead-in and pregap of a CD-Extra or multi-session CD, about
        11,400 sectors, MMC-6 §4.2.3.8), on DVD/BD between any two tracks (link and
        unrecorded areas).  Read, they only fail; the rip marks them "not on disc"."""
        gaps = []
        ordered = sorted(self.tracks, key=lambda t: t.start_lba)
        for before, after in itertools.pairwise(ordered):
            if after.start_lba <= before.end_lba:
                continue
            if self.is_cd and after.session == before.session:
                continue
            gaps.append((before.end_lba, after.start_lba - before.end_lba))
        return tuple(gaps)

    @property
    def end_lba(self) -> int:
        """End of the recorded area: the lead-out, else the last track's end, else the
        capacity."""
        if self.lead_out_lba is not None:
            return self.lead_out_lba
        if self.tracks:
            return max(t.end_lba for t in self.tracks)
        return self.capacity_sectors

    @property
    def data_end_lba(self) -> int | None:
        """End of the last data track per the track information, if known."""
        ends = [t.end_lba for t in self.tracks if t.kind is TrackKind.DATA]
        return max(ends) if ends else None


class SizeSource(enum.Enum):
    CAPACITY = "READ CAPACITY"
    TRACK = "the track information"
    VOLUME = "the ISO 9660 volume descriptor"
    MAP = "the map file"


@dataclass(frozen=True, slots=True)
class SizeDecision:
    sectors: int
    source: SizeSource
    reason: str
    capacity_sectors: int
    track_sectors: int | None
    volume_sectors: int | None

    @property
    def size_bytes(self) -> int:
        return self.sectors * SECTOR_SIZE

    def describe(self) -> str:
        """``"2048 sectors, by the ISO 9660 volume descriptor (...)"``."""
        return f"{self.sectors} sectors, by {self.source.value} ({self.reason})"


def decide_image_size(layout: DiscLayout, volume: PrimaryVolume | None) -> SizeDecision:
    """How many 2048-byte sectors to read from a data disc.

    The disc's own size is READ CAPACITY, lowered to the end of the last data track when the
    track information says less (lead-out and unrecorded areas are not data).  The ISO 9660
    volume size is used instead when it is smaller and the rest is known not to be data: the
    medium is overwritable (the rest is unused formatted space) or only the CD run-out blocks
    differ.  Otherwise the disc's size wins, so that data after the file system (appended
    partitions of hybrid images, a UDF bridge's tail) is kept.
    """
    capacity = layout.capacity_sectors
    track_end = layout.data_end_lba
    disc = capacity
    source = SizeSource.CAPACITY
    reason = "READ CAPACITY and the track information agree"
    if track_end is None:
        reason = "no track information"
    elif track_end < capacity:
        disc, source = track_end, SizeSource.TRACK
        reason = f"the last data track ends before READ CAPACITY's {capacity} sectors"
    elif track_end > capacity:
        reason = f"the track information claims {track_end} sectors, more than the disc holds"
    vol = volume.sectors if volume is not None else None
    if vol is None:
        return SizeDecision(
            disc, source, reason + "; no ISO 9660 volume descriptor", capacity, track_end, vol
        )
    if vol == disc:
        return SizeDecision(
            disc, source, "the ISO 9660 volume size agrees", capacity, track_end, vol
        )
    if vol > disc:
        return SizeDecision(
            disc,
            source,
            f"the ISO 9660 volume claims {vol} sectors, more than the disc holds: the image "
            "will be incomplete (a truncated or damaged disc)",
            capacity,
            track_end,
            vol,
        )
    if layout.overwritable:
        return SizeDecision(
            vol,
            SizeSource.VOLUME,
            f"{layout.medium or 'the medium'} is overwritable; the {disc - vol} sectors after "
            "the file system are unused formatted space",
            capacity,
            track_end,
            vol,
        )
    if disc - vol <= RUNOUT_TOLERANCE_SECTORS and layout.is_cd:
        return SizeDecision(
            vol,
            SizeSource.VOLUME,
            f"the {disc - vol} sectors after the file system are CD run-out blocks",
            capacity,
            track_end,
            vol,
        )
    return SizeDecision(
        disc,
        source,
        f"{disc - vol} sectors after the ISO 9660 volume ({vol} sectors) are kept: they may "
        "hold data outside the file system",
        capacity,
        track_end,
        vol,
    )
