"""Reading CloneCD images built from the published control-file layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.convert.ccd import read_ccd
from app.core.convert.disc import Subchannel, TrackMode
from app.core.errors import ImageError
from tests.fakes.disc_images import ccd, payload


def test_tracks_modes_from_the_sectors_and_the_sub_file(tmp_path: Path) -> None:
    p = payload(20, 10)
    img = ccd(tmp_path / "d.ccd", [(0x04, 2, p.raw), (0x00, 0, p.audio)], sub=True)
    disc = read_ccd(tmp_path / "d.ccd")
    data, audio = disc.tracks
    # the [TRACK 1] section says MODE=2; the sectors say Mode 1, and the sectors win
    assert (data.mode, data.start, data.length, data.store.path) == (TrackMode.MODE1, 0, 20, img)
    assert data.store.subchannel is Subchannel.PW_LINEAR
    assert data.store.sub_path == img.with_suffix(".sub")
    assert (audio.mode, audio.start, audio.length) == (TrackMode.AUDIO, 20, 10)
    assert audio.store.sub_offset == 20 * 96


def test_missing_lead_out(tmp_path: Path) -> None:
    p = payload(5, 0)
    ccd(tmp_path / "d.ccd", [(0x04, 1, p.raw)])
    text = (tmp_path / "d.ccd").read_text().replace("Point=0xa2", "Point=0xb0")
    (tmp_path / "d.ccd").write_text(text)
    with pytest.raises(ImageError, match="no lead-out"):
        read_ccd(tmp_path / "d.ccd")


def test_unreadable_numbers_and_garbage(tmp_path: Path) -> None:
    p = payload(5, 0)
    ccd(tmp_path / "d.ccd", [(0x04, 1, p.raw)])
    text = (tmp_path / "d.ccd").read_text().replace("PLBA=5", "PLBA=five")
    (tmp_path / "d.ccd").write_text(text)
    with pytest.raises(ImageError, match="unreadable plba"):
        read_ccd(tmp_path / "d.ccd")
    (tmp_path / "d.ccd").write_bytes(b"\x00\xff garbage")
    with pytest.raises(ImageError, match="not a CloneCD control file"):
        read_ccd(tmp_path / "d.ccd")
