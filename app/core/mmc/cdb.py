"""CDB builders, one function per command, named after the spec and returning a
:class:`~app.core.mmc.command.Command`.  Multi-byte fields are big-endian (SPC-4 §3.5.1);
the last byte of every CDB is CONTROL (zero).  Builders validate their arguments and raise
``ValueError`` for values a CDB field cannot hold (a programming error, not a user error).
"""

from __future__ import annotations

import enum

from app.core.mmc.command import Command
from app.core.transport.base import Direction

INQUIRY_LENGTH = 96
"""Standard INQUIRY allocation length: the 36 mandatory bytes plus vendor fields."""
DISC_INFORMATION_LENGTH = 34
"""Standard Disc Information (MMC-6 Table 498) without OPC tables."""
TRACK_INFORMATION_LENGTH = 48
"""Track Information block (MMC-6 Table 573)."""
SENSE_LENGTH = 252
CONFIGURATION_LENGTH = 65530
"""GET CONFIGURATION allocation: the largest value with the low byte even, as libburn uses."""
TOC_LENGTH = 4100
"""Room for 99 tracks plus lead-out (format 0) or a multi-session full TOC (format 2)."""
MODE_SENSE_LENGTH = 0xFFF0
LONG_TIMEOUT_S = 3600.0
LOAD_TIMEOUT_S = 300.0
"""START STOP UNIT (load, eject, spin-up): libburn's 300 s (``spc.h``)."""
"""For commands that may take minutes (format, close session, eject with a slow tray)."""


def _field(value: int, size: int, name: str) -> bytes:
    if not 0 <= value < 1 << (8 * size):
        raise ValueError(f"{name} {value} does not fit in {size} byte(s)")
    return value.to_bytes(size, "big")


def _data_in(name: str, cdb: bytes, length: int, timeout_s: float | None = None) -> Command:
    if timeout_s is None:
        return Command(name, cdb, Direction.FROM_DEVICE, length)
    return Command(name, cdb, Direction.FROM_DEVICE, length, timeout_s=timeout_s)


# --- SPC-4 ---------------------------------------------------------------------------------


def test_unit_ready() -> Command:
    """TEST UNIT READY (00h), SPC-4 §6.47: GOOD when a medium is loaded and ready."""
    return Command("TEST UNIT READY", bytes(6))


def request_sense(length: int = SENSE_LENGTH) -> Command:
    """REQUEST SENSE (03h), SPC-4 §6.39, fixed format (DESC=0)."""
    return _data_in(
        "REQUEST SENSE", bytes([0x03, 0, 0, 0, *_field(length, 1, "length"), 0]), length
    )


def inquiry(length: int = INQUIRY_LENGTH, *, vpd_page: int | None = None) -> Command:
    """INQUIRY (12h), SPC-4 §6.6; standard data, or a VPD page with ``vpd_page``."""
    evpd, page = (0, 0) if vpd_page is None else (1, vpd_page)
    cdb = bytes([0x12, evpd, _field(page, 1, "page")[0], *_field(length, 2, "length"), 0])
    return _data_in("INQUIRY", cdb, length)


def mode_sense10(
    page_code: int,
    *,
    subpage: int = 0,
    page_control: int = 0,
    disable_block_descriptors: bool = True,
    length: int = MODE_SENSE_LENGTH,
) -> Command:
    """MODE SENSE(10) (5Ah), SPC-4 §6.14; ``page_control`` 0 current, 1 changeable,
    2 default, 3 saved (Table 107)."""
    if not 0 <= page_code <= 0x3F or not 0 <= page_control <= 3:
        raise ValueError("page code is 6 bits, page control 2 bits")
    cdb = bytes(
        [
            0x5A,
            0x08 if disable_block_descriptors else 0,
            page_control << 6 | page_code,
            *_field(subpage, 1, "subpage"),
            0,
            0,
            0,
            *_field(length, 2, "length"),
            0,
        ]
    )
    return _data_in(f"MODE SENSE(10) page {page_code:02X}h", cdb, length)


def mode_select10(parameter_list: bytes, *, save_pages: bool = False) -> Command:
    """MODE SELECT(10) (55h), SPC-4 §6.12, PF=1; ``parameter_list`` from
    :func:`app.core.mmc.mode_pages.mode_select_parameters`."""
    cdb = bytes(
        [0x55, 0x10 | int(save_pages), 0, 0, 0, 0, 0, *_field(len(parameter_list), 2, "length"), 0]
    )
    return Command("MODE SELECT(10)", cdb, Direction.TO_DEVICE, data=bytes(parameter_list))


def prevent_allow_medium_removal(prevent: bool) -> Command:
    """PREVENT ALLOW MEDIUM REMOVAL (1Eh), SPC-4 §6.17 / MMC-6 §6.12 (persistent bits 0)."""
    name = "PREVENT MEDIUM REMOVAL" if prevent else "ALLOW MEDIUM REMOVAL"
    return Command(name, bytes([0x1E, 0, 0, 0, int(prevent), 0]))


# --- MMC-6 ---------------------------------------------------------------------------------


class ConfigurationRequest(enum.IntEnum):
    """RT field of GET CONFIGURATION (MMC-6 §6.6.2.2, Table 294)."""

    ALL = 0
    """All features, current or not, from the starting feature on."""
    CURRENT = 1
    """Only features whose Current bit is set."""
    ONE = 2
    """Only the starting feature."""


def get_configuration(
    request: ConfigurationRequest = ConfigurationRequest.ALL,
    start_feature: int = 0,
    length: int = CONFIGURATION_LENGTH,
) -> Command:
    """GET CONFIGURATION (46h), MMC-6 §6.6."""
    cdb = bytes(
        [
            0x46,
            request,
            *_field(start_feature, 2, "feature"),
            0,
            0,
            0,
            *_field(length, 2, "length"),
            0,
        ]
    )
    return _data_in("GET CONFIGURATION", cdb, length)


def get_event_status_notification(
    *, media: bool = True, operational_change: bool = False, length: int = 8
) -> Command:
    """GET EVENT STATUS NOTIFICATION (4Ah), MMC-6 §6.7, polled; request the media class
    (bit 4) and optionally the operational change class (bit 1)."""
    classes = (0x10 if media else 0) | (0x02 if operational_change else 0)
    cdb = bytes([0x4A, 0x01, 0, 0, classes, 0, 0, *_field(length, 2, "length"), 0])
    return _data_in("GET EVENT STATUS NOTIFICATION", cdb, length)


class PerformanceType(enum.IntEnum):
    """Type field of GET PERFORMANCE (MMC-6 §6.8.2.2, Table 300)."""

    PERFORMANCE = 0x00
    UNUSABLE_AREA = 0x01
    DEFECT_STATUS = 0x02
    WRITE_SPEED = 0x03


def get_performance(
    kind: PerformanceType = PerformanceType.WRITE_SPEED,
    *,
    write: bool = False,
    start_lba: int = 0,
    max_descriptors: int = 32,
) -> Command:
    """GET PERFORMANCE (ACh), MMC-6 §6.8.  For :attr:`PerformanceType.PERFORMANCE` the Data
    Type byte asks for nominal performance (Except=00b) with 10% tolerance (10b, Table 299),
    reading or ``write``; each descriptor is 16 bytes after an 8-byte header."""
    data_type = 0x10 | (0x04 if write else 0) if kind is PerformanceType.PERFORMANCE else 0
    length = 8 + 16 * max_descriptors
    cdb = bytes(
        [
            0xAC,
            data_type,
            *_field(start_lba, 4, "lba"),
            0,
            0,
            *_field(max_descriptors, 2, "descriptors"),
            kind,
            0,
        ]
    )
    return _data_in(f"GET PERFORMANCE type {kind:02X}h", cdb, length)


def read_buffer_capacity(length: int = 12) -> Command:
    """READ BUFFER CAPACITY (5Ch), MMC-6 §6.24, Block=0 (sizes in bytes)."""
    cdb = bytes([0x5C, 0, 0, 0, 0, 0, 0, *_field(length, 2, "length"), 0])
    return _data_in("READ BUFFER CAPACITY", cdb, length)


def read_capacity() -> Command:
    """READ CAPACITY (25h), MMC-6 §6.23: last LBA of the last session + block length."""
    return _data_in("READ CAPACITY", bytes([0x25, *bytes(9)]), 8)


def read_disc_information(length: int = DISC_INFORMATION_LENGTH) -> Command:
    """READ DISC INFORMATION (51h), MMC-6 §6.22, data type 000b (standard disc information)."""
    cdb = bytes([0x51, 0, 0, 0, 0, 0, 0, *_field(length, 2, "length"), 0])
    return _data_in("READ DISC INFORMATION", cdb, length)


class TrackAddressType(enum.IntEnum):
    """Address/Number Type of READ TRACK INFORMATION (MMC-6 §6.26.2.2, Table 570)."""

    LBA = 0
    TRACK = 1
    SESSION = 2


def read_track_information(
    number: int,
    address_type: TrackAddressType = TrackAddressType.TRACK,
    *,
    length: int = TRACK_INFORMATION_LENGTH,
) -> Command:
    """READ TRACK INFORMATION (52h), MMC-6 §6.26.  Track 0xFF is the invisible/incomplete
    track on CD (the next writable one)."""
    cdb = bytes(
        [
            0x52,
            address_type,
            *_field(number, 4, "track/LBA"),
            0,
            *_field(length, 2, "length"),
            0,
        ]
    )
    return _data_in("READ TRACK INFORMATION", cdb, length)


class TocFormat(enum.IntEnum):
    """READ TOC/PMA/ATIP formats (MMC-6 §6.25.2.3, Table 520)."""

    TOC = 0
    SESSION_INFO = 1
    FULL_TOC = 2
    PMA = 3
    ATIP = 4
    CD_TEXT = 5


def read_toc(
    fmt: TocFormat = TocFormat.TOC,
    *,
    msf: bool = False,
    track_session: int = 0,
    length: int = TOC_LENGTH,
    sff8020: bool = False,
) -> Command:
    """READ TOC/PMA/ATIP (43h), MMC-6 §6.25.  ``track_session`` is the starting track for
    format 0, the first session for format 2.

    CONTROL (byte 9) is 0, as libburn sends it: MMC leaves its bits 7-6 vendor specific and
    strict firmware or bridges may reject them (REAL-DRIVES.md #27).  ``sff8020`` also puts
    formats 0-2 there, where SFF-8020i ATAPI drives read the format: QEMU's ATAPI CD-ROM (the
    lab's AHCI drive) ignores byte 2 and answers format 0 otherwise.  Only
    :class:`~app.core.devices.drive.Drive` decides to, when a reply shows it is needed."""
    legacy = int(fmt) << 6 if sff8020 and fmt <= TocFormat.FULL_TOC else 0
    cdb = bytes(
        [
            0x43,
            0x02 if msf else 0,
            fmt,
            0,
            0,
            0,
            *_field(track_session, 1, "track/session"),
            *_field(length, 2, "length"),
            legacy,
        ]
    )
    return _data_in(f"READ TOC format {int(fmt)}", cdb, length)


def set_cd_speed(
    read_kbps: int = 0xFFFF, write_kbps: int = 0xFFFF, *, constant_angular: bool = False
) -> Command:
    """SET CD SPEED (BBh), MMC-6 §6.37: speeds in kB/s (1000 bytes/s), 0xFFFF = maximum;
    rotation control 00b CLV/pure CAV, 01b CAV (Table 640)."""
    cdb = bytes(
        [
            0xBB,
            int(constant_angular),
            *_field(read_kbps, 2, "read speed"),
            *_field(write_kbps, 2, "write speed"),
            *bytes(6),
        ]
    )
    return Command("SET CD SPEED", cdb)


def set_streaming(parameters: bytes) -> Command:
    """SET STREAMING (B6h), MMC-6 §6.39, Type 0 (performance descriptor, 28 bytes, built by
    :func:`app.core.mmc.performance.streaming_descriptor`)."""
    cdb = bytes([0xB6, 0, 0, 0, 0, 0, 0, 0, 0, *_field(len(parameters), 2, "length"), 0])
    return Command("SET STREAMING", cdb, Direction.TO_DEVICE, data=bytes(parameters))


def start_stop_unit(*, start: bool, load_eject: bool, immediate: bool = False) -> Command:
    """START STOP UNIT (1Bh), MMC-6 §6.40, Table 647: LoEj=1 Start=0 ejects, LoEj=1 Start=1
    loads (closes the tray), LoEj=0 spins up or down."""
    action = {
        (False, True): "EJECT",
        (True, True): "LOAD",
        (True, False): "START",
        (False, False): "STOP",
    }[(start, load_eject)]
    cdb = bytes([0x1B, int(immediate), 0, 0, (0x02 if load_eject else 0) | int(start), 0])
    return Command(f"START STOP UNIT ({action})", cdb, timeout_s=LOAD_TIMEOUT_S)


def read10(
    lba: int, blocks: int, *, block_size: int = 2048, force_unit_access: bool = False
) -> Command:
    """READ(10) (28h), MMC-6 §6.16 / SBC-3: ``blocks`` logical blocks from ``lba``."""
    cdb = bytes(
        [
            0x28,
            0x08 if force_unit_access else 0,
            *_field(lba, 4, "lba"),
            0,
            *_field(blocks, 2, "blocks"),
            0,
        ]
    )
    return _data_in("READ(10)", cdb, blocks * block_size)


def read12(
    lba: int,
    blocks: int,
    *,
    block_size: int = 2048,
    force_unit_access: bool = False,
    streaming: bool = False,
) -> Command:
    """READ(12) (A8h), MMC-6 §6.17; ``streaming`` sets the Streaming bit (byte 10 bit 7) for
    real-time reads that favour speed over retries."""
    cdb = bytes(
        [
            0xA8,
            0x08 if force_unit_access else 0,
            *_field(lba, 4, "lba"),
            *_field(blocks, 4, "blocks"),
            0x80 if streaming else 0,
            0,
        ]
    )
    return _data_in("READ(12)", cdb, blocks * block_size)


class SectorType(enum.IntEnum):
    """Expected Sector Type of READ CD (MMC-6 §6.19.2.2, Table 431)."""

    ANY = 0
    CDDA = 1
    MODE1 = 2
    MODE2_FORMLESS = 3
    MODE2_FORM1 = 4
    MODE2_FORM2 = 5


class C2ErrorField(enum.IntEnum):
    """C2 Error Information of READ CD byte 9 bits 2-1 (Table 435)."""

    NONE = 0
    C2_BITS = 1
    """294 bytes, one bit per byte of the 2352-byte sector."""
    C2_AND_BLOCK_BITS = 2
    """296 bytes: block error byte, pad byte, then the 294 C2 bytes."""


def read_cd(
    lba: int,
    blocks: int,
    *,
    sector_type: SectorType = SectorType.ANY,
    sync: bool = True,
    header_codes: int = 3,
    user_data: bool = True,
    edc_ecc: bool = True,
    c2: C2ErrorField = C2ErrorField.NONE,
    subchannel: int = 0,
    digital_audio_play: bool = False,
    block_size: int = 0,
) -> Command:
    """READ CD (BEh), MMC-6 §6.19.  Defaults read the full 2352-byte raw sector (sync, all
    headers, user data, EDC/ECC: byte 9 = F8h); ``subchannel`` 1 raw P-W (96 bytes), 2 Q
    (16 bytes), 4 R-W (96 bytes) (Table 436).  The transfer length per block follows Table 434.
    """
    if not 0 <= header_codes <= 3 or subchannel not in (0, 1, 2, 4):
        raise ValueError("header codes are 2 bits; subchannel is 0, 1, 2 or 4")
    flags = (
        (0x80 if sync else 0)
        | header_codes << 5
        | (0x10 if user_data else 0)
        | (0x08 if edc_ecc else 0)
        | c2 << 1
    )
    cdb = bytes(
        [
            0xBE,
            sector_type << 2 | (0x02 if digital_audio_play else 0),
            *_field(lba, 4, "lba"),
            *_field(blocks, 3, "blocks"),
            flags,
            subchannel,
            0,
        ]
    )
    per_block = block_size or read_cd_block_size(sector_type, flags, c2, subchannel)
    return _data_in("READ CD", cdb, blocks * per_block)


_USER_DATA_SIZES = {
    SectorType.ANY: 2048,
    SectorType.MODE1: 2048,
    SectorType.MODE2_FORM1: 2048,
    SectorType.MODE2_FORMLESS: 2336,
    SectorType.MODE2_FORM2: 2324,
}


def read_cd_block_size(
    sector_type: SectorType, flags: int, c2: C2ErrorField, subchannel: int
) -> int:
    """Bytes per block that READ CD returns (MMC-6 §6.19.2.7, Table 434) for the two main
    channel selections used in practice: the whole 2352-byte sector (CD-DA, or byte 9 = F8h)
    and user data only (byte 9 = 10h); plus C2 and subchannel bytes (Tables 435, 436).
    Other combinations need an explicit ``block_size``."""
    main_flags = flags & 0xF8
    if sector_type is SectorType.CDDA:
        main = 2352 if main_flags & 0x10 else 0
    elif main_flags == 0xF8:
        main = 2352
    elif main_flags == 0x10:
        main = _USER_DATA_SIZES[sector_type]
    elif main_flags == 0:
        main = 0
    else:
        raise ValueError(f"READ CD byte 9 = {flags:02X}h: give block_size explicitly")
    c2_bytes = {
        C2ErrorField.NONE: 0,
        C2ErrorField.C2_BITS: 294,
        C2ErrorField.C2_AND_BLOCK_BITS: 296,
    }
    sub_bytes = {0: 0, 1: 96, 2: 16, 4: 96}
    return main + c2_bytes[c2] + sub_bytes[subchannel]
