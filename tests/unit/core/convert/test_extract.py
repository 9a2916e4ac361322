"""Cutting user data out of raw sectors while checking them, rebuilding whole sectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core import ecma130
from app.core.convert import extract
from app.core.convert.disc import Track, TrackMode, TrackStore
from app.core.convert.extract import CheckLog, raw_sectors, user_data
from tests.fakes.ecma130_reference import ref_check


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
