"""GET PERFORMANCE replies (MMC-6 §6.8.3) and the SET STREAMING descriptor (§6.39.3).

Speeds are in kB/s (1000 bytes per second).  For reference: CD 1x = 176.4 kB/s (150 KiB/s
of user data), DVD 1x = 1385 kB/s, BD 1x = 4495 kB/s (MMC-6 §4.2.4, §4.5.5, §4.7.6).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.mmc.profiles import MediaFamily
from app.core.mmc.reply import be32, require
from app.core.mmc.speed import ONE_X_KBPS


def speed_factor(kbytes_per_s: int, family: MediaFamily) -> float | None:
    """``"8x"``-style factor of a speed for a media family (None for unknown families)."""
    base = ONE_X_KBPS.get(family)
    return kbytes_per_s / base if base else None


@dataclass(frozen=True, slots=True)
class PerformanceDescriptor:
    """Type 00h nominal performance descriptor (Table 303)."""

    start_lba: int
    start_kbps: int
    end_lba: int
    end_kbps: int


@dataclass(frozen=True, slots=True)
class Performance:
    write: bool
    exceptions: bool
    descriptors: tuple[PerformanceDescriptor, ...]


@dataclass(frozen=True, slots=True)
class WriteSpeedDescriptor:
    """Type 03h write speed descriptor (Table 309)."""

    rotation_control: int
    restore_drive_defaults: bool
    exact: bool
    mrw: bool
    end_lba: int
    read_kbps: int
    write_kbps: int


def _descriptors(data: bytes, what: str) -> tuple[bool, bool, list[bytes]]:
    require(data, 8, what)
    end = min(len(data), 4 + be32(data, 0))
    chunks = [bytes(data[o : o + 16]) for o in range(8, end - 15, 16)]
    return bool(data[4] & 0x02), bool(data[4] & 0x01), chunks


def parse_performance(data: bytes) -> Performance:
    write, exceptions, chunks = _descriptors(data, "GET PERFORMANCE")
    return Performance(
        write=write,
        exceptions=exceptions,
        descriptors=tuple(
            PerformanceDescriptor(be32(c, 0), be32(c, 4), be32(c, 8), be32(c, 12)) for c in chunks
        ),
    )


def parse_write_speeds(data: bytes) -> tuple[WriteSpeedDescriptor, ...]:
    """Type 03h: one descriptor per write speed the drive offers for the current medium."""
    _write, _exceptions, chunks = _descriptors(data, "GET PERFORMANCE (write speed)")
    return tuple(
        WriteSpeedDescriptor(
            rotation_control=c[0] >> 3 & 0x03,
            restore_drive_defaults=bool(c[0] & 0x04),
            exact=bool(c[0] & 0x02),
            mrw=bool(c[0] & 0x01),
            end_lba=be32(c, 4),
            read_kbps=be32(c, 8),
            write_kbps=be32(c, 12),
        )
        for c in chunks
    )


def streaming_descriptor(
    *,
    end_lba: int,
    read_kbps: int,
    write_kbps: int,
    start_lba: int = 0,
    restore_defaults: bool = False,
    exact: bool = False,
) -> bytes:
    """The 28-byte Performance Descriptor of SET STREAMING (MMC-6 Table 648): sizes in kB
    over a 1000 ms time, so the speed is exactly ``read_kbps``/``write_kbps``."""
    descriptor = bytearray(28)
    descriptor[0] = (0x04 if restore_defaults else 0) | (0x02 if exact else 0)
    descriptor[4:8] = start_lba.to_bytes(4, "big")
    descriptor[8:12] = end_lba.to_bytes(4, "big")
    descriptor[12:16] = read_kbps.to_bytes(4, "big")
    descriptor[16:20] = (1000).to_bytes(4, "big")
    descriptor[20:24] = write_kbps.to_bytes(4, "big")
    descriptor[24:28] = (1000).to_bytes(4, "big")
    return bytes(descriptor)
