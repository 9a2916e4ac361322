"""What is in the burner: profile, state, free space, next writable address, write support.

The strict reading for the burn preflight: it shares the state and the track rule with the
drive panel's reading (:mod:`app.core.devices.medium`) and raises where that one tolerates a
drive that does not answer.

Read with GET CONFIGURATION (MMC-6 §6.6), READ DISC INFORMATION (§6.22), READ TRACK
INFORMATION on the last track of the last session (§6.27: the incomplete/invisible track of a
blank or appendable disc carries the NWA and the free blocks), READ FORMAT CAPACITIES (§6.24)
for overwritable media and GET PERFORMANCE type 03h (§6.8.3.4) for the offered write speeds.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from app.core.burn.drive import BurnDrive
from app.core.burn.write_methods import WriteMethod, erasable, write_method
from app.core.devices.medium import MediaState, next_track_number, state_of
from app.core.errors import DeviceError, NoMediumError, SenseError
from app.core.mmc import cdb
from app.core.mmc import write_commands as wc
from app.core.mmc.configuration import Configuration
from app.core.mmc.disc_info import BackgroundFormat
from app.core.mmc.performance import WriteSpeedDescriptor
from app.core.mmc.profiles import Profile, known_profile

_log = logging.getLogger(__name__)

SPIN_UP_WAIT_S = 60.0
"""How long a disc may take to spin up after the tray closed."""


class FormatState(enum.Enum):
    NOT_APPLICABLE = "n/a"
    UNFORMATTED = "unformatted"
    PARTLY = "partly formatted"
    FORMATTED = "formatted"


_WRITE_FEATURES = {
    WriteMethod.DVD_PLUS_R: (0x002B, 0x003B),
    WriteMethod.DVD_MINUS_R: (0x002F, 0x0021),
    WriteMethod.OVERWRITE: (0x002A, 0x0026, 0x0020, 0x0041),
    WriteMethod.BD_R: (0x0041,),
    WriteMethod.CD_TAO: (0x002D, 0x002E),
}
"""Feature codes (MMC-6 §5.3) of which at least one must be current to write the method."""


@dataclass(frozen=True, slots=True)
class MediumStatus:
    """The facts preflight decides on; also what the UI shows before a burn."""

    device: str
    profile: Profile | None
    profile_code: int
    state: MediaState
    erasable: bool
    format_state: FormatState
    next_writable_lba: int
    free_blocks: int
    """Blocks a new track may hold (sequential) or the writable size (overwritable)."""
    track_number: int
    """The logical track a new track will get (sequential media)."""
    drive_can_write: bool
    simulation_supported: bool
    simulation_reason: str
    write_speeds: tuple[WriteSpeedDescriptor, ...]
    incremental_supported: bool = True
    """DVD-R/-RW: Feature 0021h (Incremental Streaming Writable) is current.  Drives drop it
    after a minimal blank of a DVD-RW (libburn ``doc/cookbook.txt``), so only DAO works."""
    background_format: BackgroundFormat = BackgroundFormat.NOT_FORMATTED
    """DVD+RW: READ DISC INFORMATION's BG Format Status (MMC-6 Table 506)."""
    pow_formatted: bool = False
    """BD-R formatted for Pseudo-OverWrite (profile 0041h with Feature 0038h current)."""
    burn_free: bool = True
    """CD: the drive has BURN-Free (BUF bit, byte 4 bit 6 of Feature 002Dh CD TAO)."""

    @property
    def label(self) -> str:
        return self.profile.label if self.profile else f"profile 0x{self.profile_code:04x}"


def _feature_body(config: Configuration, code: int) -> bytes | None:
    """The data of feature ``code`` when it is current, else ``None``."""
    feature = config.feature(code)
    if feature is None or not feature.current:
        return None
    return feature.data


def _drive_can_write(config: Configuration, method: WriteMethod) -> bool:
    for code in _WRITE_FEATURES[method]:
        body = _feature_body(config, code)
        if body is None:
            continue
        if code in (0x002A, 0x002B, 0x003B):  # DVD+RW / DVD+R / DVD+R DL: Write bit (byte 0)
            if body and body[0] & 0x01:
                return True
            continue
        return True
    return False


def _simulation(profile: Profile, config: Configuration) -> tuple[bool, str]:
    """Test write exists for CD-R/RW (page 05h Test Write, MMC-6 §7.5.4.6) and DVD-R/-RW
    (feature 002Fh TestWrite bit, §5.3.25); DVD+R/+RW, DVD-RAM and BD have none."""
    method = write_method(profile)
    if method is WriteMethod.CD_TAO:
        body = _feature_body(config, 0x002D)
        if body and not body[0] & 0x04:
            return False, "This drive cannot simulate writing on CDs."
        return True, ""
    if method is WriteMethod.DVD_MINUS_R:
        body = _feature_body(config, 0x002F)
        if body and body[0] & 0x04:
            return True, ""
        return False, "This drive cannot simulate writing on DVD-R discs."
    return False, f"{profile.label} discs have no test-write (simulation) mode."


def read_medium(drive: BurnDrive) -> MediumStatus:
    """Ask the drive what it holds; raises NoMediumError when the tray is empty."""
    config = drive.configuration()
    if config.current_profile == Profile.NONE:
        # a drive still spinning up reports profile 0000h (and NOT READY 2/04/01): wait for
        # it as libburn does; an empty tray raises NoMediumError here (REAL-DRIVES.md #9)
        drive.send(cdb.test_unit_ready(), wait_s=SPIN_UP_WAIT_S)
        config = drive.configuration()
    profile = known_profile(config.current_profile)
    method = write_method(profile) if profile else None
    if profile is Profile.NONE:
        drive.disc_information()  # NoMediumError (2/3A) names the empty tray
        raise NoMediumError(f"There is no disc in {drive.path}.", "current profile 0000h")
    info = drive.disc_information()
    state = state_of(info)
    format_state = FormatState.NOT_APPLICABLE
    nwa = 0
    free = 0
    track_number = next_track_number(info)
    if method is WriteMethod.OVERWRITE and profile is not None:
        format_state, free = _overwrite_capacity(drive, profile, info.background_format)
    elif method is not None and state in (MediaState.BLANK, MediaState.APPENDABLE):
        track = drive.track_information(track_number)
        nwa = track.next_writable_lba if track.next_writable_valid else track.start_lba
        free = track.free_blocks
    can_write = method is not None and _drive_can_write(config, method)
    if profile is not None and method is not None:
        sim_ok, sim_reason = _simulation(profile, config)
    else:
        sim_ok, sim_reason = False, "This disc cannot be written."
    speeds = drive.write_speeds() if method is not None else ()
    incremental = _feature_body(config, 0x0021) is not None
    pow_formatted = profile is Profile.BD_R_SRM and _feature_body(config, 0x0038) is not None
    tao = _feature_body(config, 0x002D)
    burn_free = method is not WriteMethod.CD_TAO or bool(tao and tao[0] & 0x40)
    return MediumStatus(
        device=drive.path,
        profile=profile,
        profile_code=config.current_profile,
        state=state,
        erasable=info.erasable or bool(profile and erasable(profile)),
        format_state=format_state,
        next_writable_lba=nwa,
        free_blocks=free,
        track_number=track_number,
        drive_can_write=can_write,
        simulation_supported=sim_ok,
        simulation_reason=sim_reason,
        write_speeds=speeds,
        incremental_supported=incremental,
        background_format=info.background_format,
        pow_formatted=pow_formatted,
        burn_free=burn_free,
    )


def _overwrite_capacity(
    drive: BurnDrive, profile: Profile, background: BackgroundFormat
) -> tuple[FormatState, int]:
    """Formatted state and writable blocks of an overwritable medium (MMC-6 §6.24.3)."""
    try:
        caps = drive.format_capacities()
    except SenseError as exc:
        raise DeviceError(
            f"Spindle could not read how the {profile.label} disc is formatted.", exc.detail
        ) from exc
    offered = max((d.blocks for d in caps.formats), default=caps.current_blocks)
    if profile in (Profile.DVD_PLUS_RW, Profile.DVD_PLUS_RW_DL):
        state = {
            BackgroundFormat.NOT_FORMATTED: FormatState.UNFORMATTED,
            BackgroundFormat.COMPLETE: FormatState.FORMATTED,
        }.get(background, FormatState.PARTLY)
        return state, max(offered, caps.current_blocks)
    if caps.current_type is wc.CapacityDescriptorType.FORMATTED:
        full = caps.current_blocks >= offered
        state = FormatState.FORMATTED if full else FormatState.PARTLY
        if profile is Profile.DVD_RW_RESTRICTED_OVERWRITE:
            # a quick-formatted DVD-RW takes writes only inside its formatted part, unless
            # the drive offers Quick Grow (format type 13h), which the burn then does
            # (growisofs ``minus_rw_quickgrow``, REAL-DRIVES.md #13): the free space is
            # what Quick Grow reaches, else the formatted part
            grow = max((d.blocks for d in caps.offered(wc.FormatType.DVD_RW_QUICK_GROW)), default=0)
            return state, max(caps.current_blocks, grow)
        return state, max(caps.current_blocks, offered)
    return FormatState.UNFORMATTED, offered
