"""MMC profiles (MMC-6 §5.3.1, Table 89) and feature codes (MMC-6 §5.3, Table 87).

A profile names what kind of medium (or drive personality) is current; the drive lists every
profile it supports in the Profile List feature of GET CONFIGURATION.
"""

from __future__ import annotations

import enum


class MediaFamily(enum.Enum):
    CD = "CD"
    DVD = "DVD"
    BD = "BD"
    HD_DVD = "HD DVD"
    OTHER = "other"


class Profile(enum.IntEnum):
    """Known profile numbers.  Use :func:`profile_name` for numbers that may be unknown."""

    NONE = 0x0000
    NON_REMOVABLE_DISK = 0x0001
    REMOVABLE_DISK = 0x0002
    MO_ERASABLE = 0x0003
    OPTICAL_WRITE_ONCE = 0x0004
    AS_MO = 0x0005
    CD_ROM = 0x0008
    CD_R = 0x0009
    CD_RW = 0x000A
    DVD_ROM = 0x0010
    DVD_R_SEQUENTIAL = 0x0011
    DVD_RAM = 0x0012
    DVD_RW_RESTRICTED_OVERWRITE = 0x0013
    DVD_RW_SEQUENTIAL = 0x0014
    DVD_R_DL_SEQUENTIAL = 0x0015
    DVD_R_DL_JUMP = 0x0016
    DVD_RW_DL = 0x0017
    DVD_DOWNLOAD = 0x0018
    DVD_PLUS_RW = 0x001A
    DVD_PLUS_R = 0x001B
    DDCD_ROM = 0x0020
    DDCD_R = 0x0021
    DDCD_RW = 0x0022
    DVD_PLUS_RW_DL = 0x002A
    DVD_PLUS_R_DL = 0x002B
    BD_ROM = 0x0040
    BD_R_SRM = 0x0041
    BD_R_RRM = 0x0042
    BD_RE = 0x0043
    HD_DVD_ROM = 0x0050
    HD_DVD_R = 0x0051
    HD_DVD_RAM = 0x0052
    HD_DVD_RW = 0x0053
    HD_DVD_R_DL = 0x0058
    HD_DVD_RW_DL = 0x005A
    NON_CONFORMING = 0xFFFF

    @property
    def label(self) -> str:
        """The name people know (``"DVD+R"``, ``"BD-RE"``)."""
        return _LABELS[self]

    @property
    def family(self) -> MediaFamily:
        code = int(self)
        if 0x08 <= code <= 0x0A:
            return MediaFamily.CD
        if 0x10 <= code <= 0x2B:
            return MediaFamily.DVD
        if 0x40 <= code <= 0x43:
            return MediaFamily.BD
        if 0x50 <= code <= 0x5A:
            return MediaFamily.HD_DVD
        return MediaFamily.OTHER

    @property
    def writable(self) -> bool:
        """Recordable or rewritable media (not -ROM, not the pseudo profiles)."""
        return self in _WRITABLE

    @property
    def rewritable(self) -> bool:
        return self in _REWRITABLE


_LABELS: dict[Profile, str] = {
    Profile.NONE: "no disc",
    Profile.NON_REMOVABLE_DISK: "non-removable disk",
    Profile.REMOVABLE_DISK: "removable disk",
    Profile.MO_ERASABLE: "MO (erasable)",
    Profile.OPTICAL_WRITE_ONCE: "optical write-once",
    Profile.AS_MO: "AS-MO",
    Profile.CD_ROM: "CD-ROM",
    Profile.CD_R: "CD-R",
    Profile.CD_RW: "CD-RW",
    Profile.DVD_ROM: "DVD-ROM",
    Profile.DVD_R_SEQUENTIAL: "DVD-R",
    Profile.DVD_RAM: "DVD-RAM",
    Profile.DVD_RW_RESTRICTED_OVERWRITE: "DVD-RW (restricted overwrite)",
    Profile.DVD_RW_SEQUENTIAL: "DVD-RW",
    Profile.DVD_R_DL_SEQUENTIAL: "DVD-R DL",
    Profile.DVD_R_DL_JUMP: "DVD-R DL (layer jump)",
    Profile.DVD_RW_DL: "DVD-RW DL",
    Profile.DVD_DOWNLOAD: "DVD-Download",
    Profile.DVD_PLUS_RW: "DVD+RW",
    Profile.DVD_PLUS_R: "DVD+R",
    Profile.DDCD_ROM: "DDCD-ROM",
    Profile.DDCD_R: "DDCD-R",
    Profile.DDCD_RW: "DDCD-RW",
    Profile.DVD_PLUS_RW_DL: "DVD+RW DL",
    Profile.DVD_PLUS_R_DL: "DVD+R DL",
    Profile.BD_ROM: "BD-ROM",
    Profile.BD_R_SRM: "BD-R",
    Profile.BD_R_RRM: "BD-R (random recording)",
    Profile.BD_RE: "BD-RE",
    Profile.HD_DVD_ROM: "HD DVD-ROM",
    Profile.HD_DVD_R: "HD DVD-R",
    Profile.HD_DVD_RAM: "HD DVD-RAM",
    Profile.HD_DVD_RW: "HD DVD-RW",
    Profile.HD_DVD_R_DL: "HD DVD-R DL",
    Profile.HD_DVD_RW_DL: "HD DVD-RW DL",
    Profile.NON_CONFORMING: "non-conforming",
}

_REWRITABLE = frozenset(
    {
        Profile.CD_RW,
        Profile.DVD_RAM,
        Profile.DVD_RW_RESTRICTED_OVERWRITE,
        Profile.DVD_RW_SEQUENTIAL,
        Profile.DVD_RW_DL,
        Profile.DVD_PLUS_RW,
        Profile.DVD_PLUS_RW_DL,
        Profile.DDCD_RW,
        Profile.BD_RE,
        Profile.HD_DVD_RAM,
        Profile.HD_DVD_RW,
        Profile.HD_DVD_RW_DL,
    }
)
_WRITABLE = _REWRITABLE | {
    Profile.CD_R,
    Profile.DVD_R_SEQUENTIAL,
    Profile.DVD_R_DL_SEQUENTIAL,
    Profile.DVD_R_DL_JUMP,
    Profile.DVD_PLUS_R,
    Profile.DVD_PLUS_R_DL,
    Profile.DDCD_R,
    Profile.BD_R_SRM,
    Profile.BD_R_RRM,
    Profile.HD_DVD_R,
    Profile.HD_DVD_R_DL,
}


def known_profile(code: int) -> Profile | None:
    try:
        return Profile(code)
    except ValueError:
        return None


def profile_name(code: int) -> str:
    """``"DVD+R"`` for 0x001B; ``"profile 0x1234"`` for numbers the spec does not define."""
    profile = known_profile(code)
    return profile.label if profile is not None else f"profile 0x{code:04X}"


class FeatureCode(enum.IntEnum):
    """Feature numbers (MMC-6 Table 87)."""

    PROFILE_LIST = 0x0000
    CORE = 0x0001
    MORPHING = 0x0002
    REMOVABLE_MEDIUM = 0x0003
    WRITE_PROTECT = 0x0004
    RANDOM_READABLE = 0x0010
    MULTI_READ = 0x001D
    CD_READ = 0x001E
    DVD_READ = 0x001F
    RANDOM_WRITABLE = 0x0020
    INCREMENTAL_STREAMING_WRITABLE = 0x0021
    SECTOR_ERASABLE = 0x0022
    FORMATTABLE = 0x0023
    HARDWARE_DEFECT_MANAGEMENT = 0x0024
    WRITE_ONCE = 0x0025
    RESTRICTED_OVERWRITE = 0x0026
    CD_RW_CAV_WRITE = 0x0027
    MRW = 0x0028
    ENHANCED_DEFECT_REPORTING = 0x0029
    DVD_PLUS_RW = 0x002A
    DVD_PLUS_R = 0x002B
    RIGID_RESTRICTED_OVERWRITE = 0x002C
    CD_TRACK_AT_ONCE = 0x002D
    CD_MASTERING = 0x002E
    DVD_R_RW_WRITE = 0x002F
    LAYER_JUMP_RECORDING = 0x0033
    LJ_RIGID_RESTRICTED_OVERWRITE = 0x0034
    STOP_LONG_OPERATION = 0x0035
    CD_RW_MEDIA_WRITE_SUPPORT = 0x0037
    BD_R_POW = 0x0038
    DVD_PLUS_RW_DL = 0x003A
    DVD_PLUS_R_DL = 0x003B
    BD_READ = 0x0040
    BD_WRITE = 0x0041
    TSR = 0x0042
    HD_DVD_READ = 0x0050
    HD_DVD_WRITE = 0x0051
    HD_DVD_RW_FRAGMENT_RECORDING = 0x0052
    HYBRID_DISC = 0x0080
    POWER_MANAGEMENT = 0x0100
    SMART = 0x0101
    EMBEDDED_CHANGER = 0x0102
    CD_AUDIO_EXTERNAL_PLAY = 0x0103
    MICROCODE_UPGRADE = 0x0104
    TIMEOUT = 0x0105
    DVD_CSS = 0x0106
    REAL_TIME_STREAMING = 0x0107
    DRIVE_SERIAL_NUMBER = 0x0108
    MEDIA_SERIAL_NUMBER = 0x0109
    DISC_CONTROL_BLOCKS = 0x010A
    DVD_CPRM = 0x010B
    FIRMWARE_INFORMATION = 0x010C
    AACS = 0x010D
    DVD_CSS_MANAGED_RECORDING = 0x010E
    VCPS = 0x0110
    SECURDISC = 0x0113
    OSSC = 0x0142

    @property
    def label(self) -> str:
        """The feature's name as MMC-6 Table 87 spells it."""
        return _FEATURE_LABELS.get(self) or self.name.replace("_", " ").title()


_FEATURE_LABELS: dict[FeatureCode, str] = {
    FeatureCode.MULTI_READ: "Multi-Read",
    FeatureCode.CD_READ: "CD Read",
    FeatureCode.DVD_READ: "DVD Read",
    FeatureCode.CD_RW_CAV_WRITE: "CD-RW CAV Write",
    FeatureCode.MRW: "MRW",
    FeatureCode.DVD_PLUS_RW: "DVD+RW",
    FeatureCode.DVD_PLUS_R: "DVD+R",
    FeatureCode.CD_TRACK_AT_ONCE: "CD Track at Once",
    FeatureCode.CD_MASTERING: "CD Mastering (SAO/raw)",
    FeatureCode.DVD_R_RW_WRITE: "DVD-R/-RW Write",
    FeatureCode.LJ_RIGID_RESTRICTED_OVERWRITE: "Layer Jump Rigid Restricted Overwrite",
    FeatureCode.CD_RW_MEDIA_WRITE_SUPPORT: "CD-RW Media Write Support",
    FeatureCode.BD_R_POW: "BD-R Pseudo-Overwrite",
    FeatureCode.DVD_PLUS_RW_DL: "DVD+RW Dual Layer",
    FeatureCode.DVD_PLUS_R_DL: "DVD+R Dual Layer",
    FeatureCode.BD_READ: "BD Read",
    FeatureCode.BD_WRITE: "BD Write",
    FeatureCode.TSR: "TSR",
    FeatureCode.HD_DVD_READ: "HD DVD Read",
    FeatureCode.HD_DVD_WRITE: "HD DVD Write",
    FeatureCode.HD_DVD_RW_FRAGMENT_RECORDING: "HD DVD-RW Fragment Recording",
    FeatureCode.SMART: "S.M.A.R.T.",
    FeatureCode.CD_AUDIO_EXTERNAL_PLAY: "CD Audio External Play",
    FeatureCode.DVD_CSS: "DVD CSS",
    FeatureCode.DVD_CPRM: "DVD CPRM",
    FeatureCode.AACS: "AACS",
    FeatureCode.DVD_CSS_MANAGED_RECORDING: "DVD CSS Managed Recording",
    FeatureCode.VCPS: "VCPS",
    FeatureCode.SECURDISC: "SecurDisc",
    FeatureCode.OSSC: "OSSC",
}


WRITE_FEATURES = frozenset(
    {
        FeatureCode.RANDOM_WRITABLE,
        FeatureCode.INCREMENTAL_STREAMING_WRITABLE,
        FeatureCode.SECTOR_ERASABLE,
        FeatureCode.FORMATTABLE,
        FeatureCode.WRITE_ONCE,
        FeatureCode.RESTRICTED_OVERWRITE,
        FeatureCode.CD_RW_CAV_WRITE,
        FeatureCode.MRW,
        FeatureCode.DVD_PLUS_RW,
        FeatureCode.DVD_PLUS_R,
        FeatureCode.RIGID_RESTRICTED_OVERWRITE,
        FeatureCode.CD_TRACK_AT_ONCE,
        FeatureCode.CD_MASTERING,
        FeatureCode.DVD_R_RW_WRITE,
        FeatureCode.LAYER_JUMP_RECORDING,
        FeatureCode.DVD_PLUS_RW_DL,
        FeatureCode.DVD_PLUS_R_DL,
        FeatureCode.BD_WRITE,
        FeatureCode.HD_DVD_WRITE,
    }
)
"""Features whose presence means the drive can write some medium (MMC-6 §5.3)."""


def feature_name(code: int) -> str:
    try:
        return FeatureCode(code).label
    except ValueError:
        return f"feature 0x{code:04X}"
