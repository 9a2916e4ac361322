"""Reply parsers against golden bytes: replies captured from the drive lab's kernel drives
(tests/unit/fixtures/lab, see lab_fixtures.py) and hand-built replies for media the lab
does not have (CD-R burners, appendable discs, multisession TOCs), built from the MMC-6
tables cited in each parser."""

from __future__ import annotations

import pytest

from app.core.mmc.buffer import parse_buffer_capacity
from app.core.mmc.capacity import parse_capacity
from app.core.mmc.configuration import parse_configuration
from app.core.mmc.disc_info import (
    BackgroundFormat,
    DiscStatus,
    SessionState,
    parse_disc_information,
)
from app.core.mmc.events import MediaEvent, parse_media_event
from app.core.mmc.inquiry import parse_inquiry, parse_unit_serial_number
from app.core.mmc.mode_pages import (
    DataBlockType,
    MultiSession,
    WriteParameters,
    WriteType,
    mode_select_parameters,
    parse_capabilities,
    parse_mode_pages,
    parse_write_parameters,
)
from app.core.mmc.performance import (
    parse_performance,
    parse_write_speeds,
    speed_factor,
    streaming_descriptor,
)
from app.core.mmc.profiles import FeatureCode, MediaFamily, Profile, profile_name
from app.core.mmc.reply import ReplyFormatError
from app.core.mmc.toc import parse_full_toc, parse_session_info, parse_toc
from app.core.mmc.track_info import parse_track_information
from app.core.transport.recording import Exchange
from app.core.units import Msf
from tests.fakes.lab_fixtures import DVD_PLUS_R_BLOCKS, ISO_BLOCKS, recording, reply_data

# --- INQUIRY -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "vendor", "product", "revision"),
    [
        ("LAB_CD_VSCSI", "QEMU", "VSCSI_CD-ROM", "2.5+"),
        ("LAB_CD_AHCI", "QEMU", "QEMU DVD-ROM", "2.5+"),
        ("LAB_CD_EMPTY", "QEMU", "VSCSI_EMPTY", "2.5+"),
        ("LAB_BLANK_1", "TGTLAB", "BLANK-DVDR-1", "0001"),
        ("LAB_TGT_DVDROM", "TGTLAB", "DVD-ROM", "0001"),
    ],
)
def test_inquiry_from_lab(label: str, vendor: str, product: str, revision: str) -> None:
    data = parse_inquiry(reply_data(label, "INQUIRY"))
    assert (data.vendor, data.product, data.revision) == (vendor, product, revision)
    assert data.device_type == 0x05
    assert data.is_mmc
    assert data.removable
    assert data.version == 0x05  # SPC-3
    assert data.name == f"{vendor} {product}"


def test_unit_serial_number_vpd_from_lab() -> None:
    assert parse_unit_serial_number(bytes.fromhex("0583000400000000")) == ""  # page 83h
    blank = next(e for e in _exchanges("LAB_BLANK_1") if e.cdb.hex() == "120180006000")
    assert parse_unit_serial_number(blank.data) == "beaf11"


def _exchanges(label: str) -> tuple[Exchange, ...]:
    return recording(label).exchanges


def test_inquiry_too_short() -> None:
    with pytest.raises(ReplyFormatError, match="incomplete answer to INQUIRY"):
        parse_inquiry(b"\x05\x80\x05\x02")


# --- GET CONFIGURATION ---------------------------------------------------------------------


def test_configuration_qemu_cd() -> None:
    config = parse_configuration(reply_data("LAB_CD_VSCSI", "GET CONFIGURATION"))
    assert config.current_profile == Profile.CD_ROM
    assert [(p.name, p.current) for p in config.profiles] == [
        ("DVD-ROM", False),
        ("CD-ROM", True),
    ]
    assert [f.code for f in config.features] == [0x0000, 0x0001, 0x0003]
    assert config.physical_interface == 1  # SCSI family
    assert config.write_features == ()
    assert config.write_profiles == ()
    assert config.read_profiles == (Profile.DVD_ROM, Profile.CD_ROM)
    removable = config.removable_medium
    assert removable is not None
    assert (removable.mechanism_name, removable.can_eject, removable.can_lock) == (
        "tray",
        True,
        True,
    )
    assert removable.can_load


def test_configuration_empty_drive_has_no_current_profile() -> None:
    config = parse_configuration(reply_data("LAB_CD_EMPTY", "GET CONFIGURATION"))
    assert config.current_profile == Profile.NONE
    assert config.current_profile_name == "no disc"
    assert not any(p.current for p in config.profiles)


def test_configuration_tgt_blank_dvd_plus_r() -> None:
    config = parse_configuration(reply_data("LAB_BLANK_1", "GET CONFIGURATION"))
    assert config.current_profile == Profile.DVD_PLUS_R
    assert [f.code for f in config.features] == [
        0x0000, 0x0001, 0x0002, 0x0003, 0x0010, 0x001D, 0x001F, 0x002B,
        0x0100, 0x0105, 0x0107, 0x0108, 0x010A,
    ]  # fmt: skip
    dvd_plus_r = config.feature(FeatureCode.DVD_PLUS_R)
    assert dvd_plus_r is not None
    assert dvd_plus_r.current
    assert dvd_plus_r.flag(0, 0)  # Write
    assert [f.code for f in config.write_features] == [FeatureCode.DVD_PLUS_R]
    assert config.write_profiles == (Profile.DVD_PLUS_R,)
    assert config.physical_interface == 2  # ATAPI, as sg_get_config says
    assert config.logical_block_size == 2048
    assert config.serial_number == ""
    random_readable = config.feature(FeatureCode.RANDOM_READABLE)
    assert random_readable is not None
    assert not random_readable.current  # blank: nothing to read yet
    removable = config.removable_medium
    assert removable is not None
    assert not removable.can_load


def _feature(code: int, data: bytes, *, current: bool = True, version: int = 0) -> bytes:
    flags = version << 2 | 0x02 | int(current)
    return code.to_bytes(2, "big") + bytes([flags, len(data)]) + data


def _configuration(current: int, features: bytes) -> bytes:
    return (len(features) + 4).to_bytes(4, "big") + b"\0\0" + current.to_bytes(2, "big") + features


def burner_configuration() -> bytes:
    """A CD/DVD/BD burner with a blank CD-R loaded (MMC-6 Tables 86, 90, 94, 124-150)."""
    profiles = [0x43, 0x41, 0x2B, 0x1B, 0x1A, 0x14, 0x11, 0x10, 0x0A, 0x09, 0x08]
    plist = b"".join(p.to_bytes(2, "big") + bytes([int(p == 0x09), 0]) for p in profiles)
    return _configuration(
        0x0009,
        _feature(0x0000, plist)
        + _feature(0x0001, bytes.fromhex("0000000701000000"), version=2)  # SATA
        + _feature(0x0003, bytes([0x29, 0, 0, 0]))  # tray, eject, lock
        + _feature(0x001E, bytes([0x03, 0, 0, 0]), version=2)
        + _feature(0x002A, bytes([0x01, 0, 0, 0]), current=False)  # DVD+RW write
        + _feature(0x002B, bytes([0x01, 0, 0, 0]), current=False)  # DVD+R write
        + _feature(0x003B, bytes([0x00, 0, 0, 0]), current=False)  # DVD+R DL read only
        + _feature(0x002D, bytes([0x46, 0, 0x3F, 0xFF]), version=2)  # TAO: BUF, test write
        + _feature(0x002E, bytes([0x7F, 0, 0x10, 0]))  # SAO/raw
        + _feature(0x002F, bytes([0x46, 0, 0, 0]), current=False)  # DVD-R/-RW write
        + _feature(0x0041, bytes(24), current=False)  # BD write
        + _feature(0x0108, b"K1B2C3D4    "),
    )


def test_configuration_of_a_burner() -> None:
    config = parse_configuration(burner_configuration())
    assert config.current_profile_name == "CD-R"
    assert [p.code for p in config.profiles if p.current] == [0x09]
    assert config.write_profiles == (0x43, 0x41, 0x1B, 0x1A, 0x14, 0x11, 0x0A, 0x09)
    assert 0x2B not in config.write_profiles  # DVD+R DL feature without its Write bit
    assert {f.code for f in config.write_features} == {
        0x2A, 0x2B, 0x2D, 0x2E, 0x2F, 0x41,
    }  # fmt: skip
    assert config.serial_number == "K1B2C3D4"
    assert config.physical_interface == 7
    tao = config.feature(FeatureCode.CD_TRACK_AT_ONCE)
    assert tao is not None
    assert tao.version == 2
    assert tao.persistent
    assert tao.flag(0, 6)  # BUF


def test_configuration_cut_short_parses_what_arrived() -> None:
    full = burner_configuration()
    config = parse_configuration(full[:40])
    assert config.data_length == len(full) - 4
    assert config.profiles[0].code == 0x43
    assert len(config.features) == 1


def test_profile_names_and_families() -> None:
    assert profile_name(0x001B) == "DVD+R"
    assert profile_name(0x0043) == "BD-RE"
    assert profile_name(0x1234) == "profile 0x1234"
    assert Profile.BD_R_SRM.family is MediaFamily.BD
    assert Profile.CD_RW.rewritable
    assert Profile.DVD_PLUS_R.writable
    assert not Profile.DVD_PLUS_R.rewritable
    assert not Profile.DVD_ROM.writable
    assert FeatureCode.DVD_PLUS_R_DL.label == "DVD+R Dual Layer"


# --- READ CAPACITY, DISC and TRACK INFORMATION ---------------------------------------------


def test_capacity_from_lab() -> None:
    cd = parse_capacity(reply_data("LAB_CD_VSCSI", "READ CAPACITY"))
    assert (cd.last_lba, cd.block_length, cd.sectors) == (ISO_BLOCKS - 1, 2048, ISO_BLOCKS)
    assert cd.size_bytes == ISO_BLOCKS * 2048
    blank = parse_capacity(reply_data("LAB_BLANK_1", "READ CAPACITY"))
    assert (blank.last_lba, blank.block_length) == (0, 2048)


def test_disc_information_from_lab() -> None:
    complete = parse_disc_information(reply_data("LAB_CD_VSCSI", "READ DISC INFORMATION"))
    assert complete.status is DiscStatus.COMPLETE
    assert complete.last_session_state is SessionState.COMPLETE
    assert (complete.first_track, complete.sessions, complete.last_track_last_session) == (1, 1, 1)
    assert complete.complete
    assert not complete.erasable
    blank = parse_disc_information(reply_data("LAB_BLANK_1", "READ DISC INFORMATION"))
    assert blank.blank
    assert blank.last_session_state is SessionState.EMPTY
    assert blank.last_possible_lead_out == DVD_PLUS_R_BLOCKS
    assert blank.disc_id is None


def test_disc_information_appendable_cd_rw() -> None:
    # Table 498: erasable, last session empty, appendable; 2 sessions, tracks 1..3;
    # DID_V + URU; disc id 0x12345678; next lead-in 00:33:44 (MSF), last lead-out 79:59:74
    data = bytes.fromhex(
        "0020" "15" "01" "02" "03" "03" "a0" "00" "00" "00" "00"
        "12345678" "00213344" "004f3b4a" "0000000000000000" "00" "00"
    )  # fmt: skip
    info = parse_disc_information(data)
    assert info.status is DiscStatus.APPENDABLE
    assert info.last_session_state is SessionState.INCOMPLETE
    assert info.erasable
    assert (info.sessions, info.first_track_last_session, info.last_track_last_session) == (2, 3, 3)
    assert info.disc_id == 0x12345678
    assert info.unrestricted_use
    assert info.background_format is BackgroundFormat.NOT_FORMATTED


def test_track_information_from_lab() -> None:
    blank = parse_track_information(reply_data("LAB_BLANK_1", "READ TRACK INFORMATION"))
    assert (blank.track, blank.session) == (1, 1)
    assert blank.blank
    assert blank.next_writable_valid
    assert (blank.start_lba, blank.next_writable_lba) == (0, 0)
    assert blank.free_blocks == blank.size_blocks == DVD_PLUS_R_BLOCKS
    assert blank.data_mode == 1
    rom = parse_track_information(reply_data("LAB_TGT_DVDROM", "READ TRACK INFORMATION"))
    assert not rom.blank
    assert not rom.next_writable_valid
    assert rom.last_recorded_valid
    assert (rom.size_blocks, rom.last_recorded_lba, rom.free_blocks) == (
        ISO_BLOCKS,
        ISO_BLOCKS - 1,
        0,
    )
    assert rom.end_lba == ISO_BLOCKS
    assert rom.track_mode == 4


# --- READ TOC ------------------------------------------------------------------------------


def test_toc_format_0_from_lab() -> None:
    toc = parse_toc(reply_data("LAB_CD_VSCSI", "READ TOC format 0"))
    assert (toc.first_track, toc.last_track) == (1, 1)
    (track,) = toc.tracks
    assert (track.track, track.lba, track.adr, track.control) == (1, 0, 1, 4)
    assert track.is_data
    lead_out = toc.lead_out
    assert lead_out is not None
    assert lead_out.lba == ISO_BLOCKS
    assert toc.track_length(1) == ISO_BLOCKS


def test_toc_msf_and_session_info() -> None:
    # two sessions: track 1 at 0, track 2 at 20000, lead-out 30000 (LBAs), as MSF
    toc = bytes.fromhex(
        "001a0102" "00140100" "00000200" "00140200" "00041c32" "0014aa00" "00062a00"
    )  # fmt: skip
    parsed = parse_toc(toc, msf=True)
    assert [e.lba for e in parsed.entries] == [0, 20000, 30000]
    assert parsed.track_length(2) == 10000
    session = parse_session_info(bytes.fromhex("000a01020014020000004e20"))
    assert (session.first_session, session.last_session) == (1, 2)
    assert (session.first_track_last_session, session.first_track_last_session_lba) == (2, 20000)
    lab = parse_session_info(reply_data("LAB_TGT_DVDROM", "READ TOC format 1"))
    assert (lab.last_session, lab.first_track_last_session, lab.control) == (1, 1, 4)


def test_full_toc_from_lab() -> None:
    full = parse_full_toc(reply_data("LAB_CD_VSCSI", "READ TOC format 2"))
    assert (full.first_session, full.last_session) == (1, 1)
    assert [e.point for e in full.entries] == [0xA0, 0xA1, 0xA2, 0x01]
    (a0,) = full.points(0xA0)
    assert a0.pmsf.minutes == 1  # first track number
    (lead_out,) = full.points(0xA2)
    assert lead_out.pmsf == Msf(0, 28, 59)
    assert lead_out.plba == ISO_BLOCKS
    (track1,) = full.points(0x01)
    assert track1.plba == 0
    assert (track1.adr, track1.control, track1.session) == (1, 4, 1)


def test_toc_too_short() -> None:
    with pytest.raises(ReplyFormatError):
        parse_toc(b"\x00")


# --- MODE SENSE ----------------------------------------------------------------------------


def test_capabilities_page_from_lab() -> None:
    qemu = parse_capabilities(reply_data("LAB_CD_VSCSI", "MODE SENSE(10) page 2Ah"))
    assert (qemu.reads_cd_r, qemu.reads_dvd_rom, qemu.reads_dvd_ram) == (True, True, True)
    assert (qemu.writes_cd_r, qemu.writes_dvd_r, qemu.test_write) == (False, False, False)
    assert qemu.max_read_kbps == 8800
    assert qemu.buffer_size_kib == 2048
    assert qemu.can_eject
    assert qemu.loading_mechanism == 1
    tgt = parse_capabilities(reply_data("LAB_BLANK_1", "MODE SENSE(10) page 2Ah"))
    assert (tgt.writes_cd_r, tgt.writes_cd_rw, tgt.test_write, tgt.writes_dvd_r) == (
        True,
        True,
        True,
        True,
    )
    assert tgt.max_read_kbps == tgt.max_write_kbps == 4234
    assert tgt.current_write_kbps == 4234
    assert [w.kbytes_per_s for w in tgt.write_speeds] == [4234, 2822, 2117, 1411, 706]


def test_write_parameters_page_from_lab_and_round_trip() -> None:
    reply = reply_data("LAB_BLANK_1", "MODE SENSE(10) page 05h")
    (page,) = parse_mode_pages(reply)
    assert (page.code, len(page.data)) == (0x05, 0x34)
    params = parse_write_parameters(reply)
    assert params.write_type is WriteType.SESSION_AT_ONCE
    assert params.buffer_underrun_free
    assert params.link_size_valid
    assert params.multisession is MultiSession.NO_NEXT_SESSION
    assert params.track_mode == 5
    assert params.data_block_type is DataBlockType.MODE1_2048
    assert (params.link_size, params.packet_size, params.audio_pause_length) == (16, 16, 150)
    assert params.to_page() == page.data
    tao = params.with_changes(
        write_type=WriteType.TRACK_AT_ONCE,
        multisession=MultiSession.NEXT_SESSION_ALLOWED,
        test_write=True,
        track_mode=4,
    )
    built = tao.to_page()
    assert built[2] == 0x40 | 0x20 | 0x10 | 0x01
    assert built[3] == 0xC4
    assert built[16:] == page.data[16:]  # unmodelled bytes (MCN, ISRC, subheader) kept
    parameter_list = mode_select_parameters(built)
    assert parameter_list[:8] == bytes(8)
    assert parse_write_parameters(
        (len(parameter_list) - 2).to_bytes(2, "big") + parameter_list[2:]
    ) == WriteParameters(**{**_fields(tao), "raw": built})


def _fields(params: WriteParameters) -> dict[str, object]:
    return {name: getattr(params, name) for name in WriteParameters.__dataclass_fields__}


def test_missing_mode_page() -> None:
    with pytest.raises(ReplyFormatError, match="mode page 05h"):
        parse_write_parameters(reply_data("LAB_CD_VSCSI", "MODE SENSE(10) page 2Ah"))


# --- GET PERFORMANCE, READ BUFFER CAPACITY, GESN ------------------------------------------


def test_write_speeds_from_lab() -> None:
    (blank,) = parse_write_speeds(reply_data("LAB_BLANK_1", "GET PERFORMANCE type 03h"))
    assert (blank.end_lba, blank.read_kbps, blank.write_kbps) == (DVD_PLUS_R_BLOCKS - 1, 3324, 3324)
    rom = parse_write_speeds(reply_data("LAB_TGT_DVDROM", "GET PERFORMANCE type 03h"))
    assert [s.write_kbps for s in rom] == [2770, 1385]
    factor = speed_factor(rom[0].write_kbps, MediaFamily.DVD)
    assert factor is not None
    assert round(factor) == 2


def test_performance_from_lab() -> None:
    perf = parse_performance(reply_data("LAB_BLANK_1", "GET PERFORMANCE type 00h"))
    assert not perf.write
    (descriptor,) = perf.descriptors
    assert (descriptor.start_lba, descriptor.end_lba) == (0, DVD_PLUS_R_BLOCKS - 1)
    assert descriptor.start_kbps == descriptor.end_kbps == 5540


def test_streaming_descriptor_layout() -> None:
    descriptor = streaming_descriptor(
        end_lba=DVD_PLUS_R_BLOCKS - 1, read_kbps=5540, write_kbps=2770
    )
    assert descriptor.hex() == (
        "00000000" "00000000" "0023053f" "000015a4" "000003e8" "00000ad2" "000003e8"
    )  # fmt: skip


def test_buffer_capacity_from_lab() -> None:
    buffer = parse_buffer_capacity(reply_data("LAB_BLANK_1", "READ BUFFER CAPACITY"))
    assert (buffer.size_bytes, buffer.free_bytes) == (8 * 1024 * 1024, 4 * 1024 * 1024)
    assert buffer.fill_percent == 50.0


def test_media_events_from_lab() -> None:
    loaded = parse_media_event(reply_data("LAB_CD_VSCSI", "GET EVENT STATUS NOTIFICATION"))
    assert loaded.notification_class == 4
    assert loaded.supports_media_class
    assert loaded.event is MediaEvent.NO_CHANGE
    assert loaded.media_present
    assert not loaded.tray_open
    empty = parse_media_event(reply_data("LAB_CD_EMPTY", "GET EVENT STATUS NOTIFICATION"))
    assert not empty.media_present
    new = parse_media_event(bytes.fromhex("0006041002020000"))
    assert new.event is MediaEvent.NEW_MEDIA
    none = parse_media_event(bytes.fromhex("00028410"))
    assert none.no_event_available
    assert none.event is MediaEvent.NO_CHANGE


def test_read_cd_raw_sector_from_lab() -> None:
    """The AHCI drive answers READ CD with the full 2352-byte Mode 1 sector (sync, header
    with the sector's MSF, user data = the ISO's LBA 16)."""
    raw = reply_data("LAB_CD_AHCI", "READ CD")
    assert len(raw) == 2352
    assert raw[:12] == b"\x00" + b"\xff" * 10 + b"\x00"
    # header: MSF 00:02:16 and mode 1.  QEMU writes the MSF in binary (10h = 16), where
    # ECMA-130 §14.2 and real drives use BCD (16h): a ripper must not rely on it.
    assert raw[12:16] == bytes([0x00, 0x02, 16, 0x01])
    assert raw[16:2064] == reply_data("LAB_CD_AHCI", "READ(10)")
