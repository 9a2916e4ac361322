"""Checks made before the first WRITE: refuse with a plain message, never half-burn a disc.

Pure logic over :class:`~app.core.burn.medium.MediumStatus` and the image's size, so every
refusal is unit-tested without a drive; the lab tests prove on a kernel drive that a refused
burn sends no WRITE.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.burn.medium import FormatState, MediumStatus
from app.core.burn.source import CdImage, UserData, is_cd_image, open_cd_image, refuse_losses
from app.core.burn.speeds import SpeedRequest
from app.core.burn.speeds import resolve as resolve_speed
from app.core.burn.write_methods import WriteMethod, padded_blocks, write_method
from app.core.devices.medium import MediaState
from app.core.errors import CapacityError, InvalidInputError, MediumError, NoMediumError
from app.core.mmc.disc_info import BackgroundFormat
from app.core.mmc.profiles import Profile
from app.core.units import SECTOR_SIZE, format_size


@dataclass(frozen=True, slots=True)
class ImageInfo:
    path: Path
    size_bytes: int
    cd_image: CdImage | None = None
    """Set when ``path`` is a CD image: its data track is what gets burned."""

    @property
    def blocks(self) -> int:
        return self.size_bytes // SECTOR_SIZE

    @property
    def data(self) -> UserData:
        """Where the sectors to burn are read from."""
        if self.cd_image is not None:
            return self.cd_image.data
        return UserData(self.path, self.blocks, name=self.path.name)


@dataclass(frozen=True, slots=True)
class BurnOptions:
    simulate: bool = False
    speed: SpeedRequest = field(default_factory=SpeedRequest)
    """What the user asked for (``8x``, ``11080k``, or nothing = the drive's choice)."""
    speed_kbps: int | None = None
    """The speed sent to the drive, in kB/s (k = 1000): set by :func:`check` from ``speed``
    and the speeds the drive offers for the medium."""
    verify: bool = True
    eject: bool = False
    finalize: bool = True
    """Close the disc (no further sessions): the most compatible choice for players/readers."""


@dataclass(frozen=True, slots=True)
class BurnPlan:
    """What the burn will do, decided before the first WRITE."""

    image: ImageInfo
    medium: MediumStatus
    profile: Profile
    method: WriteMethod
    start_lba: int
    track_number: int
    options: BurnOptions
    needs_format: bool


def inspect_image(
    path: Path, scratch: Path | None = None, *, accept_losses: bool = False
) -> ImageInfo:
    """The image's size, refusing what cannot be burned as 2048-byte sectors.  A CD image
    (:func:`~app.core.burn.source.is_cd_image`) gives its data track, and is refused while
    that leaves something out and ``accept_losses`` is not set; ``scratch`` is the folder
    for a CHD's extracted copy (none: such an image is refused)."""
    if is_cd_image(path) and path.is_file():
        if scratch is None:
            raise InvalidInputError(
                f"“{path.name}” is a CD image and needs a scratch folder to be read.", str(path)
            )
        cd_image = open_cd_image(path, scratch)
        if cd_image.needs_consent and not accept_losses:
            raise refuse_losses(cd_image, path)
        return ImageInfo(path, cd_image.data.size_bytes, cd_image)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InvalidInputError(f"The image “{path}” does not exist.", "no such file") from None
    except OSError as exc:
        raise InvalidInputError(f"The image “{path}” cannot be read.", str(exc)) from exc
    if not path.is_file():
        raise InvalidInputError(f"“{path}” is not an image file.", "not a regular file")
    if not os.access(path, os.R_OK):
        raise InvalidInputError(f"The image “{path}” cannot be read.", "permission denied")
    size = st.st_size
    if size == 0:
        raise InvalidInputError(f"The image “{path.name}” is empty.", "0 bytes")
    if size % SECTOR_SIZE:
        raise InvalidInputError(
            f"The image “{path.name}” is not a whole number of 2048-byte sectors, so it is not "
            "a data disc image (an ISO image always is).",
            f"{size} bytes = {size // SECTOR_SIZE} sectors + {size % SECTOR_SIZE} bytes",
        )
    return ImageInfo(path, size)


def preview_image(path: Path) -> ImageInfo:
    """:func:`inspect_image` for a page that shows the image before the burn: a CD image is
    read with its losses accepted (the caller shows ``cd_image.losses`` and asks), a CHD
    extracted into a scratch folder that is removed at once (only the size and the losses
    are kept; the burn reads the image again)."""
    with tempfile.TemporaryDirectory(prefix="spindle-preview-") as scratch:
        return inspect_image(path, Path(scratch), accept_losses=True)


def check(image: ImageInfo, medium: MediumStatus, options: BurnOptions) -> BurnPlan:
    """Decide whether ``image`` can go onto ``medium``; raise the reason if not."""
    where = medium.device
    profile = medium.profile
    if profile is None:
        raise MediumError(
            f"The disc in {where} is of a kind Spindle does not know.",
            f"current profile 0x{medium.profile_code:04x}",
        )
    if profile is Profile.NONE:
        raise NoMediumError(f"There is no disc in {where}.", "current profile 0000h")
    method = write_method(profile)
    if method is None:
        raise MediumError(
            f"The disc in {where} is a {profile.label}: it cannot be written. Insert a blank "
            "recordable disc.",
            f"profile 0x{int(profile):04x} is read-only",
        )
    if not medium.drive_can_write:
        raise MediumError(
            f"The drive {where} cannot write {profile.label} discs.",
            f"no current write feature for profile 0x{int(profile):04x}",
        )
    if medium.pow_formatted:
        # libburn ``burn_drive_get_bd_r_pow``: "Unsuitable media detected: BD-R formatted to
        # POW." (REAL-DRIVES.md #14)
        raise MediumError(
            f"The BD-R in {where} is formatted for Pseudo-OverWrite; Spindle writes BD-R only "
            "sequentially. Use a BD-R that is blank or formatted without POW.",
            "profile 0041h with feature 0038h (BD Pseudo-Overwrite) current",
        )
    erase_hint = " Erase it first (spindle erase, or Erase in the Write page)."
    needs_format = False
    if method is WriteMethod.OVERWRITE:
        # a DVD+RW whose background format was suspended (status 01b) is formatted again
        # with the Restart bit (libburn ``burn_disc_setup_dvd_plus_rw``, REAL-DRIVES.md #12)
        needs_format = medium.format_state is FormatState.UNFORMATTED or (
            medium.background_format is BackgroundFormat.STARTED_INCOMPLETE
        )
    elif medium.state is not MediaState.BLANK:
        state = {
            MediaState.APPENDABLE: "already holds data",
            MediaState.COMPLETE: "is finalized (already written and closed)",
        }.get(medium.state, "is not blank")
        hint = erase_hint if medium.erasable else " Insert a blank disc."
        raise MediumError(
            f"The {profile.label} disc in {where} {state}; Spindle burns images only onto "
            f"blank discs.{hint}",
            f"disc status {medium.state.value}",
        )
    written = padded_blocks(image.blocks, method)
    if written > medium.free_blocks:
        overflow = (written - medium.free_blocks) * SECTOR_SIZE
        raise CapacityError(
            f"The image ({format_size(image.size_bytes)}) does not fit on the {profile.label} "
            f"disc in {where} ({format_size(medium.free_blocks * SECTOR_SIZE)} free); it is "
            f"{format_size(overflow)} too big.",
            f"{written} sectors needed (image {image.blocks}), {medium.free_blocks} free",
            overflow_bytes=overflow,
        )
    if options.simulate and not medium.simulation_supported:
        raise InvalidInputError(
            f"Simulation is not possible here: {medium.simulation_reason}",
            f"profile 0x{int(profile):04x}",
        )
    start = 0 if method is WriteMethod.OVERWRITE else medium.next_writable_lba
    options = replace(
        options, speed_kbps=resolve_speed(options.speed, profile, medium.write_speeds)
    )
    return BurnPlan(
        image=image,
        medium=medium,
        profile=profile,
        method=method,
        start_lba=start,
        track_number=medium.track_number,
        options=options,
        needs_format=needs_format,
    )
