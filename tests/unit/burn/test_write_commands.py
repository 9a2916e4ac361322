"""Golden bytes for the write-side CDBs and parameter lists (MMC-6 / SPC-4 field layouts)."""

from __future__ import annotations

import pytest

from app.core.mmc import write_commands as wc
from app.core.mmc.sense_progress import fixed_sense, progress_fraction


def test_write10_golden() -> None:
    assert wc.write10(0x12345678, 32).hex() == "2a00123456780000" + "2000"
    assert wc.write10(0, 1, fua=True).hex() == "2a080000000000000100"
    # CD pre-gap addresses are negative, two's complement (MMC-6 §4.2.3.2): -150 = FFFFFF6A
    assert wc.write10(-150, 1)[2:6] == bytes.fromhex("ffffff6a")


@pytest.mark.parametrize("blocks", [0, 0x10000])
def test_write10_rejects_bad_length(blocks: int) -> None:
    with pytest.raises(ValueError, match="transfer length"):
        wc.write10(0, blocks)


def test_read10_golden() -> None:
    assert wc.read10(16, 2).hex() == "28000000001000000200"


def test_synchronize_cache_golden() -> None:
    assert wc.synchronize_cache().hex() == "35000000000000000000"
    assert wc.synchronize_cache(immed=True).hex() == "35020000000000000000"


def test_close_track_session_golden() -> None:
    assert wc.close_track_session(wc.CloseFunction.CLOSE_TRACK, 1).hex() == "5b000100000100000000"
    assert (
        wc.close_track_session(wc.CloseFunction.CLOSE_SESSION, 0, immed=True).hex()
        == "5b010200000000000000"
    )
    assert wc.close_track_session(wc.CloseFunction.FINALIZE_MINIMAL_RADIUS)[2] == 0x05
    assert wc.close_track_session(wc.CloseFunction.FINALIZE_DISC)[2] == 0x06
    assert wc.close_track_session(wc.CloseFunction.CLOSE_TRACK, 0x1234)[4:6] == b"\x12\x34"


def test_reserve_track_golden() -> None:
    assert wc.reserve_track(0x00230540).hex() == "53000000000023054000"
    with pytest.raises(ValueError, match="positive"):
        wc.reserve_track(0)


def test_blank_golden() -> None:
    assert wc.blank(wc.BlankType.FULL).hex() == "a1100000000000000000" + "0000"
    assert wc.blank(wc.BlankType.MINIMAL, immed=False).hex() == "a1010000000000000000" + "0000"
    assert len(wc.blank(wc.BlankType.FULL)) == 12


def test_format_unit_dvd_plus_rw_golden() -> None:
    cdb, params = wc.format_unit(wc.FormatDescriptor(0xFFFFFFFF, wc.FormatType.DVD_PLUS_RW_BASIC))
    assert cdb.hex() == "041100000000"
    # header: FOV|IMMED, descriptor length 8; descriptor: blocks, type 26h << 2, param 0
    assert params.hex() == "00820008" + "ffffffff" + "98" + "000000"


def test_format_unit_full_with_block_length() -> None:
    _cdb, params = wc.format_unit(
        wc.FormatDescriptor(2_236_704, wc.FormatType.FULL, 0, 2048), immed=False
    )
    assert params.hex() == "00800008" + "00222120" + "00" + "000800"
    with pytest.raises(ValueError, match="6 bits"):
        wc.FormatDescriptor(1, 64).to_bytes()


def test_send_opc_and_mode_select_golden() -> None:
    assert wc.send_opc_information().hex() == "54010000000000000000"
    assert wc.mode_select10(60).hex() == "55100000000000003c00"


def test_write_parameters_cd_tao_page() -> None:
    params = wc.WriteParameters(wc.WriteType.TAO, test_write=True)
    page = params.page_bytes()
    assert len(page) == 52
    assert page[:16].hex() == "0532" + "51" + "04" + "08" + "00" * 5 + "00000000" + "0096"
    cdb, data = params.mode_select()
    assert cdb.hex() == "55100000000000003c00"
    assert data[:8] == bytes(8)
    assert data[8:] == page


def test_write_parameters_dvd_r_incremental_page() -> None:
    params = wc.WriteParameters(
        wc.WriteType.PACKET_INCREMENTAL,
        multi_session=wc.MultiSession.KEEP_APPENDABLE,
        track_mode=5,
        link_size=16,
        fixed_packet_size=16,
    )
    page = params.page_bytes()
    # BUFE|LS_V, write type 0; multi-session 11b|FP|track mode 5; DBT 8; link size 16
    assert page[2:6].hex() == "60" + "e5" + "08" + "10"
    assert page[10:14].hex() == "00000010"
    assert wc.parse_write_parameters(page) == params


def test_parse_write_parameters_rejects_other_pages() -> None:
    with pytest.raises(ValueError, match="Write Parameters"):
        wc.parse_write_parameters(bytes([0x2A, 0x14]) + bytes(20))


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


def test_sense_progress_fixed_and_descriptor() -> None:
    assert progress_fraction(fixed_sense(2, 4, 7, progress=0.5)) == 0.5
    assert progress_fraction(fixed_sense(2, 4, 7)) is None
    descriptor = bytes([0x72, 2, 4, 7, 0, 0, 0, 8]) + bytes([2, 6, 0, 0, 0x80, 0x40, 0, 0])
    assert progress_fraction(descriptor) == 0.25
    assert progress_fraction(b"") is None
