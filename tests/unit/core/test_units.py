from __future__ import annotations

import pytest

from app.core.units import (
    MediaPreset,
    Msf,
    format_duration,
    format_size,
    frames_to_cue_time,
    lba_to_msf,
    msf_to_lba,
    sectors_for,
)


@pytest.mark.parametrize(
    ("lba", "msf"),
    [
        (0, Msf(0, 2, 0)),
        (-150, Msf(0, 0, 0)),
        (16, Msf(0, 2, 16)),
        (359_849, Msf(79, 59, 74)),  # last sector of an 80-minute CD
        (-151, Msf(99, 59, 74)),  # lead-in (MMC-6 Table 16)
        (-45_150, Msf(90, 0, 0)),
    ],
)
def test_lba_msf_round_trip(lba: int, msf: Msf) -> None:
    assert lba_to_msf(lba) == msf
    assert msf_to_lba(msf) == lba


def test_invalid_msf_is_refused() -> None:
    with pytest.raises(ValueError, match="invalid MSF"):
        msf_to_lba(Msf(0, 60, 0))
    with pytest.raises(ValueError, match="no MSF"):
        lba_to_msf(449_850)


def test_media_presets_match_playing_times() -> None:
    assert MediaPreset.CD_700.sectors == 80 * 60 * 75
    assert MediaPreset.CD_650.size_bytes == 681_984_000
    assert MediaPreset.DVD_5.size_bytes == 4_700_372_992
    assert MediaPreset.BD_25.size_bytes == 25_025_314_816


def test_formatting() -> None:
    assert format_size(0) == "0 bytes"
    assert format_size(1536) == "1.50 KiB"
    assert format_size(4_700_372_992) == "4.38 GiB"
    assert format_size(700 * 1024 * 1024) == "700 MiB"
    assert format_duration(3723) == "1:02:03"
    assert format_duration(59.6) == "1:00"
    assert frames_to_cue_time(75 * 61 + 3) == "01:01:03"
    assert sectors_for(0) == 0
    assert sectors_for(1) == 1
    assert sectors_for(4096) == 2
