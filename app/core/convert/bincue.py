"""Writing BIN/CUE: one BIN of whole 2352-byte sectors for all chosen tracks and the CUE sheet
that describes it (:func:`app.core.image.cue.format_cue`).

Data tracks stored as 2048-byte user data get their sync, header, EDC and P/Q parity computed
per ECMA-130 §14 and Annexes A/B; 2336-byte Mode 2 records get sync and header.  Each track's
pregap goes into the BIN before its INDEX 01 (``INDEX 00``), rebuilt as silence or empty
sectors when the image did not store it, except the first track's 2-second pregap before LBA 0,
which BIN/CUE never holds.  Sessions after the first are marked ``REM SESSION nn``.
"""

from __future__ import annotations

from typing import BinaryIO

from app.core.convert.disc import Disc, Track, TrackMode
from app.core.convert.extract import Progress, raw_sectors
from app.core.files import write_error
from app.core.image.cue import CueTrack, CueTrackMode, format_cue


def cue_mode(track: Track) -> CueTrackMode:
    if track.is_audio:
        return CueTrackMode.AUDIO
    if track.mode is TrackMode.MODE1:
        return CueTrackMode.MODE1_RAW
    return CueTrackMode.MODE2_RAW


def _written_pregap(track: Track, first: bool) -> int:
    """Pregap sectors that go into the BIN before the track's INDEX 01."""
    if track.pregap_stored:
        return track.pregap
    if first or track.start - track.pregap < 0:
        return 0
    return track.pregap


def bin_sectors(tracks: tuple[Track, ...]) -> int:
    return sum(_written_pregap(t, i == 0) + t.length for i, t in enumerate(tracks))


def write_bincue(
    disc: Disc,
    tracks: tuple[Track, ...],
    out: BinaryIO,
    bin_name: str,
    progress: Progress | None,
) -> str:
    """Write the BIN of ``tracks`` to ``out``; returns the CUE sheet naming ``bin_name``."""
    cue_tracks: list[CueTrack] = []
    position = 0
    try:
        for i, track in enumerate(tracks):
            pregap = _written_pregap(track, i == 0)
            for chunk in raw_sectors(track, track.start - pregap, pregap + track.length, progress):
                out.write(chunk)
            audio = track.is_audio
            cue_tracks.append(
                CueTrack(
                    track.number,
                    cue_mode(track),
                    position + pregap,
                    pregap_lba=position if pregap else None,
                    copy_permitted=bool(track.control & 0x02),
                    pre_emphasis=audio and bool(track.control & 0x01),
                    four_channel=audio and bool(track.control & 0x08),
                    isrc=track.isrc,
                    title=track.cdtext.title,
                    performer=track.cdtext.performer,
                    songwriter=track.cdtext.songwriter,
                    session=track.session,
                )
            )
            position += pregap + track.length
    except OSError as exc:
        raise write_error(exc, "The BIN file") from exc
    return format_cue(
        bin_name,
        tuple(cue_tracks),
        catalog=disc.catalog,
        title=disc.cdtext.title,
        performer=disc.cdtext.performer,
        songwriter=disc.cdtext.songwriter,
    )
