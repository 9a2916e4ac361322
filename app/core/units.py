"""Sector sizes, addresses and media capacities.

- Logical blocks of data discs are 2048 bytes (ECMA-119 §6.1.2, MMC-6 §4.2.2 "Mode 1");
  raw CD sectors are 2352 bytes (IEC 60908 / MMC-6 §4.2.3).
- CD addresses: LBA 0 is MSF 00:02:00, i.e. ``LBA = (M*60 + S)*75 + F - 150``
  (MMC-6 §4.2.3.2, "Absolute time" and Table 16).  Lead-in addresses (MSF below 00:02:00 in
  the last 10 minutes of the 100-minute range) map to negative LBAs (MMC-6 §6.1.2 note).
- Capacities of the usual media are in 2048-byte sectors as the drives report them in
  READ CAPACITY / READ DISC INFORMATION for blank discs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

SECTOR_SIZE = 2048
"""User data bytes per logical block of a data disc (Mode 1 / DVD / BD)."""
RAW_SECTOR_SIZE = 2352
SYNC = bytes([0x00] + [0xFF] * 10 + [0x00])
"""ECMA-130 §14.1: the sync field that opens every raw data sector (here, at the bottom of the
layers, so that readers, the rip and the burn of a CD image need neither numpy nor anycrc)."""
"""Bytes per raw CD sector (audio or full Mode 1/2 frame)."""
FRAMES_PER_SECOND = 75
MSF_LBA_OFFSET = 150
"""The 2-second pregap: LBA 0 is MSF 00:02:00."""
KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB


@dataclass(frozen=True, slots=True)
class Msf:
    """A CD address in minutes, seconds and frames (75 frames per second)."""

    minutes: int
    seconds: int
    frames: int

    def __str__(self) -> str:
        return f"{self.minutes:02d}:{self.seconds:02d}:{self.frames:02d}"


def lba_to_msf(lba: int) -> Msf:
    """MMC-6 §4.2.3.2: MSF of ``lba``; negative LBAs (lead-in) wrap into minutes 90..99."""
    # MMC-6 Table 16: in the lead-in area MSF = LBA + 450150 frames
    total = lba + 450_150 if lba < -MSF_LBA_OFFSET else lba + MSF_LBA_OFFSET
    if not 0 <= total < 100 * 60 * FRAMES_PER_SECOND:
        raise ValueError(f"LBA {lba} has no MSF address")
    minutes, rest = divmod(total, 60 * FRAMES_PER_SECOND)
    seconds, frames = divmod(rest, FRAMES_PER_SECOND)
    return Msf(minutes, seconds, frames)


def msf_to_lba(msf: Msf) -> int:
    """MMC-6 §4.2.3.2, the inverse of :func:`lba_to_msf`."""
    if not (0 <= msf.seconds < 60 and 0 <= msf.frames < FRAMES_PER_SECOND and msf.minutes >= 0):
        raise ValueError(f"invalid MSF address {msf}")
    total = (msf.minutes * 60 + msf.seconds) * FRAMES_PER_SECOND + msf.frames
    if msf.minutes >= 90:
        return total - 450_150
    return total - MSF_LBA_OFFSET


def frames_to_cue_time(frames: int) -> str:
    """``MM:SS:FF`` as a CUE sheet writes track-relative times (no 150-frame offset)."""
    if frames < 0:
        raise ValueError("negative frame count")
    minutes, rest = divmod(frames, 60 * FRAMES_PER_SECOND)
    seconds, frame = divmod(rest, FRAMES_PER_SECOND)
    return f"{minutes:02d}:{seconds:02d}:{frame:02d}"


def sectors_for(size_bytes: int, sector_size: int = SECTOR_SIZE) -> int:
    """Whole sectors needed to hold ``size_bytes`` (rounded up)."""
    if size_bytes < 0:
        raise ValueError("negative size")
    return -(-size_bytes // sector_size)


class MediaPreset(enum.Enum):
    """Target media for the capacity meter, with their user-data capacity in sectors.

    CD figures are the Red Book playing times (74/80/90 min at 75 sectors/s); DVD figures are
    ECMA-267/ECMA-349 single- and dual-layer DVD±R capacities as DVD+R drives report them;
    BD figures are the BD-R SL/DL/TL user capacities (System Description Part 1).
    """

    CD_650 = ("CD 650 MB (74 min)", 333_000)
    CD_700 = ("CD 700 MB (80 min)", 360_000)
    CD_800 = ("CD 800 MB (90 min)", 405_000)
    DVD_5 = ("DVD-5 (4.7 GB)", 2_295_104)
    DVD_9 = ("DVD-9 (8.5 GB)", 4_173_824)
    BD_25 = ("BD-25", 12_219_392)
    BD_50 = ("BD-50", 24_438_784)
    BD_100 = ("BD-100 (BDXL)", 48_878_592)

    def __init__(self, label: str, sectors: int) -> None:
        self.label = label
        self.sectors = sectors

    @property
    def size_bytes(self) -> int:
        return self.sectors * SECTOR_SIZE


def format_size(size_bytes: int) -> str:
    """A size as people read it in a disc tool: ``"4.38 GiB"``, ``"700 MiB"``, ``"12 bytes"``."""
    if size_bytes < KIB:
        return f"{size_bytes} bytes" if size_bytes != 1 else "1 byte"
    value = float(size_bytes)
    for unit in ("KiB", "MiB", "GiB", "TiB"):
        value /= 1024
        if value < 1024 or unit == "TiB":
            if value >= 100:
                return f"{value:.0f} {unit}"
            if value >= 10:
                return f"{value:.1f} {unit}"
            return f"{value:.2f} {unit}"
    raise AssertionError("unreachable")


def format_duration(seconds: float) -> str:
    """``"1:02:03"`` or ``"2:03"`` for a time left / elapsed."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_rate(bytes_per_second: float) -> str:
    """``"12.3 MiB/s"``."""
    return f"{format_size(round(bytes_per_second))}/s"
