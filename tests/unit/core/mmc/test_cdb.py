"""Golden CDB bytes for every builder (MMC-6 / SPC-4 field layouts)."""

from __future__ import annotations

import pytest

from app.core.mmc import cdb
from app.core.mmc.command import Command
from app.core.transport import Direction


@pytest.mark.parametrize(
    ("command", "hex_cdb", "direction", "length"),
    [
        (cdb.test_unit_ready(), "000000000000", Direction.NONE, 0),
        (cdb.request_sense(), "03000000fc00", Direction.FROM_DEVICE, 252),
        (cdb.inquiry(), "120000006000", Direction.FROM_DEVICE, 96),
        (cdb.inquiry(255, vpd_page=0x80), "12018000ff00", Direction.FROM_DEVICE, 255),
        (cdb.get_configuration(), "46000000000000fffa00", Direction.FROM_DEVICE, 65530),
        (
            cdb.get_configuration(cdb.ConfigurationRequest.ONE, 0x002B, 16),
            "4602002b000000001000",
            Direction.FROM_DEVICE,
            16,
        ),
        (cdb.read_capacity(), "25000000000000000000", Direction.FROM_DEVICE, 8),
        (cdb.read_disc_information(), "51000000000000002200", Direction.FROM_DEVICE, 34),
        (cdb.read_track_information(1), "52010000000100003000", Direction.FROM_DEVICE, 48),
        (
            cdb.read_track_information(0xFF),
            "5201000000ff00003000",
            Direction.FROM_DEVICE,
            48,
        ),
        (
            cdb.read_track_information(0x12345, cdb.TrackAddressType.LBA),
            "52000001234500003000",
            Direction.FROM_DEVICE,
            48,
        ),
        (cdb.read_toc(), "43000000000000100400", Direction.FROM_DEVICE, 4100),
        (
            cdb.read_toc(cdb.TocFormat.SESSION_INFO, length=12),
            "43000100000000000c00",
            Direction.FROM_DEVICE,
            12,
        ),
        (
            cdb.read_toc(cdb.TocFormat.FULL_TOC, msf=True, track_session=1),
            "43020200000001100400",
            Direction.FROM_DEVICE,
            4100,
        ),
        (cdb.mode_sense10(0x2A), "5a082a00000000fff000", Direction.FROM_DEVICE, 0xFFF0),
        (
            cdb.mode_sense10(0x05, page_control=1, disable_block_descriptors=False, length=60),
            "5a004500000000003c00",
            Direction.FROM_DEVICE,
            60,
        ),
        (cdb.get_performance(), "ac0000000000000000200300", Direction.FROM_DEVICE, 520),
        (
            cdb.get_performance(
                cdb.PerformanceType.PERFORMANCE, write=True, start_lba=0x100, max_descriptors=2
            ),
            "ac1400000100000000020000",
            Direction.FROM_DEVICE,
            40,
        ),
        (cdb.read_buffer_capacity(), "5c000000000000000c00", Direction.FROM_DEVICE, 12),
        (
            cdb.get_event_status_notification(),
            "4a010000100000000800",
            Direction.FROM_DEVICE,
            8,
        ),
        (
            cdb.get_event_status_notification(operational_change=True, length=16),
            "4a010000120000001000",
            Direction.FROM_DEVICE,
            16,
        ),
        (cdb.start_stop_unit(start=False, load_eject=True), "1b0000000200", Direction.NONE, 0),
        (cdb.start_stop_unit(start=True, load_eject=True), "1b0000000300", Direction.NONE, 0),
        (
            cdb.start_stop_unit(start=True, load_eject=False, immediate=True),
            "1b0100000100",
            Direction.NONE,
            0,
        ),
        (cdb.prevent_allow_medium_removal(True), "1e0000000100", Direction.NONE, 0),
        (cdb.prevent_allow_medium_removal(False), "1e0000000000", Direction.NONE, 0),
        (cdb.set_cd_speed(), "bb00ffffffff000000000000", Direction.NONE, 0),
        (
            cdb.set_cd_speed(1764, 7056, constant_angular=True),
            "bb0106e41b90000000000000",
            Direction.NONE,
            0,
        ),
        (cdb.read10(16, 1), "28000000001000000100", Direction.FROM_DEVICE, 2048),
        (
            cdb.read10(0x01020304, 32, force_unit_access=True),
            "28080102030400002000",
            Direction.FROM_DEVICE,
            65536,
        ),
        (cdb.read12(100, 16), "a80000000064000000100000", Direction.FROM_DEVICE, 32768),
        (
            cdb.read12(0, 1, streaming=True),
            "a80000000000000000018000",
            Direction.FROM_DEVICE,
            2048,
        ),
        (cdb.read_cd(16, 1), "be0000000010000001f80000", Direction.FROM_DEVICE, 2352),
        (
            cdb.read_cd(
                0,
                2,
                sector_type=cdb.SectorType.CDDA,
                sync=False,
                header_codes=0,
                edc_ecc=False,
                c2=cdb.C2ErrorField.C2_BITS,
                subchannel=1,
            ),
            "be0400000000000002120100",
            Direction.FROM_DEVICE,
            2 * (2352 + 294 + 96),
        ),
        (
            cdb.read_cd(
                5,
                3,
                sector_type=cdb.SectorType.MODE1,
                sync=False,
                header_codes=0,
                edc_ecc=False,
            ),
            "be0800000005000003100000",
            Direction.FROM_DEVICE,
            3 * 2048,
        ),
    ],
)
def test_golden_cdbs(command: Command, hex_cdb: str, direction: Direction, length: int) -> None:
    assert command.cdb.hex() == hex_cdb
    assert command.direction is direction
    assert command.length == length


def test_data_out_commands_carry_their_parameters() -> None:
    select = cdb.mode_select10(b"\x00" * 8 + b"\x05\x32" + b"\x00" * 50)
    assert select.cdb.hex() == "55100000000000003c00"
    assert select.direction is Direction.TO_DEVICE
    assert len(select.data) == 60
    streaming = cdb.set_streaming(bytes(28))
    assert streaming.cdb.hex() == "b6000000000000000000" + "1c00"
    assert streaming.data == bytes(28)


def test_field_overflow_is_rejected() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        cdb.read10(1 << 32, 1)
    with pytest.raises(ValueError, match="does not fit"):
        cdb.read10(0, 0x10000)
    with pytest.raises(ValueError, match="page code"):
        cdb.mode_sense10(0x40)
    with pytest.raises(ValueError, match="block_size"):
        cdb.read_cd(0, 1, sync=True, header_codes=0, user_data=True, edc_ecc=False)


def test_command_str_names_the_cdb() -> None:
    assert str(cdb.read_capacity()) == "READ CAPACITY (25 00 00 00 00 00 00 00 00 00)"
    assert cdb.start_stop_unit(start=False, load_eject=True).name == "START STOP UNIT (EJECT)"
