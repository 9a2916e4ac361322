"""Reading CUE sheets: modes and sizes, several files, pregaps, flags, CD-TEXT, sessions,
WAVE and MOTOROLA files, and sheets that are wrong."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from app.core.convert.cue import SESSION_GAP_FIRST, read_cue
from app.core.convert.disc import Subchannel, TrackMode
from app.core.convert.wav import wav_header
from app.core.errors import ImageError


def write(tmp_path: Path, sheet: str, **files: int) -> Path:
    for name, size in files.items():
        (tmp_path / name.replace("_", ".")).write_bytes(bytes(size))
    cue = tmp_path / "disc.cue"
    cue.write_text(sheet)
    return cue


def test_mixed_mode_single_file_with_pregap_flags_and_text(tmp_path: Path) -> None:
    cue = write(
        tmp_path,
        'CATALOG 1234567890123\nPERFORMER "Band"\nTITLE "Album"\n'
        'FILE "disc.bin" BINARY\n'
        "  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n"
        '  TRACK 02 AUDIO\n    TITLE "Song"\n    FLAGS DCP PRE\n    ISRC USABC1234567\n'
        "    INDEX 00 00:10:00\n    INDEX 01 00:12:00\n    INDEX 02 00:13:00\n",
        disc_bin=2352 * 1200,
    )
    disc = read_cue(cue)
    data, audio = disc.tracks
    assert (data.mode, data.start, data.length, data.store.sector_size) == (
        TrackMode.MODE1,
        0,
        750,
        2352,
    )
    assert data.control & 0x04
    assert (audio.start, audio.pregap, audio.pregap_stored) == (900, 150, True)
    assert audio.length == 300
    assert audio.store.offset == 750 * 2352
    assert audio.indexes == (975,)
    assert audio.control == 0x03
    assert audio.isrc == "USABC1234567"
    assert audio.cdtext.title == "Song"
    assert (disc.cdtext.title, disc.cdtext.performer, disc.catalog) == (
        "Album",
        "Band",
        "1234567890123",
    )


def test_files_of_different_sector_sizes_and_an_unstored_pregap(tmp_path: Path) -> None:
    cue = write(
        tmp_path,
        'FILE "data.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n'
        'FILE "two.bin" BINARY\n  TRACK 02 MODE2/2336\n    PREGAP 00:02:00\n'
        "    INDEX 01 00:00:00\n"
        'FILE "three.bin" BINARY\n  TRACK 03 CDG\n    INDEX 01 00:00:00\n',
        data_iso=2048 * 100,
        two_bin=2336 * 50,
        three_bin=(2352 + 96) * 10,
    )
    one, two, three = read_cue(cue).tracks
    assert (one.length, one.store.sector_size) == (100, 2048)
    assert (two.mode, two.start, two.pregap, two.pregap_stored) == (
        TrackMode.MODE2,
        250,
        150,
        False,
    )
    assert two.length == 50
    assert (three.start, three.length, three.store.subchannel) == (300, 10, Subchannel.PW_RAW)


def test_mixed_sizes_in_one_file_as_chdman_writes_them(tmp_path: Path) -> None:
    cue = write(
        tmp_path,
        'FILE "x.bin" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n'
        "  TRACK 02 AUDIO\n    INDEX 00 00:02:50\n    INDEX 01 00:04:50\n",
        x_bin=2048 * 200 + 2352 * 300,
    )
    one, two = read_cue(cue).tracks
    assert one.length == 200
    assert two.store.offset == 2048 * 200
    assert (two.start, two.length, two.pregap) == (350, 150, 150)


def test_rem_session_adds_the_gap_between_sessions(tmp_path: Path) -> None:
    cue = write(
        tmp_path,
        'FILE "a.bin" BINARY\n  REM SESSION 01\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n'
        "  REM SESSION 02\n  TRACK 02 MODE1/2352\n    INDEX 01 00:01:00\n",
        a_bin=2352 * 100,
    )
    disc = read_cue(cue)
    assert [s.number for s in disc.sessions] == [1, 2]
    assert disc.tracks[1].start == 75 + SESSION_GAP_FIRST


def test_wave_and_motorola_files(tmp_path: Path) -> None:
    (tmp_path / "a.wav").write_bytes(wav_header(2352 * 10) + bytes(2352 * 10))
    (tmp_path / "b.raw").write_bytes(bytes(2352 * 5))
    cue = tmp_path / "d.cue"
    cue.write_text(
        'FILE "a.wav" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n'
        'FILE "b.raw" MOTOROLA\n  TRACK 02 AUDIO\n    INDEX 01 00:00:00\n'
    )
    one, two = read_cue(cue).tracks
    assert (one.store.offset, one.length) == (44, 10)
    assert two.store.byte_swapped
    assert two.start == 10


def test_a_wave_file_that_is_not_cd_audio(tmp_path: Path) -> None:
    header = bytearray(wav_header(4))
    struct.pack_into("<I", header, 24, 48000)
    (tmp_path / "a.wav").write_bytes(bytes(header) + bytes(4))
    (tmp_path / "d.cue").write_text('FILE "a.wav" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n')
    with pytest.raises(ImageError, match="not CD audio"):
        read_cue(tmp_path / "d.cue")


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        ("", "has no tracks"),
        ('FILE "missing.bin" BINARY\n', "not there"),
        ("TRACK 01 AUDIO\n", "before any FILE"),
        ('FILE "a.bin" BINARY\n  TRACK 01 MODE9/1234\n', "mode Spindle does not know"),
        ('FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n', "no INDEX 01"),
        ('FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:99:00\n', "impossible time"),
        ('FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 1:2\n', "unreadable time"),
        ('FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 99:00:00\n', "no sectors"),
        (
            'FILE "a.bin" BINARY\n  TRACK 02 AUDIO\n    INDEX 01 00:00:00\n'
            "  TRACK 01 AUDIO\n    INDEX 01 00:00:10\n",
            "do not increase",
        ),
        (
            'FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n    INDEX 01 00:00:01\n',
            "repeated index",
        ),
        (
            'FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    PREGAP 00:02:00\n    INDEX 00 00:00:00\n'
            "    INDEX 01 00:01:00\n",
            "both PREGAP and INDEX 00",
        ),
        ('FILE "a.bin" FLAC\n', "cannot read FLAC"),
        ("INDEX 01 00:00:00\n", "outside a track"),
        ('FILE "a.bin" BINARY\n  TRACK 100000 AUDIO\n', "unreadable track number"),
    ],
)
def test_sheets_that_are_wrong_name_the_problem(tmp_path: Path, sheet: str, message: str) -> None:
    cue = write(tmp_path, sheet, a_bin=2352 * 10)
    with pytest.raises(ImageError, match=message):
        read_cue(cue)


def test_a_binary_file_is_not_a_sheet(tmp_path: Path) -> None:
    (tmp_path / "x.cue").write_bytes(b"\x00\x01\x02FILE")
    with pytest.raises(ImageError, match="binary"):
        read_cue(tmp_path / "x.cue")


def test_a_data_file_shorter_than_its_track_says(tmp_path: Path) -> None:
    cue = write(
        tmp_path,
        'FILE "a.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
        "  TRACK 02 AUDIO\n    INDEX 01 00:00:20\n",
        a_bin=2352 * 10,
    )
    with pytest.raises(ImageError, match="short"):
        read_cue(cue)
