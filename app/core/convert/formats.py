"""Which reader an image needs, by its name and its first or last bytes, and plain ISO and
raw-sector files read as one-track discs."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.convert.disc import Disc, Session, Track, TrackMode, TrackStore, check_layout
from app.core.errors import ImageError, InvalidInputError
from app.core.units import SYNC

CHD_MAGIC = b"MComprHD"
EXTENSIONS = (".cue", ".nrg", ".mds", ".mdf", ".ccd", ".img", ".cdi", ".chd", ".iso", ".bin")


def _head(path: Path, size: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise ImageError(f"Could not read “{path.name}”.", str(exc)) from exc


def read_plain(path: Path, format_name: str = "ISO") -> Disc:
    """A file of sectors without a descriptor: 2048-byte user data (ISO), or whole raw data
    sectors when the file starts with a sync pattern and is a multiple of 2352 bytes."""
    size = os.stat(path).st_size
    head = _head(path, 16)
    if head[:12] == SYNC and size % 2352 == 0:
        mode = TrackMode.MODE1 if head[15] == 1 else TrackMode.MODE2
        store = TrackStore(path, 0, 2352)
        length = size // 2352
    else:
        if size % 2048:
            raise ImageError(
                f"“{path.name}” is not a whole number of 2048-byte sectors.",
                f"{size} bytes; a CUE sheet or descriptor file may be missing",
            )
        mode, store, length = TrackMode.MODE1, TrackStore(path, 0, 2048), size // 2048
    if length == 0:
        raise ImageError(f"“{path.name}” is empty.", "0 sectors")
    track = Track(1, mode, 0, length, store, control=0x04)
    return check_layout(Disc(format_name, path, (Session(1, (track,)),)))


def _sibling(path: Path, *suffixes: str) -> Path | None:
    for suffix in suffixes:
        for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
            if candidate.is_file():
                return candidate
    return None


def open_image(path: Path, scratch: Path) -> Disc:
    """Read ``path`` with the reader its format needs.  ``scratch`` is a directory for
    formats read through a temporary copy (CHD); the caller removes it afterwards."""
    if not path.is_file():
        raise InvalidInputError(f"“{path}” is not a file.", "no such regular file")
    suffix = path.suffix.lower()
    head = _head(path, 16)
    if head.startswith(CHD_MAGIC) or suffix == ".chd":
        from app.core.convert.chd import read_chd

        return read_chd(path, scratch)
    if suffix == ".cue":
        from app.core.convert.cue import read_cue

        return read_cue(path)
    if suffix == ".mds" or head.startswith(b"MEDIA DESCRIPTOR"):
        from app.core.convert.mds import read_mds

        return read_mds(path)
    if suffix == ".ccd":
        from app.core.convert.ccd import read_ccd

        return read_ccd(path)
    if suffix == ".nrg":
        from app.core.convert.nrg import read_nrg

        return read_nrg(path)
    if suffix == ".cdi":
        from app.core.convert.cdi import read_cdi

        return read_cdi(path)
    if suffix in (".img", ".mdf", ".bin"):
        descriptor = {".img": (".ccd", ".cue"), ".mdf": (".mds",), ".bin": (".cue",)}[suffix]
        sibling = _sibling(path, *descriptor)
        if sibling is not None:
            return open_image(sibling, scratch)
        return read_plain(path, format_name=suffix[1:].upper())
    if suffix == ".iso":
        return read_plain(path)
    raise InvalidInputError(
        f"Spindle does not know the image format of “{path.name}”.",
        "known: " + ", ".join(EXTENSIONS),
    )
