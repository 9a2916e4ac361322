"""Raw sectors Spindle builds and checks, against the independent ECMA-130 implementation in
tests/fakes/ecma130_reference.py."""

from __future__ import annotations

import numpy as np
import pytest

from app.core import ecma130
from app.core.crc import edc_of
from tests.fakes.ecma130_reference import ref_check, ref_edc


def test_the_reference_itself_flags_a_flipped_bit() -> None:
    rng = np.random.default_rng(7)
    user = rng.integers(0, 256, size=(1, 2048), dtype=np.uint8)
    sector = bytearray(ecma130.encode_mode1(user, 1234).tobytes())
    ref_check(bytes(sector))
    sector[3000 % 2352] ^= 0x10
    with pytest.raises(AssertionError):
        ref_check(bytes(sector))


def test_edc_matches_the_bit_serial_crc() -> None:
    rng = np.random.default_rng(1)
    for size in (0, 1, 9, 2064, 2056):
        data = rng.integers(0, 256, size=size, dtype=np.uint8).tobytes()
        assert edc_of(data) == ref_edc(data)


@pytest.mark.parametrize("lba", [0, 16, 4500, 330_000])
def test_mode1_sectors_pass_the_independent_check(lba: int) -> None:
    rng = np.random.default_rng(lba)
    user = rng.integers(0, 256, size=(3, 2048), dtype=np.uint8)
    user[1] = 0  # an all-zero user data block has non-trivial parity too (header)
    sectors = ecma130.encode_mode1(user, lba)
    for i, sector in enumerate(sectors):
        raw = sector.tobytes()
        ref_check(raw)
        msf = lba + i + 150
        bcd = [(v // 10) << 4 | v % 10 for v in (msf // 4500, msf // 75 % 60, msf % 75)]
        assert list(raw[12:16]) == [*bcd, 1]
        assert raw[16:2064] == user[i].tobytes()


def test_mode2_form1_sectors_pass_the_independent_check() -> None:
    rng = np.random.default_rng(3)
    user = rng.integers(0, 256, size=(2, 2048), dtype=np.uint8)
    sectors = ecma130.encode_mode2_form1(user, 200)
    for sector in sectors:
        raw = sector.tobytes()
        ref_check(raw)
        assert raw[15] == 2
        assert raw[16:24] == ecma130.MODE2_FORM1_SUBHEADER


def test_check_raw_names_each_kind_of_damage() -> None:
    rng = np.random.default_rng(5)
    user = rng.integers(0, 256, size=(8, 2048), dtype=np.uint8)
    sectors = ecma130.encode_mode1(user, 100).copy()
    assert ecma130.check_raw(sectors, 100).bad == ()
    sectors[1, 500] ^= 1  # user data: EDC and parity no longer fit
    sectors[3, 2300] ^= 0x80  # Q parity only: EDC still fits
    sectors[5, 3] = 0  # sync
    sectors[6] = ecma130.encode_mode1(user[6:7], 999)[0]  # intact, but another address
    check = ecma130.check_raw(sectors, 100)
    assert check.bad_edc == (1,)
    assert set(check.bad_ecc) == {1, 3}
    assert check.bad_sync == (5,)
    assert check.bad == (1, 3, 5)
    assert check.wrong_address == (6,)


def test_check_raw_skips_mode0_and_counts_form2() -> None:
    sectors = ecma130.encode_mode1(np.zeros((3, 2048), dtype=np.uint8), 0).copy()
    sectors[0, 15:] = 0  # mode 0: empty sector, no EDC
    sectors[1, 15] = 2
    sectors[1, 16:24] = [0, 0, 0x20, 0, 0, 0, 0x20, 0]  # Form 2, EDC left zero (optional)
    sectors[1, 2348:] = 0
    check = ecma130.check_raw(sectors, 0)
    assert check.bad == ()
    assert check.form2 == (1,)


def test_parity_of_many_sectors_equals_one_at_a_time() -> None:
    rng = np.random.default_rng(9)
    user = rng.integers(0, 256, size=(37, 2048), dtype=np.uint8)  # not a multiple of 4
    together = ecma130.encode_mode1(user, 50)
    for i in (0, 17, 36):
        alone = ecma130.encode_mode1(user[i : i + 1], 50 + i)
        assert np.array_equal(together[i], alone[0])


def test_headers_refuse_addresses_without_msf() -> None:
    with pytest.raises(ValueError, match="no MSF"):
        ecma130.headers(-151, 1, 1)


@pytest.mark.parametrize("count", [1, 15, 16, 100, 451])
def test_parity_check_finds_damage_wherever_it_is(count: int) -> None:
    rng = np.random.default_rng(count)
    user = rng.integers(0, 256, size=(count, 2048), dtype=np.uint8)
    clean = ecma130.encode_mode1(user, 0)
    for _ in range(5):
        sectors = clean.copy()
        damaged = sorted({int(i) for i in rng.integers(0, count, size=rng.integers(1, 4))})
        for i in damaged:
            sectors[i, int(rng.integers(2076, 2352))] ^= int(rng.integers(1, 256))  # parity only
        check = ecma130.check_raw(sectors, 0)
        assert check.bad_edc == ()
        assert list(check.bad_ecc) == damaged


def test_the_same_parity_damage_in_every_sector_is_found() -> None:
    user = np.random.default_rng(2).integers(0, 256, size=(60, 2048), dtype=np.uint8)
    sectors = ecma130.encode_mode1(user, 0).copy()
    sectors[:, 2300] ^= 0x5A  # one constant mask over a whole batch
    assert list(ecma130.check_raw(sectors, 0).bad_ecc) == list(range(60))
    pair = ecma130.encode_mode1(user, 0).copy()
    pair[[3, 4], 2200] ^= 0x11  # two neighbours (one consecutive group), identical damage
    assert list(ecma130.check_raw(pair, 0).bad_ecc) == [3, 4]


def test_check_batch_agrees_with_check_raw() -> None:
    rng = np.random.default_rng(12)
    user = rng.integers(0, 256, size=(100, 2048), dtype=np.uint8)
    sectors = ecma130.encode_mode1(user, 7).copy()
    sectors[[10, 11], 500] ^= 0x08  # identical damage in neighbours: cancels in their group
    sectors[40, 2000] ^= 0xFF
    sectors[41, 0] = 1
    sectors[70, 2300] ^= 1  # parity only
    sums = ecma130.ParitySums([], [])
    batch = ecma130.check_batch(sectors, 7, sums)
    exact = ecma130.check_raw(sectors, 7)
    assert batch.bad_edc == exact.bad_edc == (10, 11, 40)
    assert batch.bad_sync == exact.bad_sync == (41,)
    assert set(sums.suspects()) >= {7 + i for i in exact.bad_ecc}
    assert exact.bad_ecc == (10, 11, 40, 70)


def test_the_plain_reference_encoder_builds_the_same_sectors() -> None:
    from tests.fakes.ecma130_reference import fast_edc, ref_encode_mode1

    rng = np.random.default_rng(44)
    user = rng.integers(0, 256, size=(3, 2048), dtype=np.uint8)
    ours = ecma130.encode_mode1(user, 4500)
    data = rng.integers(0, 256, size=3000, dtype=np.uint8).tobytes()
    assert fast_edc(data) == ref_edc(data)
    for i in range(3):
        theirs = ref_encode_mode1(user[i].tobytes(), 4500 + i)
        ref_check(theirs)
        assert theirs == ours[i].tobytes()
