"""Cutting user data out of raw sectors while checking them, rebuilding whole sectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core import ecma130
from app.core.convert import extract
from app.core.convert.disc import Track, TrackMode, TrackStore
from app.core.convert.extract import CheckLog, raw_sectors, user_data
from app.core.crc import edc_of
from tests.fakes.ecma130_reference import ref_check, ref_edc, ref_vectors, syndromes


def raw_track(tmp_path: Path, sectors: np.ndarray) -> Track:
    (tmp_path / "t.bin").write_bytes(sectors.tobytes())
    return Track(1, TrackMode.MODE1, 0, sectors.shape[0], TrackStore(tmp_path / "t.bin", 0, 2352))


@pytest.mark.parametrize("batch", [1, 3, 2000])
def test_damage_is_found_across_chunks_and_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(extract, "CHUNK_SECTORS", 45)
    monkeypatch.setattr(extract, "PARITY_BATCH", batch)
    rng = np.random.default_rng(batch)
    user = rng.integers(0, 256, size=(200, 2048), dtype=np.uint8)
    sectors = ecma130.encode_mode1(user, 0).copy()
    sectors[[0, 44, 45, 199], 2250] ^= 0x40  # Q parity only, at chunk edges
    sectors[100, 20] ^= 1  # user data: EDC (and parity)
    sectors[150, 5] = 0  # sync
    log = CheckLog()
    data = b"".join(bytes(c) for c in user_data(raw_track(tmp_path, sectors), log))
    assert data == sectors[:, 16:2064].tobytes()
    assert log.checked == 200
    assert log.bad_edc == [100]
    assert log.bad_ecc == [0, 44, 45, 100, 199]
    assert log.bad_sync == [150]
    assert log.bad == [0, 44, 45, 100, 150, 199]


def test_without_parity_only_the_edc_is_checked(tmp_path: Path) -> None:
    user = np.zeros((30, 2048), dtype=np.uint8)
    sectors = ecma130.encode_mode1(user, 0).copy()
    sectors[7, 2300] ^= 1
    log = CheckLog()
    for _chunk in user_data(raw_track(tmp_path, sectors), log, parity=False):
        pass
    assert (log.bad_ecc, log.bad_edc, log.checked) == ([], [], 30)


def test_whole_sectors_from_user_data_and_unstored_pregap(tmp_path: Path) -> None:
    user = np.random.default_rng(3).integers(0, 256, size=(5, 2048), dtype=np.uint8)
    (tmp_path / "u.iso").write_bytes(user.tobytes())
    track = Track(2, TrackMode.MODE1, 300, 5, TrackStore(tmp_path / "u.iso", 0, 2048), pregap=2)
    data = b"".join(bytes(c) for c in raw_sectors(track, 298, 7))
    assert len(data) == 7 * 2352
    for i in range(7):
        sector = data[i * 2352 : (i + 1) * 2352]
        ref_check(sector)
        msf = 298 + i + 150
        assert sector[12:15] == bytes(
            (v // 10) << 4 | v % 10 for v in (msf // 4500, msf // 75 % 60, msf % 75)
        )
    assert data[2 * 2352 + 16 : 2 * 2352 + 2064] == user[0].tobytes()
    assert data[16:2064] == bytes(2048)  # the pregap: empty Mode 1 sectors


def _form2_sectors(rng: np.random.Generator, first_lba: int, count: int) -> np.ndarray:
    """Raw XA Mode 2 Form 2 sectors with their optional EDC (ECMA-130 §14.4, CD-ROM XA)."""
    sectors = np.zeros((count, 2352), dtype=np.uint8)
    sectors[:, :12] = np.frombuffer(ecma130.SYNC, dtype=np.uint8)
    sectors[:, 12:16] = ecma130.headers(first_lba, count, 2)
    sectors[:, 16:24] = [0, 0, 0x20, 0, 0, 0, 0x20, 0]
    sectors[:, 24:2348] = rng.integers(0, 256, size=(count, 2324), dtype=np.uint8)
    for i in range(count):
        sectors[i, 2348:] = np.frombuffer(
            edc_of(sectors[i, 16:2348].tobytes()).to_bytes(4, "little"), dtype=np.uint8
        )
    return sectors


def _reference_verdict(sector: bytes) -> tuple[bool, bool]:
    """(EDC wrong, parity wrong) of one raw sector by the plain reference implementation."""
    mode, form2 = sector[15], sector[15] == 2 and sector[18] & 0x20
    if form2:
        return int.from_bytes(sector[2348:], "little") != ref_edc(sector[16:2348]), False
    start, end = (0, 2064) if mode == 1 else (16, 2072)
    edc_bad = int.from_bytes(sector[end : end + 4], "little") != ref_edc(sector[start:end])
    p_vectors, q_vectors = ref_vectors(sector, zero_header=mode == 2)
    return edc_bad, any(syndromes(v) != (0, 0) for v in p_vectors + q_vectors)


def _damage(rng: np.random.Generator, sectors: np.ndarray) -> None:
    """Random damage of every kind: single bytes anywhere after the sync, the same mask in
    neighbours (they cancel in their consecutive group sum), a constant mask over a run, a
    whole sector zeroed after its header."""
    n = sectors.shape[0]
    for i in rng.choice(n, size=40, replace=False):
        sectors[i, int(rng.integers(16, 2352))] ^= int(rng.integers(1, 256))
    for first in rng.choice(n - 2, size=4, replace=False):
        sectors[[first, first + 1], int(rng.integers(24, 2352))] ^= 0x10
    run = int(rng.integers(0, n - 200))
    sectors[run : run + 200, 2100] ^= 0x81
    sectors[int(rng.integers(0, n)), 16:] = 0


@pytest.mark.parametrize("mode", ["mode1", "mixed-xa"])
def test_batched_check_agrees_with_the_reference_sector_by_sector(
    tmp_path: Path, mode: str
) -> None:
    """The batched check (group sums of whole chunks, default chunk size, parity batches)
    names exactly the sectors the plain reference implementation finds damaged, across
    chunk edges, in Mode 1 and in a Mode 2 track mixing Form 1 and Form 2 sectors."""
    rng = np.random.default_rng(len(mode))
    count = extract.CHUNK_SECTORS + 700
    first = 150
    user = rng.integers(0, 256, size=(count, 2048), dtype=np.uint8)
    if mode == "mode1":
        sectors = ecma130.encode_mode1(user, first).copy()
    else:
        sectors = ecma130.encode_mode2_form1(user, first).copy()
        form2 = np.sort(rng.choice(count, size=count // 3, replace=False))
        for i in form2:
            sectors[i] = _form2_sectors(rng, first + int(i), 1)[0]
    clean = sectors.copy()
    _damage(rng, sectors)
    touched = np.nonzero(np.any(sectors != clean, axis=1))[0]
    expected_edc, expected_ecc = [], []
    for i in touched.tolist():
        edc_bad, ecc_bad = _reference_verdict(sectors[i].tobytes())
        expected_edc += [first + i] if edc_bad else []
        expected_ecc += [first + i] if ecc_bad else []
    track_mode = TrackMode.MODE1 if mode == "mode1" else TrackMode.MODE2
    (tmp_path / "t.bin").write_bytes(sectors.tobytes())
    track = Track(1, track_mode, first, count, TrackStore(tmp_path / "t.bin", 0, 2352))
    log = CheckLog()
    for _chunk in user_data(track, log):
        pass
    assert log.checked == count
    assert expected_ecc
    assert expected_edc
    assert log.bad_edc == expected_edc
    assert log.bad_ecc == expected_ecc
    assert log.bad_sync == []
