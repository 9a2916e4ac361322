"""Write speeds: what the drive offers for the inserted medium, and the "8x" people ask for.

Drives report speeds in kB/s (k = 1000) in GET PERFORMANCE type 03h write speed descriptors
(MMC-6 §6.8.3.4).  What people ask for is a :class:`app.core.mmc.speed.Speed` in the one
grammar every command shares, with the one 1x table (:data:`app.core.mmc.speed.ONE_X_KBPS`).
A speed is applied with SET STREAMING (DVD/BD) or SET CD SPEED (CD).
"""

from __future__ import annotations

from app.core.mmc.performance import WriteSpeedDescriptor
from app.core.mmc.profiles import Profile
from app.core.mmc.speed import Speed
from app.core.mmc.speed import one_x_kbps as family_one_x


def one_x_kbps(profile: Profile) -> float:
    """1x for the profile's family (:data:`app.core.mmc.speed.ONE_X_KBPS`)."""
    return family_one_x(profile.family)


SpeedRequest = Speed
"""What the user asked for, in the one grammar of :mod:`app.core.mmc.speed` (``8x``/``8``,
``11080KB/s``, ``max``)."""


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
    if request.is_max:
        return None
    wanted = (
        request.kbps if request.kbps is not None else (request.times or 0) * one_x_kbps(profile)
    )
    choices = offered(speeds)
    if not choices:
        return round(wanted)
    fitting = [s for s in choices if s <= wanted * 1.02]  # drives round: allow 2 % slack
    return fitting[0] if fitting else choices[-1]
