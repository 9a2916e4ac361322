"""RS01: the code (against a plain shift-register encoder), the file layout, check, repair."""

from __future__ import annotations

import hashlib
import os
import random
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest

from app.core.errors import InvalidInputError
from app.core.protect import gf, rs01

SECTOR = 2048


def karn_parity(data: list[int], nroots: int) -> list[int]:
    """One codeword's parity the way dvdisaster's scalar loop computes it (a shift register
    over the generator's log table)."""
    g = gf.generator(nroots)
    parity = [0] * nroots
    for byte in data:
        feedback = byte ^ parity[0]
        parity = [*parity[1:], 0]
        if feedback:
            for j in range(nroots):
                parity[j] ^= int(gf.MUL[feedback, g[nroots - 1 - j]])
    return parity


@pytest.mark.parametrize("nroots", [8, 32, 41, 64, 100])
def test_the_table_encoder_equals_the_shift_register(nroots: int) -> None:
    rng = np.random.default_rng(nroots)
    ndata = 255 - nroots
    layers = [rng.integers(0, 256, 5, dtype=np.uint8) for _ in range(ndata)]
    parity = gf.Encoder(nroots).encode(layers)
    for k in range(5):
        assert list(parity[k]) == karn_parity([int(layer[k]) for layer in layers], nroots)
    words = np.concatenate([np.stack(layers, 1), parity], 1)
    assert gf.is_codeword(words, nroots).all()


def test_the_pair_table_path_equals_the_single_table_path() -> None:
    rng = np.random.default_rng(5)
    encoder = gf.Encoder(32)
    big = [rng.integers(0, 256, gf.PAIR_MIN, dtype=np.uint8) for _ in range(223)]
    assert np.array_equal(encoder.encode(big)[:50], encoder.encode([x[:50] for x in big]))


def test_generator_roots_are_dvdisasters() -> None:
    g = gf.generator(32)
    for i in range(32):
        root = int(gf.EXP[((112 + i) * 11) % 255])
        value = 0
        for coefficient in reversed(g):
            value = int(gf.MUL[value, root]) ^ coefficient
        assert value == 0


def test_redundancy_percent_to_roots_as_dvdisaster_rounds() -> None:
    assert rs01.roots_for_percent(14.3) == 32
    assert rs01.roots_for_percent(20) == 43  # 42.5 rounds up, as C's round()
    assert rs01.roots_for_percent(64.5) == 100
    with pytest.raises(InvalidInputError, match="outside what RS01 offers"):
        rs01.roots_for_percent(70)


def _image(path: Path, sectors: int, seed: int = 0, tail: int = 0) -> bytes:
    data = random.Random(seed).randbytes(sectors * SECTOR + tail)
    path.write_bytes(data)
    return data


def _create(image: Path, ecc: Path, nroots: int = 32) -> rs01.Header:
    src = os.open(image, os.O_RDONLY)
    dst = os.open(ecc, os.O_RDWR | os.O_CREAT | os.O_TRUNC)
    try:
        return rs01.create(src, dst, nroots)
    finally:
        os.close(src)
        os.close(dst)


def test_the_file_layout(tmp_path: Path) -> None:
    data = _image(tmp_path / "a.iso", 1000, tail=100)  # a partial last sector
    header = _create(tmp_path / "a.iso", tmp_path / "a.ecc", 32)
    ecc = (tmp_path / "a.ecc").read_bytes()
    assert ecc[:20] == b"*dvdisaster*RS01\x01\x00\x00\x00"
    assert ecc[20:36] == hashlib.md5(data[16 * SECTOR : 17 * SECTOR]).digest()
    assert ecc[36:52] == hashlib.md5(data).digest()
    assert ecc[52:68] == hashlib.md5(ecc[4096:]).digest()
    assert struct.unpack_from("<qiiiiiI", ecc, 68) == (1001, 223, 32, 7905, 6600, 16, 0)
    assert struct.unpack_from("<i", ecc, 116) == (100,)
    s = -(-1001 // 223)
    assert len(ecc) == 4096 + 4 * 1001 + 32 * s * SECTOR == header.file_size
    last = data[1000 * SECTOR :].ljust(SECTOR, b"\0")
    crc_last = struct.unpack_from("<I", ecc, 4096 + 4 * 1000)[0]
    assert crc_last == zlib.crc32(last) ^ 0xFFFFFFFF
    # codeword 2048*j + b: byte b of sector j of each section, then its parity
    j, b = 3, 77
    column = [
        (data[(i * s + j) * SECTOR + b] if (i * s + j) * SECTOR + b < len(data) else 0)
        for i in range(223)
    ]
    at = 4096 + 4 * 1001 + (j * SECTOR + b) * 32
    assert list(ecc[at : at + 32]) == karn_parity(column, 32)
    assert rs01.Header.parse(ecc[:4096]) == header


def _damage(path: Path, sectors: list[int]) -> None:
    fd = os.open(path, os.O_RDWR)
    for sector in sectors:
        os.pwrite(fd, b"\xa5" * SECTOR, sector * SECTOR)
    os.close(fd)


def _check_and_repair(image: Path, ecc: Path) -> tuple[rs01.CheckReport, rs01.RepairReport]:
    fd = os.open(image, os.O_RDWR)
    efd = os.open(ecc, os.O_RDONLY)
    try:
        report = rs01.check(fd, efd)
        return report, rs01.repair(fd, efd, report.damaged)
    finally:
        os.close(fd)
        os.close(efd)


def test_up_to_nroots_damaged_sectors_per_group_are_rebuilt(tmp_path: Path) -> None:
    image, ecc = tmp_path / "a.iso", tmp_path / "a.ecc"
    original = _image(image, 2300, seed=3)
    header = _create(image, ecc, 16)
    s = header.section_sectors
    rng = random.Random(9)
    bad = [layer * s + 5 for layer in rng.sample(range(header.ndata), 16)]  # a full group
    for column in range(s):  # and 10 more in every other group
        if column != 5:
            bad += [layer * s + column for layer in rng.sample(range(2300 // s), 10)]
    _damage(image, bad)
    checked, repaired = _check_and_repair(image, ecc)
    assert sorted(checked.damaged) == sorted(set(bad))
    assert not checked.image_md5_ok
    assert repaired.ok
    assert repaired.worst_column == 16
    assert repaired.repaired == sorted(set(bad))
    assert image.read_bytes() == original


def test_the_largest_run_rebuilt_is_nroots_times_the_section(tmp_path: Path) -> None:
    image, ecc = tmp_path / "a.iso", tmp_path / "a.ecc"
    original = _image(image, 2300, seed=4)
    header = _create(image, ecc, 8)
    run = 8 * header.section_sectors
    _damage(image, list(range(100, 100 + run)))
    assert _check_and_repair(image, ecc)[1].ok
    assert image.read_bytes() == original
    _damage(image, list(range(100, 100 + run + 1)))
    _checked, repaired = _check_and_repair(image, ecc)
    assert not repaired.ok
    assert repaired.worst_column == 9
    assert len(repaired.unrepairable) == 9  # the one group with 9 erasures; the rest rebuilt
    assert len(repaired.repaired) == run + 1 - 9


def test_a_short_image_is_extended_and_its_tail_rebuilt(tmp_path: Path) -> None:
    image, ecc = tmp_path / "a.iso", tmp_path / "a.ecc"
    original = _image(image, 3000, seed=5, tail=10)
    _create(image, ecc, 32)
    with image.open("r+b") as stream:
        stream.truncate(2900 * SECTOR + 7)
    checked, repaired = _check_and_repair(image, ecc)
    assert checked.missing == 100
    assert len(checked.damaged) == 101  # the cut sector and the 100 missing ones
    assert repaired.ok
    assert image.read_bytes() == original


def test_a_damaged_ecc_file_is_noticed(tmp_path: Path) -> None:
    image, ecc = tmp_path / "a.iso", tmp_path / "a.ecc"
    _image(image, 500)
    header = _create(image, ecc)
    with ecc.open("r+b") as stream:
        stream.seek(header.parity_offset + 1000)
        stream.write(b"\0\1\2")
    fd, efd = os.open(image, os.O_RDONLY), os.open(ecc, os.O_RDONLY)
    report = rs01.check(fd, efd)
    os.close(fd)
    os.close(efd)
    assert not report.ecc_ok
    assert not report.damaged


def test_headers_that_are_not_rs01_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="not a dvdisaster"):
        rs01.Header.parse(bytes(4096))
    with pytest.raises(InvalidInputError, match="RS03"):
        rs01.Header.parse(b"*dvdisaster*RS03".ljust(4096, b"\0"))
