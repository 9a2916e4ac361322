"""Reading Alcohol MDS/MDF images built from the published block layout."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from app.core.convert.disc import Subchannel, TrackMode
from app.core.convert.mds import read_mds
from app.core.errors import ImageError
from tests.fakes.disc_images import mds, payload


def test_mode1_and_audio_tracks_with_unstored_pregaps(tmp_path: Path) -> None:
    p = payload(30, 20)
    mdf = mds(tmp_path / "d.mds", [(0xAA, 2352, p.raw, 0, 150), (0xA9, 2352, p.audio, 180, 150)])
    disc = read_mds(tmp_path / "d.mds")
    data, audio = disc.tracks
    assert (data.mode, data.start, data.length, data.store.path) == (TrackMode.MODE1, 0, 30, mdf)
    assert (data.pregap, data.pregap_stored) == (150, False)
    assert (audio.mode, audio.start, audio.length, audio.pregap) == (TrackMode.AUDIO, 180, 20, 150)
    assert audio.store.offset == 30 * 2352


def test_subchannel_and_the_mdf_given_by_name(tmp_path: Path) -> None:
    p = payload(5, 0)
    stored = b"".join(p.raw[i * 2352 : (i + 1) * 2352] + bytes(96) for i in range(5))
    mds(tmp_path / "d.mds", [(0xAA, 2448, stored, 0, 150)], subchannel=True, mdf_name="d.mdf")
    (track,) = read_mds(tmp_path / "d.mds").tracks
    assert (track.store.sector_size, track.store.subchannel) == (2352, Subchannel.PW_RAW)


def test_missing_mdf(tmp_path: Path) -> None:
    p = payload(5, 0)
    mdf = mds(tmp_path / "d.mds", [(0xAA, 2352, p.raw, 0, 150)])
    mdf.unlink()
    with pytest.raises(ImageError, match="missing"):
        read_mds(tmp_path / "d.mds")


def test_block_offsets_outside_the_descriptor(tmp_path: Path) -> None:
    p = payload(5, 0)
    mds(tmp_path / "d.mds", [(0xAA, 2352, p.raw, 0, 150)])
    data = bytearray((tmp_path / "d.mds").read_bytes())
    struct.pack_into("<I", data, 80, 10**9)  # session blocks offset
    (tmp_path / "d.mds").write_bytes(bytes(data))
    with pytest.raises(ImageError, match="outside the file"):
        read_mds(tmp_path / "d.mds")


def test_mdx_descriptors_are_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "d.mds").write_bytes(b"MEDIA DESCRIPTOR" + bytes([2, 0]) + bytes(100))
    with pytest.raises(ImageError, match="MDX"):
        read_mds(tmp_path / "d.mds")
