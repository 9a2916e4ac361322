"""Reading CUE sheets (CDRWIN format) with their BIN, WAVE or MOTOROLA data files.

A CUE sheet names one or more data files (``FILE "x.bin" BINARY``) and, for the tracks inside
each, the mode (``TRACK 02 AUDIO``, ``MODE1/2048``, ``MODE1/2352``, ``MODE2/2336``,
``MODE2/2352``, ...) and the index points as ``MM:SS:FF`` sector counts from the start of that
file (75 sectors per second).  ``INDEX 00`` starts a pregap stored in the file, ``PREGAP``
adds one that is not stored; ``FLAGS`` are the TOC CONTROL bits (MMC-6 Table 523); ``TITLE``,
``PERFORMER`` and ``SONGWRITER`` before the first ``TRACK`` are the disc's CD-TEXT, after it the
track's.  ``REM SESSION n`` (the form Redump and CDRWIN write) starts a new session.

Each track's sectors run from its first index to the next track's first index in the same
file, or to the end of the file; sizes differ per mode, so byte offsets are summed track by
track.  A new session adds the lead-out, lead-in and pregap between sessions to the absolute
addresses (MMC-6 §4.2.3.11: 6750 + 4500 + 150 sectors after the first session, 2250 + 4500 +
150 after later ones).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

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

MAX_CUE_BYTES = 4 * 1024 * 1024
"""A CUE sheet is text of a few KiB; anything far larger is not one."""

MODES: dict[str, tuple[TrackMode, int, Subchannel]] = {
    "AUDIO": (TrackMode.AUDIO, 2352, Subchannel.NONE),
    "CDG": (TrackMode.AUDIO, 2352, Subchannel.PW_RAW),
    "MODE1/2048": (TrackMode.MODE1, 2048, Subchannel.NONE),
    "MODE1/2352": (TrackMode.MODE1, 2352, Subchannel.NONE),
    "MODE2/2048": (TrackMode.MODE2_FORM1, 2048, Subchannel.NONE),
    "MODE2/2324": (TrackMode.MODE2_FORM2, 2324, Subchannel.NONE),
    "MODE2/2336": (TrackMode.MODE2, 2336, Subchannel.NONE),
    "MODE2/2352": (TrackMode.MODE2, 2352, Subchannel.NONE),
    "CDI/2336": (TrackMode.MODE2, 2336, Subchannel.NONE),
    "CDI/2352": (TrackMode.MODE2, 2352, Subchannel.NONE),
}
FLAG_BITS = {"PRE": 0x01, "DCP": 0x02, "4CH": 0x08, "SCMS": 0}
SESSION_GAP_FIRST = 6750 + 4500 + 150
SESSION_GAP_LATER = 2250 + 4500 + 150
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_MSF = re.compile(r"^(\d{1,3}):(\d{1,2}):(\d{1,2})$")


@dataclass
class _CueTrack:
    number: int
    mode: TrackMode
    size: int
    subchannel: Subchannel
    file: _CueFile
    line: int
    session: int
    indexes: dict[int, int] = field(default_factory=dict)
    pregap: int = 0
    control: int = 0
    isrc: str = ""
    title: str = ""
    performer: str = ""
    songwriter: str = ""


@dataclass
class _CueFile:
    path: Path
    data_offset: int
    data_size: int
    byte_swapped: bool
    tracks: list[_CueTrack] = field(default_factory=list)


def _frames(text: str, where: str) -> int:
    match = _MSF.match(text)
    if not match:
        raise ImageError("The CUE sheet has an unreadable time.", f"{where}: {text!r}")
    minutes, seconds, frames = (int(g) for g in match.groups())
    if seconds >= 60 or frames >= 75:
        raise ImageError("The CUE sheet has an impossible time.", f"{where}: {text!r}")
    return (minutes * 60 + seconds) * 75 + frames


def wave_data(path: Path) -> tuple[int, int]:
    """Offset and size of the PCM samples in a RIFF WAVE file: 16-bit stereo at 44.1 kHz
    (the CD-DA format, IEC 60908) is the only one a CUE sheet can use as it is."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                raise ImageError(f"“{path.name}” is not a WAVE file.", "no RIFF/WAVE header")
            fmt_ok = False
            while True:
                chunk = handle.read(8)
                if len(chunk) < 8:
                    raise ImageError(f"“{path.name}” has no audio data.", "no data chunk")
                name, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
                if name == b"fmt ":
                    fmt = handle.read(size + (size & 1))
                    if len(fmt) < 16:
                        raise ImageError(f"“{path.name}” is damaged.", "short fmt chunk")
                    tag, channels, rate = struct.unpack("<HHI", fmt[:8])
                    bits = struct.unpack("<H", fmt[14:16])[0]
                    if (tag, channels, rate, bits) != (1, 2, 44100, 16):
                        raise ImageError(
                            f"“{path.name}” is not CD audio (16-bit stereo PCM at 44.1 kHz).",
                            f"format {tag}, {channels} channels, {rate} Hz, {bits} bits",
                        )
                    fmt_ok = True
                elif name == b"data":
                    if not fmt_ok:
                        raise ImageError(f"“{path.name}” is damaged.", "data before fmt chunk")
                    return handle.tell(), size
                else:
                    handle.seek(size + (size & 1), 1)
    except OSError as exc:
        raise ImageError(f"Could not read “{path.name}”.", str(exc)) from exc


def _open_file(base: Path, name: str, kind: str, where: str) -> _CueFile:
    path = (base / name) if not Path(name).is_absolute() else Path(name)
    if not path.is_file():
        # the file next to the sheet under its own name (sheets moved with their images)
        alternative = base / Path(name.replace("\\", "/")).name
        if alternative.is_file():
            path = alternative
        else:
            raise ImageError(
                f"The CUE sheet names a file that is not there: “{name}”.", f"{where}: {path}"
            )
    kind = kind.upper()
    if kind in ("BINARY", "MOTOROLA"):
        size = path.stat().st_size
        return _CueFile(path, 0, size, byte_swapped=kind == "MOTOROLA")
    if kind == "WAVE":
        offset, size = wave_data(path)
        return _CueFile(path, offset, size, byte_swapped=False)
    raise ImageError(
        f"Spindle cannot read {kind} files named in a CUE sheet.",
        f"{where}: only BINARY, MOTOROLA and WAVE (PCM) are supported",
    )


class _Sheet:
    """The state of one pass over a sheet's lines; one method per command."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.files: list[_CueFile] = []
        self.tracks: list[_CueTrack] = []
        self.disc_text: dict[str, str] = {}
        self.catalog = ""
        self.notes: list[str] = []
        self.session = 1
        self.line = 0
        self.where = ""

    def current(self, command: str) -> _CueTrack:
        if not self.tracks:
            raise ImageError(f"The CUE sheet has {command} outside a track.", self.where)
        return self.tracks[-1]

    def feed(self, number: int, line: str) -> None:
        tokens = [q if q else w for q, w in _TOKEN.findall(line)]
        if not tokens:
            return
        self.line, self.where = number, f"{self.path.name} line {number}"
        command, args = tokens[0].upper(), tokens[1:]
        handler = getattr(self, f"on_{command.lower()}", None)
        if handler is not None:
            handler(args)

    def on_rem(self, args: list[str]) -> None:
        if len(args) >= 2 and args[0].upper() == "SESSION":
            self.session = _number(args[1], "session number", self.where)
            if not 1 <= self.session <= 99:
                raise ImageError("The CUE sheet has an impossible session number.", self.where)

    def on_file(self, args: list[str]) -> None:
        if len(args) < 2:
            raise ImageError("The CUE sheet has a FILE line without a type.", self.where)
        self.files.append(_open_file(self.path.parent, args[0], args[1], self.where))

    def on_track(self, args: list[str]) -> None:
        if not self.files:
            raise ImageError("The CUE sheet has a TRACK before any FILE.", self.where)
        if len(args) < 2 or args[1].upper() not in MODES:
            raise ImageError(
                "The CUE sheet has a track mode Spindle does not know.",
                f"{self.where}: {' '.join(args)!r}",
            )
        mode, size, sub = MODES[args[1].upper()]
        number = _number(args[0], "track number", self.where)
        track = _CueTrack(number, mode, size, sub, self.files[-1], self.line, self.session)
        if not mode.is_audio:
            track.control |= 0x04
        if self.tracks and track.number <= self.tracks[-1].number:
            raise ImageError("The CUE sheet's track numbers do not increase.", self.where)
        self.files[-1].tracks.append(track)
        self.tracks.append(track)

    def on_index(self, args: list[str]) -> None:
        current = self.current("an INDEX")
        if len(args) < 2:
            raise ImageError("The CUE sheet has an incomplete INDEX line.", self.where)
        index = _number(args[0], "index number", self.where)
        if not 0 <= index <= 99 or index in current.indexes:
            raise ImageError("The CUE sheet has a bad or repeated index number.", self.where)
        if current.file is not self.files[-1]:
            raise ImageError(
                "The CUE sheet continues a track in a second file (not supported).", self.where
            )
        current.indexes[index] = _frames(args[1], self.where)

    def on_pregap(self, args: list[str]) -> None:
        current = self.current("a PREGAP")
        current.pregap = _frames(args[0] if args else "", self.where)

    def on_postgap(self, args: list[str]) -> None:
        current = self.current("a POSTGAP")
        frames = _frames(args[0] if args else "", self.where)
        self.notes.append(f"track {current.number}: POSTGAP of {frames} sectors not kept")

    def on_flags(self, args: list[str]) -> None:
        current = self.current("FLAGS")
        for flag in args:
            current.control |= FLAG_BITS.get(flag.upper(), 0)

    def on_isrc(self, args: list[str]) -> None:
        if args:
            self.current("an ISRC").isrc = args[0]

    def on_catalog(self, args: list[str]) -> None:
        if args:
            self.catalog = args[0]

    def _text(self, field_name: str, args: list[str]) -> None:
        if not args:
            return
        if self.tracks:
            setattr(self.tracks[-1], field_name, args[0])
        else:
            self.disc_text[field_name] = args[0]

    def on_title(self, args: list[str]) -> None:
        self._text("title", args)

    def on_performer(self, args: list[str]) -> None:
        self._text("performer", args)

    def on_songwriter(self, args: list[str]) -> None:
        self._text("songwriter", args)

    def on_cdtextfile(self, args: list[str]) -> None:
        self.notes.append("the CD-TEXT file named by the sheet was not read")


def read_cue(path: Path) -> Disc:
    """The disc a CUE sheet describes (its data files must be next to it or named in it)."""
    try:
        raw = path.read_bytes()[: MAX_CUE_BYTES + 1]
    except OSError as exc:
        raise ImageError(f"Could not read “{path.name}”.", str(exc)) from exc
    if len(raw) > MAX_CUE_BYTES:
        raise ImageError(f"“{path.name}” is too large to be a CUE sheet.", f"> {MAX_CUE_BYTES}")
    text = raw.decode("utf-8-sig", errors="replace") if raw else ""
    if "\x00" in text:
        raise ImageError(f"“{path.name}” is not a CUE sheet (it is binary).", "NUL bytes")
    sheet = _Sheet(path)
    for number, line in enumerate(text.splitlines(), 1):
        sheet.feed(number, line)
    if not sheet.tracks:
        raise ImageError(f"“{path.name}” has no tracks.", "no TRACK lines")
    return check_layout(_build(sheet))


def _number(text: str, what: str, where: str) -> int:
    if not text.isdigit() or len(text) > 4:
        raise ImageError(f"The CUE sheet has an unreadable {what}.", f"{where}: {text!r}")
    return int(text)


def _check_track(track: _CueTrack, where: str) -> list[tuple[int, int]]:
    """The track's index points in order, after the checks that need no file."""
    if 1 not in track.indexes:
        raise ImageError(f"Track {track.number} of the CUE sheet has no INDEX 01.", where)
    if track.pregap and 0 in track.indexes:
        raise ImageError(
            "The CUE sheet gives a track both PREGAP and INDEX 00 (not supported).", where
        )
    points = sorted(track.indexes.items())
    if [frame for _, frame in points] != sorted(f for _, f in points):
        raise ImageError("The CUE sheet's index points are out of order.", where)
    return points


class _Layout:
    """Absolute addresses and file offsets of the sheet's tracks, file by file."""

    def __init__(self, sheet: _Sheet) -> None:
        self.sheet = sheet
        self.base_lba = 0
        self.session = sheet.tracks[0].session
        self.built: list[Track] = []

    def add_file(self, cue_file: _CueFile) -> None:
        byte_cursor = cue_file.data_offset
        frame_cursor = 0
        for i, track in enumerate(cue_file.tracks):
            where = f"{self.sheet.path.name} line {track.line}"
            points = _check_track(track, where)
            if track.session != self.session:
                self.base_lba += SESSION_GAP_FIRST if self.session == 1 else SESSION_GAP_LATER
                self.session = track.session
            first_frame = points[0][1]
            if first_frame < frame_cursor:
                raise ImageError("The CUE sheet's tracks overlap.", where)
            # sectors between the previous track's end and this one belong to the previous
            previous = cue_file.tracks[i - 1] if i else track
            byte_cursor += (first_frame - frame_cursor) * (previous.size + _inline(previous))
            if not i and first_frame:
                self.sheet.notes.append(
                    f"the first {first_frame} sectors of “{cue_file.path.name}” belong to no "
                    "track (not kept)"
                )
            frame_cursor = first_frame
            end_frame = self._end_frame(cue_file, i, byte_cursor, where)
            self.built.append(
                self._track(
                    track,
                    cue_file,
                    points=points,
                    end_frame=end_frame,
                    byte_cursor=byte_cursor,
                    where=where,
                )
            )
        if cue_file.tracks:
            self.base_lba = self.built[-1].end
        elif cue_file.data_size:
            self.sheet.notes.append(f"“{cue_file.path.name}” is named but holds no track")

    def _end_frame(self, cue_file: _CueFile, i: int, byte_cursor: int, where: str) -> int:
        track = cue_file.tracks[i]
        first_frame = min(track.indexes.values())
        if i + 1 < len(cue_file.tracks):
            following = cue_file.tracks[i + 1].indexes
            if not following:
                raise ImageError("A track of the CUE sheet has no index.", where)
            return min(following.values())
        stride = track.size + _inline(track)
        available = max(0, cue_file.data_offset + cue_file.data_size - byte_cursor)
        if available % stride:
            self.sheet.notes.append(
                f"“{cue_file.path.name}” ends with {available % stride} bytes that are not a "
                "whole sector (ignored)"
            )
        return first_frame + available // stride

    def _track(
        self,
        track: _CueTrack,
        cue_file: _CueFile,
        *,
        points: list[tuple[int, int]],
        end_frame: int,
        byte_cursor: int,
        where: str,
    ) -> Track:
        index1 = track.indexes[1]
        stored_pregap = index1 - points[0][1]
        if end_frame <= index1:
            raise ImageError(
                f"Track {track.number} of the CUE sheet has no sectors in its file "
                "(file too short?).",
                f"{where}: {cue_file.path.name}",
            )
        self.base_lba += track.pregap
        return Track(
            number=track.number,
            mode=track.mode,
            start=self.base_lba + index1,
            length=end_frame - index1,
            store=TrackStore(
                cue_file.path,
                byte_cursor,
                track.size,
                track.subchannel,
                byte_swapped=cue_file.byte_swapped and track.mode.is_audio,
            ),
            session=track.session,
            pregap=track.pregap or stored_pregap,
            pregap_stored=not track.pregap and stored_pregap > 0,
            indexes=tuple(self.base_lba + f for n, f in points if n > 1),
            control=track.control,
            isrc=track.isrc,
            cdtext=CdText(track.title, track.performer, track.songwriter),
        )


def _build(sheet: _Sheet) -> Disc:
    layout = _Layout(sheet)
    for cue_file in sheet.files:
        layout.add_file(cue_file)
    built = layout.built
    sessions = tuple(
        Session(number, tuple(t for t in built if t.session == number))
        for number in dict.fromkeys(t.session for t in built)
    )
    text = sheet.disc_text
    return Disc(
        "CUE/BIN",
        sheet.path,
        sessions,
        catalog=sheet.catalog,
        cdtext=CdText(text.get("title", ""), text.get("performer", ""), text.get("songwriter", "")),
        notes=tuple(sheet.notes),
    )


def _inline(track: _CueTrack) -> int:
    return track.subchannel.size
