"""What is in a drive: the one medium reading of the drive panel, ``spindle drives``, the
Read and Write workspaces and the burn preflight, and the one state those all show.

How the medium is measured (MMC-6 §4.5 and libburn's ``burn_disc_get_status``):

- blank: READ DISC INFORMATION says blank; the capacity is the first track's next writable
  address plus its free blocks (READ TRACK INFORMATION), nothing used;
- appendable: used = next writable address of the incomplete track, free = its free blocks;
- complete: used = READ CAPACITY (or the TOC lead-out when that fails), nothing free;
- random-access rewritables (disc status 11b: DVD+RW, BD-RE, DVD-RAM): the whole READ
  CAPACITY is overwritable.

:func:`state_of` maps the disc status to :class:`MediaState` and :func:`next_track_number`
names the track a new recording goes to, for every caller.  :func:`read_media_info` is the
tolerant reading for display: drives that reject READ TRACK INFORMATION or GET CONFIGURATION
(QEMU's emulated CD-ROMs reject the first) still get a MediaInfo from what they do answer.
The burner's strict reading (:func:`app.core.burn.medium.read_medium`) uses the same state
and track rule and raises instead.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.errors import NoMediumError
from app.core.mmc.disc_info import DiscInformation, DiscStatus, SessionState
from app.core.mmc.profiles import Profile, known_profile, profile_name
from app.core.mmc.sense import Verdict
from app.core.mmc.toc import Toc
from app.core.mmc.track_info import TrackInformation
from app.core.units import SECTOR_SIZE, format_size

if TYPE_CHECKING:
    from app.core.devices.drive import Drive


class MediaState(enum.Enum):
    NONE = "no disc"
    NOT_READY = "not ready"
    BLANK = "blank"
    APPENDABLE = "appendable"
    COMPLETE = "complete"
    REWRITABLE = "rewritable"
    """Random-access rewritable media without sessions (DVD+RW, BD-RE, DVD-RAM)."""
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """The medium in a drive.  Sizes are user-data bytes (2048-byte blocks)."""

    present: bool
    state: MediaState
    profile: int = 0
    profile_name: str = "no disc"
    erasable: bool = False
    writable: bool = False
    """Spindle could write to it now (blank, appendable, or rewritable)."""
    sessions: int = 0
    tracks: int = 0
    capacity_bytes: int = 0
    used_bytes: int = 0
    free_bytes: int = 0
    next_writable_lba: int | None = None
    block_size: int = SECTOR_SIZE
    tray_open: bool | None = None

    @property
    def summary(self) -> str:
        """``"DVD+R, blank, 4.38 GiB free"``, ``"CD-ROM, complete, 3.92 MiB"``, ``"No disc"``."""
        if not self.present:
            return "No disc"
        if self.state is MediaState.NOT_READY:
            return "Disc not ready yet"
        parts = [self.profile_name if self.profile else "Unknown disc"]
        if self.state is MediaState.BLANK:
            parts += ["blank", f"{format_size(self.free_bytes)} free"]
        elif self.state is MediaState.APPENDABLE:
            parts += [
                "appendable",
                f"{format_size(self.used_bytes)} used",
                f"{format_size(self.free_bytes)} free",
            ]
        elif self.state is MediaState.COMPLETE:
            parts += ["complete", format_size(self.used_bytes)]
        elif self.state is MediaState.REWRITABLE:
            parts += ["rewritable", format_size(self.capacity_bytes)]
        return ", ".join(parts)


NO_MEDIUM = MediaInfo(present=False, state=MediaState.NONE)


_STATES = {
    DiscStatus.BLANK: MediaState.BLANK,
    DiscStatus.APPENDABLE: MediaState.APPENDABLE,
    DiscStatus.COMPLETE: MediaState.COMPLETE,
    DiscStatus.OTHER: MediaState.REWRITABLE,
}


def state_of(disc: DiscInformation) -> MediaState:
    """The medium's state from READ DISC INFORMATION's Disc Status (MMC-6 Table 498):
    status 11b ("others") is a random-access rewritable medium."""
    return _STATES[disc.status]


def next_track_number(disc: DiscInformation) -> int:
    """The track a new recording goes to: the last track of the last session, which on a
    blank or appendable disc is the empty/incomplete track (MMC-6 §6.26.2.1)."""
    return max(1, disc.last_track_last_session)


def read_media_info(drive: Drive) -> MediaInfo:
    """Measure the medium in ``drive`` (module docstring).  No medium is not an error."""
    sense = drive.test_unit_ready()
    if sense is not None and sense.asc == 0x3A:
        return MediaInfo(
            present=False,
            state=MediaState.NONE,
            tray_open=True if sense.ascq == 0x02 else (False if sense.ascq == 0x01 else None),
        )
    if sense is not None and sense.verdict is Verdict.WAIT:
        return MediaInfo(present=True, state=MediaState.NOT_READY)
    try:
        return _measure(drive)
    except NoMediumError:
        return NO_MEDIUM


def _measure(drive: Drive) -> MediaInfo:
    config = drive.optional("GET CONFIGURATION", drive.configuration)
    profile = config.current_profile if config is not None else 0
    disc = drive.optional("READ DISC INFORMATION", drive.disc_information)
    capacity = drive.optional("READ CAPACITY", drive.read_capacity)
    block = capacity.block_length if capacity is not None else SECTOR_SIZE
    known = known_profile(profile)
    if disc is None:
        toc = drive.optional("READ TOC", drive.toc)
        used = _toc_sectors(toc) if toc is not None else None
        if used is None and capacity is not None:
            used = capacity.sectors
        return MediaInfo(
            present=True,
            state=MediaState.COMPLETE if used else MediaState.UNKNOWN,
            profile=profile,
            profile_name=profile_name(profile),
            sessions=1 if used else 0,
            tracks=len(toc.tracks) if toc is not None else 0,
            capacity_bytes=(used or 0) * block,
            used_bytes=(used or 0) * block,
            block_size=block,
        )
    state = state_of(disc)
    sessions = _complete_sessions(disc)
    tracks = _recorded_tracks(disc)
    used = free = 0
    nwa: int | None = None
    if state in (MediaState.BLANK, MediaState.APPENDABLE):
        track = drive.optional(
            "READ TRACK INFORMATION",
            lambda: drive.track_information(next_track_number(disc)),
        )
        if track is not None:
            free = track.free_blocks
            nwa = track.next_writable_lba if track.next_writable_valid else None
            used = _used_before(track) if state is MediaState.APPENDABLE else 0
        elif state is MediaState.APPENDABLE and capacity is not None:
            used = capacity.sectors
    elif capacity is not None:
        used = capacity.sectors
    else:
        toc = drive.optional("READ TOC", drive.toc)
        used = _toc_sectors(toc) or 0 if toc is not None else 0
    writable = state in (MediaState.BLANK, MediaState.APPENDABLE) or (
        known is not None and known.rewritable
    )
    if state is MediaState.COMPLETE and known is not None and known in _ROM_PROFILES:
        writable = False
    return MediaInfo(
        present=True,
        state=state,
        profile=profile,
        profile_name=profile_name(profile),
        erasable=disc.erasable,
        writable=writable,
        sessions=sessions,
        tracks=tracks,
        capacity_bytes=(used + free) * block,
        used_bytes=used * block,
        free_bytes=free * block,
        next_writable_lba=nwa,
        block_size=block,
    )


_ROM_PROFILES = frozenset({Profile.CD_ROM, Profile.DVD_ROM, Profile.BD_ROM, Profile.HD_DVD_ROM})


def _used_before(track: TrackInformation) -> int:
    if track.next_writable_valid:
        return track.next_writable_lba
    return track.start_lba


def _complete_sessions(disc: DiscInformation) -> int:
    """Closed sessions: the count includes an empty or incomplete last session."""
    if disc.status is DiscStatus.BLANK:
        return 0
    if disc.last_session_state in (SessionState.EMPTY, SessionState.INCOMPLETE):
        return max(0, disc.sessions - 1)
    return disc.sessions


def _recorded_tracks(disc: DiscInformation) -> int:
    if disc.status is DiscStatus.BLANK:
        return 0
    last = disc.last_track_last_session
    if disc.status is DiscStatus.APPENDABLE:
        last -= 1  # the invisible/incomplete track is not recorded yet
    return max(0, last - disc.first_track + 1)


def _toc_sectors(toc: Toc) -> int | None:
    lead_out = toc.lead_out
    return lead_out.lba if lead_out is not None else None
