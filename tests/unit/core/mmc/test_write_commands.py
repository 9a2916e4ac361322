"""Golden bytes for the write-side CDBs and parameter lists (MMC-6 / SPC-4 field layouts)."""

from __future__ import annotations

import pytest

from app.core.mmc import write_commands as wc
from app.core.mmc.sense import parse_sense
from app.core.transport import Direction
from tests.fakes.mmc_drive import fixed_sense


def test_write10_golden() -> None:
    command = wc.write10(0x12345678, bytes(32 * 2048))
    assert command.cdb.hex() == "2a00123456780000" + "2000"
    assert command.direction is Direction.TO_DEVICE
    assert len(command.data) == 32 * 2048
    assert wc.write10(0, bytes(2048), fua=True).cdb.hex() == "2a080000000000000100"
    # CD pre-gap addresses are negative, two's complement (MMC-6 §4.2.3.2): -150 = FFFFFF6A
    assert wc.write10(-150, bytes(2048)).cdb[2:6] == bytes.fromhex("ffffff6a")


@pytest.mark.parametrize("size", [0, 2047, 0x10000 * 2048])
def test_write10_rejects_partial_or_oversized_data(size: int) -> None:
    with pytest.raises(ValueError, match="whole blocks"):
        wc.write10(0, memoryview(bytearray(size)))


def test_synchronize_cache_golden() -> None:
    assert wc.synchronize_cache().cdb.hex() == "35000000000000000000"
    assert wc.synchronize_cache(immed=True).cdb.hex() == "35020000000000000000"
    assert wc.synchronize_cache().timeout_s > wc.synchronize_cache(immed=True).timeout_s


def test_close_track_session_golden() -> None:
    close_track = wc.close_track_session(wc.CloseFunction.CLOSE_TRACK, 1)
    assert close_track.cdb.hex() == "5b000100000100000000"
    assert close_track.name == "CLOSE TRACK"
    close_session = wc.close_track_session(wc.CloseFunction.CLOSE_SESSION, 0, immed=True)
    assert close_session.cdb.hex() == "5b010200000000000000"
    assert close_session.name == "CLOSE SESSION"
    assert wc.close_track_session(wc.CloseFunction.FINALIZE_MINIMAL_RADIUS).cdb[2] == 0x05
    assert wc.close_track_session(wc.CloseFunction.FINALIZE_DISC).cdb[2] == 0x06
    assert wc.close_track_session(wc.CloseFunction.CLOSE_TRACK, 0x1234).cdb[4:6] == b"\x12\x34"


def test_reserve_track_golden() -> None:
    assert wc.reserve_track(0x00230540).cdb.hex() == "53000000000023054000"
    with pytest.raises(ValueError, match="positive"):
        wc.reserve_track(0)


def test_blank_golden() -> None:
    assert wc.blank(wc.BlankType.FULL).cdb.hex() == "a1100000000000000000" + "0000"
    assert wc.blank(wc.BlankType.MINIMAL, immed=False).cdb.hex() == "a101000000000000" + "00000000"
    assert len(wc.blank(wc.BlankType.FULL).cdb) == 12


def test_format_unit_dvd_plus_rw_golden() -> None:
    command = wc.format_unit(wc.FormatDescriptor(0xFFFFFFFF, wc.FormatType.DVD_PLUS_RW_BASIC))
    assert command.cdb.hex() == "041100000000"
    assert command.direction is Direction.TO_DEVICE
    # header: FOV|IMMED, descriptor length 8; descriptor: blocks, type 26h << 2, param 0
    assert command.data.hex() == "00820008" + "ffffffff" + "98" + "000000"


def test_format_unit_full_with_block_length() -> None:
    command = wc.format_unit(
        wc.FormatDescriptor(2_236_704, wc.FormatType.FULL, 0, 2048), immed=False
    )
    assert command.data.hex() == "00800008" + "00222120" + "00" + "000800"
    with pytest.raises(ValueError, match="6 bits"):
        wc.FormatDescriptor(1, 64).to_bytes()


def test_send_opc_and_read_format_capacities_golden() -> None:
    assert wc.send_opc_information().cdb.hex() == "54010000000000000000"
    command = wc.read_format_capacities()
    assert command.cdb.hex() == "23000000000000" + "00fc" + "00"
    assert command.direction is Direction.FROM_DEVICE
    assert command.length == 252


def test_parse_format_capacities() -> None:
    data = bytes.fromhex(
        "00000018"  # header, list length 24
        "0023053f"
        "01"
        "000800"  # current: unformatted, 2048-byte blocks
        "00230540"
        "98"
        "000000"  # type 26h
        "00230540"
        "00"
        "000800"  # type 00h
    )
    caps = wc.parse_format_capacities(data)
    assert caps.current_type is wc.CapacityDescriptorType.UNFORMATTED
    assert caps.current_blocks == 0x23053F
    assert caps.block_length == 2048
    assert caps.offered(0x26) == (wc.FormatDescriptor(0x230540, 0x26, 0, 0),)
    assert caps.offered(0x00)[0].type_parameter == 2048
    with pytest.raises(ValueError, match="too short"):
        wc.parse_format_capacities(b"\0\0\0\0")


def test_progress_sense_of_the_fake_parses_with_the_mmc_layer() -> None:
    sense = parse_sense(fixed_sense(2, 4, 7, progress=0.5))
    assert sense is not None
    assert sense.progress == 32768
    assert sense.code == "2/04/07"
