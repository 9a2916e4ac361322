"""Reading Nero images (.nrg): the sectors first, the descriptor as a chain of chunks at the end.

Layout (reverse-engineered; as libmirage's image-nrg parser reads it):

- the footer: ``"NER5"`` and a 64-bit big-endian offset of the first chunk in the last 12
  bytes (version 2), or ``"NERO"`` and a 32-bit offset in the last 8 (version 1);
- chunks: a 4-character ID and a 32-bit big-endian length, then the payload.  Per session:
  ``CUEX`` (v2) / ``CUES`` (v1), cue points of 8 bytes (ADR/CONTROL, BCD track, BCD index,
  a spare byte, the start as a big-endian LBA in v2 or ``00 MM SS FF`` in v1), and ``DAOX`` /
  ``DAOI``: a 22-byte header (the catalogue number at 4-16, first and last track at 20, 21)
  and one entry per track of 42 / 30 bytes: ISRC (12), sector size (16-bit BE), mode code,
  3 spare bytes, then the file offsets of the pregap, the track start and the track end (three
  64-bit BE numbers in v2, 32-bit in v1).  Tracks written track-at-once instead have ``ETN2``
  (32 bytes: offset, size as 64-bit BE, mode at 19, start LBA at 20) or ``ETNF`` (20 bytes:
  offset, size, mode at 11, start at 12).  ``SINF`` counts the tracks of a session, ``CDTX``
  holds CD-TEXT packs, ``MTYP`` the medium, ``END!`` ends the chain.
- mode codes: 0x00 Mode 1/2048, 0x02 Mode 2 Form 1/2048, 0x03 Mode 2/2336, 0x05 Mode 1/2352,
  0x06 Mode 2/2352, 0x07 audio/2352; 0x0F, 0x10, 0x11 the raw ones with 96 bytes of raw P-W
  sub-channel after each sector.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

from app.core.convert.cdtext import decode_packs
from app.core.convert.disc import (
    CdText,
    Disc,
    Session,
    Subchannel,
    Track,
    TrackMode,
    TrackStore,
    check_layout,
)
from app.core.errors import ImageError

MODE_CODES: dict[int, tuple[TrackMode, int, Subchannel]] = {
    0x00: (TrackMode.MODE1, 2048, Subchannel.NONE),
    0x02: (TrackMode.MODE2_FORM1, 2048, Subchannel.NONE),
    0x03: (TrackMode.MODE2, 2336, Subchannel.NONE),
    0x05: (TrackMode.MODE1, 2352, Subchannel.NONE),
    0x06: (TrackMode.MODE2, 2352, Subchannel.NONE),
    0x07: (TrackMode.AUDIO, 2352, Subchannel.NONE),
    0x0F: (TrackMode.MODE1, 2352, Subchannel.PW_RAW),
    0x10: (TrackMode.AUDIO, 2352, Subchannel.PW_RAW),
    0x11: (TrackMode.MODE2, 2352, Subchannel.PW_RAW),
}
MAX_DESCRIPTOR = 16 * 1024 * 1024
LEAD_OUT = 0xAA


@dataclass(frozen=True, slots=True)
class Chunk:
    name: str
    payload: bytes


def _bcd(value: int) -> int:
    return (value >> 4) * 10 + (value & 0x0F)


def read_chunks(path: Path) -> tuple[int, list[Chunk]]:
    """The NRG version (1 or 2) and its chunks, in file order."""
    try:
        size = os.stat(path).st_size
        with open(path, "rb") as handle:
            if size < 12:
                raise ImageError(f"“{path.name}” is too short to be a Nero image.", f"{size} B")
            handle.seek(size - 12)
            tail = handle.read(12)
            if tail[:4] == b"NER5":
                version, first = 2, struct.unpack(">Q", tail[4:])[0]
            elif tail[4:8] == b"NERO":
                version, first = 1, struct.unpack(">I", tail[8:])[0]
            else:
                raise ImageError(
                    f"“{path.name}” is not a Nero image (no NER5/NERO footer).",
                    f"last bytes {tail.hex()}",
                )
            if not 0 <= first < size or size - first > MAX_DESCRIPTOR:
                raise ImageError(
                    f"“{path.name}” is damaged: its footer points outside the file.",
                    f"first chunk at {first}, file size {size}",
                )
            handle.seek(first)
            blob = handle.read(size - first)
    except OSError as exc:
        raise ImageError(f"Could not read “{path.name}”.", str(exc)) from exc
    chunks: list[Chunk] = []
    position = 0
    while position + 8 <= len(blob):
        name = blob[position : position + 4].decode("latin-1")
        length = struct.unpack(">I", blob[position + 4 : position + 8])[0]
        payload = blob[position + 8 : position + 8 + length]
        if len(payload) != length:
            raise ImageError(
                f"“{path.name}” is damaged: chunk {name!r} runs past the end of the file.",
                f"chunk at {first + position}, length {length}",
            )
        if name == "END!":
            break
        chunks.append(Chunk(name, payload))
        position += 8 + length
    if not chunks:
        raise ImageError(f"“{path.name}” has no Nero descriptor chunks.", "empty chunk chain")
    return version, chunks


def _mode(code: int, where: str) -> tuple[TrackMode, int, Subchannel]:
    try:
        return MODE_CODES[code]
    except KeyError:
        raise ImageError(
            "The Nero image uses an unknown track mode.", f"{where}: 0x{code:02X}"
        ) from None


def _cue_points(payload: bytes, version: int) -> list[tuple[int, int, int, int]]:
    """(control, track, index, LBA) per cue point."""
    points = []
    for start in range(0, len(payload) - 7, 8):
        entry = payload[start : start + 8]
        control, track, index = entry[0] >> 4, entry[1], _bcd(entry[2])
        if version == 2:
            lba = struct.unpack(">i", entry[4:8])[0]
        else:
            lba = (entry[5] * 60 + entry[6]) * 75 + entry[7] - 150
        points.append((control, track, index, lba))
    return points


def _dao_tracks(
    path: Path, payload: bytes, cues: bytes, version: int, session: int
) -> tuple[list[Track], str]:
    entry_size = 42 if version == 2 else 30
    if len(payload) < 22:
        raise ImageError(f"“{path.name}” has a damaged DAO chunk.", f"{len(payload)} bytes")
    catalog = payload[4:17].split(b"\x00")[0].decode("latin-1").strip()
    points = _cue_points(cues, version)
    starts = {(t, i): (lba, c) for c, t, i, lba in points if t != LEAD_OUT}
    tracks: list[Track] = []
    for start in range(22, len(payload) - entry_size + 1, entry_size):
        entry = payload[start : start + entry_size]
        isrc = entry[:12].split(b"\x00")[0].decode("latin-1").strip()
        sector_size = struct.unpack(">H", entry[12:14])[0]
        code = entry[14]
        if version == 2:
            pregap_at, start_at, end_at = struct.unpack(">QQQ", entry[18:42])
        else:
            pregap_at, start_at, end_at = struct.unpack(">III", entry[18:30])
        where = f"{path.name}, DAO entry {len(tracks) + 1}"
        mode, main, sub = _mode(code, where)
        if sector_size != main + sub.size:
            raise ImageError(
                "The Nero image gives a track a sector size that does not fit its mode.",
                f"{where}: {sector_size} bytes for mode 0x{code:02X}",
            )
        if not pregap_at <= start_at <= end_at:
            raise ImageError("The Nero image has track offsets out of order.", where)
        if (start_at - pregap_at) % sector_size or (end_at - start_at) % sector_size:
            raise ImageError(
                "The Nero image has a track that is not a whole number of sectors.", where
            )
        track_numbers = sorted({t for (t, i) in starts if i == 1})
        index = len(tracks)
        if index >= len(track_numbers):
            raise ImageError("The Nero image has more tracks than cue points.", where)
        number = _bcd(track_numbers[index])
        lba, control = starts[(track_numbers[index], 1)]
        pregap = (start_at - pregap_at) // sector_size
        extra = tuple(
            lba2
            for (t, i), (lba2, _c) in sorted(starts.items())
            if t == track_numbers[index] and i > 1
        )
        tracks.append(
            Track(
                number=number,
                mode=mode,
                start=lba,
                length=(end_at - start_at) // sector_size,
                store=TrackStore(path, pregap_at, main, sub),
                session=session,
                pregap=pregap,
                pregap_stored=pregap > 0,
                indexes=extra,
                control=control | (0 if mode.is_audio else 0x04),
                isrc=isrc,
            )
        )
    return tracks, catalog


def _tao_tracks(path: Path, payload: bytes, version: int, session: int, first: int) -> list[Track]:
    entry_size = 32 if version == 2 else 20
    tracks: list[Track] = []
    for start in range(0, len(payload) - entry_size + 1, entry_size):
        entry = payload[start : start + entry_size]
        if version == 2:
            offset, size = struct.unpack(">QQ", entry[:16])
            code, lba = entry[19], struct.unpack(">I", entry[20:24])[0]
        else:
            offset, size = struct.unpack(">II", entry[:8])
            code, lba = entry[11], struct.unpack(">I", entry[12:16])[0]
        where = f"{path.name}, TAO entry {len(tracks) + 1}"
        mode, main, sub = _mode(code, where)
        stride = main + sub.size
        if size % stride:
            raise ImageError("The Nero image has a track that is not whole sectors.", where)
        tracks.append(
            Track(
                number=first + len(tracks),
                mode=mode,
                start=lba,
                length=size // stride,
                store=TrackStore(path, offset, main, sub),
                session=session,
                control=0 if mode.is_audio else 0x04,
            )
        )
    return tracks


def read_nrg(path: Path) -> Disc:
    version, chunks = read_chunks(path)
    names = ("CUEX", "DAOX", "ETN2") if version == 2 else ("CUES", "DAOI", "ETNF")
    cue_name, dao_name, tao_name = names
    cues = [c.payload for c in chunks if c.name == cue_name]
    daos = [c.payload for c in chunks if c.name == dao_name]
    taos = [c.payload for c in chunks if c.name == tao_name]
    notes: list[str] = []
    tracks: list[Track] = []
    catalog = ""
    if daos:
        if len(cues) < len(daos):
            raise ImageError(f"“{path.name}” has DAO chunks without cue points.", "")
        for session, (dao, cue) in enumerate(zip(daos, cues, strict=False), 1):
            found, mcn = _dao_tracks(path, dao, cue, version, session)
            tracks.extend(found)
            catalog = catalog or mcn
    elif taos:
        for session, tao in enumerate(taos, 1):
            tracks.extend(_tao_tracks(path, tao, version, session, len(tracks) + 1))
    else:
        raise ImageError(f"“{path.name}” has neither DAO nor TAO track chunks.", "")
    medium = "CD"
    for chunk in chunks:
        if chunk.name == "MTYP" and len(chunk.payload) >= 4:
            kind = struct.unpack(">I", chunk.payload[:4])[0]
            if kind and not kind & 0x401:  # NeroAPI MEDIA_CD | MEDIA_CDROM
                medium = "DVD/BD"
    texts: dict[int, CdText] = {}
    for chunk in chunks:
        if chunk.name == "CDTX":
            texts = decode_packs(chunk.payload)
    if texts:
        tracks = [t if t.number not in texts else _with_text(t, texts[t.number]) for t in tracks]
    sessions = tuple(
        Session(n, tuple(t for t in tracks if t.session == n))
        for n in dict.fromkeys(t.session for t in tracks)
    )
    return check_layout(
        Disc(
            "NRG",
            path,
            sessions,
            catalog=catalog,
            cdtext=texts.get(0, CdText()),
            medium=medium,
            notes=tuple(notes),
        )
    )


def _with_text(track: Track, text: CdText) -> Track:
    from dataclasses import replace

    return replace(track, cdtext=text)
