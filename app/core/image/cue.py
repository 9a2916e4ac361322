"""CUE sheets for BIN/CUE images of CDs (audio, mixed mode, several tracks).

The BIN file holds raw 2352-byte sectors (IEC 60908 frames as READ CD returns them with
the user data, header, sync and EDC/ECC selected, MMC-6 §6.17) from the first track's
INDEX 01 to the lead-out, one after another.  The CUE sheet (CDRWIN format, as cdrdao,
whipper and most emulators read it) names that file and, for each track, its mode and its
index points as ``MM:SS:FF`` counted from the start of the file (75 frames per second, no
150-frame offset: :func:`app.core.units.frames_to_cue_time`)::

    FILE "disc.bin" BINARY
      TRACK 01 MODE1/2352
        INDEX 01 00:00:00
      TRACK 02 AUDIO
        INDEX 00 08:25:00
        INDEX 01 08:27:00

``INDEX 00`` marks the start of a track's pregap when the pregap lies inside the file (the
sectors between the previous track's end and this track's INDEX 01 that the Q sub-channel
attributes to this track, MMC-6 §4.2.3.7).  ``FLAGS`` carry the TOC's CONTROL bits
(MMC-6 Table 523): DCP (digital copy permitted), PRE (pre-emphasis), 4CH.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.errors import InvalidInputError
from app.core.units import frames_to_cue_time


class CueTrackMode(enum.Enum):
    AUDIO = "AUDIO"
    MODE1_RAW = "MODE1/2352"
    MODE2_RAW = "MODE2/2352"


@dataclass(frozen=True, slots=True)
class CueTrack:
    number: int
    mode: CueTrackMode
    start_lba: int
    """INDEX 01: where the track's own data starts (the TOC's track start)."""
    pregap_lba: int | None = None
    """INDEX 00: where its pregap starts, if it has one inside the image."""
    copy_permitted: bool = False
    pre_emphasis: bool = False
    four_channel: bool = False
    isrc: str = ""
    title: str = ""
    """CD-TEXT of the track (``TITLE``/``PERFORMER``/``SONGWRITER`` after ``TRACK``)."""
    performer: str = ""
    songwriter: str = ""
    session: int = 1
    """Written as ``REM SESSION nn`` (the CDRWIN/Redump form) when the tracks span sessions."""

    @property
    def flags(self) -> tuple[str, ...]:
        flags = []
        if self.copy_permitted:
            flags.append("DCP")
        if self.four_channel:
            flags.append("4CH")
        if self.pre_emphasis:
            flags.append("PRE")
        return tuple(flags)


def _quote(name: str) -> str:
    if '"' in name or "\n" in name or "\r" in name:
        raise InvalidInputError(
            "The image name cannot be written to a CUE sheet.",
            f"name {name!r} contains a quote or a line break",
        )
    return f'"{name}"'


def _text_lines(indent: str, title: str, performer: str, songwriter: str) -> list[str]:
    """CD-TEXT as CDRWIN writes it: ``TITLE``, ``PERFORMER``, ``SONGWRITER``."""
    fields = (("TITLE", title), ("PERFORMER", performer), ("SONGWRITER", songwriter))
    return [f"{indent}{keyword} {_quote(value)}" for keyword, value in fields if value]


def format_cue(
    bin_name: str,
    tracks: tuple[CueTrack, ...],
    *,
    first_lba: int = 0,
    catalog: str = "",
    title: str = "",
    performer: str = "",
    songwriter: str = "",
) -> str:
    """The CUE sheet for ``bin_name`` holding raw sectors from ``first_lba`` on."""
    if not tracks:
        raise ValueError("a CUE sheet needs at least one track")
    previous_end = first_lba
    for track in tracks:
        start = track.pregap_lba if track.pregap_lba is not None else track.start_lba
        if start < previous_end or track.start_lba < start:
            raise ValueError(f"track {track.number}: index points out of order")
        if not 1 <= track.number <= 99:
            raise ValueError(f"track number {track.number} outside 1..99")
        previous_end = track.start_lba
    lines: list[str] = []
    if catalog:
        lines.append(f"CATALOG {catalog}")
    lines.extend(_text_lines("", title, performer, songwriter))
    lines.append(f"FILE {_quote(bin_name)} BINARY")
    sessions = len({t.session for t in tracks}) > 1
    previous_session = 0
    for track in tracks:
        if sessions and track.session != previous_session:
            lines.append(f"  REM SESSION {track.session:02d}")
            previous_session = track.session
        lines.append(f"  TRACK {track.number:02d} {track.mode.value}")
        lines.extend(_text_lines("    ", track.title, track.performer, track.songwriter))
        if track.flags:
            lines.append(f"    FLAGS {' '.join(track.flags)}")
        if track.isrc:
            lines.append(f"    ISRC {track.isrc}")
        if track.pregap_lba is not None and track.pregap_lba < track.start_lba:
            lines.append(f"    INDEX 00 {frames_to_cue_time(track.pregap_lba - first_lba)}")
        lines.append(f"    INDEX 01 {frames_to_cue_time(track.start_lba - first_lba)}")
    return "\n".join(lines) + "\n"
