"""Read speeds: what the user asks for (``max``, ``8x``, ``2770``) and what retries use.

Speeds are sent in kB/s (1000 bytes/s) as SET CD SPEED and SET STREAMING take them (MMC-6
§6.37, §6.39).  "1x" differs per family: CD 176.4 kB/s (75 sectors of 2352 bytes/s, MMC-6
§6.37.2.1 uses 176), DVD 1385 kB/s (ECMA-267), BD 4495.5 kB/s (BD-R Part 1).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from app.core.errors import InvalidInputError

MAX_KBPS = 0xFFFF
"""SET CD SPEED's "maximum" value (MMC-6 §6.37.2.1: FFFFh selects the optimal/maximum)."""


class SpeedFamily(enum.Enum):
    CD = 176
    DVD = 1385
    BD = 4496

    @property
    def one_x_kbps(self) -> int:
        return self.value


RETRY_SPEED_X = {SpeedFamily.CD: 4, SpeedFamily.DVD: 2, SpeedFamily.BD: 1}
"""Speeds for retry passes: slow enough that drives re-read with more care and less wobble,
the usual advice for damaged discs (cdrdao/ddrescue guides: "read at low speed")."""


@dataclass(frozen=True, slots=True)
class ReadSpeed:
    """``kbps`` (``None`` = maximum) or a multiple of the medium's 1x (``times``)."""

    kbps: int | None = None
    times: float | None = None

    def to_kbps(self, family: SpeedFamily) -> int:
        if self.times is not None:
            return max(1, round(self.times * family.one_x_kbps))
        return MAX_KBPS if self.kbps is None else self.kbps

    @property
    def is_max(self) -> bool:
        return self.kbps is None and self.times is None

    def __str__(self) -> str:
        if self.times is not None:
            return f"{self.times:g}x"
        return "maximum" if self.kbps is None else f"{self.kbps} kB/s"


MAXIMUM = ReadSpeed()

_SPEED = re.compile(r"^\s*(?:(max)|(\d+(?:\.\d+)?)\s*x|(\d+)\s*(?:kb/?s)?)\s*$", re.IGNORECASE)


def parse_read_speed(text: str) -> ReadSpeed:
    """``max``, ``8x`` (a multiple of the medium's 1x) or ``2770`` (kB/s)."""
    match = _SPEED.match(text)
    if match is None:
        raise InvalidInputError(
            f"“{text}” is not a read speed.", "use max, a multiple like 8x, or kB/s like 2770"
        )
    if match[1]:
        return MAXIMUM
    if match[2]:
        times = float(match[2])
        if times <= 0:
            raise InvalidInputError("The read speed must be more than 0x.", text)
        return ReadSpeed(times=times)
    kbps = int(match[3])
    if not 1 <= kbps <= MAX_KBPS:
        raise InvalidInputError(f"{kbps} kB/s is not a read speed a drive accepts.", text)
    return ReadSpeed(kbps=kbps)
