"""Reading DiscJuggler images built from the published descriptor layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.convert.cdi import read_cdi
from app.core.convert.disc import Subchannel, TrackMode
from app.core.errors import ImageError
from tests.fakes.disc_images import cdi, payload


def test_audio_then_data_track(tmp_path: Path) -> None:
    p = payload(20, 160)
    path = tmp_path / "d.cdi"
    cdi(path, [(0, 2, p.audio, 150), (1, 4, bytes(2448 * 20), 0)])
    disc = read_cdi(path)
    audio, data = disc.tracks
    assert (audio.mode, audio.start, audio.length, audio.pregap) == (TrackMode.AUDIO, 0, 10, 150)
    assert audio.pregap_stored
    assert (data.mode, data.start, data.length) == (TrackMode.MODE1, 10, 20)
    assert (data.store.offset, data.store.subchannel) == (160 * 2352, Subchannel.PW_RAW)


def test_descriptor_length_beyond_the_file(tmp_path: Path) -> None:
    (tmp_path / "x.cdi").write_bytes(bytes(100) + (10**6).to_bytes(4, "little"))
    with pytest.raises(ImageError, match="not a DiscJuggler image"):
        read_cdi(tmp_path / "x.cdi")


def test_truncated_descriptor(tmp_path: Path) -> None:
    p = payload(0, 10)
    cdi(tmp_path / "d.cdi", [(0, 2, p.audio, 0)])
    data = (tmp_path / "d.cdi").read_bytes()
    cut = data[: 2352 * 10 + 40]
    (tmp_path / "x.cdi").write_bytes(cut + (len(cut) - 2352 * 10 + 4).to_bytes(4, "little"))
    with pytest.raises(ImageError, match="descriptor ends inside"):
        read_cdi(tmp_path / "x.cdi")
