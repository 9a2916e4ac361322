"""Choosing the reader, plain ISO/raw files, and hostile images: truncated files and
descriptors with random bytes changed end in an ImageError (or a readable disc), never in
another exception, whatever the format."""

from __future__ import annotations

import contextlib
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.convert.disc import TrackMode
from app.core.convert.extract import raw_sectors
from app.core.convert.formats import open_image, read_plain
from app.core.errors import AppError, ImageError, InvalidInputError
from tests.fakes.disc_images import ccd, cdi, mds, nrg, payload


def test_plain_iso_and_raw_bin(tmp_path: Path) -> None:
    p = payload(8, 0)
    (tmp_path / "a.iso").write_bytes(p.user)
    (tmp_path / "b.bin").write_bytes(p.raw)
    iso = read_plain(tmp_path / "a.iso")
    raw = open_image(tmp_path / "b.bin", tmp_path)
    assert (iso.tracks[0].store.sector_size, iso.tracks[0].length) == (2048, 8)
    assert (raw.tracks[0].store.sector_size, raw.tracks[0].mode) == (2352, TrackMode.MODE1)
    (tmp_path / "c.iso").write_bytes(bytes(1000))
    with pytest.raises(ImageError, match="2048-byte sectors"):
        read_plain(tmp_path / "c.iso")


def test_a_bin_is_read_through_its_cue(tmp_path: Path) -> None:
    (tmp_path / "d.bin").write_bytes(bytes(2352 * 4))
    (tmp_path / "d.cue").write_text(
        'FILE "d.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n'
    )
    assert open_image(tmp_path / "d.bin", tmp_path).format == "CUE/BIN"


def test_unknown_and_missing(tmp_path: Path) -> None:
    (tmp_path / "x.daa").write_bytes(b"DAA")
    with pytest.raises(InvalidInputError, match="does not know"):
        open_image(tmp_path / "x.daa", tmp_path)
    with pytest.raises(InvalidInputError, match="not a file"):
        open_image(tmp_path / "nothing.cue", tmp_path)


def _cue(folder: Path) -> Path:
    p = payload(6, 4)
    (folder / "d.bin").write_bytes(p.raw + p.audio)
    (folder / "d.cue").write_text(
        'FILE "d.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
        "  TRACK 02 AUDIO\n    INDEX 00 00:00:06\n    INDEX 01 00:00:07\n"
    )
    return folder / "d.cue"


def _nrg(folder: Path) -> Path:
    p = payload(6, 4)
    nrg(folder / "d.nrg", [(0x00, p.user, 2048), (0x07, p.audio, 2352)], pregap_sectors=2)
    return folder / "d.nrg"


def _mds(folder: Path) -> Path:
    p = payload(6, 4)
    mds(folder / "d.mds", [(0xAA, 2352, p.raw, 0, 150), (0xA9, 2352, p.audio, 8, 2)])
    return folder / "d.mds"


def _ccd(folder: Path) -> Path:
    p = payload(6, 4)
    ccd(folder / "d.ccd", [(0x04, 1, p.raw), (0x00, 0, p.audio)], sub=True)
    return folder / "d.ccd"


def _cdi(folder: Path) -> Path:
    p = payload(6, 4)
    cdi(folder / "d.cdi", [(0, 2, p.audio, 2), (1, 2, p.raw, 0)])
    return folder / "d.cdi"


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "cue": _cue,
    "nrg": _nrg,
    "mds": _mds,
    "ccd": _ccd,
    "cdi": _cdi,
}


def _read_everything(path: Path, scratch: Path) -> None:
    disc = open_image(path, scratch)
    for track in disc.tracks:
        for _chunk in raw_sectors(track, track.start - track.stored_pregap, track.length):
            pass


def _descriptor(path: Path) -> tuple[Path, int, int]:
    """The file holding the descriptor and the byte range of the descriptor in it."""
    size = path.stat().st_size
    if path.suffix in (".nrg", ".cdi"):
        return path, max(0, size - 400), size
    return path, 0, size


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_hostile_images_raise_image_errors_only(tmp_path: Path, kind: str) -> None:
    good = tmp_path / "good"
    good.mkdir()
    source = BUILDERS[kind](good)
    _read_everything(source, tmp_path)  # the unmodified image reads
    rng = random.Random(kind)
    work = tmp_path / "work"
    for attempt in range(120):
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(good, work)
        target, start, end = _descriptor(work / source.name)
        data = bytearray(target.read_bytes())
        if attempt % 3 == 0:
            data = data[: rng.randrange(start, end)]  # truncated
        else:
            for _ in range(rng.randint(1, 6)):
                data[rng.randrange(start, end)] = rng.randrange(256)
        target.write_bytes(bytes(data))
        data_file = next((p for p in work.iterdir() if p.suffix in (".bin", ".mdf", ".img")), None)
        if attempt % 10 == 9 and data_file is not None:  # the sectors' file cut short
            data_file.write_bytes(data_file.read_bytes()[: rng.randrange(1, 30000)])
        with contextlib.suppress(AppError):
            _read_everything(work / source.name, tmp_path)
