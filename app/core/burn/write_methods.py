"""How each medium profile (:class:`app.core.mmc.profiles.Profile`) is written.

``verified_on_drive`` says which recipes have run against a real kernel drive stack (the drive
lab's tgt DVD+R, see ``tests/lab/test_burn.py``); the others are verified only against the
fake MMC drive in ``tests/fakes/mmc_drive.py``.  The UI and the docs say so.
"""

from __future__ import annotations

import enum

from app.core.mmc.profiles import MediaFamily, Profile


class WriteMethod(enum.Enum):
    """The recipe family (libburn's doc/cookbook.txt names them the same way)."""

    DVD_PLUS_R = "DVD+R sequential (fragment, CLOSE TRACK, CLOSE SESSION)"
    DVD_MINUS_R = "DVD-R sequential (DAO with RESERVE TRACK, or incremental)"
    OVERWRITE = "overwritable (format when needed, WRITE anywhere)"
    BD_R = "BD-R sequential recording mode"
    CD_TAO = "CD data track at once (Write Parameters page 05h)"


_METHODS = {
    Profile.CD_R: WriteMethod.CD_TAO,
    Profile.CD_RW: WriteMethod.CD_TAO,
    Profile.DVD_R_SEQUENTIAL: WriteMethod.DVD_MINUS_R,
    Profile.DVD_RW_SEQUENTIAL: WriteMethod.DVD_MINUS_R,
    Profile.DVD_R_DL_SEQUENTIAL: WriteMethod.DVD_MINUS_R,
    Profile.DVD_RAM: WriteMethod.OVERWRITE,
    Profile.DVD_RW_RESTRICTED_OVERWRITE: WriteMethod.OVERWRITE,
    Profile.DVD_PLUS_RW: WriteMethod.OVERWRITE,
    Profile.DVD_PLUS_RW_DL: WriteMethod.OVERWRITE,
    Profile.BD_RE: WriteMethod.OVERWRITE,
    Profile.DVD_PLUS_R: WriteMethod.DVD_PLUS_R,
    Profile.DVD_PLUS_R_DL: WriteMethod.DVD_PLUS_R,
    Profile.BD_R_SRM: WriteMethod.BD_R,
}

_WRITE_ONCE = frozenset(
    {
        Profile.CD_R,
        Profile.DVD_R_SEQUENTIAL,
        Profile.DVD_R_DL_SEQUENTIAL,
        Profile.DVD_R_DL_JUMP,
        Profile.DVD_PLUS_R,
        Profile.DVD_PLUS_R_DL,
        Profile.BD_R_SRM,
        Profile.BD_R_RRM,
    }
)
_ERASABLE = frozenset(
    {
        Profile.CD_RW,
        Profile.DVD_RW_RESTRICTED_OVERWRITE,
        Profile.DVD_RW_SEQUENTIAL,
        Profile.DVD_PLUS_RW,
        Profile.DVD_PLUS_RW_DL,
        Profile.BD_RE,
        Profile.DVD_RAM,
    }
)

VERIFIED_ON_DRIVE = frozenset({Profile.DVD_PLUS_R})
"""Profiles whose recipe passed the drive-lab tests (tgt DVD+R over the kernel's sr/sg)."""

_ALIGNMENT_BLOCKS = {
    WriteMethod.DVD_PLUS_R: 16,  # one 32 KiB ECC block (MMC-6 §4.3.6.2.2)
    WriteMethod.DVD_MINUS_R: 16,
    WriteMethod.OVERWRITE: 16,  # DVD-RW restricted overwrite needs 32 KiB; harmless elsewhere
    WriteMethod.BD_R: 32,  # one 64 KiB cluster
    WriteMethod.CD_TAO: 1,
}
_MIN_TRACK_BLOCKS = {WriteMethod.CD_TAO: 300}
"""A CD track holds at least 4 seconds (MMC-6 §6.3.3.1.2)."""


def write_method(profile: Profile) -> WriteMethod | None:
    """How ``profile`` is written, or ``None`` for read-only and unsupported profiles."""
    return _METHODS.get(profile)


def write_once(profile: Profile) -> bool:
    return profile in _WRITE_ONCE


def erasable(profile: Profile) -> bool:
    """Can be blanked (BLANK) or reformatted (FORMAT UNIT) for reuse."""
    return profile in _ERASABLE


def is_cd(profile: Profile) -> bool:
    return profile.family is MediaFamily.CD


def padded_blocks(blocks: int, method: WriteMethod) -> int:
    """Blocks actually written for an image of ``blocks``: zero-padded to the medium's write
    unit and minimum track length."""
    blocks = max(blocks, _MIN_TRACK_BLOCKS.get(method, 0))
    unit = _ALIGNMENT_BLOCKS[method]
    return -(-blocks // unit) * unit


def verification_note(profile: Profile) -> str:
    """One sentence for the UI/CLI: how well this profile's recipe is tested."""
    if profile in VERIFIED_ON_DRIVE:
        return f"{profile.label}: write recipe verified on a drive (the drive lab)."
    return (
        f"{profile.label}: write recipe verified only against Spindle's simulated drive in "
        "tests, not yet on real hardware."
    )
