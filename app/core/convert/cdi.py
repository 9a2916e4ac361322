"""Reading DiscJuggler images (.cdi): the tracks' sectors back to back, the descriptor at the
end of the file, its length in the last 4 bytes (little-endian, the 4 bytes included).

The descriptor, as libmirage's image-cdi parser reads it (many fields are undeciphered; the
ones Spindle uses):

- 1 byte: session count; then per session (plus one empty session at the end) a 15-byte
  session block whose byte 1 is its track count, followed by its tracks;
- per track: a header (16 fixed bytes, a file name length byte and the name, 29 bytes, the
  medium as 16 bits: 0x98 CD, 0x38 DVD), the index count (16 bits) and each index's length in
  sectors (32 bits; the first is the pregap), a CD-TEXT block count (32 bits) and per block
  18 length-prefixed fields, 2 bytes, the track mode (32 bits: 0 audio, 1 Mode 1, 2 Mode 2),
  4 bytes, session and track index, start address and length (32 bits each, the length
  counting the pregap), 16 bytes, the read mode (0: 2048, 1: 2336, 2: 2352, 3: 2352 + 16 Q,
  4: 2352 + 96 raw P-W bytes per sector), the CONTROL bits, 9 bytes, the ISRC (12) and its
  valid flag (32 bits), then 99 bytes.

The first track's pregap starts at LBA -150; tracks follow one another, and a new session
starts after the lead-out and lead-in between sessions (MMC-6 §4.2.3.11: 6750 + 4500 sectors
after the first session, 2250 + 4500 after later ones).
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

from app.core.convert.disc import (
    Disc,
    Session,
    Subchannel,
    Track,
    TrackMode,
    TrackStore,
    check_layout,
)
from app.core.errors import ImageError

MAX_DESCRIPTOR = 4 * 1024 * 1024
MODES = {0: TrackMode.AUDIO, 1: TrackMode.MODE1, 2: TrackMode.MODE2}
READ_MODES = {
    0: (2048, Subchannel.NONE),
    1: (2336, Subchannel.NONE),
    2: (2352, Subchannel.NONE),
    3: (2352, Subchannel.Q16),
    4: (2352, Subchannel.PW_RAW),
}
GAP_AFTER_FIRST = 6750 + 4500
GAP_AFTER_LATER = 2250 + 4500


class _Cursor:
    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.data = data
        self.at = 0

    def take(self, size: int, what: str) -> bytes:
        if size < 0 or self.at + size > len(self.data):
            raise ImageError(
                f"“{self.path.name}” is damaged: its descriptor ends inside the {what}.",
                f"descriptor byte {self.at}, {size} more needed of {len(self.data)}",
            )
        chunk = self.data[self.at : self.at + size]
        self.at += size
        return chunk

    def u8(self, what: str) -> int:
        return self.take(1, what)[0]

    def u16(self, what: str) -> int:
        return int(struct.unpack("<H", self.take(2, what))[0])

    def u32(self, what: str) -> int:
        return int(struct.unpack("<I", self.take(4, what))[0])


def _header(cursor: _Cursor) -> str:
    """The block header every track (and the disc block) starts with; returns the medium."""
    cursor.take(16, "track header")
    name_length = cursor.u8("file name length")
    cursor.take(name_length, "file name")
    cursor.take(29, "track header")
    medium = cursor.u16("medium type")
    return "DVD" if medium == 0x38 else "CD"


def _descriptor(path: Path) -> bytes:
    try:
        size = os.stat(path).st_size
        with open(path, "rb") as handle:
            if size < 8:
                raise ImageError(f"“{path.name}” is too short to be a CDI image.", f"{size} B")
            handle.seek(size - 4)
            length = struct.unpack("<I", handle.read(4))[0]
            if not 4 < length <= min(size, MAX_DESCRIPTOR):
                raise ImageError(
                    f"“{path.name}” is not a DiscJuggler image (or is damaged).",
                    f"descriptor length {length} for a file of {size} bytes",
                )
            handle.seek(size - length)
            return handle.read(length - 4)
    except OSError as exc:
        raise ImageError(f"Could not read “{path.name}”.", str(exc)) from exc


@dataclass(frozen=True, slots=True)
class _Block:
    """The fields of one track block Spindle uses."""

    medium: str
    indexes: tuple[int, ...]
    text_blocks: int
    mode: int
    total: int
    read_mode: int
    control: int
    isrc: str


def _track_block(cursor: _Cursor) -> _Block:
    """One track block, its fields in descriptor order."""
    medium = _header(cursor)
    index_count = cursor.u16("index count")
    if not 1 <= index_count <= 100:
        raise ImageError(f"“{cursor.path.name}” has a track with {index_count} indexes.", "")
    indexes = tuple(cursor.u32("index") for _ in range(index_count))
    text_blocks = cursor.u32("CD-TEXT block count")
    if text_blocks > 99:
        raise ImageError(f"“{cursor.path.name}” is damaged (CD-TEXT block count).", "")
    for _ in range(text_blocks * 18):
        cursor.take(cursor.u8("CD-TEXT field"), "CD-TEXT field")
    cursor.take(2, "track block")
    mode = cursor.u32("track mode")
    cursor.take(4 + 4 + 4 + 4, "track block")  # spare, session index, track index, start
    total = cursor.u32("track length")
    cursor.take(16, "track block")
    read_mode = cursor.u32("read mode")
    control = cursor.u32("control")
    cursor.take(9, "track block")
    isrc = cursor.take(12, "ISRC").decode("latin-1").strip("\0 ")
    valid = cursor.u32("ISRC flag")
    cursor.take(99, "track block")
    return _Block(
        medium, indexes, text_blocks, mode, total, read_mode, control, isrc if valid else ""
    )


def _track(path: Path, block: _Block, *, number: int, session: int, lba: int, offset: int) -> Track:
    where = f"{path.name}, track {number}"
    if block.mode not in MODES or block.read_mode not in READ_MODES:
        raise ImageError(
            "The CDI image uses a track or read mode Spindle does not know.",
            f"{where}: mode {block.mode}, read mode {block.read_mode}",
        )
    main, sub = READ_MODES[block.read_mode]
    pregap = block.indexes[0]
    if not 0 <= pregap < block.total:
        raise ImageError("The CDI image gives a track an impossible pregap.", where)
    points = [pregap]
    for extra in block.indexes[1:-1]:
        points.append(points[-1] + extra)
    return Track(
        number=number,
        mode=MODES[block.mode],
        start=lba + pregap,
        length=block.total - pregap,
        store=TrackStore(path, offset, main, sub),
        session=session,
        pregap=pregap,
        pregap_stored=pregap > 0,
        indexes=tuple(lba + p for p in points[1:]),
        control=block.control & 0x0F,
        isrc=block.isrc,
    )


def read_cdi(path: Path) -> Disc:
    cursor = _Cursor(path, _descriptor(path))
    session_count = cursor.u8("session count")
    if not 1 <= session_count <= 99:
        raise ImageError(f"“{path.name}” gives an impossible session count.", str(session_count))
    tracks: list[Track] = []
    notes: list[str] = []
    offset = 0
    lba = -150
    medium = "CD"
    for session in range(1, session_count + 1):
        count = cursor.take(15, "session block")[1]
        if session > 1:
            lba += GAP_AFTER_FIRST if session == 2 else GAP_AFTER_LATER
        for _ in range(count):
            block = _track_block(cursor)
            medium = block.medium
            track = _track(
                path, block, number=len(tracks) + 1, session=session, lba=lba, offset=offset
            )
            if block.text_blocks:
                notes.append(f"CD-TEXT of track {track.number} in the CDI descriptor is not read")
            tracks.append(track)
            offset += block.total * track.store.stride
            lba += block.total
    sessions = tuple(
        Session(n, tuple(t for t in tracks if t.session == n))
        for n in dict.fromkeys(t.session for t in tracks)
    )
    return check_layout(Disc("CDI", path, sessions, medium=medium, notes=tuple(notes)))
