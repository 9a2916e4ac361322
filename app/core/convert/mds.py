"""Reading Alcohol 120% images: the .mds descriptor and its .mdf data file (MDS version 1).

Layout (little-endian; reverse-engineered, as libmirage's image-mds reads it):

- header, 88 bytes: ``"MEDIA DESCRIPTOR"``, version (2 bytes), medium type at 18 (0 CD-ROM,
  1 CD-R, 2 CD-RW, 0x10 DVD-ROM, 0x12 DVD-R), session count at 20, BCA length at 26, BCA
  offset at 36, disc structures offset at 64, session blocks offset at 80, DPM offset at 84;
- session block, 24 bytes: start and end LBA (signed), number, count of all blocks (lead-in
  entries included), count of lead-in entries, first and last track, the offset of its track
  blocks at 20;
- track block, 80 bytes: mode (low nibble: 1 audio, 2 Mode 1, 3 or 0 or 7 Mode 2, 4 Mode 2
  Form 1, 5 Mode 2 Form 2), sub-channel (8 = 96 bytes of raw P-W after each sector), the raw Q
  TOC fields (ADR/CONTROL, TNO, POINT, MSF, zero, PMSF), extra block offset at 12, sector size
  at 16, start LBA at 36, data offset in the .mdf (64-bit) at 40, file count at 48, footer
  offset at 52.  POINT 0xA0-0xA2 blocks are the lead-in entries;
- extra block, 8 bytes: pregap and length in sectors (the pregap is not in the .mdf);
- footer, 16 bytes: the offset of the .mdf file name and a wide-character flag; ``*.mdf``
  means "the descriptor's name with .mdf".
"""

from __future__ import annotations

import os
import struct
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

SIGNATURE = b"MEDIA DESCRIPTOR"
MAX_MDS = 16 * 1024 * 1024
MODES = {
    0: TrackMode.MODE2,
    1: TrackMode.AUDIO,
    2: TrackMode.MODE1,
    3: TrackMode.MODE2,
    4: TrackMode.MODE2_FORM1,
    5: TrackMode.MODE2_FORM2,
    7: TrackMode.MODE2,
}
MEDIA = {0: "CD", 1: "CD", 2: "CD", 0x10: "DVD", 0x12: "DVD"}


class _Reader:
    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.data = data

    def unpack(self, fmt: str, offset: int, what: str) -> tuple[int, ...]:
        size = struct.calcsize(fmt)
        if offset < 0 or offset + size > len(self.data):
            raise ImageError(
                f"“{self.path.name}” is damaged: its {what} lies outside the file.",
                f"offset {offset}, file size {len(self.data)}",
            )
        return struct.unpack_from(fmt, self.data, offset)

    def name_at(self, offset: int, wide: bool) -> str:
        if not 0 <= offset < len(self.data):
            raise ImageError(f"“{self.path.name}” is damaged: bad file name offset.", str(offset))
        raw = self.data[offset : offset + 1024]
        if wide:
            end = next(
                (i for i in range(0, len(raw) - 1, 2) if raw[i : i + 2] == b"\0\0"), len(raw)
            )
            return raw[:end].decode("utf-16-le", "replace")
        return raw.split(b"\0")[0].decode("latin-1")


def _data_file(path: Path, name: str) -> Path:
    base = Path(name.replace("\\", "/")).name
    if name.startswith("*."):
        base = path.stem + name[1:]
    if not base or "\0" in base or "/" in base or base in (".", ".."):
        raise ImageError(f"“{path.name}” names no usable data file.", repr(name))
    candidate = path.parent / base
    if not candidate.is_file() and name.startswith("*."):
        candidate = path.parent / (path.stem + name[1:].upper())
    if not candidate.is_file():
        raise ImageError(
            f"The data file of “{path.name}” is missing: “{candidate.name}”.", str(candidate)
        )
    return candidate


def _track(reader: _Reader, at: int, session: int, medium: str) -> Track | None:
    """The track of the 80-byte block at ``at``, or ``None`` for a lead-in (A0-A2) block."""
    path = reader.path
    mode_byte, sub_byte, adr_ctl, _tno, point = reader.unpack("<BBBBB", at, "track block")
    if not 1 <= point <= 99:
        return None
    extra_at, sector_size = reader.unpack("<IH", at + 12, "track block")
    start_lba, data_at, files, footer_at = reader.unpack("<iQII", at + 36, "track block")
    where = f"{path.name}, track {point}"
    mode = MODES.get(mode_byte & 0x07)
    if mode is None:
        raise ImageError(
            "The MDS descriptor has an unknown track mode.", f"{where}: 0x{mode_byte:02X}"
        )
    if sub_byte not in (0, 0x08):
        raise ImageError("The MDS descriptor has an unknown sub-channel mode.", where)
    sub = Subchannel.PW_RAW if sub_byte == 0x08 else Subchannel.NONE
    if medium == "CD":
        pregap, length = reader.unpack("<II", extra_at, "extra block")
    else:
        pregap, length = 0, extra_at  # DVD images keep the length in that field
    if files != 1:
        raise ImageError(
            "The MDS descriptor splits a track over several files (not supported).",
            f"{where}: {files} files",
        )
    name_at, wide = reader.unpack("<II", footer_at, "footer")
    return Track(
        number=point,
        mode=mode,
        start=start_lba,
        length=length,
        store=TrackStore(
            _data_file(path, reader.name_at(name_at, bool(wide))),
            data_at,
            sector_size - sub.size,
            sub,
        ),
        session=session,
        pregap=pregap,
        pregap_stored=False,
        control=adr_ctl & 0x0F,
    )


def _load(path: Path) -> _Reader:
    try:
        if os.stat(path).st_size > MAX_MDS:
            raise ImageError(f"“{path.name}” is too large to be an MDS descriptor.", "")
        data = path.read_bytes()
    except OSError as exc:
        raise ImageError(f"Could not read “{path.name}”.", str(exc)) from exc
    if not data.startswith(SIGNATURE):
        raise ImageError(f"“{path.name}” is not an Alcohol MDS descriptor.", "no signature")
    if data[16:17] and data[16] >= 2:
        raise ImageError(
            f"“{path.name}” is an MDS version {data[16]} (Daemon Tools MDX) descriptor.",
            "encrypted/compressed descriptors are not supported",
        )
    return _Reader(path, data)


def read_mds(path: Path) -> Disc:
    if path.suffix.lower() == ".mdf":
        path = path.with_suffix(".mds")
    reader = _load(path)
    medium_code, sessions_count = reader.unpack("<HH", 18, "header")
    sessions_at, dpm_at = reader.unpack("<II", 80, "header")
    medium = MEDIA.get(medium_code, "CD")
    if not 1 <= sessions_count <= 99:
        raise ImageError(f"“{path.name}” gives an impossible session count.", str(sessions_count))
    notes = []
    if dpm_at:
        notes.append("DPM (data position measurement) data for copy protection is not kept")
    if reader.unpack("<H", 26, "header")[0]:
        notes.append("the DVD's BCA (burst cutting area) is not kept")
    tracks: list[Track] = []
    for s in range(sessions_count):
        fields = reader.unpack("<iiHBBHHII", sessions_at + 24 * s, "session block")
        number, all_blocks, blocks_at = fields[2], fields[3], fields[8]
        for b in range(all_blocks):
            track = _track(reader, blocks_at + 80 * b, number or s + 1, medium)
            if track is not None:
                tracks.append(track)
    sessions = tuple(
        Session(n, tuple(t for t in tracks if t.session == n))
        for n in dict.fromkeys(t.session for t in tracks)
    )
    return check_layout(Disc("MDS/MDF", path, sessions, medium=medium, notes=tuple(notes)))
