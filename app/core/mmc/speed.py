"""Drive speeds: one grammar for reading and writing, one 1x table per medium.

A speed is what a person types (``--speed`` of ``spindle rip`` and ``spindle burn``, the Read
and Write workspaces): ``max``, a multiple of the medium's 1x (``8x``, or a bare ``8`` as
cdrecord's ``speed=8`` and growisofs' ``-speed=8`` mean it) or kilobytes per second
(``11080KB/s``, ``11080kB/s``, ``11080kbps``, ``11080k``).  The same text means the same
speed in every command (REAL-DRIVES.md, issue 11: ``--speed 8`` used to be 8 kB/s for a rip
and 8x for a burn).

Drives take speeds in kB/s with k = 1000 (SET CD SPEED, MMC-6 §6.37; SET STREAMING's
performance descriptor, §6.39; GET PERFORMANCE write speed descriptors, §6.8.3.4).  1x is
176.4 kB/s for CD (75 sectors of 2352 bytes per second, ECMA-130; SET CD SPEED callers
usually round to 176), 1385 kB/s for DVD (ECMA-267) and 4495.5 kB/s for BD (BD-R/RE system
description: 36 Mbit/s of user data); HD DVD's 1x is 4500 kB/s (36.55 Mbit/s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.errors import InvalidInputError
from app.core.mmc.profiles import MediaFamily

ONE_X_KBPS: dict[MediaFamily, float] = {
    MediaFamily.CD: 176.4,
    MediaFamily.DVD: 1385.0,
    MediaFamily.BD: 4495.5,
    MediaFamily.HD_DVD: 4500.0,
}
"""1x in kB/s (k = 1000) per medium family (module docstring)."""

MAX_CD_SPEED_KBPS = 0xFFFF
"""SET CD SPEED's "maximum" (MMC-6 §6.37.2.1: FFFFh selects the drive's optimum)."""
MAX_STREAMING_KBPS = 0x1000_0000
"""What libburn sends in SET STREAMING for "as fast as possible" (``mmc.c``): above every
drive's top speed, where 0xFFFF kB/s would cap a BD drive near 14.6x (REAL-DRIVES.md #22)."""
MAX_TIMES = 100.0
"""Above any optical drive's multiple (CD 52x, DVD 24x, BD 16x)."""
MAX_SPEED_KBPS = 1_000_000
"""Above any optical drive: larger requests are typing mistakes."""

SPEED_HELP = "max (default), a multiple of the medium's 1x like 8x (or 8), or kB/s like 11080KB/s"
"""How the grammar is explained in every command's help."""

_SPEED = re.compile(
    r"^\s*(?:(?P<max>max|maximum|auto)|(?P<number>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>x|kb/s|kbps|kbit|k)?)\s*$",
    re.IGNORECASE,
)


def one_x_kbps(family: MediaFamily) -> float:
    """1x of ``family`` (DVD's for families without one)."""
    return ONE_X_KBPS.get(family, ONE_X_KBPS[MediaFamily.DVD])


@dataclass(frozen=True, slots=True)
class Speed:
    """``max`` (both ``None``), a multiple of 1x (``times``) or kB/s (``kbps``)."""

    times: float | None = None
    kbps: int | None = None

    @property
    def is_max(self) -> bool:
        return self.times is None and self.kbps is None

    def to_kbps(self, family: MediaFamily) -> int | None:
        """kB/s for a medium of ``family``; ``None`` for ``max`` (the caller sends its
        command's "maximum" value)."""
        if self.times is not None:
            return max(1, round(self.times * one_x_kbps(family)))
        return self.kbps

    def __str__(self) -> str:
        if self.times is not None:
            return f"{self.times:g}x"
        return "maximum" if self.kbps is None else f"{self.kbps} kB/s"


MAXIMUM = Speed()


def parse_speed(text: str) -> Speed:
    """Read a speed in the one grammar (module docstring); raise InvalidInputError."""
    match = _SPEED.match(text)
    if match is None or text.strip() == "":
        if text.strip() == "":
            return MAXIMUM
        raise InvalidInputError(
            f"“{text}” is not a speed.",
            "use " + SPEED_HELP,
        )
    if match["max"]:
        return MAXIMUM
    number = float(match["number"])
    unit = (match["unit"] or "x").lower()
    if number <= 0:
        raise InvalidInputError(f"The speed must be more than 0, not “{text}”.", text)
    if unit == "x":
        if number > MAX_TIMES:
            raise InvalidInputError(f"No drive reads or writes at {number:g}x.", text)
        return Speed(times=number)
    kbps = round(number)
    if kbps > MAX_SPEED_KBPS:
        raise InvalidInputError(f"{kbps} kB/s is not a speed a drive can run at.", text)
    return Speed(kbps=kbps)
