"""MODE SENSE/SELECT(10) parameter lists (SPC-4 §7.5.5, Table 360: 8-byte header, block
descriptors, pages) and the two MMC pages Spindle uses:

- 2Ah, MM Capabilities and Mechanical Status (MMC-3 §5.5.10; obsolete in MMC-6 but every
  drive still returns it): what the drive reads and writes, buffer size, speeds.
- 05h, Write Parameters (MMC-6 §7.5.4, Table 673): write type, track mode, data block type,
  multisession, test write.  Burning sets it with MODE SELECT(10) before writing CDs and
  DVD-R.
"""

from __future__ import annotations

import contextlib
import enum
from dataclasses import dataclass, replace

from app.core.mmc.reply import ReplyFormatError, be16, require

PAGE_WRITE_PARAMETERS = 0x05
PAGE_CAPABILITIES = 0x2A
HEADER10_LENGTH = 8


@dataclass(frozen=True, slots=True)
class ModePage:
    """One page from a mode parameter list; ``data`` starts with the page code byte."""

    code: int
    subpage: int
    parameters_savable: bool
    data: bytes


def parse_mode_pages(data: bytes) -> tuple[ModePage, ...]:
    """Split a MODE SENSE(10) reply into its pages (page_0 and sub_page formats, SPC-4
    §7.5.7), skipping the header and any block descriptors."""
    require(data, HEADER10_LENGTH, "MODE SENSE(10)")
    end = min(len(data), 2 + be16(data, 0))
    offset = HEADER10_LENGTH + be16(data, 6)
    pages = []
    while offset + 2 <= end:
        first = data[offset]
        if first & 0x40:  # SPF: sub_page format, 2-byte length
            if offset + 4 > end:
                break
            length = 4 + be16(data, offset + 2)
            subpage = data[offset + 1]
        else:
            length = 2 + data[offset + 1]
            subpage = 0
        pages.append(
            ModePage(
                first & 0x3F, subpage, bool(first & 0x80), bytes(data[offset : offset + length])
            )
        )
        offset += length
    return tuple(pages)


def find_page(data: bytes, code: int) -> ModePage:
    for page in parse_mode_pages(data):
        if page.code == code:
            return page
    raise ReplyFormatError(
        f"The drive did not return mode page {code:02X}h.",
        f"MODE SENSE(10) reply: {data[:64].hex(' ')}",
    )


@dataclass(frozen=True, slots=True)
class WriteSpeed:
    """A write speed descriptor of page 2Ah (bytes 32+, 4 bytes each)."""

    rotation_control: int
    kbytes_per_s: int


@dataclass(frozen=True, slots=True)
class Capabilities:
    """Page 2Ah: read/write support bits, mechanism, buffer and speeds (kB/s = 1000 B/s)."""

    reads_cd_r: bool
    reads_cd_rw: bool
    reads_dvd_rom: bool
    reads_dvd_r: bool
    reads_dvd_ram: bool
    writes_cd_r: bool
    writes_cd_rw: bool
    test_write: bool
    writes_dvd_r: bool
    writes_dvd_ram: bool
    multisession: bool
    buffer_underrun_protection: bool
    cdda_commands: bool
    cdda_accurate: bool
    c2_pointers: bool
    can_lock: bool
    locked: bool
    can_eject: bool
    loading_mechanism: int
    buffer_size_kib: int
    max_read_kbps: int
    max_write_kbps: int
    current_write_kbps: int
    write_speeds: tuple[WriteSpeed, ...] = ()


def parse_capabilities(data: bytes) -> Capabilities:
    """Parse page 2Ah out of a MODE SENSE(10) reply (the whole reply, header included)."""
    page = find_page(data, PAGE_CAPABILITIES).data
    require(page, 20, "mode page 2Ah")

    def bit(byte: int, n: int) -> bool:
        return bool(page[byte] >> n & 1)

    def word(offset: int) -> int:
        return be16(page, offset) if len(page) >= offset + 2 else 0

    speeds = []
    count = word(30)
    for index in range(count):
        offset = 32 + 4 * index
        if offset + 4 > len(page):
            break
        speeds.append(WriteSpeed(page[offset + 1] & 0x03, be16(page, offset + 2)))
    current_write = word(28) or word(20)
    return Capabilities(
        reads_cd_r=bit(2, 0),
        reads_cd_rw=bit(2, 1),
        reads_dvd_rom=bit(2, 3),
        reads_dvd_r=bit(2, 4),
        reads_dvd_ram=bit(2, 5),
        writes_cd_r=bit(3, 0),
        writes_cd_rw=bit(3, 1),
        test_write=bit(3, 2),
        writes_dvd_r=bit(3, 4),
        writes_dvd_ram=bit(3, 5),
        multisession=bit(4, 6),
        buffer_underrun_protection=bit(4, 7),
        cdda_commands=bit(5, 0),
        cdda_accurate=bit(5, 1),
        c2_pointers=bit(5, 4),
        can_lock=bit(6, 0),
        locked=bit(6, 1),
        can_eject=bit(6, 3),
        loading_mechanism=page[6] >> 5,
        buffer_size_kib=word(12),
        max_read_kbps=word(8),
        max_write_kbps=word(18),
        current_write_kbps=current_write,
        write_speeds=tuple(speeds),
    )


class WriteType(enum.IntEnum):
    """Page 05h byte 2 bits 3-0 (MMC-6 Table 674)."""

    PACKET_INCREMENTAL = 0
    TRACK_AT_ONCE = 1
    SESSION_AT_ONCE = 2
    RAW = 3
    LAYER_JUMP = 4


class MultiSession(enum.IntEnum):
    """Page 05h byte 3 bits 7-6 (Table 675)."""

    NO_NEXT_SESSION = 0
    """Close the disc: no further sessions (B0 pointer FFh)."""
    NEXT_SESSION_NO_CDS = 1
    RESERVED = 2
    NEXT_SESSION_ALLOWED = 3


class DataBlockType(enum.IntEnum):
    """Page 05h byte 4 bits 3-0 (Table 677)."""

    RAW_2352 = 0
    RAW_PQ = 1
    RAW_PW_PACKED = 2
    RAW_PW = 3
    MODE1_2048 = 8
    MODE2_2336 = 9
    MODE2_FORM1_2048 = 10
    MODE2_FORM1_SUBHEADER = 11
    MODE2_FORM2 = 12
    MODE2_MIXED = 13


@dataclass(frozen=True, slots=True)
class WriteParameters:
    """Page 05h (Table 673) - the fields a burner sets; :meth:`to_page` keeps the bytes of
    ``raw`` it does not model (what MODE SENSE returned)."""

    write_type: WriteType | int = WriteType.TRACK_AT_ONCE
    test_write: bool = False
    buffer_underrun_free: bool = True
    link_size_valid: bool = False
    multisession: MultiSession | int = MultiSession.NO_NEXT_SESSION
    fixed_packet: bool = False
    copy: bool = False
    track_mode: int = 4
    data_block_type: DataBlockType | int = DataBlockType.MODE1_2048
    link_size: int = 0
    application_code: int = 0
    session_format: int = 0
    packet_size: int = 0
    audio_pause_length: int = 150
    raw: bytes = b""

    def to_page(self) -> bytes:
        """The page bytes for MODE SELECT (PS bit cleared, SPC-4 §7.5.7)."""
        page = bytearray(self.raw[:PAGE_05_LENGTH].ljust(PAGE_05_LENGTH, b"\0"))
        page[0] = PAGE_WRITE_PARAMETERS
        page[1] = PAGE_05_LENGTH - 2
        page[2] = (
            (0x40 if self.buffer_underrun_free else 0)
            | (0x20 if self.link_size_valid else 0)
            | (0x10 if self.test_write else 0)
            | (int(self.write_type) & 0x0F)
        )
        page[3] = (
            (int(self.multisession) & 3) << 6
            | (0x20 if self.fixed_packet else 0)
            | (0x10 if self.copy else 0)
            | (self.track_mode & 0x0F)
        )
        page[4] = int(self.data_block_type) & 0x0F
        page[5] = self.link_size & 0xFF
        page[7] = self.application_code & 0x3F
        page[8] = self.session_format & 0xFF
        page[10:14] = self.packet_size.to_bytes(4, "big")
        page[14:16] = self.audio_pause_length.to_bytes(2, "big")
        return bytes(page)

    def with_changes(self, **changes: object) -> WriteParameters:
        return replace(self, **changes)  # type: ignore[arg-type]


PAGE_05_LENGTH = 0x34
"""Page 05h is 52 bytes (page length 32h)."""


def parse_write_parameters(data: bytes) -> WriteParameters:
    """Parse page 05h out of a MODE SENSE(10) reply."""
    page = find_page(data, PAGE_WRITE_PARAMETERS).data
    require(page, 16, "mode page 05h")
    write_type: WriteType | int = page[2] & 0x0F
    with contextlib.suppress(ValueError):
        write_type = WriteType(write_type)
    block: DataBlockType | int = page[4] & 0x0F
    with contextlib.suppress(ValueError):
        block = DataBlockType(block)
    return WriteParameters(
        write_type=write_type,
        test_write=bool(page[2] & 0x10),
        buffer_underrun_free=bool(page[2] & 0x40),
        link_size_valid=bool(page[2] & 0x20),
        multisession=MultiSession(page[3] >> 6),
        fixed_packet=bool(page[3] & 0x20),
        copy=bool(page[3] & 0x10),
        track_mode=page[3] & 0x0F,
        data_block_type=block,
        link_size=page[5],
        application_code=page[7] & 0x3F,
        session_format=page[8],
        packet_size=int.from_bytes(page[10:14], "big"),
        audio_pause_length=be16(page, 14),
        raw=bytes(page),
    )


def mode_select_parameters(page: bytes) -> bytes:
    """A MODE SELECT(10) parameter list: an 8-byte header (mode data length and block
    descriptor length zero, SPC-4 §7.5.5: reserved for MODE SELECT) followed by ``page``."""
    return bytes(HEADER10_LENGTH) + bytes(page)
