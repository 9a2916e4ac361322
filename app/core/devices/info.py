"""DriveInfo: what a drive is and what it can do, read through a
:class:`~app.core.devices.drive.Drive` and summarised the way people read them
(``"writes CD-R, DVD+R"``).  What is *in* the drive is :mod:`app.core.devices.medium`.

Drives that reject GET CONFIGURATION or page 2Ah still get a DriveInfo from what they do
answer (:meth:`Drive.optional`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from app.core.mmc import cdb
from app.core.mmc.configuration import Configuration
from app.core.mmc.inquiry import parse_unit_serial_number
from app.core.mmc.mode_pages import Capabilities
from app.core.mmc.profiles import profile_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.core.devices.drive import Drive

_log = logging.getLogger(__name__)
T = TypeVar("T")


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


def read_drive_info(drive: Drive) -> DriveInfo:
    """Identify ``drive`` and what it can read and write.  Works with no medium loaded."""
    inquiry = drive.inquiry()

    def query(what: str, call: Callable[[], T]) -> T | None:
        return drive.optional(what, call, medium_needed=False)

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
