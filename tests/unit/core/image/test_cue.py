"""CUE sheet writer: track modes, INDEX 00 pregaps, flags, times relative to the BIN."""

from __future__ import annotations

import pytest

from app.core.errors import InvalidInputError
from app.core.image.cue import CueTrack, CueTrackMode, format_cue


def test_mixed_mode_disc_with_pregap_after_the_data_track() -> None:
    # data track 0..37874, audio track 2 INDEX 01 at 38025 with a 150-sector pregap
    tracks = (
        CueTrack(1, CueTrackMode.MODE1_RAW, 0),
        CueTrack(2, CueTrackMode.AUDIO, 38_025, pregap_lba=37_875, copy_permitted=True),
        CueTrack(3, CueTrackMode.AUDIO, 50_000, pre_emphasis=True),
    )
    assert format_cue("game.bin", tracks).splitlines() == [
        'FILE "game.bin" BINARY',
        "  TRACK 01 MODE1/2352",
        "    INDEX 01 00:00:00",
        "  TRACK 02 AUDIO",
        "    FLAGS DCP",
        "    INDEX 00 08:25:00",
        "    INDEX 01 08:27:00",
        "  TRACK 03 AUDIO",
        "    FLAGS PRE",
        "    INDEX 01 11:06:50",
    ]


def test_audio_cd_with_catalog_and_isrc() -> None:
    tracks = (
        CueTrack(1, CueTrackMode.AUDIO, 0, isrc="USABC1234567"),
        CueTrack(2, CueTrackMode.AUDIO, 75 * 60 + 1, pregap_lba=75 * 58),
    )
    text = format_cue("a.bin", tracks, catalog="0123456789012", title="Live")
    assert text.startswith('CATALOG 0123456789012\nTITLE "Live"\nFILE "a.bin" BINARY\n')
    assert "    ISRC USABC1234567\n" in text
    assert "    INDEX 00 00:58:00\n    INDEX 01 01:00:01\n" in text


def test_mode2_and_offset_first_lba() -> None:
    text = format_cue("v.bin", (CueTrack(1, CueTrackMode.MODE2_RAW, 150),), first_lba=150)
    assert "TRACK 01 MODE2/2352\n    INDEX 01 00:00:00" in text


def test_rejects_disorder_and_bad_names() -> None:
    with pytest.raises(ValueError, match="out of order"):
        format_cue(
            "x.bin",
            (CueTrack(1, CueTrackMode.AUDIO, 100), CueTrack(2, CueTrackMode.AUDIO, 50)),
        )
    with pytest.raises(ValueError, match="at least one"):
        format_cue("x.bin", ())
    with pytest.raises(InvalidInputError):
        format_cue('x".bin', (CueTrack(1, CueTrackMode.AUDIO, 0),))
