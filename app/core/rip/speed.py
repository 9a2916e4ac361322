"""Read speeds: the one speed grammar of :mod:`app.core.mmc.speed` (``max``, ``8x`` or ``8``,
``11080KB/s``), and the slower speed retry passes use.

A rip's "maximum" is sent as libburn sends it in SET STREAMING, well above any drive's top
speed (:data:`~app.core.mmc.speed.MAX_STREAMING_KBPS`; SET CD SPEED's FFFFh when the drive
only has that), so that a drive slowed down by a retry pass or another program runs at full
speed again.
"""

from __future__ import annotations

from app.core.mmc.profiles import MediaFamily
from app.core.mmc.speed import MAX_STREAMING_KBPS, MAXIMUM, Speed, parse_speed

ReadSpeed = Speed
"""A read speed is a :class:`~app.core.mmc.speed.Speed`."""

__all__ = ["MAXIMUM", "RETRY_SPEED_X", "ReadSpeed", "parse_read_speed", "read_kbps"]

RETRY_SPEED_X = {MediaFamily.CD: 4, MediaFamily.DVD: 2, MediaFamily.BD: 1}
"""Speeds for retry passes: slow enough that drives re-read with more care and less wobble,
the usual advice for damaged discs (cdrdao/ddrescue guides: "read at low speed")."""


def parse_read_speed(text: str) -> Speed:
    """:func:`app.core.mmc.speed.parse_speed`: the same grammar as every other command."""
    return parse_speed(text)


def read_kbps(speed: Speed, family: MediaFamily) -> int:
    """The kB/s to send for ``speed`` on a medium of ``family`` (module docstring)."""
    kbps = speed.to_kbps(family)
    return MAX_STREAMING_KBPS if kbps is None else kbps
