"""GET CONFIGURATION reply (MMC-6 §6.6.2): feature header (Table 296) and feature
descriptors (§5.2.2, Table 85), with the features a drive panel and the burn layer need
decoded: Profile List (§5.3.1), Core (§5.3.2), Removable Medium (§5.3.4), Random Readable
(§5.3.5), the write features (§5.3.11-§5.3.27) and Drive Serial Number (§5.3.39)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.mmc.profiles import WRITE_FEATURES, FeatureCode, Profile, feature_name, profile_name
from app.core.mmc.reply import ascii_field, be16, be32, require


@dataclass(frozen=True, slots=True)
class ProfileDescriptor:
    """One entry of the Profile List feature (Table 90)."""

    code: int
    current: bool

    @property
    def profile(self) -> Profile | None:
        try:
            return Profile(self.code)
        except ValueError:
            return None

    @property
    def name(self) -> str:
        return profile_name(self.code)


@dataclass(frozen=True, slots=True)
class FeatureDescriptor:
    """A feature descriptor: header fields and the feature-dependent bytes (``data``)."""

    code: int
    version: int
    persistent: bool
    current: bool
    data: bytes

    @property
    def name(self) -> str:
        return feature_name(self.code)

    def flag(self, byte: int, bit: int) -> bool:
        """Bit ``bit`` of feature-dependent byte ``byte`` (byte 4 of the descriptor is 0)."""
        return len(self.data) > byte and bool(self.data[byte] >> bit & 1)


class LoadingMechanism(enum.IntEnum):
    """Removable Medium feature, Loading Mechanism Type (MMC-6 Table 95)."""

    CADDY_SLOT = 0
    TRAY = 1
    POPUP = 2
    CHANGER_INDIVIDUAL = 4
    CHANGER_MAGAZINE = 5


@dataclass(frozen=True, slots=True)
class RemovableMedium:
    """MMC-6 §5.3.4, Table 94."""

    mechanism: int
    can_load: bool
    can_eject: bool
    prevent_jumper: bool
    can_lock: bool

    @property
    def mechanism_name(self) -> str:
        try:
            return LoadingMechanism(self.mechanism).name.replace("_", " ").lower()
        except ValueError:
            return f"mechanism {self.mechanism}"


@dataclass(frozen=True, slots=True)
class Configuration:
    """A parsed GET CONFIGURATION reply."""

    data_length: int
    current_profile: int
    profiles: tuple[ProfileDescriptor, ...]
    features: tuple[FeatureDescriptor, ...]

    @property
    def current_profile_name(self) -> str:
        return profile_name(self.current_profile)

    def feature(self, code: int) -> FeatureDescriptor | None:
        for feature in self.features:
            if feature.code == code:
                return feature
        return None

    def has_feature(self, code: int, *, current: bool = False) -> bool:
        feature = self.feature(code)
        return feature is not None and (feature.current or not current)

    @property
    def write_features(self) -> tuple[FeatureDescriptor, ...]:
        """Features meaning the drive writes some medium (DVD+R etc. only if their Write bit
        is set)."""
        found = []
        for feature in self.features:
            if feature.code not in WRITE_FEATURES:
                continue
            if feature.code in _WRITE_BIT_FEATURES and not feature.flag(0, 0):
                continue
            found.append(feature)
        return tuple(found)

    @property
    def removable_medium(self) -> RemovableMedium | None:
        feature = self.feature(FeatureCode.REMOVABLE_MEDIUM)
        if feature is None or not feature.data:
            return None
        flags = feature.data[0]
        return RemovableMedium(
            mechanism=flags >> 5,
            can_load=bool(flags & 0x10),
            can_eject=bool(flags & 0x08),
            prevent_jumper=bool(flags & 0x04),
            can_lock=bool(flags & 0x01),
        )

    @property
    def serial_number(self) -> str:
        """Drive Serial Number feature (§5.3.39), empty if absent or blank."""
        feature = self.feature(FeatureCode.DRIVE_SERIAL_NUMBER)
        return ascii_field(feature.data, 0, len(feature.data)) if feature else ""

    @property
    def physical_interface(self) -> int | None:
        """Core feature, Physical Interface Standard (Table 92): 1 SCSI, 2 ATAPI, 7 SATA,
        8 USB."""
        feature = self.feature(FeatureCode.CORE)
        if feature is None or len(feature.data) < 4:
            return None
        return be32(feature.data, 0)

    @property
    def logical_block_size(self) -> int | None:
        """Random Readable feature (§5.3.5): the logical block size."""
        feature = self.feature(FeatureCode.RANDOM_READABLE)
        if feature is None or len(feature.data) < 4:
            return None
        return be32(feature.data, 0)

    @property
    def read_profiles(self) -> tuple[int, ...]:
        """Every profile the drive lists (a drive reads the media of all its profiles)."""
        return tuple(p.code for p in self.profiles)

    @property
    def write_profiles(self) -> tuple[int, ...]:
        """Listed writable profiles for which the drive also reports a write feature that
        covers them (MMC-6 §5.4, "Profile definitions": the mandatory feature per profile)."""
        writable: list[int] = []
        for descriptor in self.profiles:
            profile = descriptor.profile
            if profile is None or not profile.writable:
                continue
            needs = _WRITE_FEATURES_FOR.get(profile, ())
            if any(self._writes_with(code) for code in needs):
                writable.append(descriptor.code)
        return tuple(writable)

    def _writes_with(self, code: FeatureCode) -> bool:
        feature = self.feature(code)
        if feature is None:
            return False
        if code in _WRITE_BIT_FEATURES:
            return feature.flag(0, 0)
        return True


_WRITE_BIT_FEATURES = frozenset(
    {
        FeatureCode.DVD_PLUS_RW,
        FeatureCode.DVD_PLUS_R,
        FeatureCode.DVD_PLUS_RW_DL,
        FeatureCode.DVD_PLUS_R_DL,
    }
)
"""Features that are also present on read-only drives; byte 4 bit 0 (Write) tells."""

_CD_WRITE = (FeatureCode.CD_TRACK_AT_ONCE, FeatureCode.CD_MASTERING)
_WRITE_FEATURES_FOR: dict[Profile, tuple[FeatureCode, ...]] = {
    Profile.CD_R: _CD_WRITE,
    Profile.CD_RW: _CD_WRITE,
    Profile.DVD_R_SEQUENTIAL: (FeatureCode.DVD_R_RW_WRITE,),
    Profile.DVD_RW_SEQUENTIAL: (FeatureCode.DVD_R_RW_WRITE,),
    Profile.DVD_R_DL_SEQUENTIAL: (FeatureCode.DVD_R_RW_WRITE,),
    Profile.DVD_R_DL_JUMP: (FeatureCode.LAYER_JUMP_RECORDING,),
    Profile.DVD_RW_RESTRICTED_OVERWRITE: (
        FeatureCode.RESTRICTED_OVERWRITE,
        FeatureCode.RIGID_RESTRICTED_OVERWRITE,
    ),
    Profile.DVD_RAM: (FeatureCode.RANDOM_WRITABLE,),
    Profile.DVD_PLUS_RW: (FeatureCode.DVD_PLUS_RW,),
    Profile.DVD_PLUS_R: (FeatureCode.DVD_PLUS_R,),
    Profile.DVD_PLUS_RW_DL: (FeatureCode.DVD_PLUS_RW_DL,),
    Profile.DVD_PLUS_R_DL: (FeatureCode.DVD_PLUS_R_DL,),
    Profile.BD_R_SRM: (FeatureCode.BD_WRITE,),
    Profile.BD_R_RRM: (FeatureCode.BD_WRITE,),
    Profile.BD_RE: (FeatureCode.BD_WRITE,),
    Profile.HD_DVD_R: (FeatureCode.HD_DVD_WRITE,),
    Profile.HD_DVD_RAM: (FeatureCode.HD_DVD_WRITE,),
    Profile.HD_DVD_RW: (FeatureCode.HD_DVD_WRITE,),
    Profile.HD_DVD_R_DL: (FeatureCode.HD_DVD_WRITE,),
    Profile.HD_DVD_RW_DL: (FeatureCode.HD_DVD_WRITE,),
}


def parse_configuration(data: bytes) -> Configuration:
    """Parse a GET CONFIGURATION reply.  The Data Length field (bytes 0-3) counts the bytes
    after itself; replies cut short by the allocation length parse up to what arrived."""
    require(data, 8, "GET CONFIGURATION")
    data_length = be32(data, 0)
    end = min(len(data), 4 + data_length)
    current = be16(data, 6)
    features: list[FeatureDescriptor] = []
    profiles: list[ProfileDescriptor] = []
    offset = 8
    while offset + 4 <= end:
        code = be16(data, offset)
        flags = data[offset + 2]
        body = bytes(data[offset + 4 : min(end, offset + 4 + data[offset + 3])])
        feature = FeatureDescriptor(
            code=code,
            version=flags >> 2 & 0x0F,
            persistent=bool(flags & 0x02),
            current=bool(flags & 0x01),
            data=body,
        )
        features.append(feature)
        if code == FeatureCode.PROFILE_LIST:
            for pos in range(0, len(body) - 3, 4):
                profiles.append(ProfileDescriptor(be16(body, pos), bool(body[pos + 2] & 1)))
        offset += 4 + data[offset + 3]
    return Configuration(data_length, current, tuple(profiles), tuple(features))
