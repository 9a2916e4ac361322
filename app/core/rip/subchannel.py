"""The Q sub-channel, and finding where a CD track's pregap (INDEX 00) starts.

Formatted Q sub-channel data as READ CD returns it (MMC-6 §6.19.2.9, Table 437; IEC 60908
§17.5): byte 0 CONTROL (bits 7-4) and ADR (bits 3-0); with ADR 1 (position) byte 1 is the
track number TNO, byte 2 the INDEX, bytes 3-5 the relative time in the track and bytes 7-9
the absolute time (AMIN, ASEC, AFRAME), all in BCD.  ADR 2 and 3 frames (catalogue number,
ISRC) replace a position frame now and then; they say nothing about the track.

The TOC gives each track's INDEX 01.  Its pregap (INDEX 00, the sectors the Q sub-channel
already counts as the next track, e.g. the 2-second gap after a data track) is found by a
binary search on the track number in the Q sub-channel between the previous track's start
and this track's INDEX 01, as cdrdao and whipper do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from app.core.units import Msf, msf_to_lba

_log = logging.getLogger(__name__)

ADR_POSITION = 1
NEIGHBOURS = 4
"""How many following sectors to try when a sector's Q frame is not a position frame."""


@dataclass(frozen=True, slots=True)
class QPosition:
    control: int
    track: int
    index: int
    absolute_lba: int


def _bcd(value: int) -> int | None:
    high, low = value >> 4, value & 0x0F
    if high > 9 or low > 9:
        return None
    return high * 10 + low


def parse_formatted_q(data: bytes) -> QPosition | None:
    """A position (ADR 1) Q frame, or ``None`` for other ADRs and malformed frames."""
    if len(data) < 10 or data[0] & 0x0F != ADR_POSITION:
        return None
    fields = [_bcd(b) for b in (data[1], data[2], data[7], data[8], data[9])]
    if any(f is None for f in fields):
        return None
    track, index, minutes, seconds, frames = (f for f in fields if f is not None)
    if seconds >= 60 or frames >= 75:
        return None
    return QPosition(data[0] >> 4, track, index, msf_to_lba(Msf(minutes, seconds, frames)))


def encode_formatted_q(control: int, track: int, index: int, lba: int) -> bytes:
    """The 16-byte formatted Q frame of ``lba`` (for fake drives in tests)."""

    def bcd(value: int) -> int:
        return (value // 10) << 4 | value % 10

    total = lba + 150
    minutes, rest = divmod(total, 75 * 60)
    seconds, frames = divmod(rest, 75)
    head = [control << 4 | ADR_POSITION, bcd(track), bcd(index), 0, 0, 0, 0]
    return bytes([*head, bcd(minutes), bcd(seconds), bcd(frames)]) + bytes(6)


def _track_at(read_q: Callable[[int], QPosition | None], lba: int, limit: int) -> int | None:
    """The Q track number at ``lba`` (or at the next sector with a position frame)."""
    for probe in range(lba, min(limit, lba + NEIGHBOURS)):
        position = read_q(probe)
        if position is not None:
            return position.track
    return None


def find_pregap_start(
    read_q: Callable[[int], QPosition | None], track: int, previous_start: int, start: int
) -> int | None:
    """The first sector of ``track``'s pregap, or ``None`` when it has none (or the Q
    sub-channel cannot tell)."""
    if start - previous_start < 2:
        return None
    if _track_at(read_q, start - 1, start) != track:
        return None
    low, high = previous_start + 1, start - 1  # high is known to be in the pregap
    while low < high:
        middle = (low + high) // 2
        found = _track_at(read_q, middle, start)
        if found is None:
            _log.info("track %d: no readable Q sub-channel near %d", track, middle)
            return None
        if found == track:
            high = middle
        else:
            low = middle + 1
    return high
