"""What is in the burner: profile, state, free space, next writable address, write support.

Read with GET CONFIGURATION (MMC-6 §6.6), READ DISC INFORMATION (§6.22), READ TRACK
INFORMATION on the last track of the last session (§6.27: the incomplete/invisible track of a
blank or appendable disc carries the NWA and the free blocks), READ FORMAT CAPACITIES (§6.24)
for overwritable media and GET PERFORMANCE type 03h (§6.8.3.4) for the offered write speeds.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from app.core.burn.drive import BurnDrive, Configuration, WriteSpeed
from app.core.burn.profiles import MediaProfile, WriteMethod
from app.core.errors import DeviceError, NoMediumError, SenseError
from app.core.mmc import write_commands as wc

_log = logging.getLogger(__name__)


class DiscState(enum.Enum):
    BLANK = "blank"
    APPENDABLE = "appendable"
    COMPLETE = "complete"
    OTHER = "other"


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
    profile: MediaProfile | None
    profile_code: int
    state: DiscState
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
    write_speeds: tuple[WriteSpeed, ...]

    @property
    def label(self) -> str:
        return self.profile.label if self.profile else f"profile 0x{self.profile_code:04x}"


def _drive_can_write(config: Configuration, method: WriteMethod) -> bool:
    for code in _WRITE_FEATURES[method]:
        if code not in config.current_features:
            continue
        body = config.feature_data.get(code, b"")
        if code in (0x002A, 0x002B, 0x003B):  # DVD+RW / DVD+R / DVD+R DL: Write bit (byte 0)
            if body and body[0] & 0x01:
                return True
            continue
        return True
    return False


def _simulation(profile: MediaProfile, config: Configuration) -> tuple[bool, str]:
    """Test write exists for CD-R/RW (page 05h Test Write, MMC-6 §7.5.4.6) and DVD-R/-RW
    (feature 002Fh TestWrite bit, §5.3.25); DVD+R/+RW, DVD-RAM and BD have none."""
    method = profile.write_method
    if method is WriteMethod.CD_TAO:
        body = config.feature_data.get(0x002D, b"")
        if body and not body[0] & 0x04:
            return False, "This drive cannot simulate writing on CDs."
        return True, ""
    if method is WriteMethod.DVD_MINUS_R:
        body = config.feature_data.get(0x002F, b"")
        if body and body[0] & 0x04:
            return True, ""
        return False, "This drive cannot simulate writing on DVD-R discs."
    return False, f"{profile.label} discs have no test-write (simulation) mode."


def read_medium(drive: BurnDrive) -> MediumStatus:
    """Ask the drive what it holds; raises NoMediumError when the tray is empty."""
    config = drive.configuration()
    profile = MediaProfile.from_code(config.current_profile)
    method = profile.write_method if profile else None
    if profile is MediaProfile.NONE:
        raise NoMediumError(f"There is no disc in {drive.path}.", "current profile 0000h")
    info = drive.disc_information()  # raises NoMediumError on 2/3A
    state = {0: DiscState.BLANK, 1: DiscState.APPENDABLE, 2: DiscState.COMPLETE}.get(
        info.disc_status, DiscState.OTHER
    )
    format_state = FormatState.NOT_APPLICABLE
    nwa = 0
    free = 0
    track_number = max(1, info.last_track_last_session)
    if method is WriteMethod.OVERWRITE and profile is not None:
        format_state, free = _overwrite_capacity(drive, profile, info.bg_format_status)
    elif method is not None and state in (DiscState.BLANK, DiscState.APPENDABLE):
        track = drive.track_information(track_number)
        nwa = track.next_writable_lba if track.nwa_valid else track.start_lba
        free = track.free_blocks
    can_write = method is not None and _drive_can_write(config, method)
    if profile is not None and method is not None:
        sim_ok, sim_reason = _simulation(profile, config)
    else:
        sim_ok, sim_reason = False, "This disc cannot be written."
    speeds = drive.write_speeds() if method is not None else ()
    return MediumStatus(
        device=drive.path,
        profile=profile,
        profile_code=config.current_profile,
        state=state,
        erasable=info.erasable or bool(profile and profile.erasable),
        format_state=format_state,
        next_writable_lba=nwa,
        free_blocks=free,
        track_number=track_number,
        drive_can_write=can_write,
        simulation_supported=sim_ok,
        simulation_reason=sim_reason,
        write_speeds=speeds,
    )


def _overwrite_capacity(
    drive: BurnDrive, profile: MediaProfile, bg_format_status: int
) -> tuple[FormatState, int]:
    """Formatted state and writable blocks of an overwritable medium (MMC-6 §6.24.3)."""
    try:
        caps = drive.format_capacities()
    except SenseError as exc:
        raise DeviceError(
            f"Spindle could not read how the {profile.label} disc is formatted.", exc.detail
        ) from exc
    offered = max((d.blocks for d in caps.formats), default=caps.current_blocks)
    if profile is MediaProfile.DVD_PLUS_RW or profile is MediaProfile.DVD_PLUS_RW_DL:
        state = {0: FormatState.UNFORMATTED, 3: FormatState.FORMATTED}.get(
            bg_format_status, FormatState.PARTLY
        )
        return state, max(offered, caps.current_blocks)
    if caps.current_type is wc.CapacityDescriptorType.FORMATTED:
        full = caps.current_blocks >= offered
        return (FormatState.FORMATTED if full else FormatState.PARTLY), max(
            caps.current_blocks, offered
        )
    return FormatState.UNFORMATTED, offered
