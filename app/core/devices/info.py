"""DriveInfo (what a drive is and can do) and MediaInfo (what is in it), read through a
:class:`~app.core.devices.drive.Drive` and summarised the way people read them:
``"DVD+R, blank, 4.38 GiB free"``.

How the medium is measured (MMC-6 §4.5 and libburn's ``burn_disc_get_status``):

- blank: READ DISC INFORMATION says blank; the capacity is the first track's next writable
  address plus its free blocks (READ TRACK INFORMATION), nothing used;
- appendable: used = next writable address of the incomplete track, free = its free blocks;
- complete: used = READ CAPACITY (or the TOC lead-out when that fails), nothing free;
- random-access rewritables (disc status 11b: DVD+RW, BD-RE, DVD-RAM): the whole READ
  CAPACITY is overwritable.

Drives that reject READ TRACK INFORMATION or GET CONFIGURATION (QEMU's emulated CD-ROMs
reject the first) still get a MediaInfo from what they do answer.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from app.core.errors import DeviceError, NoMediumError
from app.core.mmc import cdb
from app.core.mmc.configuration import Configuration
from app.core.mmc.disc_info import DiscInformation, DiscStatus, SessionState
from app.core.mmc.inquiry import parse_unit_serial_number
from app.core.mmc.mode_pages import Capabilities
from app.core.mmc.profiles import Profile, known_profile, profile_name
from app.core.mmc.sense import Verdict
from app.core.mmc.toc import Toc
from app.core.mmc.track_info import TrackInformation
from app.core.units import SECTOR_SIZE, format_size

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.core.devices.drive import Drive

_log = logging.getLogger(__name__)
T = TypeVar("T")


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


@dataclass(frozen=True, slots=True)
class FeatureSummary:
    code: int
    name: str
    current: bool


@dataclass(frozen=True, slots=True)
class ProfileSummary:
    code: int
    name: str
    current: bool
    writable: bool


@dataclass(frozen=True, slots=True)
class DriveInfo:
    """What a drive is and what it can do (INQUIRY, GET CONFIGURATION, page 2Ah, GET
    PERFORMANCE)."""

    path: str
    vendor: str
    model: str
    firmware: str
    serial: str = ""
    profiles: tuple[ProfileSummary, ...] = ()
    features: tuple[FeatureSummary, ...] = ()
    read_profiles: tuple[str, ...] = ()
    write_profiles: tuple[str, ...] = ()
    current_profile: int = 0
    max_read_kbps: int = 0
    max_write_kbps: int = 0
    write_speeds_kbps: tuple[int, ...] = ()
    buffer_size_bytes: int = 0
    loading_mechanism: str = ""
    can_eject: bool = True
    can_load: bool = True
    """The tray closes by command (Removable Medium feature, Load bit)."""
    can_lock: bool = False
    media_events: bool = False
    """Answers GET EVENT STATUS NOTIFICATION (media class), so media changes can be polled."""

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.vendor, self.model) if p) or self.path

    @property
    def can_write(self) -> bool:
        return bool(self.write_profiles)

    @property
    def writes_summary(self) -> str:
        """``"writes DVD+R"``, ``"read-only"``."""
        if not self.write_profiles:
            return "read-only"
        return "writes " + ", ".join(self.write_profiles)


def _optional(
    drive: Drive, what: str, call: Callable[[], T], *, medium_needed: bool = True
) -> T | None:
    """Run a query a drive may not support; None (logged at DEBUG) when it fails with a
    drive error - except no medium when ``medium_needed`` (the caller handles that)."""
    try:
        return call()
    except NoMediumError:
        if medium_needed:
            raise
        _log.debug("%s: %s needs a medium", drive.path, what)
        return None
    except DeviceError as exc:
        _log.debug("%s: %s not available: %s", drive.path, what, exc)
        return None


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
    config = _optional(drive, "GET CONFIGURATION", drive.configuration)
    profile = config.current_profile if config is not None else 0
    disc = _optional(drive, "READ DISC INFORMATION", drive.disc_information)
    capacity = _optional(drive, "READ CAPACITY", drive.read_capacity)
    block = capacity.block_length if capacity is not None else SECTOR_SIZE
    known = known_profile(profile)
    if disc is None:
        toc = _optional(drive, "READ TOC", drive.toc)
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
    state = {
        DiscStatus.BLANK: MediaState.BLANK,
        DiscStatus.APPENDABLE: MediaState.APPENDABLE,
        DiscStatus.COMPLETE: MediaState.COMPLETE,
        DiscStatus.OTHER: MediaState.REWRITABLE,
    }[disc.status]
    sessions = _complete_sessions(disc)
    tracks = _recorded_tracks(disc)
    used = free = 0
    nwa: int | None = None
    if state in (MediaState.BLANK, MediaState.APPENDABLE):
        track = _optional(
            drive,
            "READ TRACK INFORMATION",
            lambda: drive.track_information(disc.last_track_last_session),
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
        toc = _optional(drive, "READ TOC", drive.toc)
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


def read_drive_info(drive: Drive) -> DriveInfo:
    """Identify ``drive`` and what it can read and write.  Works with no medium loaded."""
    inquiry = drive.inquiry()

    def query(what: str, call: Callable[[], T]) -> T | None:
        return _optional(drive, what, call, medium_needed=False)

    config = query("GET CONFIGURATION", drive.configuration)
    caps = query("MODE SENSE 2Ah", drive.capabilities)
    serial = config.serial_number if config is not None else ""
    if not serial:
        reply = query("INQUIRY VPD 80h", lambda: drive.send(cdb.inquiry(vpd_page=0x80)))
        if reply is not None:
            serial = parse_unit_serial_number(reply.data)
    speeds = query("GET PERFORMANCE", drive.write_speeds) or ()
    events = query("GET EVENT STATUS NOTIFICATION", drive.media_event)
    profiles, features, reads, writes = _from_configuration(config, caps)
    removable = config.removable_medium if config is not None else None
    # read-only drives fill in the obsolete write speed fields of page 2Ah too (QEMU: 2816)
    page_write_kbps = caps.max_write_kbps if caps is not None and writes else 0
    page_speeds = (
        tuple(sorted({w.kbytes_per_s for w in caps.write_speeds}, reverse=True))
        if caps is not None and writes
        else ()
    )
    return DriveInfo(
        path=drive.path,
        vendor=inquiry.vendor,
        model=inquiry.product,
        firmware=inquiry.revision,
        serial=serial,
        profiles=profiles,
        features=features,
        read_profiles=reads,
        write_profiles=writes,
        current_profile=config.current_profile if config is not None else 0,
        max_read_kbps=caps.max_read_kbps if caps is not None else 0,
        max_write_kbps=max([page_write_kbps, *(s.write_kbps for s in speeds)]),
        write_speeds_kbps=tuple(sorted({s.write_kbps for s in speeds}, reverse=True))
        or page_speeds,
        buffer_size_bytes=caps.buffer_size_kib * 1024 if caps is not None else 0,
        loading_mechanism=removable.mechanism_name if removable is not None else "",
        can_eject=removable.can_eject if removable else caps.can_eject if caps else True,
        can_load=removable.can_load if removable else True,
        can_lock=removable.can_lock if removable else caps.can_lock if caps else False,
        media_events=events is not None and events.supports_media_class,
    )


def _from_configuration(
    config: Configuration | None, caps: Capabilities | None
) -> tuple[
    tuple[ProfileSummary, ...], tuple[FeatureSummary, ...], tuple[str, ...], tuple[str, ...]
]:
    if config is not None and config.profiles:
        writable = set(config.write_profiles)
        profiles = tuple(
            ProfileSummary(p.code, p.name, p.current, p.code in writable) for p in config.profiles
        )
        features = tuple(FeatureSummary(f.code, f.name, f.current) for f in config.features)
        # the Profile List is ordered newest first; show the familiar order (CD, DVD, BD)
        reads = tuple(profile_name(c) for c in sorted(config.read_profiles))
        writes = tuple(profile_name(c) for c in sorted(writable))
        return profiles, features, reads, writes
    if caps is None:
        return (), (), (), ()
    # Pre-MMC-3 drives: the capabilities page is all there is.
    reads_list = ["CD-ROM"]
    reads_list += [n for ok, n in ((caps.reads_cd_r, "CD-R"), (caps.reads_cd_rw, "CD-RW")) if ok]
    reads_list += [
        n for ok, n in ((caps.reads_dvd_rom, "DVD-ROM"), (caps.reads_dvd_r, "DVD-R")) if ok
    ]
    writes_list = [
        n
        for ok, n in (
            (caps.writes_cd_r, "CD-R"),
            (caps.writes_cd_rw, "CD-RW"),
            (caps.writes_dvd_r, "DVD-R"),
            (caps.writes_dvd_ram, "DVD-RAM"),
        )
        if ok
    ]
    return (), (), tuple(reads_list), tuple(writes_list)
