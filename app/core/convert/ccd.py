"""Reading CloneCD images: the .ccd control file (INI text), the .img of raw 2352-byte
sectors and the optional .sub of 96-byte de-interleaved P-W sub-channel per sector.

The control file (as libmirage's image-ccd reads it): ``[Disc]`` (``TocEntries``,
``Sessions``, ``CATALOG``), ``[Entry N]`` sections holding the raw TOC (MMC-6 §6.26.3.4 format
0010b: ``Session``, ``Point``, ``ADR``, ``Control``, ``PLBA``; POINT 0xA2 is the lead-out of
its session), and ``[TRACK N]`` sections (``MODE``, ``INDEX 0``/``INDEX 1``... as LBAs).  The
.img holds every sector from LBA 0 on; a track runs to the next track's first index or to
its session's lead-out.  Like libmirage, Spindle takes a data track's mode from the sectors
themselves (the mode byte of the header, ECMA-130 §14.2), because some images name the wrong
one.  Images of several sessions are read as if the .img skipped the lead-out/lead-in areas
between sessions (not checked against a real multi-session CloneCD image).
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

from app.core.convert.disc import (
    Disc,
    Session,
    Subchannel,
    Track,
    TrackMode,
    TrackStore,
    check_layout,
    parse_int,
)
from app.core.errors import ImageError
from app.core.units import SYNC

MAX_CCD = 4 * 1024 * 1024
RAW = 2352


def _sections(path: Path) -> configparser.ConfigParser:
    try:
        if os.stat(path).st_size > MAX_CCD:
            raise ImageError(f"“{path.name}” is too large to be a CloneCD control file.", "")
        text = path.read_bytes().decode("latin-1")
    except OSError as exc:
        raise ImageError(f"Could not read “{path.name}”.", str(exc)) from exc
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str.lower  # type: ignore[assignment, method-assign]
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        raise ImageError(f"“{path.name}” is not a CloneCD control file.", str(exc)) from exc
    if not parser.has_section("CloneCD") and not parser.has_section("Disc"):
        raise ImageError(f"“{path.name}” is not a CloneCD control file.", "no [CloneCD]/[Disc]")
    return parser


def _mode_of(img: Path, offset: int, control: int) -> TrackMode:
    if not control & 0x04:
        return TrackMode.AUDIO
    try:
        with open(img, "rb") as handle:
            handle.seek(offset)
            head = handle.read(24)
    except OSError as exc:
        raise ImageError(f"Could not read “{img.name}”.", str(exc)) from exc
    if len(head) < 16 or head[:12] != SYNC:
        return TrackMode.MODE1
    return TrackMode.MODE2 if head[15] == 2 else TrackMode.MODE1


def _entries(parser: configparser.ConfigParser, where: str) -> list[dict[str, int]]:
    """The raw TOC entries (``[Entry N]``): session, POINT, CONTROL, PLBA."""
    entries = []
    for section in parser.sections():
        if section.lower().startswith("entry "):
            values = parser[section]
            entries.append(
                {
                    key: parse_int(values.get(key, "0"), key, f"{where} [{section}]")
                    for key in ("session", "point", "control", "plba")
                }
            )
    return entries


def _track_indexes(parser: configparser.ConfigParser, where: str) -> dict[int, dict[int, int]]:
    """``[TRACK N]`` sections: track number -> index number -> LBA."""
    found: dict[int, dict[int, int]] = {}
    for section in parser.sections():
        if not section.lower().startswith("track "):
            continue
        number = parse_int(section.split()[1], "track number", where)
        found[number] = {
            parse_int(key.split()[1], "index", where): parse_int(value, key, f"{where} [{section}]")
            for key, value in parser[section].items()
            if key.startswith("index ")
        }
    return found


def _end(
    path: Path,
    *,
    numbers: list[int],
    i: int,
    toc: dict[int, dict[str, int]],
    indexes: dict[int, dict[int, int]],
    lead_outs: dict[int, int],
) -> int:
    """Where track ``numbers[i]`` ends: the next track's first index, or its lead-out."""
    entry = toc[numbers[i]]
    if i + 1 < len(numbers) and toc[numbers[i + 1]]["session"] == entry["session"]:
        following = toc[numbers[i + 1]]["plba"]
        return min(indexes.get(numbers[i + 1], {}).get(0, following), following)
    session = entry["session"] or 1
    if session not in lead_outs:
        raise ImageError(
            f"“{path.name}” has no lead-out entry for session {session}.", "no Point=0xa2"
        )
    return lead_outs[session]


def read_ccd(path: Path) -> Disc:
    parser = _sections(path)
    img = path.with_suffix(".img")
    if not img.is_file():
        raise ImageError(f"The data file of “{path.name}” is missing: “{img.name}”.", str(img))
    sub = path.with_suffix(".sub")
    entries = _entries(parser, path.name)
    track_indexes = _track_indexes(parser, path.name)
    toc = {e["point"]: e for e in entries if 1 <= e["point"] <= 99}
    lead_outs = {e["session"] or 1: e["plba"] for e in entries if e["point"] == 0xA2}
    if not toc:
        raise ImageError(f"“{path.name}” lists no tracks in its TOC entries.", "no [Entry] points")
    numbers = sorted(toc)
    tracks: list[Track] = []
    skipped = 0  # sectors between sessions that the .img does not hold
    for i, number in enumerate(numbers):
        entry = toc[number]
        session = entry["session"] or 1
        indexes = track_indexes.get(number, {})
        start = indexes.get(1, entry["plba"])
        first = min(indexes.get(0, start), start)
        end = _end(path, numbers=numbers, i=i, toc=toc, indexes=track_indexes, lead_outs=lead_outs)
        if tracks and tracks[-1].session != session:
            skipped += first - tracks[-1].end
        if first - skipped < 0:
            raise ImageError("The CloneCD control file gives a negative track address.", path.name)
        has_sub = sub.is_file()
        tracks.append(
            Track(
                number=number,
                mode=_mode_of(img, (start - skipped) * RAW, entry["control"]),
                start=start,
                length=end - start,
                store=TrackStore(
                    img,
                    (first - skipped) * RAW,
                    RAW,
                    Subchannel.PW_LINEAR if has_sub else Subchannel.NONE,
                    sub_path=sub if has_sub else None,
                    sub_offset=(first - skipped) * 96,
                ),
                session=session,
                pregap=start - first,
                pregap_stored=start > first,
                indexes=tuple(v for k, v in sorted(indexes.items()) if k > 1),
                control=entry["control"],
            )
        )
    catalog = (
        parser.get("Disc", "catalog", fallback="").strip() if parser.has_section("Disc") else ""
    )
    sessions = tuple(
        Session(n, tuple(t for t in tracks if t.session == n))
        for n in dict.fromkeys(t.session for t in tracks)
    )
    notes = []
    if parser.has_section("CDText") and parser.get("CDText", "entries", fallback="0") != "0":
        notes.append("CD-TEXT entries of the control file are not read")
    return check_layout(Disc("CCD/IMG", path, sessions, catalog=catalog, notes=tuple(notes)))
