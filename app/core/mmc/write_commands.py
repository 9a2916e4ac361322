"""CDB builders and parameter lists for writing, closing, blanking and formatting media.

Pure bytes out, no I/O: each builder returns a :class:`~app.core.mmc.command.Command` like the
read-side builders of :mod:`app.core.mmc.cdb` (which also holds READ(10), MODE SELECT(10),
SET STREAMING and the other commands both sides use; the Write Parameters page 05h is
:class:`app.core.mmc.mode_pages.WriteParameters`).  Section numbers are MMC-6 (T10/1836-D
rev. 2g) unless marked SPC-4 or SBC-3.  The recipes that use these commands per medium live in
:mod:`app.core.burn.strategies`.
"""

from __future__ import annotations

import enum
import struct
from dataclasses import dataclass

from app.core.mmc.command import Command
from app.core.transport.base import Direction

WRITE_10 = 0x2A
SYNCHRONIZE_CACHE_10 = 0x35
CLOSE_TRACK_SESSION = 0x5B
RESERVE_TRACK = 0x53
BLANK = 0xA1
FORMAT_UNIT = 0x04
SEND_OPC_INFORMATION = 0x54
READ_FORMAT_CAPACITIES = 0x23

WRITE_OPCODES = frozenset({WRITE_10, 0xAA, 0x8A})
"""WRITE(10), WRITE(12), WRITE(16): what a refusal must never have sent."""

MAX_TRANSFER_BLOCKS = 0xFFFF
BLOCK_SIZE = 2048
WRITE_TIMEOUT_S = 200.0
"""WRITE: libburn's 200 s (``spc.h``).  The first WRITE of a DAO DVD-R or BD-R burn may block
while the drive runs OPC and writes the lead-in (growisofs: *"First writes can be long,
especially in DAO mode"*, 180 s).  A command that times out is aborted by the kernel's error
handler, which resets the drive: in the middle of a burn that is a coaster, so these values
are generous on purpose (REAL-DRIVES.md #7)."""
IMMED_TIMEOUT_S = 200.0
"""RESERVE TRACK, and CLOSE / BLANK / FORMAT / SYNCHRONIZE CACHE with IMMED (libburn 200 s):
slow drives take more than 60 s just to accept them."""
LONG_TIMEOUT_S = 3600.0
"""BLANK, FORMAT UNIT, CLOSE and a cache flush without IMMED can take a full pass over the disc."""


def _u16(value: int) -> bytes:
    if not 0 <= value <= 0xFFFF:
        raise ValueError(f"{value} does not fit in 16 bits")
    return value.to_bytes(2, "big")


def _u32(value: int) -> bytes:
    if not 0 <= value <= 0xFFFF_FFFF:
        raise ValueError(f"{value} does not fit in 32 bits")
    return value.to_bytes(4, "big")


def _lba32(lba: int) -> bytes:
    """A 32-bit LBA; negative values (CD lead-in/pre-gap) in two's complement (MMC-6 §4.2.3.2)."""
    if not -(2**31) <= lba < 2**32:
        raise ValueError(f"LBA {lba} does not fit in 32 bits")
    return (lba & 0xFFFF_FFFF).to_bytes(4, "big")


def write10_cdb(lba: int, size_bytes: int, *, fua: bool = False) -> bytes:
    """The WRITE(10) CDB (MMC-6 §6.44 / SBC-3 §5.26) for ``size_bytes`` (whole 2048-byte
    blocks) at ``lba``; the data path uses it to send a caller's buffer without a copy."""
    blocks, rest = divmod(size_bytes, BLOCK_SIZE)
    if rest or not 0 < blocks <= MAX_TRANSFER_BLOCKS:
        raise ValueError(f"WRITE(10) of {size_bytes} bytes: not 1..65535 whole blocks")
    flags = 0x08 if fua else 0x00
    return bytes([WRITE_10, flags]) + _lba32(lba) + b"\x00" + _u16(blocks) + b"\x00"


def write10(lba: int, data: bytes | bytearray | memoryview, *, fua: bool = False) -> Command:
    """WRITE(10), MMC-6 §6.44 / SBC-3 §5.26: ``data`` (whole 2048-byte blocks) at ``lba``."""
    cdb = write10_cdb(lba, len(data), fua=fua)
    return Command(
        "WRITE(10)", cdb, Direction.TO_DEVICE, data=bytes(data), timeout_s=WRITE_TIMEOUT_S
    )


def synchronize_cache(*, immed: bool = False) -> Command:
    """SYNCHRONIZE CACHE(10), MMC-6 §6.41: flush the whole buffer (LBA 0, 0 blocks = all).

    With ``immed`` the drive answers at once and reports "long write in progress" (2/04/08)
    or "operation in progress" (2/04/07) to TEST UNIT READY until the flush is done.
    """
    cdb = bytes([SYNCHRONIZE_CACHE_10, 0x02 if immed else 0x00]) + bytes(8)
    return Command("SYNCHRONIZE CACHE", cdb, timeout_s=IMMED_TIMEOUT_S if immed else LONG_TIMEOUT_S)


class CloseFunction(enum.IntEnum):
    """CLOSE TRACK/SESSION close functions, MMC-6 §6.3.2.2, Table 158 and §6.3.3."""

    CLOSE_TRACK = 0b001
    """Close the logical track (all sequential media)."""
    CLOSE_SESSION = 0b010
    """Close the session; DVD+R/BD-R stay appendable; DVD+RW: stop background format."""
    FINALIZE_MINIMAL_RADIUS = 0b101
    """DVD+R: close the session and finalize the disc with minimal radius (§6.3.3.4.4)."""
    FINALIZE_DISC = 0b110
    """DVD+R / BD-R: close the session and finalize the disc (§6.3.3.4.5, §6.3.3.6)."""


def close_track_session(
    function: CloseFunction, number: int = 0, *, immed: bool = False
) -> Command:
    """CLOSE TRACK/SESSION, MMC-6 §6.3: ``number`` is the logical track (for CLOSE_TRACK) or
    ignored (0) for the session functions."""
    cdb = (
        bytes([CLOSE_TRACK_SESSION, 0x01 if immed else 0x00, int(function) & 0x07, 0])
        + _u16(number)
        + bytes(4)
    )
    name = "CLOSE TRACK" if function is CloseFunction.CLOSE_TRACK else "CLOSE SESSION"
    return Command(name, cdb, timeout_s=IMMED_TIMEOUT_S if immed else LONG_TIMEOUT_S)


def reserve_track(blocks: int) -> Command:
    """RESERVE TRACK, MMC-6 §6.31, RMZ = ARSV = 0: reserve ``blocks`` blocks at the NWA
    for the next track (DVD-R DAO needs it; optional on DVD+R/BD-R)."""
    if blocks <= 0:
        raise ValueError("reservation size must be positive")
    return Command(
        "RESERVE TRACK",
        bytes([RESERVE_TRACK, 0, 0, 0, 0]) + _u32(blocks) + b"\x00",
        timeout_s=IMMED_TIMEOUT_S,
    )


class BlankType(enum.IntEnum):
    """BLANK blanking types, MMC-6 §6.2.3, Table 126."""

    FULL = 0b000
    """Blank the disc (the whole medium)."""
    MINIMAL = 0b001
    """Minimally blank the disc (PMA, lead-in, first track pre-gap)."""


def blank(kind: BlankType, *, immed: bool = True, start: int = 0) -> Command:
    """BLANK, MMC-6 §6.2 (CD-RW, DVD-RW): with ``immed`` progress is polled by TEST UNIT READY /
    REQUEST SENSE (sense-key-specific progress indication, SPC-4 §4.5.2.4.4)."""
    cdb = bytes([BLANK, (0x10 if immed else 0) | (int(kind) & 0x07)]) + _u32(start) + bytes(6)
    return Command("BLANK", cdb, timeout_s=IMMED_TIMEOUT_S if immed else LONG_TIMEOUT_S)


class FormatType(enum.IntEnum):
    """FORMAT UNIT format types used here, MMC-6 §6.5.4.2, Table 172."""

    FULL = 0x00
    """Full format (DVD-RAM, DVD-RW, BD-RE default size; BD-R SRM with sub-type)."""
    DVD_RW_QUICK_GROW = 0x13
    """DVD-RW Restricted Overwrite: grow a quick-formatted disc's session (§6.5.4.2.8)."""
    DVD_RW_QUICK = 0x15
    """DVD-RW quick format to Restricted Overwrite (§6.5.4.2.10)."""
    DVD_PLUS_RW_BASIC = 0x26
    """DVD+RW basic (background) format (§6.5.4.2.14)."""
    BD_RE_WITH_SPARES = 0x30
    BD_RE_NO_SPARES = 0x31


@dataclass(frozen=True, slots=True)
class FormatDescriptor:
    """One format descriptor (MMC-6 §6.5.3.3, Table 171), as sent in FORMAT UNIT and as
    offered by READ FORMAT CAPACITIES (§6.24.3.3)."""

    blocks: int
    format_type: int
    subtype: int = 0
    type_parameter: int = 0
    """The 24-bit Type Dependent Parameter (e.g. the block length 2048 for type 00h)."""

    def to_bytes(self) -> bytes:
        if not 0 <= self.format_type < 64 or not 0 <= self.subtype < 4:
            raise ValueError("format type is 6 bits, sub-type 2 bits")
        if not 0 <= self.type_parameter < 1 << 24:
            raise ValueError("type dependent parameter is 24 bits")
        return (
            _u32(self.blocks)
            + bytes([(self.format_type << 2) | self.subtype])
            + self.type_parameter.to_bytes(3, "big")
        )


def format_unit(descriptor: FormatDescriptor, *, immed: bool = True) -> Command:
    """FORMAT UNIT, MMC-6 §6.5: the CDB (FmtData = 1, Format Code 001b) and its parameter list
    (format list header §6.5.3.2 with FOV and IMMED, then one 8-byte descriptor)."""
    cdb = bytes([FORMAT_UNIT, 0x10 | 0x01, 0, 0, 0, 0])
    header_flags = 0x80 | (0x02 if immed else 0x00)  # FOV: the IMMED bit is valid
    params = bytes([0, header_flags]) + _u16(8) + descriptor.to_bytes()
    return Command(
        "FORMAT UNIT",
        cdb,
        Direction.TO_DEVICE,
        data=params,
        timeout_s=IMMED_TIMEOUT_S if immed else LONG_TIMEOUT_S,
    )


def send_opc_information(*, do_opc: bool = True) -> Command:
    """SEND OPC INFORMATION, MMC-6 §6.36: DoOPC = 1 asks the drive to calibrate its laser
    power now (otherwise it does so on the first WRITE)."""
    cdb = bytes([SEND_OPC_INFORMATION, 0x01 if do_opc else 0x00]) + bytes(8)
    return Command("SEND OPC INFORMATION", cdb, timeout_s=LONG_TIMEOUT_S)


def read_format_capacities(allocation_length: int = 252) -> Command:
    """READ FORMAT CAPACITIES, MMC-6 §6.24."""
    cdb = bytes([READ_FORMAT_CAPACITIES]) + bytes(6) + _u16(allocation_length) + b"\x00"
    return Command("READ FORMAT CAPACITIES", cdb, Direction.FROM_DEVICE, allocation_length)


class CapacityDescriptorType(enum.IntEnum):
    """Descriptor Type of the current/maximum capacity descriptor, MMC-6 §6.24.3.2, Table 284."""

    UNFORMATTED = 0b01
    FORMATTED = 0b10
    NO_MEDIUM = 0b11


@dataclass(frozen=True, slots=True)
class FormatCapacities:
    """The READ FORMAT CAPACITIES reply, MMC-6 §6.24.3."""

    current_blocks: int
    current_type: CapacityDescriptorType
    block_length: int
    formats: tuple[FormatDescriptor, ...]

    def offered(self, format_type: int) -> tuple[FormatDescriptor, ...]:
        return tuple(d for d in self.formats if d.format_type == format_type)


def parse_format_capacities(data: bytes) -> FormatCapacities:
    """Parse READ FORMAT CAPACITIES data: 4-byte header (byte 3 = capacity list length), the
    current/maximum capacity descriptor, then formattable capacity descriptors."""
    if len(data) < 12:
        raise ValueError(f"format capacities reply too short ({len(data)} bytes)")
    list_length = data[3]
    end = min(len(data), 4 + list_length)
    blocks, kind_byte = struct.unpack_from(">IB", data, 4)
    kind = kind_byte & 0x03
    if kind == 0:
        raise ValueError("reserved capacity descriptor type 00b")
    block_length = int.from_bytes(data[9:12], "big")
    formats = []
    for offset in range(12, end - 7, 8):
        count, type_byte = struct.unpack_from(">IB", data, offset)
        param = int.from_bytes(data[offset + 5 : offset + 8], "big")
        formats.append(FormatDescriptor(count, type_byte >> 2, type_byte & 0x03, param))
    return FormatCapacities(blocks, CapacityDescriptorType(kind), block_length, tuple(formats))
