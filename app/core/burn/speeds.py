"""Write speeds: what the drive offers for the inserted medium, and the "8x" people ask for.

Drives report speeds in kB/s (k = 1000) in GET PERFORMANCE type 03h write speed descriptors
(MMC-6 §6.8.3.4).  1x is 176.4 kB/s for CD (75 sectors of 2352 bytes per second; SET CD SPEED
rounds to 176), 1385 kB/s for DVD and 4495 kB/s for BD (MMC-6 §6.39 notes, ECMA-267, BD-RE
System Description).  A speed is applied with SET STREAMING (DVD/BD) or SET CD SPEED (CD).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.errors import InvalidInputError
from app.core.mmc.performance import ONE_X_KBPS, WriteSpeedDescriptor
from app.core.mmc.profiles import MediaFamily, Profile


def one_x_kbps(profile: Profile) -> float:
    """1x for the profile's family (:data:`app.core.mmc.performance.ONE_X_KBPS`)."""
    return ONE_X_KBPS.get(profile.family, ONE_X_KBPS[MediaFamily.DVD])


@dataclass(frozen=True, slots=True)
class SpeedRequest:
    """``--speed 8`` / ``8x`` (a multiple of 1x) or ``11080k`` (kB/s); ``max`` = ``None``."""

    factor: float | None = None
    kbps: int | None = None

    @classmethod
    def parse(cls, text: str) -> SpeedRequest:
        value = text.strip().lower()
        if value in ("", "max", "auto"):
            return cls()
        match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(x|k|kb/s|kbps)?", value)
        if not match:
            raise InvalidInputError(
                f"“{text}” is not a speed: use a multiple like 8 or 8x, or kB/s like 11080k.",
                "expected NUMBER[x] or NUMBERk",
            )
        number = float(match.group(1))
        if number <= 0:
            raise InvalidInputError(f"The speed must be positive, not “{text}”.", text)
        if match.group(2) in ("k", "kb/s", "kbps"):
            return cls(kbps=round(number))
        return cls(factor=number)


def label(speed_kbps: float, profile: Profile) -> str:
    """``"8x (11080 kB/s)"``."""
    factor = speed_kbps / one_x_kbps(profile)
    shown = f"{factor:.1f}".rstrip("0").rstrip(".")
    return f"{shown}x ({speed_kbps:.0f} kB/s)"


def offered(speeds: tuple[WriteSpeedDescriptor, ...]) -> tuple[int, ...]:
    """Distinct write speeds the drive reports, fastest first."""
    return tuple(sorted({s.write_kbps for s in speeds}, reverse=True))


def resolve(
    request: SpeedRequest, profile: Profile, speeds: tuple[WriteSpeedDescriptor, ...]
) -> int | None:
    """The kB/s to send: the fastest offered speed not above the request (the slowest offered
    when all are above); the request as given when the drive reports none."""
    if request.factor is None and request.kbps is None:
        return None
    wanted = (
        request.kbps if request.kbps is not None else (request.factor or 0) * one_x_kbps(profile)
    )
    choices = offered(speeds)
    if not choices:
        return round(wanted)
    fitting = [s for s in choices if s <= wanted * 1.02]  # drives round: allow 2 % slack
    return fitting[0] if fitting else choices[-1]
