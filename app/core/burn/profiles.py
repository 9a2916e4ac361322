"""Media profiles a burn can target (MMC-6 §5.3.1, Table 91) and how each is written.

``verified_on_drive`` says which recipes have run against a real kernel drive stack (the drive
lab's tgt DVD+R, see ``tests/lab/test_burn.py``); the others are verified only against the
fake MMC drive in ``tests/fakes/mmc_drive.py``.  The UI and the docs show this honestly.
"""

from __future__ import annotations

import enum


class WriteMethod(enum.Enum):
    """The recipe family (libburn's doc/cookbook.txt names them the same way)."""

    DVD_PLUS_R = "DVD+R sequential (fragment, CLOSE TRACK, CLOSE SESSION)"
    DVD_MINUS_R = "DVD-R sequential (DAO with RESERVE TRACK, or incremental)"
    OVERWRITE = "overwritable (format when needed, WRITE anywhere)"
    BD_R = "BD-R sequential recording mode"
    CD_TAO = "CD data track at once (Write Parameters page 05h)"


_ALIGNMENT_BLOCKS = {
    WriteMethod.DVD_PLUS_R: 16,  # one 32 KiB ECC block (MMC-6 §4.3.6.2.2)
    WriteMethod.DVD_MINUS_R: 16,
    WriteMethod.OVERWRITE: 16,  # DVD-RW restricted overwrite needs 32 KiB; harmless elsewhere
    WriteMethod.BD_R: 32,  # one 64 KiB cluster
    WriteMethod.CD_TAO: 1,
}
_MIN_TRACK_BLOCKS = {WriteMethod.CD_TAO: 300}
"""A CD track holds at least 4 seconds (MMC-6 §6.3.3.1.2)."""


def padded_blocks(blocks: int, method: WriteMethod) -> int:
    """Blocks actually written for an image of ``blocks``: zero-padded to the medium's write
    unit and minimum track length."""
    blocks = max(blocks, _MIN_TRACK_BLOCKS.get(method, 0))
    unit = _ALIGNMENT_BLOCKS[method]
    return -(-blocks // unit) * unit


class MediaProfile(enum.IntEnum):
    """Profile numbers (GET CONFIGURATION current profile)."""

    NONE = 0x0000
    CD_ROM = 0x0008
    CD_R = 0x0009
    CD_RW = 0x000A
    DVD_ROM = 0x0010
    DVD_R = 0x0011
    DVD_RAM = 0x0012
    DVD_RW_OVERWRITE = 0x0013
    DVD_RW_SEQUENTIAL = 0x0014
    DVD_R_DL = 0x0015
    DVD_PLUS_RW = 0x001A
    DVD_PLUS_R = 0x001B
    DVD_PLUS_RW_DL = 0x002A
    DVD_PLUS_R_DL = 0x002B
    BD_ROM = 0x0040
    BD_R_SRM = 0x0041
    BD_R_RRM = 0x0042
    BD_RE = 0x0043

    @property
    def label(self) -> str:
        return _LABELS.get(self, f"profile 0x{int(self):04x}")

    @property
    def write_method(self) -> WriteMethod | None:
        """How this medium is written, or ``None`` for read-only profiles."""
        return _METHODS.get(self)

    @property
    def write_once(self) -> bool:
        return self in _WRITE_ONCE

    @property
    def erasable(self) -> bool:
        """Can be blanked (BLANK) or reformatted (FORMAT UNIT) for reuse."""
        return self in _ERASABLE

    @property
    def is_cd(self) -> bool:
        return self in (MediaProfile.CD_ROM, MediaProfile.CD_R, MediaProfile.CD_RW)

    @property
    def verified_on_drive(self) -> bool:
        """True when the recipe has passed the lab tests on a kernel drive stack."""
        return self in VERIFIED_ON_DRIVE

    @classmethod
    def from_code(cls, code: int) -> MediaProfile | None:
        try:
            return cls(code)
        except ValueError:
            return None


_LABELS = {
    MediaProfile.NONE: "no disc",
    MediaProfile.CD_ROM: "CD-ROM",
    MediaProfile.CD_R: "CD-R",
    MediaProfile.CD_RW: "CD-RW",
    MediaProfile.DVD_ROM: "DVD-ROM",
    MediaProfile.DVD_R: "DVD-R",
    MediaProfile.DVD_RAM: "DVD-RAM",
    MediaProfile.DVD_RW_OVERWRITE: "DVD-RW (restricted overwrite)",
    MediaProfile.DVD_RW_SEQUENTIAL: "DVD-RW (sequential)",
    MediaProfile.DVD_R_DL: "DVD-R DL",
    MediaProfile.DVD_PLUS_RW: "DVD+RW",
    MediaProfile.DVD_PLUS_R: "DVD+R",
    MediaProfile.DVD_PLUS_RW_DL: "DVD+RW DL",
    MediaProfile.DVD_PLUS_R_DL: "DVD+R DL",
    MediaProfile.BD_ROM: "BD-ROM",
    MediaProfile.BD_R_SRM: "BD-R",
    MediaProfile.BD_R_RRM: "BD-R (random recording)",
    MediaProfile.BD_RE: "BD-RE",
}

_METHODS = {
    MediaProfile.CD_R: WriteMethod.CD_TAO,
    MediaProfile.CD_RW: WriteMethod.CD_TAO,
    MediaProfile.DVD_R: WriteMethod.DVD_MINUS_R,
    MediaProfile.DVD_RW_SEQUENTIAL: WriteMethod.DVD_MINUS_R,
    MediaProfile.DVD_R_DL: WriteMethod.DVD_MINUS_R,
    MediaProfile.DVD_RAM: WriteMethod.OVERWRITE,
    MediaProfile.DVD_RW_OVERWRITE: WriteMethod.OVERWRITE,
    MediaProfile.DVD_PLUS_RW: WriteMethod.OVERWRITE,
    MediaProfile.DVD_PLUS_RW_DL: WriteMethod.OVERWRITE,
    MediaProfile.BD_RE: WriteMethod.OVERWRITE,
    MediaProfile.DVD_PLUS_R: WriteMethod.DVD_PLUS_R,
    MediaProfile.DVD_PLUS_R_DL: WriteMethod.DVD_PLUS_R,
    MediaProfile.BD_R_SRM: WriteMethod.BD_R,
}

_WRITE_ONCE = frozenset(
    {
        MediaProfile.CD_R,
        MediaProfile.DVD_R,
        MediaProfile.DVD_R_DL,
        MediaProfile.DVD_PLUS_R,
        MediaProfile.DVD_PLUS_R_DL,
        MediaProfile.BD_R_SRM,
        MediaProfile.BD_R_RRM,
    }
)
_ERASABLE = frozenset(
    {
        MediaProfile.CD_RW,
        MediaProfile.DVD_RW_OVERWRITE,
        MediaProfile.DVD_RW_SEQUENTIAL,
        MediaProfile.DVD_PLUS_RW,
        MediaProfile.DVD_PLUS_RW_DL,
        MediaProfile.BD_RE,
        MediaProfile.DVD_RAM,
    }
)

VERIFIED_ON_DRIVE = frozenset({MediaProfile.DVD_PLUS_R})
"""Profiles whose recipe passed the drive-lab tests (tgt DVD+R over the kernel's sr/sg)."""


def verification_note(profile: MediaProfile) -> str:
    """One sentence for the UI/CLI: how well this profile's recipe is tested."""
    if profile.verified_on_drive:
        return f"{profile.label}: recipe verified on a drive (the drive lab)."
    return (
        f"{profile.label}: recipe verified only against Spindle's simulated drive in tests, "
        "not yet on real hardware."
    )
