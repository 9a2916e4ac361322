"""Reading Nero images built from the published chunk layout: both footers, DAO and TAO,
sub-channel modes, CD-TEXT, and damaged descriptors."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.convert.disc import Subchannel, TrackMode
from app.core.convert.nrg import read_chunks, read_nrg
from app.core.errors import ImageError
from tests.fakes.disc_images import cdtext_packs, nrg, payload


@pytest.mark.parametrize("version", [1, 2])
def test_dao_data_and_audio(tmp_path: Path, version: int) -> None:
    p = payload(40, 30)
    path = tmp_path / "d.nrg"
    nrg(path, [(0x00, p.user, 2048), (0x07, p.audio, 2352)], version=version, pregap_sectors=150)
    disc = read_nrg(path)
    data, audio = disc.tracks
    assert (data.mode, data.start, data.length, data.pregap, data.pregap_stored) == (
        TrackMode.MODE1,
        0,
        40,
        150,
        True,
    )
    assert data.store.offset == 0
    assert (audio.mode, audio.start, audio.length, audio.number) == (TrackMode.AUDIO, 40, 30, 2)
    assert audio.store.offset == 190 * 2048
    assert disc.catalog == "1234567890123"
    assert data.control & 0x04
    assert not audio.control & 0x04


@pytest.mark.parametrize("version", [1, 2])
def test_tao_tracks(tmp_path: Path, version: int) -> None:
    p = payload(20, 10)
    path = tmp_path / "t.nrg"
    nrg(path, [(0x05, p.raw, 2352), (0x07, p.audio, 2352)], version=version, tao=True)
    one, two = read_nrg(path).tracks
    assert (one.mode, one.length, one.store.sector_size) == (TrackMode.MODE1, 20, 2352)
    assert (two.start, two.length, two.store.offset) == (20, 10, 20 * 2352)


def test_raw_sectors_with_subchannel(tmp_path: Path) -> None:
    p = payload(10, 0)
    stored = b"".join(p.raw[i * 2352 : (i + 1) * 2352] + bytes(96) for i in range(10))
    path = tmp_path / "s.nrg"
    nrg(path, [(0x0F, stored, 2448)])
    (track,) = read_nrg(path).tracks
    assert (track.store.sector_size, track.store.subchannel, track.store.stride) == (
        2352,
        Subchannel.PW_RAW,
        2448,
    )


def test_cdtext_chunk(tmp_path: Path) -> None:
    p = payload(0, 10)
    packs = cdtext_packs(0x80, ["Album", "First song"]) + cdtext_packs(0x81, ["Band", "Singer"])
    path = tmp_path / "c.nrg"
    nrg(path, [(0x07, p.audio, 2352)], cdtext=packs)
    disc = read_nrg(path)
    assert (disc.cdtext.title, disc.cdtext.performer) == ("Album", "Band")
    assert (disc.tracks[0].cdtext.title, disc.tracks[0].cdtext.performer) == (
        "First song",
        "Singer",
    )


def test_not_a_nero_image(tmp_path: Path) -> None:
    (tmp_path / "x.nrg").write_bytes(bytes(4096))
    with pytest.raises(ImageError, match="no NER5/NERO footer"):
        read_nrg(tmp_path / "x.nrg")


def test_footer_pointing_outside_the_file(tmp_path: Path) -> None:
    (tmp_path / "x.nrg").write_bytes(bytes(100) + b"NER5" + (10**12).to_bytes(8, "big"))
    with pytest.raises(ImageError, match="points outside"):
        read_chunks(tmp_path / "x.nrg")


def test_chunk_longer_than_the_file(tmp_path: Path) -> None:
    body = b"CUEX" + (10**6).to_bytes(4, "big")
    (tmp_path / "x.nrg").write_bytes(body + b"NER5" + (0).to_bytes(8, "big"))
    with pytest.raises(ImageError, match="runs past the end"):
        read_chunks(tmp_path / "x.nrg")


def test_track_offsets_beyond_the_data(tmp_path: Path) -> None:
    p = payload(10, 0)
    path = tmp_path / "x.nrg"
    nrg(path, [(0x00, p.user, 2048)])
    data = bytearray(path.read_bytes())
    at = data.index(b"DAOX") + 8 + 22 + 18 + 16  # the track's end offset (64-bit)
    data[at : at + 8] = (2048 * 10**6).to_bytes(8, "big")
    path.write_bytes(bytes(data))
    with pytest.raises(ImageError, match="shorter than the image says"):
        read_nrg(path)
