"""One model of a CD (or DVD) image for every format Spindle reads: sessions, tracks, modes,
how each track's sectors are stored, sub-channel data, CD-TEXT.

Addresses are absolute LBAs (MMC-6 §4.2.3.2: LBA 0 is MSF 00:02:00).  A track's INDEX 01 is
``start``; its pregap (INDEX 00, ``pregap`` sectors before ``start``, MMC-6 §4.2.3.7) may be
stored in the image or not (``pregap_stored``).  ``length`` counts the sectors from INDEX 01 to
the start of the next track's pregap (or the end of the session): the next track's pregap is
not part of this track.

A track's sectors are read through its :class:`TrackStore`: a file, the byte offset of the
first stored sector, and how a stored sector is laid out (main data size, sub-channel bytes
after each sector or in a separate file).  The main data sizes are those of ECMA-130 §14 and
MMC-6 Table 465: 2352 (the whole sector), 2336 (Mode 2 without sync and header), 2048 (user
data of Mode 1 or Mode 2 Form 1).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import ImageError


class TrackMode(enum.Enum):
    """The sector mode of a track (ECMA-130 §14; CD-ROM XA for the forms)."""

    AUDIO = "AUDIO"
    MODE1 = "MODE1"
    MODE2 = "MODE2"
    """Mode 2 without forms (2336 user bytes), or XA Form 1/Form 2 mixed per sector."""
    MODE2_FORM1 = "MODE2_FORM1"
    MODE2_FORM2 = "MODE2_FORM2"

    @property
    def is_audio(self) -> bool:
        return self is TrackMode.AUDIO

    @property
    def label(self) -> str:
        return {
            TrackMode.AUDIO: "audio",
            TrackMode.MODE1: "Mode 1",
            TrackMode.MODE2: "Mode 2",
            TrackMode.MODE2_FORM1: "Mode 2 Form 1",
            TrackMode.MODE2_FORM2: "Mode 2 Form 2",
        }[self]


class Subchannel(enum.Enum):
    """How sub-channel data is stored next to the main data (MMC-6 §6.17.3.3)."""

    NONE = "none"
    PW_RAW = "pw-raw"
    """96 bytes of P-W as read from the disc, interleaved (READ CD sub-channel 001b)."""
    PW_LINEAR = "pw-linear"
    """96 bytes de-interleaved: 12 bytes of P, then Q, ... W (CloneCD .sub)."""
    Q16 = "q16"
    """16 bytes of formatted Q (READ CD sub-channel 010b)."""

    @property
    def size(self) -> int:
        return {Subchannel.NONE: 0, Subchannel.Q16: 16}.get(self, 96)


STORED_SIZES = (2048, 2324, 2336, 2352)
MIN_LBA = -45_150
"""The start of a CD's lead-in area, ten minutes before LBA 0 (MMC-6 §4.2.3.2)."""
MAX_LBA = 50_000_000
"""More sectors than any disc holds (a 100 GB BD-R has 48.9 million)."""


@dataclass(frozen=True, slots=True)
class TrackStore:
    """Where and how a track's sectors are stored."""

    path: Path
    offset: int
    """Byte offset of the first stored sector (the pregap's, when it is stored)."""
    sector_size: int
    """Main-channel bytes per stored sector: 2048, 2324, 2336 or 2352."""
    subchannel: Subchannel = Subchannel.NONE
    sub_path: Path | None = None
    """Sub-channel in a file of its own (CloneCD .sub), one record per sector; else inline."""
    sub_offset: int = 0
    """Byte offset of the first sector's record in ``sub_path``."""
    byte_swapped: bool = False
    """Audio stored most significant byte first (CUE ``MOTOROLA``, some NRG images)."""

    @property
    def stride(self) -> int:
        """Bytes from one stored sector to the next in ``path``."""
        inline = self.subchannel.size if self.sub_path is None else 0
        return self.sector_size + inline


@dataclass(frozen=True, slots=True)
class CdText:
    """CD-TEXT fields (MMC-6 Annex J pack types 0x80 title, 0x81 performer, 0x82 songwriter)."""

    title: str = ""
    performer: str = ""
    songwriter: str = ""

    def __bool__(self) -> bool:
        return bool(self.title or self.performer or self.songwriter)


@dataclass(frozen=True, slots=True)
class Track:
    number: int
    mode: TrackMode
    start: int
    """INDEX 01, absolute LBA."""
    length: int
    """Sectors from INDEX 01 to the next track's pregap (or the end of the session)."""
    store: TrackStore
    session: int = 1
    pregap: int = 0
    """Sectors of INDEX 00 before ``start``."""
    pregap_stored: bool = False
    """Whether the pregap's sectors are in the image (else they read as silence/empty)."""
    indexes: tuple[int, ...] = ()
    """INDEX 02 and up, absolute LBAs."""
    control: int = 0
    """TOC CONTROL bits (MMC-6 Table 523): 0x01 pre-emphasis, 0x02 copy permitted, 0x04 data,
    0x08 four channels."""
    isrc: str = ""
    cdtext: CdText = field(default_factory=CdText)

    @property
    def is_audio(self) -> bool:
        return self.mode.is_audio

    @property
    def stored_pregap(self) -> int:
        return self.pregap if self.pregap_stored else 0

    @property
    def first_stored_lba(self) -> int:
        return self.start - self.stored_pregap

    @property
    def end(self) -> int:
        """The LBA after the track's last sector."""
        return self.start + self.length

    @property
    def size_bytes(self) -> int:
        """Stored main-channel bytes of the track proper (without its pregap)."""
        return self.length * self.store.sector_size


@dataclass(frozen=True, slots=True)
class Session:
    number: int
    tracks: tuple[Track, ...]


@dataclass(frozen=True, slots=True)
class Disc:
    """An image as read, whatever its format."""

    format: str
    """``"CUE/BIN"``, ``"NRG"``, ``"MDS/MDF"``, ``"CCD/IMG"``, ``"CDI"``, ``"CHD"``, ``"ISO"``."""
    path: Path
    sessions: tuple[Session, ...]
    catalog: str = ""
    cdtext: CdText = field(default_factory=CdText)
    medium: str = "CD"
    notes: tuple[str, ...] = ()
    """What the reader found and cannot carry into the model (DPM data, BCA, ...)."""

    @property
    def tracks(self) -> tuple[Track, ...]:
        return tuple(t for s in self.sessions for t in s.tracks)

    @property
    def has_cdtext(self) -> bool:
        return bool(self.cdtext) or any(t.cdtext for t in self.tracks)

    @property
    def has_subchannel(self) -> bool:
        return any(t.store.subchannel is not Subchannel.NONE for t in self.tracks)

    def track(self, number: int) -> Track:
        for candidate in self.tracks:
            if candidate.number == number:
                return candidate
        numbers = ", ".join(str(t.number) for t in self.tracks)
        raise ImageError(
            f"The image has no track {number}.", f"{self.path.name} has tracks {numbers}"
        )


def _check_track(track: Track, where: str) -> None:
    if not 1 <= track.number <= 99:
        raise ImageError("The image has a track number outside 1-99.", where)
    if track.length <= 0 or track.length > MAX_LBA:
        raise ImageError(
            "The image gives a track an impossible length.", f"{where}: {track.length}"
        )
    if track.pregap < 0 or track.pregap > MAX_LBA:
        raise ImageError("The image gives a track an impossible pregap.", where)
    if not (track.start - track.pregap >= MIN_LBA and track.end <= MAX_LBA):
        raise ImageError(
            "The image gives a track an impossible address.", f"{where}: LBA {track.start}"
        )
    if track.store.sector_size not in STORED_SIZES:
        raise ImageError(
            "The image uses a sector size Spindle cannot read.",
            f"{where}: {track.store.sector_size} bytes",
        )


def _check_files(track: Track, where: str, sizes: dict[Path, int]) -> None:
    store = track.store
    sectors = track.stored_pregap + track.length
    if store.path not in sizes:
        sizes[store.path] = _size(store.path, where)
    needed = store.offset + sectors * store.stride
    if store.offset < 0 or needed > sizes[store.path]:
        raise ImageError(
            f"“{store.path.name}” is shorter than the image says (truncated?).",
            f"{where} needs bytes up to {needed}, the file has {sizes[store.path]}",
        )
    if store.sub_path is not None:
        if store.sub_path not in sizes:
            sizes[store.sub_path] = _size(store.sub_path, where)
        sub_needed = store.sub_offset + sectors * 96
        if store.sub_offset < 0 or sub_needed > sizes[store.sub_path]:
            raise ImageError(
                f"“{store.sub_path.name}” is shorter than the image says.",
                f"{where} needs sub-channel bytes up to {sub_needed}",
            )


def check_layout(disc: Disc) -> Disc:
    """Refuse models that cannot be read: overlapping or out-of-file tracks, bad numbers.

    Every reader calls this last, so that a hostile descriptor (absurd offsets or sizes)
    ends in an :class:`ImageError` naming the problem instead of a read past a file's end."""
    tracks = disc.tracks
    if not tracks:
        raise ImageError(f"“{disc.path.name}” describes no tracks.", "empty track list")
    sizes: dict[Path, int] = {}
    previous_end: int | None = None
    for track in tracks:
        where = f"{disc.path.name}, track {track.number}"
        _check_track(track, where)
        if previous_end is not None and track.start - track.pregap < previous_end:
            raise ImageError("The image's tracks overlap.", f"{where} starts inside the previous")
        previous_end = track.end
        _check_files(track, where, sizes)
    return disc


def _size(path: Path, where: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError as exc:
        raise ImageError(f"A file of the image cannot be read: “{path.name}”.", str(exc)) from exc


def read_stored(
    track: Track, first: int, count: int, chunk: int, *, ring: int = 0
) -> Iterator[memoryview]:
    """The stored records (main data + inline sub-channel) of sectors ``first`` ..
    ``first + count - 1`` (absolute LBAs inside the stored range), ``chunk`` sectors at a time.

    With ``ring`` > 0 the chunks are read into that many reused buffers (no allocation per
    chunk): a chunk's bytes stay valid until ``ring`` more chunks have been read."""
    store = track.store
    if first < track.first_stored_lba or first + count > track.end:
        raise ValueError("range outside the stored sectors")
    position = store.offset + (first - track.first_stored_lba) * store.stride
    buffers = [bytearray(chunk * store.stride) for _ in range(ring)]
    try:
        with open(store.path, "rb", buffering=0) as handle:
            handle.seek(position)
            left = count
            turn = 0
            while left:
                n = min(chunk, left)
                size = n * store.stride
                view = (
                    memoryview(buffers[turn % ring])[:size] if ring else memoryview(bytearray(size))
                )
                got = 0
                while got < size:
                    part = handle.readinto(view[got:])
                    if not part:
                        raise ImageError(
                            f"“{store.path.name}” ended early.",
                            f"track {track.number}: short read at byte {handle.tell()}",
                        )
                    got += part
                yield view
                left -= n
                turn += 1
    except OSError as exc:
        raise ImageError(f"Could not read “{store.path.name}”.", str(exc)) from exc


def parse_int(text: str, what: str, where: str) -> int:
    """An integer field of a descriptor, or an :class:`ImageError` naming it."""
    try:
        return int(text.strip(), 0)
    except ValueError as exc:
        raise ImageError(f"The image has an unreadable {what}.", f"{where}: {text!r}") from exc


def user_offset(track: Track) -> int:
    """Where the 2048 user bytes start in a stored record of ``track`` (ECMA-130 §14)."""
    size = track.store.sector_size
    if size == 2048:
        return 0
    if size == 2336:
        return 8
    if size == 2352:
        return 16 if track.mode is TrackMode.MODE1 else 24
    raise ImageError(
        f"Track {track.number} has no 2048-byte user data to take.",
        f"{size}-byte {track.mode.label} sectors",
    )
